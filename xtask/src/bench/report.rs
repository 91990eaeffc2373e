//! The report: the table of figures, the targets met or missed, and the
//! figures file.

use std::fmt::Write as _;

use serde_json::{json, Value};

use super::crates::{CrateFigures, Crates, Shared, AUTORUST_FEATURES, AUTORUST_VERSION};
use super::figures::{ms, ratio, Sample};
use super::files::write;
use super::generation::Scale;
use super::{Env, Measured, Options, Plan};

/// Targets of issue 7.
const CLI_TARGET_MS: f64 = 50.0;
const RATIO_TARGET: f64 = 0.5;

/// Prints the table and the targets, and writes the figures to `target/bench/`.
pub(super) fn publish(
    opts: &Options,
    plan: &Plan,
    env: &Env,
    api_version: &str,
    m: &Measured,
) -> Result<(), String> {
    let mut report = Report::default();
    generation_rows(&m.generation, plan, &mut report);
    let targets = match &m.crates {
        Some(c) => crate_rows(c, &mut report),
        None => Vec::new(),
    };
    let targets = if opts.quick {
        Vec::new()
    } else {
        let mut all = vec![cli_target(&m.generation)];
        all.extend(targets);
        all
    };

    println!();
    println!("{}", header(opts, plan, env, api_version, m));
    println!();
    print!("{}", report.table());
    if let Some(pages) = &m.pages {
        println!();
        println!(
            "Page memory: peak RSS growth per body byte, a page of {} items listed through `registries_client().list()`:",
            pages.items
        );
        for row in &pages.rows {
            println!("- {}: {:.1}", row.label(), row.per_body_byte());
        }
        if let Some(row) = pages.rows.first() {
            println!(
                "  (an item of the model, `Registry`, is {} bytes in memory)",
                row.item_size
            );
        }
    }
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
    let doc = figures_json(opts, plan, env, api_version, m, &targets);
    let text = serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?;
    write(&file, &(text + "\n"))?;
    println!();
    println!("figures written to {}", file.display());
    Ok(())
}

/// The line above the table: mode, machine, and what was measured.
fn header(opts: &Options, plan: &Plan, env: &Env, api_version: &str, m: &Measured) -> String {
    format!(
        "azgen bench ({}{}, {} CPUs, load average {} before, {} after): ACR {} — {}",
        plan.profile,
        if opts.quick { ", --quick" } else { "" },
        std::thread::available_parallelism().map_or(0, usize::from),
        m.load_before.as_deref().unwrap_or("?"),
        m.load_after.as_deref().unwrap_or("?"),
        api_version,
        env.input
    )
}

/// The figures file's contents.
fn figures_json(
    opts: &Options,
    plan: &Plan,
    env: &Env,
    api_version: &str,
    m: &Measured,
    targets: &[TargetCheck],
) -> Value {
    json!({
        "mode": if opts.quick { "quick" } else { "full" },
        "profile": plan.profile,
        "cpus": std::thread::available_parallelism().map_or(0, usize::from),
        "load_average": { "before": m.load_before, "after": m.load_after },
        "spec": env.input,
        "api_version": api_version,
        "generation": m.generation.iter().map(Scale::to_json).collect::<Vec<_>>(),
        "crates": m.crates.as_ref().map(Crates::to_json),
        "pages": m.pages.as_ref().map(super::pages::Pages::to_json),
        "targets": targets.iter().map(|t| json!({
            "name": t.name, "value": t.value, "limit": t.limit, "met": t.met,
        })).collect::<Vec<_>>(),
    })
}

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

/// The aim for build time per operation against AutoRust's (the target is ½).
const AIM_RATIO: f64 = 0.25;

/// The runtime counted once for two generated crates, against AutoRust's crate.
fn shared_rows(s: &Shared, autorust: &CrateFigures, report: &mut Report) {
    let (os, ob) = (
        s.operations.max(1) as f64,
        autorust.operations.max(1) as f64,
    );
    report.row(
        "crates",
        format!("azgen-runtime + {}", s.crates.join(" + ")),
        autorust.name.to_string(),
        "",
    );
    report.row(
        "operations",
        s.operations.to_string(),
        autorust.operations.to_string(),
        ratio(os, ob),
    );
    for (what, x, y) in [
        ("debug build, the runtime once", &s.debug, &autorust.debug),
        (
            "release build, the runtime once",
            &s.release,
            &autorust.release,
        ),
    ] {
        let (tx, ty) = (x.median_ms(), y.median_ms());
        report.row(what, x.shown(), y.shown(), ratio(tx, ty));
        let (px, py) = (tx / os, ty / ob);
        report.row("… per operation", ms(px), ms(py), ratio(px, py));
    }
    report.row(
        "debug build of azgen-runtime alone",
        s.runtime_debug.shown(),
        String::new(),
        "",
    );
    report.row(
        "release build of azgen-runtime alone",
        s.runtime_release.shown(),
        String::new(),
        "",
    );
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
        (
            "debug build of the crate alone (runtime prebuilt)",
            &a.debug,
            &b.debug,
        ),
        (
            "release build of the crate alone (runtime prebuilt)",
            &a.release,
            &b.release,
        ),
        ("cargo doc --no-deps", &a.doc, &b.doc),
    ] {
        let (tx, ty) = (x.median_ms(), y.median_ms());
        report.row(what, x.shown(), y.shown(), ratio(tx, ty));
        let (px, py) = (tx / oa, ty / ob);
        report.row("… per operation", ms(px), ms(py), ratio(px, py));
        per_op.push((what, px / py));
    }
    shared_rows(&c.shared, &c.autorust, report);
    let mut targets = Vec::new();
    for (what, r) in per_op.iter().take(2) {
        targets.push(TargetCheck {
            name: format!("{what}: time per operation ≤ 0.25× AutoRust's (aim)"),
            shown: format!("{r:.2}× AutoRust's"),
            value: *r,
            limit: AIM_RATIO,
            met: *r <= AIM_RATIO,
        });
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
