//! The polling of one operation: each request (the first, then GETs of the polling
//! link) sent within the operation's time left, and what its response says
//! ([`Mode`]: an operation-status resource, a `Location`, or the resource itself).

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration as StdDuration, Instant};

use azure_core::error::ErrorKind;
use azure_core::http::headers::{HeaderName, RETRY_AFTER, RETRY_AFTER_MS, X_MS_RETRY_AFTER_MS};
use azure_core::http::poller::{
    get_retry_after, PollerContinuation, PollerOptions, PollerResult, PollerState, PollerStatus,
};
use azure_core::http::{Context, Method, RawResponse, Request, Response, StatusCode, Url};
use azure_core::time::Duration;
use azure_core::{Error, Result};

use super::status::{operation_failed, operation_status, provisioning_state};
use super::{FinalState, Operation};
use crate::http::errors::sent_credentials;
use crate::http::limits::{within, Timeout};
use crate::http::ClientCore;

const LOCATION: HeaderName = HeaderName::from_static("location");
const AZURE_ASYNC_OPERATION: HeaderName = HeaderName::from_static("azure-asyncoperation");

impl ClientCore {
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
}

/// One long-running operation: what each of its requests reads, and the polling's
/// [`PollTrack`].
pub(super) struct Lro {
    core: ClientCore,
    /// The first request.
    request: Request,
    /// The first request's URL: polling URLs must be on its origin.
    original: Url,
    success: &'static [u16],
    final_state: FinalState,
    track: PollTrack,
    /// How long the operation may take from its first request: `max_poll_duration`, or
    /// the call's shorter [`Timeout`] (`by_call`).
    limit: StdDuration,
    by_call: bool,
}

/// The polling link a poller continues with, and where the result is to be read.
type Links = (Url, Option<Url>);

/// What a polling response says of the operation.
enum Progress {
    Running,
    Ended,
    /// `Failed` or `Canceled`.
    Failed(PollerStatus),
}

impl Lro {
    /// The operation `request` starts.
    pub(super) fn new(
        core: ClientCore,
        context: &Context<'_>,
        request: Request,
        success: &'static [u16],
        final_state: FinalState,
    ) -> Lro {
        let (limit, by_call) = Timeout::apply(context, core.limits.max_poll_duration);
        Lro {
            limit,
            by_call,
            core,
            original: request.url().clone(),
            request,
            success,
            final_state,
            track: PollTrack::default(),
        }
    }

    /// The result of the operation, once its polling has succeeded (read by
    /// [`LroPoller`](super::LroPoller)'s `.await` whether or not its stream was read).
    pub(super) async fn result(&self) -> Result<Response<serde_json::Value>> {
        let finished = self
            .track
            .finished
            .lock()
            .ok()
            .and_then(|mut finished| finished.take());
        let Some(Finished {
            raw,
            final_link,
            context,
        }) = finished
        else {
            return Err(Error::with_message(
                ErrorKind::Other,
                "the long-running operation has no result: an error ended its polling, or its result was read already",
            ));
        };
        let core = self.core.clone();
        final_result(core, context, raw, final_link, self.final_state).await
    }

    /// How long the poller waits before polling again: what the service asked for
    /// (a negative wait is none), provided that ends within the operation's time limit.
    fn poll_delay(&self, retry_after: Duration, started: Instant) -> Result<Duration> {
        let wait = StdDuration::try_from(retry_after).unwrap_or(StdDuration::ZERO);
        let left = self.limit.saturating_sub(started.elapsed());
        if wait > left {
            return Err(self.poll_timeout(Some(wait)));
        }
        Ok(Duration::try_from(wait).unwrap_or(Duration::ZERO))
    }

    /// The error of an operation out of time (`wait`: the wait the service asked for).
    fn poll_timeout(&self, wait: Option<StdDuration>) -> Error {
        let limit = self.limit;
        let by = match self.by_call {
            true => "the call's `Timeout`",
            false => "`Limits::max_poll_duration`",
        };
        Error::with_message(
            ErrorKind::Other,
            match wait {
                Some(wait) => format!("the long-running operation did not finish within {limit:?} ({by}): the service asked to poll again in {wait:?}"),
                None => format!("the long-running operation did not finish within {limit:?} ({by})"),
            },
        )
    }

    /// One request of the operation: the first, or a poll; what it says next.
    pub(super) async fn poll(
        &self,
        state: PollerState,
        options: PollerOptions<'static>,
    ) -> Result<PollerResult<Operation>> {
        let started = *self.track.started.get_or_init(Instant::now);
        let (mut request, polling) = self.next_request(state, started)?;
        let codes: &'static [u16] = if polling.is_some() {
            &[200, 201, 202, 204]
        } else {
            self.success
        };
        // Each request within the operation's time left, as well as its own limit.
        let left = self.limit.saturating_sub(started.elapsed());
        let send = self
            .core
            .send_checked(&options.context, &mut request, codes);
        let raw = within(left, send, || self.poll_timeout(None)).await?;
        let retry_after = get_retry_after(
            raw.headers(),
            &[RETRY_AFTER_MS, X_MS_RETRY_AFTER_MS, RETRY_AFTER],
            &options,
        );
        let reply = Reply {
            raw,
            url: request.url(),
            sent: sent_credentials(&request),
            retry_after,
            started,
        };
        match polling {
            None => self.first_response(reply, &options),
            Some(links) => self.poll_response(reply, links, &options),
        }
    }

    /// The request for a poller state: the first request, else a GET of the polling
    /// link (with the links), unless the operation's time is up.
    fn next_request(
        &self,
        state: PollerState,
        started: Instant,
    ) -> Result<(Request, Option<Links>)> {
        match state {
            PollerState::Initial => Ok((self.request.clone(), None)),
            PollerState::More(PollerContinuation::Links {
                next_link,
                final_link,
            }) => {
                if started.elapsed() > self.limit {
                    return Err(self.poll_timeout(None));
                }
                let mut request = Request::new(next_link.clone(), Method::Get);
                request.insert_header("accept", "application/json");
                Ok((request, Some((next_link, final_link))))
            }
            PollerState::More(other) => Err(Error::with_message(
                ErrorKind::Other,
                format!("unexpected continuation {other}"),
            )),
        }
    }

    /// The first response: the result already (a resource in a final state, or nothing
    /// to poll), or what to poll from now on ([`Mode`]).
    fn first_response(
        &self,
        reply: Reply<'_>,
        options: &PollerOptions<'static>,
    ) -> Result<PollerResult<Operation>> {
        let status = reply.raw.status();
        let state = provisioning_state(&reply.raw);
        // A 200 whose resource is already in a final state is the result, whatever
        // polling headers came with it.
        if status == StatusCode::Ok {
            match state {
                Some(PollerStatus::Succeeded) => return Ok(self.done(reply.raw, None, options)),
                Some(ended @ (PollerStatus::Failed | PollerStatus::Canceled)) => {
                    return Err(operation_failed(reply.raw, ended, &reply.sent));
                }
                _ => {}
            }
        }
        let async_operation = self.polling_url(&reply, &AZURE_ASYNC_OPERATION)?;
        let location = self.polling_url(&reply, &LOCATION)?;
        let (mode, next_link) = if let Some(url) = async_operation.clone() {
            (Mode::AsyncOperation, url)
        } else if let Some(url) = location
            .clone()
            .filter(|_| status == StatusCode::Accepted || status == StatusCode::Created)
        {
            (Mode::Location, url)
        } else if status == StatusCode::Accepted {
            return Err(Error::with_message(
                ErrorKind::Other,
                "the operation was accepted without an Azure-AsyncOperation or Location header to poll",
            ));
        } else if matches!(state, Some(PollerStatus::InProgress)) {
            // Created or updating, without a status to poll: the resource itself tells
            // when it is done.
            (Mode::Resource, self.original.clone())
        } else {
            return Ok(self.done(reply.raw, None, options));
        };
        self.track.mode.store(mode as u8, Ordering::Relaxed);
        let final_link = match mode {
            Mode::AsyncOperation => self
                .final_state
                .final_url(&self.original, location.as_ref()),
            // Polling the Location or the resource ends on the result.
            Mode::Location | Mode::Resource => None,
        };
        self.in_progress(reply, (next_link, final_link))
    }

    /// A polling response: the operation runs on, failed, or is done.
    fn poll_response(
        &self,
        reply: Reply<'_>,
        (current, final_link): Links,
        options: &PollerOptions<'static>,
    ) -> Result<PollerResult<Operation>> {
        let status = reply.raw.status();
        let mode = Mode::from(self.track.mode.load(Ordering::Relaxed));
        match progress(mode, &reply.raw, status)? {
            Progress::Failed(ended) => Err(operation_failed(reply.raw, ended, &reply.sent)),
            Progress::Running => {
                let next_link = match mode {
                    // At a new Location, if one is given.
                    Mode::Location => self.polling_url(&reply, &LOCATION)?.unwrap_or(current),
                    _ => current,
                };
                self.in_progress(reply, (next_link, final_link))
            }
            Progress::Ended => {
                // Polling a Location ended on no resource: a PUT or PATCH reads it back
                // from its URI.
                let final_link = match final_link {
                    None if self.final_state == FinalState::OriginalUri
                        && mode == Mode::Location
                        && matches!(reply.raw.body().as_ref(), b"" | b"null") =>
                    {
                        Some(self.original.clone())
                    }
                    other => other,
                };
                Ok(self.done(reply.raw, final_link, options))
            }
        }
    }

    /// A polling URL from a header of the reply: absolute, or relative to the request's;
    /// never on another host.
    fn polling_url(&self, reply: &Reply<'_>, name: &HeaderName) -> Result<Option<Url>> {
        match reply.raw.headers().get_optional_str(name) {
            Some(value) => {
                let url = reply.url.join(value)?;
                self.core.same_origin(&url, &self.original, "polling")?;
                Ok(Some(url))
            }
            None => Ok(None),
        }
    }

    /// The operation runs on: poll `links` after the wait the service asked for.
    fn in_progress(
        &self,
        reply: Reply<'_>,
        (next_link, final_link): Links,
    ) -> Result<PollerResult<Operation>> {
        Ok(PollerResult::InProgress {
            retry_after: self.poll_delay(reply.retry_after, reply.started)?,
            response: reply.raw.into(),
            continuation: PollerContinuation::Links {
                next_link,
                final_link,
            },
        })
    }

    /// The operation succeeded: its result comes from `final_link` (a GET), else from
    /// this last response.
    fn done(
        &self,
        raw: RawResponse,
        final_link: Option<Url>,
        options: &PollerOptions<'static>,
    ) -> PollerResult<Operation> {
        let response = raw.clone().into();
        if let Ok(mut finished) = self.track.finished.lock() {
            *finished = Some(Finished {
                raw: raw.clone(),
                final_link: final_link.clone(),
                context: options.context.clone(),
            });
        }
        let core = self.core.clone();
        let context = options.context.clone();
        let final_state = self.final_state;
        let target = move || -> std::pin::Pin<
            Box<dyn std::future::Future<Output = Result<Response<serde_json::Value>>> + Send>,
        > { Box::pin(final_result(core, context, raw, final_link, final_state)) };
        PollerResult::Succeeded {
            response,
            target: Box::new(target),
        }
    }
}

/// A response to one of the operation's requests, with what came with it.
struct Reply<'a> {
    raw: RawResponse,
    /// The request's URL (polling URLs may be relative to it).
    url: &'a Url,
    /// The credentials the request carried, which an error must never repeat.
    sent: Vec<String>,
    /// The wait the service asked for before the next poll.
    retry_after: Duration,
    /// When the operation's first request went out.
    started: Instant,
}

/// What a polling response says by the rules of its [`Mode`].
fn progress(mode: Mode, raw: &RawResponse, status: StatusCode) -> Result<Progress> {
    Ok(match mode {
        // Location polling: 202 runs on; any other success ends it, failed if the
        // body's provisioning state says so.
        Mode::Location => match status {
            StatusCode::Accepted => Progress::Running,
            _ => match provisioning_state(raw) {
                Some(ended @ (PollerStatus::Failed | PollerStatus::Canceled)) => {
                    Progress::Failed(ended)
                }
                _ => Progress::Ended,
            },
        },
        // The resource: its provisioning state.
        Mode::Resource => match provisioning_state(raw) {
            Some(ended @ (PollerStatus::Failed | PollerStatus::Canceled)) => {
                Progress::Failed(ended)
            }
            Some(PollerStatus::InProgress) => Progress::Running,
            _ if status == StatusCode::Accepted => Progress::Running,
            _ => Progress::Ended,
        },
        // An operation-status resource: its `status` is the state, and it must have one.
        Mode::AsyncOperation => match operation_status(raw) {
            Some(PollerStatus::Succeeded) => Progress::Ended,
            Some(ended @ (PollerStatus::Failed | PollerStatus::Canceled)) => {
                Progress::Failed(ended)
            }
            Some(_) => Progress::Running,
            None if status == StatusCode::Accepted => Progress::Running,
            None => {
                return Err(Error::with_message(
                    ErrorKind::DataConversion,
                    format!("the operation status (HTTP {status}) has no `status`"),
                ));
            }
        },
    })
}

/// What the callbacks of one poller share: when polling started (the first request),
/// what it polls ([`Mode`]), and, once it succeeded, where its result comes from.
#[derive(Default)]
pub(crate) struct PollTrack {
    started: OnceLock<Instant>,
    mode: AtomicU8,
    finished: Mutex<Option<Finished>>,
}

/// Where the result of an operation that succeeded is read: its last response, or a
/// GET of `final_link`, in the call's context.
struct Finished {
    raw: RawResponse,
    final_link: Option<Url>,
    context: Context<'static>,
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

/// The result of an operation that succeeded: a GET of `final_link`, else `raw`, the
/// last response. Operations without a result read as JSON `null` (`T = ()`).
async fn final_result(
    core: ClientCore,
    context: Context<'static>,
    raw: RawResponse,
    final_link: Option<Url>,
    final_state: FinalState,
) -> Result<Response<serde_json::Value>> {
    let raw = match final_link {
        Some(url) => {
            let mut request = Request::new(url, Method::Get);
            request.insert_header("accept", "application/json");
            core.send_checked(&context, &mut request, &[200]).await?
        }
        None => raw,
    };
    let (status, headers, body) = raw.deconstruct();
    let body: Vec<u8> = if final_state == FinalState::None || body.is_empty() {
        b"null".to_vec()
    } else {
        body.to_vec()
    };
    Ok(RawResponse::from_bytes(status, headers, body).into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use azure_core::http::headers::Headers;

    fn raw(status: u16, body: &str) -> RawResponse {
        RawResponse::from_bytes(
            StatusCode::from(status),
            Headers::new(),
            body.as_bytes().to_vec(),
        )
    }

    fn says(mode: Mode, status: u16, body: &str) -> &'static str {
        let response = raw(status, body);
        match progress(mode, &response, response.status()) {
            Ok(Progress::Running) => "running",
            Ok(Progress::Ended) => "ended",
            Ok(Progress::Failed(PollerStatus::Canceled)) => "canceled",
            Ok(Progress::Failed(_)) => "failed",
            Err(_) => "error",
        }
    }

    #[test]
    fn a_location_runs_on_202_and_ends_on_any_other_success() {
        assert_eq!(says(Mode::Location, 202, ""), "running");
        assert_eq!(
            says(
                Mode::Location,
                200,
                r#"{"properties":{"provisioningState":"Updating"}}"#
            ),
            "ended"
        );
        assert_eq!(says(Mode::Location, 204, ""), "ended");
        assert_eq!(
            says(Mode::Location, 200, r#"{"provisioningState":"Failed"}"#),
            "failed"
        );
    }

    #[test]
    fn the_resource_runs_while_it_is_provisioning() {
        assert_eq!(
            says(
                Mode::Resource,
                200,
                r#"{"properties":{"provisioningState":"Creating"}}"#
            ),
            "running"
        );
        assert_eq!(
            says(
                Mode::Resource,
                200,
                r#"{"properties":{"provisioningState":"Succeeded"}}"#
            ),
            "ended"
        );
        assert_eq!(
            says(
                Mode::Resource,
                200,
                r#"{"properties":{"provisioningState":"Canceled"}}"#
            ),
            "canceled"
        );
        assert_eq!(says(Mode::Resource, 202, "{}"), "running");
        assert_eq!(says(Mode::Resource, 200, "{}"), "ended");
    }

    #[test]
    fn an_operation_status_resource_must_say_its_status() {
        assert_eq!(
            says(Mode::AsyncOperation, 200, r#"{"status":"InProgress"}"#),
            "running"
        );
        assert_eq!(
            says(Mode::AsyncOperation, 200, r#"{"status":"Succeeded"}"#),
            "ended"
        );
        assert_eq!(
            says(Mode::AsyncOperation, 200, r#"{"status":"failed"}"#),
            "failed"
        );
        assert_eq!(says(Mode::AsyncOperation, 202, "{}"), "running");
        assert_eq!(says(Mode::AsyncOperation, 200, "{}"), "error");
    }
}
