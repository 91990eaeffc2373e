//! Support code shared by the generated models: secrets, read-only
//! properties, wire formats and ISO 8601 durations.
//!
//! # Read-only properties
//!
//! Properties the spec marks `readOnly` are set by the service. They are
//! always `Option`s, are deserialized like any other field, and are kept when
//! a model is serialized for any other use (printing a response as JSON shows
//! every field, e.g. a generated password's `value`). They are left out only
//! of request bodies: [`to_request_body`] serializes with a thread-local flag
//! set, and every read-only field (a [`model!`] field of mode `ro`) consults
//! [`skip_read_only`], which skips while the flag is set. Serialization is
//! synchronous, so the flag can never leak into another serialization.
//!
//! # Secrets
//!
//! Properties marked `x-ms-secret` (and those the generator's settings name)
//! are held in [`Secret`], whose `Debug` prints a redaction marker instead of
//! the value. Serialization is unchanged: the value is on the wire, and in
//! JSON output a program asks for.

use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

thread_local! {
    static IN_REQUEST_BODY: Cell<bool> = const { Cell::new(false) };
}

/// Resets the request-body flag even if serialization panics.
struct RequestBodyGuard(bool);

impl RequestBodyGuard {
    /// Sets the flag until the guard drops.
    fn set() -> Self {
        RequestBodyGuard(IN_REQUEST_BODY.with(|f| f.replace(true)))
    }
}

impl Drop for RequestBodyGuard {
    fn drop(&mut self) {
        IN_REQUEST_BODY.with(|f| f.set(self.0));
    }
}

/// Serializes `value` as a JSON request body: read-only properties are left out.
pub fn to_request_body<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<Vec<u8>> {
    let _guard = RequestBodyGuard::set();
    serde_json::to_vec(value)
}

/// Like [`to_request_body`], as a `serde_json::Value`.
pub fn to_request_value<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<serde_json::Value> {
    let _guard = RequestBodyGuard::set();
    serde_json::to_value(value)
}

/// `skip_serializing_if` of optional fields: absent values.
pub fn is_none<T>(value: &Option<T>) -> bool {
    value.is_none()
}

/// `skip_serializing_if` of read-only fields: absent values, and any value in a request body.
pub fn skip_read_only<T>(value: &Option<T>) -> bool {
    value.is_none() || IN_REQUEST_BODY.with(Cell::get)
}

/// A value that must not show up in logs: `Debug` prints `Secret(<redacted>)`.
#[derive(Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret<T = String>(T);

impl<T> Secret<T> {
    pub fn new(value: T) -> Self {
        Secret(value)
    }

    /// The secret value itself.
    pub fn expose(&self) -> &T {
        &self.0
    }

    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> From<T> for Secret<T> {
    fn from(value: T) -> Self {
        Secret(value)
    }
}

impl From<&str> for Secret<String> {
    fn from(value: &str) -> Self {
        Secret(value.to_string())
    }
}

impl<T> fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

/// The error of `FromStr` on a closed enum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseEnumError {
    pub type_name: &'static str,
    pub value: String,
}

impl fmt::Display for ParseEnumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a value of {}", self.value, self.type_name)
    }
}

impl std::error::Error for ParseEnumError {}

/// A model: a struct and its JSON form, written once here so that each model is its
/// fields and their wire names, and so that the crate compiles fast (serde's derives
/// write several times this code for every struct, which the compiler then checks).
///
/// ```text
/// model! {
///     #[derive(Clone, Debug, Default, PartialEq)]
///     pub struct Name {
///         pub field: Type => mode "wireName" (as Format)?,
///         ..
///         (.. pub additional_properties: BTreeMap<String, T> (as Format)?,)?
///     }
/// }
/// ```
///
/// Modes: `opt`, an `Option` left out when `None` (and `None` when missing or `null`);
/// `ro`, the same, read-only: also left out of request bodies ([`skip_read_only`]);
/// `req`, required: always written, and an error when missing. `as Format` writes and
/// reads the value in a wire format of [`codec`]. The properties after `..` take every
/// other key of the object. Keys are read as serde's derive reads them: a repeated
/// one is an error, unknown ones are ignored. (Names in the expansion that a model
/// could also have, such as generic parameters, start with `__`, which no model's does.)
#[allow(unused_macros)] // a spec may have no structs
macro_rules! model {
    (@skip opt, $value:expr) => { $crate::runtime::is_none($value) };
    (@skip ro, $value:expr) => { $crate::runtime::skip_read_only($value) };
    (@skip req, $value:expr) => { false };
    (@write $map:ident, $key:expr, $value:expr) => {
        ::serde::ser::SerializeMap::serialize_entry(&mut $map, $key, $value)?
    };
    (@write $map:ident, $key:expr, $value:expr, $format:ty) => {
        ::serde::ser::SerializeMap::serialize_entry(
            &mut $map,
            $key,
            &$crate::runtime::codec::Ser::<$format, _>::new($value),
        )?
    };
    (@read $map:ident, $field:ident, $wire:literal $(, $format:ty)?) => {{
        if $field.is_some() {
            return ::std::result::Result::Err(::serde::de::Error::duplicate_field($wire));
        }
        $field = ::std::option::Option::Some($crate::runtime::model!(@value $map $(, $format)?));
    }};
    (@value $map:ident) => { ::serde::de::MapAccess::next_value(&mut $map)? };
    (@value $map:ident, $format:ty) => {
        ::serde::de::MapAccess::next_value::<$crate::runtime::codec::De<$format, _>>(&mut $map)?.0
    };
    (@other $map:ident, $key:ident) => {{
        ::serde::de::MapAccess::next_value::<::serde::de::IgnoredAny>(&mut $map)?;
    }};
    (@other $map:ident, $key:ident, $extra:ident $(, $format:ty)?) => {{
        let value = $crate::runtime::model!(@value $map $(, $format)?);
        $extra.insert($key.into_string(), value);
    }};
    (@finish req, $field:ident, $wire:literal) => {
        match $field {
            ::std::option::Option::Some(value) => value,
            ::std::option::Option::None => {
                return ::std::result::Result::Err(::serde::de::Error::missing_field($wire))
            }
        }
    };
    (@finish $mode:ident, $field:ident, $wire:literal) => { ::std::option::Option::flatten($field) };
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $($(#[$fmeta:meta])* pub $field:ident: $ty:ty => $mode:ident $wire:literal $(as $format:ty)?,)*
            $(.. $(#[$emeta:meta])* pub $extra:ident: $ety:ty $(as $eformat:ty)?,)?
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $($(#[$fmeta])* pub $field: $ty,)*
            $($(#[$emeta])* pub $extra: $ety,)?
        }

        impl ::serde::Serialize for $name {
            fn serialize<__S: ::serde::Serializer>(&self, serializer: __S) -> ::std::result::Result<__S::Ok, __S::Error> {
                #[allow(unused_mut)]
                let mut map = serializer.serialize_map(::std::option::Option::None)?;
                $(if !$crate::runtime::model!(@skip $mode, &self.$field) {
                    $crate::runtime::model!(@write map, $wire, &self.$field $(, $format)?);
                })*
                $(for (key, value) in &self.$extra {
                    $crate::runtime::model!(@write map, key, value $(, $eformat)?);
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
                            ::serde::de::MapAccess::next_key::<$crate::runtime::Key<'de>>(&mut map)?
                        {
                            match key.as_str() {
                                $($wire => $crate::runtime::model!(@read map, $field, $wire $(, $format)?),)*
                                _ => $crate::runtime::model!(@other map, key $(, $extra $(, $eformat)?)?),
                            }
                        }
                        ::std::result::Result::Ok($name {
                            $($field: $crate::runtime::model!(@finish $mode, $field, $wire),)*
                            $($extra,)?
                        })
                    }
                }
                deserializer.deserialize_map(__Visitor)
            }
        }
    };
}
#[allow(unused_imports)] // a spec may have no structs
pub(crate) use model;

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

/// An enum whose values the service may add to (`x-ms-enum` `modelAsString`): the
/// known values, and `UnknownValue` keeping any other as sent. Written once here so
/// that each model enum is a few lines: `extensible_enum! { Name { Variant = "value", } }`.
/// (`from_str` names its error type outright: `Self::Err` would be ambiguous in an
/// enum with a variant `Err`.)
#[allow(unused_macros)] // a spec may have no such enum
macro_rules! extensible_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $value:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
            /// A value this version of the crate does not know, kept as sent.
            UnknownValue(::std::string::String),
        }

        impl $name {
            /// The wire value.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $value,)*
                    Self::UnknownValue(value) => value.as_str(),
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> ::std::result::Result<Self, ::std::convert::Infallible> {
                ::std::result::Result::Ok(match value {
                    $($value => Self::$variant,)*
                    other => Self::UnknownValue(::std::string::ToString::to_string(other)),
                })
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::std::string::String as ::serde::Deserialize>::deserialize(deserializer)?;
                let ::std::result::Result::Ok(parsed) = value.parse::<Self>();
                ::std::result::Result::Ok(parsed)
            }
        }
    };
}
#[allow(unused_imports)] // a spec may have no such enum
pub(crate) use extensible_enum;

/// An enum of a fixed set of values (`x-ms-enum` `modelAsString: false`): another
/// value is an error. `closed_enum! { Name { Variant = "value", } }`.
#[allow(unused_macros)] // a spec may have no such enum
macro_rules! closed_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $value:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, ::serde::Serialize, ::serde::Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $value)] $variant,)*
        }

        impl $name {
            /// The wire value.
            pub fn as_str(&self) -> &'static str {
                match self {
                    $(Self::$variant => $value,)*
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::runtime::ParseEnumError;
            fn from_str(value: &str) -> ::std::result::Result<Self, $crate::runtime::ParseEnumError> {
                match value {
                    $($value => ::std::result::Result::Ok(Self::$variant),)*
                    other => ::std::result::Result::Err($crate::runtime::ParseEnumError {
                        type_name: ::std::stringify!($name),
                        value: ::std::string::ToString::to_string(other),
                    }),
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
#[allow(unused_imports)] // a spec may have no such enum
pub(crate) use closed_enum;

/// An ISO 8601 duration (`P[n]Y[n]M[n]W[n]DT[n]H[n]M[n]S`), as the service sends it.
///
/// Years and months have no fixed length, so the components are kept as they
/// are; [`Duration::to_std`] converts when the duration has none.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Duration {
    pub negative: bool,
    pub years: u64,
    pub months: u64,
    pub weeks: u64,
    pub days: u64,
    pub hours: u64,
    pub minutes: u64,
    pub seconds: f64,
}

impl Duration {
    /// A duration of whole seconds, split into days, hours, minutes and seconds.
    pub fn from_secs(secs: u64) -> Self {
        Duration {
            days: secs / 86_400,
            hours: secs % 86_400 / 3_600,
            minutes: secs % 3_600 / 60,
            seconds: (secs % 60) as f64,
            ..Duration::default()
        }
    }

    /// The length, if it has no years or months and is not negative.
    pub fn to_std(&self) -> Option<std::time::Duration> {
        if self.years != 0 || self.months != 0 || self.negative {
            return None;
        }
        let whole = ((self.weeks * 7 + self.days) * 24 + self.hours) * 3_600 + self.minutes * 60;
        std::time::Duration::try_from_secs_f64(whole as f64 + self.seconds).ok()
    }
}

/// A malformed ISO 8601 duration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseDurationError(pub String);

impl fmt::Display for ParseDurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not an ISO 8601 duration", self.0)
    }
}

impl std::error::Error for ParseDurationError {}

impl std::str::FromStr for Duration {
    type Err = ParseDurationError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ParseDurationError(s.to_string());
        let (negative, rest) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s.strip_prefix('+').unwrap_or(s)),
        };
        let rest = rest.strip_prefix(['P', 'p']).ok_or_else(err)?;
        let mut d = Duration {
            negative,
            ..Duration::default()
        };
        let mut in_time = false;
        let mut number = String::new();
        let mut any = false;
        for c in rest.chars() {
            match c.to_ascii_uppercase() {
                'T' if !in_time && number.is_empty() => in_time = true,
                c if c.is_ascii_digit() || c == '.' || c == ',' => {
                    number.push(if c == ',' { '.' } else { c })
                }
                unit => {
                    if number.is_empty() {
                        return Err(err());
                    }
                    let whole = || number.parse::<u64>().map_err(|_| err());
                    match (in_time, unit) {
                        (false, 'Y') => d.years = whole()?,
                        (false, 'M') => d.months = whole()?,
                        (false, 'W') => d.weeks = whole()?,
                        (false, 'D') => d.days = whole()?,
                        (true, 'H') => d.hours = whole()?,
                        (true, 'M') => d.minutes = whole()?,
                        (true, 'S') => d.seconds = number.parse::<f64>().map_err(|_| err())?,
                        _ => return Err(err()),
                    }
                    number.clear();
                    any = true;
                }
            }
        }
        if !number.is_empty() || !any {
            return Err(err());
        }
        Ok(d)
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negative {
            f.write_str("-")?;
        }
        f.write_str("P")?;
        for (n, unit) in [
            (self.years, 'Y'),
            (self.months, 'M'),
            (self.weeks, 'W'),
            (self.days, 'D'),
        ] {
            if n != 0 {
                write!(f, "{n}{unit}")?;
            }
        }
        let date_empty = self.years == 0 && self.months == 0 && self.weeks == 0 && self.days == 0;
        if self.hours != 0 || self.minutes != 0 || self.seconds != 0.0 || date_empty {
            f.write_str("T")?;
            if self.hours != 0 {
                write!(f, "{}H", self.hours)?;
            }
            if self.minutes != 0 {
                write!(f, "{}M", self.minutes)?;
            }
            if self.seconds != 0.0 || (self.hours == 0 && self.minutes == 0) {
                write!(f, "{}S", self.seconds)?;
            }
        }
        Ok(())
    }
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Wire formats for values whose serde default is not the spec's format.
///
/// A field uses `#[serde(with = "Codec::<F>")]`, where the format `F` mirrors
/// the field's shape: `Option<Rfc3339>` for an `Option<OffsetDateTime>`,
/// `Vec<Base64>` for a `Vec<Vec<u8>>`, and so on, to any depth.
pub mod codec {
    use super::*;
    use std::collections::BTreeMap;
    use time::format_description::well_known::Rfc3339 as Rfc3339Format;
    use time::OffsetDateTime;

    /// How one Rust type is written on the wire.
    pub trait Format<T> {
        fn write<S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error>;
        fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error>;
    }

    /// The `with` target: `Codec::<F>::serialize` / `deserialize`.
    pub struct Codec<F>(PhantomData<F>);

    impl<F> Codec<F> {
        pub fn serialize<T, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error>
        where
            F: Format<T>,
        {
            F::write(value, serializer)
        }

        pub fn deserialize<'de, T, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error>
        where
            F: Format<T>,
        {
            F::read(deserializer)
        }
    }

    /// A value written in format `F` (a request body of a date, bytes, or collections
    /// of them: `Ser::<Rfc3339, _>::new(&when)`).
    pub struct Ser<'a, F, T>(&'a T, PhantomData<F>);

    impl<'a, F, T> Ser<'a, F, T> {
        pub fn new(value: &'a T) -> Self {
            Ser(value, PhantomData)
        }
    }

    impl<F: Format<T>, T> Serialize for Ser<'_, F, T> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            F::write(self.0, serializer)
        }
    }

    /// A value read in format `F` (`.0`).
    pub struct De<F, T>(pub T, PhantomData<F>);

    impl<'de, F: Format<T>, T> Deserialize<'de> for De<F, T> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            F::read(deserializer).map(|v| De(v, PhantomData))
        }
    }

    impl<F: Format<T>, T> Format<Option<T>> for Option<F> {
        fn write<S: Serializer>(value: &Option<T>, serializer: S) -> Result<S::Ok, S::Error> {
            match value {
                Some(v) => serializer.serialize_some(&Ser::<F, T>(v, PhantomData)),
                None => serializer.serialize_none(),
            }
        }
        fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
            Ok(Option::<De<F, T>>::deserialize(deserializer)?.map(|d| d.0))
        }
    }

    impl<F: Format<T>, T> Format<Vec<T>> for Vec<F> {
        fn write<S: Serializer>(value: &Vec<T>, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(value.iter().map(|v| Ser::<F, T>(v, PhantomData)))
        }
        fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
            Ok(Vec::<De<F, T>>::deserialize(deserializer)?
                .into_iter()
                .map(|d| d.0)
                .collect())
        }
    }

    impl<F: Format<T>, T> Format<BTreeMap<String, T>> for BTreeMap<String, F> {
        fn write<S: Serializer>(
            value: &BTreeMap<String, T>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            serializer.collect_map(value.iter().map(|(k, v)| (k, Ser::<F, T>(v, PhantomData))))
        }
        fn read<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<BTreeMap<String, T>, D::Error> {
            Ok(BTreeMap::<String, De<F, T>>::deserialize(deserializer)?
                .into_iter()
                .map(|(k, d)| (k, d.0))
                .collect())
        }
    }

    /// A secret keeps its value's wire format: `Secret<Base64>` for a `Secret<Vec<u8>>`.
    impl<F: Format<T>, T> Format<Secret<T>> for Secret<F> {
        fn write<S: Serializer>(value: &Secret<T>, serializer: S) -> Result<S::Ok, S::Error> {
            F::write(&value.0, serializer)
        }
        fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Secret<T>, D::Error> {
            F::read(deserializer).map(Secret)
        }
    }

    /// `date-time`: RFC 3339. Reading is lenient the way Azure services need:
    /// a missing offset means UTC, and digits past nanoseconds are dropped.
    #[derive(Debug)]
    pub struct Rfc3339;

    /// Parses an RFC 3339 date-time leniently (see [`Rfc3339`]).
    pub fn parse_rfc3339(s: &str) -> Option<OffsetDateTime> {
        if let Ok(t) = OffsetDateTime::parse(s, &Rfc3339Format) {
            return Some(t);
        }
        let (main, offset) = split_offset(s);
        let main = match main.find('.') {
            Some(dot) => {
                let digits: String = main[dot + 1..].chars().take(9).collect();
                format!("{}.{}", &main[..dot], digits)
            }
            None => main.to_string(),
        };
        let offset = if offset.is_empty() { "Z" } else { offset };
        OffsetDateTime::parse(&format!("{main}{offset}"), &Rfc3339Format).ok()
    }

    /// Splits `2020-01-01T00:00:00.5+01:00` into the date-time and its offset (`""` if none).
    fn split_offset(s: &str) -> (&str, &str) {
        if let Some(stripped) = s.strip_suffix(['Z', 'z']) {
            return (stripped, "Z");
        }
        let time_start = s.find(['T', 't', ' ']).map_or(0, |i| i + 1);
        match s[time_start..].rfind(['+', '-']) {
            Some(i) => s.split_at(time_start + i),
            None => (s, ""),
        }
    }

    impl Format<OffsetDateTime> for Rfc3339 {
        fn write<S: Serializer>(value: &OffsetDateTime, serializer: S) -> Result<S::Ok, S::Error> {
            let text = value
                .format(&Rfc3339Format)
                .map_err(serde::ser::Error::custom)?;
            serializer.serialize_str(&text)
        }
        fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<OffsetDateTime, D::Error> {
            let s = String::deserialize(deserializer)?;
            parse_rfc3339(&s).ok_or_else(|| {
                serde::de::Error::custom(format!("`{s}` is not an RFC 3339 date-time"))
            })
        }
    }

    /// `date-time-rfc1123`: `Sun, 06 Nov 1994 08:49:37 GMT`.
    #[derive(Debug)]
    pub struct Rfc1123;

    const RFC1123: &[time::format_description::BorrowedFormatItem<'static>] = time::macros::format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );

    /// `value` as an RFC 1123 date (in UTC).
    pub fn format_rfc1123(value: &OffsetDateTime) -> Result<String, time::error::Format> {
        value.to_offset(time::UtcOffset::UTC).format(RFC1123)
    }

    impl Format<OffsetDateTime> for Rfc1123 {
        fn write<S: Serializer>(value: &OffsetDateTime, serializer: S) -> Result<S::Ok, S::Error> {
            let utc = value.to_offset(time::UtcOffset::UTC);
            serializer.serialize_str(&utc.format(RFC1123).map_err(serde::ser::Error::custom)?)
        }
        fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<OffsetDateTime, D::Error> {
            let s = String::deserialize(deserializer)?;
            // Names in any case (`fri, 31 dec 9999 23:59:59 gmt`), as HTTP dates are read.
            let normalized: Vec<String> = s
                .split(' ')
                .map(|word| match word.char_indices().nth(1) {
                    Some(_) if word.eq_ignore_ascii_case("gmt") => "GMT".to_string(),
                    Some((i, _)) if word.starts_with(|c: char| c.is_ascii_alphabetic()) => {
                        format!(
                            "{}{}",
                            word[..i].to_ascii_uppercase(),
                            word[i..].to_ascii_lowercase()
                        )
                    }
                    _ => word.to_string(),
                })
                .collect();
            time::PrimitiveDateTime::parse(&normalized.join(" "), RFC1123)
                .map(|t| t.assume_utc())
                .map_err(|_| {
                    serde::de::Error::custom(format!("`{s}` is not an RFC 1123 date-time"))
                })
        }
    }

    /// `unixtime`: whole seconds since the epoch.
    #[derive(Debug)]
    pub struct UnixTime;

    impl Format<OffsetDateTime> for UnixTime {
        fn write<S: Serializer>(value: &OffsetDateTime, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_i64(value.unix_timestamp())
        }
        fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<OffsetDateTime, D::Error> {
            let secs = i64::deserialize(deserializer)?;
            OffsetDateTime::from_unix_timestamp(secs).map_err(serde::de::Error::custom)
        }
    }

    /// `date`: `YYYY-MM-DD`.
    #[derive(Debug)]
    pub struct Date;

    const DATE: &[time::format_description::BorrowedFormatItem<'static>] =
        time::macros::format_description!("[year]-[month]-[day]");

    impl Format<time::Date> for Date {
        fn write<S: Serializer>(value: &time::Date, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(&value.format(DATE).map_err(serde::ser::Error::custom)?)
        }
        fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<time::Date, D::Error> {
            let s = String::deserialize(deserializer)?;
            time::Date::parse(&s, DATE)
                .map_err(|_| serde::de::Error::custom(format!("`{s}` is not a date")))
        }
    }

    /// `byte`: base64 (standard alphabet written; URL-safe and unpadded also read).
    #[derive(Debug)]
    pub struct Base64;

    impl Format<Vec<u8>> for Base64 {
        fn write<S: Serializer>(value: &Vec<u8>, serializer: S) -> Result<S::Ok, S::Error> {
            use base64::Engine as _;
            serializer.serialize_str(&base64::engine::general_purpose::STANDARD.encode(value))
        }
        fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
            use base64::engine::general_purpose::{
                STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD,
            };
            use base64::Engine as _;
            let s = String::deserialize(deserializer)?;
            [STANDARD, URL_SAFE, STANDARD_NO_PAD, URL_SAFE_NO_PAD]
                .iter()
                .find_map(|engine| engine.decode(&s).ok())
                .ok_or_else(|| serde::de::Error::custom("invalid base64"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Model {
        #[serde(skip_serializing_if = "skip_read_only")]
        id: Option<String>,
        name: String,
    }

    #[test]
    fn read_only_fields_stay_out_of_request_bodies_only() {
        let m = Model {
            id: Some("x".into()),
            name: "n".into(),
        };
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"id":"x","name":"n"}"#
        );
        assert_eq!(to_request_body(&m).unwrap(), br#"{"name":"n"}"#);
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"id":"x","name":"n"}"#
        );
    }

    #[test]
    fn secrets_are_redacted_in_debug() {
        let s = Secret::new("hunter2".to_string());
        assert_eq!(format!("{s:?}"), "Secret(<redacted>)");
        assert_eq!(serde_json::to_string(&s).unwrap(), r#""hunter2""#);
    }

    #[test]
    fn secrets_keep_their_wire_format() {
        #[derive(Serialize, Deserialize)]
        struct Model {
            #[serde(with = "codec::Codec::<Secret<codec::Base64>>")]
            key: Secret<Vec<u8>>,
        }
        let m: Model = serde_json::from_str(r#"{"key":"AQID"}"#).unwrap();
        assert_eq!(m.key.expose(), &[1, 2, 3]);
        assert_eq!(serde_json::to_string(&m).unwrap(), r#"{"key":"AQID"}"#);
    }

    #[test]
    fn durations_round_trip() {
        for text in ["P30D", "PT3H", "P1Y2M3DT4H5M6.5S", "PT0S", "P2W", "-PT1M"] {
            let d: Duration = text.parse().unwrap();
            assert_eq!(d.to_string(), text);
        }
        assert_eq!(
            "PT1H30M".parse::<Duration>().unwrap().to_std(),
            Some(std::time::Duration::from_secs(5400))
        );
        for bad in ["", "P", "30D", "PT", "P1H", "PTXS"] {
            assert!(bad.parse::<Duration>().is_err(), "{bad}");
        }
    }

    #[test]
    fn lenient_date_times() {
        let t = codec::parse_rfc3339("2021-06-15T21:38:26.1537861Z").unwrap();
        assert_eq!(t.nanosecond(), 153_786_100);
        let no_offset = codec::parse_rfc3339("2019-04-01T00:00:00").unwrap();
        assert_eq!(no_offset.offset(), time::UtcOffset::UTC);
        let long = codec::parse_rfc3339("2019-04-01T00:00:00.12345678912+01:00").unwrap();
        assert_eq!(long.nanosecond(), 123_456_789);
        assert!(codec::parse_rfc3339("yesterday").is_none());
    }
}
