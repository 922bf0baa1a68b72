//! Paused endpoints hold their deliveries until resumed; an endpoint failing for
//! `--webhook-disable-after` is DISABLED, and its organization's admins are told.

use super::{receiver::*, *};
use crate::federation_journey::org_id;
use entity::{domain_event, enums::DomainEventType};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

async fn paused_then_disabled(backend: Backend) {
    let mut flags = FLAGS.to_vec();
    flags.extend(["--webhook-disable-after", "1s"]);
    let Some(app) = spawn_app_with(backend, &flags).await else {
        return;
    };
    let (org, alice, _) = people(&app, "acme").await;
    let acme = org_id(&app, "acme").await;
    let paused_hook = Receiver::start(Answer::Status(200)).await;
    let witness = Receiver::start(Answer::Status(200)).await;
    let (paused, _) = create_endpoint(
        &app,
        &alice,
        &acme,
        &paused_hook.url(),
        &["COMMUNITY_CREATED"],
    )
    .await;
    let types = ["COMMUNITY_CREATED", "WEBHOOK_ENDPOINT_DISABLED"];
    create_endpoint(&app, &alice, &acme, &witness.url(), &types).await;
    ok(
        &app,
        &alice,
        "updateWebhookEndpoint",
        json!({ "endpointId": paused, "status": "PAUSED" }),
        "endpoint { id }",
    )
    .await;

    // The witness receives the event; the paused endpoint's delivery waits.
    let guild = create_community(&app, &alice, "guild").await;
    witness
        .wait_for("the event", PATIENCE, |all| {
            all.iter().any(|r| r.event == "COMMUNITY_CREATED")
        })
        .await;
    let waiting = eventually("a PENDING delivery of the paused endpoint", || async {
        deliveries(&app, &alice, &paused).await.into_iter().next()
    })
    .await;
    assert_eq!(waiting["status"], "PENDING");
    assert_eq!(waiting["attemptCount"], 0);
    assert!(
        paused_hook.received().is_empty(),
        "a paused endpoint received"
    );

    // Resumed: it goes out.
    let resumed = ok(
        &app,
        &alice,
        "updateWebhookEndpoint",
        json!({ "endpointId": paused, "status": "ACTIVE" }),
        "endpoint { status }",
    )
    .await;
    assert_eq!(resumed["endpoint"]["status"], "ACTIVE");
    paused_hook
        .wait_for("the held delivery", PATIENCE, |all| all.len() == 1)
        .await;
    assert_eq!(
        paused_hook.received()[0].json()["event"]["subject"]["id"],
        json!(guild)
    );

    // Always failing: retried, then DISABLED after --webhook-disable-after (1 s).
    paused_hook.answer(Answer::Status(503));
    create_community(&app, &alice, "second").await;
    let disabled = eventually("the endpoint DISABLED", || async {
        let e = endpoint(&app, &alice, &paused).await;
        (e["status"] == "DISABLED").then_some(e)
    })
    .await;
    assert!(disabled["disabledAt"].is_string() && disabled["failingSince"].is_string());
    assert!(
        disabled["disabledReason"]
            .as_str()
            .unwrap()
            .contains("failed"),
        "{disabled:#}"
    );
    assert!(paused_hook.received().len() >= 2);
    let log = deliveries(&app, &alice, &paused).await;
    let failing = log
        .iter()
        .find(|d| d["status"] == "PENDING")
        .expect("the failing delivery waits");
    assert_eq!(failing["lastStatusCode"], 503);
    assert!(failing["lastError"].as_str().unwrap().contains("503"));
    assert!(failing["attempts"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["succeeded"] == false));

    // Told: a WEBHOOK_ENDPOINT_DISABLED event for the organization, heard by its other endpoint.
    let told = domain_event::Entity::find()
        .filter(domain_event::Column::EventType.eq(DomainEventType::WebhookEndpointDisabled))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(told.len(), 1, "{told:#?}");
    assert_eq!(told[0].organization_ids, json!([org.id.to_string()]));
    assert_eq!(told[0].actor_name, "praxis");
    assert_eq!(told[0].data["id"], json!(paused));
    witness
        .wait_for("WEBHOOK_ENDPOINT_DISABLED", PATIENCE, |all| {
            all.iter().any(|r| r.event == "WEBHOOK_ENDPOINT_DISABLED")
        })
        .await;
    let heard = witness
        .received()
        .into_iter()
        .find(|r| r.event == "WEBHOOK_ENDPOINT_DISABLED")
        .unwrap()
        .json();
    assert_eq!(
        heard["event"]["subject"],
        json!({ "type": "WebhookEndpoint", "id": paused })
    );
    assert!(heard["event"]["actor"].is_null());
    assert_eq!(heard["event"]["data"]["url"], json!(paused_hook.url()));

    // Re-activated and answering: what waited is delivered and failingSince cleared.
    paused_hook.answer(Answer::Status(200));
    ok(
        &app,
        &alice,
        "updateWebhookEndpoint",
        json!({ "endpointId": paused, "status": "ACTIVE" }),
        "endpoint { id }",
    )
    .await;
    eventually("the waiting delivery DELIVERED", || async {
        let log = deliveries(&app, &alice, &paused).await;
        log.iter().all(|d| d["status"] == "DELIVERED").then_some(())
    })
    .await;
    let e = endpoint(&app, &alice, &paused).await;
    assert_eq!(e["status"], "ACTIVE");
    assert!(e["failingSince"].is_null() && e["disabledAt"].is_null());
}
db_test!(
    paused_endpoints_wait_and_failing_ones_are_disabled,
    paused_then_disabled
);
