//! body-duration.json: ISO 8601 durations in bodies.

mod common;

use common::{server, TestResult};
use conf_body_duration::runtime::Duration;
use conf_body_duration::AutoRestDurationTestServiceClient as Client;

fn client() -> Client {
    Client::new(&server(), None).expect("a client")
}

#[tokio::test]
async fn get_duration_null() -> TestResult {
    // Gap: the result type is `Duration`, not `Option<Duration>`, though the spec says x-nullable.
    let body = client().duration_client().get_null(None).await?.into_body();
    assert_eq!(body.json::<Option<Duration>>()?, None);
    Ok(())
}

#[tokio::test]
async fn get_duration_invalid() -> TestResult {
    let response = client().duration_client().get_invalid(None).await?;
    assert!(
        response.into_model().is_err(),
        "`123ABC` is not an ISO 8601 duration"
    );
    Ok(())
}

#[tokio::test]
async fn get_duration_positive() -> TestResult {
    let value = client()
        .duration_client()
        .get_positive_duration(None)
        .await?
        .into_model()?;
    assert_eq!(
        value,
        Duration {
            years: 3,
            months: 6,
            days: 4,
            hours: 12,
            minutes: 30,
            seconds: 5.0,
            ..Duration::default()
        }
    );
    assert_eq!(value.to_string(), "P3Y6M4DT12H30M5S");
    Ok(())
}

#[tokio::test]
async fn put_duration_positive() -> TestResult {
    let value = Duration {
        days: 123,
        hours: 22,
        minutes: 14,
        seconds: 12.011,
        ..Duration::default()
    };
    assert_eq!(value.to_string(), "P123DT22H14M12.011S");
    let response = client()
        .duration_client()
        .put_positive_duration(&value, None)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}
