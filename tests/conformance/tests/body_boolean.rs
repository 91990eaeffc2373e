//! body-boolean.json: true, false, null and invalid booleans in bodies.

mod common;

use common::{server, TestResult};
use conf_body_boolean::AutoRestBoolTestServiceClient as Client;

fn client() -> Client {
    Client::new(&server(), None).expect("a client")
}

#[tokio::test]
async fn get_bool_true() -> TestResult {
    let value: bool = client().bool_client().get_true(None).await?.into_model()?;
    assert!(value);
    Ok(())
}

#[tokio::test]
async fn put_bool_true() -> TestResult {
    let response = client().bool_client().put_true(true, None).await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn get_bool_false() -> TestResult {
    let value: bool = client().bool_client().get_false(None).await?.into_model()?;
    assert!(!value);
    Ok(())
}

#[tokio::test]
async fn put_bool_false() -> TestResult {
    let response = client().bool_client().put_false(false, None).await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn get_bool_null() -> TestResult {
    // Gap: the result type is `bool`, not `Option<bool>`, though the spec says x-nullable.
    let body = client().bool_client().get_null(None).await?.into_body();
    assert_eq!(body.json::<Option<bool>>()?, None);
    Ok(())
}

#[tokio::test]
async fn get_bool_invalid() -> TestResult {
    let response = client().bool_client().get_invalid(None).await?;
    assert!(response.into_model().is_err(), "`true1` is not a boolean");
    Ok(())
}
