//! Tenants and identity: organizations, the issuers and keys they trust, their people.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organization {
    Table,
    Id,
    Slug,
    Name,
    AdminClaim,
    AdminClaimValue,
    DisabledAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum IdentityIssuer {
    Table,
    Id,
    OrganizationId,
    Issuer,
    JwksUrl,
    CreatedAt,
}

#[derive(DeriveIden)]
enum IdentityKey {
    Table,
    Id,
    IssuerId,
    Kid,
    Algorithm,
    Material,
    CreatedAt,
    RetiredAt,
}

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
    OrganizationId,
    Subject,
    DisplayName,
    Email,
    CreatedAt,
    LastSeenAt,
}

fn timestamp(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col)
        .timestamp_with_time_zone()
        .not_null()
        .to_owned()
}

fn uuid_pk(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col)
        .uuid()
        .not_null()
        .primary_key()
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Organization::Table)
                    .col(uuid_pk(Organization::Id))
                    .col(
                        ColumnDef::new(Organization::Slug)
                            .string()
                            .not_null()
                            .unique_key(),
                    )
                    .col(ColumnDef::new(Organization::Name).string().not_null())
                    .col(
                        ColumnDef::new(Organization::AdminClaim)
                            .string()
                            .not_null()
                            .default("roles"),
                    )
                    .col(
                        ColumnDef::new(Organization::AdminClaimValue)
                            .string()
                            .not_null()
                            .default("admin"),
                    )
                    .col(ColumnDef::new(Organization::DisabledAt).timestamp_with_time_zone())
                    .col(timestamp(Organization::CreatedAt))
                    .col(timestamp(Organization::UpdatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(IdentityIssuer::Table)
                    .col(uuid_pk(IdentityIssuer::Id))
                    .col(
                        ColumnDef::new(IdentityIssuer::OrganizationId)
                            .uuid()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(IdentityIssuer::Issuer)
                            .string()
                            .not_null()
                            .unique_key(),
                    )
                    .col(ColumnDef::new(IdentityIssuer::JwksUrl).string())
                    .col(timestamp(IdentityIssuer::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(IdentityIssuer::Table, IdentityIssuer::OrganizationId)
                            .to(Organization::Table, Organization::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("identity_issuer_organization_idx")
                    .table(IdentityIssuer::Table)
                    .col(IdentityIssuer::OrganizationId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(IdentityKey::Table)
                    .col(uuid_pk(IdentityKey::Id))
                    .col(ColumnDef::new(IdentityKey::IssuerId).uuid().not_null())
                    .col(ColumnDef::new(IdentityKey::Kid).string())
                    .col(ColumnDef::new(IdentityKey::Algorithm).string().not_null())
                    .col(ColumnDef::new(IdentityKey::Material).text().not_null())
                    .col(timestamp(IdentityKey::CreatedAt))
                    .col(ColumnDef::new(IdentityKey::RetiredAt).timestamp_with_time_zone())
                    .foreign_key(
                        ForeignKey::create()
                            .from(IdentityKey::Table, IdentityKey::IssuerId)
                            .to(IdentityIssuer::Table, IdentityIssuer::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("identity_key_issuer_kid_idx")
                    .table(IdentityKey::Table)
                    .col(IdentityKey::IssuerId)
                    .col(IdentityKey::Kid)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Person::Table)
                    .col(uuid_pk(Person::Id))
                    .col(ColumnDef::new(Person::OrganizationId).uuid().not_null())
                    .col(ColumnDef::new(Person::Subject).string().not_null())
                    .col(ColumnDef::new(Person::DisplayName).string())
                    .col(ColumnDef::new(Person::Email).string())
                    .col(timestamp(Person::CreatedAt))
                    .col(timestamp(Person::LastSeenAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Person::Table, Person::OrganizationId)
                            .to(Organization::Table, Organization::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("person_organization_subject_idx")
                    .table(Person::Table)
                    .col(Person::OrganizationId)
                    .col(Person::Subject)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Person::Table.into_iden(),
            IdentityKey::Table.into_iden(),
            IdentityIssuer::Table.into_iden(),
            Organization::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
