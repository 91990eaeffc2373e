//! Four small programs a new user writes from the crate's docs alone (issue 15): create a
//! registry and wait; list every registry and fetch each; create a repository token and
//! rotate its password; tell a missing registry from an error. Each `program_*` function
//! is the program, written against the public API only (no `runtime::http` internals);
//! each test runs it against the HTTPS mock of Resource Manager and checks what the
//! service received.
//!
//! Hand-written: `cargo xtask regen` leaves this file alone.

#[path = "../../generator/src/templates/mock_support.rs"]
mod mock;

use acr_mgmt::models::{
    GenerateCredentialsParameters, GenerateCredentialsResult, Registry, Sku, SkuName, Token,
    TokenPasswordName, TokenProperties,
};
use acr_mgmt::{ContainerRegistryClient, ContainerRegistryClientOptions, ResourceId};
use azure_core::http::StatusCode;
use futures::TryStreamExt as _;
use mock::{MockArm, Retry};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const SUB: &str = "00000000-0000-0000-0000-000000000001";
const RG: &str = "myResourceGroup";

// ------------------------------------------------------------------ the programs

/// 1. Create a registry and wait until it is provisioned.
async fn program_create(client: &ContainerRegistryClient) -> azure_core::Result<Registry> {
    let mut registry = Registry::new("westus", Sku::new(SkuName::Basic));
    registry.tags = Some([("team".to_string(), "platform".to_string())].into());
    client
        .registries_client()
        .begin_create(RG, "myRegistry", &registry, None)?
        .await?
        .into_model()
}

/// 2. List every registry of the subscription, then fetch each one (all at once).
async fn program_list(client: &ContainerRegistryClient) -> azure_core::Result<Vec<Registry>> {
    let names: Vec<(String, String)> = client
        .registries_client()
        .list(None)?
        .try_filter_map(|r| async move {
            let group =
                r.id.as_deref()
                    .and_then(|id| id.parse::<ResourceId>().ok())
                    .and_then(|id| id.resource_group().map(str::to_string));
            Ok(group.zip(r.name))
        })
        .try_collect()
        .await?;
    let gets = names
        .iter()
        .map(|(group, name)| client.registries_client().get(group, name, None));
    let responses = futures::future::try_join_all(gets).await?;
    responses.into_iter().map(|r| r.into_model()).collect()
}

/// 3. Create a repository token and rotate (generate) its first password.
async fn program_rotate(client: &ContainerRegistryClient) -> azure_core::Result<String> {
    let registry = "myRegistry";
    let scope_map = ResourceId::in_group(SUB, RG)
        .resource("Microsoft.ContainerRegistry", "registries", registry)
        .child("scopeMaps", "_repositories_pull");
    let token = Token {
        properties: Some(Box::new(TokenProperties {
            scope_map_id: Some(scope_map.to_string()),
            ..TokenProperties::default()
        })),
        ..Token::default()
    };
    let created = client
        .tokens_client()
        .begin_create(RG, registry, "myToken", &token, None)?
        .await?
        .into_model()?;
    let token_id = created.id.unwrap_or_default();
    let parameters = GenerateCredentialsParameters {
        token_id: Some(token_id),
        name: Some(TokenPasswordName::Password1),
        ..GenerateCredentialsParameters::default()
    };
    let result: GenerateCredentialsResult = client
        .registries_client()
        .begin_generate_credentials(RG, registry, &parameters, None)?
        .await?
        .into_model()?;
    let password = result
        .passwords
        .unwrap_or_default()
        .into_iter()
        .find(|p| p.name == Some(TokenPasswordName::Password1))
        .and_then(|p| p.value);
    Ok(password.map(|v| v.expose().clone()).unwrap_or_default())
}

/// 4. Whether a registry exists: a 404 is `false`, any other failure an error.
async fn program_exists(client: &ContainerRegistryClient, name: &str) -> azure_core::Result<bool> {
    match client.registries_client().get(RG, name, None).await {
        Ok(_) => Ok(true),
        Err(e) if e.http_status() == Some(StatusCode::NotFound) => Ok(false),
        Err(e) => Err(e),
    }
}

// ------------------------------------------------------------------ the mock

fn client(mock: &MockArm) -> ContainerRegistryClient {
    let options = ContainerRegistryClientOptions {
        client_options: mock.client_options_with(Retry::Off),
        ..ContainerRegistryClientOptions::default()
    };
    ContainerRegistryClient::new(mock.base(), mock::credential(), SUB, Some(options))
        .expect("a client")
}

fn registry_path(name: &str) -> String {
    format!("/subscriptions/{SUB}/resourceGroups/{RG}/providers/Microsoft.ContainerRegistry/registries/{name}")
}

fn registry_json(name: &str, state: &str) -> serde_json::Value {
    json!({
        "id": registry_path(name),
        "name": name,
        "type": "Microsoft.ContainerRegistry/registries",
        "location": "westus",
        "sku": {"name": "Basic", "tier": "Basic"},
        "properties": {"provisioningState": state, "loginServer": format!("{}.azurecr.io", name.to_lowercase())}
    })
}

#[tokio::test]
async fn create_a_registry_and_wait() -> TestResult {
    let mock = MockArm::start().await;
    Mock::given(method("PUT"))
        .and(path(registry_path("myRegistry")))
        .respond_with(
            ResponseTemplate::new(201)
                .insert_header("retry-after", "0")
                .set_body_json(registry_json("myRegistry", "Creating")),
        )
        .mount(&mock.server)
        .await;
    Mock::given(method("GET"))
        .and(path(registry_path("myRegistry")))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(registry_json("myRegistry", "Succeeded")),
        )
        .mount(&mock.server)
        .await;

    let registry = program_create(&client(&mock)).await?;

    let state = registry.properties.and_then(|p| p.provisioning_state);
    assert_eq!(state.map(|s| s.to_string()).as_deref(), Some("Succeeded"));
    let requests = mock.authorized_requests().await;
    assert_eq!(
        mock::json_body(&requests[0]),
        json!({"location": "westus", "sku": {"name": "Basic"}, "tags": {"team": "platform"}})
    );
    Ok(())
}

#[tokio::test]
async fn list_every_registry_and_fetch_each() -> TestResult {
    let mock = MockArm::start().await;
    let list = format!("/subscriptions/{SUB}/providers/Microsoft.ContainerRegistry/registries");
    Mock::given(method("GET"))
        .and(path(list.as_str()))
        .and(wiremock::matchers::query_param("$skipToken", "2"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"value": [registry_json("registryb", "Succeeded")]})),
        )
        .with_priority(1)
        .mount(&mock.server)
        .await;
    Mock::given(method("GET"))
        .and(path(list.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "value": [registry_json("registrya", "Succeeded")],
            "nextLink": mock.url(&format!("{list}?$skipToken=2")),
        })))
        .with_priority(2)
        .mount(&mock.server)
        .await;
    for name in ["registrya", "registryb"] {
        Mock::given(method("GET"))
            .and(path(registry_path(name)))
            .respond_with(
                ResponseTemplate::new(200).set_body_json(registry_json(name, "Succeeded")),
            )
            .mount(&mock.server)
            .await;
    }

    let registries = program_list(&client(&mock)).await?;

    let names: Vec<&str> = registries
        .iter()
        .filter_map(|r| r.name.as_deref())
        .collect();
    assert_eq!(names, ["registrya", "registryb"]);
    assert_eq!(mock.authorized_requests().await.len(), 4);
    Ok(())
}

#[tokio::test]
async fn create_a_token_and_rotate_its_password() -> TestResult {
    let mock = MockArm::start().await;
    let token_path = format!("{}/tokens/myToken", registry_path("myRegistry"));
    let token_id = token_path.clone();
    Mock::given(method("PUT"))
        .and(path(token_path.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "id": token_id,
            "name": "myToken",
            "properties": {"provisioningState": "Succeeded", "scopeMapId": "x"}
        })))
        .mount(&mock.server)
        .await;
    let result = format!("/subscriptions/{SUB}/providers/Microsoft.ContainerRegistry/locations/westus/operationResults/gen");
    Mock::given(method("POST"))
        .and(path(format!(
            "{}/generateCredentials",
            registry_path("myRegistry")
        )))
        .respond_with(
            ResponseTemplate::new(202)
                .insert_header("location", mock.url(&result).as_str())
                .insert_header("retry-after", "0"),
        )
        .mount(&mock.server)
        .await;
    Mock::given(method("GET"))
        .and(path(result.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "username": "myToken",
            "passwords": [{"name": "password1", "value": "new-S3CRET"}]
        })))
        .mount(&mock.server)
        .await;

    let password = program_rotate(&client(&mock)).await?;

    assert_eq!(password, "new-S3CRET");
    let requests = mock.authorized_requests().await;
    let scope_map = format!(
        "{}/scopeMaps/_repositories_pull",
        registry_path("myRegistry")
    );
    assert_eq!(
        mock::json_body(&requests[0]),
        json!({"properties": {"scopeMapId": scope_map}})
    );
    assert_eq!(
        mock::json_body(&requests[1]),
        json!({"tokenId": token_path, "name": "password1"})
    );
    Ok(())
}

#[tokio::test]
async fn tell_a_missing_registry_from_an_error() -> TestResult {
    let mock = MockArm::start().await;
    Mock::given(method("GET"))
        .and(path(registry_path("registryhere")))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(registry_json("registryhere", "Succeeded")),
        )
        .mount(&mock.server)
        .await;
    Mock::given(method("GET"))
        .and(path(registry_path("registrygone")))
        .respond_with(
            ResponseTemplate::new(404).set_body_json(
                json!({"error": {"code": "ResourceNotFound", "message": "not found"}}),
            ),
        )
        .mount(&mock.server)
        .await;
    Mock::given(method("GET"))
        .and(path(registry_path("registrybroken")))
        .respond_with(
            ResponseTemplate::new(500).set_body_json(
                json!({"error": {"code": "InternalServerError", "message": "boom"}}),
            ),
        )
        .mount(&mock.server)
        .await;
    let client = client(&mock);

    assert!(program_exists(&client, "registryhere").await?);
    assert!(!program_exists(&client, "registrygone").await?);
    let error = program_exists(&client, "registrybroken")
        .await
        .expect_err("a 500 is an error");
    assert_eq!(error.http_status(), Some(StatusCode::InternalServerError));
    assert_eq!(error.to_string(), "boom");
    Ok(())
}
