//! body-datetime-rfc1123.json: `format: date-time-rfc1123` bodies (`Fri, 31 Dec 9999 23:59:59 GMT`).

mod common;

use common::{server, TestResult};
use conf_body_datetime_rfc1123::AutoRestRfc1123DateTimeTestServiceClient as Client;
use time::macros::datetime;

fn client() -> Client {
    Client::new(&server(), None).expect("a client")
}

#[tokio::test]
async fn get_date_time_rfc1123_null() -> TestResult {
    // Gap: the result type is `OffsetDateTime`, not `Option<_>`, though the spec says x-nullable.
    let body = client()
        .datetimerfc1123_client()
        .get_null(None)
        .await?
        .into_body();
    assert_eq!(body.json::<Option<String>>()?, None);
    Ok(())
}

#[tokio::test]
async fn get_date_time_rfc1123_invalid() -> TestResult {
    let response = client().datetimerfc1123_client().get_invalid(None).await?;
    assert!(
        response.into_model().is_err(),
        "`Tue, 01 Dec 2000 00:00:0A ABC` is not a date-time"
    );
    Ok(())
}

#[tokio::test]
async fn get_date_time_rfc1123_overflow() -> TestResult {
    let response = client().datetimerfc1123_client().get_overflow(None).await?;
    assert!(
        response.into_model().is_err(),
        "`Sat, 1 Jan 10000 00:00:00 GMT` is past year 9999"
    );
    Ok(())
}

#[tokio::test]
async fn get_date_time_rfc1123_underflow() -> TestResult {
    let response = client()
        .datetimerfc1123_client()
        .get_underflow(None)
        .await?;
    assert!(
        response.into_model().is_err(),
        "`Tue, 00 Jan 0000 00:00:00 GMT` is not a date-time"
    );
    Ok(())
}

#[tokio::test]
async fn get_date_time_rfc1123_min_utc() -> TestResult {
    let value = client()
        .datetimerfc1123_client()
        .get_utc_min_date_time(None)
        .await?
        .into_model()?;
    assert_eq!(value, time::macros::datetime!(0001-01-01 00:00:00 UTC));
    Ok(())
}

#[tokio::test]
async fn put_date_time_rfc1123_max() -> TestResult {
    let response = client()
        .datetimerfc1123_client()
        .put_utc_max_date_time(&datetime!(9999-12-31 23:59:59 UTC), None)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn put_date_time_rfc1123_min() -> TestResult {
    let response = client()
        .datetimerfc1123_client()
        .put_utc_min_date_time(&datetime!(0001-01-01 00:00:00 UTC), None)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn get_date_time_rfc1123_max_utc_lowercase() -> TestResult {
    let value = client()
        .datetimerfc1123_client()
        .get_utc_lowercase_max_date_time(None)
        .await?
        .into_model()?;
    assert_eq!(value, datetime!(9999-12-31 23:59:59 UTC));
    Ok(())
}

#[tokio::test]
async fn get_date_time_rfc1123_max_utc_uppercase() -> TestResult {
    let value = client()
        .datetimerfc1123_client()
        .get_utc_uppercase_max_date_time(None)
        .await?
        .into_model()?;
    assert_eq!(value, datetime!(9999-12-31 23:59:59 UTC));
    Ok(())
}
