//! Request bodies: read-only properties left out (see the crate docs).

use std::cell::Cell;

use serde::Serialize;

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
}
