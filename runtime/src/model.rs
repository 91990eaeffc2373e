//! [`model!`](crate::model): a struct and its JSON form.

use std::fmt;

use serde::{Deserialize, Deserializer};

/// A model: a struct and its JSON form, written once here so that each model is its
/// fields and their wire names, and so that the crate compiles fast (serde's derives
/// write several times this code for every struct, which the compiler then checks).
///
/// ```text
/// model! {
///     #[derive(Clone, Default, PartialEq)]
///     pub struct Name {
///         pub field: Type => (@hide | @hide_query)? mode "wireName" (as Format)?,
///         ..
///         (.. pub additional_properties: BTreeMap<String, T> (as Format)?,)?
///     }
/// }
/// ```
///
/// The model's `Debug` is written here too: every field as `derive(Debug)` shows it,
/// but a field marked `@hide` shows `Some(<redacted>)` for its value (a `String`,
/// `Option` or a map of them: it may hold a secret), and one marked `@hide_query` shows
/// its URL without the query (where SAS signatures and keys go).
///
/// Every field is an `Option`, left out when `None` (and `None` when missing or `null`:
/// a model reads what a service really sends, a required property left out included).
/// Modes: `opt`, optional; `req`, required by the spec (the model's `new` takes it; the
/// docs say so); `ro`, read-only: also left out of request bodies
/// ([`skip_read_only`](crate::skip_read_only)). `as Format` writes and
/// reads the value in a wire format of [`codec`](crate::codec). The properties after `..` take every
/// other key of the object. Keys are read as serde's derive reads them: a repeated
/// one is an error, unknown ones are ignored. A model without a catch-all map reads
/// through `deserialize_struct` with its wire names, so inside a user's
/// `#[serde(flatten)]` it takes its own keys only and leaves the others to the fields
/// beside it. (Names in the expansion that a model
/// could also have, such as generic parameters, start with `__`, which no model's does.)
#[macro_export]
macro_rules! model {
    (@skip opt, $value:expr) => { $crate::is_none($value) };
    (@skip ro, $value:expr) => { $crate::skip_read_only($value) };
    (@skip req, $value:expr) => { $crate::is_none($value) };
    (@write $map:ident, $key:expr, $value:expr) => {
        ::serde::ser::SerializeMap::serialize_entry(&mut $map, $key, $value)?
    };
    (@write $map:ident, $key:expr, $value:expr, $format:ty) => {
        ::serde::ser::SerializeMap::serialize_entry(
            &mut $map,
            $key,
            &$crate::codec::Ser::<$format, _>::new($value),
        )?
    };
    (@read $map:ident, $field:ident, $wire:literal $(, $format:ty)?) => {{
        if $field.is_some() {
            return ::std::result::Result::Err(::serde::de::Error::duplicate_field($wire));
        }
        $field = ::std::option::Option::Some($crate::model!(@value $map $(, $format)?));
    }};
    (@value $map:ident) => { ::serde::de::MapAccess::next_value(&mut $map)? };
    (@value $map:ident, $format:ty) => {
        ::serde::de::MapAccess::next_value::<$crate::codec::De<$format, _>>(&mut $map)?.0
    };
    (@other $map:ident, $key:ident) => {{
        ::serde::de::MapAccess::next_value::<::serde::de::IgnoredAny>(&mut $map)?;
    }};
    (@other $map:ident, $key:ident, $extra:ident $(, $format:ty)?) => {{
        let value = $crate::model!(@value $map $(, $format)?);
        $extra.insert($key.into_string(), value);
    }};
    (@finish $mode:ident, $field:ident, $wire:literal) => { ::std::option::Option::flatten($field) };
    // What a field's docs say of its wire form.
    (@wire_doc opt $wire:literal) => { ::std::concat!("JSON `", $wire, "`, optional.") };
    (@wire_doc req $wire:literal) => {
        ::std::concat!("JSON `", $wire, "`, required by the spec (`None` when a service leaves it out).")
    };
    (@wire_doc ro $wire:literal) => {
        ::std::concat!("JSON `", $wire, "`, read-only: the service sets it, and it is not sent in requests.")
    };
    // A model claims its own keys (inside a `#[serde(flatten)]`, the others are left to
    // the fields beside it); one with a catch-all map takes every key.
    (@entry $de:ident, $visitor:ident, $name:ident, [$($wire:literal),*]) => {
        ::serde::Deserializer::deserialize_struct($de, ::std::stringify!($name), &[$($wire),*], $visitor)
    };
    (@entry $de:ident, $visitor:ident, $name:ident, [$($wire:literal),*], $extra:ident) => {
        ::serde::Deserializer::deserialize_map($de, $visitor)
    };
    // The marked arms first: `hide &self.x` would also parse as one expression.
    (@debug hide $value:expr) => { &$crate::redact::Hidden($value) };
    (@debug hide_query $value:expr) => { &$crate::redact::QueryHidden($value) };
    (@debug $value:expr) => { &$crate::redact::Shown($value) };
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $($(#[$fmeta:meta])* pub $field:ident: $ty:ty => $(@$hide:ident)? $mode:ident $wire:literal $(as $format:ty)?,)*
            $(.. $(#[$emeta:meta])* pub $extra:ident: $ety:ty $(as $eformat:ty)?,)?
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $($(#[$fmeta])* #[doc = ""] #[doc = $crate::model!(@wire_doc $mode $wire)] pub $field: $ty,)*
            $($(#[$emeta])* pub $extra: $ety,)?
        }

        impl ::std::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                let mut __d = f.debug_struct(::std::stringify!($name));
                $(__d.field(::std::stringify!($field), $crate::model!(@debug $($hide)? &self.$field));)*
                $(__d.field(::std::stringify!($extra), &self.$extra);)?
                __d.finish()
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<__S: ::serde::Serializer>(&self, serializer: __S) -> ::std::result::Result<__S::Ok, __S::Error> {
                #[allow(unused_mut)]
                let mut map = serializer.serialize_map(::std::option::Option::None)?;
                $(if !$crate::model!(@skip $mode, &self.$field) {
                    $crate::model!(@write map, $wire, &self.$field $(, $format)?);
                })*
                $(for (key, value) in &self.$extra {
                    $crate::model!(@write map, key, value $(, $eformat)?);
                })?
                ::serde::ser::SerializeMap::end(map)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<__D: ::serde::Deserializer<'de>>(deserializer: __D) -> ::std::result::Result<Self, __D::Error> {
                struct __Visitor;
                impl<'de> ::serde::de::Visitor<'de> for __Visitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(::std::concat!("struct ", ::std::stringify!($name)))
                    }
                    fn visit_map<__A: ::serde::de::MapAccess<'de>>(self, mut map: __A) -> ::std::result::Result<$name, __A::Error> {
                        $(let mut $field: ::std::option::Option<$ty> = ::std::option::Option::None;)*
                        $(let mut $extra: $ety = ::std::default::Default::default();)?
                        while let ::std::option::Option::Some(key) =
                            ::serde::de::MapAccess::next_key::<$crate::Key<'de>>(&mut map)?
                        {
                            match key.as_str() {
                                $($wire => $crate::model!(@read map, $field, $wire $(, $format)?),)*
                                _ => $crate::model!(@other map, key $(, $extra $(, $eformat)?)?),
                            }
                        }
                        ::std::result::Result::Ok($name {
                            $($field: $crate::model!(@finish $mode, $field, $wire),)*
                            $($extra,)?
                        })
                    }
                }
                $crate::model!(@entry deserializer, __Visitor, $name, [$($wire),*] $(, $extra)?)
            }
        }
    };
}

/// A JSON object's key, as [`model!`] reads it: borrowed from the input where it can be.
#[doc(hidden)]
pub enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    pub fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(s) => s,
            Key::Owned(s) => s,
        }
    }

    pub fn into_string(self) -> String {
        match self {
            Key::Borrowed(s) => s.to_string(),
            Key::Owned(s) => s,
        }
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a property name")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key::Borrowed(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key::Owned(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key::Owned(v))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde_json::json;

    crate::model! {
        #[derive(Clone, Default, PartialEq)]
        pub struct Thing {
            pub name: Option<String> => req "name",
            pub size: Option<i32> => opt "size",
            pub state: Option<String> => ro "provisioningState",
            pub password: Option<String> => @hide opt "password",
            pub callback: Option<String> => @hide_query opt "serviceUri",
            pub created: Option<time::OffsetDateTime> => opt "created" as Option<crate::codec::Rfc3339>,
            .. pub additional_properties: BTreeMap<String, serde_json::Value>,
        }
    }

    #[test]
    fn writes_the_wire_names_and_leaves_out_what_is_none() {
        let thing = Thing {
            name: Some("a".into()),
            size: Some(3),
            additional_properties: [("extra".to_string(), json!(true))].into(),
            ..Thing::default()
        };
        let value = serde_json::to_value(&thing).unwrap();
        assert_eq!(value, json!({"name": "a", "size": 3, "extra": true}));
    }

    #[test]
    fn reads_what_it_writes_and_keeps_unknown_keys() {
        let body = json!({
            "name": "a",
            "size": null,
            "provisioningState": "Succeeded",
            "created": "2024-01-02T03:04:05Z",
            "other": {"x": 1}
        });
        let thing: Thing = serde_json::from_value(body).unwrap();
        assert_eq!(thing.name.as_deref(), Some("a"));
        assert_eq!(thing.size, None, "null reads as None");
        assert_eq!(thing.state.as_deref(), Some("Succeeded"));
        assert_eq!(thing.created.map(|t| t.year()), Some(2024));
        assert_eq!(thing.additional_properties["other"], json!({"x": 1}));
        let back = serde_json::to_value(&thing).unwrap();
        assert_eq!(back["created"], json!("2024-01-02T03:04:05Z"));
    }

    #[test]
    fn a_missing_required_key_is_none_and_a_repeated_key_an_error() {
        let missing = serde_json::from_str::<Thing>(r#"{"size": 1}"#).unwrap();
        assert_eq!((missing.name, missing.size), (None, Some(1)));
        let repeated = serde_json::from_str::<Thing>(r#"{"name": "a", "name": "b"}"#).unwrap_err();
        assert!(
            repeated.to_string().contains("duplicate field `name`"),
            "{repeated}"
        );
        // `None` is left out, whatever the mode.
        assert_eq!(serde_json::to_value(Thing::default()).unwrap(), json!({}));
    }

    crate::model! {
        #[derive(Clone, Default, PartialEq)]
        pub struct Plain {
            pub name: Option<String> => opt "name",
            pub size: Option<i32> => opt "size",
        }
    }

    /// A user's struct: a model and, beside it, every other key.
    #[derive(serde::Deserialize, serde::Serialize)]
    struct Mine {
        #[serde(flatten)]
        plain: Plain,
        #[serde(flatten)]
        rest: BTreeMap<String, serde_json::Value>,
    }

    #[test]
    fn flattened_into_a_users_struct_it_takes_only_its_own_keys() {
        let wire = json!({"name": "a", "size": 1, "extra": true});
        let mine: Mine = serde_json::from_value(wire.clone()).unwrap();
        assert_eq!(mine.plain.name.as_deref(), Some("a"));
        assert_eq!(mine.rest, [("extra".to_string(), json!(true))].into());
        assert_eq!(serde_json::to_value(&mine).unwrap(), wire);
        // Not a JSON array, as serde's derive would also read.
        assert!(serde_json::from_str::<Plain>(r#"["a", 1]"#).is_err());
    }

    #[test]
    fn debug_hides_the_marked_fields() {
        let thing = Thing {
            name: Some("a".into()),
            password: Some("hunter2".into()),
            callback: Some("https://hooks.example/x?sig=abc".into()),
            ..Thing::default()
        };
        let shown = format!("{thing:?}");
        assert!(shown.contains("name: Some(\"a\")"), "{shown}");
        assert!(
            !shown.contains("hunter2") && !shown.contains("sig=abc"),
            "{shown}"
        );
        assert!(
            shown.contains("hooks.example"),
            "the URL without its query: {shown}"
        );
    }
}
