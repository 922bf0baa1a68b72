//! An organization's identity provider settings, for its admins. Key material never leaves.

use crate::service::identity::IssuerWithKeys;
use async_graphql::{Object, SimpleObject};
use chrono::{DateTime, Utc};

/// An organization's identity settings, as the API shows them.
pub struct IdentitySettings {
    pub admin_claim: String,
    pub admin_claim_value: String,
    pub issuers: Vec<IssuerWithKeys>,
}

/// How an organization's tokens are recognised.
#[Object]
impl IdentitySettings {
    /// Claim that marks an organization admin (a string, a list, or space-separated words).
    async fn admin_claim(&self) -> &str {
        &self.admin_claim
    }

    /// Value the admin claim must hold or contain.
    async fn admin_claim_value(&self) -> &str {
        &self.admin_claim_value
    }

    /// Issuers whose tokens name people of this organization.
    async fn issuers(&self) -> Vec<IdentityIssuer> {
        self.issuers
            .iter()
            .map(|i| IdentityIssuer {
                issuer: i.issuer.issuer.clone(),
                jwks_url: i.issuer.jwks_url.clone(),
                created_at: i.issuer.created_at,
                keys: i
                    .keys
                    .iter()
                    .map(|k| IdentityKey {
                        kid: k.kid.clone(),
                        algorithm: k.algorithm.clone(),
                        created_at: k.created_at,
                        retired_at: k.retired_at,
                    })
                    .collect(),
            })
            .collect()
    }
}

/// A token issuer an organization trusts.
#[derive(SimpleObject)]
pub struct IdentityIssuer {
    /// The `iss` value of its tokens.
    pub issuer: String,
    /// Where its public keys are published, if it publishes them.
    pub jwks_url: Option<String>,
    /// When it was added.
    pub created_at: DateTime<Utc>,
    /// Keys stored for it (JWKS keys are fetched, not listed here).
    pub keys: Vec<IdentityKey>,
}

/// A stored verification key (its material is never shown).
#[derive(SimpleObject)]
pub struct IdentityKey {
    /// The `kid` of tokens it signs, if any.
    pub kid: Option<String>,
    /// JWS algorithm the key pins.
    pub algorithm: String,
    /// When it was added.
    pub created_at: DateTime<Utc>,
    /// When it was retired; a retired key verifies nothing.
    pub retired_at: Option<DateTime<Utc>>,
}
