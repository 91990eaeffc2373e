//! A schema used in place: a wrapper (`allOf` of one) is what it wraps, an enum is
//! an enum, an array or map holds its items' type, a primitive is a primitive, and
//! an object-like schema becomes a new struct named from its context (one type per
//! file and pointer).

use openapiv3::AdditionalProperties;

use crate::ir::{Prim, TypeKind, TypeRef};

use super::view::View;
use super::{docs, ptr, SRef};

impl super::Builder<'_> {
    pub(super) fn inline_type(
        &mut self,
        v: &View<'_>,
        ctx: &str,
        ctx_wire: &str,
        file: &str,
        pointer: &str,
    ) -> TypeRef {
        if v.is_wrapper() {
            if let Some(inner) = v.all_of.first() {
                return self.type_ref(
                    SRef::from(inner),
                    ctx,
                    ctx_wire,
                    file,
                    &ptr(&ptr(pointer, "allOf"), "0"),
                );
            }
        }
        if !v.enumeration.is_empty() {
            if let Some(t) = self.enum_type(v, ctx, file, pointer, None) {
                return t;
            }
        }
        if !v.one_of.is_empty() || !v.any_of.is_empty() {
            let location = self.spec.locate(file, pointer);
            self.warn(
                location,
                "`oneOf`/`anyOf` is not modelled; the value is kept as JSON",
            );
            return TypeRef::Any;
        }
        match v.typ {
            Some("array") => {
                let item = match v.items {
                    Some(items) => self.type_ref(
                        SRef::from(items),
                        &format!("{ctx}Item"),
                        ctx_wire,
                        file,
                        &ptr(pointer, "items"),
                    ),
                    None => TypeRef::Any,
                };
                TypeRef::Vec(Box::new(item))
            }
            None | Some("object") => {
                if v.is_object_like() {
                    return self.inline_struct(v, ctx, ctx_wire, file, pointer);
                }
                match v.additional {
                    Some(AdditionalProperties::Schema(s)) => {
                        let value = self.type_ref(
                            SRef::from(s.as_ref()),
                            &format!("{ctx}Value"),
                            ctx_wire,
                            file,
                            &ptr(pointer, "additionalProperties"),
                        );
                        TypeRef::Map(Box::new(value))
                    }
                    Some(AdditionalProperties::Any(true)) => TypeRef::Map(Box::new(TypeRef::Any)),
                    _ => TypeRef::Any,
                }
            }
            Some("string") => TypeRef::Prim(match v.format.as_deref() {
                Some("date-time") => Prim::DateTime,
                Some("date-time-rfc1123") => Prim::DateTimeRfc1123,
                Some("date") => Prim::Date,
                Some("duration") => Prim::Duration,
                Some("byte") => Prim::Bytes,
                Some("uuid") => Prim::Uuid,
                _ => Prim::String,
            }),
            Some("integer") => TypeRef::Prim(match v.format.as_deref() {
                Some("int32") => Prim::I32,
                Some("unixtime") => Prim::UnixTime,
                _ => Prim::I64,
            }),
            Some("number") => TypeRef::Prim(match v.format.as_deref() {
                Some("float") => Prim::F32,
                _ => Prim::F64,
            }),
            Some("boolean") => TypeRef::Prim(Prim::Bool),
            Some(other) => {
                let location = self.spec.locate(file, &ptr(pointer, "type"));
                self.error(location, format!("unknown type `{other}`"));
                TypeRef::Any
            }
        }
    }

    fn inline_struct(
        &mut self,
        v: &View<'_>,
        ctx: &str,
        ctx_wire: &str,
        file: &str,
        pointer: &str,
    ) -> TypeRef {
        let key = (file.to_string(), pointer.to_string());
        if let Some(id) = self.by_pointer.get(&key) {
            return TypeRef::Named(*id);
        }
        let location = self.spec.locate(file, pointer);
        if v.data.discriminator.is_some() {
            self.warn(
                location.clone(),
                "a discriminator on an inline schema is ignored",
            );
        }
        let wire = format!(
            "{ctx_wire}{}",
            pointer
                .rsplit('/')
                .next()
                .map(|t| format!(".{t}"))
                .unwrap_or_default()
        );
        let name = self.claim(ctx.to_string(), &wire, &location);
        let id = self.push(name.clone(), docs(v.data), TypeKind::Alias(TypeRef::Any));
        self.by_pointer.insert(key, id);
        let props = self.collect_props(v, &name, ctx_wire, file, pointer);
        let def = self.settle_fields(props.fields, props.additional, &name, &location);
        if let Some(t) = self.types.get_mut(id.0) {
            t.kind = TypeKind::Struct(def);
        }
        TypeRef::Named(id)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use serde_json::json;

    use crate::ir::{Prim, TypeRef};
    use crate::lower::types::testing::lower;

    #[test]
    fn schemas_in_place_become_primitives_containers_and_named_structs() {
        let l = lower(json!({
            "Other": { "type": "object", "properties": { "o": { "type": "string" } } },
            "Thing": {
                "type": "object",
                "properties": {
                    "when": { "type": "string", "format": "date-time" },
                    "id": { "type": "string", "format": "uuid" },
                    "count": { "type": "integer" },
                    "ratio": { "type": "number", "format": "float" },
                    "tags": { "type": "object", "additionalProperties": { "type": "string" } },
                    "items": { "type": "array", "items": {
                        "type": "object", "properties": { "n": { "type": "integer" } }
                    } },
                    "wrapped": { "allOf": [{ "$ref": "#/definitions/Other" }], "description": "Wrapped." },
                    "free": { "type": "object" }
                }
            }
        }));
        let ty = |wire: &str| l.field("Thing", wire).ty.clone();
        assert_eq!(ty("when"), TypeRef::Prim(Prim::DateTime));
        assert_eq!(ty("id"), TypeRef::Prim(Prim::Uuid));
        assert_eq!(ty("count"), TypeRef::Prim(Prim::I64));
        assert_eq!(ty("ratio"), TypeRef::Prim(Prim::F32));
        assert_eq!(
            ty("tags"),
            TypeRef::Map(Box::new(TypeRef::Prim(Prim::String)))
        );
        match ty("items") {
            TypeRef::Vec(item) => assert_eq!(l.named(&item), "ThingItemsItem"),
            other => panic!("{other:?}"),
        }
        assert_eq!(l.wire_names("ThingItemsItem"), ["n"]);
        assert_eq!(
            l.named(&ty("wrapped")),
            "Other",
            "a wrapper is what it wraps"
        );
        assert_eq!(ty("free"), TypeRef::Any);
        assert!(l.warnings.is_empty(), "{:?}", l.messages());
    }

    #[test]
    fn one_of_is_kept_as_json() {
        let l = lower(json!({
            "Thing": {
                "type": "object",
                "properties": { "either": { "oneOf": [{ "type": "string" }, { "type": "integer" }] } }
            }
        }));
        assert_eq!(l.field("Thing", "either").ty, TypeRef::Any);
        assert_eq!(
            l.messages(),
            ["`oneOf`/`anyOf` is not modelled; the value is kept as JSON"]
        );
    }

    #[test]
    fn an_inherited_inline_schema_is_one_type() {
        let l = lower(json!({
            "Base": {
                "type": "object",
                "properties": { "inner": { "type": "object", "properties": { "x": { "type": "string" } } } }
            },
            "Child": { "allOf": [{ "$ref": "#/definitions/Base" }] }
        }));
        let base = l.named(&l.field("Base", "inner").ty).to_string();
        assert_eq!(base, "BaseInner");
        assert_eq!(l.named(&l.field("Child", "inner").ty), base);
        assert_eq!(l.names(), ["Base", "BaseInner", "Child"]);
    }
}
