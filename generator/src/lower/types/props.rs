//! One property of an object schema (its Rust name wanted, `readOnly`, secrets from
//! `x-ms-secret` or the settings, `x-ms-client-name`), and a struct's field names
//! settled (collisions renamed and reported).

use serde_json::Value;

use crate::error::Location;
use crate::ir::{Field, Redact, StructDef, TypeRef};
use crate::names::{sanitize, Case, Claim, Namespace};

use super::view::view;
use super::{docs, SRef};

/// A property before its Rust name is settled.
#[derive(Clone)]
pub(super) struct RawField {
    pub wire: String,
    pub wanted: String,
    pub ty: TypeRef,
    pub required: bool,
    pub read_only: bool,
    pub secret: bool,
    /// The Rust name was chosen (settings, `x-ms-client-name`), not derived.
    pub explicit: bool,
    pub docs: Option<String>,
}

/// The merged properties of an object schema (its `allOf` parents first).
#[derive(Clone, Default)]
pub(super) struct Props {
    pub fields: Vec<RawField>,
    pub additional: Option<TypeRef>,
}

impl super::Builder<'_> {
    /// Gives fields their Rust names (collisions settled and reported).
    pub(super) fn settle_fields(
        &mut self,
        raw: Vec<RawField>,
        additional: Option<TypeRef>,
        owner: &str,
        location: &Location,
    ) -> StructDef {
        let mut ns = Namespace::new();
        if additional.is_some() {
            ns.reserve("additional_properties", "the map of additional properties");
        }
        let claims: Vec<Claim> = raw
            .iter()
            .map(|f| Claim {
                wanted: f.wanted.clone(),
                wire: f.wire.clone(),
                explicit: f.explicit,
            })
            .collect();
        let given = ns.claim_all(&claims);
        let mut fields = Vec::new();
        for (f, (name, collision)) in raw.into_iter().zip(given) {
            if let Some(c) = collision {
                let taken = if c.reserved {
                    format!("is reserved for {}", c.holder)
                } else {
                    format!("is taken by `{}`", c.holder)
                };
                self.warn(
                    location.clone(),
                    format!(
                        "in `{owner}`, field name `{}` {taken}; `{}` is named `{}`",
                        c.wanted, f.wire, c.given
                    ),
                );
            }
            fields.push(Field {
                name,
                wire_name: f.wire,
                ty: f.ty,
                required: f.required,
                read_only: f.read_only,
                secret: f.secret,
                redact: Redact::Nothing,
                boxed: false,
                docs: f.docs,
            });
        }
        StructDef { fields, additional }
    }

    pub(super) fn field(
        &mut self,
        wire: &str,
        prop: SRef<'_>,
        owner: &str,
        owner_wire: &str,
        file: &str,
        pointer: &str,
    ) -> RawField {
        let key = format!("{owner_wire}.{wire}");
        let (data, v) = match prop {
            SRef::Inline(s) => (Some(&s.schema_data), Some(view(s))),
            SRef::Ref(_) => (None, None),
        };
        let ext_secret = v
            .as_ref()
            .and_then(|v| v.ext("x-ms-secret"))
            .and_then(Value::as_bool)
            == Some(true);
        let setting_secret = self.settings.secrets.contains(&key);
        if setting_secret {
            self.secrets_used.insert(key.clone());
        }
        let client_name = v
            .as_ref()
            .and_then(|v| v.ext("x-ms-client-name"))
            .and_then(Value::as_str)
            .map(str::to_string);
        let rename = self.settings.renames.get(&key);
        let explicit = rename.is_some() || client_name.is_some();
        let wanted = match rename {
            Some(r) => r.clone(),
            None => sanitize(client_name.as_deref().unwrap_or(wire), Case::Value),
        };
        let ctx = format!("{owner}{}", sanitize(wire, Case::Type));
        let ty = self.type_ref(prop, &ctx, owner_wire, file, pointer);
        RawField {
            wire: wire.to_string(),
            wanted,
            ty,
            required: false,
            read_only: data.is_some_and(|d| d.read_only),
            secret: ext_secret || setting_secret,
            explicit,
            docs: data.and_then(docs),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use serde_json::json;

    use crate::lower::types::testing::{lower, try_lower_with};
    use crate::settings::Settings;

    #[test]
    fn secrets_come_from_x_ms_secret_and_the_settings() {
        let settings = Settings {
            secrets: vec!["Login.token".to_string()],
            ..Settings::default()
        };
        let l = try_lower_with(
            json!({
                "Login": {
                    "type": "object",
                    "properties": {
                        "password": { "type": "string", "x-ms-secret": true },
                        "token": { "type": "string" },
                        "user": { "type": "string", "x-ms-secret": false }
                    }
                }
            }),
            &settings,
        )
        .unwrap();
        assert!(l.field("Login", "password").secret);
        assert!(l.field("Login", "token").secret);
        assert!(!l.field("Login", "user").secret);
    }

    #[test]
    fn a_secret_setting_naming_no_property_is_an_error() {
        let settings = Settings {
            secrets: vec!["Login.pin".to_string()],
            ..Settings::default()
        };
        let err = try_lower_with(
            json!({ "Login": { "type": "object", "properties": { "user": { "type": "string" } } } }),
            &settings,
        )
        .err()
        .unwrap();
        assert!(
            err.to_string()
                .contains("secret `Login.pin` names no property"),
            "{err}"
        );
    }

    #[test]
    fn read_only_fields_are_marked_and_left_to_the_service() {
        let l = lower(json!({
            "Thing": {
                "type": "object",
                "properties": {
                    "id": { "type": "string", "readOnly": true, "description": "The id." },
                    "name": { "type": "string" }
                },
                "required": ["id", "name"]
            }
        }));
        let id = l.field("Thing", "id");
        assert!(id.read_only && id.required);
        assert!(!id.in_constructor(), "the service fills it in");
        assert_eq!(id.docs.as_deref(), Some("The id."));
        let name = l.field("Thing", "name");
        assert!(!name.read_only && name.in_constructor());
    }

    #[test]
    fn field_names_are_derived_chosen_and_kept_apart() {
        let l = lower(json!({
            "Thing": {
                "type": "object",
                "properties": {
                    "fooBar": { "type": "string" },
                    "foo_bar": { "type": "string" },
                    "type": { "type": "string" },
                    "x": { "type": "string", "x-ms-client-name": "Renamed" },
                    "additional_properties": { "type": "string" }
                },
                "additionalProperties": { "type": "integer" }
            }
        }));
        let name = |wire: &str| l.field("Thing", wire).name.clone();
        assert_eq!(
            name("foo_bar"),
            "foo_bar",
            "the verbatim wire name keeps it"
        );
        assert_eq!(name("fooBar"), "foo_bar2");
        assert_eq!(name("type"), "type_");
        assert_eq!(name("x"), "renamed");
        assert_eq!(name("additional_properties"), "additional_properties2");
        assert_eq!(
            l.messages(),
            [
                "in `Thing`, field name `additional_properties` is reserved for the map of additional properties; `additional_properties` is named `additional_properties2`",
                "in `Thing`, field name `foo_bar` is taken by `foo_bar`; `fooBar` is named `foo_bar2`",
            ]
        );
    }
}
