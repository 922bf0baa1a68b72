//! A person's answer to an event (GOING, MAYBE, DECLINED, or WAITLISTED when it was full),
//! and their check-in.

use crate::enums::RsvpStatus;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "event_rsvp")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub event_id: Uuid,
    pub community_id: Uuid,
    pub person_id: Uuid,
    pub organization_id: Uuid,
    pub status: RsvpStatus,
    /// When the person joined the waitlist: its order.
    pub waitlisted_at: Option<DateTimeUtc>,
    pub responded_at: DateTimeUtc,
    pub checked_in_at: Option<DateTimeUtc>,
    pub checked_in_by_person_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
