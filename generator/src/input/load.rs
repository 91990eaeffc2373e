//! Loading: files in, parsed JSON values out, with every `$ref`'d file
//! followed. The disk is not touched here: a [`SourceProvider`] supplies text.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fmt::Write;

use serde_json::Value;

use super::locate;
use crate::error::{Error, Location, Result};
use crate::pointer::{escape_token, join, normalize, split_ref};

/// Supplies the text of a file named by a normalized, `/`-separated path. Generation
/// reads example files from threads of its own, hence `Sync`.
pub trait SourceProvider: Sync {
    /// The file's text, or a message saying why it cannot be had.
    fn read(&self, path: &str) -> std::result::Result<String, String>;
    /// Whether the file exists (used for files the generator only links to, like examples).
    fn exists(&self, path: &str) -> bool {
        self.read(path).is_ok()
    }
}

/// An in-memory [`SourceProvider`], for tests and embedding.
#[derive(Debug, Default, Clone)]
pub struct MemorySource(pub BTreeMap<String, String>);

impl SourceProvider for MemorySource {
    fn read(&self, path: &str) -> std::result::Result<String, String> {
        self.0
            .get(path)
            .cloned()
            .ok_or_else(|| "no such file".to_string())
    }
}

/// The text format of a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Yaml,
}

/// One parsed source file.
#[derive(Debug, Clone)]
pub struct RawFile {
    pub path: String,
    pub text: String,
    pub format: Format,
    pub value: Value,
}

impl RawFile {
    /// A location in this file, with line and column looked up in its text.
    pub fn locate(&self, pointer: &str) -> Location {
        let mut location = self.locate_lazily(pointer);
        self.fill_line_col(&mut location);
        location
    }

    /// A location in this file without its line and column yet: finding them rescans
    /// the text, so that is left to [`RawFile::fill_line_col`] for the locations that
    /// end up in an error or warning.
    pub fn locate_lazily(&self, pointer: &str) -> Location {
        Location {
            file: self.path.clone(),
            pointer: pointer.to_string(),
            line_col: None,
        }
    }

    /// Fills in the line and column of a location in this file, if they are missing.
    pub fn fill_line_col(&self, location: &mut Location) {
        if location.line_col.is_none() && location.file == self.path && self.format == Format::Json
        {
            location.line_col = locate::json_pointer_position(&self.text, &location.pointer);
        }
    }
}

/// Fills in line and column of every error's location from the files' texts.
pub fn fill_error_positions(error: Error, files: &BTreeMap<String, RawFile>) -> Error {
    match error {
        Error::Many(errors) => Error::Many(
            errors
                .into_iter()
                .map(|e| fill_error_positions(e, files))
                .collect(),
        ),
        mut e => {
            if let Some(location) = e.location_mut() {
                if let Some(file) = files.get(&location.file) {
                    file.fill_line_col(location);
                }
            }
            e
        }
    }
}

pub fn parse(path: &str, mut text: String) -> Result<RawFile> {
    // A UTF-8 byte-order mark (which editors on Windows write, and some published specs
    // carry) is not JSON; drop it. Positions stay right: it is before line 1, column 1.
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    let lower = path.to_ascii_lowercase();
    let yaml = lower.ends_with(".yaml") || lower.ends_with(".yml");
    if yaml {
        match serde_yaml::from_str::<Value>(&text) {
            Ok(value) => Ok(RawFile {
                path: path.to_string(),
                text,
                format: Format::Yaml,
                value,
            }),
            Err(e) => {
                let line_col = e.location().map(|l| (l.line(), l.column()));
                let mut message = e.to_string();
                if let Some((line, column)) = line_col {
                    // The location already says where; keep only other positions
                    // (where the construct that is not closed began).
                    message = message.replacen(&format!(" at line {line} column {column}"), "", 1);
                }
                Err(Error::Parse {
                    location: Location {
                        file: path.to_string(),
                        pointer: String::new(),
                        line_col,
                    },
                    format: "YAML",
                    message,
                })
            }
        }
    } else {
        match serde_json::from_str::<Value>(&text) {
            Ok(value) => Ok(RawFile {
                path: path.to_string(),
                text,
                format: Format::Json,
                value,
            }),
            Err(e) => {
                // serde_json counts the column in bytes, up to and including the
                // offending one; report characters, like every other location.
                let offset = locate::offset_of(&text, e.line(), e.column());
                // At the end of the text, everything still open is what is unfinished.
                let pointer = match e.classify() {
                    serde_json::error::Category::Eof => locate::json_pointer_at(&text, text.len()),
                    _ => locate::json_pointer_at(&text, offset),
                };
                Err(Error::Parse {
                    location: Location {
                        file: path.to_string(),
                        pointer,
                        line_col: Some(locate::line_col(&text, offset)),
                    },
                    format: "JSON",
                    message: strip_position(&e.to_string()),
                })
            }
        }
    }
}

/// serde's messages end in "at line L column C"; the location already says so.
fn strip_position(message: &str) -> String {
    message
        .rsplit_once(" at line ")
        .map_or(message, |(before, _)| before)
        .to_string()
}

/// Loads `entries` and, recursively, every file they `$ref`. Files are read once;
/// reference cycles between files are fine (a file already loaded is not read again).
/// Example files (`x-ms-examples`) are not followed. What could be loaded is kept
/// beside the errors, so that the files that did load can still be checked (and their
/// errors reported too).
pub fn load_files(
    entries: &[String],
    source: &dyn SourceProvider,
) -> (BTreeMap<String, RawFile>, Vec<Error>) {
    let mut files = BTreeMap::new();
    let mut errors = Vec::new();
    // Breadth first, so a file that cannot be read is reported at the first
    // `$ref` that names it (first in the referring file's key order).
    let mut queue: VecDeque<(String, Option<(Location, String)>)> =
        entries.iter().map(|e| (normalize(e), None)).collect();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    while let Some((path, referrer)) = queue.pop_front() {
        if !seen.insert(path.clone()) {
            continue;
        }
        let text = match source.read(&path) {
            Ok(text) => text,
            Err(message) => {
                errors.push(match referrer {
                    Some((location, reference)) => {
                        let hint = if reference.contains('#') {
                            ""
                        } else {
                            " (a reference into the same file starts with `#`)"
                        };
                        Error::Reference {
                            location,
                            reference,
                            message: format!("cannot read `{path}`: {message}{hint}"),
                        }
                    }
                    None => Error::Read {
                        location: Location::new(path.clone(), ""),
                        message,
                    },
                });
                continue;
            }
        };
        let raw = match parse(&path, text) {
            Ok(raw) => raw,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let mut refs = Vec::new();
        collect_file_refs(&raw.value, &mut String::new(), &mut refs);
        for (pointer, reference) in refs {
            let (file, _) = split_ref(&reference);
            if !file.is_empty() {
                queue.push_back((
                    join(&path, file),
                    Some((raw.locate_lazily(&pointer), reference)),
                ));
            }
        }
        files.insert(path, raw);
    }
    let errors = errors
        .into_iter()
        .map(|e| fill_error_positions(e, &files))
        .collect();
    (files, errors)
}

/// Every `$ref` string in a value, with the pointer of the object holding it,
/// skipping `x-ms-examples` (examples are linked, not loaded).
pub fn collect_file_refs(value: &Value, pointer: &mut String, out: &mut Vec<(String, String)>) {
    walk_refs(value, &mut Some(pointer), &mut |pointer, r| {
        out.push((
            pointer.map(str::to_string).unwrap_or_default(),
            r.to_string(),
        ))
    });
}

/// Every `$ref` string in a value, like [`collect_file_refs`] without the pointers.
pub fn collect_refs(value: &Value, out: &mut Vec<String>) {
    walk_refs(value, &mut None, &mut |_, r| out.push(r.to_string()));
}

/// Calls `found` with every `$ref` string under `value` (and the pointer of the
/// object holding it, when one is kept), in document order, skipping `x-ms-examples`.
/// A key is found by a scan rather than a lookup: an object has few keys, and a
/// lookup hashes.
fn walk_refs(
    value: &Value,
    pointer: &mut Option<&mut String>,
    found: &mut dyn FnMut(Option<&str>, &str),
) {
    match value {
        Value::Object(map) => {
            if let Some((_, Value::String(r))) = map.iter().find(|(k, _)| *k == "$ref") {
                found(pointer.as_deref().map(String::as_str), r);
            }
            for (key, child) in map {
                if key == "x-ms-examples" || !matches!(child, Value::Object(_) | Value::Array(_)) {
                    continue;
                }
                match pointer {
                    Some(p) => {
                        let len = p.len();
                        p.push('/');
                        p.push_str(&escape_token(key));
                        walk_refs(child, pointer, found);
                        if let Some(p) = pointer {
                            p.truncate(len);
                        }
                    }
                    None => walk_refs(child, pointer, found),
                }
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                if !matches!(child, Value::Object(_) | Value::Array(_)) {
                    continue;
                }
                match pointer {
                    Some(p) => {
                        let len = p.len();
                        // Writing to a String cannot fail.
                        let _ = write!(p, "/{i}");
                        walk_refs(child, pointer, found);
                        if let Some(p) = pointer {
                            p.truncate(len);
                        }
                    }
                    None => walk_refs(child, pointer, found),
                }
            }
        }
        _ => {}
    }
}
