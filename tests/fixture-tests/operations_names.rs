//! Operations on the client itself, and parameters named like keywords and like the
//! locals of a generated method: each still goes where the spec says.

mod support;

use std::sync::Arc;

use fixture_operations_names::clients::{
    LinksCreateOrUpdateOptions, LinksGetOptions, ListLinksOptions, NamesFixtureClient,
    NamesFixtureClientOptions,
};
use fixture_operations_names::models::{
    ContainerRegistryResourceType, Link, RegistryNameCheckRequest,
};
use futures::TryStreamExt;
use serde_json::{json, Value};
use support::{credential, Mock, ENDPOINT};

fn client(mock: &Arc<Mock>) -> NamesFixtureClient {
    let options = NamesFixtureClientOptions {
        client_options: mock.options(),
        ..NamesFixtureClientOptions::default()
    };
    NamesFixtureClient::new(ENDPOINT, credential(), "sub-1", Some(options)).unwrap()
}

#[tokio::test]
async fn an_operation_on_the_client_itself() {
    let mock = Mock::new();
    mock.reply(200, &[], json!({ "nameAvailable": true }));
    let request = RegistryNameCheckRequest::new(
        "myregistry",
        ContainerRegistryResourceType::MicrosoftContainerRegistryRegistries,
    );
    let status = client(&mock)
        .check_name_availability(&request, None)
        .await
        .unwrap()
        .into_model()
        .unwrap();
    assert_eq!(status.name_available, Some(true));
    let seen = &mock.seen()[0];
    assert_eq!(seen.method, "POST");
    assert_eq!(
        seen.path(),
        "/subscriptions/sub-1/providers/Microsoft.ContainerRegistry/checkNameAvailability"
    );
    assert_eq!(
        seen.body,
        Some(json!({ "name": "myregistry", "type": "Microsoft.ContainerRegistry/registries" }))
    );
}

#[tokio::test]
async fn a_pageable_operation_on_the_client_itself() {
    let mock = Mock::new();
    mock.reply(
        200,
        &[],
        json!({ "value": [{ "target": "a" }, { "target": "b" }] }),
    );
    let options = ListLinksOptions {
        type_: Some("symbolic".into()),
        ..ListLinksOptions::default()
    };
    let links: Vec<Link> = client(&mock)
        .list_links(Some(options))
        .unwrap()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(links.len(), 2);
    assert_eq!(mock.seen()[0].query("type"), ["symbolic"]);
}

#[tokio::test]
async fn arguments_named_like_keywords_and_locals() {
    let mock = Mock::new();
    mock.reply(200, &[], json!({ "target": "t" }));
    let options = LinksGetOptions {
        value: Some("v".into()),
        method_options2: Some("m".into()),
        ..LinksGetOptions::default()
    };
    let link = client(&mock)
        .links_client()
        .get(
            "hard",
            "me",
            "https://example.com/x?y=1",
            "all",
            7,
            "req-1",
            Some(options),
        )
        .await
        .unwrap()
        .into_model()
        .unwrap();
    assert_eq!(link.target.as_deref(), Some("t"));
    let seen = &mock.seen()[0];
    assert_eq!(
        seen.path(),
        "/subscriptions/sub-1/providers/Microsoft.ContainerRegistry/links/hard/me"
    );
    assert_eq!(seen.query("url"), ["https://example.com/x?y=1"]);
    assert_eq!(seen.query("options"), ["all"]);
    assert_eq!(seen.query("core"), ["7"]);
    assert_eq!(seen.query("value"), ["v"]);
    assert_eq!(seen.query("method_options"), ["m"]);
    assert_eq!(seen.header("request"), Some("req-1"));
    // `self` has a minimum length; `core` a minimum.
    let links = client(&mock).links_client();
    assert!(links.get("hard", "", "u", "o", 1, "r", None).await.is_err());
    assert!(links
        .get("hard", "me", "u", "o", -1, "r", None)
        .await
        .is_err());
    assert_eq!(mock.seen().len(), 1);
}

#[tokio::test]
async fn options_fields_named_like_locals() {
    let mock = Mock::new();
    mock.reply(201, &[], json!({ "target": "t" }));
    let options = LinksCreateOrUpdateOptions {
        url: Some("u".into()),
        core: Some(3),
        options: Some("o".into()),
        ..LinksCreateOrUpdateOptions::default()
    };
    let request = Link {
        target: Some("t".into()),
    };
    client(&mock)
        .links_client()
        .create_or_update("hard", "me", &request, Some(options))
        .await
        .unwrap();
    let seen = &mock.seen()[0];
    assert_eq!(seen.method, "PUT");
    assert_eq!(seen.query("url"), ["u"]);
    assert_eq!(seen.query("core"), ["3"]);
    assert_eq!(seen.header("options"), Some("o"));
    assert_eq!(seen.body, Some(json!({ "target": "t" })));
}

#[tokio::test]
async fn a_body_named_url() {
    let mock = Mock::new();
    mock.reply(200, &[], Value::Null);
    let to = Link {
        target: Some("elsewhere".into()),
    };
    let () = client(&mock)
        .links_client()
        .begin_move("hard", "me", &to, None)
        .unwrap()
        .await
        .unwrap()
        .into_model()
        .unwrap();
    let seen = &mock.seen()[0];
    assert!(seen.path().ends_with("/links/hard/me/move"));
    assert_eq!(seen.body, Some(json!({ "target": "elsewhere" })));
}
