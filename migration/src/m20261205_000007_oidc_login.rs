//! An organization's OpenID Connect login for the admin console: where the browser sends its
//! people to sign in (authorization code with PKCE) and which token it then uses as bearer.
//! One per organization; the browser talks to the identity provider, the server never does.

use crate::m20261127_000002_federation::{references, required_string, timestamp};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OidcLogin {
    Table,
    OrganizationId,
    Issuer,
    ClientId,
    AuthorizationEndpoint,
    TokenEndpoint,
    Scopes,
    BearerToken,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Organization {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(OidcLogin::Table)
                    .col(
                        ColumnDef::new(OidcLogin::OrganizationId)
                            .uuid()
                            .not_null()
                            .primary_key(),
                    )
                    .col(required_string(OidcLogin::Issuer))
                    .col(required_string(OidcLogin::ClientId))
                    .col(
                        ColumnDef::new(OidcLogin::AuthorizationEndpoint)
                            .text()
                            .not_null(),
                    )
                    .col(ColumnDef::new(OidcLogin::TokenEndpoint).text().not_null())
                    .col(required_string(OidcLogin::Scopes))
                    .col(required_string(OidcLogin::BearerToken))
                    .col(timestamp(OidcLogin::CreatedAt))
                    .col(timestamp(OidcLogin::UpdatedAt))
                    .foreign_key(&mut references(
                        OidcLogin::Table,
                        OidcLogin::OrganizationId,
                        Organization::Table,
                        Organization::Id,
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(OidcLogin::Table).to_owned())
            .await
    }
}
