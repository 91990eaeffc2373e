//! required-optional.json: optional parameters left out (query, header, body, body
//! properties), and required ones that the type system makes impossible to leave out.
//!
//! The binary-body operations (`application/octet-stream`) are not generated: their
//! scenarios are listed in not-hit/http.txt.

mod common;

use common::{no_retry, server, TestResult};
use conf_required_optional::clients::*;
use conf_required_optional::models::{
    ArrayOptionalWrapper, ClassOptionalWrapper, IntOptionalWrapper, StringOptionalWrapper,
};
use conf_required_optional::{
    AutoRestRequiredOptionalTestServiceClient as Client,
    AutoRestRequiredOptionalTestServiceClientOptions,
};

/// The client-level parameters are all required by `new` (`optional-global-query`
/// included, although the spec makes it optional).
fn client() -> Client {
    let options = AutoRestRequiredOptionalTestServiceClientOptions {
        client_options: no_retry(),
        ..Default::default()
    };
    Client::new(
        &server(),
        0,
        "required_global_path",
        "required_global_query",
        Some(options),
    )
    .expect("a client")
}

#[tokio::test]
async fn optional_implicit_query() -> TestResult {
    let response = client().implicit_client().put_optional_query(None).await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn optional_implicit_header() -> TestResult {
    let response = client().implicit_client().put_optional_header(None).await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn optional_implicit_body() -> TestResult {
    let response = client().implicit_client().put_optional_body(None).await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

/// The server checks `optional_global_query`, not the wire name `optional-global-query`:
/// this passes although the client always sends `optional-global-query=0` (the generated
/// `new` takes the optional client parameter as a required `i32`).
#[tokio::test]
async fn optional_global_query() -> TestResult {
    let response = client()
        .implicit_client()
        .get_optional_global_query(None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

// GeneralOptional: POST /reqopt/optional/{type}/{scenario}, one scenario key for all.

#[tokio::test]
async fn general_optional_integer_parameter() -> TestResult {
    let response = client()
        .explicit_client()
        .post_optional_integer_parameter(None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn general_optional_integer_property() -> TestResult {
    let body = IntOptionalWrapper { value: None };
    let options = ExplicitPostOptionalIntegerPropertyOptions {
        body_parameter: Some(&body),
        ..Default::default()
    };
    let response = client()
        .explicit_client()
        .post_optional_integer_property(Some(options))
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn general_optional_integer_header() -> TestResult {
    let response = client()
        .explicit_client()
        .post_optional_integer_header(None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn general_optional_string_parameter() -> TestResult {
    let response = client()
        .explicit_client()
        .post_optional_string_parameter(None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn general_optional_string_property() -> TestResult {
    let body = StringOptionalWrapper { value: None };
    let options = ExplicitPostOptionalStringPropertyOptions {
        body_parameter: Some(&body),
        ..Default::default()
    };
    let response = client()
        .explicit_client()
        .post_optional_string_property(Some(options))
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn general_optional_string_header() -> TestResult {
    let response = client()
        .explicit_client()
        .post_optional_string_header(None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn general_optional_class_parameter() -> TestResult {
    let response = client()
        .explicit_client()
        .post_optional_class_parameter(None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn general_optional_class_property() -> TestResult {
    let body = ClassOptionalWrapper { value: None };
    let options = ExplicitPostOptionalClassPropertyOptions {
        body_parameter: Some(&body),
        ..Default::default()
    };
    let response = client()
        .explicit_client()
        .post_optional_class_property(Some(options))
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn general_optional_array_parameter() -> TestResult {
    let response = client()
        .explicit_client()
        .post_optional_array_parameter(None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn general_optional_array_property() -> TestResult {
    let body = ArrayOptionalWrapper { value: None };
    let options = ExplicitPostOptionalArrayPropertyOptions {
        body_parameter: Some(&body),
        ..Default::default()
    };
    let response = client()
        .explicit_client()
        .post_optional_array_property(Some(options))
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn general_optional_array_header() -> TestResult {
    let response = client()
        .explicit_client()
        .post_optional_array_header(None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

/// A required path parameter cannot be empty: the client fails before sending.
#[tokio::test]
async fn required_path_rejects_empty_value() -> TestResult {
    let error = client()
        .implicit_client()
        .get_required_path("", None)
        .await
        .expect_err("an empty path parameter");
    assert_eq!(error.http_status(), None, "{error:?}");
    Ok(())
}
