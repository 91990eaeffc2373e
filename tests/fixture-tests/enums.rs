//! Closed and extensible enums.

use fixture_enums::models::{
    DefaultAction, ExportPolicy, Policies, PolicyStatus, QuarantinePolicy, Sku, SkuName, SkuTier,
    TlsVersion,
};
use serde_json::json;

#[test]
fn a_closed_enum_parses_only_its_values_and_reads_others_as_unknown() {
    assert_eq!("Premium".parse::<SkuName>(), Ok(SkuName::Premium));
    let err = "Gold".parse::<SkuName>().unwrap_err();
    assert_eq!(err.type_name, "SkuName");
    assert_eq!(err.value, "Gold");
    assert_eq!(err.to_string(), "`Gold` is not a value of SkuName");
    // A response may carry a value outside the closed set: kept, not an error.
    let read: SkuName = serde_json::from_value(json!("Gold")).unwrap();
    assert_eq!(read, SkuName::UnknownValue("Gold".into()));
    assert_eq!(serde_json::to_value(&read).unwrap(), json!("Gold"));
    assert_eq!(
        serde_json::to_value(SkuName::Basic).unwrap(),
        json!("Basic")
    );
    assert_eq!(SkuName::Standard.to_string(), "Standard");
}

#[test]
fn an_extensible_enum_keeps_unknown_values() {
    let tier: SkuTier = serde_json::from_value(json!("Platinum")).unwrap();
    assert_eq!(tier, SkuTier::UnknownValue("Platinum".into()));
    assert_eq!(tier.as_str(), "Platinum");
    assert_eq!(serde_json::to_value(&tier).unwrap(), json!("Platinum"));
    assert_eq!("Basic".parse::<SkuTier>(), Ok(SkuTier::Basic));
    let sku: Sku = serde_json::from_value(json!({ "name": "Basic", "tier": "Basic" })).unwrap();
    assert_eq!(sku.tier, Some(SkuTier::Basic));
}

#[test]
fn described_values_keep_their_wire_value() {
    assert_eq!(DefaultAction::Reject.as_str(), "Deny");
    assert_eq!(
        serde_json::to_value(DefaultAction::Reject).unwrap(),
        json!("Deny")
    );
    assert_eq!("Deny".parse::<DefaultAction>(), Ok(DefaultAction::Reject));
    assert!("Reject".parse::<DefaultAction>().is_err());
}

#[test]
fn one_x_ms_enum_name_is_one_type() {
    let status: PolicyStatus = "enabled".parse().unwrap();
    let quarantine = QuarantinePolicy {
        status: Some(status.clone()),
    };
    let export = ExportPolicy {
        status: Some(status),
        ..Default::default()
    };
    assert_eq!(quarantine.status, export.status);
    assert_eq!(PolicyStatus::Disabled.to_string(), "disabled");
}

#[test]
fn awkward_values_round_trip() {
    let cases = [
        (TlsVersion::V1_0, "1.0"),
        (TlsVersion::V1_2, "1.2"),
        (TlsVersion::Tls1_3, "tls-1.3"),
        (TlsVersion::V2Preview, "v2.preview"),
        (TlsVersion::V2023_01_01Preview, "2023-01-01-preview"),
    ];
    for (variant, wire) in cases {
        assert_eq!(variant.as_str(), wire);
        assert_eq!(wire.parse::<TlsVersion>(), Ok(variant));
    }
    let wire = json!({ "minimumTlsVersion": "1.3", "networkRuleBypassOptions": "None" });
    let policies: Policies = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(
        policies.minimum_tls_version,
        Some(TlsVersion::UnknownValue("1.3".into()))
    );
    assert_eq!(serde_json::to_value(&policies).unwrap(), wire);
}
