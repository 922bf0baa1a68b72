//! `viewer`: who the token belongs to.

use super::{
    context, error::GqlResult, loaders::Loaders, organization::Organization, person::Person,
};
use crate::{access, auth};
use async_graphql::{Context, Object};

/// The authenticated viewer, as the API shows it.
pub struct Viewer(auth::Viewer);

/// The bearer of the request's token.
#[Object]
impl Viewer {
    /// The signed-in person; null for the platform operator.
    async fn person(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Person>> {
        let Some(me) = self.0.person() else {
            return Ok(None);
        };
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders.person(me.person_id).await.gql()?.map(Person))
    }

    /// The person's organization; null for the platform operator.
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        let Some(me) = self.0.person() else {
            return Ok(None);
        };
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders
            .organization(me.organization_id)
            .await
            .gql()?
            .map(Organization))
    }

    /// Whether the token carries its organization's admin claim.
    async fn is_admin(&self) -> bool {
        self.0.person().is_some_and(|p| p.is_admin)
    }

    /// Whether the bearer is the platform operator.
    async fn is_operator(&self) -> bool {
        self.0.is_operator()
    }
}

#[derive(Default)]
pub struct ViewerQuery;

#[Object]
impl ViewerQuery {
    /// The bearer of this request's token. UNAUTHENTICATED without one.
    async fn viewer(&self, ctx: &Context<'_>) -> async_graphql::Result<Viewer> {
        let (_, viewer) = context::request(ctx)?;
        access::require_signed_in(viewer).gql()?;
        Ok(Viewer(viewer.clone()))
    }
}
