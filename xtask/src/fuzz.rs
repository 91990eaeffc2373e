//! `cargo xtask fuzz [--seconds N] [--release]`: the bounded fuzz run CI makes.
//!
//! Runs the fuzz properties of `tests/tests/fuzz.rs` (random bytes, mutated specs,
//! random valid Swagger documents; each for N seconds, side by side) and replays
//! `tests/fuzz-corpus/`. A failing input is saved to the corpus by the test itself.

use std::process::{Command, ExitCode};

const USAGE: &str = "usage: cargo xtask fuzz [--seconds N (default 100)] [--release]";

pub fn main(args: &[String]) -> ExitCode {
    let mut seconds = String::from("100");
    let mut release = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--seconds" => match it.next() {
                Some(n) if n.parse::<f64>().is_ok_and(|n| n >= 0.0) => seconds = n.clone(),
                _ => {
                    eprintln!("xtask fuzz: --seconds takes a number of seconds\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--release" => release = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("xtask fuzz: unexpected argument `{other}`\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let mut command = Command::new(cargo);
    command.current_dir(crate::workspace_root()).args([
        "test",
        "-p",
        "azgen-tests",
        "--test",
        "fuzz",
    ]);
    if release {
        command.arg("--release");
    }
    command
        .args(["--", "--nocapture"])
        .env("AZGEN_FUZZ_SECONDS", &seconds);
    eprintln!("fuzz: each property for {seconds} s, then the corpus");
    match command.status() {
        Ok(status) if status.success() => ExitCode::SUCCESS,
        Ok(_) => {
            eprintln!("fuzz: failed; a failing input is saved in tests/fuzz-corpus/");
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("xtask fuzz: cannot run cargo: {e}");
            ExitCode::from(1)
        }
    }
}
