//! Fuzzing, with no panic allowed (proptest):
//! - bytes into the loader: random bytes, and real spec text with bytes mutated;
//! - structurally valid random Swagger 2.0 documents through the whole pipeline,
//!   whose output must parse with `syn`;
//! - every input in `tests/fuzz-corpus/` (inputs found so far, replayed first).
//!
//! By default each property runs a fixed number of cases (`AZGEN_FUZZ_CASES`
//! overrides it). `AZGEN_FUZZ_SECONDS=N` runs each property for N seconds instead:
//! CI's bounded run, `cargo xtask fuzz`. A failing input, once shrunk, is written to
//! `tests/fuzz-corpus/` so that it is replayed from then on: commit it with the fix.

use std::time::{Duration, Instant};

use azgen::MemorySource;
use azgen_tests::{fixtures_dir, settings, workspace};
use proptest::prelude::*;
use proptest::test_runner::{TestError, TestRunner};
use serde_json::{json, Map, Value};

fn cases(default: u32) -> u32 {
    std::env::var("AZGEN_FUZZ_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(default)
}

fn seconds() -> Option<Duration> {
    let s: f64 = std::env::var("AZGEN_FUZZ_SECONDS").ok()?.parse().ok()?;
    Some(Duration::from_secs_f64(s.max(0.0)))
}

/// Runs the whole pipeline on one file; any output must parse.
fn pipeline(path: &str, text: &str) -> Result<(), TestCaseError> {
    let source = MemorySource([(path.to_string(), text.to_string())].into_iter().collect());
    let result = azgen::load(&[path.to_string()], &source)
        .and_then(|spec| azgen::generate(&spec, &settings("fuzzed"), &source));
    match result {
        Ok(out) => {
            for (file, text) in &out.files {
                if file.ends_with(".rs") {
                    if let Err(e) = syn::parse_file(text) {
                        return Err(TestCaseError::fail(format!("{file} does not parse: {e}")));
                    }
                }
            }
        }
        Err(e) => {
            // Errors are fine; each must be one located line.
            for line in e.flatten() {
                let line = line.to_string();
                prop_assert!(!line.contains('\n'), "multi-line error: {line}");
            }
        }
    }
    Ok(())
}

/// Runs `strategy`'s inputs (a file name and its text) through the pipeline: a fixed
/// number of cases, or batches until `AZGEN_FUZZ_SECONDS` is spent. A failure (a
/// panic included: proptest catches it) is shrunk and saved to the corpus.
fn fuzz(name: &str, default_cases: u32, strategy: impl Strategy<Value = (&'static str, String)>) {
    let deadline = seconds().map(|s| Instant::now() + s);
    let config = ProptestConfig {
        // Small batches when timed, so a run ends close to its deadline.
        cases: if deadline.is_some() {
            16
        } else {
            cases(default_cases)
        },
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let mut seeder = TestRunner::new(config.clone());
    let mut total = 0u64;
    loop {
        let mut runner = TestRunner::new_with_rng(config.clone(), seeder.new_rng());
        match runner.run(&strategy, |(path, text)| pipeline(path, &text)) {
            Ok(()) => total += u64::from(config.cases),
            Err(TestError::Fail(reason, (path, text))) => {
                let saved = save_to_corpus(path, &text);
                panic!("{name}: {reason}\nthe input is saved as {saved}");
            }
            Err(TestError::Abort(reason)) => panic!("{name}: aborted: {reason}"),
        }
        if deadline.is_none_or(|d| Instant::now() >= d) {
            break;
        }
    }
    eprintln!("fuzz {name}: {total} cases, no failure");
}

fn corpus_dir() -> std::path::PathBuf {
    workspace().join("tests/fuzz-corpus")
}

/// Saves a failing input as `tests/fuzz-corpus/found-<hash>.<ext>`; returns the path.
fn save_to_corpus(path: &str, text: &str) -> String {
    // FNV-1a: a stable name, so the same input is saved once.
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    let ext = path.rsplit('.').next().unwrap_or("json");
    let file = corpus_dir().join(format!("found-{hash:016x}.{ext}"));
    match std::fs::write(&file, text) {
        Ok(()) => file.display().to_string(),
        Err(e) => format!("(not saved: {e}) {text:?}"),
    }
}

/// The corpus, sorted: (file name, text).
fn corpus() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(corpus_dir())
        .expect("tests/fuzz-corpus")
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (
                name,
                std::fs::read_to_string(e.path()).expect("a corpus file"),
            )
        })
        .collect();
    out.sort();
    out
}

/// Every input found so far still goes through without a panic.
#[test]
fn corpus_never_panics() {
    let corpus = corpus();
    assert!(!corpus.is_empty(), "tests/fuzz-corpus is empty");
    for (name, text) in &corpus {
        let path = if name.ends_with(".yaml") {
            "spec.yaml"
        } else {
            "spec.json"
        };
        if let Err(e) = pipeline(path, text) {
            panic!("tests/fuzz-corpus/{name}: {e}");
        }
    }
}

/// What the mutation fuzzer starts from: fixtures of every kind, and the corpus.
fn seeds() -> Vec<String> {
    let mut out = Vec::new();
    for name in [
        "allof.json",
        "discriminator.json",
        "enums.json",
        "operations/lro.json",
        "operations/params.json",
    ] {
        out.push(std::fs::read_to_string(fixtures_dir().join(name)).expect("fixture"));
    }
    out.extend(corpus().into_iter().map(|(_, text)| text));
    out
}

#[test]
fn random_bytes_never_panic() {
    let strategy = (
        proptest::collection::vec(any::<u8>(), 0..512),
        any::<bool>(),
    )
        .prop_map(|(bytes, yaml)| {
            let path = if yaml { "spec.yaml" } else { "spec.json" };
            (path, String::from_utf8_lossy(&bytes).into_owned())
        });
    fuzz("random bytes", 500, strategy);
}

#[test]
fn mutated_specs_never_panic() {
    let edits =
        proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8);
    let strategy = (prop::sample::select(seeds()), edits).prop_map(|(seed, edits)| {
        let mut bytes = seed.into_bytes();
        for (at, byte, kind) in edits {
            if bytes.is_empty() {
                break;
            }
            let i = at.index(bytes.len());
            match kind {
                0 => bytes[i] = byte,
                1 => {
                    bytes.remove(i);
                }
                _ => {
                    const SYNTAX: &[u8] = b"{}[],:\"\\0-e.$#/";
                    bytes.insert(i, SYNTAX[byte as usize % SYNTAX.len()]);
                }
            }
        }
        ("spec.json", String::from_utf8_lossy(&bytes).into_owned())
    });
    fuzz("mutated specs", 500, strategy);
}

/// Names as specs have them, and worse.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z][A-Za-z0-9]{0,8}",
        "[a-z0-9 ._\\-@$]{0,6}",
        Just("type".to_string()),
        Just("self".to_string()),
        Just("Self".to_string()),
        Just("r#type".to_string()),
        Just("crate".to_string()),
        Just("String".to_string()),
        Just("Option".to_string()),
        Just("größe".to_string()),
        Just("\"); evil(); (\"".to_string()),
        Just(String::new()),
    ]
}

fn description() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof![
        "[ -~]{0,40}",
        Just("*/ \"# \\ ```rust\nfn x() {}\n```\n    indented".to_string()),
        Just("\r\nline\r\n".to_string()),
    ])
}

/// A schema: primitives, enums, arrays, maps, objects, refs to definitions `D0..Dn`.
fn schema(defs: usize) -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        prop_oneof![
            Just(json!({"type": "string"})),
            Just(json!({"type": "string", "format": "date-time"})),
            Just(json!({"type": "string", "format": "duration"})),
            Just(json!({"type": "string", "format": "byte"})),
            Just(json!({"type": "string", "format": "uuid"})),
            Just(json!({"type": "integer", "format": "int32"})),
            Just(json!({"type": "integer", "format": "int64"})),
            Just(json!({"type": "number"})),
            Just(json!({"type": "boolean"})),
            Just(json!({"type": "object"})),
            Just(json!({})),
        ],
        (0..defs.max(1)).prop_map(|i| json!({"$ref": format!("#/definitions/D{i}")})),
        (
            proptest::collection::vec(name(), 1..4),
            any::<bool>(),
            prop::option::of(name())
        )
            .prop_map(|(values, open, en)| {
                let mut s = json!({"type": "string", "enum": values});
                if let Some(en) = en {
                    s["x-ms-enum"] = json!({"name": en, "modelAsString": open});
                }
                s
            }),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            inner
                .clone()
                .prop_map(|i| json!({"type": "array", "items": i})),
            inner
                .clone()
                .prop_map(|i| json!({"type": "object", "additionalProperties": i})),
            (
                proptest::collection::btree_map(
                    name(),
                    (inner.clone(), any::<bool>(), any::<bool>(), description()),
                    0..4
                ),
                proptest::collection::vec(name(), 0..2)
            )
                .prop_map(|(props, required)| {
                    let mut properties = Map::new();
                    for (n, (mut s, read_only, secret, d)) in props {
                        if read_only {
                            s["readOnly"] = json!(true);
                        }
                        if secret {
                            s["x-ms-secret"] = json!(true);
                        }
                        if let Some(d) = d {
                            s["description"] = json!(d);
                        }
                        properties.insert(n, s);
                    }
                    json!({"type": "object", "properties": properties, "required": required})
                }),
            (inner.clone(), inner).prop_map(|(a, b)| json!({"allOf": [a, b]})),
        ]
    })
}

prop_compose! {
    fn definitions(n: usize)(schemas in proptest::collection::vec((schema(n), description(), any::<bool>()), n)) -> Map<String, Value> {
        let mut defs = Map::new();
        for (i, (mut s, d, base)) in schemas.into_iter().enumerate() {
            if let Some(d) = d { s["description"] = json!(d); }
            if base && i == 0 {
                // A discriminated base, and a child of it.
                s = json!({"type": "object", "discriminator": "kind",
                           "properties": {"kind": {"type": "string"}}, "required": ["kind"]});
                defs.insert("Child".to_string(), json!({"allOf": [{"$ref": "#/definitions/D0"}],
                    "x-ms-discriminator-value": "child", "properties": {"x": {"type": "string"}}}));
            }
            defs.insert(format!("D{i}"), s);
        }
        defs
    }
}

fn operation(defs: usize) -> impl Strategy<Value = (String, String, Value)> {
    (name(), name(), prop_oneof![Just("get"), Just("put"), Just("post"), Just("delete"), Just("patch")],
     any::<bool>(), any::<bool>(), prop::option::of(schema(defs)), prop::option::of(schema(defs)),
     proptest::collection::vec((name(), prop_oneof![Just("query"), Just("header")], any::<bool>()), 0..3))
        .prop_map(|(group, method, verb, lro, pageable, body, result, params)| {
            let mut parameters = vec![json!({"name": "name", "in": "path", "required": true, "type": "string",
                                              "pattern": "^[a-z]*$", "maxLength": 9})];
            for (n, location, required) in params {
                parameters.push(json!({"name": n, "in": location, "required": required, "type": "string"}));
            }
            if let Some(b) = body {
                parameters.push(json!({"name": "body", "in": "body", "required": true, "schema": b}));
            }
            let mut ok = json!({"description": "OK"});
            if let Some(r) = result { ok["schema"] = r; }
            let mut op = json!({
                "operationId": format!("{group}_{method}"),
                "parameters": parameters,
                "responses": {"200": ok, "202": {"description": "Accepted"}, "default": {"description": "Error"}},
            });
            if lro { op["x-ms-long-running-operation"] = json!(true); }
            if pageable { op["x-ms-pageable"] = json!({"nextLinkName": "nextLink"}); }
            (format!("/things/{{name}}/{group}{method}"), verb.to_string(), op)
        })
}

prop_compose! {
    fn document()(n in 1usize..6)(defs in definitions(n), ops in proptest::collection::vec(operation(n), 0..4)) -> Value {
        let mut paths = Map::new();
        for (path, verb, op) in ops {
            let item = paths.entry(path).or_insert_with(|| json!({}));
            item[verb] = op;
        }
        json!({
            "swagger": "2.0",
            "info": {"title": "Fuzzed", "version": "2024-01-01"},
            "host": "management.azure.com",
            "paths": paths,
            "definitions": defs,
        })
    }
}

#[test]
fn random_valid_specs_generate_code_that_parses() {
    let strategy = document().prop_map(|doc| {
        let text = serde_json::to_string_pretty(&doc).expect("a document serializes");
        ("spec.json", text)
    });
    fuzz("random valid specs", 300, strategy);
}

/// The structured fuzzer is only worth something if most of its documents generate:
/// a fixed-seed sample must mostly succeed (and then parse, as above).
#[test]
fn most_random_specs_generate() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let (mut ok, total) = (0, 100);
    for _ in 0..total {
        let doc = document()
            .new_tree(&mut runner)
            .expect("a document")
            .current();
        let text = serde_json::to_string(&doc).expect("json");
        let source = MemorySource([("spec.json".to_string(), text)].into_iter().collect());
        let result = azgen::load(&["spec.json".to_string()], &source)
            .and_then(|spec| azgen::generate(&spec, &settings("fuzzed"), &source));
        ok += usize::from(result.is_ok());
    }
    eprintln!("random specs that generated: {ok}/{total}");
    assert!(ok * 2 >= total, "only {ok}/{total} random specs generated");
}
