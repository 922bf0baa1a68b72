//! Posting, changing, following, solving, closing and reopening problems.

use super::{index, problem_event, visible_problem};
use crate::{
    access,
    auth::Viewer,
    error::{is_unique_violation, ServiceError, ServiceResult},
    events::outbox::{self, global_id, mentioned_people, RecipientReason},
    service::{
        content::{parse_body, parse_tags, parse_title},
        participation::visible_community,
    },
};
use chrono::Utc;
use entity::{
    enums::{DomainEventType, ProblemState, Urgency},
    idea, problem, problem_follow,
};
use sea_orm::{
    sea_query::{Expr, ExprTrait},
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use std::collections::BTreeSet;
use uuid::Uuid;

/// Most ideas accepted in one call.
pub const MAX_ACCEPTED: usize = 20;

/// A new problem.
#[derive(Debug, Clone)]
pub struct NewProblem {
    pub community_id: Uuid,
    pub title: String,
    pub body: String,
    pub tags: Vec<String>,
    pub urgency: Urgency,
}

/// Changes to a problem; `None` keeps a field.
#[derive(Debug, Clone, Default)]
pub struct ProblemPatch {
    pub title: Option<String>,
    pub body: Option<String>,
    pub tags: Option<Vec<String>>,
    pub urgency: Option<Urgency>,
}

/// The author (still an ACTIVE member) or a coordinator of the problem's community.
async fn require_author_or_coordinator(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    problem: &problem::Model,
) -> ServiceResult<()> {
    let community = visible_community(db, viewer, problem.community_id).await?;
    if access::coordinates(db, viewer, &community).await? {
        return Ok(());
    }
    let me = access::require_person(viewer)?;
    if me.person_id == problem.author_person_id {
        access::require_active_member(db, viewer, &community).await?;
        return Ok(());
    }
    Err(ServiceError::Forbidden(
        "only the problem's author or a coordinator may do this",
    ))
}

/// Posts a problem in a community (ACTIVE members); the author follows it.
pub async fn post(
    db: &DatabaseConnection,
    viewer: &Viewer,
    input: NewProblem,
) -> ServiceResult<problem::Model> {
    let me = access::require_person(viewer)?.clone();
    let title = parse_title("title", &input.title)?;
    let body = parse_body("body", &input.body)?;
    let tags = parse_tags(&input.tags)?;
    let txn = crate::db::begin_write(db).await?;
    let community = visible_community(&txn, viewer, input.community_id).await?;
    access::require_active_member(&txn, viewer, &community).await?;
    let now = Utc::now();
    let created = problem::ActiveModel {
        id: Set(Uuid::now_v7()),
        community_id: Set(community.id),
        author_person_id: Set(me.person_id),
        author_organization_id: Set(me.organization_id),
        title: Set(title),
        body: Set(body),
        tags: Set(tags),
        urgency: Set(input.urgency),
        state: Set(ProblemState::Open),
        state_rank: Set(ProblemState::Open.rank()),
        idea_count: Set(0),
        follower_count: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        solved_at: Set(None),
        time_to_solution_seconds: Set(None),
        closed_at: Set(None),
    }
    .insert(&txn)
    .await?;
    problem_follow::ActiveModel {
        id: Set(Uuid::now_v7()),
        problem_id: Set(created.id),
        person_id: Set(me.person_id),
        created_at: Set(now),
    }
    .insert(&txn)
    .await?;
    index(&txn, &created).await?;
    let told = problem_event(DomainEventType::ProblemPosted, &created).mentions_in(&created.body);
    outbox::record(&txn, viewer, vec![told]).await?;
    txn.commit().await?;
    Ok(created)
}

/// Changes a problem's title, body, tags or urgency (its author or a coordinator).
pub async fn update(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    patch: ProblemPatch,
) -> ServiceResult<problem::Model> {
    access::require_signed_in(viewer)?;
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
    if title.is_none() && body.is_none() && tags.is_none() && patch.urgency.is_none() {
        return Err(ServiceError::invalid("id", "nothing to change"));
    }
    let txn = crate::db::begin_write(db).await?;
    let current = visible_problem(&txn, viewer, id).await?;
    require_author_or_coordinator(&txn, viewer, &current).await?;
    let before = current.clone();
    let mut active: problem::ActiveModel = current.into();
    if let Some(title) = title {
        active.title = Set(title);
    }
    if let Some(body) = body {
        active.body = Set(body);
    }
    if let Some(tags) = tags {
        active.tags = Set(tags);
    }
    if let Some(urgency) = patch.urgency {
        active.urgency = Set(urgency);
    }
    active.updated_at = Set(Utc::now());
    let updated = active.update(&txn).await?;
    index(&txn, &updated).await?;
    let changed = (&before.title, &before.body, &before.tags, before.urgency)
        != (
            &updated.title,
            &updated.body,
            &updated.tags,
            updated.urgency,
        );
    if changed {
        let mut told = problem_event(DomainEventType::ProblemUpdated, &updated);
        for person in new_mentions(&before.body, &updated.body) {
            told = told.notify(person, RecipientReason::Mention);
        }
        outbox::record(&txn, viewer, vec![told]).await?;
    }
    txn.commit().await?;
    Ok(updated)
}

/// People mentioned in `after` who were not mentioned in `before`: an edit tells only them.
pub(crate) fn new_mentions(before: &str, after: &str) -> Vec<Uuid> {
    let already = mentioned_people(before);
    mentioned_people(after)
        .into_iter()
        .filter(|person| !already.contains(person))
        .collect()
}

/// Moves a problem to a new state (author or coordinator), keeping `state_rank` in step.
async fn move_to(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    to: ProblemState,
) -> ServiceResult<problem::Model> {
    access::require_signed_in(viewer)?;
    let txn = crate::db::begin_write(db).await?;
    let current = visible_problem(&txn, viewer, id).await?;
    require_author_or_coordinator(&txn, viewer, &current).await?;
    let allowed = matches!(
        (current.state, to),
        (
            ProblemState::Open | ProblemState::Solved,
            ProblemState::Closed
        ) | (
            ProblemState::Solved | ProblemState::Closed,
            ProblemState::Open
        )
    );
    if !allowed {
        return Err(ServiceError::invalid(
            "id",
            format!(
                "a {} problem cannot become {}",
                current.state.as_str(),
                to.as_str()
            ),
        ));
    }
    let now = Utc::now();
    let reopening = to == ProblemState::Open;
    if reopening {
        // The solution did not hold: its ideas are no longer accepted.
        idea::Entity::update_many()
            .col_expr(
                idea::Column::AcceptedAt,
                Expr::value(Option::<chrono::DateTime<Utc>>::None),
            )
            .col_expr(
                idea::Column::AcceptedByPersonId,
                Expr::value(Option::<Uuid>::None),
            )
            .filter(idea::Column::ProblemId.eq(current.id))
            .exec(&txn)
            .await?;
    }
    let mut active: problem::ActiveModel = current.into();
    active.state = Set(to);
    active.state_rank = Set(to.rank());
    active.updated_at = Set(now);
    if reopening {
        active.solved_at = Set(None);
        active.time_to_solution_seconds = Set(None);
        active.closed_at = Set(None);
    } else {
        active.closed_at = Set(Some(now));
    }
    let updated = active.update(&txn).await?;
    index(&txn, &updated).await?;
    let told = if reopening {
        DomainEventType::ProblemReopened
    } else {
        DomainEventType::ProblemClosed
    };
    outbox::record(&txn, viewer, vec![problem_event(told, &updated)]).await?;
    txn.commit().await?;
    Ok(updated)
}

/// Closes a problem (OPEN or SOLVED → CLOSED).
pub async fn close(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
) -> ServiceResult<problem::Model> {
    move_to(db, viewer, id, ProblemState::Closed).await
}

/// Reopens a problem (SOLVED or CLOSED → OPEN); its accepted ideas are no longer accepted.
pub async fn reopen(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
) -> ServiceResult<problem::Model> {
    move_to(db, viewer, id, ProblemState::Open).await
}

/// Accepts ideas of the problem as its solution (author or coordinator): the problem becomes
/// SOLVED, and the time to solution is recorded when it was not SOLVED before.
pub async fn accept_solution(
    db: &DatabaseConnection,
    viewer: &Viewer,
    problem_id: Uuid,
    idea_ids: &[Uuid],
) -> ServiceResult<problem::Model> {
    let me = access::require_person(viewer)?.clone();
    if idea_ids.is_empty() || idea_ids.len() > MAX_ACCEPTED {
        return Err(ServiceError::invalid(
            "ideaIds",
            format!("name 1 to {MAX_ACCEPTED} ideas"),
        ));
    }
    let wanted: BTreeSet<Uuid> = idea_ids.iter().copied().collect();
    let txn = crate::db::begin_write(db).await?;
    let current = visible_problem(&txn, viewer, problem_id).await?;
    require_author_or_coordinator(&txn, viewer, &current).await?;
    if current.state == ProblemState::Closed {
        return Err(ServiceError::invalid(
            "problemId",
            "a CLOSED problem cannot be solved; reopen it first",
        ));
    }
    let found = idea::Entity::find()
        .filter(idea::Column::ProblemId.eq(current.id))
        .filter(idea::Column::Id.is_in(wanted.iter().copied()))
        .all(&txn)
        .await?;
    if let Some(index) = idea_ids
        .iter()
        .position(|id| !found.iter().any(|idea| idea.id == *id))
    {
        return Err(ServiceError::Invalid {
            field: vec!["ideaIds".to_owned(), index.to_string()],
            message: "is not an idea of this problem".to_owned(),
        });
    }
    let now = Utc::now();
    let newly_accepted = idea::Entity::update_many()
        .col_expr(idea::Column::AcceptedAt, Expr::value(Some(now)))
        .col_expr(
            idea::Column::AcceptedByPersonId,
            Expr::value(Some(me.person_id)),
        )
        .filter(idea::Column::Id.is_in(wanted.iter().copied()))
        .filter(idea::Column::AcceptedAt.is_null())
        .exec(&txn)
        .await?;
    let was_solved = current.state == ProblemState::Solved;
    let posted = current.created_at;
    let mut active: problem::ActiveModel = current.into();
    if !was_solved {
        active.state = Set(ProblemState::Solved);
        active.state_rank = Set(ProblemState::Solved.rank());
        active.solved_at = Set(Some(now));
        active.time_to_solution_seconds = Set(Some(Ord::max((now - posted).num_seconds(), 0)));
    }
    active.updated_at = Set(now);
    let updated = active.update(&txn).await?;
    index(&txn, &updated).await?;
    // Naming only ideas accepted already changes nothing worth telling.
    if !was_solved || newly_accepted.rows_affected > 0 {
        let accepted: Vec<String> = idea::Entity::find()
            .filter(idea::Column::ProblemId.eq(updated.id))
            .filter(idea::Column::AcceptedAt.is_not_null())
            .order_by_asc(idea::Column::AcceptedAt)
            .order_by_asc(idea::Column::Id)
            .all(&txn)
            .await?
            .iter()
            .map(|idea| global_id("Idea", idea.id))
            .collect();
        let mut told = problem_event(DomainEventType::ProblemSolved, &updated);
        told.data["acceptedIdeaIds"] = serde_json::json!(accepted);
        told.data["newlyAcceptedIdeaIds"] = serde_json::json!(wanted
            .iter()
            .filter(|id| found
                .iter()
                .any(|idea| idea.id == **id && idea.accepted_at.is_none()))
            .map(|id| global_id("Idea", *id))
            .collect::<Vec<_>>());
        outbox::record(&txn, viewer, vec![told]).await?;
    }
    txn.commit().await?;
    Ok(updated)
}

/// Follows a problem (anyone who sees it). Following twice is a CONFLICT.
pub async fn follow(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
) -> ServiceResult<problem::Model> {
    let me = access::require_person(viewer)?.clone();
    let txn = crate::db::begin_write(db).await?;
    let current = visible_problem(&txn, viewer, id).await?;
    problem_follow::ActiveModel {
        id: Set(Uuid::now_v7()),
        problem_id: Set(current.id),
        person_id: Set(me.person_id),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            ServiceError::conflict("id", "you already follow this problem")
        } else {
            e.into()
        }
    })?;
    let updated = bump_followers(&txn, current, 1).await?;
    txn.commit().await?;
    Ok(updated)
}

/// Stops following a problem.
pub async fn unfollow(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
) -> ServiceResult<problem::Model> {
    let me = access::require_person(viewer)?.clone();
    let txn = crate::db::begin_write(db).await?;
    let current = visible_problem(&txn, viewer, id).await?;
    let deleted = problem_follow::Entity::delete_many()
        .filter(problem_follow::Column::ProblemId.eq(current.id))
        .filter(problem_follow::Column::PersonId.eq(me.person_id))
        .exec(&txn)
        .await?;
    if deleted.rows_affected == 0 {
        return Err(ServiceError::invalid(
            "id",
            "you do not follow this problem",
        ));
    }
    let updated = bump_followers(&txn, current, -1).await?;
    txn.commit().await?;
    Ok(updated)
}

async fn bump_followers(
    db: &impl ConnectionTrait,
    current: problem::Model,
    by: i32,
) -> ServiceResult<problem::Model> {
    problem::Entity::update_many()
        .col_expr(
            problem::Column::FollowerCount,
            Expr::col(problem::Column::FollowerCount).add(by),
        )
        .filter(problem::Column::Id.eq(current.id))
        .exec(db)
        .await?;
    Ok(problem::Entity::find_by_id(current.id)
        .one(db)
        .await?
        .unwrap_or(current))
}
