//! Test support: a Swagger 2.0 document of inline `definitions` lowered to the type
//! space, as `lower` builds it (`Builder::new`, `add_definitions`, `finish`), and
//! lookups into the result that fail loudly.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::error::{Result, Warning};
use crate::input::{MemorySource, Spec};
use crate::ir::{EnumDef, Field, StructDef, TypeDef, TypeId, TypeKind, TypeRef, UnionDef};
use crate::settings::Settings;

/// The types of a spec, with the definitions' ids and the warnings.
pub(super) struct Lowered {
    pub types: Vec<TypeDef>,
    pub by_ref: BTreeMap<String, TypeId>,
    pub warnings: Vec<Warning>,
}

/// Lowers the types of a spec whose `definitions` are these (no paths), with these settings.
pub(super) fn try_lower_with(definitions: Value, settings: &Settings) -> Result<Lowered> {
    let doc = json!({
        "swagger": "2.0",
        "info": { "title": "Test", "version": "2024-01-01" },
        "host": "example.com",
        "paths": {},
        "definitions": definitions,
    });
    let source = MemorySource([("spec.json".to_string(), doc.to_string())].into());
    let spec = Spec::load(&["spec.json".to_string()], &source)?;
    let mut builder = super::Builder::new(&spec, settings);
    builder.add_definitions();
    let (space, by_ref, warnings) = builder.finish()?;
    Ok(Lowered {
        types: space.types,
        by_ref,
        warnings,
    })
}

/// [`try_lower_with`] with default settings; panics on an error.
pub(super) fn lower(definitions: Value) -> Lowered {
    try_lower_with(definitions, &Settings::default()).unwrap_or_else(|e| panic!("{e:?}"))
}

impl Lowered {
    /// The type of this Rust name.
    pub fn get(&self, name: &str) -> &TypeDef {
        let found: Vec<&TypeDef> = self.types.iter().filter(|t| t.name == name).collect();
        match found.as_slice() {
            [t] => t,
            _ => panic!(
                "{} types named `{name}`; all: {:?}",
                found.len(),
                self.names()
            ),
        }
    }

    /// Every type's Rust name, sorted.
    pub fn names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.types.iter().map(|t| t.name.as_str()).collect();
        names.sort_unstable();
        names
    }

    pub fn strukt(&self, name: &str) -> &StructDef {
        match &self.get(name).kind {
            TypeKind::Struct(s) => s,
            other => panic!("`{name}` is not a struct: {other:?}"),
        }
    }

    pub fn enumeration(&self, name: &str) -> &EnumDef {
        match &self.get(name).kind {
            TypeKind::Enum(e) => e,
            other => panic!("`{name}` is not an enum: {other:?}"),
        }
    }

    pub fn union(&self, name: &str) -> &UnionDef {
        match &self.get(name).kind {
            TypeKind::Union(u) => u,
            other => panic!("`{name}` is not a union: {other:?}"),
        }
    }

    /// The field of a struct, by wire name.
    pub fn field(&self, name: &str, wire: &str) -> &Field {
        let s = self.strukt(name);
        s.fields
            .iter()
            .find(|f| f.wire_name == wire)
            .unwrap_or_else(|| panic!("`{name}` has no field `{wire}`: {s:?}"))
    }

    /// The wire names of a struct's fields, in order.
    pub fn wire_names(&self, name: &str) -> Vec<&str> {
        let s = self.strukt(name);
        s.fields.iter().map(|f| f.wire_name.as_str()).collect()
    }

    /// The Rust name a type reference names (`Named` only).
    pub fn named(&self, ty: &TypeRef) -> &str {
        match ty {
            TypeRef::Named(id) => self.types[id.0].name.as_str(),
            other => panic!("not a named type: {other:?}"),
        }
    }

    /// The warnings' messages.
    pub fn messages(&self) -> Vec<&str> {
        self.warnings.iter().map(|w| w.message.as_str()).collect()
    }

    /// Whether a warning contains all these parts.
    pub fn warned(&self, parts: &[&str]) -> bool {
        self.messages()
            .iter()
            .any(|m| parts.iter().all(|p| m.contains(p)))
    }
}
