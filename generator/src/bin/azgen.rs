//! `azgen generate --input <spec>... --output <dir>`: writes a complete crate.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

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
    },
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
        } => match generate(&inputs, &output, config.as_deref(), crate_name) {
            Ok(()) => ExitCode::SUCCESS,
            Err(errors) => {
                for e in &errors {
                    eprintln!("error: {e}");
                }
                eprintln!("azgen: {} error(s)", errors.len());
                ExitCode::from(1)
            }
        },
    }
}

fn generate(
    inputs: &[PathBuf],
    output: &Path,
    config: Option<&Path>,
    crate_name: Option<String>,
) -> Result<(), Vec<String>> {
    let one = |e: String| vec![e];
    let mut settings = match config {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| one(format!("{}: {e}", path.display())))?;
            toml::from_str::<azgen::Settings>(&text)
                .map_err(|e| one(format!("{}: {e}", path.display())))?
        }
        None => azgen::Settings::default(),
    };
    let entries: Vec<String> = inputs
        .iter()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect();
    let spec = azgen::load(&entries, &FsSource).map_err(|e| {
        e.flatten()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    })?;
    if let Some(name) = crate_name {
        settings.crate_name = name;
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
    let out = azgen::generate(&spec, &settings, &FsSource).map_err(|e| {
        e.flatten()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    })?;
    for w in &out.warnings {
        eprintln!("warning: {w}");
    }
    for (path, text) in &out.files {
        let target = output.join(path);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).map_err(|e| one(format!("{}: {e}", dir.display())))?;
        }
        std::fs::write(&target, text).map_err(|e| one(format!("{}: {e}", target.display())))?;
    }
    eprintln!(
        "azgen: wrote {} files to {} ({} types, {} warnings)",
        out.files.len(),
        output.display(),
        out.stats.types,
        out.warnings.len()
    );
    Ok(())
}
