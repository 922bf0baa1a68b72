//! Typed settings: every flag is also a `PRAXIS_*` environment variable.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::{net::SocketAddr, path::PathBuf, time::Duration};

/// Praxis: a GraphQL API for communities of practice that span organizations.
#[derive(Debug, Parser)]
#[command(name = "praxis", version, about, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub database: DatabaseArgs,
    #[command(flatten)]
    pub log: LogArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the HTTP server (GraphQL, GraphiQL, subscriptions, health checks).
    Serve(Box<ServeArgs>),
    /// Apply, revert or list schema migrations.
    Migrate {
        #[command(subcommand)]
        action: Option<MigrateAction>,
    },
    /// Print the GraphQL schema (SDL).
    Schema,
    /// Manage organizations (tenants) and their identity providers.
    Org {
        #[command(subcommand)]
        command: OrgCommand,
    },
    /// Mint a development token signed with an organization's HS256 key (or the operator's).
    Token(TokenArgs),
    /// Load the demo world (idempotent) and print how to get tokens for it; with `--scale N`,
    /// generate a large world into an empty database instead.
    Seed(SeedArgs),
}

#[derive(Debug, Clone, Args)]
pub struct DatabaseArgs {
    /// Database URL: `sqlite://FILE` (created on first start) or `postgres://USER@HOST/DB`.
    #[arg(
        long,
        env = "PRAXIS_DATABASE_URL",
        global = true,
        default_value = "sqlite://praxis.db"
    )]
    pub database_url: String,
    /// How long to wait for the database before giving up (e.g. `5s`).
    #[arg(long, env = "PRAXIS_DATABASE_TIMEOUT", global = true, default_value = "5s", value_parser = humantime::parse_duration)]
    pub database_timeout: Duration,
    /// Largest number of pooled database connections.
    #[arg(
        long,
        env = "PRAXIS_DATABASE_MAX_CONNECTIONS",
        global = true,
        default_value_t = 10
    )]
    pub database_max_connections: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line, for log shippers.
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct LogArgs {
    /// Log line format.
    #[arg(long, env = "PRAXIS_LOG_FORMAT", global = true, value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
    /// Log filter in `tracing` syntax, e.g. `info` or `api=debug,sqlx=warn`.
    #[arg(
        long,
        env = "PRAXIS_LOG",
        global = true,
        default_value = "info,sqlx=warn,sea_orm_migration=warn"
    )]
    pub log: String,
    /// Export traces over OTLP/HTTP (protobuf) to this URL, e.g.
    /// `http://127.0.0.1:4318/v1/traces`; unset, nothing is exported. The SDK's own
    /// `OTEL_EXPORTER_OTLP_HEADERS`, `OTEL_EXPORTER_OTLP_TIMEOUT` and `OTEL_BSP_*` apply.
    #[arg(long, env = "PRAXIS_OTLP_ENDPOINT", global = true, value_parser = parse_otlp_endpoint)]
    pub otlp_endpoint: Option<url::Url>,
    /// Share of traces started here that are exported, 0 to 1; a request carrying a
    /// `traceparent` follows its caller's sampling decision.
    #[arg(
        long,
        env = "PRAXIS_OTLP_SAMPLE_RATIO",
        global = true,
        default_value_t = 1.0,
        value_parser = parse_ratio
    )]
    pub otlp_sample_ratio: f64,
    /// `service.name` of the exported traces.
    #[arg(
        long,
        env = "PRAXIS_OTLP_SERVICE_NAME",
        global = true,
        default_value = "praxis"
    )]
    pub otlp_service_name: String,
}

fn parse_otlp_endpoint(value: &str) -> Result<url::Url, String> {
    let url = url::Url::parse(value).map_err(|e| format!("not a URL: {e}"))?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err("must be an http:// or https:// URL with a host".to_owned());
    }
    Ok(url)
}

fn parse_ratio(value: &str) -> Result<f64, String> {
    match value.parse::<f64>() {
        Ok(ratio) if (0.0..=1.0).contains(&ratio) => Ok(ratio),
        _ => Err("must be a number from 0 to 1".to_owned()),
    }
}

#[derive(Debug, Clone, Args)]
pub struct SeedArgs {
    /// Generate a world of N x (50 organizations, 5,000 people, 500 communities, 100,000
    /// problems, ideas and articles, a year of events) into an empty database; N from above 0
    /// (fractions such as 0.01 allowed) to 100.
    #[arg(long, value_name = "N")]
    pub scale: Option<String>,
    /// Seed of the generator: the same seed on the same day writes the same world.
    #[arg(long, default_value_t = 42, requires = "scale")]
    pub seed: u64,
    #[command(flatten)]
    pub auth: AuthArgs,
}

/// Token verification settings, shared by `serve`, `token` and `seed`.
#[derive(Debug, Clone, Args)]
pub struct AuthArgs {
    /// The audience (`aud`) every token must name.
    #[arg(long, env = "PRAXIS_AUDIENCE", default_value = "praxis")]
    pub audience: String,
    /// Clock skew allowed on `exp` and `nbf`, at most 30s.
    #[arg(long, env = "PRAXIS_JWT_LEEWAY", default_value = "30s", value_parser = parse_leeway)]
    pub jwt_leeway: Duration,
    /// Issuer (`iss`) of platform-operator tokens.
    #[arg(
        long,
        env = "PRAXIS_OPERATOR_ISSUER",
        default_value = "praxis-operator"
    )]
    pub operator_issuer: String,
    /// HS256 secret that signs platform-operator tokens (development and small setups).
    #[arg(long, env = "PRAXIS_OPERATOR_SECRET", hide_env_values = true)]
    pub operator_secret: Option<String>,
    /// PEM file with the public key of the platform operator's issuer (production).
    #[arg(
        long,
        env = "PRAXIS_OPERATOR_PUBLIC_KEY",
        conflicts_with = "operator_secret"
    )]
    pub operator_public_key: Option<PathBuf>,
    /// Algorithm of `--operator-public-key`: RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384 or EdDSA.
    #[arg(long, env = "PRAXIS_OPERATOR_ALGORITHM", default_value = "RS256")]
    pub operator_algorithm: String,
    /// How long fetched JWKS documents are trusted before they are fetched again.
    #[arg(long, env = "PRAXIS_JWKS_CACHE_TTL", default_value = "10m", value_parser = humantime::parse_duration)]
    pub jwks_cache_ttl: Duration,
    /// Shortest time between two refetches of a JWKS caused by an unknown `kid`.
    #[arg(long, env = "PRAXIS_JWKS_MIN_REFRESH", default_value = "30s", value_parser = humantime::parse_duration)]
    pub jwks_min_refresh: Duration,
    /// Accept `http://` JWKS URLs on loopback hosts (tests and local identity providers only).
    #[arg(long, env = "PRAXIS_ALLOW_LOOPBACK_JWKS", default_value_t = false)]
    pub allow_loopback_jwks: bool,
}

fn parse_leeway(value: &str) -> Result<Duration, String> {
    let leeway = humantime::parse_duration(value).map_err(|e| e.to_string())?;
    if leeway > Duration::from_secs(30) {
        return Err("leeway may be at most 30s".to_owned());
    }
    Ok(leeway)
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, env = "PRAXIS_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
    /// Load the demo world (idempotent) before serving.
    #[arg(long, env = "PRAXIS_DEMO", default_value_t = false)]
    pub demo: bool,
    /// Serve GraphiQL on GET /graphql.
    #[arg(long, env = "PRAXIS_GRAPHIQL", default_value_t = true, action = clap::ArgAction::Set)]
    pub graphiql: bool,
    /// Answer introspection queries (`__schema`, `__type`).
    #[arg(long, env = "PRAXIS_INTROSPECTION", default_value_t = true, action = clap::ArgAction::Set)]
    pub introspection: bool,
    /// Deepest query nesting accepted.
    #[arg(long, env = "PRAXIS_MAX_DEPTH", default_value_t = 15)]
    pub max_depth: usize,
    /// Highest query complexity accepted; a connection costs its page size times its selection.
    #[arg(long, env = "PRAXIS_MAX_COMPLEXITY", default_value_t = 20_000)]
    pub max_complexity: usize,
    /// Largest request body accepted, in bytes.
    #[arg(long, env = "PRAXIS_MAX_BODY_BYTES", default_value_t = 1024 * 1024)]
    pub max_body_bytes: usize,
    /// HTTP worker threads (default: one per core).
    #[arg(long, env = "PRAXIS_WORKERS")]
    pub workers: Option<usize>,
    /// How long after posting an idea or reply its author may still edit it.
    #[arg(long, env = "PRAXIS_IDEA_EDIT_WINDOW", default_value = "30m", value_parser = humantime::parse_duration)]
    pub idea_edit_window: Duration,
    /// A community with no activity for this long is flagged DORMANT in its health report.
    #[arg(long, env = "PRAXIS_DORMANT_AFTER", default_value = "60days", value_parser = humantime::parse_duration)]
    pub dormant_after: Duration,
    /// The base URL clients reach this service at, for links it hands out (calendar feeds).
    /// Without it, the scheme and host of each request are used.
    #[arg(long, env = "PRAXIS_PUBLIC_URL")]
    pub public_url: Option<url::Url>,
    /// How long a shutdown (SIGTERM, Ctrl-C) waits for in-flight requests.
    #[arg(long, env = "PRAXIS_SHUTDOWN_TIMEOUT", default_value = "30s", value_parser = humantime::parse_duration)]
    pub shutdown_timeout: Duration,
    /// How long a WebSocket client may take to send `connection_init` before its socket is
    /// closed with 4408 (`0s`: wait forever).
    #[arg(long, env = "PRAXIS_WS_INIT_TIMEOUT", default_value = "10s", value_parser = humantime::parse_duration)]
    pub ws_init_timeout: Duration,
    /// How often the server pings WebSocket clients; one that has not answered by the next
    /// ping is dropped (`0s`: no pings).
    #[arg(long, env = "PRAXIS_WS_KEEPALIVE", default_value = "30s", value_parser = humantime::parse_duration)]
    pub ws_keepalive: Duration,
    /// Most operations one WebSocket connection may run at once.
    #[arg(long, env = "PRAXIS_WS_MAX_OPERATIONS", default_value_t = 100, value_parser = clap::value_parser!(u16).range(1..))]
    pub ws_max_operations: u16,
    /// Serve Prometheus metrics on GET /metrics.
    #[arg(long, env = "PRAXIS_METRICS", default_value_t = true, action = clap::ArgAction::Set)]
    pub metrics: bool,
    /// Bearer token GET /metrics requires (without it, /metrics is open to whoever reaches it).
    #[arg(long, env = "PRAXIS_METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<String>,
    /// Distinct operation names labelled in metrics; later new names count as `other`.
    #[arg(long, env = "PRAXIS_METRICS_MAX_OPERATION_NAMES", default_value_t = crate::metrics::DEFAULT_MAX_OPERATION_NAMES, hide = true)]
    pub metrics_max_operation_names: usize,
    #[command(flatten)]
    pub auth: AuthArgs,
    #[command(flatten)]
    pub realtime: RealtimeArgs,
    #[command(flatten)]
    pub rate_limits: RateLimitArgs,
}

/// Cost budgets of GraphQL operations (README, "Cost and rate limits"). A budget of `0`
/// switches that limit off.
#[derive(Debug, Clone, clap::Args)]
pub struct RateLimitArgs {
    /// The window budgets are counted over: a spent budget refills evenly over this long.
    #[arg(long, env = "PRAXIS_RATE_LIMIT_WINDOW", default_value = "1m", value_parser = parse_window)]
    pub rate_limit_window: Duration,
    /// Cost points all people of one organization may spend per window, unless the operator
    /// set another budget for it.
    #[arg(
        long,
        env = "PRAXIS_RATE_LIMIT_ORGANIZATION",
        default_value_t = 5_000_000
    )]
    pub rate_limit_organization: u32,
    /// Cost points one person may spend per window, unless the operator set another budget
    /// for the people of their organization.
    #[arg(long, env = "PRAXIS_RATE_LIMIT_PERSON", default_value_t = 1_000_000)]
    pub rate_limit_person: u32,
    /// Cost points requests without a token may spend per window, per client IP address.
    #[arg(long, env = "PRAXIS_RATE_LIMIT_ANONYMOUS", default_value_t = 20_000)]
    pub rate_limit_anonymous: u32,
    /// Points every mutation field at the root of an operation costs on top of its selection.
    #[arg(long, env = "PRAXIS_MUTATION_COST", default_value_t = 10, value_parser = clap::value_parser!(u32).range(0..=100_000))]
    pub mutation_cost: u32,
}

fn parse_window(value: &str) -> Result<Duration, String> {
    let window = humantime::parse_duration(value).map_err(|err| err.to_string())?;
    if window < Duration::from_millis(100) || window > Duration::from_secs(24 * 3600) {
        return Err("the window must be between 100ms and 24h".to_owned());
    }
    Ok(window)
}

/// The outbox, subscriptions and webhooks (docs/REALTIME.md).
#[derive(Debug, Clone, clap::Args)]
pub struct RealtimeArgs {
    /// How often every instance looks for new domain events even without a notification.
    #[arg(long, env = "PRAXIS_OUTBOX_POLL_INTERVAL", default_value = "1s", value_parser = humantime::parse_duration)]
    pub outbox_poll_interval: Duration,
    /// Events one instance's bus holds for a slow subscriber; one that falls further behind
    /// reads what it missed from the outbox (it is delayed, it loses nothing).
    #[arg(long, env = "PRAXIS_SUBSCRIPTION_BUFFER", default_value_t = 4096, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub subscription_buffer: u32,
    /// Attempts of one webhook delivery before it is FAILED.
    #[arg(long, env = "PRAXIS_WEBHOOK_MAX_ATTEMPTS", default_value_t = 12, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub webhook_max_attempts: u32,
    /// Wait before the second attempt; it doubles for each further one (with jitter).
    #[arg(long, env = "PRAXIS_WEBHOOK_RETRY_BASE", default_value = "30s", value_parser = humantime::parse_duration)]
    pub webhook_retry_base: Duration,
    /// The longest wait between two attempts.
    #[arg(long, env = "PRAXIS_WEBHOOK_RETRY_MAX", default_value = "4h", value_parser = humantime::parse_duration)]
    pub webhook_retry_max: Duration,
    /// How long a receiver has to answer one attempt.
    #[arg(long, env = "PRAXIS_WEBHOOK_TIMEOUT", default_value = "10s", value_parser = humantime::parse_duration)]
    pub webhook_timeout: Duration,
    /// An endpoint whose attempts have all failed for this long is DISABLED.
    #[arg(long, env = "PRAXIS_WEBHOOK_DISABLE_AFTER", default_value = "24h", value_parser = humantime::parse_duration)]
    pub webhook_disable_after: Duration,
    /// Endpoints attempted at once by one instance (each endpoint one delivery at a time).
    #[arg(long, env = "PRAXIS_WEBHOOK_CONCURRENCY", default_value_t = 16, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub webhook_concurrency: u32,
    /// Allow webhook URLs on private, loopback and link-local addresses, and plain http to
    /// them (for tests and closed networks; never on a shared service).
    #[arg(
        long,
        env = "PRAXIS_WEBHOOK_ALLOW_PRIVATE_NETWORKS",
        default_value_t = false
    )]
    pub webhook_allow_private_networks: bool,
}

#[derive(Debug, Clone, Copy, Subcommand)]
pub enum MigrateAction {
    /// Apply every pending migration (the default).
    Up,
    /// Revert the newest applied migrations.
    Down {
        /// How many to revert.
        #[arg(long, default_value_t = 1)]
        steps: u32,
    },
    /// List migrations and whether each is applied.
    Status,
}

#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// Create an organization with an issuer and, unless told otherwise, an HS256 development key.
    Create {
        #[arg(long)]
        slug: String,
        #[arg(long)]
        name: String,
        /// The issuer (`iss`) of the organization's tokens [default: urn:praxis:org:SLUG].
        #[arg(long)]
        issuer: Option<String>,
        /// JWKS URL of that issuer (production identity providers).
        #[arg(long)]
        jwks_url: Option<String>,
        /// Do not create an HS256 development key.
        #[arg(long, default_value_t = false)]
        no_dev_key: bool,
        /// Claim that marks organization admins.
        #[arg(long, default_value = "roles")]
        admin_claim: String,
        /// Value that claim must hold or contain.
        #[arg(long, default_value = "admin")]
        admin_claim_value: String,
    },
    /// List organizations.
    List,
    /// Show an organization, its issuers and keys (never key material).
    Show {
        #[arg(long)]
        slug: String,
    },
    /// Disable an organization: its tokens are refused until it is enabled again.
    Disable {
        #[arg(long)]
        slug: String,
    },
    /// Enable a disabled organization.
    Enable {
        #[arg(long)]
        slug: String,
    },
    /// Add or remove an issuer the organization trusts.
    Issuer {
        #[command(subcommand)]
        command: IssuerCommand,
    },
    /// Add, rotate or retire verification keys.
    Key {
        #[command(subcommand)]
        command: KeyCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum IssuerCommand {
    /// Trust another issuer for this organization.
    Add {
        #[arg(long)]
        org: String,
        #[arg(long)]
        issuer: String,
        #[arg(long)]
        jwks_url: Option<String>,
    },
    /// Stop trusting an issuer (its keys go with it).
    Remove {
        #[arg(long)]
        org: String,
        #[arg(long)]
        issuer: String,
    },
}

/// What a new key is made of.
#[derive(Debug, Clone, Args)]
pub struct KeySpec {
    #[arg(long)]
    pub org: String,
    /// Issuer the key belongs to [default: the organization's only issuer].
    #[arg(long)]
    pub issuer: Option<String>,
    /// The `kid` tokens signed with this key carry.
    #[arg(long)]
    pub kid: Option<String>,
    /// An HS256 shared secret (at least 32 bytes).
    #[arg(long, group = "material", hide_env_values = true)]
    pub hs256_secret: Option<String>,
    /// Generate a random HS256 secret and print it once.
    #[arg(long, group = "material", default_value_t = false)]
    pub generate_hs256: bool,
    /// File with a public key in PEM form.
    #[arg(long, group = "material")]
    pub public_key_pem: Option<PathBuf>,
    /// Algorithm of the public key: RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384 or EdDSA.
    #[arg(long, requires = "public_key_pem")]
    pub algorithm: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// Add a key beside the current ones (first step of a zero-downtime rotation).
    Add(KeySpec),
    /// Add a key and retire every other active key of the issuer at once.
    Rotate(KeySpec),
    /// Retire a key: tokens signed with it are refused from now on.
    Retire {
        #[arg(long)]
        org: String,
        #[arg(long)]
        kid: String,
    },
}

#[derive(Debug, Clone, Args)]
pub struct TokenArgs {
    /// Organization slug whose HS256 key signs the token.
    #[arg(long, required_unless_present = "operator")]
    pub org: Option<String>,
    /// Mint a platform-operator token instead (needs PRAXIS_OPERATOR_SECRET).
    #[arg(long, default_value_t = false, conflicts_with = "org")]
    pub operator: bool,
    /// The subject (`sub`): the person's id at their identity provider.
    #[arg(long)]
    pub sub: String,
    /// Display name claim.
    #[arg(long)]
    pub name: Option<String>,
    /// Email claim.
    #[arg(long)]
    pub email: Option<String>,
    /// Mark the bearer as an organization admin.
    #[arg(long, default_value_t = false)]
    pub admin: bool,
    /// Lifetime of the token, e.g. `1h`, `30m`, `7d`.
    #[arg(long, default_value = "12h", value_parser = humantime::parse_duration)]
    pub ttl: Duration,
    #[command(flatten)]
    pub auth: AuthArgs,
}
