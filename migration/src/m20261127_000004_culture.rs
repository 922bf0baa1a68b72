//! Culture and value: events (single, or occurrences of a recurring series), RSVPs with a
//! waitlist and check-ins, secret calendar feed tokens, people's business units and division
//! leaders, and a community's declared rhythm.
//!
//! Occurrences of a series are materialized as `event` rows (unique per series and original
//! start), so that each has its own RSVPs, waitlist and check-ins and reports are plain
//! aggregates.

use crate::{
    m20261127_000002_federation::{
        index, optional_timestamp, references, required_string, required_uuid, timestamp, uuid_pk,
    },
    m20261127_000003_knowledge::{cols, counter, text},
};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
    BusinessUnit,
    BusinessUnitKey,
}

#[derive(DeriveIden)]
enum Organization {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Community {
    Table,
    Id,
    RhythmIntervalDays,
}

#[derive(DeriveIden)]
enum EventSeries {
    Table,
    Id,
    CommunityId,
    HostOrganizationId,
    Rule,
    TimeZone,
    LocalStart,
    DurationSeconds,
    Title,
    Description,
    Kind,
    Format,
    JoinUrl,
    Place,
    Capacity,
    State,
    OccurrenceCount,
    MaterializedUntil,
    Complete,
    CreatedByPersonId,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Event {
    Table,
    Id,
    CommunityId,
    SeriesId,
    HostOrganizationId,
    Title,
    Description,
    Kind,
    Format,
    JoinUrl,
    Place,
    TimeZone,
    StartsAt,
    EndsAt,
    OriginalStartsAt,
    Moved,
    Detached,
    Capacity,
    State,
    CancelReason,
    GoingCount,
    WaitlistCount,
    CheckedInCount,
    Sequence,
    CreatedByPersonId,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum EventRsvp {
    Table,
    Id,
    EventId,
    CommunityId,
    PersonId,
    OrganizationId,
    Status,
    WaitlistedAt,
    RespondedAt,
    CheckedInAt,
    CheckedInByPersonId,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CalendarFeed {
    Table,
    Id,
    PersonId,
    OrganizationId,
    TokenHash,
    CreatedAt,
    LastUsedAt,
}

#[derive(DeriveIden)]
enum DivisionLeader {
    Table,
    Id,
    OrganizationId,
    PersonId,
    BusinessUnit,
    BusinessUnitKey,
    GrantedByPersonId,
    CreatedAt,
}

fn flag(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col)
        .boolean()
        .not_null()
        .default(false)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        for col in [Person::BusinessUnit, Person::BusinessUnitKey] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Person::Table)
                        .add_column(ColumnDef::new(col).string())
                        .to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Community::Table)
                    .add_column(ColumnDef::new(Community::RhythmIntervalDays).integer())
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "person_business_unit_idx",
            Person::Table,
            cols([Person::BusinessUnitKey.into_iden()]),
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(EventSeries::Table)
                    .col(uuid_pk(EventSeries::Id))
                    .col(required_uuid(EventSeries::CommunityId))
                    .col(required_uuid(EventSeries::HostOrganizationId))
                    .col(required_string(EventSeries::Rule))
                    .col(required_string(EventSeries::TimeZone))
                    .col(required_string(EventSeries::LocalStart))
                    .col(
                        ColumnDef::new(EventSeries::DurationSeconds)
                            .big_integer()
                            .not_null(),
                    )
                    .col(required_string(EventSeries::Title))
                    .col(text(EventSeries::Description))
                    .col(required_string(EventSeries::Kind))
                    .col(required_string(EventSeries::Format))
                    .col(ColumnDef::new(EventSeries::JoinUrl).string())
                    .col(ColumnDef::new(EventSeries::Place).string())
                    .col(ColumnDef::new(EventSeries::Capacity).integer())
                    .col(required_string(EventSeries::State))
                    .col(counter(EventSeries::OccurrenceCount))
                    .col(optional_timestamp(EventSeries::MaterializedUntil))
                    .col(flag(EventSeries::Complete))
                    .col(required_uuid(EventSeries::CreatedByPersonId))
                    .col(timestamp(EventSeries::CreatedAt))
                    .col(timestamp(EventSeries::UpdatedAt))
                    .foreign_key(&mut references(
                        EventSeries::Table,
                        EventSeries::CommunityId,
                        Community::Table,
                        Community::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "event_series_community_idx",
            EventSeries::Table,
            cols([
                EventSeries::CommunityId.into_iden(),
                EventSeries::Id.into_iden(),
            ]),
            false,
        )
        .await?;
        index(
            manager,
            "event_series_open_idx",
            EventSeries::Table,
            cols([
                EventSeries::Complete.into_iden(),
                EventSeries::MaterializedUntil.into_iden(),
            ]),
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Event::Table)
                    .col(uuid_pk(Event::Id))
                    .col(required_uuid(Event::CommunityId))
                    .col(ColumnDef::new(Event::SeriesId).uuid())
                    .col(required_uuid(Event::HostOrganizationId))
                    .col(required_string(Event::Title))
                    .col(text(Event::Description))
                    .col(required_string(Event::Kind))
                    .col(required_string(Event::Format))
                    .col(ColumnDef::new(Event::JoinUrl).string())
                    .col(ColumnDef::new(Event::Place).string())
                    .col(required_string(Event::TimeZone))
                    .col(timestamp(Event::StartsAt))
                    .col(timestamp(Event::EndsAt))
                    .col(optional_timestamp(Event::OriginalStartsAt))
                    .col(flag(Event::Moved))
                    .col(flag(Event::Detached))
                    .col(ColumnDef::new(Event::Capacity).integer())
                    .col(required_string(Event::State))
                    .col(ColumnDef::new(Event::CancelReason).text())
                    .col(counter(Event::GoingCount))
                    .col(counter(Event::WaitlistCount))
                    .col(counter(Event::CheckedInCount))
                    .col(counter(Event::Sequence))
                    .col(required_uuid(Event::CreatedByPersonId))
                    .col(timestamp(Event::CreatedAt))
                    .col(timestamp(Event::UpdatedAt))
                    .foreign_key(&mut references(
                        Event::Table,
                        Event::CommunityId,
                        Community::Table,
                        Community::Id,
                    ))
                    .foreign_key(&mut references(
                        Event::Table,
                        Event::SeriesId,
                        EventSeries::Table,
                        EventSeries::Id,
                    ))
                    .foreign_key(&mut references(
                        Event::Table,
                        Event::HostOrganizationId,
                        Organization::Table,
                        Organization::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "event_community_start_idx",
            Event::Table,
            cols([
                Event::CommunityId.into_iden(),
                Event::StartsAt.into_iden(),
                Event::Id.into_iden(),
            ]),
            false,
        )
        .await?;
        index(
            manager,
            "event_series_occurrence_idx",
            Event::Table,
            cols([
                Event::SeriesId.into_iden(),
                Event::OriginalStartsAt.into_iden(),
            ]),
            true,
        )
        .await?;
        index(
            manager,
            "event_host_organization_idx",
            Event::Table,
            cols([
                Event::HostOrganizationId.into_iden(),
                Event::StartsAt.into_iden(),
            ]),
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(EventRsvp::Table)
                    .col(uuid_pk(EventRsvp::Id))
                    .col(required_uuid(EventRsvp::EventId))
                    .col(required_uuid(EventRsvp::CommunityId))
                    .col(required_uuid(EventRsvp::PersonId))
                    .col(required_uuid(EventRsvp::OrganizationId))
                    .col(required_string(EventRsvp::Status))
                    .col(optional_timestamp(EventRsvp::WaitlistedAt))
                    .col(timestamp(EventRsvp::RespondedAt))
                    .col(optional_timestamp(EventRsvp::CheckedInAt))
                    .col(ColumnDef::new(EventRsvp::CheckedInByPersonId).uuid())
                    .col(timestamp(EventRsvp::CreatedAt))
                    .col(timestamp(EventRsvp::UpdatedAt))
                    .foreign_key(&mut references(
                        EventRsvp::Table,
                        EventRsvp::EventId,
                        Event::Table,
                        Event::Id,
                    ))
                    .foreign_key(&mut references(
                        EventRsvp::Table,
                        EventRsvp::PersonId,
                        Person::Table,
                        Person::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "event_rsvp_pair_idx",
            EventRsvp::Table,
            cols([
                EventRsvp::EventId.into_iden(),
                EventRsvp::PersonId.into_iden(),
            ]),
            true,
        )
        .await?;
        index(
            manager,
            "event_rsvp_waitlist_idx",
            EventRsvp::Table,
            cols([
                EventRsvp::EventId.into_iden(),
                EventRsvp::Status.into_iden(),
                EventRsvp::WaitlistedAt.into_iden(),
                EventRsvp::Id.into_iden(),
            ]),
            false,
        )
        .await?;
        index(
            manager,
            "event_rsvp_person_idx",
            EventRsvp::Table,
            cols([EventRsvp::PersonId.into_iden(), EventRsvp::Id.into_iden()]),
            false,
        )
        .await?;
        index(
            manager,
            "event_rsvp_community_checkin_idx",
            EventRsvp::Table,
            cols([
                EventRsvp::CommunityId.into_iden(),
                EventRsvp::CheckedInAt.into_iden(),
            ]),
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(CalendarFeed::Table)
                    .col(uuid_pk(CalendarFeed::Id))
                    .col(required_uuid(CalendarFeed::PersonId))
                    .col(required_uuid(CalendarFeed::OrganizationId))
                    .col(required_string(CalendarFeed::TokenHash))
                    .col(timestamp(CalendarFeed::CreatedAt))
                    .col(optional_timestamp(CalendarFeed::LastUsedAt))
                    .foreign_key(&mut references(
                        CalendarFeed::Table,
                        CalendarFeed::PersonId,
                        Person::Table,
                        Person::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "calendar_feed_person_idx",
            CalendarFeed::Table,
            cols([CalendarFeed::PersonId.into_iden()]),
            true,
        )
        .await?;
        index(
            manager,
            "calendar_feed_token_idx",
            CalendarFeed::Table,
            cols([CalendarFeed::TokenHash.into_iden()]),
            true,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(DivisionLeader::Table)
                    .col(uuid_pk(DivisionLeader::Id))
                    .col(required_uuid(DivisionLeader::OrganizationId))
                    .col(required_uuid(DivisionLeader::PersonId))
                    .col(required_string(DivisionLeader::BusinessUnit))
                    .col(required_string(DivisionLeader::BusinessUnitKey))
                    .col(required_uuid(DivisionLeader::GrantedByPersonId))
                    .col(timestamp(DivisionLeader::CreatedAt))
                    .foreign_key(&mut references(
                        DivisionLeader::Table,
                        DivisionLeader::PersonId,
                        Person::Table,
                        Person::Id,
                    ))
                    .foreign_key(&mut references(
                        DivisionLeader::Table,
                        DivisionLeader::OrganizationId,
                        Organization::Table,
                        Organization::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "division_leader_unit_idx",
            DivisionLeader::Table,
            cols([
                DivisionLeader::OrganizationId.into_iden(),
                DivisionLeader::BusinessUnitKey.into_iden(),
                DivisionLeader::PersonId.into_iden(),
            ]),
            true,
        )
        .await?;
        index(
            manager,
            "division_leader_person_idx",
            DivisionLeader::Table,
            cols([DivisionLeader::PersonId.into_iden()]),
            false,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            DivisionLeader::Table.into_iden(),
            CalendarFeed::Table.into_iden(),
            EventRsvp::Table.into_iden(),
            Event::Table.into_iden(),
            EventSeries::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        manager
            .drop_index(
                Index::drop()
                    .name("person_business_unit_idx")
                    .table(Person::Table)
                    .to_owned(),
            )
            .await?;
        for col in [Person::BusinessUnit, Person::BusinessUnitKey] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Person::Table)
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Community::Table)
                    .drop_column(Community::RhythmIntervalDays)
                    .to_owned(),
            )
            .await
    }
}
