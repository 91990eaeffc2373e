//! Replays of the spec's examples against the generated client: for each linked
//! example file, a test function that serves the example's response from an HTTPS
//! mock server, calls the operation with the example's parameters, and checks the
//! request the client sent (method, path, api-version, JSON body) and the typed result.

use proc_macro2::TokenStream;
use quote::quote;
use serde_json::Value;

use crate::emit::{ident, rust_type_in};
use crate::ir::{TypeKind, TypeRef, TypeSpace};
use crate::load::escape_token;
use crate::names::{sanitize, Case};
use crate::ops::{Client, OpKind, Operation, ParamIn};

/// One example to replay.
pub struct Replay {
    /// The test function.
    pub function: TokenStream,
    /// Its name.
    pub name: proc_macro2::Ident,
}

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
    let mut out = String::new();
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
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

/// The replay of one example file for `op`, or why it cannot be replayed.
pub fn replay(
    space: &TypeSpace,
    client: &Client,
    client_name: &str,
    op: &Operation,
    example_path: &str,
    example: &Value,
    test_name: &str,
) -> Result<Replay, String> {
    let root = quote!(generated);
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
    // The client, with the example's client-level parameters.
    let client_ident = ident(client_name);
    let options_ident = ident(&format!("{client_name}Options"));
    let mut ctor_args = Vec::new();
    for p in &client.params {
        let value = param_str(&p.wire_name)?;
        ctor_args.push(quote!(#value));
    }
    let mut stmts = Vec::new();
    stmts.push(quote! {
        let client = #root::#client_ident::new(
            &arm.base,
            arm.credential(),
            #(#ctor_args,)*
            Some(#root::#options_ident { client_options: arm.client_options(), ..Default::default() }),
        ).map_err(|e| format!("client: {e}"))?;
    });
    // Arguments.
    let mut args = Vec::new();
    for p in op.params.iter().filter(|p| p.required) {
        let name = ident(&format!("p_{}", p.name.trim_start_matches('_')));
        let wire = &p.wire_name;
        match arg_kind(&p.ty) {
            ArgKind::Str => {
                let value = param_str(wire)?;
                args.push(quote!(#value));
            }
            kind => {
                let ty = rust_type_in(space, &p.ty, &root);
                let pointer = format!("/parameters/{}", escape_token(wire));
                stmts.push(quote!(let #name: #ty = value(&example, #pointer)?;));
                args.push(if kind == ArgKind::Ref {
                    quote!(&#name)
                } else {
                    quote!(#name)
                });
            }
        }
    }
    let mut expected_body = None;
    let mut option_inits = Vec::new();
    if let Some(body) = &op.body {
        let ty = rust_type_in(space, &body.ty, &root);
        match params.get(&body.wire_name) {
            Some(value) => {
                let pointer = format!("/parameters/{}", escape_token(&body.wire_name));
                stmts.push(quote!(let body: #ty = value(&example, #pointer)?;));
                if body.required {
                    args.push(quote!(&body));
                } else {
                    let field = ident(&body.name);
                    option_inits.push(quote!(#field: Some(&body),));
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
    let options_name_ident = ident(&options_name(op));
    for p in op.params.iter().filter(|p| !p.required) {
        if !params.contains_key(&p.wire_name) {
            continue;
        }
        let name = ident(&p.name);
        let ty = rust_type_in(space, &p.ty, &root);
        let pointer = format!("/parameters/{}", escape_token(&p.wire_name));
        option_inits.push(quote!(#name: Some(value::<#ty>(&example, #pointer)?),));
    }
    let options = if option_inits.is_empty() {
        quote!(None)
    } else {
        quote!(Some(#root::clients::#options_name_ident { #(#option_inits)* ..Default::default() }))
    };
    // The request the client must send.
    let mut path = op.path.clone();
    for (wire, value) in params {
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
        path = path.replace(&format!("{{{wire}}}"), &encoded);
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
    let query_pairs = queries.iter().map(|(k, v)| quote!((#k, #v)));
    let (body_text, body_pointer) = match &expected_body {
        Some((text, pointer)) => (quote!(Some(#text)), quote!(#pointer)),
        None => (quote!(None), quote!("")),
    };
    // Serve the final response, call, check.
    let response_pointer = format!("/responses/{status}");
    let group = op.group.as_ref().map(|g| {
        let accessor = ident(&sanitize(g, Case::Value));
        quote!(.#accessor())
    });
    let method_ident = ident(&op.method);
    let call = quote!(client #group .#method_ident(#(#args,)* #options));
    let body_pointer_result = format!("{response_pointer}/body");
    let check_result = match &op.kind {
        OpKind::Plain => quote! {
            let result = #call.await.map_err(|e| format!("call: {e}"))?.into_model().map_err(|e| format!("model: {e}"))?;
            compare(file, &example, #body_pointer_result, &result)?;
        },
        OpKind::LongRunning { .. } => {
            let poll = quote!(#call.map_err(|e| format!("call: {e}"))?.await.map_err(|e| format!("poller: {e}"))?.into_model().map_err(|e| format!("model: {e}"))?);
            if op.result.is_some() {
                quote! {
                    let result = #poll;
                    compare(file, &example, #body_pointer_result, &result)?;
                }
            } else {
                quote!(let () = #poll;)
            }
        }
        OpKind::Pageable { item_name, .. } => {
            let items_pointer = format!("{body_pointer_result}/{}", escape_token(item_name));
            quote! {
                let pager = #call.map_err(|e| format!("call: {e}"))?;
                let items: Vec<_> = ::futures::TryStreamExt::try_collect(pager).await.map_err(|e| format!("pager: {e}"))?;
                compare(file, &example, #items_pointer, &items)?;
            }
        }
    };
    let name = ident(test_name);
    let function = quote! {
        async fn #name(arm: &mock::MockArm) -> Result<(), String> {
            let file = #example_path;
            let example = load(file)?;
            respond(arm, #status, served(&example, #response_pointer)).await;
            #(#stmts)*
            #check_result
            check_request(arm, file, #method, #path, &[#(#query_pairs),*], #body_text, #body_pointer).await
        }
    };
    Ok(Replay { function, name })
}
