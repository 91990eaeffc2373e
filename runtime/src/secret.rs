//! [`Secret`]: a value whose `Debug` is redacted.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A value that must not show up in logs: `Debug` prints `Secret(<redacted>)`.
#[derive(Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret<T = String>(pub(crate) T);

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec;
    use serde::{Deserialize, Serialize};

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
}
