//! An organization's OpenID Connect login for the admin console (authorization code with
//! PKCE, run by the browser): one row per organization that configures it.

use super::enums::OidcBearerToken;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "oidc_login")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub organization_id: Uuid,
    /// The identity provider's issuer: one the organization trusts.
    pub issuer: String,
    pub client_id: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    /// Space-separated, `openid` among them.
    pub scopes: String,
    /// Which token of the token response the console sends as its bearer.
    pub bearer_token: OidcBearerToken,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
