// Support code of the generated example tests (a template of azgen, copied
// into each generated crate's `tests/examples/cases.rs`).

/// A response-body round trip: deserialize into the model, serialize back.
type RoundTrip = fn(&::serde_json::Value) -> Result<::serde_json::Value, String>;

fn round_trip<T: ::serde::de::DeserializeOwned + ::serde::Serialize>(
    body: &::serde_json::Value,
) -> Result<::serde_json::Value, String> {
    let model: T = ::serde_json::from_value(body.clone()).map_err(|e| format!("does not deserialize: {e}"))?;
    ::serde_json::to_value(&model).map_err(|e| format!("does not serialize: {e}"))
}

/// The spec corpus: `$AZURE_REST_API_SPECS`, else where the generator's settings say, from this crate.
fn spec_root() -> ::std::path::PathBuf {
    match ::std::env::var_os("AZURE_REST_API_SPECS") {
        Some(root) => ::std::path::PathBuf::from(root),
        None => ::std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SPEC_ROOT_FROM_CRATE),
    }
}

/// Round-trips every response body of one example file through its model and
/// compares the JSON: equal, read-only fields included, date-times compared as
/// instants, `null` the same as absent. Differences must be exactly the known
/// defects listed for the file.
fn check(example: &str, responses: &[(&str, Option<RoundTrip>)]) {
    let path = spec_root().join(example);
    let text = ::std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc: ::serde_json::Value =
        ::serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut found: Vec<(String, String)> = Vec::new();
    let mut bodies = 0;
    if let Some(::serde_json::Value::Object(map)) = doc.get("responses") {
        for (status, response) in map {
            let Some(body) = response.get("body") else { continue };
            bodies += 1;
            let pointer = format!("/responses/{status}/body");
            match responses.iter().find(|(s, _)| s == status) {
                Some((_, Some(rt))) => match rt(body) {
                    Ok(back) => diff(body, &back, &pointer, &mut found),
                    Err(e) => found.push((pointer, e)),
                },
                Some((_, None)) | None => {
                    found.push((pointer, "a body for a status the spec declares without a schema".to_string()))
                }
            }
        }
    }
    let known: Vec<&(&str, &str, &str)> = KNOWN_DEFECTS.iter().filter(|d| d.0 == example).collect();
    let unexpected: Vec<String> = found
        .iter()
        .filter(|(p, _)| !known.iter().any(|d| d.1 == p.as_str()))
        .map(|(p, m)| format!("  {p}: {m}"))
        .collect();
    let gone: Vec<String> = known
        .iter()
        .filter(|d| !found.iter().any(|(p, _)| p.as_str() == d.1))
        .map(|d| format!("  {} ({})", d.1, d.2))
        .collect();
    assert!(
        unexpected.is_empty() && gone.is_empty(),
        "{example}:\nunexpected differences (a generator bug, or a spec defect to list in specs/*.toml):\n{}\nlisted defects that no longer occur (remove them from specs/*.toml):\n{}",
        unexpected.join("\n"),
        gone.join("\n"),
    );
    println!("{example}: {bodies} response bodies round-tripped, {} known spec defects", known.len());
}

fn diff(expected: &::serde_json::Value, actual: &::serde_json::Value, pointer: &str, out: &mut Vec<(String, String)>) {
    use ::serde_json::Value;
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, value) in e {
                let here = format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"));
                match a.get(key) {
                    Some(back) => diff(value, back, &here, out),
                    None if value.is_null() => {}
                    None => out.push((here, "dropped by the round trip: the spec does not define it".to_string())),
                }
            }
            for key in a.keys().filter(|k| !e.contains_key(*k)) {
                let here = format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"));
                if a.get(key).is_none_or(|v| !v.is_null()) {
                    out.push((here, "added by the round trip".to_string()));
                }
            }
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            for (i, (x, y)) in e.iter().zip(a).enumerate() {
                diff(x, y, &format!("{pointer}/{i}"), out);
            }
        }
        (Value::String(e), Value::String(a)) if e != a => {
            let instants = generated::runtime::codec::parse_rfc3339(e).zip(generated::runtime::codec::parse_rfc3339(a));
            if instants.is_none_or(|(x, y)| x != y) {
                out.push((pointer.to_string(), format!("`{e}` came back as `{a}`")));
            }
        }
        (Value::Number(e), Value::Number(a)) if e.as_f64() == a.as_f64() => {}
        (e, a) if e == a => {}
        (e, a) => out.push((pointer.to_string(), format!("`{e}` came back as `{a}`"))),
    }
}
