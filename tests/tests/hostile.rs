//! Hostile and broken operations: each case gives located, one-line errors (and
//! never a panic); odd names and injected strings generate code that compiles
//! (see the `hostile_names` and `injection` fixtures in `fixtures.rs`) and that
//! contains none of the injected code.

use azgen::MemorySource;
use azgen_tests::{generate_fixture, settings};
use proc_macro2::{TokenStream, TokenTree};
use serde_json::{json, Value};

/// A Swagger document with the given paths (and no definitions unless given).
fn doc(paths: Value, definitions: Value) -> String {
    serde_json::to_string_pretty(&json!({
        "swagger": "2.0",
        "info": { "title": "Hostile", "version": "2024-01-01" },
        "host": "management.azure.com",
        "schemes": ["https"],
        "consumes": ["application/json"],
        "produces": ["application/json"],
        "paths": paths,
        "definitions": definitions,
    }))
    .unwrap()
}

/// The error lines of generating `text` as `spec.json`.
fn errors(text: &str) -> Vec<String> {
    let source = MemorySource(
        [("spec.json".to_string(), text.to_string())]
            .into_iter()
            .collect(),
    );
    let result = azgen::load(&["spec.json".to_string()], &source)
        .and_then(|spec| azgen::generate(&spec, &settings("hostile"), &source));
    match result {
        Ok(_) => panic!("generated without an error"),
        Err(e) => e.flatten().iter().map(ToString::to_string).collect(),
    }
}

fn ok_response() -> Value {
    json!({ "200": { "description": "OK" } })
}

#[test]
fn missing_paths() {
    let text = r#"{"swagger": "2.0", "info": {"title": "t", "version": "1"}}"#;
    assert_eq!(
        errors(text),
        ["spec.json:1:1: #: invalid spec: the document has no `paths`"]
    );
}

#[test]
fn missing_operation_id() {
    let text = doc(
        json!({ "/things": { "get": { "responses": ok_response() } } }),
        json!({}),
    );
    assert_eq!(
        errors(&text),
        ["spec.json:13:14: #/paths/~1things/get: invalid spec: the operation has no `operationId`"]
    );
}

#[test]
fn duplicate_operation_id() {
    let text = doc(
        json!({
            "/a": { "get": { "operationId": "Things_Get", "responses": ok_response() } },
            "/b": { "get": { "operationId": "Things_Get", "responses": ok_response() } },
        }),
        json!({}),
    );
    let lines = errors(&text);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0] == "spec.json:23:14: #/paths/~1b/get: invalid spec: duplicate operationId `Things_Get` (first at spec.json:13:14: #/paths/~1a/get)",
        "{lines:?}"
    );
}

#[test]
fn path_parameter_absent_from_the_template_and_vice_versa() {
    let text = doc(
        json!({
            "/things/{thingName}": { "get": {
                "operationId": "Things_Get",
                "parameters": [ { "name": "otherName", "in": "path", "required": true, "type": "string" } ],
                "responses": ok_response(),
            } },
        }),
        json!({}),
    );
    let lines = errors(&text);
    assert_eq!(
        lines,
        [
            "spec.json:13:14: #/paths/~1things~1{thingName}/get: invalid spec: `{thingName}` in the path `/things/{thingName}` is not a path parameter of `Things_Get`",
            "spec.json:13:14: #/paths/~1things~1{thingName}/get: invalid spec: path parameter `otherName` of `Things_Get` does not appear in the path `/things/{thingName}`",
        ]
    );
}

#[test]
fn body_parameter_without_a_schema() {
    let text = doc(
        json!({ "/things": { "put": {
            "operationId": "Things_Put",
            "parameters": [ { "name": "thing", "in": "body", "required": true } ],
            "responses": ok_response(),
        } } }),
        json!({}),
    );
    let lines = errors(&text);
    assert_eq!(
        lines,
        ["spec.json:16:11: #/paths/~1things/put/parameters/0: invalid spec: the body parameter has no `schema`"]
    );
}

/// Header names that are not HTTP tokens cannot be sent (azure_core would even
/// panic on some): a request header is an error, a response header a warning.
#[test]
fn header_names_that_are_not_http_tokens() {
    let text = doc(
        json!({ "/things": { "get": {
            "operationId": "Things_Get",
            "parameters": [
                { "name": "x-ms-größe", "in": "header", "required": true, "type": "string" },
                { "name": "x ms", "in": "header", "required": false, "type": "string" },
                { "name": "x-ms-fine_header", "in": "header", "required": false, "type": "string" },
            ],
            "responses": ok_response(),
        } } }),
        json!({}),
    );
    let lines = errors(&text);
    assert_eq!(
        lines,
        [
            "spec.json:16:11: #/paths/~1things/get/parameters/0: invalid spec: header parameter name `x-ms-größe` is not an HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only)",
            "spec.json:22:11: #/paths/~1things/get/parameters/1: invalid spec: header parameter name `x ms` is not an HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only)",
        ]
    );

    let text = doc(
        json!({ "/things": { "get": {
            "operationId": "Things_Get",
            "responses": { "200": { "description": "OK", "headers": {
                "x-ms-中": { "type": "string" },
                "x-ms-request-id": { "type": "string" },
            } } },
        } } }),
        json!({}),
    );
    let source = MemorySource([("spec.json".to_string(), text)].into_iter().collect());
    let spec = azgen::load(&["spec.json".to_string()], &source).expect("loads");
    let out = azgen::generate(&spec, &settings("hostile"), &source).expect("generates");
    let warnings: Vec<String> = out.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        ["spec.json:22:25: #/paths/~1things/get/responses/200/headers/x-ms-中: response header `x-ms-中` is not an HTTP header name; no accessor for it"]
    );
    let clients = &out.files["src/clients.rs"];
    assert!(clients.contains("\"x-ms-request-id\""));
    assert!(!clients.contains("x-ms-中"));
}

/// A key with a control character in it stays on one line in an error.
#[test]
fn control_characters_in_keys_are_escaped_in_errors() {
    let text = "{\"swagger\": \"2.0\", \"paths\": {}, \"i\\nfo\": {\u{2}\"t\": 1}}";
    assert_eq!(
        errors(text),
        ["spec.json:1:43: #/i\\nfo: malformed JSON: key must be a string"]
    );
}

/// An operation with a body of an unsupported media type is skipped, with a
/// located warning; the rest of the spec generates.
#[test]
fn unsupported_media_type() {
    let text = doc(
        json!({
            "/things": { "put": {
                "operationId": "Things_Put",
                "consumes": ["application/xml"],
                "parameters": [ { "name": "thing", "in": "body", "required": true, "schema": { "type": "string" } } ],
                "responses": ok_response(),
            } },
            "/other": { "get": { "operationId": "Things_Get", "responses": ok_response() } },
        }),
        json!({}),
    );
    let source = MemorySource([("spec.json".to_string(), text)].into_iter().collect());
    let spec = azgen::load(&["spec.json".to_string()], &source).expect("loads");
    let out = azgen::generate(&spec, &settings("hostile"), &source).expect("generates");
    let warnings: Vec<String> = out.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        ["spec.json:23:14: #/paths/~1things/put/requestBody: unsupported: media type `application/xml` (only JSON bodies are supported); the operation is skipped"]
    );
    let clients = &out.files["src/clients.rs"];
    assert!(clients.contains("pub fn get("), "{clients}");
    assert!(!clients.contains("fn put("), "{clients}");
}

/// Every identifier in Rust source that is called or invoked (`name(..)`, `name!`):
/// string literals and doc comments are literals, not code, so injected text inside
/// them is harmless, and a sanitized name like a field `evil` is not a call.
fn calls(source: &str) -> Vec<String> {
    fn walk(tokens: TokenStream, out: &mut Vec<String>) {
        let tokens: Vec<TokenTree> = tokens.into_iter().collect();
        for (i, token) in tokens.iter().enumerate() {
            match token {
                TokenTree::Ident(ident) => {
                    let called = match tokens.get(i + 1) {
                        Some(TokenTree::Group(g)) => {
                            g.delimiter() == proc_macro2::Delimiter::Parenthesis
                        }
                        Some(TokenTree::Punct(p)) => p.as_char() == '!',
                        _ => false,
                    };
                    if called {
                        out.push(ident.to_string());
                    }
                }
                TokenTree::Group(g) => walk(g.stream(), out),
                _ => {}
            }
        }
    }
    let tokens: TokenStream = source
        .parse()
        .unwrap_or_else(|e| panic!("does not tokenize: {e}"));
    let mut out = Vec::new();
    walk(tokens, &mut out);
    out
}

#[test]
fn injected_strings_stay_strings() {
    let out = generate_fixture("injection.json");
    assert!(
        out.files.contains_key("src/clients.rs"),
        "the fixture has operations"
    );
    for (path, text) in &out.files {
        if !path.ends_with(".rs") {
            continue;
        }
        syn::parse_file(text).unwrap_or_else(|e| panic!("{path} does not parse: {e}"));
        let called = calls(text);
        for evil in ["evil", "injected", "compile_error", "exit", "pwned"] {
            assert!(
                !called.iter().any(|i| i == evil),
                "{path}: the spec injected a call of `{evil}`"
            );
        }
        // A control: the same walk does see calls.
        assert!(calls("fn f() { evil(); }").contains(&"evil".to_string()));
        // The injected text is there, as data.
        if path == "src/models.rs" {
            assert!(
                text.contains("evil"),
                "{path}: the injected strings should survive as literals"
            );
        }
    }
    // No doc comment may open a doctest: every fence is marked `text`.
    let models = &out.files["src/models.rs"];
    for line in models
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("///") && l.contains("```"))
    {
        let fence = line.trim_start_matches("///").trim();
        assert!(
            fence == "```" || fence == "```text" || fence == "~~~" || fence == "~~~text",
            "fence `{line}`"
        );
    }
}

#[test]
fn odd_names_become_valid_distinct_identifiers() {
    let out = generate_fixture("hostile_names.json");
    let models = &out.files["src/models.rs"];
    syn::parse_file(models).unwrap_or_else(|e| panic!("does not parse: {e}"));
    assert!(models.contains("\n    pub struct V1stPlace {\n"));
    assert!(models.contains("pub _1st_place: "));
    for wire in [
        "1stPlace",
        "dotted.name",
        "dashed-name",
        "with space",
        "größe",
        "名前",
    ] {
        assert!(
            models.contains(&format!(" \"{wire}\",\n")),
            "`{wire}` keeps its wire name"
        );
    }
    let warnings: Vec<String> = out.warnings.iter().map(ToString::to_string).collect();
    assert!(
        !warnings.is_empty(),
        "names that collide after sanitizing are reported"
    );
}
