//! Wire formats: date-times as instants, dates, RFC 1123, unix time, base64, durations, uuids.

use fixture_formats::models::{Blob, Formats, Instant, Timestamps};
use serde_json::json;
use time::macros::{date, datetime};

fn wire() -> serde_json::Value {
    json!({
        "createdAt": "2024-05-06T07:08:09.5Z",
        "birthday": "1990-12-31",
        "lastModified": "Sun, 06 Nov 1994 08:49:37 GMT",
        "timeout": "PT1H30M",
        "count": 7,
        "size": 9_007_199_254_740_993_i64,
        "plainInteger": -1,
        "ratio": 0.5,
        "precise": 0.1,
        "plainNumber": 2.5,
        "content": "aGVsbG8=",
        "id": "6f1c9a4e-8b1d-4c2a-9e7f-0a1b2c3d4e5f",
        "expiresOn": 1_700_000_000,
        "password": "p@ss",
        "endpoint": "https://myregistry.azurecr.io",
        "history": ["2024-01-01T00:00:00Z", "2024-02-01T00:00:00+02:00"],
        "windows": [["2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"]],
        "checkpoints": { "a": "2024-01-01T00:00:00+01:00" },
        "timestamps": { "b": "2024-01-01T00:00:00Z" },
        "blob": "AAEC",
        "instant": "2024-06-01T12:00:00Z"
    })
}

#[test]
fn every_format_round_trips() {
    let f: Formats = serde_json::from_value(wire()).unwrap();
    assert_eq!(f.created_at, Some(datetime!(2024-05-06 07:08:09.5 UTC)));
    assert_eq!(f.birthday, Some(date!(1990 - 12 - 31)));
    assert_eq!(f.last_modified, Some(datetime!(1994-11-06 08:49:37 UTC)));
    assert_eq!(
        f.timeout.and_then(|d| d.to_std()),
        Some(std::time::Duration::from_secs(5400))
    );
    assert_eq!(f.count, Some(7));
    assert_eq!(f.size, Some(9_007_199_254_740_993));
    assert_eq!(f.ratio, Some(0.5));
    assert_eq!(f.content.as_deref(), Some(&b"hello"[..]));
    assert_eq!(
        f.id.map(|id| id.to_string()).as_deref(),
        Some("6f1c9a4e-8b1d-4c2a-9e7f-0a1b2c3d4e5f")
    );
    assert_eq!(f.expires_on, Some(datetime!(2023-11-14 22:13:20 UTC)));
    assert_eq!(
        f.history.as_ref().unwrap()[1],
        datetime!(2024-01-31 22:00 UTC)
    );
    assert_eq!(f.windows.as_ref().map(|w| w[0].len()), Some(2));
    assert_eq!(
        f.checkpoints.as_ref().map(|c| c["a"]),
        Some(datetime!(2023-12-31 23:00 UTC))
    );
    assert_eq!(serde_json::to_value(&f).unwrap(), wire());
}

#[test]
fn aliases_keep_their_wire_format() {
    let f: Formats = serde_json::from_value(wire()).unwrap();
    let blob: &Blob = f.blob.as_ref().unwrap();
    assert_eq!(blob, &[0, 1, 2]);
    let timestamps: &Timestamps = f.timestamps.as_ref().unwrap();
    assert_eq!(timestamps["b"], datetime!(2024-01-01 0:00 UTC));
    let instant: Instant = f.instant.unwrap();
    assert_eq!(instant, datetime!(2024-06-01 12:00 UTC));
}

#[test]
fn constructed_values_use_the_spec_formats() {
    let mut f = Formats::new(datetime!(2024-01-01 0:00 +1), vec![]);
    f.content = Some(vec![0xff, 0xfe]);
    f.expires_on = Some(datetime!(1970-01-01 0:01 UTC));
    f.timeout = Some("P1DT2H".parse().unwrap());
    assert_eq!(
        serde_json::to_value(&f).unwrap(),
        json!({
            "createdAt": "2024-01-01T00:00:00+01:00",
            "history": [],
            "content": "//4=",
            "expiresOn": 60,
            "timeout": "P1DT2H"
        })
    );
    assert!(
        serde_json::from_value::<Formats>(json!({ "createdAt": "yesterday", "history": [] }))
            .is_err()
    );
}
