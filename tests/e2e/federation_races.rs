//! Requests that race for the same row: one wins, the others get a coded answer (CONFLICT),
//! never INTERNAL, and the database holds exactly one row.

use crate::common::*;
use serde_json::{json, Value};

async fn id_of(app: &TestApp, token: &str, query: &str, pointer: &str) -> String {
    let reply = app.graphql(Some(token), query, json!({})).await;
    reply.assert_ok();
    reply.data(pointer).as_str().unwrap().to_owned()
}

async fn races(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let globex = app.create_org("globex").await;
    let (acme_admin, globex_admin) = (acme.admin_token("ada"), globex.admin_token("gil"));

    // Both admins propose to each other at the same moment: one partnership, one CONFLICT.
    let propose = |token: String, partner: &'static str| {
        let app = &app;
        async move {
            app.graphql(
                Some(&token),
                "mutation($p: String!) { proposePartnership(input: {partnerSlug: $p}) { partnership { id } userErrors { code } } }",
                json!({ "p": partner }),
            )
            .await
        }
    };
    let (a, b) = tokio::join!(
        propose(acme_admin.clone(), "globex"),
        propose(globex_admin.clone(), "acme")
    );
    let outcomes: Vec<Value> = [&a, &b]
        .iter()
        .map(|r| {
            r.assert_ok();
            r.data("/proposePartnership/userErrors").clone()
        })
        .collect();
    assert_eq!(
        outcomes.iter().filter(|e| e == &&json!([])).count(),
        1,
        "exactly one proposal wins: {outcomes:?}"
    );
    assert!(
        outcomes.contains(&json!([{ "code": "CONFLICT" }])),
        "{outcomes:?}"
    );

    // Accept, host a community, invite and accept globex.
    let partnership = id_of(
        &app,
        &acme_admin,
        "{ organization(slug: \"acme\") { partnerships { nodes { id } } } }",
        "/organization/partnerships/nodes/0/id",
    )
    .await;
    let proposer_is_acme = a.data("/proposePartnership/userErrors") == &json!([]);
    let accepter = if proposer_is_acme {
        &globex_admin
    } else {
        &acme_admin
    };
    app.graphql(
        Some(accepter),
        "mutation($id: ID!) { acceptPartnership(input: {partnershipId: $id}) { userErrors { code } } }",
        json!({ "id": partnership }),
    )
    .await
    .assert_ok();
    let community = id_of(
        &app,
        &acme_admin,
        "mutation { createCommunity(input: {slug: \"guild\", name: \"Guild\"}) { community { id } } }",
        "/createCommunity/community/id",
    )
    .await;
    let globex_id = id_of(
        &app,
        &acme_admin,
        "{ organization(slug: \"globex\") { id } }",
        "/organization/id",
    )
    .await;
    let participation = id_of(
        &app,
        &acme_admin,
        &format!("mutation {{ inviteOrganization(input: {{communityId: \"{community}\", organizationId: \"{globex_id}\"}}) {{ participation {{ id }} }} }}"),
        "/inviteOrganization/participation/id",
    )
    .await;
    let sponsor = id_of(
        &app,
        &globex_admin,
        "{ viewer { person { id } } }",
        "/viewer/person/id",
    )
    .await;
    app.graphql(
        Some(&globex_admin),
        "mutation($p: ID!, $s: ID!) { acceptInvitation(input: {participationId: $p, sponsorId: $s}) { userErrors { code } } }",
        json!({ "p": participation, "s": sponsor }),
    )
    .await
    .assert_ok();

    // One person joins eight times at once: one membership, the rest CONFLICT.
    let gus = globex.token("gus", json!({}));
    let join = "mutation($c: ID!) { joinCommunity(input: {communityId: $c}) { membership { id status } userErrors { code } } }";
    let replies = futures_util::future::join_all(
        (0..8).map(|_| app.graphql(Some(&gus), join, json!({ "c": community }))),
    )
    .await;
    let mut won = 0;
    for reply in &replies {
        reply.assert_ok();
        match reply
            .data("/joinCommunity/userErrors")
            .as_array()
            .unwrap()
            .as_slice()
        {
            [] => won += 1,
            [error] => assert_eq!(error["code"], "CONFLICT", "{:#}", reply.body),
            other => panic!("unexpected userErrors {other:?}"),
        }
    }
    assert_eq!(won, 1, "exactly one join wins");

    // Twelve different people join at once: every one of them gets in.
    let people: Vec<String> = (0..12)
        .map(|n| globex.token(&format!("crowd-{n}"), json!({})))
        .collect();
    let replies = futures_util::future::join_all(
        people
            .iter()
            .map(|token| app.graphql(Some(token), join, json!({ "c": community }))),
    )
    .await;
    for reply in &replies {
        reply.assert_ok();
        assert_eq!(reply.data("/joinCommunity/membership/status"), "ACTIVE");
    }
    let members = app
        .graphql(
            Some(&acme_admin),
            "query($c: ID!) { node(id: $c) { ... on Community { members(status: ACTIVE) { totalCount } } } }",
            json!({ "c": community }),
        )
        .await;
    members.assert_ok();
    // The coordinator, gus and the crowd.
    assert_eq!(members.data("/node/members/totalCount"), 14);
}
db_test!(racing_requests_get_conflict_not_internal, races);
