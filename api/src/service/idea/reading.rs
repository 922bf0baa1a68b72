//! Lists and lookups of ideas, replies, their history and endorsements.

use crate::{
    access,
    auth::Viewer,
    error::ServiceResult,
    service::{
        page::{visible_by_id, Listing},
        siblings::Siblings,
    },
};
use entity::{idea, idea_endorsement, idea_revision};
use sea_orm::{
    sea_query::Query, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
};
use std::collections::HashMap;
use uuid::Uuid;

/// How a list of ideas is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IdeaOrder {
    Newest,
    #[default]
    Oldest,
    /// Most endorsements first; newest first among equals.
    MostEndorsed,
}

/// Which visible ideas to list.
#[derive(Debug, Clone, Default)]
pub struct IdeaFilter {
    pub problem_id: Option<Uuid>,
    /// The replies to this idea; without it, only top-level ideas are listed when
    /// `problem_id` is given.
    pub parent_idea_id: Option<Uuid>,
    /// Only accepted (true) or not accepted (false) ideas.
    pub accepted: Option<bool>,
    pub author_organization_id: Option<Uuid>,
}

/// The visible ideas matching `filter`, in `order`.
pub fn visible(
    viewer: &Viewer,
    filter: &IdeaFilter,
    order: IdeaOrder,
) -> ServiceResult<Listing<idea::Entity>> {
    access::require_signed_in(viewer)?;
    let mut condition = Condition::all().add(access::visible_ideas(viewer));
    if let Some(problem) = filter.problem_id {
        condition = condition.add(idea::Column::ProblemId.eq(problem));
    }
    match filter.parent_idea_id {
        Some(parent) => condition = condition.add(idea::Column::ParentIdeaId.eq(parent)),
        None if filter.problem_id.is_some() => {
            condition = condition.add(idea::Column::ParentIdeaId.is_null());
        }
        None => {}
    }
    ordered(narrowed(condition, filter), order)
}

/// The top-level ideas of many problems, each problem's as `visible` lists them with
/// `filter.problem_id` set to it (and no `parent_idea_id`).
pub fn visible_by_problem(
    viewer: &Viewer,
    filter: &IdeaFilter,
    order: IdeaOrder,
) -> ServiceResult<Siblings<Listing<idea::Entity>>> {
    access::require_signed_in(viewer)?;
    let condition = Condition::all()
        .add(access::visible_ideas(viewer))
        .add(idea::Column::ParentIdeaId.is_null());
    let condition = narrowed(condition, filter);
    Ok(Siblings::new(
        ordered(condition, order)?,
        idea::Column::ProblemId,
    ))
}

/// The replies to many ideas, each idea's as `visible` lists them with
/// `filter.parent_idea_id` set to it.
pub fn replies_by_idea(
    viewer: &Viewer,
    filter: &IdeaFilter,
    order: IdeaOrder,
) -> ServiceResult<Siblings<Listing<idea::Entity>>> {
    access::require_signed_in(viewer)?;
    let mut condition = Condition::all().add(access::visible_ideas(viewer));
    if let Some(problem) = filter.problem_id {
        condition = condition.add(idea::Column::ProblemId.eq(problem));
    }
    let condition = narrowed(condition, filter);
    Ok(Siblings::new(
        ordered(condition, order)?,
        idea::Column::ParentIdeaId,
    ))
}

/// `condition` and those of `filter` besides its problem and parent idea.
fn narrowed(mut condition: Condition, filter: &IdeaFilter) -> Condition {
    if let Some(accepted) = filter.accepted {
        condition = condition.add(if accepted {
            idea::Column::AcceptedAt.is_not_null()
        } else {
            idea::Column::AcceptedAt.is_null()
        });
    }
    if let Some(organization) = filter.author_organization_id {
        condition = condition.add(idea::Column::AuthorOrganizationId.eq(organization));
    }
    condition
}

fn ordered(condition: Condition, order: IdeaOrder) -> ServiceResult<Listing<idea::Entity>> {
    let select = idea::Entity::find().filter(condition);
    Ok(match order {
        IdeaOrder::Newest => Listing::newest_first(select, idea::Column::Id),
        IdeaOrder::Oldest => Listing::oldest_first(select, idea::Column::Id),
        IdeaOrder::MostEndorsed => Listing::newest_first(select, idea::Column::Id)
            .ranked_by(idea::Column::EndorsementCount, true),
    })
}

/// The ideas among `ids` the viewer may see.
pub async fn find_visible(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, idea::Model>> {
    access::require_signed_in(viewer)?;
    visible_by_id::<idea::Entity, _>(
        db,
        access::visible_ideas(viewer),
        idea::Column::Id,
        ids,
        |i| i.id,
    )
    .await
}

/// The accepted ideas of the problems `ids` (keyed by problem id), oldest first.
pub async fn accepted_of(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    problem_ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, Vec<idea::Model>>> {
    access::require_signed_in(viewer)?;
    let mut by_problem: HashMap<Uuid, Vec<idea::Model>> = HashMap::new();
    let rows = idea::Entity::find()
        .filter(access::visible_ideas(viewer))
        .filter(idea::Column::ProblemId.is_in(problem_ids.iter().copied()))
        .filter(idea::Column::AcceptedAt.is_not_null())
        .all(db)
        .await?;
    for row in rows {
        by_problem.entry(row.problem_id).or_default().push(row);
    }
    for ideas in by_problem.values_mut() {
        ideas.sort_by_key(|i| i.id);
    }
    Ok(by_problem)
}

/// Every version of the ideas `ids` (keyed by idea id), number 1 first.
pub async fn history_of(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    idea_ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, Vec<idea_revision::Model>>> {
    access::require_signed_in(viewer)?;
    let visible = Query::select()
        .column(idea::Column::Id)
        .from(idea::Entity)
        .cond_where(access::visible_ideas(viewer))
        .to_owned();
    let mut by_idea: HashMap<Uuid, Vec<idea_revision::Model>> = HashMap::new();
    let rows = idea_revision::Entity::find()
        .filter(idea_revision::Column::IdeaId.is_in(idea_ids.iter().copied()))
        .filter(idea_revision::Column::IdeaId.in_subquery(visible))
        .all(db)
        .await?;
    for row in rows {
        by_idea.entry(row.idea_id).or_default().push(row);
    }
    for versions in by_idea.values_mut() {
        versions.sort_by_key(|r| r.number);
    }
    Ok(by_idea)
}

/// Of the ideas `ids`, those the viewer endorsed (keyed by idea id).
pub async fn endorsed_by_viewer(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, bool>> {
    let Some(me) = viewer.person() else {
        return Ok(HashMap::new());
    };
    Ok(idea_endorsement::Entity::find()
        .filter(access::visible_endorsements(viewer))
        .filter(idea_endorsement::Column::PersonId.eq(me.person_id))
        .filter(idea_endorsement::Column::IdeaId.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.idea_id, true))
        .collect())
}

/// The endorsements of an idea, newest first.
pub fn endorsements(
    viewer: &Viewer,
    idea_id: Uuid,
) -> ServiceResult<Listing<idea_endorsement::Entity>> {
    access::require_signed_in(viewer)?;
    Ok(Listing::newest_first(
        idea_endorsement::Entity::find()
            .filter(access::visible_endorsements(viewer))
            .filter(idea_endorsement::Column::IdeaId.eq(idea_id)),
        idea_endorsement::Column::Id,
    ))
}
