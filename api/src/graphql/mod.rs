//! The GraphQL schema: one module per area, merged into the roots; resolvers stay thin and
//! call services.

pub mod application;
pub mod article;
pub mod article_mutation;
pub mod audit;
pub mod business_unit;
pub mod calendar;
pub mod community;
pub mod connection;
pub mod context;
pub mod enums;
pub mod error;
pub mod event;
pub mod event_loaders;
pub mod event_mutation;
pub mod idea;
pub mod identity;
pub mod knowledge_enums;
pub mod loaders;
pub mod membership;
pub mod node;
pub mod organization;
pub mod participation;
pub mod partnership;
pub mod persisted_operation;
pub mod person;
pub mod problem;
pub mod realtime;
pub mod report;
pub mod report_leadership;
pub mod report_value;
pub mod search;
pub mod viewer;
pub mod webhook;

use async_graphql::{MergedObject, Schema};
use sea_orm::DatabaseConnection;

/// All queries.
#[derive(MergedObject, Default)]
pub struct QueryRoot(
    viewer::ViewerQuery,
    organization::OrganizationQuery,
    identity::OidcLoginQuery,
    community::CommunityQuery,
    search::SearchQueryRoot,
    node::NodeQuery,
);

/// All mutations.
#[derive(MergedObject, Default)]
pub struct MutationRoot(
    organization::OrganizationMutation,
    partnership::PartnershipMutation,
    community::CommunityMutation,
    participation::ParticipationMutation,
    membership::MembershipMutation,
    problem::ProblemMutation,
    idea::IdeaMutation,
    article_mutation::ArticleMutation,
    application::ApplicationMutation,
    event_mutation::EventMutation,
    calendar::CalendarMutation,
    report::ReportMutation,
    business_unit::BusinessUnitMutation,
    webhook::WebhookMutation,
    identity::OidcLoginMutation,
    persisted_operation::PersistedOperationMutation,
);

pub type PraxisSchema = Schema<QueryRoot, MutationRoot, realtime::SubscriptionRoot>;

/// Limits and switches of the schema.
#[derive(Debug, Clone)]
pub struct SchemaLimits {
    pub max_depth: usize,
    pub max_complexity: usize,
    pub introspection: bool,
}

impl Default for SchemaLimits {
    fn default() -> Self {
        Self {
            max_depth: 15,
            max_complexity: 20_000,
            introspection: true,
        }
    }
}

/// The schema a server runs, with its database and settings attached.
pub fn build_schema(
    db: DatabaseConnection,
    settings: context::ServiceSettings,
    hub: crate::events::EventHub,
    limits: &SchemaLimits,
) -> PraxisSchema {
    let mut builder = Schema::build(
        QueryRoot::default(),
        MutationRoot::default(),
        realtime::SubscriptionRoot,
    )
    .data(db)
    .data(settings)
    .data(persisted_operation::DocumentValidator::new(limits))
    .extension(crate::metrics::graphql::MetricsExtension(
        hub.metrics().clone(),
    ))
    .data(hub)
    .limit_depth(limits.max_depth)
    .limit_complexity(limits.max_complexity);
    if !limits.introspection {
        builder = builder.disable_introspection();
    }
    builder.finish()
}

/// The schema in SDL, as committed in `schema.graphql`.
pub fn sdl() -> String {
    Schema::build(
        QueryRoot::default(),
        MutationRoot::default(),
        realtime::SubscriptionRoot,
    )
    .finish()
    .sdl()
}
