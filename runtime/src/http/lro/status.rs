//! What ARM's bodies say of an operation: the state of a resource
//! (`provisioningState`) or of an operation-status resource (`status`), and the error
//! of one that failed.

use azure_core::error::ErrorKind;
use azure_core::http::poller::PollerStatus;
use azure_core::http::RawResponse;
use azure_core::Error;
use serde::Deserialize;

use crate::http::errors::arm_code_and_message;

/// A state from a service's text: `Succeeded`, `Failed`, `Canceled` (any case), else
/// still running.
pub(crate) fn poller_status(text: &str) -> PollerStatus {
    if text.eq_ignore_ascii_case("succeeded") {
        PollerStatus::Succeeded
    } else if text.eq_ignore_ascii_case("failed") {
        PollerStatus::Failed
    } else if text.eq_ignore_ascii_case("canceled") || text.eq_ignore_ascii_case("cancelled") {
        PollerStatus::Canceled
    } else {
        PollerStatus::InProgress
    }
}

/// The `properties.provisioningState` of a resource in a response body, if any.
pub(crate) fn provisioning_state(raw: &RawResponse) -> Option<PollerStatus> {
    let body: serde_json::Value = serde_json::from_slice(raw.body()).ok()?;
    let state = body
        .get("properties")
        .and_then(|p| p.get("provisioningState"))
        .or_else(|| body.get("provisioningState"))?
        .as_str()?;
    Some(poller_status(state))
}

/// The `status` of an operation-status resource: `None` unless the body is JSON with
/// a `status`.
pub(crate) fn operation_status(raw: &RawResponse) -> Option<PollerStatus> {
    #[derive(Deserialize)]
    struct Status {
        status: Option<serde_json::Value>,
    }
    let body: Status = serde_json::from_slice(raw.body()).ok()?;
    Some(poller_status(body.status?.as_str()?))
}

/// The error of an operation that ended `Failed` or `Canceled` (`ended`): kind
/// `HttpResponse` with the status of the response that said so and the ARM error code
/// of its body (an operation-status resource's `error`, or a resource's), and the ARM
/// message as its text; both bounded and with secrets redacted, as every error of an
/// answer is (`sent`: the credentials the request carried).
pub(crate) fn operation_failed(raw: RawResponse, ended: PollerStatus, sent: &[String]) -> Error {
    let (code, message) = arm_code_and_message(raw.body(), sent);
    let text = message.unwrap_or_else(|| format!("the long-running operation ended {ended:?}"));
    Error::with_message(
        ErrorKind::HttpResponse {
            status: raw.status(),
            error_code: code,
            raw_response: Some(Box::new(raw)),
        },
        text,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use azure_core::http::headers::Headers;
    use azure_core::http::StatusCode;

    fn raw(body: &str) -> RawResponse {
        RawResponse::from_bytes(StatusCode::Ok, Headers::new(), body.as_bytes().to_vec())
    }

    #[test]
    fn reads_states_as_arm_writes_them() {
        assert_eq!(poller_status("Succeeded"), PollerStatus::Succeeded);
        assert_eq!(poller_status("failed"), PollerStatus::Failed);
        assert_eq!(poller_status("Cancelled"), PollerStatus::Canceled);
        assert_eq!(poller_status("Updating"), PollerStatus::InProgress);
        let nested = raw(r#"{"properties":{"provisioningState":"Succeeded"}}"#);
        assert_eq!(provisioning_state(&nested), Some(PollerStatus::Succeeded));
        let top = raw(r#"{"provisioningState":"Failed"}"#);
        assert_eq!(provisioning_state(&top), Some(PollerStatus::Failed));
        assert_eq!(provisioning_state(&raw("not json")), None);
    }

    #[test]
    fn reads_an_operation_status_resource() {
        let failed = raw(r#"{"status":"Failed","error":{"code":"Conflict","message":"busy"}}"#);
        assert_eq!(operation_status(&failed), Some(PollerStatus::Failed));
        assert!(operation_status(&raw(r#"{"properties":{}}"#)).is_none());
        assert!(operation_status(&raw(r#"{"status":7}"#)).is_none());
    }

    #[test]
    fn a_failed_operation_is_an_error_with_its_arm_code_bounded_and_redacted() {
        let message = format!(
            "sent Bearer eyJabc.def.ghi and password=hunter22 back; {}",
            "x".repeat(5000)
        );
        let body = serde_json::json!({
            "status": "Failed",
            "error": {"code": "Conflict", "message": message},
        });
        let failed = raw(&body.to_string());
        let error = operation_failed(failed, PollerStatus::Failed, &["s3cr3t-t0ken".into()]);
        match error.kind() {
            ErrorKind::HttpResponse {
                status, error_code, ..
            } => {
                assert_eq!(*status, StatusCode::Ok);
                assert_eq!(error_code.as_deref(), Some("Conflict"));
            }
            other => panic!("{other:?}"),
        }
        let text = error.to_string();
        assert!(
            !text.contains("eyJabc") && !text.contains("hunter22"),
            "{text}"
        );
        assert!(text.chars().count() < 1100, "{}", text.len());
        let canceled = operation_failed(raw("{}"), PollerStatus::Canceled, &[]);
        assert_eq!(
            canceled.to_string(),
            "the long-running operation ended Canceled"
        );
    }
}
