//! Numbering committed domain events, one batch per transaction, and creating their webhook
//! deliveries in that same transaction (docs/REALTIME.md, "Positions").

use super::fanout;
use crate::error::ServiceResult;
use entity::domain_event;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Statement,
};

/// The channel the sequencer notifies with the last position it committed (PostgreSQL).
pub const EVENTS_CHANNEL: &str = "praxis_events";

/// Events numbered per transaction at most.
pub const BATCH: u64 = 500;

/// The advisory lock that makes one sequencer run at a time across instances.
const LOCK_KEY: i64 = 0x7072_6178_6973_0005;

/// Numbers one batch of committed events (oldest id first) and creates their deliveries;
/// returns the events now numbered, in position order (empty when there was nothing to do).
pub async fn sequence_batch(db: &DatabaseConnection) -> ServiceResult<Vec<domain_event::Model>> {
    // Most wake-ups find nothing to number: look before taking the write lock.
    let waiting = domain_event::Entity::find()
        .select_only()
        .column(domain_event::Column::Id)
        .filter(domain_event::Column::Position.is_null())
        .limit(1)
        .into_tuple::<uuid::Uuid>()
        .one(db)
        .await?;
    if waiting.is_none() {
        return Ok(Vec::new());
    }
    // A write transaction from the start: on SQLite a read transaction that later writes fails
    // with "database is locked" when another connection wrote in between.
    let txn = crate::db::begin_write(db).await?;
    let backend = txn.get_database_backend();
    if backend == DatabaseBackend::Postgres {
        txn.execute_raw(Statement::from_string(
            backend,
            format!("SELECT pg_advisory_xact_lock({LOCK_KEY})"),
        ))
        .await?;
    }
    let pending: Vec<uuid::Uuid> = domain_event::Entity::find()
        .select_only()
        .column(domain_event::Column::Id)
        .filter(domain_event::Column::Position.is_null())
        .order_by_asc(domain_event::Column::Id)
        .limit(BATCH)
        .into_tuple()
        .all(&txn)
        .await?;
    if pending.is_empty() {
        txn.rollback().await?;
        return Ok(Vec::new());
    }
    let last: Option<Option<i64>> = domain_event::Entity::find()
        .select_only()
        .column_as(domain_event::Column::Position.max(), "max")
        .into_tuple()
        .one(&txn)
        .await?;
    let base = last.flatten().unwrap_or(0);
    // One statement numbers the batch, the same SQL on SQLite (3.33+) and PostgreSQL.
    txn.execute_raw(Statement::from_string(
        backend,
        format!(
            "UPDATE domain_event SET position = {base} + numbered.n \
             FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS n FROM domain_event \
                   WHERE position IS NULL ORDER BY id LIMIT {BATCH}) AS numbered \
             WHERE domain_event.id = numbered.id"
        ),
    ))
    .await?;
    let events = domain_event::Entity::find()
        .filter(domain_event::Column::Position.gt(base))
        .order_by_asc(domain_event::Column::Position)
        .all(&txn)
        .await?;
    fanout::create_deliveries(&txn, &events).await?;
    if let (DatabaseBackend::Postgres, Some(last)) =
        (backend, events.last().and_then(|e| e.position))
    {
        txn.execute_raw(Statement::from_string(
            backend,
            format!("SELECT pg_notify('{EVENTS_CHANNEL}', '{last}')"),
        ))
        .await?;
    }
    txn.commit().await?;
    Ok(events)
}

/// Numbers every committed event waiting; returns how many.
pub async fn sequence_all(db: &DatabaseConnection) -> ServiceResult<usize> {
    let mut total = 0;
    loop {
        let batch = sequence_batch(db).await?;
        total += batch.len();
        if (batch.len() as u64) < BATCH {
            return Ok(total);
        }
    }
}

/// Numbered events after `position`, oldest first, at most `limit`.
pub async fn events_after(
    db: &impl ConnectionTrait,
    position: i64,
    limit: u64,
) -> ServiceResult<Vec<domain_event::Model>> {
    Ok(domain_event::Entity::find()
        .filter(domain_event::Column::Position.gt(position))
        .order_by_asc(domain_event::Column::Position)
        .limit(limit)
        .all(db)
        .await?)
}

/// The last position numbered so far (0 when none).
pub async fn last_position(db: &impl ConnectionTrait) -> ServiceResult<i64> {
    let last: Option<Option<i64>> = domain_event::Entity::find()
        .select_only()
        .column_as(domain_event::Column::Position.max(), "max")
        .into_tuple()
        .one(db)
        .await?;
    Ok(last.flatten().unwrap_or(0))
}
