//! The webhook worker: claims the due head delivery of each active endpoint with a lease,
//! sends it, and records the outcome — attempt, delivery and endpoint — in one transaction
//! (docs/REALTIME.md, "Webhooks"). Per endpoint one delivery at a time in position order;
//! up to `--webhook-concurrency` endpoints at once.

pub mod request;

use super::{outbox, EventHub, RealtimeSettings};
use crate::error::ServiceResult;
use chrono::{DateTime, SubsecRound, Utc};
use entity::{
    domain_event,
    enums::{DeliveryStatus, DomainEventType, WebhookStatus},
    webhook_attempt, webhook_delivery, webhook_endpoint,
};
use rand::Rng;
use sea_orm::{
    sea_query::{Expr, Query},
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde_json::json;
use std::{
    collections::{HashMap, HashSet},
    time::{Duration, Instant},
};
use tokio::task::JoinSet;
use uuid::Uuid;

/// How long a claimed delivery is leased: twice the attempt timeout (at least 1 s), so a lease
/// outlives any attempt, and a process killed mid-attempt leaves a delivery that any instance
/// attempts again soon after.
pub fn lease_duration(settings: &RealtimeSettings) -> Duration {
    (settings.webhook_timeout * 2).max(Duration::from_secs(1))
}

/// The wait before the next attempt after `failures` failed attempts of this round:
/// `retry_base · 2^(failures-1)`, at most `retry_max`, then ±20 % jitter.
pub fn backoff(settings: &RealtimeSettings, failures: i32) -> Duration {
    let exponent = failures.saturating_sub(1).clamp(0, 62);
    let wait = settings.webhook_retry_base.as_secs_f64() * 2f64.powi(exponent);
    let wait = wait.min(settings.webhook_retry_max.as_secs_f64());
    let jitter = rand::rng().random_range(0.8..=1.2);
    Duration::try_from_secs_f64(wait * jitter).unwrap_or(settings.webhook_retry_max)
}

/// Runs the worker forever.
pub async fn run(hub: EventHub) {
    let settings = hub.settings().clone();
    let client = match request::client(
        settings.webhook_timeout,
        settings.webhook_allow_private_networks,
    ) {
        Ok(client) => client,
        Err(err) => {
            tracing::error!(%err, "cannot build the webhook HTTP client; webhooks are not sent");
            return;
        }
    };
    let concurrency = settings.webhook_concurrency.max(1) as usize;
    let mut in_flight: JoinSet<()> = JoinSet::new();
    // Endpoints with an attempt in flight, by task.
    let mut busy: HashMap<tokio::task::Id, Uuid> = HashMap::new();
    loop {
        let room = concurrency.saturating_sub(in_flight.len());
        if room > 0 {
            let endpoints: HashSet<Uuid> = busy.values().copied().collect();
            match claim_due(hub.db(), &settings, &endpoints, room).await {
                Ok(claimed) => {
                    for (delivery, lease) in claimed {
                        let endpoint_id = delivery.endpoint_id;
                        let task =
                            in_flight.spawn(attempt(hub.clone(), client.clone(), delivery, lease));
                        busy.insert(task.id(), endpoint_id);
                    }
                }
                Err(err) => tracing::warn!(%err, "claiming webhook deliveries failed"),
            }
        }
        tokio::select! {
            Some(done) = in_flight.join_next_with_id(), if !in_flight.is_empty() => {
                let id = match done {
                    Ok((id, ())) => id,
                    Err(err) => {
                        tracing::error!(%err, "a webhook attempt panicked");
                        err.id()
                    }
                };
                busy.remove(&id);
            }
            _ = hub.deliveries_wake() => {}
        }
    }
}

/// A due head delivery: PENDING, its endpoint ACTIVE, no earlier PENDING delivery of the same
/// endpoint, its time come, not leased.
fn due(now: DateTime<Utc>) -> Condition {
    let is_head = Expr::cust(
        "NOT EXISTS (SELECT 1 FROM webhook_delivery AS earlier \
         WHERE earlier.endpoint_id = webhook_delivery.endpoint_id \
         AND earlier.status = 'PENDING' \
         AND earlier.event_position < webhook_delivery.event_position)",
    );
    Condition::all()
        .add(webhook_delivery::Column::Status.eq(DeliveryStatus::Pending))
        .add(webhook_delivery::Column::NextAttemptAt.lte(now))
        .add(
            Condition::any()
                .add(webhook_delivery::Column::LeaseUntil.is_null())
                .add(webhook_delivery::Column::LeaseUntil.lt(now)),
        )
        .add(
            webhook_delivery::Column::EndpointId.in_subquery(
                Query::select()
                    .column(webhook_endpoint::Column::Id)
                    .from(webhook_endpoint::Entity)
                    .and_where(webhook_endpoint::Column::Status.eq(WebhookStatus::Active))
                    .to_owned(),
            ),
        )
        .add(is_head)
}

/// Leases up to `limit` due head deliveries of endpoints not in `busy`. Each lease is taken
/// by a conditional UPDATE, so two instances never attempt the same delivery at once.
async fn claim_due(
    db: &DatabaseConnection,
    settings: &RealtimeSettings,
    busy: &HashSet<Uuid>,
    limit: usize,
) -> ServiceResult<Vec<(webhook_delivery::Model, DateTime<Utc>)>> {
    let now = Utc::now();
    // The head of each active endpoint that is not busy here: one index probe per endpoint
    // (webhook_delivery_endpoint_position_idx), however many deliveries are queued behind the
    // heads. (Filtering every PENDING row by "is it a head?" cost a probe per queued delivery,
    // and the worker claims after every attempt.)
    let mut endpoints = Query::select()
        .expr(Expr::cust(
            "(SELECT head.id FROM webhook_delivery AS head \
             WHERE head.endpoint_id = webhook_endpoint.id AND head.status = 'PENDING' \
             ORDER BY head.event_position LIMIT 1)",
        ))
        .from(webhook_endpoint::Entity)
        .and_where(webhook_endpoint::Column::Status.eq(WebhookStatus::Active))
        .to_owned();
    if !busy.is_empty() {
        endpoints.and_where(webhook_endpoint::Column::Id.is_not_in(busy.iter().copied()));
    }
    let candidates = webhook_delivery::Entity::find()
        .filter(webhook_delivery::Column::Id.in_subquery(endpoints))
        .filter(webhook_delivery::Column::NextAttemptAt.lte(now))
        .filter(
            Condition::any()
                .add(webhook_delivery::Column::LeaseUntil.is_null())
                .add(webhook_delivery::Column::LeaseUntil.lt(now)),
        )
        .order_by_asc(webhook_delivery::Column::NextAttemptAt)
        .limit(limit as u64)
        .all(db)
        .await?;
    let lease_for = chrono::Duration::from_std(lease_duration(settings))
        .unwrap_or_else(|_| chrono::Duration::seconds(60));
    let mut claimed = Vec::new();
    for delivery in candidates {
        // Whole milliseconds: the value must read back equal on every database.
        let lease = (now + lease_for).trunc_subsecs(3);
        let taken = webhook_delivery::Entity::update_many()
            .col_expr(webhook_delivery::Column::LeaseUntil, Expr::value(lease))
            .filter(webhook_delivery::Column::Id.eq(delivery.id))
            .filter(due(now))
            .exec(db)
            .await?
            .rows_affected;
        if taken == 1 {
            claimed.push((delivery, lease));
        }
    }
    Ok(claimed)
}

/// One attempt of a leased delivery, its outcome recorded. Errors are logged: the lease then
/// expires and the delivery is attempted again.
async fn attempt(
    hub: EventHub,
    client: reqwest::Client,
    delivery: webhook_delivery::Model,
    lease: DateTime<Utc>,
) {
    if let Err(err) = attempt_leased(&hub, &client, delivery, lease).await {
        tracing::warn!(%err, "webhook attempt failed to run; it is retried when its lease ends");
    }
}

async fn attempt_leased(
    hub: &EventHub,
    client: &reqwest::Client,
    delivery: webhook_delivery::Model,
    lease: DateTime<Utc>,
) -> ServiceResult<()> {
    let db = hub.db();
    let settings = hub.settings();
    let Some(endpoint) = webhook_endpoint::Entity::find_by_id(delivery.endpoint_id)
        .one(db)
        .await?
    else {
        return Ok(());
    };
    let body = match &delivery.payload {
        Some(body) => body.clone(),
        None => {
            let Some(event) = domain_event::Entity::find_by_id(delivery.event_id)
                .one(db)
                .await?
            else {
                return Ok(());
            };
            let body = request::build_payload(db, &delivery, &event).await?;
            // Fixed at the first attempt: every later attempt sends these bytes.
            webhook_delivery::Entity::update_many()
                .col_expr(webhook_delivery::Column::Payload, Expr::value(body.clone()))
                .filter(webhook_delivery::Column::Id.eq(delivery.id))
                .filter(webhook_delivery::Column::Payload.is_null())
                .exec(db)
                .await?;
            match webhook_delivery::Entity::find_by_id(delivery.id)
                .one(db)
                .await?
                .and_then(|d| d.payload)
            {
                Some(stored) => stored,
                None => return Ok(()),
            }
        }
    };
    let number = delivery.attempt_count + 1;
    let started_at = Utc::now();
    let clock = Instant::now();
    let outcome = request::send(
        client,
        &endpoint,
        &delivery,
        number,
        &body,
        settings.webhook_allow_private_networks,
    )
    .await;
    let duration_ms = i32::try_from(clock.elapsed().as_millis()).unwrap_or(i32::MAX);
    tracing::info!(
        delivery = %delivery.id,
        endpoint = %endpoint.id,
        event_type = delivery.event_type.as_str(),
        attempt = number,
        status = outcome.status_code,
        duration_ms,
        succeeded = outcome.succeeded,
        error = outcome.error.as_deref(),
        "webhook attempt"
    );
    hub.metrics().webhook_attempt(outcome.succeeded);
    let disabled = record(
        db,
        settings,
        &delivery,
        lease,
        Attempted {
            number,
            started_at,
            duration_ms,
            outcome,
        },
    )
    .await?;
    if disabled {
        hub.metrics().webhook_endpoint_disabled();
        hub.poke();
    }
    hub.wake_deliveries();
    Ok(())
}

struct Attempted {
    number: i32,
    started_at: DateTime<Utc>,
    duration_ms: i32,
    outcome: request::Outcome,
}

/// Records an attempt: the attempt row, the delivery (DELIVERED, retried later, or FAILED)
/// and the endpoint (failing since, DISABLED with its event) in one transaction, clearing the
/// lease. Returns whether the endpoint was disabled. Nothing is written when the lease was
/// lost (the delivery deleted, or taken over after the lease ran out).
async fn record(
    db: &DatabaseConnection,
    settings: &RealtimeSettings,
    delivery: &webhook_delivery::Model,
    lease: DateTime<Utc>,
    attempted: Attempted,
) -> ServiceResult<bool> {
    let Attempted {
        number,
        started_at,
        duration_ms,
        outcome,
    } = attempted;
    let txn = crate::db::begin_write(db).await?;
    let now = Utc::now();
    let round = delivery.round_attempt_count + 1;
    let status_code = outcome.status_code.map(i32::from);
    let mut update = webhook_delivery::Entity::update_many()
        .col_expr(
            webhook_delivery::Column::LeaseUntil,
            Expr::value(None::<DateTime<Utc>>),
        )
        .col_expr(webhook_delivery::Column::AttemptCount, Expr::value(number))
        .col_expr(
            webhook_delivery::Column::RoundAttemptCount,
            Expr::value(round),
        )
        .col_expr(
            webhook_delivery::Column::LastAttemptAt,
            Expr::value(started_at),
        )
        .col_expr(
            webhook_delivery::Column::LastStatusCode,
            Expr::value(status_code),
        )
        .col_expr(
            webhook_delivery::Column::LastError,
            Expr::value(outcome.error.clone()),
        )
        .col_expr(
            webhook_delivery::Column::LastDurationMs,
            Expr::value(duration_ms),
        );
    update = if outcome.succeeded {
        update
            .col_expr(
                webhook_delivery::Column::Status,
                Expr::value(DeliveryStatus::Delivered.as_str()),
            )
            .col_expr(webhook_delivery::Column::DeliveredAt, Expr::value(now))
    } else if round >= settings.webhook_max_attempts as i32 {
        update.col_expr(
            webhook_delivery::Column::Status,
            Expr::value(DeliveryStatus::Failed.as_str()),
        )
    } else {
        let wait = chrono::Duration::from_std(backoff(settings, round))
            .unwrap_or_else(|_| chrono::Duration::hours(1));
        update.col_expr(
            webhook_delivery::Column::NextAttemptAt,
            Expr::value(now + wait),
        )
    };
    let kept = update
        .filter(webhook_delivery::Column::Id.eq(delivery.id))
        .filter(webhook_delivery::Column::Status.eq(DeliveryStatus::Pending))
        .filter(webhook_delivery::Column::LeaseUntil.eq(lease))
        .exec(&txn)
        .await?
        .rows_affected;
    if kept != 1 {
        txn.rollback().await?;
        tracing::warn!(delivery = %delivery.id, "webhook delivery lease lost; outcome not recorded");
        return Ok(false);
    }
    webhook_attempt::ActiveModel {
        id: Set(Uuid::now_v7()),
        delivery_id: Set(delivery.id),
        endpoint_id: Set(delivery.endpoint_id),
        attempt: Set(number),
        started_at: Set(started_at),
        duration_ms: Set(duration_ms),
        status_code: Set(status_code),
        error: Set(outcome.error),
        succeeded: Set(outcome.succeeded),
    }
    .insert(&txn)
    .await?;
    let disabled = if outcome.succeeded {
        webhook_endpoint::Entity::update_many()
            .col_expr(
                webhook_endpoint::Column::FailingSince,
                Expr::value(None::<DateTime<Utc>>),
            )
            .filter(webhook_endpoint::Column::Id.eq(delivery.endpoint_id))
            .filter(webhook_endpoint::Column::FailingSince.is_not_null())
            .exec(&txn)
            .await?;
        false
    } else {
        failed_attempt(&txn, settings, delivery.endpoint_id, now).await?
    };
    txn.commit().await?;
    Ok(disabled)
}

/// Marks an endpoint failing (since its first failure in a row) and disables it once it has
/// failed for `--webhook-disable-after`, telling its organization's admins.
async fn failed_attempt(
    txn: &impl ConnectionTrait,
    settings: &RealtimeSettings,
    endpoint_id: Uuid,
    now: DateTime<Utc>,
) -> ServiceResult<bool> {
    let Some(endpoint) = webhook_endpoint::Entity::find_by_id(endpoint_id)
        .one(txn)
        .await?
    else {
        return Ok(false);
    };
    let failing_since = endpoint.failing_since.unwrap_or(now);
    let disable_after = chrono::Duration::from_std(settings.webhook_disable_after)
        .unwrap_or_else(|_| chrono::Duration::days(1));
    let disable = endpoint.status == WebhookStatus::Active && now - failing_since >= disable_after;
    let mut row: webhook_endpoint::ActiveModel = endpoint.clone().into();
    row.failing_since = Set(Some(failing_since));
    if disable {
        let reason = format!(
            "every attempt failed for {} (since {})",
            humantime::format_duration(settings.webhook_disable_after),
            failing_since.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        );
        row.status = Set(WebhookStatus::Disabled);
        row.disabled_at = Set(Some(now));
        row.disabled_reason = Set(Some(reason));
        row.updated_at = Set(now);
    }
    row.update(txn).await?;
    if disable {
        tracing::warn!(endpoint = %endpoint.id, url = %endpoint.url, "webhook endpoint disabled");
        outbox::record_as_system(
            txn,
            vec![outbox::NewEvent::admins(
                DomainEventType::WebhookEndpointDisabled,
                vec![endpoint.organization_id],
                "WebhookEndpoint",
                Some(endpoint.id),
            )
            .data(json!({
                "id": outbox::global_id("WebhookEndpoint", endpoint.id),
                "url": endpoint.url,
                "failingSince": failing_since.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
            }))],
        )
        .await?;
    }
    Ok(disable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap_with_jitter() {
        let settings = RealtimeSettings {
            webhook_retry_base: Duration::from_secs(30),
            webhook_retry_max: Duration::from_secs(4 * 3600),
            ..RealtimeSettings::default()
        };
        for (failures, expected) in [(1, 30.0), (2, 60.0), (3, 120.0), (12, 4.0 * 3600.0)] {
            for _ in 0..50 {
                let wait = backoff(&settings, failures).as_secs_f64();
                assert!(
                    wait >= expected * 0.8 - 1e-9 && wait <= expected * 1.2 + 1e-9,
                    "{failures}: {wait}"
                );
            }
        }
        assert!(backoff(&settings, 1000).as_secs_f64() <= 4.0 * 3600.0 * 1.2 + 1e-9);
    }
}
