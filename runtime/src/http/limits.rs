//! The limits a client keeps whatever the server does ([`Limits`], for every call of a
//! client; [`Timeout`], for one call), and the race that keeps them ([`within`]).

use std::time::Duration as StdDuration;

use azure_core::error::ErrorKind;
use azure_core::http::Context;
use azure_core::{Error, Result};

use super::ClientCore;

/// Limits the client enforces on what a server sends back.
#[derive(Clone, Debug)]
pub struct Limits {
    /// How long a long-running operation may be polled before the poller gives up (a
    /// request still unanswered then is abandoned). A call can ask for less with a
    /// [`Timeout`].
    pub max_poll_duration: StdDuration,
    /// The largest response body accepted, in bytes; a larger one is an error.
    pub max_response_body: usize,
    /// How long to wait between polls when the service sends no `Retry-After`
    /// (azure_core's default, 30 s; at least 1 s).
    pub poll_interval: StdDuration,
    /// How many empty pages in a row, each with a next link, a pager follows before it
    /// gives up with an error (a service that never ends its list).
    pub max_empty_pages: usize,
    /// The longest wait a response may ask for (`Retry-After`, `retry-after-ms`,
    /// `x-ms-retry-after-ms`) before a retry or the next poll; longer ones are cut to it.
    pub max_retry_after: StdDuration,
    /// The memory a list page's items may take as Rust values (their number × the
    /// item type's size), counted before the page is parsed: a page of many tiny items
    /// would otherwise cost many times its body (a 40-byte item can be a 1 KB struct).
    /// A larger page is an error. Default 256 MiB, some 250,000 ACR registries.
    pub max_page_memory: usize,
    /// How long one request may take, its retries and waits included, before it fails
    /// with an error (a server that answers slowly or trickles its body). A call can
    /// ask for less with a [`Timeout`].
    pub max_request_duration: StdDuration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_poll_duration: StdDuration::from_secs(3600),
            max_response_body: 64 * 1024 * 1024,
            poll_interval: StdDuration::from_secs(30),
            max_empty_pages: 16,
            max_page_memory: 256 * 1024 * 1024,
            max_retry_after: StdDuration::from_secs(60),
            max_request_duration: StdDuration::from_secs(600),
        }
    }
}

impl Limits {
    /// Refuses limits the client cannot keep: azure_core's poller panics on a poll
    /// interval under a second, and zero durations would fail every call.
    pub(crate) fn check(&self) -> Result<()> {
        let refuse = |what: &str| {
            Err(Error::with_message(
                ErrorKind::Other,
                format!("Limits::{what}"),
            ))
        };
        if self.poll_interval < StdDuration::from_secs(1) {
            return refuse("poll_interval must be at least 1 s");
        }
        if self.max_request_duration.is_zero() || self.max_poll_duration.is_zero() {
            return refuse("max_request_duration and max_poll_duration must be more than 0");
        }
        Ok(())
    }
}

/// A time limit for one call, put in its context:
///
/// ```
/// # use azgen_runtime::http::Timeout;
/// # use azure_core::http::{ClientMethodOptions, Context};
/// # use std::time::Duration;
/// let method_options = ClientMethodOptions {
///     context: Context::new().with_value(Timeout(Duration::from_secs(30))),
/// };
/// ```
///
/// A plain call (its retries and waits included) fails with an error once it has taken
/// that long; a long-running operation, once that long has passed since its first
/// request (a poller's whole life); a pager, each page's request. It only shortens the
/// client's [`Limits`] (`max_request_duration`, `max_poll_duration`), never lengthens
/// them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timeout(pub StdDuration);

impl Timeout {
    /// The shorter of `limit` and the call's [`Timeout`], if its context has one, and
    /// whether the timeout is the shorter.
    pub(crate) fn apply(context: &Context<'_>, limit: StdDuration) -> (StdDuration, bool) {
        match context.value::<Timeout>() {
            Some(Timeout(timeout)) if *timeout < limit => (*timeout, true),
            _ => (limit, false),
        }
    }
}

impl ClientCore {
    /// `work`, or an error once it has taken longer than `Limits::max_request_duration`
    /// or the call's [`Timeout`].
    pub(crate) async fn within_call_limit<T>(
        &self,
        context: &Context<'_>,
        work: impl std::future::Future<Output = Result<T>>,
    ) -> Result<T> {
        let (max, by_call) = Timeout::apply(context, self.limits.max_request_duration);
        let limit = match by_call {
            true => "the call's `Timeout`",
            false => "`Limits::max_request_duration`",
        };
        within(max, work, || {
            Error::with_message(
                ErrorKind::Io,
                format!(
                    "the request took longer than {limit} ({} s)",
                    max.as_secs_f64()
                ),
            )
        })
        .await
    }
}

/// `work`, or the error `late` makes once it has taken longer than `max`.
pub(crate) async fn within<T>(
    max: StdDuration,
    work: impl std::future::Future<Output = Result<T>>,
    late: impl FnOnce() -> Error,
) -> Result<T> {
    let deadline =
        azure_core::time::Duration::try_from(max).unwrap_or(azure_core::time::Duration::MAX);
    let timer = azure_core::sleep::sleep(deadline);
    futures::pin_mut!(work, timer);
    match futures::future::select(work, timer).await {
        futures::future::Either::Left((done, _)) => done,
        futures::future::Either::Right(((), _)) => Err(late()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timeout_only_shortens_the_limit() {
        let minute = StdDuration::from_secs(60);
        let plain = Context::new();
        assert_eq!(Timeout::apply(&plain, minute), (minute, false));
        let short = Context::new().with_value(Timeout(StdDuration::from_secs(5)));
        assert_eq!(
            Timeout::apply(&short, minute),
            (StdDuration::from_secs(5), true)
        );
        let long = Context::new().with_value(Timeout(StdDuration::from_secs(600)));
        assert_eq!(Timeout::apply(&long, minute), (minute, false));
    }

    #[test]
    fn limits_the_client_cannot_keep_are_refused() {
        assert!(Limits::default().check().is_ok());
        let fast = Limits {
            poll_interval: StdDuration::from_millis(999),
            ..Limits::default()
        };
        assert!(fast
            .check()
            .unwrap_err()
            .to_string()
            .contains("poll_interval"));
        let zero = Limits {
            max_request_duration: StdDuration::ZERO,
            ..Limits::default()
        };
        assert!(zero.check().is_err());
    }
}
