//! Type names: definitions claim theirs first (entry files first, each file group by
//! preference, see `Claim`), inline types as conversion meets them; a name that is
//! taken is given another, with a warning.

use openapiv3::ReferenceOr;

use crate::error::Location;
use crate::input::spec::parse_canonical;
use crate::ir::{TypeKind, TypeRef};
use crate::names::{sanitize, Case, Claim, Collision};

use super::docs;

/// A definition whose Rust name is about to be claimed.
struct PlannedDefinition<'r> {
    reference: &'r String,
    location: Location,
    claim: Claim,
}

impl super::Builder<'_> {
    pub(super) fn claim(&mut self, wanted: String, wire: &str, location: &Location) -> String {
        let (given, collision) = self.names.claim(wanted, wire);
        self.type_collision(collision, wire, location);
        given
    }

    pub(super) fn type_collision(
        &mut self,
        collision: Option<Collision>,
        wire: &str,
        location: &Location,
    ) {
        if let Some(c) = collision {
            self.warn(
                location.clone(),
                format!(
                    "type name `{}` is taken by `{}`; `{wire}` is named `{}`",
                    c.wanted, c.holder, c.given
                ),
            );
        }
    }

    /// Claims every definition's Rust name and reserves its id (its kind comes later):
    /// file group by file group (entry files first, in the order of `definition_refs`),
    /// and within a group by preference (see `Claim`).
    pub(super) fn reserve_definitions(&mut self, refs: &[String]) {
        for (_, members) in self.plan_definitions(refs) {
            let claims: Vec<Claim> = members.iter().map(|m| m.claim.clone()).collect();
            let given = self.names.claim_all(&claims);
            for (m, (rust, collision)) in members.into_iter().zip(given) {
                self.type_collision(collision, &m.claim.wire, &m.location);
                let docs = match self.lookup(m.reference) {
                    Some((_, _, ReferenceOr::Item(s))) => docs(&s.schema_data),
                    _ => None,
                };
                let id = self.push(rust, docs, TypeKind::Alias(TypeRef::Any));
                self.by_ref.insert(m.reference.clone(), id);
            }
        }
    }

    /// The definitions' claims, grouped by file rank (an entry's position, other files last).
    fn plan_definitions<'r>(&self, refs: &'r [String]) -> Vec<(usize, Vec<PlannedDefinition<'r>>)> {
        let mut groups: Vec<(usize, Vec<PlannedDefinition<'_>>)> = Vec::new();
        for r in refs {
            let Some((file, _, name)) = parse_canonical(r) else {
                continue;
            };
            let entry = self.spec.entries.iter().position(|e| e == file);
            let location = self.location_of(r);
            let rename = self.settings.renames.get(&name).cloned();
            // A definition of another file than the entries says where it is in messages.
            let wire = match entry {
                Some(_) => name.clone(),
                None => format!("{}#{}", location.file, location.pointer),
            };
            let claim = Claim {
                explicit: rename.is_some(),
                wanted: rename.unwrap_or_else(|| sanitize(&name, Case::Type)),
                wire,
            };
            let rank = entry.unwrap_or(usize::MAX);
            let planned = PlannedDefinition {
                reference: r,
                location,
                claim,
            };
            match groups.last_mut() {
                Some((g, members)) if *g == rank => members.push(planned),
                _ => groups.push((rank, vec![planned])),
            }
        }
        groups
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use serde_json::json;

    use crate::lower::types::testing::{lower, try_lower_with};
    use crate::settings::Settings;

    #[test]
    fn two_definitions_wanting_one_name_the_verbatim_one_keeps_it() {
        // `foo-bar` comes first, but `FooBar` is the Rust name as it is spelled.
        let l = lower(json!({
            "foo-bar": { "type": "object", "properties": { "a": { "type": "string" } } },
            "FooBar": { "type": "object", "properties": { "b": { "type": "string" } } }
        }));
        assert_eq!(l.wire_names("FooBar"), ["b"]);
        assert_eq!(l.wire_names("FooBar2"), ["a"]);
        assert_eq!(
            l.messages(),
            ["type name `FooBar` is taken by `FooBar`; `foo-bar` is named `FooBar2`"]
        );
    }

    #[test]
    fn an_inline_type_meeting_a_definitions_name_is_renamed() {
        let l = lower(json!({
            "Thing": {
                "type": "object",
                "properties": { "props": { "type": "object", "properties": { "x": { "type": "string" } } } }
            },
            "ThingProps": { "type": "object", "properties": { "y": { "type": "string" } } }
        }));
        assert_eq!(l.wire_names("ThingProps"), ["y"], "definitions claim first");
        assert_eq!(l.named(&l.field("Thing", "props").ty), "ThingProps2");
        assert_eq!(l.wire_names("ThingProps2"), ["x"]);
        assert_eq!(
            l.messages(),
            ["type name `ThingProps` is taken by `ThingProps`; `Thing.props` is named `ThingProps2`"]
        );
    }

    #[test]
    fn a_rename_from_the_settings_wins() {
        let settings = Settings {
            renames: [("Other".to_string(), "Thing".to_string())].into(),
            ..Settings::default()
        };
        let l = try_lower_with(
            json!({
                "Thing": { "type": "object", "properties": { "a": { "type": "string" } } },
                "Other": { "type": "object", "properties": { "b": { "type": "string" } } }
            }),
            &settings,
        )
        .unwrap();
        assert_eq!(l.wire_names("Thing"), ["b"]);
        assert_eq!(l.wire_names("Thing2"), ["a"]);
        assert!(l.warned(&["`Thing` is taken by `Other`; `Thing` is named `Thing2`"]));
    }

    #[test]
    fn a_rename_that_is_no_identifier_is_an_error() {
        let settings = Settings {
            renames: [("Thing".to_string(), "not ok".to_string())].into(),
            ..Settings::default()
        };
        let err = try_lower_with(json!({ "Thing": { "type": "string" } }), &settings)
            .err()
            .unwrap();
        assert!(
            err.to_string().contains("is not a Rust identifier"),
            "{err}"
        );
    }
}
