//! The `azgen` command as a user runs it: exit status, what it prints, what it writes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Where the small specs of these tests are; the commands run there, so the
/// file names in messages are as a user in that directory would see them.
fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Runs `azgen` in `dir`, with backtraces on, so that a panic would show one.
fn azgen(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_azgen"))
        .args(args)
        .current_dir(dir)
        .env("RUST_BACKTRACE", "1")
        .output()
        .expect("azgen runs")
}

/// A fresh, empty directory under the target directory.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a scratch directory");
    dir
}

/// Runs a failing generation of `input` and checks the shape of what the user
/// sees: exit status 1, nothing written, no panic or backtrace, the `error: `
/// lines (returned), then the count.
fn fails(input: &str) -> Vec<String> {
    fails_with(
        &fixtures(),
        &format!("cli-fail-{input}"),
        &["--input", input],
    )
}

/// [`fails`] for `azgen generate <args> --output <a scratch directory>` run in `dir`.
fn fails_with(dir: &Path, scratch_name: &str, args: &[&str]) -> Vec<String> {
    let out_dir = scratch(scratch_name);
    let mut all = vec!["generate"];
    all.extend_from_slice(args);
    all.extend(["--output", out_dir.to_str().expect("UTF-8 path")]);
    let out = azgen(dir, &all);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "stderr:\n{stderr}");
    assert!(!stderr.contains("panicked"), "stderr:\n{stderr}");
    assert!(!stderr.contains("stack backtrace"), "stderr:\n{stderr}");
    assert!(!stderr.contains("RUST_BACKTRACE"), "stderr:\n{stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
    assert!(
        std::fs::read_dir(&out_dir)
            .expect("scratch directory")
            .next()
            .is_none(),
        "nothing is written on failure"
    );
    let lines: Vec<&str> = stderr.lines().collect();
    let (summary, errors) = lines.split_last().expect("some output");
    assert_eq!(*summary, format!("azgen: {} error(s)", errors.len()));
    for line in errors {
        assert!(line.starts_with("error: "), "stderr:\n{stderr}");
    }
    errors.iter().map(|l| l.to_string()).collect()
}

#[test]
fn broken_ref() {
    assert_eq!(
        fails("broken_ref.json"),
        [
            "error: broken_ref.json:9:14: #/definitions/A/properties/b: unresolved $ref `#/definitions/Nope`: `#/definitions/Nope` does not exist in `broken_ref.json`",
            "error: broken_ref.json:10:14: #/definitions/A/properties/c: unresolved $ref `#/definitions/AlsoNope`: `#/definitions/AlsoNope` does not exist in `broken_ref.json`",
        ]
    );
}

#[test]
fn malformed_json() {
    assert_eq!(
        fails("malformed.json"),
        ["error: malformed.json:10:7: #/definitions/A/properties: malformed JSON: trailing comma"]
    );
}

#[test]
fn unknown_version() {
    assert_eq!(
        fails("version.json"),
        [
            r#"error: version.json:2:14: #/swagger: unsupported document version: `swagger: "1.2"` (supported: "2.0", or `openapi: 3.0.x`)"#
        ]
    );
}

#[test]
fn missing_input() {
    assert_eq!(
        fails("nope.json"),
        [format!(
            "error: nope.json: #: cannot read file: {}",
            std::fs::read_to_string(fixtures().join("nope.json")).expect_err("no such file")
        )]
    );
}

#[test]
fn every_input_is_checked() {
    // Two broken inputs: both are reported, in one run.
    let out = azgen(
        &fixtures(),
        &[
            "generate",
            "--input",
            "version.json",
            "--input",
            "malformed.json",
            "--output",
            scratch("cli-fail-two").to_str().expect("UTF-8 path"),
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr.lines().collect::<Vec<_>>(),
        [
            "error: malformed.json:10:7: #/definitions/A/properties: malformed JSON: trailing comma",
            r#"error: version.json:2:14: #/swagger: unsupported document version: `swagger: "1.2"` (supported: "2.0", or `openapi: 3.0.x`)"#,
            "azgen: 2 error(s)",
        ]
    );
}

/// A directory with a small valid spec (`spec.json`, one definition `A`) and
/// `settings.toml` with the given text.
fn spec_and_settings(name: &str, settings: &str) -> PathBuf {
    let dir = scratch(name);
    std::fs::write(
        dir.join("spec.json"),
        r#"{
  "swagger": "2.0",
  "info": { "title": "Small", "version": "1" },
  "paths": {},
  "definitions": { "A": { "type": "object", "properties": { "b": { "type": "string" } } } }
}
"#,
    )
    .expect("write the spec");
    std::fs::write(dir.join("settings.toml"), settings).expect("write the settings");
    dir
}

#[test]
fn settings_and_inputs_are_both_checked() {
    // A broken settings file does not hide the errors of the inputs, and a
    // TOML error (several lines as the toml crate prints it) is one line.
    let dir = spec_and_settings("cli-fail-settings", "crate-name = \"x\"\ncolour = 1\n");
    let errors = fails_with(
        &dir,
        "cli-fail-settings-out",
        &["--config", "settings.toml", "--input", "nope.json"],
    );
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(
        errors[0].starts_with("error: settings.toml:2:1: invalid settings: unknown field `colour`"),
        "{errors:#?}"
    );
    assert!(
        errors[1].starts_with("error: nope.json: #: cannot read file: "),
        "{errors:#?}"
    );
}

#[test]
fn settings_names_are_checked() {
    // Renames are used as Rust names as they are: one that is not an identifier
    // is an error (it used to panic), reported with every other one.
    let dir = spec_and_settings(
        "cli-fail-renames",
        "crate-name = \"x\"\n[renames]\nA = \"Not A Name\"\n\"A.b\" = \"type\"\n",
    );
    assert_eq!(
        fails_with(
            &dir,
            "cli-fail-renames-out",
            &["--config", "settings.toml", "--input", "spec.json"]
        ),
        [
            "error: settings: rename of `A`: `Not A Name` is not a Rust identifier",
            "error: settings: rename of `A.b`: `type` is not a Rust identifier",
        ]
    );
}

#[test]
fn warnings_are_printed_and_counted() {
    let dir = spec_and_settings("cli-warnings", "crate-name = \"x\"\n");
    std::fs::write(
        dir.join("spec.json"),
        r#"{
  "swagger": "2.0",
  "info": { "title": "Small", "version": "1" },
  "paths": {},
  "definitions": { "Foo": { "type": "string" }, "foo": { "type": "string" } }
}
"#,
    )
    .expect("write the spec");
    let out_dir = scratch("cli-warnings-out");
    let out = azgen(
        &dir,
        &[
            "generate",
            "--config",
            "settings.toml",
            "--input",
            "spec.json",
            "--output",
            out_dir.to_str().expect("UTF-8 path"),
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "stderr:\n{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    let (summary, warnings) = lines.split_last().expect("some output");
    assert!(!warnings.is_empty(), "stderr:\n{stderr}");
    assert!(
        warnings
            .iter()
            .all(|l| l.starts_with("warning: spec.json:")),
        "stderr:\n{stderr}"
    );
    assert!(
        summary.ends_with(&format!(" {} warnings)", warnings.len())),
        "stderr:\n{stderr}"
    );
}

/// The spec corpus: `$AZURE_REST_API_SPECS`, else `../shared/azure-rest-api-specs` beside the checkout.
fn spec_root() -> PathBuf {
    std::env::var_os("AZURE_REST_API_SPECS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/azure-rest-api-specs")
        })
}

const ACR: &str = "specification/containerregistry/resource-manager/Microsoft.ContainerRegistry/preview/2023-01-01-preview/containerregistry.json";

/// Generates the ACR spec into `out_dir` (an absolute input path, run from the fixtures),
/// with a copy of the runtime crate: the crate builds on its own.
fn generate_acr(out_dir: &Path) -> Output {
    let input = spec_root().join(ACR);
    assert!(
        input.is_file(),
        "the spec corpus is missing: {}",
        input.display()
    );
    azgen(
        &fixtures(),
        &[
            "generate",
            "--input",
            input.to_str().expect("UTF-8 path"),
            "--output",
            out_dir.to_str().expect("UTF-8 path"),
            "--crate-name",
            "acr_cli_test",
            "--vendor-runtime",
        ],
    )
}

#[test]
fn generates_acr() {
    let out_dir = scratch("cli-acr");
    let out = generate_acr(&out_dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "stderr:\n{stderr}");
    assert!(
        !stderr.lines().any(|l| l.starts_with("error")),
        "stderr:\n{stderr}"
    );
    // The last line is the summary.
    let summary = stderr.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with("azgen: wrote ")
            && summary.contains(&format!("files to {}", out_dir.display())),
        "stderr:\n{stderr}"
    );
    for file in [
        "Cargo.toml",
        "src/lib.rs",
        "src/models.rs",
        "azgen-runtime/Cargo.toml",
        "azgen-runtime/src/lib.rs",
        "azgen-runtime/src/http/lro/mod.rs",
    ] {
        assert!(out_dir.join(file).is_file(), "{file} is written");
    }
    let manifest = std::fs::read_to_string(out_dir.join("Cargo.toml")).expect("Cargo.toml");
    assert!(
        manifest.contains("[package]\nname = \"acr_cli_test\"\nversion = \"0.1.0\"\n"),
        "{manifest}"
    );
    assert!(
        manifest.contains("azgen-runtime = { path = \"azgen-runtime\", version = \"0.1.0\", default-features = false, features = [\"http\"] }\n"),
        "{manifest}"
    );
    let models = std::fs::read_to_string(out_dir.join("src/models.rs")).expect("models.rs");
    for item in [
        "pub struct Registry {",
        "pub struct RegistryProperties {",
        // Enums are invocations of the runtime's enum macros.
        "crate::runtime::extensible_enum! {\n    /// The SKU name of the container registry. Required for registry creation.\n    SkuName {",
    ] {
        assert!(models.contains(item), "models.rs has `{item}`");
    }
    let lib = std::fs::read_to_string(out_dir.join("src/lib.rs")).expect("lib.rs");
    assert!(lib.contains("pub mod models;"), "{lib}");
}

/// Builds the crate the command writes, with its copy of the runtime, as a crate of its
/// own (not a workspace member), offline, with the workspace's lock file and target
/// directory (its dependencies are built already).
#[test]
fn generated_acr_crate_compiles() {
    let out_dir = std::env::temp_dir().join(format!("azgen-cli-acr-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out_dir);
    let out = generate_acr(&out_dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.lock"),
        out_dir.join("Cargo.lock"),
    )
    .expect("copy Cargo.lock");
    let check = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["check", "--offline", "--quiet"])
        .current_dir(&out_dir)
        .env(
            "CARGO_TARGET_DIR",
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"),
        )
        .output()
        .expect("cargo runs");
    let _ = std::fs::remove_dir_all(&out_dir);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}
