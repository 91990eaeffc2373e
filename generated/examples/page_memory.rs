//! What one list page costs in memory: a page of N items served from memory (a
//! transport of its own, no network) and listed through the client's pager, reporting
//! the growth of peak RSS while paging per byte of the page's body. Run by
//! `cargo xtask bench` (Linux: peak RSS from `/proc/self/status`, reset through
//! `/proc/self/clear_refs`):
//!
//! ```text
//! cargo run --release -p acr_mgmt --example page_memory -- ITEMS (registries|minimal) (pager|value)
//! ```
//!
//! `registries`: items with a name, location and SKU, as `registries_client().list()` returns;
//! `minimal`: items with only the required properties (an empty location and a SKU). `value` also parses the
//! page into a `serde_json::Value` first, as the pager did before it scanned pages for
//! their next link, for comparison.
//! Prints `body_bytes peak_growth_bytes size_of_registry`.

use std::sync::Arc;

use acr_mgmt::runtime::http::Limits;
use acr_mgmt::{ContainerRegistryClient, ContainerRegistryClientOptions};
use azure_core::credentials::{AccessToken, TokenCredential, TokenRequestOptions};
use azure_core::http::headers::Headers;
use azure_core::http::{
    AsyncRawResponse, ClientOptions, HttpClient, Request, RetryOptions, StatusCode, Transport,
};
use futures::TryStreamExt as _;

/// Serves the same page to every request.
#[derive(Debug)]
struct Page(azure_core::Bytes);

#[async_trait::async_trait]
impl HttpClient for Page {
    async fn execute_request(&self, _request: &Request) -> azure_core::Result<AsyncRawResponse> {
        let mut headers = Headers::new();
        headers.insert("content-type", "application/json");
        let body = futures::stream::iter([Ok(self.0.clone())]);
        Ok(AsyncRawResponse::new(
            StatusCode::Ok,
            headers,
            Box::pin(body),
        ))
    }
}

#[derive(Debug)]
struct Token;

#[async_trait::async_trait]
impl TokenCredential for Token {
    async fn get_token(
        &self,
        _scopes: &[&str],
        _options: Option<TokenRequestOptions<'_>>,
    ) -> azure_core::Result<AccessToken> {
        Ok(AccessToken::new(
            "token".to_string(),
            time::OffsetDateTime::now_utc() + time::Duration::hours(1),
        ))
    }
}

/// A `/proc/self/status` figure, in bytes.
fn status_bytes(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<u64>()
                .ok()
        })
        .map_or(0, |kb| kb * 1024)
}

fn body(items: usize, kind: &str) -> Vec<u8> {
    let mut body = String::with_capacity(items * 80 + 32);
    body.push_str("{\"value\":[");
    for i in 0..items {
        if i > 0 {
            body.push(',');
        }
        match kind {
            "minimal" => body.push_str("{\"location\":\"\",\"sku\":{\"name\":\"Basic\"}}"),
            _ => body.push_str(&format!(
                "{{\"name\":\"r{i}\",\"location\":\"westus\",\"sku\":{{\"name\":\"Basic\"}}}}"
            )),
        }
    }
    body.push_str("]}");
    body.into_bytes()
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let items: usize = args.first().map_or(Ok(1_000_000), |n| n.parse())?;
    let kind = args.get(1).map_or("registries", String::as_str);
    let mode = args.get(2).map_or("pager", String::as_str);
    let page = azure_core::Bytes::from(body(items, kind));
    let body_bytes = page.len();
    let options = ContainerRegistryClientOptions {
        client_options: ClientOptions {
            transport: Some(Transport::new(Arc::new(Page(page.clone())))),
            retry: RetryOptions::none(),
            ..ClientOptions::default()
        },
        // What paging costs, not where the client refuses: 1e6 registries are more
        // than `max_page_memory` lets a page take.
        limits: Limits {
            max_page_memory: usize::MAX,
            ..Limits::default()
        },
        ..ContainerRegistryClientOptions::default()
    };
    let client = ContainerRegistryClient::new(
        "https://management.azure.com",
        Arc::new(Token),
        "00000000-0000-0000-0000-000000000000",
        Some(options),
    )?;
    // From here on, only what paging costs: the body is already held (by the transport).
    let baseline = status_bytes("VmRSS:");
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    if mode == "value" {
        let tree: serde_json::Value = serde_json::from_slice(&page)?;
        drop(tree);
    }
    let mut pager = client.registries_client().list(None)?;
    let mut seen = 0usize;
    while let Some(_registry) = pager.try_next().await? {
        seen += 1;
    }
    if seen != items {
        return Err(format!("listed {seen} items of {items}").into());
    }
    let peak = status_bytes("VmHWM:");
    println!(
        "{body_bytes} {} {}",
        peak.saturating_sub(baseline),
        std::mem::size_of::<acr_mgmt::models::Registry>()
    );
    Ok(())
}
