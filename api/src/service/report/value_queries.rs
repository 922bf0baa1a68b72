//! The queries behind a value report's figures: each aggregated per community in SQL over
//! the rows the viewer sees within the scope.

use super::{
    count_rows, sum,
    value_figures::{applications_of, events_of, in_period, Figures, Scope, Who},
    Period,
};
use crate::{access, auth::Viewer, error::ServiceResult};
use entity::{
    application, application_confirmation, article_author, article_revision,
    enums::{EventKind, EventState, MemberRole, MembershipStatus},
    event, event_rsvp, idea, knowledge_article, membership, problem,
};
use sea_orm::{
    sea_query::Query, ColumnTrait, Condition, ConnectionTrait, EntityTrait, JoinType, QueryFilter,
    QuerySelect, RelationDef,
};
use std::collections::BTreeMap;
use uuid::Uuid;

fn article_of_revision() -> RelationDef {
    article_revision::Entity::belongs_to(knowledge_article::Entity)
        .from(article_revision::Column::ArticleId)
        .to(knowledge_article::Column::Id)
        .into()
}

fn application_of_confirmation() -> RelationDef {
    application_confirmation::Entity::belongs_to(application::Entity)
        .from(application_confirmation::Column::ApplicationId)
        .to(application::Column::Id)
        .into()
}

/// Every figure of the scope over the period, per community.
pub(super) async fn figures_by_community(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    scope: &Scope,
    period: &Period,
) -> ServiceResult<BTreeMap<Uuid, Figures>> {
    let mut out: BTreeMap<Uuid, Figures> = BTreeMap::new();
    let communities = || scope.communities.clone();
    let who = &scope.who;

    let members: Vec<(Uuid, Uuid, MemberRole, i64)> = membership::Entity::find()
        .filter(access::visible_memberships(viewer))
        .filter(membership::Column::CommunityId.in_subquery(communities()))
        .filter(membership::Column::Status.eq(MembershipStatus::Active))
        .filter(membership::Column::JoinedAt.lt(period.end()))
        .filter(who.people(
            membership::Column::PersonId,
            membership::Column::OrganizationId,
        ))
        .select_only()
        .column(membership::Column::CommunityId)
        .column(membership::Column::OrganizationId)
        .column(membership::Column::Role)
        .column_as(count_rows(), "n")
        .group_by(membership::Column::CommunityId)
        .group_by(membership::Column::OrganizationId)
        .group_by(membership::Column::Role)
        .into_tuple()
        .all(db)
        .await?;
    for (community, organization, role, n) in members {
        out.entry(community)
            .or_default()
            .active_members
            .insert((organization, role), n);
    }

    let problems = || {
        problem::Entity::find()
            .filter(access::visible_problems(viewer))
            .filter(problem::Column::CommunityId.in_subquery(communities()))
            .filter(who.people(
                problem::Column::AuthorPersonId,
                problem::Column::AuthorOrganizationId,
            ))
    };
    let posted: Vec<(Uuid, Uuid, i64)> = problems()
        .filter(in_period(problem::Column::CreatedAt, period))
        .select_only()
        .column(problem::Column::CommunityId)
        .column(problem::Column::AuthorPersonId)
        .column_as(count_rows(), "n")
        .group_by(problem::Column::CommunityId)
        .group_by(problem::Column::AuthorPersonId)
        .into_tuple()
        .all(db)
        .await?;
    for (community, author, n) in posted {
        let f = out.entry(community).or_default();
        f.problems_posted += n;
        f.contributors.insert(author);
    }
    let solved: Vec<(Uuid, Option<i64>)> = problems()
        .filter(in_period(problem::Column::SolvedAt, period))
        .select_only()
        .column(problem::Column::CommunityId)
        .column(problem::Column::TimeToSolutionSeconds)
        .into_tuple()
        .all(db)
        .await?;
    for (community, seconds) in solved {
        let f = out.entry(community).or_default();
        f.problems_solved += 1;
        f.solution_seconds.extend(seconds);
    }

    let idea_authors: Vec<(Uuid, Uuid)> = idea::Entity::find()
        .filter(access::visible_ideas(viewer))
        .filter(idea::Column::CommunityId.in_subquery(communities()))
        .filter(who.people(
            idea::Column::AuthorPersonId,
            idea::Column::AuthorOrganizationId,
        ))
        .filter(in_period(idea::Column::CreatedAt, period))
        .select_only()
        .column(idea::Column::CommunityId)
        .column(idea::Column::AuthorPersonId)
        .distinct()
        .into_tuple()
        .all(db)
        .await?;
    for (community, author) in idea_authors {
        out.entry(community)
            .or_default()
            .contributors
            .insert(author);
    }

    let co_authored = match who {
        Who::Anyone => Condition::all(),
        _ => Condition::all().add(
            knowledge_article::Column::Id.in_subquery(
                Query::select()
                    .column(article_author::Column::ArticleId)
                    .from(article_author::Entity)
                    .cond_where(who.people(
                        article_author::Column::PersonId,
                        article_author::Column::OrganizationId,
                    ))
                    .to_owned(),
            ),
        ),
    };
    let published: Vec<(Uuid, i64)> = knowledge_article::Entity::find()
        .filter(access::visible_articles(viewer))
        .filter(knowledge_article::Column::CommunityId.in_subquery(communities()))
        .filter(in_period(knowledge_article::Column::PublishedAt, period))
        .filter(co_authored)
        .select_only()
        .column(knowledge_article::Column::CommunityId)
        .column_as(count_rows(), "n")
        .group_by(knowledge_article::Column::CommunityId)
        .into_tuple()
        .all(db)
        .await?;
    for (community, n) in published {
        out.entry(community).or_default().articles_published = n;
    }
    let revisions: Vec<(Uuid, Uuid, i64)> = article_revision::Entity::find()
        .join(JoinType::InnerJoin, article_of_revision())
        .filter(access::visible_article_revisions(viewer))
        .filter(knowledge_article::Column::CommunityId.in_subquery(communities()))
        .filter(in_period(article_revision::Column::CreatedAt, period))
        .filter(who.people(
            article_revision::Column::AuthorPersonId,
            article_revision::Column::AuthorOrganizationId,
        ))
        .select_only()
        .column(knowledge_article::Column::CommunityId)
        .column(article_revision::Column::AuthorPersonId)
        .column_as(count_rows(), "n")
        .group_by(knowledge_article::Column::CommunityId)
        .group_by(article_revision::Column::AuthorPersonId)
        .into_tuple()
        .all(db)
        .await?;
    for (community, author, n) in revisions {
        let f = out.entry(community).or_default();
        f.article_revisions += n;
        f.contributors.insert(author);
    }

    application_figures(db, viewer, scope, period, &mut out).await?;
    event_figures(db, viewer, scope, period, &mut out).await?;
    Ok(out)
}

async fn application_figures(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    scope: &Scope,
    period: &Period,
    out: &mut BTreeMap<Uuid, Figures>,
) -> ServiceResult<()> {
    let of_period = || application::Entity::find().filter(applications_of(viewer, scope, period));
    let reported: Vec<(Uuid, i64, Option<i64>)> = of_period()
        .select_only()
        .column(application::Column::CommunityId)
        .column_as(count_rows(), "n")
        .column_as(sum(application::Column::HoursSavedCentis), "hours")
        .group_by(application::Column::CommunityId)
        .into_tuple()
        .all(db)
        .await?;
    for (community, n, hours) in reported {
        let f = out.entry(community).or_default();
        f.applications_reported = n;
        f.hours_saved_centis = hours.unwrap_or_default();
    }
    let money: Vec<(Uuid, String, Option<i64>)> = of_period()
        .filter(application::Column::CostCurrency.is_not_null())
        .filter(application::Column::CostSavedMinor.is_not_null())
        .select_only()
        .column(application::Column::CommunityId)
        .column(application::Column::CostCurrency)
        .column_as(sum(application::Column::CostSavedMinor), "minor")
        .group_by(application::Column::CommunityId)
        .group_by(application::Column::CostCurrency)
        .into_tuple()
        .all(db)
        .await?;
    for (community, currency, minor) in money {
        let f = out.entry(community).or_default();
        f.money.insert(currency, minor.unwrap_or_default());
    }
    // Posting an application makes its reporter a contributor, whatever day it names.
    let reporters: Vec<(Uuid, Uuid)> = application::Entity::find()
        .filter(access::visible_applications(viewer))
        .filter(application::Column::CommunityId.in_subquery(scope.communities.clone()))
        .filter(in_period(application::Column::CreatedAt, period))
        .filter(scope.who.people(
            application::Column::PersonId,
            application::Column::OrganizationId,
        ))
        .select_only()
        .column(application::Column::CommunityId)
        .column(application::Column::PersonId)
        .distinct()
        .into_tuple()
        .all(db)
        .await?;
    for (community, person) in reporters {
        out.entry(community)
            .or_default()
            .contributors
            .insert(person);
    }
    let confirmations: Vec<(Uuid, Uuid, i64)> = application_confirmation::Entity::find()
        .join(JoinType::InnerJoin, application_of_confirmation())
        .filter(access::visible_confirmations(viewer))
        .filter(application::Column::CommunityId.in_subquery(scope.communities.clone()))
        .filter(in_period(
            application_confirmation::Column::CreatedAt,
            period,
        ))
        .filter(scope.who.people(
            application_confirmation::Column::PersonId,
            application_confirmation::Column::OrganizationId,
        ))
        .select_only()
        .column(application::Column::CommunityId)
        .column(application_confirmation::Column::PersonId)
        .column_as(count_rows(), "n")
        .group_by(application::Column::CommunityId)
        .group_by(application_confirmation::Column::PersonId)
        .into_tuple()
        .all(db)
        .await?;
    for (community, person, n) in confirmations {
        let f = out.entry(community).or_default();
        f.applications_confirmed += n;
        f.contributors.insert(person);
    }
    Ok(())
}

async fn event_figures(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    scope: &Scope,
    period: &Period,
    out: &mut BTreeMap<Uuid, Figures>,
) -> ServiceResult<()> {
    let held: Vec<(Uuid, EventKind, i64)> = event::Entity::find()
        .filter(events_of(viewer, scope, period))
        .select_only()
        .column(event::Column::CommunityId)
        .column(event::Column::Kind)
        .column_as(count_rows(), "n")
        .group_by(event::Column::CommunityId)
        .group_by(event::Column::Kind)
        .into_tuple()
        .all(db)
        .await?;
    for (community, kind, n) in held {
        let f = out.entry(community).or_default();
        match kind {
            EventKind::Familiar => f.familiar_events = n,
            EventKind::Exciting => f.exciting_events = n,
        }
    }
    let events_of_period = Query::select()
        .column(event::Column::Id)
        .from(event::Entity)
        .cond_where(
            Condition::all()
                .add(access::visible_events(viewer))
                .add(event::Column::CommunityId.in_subquery(scope.communities.clone()))
                .add(event::Column::State.eq(EventState::Scheduled))
                .add(in_period(event::Column::StartsAt, period)),
        )
        .to_owned();
    let attended: Vec<(Uuid, i64)> = event_rsvp::Entity::find()
        .filter(access::visible_rsvps(viewer))
        .filter(event_rsvp::Column::EventId.in_subquery(events_of_period))
        .filter(event_rsvp::Column::CheckedInAt.is_not_null())
        .filter(scope.who.people(
            event_rsvp::Column::PersonId,
            event_rsvp::Column::OrganizationId,
        ))
        .select_only()
        .column(event_rsvp::Column::CommunityId)
        .column_as(count_rows(), "n")
        .group_by(event_rsvp::Column::CommunityId)
        .into_tuple()
        .all(db)
        .await?;
    for (community, n) in attended {
        out.entry(community).or_default().attendances = n;
    }
    Ok(())
}
