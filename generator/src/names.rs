//! Rust names from wire names: one sanitizer, and a table that settles collisions.

use std::collections::{BTreeMap, BTreeSet};

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
/// disappear into the case conversion, except between two digits, where a
/// type name keeps an `_`: `1.0` → `V1_0`); a leading digit gets a prefix (`V` for
/// types, `_` for values); an empty result becomes `Empty`/`empty`; a keyword
/// gets a `_` suffix (`type` → `type_`), which works for `self`, `Self` and
/// `crate` too, where raw identifiers do not.
pub fn sanitize(wire: &str, case: Case) -> String {
    // The same names come back again and again (`properties`, `resourceGroupName`, …),
    // and the case conversion costs thousands of instructions a name: each thread
    // remembers its answers.
    type Seen = std::cell::RefCell<[std::collections::HashMap<String, String>; 2]>;
    thread_local! {
        static SEEN: Seen = std::cell::RefCell::default();
    }
    let i = usize::from(case == Case::Type);
    SEEN.with(|seen| {
        let known = seen.borrow().get(i).and_then(|m| m.get(wire).cloned());
        known.unwrap_or_else(|| {
            let name = convert(wire, case);
            if let Some(m) = seen.borrow_mut().get_mut(i) {
                // Bounded, for long-lived callers fed endless names (the fuzzer).
                if m.len() >= 10_000 {
                    m.clear();
                }
                m.insert(wire.to_string(), name.clone());
            }
            name
        })
    })
}

fn convert(wire: &str, case: Case) -> String {
    // Split camel humps that heck would otherwise keep joined across separators,
    // and replace everything that is not ASCII alphanumeric with a separator.
    let cleaned: String = wire
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    let mut name = match case {
        // Word by word, so digits on both sides of a separator stay apart:
        // `1.0` → `V1_0`, not `V10` (which `10` would also give).
        Case::Type => {
            let mut out = String::new();
            for word in cleaned.split(' ').filter(|w| !w.is_empty()) {
                let word = word.to_upper_camel_case();
                if out.ends_with(|c: char| c.is_ascii_digit())
                    && word.starts_with(|c: char| c.is_ascii_digit())
                {
                    out.push('_');
                }
                out.push_str(&word);
            }
            out
        }
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

/// Whether `name` can be used as it is as an identifier of generated code (a
/// type, field or crate name): one identifier token, not a keyword, not raw.
/// Names from the settings are checked with this; derived ones come from
/// [`sanitize`] and always are.
pub fn is_identifier(name: &str) -> bool {
    !name.starts_with("r#") && syn::parse_str::<syn::Ident>(name).is_ok_and(|i| i == name)
}

/// `name` as one identifier token (keywords and raw identifiers included), if it is one.
pub(crate) fn parse_identifier(name: &str) -> Option<proc_macro2::Ident> {
    use syn::ext::IdentExt;
    use syn::parse::Parser;
    syn::Ident::parse_any
        .parse_str(name)
        .ok()
        .filter(|i| i == name)
}

/// Whether `name` is a Rust keyword.
pub fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

/// Hands out unique names in one namespace (a module's types, a struct's
/// fields, an enum's variants). The first claimant keeps a name; later ones get
/// the smallest free numeric suffix, and the collision is reported back so the
/// caller can warn: two wire names are never silently merged into one.
/// [`Namespace::claim_all`] settles who comes first by preference, not by order.
#[derive(Debug, Default, Clone)]
pub struct Namespace {
    taken: BTreeMap<String, String>,
    reserved: BTreeSet<String>,
}

/// A collision that [`Namespace::claim`] resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collision {
    pub wanted: String,
    pub given: String,
    /// The wire name that holds `wanted` (for a reserved name, why it is reserved).
    pub holder: String,
    /// Whether `wanted` was reserved (see [`Namespace::reserve`]) rather than claimed.
    pub reserved: bool,
}

/// One name to claim in [`Namespace::claim_all`].
#[derive(Debug, Clone)]
pub struct Claim {
    pub wanted: String,
    pub wire: String,
    /// Chosen by someone (settings, `x-ms-client-name`, an x-ms-enum value's `name`) rather than derived.
    pub explicit: bool,
}

impl Claim {
    /// How strongly this claim holds on to its name: explicit names first, then wire
    /// names that already are the Rust name (`foo_bar` before `fooBar` for `foo_bar`,
    /// `Foo` before `FOO_` for `Foo`, `self` before `Self` for `self_`), then the rest.
    fn rank(&self) -> u8 {
        if self.explicit {
            0
        } else if self.wanted == self.wire || self.wanted.strip_suffix('_') == Some(&self.wire) {
            1
        } else {
            2
        }
    }
}

impl Namespace {
    pub fn new() -> Self {
        Self::default()
    }

    /// Reserves a name no wire name may take (e.g. `UnknownValue` in an extensible enum).
    pub fn reserve(&mut self, name: &str, why: &str) {
        self.taken.insert(name.to_string(), why.to_string());
        self.reserved.insert(name.to_string());
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
        let reserved = self.reserved.contains(&wanted);
        (
            given.clone(),
            Some(Collision {
                wanted,
                given,
                holder,
                reserved,
            }),
        )
    }

    /// Claims names for several wire names at once, in order of preference (see
    /// [`Claim`]; ties keep the order given), so which wire name keeps a contested
    /// name does not depend on how the spec happens to order them. Results are in
    /// the order given.
    pub fn claim_all(&mut self, claims: &[Claim]) -> Vec<(String, Option<Collision>)> {
        let mut order: Vec<(usize, &Claim)> = claims.iter().enumerate().collect();
        // Stable: ties keep the order given.
        order.sort_by_key(|(_, c)| c.rank());
        let mut given: Vec<(usize, (String, Option<Collision>))> = order
            .into_iter()
            .map(|(i, c)| (i, self.claim(c.wanted.clone(), &c.wire)))
            .collect();
        given.sort_by_key(|(i, _)| *i);
        given.into_iter().map(|(_, g)| g).collect()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
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
        assert_eq!(sanitize("2019-04-01", Case::Type), "V2019_04_01");
        assert_eq!(sanitize("1.0", Case::Type), "V1_0");
        assert_eq!(sanitize("tls-1.3", Case::Type), "Tls1_3");
        assert_eq!(sanitize("v2.preview", Case::Type), "V2Preview");
        assert_eq!(sanitize("Standard_v2", Case::Type), "StandardV2");
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

    #[test]
    fn claim_all_prefers_explicit_then_verbatim() {
        let claim = |wanted: &str, wire: &str, explicit| Claim {
            wanted: wanted.into(),
            wire: wire.into(),
            explicit,
        };
        let mut ns = Namespace::new();
        let given: Vec<String> = ns
            .claim_all(&[
                claim("Foo", "FOO_", false),
                claim("Foo", "Foo", false),
                claim("Foo", "foo", false),
            ])
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        assert_eq!(given, ["Foo2", "Foo", "Foo3"]);
        let mut ns = Namespace::new();
        let given: Vec<(String, Option<Collision>)> = ns.claim_all(&[
            claim("self_", "Self", false),
            claim("self_", "self", false),
            claim("self_", "me", true),
        ]);
        assert_eq!(given[2].0, "self_");
        assert_eq!(given[1].0, "self_2");
        assert_eq!(given[0].0, "self_3");
        assert_eq!(given[0].1.as_ref().map(|c| c.holder.as_str()), Some("me"));
    }

    #[test]
    fn identifiers() {
        for name in ["Foo", "foo_bar", "_x", "Größe", "union", "Foo2"] {
            assert!(is_identifier(name), "{name}");
        }
        for name in [
            "", "_", "type", "Self", "r#type", "a b", "1a", " a", "a-b", "a // b", "a::b",
        ] {
            assert!(!is_identifier(name), "{name}");
        }
    }

    #[test]
    fn reserved_names_are_reported_as_such() {
        let mut ns = Namespace::new();
        ns.reserve("UnknownValue", "the catch-all variant");
        let (given, collision) = ns.claim("UnknownValue".into(), "UnknownValue");
        assert_eq!(given, "UnknownValue2");
        assert!(collision.is_some_and(|c| c.reserved));
    }
}
