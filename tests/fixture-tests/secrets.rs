//! x-ms-secret: values on the wire, never in Debug output.

use fixture_secrets::models::{GeneratedPassword, RegistryCredentials};
use fixture_secrets::runtime::{self, Secret};
use serde_json::json;

#[test]
fn secrets_are_redacted_in_debug_output() {
    let wire = json!({
        "username": "admin",
        "password": "hunter2",
        "scopeTokens": { "repository:app:pull": "tok-123" },
        "certificate": "AQIDBA=="
    });
    let creds: RegistryCredentials = serde_json::from_value(wire.clone()).unwrap();
    let debug = format!("{creds:?}");
    assert!(debug.contains("admin"), "{debug}");
    for secret in ["hunter2", "tok-123", "AQIDBA"] {
        assert!(!debug.contains(secret), "{secret} leaks: {debug}");
    }
    assert!(debug.contains("Secret(<redacted>)"), "{debug}");
    assert_eq!(creds.password.as_ref().unwrap().expose(), "hunter2");
    assert_eq!(
        creds.scope_tokens.as_ref().unwrap().expose()["repository:app:pull"],
        "tok-123"
    );
    // A secret keeps its wire format: base64 bytes.
    assert_eq!(creds.certificate.as_ref().unwrap().expose(), &[1, 2, 3, 4]);
    assert_eq!(serde_json::to_value(&creds).unwrap(), wire);
}

#[test]
fn constructors_take_secrets() {
    let creds = RegistryCredentials::new(Secret::new("s3cret".to_string()), "admin");
    assert_eq!(
        serde_json::to_value(&creds).unwrap(),
        json!({ "username": "admin", "password": "s3cret" })
    );
}

#[test]
fn a_read_only_secret_stays_out_of_requests() {
    let password: GeneratedPassword =
        serde_json::from_value(json!({ "name": "password1", "value": "generated" })).unwrap();
    assert!(!format!("{password:?}").contains("generated"));
    assert_eq!(
        password.value.as_ref().map(|v| v.expose().as_str()),
        Some("generated")
    );
    assert_eq!(
        runtime::to_request_value(&password).unwrap(),
        json!({ "name": "password1" })
    );
}
