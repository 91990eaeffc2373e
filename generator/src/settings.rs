//! Per-spec settings: what `specs/*.toml` says beyond the spec itself.

use std::collections::BTreeMap;

use serde::Deserialize;

/// Settings for one generated crate.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    /// The crate's package name.
    pub crate_name: String,
    #[serde(default = "default_version")]
    pub crate_version: String,
    /// The client struct's name (default: from the spec's title).
    #[serde(default)]
    pub client_name: Option<String>,
    /// Properties to hold as secrets beyond those marked `x-ms-secret`, as `Definition.property` (wire names).
    #[serde(default)]
    pub secrets: Vec<String>,
    /// The OAuth scopes of the client's bearer tokens (`https://vault.azure.net/.default`),
    /// for a spec that names none or the wrong ones; the client then authenticates even
    /// if the spec declares no security. Empty: the spec's OAuth2 scopes that are URLs,
    /// else Resource Manager of the client's cloud.
    #[serde(default)]
    pub scopes: Vec<String>,
    /// Rust names to use instead of the derived ones: `Definition` → type name,
    /// `Definition.property` → field name (wire names on the left).
    #[serde(default)]
    pub renames: BTreeMap<String, String>,
    /// Markdown files of the crate (paths relative to it) included after the generated crate docs.
    #[serde(default)]
    pub extra_docs: Vec<String>,
    /// Dev-dependencies added to the generated manifest's own (for hand-written docs,
    /// examples and tests of the crate): name → TOML value, e.g. `azure_identity = "1"`.
    #[serde(default)]
    pub dev_dependencies: BTreeMap<String, toml::Value>,
    /// Extra Cargo.toml text appended verbatim to the generated manifest (e.g. `[dev-dependencies]`).
    #[serde(default)]
    pub manifest_extra: String,
    /// Whether the manifest says `publish = false` and inherits the workspace's lints etc.
    #[serde(default)]
    pub workspace_member: bool,
    /// Example-driven tests: where the spec files are, seen from the generated crate.
    #[serde(default)]
    pub examples: Option<ExampleSettings>,
    /// The runtime crate `azgen-runtime` as a path dependency, relative to the generated
    /// crate's directory (a workspace's `runtime/`); without it, and without
    /// `vendor-runtime`, the manifest requires the runtime's version.
    #[serde(default)]
    pub runtime_path: Option<String>,
    /// Write a copy of the runtime crate into the generated crate (`azgen-runtime/`) and
    /// depend on it by path: the crate then builds on its own, anywhere.
    #[serde(default)]
    pub vendor_runtime: bool,
    /// The manifest's `repository` (omitted when unset).
    #[serde(default)]
    pub repository: Option<String>,
    /// The manifest's `documentation` (default: the crate's page on docs.rs).
    #[serde(default)]
    pub documentation: Option<String>,
    /// The manifest's `keywords` beyond `azure` and `sdk` (crates.io takes five in all).
    #[serde(default)]
    pub keywords: Vec<String>,
}

/// How generated example tests find the spec's example files.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ExampleSettings {
    /// The spec root relative to the generated crate's directory (overridable at test time
    /// by `AZURE_REST_API_SPECS`).
    pub spec_root_from_crate: String,
    /// Known defects of the spec's examples: `[file, JSON pointer, reason]`. The generated
    /// test fails when one of them no longer occurs, so the list only shrinks.
    #[serde(default)]
    pub known_defects: Vec<KnownDefect>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub struct KnownDefect {
    /// The example file, relative to the spec root.
    pub example: String,
    /// Pointer into the example file where the defect is.
    pub pointer: String,
    pub reason: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            crate_name: String::new(),
            crate_version: default_version(),
            client_name: None,
            secrets: Vec::new(),
            scopes: Vec::new(),
            renames: BTreeMap::new(),
            extra_docs: Vec::new(),
            dev_dependencies: BTreeMap::new(),
            manifest_extra: String::new(),
            workspace_member: false,
            examples: None,
            runtime_path: None,
            vendor_runtime: false,
            repository: None,
            documentation: None,
            keywords: Vec::new(),
        }
    }
}

fn default_version() -> String {
    "0.1.0".to_string()
}
