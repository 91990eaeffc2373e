//! Wire formats for values whose serde default is not the spec's format.
//!
//! A field uses `#[serde(with = "Codec::<F>")]`, where the format `F` mirrors
//! the field's shape: `Option<Rfc3339>` for an `Option<OffsetDateTime>`,
//! `Vec<Base64>` for a `Vec<Vec<u8>>`, and so on, to any depth.

use std::marker::PhantomData;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Secret;
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
    fn write<S: Serializer>(value: &BTreeMap<String, T>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(value.iter().map(|(k, v)| (k, Ser::<F, T>(v, PhantomData))))
    }
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<BTreeMap<String, T>, D::Error> {
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
        parse_rfc3339(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("`{s}` is not an RFC 3339 date-time")))
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
            .map_err(|_| serde::de::Error::custom(format!("`{s}` is not an RFC 1123 date-time")))
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

#[cfg(test)]
mod tests {

    #[test]
    fn lenient_date_times() {
        let t = crate::codec::parse_rfc3339("2021-06-15T21:38:26.1537861Z").unwrap();
        assert_eq!(t.nanosecond(), 153_786_100);
        let no_offset = crate::codec::parse_rfc3339("2019-04-01T00:00:00").unwrap();
        assert_eq!(no_offset.offset(), time::UtcOffset::UTC);
        let long = crate::codec::parse_rfc3339("2019-04-01T00:00:00.12345678912+01:00").unwrap();
        assert_eq!(long.nanosecond(), 123_456_789);
        assert!(crate::codec::parse_rfc3339("yesterday").is_none());
    }
}
