//! What one list page costs in memory: `generated/examples/page_memory.rs` pages through
//! a page of 1e6 items (1e4 with `--quick`) served from memory, and reports the growth of
//! its peak RSS while paging; here per byte of the page's body, for two item shapes,
//! paged as the runtime does (the body scanned for its next link, parsed once into the
//! model) and as it did before (parsed into a `serde_json::Value` first).

use std::process::Command;

use serde_json::{json, Value};

use super::process::cargo_quiet;
use super::{Env, Plan};

/// One measurement.
pub(super) struct PageRow {
    kind: &'static str,
    mode: &'static str,
    body_bytes: u64,
    growth_bytes: u64,
    /// `size_of::<Registry>()`: what each item costs in the model, whatever its body.
    pub(super) item_size: u64,
}

impl PageRow {
    pub(super) fn per_body_byte(&self) -> f64 {
        self.growth_bytes as f64 / self.body_bytes.max(1) as f64
    }

    pub(super) fn label(&self) -> String {
        let how = match self.mode {
            "pager" => "scanned, model once",
            _ => "as before: Value, then model",
        };
        format!("{} items, {how}", self.kind)
    }

    fn to_json(&self) -> Value {
        json!({
            "items": self.kind, "mode": self.mode, "body_bytes": self.body_bytes,
            "peak_growth_bytes": self.growth_bytes, "per_body_byte": self.per_body_byte(),
            "size_of_item": self.item_size,
        })
    }
}

pub(super) struct Pages {
    pub(super) items: usize,
    pub(super) rows: Vec<PageRow>,
}

impl Pages {
    pub(super) fn to_json(&self) -> Value {
        json!({
            "items_per_page": self.items,
            "rows": self.rows.iter().map(PageRow::to_json).collect::<Vec<_>>(),
        })
    }
}

/// Builds the example and measures each item shape and mode (Linux only: the figures
/// come from `/proc/self/status`).
pub(super) fn pages(env: &Env, plan: &Plan, quick: bool) -> Result<Pages, String> {
    let items = if quick { 10_000 } else { 1_000_000 };
    let mut args = vec!["build", "-p", "acr_mgmt", "--example", "page_memory"];
    if plan.profile == "release" {
        args.push("--release");
    }
    cargo_quiet(&env.cargo, &env.workspace, &args, None)?;
    let program = super::target_dir(&env.workspace)
        .join(plan.profile)
        .join("examples/page_memory");
    let mut rows = Vec::new();
    for kind in ["registries", "minimal"] {
        for mode in ["pager", "value"] {
            rows.push(measure(&program, items, kind, mode)?);
        }
    }
    Ok(Pages { items, rows })
}

fn measure(
    program: &std::path::Path,
    items: usize,
    kind: &'static str,
    mode: &'static str,
) -> Result<PageRow, String> {
    let out = Command::new(program)
        .args([&items.to_string(), kind, mode])
        .output()
        .map_err(|e| format!("{}: {e}", program.display()))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let figures: Vec<u64> = text
        .split_whitespace()
        .filter_map(|f| f.parse().ok())
        .collect();
    match (out.status.success(), figures.as_slice()) {
        (true, [body_bytes, growth_bytes, item_size]) => Ok(PageRow {
            kind,
            mode,
            body_bytes: *body_bytes,
            growth_bytes: *growth_bytes,
            item_size: *item_size,
        }),
        _ => Err(format!(
            "page_memory {items} {kind} {mode}: {}{}",
            text.trim(),
            String::from_utf8_lossy(&out.stderr)
        )),
    }
}
