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

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::load::RawFile;
use crate::error::{Error, Result};
use crate::pointer::{escape_token, join, lookup, split_ref, unescape_token};

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
    let dialect = match (root.get("swagger"), root.get("openapi")) {
        (Some(Value::String(v)), _) if v == "2.0" => Dialect::Swagger2,
        (_, Some(Value::String(v))) if v.starts_with("3.0.") => Dialect::OpenApi3,
        (Some(v), _) => {
            return Err(Error::Version {
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
            })
        }
        (None, Some(v)) => {
            return Err(Error::Version {
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
            })
        }
        (None, None) => {
            return Err(Error::Version {
                location: raw.locate(""),
                message: "neither `swagger` nor `openapi` is present (supported: `swagger: \"2.0\"`, `openapi: 3.0.x`)".to_string(),
            })
        }
    };
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

    /// Canonicalizes a Swagger `$ref`; checks its target; returns the target's file,
    /// raw value and canonical OpenAPI 3 reference.
    fn reference(&mut self, reference: &str, at: &str) -> Option<(String, String, Value)> {
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

    fn document(&mut self, root: &Map<String, Value>) -> Value {
        let mut out = Map::new();
        out.insert("openapi".into(), json!("3.0.3"));
        let mut info = root.get("info").cloned().unwrap_or_else(|| json!({}));
        if let Value::Object(i) = &mut info {
            i.entry("title").or_insert_with(|| json!(""));
            i.entry("version").or_insert_with(|| json!(""));
        } else {
            self.error("/info", "`info` is not an object");
            info = json!({"title": "", "version": ""});
        }
        out.insert("info".into(), info);
        if let Some(host) = root.get("host").and_then(Value::as_str) {
            let scheme = root
                .get("schemes")
                .and_then(Value::as_array)
                .and_then(|s| s.first())
                .and_then(Value::as_str)
                .unwrap_or("https");
            let base = root.get("basePath").and_then(Value::as_str).unwrap_or("");
            out.insert(
                "servers".into(),
                json!([{ "url": format!("{scheme}://{host}{base}") }]),
            );
        }
        let consumes = media_types(root.get("consumes"));
        let produces = media_types(root.get("produces"));
        // The paths on a thread of their own (about half of the work), with a context of
        // their own; their errors take the place they would have had.
        let errors_before = self.errors.len();
        let (raw, files) = (self.raw, self.files);
        let (out, path_errors) = std::thread::scope(|scope| {
            let paths = crate::parallel::side_by_side(scope, || {
                let mut cx = Cx {
                    raw,
                    files,
                    errors: Vec::new(),
                };
                let paths = cx.paths(root, &consumes, &produces);
                (paths, cx.errors)
            });
            let out = self.document_rest(root, out, &consumes, &produces);
            let (paths, errors) = paths();
            let mut out = out;
            out.insert("paths".into(), Value::Object(paths));
            (out, errors)
        });
        self.errors
            .splice(errors_before..errors_before, path_errors);
        Value::Object(out)
    }

    /// The paths of a document (and its `x-ms-paths`), converted.
    fn paths(
        &mut self,
        root: &Map<String, Value>,
        consumes: &[String],
        produces: &[String],
    ) -> Map<String, Value> {
        let mut paths = Map::new();
        match root.get("paths") {
            Some(Value::Object(p)) => {
                for (path, item) in p {
                    let at = ptr("/paths", path);
                    if path.starts_with("x-") {
                        paths.insert(path.clone(), item.clone());
                        continue;
                    }
                    paths.insert(path.clone(), self.path_item(item, &at, consumes, produces));
                }
            }
            Some(_) => self.error("/paths", "`paths` is not an object"),
            None => {}
        }
        // `x-ms-paths`: more paths, whose key may carry a query string so that one path
        // can have several operations per method (the query only names the path).
        // Converted like `paths`, marked so that locations point into `x-ms-paths`.
        match root.get("x-ms-paths") {
            Some(Value::Object(p)) => {
                for (path, item) in p {
                    let at = ptr("/x-ms-paths", path);
                    if paths.contains_key(path) {
                        self.error(&at, "the path is also in `paths`");
                        continue;
                    }
                    let mut converted = self.path_item(item, &at, consumes, produces);
                    if let Value::Object(m) = &mut converted {
                        m.insert(X_MS_PATHS_ENTRY.into(), json!(true));
                    }
                    paths.insert(path.clone(), converted);
                }
            }
            Some(_) => self.error("/x-ms-paths", "`x-ms-paths` is not an object"),
            None => {}
        }
        paths
    }

    /// Everything of a document but its paths, added to `out`.
    fn document_rest(
        &mut self,
        root: &Map<String, Value>,
        mut out: Map<String, Value>,
        consumes: &[String],
        produces: &[String],
    ) -> Map<String, Value> {
        let mut components = Map::new();
        let mut schemas = Map::new();
        if let Some(defs) = self.object(root.get("definitions"), "/definitions") {
            for (name, schema) in defs {
                schemas.insert(
                    name.clone(),
                    self.schema(schema, &ptr("/definitions", name)),
                );
            }
        }
        components.insert("schemas".into(), Value::Object(schemas));
        let mut parameters = Map::new();
        let mut bodies = Map::new();
        if let Some(params) = self.object(root.get("parameters"), "/parameters") {
            for (name, param) in params {
                let at = ptr("/parameters", name);
                if is_body(param) {
                    bodies.insert(name.clone(), self.request_body(param, &at, consumes, None));
                } else if param.get("in").and_then(Value::as_str) == Some("formData") {
                    // Taken into the form body of each operation that refers to it.
                    continue;
                } else {
                    parameters.insert(name.clone(), self.parameter(param, &at));
                }
            }
        }
        components.insert("parameters".into(), Value::Object(parameters));
        components.insert("requestBodies".into(), Value::Object(bodies));
        let mut responses = Map::new();
        if let Some(resps) = self.object(root.get("responses"), "/responses") {
            for (name, resp) in resps {
                responses.insert(
                    name.clone(),
                    self.response(resp, &ptr("/responses", name), produces),
                );
            }
        }
        components.insert("responses".into(), Value::Object(responses));
        if let Some(sec) = root.get("securityDefinitions").and_then(Value::as_object) {
            let mut schemes = Map::new();
            for (name, def) in sec {
                schemes.insert(name.clone(), security_scheme(def));
            }
            components.insert("securitySchemes".into(), Value::Object(schemes));
        }
        out.insert("components".into(), Value::Object(components));
        if let Some(security) = root.get("security") {
            out.insert("security".into(), security.clone());
        }
        extensions(root, &mut out);
        // Its parameters are Swagger parameters: converted like an operation's.
        if let Some(Value::Object(host)) = root.get("x-ms-parameterized-host") {
            let mut host = host.clone();
            if let Some(list) = host.get("parameters").cloned() {
                let (params, body) =
                    self.parameters(&list, "/x-ms-parameterized-host/parameters", consumes);
                if body.is_some() {
                    self.error(
                        "/x-ms-parameterized-host/parameters",
                        "a host parameter cannot be a body",
                    );
                }
                host.insert("parameters".into(), Value::Array(params));
            }
            out.insert("x-ms-parameterized-host".into(), Value::Object(host));
        }
        out
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

    fn path_item(
        &mut self,
        item: &Value,
        at: &str,
        consumes: &[String],
        produces: &[String],
    ) -> Value {
        let Value::Object(item) = item else {
            self.error(at, "a path item must be an object");
            return json!({});
        };
        let mut out = Map::new();
        for (key, value) in item {
            let here = ptr(at, key);
            match key.as_str() {
                "get" | "put" | "post" | "delete" | "options" | "head" | "patch" => {
                    out.insert(
                        key.clone(),
                        self.operation(value, &here, consumes, produces),
                    );
                }
                "parameters" => {
                    let (params, body) = self.parameters(value, &here, consumes);
                    out.insert("parameters".into(), Value::Array(params));
                    if body.is_some() {
                        self.error(&here, "a body parameter at path level is not supported; declare it on each operation");
                    }
                }
                k if k.starts_with("x-") => {
                    out.insert(key.clone(), value.clone());
                }
                "$ref" => self.error(&here, "a `$ref` path item is not supported"),
                _ => {}
            }
        }
        Value::Object(out)
    }

    fn operation(
        &mut self,
        op: &Value,
        at: &str,
        consumes: &[String],
        produces: &[String],
    ) -> Value {
        let Value::Object(op) = op else {
            self.error(at, "an operation must be an object");
            return json!({"responses": {}});
        };
        let consumes = op
            .get("consumes")
            .map(|c| media_types(Some(c)))
            .unwrap_or_else(|| consumes.to_vec());
        let produces = op
            .get("produces")
            .map(|c| media_types(Some(c)))
            .unwrap_or_else(|| produces.to_vec());
        let mut out = Map::new();
        for key in [
            "tags",
            "summary",
            "description",
            "operationId",
            "deprecated",
            "security",
        ] {
            if let Some(v) = op.get(key) {
                out.insert(key.into(), v.clone());
            }
        }
        if let Some(params) = op.get("parameters") {
            let (params, body) = self.parameters(params, &ptr(at, "parameters"), &consumes);
            out.insert("parameters".into(), Value::Array(params));
            if let Some(body) = body {
                out.insert("requestBody".into(), body);
            }
        }
        let mut responses = Map::new();
        match op.get("responses") {
            Some(Value::Object(r)) => {
                for (code, resp) in r {
                    let here = ptr(&ptr(at, "responses"), code);
                    if code.starts_with("x-") {
                        responses.insert(code.clone(), resp.clone());
                    } else {
                        responses.insert(code.clone(), self.response(resp, &here, &produces));
                    }
                }
            }
            Some(_) => self.error(&ptr(at, "responses"), "`responses` must be an object"),
            None => self.error(at, "the operation has no `responses`"),
        }
        out.insert("responses".into(), Value::Object(responses));
        extensions(op, &mut out);
        Value::Object(out)
    }

    /// Converts a parameter list; the body parameter (if any) comes back apart.
    fn parameters(
        &mut self,
        list: &Value,
        at: &str,
        consumes: &[String],
    ) -> (Vec<Value>, Option<Value>) {
        let Value::Array(list) = list else {
            self.error(at, "`parameters` must be an array");
            return (Vec::new(), None);
        };
        let mut params = Vec::new();
        let mut body = None;
        let mut form: Vec<(usize, Value)> = Vec::new();
        for (i, param) in list.iter().enumerate() {
            let here = ptr(at, &i.to_string());
            if let Some(Value::String(r)) = param.get("$ref") {
                let Some((_, canonical, target)) = self.reference(r, &here) else {
                    continue;
                };
                if target.get("in").and_then(Value::as_str) == Some("formData") {
                    // Form fields become one body: shared ones are taken in place.
                    form.push((i, target));
                    continue;
                }
                if is_body(&target) {
                    let mut b = json!({ "$ref": canonical });
                    if let Value::Object(m) = &mut b {
                        m.insert("x-ms-requestBody-index".into(), json!(i));
                    }
                    body = Some(b);
                } else {
                    params.push(json!({ "$ref": canonical }));
                }
                continue;
            }
            match param.get("in").and_then(Value::as_str) {
                Some("body") => {
                    if body.is_some() {
                        self.error(&here, "more than one body parameter");
                    }
                    body = Some(self.request_body(param, &here, consumes, Some(i)));
                }
                Some("formData") => form.push((i, param.clone())),
                Some("path" | "query" | "header") => params.push(self.parameter(param, &here)),
                Some(other) => self.error(
                    &ptr(&here, "in"),
                    format!("unknown parameter location `{other}`"),
                ),
                None => self.error(&here, "the parameter has no `in`"),
            }
        }
        if !form.is_empty() {
            let mut properties = Map::new();
            let mut required = Vec::new();
            for (i, p) in &form {
                let here = ptr(at, &i.to_string());
                let name = p
                    .get("name")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string();
                if p.get("required").and_then(Value::as_bool) == Some(true) {
                    required.push(json!(name));
                }
                properties.insert(name, self.schema(&param_schema(p), &here));
            }
            let media = consumes
                .iter()
                .find(|c| c.contains("form"))
                .cloned()
                .unwrap_or_else(|| "application/x-www-form-urlencoded".to_string());
            body = Some(json!({
                "required": !required.is_empty(),
                "content": { media: { "schema": { "type": "object", "properties": properties, "required": required } } },
            }));
        }
        (params, body)
    }

    fn parameter(&mut self, param: &Value, at: &str) -> Value {
        let Value::Object(p) = param else {
            self.error(at, "a parameter must be an object");
            return json!({});
        };
        let mut out = Map::new();
        for key in ["name", "in", "description", "required", "allowEmptyValue"] {
            if let Some(v) = p.get(key) {
                out.insert(key.into(), v.clone());
            }
        }
        if !p.contains_key("name") {
            self.error(at, "the parameter has no `name`");
            out.insert("name".into(), json!(""));
        }
        if p.get("in").and_then(Value::as_str) == Some("path") {
            out.insert("required".into(), json!(true));
        }
        match p.get("collectionFormat").and_then(Value::as_str) {
            Some("multi") => {
                out.insert("style".into(), json!("form"));
                out.insert("explode".into(), json!(true));
            }
            Some("ssv") => {
                out.insert("style".into(), json!("spaceDelimited"));
                out.insert("explode".into(), json!(false));
            }
            Some("pipes") => {
                out.insert("style".into(), json!("pipeDelimited"));
                out.insert("explode".into(), json!(false));
            }
            Some(other) => {
                out.insert("explode".into(), json!(false));
                if other == "tsv" {
                    out.insert("x-ms-collection-format".into(), json!("tsv"));
                }
            }
            None => {}
        }
        out.insert("schema".into(), self.schema(&param_schema(param), at));
        extensions(p, &mut out);
        Value::Object(out)
    }

    fn request_body(
        &mut self,
        param: &Value,
        at: &str,
        consumes: &[String],
        index: Option<usize>,
    ) -> Value {
        let mut content = Map::new();
        let schema = match param.get("schema") {
            Some(s) => self.schema(s, &ptr(at, "schema")),
            None => {
                self.error(at, "the body parameter has no `schema`");
                json!({})
            }
        };
        let media = if consumes.is_empty() {
            vec!["application/json".to_string()]
        } else {
            consumes.to_vec()
        };
        for m in media {
            content.insert(m, json!({ "schema": schema.clone() }));
        }
        let mut out = Map::new();
        if let Some(d) = param.get("description") {
            out.insert("description".into(), d.clone());
        }
        out.insert(
            "required".into(),
            json!(param
                .get("required")
                .and_then(Value::as_bool)
                .unwrap_or(false)),
        );
        out.insert("content".into(), Value::Object(content));
        if let Some(name) = param.get("name") {
            out.insert("x-ms-requestBody-name".into(), name.clone());
        }
        if let Some(i) = index {
            out.insert("x-ms-requestBody-index".into(), json!(i));
        }
        if let Value::Object(p) = param {
            extensions(p, &mut out);
        }
        Value::Object(out)
    }

    fn response(&mut self, resp: &Value, at: &str, produces: &[String]) -> Value {
        if let Some(Value::String(r)) = resp.get("$ref") {
            return match self.reference(r, at) {
                Some((_, canonical, _)) => json!({ "$ref": canonical }),
                None => json!({ "description": "" }),
            };
        }
        let Value::Object(r) = resp else {
            self.error(at, "a response must be an object");
            return json!({ "description": "" });
        };
        let mut out = Map::new();
        out.insert(
            "description".into(),
            r.get("description").cloned().unwrap_or_else(|| json!("")),
        );
        if let Some(schema) = r.get("schema") {
            let schema = self.schema(schema, &ptr(at, "schema"));
            let media = if produces.is_empty() {
                vec!["application/json".to_string()]
            } else {
                produces.to_vec()
            };
            let mut content = Map::new();
            for m in media {
                content.insert(m, json!({ "schema": schema.clone() }));
            }
            out.insert("content".into(), Value::Object(content));
        }
        if let Some(headers) = self.object(r.get("headers"), &ptr(at, "headers")) {
            let mut hs = Map::new();
            for (name, h) in headers {
                let here = ptr(&ptr(at, "headers"), name);
                let mut header = Map::new();
                if let Some(d) = h.get("description") {
                    header.insert("description".into(), d.clone());
                }
                header.insert("schema".into(), self.schema(&param_schema(h), &here));
                if let Value::Object(hm) = h {
                    extensions(hm, &mut header);
                }
                hs.insert(name.clone(), Value::Object(header));
            }
            out.insert("headers".into(), Value::Object(hs));
        }
        extensions(r, &mut out);
        Value::Object(out)
    }

    fn schema(&mut self, schema: &Value, at: &str) -> Value {
        let Value::Object(s) = schema else {
            if let Value::Bool(_) = schema {
                return json!({});
            }
            self.error(at, "a schema must be an object");
            return json!({});
        };
        if let Some(r) = s.get("$ref") {
            let Value::String(r) = r else {
                self.error(&ptr(at, "$ref"), "`$ref` must be a string");
                return json!({});
            };
            let canonical = match self.reference(r, at) {
                Some((_, c, _)) => c,
                None => return json!({}),
            };
            let siblings: Vec<&String> = s.keys().filter(|k| *k != "$ref").collect();
            if siblings.is_empty() {
                return json!({ "$ref": canonical });
            }
            // Keep what the siblings say: `allOf: [$ref]` plus the siblings.
            let mut out = Map::new();
            out.insert("allOf".into(), json!([{ "$ref": canonical }]));
            for key in siblings {
                if key == "type" || key == "properties" || key == "allOf" {
                    continue;
                }
                if let Some(v) = self.schema_keyword(s, key, at) {
                    out.insert(key.clone(), v);
                }
            }
            return Value::Object(out);
        }
        let mut out = Map::new();
        for key in s.keys() {
            if let Some(v) = self.schema_keyword(s, key, at) {
                out.insert(key.clone(), v);
            }
        }
        if let Some(Value::Bool(true)) = s.get("x-nullable") {
            out.insert("nullable".into(), json!(true));
        }
        if let Some(Value::String(t)) = s.get("type") {
            if t == "file" {
                out.insert("type".into(), json!("string"));
                out.insert("format".into(), json!("binary"));
            }
        }
        Value::Object(out)
    }

    /// One keyword of a schema, converted; `None` drops it.
    fn schema_keyword(&mut self, s: &Map<String, Value>, key: &str, at: &str) -> Option<Value> {
        let value = s.get(key)?;
        let here = ptr(at, key);
        match key {
            "properties" => {
                let props = self.object(Some(value), &here)?;
                let mut out = Map::new();
                for (name, p) in props {
                    out.insert(name.clone(), self.schema(p, &ptr(&here, name)));
                }
                Some(Value::Object(out))
            }
            "items" => match value {
                Value::Array(_) => {
                    self.error(
                        &here,
                        "tuple `items` (an array of schemas) is not supported",
                    );
                    None
                }
                _ => Some(self.schema(value, &here)),
            },
            "additionalProperties" => match value {
                Value::Bool(b) => Some(json!(b)),
                _ => Some(self.schema(value, &here)),
            },
            "allOf" | "anyOf" | "oneOf" => {
                let Value::Array(list) = value else {
                    self.error(&here, format!("`{key}` must be an array"));
                    return None;
                };
                let items = list
                    .iter()
                    .enumerate()
                    .map(|(i, v)| self.schema(v, &ptr(&here, &i.to_string())))
                    .collect();
                Some(Value::Array(items))
            }
            "not" => Some(self.schema(value, &here)),
            "discriminator" => match value {
                Value::String(p) => Some(json!({ "propertyName": p })),
                Value::Object(_) => Some(value.clone()),
                _ => {
                    self.error(&here, "`discriminator` must name a property");
                    None
                }
            },
            "required" => match value {
                Value::Array(items) if items.iter().all(Value::is_string) => Some(value.clone()),
                Value::Bool(_) => None,
                _ => {
                    self.error(&here, "`required` must be an array of property names");
                    None
                }
            },
            "type" => match value {
                Value::String(_) => Some(value.clone()),
                _ => {
                    self.error(&here, "`type` must be a string");
                    None
                }
            },
            "x-nullable" | "$schema" | "id" | "externalDocs" | "xml" | "example" | "examples" => {
                None
            }
            "format" | "pattern" | "title" | "description" => match value {
                Value::String(_) => Some(value.clone()),
                _ => {
                    self.error(&here, format!("`{key}` must be a string"));
                    None
                }
            },
            "readOnly" | "uniqueItems" | "exclusiveMinimum" | "exclusiveMaximum" => match value {
                Value::Bool(_) => Some(value.clone()),
                _ => {
                    self.error(&here, format!("`{key}` must be a boolean"));
                    None
                }
            },
            "minLength" | "maxLength" | "minItems" | "maxItems" | "minProperties"
            | "maxProperties" => match value.as_u64() {
                Some(_) => Some(value.clone()),
                None => {
                    self.error(&here, format!("`{key}` must be a non-negative integer"));
                    None
                }
            },
            "minimum" | "maximum" | "multipleOf" => match value {
                Value::Number(_) => Some(value.clone()),
                _ => {
                    self.error(&here, format!("`{key}` must be a number"));
                    None
                }
            },
            "enum" => match value {
                Value::Array(_) => Some(value.clone()),
                _ => {
                    self.error(&here, "`enum` must be an array");
                    None
                }
            },
            "default" | "nullable" => Some(value.clone()),
            k if k.starts_with("x-") => Some(value.clone()),
            _ => None,
        }
    }

    /// For OpenAPI 3 input: canonicalize `$ref`s only.
    fn refs_only(&mut self, value: &Value, at: &str) -> Value {
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

fn security_scheme(def: &Value) -> Value {
    match def.get("type").and_then(Value::as_str) {
        Some("oauth2") => {
            let scopes = def.get("scopes").cloned().unwrap_or_else(|| json!({}));
            let auth = def
                .get("authorizationUrl")
                .cloned()
                .unwrap_or_else(|| json!(""));
            json!({ "type": "oauth2", "flows": { "implicit": { "authorizationUrl": auth, "scopes": scopes } } })
        }
        Some("apiKey") => json!({
            "type": "apiKey",
            "name": def.get("name").cloned().unwrap_or_else(|| json!("")),
            "in": def.get("in").cloned().unwrap_or_else(|| json!("header")),
        }),
        _ => json!({ "type": "http", "scheme": "basic" }),
    }
}
