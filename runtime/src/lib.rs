//! The runtime of the client crates that [azgen] generates: the code every generated
//! crate needs, kept once here instead of copied into each crate. A program that uses
//! several generated crates shares one `http::Limits`, [`Secret`], [`Duration`] and
//! `http::LroPoller` type between them, and a fix here reaches every crate without
//! regenerating it.
//!
//! A generated crate re-exports this crate as its `runtime` module
//! (`acr_mgmt::runtime::http::Limits` is `azgen_runtime::http::Limits`).
//!
//! | module | what |
//! | --- | --- |
//! | [`model!`], [`extensible_enum!`], [`closed_enum!`] | the models' structs and enums and their JSON form |
//! | [`codec`] | wire formats: RFC 3339/1123 and Unix times, dates, base64 |
//! | [`Secret`] | values whose `Debug` is redacted |
//! | [`Duration`] | ISO 8601 durations |
//! | [`to_request_body`] | request bodies without read-only properties |
//! | `http` | the HTTP core: requests, long-running operations, paging, limits, checks (feature `http`, on by default) |
//!
//! # Read-only properties
//!
//! Properties the spec marks `readOnly` are set by the service. They are
//! always `Option`s, are deserialized like any other field, and are kept when
//! a model is serialized for any other use (printing a response as JSON shows
//! every field, e.g. a generated password's `value`). They are left out only
//! of request bodies: [`to_request_body`] serializes with a thread-local flag
//! set, and every read-only field (a [`model!`] field of mode `ro`) consults
//! [`skip_read_only`], which skips while the flag is set. Serialization is
//! synchronous, so the flag can never leak into another serialization.
//!
//! # Secrets
//!
//! Properties marked `x-ms-secret` (and those the generator's settings name)
//! are held in [`Secret`], whose `Debug` prints a redaction marker instead of
//! the value. Serialization is unchanged: the value is on the wire, and in
//! JSON output a program asks for.
//!
//! # Versions
//!
//! A generated crate names the runtime version it was generated for; the runtime's
//! macros and types are what the generated code calls, so a crate and its runtime
//! come from the same azgen release.
//!
//! [azgen]: https://github.com/azgen/azgen

#![forbid(unsafe_code)]

mod body;
pub mod codec;
mod duration;
mod enums;
#[cfg(feature = "http")]
pub mod http;
mod model;
#[doc(hidden)]
pub mod redact;
mod resource_id;
mod secret;

pub use body::{is_none, skip_read_only, to_request_body, to_request_value};
pub use duration::{Duration, ParseDurationError};
pub use enums::ParseEnumError;
#[doc(hidden)]
pub use model::Key;
pub use resource_id::{ParseResourceIdError, ResourceId};
pub use secret::Secret;

/// What the macros' expansions name, so that a generated crate needs no dependency of its
/// own on these crates.
#[doc(hidden)]
pub mod __private {
    #[cfg(feature = "http")]
    pub use async_trait::async_trait;
}
