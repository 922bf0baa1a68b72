//! Who sees and does what with events, calendars and reports. The rules are written out in
//! `docs/CULTURE.md`.
//!
//! - Events, series, RSVPs and check-ins of a community are readable by every viewer for whom
//!   the community is live; the join URL only by its ACTIVE members and coordinators.
//! - Hosts of a community's events: coordinators of the host and of CO_HOST organizations,
//!   the host's admins, the operator.
//! - Community reports follow the community; an organization's reports are its admins'; a
//!   business unit's are also its division leaders'.

use super::{
    administers, communities_live_for, coordinates, in_live_community, may_see_organization,
    nothing,
};
use crate::{
    auth::Viewer,
    error::{ServiceError, ServiceResult},
};
use entity::{
    community, division_leader,
    enums::{MemberRole, MembershipStatus, ParticipationStatus, ParticipationTier},
    event, event_rsvp, event_series, membership, participation,
};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use uuid::Uuid;

/// Events (and occurrences): those of communities live for the viewer.
pub fn visible_events(viewer: &Viewer) -> Condition {
    in_live_community(viewer, event::Column::CommunityId)
}

/// Series: those of communities live for the viewer.
pub fn visible_event_series(viewer: &Viewer) -> Condition {
    in_live_community(viewer, event_series::Column::CommunityId)
}

/// RSVPs and check-ins: those of events of communities live for the viewer.
pub fn visible_rsvps(viewer: &Viewer) -> Condition {
    in_live_community(viewer, event_rsvp::Column::CommunityId)
}

/// Communities live for the viewer: whose events, calendar feeds and reports the viewer
/// reads.
pub fn viewer_live_communities(viewer: &Viewer) -> Condition {
    in_live_community(viewer, community::Column::Id)
}

/// The scope of an organization's reports: the communities live for its people (whoever
/// reads them; the reader is checked by [`require_organization_reader`]).
pub fn communities_live_for_organization(organization_id: Uuid) -> Condition {
    communities_live_for(organization_id)
}

/// Whether the viewer reads an event's join URL: ACTIVE members of its community, its
/// coordinators, the operator. The community must be visible already.
pub async fn sees_join_url(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    community: &community::Model,
) -> ServiceResult<bool> {
    let me = match viewer {
        Viewer::Anonymous => return Ok(false),
        Viewer::Operator(_) => return Ok(true),
        Viewer::Person(me) => me,
    };
    let active = membership::Entity::find()
        .filter(membership::Column::CommunityId.eq(community.id))
        .filter(membership::Column::PersonId.eq(me.person_id))
        .filter(membership::Column::Status.eq(MembershipStatus::Active))
        .count(db)
        .await?
        > 0;
    Ok(active || coordinates(db, viewer, community).await?)
}

/// Hosts of a community's events: ACTIVE COORDINATOR members of the host organization or of
/// an organization with an ACTIVE CO_HOST participation, the host's admins, the operator.
pub async fn require_event_host(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    community: &community::Model,
) -> ServiceResult<()> {
    let refused = || {
        Err(ServiceError::Forbidden(
            "only coordinators of the host or a co-host organization may host events",
        ))
    };
    let me = match viewer {
        Viewer::Anonymous => return refused(),
        Viewer::Operator(_) => return Ok(()),
        Viewer::Person(me) => me,
    };
    if me.is_admin && me.organization_id == community.host_organization_id {
        return Ok(());
    }
    let coordinator = membership::Entity::find()
        .filter(membership::Column::CommunityId.eq(community.id))
        .filter(membership::Column::PersonId.eq(me.person_id))
        .filter(membership::Column::Status.eq(MembershipStatus::Active))
        .filter(membership::Column::Role.eq(MemberRole::Coordinator))
        .count(db)
        .await?
        > 0;
    if !coordinator {
        return refused();
    }
    if me.organization_id == community.host_organization_id {
        return Ok(());
    }
    let co_host = participation::Entity::find()
        .filter(participation::Column::CommunityId.eq(community.id))
        .filter(participation::Column::OrganizationId.eq(me.organization_id))
        .filter(participation::Column::Status.eq(ParticipationStatus::Active))
        .filter(participation::Column::Tier.eq(ParticipationTier::CoHost))
        .count(db)
        .await?
        > 0;
    if co_host {
        Ok(())
    } else {
        refused()
    }
}

/// Reading an organization's value and leadership reports: its admins and the operator.
/// NOT_FOUND when the organization is invisible, FORBIDDEN when visible but not theirs.
pub async fn require_organization_reader(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    organization_id: Uuid,
) -> ServiceResult<()> {
    super::require_organization_admin(db, viewer, organization_id).await
}

/// Reading a business unit's value report: the organization's admins, the unit's division
/// leaders (`unit_key` is the trimmed, lowercased name), the operator. NOT_FOUND when the
/// organization is invisible, FORBIDDEN otherwise.
pub async fn require_business_unit_reader(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    organization_id: Uuid,
    unit_key: &str,
) -> ServiceResult<()> {
    super::require_signed_in(viewer)?;
    if !may_see_organization(db, viewer, organization_id).await? {
        return Err(ServiceError::NotFound);
    }
    if administers(viewer, organization_id) {
        return Ok(());
    }
    let leads = match viewer {
        Viewer::Person(me) if me.organization_id == organization_id => {
            division_leader::Entity::find()
                .filter(division_leader::Column::OrganizationId.eq(organization_id))
                .filter(division_leader::Column::PersonId.eq(me.person_id))
                .filter(division_leader::Column::BusinessUnitKey.eq(unit_key))
                .count(db)
                .await?
                > 0
        }
        _ => false,
    };
    if leads {
        Ok(())
    } else {
        Err(ServiceError::Forbidden(
            "only the organization's admins and this business unit's division leaders may read its report",
        ))
    }
}

/// Division leader grants: those of the viewer's own organization for its admins, the
/// viewer's own, everything for the operator.
pub fn visible_division_leaders(viewer: &Viewer) -> Condition {
    match viewer {
        Viewer::Anonymous => nothing(division_leader::Column::Id),
        Viewer::Operator(_) => Condition::all(),
        Viewer::Person(me) if me.is_admin => {
            Condition::all().add(division_leader::Column::OrganizationId.eq(me.organization_id))
        }
        Viewer::Person(me) => {
            Condition::all().add(division_leader::Column::PersonId.eq(me.person_id))
        }
    }
}

/// Whether the viewer reads a person's business unit: admins of the person's organization,
/// the person, the operator.
pub fn sees_business_unit(viewer: &Viewer, person_id: Uuid, organization_id: Uuid) -> bool {
    match viewer {
        Viewer::Anonymous => false,
        Viewer::Operator(_) => true,
        Viewer::Person(me) => {
            me.person_id == person_id || (me.is_admin && me.organization_id == organization_id)
        }
    }
}
