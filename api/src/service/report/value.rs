//! Value reports: what a community, an organization or a business unit got out of the
//! communities over a period.

use super::{
    report_community,
    value_figures::{applications_of, Figures, Scope, Who},
    value_queries::figures_by_community,
    Period,
};
use crate::{access, auth::Viewer, error::ServiceResult};
use entity::{application, application_confirmation, community, idea, problem};
use sea_orm::{
    sea_query::{Query, SelectStatement},
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, JoinType, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, RelationDef,
};
use uuid::Uuid;

pub use super::value_figures::Figures as ValueFigures;

/// Most stories a report lists.
pub const MAX_STORIES: u64 = 50;

/// A value report: the figures, and the applications behind them.
#[derive(Debug, Clone)]
pub struct ValueReport {
    pub period: Period,
    pub figures: Figures,
    /// The newest applications of the period (at most [`MAX_STORIES`]).
    pub stories: Vec<application::Model>,
    /// All applications of the period.
    pub story_count: i64,
}

/// What an organization gave to communities hosted elsewhere.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gave {
    /// Ideas by its people accepted as solutions to other organizations' problems.
    pub ideas_accepted: i64,
    /// Articles its people co-authored, first published in the period.
    pub articles_co_authored: i64,
    /// Events it hosted.
    pub events_hosted: i64,
    /// Confirmations its people gave to other organizations' applications.
    pub confirmations_given: i64,
}

/// What an organization got from communities hosted elsewhere.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Got {
    /// Its people's problems solved by other organizations' ideas.
    pub problems_solved: i64,
    /// Its people's applications, with their benefits.
    pub applications_reported: i64,
    pub hours_saved_centis: i64,
    pub money: std::collections::BTreeMap<String, i64>,
}

/// An organization's value report.
#[derive(Debug, Clone)]
pub struct OrganizationValueReport {
    pub organization_id: Uuid,
    pub report: ValueReport,
    pub gave: Gave,
    pub got: Got,
    /// Per-community figures, by community name.
    pub by_community: Vec<(community::Model, Figures)>,
}

async fn report_of(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    scope: &Scope,
    period: Period,
) -> ServiceResult<(ValueReport, std::collections::BTreeMap<Uuid, Figures>)> {
    let per_community = figures_by_community(db, viewer, scope, &period).await?;
    let mut figures = Figures::default();
    for f in per_community.values() {
        figures.merge(f);
    }
    let stories = application::Entity::find()
        .filter(applications_of(viewer, scope, &period))
        .order_by_desc(application::Column::AppliedOn)
        .order_by_desc(application::Column::CreatedAt)
        .order_by_desc(application::Column::Id)
        .limit(MAX_STORIES)
        .all(db)
        .await?;
    let report = ValueReport {
        period,
        story_count: figures.applications_reported,
        figures,
        stories,
    };
    Ok((report, per_community))
}

fn one_community(id: Uuid) -> SelectStatement {
    Query::select()
        .column(community::Column::Id)
        .from(community::Entity)
        .and_where(community::Column::Id.eq(id))
        .to_owned()
}

fn live_for(organization_id: Uuid) -> SelectStatement {
    Query::select()
        .column(community::Column::Id)
        .from(community::Entity)
        .cond_where(access::communities_live_for_organization(organization_id))
        .to_owned()
}

/// The value report of a community live for the viewer.
pub async fn community_value(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    community_id: Uuid,
    period: Period,
) -> ServiceResult<ValueReport> {
    let community = report_community(db, viewer, community_id).await?;
    let scope = Scope {
        communities: one_community(community.id),
        who: Who::Anyone,
    };
    Ok(report_of(db, viewer, &scope, period).await?.0)
}

/// The value report of an organization's people across the communities live for it: its
/// admins and the operator.
pub async fn organization_value(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    organization_id: Uuid,
    period: Period,
) -> ServiceResult<OrganizationValueReport> {
    access::require_organization_reader(db, viewer, organization_id).await?;
    let scope = Scope {
        communities: live_for(organization_id),
        who: Who::Organization(organization_id),
    };
    let (report, per_community) = report_of(db, viewer, &scope, period).await?;
    let ids: Vec<Uuid> = per_community.keys().copied().collect();
    let communities = community::Entity::find()
        .filter(community::Column::Id.is_in(ids))
        .order_by_asc(community::Column::Name)
        .order_by_asc(community::Column::Id)
        .all(db)
        .await?;
    let mut gave = Gave::default();
    let mut got = Got::default();
    for c in &communities {
        if c.host_organization_id == organization_id {
            continue;
        }
        if let Some(f) = per_community.get(&c.id) {
            gave.articles_co_authored += f.articles_published;
            gave.events_hosted += f.events_held();
            got.applications_reported += f.applications_reported;
            got.hours_saved_centis += f.hours_saved_centis;
            for (currency, minor) in &f.money {
                *got.money.entry(currency.clone()).or_default() += minor;
            }
        }
    }
    let elsewhere = Query::select()
        .column(community::Column::Id)
        .from(community::Entity)
        .cond_where(
            Condition::all()
                .add(access::communities_live_for_organization(organization_id))
                .add(community::Column::HostOrganizationId.ne(organization_id)),
        )
        .to_owned();
    gave.ideas_accepted =
        ideas_accepted_by_others(db, viewer, organization_id, &elsewhere, &period).await?;
    gave.confirmations_given =
        confirmations_given(db, viewer, organization_id, &elsewhere, &period).await?;
    got.problems_solved =
        solved_by_others(db, viewer, organization_id, &elsewhere, &period).await?;
    let by_community = communities
        .into_iter()
        .filter_map(|c| {
            let f = per_community.get(&c.id)?.clone();
            Some((c, f))
        })
        .collect();
    Ok(OrganizationValueReport {
        organization_id,
        report,
        gave,
        got,
        by_community,
    })
}

/// The value report of one business unit of an organization: its admins, the unit's
/// division leaders, the operator. `unit` is compared trimmed and case-insensitively.
pub async fn business_unit_value(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    organization_id: Uuid,
    unit: &str,
    period: Period,
) -> ServiceResult<ValueReport> {
    let key = crate::service::business_unit::unit_key(unit)
        .ok_or_else(|| crate::error::ServiceError::invalid("businessUnit", "must not be empty"))?;
    access::require_business_unit_reader(db, viewer, organization_id, &key).await?;
    let scope = Scope {
        communities: live_for(organization_id),
        who: Who::Unit {
            organization_id,
            key,
        },
    };
    Ok(report_of(db, viewer, &scope, period).await?.0)
}

fn problem_of_idea() -> RelationDef {
    idea::Entity::belongs_to(problem::Entity)
        .from(idea::Column::ProblemId)
        .to(problem::Column::Id)
        .into()
}

async fn ideas_accepted_by_others(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    organization_id: Uuid,
    elsewhere: &SelectStatement,
    period: &Period,
) -> ServiceResult<i64> {
    let n = idea::Entity::find()
        .join(JoinType::InnerJoin, problem_of_idea())
        .filter(access::visible_ideas(viewer))
        .filter(idea::Column::CommunityId.in_subquery(elsewhere.clone()))
        .filter(idea::Column::AuthorOrganizationId.eq(organization_id))
        .filter(problem::Column::AuthorOrganizationId.ne(organization_id))
        .filter(idea::Column::AcceptedAt.gte(period.start()))
        .filter(idea::Column::AcceptedAt.lt(period.end()))
        .count(db)
        .await?;
    Ok(i64::try_from(n).unwrap_or(i64::MAX))
}

async fn confirmations_given(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    organization_id: Uuid,
    elsewhere: &SelectStatement,
    period: &Period,
) -> ServiceResult<i64> {
    let application_of: RelationDef =
        application_confirmation::Entity::belongs_to(application::Entity)
            .from(application_confirmation::Column::ApplicationId)
            .to(application::Column::Id)
            .into();
    let n = application_confirmation::Entity::find()
        .join(JoinType::InnerJoin, application_of)
        .filter(access::visible_confirmations(viewer))
        .filter(application::Column::CommunityId.in_subquery(elsewhere.clone()))
        .filter(application_confirmation::Column::OrganizationId.eq(organization_id))
        .filter(application::Column::OrganizationId.ne(organization_id))
        .filter(application_confirmation::Column::CreatedAt.gte(period.start()))
        .filter(application_confirmation::Column::CreatedAt.lt(period.end()))
        .count(db)
        .await?;
    Ok(i64::try_from(n).unwrap_or(i64::MAX))
}

async fn solved_by_others(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    organization_id: Uuid,
    elsewhere: &SelectStatement,
    period: &Period,
) -> ServiceResult<i64> {
    let solved_by_other_organizations = Query::select()
        .column(idea::Column::ProblemId)
        .from(idea::Entity)
        .and_where(idea::Column::AcceptedAt.is_not_null())
        .and_where(idea::Column::AuthorOrganizationId.ne(organization_id))
        .to_owned();
    let n = problem::Entity::find()
        .filter(access::visible_problems(viewer))
        .filter(problem::Column::CommunityId.in_subquery(elsewhere.clone()))
        .filter(problem::Column::AuthorOrganizationId.eq(organization_id))
        .filter(problem::Column::SolvedAt.gte(period.start()))
        .filter(problem::Column::SolvedAt.lt(period.end()))
        .filter(problem::Column::Id.in_subquery(solved_by_other_organizations))
        .count(db)
        .await?;
    Ok(i64::try_from(n).unwrap_or(i64::MAX))
}
