//! Operations whose natural Rust names are taken get renamed items, and every user of
//! the names agrees: `Client_Method`'s options are `ClientMethodOptions2` (azure_core's
//! `ClientMethodOptions` is imported into `clients.rs`), group `ReservedNames` is
//! `ReservedNamesClient2` (the client is `ReservedNamesClient`). The crate's generated
//! example tests, `tests/examples.rs`, construct the same renamed options in their
//! replays: that they compile and pass is the other half of this fixture.

mod support;

use std::sync::Arc;

use fixture_operations_reserved_names::clients::{
    ClientMethodOptions2, ReservedNamesClient2, ReservedNamesUpdateOptions,
};
use fixture_operations_reserved_names::models::Thing;
use fixture_operations_reserved_names::{ReservedNamesClient, ReservedNamesClientOptions};
use serde_json::json;
use support::{credential, Mock, Recording, ENDPOINT};

fn client(mock: &Arc<Mock>) -> ReservedNamesClient {
    client_with(mock, credential())
}

fn client_with(
    mock: &Arc<Mock>,
    credential: Arc<dyn azure_core::credentials::TokenCredential>,
) -> ReservedNamesClient {
    let options = ReservedNamesClientOptions {
        client_options: mock.options(),
        ..ReservedNamesClientOptions::default()
    };
    ReservedNamesClient::new(ENDPOINT, credential, Some(options)).unwrap()
}

#[tokio::test]
async fn tokens_are_for_the_specs_scope() {
    let mock = Mock::new();
    mock.reply(200, &[], json!({ "id": "/things/t", "size": 3 }));
    let recording = Arc::new(Recording::default());
    client_with(&mock, recording.clone())
        .client_client()
        .method("t", None)
        .await
        .unwrap();
    let scopes = recording.0.lock().unwrap().clone();
    assert_eq!(scopes, ["https://things.example/.default"]);
    assert!(mock.seen()[0].header("authorization").is_some());
}

#[tokio::test]
async fn renamed_options_carry_the_optional_parameters() {
    let mock = Mock::new();
    mock.reply(200, &[], json!({ "id": "/things/t", "size": 3 }));
    let options = ClientMethodOptions2 {
        filter: Some("size gt 2".to_string()),
        ..Default::default()
    };
    let thing: Thing = client(&mock)
        .client_client()
        .method("t", Some(options))
        .await
        .unwrap()
        .into_model()
        .unwrap();
    assert_eq!(thing.size, Some(3));
    let seen = &mock.seen()[0];
    assert_eq!((seen.method.as_str(), seen.path()), ("GET", "/things/t"));
    assert_eq!(seen.query("$filter"), ["size gt 2"]);
}

#[tokio::test]
async fn the_renamed_group_is_reached_from_the_client() {
    let mock = Mock::new();
    mock.reply(200, &[], json!({ "id": "/things/t", "size": 4 }));
    let client = client(&mock);
    let group: ReservedNamesClient2 = client.reserved_names_client();
    let options = ReservedNamesUpdateOptions {
        dry_run: Some(true),
        ..Default::default()
    };
    let thing = Thing {
        size: Some(4),
        ..Default::default()
    };
    group.update("t", &thing, Some(options)).await.unwrap();
    let seen = &mock.seen()[0];
    assert_eq!((seen.method.as_str(), seen.path()), ("PUT", "/things/t"));
    assert_eq!(seen.query("dryRun"), ["true"]);
}
