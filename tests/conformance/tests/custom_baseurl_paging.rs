//! custom-baseUrl-paging.json: paging with partial next links on a parameterized host.
//!
//! The spec's host is `x-ms-parameterized-host` `{accountName}{host}`: the client
//! takes `host` (here `host:<port>`), each method `account_name` (`local`), making
//! `localhost:<port>`; the spec names no scheme, so the test sets `http`.

mod common;

use common::{no_retry, TestResult};
use conf_custom_baseurl_paging::models::Product;
use conf_custom_baseurl_paging::{
    AutoRestParameterizedHostTestPagingClient as Client,
    AutoRestParameterizedHostTestPagingClientOptions as ClientOptions,
};
use futures::TryStreamExt;

fn client() -> Client {
    let options = ClientOptions {
        client_options: no_retry(),
        scheme: "http".to_string(),
        ..Default::default()
    };
    Client::new(common::host_port(), Some(options)).expect("a client")
}

fn ids(items: &[Product]) -> Vec<(i64, String)> {
    items
        .iter()
        .map(|p| {
            let props = p.properties.clone().expect("product properties");
            (
                props.id.expect("product id"),
                props.name.expect("product name"),
            )
        })
        .collect()
}

#[tokio::test]
async fn paging_custom_url_partial_next_link() -> TestResult {
    // Page 1's next link is `/paging/customurl/partialnextlink/page/2`, relative to the host.
    let items: Vec<Product> = client()
        .paging_client()
        .get_pages_partial_url("local", None)?
        .try_collect()
        .await?;
    assert_eq!(
        ids(&items),
        vec![(1, "Product".to_string()), (2, "Product".to_string())]
    );
    Ok(())
}

#[tokio::test]
async fn paging_custom_url_partial_operation_next_link() -> TestResult {
    // Page 1's next link is `partialnextlinkop/page/2`, for the next operation
    // `/paging/customurl/{nextLink}`; resolving it against page 1's URL gives the same URL.
    let items: Vec<Product> = client()
        .paging_client()
        .get_pages_partial_url_operation("local", None)?
        .try_collect()
        .await?;
    assert_eq!(
        ids(&items),
        vec![(1, "Product".to_string()), (2, "Product".to_string())]
    );
    Ok(())
}
