//! What a model's `Debug` prints for a property that may hold a secret (see
//! [`model!`](crate::model)): `<redacted>` for the value, or for a URL only its query.

use std::fmt;

/// How a property's value is shown by its model's `Debug`.
#[doc(hidden)]
pub struct Shown<'a, T: ?Sized>(pub &'a T);

/// A value hidden whole: `Some(<redacted>)` (or `None`), `<redacted>` when required.
#[doc(hidden)]
pub trait HideValue {
    fn hide(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

impl<T> HideValue for Option<T> {
    fn hide(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Some(_) => f.write_str("Some(<redacted>)"),
            None => f.write_str("None"),
        }
    }
}

/// Required values: always there, always hidden.
macro_rules! hide_whole {
    ($($ty:ty),*) => {$(
        impl HideValue for $ty {
            fn hide(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("<redacted>")
            }
        }
    )*};
}

hide_whole!(String, serde_json::Value);

impl<T> HideValue for Vec<T> {
    fn hide(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl<K, V> HideValue for std::collections::BTreeMap<K, V> {
    fn hide(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// A URL shown without its query and fragment (`https://host/path?<redacted>`): a SAS
/// signature or an access key there is a credential.
#[doc(hidden)]
pub trait HideQuery {
    fn hide_query(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

fn write_without_query(url: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    match url.find(['?', '#']) {
        Some(at) => write!(f, "{:?}", format!("{}?<redacted>", &url[..at])),
        None => write!(f, "{url:?}"),
    }
}

impl HideQuery for Option<String> {
    fn hide_query(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Some(url) => {
                f.write_str("Some(")?;
                write_without_query(url, f)?;
                f.write_str(")")
            }
            None => f.write_str("None"),
        }
    }
}

impl HideQuery for String {
    fn hide_query(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_without_query(self, f)
    }
}

/// `Debug` of a hidden value.
#[doc(hidden)]
pub struct Hidden<'a, T: ?Sized>(pub &'a T);

impl<T: HideValue + ?Sized> fmt::Debug for Hidden<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hide(f)
    }
}

/// `Debug` of a URL without its query.
#[doc(hidden)]
pub struct QueryHidden<'a, T: ?Sized>(pub &'a T);

impl<T: HideQuery + ?Sized> fmt::Debug for QueryHidden<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hide_query(f)
    }
}

impl<T: fmt::Debug + ?Sized> fmt::Debug for Shown<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hides_values_and_queries() {
        let password = Some("hunter2".to_string());
        assert_eq!(format!("{:?}", Hidden(&password)), "Some(<redacted>)");
        assert_eq!(format!("{:?}", Hidden(&None::<String>)), "None");
        let uri = Some("https://hooks.example/x?sig=abc&sv=1".to_string());
        assert_eq!(
            format!("{:?}", QueryHidden(&uri)),
            "Some(\"https://hooks.example/x?<redacted>\")"
        );
        let plain = "https://hooks.example/x".to_string();
        assert_eq!(
            format!("{:?}", QueryHidden(&plain)),
            "\"https://hooks.example/x\""
        );
    }
}
