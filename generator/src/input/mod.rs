//! Stage 1, input: files read through a [`SourceProvider`] (JSON or YAML, `$ref`s
//! followed across files), Swagger 2.0 converted to OpenAPI 3.0 with every `x-ms-*`
//! extension kept, and one [`Spec`]: the `openapiv3` documents with their texts for
//! located errors (`file:line:col`, JSON pointer).

pub mod load;
mod locate;
pub mod spec;
pub mod swagger;

pub use load::{MemorySource, SourceProvider};
pub use spec::Spec;
