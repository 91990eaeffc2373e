//! `cargo xtask bench [--quick]`: how fast azgen generates, how it scales, and
//! what the generated crate costs next to AutoRust's for the same API version.
//!
//! Generation is measured on the ACR spec of `specs/containerregistry.toml`
//! (with its settings) through the library (load + generate, in a child
//! process: the xtask runs itself with a hidden subcommand, so each peak RSS
//! belongs to one measurement) and through the `azgen` CLI as a whole process,
//! at 1×, 10× and 100× (synthetic specs under `target/bench/specs/`: ACR's
//! definitions and paths replicated under new names). Peak RSS comes from
//! `wait4(2)`: the child's own maximum resident set, its children included.
//!
//! The crate comparison builds the generated crate (`generated/` copied into
//! `target/bench/azgen/` with the workspace's `Cargo.lock`) and AutoRust's
//! `azure_mgmt_containerregistry` 0.21.0 from crates.io (`target/bench/autorust/`,
//! patched to a copy of its source so that touching its `lib.rs` rebuilds it),
//! each with its dependencies built first, then times the crate alone.
//!
//! `--quick` (CI) uses the debug builds, 1× and 10× only, few runs, and no
//! crate comparison: it keeps the bench working, its figures mean little.
//! The page-memory figures (`pages`) are peak RSS per body byte of a 1e6-item list
//! page paged through the generated client.
//!
//! Nothing here asserts a time: the targets are reported, met or missed.

mod callgrind;
mod crates;
mod figures;
mod files;
mod generation;
mod pages;
mod process;
mod report;
mod synthetic;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use crates::Crates;
use files::write;
pub use generation::lib_child;
use generation::Scale;
use process::cargo_quiet;

/// The hidden subcommand the bench runs itself with to measure the library.
pub const LIB_CHILD: &str = "__bench-lib";

const SPEC_TARGET: &str = "specs/containerregistry.toml";
const CRATE: &str = "acr_mgmt";

const USAGE: &str =
    "usage: cargo xtask bench [--quick] [--no-crates] [--max-scale N] [--spec-root DIR]";

struct Options {
    quick: bool,
    /// Whether to build and compare the crates (never with `--quick`).
    crates: bool,
    /// Scales above this are not measured.
    max_scale: usize,
    spec_root: Option<PathBuf>,
}

/// How many times to run one measurement: at least `min` and at most `max`
/// runs, stopping once `budget` has been spent (always one run at least).
#[derive(Clone, Copy)]
struct Reps {
    min: usize,
    max: usize,
    budget: Duration,
}

impl Reps {
    /// Whether to run again after `done` runs that took `spent` in all
    /// (`min` runs are only insisted on within twice the budget).
    fn more(&self, done: usize, spent: Duration) -> bool {
        let within = spent < self.budget || (done < self.min && spent < self.budget * 2);
        done < self.max && within
    }
}

/// Per-mode parameters.
struct Plan {
    profile: &'static str,
    scales: &'static [usize],
    reps: Reps,
    /// A scale whose runs would take longer than this (projected from the
    /// smaller scales' growth) is skipped and reported as such.
    run_limit: Duration,
    build_reps: usize,
}

const FULL: Plan = Plan {
    profile: "release",
    scales: &[1, 10, 100],
    reps: Reps {
        min: 5,
        max: 11,
        budget: Duration::from_secs(20),
    },
    run_limit: Duration::from_secs(120),
    build_reps: 3,
};

const QUICK: Plan = Plan {
    profile: "debug",
    scales: &[1, 10],
    reps: Reps {
        min: 1,
        max: 3,
        budget: Duration::from_secs(2),
    },
    run_limit: Duration::from_secs(20),
    build_reps: 0,
};

pub fn main(args: &[String]) -> ExitCode {
    let mut opts = Options {
        quick: false,
        crates: true,
        max_scale: usize::MAX,
        spec_root: None,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--quick" => opts.quick = true,
            "--no-crates" => opts.crates = false,
            "--spec-root" => opts.spec_root = it.next().map(PathBuf::from),
            "--max-scale" => match it.next().and_then(|n| n.parse().ok()) {
                Some(n) => opts.max_scale = n,
                None => {
                    eprintln!("xtask bench: --max-scale needs a number\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("xtask bench: unexpected argument `{other}`\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    match run(&opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

/// Paths and tools of one bench run.
struct Env {
    workspace: PathBuf,
    spec_root: PathBuf,
    /// The ACR spec, relative to the spec root.
    input: String,
    /// `target/bench`.
    dir: PathBuf,
    cargo: String,
    azgen: PathBuf,
    xtask: PathBuf,
    settings_file: PathBuf,
}

/// What one bench run measured, for the report.
struct Measured {
    generation: Vec<Scale>,
    crates: Option<Crates>,
    pages: Option<pages::Pages>,
    load_before: Option<String>,
    load_after: Option<String>,
}

fn run(opts: &Options) -> Result<(), String> {
    let plan = if opts.quick { &QUICK } else { &FULL };
    let (env, target) = setup(opts)?;

    let load_before = load_average();
    let generation = generation::generation(&env, plan, opts.max_scale)?;
    let crates = match (opts.quick, opts.crates) {
        (false, true) => Some(crates::crates(&env, plan)?),
        _ => None,
    };

    let pages = match cfg!(target_os = "linux") {
        true => Some(pages::pages(&env, plan, opts.quick)?),
        false => None,
    };
    let measured = Measured {
        generation,
        crates,
        pages,
        load_before,
        load_after: load_average(),
    };
    report::publish(opts, plan, &env, &target.api_version, &measured)
}

/// Reads the ACR target, writes its settings for the CLI, and builds the tools.
fn setup(opts: &Options) -> Result<(Env, super::Target), String> {
    let workspace = super::workspace_root();
    let spec_root = super::spec_root(opts.spec_root.clone(), &workspace);
    let target_dir = target_dir(&workspace);
    let dir = target_dir.join("bench");
    fs::create_dir_all(dir.join("out")).map_err(|e| format!("{}: {e}", dir.display()))?;

    let text = fs::read_to_string(workspace.join(SPEC_TARGET))
        .map_err(|e| format!("{SPEC_TARGET}: {e}"))?;
    let target: super::Target = toml::from_str(&text).map_err(|e| format!("{SPEC_TARGET}: {e}"))?;
    let input = target
        .inputs
        .first()
        .cloned()
        .ok_or_else(|| format!("{SPEC_TARGET}: no inputs"))?;
    if !spec_root.join(&input).is_file() {
        return Err(format!(
            "{input}: not found under the spec root {} (set AZURE_REST_API_SPECS or --spec-root)",
            spec_root.display()
        ));
    }
    let settings_file = settings_file(&text, &dir)?;

    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let (azgen, xtask) = build(opts.quick, &cargo, &workspace, &target_dir)?;
    let env = Env {
        workspace,
        spec_root,
        input,
        dir,
        cargo,
        azgen,
        xtask,
        settings_file,
    };
    Ok((env, target))
}

/// Cargo's target directory: `CARGO_TARGET_DIR` (relative to the workspace), or `target`.
fn target_dir(workspace: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|t| {
            if t.is_absolute() {
                t
            } else {
                workspace.join(t)
            }
        })
        .unwrap_or_else(|| workspace.join("target"))
}

/// The `[settings]` table of the target file `text` as a file of its own in
/// `dir`, for the CLI's `--config`.
fn settings_file(text: &str, dir: &Path) -> Result<PathBuf, String> {
    let settings_table = toml::from_str::<toml::Table>(text)
        .ok()
        .and_then(|mut t| t.remove("settings"))
        .ok_or_else(|| format!("{SPEC_TARGET}: no [settings]"))?;
    let settings_file = dir.join("settings.toml");
    write(
        &settings_file,
        &toml::to_string(&settings_table).map_err(|e| e.to_string())?,
    )?;
    Ok(settings_file)
}

/// Builds the binaries to measure: the `azgen` CLI and the xtask that measures the library.
fn build(
    quick: bool,
    cargo: &str,
    workspace: &Path,
    target_dir: &Path,
) -> Result<(PathBuf, PathBuf), String> {
    if quick {
        // The debug builds CI has anyway; this xtask measures the library.
        step(&format!("{cargo} build -p azgen"));
        cargo_quiet(cargo, workspace, &["build", "-p", "azgen"], None)?;
        let me = std::env::current_exe().map_err(|e| format!("current exe: {e}"))?;
        Ok((target_dir.join("debug").join(exe("azgen")), me))
    } else {
        // One invocation, so both binaries share one feature resolution.
        step(&format!("{cargo} build --release -p azgen -p xtask"));
        cargo_quiet(
            cargo,
            workspace,
            &["build", "--release", "-p", "azgen", "-p", "xtask"],
            None,
        )?;
        let release = target_dir.join("release");
        Ok((release.join(exe("azgen")), release.join(exe("xtask"))))
    }
}

/// The 1-minute load average (Linux), to tell a quiet machine from a busy one.
fn load_average() -> Option<String> {
    let text = fs::read_to_string("/proc/loadavg").ok()?;
    text.split_whitespace().next().map(str::to_string)
}

fn step(what: &str) {
    eprintln!("bench: {what}");
}

fn exe(name: &str) -> String {
    format!("{name}{}", std::env::consts::EXE_SUFFIX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repetitions_stop_at_the_budget_or_the_maximum() {
        let reps = Reps {
            min: 3,
            max: 5,
            budget: Duration::from_secs(10),
        };
        assert!(reps.more(1, Duration::from_secs(1)));
        assert!(!reps.more(5, Duration::from_secs(1)));
        // Past the budget, the minimum is still run within twice the budget.
        assert!(reps.more(2, Duration::from_secs(15)));
        assert!(!reps.more(2, Duration::from_secs(25)));
        assert!(!reps.more(3, Duration::from_secs(11)));
    }
}
