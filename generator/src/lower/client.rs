//! The Rust names of `clients.rs`, decided once for every emitter: the client and its
//! options, the sub-clients and their accessors, each operation's options struct, the
//! response-header accessors and the paged lists' item fields. The client emitter
//! declares these items and the example replays use them, both reading the names here.

use std::collections::BTreeMap;

use crate::error::Warning;
use crate::ir::{Client, ClientNames, Group, OpKind, Operation, TypeKind, TypeSpace};
use crate::names::{sanitize, Case, Collision, Namespace};

/// Names imported at the top of `clients.rs`, which no generated item may take.
pub const IMPORTED: &[&str] = &[
    "Arc",
    "ClientMethodOptions",
    "ClientOptions",
    "Core",
    "FinalState",
    "HeaderName",
    "Limits",
    "LroPoller",
    "Method",
    "Pager",
    "PagerOptions",
    "PollerOptions",
    "Response",
    "Result",
    "TokenCredential",
    "Url",
    "http",
    "models",
];

/// The client's name: `client-name` from the settings, or the spec's title as a type
/// name ending in `Client`.
pub fn client_name(setting: Option<&str>, title: &str) -> String {
    match setting {
        Some(name) => name.to_string(),
        None => {
            let base = sanitize(title, Case::Type);
            match base.ends_with("Client") {
                true => base,
                false => format!("{base}Client"),
            }
        }
    }
}

/// The name of the client's accessor for a group's operations: the sub-client's
/// (`registries_client()` for `RegistriesClient`), as the Azure SDK guidelines have it.
pub fn accessor_name(group: &str) -> String {
    format!("{}_client", sanitize(group, Case::Value))
}

/// The name an operation's options struct wants (the file's namespace may suffix it).
fn wanted_options_name(op: &Operation) -> String {
    let method = sanitize(op.method.trim_start_matches("begin_"), Case::Type);
    format!("{}{method}Options", op.group.clone().unwrap_or_default())
}

/// Names every item of `clients.rs` in `client` (whose methods are already named, see
/// `ops`), returning a warning for each name that had to change.
pub fn name(client: &mut Client, client_name: String, space: &TypeSpace) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let mut items = Namespace::new();
    for i in IMPORTED {
        items.reserve(i, "(imported)");
    }
    // The options structs are re-exported in `models`: no item takes a model's name.
    for t in &space.types {
        items.reserve(&t.name, "(a model)");
    }
    let options = format!("{client_name}Options");
    items.reserve(&client_name, "(the client)");
    items.reserve(&options, "(the client options)");
    name_headers(client);
    let (headers_trait, _) = items.claim("ResponseHeaders".to_string(), "(the response headers)");
    client.names = ClientNames {
        client: client_name,
        options,
        headers_trait,
    };
    // Groups in name order, the client's own operations first, as `clients.rs` has them.
    let mut by_group: BTreeMap<Option<String>, Vec<usize>> = BTreeMap::new();
    for (i, op) in client.operations.iter().enumerate() {
        by_group.entry(op.group.clone()).or_default().push(i);
    }
    for (group, ops) in by_group {
        if let Some(g) = group {
            let (struct_name, collision) = items.claim(format!("{g}Client"), &g);
            let first = ops.first().and_then(|i| client.operations.get(*i));
            if let (Some(c), Some(op)) = (collision, first) {
                warnings.push(Warning {
                    location: op.origin.clone(),
                    message: format!(
                        "sub-client name `{}` is taken by `{}`; the `{g}` operations are on `{}`",
                        c.wanted, c.holder, c.given
                    ),
                });
            }
            client.groups.push(Group {
                accessor: accessor_name(&g),
                name: g,
                struct_name,
            });
        }
        for i in ops {
            let Some(op) = client.operations.get_mut(i) else {
                continue;
            };
            let (name, collision) = items.claim(wanted_options_name(op), &op.operation_id);
            if let Some(c) = collision {
                warnings.push(renamed(op, &c));
            }
            op.options = name;
            if let OpKind::Pageable {
                list,
                item_name,
                item_field,
                ..
            } = &mut op.kind
            {
                *item_field = list_field(space, *list, item_name);
            }
        }
    }
    warnings
}

fn renamed(op: &Operation, c: &Collision) -> Warning {
    Warning {
        location: op.origin.clone(),
        message: format!(
            "options struct name `{}` is taken by `{}`; `{}`'s options are named `{}`",
            c.wanted, c.holder, op.operation_id, c.given
        ),
    }
}

/// Response headers: one accessor per wire name, on every response (two operations'
/// traits for the same response type would make each call ambiguous).
fn name_headers(client: &mut Client) {
    let mut names = Namespace::new();
    let mut accessors: BTreeMap<String, String> = BTreeMap::new();
    for op in &mut client.operations {
        for h in &mut op.headers {
            let name = accessors
                .entry(h.wire_name.clone())
                .or_insert_with(|| names.claim(h.name.clone(), &h.wire_name).0);
            h.name = name.clone();
        }
    }
}

/// The Rust name of the field of a paged list that holds its items (`value`).
fn list_field(space: &TypeSpace, list: crate::ir::TypeId, wire: &str) -> String {
    let field = match space.get(list).map(|t| &t.kind) {
        Some(TypeKind::Struct(s)) => s.fields.iter().find(|f| f.wire_name == wire),
        _ => None,
    };
    field.map_or_else(|| sanitize(wire, Case::Value), |f| f.name.clone())
}
