//! Robustness: every input limit accepted at the limit and refused one past it, hostile
//! requests answered with a coded JSON error (never a 5xx or a dead worker), and the database
//! going away and coming back without a restart.

use crate::common::{spawn_app_with, Backend, TestApp};
use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, Database, Statement, TransactionTrait};
use serde_json::{json, Value};

const CREATE_COMMUNITY: &str = "mutation($input: CreateCommunityInput!) {
  createCommunity(input: $input) { community { id name } userErrors { field code message } } }";
const PROPOSE_PARTNERSHIP: &str = "mutation($input: ProposePartnershipInput!) {
  proposePartnership(input: $input) { userErrors { field code message } } }";
const CREATE_WEBHOOK: &str = "mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { userErrors { field code message } } }";
const POST_PROBLEM: &str = "mutation($input: PostProblemInput!) {
  postProblem(input: $input) { userErrors { field code message } } }";
const CREATE_ORGANIZATION: &str = "mutation($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { organization { id } userErrors { field code message } } }";

async fn count(app: &TestApp, table: &str) -> i64 {
    let row = app
        .db
        .query_one_raw(Statement::from_string(
            app.db.get_database_backend(),
            format!("SELECT COUNT(*) AS n FROM {table}"),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get("", "n").unwrap()
}

/// A mutation input at a limit and one past it.
struct MutationLimit {
    what: &'static str,
    mutation: &'static str,
    payload: &'static str,
    table: &'static str,
    at: Value,
    past: Value,
    field: &'static [&'static str],
}

/// A query at a limit and one past it; past it is a BAD_USER_INPUT error naming `field`.
struct QueryLimit {
    what: &'static str,
    at: String,
    past: String,
    field: Option<&'static [&'static str]>,
}

fn text(n: usize) -> String {
    // Multi-byte characters: limits count characters, not bytes.
    "é".repeat(n)
}

fn slug(n: usize) -> String {
    "s".repeat(n)
}

async fn input_limits(backend: Backend) {
    let Some(app) =
        spawn_app_with(backend, &["--max-depth", "6", "--max-body-bytes", "131072"]).await
    else {
        return;
    };
    let acme = app.create_org("acme").await;
    let token = acme.token("alice", json!({}));
    let operator = app.operator_token();
    let admin = acme.admin_token("root");
    let acme_id = app
        .graphql(
            Some(&admin),
            "{ viewer { person { organization { id } } } }",
            json!({}),
        )
        .await
        .data("/viewer/person/organization/id")
        .clone();
    app.create_org("beta").await;
    app.create_org("gamma").await;
    let webhook = |url: String, description: String| {
        json!({ "organizationId": acme_id, "url": url, "description": description,
                "eventTypes": ["PARTNERSHIP_PROPOSED"] })
    };
    let community_id = app
        .graphql(
            Some(&token),
            CREATE_COMMUNITY,
            json!({ "input": { "slug": "problems", "name": "Problems" } }),
        )
        .await
        .data("/createCommunity/community/id")
        .clone();
    let problem = |title: String, body: String| json!({ "communityId": community_id, "title": title, "body": body });
    // An address on the public internet, padded to a length.
    let url = |n: usize| {
        let head = "https://93.184.216.34/";
        format!("{head}{}", "p".repeat(n - head.len()))
    };

    let mut n = 0;
    let mut community = |extra: Value| {
        n += 1;
        let mut input = json!({ "slug": format!("c{n}"), "name": "Community" });
        for (k, v) in extra.as_object().unwrap() {
            input[k] = v.clone();
        }
        input
    };
    let tags = |count: usize| -> Vec<String> { (0..count).map(|i| format!("tag-{i}")).collect() };
    let mutation_limits = [
        MutationLimit {
            what: "organization slug (40 characters)",
            mutation: CREATE_ORGANIZATION,
            payload: "createOrganization",
            table: "organization",
            at: json!({ "slug": slug(40), "name": "Org" }),
            past: json!({ "slug": slug(41), "name": "Org" }),
            field: &["input", "slug"],
        },
        MutationLimit {
            what: "organization name (120 characters)",
            mutation: CREATE_ORGANIZATION,
            payload: "createOrganization",
            table: "organization",
            at: json!({ "slug": "org-name", "name": text(120) }),
            past: json!({ "slug": "org-name-2", "name": text(121) }),
            field: &["input", "name"],
        },
        MutationLimit {
            what: "community slug (40 characters)",
            mutation: CREATE_COMMUNITY,
            payload: "createCommunity",
            table: "community",
            at: json!({ "slug": slug(40), "name": "C" }),
            past: json!({ "slug": slug(41), "name": "C" }),
            field: &["input", "slug"],
        },
        MutationLimit {
            what: "community name (120 characters)",
            mutation: CREATE_COMMUNITY,
            payload: "createCommunity",
            table: "community",
            at: community(json!({ "name": text(120) })),
            past: community(json!({ "name": text(121) })),
            field: &["input", "name"],
        },
        MutationLimit {
            what: "community purpose (2,000 characters)",
            mutation: CREATE_COMMUNITY,
            payload: "createCommunity",
            table: "community",
            at: community(json!({ "purpose": text(2_000) })),
            past: community(json!({ "purpose": text(2_001) })),
            field: &["input", "purpose"],
        },
        MutationLimit {
            what: "community charter (20,000 characters)",
            mutation: CREATE_COMMUNITY,
            payload: "createCommunity",
            table: "community",
            at: community(json!({ "charter": text(20_000) })),
            past: community(json!({ "charter": text(20_001) })),
            field: &["input", "charter"],
        },
        MutationLimit {
            what: "community tags (20)",
            mutation: CREATE_COMMUNITY,
            payload: "createCommunity",
            table: "community",
            at: community(json!({ "tags": tags(20) })),
            past: community(json!({ "tags": tags(21) })),
            field: &["input", "tags"],
        },
        MutationLimit {
            what: "tag length (40 characters)",
            mutation: CREATE_COMMUNITY,
            payload: "createCommunity",
            table: "community",
            at: community(json!({ "tags": [slug(40)] })),
            past: community(json!({ "tags": [slug(41)] })),
            field: &["input", "tags", "0"],
        },
        MutationLimit {
            what: "problem title (200 characters)",
            mutation: POST_PROBLEM,
            payload: "postProblem",
            table: "problem",
            at: problem(text(200), "b".into()),
            past: problem(text(201), "b".into()),
            field: &["input", "title"],
        },
        MutationLimit {
            what: "problem body (50,000 characters)",
            mutation: POST_PROBLEM,
            payload: "postProblem",
            table: "problem",
            at: problem("Title".into(), text(50_000)),
            past: problem("Title".into(), text(50_001)),
            field: &["input", "body"],
        },
        MutationLimit {
            what: "partnership message (2,000 characters)",
            mutation: PROPOSE_PARTNERSHIP,
            payload: "proposePartnership",
            table: "partnership",
            at: json!({ "partnerSlug": "beta", "message": text(2_000) }),
            past: json!({ "partnerSlug": "gamma", "message": text(2_001) }),
            field: &["input", "message"],
        },
        MutationLimit {
            what: "webhook URL (2,048 characters)",
            mutation: CREATE_WEBHOOK,
            payload: "createWebhookEndpoint",
            table: "webhook_endpoint",
            at: webhook(url(2_048), "d".into()),
            past: webhook(url(2_049), "d".into()),
            field: &["input", "url"],
        },
        MutationLimit {
            what: "webhook description (500 characters)",
            mutation: CREATE_WEBHOOK,
            payload: "createWebhookEndpoint",
            table: "webhook_endpoint",
            at: webhook(url(30), text(500)),
            past: webhook(url(30), text(501)),
            field: &["input", "description"],
        },
    ];
    for limit in &mutation_limits {
        let who = match limit.payload {
            "createOrganization" => &operator,
            "proposePartnership" | "createWebhookEndpoint" => &admin,
            _ => &token,
        };
        let before = count(&app, limit.table).await;
        let reply = app
            .graphql(Some(who), limit.mutation, json!({ "input": limit.past }))
            .await;
        reply.assert_ok();
        let payload = reply.data(&format!("/{}", limit.payload));
        assert_eq!(
            payload["userErrors"][0]["code"], "BAD_USER_INPUT",
            "{}: {payload:#}",
            limit.what
        );
        assert_eq!(
            payload["userErrors"][0]["field"],
            json!(limit.field),
            "{}",
            limit.what
        );
        assert_eq!(
            count(&app, limit.table).await,
            before,
            "{}: written",
            limit.what
        );
        let reply = app
            .graphql(Some(who), limit.mutation, json!({ "input": limit.at }))
            .await;
        reply.assert_ok();
        let payload = reply.data(&format!("/{}", limit.payload));
        assert_eq!(
            payload["userErrors"],
            json!([]),
            "{}: {payload:#}",
            limit.what
        );
        assert_eq!(count(&app, limit.table).await, before + 1, "{}", limit.what);
    }

    // Webhook endpoints: 20 per organization (two were made above).
    for i in 2..=20 {
        let reply = app
            .graphql(
                Some(&admin),
                CREATE_WEBHOOK,
                json!({ "input": webhook(url(30 + i), "d".into()) }),
            )
            .await;
        reply.assert_ok();
        let errors = reply.data("/createWebhookEndpoint/userErrors");
        if i < 20 {
            assert_eq!(errors, &json!([]), "endpoint {}", i + 1);
        } else {
            assert_eq!(errors[0]["code"], "BAD_USER_INPUT", "{errors:#}");
        }
    }
    assert_eq!(count(&app, "webhook_endpoint").await, 20);

    let org_id = app
        .graphql(
            Some(&token),
            "{ viewer { person { organization { id } } } }",
            json!({}),
        )
        .await
        .data("/viewer/person/organization/id")
        .clone();
    let ids = |n: usize| serde_json::to_string(&vec![org_id.clone(); n]).unwrap();
    let nodes = |n: usize| format!("{{ nodes(ids: {}) {{ id }} }}", ids(n));
    let search = |q: String| {
        format!(
            "{{ search(query: {}) {{ nodes {{ score }} }} }}",
            serde_json::to_string(&q).unwrap()
        )
    };
    let query_limits = [
        QueryLimit {
            what: "page size first (100)",
            at: "{ organizations(first: 100) { nodes { id } } }".into(),
            past: "{ organizations(first: 101) { nodes { id } } }".into(),
            field: Some(&["first"]),
        },
        QueryLimit {
            what: "page size last (100)",
            at: "{ organizations(last: 100) { nodes { id } } }".into(),
            past: "{ organizations(last: 101) { nodes { id } } }".into(),
            field: Some(&["last"]),
        },
        QueryLimit {
            what: "search hits first (50)",
            at: "{ search(query: \"x\", first: 50) { nodes { score } } }".into(),
            past: "{ search(query: \"x\", first: 51) { nodes { score } } }".into(),
            field: Some(&["first"]),
        },
        QueryLimit {
            what: "search query (500 characters)",
            at: search(format!("a{}", " b".repeat(249) + "c")),
            past: search(format!("a{}", " b".repeat(250))),
            field: Some(&["query"]),
        },
        QueryLimit {
            what: "report period (1,100 days, both included)",
            at: "{ organization(slug: \"acme\") { valueReport(period: { from: \"2024-01-01\", to: \"2027-01-04\" }) { activeMembers { role } } } }".into(),
            past: "{ organization(slug: \"acme\") { valueReport(period: { from: \"2024-01-01\", to: \"2027-01-05\" }) { activeMembers { role } } } }".into(),
            field: Some(&["period"]),
        },
        QueryLimit {
            what: "nodes(ids) (100)",
            at: nodes(100),
            past: nodes(101),
            field: None,
        },
        QueryLimit {
            what: "depth (--max-depth 6)",
            at: "{ viewer { person { organization { people(first: 1) { nodes { id } } } } } }"
                .into(),
            past: "{ viewer { person { organization { people(first: 1) { nodes { organization { id } } } } } } }"
                .into(),
            field: None,
        },
    ];
    // As an admin: the value report is for admins.
    for limit in &query_limits {
        app.graphql(Some(&admin), &limit.at, json!({}))
            .await
            .assert_ok();
        let reply = app.graphql(Some(&admin), &limit.past, json!({})).await;
        assert_eq!(
            reply.codes(),
            ["BAD_USER_INPUT"],
            "{}: {:#}",
            limit.what,
            reply.body
        );
        if let Some(field) = limit.field {
            assert_eq!(
                reply.errors()[0]["extensions"]["field"],
                json!(field),
                "{}: {:#}",
                limit.what,
                reply.body
            );
        }
    }

    // Batch: ten operations are answered, eleven refused with a code.
    let one = json!({ "query": "{ viewer { isAdmin } }" });
    let (status, body) = post_json(&app, &token, &json!(vec![one.clone(); 10])).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body.as_array().map(Vec::len), Some(10), "{body:#}");
    let (status, body) = post_json(&app, &token, &json!(vec![one; 11])).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");

    // Body bytes: exactly --max-body-bytes is read, one byte more is a 413.
    let body_of = |size: usize| {
        let head = r#"{"query":"{ viewer { isAdmin } } #"#;
        let tail = r#""}"#;
        format!("{head}{}{tail}", "x".repeat(size - head.len() - tail.len()))
    };
    let (status, body) = post_raw(&app, &token, body_of(131_072).into_bytes()).await;
    assert_eq!(status, StatusCode::OK, "{body:#}");
    assert_eq!(body["data"]["viewer"]["isAdmin"], false, "{body:#}");
    let (status, body) = post_raw(&app, &token, body_of(131_073).into_bytes()).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
}
db_test!(
    every_input_limit_accepts_at_and_refuses_past_it,
    input_limits
);

async fn post_raw(app: &TestApp, token: &str, body: Vec<u8>) -> (StatusCode, Value) {
    let response = app
        .http
        .post(app.url("/graphql"))
        .bearer_auth(token)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status();
    let bytes = response.bytes().await.unwrap();
    let body = serde_json::from_slice(&bytes).unwrap_or_else(|e| {
        panic!(
            "status {status}: not JSON ({e}): {}",
            String::from_utf8_lossy(&bytes[..bytes.len().min(500)])
        )
    });
    (status, body)
}

async fn post_json(app: &TestApp, token: &str, body: &Value) -> (StatusCode, Value) {
    post_raw(app, token, serde_json::to_vec(body).unwrap()).await
}

/// A hostile request is answered below 500 with JSON whose every error carries a code, and the
/// server still answers a normal query afterwards.
async fn assert_refused(app: &TestApp, token: &str, what: &str, body: Vec<u8>) -> Value {
    let (status, body) = post_raw(app, token, body).await;
    assert!(!status.is_server_error(), "{what}: {status} {body:#}");
    let errors = body["errors"].as_array().cloned().unwrap_or_default();
    assert!(!errors.is_empty(), "{what}: no errors: {body:#}");
    for error in &errors {
        assert!(
            error["extensions"]["code"].is_string(),
            "{what}: error without a code: {body:#}"
        );
    }
    assert_alive(app, token, what).await;
    body
}

/// On a new connection, with a few retries of connection errors (and of 408s): validating a 1-MB document
/// keeps the single worker busy for seconds (debug build, two tests on two cores), and a
/// connection waiting on it meanwhile is sometimes dropped. A dead worker fails every retry.
async fn assert_alive(app: &TestApp, token: &str, what: &str) {
    let mut attempts = 0;
    let response = loop {
        attempts += 1;
        match reqwest::Client::new()
            .post(app.url("/graphql"))
            .bearer_auth(token)
            .json(&json!({ "query": "{ viewer { isAdmin } }" }))
            .send()
            .await
        {
            // actix answers 408 (empty body) to a connection whose request it could not
            // read within its 5-second request timeout while the worker was busy: the same
            // case as a dropped connection.
            Ok(response) if response.status() == StatusCode::REQUEST_TIMEOUT && attempts < 5 => {
                eprintln!("after {what}: attempt {attempts}: 408");
                tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            }
            Ok(response) => break response,
            Err(e) if attempts < 5 => {
                eprintln!("after {what}: attempt {attempts}: {e:?}");
                tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            }
            Err(e) => panic!("after {what}: {e:?}"),
        }
    };
    let reply = crate::common::Reply {
        status: response.status(),
        body: response.json().await.unwrap(),
    };
    assert_eq!(
        reply.status,
        StatusCode::OK,
        "after {what}: {:#}",
        reply.body
    );
    assert!(reply.errors().is_empty(), "after {what}: {:#}", reply.body);
}

fn request(query: &str, variables: Value) -> Vec<u8> {
    serde_json::to_vec(&json!({ "query": query, "variables": variables })).unwrap()
}

async fn hostile_input(backend: Backend) {
    let Some(app) = spawn_app_with(backend, &["--max-body-bytes", "12000000"]).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let token = acme.token("alice", json!({}));

    // Malformed bodies.
    let malformed: [(&str, Vec<u8>); 5] = [
        ("truncated JSON", br#"{"query": "{ viewer"#.to_vec()),
        (
            "invalid UTF-8",
            b"{\"query\": \"{ viewer { isAdmin } } \xff\xfe\"}".to_vec(),
        ),
        (
            "raw NUL byte",
            b"{\"query\": \"{ viewer { isAdmin } }\0\"}".to_vec(),
        ),
        (
            "escaped NUL in the document",
            request("{ viewer { isAdmin } }\u{0}", json!({})),
        ),
        ("JSON that is not an object", b"42".to_vec()),
    ];
    for (what, body) in malformed {
        assert_refused(&app, &token, what, body).await;
    }

    // Ten-megabyte strings: under --max-body-bytes the service refuses it by its length;
    // over it the body is refused unread.
    let search = "query($q: String!) { search(query: $q) { nodes { score } } }";
    let body = assert_refused(
        &app,
        &token,
        "10-MB variable",
        request(search, json!({ "q": "a".repeat(10_000_000) })),
    )
    .await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    // A client of its own: the server answers 413 before reading the body and closes the
    // connection, which a shared pool could otherwise hand to the next request.
    let response = reqwest::Client::new()
        .post(app.url("/graphql"))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body(request(search, json!({ "q": "a".repeat(12_000_001) })))
        .send()
        .await;
    if let Ok(response) = response {
        assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    }
    assert_alive(&app, &token, "a body over the limit").await;

    // Wrong variable types.
    let first = "query($n: Int) { organizations(first: $n) { nodes { id } } }";
    let node = "query($id: ID!) { node(id: $id) { id } }";
    let wrong: [(&str, &str, Value); 7] = [
        ("string for Int", first, json!({ "n": "5" })),
        ("list for Int", first, json!({ "n": [5] })),
        ("Int out of range", first, json!({ "n": 1u64 << 40 })),
        ("object for ID", node, json!({ "id": { "a": 1 } })),
        ("null for ID!", node, json!({ "id": null })),
        ("missing ID!", node, json!({})),
        (
            "missing ID! in a list",
            "query($id: ID!) { nodes(ids: [$id]) { id } }",
            json!({}),
        ),
    ];
    for (what, query, variables) in wrong {
        let body = assert_refused(&app, &token, what, request(query, variables)).await;
        assert_eq!(
            body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
            "{what}: {body:#}"
        );
    }
    // Variables the operation does not declare are ignored (as the GraphQL spec allows).
    let (status, body) = post_raw(
        &app,
        &token,
        request("{ viewer { isAdmin } }", json!({ "nope": 1 })),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["data"]["viewer"]["isAdmin"], false, "{body:#}");
    let (status, body) = post_raw(
        &app,
        &token,
        br#"{"query": "{ viewer { isAdmin } }", "variables": [1]}"#.to_vec(),
    )
    .await;
    assert!(!status.is_server_error(), "{body:#}");
    // A nullable variable left out leaves the argument out.
    let (status, body) = post_raw(&app, &token, request(first, json!({}))).await;
    assert_eq!(status, StatusCode::OK, "{body:#}");
    assert!(body["errors"].is_null(), "{body:#}");

    // Huge documents.
    let repeated = format!("{{ viewer {{ {} }} }}", "isAdmin ".repeat(125_000));
    let body = assert_refused(
        &app,
        &token,
        "1-MB repeated fields",
        request(&repeated, json!({})),
    )
    .await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    let aliases: String = (0..10_000)
        .map(|i| format!("a{i}: viewer {{ isAdmin person {{ id }} }} "))
        .collect();
    let body = assert_refused(
        &app,
        &token,
        "10,000 aliases",
        request(&format!("{{ {aliases} }}"), json!({})),
    )
    .await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    let operations: String = (0..5_000)
        .map(|i| format!("query Q{i} {{ viewer {{ isAdmin }} }} "))
        .collect();
    assert_refused(
        &app,
        &token,
        "5,000 operations without operationName",
        request(&operations, json!({})),
    )
    .await;
    let (status, body) = post_json(
        &app,
        &token,
        &json!({ "query": operations, "operationName": "Q4999" }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body:#}");
    assert_eq!(body["data"]["viewer"]["isAdmin"], false, "{body:#}");
    let name = "Q".repeat(100_000);
    let (status, body) = post_json(
        &app,
        &token,
        &json!({ "query": format!("query {name} {{ viewer {{ isAdmin }} }}"), "operationName": name }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body:#}");
    assert_eq!(body["data"]["viewer"]["isAdmin"], false, "{body:#}");

    // Fragments and nesting.
    let cycle = "{ viewer { ...A } } fragment A on Viewer { ...B } fragment B on Viewer { ...A }";
    let body = assert_refused(&app, &token, "fragment cycle", request(cycle, json!({}))).await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    let chain: String = (0..1_000)
        .map(|i| {
            if i == 999 {
                format!("fragment F{i} on Viewer {{ isAdmin }} ")
            } else {
                format!("fragment F{i} on Viewer {{ isAdmin ...F{} }} ", i + 1)
            }
        })
        .collect();
    let (status, body) = post_raw(
        &app,
        &token,
        request(&format!("{{ viewer {{ ...F0 }} }} {chain}"), json!({})),
    )
    .await;
    assert!(!status.is_server_error(), "{body:#}");
    assert!(
        body["data"]["viewer"]["isAdmin"] == false
            || body["errors"][0]["extensions"]["code"].is_string(),
        "{body:#}"
    );
    assert_alive(&app, &token, "1,000 chained fragments").await;
    let deep = format!(
        "{{ viewer {{ person {{ {} id {} }} }} }}",
        "organization { people { nodes { ".repeat(300),
        "} } } ".repeat(300)
    );
    let body = assert_refused(&app, &token, "deep nesting", request(&deep, json!({}))).await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    let braces = format!("{}{}", "{ a ".repeat(20_000), "}".repeat(20_000));
    assert_refused(
        &app,
        &token,
        "20,000 nested braces",
        request(&braces, json!({})),
    )
    .await;
    let lists = format!(
        "{{ nodes(ids: {}1{}) {{ id }} }}",
        "[".repeat(20_000),
        "]".repeat(20_000)
    );
    assert_refused(
        &app,
        &token,
        "20,000 nested lists",
        request(&lists, json!({})),
    )
    .await;

    // Unicode: stored faithfully; control characters refused with a field.
    for (i, name) in [
        "Praxis 🧪👩🏽‍🔬",
        "مجتمع الممارسة",
        "e\u{301}\u{302}\u{303} Zalgo",
        "\u{202e}reversed",
    ]
    .iter()
    .enumerate()
    {
        let reply = app
            .graphql(
                Some(&token),
                CREATE_COMMUNITY,
                json!({ "input": { "slug": format!("u{i}"), "name": name } }),
            )
            .await;
        reply.assert_ok();
        assert_eq!(
            reply.data("/createCommunity/community/name"),
            name,
            "{:#}",
            reply.body
        );
    }
    let before = count(&app, "community").await;
    for (field, input) in [
        ("name", json!({ "slug": "nul", "name": "a\u{0}b" })),
        (
            "purpose",
            json!({ "slug": "nul", "name": "N", "purpose": "a\u{0}b" }),
        ),
        (
            "charter",
            json!({ "slug": "nul", "name": "N", "charter": "a\u{0}b" }),
        ),
    ] {
        let reply = app
            .graphql(Some(&token), CREATE_COMMUNITY, json!({ "input": input }))
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{field}: {:#}", reply.body);
        assert_eq!(
            reply.data("/createCommunity/userErrors/0/field"),
            &json!(["input", field]),
            "{field}: {:#}",
            reply.body
        );
    }
    assert_eq!(count(&app, "community").await, before);
    assert_alive(&app, &token, "unicode").await;

    // NUL in other free text is a field error and nothing is written (PostgreSQL cannot
    // store it).
    let reply = app
        .graphql(
            Some(&token),
            "{ search(query: \"a\\u0000b\") { nodes { score } } }",
            json!({}),
        )
        .await;
    // The search splits words on anything but letters and digits: NUL is a separator.
    reply.assert_ok();
    app.create_org("beta").await;
    let admin = acme.admin_token("root");
    let me = app
        .graphql(
            Some(&admin),
            "{ viewer { person { id organization { id } } } }",
            json!({}),
        )
        .await;
    let admin_id = me.data("/viewer/person/id").clone();
    let org_id = me.data("/viewer/person/organization/id").clone();
    let cases = [
        (
            "proposePartnership",
            "mutation($input: ProposePartnershipInput!) { proposePartnership(input: $input) { userErrors { field code } } }",
            json!({ "partnerSlug": "beta", "message": "a\u{0}b" }),
            "message",
        ),
        (
            "setPersonBusinessUnit",
            "mutation($input: SetPersonBusinessUnitInput!) { setPersonBusinessUnit(input: $input) { userErrors { field code } } }",
            json!({ "personId": admin_id, "businessUnit": "a\u{0}b" }),
            "businessUnit",
        ),
        (
            "createWebhookEndpoint",
            "mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { userErrors { field code } } }",
            json!({ "organizationId": org_id, "url": "https://93.184.216.34/hook",
                    "description": "a\u{0}b", "eventTypes": [] }),
            "description",
        ),
    ];
    for (mutation, query, input, field) in cases {
        let reply = app
            .graphql(Some(&admin), query, json!({ "input": input }))
            .await;
        reply.assert_ok();
        assert_eq!(
            reply.data(&format!("/{mutation}/userErrors/0")),
            &json!({ "field": ["input", field], "code": "BAD_USER_INPUT" }),
            "{mutation}: {:#}",
            reply.body
        );
    }
    assert_eq!(count(&app, "partnership").await, 0);
    assert_eq!(count(&app, "webhook_endpoint").await, 0);
    assert_alive(&app, &token, "NUL in free text").await;
}
db_test!(hostile_requests_get_coded_errors_and_no_5xx, hostile_input);

async fn ready(app: &TestApp) -> (StatusCode, Value) {
    let response = app.http.get(app.url("/readyz")).send().await.unwrap();
    let status = response.status();
    (status, response.json().await.unwrap())
}

/// Asks until the server answers a read and a write normally (sqlx opens new connections
/// for the broken ones); every answer meanwhile must be a coded error, never a panic.
/// Returns how many attempts failed first.
async fn until_recovered(app: &TestApp, token: &str, round: usize) -> usize {
    for attempt in 0..200 {
        let reply = app
            .graphql(
                Some(token),
                CREATE_COMMUNITY,
                json!({ "input": { "slug": format!("r{round}-{attempt}"), "name": "R" } }),
            )
            .await;
        if reply.errors().is_empty() && reply.status == StatusCode::OK {
            assert_eq!(reply.data("/createCommunity/userErrors"), &json!([]));
            return attempt;
        }
        for code in reply.codes() {
            assert!(
                code == "INTERNAL" || code == "UNAVAILABLE",
                "round {round}: {:#}",
                reply.body
            );
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("round {round}: no recovery after 200 attempts");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_connections_terminated_then_recovered() {
    let Some(app) = spawn_app_with(Backend::Postgres, &[]).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let token = acme.token("alice", json!({}));
    let killer = Database::connect(&app.database_url).await.unwrap();
    for round in 0..3 {
        assert_alive(&app, &token, "before termination").await;
        let terminated = killer
            .query_all_raw(Statement::from_string(
                sea_orm::DatabaseBackend::Postgres,
                "SELECT pg_terminate_backend(pid) AS t FROM pg_stat_activity \
                 WHERE datname = current_database() AND pid <> pg_backend_pid()",
            ))
            .await
            .unwrap();
        let terminated = terminated
            .iter()
            .filter(|row| row.try_get::<bool>("", "t").unwrap())
            .count();
        assert!(terminated > 0, "round {round}: nothing terminated");
        // Readiness at once: a pooled connection may be dead (503, "error") or already
        // replaced (200); never anything else.
        let (status, body) = ready(&app).await;
        assert!(
            (status == StatusCode::OK && body["database"] == "ok")
                || (status == StatusCode::SERVICE_UNAVAILABLE && body["database"] == "error"),
            "round {round}: {status} {body:#}"
        );
        let failed = until_recovered(&app, &token, round).await;
        eprintln!(
            "round {round}: {terminated} backends terminated; /readyz {status} at once; \
             {failed} writes failed before one went through"
        );
        assert_alive(&app, &token, "recovery").await;
        let (status, body) = ready(&app).await;
        assert_eq!(status, StatusCode::OK, "round {round}: {body:#}");
    }
    // Unreachable: new connections are refused and the live ones terminated. Requests get
    // a coded error and readiness says so; once connections are allowed again the server
    // answers without a restart.
    let name = killer
        .query_one_raw(Statement::from_string(
            sea_orm::DatabaseBackend::Postgres,
            "SELECT current_database() AS name",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<String>("", "name")
        .unwrap();
    let allow = |on: bool| format!("ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS {on}");
    // A database's connections cannot be switched off from inside it.
    let admin = Database::connect(std::env::var("PRAXIS_TEST_POSTGRES_URL").unwrap())
        .await
        .unwrap();
    admin.execute_unprepared(&allow(false)).await.unwrap();
    killer
        .execute_unprepared(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = current_database() AND pid <> pg_backend_pid()",
        )
        .await
        .unwrap();
    let reply = app
        .graphql(
            Some(&token),
            CREATE_COMMUNITY,
            json!({ "input": { "slug": "while-down", "name": "D" } }),
        )
        .await;
    // The viewer is read before the operation runs: a database failure there is a 503.
    assert_eq!(
        reply.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{:#}",
        reply.body
    );
    assert_eq!(reply.codes(), ["INTERNAL"], "{:#}", reply.body);
    let (status, body) = ready(&app).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body:#}");
    assert_eq!(body["database"], "error", "{body:#}");
    admin.execute_unprepared(&allow(true)).await.unwrap();
    until_recovered(&app, &token, 3).await;
    let (status, body) = ready(&app).await;
    assert_eq!(status, StatusCode::OK, "{body:#}");
    // Every recovery wrote a community; nothing was written while the database was away.
    assert_eq!(count(&app, "community").await, 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_locked_past_the_busy_timeout_then_recovered() {
    let app = spawn_app_with(Backend::Sqlite, &["--database-timeout", "1s"])
        .await
        .unwrap();
    let acme = app.create_org("acme").await;
    let token = acme.token("alice", json!({}));
    // Alice's first request writes her person row; later ones only read it.
    assert_alive(&app, &token, "the first sign-in").await;
    let other = Database::connect(&app.database_url).await.unwrap();
    for round in 0..2 {
        let lock = other.begin().await.unwrap();
        lock.execute_unprepared(&format!("CREATE TABLE lock_holder_{round} (x INTEGER)"))
            .await
            .unwrap();
        let reply = app
            .graphql(
                Some(&token),
                CREATE_COMMUNITY,
                json!({ "input": { "slug": format!("locked-{round}"), "name": "L" } }),
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{:#}", reply.body);
        assert_eq!(reply.codes(), ["INTERNAL"], "{:#}", reply.body);
        // Reads go on beside a writer (WAL): the server is ready meanwhile.
        assert_alive(&app, &token, "a read while locked").await;
        let (status, body) = ready(&app).await;
        assert_eq!(status, StatusCode::OK, "{body:#}");
        lock.rollback().await.unwrap();
        assert_eq!(until_recovered(&app, &token, round).await, 0);
    }
    assert_eq!(count(&app, "community").await, 2);
}
