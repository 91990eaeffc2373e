//! The spec's examples (`x-ms-examples`) → the intermediate form: every linked example
//! file that exists, read and parsed here (the only place after loading that reads a
//! file), with the model of each response status its operation declares.

use std::collections::BTreeMap;

use openapiv3::{ReferenceOr, StatusCode};
use serde_json::Value;

use super::types::SRef;
use crate::error::{Error, Location, Result, Warning};
use crate::input::{SourceProvider, Spec};
use crate::ir::{Example, TypeId, TypeRef};
use crate::names::is_identifier;
use crate::pointer::join;
use crate::settings::Settings;

/// A linked example file, read, before the types are known.
pub struct Link<'a> {
    path: String,
    operation: &'a openapiv3::Operation,
    document: std::result::Result<Value, String>,
}

/// The linked examples that exist, read, when the settings ask for example tests;
/// with a warning for each file linked by more than one operation.
pub fn read<'a>(
    spec: &'a Spec,
    settings: &Settings,
    source: &dyn SourceProvider,
) -> Result<(Vec<Link<'a>>, Vec<Warning>)> {
    let Some(example_settings) = &settings.examples else {
        return Ok((Vec::new(), Vec::new()));
    };
    let mut warnings = Vec::new();
    let mut links: BTreeMap<String, &openapiv3::Operation> = BTreeMap::new();
    for (file, _path, method, op, item_pointer) in crate::input::spec::operations(spec) {
        let Some(Value::Object(targets)) = op.extensions.get("x-ms-examples") else {
            continue;
        };
        for (title, link) in targets {
            let Some(target) = link.get("$ref").and_then(Value::as_str) else {
                continue;
            };
            let path = join(file, target);
            if !source.exists(&path) {
                continue;
            }
            if links.contains_key(&path) {
                warnings.push(Warning {
                    location: Location::new(file, format!("{item_pointer}/{method}/x-ms-examples/{title}")),
                    message: format!("example `{path}` is linked by more than one operation; tested with the first"),
                });
                continue;
            }
            links.insert(path, op);
        }
    }
    for defect in &example_settings.known_defects {
        if !links.contains_key(&defect.example) {
            return Err(Error::Settings {
                message: format!(
                    "known defect names `{}`, which no operation links or which does not exist",
                    defect.example
                ),
            });
        }
    }
    if !links.is_empty() && !is_identifier(&settings.crate_name.replace('-', "_")) {
        return Err(Error::Settings {
            message: format!(
                "`crate-name` `{}` does not make a Rust identifier (the example tests `use` the crate)",
                settings.crate_name
            ),
        });
    }
    let links = links
        .into_iter()
        .map(|(path, operation)| Link {
            document: read_document(source, &path),
            path,
            operation,
        })
        .collect();
    Ok((links, warnings))
}

fn read_document(source: &dyn SourceProvider, path: &str) -> std::result::Result<Value, String> {
    let text = source
        .read(path)
        .map_err(|err| format!("cannot read the example: {err}"))?;
    serde_json::from_str(&text).map_err(|err| format!("invalid JSON: {err}"))
}

/// The examples, with the models of their operations' responses from the finished types.
pub fn finish(
    links: Vec<Link<'_>>,
    spec: &Spec,
    by_ref: &BTreeMap<String, TypeId>,
) -> Vec<Example> {
    links
        .into_iter()
        .map(|link| {
            let mut responses = Vec::new();
            for (status, response) in &link.operation.responses.responses {
                if let StatusCode::Code(code) = status {
                    responses.push((code.to_string(), response_type(spec, by_ref, response)));
                }
            }
            Example {
                path: link.path,
                operation_id: link.operation.operation_id.clone().unwrap_or_default(),
                responses,
                document: link.document,
            }
        })
        .collect()
}

/// The model of a response's JSON body: a definition's type, plain JSON for an inline
/// schema, nothing without a body.
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
