//! Registering, changing, re-keying and deleting endpoints; who may see them; which URLs are
//! refused without `--webhook-allow-private-networks`.

use super::{receiver::*, *};
use crate::federation_journey::{node_reply, org_id, refusal};

const CREATE: &str = "endpoint { id status eventTypes url description } secret";

async fn create_reply(app: &TestApp, who: &Actor, input: Value) -> Reply {
    mutate(
        app,
        Some(&who.token),
        "createWebhookEndpoint",
        input,
        CREATE,
    )
    .await
}

async fn endpoints_and_who_sees_them(backend: Backend) {
    let Some(app) = spawn_app_with(backend, &FLAGS).await else {
        return;
    };
    let (_, alice, bob) = people(&app, "acme").await;
    let (_, gail, _) = people(&app, "globex").await;
    let acme = org_id(&app, "acme").await;
    let receiver = Receiver::start(Answer::Status(200)).await;

    // Created with its secret, shown once: the type has no field to read it later.
    let input = json!({ "organizationId": acme, "url": receiver.url(), "description": "CRM sync",
        "eventTypes": ["COMMUNITY_CREATED", "WEBHOOK_ENDPOINT_DISABLED"] });
    let reply = create_reply(&app, &alice, input.clone()).await;
    let created = done(&reply, "createWebhookEndpoint");
    let secret = s(&created["secret"]).to_owned();
    assert!(
        secret.starts_with("whsec_") && secret.len() > 40,
        "{secret}"
    );
    let id = s(&created["endpoint"]["id"]).to_owned();
    assert_eq!(created["endpoint"]["status"], "ACTIVE");
    assert_eq!(
        created["endpoint"]["eventTypes"],
        json!(["COMMUNITY_CREATED", "WEBHOOK_ENDPOINT_DISABLED"])
    );
    let fields = app
        .graphql(
            Some(&alice.token),
            "{ __type(name: \"WebhookEndpoint\") { fields { name } } }",
            json!({}),
        )
        .await;
    let names: Vec<String> = fields
        .data("/__type/fields")
        .as_array()
        .unwrap()
        .iter()
        .map(|f| s(&f["name"]).to_owned())
        .collect();
    assert!(names.contains(&"url".to_owned()));
    assert!(
        !names.iter().any(|n| n.to_lowercase().contains("secret")),
        "{names:?}"
    );
    let read = app
        .graphql(
            Some(&alice.token),
            "query($id: ID!) { node(id: $id) { ... on WebhookEndpoint { secret } } }",
            json!({ "id": id }),
        )
        .await;
    assert!(!read.errors().is_empty(), "{:#}", read.body);

    // Rules of the input come back as userErrors.
    for (bad, field) in [
        (json!({ "eventTypes": [] }), "eventTypes"),
        (
            json!({ "eventTypes": ["COMMUNITY_CREATED", "COMMUNITY_CREATED"] }),
            "eventTypes",
        ),
        (json!({ "url": "not a url" }), "url"),
        (
            json!({ "url": "https://user:pw@hooks.example.com/x" }),
            "url",
        ),
        (
            json!({ "url": format!("https://hooks.example.com/{}", "x".repeat(2100)) }),
            "url",
        ),
    ] {
        let mut input = input.clone();
        for (k, v) in bad.as_object().unwrap() {
            input[k] = v.clone();
        }
        let reply = create_reply(&app, &alice, input).await;
        assert_eq!(
            refusal(&reply, "createWebhookEndpoint"),
            ["BAD_USER_INPUT"],
            "{:#}",
            reply.body
        );
        let errors = reply.data("/createWebhookEndpoint/userErrors");
        assert_eq!(errors[0]["field"], json!(["input", field]), "{errors:#}");
        assert!(reply.data("/createWebhookEndpoint/secret").is_null());
    }

    // Only the organization's admins (and the operator) register, list and read endpoints.
    let reply = create_reply(&app, &bob, input.clone()).await;
    assert_eq!(refusal(&reply, "createWebhookEndpoint"), ["FORBIDDEN"]);
    let reply = create_reply(&app, &gail, input.clone()).await;
    assert_eq!(refusal(&reply, "createWebhookEndpoint"), ["NOT_FOUND"]);
    let list = "query($s: String!) { organization(slug: $s) { webhookEndpoints(first: 10) { totalCount nodes { id url } } } }";
    let reply = app
        .graphql(Some(&bob.token), list, json!({ "s": "acme" }))
        .await;
    assert_eq!(reply.codes(), ["FORBIDDEN"], "{:#}", reply.body);
    let reply = app
        .graphql(Some(&alice.token), list, json!({ "s": "acme" }))
        .await;
    reply.assert_ok();
    assert_eq!(reply.data("/organization/webhookEndpoints/totalCount"), 1);
    assert_eq!(
        reply.data("/organization/webhookEndpoints/nodes/0/id"),
        &json!(id)
    );
    let reply = app
        .graphql(Some(&app.operator_token()), list, json!({ "s": "acme" }))
        .await;
    assert_eq!(
        reply
            .assert_ok()
            .data("/organization/webhookEndpoints/totalCount"),
        1
    );

    // A delivery exists once an event the endpoint wants happens.
    create_community(&app, &alice, "guild").await;
    let delivery = eventually("a delivery in the log", || async {
        deliveries(&app, &alice, &id).await.first().cloned()
    })
    .await;
    let delivery_id = s(&delivery["id"]).to_owned();
    assert_eq!(delivery["eventType"], "COMMUNITY_CREATED");

    // Another organization's admin and a non-admin see neither endpoint nor delivery.
    for who in [&gail, &bob] {
        for (node, typename) in [(&id, "WebhookEndpoint"), (&delivery_id, "WebhookDelivery")] {
            let reply = node_reply(&app, &who.token, node, typename, "id").await;
            assert_eq!(
                reply.codes(),
                ["NOT_FOUND"],
                "{typename} as {}: {:#}",
                who.name,
                reply.body
            );
        }
        let update = mutate(
            &app,
            Some(&who.token),
            "updateWebhookEndpoint",
            json!({ "endpointId": id, "status": "PAUSED" }),
            "endpoint { id }",
        )
        .await;
        assert_eq!(refusal(&update, "updateWebhookEndpoint"), ["NOT_FOUND"]);
        let redeliver = mutate(
            &app,
            Some(&who.token),
            "redeliverWebhookDelivery",
            json!({ "deliveryId": delivery_id }),
            "delivery { id }",
        )
        .await;
        assert_eq!(
            refusal(&redeliver, "redeliverWebhookDelivery"),
            ["NOT_FOUND"]
        );
    }
    let reply = node_reply(
        &app,
        &alice.token,
        &delivery_id,
        "WebhookDelivery",
        "deliveryId",
    )
    .await;
    reply.assert_ok();

    // Changes: fields, PAUSED; DISABLED is Praxis's to set.
    let changed = ok(&app, &alice, "updateWebhookEndpoint",
        json!({ "endpointId": id, "description": null, "eventTypes": ["IDEA_CONTRIBUTED"], "status": "PAUSED" }),
        &format!("endpoint {{ {ENDPOINT} }}")).await;
    assert_eq!(changed["endpoint"]["status"], "PAUSED");
    assert_eq!(
        changed["endpoint"]["eventTypes"],
        json!(["IDEA_CONTRIBUTED"])
    );
    assert!(changed["endpoint"]["description"].is_null());
    let reply = mutate(
        &app,
        Some(&alice.token),
        "updateWebhookEndpoint",
        json!({ "endpointId": id, "status": "DISABLED" }),
        "endpoint { id }",
    )
    .await;
    assert_eq!(refusal(&reply, "updateWebhookEndpoint"), ["BAD_USER_INPUT"]);
    let reply = mutate(
        &app,
        Some(&alice.token),
        "updateWebhookEndpoint",
        json!({ "endpointId": id, "eventTypes": [] }),
        "endpoint { id }",
    )
    .await;
    assert_eq!(refusal(&reply, "updateWebhookEndpoint"), ["BAD_USER_INPUT"]);

    // A new secret, shown once and different.
    let rotated = ok(
        &app,
        &alice,
        "rotateWebhookSecret",
        json!({ "endpointId": id }),
        "endpoint { id } secret",
    )
    .await;
    let new_secret = s(&rotated["secret"]);
    assert!(new_secret.starts_with("whsec_"));
    assert_ne!(new_secret, secret);

    // At most 20 endpoints per organization.
    for _ in 1..20 {
        create_endpoint(&app, &alice, &acme, &receiver.url(), &["PROBLEM_SOLVED"]).await;
    }
    let reply = create_reply(&app, &alice, input.clone()).await;
    assert_eq!(
        refusal(&reply, "createWebhookEndpoint"),
        ["BAD_USER_INPUT"],
        "{:#}",
        reply.body
    );

    // Deleted with its deliveries.
    let deleted = ok(
        &app,
        &alice,
        "deleteWebhookEndpoint",
        json!({ "endpointId": id }),
        "deletedId",
    )
    .await;
    assert_eq!(deleted["deletedId"], json!(id));
    for (node, typename) in [(&id, "WebhookEndpoint"), (&delivery_id, "WebhookDelivery")] {
        let reply = node_reply(&app, &alice.token, node, typename, "id").await;
        assert_eq!(reply.codes(), ["NOT_FOUND"], "{:#}", reply.body);
    }
}
db_test!(endpoints_and_who_may_see_them, endpoints_and_who_sees_them);

async fn refused_urls(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (_, alice, _) = people(&app, "acme").await;
    let acme = org_id(&app, "acme").await;
    for url in [
        "http://hooks.example.com/praxis",
        "https://127.0.0.1/hook",
        "https://10.1.2.3/hook",
        "https://192.168.0.10/hook",
        "https://[::1]/hook",
        "https://[fd00::1]/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://localhost:8443/hook",
        "ftp://hooks.example.com/",
    ] {
        let reply = create_reply(
            &app,
            &alice,
            json!({ "organizationId": acme, "url": url, "eventTypes": ["PROBLEM_POSTED"] }),
        )
        .await;
        assert_eq!(
            refusal(&reply, "createWebhookEndpoint"),
            ["BAD_USER_INPUT"],
            "{url}: {:#}",
            reply.body
        );
        assert_eq!(
            reply.data("/createWebhookEndpoint/userErrors/0/field"),
            &json!(["input", "url"])
        );
    }
    let (id, _) = create_endpoint(
        &app,
        &alice,
        &acme,
        "https://hooks.example.com/praxis",
        &["PROBLEM_POSTED"],
    )
    .await;
    let reply = mutate(
        &app,
        Some(&alice.token),
        "updateWebhookEndpoint",
        json!({ "endpointId": id, "url": "https://127.0.0.1/x" }),
        "endpoint { id }",
    )
    .await;
    assert_eq!(refusal(&reply, "updateWebhookEndpoint"), ["BAD_USER_INPUT"]);
}
db_test!(inward_urls_are_refused, refused_urls);
