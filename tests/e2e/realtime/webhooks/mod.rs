//! Webhooks end to end (docs/REALTIME.md, "Webhooks"): endpoints and who may see them, signed
//! deliveries retried until answered, in order, only what an organization may see, paused and
//! disabled endpoints, redelivery, and a server killed mid-attempt.

mod audience;
mod crud;
mod delivering;
mod pausing;
pub(crate) mod receiver;
mod restart;

use crate::common::*;
use crate::federation_journey::{actor, done, s, Actor};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// Loopback receivers, quick retries, quick polling.
pub(crate) const FLAGS: [&str; 7] = [
    "--webhook-allow-private-networks",
    "--webhook-retry-base",
    "100ms",
    "--webhook-retry-max",
    "1s",
    "--outbox-poll-interval",
    "100ms",
];

/// Longest wait for anything asynchronous (a hang, not a benchmark).
pub(crate) const PATIENCE: Duration = Duration::from_secs(60);

pub(crate) const ENDPOINT: &str = "id url description eventTypes status failingSince \
    disabledAt disabledReason createdAt updatedAt organization { slug }";
pub(crate) const DELIVERY: &str = "id deliveryId eventType eventId eventPosition status \
    attemptCount redeliveryCount nextAttemptAt lastStatusCode lastError latencyMs deliveredAt \
    createdAt attempts { attempt startedAt durationMs statusCode error succeeded }";

/// Runs mutation `field` with `input` (see `federation_journey::mutate`).
pub(crate) async fn mutate(
    app: &TestApp,
    token: Option<&str>,
    field: &str,
    input: Value,
    selection: &str,
) -> Reply {
    let input_type = match field {
        "rotateWebhookSecret" | "deleteWebhookEndpoint" => "WebhookEndpointRefInput",
        _ => return crate::federation_journey::mutate(app, token, field, input, selection).await,
    };
    let query = format!(
        "mutation($input: {input_type}!) {{ {field}(input: $input) {{ {selection} userErrors {{ field code message }} }} }}"
    );
    app.graphql(token, &query, json!({ "input": input })).await
}

pub(crate) async fn ok(
    app: &TestApp,
    who: &Actor,
    field: &str,
    input: Value,
    selection: &str,
) -> Value {
    done(
        &mutate(app, Some(&who.token), field, input, selection).await,
        field,
    )
}

/// Registers an endpoint; returns its id and secret.
pub(crate) async fn create_endpoint(
    app: &TestApp,
    who: &Actor,
    organization: &str,
    url: &str,
    types: &[&str],
) -> (String, String) {
    let created = ok(
        app,
        who,
        "createWebhookEndpoint",
        json!({ "organizationId": organization, "url": url, "eventTypes": types }),
        "endpoint { id } secret",
    )
    .await;
    (
        s(&created["endpoint"]["id"]).to_owned(),
        s(&created["secret"]).to_owned(),
    )
}

/// Creates a community (a COMMUNITY_CREATED event for the admins of its host); its id.
pub(crate) async fn create_community(app: &TestApp, who: &Actor, slug: &str) -> String {
    let input = json!({ "slug": slug, "name": format!("The {slug}"), "visibility": "FEDERATED" });
    let c = ok(app, who, "createCommunity", input, "community { id }").await;
    s(&c["community"]["id"]).to_owned()
}

/// The uuid inside a global id.
pub(crate) fn uuid_of(global_id: &str) -> uuid::Uuid {
    use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
    let text = String::from_utf8(URL_SAFE_NO_PAD.decode(global_id).unwrap()).unwrap();
    text.split_once(':').unwrap().1.parse().unwrap()
}

/// Writes a COMMUNITY event (PROBLEM_POSTED of a made-up problem) the way the content
/// services write theirs: `outbox::record` in a transaction of its own. Returns the
/// problem's global id.
pub(crate) async fn tell_community(app: &TestApp, community: &str) -> String {
    use api::{
        auth::{OperatorViewer, Viewer},
        events::outbox::{self, NewEvent},
    };
    use entity::enums::DomainEventType;
    let problem = uuid::Uuid::now_v7();
    let operator = Viewer::Operator(OperatorViewer {
        subject: "test".into(),
    });
    let event = NewEvent::community(
        DomainEventType::ProblemPosted,
        uuid_of(community),
        "Problem",
        problem,
    )
    .data(json!({ "title": "Told by the test" }));
    outbox::record(&app.db, &operator, vec![event])
        .await
        .unwrap();
    outbox::global_id("Problem", problem)
}

/// The delivery log of an endpoint (newest first), as `who` reads it.
pub(crate) async fn deliveries(app: &TestApp, who: &Actor, endpoint: &str) -> Vec<Value> {
    let reply = app
        .graphql(
            Some(&who.token),
            &format!(
                "query($id: ID!) {{ node(id: $id) {{ ... on WebhookEndpoint {{ \
                 deliveries(first: 100) {{ totalCount nodes {{ {DELIVERY} }} }} }} }} }}"
            ),
            json!({ "id": endpoint }),
        )
        .await;
    reply.assert_ok();
    reply
        .data("/node/deliveries/nodes")
        .as_array()
        .unwrap()
        .clone()
}

/// An endpoint as `who` reads it.
pub(crate) async fn endpoint(app: &TestApp, who: &Actor, id: &str) -> Value {
    let reply = app
        .graphql(
            Some(&who.token),
            &format!(
                "query($id: ID!) {{ node(id: $id) {{ ... on WebhookEndpoint {{ {ENDPOINT} }} }} }}"
            ),
            json!({ "id": id }),
        )
        .await;
    reply.assert_ok();
    reply.data("/node").clone()
}

/// Polls `check` until it returns Some (fails after PATIENCE).
pub(crate) async fn eventually<T, F, Fut>(what: &str, check: F) -> T
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let started = Instant::now();
    loop {
        if let Some(value) = check().await {
            return value;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "{what}: not within {PATIENCE:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// An admin and a member of a new organization.
pub(crate) async fn people(app: &TestApp, slug: &str) -> (OrgFixture, Actor, Actor) {
    let org = app.create_org(slug).await;
    let admin = actor(app, &org, "admin", &format!("Admin {slug}"), true).await;
    let member = actor(app, &org, "member", &format!("Member {slug}"), false).await;
    (org, admin, member)
}
