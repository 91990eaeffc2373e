//! body-dictionary.json: dictionaries of primitives, dates, bytes, models, arrays and
//! dictionaries.
//!
//! Scenarios whose data the value type cannot hold (null values in a `BTreeMap<String, T>`,
//! a string among numbers, invalid JSON) assert that `into_model()` fails with a
//! data-conversion error, after checking the raw body is what the scenario sends.

mod common;

use std::collections::BTreeMap;

use azure_core::error::ErrorKind;
use common::{server, TestResult};
use conf_body_dictionary::models::Widget;
use conf_body_dictionary::runtime::Duration;
use conf_body_dictionary::AutoRestSwaggerBatDictionaryServiceClient as Client;
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

/// A dictionary from `(key, value)` pairs.
fn map<V: Clone>(entries: &[(&str, V)]) -> BTreeMap<String, V> {
    entries
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

/// A dictionary keyed "0", "1", ... in order.
fn indexed<V: Clone>(values: &[V]) -> BTreeMap<String, V> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| (i.to_string(), v.clone()))
        .collect()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn widget(integer: i64, string: &str) -> Widget {
    Widget {
        integer: Some(integer),
        string: Some(string.to_string()),
    }
}

// ---- empty, null, invalid, keys ----

#[tokio::test]
async fn put_dictionary_empty() -> TestResult {
    let response = client()
        .dictionary_client()
        .put_empty(&BTreeMap::new(), None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn get_dictionary_null() -> TestResult {
    // The server answers 200 without a body: a null dictionary, which the typed
    // `BTreeMap` cannot say.
    let response = client().dictionary_client().get_null(None).await?;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.body().json::<Option<BTreeMap<String, i64>>>()?,
        None
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_dictionary_empty() -> TestResult {
    let value = client()
        .dictionary_client()
        .get_empty(None)
        .await?
        .into_model()?;
    assert_eq!(value, BTreeMap::new());
    Ok(())
}

#[tokio::test]
async fn get_dictionary_invalid() -> TestResult {
    let response = client().dictionary_client().get_invalid(None).await?;
    assert_eq!(response.status(), 200);
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_dictionary_null_value() -> TestResult {
    // {"key1": null}: `BTreeMap<String, String>` cannot hold a null value.
    let response = client().dictionary_client().get_null_value(None).await?;
    assert_eq!(
        response.body().json::<BTreeMap<String, Option<String>>>()?,
        map(&[("key1", None)])
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_dictionary_nullkey() -> TestResult {
    // {null: "val1"} is not JSON.
    let response = client().dictionary_client().get_null_key(None).await?;
    assert_eq!(response.status(), 200);
    assert!(response.body().json::<serde_json::Value>().is_err());
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_dictionary_key_empty_string() -> TestResult {
    let value = client()
        .dictionary_client()
        .get_empty_string_key(None)
        .await?
        .into_model()?;
    assert_eq!(value, map(&[("", "val1".to_string())]));
    Ok(())
}

// ---- boolean ----

#[tokio::test]
async fn get_dictionary_boolean_valid() -> TestResult {
    let value = client()
        .dictionary_client()
        .get_boolean_tfft(None)
        .await?
        .into_model()?;
    assert_eq!(value, indexed(&[true, false, false, true]));
    Ok(())
}

#[tokio::test]
async fn put_dictionary_boolean_valid() -> TestResult {
    let response = client()
        .dictionary_client()
        .put_boolean_tfft(&indexed(&[true, false, false, true]), None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn get_dictionary_boolean_with_null() -> TestResult {
    let response = client()
        .dictionary_client()
        .get_boolean_invalid_null(None)
        .await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!({"0": true, "1": null, "2": false})
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_dictionary_boolean_with_string() -> TestResult {
    let response = client()
        .dictionary_client()
        .get_boolean_invalid_string(None)
        .await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!({"0": true, "1": "boolean", "2": false})
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

// ---- integer ----

#[tokio::test]
async fn get_dictionary_integer_valid() -> TestResult {
    let value = client()
        .dictionary_client()
        .get_integer_valid(None)
        .await?
        .into_model()?;
    assert_eq!(value, indexed(&[1, -1, 3, 300]));
    Ok(())
}

#[tokio::test]
async fn put_dictionary_integer_valid() -> TestResult {
    let response = client()
        .dictionary_client()
        .put_integer_valid(&indexed(&[1, -1, 3, 300]), None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn get_dictionary_integer_with_null() -> TestResult {
    let response = client()
        .dictionary_client()
        .get_int_invalid_null(None)
        .await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!({"0": 1, "1": null, "2": 0})
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_dictionary_integer_with_string() -> TestResult {
    let response = client()
        .dictionary_client()
        .get_int_invalid_string(None)
        .await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!({"0": 1, "1": "integer", "2": 0})
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

// ---- long ----

#[tokio::test]
async fn get_dictionary_long_valid() -> TestResult {
    let value = client()
        .dictionary_client()
        .get_long_valid(None)
        .await?
        .into_model()?;
    assert_eq!(value, indexed(&[1i64, -1, 3, 300]));
    Ok(())
}

#[tokio::test]
async fn put_dictionary_long_valid() -> TestResult {
    let response = client()
        .dictionary_client()
        .put_long_valid(&indexed(&[1, -1, 3, 300]), None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn get_dictionary_long_with_null() -> TestResult {
    let response = client()
        .dictionary_client()
        .get_long_invalid_null(None)
        .await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!({"0": 1, "1": null, "2": 0})
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_dictionary_long_with_string() -> TestResult {
    let response = client()
        .dictionary_client()
        .get_long_invalid_string(None)
        .await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!({"0": 1, "1": "integer", "2": 0})
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

// ---- float ----

#[tokio::test]
async fn get_dictionary_float_valid() -> TestResult {
    let value = client()
        .dictionary_client()
        .get_float_valid(None)
        .await?
        .into_model()?;
    assert_eq!(value, indexed(&[0.0f32, -0.01, -1.2e20]));
    Ok(())
}

#[tokio::test]
async fn put_dictionary_float_valid() -> TestResult {
    let response = client()
        .dictionary_client()
        .put_float_valid(&indexed(&[0.0, -0.01, -1.2e20]), None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn get_dictionary_float_with_null() -> TestResult {
    let response = client()
        .dictionary_client()
        .get_float_invalid_null(None)
        .await?;
    assert_eq!(
        response.body().json::<BTreeMap<String, Option<f64>>>()?,
        indexed(&[Some(0.0), None, Some(-1.2e20)])
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_dictionary_float_with_string() -> TestResult {
    let response = client()
        .dictionary_client()
        .get_float_invalid_string(None)
        .await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!({"0": 1, "1": "number", "2": 0})
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

// ---- double ----

#[tokio::test]
async fn get_dictionary_double_valid() -> TestResult {
    let value = client()
        .dictionary_client()
        .get_double_valid(None)
        .await?
        .into_model()?;
    assert_eq!(value, indexed(&[0.0f64, -0.01, -1.2e20]));
    Ok(())
}

#[tokio::test]
async fn put_dictionary_double_valid() -> TestResult {
    let response = client()
        .dictionary_client()
        .put_double_valid(&indexed(&[0.0, -0.01, -1.2e20]), None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn get_dictionary_double_with_null() -> TestResult {
    let response = client()
        .dictionary_client()
        .get_double_invalid_null(None)
        .await?;
    assert_eq!(
        response.body().json::<BTreeMap<String, Option<f64>>>()?,
        indexed(&[Some(0.0), None, Some(-1.2e20)])
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_dictionary_double_with_string() -> TestResult {
    let response = client()
        .dictionary_client()
        .get_double_invalid_string(None)
        .await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!({"0": 1, "1": "number", "2": 0})
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

// ---- string ----

#[tokio::test]
async fn get_dictionary_string_valid() -> TestResult {
    let value = client()
        .dictionary_client()
        .get_string_valid(None)
        .await?
        .into_model()?;
    assert_eq!(value, indexed(&strings(&["foo1", "foo2", "foo3"])));
    Ok(())
}

#[tokio::test]
async fn put_dictionary_string_valid() -> TestResult {
    let response = client()
        .dictionary_client()
        .put_string_valid(&indexed(&strings(&["foo1", "foo2", "foo3"])), None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn get_dictionary_string_with_null() -> TestResult {
    let response = client()
        .dictionary_client()
        .get_string_with_null(None)
        .await?;
    assert_eq!(
        response.body().json::<BTreeMap<String, Option<String>>>()?,
        indexed(&[Some("foo".to_string()), None, Some("foo2".to_string())])
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_dictionary_string_with_number() -> TestResult {
    let response = client()
        .dictionary_client()
        .get_string_with_invalid(None)
        .await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!({"0": "foo", "1": 123, "2": "foo2"})
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

// ---- date ----

#[tokio::test]
async fn get_dictionary_date_valid() -> TestResult {
    let value = client()
        .dictionary_client()
        .get_date_valid(None)
        .await?
        .into_model()?;
    assert_eq!(
        value,
        indexed(&[
            date!(2000 - 12 - 01),
            date!(1980 - 01 - 02),
            date!(1492 - 10 - 12)
        ])
    );
    Ok(())
}

#[tokio::test]
async fn put_dictionary_date_valid() -> TestResult {
    let response = client()
        .dictionary_client()
        .put_date_valid(
            &indexed(&[
                date!(2000 - 12 - 01),
                date!(1980 - 01 - 02),
                date!(1492 - 10 - 12),
            ]),
            None,
        )
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn get_dictionary_date_with_null() -> TestResult {
    let response = client()
        .dictionary_client()
        .get_date_invalid_null(None)
        .await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!({"0": "2012-01-01", "1": null, "2": "1776-07-04"})
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_dictionary_date_with_invalid_chars() -> TestResult {
    let response = client()
        .dictionary_client()
        .get_date_invalid_chars(None)
        .await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!({"0": "2011-03-22", "1": "date"})
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

// ---- date-time ----

#[tokio::test]
async fn get_dictionary_date_time_valid() -> TestResult {
    let value = client()
        .dictionary_client()
        .get_date_time_valid(None)
        .await?
        .into_model()?;
    assert_eq!(
        value,
        indexed(&[
            datetime!(2000-12-01 00:00:01 UTC),
            datetime!(1980-01-02 00:11:35 +01:00),
            datetime!(1492-10-12 10:15:01 -08:00),
        ])
    );
    Ok(())
}

#[tokio::test]
async fn put_dictionary_date_time_valid() -> TestResult {
    // The server compares UTC values: 1980-01-01T23:11:35Z, 1492-10-12T18:15:01Z.
    let response = client()
        .dictionary_client()
        .put_date_time_valid(
            &indexed(&[
                datetime!(2000-12-01 00:00:01 UTC),
                datetime!(1980-01-01 23:11:35 UTC),
                datetime!(1492-10-12 18:15:01 UTC),
            ]),
            None,
        )
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn get_dictionary_date_time_with_null() -> TestResult {
    let response = client()
        .dictionary_client()
        .get_date_time_invalid_null(None)
        .await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!({"0": "2000-12-01t00:00:01z", "1": null})
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_dictionary_date_time_with_invalid_chars() -> TestResult {
    let response = client()
        .dictionary_client()
        .get_date_time_invalid_chars(None)
        .await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!({"0": "2000-12-01t00:00:01z", "1": "date-time"})
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

// ---- date-time-rfc1123 ----

#[tokio::test]
async fn get_dictionary_date_time_rfc1123_valid() -> TestResult {
    let value = client()
        .dictionary_client()
        .get_date_time_rfc1123_valid(None)
        .await?
        .into_model()?;
    assert_eq!(
        value,
        indexed(&[
            datetime!(2000-12-01 00:00:01 UTC),
            datetime!(1980-01-02 00:11:35 UTC),
            datetime!(1492-10-12 10:15:01 UTC),
        ])
    );
    Ok(())
}

#[tokio::test]
async fn put_dictionary_date_time_rfc1123_valid() -> TestResult {
    let response = client()
        .dictionary_client()
        .put_date_time_rfc1123_valid(
            &indexed(&[
                datetime!(2000-12-01 00:00:01 UTC),
                datetime!(1980-01-02 00:11:35 UTC),
                datetime!(1492-10-12 10:15:01 UTC),
            ]),
            None,
        )
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

// ---- duration ----

#[tokio::test]
async fn get_dictionary_duration_valid() -> TestResult {
    let value = client()
        .dictionary_client()
        .get_duration_valid(None)
        .await?
        .into_model()?;
    assert_eq!(
        value,
        indexed(&[
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
        ])
    );
    Ok(())
}

#[tokio::test]
async fn put_dictionary_duration_valid() -> TestResult {
    let values: Vec<Duration> = vec!["P123DT22H14M12.011S".parse()?, "P5DT1H".parse()?];
    let response = client()
        .dictionary_client()
        .put_duration_valid(&indexed(&values), None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

// ---- byte, base64url ----

fn bytes() -> BTreeMap<String, Vec<u8>> {
    indexed(&[vec![255, 255, 255, 250], vec![1, 2, 3], vec![37, 41, 67]])
}

#[tokio::test]
async fn get_dictionary_byte_valid() -> TestResult {
    let value = client()
        .dictionary_client()
        .get_byte_valid(None)
        .await?
        .into_model()?;
    assert_eq!(value, bytes());
    Ok(())
}

#[tokio::test]
async fn put_dictionary_byte_valid() -> TestResult {
    let response = client()
        .dictionary_client()
        .put_byte_valid(&bytes(), None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

#[tokio::test]
async fn get_dictionary_byte_with_null() -> TestResult {
    let response = client()
        .dictionary_client()
        .get_byte_invalid_null(None)
        .await?;
    assert_eq!(
        response.body().json::<serde_json::Value>()?,
        json!({"0": "q6yt", "1": null})
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_dictionary_base64_url() -> TestResult {
    // `format: base64url` values are generated as `String`: the encoded text, not bytes.
    let value = client()
        .dictionary_client()
        .get_base64_url(None)
        .await?
        .into_model()?;
    assert_eq!(
        value,
        indexed(&strings(&[
            "YSBzdHJpbmcgdGhhdCBnZXRzIGVuY29kZWQgd2l0aCBiYXNlNjR1cmw",
            "dGVzdCBzdHJpbmc",
            "TG9yZW0gaXBzdW0",
        ]))
    );
    Ok(())
}

// ---- complex ----

#[tokio::test]
async fn get_dictionary_complex_null() -> TestResult {
    let response = client().dictionary_client().get_complex_null(None).await?;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.body().json::<Option<BTreeMap<String, Widget>>>()?,
        None
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_dictionary_complex_empty() -> TestResult {
    let value = client()
        .dictionary_client()
        .get_complex_empty(None)
        .await?
        .into_model()?;
    assert_eq!(value, BTreeMap::new());
    Ok(())
}

#[tokio::test]
async fn get_dictionary_complex_item_null() -> TestResult {
    // The values are `x-nullable`; the generated `BTreeMap<String, Widget>` cannot hold
    // the null.
    let response = client()
        .dictionary_client()
        .get_complex_item_null(None)
        .await?;
    assert_eq!(
        response.body().json::<BTreeMap<String, Option<Widget>>>()?,
        indexed(&[Some(widget(1, "2")), None, Some(widget(5, "6"))])
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_dictionary_complex_item_empty() -> TestResult {
    let value = client()
        .dictionary_client()
        .get_complex_item_empty(None)
        .await?
        .into_model()?;
    assert_eq!(
        value,
        indexed(&[widget(1, "2"), Widget::default(), widget(5, "6")])
    );
    Ok(())
}

fn widgets() -> BTreeMap<String, Widget> {
    indexed(&[widget(1, "2"), widget(3, "4"), widget(5, "6")])
}

#[tokio::test]
async fn get_dictionary_complex_valid() -> TestResult {
    let value = client()
        .dictionary_client()
        .get_complex_valid(None)
        .await?
        .into_model()?;
    assert_eq!(value, widgets());
    Ok(())
}

#[tokio::test]
async fn put_dictionary_complex_valid() -> TestResult {
    let response = client()
        .dictionary_client()
        .put_complex_valid(&widgets(), None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

// ---- dictionary of arrays ----

#[tokio::test]
async fn get_dictionary_array_null() -> TestResult {
    let response = client().dictionary_client().get_array_null(None).await?;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response
            .body()
            .json::<Option<BTreeMap<String, Vec<String>>>>()?,
        None
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_dictionary_array_empty() -> TestResult {
    let value = client()
        .dictionary_client()
        .get_array_empty(None)
        .await?
        .into_model()?;
    assert_eq!(value, BTreeMap::new());
    Ok(())
}

#[tokio::test]
async fn get_dictionary_array_item_null() -> TestResult {
    // The values are `x-nullable`; the generated `BTreeMap<String, Vec<String>>` cannot
    // hold the null.
    let response = client()
        .dictionary_client()
        .get_array_item_null(None)
        .await?;
    assert_eq!(
        response
            .body()
            .json::<BTreeMap<String, Option<Vec<String>>>>()?,
        indexed(&[
            Some(strings(&["1", "2", "3"])),
            None,
            Some(strings(&["7", "8", "9"])),
        ])
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_dictionary_array_item_empty() -> TestResult {
    let value = client()
        .dictionary_client()
        .get_array_item_empty(None)
        .await?
        .into_model()?;
    assert_eq!(
        value,
        indexed(&[strings(&["1", "2", "3"]), vec![], strings(&["7", "8", "9"])])
    );
    Ok(())
}

fn arrays() -> BTreeMap<String, Vec<String>> {
    indexed(&[
        strings(&["1", "2", "3"]),
        strings(&["4", "5", "6"]),
        strings(&["7", "8", "9"]),
    ])
}

#[tokio::test]
async fn get_dictionary_array_valid() -> TestResult {
    let value = client()
        .dictionary_client()
        .get_array_valid(None)
        .await?
        .into_model()?;
    assert_eq!(value, arrays());
    Ok(())
}

#[tokio::test]
async fn put_dictionary_array_valid() -> TestResult {
    let response = client()
        .dictionary_client()
        .put_array_valid(&arrays(), None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}

// ---- dictionary of dictionaries ----

fn one_two_three() -> BTreeMap<String, String> {
    map(&[
        ("1", "one".to_string()),
        ("2", "two".to_string()),
        ("3", "three".to_string()),
    ])
}

fn seven_eight_nine() -> BTreeMap<String, String> {
    map(&[
        ("7", "seven".to_string()),
        ("8", "eight".to_string()),
        ("9", "nine".to_string()),
    ])
}

fn dictionaries() -> BTreeMap<String, BTreeMap<String, String>> {
    indexed(&[
        one_two_three(),
        map(&[
            ("4", "four".to_string()),
            ("5", "five".to_string()),
            ("6", "six".to_string()),
        ]),
        seven_eight_nine(),
    ])
}

#[tokio::test]
async fn get_dictionary_dictionary_null() -> TestResult {
    let response = client()
        .dictionary_client()
        .get_dictionary_null(None)
        .await?;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response
            .body()
            .json::<Option<BTreeMap<String, BTreeMap<String, String>>>>()?,
        None
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_dictionary_dictionary_empty() -> TestResult {
    let value = client()
        .dictionary_client()
        .get_dictionary_empty(None)
        .await?
        .into_model()?;
    assert_eq!(value, BTreeMap::new());
    Ok(())
}

#[tokio::test]
async fn get_dictionary_dictionary_item_null() -> TestResult {
    // The values are `x-nullable`; the generated `BTreeMap<String, BTreeMap<..>>` cannot
    // hold the null.
    let response = client()
        .dictionary_client()
        .get_dictionary_item_null(None)
        .await?;
    assert_eq!(
        response
            .body()
            .json::<BTreeMap<String, Option<BTreeMap<String, String>>>>()?,
        indexed(&[Some(one_two_three()), None, Some(seven_eight_nine())])
    );
    assert_conversion_error(response.into_model());
    Ok(())
}

#[tokio::test]
async fn get_dictionary_dictionary_item_empty() -> TestResult {
    let value = client()
        .dictionary_client()
        .get_dictionary_item_empty(None)
        .await?
        .into_model()?;
    assert_eq!(
        value,
        indexed(&[one_two_three(), BTreeMap::new(), seven_eight_nine()])
    );
    Ok(())
}

#[tokio::test]
async fn get_dictionary_dictionary_valid() -> TestResult {
    let value = client()
        .dictionary_client()
        .get_dictionary_valid(None)
        .await?
        .into_model()?;
    assert_eq!(value, dictionaries());
    Ok(())
}

#[tokio::test]
async fn put_dictionary_dictionary_valid() -> TestResult {
    let response = client()
        .dictionary_client()
        .put_dictionary_valid(&dictionaries(), None)
        .await?;
    assert_eq!(response.status(), 200);
    Ok(())
}
