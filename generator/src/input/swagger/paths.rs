//! Paths (and `x-ms-paths`), path items and operations.

use serde_json::{json, Map, Value};

use super::{extensions, media_types, ptr, Cx, X_MS_PATHS_ENTRY};

impl Cx<'_> {
    /// The paths of a document (and its `x-ms-paths`), converted.
    pub(super) fn paths(
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
}
