//! GET /metrics (README, "Metrics"): the Prometheus text format, counters that move by exactly
//! what was done, histograms, scrape-time gauges, webhook failures, the bearer token, the
//! switch and the cap on distinct operation names.

use crate::{
    common::*,
    federation_journey::org_id,
    realtime::client::Subscriber,
    realtime::webhooks::{
        create_community, create_endpoint, eventually, people,
        receiver::{Answer, Receiver},
        FLAGS,
    },
};
use reqwest::StatusCode;
use serde_json::json;
use std::collections::HashMap;

/// One scrape: every sample by `name{label="value",...}` with labels sorted by name.
#[derive(Debug)]
struct Samples(HashMap<String, f64>);

impl Samples {
    /// Parses the Prometheus text format (what our registry writes: no timestamps, no
    /// escaped quotes in label values).
    fn parse(text: &str) -> Self {
        let mut samples = HashMap::new();
        for line in text.lines() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (series, value) = line.rsplit_once(' ').expect("a sample line");
            let value: f64 = value.parse().expect("a sample value");
            let key = match series.split_once('{') {
                None => series.to_owned(),
                Some((name, labels)) => {
                    let labels = labels.strip_suffix('}').expect("closed labels");
                    let mut pairs: Vec<&str> = labels
                        .split("\",")
                        .map(|p| p.trim_end_matches('"'))
                        .collect();
                    pairs.retain(|p| !p.is_empty());
                    pairs.sort_unstable();
                    let pairs: Vec<String> = pairs.iter().map(|p| format!("{p}\"")).collect();
                    format!("{name}{{{}}}", pairs.join(","))
                }
            };
            samples.insert(key, value);
        }
        Samples(samples)
    }

    /// A sample by name and labels (in any order); 0 when absent.
    fn get(&self, name: &str, labels: &[(&str, &str)]) -> f64 {
        self.0.get(&key(name, labels)).copied().unwrap_or(0.0)
    }

    fn has(&self, name: &str, labels: &[(&str, &str)]) -> bool {
        self.0.contains_key(&key(name, labels))
    }
}

fn key(name: &str, labels: &[(&str, &str)]) -> String {
    if labels.is_empty() {
        return name.to_owned();
    }
    let mut pairs: Vec<String> = labels.iter().map(|(k, v)| format!("{k}=\"{v}\"")).collect();
    pairs.sort_unstable();
    format!("{name}{{{}}}", pairs.join(","))
}

async fn scrape_with(app: &TestApp, token: Option<&str>) -> reqwest::Response {
    let mut request = app.http.get(app.url("/metrics"));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.unwrap()
}

async fn scrape(app: &TestApp) -> Samples {
    let response = scrape_with(app, None).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["content-type"],
        "text/plain; version=0.0.4"
    );
    Samples::parse(&response.text().await.unwrap())
}

const REQUESTS: &str = "praxis_graphql_requests_total";
const DURATION_COUNT: &str = "praxis_graphql_request_duration_seconds_count";

fn requests(samples: &Samples, operation: &str, kind: &str, outcome: &str) -> f64 {
    samples.get(
        REQUESTS,
        &[
            ("operation", operation),
            ("kind", kind),
            ("outcome", outcome),
        ],
    )
}

fn durations(samples: &Samples, kind: &str, outcome: &str) -> f64 {
    samples.get(DURATION_COUNT, &[("kind", kind), ("outcome", outcome)])
}

async fn counts_what_was_done(backend: Backend) {
    let mut flags = FLAGS.to_vec();
    flags.extend(["--webhook-disable-after", "1s"]);
    let Some(app) = spawn_app_with(backend, &flags).await else {
        return;
    };
    let (_, alice, _) = people(&app, "acme").await;
    let acme = org_id(&app, "acme").await;
    app.settle_outbox().await;
    let before = scrape(&app).await;

    // A named query that succeeds, twice.
    for _ in 0..2 {
        app.graphql(
            Some(&alice.token),
            "query WhoAmI { viewer { __typename } }",
            json!({}),
        )
        .await
        .assert_ok();
    }
    // A named query with a field error.
    let reply = app
        .graphql(
            Some(&alice.token),
            "query Missing { organization(slug: \"nope\") { id } }",
            json!({}),
        )
        .await;
    assert_eq!(reply.codes(), ["NOT_FOUND"]);
    // A named mutation.
    app.graphql(
        Some(&alice.token),
        "mutation MakeGuild($input: CreateCommunityInput!) { createCommunity(input: $input) \
         { community { id } userErrors { code } } }",
        json!({ "input": { "slug": "guild", "name": "The guild", "visibility": "FEDERATED" } }),
    )
    .await
    .assert_ok();
    // A request error: the document does not parse.
    let reply = app
        .graphql(Some(&alice.token), "query Broken {", json!({}))
        .await;
    assert_eq!(reply.codes(), ["BAD_USER_INPUT"]);
    // Refused credentials.
    let reply = app
        .graphql(
            Some("not-a-token"),
            "query WhoAmI { viewer { __typename } }",
            json!({}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    // A calendar feed that does not exist; its token must not become a label.
    let response = app
        .http
        .get(app.url("/calendar/secret-calendar-token.ics"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    let after = scrape(&app).await;
    let delta = |operation: &str, kind: &str, outcome: &str| {
        requests(&after, operation, kind, outcome) - requests(&before, operation, kind, outcome)
    };
    assert_eq!(delta("WhoAmI", "query", "ok"), 2.0);
    assert_eq!(delta("Missing", "query", "errors"), 1.0);
    assert_eq!(delta("MakeGuild", "mutation", "ok"), 1.0);
    assert_eq!(delta("anonymous", "unknown", "request_error"), 1.0);
    assert_eq!(delta("WhoAmI", "query", "unauthenticated"), 1.0);
    let duration_delta = |kind: &str, outcome: &str| {
        durations(&after, kind, outcome) - durations(&before, kind, outcome)
    };
    assert_eq!(duration_delta("query", "ok"), 2.0);
    assert_eq!(duration_delta("query", "errors"), 1.0);
    assert_eq!(duration_delta("mutation", "ok"), 1.0);
    assert_eq!(duration_delta("unknown", "request_error"), 1.0);
    assert_eq!(duration_delta("query", "unauthenticated"), 1.0);
    // Complexity is observed for every operation that validated: the four above.
    let complexity = "praxis_graphql_query_complexity_count";
    assert_eq!(
        after.get(complexity, &[]) - before.get(complexity, &[]),
        4.0
    );

    let http = |samples: &Samples, method: &str, route: &str, status: &str| {
        samples.get(
            "praxis_http_requests_total",
            &[("method", method), ("route", route), ("status", status)],
        )
    };
    assert_eq!(
        http(&after, "GET", "/calendar/{token}.ics", "404")
            - http(&before, "GET", "/calendar/{token}.ics", "404"),
        1.0
    );
    assert_eq!(
        http(&after, "POST", "/graphql", "200") - http(&before, "POST", "/graphql", "200"),
        5.0,
        "reqwest sends Accept: */*, answered application/json: request errors are 200"
    );
    assert_eq!(
        http(&after, "POST", "/graphql", "401") - http(&before, "POST", "/graphql", "401"),
        1.0
    );
    // The scrape before this one was counted too.
    assert!(http(&after, "GET", "/metrics", "200") >= 1.0);
    assert!(
        !after.0.keys().any(|k| k.contains("secret-calendar-token")),
        "a calendar token became a label"
    );

    // Pool and outbox gauges.
    let max = after.get("praxis_db_pool_max_connections", &[]);
    assert_eq!(max, 10.0);
    assert!(after.has("praxis_db_pool_connections", &[("state", "idle")]));
    assert!(after.has("praxis_db_pool_connections", &[("state", "in_use")]));
    let open = after.get("praxis_db_pool_connections", &[("state", "idle")])
        + after.get("praxis_db_pool_connections", &[("state", "in_use")]);
    assert!((1.0..=max).contains(&open), "{open} open connections");
    app.settle_outbox().await;
    let settled = scrape(&app).await;
    assert_eq!(settled.get("praxis_outbox_unsequenced_events", &[]), 0.0);
    let last = settled.get("praxis_outbox_last_position", &[]);
    assert!(last >= 1.0, "the community's event has a position");
    let delivered = eventually("the reader catches up", || async {
        let samples = scrape(&app).await;
        let delivered = samples.get("praxis_outbox_delivered_position", &[]);
        (delivered >= last).then_some(delivered)
    })
    .await;
    assert_eq!(delivered, last);
    assert_eq!(settled.get("praxis_subscriptions_active", &[]), 0.0);
    assert!(settled.has("praxis_rate_limited_total", &[]));

    // A receiver that always fails: attempts counted as failures, the endpoint disabled.
    let failing = Receiver::start(Answer::Status(500)).await;
    create_endpoint(&app, &alice, &acme, &failing.url(), &["COMMUNITY_CREATED"]).await;
    create_community(&app, &alice, "circle").await;
    let failures = eventually("failed attempts and a disabled endpoint", || async {
        let samples = scrape(&app).await;
        let failures = samples.get("praxis_webhook_attempts_total", &[("outcome", "failure")]);
        let disabled = samples.get("praxis_webhook_endpoints_disabled_total", &[]);
        (failures >= 1.0 && disabled == 1.0).then_some(failures)
    })
    .await;
    assert!(failures as usize <= failing.received().len());
    let samples = scrape(&app).await;
    assert_eq!(
        samples.get("praxis_webhook_attempts_total", &[("outcome", "success")]),
        0.0
    );
    assert!(samples.has("praxis_webhook_pending_deliveries", &[]));
}

db_test!(counts, counts_what_was_done);

async fn token_and_switch(backend: Backend) {
    let Some(app) = spawn_app_with(backend, &["--metrics-token", "scrape-secret"]).await else {
        return;
    };
    let refused = scrape_with(&app, None).await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    let body: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(body["errors"][0]["extensions"]["code"], "UNAUTHENTICATED");
    let wrong = scrape_with(&app, Some("scrape-secreT")).await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    let allowed = scrape_with(&app, Some("scrape-secret")).await;
    assert_eq!(allowed.status(), StatusCode::OK);
    let samples = Samples::parse(&allowed.text().await.unwrap());
    assert!(samples.has("praxis_outbox_unsequenced_events", &[]));
    drop(app);

    let Some(app) = spawn_app_with(backend, &["--metrics", "false"]).await else {
        return;
    };
    let off = scrape_with(&app, None).await;
    assert_eq!(off.status(), StatusCode::NOT_FOUND);
}

db_test!(token, token_and_switch);

async fn operation_names_capped(backend: Backend) {
    let Some(app) = spawn_app_with(backend, &["--metrics-max-operation-names", "2"]).await else {
        return;
    };
    for name in ["First", "Second", "Third", "Fourth", "First"] {
        app.graphql(None, &format!("query {name} {{ __typename }}"), json!({}))
            .await
            .assert_ok();
    }
    let samples = scrape(&app).await;
    assert_eq!(requests(&samples, "First", "query", "ok"), 2.0);
    assert_eq!(requests(&samples, "Second", "query", "ok"), 1.0);
    assert_eq!(requests(&samples, "other", "query", "ok"), 2.0);
    assert!(!samples.0.keys().any(|k| k.contains("Third")));
}

db_test!(cap, operation_names_capped);

async fn websocket_operations(backend: Backend) {
    let Some(app) = spawn_app_with(backend, &["--ws-max-operations", "1"]).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let alice = acme.admin_token("alice");
    let mut socket = Subscriber::connect(&app.addr.to_string(), &alice).await;

    // A query over the socket: counted at its response, with a duration.
    socket
        .subscribe("q", "query OverSocket { viewer { isAdmin } }", json!({}))
        .await;
    socket.next_data("q").await;
    assert_eq!(socket.message("q").await["type"], "complete");
    // A subscription holds the only slot; the next operation is RATE_LIMITED.
    socket
        .subscribe("s", "subscription { notifications { reason } }", json!({}))
        .await;
    socket
        .subscribe("over", "query Over { viewer { isAdmin } }", json!({}))
        .await;
    assert_eq!(
        socket.next_error().await,
        ("over".into(), vec!["RATE_LIMITED".into()])
    );

    let samples = scrape(&app).await;
    assert_eq!(requests(&samples, "OverSocket", "query", "ok"), 1.0);
    assert_eq!(durations(&samples, "query", "ok"), 1.0);
    assert_eq!(requests(&samples, "Over", "query", "rate_limited"), 1.0);
    assert_eq!(samples.get("praxis_rate_limited_total", &[]), 1.0);
    assert_eq!(samples.get("praxis_subscriptions_active", &[]), 1.0);

    // The client goes away: its subscription ends.
    drop(socket);
    eventually("the subscription ends", || async {
        let samples = scrape(&app).await;
        (samples.get("praxis_subscriptions_active", &[]) == 0.0).then_some(())
    })
    .await;
}

db_test!(websocket, websocket_operations);
