//! The HTTP side of the generated client: building requests, sending them
//! through azure_core's pipeline (retries, telemetry, bearer-token auth),
//! long-running operations by ARM's rules, paging, and parameter checks.
//!
//! Generated operation methods are short because the logic lives here, once.

mod auth;
mod checks;
mod errors;
mod limits;
mod lro;
mod pager;
mod transport;
mod wire;

// What a program uses: the limits, the error of a refused argument, the poller and its
// status items, the tokens' scopes, whole-body wire formats.
pub use auth::{ArmAudience, Scopes};
pub use checks::InvalidArgument;
pub use errors::error_model;
pub use limits::{Limits, Timeout};
pub use lro::{LroPoller, Operation};
pub use wire::Wire;

// What generated code calls: public for it, hidden from the docs.
#[doc(hidden)]
pub use crate::impl_page;
#[doc(hidden)]
pub use checks::{
    check_number, format_base64, format_rfc1123, format_rfc3339, query, query_raw, Check,
};
#[doc(hidden)]
pub use lro::FinalState;
#[doc(hidden)]
pub use pager::NextRequest;

use checks::{encode_path_value, invalid};
use transport::{default_transport, BodyLimit, RetryAfterLimit, SameOriginRedirects};

use std::sync::Arc;

use azure_core::credentials::TokenCredential;
use azure_core::error::{CheckSuccessOptions, ErrorKind};
use azure_core::http::policies::auth::BearerTokenAuthorizationPolicy;
use azure_core::http::policies::Policy;
use azure_core::http::{
    ClientMethodOptions, ClientOptions, Method, Pipeline, PipelineSendOptions, RawResponse,
    Request, Response, Transport, Url,
};
use azure_core::{Error, Result};
use serde::Serialize;

/// The OAuth scope of Azure Resource Manager in Azure's public cloud (a client asks for
/// its own cloud's: see [`Scopes::Arm`]).
pub const ARM_SCOPE: &str = "https://management.azure.com/.default";

/// What every generated client holds: the endpoint, the pipeline, the api-version.
#[doc(hidden)]
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
    /// A client core for `endpoint`, authenticating with a credential when given one,
    /// for its [`Scopes`] (the endpoint must then be `https`: a bearer token is never
    /// sent in the clear).
    pub fn new(
        endpoint: &str,
        credential: Option<(Arc<dyn TokenCredential>, Scopes)>,
        api_version: String,
        client_options: ClientOptions,
        limits: Limits,
        params: Vec<(&'static str, String)>,
    ) -> Result<Self> {
        limits.check()?;
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
        // Per try: long waits cut (before the retry policy reads them), then the token.
        // (Redirects first: each same-origin hop goes through the others again.)
        let mut per_try: Vec<Arc<dyn Policy>> = vec![
            Arc::new(SameOriginRedirects),
            Arc::new(RetryAfterLimit {
                max: limits.max_retry_after,
            }),
        ];
        if let Some((credential, scopes)) = credential {
            let scopes = scopes.resolve(&endpoint, client_options.cloud.as_deref());
            per_try.push(Arc::new(BearerTokenAuthorizationPolicy::new(
                credential, scopes,
            )));
        }
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
            per_try,
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
        credential: Option<(Arc<dyn TokenCredential>, Scopes)>,
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
    /// (read-only properties left out: see [`crate::to_request_body`]).
    pub fn request<B: Serialize + ?Sized>(
        &self,
        method: Method,
        url: Url,
        body: Option<&B>,
    ) -> Result<Request> {
        // Only serializing is generic.
        json_request(method, url, body.map(crate::to_request_body))
    }

    /// Sends a request (or ends with the error that kept it from being built); a status
    /// not in `success` (the documented ones) is an error carrying the status and the
    /// service's ARM error (`ErrorResponse::try_from(error)`), its code and message
    /// bounded and with secret-looking values redacted.
    ///
    /// The future owns what it needs (a clone of this core, the call's context made
    /// owned): it holds no borrow of the client or of the call's arguments, so it can be
    /// stored, returned from a closure or spawned. Only its last step is generic.
    pub fn send<T, F>(
        &self,
        api: &'static str,
        options: &ClientMethodOptions<'_>,
        request: Result<Request>,
        success: &'static [u16],
    ) -> Sending<T, F> {
        use futures::TryFutureExt;
        let core = self.clone();
        let context = traced(&options.context, api);
        let sent: Sent = Box::pin(async move {
            let mut request = request?;
            core.send_checked(&context, &mut request, success).await
        });
        sent.map_ok(typed::<T, F>)
    }
}

impl ClientCore {
    /// Sends a request through the pipeline; an answer whose status is not one of
    /// `success` is an error (see `errors`: ARM code and message, bounded and redacted;
    /// no `success` at all: every answer is one).
    pub(crate) async fn send_checked(
        &self,
        context: &azure_core::http::Context<'_>,
        request: &mut Request,
        success: &[u16],
    ) -> Result<RawResponse> {
        let accept_any = PipelineSendOptions {
            check_success: CheckSuccessOptions {
                success_codes: &errors::ANY_STATUS,
            },
            ..PipelineSendOptions::default()
        };
        let raw = self
            .within_call_limit(
                context,
                self.pipeline.send(context, request, Some(accept_any)),
            )
            .await?;
        // The credentials the policies added, which an error must never repeat.
        errors::check_status(raw, success, &errors::sent_credentials(request))
    }
}

/// The future of [`ClientCore::send`]: [`Sent`], its response typed.
#[doc(hidden)]
pub type Sending<T, F> = futures::future::MapOk<Sent, fn(RawResponse) -> Response<T, F>>;

/// The future of a request being sent, untyped (see [`ClientCore::send`]).
#[doc(hidden)]
pub type Sent = std::pin::Pin<Box<dyn std::future::Future<Output = Result<RawResponse>> + Send>>;

/// A response typed: an empty body (204, or an operation without a result) reads as
/// JSON `null`, so `Response<()>::into_model()` works.
fn typed<T, F>(raw: RawResponse) -> Response<T, F> {
    if raw.body().is_empty() {
        let (status, headers, _) = raw.deconstruct();
        return RawResponse::from_bytes(status, headers, b"null".to_vec()).into();
    }
    raw.into()
}

/// The call's context with the name of the public API it is (`RegistriesClient.get`):
/// with a tracer provider in the client's `ClientOptions::instrumentation`, azure_core's
/// pipeline makes a span of that name for the call, as the official crates'
/// `#[tracing::function]` does.
pub(crate) fn traced(
    context: &azure_core::http::Context<'_>,
    api: &'static str,
) -> azure_core::http::Context<'static> {
    use azure_core::tracing::PublicApiInstrumentationInformation;
    context
        .clone()
        .into_owned()
        .with_value(PublicApiInstrumentationInformation::new(api, Vec::new()))
}

/// Runs `build`, the building of a request (its checks, URL and body), at once: a
/// generated method's request, built before its future, which then owns it.
#[doc(hidden)]
pub fn prepare<T>(build: impl FnOnce() -> Result<T>) -> Result<T> {
    build()
}

pub(crate) fn json_request(
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
