//! A community of practice, hosted by one organization.

use crate::enums::{CommunityVisibility, JoinRule, LifecycleStage};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "community")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub host_organization_id: Uuid,
    pub slug: String,
    pub name: String,
    pub purpose: String,
    /// A JSON array of strings.
    pub tags: Json,
    pub visibility: CommunityVisibility,
    pub stage: LifecycleStage,
    pub charter: String,
    pub join_rule: JoinRule,
    pub created_by_person_id: Uuid,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// The usual number of days between events, when a host coordinator declared one.
    pub rhythm_interval_days: Option<i32>,
}

impl Model {
    pub fn tag_list(&self) -> Vec<String> {
        crate::tag_list(&self.tags)
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
