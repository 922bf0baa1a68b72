//! A schema extension that wraps each query or mutation in a span for trace export, named as
//! OpenTelemetry's GraphQL conventions say (`query Home`), with the operation's name and type
//! and whether it ended in errors. Never the document or the variables: they may hold what an
//! organization would not want in a shared collector.

use super::TRACE_TARGET;
use crate::metrics::graphql::selected_operation;
use async_graphql::{
    extensions::{
        Extension, ExtensionContext, ExtensionFactory, NextParseQuery, NextPrepareRequest,
        NextRequest,
    },
    parser::types::ExecutableDocument,
    Request, Response, ServerResult, Variables,
};
use opentelemetry::trace::TraceContextExt;
use std::sync::{Arc, Mutex};
use tracing::{field::Empty, Instrument};
use tracing_opentelemetry::OpenTelemetrySpanExt;

/// Creates one [`OperationSpan`] per operation.
pub struct TraceExtension;

impl ExtensionFactory for TraceExtension {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(OperationSpan::default())
    }
}

/// The span of one operation.
#[derive(Default)]
pub struct OperationSpan {
    requested_name: Mutex<Option<String>>,
    span: Mutex<Option<tracing::Span>>,
}

#[async_graphql::async_trait::async_trait]
impl Extension for OperationSpan {
    async fn request(&self, ctx: &ExtensionContext<'_>, next: NextRequest<'_>) -> Response {
        let span = tracing::info_span!(
            target: TRACE_TARGET,
            "graphql",
            graphql.operation.name = Empty,
            graphql.operation.type = Empty,
            graphql.errors = Empty,
            otel.status_code = Empty,
        );
        if let Ok(mut slot) = self.span.lock() {
            *slot = Some(span.clone());
        }
        let response = next.run(ctx).instrument(span.clone()).await;
        if response.errors.is_empty() {
            span.record("otel.status_code", "OK");
        } else {
            span.record("otel.status_code", "ERROR");
            span.record("graphql.errors", response.errors.len());
        }
        response
    }

    async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        request: Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<Request> {
        if let Ok(mut name) = self.requested_name.lock() {
            name.clone_from(&request.operation_name);
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
        let requested = self
            .requested_name
            .lock()
            .ok()
            .and_then(|name| name.clone());
        let span = self.span.lock().ok().and_then(|span| span.clone());
        if let (Some(span), Some((name, kind))) =
            (span, selected_operation(&document, requested.as_deref()))
        {
            let kind = kind.as_str();
            // The exported span exists by now (it was entered), so it is renamed through
            // OpenTelemetry: recording `otel.name` only names a span not yet started.
            span.context().span().update_name(match &name {
                Some(name) => format!("{kind} {name}"),
                None => kind.to_owned(),
            });
            span.record("graphql.operation.type", kind);
            if let Some(name) = &name {
                span.record("graphql.operation.name", name.as_str());
            }
        }
        Ok(document)
    }
}
