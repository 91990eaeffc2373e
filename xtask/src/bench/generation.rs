//! Generation timing at each scale: the library (load + generate) in a child
//! process, and the `azgen` CLI as a whole process.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::callgrind::{instructions, Instructions};
use super::figures::{ms, Sample};
use super::files::{to_slash, write};
use super::process::run_measured;
use super::synthetic::{count_operations, replicate};
use super::{step, Env, Plan, Reps, CRATE, LIB_CHILD};

/// Generation at one scale.
pub(super) struct Scale {
    pub(super) scale: usize,
    pub(super) operations: usize,
    pub(super) spec_bytes: u64,
    pub(super) library: Option<Sample>,
    pub(super) cli: Option<Sample>,
    /// The CLI's instructions under callgrind (release, 1× only, where valgrind is).
    pub(super) instructions: Option<Instructions>,
    pub(super) skipped: Option<String>,
}

impl Scale {
    pub(super) fn to_json(&self) -> Value {
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

pub(super) fn generation(env: &Env, plan: &Plan, max_scale: usize) -> Result<Vec<Scale>, String> {
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
    let source = crate::FsSource { root: root.clone() };
    let entries = vec![input];
    let mut runs_ms = Vec::new();
    let mut operations = 0;
    let start = Instant::now();
    while runs_ms.is_empty() || reps.more(runs_ms.len(), start.elapsed()) {
        let t = Instant::now();
        let spec = azgen::load(&entries, &source).map_err(|e| crate::report(&root, e))?;
        let out =
            azgen::generate(&spec, &settings, &source).map_err(|e| crate::report(&root, e))?;
        runs_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        operations = out.stats.operations;
        drop((spec, out));
    }
    let doc = json!({ "runs_ms": runs_ms, "operations": operations });
    write(Path::new(&report), &doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
