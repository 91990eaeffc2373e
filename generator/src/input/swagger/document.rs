//! The document as a whole: info, servers, components, security, the parameterized host.

use serde_json::{json, Map, Value};

use super::{extensions, is_body, media_types, ptr, Cx};

impl Cx<'_> {
    pub(super) fn document(&mut self, root: &Map<String, Value>) -> Value {
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

    /// Everything of a document but its paths, added to `out`.
    fn document_rest(
        &mut self,
        root: &Map<String, Value>,
        mut out: Map<String, Value>,
        consumes: &[String],
        produces: &[String],
    ) -> Map<String, Value> {
        let components = self.components(root, consumes, produces);
        out.insert("components".into(), Value::Object(components));
        if let Some(security) = root.get("security") {
            out.insert("security".into(), security.clone());
        }
        extensions(root, &mut out);
        if let Some(Value::Object(host)) = root.get("x-ms-parameterized-host") {
            let host = self.parameterized_host(host, consumes);
            out.insert("x-ms-parameterized-host".into(), host);
        }
        out
    }

    /// `components`: the definitions, parameters (body ones as request bodies),
    /// responses and security schemes.
    fn components(
        &mut self,
        root: &Map<String, Value>,
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
        components
    }

    /// `x-ms-parameterized-host`, its parameters Swagger parameters converted like an
    /// operation's.
    fn parameterized_host(&mut self, host: &Map<String, Value>, consumes: &[String]) -> Value {
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
        Value::Object(host)
    }
}

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
