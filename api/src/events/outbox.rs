//! Writing domain events: in the caller's transaction, so an event exists exactly when the
//! change it tells was committed (docs/REALTIME.md, "Domain events").

use crate::{auth::Viewer, error::ServiceResult, service::audit};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use chrono::Utc;
use entity::{
    domain_event,
    enums::{DomainEventType, EventAudience},
};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseBackend, Set, Statement};
use serde_json::{json, Value};
use uuid::Uuid;

/// The channel a transaction that wrote events notifies at commit (PostgreSQL).
pub const OUTBOX_CHANNEL: &str = "praxis_outbox";

/// Why a person is told of an event (named at write time; checked again when delivered).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecipientReason {
    /// An idea on their problem (or one they follow), a reply to their idea.
    Reply,
    /// Their person id mentioned as `<@PersonGlobalId>` in a body.
    Mention,
}

impl RecipientReason {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reply => "REPLY",
            Self::Mention => "MENTION",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "REPLY" => Some(Self::Reply),
            "MENTION" => Some(Self::Mention),
            _ => None,
        }
    }
}

/// One event to write.
#[derive(Debug, Clone)]
pub struct NewEvent {
    pub event_type: DomainEventType,
    pub audience: EventAudience,
    pub community_id: Option<Uuid>,
    pub organization_ids: Vec<Uuid>,
    /// The API type name of the subject (a `Node` type: `Problem`, `Membership`, ...).
    pub subject_type: &'static str,
    pub subject_id: Option<Uuid>,
    pub recipients: Vec<(Uuid, RecipientReason)>,
    pub data: Value,
}

impl NewEvent {
    /// An event about a community's content, heard by the community's readers.
    pub fn community(
        event_type: DomainEventType,
        community_id: Uuid,
        subject_type: &'static str,
        subject_id: Uuid,
    ) -> Self {
        Self {
            event_type,
            audience: EventAudience::Community,
            community_id: Some(community_id),
            organization_ids: Vec::new(),
            subject_type,
            subject_id: Some(subject_id),
            recipients: Vec::new(),
            data: json!({}),
        }
    }

    /// An event for the admins of `organization_ids` (their admin feeds and webhooks).
    pub fn admins(
        event_type: DomainEventType,
        organization_ids: Vec<Uuid>,
        subject_type: &'static str,
        subject_id: Option<Uuid>,
    ) -> Self {
        Self {
            event_type,
            audience: EventAudience::Admins,
            community_id: None,
            organization_ids,
            subject_type,
            subject_id,
            recipients: Vec::new(),
            data: json!({}),
        }
    }

    pub fn in_community(mut self, community_id: Option<Uuid>) -> Self {
        self.community_id = community_id;
        self
    }

    /// Also concerns this organization (kept once).
    pub fn organization(mut self, organization_id: Uuid) -> Self {
        if !self.organization_ids.contains(&organization_id) {
            self.organization_ids.push(organization_id);
        }
        self
    }

    /// Names a person to notify (once per person; the first reason wins).
    pub fn notify(mut self, person_id: Uuid, reason: RecipientReason) -> Self {
        if !self.recipients.iter().any(|(p, _)| *p == person_id) {
            self.recipients.push((person_id, reason));
        }
        self
    }

    /// Names everyone mentioned in `text`.
    pub fn mentions_in(mut self, text: &str) -> Self {
        for person in mentioned_people(text) {
            self = self.notify(person, RecipientReason::Mention);
        }
        self
    }

    pub fn data(mut self, data: Value) -> Self {
        self.data = data;
        self
    }
}

/// The global id of a row as the API spells it (base64url of `Type:uuid`), for `data`.
pub fn global_id(type_name: &str, id: Uuid) -> String {
    URL_SAFE_NO_PAD.encode(format!("{type_name}:{id}"))
}

/// People mentioned as `<@PersonGlobalId>` in a text (at most 50, in order, once each).
pub fn mentioned_people(text: &str) -> Vec<Uuid> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("<@") {
        rest = &rest[start + 2..];
        let Some(end) = rest.find('>') else { break };
        let candidate = &rest[..end];
        if let Some(id) = URL_SAFE_NO_PAD
            .decode(candidate)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .and_then(|text| {
                text.strip_prefix("Person:")
                    .and_then(|id| Uuid::parse_str(id).ok())
            })
        {
            if !found.contains(&id) {
                found.push(id);
            }
            if found.len() == 50 {
                break;
            }
        }
        rest = &rest[end..];
    }
    found
}

/// Writes events in the caller's transaction. On PostgreSQL the transaction also notifies
/// [`OUTBOX_CHANNEL`], which PostgreSQL delivers at commit and drops on rollback.
pub async fn record(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    events: Vec<NewEvent>,
) -> ServiceResult<()> {
    if events.is_empty() {
        return Ok(());
    }
    let actor = audit::actor(db, viewer).await?;
    write(db, actor, events).await
}

/// The actor name of what Praxis does by itself (disabling a failing webhook endpoint).
pub const SYSTEM_ACTOR: &str = "praxis";

/// Writes events Praxis makes by itself, not on a viewer's behalf, in the caller's
/// transaction: no actor person or organization, actor name [`SYSTEM_ACTOR`].
pub async fn record_as_system(
    db: &impl ConnectionTrait,
    events: Vec<NewEvent>,
) -> ServiceResult<()> {
    if events.is_empty() {
        return Ok(());
    }
    write(db, (None, SYSTEM_ACTOR.to_owned(), None), events).await
}

async fn write(
    db: &impl ConnectionTrait,
    (actor_person_id, actor_name, actor_organization_id): (Option<Uuid>, String, Option<Uuid>),
    events: Vec<NewEvent>,
) -> ServiceResult<()> {
    let now = Utc::now();
    for event in events {
        let actor = actor_person_id;
        domain_event::ActiveModel {
            id: Set(Uuid::now_v7()),
            position: Set(None),
            event_type: Set(event.event_type),
            audience: Set(event.audience),
            occurred_at: Set(now),
            actor_person_id: Set(actor),
            actor_organization_id: Set(actor_organization_id),
            actor_name: Set(actor_name.clone()),
            community_id: Set(event.community_id),
            organization_ids: Set(json!(event
                .organization_ids
                .iter()
                .map(Uuid::to_string)
                .collect::<Vec<_>>())),
            subject_type: Set(event.subject_type.to_owned()),
            subject_id: Set(event.subject_id),
            recipients: Set(json!(event
                .recipients
                .iter()
                // No one is notified of their own action.
                .filter(|(person, _)| Some(*person) != actor)
                .map(|(person, reason)| json!({ "person": person, "reason": reason.as_str() }))
                .collect::<Vec<_>>())),
            data: Set(event.data),
        }
        .insert(db)
        .await?;
    }
    if db.get_database_backend() == DatabaseBackend::Postgres {
        db.execute_raw(Statement::from_string(
            DatabaseBackend::Postgres,
            format!("SELECT pg_notify('{OUTBOX_CHANNEL}', '')"),
        ))
        .await?;
    }
    Ok(())
}

/// The people named in an event's `recipients`, with their reasons.
pub fn recipients(event: &domain_event::Model) -> Vec<(Uuid, RecipientReason)> {
    event
        .recipients
        .as_array()
        .map(|all| {
            all.iter()
                .filter_map(|r| {
                    let person = r.get("person")?.as_str()?.parse().ok()?;
                    let reason = RecipientReason::parse(r.get("reason")?.as_str()?)?;
                    Some((person, reason))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The organizations an event concerns.
pub fn organizations(event: &domain_event::Model) -> Vec<Uuid> {
    event
        .organization_ids
        .as_array()
        .map(|all| {
            all.iter()
                .filter_map(|o| o.as_str()?.parse().ok())
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_are_person_global_ids_once_each() {
        let alice = Uuid::now_v7();
        let bob = Uuid::now_v7();
        let text = format!(
            "hi <@{}> and <@{}>, again <@{}>; not <@{}>, not <@garbage>, not <@",
            global_id("Person", alice),
            global_id("Person", bob),
            global_id("Person", alice),
            global_id("Problem", bob),
        );
        assert_eq!(mentioned_people(&text), vec![alice, bob]);
        assert!(mentioned_people("no mentions here").is_empty());
    }

    #[test]
    fn global_ids_match_the_api() {
        let id = Uuid::now_v7();
        assert_eq!(
            global_id("Problem", id),
            crate::graphql::node::global_id(crate::graphql::node::NodeKind::Problem, id).0
        );
    }
}
