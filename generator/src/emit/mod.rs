//! Stage 4, emission: the intermediate form → the crate's files, as Rust source. It
//! reads only the [`Crate`] and the settings: no spec document, no file, no other
//! stage's facts. One printer ([`print`], laid out by [`layout`]) serves every file:
//! `src/models.rs` ([`models`]), `src/clients.rs` ([`client`]), the example tests
//! ([`examples`]), `Cargo.toml` and `src/lib.rs` ([`crate_root`]), and the runtime
//! crate's sources when it is vendored ([`runtime_crate`]).

mod client;
mod crate_root;
mod examples;
mod layout;
mod models;
pub(crate) mod print;
pub(crate) mod runtime_crate;

use std::collections::BTreeMap;

use crate::error::Result;
use crate::ir::Crate;
use crate::parallel::side_by_side;
use crate::settings::Settings;

pub use print::PREAMBLE;

/// Every file of the crate: path relative to its root (`/`-separated) → contents.
pub fn emit(krate: &Crate, settings: &Settings) -> Result<BTreeMap<String, String>> {
    let mut files = BTreeMap::new();
    files.insert(
        "Cargo.toml".to_string(),
        crate_root::manifest(settings, krate),
    );
    files.insert("src/lib.rs".to_string(), crate_root::lib(krate, settings)?);
    files.insert(
        "CHANGELOG.md".to_string(),
        crate_root::changelog(settings, krate),
    );
    // The three largest files are written side by side (each is independent of the
    // others): the example tests and the models on threads of their own, the clients
    // on this one.
    let (example_tests, models, clients) = std::thread::scope(|scope| {
        let examples = side_by_side(scope, || examples::tests(krate, settings));
        let models = side_by_side(scope, move || {
            let options: Vec<&str> = match krate.has_client() {
                true => krate
                    .client
                    .operations
                    .iter()
                    .map(|o| o.options.as_str())
                    .collect(),
                false => Vec::new(),
            };
            models::models(&krate.types, &krate.title, &options)
        });
        let clients = krate.has_client().then(|| {
            client::clients(
                &krate.types,
                &krate.client,
                &krate.api_version,
                &krate.title,
            )
        });
        (examples(), models(), clients)
    });
    files.insert("src/models.rs".to_string(), models?);
    if let Some(clients) = clients {
        files.insert("src/clients.rs".to_string(), clients?);
    }
    files.extend(example_tests?);
    if settings.vendor_runtime {
        files.extend(runtime_crate::vendored());
    }
    for text in files.values_mut() {
        if text.contains('\r') {
            *text = text.replace("\r\n", "\n");
        }
    }
    Ok(files)
}
