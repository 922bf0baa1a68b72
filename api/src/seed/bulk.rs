//! Multi-row inserts straight into the tables (not through the services: seeding one service
//! call at a time would measure the write path, not what the benchmark is about).

use anyhow::Context;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityName, EntityTrait, IntoActiveModel};

/// Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits for the
/// widest table (27 columns).
pub const ROWS_PER_INSERT: usize = 1000;

/// Inserts `rows` in statements of `ROWS_PER_INSERT` rows.
pub async fn insert_all<A>(db: &impl ConnectionTrait, rows: Vec<A>) -> anyhow::Result<()>
where
    A: ActiveModelTrait,
{
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<A> = rows.by_ref().take(ROWS_PER_INSERT).collect();
        A::Entity::insert_many(chunk)
            .exec_without_returning(db)
            .await
            .with_context(|| format!("inserting into {}", A::Entity::default().table_name()))?;
    }
    Ok(())
}

/// A model as an active model with every column set, ready for `insert_all`.
pub fn set_all<M, A>(model: M) -> A
where
    M: IntoActiveModel<A>,
    A: ActiveModelTrait,
{
    model.into_active_model().reset_all()
}
