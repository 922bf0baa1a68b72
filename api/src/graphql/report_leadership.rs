//! Leadership reports: who leads a community, and where an organization's people lack a
//! leader of their own.

use super::{
    community::Community,
    enums::{Leadership, MemberRole},
    membership::Membership,
    organization::Organization,
};
use crate::service::report::leadership::{
    CommunityLeaders as Leaders, CommunityLeadership as CommunityReport, LeaderCount,
    OrganizationLeaders as PerOrganization, OrganizationLeadership as OrganizationReport,
};
use async_graphql::{Context, Object, SimpleObject};

fn memberships(list: &[entity::membership::Model]) -> Vec<Membership> {
    list.iter().cloned().map(Membership).collect()
}

/// Leaders of a community (ACTIVE memberships the viewer sees).
pub struct CommunityLeadership(pub CommunityReport);

/// Who leads a community, and which participating organizations lack a leader there.
#[Object]
impl CommunityLeadership {
    /// Members from this many on, an organization should have a leader.
    async fn threshold(&self) -> i32 {
        self.0.threshold
    }

    /// ACTIVE coordinators.
    async fn coordinators(&self) -> Vec<Membership> {
        memberships(&self.0.coordinators)
    }

    /// ACTIVE sponsors.
    async fn sponsors(&self) -> Vec<Membership> {
        memberships(&self.0.sponsors)
    }

    /// ACTIVE core members.
    async fn core_members(&self) -> Vec<Membership> {
        memberships(&self.0.core_members)
    }

    /// ACTIVE FORMAL leaders (sponsors and coordinators unless marked otherwise).
    async fn formal_leaders(&self) -> Vec<Membership> {
        memberships(&self.0.formal_leaders)
    }

    /// ACTIVE INFORMAL leaders.
    async fn informal_leaders(&self) -> Vec<Membership> {
        memberships(&self.0.informal_leaders)
    }

    /// The host and each organization with an ACTIVE participation.
    async fn by_organization(&self) -> Vec<OrganizationLeaders> {
        self.0
            .by_organization
            .iter()
            .cloned()
            .map(OrganizationLeaders)
            .collect()
    }
}

/// One organization's people in a community.
pub struct OrganizationLeaders(PerOrganization);

/// One organization's members and leaders in a community.
#[Object]
impl OrganizationLeaders {
    /// The organization.
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        Organization::load(ctx, self.0.organization_id).await
    }

    /// Its ACTIVE members.
    async fn members(&self) -> i64 {
        self.0.members
    }

    /// Its ACTIVE leaders.
    async fn leaders(&self) -> i64 {
        self.0.leaders
    }

    /// At least `threshold` members and no leader.
    async fn lacks_leader(&self) -> bool {
        self.0.lacks_leader
    }
}

/// Leaders of one role and kind.
#[derive(SimpleObject)]
pub struct LeadersByRole {
    /// The role.
    pub role: MemberRole,
    /// The leadership kind.
    pub leadership: Leadership,
    /// How many.
    pub count: i64,
}

impl From<&LeaderCount> for LeadersByRole {
    fn from(l: &LeaderCount) -> Self {
        Self {
            role: l.role.into(),
            leadership: l.leadership.into(),
            count: l.count,
        }
    }
}

/// An organization's people in one community.
pub struct CommunityLeaders(Leaders);

/// An organization's members and leaders in one community.
#[Object]
impl CommunityLeaders {
    /// The community.
    async fn community(&self) -> Community {
        Community(self.0.community.clone())
    }

    /// The organization's ACTIVE members there.
    async fn members(&self) -> i64 {
        self.0.members
    }

    /// Its leaders there, by role and kind.
    async fn leaders(&self) -> Vec<LeadersByRole> {
        self.0.leaders.iter().map(Into::into).collect()
    }

    /// At least `threshold` members and no leader.
    async fn lacks_leader(&self) -> bool {
        self.0.lacks_leader
    }
}

/// Leadership of an organization's people across the communities live for it.
pub struct OrganizationLeadership(pub OrganizationReport);

/// Where an organization's people lead, and where they lack a leader of their own.
#[Object]
impl OrganizationLeadership {
    /// Members from this many on, the organization should have a leader.
    async fn threshold(&self) -> i32 {
        self.0.threshold
    }

    /// Each community live for the organization where its people are ACTIVE members, by name.
    async fn communities(&self) -> Vec<CommunityLeaders> {
        self.0
            .communities
            .iter()
            .cloned()
            .map(CommunityLeaders)
            .collect()
    }

    /// The communities where it lacks a leader.
    async fn communities_without_own_leader(&self) -> Vec<CommunityLeaders> {
        self.0
            .communities_without_own_leader()
            .cloned()
            .map(CommunityLeaders)
            .collect()
    }
}
