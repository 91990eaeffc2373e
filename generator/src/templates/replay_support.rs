// Support code of the generated example replays (a template of azgen, copied
// into each generated crate's `tests/examples/cases.rs`).

/// The example file, parsed.
fn load(example: &str) -> Result<::serde_json::Value, String> {
    let path = spec_root().join(example);
    let text = ::std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    ::serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// A value of the example (a parameter), as the model the method takes.
fn value<T: ::serde::de::DeserializeOwned>(example: &::serde_json::Value, pointer: &str) -> Result<T, String> {
    let value = example.pointer(pointer).ok_or_else(|| format!("the example has no `{pointer}`"))?;
    ::serde_json::from_value(value.clone()).map_err(|e| format!("`{pointer}` does not deserialize: {e}"))
}

/// The body of the example response at `pointer` (a status), if it has one.
fn served(example: &::serde_json::Value, pointer: &str) -> Option<::serde_json::Value> {
    let mut body = example.pointer(&format!("{pointer}/body")).cloned()?;
    // One page: a next link would point at the real service.
    if let ::serde_json::Value::Object(map) = &mut body {
        map.remove("nextLink");
    }
    Some(body)
}

/// Mounts the response every request gets, after forgetting earlier requests.
async fn respond(arm: &mock::MockArm, status: u16, body: Option<::serde_json::Value>) {
    arm.server.reset().await;
    let mut template = ::wiremock::ResponseTemplate::new(status);
    if let Some(body) = body {
        template = template.set_body_json(body);
    }
    ::wiremock::Mock::given(::wiremock::matchers::any()).respond_with(template).mount(&arm.server).await;
}

/// Differences between the example at `pointer` and `actual`, less the known defects.
fn differences(example_file: &str, expected: &::serde_json::Value, actual: &::serde_json::Value, pointer: &str) -> Vec<String> {
    let mut found = Vec::new();
    diff(expected, actual, pointer, &mut found);
    found
        .into_iter()
        .filter(|(p, _)| !KNOWN_DEFECTS.iter().any(|d| d.0 == example_file && d.1 == p.as_str()))
        .map(|(p, m)| format!("{p}: {m}"))
        .collect()
}

/// The typed result, serialized, must equal the example's response body.
fn compare<T: ::serde::Serialize>(file: &str, example: &::serde_json::Value, pointer: &str, actual: &T) -> Result<(), String> {
    let expected = example.pointer(pointer).cloned().unwrap_or(::serde_json::Value::Null);
    let actual = ::serde_json::to_value(actual).map_err(|e| format!("result does not serialize: {e}"))?;
    let found = differences(file, &expected, &actual, pointer);
    if found.is_empty() {
        Ok(())
    } else {
        Err(format!("the result differs from the example:\n    {}", found.join("\n    ")))
    }
}

/// The one request the client sent: method, path, query, authorization (see
/// `AUTHORIZATION`) and JSON body.
#[allow(clippy::too_many_arguments)]
async fn check_request(
    arm: &mock::MockArm,
    file: &str,
    method: &str,
    path: &str,
    query: &[(&str, &str)],
    body: Option<&str>,
    body_pointer: &str,
) -> Result<(), String> {
    let requests = arm.server.received_requests().await.unwrap_or_default();
    let [request] = requests.as_slice() else {
        return Err(format!("expected one request, the server got {}", requests.len()));
    };
    let mut problems = Vec::new();
    if request.method.as_str() != method {
        problems.push(format!("method {} (expected {method})", request.method));
    }
    if request.url.path() != path {
        problems.push(format!("path {} (expected {path})", request.url.path()));
    }
    for (name, value) in query {
        if !request.url.query_pairs().any(|(n, v)| n == *name && v == *value) {
            problems.push(format!("query has no {name}={value} (query: {:?})", request.url.query()));
        }
    }
    let authorization = request.headers.get("authorization").and_then(|v| v.to_str().ok());
    if authorization != AUTHORIZATION {
        problems.push(format!("Authorization header {authorization:?}"));
    }
    match body {
        Some(expected) => {
            let expected: ::serde_json::Value = ::serde_json::from_str(expected).map_err(|e| e.to_string())?;
            match ::serde_json::from_slice::<::serde_json::Value>(&request.body) {
                Ok(actual) => {
                    problems.extend(differences(file, &expected, &actual, body_pointer));
                }
                Err(e) => problems.push(format!("the body is not JSON: {e}")),
            }
        }
        None if !request.body.is_empty() => problems.push("a body was sent where none was expected".to_string()),
        None => {}
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("the request differs from the example:\n    {}", problems.join("\n    ")))
    }
}

/// Prints `examples replayed: N/M` (straight to stderr, which the test harness does not
/// capture) and fails unless every example replayed.
fn report_replays(runs: Vec<(&str, Result<(), String>)>, total: usize) {
    use ::std::io::Write as _;
    let passed = runs.iter().filter(|(_, r)| r.is_ok()).count();
    let failures: Vec<String> = runs
        .iter()
        .filter_map(|(example, r)| r.as_ref().err().map(|e| format!("{example}: {e}")))
        .collect();
    let _ = writeln!(::std::io::stderr(), "examples replayed: {passed}/{total}");
    assert!(failures.is_empty() && passed == total, "replays failed:\n{}", failures.join("\n"));
}
