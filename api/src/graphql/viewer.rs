//! `viewer`: who the token belongs to.

use super::{
    business_unit::DivisionLeader,
    connection::{listing_connection, PageArgs, PraxisConnection},
    context,
    enums::MembershipStatus,
    error::GqlResult,
    knowledge_enums::ProblemOrder,
    loaders::Loaders,
    membership::{Membership, MembershipApproval},
    organization::Organization,
    person::Person,
    problem::{problem_connection, Problem, ProblemFilter},
};
use crate::{
    access, auth,
    service::{
        self,
        membership::{MembershipFilter, MembershipScope},
        page::PageRequest,
    },
};
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

    /// The viewer's own memberships (their communities, with role and status), oldest first.
    #[graphql(complexity = "PageRequest::size_hint(first, last) * child_complexity")]
    async fn memberships(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only memberships in this status.")] status: Option<MembershipStatus>,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Returns items before this cursor.")] before: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<Membership>> {
        let (db, viewer) = context::request(ctx)?;
        let filter = MembershipFilter {
            status: status.map(Into::into),
            ..MembershipFilter::default()
        };
        let listing =
            service::membership::listing(db, viewer, MembershipScope::Viewer, &filter).await;
        listing_connection(
            ctx,
            listing,
            PageArgs {
                first,
                after,
                last,
                before,
            },
            |m| m.id,
            Membership,
        )
        .await
    }

    /// Problems the viewer follows, in every community they may see.
    #[graphql(complexity = "PageRequest::size_hint(first, last) * child_complexity")]
    #[allow(clippy::too_many_arguments)]
    async fn followed_problems(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Narrows the list.")] filter: Option<ProblemFilter>,
        #[graphql(desc = "The order of the list.", default_with = "ProblemOrder::Newest")]
        order_by: ProblemOrder,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Returns items before this cursor.")] before: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<Problem>> {
        let filter = filter.unwrap_or_default().into_service(None).map(|mut f| {
            f.followed = true;
            f
        });
        problem_connection(
            ctx,
            filter,
            order_by.into(),
            PageArgs {
                first,
                after,
                last,
                before,
            },
        )
        .await
    }

    /// Approvals waiting for the viewer: as a coordinator, a host admin or an admin of the
    /// member's organization. Oldest first.
    #[graphql(complexity = "PageRequest::size_hint(first, last) * child_complexity")]
    async fn pending_approvals(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Returns items before this cursor.")] before: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<MembershipApproval>> {
        let (_, viewer) = context::request(ctx)?;
        let listing = service::membership::pending_approvals(viewer);
        listing_connection(
            ctx,
            listing,
            PageArgs {
                first,
                after,
                last,
                before,
            },
            |a| a.id,
            MembershipApproval,
        )
        .await
    }

    /// Events that have not ended, of communities the viewer is an ACTIVE member of or that
    /// they answered GOING, MAYBE or WAITLISTED; by start.
    #[graphql(complexity = "PageRequest::size_hint(first, None) * child_complexity")]
    async fn upcoming_events(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<super::event::Event>> {
        let scope = service::event::EventScope::Upcoming(chrono::Utc::now());
        let args = PageArgs {
            first,
            after,
            last: None,
            before: None,
        };
        super::event::event_connection(ctx, scope, &service::event::EventFilter::default(), args)
            .await
    }

    /// The viewer's calendar feed, if they have one (its URLs are shown only by
    /// `rotateCalendarFeed`).
    async fn calendar_feed(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<super::calendar::CalendarFeed>> {
        let (db, _) = context::request(ctx)?;
        Ok(service::calendar::feed_of(db, &self.0)
            .await
            .gql()?
            .map(super::calendar::CalendarFeed))
    }

    /// The business units the viewer leads.
    async fn divisions(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<DivisionLeader>> {
        let (db, _) = context::request(ctx)?;
        let divisions = service::business_unit::viewer_divisions(db, &self.0).await;
        Ok(divisions.gql()?.into_iter().map(DivisionLeader).collect())
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
