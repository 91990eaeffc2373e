//! Whole response bodies with a wire format of their own ([`Wire`]).

use azure_core::error::ErrorKind;
use azure_core::{Error, Result};
use serde::de::DeserializeOwned;

/// The response format of a body with a wire format of its own (a date, bytes, or
/// collections of them; see [`crate::codec`]): `Response<T, Wire<F>>`'s
/// `into_model()` reads the JSON body as `F` says.
#[derive(Debug)]
pub struct Wire<F>(std::marker::PhantomData<F>);

impl<F: std::fmt::Debug> azure_core::http::Format for Wire<F> {
    fn deserialize<T: DeserializeOwned, S: AsRef<[u8]>>(body: S) -> Result<T> {
        serde_json::from_slice(body.as_ref()).map_err(|e| {
            Error::with_message(
                ErrorKind::DataConversion,
                format!("cannot read the body: {e}"),
            )
        })
    }
}

/// Reads a body as `F` says.
pub(crate) fn read_wire<F: crate::codec::Format<T>, T>(body: &[u8]) -> Result<T> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    F::read(&mut deserializer)
        .and_then(|value| deserializer.end().map(|()| value))
        .map_err(|e| {
            Error::with_message(
                ErrorKind::DataConversion,
                format!("cannot read the body: {e}"),
            )
        })
}

macro_rules! deserialize_with_wire {
    ($([$($generics:tt)*] $ty:ty),* $(,)?) => {$(
        impl<F: crate::codec::Format<$ty> + std::fmt::Debug, $($generics)*>
            azure_core::http::DeserializeWith<Wire<F>> for $ty
        {
            fn deserialize_with(body: azure_core::http::response::ResponseBody) -> Result<Self> {
                read_wire::<F, $ty>(&body)
            }
        }
    )*};
}

deserialize_with_wire!(
    [] time::OffsetDateTime,
    [] time::Date,
    [T] Vec<T>,
    [T] std::collections::BTreeMap<String, T>,
    [T] Option<T>,
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::{Base64, Rfc3339};

    #[test]
    fn reads_whole_bodies_in_their_wire_format() {
        let when: time::OffsetDateTime =
            read_wire::<Rfc3339, _>(br#""2024-05-06T07:08:09Z""#).unwrap();
        assert_eq!(when.unix_timestamp(), 1_714_979_289);
        let dates: Vec<time::OffsetDateTime> =
            read_wire::<Vec<Rfc3339>, _>(br#"["2024-05-06T07:08:09Z"]"#).unwrap();
        assert_eq!(dates, [when]);
        let bytes: Vec<u8> = read_wire::<Base64, _>(br#""aGk=""#).unwrap();
        assert_eq!(bytes, b"hi");
    }

    #[test]
    fn a_body_in_another_format_or_with_trailing_text_is_an_error() {
        let bad = read_wire::<Rfc3339, time::OffsetDateTime>(br#""yesterday""#).unwrap_err();
        assert!(matches!(bad.kind(), ErrorKind::DataConversion), "{bad}");
        assert!(read_wire::<Base64, Vec<u8>>(br#""aGk=" x"#).is_err());
    }
}
