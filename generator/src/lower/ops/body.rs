//! An operation's request body: its model (an inline one named after the operation),
//! its argument's name (`x-ms-requestBody-name`), whether it is required; a media type
//! other than JSON makes the operation unsupported.

use openapiv3::{ReferenceOr, RequestBody};
use serde_json::Value;

use super::{argument_name, Cx};
use crate::error::{Error, Warning};
use crate::ir::Body;
use crate::lower::types::SRef;
use crate::names::{sanitize, Case, Namespace};
use crate::pointer::escape_token;

impl<'a> Cx<'a, '_> {
    pub(super) fn body(
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
            docs: body
                .description
                .as_deref()
                .map(crate::lower::docs::markdown),
        })
    }
}
