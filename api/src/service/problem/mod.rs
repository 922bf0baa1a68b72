//! Problems: posted by members, followed, solved by accepting ideas, closed and reopened.
//! The rules are in `docs/KNOWLEDGE.md`; visibility in `access::knowledge`.

mod reading;
mod writing;

pub use reading::*;
pub use writing::*;

use super::search_index::{self, SearchEntry};
use crate::events::outbox::{global_id, NewEvent};
use crate::{
    access,
    auth::Viewer,
    error::{ServiceError, ServiceResult},
};
use entity::{
    enums::{DomainEventType, SearchKind},
    problem,
};
use sea_orm::{ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::{json, Value};
use uuid::Uuid;

/// A problem the viewer may see, or NOT_FOUND.
pub(crate) async fn visible_problem(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    id: Uuid,
) -> ServiceResult<problem::Model> {
    access::require_signed_in(viewer)?;
    problem::Entity::find_by_id(id)
        .filter(access::visible_problems(viewer))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)
}

/// Writes the problem's search row, and its state and tags onto its ideas' rows.
async fn index(db: &impl ConnectionTrait, problem: &problem::Model) -> ServiceResult<()> {
    search_index::upsert(
        db,
        SearchEntry {
            item_id: problem.id,
            kind: SearchKind::Problem,
            community_id: problem.community_id,
            author_organization_id: problem.author_organization_id,
            tags: problem.tags.clone(),
            state: problem.state.as_str().to_owned(),
            title: problem.title.clone(),
            body: problem.body.clone(),
            created_at: problem.created_at,
        },
    )
    .await?;
    search_index::follow_problem(db, problem.id, problem.state.as_str(), &problem.tags).await
}

/// What an event about a problem carries: its public fields now (docs/REALTIME.md).
pub(crate) fn problem_data(problem: &problem::Model) -> Value {
    json!({
        "id": global_id("Problem", problem.id),
        "title": problem.title,
        "state": problem.state.as_str(),
        "urgency": problem.urgency.as_str(),
        "tags": problem.tags,
        "authorId": global_id("Person", problem.author_person_id),
        "ideaCount": problem.idea_count,
    })
}

/// A community event about a problem, carrying [`problem_data`].
fn problem_event(event_type: DomainEventType, problem: &problem::Model) -> NewEvent {
    NewEvent::community(event_type, problem.community_id, "Problem", problem.id)
        .data(problem_data(problem))
}
