//! `cargo bench -p azgen`: the generator library on the ACR spec
//! (2023-01-01-preview, 70 operations) with the settings of
//! `specs/containerregistry.toml`, as `cargo xtask regen` runs it: `load`,
//! `generate` (from a loaded spec) and both.
//!
//! The spec corpus is `$AZURE_REST_API_SPECS`, else
//! `../shared/azure-rest-api-specs` beside the checkout; without it the
//! benchmarks are skipped. Whole-process times, peak memory, scaling and the
//! generated crate's build cost are `cargo xtask bench`'s.

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};

const ACR: &str = "specification/containerregistry/resource-manager/Microsoft.ContainerRegistry/preview/2023-01-01-preview/containerregistry.json";

/// Reads files below the spec root.
struct FsSource {
    root: PathBuf,
}

impl azgen::SourceProvider for FsSource {
    fn read(&self, path: &str) -> Result<String, String> {
        std::fs::read_to_string(self.root.join(path)).map_err(|e| e.to_string())
    }
    fn exists(&self, path: &str) -> bool {
        self.root.join(path).is_file()
    }
}

fn workspace() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    dir.parent().unwrap_or(dir).to_path_buf()
}

/// The `[settings]` of `specs/containerregistry.toml`.
fn settings() -> azgen::Settings {
    let path = workspace().join("specs/containerregistry.toml");
    let text = std::fs::read_to_string(&path).expect("specs/containerregistry.toml");
    let mut table: toml::Table = toml::from_str(&text).expect("specs/containerregistry.toml");
    let settings = table.remove("settings").expect("a [settings] table");
    settings.try_into().expect("valid [settings]")
}

fn generate(c: &mut Criterion) {
    let root = std::env::var_os("AZURE_REST_API_SPECS")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("../shared/azure-rest-api-specs"));
    if !root.join(ACR).is_file() {
        eprintln!(
            "skipped: {ACR} is not under {} (set AZURE_REST_API_SPECS)",
            root.display()
        );
        return;
    }
    let source = FsSource { root };
    let entries = vec![ACR.to_string()];
    let settings = settings();
    let spec = azgen::load(&entries, &source).expect("the ACR spec loads");

    let mut group = c.benchmark_group("acr");
    // Runs take tens to hundreds of milliseconds: few, equal-sized samples.
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("load", |b| {
        b.iter(|| azgen::load(&entries, &source).expect("load"))
    });
    group.bench_function("generate", |b| {
        b.iter(|| azgen::generate(&spec, &settings, &source).expect("generate"))
    });
    group.bench_function("load+generate", |b| {
        b.iter(|| {
            let spec = azgen::load(&entries, &source).expect("load");
            azgen::generate(&spec, &settings, &source).expect("generate")
        })
    });
    group.finish();
}

criterion_group!(benches, generate);
criterion_main!(benches);
