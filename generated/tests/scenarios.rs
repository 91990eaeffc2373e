//! End-to-end scenarios of the generated ACR client against an HTTPS mock of Azure
//! Resource Manager (wiremock behind a TLS proxy; see the generator's
//! `templates/mock_support.rs`). Every test checks the exact requests the service
//! received (method, path, api-version, JSON body) and that each carried the bearer
//! token, besides what the caller gets back.
//!
//! Hand-written: `cargo xtask regen` leaves this file alone.

#[path = "../../generator/src/templates/mock_support.rs"]
mod mock;

use std::time::{Duration, Instant};

// The options structs are beside the models, where users look for them.
use acr_mgmt::models::{
    CreatedByType, GenerateCredentialsParameters, GenerateCredentialsResult, ProvisioningState,
    RegistriesCreateOptions, RegistriesGetOptions, RegistriesListOptions, Registry,
    RegistryProperties, ResourceIdentityType, Sku, SkuName, SkuTier, SystemData, TokenPasswordName,
};
use acr_mgmt::runtime::http::{InvalidArgument, Limits, Timeout};
use acr_mgmt::{ContainerRegistryClient, ContainerRegistryClientOptions};
use azure_core::error::{ErrorKind, ErrorResponse};
use azure_core::http::pager::{PagerContinuation, PagerOptions};
use azure_core::http::poller::{PollerOptions, PollerStatus};
use azure_core::http::{ClientMethodOptions, Context, StatusCode};
use futures::{StreamExt as _, TryStreamExt as _};
use mock::{MockArm, Retry, Sequence};
use serde_json::{json, Value};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, Request, ResponseTemplate};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const API: &str = "2023-01-01-preview";
const SUB: &str = "00000000-0000-0000-0000-000000000001";
const RG: &str = "myResourceGroup";
const REG: &str = "myRegistry";

fn registry_path() -> String {
    format!("/subscriptions/{SUB}/resourceGroups/{RG}/providers/Microsoft.ContainerRegistry/registries/{REG}")
}

/// An operation-status or operation-result path on the mock, with its api-version.
fn operation_path(kind: &str, id: &str) -> String {
    format!(
        "/subscriptions/{SUB}/providers/Microsoft.ContainerRegistry/locations/westus/{kind}/{id}"
    )
}

fn with_api(path: &str) -> String {
    format!("{path}?api-version={API}")
}

fn client(mock: &MockArm, retry: Retry) -> ContainerRegistryClient {
    client_with(mock, retry, Limits::default())
}

fn client_with(mock: &MockArm, retry: Retry, limits: Limits) -> ContainerRegistryClient {
    let options = ContainerRegistryClientOptions {
        client_options: mock.client_options_with(retry),
        limits,
        ..ContainerRegistryClientOptions::default()
    };
    ContainerRegistryClient::new(mock.base(), mock::credential(), SUB, Some(options))
        .expect("a client")
}

/// Asserts one request: method, path, exactly `api-version=2023-01-01-preview`, and the
/// JSON body (`None`: no body at all).
#[track_caller]
fn assert_request(request: &Request, verb: &str, path: &str, body: Option<&Value>) {
    let what = format!("{} {}", request.method, request.url);
    assert_eq!(request.method.as_str(), verb, "{what}");
    assert_eq!(request.url.path(), path, "{what}");
    assert_eq!(mock::query_values(request, "api-version"), [API], "{what}");
    match body {
        Some(body) => {
            assert_eq!(&mock::json_body(request), body, "the body of {what}");
            let content_type = request
                .headers
                .get("content-type")
                .map(|v| v.to_str().unwrap_or(""));
            assert_eq!(content_type, Some("application/json"), "{what}");
        }
        None => assert!(
            request.body.is_empty(),
            "{what} has a body: {:?}",
            String::from_utf8_lossy(&request.body)
        ),
    }
}

/// The error's message and the messages of its sources.
fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(inner) = source {
        text.push_str(" / ");
        text.push_str(&inner.to_string());
        source = inner.source();
    }
    text
}

fn http_error(error: &azure_core::Error) -> (StatusCode, Option<String>) {
    match error.kind() {
        ErrorKind::HttpResponse {
            status, error_code, ..
        } => (*status, error_code.clone()),
        other => panic!("not an HTTP error: {other:?}: {}", chain(error)),
    }
}

fn registry_json(state: &str) -> Value {
    json!({
        "id": registry_path(),
        "name": REG,
        "type": "Microsoft.ContainerRegistry/registries",
        "location": "westus",
        "tags": {"team": "platform"},
        "sku": {"name": "Standard", "tier": "Standard"},
        "properties": {
            "loginServer": "myregistry.azurecr.io",
            "provisioningState": state,
            "adminUserEnabled": false
        }
    })
}

fn new_registry() -> Registry {
    let mut registry = Registry::new("westus".to_string(), Sku::new(SkuName::Standard));
    registry.tags = Some([("team".to_string(), "platform".to_string())].into());
    registry
}

fn credentials_parameters() -> GenerateCredentialsParameters {
    GenerateCredentialsParameters {
        token_id: Some(format!("{}/tokens/myToken", registry_path())),
        name: Some(TokenPasswordName::Password1),
        ..GenerateCredentialsParameters::default()
    }
}

fn credentials_body() -> Value {
    json!({"tokenId": format!("{}/tokens/myToken", registry_path()), "name": "password1"})
}

fn credentials_result() -> Value {
    json!({
        "username": "myToken",
        "passwords": [
            {"name": "password1", "value": "pw-one-S3CRET", "creationTime": "2023-06-01T00:00:00Z"},
            {"name": "password2", "value": "pw-two-S3CRET"}
        ]
    })
}

fn accepted(location: &str, retry_after: &str) -> ResponseTemplate {
    ResponseTemplate::new(202)
        .insert_header("location", location)
        .insert_header("retry-after", retry_after)
}

fn arm_error(status: u16, code: &str, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status)
        .set_body_json(json!({"error": {"code": code, "message": message}}))
}

// ------------------------------------------------------------------ long-running operations

/// POST generateCredentials: 202 + Location → 202 (Retry-After honoured) → 200 with the
/// result, which is the typed `GenerateCredentialsResult`.
#[tokio::test]
async fn generate_credentials_polls_location_to_the_result() -> TestResult {
    let mock = MockArm::start().await;
    let operation = operation_path("operationResults", "gen1");
    Mock::given(method("POST"))
        .and(path(format!("{}/generateCredentials", registry_path())))
        .and(query_param("api-version", API))
        .respond_with(accepted(&mock.url(&with_api(&operation)), "0"))
        .mount(&mock.server)
        .await;
    Mock::given(method("GET"))
        .and(path(operation.as_str()))
        .respond_with(Sequence::new(vec![
            ResponseTemplate::new(202).insert_header("retry-after", "1"),
            ResponseTemplate::new(200).set_body_json(credentials_result()),
        ]))
        .mount(&mock.server)
        .await;
    let client = client(&mock, Retry::Off);

    let started = Instant::now();
    let result: GenerateCredentialsResult = client
        .registries_client()
        .begin_generate_credentials(RG, REG, &credentials_parameters(), None)?
        .await?
        .into_model()?;
    let elapsed = started.elapsed();

    assert_eq!(result.username.as_deref(), Some("myToken"));
    let passwords = result.passwords.expect("passwords");
    assert_eq!(passwords.len(), 2);
    assert_eq!(passwords[0].name, Some(TokenPasswordName::Password1));
    assert_eq!(
        passwords[0].value.as_ref().map(|v| v.expose().as_str()),
        Some("pw-one-S3CRET")
    );
    assert_eq!(passwords[1].name, Some(TokenPasswordName::Password2));
    // Retry-After: 1 was waited for; without one the poller would wait 30 s.
    assert!(
        elapsed >= Duration::from_secs(1),
        "polled too early: {elapsed:?}"
    );
    assert!(
        elapsed < Duration::from_secs(15),
        "polled too late: {elapsed:?}"
    );

    let requests = mock.authorized_requests().await;
    assert_eq!(requests.len(), 3, "{requests:?}");
    assert_request(
        &requests[0],
        "POST",
        &format!("{}/generateCredentials", registry_path()),
        Some(&credentials_body()),
    );
    assert_request(&requests[1], "GET", &operation, None);
    assert_request(&requests[2], "GET", &operation, None);
    Ok(())
}

/// POST generateCredentials answered 200 at once: one request, the result.
#[tokio::test]
async fn generate_credentials_done_at_once() -> TestResult {
    let mock = MockArm::start().await;
    Mock::given(method("POST"))
        .and(path(format!("{}/generateCredentials", registry_path())))
        .respond_with(ResponseTemplate::new(200).set_body_json(credentials_result()))
        .mount(&mock.server)
        .await;
    let client = client(&mock, Retry::Off);

    let result = client
        .registries_client()
        .begin_generate_credentials(RG, REG, &credentials_parameters(), None)?
        .await?
        .into_model()?;

    assert_eq!(result.username.as_deref(), Some("myToken"));
    assert_eq!(result.passwords.as_ref().map(Vec::len), Some(2));
    let requests = mock.authorized_requests().await;
    assert_eq!(requests.len(), 1);
    assert_request(
        &requests[0],
        "POST",
        &format!("{}/generateCredentials", registry_path()),
        Some(&credentials_body()),
    );
    Ok(())
}

/// Location polling ends on the first non-202 success: a `status` field in the result
/// body is the result's, not the operation's.
#[tokio::test]
async fn location_polling_ends_on_200_whatever_the_body_says() -> TestResult {
    let mock = MockArm::start().await;
    let operation = operation_path("operationResults", "gen2");
    Mock::given(method("POST"))
        .respond_with(accepted(&mock.url(&with_api(&operation)), "0"))
        .mount(&mock.server)
        .await;
    let mut body = credentials_result();
    body["status"] = json!("Running");
    Mock::given(method("GET"))
        .and(path(operation.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&mock.server)
        .await;
    let client = client(&mock, Retry::Off);

    let poller = client.registries_client().begin_generate_credentials(
        RG,
        REG,
        &credentials_parameters(),
        None,
    )?;
    let result = tokio::time::timeout(Duration::from_secs(20), poller)
        .await
        .expect("the poller kept polling a finished operation")?
        .into_model()?;

    assert_eq!(result.username.as_deref(), Some("myToken"));
    let requests = mock.authorized_requests().await;
    assert_eq!(requests.len(), 2, "{requests:?}");
    assert_request(&requests[1], "GET", &operation, None);
    Ok(())
}

/// A relative Location is resolved against the request's URL (same host).
#[tokio::test]
async fn relative_location_is_followed_on_the_same_host() -> TestResult {
    let mock = MockArm::start().await;
    let operation = operation_path("operationResults", "rel");
    Mock::given(method("POST"))
        .respond_with(accepted(&with_api(&operation), "0"))
        .mount(&mock.server)
        .await;
    Mock::given(method("GET"))
        .and(path(operation.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(credentials_result()))
        .mount(&mock.server)
        .await;
    let client = client(&mock, Retry::Off);

    let result = client
        .registries_client()
        .begin_generate_credentials(RG, REG, &credentials_parameters(), None)?
        .await?
        .into_model()?;

    assert_eq!(result.username.as_deref(), Some("myToken"));
    let requests = mock.authorized_requests().await;
    assert_eq!(requests.len(), 2);
    assert_request(&requests[1], "GET", &operation, None);
    Ok(())
}

/// PUT registry: 201 + Azure-AsyncOperation → InProgress → Succeeded → GET of the
/// original URI, whose body is the result.
#[tokio::test]
async fn create_polls_azure_async_operation_then_gets_the_resource() -> TestResult {
    let mock = MockArm::start().await;
    let status = operation_path("operationStatuses", "put1");
    Mock::given(method("PUT"))
        .and(path(registry_path()))
        .and(query_param("api-version", API))
        .respond_with(
            ResponseTemplate::new(201)
                .insert_header(
                    "azure-asyncoperation",
                    mock.url(&with_api(&status)).as_str(),
                )
                .insert_header("retry-after", "0")
                .set_body_json(registry_json("Creating")),
        )
        .mount(&mock.server)
        .await;
    Mock::given(method("GET"))
        .and(path(status.as_str()))
        .respond_with(Sequence::new(vec![
            ResponseTemplate::new(200)
                .insert_header("retry-after", "0")
                .set_body_json(json!({"status": "InProgress"})),
            ResponseTemplate::new(200).set_body_json(json!({"status": "Succeeded"})),
        ]))
        .mount(&mock.server)
        .await;
    Mock::given(method("GET"))
        .and(path(registry_path()))
        .respond_with(ResponseTemplate::new(200).set_body_json(registry_json("Succeeded")))
        .mount(&mock.server)
        .await;
    let client = client(&mock, Retry::Off);

    let registry = client
        .registries_client()
        .begin_create(RG, REG, &new_registry(), None)?
        .await?
        .into_model()?;

    assert_eq!(registry.id.as_deref(), Some(registry_path().as_str()));
    let properties = registry.properties.expect("properties");
    assert_eq!(
        properties.provisioning_state,
        Some(ProvisioningState::Succeeded)
    );
    assert_eq!(
        properties.login_server.as_deref(),
        Some("myregistry.azurecr.io")
    );

    let requests = mock.authorized_requests().await;
    assert_eq!(requests.len(), 4, "{requests:?}");
    let put_body =
        json!({"location": "westus", "tags": {"team": "platform"}, "sku": {"name": "Standard"}});
    assert_request(&requests[0], "PUT", &registry_path(), Some(&put_body));
    assert_request(&requests[1], "GET", &status, None);
    assert_request(&requests[2], "GET", &status, None);
    assert_request(&requests[3], "GET", &registry_path(), None);
    Ok(())
}

/// The status stream read to its end, then the poller awaited: the result (azure_core's
/// poller alone panics, "Unfold must not be polled after it returned `Poll::Ready(None)`").
/// The first status item, the registry's own body, reports its `provisioningState`.
#[tokio::test]
async fn status_stream_read_to_the_end_then_awaited_gives_the_result() -> TestResult {
    let mock = MockArm::start().await;
    let status = operation_path("operationStatuses", "stream1");
    mount_put_with_status(&mock, &status, json!({"status": "Succeeded"})).await;
    Mock::given(method("GET"))
        .and(path(registry_path()))
        .respond_with(ResponseTemplate::new(200).set_body_json(registry_json("Succeeded")))
        .with_priority(1)
        .mount(&mock.server)
        .await;
    let client = client(&mock, Retry::Off);

    let mut poller = client
        .registries_client()
        .begin_create(RG, REG, &new_registry(), None)?;
    let mut states = Vec::new();
    while let Some(item) = poller.try_next().await? {
        states.push(item.into_model()?.status);
    }
    assert_eq!(
        states,
        [
            Some(PollerStatus::InProgress),
            Some(PollerStatus::Succeeded)
        ]
    );
    assert!(poller.try_next().await?.is_none(), "the stream stays ended");
    let registry = tokio::time::timeout(Duration::from_secs(20), poller)
        .await
        .expect("the poller hangs")?
        .into_model()?;

    let properties = registry.properties.expect("properties");
    assert_eq!(
        properties.provisioning_state,
        Some(ProvisioningState::Succeeded)
    );
    let requests = mock.authorized_requests().await;
    assert_eq!(requests.len(), 3, "{requests:?}");
    assert_request(&requests[2], "GET", &registry_path(), None);
    Ok(())
}

/// A create that never ends: the PUT answers 201 with an `Azure-AsyncOperation` URL and
/// `retry-after-ms: retry_ms`; the status resource always says `InProgress` (with the
/// same `retry-after-ms`), after `delay`. Returns the status resource's path.
async fn mount_endless_operation(
    mock: &MockArm,
    id: &str,
    retry_ms: &str,
    delay: Duration,
) -> String {
    let status = operation_path("operationStatuses", id);
    Mock::given(method("PUT"))
        .respond_with(
            ResponseTemplate::new(201)
                .insert_header(
                    "azure-asyncoperation",
                    mock.url(&with_api(&status)).as_str(),
                )
                .insert_header("retry-after-ms", retry_ms),
        )
        .mount(&mock.server)
        .await;
    Mock::given(method("GET"))
        .and(path(status.as_str()))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("retry-after-ms", retry_ms)
                .set_body_json(json!({"status": "InProgress"}))
                .set_delay(delay),
        )
        .mount(&mock.server)
        .await;
    status
}

async fn mount_put_with_status(mock: &MockArm, status_path: &str, status_body: Value) {
    Mock::given(method("PUT"))
        .and(path(registry_path()))
        .respond_with(
            ResponseTemplate::new(201)
                .insert_header(
                    "azure-asyncoperation",
                    mock.url(&with_api(status_path)).as_str(),
                )
                .insert_header("retry-after", "0")
                .set_body_json(registry_json("Creating")),
        )
        .mount(&mock.server)
        .await;
    Mock::given(method("GET"))
        .and(path(status_path))
        .respond_with(ResponseTemplate::new(200).set_body_json(status_body))
        .mount(&mock.server)
        .await;
    Mock::given(method("GET"))
        .and(path(registry_path()))
        .respond_with(ResponseTemplate::new(200).set_body_json(registry_json("Failed")))
        .mount(&mock.server)
        .await;
}

/// status Failed: an error carrying the operation's ARM error code and message; no
/// final GET.
#[tokio::test]
async fn failed_operation_surfaces_the_arm_error() -> TestResult {
    let mock = MockArm::start().await;
    let status = operation_path("operationStatuses", "fail1");
    let failed = json!({
        "status": "Failed",
        "error": {"code": "QuotaExceeded", "message": "The registry quota of the subscription is exhausted."}
    });
    mount_put_with_status(&mock, &status, failed).await;
    let client = client(&mock, Retry::Off);

    let error = client
        .registries_client()
        .begin_create(RG, REG, &new_registry(), None)?
        .await
        .expect_err("a failed operation is an error");

    assert_eq!(http_error(&error).1.as_deref(), Some("QuotaExceeded"));
    assert_eq!(
        error.to_string(),
        "The registry quota of the subscription is exhausted."
    );
    let detail = ErrorResponse::try_from(error)?.error.expect("an ARM error");
    assert_eq!(detail.code.as_deref(), Some("QuotaExceeded"));
    assert_eq!(
        detail.message.as_deref(),
        Some("The registry quota of the subscription is exhausted.")
    );

    let requests = mock.authorized_requests().await;
    assert_eq!(
        requests.len(),
        2,
        "no GET of the resource after a failure: {requests:?}"
    );
    assert_request(
        &requests[0],
        "PUT",
        &registry_path(),
        Some(
            &json!({"location": "westus", "tags": {"team": "platform"}, "sku": {"name": "Standard"}}),
        ),
    );
    assert_request(&requests[1], "GET", &status, None);
    Ok(())
}

/// status Canceled: an error that says so; no final GET.
#[tokio::test]
async fn canceled_operation_is_an_error() -> TestResult {
    let mock = MockArm::start().await;
    let status = operation_path("operationStatuses", "cancel1");
    mount_put_with_status(&mock, &status, json!({"status": "Canceled"})).await;
    let client = client(&mock, Retry::Off);

    let error = client
        .registries_client()
        .begin_create(RG, REG, &new_registry(), None)?
        .await
        .expect_err("a canceled operation is an error");

    assert!(error.to_string().contains("Canceled"), "{}", chain(&error));
    assert_eq!(http_error(&error).1, None);
    let requests = mock.authorized_requests().await;
    assert_eq!(requests.len(), 2, "{requests:?}");
    assert_request(&requests[1], "GET", &status, None);
    Ok(())
}

/// Polling and next-page URLs on another origin (host, port or scheme) are refused
/// with an error, and nothing is sent there: the pipeline would attach the token.
#[tokio::test]
async fn urls_on_another_origin_are_refused() -> TestResult {
    let mock = MockArm::start().await;
    let operation = with_api(&operation_path("operationResults", "x"));
    let plain_http = mock.url(&operation).replacen("https://", "http://", 1);
    let foreign = [
        format!("https://example.invalid{operation}"),
        // The same mock under https://localhost:<port>: a request sent there would be recorded.
        mock.foreign_url(&operation),
        plain_http,
    ];
    let client = client(&mock, Retry::Off);

    for url in &foreign {
        for header in ["location", "azure-asyncoperation"] {
            mock.server.reset().await;
            Mock::given(method("GET"))
                .respond_with(ResponseTemplate::new(200).set_body_json(credentials_result()))
                .mount(&mock.server)
                .await;
            Mock::given(method("POST"))
                .respond_with(
                    ResponseTemplate::new(202)
                        .insert_header(header, url.as_str())
                        .insert_header("retry-after", "0"),
                )
                .mount(&mock.server)
                .await;
            let error = client
                .registries_client()
                .begin_generate_credentials(RG, REG, &credentials_parameters(), None)?
                .await
                .expect_err("a polling URL on another origin is refused");
            assert!(
                chain(&error).contains("another host"),
                "{header} {url}: {}",
                chain(&error)
            );
            let requests = mock.authorized_requests().await;
            assert_eq!(
                requests.len(),
                1,
                "{header} {url}: only the POST was sent: {requests:?}"
            );
            assert_request(
                &requests[0],
                "POST",
                &format!("{}/generateCredentials", registry_path()),
                Some(&credentials_body()),
            );
        }
    }

    // A nextLink on another host.
    mock.server.reset().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "value": [registry_json("Succeeded")],
            "nextLink": mock.foreign_url(&format!("/subscriptions/{SUB}/providers/Microsoft.ContainerRegistry/registries?api-version={API}&$skipToken=2"))
        })))
        .mount(&mock.server)
        .await;
    let error = client
        .registries_client()
        .list(None)?
        .try_collect::<Vec<_>>()
        .await
        .expect_err("a nextLink on another host is refused");
    assert!(chain(&error).contains("another host"), "{}", chain(&error));
    let requests = mock.authorized_requests().await;
    assert_eq!(requests.len(), 1, "{requests:?}");
    assert_request(
        &requests[0],
        "GET",
        &format!("/subscriptions/{SUB}/providers/Microsoft.ContainerRegistry/registries"),
        None,
    );
    Ok(())
}

/// DELETE: 202 + Location → 204; the result is `()`.
#[tokio::test]
async fn delete_accepted_then_no_content() -> TestResult {
    let mock = MockArm::start().await;
    let operation = operation_path("operationResults", "del1");
    Mock::given(method("DELETE"))
        .and(path(registry_path()))
        .respond_with(accepted(&mock.url(&with_api(&operation)), "0"))
        .mount(&mock.server)
        .await;
    Mock::given(method("GET"))
        .and(path(operation.as_str()))
        .respond_with(ResponseTemplate::new(204))
        .mount(&mock.server)
        .await;
    let client = client(&mock, Retry::Off);

    let response = client
        .registries_client()
        .begin_delete(RG, REG, None)?
        .await?;
    assert_eq!(response.status(), StatusCode::NoContent);
    let () = response.into_model()?;

    let requests = mock.authorized_requests().await;
    assert_eq!(requests.len(), 2, "{requests:?}");
    assert_request(&requests[0], "DELETE", &registry_path(), None);
    assert_request(&requests[1], "GET", &operation, None);
    Ok(())
}

/// A negative Retry-After is no wait (not a panic in the poller).
#[tokio::test]
async fn negative_retry_after_is_no_wait() -> TestResult {
    let mock = MockArm::start().await;
    let operation = operation_path("operationResults", "neg");
    Mock::given(method("DELETE"))
        .respond_with(accepted(&mock.url(&with_api(&operation)), "-5"))
        .mount(&mock.server)
        .await;
    Mock::given(method("GET"))
        .and(path(operation.as_str()))
        .respond_with(ResponseTemplate::new(204))
        .mount(&mock.server)
        .await;
    let client = client(&mock, Retry::Off);

    let poller = client.registries_client().begin_delete(RG, REG, None)?;
    let outcome = tokio::spawn(async move { poller.await.map(|r| r.status()) }).await;
    assert_eq!(
        outcome.expect("the poller panicked")?,
        StatusCode::NoContent
    );
    assert_eq!(mock.authorized_requests().await.len(), 2);
    Ok(())
}

// ------------------------------------------------------------------ paging

/// list: three pages chained by nextLink, items in order; a nextLink without an
/// api-version gets the client's.
#[tokio::test]
async fn list_follows_next_links_across_three_pages() -> TestResult {
    let mock = MockArm::start().await;
    let list_path =
        format!("/subscriptions/{SUB}/providers/Microsoft.ContainerRegistry/registries");
    let item = |name: &str| {
        let mut registry = registry_json("Succeeded");
        registry["name"] = json!(name);
        registry
    };
    Mock::given(method("GET"))
        .and(path(list_path.as_str()))
        .and(query_param("$skipToken", "page2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "value": [item("c")],
            // No api-version: the client adds its own.
            "nextLink": mock.url(&format!("{list_path}?$skipToken=page3")),
        })))
        .with_priority(1)
        .mount(&mock.server)
        .await;
    Mock::given(method("GET"))
        .and(path(list_path.as_str()))
        .and(query_param("$skipToken", "page3"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"value": [item("d"), item("e")], "nextLink": null})),
        )
        .with_priority(1)
        .mount(&mock.server)
        .await;
    Mock::given(method("GET"))
        .and(path(list_path.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "value": [item("a"), item("b")],
            "nextLink": mock.url(&format!("{list_path}?api-version={API}&$skipToken=page2")),
        })))
        .with_priority(2)
        .mount(&mock.server)
        .await;
    let client = client(&mock, Retry::Off);

    let mut pager = client.registries_client().list(None)?;
    let mut names = Vec::new();
    while let Some(registry) = pager.try_next().await? {
        names.push(registry.name.unwrap_or_default());
    }

    assert_eq!(names, ["a", "b", "c", "d", "e"]);
    let requests = mock.authorized_requests().await;
    assert_eq!(requests.len(), 3, "{requests:?}");
    for request in &requests {
        assert_request(request, "GET", &list_path, None);
    }
    let skip_tokens: Vec<Vec<String>> = requests
        .iter()
        .map(|r| mock::query_values(r, "$skipToken"))
        .collect();
    assert_eq!(
        skip_tokens,
        [vec![], vec!["page2".to_string()], vec!["page3".to_string()]]
    );
    Ok(())
}

/// A page whose items are what services really send: one without the required
/// `location` and `sku`, one whose identity type is outside the set the spec declares
/// closed, one whose SKU name is new. The page reads whole; nothing is dropped.
#[tokio::test]
async fn a_list_page_tolerates_what_services_really_send() -> TestResult {
    let mock = MockArm::start().await;
    let list_path =
        format!("/subscriptions/{SUB}/providers/Microsoft.ContainerRegistry/registries");
    let mut odd_identity = registry_json("Succeeded");
    odd_identity["name"] = json!("b");
    odd_identity["identity"] = json!({"type": "SystemAssigned,UserAssigned"});
    let mut new_sku = registry_json("Succeeded");
    new_sku["name"] = json!("c");
    new_sku["sku"] = json!({"name": "Ultra"});
    Mock::given(method("GET"))
        .and(path(list_path.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "value": [{"name": "a"}, odd_identity, new_sku],
        })))
        .mount(&mock.server)
        .await;
    let client = client(&mock, Retry::Off);

    let registries: Vec<Registry> = client.registries_client().list(None)?.try_collect().await?;

    assert_eq!(registries.len(), 3);
    assert_eq!(
        (registries[0].location.as_ref(), registries[0].sku.as_ref()),
        (None, None)
    );
    assert_eq!(
        registries[1]
            .identity
            .as_ref()
            .and_then(|i| i.type_.clone()),
        Some(ResourceIdentityType::UnknownValue(
            "SystemAssigned,UserAssigned".to_string()
        ))
    );
    assert_eq!(
        registries[2].sku.as_ref().and_then(|s| s.name.clone()),
        Some(SkuName::UnknownValue("Ultra".to_string()))
    );
    // What was read is written back as it came.
    assert_eq!(serde_json::to_value(&registries[1])?, odd_identity);
    Ok(())
}

/// Two pages; a pager read to the end of the first gives its continuation, and a new
/// pager given it (`PagerOptions::continuation`) starts at the second page, without
/// asking for the first again. A continuation to another origin is refused unsent.
#[tokio::test]
async fn a_pager_resumes_from_another_pagers_continuation() -> TestResult {
    let mock = MockArm::start().await;
    let list_path =
        format!("/subscriptions/{SUB}/providers/Microsoft.ContainerRegistry/registries");
    let item = |name: &str| {
        let mut registry = registry_json("Succeeded");
        registry["name"] = json!(name);
        registry
    };
    Mock::given(method("GET"))
        .and(path(list_path.as_str()))
        .and(query_param("$skipToken", "page2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"value": [item("b")]})))
        .with_priority(1)
        .mount(&mock.server)
        .await;
    Mock::given(method("GET"))
        .and(path(list_path.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "value": [item("a")],
            "nextLink": mock.url(&format!("{list_path}?api-version={API}&$skipToken=page2")),
        })))
        .with_priority(2)
        .mount(&mock.server)
        .await;
    let client = client(&mock, Retry::Off);

    let mut pages = client.registries_client().list(None)?.into_pages();
    let first = pages
        .try_next()
        .await?
        .expect("a first page")
        .into_model()?;
    assert_eq!(first.value.expect("items")[0].name.as_deref(), Some("a"));
    let continuation = pages.into_continuation().expect("a continuation");
    let options = RegistriesListOptions {
        method_options: PagerOptions {
            continuation: Some(continuation),
            ..PagerOptions::default()
        },
    };
    let names: Vec<String> = client
        .registries_client()
        .list(Some(options))?
        .map_ok(|r| r.name.unwrap_or_default())
        .try_collect()
        .await?;

    assert_eq!(names, ["b"]);
    let skip_tokens: Vec<Vec<String>> = mock
        .authorized_requests()
        .await
        .iter()
        .map(|r| mock::query_values(r, "$skipToken"))
        .collect();
    assert_eq!(skip_tokens, [vec![], vec!["page2".to_string()]]);

    let elsewhere = PagerContinuation::Link("https://elsewhere.example/registries".parse()?);
    let options = RegistriesListOptions {
        method_options: PagerOptions {
            continuation: Some(elsewhere),
            ..PagerOptions::default()
        },
    };
    let mut pager = client.registries_client().list(Some(options))?;
    let error = pager.try_next().await.expect_err("another origin");
    assert!(
        error.to_string().contains("another host"),
        "{}",
        chain(&error)
    );
    assert_eq!(mock.authorized_requests().await.len(), 2);
    Ok(())
}

/// list: a next link the service sent before ends the pager with an error (after the
/// items of the pages before it), instead of paging forever.
#[tokio::test]
async fn list_refuses_a_repeated_next_link() -> TestResult {
    let mock = MockArm::start().await;
    let list_path =
        format!("/subscriptions/{SUB}/providers/Microsoft.ContainerRegistry/registries");
    let again = mock.url(&format!("{list_path}?api-version={API}&$skipToken=again"));
    Mock::given(method("GET"))
        .and(path(list_path.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "value": [registry_json("Succeeded")],
            "nextLink": again,
        })))
        .mount(&mock.server)
        .await;
    let client = client(&mock, Retry::Off);

    let pager = client.registries_client().list(None)?;
    let items: Vec<_> =
        tokio::time::timeout(Duration::from_secs(20), pager.take(10).collect::<Vec<_>>())
            .await
            .expect("the pager loops");

    assert_eq!(items.len(), 2, "{items:?}");
    assert!(items[0].is_ok());
    let error = items[1]
        .as_ref()
        .expect_err("the repeated link is an error");
    assert!(
        error.to_string().contains("a next link it had sent before"),
        "{error}"
    );
    assert_eq!(mock.authorized_requests().await.len(), 2);
    Ok(())
}

/// Answers every page empty, with a fresh next link.
struct EmptyPages {
    next: std::sync::atomic::AtomicUsize,
    base: String,
}

impl wiremock::Respond for EmptyPages {
    fn respond(&self, _request: &Request) -> ResponseTemplate {
        let n = self.next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        ResponseTemplate::new(200).set_body_json(json!({
            "value": [],
            "nextLink": format!("{}&$skipToken={n}", self.base),
        }))
    }
}

/// list: endless empty pages, each with a fresh next link, end with an error after
/// `Limits::max_empty_pages`.
#[tokio::test]
async fn list_gives_up_on_endless_empty_pages() -> TestResult {
    let mock = MockArm::start().await;
    let list_path =
        format!("/subscriptions/{SUB}/providers/Microsoft.ContainerRegistry/registries");
    Mock::given(method("GET"))
        .and(path(list_path.as_str()))
        .respond_with(EmptyPages {
            next: Default::default(),
            base: mock.url(&format!("{list_path}?api-version={API}")),
        })
        .mount(&mock.server)
        .await;
    let limits = Limits {
        max_empty_pages: 3,
        ..Limits::default()
    };
    let client = client_with(&mock, Retry::Off, limits);

    let pager = client.registries_client().list(None)?;
    let items: Vec<_> =
        tokio::time::timeout(Duration::from_secs(20), pager.take(10).collect::<Vec<_>>())
            .await
            .expect("the pager loops");

    assert_eq!(items.len(), 1, "{items:?}");
    let error = items[0]
        .as_ref()
        .expect_err("endless empty pages are an error");
    assert!(
        error.to_string().contains("4 empty pages in a row"),
        "{error}"
    );
    assert_eq!(mock.authorized_requests().await.len(), 4);
    Ok(())
}

/// A page of 20,000 registries with only their required properties (40 bytes of JSON
/// each, over 1 KB each as a `Registry`): refused before it is parsed when its items
/// would take more than `Limits::max_page_memory`; listed in full within the default.
#[tokio::test]
async fn a_page_of_many_tiny_items_is_refused_past_the_memory_limit() -> TestResult {
    let mock = MockArm::start().await;
    let list_path =
        format!("/subscriptions/{SUB}/providers/Microsoft.ContainerRegistry/registries");
    let item = json!({"location": "", "sku": {"name": "Basic"}});
    let page = json!({"value": vec![item; 20_000]});
    Mock::given(method("GET"))
        .and(path(list_path.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(page))
        .mount(&mock.server)
        .await;
    let small = Limits {
        max_page_memory: 1024 * 1024,
        ..Limits::default()
    };

    let refused = client_with(&mock, Retry::Off, small)
        .registries_client()
        .list(None)?;
    let items: Vec<_> = tokio::time::timeout(Duration::from_secs(20), refused.collect::<Vec<_>>())
        .await
        .expect("the pager hangs");
    assert_eq!(items.len(), 1, "one error, no items");
    let error = items[0]
        .as_ref()
        .expect_err("a page over the limit is an error");
    assert!(
        error.to_string().contains("20000 items") && error.to_string().contains("max_page_memory"),
        "{error}"
    );

    let listed = client(&mock, Retry::Off).registries_client().list(None)?;
    let all: Vec<Registry> = tokio::time::timeout(Duration::from_secs(20), listed.try_collect())
        .await
        .expect("the pager hangs")?;
    assert_eq!(all.len(), 20_000);
    Ok(())
}

/// What a program does with calls: futures made in an iterator's closure from a
/// sub-client made there, a future stored and awaited later, one spawned on the runtime.
/// (With borrowed sub-clients and `async fn` methods this did not compile: E0515,
/// E0716, and a future that is not `'static`.)
#[tokio::test]
async fn calls_are_owned_futures() -> TestResult {
    let mock = MockArm::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(registry_json("Succeeded")))
        .mount(&mock.server)
        .await;
    let client = client(&mock, Retry::Off);
    let names = vec![
        "alpha1".to_string(),
        "bravo2".to_string(),
        "charlie3".to_string(),
    ];

    let calls: Vec<_> = names
        .iter()
        .map(|name| client.registries_client().get(RG, name, None))
        .collect();
    let stored = client.registries_client().get(RG, REG, None);
    let spawned = tokio::spawn(client.registries_client().get(RG, "delta4", None));
    drop(names);
    let all = futures::future::try_join_all(calls).await?;
    stored.await?;
    spawned.await??;

    assert_eq!(all.len(), 3);
    let requests = mock.authorized_requests().await;
    assert_eq!(requests.len(), 5);
    for name in ["alpha1", "bravo2", "charlie3", "delta4"] {
        let path = format!("/subscriptions/{SUB}/resourceGroups/{RG}/providers/Microsoft.ContainerRegistry/registries/{name}");
        assert!(requests.iter().any(|r| r.url.path() == path), "{path}");
    }
    Ok(())
}

// ------------------------------------------------------------------ secrets in Debug

/// The registry's admin passwords and a webhook's headers and signed URL, as the service
/// sends them: the models' `Debug` shows their names, never the values.
#[tokio::test]
async fn models_never_debug_print_secrets() -> TestResult {
    let mock = MockArm::start().await;
    Mock::given(method("POST"))
        .and(path(format!("{}/listCredentials", registry_path())))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "username": "myregistry",
            "passwords": [{"name": "password", "value": "admin-pw-1"}, {"name": "password2", "value": "admin-pw-2"}],
        })))
        .mount(&mock.server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!(
            "{}/webhooks/myhook/getCallbackConfig",
            registry_path()
        )))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "serviceUri": "https://hooks.example/notify?sig=hook-sig-3",
            "customHeaders": {"Authorization": "Basic hook-auth-4"},
        })))
        .mount(&mock.server)
        .await;
    let client = client(&mock, Retry::Off);

    let credentials = client
        .registries_client()
        .list_credentials(RG, REG, None)
        .await?
        .into_model()?;
    let callback = client
        .webhooks_client()
        .get_callback_config(RG, REG, "myhook", None)
        .await?
        .into_model()?;

    let shown = format!("{credentials:?} {callback:?}");
    for secret in ["admin-pw-1", "admin-pw-2", "hook-sig-3", "hook-auth-4"] {
        assert!(!shown.contains(secret), "`{secret}` in {shown}");
    }
    for visible in [
        "myregistry",
        "Password2",
        "https://hooks.example/notify?<redacted>",
    ] {
        assert!(shown.contains(visible), "no `{visible}` in {shown}");
    }
    // The values are all there for the program.
    let passwords = credentials.passwords.unwrap_or_default();
    assert_eq!(passwords[1].value.as_deref(), Some("admin-pw-2"));
    Ok(())
}

// ------------------------------------------------------------------ redirects

/// The pipeline follows redirects on the endpoint's origin itself, whatever the
/// transport (here the caller's, which follows none): a 302 then a 307 on the same
/// origin are followed, each hop with the token; a 307 to another origin is not
/// followed and is an error, and nothing (token or body) goes there.
#[tokio::test]
async fn redirects_are_followed_on_the_origin_only() -> TestResult {
    let mock = MockArm::start().await;
    let hop1 = format!("{}/hop1", registry_path());
    let hop2 = format!("{}/hop2", registry_path());
    Mock::given(method("GET"))
        .and(path(registry_path()))
        .respond_with(ResponseTemplate::new(302).insert_header("location", hop1.as_str()))
        .mount(&mock.server)
        .await;
    Mock::given(method("GET"))
        .and(path(hop1.as_str()))
        .respond_with(ResponseTemplate::new(307).insert_header("location", mock.url(&hop2)))
        .mount(&mock.server)
        .await;
    Mock::given(method("GET"))
        .and(path(hop2.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(registry_json("Succeeded")))
        .mount(&mock.server)
        .await;
    let foreign = format!("{}/foreign", registry_path());
    Mock::given(method("PUT"))
        .and(path(registry_path()))
        .respond_with(
            ResponseTemplate::new(307).insert_header("location", mock.foreign_url(&foreign)),
        )
        .mount(&mock.server)
        .await;
    let client = client(&mock, Retry::Off);

    let registry = client
        .registries_client()
        .get(RG, REG, None)
        .await?
        .into_model()?;
    assert_eq!(registry.name.as_deref(), Some(REG));
    let requests = mock.authorized_requests().await;
    let paths: Vec<&str> = requests.iter().map(|r| r.url.path()).collect();
    assert_eq!(
        paths,
        [registry_path().as_str(), hop1.as_str(), hop2.as_str()]
    );

    let error = client
        .registries_client()
        .begin_create(RG, REG, &new_registry(), None)?
        .await
        .expect_err("a redirect to another origin is not followed");
    assert_eq!(error.http_status(), Some(StatusCode::TemporaryRedirect));
    let requests = mock.requests().await;
    assert!(
        requests.iter().all(|r| r.url.path() != foreign),
        "the foreign origin got a request: {requests:?}"
    );
    Ok(())
}

// ------------------------------------------------------------------ audiences

/// A credential that records the scopes it is asked for.
#[derive(Debug, Default)]
struct Recording {
    scopes: std::sync::Mutex<Vec<String>>,
}

#[async_trait::async_trait]
impl azure_core::credentials::TokenCredential for Recording {
    async fn get_token(
        &self,
        scopes: &[&str],
        _options: Option<azure_core::credentials::TokenRequestOptions<'_>>,
    ) -> azure_core::Result<azure_core::credentials::AccessToken> {
        if let Ok(mut seen) = self.scopes.lock() {
            seen.extend(scopes.iter().map(|s| s.to_string()));
        }
        Ok(azure_core::credentials::AccessToken::new(
            mock::TOKEN.to_string(),
            time::OffsetDateTime::now_utc() + time::Duration::hours(1),
        ))
    }
}

/// A client of Azure Government (by its cloud configuration) asks for tokens for
/// Government's Resource Manager, not the public cloud's.
#[tokio::test]
async fn tokens_are_for_the_clouds_resource_manager() -> TestResult {
    let mock = MockArm::start().await;
    Mock::given(method("GET"))
        .and(path(registry_path()))
        .respond_with(ResponseTemplate::new(200).set_body_json(registry_json("Succeeded")))
        .mount(&mock.server)
        .await;
    let credential = std::sync::Arc::new(Recording::default());
    let mut client_options = mock.client_options_with(Retry::Off);
    client_options.cloud = Some(std::sync::Arc::new(
        azure_core::cloud::CloudConfiguration::AzureGovernment,
    ));
    let options = ContainerRegistryClientOptions {
        client_options,
        ..ContainerRegistryClientOptions::default()
    };
    let client = ContainerRegistryClient::new(mock.base(), credential.clone(), SUB, Some(options))?;

    client.registries_client().get(RG, REG, None).await?;

    let scopes = credential
        .scopes
        .lock()
        .map(|s| s.clone())
        .unwrap_or_default();
    assert_eq!(scopes, ["https://management.usgovcloudapi.net/.default"]);
    Ok(())
}

// ------------------------------------------------------------------ time bounds

/// A 429 asking to wait 31 years, then 200: the wait is cut to `Limits::max_retry_after`
/// and the retry succeeds.
#[tokio::test]
async fn a_huge_retry_after_is_cut_to_the_limit() -> TestResult {
    let mock = MockArm::start().await;
    Mock::given(method("GET"))
        .and(path(registry_path()))
        .respond_with(Sequence::new(vec![
            ResponseTemplate::new(429).insert_header("retry-after", "1000000000"),
            ResponseTemplate::new(200).set_body_json(registry_json("Succeeded")),
        ]))
        .mount(&mock.server)
        .await;
    let limits = Limits {
        max_retry_after: Duration::from_secs(1),
        ..Limits::default()
    };
    let client = client_with(&mock, Retry::Fast, limits);

    let started = Instant::now();
    let registry = tokio::time::timeout(
        Duration::from_secs(20),
        client.registries_client().get(RG, REG, None),
    )
    .await
    .expect("the client slept as long as the server asked")?
    .into_model()?;

    assert_eq!(registry.name.as_deref(), Some(REG));
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(mock.authorized_requests().await.len(), 2);
    Ok(())
}

/// A server that takes 30 s to answer: the call fails after `Limits::max_request_duration`.
#[tokio::test]
async fn a_slow_answer_fails_after_the_request_limit() -> TestResult {
    let mock = MockArm::start().await;
    Mock::given(method("GET"))
        .and(path(registry_path()))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(registry_json("Succeeded"))
                .set_delay(Duration::from_secs(30)),
        )
        .mount(&mock.server)
        .await;
    let limits = Limits {
        max_request_duration: Duration::from_secs(1),
        ..Limits::default()
    };
    let client = client_with(&mock, Retry::Off, limits);

    let started = Instant::now();
    let error = tokio::time::timeout(
        Duration::from_secs(20),
        client.registries_client().get(RG, REG, None),
    )
    .await
    .expect("the call outlived its limit")
    .expect_err("a call past its limit is an error");

    assert!(
        error.to_string().contains("max_request_duration"),
        "{}",
        chain(&error)
    );
    assert!(started.elapsed() < Duration::from_secs(10));
    Ok(())
}

/// The options of a call with a [`Timeout`] in its context.
fn timeout_options(limit: Duration) -> ClientMethodOptions<'static> {
    ClientMethodOptions {
        context: Context::new().with_value(Timeout(limit)),
    }
}

/// A server that takes 30 s to answer, a client with the default limits (10 min), and a
/// call with a 1 s `Timeout`: the call fails after a second.
#[tokio::test]
async fn a_call_with_a_timeout_fails_after_it() -> TestResult {
    let mock = MockArm::start().await;
    Mock::given(method("GET"))
        .and(path(registry_path()))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(registry_json("Succeeded"))
                .set_delay(Duration::from_secs(30)),
        )
        .mount(&mock.server)
        .await;
    let client = client(&mock, Retry::Off);
    let options = RegistriesGetOptions {
        method_options: timeout_options(Duration::from_secs(1)),
    };

    let started = Instant::now();
    let call = client.registries_client().get(RG, REG, Some(options));
    let error = tokio::time::timeout(Duration::from_secs(20), call)
        .await
        .expect("the call outlived its timeout")
        .expect_err("a call past its timeout is an error");

    assert!(error.to_string().contains("`Timeout`"), "{}", chain(&error));
    assert!(started.elapsed() < Duration::from_secs(10));
    Ok(())
}

/// A never-ending operation, the default limits (an hour), and a 1 s `Timeout` on the
/// call: the poller gives up after a second.
#[tokio::test]
async fn a_long_running_call_with_a_timeout_ends_after_it() -> TestResult {
    let mock = MockArm::start().await;
    mount_endless_operation(&mock, "timeout", "100", Duration::ZERO).await;
    let client = client(&mock, Retry::Off);
    let options = RegistriesCreateOptions {
        method_options: PollerOptions {
            context: Context::new().with_value(Timeout(Duration::from_secs(1))),
            ..PollerOptions::default()
        },
    };

    let started = Instant::now();
    let poller =
        client
            .registries_client()
            .begin_create(RG, REG, &new_registry(), Some(options))?;
    let error = tokio::time::timeout(Duration::from_secs(20), poller)
        .await
        .expect("the poller outlived the call's timeout")
        .expect_err("an operation past its timeout is an error");

    let text = chain(&error);
    assert!(
        text.contains("did not finish within") && text.contains("`Timeout`"),
        "{text}"
    );
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(mock.authorized_requests().await.len() >= 2);
    Ok(())
}

/// A poll interval under a second (which panics in azure_core's poller) is refused when
/// the client is made.
#[test]
fn a_poll_interval_under_a_second_is_refused() {
    let options = ContainerRegistryClientOptions {
        limits: Limits {
            poll_interval: Duration::from_millis(500),
            ..Limits::default()
        },
        ..ContainerRegistryClientOptions::default()
    };
    let error = ContainerRegistryClient::new(
        "https://management.azure.com",
        mock::credential(),
        SUB,
        Some(options),
    )
    .expect_err("the interval is refused");
    assert!(error.to_string().contains("poll_interval"), "{error}");
}

/// The client polls every 30 s by default; one call asks for 1 s
/// (`PollerOptions::frequency`) and its operation, which names no wait, ends after one
/// poll within seconds. A frequency under a second is refused before anything is sent.
#[tokio::test]
async fn a_call_sets_its_own_poll_frequency() -> TestResult {
    let mock = MockArm::start().await;
    let status = operation_path("operationStatuses", "frequency");
    Mock::given(method("PUT"))
        .respond_with(ResponseTemplate::new(201).insert_header(
            "azure-asyncoperation",
            mock.url(&with_api(&status)).as_str(),
        ))
        .mount(&mock.server)
        .await;
    Mock::given(method("GET"))
        .and(path(status.as_str()))
        .respond_with(Sequence::new(vec![
            ResponseTemplate::new(200).set_body_json(json!({"status": "InProgress"})),
            ResponseTemplate::new(200).set_body_json(json!({"status": "Succeeded"})),
        ]))
        .mount(&mock.server)
        .await;
    Mock::given(method("GET"))
        .and(path(registry_path()))
        .respond_with(ResponseTemplate::new(200).set_body_json(registry_json("Succeeded")))
        .mount(&mock.server)
        .await;
    let client = client(&mock, Retry::Off);
    let every = |seconds| RegistriesCreateOptions {
        method_options: PollerOptions {
            frequency: azure_core::time::Duration::seconds(seconds),
            ..PollerOptions::default()
        },
    };

    let refused = client
        .registries_client()
        .begin_create(RG, REG, &new_registry(), Some(every(0)))
        .expect_err("under a second is refused");
    let argument = refused
        .downcast_ref::<InvalidArgument>()
        .expect("an InvalidArgument");
    assert_eq!(argument.parameter, "PollerOptions::frequency");
    assert!(mock.authorized_requests().await.is_empty());

    let started = Instant::now();
    let poller =
        client
            .registries_client()
            .begin_create(RG, REG, &new_registry(), Some(every(1)))?;
    let registry = tokio::time::timeout(Duration::from_secs(20), poller)
        .await
        .expect("polled every second, not every 30 s")?
        .into_model()?;
    assert_eq!(registry.name.as_deref(), Some(REG));
    assert!(started.elapsed() < Duration::from_secs(10));
    Ok(())
}

/// Spans as a tracer provider sees them: their names.
#[derive(Debug, Default)]
struct Spans(std::sync::Mutex<Vec<String>>);

#[derive(Debug)]
struct Recorder(std::sync::Arc<Spans>);

struct NoSpan;

impl azure_core::tracing::AsAny for NoSpan {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl azure_core::tracing::Span for NoSpan {
    fn is_recording(&self) -> bool {
        false
    }
    fn span_id(&self) -> [u8; 8] {
        [0; 8]
    }
    fn end(&self) {}
    fn set_status(&self, _: azure_core::tracing::SpanStatus) {}
    fn set_attribute(&self, _: &'static str, _: azure_core::tracing::AttributeValue) {}
    fn record_error(&self, _: &dyn std::error::Error) {}
    fn set_current(&self, _: &Context) -> Box<dyn azure_core::tracing::SpanGuard> {
        struct Guard;
        impl azure_core::tracing::SpanGuard for Guard {
            fn end(self) {}
        }
        Box::new(Guard)
    }
    fn propagate_headers(&self, _: &mut azure_core::http::Request) {}
}

impl azure_core::tracing::Tracer for Recorder {
    fn start_span(
        &self,
        name: std::borrow::Cow<'static, str>,
        _: azure_core::tracing::SpanKind,
        _: Vec<azure_core::tracing::Attribute>,
    ) -> std::sync::Arc<dyn azure_core::tracing::Span> {
        self.0 .0.lock().unwrap().push(name.into_owned());
        std::sync::Arc::new(NoSpan)
    }
    fn start_span_with_parent(
        &self,
        name: std::borrow::Cow<'static, str>,
        kind: azure_core::tracing::SpanKind,
        attributes: Vec<azure_core::tracing::Attribute>,
        _: std::sync::Arc<dyn azure_core::tracing::Span>,
    ) -> std::sync::Arc<dyn azure_core::tracing::Span> {
        self.start_span(name, kind, attributes)
    }
    fn namespace(&self) -> Option<&'static str> {
        None
    }
}

impl azure_core::tracing::TracerProvider for Recorder {
    fn get_tracer(
        &self,
        _: Option<&'static str>,
        _: &'static str,
        _: Option<&'static str>,
    ) -> std::sync::Arc<dyn azure_core::tracing::Tracer> {
        std::sync::Arc::new(Recorder(self.0.clone()))
    }
}

/// With a tracer provider in the client's options, each call is a span named after its
/// public API (`RegistriesClient.get`), as the official crates' `#[tracing::function]`
/// makes it.
#[tokio::test]
async fn each_call_is_a_span_named_after_its_api() -> TestResult {
    let mock = MockArm::start().await;
    Mock::given(method("GET"))
        .and(path(registry_path()))
        .respond_with(ResponseTemplate::new(200).set_body_json(registry_json("Succeeded")))
        .mount(&mock.server)
        .await;
    let spans = std::sync::Arc::new(Spans::default());
    let mut client_options = mock.client_options_with(Retry::Off);
    client_options.instrumentation.tracer_provider =
        Some(std::sync::Arc::new(Recorder(spans.clone())));
    let options = ContainerRegistryClientOptions {
        client_options,
        ..ContainerRegistryClientOptions::default()
    };
    let client = ContainerRegistryClient::new(mock.base(), mock::credential(), SUB, Some(options))?;

    client.registries_client().get(RG, REG, None).await?;

    let names = spans.0.lock().unwrap().clone();
    assert!(
        names.iter().any(|n| n == "RegistriesClient.get"),
        "{names:?}"
    );
    Ok(())
}

// ------------------------------------------------------------------ errors

/// 400 with an ARM error body: the status, the code and the message are all there.
#[tokio::test]
async fn bad_request_carries_status_code_and_message() -> TestResult {
    let mock = MockArm::start().await;
    Mock::given(method("GET"))
        .and(path(registry_path()))
        .respond_with(arm_error(
            400,
            "InvalidResourceName",
            "The resource name 'myRegistry' is invalid.",
        ))
        .mount(&mock.server)
        .await;
    let client = client(&mock, Retry::Off);

    let error = client
        .registries_client()
        .get(RG, REG, None)
        .await
        .expect_err("400 is an error");

    assert_eq!(error.http_status(), Some(StatusCode::BadRequest));
    assert_eq!(
        http_error(&error),
        (
            StatusCode::BadRequest,
            Some("InvalidResourceName".to_string())
        )
    );
    assert_eq!(
        error.to_string(),
        "The resource name 'myRegistry' is invalid."
    );
    // The spec's own error model reads the body, as azure_core's `ErrorResponse` does.
    let detail = acr_mgmt::models::ErrorResponse::try_from(error)?
        .error
        .expect("an ARM error");
    assert_eq!(detail.code.as_deref(), Some("InvalidResourceName"));
    assert_eq!(
        detail.message.as_deref(),
        Some("The resource name 'myRegistry' is invalid.")
    );
    let requests = mock.authorized_requests().await;
    assert_eq!(requests.len(), 1);
    assert_request(&requests[0], "GET", &registry_path(), None);
    Ok(())
}

/// A hostile 400 that echoes the request (its bearer token, a webhook's secrets) in an
/// ARM message with JSON escapes: the error has the ARM code, and neither its text nor
/// its `Debug` repeat the token or the secrets.
#[tokio::test]
async fn errors_leave_echoed_secrets_out() -> TestResult {
    let mock = MockArm::start().await;
    let echo = format!(
        "The name \"{REG}\" is invalid. You sent: Authorization: {}; {{\"serviceUri\": \"https://hooks.example/x?sig=hook-signature-1\", \"customHeaders\": {{\"token\": \"hook-token-2\"}}}}; raw {}",
        mock::BEARER,
        mock::TOKEN
    );
    Mock::given(method("GET"))
        .and(path(registry_path()))
        .respond_with(arm_error(400, "InvalidRegistryName", &echo))
        .mount(&mock.server)
        .await;
    let client = client(&mock, Retry::Off);

    let error = client
        .registries_client()
        .get(RG, REG, None)
        .await
        .expect_err("400 is an error");

    assert_eq!(http_error(&error).1.as_deref(), Some("InvalidRegistryName"));
    let shown = format!("{error} {error:?}");
    for secret in [mock::TOKEN, "hook-signature-1", "hook-token-2"] {
        assert!(!shown.contains(secret), "`{secret}` in {shown}");
    }
    assert!(
        error
            .to_string()
            .starts_with(&format!("The name \"{REG}\" is invalid.")),
        "{error}"
    );
    Ok(())
}

/// A non-JSON error body (an HTML page from a proxy, 256 KiB) is left out of the error.
#[tokio::test]
async fn a_foreign_error_body_is_left_out() -> TestResult {
    let mock = MockArm::start().await;
    let page = format!("<html>{}</html>", "<p>Bad gateway</p>".repeat(14_564));
    Mock::given(method("GET"))
        .and(path(registry_path()))
        .respond_with(ResponseTemplate::new(502).set_body_string(page.clone()))
        .mount(&mock.server)
        .await;
    let client = client(&mock, Retry::Off);

    let error = client
        .registries_client()
        .get(RG, REG, None)
        .await
        .expect_err("502 is an error");

    assert_eq!(error.http_status(), Some(StatusCode::BadGateway));
    assert_eq!(
        error.to_string(),
        format!(
            "502 (a body of {} bytes that is not an ARM error, left out)",
            page.len()
        )
    );
    Ok(())
}

/// 404: an error with status 404 and the ARM code; 4xx are not retried.
#[tokio::test]
async fn not_found_is_an_error_with_status_404() -> TestResult {
    let mock = MockArm::start().await;
    Mock::given(method("GET"))
        .and(path(registry_path()))
        .respond_with(arm_error(
            404,
            "ResourceNotFound",
            "The Resource 'myRegistry' was not found.",
        ))
        .mount(&mock.server)
        .await;
    let client = client(&mock, Retry::Fast);

    let error = client
        .registries_client()
        .get(RG, REG, None)
        .await
        .expect_err("404 is an error");

    assert_eq!(
        http_error(&error),
        (StatusCode::NotFound, Some("ResourceNotFound".to_string()))
    );
    let requests = mock.authorized_requests().await;
    assert_eq!(requests.len(), 1, "404 is not retried: {requests:?}");
    assert_request(&requests[0], "GET", &registry_path(), None);
    Ok(())
}

/// 500 is retried (1 + FAST_RETRIES attempts) and then surfaced with status 500.
#[tokio::test]
async fn server_error_is_retried_then_surfaced() -> TestResult {
    let mock = MockArm::start().await;
    Mock::given(method("GET"))
        .and(path(registry_path()))
        .respond_with(arm_error(
            500,
            "InternalServerError",
            "Something went wrong.",
        ))
        .mount(&mock.server)
        .await;
    let client = client(&mock, Retry::Fast);

    let error = client
        .registries_client()
        .get(RG, REG, None)
        .await
        .expect_err("500 is an error");

    assert_eq!(
        http_error(&error),
        (
            StatusCode::InternalServerError,
            Some("InternalServerError".to_string())
        )
    );
    assert_eq!(error.to_string(), "Something went wrong.");
    let requests = mock.authorized_requests().await;
    assert_eq!(
        requests.len(),
        1 + mock::FAST_RETRIES as usize,
        "{requests:?}"
    );
    for request in &requests {
        assert_request(request, "GET", &registry_path(), None);
    }
    Ok(())
}

/// 500 once, then 200: the retry succeeds.
#[tokio::test]
async fn server_error_then_success_is_retried() -> TestResult {
    let mock = MockArm::start().await;
    Mock::given(method("GET"))
        .and(path(registry_path()))
        .respond_with(Sequence::new(vec![
            arm_error(500, "InternalServerError", "Something went wrong."),
            ResponseTemplate::new(200).set_body_json(registry_json("Succeeded")),
        ]))
        .mount(&mock.server)
        .await;
    let client = client(&mock, Retry::Fast);

    let registry = client
        .registries_client()
        .get(RG, REG, None)
        .await?
        .into_model()?;

    assert_eq!(registry.name.as_deref(), Some(REG));
    let requests = mock.authorized_requests().await;
    assert_eq!(requests.len(), 2);
    Ok(())
}

// ------------------------------------------------------------------ models on the wire

/// Passwords are redacted in `Debug`, kept in JSON output.
#[tokio::test]
async fn debug_of_credentials_hides_passwords() -> TestResult {
    let mock = MockArm::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(credentials_result()))
        .mount(&mock.server)
        .await;
    let client = client(&mock, Retry::Off);

    let result = client
        .registries_client()
        .begin_generate_credentials(RG, REG, &credentials_parameters(), None)?
        .await?
        .into_model()?;

    let debug = format!("{result:?}");
    assert!(
        !debug.contains("pw-one-S3CRET") && !debug.contains("pw-two-S3CRET"),
        "{debug}"
    );
    assert!(!debug.contains("S3CRET"), "{debug}");
    assert!(debug.contains("myToken"), "{debug}");
    let json = serde_json::to_string(&result)?;
    assert!(
        json.contains("pw-one-S3CRET") && json.contains("pw-two-S3CRET"),
        "{json}"
    );
    assert_eq!(mock.authorized_requests().await.len(), 1);
    Ok(())
}

/// Read-only properties set on a model are not sent in a PUT body; the response's are read.
#[tokio::test]
async fn read_only_fields_are_not_sent() -> TestResult {
    let mock = MockArm::start().await;
    Mock::given(method("PUT"))
        .and(path(registry_path()))
        .respond_with(ResponseTemplate::new(200).set_body_json(registry_json("Succeeded")))
        .mount(&mock.server)
        .await;
    let client = client(&mock, Retry::Off);
    let mut registry = new_registry();
    registry.id = Some(registry_path());
    registry.name = Some(REG.to_string());
    registry.type_ = Some("Microsoft.ContainerRegistry/registries".to_string());
    registry.system_data = Some(Box::new(SystemData {
        created_by: Some("someone@example.com".to_string()),
        created_by_type: Some(CreatedByType::User),
        ..SystemData::default()
    }));
    if let Some(sku) = registry.sku.as_mut() {
        sku.tier = Some(SkuTier::Standard);
    }
    registry.properties = Some(Box::new(RegistryProperties {
        admin_user_enabled: Some(true),
        login_server: Some("myregistry.azurecr.io".to_string()),
        provisioning_state: Some(ProvisioningState::Succeeded),
        ..RegistryProperties::default()
    }));

    let created = client
        .registries_client()
        .begin_create(RG, REG, &registry, None)?
        .await?
        .into_model()?;

    let requests = mock.authorized_requests().await;
    assert_eq!(requests.len(), 1, "{requests:?}");
    let expected = json!({
        "location": "westus",
        "tags": {"team": "platform"},
        "sku": {"name": "Standard"},
        "properties": {"adminUserEnabled": true}
    });
    assert_request(&requests[0], "PUT", &registry_path(), Some(&expected));
    let body = String::from_utf8_lossy(&requests[0].body);
    for field in [
        "\"id\"",
        "systemData",
        "someone@example.com",
        "loginServer",
        "provisioningState",
        "tier",
    ] {
        assert!(!body.contains(field), "{field} was sent: {body}");
    }
    // Read-only fields of the response are read, and serialize in full for other uses.
    assert_eq!(created.id.as_deref(), Some(registry_path().as_str()));
    assert_eq!(
        created.sku.as_ref().and_then(|s| s.tier.clone()),
        Some(SkuTier::Standard)
    );
    assert_eq!(serde_json::to_value(&created)?, registry_json("Succeeded"));
    Ok(())
}

// ------------------------------------------------------------------ parameters

/// Names that break the spec's constraints are refused, naming the parameter, before
/// anything is sent.
#[tokio::test]
async fn invalid_registry_names_are_refused_before_sending() -> TestResult {
    let mock = MockArm::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(registry_json("Succeeded")))
        .mount(&mock.server)
        .await;
    let client = client(&mock, Retry::Off);

    let long = "a".repeat(51);
    for (name, rule) in [
        ("abc", "at least 5"),
        (long.as_str(), "at most 50"),
        ("my-registry", "must match"),
        ("my/registry", "must match"),
    ] {
        let error = client
            .registries_client()
            .get(RG, name, None)
            .await
            .expect_err("an invalid name");
        let text = chain(&error);
        assert!(
            text.contains("registryName") && text.contains(rule),
            "{name}: {text}"
        );
        assert!(!text.contains(name), "the error echoes the value: {text}");
        // A kind and a type that say so: not a failure to read or write data.
        assert!(matches!(error.kind(), ErrorKind::Other), "{error:?}");
        let invalid = error
            .downcast_ref::<InvalidArgument>()
            .expect("an InvalidArgument");
        assert_eq!(invalid.parameter, "registryName");
        assert!(invalid.rule.contains(rule), "{invalid:?}");
        let error = client
            .registries_client()
            .begin_create(RG, name, &new_registry(), None)
            .map(|_| ())
            .expect_err("an invalid name");
        assert!(
            chain(&error).contains("registryName"),
            "{name}: {}",
            chain(&error)
        );
    }
    let error = client
        .registries_client()
        .get("bad/group", REG, None)
        .await
        .expect_err("an invalid group");
    assert!(
        chain(&error).contains("resourceGroupName"),
        "{}",
        chain(&error)
    );

    assert!(mock.requests().await.is_empty(), "a request was sent");
    // The same client works with a valid name.
    client.registries_client().get(RG, REG, None).await?;
    assert_eq!(mock.authorized_requests().await.len(), 1);
    Ok(())
}

/// Path values without a pattern are percent-encoded: `/`, `?`, `#` cannot change the
/// path or the query.
#[tokio::test]
async fn path_values_are_percent_encoded() -> TestResult {
    let mock = MockArm::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"name": "x"})))
        .mount(&mock.server)
        .await;
    let client = client(&mock, Retry::Off);

    client
        .private_endpoint_connections_client()
        .get(RG, REG, "a/b?c=d#e f%2F..", None)
        .await?;

    let requests = mock.authorized_requests().await;
    assert_eq!(requests.len(), 1);
    let expected = format!(
        "{}/privateEndpointConnections/a%2Fb%3Fc%3Dd%23e%20f%252F..",
        registry_path()
    );
    assert_request(&requests[0], "GET", &expected, None);
    assert_eq!(
        requests[0].url.query_pairs().count(),
        1,
        "only api-version: {}",
        requests[0].url
    );
    Ok(())
}

/// `.` and `..` path values are refused (a URL parser would resolve them).
#[tokio::test]
async fn dot_segments_are_refused() -> TestResult {
    let mock = MockArm::start().await;
    let client = client(&mock, Retry::Off);

    for value in ["..", "."] {
        let error = client
            .private_endpoint_connections_client()
            .get(RG, REG, value, None)
            .await
            .expect_err("a dot segment");
        assert!(
            chain(&error).contains("privateEndpointConnectionName"),
            "{}",
            chain(&error)
        );
        // `..` matches resourceGroupName's pattern; it is refused all the same.
        let error = client
            .registries_client()
            .get(value, REG, None)
            .await
            .expect_err("a dot segment");
        assert!(
            chain(&error).contains("resourceGroupName"),
            "{}",
            chain(&error)
        );
    }
    assert!(mock.requests().await.is_empty(), "a request was sent");
    Ok(())
}

// ------------------------------------------------------------------ limits

/// An operation that never ends stops with an error once max_poll_duration has passed.
#[tokio::test]
async fn poll_time_limit_stops_a_never_ending_operation() -> TestResult {
    let mock = MockArm::start().await;
    let status = mount_endless_operation(&mock, "forever", "50", Duration::ZERO).await;
    let limit = Duration::from_millis(600);
    let client = client_with(
        &mock,
        Retry::Off,
        Limits {
            max_poll_duration: limit,
            ..Limits::default()
        },
    );

    let started = Instant::now();
    let poller = client
        .registries_client()
        .begin_create(RG, REG, &new_registry(), None)?;
    let error = tokio::time::timeout(Duration::from_secs(20), poller)
        .await
        .expect("the poller ignored its time limit")
        .expect_err("a never-ending operation is an error");
    let elapsed = started.elapsed();

    assert!(
        chain(&error).contains("did not finish within"),
        "{}",
        chain(&error)
    );
    assert!(
        elapsed >= Duration::from_millis(500),
        "gave up early: {elapsed:?}"
    );
    let requests = mock.authorized_requests().await;
    assert!(requests.len() >= 3, "polled: {requests:?}");
    assert_request(
        &requests[0],
        "PUT",
        &registry_path(),
        Some(
            &json!({"location": "westus", "tags": {"team": "platform"}, "sku": {"name": "Standard"}}),
        ),
    );
    for request in &requests[1..] {
        assert_request(request, "GET", &status, None);
    }
    Ok(())
}

/// A Retry-After beyond the time limit ends the operation with an error at once,
/// rather than after sleeping past the limit.
#[tokio::test]
async fn poll_time_limit_bounds_a_long_retry_after() -> TestResult {
    let mock = MockArm::start().await;
    let status = operation_path("operationStatuses", "slow");
    Mock::given(method("PUT"))
        .respond_with(
            ResponseTemplate::new(201)
                .insert_header(
                    "azure-asyncoperation",
                    mock.url(&with_api(&status)).as_str(),
                )
                .insert_header("retry-after", "3600"),
        )
        .mount(&mock.server)
        .await;
    let client = client_with(
        &mock,
        Retry::Off,
        Limits {
            max_poll_duration: Duration::from_secs(2),
            ..Limits::default()
        },
    );

    let poller = client
        .registries_client()
        .begin_create(RG, REG, &new_registry(), None)?;
    let error = tokio::time::timeout(Duration::from_secs(20), poller)
        .await
        .expect("the poller slept past its time limit")
        .expect_err("an operation that cannot finish in time is an error");

    assert!(
        chain(&error).contains("did not finish within"),
        "{}",
        chain(&error)
    );
    assert_eq!(mock.authorized_requests().await.len(), 1);
    Ok(())
}

/// A status resource that never answers: the poller fails when the operation's time is
/// up (`Limits::max_poll_duration`), not after the request's own, longer limit.
#[tokio::test]
async fn a_hanging_poll_ends_when_the_operations_time_is_up() -> TestResult {
    let mock = MockArm::start().await;
    mount_endless_operation(&mock, "hang", "50", Duration::from_secs(60)).await;
    let limits = Limits {
        max_poll_duration: Duration::from_secs(2),
        ..Limits::default()
    };
    let client = client_with(&mock, Retry::Off, limits);

    let started = Instant::now();
    let poller = client
        .registries_client()
        .begin_create(RG, REG, &new_registry(), None)?;
    let error = tokio::time::timeout(Duration::from_secs(20), poller)
        .await
        .expect("a poll outlived the operation's time limit")
        .expect_err("an operation out of time is an error");

    assert!(
        chain(&error).contains("did not finish within"),
        "{}",
        chain(&error)
    );
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(mock.authorized_requests().await.len(), 2);
    Ok(())
}

/// A failed operation whose status resource echoes the request's bearer token and a
/// password: the error has the ARM code, and its text and `Debug` repeat neither.
#[tokio::test]
async fn a_failed_operations_error_leaves_echoed_secrets_out() -> TestResult {
    let mock = MockArm::start().await;
    let status = operation_path("operationStatuses", "echo");
    let echo = format!(
        "Failed for Authorization: {}; raw {}; {{\"password\": \"admin-pass-3\"}}",
        mock::BEARER,
        mock::TOKEN
    );
    let failed = json!({"status": "Failed", "error": {"code": "QuotaExceeded", "message": echo}});
    mount_put_with_status(&mock, &status, failed).await;
    let client = client(&mock, Retry::Off);

    let error = client
        .registries_client()
        .begin_create(RG, REG, &new_registry(), None)?
        .await
        .expect_err("a failed operation is an error");

    assert_eq!(http_error(&error).1.as_deref(), Some("QuotaExceeded"));
    let shown = format!("{error} {error:?}");
    for secret in [mock::TOKEN, "admin-pass-3"] {
        assert!(!shown.contains(secret), "`{secret}` in {shown}");
    }
    assert!(
        error.to_string().starts_with("Failed for Authorization"),
        "{error}"
    );
    Ok(())
}

/// A response body over max_response_body is an error; a smaller one is fine.
#[tokio::test]
async fn oversized_response_is_an_error() -> TestResult {
    let mock = MockArm::start().await;
    let mut big = registry_json("Succeeded");
    big["tags"]["padding"] = json!("x".repeat(4096));
    Mock::given(method("GET"))
        .and(path(registry_path()))
        .respond_with(ResponseTemplate::new(200).set_body_json(big))
        .mount(&mock.server)
        .await;
    let small = format!("{}/privateEndpointConnections/small", registry_path());
    Mock::given(method("GET"))
        .and(path(small.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"name": "small"})))
        .mount(&mock.server)
        .await;
    let client = client_with(
        &mock,
        Retry::Off,
        Limits {
            max_response_body: 2048,
            ..Limits::default()
        },
    );

    let error = client
        .registries_client()
        .get(RG, REG, None)
        .await
        .expect_err("a body over the limit");
    assert!(
        chain(&error).contains("more than the limit of 2048"),
        "{}",
        chain(&error)
    );
    let connection = client
        .private_endpoint_connections_client()
        .get(RG, REG, "small", None)
        .await?
        .into_model()?;
    assert_eq!(connection.name.as_deref(), Some("small"));

    let requests = mock.authorized_requests().await;
    assert_eq!(requests.len(), 2);
    assert_request(&requests[0], "GET", &registry_path(), None);
    assert_request(&requests[1], "GET", &small, None);
    Ok(())
}

/// An endless body without a `Content-Length` (what a hostile or broken server can
/// send) is cut off at the limit: the client reads at most one chunk past it and
/// fails, rather than buffering until memory runs out. The transport is the
/// caller's own, so this also shows the limit wraps any transport.
#[tokio::test]
async fn endless_response_is_cut_off_at_the_limit() -> TestResult {
    use azure_core::http::headers::Headers;
    use azure_core::http::{AsyncRawResponse, ClientOptions, HttpClient, Transport};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    const CHUNK: usize = 16 * 1024;

    #[derive(Debug, Default)]
    struct Endless {
        served: Arc<AtomicUsize>,
    }

    #[async_trait::async_trait]
    impl HttpClient for Endless {
        async fn execute_request(
            &self,
            _request: &azure_core::http::Request,
        ) -> azure_core::Result<AsyncRawResponse> {
            let served = self.served.clone();
            // Endless in effect: 64 MiB, so that a client without the cap fails
            // this test (on the blank JSON) instead of hanging it.
            let body = futures::stream::repeat_with(move || {
                served.fetch_add(CHUNK, Ordering::SeqCst);
                Ok(azure_core::Bytes::from(vec![b' '; CHUNK]))
            })
            .take(64 * 1024 * 1024 / CHUNK);
            let mut headers = Headers::new();
            headers.insert("content-type", "application/json");
            Ok(AsyncRawResponse::new(
                StatusCode::Ok,
                headers,
                Box::pin(body),
            ))
        }
    }

    let served = Arc::new(AtomicUsize::new(0));
    let client_options = ClientOptions {
        transport: Some(Transport::new(Arc::new(Endless {
            served: served.clone(),
        }))),
        retry: azure_core::http::RetryOptions::none(),
        ..ClientOptions::default()
    };
    let limit = 1024 * 1024;
    let options = ContainerRegistryClientOptions {
        client_options,
        limits: Limits {
            max_response_body: limit,
            ..Limits::default()
        },
        ..ContainerRegistryClientOptions::default()
    };
    let client = ContainerRegistryClient::new(
        "https://management.example.com",
        mock::credential(),
        SUB,
        Some(options),
    )?;
    let error = client
        .registries_client()
        .get(RG, REG, None)
        .await
        .expect_err("an endless body is an error");
    let message = chain(&error);
    assert!(
        message.contains(&format!("more than the limit of {limit}")),
        "{message}"
    );
    assert!(
        !matches!(error.kind(), ErrorKind::Io),
        "not an I/O error, so never retried: {:?}",
        error.kind()
    );
    let read = served.load(Ordering::SeqCst);
    assert!(
        read > limit && read <= limit + CHUNK,
        "read {read} bytes for a limit of {limit}"
    );
    Ok(())
}

/// A `Content-Length` over the limit fails before the body is read.
#[tokio::test]
async fn declared_oversized_response_fails_before_reading() -> TestResult {
    let mock = MockArm::start().await;
    Mock::given(method("GET"))
        .and(path(registry_path()))
        .respond_with(ResponseTemplate::new(200).set_body_string("x".repeat(10_000)))
        .mount(&mock.server)
        .await;
    let client = client_with(
        &mock,
        Retry::Off,
        Limits {
            max_response_body: 100,
            ..Limits::default()
        },
    );
    let error = client
        .registries_client()
        .get(RG, REG, None)
        .await
        .expect_err("a body over the limit");
    assert!(
        chain(&error).contains("the response body is 10000 bytes, more than the limit of 100"),
        "{}",
        chain(&error)
    );
    Ok(())
}

// ------------------------------------------------------------------ transport security

/// The token is never sent in the clear: a plain-http endpoint is refused.
#[tokio::test]
async fn plain_http_endpoint_is_refused() -> TestResult {
    let mock = MockArm::start().await;
    let options = ContainerRegistryClientOptions {
        client_options: mock.client_options(),
        ..ContainerRegistryClientOptions::default()
    };
    let error =
        ContainerRegistryClient::new(&mock.server.uri(), mock::credential(), SUB, Some(options))
            .map(|_| ())
            .expect_err("an http endpoint is refused");
    assert!(chain(&error).contains("https"), "{}", chain(&error));
    assert!(mock.requests().await.is_empty());
    Ok(())
}

/// The mock's TLS is real: a client that does not trust its certificate cannot connect.
#[tokio::test]
async fn untrusted_certificate_is_refused() -> TestResult {
    let mock = MockArm::start().await;
    let options = ContainerRegistryClientOptions {
        client_options: azure_core::http::ClientOptions {
            retry: azure_core::http::RetryOptions::none(),
            ..Default::default()
        },
        ..ContainerRegistryClientOptions::default()
    };
    let client = ContainerRegistryClient::new(mock.base(), mock::credential(), SUB, Some(options))?;

    let error = client
        .registries_client()
        .get(RG, REG, None)
        .await
        .expect_err("an untrusted certificate");

    assert!(
        matches!(error.kind(), ErrorKind::Connection | ErrorKind::Io),
        "{:?}: {}",
        error.kind(),
        chain(&error)
    );
    assert!(mock.requests().await.is_empty());
    Ok(())
}
