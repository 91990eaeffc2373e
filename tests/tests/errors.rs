//! What a user sees when the input is broken: every error is one line naming
//! the file, the JSON pointer (with `line:col` when the file is JSON) and what
//! is wrong. The lines are pinned exactly; the generator must never panic.

use azgen::{Location, MemorySource, SourceProvider};
use azgen_tests::{fixtures_dir, settings, FsSource};

/// A document from its lines (so a test's line numbers can be counted: line `n` is `lines[n - 1]`).
fn text(lines: &[&str]) -> String {
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

fn memory(files: &[(&str, &str)]) -> MemorySource {
    MemorySource(
        files
            .iter()
            .map(|(path, text)| (path.to_string(), text.to_string()))
            .collect(),
    )
}

/// Loads and generates `entry`, which must fail; returns the error's `Display`
/// lines, after checking that it shows one line per error.
fn fail(source: &dyn SourceProvider, entry: &str) -> Vec<String> {
    let result = azgen::load(&[entry.to_string()], source)
        .and_then(|spec| azgen::generate(&spec, &settings("errors"), source));
    let error = match result {
        Ok(_) => panic!("`{entry}` generated without an error"),
        Err(e) => e,
    };
    let shown = error.to_string();
    let lines: Vec<String> = error.flatten().iter().map(ToString::to_string).collect();
    for line in &lines {
        assert!(!line.contains('\n'), "an error spans lines: {line:?}");
    }
    assert_eq!(shown, lines.join("\n"), "`Display` is one line per error");
    lines
}

/// Loads and generates `entry` from one in-memory file, which must fail.
fn fail_one(path: &str, text: &str) -> Vec<String> {
    fail(&memory(&[(path, text)]), path)
}

/// The text at 1-based `line:col`, to the end of its line (checks a location by eye).
fn at(text: &str, (line, col): (usize, usize)) -> &str {
    let line = text.lines().nth(line - 1).expect("line in range");
    let start = line
        .char_indices()
        .nth(col - 1)
        .map_or(line.len(), |(i, _)| i);
    &line[start..]
}

// (a) A `$ref` to a definition that does not exist.

const BROKEN_LOCAL: &[&str] = &[
    r#"{"#,
    r#"  "swagger": "2.0","#,
    r#"  "info": { "title": "t", "version": "1" },"#,
    r#"  "paths": {},"#,
    r#"  "definitions": {"#,
    r#"    "A": {"#,
    r#"      "type": "object","#,
    r#"      "properties": {"#,
    r##"        "b": { "$ref": "#/definitions/Nope" }"##,
    r#"      }"#,
    r#"    }"#,
    r#"  }"#,
    r#"}"#,
];

#[test]
fn dangling_local_ref() {
    let main = text(BROKEN_LOCAL);
    assert_eq!(
        fail_one("main.json", &main),
        ["main.json:9:14: #/definitions/A/properties/b: unresolved $ref `#/definitions/Nope`: `#/definitions/Nope` does not exist in `main.json`"]
    );
    assert_eq!(at(&main, (9, 14)), r##"{ "$ref": "#/definitions/Nope" }"##);

    // The same, as data.
    let error = azgen::load(&["main.json".to_string()], &memory(&[("main.json", &main)]))
        .expect_err("a dangling $ref");
    assert_eq!(
        error.location(),
        Some(&Location {
            file: "main.json".into(),
            pointer: "/definitions/A/properties/b".into(),
            line_col: Some((9, 14)),
        })
    );
}

#[test]
fn dangling_refs_in_operations_are_all_reported() {
    let main = text(&[
        r#"{"#,
        r#"  "swagger": "2.0","#,
        r#"  "info": { "title": "t", "version": "1" },"#,
        r#"  "paths": {"#,
        r#"    "/things/{name}": {"#,
        r#"      "get": {"#,
        r##"        "parameters": [{ "$ref": "#/parameters/NameParameter" }],"##,
        r#"        "responses": {"#,
        r##"          "200": { "description": "ok", "schema": { "$ref": "#/definitions/Thing" } },"##,
        r##"          "default": { "$ref": "#/responses/Error" }"##,
        r#"        }"#,
        r#"      }"#,
        r#"    }"#,
        r#"  }"#,
        r#"}"#,
    ]);
    assert_eq!(
        fail_one("main.json", &main),
        [
            "main.json:7:24: #/paths/~1things~1{name}/get/parameters/0: unresolved $ref `#/parameters/NameParameter`: `#/parameters/NameParameter` does not exist in `main.json`",
            "main.json:9:51: #/paths/~1things~1{name}/get/responses/200/schema: unresolved $ref `#/definitions/Thing`: `#/definitions/Thing` does not exist in `main.json`",
            "main.json:10:22: #/paths/~1things~1{name}/get/responses/default: unresolved $ref `#/responses/Error`: `#/responses/Error` does not exist in `main.json`",
        ]
    );
}

#[test]
fn ref_to_something_that_is_not_a_definition() {
    let main = text(&[
        r#"{"#,
        r#"  "swagger": "2.0","#,
        r#"  "info": { "title": "t", "version": "1" },"#,
        r#"  "paths": {},"#,
        r#"  "definitions": {"#,
        r##"    "A": { "$ref": "#/definitions" },"##,
        r#"    "B": { "$ref": "definitions/A" }"#,
        r#"  }"#,
        r#"}"#,
    ]);
    assert_eq!(
        fail_one("main.json", &main),
        [
            "main.json:6:10: #/definitions/A: unresolved $ref `#/definitions`: only references to `#/definitions/<name>`, `#/parameters/<name>` and `#/responses/<name>` are supported",
            "main.json:7:10: #/definitions/B: unresolved $ref `definitions/A`: cannot read `definitions/A`: no such file (a reference into the same file starts with `#`)",
        ]
    );
}

// (b) A `$ref` to a file that does not exist.

#[test]
fn ref_to_missing_file() {
    let main = text(&[
        r#"{"#,
        r#"  "swagger": "2.0","#,
        r#"  "info": { "title": "t", "version": "1" },"#,
        r#"  "paths": {},"#,
        r#"  "definitions": {"#,
        r#"    "A": {"#,
        r#"      "type": "object","#,
        r#"      "properties": {"#,
        r#"        "b": { "$ref": "../common/types.json#/definitions/B" },"#,
        r#"        "c": { "$ref": "../common/types.json#/definitions/C" }"#,
        r#"      }"#,
        r#"    }"#,
        r#"  }"#,
        r#"}"#,
    ]);
    // One error per missing file, at the first reference to it.
    assert_eq!(
        fail_one("spec/main.json", &main),
        ["spec/main.json:9:14: #/definitions/A/properties/b: unresolved $ref `../common/types.json#/definitions/B`: cannot read `common/types.json`: no such file"]
    );
}

#[test]
fn ref_to_missing_file_on_disk() {
    let root = fixtures_dir().join("errors");
    let os_message = std::fs::read_to_string(root.join("nope/types.json"))
        .expect_err("the file must not exist")
        .to_string();
    assert_eq!(
        fail(&FsSource { root }, "missing_file.json"),
        [format!("missing_file.json:9:14: #/definitions/A/properties/b: unresolved $ref `./nope/types.json#/definitions/B`: cannot read `nope/types.json`: {os_message}")]
    );
}

#[test]
fn missing_entry_file() {
    assert_eq!(
        fail(&memory(&[]), "./specs/main.json"),
        ["specs/main.json: #: cannot read file: no such file"]
    );
}

// (c) A `$ref` into a file that exists, to a pointer that does not.

#[test]
fn dangling_pointer_into_another_file() {
    let main = text(&[
        r#"{"#,
        r#"  "swagger": "2.0","#,
        r#"  "info": { "title": "t", "version": "1" },"#,
        r#"  "paths": {},"#,
        r#"  "definitions": {"#,
        r#"    "A": {"#,
        r#"      "type": "object","#,
        r#"      "properties": {"#,
        r#"        "ok": { "$ref": "common/types.json#/definitions/B" },"#,
        r#"        "gone": { "$ref": "common/types.json#/definitions/Gone" }"#,
        r#"      }"#,
        r#"    }"#,
        r#"  }"#,
        r#"}"#,
    ]);
    let types = r#"{"swagger": "2.0", "info": {"title": "c", "version": "1"}, "paths": {}, "definitions": {"B": {"type": "string"}}}"#;
    let source = memory(&[("main.json", &main), ("common/types.json", types)]);
    assert_eq!(
        fail(&source, "main.json"),
        ["main.json:10:17: #/definitions/A/properties/gone: unresolved $ref `common/types.json#/definitions/Gone`: `#/definitions/Gone` does not exist in `common/types.json`"]
    );
}

#[test]
fn dangling_pointer_into_another_file_on_disk() {
    let root = fixtures_dir().join("errors");
    assert_eq!(
        fail(&FsSource { root }, "dangling_other.json"),
        ["dangling_other.json:10:17: #/definitions/A/properties/gone: unresolved $ref `./common/types.json#/definitions/Gone`: `#/definitions/Gone` does not exist in `common/types.json`"]
    );
}

// (d) Malformed JSON: the line and column of the fault, and where in the document it is.

#[test]
fn malformed_json_trailing_comma() {
    let main = text(&[
        r#"{"#,
        r#"  "swagger": "2.0","#,
        r#"  "info": { "title": "t", "version": "1" },"#,
        r#"  "paths": {},"#,
        r#"  "definitions": {"#,
        r#"    "A": {"#,
        r#"      "type": "object","#,
        r#"      "properties": {"#,
        r#"        "b": { "type": "string" },"#,
        r#"      }"#,
        r#"    }"#,
        r#"  }"#,
        r#"}"#,
    ]);
    assert_eq!(
        fail_one("main.json", &main),
        ["main.json:10:7: #/definitions/A/properties: malformed JSON: trailing comma"]
    );
    assert_eq!(at(&main, (10, 7)), "}");
}

#[test]
fn malformed_json_missing_comma() {
    let main = text(&[
        r#"{"#,
        r#"  "swagger": "2.0","#,
        r#"  "info": { "title": "t", "version": "1" },"#,
        r#"  "paths": {},"#,
        r#"  "definitions": {"#,
        r#"    "A": {"#,
        r#"      "type": "object""#,
        r#"      "properties": {}"#,
        r#"    }"#,
        r#"  }"#,
        r#"}"#,
    ]);
    assert_eq!(
        fail_one("main.json", &main),
        ["main.json:8:7: #/definitions/A: malformed JSON: expected `,` or `}`"]
    );
}

#[test]
fn malformed_json_bad_value_in_an_array() {
    let main = text(&[
        r#"{"#,
        r#"  "swagger": "2.0","#,
        r#"  "info": { "title": "t", "version": "1" },"#,
        r#"  "paths": {},"#,
        r#"  "definitions": {"#,
        r#"    "Color": { "type": "string", "enum": ["red", green] }"#,
        r#"  }"#,
        r#"}"#,
    ]);
    assert_eq!(
        fail_one("main.json", &main),
        ["main.json:6:50: #/definitions/Color/enum/1: malformed JSON: expected value"]
    );
    assert_eq!(at(&main, (6, 50)), "green] }");
}

#[test]
fn malformed_json_truncated() {
    let main = text(&[
        r#"{"#,
        r#"  "swagger": "2.0","#,
        r#"  "info": { "title": "t", "version": "1" },"#,
        r#"  "paths": {},"#,
        r#"  "definitions": {"#,
        r#"    "A": {"#,
        r#"      "type": "object","#,
    ]);
    assert_eq!(
        fail_one("main.json", &main),
        ["main.json:8:1: #/definitions/A: malformed JSON: EOF while parsing a value"]
    );
}

#[test]
fn malformed_referenced_file() {
    let main = text(&[
        r#"{"#,
        r#"  "swagger": "2.0","#,
        r#"  "info": { "title": "t", "version": "1" },"#,
        r#"  "paths": {},"#,
        r#"  "definitions": { "A": { "$ref": "types.json#/definitions/B" } }"#,
        r#"}"#,
    ]);
    let types = text(&[
        r#"{"swagger": "2.0", "info": {"title": "c", "version": "1"}, "paths": {},"#,
        " \"definitions\": {\"B\": {\"type\": \"string\", \"description\": \"tab\tinside\"}}}",
    ]);
    assert_eq!(at(&types, (2, 61)), "\tinside\"}}}");
    let source = memory(&[("main.json", &main), ("types.json", &types)]);
    assert_eq!(
        fail(&source, "main.json"),
        ["types.json:2:61: #/definitions/B/description: malformed JSON: control character (\\u0000-\\u001F) found while parsing a string"]
    );
}

// (e) Versions: an unknown one, none at all.

#[test]
fn unknown_swagger_version() {
    let main = text(&[
        r#"{"#,
        r#"  "swagger": "1.2","#,
        r#"  "info": { "title": "t", "version": "1" },"#,
        r#"  "paths": {}"#,
        r#"}"#,
    ]);
    assert_eq!(
        fail_one("main.json", &main),
        [
            r#"main.json:2:14: #/swagger: unsupported document version: `swagger: "1.2"` (supported: "2.0", or `openapi: 3.0.x`)"#
        ]
    );
}

#[test]
fn unknown_openapi_version() {
    let main = text(&[
        r#"{"#,
        r#"  "openapi": "3.1.0","#,
        r#"  "info": { "title": "t", "version": "1" },"#,
        r#"  "paths": {}"#,
        r#"}"#,
    ]);
    assert_eq!(
        fail_one("main.json", &main),
        [
            r#"main.json:2:14: #/openapi: unsupported document version: `openapi: "3.1.0"` (supported: 3.0.x, or `swagger: "2.0"`)"#
        ]
    );
}

#[test]
fn no_version() {
    let main = text(&[
        r#"{"#,
        r#"  "info": { "title": "t", "version": "1" },"#,
        r#"  "paths": {}"#,
        r#"}"#,
    ]);
    assert_eq!(
        fail_one("main.json", &main),
        [
            r#"main.json:1:1: #: unsupported document version: neither `swagger` nor `openapi` is present (supported: `swagger: "2.0"`, `openapi: 3.0.x`)"#
        ]
    );
}

#[test]
fn unquoted_yaml_version() {
    // YAML reads `2.0` as a number.
    let main = text(&[
        "swagger: 2.0",
        "info:",
        "  title: t",
        "  version: '1'",
        "paths: {}",
    ]);
    assert_eq!(
        fail_one("main.yaml", &main),
        [
            r#"main.yaml: #/swagger: unsupported document version: `swagger` must be the string "2.0", not a number `2.0`"#
        ]
    );
}

// (f) A document that is not an object.

#[test]
fn document_not_an_object() {
    assert_eq!(
        fail_one("main.json", "[\n  {\"swagger\": \"2.0\"}\n]\n"),
        [
            r#"main.json:1:1: #: invalid spec: the document must be an object (with `swagger: "2.0"` or `openapi: 3.0.x`), not an array"#
        ]
    );
    assert_eq!(
        fail_one("main.yaml", "just some text\n"),
        [
            r#"main.yaml: #: invalid spec: the document must be an object (with `swagger: "2.0"` or `openapi: 3.0.x`), not a string"#
        ]
    );
}

// (g) Malformed YAML.

#[test]
fn malformed_yaml() {
    let main = text(&[
        r#"swagger: "2.0""#,
        r#"info:"#,
        r#"  title: t"#,
        r#"  version: "1""#,
        r#"paths: {}"#,
        r#"definitions:"#,
        r#"  A:"#,
        r#"    type: object"#,
        r#"   properties: {}"#,
    ]);
    assert_eq!(
        fail_one("main.yaml", &main),
        ["main.yaml:9:4: #: malformed YAML: did not find expected key, while parsing a block mapping at line 7 column 3"]
    );
    assert_eq!(at(&main, (9, 4)), "properties: {}");
}

#[test]
fn malformed_yaml_unclosed_flow_mapping() {
    let main = text(&[
        r#"swagger: "2.0""#,
        r#"info: {title: t, version: "1""#,
        r#"paths: {}"#,
    ]);
    assert_eq!(
        fail_one("main.yaml", &main),
        ["main.yaml:3:1: #: malformed YAML: did not find expected ',' or '}', while parsing a flow mapping at line 2 column 7"]
    );
}

// (h) `$ref` cycles: aliases that never reach a schema are an error; recursive types are fine.

#[test]
fn ref_alias_cycle() {
    let main = text(&[
        r#"{"#,
        r#"  "swagger": "2.0","#,
        r#"  "info": { "title": "t", "version": "1" },"#,
        r#"  "paths": {},"#,
        r#"  "definitions": {"#,
        r##"    "A": { "$ref": "#/definitions/B" },"##,
        r##"    "B": { "$ref": "#/definitions/A" }"##,
        r#"  }"#,
        r#"}"#,
    ]);
    assert_eq!(
        fail_one("main.json", &main),
        [
            "main.json:6:10: #/definitions/A: invalid spec: `$ref` cycle: A → B → A",
            "main.json:7:10: #/definitions/B: invalid spec: `$ref` cycle: B → A → B",
        ]
    );
}

#[test]
fn ref_alias_to_itself() {
    let main = text(&[
        r#"{"#,
        r#"  "swagger": "2.0","#,
        r#"  "info": { "title": "t", "version": "1" },"#,
        r#"  "paths": {},"#,
        r#"  "definitions": {"#,
        r##"    "A": { "$ref": "#/definitions/A" }"##,
        r#"  }"#,
        r#"}"#,
    ]);
    assert_eq!(
        fail_one("main.json", &main),
        ["main.json:6:10: #/definitions/A: invalid spec: `$ref` cycle: A → A"]
    );
}

#[test]
fn allof_cycle() {
    let main = text(&[
        r#"{"#,
        r#"  "swagger": "2.0","#,
        r#"  "info": { "title": "t", "version": "1" },"#,
        r#"  "paths": {},"#,
        r#"  "definitions": {"#,
        r##"    "A": { "allOf": [{ "$ref": "#/definitions/B" }] },"##,
        r##"    "B": { "allOf": [{ "$ref": "#/definitions/A" }] }"##,
        r#"  }"#,
        r#"}"#,
    ]);
    assert_eq!(
        fail_one("main.json", &main),
        ["main.json:6:10: #/definitions/A: invalid spec: `allOf` cycle: the schema inherits from itself"]
    );
}

#[test]
fn recursive_type_is_fine() {
    let main = text(&[
        r#"{"#,
        r#"  "swagger": "2.0","#,
        r#"  "info": { "title": "t", "version": "1" },"#,
        r#"  "paths": {},"#,
        r#"  "definitions": {"#,
        r#"    "Node": {"#,
        r#"      "type": "object","#,
        r#"      "properties": {"#,
        r#"        "name": { "type": "string" },"#,
        r##"        "children": { "type": "array", "items": { "$ref": "#/definitions/Node" } },"##,
        r##"        "parent": { "$ref": "#/definitions/Node" }"##,
        r#"      }"#,
        r#"    }"#,
        r#"  }"#,
        r#"}"#,
    ]);
    let source = memory(&[("main.json", &main)]);
    let spec = azgen::load(&["main.json".to_string()], &source).expect("loads");
    let out = azgen::generate(&spec, &settings("recursive"), &source).expect("generates");
    assert_eq!(out.warnings, []);
    let models = &out.files["src/models.rs"];
    assert!(models.contains("pub struct Node {"), "{models}");
    assert!(
        models
            .contains("pub children: ::std::option::Option<::std::vec::Vec<crate::models::Node>> => opt \"children\","),
        "{models}"
    );
    // By-value containment needs a box.
    assert!(
        models
            .contains("pub parent: ::std::option::Option<::std::boxed::Box<crate::models::Node>> => opt \"parent\","),
        "{models}"
    );
}

// Odd input of every kind: an error with a location, or output; never a panic.

#[test]
fn odd_documents_never_panic() {
    let documents = [
        "",
        "   ",
        "null",
        "42",
        r#"{"swagger": "2.0""#,
        r#"{"a": "\q"}"#,
        r#"{"swagger": "2.0"}"#,
        r#"{"swagger": "2.0", "paths": []}"#,
        r#"{"swagger": "2.0", "info": 5, "paths": {}}"#,
        r#"{"swagger": "2.0", "info": {"title": 5}, "paths": {}}"#,
        r#"{"swagger": "2.0", "paths": {"/a": 1}}"#,
        r#"{"swagger": "2.0", "paths": {"/a": {"get": {}}}}"#,
        r#"{"swagger": "2.0", "paths": {"/a": {"get": {"parameters": {}, "responses": {}}}}}"#,
        r#"{"swagger": "2.0", "paths": {"/a": {"get": {"parameters": [{"in": "query"}], "responses": {}}}}}"#,
        r#"{"swagger": "2.0", "paths": {"/a": {"get": {"parameters": [{"in": "body", "name": "b"}], "responses": {}}}}}"#,
        r#"{"swagger": "2.0", "paths": {"/a": {"get": {"parameters": [{"in": "cookie", "name": "c"}], "responses": {}}}}}"#,
        r#"{"swagger": "2.0", "paths": {"/a": {"get": {"responses": {"200": 5}}}}}"#,
        r#"{"swagger": "2.0", "paths": {}, "definitions": []}"#,
        r#"{"swagger": "2.0", "paths": {}, "definitions": {"A": 1}}"#,
        r#"{"swagger": "2.0", "paths": {}, "definitions": {"A": {"properties": "x"}}}"#,
        r#"{"swagger": "2.0", "paths": {}, "definitions": {"A": {"$ref": 5}}}"#,
        r#"{"swagger": "2.0", "paths": {}, "definitions": {"A": {"$ref": ""}}}"#,
        r##"{"swagger": "2.0", "paths": {}, "definitions": {"A": {"$ref": "#"}}}"##,
        r##"{"swagger": "2.0", "paths": {}, "definitions": {"A": {"$ref": "#definitions/A"}}}"##,
        r#"{"swagger": "2.0", "paths": {}, "definitions": {"A": {"type": 5}}}"#,
        r#"{"swagger": "2.0", "paths": {}, "definitions": {"A": {"type": "bogus"}}}"#,
        r#"{"swagger": "2.0", "paths": {}, "definitions": {"A": {"type": "array", "items": []}}}"#,
        r#"{"swagger": "2.0", "paths": {}, "definitions": {"A": {"type": "array"}}}"#,
        r#"{"swagger": "2.0", "paths": {}, "definitions": {"A": {"type": "string", "enum": []}}}"#,
        r#"{"swagger": "2.0", "paths": {}, "definitions": {"A": {"type": "string", "enum": [1, null, {}]}}}"#,
        r#"{"swagger": "2.0", "paths": {}, "definitions": {"A": {"enum": ["a", "A", "a "], "x-ms-enum": {"name": 5}}}}"#,
        r#"{"swagger": "2.0", "paths": {}, "definitions": {"A": {"enum": ["a"], "x-ms-enum": "x"}}}"#,
        r#"{"swagger": "2.0", "paths": {}, "definitions": {"A": {"discriminator": "kind", "properties": {}}}}"#,
        r#"{"swagger": "2.0", "paths": {}, "definitions": {"A": {"discriminator": 5}}}"#,
        r##"{"swagger": "2.0", "paths": {}, "definitions": {"A": {"discriminator": "kind", "required": ["kind"], "properties": {"kind": {"type": "string"}}}, "B": {"allOf": [{"$ref": "#/definitions/A"}], "x-ms-discriminator-value": 5}}}"##,
        r##"{"swagger": "2.0", "paths": {}, "definitions": {"A": {"type": "object", "additionalProperties": {"$ref": "#/definitions/A"}}}}"##,
        r#"{"swagger": "2.0", "paths": {}, "definitions": {"": {}, "type": {}, "Self": {}, "1x": {}, "é": {}}}"#,
        r#"{"swagger": "2.0", "paths": {}, "definitions": {"A": {"properties": {"": {}, "type": {}, "a-b": {}, "a_b": {}, "AB": {}}}}}"#,
        r#"{"swagger": "2.0", "paths": {}, "definitions": {"A": {"x-ms-client-name": 5, "properties": {"b": {"x-ms-client-name": ""}}}}}"#,
        r#"{"swagger": "2.0", "paths": {}, "definitions": {"A": {"oneOf": [{"type": "string"}, {"type": "integer"}]}}}"#,
        r#"{"swagger": "2.0", "paths": {}, "definitions": {"A": {"required": true, "not": {}, "default": {}}}}"#,
        r##"{"openapi": "3.0.0", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": {"A": {"$ref": "#/components/schemas/B"}}}}"##,
        r#"{"openapi": "3.0.0", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": {"A": {"type": "object", "nullable": "yes"}}}}"#,
    ];
    for document in documents {
        let source = memory(&[("main.json", document)]);
        let result = azgen::load(&["main.json".to_string()], &source)
            .and_then(|spec| azgen::generate(&spec, &settings("odd"), &source));
        if let Err(error) = result {
            for line in error.to_string().lines() {
                assert!(
                    line.starts_with("main.json:") && line.contains(": #"),
                    "{document}\n  gave an error without a location: {line}"
                );
            }
        }
    }
}
