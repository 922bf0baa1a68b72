//! Ideas on problems and replies to them (threaded one level), their edit history and
//! endorsements. The rules are in `docs/KNOWLEDGE.md`; visibility in `access::knowledge`.

mod reading;
mod writing;

pub use reading::*;
pub use writing::*;

use crate::events::outbox::{global_id, NewEvent};
use crate::{
    access,
    auth::Viewer,
    error::{ServiceError, ServiceResult},
};
use entity::{enums::DomainEventType, idea};
use sea_orm::{ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::{json, Value};
use uuid::Uuid;

/// How much of an idea's text an event carries.
const EXCERPT_CHARS: usize = 280;

/// An idea the viewer may see, or NOT_FOUND.
pub(crate) async fn visible_idea(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    id: Uuid,
) -> ServiceResult<idea::Model> {
    access::require_signed_in(viewer)?;
    idea::Entity::find_by_id(id)
        .filter(access::visible_ideas(viewer))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)
}

/// What an event about an idea carries: its public fields now, and the start of its text.
pub(crate) fn idea_data(idea: &idea::Model) -> Value {
    json!({
        "id": global_id("Idea", idea.id),
        "problemId": global_id("Problem", idea.problem_id),
        "parentId": idea.parent_idea_id.map(|id| global_id("Idea", id)),
        "authorId": global_id("Person", idea.author_person_id),
        "excerpt": idea.body.chars().take(EXCERPT_CHARS).collect::<String>(),
        "revision": idea.revision,
        "endorsementCount": idea.endorsement_count,
        "replyCount": idea.reply_count,
    })
}

/// A community event about an idea, carrying [`idea_data`].
fn idea_event(event_type: DomainEventType, idea: &idea::Model) -> NewEvent {
    NewEvent::community(event_type, idea.community_id, "Idea", idea.id).data(idea_data(idea))
}
