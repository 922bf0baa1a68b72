//! Knowledge articles: written by their authors (members of the community, from any
//! participating organization), reviewed and published by coordinators, kept as numbered
//! revisions, applied at work. The rules are in `docs/KNOWLEDGE.md`.

mod authors;
mod creating;
mod editing;
mod reading;

pub use authors::{add_author, remove_author};
pub use creating::{create, NewArticle, MAX_CO_AUTHORS};
pub use editing::{set_state, update, ArticlePatch, UpdateOutcome};
pub use reading::{
    authors_of, diff, find_visible, revision, revisions, unified_diff, visible,
    visible_by_community, visible_by_source_problem, ArticleFilter, ArticleOrder,
};

use super::{participation::visible_community, search_index};
use crate::{
    access,
    auth::{PersonViewer, Viewer},
    error::{ServiceError, ServiceResult},
    events::outbox::{global_id, NewEvent},
};
use chrono::{DateTime, Utc};
use entity::{
    article_author, article_revision, community,
    enums::{ArticleState, DomainEventType, MembershipStatus, SearchKind},
    knowledge_article, membership,
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::{json, Value};
use uuid::Uuid;

/// Who may make a state change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Movers {
    /// The article's authors (members still) and the community's coordinators.
    AuthorsAndCoordinators,
    /// The community's coordinators only.
    Coordinators,
}

/// The state machine of `docs/KNOWLEDGE.md`: who may move an article from `from` to `to`, or
/// `None` when the move is not possible at all.
pub fn transition(from: ArticleState, to: ArticleState) -> Option<Movers> {
    use ArticleState::{Archived, Draft, InReview, Published};
    match (from, to) {
        (Draft, InReview) | (InReview, Draft) => Some(Movers::AuthorsAndCoordinators),
        (Draft | InReview, Published) | (Published, Archived) | (Archived, Published) => {
            Some(Movers::Coordinators)
        }
        _ => None,
    }
}

/// Whether the viewer may change an article's text and authors: one of its authors who is
/// still an ACTIVE member of the community, or a coordinator of it. `own_membership` is the
/// viewer's membership of the article's community, if any.
pub fn may_edit(
    viewer: &Viewer,
    community: &community::Model,
    own_membership: Option<&membership::Model>,
    authors: &[article_author::Model],
) -> bool {
    let Some(me) = viewer.person() else {
        return false;
    };
    if access::coordinates_with(viewer, community, own_membership) {
        return true;
    }
    let active_member = own_membership.is_some_and(|m| {
        m.person_id == me.person_id
            && m.community_id == community.id
            && m.status == MembershipStatus::Active
    });
    active_member && authors.iter().any(|a| a.person_id == me.person_id)
}

/// An article the viewer is about to change, with its community and the viewer's standing.
struct Writable {
    article: knowledge_article::Model,
    community: community::Model,
    authors: Vec<article_author::Model>,
    own_membership: Option<membership::Model>,
}

impl Writable {
    /// Loads an article through the policy (NOT_FOUND when invisible).
    async fn load(db: &impl ConnectionTrait, viewer: &Viewer, id: Uuid) -> ServiceResult<Self> {
        let me = access::require_person(viewer)?;
        let article = knowledge_article::Entity::find_by_id(id)
            .filter(access::visible_articles(viewer))
            .one(db)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let community = visible_community(db, viewer, article.community_id).await?;
        let authors = article_author::Entity::find()
            .filter(article_author::Column::ArticleId.eq(article.id))
            .all(db)
            .await?;
        let own_membership = membership::Entity::find()
            .filter(membership::Column::CommunityId.eq(community.id))
            .filter(membership::Column::PersonId.eq(me.person_id))
            .one(db)
            .await?;
        Ok(Self {
            article,
            community,
            authors,
            own_membership,
        })
    }

    fn coordinates(&self, viewer: &Viewer) -> bool {
        access::coordinates_with(viewer, &self.community, self.own_membership.as_ref())
    }

    fn may_edit(&self, viewer: &Viewer) -> bool {
        may_edit(
            viewer,
            &self.community,
            self.own_membership.as_ref(),
            &self.authors,
        )
    }

    /// FORBIDDEN unless the viewer may edit the article.
    fn require_editor(&self, viewer: &Viewer) -> ServiceResult<()> {
        if self.may_edit(viewer) {
            Ok(())
        } else {
            Err(ServiceError::Forbidden(
                "only the article's authors (members still) and the community's coordinators may do this",
            ))
        }
    }
}

/// The viewer as the author of a write.
fn writer(viewer: &Viewer) -> ServiceResult<&PersonViewer> {
    access::require_person(viewer)
}

/// Whether `person_id` is an ACTIVE member of the community (any role, any organization);
/// their membership if so.
async fn active_membership(
    db: &impl ConnectionTrait,
    community_id: Uuid,
    person_id: Uuid,
) -> ServiceResult<Option<membership::Model>> {
    Ok(membership::Entity::find()
        .filter(membership::Column::CommunityId.eq(community_id))
        .filter(membership::Column::PersonId.eq(person_id))
        .filter(membership::Column::Status.eq(MembershipStatus::Active))
        .one(db)
        .await?)
}

/// The revision row recording `article` as it now stands.
fn revision_row(
    article: &knowledge_article::Model,
    number: i32,
    author: &PersonViewer,
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

/// Writes the article's current text and state to the search index.
async fn index(db: &impl ConnectionTrait, article: &knowledge_article::Model) -> ServiceResult<()> {
    search_index::upsert(
        db,
        search_index::SearchEntry {
            item_id: article.id,
            kind: SearchKind::Article,
            community_id: article.community_id,
            author_organization_id: article.created_by_organization_id,
            tags: article.tags.clone(),
            state: article.state.as_str().to_owned(),
            title: article.title.clone(),
            body: article.body.clone(),
            created_at: article.created_at,
        },
    )
    .await
}

/// What an event about an article carries: its public fields now (no text: a reader who
/// wants it reads the article).
pub(crate) fn article_data(article: &knowledge_article::Model) -> Value {
    json!({
        "id": global_id("KnowledgeArticle", article.id),
        "title": article.title,
        "state": article.state.as_str(),
        "revision": article.revision,
        "tags": article.tags,
        "publishedAt": article.published_at,
        "sourceProblemId": article.source_problem_id.map(|id| global_id("Problem", id)),
    })
}

/// A community event about an article, carrying [`article_data`].
fn article_event(event_type: DomainEventType, article: &knowledge_article::Model) -> NewEvent {
    NewEvent::community(
        event_type,
        article.community_id,
        "KnowledgeArticle",
        article.id,
    )
    .data(article_data(article))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ArticleState::{Archived, Draft, InReview, Published};

    #[test]
    fn the_state_machine_is_the_documented_one() {
        let all = [Draft, InReview, Published, Archived];
        let allowed = [
            (Draft, InReview, Movers::AuthorsAndCoordinators),
            (InReview, Draft, Movers::AuthorsAndCoordinators),
            (InReview, Published, Movers::Coordinators),
            (Draft, Published, Movers::Coordinators),
            (Published, Archived, Movers::Coordinators),
            (Archived, Published, Movers::Coordinators),
        ];
        for from in all {
            for to in all {
                let expected = allowed
                    .iter()
                    .find(|(f, t, _)| *f == from && *t == to)
                    .map(|(_, _, who)| *who);
                assert_eq!(transition(from, to), expected, "{from:?} -> {to:?}");
            }
        }
    }
}
