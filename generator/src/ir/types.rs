//! Types in the intermediate form: every model the generated crate defines, with
//! its final Rust name, its fields' wire names kept apart.

/// Index of a type in [`TypeSpace::types`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TypeId(pub usize);

/// Every type the generated crate defines.
#[derive(Debug, Clone, Default)]
pub struct TypeSpace {
    pub types: Vec<TypeDef>,
}

impl TypeSpace {
    pub fn get(&self, id: TypeId) -> Option<&TypeDef> {
        self.types.get(id.0)
    }

    /// Types in emission order: by Rust name (unique), so output never depends on input order.
    pub fn sorted(&self) -> Vec<&TypeDef> {
        let mut types: Vec<&TypeDef> = self.types.iter().collect();
        types.sort_by(|a, b| a.name.cmp(&b.name));
        types
    }

    pub fn name(&self, id: TypeId) -> &str {
        self.get(id).map_or("", |t| t.name.as_str())
    }
}

/// One generated type.
#[derive(Debug, Clone)]
pub struct TypeDef {
    /// The Rust name.
    pub name: String,
    pub docs: Option<String>,
    pub kind: TypeKind,
    /// The model of an operation's error answers (`default`, `x-ms-error-response`): it
    /// gets `TryFrom<azure_core::Error>`, which reads a failed call's body into it.
    pub error_model: bool,
}

#[derive(Debug, Clone)]
pub enum TypeKind {
    Struct(StructDef),
    Enum(EnumDef),
    Union(UnionDef),
    /// A definition that is just another type (`type: array`, a primitive, a bare `$ref`).
    Alias(TypeRef),
}

#[derive(Debug, Clone, Default)]
pub struct StructDef {
    pub fields: Vec<Field>,
    /// `additionalProperties` beside named properties: kept in a flattened map.
    pub additional: Option<TypeRef>,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub name: String,
    pub wire_name: String,
    pub ty: TypeRef,
    pub required: bool,
    pub read_only: bool,
    pub secret: bool,
    /// What the model's `Debug` hides of the value (see `lower::secrets`).
    pub redact: Redact,
    /// Boxed: to break a cycle of by-value containment, or an optional model (a struct or
    /// union), so a model's size is not that of all it could hold (`lower::types::boxing`).
    pub boxed: bool,
    pub docs: Option<String>,
}

/// What a model's `Debug` hides of a field that may hold a secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Redact {
    /// Nothing: the value is shown (or it is a `Secret`, which hides itself).
    #[default]
    Nothing,
    /// The value (`<redacted>`).
    Value,
    /// A URL's query (`https://host/path?<redacted>`).
    Query,
}

impl Field {
    /// Whether a model's constructor takes the field: required, and not read-only (the
    /// service fills those in; a client building a request has nothing to put there).
    /// Every field is an `Option` in Rust whatever the spec says (the Azure SDK
    /// guideline `rust-model-types-optional`): a model reads what a service really sends,
    /// a required property left out included.
    pub fn in_constructor(&self) -> bool {
        self.required && !self.read_only
    }
}

#[derive(Debug, Clone)]
pub struct EnumDef {
    pub variants: Vec<Variant>,
    /// `x-ms-enum.modelAsString: true`: unknown values are kept in a catch-all variant.
    pub extensible: bool,
}

#[derive(Debug, Clone)]
pub struct Variant {
    pub name: String,
    pub wire_value: String,
    pub docs: Option<String>,
}

/// A `discriminator` hierarchy: one Rust enum, a variant per concrete child.
#[derive(Debug, Clone)]
pub struct UnionDef {
    /// The wire name of the discriminator property.
    pub tag: String,
    pub variants: Vec<UnionVariant>,
}

#[derive(Debug, Clone)]
pub struct UnionVariant {
    pub name: String,
    /// The discriminator value.
    pub tag_value: String,
    pub ty: TypeId,
}

/// A reference to a type, as a field or alias uses it.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeRef {
    Prim(Prim),
    Named(TypeId),
    Vec(Box<TypeRef>),
    Map(Box<TypeRef>),
    /// Any JSON value.
    Any,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prim {
    String,
    Bool,
    I32,
    I64,
    F32,
    F64,
    /// `date-time`: RFC 3339.
    DateTime,
    /// `date-time-rfc1123`.
    DateTimeRfc1123,
    /// `unixtime`: seconds since the epoch.
    UnixTime,
    /// `date`: `YYYY-MM-DD`.
    Date,
    /// `duration`: ISO 8601.
    Duration,
    /// `byte`: base64.
    Bytes,
    Uuid,
}

impl Prim {
    /// The runtime codec marker that (de)serializes this primitive, when serde's default won't do.
    pub fn codec(self) -> Option<&'static str> {
        match self {
            Prim::DateTime => Some("Rfc3339"),
            Prim::DateTimeRfc1123 => Some("Rfc1123"),
            Prim::UnixTime => Some("UnixTime"),
            Prim::Date => Some("Date"),
            Prim::Bytes => Some("Base64"),
            _ => None,
        }
    }
}
