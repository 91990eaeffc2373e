//! A spec without authentication and with a client-level integer parameter: the client
//! takes no credential, sends no Authorization header, and sends the integer on every
//! request. (The crate's generated example tests, `tests/examples.rs`, replay the
//! spec's examples through the same client against an HTTPS mock server.)

mod support;

use std::sync::Arc;

use fixture_operations_examples::clients::ExamplesFixtureClientOptions;
use fixture_operations_examples::models::Gadget;
use fixture_operations_examples::ExamplesFixtureClient;
use serde_json::json;
use support::{Mock, ENDPOINT};

fn client(mock: &Arc<Mock>, shelf: i32) -> ExamplesFixtureClient {
    let options = ExamplesFixtureClientOptions {
        client_options: mock.options(),
        ..ExamplesFixtureClientOptions::default()
    };
    ExamplesFixtureClient::new(ENDPOINT, shelf, Some(options)).unwrap()
}

#[tokio::test]
async fn no_credential_no_authorization_and_the_client_parameter_on_every_request() {
    let mock = Mock::new();
    mock.reply(200, &[], json!({ "id": "/gadgets/g", "name": "g", "weight": 3 }));
    let gadget: Gadget = client(&mock, 7)
        .gadgets_client()
        .get("g", None)
        .await
        .unwrap()
        .into_model()
        .unwrap();
    assert_eq!(gadget.weight, Some(3));
    let seen = &mock.seen()[0];
    assert_eq!(seen.method, "GET");
    assert_eq!(seen.path(), "/gadgets/g");
    assert_eq!(seen.query("shelf"), ["7"]);
    assert_eq!(seen.query("api-version"), ["2024-05-01"]);
    assert_eq!(seen.header("authorization"), None);
}
