//! The CLI's instruction count under callgrind.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::{step, Env, CRATE};

/// Instructions a run executed, by callgrind: unlike times, the same from run to run
/// on a machine, whatever else it is doing.
pub(super) struct Instructions {
    pub(super) total: u64,
    /// Each thread slot's, the main thread first (a later thread may reuse a slot).
    pub(super) threads: Vec<u64>,
}

/// The CLI's run under `valgrind --tool=callgrind`, a file per thread; `None` where
/// valgrind is not installed.
pub(super) fn instructions(
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
