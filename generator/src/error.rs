//! The generator's one error type and its warnings.
//!
//! Every error carries where it happened: the file, the JSON pointer inside
//! it, and the line and column when the source text is available.

use std::fmt;

/// Where in the input a problem sits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Location {
    /// The file, as the loader named it (relative to the spec root when there is one).
    pub file: String,
    /// RFC 6901 JSON pointer into the file, `""` for the whole document.
    pub pointer: String,
    /// 1-based line and column, where known.
    pub line_col: Option<(usize, usize)>,
}

impl Location {
    pub fn new(file: impl Into<String>, pointer: impl Into<String>) -> Self {
        Location {
            file: file.into(),
            pointer: pointer.into(),
            line_col: None,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line_col {
            Some((line, col)) => write!(f, "{}:{}:{}", one_line(&self.file), line, col)?,
            None => write!(f, "{}", one_line(&self.file))?,
        }
        write!(f, ": #{}", one_line(&self.pointer))
    }
}

/// `s` with control characters escaped (`\n`, `\u{7}`): a spec's keys and names
/// reach error messages, and each error must stay one line.
pub(crate) fn one_line(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// What went wrong, with where.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    #[error("{location}: cannot read file: {}", one_line(.message))]
    Read { location: Location, message: String },
    #[error("{location}: malformed {format}: {}", one_line(.message))]
    Parse {
        location: Location,
        format: &'static str,
        message: String,
    },
    #[error("{location}: unsupported document version: {}", one_line(.message))]
    Version { location: Location, message: String },
    #[error("{location}: unresolved $ref `{}`: {}", one_line(.reference), one_line(.message))]
    Reference {
        location: Location,
        reference: String,
        message: String,
    },
    #[error("{location}: invalid spec: {}", one_line(.message))]
    Invalid { location: Location, message: String },
    #[error("{location}: unsupported: {}", one_line(.message))]
    Unsupported { location: Location, message: String },
    #[error("settings: {}", one_line(.message))]
    Settings { message: String },
    #[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))]
    Many(Vec<Error>),
}

impl Error {
    /// The location of this error, if it has one.
    pub fn location(&self) -> Option<&Location> {
        match self {
            Error::Read { location, .. }
            | Error::Parse { location, .. }
            | Error::Version { location, .. }
            | Error::Reference { location, .. }
            | Error::Invalid { location, .. }
            | Error::Unsupported { location, .. } => Some(location),
            Error::Settings { .. } | Error::Many(_) => None,
        }
    }

    pub(crate) fn location_mut(&mut self) -> Option<&mut Location> {
        match self {
            Error::Read { location, .. }
            | Error::Parse { location, .. }
            | Error::Version { location, .. }
            | Error::Reference { location, .. }
            | Error::Invalid { location, .. }
            | Error::Unsupported { location, .. } => Some(location),
            Error::Settings { .. } | Error::Many(_) => None,
        }
    }

    /// The individual errors (a `Many` flattened).
    pub fn flatten(self) -> Vec<Error> {
        match self {
            Error::Many(errors) => errors.into_iter().flat_map(Error::flatten).collect(),
            e => vec![e],
        }
    }

    pub(crate) fn invalid(location: Location, message: impl Into<String>) -> Self {
        Error::Invalid {
            location,
            message: message.into(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Something the generator did not do exactly as the spec asked, but could go on.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Warning {
    pub location: Location,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, one_line(&self.message))
    }
}
