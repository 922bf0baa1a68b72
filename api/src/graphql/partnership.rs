//! Partnerships between organizations: the type, and the admins' mutations.

use super::{
    context,
    enums::{PartnerPolicy, PartnershipStatus},
    error::{patch, payload, GqlResult},
    loaders::Loaders,
    node::{expect_global_id, global_id, NodeKind},
    organization::Organization,
};
use crate::service::{self, partnership::Transition};
use async_graphql::{Context, InputObject, MaybeUndefined, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use entity::{organization as organization_row, partnership};
use uuid::Uuid;

/// A partnership row, as the API shows it.
pub struct Partnership(pub partnership::Model);

async fn load_org(ctx: &Context<'_>, id: Uuid) -> async_graphql::Result<Option<Organization>> {
    let loaders = ctx.data::<Loaders>()?;
    Ok(loaders.organization(id).await.gql()?.map(Organization))
}

impl Partnership {
    /// The side the viewer speaks for: their organization, or the proposer for the operator.
    fn my_side(&self, ctx: &Context<'_>) -> async_graphql::Result<Uuid> {
        let (_, viewer) = context::request(ctx)?;
        Ok(viewer
            .person()
            .map(|me| me.organization_id)
            .filter(|org| self.0.involves(*org))
            .unwrap_or(self.0.proposer_organization_id))
    }

    async fn my_organization(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<organization_row::Model>> {
        let loaders = ctx.data::<Loaders>()?;
        loaders.organization(self.my_side(ctx)?).await.gql()
    }
}

/// Two organizations' agreement to share communities, with each side's policy for the other.
#[Object]
impl Partnership {
    /// Globally unique, opaque identifier.
    pub async fn id(&self) -> ID {
        global_id(NodeKind::Partnership, self.0.id)
    }

    /// The organization that proposed it.
    async fn proposer(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        load_org(ctx, self.0.proposer_organization_id).await
    }

    /// The organization it was proposed to.
    async fn recipient(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        load_org(ctx, self.0.recipient_organization_id()).await
    }

    /// The side that is not the viewer's organization (for the operator: the recipient).
    async fn partner(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        load_org(ctx, self.0.partner_of(self.my_side(ctx)?)).await
    }

    /// Where the partnership stands.
    async fn status(&self) -> PartnershipStatus {
        self.0.status.into()
    }

    /// The proposer's message.
    async fn message(&self) -> Option<&str> {
        self.0.message.as_deref()
    }

    /// The viewer's organization's inbound policy for the partner, in effect (override or
    /// default). For the operator: the proposer's.
    async fn inbound_policy(&self, ctx: &Context<'_>) -> async_graphql::Result<PartnerPolicy> {
        let side = self.my_side(ctx)?;
        let default = self
            .my_organization(ctx)
            .await?
            .map(|o| o.default_inbound_policy)
            .unwrap_or(entity::enums::PartnerPolicy::Allowed);
        Ok(self.0.overrides_of(side).0.unwrap_or(default).into())
    }

    /// The viewer's organization's outbound policy for the partner, in effect.
    async fn outbound_policy(&self, ctx: &Context<'_>) -> async_graphql::Result<PartnerPolicy> {
        let side = self.my_side(ctx)?;
        let default = self
            .my_organization(ctx)
            .await?
            .map(|o| o.default_outbound_policy)
            .unwrap_or(entity::enums::PartnerPolicy::Allowed);
        Ok(self.0.overrides_of(side).1.unwrap_or(default).into())
    }

    /// The viewer's organization's inbound override; null when it follows the default.
    async fn inbound_override(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<PartnerPolicy>> {
        Ok(self.0.overrides_of(self.my_side(ctx)?).0.map(Into::into))
    }

    /// The viewer's organization's outbound override; null when it follows the default.
    async fn outbound_override(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<PartnerPolicy>> {
        Ok(self.0.overrides_of(self.my_side(ctx)?).1.map(Into::into))
    }

    /// The organization that suspended it, while it is suspended.
    async fn suspended_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        match self.0.suspended_by_organization_id {
            Some(id) => load_org(ctx, id).await,
            None => Ok(None),
        }
    }

    /// When it was first proposed.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// When it last changed.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }

    /// When it was last accepted.
    async fn accepted_at(&self) -> Option<DateTime<Utc>> {
        self.0.accepted_at
    }

    /// When it was declined or ended.
    async fn ended_at(&self) -> Option<DateTime<Utc>> {
        self.0.ended_at
    }
}

/// An organization's default policies for partners without an override.
#[derive(SimpleObject)]
pub struct PartnerPolicyDefaults {
    /// May partners' people join our communities.
    pub inbound: PartnerPolicy,
    /// May our people join partners' communities.
    pub outbound: PartnerPolicy,
}

impl From<&organization_row::Model> for PartnerPolicyDefaults {
    fn from(org: &organization_row::Model) -> Self {
        Self {
            inbound: org.default_inbound_policy.into(),
            outbound: org.default_outbound_policy.into(),
        }
    }
}

/// Input of `proposePartnership`.
#[derive(InputObject)]
pub struct ProposePartnershipInput {
    /// Slug of the organization to partner with.
    pub partner_slug: String,
    /// A note to the partner's admins (at most 2,000 characters).
    pub message: Option<String>,
}

/// Input naming one partnership.
#[derive(InputObject)]
pub struct PartnershipRefInput {
    /// Global id of the partnership.
    pub partnership_id: ID,
}

/// Input of `setPartnerPolicy`: a field left out is unchanged, an explicit null returns it to
/// the organization's default.
#[derive(InputObject)]
pub struct SetPartnerPolicyInput {
    /// Global id of the partnership.
    pub partnership_id: ID,
    /// Our inbound policy for this partner.
    pub inbound: MaybeUndefined<PartnerPolicy>,
    /// Our outbound policy for this partner.
    pub outbound: MaybeUndefined<PartnerPolicy>,
}

/// Input of `setPartnerPolicyDefaults`: a field left out is unchanged.
#[derive(InputObject)]
pub struct SetPartnerPolicyDefaultsInput {
    /// Global id of the organization (the viewer's own).
    pub organization_id: ID,
    /// Default inbound policy.
    pub inbound: Option<PartnerPolicy>,
    /// Default outbound policy.
    pub outbound: Option<PartnerPolicy>,
}

payload!(
    /// Result of a change to a partnership.
    PartnershipPayload { partnership: Partnership }
);

payload!(
    /// Result of `setPartnerPolicyDefaults`.
    PartnerPolicyDefaultsPayload { defaults: PartnerPolicyDefaults }
);

#[derive(Default)]
pub struct PartnershipMutation;

async fn transition(
    ctx: &Context<'_>,
    input: PartnershipRefInput,
    transition: Transition,
) -> async_graphql::Result<PartnershipPayload> {
    let (db, viewer) = context::request(ctx)?;
    let id = expect_global_id(&input.partnership_id, NodeKind::Partnership)?;
    PartnershipPayload::from_result(
        service::partnership::transition(db, viewer, id, transition).await,
        Partnership,
    )
}

#[Object]
impl PartnershipMutation {
    /// Proposes a partnership to another organization. Admins only.
    async fn propose_partnership(
        &self,
        ctx: &Context<'_>,
        input: ProposePartnershipInput,
    ) -> async_graphql::Result<PartnershipPayload> {
        let (db, viewer) = context::request(ctx)?;
        PartnershipPayload::from_result(
            service::partnership::propose(db, viewer, &input.partner_slug, input.message).await,
            Partnership,
        )
    }

    /// Accepts a proposal made to the viewer's organization. Admins only.
    async fn accept_partnership(
        &self,
        ctx: &Context<'_>,
        input: PartnershipRefInput,
    ) -> async_graphql::Result<PartnershipPayload> {
        transition(ctx, input, Transition::Accept).await
    }

    /// Declines a proposal made to the viewer's organization. Admins only.
    async fn decline_partnership(
        &self,
        ctx: &Context<'_>,
        input: PartnershipRefInput,
    ) -> async_graphql::Result<PartnershipPayload> {
        transition(ctx, input, Transition::Decline).await
    }

    /// Suspends an active partnership: the partner's people lose access to shared
    /// communities at once. Admins of either side.
    async fn suspend_partnership(
        &self,
        ctx: &Context<'_>,
        input: PartnershipRefInput,
    ) -> async_graphql::Result<PartnershipPayload> {
        transition(ctx, input, Transition::Suspend).await
    }

    /// Resumes a partnership the viewer's organization suspended; access is restored.
    async fn resume_partnership(
        &self,
        ctx: &Context<'_>,
        input: PartnershipRefInput,
    ) -> async_graphql::Result<PartnershipPayload> {
        transition(ctx, input, Transition::Resume).await
    }

    /// Ends a partnership (or withdraws a proposal). Admins of either side.
    async fn end_partnership(
        &self,
        ctx: &Context<'_>,
        input: PartnershipRefInput,
    ) -> async_graphql::Result<PartnershipPayload> {
        transition(ctx, input, Transition::End).await
    }

    /// Sets the viewer's organization's policy for one partner. Admins only.
    async fn set_partner_policy(
        &self,
        ctx: &Context<'_>,
        input: SetPartnerPolicyInput,
    ) -> async_graphql::Result<PartnershipPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.partnership_id, NodeKind::Partnership)?;
        PartnershipPayload::from_result(
            service::partnership::set_policy(
                db,
                viewer,
                id,
                patch(input.inbound),
                patch(input.outbound),
            )
            .await,
            Partnership,
        )
    }

    /// Sets an organization's default partner policies. Its admins only.
    async fn set_partner_policy_defaults(
        &self,
        ctx: &Context<'_>,
        input: SetPartnerPolicyDefaultsInput,
    ) -> async_graphql::Result<PartnerPolicyDefaultsPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.organization_id, NodeKind::Organization)?;
        PartnerPolicyDefaultsPayload::from_result(
            service::partnership::set_defaults(
                db,
                viewer,
                id,
                input.inbound.map(Into::into),
                input.outbound.map(Into::into),
            )
            .await,
            |org| PartnerPolicyDefaults::from(&org),
        )
    }
}
