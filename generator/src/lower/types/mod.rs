//! Schemas → [`TypeSpace`]: every definition of the entry files, every
//! definition they reach in other files, and every inline schema that needs a
//! name.
//!
//! Like typify, ids are reserved for all definitions before any is converted,
//! so forward and circular references resolve; names are claimed in a fixed
//! order (entry-file definitions, then other files' definitions, then inline
//! types as conversion meets them); cycles of by-value containment are broken
//! with `Box` at the end.
//!
//! One [`Builder`] does it all; its methods are spread by concern:
//!
//! - [`refs`]: which definitions there are, and following `$ref` aliases;
//! - [`naming`]: type names claimed (definitions first) and collisions reported;
//! - [`discriminator`]: hierarchies found, a base becomes a union of its children;
//! - [`definitions`]: a definition converted to its kind;
//! - [`allof`]: the merged properties of an object schema, parents first;
//! - [`props`]: one property (secrets, readOnly, client names) and field names settled;
//! - [`inline`]: a schema used in place: a primitive, a container, a new struct;
//! - [`enums`]: enums, and enums of one `x-ms-enum` name merged;
//! - [`cycles`]: by-value containment cycles broken with `Box`;
//! - [`view`]: a uniform view of any schema kind.

mod allof;
mod boxing;
mod cycles;
mod definitions;
mod discriminator;
mod enums;
mod inline;
mod naming;
mod props;
mod refs;
#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod testing;
mod view;

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use openapiv3::{ReferenceOr, Schema, SchemaData};

use crate::error::{Error, Location, Result, Warning};
use crate::input::spec::Spec;
use crate::ir::*;
use crate::names::{is_identifier, Namespace};
use crate::pointer::{escape_token, split_ref};
use crate::settings::Settings;

use props::Props;

/// A schema or a reference to one.
#[derive(Clone, Copy)]
pub(crate) enum SRef<'a> {
    Ref(&'a str),
    Inline(&'a Schema),
}

impl<'a> From<&'a ReferenceOr<Schema>> for SRef<'a> {
    fn from(r: &'a ReferenceOr<Schema>) -> Self {
        match r {
            ReferenceOr::Reference { reference } => SRef::Ref(reference),
            ReferenceOr::Item(s) => SRef::Inline(s),
        }
    }
}

impl<'a> From<&'a ReferenceOr<Box<Schema>>> for SRef<'a> {
    fn from(r: &'a ReferenceOr<Box<Schema>>) -> Self {
        match r {
            ReferenceOr::Reference { reference } => SRef::Ref(reference),
            ReferenceOr::Item(s) => SRef::Inline(s),
        }
    }
}

fn docs(data: &SchemaData) -> Option<String> {
    data.description
        .clone()
        .or_else(|| data.title.clone())
        .filter(|d| !d.trim().is_empty())
        .map(|d| crate::lower::docs::markdown(&d))
}

fn ptr(base: &str, token: &str) -> String {
    format!("{base}/{}", escape_token(token))
}

/// Builds the type space. Operations (later) add their inline schemas through
/// [`Builder::type_ref`] before [`Builder::finish`].
pub(crate) struct Builder<'a> {
    spec: &'a Spec,
    settings: &'a Settings,
    types: Vec<TypeDef>,
    /// Definition reference → its type.
    by_ref: BTreeMap<String, TypeId>,
    /// Inline schema (file, pointer) → its type, so an inherited inline schema is one type.
    by_pointer: BTreeMap<(String, String), TypeId>,
    enums_by_name: BTreeMap<String, TypeId>,
    names: Namespace,
    props_memo: BTreeMap<String, Rc<Props>>,
    props_busy: BTreeSet<String>,
    /// Discriminated bases: reference → discriminator property.
    bases: BTreeMap<String, String>,
    /// Concrete child → its root base.
    variant_of: BTreeMap<String, String>,
    secrets_used: BTreeSet<String>,
    pub warnings: Vec<Warning>,
    pub errors: Vec<Error>,
}

impl<'a> Builder<'a> {
    pub fn new(spec: &'a Spec, settings: &'a Settings) -> Self {
        Builder {
            spec,
            settings,
            types: Vec::new(),
            by_ref: BTreeMap::new(),
            by_pointer: BTreeMap::new(),
            enums_by_name: BTreeMap::new(),
            names: Namespace::new(),
            props_memo: BTreeMap::new(),
            props_busy: BTreeSet::new(),
            bases: BTreeMap::new(),
            variant_of: BTreeMap::new(),
            secrets_used: BTreeSet::new(),
            warnings: Vec::new(),
            errors: Vec::new(),
        }
    }

    fn warn(&mut self, location: Location, message: impl Into<String>) {
        self.warnings.push(Warning {
            location,
            message: message.into(),
        });
    }

    /// The Rust name of a type built so far.
    fn type_name(&self, id: TypeId) -> Option<String> {
        self.types.get(id.0).map(|t| t.name.clone())
    }

    fn error(&mut self, location: Location, message: impl Into<String>) {
        self.errors.push(Error::invalid(location, message));
    }

    fn push(&mut self, name: String, docs: Option<String>, kind: TypeKind) -> TypeId {
        let id = TypeId(self.types.len());
        self.types.push(TypeDef {
            name,
            docs,
            kind,
            error_model: false,
        });
        id
    }

    fn lookup(&self, reference: &str) -> Option<(&'a str, String, &'a ReferenceOr<Schema>)> {
        self.spec.schema(reference)
    }

    fn location_of(&self, reference: &str) -> Location {
        let (file, fragment) = split_ref(reference);
        self.spec.locate(file, fragment)
    }

    /// Reserves every definition, then converts them.
    pub fn add_definitions(&mut self) {
        let refs = self.definition_refs();
        self.reserve_definitions(&refs);
        self.find_hierarchies(&refs);
        self.convert_definitions(&refs);
    }

    /// Marks the model of an error answer (a struct: what `TryFrom<azure_core::Error>` reads).
    pub fn mark_error_model(&mut self, ty: &TypeRef) {
        if let TypeRef::Named(id) = ty {
            if let Some(t) = self.types.get_mut(id.0) {
                t.error_model = matches!(t.kind, TypeKind::Struct(_));
            }
        }
    }

    /// The type of a schema used somewhere: a named definition, a primitive, or a new inline type.
    pub fn type_ref(
        &mut self,
        schema: SRef<'_>,
        ctx: &str,
        ctx_wire: &str,
        file: &str,
        pointer: &str,
    ) -> TypeRef {
        match schema {
            SRef::Ref(r) => match self.by_ref.get(r) {
                Some(id) => TypeRef::Named(*id),
                None => {
                    let location = self.spec.locate(file, pointer);
                    self.errors.push(Error::Reference {
                        location,
                        reference: r.to_string(),
                        message: "not a schema definition".into(),
                    });
                    TypeRef::Any
                }
            },
            SRef::Inline(s) => {
                let v = view::view(s);
                self.inline_type(&v, ctx, ctx_wire, file, pointer)
            }
        }
    }

    /// The type of a struct's field (by wire name), following aliases.
    pub fn field_type(&self, id: TypeId, wire: &str) -> Option<TypeRef> {
        match &self.types.get(id.0)?.kind {
            TypeKind::Struct(s) => s
                .fields
                .iter()
                .find(|f| f.wire_name == wire)
                .map(|f| f.ty.clone()),
            TypeKind::Alias(TypeRef::Named(target)) if *target != id => {
                self.field_type(*target, wire)
            }
            _ => None,
        }
    }

    /// Boxes what closes a containment cycle and optional models, checks settings were used, and returns the types.
    pub fn finish(mut self) -> Result<(TypeSpace, BTreeMap<String, TypeId>, Vec<Warning>)> {
        for secret in &self.settings.secrets {
            if !self.secrets_used.contains(secret) {
                self.errors.push(Error::Settings {
                    message: format!("secret `{secret}` names no property (expected `Definition.property`, wire names)"),
                });
            }
        }
        for (wire, rename) in &self.settings.renames {
            if !is_identifier(rename) {
                self.errors.push(Error::Settings {
                    message: format!("rename of `{wire}`: `{rename}` is not a Rust identifier"),
                });
            }
        }
        cycles::box_cycles(&mut self.types);
        boxing::box_optional_models(&mut self.types);
        if !self.errors.is_empty() {
            let mut errors = std::mem::take(&mut self.errors);
            errors.sort_by(|a, b| a.location().cmp(&b.location()));
            errors.dedup();
            return Err(if errors.len() == 1 {
                errors.remove(0)
            } else {
                Error::Many(errors)
            });
        }
        let mut warnings = self.warnings;
        warnings.sort();
        warnings.dedup();
        Ok((TypeSpace { types: self.types }, self.by_ref, warnings))
    }
}
