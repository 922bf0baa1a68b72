//! A problem a member posts in a community, for its members to solve.

use crate::enums::{ProblemState, Urgency};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "problem")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub community_id: Uuid,
    pub author_person_id: Uuid,
    pub author_organization_id: Uuid,
    pub title: String,
    /// Markdown, stored as written.
    pub body: String,
    /// A JSON array of tag slugs.
    pub tags: Json,
    pub urgency: Urgency,
    pub state: ProblemState,
    /// `state.rank()`, stored so "unsolved first" pages by an index.
    pub state_rank: i32,
    pub idea_count: i32,
    pub follower_count: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub solved_at: Option<DateTimeUtc>,
    /// Seconds from posting to the accepted solution, recorded when it became SOLVED.
    pub time_to_solution_seconds: Option<i64>,
    pub closed_at: Option<DateTimeUtc>,
}

impl Model {
    pub fn tag_list(&self) -> Vec<String> {
        crate::tag_list(&self.tags)
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
