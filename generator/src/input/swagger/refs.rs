//! `$ref`s: checked against the loaded files and rewritten to their canonical form.

use serde_json::{json, Map, Value};

use super::{is_body, ptr, Cx};
use crate::error::Error;
use crate::pointer::{escape_token, join, lookup, split_ref, unescape_token};

impl Cx<'_> {
    /// Canonicalizes a Swagger `$ref`; checks its target; returns the target's file,
    /// raw value and canonical OpenAPI 3 reference.
    pub(super) fn reference(
        &mut self,
        reference: &str,
        at: &str,
    ) -> Option<(String, String, Value)> {
        let (file, fragment) = split_ref(reference);
        let target_file = if file.is_empty() {
            self.raw.path.clone()
        } else {
            join(&self.raw.path, file)
        };
        let Some(target) = self.files.get(&target_file) else {
            // The loader already reported the unreadable file.
            return None;
        };
        let fail = |this: &mut Self, message: String| {
            this.errors.push(Error::Reference {
                location: this.raw.locate(at),
                reference: reference.to_string(),
                message,
            });
            None
        };
        if !fragment.is_empty() && !fragment.starts_with('/') {
            return fail(self, "the fragment is not a JSON pointer".to_string());
        }
        let Some(value) = lookup(&target.value, fragment) else {
            return fail(
                self,
                format!("`#{fragment}` does not exist in `{target_file}`"),
            );
        };
        let tokens: Vec<String> = fragment.split('/').skip(1).map(unescape_token).collect();
        let kind = match tokens.first().map(String::as_str) {
            Some("definitions") => "schemas",
            Some("parameters") if is_body(value) => "requestBodies",
            Some("parameters") => "parameters",
            Some("responses") => "responses",
            Some("components") if tokens.len() == 3 => {
                return Some((
                    target_file.clone(),
                    format!("{target_file}#{fragment}"),
                    value.clone(),
                ))
            }
            _ => "",
        };
        if kind.is_empty() || tokens.len() != 2 {
            return fail(
                self,
                "only references to `#/definitions/<name>`, `#/parameters/<name>` and `#/responses/<name>` are supported"
                    .to_string(),
            );
        }
        let name = tokens.get(1).map(String::as_str).unwrap_or_default();
        let canonical = format!("{target_file}#/components/{kind}/{}", escape_token(name));
        Some((target_file, canonical, value.clone()))
    }

    /// For OpenAPI 3 input: canonicalize `$ref`s only.
    pub(super) fn refs_only(&mut self, value: &Value, at: &str) -> Value {
        match value {
            Value::Object(map) => {
                let mut out = Map::new();
                for (k, v) in map {
                    let here = ptr(at, k);
                    if k == "$ref" {
                        if let Value::String(r) = v {
                            let (file, fragment) = split_ref(r);
                            let target = if file.is_empty() {
                                self.raw.path.clone()
                            } else {
                                join(&self.raw.path, file)
                            };
                            let exists = self
                                .files
                                .get(&target)
                                .and_then(|f| lookup(&f.value, fragment));
                            if exists.is_none() {
                                self.errors.push(Error::Reference {
                                    location: self.raw.locate(at),
                                    reference: r.clone(),
                                    message: format!("`#{fragment}` does not exist in `{target}`"),
                                });
                            }
                            out.insert(k.clone(), json!(format!("{target}#{fragment}")));
                            continue;
                        }
                    }
                    if k == "x-ms-examples" {
                        out.insert(k.clone(), v.clone());
                        continue;
                    }
                    out.insert(k.clone(), self.refs_only(v, &here));
                }
                Value::Object(out)
            }
            Value::Array(items) => Value::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| self.refs_only(v, &ptr(at, &i.to_string())))
                    .collect(),
            ),
            other => other.clone(),
        }
    }
}
