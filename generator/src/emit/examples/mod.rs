//! The example tests (`tests/examples.rs`, `tests/examples/cases.rs`) from the linked
//! examples of the intermediate form: a test per example file that round-trips each of
//! its response bodies through the model the spec declares for that status, and a
//! replay of each through the client against an HTTPS mock server (see [`replay`]).

mod replay;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::layout::{group, push_lines, WIDTH};
use super::print::{check_parses, ident_text, lit, type_str, PREAMBLE};
use crate::error::Result;
use crate::ir::{Crate, Example};
use crate::names::{sanitize, Case, Namespace};
use crate::settings::{ExampleSettings, Settings};

const SUPPORT: &str = include_str!("../../templates/example_support.rs");
const REPLAY_SUPPORT: &str = include_str!("../../templates/replay_support.rs");
const MOCK: &str = include_str!("../../templates/mock_support.rs");

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

/// The example tests' files, when the settings ask for them and the spec links
/// examples that exist.
pub fn tests(krate: &Crate, settings: &Settings) -> Result<BTreeMap<String, String>> {
    let mut files = BTreeMap::new();
    let Some(example_settings) = &settings.examples else {
        return Ok(files);
    };
    if krate.examples.is_empty() {
        return Ok(files);
    }
    let mut out = String::with_capacity(64 * 1024);
    preamble(&mut out, settings, example_settings);
    let names = FunctionNames::new(&krate.examples);
    for (e, name) in krate.examples.iter().zip(&names.round_trips) {
        round_trip(&mut out, krate, e, name);
    }
    let replay = krate.replays();
    if replay {
        replays(&mut out, krate, &names.replays);
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
    check_parses(&out, "tests/examples/cases.rs")?;
    let root_file = format!(
        "{PREAMBLE}\n\n//! The spec's examples (`x-ms-examples`): round trips of the models through every\n//! response body, and replays of every example through the client.\n\n#[rustfmt::skip]\n#[path = \"examples/cases.rs\"]\nmod cases;\n"
    );
    files.insert("tests/examples.rs".to_string(), root_file);
    files.insert("tests/examples/cases.rs".to_string(), out);
    Ok(files)
}

/// The file's start: the crate's import, where the spec corpus is, the known defects.
/// The file is written as text (it is `#[rustfmt::skip]`): names pass through
/// `ident_text`, every string (paths, wire names, example values) through `lit`.
fn preamble(out: &mut String, settings: &Settings, example_settings: &ExampleSettings) {
    out.push_str(PREAMBLE);
    out.push_str("\n\n");
    // The crate name makes an identifier: lowering checked it.
    let krate_name = settings.crate_name.replace('-', "_");
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
}

/// The names of the file's functions, clear of each other and of the support code's:
/// a round trip and a replay per example, in the examples' order.
struct FunctionNames {
    round_trips: Vec<String>,
    replays: Vec<String>,
}

impl FunctionNames {
    fn new(examples: &[Example]) -> Self {
        let mut names = Namespace::new();
        for name in SUPPORT_FUNCTIONS {
            names.reserve(name, "a function of the support code");
        }
        names.reserve(replay::CLIENT_HELPER, "the replays' client helper");
        names.reserve("replay_examples", "the test that runs the replays");
        let stems: Vec<String> = examples
            .iter()
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
        let round_trips = examples
            .iter()
            .zip(&stems)
            .map(|(e, stem)| names.claim(stem.clone(), &e.path).0)
            .collect();
        let replays = examples
            .iter()
            .zip(&stems)
            .map(|(e, stem)| names.claim(format!("replay_{stem}"), &e.path).0)
            .collect();
        FunctionNames {
            round_trips,
            replays,
        }
    }
}

/// A round trip of every response body of one example file.
fn round_trip(out: &mut String, krate: &Crate, e: &Example, name: &str) {
    let responses: Vec<String> = e
        .responses
        .iter()
        .map(|(status, ty)| match ty {
            Some(ty) => format!(
                "({}, Some(round_trip::<{}>))",
                lit(status),
                type_str(&krate.types, ty, "generated")
            ),
            None => format!("({}, None)", lit(status)),
        })
        .collect();
    let _ = writeln!(out, "\n#[test]\nfn {}() {{", ident_text(name));
    let check = group(
        "check(",
        &[lit(&e.path), group("&[", &responses, "]", WIDTH - 9)],
        ");",
        WIDTH - 4,
    );
    push_lines(out, "    ", &check);
    out.push_str("}\n");
}

/// Replays through the client: one function per example file, run by one test that
/// reports `examples replayed: N/M`.
fn replays(out: &mut String, krate: &Crate, names: &[String]) {
    let client = &krate.client;
    let mut items = Vec::new();
    let mut runs = Vec::new();
    for (e, name) in krate.examples.iter().zip(names) {
        let path = &e.path;
        let op = client
            .operations
            .iter()
            .find(|o| o.operation_id == e.operation_id);
        let replay = match (op, &e.document) {
            (Some(op), Ok(example)) => {
                replay::replay(&krate.types, client, op, path, example, name)
            }
            (None, _) => Err(format!("operation `{}` has no method", e.operation_id)),
            (_, Err(err)) => Err(err.clone()),
        };
        match replay {
            Ok(r) => {
                runs.push(format!("({}, {}(&arm).await)", lit(path), r.name));
                items.push(r.function);
            }
            Err(reason) => {
                let reason = format!("not replayable: {reason}");
                runs.push(format!(
                    "({}, Err({}.to_string()))",
                    lit(path),
                    lit(&reason)
                ));
            }
        }
    }
    if !items.is_empty() {
        out.push('\n');
        out.push_str(&replay::client_helper(&krate.types, client));
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
    for item in &items {
        out.push('\n');
        out.push_str(item);
    }
    out.push_str("\n/// Every linked example, replayed through the client against an HTTPS mock server.\n#[tokio::test]\nasync fn replay_examples() {\n    let arm = mock::MockArm::start().await;\n");
    let runs = group(
        "let runs: Vec<(&str, Result<(), String>)> = vec![",
        &runs,
        "];",
        WIDTH - 4,
    );
    push_lines(out, "    ", &runs);
    let _ = writeln!(
        out,
        "    report_replays(runs, {});\n}}",
        krate.examples.len()
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Settings;
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
