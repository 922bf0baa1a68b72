//! Deliveries retried until answered: every event arrives, once answered per delivery id,
//! the same signed body on every attempt, in position order; the delivery log tells it; a
//! redelivery sends the same delivery id again.

use super::{receiver::*, *};
use crate::federation_journey::{org_id, refusal};
use std::collections::BTreeMap;

async fn retried_signed_in_order(backend: Backend) {
    let Some(app) = spawn_app_with(backend, &FLAGS).await else {
        return;
    };
    let (_, alice, _) = people(&app, "acme").await;
    let acme = org_id(&app, "acme").await;
    let receiver = Receiver::start(Answer::FailFirst(3)).await;
    let (endpoint_id, secret) =
        create_endpoint(&app, &alice, &acme, &receiver.url(), &["COMMUNITY_CREATED"]).await;
    let mut problems = Vec::new();
    for n in 0..5 {
        problems.push(create_community(&app, &alice, &format!("guild-{n}")).await);
    }
    receiver
        .wait_for("5 deliveries answered 200", PATIENCE, |all| {
            all.iter().filter(|r| r.succeeded()).count() >= 5
        })
        .await;

    let grouped = receiver.by_delivery();
    assert_eq!(grouped.len(), 5, "{grouped:#?}");
    let mut subjects = Vec::new();
    for (delivery, requests) in &grouped {
        // Four attempts, one 2xx (the last), the same bytes each time, each signed.
        assert_eq!(
            requests.iter().filter(|r| r.succeeded()).count(),
            1,
            "{requests:#?}"
        );
        assert_eq!(
            requests.iter().map(|r| r.answered).collect::<Vec<_>>(),
            [Some(500), Some(500), Some(500), Some(200)]
        );
        assert_eq!(
            requests
                .iter()
                .map(|r| r.attempt.as_str())
                .collect::<Vec<_>>(),
            ["1", "2", "3", "4"]
        );
        for r in requests {
            assert_eq!(
                r.body, requests[0].body,
                "the body changed between attempts"
            );
            assert!(signature_verifies(&secret, &r.signature, &r.body), "{r:#?}");
            assert!(!signature_verifies("whsec_wrong", &r.signature, &r.body));
            assert_eq!(r.event, "COMMUNITY_CREATED");
            assert_eq!(r.webhook_id, endpoint_id);
            assert!(
                r.user_agent.starts_with("Praxis-Hookshot/"),
                "{}",
                r.user_agent
            );
            assert_eq!(r.content_type, "application/json");
        }
        let body = requests[0].json();
        assert_eq!(body["deliveryId"], json!(delivery));
        assert_eq!(body["organizationId"], json!(acme));
        let event = &body["event"];
        assert_eq!(event["type"], "COMMUNITY_CREATED");
        assert_eq!(event["subject"]["type"], "Community");
        assert_eq!(event["actor"]["id"], json!(alice.id));
        assert_eq!(event["actor"]["name"], json!(alice.name));
        assert_eq!(event["community"]["id"], event["subject"]["id"]);
        assert!(s(&event["community"]["slug"]).starts_with("guild-"));
        assert_eq!(event["organizationIds"], json!([acme]));
        assert!(event["data"]["after"].is_object(), "{event:#}");
        assert!(event["position"].is_i64() && event["occurredAt"].is_string());
        subjects.push(s(&event["subject"]["id"]).to_owned());
        // The body's keys come in a fixed order.
        let keys: Vec<&str> = body
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys.len(), 3);
        assert!(
            requests[0].body.starts_with("{\"deliveryId\":"),
            "{}",
            requests[0].body
        );
    }
    subjects.sort();
    let mut expected = problems.clone();
    expected.sort();
    assert_eq!(subjects, expected, "every problem told once");

    // One delivery at a time, in position order: a delivery's requests all come before the
    // next one's first.
    let received = receiver.received();
    let mut order: Vec<(String, i64)> = Vec::new();
    for r in &received {
        let position = r.json()["event"]["position"].as_i64().unwrap();
        match order.last() {
            Some((last, _)) if *last == r.delivery => {}
            _ => {
                assert!(
                    !order.iter().any(|(d, _)| *d == r.delivery),
                    "delivery {} resumed after another one started",
                    r.delivery
                );
                order.push((r.delivery.clone(), position));
            }
        }
    }
    let positions: Vec<i64> = order.iter().map(|(_, p)| *p).collect();
    let mut sorted = positions.clone();
    sorted.sort();
    assert_eq!(positions, sorted, "deliveries out of position order");
    let titles: Vec<String> = received
        .iter()
        .filter(|r| r.succeeded())
        .map(|r| s(&r.json()["event"]["subject"]["id"]).to_owned())
        .collect();
    assert_eq!(titles, problems, "delivered in the order they were posted");

    // The delivery log: four attempts each, 500, 500, 500, 200.
    let log = deliveries(&app, &alice, &endpoint_id).await;
    assert_eq!(log.len(), 5);
    let by_id: BTreeMap<String, &Value> = log
        .iter()
        .map(|d| (s(&d["deliveryId"]).to_owned(), d))
        .collect();
    assert_eq!(
        by_id.keys().collect::<Vec<_>>(),
        grouped.keys().collect::<Vec<_>>()
    );
    for d in &log {
        assert_eq!(d["status"], "DELIVERED", "{d:#}");
        assert_eq!(d["attemptCount"], 4);
        assert_eq!(d["lastStatusCode"], 200);
        assert!(d["nextAttemptAt"].is_null());
        assert!(d["latencyMs"].is_i64() && d["deliveredAt"].is_string());
        let attempts = d["attempts"].as_array().unwrap();
        assert_eq!(
            attempts
                .iter()
                .map(|a| a["statusCode"].clone())
                .collect::<Vec<_>>(),
            [json!(500), json!(500), json!(500), json!(200)]
        );
        assert_eq!(
            attempts
                .iter()
                .map(|a| a["succeeded"].clone())
                .collect::<Vec<_>>(),
            [json!(false), json!(false), json!(false), json!(true)]
        );
        assert!(attempts[0]["error"].as_str().unwrap().contains("500"));
    }
    // Newest first.
    let positions: Vec<i64> = log
        .iter()
        .map(|d| d["eventPosition"].as_i64().unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] > w[1]), "{positions:?}");
    // Filtered by status.
    let reply = app
        .graphql(
            Some(&alice.token),
            "query($id: ID!) { node(id: $id) { ... on WebhookEndpoint { failed: deliveries(status: FAILED) { totalCount } delivered: deliveries(status: DELIVERED, first: 2) { totalCount pageInfo { hasNextPage } } } } }",
            json!({ "id": endpoint_id }),
        )
        .await;
    reply.assert_ok();
    assert_eq!(reply.data("/node/failed/totalCount"), 0);
    assert_eq!(reply.data("/node/delivered/totalCount"), 5);
    assert_eq!(reply.data("/node/delivered/pageInfo/hasNextPage"), true);
    let endpoint = endpoint(&app, &alice, &endpoint_id).await;
    assert!(
        endpoint["failingSince"].is_null(),
        "a success clears failingSince"
    );
}
db_test!(
    retried_until_answered_signed_and_in_order,
    retried_signed_in_order
);

async fn redelivered(backend: Backend) {
    let Some(app) = spawn_app_with(backend, &FLAGS).await else {
        return;
    };
    let (_, alice, _) = people(&app, "acme").await;
    let acme = org_id(&app, "acme").await;
    let receiver = Receiver::start(Answer::Status(200)).await;
    let (endpoint_id, secret) =
        create_endpoint(&app, &alice, &acme, &receiver.url(), &["COMMUNITY_CREATED"]).await;
    create_community(&app, &alice, "guild").await;
    receiver
        .wait_for("one delivery", PATIENCE, |all| all.len() == 1)
        .await;
    let first = receiver.received()[0].clone();
    let delivery = eventually("DELIVERED in the log", || async {
        deliveries(&app, &alice, &endpoint_id)
            .await
            .into_iter()
            .find(|d| d["status"] == "DELIVERED")
    })
    .await;
    assert_eq!(delivery["deliveryId"], json!(first.delivery));

    let again = ok(
        &app,
        &alice,
        "redeliverWebhookDelivery",
        json!({ "deliveryId": delivery["id"] }),
        "delivery { id deliveryId redeliveryCount }",
    )
    .await;
    assert_eq!(again["delivery"]["id"], delivery["id"]);
    assert_eq!(again["delivery"]["redeliveryCount"], 1);
    receiver
        .wait_for("the redelivery", PATIENCE, |all| all.len() == 2)
        .await;
    let second = receiver.received()[1].clone();
    assert_eq!(second.delivery, first.delivery, "the same delivery id");
    assert_eq!(second.body, first.body, "the same body");
    assert_eq!(second.attempt, "2");
    assert!(signature_verifies(&secret, &second.signature, &second.body));
    let log = eventually("DELIVERED again", || async {
        deliveries(&app, &alice, &endpoint_id)
            .await
            .into_iter()
            .find(|d| d["status"] == "DELIVERED" && d["attemptCount"] == 2)
    })
    .await;
    assert_eq!(log["redeliveryCount"], 1);
    assert_eq!(log["attempts"].as_array().unwrap().len(), 2);

    // A rotated secret signs what goes out from then on.
    let rotated = ok(
        &app,
        &alice,
        "rotateWebhookSecret",
        json!({ "endpointId": endpoint_id }),
        "secret",
    )
    .await;
    let new_secret = s(&rotated["secret"]).to_owned();
    ok(
        &app,
        &alice,
        "redeliverWebhookDelivery",
        json!({ "deliveryId": delivery["id"] }),
        "delivery { id }",
    )
    .await;
    receiver
        .wait_for("the second redelivery", PATIENCE, |all| all.len() == 3)
        .await;
    let third = receiver.received()[2].clone();
    assert!(signature_verifies(
        &new_secret,
        &third.signature,
        &third.body
    ));
    assert!(!signature_verifies(&secret, &third.signature, &third.body));

    // A delivery still pending cannot be redelivered: it is on its way.
    ok(
        &app,
        &alice,
        "updateWebhookEndpoint",
        json!({ "endpointId": endpoint_id, "status": "PAUSED" }),
        "endpoint { id }",
    )
    .await;
    create_community(&app, &alice, "second").await;
    let pending = eventually("a PENDING delivery", || async {
        deliveries(&app, &alice, &endpoint_id)
            .await
            .into_iter()
            .find(|d| d["status"] == "PENDING")
    })
    .await;
    let reply = mutate(
        &app,
        Some(&alice.token),
        "redeliverWebhookDelivery",
        json!({ "deliveryId": pending["id"] }),
        "delivery { id }",
    )
    .await;
    assert_eq!(
        refusal(&reply, "redeliverWebhookDelivery"),
        ["CONFLICT"],
        "{:#}",
        reply.body
    );
}
db_test!(redelivery_sends_the_same_delivery_id, redelivered);
