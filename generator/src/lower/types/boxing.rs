//! Properties the spec does not require (and read-only ones) whose type is a model (a
//! struct or a union) are boxed, so that a model costs in memory about what the JSON
//! that describes it says, not the size of everything it could hold: without this an ACR `Registry` is 1,032 bytes however
//! little of it the service sent (a page of a million `{"location":"","sku":{..}}`
//! items took 27 bytes of memory per byte of JSON), with it 200 bytes and 6. Required
//! properties stay inline (the JSON holds them), as do enums, containers (on the heap
//! already) and primitives.

use crate::ir::{TypeDef, TypeId, TypeKind, TypeRef};

/// Marks every optional field whose type is a struct or a union (through aliases) boxed.
pub(super) fn box_optional_models(types: &mut [TypeDef]) {
    let models: Vec<bool> = (0..types.len())
        .map(|i| is_model(types, TypeId(i)))
        .collect();
    for t in types.iter_mut() {
        if let TypeKind::Struct(s) = &mut t.kind {
            for f in &mut s.fields {
                if let TypeRef::Named(id) = f.ty {
                    if !f.in_constructor() && models.get(id.0).copied().unwrap_or(false) {
                        f.boxed = true;
                    }
                }
            }
        }
    }
}

/// Whether the type is a struct or a union, following aliases (at most as many as
/// there are types, so an alias cycle ends).
fn is_model(types: &[TypeDef], mut id: TypeId) -> bool {
    for _ in 0..=types.len() {
        match types.get(id.0).map(|t| &t.kind) {
            Some(TypeKind::Struct(_) | TypeKind::Union(_)) => return true,
            Some(TypeKind::Alias(TypeRef::Named(next))) => id = *next,
            _ => return false,
        }
    }
    false
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use serde_json::json;

    use crate::lower::types::testing::lower;

    #[test]
    fn optional_models_are_boxed_and_nothing_else() {
        let l = lower(json!({
            "Outer": {
                "type": "object",
                "required": ["needed", "seen"],
                "properties": {
                    "needed": { "$ref": "#/definitions/Inner" },
                    "extra": { "$ref": "#/definitions/Inner" },
                    "viaAlias": { "$ref": "#/definitions/InnerAlias" },
                    "shape": { "$ref": "#/definitions/Shape" },
                    "seen": { "$ref": "#/definitions/Inner", "readOnly": true },
                    "color": { "$ref": "#/definitions/Color" },
                    "list": { "type": "array", "items": { "$ref": "#/definitions/Inner" } },
                    "inline": { "type": "object", "properties": { "a": { "type": "string" } } },
                    "count": { "type": "integer" }
                }
            },
            "Inner": { "type": "object", "properties": { "a": { "type": "string" } } },
            "InnerAlias": { "$ref": "#/definitions/Inner" },
            "Shape": {
                "type": "object",
                "discriminator": "kind",
                "required": ["kind"],
                "properties": { "kind": { "type": "string" } }
            },
            "Circle": { "allOf": [{ "$ref": "#/definitions/Shape" }], "x-ms-discriminator-value": "circle" },
            "Color": { "type": "string", "enum": ["red", "blue"], "x-ms-enum": { "name": "Color" } }
        }));
        let boxed = |f: &str| l.field("Outer", f).boxed;
        assert!(!boxed("needed"), "required: the JSON holds it");
        assert!(boxed("extra"));
        assert!(boxed("viaAlias"));
        assert!(boxed("shape"), "a union is a model too");
        assert!(boxed("seen"), "required but read-only: an `Option`");
        assert!(boxed("inline"), "an inline object is a model of its own");
        assert!(!boxed("color"));
        assert!(!boxed("list"));
        assert!(!boxed("count"));
    }
}
