//! Replays of the spec's examples against the generated client: for each linked
//! example file, a test function that serves the example's response from an HTTPS
//! mock server, calls the operation with the example's parameters, and checks the
//! request the client sent (method, path, api-version, JSON body) and the typed result.

use serde_json::Value;

use crate::emit::layout::{group, push_lines, WIDTH};
use crate::emit::print::{ident_text, lit, type_str};
use crate::ir::{Client, OpKind, Operation, ParamIn, Passing, TypeKind, TypeRef, TypeSpace};
use crate::names::Namespace;
use crate::pointer::escape_token;

/// One example to replay.
pub struct Replay {
    /// The test function, as source text.
    pub function: String,
    /// Its name.
    pub name: String,
}

/// The name of the helper every replay builds its client with (see [`client_helper`]).
pub const CLIENT_HELPER: &str = "new_client";

/// Percent-encodes a path value as the runtime does (everything but `A-Za-z0-9-._~`).
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            for nibble in [b >> 4, b & 0xf] {
                if let Some(c) = char::from_digit(u32::from(nibble), 16) {
                    out.push(c.to_ascii_uppercase());
                }
            }
        }
    }
    out
}

/// A JSON value as the text of a Rust string literal argument.
fn json_text(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Removes the read-only properties a model would not send, following the IR types.
pub fn strip_read_only(value: &mut Value, ty: &TypeRef, space: &TypeSpace) {
    match (ty, value) {
        (TypeRef::Named(id), value) => {
            let Some(def) = space.get(*id) else { return };
            match &def.kind {
                TypeKind::Alias(target) => strip_read_only(value, target, space),
                TypeKind::Struct(s) => {
                    let Value::Object(map) = value else { return };
                    let keys: Vec<String> = map.keys().cloned().collect();
                    for key in keys {
                        match s.fields.iter().find(|f| f.wire_name == key) {
                            Some(f) if f.read_only => {
                                map.remove(&key);
                            }
                            Some(f) => {
                                if let Some(v) = map.get_mut(&key) {
                                    strip_read_only(v, &f.ty, space);
                                }
                            }
                            None => {
                                if let (Some(a), Some(v)) = (&s.additional, map.get_mut(&key)) {
                                    strip_read_only(v, a, space);
                                }
                            }
                        }
                    }
                }
                TypeKind::Union(u) => {
                    let tag = value
                        .get(&u.tag)
                        .and_then(Value::as_str)
                        .map(str::to_string);
                    if let Some(variant) = u
                        .variants
                        .iter()
                        .find(|v| Some(&v.tag_value) == tag.as_ref())
                    {
                        strip_read_only(value, &TypeRef::Named(variant.ty), space);
                        if let (Value::Object(map), Some(tag_value)) = (value, tag) {
                            map.insert(u.tag.clone(), Value::String(tag_value));
                        }
                    }
                }
                TypeKind::Enum(_) => {}
            }
        }
        (TypeRef::Vec(inner), Value::Array(items)) => items
            .iter_mut()
            .for_each(|v| strip_read_only(v, inner, space)),
        (TypeRef::Map(inner), Value::Object(map)) => map
            .values_mut()
            .for_each(|v| strip_read_only(v, inner, space)),
        _ => {}
    }
}

/// The status the mock answers with: the example's final response.
fn served_status(op: &Operation, responses: &serde_json::Map<String, Value>) -> Option<u16> {
    let has_body = |code: &u16| {
        responses
            .get(&code.to_string())
            .is_some_and(|r| r.get("body").is_some())
    };
    let present = |code: &u16| responses.contains_key(&code.to_string());
    let finals: Vec<u16> = op.success.iter().copied().filter(|c| *c != 202).collect();
    finals
        .iter()
        .copied()
        .find(has_body)
        .or_else(|| finals.iter().copied().find(present))
}

/// The helper the replays build their client with, written once per file: the mock
/// server's endpoint, credential and transport, and the client-level parameters (which
/// each replay passes from its example).
pub fn client_helper(space: &TypeSpace, client: &Client) -> String {
    let client_type = format!("generated::{}", ident_text(&client.names.client));
    let options_type = format!("generated::{}", ident_text(&client.names.options));
    // Parameter names: the client's, clear of `arm`.
    let mut names = Namespace::new();
    names.reserve("arm", "the mock server");
    let params: Vec<String> = client
        .params
        .iter()
        .map(|p| ident_text(&names.claim(p.name.clone(), &p.wire_name).0))
        .collect();
    // As the constructor takes them: strings as `&str`, other values by value.
    let mut signature = vec!["arm: &mock::MockArm".to_string()];
    signature.extend(
        client
            .params
            .iter()
            .zip(&params)
            .map(|(p, name)| match p.ty.passing() {
                Passing::Str => format!("{name}: &str"),
                _ => format!("{name}: {}", type_str(space, &p.ty, "generated")),
            }),
    );
    let mut args = vec!["&arm.base".to_string()];
    if client.bearer {
        args.push("arm.credential()".to_string());
    }
    args.extend(params);
    args.push(format!(
        "Some({options_type} {{\n    client_options: arm.client_options(),\n    ..Default::default()\n}})"
    ));
    let mut out = String::from(
        "/// The client of the replays, against the mock server, with an example's client-level\n/// parameters.\n",
    );
    out.push_str(&group(
        &format!("fn {CLIENT_HELPER}("),
        &signature,
        &format!(") -> Result<{client_type}, String> {{"),
        WIDTH,
    ));
    out.push('\n');
    let call = group(&format!("{client_type}::new("), &args, ")", WIDTH - 4);
    push_lines(&mut out, "    ", &call);
    // The options make the call span lines: the chain goes on below its `)`.
    out.push_str("    .map_err(|e| format!(\"client: {e}\"))\n}\n");
    out
}

/// A method call, one link of a chain: `.name(args)`.
fn method_call(name: &str, args: &[String]) -> String {
    group(&format!(".{name}("), args, ")", WIDTH - 8)
}

/// `head` and a link a line, as rustfmt lays out a chain that does not fit on one line.
fn chain(head: &str, links: &[String], end: &str) -> String {
    let mut out = head.to_string();
    for link in links {
        out.push('\n');
        let mut lines = String::new();
        push_lines(&mut lines, "    ", link);
        out.push_str(lines.trim_end_matches('\n'));
    }
    out.push_str(end);
    out
}

const CALL_ERR: &str = ".map_err(|e| format!(\"call: {e}\"))?";
const MODEL_ERR: &str = ".map_err(|e| format!(\"model: {e}\"))?";

/// What one replay is built from.
struct Cx<'a> {
    space: &'a TypeSpace,
    client: &'a Client,
    op: &'a Operation,
    /// The example's `parameters`.
    params: &'a serde_json::Map<String, Value>,
}

impl Cx<'_> {
    /// An example parameter's value as text (a string as it is, anything else as JSON).
    fn param_str(&self, wire: &str) -> Result<String, String> {
        match self.params.get(wire) {
            Some(Value::String(s)) => Ok(s.clone()),
            Some(other) => Ok(other.to_string()),
            None => Err(format!("the example has no value for `{wire}`")),
        }
    }

    fn type_str(&self, ty: &TypeRef) -> String {
        type_str(self.space, ty, "generated")
    }
}

/// The statement that reads an example parameter into a typed local.
fn value_stmt(local: &str, ty: &str, wire: &str) -> String {
    let pointer = format!("/parameters/{}", escape_token(wire));
    group(
        &format!("let {local}: {ty} = value("),
        &["&example".to_string(), lit(&pointer)],
        ")?;",
        WIDTH - 4,
    )
}

/// The replay of one example file for `op`, or why it cannot be replayed.
pub fn replay(
    space: &TypeSpace,
    client: &Client,
    op: &Operation,
    example_path: &str,
    example: &Value,
    test_name: &str,
) -> Result<Replay, String> {
    let params = example
        .get("parameters")
        .and_then(Value::as_object)
        .ok_or("the example has no `parameters`")?;
    let responses = example
        .get("responses")
        .and_then(Value::as_object)
        .ok_or("the example has no `responses`")?;
    let status = served_status(op, responses)
        .ok_or("the example has no final (non-202) success response")?;
    let cx = Cx {
        space,
        client,
        op,
        params,
    };
    let response_pointer = format!("/responses/{status}");
    // Statements, each as text relative to the function body.
    let mut stmts = vec![
        format!("let file = {};", lit(example_path)),
        "let example = load(file)?;".to_string(),
        format!(
            "respond(arm, {status}, served(&example, {})).await;",
            lit(&response_pointer)
        ),
    ];
    stmts.push(client_stmt(&cx)?);
    let mut args = arguments(&cx, &mut stmts)?;
    let (mut option_inits, expected_body) = body(&cx, &mut args, &mut stmts)?;
    args.push(options(&cx, &mut option_inits)?);
    call_and_compare(&cx, &args, &response_pointer, &mut stmts);
    stmts.push(request_check(&cx, expected_body.as_ref()));
    let name = ident_text(test_name);
    let mut function = group(
        &format!("async fn {name}("),
        &["arm: &mock::MockArm".to_string()],
        ") -> Result<(), String> {",
        WIDTH,
    );
    function.push('\n');
    for stmt in &stmts {
        push_lines(&mut function, "    ", stmt);
    }
    function.push_str("}\n");
    Ok(Replay { function, name })
}

/// The client, with the example's client-level parameters.
fn client_stmt(cx: &Cx<'_>) -> Result<String, String> {
    let mut ctor_args = vec!["arm".to_string()];
    for p in &cx.client.params {
        match p.ty.passing() {
            Passing::Str => ctor_args.push(lit(&cx.param_str(&p.wire_name)?)),
            _ => {
                cx.param_str(&p.wire_name)?;
                let pointer = format!("/parameters/{}", escape_token(&p.wire_name));
                ctor_args.push(format!(
                    "value::<{}>(&example, {})?",
                    cx.type_str(&p.ty),
                    lit(&pointer)
                ));
            }
        }
    }
    Ok(group(
        &format!("let client = {CLIENT_HELPER}("),
        &ctor_args,
        ")?;",
        WIDTH - 4,
    ))
}

/// The method's required arguments, typed values read before the call where they are
/// not strings.
fn arguments(cx: &Cx<'_>, stmts: &mut Vec<String>) -> Result<Vec<String>, String> {
    let mut args = Vec::new();
    for p in cx.op.params.iter().filter(|p| p.required) {
        let name = ident_text(&format!("p_{}", p.name.trim_start_matches('_')));
        let wire = &p.wire_name;
        match p.ty.passing() {
            Passing::Str => args.push(lit(&cx.param_str(wire)?)),
            kind => {
                stmts.push(value_stmt(&name, &cx.type_str(&p.ty), wire));
                args.push(match kind {
                    Passing::Ref => format!("&{name}"),
                    _ => name,
                });
            }
        }
    }
    Ok(args)
}

/// The request body the example gives: an argument, or an options field when optional;
/// with the JSON the client must send (read-only properties left out) and its pointer.
type Expected = (String, String);

fn body(
    cx: &Cx<'_>,
    args: &mut Vec<String>,
    stmts: &mut Vec<String>,
) -> Result<(Vec<String>, Option<Expected>), String> {
    let mut option_inits = Vec::new();
    let Some(body) = &cx.op.body else {
        return Ok((option_inits, None));
    };
    let Some(value) = cx.params.get(&body.wire_name) else {
        return match body.required {
            true => Err(format!(
                "the example has no body parameter `{}`",
                body.wire_name
            )),
            false => Ok((option_inits, None)),
        };
    };
    stmts.push(value_stmt("body", &cx.type_str(&body.ty), &body.wire_name));
    if body.required {
        args.push("&body".to_string());
    } else {
        option_inits.push(format!("{}: Some(&body),", ident_text(&body.name)));
    }
    let mut expected = value.clone();
    strip_read_only(&mut expected, &body.ty, cx.space);
    let pointer = format!("/parameters/{}", escape_token(&body.wire_name));
    Ok((option_inits, Some((json_text(&expected), pointer))))
}

/// The options argument: `None`, or the method's options struct with the optional
/// parameters the example sets.
fn options(cx: &Cx<'_>, option_inits: &mut Vec<String>) -> Result<String, String> {
    for p in cx.op.params.iter().filter(|p| !p.required) {
        if !cx.params.contains_key(&p.wire_name) {
            continue;
        }
        let pointer = format!("/parameters/{}", escape_token(&p.wire_name));
        option_inits.push(format!(
            "{}: Some(value::<{}>(&example, {})?),",
            ident_text(&p.name),
            cx.type_str(&p.ty),
            lit(&pointer)
        ));
    }
    if option_inits.is_empty() {
        return Ok("None".to_string());
    }
    let mut options = format!(
        "Some(generated::clients::{} {{\n",
        ident_text(&cx.op.options)
    );
    for init in option_inits.iter() {
        options.push_str("    ");
        options.push_str(init);
        options.push('\n');
    }
    options.push_str("    ..Default::default()\n})");
    Ok(options)
}

/// The call (through the group's accessor), and the check of its typed result against
/// the example's response body.
fn call_and_compare(cx: &Cx<'_>, args: &[String], response_pointer: &str, stmts: &mut Vec<String>) {
    let op = cx.op;
    let mut call = Vec::new();
    if let Some(g) = op.group.as_deref().and_then(|g| cx.client.group(g)) {
        call.push(format!(".{}()", ident_text(&g.accessor)));
    }
    call.push(method_call(&ident_text(&op.method), args));
    let body_pointer_result = format!("{response_pointer}/body");
    let compare_result = format!(
        "compare(file, &example, {}, &result)?;",
        lit(&body_pointer_result)
    );
    match &op.kind {
        OpKind::Plain => {
            call.extend([".await", CALL_ERR, ".into_model()", MODEL_ERR].map(String::from));
            stmts.push(chain("let result = client", &call, ";"));
            stmts.push(compare_result);
        }
        OpKind::LongRunning { .. } => {
            call.extend(
                [
                    CALL_ERR,
                    ".await",
                    ".map_err(|e| format!(\"poller: {e}\"))?",
                    ".into_model()",
                    MODEL_ERR,
                ]
                .map(String::from),
            );
            if op.result.is_some() {
                stmts.push(chain("let result = client", &call, ";"));
                stmts.push(compare_result);
            } else {
                stmts.push(chain("let () = client", &call, ";"));
            }
        }
        OpKind::Pageable { item_name, .. } => {
            let items_pointer = format!("{body_pointer_result}/{}", escape_token(item_name));
            call.push(CALL_ERR.to_string());
            stmts.push(chain("let pager = client", &call, ";"));
            stmts.push(chain(
                "let items: Vec<_> = ::futures::TryStreamExt::try_collect(pager)",
                &[
                    ".await".to_string(),
                    ".map_err(|e| format!(\"pager: {e}\"))?".to_string(),
                ],
                ";",
            ));
            stmts.push(format!(
                "compare(file, &example, {}, &items)?;",
                lit(&items_pointer)
            ));
        }
    }
}

/// The path the client must request: the template with the example's values, encoded
/// as the runtime encodes them.
fn expected_path(cx: &Cx<'_>) -> String {
    let mut path = cx.op.path.clone();
    for (wire, value) in cx.params {
        // Most parameters (bodies, queries) are not in the path.
        let placeholder = format!("{{{wire}}}");
        if !path.contains(&placeholder) {
            continue;
        }
        let text = match value {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let raw = cx
            .op
            .params
            .iter()
            .chain(&cx.client.params)
            .any(|p| p.raw && &p.wire_name == wire);
        let encoded = if raw {
            text.split('/').map(encode).collect::<Vec<_>>().join("/")
        } else {
            encode(&text)
        };
        path = path.replace(&placeholder, &encoded);
    }
    path
}

/// The check of the request the client sent: method, path, query and JSON body.
fn request_check(cx: &Cx<'_>, expected_body: Option<&Expected>) -> String {
    let op = cx.op;
    let method = op.http_method.to_ascii_uppercase();
    let mut queries: Vec<(String, String)> = Vec::new();
    if op.api_version {
        queries.push((
            "api-version".to_string(),
            cx.param_str("api-version").unwrap_or_default(),
        ));
    }
    for p in op.params.iter().filter(|p| p.location == ParamIn::Query) {
        if let Ok(v) = cx.param_str(&p.wire_name) {
            queries.push((p.wire_name.clone(), v));
        }
    }
    let query_pairs: Vec<String> = queries
        .iter()
        .map(|(k, v)| format!("({}, {})", lit(k), lit(v)))
        .collect();
    let (body_text, body_pointer) = match expected_body {
        Some((text, pointer)) => (format!("Some({})", lit(text)), lit(pointer)),
        None => ("None".to_string(), "\"\"".to_string()),
    };
    let request = group(
        "check_request(",
        &[
            "arm".to_string(),
            "file".to_string(),
            lit(&method),
            lit(&expected_path(cx)),
            group("&[", &query_pairs, "]", WIDTH - 9),
            body_text,
            body_pointer,
        ],
        ")",
        WIDTH - 4,
    );
    match request.contains('\n') {
        true => format!("{request}\n.await"),
        false => format!("{request}.await"),
    }
}
