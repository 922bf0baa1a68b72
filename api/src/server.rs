//! The HTTP server: GraphQL over HTTP on /graphql (see [`crate::graphql_http`]), GraphiQL and
//! graphql-transport-ws (see [`crate::graphql_ws`]) on GET /graphql, `/healthz` and `/readyz`, request ids, body
//! limits and a graceful shutdown that lets in-flight requests finish and closes WebSockets.

use crate::{
    auth::{self, TokenVerifier, Viewer},
    config::ServeArgs,
    cost::limiter::{Budgets, ClientAddress},
    db,
    error::ServiceError,
    events::{EventHub, RealtimeSettings},
    graphql::{
        self,
        calendar::RequestOrigin,
        context::ServiceSettings,
        error::{to_graphql, ErrorCode},
        event_loaders::EventLoaders,
        loaders::Loaders,
        node::{parse_global_id, NodeKind},
        PraxisSchema, SchemaLimits,
    },
    graphql_http,
    graphql_ws::{self, WsSettings},
    metrics::{self, Metrics},
};
use actix_web::{
    dev::{Server, Service},
    http::header,
    web, App, HttpMessage, HttpRequest, HttpResponse, HttpServer,
};
use async_graphql::Request;
use futures_util::FutureExt;
use sea_orm::DatabaseConnection;
use serde_json::json;
use std::{net::SocketAddr, sync::Arc, time::Duration};
use tokio::sync::watch;
use tracing_actix_web::{RequestId, TracingLogger};

/// Most operations one batched POST may carry.
pub const MAX_BATCH: usize = 10;

/// Everything a request handler needs, shared by all workers.
#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub schema: PraxisSchema,
    pub verifier: Arc<TokenVerifier>,
    pub graphiql: bool,
    /// Largest request body accepted on POST /graphql (413 beyond).
    pub max_body_bytes: usize,
    pub settings: ServiceSettings,
    pub ws: WsSettings,
    pub shutdown: ShutdownSignal,
    /// The outbox sequencer, the subscriptions' bus and the webhook workers of this instance.
    pub hub: EventHub,
    /// This server's metrics (the hub's and the schema's too).
    pub metrics: Arc<Metrics>,
    /// Whether GET /metrics is served.
    pub metrics_enabled: bool,
    /// The bearer token GET /metrics requires, if any.
    pub metrics_token: Option<String>,
    /// This instance's cache of automatic persisted queries.
    pub persisted_queries: Arc<crate::persisted_queries::QueryCache>,
}

/// Tells long-lived connections (WebSockets) that the server is stopping, so that they close
/// (1001) instead of holding the graceful shutdown until its timeout.
#[derive(Clone)]
pub struct ShutdownSignal(Arc<watch::Sender<bool>>);

impl Default for ShutdownSignal {
    fn default() -> Self {
        Self(Arc::new(watch::channel(false).0))
    }
}

impl ShutdownSignal {
    /// Starts the shutdown: every connection that listens closes.
    pub fn trigger(&self) {
        self.0.send_replace(true);
    }

    /// A receiver whose value turns `true` when the shutdown starts.
    pub fn subscribe(&self) -> watch::Receiver<bool> {
        self.0.subscribe()
    }
}

/// How often `praxis serve` rolls the horizon of open recurring series forward.
pub const SERIES_EXTENSION_INTERVAL: Duration = Duration::from_secs(3600);

impl AppState {
    pub fn new(db: DatabaseConnection, args: &ServeArgs) -> anyhow::Result<Self> {
        let verifier = Arc::new(TokenVerifier::from_args(&args.auth)?);
        let limits = SchemaLimits {
            max_depth: args.max_depth,
            max_complexity: args.max_complexity,
            introspection: args.introspection,
            mutation_cost: args.rate_limits.mutation_cost,
            budgets: Budgets::from_args(&args.rate_limits),
            rate_limit_window: args.rate_limits.rate_limit_window,
        };
        let settings = ServiceSettings {
            allow_loopback_jwks: args.auth.allow_loopback_jwks,
            audience: args.auth.audience.clone(),
            idea_edit_window: args.idea_edit_window,
            dormant_after: args.dormant_after,
            public_url: args.public_url.clone(),
        };
        let metrics = Arc::new(Metrics::new(args.metrics_max_operation_names)?);
        let hub = EventHub::new(
            db.clone(),
            RealtimeSettings::from(&args.realtime),
            metrics.clone(),
        );
        Ok(Self {
            schema: graphql::build_schema(db.clone(), settings.clone(), hub.clone(), &limits),
            hub,
            db,
            verifier,
            graphiql: args.graphiql,
            max_body_bytes: args.max_body_bytes,
            settings,
            ws: WsSettings::from_args(args),
            shutdown: ShutdownSignal::default(),
            metrics,
            metrics_enabled: args.metrics,
            metrics_token: args.metrics_token.clone().filter(|token| !token.is_empty()),
            persisted_queries: Arc::default(),
        })
    }
}

/// Binds the server and returns it (not yet running) with the address it listens on.
pub fn bind(state: AppState, args: &ServeArgs) -> anyhow::Result<(Server, SocketAddr)> {
    state.hub.start();
    let factory = move || {
        let request_metrics = state.metrics.clone();
        let serve_metrics = state.metrics_enabled;
        App::new()
            .app_data(web::Data::new(state.clone()))
            .wrap_fn(move |req, srv| {
                let metrics = request_metrics.clone();
                let method = metrics::http::method_label(req.method());
                srv.call(req).map(move |res| {
                    if let Ok(res) = &res {
                        let route = metrics::http::route_label(res);
                        metrics.http_request(method, &route, res.status().as_u16());
                    }
                    res
                })
            })
            .wrap_fn(|req, srv| {
                let request_id = req.extensions().get::<RequestId>().copied();
                srv.call(req).map(move |res| {
                    res.map(|mut res| {
                        if let Some(id) = request_id
                            .and_then(|id| header::HeaderValue::from_str(&id.to_string()).ok())
                        {
                            res.headers_mut()
                                .insert(header::HeaderName::from_static("x-request-id"), id);
                        }
                        res
                    })
                })
            })
            .wrap(TracingLogger::default())
            .route("/graphql", web::post().to(graphql_http::graphql_post))
            .route("/graphql", web::get().to(graphql_get))
            .route(
                "/graphql",
                web::route().to(graphql_http::method_not_allowed),
            )
            .route("/graphql/ws", web::get().to(graphql_get))
            .configure(crate::report_csv::routes)
            .configure(crate::console::routes)
            .route("/healthz", web::get().to(healthz))
            .route("/readyz", web::get().to(readyz))
            .configure(|config| {
                if serve_metrics {
                    config.route("/metrics", web::get().to(metrics::http::metrics));
                }
            })
            .route("/calendar/{token}.ics", web::get().to(personal_calendar))
            .route(
                "/calendar/{token}/communities/{community}.ics",
                web::get().to(community_calendar),
            )
    };
    let mut server = HttpServer::new(factory)
        .shutdown_timeout(args.shutdown_timeout.as_secs().max(1))
        .disable_signals();
    if let Some(workers) = args.workers {
        server = server.workers(workers.max(1));
    }
    let server = server.bind(args.bind)?;
    let addr = server
        .addrs()
        .first()
        .copied()
        .ok_or_else(|| anyhow::anyhow!("server bound to no address"))?;
    Ok((server.run(), addr))
}

/// Runs the server until SIGTERM or Ctrl-C, then stops gracefully: no new connections, and
/// in-flight requests get `--shutdown-timeout` to finish.
pub async fn serve(db: DatabaseConnection, args: &ServeArgs) -> anyhow::Result<()> {
    let state = AppState::new(db.clone(), args)?;
    let shutdown = state.shutdown.clone();
    let (server, addr) = bind(state, args)?;
    tokio::spawn(extend_series_forever(db));
    tracing::info!(%addr, "listening: GraphiQL and queries at http://{addr}/graphql");
    let handle = server.handle();
    let timeout = args.shutdown_timeout;
    tokio::spawn(async move {
        shutdown_signal().await;
        tracing::info!(timeout = %humantime::format_duration(timeout), "shutting down: finishing in-flight requests");
        shutdown.trigger();
        handle.stop(true).await;
    });
    server.await?;
    tracing::info!("stopped");
    Ok(())
}

/// Extends open recurring series now and every hour; failures are logged, never fatal.
async fn extend_series_forever(db: DatabaseConnection) {
    let mut ticks = tokio::time::interval(SERIES_EXTENSION_INTERVAL);
    loop {
        ticks.tick().await;
        match crate::service::event::extend_open_series(&db, chrono::Utc::now()).await {
            Ok(0) => {}
            Ok(added) => tracing::info!(added, "recurring series extended"),
            Err(err) => tracing::warn!(%err, "extending recurring series failed"),
        }
    }
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = term.recv() => {},
                    _ = tokio::signal::ctrl_c() => {},
                }
            }
            Err(err) => {
                tracing::warn!(%err, "cannot listen for SIGTERM; only Ctrl-C stops the server");
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

pub(crate) fn error_body(
    code: ErrorCode,
    message: &str,
    reason: Option<&str>,
) -> serde_json::Value {
    let mut extensions = json!({ "code": code.as_str() });
    if let Some(reason) = reason {
        extensions["reason"] = json!(reason);
    }
    json!({ "errors": [{ "message": message, "extensions": extensions }] })
}

/// The response for a request whose credentials were refused or could not be checked.
pub(crate) fn auth_error_response(err: &ServiceError) -> HttpResponse {
    match err {
        ServiceError::Unauthenticated(reason) => HttpResponse::Unauthorized()
            .insert_header((header::WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""))
            .json(error_body(
                ErrorCode::Unauthenticated,
                &reason.to_string(),
                Some(reason.code()),
            )),
        other => {
            let _ = to_graphql(other);
            HttpResponse::ServiceUnavailable().json(error_body(
                ErrorCode::Internal,
                "internal error",
                None,
            ))
        }
    }
}

/// Errors raised by the GraphQL engine itself (syntax, validation, depth and complexity
/// limits) carry no code; every error a client sees must. Those without a path concern the
/// request as a whole and are the client's to fix, and so is a variable the request left out
/// (async-graphql finds that only while resolving the argument, so the error has a path); any
/// other uncoded error is a server bug.
pub(crate) fn ensure_error_codes(response: &mut async_graphql::Response) {
    for error in &mut response.errors {
        let extensions = error.extensions.get_or_insert_with(Default::default);
        if extensions.get("code").is_none() {
            let missing_variable = error.message.starts_with("Variable ")
                && error.message.ends_with(" is not defined.");
            let code = if error.path.is_empty() || missing_variable {
                ErrorCode::BadUserInput
            } else {
                tracing::error!(message = %error.message, "uncoded resolver error");
                ErrorCode::Internal
            };
            extensions.set("code", code.as_str());
        }
    }
}

pub(crate) fn authorization(req: &HttpRequest) -> Option<&str> {
    req.headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
}

/// Whether a request runs a mutation (parsed once here; execution reuses the parse).
pub(crate) fn is_mutation(request: &mut async_graphql::Request) -> bool {
    use async_graphql::parser::types::{DocumentOperations, OperationType};
    let name = request.operation_name.clone();
    let Ok(document) = request.parsed_query() else {
        return false;
    };
    match &document.operations {
        DocumentOperations::Single(operation) => operation.node.ty == OperationType::Mutation,
        DocumentOperations::Multiple(operations) => name
            .as_deref()
            .and_then(|name| operations.get(name))
            .is_some_and(|operation| operation.node.ty == OperationType::Mutation),
    }
}

async fn graphql_get(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> actix_web::Result<HttpResponse> {
    let is_upgrade = req
        .headers()
        .get(header::UPGRADE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("websocket"));
    if is_upgrade {
        return graphql_ws::upgrade(state, &req, payload);
    }
    Ok(graphql_http::graphql_get(&state, &req).await)
}

/// The address of the peer a request came from. Deliberately not `X-Forwarded-For`, which
/// any client can write: behind a proxy, requests without a token share the proxy's budget.
pub(crate) fn client_address(req: &HttpRequest) -> ClientAddress {
    ClientAddress(req.peer_addr().map(|addr| addr.ip()))
}

/// The scheme and host a request came in by, for links handed out without `--public-url`.
pub(crate) fn request_origin(req: &HttpRequest) -> RequestOrigin {
    let info = req.connection_info();
    RequestOrigin(format!("{}://{}", info.scheme(), info.host()))
}

impl AppState {
    /// Finds the documents requests name by hash (see [`crate::persisted_queries`]).
    pub(crate) fn persisted(&self) -> crate::persisted_queries::Resolver<'_> {
        crate::persisted_queries::Resolver {
            db: &self.db,
            cache: &self.persisted_queries,
            metrics: &self.metrics,
        }
    }
}

/// How an operation's DataLoaders treat what they have read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LoaderCache {
    /// One request: rows read once are reused.
    Cached,
    /// An operation of a WebSocket connection, which may live long (a subscription): rows
    /// are read as they are now; batching within one resolution stays.
    Uncached,
}

/// The context every operation runs with, over HTTP and WebSocket alike: the viewer, fresh
/// DataLoaders of its own, the request's origin and the client's address (the rate-limit key
/// of requests without a token).
pub(crate) fn attach_context(
    request: &mut Request,
    state: &AppState,
    viewer: &Viewer,
    origin: &RequestOrigin,
    client: ClientAddress,
    cache: LoaderCache,
) {
    let loaders = Loaders::new(&state.db, viewer);
    let event_loaders = EventLoaders::new(&state.db, viewer);
    if cache == LoaderCache::Uncached {
        loaders.disable_cache();
        event_loaders.disable_cache();
    }
    request.data.insert(viewer.clone());
    request.data.insert(loaders);
    request.data.insert(event_loaders);
    request.data.insert(origin.clone());
    request.data.insert(client);
}

/// The viewer of a WebSocket connection: the token comes in `connection_init`'s payload
/// (`Authorization`, `authorization` or `token`), or else in the upgrade request's
/// Authorization header. A connection without a token is refused (TOKEN_MISSING).
pub(crate) async fn authenticate_connection(
    state: &AppState,
    init_payload: &serde_json::Map<String, serde_json::Value>,
    header_token: Option<&str>,
) -> Result<Viewer, ServiceError> {
    let token = ["Authorization", "authorization", "token"]
        .iter()
        .find_map(|key| init_payload.get(*key).and_then(|v| v.as_str()))
        .or(header_token);
    match auth::authenticate(&state.db, &state.verifier, token).await? {
        Viewer::Anonymous => Err(ServiceError::Unauthenticated(
            auth::AuthFailure::TokenMissing,
        )),
        viewer => Ok(viewer),
    }
}

/// A calendar response: the feed, or 404 with a JSON body for an unknown token or an unknown
/// or invisible community.
fn calendar_response(result: Result<String, ServiceError>) -> HttpResponse {
    match result {
        Ok(body) => HttpResponse::Ok()
            .content_type("text/calendar; charset=utf-8")
            .insert_header((header::CACHE_CONTROL, "private, max-age=300"))
            .body(body),
        Err(ServiceError::NotFound) => HttpResponse::NotFound().json(error_body(
            ErrorCode::NotFound,
            "no such calendar feed",
            None,
        )),
        Err(other) => {
            let _ = to_graphql(&other);
            HttpResponse::InternalServerError().json(error_body(
                ErrorCode::Internal,
                "internal error",
                None,
            ))
        }
    }
}

/// GET /calendar/{token}.ics: the token's person's feed.
async fn personal_calendar(state: web::Data<AppState>, path: web::Path<String>) -> HttpResponse {
    let token = path.into_inner();
    let result = async {
        let viewer = crate::service::calendar::authenticate(&state.db, &token).await?;
        crate::service::calendar::personal_feed(&state.db, &viewer, chrono::Utc::now()).await
    }
    .await;
    calendar_response(result)
}

/// GET /calendar/{token}/communities/{communityGlobalId}.ics: a community's feed.
async fn community_calendar(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> HttpResponse {
    let (token, community) = path.into_inner();
    let result = async {
        let viewer = crate::service::calendar::authenticate(&state.db, &token).await?;
        let id = match parse_global_id(&async_graphql::ID(community)) {
            Some((NodeKind::Community, id)) => id,
            _ => return Err(ServiceError::NotFound),
        };
        crate::service::calendar::community_feed(&state.db, &viewer, id, chrono::Utc::now()).await
    }
    .await;
    calendar_response(result)
}

async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(json!({ "status": "ok" }))
}

/// Ready when the database answers within two seconds.
async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    let ping = tokio::time::timeout(Duration::from_secs(2), db::ping(&state.db)).await;
    match ping {
        Ok(Ok(())) => HttpResponse::Ok().json(json!({ "status": "ready", "database": "ok" })),
        Ok(Err(err)) => {
            tracing::warn!(%err, "readiness check: database error");
            HttpResponse::ServiceUnavailable()
                .json(json!({ "status": "unavailable", "database": "error" }))
        }
        Err(_) => HttpResponse::ServiceUnavailable()
            .json(json!({ "status": "unavailable", "database": "timeout" })),
    }
}
