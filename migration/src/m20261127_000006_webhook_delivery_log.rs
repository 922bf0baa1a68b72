//! Webhook deliveries keep what the worker needs across attempts and restarts: the request
//! body fixed at the first attempt (so every attempt and every redelivery sends the same
//! bytes), the attempts of the current round (a redelivery starts a new round of retries) and
//! the latency of the last attempt (the delivery log shows it without reading the attempts).

use crate::m20261127_000003_knowledge::counter;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum WebhookDelivery {
    Table,
    Payload,
    RoundAttemptCount,
    LastDurationMs,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds one column per ALTER TABLE.
        for column in [
            ColumnDef::new(WebhookDelivery::Payload).text().to_owned(),
            counter(WebhookDelivery::RoundAttemptCount),
            ColumnDef::new(WebhookDelivery::LastDurationMs)
                .integer()
                .to_owned(),
        ] {
            let mut column = column;
            manager
                .alter_table(
                    Table::alter()
                        .table(WebhookDelivery::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            WebhookDelivery::Payload,
            WebhookDelivery::RoundAttemptCount,
            WebhookDelivery::LastDurationMs,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(WebhookDelivery::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
