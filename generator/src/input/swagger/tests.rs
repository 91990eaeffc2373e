//! The conversions the module docs list, asserted on the converted JSON.

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::{convert, Dialect};
use crate::input::load::parse;

/// Converts `doc` (a Swagger 2.0 document, as JSON) on its own, as `spec.json`.
fn converted(doc: Value) -> Value {
    let raw = parse("spec.json", doc.to_string()).unwrap();
    let files = BTreeMap::from([("spec.json".to_string(), raw.clone())]);
    let (out, dialect) = convert(&raw, &files, true).unwrap();
    assert_eq!(dialect, Dialect::Swagger2);
    out
}

/// A Swagger 2.0 document with these definitions and one operation, `PUT /things/{id}`.
fn swagger(definitions: Value, parameters: Value) -> Value {
    json!({
        "swagger": "2.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/things/{id}": {"put": {
            "operationId": "Things_Put",
            "parameters": parameters,
            "responses": {"200": {"description": "ok"}},
        }}},
        "definitions": definitions,
    })
}

#[test]
fn a_ref_with_siblings_becomes_all_of() {
    let out = converted(swagger(
        json!({
            "SystemData": {"type": "object"},
            "Thing": {"type": "object", "properties": {
                "systemData": {"$ref": "#/definitions/SystemData", "description": "Metadata.", "readOnly": true},
                "plain": {"$ref": "#/definitions/SystemData"},
            }},
        }),
        json!([]),
    ));
    let props = &out["components"]["schemas"]["Thing"]["properties"];
    assert_eq!(
        props["systemData"],
        json!({
            "allOf": [{"$ref": "spec.json#/components/schemas/SystemData"}],
            "description": "Metadata.",
            "readOnly": true,
        })
    );
    assert_eq!(
        props["plain"],
        json!({"$ref": "spec.json#/components/schemas/SystemData"})
    );
}

#[test]
fn a_body_parameter_becomes_the_request_body() {
    let out = converted(swagger(
        json!({"Thing": {"type": "object"}}),
        json!([
            {"name": "id", "in": "path", "type": "string"},
            {"name": "thing", "in": "body", "required": true, "description": "The thing.",
             "schema": {"$ref": "#/definitions/Thing"}, "x-ms-client-flatten": true},
        ]),
    ));
    let op = &out["paths"]["/things/{id}"]["put"];
    assert_eq!(
        op["requestBody"],
        json!({
            "description": "The thing.",
            "required": true,
            "content": {"application/json": {"schema": {"$ref": "spec.json#/components/schemas/Thing"}}},
            "x-ms-requestBody-name": "thing",
            "x-ms-requestBody-index": 1,
            "x-ms-client-flatten": true,
        })
    );
    // The body is no parameter; a path parameter is always required.
    assert_eq!(
        op["parameters"],
        json!([{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}])
    );
}

#[test]
fn x_nullable_becomes_nullable() {
    let out = converted(swagger(
        json!({
            "Maybe": {"type": "string", "x-nullable": true},
            "Never": {"type": "string", "x-nullable": false},
        }),
        json!([]),
    ));
    let schemas = &out["components"]["schemas"];
    assert_eq!(
        schemas["Maybe"],
        json!({"type": "string", "nullable": true})
    );
    assert_eq!(schemas["Never"], json!({"type": "string"}));
}

#[test]
fn a_discriminator_name_becomes_an_object() {
    let out = converted(swagger(
        json!({"Pet": {"type": "object", "discriminator": "kind"}}),
        json!([]),
    ));
    assert_eq!(
        out["components"]["schemas"]["Pet"]["discriminator"],
        json!({"propertyName": "kind"})
    );
}

#[test]
fn collection_format_becomes_style_and_explode() {
    let param = |name: &str, format: &str| {
        json!({"name": name, "in": "query", "type": "array", "items": {"type": "string"},
               "collectionFormat": format})
    };
    let out = converted(swagger(
        json!({}),
        json!([
            {"name": "id", "in": "path", "type": "string"},
            param("multi", "multi"),
            param("ssv", "ssv"),
            param("pipes", "pipes"),
            param("csv", "csv"),
            param("tsv", "tsv"),
            {"name": "plain", "in": "query", "type": "string"},
        ]),
    ));
    let params = out["paths"]["/things/{id}"]["put"]["parameters"]
        .as_array()
        .unwrap()
        .clone();
    let by_name = |name: &str| {
        params
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("no parameter {name}"))
            .clone()
    };
    let style = |name: &str| {
        let p = by_name(name);
        (p.get("style").cloned(), p.get("explode").cloned())
    };
    assert_eq!(style("multi"), (Some(json!("form")), Some(json!(true))));
    assert_eq!(
        style("ssv"),
        (Some(json!("spaceDelimited")), Some(json!(false)))
    );
    assert_eq!(
        style("pipes"),
        (Some(json!("pipeDelimited")), Some(json!(false)))
    );
    assert_eq!(style("csv"), (None, Some(json!(false))));
    assert_eq!(style("tsv"), (None, Some(json!(false))));
    assert_eq!(by_name("tsv")["x-ms-collection-format"], json!("tsv"));
    assert_eq!(style("plain"), (None, None));
    // The type keywords move into `schema`; `collectionFormat` does not stay.
    assert_eq!(
        by_name("multi"),
        json!({"name": "multi", "in": "query", "style": "form", "explode": true,
               "schema": {"type": "array", "items": {"type": "string"}}})
    );
}
