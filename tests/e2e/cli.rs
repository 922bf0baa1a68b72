//! The `praxis` binary: commands, clear one-line failures within seconds, graceful shutdown.

use crate::common::*;
use serde_json::{json, Value};
use std::{
    process::{Command, Output, Stdio},
    time::{Duration, Instant},
};

fn praxis(database_url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_praxis"))
        .env_remove("PRAXIS_DATABASE_URL")
        .env("PRAXIS_LOG", "warn")
        .arg("--database-url")
        .arg(database_url)
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Runs to completion, failing the test if it takes longer than `limit` (a hang, not a
/// benchmark: the limits here are several times the configured timeouts).
fn praxis_within(limit: Duration, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_praxis"))
        .env_remove("PRAXIS_DATABASE_URL")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if started.elapsed() > limit {
            child.kill().ok();
            panic!("`praxis {}` still running after {limit:?}", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn schema_command_prints_the_committed_sdl() {
    let output = praxis("sqlite://unused.db", &["schema"]);
    assert!(output.status.success());
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schema.graphql")).unwrap();
    assert_eq!(stdout(&output), committed);
}

#[test]
fn bad_flags_and_bad_urls_fail_fast_with_one_line() {
    let output = praxis_within(Duration::from_secs(20), &["serve", "--no-such-flag"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--no-such-flag"));

    let output = praxis_within(
        Duration::from_secs(20),
        &[
            "--database-url",
            "mysql://root@127.0.0.1/x",
            "migrate",
            "status",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("unsupported database URL scheme \"mysql\""),
        "{err}"
    );

    let output = praxis_within(Duration::from_secs(20), &["serve", "--jwt-leeway", "5m"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("at most 30s"));

    // A port where something accepts connections but never answers: the database timeout
    // (2 s here) must end the attempt, not sqlx's 30 s default.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!(
        "postgres://postgres@{}/praxis",
        silent.local_addr().unwrap()
    );
    let output = praxis_within(
        Duration::from_secs(15),
        &[
            "--database-url",
            &url,
            "--database-timeout",
            "2s",
            "serve",
            "--bind",
            "127.0.0.1:0",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.trim().lines().last().unwrap().starts_with("error: "),
        "{err}"
    );
    assert!(err.contains("database"), "{err}");
    drop(silent);

    // Nothing listens there at all.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!(
        "postgres://postgres@{}/praxis",
        closed.local_addr().unwrap()
    );
    drop(closed);
    let output = praxis_within(
        Duration::from_secs(15),
        &["--database-url", &url, "migrate", "status"],
    );
    assert_eq!(output.status.code(), Some(1));
}

async fn cli_flow(backend: Backend) {
    let Some(db) = TestDb::new(backend).await else {
        return;
    };
    let url = db.url.as_str();

    let output = praxis(url, &["migrate", "status"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("Pending"), "{}", stdout(&output));
    let output = praxis(url, &["migrate"]);
    // Every step in migration/src (counted, so that a new one needs no edit here).
    let steps = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migration/src"))
        .unwrap()
        .filter(|entry| {
            entry
                .as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("m20")
        })
        .count();
    assert!(
        stdout(&output).contains(&format!("applied {steps} migration(s)")),
        "{}",
        stdout(&output)
    );
    let output = praxis(url, &["migrate", "down"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let output = praxis(url, &["migrate", "up"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&praxis(url, &["migrate", "status"])).contains("Applied"));

    // Organizations and keys.
    let output = praxis(
        url,
        &[
            "org",
            "create",
            "--slug",
            "acme",
            "--name",
            "Acme Corporation",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("urn:praxis:org:acme"));
    let output = praxis(url, &["org", "create", "--slug", "acme", "--name", "Again"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("slug: is already taken"),
        "{}",
        stderr(&output)
    );
    let pem = format!(
        "{}/tests/fixtures/rsa_public.pem",
        env!("CARGO_MANIFEST_DIR")
    );
    let output = praxis(
        url,
        &[
            "org",
            "key",
            "add",
            "--org",
            "acme",
            "--kid",
            "rsa-1",
            "--public-key-pem",
            &pem,
            "--algorithm",
            "RS256",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let output = praxis(
        url,
        &[
            "org",
            "key",
            "add",
            "--org",
            "acme",
            "--kid",
            "short",
            "--hs256-secret",
            "too-short",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("at least 32 bytes"),
        "{}",
        stderr(&output)
    );
    let output = praxis(
        url,
        &[
            "org",
            "issuer",
            "add",
            "--org",
            "acme",
            "--issuer",
            "https://login.acme.test",
            "--jwks-url",
            "https://login.acme.test/jwks",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let show = stdout(&praxis(url, &["org", "show", "--slug", "acme"]));
    assert!(
        show.contains("kid=acme-dev-1")
            && show.contains("kid=rsa-1")
            && show.contains("https://login.acme.test/jwks"),
        "{show}"
    );
    // Two issuers now: a key must name its issuer.
    let output = praxis(
        url,
        &["org", "key", "add", "--org", "acme", "--generate-hs256"],
    );
    assert!(
        stderr(&output).contains("several issuers"),
        "{}",
        stderr(&output)
    );
    praxis(
        url,
        &["org", "create", "--slug", "globex", "--name", "Globex"],
    );
    assert!(stdout(&praxis(url, &["org", "list"])).contains("globex"));

    // Tokens minted by the CLI work against a server started by the CLI, on a free port.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let bind = format!("127.0.0.1:{port}");
    let mut server = Command::new(env!("CARGO_BIN_EXE_praxis"))
        .env_remove("PRAXIS_DATABASE_URL")
        .args([
            "--database-url",
            url,
            "--log-format",
            "json",
            "serve",
            "--bind",
            &bind,
            "--workers",
            "1",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let client = reqwest::Client::new();
    let base = format!("http://{bind}");
    let mut ready = false;
    for _ in 0..100 {
        if client
            .get(format!("{base}/readyz"))
            .send()
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            ready = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(ready, "server did not become ready");
    let ask = |token: String| {
        let client = client.clone();
        let base = base.clone();
        async move {
            client.post(format!("{base}/graphql")).bearer_auth(token)
                .json(&json!({ "query": "{ viewer { isAdmin person { displayName } organization { slug } } }" }))
                .send().await.unwrap().json::<Value>().await.unwrap()
        }
    };
    let token = stdout(&praxis(
        url,
        &[
            "token", "--org", "acme", "--sub", "alice", "--name", "Alice", "--admin", "--ttl",
            "10m",
        ],
    ))
    .trim()
    .to_owned();
    let body = ask(token.clone()).await;
    assert_eq!(
        body["data"]["viewer"]["organization"]["slug"], "acme",
        "{body:#}"
    );
    assert_eq!(body["data"]["viewer"]["isAdmin"], true);

    // Rotating the development key retires the old one; old tokens stop working.
    let output = praxis(
        url,
        &[
            "org",
            "key",
            "rotate",
            "--org",
            "acme",
            "--issuer",
            "urn:praxis:org:acme",
            "--kid",
            "acme-dev-2",
            "--generate-hs256",
        ],
    );
    assert!(
        stdout(&output).contains("secret (shown once)"),
        "{}",
        stderr(&output)
    );
    let body = ask(token).await;
    assert_eq!(
        body["errors"][0]["extensions"]["reason"], "KEY_UNKNOWN",
        "{body:#}"
    );
    let token = stdout(&praxis(url, &["token", "--org", "acme", "--sub", "alice"]))
        .trim()
        .to_owned();
    assert_eq!(
        ask(token.clone()).await["data"]["viewer"]["organization"]["slug"],
        "acme"
    );

    // Disabling through the CLI takes effect on the running server.
    assert!(praxis(url, &["org", "disable", "--slug", "acme"])
        .status
        .success());
    assert_eq!(
        ask(token.clone()).await["errors"][0]["extensions"]["reason"],
        "ORGANIZATION_DISABLED"
    );
    assert!(praxis(url, &["org", "enable", "--slug", "acme"])
        .status
        .success());
    assert!(ask(token).await["errors"].is_null());

    // SIGTERM: a graceful stop with exit code 0, logged as JSON lines.
    let pid = server.id().to_string();
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = server.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "server ignored SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(status.success(), "{status:?}");
    let output = server.wait_with_output().unwrap();
    let logs = String::from_utf8_lossy(&output.stderr);
    let last: Value = serde_json::from_str(logs.trim().lines().last().unwrap()).unwrap();
    assert_eq!(last["message"], "stopped", "{logs}");
    assert!(
        logs.contains("request_id"),
        "request logs carry request ids: {logs}"
    );
}
db_test!(cli_manages_organizations_keys_tokens_and_serves, cli_flow);

async fn seed_is_idempotent(backend: Backend) {
    let Some(db) = TestDb::new(backend).await else {
        return;
    };
    let first = praxis(&db.url, &["seed"]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stdout(&first).contains("praxis token --org acme --sub alice"));
    let second = praxis(&db.url, &["seed"]);
    assert!(second.status.success());
    assert!(
        stderr(&second).contains("already present"),
        "{}",
        stderr(&second)
    );
    let list = stdout(&praxis(&db.url, &["org", "list"]));
    assert_eq!(list.lines().count(), 3, "{list}");
    let token = stdout(&praxis(
        &db.url,
        &["token", "--org", "globex", "--sub", "dana", "--admin"],
    ));
    assert_eq!(token.trim().split('.').count(), 3);
}
db_test!(seed_loads_the_demo_world_once, seed_is_idempotent);

async fn seed_scale_refuses(backend: Backend) {
    let Some(db) = TestDb::new(backend).await else {
        return;
    };
    let organizations = || stdout(&praxis(&db.url, &["org", "list"])).lines().count();
    for (bad, message) in [
        ("abc", "--scale must be a number"),
        ("0", "--scale must be above 0"),
        ("-1", "--scale must be above 0"),
        ("NaN", "--scale must be above 0"),
        ("101", "--scale must be at most 100"),
    ] {
        let output = praxis(&db.url, &["seed", &format!("--scale={bad}")]);
        assert!(!output.status.success(), "--scale {bad}");
        let err = stderr(&output);
        assert!(err.contains(message), "--scale {bad}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    }
    assert_eq!(organizations(), 0, "nothing written");
    let output = praxis(&db.url, &["seed", "--scale", "0.01", "--seed", "3"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let printed = stdout(&output);
    assert!(printed.contains("search_document"), "{printed}");
    // The printed command mints a token for the sample person.
    let command = printed
        .lines()
        .find_map(|l| {
            l.split_once("praxis token ")
                .map(|(_, args)| args.to_owned())
        })
        .unwrap();
    let args: Vec<&str> = command.split_whitespace().collect();
    let token = praxis(&db.url, &[&["token"], &args[..]].concat());
    assert!(token.status.success(), "{}", stderr(&token));
    assert_eq!(stdout(&token).trim().split('.').count(), 3);
    assert_eq!(organizations(), 3);
    let output = praxis(&db.url, &["seed", "--scale", "0.01"]);
    assert!(!output.status.success());
    let err = stderr(&output);
    assert!(err.contains("already holds 3 organization(s)"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    assert_eq!(organizations(), 3, "nothing written");
}
db_test!(
    seed_scale_refuses_bad_values_and_a_used_database,
    seed_scale_refuses
);

#[test]
fn operator_tokens_need_the_operator_secret() {
    let output = praxis(
        "sqlite://unused.db",
        &["token", "--operator", "--sub", "ops"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("PRAXIS_OPERATOR_SECRET"));
    let output = Command::new(env!("CARGO_BIN_EXE_praxis"))
        .env("PRAXIS_OPERATOR_SECRET", OPERATOR_SECRET)
        .args(["token", "--operator", "--sub", "ops"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(stdout(&output).trim().split('.').count(), 3);
}
