//! Long-running operations by ARM's rules: the polling ([`Operation`], compiled once)
//! and [`LroPoller`], azure_core's `Poller` with the result typed on top.

use std::marker::PhantomData;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration as StdDuration, Instant};

use azure_core::error::ErrorKind;
use azure_core::http::headers::{HeaderName, RETRY_AFTER, RETRY_AFTER_MS, X_MS_RETRY_AFTER_MS};
use azure_core::http::poller::{
    get_retry_after, PollerContinuation, PollerOptions, PollerResult, PollerState, PollerStatus,
    StatusMonitor,
};
use azure_core::http::{
    ClientMethodOptions, JsonFormat, Method, Poller, RawResponse, Request, Response, StatusCode,
    Url,
};
use azure_core::time::Duration;
use azure_core::{Error, Result};
use futures::future;
use serde::Deserialize;

use super::{check, ClientCore};

const LOCATION: HeaderName = HeaderName::from_static("location");
const AZURE_ASYNC_OPERATION: HeaderName = HeaderName::from_static("azure-asyncoperation");

impl ClientCore {
    /// How long the poller waits before polling again: what the service asked for
    /// (a negative wait is none), provided that ends within the operation's time limit.
    fn poll_delay(&self, retry_after: Duration, started: Instant) -> Result<Duration> {
        let wait = StdDuration::try_from(retry_after).unwrap_or(StdDuration::ZERO);
        let left = self
            .limits
            .max_poll_duration
            .saturating_sub(started.elapsed());
        if wait > left {
            return Err(self.poll_timeout(Some(wait)));
        }
        Ok(Duration::try_from(wait).unwrap_or(Duration::ZERO))
    }

    fn poll_timeout(&self, wait: Option<StdDuration>) -> Error {
        let limit = self.limits.max_poll_duration;
        Error::with_message(
            ErrorKind::Other,
            match wait {
                Some(wait) => format!("the long-running operation did not finish within {limit:?}: the service asked to poll again in {wait:?}"),
                None => format!("the long-running operation did not finish within {limit:?}"),
            },
        )
    }

    /// Fails unless `url` is on the scheme, host and port of `origin` (the operation's
    /// first request, on the endpoint): the pipeline adds the bearer token to every
    /// request, so it must only go there.
    pub(crate) fn same_origin(&self, url: &Url, origin: &Url, what: &str) -> Result<()> {
        if url.scheme() == origin.scheme()
            && url.host_str() == origin.host_str()
            && url.port_or_known_default() == origin.port_or_known_default()
        {
            return Ok(());
        }
        Err(Error::with_message(
            ErrorKind::Other,
            format!(
                "refusing to follow a {what} URL on another host ({}://{}); the credential is only sent to {}",
                url.scheme(),
                url.host_str().unwrap_or(""),
                origin.host_str().unwrap_or("")
            ),
        ))
    }

    /// A long-running operation by ARM's rules.
    ///
    /// A first response 200 whose resource is in a final `provisioningState` is the
    /// end: the result, or an error when `Failed`/`Canceled`.
    /// Otherwise the poller follows `Azure-AsyncOperation` when present (the state is the
    /// status resource's `status`, which it must have), else `Location` on 201/202 (202
    /// runs on; any other success ends it, as an error if its body's provisioning state
    /// is `Failed`/`Canceled`), else, for a resource still provisioning, the resource
    /// itself (its `provisioningState`), honouring `Retry-After` (else
    /// [`Limits::poll_interval`](super::Limits::poll_interval)), until a terminal state. `Failed`/`Canceled` is an
    /// error with the service's error code and message. After `Azure-AsyncOperation`
    /// polling, the result comes from `final_state` (see [`FinalState`]); after polling a
    /// `Location` or the resource, it is the last response (a PUT or PATCH whose last
    /// `Location` response has no body reads the resource from its URI). `T = ()` for
    /// operations that return no body.
    ///
    /// Polling stops with an error once [`Limits::max_poll_duration`](super::Limits::max_poll_duration) has passed since
    /// the first request, or as soon as the service asks to wait past it.
    ///
    /// Only the result's type is generic: the polling is compiled once, whatever the
    /// operation returns.
    pub fn begin<T>(
        &self,
        options: &ClientMethodOptions<'_>,
        request: Request,
        success: &'static [u16],
        final_state: FinalState,
    ) -> Result<LroPoller<T>> {
        Ok(LroPoller {
            poller: self.poller(options, request, success, final_state),
            _output: PhantomData,
        })
    }

    fn poller(
        &self,
        options: &ClientMethodOptions<'_>,
        request: Request,
        success: &'static [u16],
        final_state: FinalState,
    ) -> Poller<Operation> {
        let core = self.clone();
        let original = request.url().clone();
        let track = Arc::new(PollTrack::default());
        let options = PollerOptions {
            context: options.context.clone().into_owned(),
            frequency: Duration::try_from(self.limits.poll_interval)
                .unwrap_or(Duration::seconds(30)),
        };
        Poller::new(
            move |state: PollerState, options: PollerOptions<'static>| {
                let core = core.clone();
                let initial = request.clone();
                let original = original.clone();
                let track = track.clone();
                Box::pin(async move {
                    let started = *track.started.get_or_init(Instant::now);
                    let (mut request, polling) = match state {
                        PollerState::Initial => (initial, None),
                        PollerState::More(PollerContinuation::Links {
                            next_link,
                            final_link,
                        }) => {
                            if started.elapsed() > core.limits.max_poll_duration {
                                return Err(core.poll_timeout(None));
                            }
                            let mut request = Request::new(next_link.clone(), Method::Get);
                            request.insert_header("accept", "application/json");
                            (request, Some((next_link, final_link)))
                        }
                        PollerState::More(other) => {
                            return Err(Error::with_message(
                                ErrorKind::Other,
                                format!("unexpected continuation {other}"),
                            ));
                        }
                    };
                    let codes: &'static [u16] = if polling.is_some() {
                        &[200, 201, 202, 204]
                    } else {
                        success
                    };
                    let raw = core
                        .pipeline
                        .send(&options.context, &mut request, Some(check(codes)))
                        .await?;
                    let status = raw.status();
                    let headers = raw.headers();
                    let retry_after = get_retry_after(
                        headers,
                        &[RETRY_AFTER_MS, X_MS_RETRY_AFTER_MS, RETRY_AFTER],
                        &options,
                    );
                    // A polling URL: absolute, or relative to the request's; never on another host.
                    let header_url = |name: &HeaderName| -> Result<Option<Url>> {
                        match headers.get_optional_str(name) {
                            Some(value) => {
                                let url = request.url().join(value)?;
                                core.same_origin(&url, &original, "polling")?;
                                Ok(Some(url))
                            }
                            None => Ok(None),
                        }
                    };
                    match polling {
                        None => {
                            // The first response.
                            let state = provisioning_state(&raw);
                            // A 200 whose resource is already in a final state is the
                            // result, whatever polling headers came with it.
                            if status == StatusCode::Ok {
                                match state {
                                    Some(PollerStatus::Succeeded) => {
                                        return Ok(done(raw, None, final_state, &core, &options));
                                    }
                                    Some(PollerStatus::Failed | PollerStatus::Canceled) => {
                                        return Err(operation_failed(raw, status, None));
                                    }
                                    _ => {}
                                }
                            }
                            let async_operation = header_url(&AZURE_ASYNC_OPERATION)?;
                            let location = header_url(&LOCATION)?;
                            let (mode, next_link) = if let Some(url) = async_operation.clone() {
                                (Mode::AsyncOperation, url)
                            } else if let Some(url) = location.clone().filter(|_| {
                                status == StatusCode::Accepted || status == StatusCode::Created
                            }) {
                                (Mode::Location, url)
                            } else if status == StatusCode::Accepted {
                                return Err(Error::with_message(ErrorKind::Other, "the operation was accepted without an Azure-AsyncOperation or Location header to poll"));
                            } else if matches!(state, Some(PollerStatus::InProgress)) {
                                // Created or updating, without a status to poll: the resource
                                // itself tells when it is done.
                                (Mode::Resource, original.clone())
                            } else {
                                return Ok(done(raw, None, final_state, &core, &options));
                            };
                            track.mode.store(mode as u8, Ordering::Relaxed);
                            let final_link = match mode {
                                Mode::AsyncOperation => {
                                    final_state.final_url(&original, location.as_ref())
                                }
                                // Polling the Location or the resource ends on the result.
                                Mode::Location | Mode::Resource => None,
                            };
                            Ok(PollerResult::InProgress {
                                retry_after: core.poll_delay(retry_after, started)?,
                                response: raw.into(),
                                continuation: PollerContinuation::Links {
                                    next_link,
                                    final_link,
                                },
                            })
                        }
                        Some((current, final_link)) => {
                            let in_progress = match Mode::from(track.mode.load(Ordering::Relaxed)) {
                                // Location polling: 202 runs on (at a new Location, if one is
                                // given); any other success ends it, failed if the body's
                                // provisioning state says so.
                                Mode::Location => match status {
                                    StatusCode::Accepted => true,
                                    _ => match provisioning_state(&raw) {
                                        Some(PollerStatus::Failed | PollerStatus::Canceled) => {
                                            return Err(operation_failed(raw, status, None));
                                        }
                                        _ => false,
                                    },
                                },
                                // The resource: its provisioning state.
                                Mode::Resource => match provisioning_state(&raw) {
                                    Some(PollerStatus::Failed | PollerStatus::Canceled) => {
                                        return Err(operation_failed(raw, status, None));
                                    }
                                    Some(PollerStatus::InProgress) => true,
                                    _ => status == StatusCode::Accepted,
                                },
                                // An operation-status resource: its `status` is the state, and
                                // it must have one.
                                Mode::AsyncOperation => {
                                    let monitor = operation_status(&raw);
                                    match monitor.as_ref().map(|m| &m.status) {
                                        Some(PollerStatus::Succeeded) => false,
                                        Some(PollerStatus::Failed | PollerStatus::Canceled) => {
                                            return Err(operation_failed(raw, status, monitor));
                                        }
                                        Some(_) => true,
                                        None if status == StatusCode::Accepted => true,
                                        None => {
                                            return Err(Error::with_message(
                                                ErrorKind::DataConversion,
                                                format!("the operation status (HTTP {status}) has no `status`"),
                                            ));
                                        }
                                    }
                                }
                            };
                            if in_progress {
                                let next_link = match Mode::from(track.mode.load(Ordering::Relaxed))
                                {
                                    Mode::Location => header_url(&LOCATION)?.unwrap_or(current),
                                    _ => current,
                                };
                                return Ok(PollerResult::InProgress {
                                    retry_after: core.poll_delay(retry_after, started)?,
                                    response: raw.into(),
                                    continuation: PollerContinuation::Links {
                                        next_link,
                                        final_link,
                                    },
                                });
                            }
                            // Polling a Location ended on no resource: a PUT or PATCH reads
                            // it back from its URI.
                            let final_link = match final_link {
                                None if final_state == FinalState::OriginalUri
                                    && Mode::from(track.mode.load(Ordering::Relaxed))
                                        == Mode::Location
                                    && matches!(raw.body().as_ref(), b"" | b"null") =>
                                {
                                    Some(original.clone())
                                }
                                other => other,
                            };
                            Ok(done(raw, final_link, final_state, &core, &options))
                        }
                    }
                })
            },
            Some(options),
        )
    }
}

/// Where a long-running operation's result comes from
/// (`x-ms-long-running-operation-options.final-state-via`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FinalState {
    /// PUT and PATCH: GET the original URI once the operation succeeds.
    OriginalUri,
    /// GET the URL the first response's `Location` named (POST's default); without one,
    /// the last polling response is the result.
    Location,
    /// The operation-status resource itself is the result.
    AzureAsyncOperation,
    /// No result (DELETE, and operations without a response body).
    None,
}

impl FinalState {
    /// Where the result is read once an `Azure-AsyncOperation` poll succeeds (polling
    /// a `Location` or the resource itself ends on the result).
    fn final_url(self, original: &Url, location: Option<&Url>) -> Option<Url> {
        match self {
            FinalState::OriginalUri => Some(original.clone()),
            FinalState::Location => location.cloned(),
            FinalState::AzureAsyncOperation | FinalState::None => None,
        }
    }
}

/// What the callbacks of one poller share: when polling started (the first request)
/// and what it polls ([`Mode`]).
#[derive(Debug, Default)]
pub(crate) struct PollTrack {
    started: OnceLock<Instant>,
    mode: AtomicU8,
}

/// What a long-running operation's poller polls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// The `Azure-AsyncOperation` URL: an operation-status resource.
    AsyncOperation = 0,
    /// The `Location` URL: 202 while running.
    Location = 1,
    /// The resource itself (no polling header): its `provisioningState`.
    Resource = 2,
}

impl From<u8> for Mode {
    fn from(value: u8) -> Self {
        match value {
            1 => Mode::Location,
            2 => Mode::Resource,
            _ => Mode::AsyncOperation,
        }
    }
}

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

/// An operation-status resource: `None` unless the body is JSON with a `status`.
pub(crate) fn operation_status(raw: &RawResponse) -> Option<OperationStatus> {
    let body: serde_json::Value = serde_json::from_slice(raw.body()).ok()?;
    let status = poller_status(body.get("status")?.as_str()?);
    let error = body.get("error");
    let text = |v: Option<&serde_json::Value>| match v {
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(serde_json::Value::Null) | None => None,
        Some(other) => Some(other.to_string()),
    };
    Some(OperationStatus {
        status,
        code: text(error.and_then(|e| e.get("code"))),
        message: text(error.and_then(|e| e.get("message"))),
    })
}

/// The error of an operation that ended `Failed` or `Canceled`, with the service's
/// error code and message when the status resource has them.
pub(crate) fn operation_failed(
    raw: RawResponse,
    status: StatusCode,
    monitor: Option<OperationStatus>,
) -> Error {
    let state = monitor
        .as_ref()
        .map(|m| m.status.clone())
        .or_else(|| provisioning_state(&raw))
        .map(|s| format!("{s:?}"))
        .unwrap_or_default();
    let (code, message) = match monitor {
        Some(m) => (m.code, m.message),
        None => (None, None),
    };
    Error::with_message(
        ErrorKind::HttpResponse {
            status,
            error_code: code,
            raw_response: Some(Box::new(raw)),
        },
        message.unwrap_or_else(|| format!("the long-running operation ended {state}")),
    )
}

/// The body of an ARM operation-status resource: its state and error.
#[derive(Debug)]
pub(crate) struct OperationStatus {
    status: PollerStatus,
    code: Option<String>,
    message: Option<String>,
}

/// What a long-running operation's poller reports while it runs (the operation-status
/// resource, when the service sends one).
#[derive(Debug, Default, Deserialize)]
pub struct Operation {
    /// The state the service reported.
    #[serde(default)]
    pub status: Option<PollerStatus>,
}

/// azure_core's poller of a long-running operation, untyped: its result is the final
/// response's JSON. [`LroPoller`] types it.
impl StatusMonitor for Operation {
    type Output = serde_json::Value;
    type Format = JsonFormat;

    fn status(&self) -> PollerStatus {
        self.status.clone().unwrap_or_default()
    }
}

/// A long-running operation whose result is a `T`: `.await` it for the result's
/// response once the operation has finished (`.into_model()` reads the `T`), or read
/// it first as a stream of status responses (`futures::TryStreamExt::try_next`).
///
/// It is azure_core's [`Poller`] with the result's type on top: the polling is the
/// same for every result type, so it is compiled once ([`LroPoller::into_poller`]
/// gives the poller itself).
#[must_use = "a poller does nothing unless you `.await` or poll it"]
pub struct LroPoller<T> {
    poller: Poller<Operation>,
    _output: PhantomData<fn() -> T>,
}

impl<T> LroPoller<T> {
    /// azure_core's poller, with the result as untyped JSON.
    pub fn into_poller(self) -> Poller<Operation> {
        self.poller
    }
}

impl<T> std::fmt::Debug for LroPoller<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LroPoller")
    }
}

impl<T> futures::Stream for LroPoller<T> {
    type Item = Result<Response<Operation>>;

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        std::pin::Pin::new(&mut self.poller).poll_next(cx)
    }
}

impl<T> std::future::IntoFuture for LroPoller<T> {
    type Output = Result<Response<T>>;
    type IntoFuture = future::MapOk<
        <Poller<Operation> as std::future::IntoFuture>::IntoFuture,
        fn(Response<serde_json::Value>) -> Response<T>,
    >;

    fn into_future(self) -> Self::IntoFuture {
        use futures::TryFutureExt;
        std::future::IntoFuture::into_future(self.poller).map_ok(retype::<T>)
    }
}

pub(crate) fn retype<T>(response: Response<serde_json::Value>) -> Response<T> {
    RawResponse::from(response).into()
}

/// The operation succeeded: its result comes from `final_link` (a GET), else from
/// this last response. Operations without a result read as JSON `null` (`T = ()`).
pub(crate) fn done(
    raw: RawResponse,
    final_link: Option<Url>,
    final_state: FinalState,
    core: &ClientCore,
    options: &PollerOptions<'static>,
) -> PollerResult<Operation> {
    let response = raw.clone().into();
    let core = core.clone();
    let context = options.context.clone();
    let target = move || -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Response<serde_json::Value>>> + Send>> {
        Box::pin(async move {
            let raw = match final_link {
                Some(url) => {
                    let mut request = Request::new(url, Method::Get);
                    request.insert_header("accept", "application/json");
                    let raw = core.pipeline.send(&context, &mut request, Some(check(&[200]))).await?;
                    raw
                }
                None => raw,
            };
            let (status, headers, body) = raw.deconstruct();
            let body: Vec<u8> =
                if final_state == FinalState::None || body.is_empty() { b"null".to_vec() } else { body.to_vec() };
            Ok(RawResponse::from_bytes(status, headers, body).into())
        })
    };
    PollerResult::Succeeded {
        response,
        target: Box::new(target),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use azure_core::http::headers::Headers;

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
        let status = operation_status(&failed).unwrap();
        assert_eq!(status.status, PollerStatus::Failed);
        assert_eq!(status.code.as_deref(), Some("Conflict"));
        assert_eq!(status.message.as_deref(), Some("busy"));
        assert!(operation_status(&raw(r#"{"properties":{}}"#)).is_none());
    }

    #[test]
    fn the_result_comes_from_where_final_state_says() {
        let original = Url::parse("https://h/r").unwrap();
        let location = Url::parse("https://h/l").unwrap();
        let at = |s: FinalState| s.final_url(&original, Some(&location));
        assert_eq!(at(FinalState::OriginalUri), Some(original.clone()));
        assert_eq!(at(FinalState::Location), Some(location.clone()));
        assert_eq!(at(FinalState::AzureAsyncOperation), None);
        assert_eq!(at(FinalState::None), None);
    }
}
