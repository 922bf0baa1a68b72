//! Memberships and their approvals: the types and the mutations of joining, approving,
//! roles, leaving, removal and offboarding.

use super::{
    community::Community,
    context,
    enums::{ApprovalKind, ApprovalStatus, Leadership, MemberRole, MembershipStatus},
    error::{patch, payload, GqlResult},
    loaders::Loaders,
    node::{expect_global_id, global_id, NodeKind},
    organization::Organization,
    person::Person,
};
use crate::service;
use async_graphql::{Context, InputObject, MaybeUndefined, Object, ID};
use chrono::{DateTime, Utc};
use entity::{membership, membership_approval};

/// A membership row, as the API shows it.
pub struct Membership(pub membership::Model);

/// A person's membership of a community.
#[Object]
impl Membership {
    /// Globally unique, opaque identifier.
    pub async fn id(&self) -> ID {
        global_id(NodeKind::Membership, self.0.id)
    }

    /// The community.
    async fn community(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Community>> {
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders
            .community(self.0.community_id)
            .await
            .gql()?
            .map(Community))
    }

    /// The member.
    async fn person(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Person>> {
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders.person(self.0.person_id).await.gql()?.map(Person))
    }

    /// The member's organization.
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders
            .organization(self.0.organization_id)
            .await
            .gql()?
            .map(Organization))
    }

    /// The member's role.
    async fn role(&self) -> MemberRole {
        self.0.role.into()
    }

    /// The kind of leadership the member holds; null when not a leader.
    async fn leadership(&self) -> Option<Leadership> {
        self.0.leadership.map(Into::into)
    }

    /// Where the membership stands.
    async fn status(&self) -> MembershipStatus {
        self.0.status.into()
    }

    /// The approvals of the latest request, in the order they were asked for.
    async fn approvals(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<MembershipApproval>> {
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders
            .approvals_of(self.0.id)
            .await
            .gql()?
            .into_iter()
            .map(MembershipApproval)
            .collect())
    }

    /// When the person (last) asked to join or was added.
    async fn requested_at(&self) -> DateTime<Utc> {
        self.0.requested_at
    }

    /// When the membership (last) became active.
    async fn joined_at(&self) -> Option<DateTime<Utc>> {
        self.0.joined_at
    }

    /// When it last changed.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// An approval row, as the API shows it.
pub struct MembershipApproval(pub membership_approval::Model);

/// One approval a membership request needs.
#[Object]
impl MembershipApproval {
    /// Globally unique, opaque identifier.
    pub async fn id(&self) -> ID {
        global_id(NodeKind::MembershipApproval, self.0.id)
    }

    /// Who must give it.
    async fn kind(&self) -> ApprovalKind {
        self.0.kind.into()
    }

    /// Where it stands.
    async fn status(&self) -> ApprovalStatus {
        self.0.status.into()
    }

    /// The membership it is for.
    async fn membership(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Membership>> {
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders
            .membership(self.0.membership_id)
            .await
            .gql()?
            .map(Membership))
    }

    /// Who decided it.
    async fn decided_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Person>> {
        let Some(id) = self.0.decided_by_person_id else {
            return Ok(None);
        };
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders.person(id).await.gql()?.map(Person))
    }

    /// When it was decided.
    async fn decided_at(&self) -> Option<DateTime<Utc>> {
        self.0.decided_at
    }
}

/// Input naming one community.
#[derive(InputObject)]
pub struct CommunityRefInput {
    /// Global id of the community.
    pub community_id: ID,
}

/// Input of `addMember`.
#[derive(InputObject)]
pub struct AddMemberInput {
    /// Global id of the community.
    pub community_id: ID,
    /// Global id of a person of the coordinator's own organization.
    pub person_id: ID,
    /// Their role.
    #[graphql(default_with = "MemberRole::Peripheral")]
    pub role: MemberRole,
    /// Their leadership; left out, it follows the role (FORMAL for SPONSOR and COORDINATOR).
    pub leadership: MaybeUndefined<Leadership>,
}

/// Input of `decideApprovals`.
#[derive(InputObject)]
pub struct DecideApprovalsInput {
    /// Global ids of the approvals (1-100); all are decided or none.
    pub approval_ids: Vec<ID>,
    /// Give (true) or refuse (false) them.
    pub approve: bool,
}

/// Input of `changeMemberRole`.
#[derive(InputObject)]
pub struct ChangeMemberRoleInput {
    /// Global id of the membership.
    pub membership_id: ID,
    /// The new role.
    pub role: MemberRole,
    /// The leadership; left out, it follows the role; null: not a leader.
    pub leadership: MaybeUndefined<Leadership>,
}

/// Input naming one membership.
#[derive(InputObject)]
pub struct MembershipRefInput {
    /// Global id of the membership.
    pub membership_id: ID,
}

/// Input of `offboardPerson`.
#[derive(InputObject)]
pub struct OffboardPersonInput {
    /// Global id of a person of the admin's organization.
    pub person_id: ID,
}

payload!(
    /// Result of a change to a membership.
    MembershipPayload { membership: Membership }
);

payload!(
    /// Result of `decideApprovals`.
    DecideApprovalsPayload { approvals: Vec<MembershipApproval> }
);

payload!(
    /// Result of `offboardPerson`: the memberships it removed.
    OffboardPersonPayload { memberships: Vec<Membership> }
);

#[derive(Default)]
pub struct MembershipMutation;

#[Object]
impl MembershipMutation {
    /// Asks to join a community: ACTIVE at once, or PENDING with the approvals it needs.
    /// FORBIDDEN when a policy blocks it.
    async fn join_community(
        &self,
        ctx: &Context<'_>,
        input: CommunityRefInput,
    ) -> async_graphql::Result<MembershipPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.community_id, NodeKind::Community)?;
        MembershipPayload::from_result(service::membership::join(db, viewer, id).await, Membership)
    }

    /// Adds a colleague of the coordinator's own organization; policy approvals still apply.
    async fn add_member(
        &self,
        ctx: &Context<'_>,
        input: AddMemberInput,
    ) -> async_graphql::Result<MembershipPayload> {
        let (db, viewer) = context::request(ctx)?;
        let community = expect_global_id(&input.community_id, NodeKind::Community)?;
        let person = expect_global_id(&input.person_id, NodeKind::Person)?;
        MembershipPayload::from_result(
            service::membership::add_member(
                db,
                viewer,
                community,
                person,
                input.role.into(),
                patch(input.leadership),
            )
            .await,
            Membership,
        )
    }

    /// Gives or refuses approvals in bulk: all of them, or none if any cannot be decided.
    async fn decide_approvals(
        &self,
        ctx: &Context<'_>,
        input: DecideApprovalsInput,
    ) -> async_graphql::Result<DecideApprovalsPayload> {
        let (db, viewer) = context::request(ctx)?;
        let ids = input
            .approval_ids
            .iter()
            .map(|id| expect_global_id(id, NodeKind::MembershipApproval))
            .collect::<async_graphql::Result<Vec<_>>>()?;
        DecideApprovalsPayload::from_result(
            service::membership::decide_approvals(db, viewer, &ids, input.approve).await,
            |approvals| approvals.into_iter().map(MembershipApproval).collect(),
        )
    }

    /// Changes a member's role and leadership. Coordinators.
    async fn change_member_role(
        &self,
        ctx: &Context<'_>,
        input: ChangeMemberRoleInput,
    ) -> async_graphql::Result<MembershipPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.membership_id, NodeKind::Membership)?;
        MembershipPayload::from_result(
            service::membership::change_role(
                db,
                viewer,
                id,
                input.role.into(),
                patch(input.leadership),
            )
            .await,
            Membership,
        )
    }

    /// Leaves a community (or withdraws a pending request).
    async fn leave_community(
        &self,
        ctx: &Context<'_>,
        input: CommunityRefInput,
    ) -> async_graphql::Result<MembershipPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.community_id, NodeKind::Community)?;
        MembershipPayload::from_result(service::membership::leave(db, viewer, id).await, Membership)
    }

    /// Removes a member. Coordinators, and admins of the member's organization.
    async fn remove_member(
        &self,
        ctx: &Context<'_>,
        input: MembershipRefInput,
    ) -> async_graphql::Result<MembershipPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.membership_id, NodeKind::Membership)?;
        MembershipPayload::from_result(
            service::membership::remove(db, viewer, id).await,
            Membership,
        )
    }

    /// Removes one of the admin's people from every community hosted by other organizations.
    async fn offboard_person(
        &self,
        ctx: &Context<'_>,
        input: OffboardPersonInput,
    ) -> async_graphql::Result<OffboardPersonPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.person_id, NodeKind::Person)?;
        OffboardPersonPayload::from_result(
            service::membership::offboard(db, viewer, id).await,
            |memberships| memberships.into_iter().map(Membership).collect(),
        )
    }
}
