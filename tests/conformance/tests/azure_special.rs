//! azure-special-properties.json: subscriptionId and api-version (client-level or per
//! method), x-ms-skip-url-encoding, OData query parameters and client request ids.

mod common;

use azure_core::error::ErrorKind;
use azure_core::http::headers::HeaderName;
use azure_core::http::request::options::ClientRequestId;
use azure_core::http::ClientMethodOptions;
use common::{no_retry, server, TestResult};
use conf_azure_special_properties::clients::{
    HeaderCustomNamedRequestIdHeadOptions, HeaderCustomNamedRequestIdOptions,
    HeaderCustomNamedRequestIdParamGroupingOptions, OdataGetWithFilterOptions, ResponseHeaders,
    SkipUrlEncodingGetMethodQueryNullOptions, XMsClientRequestIdGetOptions,
};
use conf_azure_special_properties::models::{
    SkipUrlEncodingGetSwaggerPathValidUnencodedPathParam, SkipUrlEncodingGetSwaggerQueryValidQ1,
};
use conf_azure_special_properties::{
    AutoRestAzureSpecialParametersTestClient as Client,
    AutoRestAzureSpecialParametersTestClientOptions as ClientOptions,
};

const SUBSCRIPTION: &str = "1234-5678-9012-3456";
const REQUEST_ID: &str = "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0";

/// A client with the subscription the server expects, the spec's api-version
/// (2015-07-01-preview) and no retries (a wrong request fails at once).
fn client() -> Client {
    let options = ClientOptions {
        client_options: no_retry(),
        ..Default::default()
    };
    Client::new(&server(), SUBSCRIPTION, Some(options)).expect("a client")
}

/// Method options whose context sets the `x-ms-client-request-id` azure_core sends.
fn with_request_id(id: &str) -> ClientMethodOptions<'static> {
    let mut options = ClientMethodOptions::default();
    options.context.insert(ClientRequestId::new(id.to_string()));
    options
}

// subscriptionId

#[tokio::test]
async fn azure_subscription_method_global_valid() -> TestResult {
    let response = client()
        .subscription_in_credentials_client()
        .post_method_global_valid(None)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn azure_subscription_method_global_not_provided_valid() -> TestResult {
    let response = client()
        .subscription_in_credentials_client()
        .post_method_global_not_provided_valid(None)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn azure_subscription_path_global_valid() -> TestResult {
    let response = client()
        .subscription_in_credentials_client()
        .post_path_global_valid(None)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn azure_subscription_swagger_global_valid() -> TestResult {
    let response = client()
        .subscription_in_credentials_client()
        .post_swagger_global_valid(None)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn azure_subscription_method_local_valid() -> TestResult {
    let response = client()
        .subscription_in_method_client()
        .post_method_local_valid(SUBSCRIPTION, None)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn azure_subscription_path_local_valid() -> TestResult {
    let response = client()
        .subscription_in_method_client()
        .post_path_local_valid(SUBSCRIPTION, None)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn azure_subscription_swagger_local_valid() -> TestResult {
    let response = client()
        .subscription_in_method_client()
        .post_swagger_local_valid(SUBSCRIPTION, None)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn subscription_method_local_null_is_refused_before_sending() -> TestResult {
    // A required path parameter cannot be empty: the client refuses the call itself.
    let error = client()
        .subscription_in_method_client()
        .post_method_local_null("", None)
        .await
        .expect_err("an empty subscriptionId is refused");
    assert_eq!(error.http_status(), None);
    Ok(())
}

// api-version

#[tokio::test]
async fn azure_api_version_method_global_valid() -> TestResult {
    let response = client()
        .api_version_default_client()
        .get_method_global_valid(None)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn azure_api_version_method_global_not_provided_valid() -> TestResult {
    let response = client()
        .api_version_default_client()
        .get_method_global_not_provided_valid(None)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn azure_api_version_path_global_valid() -> TestResult {
    let response = client()
        .api_version_default_client()
        .get_path_global_valid(None)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn azure_api_version_swagger_global_valid() -> TestResult {
    let response = client()
        .api_version_default_client()
        .get_swagger_global_valid(None)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn azure_api_version_method_local_valid() -> TestResult {
    let response = client()
        .api_version_local_client()
        .get_method_local_valid(&conf_azure_special_properties::models::ApiVersionLocalGetMethodLocalValidApiVersion::V2_0, None)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn azure_api_version_method_local_null() -> TestResult {
    let response = client()
        .api_version_local_client()
        .get_method_local_null(None)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn azure_api_version_path_local_valid() -> TestResult {
    let response = client()
        .api_version_local_client()
        .get_path_local_valid(&conf_azure_special_properties::models::ApiVersionLocalGetPathLocalValidApiVersion::V2_0, None)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn azure_api_version_swagger_local_valid() -> TestResult {
    let response = client()
        .api_version_local_client()
        .get_swagger_local_valid(&conf_azure_special_properties::models::ApiVersionLocalGetSwaggerLocalValidApiVersion::V2_0, None)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

// x-ms-skip-url-encoding

#[tokio::test]
async fn azure_method_path_url_encoding() -> TestResult {
    let response = client()
        .skip_url_encoding_client()
        .get_method_path_valid("path1/path2/path3", None)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn azure_path_path_url_encoding() -> TestResult {
    let response = client()
        .skip_url_encoding_client()
        .get_path_path_valid("path1/path2/path3", None)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn azure_swagger_path_url_encoding() -> TestResult {
    let response = client()
        .skip_url_encoding_client()
        .get_swagger_path_valid(
            &SkipUrlEncodingGetSwaggerPathValidUnencodedPathParam::Path1Path2Path3,
            None,
        )
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn azure_method_query_url_encoding() -> TestResult {
    let response = client()
        .skip_url_encoding_client()
        .get_method_query_valid("value1&q2=value2&q3=value3", None)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn azure_path_query_url_encoding() -> TestResult {
    let response = client()
        .skip_url_encoding_client()
        .get_path_query_valid("value1&q2=value2&q3=value3", None)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn azure_swagger_query_url_encoding() -> TestResult {
    let response = client()
        .skip_url_encoding_client()
        .get_swagger_query_valid(
            &SkipUrlEncodingGetSwaggerQueryValidQ1::Value1Q2Value2Q3Value3,
            None,
        )
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

#[tokio::test]
async fn azure_method_query_url_encoding_null() -> TestResult {
    let options = SkipUrlEncodingGetMethodQueryNullOptions {
        q1: None,
        ..Default::default()
    };
    let response = client()
        .skip_url_encoding_client()
        .get_method_query_null(Some(options))
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

// OData

#[tokio::test]
async fn azure_odata_filter() -> TestResult {
    let options = OdataGetWithFilterOptions {
        filter: Some("id gt 5 and name eq 'foo'".to_string()),
        top: Some(10),
        orderby: Some("id".to_string()),
        ..Default::default()
    };
    let response = client()
        .odata_client()
        .get_with_filter(Some(options))
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}

// client request ids

#[tokio::test]
async fn azure_xms_request_client_overwrite() -> TestResult {
    // azure_core sends a generated x-ms-client-request-id unless the call's context sets one.
    let options = XMsClientRequestIdGetOptions {
        method_options: with_request_id(REQUEST_ID),
    };
    let response = client()
        .x_ms_client_request_id_client()
        .get(Some(options))
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    assert_eq!(
        response
            .headers()
            .get_optional_str(&HeaderName::from_static("x-ms-request-id")),
        Some("123")
    );
    Ok(())
}

#[tokio::test]
async fn azure_xms_request_client_overwrite_via_parameter() -> TestResult {
    let response = client()
        .x_ms_client_request_id_client()
        .param_get(REQUEST_ID, None)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    assert_eq!(
        response
            .headers()
            .get_optional_str(&HeaderName::from_static("x-ms-request-id")),
        Some("123")
    );
    Ok(())
}

#[tokio::test]
async fn azure_request_client_id_in_error() -> TestResult {
    // Without an explicit id, azure_core sends a random one, which the server answers with
    // 400 and `x-ms-request-id: 123`: the error keeps the response and its headers.
    let error = client()
        .x_ms_client_request_id_client()
        .get(None)
        .await
        .expect_err("a 400");
    assert_eq!(error.http_status().map(u16::from), Some(400));
    let ErrorKind::HttpResponse { raw_response, .. } = error.kind() else {
        panic!("an HTTP error, got {error:?}");
    };
    let raw = raw_response.as_ref().expect("the error's response");
    assert_eq!(
        raw.headers()
            .get_optional_str(&HeaderName::from_static("x-ms-request-id")),
        Some("123")
    );
    Ok(())
}

#[tokio::test]
async fn azure_xms_custom_named_request_id() -> TestResult {
    let response = client()
        .header_client()
        .custom_named_request_id(REQUEST_ID, None::<HeaderCustomNamedRequestIdOptions>)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    assert_eq!(response.foo_request_id(), Some("123"));
    Ok(())
}

#[tokio::test]
async fn azure_xms_custom_named_request_id_head() -> TestResult {
    // The HEAD variant counts for AzureXmsCustomNamedRequestId too.
    let response = client()
        .header_client()
        .custom_named_request_id_head(REQUEST_ID, None::<HeaderCustomNamedRequestIdHeadOptions>)
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    assert_eq!(response.foo_request_id(), Some("123"));
    Ok(())
}

#[tokio::test]
async fn azure_xms_custom_named_request_id_parameter_group() -> TestResult {
    // The spec puts the header in a parameter group; the generated method takes it flat.
    let response = client()
        .header_client()
        .custom_named_request_id_param_grouping(
            REQUEST_ID,
            None::<HeaderCustomNamedRequestIdParamGroupingOptions>,
        )
        .await?;
    assert_eq!(u16::from(response.status()), 200);
    assert_eq!(response.foo_request_id(), Some("123"));
    Ok(())
}
