//! subscriptionId-apiVersion.json: a client-level subscriptionId in the path and the
//! api-version in the query.

mod common;

use common::{no_retry, server, TestResult};
use conf_subscriptionid_apiversion::{
    MicrosoftAzureTestUrlClient as Client, MicrosoftAzureTestUrlClientOptions as ClientOptions,
};

#[tokio::test]
async fn subscription_id_and_api_version() -> TestResult {
    let options = ClientOptions {
        client_options: no_retry(),
        ..Default::default()
    };
    let client = Client::new(&server(), "1234-5678-9012-3456", Some(options))?;
    let group = client
        .group_client()
        .get_sample_resource_group("testgroup101", None)
        .await?
        .into_model()?;
    assert_eq!(group.name.as_deref(), Some("testgroup101"));
    assert_eq!(group.location.as_deref(), Some("West US"));
    Ok(())
}
