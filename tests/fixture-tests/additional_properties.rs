//! additionalProperties: maps, and named properties with a flattened map beside them.

use fixture_additional_properties::models::{
    ExtensionSettings, IdentityProperties, OpenObject, Schedule, Tags,
};
use serde_json::json;

#[test]
fn maps_of_strings_objects_and_anything() {
    let wire = json!({
        "tags": { "env": "prod" },
        "userAssignedIdentities": {
            "/subscriptions/sub/identities/id1": { "principalId": "p1", "clientId": "c1" }
        },
        "metadata": { "owner": { "value": "team-a", "updatedAt": "2024-03-04T05:06:07Z" } },
        "settings": { "retries": 3, "nested": { "on": true } }
    });
    let identity: IdentityProperties = serde_json::from_value(wire.clone()).unwrap();
    let tags: &Tags = identity.tags.as_ref().unwrap();
    assert_eq!(tags["env"], "prod");
    let user =
        &identity.user_assigned_identities.as_ref().unwrap()["/subscriptions/sub/identities/id1"];
    assert_eq!(user.client_id.as_deref(), Some("c1"));
    let owner = &identity.metadata.as_ref().unwrap()["owner"];
    assert_eq!(owner.updated_at.map(|t| t.hour()), Some(5));
    assert_eq!(
        identity.settings.as_ref().unwrap()["nested"],
        json!({ "on": true })
    );
    assert_eq!(serde_json::to_value(&identity).unwrap(), wire);
}

#[test]
fn named_properties_beside_a_flattened_map() {
    let wire = json!({ "name": "ext", "version": 2, "color": "blue", "size": "xl" });
    let settings: ExtensionSettings = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(settings.name.as_deref(), Some("ext"));
    assert_eq!(settings.version, Some(2));
    assert_eq!(settings.additional_properties.len(), 2);
    assert_eq!(settings.additional_properties["color"], "blue");
    assert_eq!(serde_json::to_value(&settings).unwrap(), wire);

    let mut built = ExtensionSettings::new("ext");
    built
        .additional_properties
        .insert("color".into(), "red".into());
    assert_eq!(
        serde_json::to_value(&built).unwrap(),
        json!({ "name": "ext", "color": "red" })
    );
}

#[test]
fn additional_properties_true_keeps_any_json() {
    let wire = json!({ "kind": "k", "nested": { "a": [1, 2] }, "flag": null });
    let open: OpenObject = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(open.kind.as_deref(), Some("k"));
    assert_eq!(open.additional_properties["nested"], json!({ "a": [1, 2] }));
    assert_eq!(serde_json::to_value(&open).unwrap(), wire);
}

#[test]
fn flattened_values_keep_their_wire_format() {
    let wire = json!({ "timeZone": "UTC", "start": "2024-01-01T00:00:00Z", "end": "2024-01-02T12:30:00+01:00" });
    let schedule: Schedule = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(schedule.time_zone.as_deref(), Some("UTC"));
    assert_eq!(
        schedule.additional_properties["start"].unix_timestamp(),
        1_704_067_200
    );
    assert_eq!(serde_json::to_value(&schedule).unwrap(), wire);
}
