//! Changing articles: their text under optimistic concurrency, and their state. Every change
//! of text or state is a new numbered revision, and the search index follows in the same
//! transaction.

use super::{article_event, index, revision_row, transition, writer, Movers, Writable};
use crate::{
    access,
    auth::{PersonViewer, Viewer},
    error::{is_unique_violation, ServiceError, ServiceResult},
    events::outbox::{self, RecipientReason},
    service::{
        content::{parse_body, parse_note, parse_tags, parse_title},
        problem::new_mentions,
    },
};
use chrono::Utc;
use entity::{
    article_revision,
    enums::{ArticleState, DomainEventType},
    knowledge_article,
};
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter,
};
use uuid::Uuid;

/// A change of an article's text; `None` keeps a field.
#[derive(Debug, Clone, Default)]
pub struct ArticlePatch {
    pub title: Option<String>,
    pub body: Option<String>,
    pub tags: Option<Vec<String>>,
    /// The editor's summary of the change.
    pub note: Option<String>,
}

/// How an update ended.
#[derive(Debug, Clone)]
pub enum UpdateOutcome {
    /// The change is the new current revision.
    Updated(knowledge_article::Model),
    /// The article had moved on from the expected revision; nothing was written. Holds the
    /// revision that won, for the editor to merge with.
    Stale(article_revision::Model),
}

/// Moves the article to `next` (its text, tags and state already in it) as revision
/// `current.revision + 1`, if nobody else moved it first. `false` when someone did.
async fn write_revision(
    db: &impl ConnectionTrait,
    current: &knowledge_article::Model,
    next: &knowledge_article::Model,
    author: &PersonViewer,
    note: String,
) -> ServiceResult<bool> {
    let moved = knowledge_article::Entity::update_many()
        .col_expr(
            knowledge_article::Column::Revision,
            Expr::value(next.revision),
        )
        .col_expr(
            knowledge_article::Column::Title,
            Expr::value(next.title.clone()),
        )
        .col_expr(
            knowledge_article::Column::Body,
            Expr::value(next.body.clone()),
        )
        .col_expr(
            knowledge_article::Column::Tags,
            Expr::value(next.tags.clone()),
        )
        .col_expr(knowledge_article::Column::State, Expr::value(next.state))
        .col_expr(
            knowledge_article::Column::UpdatedAt,
            Expr::value(next.updated_at),
        )
        .col_expr(
            knowledge_article::Column::PublishedAt,
            Expr::value(next.published_at),
        )
        .filter(knowledge_article::Column::Id.eq(current.id))
        .filter(knowledge_article::Column::Revision.eq(current.revision))
        .exec(db)
        .await?;
    if moved.rows_affected != 1 {
        return Ok(false);
    }
    match revision_row(next, next.revision, author, note, next.updated_at)
        .insert(db)
        .await
    {
        Ok(_) => {}
        Err(e) if is_unique_violation(&e) => return Ok(false),
        Err(e) => return Err(e.into()),
    }
    index(db, next).await?;
    Ok(true)
}

/// The article's current revision, read afresh (after a lost race).
async fn current_revision(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    id: Uuid,
) -> ServiceResult<article_revision::Model> {
    let article = knowledge_article::Entity::find_by_id(id)
        .filter(access::visible_articles(viewer))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    article_revision::Entity::find()
        .filter(article_revision::Column::ArticleId.eq(id))
        .filter(article_revision::Column::Number.eq(article.revision))
        .one(db)
        .await?
        .ok_or_else(|| {
            ServiceError::Internal(anyhow::anyhow!(
                "article {id} has no row for its revision {}",
                article.revision
            ))
        })
}

/// Changes an article's text as a new revision, if `expected_revision` is still the current
/// one. Its authors (members still) and coordinators; not while ARCHIVED.
pub async fn update(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    expected_revision: i32,
    patch: ArticlePatch,
) -> ServiceResult<UpdateOutcome> {
    let me = writer(viewer)?;
    let title = patch
        .title
        .as_deref()
        .map(|t| parse_title("title", t))
        .transpose()?;
    let body = patch
        .body
        .as_deref()
        .map(|b| parse_body("body", b))
        .transpose()?;
    let tags = patch.tags.as_deref().map(parse_tags).transpose()?;
    let note = parse_note("note", patch.note.as_deref())?.unwrap_or_default();
    let txn = crate::db::begin_write(db).await?;
    let current = Writable::load(&txn, viewer, id).await?;
    current.require_editor(viewer)?;
    let article = current.article;
    if article.state == ArticleState::Archived {
        return Err(ServiceError::invalid(
            "articleId",
            "an ARCHIVED article cannot be edited; publish it again first",
        ));
    }
    if article.revision != expected_revision {
        return current_revision(&txn, viewer, id)
            .await
            .map(UpdateOutcome::Stale);
    }
    let mut next = article.clone();
    if let Some(title) = title {
        next.title = title;
    }
    if let Some(body) = body {
        next.body = body;
    }
    if let Some(tags) = tags {
        next.tags = tags;
    }
    if (&next.title, &next.body, &next.tags) == (&article.title, &article.body, &article.tags) {
        return Err(ServiceError::Invalid {
            field: vec![],
            message: "nothing to change".to_owned(),
        });
    }
    next.revision = article.revision + 1;
    next.updated_at = Utc::now();
    if write_revision(&txn, &article, &next, me, note).await? {
        // Drafts and reviews are not told: few may read them.
        if next.state == ArticleState::Published {
            let mut told = article_event(DomainEventType::ArticleUpdated, &next);
            for person in new_mentions(&article.body, &next.body) {
                told = told.notify(person, RecipientReason::Mention);
            }
            outbox::record(&txn, viewer, vec![told]).await?;
        }
        txn.commit().await?;
        Ok(UpdateOutcome::Updated(next))
    } else {
        drop(txn);
        current_revision(db, viewer, id)
            .await
            .map(UpdateOutcome::Stale)
    }
}

/// Moves an article to another state (see `docs/KNOWLEDGE.md`), as a new revision with the
/// same text. `publishedAt` is set the first time it is published.
pub async fn set_state(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    to: ArticleState,
) -> ServiceResult<knowledge_article::Model> {
    let me = writer(viewer)?;
    let txn = crate::db::begin_write(db).await?;
    let current = Writable::load(&txn, viewer, id).await?;
    let from = current.article.state;
    match transition(from, to) {
        None => {
            return Err(ServiceError::invalid(
                "state",
                format!(
                    "an article cannot move from {} to {}",
                    from.as_str(),
                    to.as_str()
                ),
            ))
        }
        Some(Movers::AuthorsAndCoordinators) => current.require_editor(viewer)?,
        Some(Movers::Coordinators) => {
            if !current.coordinates(viewer) {
                return Err(ServiceError::Forbidden(
                    "only a coordinator of this community may do this",
                ));
            }
        }
    }
    let article = current.article;
    let now = Utc::now();
    let mut next = article.clone();
    next.state = to;
    next.revision = article.revision + 1;
    next.updated_at = now;
    if to == ArticleState::Published && next.published_at.is_none() {
        next.published_at = Some(now);
    }
    let note = format!("state: {} → {}", from.as_str(), to.as_str());
    if !write_revision(&txn, &article, &next, me, note).await? {
        return Err(ServiceError::conflict(
            "articleId",
            "the article changed meanwhile; read it again and retry",
        ));
    }
    let told = match to {
        ArticleState::Published => {
            Some(article_event(DomainEventType::ArticlePublished, &next).mentions_in(&next.body))
        }
        ArticleState::Archived => Some(article_event(DomainEventType::ArticleArchived, &next)),
        // Drafts and reviews are not told: few may read them.
        ArticleState::Draft | ArticleState::InReview => None,
    };
    outbox::record(&txn, viewer, told.into_iter().collect()).await?;
    txn.commit().await?;
    Ok(next)
}
