//! Communities: the type with its participants and members, the portal queries, and the
//! mutations that create and change them.

use super::{
    application::Application,
    article::{ArticleFilter, KnowledgeArticle},
    connection::{listing_connection, PageArgs, PraxisConnection},
    context::{self, ServiceSettings},
    enums::{
        CommunityVisibility, JoinRule, LifecycleStage, MemberRole, MembershipStatus,
        ParticipationStatus,
    },
    error::{payload, GqlResult},
    knowledge_enums::{ArticleOrder, ProblemOrder},
    loaders::Loaders,
    membership::Membership,
    node::{expect_global_id, global_id, NodeKind},
    organization::Organization,
    participation::Participation,
    problem::{problem_connection, Problem, ProblemFilter},
    report::{CommunityHealth, PeriodInput, RhythmReport},
    report_leadership::CommunityLeadership,
    report_value::ValueReport,
    siblings::sibling_connection,
};
use crate::service::{
    self,
    application::ApplicationFilter,
    community::{CommunityFilter as Filter, CommunityPatch, NewCommunity},
    membership::{MembershipFilter, MembershipScope},
    page::PageRequest,
    participation::ParticipationScope,
};
use async_graphql::{Context, InputObject, Object, ID};
use chrono::{DateTime, Utc};
use entity::community;

/// A community row, as the API shows it.
pub struct Community(pub community::Model);

/// A community of practice: hosted by one organization, federated to partners.
#[Object]
impl Community {
    /// Globally unique, opaque identifier.
    pub async fn id(&self) -> ID {
        global_id(NodeKind::Community, self.0.id)
    }

    /// The host organization.
    async fn host(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders
            .organization(self.0.host_organization_id)
            .await
            .gql()?
            .map(Organization))
    }

    /// Short name, unique within the host.
    async fn slug(&self) -> &str {
        &self.0.slug
    }

    /// Display name.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// What the community is for.
    async fn purpose(&self) -> &str {
        &self.0.purpose
    }

    /// Topics, as slugs.
    async fn tags(&self) -> Vec<String> {
        self.0.tag_list()
    }

    /// Who may see it.
    async fn visibility(&self) -> CommunityVisibility {
        self.0.visibility.into()
    }

    /// Where it is in its life.
    async fn stage(&self) -> LifecycleStage {
        self.0.stage.into()
    }

    /// The charter: domain, practices, norms (Markdown).
    async fn charter(&self) -> &str {
        &self.0.charter
    }

    /// Whether joining needs a coordinator's approval.
    async fn join_rule(&self) -> JoinRule {
        self.0.join_rule.into()
    }

    /// The usual number of days between events, when a host coordinator declared one
    /// (`setCommunityRhythm`); the rhythm report otherwise uses the median gap.
    async fn rhythm_interval_days(&self) -> Option<i32> {
        self.0.rhythm_interval_days
    }

    /// When it was created.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// When its settings last changed.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }

    /// The viewer's own membership, whatever its status; null if they never asked to join.
    async fn viewer_membership(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<Membership>> {
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders
            .viewer_membership(self.0.id)
            .await
            .gql()?
            .map(Membership))
    }

    /// Whether the viewer coordinates this community (an active coordinator, or an admin of
    /// the host).
    async fn viewer_coordinates(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let (_, viewer) = context::request(ctx)?;
        let loaders = ctx.data::<Loaders>()?;
        let own = loaders.viewer_membership(self.0.id).await.gql()?;
        Ok(crate::access::coordinates_with(
            viewer,
            &self.0,
            own.as_ref(),
        ))
    }

    /// Problems posted here, as the viewer may see them.
    #[graphql(complexity = "PageRequest::size_hint(first, last) * child_complexity")]
    #[allow(clippy::too_many_arguments)]
    async fn problems(
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
        let (_, viewer) = context::request(ctx)?;
        let filter = filter.unwrap_or_default().into_service(Some(self.0.id))?;
        let order = order_by.into();
        let args = PageArgs {
            first,
            after,
            last,
            before,
        };
        let siblings = service::problem::visible_by_community(viewer, &filter, order);
        let one = |args| problem_connection(ctx, Ok(filter), order, args);
        sibling_connection(ctx, siblings, self.0.id, args, |p| p.id, Problem, one).await
    }

    /// The organizations taking part (the host included), oldest first. Members see the
    /// ACTIVE ones; coordinators see all.
    #[graphql(complexity = "PageRequest::size_hint(first, last) * child_complexity")]
    #[allow(clippy::too_many_arguments)]
    async fn participants(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only participations in this status.")] status: Option<
            ParticipationStatus,
        >,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Returns items before this cursor.")] before: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<Participation>> {
        let (_, viewer) = context::request(ctx)?;
        let status = status.map(Into::into);
        let args = PageArgs {
            first,
            after,
            last,
            before,
        };
        let siblings = service::participation::participants_by_community(viewer, status);
        let one = |args| async move {
            let (db, viewer) = context::request(ctx)?;
            let scope = ParticipationScope::Community(self.0.id);
            let listing = service::participation::listing(db, viewer, scope, status).await;
            listing_connection(ctx, listing, args, |p| p.id, Participation).await
        };
        sibling_connection(ctx, siblings, self.0.id, args, |p| p.id, Participation, one).await
    }

    /// Members the viewer may see, in the order they first asked to join. Members see the
    /// ACTIVE ones; coordinators see every status.
    #[graphql(complexity = "PageRequest::size_hint(first, last) * child_complexity")]
    #[allow(clippy::too_many_arguments)]
    async fn members(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only people of this organization.")] organization_id: Option<ID>,
        #[graphql(desc = "Only members with this role.")] role: Option<MemberRole>,
        #[graphql(desc = "Only memberships in this status.")] status: Option<MembershipStatus>,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Returns items before this cursor.")] before: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<Membership>> {
        let (_, viewer) = context::request(ctx)?;
        let filter = MembershipFilter {
            organization_id: organization_id
                .map(|id| expect_global_id(&id, NodeKind::Organization))
                .transpose()?,
            person_id: None,
            role: role.map(Into::into),
            status: status.map(Into::into),
        };
        let args = PageArgs {
            first,
            after,
            last,
            before,
        };
        let siblings = service::membership::members_by_community(viewer, &filter);
        let one = |args| async move {
            let (db, viewer) = context::request(ctx)?;
            let scope = MembershipScope::Community(self.0.id);
            let listing = service::membership::listing(db, viewer, scope, &filter).await;
            listing_connection(ctx, listing, args, |m| m.id, Membership).await
        };
        sibling_connection(ctx, siblings, self.0.id, args, |m| m.id, Membership, one).await
    }

    /// Knowledge articles the viewer may see (drafts and reviews only for their authors and
    /// coordinators).
    #[graphql(complexity = "PageRequest::size_hint(first, last) * child_complexity")]
    #[allow(clippy::too_many_arguments)]
    async fn articles(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Narrows the list.")] filter: Option<ArticleFilter>,
        #[graphql(desc = "The order of the list.", default_with = "ArticleOrder::Newest")]
        order_by: ArticleOrder,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Returns items before this cursor.")] before: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<KnowledgeArticle>> {
        let (_, viewer) = context::request(ctx)?;
        let filter = filter.unwrap_or_default().in_community(self.0.id)?;
        let order = order_by.into();
        let args = PageArgs {
            first,
            after,
            last,
            before,
        };
        let siblings = service::article::visible_by_community(viewer, &filter, order);
        let one = |args| {
            let listing = service::article::visible(viewer, &filter, order);
            listing_connection(ctx, listing, args, |a| a.id, KnowledgeArticle)
        };
        sibling_connection(
            ctx,
            siblings,
            self.0.id,
            args,
            |a| a.id,
            KnowledgeArticle,
            one,
        )
        .await
    }

    /// Events of the community (and occurrences of its series), by start.
    #[graphql(complexity = "PageRequest::size_hint(first, last) * child_complexity")]
    #[allow(clippy::too_many_arguments)]
    async fn events(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Returns items before this cursor.")] before: Option<String>,
        #[graphql(desc = "Only events starting at or after this instant.")] from: Option<
            chrono::DateTime<chrono::Utc>,
        >,
        #[graphql(desc = "Only events starting before this instant.")] to: Option<
            chrono::DateTime<chrono::Utc>,
        >,
        #[graphql(desc = "Only events of these kinds.")] kinds: Option<
            Vec<super::event::EventKind>,
        >,
        #[graphql(desc = "Whether cancelled events are listed.", default = true)] include_cancelled: bool,
    ) -> async_graphql::Result<PraxisConnection<super::event::Event>> {
        let filter = service::event::EventFilter {
            from,
            to,
            kinds: kinds.map(|k| k.into_iter().map(Into::into).collect()),
            include_cancelled,
        };
        let args = PageArgs {
            first,
            after,
            last,
            before,
        };
        let (_, viewer) = context::request(ctx)?;
        let siblings = service::event::listing_by_community(viewer, &filter);
        let one = |args| {
            let scope = service::event::EventScope::Community(self.0.id);
            super::event::event_connection(ctx, scope, &filter, args)
        };
        let event = super::event::Event;
        sibling_connection(ctx, siblings, self.0.id, args, |e| e.id, event, one).await
    }

    /// Recurring series of the community, oldest first.
    #[graphql(complexity = "PageRequest::size_hint(first, None) * child_complexity")]
    async fn event_series(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<super::event::EventSeries>> {
        let (_, viewer) = context::request(ctx)?;
        let listing = service::event::community_series(viewer, self.0.id);
        let args = PageArgs {
            first,
            after,
            last: None,
            before: None,
        };
        listing_connection(ctx, listing, args, |s| s.id, super::event::EventSeries).await
    }

    /// Reported applications of the community's knowledge, newest first.
    #[graphql(complexity = "PageRequest::size_hint(first, last) * child_complexity")]
    async fn applications(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Returns items before this cursor.")] before: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<Application>> {
        let (_, viewer) = context::request(ctx)?;
        let filter = ApplicationFilter {
            community_id: Some(self.0.id),
            ..ApplicationFilter::default()
        };
        let args = PageArgs {
            first,
            after,
            last,
            before,
        };
        let siblings = service::application::visible_by_community(viewer, &filter);
        let one = |args| {
            let listing = service::application::visible(viewer, &filter);
            listing_connection(ctx, listing, args, |a| a.id, Application)
        };
        sibling_connection(ctx, siblings, self.0.id, args, |a| a.id, Application, one).await
    }

    /// How often the community meets, who comes, and where it went quiet, over a period.
    async fn rhythm(
        &self,
        ctx: &Context<'_>,
        period: PeriodInput,
    ) -> async_graphql::Result<RhythmReport> {
        let (db, viewer) = context::request(ctx)?;
        let period = period.period().gql()?;
        let report = service::report::rhythm::rhythm(db, viewer, self.0.id, period).await;
        report.map(RhythmReport).gql()
    }

    /// Who leads the community, and which organizations lack a leader there.
    async fn leadership(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            default = 5,
            desc = "Members from which an organization should have a leader."
        )]
        threshold: i32,
    ) -> async_graphql::Result<CommunityLeadership> {
        let (db, viewer) = context::request(ctx)?;
        let leadership = service::report::leadership::community_leadership;
        let report = leadership(db, viewer, self.0.id, threshold).await;
        report.map(CommunityLeadership).gql()
    }

    /// What the community added up to over a period.
    async fn value_report(
        &self,
        ctx: &Context<'_>,
        period: PeriodInput,
    ) -> async_graphql::Result<ValueReport> {
        let (db, viewer) = context::request(ctx)?;
        let period = period.period().gql()?;
        let report = service::report::value::community_value(db, viewer, self.0.id, period).await;
        report.map(ValueReport::from).gql()
    }

    /// Health indicators over the last 90 days and the stage they suggest.
    async fn health(&self, ctx: &Context<'_>) -> async_graphql::Result<CommunityHealth> {
        let (db, viewer) = context::request(ctx)?;
        let dormant_after = ctx.data::<ServiceSettings>()?.dormant_after;
        let report = service::report::health::health(db, viewer, self.0.id, dormant_after).await;
        report.map(CommunityHealth).gql()
    }
}

/// Filters of `communities`.
#[derive(InputObject, Default)]
pub struct CommunityFilter {
    /// Only communities hosted by this organization.
    pub host_id: Option<ID>,
    /// Only communities at this stage.
    pub stage: Option<LifecycleStage>,
    /// Only communities with this tag.
    pub tag: Option<String>,
    /// Only those the viewer is an active member of (true), or is not (false).
    pub joined: Option<bool>,
}

#[derive(Default)]
pub struct CommunityQuery;

#[Object]
impl CommunityQuery {
    /// A community by its host's slug and its own. NOT_FOUND when the viewer may not see it.
    async fn community(
        &self,
        ctx: &Context<'_>,
        host: String,
        slug: String,
    ) -> async_graphql::Result<Community> {
        let (db, viewer) = context::request(ctx)?;
        service::community::find_by_slug(db, viewer, &host, &slug)
            .await
            .map(Community)
            .gql()
    }

    /// Communities the viewer may see (to discover and to join), oldest first.
    #[graphql(complexity = "PageRequest::size_hint(first, last) * child_complexity")]
    async fn communities(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Narrows the list.")] filter: Option<CommunityFilter>,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Returns items before this cursor.")] before: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<Community>> {
        let (_, viewer) = context::request(ctx)?;
        let filter = filter.unwrap_or_default();
        let filter = Filter {
            host_id: filter
                .host_id
                .map(|id| expect_global_id(&id, NodeKind::Organization))
                .transpose()?,
            stage: filter.stage.map(Into::into),
            tag: filter.tag,
            joined: filter.joined,
        };
        let listing = service::community::visible(viewer, &filter);
        listing_connection(
            ctx,
            listing,
            PageArgs {
                first,
                after,
                last,
                before,
            },
            |c| c.id,
            Community,
        )
        .await
    }
}

/// Input of `createCommunity`.
#[derive(InputObject)]
pub struct CreateCommunityInput {
    /// Short name, unique within the host: 2-40 lowercase letters, digits or single hyphens.
    pub slug: String,
    /// Display name (at most 120 characters).
    pub name: String,
    /// What the community is for (at most 2,000 characters).
    #[graphql(default)]
    pub purpose: String,
    /// Topics (at most 20 slugs).
    #[graphql(default)]
    pub tags: Vec<String>,
    /// Who may see it.
    #[graphql(default_with = "CommunityVisibility::Federated")]
    pub visibility: CommunityVisibility,
    /// Where it is in its life.
    #[graphql(default_with = "LifecycleStage::Potential")]
    pub stage: LifecycleStage,
    /// The charter (Markdown, at most 20,000 characters).
    #[graphql(default)]
    pub charter: String,
    /// Whether joining needs a coordinator's approval.
    #[graphql(default_with = "JoinRule::Open")]
    pub join_rule: JoinRule,
}

/// Input of `updateCommunity`: a field left out is unchanged.
#[derive(InputObject)]
pub struct UpdateCommunityInput {
    /// Global id of the community.
    pub community_id: ID,
    /// Display name.
    pub name: Option<String>,
    /// What the community is for.
    pub purpose: Option<String>,
    /// Topics (replaces the list).
    pub tags: Option<Vec<String>>,
    /// Who may see it. HOST_ONLY only without partner organizations.
    pub visibility: Option<CommunityVisibility>,
    /// Where it is in its life.
    pub stage: Option<LifecycleStage>,
    /// The charter.
    pub charter: Option<String>,
    /// Whether joining needs a coordinator's approval.
    pub join_rule: Option<JoinRule>,
}

payload!(
    /// Result of a change to a community.
    CommunityPayload { community: Community }
);

#[derive(Default)]
pub struct CommunityMutation;

#[Object]
impl CommunityMutation {
    /// Creates a community hosted by the viewer's organization; the viewer becomes its
    /// coordinator.
    async fn create_community(
        &self,
        ctx: &Context<'_>,
        input: CreateCommunityInput,
    ) -> async_graphql::Result<CommunityPayload> {
        let (db, viewer) = context::request(ctx)?;
        let new = NewCommunity {
            slug: input.slug,
            name: input.name,
            purpose: input.purpose,
            tags: input.tags,
            visibility: input.visibility.into(),
            stage: input.stage.into(),
            charter: input.charter,
            join_rule: input.join_rule.into(),
        };
        CommunityPayload::from_result(service::community::create(db, viewer, new).await, Community)
    }

    /// Changes a community's settings. Host coordinators and host admins.
    async fn update_community(
        &self,
        ctx: &Context<'_>,
        input: UpdateCommunityInput,
    ) -> async_graphql::Result<CommunityPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.community_id, NodeKind::Community)?;
        let patch = CommunityPatch {
            name: input.name,
            purpose: input.purpose,
            tags: input.tags,
            visibility: input.visibility.map(Into::into),
            stage: input.stage.map(Into::into),
            charter: input.charter,
            join_rule: input.join_rule.map(Into::into),
        };
        CommunityPayload::from_result(
            service::community::update(db, viewer, id, patch).await,
            Community,
        )
    }
}
