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

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use serde_json::{json, Value};

    use crate::lower::types::testing::{lower, Lowered};

    fn animals(extra: Value) -> Lowered {
        let mut defs = json!({
            "Animal": {
                "type": "object",
                "discriminator": "kind",
                "properties": { "kind": { "type": "string" }, "name": { "type": "string" } },
                "required": ["kind"]
            },
            "Dog": {
                "x-ms-discriminator-value": "dog",
                "allOf": [{ "$ref": "#/definitions/Animal" }],
                "properties": { "barks": { "type": "boolean" } }
            },
            "Cat": { "allOf": [{ "$ref": "#/definitions/Animal" }] },
            "Puppy": {
                "x-ms-discriminator-value": "puppy",
                "allOf": [{ "$ref": "#/definitions/Dog" }]
            }
        });
        if let (Some(d), Value::Object(more)) = (defs.as_object_mut(), extra) {
            d.extend(more);
        }
        lower(defs)
    }

    #[test]
    fn a_base_is_a_union_of_its_children_tagged_by_value_or_name() {
        let l = animals(json!({}));
        let union = l.union("Animal");
        assert_eq!(union.tag, "kind");
        let variants: Vec<(&str, &str, &str)> = union
            .variants
            .iter()
            .map(|v| {
                (
                    v.name.as_str(),
                    v.tag_value.as_str(),
                    l.types[v.ty.0].name.as_str(),
                )
            })
            .collect();
        // A grandchild is a variant of the nearest discriminated ancestor; a child
        // without `x-ms-discriminator-value` is tagged by its name.
        assert_eq!(
            variants,
            [
                ("Cat", "Cat", "Cat"),
                ("Dog", "dog", "Dog"),
                ("Puppy", "puppy", "Puppy")
            ]
        );
        assert!(l.warnings.is_empty(), "{:?}", l.messages());
    }

    #[test]
    fn a_variant_leaves_the_tag_to_the_union() {
        let l = animals(json!({}));
        assert_eq!(l.wire_names("Dog"), ["name", "barks"]);
        assert_eq!(l.wire_names("Puppy"), ["name", "barks"]);
        assert_eq!(l.wire_names("Cat"), ["name"]);
    }

    #[test]
    fn a_variant_named_like_the_fallback_is_renamed() {
        let l = animals(json!({
            "UnknownValue": { "allOf": [{ "$ref": "#/definitions/Animal" }] }
        }));
        let union = l.union("Animal");
        let fallback = union
            .variants
            .iter()
            .find(|v| v.tag_value == "UnknownValue")
            .unwrap();
        assert_eq!(fallback.name, "UnknownValue2");
        assert_eq!(l.types[fallback.ty.0].name, "UnknownValue");
        assert_eq!(
            l.messages(),
            ["variant `UnknownValue` of `Animal` renamed `UnknownValue2`"]
        );
    }

    #[test]
    fn a_base_without_children_keeps_only_the_fallback() {
        let l = lower(json!({
            "Lonely": {
                "type": "object",
                "discriminator": "kind",
                "properties": {
                    "kind": { "type": "string" },
                    "nested": { "type": "object", "properties": { "x": { "type": "string" } } }
                }
            }
        }));
        assert!(l.union("Lonely").variants.is_empty());
        assert_eq!(
            l.messages(),
            ["`Lonely` has a discriminator but no children; only its fallback variant remains"]
        );
        // Its own properties are still converted: their inline types are named.
        assert_eq!(l.wire_names("LonelyNested"), ["x"]);
    }
}
