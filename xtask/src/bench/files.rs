//! File helpers: writing, copying trees without touching unchanged files, `touch`.

use std::fs;
use std::path::Path;

pub(super) fn to_slash(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

pub(super) fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

pub(super) fn write_if_changed(path: &Path, text: &str) -> Result<(), String> {
    match fs::read_to_string(path) {
        Ok(old) if old == text => Ok(()),
        _ => write(path, text),
    }
}

/// Copies a file unless the copy already has the same contents (keeping its mtime).
pub(super) fn sync_file(from: &Path, to: &Path) -> Result<(), String> {
    let new = fs::read(from).map_err(|e| format!("{}: {e}", from.display()))?;
    if fs::read(to).is_ok_and(|old| old == new) {
        return Ok(());
    }
    if let Some(parent) = to.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::write(to, new).map_err(|e| format!("{}: {e}", to.display()))
}

pub(super) fn sync_tree(from: &Path, to: &Path) -> Result<(), String> {
    for entry in fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| format!("{}: {e}", from.display()))?;
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if src.is_dir() {
            sync_tree(&src, &dst)?;
        } else {
            sync_file(&src, &dst)?;
        }
    }
    Ok(())
}

/// Sets a file's modification time to now, as `touch` does.
pub(super) fn touch(path: &Path) -> Result<(), String> {
    fs::File::options()
        .append(true)
        .open(path)
        .and_then(|f| f.set_modified(std::time::SystemTime::now()))
        .map_err(|e| format!("touch {}: {e}", path.display()))
}
