//! Which webhook endpoints receive an event: those of organizations that may see it, that
//! asked for its type (docs/REALTIME.md, "What an organization receives"). Deliveries are
//! created in the sequencer's transaction.

use super::outbox;
use crate::{access::live_organizations, error::ServiceResult};
use chrono::Utc;
use entity::{
    domain_event,
    enums::{DeliveryStatus, EventAudience, WebhookStatus},
    webhook_delivery, webhook_endpoint,
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// The organizations that may receive an event, given the live organizations of its
/// community.
pub fn receiving_organizations(
    event: &domain_event::Model,
    live: &HashMap<Uuid, HashSet<Uuid>>,
) -> HashSet<Uuid> {
    match event.audience {
        EventAudience::Admins => outbox::organizations(event).into_iter().collect(),
        EventAudience::Community => event
            .community_id
            .and_then(|c| live.get(&c).cloned())
            .unwrap_or_default(),
    }
}

/// Whether an endpoint asked for an event type.
pub fn wants(endpoint: &webhook_endpoint::Model, event: &domain_event::Model) -> bool {
    endpoint.event_types.as_array().is_some_and(|types| {
        types
            .iter()
            .any(|t| t.as_str() == Some(event.event_type.as_str()))
    })
}

/// Creates one PENDING delivery per (endpoint that may receive and wants, event).
pub async fn create_deliveries(
    db: &impl ConnectionTrait,
    events: &[domain_event::Model],
) -> ServiceResult<usize> {
    let community_ids: Vec<Uuid> = events
        .iter()
        .filter(|e| e.audience == EventAudience::Community)
        .filter_map(|e| e.community_id)
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let live = live_organizations(db, &community_ids).await?;
    let receivers: Vec<HashSet<Uuid>> = events
        .iter()
        .map(|e| receiving_organizations(e, &live))
        .collect();
    let organizations: HashSet<Uuid> = receivers.iter().flatten().copied().collect();
    if organizations.is_empty() {
        return Ok(0);
    }
    // Paused and disabled endpoints collect deliveries too: they go out once re-activated.
    let endpoints = webhook_endpoint::Entity::find()
        .filter(webhook_endpoint::Column::OrganizationId.is_in(organizations))
        .filter(webhook_endpoint::Column::Status.is_in([
            WebhookStatus::Active,
            WebhookStatus::Paused,
            WebhookStatus::Disabled,
        ]))
        .all(db)
        .await?;
    if endpoints.is_empty() {
        return Ok(0);
    }
    let now = Utc::now();
    let mut rows = Vec::new();
    for (event, receivers) in events.iter().zip(&receivers) {
        let Some(position) = event.position else {
            continue;
        };
        for endpoint in endpoints
            .iter()
            .filter(|ep| receivers.contains(&ep.organization_id) && wants(ep, event))
        {
            rows.push(webhook_delivery::ActiveModel {
                id: Set(Uuid::now_v7()),
                endpoint_id: Set(endpoint.id),
                organization_id: Set(endpoint.organization_id),
                event_id: Set(event.id),
                event_position: Set(position),
                event_type: Set(event.event_type),
                status: Set(DeliveryStatus::Pending),
                attempt_count: Set(0),
                redelivery_count: Set(0),
                next_attempt_at: Set(now),
                lease_until: Set(None),
                last_attempt_at: Set(None),
                last_status_code: Set(None),
                last_error: Set(None),
                delivered_at: Set(None),
                created_at: Set(now),
                payload: Set(None),
                round_attempt_count: Set(0),
                last_duration_ms: Set(None),
            });
        }
    }
    let created = rows.len();
    // Chunks keep each INSERT under SQLite's bound-parameter limit.
    for chunk in rows.chunks(200) {
        webhook_delivery::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await?;
    }
    Ok(created)
}
