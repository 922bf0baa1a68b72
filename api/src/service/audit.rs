//! The audit log: every cross-organization decision, written in the transaction that makes
//! it, read by the admins of the organizations it concerns.

use super::page::{visible_by_id, Listing};
use crate::{
    access,
    auth::Viewer,
    error::ServiceResult,
    events::outbox::{self, NewEvent},
};
use chrono::{DateTime, Utc};
use entity::{
    audit_event,
    enums::{AuditAction, DomainEventType},
    person,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, Set,
};
use serde_json::{json, Value};
use std::collections::HashMap;
use uuid::Uuid;

/// One change to record.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    pub action: AuditAction,
    /// The organization the change concerns first (the host, the proposer, ...).
    pub organization_id: Uuid,
    /// The other organization it concerns, if any (and if not the same).
    pub other_organization_id: Option<Uuid>,
    pub community_id: Option<Uuid>,
    /// API type name and id of the changed row.
    pub target_type: &'static str,
    pub target_id: Option<Uuid>,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

impl AuditEntry {
    pub fn new(action: AuditAction, organization_id: Uuid, target_type: &'static str) -> Self {
        Self {
            action,
            organization_id,
            other_organization_id: None,
            community_id: None,
            target_type,
            target_id: None,
            before: None,
            after: None,
        }
    }

    pub fn other(mut self, organization_id: Uuid) -> Self {
        if organization_id != self.organization_id {
            self.other_organization_id = Some(organization_id);
        }
        self
    }

    pub fn community(mut self, community_id: Uuid) -> Self {
        self.community_id = Some(community_id);
        self
    }

    pub fn target(mut self, id: Uuid) -> Self {
        self.target_id = Some(id);
        self
    }

    pub fn change(mut self, before: Option<Value>, after: Option<Value>) -> Self {
        self.before = before;
        self.after = after;
        self
    }
}

/// Who made a change: the viewer, with the name they have now (kept in the event).
pub(crate) async fn actor(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
) -> ServiceResult<(Option<Uuid>, String, Option<Uuid>)> {
    Ok(match viewer {
        Viewer::Person(me) => {
            let name = person::Entity::find_by_id(me.person_id)
                .one(db)
                .await?
                .map(|p| p.display_name.unwrap_or(p.subject))
                .unwrap_or_default();
            (Some(me.person_id), name, Some(me.organization_id))
        }
        Viewer::Operator(operator) => (None, format!("operator:{}", operator.subject), None),
        Viewer::Anonymous => (None, "anonymous".to_owned(), None),
    })
}

/// Writes audit events in the caller's transaction.
pub async fn record(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    entries: Vec<AuditEntry>,
) -> ServiceResult<()> {
    if entries.is_empty() {
        return Ok(());
    }
    let (actor_person_id, actor_name, actor_organization_id) = actor(db, viewer).await?;
    let now = Utc::now();
    // Each audited change is also a domain event, as private as the audit log: heard by the
    // admins of the organizations it concerns (docs/REALTIME.md).
    let events = entries
        .iter()
        .map(|entry| {
            let mut organizations = vec![entry.organization_id];
            organizations.extend(entry.other_organization_id);
            NewEvent::admins(
                DomainEventType::from_audit(entry.action),
                organizations,
                entry.target_type,
                entry.target_id,
            )
            .in_community(entry.community_id)
            .data(json!({ "before": entry.before, "after": entry.after }))
        })
        .collect();
    for entry in entries {
        audit_event::ActiveModel {
            id: Set(Uuid::now_v7()),
            occurred_at: Set(now),
            action: Set(entry.action),
            actor_person_id: Set(actor_person_id),
            actor_name: Set(actor_name.clone()),
            actor_organization_id: Set(actor_organization_id),
            organization_id: Set(entry.organization_id),
            other_organization_id: Set(entry.other_organization_id),
            community_id: Set(entry.community_id),
            target_type: Set(entry.target_type.to_owned()),
            target_id: Set(entry.target_id),
            before: Set(entry.before),
            after: Set(entry.after),
        }
        .insert(db)
        .await?;
    }
    outbox::record(db, viewer, events).await
}

/// Which events of an organization to list.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub actions: Option<Vec<AuditAction>>,
    pub community_id: Option<Uuid>,
    pub partner_id: Option<Uuid>,
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
}

fn filtered(viewer: &Viewer, organization_id: Uuid, filter: &AuditFilter) -> Condition {
    let mut condition = Condition::all()
        .add(access::visible_audit_events(viewer))
        .add(
            Condition::any()
                .add(audit_event::Column::OrganizationId.eq(organization_id))
                .add(audit_event::Column::OtherOrganizationId.eq(organization_id)),
        );
    if let Some(actions) = &filter.actions {
        condition = condition.add(audit_event::Column::Action.is_in(actions.iter().copied()));
    }
    if let Some(community_id) = filter.community_id {
        condition = condition.add(audit_event::Column::CommunityId.eq(community_id));
    }
    if let Some(partner) = filter.partner_id {
        condition = condition.add(
            Condition::any()
                .add(
                    Condition::all()
                        .add(audit_event::Column::OrganizationId.eq(organization_id))
                        .add(audit_event::Column::OtherOrganizationId.eq(partner)),
                )
                .add(
                    Condition::all()
                        .add(audit_event::Column::OrganizationId.eq(partner))
                        .add(audit_event::Column::OtherOrganizationId.eq(organization_id)),
                ),
        );
    }
    if let Some(since) = filter.since {
        condition = condition.add(audit_event::Column::OccurredAt.gte(since));
    }
    if let Some(until) = filter.until {
        condition = condition.add(audit_event::Column::OccurredAt.lt(until));
    }
    condition
}

/// The events concerning an organization, newest first. Its admins only.
pub async fn for_organization(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    organization_id: Uuid,
    filter: &AuditFilter,
) -> ServiceResult<Listing<audit_event::Entity>> {
    access::require_organization_admin(db, viewer, organization_id).await?;
    Ok(Listing::newest_first(
        audit_event::Entity::find().filter(filtered(viewer, organization_id, filter)),
        audit_event::Column::Id,
    ))
}

/// The events among `ids` the viewer may read.
pub async fn find_visible(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, audit_event::Model>> {
    access::require_signed_in(viewer)?;
    visible_by_id::<audit_event::Entity, _>(
        db,
        access::visible_audit_events(viewer),
        audit_event::Column::Id,
        ids,
        |e| e.id,
    )
    .await
}
