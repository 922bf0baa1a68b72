//! An idea on a problem, or a reply to one (threaded one level).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "idea")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub problem_id: Uuid,
    /// The problem's community (copied: ideas never move).
    pub community_id: Uuid,
    /// The idea this one replies to; always a top-level idea.
    pub parent_idea_id: Option<Uuid>,
    pub author_person_id: Uuid,
    pub author_organization_id: Uuid,
    /// Markdown, stored as written.
    pub body: String,
    pub endorsement_count: i32,
    pub reply_count: i32,
    /// The number of the current text in `idea_revision` (1 for the text first posted).
    pub revision: i32,
    /// Set while the idea is an accepted solution of its problem.
    pub accepted_at: Option<DateTimeUtc>,
    pub accepted_by_person_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub edited_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
