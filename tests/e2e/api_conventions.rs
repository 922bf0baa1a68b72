//! The API conventions: Relay connections and ids, error codes, user errors, limits, and the
//! HTTP surface (GraphiQL, health, request ids, body limit).

use crate::common::*;
use api::auth::MemberIdentity;
use reqwest::StatusCode;
use serde_json::{json, Value};

const PEOPLE_PAGE: &str = "query($s: String!, $first: Int, $after: String, $last: Int, $before: String) {
  organization(slug: $s) { people(first: $first, after: $after, last: $last, before: $before) {
    totalCount edges { cursor node { displayName } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }";

fn names(reply: &Reply) -> Vec<String> {
    reply
        .data("/organization/people/edges")
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["displayName"].as_str().unwrap().to_owned())
        .collect()
}

async fn connections(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    for n in 0..25 {
        api::service::person::sign_in(
            &app.db,
            &MemberIdentity {
                organization_id: acme.id,
                subject: format!("p{n:02}"),
                name: Some(format!("Person {n:02}")),
                email: None,
                is_admin: false,
            },
        )
        .await
        .unwrap();
    }
    let token = acme.token("p00", json!({}));
    let vars = |extra: Value| {
        let mut v = json!({ "s": "acme" });
        for (k, x) in extra.as_object().unwrap() {
            v[k] = x.clone();
        }
        v
    };

    // Forward through all pages.
    let mut after: Option<String> = None;
    let mut seen = Vec::new();
    let mut pages = 0;
    loop {
        let reply = app
            .graphql(
                Some(&token),
                PEOPLE_PAGE,
                vars(json!({ "first": 10, "after": after })),
            )
            .await;
        reply.assert_ok();
        assert_eq!(reply.data("/organization/people/totalCount"), 25);
        seen.extend(names(&reply));
        pages += 1;
        if reply.data("/organization/people/pageInfo/hasNextPage") != true {
            break;
        }
        after = reply
            .data("/organization/people/pageInfo/endCursor")
            .as_str()
            .map(str::to_owned);
    }
    assert_eq!(pages, 3);
    let expected: Vec<String> = (0..25).map(|n| format!("Person {n:02}")).collect();
    assert_eq!(
        seen, expected,
        "keyset order is creation order, nothing skipped or repeated"
    );

    // Backward: the last 10, then the 10 before them.
    let reply = app
        .graphql(Some(&token), PEOPLE_PAGE, vars(json!({ "last": 10 })))
        .await;
    assert_eq!(names(&reply), expected[15..].to_vec());
    assert_eq!(
        reply.data("/organization/people/pageInfo/hasPreviousPage"),
        true
    );
    let before = reply
        .data("/organization/people/pageInfo/startCursor")
        .clone();
    let reply = app
        .graphql(
            Some(&token),
            PEOPLE_PAGE,
            vars(json!({ "last": 10, "before": before })),
        )
        .await;
    assert_eq!(names(&reply), expected[5..15].to_vec());
    assert_eq!(
        reply.data("/organization/people/pageInfo/hasNextPage"),
        true
    );

    // Default page size and the limits.
    let reply = app
        .graphql(Some(&token), PEOPLE_PAGE, vars(json!({})))
        .await;
    assert_eq!(names(&reply).len(), 20);
    for (args, field) in [
        (json!({ "first": 101 }), "first"),
        (json!({ "first": -1 }), "first"),
        (json!({ "first": 1, "last": 1 }), "last"),
        (json!({ "after": "bm90IGEgY3Vyc29y" }), "after"),
    ] {
        let reply = app
            .graphql(Some(&token), PEOPLE_PAGE, vars(args.clone()))
            .await;
        assert_eq!(
            reply.codes(),
            ["BAD_USER_INPUT"],
            "{args}: {:#}",
            reply.body
        );
        assert!(reply.errors()[0]["message"]
            .as_str()
            .unwrap()
            .contains(field));
    }

    // nodes accepts at most 100 ids.
    let ids: Vec<String> = (0..101).map(|_| "x".to_owned()).collect();
    let reply = app
        .graphql(
            Some(&token),
            "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
            json!({ "ids": ids }),
        )
        .await;
    assert_eq!(reply.codes(), ["BAD_USER_INPUT"]);
    // A malformed id is NOT_FOUND like any other unknown id.
    let reply = app
        .graphql(Some(&token), "{ node(id: \"garbage\") { id } }", json!({}))
        .await;
    assert_eq!(reply.codes(), ["NOT_FOUND"]);
}
db_test!(connections_page_by_keyset_with_limits, connections);

const CREATE: &str = "mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) {
  organization { id slug name } developmentKey { kid issuer secret } userErrors { field code message } } }";

async fn mutations_and_user_errors(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let operator = app.operator_token();
    let reply = app
        .graphql(
            Some(&operator),
            CREATE,
            json!({ "input": { "slug": "acme", "name": "Acme", "createDevelopmentKey": true } }),
        )
        .await;
    reply.assert_ok();
    assert_eq!(reply.data("/createOrganization/organization/slug"), "acme");
    assert_eq!(
        reply.data("/createOrganization/developmentKey/issuer"),
        "urn:praxis:org:acme"
    );
    let secret = reply
        .data("/createOrganization/developmentKey/secret")
        .as_str()
        .unwrap()
        .to_owned();
    let kid = reply
        .data("/createOrganization/developmentKey/kid")
        .as_str()
        .unwrap()
        .to_owned();

    // The development key works at once.
    let dev = OrgFixture {
        id: uuid::Uuid::nil(),
        slug: "acme".into(),
        issuer: "urn:praxis:org:acme".into(),
        secret,
        kid,
    };
    app.graphql(
        Some(&dev.token("alice", json!({}))),
        "{ viewer { person { id } } }",
        json!({}),
    )
    .await
    .assert_ok();

    // Rule failures are userErrors with a field path and a code.
    let cases = [
        (
            json!({ "slug": "Not A Slug", "name": "X" }),
            ["input", "slug"],
            "BAD_USER_INPUT",
        ),
        (
            json!({ "slug": "acme", "name": "Acme again" }),
            ["input", "slug"],
            "CONFLICT",
        ),
        (
            json!({ "slug": "blank", "name": "   " }),
            ["input", "name"],
            "BAD_USER_INPUT",
        ),
        (
            json!({ "slug": "hooli", "name": "Hooli", "jwksUrl": "http://idp.example.com/jwks" }),
            ["input", "jwksUrl"],
            "BAD_USER_INPUT",
        ),
        // The issuer is taken: the organization must not be half-created.
        (
            json!({ "slug": "acme-two", "name": "Acme 2", "issuer": "urn:praxis:org:acme" }),
            ["input", "issuer"],
            "CONFLICT",
        ),
    ];
    for (input, field, code) in cases {
        let reply = app
            .graphql(Some(&operator), CREATE, json!({ "input": input }))
            .await;
        reply.assert_ok();
        assert!(
            reply.data("/createOrganization/organization").is_null(),
            "{input}"
        );
        assert_eq!(
            reply.data("/createOrganization/userErrors/0/field"),
            &json!(field),
            "{input}"
        );
        assert_eq!(
            reply.data("/createOrganization/userErrors/0/code"),
            code,
            "{input}"
        );
    }
    let reply = app
        .graphql(
            Some(&operator),
            "{ organizations { totalCount nodes { slug } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        reply.data("/organizations/totalCount"),
        1,
        "no partial writes: {:#}",
        reply.body
    );
    // acme-two can be created once its issuer is free of conflict.
    let reply = app
        .graphql(
            Some(&operator),
            CREATE,
            json!({ "input": { "slug": "acme-two", "name": "Acme 2" } }),
        )
        .await;
    assert_eq!(
        reply.data("/createOrganization/organization/slug"),
        "acme-two"
    );

    // People may not create organizations; anonymous callers are not even asked.
    let reply = app
        .graphql(
            Some(&dev.admin_token("alice")),
            CREATE,
            json!({ "input": { "slug": "x1", "name": "X" } }),
        )
        .await;
    assert_eq!(reply.codes(), ["FORBIDDEN"]);
    let reply = app
        .graphql(
            None,
            CREATE,
            json!({ "input": { "slug": "x1", "name": "X" } }),
        )
        .await;
    assert_eq!(reply.codes(), ["UNAUTHENTICATED"]);
    // Ids of the wrong type are NOT_FOUND.
    let person_id = app
        .graphql(
            Some(&dev.token("alice", json!({}))),
            "{ viewer { person { id } } }",
            json!({}),
        )
        .await
        .data("/viewer/person/id")
        .clone();
    let reply = app.graphql(Some(&operator), "mutation($id: ID!) { disableOrganization(input: { organizationId: $id }) { organization { slug } } }", json!({ "id": person_id })).await;
    assert_eq!(reply.codes(), ["NOT_FOUND"]);
}
db_test!(
    mutations_report_user_errors_and_write_nothing_on_failure,
    mutations_and_user_errors
);

async fn limits_and_http(backend: Backend) {
    let Some(app) = spawn_app_with(
        backend,
        &[
            "--max-body-bytes",
            "4096",
            "--max-depth",
            "6",
            "--max-complexity",
            "500",
            "--introspection",
            "false",
        ],
    )
    .await
    else {
        return;
    };
    let acme = app.create_org("acme").await;
    let token = acme.token("alice", json!({}));

    // Depth.
    let deep = "{ viewer { person { organization { people { nodes { organization { people { nodes { id } } } } } } } } }";
    let reply = app.graphql(Some(&token), deep, json!({})).await;
    assert_eq!(reply.codes(), ["BAD_USER_INPUT"], "{:#}", reply.body);
    // Complexity: a connection costs its page size times what it selects.
    let costly = "{ organizations(first: 100) { nodes { people(first: 100) { nodes { id } } } } }";
    let reply = app.graphql(Some(&token), costly, json!({})).await;
    assert_eq!(reply.codes(), ["BAD_USER_INPUT"], "{:#}", reply.body);
    assert!(reply.errors()[0]["message"]
        .as_str()
        .unwrap()
        .to_lowercase()
        .contains("complex"));
    let cheap = "{ organizations(first: 5) { nodes { people(first: 5) { nodes { id } } } } }";
    app.graphql(Some(&token), cheap, json!({}))
        .await
        .assert_ok();
    // Syntax errors and unknown fields carry a code too.
    assert_eq!(
        app.graphql(Some(&token), "{ viewer { ", json!({}))
            .await
            .codes(),
        ["BAD_USER_INPUT"]
    );
    assert_eq!(
        app.graphql(Some(&token), "{ nope }", json!({}))
            .await
            .codes(),
        ["BAD_USER_INPUT"]
    );
    // Introspection switched off.
    let reply = app
        .graphql(Some(&token), "{ __schema { types { name } } }", json!({}))
        .await;
    assert!(reply.data("/__schema").is_null(), "{:#}", reply.body);

    // Body limit: a clear 413 with a code.
    let big = format!("{{ viewer {{ isAdmin }} }} #{}", "x".repeat(5000));
    let response = app
        .http
        .post(app.url("/graphql"))
        .bearer_auth(&token)
        .json(&json!({ "query": big }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    // Not JSON: 400 with a code; not a JSON content type: 415.
    let response = app
        .http
        .post(app.url("/graphql"))
        .header("content-type", "application/json")
        .body("{ nope")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        response.json::<Value>().await.unwrap()["errors"][0]["extensions"]["code"],
        "BAD_USER_INPUT"
    );
    let response = app
        .http
        .post(app.url("/graphql"))
        .header("content-type", "text/plain")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);

    // Batches: up to ten operations.
    let one = json!({ "query": "{ viewer { isAdmin } }" });
    let response = app
        .http
        .post(app.url("/graphql"))
        .bearer_auth(&token)
        .json(&json!([one, one]))
        .send()
        .await
        .unwrap();
    let body: Value = response.json().await.unwrap();
    assert_eq!(body.as_array().map(Vec::len), Some(2), "{body:#}");
    let response = app
        .http
        .post(app.url("/graphql"))
        .bearer_auth(&token)
        .json(&vec![one; 11])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    // Health, readiness, request ids.
    let response = app.http.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers().get("x-request-id").is_some());
    let response = app.http.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.json::<Value>().await.unwrap()["database"], "ok");
    // GraphiQL.
    let response = app.http.get(app.url("/graphql")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response
        .text()
        .await
        .unwrap()
        .to_lowercase()
        .contains("graphiql"));
}
db_test!(limits_errors_and_http_surface, limits_and_http);

#[tokio::test]
async fn graphiql_can_be_switched_off() {
    let app = spawn_app_with(Backend::Sqlite, &["--graphiql", "false"])
        .await
        .unwrap();
    let response = app.http.get(app.url("/graphql")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn readiness_fails_when_the_database_is_gone() {
    use sea_orm::ConnectionTrait;
    let app = spawn_app(Backend::Sqlite).await.unwrap();
    // Closing the pool under the server makes every statement fail.
    app.db.clone().close().await.ok();
    let _ = app.db.execute_unprepared("SELECT 1").await;
    let response = app.http.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
}

#[test]
fn committed_schema_matches_the_code() {
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schema.graphql")).unwrap();
    let current = api::graphql::sdl();
    assert!(
        committed == current,
        "schema.graphql is stale: run `cargo run -q -- schema > schema.graphql` and commit it"
    );
}

#[test]
fn every_type_and_field_is_documented() {
    let sdl = api::graphql::sdl();
    let mut previous = "";
    let mut undocumented = Vec::new();
    let (mut in_description, mut in_schema_block) = (false, false);
    for line in sdl.lines() {
        if line.trim() == "\"\"\"" {
            in_description = !in_description;
            previous = line;
            continue;
        }
        if line.starts_with("schema {") {
            in_schema_block = true;
        }
        if in_description || in_schema_block {
            in_schema_block &= line != "}";
            previous = line;
            continue;
        }
        let definition = ["type ", "input ", "enum ", "interface ", "scalar "]
            .iter()
            .any(|kw| line.starts_with(kw));
        // Connection and edge types are generated by async-graphql; their fields are documented.
        let generated = line.contains("Connection ") || line.contains("Edge ");
        let field = line.starts_with('\t')
            && !line.starts_with("\t\t")
            && !line.trim_start().starts_with('"')
            && !line.trim_start().starts_with(')');
        if ((definition && !generated) || field) && previous.trim() != "\"\"\"" {
            undocumented.push(line.trim().to_owned());
        }
        previous = line;
    }
    assert!(
        undocumented.is_empty(),
        "undocumented schema items: {undocumented:#?}"
    );
}

/// Statements per request depend on the query's shape, not on page sizes or id counts: lookups
/// by id are batched by the per-request DataLoaders.
async fn statements_bounded(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let operator = app.operator_token();
    let acme = app.create_org("acme").await;
    let globex = app.create_org("globex").await;
    let people_query = "{ organization(slug: \"acme\") { people(first: 100) { nodes { id organization { slug } } } } }";
    let (mut counts, mut node_counts) = (Vec::new(), Vec::new());
    for wave in 0..2 {
        for n in 0..(if wave == 0 { 2 } else { 20 }) {
            api::service::person::sign_in(
                &app.db,
                &MemberIdentity {
                    organization_id: if n % 2 == 0 { acme.id } else { globex.id },
                    subject: format!("w{wave}-p{n}"),
                    name: None,
                    email: None,
                    is_admin: false,
                },
            )
            .await
            .unwrap();
        }
        // The operator's token costs no statement, so every one counted is the query's.
        let (reply, statements) = app
            .graphql_counted(Some(&operator), people_query, json!({}))
            .await;
        reply.assert_ok();
        counts.push(statements);
        let ids: Vec<Value> = reply
            .data("/organization/people/nodes")
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].clone())
            .chain([json!(acme_id(&app, &operator).await)])
            .collect();
        let (reply, statements) = app.graphql_counted(Some(&operator), "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Person { organization { slug } } } }", json!({ "ids": ids })).await;
        reply.assert_ok();
        // Depth 1: one batch of organizations and one of people, however many ids; depth 2
        // (Person.organization) is served from the request's loader cache.
        node_counts.push(statements);
    }
    // organization by slug, the people page, one organization batch: 3 with 1 or 11 people.
    assert_eq!(counts, [3, 3]);
    assert_eq!(node_counts, [2, 2], "nodes with 2 and with 12 ids");
}
db_test!(
    statements_per_request_do_not_grow_with_page_size,
    statements_bounded
);

async fn acme_id(app: &TestApp, operator: &str) -> String {
    app.graphql(
        Some(operator),
        "{ organization(slug: \"acme\") { id } }",
        json!({}),
    )
    .await
    .data("/organization/id")
    .as_str()
    .unwrap()
    .to_owned()
}

/// A portal's home query — my memberships with their community, its host, my membership of
/// it, the member and their organization, the approvals — runs as many statements with 2
/// communities as with 12: every relation it walks goes through a per-request DataLoader.
async fn portal_statements_bounded(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let token = acme.token("alice", json!({ "name": "Alice" }));
    let query = "{ viewer { memberships(first: 100) { totalCount nodes { role status approvals { kind } person { displayName organization { slug } } organization { slug } community { name host { slug } viewerMembership { status } } } } } }";
    let mut counts = Vec::new();
    let mut created = 0;
    for wanted in [2, 12] {
        while created < wanted {
            app.graphql(
                Some(&token),
                "mutation($slug: String!) { createCommunity(input: {slug: $slug, name: $slug}) { userErrors { message } } }",
                json!({ "slug": format!("community-{created}") }),
            )
            .await
            .assert_ok();
            created += 1;
        }
        // Warm up sign-in (its last-seen write is not part of the query).
        app.graphql(Some(&token), "{ viewer { isAdmin } }", json!({}))
            .await
            .assert_ok();
        let (reply, statements) = app.graphql_counted(Some(&token), query, json!({})).await;
        reply.assert_ok();
        assert_eq!(
            reply.data("/viewer/memberships/totalCount"),
            &json!(wanted),
            "{:#}",
            reply.body
        );
        counts.push(statements);
    }
    eprintln!("portal query statements with 2 and with 12 communities: {counts:?}");
    // A loader batch can split in two when some of its keys arrive after the batch window
    // (1 ms), so the counts may differ by one or two; one statement per membership would add
    // at least ten.
    assert!(
        counts[1] < counts[0] + 5,
        "statements grew with the number of memberships: {counts:?}"
    );
}
db_test!(
    portal_statements_do_not_grow_with_memberships,
    portal_statements_bounded
);
