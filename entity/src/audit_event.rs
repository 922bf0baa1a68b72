//! One audited change: who did what to which row, for which organizations, before and after.

use crate::enums::AuditAction;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_event")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub occurred_at: DateTimeUtc,
    pub action: AuditAction,
    pub actor_person_id: Option<Uuid>,
    /// The actor's name when it happened ("operator" for the platform operator).
    pub actor_name: String,
    pub actor_organization_id: Option<Uuid>,
    pub organization_id: Uuid,
    pub other_organization_id: Option<Uuid>,
    pub community_id: Option<Uuid>,
    /// The API type name of the target (e.g. `Membership`).
    pub target_type: String,
    pub target_id: Option<Uuid>,
    pub before: Option<Json>,
    pub after: Option<Json>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
