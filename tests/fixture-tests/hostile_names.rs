//! Odd wire names (leading digits, dots, dashes, spaces, non-ASCII letters, empty)
//! become distinct Rust names and keep their wire names.

use fixture_hostile_names::models::{V1stPlace, WithSpace};

#[test]
fn odd_property_names_round_trip() {
    let wire = serde_json::json!({
        "1stPlace": "a", "dotted.name": "b", "dotted_name": "c", "dashed-name": "d",
        "with space": "e", "größe": 3, "名前": "f", "": "g",
    });
    let model: V1stPlace = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(model.dotted_name.as_deref(), Some("c"));
    assert_eq!(model.dotted_name2.as_deref(), Some("b"));
    assert_eq!(serde_json::to_value(&model).unwrap(), wire);
}

#[test]
fn odd_enum_values_are_distinct_variants() {
    let values = ["a b", "a-b", "a.b", "1", "größe", "名前", ""];
    let parsed: Vec<WithSpace> = values.iter().map(|v| v.parse().unwrap()).collect();
    for (value, variant) in values.iter().zip(&parsed) {
        assert_eq!(variant.as_str(), *value);
        assert!(!matches!(variant, WithSpace::UnknownValue(_)), "{value}");
    }
}
