//! Reading applications and confirmations, and what an article's applications add up to.
//! Totals are computed in SQL over the rows the viewer may see, never over the rest.

use super::Money;
use crate::{
    access,
    auth::Viewer,
    error::{ServiceError, ServiceResult},
    service::{
        page::{visible_by_id, Listing},
        siblings::Siblings,
    },
};
use entity::{application, application_confirmation, knowledge_article};
use sea_orm::{
    sea_query::{Alias, Expr, Func, Query, SimpleExpr},
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use uuid::Uuid;

/// The applications among `ids` the viewer may see.
pub async fn find_visible(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, application::Model>> {
    access::require_signed_in(viewer)?;
    visible_by_id::<application::Entity, _>(
        db,
        access::visible_applications(viewer),
        application::Column::Id,
        ids,
        |a| a.id,
    )
    .await
}

/// Which visible applications to list.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApplicationFilter {
    pub community_id: Option<Uuid>,
    pub article_id: Option<Uuid>,
    pub problem_id: Option<Uuid>,
    /// Only those reported by people of this organization.
    pub organization_id: Option<Uuid>,
}

fn filtered(viewer: &Viewer, filter: &ApplicationFilter) -> Condition {
    let mut condition = Condition::all().add(access::visible_applications(viewer));
    if let Some(community) = filter.community_id {
        condition = condition.add(application::Column::CommunityId.eq(community));
    }
    if let Some(article) = filter.article_id {
        condition = condition.add(application::Column::ArticleId.eq(article));
    }
    if let Some(problem) = filter.problem_id {
        condition = condition.add(application::Column::ProblemId.eq(problem));
    }
    if let Some(organization) = filter.organization_id {
        condition = condition.add(application::Column::OrganizationId.eq(organization));
    }
    condition
}

/// The applications the viewer may see, newest first.
pub fn visible(
    viewer: &Viewer,
    filter: &ApplicationFilter,
) -> ServiceResult<Listing<application::Entity>> {
    access::require_signed_in(viewer)?;
    Ok(Listing::newest_first(
        application::Entity::find().filter(filtered(viewer, filter)),
        application::Column::Id,
    ))
}

/// The applications of many communities, each community's as `visible` lists them with
/// `filter.community_id` set to it.
pub fn visible_by_community(
    viewer: &Viewer,
    filter: &ApplicationFilter,
) -> ServiceResult<Siblings<Listing<application::Entity>>> {
    let filter = ApplicationFilter {
        community_id: None,
        ..*filter
    };
    Ok(Siblings::new(
        visible(viewer, &filter)?,
        application::Column::CommunityId,
    ))
}

/// The applications of many problems' solutions, each problem's as `visible` lists them with
/// `filter.problem_id` set to it.
pub fn visible_by_problem(
    viewer: &Viewer,
    filter: &ApplicationFilter,
) -> ServiceResult<Siblings<Listing<application::Entity>>> {
    let filter = ApplicationFilter {
        problem_id: None,
        ..*filter
    };
    Ok(Siblings::new(
        visible(viewer, &filter)?,
        application::Column::ProblemId,
    ))
}

/// The confirmations of an application the viewer may see, oldest first.
pub fn confirmations(
    viewer: &Viewer,
    application_id: Uuid,
) -> ServiceResult<Listing<application_confirmation::Entity>> {
    access::require_signed_in(viewer)?;
    Ok(Listing::oldest_first(
        application_confirmation::Entity::find()
            .filter(access::visible_confirmations(viewer))
            .filter(application_confirmation::Column::ApplicationId.eq(application_id)),
        application_confirmation::Column::Id,
    ))
}

/// The viewer's own confirmation of each of `application_ids`, where there is one.
pub async fn viewer_confirmations(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    application_ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, application_confirmation::Model>> {
    let Some(me) = viewer.person() else {
        return Ok(HashMap::new());
    };
    Ok(application_confirmation::Entity::find()
        .filter(access::visible_confirmations(viewer))
        .filter(application_confirmation::Column::PersonId.eq(me.person_id))
        .filter(
            application_confirmation::Column::ApplicationId.is_in(application_ids.iter().copied()),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.application_id, c))
        .collect())
}

/// How often, where and to what effect an article was applied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApplicationSummary {
    pub applications: i64,
    pub confirmations: i64,
    /// Applications and confirmations per organization and business unit (a confirmation may
    /// name none), most first.
    pub by_business_unit: Vec<BusinessUnitCount>,
    /// How many organizations reported or confirmed.
    pub organization_count: i64,
    pub hours_saved_centis: i64,
    /// Money saved per currency, by currency code.
    pub money: Vec<Money>,
}

/// Applications and confirmations of one organization's business unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusinessUnitCount {
    pub organization_id: Uuid,
    pub business_unit: Option<String>,
    pub count: i64,
}

/// `CAST(SUM(column) AS BIGINT)`: PostgreSQL sums BIGINTs as NUMERIC otherwise.
fn sum(column: impl sea_orm::IntoSimpleExpr) -> SimpleExpr {
    Func::cast_as(Func::sum(column.into_simple_expr()), Alias::new("BIGINT")).into()
}

fn count_rows() -> SimpleExpr {
    Func::count(Expr::val(1)).into()
}

/// What the visible applications of a visible article add up to.
pub async fn summary(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    article_id: Uuid,
) -> ServiceResult<ApplicationSummary> {
    access::require_signed_in(viewer)?;
    let article_visible = knowledge_article::Entity::find_by_id(article_id)
        .filter(access::visible_articles(viewer))
        .count(db)
        .await?
        > 0;
    if !article_visible {
        return Err(ServiceError::NotFound);
    }
    let of_article = Condition::all()
        .add(access::visible_applications(viewer))
        .add(application::Column::ArticleId.eq(article_id));
    let applications = || application::Entity::find().filter(of_article.clone());

    let (count, confirmations, hours): (i64, Option<i64>, Option<i64>) = applications()
        .select_only()
        .column_as(count_rows(), "applications")
        .column_as(sum(application::Column::ConfirmationCount), "confirmations")
        .column_as(sum(application::Column::HoursSavedCentis), "hours")
        .into_tuple()
        .one(db)
        .await?
        .unwrap_or((0, None, None));

    let reported: Vec<(Uuid, String, i64)> = applications()
        .select_only()
        .column(application::Column::OrganizationId)
        .column(application::Column::BusinessUnit)
        .column_as(count_rows(), "count")
        .group_by(application::Column::OrganizationId)
        .group_by(application::Column::BusinessUnit)
        .into_tuple()
        .all(db)
        .await?;
    let confirmed: Vec<(Uuid, Option<String>, i64)> = application_confirmation::Entity::find()
        .filter(
            application_confirmation::Column::ApplicationId.in_subquery(
                Query::select()
                    .column(application::Column::Id)
                    .from(application::Entity)
                    .cond_where(of_article.clone())
                    .to_owned(),
            ),
        )
        .select_only()
        .column(application_confirmation::Column::OrganizationId)
        .column(application_confirmation::Column::BusinessUnit)
        .column_as(count_rows(), "count")
        .group_by(application_confirmation::Column::OrganizationId)
        .group_by(application_confirmation::Column::BusinessUnit)
        .into_tuple()
        .all(db)
        .await?;
    let money: Vec<(String, Option<i64>)> = applications()
        .filter(application::Column::CostCurrency.is_not_null())
        .filter(application::Column::CostSavedMinor.is_not_null())
        .select_only()
        .column(application::Column::CostCurrency)
        .column_as(sum(application::Column::CostSavedMinor), "minor")
        .group_by(application::Column::CostCurrency)
        .into_tuple()
        .all(db)
        .await?;

    let mut units: BTreeMap<(Uuid, Option<String>), i64> = BTreeMap::new();
    let rows = reported
        .into_iter()
        .map(|(org, unit, n)| (org, Some(unit), n))
        .chain(confirmed);
    for (organization, unit, n) in rows {
        *units.entry((organization, unit)).or_default() += n;
    }
    let organization_count = units.keys().map(|(o, _)| *o).collect::<BTreeSet<_>>().len();
    let mut by_business_unit: Vec<BusinessUnitCount> = units
        .into_iter()
        .map(
            |((organization_id, business_unit), count)| BusinessUnitCount {
                organization_id,
                business_unit,
                count,
            },
        )
        .collect();
    by_business_unit.sort_by_key(|b| std::cmp::Reverse(b.count));
    let mut money: Vec<Money> = money
        .into_iter()
        .map(|(currency, minor)| Money {
            minor: minor.unwrap_or_default(),
            currency,
        })
        .collect();
    money.sort_by(|a, b| a.currency.cmp(&b.currency));
    Ok(ApplicationSummary {
        applications: count,
        confirmations: confirmations.unwrap_or_default(),
        by_business_unit,
        organization_count: i64::try_from(organization_count).unwrap_or(i64::MAX),
        hours_saved_centis: hours.unwrap_or_default(),
        money,
    })
}
