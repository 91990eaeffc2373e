//! Synthetic specs for the larger scales: ACR's definitions and paths
//! replicated under new names.

use std::collections::BTreeSet;

use serde_json::Value;

/// The operations of a Swagger document: the methods of its paths.
pub(super) fn count_operations(spec: &Value) -> usize {
    const METHODS: &[&str] = &["get", "put", "post", "delete", "options", "head", "patch"];
    ["paths", "x-ms-paths"]
        .iter()
        .filter_map(|k| spec[*k].as_object())
        .flat_map(|paths| paths.values())
        .filter_map(Value::as_object)
        .map(|item| {
            item.keys()
                .filter(|k| METHODS.contains(&k.as_str()))
                .count()
        })
        .sum()
}

/// ACR's spec with its definitions and paths replicated `n` times in all:
/// copy `k` (1..n) renames definitions to `<Name>Copy<k>` (and rewrites the
/// `$ref`s to them), `x-ms-enum` names likewise, prefixes paths with
/// `/copy<k>` and suffixes operationIds with `Copy<k>`. Copies link no
/// `x-ms-examples` (they would link the same files). References to other
/// files are made absolute, since the copy is written elsewhere.
pub(super) fn replicate(spec: &Value, n: usize, spec_path: &str) -> Value {
    let mut base = spec.clone();
    absolutize(&mut base, spec_path);
    let names: BTreeSet<String> = base["definitions"]
        .as_object()
        .map(|d| d.keys().cloned().collect())
        .unwrap_or_default();
    let defs = base["definitions"].as_object().cloned().unwrap_or_default();
    let paths = base["paths"].as_object().cloned().unwrap_or_default();
    let mut out = base.clone();
    for k in 1..n {
        let suffix = format!("Copy{k}");
        for (name, def) in &defs {
            let mut def = def.clone();
            rename(&mut def, &names, &suffix);
            out["definitions"][format!("{name}{suffix}")] = def;
        }
        for (path, item) in &paths {
            let mut item = item.clone();
            rename(&mut item, &names, &suffix);
            if let Some(ops) = item.as_object_mut() {
                for op in ops.values_mut() {
                    let Some(op) = op.as_object_mut() else {
                        continue;
                    };
                    op.remove("x-ms-examples");
                    if let Some(Value::String(id)) = op.get_mut("operationId") {
                        id.push_str(&suffix);
                    }
                }
            }
            out["paths"][format!("/copy{k}{path}")] = item;
        }
    }
    out
}

/// Makes every `$ref` to another file absolute (relative to `spec_path`).
fn absolutize(v: &mut Value, spec_path: &str) {
    match v {
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                match value {
                    Value::String(r) if key == "$ref" && !r.starts_with('#') => {
                        let (file, fragment) = r.split_once('#').unwrap_or((r.as_str(), ""));
                        let joined = azgen::pointer::join(spec_path, file);
                        *r = match fragment {
                            "" => joined,
                            f => format!("{joined}#{f}"),
                        };
                    }
                    other => absolutize(other, spec_path),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| absolutize(i, spec_path)),
        _ => {}
    }
}

/// Renames, in one copy, the references to local definitions and the `x-ms-enum` names.
fn rename(v: &mut Value, names: &BTreeSet<String>, suffix: &str) {
    match v {
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                match (key.as_str(), value) {
                    ("$ref", Value::String(r)) => {
                        if let Some(rest) = r.strip_prefix("#/definitions/") {
                            let (name, tail) = match rest.split_once('/') {
                                Some((name, tail)) => (name, format!("/{tail}")),
                                None => (rest, String::new()),
                            };
                            if names.contains(name) {
                                *r = format!("#/definitions/{name}{suffix}{tail}");
                            }
                        }
                    }
                    ("x-ms-enum", Value::Object(e)) => {
                        if let Some(Value::String(name)) = e.get_mut("name") {
                            name.push_str(suffix);
                        }
                    }
                    (_, other) => rename(other, names, suffix),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| rename(i, names, suffix)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn spec() -> Value {
        json!({
            "swagger": "2.0",
            "paths": {
                "/things/{name}": {
                    "parameters": [{ "$ref": "#/parameters/Name" }],
                    "get": {
                        "operationId": "Things_Get",
                        "responses": { "200": { "schema": { "$ref": "#/definitions/Thing" } } },
                        "x-ms-examples": { "Get": { "$ref": "./examples/Get.json" } }
                    },
                    "delete": { "operationId": "Things_Delete", "responses": {} }
                }
            },
            "definitions": {
                "Thing": {
                    "properties": {
                        "kind": { "type": "string", "enum": ["a"], "x-ms-enum": { "name": "Kind" } },
                        "part": { "$ref": "#/definitions/Part/properties/x" },
                        "base": { "$ref": "../common/types.json#/definitions/Resource" }
                    }
                },
                "Part": { "properties": { "x": { "type": "string" } } }
            }
        })
    }

    #[test]
    fn replicas_have_new_names_and_the_same_shape() {
        let out = replicate(&spec(), 3, "/specs/a/b/spec.json");
        assert_eq!(count_operations(&spec()), 2);
        assert_eq!(count_operations(&out), 6);
        let defs = out["definitions"].as_object().unwrap();
        let names: Vec<&str> = defs.keys().map(String::as_str).collect();
        assert_eq!(names.len(), 6, "{names:?}");
        let copy = &out["definitions"]["ThingCopy2"]["properties"];
        assert_eq!(copy["part"]["$ref"], "#/definitions/PartCopy2/properties/x");
        assert_eq!(copy["kind"]["x-ms-enum"]["name"], "KindCopy2");
        // References to other files are absolute, in the original and the copies.
        let external = "/specs/a/common/types.json#/definitions/Resource";
        assert_eq!(copy["base"]["$ref"], external);
        assert_eq!(
            out["definitions"]["Thing"]["properties"]["base"]["$ref"],
            external
        );
        assert_eq!(
            out["definitions"]["Thing"]["properties"]["part"]["$ref"],
            "#/definitions/Part/properties/x"
        );
        let op = &out["paths"]["/copy1/things/{name}"]["get"];
        assert_eq!(op["operationId"], "Things_GetCopy1");
        assert_eq!(
            op["responses"]["200"]["schema"]["$ref"],
            "#/definitions/ThingCopy1"
        );
        assert!(op.get("x-ms-examples").is_none());
        // Shared parameters stay shared.
        assert_eq!(
            out["paths"]["/copy1/things/{name}"]["parameters"][0]["$ref"],
            "#/parameters/Name"
        );
        let original = &out["paths"]["/things/{name}"]["get"];
        assert_eq!(
            original["x-ms-examples"]["Get"]["$ref"],
            "/specs/a/b/examples/Get.json"
        );
    }
}
