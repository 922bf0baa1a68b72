//! An organization's identity provider settings, for its admins (key material never
//! leaves), and its OpenID Connect console login: public `oidcLogin(organization:)` for the
//! sign-in page, `setOidcLogin` / `removeOidcLogin` for its admins.

use super::{
    context::{self, ServiceSettings},
    error::{payload, user_errors, GqlResult, UserError},
    node::{expect_global_id, NodeKind},
    organization::Organization,
};
use crate::service::{
    self,
    identity::IssuerWithKeys,
    oidc_login::{LoginRules, NewOidcLogin},
};
use async_graphql::{Context, Enum, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use entity::oidc_login;

/// An organization's identity settings, as the API shows them.
pub struct IdentitySettings {
    pub organization_id: uuid::Uuid,
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

    /// The OpenID Connect login of the admin console, if the organization configured one.
    async fn oidc_login(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<OidcLogin>> {
        let (db, viewer) = context::request(ctx)?;
        let login = service::oidc_login::login_of(db, viewer, self.organization_id).await;
        Ok(login.gql()?.map(OidcLogin))
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

/// Which token of the identity provider's token response the console sends as its bearer.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "entity::enums::OidcBearerToken")]
pub enum OidcBearerToken {
    /// The ID token: its audience is the client id, so the client id must be the service's
    /// audience (`--audience`, default `praxis`).
    IdToken,
    /// The access token: the provider must issue it as a JWT for the service's audience.
    AccessToken,
}

/// An OIDC login row, as the API shows it.
pub struct OidcLogin(pub oidc_login::Model);

/// An organization's OpenID Connect login for the admin console: authorization code with
/// PKCE (S256), run by the browser against the organization's identity provider, as a public
/// client. Nothing here is secret.
#[Object]
impl OidcLogin {
    /// The provider's issuer (`iss` of its tokens), one the organization trusts.
    async fn issuer(&self) -> &str {
        &self.0.issuer
    }

    /// The console's client id at the provider.
    async fn client_id(&self) -> &str {
        &self.0.client_id
    }

    /// Where the browser is sent to sign in.
    async fn authorization_endpoint(&self) -> &str {
        &self.0.authorization_endpoint
    }

    /// Where the browser exchanges the code for tokens (the provider must allow the
    /// console's origin by CORS).
    async fn token_endpoint(&self) -> &str {
        &self.0.token_endpoint
    }

    /// Space-separated scopes asked for, `openid` among them.
    async fn scopes(&self) -> &str {
        &self.0.scopes
    }

    /// Which token the console sends as its bearer.
    async fn bearer_token(&self) -> OidcBearerToken {
        self.0.bearer_token.into()
    }

    /// When it was last set.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

#[derive(Default)]
pub struct OidcLoginQuery;

#[Object]
impl OidcLoginQuery {
    /// The OpenID Connect login of the organization with this slug, for the console's
    /// sign-in page; no token needed. Null alike for an unknown or disabled organization and
    /// for one without a login: it tells no more than the organization's sign-in page would.
    async fn oidc_login(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The organization's slug.")] organization: String,
    ) -> async_graphql::Result<Option<OidcLogin>> {
        let (db, _) = context::request(ctx)?;
        let login = service::oidc_login::public_login(db, &organization).await;
        Ok(login.gql()?.map(OidcLogin))
    }
}

/// Input of `setOidcLogin`.
#[derive(InputObject)]
pub struct SetOidcLoginInput {
    /// Global id of the organization.
    pub organization_id: ID,
    /// The provider's issuer: one of the organization's trusted issuers.
    pub issuer: String,
    /// The console's client id at the provider (a public client: no secret).
    pub client_id: String,
    /// `https://` URL of the provider's authorization endpoint.
    pub authorization_endpoint: String,
    /// `https://` URL of the provider's token endpoint.
    pub token_endpoint: String,
    /// Space-separated scopes, `openid` among them; default `openid profile email`.
    pub scopes: Option<String>,
    /// Which token the console uses as its bearer; default ID_TOKEN.
    #[graphql(default_with = "OidcBearerToken::IdToken")]
    pub bearer_token: OidcBearerToken,
}

/// Input of `removeOidcLogin`.
#[derive(InputObject)]
pub struct RemoveOidcLoginInput {
    /// Global id of the organization.
    pub organization_id: ID,
}

payload!(
    /// Result of `setOidcLogin`.
    SetOidcLoginPayload { oidc_login: OidcLogin }
);

/// Result of `removeOidcLogin`.
#[derive(SimpleObject)]
pub struct RemoveOidcLoginPayload {
    /// The organization; null when `userErrors` says why the change was not made.
    pub organization: Option<Organization>,
    /// Whether a login was removed (false: there was none).
    pub removed: bool,
    /// Why the change was not made.
    pub user_errors: Vec<UserError>,
}

#[derive(Default)]
pub struct OidcLoginMutation;

#[Object]
impl OidcLoginMutation {
    /// Sets (or replaces) an organization's OpenID Connect console login. Its admins and the
    /// operator. Audited.
    async fn set_oidc_login(
        &self,
        ctx: &Context<'_>,
        input: SetOidcLoginInput,
    ) -> async_graphql::Result<SetOidcLoginPayload> {
        let (db, viewer) = context::request(ctx)?;
        let settings = ctx.data::<ServiceSettings>()?;
        let new = NewOidcLogin {
            organization_id: expect_global_id(&input.organization_id, NodeKind::Organization)?,
            issuer: input.issuer,
            client_id: input.client_id,
            authorization_endpoint: input.authorization_endpoint,
            token_endpoint: input.token_endpoint,
            scopes: input.scopes,
            bearer_token: input.bearer_token.into(),
        };
        let rules = LoginRules {
            audience: &settings.audience,
            allow_loopback_http: settings.allow_loopback_jwks,
        };
        SetOidcLoginPayload::from_result(
            service::oidc_login::set_login(db, viewer, new, rules).await,
            OidcLogin,
        )
    }

    /// Removes an organization's OpenID Connect console login (tokens pasted, or minted
    /// elsewhere, still work). Its admins and the operator. Audited.
    async fn remove_oidc_login(
        &self,
        ctx: &Context<'_>,
        input: RemoveOidcLoginInput,
    ) -> async_graphql::Result<RemoveOidcLoginPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.organization_id, NodeKind::Organization)?;
        let removed = service::oidc_login::remove_login(db, viewer, id).await;
        Ok(match user_errors(removed)? {
            Ok(removed) => RemoveOidcLoginPayload {
                organization: Organization::load(ctx, id).await?,
                removed,
                user_errors: vec![],
            },
            Err(errors) => RemoveOidcLoginPayload {
                organization: None,
                removed: false,
                user_errors: errors,
            },
        })
    }
}
