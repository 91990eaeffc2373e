//! Operations → the intermediate form: one [`Operation`] per path and method,
//! with final Rust names, parameters sorted into client-level and method-level
//! ([`params`]), the request body ([`body`]), and the responses, long-running and
//! paging behaviour the spec declares ([`responses`]).

mod body;
mod params;
mod responses;

use std::collections::BTreeMap;

use openapiv3::{Parameter, ReferenceOr};
use serde_json::Value;

use super::client::accessor_name;
use super::types::Builder;
use crate::error::{Error, Location, Warning};
use crate::input::Spec;
use crate::ir::{Client, Collection, OpKind, Operation};
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

/// Where an operation is: its file, path, method, the JSON pointers of its path item
/// and of itself, the path item's parameters, and its location for messages.
struct Site<'a> {
    file: &'a str,
    path: &'a str,
    item_pointer: String,
    method: &'static str,
    pointer: String,
    op: &'a openapiv3::Operation,
    path_params: &'a [ReferenceOr<Parameter>],
    location: Location,
}

/// Builds the operations of the entry files, adding their inline schemas to the type space.
pub(crate) fn build<'a>(
    spec: &'a Spec,
    builder: &mut Builder<'a>,
    settings: &crate::Settings,
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
    cx.parameterized_host();
    cx.client_names.reserve("endpoint", "(the endpoint)");
    cx.client_names.reserve("credential", "(the credential)");
    cx.client_names.reserve("options", "(the options)");
    cx.security();
    if !settings.scopes.is_empty() {
        cx.client.bearer = true;
        cx.client.scopes = settings.scopes.clone();
    }
    cx.operations();
    cx.check_next_operations();
    cx.name_methods();
    (cx.client, cx.errors, cx.warnings)
}

impl<'a> Cx<'a, '_> {
    /// `x-ms-parameterized-host` of the first entry that has a valid one.
    fn parameterized_host(&mut self) {
        let spec = self.spec;
        if let Some((file, host)) = spec.entries.iter().find_map(|e| {
            spec.files
                .get(e)
                .and_then(|f| Some((e.as_str(), f.host.as_ref()?)))
        }) {
            self.host = Some((file, host));
            let scheme = if host.use_scheme_prefix {
                host.scheme.clone()
            } else {
                String::new()
            };
            self.client.host = Some((host.template.clone(), scheme));
        } else if let Some(e) = spec.entries.iter().find(|e| {
            spec.files
                .get(e.as_str())
                .is_some_and(|f| f.raw.value.get("x-ms-parameterized-host").is_some())
        }) {
            self.errors.push(Error::invalid(
                spec.locate(e, "/x-ms-parameterized-host"),
                "`x-ms-parameterized-host` needs a `hostTemplate` string and valid `parameters`",
            ));
        }
    }

    /// Whether requests carry a bearer token: an OAuth2 (or OpenID Connect, or HTTP
    /// bearer) security scheme; other schemes are warned about. An OAuth2 scheme's
    /// scopes that are URLs (`https://vault.azure.net/.default`, as TypeSpec writes
    /// them) are the tokens' scopes; ARM's `user_impersonation` is not.
    fn security(&mut self) {
        let spec = self.spec;
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
                    ReferenceOr::Item(openapiv3::SecurityScheme::OAuth2 { flows, .. }) => {
                        self.client.bearer = true;
                        for scope in oauth2_scopes(flows) {
                            if !self.client.scopes.contains(&scope) {
                                self.client.scopes.push(scope);
                            }
                        }
                    }
                    ReferenceOr::Item(openapiv3::SecurityScheme::OpenIDConnect { .. }) => {
                        self.client.bearer = true
                    }
                    ReferenceOr::Item(openapiv3::SecurityScheme::HTTP { scheme, .. })
                        if scheme.eq_ignore_ascii_case("bearer") =>
                    {
                        self.client.bearer = true
                    }
                    _ => self.warnings.push(Warning {
                        location: spec.locate(entry, &format!("/securityDefinitions/{}", escape_token(name))),
                        message: "only OAuth2 (bearer token) security is supported; the client does not send this one".into(),
                    }),
                }
            }
        }
    }

    /// Every operation of the entry files, each with a unique `operationId`.
    fn operations(&mut self) {
        let spec = self.spec;
        let mut ids: BTreeMap<String, Location> = BTreeMap::new();
        for (file, path, method, op, item_pointer) in crate::input::spec::operations(spec) {
            let pointer = format!("{item_pointer}/{method}");
            let location = spec.locate(file, &pointer);
            let Some(id) = op.operation_id.clone() else {
                self.errors.push(Error::invalid(
                    location,
                    "the operation has no `operationId`",
                ));
                continue;
            };
            if let Some(first) = ids.get(&id) {
                // Quoted in the message: its line and column are needed now.
                let mut first = first.clone();
                spec.fill_line_col(&mut first);
                self.errors.push(Error::invalid(
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
            let site = Site {
                file,
                path,
                item_pointer,
                method,
                pointer,
                op,
                path_params: item.map(|i| i.parameters.as_slice()).unwrap_or_default(),
                location,
            };
            if let Some(operation) = self.operation(&site, &id) {
                self.client.operations.push(operation);
            }
        }
    }

    /// `operationName` paging: the next operation must be one whose parameters the first
    /// operation's arguments (and the next link, as its `nextLink` parameter if it has one)
    /// can fill; otherwise next links are followed as URLs, with a warning.
    fn check_next_operations(&mut self) {
        let ops_snapshot = self.client.operations.clone();
        for operation in &mut self.client.operations {
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
                                q.wire_name == p.wire_name
                                    && q.location == p.location
                                    && q.ty == p.ty
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
                self.warnings.push(Warning {
                    location: operation.origin.clone(),
                    message: format!("x-ms-pageable operationName `{next_id}` is not used ({problem}); next links are followed as URLs"),
                });
                *next_operation = None;
            }
        }
    }

    /// Method names, once every group is known: the client's own methods share its impl
    /// with `new`, `endpoint` and the group accessors.
    fn name_methods(&mut self) {
        let mut methods: BTreeMap<Option<String>, Namespace> = BTreeMap::new();
        let root = methods.entry(None).or_default();
        root.reserve("new", "(the constructor)");
        root.reserve("endpoint", "(the endpoint accessor)");
        for op in &self.client.operations {
            if let Some(g) = &op.group {
                root.reserve(&accessor_name(g), &format!("(the `{g}` operations)"));
            }
        }
        for operation in &mut self.client.operations {
            let ns = methods.entry(operation.group.clone()).or_default();
            let id = &operation.operation_id;
            let (name, collision) = ns.claim(operation.method.clone(), id);
            if let Some(c) = collision {
                self.warnings.push(Warning {
                    location: operation.origin.clone(),
                    message: format!(
                        "method name `{}` is taken by `{}`; `{id}` is named `{}`",
                        c.wanted, c.holder, c.given
                    ),
                });
            }
            operation.method = name;
        }
    }

    /// One operation, or `None` when it is skipped (a warning says why) or wrong (an
    /// error says why).
    fn operation(&mut self, site: &Site<'a>, id: &str) -> Option<Operation> {
        if matches!(site.method, "options" | "trace") {
            self.warnings.push(Warning {
                location: site.location.clone(),
                message: format!(
                    "unsupported: HTTP method {} (azure_core sends DELETE, GET, HEAD, PATCH, POST and PUT only); the operation is skipped",
                    site.method.to_ascii_uppercase()
                ),
            });
            return None;
        }
        let long_running = site
            .op
            .extensions
            .get("x-ms-long-running-operation")
            .and_then(Value::as_bool)
            == Some(true);
        let (mut operation, ctx) = skeleton(site, id, long_running);
        // Arguments and options fields: `method_options` is the options' own field.
        let mut method_names = Namespace::new();
        method_names.reserve("method_options", "(the call's context)");
        let found = self.gather_params(site);
        self.place_params(&mut operation, found, &ctx, &mut method_names);
        self.check_path(&operation, site);
        if let Some(body) = &site.op.request_body {
            operation.body = self.body(body, site.file, &site.pointer, &ctx, &mut method_names);
            if let Some(warning) = self.unsupported.take() {
                self.warnings.push(warning);
                return None;
            }
        }
        self.responses(&mut operation, site.op, site.file, &site.pointer, &ctx);
        self.kind(&mut operation, site, long_running)?;
        Some(operation)
    }
}

/// The scopes of an OAuth2 scheme's flows that are URLs, in order.
fn oauth2_scopes(flows: &openapiv3::OAuth2Flows) -> Vec<String> {
    let mut scopes: Vec<&String> = Vec::new();
    if let Some(f) = &flows.implicit {
        scopes.extend(f.scopes.keys());
    }
    if let Some(f) = &flows.password {
        scopes.extend(f.scopes.keys());
    }
    if let Some(f) = &flows.client_credentials {
        scopes.extend(f.scopes.keys());
    }
    if let Some(f) = &flows.authorization_code {
        scopes.extend(f.scopes.keys());
    }
    scopes
        .into_iter()
        .filter(|s| s.contains("://"))
        .cloned()
        .collect()
}

/// An operation with its names and what the spec says of it directly, before its
/// parameters, body and responses; and the name inline types of it start with.
fn skeleton(site: &Site<'_>, id: &str, long_running: bool) -> (Operation, String) {
    // An `x-ms-paths` key's query string only names the path; requests use the rest.
    let template = site.path.split_once('?').map_or(site.path, |(t, _)| t);
    let (group, method_part) = match id.split_once('_') {
        Some((g, m)) => (Some(sanitize(g, Case::Type)), m),
        None => (None, id),
    };
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
    let op = site.op;
    let operation = Operation {
        operation_id: id.to_string(),
        group,
        method: rust_method,
        // Named with the rest of `clients.rs`, once every operation is known.
        options: String::new(),
        http_method: method_name(site.method),
        path: template.to_string(),
        docs: op
            .description
            .clone()
            .or_else(|| op.summary.clone())
            .filter(|d| !d.trim().is_empty())
            .map(|d| crate::lower::docs::markdown(&d)),
        deprecated: op.deprecated,
        params: Vec::new(),
        client_params: Vec::new(),
        api_version: false,
        body: None,
        success: Vec::new(),
        result: None,
        headers: Vec::new(),
        kind: OpKind::Plain,
        origin: site.location.clone(),
    };
    (operation, ctx)
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
    use super::params::{collection, constraints};
    use super::*;
    use crate::ir::{FinalState, ParamIn};
    use openapiv3::Schema;

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

    /// Lowers the operations of a one-file Swagger spec made of `paths` (and shared
    /// `parameters`), with one `Thing` definition.
    fn lower(
        paths: serde_json::Value,
        parameters: serde_json::Value,
    ) -> (Client, Vec<Error>, Vec<Warning>) {
        let spec = serde_json::json!({
            "swagger": "2.0",
            "info": { "title": "T", "version": "1" },
            "paths": paths,
            "parameters": parameters,
            "definitions": { "Thing": { "type": "object", "properties": { "name": { "type": "string" } } } },
        });
        let source = crate::MemorySource([("spec.json".to_string(), spec.to_string())].into());
        let spec = crate::load(&["spec.json".to_string()], &source).unwrap();
        let settings = crate::Settings {
            crate_name: "t".into(),
            ..Default::default()
        };
        let mut builder = Builder::new(&spec, &settings);
        builder.add_definitions();
        build(&spec, &mut builder, &settings)
    }

    #[test]
    fn the_models_of_error_answers_are_marked() {
        let object =
            serde_json::json!({ "type": "object", "properties": { "code": { "type": "string" } } });
        let spec = serde_json::json!({
            "swagger": "2.0",
            "info": { "title": "T", "version": "1" },
            "paths": {
                "/things": { "get": { "operationId": "Things_Get", "responses": {
                    "200": { "description": "ok", "schema": { "$ref": "#/definitions/Thing" } },
                    "default": { "description": "error", "schema": { "$ref": "#/definitions/Failure" } }
                } } },
                "/others": { "get": { "operationId": "Others_Get", "responses": {
                    "200": { "description": "ok", "schema": { "$ref": "#/definitions/Thing" } },
                    "404": { "description": "gone", "x-ms-error-response": true, "schema": { "$ref": "#/definitions/Gone" } },
                    "default": { "description": "inline", "schema": object }
                } } }
            },
            "definitions": { "Thing": object, "Failure": object, "Gone": object },
        });
        let source = crate::MemorySource([("spec.json".to_string(), spec.to_string())].into());
        let spec = crate::load(&["spec.json".to_string()], &source).unwrap();
        let settings = crate::Settings::default();
        let mut builder = Builder::new(&spec, &settings);
        builder.add_definitions();
        build(&spec, &mut builder, &settings);
        let (space, _, _) = builder.finish().unwrap();
        let marked = |name: &str| {
            space
                .types
                .iter()
                .find(|t| t.name == name)
                .unwrap()
                .error_model
        };
        assert!(marked("Failure"));
        assert!(marked("Gone"));
        assert!(!marked("Thing"));
        // An inline error schema makes no type.
        assert_eq!(space.types.len(), 3);
    }

    fn shared() -> serde_json::Value {
        serde_json::json!({
            "Sub": { "name": "subscriptionId", "in": "path", "required": true, "type": "string" },
            "Api": { "name": "api-version", "in": "query", "required": true, "type": "string" },
            "Here": { "name": "region", "in": "query", "required": true, "type": "string", "x-ms-parameter-location": "method" },
        })
    }

    #[test]
    fn parameters_are_placed_at_the_client_or_the_method() {
        let paths = serde_json::json!({
            "/subs/{subscriptionId}/things/{url}": { "put": {
                "operationId": "Things_Put",
                "parameters": [
                    { "$ref": "#/parameters/Sub" },
                    { "$ref": "#/parameters/Api" },
                    { "$ref": "#/parameters/Here" },
                    { "name": "url", "in": "path", "required": true, "type": "string" },
                    { "name": "$filter", "in": "query", "type": "string" },
                    { "name": "x-ms-tag", "in": "header", "type": "string" },
                    { "name": "thing", "in": "body", "required": true, "schema": { "$ref": "#/definitions/Thing" } }
                ],
                "responses": { "200": { "description": "ok", "schema": { "$ref": "#/definitions/Thing" } } }
            } }
        });
        let (client, errors, warnings) = lower(paths, shared());
        assert!(
            errors.is_empty() && warnings.is_empty(),
            "{errors:?} {warnings:?}"
        );
        let op = &client.operations[0];
        // Shared parameters are the client's unless they say otherwise; api-version is sent
        // by the client, not passed.
        assert_eq!(
            client
                .params
                .iter()
                .map(|p| p.wire_name.as_str())
                .collect::<Vec<_>>(),
            ["subscriptionId"]
        );
        assert_eq!(op.client_params, ["subscriptionId"]);
        assert!(op.api_version);
        let placed: Vec<(&str, &str, ParamIn, bool)> = op
            .params
            .iter()
            .map(|p| {
                (
                    p.wire_name.as_str(),
                    p.name.as_str(),
                    p.location,
                    p.required,
                )
            })
            .collect();
        assert_eq!(
            placed,
            [
                ("region", "region", ParamIn::Query, true),
                // A required argument named like a local of the method gets a `_`.
                ("url", "url_", ParamIn::Path, true),
                ("$filter", "filter", ParamIn::Query, false),
                ("x-ms-tag", "x_ms_tag", ParamIn::Header, false),
            ]
        );
        let body = op.body.as_ref().unwrap();
        assert_eq!((body.wire_name.as_str(), body.required), ("thing", true));
        assert_eq!(
            (op.group.as_deref(), op.method.as_str()),
            (Some("Things"), "put")
        );
        assert_eq!(op.success, [200]);
        assert!(op.result.is_some());
    }

    #[test]
    fn refuses_what_cannot_be_sent() {
        let paths = serde_json::json!({
            "/things/{name}": {
                "get": { "operationId": "Things_Get", "parameters": [
                    { "name": "name", "in": "path", "required": true, "type": "string" },
                    { "name": "bad header", "in": "header", "type": "string" }
                ], "responses": { "200": { "description": "ok" } } },
                "put": { "operationId": "Things_Get", "parameters": [
                    { "name": "name", "in": "path", "required": true, "type": "string" }
                ], "responses": { "200": { "description": "ok" } } },
                "delete": { "operationId": "Things_Delete", "parameters": [],
                    "responses": { "200": { "description": "ok" } } }
            }
        });
        let (_, errors, _) = lower(paths, serde_json::json!({}));
        let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        let has = |text: &str| messages.iter().any(|m| m.contains(text));
        assert!(
            has("`bad header` is not an HTTP header name"),
            "{messages:?}"
        );
        assert!(has("duplicate operationId `Things_Get`"), "{messages:?}");
        assert!(
            has("`{name}` in the path `/things/{name}` is not a path parameter of `Things_Delete`"),
            "{messages:?}"
        );
    }

    #[test]
    fn long_running_and_paged_operations() {
        let lro = |method: &str, via: Option<&str>| {
            let mut op = serde_json::json!({
                "operationId": "Things_Go",
                "x-ms-long-running-operation": true,
                "responses": { "200": { "description": "ok", "schema": { "$ref": "#/definitions/Thing" } }, "202": { "description": "accepted" } }
            });
            if let Some(via) = via {
                op["x-ms-long-running-operation-options"] =
                    serde_json::json!({ "final-state-via": via });
            }
            let (client, _, _) = lower(
                serde_json::json!({ "/things": { method: op } }),
                serde_json::json!({}),
            );
            (
                client.operations[0].method.clone(),
                client.operations[0].kind.clone(),
            )
        };
        let state = |f| OpKind::LongRunning { final_state: f };
        assert_eq!(
            lro("put", None),
            ("begin_go".to_string(), state(FinalState::OriginalUri))
        );
        assert_eq!(lro("post", None).1, state(FinalState::Location));
        assert_eq!(
            lro("post", Some("azure-async-operation")).1,
            state(FinalState::AzureAsyncOperation)
        );
        // PUT reads the resource back, whatever final-state-via says.
        assert_eq!(
            lro("put", Some("location")).1,
            state(FinalState::OriginalUri)
        );
        // A deletion's poller has no result.
        assert_eq!(lro("delete", None).1, state(FinalState::None));

        let paths = serde_json::json!({ "/things": { "get": {
            "operationId": "Things_List",
            "x-ms-pageable": { "nextLinkName": "next", "itemName": "items", "operationName": "Nope_Next" },
            "responses": { "200": { "description": "ok", "schema": {
                "type": "object",
                "properties": { "items": { "type": "array", "items": { "$ref": "#/definitions/Thing" } }, "next": { "type": "string" } }
            } } }
        } } });
        let (client, errors, warnings) = lower(paths, serde_json::json!({}));
        assert!(errors.is_empty(), "{errors:?}");
        let OpKind::Pageable {
            next_link,
            next_operation,
            item_name,
            ..
        } = &client.operations[0].kind
        else {
            panic!("not pageable: {:?}", client.operations[0].kind);
        };
        assert_eq!(
            (next_link.as_deref(), item_name.as_str()),
            (Some("next"), "items")
        );
        // An operationName that is not an operation: next links are followed as URLs.
        assert_eq!(next_operation, &None);
        assert!(
            warnings
                .iter()
                .any(|w| w.message.contains("operationName `Nope_Next` is not used")),
            "{warnings:?}"
        );
    }

    #[test]
    fn method_names_that_collide_are_renamed_with_a_warning() {
        let op = |id: &str| serde_json::json!({ "operationId": id, "responses": { "200": { "description": "ok" } } });
        let paths = serde_json::json!({
            "/a": { "get": op("Things_Get") },
            "/b": { "get": op("Things_GET") },
            "/c": { "get": op("New") }
        });
        let (client, _, warnings) = lower(paths, serde_json::json!({}));
        let mut methods: Vec<&str> = client
            .operations
            .iter()
            .map(|o| o.method.as_str())
            .collect();
        methods.sort();
        // `new` is the client's constructor: the root operation `New` is `new2`.
        assert_eq!(methods, ["get", "get2", "new2"]);
        assert_eq!(
            warnings
                .iter()
                .filter(|w| w.message.contains("method name"))
                .count(),
            2,
            "{warnings:?}"
        );
    }
}
