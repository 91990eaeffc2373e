//! Responses and their headers.

use serde_json::{json, Map, Value};

use super::{extensions, param_schema, ptr, Cx};

impl Cx<'_> {
    pub(super) fn response(&mut self, resp: &Value, at: &str, produces: &[String]) -> Value {
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
}
