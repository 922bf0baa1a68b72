//! The memberships and approvals a viewer may read.

use super::hosted_by;
use crate::service::{
    page::{visible_by_id, Listing},
    siblings::Siblings,
};
use crate::{access, auth::Viewer, error::ServiceResult};
use entity::{
    enums::{MemberRole, MembershipStatus},
    membership, membership_approval,
};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;
use uuid::Uuid;

/// Which memberships to list.
#[derive(Debug, Clone, Copy)]
pub enum MembershipScope {
    /// The viewer's own.
    Viewer,
    /// A community's members.
    Community(Uuid),
    /// An organization's people in communities hosted elsewhere (its admins).
    External(Uuid),
}

/// Filters on a membership list.
#[derive(Debug, Clone, Copy, Default)]
pub struct MembershipFilter {
    pub organization_id: Option<Uuid>,
    pub person_id: Option<Uuid>,
    pub role: Option<MemberRole>,
    pub status: Option<MembershipStatus>,
}

fn scoped(viewer: &Viewer, scope: MembershipScope, filter: &MembershipFilter) -> Condition {
    let mut condition = Condition::all().add(access::visible_memberships(viewer));
    condition = match scope {
        MembershipScope::Viewer => condition.add(
            membership::Column::PersonId
                .eq(viewer.person().map(|me| me.person_id).unwrap_or_default()),
        ),
        MembershipScope::Community(id) => condition.add(membership::Column::CommunityId.eq(id)),
        MembershipScope::External(org) => condition
            .add(membership::Column::OrganizationId.eq(org))
            .add(membership::Column::CommunityId.not_in_subquery(hosted_by(org))),
    };
    narrowed(condition, filter)
}

/// `condition` and those of `filter`.
fn narrowed(mut condition: Condition, filter: &MembershipFilter) -> Condition {
    if let Some(org) = filter.organization_id {
        condition = condition.add(membership::Column::OrganizationId.eq(org));
    }
    if let Some(person) = filter.person_id {
        condition = condition.add(membership::Column::PersonId.eq(person));
    }
    if let Some(role) = filter.role {
        condition = condition.add(membership::Column::Role.eq(role));
    }
    if let Some(status) = filter.status {
        condition = condition.add(membership::Column::Status.eq(status));
    }
    condition
}

async fn check_scope(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    scope: MembershipScope,
) -> ServiceResult<()> {
    match scope {
        MembershipScope::Viewer => access::require_person(viewer).map(|_| ()),
        MembershipScope::Community(_) => access::require_signed_in(viewer),
        MembershipScope::External(org) => access::require_organization_admin(db, viewer, org).await,
    }
}

/// Memberships the viewer may see, oldest first.
pub async fn listing(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    scope: MembershipScope,
    filter: &MembershipFilter,
) -> ServiceResult<Listing<membership::Entity>> {
    check_scope(db, viewer, scope).await?;
    Ok(Listing::oldest_first(
        membership::Entity::find().filter(scoped(viewer, scope, filter)),
        membership::Column::Id,
    ))
}

/// The members of many communities, each community's as `listing` lists them for
/// `MembershipScope::Community` of it.
pub fn members_by_community(
    viewer: &Viewer,
    filter: &MembershipFilter,
) -> ServiceResult<Siblings<Listing<membership::Entity>>> {
    access::require_signed_in(viewer)?;
    let condition = narrowed(
        Condition::all().add(access::visible_memberships(viewer)),
        filter,
    );
    Ok(Siblings::new(
        Listing::oldest_first(
            membership::Entity::find().filter(condition),
            membership::Column::Id,
        ),
        membership::Column::CommunityId,
    ))
}

/// The memberships among `ids` the viewer may see.
pub async fn find_visible(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, membership::Model>> {
    access::require_signed_in(viewer)?;
    visible_by_id::<membership::Entity, _>(
        db,
        access::visible_memberships(viewer),
        membership::Column::Id,
        ids,
        |m| m.id,
    )
    .await
}

/// The viewer's own membership of each of `community_ids` (any status).
pub async fn of_viewer(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    community_ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, membership::Model>> {
    let Some(me) = viewer.person() else {
        return Ok(HashMap::new());
    };
    Ok(membership::Entity::find()
        .filter(access::visible_memberships(viewer))
        .filter(membership::Column::PersonId.eq(me.person_id))
        .filter(membership::Column::CommunityId.is_in(community_ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.community_id, m))
        .collect())
}

/// The approvals among `ids` the viewer may see.
pub async fn find_visible_approvals(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, membership_approval::Model>> {
    access::require_signed_in(viewer)?;
    visible_by_id::<membership_approval::Entity, _>(
        db,
        access::visible_approvals(viewer),
        membership_approval::Column::Id,
        ids,
        |a| a.id,
    )
    .await
}

/// The approvals of each of `membership_ids` the viewer may see, in creation order.
pub async fn approvals_of(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    membership_ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, Vec<membership_approval::Model>>> {
    access::require_signed_in(viewer)?;
    let mut grouped: HashMap<Uuid, Vec<membership_approval::Model>> = HashMap::new();
    for approval in membership_approval::Entity::find()
        .filter(access::visible_approvals(viewer))
        .filter(membership_approval::Column::MembershipId.is_in(membership_ids.iter().copied()))
        .order_by_asc(membership_approval::Column::Id)
        .all(db)
        .await?
    {
        grouped
            .entry(approval.membership_id)
            .or_default()
            .push(approval);
    }
    Ok(grouped)
}

/// The approvals the viewer may decide now, oldest first.
pub fn pending_approvals(viewer: &Viewer) -> ServiceResult<Listing<membership_approval::Entity>> {
    access::require_person(viewer)?;
    Ok(Listing::oldest_first(
        membership_approval::Entity::find().filter(access::decidable_approvals(viewer)),
        membership_approval::Column::Id,
    ))
}
