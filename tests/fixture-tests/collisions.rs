//! Wire names that map to one Rust name get numbered, never merged.

use fixture_collisions::models::{
    Foo, Foo2, Foo3, Mode, State, Widget, WidgetSettings, WidgetSettings2,
};
use serde_json::json;

#[test]
fn colliding_definitions_are_distinct_types() {
    // `Foo` keeps its name; `FOO_` and `foo` are numbered in name order.
    let foo = Foo {
        a: Some("Foo".into()),
    };
    let foo2 = Foo2 {
        c: Some("FOO_".into()),
    };
    let foo3 = Foo3 {
        b: Some("foo".into()),
    };
    assert_eq!(serde_json::to_value(&foo).unwrap(), json!({ "a": "Foo" }));
    assert_eq!(serde_json::to_value(&foo2).unwrap(), json!({ "c": "FOO_" }));
    assert_eq!(serde_json::to_value(&foo3).unwrap(), json!({ "b": "foo" }));
}

#[test]
fn colliding_properties_are_distinct_fields() {
    let wire = json!({
        "fooBar": "camel",
        "foo_bar": 7,
        "settings": { "enabled": true },
        "mode": "Read-Only",
        "state": "enabled"
    });
    let widget: Widget = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(widget.foo_bar, Some(7));
    assert_eq!(widget.foo_bar2.as_deref(), Some("camel"));
    assert_eq!(
        widget.settings.as_deref(),
        Some(&WidgetSettings2 {
            enabled: Some(true)
        })
    );
    assert_eq!(widget.mode, Some(Mode::ReadOnly2));
    assert_eq!(widget.state, Some(State::Enabled2));
    assert_eq!(serde_json::to_value(&widget).unwrap(), wire);
    let settings = WidgetSettings { level: Some(1) };
    assert_eq!(
        serde_json::to_value(&settings).unwrap(),
        json!({ "level": 1 })
    );
}

#[test]
fn colliding_enum_values_are_distinct_variants() {
    for (variant, wire) in [
        (Mode::ReadOnly, "ReadOnly"),
        (Mode::ReadOnly2, "Read-Only"),
        (Mode::ReadOnly3, "read_only"),
        (Mode::UnknownValue2, "UnknownValue"),
        (Mode::UnknownValue("Other".into()), "Other"),
    ] {
        assert_eq!(variant.as_str(), wire);
        assert_eq!(wire.parse::<Mode>(), Ok(variant));
    }
    assert_eq!(State::Enabled.as_str(), "Enabled");
    assert_eq!(State::Enabled2.as_str(), "enabled");
    assert_eq!(
        serde_json::from_value::<State>(json!("Enabled")).unwrap(),
        State::Enabled
    );
    assert!("ENABLED".parse::<State>().is_err());
}
