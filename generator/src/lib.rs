//! azgen: a Rust client generator for Azure REST API specs.
//!
//! The library is pure: documents and settings in, files out.
//!
//! ```text
//! load (JSON/YAML, $refs across files)         load, locate
//!   → Swagger 2.0 → OpenAPI 3.0 (x-ms-* kept)  swagger, spec
//!   → types with final Rust names               types, names, ir
//!   → Rust source as text (a few items through  emit, emit_client,
//!     quote → syn → prettyplease) → files        examples, replay
//! ```
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

pub mod emit;
pub mod emit_client;
pub mod error;
pub mod examples;
pub mod ir;
mod layout;
pub mod load;
mod locate;
pub mod names;
pub mod ops;
pub mod replay;
pub mod runtime_crate;
pub mod settings;
pub mod spec;
pub mod swagger;
pub mod types;

use std::collections::BTreeMap;

pub use error::{Error, Location, Result, Warning};
pub use load::{MemorySource, SourceProvider};
pub use settings::Settings;
pub use spec::Spec;

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

/// Generates a complete crate from a loaded spec. `source` is asked only
/// whether linked example files exist.
pub fn generate(spec: &Spec, settings: &Settings, source: &dyn SourceProvider) -> Result<Output> {
    if settings.crate_name.is_empty() {
        return Err(Error::Settings {
            message: "`crate-name` is empty".into(),
        });
    }
    let entry = spec
        .entries
        .first()
        .and_then(|e| spec.files.get(e))
        .ok_or_else(|| Error::Settings {
            message: "no input file".into(),
        })?;
    let info = &entry.doc.info;
    let title = if info.title.is_empty() {
        settings.crate_name.clone()
    } else {
        info.title.clone()
    };

    let mut builder = types::Builder::new(spec, settings);
    builder.add_definitions();
    let (client, op_errors, op_warnings) = ops::build(spec, &mut builder);
    builder.errors.extend(op_errors);
    builder.warnings.extend(op_warnings);
    if let Some(name) = &settings.client_name {
        // Only a crate with operations has a client to name.
        if !client.operations.is_empty() && !names::is_identifier(name) {
            builder.errors.push(Error::Settings {
                message: format!("`client-name` `{name}` is not a Rust identifier"),
            });
        }
    }
    let (space, by_ref, mut warnings) = builder.finish().map_err(|e| spec.fill_positions(e))?;
    // Locations get their line and column only now, for what is reported.
    for warning in &mut warnings {
        spec.fill_line_col(&mut warning.location);
    }
    let client_name = match &settings.client_name {
        Some(name) => name.clone(),
        None => {
            let base = names::sanitize(&title, names::Case::Type);
            if base.ends_with("Client") {
                base
            } else {
                format!("{base}Client")
            }
        }
    };
    let has_client = !client.operations.is_empty();
    // Replays point the client at a mock server, which a client whose host the spec
    // fixes (`x-ms-parameterized-host`) cannot be: its examples are round-tripped only.
    let example_client =
        (has_client && client.host.is_none()).then_some((&client, client_name.as_str()));
    let mut files = BTreeMap::new();
    let description = match has_client {
        true => format!("Rust client for {title} (API version {})", info.version),
        false => format!(
            "Rust client models for {title} (API version {})",
            info.version
        ),
    };
    let manifest = emit::manifest(
        settings,
        &description,
        emit::uses_uuid(&space, &client),
        has_client,
    );
    files.insert("Cargo.toml".to_string(), manifest);
    let client_names = emit_client::ClientNames {
        client: client_name.clone(),
    };
    let lib = emit::lib(
        &title,
        info.description.as_deref(),
        &info.version,
        settings,
        has_client.then_some(&client_names),
    )?;
    files.insert("src/lib.rs".to_string(), lib);
    // The three largest files are written side by side (each is independent of the
    // others): the example tests and the models on threads of their own, the clients
    // on this one.
    let (example_tests, models, clients) = std::thread::scope(|scope| {
        let examples = side_by_side(scope, || {
            examples::tests(spec, settings, &space, &by_ref, example_client, source)
        });
        let models = side_by_side(scope, || emit::models(&space, &title));
        let clients = has_client
            .then(|| emit_client::clients(&space, &client, &client_names, &info.version, &title));
        (examples(), models(), clients)
    });
    let example_tests = example_tests?;
    files.insert("src/models.rs".to_string(), models?);
    if settings.vendor_runtime {
        files.extend(runtime_crate::vendored());
    }
    if let Some(clients) = clients {
        files.insert("src/clients.rs".to_string(), clients?);
    }
    let mut example_count = 0;
    if let Some(tests) = example_tests {
        example_count = tests.count;
        files.extend(tests.files);
        warnings.extend(tests.warnings);
    }
    for text in files.values_mut() {
        if text.contains('\r') {
            *text = text.replace("\r\n", "\n");
        }
    }
    warnings.sort();
    Ok(Output {
        files,
        warnings,
        stats: Stats {
            types: space.types.len(),
            definitions: by_ref.len(),
            examples: example_count,
            operations: client.operations.len(),
        },
    })
}

/// Runs `work` on a thread of `scope`, and returns how to wait for its result (a panic
/// there, a bug, goes on in the caller). Where the system has no thread to give, the
/// work is done on the caller's thread instead.
pub(crate) fn side_by_side<'scope, T: Send + 'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    work: impl FnOnce() -> T + Send + 'scope,
) -> Box<dyn FnOnce() -> T + 'scope> {
    // A thread that fails to start drops its closure: the work waits here, and
    // whichever side takes it first runs it.
    let work = std::sync::Arc::new(std::sync::Mutex::new(Some(work)));
    let take = |w: &std::sync::Mutex<Option<_>>| w.lock().ok().and_then(|mut w| w.take());
    let theirs = std::sync::Arc::clone(&work);
    let spawned =
        std::thread::Builder::new().spawn_scoped(scope, move || take(&theirs).map(|w| w()));
    Box::new(move || {
        let done = match spawned {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => None,
        };
        match done {
            Some(value) => value,
            // Not started (or, impossibly, started without the work): run it here.
            None => match take(&work) {
                Some(w) => w(),
                None => unreachable!("the work ran on neither thread"),
            },
        }
    })
}
