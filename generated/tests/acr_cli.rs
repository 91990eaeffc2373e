//! End-to-end tests of the `acr` example (`examples/acr.rs`): the example binary runs
//! as a child process against an HTTPS mock of Azure Resource Manager on 127.0.0.1
//! (wiremock behind a TLS proxy; see the generator's `templates/mock_support.rs`).
//!
//! The child gets a clean environment: `AZURE_ACCESS_TOKEN=test-token`,
//! `AZURE_SUBSCRIPTION_ID`, `AZURE_RESOURCE_MANAGER_ENDPOINT` = the mock's https base,
//! and `SSL_CERT_FILE` = a temporary file holding the mock's certificate. So the
//! example's TLS stack (azure_core's reqwest 0.13 client with rustls and
//! rustls-platform-verifier, as compiled into the example) is what trusts the mock, by
//! way of `SSL_CERT_FILE` alone.
//!
//! The binary: `cargo build --example acr` (the `CARGO` that runs these tests, same
//! workspace and target directory) once per test run; usually a no-op, since
//! `cargo test` builds examples too. Its path comes from cargo's JSON messages. Set
//! `ACR_EXAMPLE_BIN` to use an already built binary instead.
//!
//! Linux (and Unix but Apple and Android) only: elsewhere rustls-platform-verifier
//! uses the OS trust store and ignores `SSL_CERT_FILE`.
//!
//! Hand-written: `cargo xtask regen` leaves this file alone.
#![cfg(all(unix, not(target_vendor = "apple"), not(target_os = "android")))]

#[path = "../../generator/src/templates/mock_support.rs"]
mod mock;

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use mock::{MockArm, Sequence};
use serde_json::{json, Value};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use wiremock::matchers::{method, path};
use wiremock::{Mock, Request, ResponseTemplate};

const API: &str = "2023-01-01-preview";
const SUB: &str = "00000000-0000-0000-0000-000000000001";
const RG: &str = "myResourceGroup";
const REG: &str = "myRegistry";
const TOKEN: &str = "mytoken";
const PW1: &str = "pw-one-S3CRET-value";
const PW2: &str = "pw-two-S3CRET-value";

// ------------------------------------------------------------------ running the example

/// The example binary, built once per test run.
fn example_binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        if let Some(path) = std::env::var_os("ACR_EXAMPLE_BIN") {
            return PathBuf::from(path);
        }
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
        let output = Command::new(cargo)
            .args([
                "build",
                "--example",
                "acr",
                "--message-format=json-render-diagnostics",
            ])
            .arg("--manifest-path")
            .arg(&manifest)
            .stdin(Stdio::null())
            .output()
            .expect("cargo runs");
        assert!(
            output.status.success(),
            "cargo build --example acr failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let executable = String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter_map(|line| serde_json::from_str::<Value>(line).ok())
            .filter(|m| m["reason"] == "compiler-artifact" && m["target"]["name"] == "acr")
            .filter(|m| m["target"]["kind"] == json!(["example"]))
            .find_map(|m| m["executable"].as_str().map(PathBuf::from))
            .expect("cargo reports the example's executable");
        assert!(executable.is_file(), "{}", executable.display());
        executable
    })
}

/// What a run of the example did.
#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    #[track_caller]
    fn assert_success(&self) -> Value {
        assert_eq!(self.code, Some(0), "{self:#?}");
        assert_eq!(self.stderr, "", "nothing on stderr: {self:#?}");
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is JSON ({e}): {self:#?}"))
    }

    /// A failure: exit status 1, an `error: ` line with all of `needles`, no panic,
    /// no backtrace, nothing on stdout.
    #[track_caller]
    fn assert_error(&self, needles: &[&str]) {
        assert_eq!(self.code, Some(1), "{self:#?}");
        self.assert_clean_failure(needles);
    }

    #[track_caller]
    fn assert_clean_failure(&self, needles: &[&str]) {
        assert_eq!(self.stdout, "", "nothing on stdout: {self:#?}");
        assert!(self.stderr.starts_with("error: "), "{self:#?}");
        for needle in needles {
            assert!(
                self.stderr.contains(needle),
                "stderr has {needle:?}: {self:#?}"
            );
        }
        for bad in ["panicked", "backtrace", "RUST_BACKTRACE", "test-token"] {
            assert!(!self.stderr.contains(bad), "stderr has {bad:?}: {self:#?}");
        }
    }
}

/// The environment of a run: the mock and the CA file trusted through `SSL_CERT_FILE`.
struct Env<'a> {
    mock: &'a MockArm,
    ca_file: TempFile,
}

impl<'a> Env<'a> {
    fn new(mock: &'a MockArm) -> Self {
        Env {
            mock,
            ca_file: TempFile::new("ca.pem", mock.ca_pem()),
        }
    }

    /// Runs `acr <args>` (split on whitespace) with `endpoint` as
    /// `AZURE_RESOURCE_MANAGER_ENDPOINT` and `ssl_cert_file` as `SSL_CERT_FILE`;
    /// nothing else of this process's environment.
    async fn run_with(&self, endpoint: &str, ssl_cert_file: &Path, args: &str) -> Run {
        self.launch(endpoint, ssl_cert_file, args, false).await
    }

    /// Runs `acr <args>` against the mock, trusting its certificate through `SSL_CERT_FILE`.
    async fn run(&self, args: &str) -> Run {
        self.run_with(self.mock.base(), &self.ca_file.path, args)
            .await
    }

    /// Runs `acr <args>` with its stdout closed (the reading end, at once).
    async fn run_with_stdout_closed(&self, args: &str) -> Run {
        self.launch(self.mock.base(), &self.ca_file.path, args, true)
            .await
    }

    async fn launch(
        &self,
        endpoint: &str,
        ssl_cert_file: &Path,
        args: &str,
        close_stdout: bool,
    ) -> Run {
        let args: Vec<String> = args.split_whitespace().map(str::to_string).collect();
        let envs: Vec<(&str, std::ffi::OsString)> = vec![
            ("AZURE_ACCESS_TOKEN", mock::TOKEN.into()),
            ("AZURE_SUBSCRIPTION_ID", SUB.into()),
            ("AZURE_RESOURCE_MANAGER_ENDPOINT", endpoint.into()),
            ("SSL_CERT_FILE", ssl_cert_file.into()),
            // A backtrace would show if the example panicked.
            ("RUST_BACKTRACE", "1".into()),
        ];
        tokio::task::spawn_blocking(move || run(&args, envs, close_stdout))
            .await
            .expect("the run finishes")
    }
}

/// Runs the example with `args` and only the environment `envs`, killing it after 60 s.
/// With `close_stdout`, the read end of its stdout is closed at once.
fn run(args: &[String], envs: Vec<(&str, std::ffi::OsString)>, close_stdout: bool) -> Run {
    let mut child = Command::new(example_binary())
        .args(args)
        .env_clear()
        .envs(envs)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut stdout = (!close_stdout).then_some(stdout);
    let mut stderr = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut text = String::new();
        match &mut stdout {
            Some(stdout) => stdout.read_to_string(&mut text).map(|_| text),
            None => Ok(text),
        }
    });
    let err = std::thread::spawn(move || {
        let mut text = String::new();
        stderr.read_to_string(&mut text).map(|_| text)
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the example did not finish within 60 s: {args:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.code(),
        stdout: out.join().expect("stdout reader").expect("stdout is UTF-8"),
        stderr: err.join().expect("stderr reader").expect("stderr is UTF-8"),
    }
}

/// A file in the temp directory, removed on drop.
struct TempFile {
    path: PathBuf,
}

impl TempFile {
    fn new(name: &str, contents: &str) -> Self {
        static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("acr-cli-{}-{n}-{name}", std::process::id()));
        std::fs::write(&path, contents).expect("a temp file");
        TempFile { path }
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

// ------------------------------------------------------------------ the mock service

fn registry_path(group: &str) -> String {
    format!("/subscriptions/{SUB}/resourceGroups/{group}/providers/Microsoft.ContainerRegistry/registries/{REG}")
}

fn token_id(group: &str) -> String {
    format!("{}/tokens/{TOKEN}", registry_path(group))
}

fn generate_path(group: &str) -> String {
    format!("{}/generateCredentials", registry_path(group))
}

fn list_path() -> String {
    format!("/subscriptions/{SUB}/providers/Microsoft.ContainerRegistry/registries")
}

fn arm_error(status: u16, code: &str, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status)
        .set_body_json(json!({"error": {"code": code, "message": message}}))
}

fn password(name: &str, value: Option<&str>) -> Value {
    let mut password = json!({
        "name": name,
        "creationTime": "2024-06-01T10:00:00.1234567Z",
        "expiry": "2026-06-01T10:00:00Z",
    });
    if let Some(value) = value {
        password["value"] = json!(value);
    }
    password
}

fn token_json(passwords: &[&str]) -> Value {
    json!({
        "id": token_id(RG),
        "name": TOKEN,
        "type": "Microsoft.ContainerRegistry/registries/tokens",
        "properties": {
            "creationDate": "2024-06-01T09:00:00Z",
            "provisioningState": "Succeeded",
            "scopeMapId": format!("{}/scopeMaps/_repositories_pull", registry_path(RG)),
            "status": "enabled",
            "credentials": {
                "certificates": [],
                "passwords": passwords.iter().map(|n| password(n, None)).collect::<Vec<_>>(),
            }
        }
    })
}

/// Asserts one request: method, path, exactly `api-version=2023-01-01-preview`, and
/// the JSON body (`None`: no body).
#[track_caller]
fn assert_request(request: &Request, verb: &str, path: &str, body: Option<&Value>) {
    let what = format!("{} {}", request.method, request.url);
    assert_eq!(request.method.as_str(), verb, "{what}");
    assert_eq!(request.url.path(), path, "{what}");
    assert_eq!(mock::query_values(request, "api-version"), [API], "{what}");
    match body {
        Some(body) => assert_eq!(&mock::json_body(request), body, "the body of {what}"),
        None => assert!(request.body.is_empty(), "{what} has a body"),
    }
}

/// Asserts that the passwords `values` are on stdout and nowhere on stderr.
#[track_caller]
fn assert_values_only_on_stdout(run: &Run, values: &[&str]) {
    for value in values {
        assert!(run.stdout.contains(value), "{value} on stdout: {run:#?}");
        assert!(
            !run.stderr.contains(value),
            "{value} not on stderr: {run:#?}"
        );
    }
}

/// Asserts the az-like shape: `{"passwords": [{creationTime, expiry, name, value}], "username"}`.
#[track_caller]
fn assert_credentials_shape(output: &Value, names: &[&str]) {
    let object = output.as_object().expect("an object");
    assert_eq!(
        object.keys().collect::<Vec<_>>(),
        ["passwords", "username"],
        "{output:#}"
    );
    assert_eq!(output["username"], TOKEN);
    let passwords = output["passwords"].as_array().expect("passwords");
    assert_eq!(passwords.len(), names.len(), "{output:#}");
    for (password, name) in passwords.iter().zip(names) {
        let keys: Vec<_> = password.as_object().expect("a password").keys().collect();
        assert_eq!(
            keys,
            ["creationTime", "expiry", "name", "value"],
            "{output:#}"
        );
        assert_eq!(password["name"], *name, "{output:#}");
    }
}

// ------------------------------------------------------------------ generate

/// `--password1 --days 30`: one POST with `name: password1` and an expiry 30 days from
/// now (to the second); 200 → the new password on stdout, az's JSON shape.
#[tokio::test]
async fn generate_password1_expiring_in_30_days() {
    let mock = MockArm::start().await;
    Mock::given(method("POST"))
        .and(path(generate_path(RG)))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "username": TOKEN,
            "passwords": [password("password1", Some(PW1))],
        })))
        .mount(&mock.server)
        .await;
    let env = Env::new(&mock);

    let before = OffsetDateTime::now_utc().replace_nanosecond(0).unwrap();
    let run = env
        .run(&format!(
            "token credential generate -n {TOKEN} -r {REG} -g {RG} --password1 --days 30"
        ))
        .await;
    let after = OffsetDateTime::now_utc();

    let output = run.assert_success();
    assert_credentials_shape(&output, &["password1"]);
    assert_eq!(output["passwords"][0]["value"], PW1);
    assert_eq!(
        output["passwords"][0]["creationTime"],
        "2024-06-01T10:00:00.1234567Z"
    );
    assert_eq!(output["passwords"][0]["expiry"], "2026-06-01T10:00:00Z");
    assert_values_only_on_stdout(&run, &[PW1]);

    let requests = mock.authorized_requests().await;
    assert_eq!(requests.len(), 1, "{requests:?}");
    let body = mock::json_body(&requests[0]);
    let expiry = body["expiry"].as_str().expect("an expiry");
    let expiry = OffsetDateTime::parse(expiry, &Rfc3339).expect("RFC 3339");
    let thirty_days = time::Duration::days(30);
    assert!(
        before + thirty_days <= expiry && expiry <= after + thirty_days,
        "expiry {expiry} is 30 days after the run ({before}..{after})"
    );
    assert_eq!(expiry.nanosecond(), 0, "whole seconds");
    assert_request(
        &requests[0],
        "POST",
        &generate_path(RG),
        Some(&json!({"tokenId": token_id(RG), "name": "password1", "expiry": body["expiry"]})),
    );
    assert_eq!(
        requests[0]
            .headers
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("application/json")
    );
}

/// Both passwords (no flag) with `--expiration`: no `name`, the given expiry; the
/// service answers 202 + Location, which is polled (202, then 200 with the result).
#[tokio::test]
async fn generate_both_with_expiration_polls_location() {
    let mock = MockArm::start().await;
    let operation = format!("/subscriptions/{SUB}/providers/Microsoft.ContainerRegistry/locations/westus/operationResults/op1");
    Mock::given(method("POST"))
        .and(path(generate_path(RG)))
        .respond_with(
            ResponseTemplate::new(202)
                .insert_header(
                    "location",
                    mock.url(&format!("{operation}?api-version={API}")),
                )
                .insert_header("retry-after", "0"),
        )
        .mount(&mock.server)
        .await;
    Mock::given(method("GET"))
        .and(path(operation.clone()))
        .respond_with(Sequence::new(vec![
            ResponseTemplate::new(202).insert_header("retry-after", "0"),
            ResponseTemplate::new(200).set_body_json(json!({
                "username": TOKEN,
                "passwords": [password("password1", Some(PW1)), {"name": "password2", "value": PW2}],
            })),
        ]))
        .mount(&mock.server)
        .await;
    let env = Env::new(&mock);

    let run = env
        .run(&format!("token credential generate --name {TOKEN} --registry {REG} --resource-group {RG} --expiration 2025-12-31T12:59:59Z"))
        .await;

    let output = run.assert_success();
    assert_credentials_shape(&output, &["password1", "password2"]);
    assert_eq!(output["passwords"][1]["value"], PW2);
    assert_eq!(output["passwords"][1]["creationTime"], Value::Null);
    assert_eq!(output["passwords"][1]["expiry"], Value::Null);
    assert_values_only_on_stdout(&run, &[PW1, PW2]);

    let requests = mock.authorized_requests().await;
    assert_eq!(requests.len(), 3, "POST, then two polls: {requests:?}");
    assert_request(
        &requests[0],
        "POST",
        &generate_path(RG),
        Some(&json!({"tokenId": token_id(RG), "expiry": "2025-12-31T12:59:59Z"})),
    );
    assert_request(&requests[1], "GET", &operation, None);
    assert_request(&requests[2], "GET", &operation, None);
}

/// `--password1 --password2` is both, like no flag: no `name` in the body.
#[tokio::test]
async fn generate_with_both_flags_regenerates_both() {
    let mock = MockArm::start().await;
    Mock::given(method("POST"))
        .and(path(generate_path(RG)))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "username": TOKEN,
            "passwords": [password("password1", Some(PW1)), password("password2", Some(PW2))],
        })))
        .mount(&mock.server)
        .await;
    let env = Env::new(&mock);

    let run = env
        .run(&format!(
            "token credential generate -n {TOKEN} -r {REG} -g {RG} --password1 --password2"
        ))
        .await;

    assert_credentials_shape(&run.assert_success(), &["password1", "password2"]);
    let requests = mock.authorized_requests().await;
    assert_eq!(requests.len(), 1, "{requests:?}");
    assert_request(
        &requests[0],
        "POST",
        &generate_path(RG),
        Some(&json!({"tokenId": token_id(RG)})),
    );
}

/// Without `--resource-group`, the registry's resource group comes from listing the
/// subscription's registries (two pages; names compared case-insensitively).
#[tokio::test]
async fn generate_finds_the_resource_group_by_listing_registries() {
    let mock = MockArm::start().await;
    let group = "rg-from-list";
    let second_page = format!("{}?api-version={API}&$skipToken=page2", list_path());
    Mock::given(method("GET"))
        .and(path(list_path()))
        .and(wiremock::matchers::query_param_is_missing("$skipToken"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "value": [{
                "id": format!("/subscriptions/{SUB}/resourceGroups/other/providers/Microsoft.ContainerRegistry/registries/otherRegistry"),
                "name": "otherRegistry",
                "location": "westus",
                "sku": {"name": "Basic"},
            }],
            "nextLink": mock.url(&second_page),
        })))
        .mount(&mock.server)
        .await;
    Mock::given(method("GET"))
        .and(path(list_path()))
        .and(wiremock::matchers::query_param("$skipToken", "page2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "value": [{
                "id": format!("/subscriptions/{SUB}/resourceGroups/{group}/providers/Microsoft.ContainerRegistry/registries/{}", REG.to_lowercase()),
                "name": REG.to_lowercase(),
                "location": "westus",
                "sku": {"name": "Standard"},
            }],
        })))
        .mount(&mock.server)
        .await;
    Mock::given(method("POST"))
        .and(path(generate_path(group)))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "username": TOKEN,
            "passwords": [password("password2", Some(PW2))],
        })))
        .mount(&mock.server)
        .await;
    let env = Env::new(&mock);

    let run = env
        .run(&format!(
            "token credential generate -n {TOKEN} -r {REG} --password2"
        ))
        .await;

    assert_credentials_shape(&run.assert_success(), &["password2"]);
    let requests = mock.authorized_requests().await;
    assert_eq!(requests.len(), 3, "{requests:?}");
    assert_request(&requests[0], "GET", &list_path(), None);
    assert_request(&requests[1], "GET", &list_path(), None);
    assert_eq!(mock::query_values(&requests[1], "$skipToken"), ["page2"]);
    assert_request(
        &requests[2],
        "POST",
        &generate_path(group),
        Some(&json!({"tokenId": token_id(group), "name": "password2"})),
    );
}

/// A registry that is not in the subscription: a clear error after the list, nothing else sent.
#[tokio::test]
async fn generate_for_a_registry_not_in_the_subscription_fails() {
    let mock = MockArm::start().await;
    Mock::given(method("GET"))
        .and(path(list_path()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"value": []})))
        .mount(&mock.server)
        .await;
    let env = Env::new(&mock);

    let run = env
        .run(&format!("token credential generate -n {TOKEN} -r {REG}"))
        .await;

    run.assert_error(&[
        "registry `myRegistry` was not found in subscription",
        SUB,
        "--resource-group",
    ]);
    let requests = mock.authorized_requests().await;
    assert_eq!(requests.len(), 1, "{requests:?}");
    assert_request(&requests[0], "GET", &list_path(), None);
}

/// An ARM error: status, code and message on stderr, exit status 1, no panic or backtrace.
#[tokio::test]
async fn generate_arm_404_is_reported() {
    let mock = MockArm::start().await;
    let message = "The Resource 'Microsoft.ContainerRegistry/registries/myRegistry' under resource group 'myResourceGroup' was not found.";
    Mock::given(method("POST"))
        .and(path(generate_path(RG)))
        .respond_with(arm_error(404, "ResourceNotFound", message))
        .mount(&mock.server)
        .await;
    let env = Env::new(&mock);

    let run = env
        .run(&format!(
            "token credential generate -n {TOKEN} -r {REG} -g {RG}"
        ))
        .await;

    run.assert_error(&[
        "404",
        "ResourceNotFound",
        message,
        "cannot generate credentials for token `mytoken`",
    ]);
    assert_eq!(run.stderr.lines().count(), 1, "one line: {run:#?}");
    let requests = mock.authorized_requests().await;
    assert_eq!(requests.len(), 1, "a 404 is not retried: {requests:?}");
}

/// `--expiration` with `--expiration-in-days`: a usage error (status 2) naming both; nothing sent.
#[tokio::test]
async fn expiration_and_days_together_are_refused() {
    let mock = MockArm::start().await;
    let env = Env::new(&mock);

    let run = env
        .run(&format!("token credential generate -n {TOKEN} -r {REG} -g {RG} --expiration 2025-12-31T12:59:59Z --expiration-in-days 30"))
        .await;

    assert_eq!(run.code, Some(2), "{run:#?}");
    run.assert_clean_failure(&[
        "--expiration <TIME>",
        "--expiration-in-days <N>",
        "cannot be used with",
    ]);
    assert!(mock.requests().await.is_empty());

    let run = env
        .run(&format!(
            "token credential generate -n {TOKEN} -r {REG} -g {RG} --expiration 2025-12-31"
        ))
        .await;
    assert_eq!(run.code, Some(2), "{run:#?}");
    run.assert_clean_failure(&["--expiration", "2025-12-31T12:59:59Z"]);
    assert!(mock.requests().await.is_empty());
}

/// Names against the spec's rules, before any request (even the registry lookup).
#[tokio::test]
async fn invalid_names_are_refused_before_any_request() {
    let mock = MockArm::start().await;
    let env = Env::new(&mock);
    let cases: &[(String, &[&str])] = &[
        (
            format!("generate -n {TOKEN} -r my_registry"),
            &["invalid registry name `my_registry`", "letters and digits"],
        ),
        (
            format!("generate -n {TOKEN} -r acr"),
            &["invalid registry name `acr`", "5 to 50", "(3 given)"],
        ),
        (
            format!("generate -n tok -r {REG} -g {RG}"),
            &["invalid token name `tok`", "5 to 50"],
        ),
        (
            format!("generate -n my.token -r {REG} -g {RG}"),
            &["invalid token name `my.token`", "letters, digits and `-`"],
        ),
        (
            format!("generate -n {TOKEN} -r {REG} -g rg/x"),
            &["invalid resource group name `rg/x`"],
        ),
        (
            format!("delete -n {TOKEN} -r my-registry --password1"),
            &["invalid registry name `my-registry`"],
        ),
    ];
    for (args, needles) in cases {
        let run = env.run(&format!("token credential {args}")).await;
        run.assert_error(needles);
    }
    assert!(
        mock.requests().await.is_empty(),
        "{:?}",
        mock.requests().await
    );
}

// ------------------------------------------------------------------ delete

/// `--password2`: GET the token, PATCH it keeping only password1's name (the service
/// answers 201 + Azure-AsyncOperation, polled to Succeeded, then the token is read
/// again), and print the token az-style.
#[tokio::test]
async fn delete_password2_keeps_password1() {
    let mock = MockArm::start().await;
    let token_path = token_id(RG);
    let status_path = format!("/subscriptions/{SUB}/providers/Microsoft.ContainerRegistry/locations/westus/operationStatuses/op2");
    Mock::given(method("GET"))
        .and(path(token_path.clone()))
        .respond_with(Sequence::new(vec![
            ResponseTemplate::new(200).set_body_json(token_json(&["password1", "password2"])),
            ResponseTemplate::new(200).set_body_json(token_json(&["password1"])),
        ]))
        .mount(&mock.server)
        .await;
    Mock::given(method("PATCH"))
        .and(path(token_path.clone()))
        .respond_with(
            ResponseTemplate::new(201)
                .insert_header(
                    "azure-asyncoperation",
                    mock.url(&format!("{status_path}?api-version={API}")),
                )
                .insert_header("retry-after", "0")
                .set_body_json(token_json(&["password1", "password2"])),
        )
        .mount(&mock.server)
        .await;
    Mock::given(method("GET"))
        .and(path(status_path.clone()))
        .respond_with(Sequence::new(vec![
            ResponseTemplate::new(200)
                .insert_header("retry-after", "0")
                .set_body_json(json!({"status": "InProgress"})),
            ResponseTemplate::new(200).set_body_json(json!({"status": "Succeeded"})),
        ]))
        .mount(&mock.server)
        .await;
    let env = Env::new(&mock);

    let run = env
        .run(&format!(
            "token credential delete -n {TOKEN} -r {REG} -g {RG} --password2"
        ))
        .await;

    let output = run.assert_success();
    assert_eq!(output["id"], token_path);
    assert_eq!(output["name"], TOKEN);
    assert_eq!(output["resourceGroup"], RG);
    assert_eq!(output["provisioningState"], "Succeeded");
    assert_eq!(
        output["credentials"]["passwords"].as_array().map(Vec::len),
        Some(1),
        "{output:#}"
    );
    assert_eq!(output["credentials"]["passwords"][0]["name"], "password1");
    assert!(
        output.get("properties").is_none(),
        "properties are lifted: {output:#}"
    );

    let requests = mock.authorized_requests().await;
    assert_eq!(requests.len(), 5, "{requests:?}");
    assert_request(&requests[0], "GET", &token_path, None);
    assert_request(
        &requests[1],
        "PATCH",
        &token_path,
        Some(&json!({"properties": {"credentials": {"passwords": [{"name": "password1"}]}}})),
    );
    assert_request(&requests[2], "GET", &status_path, None);
    assert_request(&requests[3], "GET", &status_path, None);
    assert_request(&requests[4], "GET", &token_path, None);
}

/// Both: the PATCH keeps no password (an empty list, as az sends).
#[tokio::test]
async fn delete_both_passwords_sends_an_empty_list() {
    let mock = MockArm::start().await;
    let token_path = token_id(RG);
    Mock::given(method("GET"))
        .and(path(token_path.clone()))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(token_json(&["password1", "password2"])),
        )
        .mount(&mock.server)
        .await;
    Mock::given(method("PATCH"))
        .and(path(token_path.clone()))
        .respond_with(ResponseTemplate::new(200).set_body_json(token_json(&[])))
        .mount(&mock.server)
        .await;
    let env = Env::new(&mock);

    let run = env
        .run(&format!(
            "token credential delete -n {TOKEN} -r {REG} -g {RG} --password1 --password2"
        ))
        .await;

    let output = run.assert_success();
    assert_eq!(output["credentials"]["passwords"], json!([]));
    let requests = mock.authorized_requests().await;
    assert_eq!(requests.len(), 2, "{requests:?}");
    assert_request(
        &requests[1],
        "PATCH",
        &token_path,
        Some(&json!({"properties": {"credentials": {"passwords": []}}})),
    );
}

/// Deleting a password the token does not have: a clear error after the GET; no PATCH.
#[tokio::test]
async fn delete_of_a_missing_password_fails_without_patching() {
    let mock = MockArm::start().await;
    let token_path = token_id(RG);
    Mock::given(method("GET"))
        .and(path(token_path.clone()))
        .respond_with(ResponseTemplate::new(200).set_body_json(token_json(&["password1"])))
        .mount(&mock.server)
        .await;
    let env = Env::new(&mock);

    let run = env
        .run(&format!(
            "token credential delete -n {TOKEN} -r {REG} -g {RG} --password2"
        ))
        .await;

    run.assert_error(&[
        "token `mytoken` has no password2 to delete",
        "it has password1",
    ]);
    let requests = mock.authorized_requests().await;
    assert_eq!(requests.len(), 1, "only the GET: {requests:?}");
    assert_request(&requests[0], "GET", &token_path, None);
}

/// Neither `--password1` nor `--password2`: "No credentials to delete." and no request.
#[tokio::test]
async fn delete_without_a_password_flag_sends_nothing() {
    let mock = MockArm::start().await;
    let env = Env::new(&mock);

    let run = env
        .run(&format!(
            "token credential delete -n {TOKEN} -r {REG} -g {RG}"
        ))
        .await;

    run.assert_error(&["No credentials to delete."]);
    assert!(mock.requests().await.is_empty());
}

/// A token that does not exist: the GET's 404 is reported with code and message.
#[tokio::test]
async fn delete_of_a_missing_token_reports_the_arm_error() {
    let mock = MockArm::start().await;
    let message = "The Resource 'Microsoft.ContainerRegistry/registries/myRegistry/tokens/mytoken' under resource group 'myResourceGroup' was not found.";
    Mock::given(method("GET"))
        .and(path(token_id(RG)))
        .respond_with(arm_error(404, "ResourceNotFound", message))
        .mount(&mock.server)
        .await;
    let env = Env::new(&mock);

    let run = env
        .run(&format!(
            "token credential delete -n {TOKEN} -r {REG} -g {RG} --password1"
        ))
        .await;

    run.assert_error(&[
        "cannot get token `mytoken` of registry `myRegistry`",
        "404 Not Found",
        "(ResourceNotFound)",
        message,
    ]);
    assert_eq!(mock.authorized_requests().await.len(), 1);
}

// ------------------------------------------------------------------ endpoint and TLS

/// `SSL_CERT_FILE` holding another CA: the mock's certificate is not trusted; the
/// failure is immediate (not retried for a minute) and names the trust store.
#[tokio::test]
async fn an_untrusted_certificate_fails_at_once() {
    let mock = MockArm::start().await;
    let env = Env::new(&mock);
    let other_ca = rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_string()])
        .expect("a certificate")
        .cert
        .pem();
    let other_ca = TempFile::new("other-ca.pem", &other_ca);

    let started = Instant::now();
    let run = env
        .run_with(
            mock.base(),
            &other_ca.path,
            &format!("token credential generate -n {TOKEN} -r {REG} -g {RG}"),
        )
        .await;

    run.assert_error(&[
        "the TLS certificate of 127.0.0.1 is not trusted",
        "SSL_CERT_FILE=",
        "invalid peer certificate",
    ]);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "not retried: {:?}",
        started.elapsed()
    );
    assert!(
        mock.requests().await.is_empty(),
        "no request got through TLS"
    );
}

/// `SSL_CERT_FILE` that holds no certificate: a clear error (azure_core's default
/// transport would panic building its HTTP client); nothing sent.
#[tokio::test]
async fn an_ssl_cert_file_without_certificates_is_an_error() {
    let mock = MockArm::start().await;
    let env = Env::new(&mock);
    let missing = std::env::temp_dir().join(format!("acr-cli-{}-missing.pem", std::process::id()));

    let run = env
        .run_with(
            mock.base(),
            &missing,
            &format!("token credential generate -n {TOKEN} -r {REG} -g {RG}"),
        )
        .await;

    run.assert_error(&[
        "cannot set up TLS",
        "No CA certificates were loaded",
        "SSL_CERT_FILE=",
    ]);
    assert!(mock.requests().await.is_empty());
}

/// A plain-http endpoint is refused before anything is sent.
#[tokio::test]
async fn a_plain_http_endpoint_is_refused() {
    let mock = MockArm::start().await;
    let env = Env::new(&mock);
    let plain = mock.base().replace("https://", "http://");

    let run = env
        .run_with(
            &plain,
            &env.ca_file.path,
            &format!("token credential generate -n {TOKEN} -r {REG} -g {RG}"),
        )
        .await;

    run.assert_error(&["invalid endpoint", "must use https"]);
    assert!(mock.requests().await.is_empty());
}

/// stdout closed: an error (not a panic), and the passwords are not on stderr either.
#[tokio::test]
async fn a_closed_stdout_is_an_error_without_the_passwords() {
    let mock = MockArm::start().await;
    Mock::given(method("POST"))
        .and(path(generate_path(RG)))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "username": TOKEN,
            "passwords": [password("password1", Some(PW1)), password("password2", Some(PW2))],
        })))
        .mount(&mock.server)
        .await;
    let env = Env::new(&mock);

    let run = env
        .run_with_stdout_closed(&format!(
            "token credential generate -n {TOKEN} -r {REG} -g {RG}"
        ))
        .await;

    run.assert_error(&["cannot write the result to stdout", "generate them again"]);
    for value in [PW1, PW2] {
        assert!(!run.stderr.contains(value), "{run:#?}");
    }
    assert_eq!(mock.authorized_requests().await.len(), 1);
}
