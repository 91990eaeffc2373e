//! Long-running operations by ARM's rules: [`LroPoller`], azure_core's `Poller` with
//! the result typed on top, over one polling loop compiled once ([`Operation`]):
//! `polling` sends each request and reads what it says, `status` reads the states
//! and errors of ARM's bodies.

mod polling;
mod status;

use std::marker::PhantomData;
use std::sync::Arc;

use azure_core::http::poller::{PollerOptions, PollerState, PollerStatus, StatusMonitor};
use azure_core::http::{JsonFormat, Poller, RawResponse, Request, Response, Url};
use azure_core::time::Duration;
use azure_core::Result;
use futures::future;
use futures::stream::{Fuse, StreamExt as _};
use serde::Deserialize;
use std::future::Future;
use std::pin::Pin;

use super::ClientCore;
use polling::Lro;

impl ClientCore {
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
    /// A failed or canceled operation is an error of kind `HttpResponse`: the status of the
    /// response that said so (mostly 200), the ARM code and message of its body, bounded
    /// and with secrets redacted as in every error of an answer.
    ///
    /// Polling stops with an error once [`Limits::max_poll_duration`](super::Limits::max_poll_duration) has passed since
    /// the first request, or as soon as the service asks to wait past it; a request still
    /// unanswered then is abandoned. A [`Timeout`](super::Timeout) in the call's context
    /// shortens that time.
    ///
    /// `options.frequency` is the wait between polls when the service names none: the
    /// client's [`Limits::poll_interval`](super::Limits::poll_interval) unless this call
    /// changes it from azure_core's default (30 s); under a second it is refused, before
    /// anything is sent, with an [`InvalidArgument`](super::InvalidArgument).
    ///
    /// Only the result's type is generic: the polling is compiled once, whatever the
    /// operation returns.
    pub fn begin<T>(
        &self,
        api: &'static str,
        options: &PollerOptions<'_>,
        request: Request,
        success: &'static [u16],
        final_state: FinalState,
    ) -> Result<LroPoller<T>> {
        let options = PollerOptions {
            context: super::traced(&options.context, api),
            frequency: self.poll_frequency(options)?,
        };
        let (poller, lro) = self.poller(options, request, success, final_state);
        Ok(LroPoller {
            poller: poller.fuse(),
            lro,
            _output: PhantomData,
        })
    }

    /// The call's poll frequency (see [`ClientCore::begin`]).
    fn poll_frequency(&self, options: &PollerOptions<'_>) -> Result<Duration> {
        let frequency = match options.frequency == PollerOptions::default().frequency {
            true => Duration::try_from(self.limits.poll_interval).unwrap_or(Duration::seconds(30)),
            false => options.frequency,
        };
        if frequency < Duration::seconds(1) {
            return Err(super::checks::invalid(
                "PollerOptions::frequency",
                "must be at least 1 second (azure_core's poller panics below that)",
            ));
        }
        Ok(frequency)
    }

    fn poller(
        &self,
        options: PollerOptions<'static>,
        request: Request,
        success: &'static [u16],
        final_state: FinalState,
    ) -> (Poller<Operation>, Arc<Lro>) {
        let lro = Arc::new(Lro::new(
            self.clone(),
            &options.context,
            request,
            success,
            final_state,
        ));
        let polled = lro.clone();
        let poller = Poller::new(
            move |state: PollerState, options: PollerOptions<'static>| {
                let lro = polled.clone();
                Box::pin(async move { lro.poll(state, options).await })
            },
            Some(options),
        );
        (poller, lro)
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

/// What a long-running operation's poller reports while it runs: the state the
/// response's body gives, the `status` of an operation-status resource, else the
/// `provisioningState` of a resource (in its `properties`, or at the top).
#[derive(Debug, Default)]
pub struct Operation {
    /// The state the service reported (`Succeeded`, `Failed`, `Canceled` in any case;
    /// any other is still running), if the body has one.
    pub status: Option<PollerStatus>,
}

impl<'de> Deserialize<'de> for Operation {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        let body = serde_json::Value::deserialize(deserializer)?;
        let state = body
            .get("status")
            .and_then(serde_json::Value::as_str)
            .or_else(|| {
                body.get("properties")
                    .and_then(|p| p.get("provisioningState"))
                    .or_else(|| body.get("provisioningState"))
                    .and_then(serde_json::Value::as_str)
            });
        Ok(Operation {
            status: state.map(status::poller_status),
        })
    }
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
/// it first as a stream of status responses (`futures::TryStreamExt::try_next`; each
/// one's `into_model()` is an [`Operation`] with the state), then `.await` it: whatever
/// the stream has not read is polled, and the result read. A failed or canceled
/// operation is an error of kind `HttpResponse` with the service's ARM code.
///
/// It is azure_core's [`Poller`] with the result's type on top: the polling is the
/// same for every result type, so it is compiled once ([`LroPoller::into_poller`]
/// gives the poller itself).
#[must_use = "a poller does nothing unless you `.await` or poll it"]
pub struct LroPoller<T> {
    /// Fused: read to its end, the stream stays ended (azure_core's poller panics when
    /// polled again), and `.await` still gives the result.
    poller: Fuse<Poller<Operation>>,
    lro: Arc<Lro>,
    _output: PhantomData<fn() -> T>,
}

impl<T> LroPoller<T> {
    /// azure_core's poller, with the result as untyped JSON.
    pub fn into_poller(self) -> Poller<Operation> {
        self.poller.into_inner()
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

/// The untyped result of an operation: its status responses read to the end (those
/// not read already), then its result.
type Untyped = Pin<Box<dyn Future<Output = Result<Response<serde_json::Value>>> + Send>>;

impl<T> std::future::IntoFuture for LroPoller<T> {
    type Output = Result<Response<T>>;
    type IntoFuture = future::MapOk<Untyped, fn(Response<serde_json::Value>) -> Response<T>>;

    fn into_future(self) -> Self::IntoFuture {
        use futures::TryFutureExt;
        let LroPoller { poller, lro, .. } = self;
        let untyped: Untyped = Box::pin(finish(poller, lro));
        untyped.map_ok(retype::<T>)
    }
}

/// Polls what is left of the operation, then reads its result.
async fn finish(
    mut poller: Fuse<Poller<Operation>>,
    lro: Arc<Lro>,
) -> Result<Response<serde_json::Value>> {
    while let Some(status) = poller.next().await {
        status?;
    }
    lro.result().await
}

pub(crate) fn retype<T>(response: Response<serde_json::Value>) -> Response<T> {
    RawResponse::from(response).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_items_read_the_status_else_the_provisioning_state() {
        let read = |body: &str| serde_json::from_str::<Operation>(body).unwrap().status;
        assert_eq!(
            read(r#"{"status": "InProgress"}"#),
            Some(PollerStatus::InProgress)
        );
        assert_eq!(
            read(r#"{"properties": {"provisioningState": "Succeeded"}}"#),
            Some(PollerStatus::Succeeded)
        );
        assert_eq!(
            read(r#"{"provisioningState": "failed"}"#),
            Some(PollerStatus::Failed)
        );
        assert_eq!(read(r#"{"name": "x"}"#), None);
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
