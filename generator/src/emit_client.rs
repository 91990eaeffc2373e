//! The client: `src/clients.rs`, a client struct holding the pipeline and the
//! client-level parameters, an operation-group struct per operationId prefix,
//! and a short method per operation calling the runtime.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use crate::emit::{doc_attrs, ident, render, rust_type};
use crate::error::Result;
use crate::ir::{Prim, TypeRef, TypeSpace};
use crate::names::{sanitize, Case, Namespace};
use crate::ops::{
    accessor_name, Client, Collection, FinalState, OpKind, Operation, Param, ParamIn,
};

/// Names imported at the top of `clients.rs`, which no generated item may take.
const IMPORTED: &[&str] = &[
    "Arc",
    "ClientMethodOptions",
    "ClientOptions",
    "Core",
    "FinalState",
    "HeaderName",
    "Limits",
    "LroPoller",
    "Method",
    "Pager",
    "Response",
    "Result",
    "TokenCredential",
    "Url",
    "http",
    "models",
];

/// The client's Rust names.
pub struct ClientNames {
    pub client: String,
}

fn is_str(ty: &TypeRef) -> bool {
    matches!(ty, TypeRef::Prim(Prim::String))
}

/// Whether a method takes an argument of this type by value (numbers and booleans).
pub(crate) fn by_value(ty: &TypeRef) -> bool {
    matches!(
        ty,
        TypeRef::Prim(Prim::Bool | Prim::I32 | Prim::I64 | Prim::F32 | Prim::F64)
    )
}

/// A method argument's type: `&str` for strings, a slice for arrays (and bytes), the
/// value for numbers and booleans, a reference otherwise.
fn arg_type(space: &TypeSpace, ty: &TypeRef) -> TokenStream {
    match ty {
        TypeRef::Prim(Prim::String) => quote!(&str),
        ty if by_value(ty) => rust_type(space, ty),
        TypeRef::Prim(Prim::Bytes) => quote!(&[u8]),
        TypeRef::Vec(inner) => {
            let t = rust_type(space, inner);
            quote!(&[#t])
        }
        _ => {
            let t = rust_type(space, ty);
            quote!(&#t)
        }
    }
}

/// An expression turning one value (a reference, or a `&str` for strings) into the text
/// sent on the wire, and whether that expression is an owned `String` (else a `&str`).
fn scalar_wire(space: &TypeSpace, ty: &TypeRef, value: TokenStream) -> (TokenStream, bool) {
    match ty {
        TypeRef::Prim(Prim::String) => (value, false),
        TypeRef::Prim(Prim::DateTime) => (quote!(http::format_rfc3339(#value)?), true),
        TypeRef::Prim(Prim::DateTimeRfc1123) => (quote!(http::format_rfc1123(#value)?), true),
        TypeRef::Prim(Prim::UnixTime) => (quote!(#value.unix_timestamp().to_string()), true),
        TypeRef::Prim(Prim::Bytes) => (
            quote!(::base64::Engine::encode(&::base64::engine::general_purpose::STANDARD, #value)),
            true,
        ),
        TypeRef::Named(id)
            if matches!(
                space.get(*id).map(|t| &t.kind),
                Some(crate::ir::TypeKind::Enum(_))
            ) =>
        {
            (quote!(#value.as_str()), false)
        }
        _ => (quote!(#value.to_string()), true),
    }
}

/// A parameter's text on the wire, and whether the expression is an owned `String`; an
/// array's items joined by its separator (a `multi` array is sent item by item: see
/// [`query_stmt`]).
fn wire(space: &TypeSpace, p: &Param, value: TokenStream) -> (TokenStream, bool) {
    match &p.ty {
        TypeRef::Vec(inner) => {
            let sep = match p.collection {
                Collection::Delimited(sep) => sep,
                Collection::Multi => ",",
            };
            if is_str(inner) {
                (quote!(#value.join(#sep)), true)
            } else {
                (
                    quote!(#value.iter().map(::std::string::ToString::to_string).collect::<::std::vec::Vec<_>>().join(#sep)),
                    true,
                )
            }
        }
        ty => scalar_wire(space, ty, value),
    }
}

/// A parameter as a `&str`.
fn to_wire(space: &TypeSpace, p: &Param, value: TokenStream) -> TokenStream {
    borrowed(wire(space, p, value))
}

fn borrowed((expr, owned): (TokenStream, bool)) -> TokenStream {
    if owned {
        quote!(&#expr)
    } else {
        expr
    }
}

/// A parameter as an owned `String` (a header value).
fn to_wire_owned(space: &TypeSpace, p: &Param, value: TokenStream) -> TokenStream {
    match wire(space, p, value) {
        (expr, true) => expr,
        (expr, false) => quote!(ToString::to_string(#expr)),
    }
}

/// The statement adding query parameter `p`, whose value is `value`.
fn query_stmt(space: &TypeSpace, p: &Param, value: TokenStream) -> TokenStream {
    let wire = &p.wire_name;
    match &p.ty {
        TypeRef::Vec(inner) if p.collection == Collection::Multi => {
            let item = borrowed(scalar_wire(space, inner, quote!(item)));
            quote!(for item in #value { http::query(&mut url, #wire, #item); })
        }
        _ if p.raw => {
            let v = to_wire(space, p, value);
            quote!(http::query_raw(&mut url, #wire, #v);)
        }
        _ => {
            let v = to_wire(space, p, value);
            quote!(http::query(&mut url, #wire, #v);)
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
fn client_query_stmt(c: &Param) -> TokenStream {
    let wire = &c.wire_name;
    let query = if c.raw {
        quote!(http::query_raw)
    } else {
        quote!(http::query)
    };
    quote!(#query(&mut url, #wire, core.param(#wire).unwrap_or_default());)
}

/// `x-ms-pageable` `operationName`: a closure building `next`'s request from a next
/// link, its other parameters taken from `op`'s arguments (checked in `ops`).
fn next_request(
    space: &TypeSpace,
    client: &Client,
    op: &Operation,
    next: &Operation,
) -> TokenStream {
    let mut captures = Vec::new();
    let mut path_params = vec![quote!(("nextLink", link))];
    let mut query = Vec::new();
    let mut headers = Vec::new();
    for (i, p) in next.params.iter().enumerate() {
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
        let var = format_ident!("next_{}", i);
        let name = ident(&q.name);
        if q.required {
            let value = to_wire_owned(space, q, quote!(#name));
            captures.push(quote!(let #var: ::std::string::String = #value;));
        } else {
            let value = to_wire_owned(space, q, quote!(value));
            captures.push(quote!(let #var: ::std::option::Option<::std::string::String> = match &options.#name { ::std::option::Option::Some(value) => ::std::option::Option::Some(#value), ::std::option::Option::None => ::std::option::Option::None };));
        }
        let wire = &p.wire_name;
        match (p.location, q.required) {
            (ParamIn::Path, true) => path_params.push(quote!((#wire, #var.as_str()))),
            (ParamIn::Query, true) => query.push(quote!(http::query(&mut url, #wire, &#var);)),
            (ParamIn::Query, false) => query.push(quote!(if let ::std::option::Option::Some(value) = &#var { http::query(&mut url, #wire, value); })),
            (ParamIn::Header, true) => headers.push(quote!(request.insert_header(#wire, ::std::clone::Clone::clone(&#var));)),
            (ParamIn::Header, false) => headers.push(quote!(if let ::std::option::Option::Some(value) = &#var { request.insert_header(#wire, ::std::clone::Clone::clone(value)); })),
            _ => {}
        }
    }
    for c in client
        .params
        .iter()
        .filter(|c| c.location == ParamIn::Query && next.client_params.contains(&c.wire_name))
    {
        query.push(client_query_stmt(c));
    }
    let template = url_template(client, next);
    let api_version = next.api_version;
    let method = ident(next.http_method);
    let url_mut = (!query.is_empty()).then(|| quote!(mut));
    let request_mut = (!headers.is_empty()).then(|| quote!(mut));
    quote!({
        #(#captures)*
        let core = ::std::clone::Clone::clone(core);
        ::std::sync::Arc::new(move |link: &str| {
            let #url_mut url = core.url(#template, &[#(#path_params),*], #api_version)?;
            #(#query)*
            let #request_mut request = core.request(Method::#method, url, None::<&()>)?;
            #(#headers)*
            ::std::result::Result::Ok(request)
        })
    })
}

/// The string checks of a file: one `const` per parameter and constraints, shared by
/// every method that takes the parameter.
#[derive(Default)]
struct Checks {
    names: Namespace,
    consts: Vec<(String, TokenStream)>,
    by_key: std::collections::BTreeMap<String, String>,
}

impl Checks {
    /// The statement checking `value` against `p`'s constraints (none if it has none):
    /// a `&str`-like value for strings, the number or (`by_ref`) a reference to it for numbers.
    fn check(&mut self, p: &Param, value: &TokenStream, by_ref: bool) -> TokenStream {
        let c = &p.constraints;
        if c.is_empty() {
            return quote!();
        }
        let wire = &p.wire_name;
        let opt_usize = |v: Option<usize>| match v {
            Some(v) => {
                let v = Literal::usize_unsuffixed(v);
                quote!(Some(#v))
            }
            None => quote!(None),
        };
        let opt_f64 = |v: Option<f64>| match v {
            Some(v) => quote!(Some(#v)),
            None => quote!(None),
        };
        match &p.ty {
            TypeRef::Prim(Prim::String) => {
                let key = format!("{wire}\u{0}{:?}", c);
                let name = match self.by_key.get(&key) {
                    Some(name) => name.clone(),
                    None => {
                        let wanted = sanitize(wire, Case::Value)
                            .trim_end_matches('_')
                            .to_ascii_uppercase();
                        let (name, _) = self.names.claim(wanted, &key);
                        let (min, max) = (opt_usize(c.min_length), opt_usize(c.max_length));
                        let pattern = match &c.pattern {
                            Some(p) => quote!(Some(#p)),
                            None => quote!(None),
                        };
                        let ident = ident(&name);
                        let doc = format!(" The constraints of `{wire}`.");
                        self.consts.push((
                            name.clone(),
                            quote! {
                                #[doc = #doc]
                                const #ident: http::Check = http::Check { name: #wire, min_length: #min, max_length: #max, pattern: #pattern };
                            },
                        ));
                        self.by_key.insert(key, name.clone());
                        name
                    }
                };
                let ident = ident(&name);
                quote!(#ident.check(#value)?;)
            }
            TypeRef::Prim(Prim::I32 | Prim::I64 | Prim::F32 | Prim::F64)
                if c.minimum.is_some() || c.maximum.is_some() =>
            {
                let (min, max) = (opt_f64(c.minimum), opt_f64(c.maximum));
                let number = if by_ref {
                    quote!(*#value)
                } else {
                    quote!(#value)
                };
                quote!(http::check_number(#wire, #number as f64, #min, #max)?;)
            }
            _ => quote!(),
        }
    }
}

fn final_state(f: FinalState) -> TokenStream {
    match f {
        FinalState::OriginalUri => quote!(FinalState::OriginalUri),
        FinalState::Location => quote!(FinalState::Location),
        FinalState::AzureAsyncOperation => quote!(FinalState::AzureAsyncOperation),
        FinalState::None => quote!(FinalState::None),
    }
}

/// The name an operation's options struct wants (the file's namespace may suffix it).
pub fn options_name(op: &Operation) -> String {
    let method = sanitize(op.method.trim_start_matches("begin_"), Case::Type);
    format!("{}{method}Options", op.group.clone().unwrap_or_default())
}

/// What a method's tokens need besides its operation.
struct MethodCx<'a> {
    space: &'a TypeSpace,
    client: &'a Client,
    /// The Rust name of the type the method is on (`RegistriesClient`, or the client).
    owner: &'a str,
    /// Response header wire name → accessor of the headers trait.
    headers: &'a std::collections::BTreeMap<String, String>,
    /// The headers trait's name.
    headers_trait: &'a str,
}

fn method_tokens(
    cx: &MethodCx<'_>,
    op: &Operation,
    options: &str,
    checks: &mut Checks,
) -> (TokenStream, TokenStream) {
    let (space, client) = (cx.space, cx.client);
    // Group methods reach the client through `self.client`; the client's own methods through `self`.
    let this = if op.group.is_some() {
        quote!(self.client)
    } else {
        quote!(self)
    };
    let method = ident(&op.method);
    let options = ident(options);
    let required: Vec<&Param> = op.params.iter().filter(|p| p.required).collect();
    let optional: Vec<&Param> = op.params.iter().filter(|p| !p.required).collect();
    let mut args = Vec::new();
    let mut arg_docs = Vec::new();
    for p in &required {
        let name = ident(&p.name);
        let ty = arg_type(space, &p.ty);
        args.push(quote!(#name: #ty));
        arg_docs.push(format!("- `{}`: {}", p.name, first_line(p.docs.as_deref())));
    }
    // A required body is an argument; an optional one a field of the options.
    let body = op.body.as_ref();
    if let Some(body) = body.filter(|b| b.required) {
        let name = ident(&body.name);
        let ty = arg_type(space, &body.ty);
        args.push(quote!(#name: #ty));
        arg_docs.push(format!(
            "- `{}`: {}",
            body.name,
            first_line(body.docs.as_deref())
        ));
    }
    // Checks, then the URL, query and headers.
    let mut body_stmts = Vec::new();
    for p in &required {
        let name = ident(&p.name);
        body_stmts.push(checks.check(p, &quote!(#name), false));
    }
    for p in &optional {
        let name = ident(&p.name);
        let check = checks.check(p, &quote!(value), true);
        if !check.is_empty() {
            body_stmts.push(quote!(if let Some(value) = &options.#name { #check }));
        }
    }
    // Client-level path parameters (such as `subscriptionId`) are filled in by the runtime.
    let mut path_params = Vec::new();
    for p in required.iter().filter(|p| p.location == ParamIn::Path) {
        let wire = &p.wire_name;
        let name = ident(&p.name);
        let value = to_wire(space, p, quote!(#name));
        path_params.push(quote!((#wire, #value)));
    }
    let template = url_template(client, op);
    let api_version = op.api_version;
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
    let url_mut = if query_params.is_empty() && client_query.is_empty() {
        quote!()
    } else {
        quote!(mut)
    };
    body_stmts
        .push(quote!(let #url_mut url = core.url(#template, &[#(#path_params),*], #api_version)?;));
    for c in client_query {
        body_stmts.push(client_query_stmt(c));
    }
    for p in &query_params {
        let name = ident(&p.name);
        if p.required {
            body_stmts.push(query_stmt(space, p, quote!(#name)));
        } else {
            let stmt = query_stmt(space, p, quote!(value));
            body_stmts.push(quote!(if let Some(value) = &options.#name { #stmt }));
        }
    }
    let http_method = ident(op.http_method);
    let body_arg = match body {
        Some(b) => {
            let name = ident(&b.name);
            let value = match (b.required, by_value(&b.ty)) {
                (true, true) => quote!(Some(&#name)),
                (true, false) => quote!(Some(#name)),
                (false, _) => quote!(options.#name),
            };
            match crate::emit::codec_format(space, &b.ty) {
                // A date, bytes, or collections of them: written in their wire format.
                Some(format) => {
                    let ty = rust_type(space, &b.ty);
                    // Arguments are slices; the format is written from the owned type.
                    body_stmts.push(quote!(let wire_body: ::std::option::Option<#ty> = #value.map(::std::borrow::ToOwned::to_owned);));
                    body_stmts.push(quote!(let wire_body = wire_body.as_ref().map(crate::runtime::codec::Ser::<#format, #ty>::new);));
                    quote!(wire_body.as_ref())
                }
                None => value,
            }
        }
        None => quote!(None::<&()>),
    };
    let headers: Vec<&Param> = op
        .params
        .iter()
        .filter(|p| p.location == ParamIn::Header)
        .collect();
    let request_mut = if headers.is_empty() {
        quote!()
    } else {
        quote!(mut)
    };
    body_stmts.push(
        quote!(let #request_mut request = core.request(Method::#http_method, url, #body_arg)?;),
    );
    for p in headers {
        let wire = p.wire_name.to_ascii_lowercase();
        let name = ident(&p.name);
        if p.required {
            let value = to_wire_owned(space, p, quote!(#name));
            body_stmts.push(quote!(request.insert_header(#wire, #value);));
        } else {
            let value = to_wire_owned(space, p, quote!(value));
            body_stmts.push(quote!(if let Some(value) = &options.#name { request.insert_header(#wire, #value); }));
        }
    }
    let success: Vec<Literal> = op
        .success
        .iter()
        .map(|c| Literal::u16_unsuffixed(*c))
        .collect();
    let result_ty = match &op.result {
        Some(t) => rust_type(space, t),
        None => quote!(()),
    };
    let (ret, call, asyncness) = match &op.kind {
        OpKind::Plain => (
            match op
                .result
                .as_ref()
                .and_then(|t| crate::emit::codec_format(space, t))
            {
                // A date, bytes, or collections of them: read in their wire format.
                Some(format) => quote!(Result<Response<#result_ty, http::Wire<#format>>>),
                None => quote!(Result<Response<#result_ty>>),
            },
            quote!(core.send(&options.method_options, request, &[#(#success),*]).await),
            quote!(async),
        ),
        OpKind::LongRunning { final_state: f } => {
            let f = final_state(*f);
            (
                quote!(Result<LroPoller<#result_ty>>),
                quote!(core.begin(&options.method_options, request, &[#(#success),*], #f)),
                quote!(),
            )
        }
        OpKind::Pageable {
            next_link,
            next_operation,
            ..
        } => {
            let next = match next_link {
                Some(n) => quote!(Some(#n)),
                None => quote!(None),
            };
            let next_op = next_operation
                .as_ref()
                .and_then(|id| client.operations.iter().find(|o| &o.operation_id == id));
            let call = match next_op {
                Some(next_op) => {
                    let builder = next_request(space, client, op, next_op);
                    quote!({
                        let next: http::NextRequest = #builder;
                        core.pager_via(&options.method_options, request, #next, Some(next))
                    })
                }
                None => quote!(core.pager(&options.method_options, request, #next)),
            };
            (quote!(Result<Pager<#result_ty>>), call, quote!())
        }
    };
    let mut docs = op.docs.clone().unwrap_or_default();
    if !arg_docs.is_empty() {
        docs.push_str("\n\nArguments:");
        for a in &arg_docs {
            docs.push('\n');
            docs.push_str(a);
        }
    }
    let what = match &op.kind {
        OpKind::Plain => String::new(),
        OpKind::LongRunning { .. } => {
            "\n\nA long-running operation: `.await` the returned poller for the result.".to_string()
        }
        OpKind::Pageable { .. } => "\n\nReturns a pager over the items of every page.".to_string(),
    };
    docs.push_str(&what);
    if !op.headers.is_empty() {
        let accessors: Vec<String> = op
            .headers
            .iter()
            .filter_map(|h| cx.headers.get(&h.wire_name))
            .map(|a| format!("`{a}`"))
            .collect();
        docs.push_str(&format!(
            "\n\nResponse headers ([`{}`]): {}.",
            cx.headers_trait,
            accessors.join(", ")
        ));
    }
    docs.push_str(&format!(
        "\n\n`{}` `{}` (operation `{}`)",
        op.http_method.to_ascii_uppercase(),
        op.path,
        op.operation_id
    ));
    let docs = doc_attrs(Some(&docs));
    let deprecated = op.deprecated.then(|| quote!(#[deprecated]));
    let method_tokens = quote! {
        #docs
        #deprecated
        pub #asyncness fn #method(&self, #(#args,)* options: Option<#options<'_>>) -> #ret {
            let (core, options) = (&#this.core, options.unwrap_or_default());
            #(#body_stmts)*
            #call
        }
    };
    // The options struct.
    let mut option_fields: Vec<TokenStream> = optional
        .iter()
        .map(|p| {
            let name = ident(&p.name);
            let ty = rust_type(space, &p.ty);
            let docs = doc_attrs(p.docs.as_deref());
            quote!(#docs pub #name: Option<#ty>,)
        })
        .collect();
    if let Some(body) = body.filter(|b| !b.required) {
        let name = ident(&body.name);
        let ty = match &body.ty {
            TypeRef::Vec(inner) => {
                let t = rust_type(space, inner);
                quote!([#t])
            }
            ty => rust_type(space, ty),
        };
        let docs = doc_attrs(Some(body.docs.as_deref().unwrap_or("The request body.")));
        option_fields.push(quote!(#docs pub #name: Option<&'a #ty>,));
    }
    let options_doc = format!(" Options for [`{}::{}`].", cx.owner, op.method);
    let options_tokens = quote! {
        #[doc = #options_doc]
        #[derive(Clone, Debug, Default)]
        pub struct #options<'a> {
            #(#option_fields)*
            /// The call's context (cancellation, per-call policies).
            pub method_options: ClientMethodOptions<'a>,
        }
    };
    (method_tokens, options_tokens)
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
    names: &ClientNames,
    api_version: &str,
    title: &str,
) -> Result<String> {
    let client_ident = ident(&names.client);
    let client_options = ident(&format!("{}Options", names.client));
    let mut ns = Namespace::new();
    for i in IMPORTED {
        ns.reserve(i, "(imported)");
    }
    ns.reserve(&names.client, "(the client)");
    ns.reserve(&format!("{}Options", names.client), "(the client options)");

    // Constructor arguments: the client-level parameters, kept by the runtime as text.
    let ctor_args = client.params.iter().map(|p| {
        let name = ident(&p.name);
        let ty = rust_type(space, &p.ty);
        if is_str(&p.ty) {
            quote!(#name: impl ::std::convert::Into<::std::string::String>)
        } else {
            quote!(#name: #ty)
        }
    });
    // Each client-level parameter as text, checked first: strings once converted, numbers before.
    let mut checks = Checks::default();
    let ctor_inits: Vec<TokenStream> = client
        .params
        .iter()
        .map(|p| {
            let name = ident(&p.name);
            if is_str(&p.ty) {
                let check = checks.check(p, &quote!(&#name), false);
                quote!(let #name: ::std::string::String = #name.into(); #check)
            } else {
                let check = checks.check(p, &quote!(#name), !by_value(&p.ty));
                quote!(#check let #name: ::std::string::String = ::std::string::ToString::to_string(&#name);)
            }
        })
        .collect();
    let param_pairs = client.params.iter().map(|p| {
        let name = ident(&p.name);
        let wire = &p.wire_name;
        quote!((#wire, #name))
    });
    let ctor_param_docs: String = client
        .params
        .iter()
        .map(|p| format!("\n- `{}`: {}", p.name, first_line(p.docs.as_deref())))
        .collect();

    // Groups, in name order; root operations on the client itself.
    let mut groups: std::collections::BTreeMap<Option<String>, Vec<&Operation>> =
        std::collections::BTreeMap::new();
    for op in &client.operations {
        groups.entry(op.group.clone()).or_default().push(op);
    }
    // Response headers: one accessor per wire name, on every response (two operations'
    // traits for the same response type would make each call ambiguous).
    let mut header_names = Namespace::new();
    let mut header_accessors: std::collections::BTreeMap<String, String> =
        std::collections::BTreeMap::new();
    let mut header_docs: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
        std::collections::BTreeMap::new();
    for op in &client.operations {
        for h in &op.headers {
            if !header_accessors.contains_key(&h.wire_name) {
                let (name, _) = header_names.claim(h.name.clone(), &h.wire_name);
                header_accessors.insert(h.wire_name.clone(), name);
            }
            let docs = header_docs.entry(h.wire_name.clone()).or_default();
            docs.insert(h.docs.clone().unwrap_or_default());
        }
    }
    let (headers_trait, _) = ns.claim("ResponseHeaders".to_string(), "(the response headers)");
    let mut group_items = Vec::new();
    let mut accessors = Vec::new();
    let mut option_items = Vec::new();
    let mut root_methods = Vec::new();
    let mut pages = std::collections::BTreeMap::new();
    for (group, ops) in &groups {
        let (struct_name, struct_ident) = match group {
            Some(g) => {
                let (name, _) = ns.claim(format!("{g}Client"), g);
                let name_ident = ident(&name);
                (name, Some(name_ident))
            }
            None => (names.client.clone(), None),
        };
        let mut methods = Vec::new();
        for op in ops {
            let (options_name, _) = ns.claim(options_name(op), &op.operation_id);
            let cx = MethodCx {
                space,
                client,
                owner: &struct_name,
                headers: &header_accessors,
                headers_trait: &headers_trait,
            };
            let (m, o) = method_tokens(&cx, op, &options_name, &mut checks);
            methods.push(m);
            option_items.push(o);
            if let OpKind::Pageable {
                list,
                item,
                item_name,
                item_required,
                ..
            } = &op.kind
            {
                pages
                    .entry(*list)
                    .or_insert_with(|| (item.clone(), item_name.clone(), *item_required));
            }
        }
        match (group, struct_ident) {
            (Some(g), Some(struct_ident)) => {
                let accessor = ident(&accessor_name(g));
                let doc = format!(" The `{g}` operations.");
                group_items.push(quote! {
                    #[doc = #doc]
                    #[derive(Clone, Debug)]
                    pub struct #struct_ident<'a> { client: &'a #client_ident }
                    impl #struct_ident<'_> { #(#methods)* }
                });
                accessors.push(quote! {
                    #[doc = #doc]
                    pub fn #accessor(&self) -> #struct_ident<'_> { #struct_ident { client: self } }
                });
            }
            _ => root_methods.extend(methods),
        }
    }
    let header_items = (!header_accessors.is_empty()).then(|| {
        let trait_ident = ident(&headers_trait);
        let sigs = header_accessors.iter().map(|(wire, name)| {
            let name = ident(name);
            // The spec's description when every operation gives the same one.
            let described = header_docs
                .get(wire)
                .filter(|d| d.len() == 1)
                .and_then(|d| d.first())
                .filter(|d| !d.trim().is_empty())
                .cloned();
            let docs = doc_attrs(Some(
                &described.unwrap_or_else(|| format!("The `{wire}` header.")),
            ));
            quote!(#docs fn #name(&self) -> ::std::option::Option<&str>;)
        });
        let impls = header_accessors.iter().map(|(wire, name)| {
            let name = ident(name);
            quote!(fn #name(&self) -> ::std::option::Option<&str> { self.headers().get_optional_str(&HeaderName::from_static(#wire)) })
        });
        let doc = " The response headers the operations declare, on every response: the first response of a long-running operation (the poller's first item) has the polling headers.";
        quote! {
            #[doc = #doc]
            pub trait #trait_ident { #(#sigs)* }
            impl<T> #trait_ident for Response<T> { #(#impls)* }
        }
    });
    let root_impl = (!root_methods.is_empty()).then(|| {
        quote! {
            impl #client_ident {
                #(#root_methods)*
            }
        }
    });
    // Macro arguments name models through `models::` (prettyplease prints `crate::` oddly there).
    let model_path = |ty: &TypeRef| match ty {
        TypeRef::Named(id) => {
            let name = ident(space.name(*id));
            quote!(models::#name)
        }
        other => rust_type(space, other),
    };
    let page_items: Vec<TokenStream> = pages
        .iter()
        .map(|(list, (item, item_name, item_required))| {
            let list_ty = model_path(&TypeRef::Named(*list));
            let item_ty = model_path(item);
            let field = crate::ops::item_field(space, *list, item_name)
                .unwrap_or_else(|| sanitize(item_name, Case::Value));
            let field = ident(&field);
            if *item_required {
                quote!(http::impl_page!(#list_ty, #item_ty, #field, required);)
            } else {
                quote!(http::impl_page!(#list_ty, #item_ty, #field);)
            }
        })
        .collect();
    let plural = |n: usize, what: &str| match n {
        1 => format!("1 {what}"),
        n => format!("{n} {what}s"),
    };
    let client_doc = if client.bearer {
        format!(
            " The {title} client: {} in {}.\n\n Create it with an Azure credential; every request goes through azure_core's pipeline\n (retries, telemetry, bearer-token authentication).",
            plural(client.operations.len(), "operation"),
            plural(groups.keys().filter(|g| g.is_some()).count(), "group")
        )
    } else {
        format!(
            " The {title} client: {} in {}.\n\n The spec declares no authentication, so the client sends none; every request goes\n through azure_core's pipeline (retries, telemetry).",
            plural(client.operations.len(), "operation"),
            plural(groups.keys().filter(|g| g.is_some()).count(), "group")
        )
    };
    let target = match &client.host {
        None => "`endpoint` (`https://management.azure.com` for Azure's public cloud)".to_string(),
        Some((template, scheme)) if scheme.is_empty() => format!("the host `{template}`"),
        Some((template, scheme)) => format!("the host `{scheme}://{template}`"),
    };
    let auth = if client.bearer {
        ", authenticating with `credential`"
    } else {
        ""
    };
    let params_doc = if ctor_param_docs.is_empty() {
        String::new()
    } else {
        format!("\n\n Client-level parameters:{ctor_param_docs}")
    };
    let new_doc = format!(" A client for {target}{auth}.{params_doc}");
    let (credential_param, credential_arg, credential_import) = if client.bearer {
        (
            quote!(credential: Arc<dyn TokenCredential>,),
            quote!(::std::option::Option::Some((credential, http::ARM_SCOPE))),
            quote!(
                use ::azure_core::credentials::TokenCredential;
                use ::std::sync::Arc;
            ),
        )
    } else {
        (quote!(), quote!(::std::option::Option::None), quote!())
    };
    let options_doc = " Options of the client: the api-version, azure_core's client options (retries, transport, per-call policies) and limits.";
    let models_import = (!page_items.is_empty()).then(|| {
        quote!(
            use crate::models;
        )
    });
    let check_consts: Vec<TokenStream> = checks.consts.into_iter().map(|(_, t)| t).collect();
    // Import only what is used: unused imports would be warnings in the generated crate.
    let any = |f: &dyn Fn(&Operation) -> bool| client.operations.iter().any(f);
    let lro = any(&|o| matches!(o.kind, OpKind::LongRunning { .. }));
    let paged = any(&|o| matches!(o.kind, OpKind::Pageable { .. }));
    let plain = any(&|o| o.kind == OpKind::Plain);
    let with_headers = any(&|o| !o.headers.is_empty());
    let header_import = with_headers.then(|| {
        quote!(
            use ::azure_core::http::headers::HeaderName;
        )
    });
    let mut http_imports = Vec::new();
    if client.host.is_none() {
        http_imports.push(quote!(Url));
    }
    if paged {
        http_imports.push(quote!(Pager));
    }
    if plain || with_headers {
        http_imports.push(quote!(Response));
    }
    let mut runtime_imports = Vec::new();
    if lro {
        runtime_imports.push(quote!(FinalState));
        runtime_imports.push(quote!(LroPoller));
    }
    let (endpoint_param, core_new, endpoint_accessor) = match &client.host {
        None => (
            quote!(endpoint: &str,),
            quote!(Core::new(endpoint, #credential_arg, options.api_version, options.client_options, options.limits, params)?),
            quote!(
                /// The endpoint requests go to.
                pub fn endpoint(&self) -> &Url {
                    self.core.endpoint()
                }
            ),
        ),
        Some((template, scheme)) => {
            let scheme = if scheme.is_empty() {
                quote!("")
            } else {
                quote!(&options.scheme)
            };
            (
                quote!(),
                quote!(Core::with_host_template(#scheme, #template, #credential_arg, options.api_version, options.client_options, options.limits, params)?),
                quote!(),
            )
        }
    };
    let (scheme_field, scheme_default) = match &client.host {
        Some((_, scheme)) if !scheme.is_empty() => {
            let doc = format!(" The scheme of the host (`{scheme}` by the spec); `http` only for a client without a credential.");
            (
                quote!(#[doc = #doc] pub scheme: ::std::string::String,),
                quote!(scheme: ::std::string::ToString::to_string(#scheme),),
            )
        }
        _ => (quote!(), quote!()),
    };
    // `http::` (the runtime's checks, formats, scope and paging macro), if anything uses it.
    let uses_http =
        |tokens: &[TokenStream]| tokens.iter().any(|t| t.to_string().contains("http ::"));
    let http_self = (client.bearer
        || uses_http(&page_items)
        || uses_http(&group_items)
        || uses_http(&check_consts)
        || root_impl
            .as_ref()
            .is_some_and(|r| r.to_string().contains("http ::")))
    .then(|| quote!(self,));
    let tokens = quote! {
        //! The client and its operations.
        #![allow(clippy::too_many_arguments)]

        #credential_import
        #header_import
        use ::azure_core::http::{ClientMethodOptions, ClientOptions, Method, #(#http_imports,)*};
        use ::azure_core::Result;
        #models_import
        use crate::runtime::http::{#http_self ClientCore as Core, #(#runtime_imports,)* Limits};

        #[doc = #options_doc]
        #[derive(Clone, Debug)]
        pub struct #client_options {
            /// The api-version sent with every request.
            pub api_version: ::std::string::String,
            /// azure_core's options: retries, transport, per-call and per-try policies.
            pub client_options: ClientOptions,
            /// Limits on long-running operations and response sizes.
            pub limits: Limits,
            #scheme_field
        }

        impl ::std::default::Default for #client_options {
            fn default() -> Self {
                Self {
                    api_version: ::std::string::ToString::to_string(#api_version),
                    client_options: ::std::default::Default::default(),
                    limits: ::std::default::Default::default(),
                    #scheme_default
                }
            }
        }

        #[doc = #client_doc]
        #[derive(Clone, Debug)]
        pub struct #client_ident {
            core: Core,
        }

        impl #client_ident {
            #[doc = #new_doc]
            pub fn new(#endpoint_param #credential_param #(#ctor_args,)* options: ::std::option::Option<#client_options>) -> Result<Self> {
                let options = options.unwrap_or_default();
                #(#ctor_inits)*
                let params = ::std::vec![#(#param_pairs),*];
                let core = #core_new;
                ::std::result::Result::Ok(Self { core })
            }

            #endpoint_accessor

            #(#accessors)*
        }

        #root_impl
        #(#group_items)*
        #(#option_items)*
        #header_items
        #(#page_items)*
        #(#check_consts)*
    };
    render(tokens, "clients.rs")
}
