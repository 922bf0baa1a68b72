//! Who hears of which domain event: subscriptions check these when subscribing and again for
//! every event they deliver (docs/REALTIME.md). Webhooks use `events::fanout`.

use super::{
    administers, decidable_approvals, may_see_organization, require_organization_admin,
    viewer_live_communities, visible_communities,
};
use crate::{
    auth::Viewer,
    error::{ServiceError, ServiceResult},
    events::outbox::{self, RecipientReason},
};
use entity::{
    community, domain_event,
    enums::{
        CommunityVisibility, DomainEventType, EventAudience, MembershipStatus, ParticipationStatus,
    },
    membership, membership_approval, participation,
};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect,
};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// Why a person is notified of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotificationReason {
    /// A membership request waits for an approval the viewer may give.
    ApprovalWaiting,
    Reply,
    Mention,
}

/// Whether the viewer may follow a community's activity: the community must be live for the
/// viewer (NOT_FOUND when invisible, FORBIDDEN when visible but not live), and the viewer an
/// ACTIVE member, an admin of its host, or the operator (else FORBIDDEN).
pub async fn require_community_listener(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    community_id: Uuid,
) -> ServiceResult<()> {
    let Some(community) = community::Entity::find_by_id(community_id)
        .filter(visible_communities(viewer))
        .one(db)
        .await?
    else {
        return Err(ServiceError::NotFound);
    };
    if check_listener(db, viewer, &community).await? {
        Ok(())
    } else {
        Err(ServiceError::Forbidden(
            "only the community's active members and its host's admins follow its activity",
        ))
    }
}

async fn check_listener(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    community: &community::Model,
) -> ServiceResult<bool> {
    let live = community::Entity::find_by_id(community.id)
        .filter(viewer_live_communities(viewer))
        .count(db)
        .await?
        > 0;
    if !live {
        return Ok(false);
    }
    Ok(match viewer {
        Viewer::Anonymous => false,
        Viewer::Operator(_) => true,
        Viewer::Person(me) => {
            administers(viewer, community.host_organization_id)
                || membership::Entity::find()
                    .filter(membership::Column::CommunityId.eq(community.id))
                    .filter(membership::Column::PersonId.eq(me.person_id))
                    .filter(membership::Column::Status.eq(MembershipStatus::Active))
                    .count(db)
                    .await?
                    > 0
        }
    })
}

/// For each community, the organizations it is live for (as `communities_live_for` says):
/// its host, and if FEDERATED every organization with an ACTIVE participation.
pub async fn live_organizations(
    db: &impl ConnectionTrait,
    community_ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, HashSet<Uuid>>> {
    let mut live: HashMap<Uuid, HashSet<Uuid>> = HashMap::new();
    if community_ids.is_empty() {
        return Ok(live);
    }
    let communities = community::Entity::find()
        .filter(community::Column::Id.is_in(community_ids.iter().copied()))
        .all(db)
        .await?;
    let federated: Vec<Uuid> = communities
        .iter()
        .filter(|c| c.visibility == CommunityVisibility::Federated)
        .map(|c| c.id)
        .collect();
    for c in &communities {
        live.entry(c.id).or_default().insert(c.host_organization_id);
    }
    if !federated.is_empty() {
        for p in participation::Entity::find()
            .filter(participation::Column::CommunityId.is_in(federated))
            .filter(participation::Column::Status.eq(ParticipationStatus::Active))
            .all(db)
            .await?
        {
            live.entry(p.community_id)
                .or_default()
                .insert(p.organization_id);
        }
    }
    Ok(live)
}

/// Who follows a community's activity as the database is now: the same rule as
/// [`require_community_listener`], read once for every listener of one event.
#[derive(Debug, Clone)]
pub struct CommunityListeners {
    host_organization_id: Uuid,
    /// Organizations the community is live for.
    live_organizations: HashSet<Uuid>,
    /// People with an ACTIVE membership.
    active_members: HashSet<Uuid>,
}

impl CommunityListeners {
    /// Reads them (None when the community does not exist).
    pub async fn read(
        db: &impl ConnectionTrait,
        community_id: Uuid,
    ) -> ServiceResult<Option<CommunityListeners>> {
        let Some(community) = community::Entity::find_by_id(community_id).one(db).await? else {
            return Ok(None);
        };
        let live_organizations = live_organizations(db, &[community_id])
            .await?
            .remove(&community_id)
            .unwrap_or_default();
        let active_members = membership::Entity::find()
            .select_only()
            .column(membership::Column::PersonId)
            .filter(membership::Column::CommunityId.eq(community_id))
            .filter(membership::Column::Status.eq(MembershipStatus::Active))
            .into_tuple::<Uuid>()
            .all(db)
            .await?
            .into_iter()
            .collect();
        Ok(Some(CommunityListeners {
            host_organization_id: community.host_organization_id,
            live_organizations,
            active_members,
        }))
    }

    /// Whether the viewer follows the community's activity.
    pub fn include(&self, viewer: &Viewer) -> bool {
        match viewer {
            Viewer::Anonymous => false,
            Viewer::Operator(_) => true,
            Viewer::Person(me) => {
                self.live_organizations.contains(&me.organization_id)
                    && (administers(viewer, self.host_organization_id)
                        || self.active_members.contains(&me.person_id))
            }
        }
    }
}

/// Whether a community-activity listener of `community_id` hears this event, given the
/// community's listeners read when the event is delivered.
pub fn hears_community_event(
    viewer: &Viewer,
    community_id: Uuid,
    event: &domain_event::Model,
    listeners: Option<&CommunityListeners>,
) -> bool {
    event.audience == EventAudience::Community
        && event.community_id == Some(community_id)
        && listeners.is_some_and(|l| l.include(viewer))
}

/// Whether the viewer may follow an organization's admin feed: NOT_FOUND when the
/// organization is invisible, FORBIDDEN unless the viewer administers it.
pub async fn require_feed_reader(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    organization_id: Uuid,
) -> ServiceResult<()> {
    require_organization_admin(db, viewer, organization_id).await
}

/// Whether an admin-feed listener of `organization_id` hears this event now.
pub async fn hears_admin_event(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    organization_id: Uuid,
    event: &domain_event::Model,
) -> ServiceResult<bool> {
    Ok(event.audience == EventAudience::Admins
        && outbox::organizations(event).contains(&organization_id)
        && administers(viewer, organization_id)
        && may_see_organization(db, viewer, organization_id).await?)
}

/// Why the viewer is notified of an event now, if at all.
pub async fn notification_reason(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    event: &domain_event::Model,
) -> ServiceResult<Option<NotificationReason>> {
    let Viewer::Person(me) = viewer else {
        return Ok(None);
    };
    if event.actor_person_id == Some(me.person_id) {
        return Ok(None);
    }
    if event.event_type == DomainEventType::MembershipRequested {
        let Some(membership_id) = event.subject_id else {
            return Ok(None);
        };
        let waiting = membership_approval::Entity::find()
            .filter(membership_approval::Column::MembershipId.eq(membership_id))
            .filter(decidable_approvals(viewer))
            .count(db)
            .await?
            > 0;
        return Ok(waiting.then_some(NotificationReason::ApprovalWaiting));
    }
    let Some((_, reason)) = outbox::recipients(event)
        .into_iter()
        .find(|(person, _)| *person == me.person_id)
    else {
        return Ok(None);
    };
    // The recipient must still read the community the event happened in.
    if let Some(community_id) = event.community_id {
        let live = community::Entity::find_by_id(community_id)
            .filter(viewer_live_communities(viewer))
            .count(db)
            .await?
            > 0;
        if !live {
            return Ok(None);
        }
    }
    Ok(Some(match reason {
        RecipientReason::Reply => NotificationReason::Reply,
        RecipientReason::Mention => NotificationReason::Mention,
    }))
}
