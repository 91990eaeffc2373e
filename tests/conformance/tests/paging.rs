//! paging.json: x-ms-pageable operations (next links, item names, failures, retries,
//! fragments, next operations, api-version handling, a pageable long-running operation).

mod common;

use std::sync::Arc;

use common::{no_retry, server, CookieJar, TestResult};
use conf_paging::models::{BodyParam, Product};
use conf_paging::{
    AutoRestPagingTestServiceClient as Client, AutoRestPagingTestServiceClientOptions,
};
use futures::TryStreamExt;

fn client() -> Client {
    Client::new(&server(), None).expect("a client")
}

/// A client that fails at once on an error status.
fn client_no_retry() -> Client {
    let options = AutoRestPagingTestServiceClientOptions {
        client_options: no_retry(),
        ..Default::default()
    };
    Client::new(&server(), Some(options)).expect("a client")
}

/// A client with the default retries and a cookie jar: the retry scenarios answer 500
/// until the request carries the `scenario` cookie the 500 set (the test server's way of
/// counting a retry; other languages' acceptance tests add a cookie policy too).
fn client_with_cookies() -> Client {
    let mut options = AutoRestPagingTestServiceClientOptions::default();
    options
        .client_options
        .per_try_policies
        .push(Arc::new(CookieJar::default()));
    Client::new(&server(), Some(options)).expect("a client")
}

/// The `(id, name)` of each product.
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

fn product(id: i64, name: &str) -> (i64, String) {
    (id, name.to_string())
}

/// Pages 1..=10 of the `/paging/multiple/page/{n}`-style routes: page 1 is
/// `(1, "Product")`, the others `(n, "product")`.
fn ten_pages() -> Vec<(i64, String)> {
    let mut expected = vec![product(1, "Product")];
    expected.extend((2..=10).map(|n| product(n, "product")));
    expected
}

#[tokio::test]
async fn paging_no_item_name() -> TestResult {
    let items: Vec<Product> = client()
        .paging_client()
        .get_no_item_name_pages(None)?
        .try_collect()
        .await?;
    assert_eq!(ids(&items), vec![product(1, "Product")]);
    Ok(())
}

#[tokio::test]
async fn paging_next_link_name_null() -> TestResult {
    // The response has a nextLink, but the operation's nextLinkName is null: one page only.
    let items: Vec<Product> = client_no_retry()
        .paging_client()
        .get_null_next_link_name_pages(None)?
        .try_collect()
        .await?;
    assert_eq!(ids(&items), vec![product(1, "Product")]);
    Ok(())
}

#[tokio::test]
async fn paging_empty_next_link() -> TestResult {
    let items: Vec<Product> = client_no_retry()
        .paging_client()
        .get_empty_next_link_name_pages(None)?
        .try_collect()
        .await?;
    assert_eq!(ids(&items), vec![product(1, "Product")]);
    Ok(())
}

#[tokio::test]
async fn paging_single() -> TestResult {
    let items: Vec<Product> = client()
        .paging_client()
        .get_single_pages(None)?
        .try_collect()
        .await?;
    assert_eq!(ids(&items), vec![product(1, "Product")]);
    Ok(())
}

#[tokio::test]
async fn paging_single_with_body_params() -> TestResult {
    let body = BodyParam {
        name: Some("body".to_string()),
    };
    let items: Vec<Product> = client_no_retry()
        .paging_client()
        .get_single_pages_with_body_params(&body, None)?
        .try_collect()
        .await?;
    assert_eq!(ids(&items), vec![product(1, "Product")]);
    Ok(())
}

#[tokio::test]
async fn paging_first_response_empty() -> TestResult {
    // Page 1 has no items but a (relative) next link; page 2 has one item.
    let items: Vec<Product> = client_no_retry()
        .paging_client()
        .first_response_empty(None)?
        .try_collect()
        .await?;
    assert_eq!(ids(&items), vec![product(1, "Product")]);
    Ok(())
}

#[tokio::test]
async fn paging_multiple() -> TestResult {
    let items: Vec<Product> = client_no_retry()
        .paging_client()
        .get_multiple_pages(None)?
        .try_collect()
        .await?;
    assert_eq!(ids(&items), ten_pages());
    Ok(())
}

#[tokio::test]
async fn paging_multiple_pages() -> TestResult {
    // The same operation, page by page: ten pages of one product each.
    let pages: Vec<_> = client_no_retry()
        .paging_client()
        .get_multiple_pages(None)?
        .into_pages()
        .try_collect()
        .await?;
    assert_eq!(pages.len(), 10);
    let mut items = Vec::new();
    for (i, page) in pages.into_iter().enumerate() {
        let page = page.into_model()?;
        assert_eq!(page.next_link.is_some(), i < 9, "page {}", i + 1);
        items.extend(page.values.unwrap_or_default());
    }
    assert_eq!(ids(&items), ten_pages());
    Ok(())
}

#[tokio::test]
async fn paging_multiple_with_query_parameters() -> TestResult {
    let items: Vec<Product> = client_no_retry()
        .paging_client()
        .get_with_query_params(100, true, None)?
        .try_collect()
        .await?;
    assert_eq!(
        ids(&items),
        vec![product(1, "Product"), product(2, "Product")]
    );
    Ok(())
}

#[tokio::test]
async fn paging_odata_multiple() -> TestResult {
    let items: Vec<Product> = client_no_retry()
        .paging_client()
        .get_odata_multiple_pages(None)?
        .try_collect()
        .await?;
    assert_eq!(ids(&items), ten_pages());
    Ok(())
}

#[tokio::test]
async fn paging_multiple_path() -> TestResult {
    // Page n of offset 100 has the product of id n + 100 (page 1: id 1).
    let items: Vec<Product> = client_no_retry()
        .paging_client()
        .get_multiple_pages_with_offset(100, None)?
        .try_collect()
        .await?;
    let mut expected = vec![product(1, "Product")];
    expected.extend((2..=10).map(|n| product(n + 100, "product")));
    assert_eq!(ids(&items), expected);
    Ok(())
}

#[tokio::test]
async fn paging_multiple_retry_first() -> TestResult {
    // The first request gets a 500; the retry gets page 1, then pages 2..=10.
    let items: Vec<Product> = client_with_cookies()
        .paging_client()
        .get_multiple_pages_retry_first(None)?
        .try_collect()
        .await?;
    assert_eq!(ids(&items), ten_pages());
    Ok(())
}

#[tokio::test]
async fn paging_multiple_retry_second() -> TestResult {
    // Page 2 gets a 500 first; the retry gets it (id 1 again), then pages 3..=10.
    let items: Vec<Product> = client_with_cookies()
        .paging_client()
        .get_multiple_pages_retry_second(None)?
        .try_collect()
        .await?;
    let mut expected = vec![product(1, "Product"), product(1, "Product")];
    expected.extend((3..=10).map(|n| product(n, "product")));
    assert_eq!(ids(&items), expected);
    Ok(())
}

#[tokio::test]
async fn paging_single_failure() -> TestResult {
    let result: azure_core::Result<Vec<Product>> = client_no_retry()
        .paging_client()
        .get_single_pages_failure(None)?
        .try_collect()
        .await;
    let error = result.expect_err("a 400 on the first page");
    assert_eq!(error.http_status().map(u16::from), Some(400));
    Ok(())
}

#[tokio::test]
async fn paging_multiple_failure() -> TestResult {
    let mut pager = client_no_retry()
        .paging_client()
        .get_multiple_pages_failure(None)?;
    let first = pager.try_next().await?.expect("the item of page 1");
    assert_eq!(ids(&[first]), vec![product(1, "Product")]);
    let error = pager.try_next().await.expect_err("a 400 on page 2");
    assert_eq!(error.http_status().map(u16::from), Some(400));
    Ok(())
}

#[tokio::test]
async fn paging_multiple_failure_uri() -> TestResult {
    // The next link `*&*#&$` is not a page URL: following it must fail.
    let mut pager = client_no_retry()
        .paging_client()
        .get_multiple_pages_failure_uri(None)?;
    let first = pager.try_next().await?.expect("the item of page 1");
    assert_eq!(ids(&[first]), vec![product(1, "Product")]);
    assert!(
        pager.try_next().await.is_err(),
        "the invalid next link fails"
    );
    Ok(())
}

#[tokio::test]
async fn paging_fragment() -> TestResult {
    let items: Vec<Product> = client_no_retry()
        .paging_client()
        .get_multiple_pages_fragment_next_link("1.6", "test_user", None)?
        .try_collect()
        .await?;
    let expected: Vec<_> = (1..=10).map(|n| product(n, "product")).collect();
    assert_eq!(ids(&items), expected);
    Ok(())
}

#[tokio::test]
async fn paging_fragment_with_grouping() -> TestResult {
    let items: Vec<Product> = client_no_retry()
        .paging_client()
        .get_multiple_pages_fragment_with_grouping_next_link("1.6", "test_user", None)?
        .try_collect()
        .await?;
    let expected: Vec<_> = (1..=10).map(|n| product(n, "product")).collect();
    assert_eq!(ids(&items), expected);
    Ok(())
}

#[tokio::test]
async fn paging_multiple_lro() -> TestResult {
    // POST answers 202 with Azure-AsyncOperation (…/lro/200, which says Succeeded) and
    // Location (/paging/multiple, the first page). The generated operation returns a
    // poller whose result is that first page only, not a pager over all ten pages.
    let poller = client_no_retry()
        .paging_client()
        .begin_get_multiple_pages_lro(None)?;
    let page = poller.await?.into_model()?;
    assert_eq!(
        ids(&page.values.unwrap_or_default()),
        vec![product(1, "Product")]
    );
    let next = page.next_link.expect("a next link");
    assert!(
        next.ends_with("/paging/multiple/page/2"),
        "next link {next}"
    );
    Ok(())
}

#[tokio::test]
async fn paging_return_model_with_xms_client_name() -> TestResult {
    // The items are in `values`, whose Rust name is `indexes` (x-ms-client-name).
    let items: Vec<Product> = client()
        .paging_client()
        .get_paging_model_with_item_name_with_xms_client_name(None)?
        .try_collect()
        .await?;
    assert_eq!(ids(&items), vec![product(1, "Product")]);
    Ok(())
}

#[tokio::test]
async fn paging_duplicate_parameters() -> TestResult {
    // The next link carries its own `$filter`: it must be sent once, as the server set it.
    let options = conf_paging::clients::PagingDuplicateParamsOptions {
        filter: Some("foo".to_string()),
        ..Default::default()
    };
    let items: Vec<Product> = client_no_retry()
        .paging_client()
        .duplicate_params(Some(options))?
        .try_collect()
        .await?;
    assert_eq!(ids(&items), vec![product(1, "Product")]);
    Ok(())
}

#[tokio::test]
async fn paging_with_api_version_append() -> TestResult {
    // Page 2's link has no api-version: the client's (1.0.0) is appended.
    let items: Vec<Product> = client_no_retry()
        .paging_client()
        .append_api_version(None)?
        .try_collect()
        .await?;
    assert_eq!(ids(&items), vec![product(1, "Product")]);
    Ok(())
}

#[tokio::test]
async fn paging_with_api_version_replace() -> TestResult {
    // Page 2's link has `Api-Version=notMe`: the client's api-version (1.0.0) must be sent.
    let items: Vec<Product> = client_no_retry()
        .paging_client()
        .replace_api_version(None)?
        .try_collect()
        .await?;
    assert_eq!(ids(&items), vec![product(1, "Product")]);
    Ok(())
}

#[tokio::test]
async fn paging_dont_send_max_page_size() -> TestResult {
    let items: Vec<Product> = client_no_retry()
        .paging_client()
        .page_with_max_page_size(None)?
        .try_collect()
        .await?;
    assert!(items.is_empty());
    Ok(())
}
