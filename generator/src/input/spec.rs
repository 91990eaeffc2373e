//! The loaded document set: every file as an `openapiv3::OpenAPI`, with the
//! source text kept for error locations, and `$ref` lookups across files.

use std::collections::BTreeMap;

use openapiv3::{OpenAPI, Parameter, ReferenceOr, RequestBody, Response, Schema};
use serde::Deserialize;
use serde_json::Value;

use super::load::{self, RawFile, SourceProvider};
use super::swagger::{self, Dialect};
use crate::error::{Error, Location, Result};
use crate::pointer::{split_ref, unescape_token};

/// One loaded file.
#[derive(Debug, Clone)]
pub struct SpecFile {
    pub raw: RawFile,
    pub dialect: Dialect,
    /// The document in OpenAPI 3.0 form, as JSON (refs canonical).
    pub converted: Value,
    pub doc: OpenAPI,
    /// `x-ms-parameterized-host`, read from the converted document.
    pub host: Option<ParameterizedHost>,
}

/// `x-ms-parameterized-host`: requests go to a host made from parameters.
#[derive(Debug, Clone)]
pub struct ParameterizedHost {
    /// `hostTemplate`, such as `{accountName}{host}`.
    pub template: String,
    /// `useSchemePrefix` (default true): prepend the spec's scheme and `://`.
    pub use_scheme_prefix: bool,
    /// The scheme: the spec's first `schemes` entry, else `https`.
    pub scheme: String,
    /// `positionInOperation` is `last` (default `first`): method-level host
    /// parameters come after the operation's own.
    pub last: bool,
    pub parameters: Vec<openapiv3::ReferenceOr<openapiv3::Parameter>>,
}

/// Every file of a spec, keyed by normalized path; `entries` are the ones asked for.
#[derive(Debug, Clone)]
pub struct Spec {
    pub entries: Vec<String>,
    pub files: BTreeMap<String, SpecFile>,
}

/// A reference split into file and component: `(file, kind, name)`.
pub fn parse_canonical(reference: &str) -> Option<(&str, &str, String)> {
    let (file, fragment) = split_ref(reference);
    let (kind, name) = fragment.strip_prefix("/components/")?.split_once('/')?;
    if name.contains('/') {
        return None;
    }
    Some((file, kind, unescape_token(name)))
}

impl Spec {
    /// Loads the entry files and everything they reference, converting Swagger 2.0 to OpenAPI 3.0.
    pub fn load(entries: &[String], source: &dyn SourceProvider) -> Result<Spec> {
        // Files that could not be read or parsed are reported, and the others
        // are still converted, so that one run reports every problem.
        let (mut raws, mut errors) = load::load_files(entries, source);
        let entries: Vec<String> = entries
            .iter()
            .map(|e| crate::pointer::normalize(e))
            .collect();
        // Every file is converted with all of them at hand (a file's refs are resolved
        // against the others); then each raw file moves into its `SpecFile`.
        let mut converted_files = Vec::new();
        for (path, raw) in &raws {
            let entry = entries.contains(path);
            let (converted, dialect) = match swagger::convert(raw, &raws, entry) {
                Ok(c) => c,
                Err(e) => {
                    errors.extend(e.flatten());
                    continue;
                }
            };
            // Straight from the JSON; only a document that fails is read again, with
            // its path tracked, for the error's location.
            let doc = deserialize(&converted)
                .ok_or_else(|| serde_path_to_error::deserialize::<_, OpenAPI>(&converted).err());
            match doc {
                Ok(doc) => {
                    let host = parameterized_host(&raw.value, &converted);
                    converted_files.push((path.clone(), converted, dialect, doc, host));
                }
                Err(Some(e)) => {
                    let pointer = path_to_pointer(&e.path().to_string());
                    let pointer = source_pointer(dialect, &pointer);
                    errors.push(Error::invalid(raw.locate(&pointer), e.inner().to_string()));
                }
                Err(None) => errors.push(Error::invalid(
                    raw.locate(""),
                    "not an OpenAPI document".to_string(),
                )),
            }
        }
        let mut files = BTreeMap::new();
        for (path, converted, dialect, doc, host) in converted_files {
            if let Some(raw) = raws.remove(&path) {
                files.insert(
                    path,
                    SpecFile {
                        raw,
                        dialect,
                        host,
                        converted,
                        doc,
                    },
                );
            }
        }
        // In the order of the files and, in each, of the text.
        errors.sort_by(|a, b| {
            let key = |e: &Error| {
                e.location()
                    .map(|l| (l.file.clone(), l.line_col, l.pointer.clone()))
            };
            key(a).cmp(&key(b))
        });
        match errors.len() {
            0 => Ok(Spec { entries, files }),
            1 => Err(errors.remove(0)),
            _ => Err(Error::Many(errors)),
        }
    }

    /// The location of a pointer into a converted document, mapped back to its source.
    /// Line and column are left out until [`Spec::fill_positions`] (finding them rescans
    /// the file, and most locations are never shown).
    pub fn locate(&self, file: &str, pointer: &str) -> Location {
        match self.files.get(file) {
            Some(f) => f.raw.locate_lazily(&source_pointer(f.dialect, pointer)),
            None => Location::new(file, pointer),
        }
    }

    /// Like [`Spec::locate`], with line and column found now (for a location quoted in a message).
    pub fn locate_now(&self, file: &str, pointer: &str) -> Location {
        let mut location = self.locate(file, pointer);
        self.fill_line_col(&mut location);
        location
    }

    /// Fills in a location's line and column.
    pub fn fill_line_col(&self, location: &mut Location) {
        if let Some(f) = self.files.get(&location.file) {
            f.raw.fill_line_col(location);
        }
    }

    /// Fills in the line and column of every location of an error.
    pub fn fill_positions(&self, error: Error) -> Error {
        match error {
            Error::Many(errors) => {
                Error::Many(errors.into_iter().map(|e| self.fill_positions(e)).collect())
            }
            mut e => {
                if let Some(location) = e.location_mut() {
                    self.fill_line_col(location);
                }
                e
            }
        }
    }

    /// Looks up a canonical `file#/components/schemas/Name` reference.
    pub fn schema(&self, reference: &str) -> Option<(&str, String, &ReferenceOr<Schema>)> {
        let (file, kind, name) = parse_canonical(reference)?;
        if kind != "schemas" {
            return None;
        }
        let (path, f) = self.files.get_key_value(file)?;
        let schema = f.doc.components.as_ref()?.schemas.get(&name)?;
        Some((path.as_str(), name, schema))
    }

    pub fn parameter(&self, reference: &str) -> Option<(&str, &ReferenceOr<Parameter>)> {
        let (file, kind, name) = parse_canonical(reference)?;
        let (path, f) = self.files.get_key_value(file)?;
        (kind == "parameters").then_some(())?;
        Some((
            path.as_str(),
            f.doc.components.as_ref()?.parameters.get(&name)?,
        ))
    }

    pub fn request_body(&self, reference: &str) -> Option<(&str, &ReferenceOr<RequestBody>)> {
        let (file, kind, name) = parse_canonical(reference)?;
        let (path, f) = self.files.get_key_value(file)?;
        (kind == "requestBodies").then_some(())?;
        Some((
            path.as_str(),
            f.doc.components.as_ref()?.request_bodies.get(&name)?,
        ))
    }

    pub fn response(&self, reference: &str) -> Option<(&str, &ReferenceOr<Response>)> {
        let (file, kind, name) = parse_canonical(reference)?;
        let (path, f) = self.files.get_key_value(file)?;
        (kind == "responses").then_some(())?;
        Some((
            path.as_str(),
            f.doc.components.as_ref()?.responses.get(&name)?,
        ))
    }
}

/// serde_path_to_error's `a.b[0].c` → `/a/b/0/c`.
fn path_to_pointer(path: &str) -> String {
    if path == "." {
        return String::new();
    }
    let mut out = String::new();
    for seg in path.split('.') {
        if let Some((name, mut rest)) = seg.split_once('[') {
            out.push('/');
            out.push_str(&crate::pointer::escape_token(name));
            // `rest` follows a `[`: an index, its `]`, then maybe `[` and the next.
            while let Some((index, after)) = rest.split_once(']') {
                out.push('/');
                out.push_str(index);
                // Skip the next index's `[` (whatever stands there).
                let mut chars = after.chars();
                chars.next();
                rest = chars.as_str();
            }
        } else {
            out.push('/');
            out.push_str(&crate::pointer::escape_token(seg));
        }
    }
    out
}

/// A converted document as an `OpenAPI`, its paths read on a thread of their own while
/// the components and the rest are read on this one (the two halves of the work, on a
/// large spec); `None` if it is not one (the caller reads it again for the error).
fn deserialize(converted: &Value) -> Option<OpenAPI> {
    let top = match converted {
        Value::Object(top) if top.contains_key("paths") => top,
        _ => return OpenAPI::deserialize(converted).ok(),
    };
    // The rest: every field but the two big ones (an empty `paths` stands in).
    let mut rest: serde_json::Map<String, Value> = top
        .iter()
        .filter(|(k, _)| *k != "paths" && *k != "components")
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    rest.insert("paths".to_string(), Value::Object(serde_json::Map::new()));
    std::thread::scope(|scope| {
        let paths = crate::parallel::side_by_side(scope, || {
            top.get("paths")
                .and_then(|p| openapiv3::Paths::deserialize(p).ok())
        });
        let components = match top.get("components") {
            Some(c) => Some(Some(openapiv3::Components::deserialize(c).ok()?)),
            None => Some(None),
        };
        let rest = OpenAPI::deserialize(&Value::Object(rest)).ok();
        let (paths, components, mut doc) = (paths()?, components?, rest?);
        doc.paths = paths;
        doc.components = components;
        Some(doc)
    })
}

/// Maps a pointer in the converted (OpenAPI 3.0) document back to the source document.
pub fn source_pointer(dialect: Dialect, pointer: &str) -> String {
    if dialect == Dialect::OpenApi3 {
        return pointer.to_string();
    }
    for (from, to) in [
        ("/components/schemas", "/definitions"),
        ("/components/parameters", "/parameters"),
        ("/components/requestBodies", "/parameters"),
        ("/components/responses", "/responses"),
    ] {
        if let Some(rest) = pointer.strip_prefix(from) {
            return format!("{to}{rest}");
        }
    }
    pointer.to_string()
}

/// Reads `x-ms-parameterized-host` (its parameters as converted to OpenAPI 3);
/// `None` when absent or malformed (a malformed one is reported by `ops`).
fn parameterized_host(raw: &Value, converted: &Value) -> Option<ParameterizedHost> {
    let host = converted.get("x-ms-parameterized-host")?;
    let template = host.get("hostTemplate")?.as_str()?.to_string();
    let parameters = match host.get("parameters") {
        Some(list) => serde_json::from_value(list.clone()).ok()?,
        None => Vec::new(),
    };
    Some(ParameterizedHost {
        template,
        use_scheme_prefix: host
            .get("useSchemePrefix")
            .and_then(Value::as_bool)
            .unwrap_or(true),
        scheme: raw
            .get("schemes")
            .and_then(|s| s.get(0))
            .and_then(Value::as_str)
            .unwrap_or("https")
            .to_string(),
        last: host.get("positionInOperation").and_then(Value::as_str) == Some("last"),
        parameters,
    })
}

/// The JSON pointer of a path item in its Swagger file: `/paths/...`, or
/// `/x-ms-paths/...` for one from there (see `swagger.rs`).
pub(crate) fn path_pointer(path: &str, item: &openapiv3::PathItem) -> String {
    let root = if item
        .extensions
        .contains_key(super::swagger::X_MS_PATHS_ENTRY)
    {
        "/x-ms-paths"
    } else {
        "/paths"
    };
    format!("{root}/{}", crate::pointer::escape_token(path))
}

/// Every operation of the entry files, in a fixed order: file, path, method,
/// operation, and the JSON pointer of its path item.
pub(crate) fn operations(
    spec: &Spec,
) -> Vec<(&str, &str, &'static str, &openapiv3::Operation, String)> {
    let mut out = Vec::new();
    for entry in &spec.entries {
        let Some(file) = spec.files.get(entry) else {
            continue;
        };
        for (path, item) in &file.doc.paths.paths {
            let ReferenceOr::Item(item) = item else {
                continue;
            };
            let methods = [
                ("get", &item.get),
                ("put", &item.put),
                ("post", &item.post),
                ("delete", &item.delete),
                ("options", &item.options),
                ("head", &item.head),
                ("patch", &item.patch),
                ("trace", &item.trace),
            ];
            for (method, op) in methods {
                if let Some(op) = op {
                    out.push((
                        entry.as_str(),
                        path.as_str(),
                        method,
                        op,
                        path_pointer(path, item),
                    ));
                }
            }
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::path_to_pointer;

    /// Read in parts, a document is what it is read whole; what is not one is not.
    #[test]
    fn documents_read_in_parts() {
        use serde::Deserialize;
        let doc = serde_json::json!({
            "openapi": "3.0.0",
            "info": {"title": "t", "version": "1"},
            "x-top": 1,
            "paths": {"/a": {"get": {"operationId": "A_Get", "responses": {"200": {"description": "ok"}}}}, "x-p": true},
            "components": {"schemas": {"S": {"type": "string"}}},
            "tags": [{"name": "n"}]
        });
        let whole = openapiv3::OpenAPI::deserialize(&doc).unwrap();
        assert_eq!(super::deserialize(&doc), Some(whole));
        let mut no_components = doc.clone();
        no_components.as_object_mut().unwrap().remove("components");
        let whole = openapiv3::OpenAPI::deserialize(&no_components).unwrap();
        assert_eq!(super::deserialize(&no_components), Some(whole));
        for (key, bad) in [
            ("paths", serde_json::json!([])),
            ("components", serde_json::json!({"schemas": 1})),
            ("info", serde_json::json!(1)),
        ] {
            let mut doc = doc.clone();
            doc[key] = bad;
            assert!(openapiv3::OpenAPI::deserialize(&doc).is_err(), "{key}");
            assert_eq!(super::deserialize(&doc), None, "{key}");
        }
        let mut no_paths = doc.clone();
        no_paths.as_object_mut().unwrap().remove("paths");
        assert!(openapiv3::OpenAPI::deserialize(&no_paths).is_err());
        assert_eq!(super::deserialize(&no_paths), None);
        assert_eq!(super::deserialize(&serde_json::json!([])), None);
    }

    #[test]
    fn paths_become_pointers() {
        assert_eq!(path_to_pointer("."), "");
        assert_eq!(path_to_pointer("a.b[0].c"), "/a/b/0/c");
        assert_eq!(path_to_pointer("a[0][1]"), "/a/0/1");
        assert_eq!(path_to_pointer("a~b/c.d"), "/a~0b~1c/d");
    }

    #[test]
    fn odd_map_keys_do_not_panic() {
        // Keys with brackets of their own; `x[0]]` and `x[0]é]` used to cut a string wrongly.
        for path in [
            "x.[]]",
            "x[0]]",
            "x[0]é]",
            "[",
            "]",
            "a[]",
            "é[é]é[",
            "[[]]]",
        ] {
            let pointer = path_to_pointer(path);
            assert!(pointer.starts_with('/'), "{path} → {pointer}");
        }
        assert_eq!(path_to_pointer("x[0]]"), "/x/0");
    }
}
