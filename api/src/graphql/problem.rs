//! Problems: the type with its ideas and solution, the filter of problem lists, and the
//! mutations of posting, following, solving, closing and reopening.

use super::{
    application::Application,
    article::KnowledgeArticle,
    community::Community,
    connection::{listing_connection, PageArgs, PraxisConnection},
    context,
    error::{payload, GqlResult},
    idea::Idea,
    knowledge_enums::{IdeaOrder, ProblemState, Urgency},
    loaders::Loaders,
    node::{expect_global_id, global_id, NodeKind},
    organization::Organization,
    person::Person,
    siblings::sibling_connection,
};
use crate::service::{
    self,
    application::ApplicationFilter,
    article::{ArticleFilter, ArticleOrder},
    idea::IdeaFilter,
    page::PageRequest,
    problem::{NewProblem, ProblemFilter as Filter, ProblemPatch},
};
use async_graphql::{Context, InputObject, Object, ID};
use chrono::{DateTime, Utc};
use entity::problem;

/// A problem row, as the API shows it.
pub struct Problem(pub problem::Model);

/// A problem a member posted for the community to solve.
#[Object]
impl Problem {
    /// Globally unique, opaque identifier.
    pub async fn id(&self) -> ID {
        global_id(NodeKind::Problem, self.0.id)
    }

    /// The community it was posted in.
    async fn community(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Community>> {
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders
            .community(self.0.community_id)
            .await
            .gql()?
            .map(Community))
    }

    /// Who posted it (their public profile outside their organization).
    async fn author(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Person>> {
        Person::load(ctx, self.0.author_person_id).await
    }

    /// The author's organization.
    async fn author_organization(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<Organization>> {
        Organization::load(ctx, self.0.author_organization_id).await
    }

    /// One-line summary.
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// The problem in Markdown, as written (render it safely: see the README).
    async fn body(&self) -> &str {
        &self.0.body
    }

    /// Topics, as slugs.
    async fn tags(&self) -> Vec<String> {
        self.0.tag_list()
    }

    /// How pressing it is.
    async fn urgency(&self) -> Urgency {
        self.0.urgency.into()
    }

    /// Where it stands.
    async fn state(&self) -> ProblemState {
        self.0.state.into()
    }

    /// When it was posted.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// When it, or its ideas, last changed.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }

    /// When its solution was accepted (while SOLVED, or CLOSED after being solved).
    async fn solved_at(&self) -> Option<DateTime<Utc>> {
        self.0.solved_at
    }

    /// Seconds from posting to the accepted solution.
    async fn time_to_solution_seconds(&self) -> Option<i64> {
        self.0.time_to_solution_seconds
    }

    /// When it was closed.
    async fn closed_at(&self) -> Option<DateTime<Utc>> {
        self.0.closed_at
    }

    /// How many ideas and replies it has.
    async fn idea_count(&self) -> i32 {
        self.0.idea_count
    }

    /// How many people follow it.
    async fn follower_count(&self) -> i32 {
        self.0.follower_count
    }

    /// Whether the viewer follows it.
    async fn viewer_follows(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let loaders = ctx.data::<Loaders>()?;
        loaders.viewer_follows(self.0.id).await.gql()
    }

    /// The ideas accepted as its solution, in the order they were contributed.
    async fn solution(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Idea>> {
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders
            .accepted_ideas(self.0.id)
            .await
            .gql()?
            .into_iter()
            .map(Idea)
            .collect())
    }

    /// The knowledge articles written from it.
    #[graphql(complexity = "PageRequest::size_hint(first, last) * child_complexity")]
    async fn articles(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Returns items before this cursor.")] before: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<KnowledgeArticle>> {
        let (_, viewer) = context::request(ctx)?;
        let filter = ArticleFilter {
            source_problem_id: Some(self.0.id),
            ..ArticleFilter::default()
        };
        let order = ArticleOrder::Newest;
        let args = PageArgs {
            first,
            after,
            last,
            before,
        };
        let siblings = service::article::visible_by_source_problem(viewer, &filter, order);
        let one = |args| {
            let listing = service::article::visible(viewer, &filter, order);
            listing_connection(ctx, listing, args, |a| a.id, KnowledgeArticle)
        };
        let article = KnowledgeArticle;
        sibling_connection(ctx, siblings, self.0.id, args, |a| a.id, article, one).await
    }

    /// Reports of its solution applied at work, newest first.
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
            problem_id: Some(self.0.id),
            ..ApplicationFilter::default()
        };
        let args = PageArgs {
            first,
            after,
            last,
            before,
        };
        let siblings = service::application::visible_by_problem(viewer, &filter);
        let one = |args| {
            let listing = service::application::visible(viewer, &filter);
            listing_connection(ctx, listing, args, |a| a.id, Application)
        };
        sibling_connection(ctx, siblings, self.0.id, args, |a| a.id, Application, one).await
    }

    /// Its top-level ideas (replies hang under each idea).
    #[graphql(complexity = "PageRequest::size_hint(first, last) * child_complexity")]
    #[allow(clippy::too_many_arguments)]
    async fn ideas(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The order of the list.", default_with = "IdeaOrder::Oldest")]
        order_by: IdeaOrder,
        #[graphql(desc = "Only accepted (true) or not accepted (false) ideas.")] accepted: Option<
            bool,
        >,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Returns items before this cursor.")] before: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<Idea>> {
        let (_, viewer) = context::request(ctx)?;
        let filter = IdeaFilter {
            problem_id: Some(self.0.id),
            accepted,
            ..IdeaFilter::default()
        };
        let order = order_by.into();
        let args = PageArgs {
            first,
            after,
            last,
            before,
        };
        let siblings = service::idea::visible_by_problem(viewer, &filter, order);
        let one = |args| {
            let listing = service::idea::visible(viewer, &filter, order);
            listing_connection(ctx, listing, args, |i| i.id, Idea)
        };
        sibling_connection(ctx, siblings, self.0.id, args, |i| i.id, Idea, one).await
    }
}

/// Which problems to list.
#[derive(InputObject, Default)]
pub struct ProblemFilter {
    /// Only problems in these states.
    pub states: Option<Vec<ProblemState>>,
    /// Only problems of these urgencies.
    pub urgencies: Option<Vec<Urgency>>,
    /// Only problems carrying every one of these tags.
    pub tags: Option<Vec<String>>,
    /// Only problems posted by people of this organization.
    pub author_organization_id: Option<ID>,
    /// Only problems the viewer follows.
    pub followed: Option<bool>,
}

impl ProblemFilter {
    pub fn into_service(self, community_id: Option<uuid::Uuid>) -> async_graphql::Result<Filter> {
        Ok(Filter {
            community_id,
            states: self
                .states
                .unwrap_or_default()
                .into_iter()
                .map(Into::into)
                .collect(),
            urgencies: self
                .urgencies
                .unwrap_or_default()
                .into_iter()
                .map(Into::into)
                .collect(),
            tags: self.tags.unwrap_or_default(),
            author_organization_id: self
                .author_organization_id
                .map(|id| expect_global_id(&id, NodeKind::Organization))
                .transpose()?,
            followed: self.followed.unwrap_or(false),
        })
    }
}

/// Resolves a list of problems.
pub async fn problem_connection(
    ctx: &Context<'_>,
    filter: async_graphql::Result<Filter>,
    order: crate::service::problem::ProblemOrder,
    page: PageArgs,
) -> async_graphql::Result<PraxisConnection<Problem>> {
    let (_, viewer) = context::request(ctx)?;
    let filter = filter?;
    let listing = service::problem::visible(viewer, &filter, order);
    listing_connection(ctx, listing, page, |p| p.id, Problem).await
}

/// A new problem.
#[derive(InputObject)]
pub struct PostProblemInput {
    /// The community to post it in (the viewer must be an active member).
    pub community_id: ID,
    /// One-line summary (3-200 characters).
    pub title: String,
    /// The problem in Markdown (at most 50,000 characters).
    pub body: String,
    /// Topics, as slugs (at most 20).
    #[graphql(default)]
    pub tags: Vec<String>,
    /// How pressing it is.
    #[graphql(default_with = "Urgency::Normal")]
    pub urgency: Urgency,
}

/// Changes to a problem; fields left out keep their value.
#[derive(InputObject)]
pub struct UpdateProblemInput {
    /// The problem.
    pub id: ID,
    /// New summary.
    pub title: Option<String>,
    /// New Markdown body.
    pub body: Option<String>,
    /// New tags (replacing the old ones).
    pub tags: Option<Vec<String>>,
    /// New urgency.
    pub urgency: Option<Urgency>,
}

/// Names a problem.
#[derive(InputObject)]
pub struct ProblemRefInput {
    /// The problem.
    pub id: ID,
}

/// Ideas to accept as a problem's solution.
#[derive(InputObject)]
pub struct AcceptSolutionInput {
    /// The problem.
    pub problem_id: ID,
    /// Ideas (or replies) of that problem, 1 to 20.
    pub idea_ids: Vec<ID>,
}

payload!(
    /// The result of a change to a problem.
    ProblemPayload { problem: Problem }
);

#[derive(Default)]
pub struct ProblemMutation;

fn problem_id(id: &ID) -> async_graphql::Result<uuid::Uuid> {
    expect_global_id(id, NodeKind::Problem)
}

#[Object]
impl ProblemMutation {
    /// Posts a problem in a community; the author follows it.
    async fn post_problem(
        &self,
        ctx: &Context<'_>,
        input: PostProblemInput,
    ) -> async_graphql::Result<ProblemPayload> {
        let (db, viewer) = context::request(ctx)?;
        let new = NewProblem {
            community_id: expect_global_id(&input.community_id, NodeKind::Community)?,
            title: input.title,
            body: input.body,
            tags: input.tags,
            urgency: input.urgency.into(),
        };
        ProblemPayload::from_result(service::problem::post(db, viewer, new).await, Problem)
    }

    /// Changes a problem's summary, body, tags or urgency (its author or a coordinator).
    async fn update_problem(
        &self,
        ctx: &Context<'_>,
        input: UpdateProblemInput,
    ) -> async_graphql::Result<ProblemPayload> {
        let (db, viewer) = context::request(ctx)?;
        let patch = ProblemPatch {
            title: input.title,
            body: input.body,
            tags: input.tags,
            urgency: input.urgency.map(Into::into),
        };
        let id = problem_id(&input.id)?;
        ProblemPayload::from_result(
            service::problem::update(db, viewer, id, patch).await,
            Problem,
        )
    }

    /// Closes a problem without (further) solution (its author or a coordinator).
    async fn close_problem(
        &self,
        ctx: &Context<'_>,
        input: ProblemRefInput,
    ) -> async_graphql::Result<ProblemPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = problem_id(&input.id)?;
        ProblemPayload::from_result(service::problem::close(db, viewer, id).await, Problem)
    }

    /// Reopens a SOLVED or CLOSED problem; its accepted ideas are no longer accepted.
    async fn reopen_problem(
        &self,
        ctx: &Context<'_>,
        input: ProblemRefInput,
    ) -> async_graphql::Result<ProblemPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = problem_id(&input.id)?;
        ProblemPayload::from_result(service::problem::reopen(db, viewer, id).await, Problem)
    }

    /// Accepts ideas as the problem's solution: it becomes SOLVED (its author or a
    /// coordinator).
    async fn accept_solution(
        &self,
        ctx: &Context<'_>,
        input: AcceptSolutionInput,
    ) -> async_graphql::Result<ProblemPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = problem_id(&input.problem_id)?;
        let ideas = input
            .idea_ids
            .iter()
            .map(|idea| expect_global_id(idea, NodeKind::Idea))
            .collect::<async_graphql::Result<Vec<_>>>()?;
        ProblemPayload::from_result(
            service::problem::accept_solution(db, viewer, id, &ideas).await,
            Problem,
        )
    }

    /// Follows a problem.
    async fn follow_problem(
        &self,
        ctx: &Context<'_>,
        input: ProblemRefInput,
    ) -> async_graphql::Result<ProblemPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = problem_id(&input.id)?;
        ProblemPayload::from_result(service::problem::follow(db, viewer, id).await, Problem)
    }

    /// Stops following a problem.
    async fn unfollow_problem(
        &self,
        ctx: &Context<'_>,
        input: ProblemRefInput,
    ) -> async_graphql::Result<ProblemPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = problem_id(&input.id)?;
        ProblemPayload::from_result(service::problem::unfollow(db, viewer, id).await, Problem)
    }
}
