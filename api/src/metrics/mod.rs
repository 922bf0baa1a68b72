//! Prometheus metrics of one server (README, "Metrics"): a registry owned by the instance's
//! [`Metrics`] (no process-global state, so servers in one process never mix their figures),
//! counters and histograms updated where things happen, gauges read from the database pool
//! and the outbox when `/metrics` is scraped.

pub mod graphql;
pub mod http;

use crate::events::EventHub;
use prometheus::{
    Encoder, Histogram, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge,
    IntGaugeVec, Opts, Registry, TextEncoder,
};
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, Statement};
use std::{collections::HashSet, sync::Mutex};

/// Distinct operation names labelled by default; later new names count as `other`.
pub const DEFAULT_MAX_OPERATION_NAMES: usize = 200;

/// Longest operation name used as a label (longer ones are cut).
const MAX_OPERATION_NAME_LEN: usize = 100;

/// The label of operations without a name.
pub const ANONYMOUS: &str = "anonymous";
/// The label of named operations beyond the cap of distinct names.
pub const OTHER: &str = "other";

/// What a GraphQL operation was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OperationKind {
    Query,
    Mutation,
    Subscription,
    /// The document did not parse, or the operation could not be chosen.
    Unknown,
}

impl OperationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Query => "query",
            Self::Mutation => "mutation",
            Self::Subscription => "subscription",
            Self::Unknown => "unknown",
        }
    }
}

/// How a GraphQL operation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Executed without errors.
    Ok,
    /// Executed, with field errors.
    Errors,
    /// Did not execute: the document did not parse or validate, or variables did not coerce.
    RequestError,
    /// Refused before execution: the credentials were missing, invalid or unverifiable.
    Unauthenticated,
    /// Refused: a limit was reached.
    RateLimited,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::Errors => "errors",
            Self::RequestError => "request_error",
            Self::Unauthenticated => "unauthenticated",
            Self::RateLimited => "rate_limited",
        }
    }
}

/// The metrics of one server.
pub struct Metrics {
    registry: Registry,
    graphql_requests: IntCounterVec,
    graphql_duration: HistogramVec,
    graphql_complexity: Histogram,
    graphql_cost: HistogramVec,
    rate_limit_rejections: IntCounterVec,
    http_requests: IntCounterVec,
    db_pool_connections: IntGaugeVec,
    db_pool_max: IntGauge,
    outbox_unsequenced: IntGauge,
    outbox_last_position: IntGauge,
    outbox_delivered_position: IntGauge,
    webhook_attempts: IntCounterVec,
    webhook_disabled: IntCounter,
    webhook_pending: IntGauge,
    subscriptions_active: IntGauge,
    persisted_queries: IntCounterVec,
    rate_limited: IntCounter,
    operation_names: Mutex<HashSet<String>>,
    max_operation_names: usize,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Metrics")
            .field("max_operation_names", &self.max_operation_names)
            .finish()
    }
}

fn register<T: prometheus::core::Collector + Clone + 'static>(
    registry: &Registry,
    metric: T,
) -> prometheus::Result<T> {
    registry.register(Box::new(metric.clone()))?;
    Ok(metric)
}

fn counter_vec(
    registry: &Registry,
    name: &str,
    help: &str,
    labels: &[&str],
) -> prometheus::Result<IntCounterVec> {
    register(registry, IntCounterVec::new(Opts::new(name, help), labels)?)
}

fn counter(registry: &Registry, name: &str, help: &str) -> prometheus::Result<IntCounter> {
    register(registry, IntCounter::new(name, help)?)
}

fn gauge(registry: &Registry, name: &str, help: &str) -> prometheus::Result<IntGauge> {
    register(registry, IntGauge::new(name, help)?)
}

impl Metrics {
    /// Fresh metrics; at most `max_operation_names` distinct operation names get a label.
    /// Fails only on an invalid metric definition (a bug every test would show).
    pub fn new(max_operation_names: usize) -> prometheus::Result<Self> {
        let registry = Registry::new();
        let graphql_requests = counter_vec(
            &registry,
            "praxis_graphql_requests_total",
            "GraphQL operations by operation name, kind and outcome.",
            &["operation", "kind", "outcome"],
        )?;
        let graphql_duration = register(
            &registry,
            HistogramVec::new(
                HistogramOpts::new(
                    "praxis_graphql_request_duration_seconds",
                    "Time to answer a GraphQL query or mutation, by kind and outcome.",
                )
                .buckets(vec![
                    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
                ]),
                &["kind", "outcome"],
            )?,
        )?;
        let graphql_complexity = register(
            &registry,
            Histogram::with_opts(
                HistogramOpts::new(
                    "praxis_graphql_query_complexity",
                    "Complexity of validated GraphQL operations (the cost --max-complexity limits).",
                )
                .buckets(vec![
                    10.0, 50.0, 100.0, 250.0, 500.0, 1000.0, 2500.0, 5000.0, 10000.0, 20000.0,
                ]),
            )?,
        )?;
        let graphql_cost = register(
            &registry,
            HistogramVec::new(
                HistogramOpts::new(
                    "praxis_graphql_cost_points",
                    "Cost of GraphQL operations in points: requested (computed before running, \
                     what budgets are charged) and actual (what the answer held).",
                )
                .buckets(vec![
                    1.0, 10.0, 50.0, 100.0, 250.0, 500.0, 1000.0, 2500.0, 5000.0, 10000.0, 20000.0,
                ]),
                &["measure"],
            )?,
        )?;
        let rate_limit_rejections = counter_vec(
            &registry,
            "praxis_rate_limit_rejections_total",
            "Operations refused because a cost budget was spent, by the budget's scope.",
            &["scope"],
        )?;
        let http_requests = counter_vec(
            &registry,
            "praxis_http_requests_total",
            "HTTP requests by method, matched route pattern and status code.",
            &["method", "route", "status"],
        )?;
        let db_pool_connections = register(
            &registry,
            IntGaugeVec::new(
                Opts::new(
                    "praxis_db_pool_connections",
                    "Open database connections of this instance's pool, idle or in use.",
                ),
                &["state"],
            )?,
        )?;
        Ok(Self {
            graphql_requests,
            graphql_duration,
            graphql_complexity,
            graphql_cost,
            rate_limit_rejections,
            http_requests,
            db_pool_connections,
            db_pool_max: gauge(
                &registry,
                "praxis_db_pool_max_connections",
                "Largest number of connections the pool opens (--database-max-connections).",
            )?,
            outbox_unsequenced: gauge(
                &registry,
                "praxis_outbox_unsequenced_events",
                "Domain events committed but not numbered yet (the sequencer's backlog).",
            )?,
            outbox_last_position: gauge(
                &registry,
                "praxis_outbox_last_position",
                "The highest position the sequencer has given an event.",
            )?,
            outbox_delivered_position: gauge(
                &registry,
                "praxis_outbox_delivered_position",
                "The last position this instance has fanned out to its subscribers.",
            )?,
            webhook_attempts: counter_vec(
                &registry,
                "praxis_webhook_attempts_total",
                "Webhook attempts made by this instance, by outcome.",
                &["outcome"],
            )?,
            webhook_disabled: counter(
                &registry,
                "praxis_webhook_endpoints_disabled_total",
                "Webhook endpoints this instance disabled after failing for --webhook-disable-after.",
            )?,
            webhook_pending: gauge(
                &registry,
                "praxis_webhook_pending_deliveries",
                "Webhook deliveries not yet delivered or failed (all instances).",
            )?,
            subscriptions_active: gauge(
                &registry,
                "praxis_subscriptions_active",
                "Operations running on this instance's WebSocket connections.",
            )?,
            persisted_queries: counter_vec(
                &registry,
                "praxis_persisted_queries_total",
                "Requests naming a document by hash (APQ or a registered operation), by outcome.",
                &["outcome"],
            )?,
            rate_limited: counter(
                &registry,
                "praxis_rate_limited_total",
                "Operations refused with RATE_LIMITED.",
            )?,
            registry,
            operation_names: Mutex::new(HashSet::new()),
            max_operation_names,
        })
    }

    /// The label of an operation name: itself while the cap of distinct names allows,
    /// `other` beyond it, `anonymous` without one.
    pub fn operation_label(&self, name: Option<&str>) -> String {
        let Some(name) = name.filter(|name| !name.is_empty()) else {
            return ANONYMOUS.to_owned();
        };
        let name: String = name.chars().take(MAX_OPERATION_NAME_LEN).collect();
        let Ok(mut names) = self.operation_names.lock() else {
            return OTHER.to_owned();
        };
        if names.contains(&name) {
            return name;
        }
        if names.len() >= self.max_operation_names {
            return OTHER.to_owned();
        }
        names.insert(name.clone());
        name
    }

    /// Counts one GraphQL operation; `duration` is `None` where it means nothing (a
    /// subscription lives as long as its client wants).
    pub fn graphql_operation(
        &self,
        name: Option<&str>,
        kind: OperationKind,
        outcome: Outcome,
        duration: Option<std::time::Duration>,
    ) {
        let operation = self.operation_label(name);
        self.graphql_requests
            .with_label_values(&[operation.as_str(), kind.as_str(), outcome.as_str()])
            .inc();
        if let Some(duration) = duration {
            self.graphql_duration
                .with_label_values(&[kind.as_str(), outcome.as_str()])
                .observe(duration.as_secs_f64());
        }
        if outcome == Outcome::RateLimited {
            self.rate_limited.inc();
        }
    }

    pub fn graphql_complexity(&self, complexity: usize) {
        self.graphql_complexity.observe(complexity as f64);
    }

    /// The cost of an operation as computed before it ran.
    pub fn graphql_cost_requested(&self, points: u64) {
        self.graphql_cost
            .with_label_values(&["requested"])
            .observe(points as f64);
    }

    /// The cost of what an operation's answer held.
    pub fn graphql_cost_actual(&self, points: u64) {
        self.graphql_cost
            .with_label_values(&["actual"])
            .observe(points as f64);
    }

    /// An operation refused because the budget of this scope was spent.
    pub fn rate_limit_rejection(&self, scope: &str) {
        self.rate_limit_rejections
            .with_label_values(&[&scope.to_lowercase()])
            .inc();
    }

    pub fn http_request(&self, method: &str, route: &str, status: u16) {
        self.http_requests
            .with_label_values(&[method, route, &status.to_string()])
            .inc();
    }

    pub fn webhook_attempt(&self, succeeded: bool) {
        let outcome = if succeeded { "success" } else { "failure" };
        self.webhook_attempts.with_label_values(&[outcome]).inc();
    }

    pub fn webhook_endpoint_disabled(&self) {
        self.webhook_disabled.inc();
    }

    /// Counts a request that named a document by hash: `hit` (found), `miss` (answered
    /// PERSISTED_QUERY_NOT_FOUND), `stored` (an APQ query with its hash, now cached),
    /// `refused` (PERSISTED_QUERY_REQUIRED, or a hash that is not the query's).
    pub fn persisted_query(&self, outcome: &'static str) {
        self.persisted_queries.with_label_values(&[outcome]).inc();
    }

    /// Counts an operation running on a WebSocket until the guard is dropped.
    pub fn active_subscription(self: &std::sync::Arc<Self>) -> ActiveSubscription {
        self.subscriptions_active.inc();
        ActiveSubscription(self.clone())
    }

    /// Reads the gauges and renders every metric in the Prometheus text format.
    pub async fn render(&self, db: &DatabaseConnection, hub: &EventHub) -> String {
        self.read_pool(db);
        self.read_outbox(db).await;
        self.outbox_delivered_position.set(hub.read_position());
        let mut buffer = Vec::new();
        if let Err(err) = TextEncoder::new().encode(&self.registry.gather(), &mut buffer) {
            tracing::error!(%err, "metrics could not be encoded");
        }
        String::from_utf8_lossy(&buffer).into_owned()
    }

    fn read_pool(&self, db: &DatabaseConnection) {
        let (size, idle, max) = match db.get_database_backend() {
            DatabaseBackend::Postgres => {
                let pool = db.get_postgres_connection_pool();
                (
                    pool.size(),
                    pool.num_idle(),
                    pool.options().get_max_connections(),
                )
            }
            _ => {
                let pool = db.get_sqlite_connection_pool();
                (
                    pool.size(),
                    pool.num_idle(),
                    pool.options().get_max_connections(),
                )
            }
        };
        let idle = i64::try_from(idle).unwrap_or(i64::MAX);
        self.db_pool_connections
            .with_label_values(&["idle"])
            .set(idle);
        self.db_pool_connections
            .with_label_values(&["in_use"])
            .set((i64::from(size) - idle).max(0));
        self.db_pool_max.set(i64::from(max));
    }

    /// Counts read at scrape time; a failed read leaves the last value and is logged.
    async fn read_outbox(&self, db: &DatabaseConnection) {
        let reads = [
            (
                &self.outbox_unsequenced,
                // The partial index domain_event_unsequenced_idx answers this.
                "SELECT COUNT(*) AS n FROM domain_event WHERE position IS NULL",
            ),
            (
                &self.outbox_last_position,
                "SELECT COALESCE(MAX(position), 0) AS n FROM domain_event",
            ),
            (
                &self.webhook_pending,
                // webhook_delivery_due_idx (status, next_attempt_at) answers this.
                "SELECT COUNT(*) AS n FROM webhook_delivery WHERE status = 'PENDING'",
            ),
        ];
        for (gauge, sql) in reads {
            let statement = Statement::from_string(db.get_database_backend(), sql);
            match db.query_one_raw(statement).await {
                Ok(Some(row)) => match row.try_get::<i64>("", "n") {
                    Ok(value) => gauge.set(value),
                    Err(err) => tracing::warn!(%err, sql, "reading a metric failed"),
                },
                Ok(None) => {}
                Err(err) => tracing::warn!(%err, sql, "reading a metric failed"),
            }
        }
    }
}

/// An operation running on a WebSocket connection; dropping it ends the count.
pub struct ActiveSubscription(std::sync::Arc<Metrics>);

impl Drop for ActiveSubscription {
    fn drop(&mut self) {
        self.0.subscriptions_active.dec();
    }
}
