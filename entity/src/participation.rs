//! An organization's place in a community: the host's own (tier HOST) or a partner's,
//! from invitation to departure.

use crate::enums::{ParticipationStatus, ParticipationTier};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "participation")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub community_id: Uuid,
    pub organization_id: Uuid,
    pub tier: ParticipationTier,
    /// Never `EXPIRED`: see [`Model::effective_status`].
    pub status: ParticipationStatus,
    pub sponsor_person_id: Option<Uuid>,
    pub invited_by_person_id: Option<Uuid>,
    pub invited_at: DateTimeUtc,
    pub expires_at: Option<DateTimeUtc>,
    pub accepted_at: Option<DateTimeUtc>,
    pub ended_at: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
}

impl Model {
    /// The status as of `now`: an invitation past its expiry is `EXPIRED`.
    pub fn effective_status(&self, now: DateTimeUtc) -> ParticipationStatus {
        match (self.status, self.expires_at) {
            (ParticipationStatus::Invited, Some(expires)) if expires <= now => {
                ParticipationStatus::Expired
            }
            (status, _) => status,
        }
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
