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
pub mod rate_limit;
pub mod realtime;
pub mod report;
pub mod report_leadership;
pub mod report_value;
pub mod search;
pub mod siblings;
pub mod viewer;
pub mod webhook;

use crate::cost::limiter::{CostSettings, RateLimits};
use async_graphql::{MergedObject, Schema};
use sea_orm::DatabaseConnection;
use std::sync::Arc;

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
    rate_limit::RateLimitMutation,
);

pub type PraxisSchema = Schema<QueryRoot, MutationRoot, realtime::SubscriptionRoot>;

/// Limits and switches of the schema.
#[derive(Debug, Clone)]
pub struct SchemaLimits {
    pub max_depth: usize,
    /// The most one operation may cost (README, "Cost and rate limits").
    pub max_complexity: usize,
    pub introspection: bool,
    /// Points each mutation field at the root of an operation adds to its cost.
    pub mutation_cost: u32,
    /// Budgets of cost points per `rate_limit_window`.
    pub budgets: crate::cost::limiter::Budgets,
    pub rate_limit_window: std::time::Duration,
}

impl Default for SchemaLimits {
    fn default() -> Self {
        Self {
            max_depth: 15,
            max_complexity: 20_000,
            introspection: true,
            mutation_cost: 10,
            budgets: crate::cost::limiter::Budgets::unlimited(),
            rate_limit_window: std::time::Duration::from_secs(60),
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
    let rate_limits = Arc::new(RateLimits::new(CostSettings {
        window: limits.rate_limit_window,
        defaults: limits.budgets,
        mutation_cost: limits.mutation_cost,
        max_cost: limits.max_complexity,
    }));
    let mut builder = Schema::build(
        QueryRoot::default(),
        MutationRoot::default(),
        realtime::SubscriptionRoot,
    )
    .data(db)
    .data(settings)
    .data(persisted_operation::DocumentValidator::new(limits))
    // First, so the operation's span holds what the others do.
    .extension(crate::telemetry::graphql::TraceExtension)
    .extension(crate::metrics::graphql::MetricsExtension(
        hub.metrics().clone(),
    ))
    // The cost limit is the cost extension's: async-graphql's own would refuse without
    // telling the cost.
    .extension(crate::cost::CostExtension {
        limits: rate_limits.clone(),
        metrics: hub.metrics().clone(),
    })
    .data(rate_limits)
    .data(hub)
    .limit_depth(limits.max_depth);
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
