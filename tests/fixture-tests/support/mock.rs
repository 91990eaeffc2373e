//! Shared by the operations fixtures' tests (copied to `tests/support/mod.rs` of each
//! crate with a client): an in-process transport that records every request and answers
//! from a queue of canned responses (no network, no TLS), and a credential that always
//! has a token.

#![allow(dead_code)]

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use azure_core::credentials::{AccessToken, TokenCredential, TokenRequestOptions};
use azure_core::http::headers::Headers;
use azure_core::http::{
    AsyncRawResponse, Body, ClientOptions, HttpClient, Request, RetryOptions, Transport, Url,
};
use serde_json::Value;

/// The endpoint the tests' clients use (never contacted: the transport answers).
pub const ENDPOINT: &str = "https://management.azure.com";

/// A request as the transport saw it.
#[derive(Clone, Debug)]
pub struct Seen {
    pub method: String,
    pub url: Url,
    pub headers: Vec<(String, String)>,
    /// The JSON body, if there was one.
    pub body: Option<Value>,
}

impl Seen {
    /// The URL's path, percent-encoded as sent.
    pub fn path(&self) -> &str {
        self.url.path()
    }

    /// Every value of query parameter `name`, in order.
    pub fn query(&self, name: &str) -> Vec<String> {
        self.url
            .query_pairs()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.into_owned())
            .collect()
    }

    /// The value of header `name` (lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

struct Canned {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

/// The mock transport.
#[derive(Default)]
pub struct Mock {
    replies: Mutex<VecDeque<Canned>>,
    seen: Mutex<Vec<Seen>>,
}

impl std::fmt::Debug for Mock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Mock")
    }
}

impl Mock {
    pub fn new() -> Arc<Mock> {
        Arc::new(Mock::default())
    }

    /// Queues a response; `body` is JSON (`Value::Null` for none).
    pub fn reply(&self, status: u16, headers: &[(&str, &str)], body: Value) -> &Self {
        let body = match body {
            Value::Null => Vec::new(),
            body => serde_json::to_vec(&body).unwrap(),
        };
        let mut headers: Vec<(String, String)> = headers
            .iter()
            .map(|(n, v)| (n.to_ascii_lowercase(), v.to_string()))
            .collect();
        if !body.is_empty() {
            headers.push(("content-type".into(), "application/json".into()));
        }
        self.replies.lock().unwrap().push_back(Canned {
            status,
            headers,
            body,
        });
        self
    }

    /// The requests sent so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    /// Client options sending through this transport, without retries.
    pub fn options(self: &Arc<Self>) -> ClientOptions {
        ClientOptions {
            transport: Some(Transport::new(self.clone())),
            retry: RetryOptions::none(),
            ..ClientOptions::default()
        }
    }
}

#[async_trait::async_trait]
impl HttpClient for Mock {
    async fn execute_request(&self, request: &Request) -> azure_core::Result<AsyncRawResponse> {
        let body = match request.body() {
            Body::Bytes(bytes) if !bytes.is_empty() => Some(serde_json::from_slice(bytes).unwrap()),
            _ => None,
        };
        self.seen.lock().unwrap().push(Seen {
            method: request.method().to_string(),
            url: request.url().clone(),
            headers: request
                .headers()
                .iter()
                .map(|(n, v)| (n.as_str().to_string(), v.as_str().to_string()))
                .collect(),
            body,
        });
        let canned = self.replies.lock().unwrap().pop_front();
        let Some(canned) = canned else {
            panic!("no reply queued for {} {}", request.method(), request.url());
        };
        let mut headers = Headers::new();
        for (name, value) in canned.headers {
            headers.insert(name, value);
        }
        Ok(AsyncRawResponse::from_bytes(
            canned.status.into(),
            headers,
            canned.body,
        ))
    }
}

/// A credential that always has a token.
#[derive(Debug)]
pub struct Credential;

#[async_trait::async_trait]
impl TokenCredential for Credential {
    async fn get_token(
        &self,
        _scopes: &[&str],
        _options: Option<TokenRequestOptions<'_>>,
    ) -> azure_core::Result<AccessToken> {
        let expires =
            azure_core::time::OffsetDateTime::now_utc() + azure_core::time::Duration::hours(1);
        Ok(AccessToken::new("token", expires))
    }
}

/// A credential that records the scopes it is asked for.
#[derive(Debug, Default)]
pub struct Recording(pub std::sync::Mutex<Vec<String>>);

#[async_trait::async_trait]
impl TokenCredential for Recording {
    async fn get_token(
        &self,
        scopes: &[&str],
        options: Option<TokenRequestOptions<'_>>,
    ) -> azure_core::Result<AccessToken> {
        if let Ok(mut seen) = self.0.lock() {
            seen.extend(scopes.iter().map(|s| s.to_string()));
        }
        Credential.get_token(scopes, options).await
    }
}

/// The credential, as a client takes it.
pub fn credential() -> Arc<dyn TokenCredential> {
    Arc::new(Credential)
}
