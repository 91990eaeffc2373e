//! Errors from answers an operation does not document: the status, and the service's
//! ARM error (`{"error": {"code", "message", ...}}`) read with owned strings (so JSON
//! escapes are fine), each text bounded and with anything that looks like a secret
//! replaced by `<redacted>`: an error may be logged, printed or sent on, and a service
//! that echoes the request would otherwise put its bearer token or webhook secrets
//! there. A body that is not an ARM error is left out of the error entirely.
//!
//! The error keeps the response as it came, for a program that reads the error model
//! the spec declares (or `azure_core::error::ErrorResponse::try_from`): its `Debug`
//! shows the status and the headers (which azure_core redacts), never the body.

use std::sync::OnceLock;

use azure_core::error::ErrorKind;
use azure_core::http::headers::ERROR_CODE;
use azure_core::http::RawResponse;
use azure_core::Error;
use regex_lite::Regex;
use serde::Deserialize;

/// The longest error code kept, in characters.
const MAX_CODE: usize = 128;
/// The longest message kept, in characters.
const MAX_MESSAGE: usize = 1024;
/// How many `details` of an ARM error are kept.
const MAX_DETAILS: usize = 16;

/// Every status a server can send: the pipeline accepts them all, and the runtime
/// checks the status itself (see [`check_status`]).
pub(crate) static ANY_STATUS: [u16; 500] = {
    let mut all = [0u16; 500];
    let mut i = 0;
    while i < all.len() {
        all[i] = 100 + i as u16;
        i += 1;
    }
    all
};

/// `raw` if its status is one of `success`, else the error it makes, with the values
/// in `sent` (the request's credentials) redacted wherever the service echoes them.
pub(crate) fn check_status(
    raw: RawResponse,
    success: &[u16],
    sent: &[String],
) -> azure_core::Result<RawResponse> {
    let status = u16::from(raw.status());
    match success.contains(&status) {
        true => Ok(raw),
        false => Err(response_error(raw, sent)),
    }
}

#[derive(Deserialize, Default)]
struct ArmError {
    #[serde(default, deserialize_with = "lenient_detail")]
    error: Option<Detail>,
    /// Services that answer `{"code": .., "message": ..}` without the `error` wrapper.
    #[serde(flatten)]
    bare: Detail,
}

/// An `error` object, or nothing when it is something else.
fn lenient_detail<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Detail>, D::Error> {
    Ok(serde_json::from_value(serde_json::Value::deserialize(d)?).ok())
}

#[derive(Deserialize, Default, Clone)]
struct Detail {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient"
    )]
    code: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient"
    )]
    message: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient"
    )]
    target: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "lenient_details"
    )]
    details: Vec<Detail>,
}

/// A string property, or nothing when it is something else.
fn lenient<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::String(s) => Some(s),
        _ => None,
    })
}

fn lenient_details<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Detail>, D::Error> {
    let values = match serde_json::Value::deserialize(d)? {
        serde_json::Value::Array(values) => values,
        _ => Vec::new(),
    };
    Ok(values
        .into_iter()
        .take(MAX_DETAILS)
        .filter_map(|v| serde_json::from_value(v).ok())
        .collect())
}

impl Detail {
    /// Bounded and redacted, its details too (one level).
    fn sanitized(self, depth: usize, sent: &[String]) -> Detail {
        let clean = |text: String, max| redact_sent(&redact(&bounded(&text, max)), sent);
        Detail {
            code: self.code.map(|c| clean(c, MAX_CODE)),
            message: self.message.map(|m| clean(m, MAX_MESSAGE)),
            target: self.target.map(|t| clean(t, MAX_CODE)),
            details: match depth {
                0 => self
                    .details
                    .into_iter()
                    .map(|d| d.sanitized(1, sent))
                    .collect(),
                _ => Vec::new(),
            },
        }
    }
}

/// The error an undocumented answer makes: kind `HttpResponse` with the status and the
/// ARM code (the `x-ms-error-code` header first, as azure_core reads it), and the ARM
/// message as its text (the status when there is none).
pub(crate) fn response_error(raw: RawResponse, sent: &[String]) -> Error {
    let (status, headers, body) = raw.deconstruct();
    let detail = arm_detail(&body, sent);
    let code = headers
        .get_optional_str(&ERROR_CODE)
        .map(|c| redact_sent(&redact(&bounded(c, MAX_CODE)), sent))
        .or_else(|| detail.code.clone());
    let text = match (&detail.message, body.is_empty()) {
        (Some(message), _) => message.clone(),
        (None, true) => status.to_string(),
        (None, false) if detail.code.is_some() => status.to_string(),
        (None, false) => format!(
            "{status} (a body of {} bytes that is not an ARM error, left out)",
            body.len()
        ),
    };
    let kind = ErrorKind::HttpResponse {
        status,
        error_code: code,
        raw_response: Some(Box::new(RawResponse::from_bytes(status, headers, body))),
    };
    Error::with_message(kind, text)
}

/// The body of a failed call's answer read as the spec's error model `T` (what each
/// generated crate's `TryFrom<azure_core::Error>` for that model calls), as azure_core's
/// `ErrorResponse::try_from` reads its own: `error` itself back when it carries no
/// answer, a `DataConversion` error (which never quotes the body) when it is not a `T`.
pub fn error_model<T: serde::de::DeserializeOwned>(error: Error) -> Result<T, Error> {
    match error.kind() {
        ErrorKind::HttpResponse {
            raw_response: Some(raw),
            ..
        } => serde_json::from_slice::<T>(raw.body().as_ref()).map_err(|e| {
            // serde's message may quote a value of the body (an echoed secret): only
            // where it failed.
            Error::with_message(
                ErrorKind::DataConversion,
                format!(
                    "the error body is not the spec's error model (at line {}, column {})",
                    e.line(),
                    e.column()
                ),
            )
        }),
        _ => Err(error),
    }
}

/// The ARM error of a body (`{"error": {..}}`, or its `code` and `message` at the top),
/// bounded and redacted; empty when there is none.
fn arm_detail(body: &[u8], sent: &[String]) -> Detail {
    let parsed: Option<ArmError> = serde_json::from_slice(body).ok();
    parsed
        .and_then(|e| match e.error {
            Some(error) => Some(error),
            None => (e.bare.code.is_some() || e.bare.message.is_some()).then_some(e.bare),
        })
        .map(|d| d.sanitized(0, sent))
        .unwrap_or_default()
}

/// The code and message of the ARM error in a body (an operation-status resource's
/// `error`, say), bounded and redacted as [`response_error`] has them.
pub(crate) fn arm_code_and_message(
    body: &[u8],
    sent: &[String],
) -> (Option<String>, Option<String>) {
    let detail = arm_detail(body, sent);
    (detail.code, detail.message)
}

/// The credentials a request carried (its `Authorization` value, and the credential
/// after the scheme), which an error must never repeat.
pub(crate) fn sent_credentials(request: &azure_core::http::Request) -> Vec<String> {
    request
        .headers()
        .get_optional_str(&azure_core::http::headers::AUTHORIZATION)
        .map(|auth| {
            let mut values = vec![auth.to_string()];
            values.extend(
                auth.split_once(' ')
                    .map(|(_, credential)| credential.to_string()),
            );
            values
        })
        .unwrap_or_default()
}

/// At most `max` characters of `text`, marked when cut.
fn bounded(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}… (cut)", &text[..end]),
        None => text.to_string(),
    }
}

/// `text` with every value of `sent` (at least 4 characters) replaced by `<redacted>`.
fn redact_sent(text: &str, sent: &[String]) -> String {
    let mut text = text.to_string();
    for value in sent.iter().filter(|v| v.chars().count() >= 4) {
        if text.contains(value.as_str()) {
            text = text.replace(value.as_str(), "<redacted>");
        }
    }
    text
}

/// What looks like a secret in a service's text, replaced by `<redacted>`: credentials
/// after an authorization scheme (`Bearer ...`), JSON web tokens, and the values of
/// keys whose names say secret (password, secret, key, token, signature, credential,
/// connection string, SAS, authorization, `sig=`), as JSON, query or `name: value`.
pub(crate) fn redact(text: &str) -> String {
    static PATTERNS: OnceLock<[Regex; 3]> = OnceLock::new();
    let patterns = PATTERNS.get_or_init(|| {
        [
            r"(?i)\b(bearer|basic|sharedaccesssignature|sharedkey)(\s+)[^\s,;]+",
            r"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.?[A-Za-z0-9_-]*",
            r#"(?i)(["']?[a-z0-9_.-]*(password|passwd|pwd|secret|token|key|signature|credential|connectionstring|connection_string|sas|authorization|sig)["']?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,;&}"']+)"#,
        ]
        .map(|p| Regex::new(p).unwrap_or_else(|_| unreachable!("a valid pattern")))
    });
    let [scheme, jwt, pair] = patterns;
    let text = scheme.replace_all(text, "$1$2<redacted>");
    let text = jwt.replace_all(&text, "<redacted>");
    pair.replace_all(&text, "$1<redacted>").into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use azure_core::http::headers::Headers;
    use azure_core::http::StatusCode;

    fn error(status: u16, body: &str) -> Error {
        let raw = RawResponse::from_bytes(
            StatusCode::from(status),
            Headers::new(),
            body.as_bytes().to_vec(),
        );
        response_error(raw, &["s3cr3t-token-value".to_string()])
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Model {
        error: Inner,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Inner {
        code: String,
    }

    #[test]
    fn reads_the_body_as_the_specs_error_model() {
        let e = error(409, r#"{"error": {"code": "Conflict", "message": "busy"}}"#);
        let model: Model = error_model(e).unwrap();
        assert_eq!(model.error.code, "Conflict");
        let e = error(500, "<html>oops</html>");
        assert_eq!(
            error_model::<Model>(e).unwrap_err().kind(),
            &ErrorKind::DataConversion
        );
        // A body that does not fit: the error never quotes it.
        // (serde's own message would be: invalid type: string "Bearer abc.def", ...)
        let e = error(400, r#"{"error": "Bearer abc.def"}"#);
        let mismatch = error_model::<Model>(e).unwrap_err();
        let shown = format!("{mismatch} {mismatch:?}");
        assert!(!shown.contains("abc.def"), "{shown}");
        let other = Error::with_message(ErrorKind::Io, "reset");
        let back = error_model::<Model>(other).unwrap_err();
        assert_eq!(
            (back.kind(), back.to_string().as_str()),
            (&ErrorKind::Io, "reset")
        );
    }

    #[test]
    fn reads_escaped_arm_errors() {
        let e = error(
            400,
            r#"{"error": {"code": "InvalidRegistryName", "message": "The name \"my_reg\" is invalid.\nUse letters."}}"#,
        );
        match e.kind() {
            ErrorKind::HttpResponse { error_code, .. } => {
                assert_eq!(error_code.as_deref(), Some("InvalidRegistryName"))
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            e.to_string(),
            "The name \"my_reg\" is invalid.\nUse letters."
        );
        let detail = azure_core::error::ErrorResponse::try_from(e)
            .unwrap()
            .error
            .unwrap();
        assert_eq!(detail.code.as_deref(), Some("InvalidRegistryName"));
    }

    #[test]
    fn leaves_secrets_and_foreign_bodies_out() {
        let echoed = r#"{"error": {"code": "BadRequest", "message": "Authorization: Bearer abc.def.ghi; body {\"password\": \"hunter2\", \"serviceUri\": \"https://h/x?sig=s3cr3t&sv=1\"} token=eyJhbGciOi.eyJzdWIiOi.sig"}}"#;
        let e = error(400, echoed);
        let shown = format!("{e} {e:?}");
        for secret in ["abc.def.ghi", "hunter2", "s3cr3t", "eyJhbGciOi"] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
        assert!(shown.contains("Authorization: <redacted>"), "{shown}");
        assert_eq!(redact("scheme Bearer abc.def"), "scheme Bearer <redacted>");
        let html = format!("<html>{}</html>", "x".repeat(1 << 20));
        let e = error(502, &html);
        assert_eq!(
            e.to_string(),
            "502 (a body of 1048589 bytes that is not an ARM error, left out)"
        );
        let long = format!(
            r#"{{"error": {{"code": "C", "message": "{}"}}}}"#,
            "m".repeat(5000)
        );
        assert!(error(500, &long).to_string().chars().count() < MAX_MESSAGE + 16);
    }

    #[test]
    fn the_sent_credentials_never_come_back() {
        let e = error(
            401,
            r#"{"error": {"code": "X", "message": "you sent s3cr3t-token-value"}}"#,
        );
        assert_eq!(e.to_string(), "you sent <redacted>");
    }

    #[test]
    fn reads_bare_code_and_message() {
        let e = error(
            400,
            r#"{"message": "The object you passed was incorrect", "code": 7}"#,
        );
        assert_eq!(e.to_string(), "The object you passed was incorrect");
        let e = error(400, r#"{"status": "bad"}"#);
        assert_eq!(
            e.to_string(),
            "400 (a body of 17 bytes that is not an ARM error, left out)"
        );
    }

    #[test]
    fn plain_texts_stay() {
        let text = "The registry quota of the subscription is exhausted (key vault: none).";
        assert_eq!(redact(text), text);
        assert_eq!(redact("accountKey=abc&x=1"), "accountKey=<redacted>&x=1");
        assert_eq!(redact("keyName=abc"), "keyName=abc");
    }

    #[test]
    fn any_status_is_every_status() {
        assert_eq!(ANY_STATUS.first(), Some(&100));
        assert_eq!(ANY_STATUS.last(), Some(&599));
    }
}
