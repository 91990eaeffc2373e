//! Schemas, keyword by keyword.

use serde_json::{json, Map, Value};

use super::{ptr, Cx};

impl Cx<'_> {
    pub(super) fn schema(&mut self, schema: &Value, at: &str) -> Value {
        let Value::Object(s) = schema else {
            if let Value::Bool(_) = schema {
                return json!({});
            }
            self.error(at, "a schema must be an object");
            return json!({});
        };
        if let Some(r) = s.get("$ref") {
            return self.schema_ref(s, r, at);
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

    /// A schema with a `$ref`: the reference alone, or, with sibling keys,
    /// `allOf: [$ref]` plus the siblings, so that what they say is kept.
    fn schema_ref(&mut self, s: &Map<String, Value>, r: &Value, at: &str) -> Value {
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
        Value::Object(out)
    }

    /// One keyword of a schema, converted; `None` drops it. The keywords holding
    /// schemas are converted here, the others checked by [`Self::plain_keyword`].
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
            _ => self.plain_keyword(key, value, &here),
        }
    }

    /// A keyword holding no schema, kept if its value has the right type, else reported
    /// and dropped; `x-*` kept, what OpenAPI 3.0 has no place for dropped.
    fn plain_keyword(&mut self, key: &str, value: &Value, here: &str) -> Option<Value> {
        match key {
            "discriminator" => match value {
                Value::String(p) => Some(json!({ "propertyName": p })),
                Value::Object(_) => Some(value.clone()),
                _ => {
                    self.error(here, "`discriminator` must name a property");
                    None
                }
            },
            "required" => match value {
                Value::Array(items) if items.iter().all(Value::is_string) => Some(value.clone()),
                Value::Bool(_) => None,
                _ => {
                    self.error(here, "`required` must be an array of property names");
                    None
                }
            },
            "type" => match value {
                Value::String(_) => Some(value.clone()),
                _ => {
                    self.error(here, "`type` must be a string");
                    None
                }
            },
            "x-nullable" | "$schema" | "id" | "externalDocs" | "xml" | "example" | "examples" => {
                None
            }
            "format" | "pattern" | "title" | "description" => match value {
                Value::String(_) => Some(value.clone()),
                _ => {
                    self.error(here, format!("`{key}` must be a string"));
                    None
                }
            },
            "readOnly" | "uniqueItems" | "exclusiveMinimum" | "exclusiveMaximum" => match value {
                Value::Bool(_) => Some(value.clone()),
                _ => {
                    self.error(here, format!("`{key}` must be a boolean"));
                    None
                }
            },
            "minLength" | "maxLength" | "minItems" | "maxItems" | "minProperties"
            | "maxProperties" => match value.as_u64() {
                Some(_) => Some(value.clone()),
                None => {
                    self.error(here, format!("`{key}` must be a non-negative integer"));
                    None
                }
            },
            "minimum" | "maximum" | "multipleOf" => match value {
                Value::Number(_) => Some(value.clone()),
                _ => {
                    self.error(here, format!("`{key}` must be a number"));
                    None
                }
            },
            "enum" => match value {
                Value::Array(_) => Some(value.clone()),
                _ => {
                    self.error(here, "`enum` must be an array");
                    None
                }
            },
            "default" | "nullable" => Some(value.clone()),
            k if k.starts_with("x-") => Some(value.clone()),
            _ => None,
        }
    }
}
