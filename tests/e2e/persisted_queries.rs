//! Persisted queries (README, "Persisted queries"): automatic persisted queries over POST,
//! GET and WebSocket; operations an organization's admins register, usable only by its own
//! people; and persisted-operations-only, which refuses anything else from its people.

use crate::common::*;
use crate::realtime::client::Subscriber;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

fn sha256(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

fn persisted(hash: &str) -> Value {
    json!({ "persistedQuery": { "version": 1, "sha256Hash": hash } })
}

/// POST /graphql with a raw body, answered as `application/json` (every GraphQL response 200).
async fn post(app: &TestApp, token: Option<&str>, body: Value) -> Reply {
    let mut request = app
        .http
        .post(app.url("/graphql"))
        .header("accept", "application/json")
        .json(&body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    Reply {
        status,
        body: response.json().await.unwrap(),
    }
}

/// GET /graphql with URL parameters, answered as `application/json`.
async fn get(app: &TestApp, token: Option<&str>, parameters: &[(&str, String)]) -> Reply {
    let mut url = url::Url::parse(&app.url("/graphql")).unwrap();
    for (name, value) in parameters {
        url.query_pairs_mut().append_pair(name, value);
    }
    let mut request = app
        .http
        .get(url.as_str())
        .header("accept", "application/json");
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    Reply {
        status,
        body: response.json().await.unwrap_or(Value::Null),
    }
}

fn only_code(reply: &Reply) -> String {
    assert_eq!(reply.codes().len(), 1, "{:#}", reply.body);
    reply.codes().remove(0)
}

async fn metric(app: &TestApp, outcome: &str) -> f64 {
    let text = app
        .http
        .get(app.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let prefix = format!("praxis_persisted_queries_total{{outcome=\"{outcome}\"}} ");
    text.lines()
        .find_map(|line| line.strip_prefix(&prefix))
        .map_or(0.0, |value| value.parse().unwrap())
}

/// Apollo's protocol: a miss asks for the query, which is then cached; hash-only requests
/// then run over POST, GET and WebSocket; a hash that is not the query's and another version
/// are refused with a code.
async fn automatic_persisted_queries(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let bob = acme.token("bob", json!({ "name": "Bob" }));
    let query = "query Me { viewer { isAdmin person { displayName } } }";
    let hash = sha256(query);

    let miss = post(&app, Some(&bob), json!({ "extensions": persisted(&hash) })).await;
    assert_eq!(miss.status, 200);
    assert_eq!(only_code(&miss), "PERSISTED_QUERY_NOT_FOUND");
    assert_eq!(miss.errors()[0]["message"], "PersistedQueryNotFound");
    assert!(miss.body.get("data").is_none(), "{:#}", miss.body);
    // Under application/graphql-response+json a miss is a request error: 400.
    let strict = app
        .http
        .post(app.url("/graphql"))
        .header("accept", "application/graphql-response+json")
        .bearer_auth(&bob)
        .json(&json!({ "extensions": persisted(&hash) }))
        .send()
        .await
        .unwrap();
    assert_eq!(strict.status(), 400);

    let registered = post(
        &app,
        Some(&bob),
        json!({ "query": query, "extensions": persisted(&hash) }),
    )
    .await;
    registered.assert_ok();
    assert_eq!(registered.data("/viewer/person/displayName"), "Bob");

    let by_hash = post(&app, Some(&bob), json!({ "extensions": persisted(&hash) })).await;
    by_hash.assert_ok();
    // The cache is per organization: another organization's people must send the text.
    let globex = app.create_org("globex").await;
    let gina = globex.token("gina", json!({ "name": "Gina" }));
    let elsewhere = post(&app, Some(&gina), json!({ "extensions": persisted(&hash) })).await;
    assert_eq!(only_code(&elsewhere), "PERSISTED_QUERY_NOT_FOUND");
    let anonymous = post(&app, None, json!({ "extensions": persisted(&hash) })).await;
    assert_eq!(only_code(&anonymous), "PERSISTED_QUERY_NOT_FOUND");
    assert_eq!(by_hash.data("/viewer/person/displayName"), "Bob");
    // Hashes are hexadecimal; their case does not matter.
    let upper = post(
        &app,
        Some(&bob),
        json!({ "extensions": persisted(&hash.to_uppercase()) }),
    )
    .await;
    upper.assert_ok();

    let over_get = get(
        &app,
        Some(&bob),
        &[("extensions", persisted(&hash).to_string())],
    )
    .await;
    over_get.assert_ok();
    assert_eq!(over_get.data("/viewer/isAdmin"), false);

    // GET stays queries-only, also for a mutation named by hash.
    let mutation = "mutation { createCalendarFeed { feedUrl } }";
    let mutation_hash = sha256(mutation);
    let refused = get(
        &app,
        Some(&bob),
        &[
            ("query", mutation.to_owned()),
            ("extensions", persisted(&mutation_hash).to_string()),
        ],
    )
    .await;
    assert_eq!(refused.status, 405);
    let stored = post(
        &app,
        Some(&bob),
        json!({ "query": "mutation { __typename }", "extensions": persisted(&sha256("mutation { __typename }")) }),
    )
    .await;
    stored.assert_ok();
    let refused = get(
        &app,
        Some(&bob),
        &[(
            "extensions",
            persisted(&sha256("mutation { __typename }")).to_string(),
        )],
    )
    .await;
    assert_eq!(refused.status, 405, "{:#}", refused.body);

    let mismatch = post(
        &app,
        Some(&bob),
        json!({ "query": "{ viewer { isAdmin } }", "extensions": persisted(&hash) }),
    )
    .await;
    assert_eq!(only_code(&mismatch), "BAD_USER_INPUT");
    assert!(
        mismatch.errors()[0]["message"]
            .as_str()
            .unwrap()
            .contains("does not match"),
        "{:#}",
        mismatch.body
    );
    for wrong in [
        json!({ "persistedQuery": { "version": 2, "sha256Hash": hash } }),
        json!({ "persistedQuery": { "version": 1, "sha256Hash": "not-a-hash" } }),
        json!({ "persistedQuery": { "version": 1 } }),
    ] {
        let reply = post(&app, Some(&bob), json!({ "extensions": wrong })).await;
        assert_eq!(reply.status, 200);
        assert_eq!(only_code(&reply), "BAD_USER_INPUT", "{wrong}");
    }
    // Without a query and without a hash, the request is still malformed.
    let empty = post(&app, Some(&bob), json!({ "extensions": {} })).await;
    assert_eq!(empty.status, 400);

    // WebSocket: the cache is the instance's, shared with HTTP.
    let mut socket = Subscriber::connect(&app.addr.to_string(), &bob).await;
    let next = socket
        .run("1", json!({ "extensions": persisted(&hash) }))
        .await
        .unwrap();
    assert_eq!(next["data"]["viewer"]["person"]["displayName"], "Bob");
    let other = "{ viewer { person { id } } }";
    let error = socket
        .run("2", json!({ "extensions": persisted(&sha256(other)) }))
        .await
        .unwrap_err();
    assert_eq!(error[0]["extensions"]["code"], "PERSISTED_QUERY_NOT_FOUND");
    socket
        .run(
            "3",
            json!({ "query": other, "extensions": persisted(&sha256(other)) }),
        )
        .await
        .unwrap();
    let next = socket
        .run("4", json!({ "extensions": persisted(&sha256(other)) }))
        .await
        .unwrap();
    assert!(next["data"]["viewer"]["person"]["id"].is_string(), "{next}");

    assert!(metric(&app, "hit").await >= 5.0);
    assert!(metric(&app, "miss").await >= 2.0);
    assert!(metric(&app, "stored").await >= 3.0);
}
db_test!(automatic_persisted_queries, automatic_persisted_queries);

async fn organization_id(app: &TestApp, token: &str, slug: &str) -> String {
    let reply = app
        .graphql(
            Some(token),
            "query($s: String!) { organization(slug: $s) { id } }",
            json!({ "s": slug }),
        )
        .await;
    reply.assert_ok();
    reply.data("/organization/id").as_str().unwrap().to_owned()
}

const REGISTER: &str = "mutation($input: RegisterPersistedOperationInput!) { \
    registerPersistedOperation(input: $input) { persistedOperation { sha256Hash documentId name \
    document } userErrors { field code message } } }";
const REMOVE: &str = "mutation($input: RemovePersistedOperationInput!) { \
    removePersistedOperation(input: $input) { persistedOperation { sha256Hash } userErrors { \
    code } } }";
const SET_ONLY: &str = "mutation($input: SetPersistedOperationsOnlyInput!) { \
    setPersistedOperationsOnly(input: $input) { organization { persistedOperationsOnly } \
    userErrors { code } } }";

/// Registered operations belong to one organization: its admins and the operator register,
/// list and remove them (checked against the schema first, audited); another organization
/// cannot see, remove or run them.
async fn registered_operations(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let globex = app.create_org("globex").await;
    let alice = acme.admin_token("alice");
    let bob = acme.token("bob", json!({}));
    let gina = globex.admin_token("gina");
    let gus = globex.token("gus", json!({}));
    let acme_id = organization_id(&app, &alice, "acme").await;
    let document = "query Me { viewer { isAdmin } }";
    let hash = sha256(document);

    let reply = app
        .graphql(
            Some(&alice),
            REGISTER,
            json!({ "input": { "organizationId": acme_id, "document": document } }),
        )
        .await;
    reply.assert_ok();
    let registered = reply.data("/registerPersistedOperation/persistedOperation");
    assert_eq!(registered["sha256Hash"], hash.as_str());
    assert_eq!(registered["documentId"], format!("sha256:{hash}"));
    assert_eq!(registered["name"], "Me");
    assert_eq!(registered["document"], document);
    // Again: the same registration, nothing new.
    let again = app
        .graphql(
            Some(&alice),
            REGISTER,
            json!({ "input": { "organizationId": acme_id, "document": document, "name": "x" } }),
        )
        .await;
    again.assert_ok();
    assert_eq!(
        again.data("/registerPersistedOperation/persistedOperation/name"),
        "Me"
    );

    // Documents that do not parse or validate are refused, with nothing stored.
    for bad in [
        "{ viewer {",
        "{ noSuchField }",
        "   ",
        "query A { viewer { isAdmin } } query B { nope }",
    ] {
        let reply = app
            .graphql(
                Some(&alice),
                REGISTER,
                json!({ "input": { "organizationId": acme_id, "document": bad } }),
            )
            .await;
        reply.assert_ok();
        assert_eq!(
            reply.data("/registerPersistedOperation/userErrors/0/field"),
            &json!(["input", "document"]),
            "{bad}: {:#}",
            reply.body
        );
        assert_eq!(
            reply.data("/registerPersistedOperation/userErrors/0/code"),
            "BAD_USER_INPUT"
        );
    }

    // Bob of Acme is not an admin: FORBIDDEN. Globex's admin: NOT_FOUND, everywhere.
    let reply = app
        .graphql(
            Some(&bob),
            REGISTER,
            json!({ "input": { "organizationId": acme_id, "document": "{ viewer { isAdmin } }" } }),
        )
        .await;
    assert_eq!(reply.codes(), ["FORBIDDEN"], "{:#}", reply.body);
    let reply = app
        .graphql(
            Some(&gina),
            REGISTER,
            json!({ "input": { "organizationId": acme_id, "document": "{ viewer { isAdmin } }" } }),
        )
        .await;
    assert_eq!(reply.codes(), ["NOT_FOUND"], "{:#}", reply.body);
    let reply = app
        .graphql(
            Some(&gina),
            REMOVE,
            json!({ "input": { "organizationId": acme_id, "sha256Hash": hash } }),
        )
        .await;
    assert_eq!(reply.codes(), ["NOT_FOUND"], "{:#}", reply.body);
    let reply = app
        .graphql(
            Some(&gina),
            SET_ONLY,
            json!({ "input": { "organizationId": acme_id, "enabled": true } }),
        )
        .await;
    assert_eq!(reply.codes(), ["NOT_FOUND"], "{:#}", reply.body);
    let list = "query($id: ID!) { node(id: $id) { ... on Organization { persistedOperations(first: 10) { totalCount nodes { sha256Hash name } } } } }";
    let reply = app
        .graphql(Some(&gina), list, json!({ "id": acme_id }))
        .await;
    assert!(
        reply.data("/node").is_null() || reply.codes() == ["NOT_FOUND"],
        "{:#}",
        reply.body
    );
    // Globex's people cannot run Acme's registration by its hash.
    let reply = post(&app, Some(&gus), json!({ "extensions": persisted(&hash) })).await;
    assert_eq!(only_code(&reply), "PERSISTED_QUERY_NOT_FOUND");

    // Acme's people can, without anything cached.
    let reply = post(&app, Some(&bob), json!({ "extensions": persisted(&hash) })).await;
    reply.assert_ok();
    assert_eq!(reply.data("/viewer/isAdmin"), false);

    let reply = app
        .graphql(Some(&alice), list, json!({ "id": acme_id }))
        .await;
    reply.assert_ok();
    assert_eq!(
        reply.data("/node/persistedOperations"),
        &json!({ "totalCount": 1, "nodes": [{ "sha256Hash": hash, "name": "Me" }] })
    );
    let operator = app.operator_token();
    let reply = app
        .graphql(Some(&operator), list, json!({ "id": acme_id }))
        .await;
    reply.assert_ok();
    assert_eq!(reply.data("/node/persistedOperations/totalCount"), 1);

    let reply = app
        .graphql(
            Some(&alice),
            REMOVE,
            json!({ "input": { "organizationId": acme_id, "sha256Hash": hash } }),
        )
        .await;
    reply.assert_ok();
    assert_eq!(
        reply.data("/removePersistedOperation/persistedOperation/sha256Hash"),
        hash.as_str()
    );
    let reply = app
        .graphql(
            Some(&alice),
            REMOVE,
            json!({ "input": { "organizationId": acme_id, "sha256Hash": hash } }),
        )
        .await;
    assert_eq!(reply.codes(), ["NOT_FOUND"], "{:#}", reply.body);

    let audit = app
        .graphql(
            Some(&alice),
            "{ organization(slug: \"acme\") { auditEvents(first: 10, filter: { actions: \
             [PERSISTED_OPERATION_REGISTERED, PERSISTED_OPERATION_REMOVED] }) { nodes { action \
             before after actor { displayName } } } } }",
            json!({}),
        )
        .await;
    audit.assert_ok();
    let nodes = audit
        .data("/organization/auditEvents/nodes")
        .as_array()
        .unwrap()
        .clone();
    let actions: Vec<&str> = nodes
        .iter()
        .map(|n| n["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "PERSISTED_OPERATION_REMOVED",
            "PERSISTED_OPERATION_REGISTERED"
        ]
    );
    assert_eq!(nodes[1]["after"]["sha256Hash"], hash.as_str());
    assert_eq!(nodes[0]["before"]["sha256Hash"], hash.as_str());
}
db_test!(registered_operations, registered_operations);

/// An organization that accepts only registered operations refuses its people's other
/// requests (POST, GET, batches, WebSocket) with PERSISTED_QUERY_REQUIRED and runs the
/// registered ones by hash or documentId; its admins, the operator and other organizations
/// are unaffected; the switch is audited.
async fn persisted_operations_only(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let globex = app.create_org("globex").await;
    let alice = acme.admin_token("alice");
    let bob = acme.token("bob", json!({}));
    let gus = globex.token("gus", json!({}));
    let operator = app.operator_token();
    let acme_id = organization_id(&app, &alice, "acme").await;
    let document = "query Me { viewer { isAdmin } }";
    let hash = sha256(document);
    app.graphql(
        Some(&alice),
        REGISTER,
        json!({ "input": { "organizationId": acme_id, "document": document } }),
    )
    .await
    .assert_ok();

    // Only the organization's admins (and the operator) switch it.
    let reply = app
        .graphql(
            Some(&bob),
            SET_ONLY,
            json!({ "input": { "organizationId": acme_id, "enabled": true } }),
        )
        .await;
    assert_eq!(reply.codes(), ["FORBIDDEN"], "{:#}", reply.body);
    let reply = app
        .graphql(
            Some(&alice),
            SET_ONLY,
            json!({ "input": { "organizationId": acme_id, "enabled": true } }),
        )
        .await;
    reply.assert_ok();
    assert_eq!(
        reply.data("/setPersistedOperationsOnly/organization/persistedOperationsOnly"),
        true
    );

    let ad_hoc = "{ viewer { isAdmin } }";
    let reply = post(&app, Some(&bob), json!({ "query": ad_hoc })).await;
    assert_eq!(reply.status, 200);
    assert_eq!(only_code(&reply), "PERSISTED_QUERY_REQUIRED");
    assert!(reply.body.get("data").is_none(), "{:#}", reply.body);
    // Not even as an automatic persisted query, nor introspection.
    let reply = post(
        &app,
        Some(&bob),
        json!({ "query": ad_hoc, "extensions": persisted(&sha256(ad_hoc)) }),
    )
    .await;
    assert_eq!(only_code(&reply), "PERSISTED_QUERY_REQUIRED");
    let reply = post(
        &app,
        Some(&bob),
        json!({ "query": "{ __schema { queryType { name } } }" }),
    )
    .await;
    assert_eq!(only_code(&reply), "PERSISTED_QUERY_REQUIRED");
    let reply = get(&app, Some(&bob), &[("query", ad_hoc.to_owned())]).await;
    assert_eq!(only_code(&reply), "PERSISTED_QUERY_REQUIRED");

    // The registered operation runs by hash (POST, GET), with its text, or by documentId.
    let reply = post(&app, Some(&bob), json!({ "extensions": persisted(&hash) })).await;
    reply.assert_ok();
    assert_eq!(reply.data("/viewer/isAdmin"), false);
    let reply = get(
        &app,
        Some(&bob),
        &[("extensions", persisted(&hash).to_string())],
    )
    .await;
    reply.assert_ok();
    let reply = post(
        &app,
        Some(&bob),
        json!({ "query": document, "extensions": persisted(&hash) }),
    )
    .await;
    reply.assert_ok();
    let reply = post(
        &app,
        Some(&bob),
        json!({ "documentId": format!("sha256:{hash}"), "operationName": "Me" }),
    )
    .await;
    reply.assert_ok();
    // A document with variables registers (its cost is checked when it runs) and runs with
    // the variables sent along.
    let people = "query People($n: Int!) { organization(slug: \"acme\") { people(first: $n) { totalCount } } }";
    app.graphql(
        Some(&alice),
        REGISTER,
        json!({ "input": { "organizationId": acme_id, "document": people } }),
    )
    .await
    .assert_ok();
    let reply = post(
        &app,
        Some(&bob),
        json!({ "extensions": persisted(&sha256(people)), "variables": { "n": 5 } }),
    )
    .await;
    reply.assert_ok();
    assert_eq!(reply.data("/organization/people/totalCount"), 2);
    let batch = post(
        &app,
        Some(&bob),
        json!([{ "extensions": persisted(&hash) }, { "query": ad_hoc }]),
    )
    .await;
    assert_eq!(batch.status, 200);
    assert_eq!(batch.body[0]["data"]["viewer"]["isAdmin"], false);
    assert!(batch.body[0].get("errors").is_none(), "{:#}", batch.body);
    assert_eq!(
        batch.body[1]["errors"][0]["extensions"]["code"],
        "PERSISTED_QUERY_REQUIRED"
    );

    let mut socket = Subscriber::connect(&app.addr.to_string(), &bob).await;
    let error = socket
        .run("1", json!({ "query": ad_hoc }))
        .await
        .unwrap_err();
    assert_eq!(error[0]["extensions"]["code"], "PERSISTED_QUERY_REQUIRED");
    let next = socket
        .run("2", json!({ "extensions": persisted(&hash) }))
        .await
        .unwrap();
    assert_eq!(next["data"]["viewer"]["isAdmin"], false);

    // Exempt: the organization's admins (the console), the operator; other organizations.
    for token in [&alice, &operator, &gus] {
        post(&app, Some(token), json!({ "query": ad_hoc }))
            .await
            .assert_ok();
    }
    let reply = post(
        &app,
        Some(&bob),
        json!({ "query": "{ organization(slug: \"acme\") { persistedOperationsOnly } }", }),
    )
    .await;
    assert_eq!(only_code(&reply), "PERSISTED_QUERY_REQUIRED");
    let reply = app
        .graphql(
            Some(&alice),
            "{ organization(slug: \"acme\") { persistedOperationsOnly } }",
            json!({}),
        )
        .await;
    reply.assert_ok();
    assert_eq!(reply.data("/organization/persistedOperationsOnly"), true);

    // Removed: its hash is refused too. Switched off: ad-hoc requests run again.
    app.graphql(
        Some(&alice),
        REMOVE,
        json!({ "input": { "organizationId": acme_id, "sha256Hash": hash } }),
    )
    .await
    .assert_ok();
    let reply = post(&app, Some(&bob), json!({ "extensions": persisted(&hash) })).await;
    assert_eq!(only_code(&reply), "PERSISTED_QUERY_REQUIRED");
    app.graphql(
        Some(&operator),
        SET_ONLY,
        json!({ "input": { "organizationId": acme_id, "enabled": false } }),
    )
    .await
    .assert_ok();
    post(&app, Some(&bob), json!({ "query": ad_hoc }))
        .await
        .assert_ok();

    let audit = app
        .graphql(
            Some(&alice),
            "{ organization(slug: \"acme\") { auditEvents(first: 10, filter: { actions: \
             [PERSISTED_OPERATIONS_ONLY_CHANGED] }) { nodes { before after } } } }",
            json!({}),
        )
        .await;
    audit.assert_ok();
    assert_eq!(
        audit.data("/organization/auditEvents/nodes"),
        &json!([
            { "before": { "persistedOperationsOnly": true }, "after": { "persistedOperationsOnly": false } },
            { "before": { "persistedOperationsOnly": false }, "after": { "persistedOperationsOnly": true } },
        ])
    );
}
db_test!(persisted_operations_only, persisted_operations_only);
