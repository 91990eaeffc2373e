//! Parameters: non-body ones (`collectionFormat` → `style`/`explode`), the body
//! parameter as `requestBody`, form fields as one form body.

use serde_json::{json, Map, Value};

use super::{extensions, is_body, param_schema, ptr, Cx};

impl Cx<'_> {
    /// Converts a parameter list; the body parameter (if any) comes back apart.
    pub(super) fn parameters(
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
            body = Some(self.form_body(&form, at, consumes));
        }
        (params, body)
    }

    /// The form fields of an operation (`in: formData`), as one form body.
    fn form_body(&mut self, form: &[(usize, Value)], at: &str, consumes: &[String]) -> Value {
        let mut properties = Map::new();
        let mut required = Vec::new();
        for (i, p) in form {
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
        json!({
            "required": !required.is_empty(),
            "content": { media: { "schema": { "type": "object", "properties": properties, "required": required } } },
        })
    }

    pub(super) fn parameter(&mut self, param: &Value, at: &str) -> Value {
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
        collection_format(p.get("collectionFormat").and_then(Value::as_str), &mut out);
        out.insert("schema".into(), self.schema(&param_schema(param), at));
        extensions(p, &mut out);
        Value::Object(out)
    }

    pub(super) fn request_body(
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
}

/// `collectionFormat` as OpenAPI 3.0's `style` and `explode` (`csv`, the default, is
/// `explode: false` in the default style; `tsv`, which has no style, is marked).
fn collection_format(format: Option<&str>, out: &mut Map<String, Value>) {
    match format {
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
}
