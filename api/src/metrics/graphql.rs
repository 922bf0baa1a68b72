//! A schema extension that counts every operation the schema runs (over HTTP and WebSocket):
//! its name and kind as parsed, its complexity as validated, its outcome and duration.

use super::{Metrics, OperationKind, Outcome};
use crate::graphql_http::is_request_error;
use async_graphql::{
    extensions::{
        Extension, ExtensionContext, ExtensionFactory, NextParseQuery, NextPrepareRequest,
        NextRequest, NextSubscribe, NextValidation,
    },
    parser::types::{DocumentOperations, ExecutableDocument, OperationType},
    Request, Response, ServerError, ServerResult, ValidationResult, Variables,
};
use futures_util::stream::BoxStream;
use std::{
    sync::{Arc, Mutex},
    time::Instant,
};

/// Creates one [`OperationMetrics`] per operation.
pub struct MetricsExtension(pub Arc<Metrics>);

impl ExtensionFactory for MetricsExtension {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(OperationMetrics {
            metrics: self.0.clone(),
            seen: Arc::new(Mutex::new(Seen::default())),
        })
    }
}

#[derive(Default)]
struct Seen {
    requested_name: Option<String>,
    name: Option<String>,
    kind: Option<OperationKind>,
}

struct OperationMetrics {
    metrics: Arc<Metrics>,
    /// What parsing found, shared with the stream of a WebSocket operation.
    seen: Arc<Mutex<Seen>>,
}

fn outcome(response: &Response) -> Outcome {
    if response.errors.is_empty() {
        Outcome::Ok
    } else if is_rate_limited(response) {
        Outcome::RateLimited
    } else if is_request_error(response) {
        Outcome::RequestError
    } else {
        Outcome::Errors
    }
}

/// A response refused because a budget was spent (RATE_LIMITED, nothing ran).
pub fn is_rate_limited(response: &Response) -> bool {
    is_request_error(response)
        && response.errors.iter().any(|error| {
            error
                .extensions
                .as_ref()
                .and_then(|extensions| extensions.get("code"))
                .is_some_and(|code| {
                    *code
                        == async_graphql::Value::from(
                            crate::graphql::error::ErrorCode::RateLimited.as_str(),
                        )
                })
        })
}

/// The name and kind of the operation a request selects in a document, if it selects one.
pub fn selected_operation(
    document: &ExecutableDocument,
    requested: Option<&str>,
) -> Option<(Option<String>, OperationKind)> {
    let kind = |ty: OperationType| match ty {
        OperationType::Query => OperationKind::Query,
        OperationType::Mutation => OperationKind::Mutation,
        OperationType::Subscription => OperationKind::Subscription,
    };
    match (&document.operations, requested) {
        (DocumentOperations::Single(operation), None) => Some((None, kind(operation.node.ty))),
        (DocumentOperations::Multiple(operations), Some(name)) => operations
            .get(name)
            .map(|operation| (Some(name.to_owned()), kind(operation.node.ty))),
        (DocumentOperations::Multiple(operations), None) if operations.len() == 1 => operations
            .iter()
            .next()
            .map(|(name, operation)| (Some(name.to_string()), kind(operation.node.ty))),
        _ => None,
    }
}

fn labels(seen: &Mutex<Seen>) -> (Option<String>, OperationKind) {
    match seen.lock() {
        Ok(seen) => (
            seen.name.clone(),
            seen.kind.unwrap_or(OperationKind::Unknown),
        ),
        Err(_) => (None, OperationKind::Unknown),
    }
}

/// The name and kind of the operation a request selects, for a request refused before it
/// reached the schema.
pub fn operation_labels(request: &mut Request) -> (Option<String>, OperationKind) {
    let requested = request.operation_name.clone();
    match request.parsed_query() {
        Ok(document) => selected_operation(document, requested.as_deref())
            .unwrap_or((None, OperationKind::Unknown)),
        Err(_) => (None, OperationKind::Unknown),
    }
}

impl OperationMetrics {
    fn record(&self, response: &Response, started: Option<Instant>) {
        let (name, kind) = labels(&self.seen);
        self.metrics.graphql_operation(
            name.as_deref(),
            kind,
            outcome(response),
            started.map(|started| started.elapsed()),
        );
    }
}

#[async_graphql::async_trait::async_trait]
impl Extension for OperationMetrics {
    async fn request(&self, ctx: &ExtensionContext<'_>, next: NextRequest<'_>) -> Response {
        let started = Instant::now();
        let response = next.run(ctx).await;
        self.record(&response, Some(started));
        response
    }

    /// Operations on a WebSocket run as streams: one is counted at its first response (its
    /// duration only for queries and mutations) and is active while its stream lives.
    fn subscribe<'s>(
        &self,
        ctx: &ExtensionContext<'_>,
        stream: BoxStream<'s, Response>,
        next: NextSubscribe<'_>,
    ) -> BoxStream<'s, Response> {
        use futures_util::StreamExt;
        let started = Instant::now();
        let active = self.metrics.active_subscription();
        let metrics = self.metrics.clone();
        let seen = self.seen.clone();
        let mut counted = false;
        next.run(ctx, stream)
            .map(move |response| {
                let _active = &active;
                if !counted {
                    counted = true;
                    let (name, kind) = labels(&seen);
                    let duration = (kind != OperationKind::Subscription).then(|| started.elapsed());
                    metrics.graphql_operation(name.as_deref(), kind, outcome(&response), duration);
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
        if let Ok(mut seen) = self.seen.lock() {
            seen.requested_name = request.operation_name.clone();
        }
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
        if let Ok(mut seen) = self.seen.lock() {
            if let Some((name, kind)) =
                selected_operation(&document, seen.requested_name.as_deref())
            {
                seen.name = name;
                seen.kind = Some(kind);
            }
        }
        Ok(document)
    }

    async fn validation(
        &self,
        ctx: &ExtensionContext<'_>,
        next: NextValidation<'_>,
    ) -> Result<ValidationResult, Vec<ServerError>> {
        let result = next.run(ctx).await?;
        self.metrics.graphql_complexity(result.complexity);
        Ok(result)
    }
}
