//! Parameter checks before a request is sent (`pattern`, lengths, bounds), path and
//! query encoding, and the text formats of date parameters.

use std::sync::{Mutex, OnceLock};

use azure_core::error::ErrorKind;
use azure_core::http::Url;
use azure_core::{Error, Result};

const PATH_SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');
/// `x-ms-skip-url-encoding`: the value is taken as URL text (a resource ID, a next
/// link with its query), so only what cannot stand in a URL is encoded.
const RAW_PATH: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'<')
    .add(b'>')
    .add(b'\\')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// One path parameter, encoded; `raw` keeps `/` (the value is a path, such as a
/// resource ID). Empty values and `.`/`..` segments are refused: no encoding stops
/// a URL parser from resolving them.
pub(crate) fn encode_path_value(name: &str, value: &str, raw: bool) -> Result<String> {
    if value.is_empty() {
        return Err(invalid(name, "must not be empty"));
    }
    let dot_segment = |s: &str| s == "." || s == "..";
    let path_part = value.split(['?', '#']).next().unwrap_or_default();
    if (raw && path_part.split('/').any(dot_segment)) || dot_segment(value) {
        return Err(invalid(name, "must not be `.` or `..`"));
    }
    let set = if raw { RAW_PATH } else { PATH_SEGMENT };
    Ok(percent_encoding::utf8_percent_encode(value, set).to_string())
}

/// The error of an argument the client refused before sending anything: the
/// parameter (its wire name) and the rule it breaks, never the value. It is the source
/// of an `azure_core::Error` of kind `Other`
/// (`error.downcast_ref::<InvalidArgument>()`): azure_core has no kind for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidArgument {
    /// The parameter's wire name.
    pub parameter: String,
    /// The rule the value breaks (`must be at least 5 characters long (it is 3)`).
    pub rule: String,
}

impl std::fmt::Display for InvalidArgument {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "parameter `{}` {}", self.parameter, self.rule)
    }
}

impl std::error::Error for InvalidArgument {}

pub(crate) fn invalid(name: &str, message: &str) -> Error {
    Error::new(
        ErrorKind::Other,
        InvalidArgument {
            parameter: name.to_string(),
            rule: message.to_string(),
        },
    )
}

/// A string parameter's constraints from the spec, checked before any request is sent.
/// The error names the parameter and the rule, never the value.
#[derive(Clone, Copy, Debug)]
pub struct Check {
    pub name: &'static str,
    pub min_length: Option<usize>,
    pub max_length: Option<usize>,
    pub pattern: Option<&'static str>,
}

impl Check {
    pub fn check(&self, value: &str) -> Result<()> {
        let (name, len) = (self.name, value.chars().count());
        if let Some(min) = self.min_length.filter(|min| len < *min) {
            return Err(invalid(
                name,
                &format!("must be at least {min} characters long (it is {len})"),
            ));
        }
        if let Some(max) = self.max_length.filter(|max| len > *max) {
            return Err(invalid(
                name,
                &format!("must be at most {max} characters long (it is {len})"),
            ));
        }
        if let Some(pattern) = self.pattern {
            if !regex(pattern)?.is_match(value) {
                return Err(invalid(name, &format!("must match `{pattern}`")));
            }
        }
        Ok(())
    }
}

/// Checks a number parameter against the spec's `minimum`/`maximum`.
pub fn check_number(
    name: &str,
    value: f64,
    minimum: Option<f64>,
    maximum: Option<f64>,
) -> Result<()> {
    if minimum.is_some_and(|min| value < min) || maximum.is_some_and(|max| value > max) {
        let range = format!(
            "{}..={}",
            minimum.map_or(String::new(), |m| m.to_string()),
            maximum.map_or(String::new(), |m| m.to_string())
        );
        return Err(invalid(name, &format!("must be in {range}")));
    }
    Ok(())
}

/// Compiled patterns, each compiled once.
pub(crate) fn regex(pattern: &str) -> Result<regex_lite::Regex> {
    static CACHE: OnceLock<Mutex<Vec<(String, regex_lite::Regex)>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(Vec::new()));
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, re)) = cache.iter().find(|(p, _)| p == pattern) {
        return Ok(re.clone());
    }
    let re = regex_lite::Regex::new(pattern).map_err(|e| {
        Error::with_message(
            ErrorKind::Other,
            format!("the spec's pattern `{pattern}` does not compile: {e}"),
        )
    })?;
    cache.push((pattern.to_string(), re.clone()));
    Ok(re)
}

/// A `date-time-rfc1123` parameter as sent on the wire.
pub fn format_rfc1123(value: &time::OffsetDateTime) -> Result<String> {
    crate::codec::format_rfc1123(value).map_err(|e| {
        Error::with_message(
            ErrorKind::DataConversion,
            format!("cannot format a date-time: {e}"),
        )
    })
}

/// A date-time parameter as sent on the wire (RFC 3339).
pub fn format_rfc3339(value: &time::OffsetDateTime) -> Result<String> {
    value
        .format(&time::format_description::well_known::Rfc3339)
        .map_err(|e| {
            Error::with_message(
                ErrorKind::DataConversion,
                format!("cannot format a date-time: {e}"),
            )
        })
}

/// A `byte` parameter as sent on the wire (base64, with padding).
pub fn format_base64(value: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(value)
}

/// Appends a query parameter.
pub fn query(url: &mut Url, name: &str, value: &str) {
    url.query_pairs_mut().append_pair(name, value);
}

/// A query parameter taken as URL text (`x-ms-skip-url-encoding`: its `&` and `=` are
/// the caller's), only what cannot stand in a URL encoded.
pub fn query_raw(url: &mut Url, name: &str, value: &str) {
    let pair = format!(
        "{}={}",
        percent_encoding::utf8_percent_encode(name, PATH_SEGMENT),
        percent_encoding::utf8_percent_encode(value, RAW_PATH)
    );
    let query = match url.query() {
        Some(q) if !q.is_empty() => format!("{q}&{pair}"),
        _ => pair,
    };
    url.set_query(Some(&query));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_values_cannot_change_the_path() {
        assert_eq!(encode_path_value("n", "a b/c", false).unwrap(), "a%20b%2Fc");
        assert_eq!(
            encode_path_value("n", "a-b_c.d~e", false).unwrap(),
            "a-b_c.d~e"
        );
        // A resource ID keeps its slashes, but not a dot segment.
        assert_eq!(
            encode_path_value("id", "subscriptions/s 1/rg", true).unwrap(),
            "subscriptions/s%201/rg"
        );
        for (value, raw) in [("..", false), (".", false), ("a/../b", true), ("", false)] {
            let e = encode_path_value("n", value, raw).unwrap_err();
            assert!(
                e.to_string().starts_with("parameter `n` must not be"),
                "{e}"
            );
        }
    }

    #[test]
    fn checks_name_the_rule_not_the_value() {
        let check = Check {
            name: "registryName",
            min_length: Some(5),
            max_length: Some(50),
            pattern: Some("^[a-zA-Z0-9]*$"),
        };
        assert!(check.check("myregistry").is_ok());
        let short = check.check("abc").unwrap_err().to_string();
        assert_eq!(
            short,
            "parameter `registryName` must be at least 5 characters long (it is 3)"
        );
        let bad = check.check("my-secret-value").unwrap_err().to_string();
        assert_eq!(bad, "parameter `registryName` must match `^[a-zA-Z0-9]*$`");
        assert!(!bad.contains("my-secret-value"));
        // Lengths count characters, not bytes.
        assert!(check.check("ééééé").is_err());
        assert!(check_number("count", 3.0, Some(1.0), Some(3.0)).is_ok());
        let e = check_number("count", 0.0, Some(1.0), None).unwrap_err();
        assert_eq!(e.to_string(), "parameter `count` must be in 1..=");
    }

    #[test]
    fn a_pattern_that_does_not_compile_is_an_error() {
        let check = Check {
            name: "n",
            min_length: None,
            max_length: None,
            pattern: Some("(unclosed"),
        };
        assert!(check.check("x").is_err());
    }

    #[test]
    fn raw_query_values_keep_their_separators() {
        let mut url = Url::parse("https://h/p?api-version=1").unwrap();
        query(&mut url, "a b", "c&d");
        query_raw(&mut url, "filter", "x eq 'y'&$top=1");
        assert_eq!(
            url.as_str(),
            "https://h/p?api-version=1&a+b=c%26d&filter=x%20eq%20%27y%27&$top=1"
        );
    }
}
