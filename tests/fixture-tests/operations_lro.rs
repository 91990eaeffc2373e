//! Long-running operations against a mock transport: where the poller polls, where the
//! result comes from, and what each kind of operation returns.

mod support;

use std::sync::Arc;

use fixture_operations_lro::clients::{LroFixtureClient, LroFixtureClientOptions, ResponseHeaders};
use fixture_operations_lro::models::{
    GenerateCredentialsParameters, GenerateCredentialsResult, ImportImageParameters,
    ProvisioningState, Registry, RegistryUpdateParameters, Replication, Run, RunRequest,
};
use futures::StreamExt;
use serde_json::{json, Value};
use support::{credential, Mock, ENDPOINT};

const SUBSCRIPTION: &str = "00000000-0000-0000-0000-000000000000";
const REGISTRY: &str = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/myregistry";

fn client(mock: &Arc<Mock>) -> LroFixtureClient {
    let options = LroFixtureClientOptions {
        client_options: mock.options(),
        ..LroFixtureClientOptions::default()
    };
    LroFixtureClient::new(ENDPOINT, credential(), SUBSCRIPTION, Some(options)).unwrap()
}

fn url(path: &str) -> String {
    format!("{ENDPOINT}{path}")
}

fn registry(state: &str) -> Value {
    json!({
        "id": REGISTRY,
        "name": "myregistry",
        "location": "westus",
        "properties": { "provisioningState": state }
    })
}

#[tokio::test]
async fn put_polls_the_operation_status_then_reads_the_resource() {
    let mock = Mock::new();
    let status = url("/operations/create-1");
    mock.reply(
        201,
        &[("azure-asyncoperation", &status), ("retry-after", "0")],
        registry("Creating"),
    )
    .reply(
        200,
        &[("retry-after", "0")],
        json!({ "status": "InProgress" }),
    )
    .reply(200, &[], json!({ "status": "Succeeded" }))
    .reply(200, &[], registry("Succeeded"));
    let body = Registry::new("westus");
    let poller = client(&mock)
        .registries_client()
        .begin_create("rg", "myregistry", &body, None)
        .unwrap();
    let created: Registry = poller.await.unwrap().into_model().unwrap();
    assert_eq!(
        created.properties.and_then(|p| p.provisioning_state),
        Some(ProvisioningState::Succeeded)
    );
    let seen = mock.seen();
    let calls: Vec<(&str, String)> = seen
        .iter()
        .map(|s| (s.method.as_str(), s.url.to_string()))
        .collect();
    let original = format!("{}?api-version=2024-01-01", url(REGISTRY));
    assert_eq!(
        calls,
        [
            ("PUT", original.clone()),
            ("GET", status.clone()),
            ("GET", status),
            // final-state-via azure-async-operation on a PUT: the resource, read back.
            ("GET", original),
        ]
    );
    assert_eq!(seen[0].body, Some(json!({ "location": "westus" })));
    assert_eq!(seen[0].header("authorization"), Some("Bearer token"));
}

#[tokio::test]
async fn patch_finishes_at_once_on_a_200() {
    let mock = Mock::new();
    mock.reply(200, &[], registry("Succeeded"));
    let update = RegistryUpdateParameters::default();
    let updated: Registry = client(&mock)
        .registries_client()
        .begin_update("rg", "myregistry", &update, None)
        .unwrap()
        .await
        .unwrap()
        .into_model()
        .unwrap();
    assert_eq!(updated.name.as_deref(), Some("myregistry"));
    let seen = mock.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].method, "PATCH");
    assert_eq!(seen[0].body, Some(json!({})));
}

#[tokio::test]
async fn a_failed_operation_is_an_error_with_the_service_message() {
    let mock = Mock::new();
    let status = url("/operations/create-2");
    mock.reply(
        201,
        &[("azure-asyncoperation", &status), ("retry-after", "0")],
        registry("Creating"),
    )
    .reply(
        200,
        &[],
        json!({ "status": "Failed", "error": { "code": "QuotaExceeded", "message": "No more registries." } }),
    );
    let body = Registry::new("westus");
    let error = client(&mock)
        .registries_client()
        .begin_create("rg", "myregistry", &body, None)
        .unwrap()
        .await
        .unwrap_err();
    assert!(error.to_string().contains("No more registries."), "{error}");
    assert_eq!(mock.seen().len(), 2);
}

#[tokio::test]
async fn delete_polls_the_location_and_has_no_result() {
    let mock = Mock::new();
    let location = url("/operations/delete-1");
    mock.reply(
        202,
        &[("location", &location), ("retry-after", "0")],
        Value::Null,
    )
    .reply(202, &[("retry-after", "0")], Value::Null)
    .reply(204, &[], Value::Null);
    let mut poller = client(&mock)
        .registries_client()
        .begin_delete("rg", "myregistry", None)
        .unwrap();
    // The first response carries the headers its 202 declares.
    let first = poller.next().await.unwrap().unwrap();
    assert_eq!(first.location(), Some(location.as_str()));
    assert_eq!(first.retry_after(), Some("0"));
    let () = poller.await.unwrap().into_model().unwrap();
    let seen = mock.seen();
    let methods: Vec<&str> = seen.iter().map(|s| s.method.as_str()).collect();
    assert_eq!(methods, ["DELETE", "GET", "GET"]);
    assert_eq!(seen[1].url.as_str(), location);
}

#[tokio::test]
async fn delete_with_a_synchronous_body_still_has_no_result() {
    let mock = Mock::new();
    mock.reply(200, &[], json!({ "location": "westus", "name": "eastus" }));
    let () = client(&mock)
        .replications_client()
        .begin_delete("rg", "myregistry", "eastus", None)
        .unwrap()
        .await
        .unwrap()
        .into_model()
        .unwrap();
}

#[tokio::test]
async fn post_reads_its_result_from_the_location() {
    let mock = Mock::new();
    let location = url("/operations/credentials-1");
    mock.reply(
        202,
        &[("location", &location), ("retry-after", "0")],
        Value::Null,
    )
    .reply(
        200,
        &[],
        json!({ "username": "me", "passwords": ["p1", "p2"] }),
    );
    let parameters = GenerateCredentialsParameters {
        token_id: Some("token-1".into()),
        ..GenerateCredentialsParameters::default()
    };
    let result: GenerateCredentialsResult = client(&mock)
        .registries_client()
        .begin_generate_credentials("rg", "myregistry", &parameters, None)
        .unwrap()
        .await
        .unwrap()
        .into_model()
        .unwrap();
    assert_eq!(result.username.as_deref(), Some("me"));
    let seen = mock.seen();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].method, "POST");
    assert_eq!(seen[0].body, Some(json!({ "tokenId": "token-1" })));
    assert_eq!(seen[1].url.as_str(), location);
}

#[tokio::test]
async fn post_without_a_result_body() {
    let mock = Mock::new();
    let location = url("/operations/import-1");
    mock.reply(
        202,
        &[("location", &location), ("retry-after", "0")],
        Value::Null,
    )
    .reply(200, &[], Value::Null);
    let parameters = ImportImageParameters::new("docker.io/library/hello-world:latest");
    let () = client(&mock)
        .registries_client()
        .begin_import_image("rg", "myregistry", &parameters, None)
        .unwrap()
        .await
        .unwrap()
        .into_model()
        .unwrap();
    assert_eq!(mock.seen().len(), 2);
}

#[tokio::test]
async fn post_with_final_state_via_azure_async_operation_returns_the_status_resource() {
    let mock = Mock::new();
    let status = url("/operations/run-1");
    mock.reply(
        202,
        &[("azure-asyncoperation", &status), ("retry-after", "0")],
        Value::Null,
    )
    .reply(200, &[], json!({ "status": "Succeeded", "runId": "ca1" }));
    let run: Run = client(&mock)
        .registries_client()
        .begin_schedule_run("rg", "myregistry", &RunRequest::default(), None)
        .unwrap()
        .await
        .unwrap()
        .into_model()
        .unwrap();
    assert_eq!(run.run_id.as_deref(), Some("ca1"));
    assert_eq!(mock.seen().len(), 2);
}

#[tokio::test]
async fn put_with_final_state_via_original_uri() {
    let mock = Mock::new();
    let location = url("/operations/replication-1");
    let replication = json!({ "location": "eastus", "name": "eastus" });
    mock.reply(
        201,
        &[("location", &location), ("retry-after", "0")],
        Value::Null,
    )
    .reply(200, &[], Value::Null)
    .reply(200, &[], replication.clone());
    let created: Replication = client(&mock)
        .replications_client()
        .begin_create(
            "rg",
            "myregistry",
            "eastus",
            &Replication::new("eastus"),
            None,
        )
        .unwrap()
        .await
        .unwrap()
        .into_model()
        .unwrap();
    assert_eq!(created.name.as_deref(), Some("eastus"));
    let seen = mock.seen();
    assert_eq!(seen.len(), 3);
    assert_eq!(seen[2].method, "GET");
    assert_eq!(seen[2].url, seen[0].url);
}

#[tokio::test]
async fn path_parameters_are_checked_before_anything_is_sent() {
    let mock = Mock::new();
    let body = Registry::new("westus");
    let registries = client(&mock);
    let registries = registries.registries_client();
    for (group, name) in [
        ("rg", "abc"),
        ("rg", "not-alphanumeric"),
        ("", "myregistry"),
    ] {
        let error = registries
            .begin_create(group, name, &body, None)
            .err()
            .unwrap_or_else(|| panic!("{group}/{name} was accepted"));
        assert!(error.to_string().contains("Name"), "{error}");
    }
    assert!(mock.seen().is_empty());
}
