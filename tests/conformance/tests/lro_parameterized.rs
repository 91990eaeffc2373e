//! lro-parameterized-endpoints.json: long-running operations on an
//! `x-ms-parameterized-host` (`{accountName}{host}`): the polling `Location` is
//! relative, so it resolves against the parameterized host.

mod common;

use common::{no_retry, TestResult};
use conf_lro_parameterized_endpoints::models::ConstantEnum;
use conf_lro_parameterized_endpoints::{
    LroWithParamaterizedEndpointsClient as Client,
    LroWithParamaterizedEndpointsClientOptions as ClientOptions,
};

fn client() -> Client {
    let options = ClientOptions {
        client_options: no_retry(),
        scheme: "http".to_string(),
        // The server sends no Retry-After: poll every second, not every 30.
        limits: conf_lro_parameterized_endpoints::runtime::http::Limits {
            poll_interval: std::time::Duration::from_secs(1),
            ..Default::default()
        },
        ..Default::default()
    };
    Client::new(common::host_port(), Some(options)).expect("a client")
}

/// POST `/lroParameterizedEndpoints` → 202 + Location → GET `results/1` → "success".
#[tokio::test]
async fn lro_parameterized_endpoint() -> TestResult {
    let result = client()
        .begin_poll_with_parameterized_endpoints("local", None)?
        .await?
        .into_model()?;
    assert_eq!(result, "success");
    Ok(())
}

/// The same through a constant path segment.
#[tokio::test]
async fn lro_constant_parameterized() -> TestResult {
    let result = client()
        .begin_poll_with_constant_parameterized_endpoints(
            &ConstantEnum::IAmConstant,
            "local",
            None,
        )?
        .await?
        .into_model()?;
    assert_eq!(result, "success");
    Ok(())
}
