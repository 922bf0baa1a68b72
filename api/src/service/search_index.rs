//! Keeps `search_document` in step with the content it indexes: every write of a problem,
//! idea or article upserts its row in the same transaction (the database's own full-text
//! index follows: FTS5 triggers on SQLite, a generated `tsvector` on PostgreSQL).

use crate::error::ServiceResult;
use chrono::{DateTime, Utc};
use entity::{enums::SearchKind, idea, search_document};
use sea_orm::{
    sea_query::{Expr, Query},
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, NotSet, QueryFilter, Set,
};
use uuid::Uuid;

/// What search knows of one item.
#[derive(Debug, Clone)]
pub struct SearchEntry {
    pub item_id: Uuid,
    pub kind: SearchKind,
    pub community_id: Uuid,
    pub author_organization_id: Uuid,
    pub tags: serde_json::Value,
    pub state: String,
    pub title: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// Inserts or replaces the search row of one item.
pub async fn upsert(db: &impl ConnectionTrait, entry: SearchEntry) -> ServiceResult<()> {
    let existing = search_document::Entity::find()
        .filter(search_document::Column::ItemId.eq(entry.item_id))
        .one(db)
        .await?;
    let mut row = search_document::ActiveModel {
        seq: NotSet,
        item_id: Set(entry.item_id),
        kind: Set(entry.kind),
        community_id: Set(entry.community_id),
        author_organization_id: Set(entry.author_organization_id),
        tags: Set(entry.tags),
        state: Set(entry.state),
        title: Set(entry.title),
        body: Set(entry.body),
        created_at: Set(entry.created_at),
    };
    match existing {
        Some(found) => {
            row.seq = Set(found.seq);
            row.update(db).await?;
        }
        None => {
            row.insert(db).await?;
        }
    }
    Ok(())
}

/// Ideas are filtered by their problem's state and tags: follows a change of the problem.
pub async fn follow_problem(
    db: &impl ConnectionTrait,
    problem_id: Uuid,
    state: &str,
    tags: &serde_json::Value,
) -> ServiceResult<()> {
    search_document::Entity::update_many()
        .col_expr(search_document::Column::State, Expr::val(state))
        .col_expr(search_document::Column::Tags, Expr::val(tags.clone()))
        .filter(
            search_document::Column::ItemId.in_subquery(
                Query::select()
                    .column(idea::Column::Id)
                    .from(idea::Entity)
                    .and_where(idea::Column::ProblemId.eq(problem_id))
                    .to_owned(),
            ),
        )
        .exec(db)
        .await?;
    Ok(())
}
