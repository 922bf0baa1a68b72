//! Federation: partner policies, partnerships, communities, participations, memberships,
//! approvals and the audit log. Enums are stored as their GraphQL names (text).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organization {
    Table,
    Id,
    DefaultInboundPolicy,
    DefaultOutboundPolicy,
}

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Partnership {
    Table,
    Id,
    LowOrganizationId,
    HighOrganizationId,
    ProposerOrganizationId,
    Status,
    Message,
    LowInbound,
    LowOutbound,
    HighInbound,
    HighOutbound,
    SuspendedByOrganizationId,
    AcceptedAt,
    EndedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Community {
    Table,
    Id,
    HostOrganizationId,
    Slug,
    Name,
    Purpose,
    Tags,
    Visibility,
    Stage,
    Charter,
    JoinRule,
    CreatedByPersonId,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Participation {
    Table,
    Id,
    CommunityId,
    OrganizationId,
    Tier,
    Status,
    SponsorPersonId,
    InvitedByPersonId,
    InvitedAt,
    ExpiresAt,
    AcceptedAt,
    EndedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Membership {
    Table,
    Id,
    CommunityId,
    PersonId,
    OrganizationId,
    Role,
    Leadership,
    Status,
    SuspendedFrom,
    RequestedAt,
    JoinedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum MembershipApproval {
    Table,
    Id,
    MembershipId,
    Kind,
    Status,
    DecidedByPersonId,
    DecidedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AuditEvent {
    Table,
    Id,
    OccurredAt,
    Action,
    ActorPersonId,
    ActorName,
    ActorOrganizationId,
    OrganizationId,
    OtherOrganizationId,
    CommunityId,
    TargetType,
    TargetId,
    Before,
    After,
}

pub(crate) fn timestamp(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col)
        .timestamp_with_time_zone()
        .not_null()
        .to_owned()
}

pub(crate) fn optional_timestamp(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col).timestamp_with_time_zone().to_owned()
}

pub(crate) fn uuid_pk(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col)
        .uuid()
        .not_null()
        .primary_key()
        .to_owned()
}

pub(crate) fn required_uuid(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col).uuid().not_null().to_owned()
}

pub(crate) fn required_string(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col).string().not_null().to_owned()
}

pub(crate) fn references(
    from_table: impl IntoIden,
    from_col: impl IntoIden,
    to_table: impl IntoIden,
    to_col: impl IntoIden,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from_table, from_col)
        .to(to_table, to_col)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

pub(crate) async fn index(
    manager: &SchemaManager<'_>,
    name: &str,
    table: impl IntoIden,
    cols: Vec<DynIden>,
    unique: bool,
) -> Result<(), DbErr> {
    let mut statement = Index::create().name(name).table(table).to_owned();
    for col in cols {
        statement.col(col);
    }
    if unique {
        statement.unique();
    }
    manager.create_index(statement).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        for col in [
            Organization::DefaultInboundPolicy,
            Organization::DefaultOutboundPolicy,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Organization::Table)
                        .add_column(ColumnDef::new(col).string().not_null().default("ALLOWED"))
                        .to_owned(),
                )
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(Partnership::Table)
                    .col(uuid_pk(Partnership::Id))
                    .col(required_uuid(Partnership::LowOrganizationId))
                    .col(required_uuid(Partnership::HighOrganizationId))
                    .col(required_uuid(Partnership::ProposerOrganizationId))
                    .col(required_string(Partnership::Status))
                    .col(ColumnDef::new(Partnership::Message).text())
                    .col(ColumnDef::new(Partnership::LowInbound).string())
                    .col(ColumnDef::new(Partnership::LowOutbound).string())
                    .col(ColumnDef::new(Partnership::HighInbound).string())
                    .col(ColumnDef::new(Partnership::HighOutbound).string())
                    .col(ColumnDef::new(Partnership::SuspendedByOrganizationId).uuid())
                    .col(optional_timestamp(Partnership::AcceptedAt))
                    .col(optional_timestamp(Partnership::EndedAt))
                    .col(timestamp(Partnership::CreatedAt))
                    .col(timestamp(Partnership::UpdatedAt))
                    .foreign_key(&mut references(
                        Partnership::Table,
                        Partnership::LowOrganizationId,
                        Organization::Table,
                        Organization::Id,
                    ))
                    .foreign_key(&mut references(
                        Partnership::Table,
                        Partnership::HighOrganizationId,
                        Organization::Table,
                        Organization::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "partnership_pair_idx",
            Partnership::Table,
            vec![
                Partnership::LowOrganizationId.into_iden(),
                Partnership::HighOrganizationId.into_iden(),
            ],
            true,
        )
        .await?;
        index(
            manager,
            "partnership_high_idx",
            Partnership::Table,
            vec![Partnership::HighOrganizationId.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Community::Table)
                    .col(uuid_pk(Community::Id))
                    .col(required_uuid(Community::HostOrganizationId))
                    .col(required_string(Community::Slug))
                    .col(required_string(Community::Name))
                    .col(ColumnDef::new(Community::Purpose).text().not_null())
                    .col(ColumnDef::new(Community::Tags).json().not_null())
                    .col(required_string(Community::Visibility))
                    .col(required_string(Community::Stage))
                    .col(ColumnDef::new(Community::Charter).text().not_null())
                    .col(required_string(Community::JoinRule))
                    .col(required_uuid(Community::CreatedByPersonId))
                    .col(timestamp(Community::CreatedAt))
                    .col(timestamp(Community::UpdatedAt))
                    .foreign_key(&mut references(
                        Community::Table,
                        Community::HostOrganizationId,
                        Organization::Table,
                        Organization::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "community_host_slug_idx",
            Community::Table,
            vec![
                Community::HostOrganizationId.into_iden(),
                Community::Slug.into_iden(),
            ],
            true,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Participation::Table)
                    .col(uuid_pk(Participation::Id))
                    .col(required_uuid(Participation::CommunityId))
                    .col(required_uuid(Participation::OrganizationId))
                    .col(required_string(Participation::Tier))
                    .col(required_string(Participation::Status))
                    .col(ColumnDef::new(Participation::SponsorPersonId).uuid())
                    .col(ColumnDef::new(Participation::InvitedByPersonId).uuid())
                    .col(timestamp(Participation::InvitedAt))
                    .col(optional_timestamp(Participation::ExpiresAt))
                    .col(optional_timestamp(Participation::AcceptedAt))
                    .col(optional_timestamp(Participation::EndedAt))
                    .col(timestamp(Participation::UpdatedAt))
                    .foreign_key(&mut references(
                        Participation::Table,
                        Participation::CommunityId,
                        Community::Table,
                        Community::Id,
                    ))
                    .foreign_key(&mut references(
                        Participation::Table,
                        Participation::OrganizationId,
                        Organization::Table,
                        Organization::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "participation_community_organization_idx",
            Participation::Table,
            vec![
                Participation::CommunityId.into_iden(),
                Participation::OrganizationId.into_iden(),
            ],
            true,
        )
        .await?;
        index(
            manager,
            "participation_organization_status_idx",
            Participation::Table,
            vec![
                Participation::OrganizationId.into_iden(),
                Participation::Status.into_iden(),
            ],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Membership::Table)
                    .col(uuid_pk(Membership::Id))
                    .col(required_uuid(Membership::CommunityId))
                    .col(required_uuid(Membership::PersonId))
                    .col(required_uuid(Membership::OrganizationId))
                    .col(required_string(Membership::Role))
                    .col(ColumnDef::new(Membership::Leadership).string())
                    .col(required_string(Membership::Status))
                    .col(ColumnDef::new(Membership::SuspendedFrom).string())
                    .col(timestamp(Membership::RequestedAt))
                    .col(optional_timestamp(Membership::JoinedAt))
                    .col(timestamp(Membership::UpdatedAt))
                    .foreign_key(&mut references(
                        Membership::Table,
                        Membership::CommunityId,
                        Community::Table,
                        Community::Id,
                    ))
                    .foreign_key(&mut references(
                        Membership::Table,
                        Membership::PersonId,
                        Person::Table,
                        Person::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "membership_community_person_idx",
            Membership::Table,
            vec![
                Membership::CommunityId.into_iden(),
                Membership::PersonId.into_iden(),
            ],
            true,
        )
        .await?;
        index(
            manager,
            "membership_person_status_idx",
            Membership::Table,
            vec![
                Membership::PersonId.into_iden(),
                Membership::Status.into_iden(),
            ],
            false,
        )
        .await?;
        index(
            manager,
            "membership_organization_idx",
            Membership::Table,
            vec![Membership::OrganizationId.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(MembershipApproval::Table)
                    .col(uuid_pk(MembershipApproval::Id))
                    .col(required_uuid(MembershipApproval::MembershipId))
                    .col(required_string(MembershipApproval::Kind))
                    .col(required_string(MembershipApproval::Status))
                    .col(ColumnDef::new(MembershipApproval::DecidedByPersonId).uuid())
                    .col(optional_timestamp(MembershipApproval::DecidedAt))
                    .col(timestamp(MembershipApproval::CreatedAt))
                    .foreign_key(&mut references(
                        MembershipApproval::Table,
                        MembershipApproval::MembershipId,
                        Membership::Table,
                        Membership::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "membership_approval_membership_idx",
            MembershipApproval::Table,
            vec![MembershipApproval::MembershipId.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(AuditEvent::Table)
                    .col(uuid_pk(AuditEvent::Id))
                    .col(timestamp(AuditEvent::OccurredAt))
                    .col(required_string(AuditEvent::Action))
                    .col(ColumnDef::new(AuditEvent::ActorPersonId).uuid())
                    .col(required_string(AuditEvent::ActorName))
                    .col(ColumnDef::new(AuditEvent::ActorOrganizationId).uuid())
                    .col(required_uuid(AuditEvent::OrganizationId))
                    .col(ColumnDef::new(AuditEvent::OtherOrganizationId).uuid())
                    .col(ColumnDef::new(AuditEvent::CommunityId).uuid())
                    .col(required_string(AuditEvent::TargetType))
                    .col(ColumnDef::new(AuditEvent::TargetId).uuid())
                    .col(ColumnDef::new(AuditEvent::Before).json())
                    .col(ColumnDef::new(AuditEvent::After).json())
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "audit_event_organization_idx",
            AuditEvent::Table,
            vec![
                AuditEvent::OrganizationId.into_iden(),
                AuditEvent::Id.into_iden(),
            ],
            false,
        )
        .await?;
        index(
            manager,
            "audit_event_other_organization_idx",
            AuditEvent::Table,
            vec![
                AuditEvent::OtherOrganizationId.into_iden(),
                AuditEvent::Id.into_iden(),
            ],
            false,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AuditEvent::Table.into_iden(),
            MembershipApproval::Table.into_iden(),
            Membership::Table.into_iden(),
            Participation::Table.into_iden(),
            Community::Table.into_iden(),
            Partnership::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        for col in [
            Organization::DefaultInboundPolicy,
            Organization::DefaultOutboundPolicy,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Organization::Table)
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
