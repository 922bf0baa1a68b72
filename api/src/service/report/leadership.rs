//! Who leads a community, and where an organization's people lack a leader of their own.

use super::{count_rows, report_community};
use crate::{access, auth::Viewer, error::ServiceResult};
use entity::{
    community,
    enums::{Leadership, MemberRole, MembershipStatus, ParticipationStatus},
    membership, participation,
};
use sea_orm::{
    sea_query::Query, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use std::collections::BTreeMap;
use uuid::Uuid;

/// The default number of members at which an organization should have a leader.
pub const DEFAULT_THRESHOLD: i32 = 5;

/// A membership's leadership kind: sponsors and coordinators are FORMAL unless set otherwise.
pub fn effective_leadership(role: MemberRole, kind: Option<Leadership>) -> Option<Leadership> {
    kind.or(match role {
        MemberRole::Sponsor | MemberRole::Coordinator => Some(Leadership::Formal),
        _ => None,
    })
}

/// One organization's people in one community.
#[derive(Debug, Clone, PartialEq)]
pub struct OrganizationLeaders {
    pub organization_id: Uuid,
    pub members: i64,
    pub leaders: i64,
    pub lacks_leader: bool,
}

/// Leadership of one community.
#[derive(Debug, Clone)]
pub struct CommunityLeadership {
    pub community: community::Model,
    pub threshold: i32,
    pub coordinators: Vec<membership::Model>,
    pub sponsors: Vec<membership::Model>,
    pub core_members: Vec<membership::Model>,
    pub formal_leaders: Vec<membership::Model>,
    pub informal_leaders: Vec<membership::Model>,
    pub by_organization: Vec<OrganizationLeaders>,
}

fn check_threshold(threshold: i32) -> ServiceResult<()> {
    if !(1..=100_000).contains(&threshold) {
        return Err(crate::error::ServiceError::invalid(
            "threshold",
            "must be between 1 and 100000",
        ));
    }
    Ok(())
}

/// The leadership report of a community live for the viewer, over the ACTIVE memberships
/// the viewer sees.
pub async fn community_leadership(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    community_id: Uuid,
    threshold: i32,
) -> ServiceResult<CommunityLeadership> {
    check_threshold(threshold)?;
    let community = report_community(db, viewer, community_id).await?;
    let members = membership::Entity::find()
        .filter(access::visible_memberships(viewer))
        .filter(membership::Column::CommunityId.eq(community.id))
        .filter(membership::Column::Status.eq(MembershipStatus::Active))
        .order_by_asc(membership::Column::JoinedAt)
        .order_by_asc(membership::Column::Id)
        .all(db)
        .await?;
    let participating: Vec<Uuid> = participation::Entity::find()
        .filter(participation::Column::CommunityId.eq(community.id))
        .filter(participation::Column::Status.eq(ParticipationStatus::Active))
        .filter(access::visible_participations(viewer))
        .select_only()
        .column(participation::Column::OrganizationId)
        .order_by_asc(participation::Column::InvitedAt)
        .into_tuple()
        .all(db)
        .await?;
    let mut organizations: Vec<Uuid> = vec![community.host_organization_id];
    organizations.extend(
        participating
            .into_iter()
            .filter(|o| *o != community.host_organization_id),
    );
    let by_organization = organizations
        .into_iter()
        .map(|organization_id| {
            let own = members
                .iter()
                .filter(|m| m.organization_id == organization_id);
            let members = super::count(own.clone().count());
            let leaders = super::count(
                own.filter(|m| effective_leadership(m.role, m.leadership).is_some())
                    .count(),
            );
            OrganizationLeaders {
                organization_id,
                members,
                leaders,
                lacks_leader: leaders == 0 && members >= i64::from(threshold),
            }
        })
        .collect();
    let with_role = |role| members.iter().filter(|m| m.role == role).cloned().collect();
    let with_kind = |kind| {
        members
            .iter()
            .filter(|m| effective_leadership(m.role, m.leadership) == Some(kind))
            .cloned()
            .collect()
    };
    Ok(CommunityLeadership {
        threshold,
        coordinators: with_role(MemberRole::Coordinator),
        sponsors: with_role(MemberRole::Sponsor),
        core_members: with_role(MemberRole::Core),
        formal_leaders: with_kind(Leadership::Formal),
        informal_leaders: with_kind(Leadership::Informal),
        by_organization,
        community,
    })
}

/// Leaders of one role and kind.
#[derive(Debug, Clone, PartialEq)]
pub struct LeaderCount {
    pub role: MemberRole,
    pub leadership: Leadership,
    pub count: i64,
}

/// An organization's people in one community.
#[derive(Debug, Clone)]
pub struct CommunityLeaders {
    pub community: community::Model,
    pub members: i64,
    pub leaders: Vec<LeaderCount>,
    pub lacks_leader: bool,
}

/// Leadership of an organization across the communities live for it.
#[derive(Debug, Clone)]
pub struct OrganizationLeadership {
    pub organization_id: Uuid,
    pub threshold: i32,
    pub communities: Vec<CommunityLeaders>,
}

impl OrganizationLeadership {
    pub fn communities_without_own_leader(&self) -> impl Iterator<Item = &CommunityLeaders> {
        self.communities.iter().filter(|c| c.lacks_leader)
    }
}

/// Leaders of one community by role and kind.
type LeadersByKind = BTreeMap<(MemberRole, Leadership), i64>;

/// The leadership report of an organization: its admins and the operator.
pub async fn organization_leadership(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    organization_id: Uuid,
    threshold: i32,
) -> ServiceResult<OrganizationLeadership> {
    access::require_organization_reader(db, viewer, organization_id).await?;
    check_threshold(threshold)?;
    let live = Query::select()
        .column(community::Column::Id)
        .from(community::Entity)
        .cond_where(access::communities_live_for_organization(organization_id))
        .to_owned();
    let rows: Vec<(Uuid, MemberRole, Option<Leadership>, i64)> = membership::Entity::find()
        .filter(
            Condition::all()
                .add(access::visible_memberships(viewer))
                .add(membership::Column::OrganizationId.eq(organization_id))
                .add(membership::Column::Status.eq(MembershipStatus::Active))
                .add(membership::Column::CommunityId.in_subquery(live)),
        )
        .select_only()
        .column(membership::Column::CommunityId)
        .column(membership::Column::Role)
        .column(membership::Column::Leadership)
        .column_as(count_rows(), "members")
        .group_by(membership::Column::CommunityId)
        .group_by(membership::Column::Role)
        .group_by(membership::Column::Leadership)
        .into_tuple()
        .all(db)
        .await?;
    let mut per_community: BTreeMap<Uuid, (i64, LeadersByKind)> = BTreeMap::new();
    for (community_id, role, kind, n) in rows {
        let entry = per_community.entry(community_id).or_default();
        entry.0 += n;
        if let Some(kind) = effective_leadership(role, kind) {
            *entry.1.entry((role, kind)).or_default() += n;
        }
    }
    let ids: Vec<Uuid> = per_community.keys().copied().collect();
    let mut found = community::Entity::find()
        .filter(community::Column::Id.is_in(ids))
        .order_by_asc(community::Column::Name)
        .order_by_asc(community::Column::Id)
        .all(db)
        .await?;
    let communities = found
        .drain(..)
        .filter_map(|community| {
            let (members, leaders) = per_community.remove(&community.id)?;
            let leaders: Vec<LeaderCount> = leaders
                .into_iter()
                .map(|((role, leadership), count)| LeaderCount {
                    role,
                    leadership,
                    count,
                })
                .collect();
            Some(CommunityLeaders {
                lacks_leader: leaders.is_empty() && members >= i64::from(threshold),
                members,
                leaders,
                community,
            })
        })
        .collect();
    Ok(OrganizationLeadership {
        organization_id,
        threshold,
        communities,
    })
}
