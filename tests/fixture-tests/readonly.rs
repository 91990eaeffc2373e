//! Read-only properties: deserialized and serialized, but never in a request body.

use fixture_readonly::models::{Registry, SystemData};
use fixture_readonly::runtime;
use serde_json::json;

fn response() -> serde_json::Value {
    json!({
        "id": "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/r1",
        "location": "westus",
        "provisioningState": "Succeeded",
        "creationDate": "2024-01-02T03:04:05Z",
        "systemData": { "createdBy": "alice", "lastModifiedAt": "2024-01-02T03:04:05Z" },
        "adminUserEnabled": true
    })
}

#[test]
fn read_only_properties_are_read_and_written() {
    let registry: Registry = serde_json::from_value(response()).unwrap();
    assert_eq!(registry.provisioning_state.as_deref(), Some("Succeeded"));
    assert_eq!(
        registry.creation_date.map(|t| t.unix_timestamp()),
        Some(1_704_164_645)
    );
    let system = registry.system_data.clone().unwrap();
    assert_eq!(system.created_by.as_deref(), Some("alice"));
    assert_eq!(serde_json::to_value(&registry).unwrap(), response());
}

#[test]
fn request_bodies_leave_read_only_properties_out() {
    let registry: Registry = serde_json::from_value(response()).unwrap();
    let request = json!({ "location": "westus", "adminUserEnabled": true });
    assert_eq!(runtime::to_request_value(&registry).unwrap(), request);
    let body = runtime::to_request_body(&registry).unwrap();
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&body).unwrap(),
        request
    );
    // The flag does not outlive the request body.
    assert_eq!(serde_json::to_value(&registry).unwrap(), response());
}

#[test]
fn a_required_read_only_property_is_optional() {
    // provisioningState is required and read-only: a client building a request has no value for it.
    let registry = Registry::new("westus");
    assert_eq!(registry.provisioning_state, None);
    assert_eq!(
        serde_json::to_value(&registry).unwrap(),
        json!({ "location": "westus" })
    );
    let system = SystemData::default();
    assert_eq!(serde_json::to_value(&system).unwrap(), json!({}));
}

#[test]
fn json_rules_of_a_model() {
    // A required property that is missing reads as `None`: services leave them out.
    let registry = serde_json::from_value::<Registry>(json!({ "id": "x" })).unwrap();
    assert_eq!(
        (registry.id.as_deref(), registry.location),
        (Some("x"), None)
    );
    // A repeated key is an error, as with serde's derive.
    let error =
        serde_json::from_str::<Registry>(r#"{"location": "a", "location": "b"}"#).unwrap_err();
    assert!(
        error.to_string().contains("duplicate field `location`"),
        "{error}"
    );
    // Unknown keys are ignored, `null` is `None`, escaped keys are read as any other.
    let registry: Registry = serde_json::from_str(
        r#"{"loc\u0061tion": "westus", "unknown": {"a": [1, 2]}, "provisioningState": null}"#,
    )
    .unwrap();
    assert_eq!(registry, Registry::new("westus"));
    // Not an object: the error says what was expected.
    let error = serde_json::from_str::<Registry>("[1]").unwrap_err();
    assert!(error.to_string().contains("struct Registry"), "{error}");
}
