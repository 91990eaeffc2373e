//! allOf: a child carries its ancestors' properties, and their `required`.

use fixture_allof::models::{IpRule, Registry, Sku, TrackedResource};
use serde_json::json;

#[test]
fn child_carries_parent_properties() {
    let wire = json!({
        "id": "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/r1",
        "name": "r1",
        "location": "westus",
        "tags": { "env": "prod" },
        "sku": { "name": "Premium" },
        "adminUserEnabled": true
    });
    let registry: Registry = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(registry.name.as_deref(), Some("r1"));
    assert_eq!(registry.location.as_deref(), Some("westus"));
    assert_eq!(registry.tags.as_ref().unwrap()["env"], "prod");
    assert_eq!(
        registry.sku.as_ref().and_then(|s| s.name.as_deref()),
        Some("Premium")
    );
    assert_eq!(registry.admin_user_enabled, Some(true));
    assert_eq!(serde_json::to_value(&registry).unwrap(), wire);
}

#[test]
fn required_comes_from_every_level() {
    // `name` is required by Resource, `location` by TrackedResource, `sku` and `tags` by
    // Registry: `Registry::new` takes all four (below); a body without one still reads.
    let full =
        json!({ "name": "r1", "location": "westus", "tags": {}, "sku": { "name": "Basic" } });
    assert!(serde_json::from_value::<Registry>(full.clone()).is_ok());
    for missing in ["name", "location", "tags", "sku"] {
        let mut partial = full.clone();
        partial.as_object_mut().unwrap().remove(missing);
        let read = serde_json::from_value::<Registry>(partial.clone()).unwrap();
        assert_eq!(serde_json::to_value(&read).unwrap(), partial, "{missing}");
    }
    // A parent's optional property stays optional in the parent.
    let tracked: TrackedResource =
        serde_json::from_value(json!({ "name": "r1", "location": "westus" })).unwrap();
    assert_eq!(tracked.tags, None);
}

#[test]
fn constructors_take_the_required_properties() {
    let registry = Registry::new("r1", "westus", Default::default(), Sku::new("Standard"));
    assert_eq!(registry.id, None);
    assert_eq!(
        serde_json::to_value(&registry).unwrap(),
        json!({ "name": "r1", "location": "westus", "tags": {}, "sku": { "name": "Standard" } })
    );
    let rule = IpRule::new("rule1", "10.0.0.0/24");
    assert_eq!(
        serde_json::to_value(&rule).unwrap(),
        json!({ "name": "rule1", "value": "10.0.0.0/24" })
    );
}
