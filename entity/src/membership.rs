//! A person's membership of a community, with role, leadership and status.

use crate::enums::{Leadership, MemberRole, MembershipStatus};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "membership")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub community_id: Uuid,
    pub person_id: Uuid,
    /// The person's organization (copied: people never change organization).
    pub organization_id: Uuid,
    pub role: MemberRole,
    pub leadership: Option<Leadership>,
    pub status: MembershipStatus,
    /// The status a `SUSPENDED` membership returns to when its organization's link is back.
    pub suspended_from: Option<MembershipStatus>,
    pub requested_at: DateTimeUtc,
    pub joined_at: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
