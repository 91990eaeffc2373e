//! body-integer.json: int32/int64 limits, invalid values, nulls and unix time in bodies.

mod common;

use common::{server, TestResult};
use conf_body_integer::AutoRestIntegerTestServiceClient as Client;
use time::macros::datetime;
use time::OffsetDateTime;

fn client() -> Client {
    Client::new(&server(), None).expect("a client")
}

#[tokio::test]
async fn get_integer_null() -> TestResult {
    // Gap: the result type is `i64`, not `Option<i64>`, though the spec says x-nullable.
    let body = client().int_client().get_null(None).await?.into_body();
    assert_eq!(body.json::<Option<i64>>()?, None);
    Ok(())
}

#[tokio::test]
async fn get_integer_invalid() -> TestResult {
    let response = client().int_client().get_invalid(None).await?;
    assert!(response.into_model().is_err(), "`123jkl` is not an integer");
    Ok(())
}

#[tokio::test]
async fn get_integer_overflow() -> TestResult {
    let response = client().int_client().get_overflow_int32(None).await?;
    assert!(response.into_model().is_err(), "2147483656 overflows i32");
    Ok(())
}

#[tokio::test]
async fn get_integer_underflow() -> TestResult {
    let response = client().int_client().get_underflow_int32(None).await?;
    assert!(response.into_model().is_err(), "-2147483656 underflows i32");
    Ok(())
}

#[tokio::test]
async fn get_long_overflow() -> TestResult {
    let response = client().int_client().get_overflow_int64(None).await?;
    assert!(
        response.into_model().is_err(),
        "9223372036854775910 overflows i64"
    );
    Ok(())
}

#[tokio::test]
async fn get_long_underflow() -> TestResult {
    let response = client().int_client().get_underflow_int64(None).await?;
    assert!(
        response.into_model().is_err(),
        "-9223372036854775910 underflows i64"
    );
    Ok(())
}

#[tokio::test]
async fn put_integer_max() -> TestResult {
    let response = client().int_client().put_max32(i32::MAX, None).await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn put_long_max() -> TestResult {
    let response = client().int_client().put_max64(i64::MAX, None).await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn put_integer_min() -> TestResult {
    let response = client().int_client().put_min32(i32::MIN, None).await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn put_long_min() -> TestResult {
    let response = client().int_client().put_min64(i64::MIN, None).await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn get_unix_time() -> TestResult {
    let value: OffsetDateTime = client()
        .int_client()
        .get_unix_time(None)
        .await?
        .into_model()?;
    assert_eq!(value, datetime!(2016-04-13 00:00:00 UTC));
    assert_eq!(value.unix_timestamp(), 1460505600);
    Ok(())
}

#[tokio::test]
async fn get_invalid_unix_time() -> TestResult {
    let response = client().int_client().get_invalid_unix_time(None).await?;
    assert!(
        response.into_model().is_err(),
        "`123jkl` is not a unix time"
    );
    Ok(())
}

#[tokio::test]
async fn get_null_unix_time() -> TestResult {
    // Gap: the result type is `OffsetDateTime`, not `Option<_>`, though the spec says x-nullable.
    let body = client()
        .int_client()
        .get_null_unix_time(None)
        .await?
        .into_body();
    assert_eq!(body.json::<Option<i64>>()?, None);
    Ok(())
}

#[tokio::test]
async fn put_unix_time() -> TestResult {
    let response = client()
        .int_client()
        .put_unix_time_date(&datetime!(2016-04-13 00:00:00 UTC), None)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}
