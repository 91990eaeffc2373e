//! Stage 3, lowering: the loaded [`Spec`] → the intermediate form ([`Crate`]). Here
//! every fact emission needs is decided, once: the types and their Rust names
//! ([`types`]), the operations with their parameters placed ([`ops`]), the names of
//! the client's items ([`client`]) and the linked examples, read ([`examples`]).

mod client;
mod docs;
mod examples;
mod ops;
mod secrets;
pub(crate) mod types;

use crate::error::{Error, Result, Warning};
use crate::input::{SourceProvider, Spec};
use crate::ir::{Client, Crate, Prim, TypeKind, TypeRef, TypeSpace};
use crate::names;
use crate::parallel::side_by_side;
use crate::settings::Settings;

/// Lowers a loaded spec, with the warnings (located, line and column filled in).
/// `source` is asked for the linked example files.
pub fn lower(
    spec: &Spec,
    settings: &Settings,
    source: &dyn SourceProvider,
) -> Result<(Crate, Vec<Warning>)> {
    if settings.crate_name.is_empty() {
        return Err(Error::Settings {
            message: "`crate-name` is empty".into(),
        });
    }
    let info = &spec
        .entries
        .first()
        .and_then(|e| spec.files.get(e))
        .ok_or_else(|| Error::Settings {
            message: "no input file".into(),
        })?
        .doc
        .info;
    let title = match info.title.is_empty() {
        true => settings.crate_name.clone(),
        false => info.title.clone(),
    };
    // The example files are read side by side with the types and operations.
    let (lowered, links) = std::thread::scope(|scope| {
        let links = side_by_side(scope, || examples::read(spec, settings, source));
        (types_and_ops(spec, settings), links())
    });
    let (mut space, by_ref, mut client, mut warnings) = lowered?;
    secrets::apply(&mut space);
    let (links, link_warnings) = links?;
    warnings.extend(link_warnings);
    if !client.operations.is_empty() {
        let name = client::client_name(settings.client_name.as_deref(), &title);
        warnings.extend(client::name(&mut client, name, &space));
    }
    // Locations get their line and column only now, for what is reported.
    for warning in &mut warnings {
        spec.fill_line_col(&mut warning.location);
    }
    warnings.sort();
    let krate = Crate {
        uses_uuid: uses_uuid(&space, &client),
        examples: examples::finish(links, spec, &by_ref),
        title,
        description: info.description.as_deref().map(docs::markdown),
        api_version: info.version.clone(),
        definitions: by_ref.len(),
        types: space,
        client,
    };
    Ok((krate, warnings))
}

type Lowered = (
    TypeSpace,
    std::collections::BTreeMap<String, crate::ir::TypeId>,
    Client,
    Vec<Warning>,
);

/// The types of the spec's definitions and of the operations' inline schemas, and the
/// operations.
fn types_and_ops(spec: &Spec, settings: &Settings) -> Result<Lowered> {
    let mut builder = types::Builder::new(spec, settings);
    builder.add_definitions();
    let (client, op_errors, op_warnings) = ops::build(spec, &mut builder, settings);
    builder.errors.extend(op_errors);
    builder.warnings.extend(op_warnings);
    if let Some(name) = &settings.client_name {
        // Only a crate with operations has a client to name.
        if !client.operations.is_empty() && !names::is_identifier(name) {
            builder.errors.push(Error::Settings {
                message: format!("`client-name` `{name}` is not a Rust identifier"),
            });
        }
    }
    let (space, by_ref, warnings) = builder.finish().map_err(|e| spec.fill_positions(e))?;
    Ok((space, by_ref, client, warnings))
}

/// Whether any type, or any operation's parameter or result, uses `uuid`.
fn uses_uuid(space: &TypeSpace, client: &Client) -> bool {
    fn has(t: &TypeRef) -> bool {
        match t {
            TypeRef::Prim(Prim::Uuid) => true,
            TypeRef::Vec(i) | TypeRef::Map(i) => has(i),
            _ => false,
        }
    }
    let in_types = space.types.iter().any(|t| match &t.kind {
        TypeKind::Struct(s) => {
            s.fields.iter().any(|f| has(&f.ty)) || s.additional.as_ref().is_some_and(has)
        }
        TypeKind::Alias(a) => has(a),
        _ => false,
    });
    in_types
        || client.params.iter().any(|p| has(&p.ty))
        || client.operations.iter().any(|o| {
            o.params.iter().any(|p| has(&p.ty))
                || o.body.as_ref().is_some_and(|b| has(&b.ty))
                || o.result.as_ref().is_some_and(has)
        })
}
