//! body-byte.json: base64 (`format: byte`) bodies.

mod common;

use common::{server, TestResult};
use conf_body_byte::AutoRestSwaggerBatByteServiceClient as Client;

fn client() -> Client {
    Client::new(&server(), None).expect("a client")
}

const NON_ASCII: [u8; 10] = [0xFF, 0xFE, 0xFD, 0xFC, 0xFB, 0xFA, 0xF9, 0xF8, 0xF7, 0xF6];

#[tokio::test]
async fn get_byte_null() -> TestResult {
    // Gap: the result type is `Vec<u8>`, not `Option<_>`; the server sends no body.
    let body = client().byte_client().get_null(None).await?.into_body();
    assert_eq!(body.json::<Option<String>>()?, None);
    Ok(())
}

#[tokio::test]
async fn get_byte_empty() -> TestResult {
    let value = client().byte_client().get_empty(None).await?.into_model()?;
    assert_eq!(value, Vec::<u8>::new());
    Ok(())
}

#[tokio::test]
async fn get_byte_non_ascii() -> TestResult {
    let value = client()
        .byte_client()
        .get_non_ascii(None)
        .await?
        .into_model()?;
    assert_eq!(value, NON_ASCII.to_vec());
    Ok(())
}

#[tokio::test]
async fn put_byte_non_ascii() -> TestResult {
    let response = client()
        .byte_client()
        .put_non_ascii(&NON_ASCII, None)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn get_byte_invalid() -> TestResult {
    let response = client().byte_client().get_invalid(None).await?;
    assert!(
        response.into_model().is_err(),
        "`::::SWAGGER::::` is not base64"
    );
    Ok(())
}
