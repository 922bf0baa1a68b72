//! An organization's endpoints receive only what it may see: a community's events once the
//! community is live for it, admin events when it is among their organizations.

use super::{receiver::*, *};
use crate::federation_journey::{accept_invitation, invite, org_id};

fn subjects(receiver: &Receiver, event: &str) -> Vec<String> {
    receiver
        .received()
        .iter()
        .filter(|r| r.event == event && r.succeeded())
        .map(|r| s(&r.json()["event"]["subject"]["id"]).to_owned())
        .collect()
}

async fn only_what_it_may_see(backend: Backend) {
    let Some(app) = spawn_app_with(backend, &FLAGS).await else {
        return;
    };
    let (_, alice, _) = people(&app, "acme").await;
    let (_, gail, _) = people(&app, "globex").await;
    let (acme, globex) = (org_id(&app, "acme").await, org_id(&app, "globex").await);
    let types = [
        "PROBLEM_POSTED",
        "PARTNERSHIP_PROPOSED",
        "INVITATION_ACCEPTED",
    ];
    let acme_hook = Receiver::start(Answer::Status(200)).await;
    let globex_hook = Receiver::start(Answer::Status(200)).await;
    create_endpoint(&app, &alice, &acme, &acme_hook.url(), &types).await;
    let (globex_endpoint, _) =
        create_endpoint(&app, &gail, &globex, &globex_hook.url(), &types).await;

    // An admin event concerns both sides: both receive it.
    let p = ok(
        &app,
        &alice,
        "proposePartnership",
        json!({ "partnerSlug": "globex" }),
        "partnership { id }",
    )
    .await;
    let partnership = s(&p["partnership"]["id"]).to_owned();
    for hook in [&acme_hook, &globex_hook] {
        hook.wait_for("PARTNERSHIP_PROPOSED", PATIENCE, |all| {
            all.iter()
                .any(|r| r.event == "PARTNERSHIP_PROPOSED" && r.succeeded())
        })
        .await;
        assert_eq!(
            subjects(hook, "PARTNERSHIP_PROPOSED"),
            std::slice::from_ref(&partnership)
        );
    }
    let body = globex_hook.received()[0].json();
    assert_eq!(body["organizationId"], json!(globex));
    let mut concerned: Vec<String> = body["event"]["organizationIds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| s(o).to_owned())
        .collect();
    concerned.sort();
    let mut both = vec![acme.clone(), globex.clone()];
    both.sort();
    assert_eq!(concerned, both);
    ok(
        &app,
        &gail,
        "acceptPartnership",
        json!({ "partnershipId": partnership }),
        "partnership { id }",
    )
    .await;

    // A community acme hosts, not (yet) federated with globex: globex hears nothing of it.
    let guild = create_community(&app, &alice, "guild").await;
    let before = tell_community(&app, &guild).await;
    // Receivers are decided when the event is numbered (docs/REALTIME.md): wait for that
    // before federating, or globex could rightly receive it (it may read the guild by then).
    acme_hook
        .wait_for("the problem told before federation", PATIENCE, |all| {
            all.iter().any(|r| r.event == "PROBLEM_POSTED")
        })
        .await;

    // Federated: later events reach globex too.
    let participation = invite(&app, &alice, &guild, &globex, "PARTICIPATE").await;
    accept_invitation(&app, &gail, s(&participation["id"]), &gail.id).await;
    let after = tell_community(&app, &guild).await;
    globex_hook
        .wait_for("the problem posted after federation", PATIENCE, |all| {
            all.iter().any(|r| r.event == "PROBLEM_POSTED")
        })
        .await;
    acme_hook
        .wait_for("both problems", PATIENCE, |all| {
            all.iter().filter(|r| r.event == "PROBLEM_POSTED").count() == 2
        })
        .await;
    // Deliveries are created when an event is sequenced, in position order, and each endpoint
    // receives in position order: globex having the later one settles the earlier one.
    assert_eq!(
        subjects(&globex_hook, "PROBLEM_POSTED"),
        std::slice::from_ref(&after)
    );
    assert_eq!(subjects(&acme_hook, "PROBLEM_POSTED"), [before, after]);
    let log = deliveries(&app, &gail, &globex_endpoint).await;
    assert!(log
        .iter()
        .all(|d| d["eventType"] != "PROBLEM_POSTED" || d["status"] == "DELIVERED"));
    assert_eq!(
        log.iter()
            .filter(|d| d["eventType"] == "PROBLEM_POSTED")
            .count(),
        1
    );
    // The invitation's acceptance concerns both organizations.
    for hook in [&acme_hook, &globex_hook] {
        hook.wait_for("INVITATION_ACCEPTED", PATIENCE, |all| {
            all.iter().any(|r| r.event == "INVITATION_ACCEPTED")
        })
        .await;
    }
}
db_test!(
    an_organization_receives_only_what_it_may_see,
    only_what_it_may_see
);
