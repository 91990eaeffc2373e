//! A uniform, borrowed view of any `SchemaKind`, so the rest of lowering reads one shape.

use indexmap::IndexMap;
use openapiv3::{
    AdditionalProperties, IntegerFormat, NumberFormat, ReferenceOr, Schema, SchemaData, SchemaKind,
    StringFormat, StringType, Type, VariantOrUnknownOrEmpty,
};
use serde_json::Value;

const NO_SCHEMAS: &[ReferenceOr<Schema>] = &[];
const NO_STRINGS: &[String] = &[];

/// A uniform, borrowed view of any `SchemaKind`.
#[derive(Clone)]
pub(super) struct View<'a> {
    pub data: &'a SchemaData,
    pub typ: Option<&'a str>,
    pub format: Option<String>,
    pub properties: Option<&'a IndexMap<String, ReferenceOr<Box<Schema>>>>,
    pub required: &'a [String],
    pub additional: Option<&'a AdditionalProperties>,
    pub items: Option<&'a ReferenceOr<Box<Schema>>>,
    pub enumeration: Vec<Value>,
    pub all_of: &'a [ReferenceOr<Schema>],
    pub one_of: &'a [ReferenceOr<Schema>],
    pub any_of: &'a [ReferenceOr<Schema>],
}

fn fmt<T: std::fmt::Debug>(
    f: &VariantOrUnknownOrEmpty<T>,
    name: impl Fn(&T) -> &'static str,
) -> Option<String> {
    match f {
        VariantOrUnknownOrEmpty::Item(i) => Some(name(i).to_string()),
        VariantOrUnknownOrEmpty::Unknown(s) => Some(s.clone()),
        VariantOrUnknownOrEmpty::Empty => None,
    }
}

/// A string schema: its format, and its values unless the format reads them.
fn string_view(v: &mut View<'_>, s: &StringType) {
    v.typ = Some("string");
    v.format = fmt(&s.format, |f| match f {
        StringFormat::Date => "date",
        StringFormat::DateTime => "date-time",
        StringFormat::Password => "password",
        StringFormat::Byte => "byte",
        StringFormat::Binary => "binary",
    });
    // An enum of dates, date-times or durations lists values, not spellings
    // (`0001-01-01t00:00:00+14:00` is the server's `...T...`): the format's type
    // reads them all.
    let formatted = matches!(
        v.format.as_deref(),
        Some("date" | "date-time" | "date-time-rfc1123" | "duration")
    );
    if !formatted {
        v.enumeration = s
            .enumeration
            .iter()
            .map(|e| e.clone().map_or(Value::Null, Value::String))
            .collect();
    }
}

pub(super) fn view(schema: &Schema) -> View<'_> {
    let mut v = View {
        data: &schema.schema_data,
        typ: None,
        format: None,
        properties: None,
        required: NO_STRINGS,
        additional: None,
        items: None,
        enumeration: Vec::new(),
        all_of: NO_SCHEMAS,
        one_of: NO_SCHEMAS,
        any_of: NO_SCHEMAS,
    };
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => string_view(&mut v, s),
        SchemaKind::Type(Type::Number(n)) => {
            v.typ = Some("number");
            v.format = fmt(&n.format, |f| match f {
                NumberFormat::Float => "float",
                NumberFormat::Double => "double",
            });
            v.enumeration = n
                .enumeration
                .iter()
                .map(|e| e.map_or(Value::Null, |x| serde_json::json!(x)))
                .collect();
        }
        SchemaKind::Type(Type::Integer(n)) => {
            v.typ = Some("integer");
            v.format = fmt(&n.format, |f| match f {
                IntegerFormat::Int32 => "int32",
                IntegerFormat::Int64 => "int64",
            });
            v.enumeration = n
                .enumeration
                .iter()
                .map(|e| e.map_or(Value::Null, |x| serde_json::json!(x)))
                .collect();
        }
        SchemaKind::Type(Type::Boolean(b)) => {
            v.typ = Some("boolean");
            v.enumeration = b
                .enumeration
                .iter()
                .map(|e| e.map_or(Value::Null, Value::Bool))
                .collect();
        }
        SchemaKind::Type(Type::Object(o)) => {
            v.typ = Some("object");
            v.properties = Some(&o.properties);
            v.required = &o.required;
            v.additional = o.additional_properties.as_ref();
        }
        SchemaKind::Type(Type::Array(a)) => {
            v.typ = Some("array");
            v.items = a.items.as_ref();
        }
        SchemaKind::OneOf { one_of } => v.one_of = one_of,
        SchemaKind::AllOf { all_of } => v.all_of = all_of,
        SchemaKind::AnyOf { any_of } => v.any_of = any_of,
        SchemaKind::Not { .. } => {}
        SchemaKind::Any(a) => {
            v.typ = a.typ.as_deref();
            v.format = a.format.clone();
            v.properties = Some(&a.properties);
            v.required = &a.required;
            v.additional = a.additional_properties.as_ref();
            v.items = a.items.as_ref();
            v.enumeration = a.enumeration.clone();
            v.all_of = &a.all_of;
            v.one_of = &a.one_of;
            v.any_of = &a.any_of;
        }
    }
    v
}

impl View<'_> {
    pub fn has_properties(&self) -> bool {
        self.properties.is_some_and(|p| !p.is_empty())
    }

    /// `allOf: [one thing]` and nothing else of substance: how a `$ref` with siblings arrives.
    pub fn is_wrapper(&self) -> bool {
        self.all_of.len() == 1
            && !self.has_properties()
            && self.additional.is_none()
            && self.enumeration.is_empty()
            && self.data.discriminator.is_none()
            && matches!(self.typ, None | Some("object"))
    }

    pub fn is_object_like(&self) -> bool {
        self.has_properties() || !self.all_of.is_empty() || self.data.discriminator.is_some()
    }

    pub fn ext(&self, key: &str) -> Option<&Value> {
        self.data.extensions.get(key)
    }
}
