//! Registered (persisted) operations: GraphQL documents an organization's admins register,
//! named by the SHA-256 of their text, and the organization's switch that accepts only those
//! from its people. A table of its own for the switch keeps the organization row untouched.

use crate::{
    m20261127_000002_federation::{
        index, references, required_string, required_uuid, timestamp, uuid_pk,
    },
    m20261127_000003_knowledge::{cols, text},
};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum PersistedOperation {
    Table,
    Id,
    OrganizationId,
    Sha256,
    Name,
    Document,
    CreatedByPersonId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PersistedOperationPolicy {
    Table,
    OrganizationId,
    PersistedOnly,
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
                    .table(PersistedOperation::Table)
                    .col(uuid_pk(PersistedOperation::Id))
                    .col(required_uuid(PersistedOperation::OrganizationId))
                    .col(required_string(PersistedOperation::Sha256))
                    .col(ColumnDef::new(PersistedOperation::Name).string())
                    .col(text(PersistedOperation::Document))
                    .col(ColumnDef::new(PersistedOperation::CreatedByPersonId).uuid())
                    .col(timestamp(PersistedOperation::CreatedAt))
                    .foreign_key(&mut references(
                        PersistedOperation::Table,
                        PersistedOperation::OrganizationId,
                        Organization::Table,
                        Organization::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        // One registration per document and organization; also the lookup by hash.
        index(
            manager,
            "persisted_operation_organization_sha256_idx",
            PersistedOperation::Table,
            cols([
                PersistedOperation::OrganizationId.into_iden(),
                PersistedOperation::Sha256.into_iden(),
            ]),
            true,
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(PersistedOperationPolicy::Table)
                    .col(uuid_pk(PersistedOperationPolicy::OrganizationId))
                    .col(
                        ColumnDef::new(PersistedOperationPolicy::PersistedOnly)
                            .boolean()
                            .not_null(),
                    )
                    .col(timestamp(PersistedOperationPolicy::UpdatedAt))
                    .foreign_key(&mut references(
                        PersistedOperationPolicy::Table,
                        PersistedOperationPolicy::OrganizationId,
                        Organization::Table,
                        Organization::Id,
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                Table::drop()
                    .table(PersistedOperationPolicy::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(PersistedOperation::Table).to_owned())
            .await
    }
}
