//! Operations and the client in the intermediate form: parameters placed
//! (client-level or method-level, path, query or header), bodies, responses,
//! long-running and paging behaviour, and every Rust name the client's code uses.

use super::types::{Prim, TypeId, TypeRef};
use crate::error::Location;

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ParamIn {
    Path,
    Query,
    Header,
}

/// Constraints checked before a request is sent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Constraints {
    pub min_length: Option<usize>,
    pub max_length: Option<usize>,
    pub pattern: Option<String>,
    pub minimum: Option<f64>,
    pub maximum: Option<f64>,
}

impl Constraints {
    pub fn is_empty(&self) -> bool {
        *self == Constraints::default()
    }
}

/// How an array parameter's items are sent (Swagger's `collectionFormat`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Collection {
    /// One value, the items joined by the separator (`csv`, the default; `ssv`, `tsv`, `pipes`).
    Delimited(&'static str),
    /// The parameter repeated for each item (`multi`, query parameters only).
    Multi,
}

/// A parameter of an operation (method-level) or of the client.
#[derive(Debug, Clone)]
pub struct Param {
    pub name: String,
    pub wire_name: String,
    pub location: ParamIn,
    pub ty: TypeRef,
    pub required: bool,
    pub constraints: Constraints,
    /// `x-ms-skip-url-encoding`.
    pub raw: bool,
    /// How an array value is sent.
    pub collection: Collection,
    pub docs: Option<String>,
}

/// The request body.
#[derive(Debug, Clone)]
pub struct Body {
    /// The argument's name, or the options field's when the body is optional.
    pub name: String,
    /// The body parameter's name in the spec (and in its examples' `parameters`).
    pub wire_name: String,
    pub ty: TypeRef,
    pub required: bool,
    pub docs: Option<String>,
}

/// A declared response header.
#[derive(Debug, Clone)]
pub struct Header {
    /// The method name of its accessor on the response-headers trait: one per wire
    /// name, the same for every operation that declares the header.
    pub name: String,
    /// Lower-case wire name.
    pub wire_name: String,
    pub docs: Option<String>,
}

/// How an operation completes.
#[derive(Debug, Clone, PartialEq)]
pub enum OpKind {
    Plain,
    /// `x-ms-long-running-operation`, with where the result comes from.
    LongRunning {
        final_state: FinalState,
    },
    /// `x-ms-pageable`.
    Pageable {
        next_link: Option<String>,
        /// `operationName`: the operation that fetches the next pages.
        next_operation: Option<String>,
        item_name: String,
        /// The Rust name of the list type's field that holds the items.
        item_field: String,
        list: TypeId,
        item: TypeRef,
    },
}

/// Mirrors the runtime's `FinalState`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FinalState {
    OriginalUri,
    Location,
    AzureAsyncOperation,
    None,
}

#[derive(Debug, Clone)]
pub struct Operation {
    pub operation_id: String,
    /// The group's Rust name (`Registries`), `None` for operations on the client itself.
    pub group: Option<String>,
    /// The method's Rust name.
    pub method: String,
    /// The Rust name of the method's options struct (`RegistriesCreateOptions`), final:
    /// the client emitter declares it and the example replays construct it by this name.
    pub options: String,
    pub http_method: &'static str,
    pub path: String,
    pub docs: Option<String>,
    pub deprecated: bool,
    /// Method-level parameters, in spec order.
    pub params: Vec<Param>,
    /// Wire names of the client-level parameters the operation uses (path and query).
    pub client_params: Vec<String>,
    pub api_version: bool,
    pub body: Option<Body>,
    /// Documented success status codes.
    pub success: Vec<u16>,
    /// The body type of the success responses.
    pub result: Option<TypeRef>,
    pub headers: Vec<Header>,
    pub kind: OpKind,
    pub origin: Location,
}

/// The Rust names of the client's items in `clients.rs`.
#[derive(Debug, Clone, Default)]
pub struct ClientNames {
    /// The client struct (`ContainerRegistryManagementClient`).
    pub client: String,
    /// Its options struct (`ContainerRegistryManagementClientOptions`).
    pub options: String,
    /// The trait of response-header accessors.
    pub headers_trait: String,
}

/// A group of operations (`x-ms` operation ids `Group_Method`), a sub-client.
#[derive(Debug, Clone)]
pub struct Group {
    /// The group's name as operations carry it ([`Operation::group`]).
    pub name: String,
    /// The sub-client struct (`RegistriesClient`).
    pub struct_name: String,
    /// The client's method that returns it (`registries`).
    pub accessor: String,
}

/// Everything about the client: its parameters and operations.
#[derive(Debug, Clone, Default)]
pub struct Client {
    pub names: ClientNames,
    /// The groups, in name order.
    pub groups: Vec<Group>,
    /// Client-level parameters other than api-version, in first-use order.
    pub params: Vec<Param>,
    pub operations: Vec<Operation>,
    /// Whether requests carry a bearer token (the spec declares an OAuth2 scheme):
    /// the client then takes a credential and needs an `https` endpoint.
    pub bearer: bool,
    /// The scopes of its tokens, when the spec or the settings name them; empty: Azure
    /// Resource Manager of the client's cloud (decided at run time).
    pub scopes: Vec<String>,
    /// `x-ms-parameterized-host`: the host template (its parameters are path
    /// parameters, client-level or the operations') and the scheme (empty when the
    /// template includes it).
    pub host: Option<(String, String)>,
}

impl Client {
    /// The group an operation belongs to.
    pub fn group(&self, name: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.name == name)
    }
}

/// How a method takes an argument of a type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Passing {
    /// `&str`.
    Str,
    /// By value (numbers, booleans).
    Value,
    /// By reference (models, dates, UUIDs, lists).
    Ref,
}

impl TypeRef {
    /// How a method takes an argument of this type.
    pub fn passing(&self) -> Passing {
        match self {
            TypeRef::Prim(Prim::String) => Passing::Str,
            TypeRef::Prim(Prim::Bool | Prim::I32 | Prim::I64 | Prim::F32 | Prim::F64) => {
                Passing::Value
            }
            _ => Passing::Ref,
        }
    }
}
