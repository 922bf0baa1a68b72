//! Organizations in communities: the participation type, invitations and their answers.

use super::{
    community::Community,
    context,
    enums::{ParticipationStatus, ParticipationTier},
    error::{payload, GqlResult},
    loaders::Loaders,
    node::{expect_global_id, global_id, NodeKind},
    organization::Organization,
    person::Person,
};
use crate::service::{
    self,
    participation::{Departure, PartnerDecision},
};
use async_graphql::{Context, InputObject, Object, ID};
use chrono::{DateTime, Utc};
use entity::participation;

/// A participation row, as the API shows it.
pub struct Participation(pub participation::Model);

/// An organization's place in a community, from invitation to departure.
#[Object]
impl Participation {
    /// Globally unique, opaque identifier.
    pub async fn id(&self) -> ID {
        global_id(NodeKind::Participation, self.0.id)
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

    /// The organization taking part.
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders
            .organization(self.0.organization_id)
            .await
            .gql()?
            .map(Organization))
    }

    /// What the organization's people may do there.
    async fn tier(&self) -> ParticipationTier {
        self.0.tier.into()
    }

    /// Where the participation stands (an unanswered invitation past its expiry is EXPIRED).
    async fn status(&self) -> ParticipationStatus {
        self.0.effective_status(Utc::now()).into()
    }

    /// The organization's local sponsor, named when it accepted.
    async fn sponsor(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Person>> {
        let Some(id) = self.0.sponsor_person_id else {
            return Ok(None);
        };
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders.person(id).await.gql()?.map(Person))
    }

    /// When the organization was (last) invited.
    async fn invited_at(&self) -> DateTime<Utc> {
        self.0.invited_at
    }

    /// When the invitation expires (null for the host).
    async fn expires_at(&self) -> Option<DateTime<Utc>> {
        self.0.expires_at
    }

    /// When the organization accepted.
    async fn accepted_at(&self) -> Option<DateTime<Utc>> {
        self.0.accepted_at
    }

    /// When it declined, left or was removed.
    async fn ended_at(&self) -> Option<DateTime<Utc>> {
        self.0.ended_at
    }
}

/// Input of `inviteOrganization`.
#[derive(InputObject)]
pub struct InviteOrganizationInput {
    /// Global id of the community.
    pub community_id: ID,
    /// Global id of the partner organization (an ACTIVE partnership is required).
    pub organization_id: ID,
    /// What its people may do.
    #[graphql(default_with = "ParticipationTier::Participate")]
    pub tier: ParticipationTier,
    /// Days the invitation stays open (1-90).
    #[graphql(default = 14)]
    pub expires_in_days: i32,
}

/// Input of `acceptInvitation`.
#[derive(InputObject)]
pub struct AcceptInvitationInput {
    /// Global id of the participation (the invitation).
    pub participation_id: ID,
    /// Global id of the organization's local sponsor: one of its people.
    pub sponsor_id: ID,
}

/// Input naming one participation.
#[derive(InputObject)]
pub struct ParticipationRefInput {
    /// Global id of the participation.
    pub participation_id: ID,
}

payload!(
    /// Result of a change to a participation.
    ParticipationPayload { participation: Participation }
);

#[derive(Default)]
pub struct ParticipationMutation;

async fn depart(
    ctx: &Context<'_>,
    input: ParticipationRefInput,
    departure: Departure,
) -> async_graphql::Result<ParticipationPayload> {
    let (db, viewer) = context::request(ctx)?;
    let id = expect_global_id(&input.participation_id, NodeKind::Participation)?;
    ParticipationPayload::from_result(
        service::participation::end_participation(db, viewer, id, departure).await,
        Participation,
    )
}

#[Object]
impl ParticipationMutation {
    /// Invites a partner organization to a community. Host coordinators and host admins.
    async fn invite_organization(
        &self,
        ctx: &Context<'_>,
        input: InviteOrganizationInput,
    ) -> async_graphql::Result<ParticipationPayload> {
        let (db, viewer) = context::request(ctx)?;
        let community = expect_global_id(&input.community_id, NodeKind::Community)?;
        let organization = expect_global_id(&input.organization_id, NodeKind::Organization)?;
        ParticipationPayload::from_result(
            service::participation::invite(
                db,
                viewer,
                community,
                organization,
                input.tier.into(),
                input.expires_in_days,
            )
            .await,
            Participation,
        )
    }

    /// Accepts an invitation, naming the organization's local sponsor. Its admins only.
    async fn accept_invitation(
        &self,
        ctx: &Context<'_>,
        input: AcceptInvitationInput,
    ) -> async_graphql::Result<ParticipationPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.participation_id, NodeKind::Participation)?;
        let sponsor_id = expect_global_id(&input.sponsor_id, NodeKind::Person)?;
        ParticipationPayload::from_result(
            service::participation::decide_invitation(
                db,
                viewer,
                id,
                PartnerDecision::Accept { sponsor_id },
            )
            .await,
            Participation,
        )
    }

    /// Declines an invitation. The invited organization's admins only.
    async fn decline_invitation(
        &self,
        ctx: &Context<'_>,
        input: ParticipationRefInput,
    ) -> async_graphql::Result<ParticipationPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.participation_id, NodeKind::Participation)?;
        ParticipationPayload::from_result(
            service::participation::decide_invitation(db, viewer, id, PartnerDecision::Decline)
                .await,
            Participation,
        )
    }

    /// Removes an organization from a community (or withdraws its invitation); its people's
    /// memberships are suspended. Host coordinators and host admins.
    async fn remove_organization(
        &self,
        ctx: &Context<'_>,
        input: ParticipationRefInput,
    ) -> async_graphql::Result<ParticipationPayload> {
        depart(ctx, input, Departure::RemovedByHost).await
    }

    /// Withdraws the viewer's organization from a community; its people's memberships are
    /// suspended. Its admins only.
    async fn withdraw_organization(
        &self,
        ctx: &Context<'_>,
        input: ParticipationRefInput,
    ) -> async_graphql::Result<ParticipationPayload> {
        depart(ctx, input, Departure::Withdrawn).await
    }
}
