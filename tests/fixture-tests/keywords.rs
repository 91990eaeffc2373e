//! Keywords as property names, prelude names as type names.

use fixture_keywords::models::{self, Keywords, Kind};
use serde_json::json;

#[test]
fn keyword_properties_are_fields_with_a_suffix() {
    let wire = json!({
        "type": "Microsoft.ContainerRegistry/registries",
        "ref": "refs/heads/main",
        "self": "https://management.azure.com/r1",
        "Self": "capitalized",
        "crate": "serde",
        "r#type": "raw",
        "match": true,
        "async": false,
        "string": { "value": "v" },
        "option": { "name": "n", "values": ["a"] },
        "box": { "width": 3 },
        "result": { "ok": true },
        "vec": [{ "value": "x" }, { "value": "y" }],
        "kind": "Self"
    });
    let k: Keywords = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(
        k.type_.as_deref(),
        Some("Microsoft.ContainerRegistry/registries")
    );
    assert_eq!(k.ref_.as_deref(), Some("refs/heads/main"));
    assert_eq!(k.self_.as_deref(), Some("https://management.azure.com/r1"));
    assert_eq!(k.self_2.as_deref(), Some("capitalized"));
    assert_eq!(k.crate_.as_deref(), Some("serde"));
    assert_eq!(k.r_type.as_deref(), Some("raw"));
    assert_eq!(k.match_, Some(true));
    assert_eq!(k.async_, Some(false));
    assert_eq!(k.box_.as_ref().and_then(|b| b.width), Some(3));
    assert_eq!(k.kind, Some(Kind::Self_));
    assert_eq!(serde_json::to_value(&k).unwrap(), wire);
}

#[test]
fn prelude_names_do_not_shadow_the_prelude() {
    let s: models::String = models::String::new("value".to_string());
    let list: models::Vec = vec![s.clone()];
    let option = models::Option {
        name: Some("n".to_string()),
        values: None,
    };
    let result = models::Result {
        ok: Some(true),
        error: None,
    };
    let boxed = models::Box { width: Some(1) };
    let mut k = Keywords::new("t".to_string());
    k.string = Some(Box::new(s));
    k.vec = Some(list);
    k.option = Some(Box::new(option));
    k.result = Some(Box::new(result));
    k.box_ = Some(Box::new(boxed));
    let back: Keywords = serde_json::from_value(serde_json::to_value(&k).unwrap()).unwrap();
    assert_eq!(back, k);
}

#[test]
fn keyword_and_prelude_enum_values() {
    for (variant, wire) in [
        (Kind::Type, "type"),
        (Kind::Self_, "Self"),
        (Kind::None, "None"),
        (Kind::Some, "Some"),
        (Kind::Ok, "Ok"),
        (Kind::Err, "Err"),
    ] {
        assert_eq!(variant.as_str(), wire);
        assert_eq!(wire.parse::<Kind>(), Ok(variant));
    }
}
