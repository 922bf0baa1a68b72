//! Several `praxis serve` processes on one PostgreSQL: an event committed through one reaches
//! subscribers on the others (LISTEN/NOTIFY), and an event whose notification was missed is
//! still delivered.

use super::client::{Subscriber, FEED};
use crate::common::*;
use crate::federation_journey::{actor, org_id};
use chrono::Utc;
use entity::{
    domain_event,
    enums::{DomainEventType, EventAudience},
};
use sea_orm::{ActiveModelTrait, Set};
use serde_json::json;
use uuid::Uuid;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_on_postgresql() {
    let Some(app) = spawn_app(Backend::Postgres).await else {
        return;
    };
    let (acme, globex, initech) = (
        app.create_org("acme").await,
        app.create_org("globex").await,
        app.create_org("initech").await,
    );
    let alice = actor(&app, &acme, "alice", "Alice Acme", true).await;
    // Neither process polls within the test: only notifications can wake them.
    let quiet = ["--outbox-poll-interval", "1h"];
    let one = ServerProcess::start(&app.database_url, &[], &quiet, &[]).await;
    let two = ServerProcess::start(&app.database_url, &[], &quiet, &[]).await;

    let acme_id = org_id(&app, "acme").await;
    let mut on_one = Subscriber::connect(&one.addr, &alice.token).await;
    on_one
        .subscribe("feed", FEED, json!({ "id": acme_id }))
        .await;
    on_one
        .subscribe("ping", "{ viewer { person { id } } }", json!({}))
        .await;
    on_one.next_data("ping").await;

    // A mutation through instance two reaches the subscriber on instance one.
    let client = reqwest::Client::new();
    let reply: serde_json::Value = client
        .post(format!("http://{}/graphql", two.addr))
        .bearer_auth(&alice.token)
        .json(&json!({
            "query": "mutation($input: ProposePartnershipInput!) { proposePartnership(input: $input) { partnership { id } userErrors { code } } }",
            "variables": { "input": { "partnerSlug": "globex" } }
        }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        reply["data"]["proposePartnership"]["userErrors"],
        json!([]),
        "{reply:#}"
    );
    let event = on_one.next_data("feed").await["organizationFeed"].clone();
    assert_eq!(event["type"], "PARTNERSHIP_PROPOSED", "{event:#}");
    assert_eq!(event["actorName"], "Alice Acme");

    // An event committed with no notification at all (as if it were missed) is still
    // delivered: an instance that polls (the in-process server, every second) numbers it, and
    // the numbering's notification wakes instance one.
    domain_event::ActiveModel {
        id: Set(Uuid::now_v7()),
        position: Set(None),
        event_type: Set(DomainEventType::PartnershipProposed),
        audience: Set(EventAudience::Admins),
        occurred_at: Set(Utc::now()),
        actor_person_id: Set(None),
        actor_organization_id: Set(None),
        actor_name: Set("missed-notification".into()),
        community_id: Set(None),
        organization_ids: Set(json!([acme.id.to_string(), initech.id.to_string()])),
        subject_type: Set("Partnership".into()),
        subject_id: Set(None),
        recipients: Set(json!([])),
        data: Set(json!({})),
    }
    .insert(&app.db)
    .await
    .unwrap();
    let event = on_one.next_data("feed").await["organizationFeed"].clone();
    assert_eq!(event["actorName"], "missed-notification", "{event:#}");

    // Both directions: a subscriber on two hears a change made through one.
    let gail = actor(&app, &globex, "gail", "Gail Globex", true).await;
    let mut on_two = Subscriber::connect(&two.addr, &gail.token).await;
    on_two
        .subscribe("feed", FEED, json!({ "id": org_id(&app, "globex").await }))
        .await;
    on_two
        .subscribe("ping", "{ viewer { person { id } } }", json!({}))
        .await;
    on_two.next_data("ping").await;
    let partnerships: serde_json::Value = client
        .post(format!("http://{}/graphql", one.addr))
        .bearer_auth(&gail.token)
        .json(&json!({ "query": "{ viewer { organization { partnerships(first: 5) { nodes { id status } } } } }" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id =
        partnerships["data"]["viewer"]["organization"]["partnerships"]["nodes"][0]["id"].clone();
    // Through instance one.
    let reply: serde_json::Value = client
        .post(format!("http://{}/graphql", one.addr))
        .bearer_auth(&gail.token)
        .json(&json!({
            "query": "mutation($input: PartnershipRefInput!) { acceptPartnership(input: $input) { partnership { status } userErrors { code } } }",
            "variables": { "input": { "partnershipId": id } }
        }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        reply["data"]["acceptPartnership"]["partnership"]["status"], "ACTIVE",
        "{reply:#}"
    );
    let event = on_two.next_data("feed").await["organizationFeed"].clone();
    assert_eq!(event["type"], "PARTNERSHIP_ACCEPTED", "{event:#}");
    let event = on_one.next_data("feed").await["organizationFeed"].clone();
    assert_eq!(event["type"], "PARTNERSHIP_ACCEPTED", "{event:#}");
}
