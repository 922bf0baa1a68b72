//! Partnerships between organizations and each side's policy for the other. State changes
//! that break or restore links cascade to participations and memberships through
//! [`super::participation::sync_links`], in the same transaction.

use super::{
    audit::{self, AuditEntry},
    page::{visible_by_id, Listing},
    participation::sync_links,
    slug::Slug,
};
use crate::{
    access,
    auth::{PersonViewer, Viewer},
    error::{is_unique_violation, ServiceError, ServiceResult},
};
use chrono::Utc;
use entity::{
    enums::{AuditAction, PartnerPolicy, PartnershipStatus},
    organization, partnership,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection,
    DatabaseTransaction, EntityTrait, QueryFilter, Set,
};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

/// Longest proposal message.
const MAX_MESSAGE: usize = 2_000;

/// An optional field of a patch: `None` keeps the value, `Some(None)` clears it.
pub type Patch<T> = Option<Option<T>>;

fn pair(a: Uuid, b: Uuid) -> (Uuid, Uuid) {
    if a < b {
        (a, b)
    } else {
        (b, a)
    }
}

fn snapshot(p: &partnership::Model) -> serde_json::Value {
    json!({ "status": p.status.as_str() })
}

/// The partnership between two organizations, if any.
pub async fn between(
    db: &impl ConnectionTrait,
    a: Uuid,
    b: Uuid,
) -> ServiceResult<Option<partnership::Model>> {
    let (low, high) = pair(a, b);
    Ok(partnership::Entity::find()
        .filter(partnership::Column::LowOrganizationId.eq(low))
        .filter(partnership::Column::HighOrganizationId.eq(high))
        .one(db)
        .await?)
}

fn require_admin(viewer: &Viewer) -> ServiceResult<&PersonViewer> {
    let me = access::require_person(viewer)?;
    if me.is_admin {
        Ok(me)
    } else {
        Err(ServiceError::Forbidden(
            "only an admin of your organization may do this",
        ))
    }
}

/// Proposes a partnership to the organization with `partner_slug`. Admins only. A declined
/// or ended partnership with that organization is proposed anew.
pub async fn propose(
    db: &DatabaseConnection,
    viewer: &Viewer,
    partner_slug: &str,
    message: Option<String>,
) -> ServiceResult<partnership::Model> {
    let me = require_admin(viewer)?;
    let slug = Slug::parse("partnerSlug", partner_slug)?;
    let message = match message.map(|m| m.trim().to_owned()) {
        Some(m) if m.chars().count() > MAX_MESSAGE => {
            return Err(ServiceError::invalid(
                "message",
                format!("must be at most {MAX_MESSAGE} characters"),
            ))
        }
        Some(m) if m.is_empty() => None,
        other => other,
    };
    if let Some(m) = &message {
        super::content::check_characters("message", m)?;
    }
    let txn = crate::db::begin_write(db).await?;
    let partner = organization::Entity::find()
        .filter(organization::Column::Slug.eq(slug.as_str()))
        .filter(organization::Column::DisabledAt.is_null())
        .one(&txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if partner.id == me.organization_id {
        return Err(ServiceError::invalid(
            "partnerSlug",
            "an organization cannot partner with itself",
        ));
    }
    let now = Utc::now();
    let existing = between(&txn, me.organization_id, partner.id).await?;
    let before = existing.as_ref().map(snapshot);
    let proposed = match existing {
        Some(p)
            if matches!(
                p.status,
                PartnershipStatus::Proposed
                    | PartnershipStatus::Active
                    | PartnershipStatus::Suspended
            ) =>
        {
            return Err(ServiceError::conflict(
                "partnerSlug",
                format!(
                    "a partnership with this organization is already {}",
                    p.status.as_str()
                ),
            ))
        }
        Some(p) => {
            let mut active: partnership::ActiveModel = p.into();
            active.status = Set(PartnershipStatus::Proposed);
            active.proposer_organization_id = Set(me.organization_id);
            active.message = Set(message);
            active.suspended_by_organization_id = Set(None);
            active.accepted_at = Set(None);
            active.ended_at = Set(None);
            active.updated_at = Set(now);
            active.update(&txn).await?
        }
        None => {
            let (low, high) = pair(me.organization_id, partner.id);
            partnership::ActiveModel {
                id: Set(Uuid::now_v7()),
                low_organization_id: Set(low),
                high_organization_id: Set(high),
                proposer_organization_id: Set(me.organization_id),
                status: Set(PartnershipStatus::Proposed),
                message: Set(message),
                low_inbound: Set(None),
                low_outbound: Set(None),
                high_inbound: Set(None),
                high_outbound: Set(None),
                suspended_by_organization_id: Set(None),
                accepted_at: Set(None),
                ended_at: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await
            .map_err(|e| {
                if is_unique_violation(&e) {
                    ServiceError::conflict(
                        "partnerSlug",
                        "a partnership with this organization already exists",
                    )
                } else {
                    e.into()
                }
            })?
        }
    };
    audit::record(
        &txn,
        viewer,
        vec![AuditEntry::new(
            AuditAction::PartnershipProposed,
            me.organization_id,
            "Partnership",
        )
        .other(partner.id)
        .target(proposed.id)
        .change(before, Some(snapshot(&proposed)))],
    )
    .await?;
    txn.commit().await?;
    Ok(proposed)
}

/// A transition of a partnership's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transition {
    Accept,
    Decline,
    Suspend,
    Resume,
    End,
}

impl Transition {
    fn action(self) -> AuditAction {
        match self {
            Self::Accept => AuditAction::PartnershipAccepted,
            Self::Decline => AuditAction::PartnershipDeclined,
            Self::Suspend => AuditAction::PartnershipSuspended,
            Self::Resume => AuditAction::PartnershipResumed,
            Self::End => AuditAction::PartnershipEnded,
        }
    }

    /// The status it leads to from `p`, for organization `me`, or why not.
    fn target(self, p: &partnership::Model, me: Uuid) -> ServiceResult<PartnershipStatus> {
        use PartnershipStatus as S;
        let wrong_state = || {
            ServiceError::conflict(
                "partnershipId",
                format!("the partnership is {}", p.status.as_str()),
            )
        };
        match self {
            Self::Accept | Self::Decline => {
                if p.status != S::Proposed {
                    return Err(wrong_state());
                }
                if p.proposer_organization_id == me {
                    return Err(ServiceError::Forbidden(
                        "only the organization a partnership was proposed to may accept or decline it",
                    ));
                }
                Ok(if self == Self::Accept {
                    S::Active
                } else {
                    S::Declined
                })
            }
            Self::Suspend => match p.status {
                S::Active => Ok(S::Suspended),
                _ => Err(wrong_state()),
            },
            Self::Resume => match p.status {
                S::Suspended if p.suspended_by_organization_id == Some(me) => Ok(S::Active),
                S::Suspended => Err(ServiceError::Forbidden(
                    "only the organization that suspended a partnership may resume it",
                )),
                _ => Err(wrong_state()),
            },
            Self::End => match p.status {
                S::Proposed | S::Active | S::Suspended => Ok(S::Ended),
                _ => Err(wrong_state()),
            },
        }
    }
}

/// The partnership with `id` as one of its sides' admins sees it, locked for the change.
async fn load_for_change(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    id: Uuid,
) -> ServiceResult<partnership::Model> {
    partnership::Entity::find_by_id(id)
        .filter(access::visible_partnerships(viewer))
        .one(txn)
        .await?
        .ok_or(ServiceError::NotFound)
}

/// Accepts, declines, suspends, resumes or ends a partnership, as an admin of one side.
pub async fn transition(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    transition: Transition,
) -> ServiceResult<partnership::Model> {
    access::require_signed_in(viewer)?;
    let txn = crate::db::begin_write(db).await?;
    // Partnerships are invisible to non-admins: NOT_FOUND before anything else.
    let current = load_for_change(&txn, viewer, id).await?;
    let me = require_admin(viewer)?;
    let status = transition.target(&current, me.organization_id)?;
    let now = Utc::now();
    let before = snapshot(&current);
    let (low, high) = (current.low_organization_id, current.high_organization_id);
    let mut active: partnership::ActiveModel = current.into();
    active.status = Set(status);
    active.updated_at = Set(now);
    match transition {
        Transition::Accept => active.accepted_at = Set(Some(now)),
        Transition::Suspend => active.suspended_by_organization_id = Set(Some(me.organization_id)),
        Transition::Resume => active.suspended_by_organization_id = Set(None),
        Transition::End => {
            active.ended_at = Set(Some(now));
            active.suspended_by_organization_id = Set(None);
        }
        Transition::Decline => active.ended_at = Set(Some(now)),
    }
    let updated = active.update(&txn).await?;
    let links = sync_links(&txn, &[low, high]).await?;
    let mut after = snapshot(&updated);
    after["participationsChanged"] = json!(links.participations);
    after["membershipsChanged"] = json!(links.memberships);
    audit::record(
        &txn,
        viewer,
        vec![
            AuditEntry::new(transition.action(), me.organization_id, "Partnership")
                .other(updated.partner_of(me.organization_id))
                .target(updated.id)
                .change(Some(before), Some(after)),
        ],
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}

/// Sets the viewer's organization's per-partner policy overrides (admins).
pub async fn set_policy(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    inbound: Patch<PartnerPolicy>,
    outbound: Patch<PartnerPolicy>,
) -> ServiceResult<partnership::Model> {
    access::require_signed_in(viewer)?;
    let txn = crate::db::begin_write(db).await?;
    let current = load_for_change(&txn, viewer, id).await?;
    let me = require_admin(viewer)?;
    let mine = me.organization_id;
    let (old_in, old_out) = current.overrides_of(mine);
    let (new_in, new_out) = (inbound.unwrap_or(old_in), outbound.unwrap_or(old_out));
    let is_low = current.low_organization_id == mine;
    let mut active: partnership::ActiveModel = current.into();
    if is_low {
        active.low_inbound = Set(new_in);
        active.low_outbound = Set(new_out);
    } else {
        active.high_inbound = Set(new_in);
        active.high_outbound = Set(new_out);
    }
    active.updated_at = Set(Utc::now());
    let updated = active.update(&txn).await?;
    let view = |i: Option<PartnerPolicy>, o: Option<PartnerPolicy>| json!({ "inbound": i.map(PartnerPolicy::as_str), "outbound": o.map(PartnerPolicy::as_str) });
    audit::record(
        &txn,
        viewer,
        vec![
            // A policy is the deciding organization's own business: the partner never sees it.
            AuditEntry::new(AuditAction::PartnerPolicyChanged, mine, "Partnership")
                .target(updated.id)
                .change(Some(view(old_in, old_out)), Some(view(new_in, new_out))),
        ],
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}

/// Sets an organization's default policies for partners (its admins).
pub async fn set_defaults(
    db: &DatabaseConnection,
    viewer: &Viewer,
    organization_id: Uuid,
    inbound: Option<PartnerPolicy>,
    outbound: Option<PartnerPolicy>,
) -> ServiceResult<organization::Model> {
    access::require_organization_admin(db, viewer, organization_id).await?;
    let txn = crate::db::begin_write(db).await?;
    let current = organization::Entity::find_by_id(organization_id)
        .one(&txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let view = |o: &organization::Model| {
        json!({
            "inbound": o.default_inbound_policy.as_str(),
            "outbound": o.default_outbound_policy.as_str(),
        })
    };
    let before = view(&current);
    let mut active: organization::ActiveModel = current.into();
    if let Some(inbound) = inbound {
        active.default_inbound_policy = Set(inbound);
    }
    if let Some(outbound) = outbound {
        active.default_outbound_policy = Set(outbound);
    }
    active.updated_at = Set(Utc::now());
    let updated = active.update(&txn).await?;
    audit::record(
        &txn,
        viewer,
        vec![AuditEntry::new(
            AuditAction::PolicyDefaultsChanged,
            organization_id,
            "Organization",
        )
        .target(organization_id)
        .change(Some(before), Some(view(&updated)))],
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}

/// The policies that apply when a person of `member_org` joins a community of `host_org`:
/// the host's inbound policy for the member's organization, and the member organization's
/// outbound policy for the host. Overrides first, then each side's default.
pub async fn effective_policies(
    db: &impl ConnectionTrait,
    host_org: Uuid,
    member_org: Uuid,
) -> ServiceResult<(PartnerPolicy, PartnerPolicy)> {
    let orgs: HashMap<Uuid, organization::Model> = organization::Entity::find()
        .filter(organization::Column::Id.is_in([host_org, member_org]))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let (Some(host), Some(member)) = (orgs.get(&host_org), orgs.get(&member_org)) else {
        return Err(ServiceError::NotFound);
    };
    let partnership = between(db, host_org, member_org).await?;
    let (host_in, _) = partnership
        .as_ref()
        .map(|p| p.overrides_of(host_org))
        .unwrap_or_default();
    let (_, member_out) = partnership
        .as_ref()
        .map(|p| p.overrides_of(member_org))
        .unwrap_or_default();
    Ok((
        host_in.unwrap_or(host.default_inbound_policy),
        member_out.unwrap_or(member.default_outbound_policy),
    ))
}

fn of_organization(
    viewer: &Viewer,
    organization_id: Uuid,
    status: Option<PartnershipStatus>,
) -> Condition {
    let mut condition = Condition::all()
        .add(access::visible_partnerships(viewer))
        .add(
            Condition::any()
                .add(partnership::Column::LowOrganizationId.eq(organization_id))
                .add(partnership::Column::HighOrganizationId.eq(organization_id)),
        );
    if let Some(status) = status {
        condition = condition.add(partnership::Column::Status.eq(status));
    }
    condition
}

/// An organization's partnerships (its admins), oldest first.
pub async fn for_organization(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    organization_id: Uuid,
    status: Option<PartnershipStatus>,
) -> ServiceResult<Listing<partnership::Entity>> {
    access::require_organization_admin(db, viewer, organization_id).await?;
    Ok(Listing::oldest_first(
        partnership::Entity::find().filter(of_organization(viewer, organization_id, status)),
        partnership::Column::Id,
    ))
}

/// The partnerships among `ids` the viewer may see.
pub async fn find_visible(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, partnership::Model>> {
    access::require_signed_in(viewer)?;
    visible_by_id::<partnership::Entity, _>(
        db,
        access::visible_partnerships(viewer),
        partnership::Column::Id,
        ids,
        |p| p.id,
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn partnership(status: PartnershipStatus, proposer: Uuid, other: Uuid) -> partnership::Model {
        let (low, high) = pair(proposer, other);
        let now = Utc::now();
        partnership::Model {
            id: Uuid::now_v7(),
            low_organization_id: low,
            high_organization_id: high,
            proposer_organization_id: proposer,
            status,
            message: None,
            low_inbound: None,
            low_outbound: Some(PartnerPolicy::Blocked),
            high_inbound: None,
            high_outbound: None,
            suspended_by_organization_id: (status == PartnershipStatus::Suspended)
                .then_some(proposer),
            accepted_at: None,
            ended_at: None,
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn transitions_follow_the_state_machine() {
        use PartnershipStatus as S;
        let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
        let target =
            |status, transition: Transition, me| transition.target(&partnership(status, a, b), me);
        assert_eq!(
            target(S::Proposed, Transition::Accept, b).ok(),
            Some(S::Active)
        );
        assert_eq!(
            target(S::Proposed, Transition::Decline, b).ok(),
            Some(S::Declined)
        );
        // The proposer cannot accept its own proposal, but may withdraw it.
        assert!(matches!(
            target(S::Proposed, Transition::Accept, a),
            Err(ServiceError::Forbidden(_))
        ));
        assert_eq!(target(S::Proposed, Transition::End, a).ok(), Some(S::Ended));
        assert_eq!(
            target(S::Active, Transition::Suspend, b).ok(),
            Some(S::Suspended)
        );
        // Only the side that suspended resumes.
        assert_eq!(
            target(S::Suspended, Transition::Resume, a).ok(),
            Some(S::Active)
        );
        assert!(matches!(
            target(S::Suspended, Transition::Resume, b),
            Err(ServiceError::Forbidden(_))
        ));
        for status in [S::Declined, S::Ended] {
            for transition in [
                Transition::Accept,
                Transition::Decline,
                Transition::Suspend,
                Transition::Resume,
                Transition::End,
            ] {
                assert!(matches!(
                    target(status, transition, b),
                    Err(ServiceError::Conflict { .. })
                ));
            }
        }
        assert!(matches!(
            target(S::Active, Transition::Accept, b),
            Err(ServiceError::Conflict { .. })
        ));
    }

    #[test]
    fn overrides_belong_to_one_side() {
        let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
        let p = partnership(PartnershipStatus::Active, a, b);
        let low = p.low_organization_id;
        let high = p.high_organization_id;
        assert_eq!(p.overrides_of(low), (None, Some(PartnerPolicy::Blocked)));
        assert_eq!(p.overrides_of(high), (None, None));
        assert_eq!(p.partner_of(low), high);
        assert_eq!(p.recipient_organization_id(), b);
    }
}
