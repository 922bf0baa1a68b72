//! Contributing, editing and endorsing ideas.

use super::{idea_event, visible_idea};
use crate::{
    access,
    auth::Viewer,
    error::{is_unique_violation, ServiceError, ServiceResult},
    events::outbox::{self, RecipientReason},
    service::{
        content::parse_body,
        participation::visible_community,
        problem::{new_mentions, visible_problem},
        search_index::{self, SearchEntry},
    },
};
use chrono::{DateTime, Utc};
use entity::{
    enums::{DomainEventType, ProblemState, SearchKind},
    idea, idea_endorsement, idea_revision, problem, problem_follow,
};
use sea_orm::{
    sea_query::{Expr, ExprTrait},
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use std::time::Duration;
use uuid::Uuid;

/// A new idea, or a reply to one.
#[derive(Debug, Clone)]
pub struct NewIdea {
    pub problem_id: Uuid,
    /// The top-level idea this replies to.
    pub parent_idea_id: Option<Uuid>,
    pub body: String,
}

async fn index(
    db: &impl ConnectionTrait,
    idea: &idea::Model,
    problem: &problem::Model,
) -> ServiceResult<()> {
    search_index::upsert(
        db,
        SearchEntry {
            item_id: idea.id,
            kind: SearchKind::Idea,
            community_id: idea.community_id,
            author_organization_id: idea.author_organization_id,
            tags: problem.tags.clone(),
            state: problem.state.as_str().to_owned(),
            title: String::new(),
            body: idea.body.clone(),
            created_at: idea.created_at,
        },
    )
    .await
}

async fn bump(
    db: &impl ConnectionTrait,
    column: idea::Column,
    id: Uuid,
    by: i32,
) -> ServiceResult<()> {
    idea::Entity::update_many()
        .col_expr(column, Expr::col(column).add(by))
        .filter(idea::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Contributes an idea to a problem, or a reply to a top-level idea (ACTIVE members; not on a
/// CLOSED problem).
pub async fn contribute(
    db: &DatabaseConnection,
    viewer: &Viewer,
    input: NewIdea,
) -> ServiceResult<idea::Model> {
    let me = access::require_person(viewer)?.clone();
    let body = parse_body("body", &input.body)?;
    let txn = crate::db::begin_write(db).await?;
    let problem = visible_problem(&txn, viewer, input.problem_id).await?;
    let community = visible_community(&txn, viewer, problem.community_id).await?;
    access::require_active_member(&txn, viewer, &community).await?;
    if problem.state == ProblemState::Closed {
        return Err(ServiceError::invalid(
            "problemId",
            "this problem is CLOSED; reopen it to contribute",
        ));
    }
    let mut parent_author = None;
    if let Some(parent_id) = input.parent_idea_id {
        let parent = visible_idea(&txn, viewer, parent_id).await?;
        if parent.problem_id != problem.id {
            return Err(ServiceError::invalid(
                "parentIdeaId",
                "is an idea of another problem",
            ));
        }
        if parent.parent_idea_id.is_some() {
            return Err(ServiceError::invalid(
                "parentIdeaId",
                "replies are threaded one level: reply to the idea itself",
            ));
        }
        bump(&txn, idea::Column::ReplyCount, parent.id, 1).await?;
        parent_author = Some(parent.author_person_id);
    }
    let now = Utc::now();
    let created = idea::ActiveModel {
        id: Set(Uuid::now_v7()),
        problem_id: Set(problem.id),
        community_id: Set(problem.community_id),
        parent_idea_id: Set(input.parent_idea_id),
        author_person_id: Set(me.person_id),
        author_organization_id: Set(me.organization_id),
        body: Set(body.clone()),
        endorsement_count: Set(0),
        reply_count: Set(0),
        revision: Set(1),
        accepted_at: Set(None),
        accepted_by_person_id: Set(None),
        created_at: Set(now),
        edited_at: Set(None),
    }
    .insert(&txn)
    .await?;
    idea_revision::ActiveModel {
        id: Set(Uuid::now_v7()),
        idea_id: Set(created.id),
        number: Set(1),
        body: Set(body),
        created_at: Set(now),
    }
    .insert(&txn)
    .await?;
    problem::Entity::update_many()
        .col_expr(
            problem::Column::IdeaCount,
            Expr::col(problem::Column::IdeaCount).add(1),
        )
        .col_expr(problem::Column::UpdatedAt, Expr::value(now))
        .filter(problem::Column::Id.eq(problem.id))
        .exec(&txn)
        .await?;
    index(&txn, &created, &problem).await?;
    let told = match parent_author {
        Some(parent_author) => idea_event(DomainEventType::IdeaReplied, &created)
            .notify(parent_author, RecipientReason::Reply)
            .notify(problem.author_person_id, RecipientReason::Reply),
        None => {
            let mut told = idea_event(DomainEventType::IdeaContributed, &created)
                .notify(problem.author_person_id, RecipientReason::Reply);
            for follower in followers(&txn, problem.id).await? {
                told = told.notify(follower, RecipientReason::Reply);
            }
            told
        }
    };
    outbox::record(&txn, viewer, vec![told.mentions_in(&created.body)]).await?;
    txn.commit().await?;
    Ok(created)
}

/// The people following a problem, first followers first.
async fn followers(db: &impl ConnectionTrait, problem_id: Uuid) -> ServiceResult<Vec<Uuid>> {
    Ok(problem_follow::Entity::find()
        .filter(problem_follow::Column::ProblemId.eq(problem_id))
        .order_by_asc(problem_follow::Column::CreatedAt)
        .order_by_asc(problem_follow::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|follow| follow.person_id)
        .collect())
}

/// Until when the author may edit an idea posted at `created_at`.
pub fn editable_until(created_at: DateTime<Utc>, window: Duration) -> DateTime<Utc> {
    created_at + chrono::Duration::from_std(window).unwrap_or(chrono::Duration::MAX)
}

/// Edits an idea's text (its author, still an ACTIVE member, within the edit window); the
/// previous text stays in its history.
pub async fn edit(
    db: &DatabaseConnection,
    viewer: &Viewer,
    window: Duration,
    id: Uuid,
    body: &str,
) -> ServiceResult<idea::Model> {
    let me = access::require_person(viewer)?.clone();
    let body = parse_body("body", body)?;
    let txn = crate::db::begin_write(db).await?;
    let current = visible_idea(&txn, viewer, id).await?;
    if current.author_person_id != me.person_id {
        return Err(ServiceError::Forbidden("only its author may edit an idea"));
    }
    let community = visible_community(&txn, viewer, current.community_id).await?;
    access::require_active_member(&txn, viewer, &community).await?;
    let now = Utc::now();
    if now > editable_until(current.created_at, window) {
        return Err(ServiceError::invalid(
            "id",
            "the edit window of this idea has closed",
        ));
    }
    if current.body == body {
        return Err(ServiceError::invalid("body", "is unchanged"));
    }
    let number = current.revision + 1;
    let mentioned_anew = new_mentions(&current.body, &body);
    idea_revision::ActiveModel {
        id: Set(Uuid::now_v7()),
        idea_id: Set(current.id),
        number: Set(number),
        body: Set(body.clone()),
        created_at: Set(now),
    }
    .insert(&txn)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            ServiceError::conflict("id", "the idea was edited at the same time; reload it")
        } else {
            e.into()
        }
    })?;
    let mut active: idea::ActiveModel = current.into();
    active.body = Set(body);
    active.revision = Set(number);
    active.edited_at = Set(Some(now));
    let updated = active.update(&txn).await?;
    let problem = visible_problem(&txn, viewer, updated.problem_id).await?;
    index(&txn, &updated, &problem).await?;
    let mut told = idea_event(DomainEventType::IdeaEdited, &updated);
    for person in mentioned_anew {
        told = told.notify(person, RecipientReason::Mention);
    }
    outbox::record(&txn, viewer, vec![told]).await?;
    txn.commit().await?;
    Ok(updated)
}

/// Endorses an idea (ACTIVE members, once per person, not one's own).
pub async fn endorse(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
) -> ServiceResult<idea::Model> {
    let me = access::require_person(viewer)?.clone();
    let txn = crate::db::begin_write(db).await?;
    let current = visible_idea(&txn, viewer, id).await?;
    let community = visible_community(&txn, viewer, current.community_id).await?;
    access::require_active_member(&txn, viewer, &community).await?;
    if current.author_person_id == me.person_id {
        return Err(ServiceError::invalid(
            "id",
            "you cannot endorse your own idea",
        ));
    }
    idea_endorsement::ActiveModel {
        id: Set(Uuid::now_v7()),
        idea_id: Set(current.id),
        person_id: Set(me.person_id),
        organization_id: Set(me.organization_id),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            ServiceError::conflict("id", "you already endorsed this idea")
        } else {
            e.into()
        }
    })?;
    bump(&txn, idea::Column::EndorsementCount, current.id, 1).await?;
    let updated = visible_idea(&txn, viewer, current.id).await?;
    let told = idea_event(DomainEventType::IdeaEndorsed, &updated);
    outbox::record(&txn, viewer, vec![told]).await?;
    txn.commit().await?;
    Ok(updated)
}

/// Withdraws the viewer's endorsement of an idea.
pub async fn withdraw_endorsement(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
) -> ServiceResult<idea::Model> {
    let me = access::require_person(viewer)?.clone();
    let txn = crate::db::begin_write(db).await?;
    let current = visible_idea(&txn, viewer, id).await?;
    let deleted = idea_endorsement::Entity::delete_many()
        .filter(idea_endorsement::Column::IdeaId.eq(current.id))
        .filter(idea_endorsement::Column::PersonId.eq(me.person_id))
        .exec(&txn)
        .await?;
    if deleted.rows_affected == 0 {
        return Err(ServiceError::invalid(
            "id",
            "you have not endorsed this idea",
        ));
    }
    bump(&txn, idea::Column::EndorsementCount, current.id, -1).await?;
    let updated = visible_idea(&txn, viewer, current.id).await?;
    txn.commit().await?;
    Ok(updated)
}
