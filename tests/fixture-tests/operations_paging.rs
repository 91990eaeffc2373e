//! Pageable operations against a mock transport: next links, one-page lists, custom
//! item names, required item arrays.

mod support;

use std::sync::Arc;

use fixture_operations_paging::clients::{PagingFixtureClient, PagingFixtureClientOptions};
use fixture_operations_paging::models::{
    Event, OperationDefinition, OperationListResult, Registry,
};
use futures::TryStreamExt;
use serde_json::json;
use support::{credential, Mock, ENDPOINT};

fn client(mock: &Arc<Mock>) -> PagingFixtureClient {
    let options = PagingFixtureClientOptions {
        client_options: mock.options(),
        ..PagingFixtureClientOptions::default()
    };
    PagingFixtureClient::new(ENDPOINT, credential(), "sub-1", Some(options)).unwrap()
}

#[tokio::test]
async fn follows_next_links_to_the_last_page() {
    let mock = Mock::new();
    let page2 = format!("{ENDPOINT}/subscriptions/sub-1/providers/Microsoft.ContainerRegistry/registries?api-version=2024-01-01&$skiptoken=2");
    mock.reply(
        200,
        &[],
        json!({ "value": [{ "location": "westus", "name": "a" }], "nextLink": page2 }),
    )
    .reply(
        200,
        &[],
        json!({ "value": [{ "location": "eastus", "name": "b" }, { "location": "eastus", "name": "c" }] }),
    );
    let registries: Vec<Registry> = client(&mock)
        .registries_client()
        .list(None)
        .unwrap()
        .try_collect()
        .await
        .unwrap();
    let names: Vec<_> = registries
        .iter()
        .filter_map(|r| r.name.as_deref())
        .collect();
    assert_eq!(names, ["a", "b", "c"]);
    let seen = mock.seen();
    assert_eq!(seen.len(), 2);
    assert_eq!(
        seen[0].url.as_str(),
        format!("{ENDPOINT}/subscriptions/sub-1/providers/Microsoft.ContainerRegistry/registries?api-version=2024-01-01")
    );
    assert_eq!(seen[1].url.as_str(), page2);
    assert_eq!(seen[1].method, "GET");
}

#[tokio::test]
async fn without_a_next_link_name_there_is_one_page() {
    let mock = Mock::new();
    // A `nextLink` in the body is not followed: the spec says there is none.
    mock.reply(
        200,
        &[],
        json!({ "value": [{ "location": "westus", "name": "a" }], "nextLink": format!("{ENDPOINT}/more") }),
    );
    let registries: Vec<Registry> = client(&mock)
        .registries_client()
        .list_by_resource_group("rg", None)
        .unwrap()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(registries.len(), 1);
    assert_eq!(mock.seen().len(), 1);
}

#[tokio::test]
async fn items_under_a_custom_item_name() {
    let mock = Mock::new();
    mock.reply(
        200,
        &[],
        json!({ "events": [{ "id": "e1", "action": "push" }, { "id": "e2", "action": "delete" }] }),
    );
    let events: Vec<Event> = client(&mock)
        .webhooks_client()
        .list_events("rg", "myregistry", "mywebhook", None)
        .unwrap()
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<_> = events.iter().filter_map(|e| e.id.as_deref()).collect();
    assert_eq!(ids, ["e1", "e2"]);
    let seen = mock.seen();
    assert_eq!(seen[0].method, "POST");
    assert!(seen[0].path().ends_with("/webhooks/mywebhook/listEvents"));
}

#[tokio::test]
async fn a_required_item_array() {
    // The page's items are required by the spec; an `Option` as every field.
    let page = OperationListResult {
        value: Some(vec![OperationDefinition::default()]),
        next_link: None,
    };
    assert_eq!(page.value.as_ref().map(Vec::len), Some(1));
    let mock = Mock::new();
    mock.reply(
        200,
        &[],
        json!({ "value": [{ "name": "Microsoft.ContainerRegistry/registries/read" }] }),
    );
    let operations: Vec<OperationDefinition> = client(&mock)
        .operations_client()
        .list(None)
        .unwrap()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(operations.len(), 1);
    assert_eq!(
        mock.seen()[0].url.as_str(),
        format!(
            "{ENDPOINT}/providers/Microsoft.ContainerRegistry/operations?api-version=2024-01-01"
        )
    );
}

#[tokio::test]
async fn a_next_link_to_another_host_is_refused() {
    let mock = Mock::new();
    mock.reply(
        200,
        &[],
        json!({ "value": [{ "location": "westus" }], "nextLink": "https://attacker.example/steal" }),
    );
    let result: Result<Vec<Registry>, _> = client(&mock)
        .registries_client()
        .list(None)
        .unwrap()
        .try_collect()
        .await;
    assert!(result.is_err());
    assert_eq!(mock.seen().len(), 1);
}

#[tokio::test]
async fn path_parameters_are_checked() {
    let mock = Mock::new();
    let error = client(&mock)
        .webhooks_client()
        .list_events("rg", "myregistry", "hook", None)
        .err()
        .unwrap();
    assert!(error.to_string().contains("webhookName"), "{error}");
    assert!(mock.seen().is_empty());
}
