//! `src/models.rs`: the intermediate form's types as Rust. Structs and enums are
//! invocations of the runtime's `model!` and enum macros, written as text; the few
//! irregular items (unions, constructors, aliases) are tokens with `quote`, printed
//! by `prettyplease`.

use proc_macro2::TokenStream;
use quote::quote;

use super::print::{
    check_parses, codec_format_str, doc_attrs, doc_comment, ident, lit, rust_type, type_str,
    PREAMBLE,
};
use crate::error::{Error, Result};
use crate::ir::*;

/// What a field holds when it is `Some`: the value's type, boxed or a `Secret` as marked.
fn value_type(space: &TypeSpace, f: &Field) -> TokenStream {
    let mut ty = rust_type(space, &f.ty);
    if f.boxed {
        ty = quote!(::std::boxed::Box<#ty>);
    }
    if f.secret {
        ty = quote!(crate::runtime::Secret<#ty>);
    }
    ty
}

/// A field's type as text (see [`field_type`]).
fn field_type_str(space: &TypeSpace, f: &Field) -> String {
    let mut ty = type_str(space, &f.ty, "crate");
    if f.boxed {
        ty = format!("::std::boxed::Box<{ty}>");
    }
    if f.secret {
        ty = format!("crate::runtime::Secret<{ty}>");
    }
    format!("::std::option::Option<{ty}>")
}

/// A model struct: an invocation of the runtime's `model!` macro, written out here
/// (prettyplease prints a macro's tokens on as few lines as fit), one line per field:
/// `pub name: Type => mode "wireName" (as Format)?,` (see the macro's docs). Names
/// pass through [`ident`], wire names are string literals, types are printed from
/// their tokens.
fn struct_text(space: &TypeSpace, t: &TypeDef, s: &StructDef) -> String {
    let mut out = String::from("crate::runtime::model! {\n");
    doc_comment(&mut out, "    ", t.docs.as_deref());
    // Derives name the prelude's derive macros: a model named `Clone` is a type, and
    // types never shadow macros.
    // Every field is an `Option`: every model has a `Default`.
    // `Debug` is the macro's: it hides what may be a secret (see `Redact`).
    out.push_str(&format!(
        "    #[derive(Clone, Default, PartialEq)]\n    pub struct {} {{\n",
        ident(&t.name)
    ));
    for f in &s.fields {
        doc_comment(&mut out, "        ", f.docs.as_deref());
        let mode = match (f.read_only, f.required) {
            (true, _) => "ro",
            (false, true) => "req",
            (false, false) => "opt",
        };
        let hide = match f.redact {
            Redact::Nothing => "",
            Redact::Value => "@hide ",
            Redact::Query => "@hide_query ",
        };
        out.push_str(&format!(
            "        pub {}: {} => {hide}{mode} {}",
            ident(&f.name),
            field_type_str(space, f),
            lit(&f.wire_name)
        ));
        // A boxed field is never a codec type: only named structs and unions close cycles.
        if let Some(mut format) = codec_format_str(space, &f.ty, "crate").filter(|_| !f.boxed) {
            if f.secret {
                format = format!("crate::runtime::Secret<{format}>");
            }
            out.push_str(&format!(" as ::std::option::Option<{format}>"));
        }
        out.push_str(",\n");
    }
    if let Some(a) = &s.additional {
        out.push_str("        ..\n        /// Properties beyond the ones named above.\n");
        out.push_str(&format!(
            "        pub additional_properties: {}",
            type_str(space, &TypeRef::Map(Box::new(a.clone())), "crate")
        ));
        if let Some(format) = codec_format_str(space, a, "crate") {
            out.push_str(&format!(" as {format}"));
        }
        out.push_str(",\n");
    }
    out.push_str("    }\n}\n");
    out
}

/// The constructor of a struct with required fields: `new` takes them (a string as
/// `impl Into<String>`), the others are `None`.
fn constructor_tokens(space: &TypeSpace, t: &TypeDef, s: &StructDef) -> Option<TokenStream> {
    if !s.fields.iter().any(Field::in_constructor) {
        return None;
    }
    let name = ident(&t.name);
    let taken = |f: &&Field| f.in_constructor();
    let into_string = |f: &Field| f.ty == TypeRef::Prim(Prim::String) && !f.boxed && !f.secret;
    let params = s.fields.iter().filter(taken).map(|f| {
        let n = ident(&f.name);
        match into_string(f) {
            true => quote!(#n: impl ::std::convert::Into<::std::string::String>),
            false => {
                let ty = value_type(space, f);
                quote!(#n: #ty)
            }
        }
    });
    let inits = s.fields.iter().map(|f| {
        let n = ident(&f.name);
        match (f.in_constructor(), into_string(f)) {
            (false, _) => quote!(#n: ::std::option::Option::None),
            (true, true) => quote!(#n: ::std::option::Option::Some(#n.into())),
            (true, false) => quote!(#n: ::std::option::Option::Some(#n)),
        }
    });
    let extra = s
        .additional
        .as_ref()
        .map(|_| quote!(additional_properties: ::std::default::Default::default(),));
    let doc = format!(
        " A `{}` with the properties the spec requires; the others are `None`.",
        t.name
    );
    Some(quote! {
        impl #name {
            #[doc = #doc]
            #[allow(clippy::too_many_arguments)]
            pub fn new(#(#params),*) -> Self {
                Self { #(#inits,)* #extra }
            }
        }
    })
}

/// `TryFrom<azure_core::Error>` for the model of an operation's error answers, as
/// azure_core's own `ErrorResponse` has it.
fn error_model_tokens(t: &TypeDef) -> TokenStream {
    let name = ident(&t.name);
    let doc = format!(
        " Reads a failed call's answer into a `{}`: the error itself back when it carries \
         no answer (a refused argument, a transport error), a `DataConversion` error when the \
         body is not this model. The body is as the service sent it: unlike the error's \
         text, nothing in it is redacted.",
        t.name
    );
    quote! {
        #[doc = #doc]
        impl ::std::convert::TryFrom<::azure_core::Error> for #name {
            type Error = ::azure_core::Error;
            fn try_from(error: ::azure_core::Error) -> ::std::result::Result<Self, ::azure_core::Error> {
                crate::runtime::http::error_model(error)
            }
        }
    }
}

/// A discriminated union: serialized as serde's internally tagged enum (the fallback
/// variant as the map it holds); deserialized by hand, so that only an unknown (or
/// missing) tag lands in the fallback, while a known tag with a body that does not
/// fit its variant is an error rather than silently kept as unknown (which is what
/// serde's `#[serde(untagged)]` fallback would do).
fn union_tokens(space: &TypeSpace, t: &TypeDef, u: &UnionDef) -> TokenStream {
    let name = ident(&t.name);
    let type_name = &t.name;
    let docs = doc_attrs(t.docs.as_deref());
    let tag = &u.tag;
    let variants = u.variants.iter().map(|v| {
        let vname = ident(&v.name);
        let value = &v.tag_value;
        let ty = rust_type(space, &TypeRef::Named(v.ty));
        quote!(#[serde(rename = #value)] #vname(#ty),)
    });
    let arms = u.variants.iter().map(|v| {
        let vname = ident(&v.name);
        let value = &v.tag_value;
        let context = format!("{type_name} `{value}`: ");
        quote! {
            ::std::option::Option::Some(#value) => {
                ::serde_json::from_value(::serde_json::Value::Object(fields))
                    .map(Self::#vname)
                    .map_err(|e| <D::Error as ::serde::de::Error>::custom(::std::format!("{}{}", #context, e)))
            }
        }
    });
    let fallback_doc = format!(" A kind this version of the crate does not know (its `{tag}` is none of the above), kept as sent.");
    quote! {
        #docs
        #[derive(Clone, Debug, PartialEq, ::serde::Serialize)]
        #[serde(tag = #tag)]
        pub enum #name {
            #(#variants)*
            #[doc = #fallback_doc]
            #[serde(untagged)]
            UnknownValue(::serde_json::Map<::std::string::String, ::serde_json::Value>),
        }
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let fields = <::serde_json::Map<::std::string::String, ::serde_json::Value> as ::serde::Deserialize>::deserialize(deserializer)?;
                let kind = fields
                    .get(#tag)
                    .and_then(::serde_json::Value::as_str)
                    .map(::std::string::ToString::to_string);
                match kind.as_deref() {
                    #(#arms)*
                    _ => ::std::result::Result::Ok(Self::UnknownValue(fields)),
                }
            }
        }
    }
}

/// `src/models.rs`.
pub fn models(space: &TypeSpace, title: &str, options: &[&str]) -> Result<String> {
    // Structs and enums are invocations of the runtime's macros, written out here:
    // prettyplease prints a macro's tokens on as few lines as fit, which no one could
    // read. Every other item goes through prettyplease, in runs between them.
    let doc = format!(" The models of {title}: every definition of the spec, and the inline schemas that need a name.");
    let mut body = String::new();
    let mut run: Vec<TokenStream> = vec![quote!(#![doc = #doc])];
    let flush = |run: &mut Vec<TokenStream>, body: &mut String| -> Result<()> {
        if run.is_empty() {
            return Ok(());
        }
        let tokens = quote!(#(#run)*);
        run.clear();
        let file: syn::File = syn::parse2(tokens).map_err(|e| Error::Unsupported {
            location: crate::error::Location::new("models.rs", ""),
            message: format!("internal: generated code does not parse: {e}"),
        })?;
        body.push_str(&prettyplease::unparse(&file));
        Ok(())
    };
    for t in space.sorted() {
        match &t.kind {
            TypeKind::Struct(s) => {
                flush(&mut run, &mut body)?;
                body.push_str(&struct_text(space, t, s));
                run.extend(constructor_tokens(space, t, s));
                run.extend(t.error_model.then(|| error_model_tokens(t)));
            }
            TypeKind::Union(u) => run.push(union_tokens(space, t, u)),
            TypeKind::Alias(target) => {
                let name = ident(&t.name);
                let docs = doc_attrs(t.docs.as_deref());
                let ty = rust_type(space, target);
                run.push(quote!(#docs pub type #name = #ty;));
            }
            TypeKind::Enum(e) => {
                flush(&mut run, &mut body)?;
                body.push_str(&enum_text(t, e));
            }
        }
    }
    flush(&mut run, &mut body)?;
    body.push_str(&options_reexport(options));
    // A self-check of the text written by hand, in debug builds (the tests, the
    // fuzzer, which also parses every file it gets): parsing the file again would
    // take a third of the time it takes to write it.
    check_parses(&body, "models.rs")?;
    Ok(format!("{PREAMBLE}\n\n{body}"))
}

/// The methods' options structs, re-exported beside the models where users look for
/// them (as the official crates have them in `models`); declared in `clients`.
fn options_reexport(options: &[&str]) -> String {
    if options.is_empty() {
        return String::new();
    }
    let mut names: Vec<&str> = options.to_vec();
    names.sort_unstable();
    names.dedup();
    let mut out = String::from("/// The methods' options (declared in [`crate::clients`]).\n#[doc(no_inline)]\npub use crate::clients::{\n");
    for n in names {
        out.push_str(&format!("    {n},\n"));
    }
    out.push_str("};\n");
    out
}

/// An enum: `crate::runtime::extensible_enum! { Name { Variant = "value", ... } }` (or
/// `closed_enum!`), one line per variant. Names pass through [`ident`], values are
/// string literals.
fn enum_text(t: &TypeDef, e: &EnumDef) -> String {
    let mac = if e.extensible {
        "extensible_enum"
    } else {
        "closed_enum"
    };
    let mut out = format!("crate::runtime::{mac}! {{\n");
    doc_comment(&mut out, "    ", t.docs.as_deref());
    out.push_str(&format!("    {} {{\n", ident(&t.name)));
    for v in &e.variants {
        doc_comment(&mut out, "        ", v.docs.as_deref());
        out.push_str(&format!(
            "        {} = {},\n",
            ident(&v.name),
            lit(&v.wire_value)
        ));
    }
    out.push_str("    }\n}\n");
    out
}
