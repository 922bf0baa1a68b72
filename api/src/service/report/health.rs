//! The health of a community over the last 90 days, and the stage it seems to be at.

use super::{
    report_community,
    rhythm::{rhythm_of, Gap},
    Period,
};
use crate::{access, auth::Viewer, error::ServiceResult};
use chrono::{DateTime, Duration, Utc};
use entity::{
    application, application_confirmation, article_revision, community,
    enums::{EventState, LifecycleStage, MemberRole, MembershipStatus, ProblemState},
    event, event_rsvp, idea, knowledge_article, membership, problem,
};
use sea_orm::{
    sea_query::{Expr, Func, Query, SimpleExpr},
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect,
};
use std::collections::BTreeMap;
use uuid::Uuid;

/// The window of the indicators, in days.
pub const WINDOW_DAYS: i64 = 90;
/// The window of the rhythm gaps, in days.
pub const GAP_WINDOW_DAYS: i64 = 180;
/// A growth rate above this suggests MATURING.
pub const MATURING_GROWTH: f64 = 0.10;

/// Health indicators of one community.
#[derive(Debug, Clone)]
pub struct CommunityHealth {
    pub community: community::Model,
    pub as_of: DateTime<Utc>,
    pub active_members: i64,
    pub joined_last_90_days: i64,
    pub growth_rate: Option<f64>,
    pub core_share: Option<f64>,
    pub peripheral_share: Option<f64>,
    pub unanswered_problems: i64,
    pub days_since_last_activity: Option<i64>,
    pub rhythm_gaps: Vec<Gap>,
    pub dormant: bool,
    pub suggested_stage: LifecycleStage,
}

/// The health of a community live for the viewer. `dormant_after`: how long without
/// activity makes a community dormant.
pub async fn health(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    community_id: Uuid,
    dormant_after: std::time::Duration,
) -> ServiceResult<CommunityHealth> {
    let community = report_community(db, viewer, community_id).await?;
    let now = Utc::now();
    let window_start = now - Duration::days(WINDOW_DAYS);
    let active = || {
        membership::Entity::find()
            .filter(access::visible_memberships(viewer))
            .filter(membership::Column::CommunityId.eq(community.id))
            .filter(membership::Column::Status.eq(MembershipStatus::Active))
    };
    let active_members = count_u64(active().count(db).await?);
    let joined_last_90_days = count_u64(
        active()
            .filter(membership::Column::JoinedAt.gte(window_start))
            .count(db)
            .await?,
    );
    // Members then: today's ACTIVE members who had joined by the window's start.
    let members_then = active_members - joined_last_90_days;
    let growth_rate = (members_then > 0).then(|| joined_last_90_days as f64 / members_then as f64);

    let contributions = contributions_by_person(db, viewer, community.id, window_start).await?;
    let total: i64 = contributions.values().sum();
    let roles: Vec<(Uuid, MemberRole)> = membership::Entity::find()
        .filter(access::visible_memberships(viewer))
        .filter(membership::Column::CommunityId.eq(community.id))
        .filter(membership::Column::Role.is_in([
            MemberRole::Sponsor,
            MemberRole::Coordinator,
            MemberRole::Core,
        ]))
        .select_only()
        .column(membership::Column::PersonId)
        .column(membership::Column::Role)
        .into_tuple()
        .all(db)
        .await?;
    let core: i64 = roles
        .iter()
        .filter_map(|(person, _)| contributions.get(person))
        .sum();
    let core_share = (total > 0).then(|| core as f64 / total as f64);
    let peripheral_share = core_share.map(|c| 1.0 - c);

    let unanswered_problems = count_u64(
        problem::Entity::find()
            .filter(access::visible_problems(viewer))
            .filter(problem::Column::CommunityId.eq(community.id))
            .filter(problem::Column::State.eq(ProblemState::Open))
            .filter(problem::Column::IdeaCount.eq(0))
            .filter(problem::Column::CreatedAt.lt(now - Duration::days(7)))
            .count(db)
            .await?,
    );

    let last_activity = last_activity(db, viewer, community.id, now).await?;
    let days_since_last_activity = last_activity.map(|at| (now - at).num_days());
    let quiet_since = last_activity.unwrap_or(community.created_at);
    let dormant_after = Duration::from_std(dormant_after).unwrap_or(Duration::MAX);
    let dormant = now - quiet_since >= dormant_after;

    let gap_period = Period::new(
        (now - Duration::days(GAP_WINDOW_DAYS)).date_naive(),
        now.date_naive(),
    )?;
    let rhythm_gaps = rhythm_of(db, viewer, community.clone(), gap_period, now)
        .await?
        .gaps;

    let events_held = count_u64(
        event::Entity::find()
            .filter(access::visible_events(viewer))
            .filter(event::Column::CommunityId.eq(community.id))
            .filter(event::Column::State.eq(EventState::Scheduled))
            .filter(event::Column::StartsAt.lte(now))
            .count(db)
            .await?,
    );
    let contributed_ever = last_contribution(db, viewer, community.id).await?.is_some();
    let suggested_stage = if dormant {
        LifecycleStage::Transformation
    } else if active_members < 5 || !contributed_ever {
        LifecycleStage::Potential
    } else if now - community.created_at < Duration::days(WINDOW_DAYS) || events_held < 3 {
        LifecycleStage::Coalescing
    } else if growth_rate.is_some_and(|g| g > MATURING_GROWTH) {
        LifecycleStage::Maturing
    } else {
        LifecycleStage::Stewardship
    };
    Ok(CommunityHealth {
        community,
        as_of: now,
        active_members,
        joined_last_90_days,
        growth_rate,
        core_share,
        peripheral_share,
        unanswered_problems,
        days_since_last_activity,
        rhythm_gaps,
        dormant,
        suggested_stage,
    })
}

fn count_u64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Contributions (problems, ideas, article revisions, applications, confirmations,
/// check-ins) since `since`, per person.
async fn contributions_by_person(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    community_id: Uuid,
    since: DateTime<Utc>,
) -> ServiceResult<BTreeMap<Uuid, i64>> {
    let mut per_person: BTreeMap<Uuid, i64> = BTreeMap::new();
    let mut add = |rows: Vec<(Uuid, i64)>| {
        for (person, n) in rows {
            *per_person.entry(person).or_default() += n;
        }
    };
    add(problem::Entity::find()
        .filter(access::visible_problems(viewer))
        .filter(problem::Column::CommunityId.eq(community_id))
        .filter(problem::Column::CreatedAt.gte(since))
        .select_only()
        .column(problem::Column::AuthorPersonId)
        .column_as(super::count_rows(), "n")
        .group_by(problem::Column::AuthorPersonId)
        .into_tuple()
        .all(db)
        .await?);
    add(idea::Entity::find()
        .filter(access::visible_ideas(viewer))
        .filter(idea::Column::CommunityId.eq(community_id))
        .filter(idea::Column::CreatedAt.gte(since))
        .select_only()
        .column(idea::Column::AuthorPersonId)
        .column_as(super::count_rows(), "n")
        .group_by(idea::Column::AuthorPersonId)
        .into_tuple()
        .all(db)
        .await?);
    add(article_revision::Entity::find()
        .filter(access::visible_article_revisions(viewer))
        .filter(article_revision::Column::ArticleId.in_subquery(articles_of(community_id)))
        .filter(article_revision::Column::CreatedAt.gte(since))
        .select_only()
        .column(article_revision::Column::AuthorPersonId)
        .column_as(super::count_rows(), "n")
        .group_by(article_revision::Column::AuthorPersonId)
        .into_tuple()
        .all(db)
        .await?);
    add(application::Entity::find()
        .filter(access::visible_applications(viewer))
        .filter(application::Column::CommunityId.eq(community_id))
        .filter(application::Column::CreatedAt.gte(since))
        .select_only()
        .column(application::Column::PersonId)
        .column_as(super::count_rows(), "n")
        .group_by(application::Column::PersonId)
        .into_tuple()
        .all(db)
        .await?);
    add(application_confirmation::Entity::find()
        .filter(access::visible_confirmations(viewer))
        .filter(
            application_confirmation::Column::ApplicationId
                .in_subquery(applications_of(community_id)),
        )
        .filter(application_confirmation::Column::CreatedAt.gte(since))
        .select_only()
        .column(application_confirmation::Column::PersonId)
        .column_as(super::count_rows(), "n")
        .group_by(application_confirmation::Column::PersonId)
        .into_tuple()
        .all(db)
        .await?);
    add(event_rsvp::Entity::find()
        .filter(access::visible_rsvps(viewer))
        .filter(event_rsvp::Column::CommunityId.eq(community_id))
        .filter(event_rsvp::Column::CheckedInAt.gte(since))
        .select_only()
        .column(event_rsvp::Column::PersonId)
        .column_as(super::count_rows(), "n")
        .group_by(event_rsvp::Column::PersonId)
        .into_tuple()
        .all(db)
        .await?);
    Ok(per_person)
}

fn articles_of(community_id: Uuid) -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(knowledge_article::Column::Id)
        .from(knowledge_article::Entity)
        .and_where(knowledge_article::Column::CommunityId.eq(community_id))
        .to_owned()
}

fn applications_of(community_id: Uuid) -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(application::Column::Id)
        .from(application::Entity)
        .and_where(application::Column::CommunityId.eq(community_id))
        .to_owned()
}

/// The newest of a column over rows matching `condition`.
async fn newest<E: EntityTrait>(
    db: &impl ConnectionTrait,
    column: impl ColumnTrait,
    condition: Condition,
) -> ServiceResult<Option<DateTime<Utc>>> {
    let newest: Option<Option<DateTime<Utc>>> = E::find()
        .filter(condition)
        .select_only()
        .column_as(
            SimpleExpr::from(Func::max(Expr::col((E::default(), column)))),
            "newest",
        )
        .into_tuple()
        .one(db)
        .await?;
    Ok(newest.flatten())
}

/// The newest contribution ever.
async fn last_contribution(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    community_id: Uuid,
) -> ServiceResult<Option<DateTime<Utc>>> {
    let found = [
        newest::<problem::Entity>(
            db,
            problem::Column::CreatedAt,
            access::visible_problems(viewer).add(problem::Column::CommunityId.eq(community_id)),
        )
        .await?,
        newest::<idea::Entity>(
            db,
            idea::Column::CreatedAt,
            access::visible_ideas(viewer).add(idea::Column::CommunityId.eq(community_id)),
        )
        .await?,
        newest::<article_revision::Entity>(
            db,
            article_revision::Column::CreatedAt,
            access::visible_article_revisions(viewer)
                .add(article_revision::Column::ArticleId.in_subquery(articles_of(community_id))),
        )
        .await?,
        newest::<application::Entity>(
            db,
            application::Column::CreatedAt,
            access::visible_applications(viewer)
                .add(application::Column::CommunityId.eq(community_id)),
        )
        .await?,
        newest::<application_confirmation::Entity>(
            db,
            application_confirmation::Column::CreatedAt,
            access::visible_confirmations(viewer).add(
                application_confirmation::Column::ApplicationId
                    .in_subquery(applications_of(community_id)),
            ),
        )
        .await?,
        newest::<event_rsvp::Entity>(
            db,
            event_rsvp::Column::CheckedInAt,
            access::visible_rsvps(viewer).add(event_rsvp::Column::CommunityId.eq(community_id)),
        )
        .await?,
    ];
    Ok(found.into_iter().flatten().max())
}

/// The newest contribution or event start, not after `now`.
async fn last_activity(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    community_id: Uuid,
    now: DateTime<Utc>,
) -> ServiceResult<Option<DateTime<Utc>>> {
    let contribution = last_contribution(db, viewer, community_id).await?;
    let event_start = newest::<event::Entity>(
        db,
        event::Column::StartsAt,
        access::visible_events(viewer)
            .add(event::Column::CommunityId.eq(community_id))
            .add(event::Column::State.eq(EventState::Scheduled))
            .add(event::Column::StartsAt.lte(now)),
    )
    .await?;
    Ok(contribution.into_iter().chain(event_start).max())
}
