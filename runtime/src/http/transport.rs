//! The default transport (reqwest, following no redirects itself), the pipeline's
//! redirect policy (same-origin redirects only, whatever the transport), the
//! response-body limit wrapped around every transport, and the bound on how long a
//! service may ask the client to wait (`Retry-After`).

use std::sync::Arc;
use std::time::Duration as StdDuration;

use azure_core::error::ErrorKind;
use azure_core::http::headers::{
    HeaderName, Headers, CONTENT_LENGTH, RETRY_AFTER, RETRY_AFTER_MS, X_MS_RETRY_AFTER_MS,
};
use azure_core::http::policies::{Policy, PolicyResult};
use azure_core::http::{AsyncRawResponse, Context, Request, Transport};
use azure_core::{Error, Result};
use futures::future;
use futures::StreamExt;

/// azure_core's own timeouts for its default transport.
#[cfg(feature = "reqwest")]
const CONNECT_TIMEOUT_SECS: u64 = 20;
#[cfg(feature = "reqwest")]
const READ_TIMEOUT_SECS: u64 = 60;
/// How many redirects (on the same origin) the pipeline follows.
const MAX_REDIRECTS: usize = 10;

/// The default transport, built as azure_core builds it (reqwest with rustls, the
/// platform's verifier, which reads `SSL_CERT_FILE`/`SSL_CERT_DIR`; no redirects
/// followed: the pipeline's [`SameOriginRedirects`] does that), but returning an error
/// where azure_core's would panic (e.g. an `SSL_CERT_FILE` without certificates).
#[cfg(feature = "reqwest")]
pub(crate) fn default_transport() -> Result<Transport> {
    let client = reqwest::ClientBuilder::new()
        .connect_timeout(StdDuration::from_secs(CONNECT_TIMEOUT_SECS))
        .read_timeout(StdDuration::from_secs(READ_TIMEOUT_SECS))
        .redirect(reqwest::redirect::Policy::none())
        .gzip(true)
        .deflate(true)
        .build()
        .map_err(|e| {
            let mut message = format!("cannot set up the HTTP client: {e}");
            let mut source = std::error::Error::source(&e);
            while let Some(cause) = source {
                message.push_str(&format!(": {cause}"));
                source = cause.source();
            }
            Error::with_message(ErrorKind::Connection, message)
        })?;
    Ok(Transport::new(Arc::new(client)))
}

/// Without the `reqwest` feature there is no default transport: the caller's
/// `ClientOptions::transport` is the only one.
#[cfg(not(feature = "reqwest"))]
pub(crate) fn default_transport() -> Result<Transport> {
    Err(Error::with_message(
        ErrorKind::Other,
        "no HTTP transport: this build has no default one (the `reqwest` feature is off); \
         give one in `ClientOptions::transport`",
    ))
}

/// Wraps the transport so that a response body is read only up to `max` bytes: a
/// larger one (by its `Content-Length`, or as it streams in) is an error before
/// more of it is held in memory. The error is not an I/O error, so it is not retried.
#[derive(Debug)]
pub(crate) struct BodyLimit {
    pub(crate) inner: Transport,
    pub(crate) max: usize,
}

#[async_trait::async_trait]
impl Policy for BodyLimit {
    async fn send(
        &self,
        ctx: &Context,
        request: &mut Request,
        _next: &[Arc<dyn Policy>],
    ) -> PolicyResult {
        let response = self.inner.send(ctx, request).await?;
        let max = self.max;
        let declared = response
            .headers()
            .get_optional_str(&CONTENT_LENGTH)
            .and_then(|len| len.trim().parse::<u64>().ok());
        if let Some(len) = declared {
            if len > max as u64 {
                return Err(body_too_large(&format!("{len} bytes"), max));
            }
        }
        let (status, headers, body) = response.deconstruct();
        // `Some(bytes read so far)`, `None` once the limit was passed: the stream ends.
        let limited = body.scan(Some(0usize), move |read, chunk| {
            let Some(so_far) = *read else {
                return future::ready(None);
            };
            let item = chunk.and_then(|bytes| {
                let total = so_far.saturating_add(bytes.len());
                if total > max {
                    return Err(body_too_large(&format!("over {max} bytes"), max));
                }
                Ok(bytes)
            });
            *read = match &item {
                Ok(bytes) => Some(so_far.saturating_add(bytes.len())),
                Err(_) => None,
            };
            future::ready(Some(item))
        });
        Ok(AsyncRawResponse::new(status, headers, Box::pin(limited)))
    }
}

pub(crate) fn body_too_large(size: &str, max: usize) -> Error {
    Error::with_message(
        ErrorKind::DataConversion,
        format!("the response body is {size}, more than the limit of {max}"),
    )
}

/// A per-try policy that bounds the waits a response asks for: `Retry-After` (seconds
/// or an HTTP date) and `retry-after-ms`/`x-ms-retry-after-ms` above `max` are
/// rewritten to `max`, before azure_core's retry policy or poller reads them. Without
/// it, `Retry-After: 1000000000` would put any call to sleep for 31 years.
#[derive(Debug)]
pub(crate) struct RetryAfterLimit {
    pub(crate) max: StdDuration,
}

#[async_trait::async_trait]
impl Policy for RetryAfterLimit {
    async fn send(
        &self,
        ctx: &Context,
        request: &mut Request,
        next: &[Arc<dyn Policy>],
    ) -> PolicyResult {
        let Some((first, rest)) = next.split_first() else {
            return Err(Error::with_message(
                ErrorKind::Other,
                "the Retry-After limit is the last policy",
            ));
        };
        let response = first.send(ctx, request, rest).await?;
        let (status, mut headers, body) = response.deconstruct();
        limit_retry_after(&mut headers, self.max);
        Ok(AsyncRawResponse::new(status, headers, Box::pin(body)))
    }
}

/// Rewrites the retry headers of `headers` that ask for more than `max`.
pub(crate) fn limit_retry_after(headers: &mut Headers, max: StdDuration) {
    let seconds = |v: &str| -> Option<u64> {
        match v.trim().parse::<u64>() {
            Ok(n) => Some(n),
            // An HTTP date: how far ahead it is (a date in the past is no wait).
            Err(_) => {
                let date = time::OffsetDateTime::parse(
                    v.trim(),
                    &time::format_description::well_known::Rfc2822,
                )
                .ok()?;
                let ahead = date - time::OffsetDateTime::now_utc();
                Some(ahead.whole_seconds().max(0) as u64)
            }
        }
    };
    let too_long = |name: &HeaderName, headers: &Headers| -> bool {
        let Some(value) = headers.get_optional_str(name) else {
            return false;
        };
        match *name == RETRY_AFTER {
            true => seconds(value).is_some_and(|s| s > max.as_secs()),
            false => value
                .trim()
                .parse::<u128>()
                .is_ok_and(|ms| ms > max.as_millis()),
        }
    };
    if too_long(&RETRY_AFTER, headers) {
        headers.insert(RETRY_AFTER, max.as_secs().to_string());
    }
    for name in [RETRY_AFTER_MS, X_MS_RETRY_AFTER_MS] {
        if too_long(&name, headers) {
            headers.insert(name, max.as_millis().to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Built without the `reqwest` feature (as CI builds it: `--no-default-features
    /// --features http`), there is no default transport, and the error says what to do.
    #[cfg(not(feature = "reqwest"))]
    #[test]
    fn without_reqwest_a_client_needs_a_transport() {
        let error = default_transport().err().map(|e| e.to_string());
        assert!(
            error
                .as_deref()
                .is_some_and(|e| e.contains("ClientOptions::transport")),
            "{error:?}"
        );
    }

    fn limited(name: HeaderName, value: &str) -> Option<String> {
        let mut headers = Headers::new();
        headers.insert(name.clone(), value.to_string());
        limit_retry_after(&mut headers, StdDuration::from_secs(60));
        headers.get_optional_str(&name).map(str::to_string)
    }

    #[test]
    fn long_waits_are_cut_to_the_limit() {
        assert_eq!(limited(RETRY_AFTER, "1000000000").as_deref(), Some("60"));
        assert_eq!(
            limited(RETRY_AFTER, "Fri, 31 Dec 2100 23:59:59 GMT").as_deref(),
            Some("60")
        );
        assert_eq!(
            limited(RETRY_AFTER_MS, "99999999999").as_deref(),
            Some("60000")
        );
        assert_eq!(
            limited(X_MS_RETRY_AFTER_MS, "61000").as_deref(),
            Some("60000")
        );
    }

    #[test]
    fn short_and_unreadable_waits_stay() {
        assert_eq!(limited(RETRY_AFTER, "5").as_deref(), Some("5"));
        assert_eq!(
            limited(RETRY_AFTER, "Mon, 01 Jan 2001 00:00:00 GMT").as_deref(),
            Some("Mon, 01 Jan 2001 00:00:00 GMT")
        );
        assert_eq!(limited(RETRY_AFTER, "soon").as_deref(), Some("soon"));
        assert_eq!(limited(X_MS_RETRY_AFTER_MS, "500").as_deref(), Some("500"));
    }
}

/// A per-try policy that follows redirects (301, 302, 303, 307, 308) only on the
/// origin of the request (scheme, host and port), at most [`MAX_REDIRECTS`] of them:
/// each hop goes through the policies after it again, so the bearer token and a body
/// (307/308 re-send it; a 303, and a POST's 301/302, become a `GET` without one) only
/// ever go to the endpoint's origin. A redirect elsewhere is returned as it is (an undocumented
/// status: an error). This holds for any transport that does not follow redirects
/// itself, as azure_core's and the runtime's default ones do not.
#[derive(Debug)]
pub(crate) struct SameOriginRedirects;

#[async_trait::async_trait]
impl Policy for SameOriginRedirects {
    async fn send(
        &self,
        ctx: &Context,
        request: &mut Request,
        next: &[Arc<dyn Policy>],
    ) -> PolicyResult {
        let Some((first, rest)) = next.split_first() else {
            return Err(Error::with_message(
                ErrorKind::Other,
                "the redirect policy is the last policy",
            ));
        };
        let origin = request.url().origin();
        let mut response = first.send(ctx, request, rest).await?;
        let mut hop = request.clone();
        for _ in 0..MAX_REDIRECTS {
            let Some(target) = redirect_target(&response, hop.url()) else {
                return Ok(response);
            };
            if target.origin() != origin {
                return Ok(response);
            }
            // A 303 becomes a GET (a HEAD stays one), as does a POST's 301 or 302.
            let status = u16::from(response.status());
            let method = hop.method();
            let to_get = match status {
                303 => method != azure_core::http::Method::Head,
                301 | 302 => method == azure_core::http::Method::Post,
                _ => false,
            };
            if to_get {
                hop.set_method(azure_core::http::Method::Get);
                hop.set_body(azure_core::Bytes::new());
                hop.headers_mut()
                    .remove(azure_core::http::headers::CONTENT_TYPE);
            }
            *hop.url_mut() = target;
            hop.headers_mut()
                .remove(azure_core::http::headers::AUTHORIZATION);
            response = first.send(ctx, &mut hop, rest).await?;
        }
        Ok(response)
    }
}

/// Where a redirect answer points, resolved against the URL it answers.
fn redirect_target(
    response: &AsyncRawResponse,
    from: &azure_core::http::Url,
) -> Option<azure_core::http::Url> {
    let status = u16::from(response.status());
    if !matches!(status, 301 | 302 | 303 | 307 | 308) {
        return None;
    }
    let location = response.headers().get_optional_str(
        &azure_core::http::headers::HeaderName::from_static("location"),
    )?;
    from.join(location).ok()
}
