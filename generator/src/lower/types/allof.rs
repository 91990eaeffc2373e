//! The merged properties of an object schema: its `allOf` parents first (a
//! definition's memoized, an inline parent's in place), then its own; a later
//! property of the same wire name replaces an earlier one, `required` is the union.

use std::rc::Rc;

use openapiv3::AdditionalProperties;

use crate::ir::TypeRef;
use crate::names::{sanitize, Case};
use crate::pointer::escape_token;

use super::props::{Props, RawField};
use super::view::{view, View};
use super::{ptr, SRef};

impl super::Builder<'_> {
    /// The merged properties of a definition (memoized; allOf cycles are errors).
    pub(super) fn props_of(&mut self, reference: &str) -> Option<Rc<Props>> {
        if let Some(p) = self.props_memo.get(reference) {
            return Some(p.clone());
        }
        if !self.props_busy.insert(reference.to_string()) {
            let location = self.location_of(reference);
            self.error(location, "`allOf` cycle: the schema inherits from itself");
            return None;
        }
        let (target, schema) = self.resolve_schema(reference)?;
        let (file, name, _) = self.lookup(&target)?;
        let owner = self
            .by_ref
            .get(&target)
            .and_then(|&id| self.type_name(id))
            .unwrap_or_else(|| sanitize(&name, Case::Type));
        let pointer = format!("/components/schemas/{}", escape_token(&name));
        let props = self.collect_props(&view(schema), &owner, &name, file, &pointer);
        self.props_busy.remove(reference);
        let props = Rc::new(props);
        self.props_memo.insert(reference.to_string(), props.clone());
        Some(props)
    }

    /// Properties of an object schema: parents (allOf) first, then its own; a later
    /// property of the same wire name replaces an earlier one.
    pub(super) fn collect_props(
        &mut self,
        v: &View<'_>,
        owner: &str,
        owner_wire: &str,
        file: &str,
        pointer: &str,
    ) -> Props {
        let mut out = Props::default();
        let merge = |out: &mut Props, fields: Vec<RawField>| {
            for f in fields {
                match out.fields.iter_mut().find(|g| g.wire == f.wire) {
                    Some(g) => {
                        let required = g.required || f.required;
                        *g = f;
                        g.required = required;
                    }
                    None => out.fields.push(f),
                }
            }
        };
        for (i, parent) in v.all_of.iter().enumerate() {
            match SRef::from(parent) {
                SRef::Ref(r) => {
                    if let Some(p) = self.props_of(r) {
                        merge(&mut out, p.fields.clone());
                        if out.additional.is_none() {
                            out.additional = p.additional.clone();
                        }
                    }
                }
                SRef::Inline(s) => {
                    let here = ptr(&ptr(pointer, "allOf"), &i.to_string());
                    let p = self.collect_props(&view(s), owner, owner_wire, file, &here);
                    merge(&mut out, p.fields);
                    if out.additional.is_none() {
                        out.additional = p.additional;
                    }
                }
            }
        }
        let mut own = Vec::new();
        if let Some(props) = v.properties {
            for (wire, prop) in props {
                let here = ptr(&ptr(pointer, "properties"), wire);
                own.push(self.field(wire, SRef::from(prop), owner, owner_wire, file, &here));
            }
        }
        merge(&mut out, own);
        for req in v.required {
            match out.fields.iter_mut().find(|f| &f.wire == req) {
                Some(f) => f.required = true,
                None => {
                    let location = self.spec.locate(file, &ptr(pointer, "required"));
                    self.warn(
                        location,
                        format!("`{owner_wire}` requires `{req}`, which it does not define"),
                    );
                }
            }
        }
        match v.additional {
            None | Some(AdditionalProperties::Any(false)) => {}
            Some(AdditionalProperties::Any(true)) => out.additional = Some(TypeRef::Any),
            Some(AdditionalProperties::Schema(s)) => {
                let ctx = format!("{owner}Value");
                out.additional = Some(self.type_ref(
                    SRef::from(s.as_ref()),
                    &ctx,
                    owner_wire,
                    file,
                    &ptr(pointer, "additionalProperties"),
                ));
            }
        }
        out
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use serde_json::json;

    use crate::ir::{Prim, TypeRef};
    use crate::lower::types::testing::{lower, try_lower_with};
    use crate::settings::Settings;

    #[test]
    fn parents_properties_come_first_and_required_is_merged() {
        let l = lower(json!({
            "Base": {
                "type": "object",
                "properties": { "id": { "type": "string" }, "name": { "type": "string" } },
                "required": ["id"]
            },
            "Child": {
                "allOf": [
                    { "$ref": "#/definitions/Base" },
                    { "properties": { "extra": { "type": "integer" } }, "required": ["extra"] }
                ],
                "properties": { "own": { "type": "boolean" } },
                "required": ["own", "name"]
            }
        }));
        assert_eq!(l.wire_names("Child"), ["id", "name", "extra", "own"]);
        let required = |t: &str, f: &str| l.field(t, f).required;
        assert!(required("Child", "id"), "inherited from the parent");
        assert!(
            required("Child", "name"),
            "an inherited property required by the child"
        );
        assert!(required("Child", "extra"), "required by the inline parent");
        assert!(required("Child", "own"));
        // The parent stays a type of its own, with only its own requirements.
        assert_eq!(l.wire_names("Base"), ["id", "name"]);
        assert!(required("Base", "id"));
        assert!(!required("Base", "name"));
        assert!(l.warnings.is_empty(), "{:?}", l.messages());
    }

    #[test]
    fn an_inline_parent_requires_only_its_own_properties() {
        let l = lower(json!({
            "Base": { "type": "object", "properties": { "name": { "type": "string" } } },
            "Child": {
                "allOf": [
                    { "$ref": "#/definitions/Base" },
                    { "properties": { "extra": { "type": "integer" } }, "required": ["name"] }
                ]
            }
        }));
        assert!(!l.field("Child", "name").required);
        assert!(l.warned(&["requires `name`, which it does not define"]));
    }

    #[test]
    fn a_later_property_replaces_an_inherited_one_and_stays_required() {
        let l = lower(json!({
            "Base": {
                "type": "object",
                "properties": { "size": { "type": "string" } },
                "required": ["size"]
            },
            "Child": {
                "allOf": [{ "$ref": "#/definitions/Base" }],
                "properties": { "size": { "type": "integer", "format": "int32" } }
            }
        }));
        assert_eq!(l.wire_names("Child"), ["size"]);
        let size = l.field("Child", "size");
        assert_eq!(size.ty, TypeRef::Prim(Prim::I32));
        assert!(size.required);
        assert_eq!(l.field("Base", "size").ty, TypeRef::Prim(Prim::String));
    }

    #[test]
    fn additional_properties_are_inherited() {
        let l = lower(json!({
            "Base": {
                "type": "object",
                "properties": { "id": { "type": "string" } },
                "additionalProperties": { "type": "string" }
            },
            "Child": {
                "allOf": [{ "$ref": "#/definitions/Base" }],
                "properties": { "more": { "type": "string" } }
            }
        }));
        let child = l.strukt("Child");
        assert_eq!(child.additional, Some(TypeRef::Prim(Prim::String)));
    }

    #[test]
    fn requiring_an_undefined_property_warns() {
        let l = lower(json!({
            "Thing": {
                "type": "object",
                "properties": { "id": { "type": "string" } },
                "required": ["id", "ghost"]
            }
        }));
        assert!(l.field("Thing", "id").required);
        assert_eq!(l.wire_names("Thing"), ["id"]);
        assert_eq!(
            l.messages(),
            ["`Thing` requires `ghost`, which it does not define"]
        );
    }

    #[test]
    fn inheriting_from_itself_is_an_error() {
        let err = try_lower_with(
            json!({
                "A": { "allOf": [{ "$ref": "#/definitions/B" }], "properties": { "a": { "type": "string" } } },
                "B": { "allOf": [{ "$ref": "#/definitions/A" }], "properties": { "b": { "type": "string" } } }
            }),
            &Settings::default(),
        )
        .err()
        .unwrap();
        assert!(err.to_string().contains("`allOf` cycle"), "{err}");
    }
}
