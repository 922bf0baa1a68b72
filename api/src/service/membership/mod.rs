//! Memberships: joining under both organizations' policies and the community's join rule,
//! approvals, roles and leadership, leaving, removal and offboarding, and the lists a viewer
//! may read.

mod joining;
mod reading;
mod roles;

pub use joining::{add_member, decide_approvals, join, MAX_DECISIONS};
pub use reading::{
    approvals_of, find_visible, find_visible_approvals, listing, members_by_community, of_viewer,
    pending_approvals, MembershipFilter, MembershipScope,
};
pub use roles::{change_role, leave, offboard, remove};

use crate::error::{ServiceError, ServiceResult};
use entity::{
    community,
    enums::{Leadership, MemberRole, MembershipStatus, ParticipationTier},
    membership, participation,
};
use sea_orm::{
    sea_query::Query, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
};
use serde_json::json;
use uuid::Uuid;

pub(super) fn snapshot(m: &membership::Model) -> serde_json::Value {
    json!({
        "status": m.status.as_str(),
        "role": m.role.as_str(),
        "leadership": m.leadership.map(Leadership::as_str),
    })
}

/// The leadership a role carries unless a coordinator says otherwise.
pub(super) fn default_leadership(role: MemberRole) -> Option<Leadership> {
    match role {
        MemberRole::Sponsor | MemberRole::Coordinator => Some(Leadership::Formal),
        MemberRole::Core | MemberRole::Active | MemberRole::Peripheral => None,
    }
}

/// The participation of `organization_id` in a community, if any.
pub(super) async fn participation_of(
    db: &impl ConnectionTrait,
    community_id: Uuid,
    organization_id: Uuid,
) -> ServiceResult<Option<participation::Model>> {
    Ok(participation::Entity::find()
        .filter(participation::Column::CommunityId.eq(community_id))
        .filter(participation::Column::OrganizationId.eq(organization_id))
        .one(db)
        .await?)
}

/// COORDINATOR is for people of the host or of a CO_HOST organization.
pub(super) async fn check_coordinator_eligible(
    db: &impl ConnectionTrait,
    community: &community::Model,
    organization_id: Uuid,
) -> ServiceResult<()> {
    if organization_id == community.host_organization_id {
        return Ok(());
    }
    let tier = participation_of(db, community.id, organization_id)
        .await?
        .map(|p| p.tier);
    if tier == Some(ParticipationTier::CoHost) {
        Ok(())
    } else {
        Err(ServiceError::invalid(
            "role",
            "COORDINATOR is for people of the host or of a CO_HOST organization",
        ))
    }
}

pub(super) async fn active_coordinators(
    db: &impl ConnectionTrait,
    community_id: Uuid,
) -> ServiceResult<u64> {
    Ok(membership::Entity::find()
        .filter(membership::Column::CommunityId.eq(community_id))
        .filter(membership::Column::Status.eq(MembershipStatus::Active))
        .filter(membership::Column::Role.eq(MemberRole::Coordinator))
        .count(db)
        .await?)
}

/// Refuses a change that takes the community's last active coordinator.
pub(super) async fn keep_a_coordinator(
    db: &impl ConnectionTrait,
    current: &membership::Model,
    field: &str,
) -> ServiceResult<()> {
    if current.status == MembershipStatus::Active
        && current.role == MemberRole::Coordinator
        && active_coordinators(db, current.community_id).await? <= 1
    {
        return Err(ServiceError::conflict(
            field,
            "a community keeps at least one coordinator: appoint another first",
        ));
    }
    Ok(())
}

/// Two requests racing for the same unique row: the loser gets CONFLICT, not INTERNAL.
pub(crate) fn race_to_conflict(err: sea_orm::DbErr, field: &str) -> ServiceError {
    if crate::error::is_unique_violation(&err) {
        ServiceError::conflict(
            field,
            "changed by another request at the same time; try again",
        )
    } else {
        err.into()
    }
}

pub(super) fn hosted_by(organization_id: Uuid) -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(community::Column::Id)
        .from(community::Entity)
        .and_where(community::Column::HostOrganizationId.eq(organization_id))
        .to_owned()
}
