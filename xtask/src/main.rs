//! Workspace tasks. `cargo xtask regen` regenerates every target in `specs/`;
//! `cargo xtask regen --check` runs the same code and compares instead of
//! writing, printing a unified diff on drift. `cargo xtask bench [--quick]`
//! measures generation and the generated crate's cost (see `bench/mod.rs`);
//! `cargo xtask fuzz` is the bounded fuzz run (see `fuzz.rs`); `cargo xtask
//! conformance` runs generated clients against the autorest test server
//! (see `conformance.rs`).

mod bench;
mod conformance;
mod fuzz;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Deserialize;

/// One `specs/*.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Target {
    inputs: Vec<String>,
    api_version: String,
    output: String,
    settings: azgen::Settings,
}

/// Reads spec files below a root directory.
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

fn workspace_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

/// The spec root: `--spec-root`, else `$AZURE_REST_API_SPECS`, else `../shared/azure-rest-api-specs`.
fn spec_root(flag: Option<PathBuf>, workspace: &Path) -> PathBuf {
    flag.or_else(|| std::env::var_os("AZURE_REST_API_SPECS").map(PathBuf::from))
        .unwrap_or_else(|| workspace.join("../shared/azure-rest-api-specs"))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("bench") => return bench::main(&args[1..]),
        Some("fuzz") => return fuzz::main(&args[1..]),
        Some("conformance") => return conformance::main(&args[1..]),
        Some(bench::LIB_CHILD) => return bench::lib_child(&args[1..]),
        _ => {}
    }
    let mut check = false;
    let mut root = None;
    let mut task = None;
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--spec-root" => root = it.next().map(PathBuf::from),
            "-h" | "--help" => {
                println!("usage: cargo xtask regen [--check] [--spec-root DIR]");
                println!("       cargo xtask bench [--quick] [--no-crates] [--max-scale N] [--spec-root DIR]");
                println!("       cargo xtask fuzz [--seconds N] [--release]");
                println!("       cargo xtask conformance [--no-test] [--test NAME]...");
                println!("       cargo xtask conformance [--no-test] [--test NAME]...");
                return ExitCode::SUCCESS;
            }
            t if task.is_none() => task = Some(t.to_string()),
            other => {
                eprintln!("xtask: unexpected argument `{other}`");
                return ExitCode::from(2);
            }
        }
    }
    match task.as_deref() {
        Some("regen") => match regen(check, root) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(1),
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(1)
            }
        },
        _ => {
            eprintln!("usage: cargo xtask regen [--check] [--spec-root DIR]");
            eprintln!("       cargo xtask bench [--quick] [--no-crates] [--max-scale N] [--spec-root DIR]");
            eprintln!("       cargo xtask fuzz [--seconds N] [--release]");
            eprintln!("       cargo xtask conformance [--no-test] [--test NAME]...");
            ExitCode::from(2)
        }
    }
}

/// Regenerates (or checks) every target; `Ok(false)` means drift was found in check mode.
fn regen(check: bool, root: Option<PathBuf>) -> Result<bool, String> {
    let workspace = workspace_root();
    let root = spec_root(root, &workspace);
    let source = FsSource { root: root.clone() };
    let mut targets: Vec<PathBuf> = std::fs::read_dir(workspace.join("specs"))
        .map_err(|e| format!("specs/: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    targets.sort();
    let mut clean = true;
    for path in targets {
        let name = path
            .strip_prefix(&workspace)
            .unwrap_or(&path)
            .display()
            .to_string();
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{name}: {e}"))?;
        let target: Target = toml::from_str(&text).map_err(|e| format!("{name}: {e}"))?;
        let spec = azgen::load(&target.inputs, &source).map_err(|e| report(&root, e))?;
        let version = spec
            .entries
            .first()
            .and_then(|e| spec.files.get(e))
            .map(|f| f.doc.info.version.clone());
        if version.as_deref() != Some(target.api_version.as_str()) {
            return Err(format!(
                "{name}: api-version `{}` but the spec says `{}`",
                target.api_version,
                version.unwrap_or_default()
            ));
        }
        let out =
            azgen::generate(&spec, &target.settings, &source).map_err(|e| report(&root, e))?;
        for w in &out.warnings {
            eprintln!("warning: {w}");
        }
        let dir = workspace.join(&target.output);
        let drift = sync(&dir, &out.files, check)?;
        eprintln!(
            "{name}: {} types ({} definitions), {} example files, {} warnings{}",
            out.stats.types,
            out.stats.definitions,
            out.stats.examples,
            out.warnings.len(),
            if check {
                format!(", {} files drifted", drift.len())
            } else {
                String::new()
            }
        );
        for d in &drift {
            print!("{d}");
        }
        clean &= drift.is_empty();
    }
    if !clean {
        println!("generated code is out of date: run `cargo xtask regen` and commit");
    }
    Ok(clean)
}

fn report(root: &Path, e: azgen::Error) -> String {
    let lines: Vec<String> = e.flatten().iter().map(ToString::to_string).collect();
    format!("{} (spec root {})", lines.join("\nerror: "), root.display())
}

/// Writes `files` under `dir`, or, with `check`, compares them and returns the diffs.
/// Generated files that are no longer produced (they start with the preamble) are
/// removed, or reported as drift.
fn sync(dir: &Path, files: &BTreeMap<String, String>, check: bool) -> Result<Vec<String>, String> {
    let mut drift = Vec::new();
    for (rel, new) in files {
        let path = dir.join(rel);
        let old = std::fs::read_to_string(&path)
            .ok()
            .map(|t| t.replace("\r\n", "\n"));
        if old.as_deref() == Some(new.as_str()) {
            continue;
        }
        if check {
            let old = old.unwrap_or_default();
            let shown = format!("{}/{rel}", dir.display());
            let diff = similar::TextDiff::from_lines(&old, new);
            drift.push(
                diff.unified_diff()
                    .context_radius(3)
                    .header(&format!("a/{shown}"), &format!("b/{shown}"))
                    .to_string(),
            );
        } else {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| format!("{}: {e}", parent.display()))?;
            }
            std::fs::write(&path, new).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    for stale in stale_files(dir, files) {
        if check {
            drift.push(format!(
                "--- a/{}\n+++ /dev/null\n(generated file no longer produced)\n",
                stale.display()
            ));
        } else {
            std::fs::remove_file(&stale).map_err(|e| format!("{}: {e}", stale.display()))?;
        }
    }
    Ok(drift)
}

/// Files under `dir/src` and `dir/tests` carrying the generated preamble but not in `files`.
fn stale_files(dir: &Path, files: &BTreeMap<String, String>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.join("src"), dir.join("tests")];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path
                .strip_prefix(dir)
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            if files.contains_key(&rel) {
                continue;
            }
            let generated =
                std::fs::read_to_string(&path).is_ok_and(|t| t.starts_with(azgen::PREAMBLE));
            if generated {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}
