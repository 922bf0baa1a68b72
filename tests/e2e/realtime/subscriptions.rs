//! Subscriptions over graphql-transport-ws: who may subscribe, and visibility checked for each
//! delivered event — a removed member hears nothing more, an outsider never hears anything.

use super::client::{Subscriber, ACTIVITY, FEED, NOTIFICATIONS};
use crate::common::*;
use crate::federation_journey::{actor, done, mutate, org_id, s, Actor};
use serde_json::{json, Value};

async fn ok(app: &TestApp, who: &Actor, field: &str, input: Value, selection: &str) -> Value {
    done(
        &mutate(app, Some(&who.token), field, input, selection).await,
        field,
    )
}

async fn post_problem(app: &TestApp, who: &Actor, community: &str, title: &str) -> String {
    let p = ok(
        app,
        who,
        "postProblem",
        json!({ "communityId": community, "title": title, "body": "What do we do?" }),
        "problem { id }",
    )
    .await;
    s(&p["problem"]["id"]).to_owned()
}

async fn subscriptions(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let addr = app.addr.to_string();
    let (acme, globex, initech) = (
        app.create_org("acme").await,
        app.create_org("globex").await,
        app.create_org("initech").await,
    );
    let alice = actor(&app, &acme, "alice", "Alice Acme", true).await;
    let bob = actor(&app, &acme, "bob", "Bob Acme", false).await;
    let gail = actor(&app, &globex, "gail", "Gail Globex", true).await;
    let erin = actor(&app, &globex, "erin", "Erin Globex", false).await;
    let nina = actor(&app, &globex, "nina", "Nina Globex", false).await;
    let ike = actor(&app, &initech, "ike", "Ike Initech", true).await;
    let ivan = actor(&app, &initech, "ivan", "Ivan Initech", false).await;
    let partnership = "partnership { id }";
    for (partner, admin) in [("globex", &gail), ("initech", &ike)] {
        let p = ok(
            &app,
            &alice,
            "proposePartnership",
            json!({ "partnerSlug": partner }),
            partnership,
        )
        .await;
        let input = json!({ "partnershipId": p["partnership"]["id"] });
        ok(&app, admin, "acceptPartnership", input, partnership).await;
    }
    let input = json!({ "slug": "guild", "name": "The Guild", "visibility": "FEDERATED" });
    let c = ok(&app, &alice, "createCommunity", input, "community { id }").await;
    let guild = s(&c["community"]["id"]).to_owned();
    let selection = "participation { id }";
    let input = json!({ "communityId": guild, "organizationId": org_id(&app, "globex").await });
    let p = ok(&app, &alice, "inviteOrganization", input, selection).await;
    let input = json!({ "participationId": p["participation"]["id"], "sponsorId": gail.id });
    ok(&app, &gail, "acceptInvitation", input, selection).await;
    let join = |who: &Actor| {
        let (app, who, guild) = (&app, who.clone(), guild.clone());
        async move {
            let m = ok(
                app,
                &who,
                "joinCommunity",
                json!({ "communityId": guild }),
                "membership { id status }",
            )
            .await;
            assert_eq!(m["membership"]["status"], "ACTIVE");
            s(&m["membership"]["id"]).to_owned()
        }
    };
    join(&bob).await;
    let erin_membership = join(&erin).await;

    // Who may follow the guild: members and the host's admins; an outsider's organization
    // does not see it (NOT_FOUND); a partner's non-member sees it but may not (FORBIDDEN).
    let vars = json!({ "id": guild });
    let mut refused = Subscriber::connect(&addr, &ivan.token).await;
    refused.subscribe("1", ACTIVITY, vars.clone()).await;
    assert_eq!(refused.error_codes("1").await, ["NOT_FOUND"]);
    let mut refused = Subscriber::connect(&addr, &nina.token).await;
    refused.subscribe("1", ACTIVITY, vars.clone()).await;
    assert_eq!(refused.error_codes("1").await, ["FORBIDDEN"]);
    let mut refused = Subscriber::connect(&addr, &gail.token).await;
    refused
        .subscribe("1", FEED, json!({ "id": org_id(&app, "acme").await }))
        .await;
    assert_eq!(refused.error_codes("1").await, ["FORBIDDEN"]);

    let mut erin_ws = Subscriber::connect(&addr, &erin.token).await;
    erin_ws.subscribe("guild", ACTIVITY, vars.clone()).await;
    erin_ws.subscribe("me", NOTIFICATIONS, json!({})).await;
    let mut alice_ws = Subscriber::connect(&addr, &alice.token).await;
    alice_ws.subscribe("guild", ACTIVITY, vars.clone()).await;
    alice_ws
        .subscribe("feed", FEED, json!({ "id": org_id(&app, "acme").await }))
        .await;
    let mut bob_ws = Subscriber::connect(&addr, &bob.token).await;
    bob_ws.subscribe("me", NOTIFICATIONS, json!({})).await;
    let mut ike_ws = Subscriber::connect(&addr, &ike.token).await;
    ike_ws
        .subscribe("feed", FEED, json!({ "id": org_id(&app, "initech").await }))
        .await;
    // Subscriptions start listening once the server has run them: a query through the same
    // sockets afterwards proves they are registered.
    for ws in [&mut erin_ws, &mut alice_ws, &mut bob_ws, &mut ike_ws] {
        ws.subscribe("ping", "{ viewer { person { id } } }", json!({}))
            .await;
        ws.next_data("ping").await;
        assert_eq!(ws.message("ping").await["type"], "complete");
    }

    // A problem posted by bob (acme) reaches erin (globex) and alice, with its subject as
    // each may see it now.
    let first = post_problem(&app, &bob, &guild, "Flaky builds").await;
    for ws in [&mut erin_ws, &mut alice_ws] {
        let event = ws.next_data("guild").await["communityActivity"].clone();
        assert_eq!(event["type"], "PROBLEM_POSTED", "{event:#}");
        assert_eq!(event["subjectId"], first);
        assert_eq!(event["subject"]["title"], "Flaky builds");
        assert_eq!(event["actorName"], "Bob Acme");
        assert_eq!(event["community"]["slug"], "guild");
    }

    // erin answers bob's problem (and mentions him): bob is notified once, as a REPLY.
    let idea = ok(
        &app,
        &erin,
        "contributeIdea",
        json!({ "problemId": first, "body": format!("Try a retry budget, <@{}>", bob.id) }),
        "idea { id }",
    )
    .await;
    let note = bob_ws.next_data("me").await["notifications"].clone();
    assert_eq!(note["reason"], "REPLY", "{note:#}");
    assert_eq!(note["event"]["type"], "IDEA_CONTRIBUTED");
    assert_eq!(note["event"]["subjectId"], idea["idea"]["id"]);
    assert_eq!(note["event"]["actorName"], "Erin Globex");
    for ws in [&mut erin_ws, &mut alice_ws] {
        let event = ws.next_data("guild").await["communityActivity"].clone();
        assert_eq!(event["type"], "IDEA_CONTRIBUTED", "{event:#}");
    }

    // The admin feed: inviting initech tells initech's admin and acme's (the host), not
    // globex's; membership changes tell the member's organization and the host.
    let input = json!({ "communityId": guild, "organizationId": org_id(&app, "initech").await });
    let invited = ok(
        &app,
        &alice,
        "inviteOrganization",
        input,
        "participation { id }",
    )
    .await;
    for ws in [&mut ike_ws, &mut alice_ws] {
        let event = ws.next_data("feed").await["organizationFeed"].clone();
        assert_eq!(event["type"], "ORGANIZATION_INVITED", "{event:#}");
        let mut orgs: Vec<String> = event["organizations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| s(&o["slug"]).to_owned())
            .collect();
        orgs.sort();
        assert_eq!(orgs, ["acme", "initech"]);
    }

    // erin is removed: from that moment she hears nothing of the guild. She re-joins later
    // and hears the problem posted after that, and nothing posted in between — events come in
    // position order, so the next one she receives proves the one between was withheld.
    ok(
        &app,
        &alice,
        "removeMember",
        json!({ "membershipId": erin_membership }),
        "membership { status }",
    )
    .await;
    let hidden = post_problem(&app, &bob, &guild, "Posted while erin is out").await;
    let event = alice_ws.next_data("guild").await["communityActivity"].clone();
    assert_eq!(event["subjectId"], hidden, "{event:#}");
    // One more while she is out, so that her subscription has long checked (and withheld)
    // both by the time she re-joins.
    let hidden = post_problem(&app, &bob, &guild, "Also posted while erin is out").await;
    let event = alice_ws.next_data("guild").await["communityActivity"].clone();
    assert_eq!(event["subjectId"], hidden, "{event:#}");
    // The removal is on acme's and globex's admin feeds.
    let event = alice_ws.next_data("feed").await["organizationFeed"].clone();
    assert_eq!(event["type"], "MEMBER_REMOVED", "{event:#}");
    // The guild's join rule is OPEN: erin may come back.
    join(&erin).await;
    let event = alice_ws.next_data("feed").await["organizationFeed"].clone();
    assert_eq!(event["type"], "MEMBERSHIP_REQUESTED", "{event:#}");
    assert_eq!(event["data"]["after"]["status"], "ACTIVE", "{event:#}");
    let visible = post_problem(&app, &bob, &guild, "Posted after erin is back").await;
    let event = erin_ws.next_data("guild").await["communityActivity"].clone();
    assert_eq!(
        event["subjectId"], visible,
        "the problem posted while erin was removed must not reach her: {event:#}"
    );
    let event = alice_ws.next_data("guild").await["communityActivity"].clone();
    assert_eq!(event["subjectId"], visible);

    // ike's feed (initech, for which the guild is not live) holds nothing between the
    // invitation and his own decline: none of the guild's content or membership changes.
    // A second initech event as a sentinel: ike declines the invitation.
    ok(
        &app,
        &ike,
        "declineInvitation",
        json!({ "participationId": invited["participation"]["id"] }),
        "participation { status }",
    )
    .await;
    let event = ike_ws.next_data("feed").await["organizationFeed"].clone();
    assert_eq!(
        event["type"], "INVITATION_DECLINED",
        "ike's feed must hold only initech's events: {event:#}"
    );
}

db_test!(subscriptions_follow_visibility, subscriptions);

/// A subscriber slower than the bus (here a bus of two events) reads what it missed from the
/// outbox: every event arrives, in position order.
async fn slow_subscriber_loses_nothing(backend: Backend) {
    let Some(app) = spawn_app_with(backend, &["--subscription-buffer", "2"]).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let alice = actor(&app, &acme, "alice", "Alice Acme", true).await;
    let mut ws = Subscriber::connect(&app.addr.to_string(), &alice.token).await;
    ws.subscribe("feed", FEED, json!({ "id": org_id(&app, "acme").await }))
        .await;
    ws.subscribe("ping", "{ viewer { person { id } } }", json!({}))
        .await;
    ws.next_data("ping").await;

    // 40 events committed at once: the sequencer numbers them in one batch and the reader
    // puts them on the bus in one burst, far faster than the subscriber checks them.
    let operator = api::auth::Viewer::Operator(api::auth::OperatorViewer {
        subject: "test".into(),
    });
    let events = (0..40)
        .map(|n| {
            api::events::outbox::NewEvent::admins(
                entity::enums::DomainEventType::PolicyDefaultsChanged,
                vec![acme.id],
                "Organization",
                Some(acme.id),
            )
            .data(json!({ "n": n }))
        })
        .collect();
    api::events::outbox::record(&app.db, &operator, events)
        .await
        .unwrap();
    let mut seen = Vec::new();
    let mut positions = Vec::new();
    for _ in 0..40 {
        let event = ws.next_data("feed").await["organizationFeed"].clone();
        seen.push(event["data"]["n"].as_i64().unwrap());
        positions.push(event["position"].as_i64().unwrap());
    }
    assert_eq!(seen, (0..40).collect::<Vec<_>>());

    // A client that reconnects resumes after the last position it received: the events
    // numbered since are replayed, in order, then live ones follow.
    let mut again = Subscriber::connect(&app.addr.to_string(), &alice.token).await;
    again
        .subscribe(
            "feed",
            FEED,
            json!({ "id": org_id(&app, "acme").await, "after": positions[24] }),
        )
        .await;
    let mut replayed = Vec::new();
    for _ in 25..40 {
        let event = again.next_data("feed").await["organizationFeed"].clone();
        replayed.push(event["data"]["n"].as_i64().unwrap());
    }
    assert_eq!(replayed, (25..40).collect::<Vec<_>>());
    again
        .subscribe(
            "bad",
            FEED,
            json!({ "id": org_id(&app, "acme").await, "after": -1 }),
        )
        .await;
    assert_eq!(again.error_codes("bad").await, ["BAD_USER_INPUT"]);
}

db_test!(slow_subscriber, slow_subscriber_loses_nothing);

/// The operator follows any community, a host-only one too.
async fn operator_hears_any_community(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let alice = actor(&app, &acme, "alice", "Alice Acme", true).await;
    let c = ok(
        &app,
        &alice,
        "createCommunity",
        json!({ "slug": "solo", "name": "Solo", "visibility": "HOST_ONLY" }),
        "community { id }",
    )
    .await;
    let solo = s(&c["community"]["id"]).to_owned();
    let mut ws = Subscriber::connect(&app.addr.to_string(), &app.operator_token()).await;
    ws.subscribe("solo", ACTIVITY, json!({ "id": solo })).await;
    ws.subscribe("ping", "{ viewer { __typename } }", json!({}))
        .await;
    ws.next_data("ping").await;
    let first = post_problem(&app, &alice, &solo, "Alone").await;
    let event = ws.next_data("solo").await["communityActivity"].clone();
    assert_eq!(event["subjectId"], first, "{event:#}");
}

db_test!(operator_hears_any, operator_hears_any_community);

/// Operations on one connection start in the order they are sent (docs/REALTIME.md): once a
/// query sent after them is answered, every subscription sent before it hears what is
/// committed from then on — however many there are, each with its access check to run.
async fn subscriptions_start_in_order(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let alice = actor(&app, &acme, "alice", "Alice Acme", true).await;
    let c = ok(
        &app,
        &alice,
        "createCommunity",
        json!({ "slug": "busy", "name": "Busy", "visibility": "HOST_ONLY" }),
        "community { id }",
    )
    .await;
    let busy = s(&c["community"]["id"]).to_owned();
    let addr = app.addr.to_string();
    // The window in which a subscription not yet listening misses the problem is narrow:
    // rounds of fresh connections widen the chance of catching it.
    const EACH: usize = 24;
    for round in 0..8 {
        let mut sockets = vec![
            Subscriber::connect(&addr, &alice.token).await,
            Subscriber::connect(&addr, &app.operator_token()).await,
        ];
        for ws in &mut sockets {
            for n in 0..EACH {
                ws.subscribe(&format!("s{n}"), ACTIVITY, json!({ "id": busy }))
                    .await;
            }
            ws.subscribe("ping", "{ viewer { __typename } }", json!({}))
                .await;
            ws.next_data("ping").await;
        }
        let posted = post_problem(&app, &alice, &busy, &format!("Round {round}")).await;
        for ws in &mut sockets {
            let mut heard = std::collections::BTreeSet::new();
            while heard.len() < EACH {
                let (id, data) =
                    tokio::time::timeout(std::time::Duration::from_secs(10), ws.next_any())
                        .await
                        .unwrap_or_else(|_| {
                            panic!("round {round}: only {heard:?} of {EACH} heard the problem")
                        });
                assert_eq!(data["communityActivity"]["subjectId"], posted, "{data:#}");
                assert!(heard.insert(id.clone()), "{id} heard it twice");
            }
        }
    }
}

db_test!(start_in_order, subscriptions_start_in_order);
