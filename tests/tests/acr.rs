//! The generator on the real ACR specs: the full output (snapshots), a type for
//! every definition, the three discriminator hierarchies of ACR Tasks, and
//! output that depends on nothing but the spec's content (not on key order).
//!
//! The snapshots change whenever the generator does; review them with
//! `cargo insta review` (or `INSTA_UPDATE=always cargo test -p azgen-tests --test acr`
//! and read the diff).

use std::collections::BTreeMap;

use azgen::names::{sanitize, Case};
use azgen::MemorySource;
use azgen_tests::{generate, settings, spec_root, FsSource, ACR, ACR_TASKS};
use serde_json::Value;

fn read(path: &str) -> String {
    let full = spec_root().join(path);
    std::fs::read_to_string(&full)
        .unwrap_or_else(|e| panic!("the spec corpus is needed: {}: {e}", full.display()))
}

/// Settings for a crate `name`, version 0.1.0.
fn crate_settings(name: &str) -> azgen::Settings {
    azgen::Settings {
        crate_version: "0.1.0".to_string(),
        ..settings(name)
    }
}

fn acr() -> azgen::Output {
    generate(&spec_root(), &[ACR], &crate_settings("acr_mgmt"))
}

fn acr_tasks() -> azgen::Output {
    generate(
        &spec_root(),
        &[ACR_TASKS],
        &crate_settings("acr_tasks_mgmt"),
    )
}

/// Snapshots of the file list and of the warnings. The files themselves are not
/// snapshotted: `generated/` holds them, and `cargo xtask regen --check` diffs them.
fn snapshot(prefix: &str, out: &azgen::Output) {
    let list: Vec<&str> = out.files.keys().map(String::as_str).collect();
    insta::assert_snapshot!(format!("{prefix}-files"), list.join("\n"));
    let warnings: Vec<String> = out.warnings.iter().map(ToString::to_string).collect();
    insta::assert_snapshot!(format!("{prefix}-warnings"), warnings.join("\n"));
}

#[test]
fn acr_snapshot() {
    snapshot("acr", &acr());
}

#[test]
fn acr_tasks_snapshot() {
    snapshot("acr_tasks", &acr_tasks());
}

/// Whether `models` declares a type `name` (`pub struct|enum|type name`).
fn declares(models: &str, name: &str) -> bool {
    ["pub struct ", "pub enum ", "pub type "]
        .iter()
        .any(|item| {
            let needle = format!("{item}{name}");
            models.match_indices(&needle).any(|(i, _)| {
                !models[i + needle.len()..]
                    .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
            })
        })
}

/// The definitions of a spec file, by their own reading of the JSON.
fn definitions(path: &str) -> serde_json::Map<String, Value> {
    let spec: Value = serde_json::from_str(&read(path)).expect("the spec is JSON");
    spec["definitions"]
        .as_object()
        .expect("the spec has definitions")
        .clone()
}

/// Every definition of `path` has a type of its UpperCamelCase name in `models`; returns how many.
fn every_definition_has_a_type(path: &str, models: &str) -> usize {
    let definitions = definitions(path);
    let mut names: BTreeMap<String, &str> = BTreeMap::new();
    let mut missing = Vec::new();
    for wire in definitions.keys() {
        let name = sanitize(wire, Case::Type);
        if let Some(other) = names.insert(name.clone(), wire) {
            panic!("definitions `{other}` and `{wire}` both map to `{name}`");
        }
        if !declares(models, &name) {
            missing.push(format!("{wire} → {name}"));
        }
    }
    assert!(
        missing.is_empty(),
        "definitions without a type in src/models.rs:\n{}",
        missing.join("\n")
    );
    definitions.len()
}

#[test]
fn acr_every_definition_has_a_type() {
    let out = acr();
    let count = every_definition_has_a_type(ACR, &out.files["src/models.rs"]);
    println!("ACR: all {count} definitions have a type");
    assert_eq!(count, 138);
    assert!(out.stats.definitions >= count, "{:?}", out.stats);
}

#[test]
fn acr_tasks_every_definition_has_a_type() {
    let out = acr_tasks();
    let count = every_definition_has_a_type(ACR_TASKS, &out.files["src/models.rs"]);
    println!("ACR Tasks: all {count} definitions have a type");
    assert_eq!(count, 55);
}

/// The attributes right above `pub enum name {` (one `#[...]` per entry, joined across lines).
fn enum_attributes<'a>(models: &'a str, name: &str) -> Vec<&'a str> {
    let decl = format!("\npub enum {name} {{");
    let at = models
        .find(&decl)
        .unwrap_or_else(|| panic!("no `pub enum {name}`"));
    models[..at]
        .lines()
        .rev()
        .take_while(|l| !l.starts_with("///") && !l.starts_with('}') && !l.is_empty())
        .collect()
}

/// The body of `pub enum name { ... }`.
fn enum_body<'a>(models: &'a str, name: &str) -> &'a str {
    let decl = format!("\npub enum {name} {{");
    let start = models.find(&decl).expect("enum") + decl.len();
    let end = models[start..].find("\n}").expect("enum end") + start;
    &models[start..end]
}

#[test]
fn acr_tasks_discriminator_hierarchies() {
    let out = acr_tasks();
    let models = &out.files["src/models.rs"];
    let definitions = definitions(ACR_TASKS);
    for parent in [
        "RunRequest",
        "TaskStepProperties",
        "TaskStepUpdateParameters",
    ] {
        assert!(
            enum_attributes(models, parent).contains(&r#"#[serde(tag = "type")]"#),
            "`{parent}` is an enum tagged by `type`:\n{}",
            enum_attributes(models, parent).join("\n")
        );
        // Every child of the spec is a variant, under its discriminator value.
        let reference = format!("#/definitions/{parent}");
        let children: Vec<(&String, &Value)> = definitions
            .iter()
            .filter(|(_, d)| {
                d["allOf"]
                    .as_array()
                    .is_some_and(|all| all.iter().any(|s| s["$ref"] == reference.as_str()))
            })
            .collect();
        assert!(children.len() >= 3, "{parent} has children");
        let body = enum_body(models, parent);
        for (name, child) in children {
            let value = child["x-ms-discriminator-value"]
                .as_str()
                .unwrap_or(name.as_str());
            let variant = format!(
                "#[serde(rename = \"{value}\")]\n    {}(crate::models::{}),",
                sanitize(name, Case::Type),
                sanitize(name, Case::Type)
            );
            assert!(
                body.contains(&variant),
                "`{parent}` lacks\n{variant}\nin\n{body}"
            );
        }
    }
}

// Determinism: the same spec, with the keys of every object in another order,
// gives the same crate, byte for byte; and so does generating twice.

/// SplitMix64: a fixed-seed source of permutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// Writes `value` as JSON with the keys of every object in a random order
/// (arrays keep theirs: it means something). Counts the objects whose keys
/// came out in another order than sorted.
fn write_shuffled(
    value: &Value,
    rng: &mut Rng,
    indent: usize,
    out: &mut String,
    moved: &mut usize,
) {
    let pad = |n: usize| " ".repeat(n);
    match value {
        Value::Object(map) if !map.is_empty() => {
            let mut keys: Vec<&String> = map.keys().collect();
            rng.shuffle(&mut keys);
            if keys.windows(2).any(|w| w[0] > w[1]) {
                *moved += 1;
            }
            out.push_str("{\n");
            for (i, key) in keys.iter().enumerate() {
                out.push_str(&pad(indent + 3));
                out.push_str(&serde_json::to_string(key).expect("a string"));
                out.push_str(" : ");
                write_shuffled(&map[key.as_str()], rng, indent + 3, out, moved);
                out.push_str(if i + 1 < keys.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(indent));
            out.push('}');
        }
        Value::Array(items) if !items.is_empty() => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_shuffled(item, rng, indent, out, moved);
            }
            out.push(']');
        }
        // Scalars, `{}` and `[]`: serde_json writes them exactly.
        other => out.push_str(&serde_json::to_string(other).expect("JSON")),
    }
}

fn run(files: &BTreeMap<String, String>, entry: &str) -> azgen::Output {
    let source = MemorySource(files.clone());
    let spec = azgen::load(&[entry.to_string()], &source).unwrap_or_else(|e| panic!("{e}"));
    azgen::generate(&spec, &crate_settings("determinism"), &source)
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Equal file sets, or a panic naming the first differing line.
fn assert_same_files(what: &str, a: &BTreeMap<String, String>, b: &BTreeMap<String, String>) {
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "{what}: file lists"
    );
    for (path, text) in a {
        let other = &b[path];
        if text != other {
            let line = text
                .lines()
                .zip(other.lines())
                .position(|(x, y)| x != y)
                .unwrap_or_else(|| text.lines().count().min(other.lines().count()));
            panic!(
                "{what}: {path} differs from line {}:\n  {:?}\nvs\n  {:?}",
                line + 1,
                text.lines().nth(line),
                other.lines().nth(line)
            );
        }
    }
}

/// Warnings without their line and column (which move with the text).
fn warnings(out: &azgen::Output) -> Vec<(String, String, String)> {
    out.warnings
        .iter()
        .map(|w| {
            (
                w.location.file.clone(),
                w.location.pointer.clone(),
                w.message.clone(),
            )
        })
        .collect()
}

/// `files`: how many files the spec loads.
fn key_order_does_not_matter(entry: &str, files: usize, seed: u64) {
    // Every file the spec loads (the entry and the common types it refers to).
    let root = spec_root();
    let spec =
        azgen::load(&[entry.to_string()], &FsSource { root }).unwrap_or_else(|e| panic!("{e}"));
    let originals: BTreeMap<String, String> = spec
        .files
        .keys()
        .map(|path| (path.clone(), read(path)))
        .collect();
    assert_eq!(originals.len(), files, "{:?}", originals.keys());

    let mut rng = Rng(seed);
    let mut shuffled = BTreeMap::new();
    for (path, text) in &originals {
        let value: Value = serde_json::from_str(text).expect("JSON");
        let (mut out, mut moved) = (String::new(), 0);
        write_shuffled(&value, &mut rng, 0, &mut out, &mut moved);
        // The same document, in another order.
        assert_eq!(
            serde_json::from_str::<Value>(&out).expect("shuffled JSON"),
            value
        );
        assert!(moved > 10, "{path}: only {moved} objects were reordered");
        shuffled.insert(path.clone(), out);
    }

    let first = run(&originals, entry);
    let again = run(&originals, entry);
    assert_same_files("generating twice", &first.files, &again.files);
    assert_eq!(first.warnings, again.warnings);

    let reordered = run(&shuffled, entry);
    assert_same_files("keys shuffled", &first.files, &reordered.files);
    assert_eq!(warnings(&first), warnings(&reordered));
    assert_eq!(first.stats, reordered.stats);
}

#[test]
fn acr_key_order_does_not_matter() {
    // The spec and the common types it refers to.
    key_order_does_not_matter(ACR, 2, 0x5EED_0001);
}

#[test]
fn acr_tasks_key_order_does_not_matter() {
    key_order_does_not_matter(ACR_TASKS, 1, 0x5EED_0002);
}

#[test]
fn in_memory_and_disk_runs_agree() {
    let disk = acr();
    let originals: BTreeMap<String, String> = {
        let spec = azgen::load(&[ACR.to_string()], &FsSource { root: spec_root() })
            .unwrap_or_else(|e| panic!("{e}"));
        spec.files
            .keys()
            .map(|path| (path.clone(), read(path)))
            .collect()
    };
    let source = MemorySource(originals);
    let spec = azgen::load(&[ACR.to_string()], &source).unwrap_or_else(|e| panic!("{e}"));
    let memory = azgen::generate(&spec, &crate_settings("acr_mgmt"), &source)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_same_files("memory vs disk", &disk.files, &memory.files);
}
