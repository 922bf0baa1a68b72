//! People as the API shows them.

use super::{
    context,
    error::GqlResult,
    loaders::Loaders,
    node::{global_id, NodeKind},
    organization::Organization,
};
use crate::access;
use async_graphql::{Context, Object, ID};
use chrono::{DateTime, Utc};
use entity::person;

/// A person row, as the API shows it.
pub struct Person(pub person::Model);

impl Person {
    /// A person by id through the request's loader; null when the viewer may not see them.
    pub async fn load(ctx: &Context<'_>, id: uuid::Uuid) -> async_graphql::Result<Option<Self>> {
        let loaders = ctx.data::<super::loaders::Loaders>()?;
        Ok(loaders.person(id).await.gql()?.map(Self))
    }
}

/// A person of an organization, known to Praxis since their first signed-in request.
#[Object]
impl Person {
    /// Globally unique, opaque identifier.
    pub async fn id(&self) -> ID {
        global_id(NodeKind::Person, self.0.id)
    }

    /// Name from the person's identity provider, if it sends one.
    async fn display_name(&self) -> Option<&str> {
        self.0.display_name.as_deref()
    }

    /// Email from the person's identity provider, if it sends one. Private: null for
    /// viewers of other organizations.
    async fn email(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<&str>> {
        let (_, viewer) = context::request(ctx)?;
        Ok(access::sees_private_profile(viewer, self.0.organization_id)
            .then_some(self.0.email.as_deref())
            .flatten())
    }

    /// The organization the person belongs to.
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders
            .organization(self.0.organization_id)
            .await
            .gql()?
            .map(Organization))
    }

    /// When Praxis first saw the person.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// When the person last made a request (to within five minutes). Private: null for
    /// viewers of other organizations.
    async fn last_seen_at(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<DateTime<Utc>>> {
        let (_, viewer) = context::request(ctx)?;
        Ok(access::sees_private_profile(viewer, self.0.organization_id)
            .then_some(self.0.last_seen_at))
    }

    /// The person's business unit. Admins of their organization, the person, the operator;
    /// null for others.
    async fn business_unit(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<&str>> {
        let (_, viewer) = context::request(ctx)?;
        Ok(
            access::sees_business_unit(viewer, self.0.id, self.0.organization_id)
                .then_some(self.0.business_unit.as_deref())
                .flatten(),
        )
    }
}
