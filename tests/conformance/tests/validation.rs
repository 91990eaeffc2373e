//! validation.json: constants in the path and in the body, and the spec's constraints on
//! parameters and body properties, checked by the client before anything is sent.

mod common;

use azure_core::error::ErrorKind;
use common::{no_retry, server, TestResult};
use conf_validation::clients::{PostWithConstantInBodyOptions, ValidationOfBodyOptions};
use conf_validation::models::{
    ChildProduct, ChildProductConstProperty, ConstantProduct, ConstantProductConstProperty,
    ConstantProductConstProperty2, GetWithConstantInPathConstantParam,
    PostWithConstantInBodyConstantParam, Product, ProductConstString,
};
use conf_validation::runtime::http::InvalidArgument;
use conf_validation::{
    AutoRestValidationTestClient as Client, AutoRestValidationTestClientOptions,
};

fn client() -> Client {
    let options = AutoRestValidationTestClientOptions {
        client_options: no_retry(),
        ..Default::default()
    };
    Client::new(&server(), "abc123", "12-34-5678", Some(options)).expect("a client")
}

/// A product with its constants.
fn product() -> Product {
    Product::new(
        ChildProduct::new(ChildProductConstProperty::Constant),
        ConstantProduct::new(
            ConstantProductConstProperty::Constant,
            ConstantProductConstProperty2::Constant2,
        ),
        0,
        ProductConstString::Constant,
    )
}

/// Asserts the call failed in the client (a constraint), not with an HTTP status.
fn assert_rejected<T>(result: azure_core::Result<T>, what: &str) {
    match result {
        Ok(_) => panic!("{what}: expected the client to reject the call"),
        Err(e) => {
            assert_eq!(e.http_status(), None, "{what}: sent anyway: {e:?}");
            assert!(
                matches!(e.kind(), ErrorKind::Other)
                    && e.downcast_ref::<InvalidArgument>().is_some(),
                "{what}: {e:?}"
            );
        }
    }
}

#[tokio::test]
async fn constants_in_path() -> TestResult {
    let response = client()
        .get_with_constant_in_path(&GetWithConstantInPathConstantParam::Constant, None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn constants_in_body() -> TestResult {
    let body = product();
    let options = PostWithConstantInBodyOptions {
        body: Some(&body),
        ..Default::default()
    };
    let echoed = client()
        .post_with_constant_in_body(
            &PostWithConstantInBodyConstantParam::Constant,
            Some(options),
        )
        .await?
        .into_model()?;
    assert_eq!(echoed, body);
    Ok(())
}

// Client-side constraints on parameters (no scenario key: nothing reaches the server).

#[tokio::test]
async fn rejects_resource_group_name_too_short() {
    assert_rejected(
        client()
            .validation_of_method_parameters("1", 100, None)
            .await,
        "minLength",
    );
}

#[tokio::test]
async fn rejects_resource_group_name_too_long() {
    assert_rejected(
        client()
            .validation_of_method_parameters("1234567890A", 100, None)
            .await,
        "maxLength",
    );
}

#[tokio::test]
async fn rejects_resource_group_name_not_matching_pattern() {
    assert_rejected(
        client()
            .validation_of_method_parameters("!@#$", 100, None)
            .await,
        "pattern",
    );
}

#[tokio::test]
async fn rejects_id_below_minimum() {
    assert_rejected(
        client()
            .validation_of_method_parameters("123", 0, None)
            .await,
        "minimum",
    );
}

#[tokio::test]
async fn rejects_id_above_maximum() {
    assert_rejected(
        client()
            .validation_of_method_parameters("123", 2000, None)
            .await,
        "maximum",
    );
}

#[tokio::test]
#[ignore = "generator: multipleOf is not checked"]
async fn rejects_id_not_multiple_of_10() {
    assert_rejected(
        client()
            .validation_of_method_parameters("123", 105, None)
            .await,
        "multipleOf",
    );
}

#[tokio::test]
async fn rejects_api_version_not_matching_pattern() {
    let error = Client::new(&server(), "abc123", "abc", None).expect_err("a bad api-version");
    assert_eq!(error.http_status(), None);
    let invalid = error
        .downcast_ref::<InvalidArgument>()
        .unwrap_or_else(|| panic!("{error:?}"));
    assert_eq!(invalid.parameter, "apiVersion");
}

// Client-side constraints on body properties.

async fn put_body(body: &Product) -> azure_core::Result<()> {
    let options = ValidationOfBodyOptions {
        body: Some(body),
        ..Default::default()
    };
    client()
        .validation_of_body("123", 150, Some(options))
        .await
        .map(|_| ())
}

#[tokio::test]
#[ignore = "generator: constraints of body properties (exclusiveMinimum) are not checked"]
async fn rejects_capacity_at_exclusive_minimum() {
    let body = Product {
        capacity: Some(0),
        ..product()
    };
    assert_rejected(put_body(&body).await, "exclusiveMinimum");
}

#[tokio::test]
#[ignore = "generator: constraints of body properties (exclusiveMaximum) are not checked"]
async fn rejects_capacity_at_exclusive_maximum() {
    let body = Product {
        capacity: Some(100),
        ..product()
    };
    assert_rejected(put_body(&body).await, "exclusiveMaximum");
}

#[tokio::test]
#[ignore = "generator: constraints of body properties (maxItems) are not checked"]
async fn rejects_display_names_over_max_items() {
    let body = Product {
        display_names: Some((0..7).map(|i| i.to_string()).collect()),
        ..product()
    };
    assert_rejected(put_body(&body).await, "maxItems");
}

#[tokio::test]
#[ignore = "generator: constraints of body properties (uniqueItems) are not checked"]
async fn rejects_display_names_not_unique() {
    let body = Product {
        display_names: Some(vec!["a".to_string(), "a".to_string()]),
        ..product()
    };
    assert_rejected(put_body(&body).await, "uniqueItems");
}

#[tokio::test]
#[ignore = "generator: constraints of body properties (pattern) are not checked"]
async fn rejects_image_not_matching_pattern() {
    let body = Product {
        image: Some("\\nhttp://".to_string()),
        ..product()
    };
    assert_rejected(put_body(&body).await, "pattern");
}
