//! body-date.json: `format: date` bodies (`YYYY-MM-DD`).

mod common;

use common::{server, TestResult};
use conf_body_date::AutoRestDateTestServiceClient as Client;
use time::macros::date;

fn client() -> Client {
    Client::new(&server(), None).expect("a client")
}

#[tokio::test]
async fn get_date_null() -> TestResult {
    // Gap: the result type is `time::Date`, not `Option<_>`, though the spec says x-nullable.
    let body = client().date_client().get_null(None).await?.into_body();
    assert_eq!(body.json::<Option<String>>()?, None);
    Ok(())
}

#[tokio::test]
async fn get_date_invalid() -> TestResult {
    let response = client().date_client().get_invalid_date(None).await?;
    assert!(response.into_model().is_err(), "`201O-18-90` is not a date");
    Ok(())
}

#[tokio::test]
async fn get_date_overflow() -> TestResult {
    let response = client().date_client().get_overflow_date(None).await?;
    assert!(
        response.into_model().is_err(),
        "`10000000000-12-31` is out of range"
    );
    Ok(())
}

#[tokio::test]
async fn get_date_underflow() -> TestResult {
    let response = client().date_client().get_underflow_date(None).await?;
    assert!(response.into_model().is_err(), "`0000-00-00` is not a date");
    Ok(())
}

#[tokio::test]
async fn get_date_max() -> TestResult {
    let value = client()
        .date_client()
        .get_max_date(None)
        .await?
        .into_model()?;
    assert_eq!(value, date!(9999 - 12 - 31));
    Ok(())
}

#[tokio::test]
async fn put_date_max() -> TestResult {
    let response = client()
        .date_client()
        .put_max_date(&date!(9999 - 12 - 31), None)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn get_date_min() -> TestResult {
    // The spec's enum says `0000-01-01`; an enum of dates is read as a date.
    let value = client()
        .date_client()
        .get_min_date(None)
        .await?
        .into_model()?;
    assert_eq!(value, date!(0001 - 01 - 01));
    Ok(())
}

#[tokio::test]
async fn put_date_min() -> TestResult {
    let response = client()
        .date_client()
        .put_min_date(&date!(0001 - 01 - 01), None)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}
