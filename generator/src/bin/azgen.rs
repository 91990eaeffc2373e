//! `azgen generate --input <spec>... --output <dir>`: writes a complete crate.

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

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Generation allocates and frees many small values (JSON values, tokens, syn's
/// trees) from several threads: with glibc's allocator, malloc and free were a
/// third of the instructions (callgrind), and mimalloc takes a quarter off the
/// CLI's time on the ACR spec.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "azgen",
    version,
    about = "Generate a Rust client crate from an Azure REST API spec"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Generate a crate (Cargo.toml, src/) from one or more spec files.
    Generate {
        /// Spec files (Swagger 2.0 or OpenAPI 3.0, JSON or YAML); `$ref`d files are found on their own.
        #[arg(long = "input", short = 'i', required = true, num_args = 1..)]
        inputs: Vec<PathBuf>,
        /// The crate directory to write.
        #[arg(long, short = 'o')]
        output: PathBuf,
        /// Settings (TOML, the `[settings]` keys of `specs/*.toml`).
        #[arg(long)]
        config: Option<PathBuf>,
        /// The crate's name (default: from the config, else from the spec's title).
        #[arg(long)]
        crate_name: Option<String>,
        #[command(flatten)]
        runtime: RuntimeArgs,
    },
}

/// How the crate gets the runtime crate `azgen-runtime` it depends on (default: the
/// config's `runtime-path`/`vendor-runtime`, else its version from a registry).
#[derive(clap::Args)]
struct RuntimeArgs {
    /// Write a copy of the runtime into the crate (`azgen-runtime/`) and depend on it by
    /// path, so that the crate builds on its own.
    #[arg(long, conflicts_with = "runtime_path")]
    vendor_runtime: bool,
    /// Depend on the runtime crate at this path (relative to the crate directory), e.g.
    /// a checkout's `runtime/`.
    #[arg(long, value_name = "PATH")]
    runtime_path: Option<String>,
}

/// Reads files from the file system, relative to the working directory.
struct FsSource;

impl azgen::SourceProvider for FsSource {
    fn read(&self, path: &str) -> Result<String, String> {
        std::fs::read_to_string(path).map_err(|e| e.to_string())
    }
    fn exists(&self, path: &str) -> bool {
        Path::new(path).is_file()
    }
}

fn main() -> ExitCode {
    let Cli { command } = Cli::parse();
    match command {
        Command::Generate {
            inputs,
            output,
            config,
            crate_name,
            runtime,
        } => {
            let run = generate(&inputs, &output, config.as_deref(), crate_name, runtime);
            for w in &run.warnings {
                eprintln!("warning: {}", one_line(w));
            }
            if run.errors.is_empty() {
                eprintln!("{}", run.summary);
                return ExitCode::SUCCESS;
            }
            for e in &run.errors {
                eprintln!("error: {}", one_line(e));
            }
            match run.warnings.len() {
                0 => eprintln!("azgen: {} error(s)", run.errors.len()),
                n => eprintln!("azgen: {} error(s), {n} warning(s)", run.errors.len()),
            }
            ExitCode::from(1)
        }
    }
}

/// What a run has to say: every error found (independent ones are all
/// reported, not just the first), the warnings, and on success a summary.
#[derive(Default)]
struct Run {
    errors: Vec<String>,
    warnings: Vec<String>,
    summary: String,
}

/// One message, one line: a multi-line message (a TOML error with its source
/// excerpt, say) is joined up.
fn one_line(message: &str) -> String {
    if !message.contains('\n') {
        return message.to_string();
    }
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn generate(
    inputs: &[PathBuf],
    output: &Path,
    config: Option<&Path>,
    crate_name: Option<String>,
    runtime: RuntimeArgs,
) -> Run {
    let mut run = Run::default();
    // The settings and the spec do not depend on each other: both are checked.
    let settings = match config {
        Some(path) => read_settings(path).map_err(|e| run.errors.push(e)).ok(),
        None => Some(azgen::Settings::default()),
    };
    let entries: Vec<String> = inputs
        .iter()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect();
    let spec = azgen::load(&entries, &FsSource)
        .map_err(|e| {
            run.errors
                .extend(e.flatten().iter().map(ToString::to_string))
        })
        .ok();
    let (Some(mut settings), Some(spec)) = (settings, spec) else {
        return run;
    };
    if let Some(name) = crate_name {
        settings.crate_name = name;
    }
    if runtime.vendor_runtime {
        settings.vendor_runtime = true;
        settings.runtime_path = None;
    } else if let Some(path) = runtime.runtime_path {
        settings.runtime_path = Some(path);
        settings.vendor_runtime = false;
    }
    if settings.crate_name.is_empty() {
        let title = spec
            .entries
            .first()
            .and_then(|e| spec.files.get(e))
            .map(|f| f.doc.info.title.clone())
            .unwrap_or_default();
        settings.crate_name = azgen::names::sanitize(&title, azgen::names::Case::Value);
    }
    let out = match azgen::generate(&spec, &settings, &FsSource) {
        Ok(out) => out,
        Err(e) => {
            run.errors
                .extend(e.flatten().iter().map(ToString::to_string));
            return run;
        }
    };
    run.warnings = out.warnings.iter().map(ToString::to_string).collect();
    // Every file is tried; a directory that cannot be made is reported once
    // (and not again for those below it).
    let mut failed_dirs: Vec<PathBuf> = Vec::new();
    for (path, text) in &out.files {
        let target = output.join(path);
        if let Some(dir) = target.parent() {
            if failed_dirs.iter().any(|failed| dir.starts_with(failed)) {
                continue;
            }
            if let Err(e) = std::fs::create_dir_all(dir) {
                run.errors.push(format!("{}: {e}", dir.display()));
                failed_dirs.push(dir.to_path_buf());
                continue;
            }
        }
        if let Err(e) = std::fs::write(&target, text) {
            run.errors.push(format!("{}: {e}", target.display()));
        }
    }
    run.summary = format!(
        "azgen: wrote {} files to {} ({} types, {} warnings)",
        out.files.len(),
        output.display(),
        out.stats.types,
        out.warnings.len()
    );
    // The process ends next: freeing the spec and the output, value by value, would
    // only cost time.
    std::mem::forget(spec);
    std::mem::forget(out);
    run
}

/// Reads the settings file; an error names the file, and the line and column where known.
fn read_settings(path: &Path) -> Result<azgen::Settings, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    toml::from_str::<azgen::Settings>(&text).map_err(|e| {
        let at = e
            .span()
            .and_then(|span| line_col(&text, span.start))
            .map(|(line, col)| format!(":{line}:{col}"))
            .unwrap_or_default();
        format!("{}{at}: invalid settings: {}", path.display(), e.message())
    })
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> Option<(usize, usize)> {
    let before = text.get(..offset)?;
    let line = before.matches('\n').count() + 1;
    let col = before
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .chars()
        .count()
        + 1;
    Some((line, col))
}
