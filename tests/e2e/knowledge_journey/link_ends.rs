//! When globex's link to build-guild ends (the partnership suspended, or globex removed from
//! the community), globex's people lose build-guild's content at once, everywhere; acme still
//! sees what they wrote, attributed to them. When the link comes back, so does their access.

use super::client::{
    assert_not_found, contribute, contribute_reply, edit_idea_reply, idea, idea_change, node_of,
    post_problem, problem, IDEA,
};
use super::lists::{followed_page, hit_set, search, sorted};
use super::World;
use crate::common::*;
use crate::federation_journey::{
    accept_invitation, community, done, invite, mutate, partnership_change, refusal, s, Actor,
};
use serde_json::json;

/// What globex's work in build-guild is: bob's problem, gina's idea on it, gina's problem.
struct Work {
    problem: String,
    idea: String,
    globex_problem: String,
}

async fn write(w: &World<'_>) -> Work {
    let app = w.app;
    let p = post_problem(
        app,
        &w.bob,
        &w.guild_id,
        "Cache stampede at deploy",
        "Every pod refills the cache at once.",
        &["ci"],
        "HIGH",
    )
    .await;
    let problem = s(&p["id"]).to_owned();
    let i = contribute(app, &w.gina, &problem, None, "Jitter the cache expiry.").await;
    let idea_id = s(&i["id"]).to_owned();
    idea_change(app, &w.ann, "endorseIdea", &idea_id).await;
    let g = post_problem(
        app,
        &w.gina,
        &w.guild_id,
        "Cache size alerts",
        "Alert before the cache fills the disk.",
        &[],
        "NORMAL",
    )
    .await;
    Work {
        problem,
        idea: idea_id,
        globex_problem: s(&g["id"]).to_owned(),
    }
}

/// globex's people see build-guild's content, and gina writes in it.
async fn assert_globex_sees(w: &World<'_>, work: &Work, when: &str) {
    let app = w.app;
    for who in [&w.gina, &w.gail] {
        let p = problem(app, who, &work.problem).await;
        assert!(p["ideaCount"].as_i64().unwrap() >= 1, "{when}: {p:#}");
        idea(app, who, &work.idea).await;
        problem(app, who, &work.globex_problem).await;
        let hits = search(app, who, "cache", json!(null)).await;
        assert!(
            sorted(&[&work.problem, &work.idea, &work.globex_problem])
                .iter()
                .all(|id| hit_set(&hits).contains(id)),
            "{when}: {} finds build-guild's content: {hits:#?}",
            who.name
        );
    }
    let followed = followed_page(app, &w.gina, 10).await;
    assert_eq!(
        followed.ids,
        std::slice::from_ref(&work.globex_problem),
        "{when}"
    );
    let i = contribute(app, &w.gina, &work.problem, None, &format!("Back: {when}.")).await;
    assert_eq!(i["author"]["displayName"], "Gina Globex", "{when}");
}

/// globex's people see nothing of build-guild's content, anywhere; gina writes nothing.
async fn assert_globex_cut_off(w: &World<'_>, work: &Work, when: &str) {
    let app = w.app;
    for who in [&w.gina, &w.gail] {
        for (id, typename) in [
            (&work.problem, "Problem"),
            (&work.idea, "Idea"),
            (&work.globex_problem, "Problem"),
        ] {
            let reply = node_of(app, who, id, typename).await;
            assert_not_found(&reply, &format!("{when}: {} reads {typename}", who.name));
        }
        let reply = app
            .graphql(
                Some(&who.token),
                "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
                json!({ "ids": [work.problem, work.idea, work.globex_problem] }),
            )
            .await;
        assert_eq!(reply.data("/nodes"), &json!([null, null, null]), "{when}");
        assert_eq!(reply.codes(), ["NOT_FOUND"; 3], "{when}: {:#}", reply.body);
        let hits = search(app, who, "cache", json!(null)).await;
        assert!(hits.is_empty(), "{when}: {} searches: {hits:#?}", who.name);
        let hits = search(app, who, "cache", json!({ "communityIds": [w.guild_id] })).await;
        assert!(hits.is_empty(), "{when}: {hits:#?}");
    }
    // gail, globex's admin, still sees the community itself (to manage globex's part in it,
    // docs/FEDERATION.md), but not its content; gina does not see it at all.
    let reply = community(app, &w.gina.token, "acme", "build-guild").await;
    assert_eq!(reply.codes(), ["NOT_FOUND"], "{when}: {:#}", reply.body);
    let followed = followed_page(app, &w.gina, 10).await;
    assert!(
        followed.ids.is_empty() && followed.total == 0,
        "{when}: gina's follow of her own problem is not listed"
    );
    let reply = contribute_reply(app, &w.gina, &work.problem, None, "Still here?").await;
    assert_eq!(refusal(&reply, "contributeIdea"), ["NOT_FOUND"], "{when}");
    let reply = edit_idea_reply(app, &w.gina, &work.idea, "Jitter it more.").await;
    assert_eq!(refusal(&reply, "editIdea"), ["NOT_FOUND"], "{when}");
    let reply = mutate(
        app,
        Some(&w.gina.token),
        "postProblem",
        json!({ "communityId": w.guild_id, "title": "Cache again", "body": "Hello?" }),
        "problem { id }",
    )
    .await;
    assert_eq!(
        refusal(&reply, "postProblem"),
        ["NOT_FOUND"],
        "{when}: {:#}",
        reply.body
    );
}

/// acme still sees everything globex's people wrote, attributed to them and to globex.
async fn assert_acme_sees_attributed(w: &World<'_>, work: &Work, when: &str) {
    let app = w.app;
    for who in [&w.ann, &w.bob, &w.carl] {
        let i = idea(app, who, &work.idea).await;
        assert_eq!(i["author"]["id"], w.gina.id.as_str(), "{when}: {i:#}");
        assert_eq!(i["author"]["displayName"], "Gina Globex", "{when}");
        assert!(
            i["author"]["email"].is_null(),
            "{when}: public profile only"
        );
        assert_eq!(i["authorOrganization"]["name"], "globex Inc.", "{when}");
        assert_eq!(i["endorsementCount"], 1, "{when}");
        let g = problem(app, who, &work.globex_problem).await;
        assert_eq!(g["author"]["displayName"], "Gina Globex", "{when}");
        assert_eq!(g["authorOrganization"]["name"], "globex Inc.", "{when}");
        let hits = search(
            app,
            who,
            "cache",
            json!({ "authorOrganizationId": w.globex_id }),
        )
        .await;
        assert!(
            hit_set(&hits).contains(&work.idea) && hit_set(&hits).contains(&work.globex_problem),
            "{when}: {} finds globex's work: {hits:#?}",
            who.name
        );
    }
    // The idea is listed under bob's problem with its author.
    let reply = app
        .graphql(
            Some(&w.bob.token),
            &format!("query($id: ID!) {{ node(id: $id) {{ ... on Problem {{ ideas(first: 50) {{ totalCount nodes {{ {IDEA} }} }} }} }} }}"),
            json!({ "id": work.problem }),
        )
        .await;
    reply.assert_ok();
    let listed = reply.data("/node/ideas/nodes").as_array().unwrap();
    let first = listed
        .iter()
        .find(|i| i["id"] == work.idea.as_str())
        .unwrap_or_else(|| panic!("{when}: gina's idea is listed: {:#}", reply.body));
    assert_eq!(first["authorOrganization"]["name"], "globex Inc.");
    // acme's members still write.
    contribute(app, &w.bob, &work.problem, None, &format!("acme, {when}.")).await;
}

async fn membership_status(w: &World<'_>, who: &Actor) -> String {
    let reply = w
        .app
        .graphql(
            Some(&who.token),
            "{ viewer { memberships(first: 10) { nodes { status community { slug } } } } }",
            json!({}),
        )
        .await;
    reply.assert_ok();
    let nodes = reply.data("/viewer/memberships/nodes").as_array().unwrap();
    nodes
        .iter()
        .find(|m| m["community"]["slug"] == "build-guild")
        .map_or_else(|| "none".to_owned(), |m| s(&m["status"]).to_owned())
}

async fn knowledge_link_ends(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let w = World::new(&app).await;
    let work = write(&w).await;
    assert_globex_sees(&w, &work, "before").await;

    let p = partnership_change(&app, &w.ada, "suspendPartnership", &w.partnership_id).await;
    assert_eq!(p["status"], "SUSPENDED");
    assert_globex_cut_off(&w, &work, "partnership suspended").await;
    assert_acme_sees_attributed(&w, &work, "partnership suspended").await;
    let p = partnership_change(&app, &w.ada, "resumePartnership", &w.partnership_id).await;
    assert_eq!(p["status"], "ACTIVE");
    assert_eq!(membership_status(&w, &w.gina).await, "ACTIVE");
    assert_globex_sees(&w, &work, "partnership resumed").await;

    let reply = mutate(
        &app,
        Some(&w.ann.token),
        "removeOrganization",
        json!({ "participationId": w.globex_participation_id }),
        "participation { id status }",
    )
    .await;
    assert_eq!(
        done(&reply, "removeOrganization")["participation"]["status"],
        "REMOVED"
    );
    assert_globex_cut_off(&w, &work, "globex removed").await;
    assert_acme_sees_attributed(&w, &work, "globex removed").await;
    let again = invite(&app, &w.ann, &w.guild_id, &w.globex_id, "PARTICIPATE").await;
    assert_eq!(again["id"], w.globex_participation_id.as_str(), "reused");
    let accepted = accept_invitation(&app, &w.gail, &w.globex_participation_id, &w.gina.id).await;
    assert_eq!(accepted["status"], "ACTIVE");
    assert_eq!(membership_status(&w, &w.gina).await, "ACTIVE");
    assert_globex_sees(&w, &work, "globex invited again").await;
}
db_test!(knowledge_link_ends, knowledge_link_ends);
