//! Roles and leadership, leaving, removal and offboarding.

use super::{
    check_coordinator_eligible, default_leadership, hosted_by, keep_a_coordinator, snapshot,
};
use crate::service::{
    audit::{self, AuditEntry},
    participation::visible_community,
    partnership::Patch,
};
use crate::{
    access,
    auth::Viewer,
    error::{ServiceError, ServiceResult},
};
use chrono::Utc;
use entity::{
    community,
    enums::{AuditAction, Leadership, MemberRole, MembershipStatus},
    membership, person,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

/// A membership the viewer may see, with its community.
async fn load(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    id: Uuid,
) -> ServiceResult<(membership::Model, community::Model)> {
    let membership = membership::Entity::find_by_id(id)
        .filter(access::visible_memberships(viewer))
        .one(txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let community = community::Entity::find_by_id(membership.community_id)
        .one(txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    Ok((membership, community))
}

/// A coordinator changes a member's role and leadership. `leadership` left out follows the
/// role (FORMAL for SPONSOR and COORDINATOR, none otherwise).
pub async fn change_role(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    role: MemberRole,
    leadership: Patch<Leadership>,
) -> ServiceResult<membership::Model> {
    access::require_signed_in(viewer)?;
    let txn = crate::db::begin_write(db).await?;
    let (current, community) = load(&txn, viewer, id).await?;
    access::require_coordinator(&txn, viewer, &community).await?;
    if current.status != MembershipStatus::Active {
        return Err(ServiceError::conflict(
            "membershipId",
            format!(
                "only ACTIVE members have roles; this one is {}",
                current.status.as_str()
            ),
        ));
    }
    if role == MemberRole::Coordinator {
        check_coordinator_eligible(&txn, &community, current.organization_id).await?;
    } else {
        keep_a_coordinator(&txn, &current, "role").await?;
    }
    let before = snapshot(&current);
    let mut active: membership::ActiveModel = current.into();
    active.role = Set(role);
    active.leadership = Set(leadership.unwrap_or_else(|| default_leadership(role)));
    active.updated_at = Set(Utc::now());
    let updated = active.update(&txn).await?;
    audit::record(
        &txn,
        viewer,
        vec![AuditEntry::new(
            AuditAction::MemberRoleChanged,
            community.host_organization_id,
            "Membership",
        )
        .other(updated.organization_id)
        .community(community.id)
        .target(updated.id)
        .change(Some(before), Some(snapshot(&updated)))],
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}

async fn set_status(
    txn: &DatabaseTransaction,
    current: membership::Model,
    status: MembershipStatus,
) -> ServiceResult<membership::Model> {
    let mut active: membership::ActiveModel = current.into();
    active.status = Set(status);
    active.suspended_from = Set(None);
    active.updated_at = Set(Utc::now());
    Ok(active.update(txn).await?)
}

/// The viewer leaves a community (or withdraws a pending request).
pub async fn leave(
    db: &DatabaseConnection,
    viewer: &Viewer,
    community_id: Uuid,
) -> ServiceResult<membership::Model> {
    let me = access::require_person(viewer)?;
    let txn = crate::db::begin_write(db).await?;
    let community = visible_community(&txn, viewer, community_id).await?;
    let current = membership::Entity::find()
        .filter(membership::Column::CommunityId.eq(community.id))
        .filter(membership::Column::PersonId.eq(me.person_id))
        .one(&txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !matches!(
        current.status,
        MembershipStatus::Active | MembershipStatus::Pending
    ) {
        return Err(ServiceError::conflict(
            "communityId",
            format!("the membership is {}", current.status.as_str()),
        ));
    }
    keep_a_coordinator(&txn, &current, "communityId").await?;
    let before = snapshot(&current);
    let updated = set_status(&txn, current, MembershipStatus::Left).await?;
    audit::record(
        &txn,
        viewer,
        vec![AuditEntry::new(
            AuditAction::MemberLeft,
            community.host_organization_id,
            "Membership",
        )
        .other(updated.organization_id)
        .community(community.id)
        .target(updated.id)
        .change(Some(before), Some(snapshot(&updated)))],
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}

/// A coordinator, or an admin of the member's organization, removes a member.
pub async fn remove(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
) -> ServiceResult<membership::Model> {
    access::require_signed_in(viewer)?;
    let txn = crate::db::begin_write(db).await?;
    let (current, community) = load(&txn, viewer, id).await?;
    let own_admin = access::administers(viewer, current.organization_id);
    if !own_admin {
        access::require_coordinator(&txn, viewer, &community).await?;
        keep_a_coordinator(&txn, &current, "membershipId").await?;
    }
    if !matches!(
        current.status,
        MembershipStatus::Active | MembershipStatus::Pending | MembershipStatus::Suspended
    ) {
        return Err(ServiceError::conflict(
            "membershipId",
            format!("the membership is {}", current.status.as_str()),
        ));
    }
    let before = snapshot(&current);
    let updated = set_status(&txn, current, MembershipStatus::Removed).await?;
    audit::record(
        &txn,
        viewer,
        vec![AuditEntry::new(
            AuditAction::MemberRemoved,
            community.host_organization_id,
            "Membership",
        )
        .other(updated.organization_id)
        .community(community.id)
        .target(updated.id)
        .change(Some(before), Some(snapshot(&updated)))],
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}

/// An organization's admin removes one of its people from every community hosted elsewhere.
pub async fn offboard(
    db: &DatabaseConnection,
    viewer: &Viewer,
    person_id: Uuid,
) -> ServiceResult<Vec<membership::Model>> {
    access::require_signed_in(viewer)?;
    let txn = crate::db::begin_write(db).await?;
    let person = person::Entity::find_by_id(person_id)
        .filter(access::visible_people(viewer))
        .one(&txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    access::require_organization_admin(&txn, viewer, person.organization_id).await?;
    let memberships = membership::Entity::find()
        .filter(membership::Column::PersonId.eq(person.id))
        .filter(membership::Column::Status.is_in([
            MembershipStatus::Active,
            MembershipStatus::Pending,
            MembershipStatus::Suspended,
        ]))
        .filter(membership::Column::CommunityId.not_in_subquery(hosted_by(person.organization_id)))
        .order_by_asc(membership::Column::Id)
        .all(&txn)
        .await?;
    let hosts: HashMap<Uuid, Uuid> = community::Entity::find()
        .filter(community::Column::Id.is_in(memberships.iter().map(|m| m.community_id)))
        .all(&txn)
        .await?
        .into_iter()
        .map(|c| (c.id, c.host_organization_id))
        .collect();
    let mut removed = Vec::with_capacity(memberships.len());
    let mut entries = Vec::with_capacity(memberships.len());
    for current in memberships {
        let before = snapshot(&current);
        let host = hosts
            .get(&current.community_id)
            .copied()
            .ok_or(ServiceError::NotFound)?;
        let updated = set_status(&txn, current, MembershipStatus::Removed).await?;
        entries.push(
            AuditEntry::new(AuditAction::MemberOffboarded, host, "Membership")
                .other(person.organization_id)
                .community(updated.community_id)
                .target(updated.id)
                .change(Some(before), Some(snapshot(&updated))),
        );
        removed.push(updated);
    }
    audit::record(&txn, viewer, entries).await?;
    txn.commit().await?;
    Ok(removed)
}
