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
//! Nothing here asserts a time: the targets are reported, met or missed.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// The hidden subcommand the bench runs itself with to measure the library.
pub const LIB_CHILD: &str = "__bench-lib";

const SPEC_TARGET: &str = "specs/containerregistry.toml";
const CRATE: &str = "acr_mgmt";
/// Each generated operation's doc comment carries this marker (`src/clients.rs`).
const OUR_OP_MARKER: &str = "(operation `";

const AUTORUST_CRATE: &str = "azure_mgmt_containerregistry";
const AUTORUST_VERSION: &str = "0.21.0";
const AUTORUST_FEATURES: &[&str] = &["package-2023-01-preview", "enable_reqwest"];
/// The module of the `package-2023-01-preview` tag (what that feature compiles).
const AUTORUST_MODULE: &str = "package_2023_01_preview";
/// AutoRust writes one module per operation, each with exactly one request builder.
const AUTORUST_OP_MARKER: &str = "pub struct RequestBuilder";

/// Targets of issue 7.
const CLI_TARGET_MS: f64 = 50.0;
const RATIO_TARGET: f64 = 0.5;

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

fn run(opts: &Options) -> Result<(), String> {
    let plan = if opts.quick { &QUICK } else { &FULL };
    let workspace = super::workspace_root();
    let spec_root = super::spec_root(opts.spec_root.clone(), &workspace);
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|t| {
            if t.is_absolute() {
                t
            } else {
                workspace.join(t)
            }
        })
        .unwrap_or_else(|| workspace.join("target"));
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
    // The `[settings]` table as a file of its own, for the CLI's `--config`.
    let settings_table = toml::from_str::<toml::Table>(&text)
        .ok()
        .and_then(|mut t| t.remove("settings"))
        .ok_or_else(|| format!("{SPEC_TARGET}: no [settings]"))?;
    let settings_file = dir.join("settings.toml");
    write(
        &settings_file,
        &toml::to_string(&settings_table).map_err(|e| e.to_string())?,
    )?;

    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let (azgen, xtask) = if opts.quick {
        // The debug builds CI has anyway; this xtask measures the library.
        step(&format!("{cargo} build -p azgen"));
        cargo_quiet(&cargo, &workspace, &["build", "-p", "azgen"], None)?;
        let me = std::env::current_exe().map_err(|e| format!("current exe: {e}"))?;
        (target_dir.join("debug").join(exe("azgen")), me)
    } else {
        // One invocation, so both binaries share one feature resolution.
        step(&format!("{cargo} build --release -p azgen -p xtask"));
        cargo_quiet(
            &cargo,
            &workspace,
            &["build", "--release", "-p", "azgen", "-p", "xtask"],
            None,
        )?;
        let release = target_dir.join("release");
        (release.join(exe("azgen")), release.join(exe("xtask")))
    };
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

    let load_before = load_average();
    let generation = generation(&env, plan, opts.max_scale)?;
    let crates = match (opts.quick, opts.crates) {
        (false, true) => Some(crates(&env, plan)?),
        _ => None,
    };

    let load_after = load_average();
    let mut report = Report::default();
    generation_rows(&generation, plan, &mut report);
    let targets = match &crates {
        Some(c) => crate_rows(c, &mut report),
        None => Vec::new(),
    };
    let targets = if opts.quick {
        Vec::new()
    } else {
        let mut all = vec![cli_target(&generation)];
        all.extend(targets);
        all
    };

    println!();
    println!(
        "azgen bench ({}{}, {} CPUs, load average {} before, {} after): ACR {} — {}",
        plan.profile,
        if opts.quick { ", --quick" } else { "" },
        std::thread::available_parallelism().map_or(0, usize::from),
        load_before.as_deref().unwrap_or("?"),
        load_after.as_deref().unwrap_or("?"),
        target.api_version,
        env.input
    );
    println!();
    print!("{}", report.table());
    if !targets.is_empty() {
        println!();
        println!("Targets:");
        for t in &targets {
            println!(
                "- {}: {} — {}",
                t.name,
                t.shown,
                if t.met { "met" } else { "MISSED" }
            );
        }
    }

    let file = env.dir.join(if opts.quick {
        "bench-quick.json"
    } else {
        "bench.json"
    });
    let doc = json!({
        "mode": if opts.quick { "quick" } else { "full" },
        "profile": plan.profile,
        "cpus": std::thread::available_parallelism().map_or(0, usize::from),
        "load_average": { "before": load_before, "after": load_after },
        "spec": env.input,
        "api_version": target.api_version,
        "generation": generation.iter().map(Scale::to_json).collect::<Vec<_>>(),
        "crates": crates.as_ref().map(Crates::to_json),
        "targets": targets.iter().map(|t| json!({
            "name": t.name, "value": t.value, "limit": t.limit, "met": t.met,
        })).collect::<Vec<_>>(),
    });
    let text = serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?;
    write(&file, &(text + "\n"))?;
    println!();
    println!("figures written to {}", file.display());
    Ok(())
}

// ---------------------------------------------------------------- generation

/// One measurement: run times and the largest peak RSS among the runs.
#[derive(Debug, Clone, Default)]
struct Sample {
    runs_ms: Vec<f64>,
    peak_rss_kib: Option<u64>,
}

impl Sample {
    fn median_ms(&self) -> f64 {
        median(&self.runs_ms)
    }

    fn to_json(&self) -> Value {
        json!({
            "median_ms": round(self.median_ms(), 2),
            "runs_ms": self.runs_ms.iter().map(|t| round(*t, 2)).collect::<Vec<_>>(),
            "peak_rss_kib": self.peak_rss_kib,
        })
    }

    fn shown(&self) -> String {
        let rss = self
            .peak_rss_kib
            .map_or_else(String::new, |k| format!(", {} peak", mib(k)));
        format!(
            "{}{rss} (median of {})",
            ms(self.median_ms()),
            self.runs_ms.len()
        )
    }
}

/// Generation at one scale.
struct Scale {
    scale: usize,
    operations: usize,
    spec_bytes: u64,
    library: Option<Sample>,
    cli: Option<Sample>,
    /// The CLI's instructions under callgrind (release, 1× only, where valgrind is).
    instructions: Option<Instructions>,
    skipped: Option<String>,
}

/// Instructions a run executed, by callgrind: unlike times, the same from run to run
/// on a machine, whatever else it is doing.
struct Instructions {
    total: u64,
    /// Each thread slot's, the main thread first (a later thread may reuse a slot).
    threads: Vec<u64>,
}

impl Scale {
    fn to_json(&self) -> Value {
        json!({
            "scale": self.scale,
            "operations": self.operations,
            "spec_bytes": self.spec_bytes,
            "library": self.library.as_ref().map(Sample::to_json),
            "cli": self.cli.as_ref().map(Sample::to_json),
            "cli_instructions": self.instructions.as_ref().map(|i| json!({
                "total": i.total,
                "thread_slots": i.threads,
            })),
            "skipped": self.skipped,
        })
    }
}

/// What the library child reports.
struct LibReport {
    sample: Sample,
    operations: usize,
}

fn generation(env: &Env, plan: &Plan, max_scale: usize) -> Result<Vec<Scale>, String> {
    let source_abs = env.spec_root.join(&env.input);
    let base: Value = serde_json::from_str(
        &fs::read_to_string(&source_abs).map_err(|e| format!("{}: {e}", source_abs.display()))?,
    )
    .map_err(|e| format!("{}: {e}", source_abs.display()))?;
    let mut out: Vec<Scale> = Vec::new();
    for &scale in plan.scales.iter().filter(|&&s| s <= max_scale) {
        // 1× is the spec itself, read where it is (relative to the spec root,
        // as `cargo xtask regen` reads it); larger scales are written here
        // (also when they are then skipped: the synthesis is checked anyway).
        let (spec, input) = if scale == 1 {
            (base.clone(), env.input.clone())
        } else {
            let file = env.dir.join("specs").join(format!("acr-{scale}x.json"));
            let spec = replicate(&base, scale, &to_slash(&source_abs));
            let text = serde_json::to_string_pretty(&spec).map_err(|e| e.to_string())?;
            write(&file, &text)?;
            (spec, to_slash(&file))
        };
        let mut row = Scale {
            scale,
            operations: count_operations(&spec),
            spec_bytes: fs::metadata(env.spec_root.join(&input)).map_or(0, |m| m.len()),
            library: None,
            cli: None,
            instructions: None,
            skipped: projected_too_slow(&out, scale, plan.run_limit),
        };
        if let Some(reason) = &row.skipped {
            eprintln!("bench: {scale}×: skipped, {reason}");
            out.push(row);
            continue;
        }
        step(&format!("{scale}×: library (load + generate)"));
        let lib = library(env, &env.spec_root, &input, plan.reps)?;
        if lib.operations != row.operations {
            return Err(format!(
                "{scale}×: the generator made {} operations of the spec's {}",
                lib.operations, row.operations
            ));
        }
        row.library = Some(lib.sample);
        step(&format!("{scale}×: azgen CLI"));
        let out_dir = env.dir.join("out").join(format!("cli-{scale}x"));
        row.cli = Some(cli(env, &env.spec_root, &input, &out_dir, plan.reps)?);
        if scale == 1 && plan.profile == "release" {
            row.instructions = instructions(env, &env.spec_root, &input, &out_dir)?;
        }
        out.push(row);
    }
    Ok(out)
}

/// The operations of a Swagger document: the methods of its paths.
fn count_operations(spec: &Value) -> usize {
    const METHODS: &[&str] = &["get", "put", "post", "delete", "options", "head", "patch"];
    ["paths", "x-ms-paths"]
        .iter()
        .filter_map(|k| spec[*k].as_object())
        .flat_map(|paths| paths.values())
        .filter_map(Value::as_object)
        .map(|item| {
            item.keys()
                .filter(|k| METHODS.contains(&k.as_str()))
                .count()
        })
        .sum()
}

/// Why `scale` would take too long, judged by the measured scales: their
/// growth exponent (1 with a single point) carried on to `scale`.
fn projected_too_slow(done: &[Scale], scale: usize, limit: Duration) -> Option<String> {
    let points: Vec<(f64, f64)> = done
        .iter()
        .filter_map(|s| {
            let lib = s.library.as_ref()?.median_ms();
            let cli = s.cli.as_ref()?.median_ms();
            Some((s.scale as f64, lib.max(cli)))
        })
        .collect();
    let &(x1, y1) = points.last()?;
    let exponent = match points.len() {
        0 | 1 => 1.0,
        n => {
            let (x0, y0) = points[n - 2];
            ((y1 / y0).ln() / (x1 / x0).ln()).max(1.0)
        }
    };
    let projected = y1 * (scale as f64 / x1).powf(exponent);
    (projected > limit.as_secs_f64() * 1000.0).then(|| {
        format!(
            "projected {} per run (time grows as scale^{exponent:.2}), over the {} limit",
            ms(projected),
            ms(limit.as_secs_f64() * 1000.0)
        )
    })
}

/// Runs the library measurement in a child (this xtask, [`LIB_CHILD`]).
fn library(env: &Env, cwd: &Path, input: &str, reps: Reps) -> Result<LibReport, String> {
    let report = env.dir.join("out").join("lib-report.json");
    let _ = fs::remove_file(&report);
    let mut cmd = Command::new(&env.xtask);
    cmd.arg(LIB_CHILD)
        .arg("--root")
        .arg(cwd)
        .arg("--input")
        .arg(input)
        .arg("--settings")
        .arg(&env.settings_file)
        .arg("--report")
        .arg(&report)
        .args(["--min-reps", &reps.min.to_string()])
        .args(["--max-reps", &reps.max.to_string()])
        .args(["--budget-ms", &reps.budget.as_millis().to_string()])
        .stdin(Stdio::null());
    let done = run_measured(&mut cmd)?;
    if !done.ok {
        return Err(format!("library bench child failed: {}", done.status));
    }
    let text = fs::read_to_string(&report).map_err(|e| format!("{}: {e}", report.display()))?;
    let v: Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", report.display()))?;
    let runs_ms: Vec<f64> = v["runs_ms"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    Ok(LibReport {
        sample: Sample {
            runs_ms,
            peak_rss_kib: done.max_rss_kib,
        },
        operations: v["operations"].as_u64().unwrap_or(0) as usize,
    })
}

/// Whole `azgen generate` processes.
fn cli(env: &Env, cwd: &Path, input: &str, out: &Path, reps: Reps) -> Result<Sample, String> {
    let log = env.dir.join("out").join("cli.stderr");
    let mut sample = Sample::default();
    let start = Instant::now();
    while sample.runs_ms.is_empty() || reps.more(sample.runs_ms.len(), start.elapsed()) {
        let stderr = fs::File::create(&log).map_err(|e| format!("{}: {e}", log.display()))?;
        let mut cmd = Command::new(&env.azgen);
        cmd.current_dir(cwd)
            .args(["generate", "--input", input, "--output"])
            .arg(out)
            .arg("--config")
            .arg(&env.settings_file)
            .args(["--crate-name", CRATE])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(stderr);
        let done = run_measured(&mut cmd)?;
        if !done.ok {
            let text = fs::read_to_string(&log).unwrap_or_default();
            return Err(format!("azgen generate failed ({}):\n{text}", done.status));
        }
        sample.runs_ms.push(done.wall.as_secs_f64() * 1000.0);
        sample.peak_rss_kib = sample.peak_rss_kib.max(done.max_rss_kib);
    }
    Ok(sample)
}

/// The CLI's run under `valgrind --tool=callgrind`, a file per thread; `None` where
/// valgrind is not installed.
fn instructions(
    env: &Env,
    cwd: &Path,
    input: &str,
    out: &Path,
) -> Result<Option<Instructions>, String> {
    let have = Command::new("valgrind")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !have {
        eprintln!("bench: valgrind not found: no instruction counts");
        return Ok(None);
    }
    step("1×: azgen CLI under callgrind");
    let dir = env.dir.join("out").join("callgrind");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let log = dir.join("valgrind.log");
    let stderr = fs::File::create(&log).map_err(|e| format!("{}: {e}", log.display()))?;
    let status = Command::new("valgrind")
        .current_dir(cwd)
        .arg("--tool=callgrind")
        .arg("--separate-threads=yes")
        .arg(format!(
            "--callgrind-out-file={}",
            dir.join("cli.out").display()
        ))
        .arg(&env.azgen)
        .args(["generate", "--input", input, "--output"])
        .arg(out)
        .arg("--config")
        .arg(&env.settings_file)
        .args(["--crate-name", CRATE])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(stderr)
        .status()
        .map_err(|e| format!("valgrind: {e}"))?;
    if !status.success() {
        let text = fs::read_to_string(&log).unwrap_or_default();
        return Err(format!(
            "azgen generate under callgrind failed ({status}):\n{text}"
        ));
    }
    // One file per thread (`cli.out-01` is the main thread), each with a `summary:`;
    // `cli.out` itself stays empty.
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("cli.out-"))
        })
        .collect();
    files.sort();
    let mut threads = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let summary = text
            .lines()
            .find_map(|l| l.strip_prefix("summary:"))
            .and_then(|n| n.trim().parse::<u64>().ok())
            .ok_or_else(|| format!("{}: no `summary:` line", file.display()))?;
        threads.push(summary);
    }
    if threads.is_empty() {
        return Err(format!("callgrind wrote no output in {}", dir.display()));
    }
    Ok(Some(Instructions {
        total: threads.iter().sum(),
        threads,
    }))
}

/// `xtask __bench-lib --root DIR --input PATH --settings FILE --report FILE
/// --min-reps N --max-reps N --budget-ms N`: load + generate in this process,
/// repeatedly, and write the run times (ms) to the report file.
pub fn lib_child(args: &[String]) -> ExitCode {
    match lib_child_run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn lib_child_run(args: &[String]) -> Result<(), String> {
    let get = |name: &str| -> Result<String, String> {
        let at = args
            .iter()
            .position(|a| a == name)
            .ok_or_else(|| format!("{LIB_CHILD}: missing {name}"))?;
        args.get(at + 1)
            .cloned()
            .ok_or_else(|| format!("{LIB_CHILD}: {name} needs a value"))
    };
    let root = PathBuf::from(get("--root")?);
    let input = get("--input")?;
    let settings_path = get("--settings")?;
    let report = get("--report")?;
    let number = |s: String| s.parse::<u64>().map_err(|e| format!("{s}: {e}"));
    let reps = Reps {
        min: number(get("--min-reps")?)? as usize,
        max: number(get("--max-reps")?)? as usize,
        budget: Duration::from_millis(number(get("--budget-ms")?)?),
    };
    let settings: azgen::Settings = toml::from_str(
        &fs::read_to_string(&settings_path).map_err(|e| format!("{settings_path}: {e}"))?,
    )
    .map_err(|e| format!("{settings_path}: {e}"))?;
    let source = super::FsSource { root: root.clone() };
    let entries = vec![input];
    let mut runs_ms = Vec::new();
    let mut operations = 0;
    let start = Instant::now();
    while runs_ms.is_empty() || reps.more(runs_ms.len(), start.elapsed()) {
        let t = Instant::now();
        let spec = azgen::load(&entries, &source).map_err(|e| super::report(&root, e))?;
        let out =
            azgen::generate(&spec, &settings, &source).map_err(|e| super::report(&root, e))?;
        runs_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        operations = out.stats.operations;
        drop((spec, out));
    }
    let doc = json!({ "runs_ms": runs_ms, "operations": operations });
    write(Path::new(&report), &doc.to_string())
}

/// ACR's spec with its definitions and paths replicated `n` times in all:
/// copy `k` (1..n) renames definitions to `<Name>Copy<k>` (and rewrites the
/// `$ref`s to them), `x-ms-enum` names likewise, prefixes paths with
/// `/copy<k>` and suffixes operationIds with `Copy<k>`. Copies link no
/// `x-ms-examples` (they would link the same files). References to other
/// files are made absolute, since the copy is written elsewhere.
fn replicate(spec: &Value, n: usize, spec_path: &str) -> Value {
    let mut base = spec.clone();
    absolutize(&mut base, spec_path);
    let names: BTreeSet<String> = base["definitions"]
        .as_object()
        .map(|d| d.keys().cloned().collect())
        .unwrap_or_default();
    let defs = base["definitions"].as_object().cloned().unwrap_or_default();
    let paths = base["paths"].as_object().cloned().unwrap_or_default();
    let mut out = base.clone();
    for k in 1..n {
        let suffix = format!("Copy{k}");
        for (name, def) in &defs {
            let mut def = def.clone();
            rename(&mut def, &names, &suffix);
            out["definitions"][format!("{name}{suffix}")] = def;
        }
        for (path, item) in &paths {
            let mut item = item.clone();
            rename(&mut item, &names, &suffix);
            if let Some(ops) = item.as_object_mut() {
                for op in ops.values_mut() {
                    let Some(op) = op.as_object_mut() else {
                        continue;
                    };
                    op.remove("x-ms-examples");
                    if let Some(Value::String(id)) = op.get_mut("operationId") {
                        id.push_str(&suffix);
                    }
                }
            }
            out["paths"][format!("/copy{k}{path}")] = item;
        }
    }
    out
}

/// Makes every `$ref` to another file absolute (relative to `spec_path`).
fn absolutize(v: &mut Value, spec_path: &str) {
    match v {
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                match value {
                    Value::String(r) if key == "$ref" && !r.starts_with('#') => {
                        let (file, fragment) = r.split_once('#').unwrap_or((r.as_str(), ""));
                        let joined = azgen::load::join(spec_path, file);
                        *r = match fragment {
                            "" => joined,
                            f => format!("{joined}#{f}"),
                        };
                    }
                    other => absolutize(other, spec_path),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| absolutize(i, spec_path)),
        _ => {}
    }
}

/// Renames, in one copy, the references to local definitions and the `x-ms-enum` names.
fn rename(v: &mut Value, names: &BTreeSet<String>, suffix: &str) {
    match v {
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                match (key.as_str(), value) {
                    ("$ref", Value::String(r)) => {
                        if let Some(rest) = r.strip_prefix("#/definitions/") {
                            let (name, tail) = match rest.split_once('/') {
                                Some((name, tail)) => (name, format!("/{tail}")),
                                None => (rest, String::new()),
                            };
                            if names.contains(name) {
                                *r = format!("#/definitions/{name}{suffix}{tail}");
                            }
                        }
                    }
                    ("x-ms-enum", Value::Object(e)) => {
                        if let Some(Value::String(name)) = e.get_mut("name") {
                            name.push_str(suffix);
                        }
                    }
                    (_, other) => rename(other, names, suffix),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| rename(i, names, suffix)),
        _ => {}
    }
}

// ---------------------------------------------------------------- crates

/// Rust source size: files, lines, non-blank lines and non-whitespace bytes
/// (the last does not depend on how the code is formatted).
#[derive(Debug, Clone, Copy, Default)]
struct Lines {
    files: usize,
    total: usize,
    non_blank: usize,
    bytes: usize,
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
struct CrateFigures {
    name: String,
    /// What was counted, relative to the crate.
    counted: Vec<String>,
    lines: Lines,
    operations: usize,
    debug: Sample,
    release: Sample,
    doc: Sample,
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

struct Crates {
    ours: CrateFigures,
    autorust: CrateFigures,
}

impl Crates {
    fn to_json(&self) -> Value {
        json!({ "azgen": self.ours.to_json(), "autorust": self.autorust.to_json() })
    }
}

fn crates(env: &Env, plan: &Plan) -> Result<Crates, String> {
    let ours = ours_project(env)?;
    let autorust = autorust_project(env)?;
    let ours = crate_figures(env, plan, &ours)?;
    let autorust = crate_figures(env, plan, &autorust)?;
    Ok(Crates { ours, autorust })
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

/// `target/bench/azgen`: a tiny package depending on a copy of `generated/`.
fn ours_project(env: &Env) -> Result<Project, String> {
    let dir = env.dir.join("azgen");
    let crate_dir = dir.join(CRATE);
    let generated = env.workspace.join("generated");
    // Only what the library needs: the manifest, its docs, and src/.
    sync_tree(&generated.join("src"), &crate_dir.join("src"))?;
    for file in ["Cargo.toml", "README.md"] {
        sync_file(&generated.join(file), &crate_dir.join(file))?;
    }
    scratch_package(
        &dir,
        "bench_azgen",
        &format!("{CRATE} = {{ path = \"{CRATE}\" }}\n"),
        "",
    )?;
    // The workspace's versions of everything.
    if !dir.join("Cargo.lock").exists() {
        fs::copy(env.workspace.join("Cargo.lock"), dir.join("Cargo.lock"))
            .map_err(|e| format!("Cargo.lock: {e}"))?;
    }
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
    let target = p.dir.join("target");
    let build = |args: &[&str], what: &str| -> Result<Sample, String> {
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
            touch(&lib_rs)?;
            let done = cargo_measured(&env.cargo, &p.dir, args, &target)?;
            sample.runs_ms.push(done.wall.as_secs_f64() * 1000.0);
            sample.peak_rss_kib = sample.peak_rss_kib.max(done.max_rss_kib);
        }
        Ok(sample)
    };
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

// ---------------------------------------------------------------- report

#[derive(Default)]
struct Report {
    rows: Vec<[String; 4]>,
}

impl Report {
    fn row(
        &mut self,
        a: impl Into<String>,
        b: impl Into<String>,
        c: impl Into<String>,
        d: impl Into<String>,
    ) {
        self.rows.push([a.into(), b.into(), c.into(), d.into()]);
    }

    /// A Markdown table, padded to line up in a terminal.
    fn table(&self) -> String {
        let header = ["measure", "azgen", "AutoRust", "azgen ÷ AutoRust"];
        let mut widths = header.map(|h| h.chars().count());
        for r in &self.rows {
            for (w, c) in widths.iter_mut().zip(r) {
                *w = (*w).max(c.chars().count());
            }
        }
        let line = |cells: [&str; 4]| {
            let mut s = String::from("|");
            for (c, w) in cells.iter().zip(widths) {
                let _ = write!(s, " {c}{} |", " ".repeat(w - c.chars().count()));
            }
            s.push('\n');
            s
        };
        let mut out = line(header);
        out.push('|');
        for w in widths {
            let _ = write!(out, "{}|", "-".repeat(w + 2));
        }
        out.push('\n');
        for r in &self.rows {
            out.push_str(&line([&r[0], &r[1], &r[2], &r[3]]));
        }
        out
    }
}

fn generation_rows(gen: &[Scale], plan: &Plan, report: &mut Report) {
    let base = gen.first();
    for s in gen {
        let what = format!("{}× ({} ops)", s.scale, s.operations);
        let size = format!("{:.1} MB spec", s.spec_bytes as f64 / 1e6);
        if let Some(reason) = &s.skipped {
            report.row(
                format!("generation, {what}, {size}"),
                format!("skipped: {reason}"),
                "",
                "",
            );
            continue;
        }
        for (kind, sample, base_sample) in [
            (
                "library load+generate",
                &s.library,
                base.and_then(|b| b.library.as_ref()),
            ),
            ("CLI process", &s.cli, base.and_then(|b| b.cli.as_ref())),
        ] {
            let Some(sample) = sample else { continue };
            let mut shown = sample.shown();
            if let (Some(b), true) = (base_sample, s.scale > 1) {
                let per = sample.median_ms() / s.scale as f64 / b.median_ms();
                let _ = write!(shown, "; per 1×: {per:.2}× the 1× time");
                if let (Some(r), Some(rb)) = (sample.peak_rss_kib, b.peak_rss_kib) {
                    let per = r as f64 / s.scale as f64 / rb as f64;
                    let _ = write!(shown, ", {per:.2}× its memory");
                }
            }
            report.row(
                format!("{kind} ({}), {what}, {size}", plan.profile),
                shown,
                "",
                "",
            );
        }
        if let Some(i) = &s.instructions {
            // Valgrind numbers threads by slot, and a thread that starts after another
            // ended takes its slot: past the main thread, a figure may add up several.
            let others: Vec<String> = i.threads.iter().skip(1).map(|n| millions(*n)).collect();
            let main = i.threads.first().copied().unwrap_or_default();
            report.row(
                format!("CLI instructions (callgrind), {what}"),
                format!(
                    "{} in all; main thread {}, other thread slots {}",
                    millions(i.total),
                    millions(main),
                    match others.is_empty() {
                        true => "none".to_string(),
                        false => others.join(", "),
                    }
                ),
                "",
                "",
            );
        }
    }
}

/// An instruction count in millions: `247.3M`.
fn millions(n: u64) -> String {
    format!("{:.1}M", n as f64 / 1e6)
}

struct TargetCheck {
    name: String,
    shown: String,
    value: f64,
    limit: f64,
    met: bool,
}

fn cli_target(gen: &[Scale]) -> TargetCheck {
    let value = gen
        .first()
        .and_then(|s| s.cli.as_ref())
        .map_or(f64::NAN, Sample::median_ms);
    TargetCheck {
        name: format!("whole CLI run on the ACR spec ≤ {CLI_TARGET_MS} ms median (release)"),
        shown: ms(value),
        value,
        limit: CLI_TARGET_MS,
        met: value <= CLI_TARGET_MS,
    }
}

fn crate_rows(c: &Crates, report: &mut Report) -> Vec<TargetCheck> {
    let (a, b) = (&c.ours, &c.autorust);
    let (oa, ob) = (a.operations.max(1) as f64, b.operations.max(1) as f64);
    report.row(
        "crate",
        format!("{} (generated/)", a.name),
        format!("{} {AUTORUST_VERSION}", b.name),
        "",
    );
    report.row(
        "operations",
        a.operations.to_string(),
        format!("{} (`{}`)", b.operations, AUTORUST_FEATURES[0]),
        ratio(oa, ob),
    );
    report.row(
        "lines of Rust in src: non-blank (total)",
        format!("{} ({})", a.lines.non_blank, a.lines.total),
        format!("{} ({})", b.lines.non_blank, b.lines.total),
        ratio(a.lines.non_blank as f64, b.lines.non_blank as f64),
    );
    let (la, lb) = (a.lines.non_blank as f64 / oa, b.lines.non_blank as f64 / ob);
    report.row(
        "non-blank lines per operation",
        format!("{la:.0}"),
        format!("{lb:.0}"),
        ratio(la, lb),
    );
    let (ba, bb) = (a.lines.bytes as f64 / oa, b.lines.bytes as f64 / ob);
    report.row(
        "non-whitespace bytes per operation",
        format!("{:.1} KB", ba / 1000.0),
        format!("{:.1} KB", bb / 1000.0),
        ratio(ba, bb),
    );
    let mut per_op = Vec::new();
    for (what, x, y) in [
        ("debug build of the crate alone", &a.debug, &b.debug),
        ("release build of the crate alone", &a.release, &b.release),
        ("cargo doc --no-deps", &a.doc, &b.doc),
    ] {
        let (tx, ty) = (x.median_ms(), y.median_ms());
        report.row(what, x.shown(), y.shown(), ratio(tx, ty));
        let (px, py) = (tx / oa, ty / ob);
        report.row("… per operation", ms(px), ms(py), ratio(px, py));
        per_op.push((what, px / py));
    }
    let mut targets = Vec::new();
    for (what, r) in per_op.iter().take(2) {
        targets.push(TargetCheck {
            name: format!("{what}: time per operation ≤ ½ AutoRust's"),
            shown: format!("{r:.2}× AutoRust's"),
            value: *r,
            limit: RATIO_TARGET,
            met: *r <= RATIO_TARGET,
        });
    }
    targets.push(TargetCheck {
        name: "non-blank lines per operation ≤ ½ AutoRust's".to_string(),
        shown: format!("{:.2}× AutoRust's ({la:.0} vs {lb:.0})", la / lb),
        value: la / lb,
        limit: RATIO_TARGET,
        met: la / lb <= RATIO_TARGET,
    });
    targets
}

// ---------------------------------------------------------------- processes

/// How a measured child ended.
struct Finished {
    ok: bool,
    status: String,
    wall: Duration,
    max_rss_kib: Option<u64>,
}

/// Runs `cmd` to completion: wall time from spawn to exit, and its peak RSS.
fn run_measured(cmd: &mut Command) -> Result<Finished, String> {
    let start = Instant::now();
    let child = cmd
        .spawn()
        .map_err(|e| format!("{:?}: {e}", cmd.get_program()))?;
    let (ok, status, max_rss_kib) = wait(child)?;
    Ok(Finished {
        ok,
        status,
        wall: start.elapsed(),
        max_rss_kib,
    })
}

/// Reaps `child` with `wait4`, which also returns its resource usage: the
/// peak RSS of the child, or of its largest waited-for descendant (for cargo:
/// rustc).
#[cfg(unix)]
fn wait(child: std::process::Child) -> Result<(bool, String, Option<u64>), String> {
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: `rusage` is plain data; all zeroes is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: `pid` is our child, not reaped yet (std reaps only in
        // `wait`/`try_wait`, never called on it); both pointers are valid.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            break;
        }
        let err = std::io::Error::last_os_error();
        if err.kind() != std::io::ErrorKind::Interrupted {
            return Err(format!("wait4: {err}"));
        }
    }
    drop(child);
    let (ok, shown) = if libc::WIFEXITED(status) {
        let code = libc::WEXITSTATUS(status);
        (code == 0, format!("exit status {code}"))
    } else if libc::WIFSIGNALED(status) {
        (false, format!("signal {}", libc::WTERMSIG(status)))
    } else {
        (false, format!("wait status {status}"))
    };
    // Kilobytes on Linux, bytes on macOS.
    let rss = usage.ru_maxrss.max(0) as u64;
    let kib = if cfg!(target_os = "macos") {
        rss / 1024
    } else {
        rss
    };
    Ok((ok, shown, Some(kib)))
}

#[cfg(not(unix))]
fn wait(mut child: std::process::Child) -> Result<(bool, String, Option<u64>), String> {
    let status = child.wait().map_err(|e| format!("wait: {e}"))?;
    Ok((status.success(), status.to_string(), None))
}

/// Runs cargo with its output kept in `target/.../bench-cargo.log`, shown on failure.
fn cargo_quiet(
    cargo: &str,
    dir: &Path,
    args: &[&str],
    target: Option<&Path>,
) -> Result<(), String> {
    let target_dir = target.map(Path::to_path_buf);
    let mut cmd = cargo_command(cargo, dir, args, target_dir.as_deref());
    let out = cmd
        .stdout(Stdio::null())
        .output()
        .map_err(|e| format!("{cargo}: {e}"))?;
    if out.status.success() {
        return Ok(());
    }
    Err(format!(
        "`cargo {}` in {} failed ({}):\n{}",
        args.join(" "),
        dir.display(),
        out.status,
        String::from_utf8_lossy(&out.stderr)
    ))
}

fn cargo_measured(
    cargo: &str,
    dir: &Path,
    args: &[&str],
    target: &Path,
) -> Result<Finished, String> {
    let log = target.join("bench-cargo.log");
    fs::create_dir_all(target).map_err(|e| format!("{}: {e}", target.display()))?;
    let stderr = fs::File::create(&log).map_err(|e| format!("{}: {e}", log.display()))?;
    let mut cmd = cargo_command(cargo, dir, args, Some(target));
    cmd.stdout(Stdio::null()).stderr(stderr);
    let done = run_measured(&mut cmd)?;
    if !done.ok {
        let text = fs::read_to_string(&log).unwrap_or_default();
        return Err(format!(
            "`cargo {}` failed ({}):\n{text}",
            args.join(" "),
            done.status
        ));
    }
    Ok(done)
}

fn cargo_command(cargo: &str, dir: &Path, args: &[&str], target: Option<&Path>) -> Command {
    let mut cmd = Command::new(cargo);
    cmd.current_dir(dir).args(args).stdin(Stdio::null());
    if let Some(t) = target {
        // The scratch projects build in their own target directories, and in
        // full: a path crate's debug builds are incremental by default, which
        // after a `touch` would time a cache lookup, not a compile (a crate
        // built as a dependency is never incremental).
        cmd.env("CARGO_TARGET_DIR", t).env("CARGO_INCREMENTAL", "0");
    }
    cmd
}

// ---------------------------------------------------------------- small helpers

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

fn to_slash(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn write_if_changed(path: &Path, text: &str) -> Result<(), String> {
    match fs::read_to_string(path) {
        Ok(old) if old == text => Ok(()),
        _ => write(path, text),
    }
}

/// Copies a file unless the copy already has the same contents (keeping its mtime).
fn sync_file(from: &Path, to: &Path) -> Result<(), String> {
    let new = fs::read(from).map_err(|e| format!("{}: {e}", from.display()))?;
    if fs::read(to).is_ok_and(|old| old == new) {
        return Ok(());
    }
    if let Some(parent) = to.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::write(to, new).map_err(|e| format!("{}: {e}", to.display()))
}

fn sync_tree(from: &Path, to: &Path) -> Result<(), String> {
    for entry in fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| format!("{}: {e}", from.display()))?;
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if src.is_dir() {
            sync_tree(&src, &dst)?;
        } else {
            sync_file(&src, &dst)?;
        }
    }
    Ok(())
}

/// Sets a file's modification time to now, as `touch` does.
fn touch(path: &Path) -> Result<(), String> {
    fs::File::options()
        .append(true)
        .open(path)
        .and_then(|f| f.set_modified(std::time::SystemTime::now()))
        .map_err(|e| format!("touch {}: {e}", path.display()))
}

fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

fn round(x: f64, digits: i32) -> f64 {
    let f = 10f64.powi(digits);
    (x * f).round() / f
}

fn ms(x: f64) -> String {
    if x >= 10_000.0 {
        format!("{:.1} s", x / 1000.0)
    } else if x >= 1000.0 {
        format!("{:.2} s", x / 1000.0)
    } else if x >= 10.0 {
        format!("{x:.0} ms")
    } else {
        format!("{x:.1} ms")
    }
}

fn mib(kib: u64) -> String {
    format!("{:.0} MiB", kib as f64 / 1024.0)
}

fn ratio(a: f64, b: f64) -> String {
    format!("{:.2}", a / b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> Value {
        json!({
            "swagger": "2.0",
            "paths": {
                "/things/{name}": {
                    "parameters": [{ "$ref": "#/parameters/Name" }],
                    "get": {
                        "operationId": "Things_Get",
                        "responses": { "200": { "schema": { "$ref": "#/definitions/Thing" } } },
                        "x-ms-examples": { "Get": { "$ref": "./examples/Get.json" } }
                    },
                    "delete": { "operationId": "Things_Delete", "responses": {} }
                }
            },
            "definitions": {
                "Thing": {
                    "properties": {
                        "kind": { "type": "string", "enum": ["a"], "x-ms-enum": { "name": "Kind" } },
                        "part": { "$ref": "#/definitions/Part/properties/x" },
                        "base": { "$ref": "../common/types.json#/definitions/Resource" }
                    }
                },
                "Part": { "properties": { "x": { "type": "string" } } }
            }
        })
    }

    #[test]
    fn replicas_have_new_names_and_the_same_shape() {
        let out = replicate(&spec(), 3, "/specs/a/b/spec.json");
        assert_eq!(count_operations(&spec()), 2);
        assert_eq!(count_operations(&out), 6);
        let defs = out["definitions"].as_object().unwrap();
        let names: Vec<&str> = defs.keys().map(String::as_str).collect();
        assert_eq!(names.len(), 6, "{names:?}");
        let copy = &out["definitions"]["ThingCopy2"]["properties"];
        assert_eq!(copy["part"]["$ref"], "#/definitions/PartCopy2/properties/x");
        assert_eq!(copy["kind"]["x-ms-enum"]["name"], "KindCopy2");
        // References to other files are absolute, in the original and the copies.
        let external = "/specs/a/common/types.json#/definitions/Resource";
        assert_eq!(copy["base"]["$ref"], external);
        assert_eq!(
            out["definitions"]["Thing"]["properties"]["base"]["$ref"],
            external
        );
        assert_eq!(
            out["definitions"]["Thing"]["properties"]["part"]["$ref"],
            "#/definitions/Part/properties/x"
        );
        let op = &out["paths"]["/copy1/things/{name}"]["get"];
        assert_eq!(op["operationId"], "Things_GetCopy1");
        assert_eq!(
            op["responses"]["200"]["schema"]["$ref"],
            "#/definitions/ThingCopy1"
        );
        assert!(op.get("x-ms-examples").is_none());
        // Shared parameters stay shared.
        assert_eq!(
            out["paths"]["/copy1/things/{name}"]["parameters"][0]["$ref"],
            "#/parameters/Name"
        );
        let original = &out["paths"]["/things/{name}"]["get"];
        assert_eq!(
            original["x-ms-examples"]["Get"]["$ref"],
            "/specs/a/b/examples/Get.json"
        );
    }

    fn measured(scale: usize, ms: f64) -> Scale {
        let sample = Sample {
            runs_ms: vec![ms],
            peak_rss_kib: None,
        };
        Scale {
            scale,
            operations: 0,
            spec_bytes: 0,
            library: Some(sample.clone()),
            cli: Some(sample),
            instructions: None,
            skipped: None,
        }
    }

    #[test]
    fn scales_projected_over_the_limit_are_skipped() {
        let limit = Duration::from_secs(60);
        assert!(projected_too_slow(&[], 1, limit).is_none());
        // Linear from one point: 1 s at 1× is 10 s at 10×.
        assert!(projected_too_slow(&[measured(1, 1000.0)], 10, limit).is_none());
        assert!(projected_too_slow(&[measured(1, 7000.0)], 10, limit).is_some());
        // Quadratic growth from 1× to 10× makes 100× a hundred times 10×.
        let quadratic = [measured(1, 100.0), measured(10, 10_000.0)];
        let reason = projected_too_slow(&quadratic, 100, limit).unwrap();
        assert!(reason.contains("scale^2.00"), "{reason}");
        let linear = [measured(1, 50.0), measured(10, 500.0)];
        assert!(projected_too_slow(&linear, 100, limit).is_none());
    }

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

    #[test]
    fn medians_and_line_counts() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
        assert!(median(&[]).is_nan());
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
