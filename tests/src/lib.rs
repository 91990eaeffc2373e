//! Shared helpers of the integration tests: where the spec corpus and the
//! fixture specs are, and a file-system source for the generator.

use std::path::{Path, PathBuf};

/// Reads files below a root directory (the tests' `SourceProvider`).
pub struct FsSource {
    pub root: PathBuf,
}

impl azgen::SourceProvider for FsSource {
    fn read(&self, path: &str) -> Result<String, String> {
        std::fs::read_to_string(self.root.join(path)).map_err(|e| e.to_string())
    }
    fn exists(&self, path: &str) -> bool {
        self.root.join(path).is_file()
    }
}

/// The workspace root.
pub fn workspace() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    dir.parent().unwrap_or(dir).to_path_buf()
}

/// The spec corpus: `$AZURE_REST_API_SPECS`, else `../shared/azure-rest-api-specs` beside the checkout.
pub fn spec_root() -> PathBuf {
    std::env::var_os("AZURE_REST_API_SPECS")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("../shared/azure-rest-api-specs"))
}

/// The fixture specs of these tests.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// The ACR 2023-01-01-preview spec, relative to the spec root.
pub const ACR: &str = "specification/containerregistry/resource-manager/Microsoft.ContainerRegistry/preview/2023-01-01-preview/containerregistry.json";

/// The ACR Tasks 2019-04-01 spec, relative to the spec root.
pub const ACR_TASKS: &str =
    "specification/containerregistry/resource-manager/Microsoft.ContainerRegistry/stable/2019-04-01/containerregistry_build.json";

/// Settings for a test crate named `name`.
pub fn settings(name: &str) -> azgen::Settings {
    azgen::Settings {
        crate_name: name.to_string(),
        ..azgen::Settings::default()
    }
}

/// Loads and generates `entries` (relative to `root`), panicking with the error lines on failure.
pub fn generate(root: &Path, entries: &[&str], settings: &azgen::Settings) -> azgen::Output {
    let source = FsSource {
        root: root.to_path_buf(),
    };
    let entries: Vec<String> = entries.iter().map(|e| e.to_string()).collect();
    let spec = azgen::load(&entries, &source).unwrap_or_else(|e| panic!("load failed:\n{e}"));
    azgen::generate(&spec, settings, &source).unwrap_or_else(|e| panic!("generate failed:\n{e}"))
}

/// Generates one fixture spec (`tests/fixtures/<file>`) as a crate named after it.
pub fn generate_fixture(file: &str) -> azgen::Output {
    let name = file
        .trim_end_matches(".json")
        .trim_end_matches(".yaml")
        .replace(['-', '/'], "_");
    // Fixtures that link examples get the example tests; the crates are written to
    // `target/fixture-crates/<name>/`, three levels below the workspace.
    let settings = azgen::Settings {
        examples: Some(azgen::settings::ExampleSettings {
            spec_root_from_crate: "../../../tests/fixtures".to_string(),
            known_defects: Vec::new(),
        }),
        runtime_path: Some("../../../runtime".to_string()),
        ..settings(&format!("fixture_{name}"))
    };
    generate(&fixtures_dir(), &[file], &settings)
}
