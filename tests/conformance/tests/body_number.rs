//! body-number.json: floats, doubles and decimals (big, small, invalid, null) in bodies.

mod common;

use common::{server, TestResult};
use conf_body_number::AutoRestNumberTestServiceClient as Client;

fn client() -> Client {
    Client::new(&server(), None).expect("a client")
}

fn ok(status: azure_core::http::StatusCode) {
    assert_eq!(u16::from(status), 200);
}

#[tokio::test]
async fn get_number_null() -> TestResult {
    // Gap: the result type is `f64`, not `Option<f64>`, though the spec says x-nullable.
    let body = client().number_client().get_null(None).await?.into_body();
    assert_eq!(body.json::<Option<f64>>()?, None);
    Ok(())
}

#[tokio::test]
async fn get_float_invalid() -> TestResult {
    let response = client().number_client().get_invalid_float(None).await?;
    assert!(response.into_model().is_err(), "not a number");
    Ok(())
}

#[tokio::test]
async fn get_double_invalid() -> TestResult {
    let response = client().number_client().get_invalid_double(None).await?;
    assert!(response.into_model().is_err(), "not a number");
    Ok(())
}

#[tokio::test]
async fn get_decimal_invalid() -> TestResult {
    let response = client().number_client().get_invalid_decimal(None).await?;
    assert!(response.into_model().is_err(), "not a number");
    Ok(())
}

#[tokio::test]
async fn get_float_big_scientific_notation() -> TestResult {
    let value: f32 = client()
        .number_client()
        .get_big_float(None)
        .await?
        .into_model()?;
    assert_eq!(value, 3.402823e20_f32);
    Ok(())
}

#[tokio::test]
async fn put_float_big_scientific_notation() -> TestResult {
    ok(client()
        .number_client()
        .put_big_float(3.402823e20, None)
        .await?
        .status());
    Ok(())
}

#[tokio::test]
async fn get_double_big_scientific_notation() -> TestResult {
    let value: f64 = client()
        .number_client()
        .get_big_double(None)
        .await?
        .into_model()?;
    assert_eq!(value, 2.5976931e101);
    Ok(())
}

#[tokio::test]
async fn put_double_big_scientific_notation() -> TestResult {
    ok(client()
        .number_client()
        .put_big_double(2.5976931e101, None)
        .await?
        .status());
    Ok(())
}

#[tokio::test]
async fn get_double_big_positive_decimal() -> TestResult {
    let value: f64 = client()
        .number_client()
        .get_big_double_positive_decimal(None)
        .await?
        .into_model()?;
    assert_eq!(value, 99999999.99);
    Ok(())
}

#[tokio::test]
async fn put_double_big_positive_decimal() -> TestResult {
    ok(client()
        .number_client()
        .put_big_double_positive_decimal(99999999.99, None)
        .await?
        .status());
    Ok(())
}

#[tokio::test]
async fn get_double_big_negative_decimal() -> TestResult {
    let value: f64 = client()
        .number_client()
        .get_big_double_negative_decimal(None)
        .await?
        .into_model()?;
    assert_eq!(value, -99999999.99);
    Ok(())
}

#[tokio::test]
async fn put_double_big_negative_decimal() -> TestResult {
    ok(client()
        .number_client()
        .put_big_double_negative_decimal(-99999999.99, None)
        .await?
        .status());
    Ok(())
}

#[tokio::test]
async fn get_float_small_scientific_notation() -> TestResult {
    // The spec declares this response `format: double`.
    let value: f64 = client()
        .number_client()
        .get_small_float(None)
        .await?
        .into_model()?;
    assert_eq!(value, 3.402823e-20);
    Ok(())
}

#[tokio::test]
async fn put_float_small_scientific_notation() -> TestResult {
    ok(client()
        .number_client()
        .put_small_float(3.402823e-20, None)
        .await?
        .status());
    Ok(())
}

#[tokio::test]
async fn get_double_small_scientific_notation() -> TestResult {
    let value: f64 = client()
        .number_client()
        .get_small_double(None)
        .await?
        .into_model()?;
    assert_eq!(value, 2.5976931e-101);
    Ok(())
}

#[tokio::test]
async fn put_double_small_scientific_notation() -> TestResult {
    ok(client()
        .number_client()
        .put_small_double(2.5976931e-101, None)
        .await?
        .status());
    Ok(())
}

// Decimals (optional scenarios): `format: decimal` is generated as f64, which holds these values.

#[tokio::test]
async fn get_decimal_big() -> TestResult {
    let value: f64 = client()
        .number_client()
        .get_big_decimal(None)
        .await?
        .into_model()?;
    assert_eq!(value, 2.5976931e101);
    Ok(())
}

#[tokio::test]
async fn put_decimal_big() -> TestResult {
    ok(client()
        .number_client()
        .put_big_decimal(2.5976931e101, None)
        .await?
        .status());
    Ok(())
}

#[tokio::test]
async fn get_decimal_big_positive_decimal() -> TestResult {
    let value: f64 = client()
        .number_client()
        .get_big_decimal_positive_decimal(None)
        .await?
        .into_model()?;
    assert_eq!(value, 99999999.99);
    Ok(())
}

#[tokio::test]
async fn put_decimal_big_positive_decimal() -> TestResult {
    ok(client()
        .number_client()
        .put_big_decimal_positive_decimal(99999999.99, None)
        .await?
        .status());
    Ok(())
}

#[tokio::test]
async fn get_decimal_big_negative_decimal() -> TestResult {
    let value: f64 = client()
        .number_client()
        .get_big_decimal_negative_decimal(None)
        .await?
        .into_model()?;
    assert_eq!(value, -99999999.99);
    Ok(())
}

#[tokio::test]
async fn put_decimal_big_negative_decimal() -> TestResult {
    ok(client()
        .number_client()
        .put_big_decimal_negative_decimal(-99999999.99, None)
        .await?
        .status());
    Ok(())
}

#[tokio::test]
async fn get_decimal_small() -> TestResult {
    let value: f64 = client()
        .number_client()
        .get_small_decimal(None)
        .await?
        .into_model()?;
    assert_eq!(value, 2.5976931e-101);
    Ok(())
}

#[tokio::test]
async fn put_decimal_small() -> TestResult {
    ok(client()
        .number_client()
        .put_small_decimal(2.5976931e-101, None)
        .await?
        .status());
    Ok(())
}
