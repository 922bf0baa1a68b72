//! A knowledge article of a community: the current revision of its text and its state.

use crate::enums::ArticleState;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "knowledge_article")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub community_id: Uuid,
    /// The solved problem it was written from, if any.
    pub source_problem_id: Option<Uuid>,
    pub title: String,
    /// Markdown, stored as written.
    pub body: String,
    /// A JSON array of tag slugs.
    pub tags: Json,
    pub state: ArticleState,
    /// The number of the current revision in `article_revision`.
    pub revision: i32,
    pub application_count: i32,
    pub created_by_person_id: Uuid,
    pub created_by_organization_id: Uuid,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub published_at: Option<DateTimeUtc>,
}

impl Model {
    pub fn tag_list(&self) -> Vec<String> {
        crate::tag_list(&self.tags)
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
