//! One searchable item (problem, idea or article) with what search filters on. The full-text
//! index over `title` and `body` is the database's own (FTS5 / tsvector, see the migration).

use crate::enums::SearchKind;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "search_document")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub seq: i64,
    /// The problem's, idea's or article's id.
    pub item_id: Uuid,
    pub kind: SearchKind,
    pub community_id: Uuid,
    pub author_organization_id: Uuid,
    pub tags: Json,
    /// The item's state as the API spells it (ideas: their problem's).
    pub state: String,
    pub title: String,
    pub body: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
