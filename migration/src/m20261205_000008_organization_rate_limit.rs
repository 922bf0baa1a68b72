//! An organization's cost budgets per rate-limit window, set by the platform operator: one row
//! per organization that has budgets of its own; a missing row or a NULL budget means the
//! server's default (`--rate-limit-organization`, `--rate-limit-person`).

use crate::m20261127_000002_federation::{references, timestamp};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OrganizationRateLimit {
    Table,
    OrganizationId,
    OrganizationPoints,
    PersonPoints,
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
                    .table(OrganizationRateLimit::Table)
                    .col(
                        ColumnDef::new(OrganizationRateLimit::OrganizationId)
                            .uuid()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(OrganizationRateLimit::OrganizationPoints).big_integer())
                    .col(ColumnDef::new(OrganizationRateLimit::PersonPoints).big_integer())
                    .col(timestamp(OrganizationRateLimit::CreatedAt))
                    .col(timestamp(OrganizationRateLimit::UpdatedAt))
                    .foreign_key(&mut references(
                        OrganizationRateLimit::Table,
                        OrganizationRateLimit::OrganizationId,
                        Organization::Table,
                        Organization::Id,
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(OrganizationRateLimit::Table).to_owned())
            .await
    }
}
