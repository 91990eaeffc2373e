//! body-array.json: arrays of primitives, dates, bytes, models, arrays and dictionaries.
//!
//! Scenarios whose data the item type cannot hold (nulls in a `Vec<T>`, a string among
//! numbers, invalid JSON) assert that `into_model()` fails with a data-conversion error,
//! after checking the raw body is what the scenario sends.

mod common;

use std::collections::BTreeMap;

use azure_core::error::ErrorKind;
use common::{server, TestResult};
use conf_body_array::models::{
    ArrayGetStringEnumValidResponseItem as StringEnumOut,
    ArrayPutStringEnumValidBodyItem as StringEnumIn, FooEnum, Product,
};
use conf_body_array::runtime::Duration;
use conf_body_array::AutoRestSwaggerBatArrayServiceClient as Client;
use serde_json::json;
use time::macros::{date, datetime};

fn client() -> Client {
    Client::new(&server(), None).expect("a client")
}

/// The typed result could not be read from the body.
fn assert_conversion_error<T: std::fmt::Debug>(result: azure_core::Result<T>) {
    let error = result.expect_err("the body should not deserialize");
    assert_eq!(*error.kind(), ErrorKind::DataConversion, "{error}");
}

fn product(integer: i64, string: &str) -> Product {
    Product {
        integer: Some(integer),
        string: Some(string.to_string()),
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn dict(entries: &[(&str, &str)]) -> BTreeMap<String, String> {
    entries
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

// ---- empty, null, invalid ----

#[tokio::test]
async fn put_array_empty() -> TestResult {
    let response = client().array_client().put_empty(&[], None).await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn get_array_empty() -> TestResult {
    let value = client()
        .array_client()
        .get_empty(None)
        .await?
        .into_model()?;
    assert_eq!(value, Vec::<i64>::new());
    Ok(())
}

#[tokio::test]
async fn get_array_null() -> TestResult {
    // The server answers 200 without a body: a null array. `Vec<i64>` cannot say so.
    let response = client().array_client().get_null(None).await?;
    assert_eq!(response.status(), 200);
    assert_eq!(response.body().json::<Option<Vec<i64>>>()?, None);
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_array_invalid() -> TestResult {
    let response = client().array_client().get_invalid(None).await?;
    assert_eq!(response.status(), 200);
    assert_conversion_error(response.into_model());
    Ok(())
}

// ---- boolean ----

#[tokio::test]
async fn get_array_boolean_valid() -> TestResult {
    let value = client()
        .array_client()
        .get_boolean_tfft(None)
        .await?
        .into_model()?;
    assert_eq!(value, vec![true, false, false, true]);
    Ok(())
}

#[tokio::test]
async fn put_array_boolean_valid() -> TestResult {
    let response = client()
        .array_client()
        .put_boolean_tfft(&[true, false, false, true], None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn get_array_boolean_with_null() -> TestResult {
    let response = client()
        .array_client()
        .get_boolean_invalid_null(None)
        .await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!([true, null, false])
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_array_boolean_with_string() -> TestResult {
    let response = client()
        .array_client()
        .get_boolean_invalid_string(None)
        .await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!([true, "boolean", false])
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

// ---- integer ----

#[tokio::test]
async fn get_array_integer_valid() -> TestResult {
    let value = client()
        .array_client()
        .get_integer_valid(None)
        .await?
        .into_model()?;
    assert_eq!(value, vec![1, -1, 3, 300]);
    Ok(())
}

#[tokio::test]
async fn put_array_integer_valid() -> TestResult {
    let response = client()
        .array_client()
        .put_integer_valid(&[1, -1, 3, 300], None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn get_array_integer_with_null() -> TestResult {
    let response = client().array_client().get_int_invalid_null(None).await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!([1, null, 0])
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_array_integer_with_string() -> TestResult {
    let response = client().array_client().get_int_invalid_string(None).await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!([1, "integer", 0])
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

// ---- long ----

#[tokio::test]
async fn get_array_long_valid() -> TestResult {
    let value = client()
        .array_client()
        .get_long_valid(None)
        .await?
        .into_model()?;
    assert_eq!(value, vec![1i64, -1, 3, 300]);
    Ok(())
}

#[tokio::test]
async fn put_array_long_valid() -> TestResult {
    let response = client()
        .array_client()
        .put_long_valid(&[1, -1, 3, 300], None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn get_array_long_with_null() -> TestResult {
    let response = client().array_client().get_long_invalid_null(None).await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!([1, null, 0])
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_array_long_with_string() -> TestResult {
    let response = client()
        .array_client()
        .get_long_invalid_string(None)
        .await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!([1, "integer", 0])
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

// ---- float ----

#[tokio::test]
async fn get_array_float_valid() -> TestResult {
    let value = client()
        .array_client()
        .get_float_valid(None)
        .await?
        .into_model()?;
    assert_eq!(value, vec![0.0f32, -0.01, -1.2e20]);
    Ok(())
}

#[tokio::test]
async fn put_array_float_valid() -> TestResult {
    let response = client()
        .array_client()
        .put_float_valid(&[0.0, -0.01, -1.2e20], None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn get_array_float_with_null() -> TestResult {
    let response = client().array_client().get_float_invalid_null(None).await?;
    assert_eq!(
        response.body().json::<Vec<Option<f64>>>()?,
        vec![Some(0.0), None, Some(-1.2e20)]
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_array_float_with_string() -> TestResult {
    let response = client()
        .array_client()
        .get_float_invalid_string(None)
        .await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!([1, "number", 0])
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

// ---- double ----

#[tokio::test]
async fn get_array_double_valid() -> TestResult {
    let value = client()
        .array_client()
        .get_double_valid(None)
        .await?
        .into_model()?;
    assert_eq!(value, vec![0.0f64, -0.01, -1.2e20]);
    Ok(())
}

#[tokio::test]
async fn put_array_double_valid() -> TestResult {
    let response = client()
        .array_client()
        .put_double_valid(&[0.0, -0.01, -1.2e20], None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn get_array_double_with_null() -> TestResult {
    let response = client()
        .array_client()
        .get_double_invalid_null(None)
        .await?;
    assert_eq!(
        response.body().json::<Vec<Option<f64>>>()?,
        vec![Some(0.0), None, Some(-1.2e20)]
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_array_double_with_string() -> TestResult {
    let response = client()
        .array_client()
        .get_double_invalid_string(None)
        .await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!([1, "number", 0])
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

// ---- string ----

#[tokio::test]
async fn get_array_string_valid() -> TestResult {
    let value = client()
        .array_client()
        .get_string_valid(None)
        .await?
        .into_model()?;
    assert_eq!(value, strings(&["foo1", "foo2", "foo3"]));
    Ok(())
}

#[tokio::test]
async fn put_array_string_valid() -> TestResult {
    let response = client()
        .array_client()
        .put_string_valid(&strings(&["foo1", "foo2", "foo3"]), None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn get_array_string_with_null() -> TestResult {
    // The spec marks the items `x-nullable`, so `Vec<Option<String>>` would hold
    // ["foo", null, "foo2"]; the generated `Vec<String>` cannot.
    let response = client().array_client().get_string_with_null(None).await?;
    assert_eq!(
        response.body().json::<Vec<Option<String>>>()?,
        vec![Some("foo".to_string()), None, Some("foo2".to_string())]
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_array_string_with_number() -> TestResult {
    let response = client()
        .array_client()
        .get_string_with_invalid(None)
        .await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!(["foo", 123, "foo2"])
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

// ---- enums ----

#[tokio::test]
async fn get_array_enum_valid() -> TestResult {
    let value = client()
        .array_client()
        .get_enum_valid(None)
        .await?
        .into_model()?;
    assert_eq!(value, vec![FooEnum::Foo1, FooEnum::Foo2, FooEnum::Foo3]);
    Ok(())
}

#[tokio::test]
async fn put_array_enum_valid() -> TestResult {
    let response = client()
        .array_client()
        .put_enum_valid(&[FooEnum::Foo1, FooEnum::Foo2, FooEnum::Foo3], None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn get_array_string_enum_valid() -> TestResult {
    let value = client()
        .array_client()
        .get_string_enum_valid(None)
        .await?
        .into_model()?;
    assert_eq!(
        value,
        vec![
            StringEnumOut::Foo1,
            StringEnumOut::Foo2,
            StringEnumOut::Foo3
        ]
    );
    Ok(())
}

#[tokio::test]
async fn put_array_string_enum_valid() -> TestResult {
    let response = client()
        .array_client()
        .put_string_enum_valid(
            &[StringEnumIn::Foo1, StringEnumIn::Foo2, StringEnumIn::Foo3],
            None,
        )
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

// ---- uuid ----

const UUIDS: [&str; 3] = [
    "6dcc7237-45fe-45c4-8a6b-3a8a3f625652",
    "d1399005-30f7-40d6-8da6-dd7c89ad34db",
    "f42f6aa1-a5bc-4ddf-907e-5f915de43205",
];

#[tokio::test]
async fn get_array_uuid_valid() -> TestResult {
    let value = client()
        .array_client()
        .get_uuid_valid(None)
        .await?
        .into_model()?;
    let text: Vec<String> = value.iter().map(ToString::to_string).collect();
    assert_eq!(text, strings(&UUIDS));
    Ok(())
}

#[tokio::test]
async fn put_array_uuid_valid() -> TestResult {
    // The test crate has no `uuid` dependency: the values are read from JSON.
    let values: Vec<_> = serde_json::from_value(json!(UUIDS))?;
    let response = client()
        .array_client()
        .put_uuid_valid(&values, None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn get_array_uuid_with_invalid_chars() -> TestResult {
    let response = client().array_client().get_uuid_invalid_chars(None).await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!([UUIDS[0], "foo"])
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

// ---- date ----

#[tokio::test]
async fn get_array_date_valid() -> TestResult {
    let value = client()
        .array_client()
        .get_date_valid(None)
        .await?
        .into_model()?;
    assert_eq!(
        value,
        vec![
            date!(2000 - 12 - 01),
            date!(1980 - 01 - 02),
            date!(1492 - 10 - 12)
        ]
    );
    Ok(())
}

#[tokio::test]
async fn put_array_date_valid() -> TestResult {
    let response = client()
        .array_client()
        .put_date_valid(
            &[
                date!(2000 - 12 - 01),
                date!(1980 - 01 - 02),
                date!(1492 - 10 - 12),
            ],
            None,
        )
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn get_array_date_with_null() -> TestResult {
    let response = client().array_client().get_date_invalid_null(None).await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!(["2012-01-01", null, "1776-07-04"])
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_array_date_with_invalid_chars() -> TestResult {
    let response = client().array_client().get_date_invalid_chars(None).await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!(["2011-03-22", "date"])
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

// ---- date-time ----

#[tokio::test]
async fn get_array_date_time_valid() -> TestResult {
    let value = client()
        .array_client()
        .get_date_time_valid(None)
        .await?
        .into_model()?;
    assert_eq!(
        value,
        vec![
            datetime!(2000-12-01 00:00:01 UTC),
            datetime!(1980-01-02 00:11:35 +01:00),
            datetime!(1492-10-12 10:15:01 -08:00),
        ]
    );
    Ok(())
}

#[tokio::test]
async fn put_array_date_time_valid() -> TestResult {
    let response = client()
        .array_client()
        .put_date_time_valid(
            &[
                datetime!(2000-12-01 00:00:01 UTC),
                datetime!(1980-01-02 00:11:35 UTC),
                datetime!(1492-10-12 10:15:01 UTC),
            ],
            None,
        )
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn get_array_date_time_with_null() -> TestResult {
    let response = client()
        .array_client()
        .get_date_time_invalid_null(None)
        .await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!(["2000-12-01T00:00:01.000Z", null])
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_array_date_time_with_invalid_chars() -> TestResult {
    let response = client()
        .array_client()
        .get_date_time_invalid_chars(None)
        .await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!(["2000-12-01t00:00:01z", "date-time"])
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

// ---- date-time-rfc1123 ----

#[tokio::test]
async fn get_array_date_time_rfc1123_valid() -> TestResult {
    let value = client()
        .array_client()
        .get_date_time_rfc1123_valid(None)
        .await?
        .into_model()?;
    assert_eq!(
        value,
        vec![
            datetime!(2000-12-01 00:00:01 UTC),
            datetime!(1980-01-02 00:11:35 UTC),
            datetime!(1492-10-12 10:15:01 UTC),
        ]
    );
    Ok(())
}

#[tokio::test]
async fn put_array_date_time_rfc1123_valid() -> TestResult {
    let response = client()
        .array_client()
        .put_date_time_rfc1123_valid(
            &[
                datetime!(2000-12-01 00:00:01 UTC),
                datetime!(1980-01-02 00:11:35 UTC),
                datetime!(1492-10-12 10:15:01 UTC),
            ],
            None,
        )
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

// ---- duration ----

#[tokio::test]
async fn get_array_duration_valid() -> TestResult {
    let value = client()
        .array_client()
        .get_duration_valid(None)
        .await?
        .into_model()?;
    assert_eq!(
        value,
        vec![
            Duration {
                days: 123,
                hours: 22,
                minutes: 14,
                seconds: 12.011,
                ..Duration::default()
            },
            Duration {
                days: 5,
                hours: 1,
                ..Duration::default()
            },
        ]
    );
    Ok(())
}

#[tokio::test]
async fn put_array_duration_valid() -> TestResult {
    let values: Vec<Duration> = vec!["P123DT22H14M12.011S".parse()?, "P5DT1H".parse()?];
    let response = client()
        .array_client()
        .put_duration_valid(&values, None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

// ---- byte, base64url ----

fn bytes() -> Vec<Vec<u8>> {
    vec![vec![255, 255, 255, 250], vec![1, 2, 3], vec![37, 41, 67]]
}

#[tokio::test]
async fn get_array_byte_valid() -> TestResult {
    let value = client()
        .array_client()
        .get_byte_valid(None)
        .await?
        .into_model()?;
    assert_eq!(value, bytes());
    Ok(())
}

#[tokio::test]
async fn put_array_byte_valid() -> TestResult {
    let response = client()
        .array_client()
        .put_byte_valid(&bytes(), None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn get_array_byte_with_null() -> TestResult {
    let response = client().array_client().get_byte_invalid_null(None).await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!(["q6yt", null])
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_array_base64_url() -> TestResult {
    // `format: base64url` items are generated as `String`: the encoded text, not bytes.
    let value = client()
        .array_client()
        .get_base64_url(None)
        .await?
        .into_model()?;
    assert_eq!(
        value,
        strings(&[
            "YSBzdHJpbmcgdGhhdCBnZXRzIGVuY29kZWQgd2l0aCBiYXNlNjR1cmw",
            "dGVzdCBzdHJpbmc",
            "TG9yZW0gaXBzdW0",
        ])
    );
    Ok(())
}

// ---- complex ----

#[tokio::test]
async fn get_array_complex_null() -> TestResult {
    let response = client().array_client().get_complex_null(None).await?;
    assert_eq!(response.status(), 200);
    assert_eq!(response.body().json::<Option<Vec<Product>>>()?, None);
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_array_complex_empty() -> TestResult {
    let value = client()
        .array_client()
        .get_complex_empty(None)
        .await?
        .into_model()?;
    assert_eq!(value, Vec::<Product>::new());
    Ok(())
}

#[tokio::test]
async fn get_array_complex_item_null() -> TestResult {
    // The items are `x-nullable`; the generated `Vec<Product>` cannot hold the null.
    let response = client().array_client().get_complex_item_null(None).await?;
    assert_eq!(
        response.body().json::<Vec<Option<Product>>>()?,
        vec![Some(product(1, "2")), None, Some(product(5, "6"))]
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_array_complex_item_empty() -> TestResult {
    let value = client()
        .array_client()
        .get_complex_item_empty(None)
        .await?
        .into_model()?;
    assert_eq!(
        value,
        vec![product(1, "2"), Product::default(), product(5, "6")]
    );
    Ok(())
}

#[tokio::test]
async fn get_array_complex_valid() -> TestResult {
    let value = client()
        .array_client()
        .get_complex_valid(None)
        .await?
        .into_model()?;
    assert_eq!(
        value,
        vec![product(1, "2"), product(3, "4"), product(5, "6")]
    );
    Ok(())
}

#[tokio::test]
async fn put_array_complex_valid() -> TestResult {
    let response = client()
        .array_client()
        .put_complex_valid(&[product(1, "2"), product(3, "4"), product(5, "6")], None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

// ---- array of arrays ----

#[tokio::test]
async fn get_array_array_null() -> TestResult {
    let response = client().array_client().get_array_null(None).await?;
    assert_eq!(response.status(), 200);
    assert_eq!(response.body().json::<Option<Vec<Vec<String>>>>()?, None);
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_array_array_empty() -> TestResult {
    let value = client()
        .array_client()
        .get_array_empty(None)
        .await?
        .into_model()?;
    assert_eq!(value, Vec::<Vec<String>>::new());
    Ok(())
}

#[tokio::test]
async fn get_array_array_item_null() -> TestResult {
    // The items are `x-nullable`; the generated `Vec<Vec<String>>` cannot hold the null.
    let response = client().array_client().get_array_item_null(None).await?;
    assert_eq!(
        response.body().json::<Vec<Option<Vec<String>>>>()?,
        vec![
            Some(strings(&["1", "2", "3"])),
            None,
            Some(strings(&["7", "8", "9"]))
        ]
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_array_array_item_empty() -> TestResult {
    let value = client()
        .array_client()
        .get_array_item_empty(None)
        .await?
        .into_model()?;
    assert_eq!(
        value,
        vec![strings(&["1", "2", "3"]), vec![], strings(&["7", "8", "9"])]
    );
    Ok(())
}

fn array_of_arrays() -> Vec<Vec<String>> {
    vec![
        strings(&["1", "2", "3"]),
        strings(&["4", "5", "6"]),
        strings(&["7", "8", "9"]),
    ]
}

#[tokio::test]
async fn get_array_array_valid() -> TestResult {
    let value = client()
        .array_client()
        .get_array_valid(None)
        .await?
        .into_model()?;
    assert_eq!(value, array_of_arrays());
    Ok(())
}

#[tokio::test]
async fn put_array_array_valid() -> TestResult {
    let response = client()
        .array_client()
        .put_array_valid(&array_of_arrays(), None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

// ---- array of dictionaries ----

#[tokio::test]
async fn get_array_dictionary_null() -> TestResult {
    let response = client().array_client().get_dictionary_null(None).await?;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response
            .body()
            .json::<Option<Vec<BTreeMap<String, String>>>>()?,
        None
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_array_dictionary_empty() -> TestResult {
    let value = client()
        .array_client()
        .get_dictionary_empty(None)
        .await?
        .into_model()?;
    assert_eq!(value, Vec::<BTreeMap<String, String>>::new());
    Ok(())
}

fn one_two_three() -> BTreeMap<String, String> {
    dict(&[("1", "one"), ("2", "two"), ("3", "three")])
}

fn seven_eight_nine() -> BTreeMap<String, String> {
    dict(&[("7", "seven"), ("8", "eight"), ("9", "nine")])
}

#[tokio::test]
async fn get_array_dictionary_item_null() -> TestResult {
    // The items are `x-nullable`; the generated `Vec<BTreeMap<..>>` cannot hold the null.
    let response = client()
        .array_client()
        .get_dictionary_item_null(None)
        .await?;
    assert_eq!(
        response
            .body()
            .json::<Vec<Option<BTreeMap<String, String>>>>()?,
        vec![Some(one_two_three()), None, Some(seven_eight_nine())]
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_array_dictionary_item_empty() -> TestResult {
    let value = client()
        .array_client()
        .get_dictionary_item_empty(None)
        .await?
        .into_model()?;
    assert_eq!(
        value,
        vec![one_two_three(), BTreeMap::new(), seven_eight_nine()]
    );
    Ok(())
}

fn array_of_dictionaries() -> Vec<BTreeMap<String, String>> {
    vec![
        one_two_three(),
        dict(&[("4", "four"), ("5", "five"), ("6", "six")]),
        seven_eight_nine(),
    ]
}

#[tokio::test]
async fn get_array_dictionary_valid() -> TestResult {
    let value = client()
        .array_client()
        .get_dictionary_valid(None)
        .await?
        .into_model()?;
    assert_eq!(value, array_of_dictionaries());
    Ok(())
}

#[tokio::test]
async fn put_array_dictionary_valid() -> TestResult {
    let response = client()
        .array_client()
        .put_dictionary_valid(&array_of_dictionaries(), None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}
