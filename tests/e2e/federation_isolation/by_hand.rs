//! A world built by hand, with facts stated by hand; and the oracle shown able to fail.

use super::env_number;
use super::knowledge::Poison;
use super::model::{text, World};
use crate::common::*;
use serde_json::{json, Value};

/// The oracle can fail: one deliberately wrong expectation is caught.
pub(super) async fn oracle_detects_a_wrong_expectation(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let mut world = World::new(&app, env_number("PRAXIS_ISOLATION_SEED", 20261127), 0);
    world.build().await;
    world.break_and_go_on().await;
    world.check(true).await.unwrap();
    let v = (0..world.people.len()).find(|&v| world.enabled(v)).unwrap();
    world.poison = Some(v);
    let error = world.check(true).await.unwrap_err();
    assert!(
        error.contains(&world.who(v)),
        "the wrong expectation was caught elsewhere: {error}"
    );
    world.poison = None;
    // The knowledge checks can fail too: a wrong expectation about problem 0 everywhere
    // (nodes, lists, its author), and one only in search.
    assert!(!world.problems.is_empty(), "a world without problems");
    for poison in [Poison::Problem, Poison::Search] {
        world.poison_content = Some((v, poison));
        let error = world.check(true).await.unwrap_err();
        assert!(
            error.contains(&world.who(v)),
            "the wrong expectation was caught elsewhere: {error}"
        );
        if poison == Poison::Search {
            assert!(
                error.contains("searching"),
                "the wrong search expectation was caught elsewhere: {error}"
            );
        }
    }
    // And a wrong expectation about article 0 (nodes, lists, search, its authors).
    assert!(!world.articles.is_empty(), "a world without articles");
    world.poison_content = Some((v, Poison::Article));
    let error = world.check(true).await.unwrap_err();
    assert!(
        error.contains(&world.who(v)),
        "the wrong article expectation was caught elsewhere: {error}"
    );
    // And a wrong expectation about the events of event 0's community (nodes, lists,
    // reports, feeds).
    assert!(!world.gatherings.is_empty(), "a world without events");
    world.poison_content = Some((v, Poison::Gathering));
    let error = world.check(true).await.unwrap_err();
    assert!(
        error.contains(&world.who(v)),
        "the wrong event expectation was caught elsewhere: {error}"
    );
    world.poison_content = None;
    world.check(true).await.unwrap();
}

// A world built by hand, with facts stated by hand.

pub(super) async fn ok(app: &TestApp, token: &str, query: &str, field: &str) -> Value {
    let reply = app.graphql(Some(token), query, json!({})).await;
    reply.assert_ok();
    let errors = reply.data(&format!("/{field}/userErrors"));
    assert!(
        errors.as_array().is_some_and(Vec::is_empty),
        "{query}: {:#}",
        reply.body
    );
    reply.data(&format!("/{field}")).clone()
}

pub(super) async fn person_id(app: &TestApp, token: &str) -> String {
    let reply = app
        .graphql(Some(token), "{ viewer { person { id } } }", json!({}))
        .await;
    reply.assert_ok();
    text(reply.data("/viewer/person/id"))
}

/// `node(id:)` as `token`: the node, or None when NOT_FOUND.
pub(super) async fn node(app: &TestApp, token: &str, id: &str) -> Option<Value> {
    let reply = app
        .graphql(
            Some(token),
            "query($id: ID!) { node(id: $id) { id ... on Membership { status } ... on Person { email } ... on Idea { author { id } authorOrganization { id } endorsements(first: 10) { totalCount nodes { person { id } organization { id } } } } ... on Problem { author { id } authorOrganization { id } } ... on KnowledgeArticle { state authors { person { id } organization { id } } revisions(first: 10) { nodes { author { id } } } } ... on Application { person { id } confirmations(first: 10) { nodes { person { id } organization { id } } } } } }",
            json!({ "id": id }),
        )
        .await;
    if reply.data("/node").is_null() {
        assert_eq!(reply.codes(), ["NOT_FOUND"], "{:#}", reply.body);
        None
    } else {
        reply.assert_ok();
        Some(reply.data("/node").clone())
    }
}

pub(super) async fn by_hand(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (a, b, c) = (
        app.create_org("hand-a").await,
        app.create_org("hand-b").await,
        app.create_org("hand-c").await,
    );
    let email = |sub: &str| json!({ "email": format!("{sub}@example.test") });
    let a_admin = a.admin_token("a-admin");
    let a_creator = a.token("a-creator", email("a-creator"));
    let b_admin = b.admin_token("b-admin");
    let b_member = b.token("b-member", email("b-member"));
    let c_admin = c.admin_token("c-admin");
    let c_member = c.token("c-member", email("c-member"));
    for token in [&a_admin, &b_admin, &c_admin, &c_member] {
        person_id(&app, token).await;
    }
    let a_creator_id = person_id(&app, &a_creator).await;
    let b_member_id = person_id(&app, &b_member).await;
    let reply = app
        .graphql(
            Some(&app.operator_token()),
            "{ organization(slug: \"hand-b\") { id } }",
            json!({}),
        )
        .await;
    let b_id = text(reply.assert_ok().data("/organization/id"));

    let partnership = ok(
        &app,
        &a_admin,
        "mutation { r: proposePartnership(input: { partnerSlug: \"hand-b\" }) { partnership { id } userErrors { code } } }",
        "r",
    )
    .await;
    let pid = text(&partnership["partnership"]["id"]);
    ok(
        &app,
        &b_admin,
        &format!("mutation {{ r: acceptPartnership(input: {{ partnershipId: \"{pid}\" }}) {{ partnership {{ status }} userErrors {{ code }} }} }}"),
        "r",
    )
    .await;
    let community = ok(
        &app,
        &a_creator,
        "mutation { r: createCommunity(input: { slug: \"garden\", name: \"Garden\", visibility: FEDERATED }) { community { id } userErrors { code } } }",
        "r",
    )
    .await;
    let cid = text(&community["community"]["id"]);
    let invitation = ok(
        &app,
        &a_creator,
        &format!("mutation {{ r: inviteOrganization(input: {{ communityId: \"{cid}\", organizationId: \"{b_id}\" }}) {{ participation {{ id status }} userErrors {{ code }} }} }}"),
        "r",
    )
    .await;
    let inv = text(&invitation["participation"]["id"]);
    // Invited but not accepted: b's people do not see the community yet; b's admin does.
    assert!(node(&app, &b_member, &cid).await.is_none());
    assert!(node(&app, &b_admin, &cid).await.is_some());
    ok(
        &app,
        &b_admin,
        &format!("mutation {{ r: acceptInvitation(input: {{ participationId: \"{inv}\", sponsorId: \"{b_member_id}\" }}) {{ participation {{ status }} userErrors {{ code }} }} }}"),
        "r",
    )
    .await;
    let joined = ok(
        &app,
        &b_member,
        &format!("mutation {{ r: joinCommunity(input: {{ communityId: \"{cid}\" }}) {{ membership {{ id status }} userErrors {{ code }} }} }}"),
        "r",
    )
    .await;
    assert_eq!(joined["membership"]["status"], "ACTIVE");
    let mid = text(&joined["membership"]["id"]);

    // The partner's person sees the federated community and its coordinator, without email.
    assert!(node(&app, &b_member, &cid).await.is_some());
    let creator = node(&app, &b_member, &a_creator_id).await.unwrap();
    assert!(creator["email"].is_null(), "{creator}");
    let own = node(&app, &a_admin, &a_creator_id).await.unwrap();
    assert_eq!(own["email"], "a-creator@example.test");
    // The outsider sees none of it, by id or by slug.
    for token in [&c_member, &c_admin] {
        assert!(node(&app, token, &cid).await.is_none());
        assert!(node(&app, token, &mid).await.is_none());
        assert!(node(&app, token, &a_creator_id).await.is_none());
        assert!(node(&app, token, &pid).await.is_none());
        let reply = app
            .graphql(
                Some(token),
                "{ community(host: \"hand-a\", slug: \"garden\") { id } }",
                json!({}),
            )
            .await;
        assert_eq!(reply.codes(), ["NOT_FOUND"], "{:#}", reply.body);
    }
    // A non-admin never sees partnerships.
    assert!(node(&app, &b_member, &pid).await.is_none());

    // Suspending the partnership hides the community from b's people at once; b's admin
    // still sees it, with the membership SUSPENDED, and so does the coordinator.
    ok(
        &app,
        &a_admin,
        &format!("mutation {{ r: suspendPartnership(input: {{ partnershipId: \"{pid}\" }}) {{ partnership {{ status }} userErrors {{ code }} }} }}"),
        "r",
    )
    .await;
    assert!(node(&app, &b_member, &cid).await.is_none());
    assert!(node(&app, &b_member, &a_creator_id).await.is_none());
    assert!(node(&app, &b_admin, &cid).await.is_some());
    assert_eq!(
        node(&app, &b_admin, &mid).await.unwrap()["status"],
        "SUSPENDED"
    );
    assert_eq!(
        node(&app, &a_creator, &mid).await.unwrap()["status"],
        "SUSPENDED"
    );
    // Only the suspending side resumes.
    let reply = app
        .graphql(
            Some(&b_admin),
            &format!("mutation {{ r: resumePartnership(input: {{ partnershipId: \"{pid}\" }}) {{ partnership {{ status }} userErrors {{ code }} }} }}"),
            json!({}),
        )
        .await;
    assert_eq!(reply.codes(), ["FORBIDDEN"], "{:#}", reply.body);
    ok(
        &app,
        &a_admin,
        &format!("mutation {{ r: resumePartnership(input: {{ partnershipId: \"{pid}\" }}) {{ partnership {{ status }} userErrors {{ code }} }} }}"),
        "r",
    )
    .await;
    assert!(node(&app, &b_member, &cid).await.is_some());
    assert_eq!(
        node(&app, &b_member, &mid).await.unwrap()["status"],
        "ACTIVE"
    );
    // Still nothing for the outsider.
    assert!(node(&app, &c_member, &cid).await.is_none());
}
