//! Paths between spec files and JSON pointers into them (RFC 6901): shared by every
//! stage that names a place in a spec.

use serde_json::Value;

/// Lexically normalizes a `/`-separated path: `.` removed, `a/..` folded.
pub fn normalize(path: &str) -> String {
    let path = path.replace('\\', "/");
    let absolute = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if matches!(parts.last(), Some(last) if *last != "..") {
                    parts.pop();
                } else if !absolute {
                    parts.push("..");
                }
            }
            p => parts.push(p),
        }
    }
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

/// Resolves `reference` (a relative or absolute path) against the file `from`.
pub fn join(from: &str, reference: &str) -> String {
    if reference.starts_with('/') {
        return normalize(reference);
    }
    let dir = from.rsplit_once('/').map_or("", |(dir, _)| dir);
    if dir.is_empty() {
        normalize(reference)
    } else {
        normalize(&format!("{dir}/{reference}"))
    }
}

/// Splits a `$ref` into its file part and its fragment (pointer, without `#`).
pub fn split_ref(reference: &str) -> (&str, &str) {
    reference.split_once('#').unwrap_or((reference, ""))
}

/// Escapes one token for a JSON pointer (RFC 6901).
pub fn escape_token(token: &str) -> std::borrow::Cow<'_, str> {
    if token.contains(['~', '/']) {
        token.replace('~', "~0").replace('/', "~1").into()
    } else {
        token.into()
    }
}

/// Unescapes one JSON pointer token.
pub fn unescape_token(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// Looks a pointer up in a value.
pub fn lookup<'a>(value: &'a Value, pointer: &str) -> Option<&'a Value> {
    if pointer.is_empty() {
        return Some(value);
    }
    value.pointer(pointer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_and_join() {
        assert_eq!(normalize("a/./b/../c.json"), "a/c.json");
        assert_eq!(
            join("spec/x/y/main.json", "../../common/types.json"),
            "spec/common/types.json"
        );
        assert_eq!(join("main.json", "../types.json"), "../types.json");
        assert_eq!(join("/abs/main.json", "./t.json"), "/abs/t.json");
    }
}
