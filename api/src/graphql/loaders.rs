//! Per-request DataLoaders: lookups by id made during one request are batched into one
//! statement per kind and depth. Each loader carries the viewer, so a batch only ever returns
//! rows the viewer may see.

use super::siblings::{CountKey, PageKey, SiblingLoader};
use crate::{
    auth::Viewer,
    error::ServiceError,
    service::{self, page::Page, siblings::Ordered},
};
use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use entity::{
    application, application_confirmation, article_author, audit_event, community, idea,
    idea_revision, knowledge_article, membership, membership_approval, organization, participation,
    partnership, person, problem,
};
use sea_orm::DatabaseConnection;
use std::{collections::HashMap, sync::Arc};
use uuid::Uuid;

type LoadResult<V> = Result<Option<V>, Arc<ServiceError>>;
type SiblingModel<L> = <<L as Ordered>::Entity as sea_orm::EntityTrait>::Model;

/// Defines a loader of `$value` by id through `$find(db, viewer, ids)`.
macro_rules! visible_loader {
    ($name:ident, $value:ty, $find:path) => {
        pub struct $name {
            db: DatabaseConnection,
            viewer: Viewer,
        }

        impl Loader<Uuid> for $name {
            type Value = $value;
            type Error = Arc<ServiceError>;

            async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
                $find(&self.db, &self.viewer, keys).await.map_err(Arc::new)
            }
        }
    };
}

visible_loader!(
    OrganizationLoader,
    organization::Model,
    service::organization::find_visible
);
visible_loader!(PersonLoader, person::Model, service::person::find_visible);
visible_loader!(
    CommunityLoader,
    community::Model,
    service::community::find_visible
);
visible_loader!(
    PartnershipLoader,
    partnership::Model,
    service::partnership::find_visible
);
visible_loader!(
    ParticipationLoader,
    participation::Model,
    service::participation::find_visible
);
visible_loader!(
    MembershipLoader,
    membership::Model,
    service::membership::find_visible
);
visible_loader!(
    ApprovalLoader,
    membership_approval::Model,
    service::membership::find_visible_approvals
);
visible_loader!(
    AuditEventLoader,
    audit_event::Model,
    service::audit::find_visible
);
// Keyed by membership id: its visible approvals.
visible_loader!(
    ApprovalsOfLoader,
    Vec<membership_approval::Model>,
    service::membership::approvals_of
);
// Keyed by community id: the viewer's own membership there.
visible_loader!(
    ViewerMembershipLoader,
    membership::Model,
    service::membership::of_viewer
);

visible_loader!(
    ProblemLoader,
    problem::Model,
    service::problem::find_visible
);
visible_loader!(IdeaLoader, idea::Model, service::idea::find_visible);
// Keyed by problem id: whether the viewer follows it.
visible_loader!(
    ViewerFollowsLoader,
    bool,
    service::problem::followed_by_viewer
);
// Keyed by idea id: whether the viewer endorsed it.
visible_loader!(
    ViewerEndorsedLoader,
    bool,
    service::idea::endorsed_by_viewer
);
// Keyed by problem id: its accepted ideas.
visible_loader!(
    AcceptedIdeasLoader,
    Vec<idea::Model>,
    service::idea::accepted_of
);
// Keyed by idea id: every version of its text.
visible_loader!(
    IdeaHistoryLoader,
    Vec<idea_revision::Model>,
    service::idea::history_of
);
visible_loader!(
    ArticleLoader,
    knowledge_article::Model,
    service::article::find_visible
);
visible_loader!(
    ApplicationLoader,
    application::Model,
    service::application::find_visible
);
// Keyed by article id: its authors, in the order they were added.
visible_loader!(
    ArticleAuthorsLoader,
    Vec<article_author::Model>,
    service::article::authors_of
);
// Keyed by application id: the viewer's own confirmation of it.
visible_loader!(
    ViewerConfirmationLoader,
    application_confirmation::Model,
    service::application::viewer_confirmations
);

fn loader<L>(make: impl FnOnce() -> L) -> DataLoader<L, HashMapCache> {
    DataLoader::with_cache(make(), tokio::spawn, HashMapCache::default())
}

/// The loaders of one request.
/// Each caches what it loaded for the rest of the request (never longer: the viewer's rights
/// may change between requests).
pub struct Loaders {
    organizations: DataLoader<OrganizationLoader, HashMapCache>,
    people: DataLoader<PersonLoader, HashMapCache>,
    communities: DataLoader<CommunityLoader, HashMapCache>,
    partnerships: DataLoader<PartnershipLoader, HashMapCache>,
    participations: DataLoader<ParticipationLoader, HashMapCache>,
    memberships: DataLoader<MembershipLoader, HashMapCache>,
    approvals: DataLoader<ApprovalLoader, HashMapCache>,
    audit_events: DataLoader<AuditEventLoader, HashMapCache>,
    approvals_of: DataLoader<ApprovalsOfLoader, HashMapCache>,
    viewer_memberships: DataLoader<ViewerMembershipLoader, HashMapCache>,
    problems: DataLoader<ProblemLoader, HashMapCache>,
    ideas: DataLoader<IdeaLoader, HashMapCache>,
    viewer_follows: DataLoader<ViewerFollowsLoader, HashMapCache>,
    viewer_endorsed: DataLoader<ViewerEndorsedLoader, HashMapCache>,
    accepted_ideas: DataLoader<AcceptedIdeasLoader, HashMapCache>,
    idea_history: DataLoader<IdeaHistoryLoader, HashMapCache>,
    articles: DataLoader<ArticleLoader, HashMapCache>,
    applications: DataLoader<ApplicationLoader, HashMapCache>,
    article_authors: DataLoader<ArticleAuthorsLoader, HashMapCache>,
    viewer_confirmations: DataLoader<ViewerConfirmationLoader, HashMapCache>,
    siblings: DataLoader<SiblingLoader, HashMapCache>,
}

macro_rules! new_loader {
    ($ty:ident, $db:expr, $viewer:expr) => {
        loader(|| $ty {
            db: $db.clone(),
            viewer: $viewer.clone(),
        })
    };
}

impl Loaders {
    pub fn new(db: &DatabaseConnection, viewer: &Viewer) -> Self {
        Self {
            organizations: new_loader!(OrganizationLoader, db, viewer),
            people: new_loader!(PersonLoader, db, viewer),
            communities: new_loader!(CommunityLoader, db, viewer),
            partnerships: new_loader!(PartnershipLoader, db, viewer),
            participations: new_loader!(ParticipationLoader, db, viewer),
            memberships: new_loader!(MembershipLoader, db, viewer),
            approvals: new_loader!(ApprovalLoader, db, viewer),
            audit_events: new_loader!(AuditEventLoader, db, viewer),
            approvals_of: new_loader!(ApprovalsOfLoader, db, viewer),
            viewer_memberships: new_loader!(ViewerMembershipLoader, db, viewer),
            problems: new_loader!(ProblemLoader, db, viewer),
            ideas: new_loader!(IdeaLoader, db, viewer),
            viewer_follows: new_loader!(ViewerFollowsLoader, db, viewer),
            viewer_endorsed: new_loader!(ViewerEndorsedLoader, db, viewer),
            accepted_ideas: new_loader!(AcceptedIdeasLoader, db, viewer),
            idea_history: new_loader!(IdeaHistoryLoader, db, viewer),
            articles: new_loader!(ArticleLoader, db, viewer),
            applications: new_loader!(ApplicationLoader, db, viewer),
            article_authors: new_loader!(ArticleAuthorsLoader, db, viewer),
            viewer_confirmations: new_loader!(ViewerConfirmationLoader, db, viewer),
            // Its keys carry the viewer's listings, so it needs no viewer of its own.
            siblings: loader(|| SiblingLoader { db: db.clone() }),
        }
    }

    /// Stops caching: for a WebSocket connection, whose operations live long and must read
    /// rows as they are now (batching within one resolution stays).
    pub fn disable_cache(&self) {
        self.organizations.enable_all_cache(false);
        self.people.enable_all_cache(false);
        self.communities.enable_all_cache(false);
        self.partnerships.enable_all_cache(false);
        self.participations.enable_all_cache(false);
        self.memberships.enable_all_cache(false);
        self.approvals.enable_all_cache(false);
        self.audit_events.enable_all_cache(false);
        self.approvals_of.enable_all_cache(false);
        self.viewer_memberships.enable_all_cache(false);
        self.problems.enable_all_cache(false);
        self.ideas.enable_all_cache(false);
        self.viewer_follows.enable_all_cache(false);
        self.viewer_endorsed.enable_all_cache(false);
        self.accepted_ideas.enable_all_cache(false);
        self.idea_history.enable_all_cache(false);
        self.articles.enable_all_cache(false);
        self.applications.enable_all_cache(false);
        self.article_authors.enable_all_cache(false);
        self.viewer_confirmations.enable_all_cache(false);
        self.siblings.enable_all_cache(false);
    }

    pub async fn organization(&self, id: Uuid) -> LoadResult<organization::Model> {
        self.organizations.load_one(id).await
    }

    pub async fn person(&self, id: Uuid) -> LoadResult<person::Model> {
        self.people.load_one(id).await
    }

    pub async fn community(&self, id: Uuid) -> LoadResult<community::Model> {
        self.communities.load_one(id).await
    }

    pub async fn partnership(&self, id: Uuid) -> LoadResult<partnership::Model> {
        self.partnerships.load_one(id).await
    }

    pub async fn participation(&self, id: Uuid) -> LoadResult<participation::Model> {
        self.participations.load_one(id).await
    }

    pub async fn membership(&self, id: Uuid) -> LoadResult<membership::Model> {
        self.memberships.load_one(id).await
    }

    pub async fn approval(&self, id: Uuid) -> LoadResult<membership_approval::Model> {
        self.approvals.load_one(id).await
    }

    pub async fn audit_event(&self, id: Uuid) -> LoadResult<audit_event::Model> {
        self.audit_events.load_one(id).await
    }

    /// The approvals of a membership the viewer may see.
    pub async fn approvals_of(
        &self,
        membership_id: Uuid,
    ) -> Result<Vec<membership_approval::Model>, Arc<ServiceError>> {
        Ok(self
            .approvals_of
            .load_one(membership_id)
            .await?
            .unwrap_or_default())
    }

    /// The viewer's own membership of a community.
    pub async fn viewer_membership(&self, community_id: Uuid) -> LoadResult<membership::Model> {
        self.viewer_memberships.load_one(community_id).await
    }

    pub async fn problem(&self, id: Uuid) -> LoadResult<problem::Model> {
        self.problems.load_one(id).await
    }

    pub async fn idea(&self, id: Uuid) -> LoadResult<idea::Model> {
        self.ideas.load_one(id).await
    }

    /// Whether the viewer follows a problem.
    pub async fn viewer_follows(&self, problem_id: Uuid) -> Result<bool, Arc<ServiceError>> {
        Ok(self
            .viewer_follows
            .load_one(problem_id)
            .await?
            .unwrap_or(false))
    }

    /// Whether the viewer endorsed an idea.
    pub async fn viewer_endorsed(&self, idea_id: Uuid) -> Result<bool, Arc<ServiceError>> {
        Ok(self
            .viewer_endorsed
            .load_one(idea_id)
            .await?
            .unwrap_or(false))
    }

    /// The accepted ideas of a problem, oldest first.
    pub async fn accepted_ideas(
        &self,
        problem_id: Uuid,
    ) -> Result<Vec<idea::Model>, Arc<ServiceError>> {
        Ok(self
            .accepted_ideas
            .load_one(problem_id)
            .await?
            .unwrap_or_default())
    }

    pub async fn article(&self, id: Uuid) -> LoadResult<knowledge_article::Model> {
        self.articles.load_one(id).await
    }

    pub async fn application(&self, id: Uuid) -> LoadResult<application::Model> {
        self.applications.load_one(id).await
    }

    /// The authors of an article the viewer may see.
    pub async fn article_authors(
        &self,
        article_id: Uuid,
    ) -> Result<Vec<article_author::Model>, Arc<ServiceError>> {
        Ok(self
            .article_authors
            .load_one(article_id)
            .await?
            .unwrap_or_default())
    }

    /// Every version of an idea's text, number 1 first.
    pub async fn idea_history(
        &self,
        idea_id: Uuid,
    ) -> Result<Vec<idea_revision::Model>, Arc<ServiceError>> {
        Ok(self
            .idea_history
            .load_one(idea_id)
            .await?
            .unwrap_or_default())
    }

    /// The viewer's own confirmation of an application.
    pub async fn viewer_confirmation(
        &self,
        application_id: Uuid,
    ) -> LoadResult<application_confirmation::Model> {
        self.viewer_confirmations.load_one(application_id).await
    }

    /// The first page of one parent's list, read with its siblings'.
    pub async fn sibling_page<L>(&self, key: PageKey<L>) -> LoadResult<Page<SiblingModel<L>>>
    where
        L: Ordered,
        SiblingLoader: Loader<PageKey<L>, Value = Page<SiblingModel<L>>, Error = Arc<ServiceError>>,
    {
        self.siblings.load_one(key).await
    }

    /// The size of one parent's list, counted with its siblings'.
    pub async fn sibling_count<L>(&self, key: CountKey<L>) -> LoadResult<u64>
    where
        L: Ordered,
        SiblingLoader: Loader<CountKey<L>, Value = u64, Error = Arc<ServiceError>>,
    {
        self.siblings.load_one(key).await
    }
}
