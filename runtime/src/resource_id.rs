//! [`ResourceId`]: an Azure Resource Manager resource ID, parsed and formatted.
//!
//! Every ARM program builds and splits IDs such as
//! `/subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.ContainerRegistry/registries/{r}/tokens/{t}`
//! (a token's ID is an argument of `generateCredentials`; a listed registry's resource
//! group is only in its ID). azure_core 1.x has no such type, and no maintained crate
//! does this alone, so it is written here.

use std::fmt;
use std::str::FromStr;

/// An ARM resource ID: a subscription, optionally a resource group, optionally a
/// provider namespace with its resource types and names (a child after its parent).
///
/// ```
/// use azgen_runtime::ResourceId;
///
/// let token = ResourceId::in_group("0000", "my-rg")
///     .resource("Microsoft.ContainerRegistry", "registries", "myregistry")
///     .child("tokens", "mytoken");
/// assert_eq!(
///     token.to_string(),
///     "/subscriptions/0000/resourceGroups/my-rg/providers/Microsoft.ContainerRegistry/registries/myregistry/tokens/mytoken"
/// );
/// let parsed: ResourceId = token.to_string().parse().unwrap();
/// assert_eq!(parsed, token);
/// assert_eq!(parsed.resource_group(), Some("my-rg"));
/// assert_eq!(parsed.resource_type().as_deref(), Some("Microsoft.ContainerRegistry/registries/tokens"));
/// assert_eq!(parsed.name(), Some("mytoken"));
/// assert_eq!(parsed.parent().and_then(|p| p.name().map(str::to_string)).as_deref(), Some("myregistry"));
/// ```
///
/// Parsing is case-insensitive in the keywords (`subscriptions`, `resourceGroups`,
/// `providers`, as ARM is) and keeps the other segments as written; formatting writes
/// the keywords as ARM does.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ResourceId {
    subscription: String,
    resource_group: Option<String>,
    provider: Option<String>,
    /// `(type, name)` pairs, outermost first.
    resources: Vec<(String, String)>,
}

/// Why a string is not an ARM resource ID.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseResourceIdError {
    /// What was expected, and where.
    pub reason: &'static str,
}

impl fmt::Display for ParseResourceIdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not an ARM resource ID: {}", self.reason)
    }
}

impl std::error::Error for ParseResourceIdError {}

impl ResourceId {
    /// A subscription's ID (`/subscriptions/{id}`).
    pub fn subscription(id: impl Into<String>) -> Self {
        ResourceId {
            subscription: id.into(),
            resource_group: None,
            provider: None,
            resources: Vec::new(),
        }
    }

    /// A resource group's ID (`/subscriptions/{id}/resourceGroups/{group}`).
    pub fn in_group(subscription: impl Into<String>, group: impl Into<String>) -> Self {
        ResourceId {
            resource_group: Some(group.into()),
            ..Self::subscription(subscription)
        }
    }

    /// A top-level resource in this subscription or group:
    /// `.../providers/{namespace}/{type}/{name}` (any resources already in the ID are
    /// replaced: a provider's resources are its own).
    pub fn resource(
        mut self,
        namespace: impl Into<String>,
        resource_type: impl Into<String>,
        name: impl Into<String>,
    ) -> Self {
        self.provider = Some(namespace.into());
        self.resources = vec![(resource_type.into(), name.into())];
        self
    }

    /// A child of this resource: `.../{type}/{name}` appended (a resource ID without
    /// a provider gets none; use [`ResourceId::resource`] first).
    pub fn child(mut self, resource_type: impl Into<String>, name: impl Into<String>) -> Self {
        if self.provider.is_some() {
            self.resources.push((resource_type.into(), name.into()));
        }
        self
    }

    /// The subscription ID.
    pub fn subscription_id(&self) -> &str {
        &self.subscription
    }

    /// The resource group's name, if the ID is in one.
    pub fn resource_group(&self) -> Option<&str> {
        self.resource_group.as_deref()
    }

    /// The provider namespace (`Microsoft.ContainerRegistry`), if the ID names a resource.
    pub fn provider(&self) -> Option<&str> {
        self.provider.as_deref()
    }

    /// The full resource type, namespace and every type segment
    /// (`Microsoft.ContainerRegistry/registries/tokens`), if the ID names a resource.
    pub fn resource_type(&self) -> Option<String> {
        let provider = self.provider.as_deref()?;
        let mut out = provider.to_string();
        for (t, _) in &self.resources {
            out.push('/');
            out.push_str(t);
        }
        Some(out)
    }

    /// The resource's own name (the last name segment), or the resource group's, or
    /// `None` for a subscription.
    pub fn name(&self) -> Option<&str> {
        match self.resources.last() {
            Some((_, name)) => Some(name),
            None => self.resource_group.as_deref(),
        }
    }

    /// The `(type, name)` pairs, outermost first (`[("registries", "r"), ("tokens", "t")]`).
    pub fn resources(&self) -> impl Iterator<Item = (&str, &str)> {
        self.resources.iter().map(|(t, n)| (t.as_str(), n.as_str()))
    }

    /// The ID one level up: a child's parent, a top-level resource's group (or
    /// subscription), a group's subscription; `None` for a subscription.
    pub fn parent(&self) -> Option<ResourceId> {
        let mut up = self.clone();
        if up.resources.pop().is_some() {
            if up.resources.is_empty() {
                up.provider = None;
            }
            return Some(up);
        }
        up.resource_group.take().map(|_| up)
    }
}

impl fmt::Display for ResourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "/subscriptions/{}", self.subscription)?;
        if let Some(group) = &self.resource_group {
            write!(f, "/resourceGroups/{group}")?;
        }
        if let Some(provider) = &self.provider {
            write!(f, "/providers/{provider}")?;
            for (t, n) in &self.resources {
                write!(f, "/{t}/{n}")?;
            }
        }
        Ok(())
    }
}

impl FromStr for ResourceId {
    type Err = ParseResourceIdError;

    fn from_str(id: &str) -> Result<Self, ParseResourceIdError> {
        let fail = |reason| Err(ParseResourceIdError { reason });
        let Some(rest) = id.strip_prefix('/') else {
            return fail("it must start with `/subscriptions/`");
        };
        let segments: Vec<&str> = rest.trim_end_matches('/').split('/').collect();
        if segments.iter().any(|s| s.is_empty()) {
            return fail("an empty segment");
        }
        let mut it = segments.into_iter().peekable();
        let keyword = |it: &mut std::iter::Peekable<std::vec::IntoIter<&str>>, word: &str| {
            it.next_if(|s| s.eq_ignore_ascii_case(word)).is_some()
        };
        if !keyword(&mut it, "subscriptions") {
            return fail("it must start with `/subscriptions/`");
        }
        let Some(subscription) = it.next() else {
            return fail("no subscription ID after `subscriptions`");
        };
        let mut out = ResourceId::subscription(subscription);
        if keyword(&mut it, "resourceGroups") {
            let Some(group) = it.next() else {
                return fail("no name after `resourceGroups`");
            };
            out.resource_group = Some(group.to_string());
        }
        if keyword(&mut it, "providers") {
            let Some(provider) = it.next() else {
                return fail("no namespace after `providers`");
            };
            out.provider = Some(provider.to_string());
            while let Some(t) = it.next() {
                let Some(n) = it.next() else {
                    return fail("a resource type without a name");
                };
                out.resources.push((t.to_string(), n.to_string()));
            }
            if out.resources.is_empty() {
                return fail("a provider namespace without a resource type and name");
            }
        }
        match it.next() {
            Some(_) => fail("segments after the subscription or group that are not `providers/..`"),
            None => Ok(out),
        }
    }
}

impl serde::Serialize for ResourceId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for ResourceId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_level_and_formats_it_back() {
        for id in [
            "/subscriptions/s",
            "/subscriptions/s/resourceGroups/g",
            "/subscriptions/s/resourceGroups/g/providers/Microsoft.ContainerRegistry/registries/r",
            "/subscriptions/s/resourceGroups/g/providers/Microsoft.ContainerRegistry/registries/r/tokens/t",
            "/subscriptions/s/providers/Microsoft.Features/features/f",
        ] {
            let parsed: ResourceId = id.parse().unwrap();
            assert_eq!(parsed.to_string(), id);
        }
    }

    #[test]
    fn keywords_are_case_insensitive_names_are_kept() {
        let id: ResourceId =
            "/SUBSCRIPTIONS/S/resourcegroups/My-RG/PROVIDERS/Microsoft.Web/sites/App/"
                .parse()
                .unwrap();
        assert_eq!(id.subscription_id(), "S");
        assert_eq!(id.resource_group(), Some("My-RG"));
        assert_eq!(id.resource_type().as_deref(), Some("Microsoft.Web/sites"));
        assert_eq!(id.name(), Some("App"));
        assert_eq!(
            id.to_string(),
            "/subscriptions/S/resourceGroups/My-RG/providers/Microsoft.Web/sites/App"
        );
    }

    #[test]
    fn refuses_what_is_not_an_id() {
        for bad in [
            "",
            "subscriptions/s",
            "/subscriptions",
            "/subscriptions//resourceGroups/g",
            "/subscriptions/s/resourceGroups",
            "/subscriptions/s/providers/Microsoft.Web",
            "/subscriptions/s/providers/Microsoft.Web/sites",
            "/subscriptions/s/resourceGroups/g/extra",
            "/tenants/t",
        ] {
            assert!(bad.parse::<ResourceId>().is_err(), "{bad}");
        }
    }

    #[test]
    fn parents_walk_up_to_the_subscription() {
        let id = ResourceId::in_group("s", "g")
            .resource("Microsoft.ContainerRegistry", "registries", "r")
            .child("tokens", "t");
        let chain: Vec<String> = std::iter::successors(Some(id), ResourceId::parent)
            .map(|i| i.to_string())
            .collect();
        assert_eq!(
            chain,
            [
                "/subscriptions/s/resourceGroups/g/providers/Microsoft.ContainerRegistry/registries/r/tokens/t",
                "/subscriptions/s/resourceGroups/g/providers/Microsoft.ContainerRegistry/registries/r",
                "/subscriptions/s/resourceGroups/g",
                "/subscriptions/s",
            ]
        );
        assert_eq!(ResourceId::subscription("s").name(), None);
    }

    #[test]
    fn reads_and_writes_json_strings() {
        let id = ResourceId::in_group("s", "g");
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, r#""/subscriptions/s/resourceGroups/g""#);
        assert_eq!(serde_json::from_str::<ResourceId>(&json).unwrap(), id);
        assert!(serde_json::from_str::<ResourceId>(r#""/nope""#).is_err());
    }
}
