//! The cost of GraphQL operations and the budgets that pay for them (README, "Cost and rate
//! limits"). A schema extension computes each operation's cost after validation, before it
//! runs: the query's complexity (every field 1, a connection its page size times its
//! selection) plus a surcharge per mutation field at the root. An operation over
//! `--max-complexity` is refused with its cost; one its viewer's budgets cannot pay is refused
//! with RATE_LIMITED. Every response of a query or mutation tells its cost in
//! `extensions.cost`.

pub mod limiter;

use crate::{
    auth::Viewer,
    graphql::error::ErrorCode,
    metrics::{graphql::selected_operation, Metrics, OperationKind},
};
use async_graphql::{
    extensions::{
        Extension, ExtensionContext, ExtensionFactory, NextParseQuery, NextPrepareRequest,
        NextRequest, NextSubscribe, NextValidation,
    },
    parser::types::{
        DocumentOperations, ExecutableDocument, OperationType, Selection, SelectionSet,
    },
    ErrorExtensionValues, Name, Request, Response, ServerError, ServerResult, ValidationResult,
    Value, Variables,
};
use futures_util::stream::BoxStream;
use limiter::{BudgetStatus, ClientAddress, RateLimits, Refusal};
use sea_orm::DatabaseConnection;
use std::{
    collections::HashSet,
    sync::{Arc, Mutex},
};

/// Creates one [`OperationCost`] per operation.
pub struct CostExtension {
    pub limits: Arc<RateLimits>,
    pub metrics: Arc<Metrics>,
}

impl ExtensionFactory for CostExtension {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(OperationCost {
            limits: self.limits.clone(),
            metrics: self.metrics.clone(),
            state: Arc::new(Mutex::new(CostState::default())),
        })
    }
}

#[derive(Debug, Default, Clone)]
struct CostState {
    requested_name: Option<String>,
    kind: Option<OperationKind>,
    /// Mutation fields at the root of the selected operation.
    mutation_fields: u32,
    /// The cost computed before the operation ran.
    requested: Option<u64>,
    /// The budget the operation was charged to, `None` when unlimited.
    budget: Option<BudgetStatus>,
}

struct OperationCost {
    limits: Arc<RateLimits>,
    metrics: Arc<Metrics>,
    state: Arc<Mutex<CostState>>,
}

fn snapshot(state: &Mutex<CostState>) -> CostState {
    state.lock().map(|state| state.clone()).unwrap_or_default()
}

/// Fields at the root of a selection set, through fragments (each field and alias once).
fn root_fields(
    document: &ExecutableDocument,
    selection_set: &SelectionSet,
    seen_fragments: &mut HashSet<Name>,
) -> u32 {
    selection_set
        .items
        .iter()
        .map(|item| match &item.node {
            Selection::Field(_) => 1,
            Selection::InlineFragment(fragment) => {
                root_fields(document, &fragment.node.selection_set.node, seen_fragments)
            }
            Selection::FragmentSpread(spread) => {
                let name = &spread.node.fragment_name.node;
                // A cycle of fragments is refused by validation, later; count it once here.
                if !seen_fragments.insert(name.clone()) {
                    return 0;
                }
                document.fragments.get(name).map_or(0, |fragment| {
                    root_fields(document, &fragment.node.selection_set.node, seen_fragments)
                })
            }
        })
        .fold(0u32, u32::saturating_add)
}

fn selected_mutation_fields(document: &ExecutableDocument, requested: Option<&str>) -> u32 {
    let operation = match (&document.operations, requested) {
        (DocumentOperations::Single(operation), None) => Some(operation),
        (DocumentOperations::Multiple(operations), Some(name)) => operations.get(name),
        (DocumentOperations::Multiple(operations), None) if operations.len() == 1 => {
            operations.values().next()
        }
        _ => None,
    };
    match operation {
        Some(operation) if operation.node.ty == OperationType::Mutation => root_fields(
            document,
            &operation.node.selection_set.node,
            &mut HashSet::new(),
        ),
        _ => 0,
    }
}

/// What an answer actually holds: every field of its data once per object it is in (a
/// connection counts the nodes of the page it returned), plus the surcharge of each root
/// mutation field that answered.
fn actual_cost(data: &Value, mutation_cost: u32, kind: Option<OperationKind>) -> u64 {
    fn fields(value: &Value) -> u64 {
        match value {
            Value::Object(members) => members
                .values()
                .map(|member| 1 + fields(member))
                .fold(0, u64::saturating_add),
            Value::List(items) => items.iter().map(fields).fold(0, u64::saturating_add),
            _ => 0,
        }
    }
    let surcharge = match (kind, data) {
        (Some(OperationKind::Mutation), Value::Object(members)) => {
            let answered = members.values().filter(|v| **v != Value::Null).count() as u64;
            answered.saturating_mul(u64::from(mutation_cost))
        }
        _ => 0,
    };
    fields(data).saturating_add(surcharge)
}

/// `extensions.cost` of a response.
fn cost_extension(state: &CostState, actual: u64) -> Option<Value> {
    let requested = state.requested?;
    let budget = match state.budget {
        Some(budget) => async_graphql::value!({
            "scope": budget.key.scope(),
            "limit": budget.limit,
            "remaining": budget.remaining,
            "resetSeconds": budget.reset_seconds,
        }),
        None => Value::Null,
    };
    Some(async_graphql::value!({
        "requested": requested,
        "actual": actual,
        "budget": budget,
    }))
}

fn error(
    code: ErrorCode,
    message: String,
    extend: impl FnOnce(&mut ErrorExtensionValues),
) -> ServerError {
    let mut extensions = ErrorExtensionValues::default();
    extensions.set("code", code.as_str());
    extend(&mut extensions);
    let mut error = ServerError::new(message, None);
    error.extensions = Some(extensions);
    error
}

/// The error of an operation that costs more than `limit` points can ever pay.
fn too_complex(cost: u64, limit: u64, what: &str) -> ServerError {
    error(
        ErrorCode::BadUserInput,
        format!(
            "The query is too complex: it costs {cost} points, more than {what} ({limit} \
             points). Ask for smaller pages (first/last) or fewer fields."
        ),
        |e| {
            e.set("reason", "MAX_COST_EXCEEDED");
            e.set("cost", cost);
            e.set("maxCost", limit);
        },
    )
}

impl OperationCost {
    fn update(&self, change: impl FnOnce(&mut CostState)) {
        if let Ok(mut state) = self.state.lock() {
            change(&mut state);
        }
    }

    async fn charge(
        &self,
        ctx: &ExtensionContext<'_>,
        cost: u64,
    ) -> Result<Option<BudgetStatus>, Vec<ServerError>> {
        let (Some(db), Some(viewer)) = (
            ctx.data_opt::<DatabaseConnection>(),
            ctx.data_opt::<Viewer>(),
        ) else {
            return Ok(None);
        };
        let client = ctx.data_opt::<ClientAddress>().and_then(|client| client.0);
        let points = u32::try_from(cost).unwrap_or(u32::MAX);
        match self.limits.charge(db, viewer, client, points).await {
            Ok(status) => Ok(status),
            Err(Refusal::OverBudget { key, limit }) => Err(vec![too_complex(
                cost,
                u64::from(limit),
                &format!("the whole {} budget", key.scope().to_lowercase()),
            )]),
            Err(Refusal::Exhausted {
                key,
                limit,
                retry_after,
            }) => {
                self.metrics.rate_limit_rejection(key.scope());
                let retry_after = retry_after_seconds(retry_after);
                let window = self.limits.settings().window.as_secs_f64();
                Err(vec![error(
                    ErrorCode::RateLimited,
                    format!(
                        "Rate limit exceeded: this operation costs {cost} points and the {} \
                         budget ({limit} points per {window}s) has fewer left; retry in \
                         {retry_after}s",
                        key.scope().to_lowercase()
                    ),
                    |e| {
                        e.set("scope", key.scope());
                        e.set("cost", cost);
                        e.set("limit", limit);
                        e.set("retryAfter", retry_after);
                    },
                )])
            }
        }
    }
}

/// Whole seconds to wait, rounded up, at least 1 (what `Retry-After` can say).
pub fn retry_after_seconds(wait: std::time::Duration) -> u64 {
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    seconds.max(1)
}

#[async_graphql::async_trait::async_trait]
impl Extension for OperationCost {
    async fn request(&self, ctx: &ExtensionContext<'_>, next: NextRequest<'_>) -> Response {
        let mut response = next.run(ctx).await;
        let state = snapshot(&self.state);
        let actual = actual_cost(
            &response.data,
            self.limits.settings().mutation_cost,
            state.kind,
        );
        if let Some(cost) = cost_extension(&state, actual) {
            self.metrics.graphql_cost_actual(actual);
            response.extensions.insert("cost".to_owned(), cost);
        }
        response
    }

    /// Over a WebSocket, a query's or mutation's answer carries its cost as over HTTP;
    /// subscription events carry none (subscribing paid its cost once).
    fn subscribe<'s>(
        &self,
        ctx: &ExtensionContext<'_>,
        stream: BoxStream<'s, Response>,
        next: NextSubscribe<'_>,
    ) -> BoxStream<'s, Response> {
        use futures_util::StreamExt;
        let state = self.state.clone();
        let metrics = self.metrics.clone();
        let mutation_cost = self.limits.settings().mutation_cost;
        next.run(ctx, stream)
            .map(move |mut response| {
                let state = snapshot(&state);
                if state.kind != Some(OperationKind::Subscription) {
                    let actual = actual_cost(&response.data, mutation_cost, state.kind);
                    if let Some(cost) = cost_extension(&state, actual) {
                        metrics.graphql_cost_actual(actual);
                        response.extensions.insert("cost".to_owned(), cost);
                    }
                }
                response
            })
            .boxed()
    }

    async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        request: Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<Request> {
        let name = request.operation_name.clone();
        self.update(|state| state.requested_name = name);
        next.run(ctx, request).await
    }

    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let document = next.run(ctx, query, variables).await?;
        self.update(|state| {
            let requested = state.requested_name.as_deref();
            state.kind = selected_operation(&document, requested).map(|(_, kind)| kind);
            state.mutation_fields = selected_mutation_fields(&document, requested);
        });
        Ok(document)
    }

    async fn validation(
        &self,
        ctx: &ExtensionContext<'_>,
        next: NextValidation<'_>,
    ) -> Result<ValidationResult, Vec<ServerError>> {
        let result = next.run(ctx).await?;
        let settings = self.limits.settings();
        let state = snapshot(&self.state);
        let surcharge = u64::from(state.mutation_fields) * u64::from(settings.mutation_cost);
        let cost = (result.complexity as u64).saturating_add(surcharge).max(1);
        self.update(|state| state.requested = Some(cost));
        self.metrics.graphql_cost_requested(cost);
        let max_cost = settings.max_cost as u64;
        if cost > max_cost {
            return Err(vec![too_complex(cost, max_cost, "the limit per operation")]);
        }
        let budget = self.charge(ctx, cost).await?;
        self.update(|state| state.budget = budget);
        Ok(result)
    }
}
