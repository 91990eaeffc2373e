//! Schemas → [`TypeSpace`]: every definition of the entry files, every
//! definition they reach in other files, and every inline schema that needs a
//! name.
//!
//! Like typify, ids are reserved for all definitions before any is converted,
//! so forward and circular references resolve; names are claimed in a fixed
//! order (entry-file definitions, then other files' definitions, then inline
//! types as conversion meets them); cycles of by-value containment are broken
//! with `Box` at the end.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use indexmap::IndexMap;
use openapiv3::{
    AdditionalProperties, IntegerFormat, NumberFormat, ReferenceOr, Schema, SchemaData, SchemaKind,
    StringFormat, Type, VariantOrUnknownOrEmpty,
};
use serde_json::Value;

use crate::error::{Error, Location, Result, Warning};
use crate::input::load::collect_refs;
use crate::input::spec::{parse_canonical, Spec};
use crate::ir::*;
use crate::names::{is_identifier, sanitize, Case, Claim, Collision, Namespace};
use crate::pointer::{escape_token, split_ref};
use crate::settings::Settings;

/// A schema or a reference to one.
#[derive(Clone, Copy)]
pub(crate) enum SRef<'a> {
    Ref(&'a str),
    Inline(&'a Schema),
}

impl<'a> From<&'a ReferenceOr<Schema>> for SRef<'a> {
    fn from(r: &'a ReferenceOr<Schema>) -> Self {
        match r {
            ReferenceOr::Reference { reference } => SRef::Ref(reference),
            ReferenceOr::Item(s) => SRef::Inline(s),
        }
    }
}

impl<'a> From<&'a ReferenceOr<Box<Schema>>> for SRef<'a> {
    fn from(r: &'a ReferenceOr<Box<Schema>>) -> Self {
        match r {
            ReferenceOr::Reference { reference } => SRef::Ref(reference),
            ReferenceOr::Item(s) => SRef::Inline(s),
        }
    }
}

const NO_SCHEMAS: &[ReferenceOr<Schema>] = &[];
const NO_STRINGS: &[String] = &[];

/// A uniform, borrowed view of any `SchemaKind`.
#[derive(Clone)]
struct View<'a> {
    data: &'a SchemaData,
    typ: Option<&'a str>,
    format: Option<String>,
    properties: Option<&'a IndexMap<String, ReferenceOr<Box<Schema>>>>,
    required: &'a [String],
    additional: Option<&'a AdditionalProperties>,
    items: Option<&'a ReferenceOr<Box<Schema>>>,
    enumeration: Vec<Value>,
    all_of: &'a [ReferenceOr<Schema>],
    one_of: &'a [ReferenceOr<Schema>],
    any_of: &'a [ReferenceOr<Schema>],
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

fn view(schema: &Schema) -> View<'_> {
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
        SchemaKind::Type(Type::String(s)) => {
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
    fn has_properties(&self) -> bool {
        self.properties.is_some_and(|p| !p.is_empty())
    }

    /// `allOf: [one thing]` and nothing else of substance: how a `$ref` with siblings arrives.
    fn is_wrapper(&self) -> bool {
        self.all_of.len() == 1
            && !self.has_properties()
            && self.additional.is_none()
            && self.enumeration.is_empty()
            && self.data.discriminator.is_none()
            && matches!(self.typ, None | Some("object"))
    }

    fn is_object_like(&self) -> bool {
        self.has_properties() || !self.all_of.is_empty() || self.data.discriminator.is_some()
    }

    fn ext(&self, key: &str) -> Option<&Value> {
        self.data.extensions.get(key)
    }
}

fn docs(data: &SchemaData) -> Option<String> {
    data.description
        .clone()
        .or_else(|| data.title.clone())
        .filter(|d| !d.trim().is_empty())
}

fn ptr(base: &str, token: &str) -> String {
    format!("{base}/{}", escape_token(token))
}

/// A property before its Rust name is settled.
#[derive(Clone)]
struct RawField {
    wire: String,
    wanted: String,
    ty: TypeRef,
    required: bool,
    read_only: bool,
    secret: bool,
    /// The Rust name was chosen (settings, `x-ms-client-name`), not derived.
    explicit: bool,
    docs: Option<String>,
}

/// The merged properties of an object schema (its `allOf` parents first).
#[derive(Clone, Default)]
struct Props {
    fields: Vec<RawField>,
    additional: Option<TypeRef>,
}

/// Builds the type space. Operations (later) add their inline schemas through
/// [`Builder::type_ref`] before [`Builder::finish`].
pub(crate) struct Builder<'a> {
    spec: &'a Spec,
    settings: &'a Settings,
    types: Vec<TypeDef>,
    /// Definition reference → its type.
    by_ref: BTreeMap<String, TypeId>,
    /// Inline schema (file, pointer) → its type, so an inherited inline schema is one type.
    by_pointer: BTreeMap<(String, String), TypeId>,
    enums_by_name: BTreeMap<String, TypeId>,
    names: Namespace,
    props_memo: BTreeMap<String, Rc<Props>>,
    props_busy: BTreeSet<String>,
    /// Discriminated bases: reference → discriminator property.
    bases: BTreeMap<String, String>,
    /// Concrete child → its root base.
    variant_of: BTreeMap<String, String>,
    secrets_used: BTreeSet<String>,
    pub warnings: Vec<Warning>,
    pub errors: Vec<Error>,
}

/// A definition whose Rust name is about to be claimed.
struct PlannedDefinition<'r> {
    reference: &'r String,
    location: Location,
    claim: Claim,
}

/// `file#/components/schemas/Name`
fn schema_ref(file: &str, name: &str) -> String {
    format!("{file}#/components/schemas/{}", escape_token(name))
}

impl<'a> Builder<'a> {
    pub fn new(spec: &'a Spec, settings: &'a Settings) -> Self {
        Builder {
            spec,
            settings,
            types: Vec::new(),
            by_ref: BTreeMap::new(),
            by_pointer: BTreeMap::new(),
            enums_by_name: BTreeMap::new(),
            names: Namespace::new(),
            props_memo: BTreeMap::new(),
            props_busy: BTreeSet::new(),
            bases: BTreeMap::new(),
            variant_of: BTreeMap::new(),
            secrets_used: BTreeSet::new(),
            warnings: Vec::new(),
            errors: Vec::new(),
        }
    }

    fn warn(&mut self, location: Location, message: impl Into<String>) {
        self.warnings.push(Warning {
            location,
            message: message.into(),
        });
    }

    /// The Rust name of a type built so far.
    fn type_name(&self, id: TypeId) -> Option<String> {
        self.types.get(id.0).map(|t| t.name.clone())
    }

    fn error(&mut self, location: Location, message: impl Into<String>) {
        self.errors.push(Error::invalid(location, message));
    }

    fn claim(&mut self, wanted: String, wire: &str, location: &Location) -> String {
        let (given, collision) = self.names.claim(wanted, wire);
        self.type_collision(collision, wire, location);
        given
    }

    fn type_collision(&mut self, collision: Option<Collision>, wire: &str, location: &Location) {
        if let Some(c) = collision {
            self.warn(
                location.clone(),
                format!(
                    "type name `{}` is taken by `{}`; `{wire}` is named `{}`",
                    c.wanted, c.holder, c.given
                ),
            );
        }
    }

    fn push(&mut self, name: String, docs: Option<String>, kind: TypeKind) -> TypeId {
        let id = TypeId(self.types.len());
        self.types.push(TypeDef { name, docs, kind });
        id
    }

    /// Every definition of the entry files and every definition reachable from them.
    fn definition_refs(&self) -> Vec<String> {
        let mut seen: BTreeSet<String> = BTreeSet::new();
        let mut queue: Vec<String> = Vec::new();
        for entry in &self.spec.entries {
            let Some(file) = self.spec.files.get(entry) else {
                continue;
            };
            if let Some(c) = &file.doc.components {
                for name in c.schemas.keys() {
                    queue.push(schema_ref(entry, name));
                }
            }
            let mut refs = Vec::new();
            collect_refs(&file.converted, &mut refs);
            queue.extend(refs);
        }
        let mut schemas = Vec::new();
        while let Some(r) = queue.pop() {
            if !seen.insert(r.clone()) {
                continue;
            }
            let Some((file, kind, name)) = parse_canonical(&r) else {
                continue;
            };
            if kind == "schemas" {
                schemas.push(r.clone());
            }
            let Some(f) = self.spec.files.get(file) else {
                continue;
            };
            let pointer = format!("/components/{kind}/{}", escape_token(&name));
            if let Some(v) = f.converted.pointer(&pointer) {
                let mut refs = Vec::new();
                collect_refs(v, &mut refs);
                queue.extend(refs);
            }
        }
        // Entry files first (in the order given), then the rest, each by file and name.
        let rank = |r: &String| {
            let (file, _, name) = parse_canonical(r).unwrap_or_default();
            let entry = self
                .spec
                .entries
                .iter()
                .position(|e| e == file)
                .unwrap_or(usize::MAX);
            (entry, file.to_string(), name)
        };
        schemas.sort_by_cached_key(rank);
        schemas
    }

    fn lookup(&self, reference: &str) -> Option<(&'a str, String, &'a ReferenceOr<Schema>)> {
        self.spec.schema(reference)
    }

    fn location_of(&self, reference: &str) -> Location {
        let (file, fragment) = split_ref(reference);
        self.spec.locate(file, fragment)
    }

    /// Follows a definition that is itself only a `$ref`; detects alias cycles.
    fn resolve_schema(&mut self, reference: &str) -> Option<(String, &'a Schema)> {
        let mut seen = vec![reference.to_string()];
        let mut current = reference.to_string();
        loop {
            let Some((_, _, schema)) = self.lookup(&current) else {
                let location = self.location_of(&current);
                self.errors.push(Error::Reference {
                    location,
                    reference: current,
                    message: "the target is not a schema definition".into(),
                });
                return None;
            };
            match schema {
                ReferenceOr::Item(s) => return Some((current, s)),
                ReferenceOr::Reference { reference: next } => {
                    if seen.contains(next) {
                        seen.push(next.clone());
                        let chain: Vec<String> = seen
                            .iter()
                            .map(|r| parse_canonical(r).map(|p| p.2).unwrap_or_default())
                            .collect();
                        let location = self.location_of(reference);
                        self.error(location, format!("`$ref` cycle: {}", chain.join(" → ")));
                        return None;
                    }
                    seen.push(next.clone());
                    current = next.clone();
                }
            }
        }
    }

    /// Reserves every definition, then converts them.
    pub fn add_definitions(&mut self) {
        let refs = self.definition_refs();
        // Names are claimed file group by file group (entry files first, in the order of
        // `definition_refs`), and within a group by preference (see `Claim`).
        let mut groups: Vec<(usize, Vec<PlannedDefinition<'_>>)> = Vec::new();
        for r in &refs {
            let Some((file, _, name)) = parse_canonical(r) else {
                continue;
            };
            let entry = self.spec.entries.iter().position(|e| e == file);
            let location = self.location_of(r);
            let rename = self.settings.renames.get(&name).cloned();
            // A definition of another file than the entries says where it is in messages.
            let wire = match entry {
                Some(_) => name.clone(),
                None => format!("{}#{}", location.file, location.pointer),
            };
            let claim = Claim {
                explicit: rename.is_some(),
                wanted: rename.unwrap_or_else(|| sanitize(&name, Case::Type)),
                wire,
            };
            let rank = entry.unwrap_or(usize::MAX);
            let planned = PlannedDefinition {
                reference: r,
                location,
                claim,
            };
            match groups.last_mut() {
                Some((g, members)) if *g == rank => members.push(planned),
                _ => groups.push((rank, vec![planned])),
            }
        }
        for (_, members) in groups {
            let claims: Vec<Claim> = members.iter().map(|m| m.claim.clone()).collect();
            let given = self.names.claim_all(&claims);
            for (m, (rust, collision)) in members.into_iter().zip(given) {
                self.type_collision(collision, &m.claim.wire, &m.location);
                let docs = match self.lookup(m.reference) {
                    Some((_, _, ReferenceOr::Item(s))) => docs(&s.schema_data),
                    _ => None,
                };
                let id = self.push(rust, docs, TypeKind::Alias(TypeRef::Any));
                self.by_ref.insert(m.reference.clone(), id);
            }
        }
        self.find_hierarchies(&refs);
        // Enum definitions first, so a property naming the same x-ms-enum finds the definition's type.
        let (enums, rest): (Vec<&String>, Vec<&String>) = refs.iter().partition(|r| {
            matches!(self.lookup(r), Some((_, _, ReferenceOr::Item(s))) if !view(s).enumeration.is_empty())
        });
        for r in enums.into_iter().chain(rest) {
            let kind = self.definition_kind(r);
            if let (Some(id), Some(kind)) = (self.by_ref.get(r).copied(), kind) {
                if let Some(t) = self.types.get_mut(id.0) {
                    t.kind = kind;
                }
            }
        }
    }

    fn find_hierarchies(&mut self, refs: &[String]) {
        for r in refs {
            if let Some((_, _, ReferenceOr::Item(s))) = self.lookup(r) {
                if let Some(d) = &s.schema_data.discriminator {
                    self.bases.insert(r.clone(), d.property_name.clone());
                }
            }
        }
        for r in refs {
            if self.bases.contains_key(r) {
                continue;
            }
            // The nearest discriminated ancestor through allOf.
            let mut stack = vec![r.clone()];
            let mut seen = BTreeSet::new();
            while let Some(cur) = stack.pop() {
                if !seen.insert(cur.clone()) {
                    continue;
                }
                let Some((_, _, ReferenceOr::Item(s))) = self.lookup(&cur) else {
                    continue;
                };
                let parents: Vec<String> = view(s)
                    .all_of
                    .iter()
                    .filter_map(|p| match p {
                        ReferenceOr::Reference { reference } => Some(reference.clone()),
                        ReferenceOr::Item(_) => None,
                    })
                    .collect();
                if let Some(base) = parents.iter().find(|p| self.bases.contains_key(*p)) {
                    self.variant_of.insert(r.clone(), base.clone());
                    break;
                }
                stack.extend(parents.into_iter().rev());
            }
        }
    }

    fn definition_kind(&mut self, reference: &str) -> Option<TypeKind> {
        let (file, name, schema) = self.lookup(reference)?;
        let location = self.location_of(reference);
        let schema = match schema {
            ReferenceOr::Reference { .. } => {
                let (target, _) = self.resolve_schema(reference)?;
                return Some(TypeKind::Alias(TypeRef::Named(*self.by_ref.get(&target)?)));
            }
            ReferenceOr::Item(s) => s,
        };
        let v = view(schema);
        let rust_name = self
            .by_ref
            .get(reference)
            .and_then(|&id| self.type_name(id))?;
        if let Some(tag) = self.bases.get(reference).cloned() {
            let mut variants = Vec::new();
            let children: Vec<String> = self
                .variant_of
                .iter()
                .filter(|(_, b)| b.as_str() == reference)
                .map(|(c, _)| c.clone())
                .collect();
            let mut ns = Namespace::new();
            ns.reserve("UnknownValue", "(the fallback variant)");
            for child in children {
                let Some(&ty) = self.by_ref.get(&child) else {
                    continue;
                };
                let Some((_, child_name, ReferenceOr::Item(cs))) = self.lookup(&child) else {
                    continue;
                };
                let tag_value = cs
                    .schema_data
                    .extensions
                    .get("x-ms-discriminator-value")
                    .and_then(Value::as_str)
                    .map_or(child_name.clone(), str::to_string);
                let Some(child_type) = self.type_name(ty) else {
                    continue;
                };
                let (vname, collision) = ns.claim(child_type, &tag_value);
                if let Some(c) = collision {
                    self.warn(
                        self.location_of(&child),
                        format!(
                            "variant `{}` of `{rust_name}` renamed `{}`",
                            c.wanted, c.given
                        ),
                    );
                }
                variants.push(UnionVariant {
                    name: vname,
                    tag_value,
                    ty,
                });
            }
            if variants.is_empty() {
                self.warn(location.clone(), format!("`{name}` has a discriminator but no children; only its fallback variant remains"));
            }
            // Converting the base's own properties still names their inline types.
            let _ = self.props_of(reference);
            return Some(TypeKind::Union(UnionDef { tag, variants }));
        }
        if !v.enumeration.is_empty() {
            return match self.enum_type(
                &v,
                &rust_name,
                file,
                &format!("/components/schemas/{}", escape_token(&name)),
                Some(reference),
            ) {
                Some(TypeRef::Named(id)) if self.by_ref.get(reference) == Some(&id) => None,
                Some(other) => Some(TypeKind::Alias(other)),
                None => None,
            };
        }
        if v.is_object_like() {
            let props = self.props_of(reference)?;
            let skip = self
                .variant_of
                .get(reference)
                .and_then(|b| self.bases.get(b))
                .cloned();
            let fields: Vec<RawField> = props
                .fields
                .iter()
                .filter(|f| Some(&f.wire) != skip.as_ref())
                .cloned()
                .collect();
            return Some(TypeKind::Struct(self.settle_fields(
                fields,
                props.additional.clone(),
                &name,
                &location,
            )));
        }
        let pointer = format!("/components/schemas/{}", escape_token(&name));
        Some(TypeKind::Alias(
            self.inline_type(&v, &rust_name, &name, file, &pointer),
        ))
    }

    /// Gives fields their Rust names (collisions settled and reported).
    fn settle_fields(
        &mut self,
        raw: Vec<RawField>,
        additional: Option<TypeRef>,
        owner: &str,
        location: &Location,
    ) -> StructDef {
        let mut ns = Namespace::new();
        if additional.is_some() {
            ns.reserve("additional_properties", "the map of additional properties");
        }
        let claims: Vec<Claim> = raw
            .iter()
            .map(|f| Claim {
                wanted: f.wanted.clone(),
                wire: f.wire.clone(),
                explicit: f.explicit,
            })
            .collect();
        let given = ns.claim_all(&claims);
        let mut fields = Vec::new();
        for (f, (name, collision)) in raw.into_iter().zip(given) {
            if let Some(c) = collision {
                let taken = if c.reserved {
                    format!("is reserved for {}", c.holder)
                } else {
                    format!("is taken by `{}`", c.holder)
                };
                self.warn(
                    location.clone(),
                    format!(
                        "in `{owner}`, field name `{}` {taken}; `{}` is named `{}`",
                        c.wanted, f.wire, c.given
                    ),
                );
            }
            fields.push(Field {
                name,
                wire_name: f.wire,
                ty: f.ty,
                required: f.required,
                read_only: f.read_only,
                secret: f.secret,
                redact: Redact::Nothing,
                boxed: false,
                docs: f.docs,
            });
        }
        StructDef { fields, additional }
    }

    /// The merged properties of a definition (memoized; allOf cycles are errors).
    fn props_of(&mut self, reference: &str) -> Option<Rc<Props>> {
        if let Some(p) = self.props_memo.get(reference) {
            return Some(p.clone());
        }
        if !self.props_busy.insert(reference.to_string()) {
            let location = self.location_of(reference);
            self.error(location, "`allOf` cycle: the schema inherits from itself");
            return None;
        }
        let (target, schema) = self.resolve_schema(reference)?;
        let (file, name, _) = self.lookup(&target)?;
        let owner = self
            .by_ref
            .get(&target)
            .and_then(|&id| self.type_name(id))
            .unwrap_or_else(|| sanitize(&name, Case::Type));
        let pointer = format!("/components/schemas/{}", escape_token(&name));
        let props = self.collect_props(&view(schema), &owner, &name, file, &pointer);
        self.props_busy.remove(reference);
        let props = Rc::new(props);
        self.props_memo.insert(reference.to_string(), props.clone());
        Some(props)
    }

    /// Properties of an object schema: parents (allOf) first, then its own; a later
    /// property of the same wire name replaces an earlier one.
    fn collect_props(
        &mut self,
        v: &View<'_>,
        owner: &str,
        owner_wire: &str,
        file: &str,
        pointer: &str,
    ) -> Props {
        let mut out = Props::default();
        let merge = |out: &mut Props, fields: Vec<RawField>| {
            for f in fields {
                match out.fields.iter_mut().find(|g| g.wire == f.wire) {
                    Some(g) => {
                        let required = g.required || f.required;
                        *g = f;
                        g.required = required;
                    }
                    None => out.fields.push(f),
                }
            }
        };
        for (i, parent) in v.all_of.iter().enumerate() {
            match SRef::from(parent) {
                SRef::Ref(r) => {
                    if let Some(p) = self.props_of(r) {
                        merge(&mut out, p.fields.clone());
                        if out.additional.is_none() {
                            out.additional = p.additional.clone();
                        }
                    }
                }
                SRef::Inline(s) => {
                    let here = ptr(&ptr(pointer, "allOf"), &i.to_string());
                    let p = self.collect_props(&view(s), owner, owner_wire, file, &here);
                    merge(&mut out, p.fields);
                    if out.additional.is_none() {
                        out.additional = p.additional;
                    }
                }
            }
        }
        let mut own = Vec::new();
        if let Some(props) = v.properties {
            for (wire, prop) in props {
                let here = ptr(&ptr(pointer, "properties"), wire);
                own.push(self.field(wire, SRef::from(prop), owner, owner_wire, file, &here));
            }
        }
        merge(&mut out, own);
        for req in v.required {
            match out.fields.iter_mut().find(|f| &f.wire == req) {
                Some(f) => f.required = true,
                None => {
                    let location = self.spec.locate(file, &ptr(pointer, "required"));
                    self.warn(
                        location,
                        format!("`{owner_wire}` requires `{req}`, which it does not define"),
                    );
                }
            }
        }
        match v.additional {
            None | Some(AdditionalProperties::Any(false)) => {}
            Some(AdditionalProperties::Any(true)) => out.additional = Some(TypeRef::Any),
            Some(AdditionalProperties::Schema(s)) => {
                let ctx = format!("{owner}Value");
                out.additional = Some(self.type_ref(
                    SRef::from(s.as_ref()),
                    &ctx,
                    owner_wire,
                    file,
                    &ptr(pointer, "additionalProperties"),
                ));
            }
        }
        out
    }

    fn field(
        &mut self,
        wire: &str,
        prop: SRef<'_>,
        owner: &str,
        owner_wire: &str,
        file: &str,
        pointer: &str,
    ) -> RawField {
        let key = format!("{owner_wire}.{wire}");
        let (data, v) = match prop {
            SRef::Inline(s) => (Some(&s.schema_data), Some(view(s))),
            SRef::Ref(_) => (None, None),
        };
        let ext_secret = v
            .as_ref()
            .and_then(|v| v.ext("x-ms-secret"))
            .and_then(Value::as_bool)
            == Some(true);
        let setting_secret = self.settings.secrets.contains(&key);
        if setting_secret {
            self.secrets_used.insert(key.clone());
        }
        let client_name = v
            .as_ref()
            .and_then(|v| v.ext("x-ms-client-name"))
            .and_then(Value::as_str)
            .map(str::to_string);
        let rename = self.settings.renames.get(&key);
        let explicit = rename.is_some() || client_name.is_some();
        let wanted = match rename {
            Some(r) => r.clone(),
            None => sanitize(client_name.as_deref().unwrap_or(wire), Case::Value),
        };
        let ctx = format!("{owner}{}", sanitize(wire, Case::Type));
        let ty = self.type_ref(prop, &ctx, owner_wire, file, pointer);
        RawField {
            wire: wire.to_string(),
            wanted,
            ty,
            required: false,
            read_only: data.is_some_and(|d| d.read_only),
            secret: ext_secret || setting_secret,
            explicit,
            docs: data.and_then(docs),
        }
    }

    /// The type of a schema used somewhere: a named definition, a primitive, or a new inline type.
    pub fn type_ref(
        &mut self,
        schema: SRef<'_>,
        ctx: &str,
        ctx_wire: &str,
        file: &str,
        pointer: &str,
    ) -> TypeRef {
        match schema {
            SRef::Ref(r) => match self.by_ref.get(r) {
                Some(id) => TypeRef::Named(*id),
                None => {
                    let location = self.spec.locate(file, pointer);
                    self.errors.push(Error::Reference {
                        location,
                        reference: r.to_string(),
                        message: "not a schema definition".into(),
                    });
                    TypeRef::Any
                }
            },
            SRef::Inline(s) => {
                let v = view(s);
                self.inline_type(&v, ctx, ctx_wire, file, pointer)
            }
        }
    }

    fn inline_type(
        &mut self,
        v: &View<'_>,
        ctx: &str,
        ctx_wire: &str,
        file: &str,
        pointer: &str,
    ) -> TypeRef {
        if v.is_wrapper() {
            if let Some(inner) = v.all_of.first() {
                return self.type_ref(
                    SRef::from(inner),
                    ctx,
                    ctx_wire,
                    file,
                    &ptr(&ptr(pointer, "allOf"), "0"),
                );
            }
        }
        if !v.enumeration.is_empty() {
            if let Some(t) = self.enum_type(v, ctx, file, pointer, None) {
                return t;
            }
        }
        if !v.one_of.is_empty() || !v.any_of.is_empty() {
            let location = self.spec.locate(file, pointer);
            self.warn(
                location,
                "`oneOf`/`anyOf` is not modelled; the value is kept as JSON",
            );
            return TypeRef::Any;
        }
        match v.typ {
            Some("array") => {
                let item = match v.items {
                    Some(items) => self.type_ref(
                        SRef::from(items),
                        &format!("{ctx}Item"),
                        ctx_wire,
                        file,
                        &ptr(pointer, "items"),
                    ),
                    None => TypeRef::Any,
                };
                TypeRef::Vec(Box::new(item))
            }
            None | Some("object") => {
                if v.is_object_like() {
                    return self.inline_struct(v, ctx, ctx_wire, file, pointer);
                }
                match v.additional {
                    Some(AdditionalProperties::Schema(s)) => {
                        let value = self.type_ref(
                            SRef::from(s.as_ref()),
                            &format!("{ctx}Value"),
                            ctx_wire,
                            file,
                            &ptr(pointer, "additionalProperties"),
                        );
                        TypeRef::Map(Box::new(value))
                    }
                    Some(AdditionalProperties::Any(true)) => TypeRef::Map(Box::new(TypeRef::Any)),
                    _ => TypeRef::Any,
                }
            }
            Some("string") => TypeRef::Prim(match v.format.as_deref() {
                Some("date-time") => Prim::DateTime,
                Some("date-time-rfc1123") => Prim::DateTimeRfc1123,
                Some("date") => Prim::Date,
                Some("duration") => Prim::Duration,
                Some("byte") => Prim::Bytes,
                Some("uuid") => Prim::Uuid,
                _ => Prim::String,
            }),
            Some("integer") => TypeRef::Prim(match v.format.as_deref() {
                Some("int32") => Prim::I32,
                Some("unixtime") => Prim::UnixTime,
                _ => Prim::I64,
            }),
            Some("number") => TypeRef::Prim(match v.format.as_deref() {
                Some("float") => Prim::F32,
                _ => Prim::F64,
            }),
            Some("boolean") => TypeRef::Prim(Prim::Bool),
            Some(other) => {
                let location = self.spec.locate(file, &ptr(pointer, "type"));
                self.error(location, format!("unknown type `{other}`"));
                TypeRef::Any
            }
        }
    }

    fn inline_struct(
        &mut self,
        v: &View<'_>,
        ctx: &str,
        ctx_wire: &str,
        file: &str,
        pointer: &str,
    ) -> TypeRef {
        let key = (file.to_string(), pointer.to_string());
        if let Some(id) = self.by_pointer.get(&key) {
            return TypeRef::Named(*id);
        }
        let location = self.spec.locate(file, pointer);
        if v.data.discriminator.is_some() {
            self.warn(
                location.clone(),
                "a discriminator on an inline schema is ignored",
            );
        }
        let wire = format!(
            "{ctx_wire}{}",
            pointer
                .rsplit('/')
                .next()
                .map(|t| format!(".{t}"))
                .unwrap_or_default()
        );
        let name = self.claim(ctx.to_string(), &wire, &location);
        let id = self.push(name.clone(), docs(v.data), TypeKind::Alias(TypeRef::Any));
        self.by_pointer.insert(key, id);
        let props = self.collect_props(v, &name, ctx_wire, file, pointer);
        let def = self.settle_fields(props.fields, props.additional, &name, &location);
        if let Some(t) = self.types.get_mut(id.0) {
            t.kind = TypeKind::Struct(def);
        }
        TypeRef::Named(id)
    }

    /// An enum; `definition` is set when the schema is a definition (whose id is reserved).
    fn enum_type(
        &mut self,
        v: &View<'_>,
        ctx: &str,
        file: &str,
        pointer: &str,
        definition: Option<&str>,
    ) -> Option<TypeRef> {
        let location = self.spec.locate(file, pointer);
        let values: Vec<String> = v
            .enumeration
            .iter()
            .filter_map(|e| match e {
                Value::String(s) => Some(s.clone()),
                _ => None,
            })
            .collect();
        if values.len() != v.enumeration.iter().filter(|e| !e.is_null()).count()
            || !matches!(v.typ, None | Some("string"))
        {
            self.warn(
                location,
                "an enum of non-string values is kept as its underlying type",
            );
            let mut plain = v.clone();
            plain.enumeration.clear();
            return Some(self.inline_type(&plain, ctx, ctx, file, pointer));
        }
        let x_ms_enum = v.ext("x-ms-enum").and_then(Value::as_object);
        let enum_name = x_ms_enum
            .and_then(|x| x.get("name"))
            .and_then(Value::as_str)
            .map(str::to_string);
        // Without x-ms-enum, autorest treats an enum as open; so do we.
        let extensible = match x_ms_enum {
            Some(x) => x
                .get("modelAsString")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            None => true,
        };
        let described: BTreeMap<String, (Option<String>, Option<String>)> = x_ms_enum
            .and_then(|x| x.get("values"))
            .and_then(Value::as_array)
            .map(|vals| {
                vals.iter()
                    .filter_map(|val| {
                        let value = match val.get("value")? {
                            Value::String(s) => s.clone(),
                            other => other.to_string(),
                        };
                        let name = val.get("name").and_then(Value::as_str).map(str::to_string);
                        let desc = val
                            .get("description")
                            .and_then(Value::as_str)
                            .map(str::to_string);
                        Some((value, (name, desc)))
                    })
                    .collect()
            })
            .unwrap_or_default();
        if let Some(en) = &enum_name {
            if let Some(&id) = self.enums_by_name.get(en) {
                // One type per x-ms-enum name; a definition meeting a name already
                // taken becomes an alias of that type.
                self.merge_enum_values(id, &values, &location);
                return Some(TypeRef::Named(id));
            }
        } else if let Some(&id) = self
            .by_pointer
            .get(&(file.to_string(), pointer.to_string()))
        {
            return Some(TypeRef::Named(id));
        }
        let mut ns = Namespace::new();
        if extensible {
            ns.reserve("UnknownValue", "the catch-all variant");
        }
        let mut unique: Vec<&String> = Vec::new();
        for value in &values {
            if !unique.contains(&value) {
                unique.push(value);
            }
        }
        let claims: Vec<Claim> = unique
            .iter()
            .map(|value| {
                let custom = described.get(*value).and_then(|d| d.0.clone());
                Claim {
                    wanted: sanitize(custom.as_deref().unwrap_or(value), Case::Type),
                    wire: value.to_string(),
                    explicit: custom.is_some(),
                }
            })
            .collect();
        let given = ns.claim_all(&claims);
        let mut variants = Vec::new();
        for (value, (name, collision)) in unique.into_iter().zip(given) {
            if let Some(c) = collision {
                self.warn(location.clone(), variant_collision(&c, value));
            }
            variants.push(Variant {
                name,
                wire_value: value.clone(),
                docs: described.get(value).and_then(|d| d.1.clone()),
            });
        }
        let kind = TypeKind::Enum(EnumDef {
            variants,
            extensible,
        });
        let id = match definition.and_then(|d| self.by_ref.get(d).copied()) {
            Some(id) => {
                if let Some(t) = self.types.get_mut(id.0) {
                    t.kind = kind;
                }
                id
            }
            _ => {
                let wanted = enum_name
                    .as_deref()
                    .map_or_else(|| ctx.to_string(), |n| sanitize(n, Case::Type));
                let wire = enum_name.clone().unwrap_or_else(|| ctx.to_string());
                let name = self.claim(wanted, &wire, &location);
                self.push(name, docs(v.data), kind)
            }
        };
        match &enum_name {
            Some(n) => {
                self.enums_by_name.insert(n.clone(), id);
            }
            None => {
                self.by_pointer
                    .insert((file.to_string(), pointer.to_string()), id);
            }
        }
        Some(TypeRef::Named(id))
    }

    fn merge_enum_values(&mut self, id: TypeId, values: &[String], location: &Location) {
        let Some(TypeDef {
            kind: TypeKind::Enum(def),
            name,
            ..
        }) = self.types.get(id.0)
        else {
            return;
        };
        let missing: Vec<String> = values
            .iter()
            .filter(|v| !def.variants.iter().any(|x| &x.wire_value == *v))
            .cloned()
            .collect();
        if missing.is_empty() {
            return;
        }
        let name = name.clone();
        let mut ns = Namespace::new();
        if def.extensible {
            ns.reserve("UnknownValue", "the catch-all variant");
        }
        for x in &def.variants {
            ns.claim(x.name.clone(), &x.wire_value);
        }
        let mut added = Vec::new();
        for value in &missing {
            let (vname, collision) = ns.claim(sanitize(value, Case::Type), value);
            if let Some(c) = collision {
                self.warn(location.clone(), variant_collision(&c, value));
            }
            added.push(Variant {
                name: vname,
                wire_value: value.clone(),
                docs: None,
            });
        }
        if let Some(TypeDef {
            kind: TypeKind::Enum(def),
            ..
        }) = self.types.get_mut(id.0)
        {
            def.variants.extend(added);
        }
        self.warn(
            location.clone(),
            format!(
                "enum `{name}` is declared again with more values ({}); one type holds them all",
                missing.join(", ")
            ),
        );
    }

    /// The type of a struct's field (by wire name) and whether the field is required
    /// (not an `Option`), following aliases.
    pub fn field_type(&self, id: TypeId, wire: &str) -> Option<(TypeRef, bool)> {
        match &self.types.get(id.0)?.kind {
            TypeKind::Struct(s) => s
                .fields
                .iter()
                .find(|f| f.wire_name == wire)
                .map(|f| (f.ty.clone(), !f.optional())),
            TypeKind::Alias(TypeRef::Named(target)) if *target != id => {
                self.field_type(*target, wire)
            }
            _ => None,
        }
    }

    /// Breaks containment cycles with `Box`, checks settings were used, and returns the types.
    pub fn finish(mut self) -> Result<(TypeSpace, BTreeMap<String, TypeId>, Vec<Warning>)> {
        for secret in &self.settings.secrets {
            if !self.secrets_used.contains(secret) {
                self.errors.push(Error::Settings {
                    message: format!("secret `{secret}` names no property (expected `Definition.property`, wire names)"),
                });
            }
        }
        for (wire, rename) in &self.settings.renames {
            if !is_identifier(rename) {
                self.errors.push(Error::Settings {
                    message: format!("rename of `{wire}`: `{rename}` is not a Rust identifier"),
                });
            }
        }
        box_cycles(&mut self.types);
        if !self.errors.is_empty() {
            let mut errors = std::mem::take(&mut self.errors);
            errors.sort_by(|a, b| a.location().cmp(&b.location()));
            errors.dedup();
            return Err(if errors.len() == 1 {
                errors.remove(0)
            } else {
                Error::Many(errors)
            });
        }
        let mut warnings = self.warnings;
        warnings.sort();
        warnings.dedup();
        Ok((TypeSpace { types: self.types }, self.by_ref, warnings))
    }
}

/// The warning for an enum value whose variant name was taken.
fn variant_collision(c: &Collision, value: &str) -> String {
    if c.reserved {
        format!(
            "enum value `{value}` maps to `{}`, which is reserved for {}; it is named `{}`",
            c.wanted, c.holder, c.given
        )
    } else {
        format!(
            "enum values `{}` and `{value}` both map to `{}`; `{value}` is named `{}`",
            c.holder, c.wanted, c.given
        )
    }
}

/// Direct (by-value) successors of a type.
fn edges(t: &TypeDef) -> Vec<TypeId> {
    match &t.kind {
        TypeKind::Struct(s) => s
            .fields
            .iter()
            .filter_map(|f| match f.ty {
                TypeRef::Named(id) => Some(id),
                _ => None,
            })
            .collect(),
        TypeKind::Union(u) => u.variants.iter().map(|v| v.ty).collect(),
        TypeKind::Alias(TypeRef::Named(id)) => vec![*id],
        _ => Vec::new(),
    }
}

/// Fields pointing inside their own strongly connected component get boxed.
fn box_cycles(types: &mut [TypeDef]) {
    let succ: Vec<Vec<usize>> = types
        .iter()
        .map(|t| edges(t).into_iter().map(|id| id.0).collect())
        .collect();
    let comp = components(&succ);
    for (i, t) in types.iter_mut().enumerate() {
        if let TypeKind::Struct(s) = &mut t.kind {
            for f in &mut s.fields {
                if let TypeRef::Named(id) = f.ty {
                    if comp.get(id.0) == comp.get(i) {
                        f.boxed = true;
                    }
                }
            }
        }
    }
}

/// Tarjan's state of one node.
#[derive(Clone)]
struct TarjanNode {
    /// Visit order (`usize::MAX`: not visited yet).
    index: usize,
    low: usize,
    on_stack: bool,
    /// Component number (`usize::MAX`: none yet).
    comp: usize,
}

/// Tarjan's strongly connected components of the graph with these successor
/// lists: each node's component number. Successors out of range are ignored.
fn components(succ: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let mut nodes = vec![
        TarjanNode {
            index: UNSEEN,
            low: 0,
            on_stack: false,
            comp: usize::MAX,
        };
        succ.len()
    ];
    let mut stack = Vec::new();
    let mut counter = 0;
    let mut ncomp = 0;
    for start in 0..succ.len() {
        let Some(node) = nodes.get_mut(start) else {
            continue;
        };
        if node.index != UNSEEN {
            continue;
        }
        node.index = counter;
        node.low = counter;
        node.on_stack = true;
        counter += 1;
        stack.push(start);
        // Iterative DFS: (node, next successor position).
        let mut work = vec![(start, 0usize)];
        while let Some(&mut (v, ref mut pos)) = work.last_mut() {
            if let Some(&w) = succ.get(v).and_then(|s| s.get(*pos)) {
                *pos += 1;
                let Some(wn) = nodes.get_mut(w) else {
                    continue;
                };
                if wn.index == UNSEEN {
                    wn.index = counter;
                    wn.low = counter;
                    wn.on_stack = true;
                    counter += 1;
                    stack.push(w);
                    work.push((w, 0));
                } else if wn.on_stack {
                    let w_index = wn.index;
                    if let Some(vn) = nodes.get_mut(v) {
                        vn.low = vn.low.min(w_index);
                    }
                }
            } else {
                work.pop();
                let Some((v_low, v_index)) = nodes.get(v).map(|n| (n.low, n.index)) else {
                    continue;
                };
                if let Some(&(parent, _)) = work.last() {
                    if let Some(pn) = nodes.get_mut(parent) {
                        pn.low = pn.low.min(v_low);
                    }
                }
                if v_low == v_index {
                    while let Some(w) = stack.pop() {
                        if let Some(wn) = nodes.get_mut(w) {
                            wn.on_stack = false;
                            wn.comp = ncomp;
                        }
                        if w == v {
                            break;
                        }
                    }
                    ncomp += 1;
                }
            }
        }
    }
    nodes.into_iter().map(|n| n.comp).collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::components;

    #[test]
    fn strongly_connected_components() {
        // 0 → 1 → 2 → 0 is a cycle, 3 → 3 a self-loop, 4 → 0 and 5 (out of range) none.
        let comp = components(&[vec![1], vec![2], vec![0], vec![3], vec![0, 5]]);
        assert_eq!(comp[0], comp[1]);
        assert_eq!(comp[1], comp[2]);
        assert_ne!(comp[0], comp[3]);
        assert_ne!(comp[0], comp[4]);
        assert_ne!(comp[3], comp[4]);
        assert!(comp.iter().all(|&c| c != usize::MAX));
        assert!(components(&[]).is_empty());
    }
}
