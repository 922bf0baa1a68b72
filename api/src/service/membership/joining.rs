//! Asking to join, being added, and the approvals a request waits for.

use super::{
    check_coordinator_eligible, default_leadership, participation_of, race_to_conflict, snapshot,
};
use crate::service::{
    audit::{self, AuditEntry},
    participation::visible_community,
    partnership::{effective_policies, Patch},
};
use crate::{
    access,
    auth::Viewer,
    error::{ServiceError, ServiceResult},
};
use chrono::Utc;
use entity::{
    community,
    enums::{
        ApprovalKind, ApprovalStatus, AuditAction, JoinRule, Leadership, MemberRole,
        MembershipStatus, ParticipationStatus, PartnerPolicy,
    },
    membership, membership_approval, person,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction,
    EntityTrait, PaginatorTrait, QueryFilter, Set,
};
use serde_json::json;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// Most approvals one `decideApprovals` call decides.
pub const MAX_DECISIONS: usize = 100;

/// The approvals a person of `organization_id` needs to join `community`, or why they may
/// not join at all. `by_coordinator`: a coordinator is adding them (the coordinator's
/// approval is given).
async fn required_approvals(
    db: &impl ConnectionTrait,
    community: &community::Model,
    organization_id: Uuid,
    by_coordinator: bool,
) -> ServiceResult<Vec<ApprovalKind>> {
    let host = community.host_organization_id;
    let live = participation_of(db, community.id, organization_id)
        .await?
        .is_some_and(|p| p.status == ParticipationStatus::Active);
    if !live {
        return Err(ServiceError::Forbidden(
            "your organization does not take part in this community",
        ));
    }
    let mut kinds = Vec::new();
    if organization_id != host {
        let (host_inbound, member_outbound) = effective_policies(db, host, organization_id).await?;
        match host_inbound {
            PartnerPolicy::Blocked => {
                return Err(ServiceError::Forbidden(
                    "the host organization does not admit members from this organization",
                ))
            }
            PartnerPolicy::ApprovalRequired => kinds.push(ApprovalKind::HostAdmin),
            PartnerPolicy::Allowed => {}
        }
        match member_outbound {
            PartnerPolicy::Blocked => {
                return Err(ServiceError::Forbidden(
                    "this organization does not let its people join the host's communities",
                ))
            }
            PartnerPolicy::ApprovalRequired => kinds.push(ApprovalKind::MemberOrganizationAdmin),
            PartnerPolicy::Allowed => {}
        }
    }
    if community.join_rule == JoinRule::ApprovalRequired && !by_coordinator {
        kinds.push(ApprovalKind::Coordinator);
    }
    Ok(kinds)
}

/// Creates (or reuses, after LEFT, REMOVED or REJECTED) a person's membership with its
/// approvals.
async fn enroll(
    txn: &DatabaseTransaction,
    community: &community::Model,
    person: &person::Model,
    role: MemberRole,
    leadership: Option<Leadership>,
    approvals: &[ApprovalKind],
) -> ServiceResult<(Option<serde_json::Value>, membership::Model)> {
    let now = Utc::now();
    let status = if approvals.is_empty() {
        MembershipStatus::Active
    } else {
        MembershipStatus::Pending
    };
    let joined_at = (status == MembershipStatus::Active).then_some(now);
    let existing = membership::Entity::find()
        .filter(membership::Column::CommunityId.eq(community.id))
        .filter(membership::Column::PersonId.eq(person.id))
        .one(txn)
        .await?;
    let before = existing.as_ref().map(snapshot);
    let saved = match existing {
        Some(m)
            if matches!(
                m.status,
                MembershipStatus::Active | MembershipStatus::Pending | MembershipStatus::Suspended
            ) =>
        {
            return Err(ServiceError::conflict(
                "communityId",
                format!("the membership is already {}", m.status.as_str()),
            ))
        }
        Some(m) => {
            membership_approval::Entity::delete_many()
                .filter(membership_approval::Column::MembershipId.eq(m.id))
                .exec(txn)
                .await?;
            let mut active: membership::ActiveModel = m.into();
            active.role = Set(role);
            active.leadership = Set(leadership);
            active.status = Set(status);
            active.suspended_from = Set(None);
            active.requested_at = Set(now);
            active.joined_at = Set(joined_at);
            active.updated_at = Set(now);
            active.update(txn).await?
        }
        None => membership::ActiveModel {
            id: Set(Uuid::now_v7()),
            community_id: Set(community.id),
            person_id: Set(person.id),
            organization_id: Set(person.organization_id),
            role: Set(role),
            leadership: Set(leadership),
            status: Set(status),
            suspended_from: Set(None),
            requested_at: Set(now),
            joined_at: Set(joined_at),
            updated_at: Set(now),
        }
        .insert(txn)
        .await
        .map_err(|e| race_to_conflict(e, "communityId"))?,
    };
    for kind in approvals {
        membership_approval::ActiveModel {
            id: Set(Uuid::now_v7()),
            membership_id: Set(saved.id),
            kind: Set(*kind),
            status: Set(ApprovalStatus::Pending),
            decided_by_person_id: Set(None),
            decided_at: Set(None),
            created_at: Set(now),
        }
        .insert(txn)
        .await?;
    }
    Ok((before, saved))
}

fn with_approvals(m: &membership::Model, kinds: &[ApprovalKind]) -> serde_json::Value {
    let mut view = snapshot(m);
    view["approvals"] = json!(kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>());
    view
}

/// The viewer asks to join a community.
pub async fn join(
    db: &DatabaseConnection,
    viewer: &Viewer,
    community_id: Uuid,
) -> ServiceResult<membership::Model> {
    let me = access::require_person(viewer)?;
    let txn = crate::db::begin_write(db).await?;
    let community = visible_community(&txn, viewer, community_id).await?;
    let person = person::Entity::find_by_id(me.person_id)
        .one(&txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let kinds = required_approvals(&txn, &community, me.organization_id, false).await?;
    let (before, saved) = enroll(
        &txn,
        &community,
        &person,
        MemberRole::Peripheral,
        None,
        &kinds,
    )
    .await?;
    audit::record(
        &txn,
        viewer,
        vec![AuditEntry::new(
            AuditAction::MembershipRequested,
            community.host_organization_id,
            "Membership",
        )
        .other(me.organization_id)
        .community(community.id)
        .target(saved.id)
        .change(before, Some(with_approvals(&saved, &kinds)))],
    )
    .await?;
    txn.commit().await?;
    Ok(saved)
}

/// A coordinator adds a colleague of their own organization; policy approvals still apply.
pub async fn add_member(
    db: &DatabaseConnection,
    viewer: &Viewer,
    community_id: Uuid,
    person_id: Uuid,
    role: MemberRole,
    leadership: Patch<Leadership>,
) -> ServiceResult<membership::Model> {
    let me = access::require_person(viewer)?;
    let txn = crate::db::begin_write(db).await?;
    let community = visible_community(&txn, viewer, community_id).await?;
    access::require_coordinator(&txn, viewer, &community).await?;
    let person = person::Entity::find_by_id(person_id)
        .filter(access::visible_people(viewer))
        .one(&txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if person.organization_id != me.organization_id {
        return Err(ServiceError::invalid(
            "personId",
            "coordinators add people of their own organization; others join themselves",
        ));
    }
    if role == MemberRole::Coordinator {
        check_coordinator_eligible(&txn, &community, person.organization_id).await?;
    }
    let kinds = required_approvals(&txn, &community, person.organization_id, true).await?;
    let leadership = leadership.unwrap_or_else(|| default_leadership(role));
    let (before, saved) = enroll(&txn, &community, &person, role, leadership, &kinds).await?;
    audit::record(
        &txn,
        viewer,
        vec![AuditEntry::new(
            AuditAction::MemberAdded,
            community.host_organization_id,
            "Membership",
        )
        .other(person.organization_id)
        .community(community.id)
        .target(saved.id)
        .change(before, Some(with_approvals(&saved, &kinds)))],
    )
    .await?;
    txn.commit().await?;
    Ok(saved)
}

/// Gives or refuses approvals, all or none: if any one cannot be decided, nothing is.
pub async fn decide_approvals(
    db: &DatabaseConnection,
    viewer: &Viewer,
    approval_ids: &[Uuid],
    approve: bool,
) -> ServiceResult<Vec<membership_approval::Model>> {
    let me = access::require_person(viewer)?;
    if approval_ids.is_empty() || approval_ids.len() > MAX_DECISIONS {
        return Err(ServiceError::invalid(
            "approvalIds",
            format!("give between 1 and {MAX_DECISIONS} ids"),
        ));
    }
    let unique: HashSet<Uuid> = approval_ids.iter().copied().collect();
    if unique.len() != approval_ids.len() {
        return Err(ServiceError::invalid("approvalIds", "an id is repeated"));
    }
    let txn = crate::db::begin_write(db).await?;
    let visible: HashMap<Uuid, membership_approval::Model> = membership_approval::Entity::find()
        .filter(access::visible_approvals(viewer))
        .filter(membership_approval::Column::Id.is_in(approval_ids.iter().copied()))
        .all(&txn)
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    let decidable: HashSet<Uuid> = membership_approval::Entity::find()
        .filter(access::decidable_approvals(viewer))
        .filter(membership_approval::Column::Id.is_in(approval_ids.iter().copied()))
        .all(&txn)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect();
    for (index, id) in approval_ids.iter().enumerate() {
        let Some(approval) = visible.get(id) else {
            return Err(ServiceError::NotFound);
        };
        if decidable.contains(id) {
            continue;
        }
        if approval.status != ApprovalStatus::Pending {
            return Err(ServiceError::Conflict {
                field: vec!["approvalIds".to_owned(), index.to_string()],
                message: format!("this approval is already {}", approval.status.as_str()),
            });
        }
        let membership = membership::Entity::find_by_id(approval.membership_id)
            .one(&txn)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if membership.status != MembershipStatus::Pending {
            return Err(ServiceError::Conflict {
                field: vec!["approvalIds".to_owned(), index.to_string()],
                message: format!("the membership is {}", membership.status.as_str()),
            });
        }
        return Err(ServiceError::Forbidden("you may not decide this approval"));
    }

    let now = Utc::now();
    let decision = if approve {
        ApprovalStatus::Approved
    } else {
        ApprovalStatus::Rejected
    };
    let mut decided = Vec::with_capacity(approval_ids.len());
    let mut entries = Vec::new();
    for id in approval_ids {
        let Some(approval) = visible.get(id).cloned() else {
            return Err(ServiceError::NotFound);
        };
        let mut active: membership_approval::ActiveModel = approval.into();
        active.status = Set(decision);
        active.decided_by_person_id = Set(Some(me.person_id));
        active.decided_at = Set(Some(now));
        let approval = active.update(&txn).await?;
        let membership = membership::Entity::find_by_id(approval.membership_id)
            .one(&txn)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let community = community::Entity::find_by_id(membership.community_id)
            .one(&txn)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let before = snapshot(&membership);
        let outcome = if approve {
            let open = membership_approval::Entity::find()
                .filter(membership_approval::Column::MembershipId.eq(membership.id))
                .filter(membership_approval::Column::Status.ne(ApprovalStatus::Approved))
                .count(&txn)
                .await?;
            (open == 0).then_some(MembershipStatus::Active)
        } else {
            Some(MembershipStatus::Rejected)
        };
        let membership = match outcome {
            Some(status) => {
                let mut active: membership::ActiveModel = membership.into();
                active.status = Set(status);
                if status == MembershipStatus::Active {
                    active.joined_at = Set(Some(now));
                }
                active.updated_at = Set(now);
                active.update(&txn).await?
            }
            None => membership,
        };
        let mut after = snapshot(&membership);
        after["approval"] = json!({ "kind": approval.kind.as_str(), "status": decision.as_str() });
        entries.push(
            AuditEntry::new(
                AuditAction::MembershipApprovalDecided,
                community.host_organization_id,
                "Membership",
            )
            .other(membership.organization_id)
            .community(community.id)
            .target(membership.id)
            .change(Some(before), Some(after)),
        );
        decided.push(approval);
    }
    audit::record(&txn, viewer, entries).await?;
    txn.commit().await?;
    Ok(decided)
}
