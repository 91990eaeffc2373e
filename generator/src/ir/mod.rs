//! The intermediate form, between lowering and emission: every type, operation and
//! example of the crate with its final Rust names, wire names kept apart. Lowering
//! decides every fact once; the emitters read only this (and the settings).

mod examples;
mod ops;
mod types;

pub use examples::*;
pub use ops::*;
pub use types::*;

/// The crate to emit.
#[derive(Debug, Clone)]
pub struct Crate {
    /// The spec's title (`info.title`), or the crate name when it has none.
    pub title: String,
    /// `info.description`.
    pub description: Option<String>,
    /// `info.version`: the API version.
    pub api_version: String,
    pub types: TypeSpace,
    /// How many of the types come from spec definitions.
    pub definitions: usize,
    /// The client; without operations, the crate has models only.
    pub client: Client,
    /// The linked examples, in path order (empty unless the settings ask for tests).
    pub examples: Vec<Example>,
    /// Whether any type, parameter or result uses `uuid`.
    pub uses_uuid: bool,
}

impl Crate {
    /// Whether the crate has a client (the spec has operations).
    pub fn has_client(&self) -> bool {
        !self.client.operations.is_empty()
    }

    /// Whether the examples are replayed through the client against a mock server:
    /// not for a client whose host the spec fixes (`x-ms-parameterized-host`), which
    /// cannot be pointed at one; its examples are round-tripped only.
    pub fn replays(&self) -> bool {
        self.has_client() && self.client.host.is_none()
    }
}
