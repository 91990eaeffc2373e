//! Test support for generated clients: an HTTPS mock of Azure Resource Manager on
//! 127.0.0.1, a static bearer-token credential, and client options whose transport
//! trusts only the mock's certificate.
//!
//! The mock is a wiremock `MockServer` (plain HTTP) behind a small TLS-terminating
//! proxy with a certificate made at test time, so the client talks real TLS and
//! azure_core's refusal to send a bearer token over plain `http` stays in force.
//! Mount mocks on [`MockArm::server`]; URLs that responses carry (`Location`,
//! `Azure-AsyncOperation`, `nextLink`) must be made with [`MockArm::url`], which
//! is on the proxy's `https` base.
//!
//! Generic on purpose: it names no generated crate, so it can be embedded into the
//! tests of any of them.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::Arc;

use azure_core::credentials::{AccessToken, Secret, TokenCredential, TokenRequestOptions};
use azure_core::http::{ClientOptions, FixedRetryOptions, RetryOptions, Transport};
use azure_core::time::{Duration, OffsetDateTime};

/// The bearer token [`StaticTokenCredential`] hands out.
pub const TOKEN: &str = "test-token";

/// The `Authorization` header every request to the mock must carry.
pub const BEARER: &str = "Bearer test-token";

/// How many times [`Retry::Fast`] retries a request (so it makes `1 + FAST_RETRIES` attempts).
pub const FAST_RETRIES: u32 = 2;

/// A credential that always returns the same token, valid for a day.
#[derive(Debug)]
pub struct StaticTokenCredential {
    token: Secret,
}

impl StaticTokenCredential {
    pub fn new(token: &str) -> Arc<Self> {
        Arc::new(StaticTokenCredential {
            token: Secret::new(token.to_string()),
        })
    }
}

#[async_trait::async_trait]
impl TokenCredential for StaticTokenCredential {
    async fn get_token(
        &self,
        _scopes: &[&str],
        _options: Option<TokenRequestOptions<'_>>,
    ) -> azure_core::Result<AccessToken> {
        Ok(AccessToken::new(
            self.token.clone(),
            OffsetDateTime::now_utc() + Duration::days(1),
        ))
    }
}

/// The credential every test client uses: the token [`TOKEN`].
pub fn credential() -> Arc<dyn TokenCredential> {
    StaticTokenCredential::new(TOKEN)
}

/// What the pipeline's retry policy does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retry {
    /// No retries: one attempt per request.
    Off,
    /// [`FAST_RETRIES`] retries, 10 ms apart.
    Fast,
}

/// azure_core client options for talking to a mock: the transport is a reqwest client
/// that trusts only `ca_pem` (no system roots) and follows no redirects.
pub fn client_options(ca_pem: &str, retry: Retry) -> ClientOptions {
    let cert = reqwest::Certificate::from_pem(ca_pem.as_bytes()).expect("the test CA is PEM");
    let http = reqwest::ClientBuilder::new()
        .redirect(reqwest::redirect::Policy::none())
        .tls_certs_only([cert])
        .connect_timeout(std::time::Duration::from_secs(10))
        .read_timeout(std::time::Duration::from_secs(60))
        .build()
        .expect("a reqwest client");
    let retry = match retry {
        Retry::Off => RetryOptions::none(),
        Retry::Fast => RetryOptions::fixed(FixedRetryOptions {
            delay: Duration::milliseconds(10),
            max_retries: FAST_RETRIES,
            max_total_elapsed: Duration::seconds(30),
        }),
    };
    ClientOptions {
        transport: Some(Transport::new(Arc::new(http))),
        retry,
        ..ClientOptions::default()
    }
}

/// An HTTPS mock of Azure Resource Manager.
pub struct MockArm {
    /// The wiremock server behind the TLS proxy: mount mocks here.
    pub server: wiremock::MockServer,
    /// The endpoint to give a client: `https://127.0.0.1:<port>`.
    pub base: String,
    port: u16,
    ca_pem: String,
}

impl MockArm {
    pub async fn start() -> Self {
        let server = wiremock::MockServer::start().await;
        let (port, ca_pem) = start_tls_proxy(*server.address()).await;
        MockArm {
            server,
            base: format!("https://127.0.0.1:{port}"),
            port,
            ca_pem,
        }
    }

    /// The endpoint to give a client: `https://127.0.0.1:<port>`.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// `path` (starting with `/`, may carry a query) on the mock's https base.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The same server under another origin (`https://localhost:<port>`): a client must
    /// treat it as a foreign host, yet a request sent there would still be recorded.
    pub fn foreign_url(&self, path: &str) -> String {
        format!("https://localhost:{}{path}", self.port)
    }

    /// The PEM of the certificate the proxy serves (its own trust anchor).
    pub fn ca_pem(&self) -> &str {
        &self.ca_pem
    }

    /// [`client_options`] for this mock, without retries.
    pub fn client_options(&self) -> ClientOptions {
        client_options(&self.ca_pem, Retry::Off)
    }

    /// [`client_options`] for this mock, with the given retries.
    pub fn client_options_with(&self, retry: Retry) -> ClientOptions {
        client_options(&self.ca_pem, retry)
    }

    /// The credential of [`TOKEN`].
    pub fn credential(&self) -> Arc<dyn TokenCredential> {
        credential()
    }

    /// Every request the mock received, in order.
    pub async fn requests(&self) -> Vec<wiremock::Request> {
        self.server
            .received_requests()
            .await
            .expect("request recording is on")
    }

    /// Every request the mock received, after asserting that each carried
    /// `Authorization: Bearer test-token`.
    pub async fn authorized_requests(&self) -> Vec<wiremock::Request> {
        let requests = self.requests().await;
        assert_authorized(&requests);
        requests
    }
}

/// Asserts that every request carried exactly one `Authorization: Bearer test-token`.
pub fn assert_authorized(requests: &[wiremock::Request]) {
    for request in requests {
        let values: Vec<&str> = request
            .headers
            .get_all("authorization")
            .iter()
            .map(|v| v.to_str().unwrap_or("<not text>"))
            .collect();
        assert_eq!(
            values,
            [BEARER],
            "the Authorization header of {} {}",
            request.method,
            request.url
        );
    }
}

/// The values of the query parameter `name` of a request.
pub fn query_values(request: &wiremock::Request, name: &str) -> Vec<String> {
    request
        .url
        .query_pairs()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
        .collect()
}

/// The request body as JSON (`Null` when empty).
pub fn json_body(request: &wiremock::Request) -> serde_json::Value {
    if request.body.is_empty() {
        return serde_json::Value::Null;
    }
    serde_json::from_slice(&request.body).unwrap_or_else(|e| {
        panic!(
            "the body of {} {} is not JSON ({e}): {}",
            request.method,
            request.url,
            String::from_utf8_lossy(&request.body)
        )
    })
}

/// A responder that answers with `responses` in turn, repeating the last one:
/// `Mock::given(..).respond_with(Sequence::new(vec![accepted, done]))`.
pub struct Sequence {
    responses: std::sync::Mutex<std::collections::VecDeque<wiremock::ResponseTemplate>>,
}

impl Sequence {
    pub fn new(responses: Vec<wiremock::ResponseTemplate>) -> Self {
        assert!(!responses.is_empty(), "a sequence needs a response");
        Sequence {
            responses: std::sync::Mutex::new(responses.into()),
        }
    }
}

impl wiremock::Respond for Sequence {
    fn respond(&self, _request: &wiremock::Request) -> wiremock::ResponseTemplate {
        let mut responses = self.responses.lock().unwrap_or_else(|e| e.into_inner());
        if responses.len() > 1 {
            responses.pop_front().expect("not empty")
        } else {
            responses[0].clone()
        }
    }
}

/// A TLS-terminating TCP proxy on 127.0.0.1 in front of `upstream`, with a
/// self-signed certificate for `127.0.0.1` and `localhost` made now.
/// Returns the port and the certificate's PEM.
pub async fn start_tls_proxy(upstream: SocketAddr) -> (u16, String) {
    use tokio_rustls::rustls::{self, pki_types::PrivateKeyDer};
    let rcgen::CertifiedKey { cert, signing_key } =
        rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_string(), "localhost".to_string()])
            .expect("a self-signed certificate");
    let ca_pem = cert.pem();
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::aws_lc_rs::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("TLS versions")
    .with_no_client_auth()
    .with_single_cert(vec![cert.der().clone()], PrivateKeyDer::from(signing_key))
    .expect("a TLS server configuration");
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port for the TLS proxy");
    let port = listener.local_addr().expect("the proxy's address").port();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                let Ok(mut tls) = acceptor.accept(tcp).await else {
                    return;
                };
                let Ok(mut upstream) = tokio::net::TcpStream::connect(upstream).await else {
                    return;
                };
                let _ = tokio::io::copy_bidirectional(&mut tls, &mut upstream).await;
            });
        }
    });
    (port, ca_pem)
}
