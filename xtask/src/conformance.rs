//! `cargo xtask conformance`: generated clients against the autorest test server.
//!
//! 1. Installs `@microsoft.azure/autorest.testserver` (pinned) with npm into
//!    `target/conformance/testserver/` (ignored; reused when the version matches).
//! 2. Generates a client crate from each of the server's own Swagger files listed in
//!    [`FILES`] into `target/conformance/crates/<name>/` (read from the installed
//!    package, never copied into the repository; files are rewritten only on change).
//! 3. Starts the server on 127.0.0.1 on a free port, waits until it answers, and
//!    stops it at the end whatever happens (a guard kills it on every exit path).
//! 4. Runs the tests of `tests/conformance/` (one crate depending on every generated
//!    one) with `AUTOREST_TESTSERVER_URL` pointing at the server.
//! 5. Reads the coverage reports, prints `conformance: vanilla N/631, azure N/145,
//!    optional N/43` and the scenarios not hit, and checks them against the lists in
//!    `tests/conformance/not-hit/*.txt` (each with a reason): a scenario not hit and
//!    not listed, or listed but hit, fails the run, so the lists only shrink.

use std::collections::BTreeMap;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

/// The test server's npm package and pinned version.
const PACKAGE: &str = "@microsoft.azure/autorest.testserver";
const VERSION: &str = "3.3.51";

/// The server's Swagger files the suite generates clients from.
pub const FILES: &[&str] = &[
    "additionalProperties",
    "any-type",
    "azure-resource",
    "azure-special-properties",
    "body-array",
    "body-boolean",
    "body-byte",
    "body-complex",
    "body-date",
    "body-datetime",
    "body-datetime-rfc1123",
    "body-dictionary",
    "body-duration",
    "body-integer",
    "body-number",
    "body-string",
    "constants",
    "custom-baseUrl",
    "custom-baseUrl-paging",
    "extensible-enums-swagger",
    "head",
    "head-exceptions",
    "header",
    "httpInfrastructure",
    "lro",
    "lro-parameterized-endpoints",
    "model-flattening",
    "non-string-enum",
    "object-type",
    "paging",
    "required-optional",
    "reserved-words",
    "subscriptionId-apiVersion",
    "url",
    "url-multi-collectionFormat",
    "validation",
    "xms-error-responses",
];

const USAGE: &str = "usage: cargo xtask conformance [--no-test] [--no-generate] [--test NAME]...";

/// The crate name of a Swagger file's client: `body-string` → `conf_body_string`.
pub fn crate_name(file: &str) -> String {
    let mut name = String::from("conf_");
    for c in file.chars() {
        if c.is_ascii_alphanumeric() {
            name.push(c.to_ascii_lowercase());
        } else {
            name.push('_');
        }
    }
    name
}

pub fn main(args: &[String]) -> ExitCode {
    let mut run_tests = true;
    let mut tests: Vec<String> = Vec::new();
    let mut regenerate = true;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--no-test" => run_tests = false,
            "--no-generate" => regenerate = false,
            "--test" => match it.next() {
                Some(t) => tests.push(t.clone()),
                None => {
                    eprintln!("{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                println!("  --no-test      install and generate only");
                println!("  --no-generate  use the clients generated before");
                println!("  --test NAME    run only tests/conformance/tests/NAME.rs (repeatable); skips the coverage check");
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("xtask conformance: unexpected argument `{other}`\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    match run(run_tests, regenerate, &tests) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(run_tests: bool, regenerate: bool, tests: &[String]) -> Result<bool, String> {
    let workspace = crate::workspace_root();
    let dir = workspace.join("target/conformance");
    let package = install(&dir.join("testserver"))?;
    if regenerate {
        generate(&package.join("swagger"), &dir.join("crates"))?;
    }
    if !run_tests {
        return Ok(true);
    }
    let suite = workspace.join("tests/conformance");
    // Build before starting the server: a compile takes minutes, the server none.
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let test_args = |command: &mut Command| {
        command
            .current_dir(&suite)
            .env("CARGO_TARGET_DIR", workspace.join("target"))
            .args(["test", "--locked"]);
        for t in tests {
            command.args(["--test", t]);
        }
    };
    let mut build = Command::new(&cargo);
    test_args(&mut build);
    build.arg("--no-run");
    status(&mut build, "build the conformance tests")?;

    let coverage = dir.join("coverage");
    let _ = std::fs::remove_dir_all(&coverage);
    let server = Server::start(&package, &coverage, &workspace)?;
    eprintln!("conformance: test server {VERSION} on {}", server.url);
    // The scenarios the server registers (some routes count extra, unregistered names
    // when hit; they are not scenarios of the reports' totals).
    let registered = [
        server.report("/report")?,
        server.report("/report/azure")?,
        server.report("/report/optional")?,
    ];
    let mut command = Command::new(&cargo);
    test_args(&mut command);
    // The tests wait on the server (polling intervals), not on the CPU.
    command
        .args(["--", "--test-threads=16"])
        .env("AUTOREST_TESTSERVER_URL", &server.url);
    let tests_passed = match command.status() {
        Ok(s) => s.success(),
        Err(e) => return Err(format!("cannot run cargo test: {e}")),
    };
    let reports = [
        ("vanilla", server.report("/report")?),
        ("azure", server.report("/report/azure")?),
        ("optional", server.report("/report/optional")?),
    ];
    drop(server);

    let mut summary = Vec::new();
    let mut not_hit: BTreeMap<String, &str> = BTreeMap::new();
    for ((category, report), registered) in reports.iter().zip(&registered) {
        let hit = registered
            .keys()
            .filter(|k| report.get(*k).is_some_and(|n| *n > 0))
            .count();
        summary.push(format!("{category} {hit}/{}", registered.len()));
        for name in registered.keys() {
            if report.get(name).is_none_or(|n| *n <= 0) {
                not_hit.insert(name.clone(), category);
            }
        }
    }
    println!("conformance: {}", summary.join(", "));
    if !tests.is_empty() {
        println!("(only some tests ran: the not-hit list is not checked)");
        return Ok(tests_passed);
    }
    let listed = read_not_hit(&suite.join("not-hit"))?;
    let mut ok = tests_passed;
    let unlisted: Vec<&String> = not_hit
        .keys()
        .filter(|k| !listed.contains_key(*k))
        .collect();
    let now_hit: Vec<&String> = listed
        .keys()
        .filter(|k| !not_hit.contains_key(*k))
        .collect();
    println!("scenarios not hit: {}", not_hit.len());
    for (name, category) in &not_hit {
        let reason = listed.get(name).map_or("NOT LISTED", String::as_str);
        println!("  {category}/{name}: {reason}");
    }
    if !unlisted.is_empty() {
        ok = false;
        eprintln!(
            "error: {} scenario(s) not hit and not listed in tests/conformance/not-hit/ (marked NOT LISTED above)",
            unlisted.len()
        );
    }
    if !now_hit.is_empty() {
        ok = false;
        eprintln!(
            "error: {} scenario(s) listed in tests/conformance/not-hit/ are hit now; remove them: {}",
            now_hit.len(),
            now_hit.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
        );
    }
    if !tests_passed {
        eprintln!("error: some conformance tests failed");
    }
    Ok(ok)
}

/// `not-hit/*.txt`: `Scenario: reason` per line; `#` starts a comment.
fn read_not_hit(dir: &Path) -> Result<BTreeMap<String, String>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut out = BTreeMap::new();
    for path in files {
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let at = format!("{}:{}", path.display(), i + 1);
            let Some((name, reason)) = line.split_once(':') else {
                return Err(format!("{at}: expected `Scenario: reason`"));
            };
            let (name, reason) = (name.trim(), reason.trim());
            if reason.is_empty() {
                return Err(format!("{at}: `{name}` has no reason"));
            }
            if out.insert(name.to_string(), reason.to_string()).is_some() {
                return Err(format!("{at}: `{name}` is listed twice"));
            }
        }
    }
    Ok(out)
}

/// Installs the pinned package unless it is there; returns its folder.
fn install(prefix: &Path) -> Result<PathBuf, String> {
    let package = prefix.join("node_modules").join(PACKAGE);
    let installed = std::fs::read_to_string(package.join("package.json"))
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .and_then(|v| v.get("version").and_then(|v| v.as_str()).map(String::from));
    if installed.as_deref() == Some(VERSION) {
        return Ok(package);
    }
    std::fs::create_dir_all(prefix).map_err(|e| format!("{}: {e}", prefix.display()))?;
    eprintln!("conformance: npm install {PACKAGE}@{VERSION}");
    let mut npm = Command::new("npm");
    npm.arg("install")
        .arg("--prefix")
        .arg(prefix)
        .args(["--no-audit", "--no-fund", "--loglevel=error"])
        .arg(format!("{PACKAGE}@{VERSION}"));
    status(&mut npm, "install the test server with npm")?;
    Ok(package)
}

/// Generates every file's crate; writes only files whose text changed.
fn generate(swagger: &Path, out: &Path) -> Result<(), String> {
    let source = crate::FsSource {
        root: swagger.to_path_buf(),
    };
    let mut failed = Vec::new();
    let mut warnings = 0;
    for file in FILES {
        let entry = format!("{file}.json");
        let settings = azgen::Settings {
            crate_name: crate_name(file),
            crate_version: "0.1.0".to_string(),
            // The crates are in target/conformance/crates/<file>/.
            runtime_path: Some("../../../../runtime".to_string()),
            ..azgen::Settings::default()
        };
        let result = azgen::load(std::slice::from_ref(&entry), &source)
            .and_then(|spec| azgen::generate(&spec, &settings, &source));
        let output = match result {
            Ok(output) => output,
            Err(e) => {
                for line in e.flatten() {
                    eprintln!("error: {line}");
                }
                failed.push(*file);
                continue;
            }
        };
        warnings += output.warnings.len();
        let dir = out.join(file);
        for (path, text) in &output.files {
            // The crates are built as dependencies only: their own tests are not needed.
            if path.starts_with("tests/") {
                continue;
            }
            let target = dir.join(path);
            if std::fs::read_to_string(&target).ok().as_deref() == Some(text.as_str()) {
                continue;
            }
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| format!("{}: {e}", parent.display()))?;
            }
            std::fs::write(&target, text).map_err(|e| format!("{}: {e}", target.display()))?;
        }
    }
    eprintln!(
        "conformance: generated {} of {} clients ({warnings} warnings; `azgen generate` on a file prints them)",
        FILES.len() - failed.len(),
        FILES.len()
    );
    if !failed.is_empty() {
        return Err(format!("cannot generate: {}", failed.join(", ")));
    }
    Ok(())
}

fn status(command: &mut Command, what: &str) -> Result<(), String> {
    match command.status() {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(format!("cannot {what}: {s}")),
        Err(e) => Err(format!("cannot {what}: {e}")),
    }
}

/// The running test server; dropping it stops it.
struct Server {
    child: Child,
    url: String,
}

impl Server {
    fn start(package: &Path, coverage: &Path, workspace: &Path) -> Result<Server, String> {
        // A free port: bind port 0, read it, let it go (the server binds it next).
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| format!("cannot find a free port: {e}"))?
            .port();
        let log_path = workspace.join("target/conformance/server.log");
        let log =
            std::fs::File::create(&log_path).map_err(|e| format!("{}: {e}", log_path.display()))?;
        let child = Command::new("node")
            // The server listens on every interface; the preload keeps it on loopback.
            .arg("-r")
            .arg(workspace.join("tests/conformance/loopback.js"))
            .arg(package.join("dist/cli/cli.js"))
            .arg("run")
            .arg(format!("--port={port}"))
            .arg(format!("--coverageDirectory={}", coverage.display()))
            .current_dir(package)
            .stdin(Stdio::null())
            .stdout(log.try_clone().map_err(|e| e.to_string())?)
            .stderr(log)
            .spawn()
            .map_err(|e| format!("cannot start the test server with node: {e}"))?;
        let mut server = Server {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if server.report("/report").is_ok() {
                return Ok(server);
            }
            if let Ok(Some(status)) = server.child.try_wait() {
                return Err(format!(
                    "the test server exited ({status}); see {}",
                    log_path.display()
                ));
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "the test server did not answer within 60 s; see {}",
                    log_path.display()
                ));
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    fn report(&self, path: &str) -> Result<BTreeMap<String, i64>, String> {
        let url = format!("{}{path}", self.url);
        let body = ureq::get(&url)
            .call()
            .map_err(|e| format!("GET {url}: {e}"))?
            .body_mut()
            .read_to_string()
            .map_err(|e| format!("GET {url}: {e}"))?;
        serde_json::from_str(&body).map_err(|e| format!("GET {url}: {e}"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let url = format!("{}/.admin/stop", self.url);
        let _ = ureq::post(&url).send_empty();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
