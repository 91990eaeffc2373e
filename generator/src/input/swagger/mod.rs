//! Swagger 2.0 → OpenAPI 3.0, as JSON, keeping every `x-*` extension where
//! the OpenAPI 3.0 model has a place for it.
//!
//! The result is deserialized into `openapiv3::OpenAPI`, so one back end
//! serves both versions. Every `$ref` is rewritten to its canonical form,
//! `<normalized file path>#/components/<kind>/<name>`, after checking that
//! its target exists; the structure of schemas is kept, so a schema's pointer
//! in the converted document maps back to its source pointer by prefix
//! (`/components/schemas` ↔ `/definitions`).
//!
//! Conversions worth knowing:
//! - a `$ref` with sibling keys (ARM's `systemData`: description, readOnly)
//!   becomes `allOf: [$ref]` plus the siblings, so their meaning is kept;
//! - a body parameter becomes the `requestBody`, its name and index kept in
//!   `x-ms-requestBody-name` / `x-ms-requestBody-index` (as autorest does);
//! - `x-nullable` becomes `nullable`; `discriminator: "p"` becomes `{propertyName: "p"}`;
//! - non-body parameters get their type keywords moved into `schema`,
//!   `collectionFormat` into `style`/`explode`.
//!
//! The parts: this module (the entry, dialect detection, shared helpers),
//! `document` (info, servers, components), `paths` (paths, `x-ms-paths`,
//! operations), `params` (parameters, bodies, form fields, `collectionFormat`),
//! `responses`, `schema` (schema keywords) and `refs` (`$ref` checking and
//! rewriting).

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::load::RawFile;
use crate::error::{Error, Result};
use crate::pointer::escape_token;

mod document;
mod params;
mod paths;
mod refs;
mod responses;
mod schema;
#[cfg(test)]
mod tests;

/// Which kind of document a file was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Swagger2,
    OpenApi3,
}

/// Converts one file. `files` holds every loaded file, to check and classify `$ref` targets.
pub fn convert(
    raw: &RawFile,
    files: &BTreeMap<String, RawFile>,
    entry: bool,
) -> Result<(Value, Dialect)> {
    let Value::Object(root) = &raw.value else {
        return Err(Error::invalid(
            raw.locate(""),
            format!(
                "the document must be an object (with `swagger: \"2.0\"` or `openapi: 3.0.x`), not {}",
                kind(&raw.value)
            ),
        ));
    };
    let dialect = dialect(raw, root)?;
    if entry && !root.contains_key("paths") {
        return Err(Error::invalid(
            raw.locate(""),
            "the document has no `paths`",
        ));
    }
    let mut cx = Cx {
        raw,
        files,
        errors: Vec::new(),
    };
    let out = match dialect {
        Dialect::Swagger2 => cx.document(root),
        Dialect::OpenApi3 => cx.refs_only(&raw.value, ""),
    };
    match cx.errors.len() {
        0 => Ok((out, dialect)),
        1 => Err(cx.errors.remove(0)),
        _ => Err(Error::Many(cx.errors)),
    }
}

/// The dialect a document declares (`swagger: "2.0"` or `openapi: 3.0.x`), else why not.
fn dialect(raw: &RawFile, root: &Map<String, Value>) -> Result<Dialect> {
    match (root.get("swagger"), root.get("openapi")) {
        (Some(Value::String(v)), _) if v == "2.0" => Ok(Dialect::Swagger2),
        (_, Some(Value::String(v))) if v.starts_with("3.0.") => Ok(Dialect::OpenApi3),
        (Some(v), _) => Err(Error::Version {
            location: raw.locate("/swagger"),
            message: match v {
                Value::String(_) => {
                    format!("`swagger: {v}` (supported: \"2.0\", or `openapi: 3.0.x`)")
                }
                _ => format!(
                    "`swagger` must be the string \"2.0\", not {} `{v}`",
                    kind(v)
                ),
            },
        }),
        (None, Some(v)) => Err(Error::Version {
            location: raw.locate("/openapi"),
            message: match v {
                Value::String(_) => {
                    format!("`openapi: {v}` (supported: 3.0.x, or `swagger: \"2.0\"`)")
                }
                _ => format!(
                    "`openapi` must be a string like \"3.0.3\", not {} `{v}`",
                    kind(v)
                ),
            },
        }),
        (None, None) => Err(Error::Version {
            location: raw.locate(""),
            message: "neither `swagger` nor `openapi` is present (supported: `swagger: \"2.0\"`, `openapi: 3.0.x`)".to_string(),
        }),
    }
}

struct Cx<'a> {
    raw: &'a RawFile,
    files: &'a BTreeMap<String, RawFile>,
    errors: Vec<Error>,
}

fn ptr(base: &str, token: &str) -> String {
    format!("{base}/{}", escape_token(token))
}

fn extensions(map: &Map<String, Value>, out: &mut Map<String, Value>) {
    for (k, v) in map {
        if k.starts_with("x-") {
            out.insert(k.clone(), v.clone());
        }
    }
}

/// Whether a raw Swagger parameter (after following refs) is a body parameter.
fn is_body(param: &Value) -> bool {
    param.get("in").and_then(Value::as_str) == Some("body")
}

impl Cx<'_> {
    fn error(&mut self, pointer: &str, message: impl Into<String>) {
        self.errors
            .push(Error::invalid(self.raw.locate(pointer), message));
    }

    fn object<'v>(&mut self, value: Option<&'v Value>, at: &str) -> Option<&'v Map<String, Value>> {
        match value {
            None => None,
            Some(Value::Object(m)) => Some(m),
            Some(_) => {
                self.error(at, "expected an object");
                None
            }
        }
    }
}

/// What kind of JSON value this is, for messages: "an array", "a number", ...
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn media_types(value: Option<&Value>) -> Vec<String> {
    value
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// The schema part of a Swagger 2.0 non-body parameter or header.
fn param_schema(param: &Value) -> Value {
    let mut out = Map::new();
    if let Value::Object(p) = param {
        for (k, v) in p {
            match k.as_str() {
                "name" | "in" | "description" | "required" | "collectionFormat"
                | "allowEmptyValue" => {}
                "x-ms-parameter-location"
                | "x-ms-client-name"
                | "x-ms-parameter-grouping"
                | "x-ms-skip-url-encoding"
                | "x-ms-header-collection-prefix"
                | "x-ms-client-request-id" => {}
                _ => {
                    out.insert(k.clone(), v.clone());
                }
            }
        }
    }
    Value::Object(out)
}

/// Marks a converted path item that came from `x-ms-paths`.
pub(crate) const X_MS_PATHS_ENTRY: &str = "x-azgen-from-x-ms-paths";
