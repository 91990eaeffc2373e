//! Child processes: run to completion with their wall time and peak RSS
//! (`wait4(2)`), and the cargo commands of the bench.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How a measured child ended.
pub(super) struct Finished {
    pub(super) ok: bool,
    pub(super) status: String,
    pub(super) wall: Duration,
    pub(super) max_rss_kib: Option<u64>,
}

/// Runs `cmd` to completion: wall time from spawn to exit, and its peak RSS.
pub(super) fn run_measured(cmd: &mut Command) -> Result<Finished, String> {
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
pub(super) fn cargo_quiet(
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

pub(super) fn cargo_measured(
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
