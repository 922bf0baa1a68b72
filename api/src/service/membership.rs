//! Memberships: joining under both organizations' policies and the community's join rule,
//! approvals, roles and leadership, leaving, removal and offboarding.

use super::{
    audit::{self, AuditEntry},
    page::{visible_by_id, Listing},
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
        MembershipStatus, ParticipationStatus, ParticipationTier, PartnerPolicy,
    },
    membership, membership_approval, participation, person,
};
use sea_orm::{
    sea_query::Query, ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait,
    DatabaseConnection, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    Set,
};
use serde_json::json;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// Most approvals one `decideApprovals` call decides.
pub const MAX_DECISIONS: usize = 100;

fn snapshot(m: &membership::Model) -> serde_json::Value {
    json!({
        "status": m.status.as_str(),
        "role": m.role.as_str(),
        "leadership": m.leadership.map(Leadership::as_str),
    })
}

/// The leadership a role carries unless a coordinator says otherwise.
fn default_leadership(role: MemberRole) -> Option<Leadership> {
    match role {
        MemberRole::Sponsor | MemberRole::Coordinator => Some(Leadership::Formal),
        MemberRole::Core | MemberRole::Active | MemberRole::Peripheral => None,
    }
}

/// The participation of `organization_id` in a community, if any.
async fn participation_of(
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
async fn check_coordinator_eligible(
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

async fn active_coordinators(db: &impl ConnectionTrait, community_id: Uuid) -> ServiceResult<u64> {
    Ok(membership::Entity::find()
        .filter(membership::Column::CommunityId.eq(community_id))
        .filter(membership::Column::Status.eq(MembershipStatus::Active))
        .filter(membership::Column::Role.eq(MemberRole::Coordinator))
        .count(db)
        .await?)
}

/// Refuses a change that takes the community's last active coordinator.
async fn keep_a_coordinator(
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

fn hosted_by(organization_id: Uuid) -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(community::Column::Id)
        .from(community::Entity)
        .and_where(community::Column::HostOrganizationId.eq(organization_id))
        .to_owned()
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
