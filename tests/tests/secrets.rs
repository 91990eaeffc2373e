//! The redaction rule (`generator/src/lower/secrets.rs`) on real specs: which model
//! fields the generated `Debug` hides, for ACR management and Key Vault (management and
//! the secrets data plane), read from the generated models (`=> @hide` / `@hide_query`);
//! and the audience of Key Vault's data-plane client.

use std::collections::BTreeSet;

use azgen_tests::{generate, settings, spec_root, ACR};

const KEYVAULT_SECRETS: &str =
    "specification/keyvault/data-plane/Microsoft.KeyVault/stable/7.4/secrets.json";
const KEYVAULT_MGMT: &str =
    "specification/keyvault/resource-manager/Microsoft.KeyVault/stable/2022-07-01/secrets.json";

/// `(Model.field, marker)` for every hidden field of the generated models.
fn hidden(entry: &str) -> BTreeSet<(String, String)> {
    let out = generate(&spec_root(), &[entry], &settings("redaction"));
    let models = &out.files["src/models.rs"];
    let mut model = String::new();
    let mut found = BTreeSet::new();
    for line in models.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("pub struct ") {
            model = rest.trim_end_matches(" {").to_string();
        }
        for marker in ["@hide_query", "@hide"] {
            if line.contains(&format!("=> {marker} ")) {
                let field = line
                    .trim_start_matches("pub ")
                    .split(':')
                    .next()
                    .unwrap_or("");
                found.insert((format!("{model}.{field}"), marker.to_string()));
                break;
            }
        }
    }
    found
}

fn has(found: &BTreeSet<(String, String)>, field: &str, marker: &str) -> bool {
    found.contains(&(field.to_string(), marker.to_string()))
}

#[test]
fn acr_models_hide_passwords_headers_and_queries() {
    let found = hidden(ACR);
    for (field, marker) in [
        ("RegistryPassword.value", "@hide"),
        ("ImportSourceCredentials.password", "@hide"),
        ("CallbackConfig.custom_headers", "@hide"),
        ("CallbackConfig.service_uri", "@hide_query"),
        ("TokenPassword.value", "@hide"),
        ("EventRequestMessage.headers", "@hide"),
    ] {
        assert!(has(&found, field, marker), "{field} {marker}: {found:?}");
    }
    // Names, ids and enums stay visible.
    for field in ["RegistryPassword.name", "Registry.id", "TokenPassword.name"] {
        assert!(!found.iter().any(|(f, _)| f == field), "{field}: {found:?}");
    }
}

#[test]
fn keyvault_models_hide_secret_values() {
    let data = hidden(KEYVAULT_SECRETS);
    for field in [
        "SecretBundle.value",
        "SecretSetParameters.value",
        "SecretUpdateParameters.value",
    ] {
        let present = data.iter().any(|(f, _)| f == field);
        let hidden = has(&data, field, "@hide");
        assert!(
            hidden || !present && field != "SecretBundle.value",
            "{field}: {data:?}"
        );
    }
    assert!(
        !data.iter().any(|(f, _)| f == "SecretBundle.id"),
        "{data:?}"
    );
    let mgmt = hidden(KEYVAULT_MGMT);
    assert!(has(&mgmt, "SecretProperties.value", "@hide"), "{mgmt:?}");
    assert!(
        has(&mgmt, "SecretProperties.secret_uri", "@hide_query"),
        "{mgmt:?}"
    );
}

/// Key Vault's data plane declares no security; with the `scopes` setting its client
/// authenticates, for the vault's audience rather than Resource Manager's.
#[test]
fn keyvault_data_plane_tokens_are_for_the_vault() {
    let mut settings = settings("keyvault_secrets");
    settings.scopes = vec!["https://vault.azure.net/.default".to_string()];
    let out = generate(&spec_root(), &[KEYVAULT_SECRETS], &settings);
    let clients = &out.files["src/clients.rs"];
    assert!(
        clients.contains("credential: Arc<dyn TokenCredential>"),
        "{clients}"
    );
    assert!(clients.contains("http::Scopes::Fixed(&[\"https://vault.azure.net/.default\"])"));
    assert!(!clients.contains("Scopes::Arm"));
    // Without the setting: no credential at all (the spec declares none).
    let out = generate(&spec_root(), &[KEYVAULT_SECRETS], &super_settings());
    assert!(!out.files["src/clients.rs"].contains("TokenCredential"));
}

fn super_settings() -> azgen::Settings {
    settings("keyvault_secrets")
}
