//! Audit events as the API shows them.

use super::{
    community::Community,
    enums::AuditAction,
    error::GqlResult,
    loaders::Loaders,
    node::{global_id, NodeKind},
    organization::Organization,
    person::Person,
};
use async_graphql::{Context, InputObject, Json, Object, ID};
use chrono::{DateTime, Utc};
use entity::audit_event;
use uuid::Uuid;

/// An audit event row, as the API shows it.
pub struct AuditEvent(pub audit_event::Model);

async fn organization(
    ctx: &Context<'_>,
    id: Option<Uuid>,
) -> async_graphql::Result<Option<Organization>> {
    let Some(id) = id else {
        return Ok(None);
    };
    let loaders = ctx.data::<Loaders>()?;
    Ok(loaders.organization(id).await.gql()?.map(Organization))
}

/// A recorded change: who did what, to which object, for which organizations.
#[Object]
impl AuditEvent {
    /// Globally unique, opaque identifier.
    pub async fn id(&self) -> ID {
        global_id(NodeKind::AuditEvent, self.0.id)
    }

    /// What happened.
    async fn action(&self) -> AuditAction {
        self.0.action.into()
    }

    /// When it happened.
    async fn occurred_at(&self) -> DateTime<Utc> {
        self.0.occurred_at
    }

    /// Who did it, when the viewer may see them.
    async fn actor(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Person>> {
        let Some(id) = self.0.actor_person_id else {
            return Ok(None);
        };
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders.person(id).await.gql()?.map(Person))
    }

    /// The actor's name when it happened (`operator:SUBJECT` for the platform operator).
    async fn actor_name(&self) -> &str {
        &self.0.actor_name
    }

    /// The actor's organization.
    async fn actor_organization(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<Organization>> {
        organization(ctx, self.0.actor_organization_id).await
    }

    /// The organization the change concerns first (the host of a community, the proposer of
    /// a partnership, ...).
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        organization(ctx, Some(self.0.organization_id)).await
    }

    /// The other organization it concerns, if any.
    async fn other_organization(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<Organization>> {
        organization(ctx, self.0.other_organization_id).await
    }

    /// The community it concerns, when the viewer may see it.
    async fn community(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Community>> {
        let Some(id) = self.0.community_id else {
            return Ok(None);
        };
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders.community(id).await.gql()?.map(Community))
    }

    /// Global id of the changed object.
    async fn target_id(&self) -> Option<ID> {
        let kind = match self.0.target_type.as_str() {
            "Partnership" => NodeKind::Partnership,
            "Community" => NodeKind::Community,
            "Participation" => NodeKind::Participation,
            "Membership" => NodeKind::Membership,
            "Organization" => NodeKind::Organization,
            _ => return None,
        };
        self.0.target_id.map(|id| global_id(kind, id))
    }

    /// The object's state before the change (JSON; null for a creation).
    async fn before(&self) -> Option<Json<serde_json::Value>> {
        self.0.before.clone().map(Json)
    }

    /// The object's state after the change, with what it changed elsewhere (JSON).
    async fn after(&self) -> Option<Json<serde_json::Value>> {
        self.0.after.clone().map(Json)
    }
}

/// Filters of `auditEvents`.
#[derive(InputObject, Default)]
pub struct AuditEventFilter {
    /// Only these actions.
    pub actions: Option<Vec<AuditAction>>,
    /// Only events of this community.
    pub community_id: Option<ID>,
    /// Only events that concern this partner organization too.
    pub partner_id: Option<ID>,
    /// Only events at or after this time.
    pub since: Option<DateTime<Utc>>,
    /// Only events before this time.
    pub until: Option<DateTime<Utc>>,
}
