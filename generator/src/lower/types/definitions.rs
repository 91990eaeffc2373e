//! A definition converted to its kind: an alias of what it refers to, a union (a
//! discriminated base), an enum, a struct (its properties merged), or an alias of
//! an inline type.

use openapiv3::ReferenceOr;

use crate::error::Location;
use crate::ir::{TypeKind, TypeRef};
use crate::pointer::escape_token;

use super::props::RawField;
use super::view::view;

impl super::Builder<'_> {
    /// Converts every (reserved) definition: enum definitions first, so a property
    /// naming the same x-ms-enum finds the definition's type.
    pub(super) fn convert_definitions(&mut self, refs: &[String]) {
        let (enums, rest): (Vec<&String>, Vec<&String>) = refs.iter().partition(|r| {
            matches!(self.lookup(r), Some((_, _, ReferenceOr::Item(s))) if !view(s).enumeration.is_empty())
        });
        for r in enums.into_iter().chain(rest) {
            let kind = self.definition_kind(r);
            if let (Some(id), Some(kind)) = (self.by_ref.get(r).copied(), kind) {
                if let Some(t) = self.types.get_mut(id.0) {
                    t.kind = kind;
                }
            }
        }
    }

    /// The kind of a definition; `None` leaves the reserved type as it is (an enum
    /// definition fills in its own type).
    fn definition_kind(&mut self, reference: &str) -> Option<TypeKind> {
        let (file, name, schema) = self.lookup(reference)?;
        let location = self.location_of(reference);
        let schema = match schema {
            ReferenceOr::Reference { .. } => {
                let (target, _) = self.resolve_schema(reference)?;
                return Some(TypeKind::Alias(TypeRef::Named(*self.by_ref.get(&target)?)));
            }
            ReferenceOr::Item(s) => s,
        };
        let v = view(schema);
        let rust_name = self
            .by_ref
            .get(reference)
            .and_then(|&id| self.type_name(id))?;
        if let Some(tag) = self.bases.get(reference).cloned() {
            return Some(self.union_kind(reference, &name, &rust_name, &location, tag));
        }
        if !v.enumeration.is_empty() {
            return match self.enum_type(
                &v,
                &rust_name,
                file,
                &format!("/components/schemas/{}", escape_token(&name)),
                Some(reference),
            ) {
                Some(TypeRef::Named(id)) if self.by_ref.get(reference) == Some(&id) => None,
                Some(other) => Some(TypeKind::Alias(other)),
                None => None,
            };
        }
        if v.is_object_like() {
            return self.definition_struct(reference, &name, &location);
        }
        let pointer = format!("/components/schemas/{}", escape_token(&name));
        Some(TypeKind::Alias(
            self.inline_type(&v, &rust_name, &name, file, &pointer),
        ))
    }

    /// The struct of an object-like definition: its merged properties, less the
    /// discriminator property of the base it is a variant of.
    fn definition_struct(
        &mut self,
        reference: &str,
        name: &str,
        location: &Location,
    ) -> Option<TypeKind> {
        let props = self.props_of(reference)?;
        let skip = self.inherited_tag(reference);
        let fields: Vec<RawField> = props
            .fields
            .iter()
            .filter(|f| Some(&f.wire) != skip.as_ref())
            .cloned()
            .collect();
        Some(TypeKind::Struct(self.settle_fields(
            fields,
            props.additional.clone(),
            name,
            location,
        )))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use serde_json::json;

    use crate::ir::{Prim, TypeKind, TypeRef};
    use crate::lower::types::testing::lower;

    #[test]
    fn a_definition_is_a_struct_an_enum_or_an_alias() {
        let l = lower(json!({
            "Name": { "type": "string", "description": "A name." },
            "Names": { "type": "array", "items": { "$ref": "#/definitions/Name" } },
            "Kind": { "type": "string", "enum": ["a"], "x-ms-enum": { "name": "Kind" } },
            "Thing": { "type": "object", "properties": { "n": { "$ref": "#/definitions/Name" } } }
        }));
        let name = l.get("Name");
        assert!(matches!(
            &name.kind,
            TypeKind::Alias(TypeRef::Prim(Prim::String))
        ));
        assert_eq!(name.docs.as_deref(), Some("A name."));
        match &l.get("Names").kind {
            TypeKind::Alias(TypeRef::Vec(item)) => assert_eq!(l.named(item), "Name"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(l.get("Kind").kind, TypeKind::Enum(_)));
        assert_eq!(l.wire_names("Thing"), ["n"]);
    }

    #[test]
    fn a_property_naming_a_definitions_x_ms_enum_uses_the_definition() {
        // `AThing` is converted before `Color` in name order; enum definitions go first.
        let l = lower(json!({
            "AThing": {
                "type": "object",
                "properties": { "color": {
                    "type": "string", "enum": ["red"], "x-ms-enum": { "name": "Color" }
                } }
            },
            "Color": { "type": "string", "enum": ["red"], "x-ms-enum": { "name": "Color" } }
        }));
        assert_eq!(l.named(&l.field("AThing", "color").ty), "Color");
        assert!(matches!(l.get("Color").kind, TypeKind::Enum(_)));
        assert_eq!(l.names(), ["AThing", "Color"]);
        assert!(l.warnings.is_empty(), "{:?}", l.messages());
    }
}
