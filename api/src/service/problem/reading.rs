//! Lists and lookups of problems, always through the visibility policy.

use crate::{
    access,
    auth::Viewer,
    error::ServiceResult,
    service::{
        content::has_tags,
        page::{visible_by_id, Listing},
        siblings::Siblings,
    },
};
use entity::{
    enums::{ProblemState, Urgency},
    problem, problem_follow,
};
use sea_orm::{
    sea_query::Query, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
};
use std::collections::HashMap;
use uuid::Uuid;

/// How a list of problems is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProblemOrder {
    #[default]
    Newest,
    Oldest,
    /// OPEN first, then SOLVED, then CLOSED; newest first within each.
    UnsolvedFirst,
}

/// Which visible problems to list.
#[derive(Debug, Clone, Default)]
pub struct ProblemFilter {
    pub community_id: Option<Uuid>,
    pub states: Vec<ProblemState>,
    pub urgencies: Vec<Urgency>,
    /// Problems carrying every one of these tags.
    pub tags: Vec<String>,
    pub author_organization_id: Option<Uuid>,
    /// Only those the viewer follows.
    pub followed: bool,
}

/// The visible problems matching `filter`, in `order`.
pub fn visible(
    viewer: &Viewer,
    filter: &ProblemFilter,
    order: ProblemOrder,
) -> ServiceResult<Listing<problem::Entity>> {
    access::require_signed_in(viewer)?;
    let mut condition = Condition::all().add(access::visible_problems(viewer));
    if let Some(community) = filter.community_id {
        condition = condition.add(problem::Column::CommunityId.eq(community));
    }
    if !filter.states.is_empty() {
        condition = condition.add(problem::Column::State.is_in(filter.states.iter().copied()));
    }
    if !filter.urgencies.is_empty() {
        condition = condition.add(problem::Column::Urgency.is_in(filter.urgencies.iter().copied()));
    }
    if !filter.tags.is_empty() {
        condition = condition.add(has_tags::<problem::Entity>(
            problem::Column::Tags,
            "tags",
            &filter.tags,
        )?);
    }
    if let Some(organization) = filter.author_organization_id {
        condition = condition.add(problem::Column::AuthorOrganizationId.eq(organization));
    }
    if filter.followed {
        let person = viewer.person().map(|me| me.person_id).unwrap_or_default();
        condition = condition.add(
            problem::Column::Id.in_subquery(
                Query::select()
                    .column(problem_follow::Column::ProblemId)
                    .from(problem_follow::Entity)
                    .and_where(problem_follow::Column::PersonId.eq(person))
                    .to_owned(),
            ),
        );
    }
    let select = problem::Entity::find().filter(condition);
    Ok(match order {
        ProblemOrder::Newest => Listing::newest_first(select, problem::Column::Id),
        ProblemOrder::Oldest => Listing::oldest_first(select, problem::Column::Id),
        ProblemOrder::UnsolvedFirst => Listing::newest_first(select, problem::Column::Id)
            .ranked_by(problem::Column::StateRank, false),
    })
}

/// The problems of many communities, each community's as `visible` lists them with
/// `filter.community_id` set to it.
pub fn visible_by_community(
    viewer: &Viewer,
    filter: &ProblemFilter,
    order: ProblemOrder,
) -> ServiceResult<Siblings<Listing<problem::Entity>>> {
    let filter = ProblemFilter {
        community_id: None,
        ..filter.clone()
    };
    let listing = visible(viewer, &filter, order)?;
    Ok(Siblings::new(listing, problem::Column::CommunityId))
}

/// The problems among `ids` the viewer may see.
pub async fn find_visible(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, problem::Model>> {
    access::require_signed_in(viewer)?;
    visible_by_id::<problem::Entity, _>(
        db,
        access::visible_problems(viewer),
        problem::Column::Id,
        ids,
        |p| p.id,
    )
    .await
}

/// Of the problems `ids`, those the viewer follows (keyed by problem id).
pub async fn followed_by_viewer(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, bool>> {
    if viewer.person().is_none() {
        return Ok(HashMap::new());
    }
    Ok(problem_follow::Entity::find()
        .filter(access::visible_follows(viewer))
        .filter(problem_follow::Column::ProblemId.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|f| (f.problem_id, true))
        .collect())
}
