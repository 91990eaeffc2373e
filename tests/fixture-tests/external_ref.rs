//! Definitions across three files, with references back into the entry file.

use fixture_external_ref_main::models::{
    IpRule, NetworkRuleSet, Registry, RegistryProperties, Sku, Sku2, SystemData, Webhook,
};
use fixture_external_ref_main::runtime;
use serde_json::json;

#[test]
fn types_from_every_file_round_trip() {
    let wire = json!({
        "properties": {
            "loginServer": "r1.azurecr.io",
            "networkRuleSet": {
                "defaultAction": "Deny",
                "ipRules": [{ "value": "10.0.0.0/24", "registry": { "sku": { "tier": "Premium" } } }]
            },
            "webhook": { "serviceUri": "https://hooks.example.com", "registry": { "loginServer": "r2.azurecr.io" } },
            "sku": { "tier": "Premium" }
        },
        "systemData": { "createdBy": "alice" },
        "sku": { "name": "Premium" }
    });
    let registry: Registry = serde_json::from_value(wire.clone()).unwrap();
    let props: &RegistryProperties = registry.properties.as_ref().unwrap();
    let webhook: &Webhook = props.webhook.as_deref().unwrap();
    assert_eq!(
        webhook
            .registry
            .as_ref()
            .and_then(|r| r.login_server.as_deref()),
        Some("r2.azurecr.io")
    );
    let rules: &NetworkRuleSet = props.network_rule_set.as_ref().unwrap();
    let rule: &IpRule = &rules.ip_rules.as_ref().unwrap()[0];
    assert_eq!(rule.value.as_deref(), Some("10.0.0.0/24"));
    // The entry file's Sku and the common types' Sku are different types.
    assert_eq!(registry.sku.as_deref(), Some(&Sku::new("Premium")));
    assert_eq!(
        props.sku.as_deref(),
        Some(&Sku2 {
            tier: Some("Premium".into())
        })
    );
    assert_eq!(
        registry.system_data.as_deref(),
        Some(&SystemData {
            created_by: Some("alice".into())
        })
    );
    assert_eq!(serde_json::to_value(&registry).unwrap(), wire);
    // Read-only properties from the other files stay out of requests too.
    let request = runtime::to_request_value(&registry).unwrap();
    assert!(request.get("systemData").is_none());
    assert!(request["properties"].get("loginServer").is_none());
}
