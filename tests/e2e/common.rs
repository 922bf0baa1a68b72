//! Test harness: `spawn_app` (server on port 0, fresh SQLite file or PostgreSQL database),
//! organizations with known keys, and token minting.

use api::{
    auth::{OperatorViewer, Viewer},
    config::{Cli, Command, ServeArgs},
    server::{bind, AppState, ShutdownSignal},
    service::{
        self,
        identity::{KeyMaterial, NewKey},
        organization::NewOrganization,
    },
};
use clap::Parser;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use serde_json::{json, Value};
use std::{
    net::SocketAddr,
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc,
    },
};
use uuid::Uuid;

pub const OPERATOR_SECRET: &str = "operator-secret-for-tests-0123456789abcdef";
pub const OPERATOR_ISSUER: &str = "praxis-operator";
pub const AUDIENCE: &str = "praxis";

/// Defines `$name::sqlite` and `$name::postgres` running `$body(backend)`.
macro_rules! db_test {
    ($name:ident, $body:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$body(crate::common::Backend::Sqlite).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$body(crate::common::Backend::Postgres).await
            }
        }
    };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A database of one test, removed when the test ends.
pub struct TestDb {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
    postgres: Option<(String, String)>,
}

impl TestDb {
    /// A fresh database, or None when PostgreSQL is not configured (and not required).
    pub async fn new(backend: Backend) -> Option<Self> {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().unwrap();
                let url = format!("sqlite://{}", dir.path().join("praxis.db").display());
                Some(Self {
                    url,
                    _dir: Some(dir),
                    postgres: None,
                })
            }
            Backend::Postgres => {
                let Ok(admin_url) = std::env::var("PRAXIS_TEST_POSTGRES_URL") else {
                    assert!(
                        std::env::var("PRAXIS_REQUIRE_POSTGRES").as_deref() != Ok("1"),
                        "PRAXIS_REQUIRE_POSTGRES=1 but PRAXIS_TEST_POSTGRES_URL is not set"
                    );
                    eprintln!("skipped: PRAXIS_TEST_POSTGRES_URL is not set");
                    return None;
                };
                let name = format!("praxis_test_{}", Uuid::now_v7().simple());
                let admin = Database::connect(&admin_url)
                    .await
                    .expect("connect to PRAXIS_TEST_POSTGRES_URL");
                admin
                    .execute_unprepared(&format!("CREATE DATABASE {name}"))
                    .await
                    .unwrap();
                admin.close().await.ok();
                let mut url = url::Url::parse(&admin_url).unwrap();
                url.set_path(&format!("/{name}"));
                Some(Self {
                    url: url.to_string(),
                    _dir: None,
                    postgres: Some((admin_url, name)),
                })
            }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((admin_url, name)) = self.postgres.take() {
            // Drop runs inside the test's runtime: use a thread with a runtime of its own.
            let _ = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap();
                runtime.block_on(async {
                    if let Ok(admin) = Database::connect(&admin_url).await {
                        let _ = admin
                            .execute_unprepared(&format!(
                                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                            ))
                            .await;
                        admin.close().await.ok();
                    }
                });
            })
            .join();
        }
    }
}

/// A running server and a direct connection to its database.
pub struct TestApp {
    pub addr: SocketAddr,
    pub db: DatabaseConnection,
    pub http: reqwest::Client,
    pub backend: Backend,
    /// SQL statements the server's connection has run so far.
    pub statements: Arc<AtomicUsize>,
    /// The database's URL (for more servers on the same database).
    pub database_url: String,
    handle: actix_web::dev::ServerHandle,
    shutdown: ShutdownSignal,
    _test_db: TestDb,
}

pub fn serve_args(database_url: &str, extra: &[&str]) -> (Cli, ServeArgs) {
    let mut argv = vec![
        "praxis",
        "--database-url",
        database_url,
        "serve",
        "--bind",
        "127.0.0.1:0",
        "--workers",
        "1",
        "--operator-secret",
        OPERATOR_SECRET,
        "--allow-loopback-jwks",
        "--jwks-min-refresh",
        "0s",
    ];
    argv.extend_from_slice(extra);
    let cli = Cli::try_parse_from(argv).unwrap();
    let Command::Serve(args) = &cli.command else {
        unreachable!()
    };
    let args = (**args).clone();
    (cli, args)
}

pub async fn spawn_app(backend: Backend) -> Option<TestApp> {
    spawn_app_with(backend, &[]).await
}

pub async fn spawn_app_with(backend: Backend, extra: &[&str]) -> Option<TestApp> {
    // PRAXIS_TEST_LOG=<filter> (e.g. `api=debug`) shows the server's logs in a test's output.
    if let Ok(filter) = std::env::var("PRAXIS_TEST_LOG") {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
            .with_test_writer()
            .try_init();
    }
    let test_db = TestDb::new(backend).await?;
    let (cli, args) = serve_args(&test_db.url, extra);
    let mut db = api::db::connect_and_migrate(&cli.database).await.unwrap();
    let statements = Arc::new(AtomicUsize::new(0));
    let counter = statements.clone();
    // Statements of requests only: the realtime loops (the outbox sequencer and reader, the
    // webhook worker) share the connection and run whenever they are woken.
    db.set_metric_callback(move |info| {
        let sql = &info.statement.sql;
        if !["domain_event", "webhook_", "pg_notify", "pg_advisory"]
            .iter()
            .any(|background| sql.contains(background))
        {
            counter.fetch_add(1, Ordering::SeqCst);
        }
    });
    let state = AppState::new(db.clone(), &args).unwrap();
    let shutdown = state.shutdown.clone();
    let (server, addr) = bind(state, &args).unwrap();
    let handle = server.handle();
    tokio::spawn(server);
    Some(TestApp {
        addr,
        db,
        // Idle connections are dropped before the server's keep-alive (5 s) closes them, so a
        // request never goes out on a connection the server is closing.
        http: reqwest::Client::builder()
            .pool_idle_timeout(std::time::Duration::from_secs(2))
            .build()
            .unwrap(),
        backend,
        statements,
        database_url: test_db.url.clone(),
        handle,
        shutdown,
        _test_db: test_db,
    })
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let handle = self.handle.clone();
        drop(handle.stop(false));
    }
}

/// A GraphQL response: HTTP status and body.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub body: Value,
}

impl Reply {
    /// `data` at a JSON pointer, e.g. `/viewer/person/id`.
    pub fn data(&self, pointer: &str) -> &Value {
        self.body
            .pointer(&format!("/data{pointer}"))
            .unwrap_or(&Value::Null)
    }

    pub fn errors(&self) -> Vec<Value> {
        self.body["errors"].as_array().cloned().unwrap_or_default()
    }

    /// The `extensions.code` of every error.
    pub fn codes(&self) -> Vec<String> {
        self.errors()
            .iter()
            .map(|e| {
                e["extensions"]["code"]
                    .as_str()
                    .unwrap_or("<none>")
                    .to_owned()
            })
            .collect()
    }

    pub fn assert_ok(&self) -> &Self {
        assert_eq!(self.status, StatusCode::OK, "{:#}", self.body);
        assert!(
            self.errors().is_empty(),
            "unexpected errors: {:#}",
            self.body
        );
        self
    }
}

impl TestApp {
    /// Stops the server as SIGTERM does: long-lived connections are told to close and
    /// in-flight requests may finish.
    pub fn stop_gracefully(&self) {
        self.shutdown.trigger();
        let handle = self.handle.clone();
        tokio::spawn(async move { handle.stop(true).await });
    }

    /// Waits until the sequencer has numbered every committed event. Numbering reads which
    /// organizations a community is live for, in the background: a count of a request's
    /// statements taken while it runs would include those reads.
    pub async fn settle_outbox(&self) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            let row = self
                .db
                .query_one_raw(sea_orm::Statement::from_string(
                    self.db.get_database_backend(),
                    "SELECT COUNT(*) AS n FROM domain_event WHERE position IS NULL",
                ))
                .await
                .unwrap()
                .unwrap();
            let waiting: i64 = row.try_get("", "n").unwrap();
            if waiting == 0 {
                return;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{waiting} events still unnumbered after 30 s"
            );
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
    }

    /// Runs a request and counts the SQL statements the server ran for it (once the outbox
    /// is settled, so only the request's own statements are counted).
    pub async fn graphql_counted(
        &self,
        token: Option<&str>,
        query: &str,
        variables: Value,
    ) -> (Reply, usize) {
        self.settle_outbox().await;
        let before = self.statements.load(Ordering::SeqCst);
        let reply = self.graphql(token, query, variables).await;
        (reply, self.statements.load(Ordering::SeqCst) - before)
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub async fn graphql(&self, token: Option<&str>, query: &str, variables: Value) -> Reply {
        let mut request = self
            .http
            .post(self.url("/graphql"))
            .json(&json!({ "query": query, "variables": variables }));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.unwrap();
        let status = response.status();
        let body = response.json().await.unwrap();
        Reply { status, body }
    }

    /// Creates an organization with issuer `https://SLUG.idp.test` and an HS256 key `SLUG-k1`.
    pub async fn create_org(&self, slug: &str) -> OrgFixture {
        let operator = Viewer::Operator(OperatorViewer {
            subject: "test".into(),
        });
        let issuer = format!("https://{slug}.idp.test");
        let created = service::organization::create_organization(
            &self.db,
            &operator,
            NewOrganization {
                slug: slug.to_owned(),
                name: format!("{slug} Inc."),
                issuer: Some(issuer.clone()),
                jwks_url: None,
                dev_key: false,
                admin_claim: None,
                admin_claim_value: None,
            },
            true,
        )
        .await
        .unwrap();
        let secret = format!("{slug}-hs256-secret-0123456789-abcdefghij");
        let kid = format!("{slug}-k1");
        service::identity::add_key(
            &self.db,
            &operator,
            created.organization.id,
            None,
            NewKey {
                kid: Some(kid.clone()),
                material: KeyMaterial::Hs256(secret.clone()),
            },
            false,
        )
        .await
        .unwrap();
        OrgFixture {
            id: created.organization.id,
            slug: slug.to_owned(),
            issuer,
            secret,
            kid,
        }
    }

    pub fn operator_token(&self) -> String {
        sign(
            Header::new(Algorithm::HS256),
            claims(OPERATOR_ISSUER, "ops", json!({})),
            &EncodingKey::from_secret(OPERATOR_SECRET.as_bytes()),
        )
    }
}

/// An organization made by [`TestApp::create_org`].
#[derive(Debug, Clone)]
pub struct OrgFixture {
    pub id: Uuid,
    pub slug: String,
    pub issuer: String,
    pub secret: String,
    pub kid: String,
}

impl OrgFixture {
    /// A valid token for `sub`, with `extra` claims merged in.
    pub fn token(&self, sub: &str, extra: Value) -> String {
        let mut header = Header::new(Algorithm::HS256);
        header.kid = Some(self.kid.clone());
        sign(
            header,
            claims(&self.issuer, sub, extra),
            &EncodingKey::from_secret(self.secret.as_bytes()),
        )
    }

    pub fn admin_token(&self, sub: &str) -> String {
        self.token(sub, json!({ "roles": ["admin"] }))
    }
}

pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Standard claims valid for ten minutes, with `extra` merged over them (a null removes one).
pub fn claims(issuer: &str, sub: &str, extra: Value) -> Value {
    let mut claims = json!({
        "iss": issuer,
        "aud": AUDIENCE,
        "sub": sub,
        "iat": now(),
        "exp": now() + 600,
    });
    if let Value::Object(extra) = extra {
        for (key, value) in extra {
            if value.is_null() {
                claims.as_object_mut().unwrap().remove(&key);
            } else {
                claims[key] = value;
            }
        }
    }
    claims
}

pub fn sign(header: Header, claims: Value, key: &EncodingKey) -> String {
    jsonwebtoken::encode(&header, &claims, key).unwrap()
}

pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// A `praxis serve` process of the built binary on a free loopback port, with `--workers 1`;
/// killed (SIGKILL) when dropped unless stopped with [`ServerProcess::stop`]. Its stderr goes
/// to a file (a pipe nobody reads would block a chatty server).
pub struct ServerProcess {
    pub child: std::process::Child,
    /// `127.0.0.1:port`.
    pub addr: String,
    /// `http://127.0.0.1:port`.
    pub base: String,
    stderr: tempfile::NamedTempFile,
}

impl ServerProcess {
    /// Runs `praxis --database-url URL <global…> serve --bind … --workers 1 <serve…>` with
    /// `env` added (PRAXIS_DATABASE_URL and PRAXIS_OTLP_ENDPOINT removed) and waits, at most
    /// 20 s, until `/readyz` answers 200.
    pub async fn start(
        database_url: &str,
        global: &[&str],
        serve: &[&str],
        env: &[(&str, &str)],
    ) -> ServerProcess {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let addr = format!("127.0.0.1:{port}");
        let stderr = tempfile::NamedTempFile::new().unwrap();
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_praxis"))
            .env_remove("PRAXIS_DATABASE_URL")
            .env_remove("PRAXIS_OTLP_ENDPOINT")
            .envs(env.iter().copied())
            .args(["--database-url", database_url])
            .args(global)
            .args(["serve", "--bind", &addr, "--workers", "1"])
            .args(serve)
            .stdout(std::process::Stdio::null())
            .stderr(stderr.reopen().unwrap())
            .spawn()
            .unwrap();
        let server = ServerProcess {
            child,
            base: format!("http://{addr}"),
            addr,
            stderr,
        };
        let client = reqwest::Client::new();
        let started = std::time::Instant::now();
        while !client
            .get(format!("{}/readyz", server.base))
            .send()
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            assert!(
                started.elapsed() < std::time::Duration::from_secs(20),
                "praxis serve on {} did not become ready: {}",
                server.addr,
                server.stderr_text()
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        server
    }

    /// What the server has written to stderr so far.
    pub fn stderr_text(&self) -> String {
        std::fs::read_to_string(self.stderr.path()).unwrap_or_default()
    }

    /// SIGTERM, then waits (at most 30 s) for the graceful exit; its status and stderr.
    pub async fn stop(mut self) -> (std::process::ExitStatus, String) {
        let pid = self.child.id().to_string();
        assert!(std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success());
        let started = std::time::Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return (status, self.stderr_text());
            }
            assert!(
                started.elapsed() < std::time::Duration::from_secs(30),
                "praxis serve ignored SIGTERM"
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }

    /// SIGKILL: a crash.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        self.kill();
    }
}
