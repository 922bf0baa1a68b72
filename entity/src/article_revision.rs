//! One numbered revision of a knowledge article: the whole text as it was then.

use crate::enums::ArticleState;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "article_revision")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub article_id: Uuid,
    pub number: i32,
    pub title: String,
    pub body: String,
    pub tags: Json,
    /// The article's state right after this revision.
    pub state: ArticleState,
    pub author_person_id: Uuid,
    pub author_organization_id: Uuid,
    /// The editor's summary of the change.
    pub note: String,
    pub created_at: DateTimeUtc,
}

impl Model {
    pub fn tag_list(&self) -> Vec<String> {
        crate::tag_list(&self.tags)
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
