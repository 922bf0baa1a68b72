//! Ideas and replies: the type with its replies, history and endorsements, and the mutations
//! of contributing, editing and endorsing.

use super::{
    connection::{listing_connection, PageArgs, PraxisConnection},
    context::{self, ServiceSettings},
    error::{payload, GqlResult},
    knowledge_enums::IdeaOrder,
    loaders::Loaders,
    node::{expect_global_id, global_id, NodeKind},
    organization::Organization,
    person::Person,
    problem::Problem,
    siblings::sibling_connection,
};
use crate::service::{
    self,
    idea::{IdeaFilter, NewIdea},
    page::PageRequest,
};
use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use entity::{idea, idea_endorsement};

/// An idea row, as the API shows it.
pub struct Idea(pub idea::Model);

/// An idea on a problem, or a reply to one.
#[Object]
impl Idea {
    /// Globally unique, opaque identifier.
    pub async fn id(&self) -> ID {
        global_id(NodeKind::Idea, self.0.id)
    }

    /// The problem it answers.
    async fn problem(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Problem>> {
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders.problem(self.0.problem_id).await.gql()?.map(Problem))
    }

    /// The idea this replies to; null for a top-level idea.
    async fn parent(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Idea>> {
        let loaders = ctx.data::<Loaders>()?;
        match self.0.parent_idea_id {
            Some(parent) => Ok(loaders.idea(parent).await.gql()?.map(Idea)),
            None => Ok(None),
        }
    }

    /// Who contributed it (their public profile outside their organization).
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

    /// The idea in Markdown, as written (render it safely: see the README).
    async fn body(&self) -> &str {
        &self.0.body
    }

    /// When it was contributed.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// When its author last edited it.
    async fn edited_at(&self) -> Option<DateTime<Utc>> {
        self.0.edited_at
    }

    /// Until when its author may edit it.
    async fn editable_until(&self, ctx: &Context<'_>) -> async_graphql::Result<DateTime<Utc>> {
        let settings = ctx.data::<ServiceSettings>()?;
        Ok(service::idea::editable_until(
            self.0.created_at,
            settings.idea_edit_window,
        ))
    }

    /// The number of its current text (1 until first edited).
    async fn revision(&self) -> i32 {
        self.0.revision
    }

    /// Every version of its text, the first first.
    async fn history(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<IdeaRevision>> {
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders
            .idea_history(self.0.id)
            .await
            .gql()?
            .into_iter()
            .map(|r| IdeaRevision {
                number: r.number,
                body: r.body,
                created_at: r.created_at,
            })
            .collect())
    }

    /// How many people endorsed it.
    async fn endorsement_count(&self) -> i32 {
        self.0.endorsement_count
    }

    /// Whether the viewer endorsed it.
    async fn viewer_endorsed(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let loaders = ctx.data::<Loaders>()?;
        loaders.viewer_endorsed(self.0.id).await.gql()
    }

    /// Who endorsed it, most recent first.
    #[graphql(complexity = "PageRequest::size_hint(first, last) * child_complexity")]
    async fn endorsements(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Returns items before this cursor.")] before: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<Endorsement>> {
        let (_, viewer) = context::request(ctx)?;
        let listing = service::idea::endorsements(viewer, self.0.id);
        listing_connection(
            ctx,
            listing,
            PageArgs {
                first,
                after,
                last,
                before,
            },
            |e| e.id,
            Endorsement,
        )
        .await
    }

    /// Whether it is an accepted solution of its problem.
    async fn accepted(&self) -> bool {
        self.0.accepted_at.is_some()
    }

    /// When it was accepted as a solution.
    async fn accepted_at(&self) -> Option<DateTime<Utc>> {
        self.0.accepted_at
    }

    /// How many replies it has.
    async fn reply_count(&self) -> i32 {
        self.0.reply_count
    }

    /// Its replies (only top-level ideas have any).
    #[graphql(complexity = "PageRequest::size_hint(first, last) * child_complexity")]
    #[allow(clippy::too_many_arguments)]
    async fn replies(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The order of the list.", default_with = "IdeaOrder::Oldest")]
        order_by: IdeaOrder,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Returns items before this cursor.")] before: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<Idea>> {
        let (_, viewer) = context::request(ctx)?;
        let filter = IdeaFilter {
            parent_idea_id: Some(self.0.id),
            ..IdeaFilter::default()
        };
        let order = order_by.into();
        let args = PageArgs {
            first,
            after,
            last,
            before,
        };
        let siblings = service::idea::replies_by_idea(viewer, &filter, order);
        let one = |args| {
            let listing = service::idea::visible(viewer, &filter, order);
            listing_connection(ctx, listing, args, |i| i.id, Idea)
        };
        sibling_connection(ctx, siblings, self.0.id, args, |i| i.id, Idea, one).await
    }
}

/// One version of an idea's text.
#[derive(SimpleObject)]
pub struct IdeaRevision {
    /// 1 as first posted, then one more per edit.
    pub number: i32,
    /// The text of this version (Markdown).
    pub body: String,
    /// When this version was written.
    pub created_at: DateTime<Utc>,
}

/// A person's endorsement of an idea.
pub struct Endorsement(pub idea_endorsement::Model);

/// A person's endorsement of an idea.
#[Object]
impl Endorsement {
    /// Who endorsed it.
    async fn person(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Person>> {
        Person::load(ctx, self.0.person_id).await
    }

    /// Their organization.
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        Organization::load(ctx, self.0.organization_id).await
    }

    /// When.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

/// A new idea, or a reply to one.
#[derive(InputObject)]
pub struct ContributeIdeaInput {
    /// The problem it answers.
    pub problem_id: ID,
    /// The top-level idea it replies to, if it is a reply.
    pub parent_idea_id: Option<ID>,
    /// The idea in Markdown (at most 50,000 characters).
    pub body: String,
}

/// A new text for an idea.
#[derive(InputObject)]
pub struct EditIdeaInput {
    /// The idea.
    pub id: ID,
    /// Its new text in Markdown.
    pub body: String,
}

/// Names an idea.
#[derive(InputObject)]
pub struct IdeaRefInput {
    /// The idea.
    pub id: ID,
}

payload!(
    /// The result of a change to an idea.
    IdeaPayload { idea: Idea }
);

#[derive(Default)]
pub struct IdeaMutation;

#[Object]
impl IdeaMutation {
    /// Contributes an idea to a problem, or a reply to one of its ideas (active members).
    async fn contribute_idea(
        &self,
        ctx: &Context<'_>,
        input: ContributeIdeaInput,
    ) -> async_graphql::Result<IdeaPayload> {
        let (db, viewer) = context::request(ctx)?;
        let new = NewIdea {
            problem_id: expect_global_id(&input.problem_id, NodeKind::Problem)?,
            parent_idea_id: input
                .parent_idea_id
                .map(|id| expect_global_id(&id, NodeKind::Idea))
                .transpose()?,
            body: input.body,
        };
        IdeaPayload::from_result(service::idea::contribute(db, viewer, new).await, Idea)
    }

    /// Edits the viewer's own idea within its edit window; the old text stays in `history`.
    async fn edit_idea(
        &self,
        ctx: &Context<'_>,
        input: EditIdeaInput,
    ) -> async_graphql::Result<IdeaPayload> {
        let (db, viewer) = context::request(ctx)?;
        let settings = ctx.data::<ServiceSettings>()?;
        let id = expect_global_id(&input.id, NodeKind::Idea)?;
        IdeaPayload::from_result(
            service::idea::edit(db, viewer, settings.idea_edit_window, id, &input.body).await,
            Idea,
        )
    }

    /// Endorses an idea (once per person; not one's own).
    async fn endorse_idea(
        &self,
        ctx: &Context<'_>,
        input: IdeaRefInput,
    ) -> async_graphql::Result<IdeaPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.id, NodeKind::Idea)?;
        IdeaPayload::from_result(service::idea::endorse(db, viewer, id).await, Idea)
    }

    /// Withdraws the viewer's endorsement of an idea.
    async fn withdraw_endorsement(
        &self,
        ctx: &Context<'_>,
        input: IdeaRefInput,
    ) -> async_graphql::Result<IdeaPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.id, NodeKind::Idea)?;
        IdeaPayload::from_result(
            service::idea::withdraw_endorsement(db, viewer, id).await,
            Idea,
        )
    }
}
