//! An operation's responses (the documented success codes, the result model, the
//! response headers) and how it completes: long-running (`x-ms-long-running-operation`,
//! with where its result comes from) or paged (`x-ms-pageable`).

use std::collections::BTreeMap;

use openapiv3::{ReferenceOr, StatusCode};
use serde_json::Value;

use super::{is_http_token, Cx, Site};
use crate::error::{Error, Location, Warning};
use crate::ir::{FinalState, Header, OpKind, Operation, TypeRef};
use crate::lower::types::SRef;
use crate::names::{sanitize, Case, Namespace};
use crate::pointer::escape_token;

impl<'a> Cx<'a, '_> {
    pub(super) fn responses(
        &mut self,
        operation: &mut Operation,
        op: &'a openapiv3::Operation,
        file: &'a str,
        pointer: &str,
        ctx: &str,
    ) {
        let mut result: Option<(u16, TypeRef)> = None;
        let mut headers: BTreeMap<String, Option<String>> = BTreeMap::new();
        let default_at = format!("{pointer}/responses/default");
        let default = op.responses.default.as_ref();
        if let Some((rfile, rpointer, r)) =
            default.and_then(|d| self.response(d, file, &default_at))
        {
            self.error_answer(r, rfile, &rpointer, ctx);
        }
        for (status, response) in &op.responses.responses {
            let StatusCode::Code(code) = status else {
                continue;
            };
            let at = format!("{pointer}/responses/{code}");
            let Some((rfile, rpointer, response)) = self.response(response, file, &at) else {
                continue;
            };
            // Every documented status is an answer the method returns, as in Azure's
            // generators, unless marked `x-ms-error-response` (`default` is the error).
            let error_response = response
                .extensions
                .get("x-ms-error-response")
                .and_then(Value::as_bool)
                == Some(true);
            if error_response {
                self.error_answer(response, rfile, &rpointer, ctx);
                continue;
            }
            operation.success.push(*code);
            if !(200..300).contains(code) {
                // A documented redirect or 404 (a HEAD's `false`): returned as it is,
                // its body not the result's model.
                continue;
            }
            self.response_headers(&mut headers, response, rfile, &rpointer);
            let Some(ty) = self.body_type(response, rfile, &rpointer, ctx) else {
                continue;
            };
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

    /// A response, where it is written (its file and pointer): inline, or a shared one
    /// (`#/responses/..`).
    fn response(
        &self,
        response: &'a ReferenceOr<openapiv3::Response>,
        file: &'a str,
        pointer: &str,
    ) -> Option<(&'a str, String, &'a openapiv3::Response)> {
        match response {
            ReferenceOr::Item(r) => Some((file, pointer.to_string(), r)),
            ReferenceOr::Reference { reference } => match self.spec.response(reference) {
                Some((f, ReferenceOr::Item(r))) => {
                    Some((f, crate::pointer::split_ref(reference).1.to_string(), r))
                }
                _ => None,
            },
        }
    }

    /// The type of a response's body (its JSON media type, else its first), if it has one.
    fn body_type(
        &mut self,
        response: &openapiv3::Response,
        file: &str,
        pointer: &str,
        ctx: &str,
    ) -> Option<TypeRef> {
        let (media, content) = response
            .content
            .iter()
            .find(|(m, _)| m.contains("json"))
            .or_else(|| response.content.first())?;
        let schema = content.schema.as_ref()?;
        Some(self.builder.type_ref(
            SRef::from(schema),
            &format!("{ctx}Response"),
            ctx,
            file,
            &format!("{pointer}/content/{}/schema", escape_token(media)),
        ))
    }

    /// An error answer (`default`, or marked `x-ms-error-response`): its model, if it
    /// has one, is marked as an error model.
    /// Only a named definition: an inline error schema is no model of the crate.
    fn error_answer(
        &mut self,
        response: &openapiv3::Response,
        file: &str,
        pointer: &str,
        ctx: &str,
    ) {
        let named = response
            .content
            .values()
            .any(|c| matches!(c.schema, Some(ReferenceOr::Reference { .. })));
        if !named {
            return;
        }
        if let Some(ty) = self.body_type(response, file, pointer, ctx) {
            self.builder.mark_error_model(&ty);
        }
    }

    /// Records a success answer's headers (lowercased names, their docs), warning of
    /// names that are not HTTP header names.
    fn response_headers(
        &mut self,
        headers: &mut BTreeMap<String, Option<String>>,
        response: &openapiv3::Response,
        file: &str,
        pointer: &str,
    ) {
        for (name, header) in &response.headers {
            if !is_http_token(name) {
                self.warnings.push(Warning {
                    location: self
                        .spec
                        .locate(file, &format!("{pointer}/headers/{}", escape_token(name))),
                    message: format!(
                        "response header `{name}` is not an HTTP header name; no accessor for it"
                    ),
                });
                continue;
            }
            let docs = match header {
                ReferenceOr::Item(h) => h.description.as_deref().map(crate::lower::docs::markdown),
                ReferenceOr::Reference { .. } => None,
            };
            headers.entry(name.to_ascii_lowercase()).or_insert(docs);
        }
    }

    /// Long-running or paged, as the operation's extensions say (`None`: a paging
    /// declaration that cannot be followed, an error already reported).
    pub(super) fn kind(
        &mut self,
        operation: &mut Operation,
        site: &Site<'a>,
        long_running: bool,
    ) -> Option<()> {
        let (op, method, location) = (site.op, site.method, &site.location);
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
            let final_state = match operation.result {
                None => FinalState::None,
                Some(_) => final_state(via, method),
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
                operation.kind = self.pageable(pageable, operation, location)?;
            }
        }
        Some(())
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
        let Some(item) = self.builder.field_type(list, &item_name) else {
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
        })
    }
}

/// Where a long-running operation with a result reads it from.
fn final_state(via: Option<&str>, method: &str) -> FinalState {
    match (via, method) {
        (Some("original-uri"), _) | (None, "put" | "patch") => FinalState::OriginalUri,
        (Some("azure-async-operation"), "post") => FinalState::AzureAsyncOperation,
        // For PUT and PATCH the resource is always read back from its URI.
        (Some(_), "put" | "patch") => FinalState::OriginalUri,
        (Some("location"), _) | (None, "post") => FinalState::Location,
        (None, "delete") => FinalState::None,
        _ => FinalState::Location,
    }
}
