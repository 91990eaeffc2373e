//! Tests generated from the spec's `x-ms-examples`: every linked example file
//! that exists becomes a test of the generated crate that round-trips each of
//! its response bodies through the model the spec declares for that status.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use openapiv3::{Operation, ReferenceOr, StatusCode};
use serde_json::Value;

use crate::emit::{ident_text, lit, type_str, PREAMBLE};
use crate::error::{Error, Location, Result, Warning};
use crate::ir::{TypeId, TypeRef, TypeSpace};
use crate::layout::{group, push_lines, WIDTH};
use crate::load::{join, SourceProvider};
use crate::names::{is_identifier, sanitize, Case, Namespace};
use crate::settings::Settings;
use crate::spec::Spec;
use crate::types::SRef;

const SUPPORT: &str = include_str!("templates/example_support.rs");
const REPLAY_SUPPORT: &str = include_str!("templates/replay_support.rs");
const MOCK: &str = include_str!("templates/mock_support.rs");

/// The functions of the support code (the templates), which no test may be named.
const SUPPORT_FUNCTIONS: &[&str] = &[
    "round_trip",
    "spec_root",
    "check",
    "diff",
    "load",
    "value",
    "served",
    "respond",
    "differences",
    "compare",
    "check_request",
    "report_replays",
];

/// One linked example file.
struct Example {
    /// Path relative to the spec root.
    path: String,
    /// The operation that links it.
    operation_id: String,
    /// Status code → model, for the statuses the operation declares.
    responses: Vec<(String, Option<TypeRef>)>,
}

/// Every operation of the entry files, in a fixed order: (file, path, method, operation).
/// The JSON pointer of a path item in its Swagger file: `/paths/...`, or
/// `/x-ms-paths/...` for one from there (see `swagger.rs`).
pub(crate) fn path_pointer(path: &str, item: &openapiv3::PathItem) -> String {
    let root = if item
        .extensions
        .contains_key(crate::swagger::X_MS_PATHS_ENTRY)
    {
        "/x-ms-paths"
    } else {
        "/paths"
    };
    format!("{root}/{}", crate::load::escape_token(path))
}

/// Every operation of the entry files: file, path, method, operation, and the
/// JSON pointer of its path item.
pub(crate) fn operations(spec: &Spec) -> Vec<(&str, &str, &'static str, &Operation, String)> {
    let mut out = Vec::new();
    for entry in &spec.entries {
        let Some(file) = spec.files.get(entry) else {
            continue;
        };
        for (path, item) in &file.doc.paths.paths {
            let ReferenceOr::Item(item) = item else {
                continue;
            };
            let methods = [
                ("get", &item.get),
                ("put", &item.put),
                ("post", &item.post),
                ("delete", &item.delete),
                ("options", &item.options),
                ("head", &item.head),
                ("patch", &item.patch),
                ("trace", &item.trace),
            ];
            for (method, op) in methods {
                if let Some(op) = op {
                    out.push((
                        entry.as_str(),
                        path.as_str(),
                        method,
                        op,
                        path_pointer(path, item),
                    ));
                }
            }
        }
    }
    out
}

fn response_type(
    spec: &Spec,
    by_ref: &BTreeMap<String, TypeId>,
    response: &ReferenceOr<openapiv3::Response>,
) -> Option<TypeRef> {
    let response = match response {
        ReferenceOr::Item(r) => r,
        ReferenceOr::Reference { reference } => match spec.response(reference)?.1 {
            ReferenceOr::Item(r) => r,
            ReferenceOr::Reference { .. } => return None,
        },
    };
    let media = response
        .content
        .iter()
        .find(|(m, _)| m.contains("json"))
        .or_else(|| response.content.first())?;
    let schema = media.1.schema.as_ref()?;
    Some(match SRef::from(schema) {
        SRef::Ref(r) => TypeRef::Named(*by_ref.get(r)?),
        // An inline response schema is checked as plain JSON.
        SRef::Inline(_) => TypeRef::Any,
    })
}

/// The generated example tests.
pub struct ExampleTests {
    /// How many example files they cover.
    pub count: usize,
    /// `tests/examples.rs` and `tests/examples/cases.rs`.
    pub files: BTreeMap<String, String>,
    /// Example files linked more than once.
    pub warnings: Vec<Warning>,
}

/// The example tests, when the settings ask for them and the spec links examples that exist.
pub fn tests(
    spec: &Spec,
    settings: &Settings,
    space: &TypeSpace,
    by_ref: &BTreeMap<String, TypeId>,
    client: Option<(&crate::ops::Client, &str)>,
    source: &dyn SourceProvider,
) -> Result<Option<ExampleTests>> {
    let Some(example_settings) = &settings.examples else {
        return Ok(None);
    };
    let mut warnings = Vec::new();
    let mut examples: BTreeMap<String, Example> = BTreeMap::new();
    for (file, _path, method, op, item_pointer) in operations(spec) {
        let Some(Value::Object(links)) = op.extensions.get("x-ms-examples") else {
            continue;
        };
        for (title, link) in links {
            let Some(target) = link.get("$ref").and_then(Value::as_str) else {
                continue;
            };
            let example_path = join(file, target);
            if !source.exists(&example_path) {
                continue;
            }
            if examples.contains_key(&example_path) {
                warnings.push(Warning {
                    location: Location::new(file, format!("{item_pointer}/{method}/x-ms-examples/{title}")),
                    message: format!("example `{example_path}` is linked by more than one operation; tested with the first"),
                });
                continue;
            }
            let mut responses = Vec::new();
            for (status, response) in &op.responses.responses {
                let StatusCode::Code(code) = status else {
                    continue;
                };
                responses.push((code.to_string(), response_type(spec, by_ref, response)));
            }
            examples.insert(
                example_path.clone(),
                Example {
                    path: example_path,
                    operation_id: op.operation_id.clone().unwrap_or_default(),
                    responses,
                },
            );
        }
    }
    for defect in &example_settings.known_defects {
        if !examples.contains_key(&defect.example) {
            return Err(Error::Settings {
                message: format!(
                    "known defect names `{}`, which no operation links or which does not exist",
                    defect.example
                ),
            });
        }
    }
    if examples.is_empty() {
        return Ok(None);
    }
    let krate_name = settings.crate_name.replace('-', "_");
    if !is_identifier(&krate_name) {
        return Err(Error::Settings {
            message: format!(
                "`crate-name` `{}` does not make a Rust identifier (the example tests `use` the crate)",
                settings.crate_name
            ),
        });
    }
    // The file is written as text (it is `#[rustfmt::skip]`): names pass through
    // `ident_text`, every string (paths, wire names, example values) through `lit`.
    let mut out = String::with_capacity(64 * 1024);
    out.push_str(PREAMBLE);
    out.push_str("\n\n");
    let _ = writeln!(out, "use ::{} as generated;\n", ident_text(&krate_name));
    out.push_str("/// Where the spec corpus is, seen from this crate (`$AZURE_REST_API_SPECS` overrides it).\n");
    let _ = writeln!(
        out,
        "const SPEC_ROOT_FROM_CRATE: &str = {};\n",
        lit(&example_settings.spec_root_from_crate)
    );
    out.push_str("/// Known defects of the spec's examples: (example file, JSON pointer, why). Each must\n/// still occur: a fixed one fails its test until it is removed from the list.\n");
    let defects: Vec<String> = example_settings
        .known_defects
        .iter()
        .map(|d| {
            format!(
                "({}, {}, {})",
                lit(&d.example),
                lit(&d.pointer),
                lit(&d.reason)
            )
        })
        .collect();
    out.push_str(&group(
        "const KNOWN_DEFECTS: &[(&str, &str, &str)] = &[",
        &defects,
        "];",
        WIDTH,
    ));
    out.push('\n');
    // Names of the file's functions: the tests, the replays, the helpers and the
    // support code's functions.
    let mut names = Namespace::new();
    for name in SUPPORT_FUNCTIONS {
        names.reserve(name, "a function of the support code");
    }
    names.reserve(crate::replay::CLIENT_HELPER, "the replays' client helper");
    names.reserve("replay_examples", "the test that runs the replays");
    let stems: Vec<String> = examples
        .values()
        .map(|e| {
            let stem = e
                .path
                .rsplit('/')
                .next()
                .unwrap_or(&e.path)
                .trim_end_matches(".json");
            sanitize(stem, Case::Value)
        })
        .collect();
    // A round trip of every response body, a test per example file.
    for (e, stem) in examples.values().zip(&stems) {
        let (name, _) = names.claim(stem.clone(), &e.path);
        let responses: Vec<String> = e
            .responses
            .iter()
            .map(|(status, ty)| match ty {
                Some(ty) => format!(
                    "({}, Some(round_trip::<{}>))",
                    lit(status),
                    type_str(space, ty, "generated")
                ),
                None => format!("({}, None)", lit(status)),
            })
            .collect();
        let _ = writeln!(out, "\n#[test]\nfn {}() {{", ident_text(&name));
        let check = group(
            "check(",
            &[lit(&e.path), group("&[", &responses, "]", WIDTH - 9)],
            ");",
            WIDTH - 4,
        );
        push_lines(&mut out, "    ", &check);
        out.push_str("}\n");
    }
    // Replays through the client: one function per example file, run by one test
    // that reports `examples replayed: N/M`.
    let mut replay_items = Vec::new();
    let mut replay_runs = Vec::new();
    if let Some((client, client_name)) = client {
        for (e, stem) in examples.values().zip(&stems) {
            let (name, _) = names.claim(format!("replay_{stem}"), &e.path);
            let path = &e.path;
            let op = client
                .operations
                .iter()
                .find(|o| o.operation_id == e.operation_id);
            let example = source
                .read(path)
                .map_err(|err| format!("cannot read the example: {err}"))
                .and_then(|text| {
                    serde_json::from_str::<Value>(&text)
                        .map_err(|err| format!("invalid JSON: {err}"))
                });
            let replay = match (op, example) {
                (Some(op), Ok(example)) => {
                    crate::replay::replay(space, client, op, path, &example, &name)
                }
                (None, _) => Err(format!("operation `{}` has no method", e.operation_id)),
                (_, Err(err)) => Err(err),
            };
            match replay {
                Ok(r) => {
                    replay_runs.push(format!("({}, {}(&arm).await)", lit(path), r.name));
                    replay_items.push(r.function);
                }
                Err(reason) => {
                    let reason = format!("not replayable: {reason}");
                    replay_runs.push(format!(
                        "({}, Err({}.to_string()))",
                        lit(path),
                        lit(&reason)
                    ));
                }
            }
        }
        if !replay_items.is_empty() {
            out.push('\n');
            out.push_str(&crate::replay::client_helper(space, client, client_name));
            // What the requests must carry: a bearer token if the spec declares the
            // authentication, nothing otherwise.
            let _ = writeln!(
                out,
                "\n/// The `Authorization` header every replayed request must carry.\nconst AUTHORIZATION: Option<&str> = {};",
                match client.bearer {
                    true => "Some(mock::BEARER)",
                    false => "None",
                }
            );
        }
    }
    for item in &replay_items {
        out.push('\n');
        out.push_str(item);
    }
    let replay = !replay_runs.is_empty();
    if replay {
        out.push_str("\n/// Every linked example, replayed through the client against an HTTPS mock server.\n#[tokio::test]\nasync fn replay_examples() {\n    let arm = mock::MockArm::start().await;\n");
        let runs = group(
            "let runs: Vec<(&str, Result<(), String>)> = vec![",
            &replay_runs,
            "];",
            WIDTH - 4,
        );
        push_lines(&mut out, "    ", &runs);
        let _ = writeln!(out, "    report_replays(runs, {});\n}}", examples.len());
    }
    // The support code is written out as it is in the templates.
    out.push('\n');
    out.push_str(SUPPORT);
    if replay {
        out.push('\n');
        out.push_str(REPLAY_SUPPORT);
        out.push_str("\nmod mock {\n");
        out.push_str(MOCK);
        out.push_str("}\n");
    }
    // A self-check of the text, in debug builds (the tests, the fuzzer).
    if cfg!(debug_assertions) {
        syn::parse_file(&out).map_err(|e| Error::Unsupported {
            location: Location::new("tests/examples/cases.rs", ""),
            message: format!("internal: generated code does not parse: {e}"),
        })?;
    }
    let cases_file = out;
    let root_file = format!(
        "{PREAMBLE}\n\n//! The spec's examples (`x-ms-examples`): round trips of the models through every\n//! response body, and replays of every example through the client.\n\n#[rustfmt::skip]\n#[path = \"examples/cases.rs\"]\nmod cases;\n"
    );
    let mut files = BTreeMap::new();
    files.insert("tests/examples.rs".to_string(), root_file);
    files.insert("tests/examples/cases.rs".to_string(), cases_file);
    Ok(Some(ExampleTests {
        count: examples.len(),
        files,
        warnings,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MemorySource;
    use serde_json::json;

    /// A value no string literal or name may be broken by.
    const HOSTILE: &str = "a\"b\\c\n{d}}\r\t'#[x]/*é*/";

    /// A spec with three linked examples: `Check.json` (a support function's name, with
    /// hostile values), `Replay_Examples.json` (the replay test's name, with a body) and
    /// `NoResponse.json` (not replayable).
    fn hostile_spec() -> MemorySource {
        let spec = json!({
            "swagger": "2.0",
            "info": { "title": "Hostile", "version": "2024-01-01" },
            "host": "management.azure.com",
            "schemes": ["https"],
            "consumes": ["application/json"],
            "produces": ["application/json"],
            "paths": {
                "/things/{name}": {
                    "get": {
                        "operationId": "Things_Get",
                        "parameters": [
                            { "name": "name", "in": "path", "required": true, "type": "string" },
                            { "name": "api-version", "in": "query", "required": true, "type": "string" },
                            { "name": "$filter\"x", "in": "query", "required": false, "type": "string" },
                            { "name": "count", "in": "query", "required": true, "type": "integer", "format": "int32" }
                        ],
                        "responses": { "200": { "description": "OK", "schema": { "$ref": "#/definitions/Thing" } } },
                        "x-ms-examples": {
                            "Get \"it\"": { "$ref": "./examples/Check.json" },
                            "None": { "$ref": "./examples/NoResponse.json" }
                        }
                    },
                    "put": {
                        "operationId": "Things_Put",
                        "parameters": [
                            { "name": "name", "in": "path", "required": true, "type": "string" },
                            { "name": "api-version", "in": "query", "required": true, "type": "string" },
                            { "name": "thing", "in": "body", "required": true, "schema": { "$ref": "#/definitions/Thing" } }
                        ],
                        "responses": { "200": { "description": "OK", "schema": { "$ref": "#/definitions/Thing" } } },
                        "x-ms-examples": { "Put": { "$ref": "./examples/Replay_Examples.json" } }
                    }
                }
            },
            "definitions": {
                "Thing": {
                    "type": "object",
                    "properties": {
                        "na\"me": { "type": "string" },
                        "id": { "type": "string", "readOnly": true }
                    }
                }
            }
        });
        let body = json!({ "na\"me": HOSTILE, "id": "x" });
        let check = json!({
            "parameters": { "name": HOSTILE, "api-version": "2024-01-01", "$filter\"x": HOSTILE, "count": 3 },
            "responses": { "200": { "body": body } }
        });
        let put = json!({
            "parameters": { "name": "n", "api-version": "2024-01-01", "thing": body },
            "responses": { "200": { "body": body } }
        });
        let none = json!({ "parameters": { "name": "n", "api-version": "2024-01-01", "count": 1 }, "responses": {} });
        MemorySource(
            [
                ("spec.json", spec),
                ("examples/Check.json", check),
                ("examples/Replay_Examples.json", put),
                ("examples/NoResponse.json", none),
            ]
            .into_iter()
            .map(|(path, value)| (path.to_string(), value.to_string()))
            .collect(),
        )
    }

    fn hostile_cases() -> std::result::Result<String, String> {
        let source = hostile_spec();
        let settings = Settings {
            crate_name: "hostile".to_string(),
            examples: Some(crate::settings::ExampleSettings {
                spec_root_from_crate: HOSTILE.to_string(),
                known_defects: vec![crate::settings::KnownDefect {
                    example: "examples/Check.json".to_string(),
                    pointer: HOSTILE.to_string(),
                    reason: HOSTILE.to_string(),
                }],
            }),
            ..Settings::default()
        };
        let spec = crate::load(&["spec.json".to_string()], &source).map_err(|e| e.to_string())?;
        let output = crate::generate(&spec, &settings, &source).map_err(|e| e.to_string())?;
        output
            .files
            .get("tests/examples/cases.rs")
            .cloned()
            .ok_or_else(|| "no tests/examples/cases.rs".to_string())
    }

    /// Hostile strings stay string literals with their exact values, names clear of the
    /// support code's, the unreplayable example reported, the output the same every time.
    #[test]
    fn hostile_examples() -> std::result::Result<(), String> {
        let text = hostile_cases()?;
        assert_eq!(hostile_cases()?, text, "the output is not deterministic");
        let file = syn::parse_file(&text).map_err(|e| e.to_string())?;
        let mut functions = Vec::new();
        for item in &file.items {
            if let syn::Item::Fn(f) = item {
                functions.push(f.sig.ident.to_string());
            }
        }
        for name in [
            "check2",
            "no_response",
            "replay_examples2",
            "replay_check",
            "replay_replay_examples",
            "new_client",
            "replay_examples",
        ] {
            assert!(
                functions.iter().any(|f| f == name),
                "no fn {name}: {functions:?}"
            );
        }
        let mut unique = functions.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), functions.len(), "{functions:?}");
        // Every hostile value is a literal's value: the spec root, the known defect, the
        // path parameter and the query parameter, the body.
        let mut literals = Vec::new();
        collect_literals(quote::ToTokens::to_token_stream(&file), &mut literals);
        let count = |value: &str| literals.iter().filter(|l| l.as_str() == value).count();
        assert!(count(HOSTILE) >= 5, "{literals:?}");
        assert_eq!(count("$filter\"x"), 1, "{literals:?}");
        assert_eq!(count("examples/Check.json"), 4, "{literals:?}");
        assert_eq!(
            count("/things/a%22b%5Cc%0A%7Bd%7D%7D%0D%09%27%23%5Bx%5D%2F%2A%C3%A9%2A%2F"),
            1,
            "{literals:?}"
        );
        // The read-only `id` is not expected in the request body.
        let body = serde_json::json!({ "na\"me": HOSTILE }).to_string();
        assert_eq!(count(&body), 1, "{literals:?}");
        assert!(
            literals
                .iter()
                .any(|l| l.starts_with("not replayable: the example has no final")),
            "{literals:?}"
        );
        assert!(text.contains("report_replays(runs, 3);"));
        Ok(())
    }

    fn collect_literals(tokens: proc_macro2::TokenStream, out: &mut Vec<String>) {
        for token in tokens {
            match token {
                proc_macro2::TokenTree::Group(g) => collect_literals(g.stream(), out),
                proc_macro2::TokenTree::Literal(l) => {
                    if let Ok(syn::Lit::Str(s)) = syn::parse_str::<syn::Lit>(&l.to_string()) {
                        out.push(s.value());
                    }
                }
                _ => {}
            }
        }
    }

    /// The functions the support code defines are the ones reserved.
    #[test]
    fn support_functions_are_reserved() {
        let mut defined = Vec::new();
        for text in [SUPPORT, REPLAY_SUPPORT] {
            if let Ok(file) = syn::parse_file(text) {
                for item in file.items {
                    if let syn::Item::Fn(f) = item {
                        defined.push(f.sig.ident.to_string());
                    }
                }
            }
        }
        let mut reserved: Vec<String> = SUPPORT_FUNCTIONS.iter().map(|f| f.to_string()).collect();
        defined.sort();
        reserved.sort();
        assert_eq!(defined, reserved);
    }

    /// The templates are copied into generated crates as they are: they must parse,
    /// the mock as the body of a module.
    #[test]
    fn templates_parse() {
        for (name, text) in [
            ("example_support", SUPPORT),
            ("replay_support", REPLAY_SUPPORT),
        ] {
            let parsed = syn::parse_file(text);
            assert!(parsed.is_ok(), "templates/{name}.rs: {:?}", parsed.err());
        }
        let parsed = syn::parse_file(&format!("mod mock {{\n{MOCK}}}\n"));
        assert!(
            parsed.is_ok(),
            "templates/mock_support.rs: {:?}",
            parsed.err()
        );
    }
}
