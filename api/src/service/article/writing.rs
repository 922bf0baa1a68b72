//! Writing articles: creating one (blank or from a solved problem), changing its text under
//! optimistic concurrency, and moving it through its states. Every change of text or state is
//! a new numbered revision, and the search index follows in the same transaction.

use super::{active_membership, index, transition, writer, Movers, Writable};
use crate::{
    access,
    auth::Viewer,
    error::{is_unique_violation, ServiceError, ServiceResult},
    service::{
        content::{parse_body, parse_note, parse_tags, parse_title},
        participation::visible_community,
    },
};
use chrono::{DateTime, Utc};
use entity::{
    article_author, article_revision,
    enums::{ArticleState, ProblemState},
    idea, knowledge_article, problem,
};
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashSet;
use uuid::Uuid;

/// Most co-authors named when creating an article.
pub const MAX_CO_AUTHORS: usize = 10;

/// What a new article starts from.
#[derive(Debug, Clone, Default)]
pub struct NewArticle {
    /// Required unless `from_problem_id` is given (then it must be the problem's, if given).
    pub community_id: Option<Uuid>,
    /// A SOLVED problem whose title, text, accepted solution and tags fill what is left out.
    pub from_problem_id: Option<Uuid>,
    pub title: Option<String>,
    pub body: Option<String>,
    /// Left out: the problem's tags (none for a blank page).
    pub tags: Option<Vec<String>>,
    pub co_author_ids: Vec<Uuid>,
}

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

/// The problem's text followed by its accepted solution.
fn body_from_problem(problem: &problem::Model, accepted: &[idea::Model]) -> String {
    let mut body = problem.body.trim_end().to_owned();
    body.push_str("\n\n## Solution\n");
    for idea in accepted {
        body.push('\n');
        body.push_str(idea.body.trim_end());
        body.push('\n');
    }
    body
}

/// The SOLVED problem an article is written from, with its accepted ideas.
async fn solved_problem(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    id: Uuid,
) -> ServiceResult<(problem::Model, Vec<idea::Model>)> {
    let problem = problem::Entity::find_by_id(id)
        .filter(access::visible_problems(viewer))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if problem.state != ProblemState::Solved {
        return Err(ServiceError::invalid(
            "fromProblemId",
            "only a SOLVED problem becomes an article",
        ));
    }
    let accepted = idea::Entity::find()
        .filter(idea::Column::ProblemId.eq(problem.id))
        .filter(idea::Column::AcceptedAt.is_not_null())
        .order_by_asc(idea::Column::AcceptedAt)
        .order_by_asc(idea::Column::Id)
        .all(db)
        .await?;
    Ok((problem, accepted))
}

fn revision_row(
    article: &knowledge_article::Model,
    number: i32,
    author: &crate::auth::PersonViewer,
    note: String,
    now: DateTime<Utc>,
) -> article_revision::ActiveModel {
    article_revision::ActiveModel {
        id: Set(Uuid::now_v7()),
        article_id: Set(article.id),
        number: Set(number),
        title: Set(article.title.clone()),
        body: Set(article.body.clone()),
        tags: Set(article.tags.clone()),
        state: Set(article.state),
        author_person_id: Set(author.person_id),
        author_organization_id: Set(author.organization_id),
        note: Set(note),
        created_at: Set(now),
    }
}

/// Creates a DRAFT article (revision 1); the viewer is its first author, `co_author_ids` the
/// others. Members of the community only.
pub async fn create(
    db: &DatabaseConnection,
    viewer: &Viewer,
    input: NewArticle,
) -> ServiceResult<knowledge_article::Model> {
    let me = writer(viewer)?;
    if input.co_author_ids.len() > MAX_CO_AUTHORS {
        return Err(ServiceError::invalid(
            "coAuthorIds",
            format!("at most {MAX_CO_AUTHORS} co-authors"),
        ));
    }
    let given_tags = input.tags.as_deref().map(parse_tags).transpose()?;
    let txn = crate::db::begin_write(db).await?;
    let source = match input.from_problem_id {
        Some(id) => Some(solved_problem(&txn, viewer, id).await?),
        None => None,
    };
    let community_id = match (&source, input.community_id) {
        (Some((problem, _)), Some(id)) if problem.community_id != id => {
            return Err(ServiceError::invalid(
                "fromProblemId",
                "the problem belongs to another community",
            ))
        }
        (Some((problem, _)), _) => problem.community_id,
        (None, Some(id)) => id,
        (None, None) => {
            return Err(ServiceError::invalid(
                "communityId",
                "name the community, or the problem the article is written from",
            ))
        }
    };
    let community = visible_community(&txn, viewer, community_id).await?;
    access::require_active_member(&txn, viewer, &community).await?;
    let (title, body, tags) = match &source {
        Some((problem, accepted)) => (
            parse_title("title", input.title.as_deref().unwrap_or(&problem.title))?,
            match input.body.as_deref() {
                Some(body) => parse_body("body", body)?,
                None => parse_body("body", &body_from_problem(problem, accepted))?,
            },
            given_tags.unwrap_or_else(|| problem.tags.clone()),
        ),
        None => (
            parse_title("title", input.title.as_deref().unwrap_or_default())?,
            parse_body("body", input.body.as_deref().unwrap_or_default())?,
            given_tags.unwrap_or_else(|| serde_json::json!([])),
        ),
    };
    let mut co_authors = Vec::new();
    let mut seen = HashSet::from([me.person_id]);
    for (index, person_id) in input.co_author_ids.iter().copied().enumerate() {
        if !seen.insert(person_id) {
            continue;
        }
        let membership = active_membership(&txn, community.id, person_id)
            .await?
            .ok_or_else(|| ServiceError::Invalid {
                field: vec!["coAuthorIds".to_owned(), index.to_string()],
                message: "co-authors must be active members of the community".to_owned(),
            })?;
        co_authors.push(membership);
    }
    let now = Utc::now();
    let article = knowledge_article::ActiveModel {
        id: Set(Uuid::now_v7()),
        community_id: Set(community.id),
        source_problem_id: Set(source.as_ref().map(|(p, _)| p.id)),
        title: Set(title),
        body: Set(body),
        tags: Set(tags),
        state: Set(ArticleState::Draft),
        revision: Set(1),
        application_count: Set(0),
        created_by_person_id: Set(me.person_id),
        created_by_organization_id: Set(me.organization_id),
        created_at: Set(now),
        updated_at: Set(now),
        published_at: Set(None),
    }
    .insert(&txn)
    .await?;
    let note = if source.is_some() {
        "created from a solved problem"
    } else {
        "created"
    };
    revision_row(&article, 1, me, note.to_owned(), now)
        .insert(&txn)
        .await?;
    let authors = std::iter::once((me.person_id, me.organization_id))
        .chain(co_authors.iter().map(|m| (m.person_id, m.organization_id)));
    for (person_id, organization_id) in authors {
        article_author::ActiveModel {
            id: Set(Uuid::now_v7()),
            article_id: Set(article.id),
            person_id: Set(person_id),
            organization_id: Set(organization_id),
            added_by_person_id: Set(me.person_id),
            created_at: Set(now),
        }
        .insert(&txn)
        .await?;
    }
    index(&txn, &article).await?;
    txn.commit().await?;
    Ok(article)
}

/// Moves the article to `next` (its text, tags and state already in it) as revision
/// `current.revision + 1`, if nobody else moved it first. `false` when someone did.
async fn write_revision(
    db: &impl ConnectionTrait,
    current: &knowledge_article::Model,
    next: &knowledge_article::Model,
    author: &crate::auth::PersonViewer,
    note: String,
) -> ServiceResult<bool> {
    let moved = knowledge_article::Entity::update_many()
        .col_expr(knowledge_article::Column::Revision, Expr::value(next.revision))
        .col_expr(knowledge_article::Column::Title, Expr::value(next.title.clone()))
        .col_expr(knowledge_article::Column::Body, Expr::value(next.body.clone()))
        .col_expr(knowledge_article::Column::Tags, Expr::value(next.tags.clone()))
        .col_expr(knowledge_article::Column::State, Expr::value(next.state))
        .col_expr(knowledge_article::Column::UpdatedAt, Expr::value(next.updated_at))
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
        drop(txn);
        return current_revision(db, viewer, id)
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
    txn.commit().await?;
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_from_a_problem_carries_its_solution() {
        let now = Utc::now();
        let problem = problem::Model {
            id: Uuid::now_v7(),
            community_id: Uuid::now_v7(),
            author_person_id: Uuid::now_v7(),
            author_organization_id: Uuid::now_v7(),
            title: "Flaky builds".into(),
            body: "Builds fail at random.\n".into(),
            tags: serde_json::json!(["ci"]),
            urgency: entity::enums::Urgency::Normal,
            state: ProblemState::Solved,
            state_rank: 1,
            idea_count: 2,
            follower_count: 1,
            created_at: now,
            updated_at: now,
            solved_at: Some(now),
            time_to_solution_seconds: Some(60),
            closed_at: None,
        };
        let idea = |body: &str| idea::Model {
            id: Uuid::now_v7(),
            problem_id: problem.id,
            community_id: problem.community_id,
            parent_idea_id: None,
            author_person_id: Uuid::now_v7(),
            author_organization_id: Uuid::now_v7(),
            body: body.into(),
            endorsement_count: 0,
            reply_count: 0,
            revision: 1,
            accepted_at: Some(now),
            accepted_by_person_id: None,
            created_at: now,
            edited_at: None,
        };
        let body = body_from_problem(&problem, &[idea("Pin the toolchain."), idea("Retry once.")]);
        assert_eq!(
            body,
            "Builds fail at random.\n\n## Solution\n\nPin the toolchain.\n\nRetry once.\n"
        );
    }
}
