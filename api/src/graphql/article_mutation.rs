//! The mutations of knowledge articles: create, edit (with optimistic concurrency), move
//! through states, add and remove authors.

use super::{
    article::{ArticleRevision, KnowledgeArticle},
    context,
    error::{payload, user_errors, UserError, UserErrorCode},
    knowledge_enums::ArticleState,
    node::{expect_global_id, NodeKind},
};
use crate::{
    error::ServiceResult,
    service::{
        self,
        article::{ArticlePatch, NewArticle, UpdateOutcome},
    },
};
use async_graphql::{Context, InputObject, Object, SimpleObject, ID};

/// Input of `createArticle`: a blank page (title and body required) or one written from a
/// SOLVED problem (whose title, text with its accepted solution, and tags fill what is left
/// out).
#[derive(InputObject)]
pub struct CreateArticleInput {
    /// Global id of the community; may be left out when `fromProblemId` is given.
    pub community_id: Option<ID>,
    /// Global id of a SOLVED problem to write the article from.
    pub from_problem_id: Option<ID>,
    /// Title (3-200 characters, one line).
    pub title: Option<String>,
    /// Markdown text (at most 50,000 characters).
    pub body: Option<String>,
    /// Topics (at most 20 slugs); left out, the problem's.
    pub tags: Option<Vec<String>>,
    /// Global ids of co-authors: ACTIVE members of the community, at most 10.
    #[graphql(default)]
    pub co_author_ids: Vec<ID>,
}

/// Input of `updateArticle`: a field left out is unchanged.
#[derive(InputObject)]
pub struct UpdateArticleInput {
    /// Global id of the article.
    pub article_id: ID,
    /// The revision the editor read (`KnowledgeArticle.revision`).
    pub expected_revision: i32,
    /// New title.
    pub title: Option<String>,
    /// New Markdown text.
    pub body: Option<String>,
    /// New topics (replaces the list).
    pub tags: Option<Vec<String>>,
    /// A summary of the change, kept with the revision.
    pub note: Option<String>,
}

/// Input of `setArticleState`.
#[derive(InputObject)]
pub struct SetArticleStateInput {
    /// Global id of the article.
    pub article_id: ID,
    /// The state to move it to.
    pub state: ArticleState,
}

/// Input of `addArticleAuthor` and `removeArticleAuthor`.
#[derive(InputObject)]
pub struct ArticleAuthorInput {
    /// Global id of the article.
    pub article_id: ID,
    /// Global id of the person.
    pub person_id: ID,
}

payload!(
    /// Result of a change to an article.
    ArticlePayload { article: KnowledgeArticle }
);

/// Result of `updateArticle`.
#[derive(SimpleObject)]
pub struct UpdateArticlePayload {
    /// The article after the change; null when `userErrors` says why it was not made.
    pub article: Option<KnowledgeArticle>,
    /// On a CONFLICT (the article moved on from `expectedRevision`): the revision that won,
    /// to merge with before retrying.
    pub current_revision: Option<ArticleRevision>,
    /// Why the change was not made.
    pub user_errors: Vec<UserError>,
}

impl UpdateArticlePayload {
    fn from_result(result: ServiceResult<UpdateOutcome>) -> async_graphql::Result<Self> {
        Ok(match user_errors(result)? {
            Ok(UpdateOutcome::Updated(article)) => Self {
                article: Some(KnowledgeArticle(article)),
                current_revision: None,
                user_errors: vec![],
            },
            Ok(UpdateOutcome::Stale(current)) => Self {
                user_errors: vec![UserError {
                    field: vec!["input".to_owned(), "expectedRevision".to_owned()],
                    code: UserErrorCode::Conflict,
                    message: format!(
                        "the article moved on to revision {}; merge and retry",
                        current.number
                    ),
                }],
                article: None,
                current_revision: Some(ArticleRevision(current)),
            },
            Err(errors) => Self {
                article: None,
                current_revision: None,
                user_errors: errors,
            },
        })
    }
}

#[derive(Default)]
pub struct ArticleMutation;

#[Object]
impl ArticleMutation {
    /// Creates a DRAFT article; the viewer becomes its first author. ACTIVE members.
    async fn create_article(
        &self,
        ctx: &Context<'_>,
        input: CreateArticleInput,
    ) -> async_graphql::Result<ArticlePayload> {
        let (db, viewer) = context::request(ctx)?;
        let new = NewArticle {
            community_id: input
                .community_id
                .map(|id| expect_global_id(&id, NodeKind::Community))
                .transpose()?,
            from_problem_id: input
                .from_problem_id
                .map(|id| expect_global_id(&id, NodeKind::Problem))
                .transpose()?,
            title: input.title,
            body: input.body,
            tags: input.tags,
            co_author_ids: input
                .co_author_ids
                .iter()
                .map(|id| expect_global_id(id, NodeKind::Person))
                .collect::<async_graphql::Result<_>>()?,
        };
        ArticlePayload::from_result(
            service::article::create(db, viewer, new).await,
            KnowledgeArticle,
        )
    }

    /// Changes an article's text as a new revision. Its authors (members still) and
    /// coordinators; not while ARCHIVED. A stale `expectedRevision` writes nothing and
    /// returns CONFLICT with `currentRevision`.
    async fn update_article(
        &self,
        ctx: &Context<'_>,
        input: UpdateArticleInput,
    ) -> async_graphql::Result<UpdateArticlePayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.article_id, NodeKind::KnowledgeArticle)?;
        let patch = ArticlePatch {
            title: input.title,
            body: input.body,
            tags: input.tags,
            note: input.note,
        };
        UpdateArticlePayload::from_result(
            service::article::update(db, viewer, id, input.expected_revision, patch).await,
        )
    }

    /// Moves an article through DRAFT, IN_REVIEW, PUBLISHED and ARCHIVED (see the
    /// knowledge guide for who may make which move).
    async fn set_article_state(
        &self,
        ctx: &Context<'_>,
        input: SetArticleStateInput,
    ) -> async_graphql::Result<ArticlePayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.article_id, NodeKind::KnowledgeArticle)?;
        ArticlePayload::from_result(
            service::article::set_state(db, viewer, id, input.state.into()).await,
            KnowledgeArticle,
        )
    }

    /// Adds a co-author: an ACTIVE member of the community. Its authors and coordinators.
    async fn add_article_author(
        &self,
        ctx: &Context<'_>,
        input: ArticleAuthorInput,
    ) -> async_graphql::Result<ArticlePayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.article_id, NodeKind::KnowledgeArticle)?;
        let person = expect_global_id(&input.person_id, NodeKind::Person)?;
        ArticlePayload::from_result(
            service::article::add_author(db, viewer, id, person).await,
            KnowledgeArticle,
        )
    }

    /// Removes an author; the last one stays. Its authors and coordinators.
    async fn remove_article_author(
        &self,
        ctx: &Context<'_>,
        input: ArticleAuthorInput,
    ) -> async_graphql::Result<ArticlePayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.article_id, NodeKind::KnowledgeArticle)?;
        let person = expect_global_id(&input.person_id, NodeKind::Person)?;
        ArticlePayload::from_result(
            service::article::remove_author(db, viewer, id, person).await,
            KnowledgeArticle,
        )
    }
}
