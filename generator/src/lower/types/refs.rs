//! Which definitions there are (every definition of the entry files and every one
//! they reach), in the order their names are claimed, and following a definition
//! that is only a `$ref`.

use std::collections::BTreeSet;

use openapiv3::{ReferenceOr, Schema};

use crate::error::Error;
use crate::input::load::collect_refs;
use crate::input::spec::parse_canonical;
use crate::pointer::escape_token;

/// `file#/components/schemas/Name`
fn schema_ref(file: &str, name: &str) -> String {
    format!("{file}#/components/schemas/{}", escape_token(name))
}

impl<'a> super::Builder<'a> {
    /// Every definition of the entry files and every definition reachable from them.
    pub(super) fn definition_refs(&self) -> Vec<String> {
        let mut seen: BTreeSet<String> = BTreeSet::new();
        let mut queue: Vec<String> = Vec::new();
        for entry in &self.spec.entries {
            let Some(file) = self.spec.files.get(entry) else {
                continue;
            };
            if let Some(c) = &file.doc.components {
                for name in c.schemas.keys() {
                    queue.push(schema_ref(entry, name));
                }
            }
            let mut refs = Vec::new();
            collect_refs(&file.converted, &mut refs);
            queue.extend(refs);
        }
        let mut schemas = Vec::new();
        while let Some(r) = queue.pop() {
            if !seen.insert(r.clone()) {
                continue;
            }
            let Some((file, kind, name)) = parse_canonical(&r) else {
                continue;
            };
            if kind == "schemas" {
                schemas.push(r.clone());
            }
            let Some(f) = self.spec.files.get(file) else {
                continue;
            };
            let pointer = format!("/components/{kind}/{}", escape_token(&name));
            if let Some(v) = f.converted.pointer(&pointer) {
                let mut refs = Vec::new();
                collect_refs(v, &mut refs);
                queue.extend(refs);
            }
        }
        // Entry files first (in the order given), then the rest, each by file and name.
        let rank = |r: &String| {
            let (file, _, name) = parse_canonical(r).unwrap_or_default();
            let entry = self
                .spec
                .entries
                .iter()
                .position(|e| e == file)
                .unwrap_or(usize::MAX);
            (entry, file.to_string(), name)
        };
        schemas.sort_by_cached_key(rank);
        schemas
    }

    /// Follows a definition that is itself only a `$ref`; detects alias cycles.
    pub(super) fn resolve_schema(&mut self, reference: &str) -> Option<(String, &'a Schema)> {
        let mut seen = vec![reference.to_string()];
        let mut current = reference.to_string();
        loop {
            let Some((_, _, schema)) = self.lookup(&current) else {
                let location = self.location_of(&current);
                self.errors.push(Error::Reference {
                    location,
                    reference: current,
                    message: "the target is not a schema definition".into(),
                });
                return None;
            };
            match schema {
                ReferenceOr::Item(s) => return Some((current, s)),
                ReferenceOr::Reference { reference: next } => {
                    if seen.contains(next) {
                        seen.push(next.clone());
                        let chain: Vec<String> = seen
                            .iter()
                            .map(|r| parse_canonical(r).map(|p| p.2).unwrap_or_default())
                            .collect();
                        let location = self.location_of(reference);
                        self.error(location, format!("`$ref` cycle: {}", chain.join(" → ")));
                        return None;
                    }
                    seen.push(next.clone());
                    current = next.clone();
                }
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use serde_json::json;

    use crate::ir::TypeKind;
    use crate::lower::types::testing::{lower, try_lower_with};
    use crate::settings::Settings;

    #[test]
    fn every_definition_gets_an_id_and_a_bare_ref_is_an_alias() {
        let l = lower(json!({
            "Target": { "type": "object", "properties": { "a": { "type": "string" } } },
            "Alias": { "$ref": "#/definitions/Target" },
            "AliasOfAlias": { "$ref": "#/definitions/Alias" }
        }));
        let refs: Vec<&str> = l.by_ref.keys().map(String::as_str).collect();
        assert_eq!(
            refs,
            [
                "spec.json#/components/schemas/Alias",
                "spec.json#/components/schemas/AliasOfAlias",
                "spec.json#/components/schemas/Target"
            ]
        );
        for alias in ["Alias", "AliasOfAlias"] {
            match &l.get(alias).kind {
                TypeKind::Alias(t) => assert_eq!(l.named(t), "Target", "{alias}"),
                other => panic!("{alias}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_ref_cycle_is_an_error() {
        let err = try_lower_with(
            json!({
                "A": { "$ref": "#/definitions/B" },
                "B": { "$ref": "#/definitions/A" }
            }),
            &Settings::default(),
        )
        .err()
        .unwrap();
        assert!(err.to_string().contains("`$ref` cycle: "), "{err}");
    }
}
