//! Who sees and writes a community's knowledge: problems, ideas, articles, applications, and
//! the search index over them. The rules are written out in `docs/KNOWLEDGE.md`.
//!
//! - Content of a community is readable by every viewer for whom the community is live
//!   (hosted by their organization, or FEDERATED with an ACTIVE participation of it). When an
//!   organization's link ends, the community stops being live for its people, so they lose
//!   access at once; what they wrote stays, attributed, for everyone else.
//! - Articles in DRAFT or IN_REVIEW are readable only by their authors and the community's
//!   coordinators (among those for whom it is live); PUBLISHED and ARCHIVED ones by all.
//! - Writing needs an ACTIVE membership of the community (see `require_active_member`).
//! - The authors of content a viewer sees (and their organizations) are visible to that viewer.

use super::{community_ids, coordinated_by, live_communities, nothing};
use crate::{
    auth::{PersonViewer, Viewer},
    error::{ServiceError, ServiceResult},
};
use entity::{
    application, application_confirmation, article_author, article_revision, community,
    enums::{ArticleState, MembershipStatus, SearchKind},
    event, event_rsvp, idea, idea_endorsement, knowledge_article, membership, organization, person,
    problem, problem_follow, search_document,
};
use sea_orm::{
    sea_query::{Expr, ExprTrait, Query, SelectStatement},
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
};

/// `column` (a community id) names a community that is live for the viewer.
pub(super) fn in_live_community<C: ColumnTrait>(viewer: &Viewer, column: C) -> Condition {
    match viewer {
        Viewer::Anonymous => nothing(column),
        Viewer::Operator(_) => Condition::all(),
        Viewer::Person(me) => Condition::all().add(column.in_subquery(live_ids(me))),
    }
}

fn live_ids(me: &PersonViewer) -> SelectStatement {
    community_ids(live_communities(me))
}

fn ids_where<E: EntityTrait, C: ColumnTrait>(column: C, condition: Condition) -> SelectStatement {
    Query::select()
        .column(column)
        .from(E::default())
        .cond_where(condition)
        .to_owned()
}

/// Problems: those of communities live for the viewer.
pub fn visible_problems(viewer: &Viewer) -> Condition {
    in_live_community(viewer, problem::Column::CommunityId)
}

/// Ideas and replies: those of communities live for the viewer.
pub fn visible_ideas(viewer: &Viewer) -> Condition {
    in_live_community(viewer, idea::Column::CommunityId)
}

/// Endorsements: those of visible ideas.
pub fn visible_endorsements(viewer: &Viewer) -> Condition {
    Condition::all().add(idea_endorsement::Column::IdeaId.in_subquery(
        ids_where::<idea::Entity, _>(idea::Column::Id, visible_ideas(viewer)),
    ))
}

/// Follows: the viewer's own, of visible problems (who follows what is private; counts are
/// not).
pub fn visible_follows(viewer: &Viewer) -> Condition {
    match viewer {
        Viewer::Person(me) => {
            Condition::all()
                .add(problem_follow::Column::PersonId.eq(me.person_id))
                .add(problem_follow::Column::ProblemId.in_subquery(
                    ids_where::<problem::Entity, _>(problem::Column::Id, visible_problems(viewer)),
                ))
        }
        Viewer::Operator(_) => Condition::all(),
        Viewer::Anonymous => nothing(problem_follow::Column::Id),
    }
}

/// Ids of the articles V is an author of.
fn authored_by(me: &PersonViewer) -> SelectStatement {
    Query::select()
        .column(article_author::Column::ArticleId)
        .from(article_author::Entity)
        .and_where(article_author::Column::PersonId.eq(me.person_id))
        .to_owned()
}

/// Articles: PUBLISHED and ARCHIVED ones of live communities; DRAFT and IN_REVIEW ones only
/// for their authors and the community's coordinators.
pub fn visible_articles(viewer: &Viewer) -> Condition {
    let me = match viewer {
        Viewer::Anonymous => return nothing(knowledge_article::Column::Id),
        Viewer::Operator(_) => return Condition::all(),
        Viewer::Person(me) => me,
    };
    Condition::all()
        .add(knowledge_article::Column::CommunityId.in_subquery(live_ids(me)))
        .add(
            Condition::any()
                .add(
                    knowledge_article::Column::State
                        .is_in([ArticleState::Published, ArticleState::Archived]),
                )
                .add(knowledge_article::Column::Id.in_subquery(authored_by(me)))
                .add(coordinated_by(me, knowledge_article::Column::CommunityId)),
        )
}

fn visible_article_ids(viewer: &Viewer) -> SelectStatement {
    ids_where::<knowledge_article::Entity, _>(
        knowledge_article::Column::Id,
        visible_articles(viewer),
    )
}

/// Revisions: those of visible articles.
pub fn visible_article_revisions(viewer: &Viewer) -> Condition {
    Condition::all()
        .add(article_revision::Column::ArticleId.in_subquery(visible_article_ids(viewer)))
}

/// Authors: those of visible articles.
pub fn visible_article_authors(viewer: &Viewer) -> Condition {
    Condition::all().add(article_author::Column::ArticleId.in_subquery(visible_article_ids(viewer)))
}

/// Applications: those of communities live for the viewer.
pub fn visible_applications(viewer: &Viewer) -> Condition {
    in_live_community(viewer, application::Column::CommunityId)
}

/// Confirmations: those of visible applications.
pub fn visible_confirmations(viewer: &Viewer) -> Condition {
    Condition::all().add(
        application_confirmation::Column::ApplicationId.in_subquery(ids_where::<
            application::Entity,
            _,
        >(
            application::Column::Id,
            visible_applications(viewer),
        )),
    )
}

/// Search documents: those of live communities; an article's only while the article is
/// visible.
pub fn visible_search_documents(viewer: &Viewer) -> Condition {
    Condition::all()
        .add(in_live_community(
            viewer,
            search_document::Column::CommunityId,
        ))
        .add(
            Condition::any()
                .add(search_document::Column::Kind.ne(SearchKind::Article))
                .add(search_document::Column::ItemId.in_subquery(visible_article_ids(viewer))),
        )
}

/// `EXISTS (SELECT 1 FROM table WHERE who = outer AND condition)`.
fn exists_where<E: EntityTrait, W: ColumnTrait>(
    who: W,
    outer: (impl sea_orm::Iden + 'static, impl sea_orm::Iden + 'static),
    condition: Condition,
) -> Condition {
    Condition::all().add(Expr::exists(
        Query::select()
            .expr(Expr::val(1))
            .from(E::default())
            .and_where(Expr::col((E::default(), who)).equals(outer))
            .cond_where(condition)
            .to_owned(),
    ))
}

/// People V sees as authors: of problems, ideas, endorsements, articles (as co-authors or
/// editors of a revision), applications, confirmations, RSVPs and events V sees. Correlated
/// EXISTS, so a lookup by id reads the author indexes rather than every row of live
/// communities.
pub(super) fn content_authors(viewer: &Viewer) -> Condition {
    let outer = || (person::Entity, person::Column::Id);
    Condition::any()
        .add(exists_where::<problem::Entity, _>(
            problem::Column::AuthorPersonId,
            outer(),
            visible_problems(viewer),
        ))
        .add(exists_where::<idea::Entity, _>(
            idea::Column::AuthorPersonId,
            outer(),
            visible_ideas(viewer),
        ))
        .add(exists_where::<idea_endorsement::Entity, _>(
            idea_endorsement::Column::PersonId,
            outer(),
            visible_endorsements(viewer),
        ))
        .add(exists_where::<article_author::Entity, _>(
            article_author::Column::PersonId,
            outer(),
            visible_article_authors(viewer),
        ))
        .add(exists_where::<article_revision::Entity, _>(
            article_revision::Column::AuthorPersonId,
            outer(),
            visible_article_revisions(viewer),
        ))
        .add(exists_where::<application::Entity, _>(
            application::Column::PersonId,
            outer(),
            visible_applications(viewer),
        ))
        .add(exists_where::<application_confirmation::Entity, _>(
            application_confirmation::Column::PersonId,
            outer(),
            visible_confirmations(viewer),
        ))
        .add(exists_where::<event_rsvp::Entity, _>(
            event_rsvp::Column::PersonId,
            outer(),
            super::visible_rsvps(viewer),
        ))
        .add(exists_where::<event::Entity, _>(
            event::Column::CreatedByPersonId,
            outer(),
            super::visible_events(viewer),
        ))
}

/// Organizations V sees as the organizations of authors of content V sees.
pub(super) fn content_organizations(viewer: &Viewer) -> Condition {
    let outer = || (organization::Entity, organization::Column::Id);
    Condition::any()
        .add(exists_where::<problem::Entity, _>(
            problem::Column::AuthorOrganizationId,
            outer(),
            visible_problems(viewer),
        ))
        .add(exists_where::<idea::Entity, _>(
            idea::Column::AuthorOrganizationId,
            outer(),
            visible_ideas(viewer),
        ))
        .add(exists_where::<idea_endorsement::Entity, _>(
            idea_endorsement::Column::OrganizationId,
            outer(),
            visible_endorsements(viewer),
        ))
        .add(exists_where::<article_author::Entity, _>(
            article_author::Column::OrganizationId,
            outer(),
            visible_article_authors(viewer),
        ))
        .add(exists_where::<article_revision::Entity, _>(
            article_revision::Column::AuthorOrganizationId,
            outer(),
            visible_article_revisions(viewer),
        ))
        .add(exists_where::<application::Entity, _>(
            application::Column::OrganizationId,
            outer(),
            visible_applications(viewer),
        ))
        .add(exists_where::<application_confirmation::Entity, _>(
            application_confirmation::Column::OrganizationId,
            outer(),
            visible_confirmations(viewer),
        ))
        .add(exists_where::<event_rsvp::Entity, _>(
            event_rsvp::Column::OrganizationId,
            outer(),
            super::visible_rsvps(viewer),
        ))
        .add(exists_where::<event::Entity, _>(
            event::Column::HostOrganizationId,
            outer(),
            super::visible_events(viewer),
        ))
}

/// The viewer's ACTIVE membership of a community, required to post, reply, endorse, write
/// and report there. The community must be visible to the viewer already (callers load it
/// through the policy, so an invisible one was NOT_FOUND before this).
pub async fn require_active_member(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    community: &community::Model,
) -> ServiceResult<membership::Model> {
    let me = super::require_person(viewer)?;
    membership::Entity::find()
        .filter(membership::Column::CommunityId.eq(community.id))
        .filter(membership::Column::PersonId.eq(me.person_id))
        .filter(membership::Column::Status.eq(MembershipStatus::Active))
        .one(db)
        .await?
        .ok_or(ServiceError::Forbidden(
            "only active members of this community may do this",
        ))
}
