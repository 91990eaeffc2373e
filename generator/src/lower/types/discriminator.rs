//! Discriminator hierarchies: a definition with a `discriminator` is a base; each
//! definition that inherits from one (through `allOf`) is a variant of its nearest
//! base. A base becomes a union, a variant per child (tagged by
//! `x-ms-discriminator-value`, else the child's name) and a fallback.

use std::collections::BTreeSet;

use openapiv3::ReferenceOr;
use serde_json::Value;

use crate::error::Location;
use crate::ir::{TypeKind, UnionDef, UnionVariant};
use crate::names::Namespace;

use super::view::view;

impl super::Builder<'_> {
    pub(super) fn find_hierarchies(&mut self, refs: &[String]) {
        for r in refs {
            if let Some((_, _, ReferenceOr::Item(s))) = self.lookup(r) {
                if let Some(d) = &s.schema_data.discriminator {
                    self.bases.insert(r.clone(), d.property_name.clone());
                }
            }
        }
        for r in refs {
            if self.bases.contains_key(r) {
                continue;
            }
            // The nearest discriminated ancestor through allOf.
            let mut stack = vec![r.clone()];
            let mut seen = BTreeSet::new();
            while let Some(cur) = stack.pop() {
                if !seen.insert(cur.clone()) {
                    continue;
                }
                let Some((_, _, ReferenceOr::Item(s))) = self.lookup(&cur) else {
                    continue;
                };
                let parents: Vec<String> = view(s)
                    .all_of
                    .iter()
                    .filter_map(|p| match p {
                        ReferenceOr::Reference { reference } => Some(reference.clone()),
                        ReferenceOr::Item(_) => None,
                    })
                    .collect();
                if let Some(base) = parents.iter().find(|p| self.bases.contains_key(*p)) {
                    self.variant_of.insert(r.clone(), base.clone());
                    break;
                }
                stack.extend(parents.into_iter().rev());
            }
        }
    }

    /// The union of a discriminated base (`reference`, named `name` in the spec and
    /// `rust_name` in Rust): a variant per child, tagged by `tag`.
    pub(super) fn union_kind(
        &mut self,
        reference: &str,
        name: &str,
        rust_name: &str,
        location: &Location,
        tag: String,
    ) -> TypeKind {
        let mut variants = Vec::new();
        let children: Vec<String> = self
            .variant_of
            .iter()
            .filter(|(_, b)| b.as_str() == reference)
            .map(|(c, _)| c.clone())
            .collect();
        let mut ns = Namespace::new();
        ns.reserve("UnknownValue", "(the fallback variant)");
        for child in children {
            let Some(&ty) = self.by_ref.get(&child) else {
                continue;
            };
            let Some((_, child_name, ReferenceOr::Item(cs))) = self.lookup(&child) else {
                continue;
            };
            let tag_value = cs
                .schema_data
                .extensions
                .get("x-ms-discriminator-value")
                .and_then(Value::as_str)
                .map_or(child_name.clone(), str::to_string);
            let Some(child_type) = self.type_name(ty) else {
                continue;
            };
            let (vname, collision) = ns.claim(child_type, &tag_value);
            if let Some(c) = collision {
                self.warn(
                    self.location_of(&child),
                    format!(
                        "variant `{}` of `{rust_name}` renamed `{}`",
                        c.wanted, c.given
                    ),
                );
            }
            variants.push(UnionVariant {
                name: vname,
                tag_value,
                ty,
            });
        }
        if variants.is_empty() {
            self.warn(location.clone(), format!("`{name}` has a discriminator but no children; only its fallback variant remains"));
        }
        // Converting the base's own properties still names their inline types.
        let _ = self.props_of(reference);
        TypeKind::Union(UnionDef { tag, variants })
    }

    /// The discriminator property of the base a definition is a variant of (the
    /// variant's struct leaves it out: the union's tag carries it).
    pub(super) fn inherited_tag(&self, reference: &str) -> Option<String> {
        self.variant_of
            .get(reference)
            .and_then(|b| self.bases.get(b))
            .cloned()
    }
}
