//! Injected strings are data: the model round-trips keys that look like code, and
//! enum values that look like code are ordinary wire values.

use fixture_injection::models::{Closed, EvilEvil, KindEvil};

#[test]
fn code_looking_keys_round_trip() {
    let wire = serde_json::json!({
        "\"); evil(); (\"": "x",
        "*/ evil() /*": 7,
        "kind": "\"); std::process::exit(1); (\"",
        "closed": "\"); evil(); (\"",
    });
    let model: EvilEvil = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(model.evil.as_deref(), Some("x"));
    assert_eq!(model.evil2, Some(7));
    assert_eq!(model.kind, Some(KindEvil::StdProcessExit1));
    assert_eq!(model.closed, Some(Closed::Evil));
    assert_eq!(serde_json::to_value(&model).unwrap(), wire);
}

#[test]
fn enum_values_keep_their_wire_strings() {
    assert_eq!(KindEvil::REvil.as_str(), "r#\"evil\"#");
    assert_eq!("\\evil\\".parse::<KindEvil>().unwrap(), KindEvil::Evil2);
    assert!("evil()".parse::<Closed>().is_err());
}
