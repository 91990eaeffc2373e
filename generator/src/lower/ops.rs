//! Operations → the intermediate form: one [`Operation`] per path and method,
//! with final Rust names, parameters sorted into client-level and method-level,
//! and the response, long-running and paging behaviour the spec declares.

use std::collections::{BTreeMap, BTreeSet};

use openapiv3::{
    Parameter, ParameterData, ParameterSchemaOrContent, QueryStyle, ReferenceOr, RequestBody,
    Schema, SchemaKind, StatusCode, Type,
};
use serde_json::Value;

use super::client::accessor_name;
use super::types::{Builder, SRef};
use crate::error::{Error, Location, Warning};
use crate::input::Spec;
use crate::ir::{
    Body, Client, Collection, Constraints, FinalState, Header, OpKind, Operation, Param, ParamIn,
    TypeRef,
};
use crate::names::{sanitize, Case, Namespace};
use crate::pointer::escape_token;

/// The locals of a generated method body, which an argument must not shadow: a required
/// parameter (an argument) named like one gets a `_` suffix, as keywords do. Optional
/// parameters are fields of the method's options struct, where these names are free.
const METHOD_LOCALS: &[&str] = &["core", "options", "request", "url", "wire_body", "next"];

/// The Rust name of a method argument: `wanted`, or `wanted_` when a local of the
/// generated method has that name (`sanitize` never ends a name with `_` otherwise).
fn argument_name(wanted: String, required: bool) -> String {
    if required && METHOD_LOCALS.contains(&wanted.as_str()) {
        format!("{wanted}_")
    } else {
        wanted
    }
}

fn method_name(m: &str) -> &'static str {
    match m {
        "get" => "Get",
        "put" => "Put",
        "post" => "Post",
        "delete" => "Delete",
        "patch" => "Patch",
        "head" => "Head",
        "options" => "Options",
        _ => "Trace",
    }
}

/// Reads constraints from a parameter schema.
fn constraints(schema: &Schema) -> Constraints {
    let mut c = Constraints::default();
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => {
            c.min_length = s.min_length;
            c.max_length = s.max_length;
            c.pattern = s.pattern.clone();
        }
        SchemaKind::Type(Type::Integer(i)) => {
            c.minimum = i.minimum.map(|v| v as f64);
            c.maximum = i.maximum.map(|v| v as f64);
        }
        SchemaKind::Type(Type::Number(n)) => {
            c.minimum = n.minimum;
            c.maximum = n.maximum;
        }
        SchemaKind::Any(a) => {
            c.min_length = a.min_length;
            c.max_length = a.max_length;
            c.pattern = a.pattern.clone();
            c.minimum = a.minimum;
            c.maximum = a.maximum;
        }
        _ => {}
    }
    c
}

/// How an array parameter is sent: Swagger's `collectionFormat`, as the converter
/// recorded it in `style`/`explode` (no `explode` is Swagger's default, `csv`).
fn collection(param: &Parameter, data: &ParameterData) -> Collection {
    let tsv = data
        .extensions
        .get("x-ms-collection-format")
        .and_then(Value::as_str)
        == Some("tsv");
    match param {
        Parameter::Query { .. } if data.explode == Some(true) => Collection::Multi,
        Parameter::Query {
            style: QueryStyle::SpaceDelimited,
            ..
        } => Collection::Delimited(" "),
        Parameter::Query {
            style: QueryStyle::PipeDelimited,
            ..
        } => Collection::Delimited("|"),
        _ if tsv => Collection::Delimited("\t"),
        _ => Collection::Delimited(","),
    }
}

struct Cx<'a, 'b> {
    spec: &'a Spec,
    builder: &'b mut Builder<'a>,
    client: Client,
    client_names: Namespace,
    errors: Vec<Error>,
    warnings: Vec<Warning>,
    /// Set when an operation uses something unsupported: it is skipped, with this warning.
    unsupported: Option<Warning>,
    /// `x-ms-parameterized-host` of the entry: its file and description.
    host: Option<(&'a str, &'a crate::input::spec::ParameterizedHost)>,
}

/// Builds the operations of the entry files, adding their inline schemas to the type space.
pub(crate) fn build<'a>(
    spec: &'a Spec,
    builder: &mut Builder<'a>,
) -> (Client, Vec<Error>, Vec<Warning>) {
    let mut cx = Cx {
        spec,
        builder,
        client: Client::default(),
        client_names: Namespace::new(),
        errors: Vec::new(),
        warnings: Vec::new(),
        unsupported: None,
        host: None,
    };
    if let Some((file, host)) = spec.entries.iter().find_map(|e| {
        spec.files
            .get(e)
            .and_then(|f| Some((e.as_str(), f.host.as_ref()?)))
    }) {
        cx.host = Some((file, host));
        let scheme = if host.use_scheme_prefix {
            host.scheme.clone()
        } else {
            String::new()
        };
        cx.client.host = Some((host.template.clone(), scheme));
    } else if let Some(e) = spec.entries.iter().find(|e| {
        spec.files
            .get(e.as_str())
            .is_some_and(|f| f.raw.value.get("x-ms-parameterized-host").is_some())
    }) {
        cx.errors.push(Error::invalid(
            spec.locate(e, "/x-ms-parameterized-host"),
            "`x-ms-parameterized-host` needs a `hostTemplate` string and valid `parameters`",
        ));
    }
    cx.client_names.reserve("endpoint", "(the endpoint)");
    cx.client_names.reserve("credential", "(the credential)");
    cx.client_names.reserve("options", "(the options)");
    for entry in &spec.entries {
        let Some(components) = spec
            .files
            .get(entry)
            .and_then(|f| f.doc.components.as_ref())
        else {
            continue;
        };
        for (name, scheme) in &components.security_schemes {
            match scheme {
                ReferenceOr::Item(
                    openapiv3::SecurityScheme::OAuth2 { .. }
                    | openapiv3::SecurityScheme::OpenIDConnect { .. },
                ) => cx.client.bearer = true,
                ReferenceOr::Item(openapiv3::SecurityScheme::HTTP { scheme, .. })
                    if scheme.eq_ignore_ascii_case("bearer") =>
                {
                    cx.client.bearer = true
                }
                _ => cx.warnings.push(Warning {
                    location: spec.locate(entry, &format!("/securityDefinitions/{}", escape_token(name))),
                    message: "only OAuth2 (bearer token) security is supported; the client does not send this one".into(),
                }),
            }
        }
    }
    let mut ids: BTreeMap<String, Location> = BTreeMap::new();
    for (file, path, method, op, item_pointer) in crate::input::spec::operations(spec) {
        let pointer = format!("{item_pointer}/{method}");
        let location = spec.locate(file, &pointer);
        let Some(id) = op.operation_id.clone() else {
            cx.errors.push(Error::invalid(
                location,
                "the operation has no `operationId`",
            ));
            continue;
        };
        if let Some(first) = ids.get(&id) {
            // Quoted in the message: its line and column are needed now.
            let mut first = first.clone();
            spec.fill_line_col(&mut first);
            cx.errors.push(Error::invalid(
                location,
                format!("duplicate operationId `{id}` (first at {first})"),
            ));
            continue;
        }
        ids.insert(id.clone(), location.clone());
        let item = spec
            .files
            .get(file)
            .and_then(|f| f.doc.paths.paths.get(path))
            .and_then(|i| match i {
                ReferenceOr::Item(i) => Some(i),
                ReferenceOr::Reference { .. } => None,
            });
        let path_params = item.map(|i| i.parameters.as_slice()).unwrap_or_default();
        if let Some(operation) = cx.operation(
            file,
            path,
            &item_pointer,
            method,
            &pointer,
            &id,
            op,
            path_params,
            location,
        ) {
            cx.client.operations.push(operation);
        }
    }
    // `operationName` paging: the next operation must be one whose parameters the first
    // operation's arguments (and the next link, as its `nextLink` parameter if it has one)
    // can fill.
    let ops_snapshot = cx.client.operations.clone();
    for operation in &mut cx.client.operations {
        let OpKind::Pageable { next_operation, .. } = &mut operation.kind else {
            continue;
        };
        let Some(next_id) = next_operation.clone() else {
            continue;
        };
        let problem = match ops_snapshot.iter().find(|o| o.operation_id == next_id) {
            None => Some(format!("`{next_id}` is not an operation of the spec")),
            Some(next) if next.body.is_some() => Some(format!("`{next_id}` has a body")),
            Some(next) => next
                .params
                .iter()
                .filter(|p| p.wire_name != "nextLink")
                .find(|p| {
                    matches!(p.collection, Collection::Multi)
                        || !operation.params.iter().any(|q| {
                            q.wire_name == p.wire_name && q.location == p.location && q.ty == p.ty
                        }) && p.required
                })
                .map(|p| {
                    format!(
                        "its parameter `{}` is not one of `{}`'s",
                        p.wire_name, operation.operation_id
                    )
                }),
        };
        if let Some(problem) = problem {
            cx.warnings.push(Warning {
                location: operation.origin.clone(),
                message: format!("x-ms-pageable operationName `{next_id}` is not used ({problem}); next links are followed as URLs"),
            });
            *next_operation = None;
        }
    }
    // Method names, once every group is known: the client's own methods share its impl
    // with `new`, `endpoint` and the group accessors.
    let mut methods: BTreeMap<Option<String>, Namespace> = BTreeMap::new();
    let root = methods.entry(None).or_default();
    root.reserve("new", "(the constructor)");
    root.reserve("endpoint", "(the endpoint accessor)");
    for op in &cx.client.operations {
        if let Some(g) = &op.group {
            root.reserve(&accessor_name(g), &format!("(the `{g}` operations)"));
        }
    }
    for operation in &mut cx.client.operations {
        let ns = methods.entry(operation.group.clone()).or_default();
        let id = &operation.operation_id;
        let (name, collision) = ns.claim(operation.method.clone(), id);
        if let Some(c) = collision {
            cx.warnings.push(Warning {
                location: operation.origin.clone(),
                message: format!(
                    "method name `{}` is taken by `{}`; `{id}` is named `{}`",
                    c.wanted, c.holder, c.given
                ),
            });
        }
        operation.method = name;
    }
    (cx.client, cx.errors, cx.warnings)
}

impl<'a> Cx<'a, '_> {
    fn resolve_param(
        &mut self,
        p: &'a ReferenceOr<Parameter>,
        location: &Location,
    ) -> Option<(bool, &'a str, &'a Parameter)> {
        match p {
            ReferenceOr::Item(p) => Some((false, "", p)),
            ReferenceOr::Reference { reference } => match self.spec.parameter(reference) {
                Some((file, ReferenceOr::Item(p))) => Some((true, file, p)),
                _ => {
                    self.errors.push(Error::Reference {
                        location: location.clone(),
                        reference: reference.clone(),
                        message: "not a parameter".into(),
                    });
                    None
                }
            },
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn operation(
        &mut self,
        file: &'a str,
        path: &'a str,
        item_pointer: &str,
        method: &'static str,
        pointer: &str,
        id: &str,
        op: &'a openapiv3::Operation,
        path_params: &'a [ReferenceOr<Parameter>],
        location: Location,
    ) -> Option<Operation> {
        if matches!(method, "options" | "trace") {
            self.warnings.push(Warning {
                location,
                message: format!(
                    "unsupported: HTTP method {} (azure_core sends DELETE, GET, HEAD, PATCH, POST and PUT only); the operation is skipped",
                    method.to_ascii_uppercase()
                ),
            });
            return None;
        }
        // An `x-ms-paths` key's query string only names the path; requests use the rest.
        let template = path.split_once('?').map_or(path, |(t, _)| t);
        let (group, method_part) = match id.split_once('_') {
            Some((g, m)) => (Some(sanitize(g, Case::Type)), m),
            None => (None, id),
        };
        let long_running = op
            .extensions
            .get("x-ms-long-running-operation")
            .and_then(Value::as_bool)
            == Some(true);
        // `begin_` before sanitizing: `Move` is `begin_move`, not `begin_move_`.
        let rust_method = if long_running {
            sanitize(&format!("begin_{method_part}"), Case::Value)
        } else {
            sanitize(method_part, Case::Value)
        };
        let ctx = format!(
            "{}{}",
            group.clone().unwrap_or_default(),
            sanitize(method_part, Case::Type)
        );
        let mut operation = Operation {
            operation_id: id.to_string(),
            group,
            method: rust_method,
            // Named with the rest of `clients.rs`, once every operation is known.
            options: String::new(),
            http_method: method_name(method),
            path: template.to_string(),
            docs: op
                .description
                .clone()
                .or_else(|| op.summary.clone())
                .filter(|d| !d.trim().is_empty()),
            deprecated: op.deprecated,
            params: Vec::new(),
            client_params: Vec::new(),
            api_version: false,
            body: None,
            success: Vec::new(),
            result: None,
            headers: Vec::new(),
            kind: OpKind::Plain,
            origin: location.clone(),
        };
        // Operation parameters override path-item ones of the same name and location.
        let mut all: Vec<(String, &'a ReferenceOr<Parameter>)> = Vec::new();
        for (i, p) in path_params.iter().enumerate() {
            all.push((format!("{item_pointer}/parameters/{i}"), p));
        }
        for (i, p) in op.parameters.iter().enumerate() {
            all.push((format!("{pointer}/parameters/{i}"), p));
        }
        // The host's parameters: first or last (`positionInOperation`).
        if let Some((_, host)) = self.host {
            let host_params = host
                .parameters
                .iter()
                .enumerate()
                .map(|(i, p)| (format!("/x-ms-parameterized-host/parameters/{i}"), p));
            if host.last {
                all.extend(host_params);
            } else {
                let own = std::mem::take(&mut all);
                all.extend(host_params);
                all.extend(own);
            }
        }
        let mut seen: BTreeMap<(String, ParamIn), usize> = BTreeMap::new();
        // Arguments and options fields: `method_options` is the options' own field.
        let mut method_names = Namespace::new();
        method_names.reserve("method_options", "(the call's context)");
        let mut resolved = Vec::new();
        for (at, p) in all {
            let here = self.spec.locate(file, &at);
            let Some((shared, pfile, param)) = self.resolve_param(p, &here) else {
                continue;
            };
            let (data, location_in) = match param {
                Parameter::Path { parameter_data, .. } => (parameter_data, ParamIn::Path),
                Parameter::Query { parameter_data, .. } => (parameter_data, ParamIn::Query),
                Parameter::Header { parameter_data, .. } => (parameter_data, ParamIn::Header),
                Parameter::Cookie { .. } => {
                    self.warnings.push(Warning {
                        location: here,
                        message: "cookie parameters are not supported; skipped".into(),
                    });
                    continue;
                }
            };
            let key = (data.name.clone(), location_in);
            if let Some(&i) = seen.get(&key) {
                resolved.remove(i);
                seen.values_mut().for_each(|v| {
                    if *v > i {
                        *v -= 1
                    }
                });
            }
            seen.insert(key, resolved.len());
            resolved.push((
                shared,
                if pfile.is_empty() { file } else { pfile },
                at,
                param,
                location_in,
                here,
            ));
        }
        for (shared, pfile, at, param, location_in, here) in resolved {
            let data = param.parameter_data_ref();
            let place = data
                .extensions
                .get("x-ms-parameter-location")
                .and_then(Value::as_str);
            let client_level = match place {
                Some("client") => true,
                Some(_) => false,
                None => shared,
            };
            if location_in == ParamIn::Header && !is_http_token(&data.name) {
                self.errors.push(Error::invalid(
                    here,
                    format!(
                        "header parameter name `{}` is not an HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only)",
                        data.name
                    ),
                ));
                continue;
            }
            // `x-ms-api-version: false`: a parameter that is only named `api-version`.
            let client_api_version = data
                .extensions
                .get("x-ms-api-version")
                .and_then(Value::as_bool)
                != Some(false);
            if data.name == "api-version" && location_in == ParamIn::Query && client_api_version {
                operation.api_version = true;
                continue;
            }
            let param = self.param(param, data, location_in, pfile, &at, &ctx, &here);
            if client_level {
                if location_in == ParamIn::Header {
                    self.warnings.push(Warning { location: here, message: "client-level header parameters are sent by no method; declare it per method".into() });
                    continue;
                }
                operation.client_params.push(data.name.clone());
                if !self.client.params.iter().any(|c| c.wire_name == data.name) {
                    let (name, collision) = self.client_names.claim(param.name.clone(), &data.name);
                    if let Some(c) = collision {
                        self.warnings.push(Warning {
                            location: here.clone(),
                            message: format!(
                                "client parameter name `{}` is taken by `{}`; `{}` is named `{}`",
                                c.wanted, c.holder, data.name, c.given
                            ),
                        });
                    }
                    self.client.params.push(Param {
                        name,
                        required: true,
                        ..param
                    });
                }
            } else {
                let wanted = argument_name(param.name.clone(), param.required);
                let (name, collision) = method_names.claim(wanted, &data.name);
                if let Some(c) = collision {
                    self.warnings.push(Warning {
                        location: here,
                        message: format!(
                            "parameter name `{}` of `{id}` is taken; `{}` is named `{}`",
                            c.wanted, data.name, c.given
                        ),
                    });
                }
                operation.params.push(Param { name, ..param });
            }
        }
        // Every `{name}` of the path must be a path parameter, and every path parameter in the path.
        let host_template = self.host.map_or("", |(_, h)| h.template.as_str());
        let placeholders: BTreeSet<String> = template
            .split('{')
            .chain(host_template.split('{'))
            .filter(|s| s.contains('}'))
            .filter_map(|s| s.split_once('}').map(|(n, _)| n.to_string()))
            .collect();
        let mut path_names: BTreeSet<String> = operation
            .params
            .iter()
            .filter(|p| p.location == ParamIn::Path)
            .map(|p| p.wire_name.clone())
            .collect();
        for c in &operation.client_params {
            if self
                .client
                .params
                .iter()
                .any(|p| &p.wire_name == c && p.location == ParamIn::Path)
            {
                path_names.insert(c.clone());
            }
        }
        for missing in placeholders.difference(&path_names) {
            self.errors.push(Error::invalid(
                location.clone(),
                format!("`{{{missing}}}` in the path `{path}` is not a path parameter of `{id}`"),
            ));
        }
        for extra in path_names.difference(&placeholders) {
            self.errors.push(Error::invalid(
                location.clone(),
                format!("path parameter `{extra}` of `{id}` does not appear in the path `{path}`"),
            ));
        }
        if let Some(body) = &op.request_body {
            operation.body = self.body(body, file, pointer, &ctx, &mut method_names);
            if let Some(warning) = self.unsupported.take() {
                self.warnings.push(warning);
                return None;
            }
        }
        self.responses(&mut operation, op, file, pointer, &ctx);
        if long_running && method == "delete" {
            // A deletion's poller ends on an empty body (or an operation status): whatever
            // model a synchronous 200 declares, the poller's result is `()`.
            operation.result = None;
        }
        if long_running {
            let via = op
                .extensions
                .get("x-ms-long-running-operation-options")
                .and_then(|o| o.get("final-state-via"))
                .and_then(Value::as_str);
            let final_state = if operation.result.is_none() {
                FinalState::None
            } else {
                match (via, method) {
                    (Some("original-uri"), _) | (None, "put" | "patch") => FinalState::OriginalUri,
                    (Some("azure-async-operation"), "post") => FinalState::AzureAsyncOperation,
                    // For PUT and PATCH the resource is always read back from its URI.
                    (Some(_), "put" | "patch") => FinalState::OriginalUri,
                    (Some("location"), _) | (None, "post") => FinalState::Location,
                    (None, "delete") => FinalState::None,
                    _ => FinalState::Location,
                }
            };
            operation.kind = OpKind::LongRunning { final_state };
        }
        if let Some(pageable) = op.extensions.get("x-ms-pageable") {
            if long_running {
                self.warnings.push(Warning {
                    location: location.clone(),
                    message: "a pageable long-running operation is generated as long-running only"
                        .into(),
                });
            } else {
                operation.kind = self.pageable(pageable, &operation, &location)?;
            }
        }
        Some(operation)
    }

    #[allow(clippy::too_many_arguments)]
    fn param(
        &mut self,
        param: &Parameter,
        data: &ParameterData,
        location_in: ParamIn,
        file: &str,
        at: &str,
        ctx: &str,
        here: &Location,
    ) -> Param {
        let client_name = data
            .extensions
            .get("x-ms-client-name")
            .and_then(Value::as_str);
        let name = sanitize(client_name.unwrap_or(&data.name), Case::Value);
        let (ty, constraints) = match &data.format {
            ParameterSchemaOrContent::Schema(s) => {
                let c = match s {
                    ReferenceOr::Item(schema) => constraints(schema),
                    ReferenceOr::Reference { .. } => Constraints::default(),
                };
                let ty_ctx = format!("{ctx}{}", sanitize(&data.name, Case::Type));
                (
                    self.builder.type_ref(
                        SRef::from(s),
                        &ty_ctx,
                        ctx,
                        file,
                        &format!("{at}/schema"),
                    ),
                    c,
                )
            }
            ParameterSchemaOrContent::Content(_) => {
                self.warnings.push(Warning {
                    location: here.clone(),
                    message: "a parameter with `content` is sent as a string".into(),
                });
                (
                    TypeRef::Prim(crate::ir::Prim::String),
                    Constraints::default(),
                )
            }
        };
        // Parameters are what callers hold as text (a subscription ID from the environment),
        // so a `uuid` parameter is taken as a string.
        let ty = if ty == TypeRef::Prim(crate::ir::Prim::Uuid) {
            TypeRef::Prim(crate::ir::Prim::String)
        } else {
            ty
        };
        Param {
            name,
            wire_name: data.name.clone(),
            location: location_in,
            ty,
            required: data.required || location_in == ParamIn::Path,
            constraints,
            raw: data
                .extensions
                .get("x-ms-skip-url-encoding")
                .and_then(Value::as_bool)
                == Some(true),
            collection: collection(param, data),
            docs: data.description.clone(),
        }
    }

    fn body(
        &mut self,
        body: &'a ReferenceOr<RequestBody>,
        file: &'a str,
        pointer: &str,
        ctx: &str,
        names: &mut Namespace,
    ) -> Option<Body> {
        let (bfile, bpointer, body) = match body {
            ReferenceOr::Item(b) => (file, format!("{pointer}/requestBody"), b),
            ReferenceOr::Reference { reference } => match self.spec.request_body(reference) {
                Some((f, ReferenceOr::Item(b))) => {
                    let (_, fragment) = crate::pointer::split_ref(reference);
                    (f, fragment.to_string(), b)
                }
                _ => {
                    self.errors.push(Error::Reference {
                        location: self.spec.locate(file, pointer),
                        reference: reference.clone(),
                        message: "not a request body".into(),
                    });
                    return None;
                }
            },
        };
        let here = self.spec.locate(bfile, &bpointer);
        let Some((media, content)) = body
            .content
            .iter()
            .find(|(m, _)| m.contains("json"))
            .or_else(|| body.content.first())
        else {
            self.errors
                .push(Error::invalid(here, "the body parameter has no schema"));
            return None;
        };
        if !media.contains("json") {
            self.unsupported = Some(Warning {
                location: here,
                message: format!(
                    "unsupported: media type `{media}` (only JSON bodies are supported); the operation is skipped"
                ),
            });
            return None;
        }
        let Some(schema) = &content.schema else {
            self.errors
                .push(Error::invalid(here, "the body parameter has no schema"));
            return None;
        };
        let wire = body
            .extensions
            .get("x-ms-requestBody-name")
            .and_then(Value::as_str)
            .unwrap_or("body");
        let ty = self.builder.type_ref(
            SRef::from(schema),
            &format!("{ctx}Body"),
            ctx,
            bfile,
            &format!("{bpointer}/content/{}/schema", escape_token(media)),
        );
        let required = body.required;
        let (name, _) = names.claim(argument_name(sanitize(wire, Case::Value), required), wire);
        Some(Body {
            name,
            wire_name: wire.to_string(),
            ty,
            required,
            docs: body.description.clone(),
        })
    }

    fn responses(
        &mut self,
        operation: &mut Operation,
        op: &'a openapiv3::Operation,
        file: &'a str,
        pointer: &str,
        ctx: &str,
    ) {
        let mut result: Option<(u16, TypeRef)> = None;
        let mut headers: BTreeMap<String, Option<String>> = BTreeMap::new();
        for (status, response) in &op.responses.responses {
            let StatusCode::Code(code) = status else {
                continue;
            };
            let (rfile, rpointer, response) = match response {
                ReferenceOr::Item(r) => (file, format!("{pointer}/responses/{code}"), r),
                ReferenceOr::Reference { reference } => match self.spec.response(reference) {
                    Some((f, ReferenceOr::Item(r))) => {
                        (f, crate::pointer::split_ref(reference).1.to_string(), r)
                    }
                    _ => continue,
                },
            };
            // Every documented status is an answer the method returns, as in Azure's
            // generators, unless marked `x-ms-error-response` (`default` is the error).
            let error_response = response
                .extensions
                .get("x-ms-error-response")
                .and_then(Value::as_bool)
                == Some(true);
            if error_response {
                continue;
            }
            operation.success.push(*code);
            if !(200..300).contains(code) {
                // A documented redirect or 404 (a HEAD's `false`): returned as it is,
                // its body not the result's model.
                continue;
            }
            for (name, header) in &response.headers {
                if !is_http_token(name) {
                    self.warnings.push(Warning {
                        location: self
                            .spec
                            .locate(rfile, &format!("{rpointer}/headers/{}", escape_token(name))),
                        message: format!("response header `{name}` is not an HTTP header name; no accessor for it"),
                    });
                    continue;
                }
                let docs = match header {
                    ReferenceOr::Item(h) => h.description.clone(),
                    ReferenceOr::Reference { .. } => None,
                };
                headers.entry(name.to_ascii_lowercase()).or_insert(docs);
            }
            let Some((media, content)) = response
                .content
                .iter()
                .find(|(m, _)| m.contains("json"))
                .or_else(|| response.content.first())
            else {
                continue;
            };
            let Some(schema) = &content.schema else {
                continue;
            };
            let ty = self.builder.type_ref(
                SRef::from(schema),
                &format!("{ctx}Response"),
                ctx,
                rfile,
                &format!("{rpointer}/content/{}/schema", escape_token(media)),
            );
            match &result {
                None => result = Some((*code, ty)),
                Some((first, existing)) if *existing != ty => self.warnings.push(Warning {
                    location: operation.origin.clone(),
                    message: format!("status {code} returns a different model than status {first}; the method returns status {first}'s model"),
                }),
                Some(_) => {}
            }
        }
        operation.success.sort_unstable();
        operation.success.dedup();
        if operation.success.is_empty() {
            self.warnings.push(Warning {
                location: operation.origin.clone(),
                message: "the operation documents no success response; every response is returned as an error".into(),
            });
        }
        operation.result = result.map(|(_, t)| t);
        let mut names = Namespace::new();
        for (wire, docs) in headers {
            let (name, _) = names.claim(sanitize(&wire, Case::Value), &wire);
            operation.headers.push(Header {
                name,
                wire_name: wire,
                docs,
            });
        }
    }

    fn pageable(
        &mut self,
        pageable: &Value,
        operation: &Operation,
        location: &Location,
    ) -> Option<OpKind> {
        let next_link = match pageable.get("nextLinkName") {
            Some(Value::String(s)) => Some(s.clone()),
            _ => None,
        };
        let item_name = pageable
            .get("itemName")
            .and_then(Value::as_str)
            .unwrap_or("value")
            .to_string();
        let Some(TypeRef::Named(list)) = operation.result.clone() else {
            self.errors.push(Error::invalid(
                location.clone(),
                "a pageable operation must return a named object model",
            ));
            return None;
        };
        let Some((item, item_required)) = self.builder.field_type(list, &item_name) else {
            self.errors.push(Error::invalid(
                location.clone(),
                format!("the page model has no `{item_name}` property (x-ms-pageable itemName)"),
            ));
            return None;
        };
        let TypeRef::Vec(item) = item else {
            self.errors.push(Error::invalid(
                location.clone(),
                format!("the page model's `{item_name}` is not an array"),
            ));
            return None;
        };
        let next_operation = pageable
            .get("operationName")
            .and_then(Value::as_str)
            .filter(|n| *n != operation.operation_id)
            .map(str::to_string);
        Some(OpKind::Pageable {
            next_link,
            next_operation,
            item_name,
            // Named once the type space is finished (see `client`).
            item_field: String::new(),
            list,
            item: *item,
            item_required,
        })
    }
}

/// An HTTP header name: an RFC 9110 token (ASCII letters, digits and
/// ``!#$%&'*+-.^_`|~``). Anything else cannot be sent, and azure_core panics on
/// some of it (non-ASCII letters), so the generator refuses it.
pub(crate) fn is_http_token(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn arguments_never_shadow_the_methods_locals() {
        assert_eq!(argument_name("url".into(), true), "url_");
        assert_eq!(argument_name("request".into(), true), "request_");
        // Optional parameters are options fields: no local to shadow.
        assert_eq!(argument_name("url".into(), false), "url");
        assert_eq!(argument_name("registry_name".into(), true), "registry_name");
    }

    #[test]
    fn reads_collection_formats() {
        let format = |collection_format: &str| {
            let param: Parameter = serde_json::from_value(serde_json::json!({
                "name": "ids", "in": "query", "schema": { "type": "array", "items": { "type": "string" } },
                "style": if collection_format == "ssv" { "spaceDelimited" } else { "form" },
                "explode": collection_format == "multi",
            }))
            .unwrap_or_else(|e| panic!("{e}"));
            collection(&param, param.parameter_data_ref())
        };
        assert_eq!(format("multi"), Collection::Multi);
        assert_eq!(format("ssv"), Collection::Delimited(" "));
        assert_eq!(format("csv"), Collection::Delimited(","));
    }

    #[test]
    fn reads_string_constraints() {
        let schema: Schema = serde_json::from_value(serde_json::json!({
            "type": "string", "minLength": 5, "maxLength": 50, "pattern": "^[a-z]*$"
        }))
        .unwrap_or_else(|e| panic!("{e}"));
        let c = constraints(&schema);
        assert_eq!(
            (c.min_length, c.max_length, c.pattern.as_deref()),
            (Some(5), Some(50), Some("^[a-z]*$"))
        );
    }
}
