//! Replays of the spec's examples against the generated client: for each linked
//! example file, a test function that serves the example's response from an HTTPS
//! mock server, calls the operation with the example's parameters, and checks the
//! request the client sent (method, path, api-version, JSON body) and the typed result.

use serde_json::Value;

use crate::emit::{ident_text, lit, type_str};
use crate::ir::{TypeKind, TypeRef, TypeSpace};
use crate::layout::{group, push_lines, WIDTH};
use crate::load::escape_token;
use crate::names::{sanitize, Case, Namespace};
use crate::ops::{Client, OpKind, Operation, ParamIn};

/// One example to replay.
pub struct Replay {
    /// The test function, as source text.
    pub function: String,
    /// Its name.
    pub name: String,
}

/// The name of the helper every replay builds its client with (see [`client_helper`]).
pub const CLIENT_HELPER: &str = "new_client";

/// How a method takes a parameter (as the client emitter's `arg_type` declares it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgKind {
    /// `&str`.
    Str,
    /// By value (numbers, booleans).
    Value,
    /// By reference (models, dates, lists).
    Ref,
}

pub fn arg_kind(ty: &TypeRef) -> ArgKind {
    match ty {
        TypeRef::Prim(crate::ir::Prim::String) => ArgKind::Str,
        ty if crate::emit_client::by_value(ty) => ArgKind::Value,
        _ => ArgKind::Ref,
    }
}

use crate::emit_client::options_name;

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
pub fn client_helper(space: &TypeSpace, client: &Client, client_name: &str) -> String {
    let client_type = format!("generated::{}", ident_text(client_name));
    let options_type = format!(
        "generated::{}",
        ident_text(&format!("{client_name}Options"))
    );
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
            .map(|(p, name)| match arg_kind(&p.ty) {
                ArgKind::Str => format!("{name}: &str"),
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
    let param_str = |wire: &str| -> Result<String, String> {
        match params.get(wire) {
            Some(Value::String(s)) => Ok(s.clone()),
            Some(other) => Ok(other.to_string()),
            None => Err(format!("the example has no value for `{wire}`")),
        }
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
    // The client, with the example's client-level parameters.
    let mut ctor_args = vec!["arm".to_string()];
    for p in &client.params {
        match arg_kind(&p.ty) {
            ArgKind::Str => ctor_args.push(lit(&param_str(&p.wire_name)?)),
            _ => {
                param_str(&p.wire_name)?;
                let pointer = format!("/parameters/{}", escape_token(&p.wire_name));
                ctor_args.push(format!(
                    "value::<{}>(&example, {})?",
                    type_str(space, &p.ty, "generated"),
                    lit(&pointer)
                ));
            }
        }
    }
    stmts.push(group(
        &format!("let client = {CLIENT_HELPER}("),
        &ctor_args,
        ")?;",
        WIDTH - 4,
    ));
    // Arguments.
    let mut args = Vec::new();
    for p in op.params.iter().filter(|p| p.required) {
        let name = ident_text(&format!("p_{}", p.name.trim_start_matches('_')));
        let wire = &p.wire_name;
        match arg_kind(&p.ty) {
            ArgKind::Str => args.push(lit(&param_str(wire)?)),
            kind => {
                let ty = type_str(space, &p.ty, "generated");
                let pointer = format!("/parameters/{}", escape_token(wire));
                stmts.push(group(
                    &format!("let {name}: {ty} = value("),
                    &["&example".to_string(), lit(&pointer)],
                    ")?;",
                    WIDTH - 4,
                ));
                args.push(match kind {
                    ArgKind::Ref => format!("&{name}"),
                    _ => name,
                });
            }
        }
    }
    let mut expected_body = None;
    let mut option_inits = Vec::new();
    if let Some(body) = &op.body {
        let ty = type_str(space, &body.ty, "generated");
        match params.get(&body.wire_name) {
            Some(value) => {
                let pointer = format!("/parameters/{}", escape_token(&body.wire_name));
                stmts.push(group(
                    &format!("let body: {ty} = value("),
                    &["&example".to_string(), lit(&pointer)],
                    ")?;",
                    WIDTH - 4,
                ));
                if body.required {
                    args.push("&body".to_string());
                } else {
                    option_inits.push(format!("{}: Some(&body),", ident_text(&body.name)));
                }
                let mut expected = value.clone();
                strip_read_only(&mut expected, &body.ty, space);
                expected_body = Some((json_text(&expected), pointer));
            }
            None if body.required => {
                return Err(format!(
                    "the example has no body parameter `{}`",
                    body.wire_name
                ))
            }
            None => {}
        }
    }
    // Optional parameters the example sets.
    for p in op.params.iter().filter(|p| !p.required) {
        if !params.contains_key(&p.wire_name) {
            continue;
        }
        let ty = type_str(space, &p.ty, "generated");
        let pointer = format!("/parameters/{}", escape_token(&p.wire_name));
        option_inits.push(format!(
            "{}: Some(value::<{ty}>(&example, {})?),",
            ident_text(&p.name),
            lit(&pointer)
        ));
    }
    args.push(if option_inits.is_empty() {
        "None".to_string()
    } else {
        let mut options = format!(
            "Some(generated::clients::{} {{\n",
            ident_text(&options_name(op))
        );
        for init in &option_inits {
            options.push_str("    ");
            options.push_str(init);
            options.push('\n');
        }
        options.push_str("    ..Default::default()\n})");
        options
    });
    // The request the client must send.
    let mut path = op.path.clone();
    for (wire, value) in params {
        // Most parameters (bodies, queries) are not in the path.
        let placeholder = format!("{{{wire}}}");
        if !path.contains(&placeholder) {
            continue;
        }
        let text = match value {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let raw = op
            .params
            .iter()
            .chain(&client.params)
            .any(|p| p.raw && &p.wire_name == wire);
        let encoded = if raw {
            text.split('/').map(encode).collect::<Vec<_>>().join("/")
        } else {
            encode(&text)
        };
        path = path.replace(&placeholder, &encoded);
    }
    let method = op.http_method.to_ascii_uppercase();
    let mut queries: Vec<(String, String)> = Vec::new();
    if op.api_version {
        queries.push((
            "api-version".to_string(),
            param_str("api-version").unwrap_or_default(),
        ));
    }
    for p in op.params.iter().filter(|p| p.location == ParamIn::Query) {
        if let Ok(v) = param_str(&p.wire_name) {
            queries.push((p.wire_name.clone(), v));
        }
    }
    let query_pairs: Vec<String> = queries
        .iter()
        .map(|(k, v)| format!("({}, {})", lit(k), lit(v)))
        .collect();
    let (body_text, body_pointer) = match &expected_body {
        Some((text, pointer)) => (format!("Some({})", lit(text)), lit(pointer)),
        None => ("None".to_string(), "\"\"".to_string()),
    };
    // Call, check the result.
    let mut call = Vec::new();
    if let Some(g) = &op.group {
        call.push(format!(".{}()", ident_text(&sanitize(g, Case::Value))));
    }
    call.push(method_call(&ident_text(&op.method), &args));
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
    // The request.
    let request = group(
        "check_request(",
        &[
            "arm".to_string(),
            "file".to_string(),
            lit(&method),
            lit(&path),
            group("&[", &query_pairs, "]", WIDTH - 9),
            body_text,
            body_pointer,
        ],
        ")",
        WIDTH - 4,
    );
    stmts.push(match request.contains('\n') {
        true => format!("{request}\n.await"),
        false => format!("{request}.await"),
    });
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
