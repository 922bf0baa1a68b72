//! A server killed (SIGKILL) while a receiver holds its attempt open: after a restart on the
//! same database, the leased delivery is attempted again with the same delivery id and every
//! event is delivered.

use super::{receiver::*, PATIENCE};
use crate::common::*;
use serde_json::{json, Value};
use std::process::Command;

fn praxis(database_url: &str, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_praxis"))
        .env_remove("PRAXIS_DATABASE_URL")
        .env("PRAXIS_LOG", "warn")
        .arg("--database-url")
        .arg(database_url)
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap().trim().to_owned()
}

/// A `praxis serve` process with fast webhook retries and polling; SIGKILLed when dropped.
struct Server(ServerProcess);

impl Server {
    async fn start(database_url: &str, extra: &[&str]) -> Server {
        let mut serve = vec![
            "--webhook-allow-private-networks",
            "--webhook-retry-base",
            "100ms",
            "--outbox-poll-interval",
            "100ms",
        ];
        serve.extend_from_slice(extra);
        Server(ServerProcess::start(database_url, &[], &serve, &[("PRAXIS_LOG", "warn")]).await)
    }

    async fn graphql(&self, token: &str, query: &str, variables: Value) -> Value {
        let body: Value = reqwest::Client::new()
            .post(format!("{}/graphql", self.0.base))
            .bearer_auth(token)
            .json(&json!({ "query": query, "variables": variables }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(body["errors"].is_null(), "{body:#}");
        body["data"].clone()
    }

    /// SIGKILL: no shutdown, no cleanup.
    fn kill(mut self) {
        self.0.kill();
    }
}

async fn killed_mid_attempt(backend: Backend) {
    let Some(db) = TestDb::new(backend).await else {
        return;
    };
    let url = db.url.clone();
    praxis(&url, &["migrate"]);
    praxis(&url, &["org", "create", "--slug", "acme", "--name", "Acme"]);
    let alice = praxis(
        &url,
        &[
            "token", "--org", "acme", "--sub", "alice", "--name", "Alice", "--admin",
        ],
    );
    let receiver = Receiver::start(Answer::Hang).await;

    // The first server's lease is twice its 3 s timeout: the restarted one waits that long.
    let first = Server::start(&url, &["--webhook-timeout", "3s"]).await;
    let acme = first
        .graphql(&alice, "{ viewer { organization { id } } }", json!({}))
        .await["viewer"]["organization"]["id"]
        .clone();
    let mutation = |field: &str, input_type: &str, selection: &str| {
        format!("mutation($input: {input_type}!) {{ {field}(input: $input) {{ {selection} userErrors {{ message }} }} }}")
    };
    let created = first
        .graphql(
            &alice,
            &mutation("createWebhookEndpoint", "CreateWebhookEndpointInput", "endpoint { id }"),
            json!({ "input": { "organizationId": acme, "url": receiver.url(), "eventTypes": ["COMMUNITY_CREATED"] } }),
        )
        .await;
    let endpoint = created["createWebhookEndpoint"]["endpoint"]["id"].clone();
    assert!(endpoint.is_string(), "{created:#}");
    for slug in ["first-guild", "second-guild", "third-guild"] {
        let created = first
            .graphql(
                &alice,
                &mutation(
                    "createCommunity",
                    "CreateCommunityInput",
                    "community { id }",
                ),
                json!({ "input": { "slug": slug, "name": slug, "visibility": "FEDERATED" } }),
            )
            .await;
        assert!(
            created["createCommunity"]["community"]["id"].is_string(),
            "{created:#}"
        );
    }

    // The receiver holds the first attempt open; the server dies under it.
    receiver
        .wait_for("the first attempt", PATIENCE, |all| !all.is_empty())
        .await;
    first.kill();
    let hung = receiver.received();
    assert_eq!(
        hung.len(),
        1,
        "one delivery at a time per endpoint: {hung:#?}"
    );
    let hung = hung[0].clone();

    // Restarted on the same database, with a receiver that answers.
    receiver.answer(Answer::Status(200));
    let second = Server::start(&url, &["--webhook-timeout", "2s"]).await;
    receiver
        .wait_for("every event delivered", PATIENCE, |all| {
            all.iter().filter(|r| r.succeeded()).count() >= 3
        })
        .await;
    let grouped = receiver.by_delivery();
    assert_eq!(grouped.len(), 3, "{grouped:#?}");
    let again = &grouped[&hung.delivery];
    assert_eq!(
        again.len(),
        2,
        "the killed attempt is made again: {again:#?}"
    );
    assert!(again[1].succeeded());
    assert_eq!(
        again[1].body, hung.body,
        "with the same delivery id and body"
    );
    let titles: Vec<Value> = receiver
        .delivered()
        .iter()
        .map(|r| r.json()["event"]["position"].clone())
        .collect();
    let mut sorted = titles.clone();
    sorted.sort_by_key(|p| p.as_i64());
    assert_eq!(titles, sorted, "in position order");
    let log = second
        .graphql(
            &alice,
            "query($id: ID!) { node(id: $id) { ... on WebhookEndpoint { deliveries { nodes { deliveryId status } } } } }",
            json!({ "id": endpoint }),
        )
        .await;
    let nodes = log["node"]["deliveries"]["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), 3);
    assert!(nodes.iter().all(|d| d["status"] == "DELIVERED"), "{log:#}");
    drop(second);
}
db_test!(
    a_killed_server_leaves_nothing_undelivered,
    killed_mid_attempt
);
