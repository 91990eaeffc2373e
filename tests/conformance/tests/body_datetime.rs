//! body-datetime.json: `format: date-time` bodies (RFC 3339), in UTC and with offsets.

mod common;

use common::{no_retry, server, TestResult};
use conf_body_datetime::{
    AutoRestDateTimeTestServiceClient as Client,
    AutoRestDateTimeTestServiceClientOptions as Options,
};
use time::macros::datetime;
use time::OffsetDateTime;

/// Without retries: the server answers a malformed date-time with a 500.
fn client() -> Client {
    let options = Options {
        client_options: no_retry(),
        ..Default::default()
    };
    Client::new(&server(), Some(options)).expect("a client")
}

fn ok(status: azure_core::http::StatusCode) {
    assert_eq!(u16::from(status), 200);
}

/// Same instant and same offset.
fn assert_same(actual: OffsetDateTime, expected: OffsetDateTime) {
    assert_eq!(actual, expected);
    assert_eq!(actual.offset(), expected.offset());
}

#[tokio::test]
async fn get_date_time_null() -> TestResult {
    // Gap: the result type is `OffsetDateTime`, not `Option<_>`, though the spec says x-nullable.
    let body = client().datetime_client().get_null(None).await?.into_body();
    assert_eq!(body.json::<Option<String>>()?, None);
    Ok(())
}

#[tokio::test]
async fn get_date_time_invalid() -> TestResult {
    let response = client().datetime_client().get_invalid(None).await?;
    assert!(
        response.into_model().is_err(),
        "`201O-18-90D00:89:56.9AX` is not a date-time"
    );
    Ok(())
}

#[tokio::test]
async fn get_date_time_overflow() -> TestResult {
    // `9999-12-31T23:59:59.999-14:00` is past year 9999 only in UTC; an
    // OffsetDateTime keeps the offset, so the value is representable.
    let value = client()
        .datetime_client()
        .get_overflow(None)
        .await?
        .into_model()?;
    assert_same(value, datetime!(9999-12-31 23:59:59.999 -14:00));
    Ok(())
}

#[tokio::test]
async fn get_date_time_underflow() -> TestResult {
    let response = client().datetime_client().get_underflow(None).await?;
    assert!(
        response.into_model().is_err(),
        "`0000-00-00T00:00:00.000+00:00` is not a date-time"
    );
    Ok(())
}

#[tokio::test]
async fn put_date_time_max_utc() -> TestResult {
    ok(client()
        .datetime_client()
        .put_utc_max_date_time(&datetime!(9999-12-31 23:59:59.999 UTC), None)
        .await?
        .status());
    Ok(())
}

#[tokio::test]
async fn get_date_time_max_utc_lowercase() -> TestResult {
    let value = client()
        .datetime_client()
        .get_utc_lowercase_max_date_time(None)
        .await?
        .into_model()?;
    assert_same(value, datetime!(9999-12-31 23:59:59.999 UTC));
    Ok(())
}

#[tokio::test]
async fn get_date_time_max_utc_uppercase() -> TestResult {
    let value = client()
        .datetime_client()
        .get_utc_uppercase_max_date_time(None)
        .await?
        .into_model()?;
    assert_same(value, datetime!(9999-12-31 23:59:59.999 UTC));
    Ok(())
}

#[tokio::test]
async fn get_date_time_max_local_positive_offset_lowercase() -> TestResult {
    let value = client()
        .datetime_client()
        .get_local_positive_offset_lowercase_max_date_time(None)
        .await?
        .into_model()?;
    assert_same(value, datetime!(9999-12-31 23:59:59.999 +14:00));
    Ok(())
}

#[tokio::test]
async fn get_date_time_max_local_positive_offset_uppercase() -> TestResult {
    let value = client()
        .datetime_client()
        .get_local_positive_offset_uppercase_max_date_time(None)
        .await?
        .into_model()?;
    assert_same(value, datetime!(9999-12-31 23:59:59.999 +14:00));
    Ok(())
}

#[tokio::test]
async fn get_date_time_max_local_negative_offset_lowercase() -> TestResult {
    let value = client()
        .datetime_client()
        .get_local_negative_offset_lowercase_max_date_time(None)
        .await?
        .into_model()?;
    assert_same(value, datetime!(9999-12-31 23:59:59.999 -14:00));
    Ok(())
}

#[tokio::test]
async fn get_date_time_max_local_negative_offset_uppercase() -> TestResult {
    let value = client()
        .datetime_client()
        .get_local_negative_offset_uppercase_max_date_time(None)
        .await?
        .into_model()?;
    assert_same(value, datetime!(9999-12-31 23:59:59.999 -14:00));
    Ok(())
}

#[tokio::test]
async fn get_date_time_min_utc() -> TestResult {
    let value = client()
        .datetime_client()
        .get_utc_min_date_time(None)
        .await?
        .into_model()?;
    assert_same(value, datetime!(0001-01-01 00:00:00 UTC));
    Ok(())
}

#[tokio::test]
async fn put_date_time_min_utc() -> TestResult {
    ok(client()
        .datetime_client()
        .put_utc_min_date_time(&datetime!(0001-01-01 00:00:00 UTC), None)
        .await?
        .status());
    Ok(())
}

#[tokio::test]
async fn get_date_time_min_local_positive_offset() -> TestResult {
    let value = client()
        .datetime_client()
        .get_local_positive_offset_min_date_time(None)
        .await?
        .into_model()?;
    assert_same(value, datetime!(0001-01-01 00:00:00 +14:00));
    Ok(())
}

#[tokio::test]
async fn get_date_time_min_local_negative_offset() -> TestResult {
    let value = client()
        .datetime_client()
        .get_local_negative_offset_min_date_time(None)
        .await?
        .into_model()?;
    assert_same(value, datetime!(0001-01-01 00:00:00 -14:00));
    Ok(())
}

#[tokio::test]
async fn get_date_time_min_local_no_offset() -> TestResult {
    // No offset: read as UTC.
    let value = client()
        .datetime_client()
        .get_local_no_offset_min_date_time(None)
        .await?
        .into_model()?;
    assert_same(value, datetime!(0001-01-01 00:00:00 UTC));
    Ok(())
}

// Optional scenarios.

#[tokio::test]
async fn put_date_time_max_utc7_ms() -> TestResult {
    // The server wants the 7 fractional digits as given: `.9999999Z`.
    ok(client()
        .datetime_client()
        .put_utc_max_date_time7_digits(&datetime!(9999-12-31 23:59:59.9999999 UTC), None)
        .await?
        .status());
    Ok(())
}

#[tokio::test]
async fn get_date_time_max_utc7_ms_uppercase() -> TestResult {
    let value = client()
        .datetime_client()
        .get_utc_uppercase_max_date_time7_digits(None)
        .await?
        .into_model()?;
    assert_same(value, datetime!(9999-12-31 23:59:59.9999999 UTC));
    Ok(())
}

#[tokio::test]
async fn put_date_time_max_local_positive_offset() -> TestResult {
    ok(client()
        .datetime_client()
        .put_local_positive_offset_max_date_time(&datetime!(9999-12-31 23:59:59.999 +14:00), None)
        .await?
        .status());
    Ok(())
}

#[tokio::test]
async fn put_date_time_max_local_negative_offset() -> TestResult {
    ok(client()
        .datetime_client()
        .put_local_negative_offset_max_date_time(&datetime!(9999-12-31 23:59:59.999 -14:00), None)
        .await?
        .status());
    Ok(())
}

#[tokio::test]
async fn put_date_time_min_local_positive_offset() -> TestResult {
    ok(client()
        .datetime_client()
        .put_local_positive_offset_min_date_time(&datetime!(0001-01-01 00:00:00 +14:00), None)
        .await?
        .status());
    Ok(())
}

#[tokio::test]
async fn put_date_time_min_local_negative_offset() -> TestResult {
    ok(client()
        .datetime_client()
        .put_local_negative_offset_min_date_time(&datetime!(0001-01-01 00:00:00 -14:00), None)
        .await?
        .status());
    Ok(())
}
