//! azgen: a Rust client generator for Azure REST API specs.
//!
//! The library is pure: documents and settings in, files out.
//!
//! ```text
//! input   load (JSON/YAML, $refs across files),    input::{load, locate,
//!         Swagger 2.0 → OpenAPI 3.0 (x-ms-* kept)         swagger, spec}
//! lower   types, operations, client names and       lower::{types, ops,
//!         examples, every Rust name decided once          client, examples}
//! ir      the crate to emit                         ir::{types, ops, examples}
//! emit    Rust source as text (a few items through  emit::{print, layout, models,
//!         quote → syn → prettyplease) → files             client, examples, crate_root}
//! ```
//!
//! Each stage uses only the stages before it (and the shared `error`, `names`,
//! `pointer`, `settings`, `parallel`); the workspace's `tests/tests/imports.rs` checks
//! that the module graph has no cycle.
//!
//! Reading and writing the disk belongs to the callers: the `azgen` CLI and
//! the workspace's `xtask`, which supply a [`SourceProvider`].
//!
//! # No panics
//!
//! Whatever the input (specs, example files, settings), the generator answers
//! with files or with located errors ([`Error`]), never with a panic: a user
//! should see what is wrong with *their* spec, not a backtrace. The crate
//! therefore denies clippy's `unwrap_used`, `expect_used`, `panic`, `todo`,
//! `unimplemented`, `indexing_slicing` and `string_slice` (the `azgen` binary
//! too; `cargo clippy -p azgen --all-targets -- -D warnings` checks them):
//! lookups use `.get(..)`, strings are cut with `split_once`, `strip_prefix`
//! and the like, and what cannot be found becomes an error or a documented
//! fallback. Only `#[cfg(test)]` modules may allow these lints.
//!
//! Lints do not see every panic. Two more rules hold by hand: no `Vec::remove`
//! or map `[]` lookup whose key is not known to be there, and no
//! `proc_macro2::Ident::new` on an unchecked name (it panics on a
//! non-identifier): names are [`names::sanitize`]d, or, coming from the
//! settings, checked with [`names::is_identifier`] and reported as errors.

#![forbid(unsafe_code)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::todo,
    clippy::unimplemented,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod emit;
pub mod error;
mod input;
mod ir;
mod lower;
pub mod names;
mod parallel;
pub mod pointer;
pub mod settings;

use std::collections::BTreeMap;

pub use emit::PREAMBLE;
pub use error::{Error, Location, Result, Warning};
pub use input::{MemorySource, SourceProvider, Spec};
pub use settings::Settings;

/// What a generation run produced.
#[derive(Debug, Clone, Default)]
pub struct Output {
    /// Path relative to the crate root (`/`-separated) → contents.
    pub files: BTreeMap<String, String>,
    pub warnings: Vec<Warning>,
    pub stats: Stats,
}

/// Counts a caller may report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Generated types in all.
    pub types: usize,
    /// Of which come from spec definitions (the rest are inline schemas that needed a name).
    pub definitions: usize,
    /// Example files linked by `x-ms-examples` that exist.
    pub examples: usize,
    /// Operations (each a client method).
    pub operations: usize,
}

/// Loads a spec: the entry files and every file they reference.
pub fn load(entries: &[String], source: &dyn SourceProvider) -> Result<Spec> {
    Spec::load(entries, source)
}

/// Generates a complete crate from a loaded spec: lowered to the intermediate form,
/// then emitted. `source` is asked for the linked example files.
pub fn generate(spec: &Spec, settings: &Settings, source: &dyn SourceProvider) -> Result<Output> {
    let (krate, warnings) = lower::lower(spec, settings, source)?;
    let files = emit::emit(&krate, settings)?;
    Ok(Output {
        files,
        warnings,
        stats: Stats {
            types: krate.types.types.len(),
            definitions: krate.definitions,
            examples: krate.examples.len(),
            operations: krate.client.operations.len(),
        },
    })
}
