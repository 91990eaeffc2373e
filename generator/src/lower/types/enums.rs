//! Enums: string enums become Rust enums (closed, or extensible with a catch-all
//! variant: `x-ms-enum.modelAsString`, or no `x-ms-enum` at all); enums of one
//! `x-ms-enum` name are one type, later declarations' values merged in; an enum of
//! non-string values is kept as its underlying type.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::error::Location;
use crate::ir::{EnumDef, TypeDef, TypeId, TypeKind, TypeRef, Variant};
use crate::names::{sanitize, Case, Claim, Collision, Namespace};

use super::docs;
use super::view::View;

/// What an enum's `x-ms-enum` says.
struct EnumExt {
    /// One type per name.
    name: Option<String>,
    /// Unknown values are kept (a catch-all variant).
    extensible: bool,
    /// Value → its variant name, if chosen, and its description.
    described: BTreeMap<String, (Option<String>, Option<String>)>,
}

/// The enum's values, if they are all strings (nulls aside) of a string schema.
fn string_values(v: &View<'_>) -> Option<Vec<String>> {
    let values: Vec<String> = v
        .enumeration
        .iter()
        .filter_map(|e| match e {
            Value::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    if values.len() != v.enumeration.iter().filter(|e| !e.is_null()).count()
        || !matches!(v.typ, None | Some("string"))
    {
        return None;
    }
    Some(values)
}

fn enum_ext(v: &View<'_>) -> EnumExt {
    let x_ms_enum = v.ext("x-ms-enum").and_then(Value::as_object);
    let name = x_ms_enum
        .and_then(|x| x.get("name"))
        .and_then(Value::as_str)
        .map(str::to_string);
    // Without x-ms-enum, autorest treats an enum as open; so do we.
    let extensible = match x_ms_enum {
        Some(x) => x
            .get("modelAsString")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        None => true,
    };
    let described = x_ms_enum
        .and_then(|x| x.get("values"))
        .and_then(Value::as_array)
        .map(|vals| {
            vals.iter()
                .filter_map(|val| {
                    let value = match val.get("value")? {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    let name = val.get("name").and_then(Value::as_str).map(str::to_string);
                    let desc = val
                        .get("description")
                        .and_then(Value::as_str)
                        .map(crate::lower::docs::markdown);
                    Some((value, (name, desc)))
                })
                .collect()
        })
        .unwrap_or_default();
    EnumExt {
        name,
        extensible,
        described,
    }
}

impl super::Builder<'_> {
    /// An enum; `definition` is set when the schema is a definition (whose id is reserved).
    pub(super) fn enum_type(
        &mut self,
        v: &View<'_>,
        ctx: &str,
        file: &str,
        pointer: &str,
        definition: Option<&str>,
    ) -> Option<TypeRef> {
        let location = self.spec.locate(file, pointer);
        let Some(values) = string_values(v) else {
            self.warn(
                location,
                "an enum of non-string values is kept as its underlying type",
            );
            let mut plain = v.clone();
            plain.enumeration.clear();
            return Some(self.inline_type(&plain, ctx, ctx, file, pointer));
        };
        let ext = enum_ext(v);
        if let Some(en) = &ext.name {
            if let Some(&id) = self.enums_by_name.get(en) {
                // One type per x-ms-enum name; a definition meeting a name already
                // taken becomes an alias of that type.
                self.merge_enum_values(id, &values, &location);
                return Some(TypeRef::Named(id));
            }
        } else if let Some(&id) = self
            .by_pointer
            .get(&(file.to_string(), pointer.to_string()))
        {
            return Some(TypeRef::Named(id));
        }
        let kind = TypeKind::Enum(EnumDef {
            variants: self.enum_variants(&values, &ext, &location),
            extensible: ext.extensible,
        });
        let id = match definition.and_then(|d| self.by_ref.get(d).copied()) {
            Some(id) => {
                if let Some(t) = self.types.get_mut(id.0) {
                    t.kind = kind;
                }
                id
            }
            _ => {
                let wanted = ext
                    .name
                    .as_deref()
                    .map_or_else(|| ctx.to_string(), |n| sanitize(n, Case::Type));
                let wire = ext.name.clone().unwrap_or_else(|| ctx.to_string());
                let name = self.claim(wanted, &wire, &location);
                self.push(name, docs(v.data), kind)
            }
        };
        match ext.name {
            Some(n) => {
                self.enums_by_name.insert(n, id);
            }
            None => {
                self.by_pointer
                    .insert((file.to_string(), pointer.to_string()), id);
            }
        }
        Some(TypeRef::Named(id))
    }

    /// The variants of a new enum: one per distinct value, named from `x-ms-enum`'s
    /// `values` or the value (collisions renamed and reported).
    fn enum_variants(
        &mut self,
        values: &[String],
        ext: &EnumExt,
        location: &Location,
    ) -> Vec<Variant> {
        // Closed enums have the catch-all too (they read values outside their set).
        let mut ns = Namespace::new();
        ns.reserve("UnknownValue", "the catch-all variant");
        let mut unique: Vec<&String> = Vec::new();
        for value in values {
            if !unique.contains(&value) {
                unique.push(value);
            }
        }
        let claims: Vec<Claim> = unique
            .iter()
            .map(|value| {
                let custom = ext.described.get(*value).and_then(|d| d.0.clone());
                Claim {
                    wanted: sanitize(custom.as_deref().unwrap_or(value), Case::Type),
                    wire: value.to_string(),
                    explicit: custom.is_some(),
                }
            })
            .collect();
        let given = ns.claim_all(&claims);
        let mut variants = Vec::new();
        for (value, (name, collision)) in unique.into_iter().zip(given) {
            if let Some(c) = collision {
                self.warn(location.clone(), variant_collision(&c, value));
            }
            variants.push(Variant {
                name,
                wire_value: value.clone(),
                docs: ext.described.get(value).and_then(|d| d.1.clone()),
            });
        }
        variants
    }

    fn merge_enum_values(&mut self, id: TypeId, values: &[String], location: &Location) {
        let Some(TypeDef {
            kind: TypeKind::Enum(def),
            name,
            ..
        }) = self.types.get(id.0)
        else {
            return;
        };
        let missing: Vec<String> = values
            .iter()
            .filter(|v| !def.variants.iter().any(|x| &x.wire_value == *v))
            .cloned()
            .collect();
        if missing.is_empty() {
            return;
        }
        let name = name.clone();
        let mut ns = Namespace::new();
        ns.reserve("UnknownValue", "the catch-all variant");
        for x in &def.variants {
            ns.claim(x.name.clone(), &x.wire_value);
        }
        let mut added = Vec::new();
        for value in &missing {
            let (vname, collision) = ns.claim(sanitize(value, Case::Type), value);
            if let Some(c) = collision {
                self.warn(location.clone(), variant_collision(&c, value));
            }
            added.push(Variant {
                name: vname,
                wire_value: value.clone(),
                docs: None,
            });
        }
        if let Some(TypeDef {
            kind: TypeKind::Enum(def),
            ..
        }) = self.types.get_mut(id.0)
        {
            def.variants.extend(added);
        }
        self.warn(
            location.clone(),
            format!(
                "enum `{name}` is declared again with more values ({}); one type holds them all",
                missing.join(", ")
            ),
        );
    }
}

/// The warning for an enum value whose variant name was taken.
fn variant_collision(c: &Collision, value: &str) -> String {
    if c.reserved {
        format!(
            "enum value `{value}` maps to `{}`, which is reserved for {}; it is named `{}`",
            c.wanted, c.holder, c.given
        )
    } else {
        format!(
            "enum values `{}` and `{value}` both map to `{}`; `{value}` is named `{}`",
            c.holder, c.wanted, c.given
        )
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use serde_json::json;

    use crate::ir::{Prim, TypeKind, TypeRef};
    use crate::lower::types::testing::{lower, Lowered};

    fn wire_values(l: &Lowered, name: &str) -> Vec<String> {
        let e = l.enumeration(name);
        e.variants.iter().map(|v| v.wire_value.clone()).collect()
    }

    #[test]
    fn enums_of_one_x_ms_enum_name_are_one_type_with_all_values() {
        let l = lower(json!({
            "Pen": {
                "type": "object",
                "properties": { "color": {
                    "type": "string", "enum": ["red", "green"],
                    "x-ms-enum": { "name": "Color", "modelAsString": false }
                } }
            },
            "Pencil": {
                "type": "object",
                "properties": { "shade": {
                    "type": "string", "enum": ["green", "blue"],
                    "x-ms-enum": { "name": "Color", "modelAsString": false }
                } }
            }
        }));
        assert_eq!(wire_values(&l, "Color"), ["red", "green", "blue"]);
        assert!(!l.enumeration("Color").extensible);
        assert_eq!(l.named(&l.field("Pen", "color").ty), "Color");
        assert_eq!(l.named(&l.field("Pencil", "shade").ty), "Color");
        assert_eq!(l.names(), ["Color", "Pen", "Pencil"]);
        assert_eq!(
            l.messages(),
            ["enum `Color` is declared again with more values (blue); one type holds them all"]
        );
    }

    #[test]
    fn a_definition_meeting_a_taken_enum_name_is_an_alias() {
        let l = lower(json!({
            "Color": { "type": "string", "enum": ["red"], "x-ms-enum": { "name": "Color" } },
            "Colour": { "type": "string", "enum": ["red", "green"], "x-ms-enum": { "name": "Color" } }
        }));
        assert_eq!(wire_values(&l, "Color"), ["red", "green"]);
        match &l.get("Colour").kind {
            TypeKind::Alias(t) => assert_eq!(l.named(t), "Color"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn model_as_string_makes_an_enum_extensible() {
        let l = lower(json!({
            "Open": { "type": "string", "enum": ["a"], "x-ms-enum": { "name": "Open", "modelAsString": true } },
            "Closed": { "type": "string", "enum": ["a"], "x-ms-enum": { "name": "Closed", "modelAsString": false } },
            "Unsaid": { "type": "string", "enum": ["a"], "x-ms-enum": { "name": "Unsaid" } },
            "Bare": { "type": "string", "enum": ["a"] }
        }));
        assert!(l.enumeration("Open").extensible);
        assert!(!l.enumeration("Closed").extensible);
        assert!(
            !l.enumeration("Unsaid").extensible,
            "modelAsString defaults to false"
        );
        assert!(
            l.enumeration("Bare").extensible,
            "no x-ms-enum: open, as autorest"
        );
    }

    #[test]
    fn variant_names_from_x_ms_enum_values_and_collisions_renamed() {
        let l = lower(json!({
            "Mode": {
                "type": "string",
                "enum": ["fast", "UnknownValue", "Fast"],
                "x-ms-enum": {
                    "name": "Mode",
                    "modelAsString": true,
                    "values": [{ "value": "fast", "name": "Quick", "description": "Goes fast." }]
                }
            }
        }));
        let e = l.enumeration("Mode");
        let variants: Vec<(&str, &str, Option<&str>)> = e
            .variants
            .iter()
            .map(|v| (v.name.as_str(), v.wire_value.as_str(), v.docs.as_deref()))
            .collect();
        assert_eq!(
            variants,
            [
                ("Quick", "fast", Some("Goes fast.")),
                ("UnknownValue2", "UnknownValue", None),
                ("Fast", "Fast", None)
            ]
        );
        assert_eq!(
            l.messages(),
            ["enum value `UnknownValue` maps to `UnknownValue`, which is reserved for the catch-all variant; it is named `UnknownValue2`"]
        );
    }

    #[test]
    fn an_inline_enum_without_a_name_is_named_from_its_context() {
        let l = lower(json!({
            "Job": {
                "type": "object",
                "properties": { "state": { "type": "string", "enum": ["on", "off"] } }
            }
        }));
        assert_eq!(l.named(&l.field("Job", "state").ty), "JobState");
        assert_eq!(wire_values(&l, "JobState"), ["on", "off"]);
    }

    #[test]
    fn an_enum_of_non_strings_keeps_its_type() {
        let l = lower(json!({
            "Level": { "type": "integer", "format": "int32", "enum": [1, 2] }
        }));
        match &l.get("Level").kind {
            TypeKind::Alias(t) => assert_eq!(t, &TypeRef::Prim(Prim::I32)),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            l.messages(),
            ["an enum of non-string values is kept as its underlying type"]
        );
    }
}
