//! The spec's examples (`x-ms-examples`) in the intermediate form: each linked file
//! that exists, read and parsed at lowering, with the models of its operation's
//! responses.

use serde_json::Value;

use super::types::TypeRef;

/// One linked example file.
#[derive(Debug, Clone)]
pub struct Example {
    /// Path relative to the spec root.
    pub path: String,
    /// The operation that links it.
    pub operation_id: String,
    /// Status code → model, for the statuses the operation declares.
    pub responses: Vec<(String, Option<TypeRef>)>,
    /// The example document, or why it could not be read.
    pub document: Result<Value, String>,
}
