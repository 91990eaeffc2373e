//! Tests generated from the spec's `x-ms-examples`: every linked example file
//! that exists becomes a test of the generated crate that round-trips each of
//! its response bodies through the model the spec declares for that status.

use std::collections::BTreeMap;

use openapiv3::{Operation, ReferenceOr, StatusCode};
use proc_macro2::TokenStream;
use quote::quote;
use serde_json::Value;

use crate::emit::{ident, render, rust_type_in, PREAMBLE};
use crate::error::{Error, Location, Result, Warning};
use crate::ir::{TypeId, TypeRef, TypeSpace};
use crate::load::{join, SourceProvider};
use crate::names::{is_identifier, sanitize, Case, Namespace};
use crate::settings::Settings;
use crate::spec::Spec;
use crate::types::SRef;

const SUPPORT: &str = include_str!("templates/example_support.rs");
const REPLAY_SUPPORT: &str = include_str!("templates/replay_support.rs");
const MOCK: &str = include_str!("templates/mock_support.rs");

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
    let krate = ident(&krate_name);
    let root = quote!(generated);
    let mut names = Namespace::new();
    let cases = examples.values().map(|e| {
        let stem = e
            .path
            .rsplit('/')
            .next()
            .unwrap_or(&e.path)
            .trim_end_matches(".json");
        let (name, _) = names.claim(sanitize(stem, Case::Value), &e.path);
        let name = ident(&name);
        let path = &e.path;
        let responses = e.responses.iter().map(|(status, ty)| match ty {
            Some(ty) => {
                let ty = rust_type_in(space, ty, &root);
                quote!((#status, Some(round_trip::<#ty>)))
            }
            None => quote!((#status, None)),
        });
        quote! {
            #[test]
            fn #name() {
                check(#path, &[#(#responses),*]);
            }
        }
    });
    // Replays through the client: one function per example file, run by one test
    // that reports `examples replayed: N/M`.
    let mut replay_items = Vec::new();
    let mut replay_runs = Vec::new();
    let mut replay_names = Namespace::new();
    if let Some((client, client_name)) = client {
        for e in examples.values() {
            let stem = e
                .path
                .rsplit('/')
                .next()
                .unwrap_or(&e.path)
                .trim_end_matches(".json");
            let (name, _) =
                replay_names.claim(format!("replay_{}", sanitize(stem, Case::Value)), &e.path);
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
                    crate::replay::replay(space, client, client_name, op, path, &example, &name)
                }
                (None, _) => Err(format!("operation `{}` has no method", e.operation_id)),
                (_, Err(err)) => Err(err),
            };
            match replay {
                Ok(r) => {
                    let f = r.name;
                    replay_items.push(r.function);
                    replay_runs.push(quote!((#path, #f(&arm).await)));
                }
                Err(reason) => {
                    let reason = format!("not replayable: {reason}");
                    replay_runs.push(quote!((#path, Err::<(), String>(#reason.to_string()))));
                }
            }
        }
    }
    // The support code is written out as it is in the templates (it is azgen's own
    // code: run through syn and prettyplease it would only cost time).
    let replay = !replay_runs.is_empty();
    let replay_test = replay.then(|| {
        let total = examples.len();
        quote! {
            #(#replay_items)*

            /// Every linked example, replayed through the client against an HTTPS mock server.
            #[tokio::test]
            async fn replay_examples() {
                let arm = mock::MockArm::start().await;
                let runs: Vec<(&str, Result<(), String>)> = vec![#(#replay_runs),*];
                report_replays(runs, #total);
            }
        }
    });
    let defects = example_settings.known_defects.iter().map(|d| {
        let (e, p, r) = (&d.example, &d.pointer, &d.reason);
        quote!((#e, #p, #r))
    });
    let spec_root = &example_settings.spec_root_from_crate;
    let body: TokenStream = quote! {
        use ::#krate as generated;

        /// Where the spec corpus is, seen from this crate (`$AZURE_REST_API_SPECS` overrides it).
        const SPEC_ROOT_FROM_CRATE: &str = #spec_root;

        /// Known defects of the spec's examples: (example file, JSON pointer, why). Each must
        /// still occur: a fixed one fails its test until it is removed from the list.
        const KNOWN_DEFECTS: &[(&str, &str, &str)] = &[#(#defects),*];

        #(#cases)*

        #replay_test
    };
    let mut cases_file = render(body, "tests/examples/cases.rs")?;
    cases_file.push('\n');
    cases_file.push_str(SUPPORT);
    if replay {
        cases_file.push('\n');
        cases_file.push_str(REPLAY_SUPPORT);
        cases_file.push_str("\nmod mock {\n");
        cases_file.push_str(MOCK);
        cases_file.push_str("}\n");
    }
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
