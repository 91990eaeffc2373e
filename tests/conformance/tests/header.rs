//! header.json: request headers of every primitive type, typed response headers, and
//! headers that clash with ones the HTTP stack sets itself.
//!
//! The request scenarios answer 200 only when the header has the expected value (400
//! otherwise), so a passing call is the assertion. The response scenarios send the
//! value in a `value` header; the generated accessor returns it as `Option<&str>`, so
//! each test parses it with the crate's wire format and asserts the typed value.

mod common;

use azure_core::http::request::options::ClientRequestId;
use azure_core::http::ClientMethodOptions;
use common::{server, TestResult};
use conf_header::clients::{
    HeaderCustomRequestIdOptions, HeaderParamDatetimeRfc1123Options, HeaderParamEnumOptions,
    HeaderParamStringOptions, ResponseHeaders,
};
use conf_header::models::GreyscaleColors;
use conf_header::runtime::codec::{self, Codec};
use conf_header::runtime::Duration;
use conf_header::AutoRestSwaggerBatHeaderServiceClient as Client;
use conf_header::AutoRestSwaggerBatHeaderServiceClientOptions as ClientOptions;
use time::macros::{date, datetime};

/// The server's multi-byte string (CJK compatibility ideographs: written as escapes
/// so that no editor normalizes them).
const MULTIBYTE: &str =
    "\u{554a}\u{9f44}\u{4e02}\u{72db}\u{72dc}\u{f9f1}\u{f92c}\u{f9f1}\u{fa0c}\u{fa29}";
const FOX: &str = "The quick brown fox jumps over the lazy dog";

/// Without retries: a wrong request is a 400 that should fail the test at once.
fn client() -> Client {
    Client::new(
        &server(),
        Some(ClientOptions {
            client_options: common::no_retry(),
            ..Default::default()
        }),
    )
    .expect("a client")
}

/// The `value` response header, which every response scenario sets.
fn value<T>(response: &azure_core::http::Response<T>) -> &str {
    response.value().expect("a `value` response header")
}

/// Reads a header value with one of the crate's wire formats.
fn decode<T, F: codec::Format<T>>(text: &str) -> T {
    Codec::<F>::deserialize(serde_json::Value::String(text.to_string()))
        .unwrap_or_else(|e| panic!("`{text}` does not parse: {e}"))
}

fn string_options(value: Option<&str>) -> Option<HeaderParamStringOptions<'static>> {
    Some(HeaderParamStringOptions {
        value: value.map(str::to_string),
        ..Default::default()
    })
}

// ---- headers the HTTP stack also sets ----------------------------------------------

#[tokio::test]
#[ignore = "runtime: azure_core's UserAgentPolicy overwrites the User-Agent header parameter"]
async fn header_parameter_existing_key() -> TestResult {
    client()
        .header_client()
        .param_existing_key("overwrite", None)
        .await?;
    Ok(())
}

#[tokio::test]
async fn header_response_existing_key() -> TestResult {
    let response = client().header_client().response_existing_key(None).await?;
    assert_eq!(response.user_agent(), Some("overwrite"));
    Ok(())
}

#[tokio::test]
async fn header_parameter_protected_key() -> TestResult {
    client()
        .header_client()
        .param_protected_key("text/html", None)
        .await?;
    Ok(())
}

#[tokio::test]
async fn header_response_protected_key() -> TestResult {
    let response = client()
        .header_client()
        .response_protected_key(None)
        .await?;
    let content_type = response.content_type().expect("a content-type header");
    // Express adds a charset to the type it is given.
    assert_eq!(content_type.split(';').next(), Some("text/html"));
    Ok(())
}

#[tokio::test]
async fn custom_header_in_request() -> TestResult {
    let mut method_options = ClientMethodOptions::default();
    method_options.context.insert(ClientRequestId::new(
        "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0".to_string(),
    ));
    let options = HeaderCustomRequestIdOptions { method_options };
    client()
        .header_client()
        .custom_request_id(Some(options))
        .await?;
    Ok(())
}

// ---- request headers ---------------------------------------------------------------

#[tokio::test]
async fn header_parameter_integer_positive() -> TestResult {
    client()
        .header_client()
        .param_integer("positive", 1, None)
        .await?;
    Ok(())
}

#[tokio::test]
async fn header_parameter_integer_negative() -> TestResult {
    client()
        .header_client()
        .param_integer("negative", -2, None)
        .await?;
    Ok(())
}

#[tokio::test]
async fn header_parameter_long_positive() -> TestResult {
    client()
        .header_client()
        .param_long("positive", 105, None)
        .await?;
    Ok(())
}

#[tokio::test]
async fn header_parameter_long_negative() -> TestResult {
    client()
        .header_client()
        .param_long("negative", -2, None)
        .await?;
    Ok(())
}

#[tokio::test]
async fn header_parameter_float_positive() -> TestResult {
    client()
        .header_client()
        .param_float("positive", 0.07, None)
        .await?;
    Ok(())
}

#[tokio::test]
async fn header_parameter_float_negative() -> TestResult {
    client()
        .header_client()
        .param_float("negative", -3.0, None)
        .await?;
    Ok(())
}

#[tokio::test]
async fn header_parameter_double_positive() -> TestResult {
    client()
        .header_client()
        .param_double("positive", 7e120, None)
        .await?;
    Ok(())
}

#[tokio::test]
async fn header_parameter_double_negative() -> TestResult {
    client()
        .header_client()
        .param_double("negative", -3.0, None)
        .await?;
    Ok(())
}

#[tokio::test]
async fn header_parameter_bool_true() -> TestResult {
    client()
        .header_client()
        .param_bool("true", true, None)
        .await?;
    Ok(())
}

#[tokio::test]
async fn header_parameter_bool_false() -> TestResult {
    client()
        .header_client()
        .param_bool("false", false, None)
        .await?;
    Ok(())
}

#[tokio::test]
async fn header_parameter_string_valid() -> TestResult {
    client()
        .header_client()
        .param_string("valid", string_options(Some(FOX)))
        .await?;
    Ok(())
}

#[tokio::test]
async fn header_parameter_string_null() -> TestResult {
    client()
        .header_client()
        .param_string("null", string_options(None))
        .await?;
    Ok(())
}

#[tokio::test]
async fn header_parameter_string_empty() -> TestResult {
    client()
        .header_client()
        .param_string("empty", string_options(Some("")))
        .await?;
    Ok(())
}

#[tokio::test]
async fn header_parameter_enum_valid() -> TestResult {
    let options = HeaderParamEnumOptions {
        value: Some(GreyscaleColors::Grey),
        ..Default::default()
    };
    client()
        .header_client()
        .param_enum("valid", Some(options))
        .await?;
    Ok(())
}

#[tokio::test]
async fn header_parameter_enum_null() -> TestResult {
    client().header_client().param_enum("null", None).await?;
    Ok(())
}

#[tokio::test]
async fn header_parameter_date_valid() -> TestResult {
    client()
        .header_client()
        .param_date("valid", &date!(2010 - 01 - 01), None)
        .await?;
    Ok(())
}

#[tokio::test]
async fn header_parameter_date_min() -> TestResult {
    client()
        .header_client()
        .param_date("min", &date!(0001 - 01 - 01), None)
        .await?;
    Ok(())
}

#[tokio::test]
async fn header_parameter_date_time_valid() -> TestResult {
    client()
        .header_client()
        .param_datetime("valid", &datetime!(2010-01-01 12:34:56 UTC), None)
        .await?;
    Ok(())
}

#[tokio::test]
async fn header_parameter_date_time_min() -> TestResult {
    client()
        .header_client()
        .param_datetime("min", &datetime!(0001-01-01 00:00:00 UTC), None)
        .await?;
    Ok(())
}

#[tokio::test]
async fn header_parameter_date_time_rfc1123_valid() -> TestResult {
    let options = HeaderParamDatetimeRfc1123Options {
        value: Some(datetime!(2010-01-01 12:34:56 UTC)),
        ..Default::default()
    };
    client()
        .header_client()
        .param_datetime_rfc1123("valid", Some(options))
        .await?;
    Ok(())
}

#[tokio::test]
async fn header_parameter_date_time_rfc1123_min() -> TestResult {
    let options = HeaderParamDatetimeRfc1123Options {
        value: Some(datetime!(0001-01-01 00:00:00 UTC)),
        ..Default::default()
    };
    client()
        .header_client()
        .param_datetime_rfc1123("min", Some(options))
        .await?;
    Ok(())
}

#[tokio::test]
async fn header_parameter_duration_valid() -> TestResult {
    let duration = Duration {
        days: 123,
        hours: 22,
        minutes: 14,
        seconds: 12.011,
        ..Default::default()
    };
    client()
        .header_client()
        .param_duration("valid", &duration, None)
        .await?;
    Ok(())
}

#[tokio::test]
async fn header_parameter_bytes_valid() -> TestResult {
    client()
        .header_client()
        .param_byte("valid", MULTIBYTE.as_bytes(), None)
        .await?;
    Ok(())
}

// ---- response headers --------------------------------------------------------------

#[tokio::test]
async fn header_response_integer_positive() -> TestResult {
    let response = client()
        .header_client()
        .response_integer("positive", None)
        .await?;
    assert_eq!(value(&response).parse::<i32>()?, 1);
    Ok(())
}

#[tokio::test]
async fn header_response_integer_negative() -> TestResult {
    let response = client()
        .header_client()
        .response_integer("negative", None)
        .await?;
    assert_eq!(value(&response).parse::<i32>()?, -2);
    Ok(())
}

#[tokio::test]
async fn header_response_long_positive() -> TestResult {
    let response = client()
        .header_client()
        .response_long("positive", None)
        .await?;
    assert_eq!(value(&response).parse::<i64>()?, 105);
    Ok(())
}

#[tokio::test]
async fn header_response_long_negative() -> TestResult {
    let response = client()
        .header_client()
        .response_long("negative", None)
        .await?;
    assert_eq!(value(&response).parse::<i64>()?, -2);
    Ok(())
}

#[tokio::test]
async fn header_response_float_positive() -> TestResult {
    let response = client()
        .header_client()
        .response_float("positive", None)
        .await?;
    assert_eq!(value(&response).parse::<f32>()?, 0.07);
    Ok(())
}

#[tokio::test]
async fn header_response_float_negative() -> TestResult {
    let response = client()
        .header_client()
        .response_float("negative", None)
        .await?;
    assert_eq!(value(&response).parse::<f32>()?, -3.0);
    Ok(())
}

#[tokio::test]
async fn header_response_double_positive() -> TestResult {
    let response = client()
        .header_client()
        .response_double("positive", None)
        .await?;
    assert_eq!(value(&response).parse::<f64>()?, 7e120);
    Ok(())
}

#[tokio::test]
async fn header_response_double_negative() -> TestResult {
    let response = client()
        .header_client()
        .response_double("negative", None)
        .await?;
    assert_eq!(value(&response).parse::<f64>()?, -3.0);
    Ok(())
}

#[tokio::test]
async fn header_response_bool_true() -> TestResult {
    let response = client().header_client().response_bool("true", None).await?;
    assert!(value(&response).parse::<bool>()?);
    Ok(())
}

#[tokio::test]
async fn header_response_bool_false() -> TestResult {
    let response = client()
        .header_client()
        .response_bool("false", None)
        .await?;
    assert!(!value(&response).parse::<bool>()?);
    Ok(())
}

#[tokio::test]
async fn header_response_string_valid() -> TestResult {
    let response = client()
        .header_client()
        .response_string("valid", None)
        .await?;
    assert_eq!(value(&response), FOX);
    Ok(())
}

#[tokio::test]
async fn header_response_string_null() -> TestResult {
    let response = client()
        .header_client()
        .response_string("null", None)
        .await?;
    // The server sets the header to JavaScript's `null`, which Express writes as the
    // text `null`: a raw-string accessor cannot tell it from the string "null".
    assert_eq!(response.value(), Some("null"));
    Ok(())
}

#[tokio::test]
async fn header_response_string_empty() -> TestResult {
    let response = client()
        .header_client()
        .response_string("empty", None)
        .await?;
    assert_eq!(value(&response), "");
    Ok(())
}

#[tokio::test]
async fn header_response_enum_valid() -> TestResult {
    let response = client()
        .header_client()
        .response_enum("valid", None)
        .await?;
    assert_eq!(
        value(&response).parse::<GreyscaleColors>()?,
        GreyscaleColors::Grey
    );
    Ok(())
}

#[tokio::test]
async fn header_response_enum_null() -> TestResult {
    let response = client().header_client().response_enum("null", None).await?;
    // The server sends an empty header for a null enum.
    let parsed = response
        .value()
        .filter(|v| !v.is_empty())
        .map(str::parse::<GreyscaleColors>)
        .transpose()?;
    assert_eq!(parsed, None);
    Ok(())
}

#[tokio::test]
async fn header_response_date_valid() -> TestResult {
    let response = client()
        .header_client()
        .response_date("valid", None)
        .await?;
    let parsed: time::Date = decode::<_, codec::Date>(value(&response));
    assert_eq!(parsed, date!(2010 - 01 - 01));
    Ok(())
}

#[tokio::test]
async fn header_response_date_min() -> TestResult {
    let response = client().header_client().response_date("min", None).await?;
    let parsed: time::Date = decode::<_, codec::Date>(value(&response));
    assert_eq!(parsed, date!(0001 - 01 - 01));
    Ok(())
}

#[tokio::test]
async fn header_response_date_time_valid() -> TestResult {
    let response = client()
        .header_client()
        .response_datetime("valid", None)
        .await?;
    let parsed = codec::parse_rfc3339(value(&response)).expect("an RFC 3339 date-time");
    assert_eq!(parsed, datetime!(2010-01-01 12:34:56 UTC));
    Ok(())
}

#[tokio::test]
async fn header_response_date_time_min() -> TestResult {
    let response = client()
        .header_client()
        .response_datetime("min", None)
        .await?;
    let parsed = codec::parse_rfc3339(value(&response)).expect("an RFC 3339 date-time");
    assert_eq!(parsed, datetime!(0001-01-01 00:00:00 UTC));
    Ok(())
}

#[tokio::test]
async fn header_response_date_time_rfc1123_valid() -> TestResult {
    let response = client()
        .header_client()
        .response_datetime_rfc1123("valid", None)
        .await?;
    let parsed: time::OffsetDateTime = decode::<_, codec::Rfc1123>(value(&response));
    assert_eq!(parsed, datetime!(2010-01-01 12:34:56 UTC));
    Ok(())
}

#[tokio::test]
async fn header_response_date_time_rfc1123_min() -> TestResult {
    let response = client()
        .header_client()
        .response_datetime_rfc1123("min", None)
        .await?;
    let parsed: time::OffsetDateTime = decode::<_, codec::Rfc1123>(value(&response));
    assert_eq!(parsed, datetime!(0001-01-01 00:00:00 UTC));
    Ok(())
}

#[tokio::test]
async fn header_response_duration_valid() -> TestResult {
    let response = client()
        .header_client()
        .response_duration("valid", None)
        .await?;
    let parsed = value(&response).parse::<Duration>()?;
    assert_eq!(
        parsed,
        Duration {
            days: 123,
            hours: 22,
            minutes: 14,
            seconds: 12.011,
            ..Default::default()
        }
    );
    Ok(())
}

#[tokio::test]
async fn header_response_bytes_valid() -> TestResult {
    let response = client()
        .header_client()
        .response_byte("valid", None)
        .await?;
    let parsed: Vec<u8> = decode::<_, codec::Base64>(value(&response));
    assert_eq!(parsed, MULTIBYTE.as_bytes());
    Ok(())
}
