//! An operation's parameters: resolved (shared `#/parameters` followed), path-item
//! ones overridden by the operation's, placed at the client (`x-ms-parameter-location:
//! client`, or shared by default) or the method, named, with their constraints and
//! collection formats; and the check that the path's placeholders are its parameters.

use std::collections::{BTreeMap, BTreeSet};

use openapiv3::{
    Parameter, ParameterData, ParameterSchemaOrContent, QueryStyle, ReferenceOr, Schema,
    SchemaKind, Type,
};
use serde_json::Value;

use super::{argument_name, is_http_token, Cx, Site};
use crate::error::{Error, Location, Warning};
use crate::ir::{Collection, Constraints, Operation, Param, ParamIn, TypeRef};
use crate::lower::types::SRef;
use crate::names::{sanitize, Case, Namespace};

/// A parameter found for an operation, before it is placed.
pub(super) struct Found<'a> {
    /// Whether it is a shared (`#/parameters`) one.
    shared: bool,
    /// The file it is defined in.
    file: &'a str,
    /// Its JSON pointer there.
    at: String,
    param: &'a Parameter,
    location_in: ParamIn,
    here: Location,
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

    /// Every parameter of the operation, in order: the path item's, the operation's
    /// (which override the path item's of the same name and location), and the
    /// parameterized host's, first or last (`positionInOperation`).
    pub(super) fn gather_params(&mut self, site: &Site<'a>) -> Vec<Found<'a>> {
        let mut all: Vec<(String, &'a ReferenceOr<Parameter>)> = Vec::new();
        for (i, p) in site.path_params.iter().enumerate() {
            all.push((format!("{}/parameters/{i}", site.item_pointer), p));
        }
        for (i, p) in site.op.parameters.iter().enumerate() {
            all.push((format!("{}/parameters/{i}", site.pointer), p));
        }
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
        let mut resolved = Vec::new();
        for (at, p) in all {
            let here = self.spec.locate(site.file, &at);
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
            resolved.push(Found {
                shared,
                file: if pfile.is_empty() { site.file } else { pfile },
                at,
                param,
                location_in,
                here,
            });
        }
        resolved
    }

    /// Places each parameter: api-version (sent by the client), client-level (kept by the
    /// client, named once across operations) or method-level (an argument, or a field of
    /// the options when optional), refusing header names that cannot be sent.
    pub(super) fn place_params(
        &mut self,
        operation: &mut Operation,
        found: Vec<Found<'a>>,
        ctx: &str,
        method_names: &mut Namespace,
    ) {
        for f in found {
            let data = f.param.parameter_data_ref();
            let client_level = match data
                .extensions
                .get("x-ms-parameter-location")
                .and_then(Value::as_str)
            {
                Some("client") => true,
                Some(_) => false,
                None => f.shared,
            };
            if f.location_in == ParamIn::Header && !is_http_token(&data.name) {
                self.errors.push(Error::invalid(
                    f.here,
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
            if data.name == "api-version" && f.location_in == ParamIn::Query && client_api_version {
                operation.api_version = true;
                continue;
            }
            let param = self.param(f.param, data, f.location_in, f.file, &f.at, ctx, &f.here);
            match client_level {
                true => self.client_param(operation, param, &data.name, f.here),
                false => self.method_param(operation, param, &data.name, f.here, method_names),
            }
        }
    }

    /// A client-level parameter: the operation uses it; the client gets it once.
    fn client_param(
        &mut self,
        operation: &mut Operation,
        param: Param,
        wire: &str,
        here: Location,
    ) {
        if param.location == ParamIn::Header {
            self.warnings.push(Warning {
                location: here,
                message:
                    "client-level header parameters are sent by no method; declare it per method"
                        .into(),
            });
            return;
        }
        operation.client_params.push(wire.to_string());
        if self.client.params.iter().any(|c| c.wire_name == wire) {
            return;
        }
        let (name, collision) = self.client_names.claim(param.name.clone(), wire);
        if let Some(c) = collision {
            self.warnings.push(Warning {
                location: here,
                message: format!(
                    "client parameter name `{}` is taken by `{}`; `{wire}` is named `{}`",
                    c.wanted, c.holder, c.given
                ),
            });
        }
        self.client.params.push(Param {
            name,
            required: true,
            ..param
        });
    }

    /// A method-level parameter, named clear of the method's other arguments and locals.
    fn method_param(
        &mut self,
        operation: &mut Operation,
        param: Param,
        wire: &str,
        here: Location,
        method_names: &mut Namespace,
    ) {
        let wanted = argument_name(param.name.clone(), param.required);
        let (name, collision) = method_names.claim(wanted, wire);
        if let Some(c) = collision {
            self.warnings.push(Warning {
                location: here,
                message: format!(
                    "parameter name `{}` of `{}` is taken; `{wire}` is named `{}`",
                    c.wanted, operation.operation_id, c.given
                ),
            });
        }
        operation.params.push(Param { name, ..param });
    }

    /// Every `{name}` of the path (and of the host template) must be a path parameter,
    /// and every path parameter in the path.
    pub(super) fn check_path(&mut self, operation: &Operation, site: &Site<'a>) {
        let (path, id) = (site.path, &operation.operation_id);
        let host_template = self.host.map_or("", |(_, h)| h.template.as_str());
        let placeholders: BTreeSet<String> = operation
            .path
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
                site.location.clone(),
                format!("`{{{missing}}}` in the path `{path}` is not a path parameter of `{id}`"),
            ));
        }
        for extra in path_names.difference(&placeholders) {
            self.errors.push(Error::invalid(
                site.location.clone(),
                format!("path parameter `{extra}` of `{id}` does not appear in the path `{path}`"),
            ));
        }
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
            docs: data
                .description
                .as_deref()
                .map(crate::lower::docs::markdown),
        }
    }
}

/// Reads constraints from a parameter schema.
pub(super) fn constraints(schema: &Schema) -> Constraints {
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
pub(super) fn collection(param: &Parameter, data: &ParameterData) -> Collection {
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
