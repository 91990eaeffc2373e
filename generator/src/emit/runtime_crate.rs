//! The runtime crate every generated crate depends on: `azgen-runtime`, the workspace's
//! `runtime/` (models' macros, codecs, secrets, the HTTP core). Generated code calls it
//! as `crate::runtime::..`, a re-export of the crate.
//!
//! Its sources are embedded here for [`Settings::vendor_runtime`](crate::Settings::vendor_runtime):
//! a crate generated outside this workspace can carry its own copy (`azgen-runtime/`)
//! and build on its own.

/// The runtime's version, which generated manifests require.
pub const VERSION: &str = "0.1.0";

/// Where a vendored copy goes, relative to the generated crate.
pub const VENDOR_DIR: &str = "azgen-runtime";

/// The runtime crate's files: path relative to its root → contents.
pub const FILES: &[(&str, &str)] = &[
    ("Cargo.toml", include_str!("../../../runtime/Cargo.toml")),
    ("src/body.rs", include_str!("../../../runtime/src/body.rs")),
    (
        "src/codec.rs",
        include_str!("../../../runtime/src/codec.rs"),
    ),
    (
        "src/duration.rs",
        include_str!("../../../runtime/src/duration.rs"),
    ),
    (
        "src/enums.rs",
        include_str!("../../../runtime/src/enums.rs"),
    ),
    (
        "src/http/auth.rs",
        include_str!("../../../runtime/src/http/auth.rs"),
    ),
    (
        "src/http/checks.rs",
        include_str!("../../../runtime/src/http/checks.rs"),
    ),
    (
        "src/http/errors.rs",
        include_str!("../../../runtime/src/http/errors.rs"),
    ),
    (
        "src/http/limits.rs",
        include_str!("../../../runtime/src/http/limits.rs"),
    ),
    (
        "src/http/lro/mod.rs",
        include_str!("../../../runtime/src/http/lro/mod.rs"),
    ),
    (
        "src/http/lro/polling.rs",
        include_str!("../../../runtime/src/http/lro/polling.rs"),
    ),
    (
        "src/http/lro/status.rs",
        include_str!("../../../runtime/src/http/lro/status.rs"),
    ),
    (
        "src/http/mod.rs",
        include_str!("../../../runtime/src/http/mod.rs"),
    ),
    (
        "src/http/pager.rs",
        include_str!("../../../runtime/src/http/pager.rs"),
    ),
    (
        "src/http/transport.rs",
        include_str!("../../../runtime/src/http/transport.rs"),
    ),
    (
        "src/http/wire.rs",
        include_str!("../../../runtime/src/http/wire.rs"),
    ),
    ("src/lib.rs", include_str!("../../../runtime/src/lib.rs")),
    (
        "src/model.rs",
        include_str!("../../../runtime/src/model.rs"),
    ),
    (
        "src/redact.rs",
        include_str!("../../../runtime/src/redact.rs"),
    ),
    (
        "src/resource_id.rs",
        include_str!("../../../runtime/src/resource_id.rs"),
    ),
    (
        "src/secret.rs",
        include_str!("../../../runtime/src/secret.rs"),
    ),
];

/// The `[dependencies]` line of a generated crate: the vendored copy, a path, or the
/// version; without the HTTP core for a crate without operations.
pub fn dependency(settings: &crate::Settings, has_client: bool) -> String {
    // The transport is the crate's `default` feature's choice (see the manifest).
    let features = if has_client {
        ", default-features = false, features = [\"http\"]"
    } else {
        ", default-features = false"
    };
    let path = if settings.vendor_runtime {
        Some(VENDOR_DIR)
    } else {
        settings.runtime_path.as_deref()
    };
    match path {
        Some(path) => format!(
            "azgen-runtime = {{ path = {}, version = \"{VERSION}\"{features} }}\n",
            toml::Value::String(path.to_string())
        ),
        None => format!("azgen-runtime = {{ version = \"{VERSION}\"{features} }}\n"),
    }
}

/// The vendored copy's files, with their paths in the generated crate.
pub fn vendored() -> impl Iterator<Item = (String, String)> {
    FILES
        .iter()
        .map(|(path, text)| (format!("{VENDOR_DIR}/{path}"), text.to_string()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;

    /// Every file of `runtime/` is embedded, and its version is the one required.
    #[test]
    fn embeds_the_whole_runtime_crate() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime");
        let mut on_disk = vec!["Cargo.toml".to_string()];
        let mut dirs = vec![root.join("src")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else {
                    let rel = path.strip_prefix(&root).unwrap();
                    on_disk.push(rel.to_string_lossy().replace('\\', "/"));
                }
            }
        }
        on_disk.sort();
        let embedded: Vec<String> = FILES.iter().map(|(p, _)| p.to_string()).collect();
        assert_eq!(embedded, on_disk);
        let manifest: toml::Value = toml::from_str(FILES[0].1).unwrap();
        assert_eq!(manifest["package"]["version"].as_str(), Some(VERSION));
        assert_eq!(manifest["package"]["name"].as_str(), Some("azgen-runtime"));
    }

    #[test]
    fn depends_by_path_version_or_copy() {
        let mut settings = crate::Settings::default();
        assert_eq!(
            dependency(&settings, true),
            "azgen-runtime = { version = \"0.1.0\", default-features = false, features = [\"http\"] }\n"
        );
        settings.runtime_path = Some("../runtime".into());
        assert_eq!(
            dependency(&settings, false),
            "azgen-runtime = { path = \"../runtime\", version = \"0.1.0\", default-features = false }\n"
        );
        settings.vendor_runtime = true;
        assert_eq!(
            dependency(&settings, true),
            "azgen-runtime = { path = \"azgen-runtime\", version = \"0.1.0\", default-features = false, features = [\"http\"] }\n"
        );
    }
}
