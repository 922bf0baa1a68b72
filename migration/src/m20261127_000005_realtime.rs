//! Realtime and integrations: the domain event outbox, webhook endpoints, their deliveries and
//! every delivery attempt.
//!
//! A domain event is written in the transaction of the change it tells (`position` NULL);
//! the sequencer numbers committed events one batch at a time (`position`, unique, in commit
//! order) and, in that same transaction, creates one delivery per webhook endpoint that may
//! receive it. Subscriptions read events by position; deliveries are rows, so they survive a
//! restart or a crash.

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
enum Organization {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum DomainEvent {
    Table,
    Id,
    Position,
    EventType,
    Audience,
    OccurredAt,
    ActorPersonId,
    ActorOrganizationId,
    ActorName,
    CommunityId,
    OrganizationIds,
    SubjectType,
    SubjectId,
    Recipients,
    Data,
}

#[derive(DeriveIden)]
enum WebhookEndpoint {
    Table,
    Id,
    OrganizationId,
    Url,
    Description,
    EventTypes,
    Secret,
    Status,
    FailingSince,
    DisabledAt,
    DisabledReason,
    CreatedByPersonId,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum WebhookDelivery {
    Table,
    Id,
    EndpointId,
    OrganizationId,
    EventId,
    EventPosition,
    EventType,
    Status,
    AttemptCount,
    RedeliveryCount,
    NextAttemptAt,
    LeaseUntil,
    LastAttemptAt,
    LastStatusCode,
    LastError,
    DeliveredAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum WebhookAttempt {
    Table,
    Id,
    DeliveryId,
    EndpointId,
    Attempt,
    StartedAt,
    DurationMs,
    StatusCode,
    Error,
    Succeeded,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(DomainEvent::Table)
                    .col(uuid_pk(DomainEvent::Id))
                    .col(ColumnDef::new(DomainEvent::Position).big_integer())
                    .col(required_string(DomainEvent::EventType))
                    .col(required_string(DomainEvent::Audience))
                    .col(timestamp(DomainEvent::OccurredAt))
                    .col(ColumnDef::new(DomainEvent::ActorPersonId).uuid())
                    .col(ColumnDef::new(DomainEvent::ActorOrganizationId).uuid())
                    .col(required_string(DomainEvent::ActorName))
                    .col(ColumnDef::new(DomainEvent::CommunityId).uuid())
                    .col(
                        ColumnDef::new(DomainEvent::OrganizationIds)
                            .json()
                            .not_null(),
                    )
                    .col(required_string(DomainEvent::SubjectType))
                    .col(ColumnDef::new(DomainEvent::SubjectId).uuid())
                    .col(ColumnDef::new(DomainEvent::Recipients).json().not_null())
                    .col(ColumnDef::new(DomainEvent::Data).json().not_null())
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "domain_event_position_idx",
            DomainEvent::Table,
            cols([DomainEvent::Position.into_iden()]),
            true,
        )
        .await?;
        index(
            manager,
            "domain_event_community_idx",
            DomainEvent::Table,
            cols([
                DomainEvent::CommunityId.into_iden(),
                DomainEvent::Position.into_iden(),
            ]),
            false,
        )
        .await?;
        // What the sequencer looks for: committed events not numbered yet (a partial index,
        // the same statement on SQLite and PostgreSQL).
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE INDEX domain_event_unsequenced_idx ON domain_event (id) \
                 WHERE position IS NULL",
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(WebhookEndpoint::Table)
                    .col(uuid_pk(WebhookEndpoint::Id))
                    .col(required_uuid(WebhookEndpoint::OrganizationId))
                    .col(text(WebhookEndpoint::Url))
                    .col(ColumnDef::new(WebhookEndpoint::Description).text())
                    .col(
                        ColumnDef::new(WebhookEndpoint::EventTypes)
                            .json()
                            .not_null(),
                    )
                    .col(required_string(WebhookEndpoint::Secret))
                    .col(required_string(WebhookEndpoint::Status))
                    .col(optional_timestamp(WebhookEndpoint::FailingSince))
                    .col(optional_timestamp(WebhookEndpoint::DisabledAt))
                    .col(ColumnDef::new(WebhookEndpoint::DisabledReason).text())
                    .col(ColumnDef::new(WebhookEndpoint::CreatedByPersonId).uuid())
                    .col(timestamp(WebhookEndpoint::CreatedAt))
                    .col(timestamp(WebhookEndpoint::UpdatedAt))
                    .foreign_key(&mut references(
                        WebhookEndpoint::Table,
                        WebhookEndpoint::OrganizationId,
                        Organization::Table,
                        Organization::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "webhook_endpoint_organization_idx",
            WebhookEndpoint::Table,
            cols([
                WebhookEndpoint::OrganizationId.into_iden(),
                WebhookEndpoint::Status.into_iden(),
            ]),
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(WebhookDelivery::Table)
                    .col(uuid_pk(WebhookDelivery::Id))
                    .col(required_uuid(WebhookDelivery::EndpointId))
                    .col(required_uuid(WebhookDelivery::OrganizationId))
                    .col(required_uuid(WebhookDelivery::EventId))
                    .col(
                        ColumnDef::new(WebhookDelivery::EventPosition)
                            .big_integer()
                            .not_null(),
                    )
                    .col(required_string(WebhookDelivery::EventType))
                    .col(required_string(WebhookDelivery::Status))
                    .col(counter(WebhookDelivery::AttemptCount))
                    .col(counter(WebhookDelivery::RedeliveryCount))
                    .col(timestamp(WebhookDelivery::NextAttemptAt))
                    .col(optional_timestamp(WebhookDelivery::LeaseUntil))
                    .col(optional_timestamp(WebhookDelivery::LastAttemptAt))
                    .col(ColumnDef::new(WebhookDelivery::LastStatusCode).integer())
                    .col(ColumnDef::new(WebhookDelivery::LastError).text())
                    .col(optional_timestamp(WebhookDelivery::DeliveredAt))
                    .col(timestamp(WebhookDelivery::CreatedAt))
                    .foreign_key(&mut references(
                        WebhookDelivery::Table,
                        WebhookDelivery::EndpointId,
                        WebhookEndpoint::Table,
                        WebhookEndpoint::Id,
                    ))
                    .foreign_key(&mut references(
                        WebhookDelivery::Table,
                        WebhookDelivery::EventId,
                        DomainEvent::Table,
                        DomainEvent::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "webhook_delivery_endpoint_event_idx",
            WebhookDelivery::Table,
            cols([
                WebhookDelivery::EndpointId.into_iden(),
                WebhookDelivery::EventId.into_iden(),
            ]),
            true,
        )
        .await?;
        index(
            manager,
            "webhook_delivery_endpoint_position_idx",
            WebhookDelivery::Table,
            cols([
                WebhookDelivery::EndpointId.into_iden(),
                WebhookDelivery::Status.into_iden(),
                WebhookDelivery::EventPosition.into_iden(),
            ]),
            false,
        )
        .await?;
        index(
            manager,
            "webhook_delivery_due_idx",
            WebhookDelivery::Table,
            cols([
                WebhookDelivery::Status.into_iden(),
                WebhookDelivery::NextAttemptAt.into_iden(),
            ]),
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(WebhookAttempt::Table)
                    .col(uuid_pk(WebhookAttempt::Id))
                    .col(required_uuid(WebhookAttempt::DeliveryId))
                    .col(required_uuid(WebhookAttempt::EndpointId))
                    .col(ColumnDef::new(WebhookAttempt::Attempt).integer().not_null())
                    .col(timestamp(WebhookAttempt::StartedAt))
                    .col(
                        ColumnDef::new(WebhookAttempt::DurationMs)
                            .integer()
                            .not_null(),
                    )
                    .col(ColumnDef::new(WebhookAttempt::StatusCode).integer())
                    .col(ColumnDef::new(WebhookAttempt::Error).text())
                    .col(
                        ColumnDef::new(WebhookAttempt::Succeeded)
                            .boolean()
                            .not_null(),
                    )
                    .foreign_key(&mut references(
                        WebhookAttempt::Table,
                        WebhookAttempt::DeliveryId,
                        WebhookDelivery::Table,
                        WebhookDelivery::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "webhook_attempt_delivery_idx",
            WebhookAttempt::Table,
            cols([
                WebhookAttempt::DeliveryId.into_iden(),
                WebhookAttempt::StartedAt.into_iden(),
            ]),
            false,
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            WebhookAttempt::Table.into_iden(),
            WebhookDelivery::Table.into_iden(),
            WebhookEndpoint::Table.into_iden(),
            DomainEvent::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
