//! An `SSL_CERT_FILE` without certificates is an error from `ContainerRegistryClient::new`,
//! not a panic (azure_core's own default transport panics there). A test binary of its
//! own: it sets process-wide environment variables.

use std::sync::Arc;

use azure_core::credentials::{AccessToken, TokenCredential, TokenRequestOptions};

#[derive(Debug)]
struct NoToken;

#[async_trait::async_trait]
impl TokenCredential for NoToken {
    async fn get_token(
        &self,
        _: &[&str],
        _: Option<TokenRequestOptions<'_>>,
    ) -> azure_core::Result<AccessToken> {
        Err(azure_core::Error::with_message(
            azure_core::error::ErrorKind::Credential,
            "no token in this test",
        ))
    }
}

#[test]
fn an_ssl_cert_file_without_certificates_is_an_error() {
    let dir = std::env::temp_dir().join(format!("acr-tls-setup-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.pem");
    std::fs::write(&empty, "").unwrap();
    std::env::set_var("SSL_CERT_FILE", &empty);
    std::env::set_var("SSL_CERT_DIR", &dir);
    let result = acr_mgmt::ContainerRegistryClient::new(
        "https://management.azure.com",
        Arc::new(NoToken),
        "00000000-0000-0000-0000-000000000000",
        None,
    );
    let error = result.expect_err("no usable root certificate must be an error");
    assert!(
        error.to_string().contains("cannot set up the HTTP client"),
        "{error}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
