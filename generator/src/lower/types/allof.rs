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
