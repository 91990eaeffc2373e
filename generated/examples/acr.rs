//! `az acr token credential generate|delete`, with the generated ACR client.
//!
//! ```text
//! cargo run -p acr_mgmt --example acr -- token credential generate -r myregistry -n mytoken --password1 --days 30
//! cargo run -p acr_mgmt --example acr -- token credential delete -r myregistry -n mytoken --password2
//! ```
//!
//! - Subscription: `--subscription` or `AZURE_SUBSCRIPTION_ID`.
//! - Endpoint: `--endpoint` or `AZURE_RESOURCE_MANAGER_ENDPOINT` (default
//!   `https://management.azure.com`); it must be `https`.
//! - Credential: the bearer token in `AZURE_ACCESS_TOKEN` if set (for example from
//!   `az account get-access-token --query accessToken -o tsv`), else the Azure CLI's
//!   login (`az login`) through azure_identity's `DeveloperToolsCredential`.
//! - TLS: azure_core's HTTP client, reqwest 0.13 with rustls and
//!   rustls-platform-verifier. On Linux that verifier trusts the system's CA
//!   certificates, unless `SSL_CERT_FILE` (a PEM file) or `SSL_CERT_DIR` is set: then
//!   it trusts exactly the certificates there, *instead of* the system's. They are read
//!   once, when the client is built.
//!
//! Generated passwords go to stdout, because that is what the command is for; they
//! are never written to stderr, in errors or anywhere else.

use std::fmt;
use std::io::Write as _;
use std::process::ExitCode;
use std::sync::Arc;

use acr_mgmt::models::{
    GenerateCredentialsParameters, Token, TokenCredentialsProperties, TokenPassword,
    TokenPasswordName, TokenUpdateParameters, TokenUpdateProperties,
};
use acr_mgmt::{ContainerRegistryClient, ContainerRegistryClientOptions, ResourceId};
use azure_core::credentials::{AccessToken, Secret, TokenCredential, TokenRequestOptions};
use azure_core::error::{ErrorKind, ErrorResponse};
use azure_core::http::{AsyncRawResponse, ClientOptions, HttpClient, Request, Transport};
use azure_core::time::{Duration, OffsetDateTime};
use clap::{Args, Parser, Subcommand};
use futures::TryStreamExt as _;
use serde_json::{json, Map, Value};

const ACCESS_TOKEN_VAR: &str = "AZURE_ACCESS_TOKEN";

#[derive(Parser)]
#[command(
    name = "acr",
    about = "Manage Azure Container Registry token passwords, like `az acr token credential`"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Repository-scoped access tokens.
    #[command(subcommand)]
    Token(TokenCommand),
}

#[derive(Subcommand)]
enum TokenCommand {
    /// A token's credentials.
    #[command(subcommand)]
    Credential(CredentialCommand),
}

#[derive(Subcommand)]
enum CredentialCommand {
    /// Generate (or regenerate) a token's passwords and print them.
    Generate(GenerateArgs),
    /// Delete a token's passwords.
    Delete(DeleteArgs),
}

#[derive(Args)]
struct Target {
    /// The name of the token.
    #[arg(short = 'n', long = "name", value_name = "TOKEN")]
    token: String,
    /// The name of the container registry.
    #[arg(short = 'r', long, value_name = "REGISTRY")]
    registry: String,
    /// The registry's resource group; found by listing the subscription's registries if omitted.
    #[arg(short = 'g', long, value_name = "RG")]
    resource_group: Option<String>,
    /// The subscription ID.
    #[arg(long, env = "AZURE_SUBSCRIPTION_ID", value_name = "ID")]
    subscription: Option<String>,
    /// The Azure Resource Manager endpoint (https only).
    #[arg(
        long,
        env = "AZURE_RESOURCE_MANAGER_ENDPOINT",
        default_value = "https://management.azure.com",
        value_name = "URL"
    )]
    endpoint: String,
}

#[derive(Args)]
struct GenerateArgs {
    #[command(flatten)]
    target: Target,
    /// Regenerate password1 (alone, unless --password2 is given too; neither means both).
    #[arg(long)]
    password1: bool,
    /// Regenerate password2 (alone, unless --password1 is given too; neither means both).
    #[arg(long)]
    password2: bool,
    /// When the password expires, in UTC: %Y-%m-%dT%H:%M:%SZ, e.g. 2025-12-31T12:59:59Z.
    #[arg(long, value_name = "TIME", value_parser = parse_expiration)]
    expiration: Option<OffsetDateTime>,
    /// Days from now until the password expires.
    #[arg(
        long = "expiration-in-days",
        visible_alias = "days",
        value_name = "N",
        conflicts_with = "expiration",
        value_parser = clap::value_parser!(u32).range(1..)
    )]
    expiration_in_days: Option<u32>,
}

#[derive(Args)]
struct DeleteArgs {
    #[command(flatten)]
    target: Target,
    /// Delete password1.
    #[arg(long)]
    password1: bool,
    /// Delete password2.
    #[arg(long)]
    password2: bool,
}

/// Why the command failed: printed to stderr as `error: ...`.
#[derive(Debug)]
struct Failure(String);

impl Failure {
    fn new(message: impl Into<String>) -> Self {
        Failure(message.into())
    }

    /// `what` went wrong because of `error`: for a response from the service, its
    /// HTTP status and ARM error code and message.
    fn azure(what: &str, error: azure_core::Error) -> Self {
        Failure(format!("{what}: {}", describe(error)))
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

type Outcome<T> = Result<T, Failure>;

fn main() -> ExitCode {
    // Usage errors exit here, with status 2.
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            return fail(&Failure::new(format!(
                "cannot start the async runtime: {e}"
            )))
        }
    };
    let Command::Token(TokenCommand::Credential(command)) = cli.command;
    let result = runtime.block_on(async {
        match command {
            CredentialCommand::Generate(args) => generate(args).await,
            CredentialCommand::Delete(args) => delete(args).await,
        }
    });
    let output = match result {
        Ok(output) => output,
        Err(failure) => return fail(&failure),
    };
    // Not `println!`, which panics when stdout is closed (`acr ... | false`).
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{output}").and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&Failure::new(format!(
            "cannot write the result to stdout: {e}; the service made the change all the same \
             (a `generate` made passwords that are now lost: generate them again)"
        ))),
    }
}

/// Prints `error: <failure>` to stderr; the exit status 1.
fn fail(failure: &Failure) -> ExitCode {
    let _ = writeln!(std::io::stderr(), "error: {failure}");
    ExitCode::FAILURE
}

/// `token credential generate`: the new passwords, as JSON.
async fn generate(args: GenerateArgs) -> Outcome<String> {
    let target = &args.target;
    check_names(target)?;
    // Only one of the two when only one is asked for; otherwise both (no name).
    let name = match (args.password1, args.password2) {
        (true, false) => Some(TokenPasswordName::Password1),
        (false, true) => Some(TokenPasswordName::Password2),
        _ => None,
    };
    let expiry = match (args.expiration, args.expiration_in_days) {
        (Some(_), Some(_)) => {
            // clap refuses this combination already.
            return Err(Failure::new(
                "--expiration and --expiration-in-days are mutually exclusive",
            ));
        }
        (Some(at), None) => Some(at),
        (None, Some(days)) => Some(days_from_now(days)?),
        (None, None) => None,
    };
    let (client, subscription) = connect(target)?;
    let resource_group = resource_group(&client, target, &subscription).await?;
    let token_id = ResourceId::in_group(&subscription, &resource_group)
        .resource(
            "Microsoft.ContainerRegistry",
            "registries",
            &target.registry,
        )
        .child("tokens", &target.token);
    let parameters = GenerateCredentialsParameters {
        token_id: Some(token_id.to_string()),
        expiry,
        name,
    };
    let what = format!(
        "cannot generate credentials for token `{}` of registry `{}`",
        target.token, target.registry
    );
    let result = client
        .registries_client()
        .begin_generate_credentials(&resource_group, &target.registry, &parameters, None)
        .map_err(|e| Failure::azure(&what, e))?
        .await
        .and_then(|response| response.into_model())
        .map_err(|e| Failure::azure(&what, e))?;
    // Like az: every password with all four fields, `null` when absent.
    let mut passwords = Vec::new();
    for password in result.passwords.unwrap_or_default() {
        let mut fields = as_object(&password)?;
        for key in ["creationTime", "expiry", "name", "value"] {
            fields.entry(key).or_insert(Value::Null);
        }
        passwords.push(Value::Object(fields));
    }
    to_json(&json!({ "passwords": passwords, "username": result.username }))
}

/// `token credential delete`: the updated token, as JSON.
async fn delete(args: DeleteArgs) -> Outcome<String> {
    if !args.password1 && !args.password2 {
        return Err(Failure::new(
            "No credentials to delete. Pass --password1, --password2 or both.",
        ));
    }
    let target = &args.target;
    check_names(target)?;
    let (client, subscription) = connect(target)?;
    let resource_group = resource_group(&client, target, &subscription).await?;
    let token: Token = client
        .tokens_client()
        .get(&resource_group, &target.registry, &target.token, None)
        .await
        .and_then(|response| response.into_model())
        .map_err(|e| {
            Failure::azure(
                &format!(
                    "cannot get token `{}` of registry `{}`",
                    target.token, target.registry
                ),
                e,
            )
        })?;
    let existing: Vec<TokenPasswordName> = token
        .properties
        .as_ref()
        .and_then(|p| p.credentials.as_ref())
        .and_then(|c| c.passwords.as_ref())
        .map(|passwords| passwords.iter().filter_map(|p| p.name.clone()).collect())
        .unwrap_or_default();
    let mut remove = Vec::new();
    if args.password1 {
        remove.push(TokenPasswordName::Password1);
    }
    if args.password2 {
        remove.push(TokenPasswordName::Password2);
    }
    for name in &remove {
        if !existing.contains(name) {
            return Err(Failure::new(format!(
                "token `{}` has no {name} to delete; it has {}",
                target.token,
                if existing.is_empty() {
                    "no passwords".to_string()
                } else {
                    existing
                        .iter()
                        .map(|n| n.as_str())
                        .collect::<Vec<_>>()
                        .join(" and ")
                }
            )));
        }
    }
    // The passwords to keep, by name only: the service keeps their values.
    let keep: Vec<TokenPassword> = existing
        .into_iter()
        .filter(|name| !remove.contains(name))
        .map(|name| TokenPassword {
            name: Some(name),
            ..TokenPassword::default()
        })
        .collect();
    let parameters = TokenUpdateParameters {
        properties: Some(Box::new(TokenUpdateProperties {
            credentials: Some(Box::new(TokenCredentialsProperties {
                passwords: Some(keep),
                certificates: None,
            })),
            ..TokenUpdateProperties::default()
        })),
    };
    let what = format!(
        "cannot update token `{}` of registry `{}`",
        target.token, target.registry
    );
    let updated: Token = client
        .tokens_client()
        .begin_update(
            &resource_group,
            &target.registry,
            &target.token,
            &parameters,
            None,
        )
        .map_err(|e| Failure::azure(&what, e))?
        .await
        .and_then(|response| response.into_model())
        .map_err(|e| Failure::azure(&what, e))?;
    // Like az: the resource with its properties lifted to the top, and its resource group.
    let mut token = as_object(&updated)?;
    if let Some(Value::Object(properties)) = token.remove("properties") {
        for (key, value) in properties {
            token.entry(key).or_insert(value);
        }
    }
    token.insert("resourceGroup".to_string(), Value::String(resource_group));
    to_json(&Value::Object(token))
}

/// The spec's rules for the names in the request path, checked before any request:
/// `registryName` 5–50 characters of `^[a-zA-Z0-9]*$`, `tokenName` 5–50 of
/// `^[a-zA-Z0-9-]*$`, `resourceGroupName` 1–90 of `^[-\w\._\(\)]+$`. (The client
/// checks them too, but only once it gets to the operation that uses them.)
fn check_names(target: &Target) -> Outcome<()> {
    check_name(
        "registry name",
        &target.registry,
        5..=50,
        |c| c.is_ascii_alphanumeric(),
        "letters and digits",
    )?;
    check_name(
        "token name",
        &target.token,
        5..=50,
        |c| c.is_ascii_alphanumeric() || c == '-',
        "letters, digits and `-`",
    )?;
    if let Some(group) = &target.resource_group {
        check_name(
            "resource group name",
            group,
            1..=90,
            |c| c.is_ascii_alphanumeric() || "-_.()".contains(c),
            "letters, digits and `-_.()`",
        )?;
    }
    Ok(())
}

fn check_name(
    what: &str,
    value: &str,
    length: std::ops::RangeInclusive<usize>,
    allowed: fn(char) -> bool,
    alphabet: &str,
) -> Outcome<()> {
    let len = value.chars().count();
    if length.contains(&len) && value.chars().all(allowed) {
        return Ok(());
    }
    Err(Failure::new(format!(
        "invalid {what} `{value}`: it must be {} to {} characters long ({len} given) \
         and contain only {alphabet}",
        length.start(),
        length.end(),
    )))
}

/// `--expiration`: `%Y-%m-%dT%H:%M:%SZ` in UTC (any RFC 3339 time is accepted too).
fn parse_expiration(value: &str) -> Result<OffsetDateTime, String> {
    let format =
        time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    time::PrimitiveDateTime::parse(value, format)
        .map(|t| t.assume_utc())
        .or_else(|_| OffsetDateTime::parse(value, &time::format_description::well_known::Rfc3339))
        .map_err(|_| "expected a UTC time like 2025-12-31T12:59:59Z".to_string())
}

/// Now plus `days`, to the second.
fn days_from_now(days: u32) -> Outcome<OffsetDateTime> {
    OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .ok()
        .and_then(|now| now.checked_add(Duration::days(days.into())))
        .ok_or_else(|| Failure::new(format!("--expiration-in-days {days} is too far away")))
}

/// The client, for the subscription of `--subscription` or `AZURE_SUBSCRIPTION_ID`.
fn connect(target: &Target) -> Outcome<(ContainerRegistryClient, String)> {
    let subscription = target
        .subscription
        .clone()
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| {
            Failure::new("no subscription: pass --subscription or set AZURE_SUBSCRIPTION_ID")
        })?;
    let options = ContainerRegistryClientOptions {
        client_options: ClientOptions {
            transport: Some(transport()?),
            ..ClientOptions::default()
        },
        ..ContainerRegistryClientOptions::default()
    };
    let client = ContainerRegistryClient::new(
        &target.endpoint,
        credential()?,
        subscription.clone(),
        Some(options),
    )
    .map_err(|e| Failure::azure(&format!("invalid endpoint `{}`", target.endpoint), e))?;
    Ok((client, subscription))
}

/// `--resource-group`, or the resource group of the subscription's registry of that
/// name (ARM names are case-insensitive).
async fn resource_group(
    client: &ContainerRegistryClient,
    target: &Target,
    subscription: &str,
) -> Outcome<String> {
    if let Some(group) = &target.resource_group {
        return Ok(group.clone());
    }
    let what = format!(
        "cannot list the registries of subscription `{subscription}` to find registry `{}` \
         (or pass --resource-group)",
        target.registry
    );
    let mut registries = client
        .registries_client()
        .list(None)
        .map_err(|e| Failure::azure(&what, e))?;
    while let Some(registry) = registries
        .try_next()
        .await
        .map_err(|e| Failure::azure(&what, e))?
    {
        let same_name = registry
            .name
            .as_deref()
            .is_some_and(|name| name.eq_ignore_ascii_case(&target.registry));
        if !same_name {
            continue;
        }
        return registry
            .id
            .as_deref()
            .and_then(|id| id.parse::<ResourceId>().ok())
            .and_then(|id| id.resource_group().map(str::to_string))
            .ok_or_else(|| {
                Failure::new(format!(
                    "the service listed registry `{}` without a resource ID to take its \
                     resource group from; pass --resource-group",
                    target.registry
                ))
            });
    }
    Err(Failure::new(format!(
        "registry `{}` was not found in subscription `{subscription}`; check the name, or \
         pass --resource-group",
        target.registry
    )))
}

/// `AZURE_ACCESS_TOKEN` if set, else the Azure CLI's (or Azure Developer CLI's) login.
fn credential() -> Outcome<Arc<dyn TokenCredential>> {
    match std::env::var(ACCESS_TOKEN_VAR) {
        Ok(token) if token.trim().is_empty() => Err(Failure::new(format!(
            "{ACCESS_TOKEN_VAR} is set but empty; unset it to use `az login`"
        ))),
        Ok(token) => Ok(Arc::new(StaticToken(Secret::new(token.trim().to_string())))),
        Err(std::env::VarError::NotUnicode(_)) => Err(Failure::new(format!(
            "{ACCESS_TOKEN_VAR} is not valid UTF-8"
        ))),
        Err(std::env::VarError::NotPresent) => {
            let credential = azure_identity::DeveloperToolsCredential::new(None)
                .map_err(|e| Failure::azure("cannot use the Azure CLI's login", e))?;
            Ok(credential)
        }
    }
}

/// A bearer token obtained elsewhere (`az account get-access-token`). Its expiry is
/// unknown here; when it has expired, the service says so.
#[derive(Debug)]
struct StaticToken(Secret);

#[async_trait::async_trait]
impl TokenCredential for StaticToken {
    async fn get_token(
        &self,
        _scopes: &[&str],
        _options: Option<TokenRequestOptions<'_>>,
    ) -> azure_core::Result<AccessToken> {
        Ok(AccessToken::new(
            self.0.clone(),
            OffsetDateTime::now_utc() + Duration::hours(1),
        ))
    }
}

/// azure_core's own HTTP client, built the way azure_core builds it (reqwest 0.13 with
/// rustls and rustls-platform-verifier, 20 s to connect, 60 s per read, no redirects),
/// but here, so that:
/// - trusted roots that cannot be loaded (a bad `SSL_CERT_FILE`) are an error, where
///   azure_core's default transport would panic;
/// - a certificate the server presents that is not trusted fails at once, where the
///   retry policy would retry it for a minute as if it were a network error.
fn transport() -> Outcome<Transport> {
    let client = reqwest::ClientBuilder::new()
        .connect_timeout(std::time::Duration::from_secs(20))
        .read_timeout(std::time::Duration::from_secs(60))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| {
            Failure::new(format!(
                "cannot set up TLS: {}{}",
                chain(&e),
                trust_store_hint()
            ))
        })?;
    Ok(Transport::new(Arc::new(CertificateErrorsAreFinal(client))))
}

/// Where the trusted CA certificates come from, for error messages.
fn trust_store_hint() -> String {
    let chosen: Vec<String> = ["SSL_CERT_FILE", "SSL_CERT_DIR"]
        .into_iter()
        .filter_map(|var| {
            let value = std::env::var_os(var)?;
            Some(format!("{var}={}", value.to_string_lossy()))
        })
        .collect();
    match chosen.len() {
        0 => " (the system's CA certificates are trusted; to trust others, set SSL_CERT_FILE \
              to a PEM file holding all the CA certificates to trust)"
            .to_string(),
        1 => format!(
            " ({} is set: only the CA certificates it holds are trusted, not the system's)",
            chosen[0]
        ),
        _ => format!(
            " ({} are set: only the CA certificates they hold are trusted, not the system's)",
            chosen.join(" and ")
        ),
    }
}

#[derive(Debug)]
struct CertificateErrorsAreFinal(reqwest::Client);

#[async_trait::async_trait]
impl HttpClient for CertificateErrorsAreFinal {
    async fn execute_request(&self, request: &Request) -> azure_core::Result<AsyncRawResponse> {
        self.0.execute_request(request).await.map_err(|error| {
            if !is_certificate_error(&error) {
                return error;
            }
            let message = format!(
                "the TLS certificate of {} is not trusted{}",
                request.url().host_str().unwrap_or("the server"),
                trust_store_hint()
            );
            // `Other`, unlike `Io` and `Connection`, is not retried.
            azure_core::Error::with_error(ErrorKind::Other, error, message)
        })
    }
}

/// Whether rustls refused the server's certificate somewhere down `error`'s sources.
fn is_certificate_error(error: &(dyn std::error::Error + 'static)) -> bool {
    // rustls as reqwest uses it (tokio-rustls re-exports the same crate).
    use tokio_rustls::rustls::Error as TlsError;
    let mut pending = vec![error];
    while let Some(error) = pending.pop() {
        if let Some(TlsError::InvalidCertificate(_)) = error.downcast_ref::<TlsError>() {
            return true;
        }
        // An io::Error's `source()` skips the error it wraps: look inside too.
        if let Some(inner) = error
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
        {
            pending.push(inner);
        }
        if let Some(source) = error.source() {
            pending.push(source);
        }
    }
    false
}

/// An error for the user: for a response from the service, the HTTP status and the
/// ARM error's code and message; otherwise the error and its causes.
fn describe(error: azure_core::Error) -> String {
    let ErrorKind::HttpResponse {
        status, error_code, ..
    } = error.kind()
    else {
        return chain(&error);
    };
    let (status, mut code) = (*status, error_code.clone());
    let fallback = chain(&error);
    let detail = ErrorResponse::try_from(error).ok().and_then(|r| r.error);
    if code.is_none() {
        code = detail.as_ref().and_then(|d| d.code.clone());
    }
    let message = detail.and_then(|d| d.message).unwrap_or(fallback);
    let code = code.map(|c| format!("({c}) ")).unwrap_or_default();
    let status_code = u16::from(status);
    if (200..300).contains(&status_code) {
        // A long-running operation that ended `Failed` or `Canceled`.
        return format!("the operation failed: {code}{message}");
    }
    format!(
        "{status_code} {}: {code}{message}",
        status.canonical_reason()
    )
}

/// An error and its causes, `: `-separated (without the retry policy's wrapper text).
fn chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut next = Some(error);
    while let Some(error) = next {
        let text = error.to_string();
        let noise = text == "non-transport error occurred which will not be retried";
        if !noise && !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        next = error.source();
    }
    parts.join(": ")
}

fn as_object<T: serde::Serialize>(value: &T) -> Outcome<Map<String, Value>> {
    match serde_json::to_value(value) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Ok(Map::new()),
        Err(e) => Err(Failure::new(format!("cannot print the result: {e}"))),
    }
}

fn to_json(value: &Value) -> Outcome<String> {
    serde_json::to_string_pretty(value)
        .map_err(|e| Failure::new(format!("cannot print the result: {e}")))
}
