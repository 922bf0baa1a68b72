//! Keeping `search_document` in step with the items it indexes: every write of a problem, idea
//! or article upserts its row in the same transaction, so search never sees a half-written
//! change. The full-text index itself follows the row (triggers on SQLite, a generated column
//! on PostgreSQL).

use crate::error::ServiceResult;
use chrono::{DateTime, Utc};
use entity::{enums::SearchKind, search_document};
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    Set,
};
use uuid::Uuid;

/// What the index holds about one item.
#[derive(Debug, Clone)]
pub struct SearchEntry {
    pub item_id: Uuid,
    pub kind: SearchKind,
    pub community_id: Uuid,
    pub author_organization_id: Uuid,
    pub tags: serde_json::Value,
    /// The item's state as the API spells it.
    pub state: String,
    pub title: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// Inserts the item's row, or replaces what the existing one says.
pub async fn upsert(db: &impl ConnectionTrait, entry: SearchEntry) -> ServiceResult<()> {
    let existing = search_document::Entity::find()
        .filter(search_document::Column::ItemId.eq(entry.item_id))
        .one(db)
        .await?;
    let mut row = match existing {
        Some(existing) => existing.into(),
        None => search_document::ActiveModel {
            seq: NotSet,
            item_id: Set(entry.item_id),
            ..Default::default()
        },
    };
    row.kind = Set(entry.kind);
    row.community_id = Set(entry.community_id);
    row.author_organization_id = Set(entry.author_organization_id);
    row.tags = Set(entry.tags);
    row.state = Set(entry.state);
    row.title = Set(entry.title);
    row.body = Set(entry.body);
    row.created_at = Set(entry.created_at);
    row.save(db).await?;
    Ok(())
}
