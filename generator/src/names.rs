//! Rust names from wire names: one sanitizer, and a table that settles collisions.

use std::collections::BTreeMap;

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Every Rust keyword, strict and reserved (2021 edition).
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "gen", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield", "union",
];

/// What kind of item a name is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// Types and enum variants: `UpperCamelCase`.
    Type,
    /// Fields, methods, modules: `snake_case`.
    Value,
}

/// Turns any wire string into a valid, ASCII Rust identifier of the given case.
///
/// Characters that cannot appear in an identifier become word breaks (and so
/// disappear into the case conversion); a leading digit gets a prefix (`V` for
/// types, `_` for values); an empty result becomes `Empty`/`empty`; a keyword
/// gets a `_` suffix (`type` → `type_`), which works for `self`, `Self` and
/// `crate` too, where raw identifiers do not.
pub fn sanitize(wire: &str, case: Case) -> String {
    // Split camel humps that heck would otherwise keep joined across separators,
    // and replace everything that is not ASCII alphanumeric with a separator.
    let cleaned: String = wire
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    let mut name = match case {
        Case::Type => cleaned.to_upper_camel_case(),
        Case::Value => cleaned.to_snake_case(),
    };
    if name.is_empty() {
        name = match case {
            Case::Type => "Empty".to_string(),
            Case::Value => "empty".to_string(),
        };
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name = match case {
            Case::Type => format!("V{name}"),
            Case::Value => format!("_{name}"),
        };
    }
    if KEYWORDS.contains(&name.as_str()) {
        name.push('_');
    }
    name
}

/// Whether `name` is a Rust keyword.
pub fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

/// Hands out unique names in one namespace (a module's types, a struct's
/// fields, an enum's variants). The first claimant keeps a name; later ones get
/// the smallest free numeric suffix, and the collision is reported back so the
/// caller can warn: two wire names are never silently merged into one.
#[derive(Debug, Default, Clone)]
pub struct Namespace {
    taken: BTreeMap<String, String>,
}

/// A collision that [`Namespace::claim`] resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collision {
    pub wanted: String,
    pub given: String,
    /// The wire name that holds `wanted`.
    pub holder: String,
}

impl Namespace {
    pub fn new() -> Self {
        Self::default()
    }

    /// Reserves a name no wire name may take (e.g. `UnknownValue` in an extensible enum).
    pub fn reserve(&mut self, name: &str, why: &str) {
        self.taken.insert(name.to_string(), why.to_string());
    }

    /// Claims `wanted` for `wire`; returns the name given and, if it differs, the collision.
    pub fn claim(&mut self, wanted: String, wire: &str) -> (String, Option<Collision>) {
        let Some(holder) = self.taken.get(&wanted).cloned() else {
            self.taken.insert(wanted.clone(), wire.to_string());
            return (wanted, None);
        };
        let mut n = 2;
        let given = loop {
            let candidate = format!("{wanted}{n}");
            if !self.taken.contains_key(&candidate) {
                break candidate;
            }
            n += 1;
        };
        self.taken.insert(given.clone(), wire.to_string());
        (
            given.clone(),
            Some(Collision {
                wanted,
                given,
                holder,
            }),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitizes() {
        assert_eq!(sanitize("type", Case::Value), "type_");
        assert_eq!(sanitize("self", Case::Value), "self_");
        assert_eq!(sanitize("Self", Case::Type), "Self_");
        assert_eq!(sanitize("crate", Case::Value), "crate_");
        assert_eq!(sanitize("r#type", Case::Value), "r_type");
        assert_eq!(sanitize("@odata.type", Case::Value), "odata_type");
        assert_eq!(sanitize("2019-04-01", Case::Type), "V20190401");
        assert_eq!(sanitize("1st", Case::Value), "_1st");
        assert_eq!(sanitize("Standard_LRS", Case::Type), "StandardLrs");
        assert_eq!(
            sanitize("IPAddressOrRange", Case::Value),
            "ip_address_or_range"
        );
        assert_eq!(sanitize("", Case::Type), "Empty");
        assert_eq!(sanitize("größe", Case::Value), "gr_e");
        assert_eq!(sanitize("x-ms-client-name", Case::Type), "XMsClientName");
    }

    #[test]
    fn collisions_get_suffixes() {
        let mut ns = Namespace::new();
        assert_eq!(ns.claim("Foo".into(), "Foo").0, "Foo");
        let (given, collision) = ns.claim("Foo".into(), "foo");
        assert_eq!(given, "Foo2");
        assert_eq!(collision.map(|c| c.holder), Some("Foo".to_string()));
    }
}
