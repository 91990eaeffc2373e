//! One small spec per generator feature (`tests/fixtures/`): a snapshot of the
//! generated models and a few facts about them per fixture (for the operations
//! fixtures, `tests/fixtures/operations/`, a snapshot of the client too), and one test
//! that writes every generated fixture crate to `target/fixture-crates/`, with its
//! hand-written behaviour tests (`tests/fixture-tests/<name>.rs`; crates with a client
//! also get the mock transport `tests/fixture-tests/support/mock.rs`), and runs
//! `cargo test` and `cargo clippy` there with warnings denied.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use azgen_tests::{fixtures_dir, generate_fixture, workspace};

/// Every fixture: (crate directory, spec file below `tests/fixtures/`, crate name).
const FIXTURES: &[(&str, &str, &str)] = &[
    (
        "additional_properties",
        "additional_properties.json",
        "fixture_additional_properties",
    ),
    ("allof", "allof.json", "fixture_allof"),
    ("collisions", "collisions.json", "fixture_collisions"),
    (
        "discriminator",
        "discriminator.json",
        "fixture_discriminator",
    ),
    ("enums", "enums.json", "fixture_enums"),
    (
        "external_ref",
        "external_ref/main.json",
        "fixture_external_ref_main",
    ),
    ("formats", "formats.json", "fixture_formats"),
    ("keywords", "keywords.json", "fixture_keywords"),
    ("readonly", "readonly.json", "fixture_readonly"),
    ("recursion", "recursion.json", "fixture_recursion"),
    ("secrets", "secrets.json", "fixture_secrets"),
    ("injection", "injection.json", "fixture_injection"),
    (
        "hostile_names",
        "hostile_names.json",
        "fixture_hostile_names",
    ),
    (
        "operations_lro",
        "operations/lro.json",
        "fixture_operations_lro",
    ),
    (
        "operations_names",
        "operations/names.json",
        "fixture_operations_names",
    ),
    (
        "operations_paging",
        "operations/paging.json",
        "fixture_operations_paging",
    ),
    (
        "operations_params",
        "operations/params.json",
        "fixture_operations_params",
    ),
    (
        "operations_examples",
        "operations/examples.json",
        "fixture_operations_examples",
    ),
    (
        "operations_reserved_names",
        "operations/reserved_names.json",
        "fixture_operations_reserved_names",
    ),
];

/// The generated models of a fixture, snapshotted under the fixture's name, and its warnings.
fn models(name: &str) -> (String, Vec<String>) {
    let out = generate(name);
    let models = out.files["src/models.rs"].clone();
    insta::assert_snapshot!(name, models);
    let warnings = out.warnings.iter().map(|w| w.to_string()).collect();
    (models, warnings)
}

/// The generated crate of a fixture.
fn generate(name: &str) -> azgen::Output {
    let (_, file, _) = FIXTURES
        .iter()
        .find(|f| f.0 == name)
        .unwrap_or_else(|| panic!("no fixture `{name}`"));
    generate_fixture(file)
}

/// The generated client of an operations fixture, snapshotted as `<name>-clients` (its
/// models as `<name>`), and its warnings.
fn clients(name: &str) -> (String, Vec<String>) {
    let (_, warnings) = models(name);
    let out = generate(name);
    let clients = out.files["src/clients.rs"].clone();
    insta::assert_snapshot!(format!("{name}-clients"), clients);
    (clients, warnings)
}

/// The text of the method `fn <name>(` (its docs are not included) up to the next item.
fn method<'a>(clients: &'a str, owner: &str, name: &str) -> &'a str {
    let owner_at = clients
        .find(&format!("impl {owner} {{"))
        .or_else(|| clients.find(&format!("impl {owner}<'_> {{")))
        .unwrap_or_else(|| panic!("no `impl {owner}` in:\n{clients}"));
    let rest = &clients[owner_at..];
    let start = [format!("pub fn {name}("), format!("pub async fn {name}(")]
        .iter()
        .filter_map(|m| rest.find(m.as_str()))
        .min()
        .unwrap_or_else(|| panic!("no method `{owner}::{name}` in:\n{clients}"));
    let rest = &rest[start..];
    let end = rest.find("\n    }\n").map_or(rest.len(), |e| e + 6);
    &rest[..end]
}

/// The text of `pub struct|enum|type <name>` up to the next item; for an enum made
/// by the runtime's enum macros, the whole invocation
/// (`crate::runtime::extensible_enum! { Name { Variant = "value", } }`).
fn item<'a>(models: &'a str, kind: &str, name: &str) -> &'a str {
    // Enums and structs are invocations of the runtime's macros.
    let in_macro = match kind {
        "enum" => models.find(&format!("\n    {name} {{\n")),
        _ => models.find(&format!("\n    pub {kind} {name} {{\n")),
    };
    if let Some(at) = in_macro {
        let start = models[..at]
            .rfind("crate::runtime::")
            .expect("a macro invocation");
        let end = models[at..]
            .find("\n}\n")
            .map_or(models.len(), |e| at + e + 3);
        return &models[start..end];
    }
    let start_marker = format!("pub {kind} {name} ");
    let start_marker_generic = format!("pub {kind} {name}<");
    let start = models
        .find(&start_marker)
        .or_else(|| models.find(&start_marker_generic))
        .unwrap_or_else(|| panic!("no `pub {kind} {name}` in:\n{models}"));
    let rest = &models[start..];
    let end = ["\npub ", "\nimpl", "\n#[", "\n///"]
        .iter()
        .filter_map(|marker| rest.find(marker))
        .min()
        .unwrap_or(rest.len());
    &rest[..end]
}

/// The docs of the field `pub <field>:` in `text`: the lines between the previous
/// field (or the struct's `{`) and it.
fn field_attrs<'a>(text: &'a str, field: &str) -> &'a str {
    let at = text
        .find(&format!("pub {field}: "))
        .unwrap_or_else(|| panic!("no field `{field}` in:\n{text}"));
    let before = &text[..at];
    let start = match before.rfind("\n        pub ") {
        // The end of the previous field's line.
        Some(prev) => before[prev + 1..]
            .find('\n')
            .map_or(at, |e| prev + 1 + e + 1),
        None => before.find("{\n").map_or(0, |i| i + 2),
    };
    &text[start..at]
}

/// The line of the field `pub <field>:` of a model struct, from `pub` to its end:
/// `pub name: Type => mode "wireName" (as Format)?,`.
fn field_line<'a>(text: &'a str, field: &str) -> &'a str {
    let at = text
        .find(&format!("pub {field}: "))
        .unwrap_or_else(|| panic!("no field `{field}` in:\n{text}"));
    let rest = &text[at..];
    &rest[..rest.find('\n').unwrap_or(rest.len())]
}

/// The JSON name of the field `pub <field>:` of a model struct.
fn wire_name(text: &str, field: &str) -> String {
    let line = field_line(text, field);
    let (_, spec) = line.rsplit_once(" => ").expect("a field spec");
    let rest = &spec[spec.find('"').expect("a wire name") + 1..];
    rest[..rest.find('"').expect("a closing quote")].to_string()
}

/// The mode of the field `pub <field>:` of a model struct: `opt`, `ro` or `req`.
fn field_mode<'a>(text: &'a str, field: &str) -> &'a str {
    let line = field_line(text, field);
    let (_, spec) = line.rsplit_once(" => ").expect("a field spec");
    spec.split_whitespace().next().expect("a mode")
}

fn assert_no_warnings(name: &str, warnings: &[String]) {
    assert!(
        warnings.is_empty(),
        "{name}: unexpected warnings:\n{}",
        warnings.join("\n")
    );
}

#[test]
fn allof() {
    let (models, warnings) = models("allof");
    assert_no_warnings("allof", &warnings);
    let registry = item(&models, "struct", "Registry");
    // Ancestors' properties first (Resource, TrackedResource), then its own.
    let order: Vec<usize> = [
        "pub id:",
        "pub name:",
        "pub location:",
        "pub tags:",
        "pub sku:",
    ]
    .iter()
    .map(|f| {
        registry
            .find(f)
            .unwrap_or_else(|| panic!("{f} in {registry}"))
    })
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{registry}");
    // `tags` is the parent's optional property, which the child requires.
    assert_eq!(field_mode(registry, "tags"), "req");
    assert_eq!(
        field_mode(item(&models, "struct", "TrackedResource"), "tags"),
        "opt"
    );
    // The inline allOf member's required property.
    assert_eq!(
        field_mode(item(&models, "struct", "IpRule"), "value"),
        "req"
    );
}

#[test]
fn discriminator() {
    let (models, warnings) = models("discriminator");
    assert_no_warnings("discriminator", &warnings);
    let base = item(&models, "enum", "TaskStepProperties");
    assert!(models.contains("#[serde(tag = \"type\")]\npub enum TaskStepProperties"));
    for (tag, variant) in [
        ("Docker", "DockerBuildStep"),
        ("EncodedTask", "EncodedTaskStep"),
        ("FileTaskStep", "FileTaskStep"),
    ] {
        assert!(
            base.contains(&format!(
                "#[serde(rename = \"{tag}\")]\n    {variant}(crate::models::{variant}),"
            )),
            "{base}"
        );
        // The tag belongs to the enum, not to the variant's struct.
        assert!(!item(&models, "struct", variant).contains(" \"type\""));
    }
    assert!(base.contains("#[serde(untagged)]\n    UnknownValue("));
    assert!(item(&models, "struct", "TaskProperties")
        .contains("pub step: ::std::option::Option<crate::models::TaskStepProperties> => req "));
}

#[test]
fn enums() {
    let (models, warnings) = models("enums");
    assert_no_warnings("enums", &warnings);
    // Closed: serde derives, Copy, FromStr with an error (the runtime's `closed_enum!`).
    let sku_name = item(&models, "enum", "SkuName");
    assert!(
        sku_name.starts_with("crate::runtime::closed_enum! {"),
        "{sku_name}"
    );
    // Extensible: a catch-all variant (the runtime's `extensible_enum!`).
    let sku_tier = item(&models, "enum", "SkuTier");
    assert!(
        sku_tier.starts_with("crate::runtime::extensible_enum! {"),
        "{sku_tier}"
    );
    // One x-ms-enum name, one type, used by both properties.
    assert_eq!(models.matches("\n    PolicyStatus {\n").count(), 1);
    assert_eq!(
        models
            .matches("pub status: ::std::option::Option<crate::models::PolicyStatus>")
            .count(),
        2
    );
    // x-ms-enum values: a custom name, descriptions as docs.
    let action = item(&models, "enum", "DefaultAction");
    assert!(action.contains("        Reject = \"Deny\","), "{action}");
    assert!(action.contains("/// Traffic that matches no rule is\n        /// rejected."));
    // Awkward values.
    for variant in ["V1_0", "V1_2", "Tls1_3", "V2Preview", "V2023_01_01Preview"] {
        assert!(
            item(&models, "enum", "TlsVersion").contains(&format!("        {variant} = ")),
            "{variant}"
        );
    }
    // An enum without x-ms-enum is open, and named after its property.
    assert!(item(&models, "enum", "PoliciesNetworkRuleBypassOptions")
        .starts_with("crate::runtime::extensible_enum! {"));
}

#[test]
fn readonly() {
    let (models, warnings) = models("readonly");
    assert_no_warnings("readonly", &warnings);
    let registry = item(&models, "struct", "Registry");
    for field in ["id", "provisioning_state", "creation_date", "system_data"] {
        assert_eq!(field_mode(registry, field), "ro", "{field}: {registry}");
    }
    assert_eq!(registry.matches(" => ro ").count(), 4);
    // A `$ref` with siblings: the sibling description is the field's doc, the type is the target.
    assert!(field_attrs(registry, "system_data")
        .contains("/// Metadata pertaining to creation and last modification of the resource.\n"));
    assert!(registry.contains(
        "pub system_data: ::std::option::Option<::std::boxed::Box<crate::models::SystemData>> => "
    ));
    // Required and read-only: still optional.
    assert!(registry
        .contains("pub provisioning_state: ::std::option::Option<::std::string::String> => "));
    assert!(models.contains(
        "pub fn new(location: impl ::std::convert::Into<::std::string::String>) -> Self"
    ));
}

#[test]
fn secrets() {
    let (models, warnings) = models("secrets");
    assert_no_warnings("secrets", &warnings);
    let creds = item(&models, "struct", "RegistryCredentials");
    assert!(creds.contains(
        "pub password: ::std::option::Option<crate::runtime::Secret<::std::string::String>> => "
    ));
    assert!(creds.contains("crate::runtime::Secret<::std::collections::BTreeMap<::std::string::String, ::std::string::String>>"));
    assert!(creds.contains(
        " as ::std::option::Option<crate::runtime::Secret<crate::runtime::codec::Base64>>,"
    ));
    assert!(!creds.contains("pub username: crate::runtime::Secret"));
    assert!(item(&models, "struct", "GeneratedPassword").contains(
        "pub value: ::std::option::Option<crate::runtime::Secret<::std::string::String>> => "
    ));
}

#[test]
fn keywords() {
    let (models, warnings) = models("keywords");
    let keywords = item(&models, "struct", "Keywords");
    for (wire, field) in [
        ("type", "type_"),
        ("ref", "ref_"),
        ("self", "self_"),
        ("Self", "self_2"),
        ("crate", "crate_"),
        ("r#type", "r_type"),
        ("match", "match_"),
        ("async", "async_"),
        ("box", "box_"),
    ] {
        assert_eq!(wire_name(keywords, field), wire, "{wire} → {field}");
    }
    // Prelude names as type names: the generated code never refers to the prelude unqualified.
    for name in ["String", "Option", "Box", "Result"] {
        item(&models, "struct", name);
    }
    assert!(models.contains("pub type Vec = ::std::vec::Vec<crate::models::String>;"));
    // (The compile test is the proof; this catches the obvious slips early.)
    let unqualified = [
        ": String",
        ": Option<",
        ": Vec<",
        ": Box<",
        "-> Result<",
        "<Self, Self::",
        "(Some(",
        " Ok(",
        " Err(",
    ];
    for u in unqualified {
        assert!(!models.contains(u), "unqualified `{u}`");
    }
    assert!(item(&models, "enum", "Kind").contains("        Self_ = "));
    assert_eq!(
        warnings,
        ["keywords.json:10:17: #/definitions/Keywords: in `Keywords`, field name `self_` is taken by `self`; `Self` is named `self_2`"]
    );
}

#[test]
fn collisions() {
    let (models, warnings) = models("collisions");
    // Nothing merged: every wire name has its own Rust item.
    let wire_names = |name: &str| -> Vec<String> {
        let text = item(&models, "struct", name);
        text.match_indices("pub ")
            .skip(1)
            .filter_map(|(i, _)| text[i + 4..].split_once(':').map(|(f, _)| f.to_string()))
            .map(|field| wire_name(text, &field))
            .collect()
    };
    assert!(wire_names("Foo").contains(&"a".to_string()));
    assert!(wire_names("Foo2").contains(&"c".to_string()));
    assert!(wire_names("Foo3").contains(&"b".to_string()));
    let widget = item(&models, "struct", "Widget");
    assert!(widget.contains("pub foo_bar: ::std::option::Option<i32> => "));
    assert!(widget.contains("pub foo_bar2: ::std::option::Option<::std::string::String> => "));
    assert!(
        widget.contains("pub settings: ::std::option::Option<::std::boxed::Box<crate::models::WidgetSettings2>> => ")
    );
    assert!(models.contains("ReadOnly2 = \"Read-Only\","));
    assert!(models.contains("UnknownValue2 = \"UnknownValue\","));
    assert!(models.contains("Enabled2 = \"enabled\","));
    // Every collision is reported, in a stable order.
    // `Foo` itself keeps its name: no warning for it.
    let mut expected = [
        "collisions.json:15:12: #/definitions/foo: type name `Foo` is taken by `Foo`; `foo` is named `Foo3`",
        "collisions.json:20:13: #/definitions/FOO_: type name `Foo` is taken by `Foo`; `FOO_` is named `Foo2`",
        "collisions.json:25:15: #/definitions/Widget: in `Widget`, field name `foo_bar` is taken by `foo_bar`; `fooBar` is named `foo_bar2`",
        "collisions.json:31:21: #/definitions/Widget/properties/settings: type name `WidgetSettings` is taken by `WidgetSettings`; `Widget.settings` is named `WidgetSettings2`",
        "collisions.json:45:13: #/definitions/Mode: enum value `UnknownValue` maps to `UnknownValue`, which is reserved for the catch-all variant; it is named `UnknownValue2`",
        "collisions.json:45:13: #/definitions/Mode: enum values `ReadOnly` and `Read-Only` both map to `ReadOnly`; `Read-Only` is named `ReadOnly2`",
        "collisions.json:45:13: #/definitions/Mode: enum values `ReadOnly` and `read_only` both map to `ReadOnly`; `read_only` is named `ReadOnly3`",
        "collisions.json:51:14: #/definitions/State: enum values `Enabled` and `enabled` both map to `Enabled`; `enabled` is named `Enabled2`",
    ];
    expected.sort();
    let mut got: Vec<&str> = warnings.iter().map(String::as_str).collect();
    got.sort();
    assert_eq!(got, expected);
    // The same input gives the same output.
    let (again, warnings_again) = {
        let out = generate_fixture("collisions.json");
        let w: Vec<String> = out.warnings.iter().map(|w| w.to_string()).collect();
        (out.files["src/models.rs"].clone(), w)
    };
    assert_eq!(again, models);
    assert_eq!(warnings_again, warnings);
}

#[test]
fn recursion() {
    let (models, warnings) = models("recursion");
    assert_no_warnings("recursion", &warnings);
    let tree = item(&models, "struct", "TreeNode");
    assert!(tree.contains(
        "pub parent: ::std::option::Option<::std::boxed::Box<crate::models::TreeNode>> => "
    ));
    // Vec and map values are already on the heap: no Box.
    assert!(tree.contains(
        "pub children: ::std::option::Option<::std::vec::Vec<crate::models::TreeNode>> => "
    ));
    assert!(tree
        .contains("::std::collections::BTreeMap<::std::string::String, crate::models::TreeNode>"));
    assert!(item(&models, "struct", "A")
        .contains("pub b: ::std::option::Option<::std::boxed::Box<crate::models::B>> => "));
    // Required, and closing a cycle: boxed as well.
    assert!(item(&models, "struct", "B")
        .contains("pub a: ::std::option::Option<::std::boxed::Box<crate::models::A>> => req "));
    assert!(item(&models, "struct", "NotExpression").contains(
        "pub operand: ::std::option::Option<::std::boxed::Box<crate::models::Expression>> => req "
    ));
    assert!(item(&models, "struct", "AndExpression").contains(
        "pub operands: ::std::option::Option<::std::vec::Vec<crate::models::Expression>> => req "
    ));
}

#[test]
fn additional_properties() {
    let (models, warnings) = models("additional_properties");
    assert_no_warnings("additional_properties", &warnings);
    assert!(models.contains("pub type Tags = ::std::collections::BTreeMap<"));
    let identity = item(&models, "struct", "IdentityProperties");
    assert!(identity.contains(
        "::std::collections::BTreeMap<::std::string::String, crate::models::UserIdentityProperties>>"
    ));
    assert!(identity.contains(
        "::std::collections::BTreeMap<::std::string::String, crate::models::IdentityPropertiesMetadataValue>>"
    ));
    assert!(identity
        .contains("::std::collections::BTreeMap<::std::string::String, ::serde_json::Value>"));
    for name in ["ExtensionSettings", "OpenObject", "Schedule"] {
        let s = item(&models, "struct", name);
        assert!(
            s.contains("pub additional_properties: ::std::collections::BTreeMap<"),
            "{s}"
        );
        // After `..`: it takes the other keys.
        assert!(s.contains("\n        ..\n"), "{s}");
    }
    // A map of the other date-times keeps the RFC 3339 wire format, value by value.
    assert!(item(&models, "struct", "Schedule").contains(
        "pub additional_properties: ::std::collections::BTreeMap<::std::string::String, ::time::OffsetDateTime> as crate::runtime::codec::Rfc3339,"
    ));
}

#[test]
fn formats() {
    let (models, warnings) = models("formats");
    assert_no_warnings("formats", &warnings);
    let formats = item(&models, "struct", "Formats");
    for (field, ty) in [
        (
            "created_at",
            "::std::option::Option<::time::OffsetDateTime>",
        ),
        ("birthday", "::std::option::Option<::time::Date>"),
        (
            "last_modified",
            "::std::option::Option<::time::OffsetDateTime>",
        ),
        ("timeout", "::std::option::Option<crate::runtime::Duration>"),
        ("count", "::std::option::Option<i32>"),
        ("size", "::std::option::Option<i64>"),
        ("plain_integer", "::std::option::Option<i64>"),
        ("ratio", "::std::option::Option<f32>"),
        ("precise", "::std::option::Option<f64>"),
        ("plain_number", "::std::option::Option<f64>"),
        ("content", "::std::option::Option<::std::vec::Vec<u8>>"),
        ("id", "::std::option::Option<::uuid::Uuid>"),
        (
            "expires_on",
            "::std::option::Option<::time::OffsetDateTime>",
        ),
        ("password", "::std::option::Option<::std::string::String>"),
        (
            "history",
            "::std::option::Option<::std::vec::Vec<::time::OffsetDateTime>>",
        ),
    ] {
        assert!(
            formats.contains(&format!("pub {field}: {ty} => ")),
            "{field}: {ty}"
        );
    }
    for (wire, codec) in [
        ("createdAt", "::std::option::Option<crate::runtime::codec::Rfc3339>"),
        ("birthday", "::std::option::Option<crate::runtime::codec::Date>"),
        ("lastModified", "::std::option::Option<crate::runtime::codec::Rfc1123>"),
        ("expiresOn", "::std::option::Option<crate::runtime::codec::UnixTime>"),
        ("content", "::std::option::Option<crate::runtime::codec::Base64>"),
        ("history", "::std::option::Option<::std::vec::Vec<crate::runtime::codec::Rfc3339>>"),
        ("windows", "::std::option::Option<::std::vec::Vec<::std::vec::Vec<crate::runtime::codec::Rfc3339>>>"),
        // Fields of aliases keep the alias target's format.
        ("blob", "::std::option::Option<crate::runtime::codec::Base64>"),
        ("instant", "::std::option::Option<crate::runtime::codec::Rfc3339>"),
        ("timestamps", "::std::option::Option<::std::collections::BTreeMap<::std::string::String, crate::runtime::codec::Rfc3339>>"),
    ] {
        let field: String = wire
            .chars()
            .flat_map(|c| {
                let lower = c.to_ascii_lowercase();
                (c.is_ascii_uppercase().then_some('_').into_iter()).chain([lower])
            })
            .collect();
        let line = field_line(formats, &field);
        assert_eq!(wire_name(formats, &field), wire);
        assert!(line.ends_with(&format!(" as {codec},")), "{wire}: {line}");
    }
    // uuid is a dependency only because a property uses it.
    let manifest = &generate_fixture("formats.json").files["Cargo.toml"];
    assert!(manifest.contains("uuid = "));
    assert!(!generate_fixture("allof.json").files["Cargo.toml"].contains("uuid"));
}

#[test]
fn external_ref() {
    let (models, warnings) = models("external_ref");
    for name in [
        "Registry",
        "Sku",
        "Webhook",
        "RegistryProperties",
        "SystemData",
        "Sku2",
        "NetworkRuleSet",
        "IpRule",
    ] {
        item(&models, "struct", name);
    }
    // Definitions of other files that nothing reaches are not types.
    assert!(!models.contains("Unused"));
    assert!(!models.contains("Unreachable"));
    // Optional models across files are boxed (cycles and their limits: `lower::types`'s
    // unit tests).
    assert!(item(&models, "struct", "RegistryProperties").contains(
        "pub webhook: ::std::option::Option<::std::boxed::Box<crate::models::Webhook>> => "
    ));
    assert!(item(&models, "struct", "IpRule").contains(
        "pub registry: ::std::option::Option<::std::boxed::Box<crate::models::RegistryProperties>> => "
    ));
    assert_eq!(
        warnings,
        ["external_ref/common/types.json:26:12: #/definitions/Sku: type name `Sku` is taken by `Sku`; `external_ref/common/types.json#/definitions/Sku` is named `Sku2`"]
    );
}

#[test]
fn operations_lro() {
    let (clients, warnings) = clients("operations_lro");
    assert_no_warnings("operations_lro", &warnings);
    // (method, return type, success codes, final state)
    for (owner, name, ret, codes, state) in [
        (
            "RegistriesClient",
            "begin_create",
            "crate::models::Registry",
            "&[200, 201]",
            "OriginalUri",
        ),
        (
            "RegistriesClient",
            "begin_update",
            "crate::models::Registry",
            "&[200, 201]",
            "OriginalUri",
        ),
        (
            "RegistriesClient",
            "begin_delete",
            "()",
            "&[200, 202, 204]",
            "None",
        ),
        (
            "RegistriesClient",
            "begin_generate_credentials",
            "crate::models::GenerateCredentialsResult",
            "&[200, 202]",
            "Location",
        ),
        (
            "RegistriesClient",
            "begin_import_image",
            "()",
            "&[200, 202]",
            "None",
        ),
        (
            "RegistriesClient",
            "begin_schedule_run",
            "crate::models::Run",
            "&[200, 202]",
            "AzureAsyncOperation",
        ),
        (
            "ReplicationsClient",
            "begin_create",
            "crate::models::Replication",
            "&[200, 201]",
            "OriginalUri",
        ),
        // A deletion's poller has no result, whatever a 200 declares.
        (
            "ReplicationsClient",
            "begin_delete",
            "()",
            "&[200, 202, 204]",
            "None",
        ),
    ] {
        let m = method(&clients, owner, name);
        assert!(!m.starts_with("pub async"), "{m}");
        assert!(m.contains(&format!("-> Result<LroPoller<{ret}>>")), "{m}");
        let squashed: String = m.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            squashed.contains(&format!("request, {codes}, FinalState::{state}, )"))
                || squashed.contains(&format!("request, {codes}, FinalState::{state})")),
            "{owner}::{name}: {squashed}"
        );
    }
    // Response headers of a 201 and a 202, on one trait for every response.
    assert!(clients.contains("impl<T> ResponseHeaders for Response<T> {"));
    for accessor in ["azure_asyncoperation", "location", "retry_after"] {
        assert!(clients.contains(&format!(
            "fn {accessor}(&self) -> ::std::option::Option<&str>;"
        )));
    }
}

#[test]
fn operations_paging() {
    let (clients, warnings) = clients("operations_paging");
    assert_no_warnings("operations_paging", &warnings);
    let list = method(&clients, "RegistriesClient", "list");
    assert!(list.contains("-> Result<Pager<crate::models::RegistryListResult>>"));
    // The next link's and the items' wire names: the pager scans each page for them.
    let squash = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(squash(list).contains(
        "core.pager( \"RegistriesClient.list\", &options.method_options, request, Some(\"nextLink\"), \"value\", )"
    ));
    // `nextLinkName: null`: one page.
    let by_group = method(&clients, "RegistriesClient", "list_by_resource_group");
    assert!(squash(by_group).contains(
        "core.pager( \"RegistriesClient.list_by_resource_group\", &options.method_options, request, None, \"value\", )"
    ));
    // One `Page` impl per list model, however many operations return it.
    assert_eq!(
        clients
            .matches("crate::models::RegistryListResult, crate::models::Registry,")
            .count(),
        1
    );
    // A custom itemName; a required item array is an `Option` as every field.
    assert!(clients.contains(
        "http::impl_page!(crate::models::EventListResult, crate::models::Event, events);"
    ));
    assert!(clients.contains(
        "http::impl_page!(crate::models::OperationListResult, crate::models::OperationDefinition, value);"
    ));
    assert!(method(&clients, "WebhooksClient", "list_events").contains("Method::Post"));
    // Operations_List takes no subscription: only the api-version.
    assert!(method(&clients, "OperationsClient", "list").contains("&[], true"));
}

#[test]
fn operations_params() {
    let (clients, warnings) = clients("operations_params");
    assert_no_warnings("operations_params", &warnings);
    // The client-level subscriptionId is a constructor argument, filled in by the runtime.
    assert!(clients.contains("subscription_id: impl ::std::convert::Into<::std::string::String>,"));
    assert!(clients.contains("let params = ::std::vec![(\"subscriptionId\", subscription_id)];"));
    assert!(!clients.contains("(\"subscriptionId\", subscription_id),\n"));
    let list = method(&clients, "TagsClient", "list");
    // Required query parameters are arguments; optional ones are fields of the options.
    assert!(list.contains("digest: &str,\n        kind: &crate::models::TagsListKind,\n        options: Option<TagsListOptions<'_>>,"), "{list}");
    assert!(list.contains("DIGEST.check(digest)?;"));
    assert!(list.contains("http::check_number(\"$top\", *value as f64, Some(1.0), Some(1000.0))?;"));
    assert!(list.contains("http::query(&mut url, \"kind\", kind.as_str());"));
    assert!(list.contains("http::query(&mut url, \"orderby\", value.as_str());"));
    assert!(list.contains("http::query(&mut url, \"$select\", &value.join(\",\"));"));
    // `collectionFormat: multi`: the parameter repeats.
    assert!(
        list.contains(
            "for item in value {\n                    http::query(&mut url, \"artifactType\", item);"
        ),
        "{list}"
    );
    assert!(list.contains("http::query(&mut url, \"since\", &http::format_rfc3339(value)?);"));
    let tokens = method(&clients, "RegistriesClient", "generate_tokens");
    // Numbers by value, arrays as slices.
    assert!(
        tokens.contains("count: i32,\n        repositories: &[::std::string::String],"),
        "{tokens}"
    );
    assert!(tokens.contains("http::check_number(\"count\", count as f64, Some(1.0), Some(10.0))?;"));
    assert!(tokens.contains("request.insert_header(\"x-ms-correlation-request-id\", ToString::to_string(x_ms_correlation_request_id));"), "{tokens}");
    // Header values are owned strings, converted once.
    assert!(
        tokens.contains(
            "request.insert_header(\"x-ms-token-lifetime\", x_ms_token_lifetime.to_string());"
        ),
        "{tokens}"
    );
    // Optional headers.
    let get = method(&clients, "RegistriesClient", "get");
    assert!(get.contains("if let Some(value) = &options.if_none_match {\n                request.insert_header(\"if-none-match\", ToString::to_string(value));"), "{get}");
    // An optional body is a field of the options.
    let regenerate = method(&clients, "RegistriesClient", "regenerate_credential");
    assert!(
        regenerate.contains("url, options.regenerate_credential_parameters)"),
        "{regenerate}"
    );
    assert!(clients.contains("pub regenerate_credential_parameters: Option<&'a crate::models::RegenerateCredentialParameters>,"));
    // x-ms-skip-url-encoding.
    assert!(clients
        .contains("\"/{+resourceUri}/providers/Microsoft.Insights/diagnosticSettings/{name}\""));
    // Headers declared on a 200.
    assert!(clients.contains("fn etag(&self)"));
    assert!(clients.contains("HeaderName::from_static(\"x-ms-request-id\")"));
}

/// Example tests of a client without authentication and with a client-level integer:
/// the replays build it without a credential and with the integer typed, and expect no
/// Authorization header (the fixture crate compiles and runs them).
#[test]
fn operations_examples() {
    let out = generate_fixture("operations/examples.json");
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    assert_eq!(out.stats.examples, 2);
    let cases = &out.files["tests/examples/cases.rs"];
    let helper = &cases[cases.find("fn new_client(").expect("new_client")..];
    let helper = &helper[..helper.find("\n}\n").expect("its end")];
    assert!(helper.contains("shelf: i32"), "{helper}");
    assert!(!helper.contains("credential"), "{helper}");
    assert!(cases.contains("value::<i32>(&example, \"/parameters/shelf\")?"));
    assert!(cases.contains("const AUTHORIZATION: Option<&str> = None;"));
    assert!(cases.contains("report_replays(runs, 2);"));
}

/// Names taken by imports or by the client are renamed once, and the example replays
/// use the renamed items: `ClientMethodOptions` (azure_core's, imported) makes
/// `Client_Method`'s options `ClientMethodOptions2`, each rename a warning.
#[test]
fn operations_reserved_names() {
    let (clients, warnings) = clients("operations_reserved_names");
    assert!(
        clients.contains("pub struct ClientMethodOptions2<'a> {"),
        "{clients}"
    );
    assert!(
        clients.contains("pub struct ReservedNamesClient2 {"),
        "{clients}"
    );
    assert!(clients.contains("pub fn reserved_names_client(&self) -> ReservedNamesClient2 {"));
    // The spec's OAuth2 scope is a URL: the client's tokens are for it.
    assert!(clients.contains(
        "::std::option::Option::Some((credential, http::Scopes::Fixed(&[\"https://things.example/.default\"]))),"
    ));
    let out = generate_fixture("operations/reserved_names.json");
    assert_eq!(out.stats.examples, 2);
    let cases = &out.files["tests/examples/cases.rs"];
    assert!(
        cases.contains("Some(generated::clients::ClientMethodOptions2 {"),
        "{cases}"
    );
    assert!(!cases.contains("ClientMethodOptions {"), "{cases}");
    assert!(cases.contains("Some(generated::clients::ReservedNamesUpdateOptions {"));
    assert!(cases.contains(".reserved_names_client()"));
    assert!(cases.contains("report_replays(runs, 2);"));
    assert_eq!(
        warnings,
        [
            "operations/reserved_names.json:23:14: #/paths/~1things~1{thingName}/get: options struct name `ClientMethodOptions` is taken by `(imported)`; `Client_Method`'s options are named `ClientMethodOptions2`",
            "operations/reserved_names.json:38:14: #/paths/~1things~1{thingName}/put: sub-client name `ReservedNamesClient` is taken by `(the client)`; the `ReservedNames` operations are on `ReservedNamesClient2`",
        ],
    );
}

#[test]
fn operations_names() {
    let (clients, warnings) = clients("operations_names");
    // No `_` in the operationId: a method of the client itself.
    let check = method(&clients, "NamesFixtureClient", "check_name_availability");
    assert!(check.contains("let (core, options) = (&self.core, options.unwrap_or_default());"));
    assert!(method(&clients, "NamesFixtureClient", "list_links")
        .contains("Result<Pager<crate::models::LinkList>>"));
    assert!(clients.contains("/// Options for [`NamesFixtureClient::check_name_availability`]."));
    assert!(clients.contains("The NamesFixture client: 5 operations in 1 group."));
    // Arguments named like keywords or the method's locals get a `_`; options fields need none.
    let get = method(&clients, "LinksClient", "get");
    assert!(get.contains("type_: &str,\n        self_: &str,\n        url_: &str,\n        options_: &str,\n        core_: i32,\n        request_: &str,"), "{get}");
    assert!(get.contains("http::query(&mut url, \"url\", url_);"));
    assert!(get.contains("request.insert_header(\"request\", ToString::to_string(request_));"));
    let create = method(&clients, "LinksClient", "create_or_update");
    assert!(create.contains("request_: &crate::models::Link,"));
    assert!(create.contains("if let Some(value) = &options.url {"));
    assert!(create.contains("if let Some(value) = &options.options {"));
    // `begin_` + `Move`, not `begin_move_`.
    assert!(method(&clients, "LinksClient", "begin_move").contains("Some(url_)"));
    assert_eq!(
        warnings,
        ["operations/names.json:65:11: #/paths/~1subscriptions~1{subscriptionId}~1providers~1Microsoft.ContainerRegistry~1links~1{type}~1{self}/get/parameters/9: parameter name `method_options` of `Links_Get` is taken; `method_options` is named `method_options2`"]
    );
}

/// Writes `contents` to `path` unless it already holds exactly that (so cargo's
/// mtime-based fingerprints see no change and nothing rebuilds needlessly).
fn write_if_changed(path: &Path, contents: &str) {
    if std::fs::read_to_string(path).is_ok_and(|old| old == contents) {
        return;
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    }
    std::fs::write(path, contents).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// Every file below `dir`, relative to it, `/`-separated.
fn files_below(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(rel) = path.strip_prefix(dir) {
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out
}

/// Writes the fixture crates and their workspace; returns the workspace directory.
fn write_fixture_workspace() -> PathBuf {
    let root = workspace().join("target/fixture-crates");
    let hand_written = workspace().join("tests/fixture-tests");
    let mut members = Vec::new();
    for (dir, file, crate_name) in FIXTURES {
        let out = generate_fixture(file);
        assert_eq!(
            out.files["Cargo.toml"]
                .lines()
                .find(|l| l.starts_with("name = ")),
            Some(format!("name = \"{crate_name}\"").as_str())
        );
        let mut files: BTreeMap<String, String> = out.files;
        let read = |path: &Path| {
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        };
        files.insert(
            format!("tests/{dir}.rs"),
            read(&hand_written.join(format!("{dir}.rs"))),
        );
        // Crates with a client: the tests' mock transport.
        if files.contains_key("src/clients.rs") {
            files.insert(
                "tests/support/mod.rs".to_string(),
                read(&hand_written.join("support/mock.rs")),
            );
        }
        // Warnings are errors, through the workspace's `[lints]` rather than RUSTFLAGS, so
        // the fixture crates share the main target directory and its built dependencies.
        if let Some(manifest) = files.get_mut("Cargo.toml") {
            manifest.push_str("\n[lints]\nworkspace = true\n");
        }
        let crate_dir = root.join(dir);
        for stale in files_below(&crate_dir) {
            if !files.contains_key(&stale) {
                let _ = std::fs::remove_file(crate_dir.join(&stale));
            }
        }
        for (path, contents) in &files {
            write_if_changed(&crate_dir.join(path), contents);
        }
        members.push(format!("    \"{dir}\","));
    }
    // Crates of fixtures that no longer exist.
    if let Ok(entries) = std::fs::read_dir(&root) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            if entry.path().is_dir() && !FIXTURES.iter().any(|f| f.0 == name) {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
    write_if_changed(
        &root.join("Cargo.toml"),
        &format!(
            "# Written by tests/tests/fixtures.rs: the generated fixture crates.\n\
             [workspace]\nresolver = \"2\"\nmembers = [\n{}\n]\n\n\
             [workspace.lints.rust]\nwarnings = \"deny\"\n",
            members.join("\n")
        ),
    );
    // The main workspace's lock file, so the crates build with the same dependency versions.
    let lock = std::fs::read_to_string(workspace().join("Cargo.lock")).expect("Cargo.lock");
    write_if_changed(&root.join("Cargo.lock"), &lock);
    root
}

/// Runs cargo in the fixture workspace with warnings denied; offline first, and online
/// only when offline failed for want of a crate that is not in the local registry.
fn cargo(root: &Path, args: &[&str], offline: &mut bool) -> (bool, String) {
    let run = |offline: bool| {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let mut cmd = Command::new(cargo);
        // `--offline` goes right after the subcommand, before any `--`.
        let (subcommand, rest) = args.split_first().expect("a cargo subcommand");
        cmd.current_dir(root).arg(subcommand);
        if offline {
            cmd.arg("--offline");
        }
        // The main target directory: dependencies built for the workspace are reused.
        cmd.args(rest)
            .env("CARGO_TARGET_DIR", workspace().join("target"))
            .env_remove("RUSTFLAGS")
            .env_remove("CARGO_ENCODED_RUSTFLAGS")
            .env_remove("CARGO_BUILD_RUSTFLAGS")
            .env_remove("RUSTC_WRAPPER")
            .env_remove("RUSTC_WORKSPACE_WRAPPER")
            // The fixtures' example tests read their examples from tests/fixtures.
            .env_remove("AZURE_REST_API_SPECS");
        let out = cmd
            .output()
            .unwrap_or_else(|e| panic!("cannot run cargo: {e}"));
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        // What cargo says when `--offline` is why a crate cannot be had.
        let missing_crate = stderr.contains("offline mode (--offline)")
            || stderr.contains("but --offline was specified");
        let text = format!(
            "$ cargo {}{}\n--- stdout\n{}\n--- stderr\n{stderr}",
            args.join(" "),
            if offline { " --offline" } else { "" },
            String::from_utf8_lossy(&out.stdout),
        );
        (out.status.success(), missing_crate, text)
    };
    if *offline {
        let (ok, missing_crate, text) = run(true);
        if ok || !missing_crate {
            return (ok, text);
        }
        eprintln!("offline build failed for want of a crate; going online");
        *offline = false;
    }
    let (ok, _, text) = run(false);
    (ok, text)
}

#[test]
fn fixture_crates_compile_and_pass_their_tests() {
    let fixtures = fixtures_dir();
    assert!(fixtures.is_dir(), "{}", fixtures.display());
    let root = write_fixture_workspace();
    let mut offline = true;
    let started = Instant::now();
    let (ok, text) = cargo(&root, &["test", "--workspace"], &mut offline);
    assert!(ok, "the fixture crates fail to build or test:\n{text}");
    let tested = started.elapsed();
    // Every hand-written test file ran.
    for (dir, _, _) in FIXTURES {
        assert!(
            text.contains(&format!("Running tests/{dir}.rs")),
            "tests/{dir}.rs did not run:\n{text}"
        );
    }
    // `cargo clippy` takes its lint flags after `--`; `-D warnings` there covers clippy's lints.
    let (ok, clippy) = cargo(
        &root,
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
        &mut offline,
    );
    assert!(ok, "clippy finds fault with the fixture crates:\n{clippy}");
    eprintln!(
        "fixture crates: cargo test {:.0?}, cargo clippy {:.0?}",
        tested,
        started.elapsed() - tested
    );
}
