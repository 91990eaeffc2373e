//! Which model fields may hold a secret, so that the models' `Debug` hides them: the
//! rule, written once.
//!
//! - `x-ms-secret: true`, and the fields the settings list (`secrets`), are `Secret<T>`
//!   already: their type hides them.
//! - A string, bytes, map or list field whose last name word says secret (password,
//!   passwd, pwd, secret, token, key, signature, credential, sas, each also plural, or
//!   the name ends in "connection string") shows `<redacted>` for its value:
//!   `adminPassword`, `primaryKey`, `sasToken`, `connectionString`.
//! - So does `value` (or `values`) in a model whose own name has such a word: the
//!   `value` of `RegistryPassword`, of Key Vault's `SecretBundle`.
//! - A `headers` map (`customHeaders`): headers carry credentials.
//! - A string field whose last word is `uri` or `url` shows its URL without the query
//!   (`serviceUri`: a SAS signature or key goes in the query).
//!
//! Words come from the wire name split at case changes, digits and separators
//! (`adminUserPassword` → admin, user, password). Models themselves (nested structs,
//! enums, unions) are never hidden whole: their own fields follow the rule.

use crate::ir::{Prim, Redact, TypeKind, TypeRef, TypeSpace};

/// Last words that say a value is a secret.
const SECRET_WORDS: &[&str] = &[
    "password",
    "passwords",
    "passwd",
    "pwd",
    "secret",
    "secrets",
    "token",
    "tokens",
    "key",
    "keys",
    "signature",
    "signatures",
    "credential",
    "credentials",
    "sas",
];

/// Sets [`Redact`] on every field of every struct of `space` by the rule above.
pub fn apply(space: &mut TypeSpace) {
    let kinds: Vec<Option<Kind>> = (0..space.types.len())
        .map(|i| match space.types.get(i).map(|t| &t.kind) {
            Some(TypeKind::Alias(target)) => kind(target),
            _ => None,
        })
        .collect();
    for t in &mut space.types {
        let model_says_secret = words(&t.name)
            .iter()
            .any(|w| SECRET_WORDS.contains(&w.as_str()));
        let TypeKind::Struct(s) = &mut t.kind else {
            continue;
        };
        for f in &mut s.fields {
            if f.secret {
                continue;
            }
            let ty = match &f.ty {
                TypeRef::Named(id) => kinds.get(id.0).copied().flatten(),
                ty => kind(ty),
            };
            f.redact = redaction(&f.wire_name, ty, model_says_secret);
        }
    }
}

/// The shape of a field's type, as far as the rule cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A string.
    Text,
    /// Bytes, a list (of anything but models: see `kind`), any JSON value.
    Collection,
    /// A map (of anything but models).
    Map,
}

fn kind(ty: &TypeRef) -> Option<Kind> {
    match ty {
        TypeRef::Prim(Prim::String) => Some(Kind::Text),
        TypeRef::Prim(Prim::Bytes) => Some(Kind::Collection),
        TypeRef::Map(inner) if !matches!(**inner, TypeRef::Named(_)) => Some(Kind::Map),
        TypeRef::Vec(inner) if !matches!(**inner, TypeRef::Named(_)) => Some(Kind::Collection),
        TypeRef::Any => Some(Kind::Collection),
        _ => None,
    }
}

/// What the rule hides of a field named `wire` of type kind `ty`.
fn redaction(wire: &str, ty: Option<Kind>, model_says_secret: bool) -> Redact {
    let Some(ty) = ty else {
        return Redact::Nothing;
    };
    let words = words(wire);
    let last = words.last().map(String::as_str).unwrap_or_default();
    let value_of_secret = model_says_secret && matches!(last, "value" | "values");
    let headers = last == "headers" && ty == Kind::Map;
    if says_secret(&words) || value_of_secret || headers {
        return Redact::Value;
    }
    match (last, ty) {
        ("uri" | "url", Kind::Text) => Redact::Query,
        _ => Redact::Nothing,
    }
}

fn says_secret(words: &[String]) -> bool {
    match words {
        [.., a, b] if a == "connection" && b == "string" => true,
        [.., last] => SECRET_WORDS.contains(&last.as_str()),
        [] => false,
    }
}

/// The words of a name, lower-case: split at separators, digits and case changes
/// (`sasURL2` → sas, url).
fn words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = name.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_ascii_alphabetic() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            continue;
        }
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        let starts_word = c.is_ascii_uppercase()
            && (prev.is_some_and(|p| p.is_ascii_lowercase())
                || (prev.is_some_and(|p| p.is_ascii_uppercase())
                    && next.is_some_and(|n| n.is_ascii_lowercase())));
        if starts_word && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        current.push(c.to_ascii_lowercase());
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hidden(wire: &str, ty: Kind) -> Redact {
        redaction(wire, Some(ty), false)
    }

    #[test]
    fn splits_names_into_words() {
        assert_eq!(words("adminUserPassword"), ["admin", "user", "password"]);
        assert_eq!(words("SASToken"), ["sas", "token"]);
        assert_eq!(words("connection_string2"), ["connection", "string"]);
        assert_eq!(words("serviceURI"), ["service", "uri"]);
    }

    #[test]
    fn names_that_say_secret_are_hidden() {
        for wire in [
            "password",
            "adminPassword",
            "primaryKey",
            "accessKeys",
            "sasToken",
            "clientSecret",
            "connectionString",
            "signature",
            "credentials",
            "pwd",
        ] {
            assert_eq!(hidden(wire, Kind::Text), Redact::Value, "{wire}");
        }
        assert_eq!(hidden("customHeaders", Kind::Map), Redact::Value);
        assert_eq!(redaction("value", Some(Kind::Text), true), Redact::Value);
    }

    #[test]
    fn other_names_and_types_are_shown() {
        for wire in [
            "tokenName",
            "keyVaultUri2",
            "name",
            "keyId",
            "passwordCount",
            "value",
        ] {
            assert_ne!(hidden(wire, Kind::Text), Redact::Value, "{wire}");
        }
        // Not a string: an enum, a number, a model.
        assert_eq!(redaction("password", None, false), Redact::Nothing);
        assert_eq!(hidden("customHeaders", Kind::Text), Redact::Nothing);
    }

    #[test]
    fn urls_lose_their_query() {
        assert_eq!(hidden("serviceUri", Kind::Text), Redact::Query);
        assert_eq!(hidden("blobSasUrl", Kind::Text), Redact::Query);
        assert_eq!(hidden("serviceUri", Kind::Map), Redact::Nothing);
    }
}
