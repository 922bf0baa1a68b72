//! Knowledge articles as the API shows them: the article, its revisions and authors. The
//! mutations are in `article_mutation`.

use super::{
    application::{Application, ApplicationSummary},
    community::Community,
    connection::{listing_connection, PageArgs, PraxisConnection},
    context,
    error::GqlResult,
    knowledge_enums::ArticleState,
    loaders::Loaders,
    node::{expect_global_id, global_id, NodeKind},
    organization::Organization,
    person::Person,
    problem::Problem,
};
use crate::service::{self, application::ApplicationFilter, page::PageRequest};
use async_graphql::{Context, InputObject, Object, ID};
use chrono::{DateTime, Utc};
use entity::{article_author, article_revision, knowledge_article};

/// An article row, as the API shows it.
pub struct KnowledgeArticle(pub knowledge_article::Model);

/// A knowledge article of a community: written by members (often from a solved problem),
/// reviewed and published by coordinators, kept as numbered revisions.
#[Object]
impl KnowledgeArticle {
    /// Globally unique, opaque identifier.
    pub async fn id(&self) -> ID {
        global_id(NodeKind::KnowledgeArticle, self.0.id)
    }

    /// The community it belongs to.
    async fn community(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Community>> {
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders
            .community(self.0.community_id)
            .await
            .gql()?
            .map(Community))
    }

    /// The solved problem it was written from, if any.
    async fn source_problem(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Problem>> {
        let loaders = ctx.data::<Loaders>()?;
        match self.0.source_problem_id {
            Some(id) => Ok(loaders.problem(id).await.gql()?.map(Problem)),
            None => Ok(None),
        }
    }

    /// Title (one line).
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// The text, in Markdown as written (render it safely: see the README).
    async fn body(&self) -> &str {
        &self.0.body
    }

    /// Topics, as slugs.
    async fn tags(&self) -> Vec<String> {
        self.0.tag_list()
    }

    /// Where it stands.
    async fn state(&self) -> ArticleState {
        self.0.state.into()
    }

    /// The number of the current revision: pass it as `expectedRevision` to `updateArticle`.
    async fn revision(&self) -> i32 {
        self.0.revision
    }

    /// Every revision, oldest (number 1) first.
    #[graphql(complexity = "PageRequest::size_hint(first, last) * child_complexity")]
    async fn revisions(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Returns items before this cursor.")] before: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<ArticleRevision>> {
        let (_, viewer) = context::request(ctx)?;
        let listing = service::article::revisions(viewer, self.0.id);
        let args = PageArgs {
            first,
            after,
            last,
            before,
        };
        listing_connection(ctx, listing, args, |r| r.id, ArticleRevision).await
    }

    /// One revision by its number; null when there is no such revision.
    async fn revision_at(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The revision's number (1 is the first).")] number: i32,
    ) -> async_graphql::Result<Option<ArticleRevision>> {
        let (db, viewer) = context::request(ctx)?;
        Ok(service::article::revision(db, viewer, self.0.id, number)
            .await
            .gql()?
            .map(ArticleRevision))
    }

    /// Its authors, in the order they were added (the creator first).
    async fn authors(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ArticleAuthor>> {
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders
            .article_authors(self.0.id)
            .await
            .gql()?
            .into_iter()
            .map(ArticleAuthor)
            .collect())
    }

    /// When it was created.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// When its text or state last changed.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }

    /// When it was first published.
    async fn published_at(&self) -> Option<DateTime<Utc>> {
        self.0.published_at
    }

    /// How many applications of it were reported.
    async fn application_count(&self) -> i32 {
        self.0.application_count
    }

    /// Reported applications of this article, newest first.
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
            article_id: Some(self.0.id),
            ..ApplicationFilter::default()
        };
        let listing = service::application::visible(viewer, &filter);
        let args = PageArgs {
            first,
            after,
            last,
            before,
        };
        listing_connection(ctx, listing, args, |a| a.id, Application).await
    }

    /// How often, where and to what effect it was applied.
    async fn application_summary(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<ApplicationSummary> {
        let (db, viewer) = context::request(ctx)?;
        service::application::summary(db, viewer, self.0.id)
            .await
            .map(ApplicationSummary)
            .gql()
    }

    /// Whether the viewer is one of its authors.
    async fn viewer_is_author(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let (_, viewer) = context::request(ctx)?;
        let Some(me) = viewer.person() else {
            return Ok(false);
        };
        let loaders = ctx.data::<Loaders>()?;
        let authors = loaders.article_authors(self.0.id).await.gql()?;
        Ok(authors.iter().any(|a| a.person_id == me.person_id))
    }

    /// Whether the viewer may change its text and authors now (an author who is still a
    /// member, or a coordinator; never while ARCHIVED).
    async fn viewer_may_edit(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        if self.0.state == entity::enums::ArticleState::Archived {
            return Ok(false);
        }
        let (_, viewer) = context::request(ctx)?;
        let loaders = ctx.data::<Loaders>()?;
        let Some(community) = loaders.community(self.0.community_id).await.gql()? else {
            return Ok(false);
        };
        let own = loaders.viewer_membership(community.id).await.gql()?;
        let authors = loaders.article_authors(self.0.id).await.gql()?;
        Ok(service::article::may_edit(
            viewer,
            &community,
            own.as_ref(),
            &authors,
        ))
    }
}

/// A revision row, as the API shows it.
pub struct ArticleRevision(pub article_revision::Model);

/// One numbered revision of an article: the whole text as it was then, who wrote it and why.
#[Object]
impl ArticleRevision {
    /// Its number: 1 at creation, one more for every change of text or state.
    async fn number(&self) -> i32 {
        self.0.number
    }

    /// The title then.
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// The Markdown text then.
    async fn body(&self) -> &str {
        &self.0.body
    }

    /// The tags then.
    async fn tags(&self) -> Vec<String> {
        self.0.tag_list()
    }

    /// The article's state right after this revision.
    async fn state(&self) -> ArticleState {
        self.0.state.into()
    }

    /// Who made it.
    async fn author(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Person>> {
        Person::load(ctx, self.0.author_person_id).await
    }

    /// The organization of who made it.
    async fn author_organization(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<Organization>> {
        Organization::load(ctx, self.0.author_organization_id).await
    }

    /// The editor's summary of the change ("created", "state: DRAFT → IN_REVIEW", ...).
    async fn note(&self) -> &str {
        &self.0.note
    }

    /// When it was made.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// A unified diff of title, tags and text from revision `against` to this one; empty when
    /// they read the same, or for revision 1 without `against`.
    async fn diff(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The revision to compare with; left out, the one before.")]
        against: Option<i32>,
    ) -> async_graphql::Result<String> {
        let (db, viewer) = context::request(ctx)?;
        service::article::diff(db, viewer, &self.0, against)
            .await
            .gql()
    }
}

/// An author row, as the API shows it.
pub struct ArticleAuthor(pub article_author::Model);

/// An author of an article, from any organization taking part in the community.
#[Object]
impl ArticleAuthor {
    /// The author.
    async fn person(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Person>> {
        Person::load(ctx, self.0.person_id).await
    }

    /// The author's organization.
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        Organization::load(ctx, self.0.organization_id).await
    }

    /// When they became an author.
    async fn added_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

/// Filters of a community's `articles`.
#[derive(InputObject, Default)]
pub struct ArticleFilter {
    /// Only articles in one of these states (all the viewer may see when left out).
    pub states: Option<Vec<ArticleState>>,
    /// Only articles with all of these tags.
    pub tags: Option<Vec<String>>,
    /// Only articles with an author of this organization.
    pub author_organization_id: Option<ID>,
    /// Only articles written from this problem.
    pub source_problem_id: Option<ID>,
}

impl ArticleFilter {
    /// The service filter within one community; a malformed id is NOT_FOUND.
    pub fn in_community(
        self,
        community_id: uuid::Uuid,
    ) -> async_graphql::Result<service::article::ArticleFilter> {
        Ok(service::article::ArticleFilter {
            community_id: Some(community_id),
            source_problem_id: self
                .source_problem_id
                .map(|id| expect_global_id(&id, NodeKind::Problem))
                .transpose()?,
            states: self
                .states
                .unwrap_or_default()
                .into_iter()
                .map(Into::into)
                .collect(),
            tags: self.tags.unwrap_or_default(),
            author_organization_id: self
                .author_organization_id
                .map(|id| expect_global_id(&id, NodeKind::Organization))
                .transpose()?,
        })
    }
}
