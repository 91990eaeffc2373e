//! What every conformance test binary shares.
#![allow(dead_code)]

/// The test server's base URL, which `cargo xtask conformance` sets.
pub fn server() -> String {
    std::env::var("AUTOREST_TESTSERVER_URL")
        .expect("AUTOREST_TESTSERVER_URL is unset: run the suite with `cargo xtask conformance`")
}

/// azure_core's client options for the test server: no retries unless a test asks,
/// so that a wrong request fails at once.
pub fn no_retry() -> azure_core::http::ClientOptions {
    azure_core::http::ClientOptions {
        retry: azure_core::http::RetryOptions::none(),
        ..Default::default()
    }
}

pub type TestResult = Result<(), Box<dyn std::error::Error>>;

/// `host:<port>` of the test server: with the account name `local`, a parameterized
/// host `{accountName}{host}` makes `localhost:<port>`.
pub fn host_port() -> String {
    let server = server();
    let port = server.rsplit(':').next().unwrap_or_default();
    format!("host:{port}")
}
