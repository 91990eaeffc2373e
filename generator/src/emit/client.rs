//! The client: `src/clients.rs`, a client struct holding the pipeline and the
//! client-level parameters, an operation-group struct per operationId prefix,
//! and a short method per operation calling the runtime.
//!
//! The file is written as text, laid out here (it is `#[rustfmt::skip]` in the
//! generated crate): building tokens with `quote`, parsing them with `syn` and
//! printing them with `prettyplease` was two thirds of the generator's time on
//! the ACR spec. Names pass through [`ident_str`], strings through [`lit`], types
//! through [`type_str`]; debug builds (the tests, the fuzzer) parse the file
//! again as a check.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use super::layout::{group, push_lines, WIDTH};
use super::print::{
    check_parses, codec_format_str, doc_comment, ident_str, lit, type_str, PREAMBLE,
};
use crate::error::Result;
use crate::ir::{
    Client, Collection, Constraints, FinalState, OpKind, Operation, Param, ParamIn, Passing, Prim,
    TypeKind, TypeRef, TypeSpace,
};
use crate::names::{sanitize, Case, Namespace};

fn is_str(ty: &TypeRef) -> bool {
    matches!(ty, TypeRef::Prim(Prim::String))
}

/// Whether a method takes an argument of this type by value (numbers and booleans).
fn by_value(ty: &TypeRef) -> bool {
    ty.passing() == Passing::Value
}

/// A type as seen from inside the generated crate.
fn ty(space: &TypeSpace, ty: &TypeRef) -> String {
    type_str(space, ty, "crate")
}

/// A method argument's type: `&str` for strings, a slice for arrays (and bytes), the
/// value for numbers and booleans, a reference otherwise.
fn arg_type(space: &TypeSpace, t: &TypeRef) -> String {
    match t {
        TypeRef::Prim(Prim::String) => "&str".to_string(),
        t if by_value(t) => ty(space, t),
        TypeRef::Prim(Prim::Bytes) => "&[u8]".to_string(),
        TypeRef::Vec(inner) => format!("&[{}]", ty(space, inner)),
        _ => format!("&{}", ty(space, t)),
    }
}

/// An expression turning one value (a reference, or a `&str` for strings) into the text
/// sent on the wire, and whether that expression is an owned `String` (else a `&str`).
fn scalar_wire(space: &TypeSpace, ty: &TypeRef, value: &str) -> (String, bool) {
    match ty {
        TypeRef::Prim(Prim::String) => (value.to_string(), false),
        TypeRef::Prim(Prim::DateTime) => (format!("http::format_rfc3339({value})?"), true),
        TypeRef::Prim(Prim::DateTimeRfc1123) => (format!("http::format_rfc1123({value})?"), true),
        TypeRef::Prim(Prim::UnixTime) => (format!("{value}.unix_timestamp().to_string()"), true),
        TypeRef::Prim(Prim::Bytes) => (format!("http::format_base64({value})"), true),
        TypeRef::Named(id)
            if matches!(space.get(*id).map(|t| &t.kind), Some(TypeKind::Enum(_))) =>
        {
            (format!("{value}.as_str()"), false)
        }
        _ => (format!("{value}.to_string()"), true),
    }
}

/// A parameter's text on the wire, and whether the expression is an owned `String`; an
/// array's items joined by its separator (a `multi` array is sent item by item: see
/// [`query_stmt`]).
fn wire(space: &TypeSpace, p: &Param, value: &str) -> (String, bool) {
    match &p.ty {
        TypeRef::Vec(inner) => {
            let sep = lit(match p.collection {
                Collection::Delimited(sep) => sep,
                Collection::Multi => ",",
            });
            if is_str(inner) {
                (format!("{value}.join({sep})"), true)
            } else {
                (
                    format!("{value}.iter().map(::std::string::ToString::to_string).collect::<::std::vec::Vec<_>>().join({sep})"),
                    true,
                )
            }
        }
        ty => scalar_wire(space, ty, value),
    }
}

/// A parameter as a `&str`.
fn to_wire(space: &TypeSpace, p: &Param, value: &str) -> String {
    borrowed(wire(space, p, value))
}

fn borrowed((expr, owned): (String, bool)) -> String {
    match owned {
        true => format!("&{expr}"),
        false => expr,
    }
}

/// A parameter as an owned `String` (a header value).
fn to_wire_owned(space: &TypeSpace, p: &Param, value: &str) -> String {
    match wire(space, p, value) {
        (expr, true) => expr,
        (expr, false) => format!("ToString::to_string({expr})"),
    }
}

/// `head(args)tail` on one line if it fits in [`WIDTH`] at `indent` levels, else with
/// an argument a line (relative indentation: see [`group`]).
fn call(indent: usize, head: &str, args: &[String], tail: &str) -> String {
    group(
        &format!("{head}("),
        args,
        &format!("){tail}"),
        WIDTH.saturating_sub(indent * 4),
    )
}

/// `if let Some(value) = &options.name { stmt }`.
fn if_option(name: &str, stmt: &str) -> String {
    let mut out = format!("if let Some(value) = &options.{name} {{\n");
    push_lines(&mut out, "    ", stmt);
    out.push('}');
    out
}

/// Statements of a function body, each possibly of several lines (indented relative
/// to the body).
#[derive(Default)]
struct Body {
    stmts: Vec<String>,
}

impl Body {
    fn push(&mut self, stmt: impl Into<String>) {
        let stmt = stmt.into();
        if !stmt.is_empty() {
            self.stmts.push(stmt);
        }
    }

    /// Writes the statements at `indent` levels.
    fn write(&self, out: &mut String, indent: usize) {
        let indent = "    ".repeat(indent);
        for stmt in &self.stmts {
            push_lines(out, &indent, stmt);
        }
    }
}

/// The statement adding query parameter `p`, whose value is `value`.
fn query_stmt(space: &TypeSpace, p: &Param, value: &str) -> String {
    let wire = lit(&p.wire_name);
    match &p.ty {
        TypeRef::Vec(inner) if p.collection == Collection::Multi => {
            let item = borrowed(scalar_wire(space, inner, "item"));
            format!("for item in {value} {{\n    http::query(&mut url, {wire}, {item});\n}}")
        }
        _ if p.raw => {
            let v = to_wire(space, p, value);
            format!("http::query_raw(&mut url, {wire}, {v});")
        }
        _ => {
            let v = to_wire(space, p, value);
            format!("http::query(&mut url, {wire}, {v});")
        }
    }
}

/// An operation's path template for the runtime's `url`: `{+name}` tells it to keep
/// the URL text of an `x-ms-skip-url-encoding` value.
fn url_template(client: &Client, op: &Operation) -> String {
    let mut template = op.path.clone();
    for p in op
        .params
        .iter()
        .chain(client.params.iter())
        .filter(|p| p.raw && p.location == ParamIn::Path)
    {
        template = template.replace(
            &format!("{{{}}}", p.wire_name),
            &format!("{{+{}}}", p.wire_name),
        );
    }
    template
}

/// Adds a client-level query parameter (the runtime holds its value) to `url`.
fn client_query_stmt(c: &Param) -> String {
    let wire = lit(&c.wire_name);
    let query = match c.raw {
        true => "http::query_raw",
        false => "http::query",
    };
    format!("{query}(&mut url, {wire}, core.param({wire}).unwrap_or_default());")
}

/// `let url = core.url(template, &[path parameters], api_version)?;`
fn url_stmt(
    indent: usize,
    template: &str,
    path_params: &[String],
    api_version: bool,
    mutable: bool,
) -> String {
    let head = match mutable {
        true => "let mut url = core.url",
        false => "let url = core.url",
    };
    // The pairs a line each if they do not fit on the argument's line.
    let pairs = group(
        "&[",
        path_params,
        "]",
        WIDTH.saturating_sub((indent + 1) * 4),
    );
    call(
        indent,
        head,
        &[lit(template), pairs, api_version.to_string()],
        "?;",
    )
}

/// `x-ms-pageable` `operationName`: statements building `next`, a closure making
/// `next_op`'s request from a next link, its other parameters taken from `op`'s
/// arguments (checked in `ops`).
fn next_request(
    space: &TypeSpace,
    client: &Client,
    op: &Operation,
    next_op: &Operation,
    body: &mut Body,
) {
    let mut captures = Vec::new();
    let mut path_params = vec!["(\"nextLink\", link)".to_string()];
    let mut query = Vec::new();
    let mut headers = Vec::new();
    for (i, p) in next_op.params.iter().enumerate() {
        if p.wire_name == "nextLink" {
            continue;
        }
        let Some(q) = op
            .params
            .iter()
            .find(|q| q.wire_name == p.wire_name && q.location == p.location)
        else {
            continue;
        };
        let var = format!("next_{i}");
        let name = ident_str(&q.name);
        if q.required {
            let value = to_wire_owned(space, q, &name);
            captures.push(format!("let {var}: ::std::string::String = {value};"));
        } else {
            let value = to_wire_owned(space, q, "value");
            captures.push(format!(
                "let {var}: ::std::option::Option<::std::string::String> = match &options.{name} {{\n    ::std::option::Option::Some(value) => ::std::option::Option::Some({value}),\n    ::std::option::Option::None => ::std::option::Option::None,\n}};"
            ));
        }
        let wire = lit(&p.wire_name);
        match (p.location, q.required) {
            (ParamIn::Path, true) => path_params.push(format!("({wire}, {var}.as_str())")),
            (ParamIn::Query, true) => query.push(format!("http::query(&mut url, {wire}, &{var});")),
            (ParamIn::Query, false) => query.push(format!(
                "if let ::std::option::Option::Some(value) = &{var} {{\n    http::query(&mut url, {wire}, value);\n}}"
            )),
            (ParamIn::Header, true) => headers.push(format!(
                "request.insert_header({wire}, ::std::clone::Clone::clone(&{var}));"
            )),
            (ParamIn::Header, false) => headers.push(format!(
                "if let ::std::option::Option::Some(value) = &{var} {{\n    request.insert_header({wire}, ::std::clone::Clone::clone(value));\n}}"
            )),
            _ => {}
        }
    }
    for c in client
        .params
        .iter()
        .filter(|c| c.location == ParamIn::Query && next_op.client_params.contains(&c.wire_name))
    {
        query.push(client_query_stmt(c));
    }
    let mut inner = Body::default();
    inner.push(url_stmt(
        4,
        &url_template(client, next_op),
        &path_params,
        next_op.api_version,
        !query.is_empty(),
    ));
    query.into_iter().for_each(|q| inner.push(q));
    let request = match headers.is_empty() {
        true => "let request",
        false => "let mut request",
    };
    inner.push(format!(
        "{request} = core.request(Method::{}, url, None::<&()>)?;",
        http_method(next_op)
    ));
    headers.into_iter().for_each(|h| inner.push(h));
    inner.push("::std::result::Result::Ok(request)");
    let mut closure = String::from("let next: http::NextRequest = {\n");
    for c in captures {
        push_lines(&mut closure, "    ", &c);
    }
    closure.push_str("    let core = ::std::clone::Clone::clone(core);\n");
    closure.push_str("    ::std::sync::Arc::new(move |link: &str| {\n");
    inner.write(&mut closure, 2);
    closure.push_str("    })\n};");
    body.push(closure);
}

/// `Method::Get`, … (azure_core's names).
fn http_method(op: &Operation) -> Cow<'_, str> {
    ident_str(op.http_method)
}

/// A float as a Rust expression.
fn f64_text(v: f64) -> String {
    if v.is_finite() {
        format!("{v:?}")
    } else if v.is_nan() {
        "f64::NAN".to_string()
    } else if v > 0.0 {
        "f64::INFINITY".to_string()
    } else {
        "f64::NEG_INFINITY".to_string()
    }
}

/// The string checks of a file: one `const` per parameter and constraints, shared by
/// every method that takes the parameter.
#[derive(Default)]
struct Checks {
    names: Namespace,
    consts: Vec<String>,
    by_key: BTreeMap<String, String>,
}

impl Checks {
    /// The statement checking `value` against `p`'s constraints (empty if it has none):
    /// a `&str`-like value for strings, the number or (`by_ref`) a reference to it for numbers.
    fn check(&mut self, p: &Param, value: &str, by_ref: bool) -> String {
        let c = &p.constraints;
        if c.is_empty() {
            return String::new();
        }
        let wire = lit(&p.wire_name);
        let opt = |v: Option<String>| match v {
            Some(v) => format!("Some({v})"),
            None => "None".to_string(),
        };
        match &p.ty {
            TypeRef::Prim(Prim::String) => {
                let key = format!("{}\u{0}{:?}", p.wire_name, c);
                let name = match self.by_key.get(&key) {
                    Some(name) => name.clone(),
                    None => {
                        let wanted = sanitize(&p.wire_name, Case::Value)
                            .trim_end_matches('_')
                            .to_ascii_uppercase();
                        let (name, _) = self.names.claim(wanted, &key);
                        let mut item = String::new();
                        doc_comment(
                            &mut item,
                            "",
                            Some(&format!("The constraints of `{}`.", p.wire_name)),
                        );
                        item.push_str(&format!(
                            "const {}: http::Check = http::Check {{\n    name: {wire},\n    min_length: {},\n    max_length: {},\n    pattern: {},\n}};\n",
                            ident_str(&name),
                            opt(c.min_length.map(|v| v.to_string())),
                            opt(c.max_length.map(|v| v.to_string())),
                            opt(c.pattern.as_deref().map(lit)),
                        ));
                        self.consts.push(item);
                        self.by_key.insert(key, name.clone());
                        name
                    }
                };
                format!("{}.check({value})?;", ident_str(&name))
            }
            TypeRef::Prim(Prim::I32 | Prim::I64 | Prim::F32 | Prim::F64)
                if c.minimum.is_some() || c.maximum.is_some() =>
            {
                let number = match by_ref {
                    true => format!("*{value}"),
                    false => value.to_string(),
                };
                format!(
                    "http::check_number({wire}, {number} as f64, {}, {})?;",
                    opt(c.minimum.map(f64_text)),
                    opt(c.maximum.map(f64_text))
                )
            }
            _ => String::new(),
        }
    }
}

fn final_state(f: FinalState) -> &'static str {
    match f {
        FinalState::OriginalUri => "FinalState::OriginalUri",
        FinalState::Location => "FinalState::Location",
        FinalState::AzureAsyncOperation => "FinalState::AzureAsyncOperation",
        FinalState::None => "FinalState::None",
    }
}

/// What a method's text needs besides its operation.
struct MethodCx<'a> {
    space: &'a TypeSpace,
    client: &'a Client,
    /// The Rust name of the type the method is on (`RegistriesClient`, or the client).
    owner: &'a str,
}

/// An operation's method (appended to `methods`, indented one level) and its options
/// struct (appended to `options_items`).
fn method_text(
    cx: &MethodCx<'_>,
    op: &Operation,
    checks: &mut Checks,
    methods: &mut String,
    options_items: &mut String,
) {
    let (args, arg_docs) = signature(cx, op);
    let mut stmts = Body::default();
    request_stmts(cx, op, checks, &mut stmts);
    let (ret, future) = send_stmts(cx, op, &mut stmts);
    if future {
        stmts = deferred(stmts);
    }
    methods.push('\n');
    doc_comment(methods, "    ", Some(&method_docs(cx, op, &arg_docs)));
    if op.deprecated {
        methods.push_str("    #[deprecated]\n");
    }
    let head = format!("pub fn {}", ident_str(&op.method));
    let tail = format!(" -> {ret} {{");
    push_lines(methods, "    ", &call(1, &head, &args, &tail));
    stmts.write(methods, 2);
    methods.push_str("    }\n");
    options_struct(cx, op, options_items);
}

/// A method's arguments (required parameters, a required body, the options) and their
/// docs.
fn signature(cx: &MethodCx<'_>, op: &Operation) -> (Vec<String>, Vec<String>) {
    let space = cx.space;
    let mut args = vec!["&self".to_string()];
    let mut arg_docs = Vec::new();
    for p in op.params.iter().filter(|p| p.required) {
        args.push(format!(
            "{}: {}",
            ident_str(&p.name),
            arg_type(space, &p.ty)
        ));
        arg_docs.push(format!(
            "- `{}`: {}{}",
            p.name,
            first_line(p.docs.as_deref()),
            rules(&p.constraints)
        ));
    }
    // A required body is an argument; an optional one a field of the options.
    if let Some(body) = op.body.as_ref().filter(|b| b.required) {
        args.push(format!(
            "{}: {}",
            ident_str(&body.name),
            arg_type(space, &body.ty)
        ));
        arg_docs.push(format!(
            "- `{}`: {}",
            body.name,
            first_line(body.docs.as_deref())
        ));
    }
    args.push(format!("options: Option<{}<'_>>", ident_str(&op.options)));
    (args, arg_docs)
}

/// The statements that build the request: checks, then the URL, query, body and headers.
fn request_stmts(cx: &MethodCx<'_>, op: &Operation, checks: &mut Checks, stmts: &mut Body) {
    let (space, client) = (cx.space, cx.client);
    // The client and its sub-clients each own a core (sharing the pipeline).
    stmts.push("let (core, options) = (&self.core, options.unwrap_or_default());".to_string());
    for p in op.params.iter().filter(|p| p.required) {
        stmts.push(checks.check(p, &ident_str(&p.name), false));
    }
    for p in op.params.iter().filter(|p| !p.required) {
        let check = checks.check(p, "value", true);
        if !check.is_empty() {
            stmts.push(if_option(&ident_str(&p.name), &check));
        }
    }
    // Client-level path parameters (such as `subscriptionId`) are filled in by the runtime.
    let path_params: Vec<String> = op
        .params
        .iter()
        .filter(|p| p.required && p.location == ParamIn::Path)
        .map(|p| {
            format!(
                "({}, {})",
                lit(&p.wire_name),
                to_wire(space, p, &ident_str(&p.name))
            )
        })
        .collect();
    let query_params: Vec<&Param> = op
        .params
        .iter()
        .filter(|p| p.location == ParamIn::Query)
        .collect();
    let client_query: Vec<&Param> = client
        .params
        .iter()
        .filter(|c| c.location == ParamIn::Query && op.client_params.contains(&c.wire_name))
        .collect();
    stmts.push(url_stmt(
        2,
        &url_template(client, op),
        &path_params,
        op.api_version,
        !(query_params.is_empty() && client_query.is_empty()),
    ));
    for c in client_query {
        stmts.push(client_query_stmt(c));
    }
    for p in &query_params {
        let name = ident_str(&p.name);
        if p.required {
            stmts.push(query_stmt(space, p, &name));
        } else {
            stmts.push(if_option(&name, &query_stmt(space, p, "value")));
        }
    }
    let body_arg = body_arg(space, op, stmts);
    let headers: Vec<&Param> = op
        .params
        .iter()
        .filter(|p| p.location == ParamIn::Header)
        .collect();
    let request = match headers.is_empty() {
        true => "let request = core.request",
        false => "let mut request = core.request",
    };
    stmts.push(call(
        2,
        request,
        &[
            format!("Method::{}", http_method(op)),
            "url".to_string(),
            body_arg,
        ],
        "?;",
    ));
    for p in headers {
        let wire = lit(&p.wire_name.to_ascii_lowercase());
        let name = ident_str(&p.name);
        if p.required {
            let value = to_wire_owned(space, p, &name);
            stmts.push(format!("request.insert_header({wire}, {value});"));
        } else {
            let value = to_wire_owned(space, p, "value");
            stmts.push(if_option(
                &name,
                &format!("request.insert_header({wire}, {value});"),
            ));
        }
    }
}

/// The request's body argument, after the statements that write it in its wire format.
fn body_arg(space: &TypeSpace, op: &Operation, stmts: &mut Body) -> String {
    let Some(b) = &op.body else {
        return "None::<&()>".to_string();
    };
    let name = ident_str(&b.name);
    let value = match (b.required, by_value(&b.ty)) {
        (true, true) => format!("Some(&{name})"),
        (true, false) => format!("Some({name})"),
        (false, _) => format!("options.{name}"),
    };
    match codec_format_str(space, &b.ty, "crate") {
        // A date, bytes, or collections of them: written in their wire format.
        Some(format) => {
            let t = ty(space, &b.ty);
            // Arguments are slices; the format is written from the owned type.
            stmts.push(format!("let wire_body: ::std::option::Option<{t}> = {value}.map(::std::borrow::ToOwned::to_owned);"));
            stmts.push(format!("let wire_body = wire_body.as_ref().map(crate::runtime::codec::Ser::<{format}, {t}>::new);"));
            "wire_body.as_ref()".to_string()
        }
        None => value,
    }
}

/// The statements of a method that returns a future: the request built (its checks
/// and `?`s) inside `http::prepare`, so that the future, which owns the request or the
/// error, holds no borrow of the client or of the arguments.
fn deferred(body: Body) -> Body {
    let mut stmts = body.stmts;
    if stmts.len() < 3 {
        return Body { stmts };
    }
    let send = stmts.pop().unwrap_or_default();
    let setup = stmts.remove(0);
    let mut inner = String::from("let request = http::prepare(|| {\n");
    for stmt in &stmts {
        push_lines(&mut inner, "    ", stmt);
    }
    inner.push_str("    Ok(request)\n});");
    Body {
        stmts: vec![setup, inner, send],
    }
}

/// The statement that sends the request (plain, long-running or paged), and the
/// method's return type, and whether it is a future (the method's calls then go in
/// [`deferred`]).
fn send_stmts(cx: &MethodCx<'_>, op: &Operation, stmts: &mut Body) -> (String, bool) {
    let (space, client) = (cx.space, cx.client);
    let success = format!(
        "&[{}]",
        op.success
            .iter()
            .map(u16::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    );
    let result_ty = match &op.result {
        Some(t) => ty(space, t),
        None => "()".to_string(),
    };
    let method_options = "&options.method_options".to_string();
    // The public API's name, for azure_core's tracing (`RegistriesClient.get`).
    let api = lit(&format!("{}.{}", cx.owner, op.method));
    match &op.kind {
        OpKind::Plain => {
            stmts.push(call(
                2,
                "core.send",
                &[api, method_options, "request".to_string(), success],
                "",
            ));
            let ret = match op
                .result
                .as_ref()
                .and_then(|t| codec_format_str(space, t, "crate"))
            {
                // A date, bytes, or collections of them: read in their wire format.
                Some(format) => format!("Result<Response<{result_ty}, http::Wire<{format}>>>"),
                None => format!("Result<Response<{result_ty}>>"),
            };
            let ret = format!("impl Future<Output = {ret}> + Send + 'static");
            (ret, true)
        }
        OpKind::LongRunning { final_state: f } => {
            stmts.push(call(
                2,
                "core.begin",
                &[
                    api,
                    method_options,
                    "request".to_string(),
                    success,
                    final_state(*f).to_string(),
                ],
                "",
            ));
            (format!("Result<LroPoller<{result_ty}>>"), false)
        }
        OpKind::Pageable {
            next_link,
            next_operation,
            item_name,
            ..
        } => {
            let items = lit(item_name);
            let next = match next_link {
                Some(n) => format!("Some({})", lit(n)),
                None => "None".to_string(),
            };
            let next_op = next_operation
                .as_ref()
                .and_then(|id| client.operations.iter().find(|o| &o.operation_id == id));
            match next_op {
                Some(next_op) => {
                    next_request(space, client, op, next_op, stmts);
                    stmts.push(call(
                        2,
                        "core.pager_via",
                        &[
                            api,
                            method_options,
                            "request".to_string(),
                            next,
                            items,
                            "Some(next)".to_string(),
                        ],
                        "",
                    ));
                }
                None => stmts.push(call(
                    2,
                    "core.pager",
                    &[api, method_options, "request".to_string(), next, items],
                    "",
                )),
            }
            (format!("Result<Pager<{result_ty}>>"), false)
        }
    }
}

/// A method's docs: the spec's description, the arguments, what it returns, the
/// response headers, and the HTTP method, path and operation id.
fn method_docs(cx: &MethodCx<'_>, op: &Operation, arg_docs: &[String]) -> String {
    let mut docs = op.docs.clone().unwrap_or_default();
    if !arg_docs.is_empty() {
        docs.push_str("\n\nArguments:");
        for a in arg_docs {
            docs.push('\n');
            docs.push_str(a);
        }
    }
    match &op.kind {
        OpKind::Plain => {}
        OpKind::LongRunning { .. } => docs
            .push_str("\n\nA long-running operation: `.await` the returned poller for the result."),
        OpKind::Pageable { .. } => {
            docs.push_str("\n\nReturns a pager over the items of every page.")
        }
    }
    if !op.headers.is_empty() {
        let accessors: Vec<String> = op.headers.iter().map(|h| format!("`{}`", h.name)).collect();
        docs.push_str(&format!(
            "\n\nResponse headers ([`{}`]): {}.",
            cx.client.names.headers_trait,
            accessors.join(", ")
        ));
    }
    docs.push_str(&format!(
        "\n\n`{}` `{}` (operation `{}`)",
        op.http_method.to_ascii_uppercase(),
        op.path,
        op.operation_id
    ));
    docs
}

/// A method's options struct: its optional parameters, an optional body, the call's
/// context.
fn options_struct(cx: &MethodCx<'_>, op: &Operation, out: &mut String) {
    let space = cx.space;
    out.push('\n');
    doc_comment(
        out,
        "",
        Some(&format!("Options for [`{}::{}`].", cx.owner, op.method)),
    );
    out.push_str(&format!(
        "#[derive(Clone, Debug, Default)]\npub struct {}<'a> {{\n",
        ident_str(&op.options)
    ));
    for p in op.params.iter().filter(|p| !p.required) {
        let docs = format!(
            "{}{}",
            p.docs.as_deref().unwrap_or_default(),
            rules(&p.constraints)
        );
        doc_comment(
            out,
            "    ",
            Some(docs.trim_start()).filter(|d| !d.is_empty()),
        );
        out.push_str(&format!(
            "    pub {}: Option<{}>,\n",
            ident_str(&p.name),
            ty(space, &p.ty)
        ));
    }
    if let Some(body) = op.body.as_ref().filter(|b| !b.required) {
        let t = match &body.ty {
            TypeRef::Vec(inner) => format!("[{}]", ty(space, inner)),
            t => ty(space, t),
        };
        doc_comment(
            out,
            "    ",
            Some(body.docs.as_deref().unwrap_or("The request body.")),
        );
        out.push_str(&format!(
            "    pub {}: Option<&'a {t}>,\n",
            ident_str(&body.name)
        ));
    }
    out.push_str(method_options_field(&op.kind));
    out.push_str("}\n");
}

/// The options struct's last field: azure_core's per-call options for the method's kind.
fn method_options_field(kind: &OpKind) -> &'static str {
    match kind {
        OpKind::Plain => "    /// The call's context (cancellation, per-call policies).\n    pub method_options: ClientMethodOptions<'a>,\n",
        OpKind::Pageable { .. } => "    /// The call's context, and where to resume: another pager's `continuation()`.\n    pub method_options: PagerOptions<'a>,\n",
        OpKind::LongRunning { .. } => "    /// The call's context, and the wait between polls when the service names none (the\n    /// client's `Limits::poll_interval` unless changed here; at least 1 s).\n    pub method_options: PollerOptions<'a>,\n",
    }
}

/// The spec's rules for a parameter, as its docs say them (the client checks them
/// before sending: a value that breaks one is an `InvalidArgument` error).
fn rules(c: &Constraints) -> String {
    let mut rules = Vec::new();
    match (c.min_length, c.max_length) {
        (Some(min), Some(max)) => rules.push(format!("{min} to {max} characters")),
        (Some(min), None) => rules.push(format!("at least {min} characters")),
        (None, Some(max)) => rules.push(format!("at most {max} characters")),
        (None, None) => {}
    }
    if let Some(pattern) = &c.pattern {
        rules.push(match pattern.contains('`') {
            true => format!("matching `` {pattern} ``"),
            false => format!("matching `{pattern}`"),
        });
    }
    match (c.minimum, c.maximum) {
        (Some(min), Some(max)) => rules.push(format!("from {min} to {max}")),
        (Some(min), None) => rules.push(format!("at least {min}")),
        (None, Some(max)) => rules.push(format!("at most {max}")),
        (None, None) => {}
    }
    match rules.is_empty() {
        true => String::new(),
        false => format!(" Checked before sending: {}.", rules.join(", ")),
    }
}

fn first_line(docs: Option<&str>) -> String {
    docs.and_then(|d| d.lines().map(str::trim).find(|l| !l.is_empty()))
        .unwrap_or("")
        .to_string()
}

/// `src/clients.rs`.
pub fn clients(
    space: &TypeSpace,
    client: &Client,
    api_version: &str,
    title: &str,
) -> Result<String> {
    let mut checks = Checks::default();
    let ctor = constructor(space, client, &mut checks);
    let groups = groups(space, client, &mut checks);
    let mut out = imports(client);
    client_options(&mut out, client, api_version);
    client_struct(&mut out, client, title, &ctor, &groups);
    out.push_str(&groups.group_items);
    out.push_str(&groups.option_items);
    headers_trait(&mut out, client);
    pages(&mut out, space, client);
    for item in &checks.consts {
        out.push('\n');
        out.push_str(item);
    }
    // A self-check of the text in debug builds (the tests, the fuzzer).
    check_parses(&out, "clients.rs")?;
    Ok(out)
}

/// The client's constructor: its arguments, its body and the docs of the client-level
/// parameters.
struct Constructor {
    args: Vec<String>,
    body: Body,
    param_docs: String,
}

/// The constructor: the client-level parameters, kept by the runtime as text, each
/// checked first (strings once converted, numbers before).
fn constructor(space: &TypeSpace, client: &Client, checks: &mut Checks) -> Constructor {
    let mut args = Vec::new();
    let mut body = Body::default();
    body.push("let options = options.unwrap_or_default();");
    for p in &client.params {
        let name = ident_str(&p.name);
        if is_str(&p.ty) {
            args.push(format!(
                "{name}: impl ::std::convert::Into<::std::string::String>"
            ));
            body.push(format!(
                "let {name}: ::std::string::String = {name}.into();"
            ));
            body.push(checks.check(p, &format!("&{name}"), false));
        } else {
            args.push(format!("{name}: {}", ty(space, &p.ty)));
            body.push(checks.check(p, &name, !by_value(&p.ty)));
            body.push(format!(
                "let {name}: ::std::string::String = ::std::string::ToString::to_string(&{name});"
            ));
        }
    }
    let param_pairs: Vec<String> = client
        .params
        .iter()
        .map(|p| format!("({}, {})", lit(&p.wire_name), ident_str(&p.name)))
        .collect();
    body.push(format!(
        "let params = ::std::vec![{}];",
        param_pairs.join(", ")
    ));
    body.push(core_new(client));
    body.push("::std::result::Result::Ok(Self { core })");
    let param_docs: String = client
        .params
        .iter()
        .map(|p| format!("\n- `{}`: {}", p.name, first_line(p.docs.as_deref())))
        .collect();
    Constructor {
        args,
        body,
        param_docs,
    }
}

/// The constructor's call of the runtime's `ClientCore`.
fn core_new(client: &Client) -> String {
    let credential_arg = match (client.bearer, client.scopes.is_empty()) {
        (true, true) => "::std::option::Option::Some((credential, http::Scopes::Arm))".to_string(),
        (true, false) => {
            let scopes: Vec<String> = client.scopes.iter().map(|s| lit(s)).collect();
            format!(
                "::std::option::Option::Some((credential, http::Scopes::Fixed(&[{}])))",
                scopes.join(", ")
            )
        }
        (false, _) => "::std::option::Option::None".to_string(),
    };
    let common = [
        credential_arg,
        "options.api_version".to_string(),
        "options.client_options".to_string(),
        "options.limits".to_string(),
        "params".to_string(),
    ];
    match &client.host {
        None => {
            let mut args = vec!["endpoint".to_string()];
            args.extend(common);
            call(2, "let core = http::ClientCore::new", &args, "?;")
        }
        Some((template, scheme)) => {
            let scheme = match scheme.is_empty() {
                true => "\"\"",
                false => "&options.scheme",
            };
            let mut args = vec![scheme.to_string(), lit(template)];
            args.extend(common);
            call(
                2,
                "let core = http::ClientCore::with_host_template",
                &args,
                "?;",
            )
        }
    }
}

/// The methods, as text: the client's own, the groups' structs with theirs, the
/// client's accessors of the groups, and every method's options struct.
#[derive(Default)]
struct Methods {
    accessors: String,
    group_items: String,
    option_items: String,
    root_methods: String,
}

fn groups(space: &TypeSpace, client: &Client, checks: &mut Checks) -> Methods {
    let mut out = Methods::default();
    // Groups in name order; root operations on the client itself.
    let mut by_group: BTreeMap<Option<&str>, Vec<&Operation>> = BTreeMap::new();
    for op in &client.operations {
        by_group.entry(op.group.as_deref()).or_default().push(op);
    }
    for (group, ops) in by_group {
        let group = group.and_then(|g| client.group(g));
        let owner = group.map_or(client.names.client.as_str(), |g| &g.struct_name);
        let cx = MethodCx {
            space,
            client,
            owner,
        };
        let mut methods = String::new();
        for op in ops {
            method_text(&cx, op, checks, &mut methods, &mut out.option_items);
        }
        let Some(g) = group else {
            out.root_methods = methods;
            continue;
        };
        let struct_ident = ident_str(&g.struct_name);
        let client_ident = ident_str(&client.names.client);
        let doc = format!(
            "The `{}` operations: a client of its own, sharing this one's pipeline and options (it holds no borrow of [`{client_ident}`]).",
            g.name
        );
        out.accessors.push('\n');
        doc_comment(&mut out.accessors, "    ", Some(&doc));
        out.accessors.push_str(&format!(
            "    pub fn {}(&self) -> {struct_ident} {{\n        {struct_ident} {{ core: self.core.clone() }}\n    }}\n",
            ident_str(&g.accessor),
        ));
        out.group_items.push('\n');
        let doc = format!(
            "The `{}` operations, from [`{client_ident}::{}`].",
            g.name,
            ident_str(&g.accessor)
        );
        doc_comment(&mut out.group_items, "", Some(&doc));
        out.group_items.push_str(&format!(
            "#[derive(Clone, Debug)]\npub struct {struct_ident} {{\n    core: http::ClientCore,\n}}\n\nimpl {struct_ident} {{\n"
        ));
        // Methods are separated by blank lines; none before the first.
        out.group_items.push_str(methods.trim_start_matches('\n'));
        out.group_items.push_str("}\n");
    }
    out
}

/// The file's docs and imports: only what is used (unused imports would be warnings
/// in the generated crate).
fn imports(client: &Client) -> String {
    let any = |f: &dyn Fn(&Operation) -> bool| client.operations.iter().any(f);
    let lro = any(&|o| matches!(o.kind, OpKind::LongRunning { .. }));
    let paged = any(&|o| matches!(o.kind, OpKind::Pageable { .. }));
    let plain = any(&|o| o.kind == OpKind::Plain);
    let with_headers = any(&|o| !o.headers.is_empty());
    let mut out = format!("{PREAMBLE}\n\n//! The client and its operations.\n#![allow(clippy::too_many_arguments)]\n\n");
    if client.bearer {
        out.push_str("use ::azure_core::credentials::TokenCredential;\nuse ::std::sync::Arc;\n");
    }
    if with_headers {
        out.push_str("use ::azure_core::http::headers::HeaderName;\n");
    }
    if plain {
        out.push_str("use ::std::future::Future;\n");
    }
    let mut http_imports = vec!["ClientOptions", "Method"];
    if plain {
        http_imports.insert(0, "ClientMethodOptions");
    }
    if client.host.is_none() {
        http_imports.push("Url");
    }
    if paged {
        http_imports.extend(["Pager", "pager::PagerOptions"]);
    }
    if lro {
        http_imports.push("poller::PollerOptions");
    }
    if plain || with_headers {
        http_imports.push("Response");
    }
    out.push_str(&format!(
        "use ::azure_core::http::{{{}}};\nuse ::azure_core::Result;\n",
        http_imports.join(", ")
    ));
    let mut runtime_imports = vec!["self"];
    if lro {
        runtime_imports.extend(["FinalState", "LroPoller"]);
    }
    runtime_imports.push("Limits");
    out.push_str(&format!(
        "use crate::runtime::http::{{{}}};\n",
        runtime_imports.join(", ")
    ));
    out
}

/// The client's options struct and its `Default`.
fn client_options(out: &mut String, client: &Client, api_version: &str) {
    let client_options = ident_str(&client.names.options);
    out.push('\n');
    doc_comment(out, "", Some("Options of the client: the api-version, azure_core's client options (retries, transport, per-call policies) and limits."));
    out.push_str(&format!(
        "#[derive(Clone, Debug)]\npub struct {client_options} {{\n"
    ));
    out.push_str("    /// The api-version sent with every request.\n    pub api_version: ::std::string::String,\n");
    out.push_str("    /// azure_core's options: retries, transport, per-call and per-try policies.\n    pub client_options: ClientOptions,\n");
    out.push_str(
        "    /// Limits on long-running operations and response sizes.\n    pub limits: Limits,\n",
    );
    let scheme = match &client.host {
        Some((_, scheme)) if !scheme.is_empty() => Some(scheme),
        _ => None,
    };
    if let Some(scheme) = scheme {
        doc_comment(out, "    ", Some(&format!("The scheme of the host (`{scheme}` by the spec); `http` only for a client without a credential.")));
        out.push_str("    pub scheme: ::std::string::String,\n");
    }
    out.push_str("}\n\n");
    out.push_str(&format!(
        "impl ::std::default::Default for {client_options} {{\n    fn default() -> Self {{\n        Self {{\n            api_version: ::std::string::ToString::to_string({}),\n            client_options: ::std::default::Default::default(),\n            limits: ::std::default::Default::default(),\n",
        lit(api_version)
    ));
    if let Some(scheme) = scheme {
        out.push_str(&format!(
            "            scheme: ::std::string::ToString::to_string({}),\n",
            lit(scheme)
        ));
    }
    out.push_str("        }\n    }\n}\n\n");
}

/// The client struct: its docs, constructor, endpoint, group accessors and own methods.
fn client_struct(
    out: &mut String,
    client: &Client,
    title: &str,
    ctor: &Constructor,
    methods: &Methods,
) {
    let client_ident = ident_str(&client.names.client);
    let plural = |n: usize, what: &str| match n {
        1 => format!("1 {what}"),
        n => format!("{n} {what}s"),
    };
    let counts = format!(
        "The {title} client: {} in {}.",
        plural(client.operations.len(), "operation"),
        plural(client.groups.len(), "group")
    );
    let client_doc = match client.bearer {
        true => format!("{counts}\n\nCreate it with an Azure credential; every request goes through azure_core's pipeline\n(retries, telemetry, bearer-token authentication)."),
        false => format!("{counts}\n\nThe spec declares no authentication, so the client sends none; every request goes\nthrough azure_core's pipeline (retries, telemetry)."),
    };
    doc_comment(out, "", Some(&client_doc));
    out.push_str(&format!(
        "#[derive(Clone, Debug)]\npub struct {client_ident} {{\n    core: http::ClientCore,\n}}\n\nimpl {client_ident} {{\n"
    ));
    let target = match &client.host {
        None => "`endpoint` (`https://management.azure.com` for Azure's public cloud)".to_string(),
        Some((template, scheme)) if scheme.is_empty() => format!("the host `{template}`"),
        Some((template, scheme)) => format!("the host `{scheme}://{template}`"),
    };
    let auth = match client.bearer {
        true => ", authenticating with `credential`",
        false => "",
    };
    let params_doc = match ctor.param_docs.is_empty() {
        true => String::new(),
        false => format!("\n\nClient-level parameters:{}", ctor.param_docs),
    };
    doc_comment(
        out,
        "    ",
        Some(&format!("A client for {target}{auth}.{params_doc}")),
    );
    let mut params = Vec::new();
    if client.host.is_none() {
        params.push("endpoint: &str".to_string());
    }
    if client.bearer {
        params.push("credential: Arc<dyn TokenCredential>".to_string());
    }
    params.extend(ctor.args.iter().cloned());
    params.push(format!(
        "options: ::std::option::Option<{}>",
        ident_str(&client.names.options)
    ));
    push_lines(
        out,
        "    ",
        &call(1, "pub fn new", &params, " -> Result<Self> {"),
    );
    ctor.body.write(out, 2);
    out.push_str("    }\n");
    if client.host.is_none() {
        out.push_str("\n    /// The endpoint requests go to.\n    pub fn endpoint(&self) -> &Url {\n        self.core.endpoint()\n    }\n");
    }
    out.push_str(&methods.accessors);
    out.push_str("}\n");
    if !methods.root_methods.is_empty() {
        out.push_str(&format!("\nimpl {client_ident} {{\n"));
        out.push_str(methods.root_methods.trim_start_matches('\n'));
        out.push_str("}\n");
    }
}

/// The response-headers trait: an accessor per declared header, on every response.
fn headers_trait(out: &mut String, client: &Client) {
    // Wire name → accessor, and the descriptions the operations give.
    let mut accessors: BTreeMap<&str, &str> = BTreeMap::new();
    let mut docs: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for h in client.operations.iter().flat_map(|o| &o.headers) {
        accessors.insert(&h.wire_name, &h.name);
        docs.entry(&h.wire_name)
            .or_default()
            .insert(h.docs.as_deref().unwrap_or_default());
    }
    if accessors.is_empty() {
        return;
    }
    let trait_ident = ident_str(&client.names.headers_trait);
    out.push('\n');
    doc_comment(out, "", Some("The response headers the operations declare, on every response: the first response of a long-running operation (the poller's first item) has the polling headers."));
    out.push_str(&format!("pub trait {trait_ident} {{\n"));
    for (wire, name) in &accessors {
        // The spec's description when every operation gives the same one.
        let described = docs
            .get(wire)
            .filter(|d| d.len() == 1)
            .and_then(|d| d.first())
            .filter(|d| !d.trim().is_empty())
            .map(|d| d.to_string());
        doc_comment(
            out,
            "    ",
            Some(&described.unwrap_or_else(|| format!("The `{wire}` header."))),
        );
        out.push_str(&format!(
            "    fn {}(&self) -> ::std::option::Option<&str>;\n",
            ident_str(name)
        ));
    }
    out.push_str(&format!("}}\n\nimpl<T> {trait_ident} for Response<T> {{\n"));
    for (wire, name) in &accessors {
        out.push_str(&format!(
            "    fn {}(&self) -> ::std::option::Option<&str> {{\n        self.headers().get_optional_str(&HeaderName::from_static({}))\n    }}\n",
            ident_str(name),
            lit(wire)
        ));
    }
    out.push_str("}\n");
}

/// The runtime's page trait for every paged list type, once each.
fn pages(out: &mut String, space: &TypeSpace, client: &Client) {
    let mut pages = BTreeMap::new();
    for op in &client.operations {
        if let OpKind::Pageable {
            list,
            item,
            item_field,
            ..
        } = &op.kind
        {
            pages.entry(*list).or_insert((item, item_field));
        }
    }
    if !pages.is_empty() {
        out.push('\n');
    }
    for (list, (item, field)) in &pages {
        let args = vec![
            ty(space, &TypeRef::Named(*list)),
            ty(space, item),
            ident_str(field).into_owned(),
        ];
        out.push_str(&group("http::impl_page!(", &args, ");", WIDTH));
        out.push('\n');
    }
}
