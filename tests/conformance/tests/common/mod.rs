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

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use azure_core::http::headers::HeaderName;
use azure_core::http::policies::{Policy, PolicyResult};
use azure_core::http::{Context, Request};

const SET_COOKIE: HeaderName = HeaderName::from_static("set-cookie");

/// A minimal cookie jar for a client's per-try policies (the server tracks LRO, paging
/// and retry scenarios with cookies): remembers the cookies the server sets (and forgets the ones
/// it clears), and sends them back with every request of its client.
#[derive(Debug, Default)]
pub struct CookieJar(Mutex<BTreeMap<String, String>>);

impl CookieJar {
    fn header(&self) -> Option<String> {
        let jar = self.0.lock().unwrap();
        (!jar.is_empty()).then(|| {
            jar.iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ")
        })
    }

    fn store(&self, set_cookie: &str) {
        let mut parts = set_cookie.split(';');
        let Some((name, value)) = parts.next().and_then(|p| p.split_once('=')) else {
            return;
        };
        let expired = parts.any(|attr| {
            let attr = attr.trim().to_ascii_lowercase();
            attr.starts_with("expires=") && attr.contains("1970")
                || attr == "max-age=0"
                || attr.starts_with("max-age=-")
        });
        let mut jar = self.0.lock().unwrap();
        if value.is_empty() || expired {
            jar.remove(name.trim());
        } else {
            jar.insert(name.trim().to_string(), value.to_string());
        }
    }
}

impl Policy for CookieJar {
    fn send<'a, 'b, 'c, 'd, 't>(
        &'a self,
        ctx: &'b Context,
        request: &'c mut Request,
        next: &'d [Arc<dyn Policy>],
    ) -> Pin<Box<dyn Future<Output = PolicyResult> + Send + 't>>
    where
        'a: 't,
        'b: 't,
        'c: 't,
        'd: 't,
        Self: 't,
    {
        Box::pin(async move {
            if let Some(cookie) = self.header() {
                request.insert_header("cookie", cookie);
            }
            let response = next[0].send(ctx, request, &next[1..]).await?;
            if let Some(set_cookie) = response.headers().get_optional_str(&SET_COOKIE) {
                self.store(set_cookie);
            }
            Ok(response)
        })
    }
}
