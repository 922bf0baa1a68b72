//! A domain event: one change worth telling, written in the transaction of the change (the
//! outbox) and numbered by the sequencer once committed.

use super::enums::{DomainEventType, EventAudience};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "domain_event")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Commit order, from 1; NULL until the sequencer numbers the event.
    pub position: Option<i64>,
    pub event_type: DomainEventType,
    /// Who may hear of it: the community's viewers, or the admins of `organization_ids`.
    pub audience: EventAudience,
    pub occurred_at: DateTimeUtc,
    pub actor_person_id: Option<Uuid>,
    pub actor_organization_id: Option<Uuid>,
    /// The actor's name at the time (a person's display name, or `operator:<subject>`).
    pub actor_name: String,
    pub community_id: Option<Uuid>,
    /// JSON array of organization ids (strings) the event concerns.
    pub organization_ids: Json,
    /// The API type name of the changed row (`Problem`, `Membership`, ...).
    pub subject_type: String,
    pub subject_id: Option<Uuid>,
    /// JSON array of `{"person": uuid, "reason": "REPLY"|"MENTION"}` named at write time.
    pub recipients: Json,
    /// A snapshot of what changed, as webhooks send it (global ids, no private fields).
    pub data: Json,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
