//! lro.json: long-running operations (Azure-AsyncOperation, Location, provisioningState
//! polling, final-state-via), retried 500s, and the error paths.
//!
//! Most scenarios are stateful on the server side: it sets a `scenario` cookie on the
//! first poll and expects it back on the next one, so the client here carries a small
//! cookie jar (a per-try policy), as the test server requires of every client.

mod common;

use std::sync::Arc;
use std::time::Duration;

use azure_core::http::poller::PollerOptions;
use azure_core::http::request::options::ClientRequestId;
use azure_core::http::StatusCode;
use common::{server, CookieJar, TestResult};
use conf_lro::clients::*;
use conf_lro::models::{Product, Sku, SubProduct};
use conf_lro::runtime::http::{Limits, LroPoller};
use conf_lro::AutoRestLongRunningOperationTestServiceClient as Client;
use conf_lro::AutoRestLongRunningOperationTestServiceClientOptions as ClientOptions;
use futures::StreamExt;
use serde::de::DeserializeOwned;

const REQUEST_ID: &str = "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0";

/// A client with its own cookie jar and the default retries (5xx are retried); polling
/// gives up after a few minutes so that a poller that never ends fails the test.
fn client() -> Client {
    let options = ClientOptions {
        client_options: azure_core::http::ClientOptions {
            per_try_policies: vec![Arc::new(CookieJar::default())],
            ..Default::default()
        },
        limits: Limits {
            max_poll_duration: Duration::from_secs(150),
            // Most answers carry no Retry-After: poll every second, not every 30.
            poll_interval: Duration::from_secs(1),
            ..Default::default()
        },
        ..Default::default()
    };
    Client::new(&server(), Some(options)).expect("a client")
}

/// Method options carrying the `x-ms-client-request-id` the CustomHeader scenarios require.
fn with_request_id() -> PollerOptions<'static> {
    let mut options = PollerOptions::default();
    options
        .context
        .insert(ClientRequestId::from_static(REQUEST_ID));
    options
}

fn product() -> Product {
    Product {
        location: Some("West US".to_string()),
        ..Default::default()
    }
}

fn provisioning_state(product: &Product) -> Option<&str> {
    product.properties.as_ref()?.provisioning_state.as_deref()
}

/// The `{ "id": "100", "name": "foo", properties.provisioningState }` most scenarios return.
fn assert_foo(product: &Product, state: Option<&str>) {
    assert_eq!(product.id.as_deref(), Some("100"));
    assert_eq!(product.name.as_deref(), Some("foo"));
    assert_eq!(provisioning_state(product), state);
}

/// The operation's final result, as a typed model.
async fn result<T>(poller: azure_core::Result<LroPoller<T>>) -> azure_core::Result<T>
where
    T: DeserializeOwned + Send + Sync + 'static,
{
    poller?.await?.into_model()
}

/// The error the operation must end with (from starting, polling, or reading its result).
async fn failure<T>(poller: azure_core::Result<LroPoller<T>>) -> azure_core::Error
where
    T: DeserializeOwned + Send + Sync + 'static,
{
    match result(poller).await {
        Ok(_) => panic!("the long-running operation succeeded; the scenario expects an error"),
        Err(error) => error,
    }
}

/// The error the polling itself must end with: the status monitor's stream fails before
/// the operation is taken as done (the final result is never fetched).
async fn poll_failure<T>(poller: azure_core::Result<LroPoller<T>>) -> azure_core::Error
where
    T: DeserializeOwned + Send + Sync + 'static,
{
    let mut poller = match poller {
        Ok(poller) => poller,
        Err(error) => return error,
    };
    while let Some(status) = poller.next().await {
        if let Err(error) = status {
            return error;
        }
    }
    panic!("polling ended without an error; the scenario expects the poll to fail")
}

// ---------------------------------------------------------------------------------------
// LROs: PUT / PATCH
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn lro_put_inline_complete() -> TestResult {
    let p = product();
    let options = LrOsPut200SucceededOptions {
        product: Some(&p),
        ..Default::default()
    };
    let value = result(
        client()
            .lr_os_client()
            .begin_put200_succeeded(Some(options)),
    )
    .await?;
    assert_foo(&value, Some("Succeeded"));
    Ok(())
}

#[tokio::test]
async fn lro_put_inline_complete201() -> TestResult {
    let value = result(client().lr_os_client().begin_put201_succeeded(None)).await?;
    assert_foo(&value, Some("Succeeded"));
    Ok(())
}

#[tokio::test]
async fn lro_put200_inline_complete_no_state() -> TestResult {
    let value = result(
        client()
            .lr_os_client()
            .begin_put200_succeeded_no_state(None),
    )
    .await?;
    assert_foo(&value, None);
    Ok(())
}

#[tokio::test]
async fn lro_patch_inline_complete_ignore_headers() -> TestResult {
    let value = result(
        client()
            .lr_os_client()
            .begin_patch200_succeeded_ignore_headers(None),
    )
    .await?;
    assert_foo(&value, Some("Succeeded"));
    Ok(())
}

#[tokio::test]
async fn lro_patch201_with_async_header() -> TestResult {
    let value = result(
        client()
            .lr_os_client()
            .begin_patch201_retry_with_async_header(None),
    )
    .await?;
    assert_eq!(
        value.id.as_deref(),
        Some("/lro/patch/201/retry/onlyAsyncHeader")
    );
    assert_eq!(value.name.as_deref(), Some("foo"));
    assert_eq!(provisioning_state(&value), Some("Succeeded"));
    Ok(())
}

#[tokio::test]
async fn lro_patch202_with_async_and_location_header() -> TestResult {
    let value = result(
        client()
            .lr_os_client()
            .begin_patch202_retry_with_async_and_location_header(None),
    )
    .await?;
    assert_eq!(
        value.id.as_deref(),
        Some("/lro/patch/202/retry/asyncAndLocationHeader")
    );
    assert_eq!(value.name.as_deref(), Some("foo"));
    assert_eq!(provisioning_state(&value), Some("Succeeded"));
    Ok(())
}

#[tokio::test]
async fn lro_put202_retry200() -> TestResult {
    let value = result(client().lr_os_client().begin_put202_retry200(None)).await?;
    assert_foo(&value, None);
    Ok(())
}

#[tokio::test]
async fn lro_put_succeeded_with_body() -> TestResult {
    let value = result(
        client()
            .lr_os_client()
            .begin_put201_creating_succeeded200(None),
    )
    .await?;
    assert_foo(&value, Some("Succeeded"));
    Ok(())
}

#[tokio::test]
async fn lro_put_succeeded_no_body() -> TestResult {
    let value = result(
        client()
            .lr_os_client()
            .begin_put200_updating_succeeded204(None),
    )
    .await?;
    assert_foo(&value, Some("Succeeded"));
    Ok(())
}

#[tokio::test]
async fn lro_put_failed() {
    failure(
        client()
            .lr_os_client()
            .begin_put201_creating_failed200(None),
    )
    .await;
}

#[tokio::test]
async fn lro_put_canceled() {
    failure(
        client()
            .lr_os_client()
            .begin_put200_acceptedcanceled200(None),
    )
    .await;
}

#[tokio::test]
async fn lro_put_async_retry_succeeded() -> TestResult {
    let value = result(
        client()
            .lr_os_client()
            .begin_put_async_retry_succeeded(None),
    )
    .await?;
    assert_foo(&value, Some("Succeeded"));
    Ok(())
}

#[tokio::test]
async fn lro_put_async_no_retry_succeeded() -> TestResult {
    let value = result(
        client()
            .lr_os_client()
            .begin_put_async_no_retry_succeeded(None),
    )
    .await?;
    assert_foo(&value, Some("Succeeded"));
    Ok(())
}

#[tokio::test]
async fn lro_put_async_retry_failed() {
    let error = failure(client().lr_os_client().begin_put_async_retry_failed(None)).await;
    assert_eq!(error.http_status(), Some(StatusCode::Ok));
}

#[tokio::test]
async fn lro_put_async_no_retry_canceled() {
    let error = failure(
        client()
            .lr_os_client()
            .begin_put_async_no_retrycanceled(None),
    )
    .await;
    assert_eq!(error.http_status(), Some(StatusCode::Ok));
}

#[tokio::test]
async fn lro_put_no_header_in_retry() -> TestResult {
    let value = result(client().lr_os_client().begin_put_no_header_in_retry(None)).await?;
    assert_foo(&value, Some("Succeeded"));
    Ok(())
}

#[tokio::test]
async fn lro_put_async_no_header_in_retry() -> TestResult {
    let value = result(
        client()
            .lr_os_client()
            .begin_put_async_no_header_in_retry(None),
    )
    .await?;
    assert_foo(&value, Some("Succeeded"));
    Ok(())
}

#[tokio::test]
async fn lro_put_sub_resource_in_retry() -> TestResult {
    let value: SubProduct = result(client().lr_os_client().begin_put_sub_resource(None)).await?;
    assert_eq!(value.id.as_deref(), Some("100"));
    let state = value.properties.and_then(|p| p.provisioning_state);
    assert_eq!(state.as_deref(), Some("Succeeded"));
    Ok(())
}

#[tokio::test]
async fn lro_put_sub_resource_async_in_retry() -> TestResult {
    let value: SubProduct =
        result(client().lr_os_client().begin_put_async_sub_resource(None)).await?;
    assert_eq!(value.id.as_deref(), Some("100"));
    let state = value.properties.and_then(|p| p.provisioning_state);
    assert_eq!(state.as_deref(), Some("Succeeded"));
    Ok(())
}

#[tokio::test]
async fn lro_put_non_resource_in_retry() -> TestResult {
    let value: Sku = result(client().lr_os_client().begin_put_non_resource(None)).await?;
    assert_eq!(value.id.as_deref(), Some("100"));
    assert_eq!(value.name.as_deref(), Some("sku"));
    Ok(())
}

#[tokio::test]
async fn lro_put_non_resource_async_in_retry() -> TestResult {
    let value: Sku = result(client().lr_os_client().begin_put_async_non_resource(None)).await?;
    assert_eq!(value.id.as_deref(), Some("100"));
    assert_eq!(value.name.as_deref(), Some("sku"));
    Ok(())
}

// ---------------------------------------------------------------------------------------
// LROs: DELETE
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn lro_delete_no_header_in_retry() -> TestResult {
    let response = client()
        .lr_os_client()
        .begin_delete_no_header_in_retry(None)?
        .await?;
    assert_eq!(response.status(), StatusCode::NoContent);
    Ok(())
}

#[tokio::test]
async fn lro_delete_async_no_header_in_retry() -> TestResult {
    result(
        client()
            .lr_os_client()
            .begin_delete_async_no_header_in_retry(None),
    )
    .await?;
    Ok(())
}

#[tokio::test]
async fn lro_delete_provisioning_succeeded_with_body() -> TestResult {
    // The spec documents a Product for the 200, but the generated operation returns `()`:
    // the final poll must still be a 200.
    let response = client()
        .lr_os_client()
        .begin_delete_provisioning202_accepted200_succeeded(None)?
        .await?;
    assert_eq!(response.status(), StatusCode::Ok);
    Ok(())
}

#[tokio::test]
async fn lro_delete_provisioning_failed() {
    failure(
        client()
            .lr_os_client()
            .begin_delete_provisioning202_deleting_failed200(None),
    )
    .await;
}

#[tokio::test]
async fn lro_delete_provisioning_canceled() {
    failure(
        client()
            .lr_os_client()
            .begin_delete_provisioning202_deletingcanceled200(None),
    )
    .await;
}

#[tokio::test]
async fn lro_delete_inline_complete() -> TestResult {
    let response = client()
        .lr_os_client()
        .begin_delete204_succeeded(None)?
        .await?;
    assert_eq!(response.status(), StatusCode::NoContent);
    Ok(())
}

#[tokio::test]
async fn lro_delete200() -> TestResult {
    let response = client()
        .lr_os_client()
        .begin_delete202_retry200(None)?
        .await?;
    assert_eq!(response.status(), StatusCode::Ok);
    Ok(())
}

#[tokio::test]
async fn lro_delete204() -> TestResult {
    let response = client()
        .lr_os_client()
        .begin_delete202_no_retry204(None)?
        .await?;
    assert_eq!(response.status(), StatusCode::NoContent);
    Ok(())
}

#[tokio::test]
async fn lro_delete_async_retry_succeeded() -> TestResult {
    result(
        client()
            .lr_os_client()
            .begin_delete_async_retry_succeeded(None),
    )
    .await?;
    Ok(())
}

#[tokio::test]
async fn lro_delete_async_no_retry_succeeded() -> TestResult {
    result(
        client()
            .lr_os_client()
            .begin_delete_async_no_retry_succeeded(None),
    )
    .await?;
    Ok(())
}

#[tokio::test]
async fn lro_delete_async_retry_failed() {
    let error = failure(
        client()
            .lr_os_client()
            .begin_delete_async_retry_failed(None),
    )
    .await;
    assert_eq!(error.http_status(), Some(StatusCode::Ok));
}

#[tokio::test]
async fn lro_delete_async_retry_canceled() {
    let error = failure(
        client()
            .lr_os_client()
            .begin_delete_async_retrycanceled(None),
    )
    .await;
    assert_eq!(error.http_status(), Some(StatusCode::Ok));
}

// ---------------------------------------------------------------------------------------
// LROs: POST
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn lro_post_succeded_with_body() -> TestResult {
    // The operation documents no result (202 only): the poller ends on the 200.
    let p = product();
    let options = LrOsPost202Retry200Options {
        product: Some(&p),
        ..Default::default()
    };
    let response = client()
        .lr_os_client()
        .begin_post202_retry200(Some(options))?
        .await?;
    assert_eq!(response.status(), StatusCode::Ok);
    Ok(())
}

#[tokio::test]
async fn lro_post_succeded_no_body() -> TestResult {
    let response = client()
        .lr_os_client()
        .begin_post202_no_retry204(None)?
        .await?;
    assert_eq!(response.status(), StatusCode::NoContent);
    assert_eq!(response.into_body().json::<Option<Product>>()?, None);
    Ok(())
}

#[tokio::test]
async fn lro_post200() -> TestResult {
    let value: Sku = result(client().lr_os_client().begin_post200_with_payload(None)).await?;
    assert_eq!(value.id.as_deref(), Some("1"));
    assert_eq!(value.name.as_deref(), Some("product"));
    Ok(())
}

#[tokio::test]
async fn lro_post_double_headers_final_azure_header_get() -> TestResult {
    // final-state-via: azure-async-operation: the status resource is the result.
    let value = result(
        client()
            .lr_os_client()
            .begin_post_double_headers_final_azure_header_get(None),
    )
    .await?;
    assert_eq!(value.id.as_deref(), Some("100"));
    assert_eq!(value.name, None);
    Ok(())
}

#[tokio::test]
async fn lro_post_double_headers_final_azure_header_get_default() -> TestResult {
    // No final-state-via: POST's default is a final GET on the Location.
    let value = result(
        client()
            .lr_os_client()
            .begin_post_double_headers_final_azure_header_get_default(None),
    )
    .await?;
    assert_foo(&value, None);
    Ok(())
}

/// Covers LROPostDoubleHeadersFinalLocationPost, LROPostDoubleHeadersFinalLocationAsync and
/// LROPostDoubleHeadersFinalLocationGet: the POST, the poll of the Azure-AsyncOperation,
/// then the final GET on the Location.
#[tokio::test]
async fn lro_post_double_headers_final_location_get() -> TestResult {
    let value = result(
        client()
            .lr_os_client()
            .begin_post_double_headers_final_location_get(None),
    )
    .await?;
    assert_foo(&value, None);
    Ok(())
}

#[tokio::test]
async fn lro_post_and_get_list() -> TestResult {
    let values = result(client().lr_os_client().begin_post202_list(None)).await?;
    assert_eq!(values.len(), 1);
    assert_foo(&values[0], None);
    Ok(())
}

#[tokio::test]
async fn lro_post_async_retry_succeeded() -> TestResult {
    let value = result(
        client()
            .lr_os_client()
            .begin_post_async_retry_succeeded(None),
    )
    .await?;
    assert_foo(&value, Some("Succeeded"));
    Ok(())
}

#[tokio::test]
async fn lro_post_async_no_retry_succeeded() -> TestResult {
    let value = result(
        client()
            .lr_os_client()
            .begin_post_async_no_retry_succeeded(None),
    )
    .await?;
    assert_foo(&value, Some("Succeeded"));
    Ok(())
}

#[tokio::test]
async fn lro_post_async_retry_failed() {
    let error = failure(client().lr_os_client().begin_post_async_retry_failed(None)).await;
    assert_eq!(error.http_status(), Some(StatusCode::Ok));
}

#[tokio::test]
async fn lro_post_async_retry_canceled() {
    let error = failure(client().lr_os_client().begin_post_async_retrycanceled(None)).await;
    assert_eq!(error.http_status(), Some(StatusCode::Ok));
}

// ---------------------------------------------------------------------------------------
// LRORetrys: 500s on the initial request and on polls, retried by the pipeline
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn lro_retry_put_succeeded_with_body() -> TestResult {
    let value = result(
        client()
            .lro_retrys_client()
            .begin_put201_creating_succeeded200(None),
    )
    .await?;
    assert_foo(&value, Some("Succeeded"));
    Ok(())
}

/// Covers LRORetryErrorPutAsyncSucceeded (the final GET) and
/// LRORetryErrorPutAsyncSucceededPolling (the poll), each answered by a 500 first.
#[tokio::test]
async fn lro_retry_error_put_async_succeeded() -> TestResult {
    let value = result(
        client()
            .lro_retrys_client()
            .begin_put_async_relative_retry_succeeded(None),
    )
    .await?;
    assert_foo(&value, Some("Succeeded"));
    Ok(())
}

#[tokio::test]
async fn lro_retry_error_delete202_accepted200_succeeded() -> TestResult {
    let response = client()
        .lro_retrys_client()
        .begin_delete_provisioning202_accepted200_succeeded(None)?
        .await?;
    assert_eq!(response.status(), StatusCode::Ok);
    Ok(())
}

#[tokio::test]
async fn lro_retry_error_delete202_retry200_succeeded() -> TestResult {
    let response = client()
        .lro_retrys_client()
        .begin_delete202_retry200(None)?
        .await?;
    assert_eq!(response.status(), StatusCode::Ok);
    Ok(())
}

#[tokio::test]
async fn lro_retry_error_delete_async_retry_succeeded() -> TestResult {
    result(
        client()
            .lro_retrys_client()
            .begin_delete_async_relative_retry_succeeded(None),
    )
    .await?;
    Ok(())
}

#[tokio::test]
async fn lro_retry_error_post202_retry200_succeeded() -> TestResult {
    let response = client()
        .lro_retrys_client()
        .begin_post202_retry200(None)?
        .await?;
    assert_eq!(response.status(), StatusCode::Ok);
    Ok(())
}

#[tokio::test]
async fn lro_retry_error_post_async_retry_succeeded() -> TestResult {
    result(
        client()
            .lro_retrys_client()
            .begin_post_async_relative_retry_succeeded(None),
    )
    .await?;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// LROSADs: non-retryable errors
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn lro_non_retry_put400() {
    let error = failure(client().lrosa_ds_client().begin_put_non_retry400(None)).await;
    assert_eq!(error.http_status(), Some(StatusCode::BadRequest));
}

#[tokio::test]
async fn lro_non_retry_put201_creating400() {
    let error = failure(
        client()
            .lrosa_ds_client()
            .begin_put_non_retry201_creating400(None),
    )
    .await;
    assert_eq!(error.http_status(), Some(StatusCode::BadRequest));
}

#[tokio::test]
async fn lro_non_retry_put201_creating400_invalid_json() {
    let error = failure(
        client()
            .lrosa_ds_client()
            .begin_put_non_retry201_creating400_invalid_json(None),
    )
    .await;
    assert_eq!(error.http_status(), Some(StatusCode::BadRequest));
}

#[tokio::test]
async fn lro_non_retry_put_async_retry400() {
    let error = failure(
        client()
            .lrosa_ds_client()
            .begin_put_async_relative_retry400(None),
    )
    .await;
    assert_eq!(error.http_status(), Some(StatusCode::BadRequest));
}

#[tokio::test]
async fn lro_non_retry_delete400() {
    let error = failure(client().lrosa_ds_client().begin_delete_non_retry400(None)).await;
    assert_eq!(error.http_status(), Some(StatusCode::BadRequest));
}

#[tokio::test]
async fn lro_non_retry_delete202_retry400() {
    let error = failure(
        client()
            .lrosa_ds_client()
            .begin_delete202_non_retry400(None),
    )
    .await;
    assert_eq!(error.http_status(), Some(StatusCode::BadRequest));
}

#[tokio::test]
async fn lro_non_retry_delete_async_retry400() {
    let error = failure(
        client()
            .lrosa_ds_client()
            .begin_delete_async_relative_retry400(None),
    )
    .await;
    assert_eq!(error.http_status(), Some(StatusCode::BadRequest));
}

#[tokio::test]
async fn lro_non_retry_post400() {
    let error = failure(client().lrosa_ds_client().begin_post_non_retry400(None)).await;
    assert_eq!(error.http_status(), Some(StatusCode::BadRequest));
}

#[tokio::test]
async fn lro_non_retry_post202_retry400() {
    let error = failure(client().lrosa_ds_client().begin_post202_non_retry400(None)).await;
    assert_eq!(error.http_status(), Some(StatusCode::BadRequest));
}

#[tokio::test]
async fn lro_non_retry_post_async_retry400() {
    let error = failure(
        client()
            .lrosa_ds_client()
            .begin_post_async_relative_retry400(None),
    )
    .await;
    assert_eq!(error.http_status(), Some(StatusCode::BadRequest));
}

// ---------------------------------------------------------------------------------------
// LROSADs: malformed responses
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn lro_error_put201_no_provisioning_state_payload() {
    // A 201 without a body: there is no Product to return.
    failure(
        client()
            .lrosa_ds_client()
            .begin_put_error201_no_provisioning_state_payload(None),
    )
    .await;
}

#[tokio::test]
async fn lro_error_put_async_no_polling_status() {
    poll_failure(
        client()
            .lrosa_ds_client()
            .begin_put_async_relative_retry_no_status(None),
    )
    .await;
}

#[tokio::test]
async fn lro_error_put_async_no_polling_status_payload() {
    poll_failure(
        client()
            .lrosa_ds_client()
            .begin_put_async_relative_retry_no_status_payload(None),
    )
    .await;
}

#[tokio::test]
async fn lro_error_put200_invalid_json() {
    let error = failure(client().lrosa_ds_client().begin_put200_invalid_json(None)).await;
    assert_eq!(error.http_status(), None, "{error}");
}

#[tokio::test]
async fn lro_error_put_async_invalid_header() {
    // Azure-AsyncOperation `/foo` (no such resource) and Retry-After `/bar`.
    let error = failure(
        client()
            .lrosa_ds_client()
            .begin_put_async_relative_retry_invalid_header(None),
    )
    .await;
    assert_eq!(error.http_status(), Some(StatusCode::NotFound), "{error}");
}

#[tokio::test]
async fn lro_error_put_async_invalid_json_polling() {
    poll_failure(
        client()
            .lrosa_ds_client()
            .begin_put_async_relative_retry_invalid_json_polling(None),
    )
    .await;
}

#[tokio::test]
async fn lro_error_delete_no_location() -> TestResult {
    // A 204 to the DELETE: done at once, nothing to poll.
    let response = client()
        .lrosa_ds_client()
        .begin_delete204_succeeded(None)?
        .await?;
    assert_eq!(response.status(), StatusCode::NoContent);
    Ok(())
}

#[tokio::test]
async fn lro_error_delete202_retry_invalid_header() {
    let error = failure(
        client()
            .lrosa_ds_client()
            .begin_delete202_retry_invalid_header(None),
    )
    .await;
    assert_eq!(error.http_status(), Some(StatusCode::NotFound), "{error}");
}

#[tokio::test]
async fn lro_error_delete_async_no_polling_status() {
    poll_failure(
        client()
            .lrosa_ds_client()
            .begin_delete_async_relative_retry_no_status(None),
    )
    .await;
}

#[tokio::test]
async fn lro_error_delete_async_invalid_header() {
    let error = failure(
        client()
            .lrosa_ds_client()
            .begin_delete_async_relative_retry_invalid_header(None),
    )
    .await;
    assert_eq!(error.http_status(), Some(StatusCode::NotFound), "{error}");
}

#[tokio::test]
async fn lro_error_delete_async_invalid_json_polling() {
    poll_failure(
        client()
            .lrosa_ds_client()
            .begin_delete_async_relative_retry_invalid_json_polling(None),
    )
    .await;
}

#[tokio::test]
async fn lro_error_post_no_location() {
    // A 202 without Location or Azure-AsyncOperation: nothing to poll.
    let error = failure(client().lrosa_ds_client().begin_post202_no_location(None)).await;
    assert_eq!(error.http_status(), None, "{error}");
}

#[tokio::test]
async fn lro_error_post202_retry_invalid_header() {
    let error = failure(
        client()
            .lrosa_ds_client()
            .begin_post202_retry_invalid_header(None),
    )
    .await;
    assert_eq!(error.http_status(), Some(StatusCode::NotFound), "{error}");
}

#[tokio::test]
async fn lro_error_post_async_no_polling_payload() {
    poll_failure(
        client()
            .lrosa_ds_client()
            .begin_post_async_relative_retry_no_payload(None),
    )
    .await;
}

#[tokio::test]
async fn lro_error_post_async_invalid_header() {
    let error = failure(
        client()
            .lrosa_ds_client()
            .begin_post_async_relative_retry_invalid_header(None),
    )
    .await;
    assert_eq!(error.http_status(), Some(StatusCode::NotFound), "{error}");
}

#[tokio::test]
async fn lro_error_post_async_invalid_json_polling() {
    poll_failure(
        client()
            .lrosa_ds_client()
            .begin_post_async_relative_retry_invalid_json_polling(None),
    )
    .await;
}

// ---------------------------------------------------------------------------------------
// LROsCustomHeader: x-ms-client-request-id on every request, polls included
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn custom_header_put_async_succeded() -> TestResult {
    let p = product();
    let options = LrOsCustomHeaderPutAsyncRetrySucceededOptions {
        product: Some(&p),
        method_options: with_request_id(),
    };
    let value = result(
        client()
            .lr_os_custom_header_client()
            .begin_put_async_retry_succeeded(Some(options)),
    )
    .await?;
    assert_foo(&value, Some("Succeeded"));
    Ok(())
}

#[tokio::test]
async fn custom_header_post_async_succeded() -> TestResult {
    let p = product();
    let options = LrOsCustomHeaderPostAsyncRetrySucceededOptions {
        product: Some(&p),
        method_options: with_request_id(),
    };
    let response = client()
        .lr_os_custom_header_client()
        .begin_post_async_retry_succeeded(Some(options))?
        .await?;
    assert_eq!(response.status(), StatusCode::Ok);
    Ok(())
}

#[tokio::test]
async fn custom_header_put_succeeded() -> TestResult {
    let p = product();
    let options = LrOsCustomHeaderPut201CreatingSucceeded200Options {
        product: Some(&p),
        method_options: with_request_id(),
    };
    let value = result(
        client()
            .lr_os_custom_header_client()
            .begin_put201_creating_succeeded200(Some(options)),
    )
    .await?;
    assert_foo(&value, Some("Succeeded"));
    Ok(())
}

#[tokio::test]
async fn custom_header_post_succeeded() -> TestResult {
    let p = product();
    let options = LrOsCustomHeaderPost202Retry200Options {
        product: Some(&p),
        method_options: with_request_id(),
    };
    let response = client()
        .lr_os_custom_header_client()
        .begin_post202_retry200(Some(options))?
        .await?;
    assert_eq!(response.status(), StatusCode::Ok);
    Ok(())
}
