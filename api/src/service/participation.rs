//! Organizations in communities: invitations, acceptance, removal and withdrawal, and the
//! cascade that keeps participations and memberships in step with partnerships and disabled
//! organizations.

use super::{
    audit::{self, AuditEntry},
    page::{visible_by_id, Listing},
    partnership,
};
use crate::{
    access,
    auth::Viewer,
    error::{ServiceError, ServiceResult},
};
use chrono::{Duration, Utc};
use entity::{
    community,
    enums::{
        AuditAction, CommunityVisibility, MembershipStatus, ParticipationStatus, ParticipationTier,
        PartnershipStatus,
    },
    membership, organization, participation, person,
};
use sea_orm::{
    sea_query::Query, ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait,
    DatabaseConnection, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter, Set,
};
use serde_json::json;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// Days an invitation stays open unless the inviter says otherwise, and the longest allowed.
pub const DEFAULT_INVITATION_DAYS: i32 = 14;
pub const MAX_INVITATION_DAYS: i32 = 90;

fn snapshot(p: &participation::Model) -> serde_json::Value {
    json!({ "status": p.effective_status(Utc::now()).as_str(), "tier": p.tier.as_str() })
}

/// What a cascade changed.
#[derive(Debug, Clone, Copy, Default)]
pub struct LinkChanges {
    pub participations: usize,
    pub memberships: usize,
}

/// Suspends the ACTIVE and PENDING memberships of an organization's people in a community,
/// remembering what they were.
async fn suspend_memberships(
    txn: &DatabaseTransaction,
    community_id: Uuid,
    organization_id: Uuid,
) -> ServiceResult<usize> {
    let now = Utc::now();
    let mut changed = 0;
    for from in [MembershipStatus::Active, MembershipStatus::Pending] {
        let result = membership::Entity::update_many()
            .col_expr(
                membership::Column::Status,
                sea_orm::sea_query::Expr::value(MembershipStatus::Suspended),
            )
            .col_expr(
                membership::Column::SuspendedFrom,
                sea_orm::sea_query::Expr::value(from),
            )
            .col_expr(
                membership::Column::UpdatedAt,
                sea_orm::sea_query::Expr::value(now),
            )
            .filter(membership::Column::CommunityId.eq(community_id))
            .filter(membership::Column::OrganizationId.eq(organization_id))
            .filter(membership::Column::Status.eq(from))
            .exec(txn)
            .await?;
        changed += result.rows_affected as usize;
    }
    Ok(changed)
}

/// Restores the SUSPENDED memberships of an organization's people in a community to what
/// they were.
async fn restore_memberships(
    txn: &DatabaseTransaction,
    community_id: Uuid,
    organization_id: Uuid,
) -> ServiceResult<usize> {
    let now = Utc::now();
    let mut changed = 0;
    for to in [MembershipStatus::Active, MembershipStatus::Pending] {
        let result = membership::Entity::update_many()
            .col_expr(
                membership::Column::Status,
                sea_orm::sea_query::Expr::value(to),
            )
            .col_expr(
                membership::Column::SuspendedFrom,
                sea_orm::sea_query::Expr::value(Option::<MembershipStatus>::None),
            )
            .col_expr(
                membership::Column::UpdatedAt,
                sea_orm::sea_query::Expr::value(now),
            )
            .filter(membership::Column::CommunityId.eq(community_id))
            .filter(membership::Column::OrganizationId.eq(organization_id))
            .filter(membership::Column::Status.eq(MembershipStatus::Suspended))
            .filter(membership::Column::SuspendedFrom.eq(to))
            .exec(txn)
            .await?;
        changed += result.rows_affected as usize;
    }
    Ok(changed)
}

/// Brings every ACTIVE or SUSPENDED participation that involves `organizations` (as the
/// participant or as the host) in line with its causes: a participation is ACTIVE when the
/// host and the participant are enabled and, for a partner, their partnership is ACTIVE;
/// otherwise SUSPENDED. Memberships follow their participation.
pub async fn sync_links(
    txn: &DatabaseTransaction,
    organizations: &[Uuid],
) -> ServiceResult<LinkChanges> {
    let hosted = Query::select()
        .column(community::Column::Id)
        .from(community::Entity)
        .and_where(community::Column::HostOrganizationId.is_in(organizations.iter().copied()))
        .to_owned();
    let links = participation::Entity::find()
        .filter(
            participation::Column::Status
                .is_in([ParticipationStatus::Active, ParticipationStatus::Suspended]),
        )
        .filter(
            Condition::any()
                .add(participation::Column::OrganizationId.is_in(organizations.iter().copied()))
                .add(participation::Column::CommunityId.in_subquery(hosted)),
        )
        .all(txn)
        .await?;
    if links.is_empty() {
        return Ok(LinkChanges::default());
    }
    let community_ids: HashSet<Uuid> = links.iter().map(|l| l.community_id).collect();
    let hosts: HashMap<Uuid, Uuid> = community::Entity::find()
        .filter(community::Column::Id.is_in(community_ids))
        .all(txn)
        .await?
        .into_iter()
        .map(|c| (c.id, c.host_organization_id))
        .collect();
    let mut org_ids: HashSet<Uuid> = links.iter().map(|l| l.organization_id).collect();
    org_ids.extend(hosts.values().copied());
    let enabled: HashSet<Uuid> = organization::Entity::find()
        .filter(organization::Column::Id.is_in(org_ids.iter().copied()))
        .filter(organization::Column::DisabledAt.is_null())
        .all(txn)
        .await?
        .into_iter()
        .map(|o| o.id)
        .collect();
    let active_pairs: HashSet<(Uuid, Uuid)> = entity::partnership::Entity::find()
        .filter(entity::partnership::Column::Status.eq(PartnershipStatus::Active))
        .filter(
            Condition::any()
                .add(entity::partnership::Column::LowOrganizationId.is_in(org_ids.iter().copied()))
                .add(
                    entity::partnership::Column::HighOrganizationId.is_in(org_ids.iter().copied()),
                ),
        )
        .all(txn)
        .await?
        .into_iter()
        .map(|p| (p.low_organization_id, p.high_organization_id))
        .collect();
    let partnered = |a: Uuid, b: Uuid| {
        let key = if a < b { (a, b) } else { (b, a) };
        active_pairs.contains(&key)
    };

    let mut changes = LinkChanges::default();
    let now = Utc::now();
    for link in links {
        let Some(&host) = hosts.get(&link.community_id) else {
            continue;
        };
        let live = enabled.contains(&host)
            && enabled.contains(&link.organization_id)
            && (link.organization_id == host || partnered(host, link.organization_id));
        let wanted = if live {
            ParticipationStatus::Active
        } else {
            ParticipationStatus::Suspended
        };
        if wanted == link.status {
            continue;
        }
        let (community_id, organization_id) = (link.community_id, link.organization_id);
        let mut active: participation::ActiveModel = link.into();
        active.status = Set(wanted);
        active.updated_at = Set(now);
        active.update(txn).await?;
        changes.participations += 1;
        changes.memberships += if live {
            restore_memberships(txn, community_id, organization_id).await?
        } else {
            suspend_memberships(txn, community_id, organization_id).await?
        };
    }
    Ok(changes)
}

/// A community the viewer may see, for a change.
pub(crate) async fn visible_community(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    id: Uuid,
) -> ServiceResult<community::Model> {
    community::Entity::find_by_id(id)
        .filter(access::visible_communities(viewer))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)
}

/// Invites a partner organization to a community (host coordinators). The same participation
/// is reused when the organization was invited before and did not stay.
pub async fn invite(
    db: &DatabaseConnection,
    viewer: &Viewer,
    community_id: Uuid,
    organization_id: Uuid,
    tier: ParticipationTier,
    expires_in_days: i32,
) -> ServiceResult<participation::Model> {
    access::require_signed_in(viewer)?;
    if tier == ParticipationTier::Host {
        return Err(ServiceError::invalid(
            "tier",
            "invite as PARTICIPATE or CO_HOST",
        ));
    }
    if !(1..=MAX_INVITATION_DAYS).contains(&expires_in_days) {
        return Err(ServiceError::invalid(
            "expiresInDays",
            format!("must be between 1 and {MAX_INVITATION_DAYS}"),
        ));
    }
    let txn = crate::db::begin_write(db).await?;
    let community = visible_community(&txn, viewer, community_id).await?;
    access::require_host_coordinator(&txn, viewer, &community).await?;
    if !access::may_see_organization(&txn, viewer, organization_id).await? {
        return Err(ServiceError::NotFound);
    }
    let host = community.host_organization_id;
    if organization_id == host {
        return Err(ServiceError::invalid(
            "organizationId",
            "the host organization already takes part",
        ));
    }
    if community.visibility == CommunityVisibility::HostOnly {
        return Err(ServiceError::invalid(
            "communityId",
            "a HOST_ONLY community admits no other organization; make it FEDERATED first",
        ));
    }
    let partnered = partnership::between(&txn, host, organization_id)
        .await?
        .is_some_and(|p| p.status == PartnershipStatus::Active);
    let enabled = organization::Entity::find_by_id(organization_id)
        .filter(organization::Column::DisabledAt.is_null())
        .count(&txn)
        .await?
        > 0;
    if !partnered || !enabled {
        return Err(ServiceError::conflict(
            "organizationId",
            "an ACTIVE partnership with this organization is required",
        ));
    }
    let now = Utc::now();
    let expires_at = now + Duration::days(i64::from(expires_in_days));
    let existing = participation::Entity::find()
        .filter(participation::Column::CommunityId.eq(community.id))
        .filter(participation::Column::OrganizationId.eq(organization_id))
        .one(&txn)
        .await?;
    let before = existing.as_ref().map(snapshot);
    let invited = match existing {
        Some(p)
            if matches!(
                p.effective_status(now),
                ParticipationStatus::Invited
                    | ParticipationStatus::Active
                    | ParticipationStatus::Suspended
            ) =>
        {
            return Err(ServiceError::conflict(
                "organizationId",
                format!(
                    "this organization is already {}",
                    p.effective_status(now).as_str()
                ),
            ))
        }
        Some(p) => {
            let mut active: participation::ActiveModel = p.into();
            active.tier = Set(tier);
            active.status = Set(ParticipationStatus::Invited);
            active.sponsor_person_id = Set(None);
            active.invited_by_person_id = Set(viewer.person().map(|me| me.person_id));
            active.invited_at = Set(now);
            active.expires_at = Set(Some(expires_at));
            active.accepted_at = Set(None);
            active.ended_at = Set(None);
            active.updated_at = Set(now);
            active.update(&txn).await?
        }
        None => participation::ActiveModel {
            id: Set(Uuid::now_v7()),
            community_id: Set(community.id),
            organization_id: Set(organization_id),
            tier: Set(tier),
            status: Set(ParticipationStatus::Invited),
            sponsor_person_id: Set(None),
            invited_by_person_id: Set(viewer.person().map(|me| me.person_id)),
            invited_at: Set(now),
            expires_at: Set(Some(expires_at)),
            accepted_at: Set(None),
            ended_at: Set(None),
            updated_at: Set(now),
        }
        .insert(&txn)
        .await
        .map_err(|e| super::membership::race_to_conflict(e, "organizationId"))?,
    };
    audit::record(
        &txn,
        viewer,
        vec![
            AuditEntry::new(AuditAction::OrganizationInvited, host, "Participation")
                .other(organization_id)
                .community(community.id)
                .target(invited.id)
                .change(before, Some(snapshot(&invited))),
        ],
    )
    .await?;
    txn.commit().await?;
    Ok(invited)
}

/// A participation the viewer may see, with its community.
async fn load(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    id: Uuid,
) -> ServiceResult<(participation::Model, community::Model)> {
    let participation = participation::Entity::find_by_id(id)
        .filter(access::visible_participations(viewer))
        .one(txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let community = community::Entity::find_by_id(participation.community_id)
        .one(txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    Ok((participation, community))
}

fn require_partner_admin(
    viewer: &Viewer,
    participation: &participation::Model,
) -> ServiceResult<()> {
    if participation.tier == ParticipationTier::Host {
        return Err(ServiceError::invalid(
            "participationId",
            "the host's own participation cannot be changed",
        ));
    }
    if access::administers(viewer, participation.organization_id) {
        Ok(())
    } else {
        Err(ServiceError::Forbidden(
            "only an admin of the invited organization may do this",
        ))
    }
}

/// The partner's decision on an invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartnerDecision {
    /// Accept, naming the organization's local sponsor.
    Accept {
        sponsor_id: Uuid,
    },
    Decline,
}

/// Accepts or declines an invitation (the invited organization's admins).
pub async fn decide_invitation(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    decision: PartnerDecision,
) -> ServiceResult<participation::Model> {
    access::require_signed_in(viewer)?;
    let txn = crate::db::begin_write(db).await?;
    let (current, community) = load(&txn, viewer, id).await?;
    require_partner_admin(viewer, &current)?;
    let now = Utc::now();
    match current.effective_status(now) {
        ParticipationStatus::Invited => {}
        ParticipationStatus::Expired => {
            return Err(ServiceError::conflict(
                "participationId",
                "the invitation has expired; ask the host to invite again",
            ))
        }
        other => {
            return Err(ServiceError::conflict(
                "participationId",
                format!("there is no open invitation (it is {})", other.as_str()),
            ))
        }
    }
    let host = community.host_organization_id;
    let before = snapshot(&current);
    let organization_id = current.organization_id;
    let mut active: participation::ActiveModel = current.into();
    active.updated_at = Set(now);
    let (action, restored) = match decision {
        PartnerDecision::Accept { sponsor_id } => {
            let sponsor = person::Entity::find_by_id(sponsor_id)
                .filter(person::Column::OrganizationId.eq(organization_id))
                .one(&txn)
                .await?;
            if sponsor.is_none() {
                return Err(ServiceError::invalid(
                    "sponsorId",
                    "the sponsor must be a person of the invited organization",
                ));
            }
            let partnered = partnership::between(&txn, host, organization_id)
                .await?
                .is_some_and(|p| p.status == PartnershipStatus::Active);
            if !partnered {
                return Err(ServiceError::conflict(
                    "participationId",
                    "the partnership with the host is not ACTIVE",
                ));
            }
            active.status = Set(ParticipationStatus::Active);
            active.sponsor_person_id = Set(Some(sponsor_id));
            active.accepted_at = Set(Some(now));
            active.ended_at = Set(None);
            (AuditAction::InvitationAccepted, true)
        }
        PartnerDecision::Decline => {
            active.status = Set(ParticipationStatus::Declined);
            active.ended_at = Set(Some(now));
            (AuditAction::InvitationDeclined, false)
        }
    };
    let mut updated = active.update(&txn).await?;
    let mut after = snapshot(&updated);
    if restored {
        let restored = restore_memberships(&txn, updated.community_id, organization_id).await?;
        // A disabled host (or partner) keeps the link suspended.
        sync_links(&txn, &[organization_id]).await?;
        updated = participation::Entity::find_by_id(updated.id)
            .one(&txn)
            .await?
            .ok_or(ServiceError::NotFound)?;
        after = snapshot(&updated);
        after["membershipsRestored"] = json!(restored);
    }
    audit::record(
        &txn,
        viewer,
        vec![AuditEntry::new(action, host, "Participation")
            .other(organization_id)
            .community(updated.community_id)
            .target(updated.id)
            .change(Some(before), Some(after))],
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}

/// Ends an organization's participation: the host removes it (or withdraws its invitation),
/// or the organization's admins withdraw it. Its people's memberships are suspended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Departure {
    RemovedByHost,
    Withdrawn,
}

pub async fn end_participation(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    departure: Departure,
) -> ServiceResult<participation::Model> {
    access::require_signed_in(viewer)?;
    let txn = crate::db::begin_write(db).await?;
    let (current, community) = load(&txn, viewer, id).await?;
    let now = Utc::now();
    let status = current.effective_status(now);
    let (allowed, new_status, action): (&[ParticipationStatus], _, _) = match departure {
        Departure::RemovedByHost => {
            if current.tier == ParticipationTier::Host {
                return Err(ServiceError::invalid(
                    "participationId",
                    "the host cannot remove itself",
                ));
            }
            access::require_host_coordinator(&txn, viewer, &community).await?;
            (
                &[
                    ParticipationStatus::Invited,
                    ParticipationStatus::Active,
                    ParticipationStatus::Suspended,
                ],
                ParticipationStatus::Removed,
                AuditAction::OrganizationRemoved,
            )
        }
        Departure::Withdrawn => {
            require_partner_admin(viewer, &current)?;
            (
                &[ParticipationStatus::Active, ParticipationStatus::Suspended],
                ParticipationStatus::Left,
                AuditAction::OrganizationWithdrew,
            )
        }
    };
    if !allowed.contains(&status) {
        return Err(ServiceError::conflict(
            "participationId",
            format!("the participation is {}", status.as_str()),
        ));
    }
    let before = snapshot(&current);
    let organization_id = current.organization_id;
    let mut active: participation::ActiveModel = current.into();
    active.status = Set(new_status);
    active.ended_at = Set(Some(now));
    active.updated_at = Set(now);
    let updated = active.update(&txn).await?;
    let suspended = suspend_memberships(&txn, updated.community_id, organization_id).await?;
    let mut after = snapshot(&updated);
    after["membershipsSuspended"] = json!(suspended);
    audit::record(
        &txn,
        viewer,
        vec![
            AuditEntry::new(action, community.host_organization_id, "Participation")
                .other(organization_id)
                .community(community.id)
                .target(updated.id)
                .change(Some(before), Some(after)),
        ],
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}

/// A status filter as a condition: INVITED and EXPIRED split on the expiry.
fn status_condition(status: ParticipationStatus) -> Condition {
    let now = Utc::now();
    match status {
        ParticipationStatus::Invited => Condition::all()
            .add(participation::Column::Status.eq(ParticipationStatus::Invited))
            .add(participation::Column::ExpiresAt.gt(now)),
        ParticipationStatus::Expired => Condition::all()
            .add(participation::Column::Status.eq(ParticipationStatus::Invited))
            .add(participation::Column::ExpiresAt.lte(now)),
        other => Condition::all().add(participation::Column::Status.eq(other)),
    }
}

/// Which participations to list.
#[derive(Debug, Clone, Copy)]
pub enum ParticipationScope {
    /// The organizations taking part in a community.
    Community(Uuid),
    /// Invitations an organization received (every non-host participation of it).
    Incoming(Uuid),
    /// Invitations an organization sent (partner participations of communities it hosts).
    Outgoing(Uuid),
}

fn scoped(
    viewer: &Viewer,
    scope: ParticipationScope,
    status: Option<ParticipationStatus>,
) -> Condition {
    let mut condition = Condition::all().add(access::visible_participations(viewer));
    condition = match scope {
        ParticipationScope::Community(id) => {
            condition.add(participation::Column::CommunityId.eq(id))
        }
        ParticipationScope::Incoming(org) => condition
            .add(participation::Column::OrganizationId.eq(org))
            .add(participation::Column::Tier.ne(ParticipationTier::Host)),
        ParticipationScope::Outgoing(org) => condition
            .add(
                participation::Column::CommunityId.in_subquery(
                    Query::select()
                        .column(community::Column::Id)
                        .from(community::Entity)
                        .and_where(community::Column::HostOrganizationId.eq(org))
                        .to_owned(),
                ),
            )
            .add(participation::Column::Tier.ne(ParticipationTier::Host)),
    };
    if let Some(status) = status {
        condition = condition.add(status_condition(status));
    }
    condition
}

async fn check_scope(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    scope: ParticipationScope,
) -> ServiceResult<()> {
    access::require_signed_in(viewer)?;
    match scope {
        ParticipationScope::Community(_) => Ok(()),
        ParticipationScope::Incoming(org) | ParticipationScope::Outgoing(org) => {
            access::require_organization_admin(db, viewer, org).await
        }
    }
}

/// The participants of many communities, each community's as `listing` lists them for
/// `ParticipationScope::Community` of it.
pub fn participants_by_community(
    viewer: &Viewer,
    status: Option<ParticipationStatus>,
) -> ServiceResult<super::siblings::Siblings<Listing<participation::Entity>>> {
    access::require_signed_in(viewer)?;
    let mut condition = Condition::all().add(access::visible_participations(viewer));
    if let Some(status) = status {
        condition = condition.add(status_condition(status));
    }
    Ok(super::siblings::Siblings::new(
        Listing::oldest_first(
            participation::Entity::find().filter(condition),
            participation::Column::Id,
        ),
        participation::Column::CommunityId,
    ))
}

/// Participations the viewer may see, oldest first.
pub async fn listing(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    scope: ParticipationScope,
    status: Option<ParticipationStatus>,
) -> ServiceResult<Listing<participation::Entity>> {
    check_scope(db, viewer, scope).await?;
    Ok(Listing::oldest_first(
        participation::Entity::find().filter(scoped(viewer, scope, status)),
        participation::Column::Id,
    ))
}

/// The participations among `ids` the viewer may see.
pub async fn find_visible(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, participation::Model>> {
    access::require_signed_in(viewer)?;
    visible_by_id::<participation::Entity, _>(
        db,
        access::visible_participations(viewer),
        participation::Column::Id,
        ids,
        |p| p.id,
    )
    .await
}
