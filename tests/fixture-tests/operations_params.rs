//! Parameters in every location against a mock transport: what goes in the path, the
//! query and the headers, what is checked before sending, and the optional body.

mod support;

use std::sync::Arc;

use fixture_operations_params::clients::{
    ParamsFixtureClient, ParamsFixtureClientOptions, RegistriesGenerateTokensOptions,
    RegistriesGetOptions, RegistriesRegenerateCredentialOptions, ResponseHeaders,
    TagsDeleteOptions, TagsListOptions,
};
use fixture_operations_params::models::{
    PasswordName, RegenerateCredentialParameters, TagOrderBy, TagsListKind, TokenKind,
};
use serde_json::{json, Value};
use support::{credential, Mock, ENDPOINT};

const REGISTRY: &str = "/subscriptions/sub-1/resourceGroups/my-rg/providers/Microsoft.ContainerRegistry/registries/myregistry";
const DIGEST: &str = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

fn client(mock: &Arc<Mock>) -> ParamsFixtureClient {
    let options = ParamsFixtureClientOptions {
        client_options: mock.options(),
        ..ParamsFixtureClientOptions::default()
    };
    ParamsFixtureClient::new(ENDPOINT, credential(), "sub-1", Some(options)).unwrap()
}

#[tokio::test]
async fn required_and_optional_query_parameters() {
    let mock = Mock::new();
    mock.reply(200, &[], json!({ "tags": ["v1"] }));
    let options = TagsListOptions {
        filter: Some("name eq 'v1'".into()),
        top: Some(10),
        orderby: Some(TagOrderBy::Timedesc),
        select: Some(vec!["name".into(), "digest".into()]),
        artifact_type: Some(vec!["image".into(), "helm chart".into()]),
        since: Some(time::macros::datetime!(2024-01-02 03:04:05 UTC)),
        ..TagsListOptions::default()
    };
    let tags = client(&mock)
        .tags_client()
        .list(
            "my-rg",
            "myregistry",
            DIGEST,
            &TagsListKind::Image,
            Some(options),
        )
        .await
        .unwrap()
        .into_model()
        .unwrap();
    assert_eq!(tags.tags, Some(vec!["v1".to_string()]));
    let seen = &mock.seen()[0];
    assert_eq!(seen.method, "GET");
    assert_eq!(seen.path(), format!("{REGISTRY}/tags"));
    for (name, values) in [
        ("api-version", vec!["2024-01-01"]),
        ("digest", vec![DIGEST]),
        ("kind", vec!["image"]),
        ("$filter", vec!["name eq 'v1'"]),
        ("$top", vec!["10"]),
        ("orderby", vec!["timedesc"]),
        ("$select", vec!["name,digest"]),
        ("artifactType", vec!["image", "helm chart"]),
        ("since", vec!["2024-01-02T03:04:05Z"]),
    ] {
        assert_eq!(seen.query(name), values, "{name} in {}", seen.url);
    }
}

#[tokio::test]
async fn unset_optional_parameters_are_not_sent() {
    let mock = Mock::new();
    mock.reply(200, &[], json!({}));
    client(&mock)
        .tags_client()
        .list("my-rg", "myregistry", DIGEST, &TagsListKind::Artifact, None)
        .await
        .unwrap();
    let seen = &mock.seen()[0];
    let names: Vec<String> = seen
        .url
        .query_pairs()
        .map(|(n, _)| n.into_owned())
        .collect();
    assert_eq!(names, ["api-version", "digest", "kind"]);
    mock.reply(200, &[], json!({ "location": "westus" }));
    client(&mock)
        .registries_client()
        .get("my-rg", "myregistry", None)
        .await
        .unwrap();
    assert_eq!(mock.seen()[1].header("if-none-match"), None);
}

#[tokio::test]
async fn constraints_are_checked_before_anything_is_sent() {
    let mock = Mock::new();
    let tags = client(&mock).tags_client();
    let kind = TagsListKind::Image;
    let too_many = TagsListOptions {
        top: Some(1001),
        ..TagsListOptions::default()
    };
    for (result, what) in [
        (
            tags.list("my-rg", "myregistry", "sha256:short", &kind, None)
                .await,
            "digest",
        ),
        (
            tags.list("my rg", "myregistry", DIGEST, &kind, None).await,
            "resourceGroupName",
        ),
        (
            tags.list("my-rg", "myregistry", DIGEST, &kind, Some(too_many))
                .await,
            "$top",
        ),
    ] {
        let error = result
            .err()
            .unwrap_or_else(|| panic!("bad {what} accepted"));
        assert!(error.to_string().contains(what), "{what}: {error}");
    }
    let registries = client(&mock);
    let registries = registries.registries_client();
    let repos = ["repo".to_string()];
    for (count, lifetime, what) in [(11, 3600, "count"), (0, 3600, "count"), (1, 59, "lifetime")] {
        let error = registries
            .generate_tokens("my-rg", "myregistry", count, &repos, "c-1", lifetime, None)
            .await
            .unwrap_err();
        assert!(error.to_string().contains(what), "{what}: {error}");
    }
    assert!(mock.seen().is_empty());
}

#[tokio::test]
async fn required_number_array_and_header() {
    let mock = Mock::new();
    mock.reply(200, &[], json!({ "tokens": ["t1", "t2"] }));
    let options = RegistriesGenerateTokensOptions {
        x_ms_token_kind: Some(TokenKind::Pull),
        ..RegistriesGenerateTokensOptions::default()
    };
    let result = client(&mock)
        .registries_client()
        .generate_tokens(
            "my-rg",
            "myregistry",
            2,
            &["hello-world".into(), "nginx".into()],
            "correlation-1",
            3600,
            Some(options),
        )
        .await
        .unwrap()
        .into_model()
        .unwrap();
    assert_eq!(result.tokens.map(|t| t.len()), Some(2));
    let seen = &mock.seen()[0];
    assert_eq!(seen.method, "POST");
    assert_eq!(seen.query("count"), ["2"]);
    assert_eq!(seen.query("repositories"), ["hello-world,nginx"]);
    assert_eq!(
        seen.header("x-ms-correlation-request-id"),
        Some("correlation-1")
    );
    assert_eq!(seen.header("x-ms-token-lifetime"), Some("3600"));
    assert_eq!(seen.header("x-ms-token-kind"), Some("pull"));
    assert_eq!(seen.body, None);
}

#[tokio::test]
async fn optional_headers_and_response_headers() {
    let mock = Mock::new();
    mock.reply(
        200,
        &[("etag", "\"v2\""), ("x-ms-request-id", "r-1")],
        json!({ "location": "westus", "name": "myregistry" }),
    );
    let options = RegistriesGetOptions {
        x_ms_client_request_id: Some("client-1".into()),
        if_none_match: Some("\"v1\"".into()),
        ..RegistriesGetOptions::default()
    };
    let response = client(&mock)
        .registries_client()
        .get("my-rg", "myregistry", Some(options))
        .await
        .unwrap();
    assert_eq!(response.etag(), Some("\"v2\""));
    assert_eq!(response.x_ms_request_id(), Some("r-1"));
    assert_eq!(
        response.into_model().unwrap().location.as_deref(),
        Some("westus")
    );
    let seen = &mock.seen()[0];
    assert_eq!(seen.path(), REGISTRY);
    assert_eq!(seen.header("x-ms-client-request-id"), Some("client-1"));
    assert_eq!(seen.header("if-none-match"), Some("\"v1\""));
}

#[tokio::test]
async fn a_required_header_on_a_delete() {
    let mock = Mock::new();
    mock.reply(204, &[], Value::Null);
    let options = TagsDeleteOptions {
        x_ms_client_request_id: Some("client-2".into()),
        ..TagsDeleteOptions::default()
    };
    let response = client(&mock)
        .tags_client()
        .delete("my-rg", "myregistry", "v1.0-beta", "\"v1\"", Some(options))
        .await
        .unwrap();
    assert_eq!(u16::from(response.status()), 204);
    let seen = &mock.seen()[0];
    assert_eq!(seen.method, "DELETE");
    assert_eq!(seen.path(), format!("{REGISTRY}/tags/v1.0-beta"));
    assert_eq!(seen.header("if-match"), Some("\"v1\""));
    assert_eq!(seen.header("x-ms-client-request-id"), Some("client-2"));
}

#[tokio::test]
async fn an_optional_body() {
    let mock = Mock::new();
    let credentials = json!({ "username": "myregistry", "passwords": ["p"] });
    mock.reply(200, &[], credentials.clone())
        .reply(200, &[], credentials);
    let client = client(&mock);
    let registries = client.registries_client();
    registries
        .regenerate_credential("my-rg", "myregistry", None)
        .await
        .unwrap();
    let body = RegenerateCredentialParameters {
        name: Some(PasswordName::Password2),
    };
    let options = RegistriesRegenerateCredentialOptions {
        regenerate_credential_parameters: Some(&body),
        ..RegistriesRegenerateCredentialOptions::default()
    };
    registries
        .regenerate_credential("my-rg", "myregistry", Some(options))
        .await
        .unwrap();
    let seen = mock.seen();
    assert_eq!(seen[0].body, None);
    assert_eq!(seen[0].header("content-type"), None);
    assert_eq!(seen[1].body, Some(json!({ "name": "password2" })));
    assert_eq!(seen[1].header("content-type"), Some("application/json"));
}

#[tokio::test]
async fn path_values_are_encoded_unless_the_spec_says_otherwise() {
    let mock = Mock::new();
    mock.reply(200, &[], json!({ "storageAccountId": "s" }))
        .reply(200, &[], json!({}));
    let client = client(&mock);
    let settings = client.diagnostic_settings_client();
    // x-ms-skip-url-encoding: a resource ID keeps its `/`s; other values are one segment.
    let resource = "subscriptions/sub-1/resourceGroups/my-rg/providers/Microsoft.ContainerRegistry/registries/myregistry";
    settings.get(resource, "a/b c", None).await.unwrap();
    let seen = mock.seen();
    assert_eq!(
        seen[0].path(),
        format!("/{resource}/providers/Microsoft.Insights/diagnosticSettings/a%2Fb%20c")
    );
    // No value may climb out of its place in the path.
    for (resource, name) in [
        ("subscriptions/../../x", "n"),
        (resource, ".."),
        (resource, ""),
    ] {
        assert!(
            settings.get(resource, name, None).await.is_err(),
            "{resource} {name}"
        );
    }
    assert_eq!(mock.seen().len(), 1);
}
