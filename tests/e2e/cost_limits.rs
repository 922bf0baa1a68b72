//! Query cost and rate limits (README, "Cost and rate limits"): every operation's cost is
//! computed before it runs and told in `extensions.cost`; one over `--max-complexity` or over
//! a whole budget is refused with its cost; budgets per person, per organization and per
//! client address refuse with RATE_LIMITED (429 + Retry-After under
//! application/graphql-response+json, 200 under application/json) and refill over the window.

use crate::common::*;
use crate::realtime::client::Subscriber;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::time::Duration;

/// `{ viewer { organization { slug } } }`: viewer 1 + organization 1 + slug 1.
const VIEWER: &str = "{ viewer { organization { slug } } }";
const VIEWER_COST: u64 = 3;

/// Small budgets that do not refill during a test (30 points per hour is one per 2 minutes).
const SMALL_BUDGETS: &[&str] = &[
    "--rate-limit-window",
    "1h",
    "--rate-limit-person",
    "30",
    "--rate-limit-organization",
    "50",
    "--rate-limit-anonymous",
    "3",
];

fn cost(reply: &Reply) -> &Value {
    &reply.body["extensions"]["cost"]
}

/// POST with an `Accept` header, answering status, `Retry-After` and body.
async fn post(
    app: &TestApp,
    token: Option<&str>,
    accept: &str,
    body: Value,
) -> (StatusCode, Option<String>, Value) {
    let mut request = app
        .http
        .post(app.url("/graphql"))
        .header("Accept", accept)
        .json(&body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let retry_after = response
        .headers()
        .get("retry-after")
        .map(|value| value.to_str().unwrap().to_owned());
    (status, retry_after, response.json().await.unwrap())
}

async fn spend(app: &TestApp, token: &str, times: usize) {
    for _ in 0..times {
        app.graphql(Some(token), VIEWER, json!({}))
            .await
            .assert_ok();
    }
}

async fn costs_are_computed_and_told(backend: Backend) {
    // Budgets that refill by less than a point during the test, so `remaining` is exact.
    let flags = [
        "--max-complexity",
        "500",
        "--rate-limit-window",
        "24h",
        "--rate-limit-person",
        "1000",
        "--rate-limit-organization",
        "5000",
    ];
    let Some(app) = spawn_app_with(backend, &flags).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let alice = acme.token("alice", json!({}));

    let reply = app.graphql(Some(&alice), VIEWER, json!({})).await;
    reply.assert_ok();
    assert_eq!(cost(&reply)["requested"], VIEWER_COST, "{:#}", reply.body);
    // The answer holds the three fields asked for.
    assert_eq!(cost(&reply)["actual"], VIEWER_COST);
    let budget = &cost(&reply)["budget"];
    assert_eq!(
        budget["scope"], "PERSON",
        "the tighter of person and organization"
    );
    assert_eq!(budget["limit"], 1000);
    assert_eq!(budget["remaining"], 1000 - VIEWER_COST);
    assert!(budget["resetSeconds"].as_u64().unwrap() >= 1);

    // Aliases count each time they are asked for.
    let aliased = "{ a: viewer { organization { slug } } b: viewer { organization { slug } } }";
    let reply = app.graphql(Some(&alice), aliased, json!({})).await;
    reply.assert_ok();
    assert_eq!(cost(&reply)["requested"], 2 * VIEWER_COST);
    assert_eq!(cost(&reply)["actual"], 2 * VIEWER_COST);

    // A connection costs its page size times its selection (nodes 1 + slug 1); what comes
    // back costs the connection, its nodes field and one slug per organization returned.
    let page = "{ organizations(first: 10) { nodes { slug } } }";
    let reply = app.graphql(Some(&alice), page, json!({})).await;
    reply.assert_ok();
    assert_eq!(cost(&reply)["requested"], 20);
    let returned = reply.data("/organizations/nodes").as_array().unwrap().len() as u64;
    assert_eq!(returned, 1, "alice sees her own organization");
    assert_eq!(cost(&reply)["actual"], 2 + returned);
    // Without first/last, the default page (20) is what is asked for.
    let reply = app
        .graphql(
            Some(&alice),
            "{ organizations { nodes { slug } } }",
            json!({}),
        )
        .await;
    assert_eq!(cost(&reply)["requested"], 40);

    // Over --max-complexity: refused before running, with the cost and the limit.
    let costly = "{ organizations(first: 100) { nodes { people(first: 100) { nodes { id } } } } }";
    let reply = app.graphql(Some(&alice), costly, json!({})).await;
    assert_eq!(reply.codes(), ["BAD_USER_INPUT"], "{:#}", reply.body);
    let error = &reply.errors()[0];
    assert_eq!(error["extensions"]["reason"], "MAX_COST_EXCEEDED");
    assert_eq!(error["extensions"]["cost"], 100 * (1 + 100 * 2));
    assert_eq!(error["extensions"]["maxCost"], 500);
    assert!(error["message"].as_str().unwrap().contains("20100"));
    assert!(reply.body.get("data").is_none(), "nothing ran");
    assert_eq!(cost(&reply)["requested"], 20100);
    assert_eq!(cost(&reply)["actual"], 0);
    // Refused operations are not charged.
    let reply = app.graphql(Some(&alice), VIEWER, json!({})).await;
    assert_eq!(
        cost(&reply)["budget"]["remaining"],
        1000 - VIEWER_COST * 4 - 20 - 40
    );

    // A mutation costs its selection plus 10 per root field; the operator has no budget.
    let operator = app.operator_token();
    let mutation = "mutation($id: ID!) { setOrganizationRateLimit(input: { organizationId: $id, personPoints: 1000 }) { rateLimit { personPoints } userErrors { code } } }";
    let reply = app
        .graphql(
            Some(&operator),
            mutation,
            json!({ "id": app_org_id(&app, &acme).await }),
        )
        .await;
    reply.assert_ok();
    // setOrganizationRateLimit 1 + rateLimit 1 + personPoints 1 + userErrors 1 + code 1.
    assert_eq!(cost(&reply)["requested"], 5 + 10, "{:#}", reply.body);
    assert_eq!(cost(&reply)["budget"], Value::Null);
    // Two root fields pay twice (aliases too).
    let twice = "mutation($id: ID!) { a: setOrganizationRateLimit(input: { organizationId: $id }) { userErrors { code } } b: setOrganizationRateLimit(input: { organizationId: $id }) { userErrors { code } } }";
    let reply = app
        .graphql(
            Some(&operator),
            twice,
            json!({ "id": app_org_id(&app, &acme).await }),
        )
        .await;
    reply.assert_ok();
    assert_eq!(cost(&reply)["requested"], 2 * (3 + 10));
    assert_eq!(cost(&reply)["actual"], 2 * (2 + 10));
}
db_test!(
    operations_tell_their_cost_and_too_costly_ones_are_refused,
    costs_are_computed_and_told
);

/// The global id of an organization, as the API gives it.
async fn app_org_id(app: &TestApp, org: &OrgFixture) -> Value {
    let reply = app
        .graphql(
            Some(&org.token("id-reader", json!({}))),
            "{ viewer { organization { id } } }",
            json!({}),
        )
        .await;
    reply.data("/viewer/organization/id").clone()
}

async fn spent_budgets_are_refused(backend: Backend) {
    let Some(app) = spawn_app_with(backend, SMALL_BUDGETS).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let alice = acme.token("alice", json!({}));
    spend(&app, &alice, 10).await;

    let body = json!({ "query": VIEWER });
    let (status, retry_after, answer) = post(
        &app,
        Some(&alice),
        "application/graphql-response+json",
        body.clone(),
    )
    .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{answer:#}");
    assert!(answer.get("data").is_none(), "{answer:#}");
    let error = &answer["errors"][0];
    assert_eq!(error["extensions"]["code"], "RATE_LIMITED");
    assert_eq!(error["extensions"]["scope"], "PERSON");
    assert_eq!(error["extensions"]["cost"], VIEWER_COST);
    assert_eq!(error["extensions"]["limit"], 30);
    let seconds = error["extensions"]["retryAfter"].as_u64().unwrap();
    assert!(seconds >= 1);
    assert_eq!(retry_after.as_deref(), Some(seconds.to_string().as_str()));

    // application/json answers 200, as the specification requires, with Retry-After too.
    let (status, retry_after, answer) =
        post(&app, Some(&alice), "application/json", body.clone()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(answer["errors"][0]["extensions"]["code"], "RATE_LIMITED");
    assert!(retry_after.is_some());

    // A GET query is charged the same way.
    let response = app
        .http
        .get(app.url("/graphql"))
        .query(&[("query", VIEWER)])
        .header("Accept", "application/graphql-response+json")
        .bearer_auth(&alice)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(response.headers().get("retry-after").is_some());

    // An operation that costs more than the whole budget can never run: it is refused as
    // too complex (with the budget as its limit), not asked to wait.
    let bob = acme.token("bob", json!({}));
    let reply = app
        .graphql(
            Some(&bob),
            "{ organizations(first: 20) { nodes { slug } } }",
            json!({}),
        )
        .await;
    assert_eq!(reply.codes(), ["BAD_USER_INPUT"], "{:#}", reply.body);
    assert_eq!(
        reply.errors()[0]["extensions"]["reason"],
        "MAX_COST_EXCEEDED"
    );
    assert_eq!(reply.errors()[0]["extensions"]["cost"], 40);
    assert_eq!(reply.errors()[0]["extensions"]["maxCost"], 30);

    // Requests without a token have a budget per client address.
    for _ in 0..3 {
        let reply = app.graphql(None, "{ __typename }", json!({})).await;
        reply.assert_ok();
        assert_eq!(cost(&reply)["budget"]["scope"], "CLIENT");
    }
    let reply = app.graphql(None, "{ __typename }", json!({})).await;
    assert_eq!(reply.codes(), ["RATE_LIMITED"], "{:#}", reply.body);
    assert_eq!(reply.errors()[0]["extensions"]["scope"], "CLIENT");

    // The operator is never limited.
    let operator = app.operator_token();
    for _ in 0..20 {
        app.graphql(
            Some(&operator),
            "{ organizations(first: 1) { nodes { slug } } }",
            json!({}),
        )
        .await
        .assert_ok();
    }

    // Refusals are counted.
    let metrics = app
        .http
        .get(app.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let value = |line_start: &str| -> f64 {
        metrics
            .lines()
            .find(|line| line.starts_with(line_start))
            .and_then(|line| line.rsplit(' ').next())
            .and_then(|value| value.parse().ok())
            .unwrap_or(0.0)
    };
    assert_eq!(
        value("praxis_rate_limit_rejections_total{scope=\"person\"}"),
        3.0
    );
    assert_eq!(
        value("praxis_rate_limit_rejections_total{scope=\"client\"}"),
        1.0
    );
    assert_eq!(value("praxis_rate_limited_total"), 4.0);
    assert!(value("praxis_graphql_cost_points_count{measure=\"requested\"}") >= 10.0);
    assert!(metrics.contains("outcome=\"rate_limited\""));
}
db_test!(
    spent_budgets_are_refused_with_429_and_retry_after,
    spent_budgets_are_refused
);

async fn budgets_are_separate(backend: Backend) {
    let Some(app) = spawn_app_with(backend, SMALL_BUDGETS).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let globex = app.create_org("globex").await;
    let alice = acme.token("alice", json!({}));
    let bob = acme.token("bob", json!({}));
    let carol = globex.token("carol", json!({}));

    // Alice spends her 30 points; Bob, of the same organization, still has his own.
    spend(&app, &alice, 10).await;
    let reply = app.graphql(Some(&alice), VIEWER, json!({})).await;
    assert_eq!(reply.codes(), ["RATE_LIMITED"]);
    assert_eq!(reply.errors()[0]["extensions"]["scope"], "PERSON");
    // Acme has 50 - 30 = 20 points left: six more queries of Bob's, then the organization's
    // budget refuses him although his own is not spent.
    spend(&app, &bob, 6).await;
    let reply = app.graphql(Some(&bob), VIEWER, json!({})).await;
    assert_eq!(reply.codes(), ["RATE_LIMITED"], "{:#}", reply.body);
    assert_eq!(reply.errors()[0]["extensions"]["scope"], "ORGANIZATION");
    assert_eq!(reply.errors()[0]["extensions"]["limit"], 50);
    // Another organization is not touched.
    let reply = app.graphql(Some(&carol), VIEWER, json!({})).await;
    reply.assert_ok();
    assert_eq!(cost(&reply)["budget"]["remaining"], 30 - VIEWER_COST);

    // The operator gives Acme budgets of its own: applied at once, in fresh buckets.
    let operator = app.operator_token();
    let set = "mutation($id: ID!, $org: Int, $person: Int) { setOrganizationRateLimit(input: { organizationId: $id, organizationPoints: $org, personPoints: $person }) { rateLimit { organizationPoints personPoints organization { slug } } userErrors { field code } } }";
    let acme_global_id = acme_global_id(&app).await;
    let reply = app
        .graphql(
            Some(&operator),
            set,
            json!({ "id": acme_global_id, "org": 1000, "person": 100 }),
        )
        .await;
    reply.assert_ok();
    assert_eq!(
        reply.data("/setOrganizationRateLimit/rateLimit"),
        &json!({ "organizationPoints": 1000, "personPoints": 100, "organization": { "slug": "acme" } })
    );
    let reply = app.graphql(Some(&alice), VIEWER, json!({})).await;
    reply.assert_ok();
    assert_eq!(cost(&reply)["budget"]["scope"], "PERSON");
    assert_eq!(cost(&reply)["budget"]["limit"], 100);
    assert_eq!(cost(&reply)["budget"]["remaining"], 100 - VIEWER_COST);
    // Globex keeps the defaults.
    let reply = app.graphql(Some(&carol), VIEWER, json!({})).await;
    assert_eq!(cost(&reply)["budget"]["limit"], 30);

    // The change is audited, readable by Acme's admins.
    let audit =
        "{ viewer { organization { auditEvents(first: 10) { nodes { action before after } } } } }";
    let reply = app
        .graphql(Some(&acme.admin_token("admin")), audit, json!({}))
        .await;
    reply.assert_ok();
    let events = reply
        .data("/viewer/organization/auditEvents/nodes")
        .as_array()
        .unwrap()
        .clone();
    let set_event = events
        .iter()
        .find(|event| event["action"] == "ORGANIZATION_RATE_LIMIT_SET")
        .unwrap_or_else(|| panic!("no audit event: {events:#?}"));
    assert_eq!(
        set_event["after"],
        json!({ "organizationPoints": 1000, "personPoints": 100 })
    );
    assert_eq!(
        set_event["before"],
        json!({ "organizationPoints": null, "personPoints": null })
    );

    // Bad budgets are user errors; only the operator may set budgets.
    let reply = app
        .graphql(
            Some(&operator),
            set,
            json!({ "id": acme_global_id, "org": 0 }),
        )
        .await;
    assert_eq!(
        reply.data("/setOrganizationRateLimit/userErrors"),
        &json!([{ "field": ["input", "organizationPoints"], "code": "BAD_USER_INPUT" }])
    );
    let reply = app
        .graphql(
            Some(&operator),
            set,
            json!({ "id": acme_global_id, "person": -5 }),
        )
        .await;
    assert_eq!(
        reply.data("/setOrganizationRateLimit/userErrors/0/field"),
        &json!(["input", "personPoints"])
    );
    let reply = app
        .graphql(
            Some(&acme.admin_token("admin")),
            set,
            json!({ "id": acme_global_id, "org": 100000 }),
        )
        .await;
    assert_eq!(reply.codes(), ["FORBIDDEN"], "{:#}", reply.body);
}
db_test!(
    person_and_organization_budgets_are_separate_and_configurable,
    budgets_are_separate
);

async fn acme_global_id(app: &TestApp) -> Value {
    let reply = app
        .graphql(
            Some(&app.operator_token()),
            "{ organizations(first: 10) { nodes { id slug } } }",
            json!({}),
        )
        .await;
    reply
        .data("/organizations/nodes")
        .as_array()
        .unwrap()
        .iter()
        .find(|org| org["slug"] == "acme")
        .unwrap()["id"]
        .clone()
}

async fn batches_pay_per_operation(backend: Backend) {
    let Some(app) = spawn_app_with(backend, SMALL_BUDGETS).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let alice = acme.token("alice", json!({}));
    let batch = |n: usize| Value::Array(vec![json!({ "query": VIEWER }); n]);

    let (status, _, answer) = post(
        &app,
        Some(&alice),
        "application/graphql-response+json",
        batch(3),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{answer:#}");
    // The operations of a batch run side by side: each paid, in some order.
    let mut remaining: Vec<u64> = answer
        .as_array()
        .unwrap()
        .iter()
        .map(|answer| {
            answer["extensions"]["cost"]["budget"]["remaining"]
                .as_u64()
                .unwrap()
        })
        .collect();
    remaining.sort_unstable();
    assert_eq!(remaining, [21, 24, 27]);

    // 21 points pay for 7 of the next 8: one is refused, the others ran (200).
    let (status, retry_after, answer) = post(
        &app,
        Some(&alice),
        "application/graphql-response+json",
        batch(8),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(retry_after.is_some());
    let codes: Vec<&Value> = answer
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|answer| answer["errors"][0]["extensions"].get("code"))
        .collect();
    assert_eq!(codes, [&json!("RATE_LIMITED")], "{answer:#}");
    // A batch none of whose operations ran is a 429.
    let (status, retry_after, _) = post(
        &app,
        Some(&alice),
        "application/graphql-response+json",
        batch(2),
    )
    .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(retry_after.is_some());
}
db_test!(batches_pay_for_every_operation, batches_pay_per_operation);

async fn budgets_refill(backend: Backend) {
    let Some(app) = spawn_app_with(
        backend,
        &["--rate-limit-window", "1s", "--rate-limit-person", "6"],
    )
    .await
    else {
        return;
    };
    let acme = app.create_org("acme").await;
    let alice = acme.token("alice", json!({}));
    spend(&app, &alice, 2).await;
    let reply = app.graphql(Some(&alice), VIEWER, json!({})).await;
    if reply.codes() == ["RATE_LIMITED"] {
        assert_eq!(reply.errors()[0]["extensions"]["retryAfter"], 1);
    }
    // After a whole window the bucket is full again, whatever was spent.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let reply = app.graphql(Some(&alice), VIEWER, json!({})).await;
    reply.assert_ok();
    assert_eq!(cost(&reply)["budget"]["remaining"], 6 - VIEWER_COST);
}
db_test!(spent_budgets_refill_over_the_window, budgets_refill);

async fn websocket_operations_pay(backend: Backend) {
    let Some(app) = spawn_app_with(backend, SMALL_BUDGETS).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let alice = acme.token("alice", json!({}));
    let mut socket = Subscriber::connect(&app.addr.to_string(), &alice).await;
    for n in 1..=10u64 {
        let next = socket
            .run(&n.to_string(), json!({ "query": VIEWER }))
            .await
            .unwrap_or_else(|error| panic!("{error:#}"));
        let cost = &next["extensions"]["cost"];
        assert_eq!(cost["requested"], VIEWER_COST);
        assert_eq!(cost["budget"]["remaining"], 30 - n * VIEWER_COST);
    }
    // Spent: a query and a subscription alike are refused with an `error` message.
    for query in [VIEWER, "subscription { notifications { reason } }"] {
        let error = socket
            .run("late", json!({ "query": query }))
            .await
            .expect_err("refused");
        assert_eq!(error[0]["extensions"]["code"], "RATE_LIMITED", "{error:#}");
        assert!(error[0]["extensions"]["retryAfter"].as_u64().unwrap() >= 1);
    }
    // HTTP shares the person's budget.
    let reply = app.graphql(Some(&alice), VIEWER, json!({})).await;
    assert_eq!(reply.codes(), ["RATE_LIMITED"]);
}
db_test!(
    websocket_operations_pay_from_the_same_budgets,
    websocket_operations_pay
);
