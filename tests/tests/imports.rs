//! The generator's import graph has no cycles: a stage (`input`, `lower`, `ir`, `emit`,
//! ...) only uses the stages before it, and within a stage no two modules use each
//! other, directly or around a loop.
//!
//! The graph is read from the source: every `crate::..` and `super::..` path in a
//! module's file (comments and string literals left out) is an edge to the module it
//! names. `lib.rs`, which runs the stages in order, is no stage; a path to one of its
//! re-exports (`crate::Error`) is an edge to the module the item comes from. A module's
//! paths into its own submodules (a folder's `mod.rs` re-exporting its parts) are not
//! edges: submodules may use what their parent shares.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use azgen_tests::workspace;

/// A module path, `["lower", "types"]`; the crate root is `[]`.
type Module = Vec<String>;

fn source_root() -> PathBuf {
    workspace().join("generator/src")
}

/// Every module file of the library (not the binary, not the templates copied into crates).
fn modules(root: &Path) -> BTreeMap<Module, String> {
    let mut out = BTreeMap::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("read_dir") {
            let path = entry.expect("entry").path();
            let rel = path.strip_prefix(root).expect("below the root");
            let first = rel
                .components()
                .next()
                .map(|c| c.as_os_str().to_string_lossy());
            if matches!(first.as_deref(), Some("bin" | "templates")) {
                continue;
            }
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let mut module: Module = rel
                    .with_extension("")
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().to_string())
                    .collect();
                if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
                    module.pop();
                }
                let text = std::fs::read_to_string(&path).expect("read");
                out.insert(module, strip(&text));
            }
        }
    }
    out
}

/// The text without comments, string and char literals (so that docs and generated
/// code held in strings are not read as paths).
fn strip(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
            }
            'r' if matches!(chars.peek(), Some('"' | '#')) => {
                let mut hashes = 0;
                while chars.peek() == Some(&'#') {
                    chars.next();
                    hashes += 1;
                }
                if chars.next() != Some('"') {
                    continue;
                }
                let mut run: Option<usize> = None;
                for c in chars.by_ref() {
                    run = match (c, run) {
                        ('"', _) => Some(0),
                        ('#', Some(n)) => Some(n + 1),
                        _ => None,
                    };
                    if run == Some(hashes) {
                        break;
                    }
                }
                out.push_str("\"\"");
            }
            '"' => {
                let mut escaped = false;
                for c in chars.by_ref() {
                    match (c, escaped) {
                        ('"', false) => break,
                        ('\\', false) => escaped = true,
                        _ => escaped = false,
                    }
                }
                out.push_str("\"\"");
            }
            '\'' => {
                // A char literal ('x', '\n', '\u{..}'), else a lifetime.
                let rest: String = chars.clone().take(12).collect();
                let end = if rest.starts_with('\\') {
                    rest.find('\'').filter(|&i| i > 0)
                } else {
                    rest.chars()
                        .nth(1)
                        .filter(|&c| c == '\'')
                        .map(|_| rest.chars().next().map_or(1, char::len_utf8))
                };
                match end {
                    Some(i) => {
                        let skip = rest[..i].chars().count() + 1;
                        for _ in 0..skip {
                            chars.next();
                        }
                        out.push_str("' '");
                    }
                    None => out.push('\''),
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// The paths a module's text names: `crate::a::b` as `[a, b]` from the root,
/// `super::a` from the parent, and each `use x::{a, b::c}` group expanded.
fn paths(module: &Module, text: &str) -> Vec<Module> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    for start in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(i) = text[from..].find(start) {
            let at = from + i;
            from = at + start.len();
            let before = at.checked_sub(1).map(|j| bytes[j]);
            if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$') {
                continue;
            }
            let base: Module = match start {
                "crate::" => Vec::new(),
                _ => module[..module.len().saturating_sub(1)].to_vec(),
            };
            for tail in expand(&text[from..]) {
                let mut path = base.clone();
                path.extend(tail);
                found.push(path);
            }
        }
    }
    found
}

/// The segments after a `crate::`: one path, or each path of a `{..}` group.
fn expand(rest: &str) -> Vec<Vec<String>> {
    let mut segments = Vec::new();
    let mut s = rest;
    loop {
        let ident: String = s
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if ident.is_empty() {
            break;
        }
        s = &s[ident.len()..];
        segments.push(ident);
        match s.strip_prefix("::") {
            Some(next) => s = next,
            None => return vec![segments],
        }
    }
    let Some(group) = s.strip_prefix('{') else {
        return vec![segments];
    };
    let mut depth = 1;
    let mut end = group.len();
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    end = i;
                    break;
                }
            }
            _ => {}
        }
    }
    let inner = &group[..end];
    let mut parts = Vec::new();
    let (mut depth, mut last) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[last..i]);
                last = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[last..]);
    let mut out = Vec::new();
    for part in parts {
        for tail in expand(part.trim()) {
            let mut path = segments.clone();
            path.extend(tail);
            out.push(path);
        }
    }
    if out.is_empty() {
        out.push(segments);
    }
    out
}

/// The root's re-exports: item name → the module it comes from (`pub use a::b::{X, Y}`).
fn root_exports(root_text: &str, known: &BTreeSet<Module>) -> BTreeMap<String, Module> {
    let mut out = BTreeMap::new();
    for line in root_text.lines() {
        let Some(rest) = line.trim().strip_prefix("pub use ") else {
            continue;
        };
        for path in expand(rest.trim_end_matches(';')) {
            if let Some((item, module)) = path.split_last() {
                let module = longest_module(module, known);
                out.insert(item.clone(), module);
            }
        }
    }
    out
}

/// The longest prefix of `path` that is a module.
fn longest_module(path: &[String], known: &BTreeSet<Module>) -> Module {
    (0..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|m| known.contains(m))
        .unwrap_or_default()
}

/// Module → the modules it uses (itself, its submodules and the root left out).
fn graph() -> BTreeMap<Module, BTreeSet<Module>> {
    graph_of(|text| text)
}

/// A module's code without its unit tests (which may drive the whole pipeline).
fn without_tests(text: &str) -> &str {
    text.split("#[cfg(test)]").next().unwrap_or(text)
}

/// [`graph`], reading `code(text)` of each module.
fn graph_of(code: fn(&str) -> &str) -> BTreeMap<Module, BTreeSet<Module>> {
    let sources = modules(&source_root());
    let known: BTreeSet<Module> = sources.keys().cloned().collect();
    let exports = root_exports(sources.get(&Vec::new()).expect("lib.rs"), &known);
    let mut graph = BTreeMap::new();
    for (module, text) in &sources {
        if module.is_empty() {
            continue;
        }
        let mut uses = BTreeSet::new();
        for path in paths(module, code(text)) {
            let mut target = longest_module(&path, &known);
            if target.is_empty() {
                match path.first().and_then(|item| exports.get(item)) {
                    Some(m) => target = m.clone(),
                    None => continue,
                }
            }
            if target.is_empty() || target.starts_with(module) {
                continue;
            }
            uses.insert(target);
        }
        graph.insert(module.clone(), uses);
    }
    graph
}

/// A cycle of `graph`, if it has one.
fn find_cycle(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Option<Vec<Module>> {
    fn visit(
        node: &Module,
        graph: &BTreeMap<Module, BTreeSet<Module>>,
        stack: &mut Vec<Module>,
        done: &mut BTreeSet<Module>,
    ) -> Option<Vec<Module>> {
        if let Some(i) = stack.iter().position(|m| m == node) {
            let mut cycle = stack[i..].to_vec();
            cycle.push(node.clone());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.insert(node.clone());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(cycle) = visit(node, graph, &mut Vec::new(), &mut done) {
            return Some(cycle);
        }
    }
    None
}

fn show(cycle: &[Module]) -> String {
    cycle
        .iter()
        .map(|m| m.join("::"))
        .collect::<Vec<_>>()
        .join(" → ")
}

#[test]
fn no_module_uses_one_that_uses_it() {
    let graph = graph();
    assert!(graph.len() > 10, "the modules were not found: {graph:?}");
    if let Some(cycle) = find_cycle(&graph) {
        panic!("import cycle: {}", show(&cycle));
    }
}

#[test]
fn no_stage_uses_a_later_one() {
    let mut stages: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (module, uses) in graph() {
        let stage = module[..1].to_vec();
        let entry = stages.entry(stage.clone()).or_default();
        entry.extend(
            uses.into_iter()
                .map(|m| m[..1].to_vec())
                .filter(|m| *m != stage),
        );
    }
    if let Some(cycle) = find_cycle(&stages) {
        panic!("stages in a cycle: {}", show(&cycle));
    }
}

/// Emission reads only the intermediate form: no module under `emit/` uses `input`
/// (the documents, the `SourceProvider`) or `lower`, nor names openapiv3 (its unit
/// tests, which run the whole pipeline on small specs, aside).
#[test]
fn emission_reads_only_the_intermediate_form() {
    let graph = graph_of(without_tests);
    let mut wrong = Vec::new();
    for (module, uses) in &graph {
        if module.first().map(String::as_str) != Some("emit") {
            continue;
        }
        for used in uses {
            if matches!(used.first().map(String::as_str), Some("input" | "lower")) {
                wrong.push(format!("{} uses {}", module.join("::"), used.join("::")));
            }
        }
    }
    for (module, text) in modules(&source_root()) {
        if module.first().map(String::as_str) == Some("emit") && strip(&text).contains("openapiv3")
        {
            wrong.push(format!("{} names openapiv3", module.join("::")));
        }
    }
    assert!(graph
        .keys()
        .any(|m| m.first().map(String::as_str) == Some("emit")));
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The checker itself: a cycle in a small tree is found, and what is in comments and
/// strings is not read.
#[test]
fn the_checker_finds_cycles_and_ignores_text() {
    let module = vec!["emit".to_string(), "client".to_string()];
    let text = strip(
        "use crate::ir::{Client, ops::{Operation, Param}};\n// crate::lower::x\nlet s = \"crate::input\";\nsuper::print::lit('x');",
    );
    let found = paths(&module, &text);
    let shown: Vec<String> = found.iter().map(|p| p.join("::")).collect();
    assert_eq!(
        shown,
        [
            "ir::Client",
            "ir::ops::Operation",
            "ir::ops::Param",
            "emit::print::lit"
        ]
    );
    let m = |s: &str| s.split("::").map(str::to_string).collect::<Module>();
    let mut graph = BTreeMap::new();
    graph.insert(m("a"), BTreeSet::from([m("b")]));
    graph.insert(m("b"), BTreeSet::from([m("c")]));
    graph.insert(m("c"), BTreeSet::new());
    assert_eq!(find_cycle(&graph), None);
    graph.insert(m("c"), BTreeSet::from([m("a")]));
    assert_eq!(show(&find_cycle(&graph).expect("a cycle")), "a → b → c → a");
}
