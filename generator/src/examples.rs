//! Tests generated from the spec's `x-ms-examples` (filled in below).

use std::collections::BTreeMap;

use crate::error::Result;
use crate::ir::{TypeId, TypeSpace};
use crate::load::SourceProvider;
use crate::settings::Settings;
use crate::spec::Spec;

/// The example test file and how many example files it covers, if the spec links any that exist.
pub fn tests(
    _spec: &Spec,
    _settings: &Settings,
    _space: &TypeSpace,
    _by_ref: &BTreeMap<String, TypeId>,
    _source: &dyn SourceProvider,
) -> Result<Option<(usize, String)>> {
    Ok(None)
}
