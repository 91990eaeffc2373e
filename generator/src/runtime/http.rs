//! The HTTP side of the generated client: building requests, sending them
//! through azure_core's pipeline (retries, telemetry, bearer-token auth),
//! long-running operations by ARM's rules, paging, and parameter checks.
//!
//! Generated operation methods are short because the logic lives here, once.

use std::marker::PhantomData;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration as StdDuration, Instant};

use azure_core::credentials::TokenCredential;
use azure_core::error::{CheckSuccessOptions, ErrorKind};
use azure_core::http::headers::{
    HeaderName, CONTENT_LENGTH, RETRY_AFTER, RETRY_AFTER_MS, X_MS_RETRY_AFTER_MS,
};
use azure_core::http::pager::{Page, PagerContinuation, PagerOptions, PagerResult, PagerState};
use azure_core::http::policies::auth::BearerTokenAuthorizationPolicy;
use azure_core::http::policies::{Policy, PolicyResult};
use azure_core::http::poller::{
    get_retry_after, PollerContinuation, PollerOptions, PollerResult, PollerState, PollerStatus,
    StatusMonitor,
};
use azure_core::http::{
    AsyncRawResponse, ClientMethodOptions, ClientOptions, Context, JsonFormat, Method, Pager,
    Pipeline, PipelineSendOptions, Poller, RawResponse, Request, Response, StatusCode, Transport,
    Url,
};
use azure_core::time::Duration;
use azure_core::{Error, Result};
use futures::future;
use futures::StreamExt;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// The OAuth scope of Azure Resource Manager.
pub const ARM_SCOPE: &str = "https://management.azure.com/.default";

/// azure_core's own timeouts for its default transport.
const CONNECT_TIMEOUT_SECS: u64 = 20;
const READ_TIMEOUT_SECS: u64 = 60;
/// How many redirects (on the same origin) the default transport follows.
const MAX_REDIRECTS: usize = 10;

const LOCATION: HeaderName = HeaderName::from_static("location");
const AZURE_ASYNC_OPERATION: HeaderName = HeaderName::from_static("azure-asyncoperation");

/// Limits the client enforces on what a server sends back.
#[derive(Clone, Debug)]
pub struct Limits {
    /// How long a long-running operation may be polled before the poller gives up.
    pub max_poll_duration: StdDuration,
    /// The largest response body accepted, in bytes; a larger one is an error.
    pub max_response_body: usize,
    /// How long to wait between polls when the service sends no `Retry-After`
    /// (azure_core's default, 30 s; at least 1 s).
    pub poll_interval: StdDuration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_poll_duration: StdDuration::from_secs(3600),
            max_response_body: 64 * 1024 * 1024,
            poll_interval: StdDuration::from_secs(30),
        }
    }
}

/// What every generated client holds: the endpoint, the pipeline, the api-version.
#[derive(Clone, Debug)]
pub struct ClientCore {
    endpoint: Url,
    pipeline: Pipeline,
    api_version: String,
    limits: Limits,
    /// Client-level parameters (such as `subscriptionId`), by wire name.
    params: Vec<(&'static str, String)>,
    /// `x-ms-parameterized-host`: the host (and port) of every request, from a
    /// template of parameters; the endpoint then only gives the scheme.
    /// Whether requests carry a bearer token (so must go over https).
    secure: bool,
    /// `(template, whether the scheme is prefixed)`.
    host_template: Option<(&'static str, bool)>,
}

impl ClientCore {
    /// A client core for `endpoint`, authenticating with a credential for a scope
    /// when given one (the endpoint must then be `https`: a bearer token is never
    /// sent in the clear).
    pub fn new(
        endpoint: &str,
        credential: Option<(Arc<dyn TokenCredential>, &str)>,
        api_version: String,
        client_options: ClientOptions,
        limits: Limits,
        params: Vec<(&'static str, String)>,
    ) -> Result<Self> {
        let mut endpoint = Url::parse(endpoint)?;
        let secure = credential.is_some();
        if secure && endpoint.scheme() != "https" {
            return Err(Error::with_message(
                ErrorKind::Other,
                format!("the endpoint must use https (got `{}`): bearer tokens are never sent in the clear", endpoint.scheme()),
            ));
        }
        if !endpoint.path().ends_with('/') {
            let path = format!("{}/", endpoint.path());
            endpoint.set_path(&path);
        }
        let auth: Vec<Arc<dyn Policy>> = match credential {
            Some((credential, scope)) => vec![Arc::new(BearerTokenAuthorizationPolicy::new(
                credential,
                [scope.to_string()],
            ))],
            None => Vec::new(),
        };
        let mut client_options = client_options;
        let transport = match client_options.transport.take() {
            Some(transport) => transport,
            None => default_transport()?,
        };
        // Whatever the transport, no response body is read past the limit.
        client_options.transport = Some(Transport::with_policy(Arc::new(BodyLimit {
            inner: transport,
            max: limits.max_response_body,
        })));
        let pipeline = Pipeline::new(
            option_env!("CARGO_PKG_NAME"),
            option_env!("CARGO_PKG_VERSION"),
            client_options,
            Vec::new(),
            auth,
            None,
        );
        Ok(ClientCore {
            endpoint,
            pipeline,
            api_version,
            limits,
            params,
            secure,
            host_template: None,
        })
    }

    /// A client core whose requests go to `scheme://` + `template` filled in with
    /// parameters (`x-ms-parameterized-host`), otherwise as [`ClientCore::new`].
    pub fn with_host_template(
        scheme: &str,
        template: &'static str,
        credential: Option<(Arc<dyn TokenCredential>, &str)>,
        api_version: String,
        client_options: ClientOptions,
        limits: Limits,
        params: Vec<(&'static str, String)>,
    ) -> Result<Self> {
        // Only the scheme of this endpoint is used: the template gives the host (an
        // empty scheme: the template gives the scheme too, and must give `https` for
        // a credential, checked per request).
        let endpoint = match scheme {
            "" => "https://parameterized-host.invalid/".to_string(),
            scheme => format!("{scheme}://parameterized-host.invalid/"),
        };
        let mut core = Self::new(
            &endpoint,
            credential,
            api_version,
            client_options,
            limits,
            params,
        )?;
        core.host_template = Some((template, !scheme.is_empty()));
        Ok(core)
    }

    /// The endpoint requests go to.
    pub fn endpoint(&self) -> &Url {
        &self.endpoint
    }

    /// A client-level parameter's value, by wire name.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The api-version sent with every request.
    pub fn api_version(&self) -> &str {
        &self.api_version
    }

    /// The URL of an operation: `template`'s `{name}`s replaced by the values in
    /// `params` or the client-level parameters, percent-encoded so a value can never change the path (`{+name}` keeps
    /// the `/`s of a value that is a path itself, per `x-ms-skip-url-encoding`), and
    /// the api-version as a query parameter when `api_version` is set.
    pub fn url(&self, template: &str, params: &[(&str, &str)], api_version: bool) -> Result<Url> {
        let path = self.fill(template, params, |name, value, raw| {
            encode_path_value(name, value, raw)
        })?;
        let mut url = match self.host_template {
            Some((host, prefixed)) => {
                // Host values are used as they are (`x-ms-skip-url-encoding`); with the
                // scheme prefixed, they may not reach past the host.
                let host = self.fill(host, params, |name, value, _| {
                    if prefixed && value.contains(['/', '?', '#', '@', '\\']) {
                        return Err(invalid(name, "must not contain `/`, `?`, `#`, `@` or `\\`"));
                    }
                    Ok(value.to_string())
                })?;
                let base = if prefixed {
                    format!("{}://{host}/", self.endpoint.scheme())
                } else {
                    format!("{}/", host.trim_end_matches('/'))
                };
                let base = Url::parse(&base)
                    .map_err(|e| invalid("host", &format!("`{host}` is not a host: {e}")))?;
                if self.secure && base.scheme() != "https" {
                    return Err(invalid(
                        "host",
                        "must use https: bearer tokens are never sent in the clear",
                    ));
                }
                base.join(path.trim_start_matches('/'))?
            }
            None => self.endpoint.join(path.trim_start_matches('/'))?,
        };
        if api_version {
            url.query_pairs_mut()
                .append_pair("api-version", &self.api_version);
        }
        Ok(url)
    }

    /// `template` with each `{name}` (`{+name}`: keep `/`) replaced by `value(name, v, raw)`
    /// of the call's parameter, else the client's.
    fn fill(
        &self,
        template: &str,
        params: &[(&str, &str)],
        value: impl Fn(&str, &str, bool) -> Result<String>,
    ) -> Result<String> {
        let mut out = String::with_capacity(template.len() + 64);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = rest[open..]
                .find('}')
                .map(|c| open + c)
                .ok_or_else(|| invalid("template", "unclosed `{`"))?;
            let placeholder = &rest[open + 1..close];
            let (name, raw) = match placeholder.strip_prefix('+') {
                Some(name) => (name, true),
                None => (placeholder, false),
            };
            let v = params
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| *v)
                .or_else(|| self.param(name))
                .ok_or_else(|| invalid(name, "has no value"))?;
            out.push_str(&value(name, v, raw)?);
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        Ok(out)
    }

    /// A request with `accept: application/json`, and a JSON body if one is given
    /// (read-only properties left out: see [`crate::runtime::to_request_body`]).
    pub fn request<B: Serialize + ?Sized>(
        &self,
        method: Method,
        url: Url,
        body: Option<&B>,
    ) -> Result<Request> {
        // Only serializing is generic.
        json_request(method, url, body.map(crate::runtime::to_request_body))
    }

    /// Sends a request; a status not in `success` (the documented ones) is an error
    /// carrying the status and the service's ARM error (`ErrorResponse::try_from(error)`).
    pub async fn send<T, F>(
        &self,
        options: &ClientMethodOptions<'_>,
        mut request: Request,
        success: &'static [u16],
    ) -> Result<Response<T, F>> {
        let raw = self
            .pipeline
            .send(&options.context, &mut request, Some(check(success)))
            .await?;
        // An empty body (204, or an operation without a result) reads as JSON `null`,
        // so `Response<()>::into_model()` works.
        if raw.body().is_empty() {
            let (status, headers, _) = raw.deconstruct();
            return Ok(RawResponse::from_bytes(status, headers, b"null".to_vec()).into());
        }
        Ok(raw.into())
    }

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
    fn same_origin(&self, url: &Url, origin: &Url, what: &str) -> Result<()> {
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
    /// [`Limits::poll_interval`]), until a terminal state. `Failed`/`Canceled` is an
    /// error with the service's error code and message. After `Azure-AsyncOperation`
    /// polling, the result comes from `final_state` (see [`FinalState`]); after polling a
    /// `Location` or the resource, it is the last response (a PUT or PATCH whose last
    /// `Location` response has no body reads the resource from its URI). `T = ()` for
    /// operations that return no body.
    ///
    /// Polling stops with an error once [`Limits::max_poll_duration`] has passed since
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

    /// A pager over a list operation: follows `nextLink` (absent or null → one page);
    /// every next link must be on the endpoint's host, and gets the api-version of the
    /// first request when it has none.
    pub fn pager<P>(
        &self,
        options: &ClientMethodOptions<'_>,
        request: Request,
        next_link: Option<&'static str>,
    ) -> Result<Pager<P>>
    where
        P: DeserializeOwned + Page + Send + 'static,
    {
        self.pager_via(options, request, next_link, None)
    }

    /// [`ClientCore::pager`] whose next pages come from another operation
    /// (`x-ms-pageable` `operationName`): `next` builds its request from the next link,
    /// which is then a token for that operation, not a URL.
    pub fn pager_via<P>(
        &self,
        options: &ClientMethodOptions<'_>,
        request: Request,
        next_link: Option<&'static str>,
        next: Option<NextRequest>,
    ) -> Result<Pager<P>>
    where
        P: DeserializeOwned + Page + Send + 'static,
    {
        let pages = Arc::new(Pages {
            core: self.clone(),
            origin: request.url().clone(),
            first: request,
            next_link,
            next,
        });
        let options = PagerOptions {
            context: options.context.clone().into_owned(),
            ..PagerOptions::default()
        };
        // Only the page's type is generic: fetching is compiled once.
        Ok(Pager::new(
            move |state: PagerState, options: PagerOptions<'static>| {
                use futures::TryFutureExt;
                Box::pin(pages.clone().fetch(state, options).map_ok(page_result::<P>))
            },
            Some(options),
        ))
    }
}

fn json_request(
    method: Method,
    url: Url,
    body: Option<serde_json::Result<Vec<u8>>>,
) -> Result<Request> {
    let mut request = Request::new(url, method);
    request.insert_header("accept", "application/json");
    if let Some(body) = body {
        let bytes = body.map_err(|e| {
            Error::with_message(
                ErrorKind::DataConversion,
                format!("cannot serialize the request body: {e}"),
            )
        })?;
        request.insert_header("content-type", "application/json");
        request.set_body(bytes);
    }
    Ok(request)
}

/// A fetched page and where the next one is, for azure_core's pager.
fn page_result<P>(
    (raw, continuation): (RawResponse, Option<PagerContinuation>),
) -> PagerResult<Response<P>> {
    match continuation {
        Some(continuation) => PagerResult::More {
            response: raw.into(),
            continuation,
        },
        None => PagerResult::Done {
            response: raw.into(),
        },
    }
}

/// What a pager fetches its pages with.
struct Pages {
    core: ClientCore,
    /// The first page's request.
    first: Request,
    /// Its URL: every next page must be on the same origin.
    origin: Url,
    /// The page's next-link property, if it has one.
    next_link: Option<&'static str>,
    /// The next-page operation (`x-ms-pageable` `operationName`), if any.
    next: Option<NextRequest>,
}

impl Pages {
    /// Fetches one page: its response, and where the next one is, if anywhere.
    async fn fetch(
        self: Arc<Self>,
        state: PagerState,
        options: PagerOptions<'static>,
    ) -> Result<(RawResponse, Option<PagerContinuation>)> {
        let core = &self.core;
        let mut request = match state {
            PagerState::Initial => self.first.clone(),
            PagerState::More(PagerContinuation::Token(link)) => match &self.next {
                Some(next) => {
                    let request = next(&link)?;
                    core.same_origin(request.url(), &self.origin, "next-page")?;
                    request
                }
                None => {
                    return Err(Error::with_message(
                        ErrorKind::Other,
                        "a next-page token without a next-page operation",
                    ))
                }
            },
            PagerState::More(continuation) => {
                let mut url: Url = continuation.try_into()?;
                core.same_origin(&url, &self.origin, "next-page")?;
                let api_version = self
                    .first
                    .url()
                    .query_pairs()
                    .find(|(k, _)| k == "api-version")
                    .map(|(_, v)| v.into_owned());
                if let Some(api_version) = api_version {
                    if !url.query_pairs().any(|(k, _)| k == "api-version") {
                        query(&mut url, "api-version", &api_version);
                    }
                }
                let mut request = Request::new(url, Method::Get);
                request.insert_header("accept", "application/json");
                request
            }
        };
        let raw = core
            .pipeline
            .send(&options.context, &mut request, Some(check(&[200])))
            .await?;
        let link = match self.next_link {
            Some(name) => {
                let body: serde_json::Value = raw.body().json()?;
                body.get(name)
                    .and_then(serde_json::Value::as_str)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
            }
            None => None,
        };
        if let (Some(link), Some(_)) = (&link, &self.next) {
            return Ok((raw, Some(PagerContinuation::Token(link.clone()))));
        }
        let next = link.map(|link| request.url().join(&link)).transpose()?;
        match next {
            Some(url) => {
                core.same_origin(&url, &self.origin, "next-page")?;
                Ok((raw, Some(PagerContinuation::Link(url))))
            }
            None => Ok((raw, None)),
        }
    }
}

/// The default transport, built as azure_core builds it (reqwest with rustls, the
/// platform's verifier, which reads `SSL_CERT_FILE`/`SSL_CERT_DIR`), following
/// redirects only to the same origin (a redirect elsewhere is returned as it is), but
/// returning an error where azure_core's would panic (e.g. an `SSL_CERT_FILE` without
/// certificates).
fn default_transport() -> Result<Transport> {
    let client = reqwest::ClientBuilder::new()
        .connect_timeout(StdDuration::from_secs(CONNECT_TIMEOUT_SECS))
        .read_timeout(StdDuration::from_secs(READ_TIMEOUT_SECS))
        .redirect(reqwest::redirect::Policy::custom(|attempt| {
            // Only on the same scheme, host and port (the bearer token goes with the
            // request), and not in circles.
            let first = attempt.previous().first();
            let same_origin = first.is_some_and(|first| {
                first.scheme() == attempt.url().scheme()
                    && first.host_str() == attempt.url().host_str()
                    && first.port_or_known_default() == attempt.url().port_or_known_default()
            });
            if same_origin && attempt.previous().len() <= MAX_REDIRECTS {
                attempt.follow()
            } else {
                attempt.stop()
            }
        }))
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

/// The response format of a body with a wire format of its own (a date, bytes, or
/// collections of them; see [`crate::runtime::codec`]): `Response<T, Wire<F>>`'s
/// `into_model()` reads the JSON body as `F` says.
#[derive(Debug)]
pub struct Wire<F>(std::marker::PhantomData<F>);

impl<F: std::fmt::Debug> azure_core::http::Format for Wire<F> {
    fn deserialize<T: DeserializeOwned, S: AsRef<[u8]>>(body: S) -> Result<T> {
        serde_json::from_slice(body.as_ref()).map_err(|e| {
            Error::with_message(
                ErrorKind::DataConversion,
                format!("cannot read the body: {e}"),
            )
        })
    }
}

/// Reads a body as `F` says.
fn read_wire<F: crate::runtime::codec::Format<T>, T>(body: &[u8]) -> Result<T> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    F::read(&mut deserializer)
        .and_then(|value| deserializer.end().map(|()| value))
        .map_err(|e| {
            Error::with_message(
                ErrorKind::DataConversion,
                format!("cannot read the body: {e}"),
            )
        })
}

macro_rules! deserialize_with_wire {
    ($([$($generics:tt)*] $ty:ty),* $(,)?) => {$(
        impl<F: crate::runtime::codec::Format<$ty> + std::fmt::Debug, $($generics)*>
            azure_core::http::DeserializeWith<Wire<F>> for $ty
        {
            fn deserialize_with(body: azure_core::http::response::ResponseBody) -> Result<Self> {
                read_wire::<F, $ty>(&body)
            }
        }
    )*};
}

deserialize_with_wire!(
    [] time::OffsetDateTime,
    [] time::Date,
    [T] Vec<T>,
    [T] std::collections::BTreeMap<String, T>,
    [T] Option<T>,
);

/// Builds the request for a next page from its next link (`x-ms-pageable`
/// `operationName`).
pub type NextRequest = Arc<dyn Fn(&str) -> Result<Request> + Send + Sync>;

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
struct PollTrack {
    started: OnceLock<Instant>,
    mode: AtomicU8,
}

/// What a long-running operation's poller polls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
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
fn poller_status(text: &str) -> PollerStatus {
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
fn provisioning_state(raw: &RawResponse) -> Option<PollerStatus> {
    let body: serde_json::Value = serde_json::from_slice(raw.body()).ok()?;
    let state = body
        .get("properties")
        .and_then(|p| p.get("provisioningState"))
        .or_else(|| body.get("provisioningState"))?
        .as_str()?;
    Some(poller_status(state))
}

/// An operation-status resource: `None` unless the body is JSON with a `status`.
fn operation_status(raw: &RawResponse) -> Option<OperationStatus> {
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
fn operation_failed(
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
struct OperationStatus {
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

fn retype<T>(response: Response<serde_json::Value>) -> Response<T> {
    RawResponse::from(response).into()
}

/// The operation succeeded: its result comes from `final_link` (a GET), else from
/// this last response. Operations without a result read as JSON `null` (`T = ()`).
fn done(
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

fn check(success: &'static [u16]) -> PipelineSendOptions {
    // azure_core reads no codes as "any 2xx"; an operation that documents no success
    // answer means every answer is an error: 0 is a status no server sends.
    const NONE: &[u16] = &[0];
    PipelineSendOptions {
        check_success: CheckSuccessOptions {
            success_codes: if success.is_empty() { NONE } else { success },
        },
        ..PipelineSendOptions::default()
    }
}

/// Wraps the transport so that a response body is read only up to `max` bytes: a
/// larger one (by its `Content-Length`, or as it streams in) is an error before
/// more of it is held in memory. The error is not an I/O error, so it is not retried.
#[derive(Debug)]
struct BodyLimit {
    inner: Transport,
    max: usize,
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

fn body_too_large(size: &str, max: usize) -> Error {
    Error::with_message(
        ErrorKind::DataConversion,
        format!("the response body is {size}, more than the limit of {max}"),
    )
}

const PATH_SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');
/// `x-ms-skip-url-encoding`: the value is taken as URL text (a resource ID, a next
/// link with its query), so only what cannot stand in a URL is encoded.
const RAW_PATH: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'<')
    .add(b'>')
    .add(b'\\')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// One path parameter, encoded; `raw` keeps `/` (the value is a path, such as a
/// resource ID). Empty values and `.`/`..` segments are refused: no encoding stops
/// a URL parser from resolving them.
fn encode_path_value(name: &str, value: &str, raw: bool) -> Result<String> {
    if value.is_empty() {
        return Err(invalid(name, "must not be empty"));
    }
    let dot_segment = |s: &str| s == "." || s == "..";
    let path_part = value.split(['?', '#']).next().unwrap_or_default();
    if (raw && path_part.split('/').any(dot_segment)) || dot_segment(value) {
        return Err(invalid(name, "must not be `.` or `..`"));
    }
    let set = if raw { RAW_PATH } else { PATH_SEGMENT };
    Ok(percent_encoding::utf8_percent_encode(value, set).to_string())
}

fn invalid(name: &str, message: &str) -> Error {
    Error::with_message(
        ErrorKind::DataConversion,
        format!("parameter `{name}` {message}"),
    )
}

/// A string parameter's constraints from the spec, checked before any request is sent.
/// The error names the parameter and the rule, never the value.
#[derive(Clone, Copy, Debug)]
pub struct Check {
    pub name: &'static str,
    pub min_length: Option<usize>,
    pub max_length: Option<usize>,
    pub pattern: Option<&'static str>,
}

impl Check {
    pub fn check(&self, value: &str) -> Result<()> {
        let (name, len) = (self.name, value.chars().count());
        if let Some(min) = self.min_length.filter(|min| len < *min) {
            return Err(invalid(
                name,
                &format!("must be at least {min} characters long (it is {len})"),
            ));
        }
        if let Some(max) = self.max_length.filter(|max| len > *max) {
            return Err(invalid(
                name,
                &format!("must be at most {max} characters long (it is {len})"),
            ));
        }
        if let Some(pattern) = self.pattern {
            if !regex(pattern)?.is_match(value) {
                return Err(invalid(name, &format!("must match `{pattern}`")));
            }
        }
        Ok(())
    }
}

/// Checks a number parameter against the spec's `minimum`/`maximum`.
pub fn check_number(
    name: &str,
    value: f64,
    minimum: Option<f64>,
    maximum: Option<f64>,
) -> Result<()> {
    if minimum.is_some_and(|min| value < min) || maximum.is_some_and(|max| value > max) {
        let range = format!(
            "{}..={}",
            minimum.map_or(String::new(), |m| m.to_string()),
            maximum.map_or(String::new(), |m| m.to_string())
        );
        return Err(invalid(name, &format!("must be in {range}")));
    }
    Ok(())
}

/// Compiled patterns, each compiled once.
fn regex(pattern: &str) -> Result<regex_lite::Regex> {
    static CACHE: OnceLock<Mutex<Vec<(String, regex_lite::Regex)>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(Vec::new()));
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, re)) = cache.iter().find(|(p, _)| p == pattern) {
        return Ok(re.clone());
    }
    let re = regex_lite::Regex::new(pattern).map_err(|e| {
        Error::with_message(
            ErrorKind::Other,
            format!("the spec's pattern `{pattern}` does not compile: {e}"),
        )
    })?;
    cache.push((pattern.to_string(), re.clone()));
    Ok(re)
}

/// A `date-time-rfc1123` parameter as sent on the wire.
pub fn format_rfc1123(value: &time::OffsetDateTime) -> Result<String> {
    crate::runtime::codec::format_rfc1123(value).map_err(|e| {
        Error::with_message(
            ErrorKind::DataConversion,
            format!("cannot format a date-time: {e}"),
        )
    })
}

/// A date-time parameter as sent on the wire (RFC 3339).
pub fn format_rfc3339(value: &time::OffsetDateTime) -> Result<String> {
    value
        .format(&time::format_description::well_known::Rfc3339)
        .map_err(|e| {
            Error::with_message(
                ErrorKind::DataConversion,
                format!("cannot format a date-time: {e}"),
            )
        })
}

/// Appends a query parameter.
pub fn query(url: &mut Url, name: &str, value: &str) {
    url.query_pairs_mut().append_pair(name, value);
}

/// A query parameter taken as URL text (`x-ms-skip-url-encoding`: its `&` and `=` are
/// the caller's), only what cannot stand in a URL encoded.
pub fn query_raw(url: &mut Url, name: &str, value: &str) {
    let pair = format!(
        "{}={}",
        percent_encoding::utf8_percent_encode(name, PATH_SEGMENT),
        percent_encoding::utf8_percent_encode(value, RAW_PATH)
    );
    let query = match url.query() {
        Some(q) if !q.is_empty() => format!("{q}&{pair}"),
        _ => pair,
    };
    url.set_query(Some(&query));
}

/// Implements azure_core's `Page` for a list model whose items are in `$field`
/// (`x-ms-pageable`'s `itemName`), so a `Pager` can iterate its items.
#[allow(unused_macros)] // a spec may have no pageable operation
macro_rules! impl_page {
    ($list:ty, $item:ty, $field:ident $(,)?) => {
        $crate::runtime::http::impl_page!(@ $list, $item, self_ => self_.$field.unwrap_or_default());
    };
    ($list:ty, $item:ty, $field:ident, required $(,)?) => {
        $crate::runtime::http::impl_page!(@ $list, $item, self_ => self_.$field);
    };
    (@ $list:ty, $item:ty, $self_:ident => $items:expr) => {
        #[::async_trait::async_trait]
        impl ::azure_core::http::pager::Page for $list {
            type Item = $item;
            type IntoIter = ::std::vec::IntoIter<$item>;
            async fn into_items(self) -> ::azure_core::Result<Self::IntoIter> {
                let $self_ = self;
                ::std::result::Result::Ok($items.into_iter())
            }
        }
    };
}
#[allow(unused_imports)]
pub(crate) use impl_page;
