//! Which audience a client's bearer tokens are for: the spec's scopes, or Azure
//! Resource Manager of the cloud the client talks to.

use azure_core::cloud::CloudConfiguration;
use azure_core::http::Url;

/// The OAuth scopes a client asks its credential for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scopes {
    /// Azure Resource Manager of the client's cloud: the cloud of
    /// `ClientOptions::cloud` when set (public, Government, China; for a custom cloud,
    /// its audience for [`ArmAudience`]), else the one the endpoint names
    /// (`management.usgovcloudapi.net` → Government, ...), else the endpoint itself.
    Arm,
    /// Scopes the spec (or the generator's settings) names, whatever the endpoint.
    Fixed(&'static [&'static str]),
}

/// The key of Azure Resource Manager's audience in a custom cloud's
/// `azure_core::cloud::Audiences`.
pub struct ArmAudience;

/// ARM's audience in each of Azure's clouds, and the host that names it.
const ARM_CLOUDS: [(&str, &str); 3] = [
    ("management.azure.com", "https://management.azure.com"),
    (
        "management.usgovcloudapi.net",
        "https://management.usgovcloudapi.net",
    ),
    (
        "management.chinacloudapi.cn",
        "https://management.chinacloudapi.cn",
    ),
];

impl Scopes {
    /// The scopes to ask for, for a client of `endpoint` in `cloud`.
    pub(crate) fn resolve(self, endpoint: &Url, cloud: Option<&CloudConfiguration>) -> Vec<String> {
        match self {
            Scopes::Fixed(scopes) => scopes.iter().map(|s| s.to_string()).collect(),
            Scopes::Arm => vec![format!("{}/.default", arm_audience(endpoint, cloud))],
        }
    }
}

fn arm_audience(endpoint: &Url, cloud: Option<&CloudConfiguration>) -> String {
    let public = ARM_CLOUDS[0].1;
    let from_cloud = match cloud {
        Some(CloudConfiguration::AzurePublic) => Some(public.to_string()),
        Some(CloudConfiguration::AzureGovernment) => Some(ARM_CLOUDS[1].1.to_string()),
        Some(CloudConfiguration::AzureChina) => Some(ARM_CLOUDS[2].1.to_string()),
        Some(CloudConfiguration::Custom(custom)) => custom
            .audiences
            .get::<ArmAudience>()
            .map(|a| a.trim_end_matches('/').to_string()),
        _ => None,
    };
    if let Some(audience) = from_cloud {
        return audience;
    }
    let host = endpoint.host_str().unwrap_or_default();
    if let Some((_, audience)) = ARM_CLOUDS
        .iter()
        .find(|(h, _)| host.eq_ignore_ascii_case(h))
    {
        return audience.to_string();
    }
    // A host from a template (the endpoint is a placeholder): public ARM.
    if host.ends_with(".invalid") {
        return public.to_string();
    }
    endpoint.origin().ascii_serialization()
}

#[cfg(test)]
mod tests {
    use super::*;
    use azure_core::cloud::{Audiences, CustomConfiguration};

    fn arm(endpoint: &str, cloud: Option<CloudConfiguration>) -> Vec<String> {
        Scopes::Arm.resolve(&Url::parse(endpoint).unwrap(), cloud.as_ref())
    }

    #[test]
    fn the_endpoint_names_the_cloud() {
        assert_eq!(
            arm("https://management.azure.com/", None),
            ["https://management.azure.com/.default"]
        );
        assert_eq!(
            arm("https://management.usgovcloudapi.net", None),
            ["https://management.usgovcloudapi.net/.default"]
        );
        assert_eq!(
            arm("https://MANAGEMENT.chinacloudapi.cn/", None),
            ["https://management.chinacloudapi.cn/.default"]
        );
        assert_eq!(
            arm("https://arm.local:8443/x/", None),
            ["https://arm.local:8443/.default"]
        );
    }

    #[test]
    fn the_cloud_configuration_wins() {
        assert_eq!(
            arm(
                "https://management.azure.com",
                Some(CloudConfiguration::AzureGovernment)
            ),
            ["https://management.usgovcloudapi.net/.default"]
        );
        let mut custom = CustomConfiguration::default();
        custom.audiences =
            Audiences::new().with::<ArmAudience>("https://arm.mycloud.local/".to_string());
        assert_eq!(
            arm("https://management.azure.com", Some(custom.into())),
            ["https://arm.mycloud.local/.default"]
        );
    }

    #[test]
    fn fixed_scopes_stay() {
        let scopes = Scopes::Fixed(&["https://vault.azure.net/.default"]);
        let endpoint = Url::parse("https://management.azure.com").unwrap();
        assert_eq!(
            scopes.resolve(&endpoint, Some(&CloudConfiguration::AzureChina)),
            ["https://vault.azure.net/.default"]
        );
    }
}
