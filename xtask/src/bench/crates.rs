//! The crate comparison: the generated crate and AutoRust's in scratch
//! projects, their lines of Rust, build and `cargo doc` times.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::{json, Value};

use super::figures::{round, Sample};
use super::files::{sync_file, sync_tree, touch, write_if_changed};
use super::process::{cargo_measured, cargo_quiet};
use super::{step, Env, Plan, CRATE};

/// Each generated operation's doc comment carries this marker (`src/clients.rs`).
const OUR_OP_MARKER: &str = "(operation `";

const AUTORUST_CRATE: &str = "azure_mgmt_containerregistry";
pub(super) const AUTORUST_VERSION: &str = "0.21.0";
pub(super) const AUTORUST_FEATURES: &[&str] = &["package-2023-01-preview", "enable_reqwest"];
/// The module of the `package-2023-01-preview` tag (what that feature compiles).
const AUTORUST_MODULE: &str = "package_2023_01_preview";
/// AutoRust writes one module per operation, each with exactly one request builder.
const AUTORUST_OP_MARKER: &str = "pub struct RequestBuilder";

/// Rust source size: files, lines, non-blank lines and non-whitespace bytes
/// (the last does not depend on how the code is formatted).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Lines {
    files: usize,
    pub(super) total: usize,
    pub(super) non_blank: usize,
    pub(super) bytes: usize,
}

impl Lines {
    fn add_file(&mut self, path: &Path) -> Result<(), String> {
        let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        self.files += 1;
        for line in text.lines() {
            self.total += 1;
            if !line.trim().is_empty() {
                self.non_blank += 1;
            }
        }
        self.bytes += text.bytes().filter(|b| !b.is_ascii_whitespace()).count();
        Ok(())
    }

    /// Every `.rs` file under `path` (or `path` itself).
    fn add(&mut self, path: &Path) -> Result<(), String> {
        if path.is_file() {
            return self.add_file(path);
        }
        let mut entries: Vec<PathBuf> = fs::read_dir(path)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                self.add(&p)?;
            } else if p.extension().is_some_and(|x| x == "rs") {
                self.add_file(&p)?;
            }
        }
        Ok(())
    }

    fn to_json(self) -> Value {
        json!({
            "files": self.files, "total": self.total,
            "non_blank": self.non_blank, "non_whitespace_bytes": self.bytes,
        })
    }
}

/// One crate's figures.
pub(super) struct CrateFigures {
    pub(super) name: String,
    /// What was counted, relative to the crate.
    counted: Vec<String>,
    pub(super) lines: Lines,
    pub(super) operations: usize,
    pub(super) debug: Sample,
    pub(super) release: Sample,
    pub(super) doc: Sample,
}

impl CrateFigures {
    fn to_json(&self) -> Value {
        let ops = self.operations.max(1) as f64;
        json!({
            "crate": self.name,
            "counted": self.counted,
            "lines": self.lines.to_json(),
            "operations": self.operations,
            "non_blank_lines_per_operation": round(self.lines.non_blank as f64 / ops, 1),
            "build_debug": self.debug.to_json(),
            "build_release": self.release.to_json(),
            "doc": self.doc.to_json(),
            "build_debug_ms_per_operation": round(self.debug.median_ms() / ops, 2),
            "build_release_ms_per_operation": round(self.release.median_ms() / ops, 2),
            "doc_ms_per_operation": round(self.doc.median_ms() / ops, 2),
        })
    }
}

/// The runtime crate counted once for two generated crates: `azgen-runtime`,
/// `acr_mgmt` and `acr_tasks_mgmt` built after the runtime changed (their other
/// dependencies prebuilt), and the runtime alone.
pub(super) struct Shared {
    /// The generated crates.
    pub(super) crates: Vec<String>,
    /// Their operations in all.
    pub(super) operations: usize,
    pub(super) debug: Sample,
    pub(super) release: Sample,
    pub(super) runtime_debug: Sample,
    pub(super) runtime_release: Sample,
}

impl Shared {
    fn to_json(&self) -> Value {
        let ops = self.operations.max(1) as f64;
        json!({
            "crates": self.crates,
            "operations": self.operations,
            "build_debug": self.debug.to_json(),
            "build_release": self.release.to_json(),
            "build_debug_ms_per_operation": round(self.debug.median_ms() / ops, 2),
            "build_release_ms_per_operation": round(self.release.median_ms() / ops, 2),
            "runtime_build_debug": self.runtime_debug.to_json(),
            "runtime_build_release": self.runtime_release.to_json(),
        })
    }
}

pub(super) struct Crates {
    pub(super) ours: CrateFigures,
    pub(super) autorust: CrateFigures,
    pub(super) shared: Shared,
}

impl Crates {
    pub(super) fn to_json(&self) -> Value {
        json!({
            "azgen": self.ours.to_json(),
            "autorust": self.autorust.to_json(),
            "azgen_runtime_once": self.shared.to_json(),
        })
    }
}

pub(super) fn crates(env: &Env, plan: &Plan) -> Result<Crates, String> {
    let ours = ours_project(env)?;
    let autorust = autorust_project(env)?;
    let shared = shared_figures(env, plan, &ours)?;
    let ours = crate_figures(env, plan, &ours)?;
    let autorust = crate_figures(env, plan, &autorust)?;
    Ok(Crates {
        ours,
        autorust,
        shared,
    })
}

/// A scratch project with one crate under test.
struct Project {
    dir: PathBuf,
    krate: String,
    /// The crate's directory.
    crate_dir: PathBuf,
    /// What to count as the crate's source (relative to `crate_dir`).
    counted: Vec<String>,
    /// The file holding one marker per operation, and the marker.
    op_marker: (String, &'static str),
}

/// The second generated crate, built with the first for the runtime-once figures.
const SECOND_CRATE: (&str, &str) = ("acr_tasks_mgmt", "generated/tasks");
/// The runtime crate's package and directory in the workspace.
const RUNTIME: (&str, &str) = ("azgen-runtime", "runtime");

/// `target/bench/azgen`: a tiny package depending on copies of `generated/` and
/// `generated/tasks/`, each depending on a copy of `runtime/` beside them.
fn ours_project(env: &Env) -> Result<Project, String> {
    let dir = env.dir.join("azgen");
    let crate_dir = dir.join(CRATE);
    let runtime = env.workspace.join(RUNTIME.1);
    sync_tree(&runtime.join("src"), &dir.join(RUNTIME.1).join("src"))?;
    sync_file(
        &runtime.join("Cargo.toml"),
        &dir.join(RUNTIME.1).join("Cargo.toml"),
    )?;
    copy_generated(&env.workspace.join("generated"), &crate_dir)?;
    copy_generated(
        &env.workspace.join(SECOND_CRATE.1),
        &dir.join(SECOND_CRATE.0),
    )?;
    scratch_package(
        &dir,
        "bench_azgen",
        &format!(
            "{CRATE} = {{ path = \"{CRATE}\" }}\n{0} = {{ path = \"{0}\" }}\n",
            SECOND_CRATE.0
        ),
        "",
    )?;
    // The workspace's versions of everything.
    sync_file(&env.workspace.join("Cargo.lock"), &dir.join("Cargo.lock"))?;
    Ok(Project {
        dir,
        krate: CRATE.to_string(),
        crate_dir,
        counted: vec!["src".to_string()],
        op_marker: ("src/clients.rs".to_string(), OUR_OP_MARKER),
    })
}

/// `target/bench/autorust`: a tiny package depending on AutoRust's crate from
/// crates.io, patched to a copy of that crate's source (a registry crate is
/// never rebuilt for a touched file).
fn autorust_project(env: &Env) -> Result<Project, String> {
    let dir = env.dir.join("autorust");
    let features = AUTORUST_FEATURES
        .iter()
        .map(|f| format!("\"{f}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let dependency = format!(
        "{AUTORUST_CRATE} = {{ version = \"={AUTORUST_VERSION}\", default-features = false, features = [{features}] }}\n"
    );
    let vendored = dir.join("vendor").join(AUTORUST_CRATE);
    if !vendored.join("Cargo.toml").is_file() {
        scratch_package(&dir, "bench_autorust", &dependency, "")?;
        step(&format!("downloading {AUTORUST_CRATE} {AUTORUST_VERSION}"));
        cargo_quiet(&env.cargo, &dir, &["fetch"], Some(&dir.join("target")))?;
        let out = Command::new(&env.cargo)
            .current_dir(&dir)
            .args(["metadata", "--format-version", "1"])
            .env("CARGO_TARGET_DIR", dir.join("target"))
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| format!("cargo metadata: {e}"))?;
        let meta: Value =
            serde_json::from_slice(&out.stdout).map_err(|e| format!("cargo metadata: {e}"))?;
        let manifest = meta["packages"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|p| p["name"] == AUTORUST_CRATE && p["version"] == AUTORUST_VERSION)
            .and_then(|p| p["manifest_path"].as_str())
            .ok_or_else(|| format!("cargo metadata: no {AUTORUST_CRATE} {AUTORUST_VERSION}"))?;
        let source = Path::new(manifest)
            .parent()
            .ok_or_else(|| format!("{manifest}: no parent"))?;
        sync_tree(source, &vendored)?;
    }
    scratch_package(
        &dir,
        "bench_autorust",
        &dependency,
        &format!(
            "\n[patch.crates-io]\n{AUTORUST_CRATE} = {{ path = \"vendor/{AUTORUST_CRATE}\" }}\n"
        ),
    )?;
    Ok(Project {
        dir,
        krate: AUTORUST_CRATE.to_string(),
        crate_dir: vendored,
        counted: vec!["src/lib.rs".to_string(), format!("src/{AUTORUST_MODULE}")],
        op_marker: (format!("src/{AUTORUST_MODULE}/mod.rs"), AUTORUST_OP_MARKER),
    })
}

/// Copies a generated crate (only what the library needs: the manifest, its docs, and
/// src/) to `to`, its runtime dependency pointed at the copy beside it.
fn copy_generated(from: &Path, to: &Path) -> Result<(), String> {
    sync_tree(&from.join("src"), &to.join("src"))?;
    if from.join("README.md").is_file() {
        sync_file(&from.join("README.md"), &to.join("README.md"))?;
    }
    let manifest = fs::read_to_string(from.join("Cargo.toml"))
        .map_err(|e| format!("{}: {e}", from.display()))?;
    let prefix = format!("{} = ", RUNTIME.0);
    let mut found = false;
    let rewritten: Vec<String> = manifest
        .lines()
        .map(|line| match line.strip_prefix(&prefix) {
            Some(_) => {
                found = true;
                format!("{prefix}{{ path = \"../{}\" }}", RUNTIME.1)
            }
            None => line.to_string(),
        })
        .collect();
    if !found {
        return Err(format!("{}: no {} dependency", from.display(), RUNTIME.0));
    }
    write_if_changed(&to.join("Cargo.toml"), &(rewritten.join("\n") + "\n"))
}

/// Writes a package `name` in `dir` (an empty library) with `dependencies`.
fn scratch_package(dir: &Path, name: &str, dependencies: &str, extra: &str) -> Result<(), String> {
    let manifest = format!(
        "# Written by `cargo xtask bench`.\n[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\n{dependencies}\n[workspace]\n{extra}"
    );
    write_if_changed(&dir.join("Cargo.toml"), &manifest)?;
    write_if_changed(&dir.join("src").join("lib.rs"), "")
}

fn crate_figures(env: &Env, plan: &Plan, p: &Project) -> Result<CrateFigures, String> {
    let mut lines = Lines::default();
    for c in &p.counted {
        lines.add(&p.crate_dir.join(c))?;
    }
    let (marker_file, marker) = &p.op_marker;
    let text = fs::read_to_string(p.crate_dir.join(marker_file))
        .map_err(|e| format!("{marker_file}: {e}"))?;
    let operations = text.matches(*marker).count();
    let lib_rs = p.crate_dir.join("src").join("lib.rs");
    let build = |args: &[&str], what: &str| timed_builds(env, plan, p, &lib_rs, args, what);
    let debug = build(&["build", "-p", &p.krate], "debug build")?;
    let release = build(&["build", "--release", "-p", &p.krate], "release build")?;
    let doc = build(&["doc", "--no-deps", "-p", &p.krate], "cargo doc --no-deps")?;
    Ok(CrateFigures {
        name: p.krate.clone(),
        counted: p.counted.clone(),
        lines,
        operations,
        debug,
        release,
        doc,
    })
}

/// Builds with `args` once for the dependencies, then `plan.build_reps` times after
/// touching `touched`: the figures of what that file's change rebuilds.
fn timed_builds(
    env: &Env,
    plan: &Plan,
    p: &Project,
    touched: &Path,
    args: &[&str],
    what: &str,
) -> Result<Sample, String> {
    let target = p.dir.join("target");
    step(&format!("{}: {what}: dependencies", p.krate));
    cargo_quiet(&env.cargo, &p.dir, args, Some(&target))?;
    let mut sample = Sample::default();
    for i in 0..plan.build_reps {
        step(&format!(
            "{}: {what}: run {}/{}",
            p.krate,
            i + 1,
            plan.build_reps
        ));
        touch(touched)?;
        let done = cargo_measured(&env.cargo, &p.dir, args, &target)?;
        sample.runs_ms.push(done.wall.as_secs_f64() * 1000.0);
        sample.peak_rss_kib = sample.peak_rss_kib.max(done.max_rss_kib);
    }
    Ok(sample)
}

/// The runtime once for two crates: both generated crates rebuilt after a change to
/// the runtime (which rebuilds it and them), and the runtime alone.
fn shared_figures(env: &Env, plan: &Plan, p: &Project) -> Result<Shared, String> {
    let runtime_lib = p.dir.join(RUNTIME.1).join("src").join("lib.rs");
    let mut operations = 0;
    for krate in [CRATE, SECOND_CRATE.0] {
        let clients = p.dir.join(krate).join("src").join("clients.rs");
        let text =
            fs::read_to_string(&clients).map_err(|e| format!("{}: {e}", clients.display()))?;
        operations += text.matches(OUR_OP_MARKER).count();
    }
    let both = ["-p", CRATE, "-p", SECOND_CRATE.0];
    let build = |extra: &[&str], what: &str| {
        let args: Vec<&str> = extra.iter().copied().chain(both).collect();
        timed_builds(env, plan, p, &runtime_lib, &args, what)
    };
    let alone = |extra: &[&str], what: &str| {
        let args: Vec<&str> = extra.iter().copied().chain(["-p", RUNTIME.0]).collect();
        timed_builds(env, plan, p, &runtime_lib, &args, what)
    };
    Ok(Shared {
        crates: vec![CRATE.to_string(), SECOND_CRATE.0.to_string()],
        operations,
        debug: build(&["build"], "debug build with the runtime, two crates")?,
        release: build(
            &["build", "--release"],
            "release build with the runtime, two crates",
        )?,
        runtime_debug: alone(&["build"], "debug build of the runtime alone")?,
        runtime_release: alone(
            &["build", "--release"],
            "release build of the runtime alone",
        )?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_counts() {
        let dir = std::env::temp_dir().join(format!("xtask-bench-lines-{}", std::process::id()));
        fs::create_dir_all(dir.join("sub")).unwrap();
        fs::write(dir.join("a.rs"), "fn a() {}\n\n  \nfn b() {}\n").unwrap();
        fs::write(dir.join("sub/b.rs"), "// x\n").unwrap();
        fs::write(dir.join("c.txt"), "not rust\n").unwrap();
        let mut lines = Lines::default();
        lines.add(&dir).unwrap();
        fs::remove_dir_all(&dir).unwrap();
        assert_eq!((lines.files, lines.total, lines.non_blank), (2, 5, 3));
        assert_eq!(lines.bytes, "fna(){}fnb(){}//x".len());
    }
}
