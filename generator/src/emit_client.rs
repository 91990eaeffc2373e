//! The client: `src/clients.rs`, a client struct holding the pipeline and the
//! client-level parameters, an operation-group struct per operationId prefix,
//! and a short method per operation calling the runtime.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use crate::emit::{doc_attrs, ident, render, rust_type};
use crate::error::Result;
use crate::ir::{Prim, TypeRef, TypeSpace};
use crate::names::{sanitize, Case, Namespace};
use crate::ops::{Client, FinalState, OpKind, Operation, Param, ParamIn};

/// Names imported at the top of `clients.rs`, which no generated item may take.
const IMPORTED: &[&str] = &[
    "Arc",
    "ClientMethodOptions",
    "ClientOptions",
    "Core",
    "FinalState",
    "HeaderName",
    "Limits",
    "Method",
    "Operation",
    "Pager",
    "Poller",
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

/// A method argument's type: `&str` for strings, a reference for models, the value otherwise.
fn arg_type(space: &TypeSpace, ty: &TypeRef) -> TokenStream {
    match ty {
        TypeRef::Prim(Prim::String) => quote!(&str),
        TypeRef::Prim(Prim::Bool | Prim::I32 | Prim::I64 | Prim::F32 | Prim::F64) => {
            rust_type(space, ty)
        }
        _ => {
            let t = rust_type(space, ty);
            quote!(&#t)
        }
    }
}

/// An expression turning a parameter into the string sent on the wire.
fn to_wire(space: &TypeSpace, p: &Param, value: TokenStream) -> TokenStream {
    match &p.ty {
        TypeRef::Prim(Prim::String) => value,
        TypeRef::Prim(Prim::DateTime) => quote!(&http::format_rfc3339(#value)?),
        TypeRef::Vec(inner) if is_str(inner) => quote!(&#value.join(",")),
        TypeRef::Vec(_) => {
            quote!(&#value.iter().map(::std::string::ToString::to_string).collect::<::std::vec::Vec<_>>().join(","))
        }
        TypeRef::Named(id)
            if matches!(
                space.get(*id).map(|t| &t.kind),
                Some(crate::ir::TypeKind::Enum(_))
            ) =>
        {
            quote!(#value.as_str())
        }
        _ => quote!(&#value.to_string()),
    }
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
    /// The statement checking `value` against `p`'s constraints (none if it has none).
    fn check(&mut self, p: &Param, value: &TokenStream) -> TokenStream {
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
                quote!(http::check_number(#wire, *#value as f64, #min, #max)?;)
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

fn options_name(op: &Operation) -> String {
    let method = sanitize(op.method.trim_start_matches("begin_"), Case::Type);
    format!("{}{method}Options", op.group.clone().unwrap_or_default())
}

fn method_tokens(
    space: &TypeSpace,
    client: &Client,
    op: &Operation,
    options: &str,
    checks: &mut Checks,
) -> (TokenStream, TokenStream) {
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
        arg_docs.push(format!(
            " - `{}`: {}",
            p.name,
            first_line(p.docs.as_deref())
        ));
    }
    if let Some(body) = &op.body {
        let name = ident(&body.name);
        let ty = rust_type(space, &body.ty);
        if body.required {
            args.push(quote!(#name: &#ty));
        } else {
            args.push(quote!(#name: Option<&#ty>));
        }
        arg_docs.push(format!(
            " - `{}`: {}",
            body.name,
            first_line(body.docs.as_deref())
        ));
    }
    // Checks, then the URL, query and headers.
    let mut body_stmts = Vec::new();
    for p in &required {
        let name = ident(&p.name);
        let value = if is_str(&p.ty) {
            quote!(#name)
        } else {
            quote!(&#name)
        };
        body_stmts.push(checks.check(p, &value));
    }
    for p in &optional {
        let name = ident(&p.name);
        let check = checks.check(p, &quote!(value));
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
    // `{+name}` tells the runtime to keep the `/`s of an `x-ms-skip-url-encoding` value.
    let mut template = op.path.clone();
    let raw_params = op
        .params
        .iter()
        .chain(client.params.iter())
        .filter(|p| p.raw && p.location == ParamIn::Path);
    for p in raw_params {
        template = template.replace(
            &format!("{{{}}}", p.wire_name),
            &format!("{{+{}}}", p.wire_name),
        );
    }
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
        let wire = &c.wire_name;
        body_stmts
            .push(quote!(http::query(&mut url, #wire, core.param(#wire).unwrap_or_default());));
    }
    for p in &query_params {
        let wire = &p.wire_name;
        let name = ident(&p.name);
        if p.required {
            let value = to_wire(space, p, quote!(#name));
            body_stmts.push(quote!(http::query(&mut url, #wire, #value);));
        } else {
            let value = to_wire(space, p, quote!(value));
            body_stmts.push(quote!(if let Some(value) = &options.#name { http::query(&mut url, #wire, #value); }));
        }
    }
    let http_method = format_ident!("{}", op.http_method);
    let body_arg = match &op.body {
        Some(b) => {
            let name = ident(&b.name);
            if b.required {
                quote!(Some(#name))
            } else {
                quote!(#name)
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
            let value = to_wire(space, p, quote!(#name));
            body_stmts.push(quote!(request.insert_header(#wire, ToString::to_string(#value));));
        } else {
            let value = to_wire(space, p, quote!(value));
            body_stmts.push(quote!(if let Some(value) = &options.#name { request.insert_header(#wire, ToString::to_string(#value)); }));
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
            quote!(Result<Response<#result_ty>>),
            quote!(core.send(&options.method_options, request, &[#(#success),*]).await),
            quote!(async),
        ),
        OpKind::LongRunning { final_state: f } => {
            let f = final_state(*f);
            (
                quote!(Result<Poller<Operation<#result_ty>>>),
                quote!(core.begin(&options.method_options, request, &[#(#success),*], #f)),
                quote!(),
            )
        }
        OpKind::Pageable { next_link, .. } => {
            let next = match next_link {
                Some(n) => quote!(Some(#n)),
                None => quote!(None),
            };
            (
                quote!(Result<Pager<#result_ty>>),
                quote!(core.pager(&options.method_options, request, #next)),
                quote!(),
            )
        }
    };
    let mut docs = op.docs.clone().unwrap_or_default();
    if !arg_docs.is_empty() {
        docs.push_str("\n\nArguments:");
        for a in &arg_docs {
            docs.push('\n');
            docs.push_str(a.trim_start());
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
    let option_fields = optional.iter().map(|p| {
        let name = ident(&p.name);
        let ty = rust_type(space, &p.ty);
        let docs = doc_attrs(p.docs.as_deref());
        quote!(#docs pub #name: Option<#ty>,)
    });
    let options_doc = format!(" Options for [`{}::{}`].", group_name(op), op.method);
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

fn group_name(op: &Operation) -> String {
    match &op.group {
        Some(g) => format!("{g}Client"),
        None => String::new(),
    }
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
    let mut checks = Checks::default();
    let ctor_checks: Vec<TokenStream> = client
        .params
        .iter()
        .map(|p| {
            let name = ident(&p.name);
            checks.check(p, &quote!(&#name))
        })
        .collect();
    let ctor_inits = client.params.iter().map(|p| {
        let name = ident(&p.name);
        if is_str(&p.ty) {
            quote!(let #name: ::std::string::String = #name.into();)
        } else {
            quote!(let #name: ::std::string::String = ::std::string::ToString::to_string(&#name);)
        }
    });
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
    let mut group_items = Vec::new();
    let mut accessors = Vec::new();
    let mut option_items = Vec::new();
    let mut root_methods = Vec::new();
    let mut header_items = Vec::new();
    let mut pages = std::collections::BTreeMap::new();
    for (group, ops) in &groups {
        let mut methods = Vec::new();
        for op in ops {
            let (options_name, _) = ns.claim(options_name(op), &op.operation_id);
            let (m, o) = method_tokens(space, client, op, &options_name, &mut checks);
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
            if !op.headers.is_empty() {
                let (trait_name, _) = ns.claim(
                    format!(
                        "{}{}Headers",
                        op.group.clone().unwrap_or_default(),
                        sanitize(op.method.trim_start_matches("begin_"), Case::Type)
                    ),
                    &op.operation_id,
                );
                let trait_ident = ident(&trait_name);
                let result_ty = op
                    .result
                    .as_ref()
                    .map(|t| rust_type(space, t))
                    .unwrap_or_else(|| quote!(()));
                let target = match op.kind {
                    OpKind::LongRunning { .. } => quote!(Response<Operation<#result_ty>>),
                    _ => quote!(Response<#result_ty>),
                };
                let sigs: Vec<TokenStream> = op
                    .headers
                    .iter()
                    .map(|h| {
                        let name = ident(&h.name);
                        let docs = doc_attrs(Some(
                            h.docs
                                .as_deref()
                                .unwrap_or(&format!("The `{}` header.", h.wire_name)),
                        ));
                        quote!(#docs fn #name(&self) -> ::std::option::Option<&str>;)
                    })
                    .collect();
                let impls = op.headers.iter().map(|h| {
                    let name = ident(&h.name);
                    let wire = &h.wire_name;
                    quote!(fn #name(&self) -> ::std::option::Option<&str> { self.headers().get_optional_str(&HeaderName::from_static(#wire)) })
                });
                let doc = format!(
                    " The headers [`{}::{}`]'s responses declare.",
                    group_name(op),
                    op.method
                );
                header_items.push(quote! {
                    #[doc = #doc]
                    pub trait #trait_ident { #(#sigs)* }
                    impl #trait_ident for #target { #(#impls)* }
                });
            }
        }
        match group {
            Some(g) => {
                let (struct_name, _) = ns.claim(format!("{g}Client"), g);
                let struct_ident = ident(&struct_name);
                let accessor = ident(&sanitize(g, Case::Value));
                let doc = format!(" The `{g}` operations.");
                group_items.push(quote! {
                    #[doc = #doc]
                    #[derive(::std::clone::Clone, ::std::fmt::Debug)]
                    pub struct #struct_ident<'a> { client: &'a #client_ident }
                    impl #struct_ident<'_> { #(#methods)* }
                });
                let accessor_doc = format!(" The `{g}` operations.");
                accessors.push(quote! {
                    #[doc = #accessor_doc]
                    pub fn #accessor(&self) -> #struct_ident<'_> { #struct_ident { client: self } }
                });
            }
            None => root_methods.extend(methods),
        }
    }
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
    let client_doc = format!(
        " The {title} client: {} operations in {} groups.\n\n Create it with an Azure credential; every request goes through azure_core's pipeline\n (retries, telemetry, bearer-token authentication).",
        client.operations.len(),
        groups.keys().filter(|g| g.is_some()).count()
    );
    let new_doc = format!(
        " A client for `endpoint` (`https://management.azure.com` for Azure's public cloud), authenticating with `credential`.\n\n Client-level parameters:{ctor_param_docs}"
    );
    let options_doc = " Options of the client: the api-version, azure_core's client options (retries, transport, per-call policies) and limits.";
    let scope_expr = quote!(http::ARM_SCOPE);
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
    if paged {
        http_imports.push(quote!(Pager));
    }
    if lro {
        http_imports.push(quote!(Poller));
    }
    if plain || with_headers {
        http_imports.push(quote!(Response));
    }
    let mut runtime_imports = Vec::new();
    if lro {
        runtime_imports.push(quote!(FinalState));
        runtime_imports.push(quote!(Operation));
    }
    let tokens = quote! {
        //! The client and its operations.
        #![allow(clippy::too_many_arguments)]

        use ::std::sync::Arc;
        use ::azure_core::credentials::TokenCredential;
        #header_import
        use ::azure_core::http::{ClientMethodOptions, ClientOptions, Method, #(#http_imports,)* Url};
        use ::azure_core::Result;
        #models_import
        use crate::runtime::http::{self, ClientCore as Core, #(#runtime_imports,)* Limits};

        #[doc = #options_doc]
        #[derive(::std::clone::Clone, ::std::fmt::Debug)]
        pub struct #client_options {
            /// The api-version sent with every request.
            pub api_version: ::std::string::String,
            /// azure_core's options: retries, transport, per-call and per-try policies.
            pub client_options: ClientOptions,
            /// Limits on long-running operations and response sizes.
            pub limits: Limits,
        }

        impl ::std::default::Default for #client_options {
            fn default() -> Self {
                Self {
                    api_version: ::std::string::ToString::to_string(#api_version),
                    client_options: ::std::default::Default::default(),
                    limits: ::std::default::Default::default(),
                }
            }
        }

        #[doc = #client_doc]
        #[derive(::std::clone::Clone, ::std::fmt::Debug)]
        pub struct #client_ident {
            core: Core,
        }

        impl #client_ident {
            #[doc = #new_doc]
            pub fn new(endpoint: &str, credential: Arc<dyn TokenCredential>, #(#ctor_args,)* options: ::std::option::Option<#client_options>) -> Result<Self> {
                let options = options.unwrap_or_default();
                #(#ctor_inits)*
                #(#ctor_checks)*
                let params = ::std::vec![#(#param_pairs),*];
                let core = Core::new(endpoint, credential, #scope_expr, options.api_version, options.client_options, options.limits, params)?;
                ::std::result::Result::Ok(Self { core })
            }

            /// The endpoint requests go to.
            pub fn endpoint(&self) -> &Url {
                self.core.endpoint()
            }

            #(#accessors)*
        }

        #root_impl
        #(#group_items)*
        #(#option_items)*
        #(#header_items)*
        #(#page_items)*
        #(#check_consts)*
    };
    render(tokens, "clients.rs")
}
