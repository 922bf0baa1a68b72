//! A partnership between two organizations, stored once per pair (low id, high id), with
//! each side's per-partner policy overrides.

use crate::enums::{PartnerPolicy, PartnershipStatus};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "partnership")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub low_organization_id: Uuid,
    pub high_organization_id: Uuid,
    pub proposer_organization_id: Uuid,
    pub status: PartnershipStatus,
    pub message: Option<String>,
    /// The low side's inbound policy for the high side; None follows its default.
    pub low_inbound: Option<PartnerPolicy>,
    pub low_outbound: Option<PartnerPolicy>,
    pub high_inbound: Option<PartnerPolicy>,
    pub high_outbound: Option<PartnerPolicy>,
    pub suspended_by_organization_id: Option<Uuid>,
    pub accepted_at: Option<DateTimeUtc>,
    pub ended_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

impl Model {
    /// The other side of the partnership, seen from `organization_id`.
    pub fn partner_of(&self, organization_id: Uuid) -> Uuid {
        if self.low_organization_id == organization_id {
            self.high_organization_id
        } else {
            self.low_organization_id
        }
    }

    /// The side that did not propose.
    pub fn recipient_organization_id(&self) -> Uuid {
        self.partner_of(self.proposer_organization_id)
    }

    /// Whether `organization_id` is one of the two sides.
    pub fn involves(&self, organization_id: Uuid) -> bool {
        self.low_organization_id == organization_id || self.high_organization_id == organization_id
    }

    /// `organization_id`'s (inbound, outbound) overrides.
    pub fn overrides_of(
        &self,
        organization_id: Uuid,
    ) -> (Option<PartnerPolicy>, Option<PartnerPolicy>) {
        if self.low_organization_id == organization_id {
            (self.low_inbound, self.low_outbound)
        } else {
            (self.high_inbound, self.high_outbound)
        }
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
