//! The cycle across two organizations: bob (acme) posts a problem in build-guild, gina
//! (globex) contributes an idea, bob replies, ann endorses, gina edits, bob accepts it as the
//! solution; both organizations see who wrote what. Then `search` searches what they wrote.

use super::client::{
    accept_solution, assert_refused, contribute, contribute_reply, edit_idea_reply, idea,
    idea_change, idea_change_reply, post_problem, problem,
};
use super::{search, World};
use crate::common::*;
use crate::federation_journey::{assert_no_findings, refusal, s};
use serde_json::{json, Value};

/// What the journey wrote, for the search steps.
pub(super) struct Written {
    /// bob's problem in build-guild, SOLVED by `idea`.
    pub problem: String,
    /// gina's idea on it.
    pub idea: String,
    /// bob's reply to the idea.
    pub reply: String,
    /// ann's OPEN problem in build-guild.
    pub docs: String,
    /// ann's OPEN problem in platform-circle (HOST_ONLY: acme only).
    pub circle: String,
}

pub(super) const PROBLEM_BODY: &str =
    "Our CI caching misses on every run <script>alert(1)</script> and builds take an hour.";
const IDEA_BODY: &str = "Pin the cache key to the lockfile checksum.";
pub(super) const EDITED_BODY: &str = "Key the cache on the lockfile hash and prewarm it nightly.";

fn tag_set(problem: &Value) -> Vec<String> {
    let mut tags: Vec<String> = problem["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| s(t).to_owned())
        .collect();
    tags.sort();
    tags
}

/// The author and organization of an item as a viewer sees them: the public profile across
/// organizations, the email only for the author's colleagues.
#[track_caller]
fn assert_attributed(item: &Value, author: &super::Actor, org_name: &str, colleague: bool) {
    assert_eq!(item["author"]["id"], author.id.as_str(), "{item:#}");
    assert_eq!(
        item["author"]["displayName"],
        author.name.as_str(),
        "{item:#}"
    );
    assert_eq!(item["authorOrganization"]["name"], org_name, "{item:#}");
    if colleague {
        assert_eq!(
            item["author"]["email"],
            super::client::email_of(author),
            "a colleague sees the email: {item:#}"
        );
    } else {
        assert!(
            item["author"]["email"].is_null(),
            "another organization's viewer sees only the public profile: {item:#}"
        );
    }
}

async fn solve_across_organizations(w: &World<'_>) -> Written {
    let app = w.app;
    // bob posts; the author follows their own problem.
    let p = post_problem(
        app,
        &w.bob,
        &w.guild_id,
        "Build caching keeps missing",
        PROBLEM_BODY,
        &["ci", "caching"],
        "HIGH",
    )
    .await;
    let problem_id = s(&p["id"]).to_owned();
    assert_eq!(p["state"], "OPEN");
    assert_eq!(p["urgency"], "HIGH");
    assert_eq!(tag_set(&p), ["caching", "ci"]);
    assert_eq!(p["body"], PROBLEM_BODY, "the body is stored as written");
    assert_eq!(p["community"]["id"], w.guild_id.as_str());
    assert_eq!(p["followerCount"], 1, "the author follows: {p:#}");
    assert_eq!(p["viewerFollows"], true);
    assert_eq!(p["ideaCount"], 0);
    assert_eq!(p["solution"], json!([]));
    assert!(p["solvedAt"].is_null() && p["timeToSolutionSeconds"].is_null());
    assert_attributed(&p, &w.bob, "acme Inc.", true);
    // globex sees it, with acme's author's public profile only.
    let seen = problem(app, &w.gina, &problem_id).await;
    assert_attributed(&seen, &w.bob, "acme Inc.", false);
    assert_eq!(seen["viewerFollows"], false);

    // gina (globex) contributes an idea; bob (acme) replies to it.
    let i = contribute(app, &w.gina, &problem_id, None, IDEA_BODY).await;
    let idea_id = s(&i["id"]).to_owned();
    assert_eq!(i["revision"], 1);
    assert_eq!(i["history"], json!([{ "number": 1, "body": IDEA_BODY }]));
    assert_eq!(i["problem"]["id"], problem_id.as_str());
    assert!(i["parent"].is_null());
    assert_eq!(i["endorsementCount"], 0);
    assert_eq!(i["accepted"], false);
    assert_attributed(&i, &w.gina, "globex Inc.", true);
    let r = contribute(
        app,
        &w.bob,
        &problem_id,
        Some(&idea_id),
        "Which lockfile, the workspace one?",
    )
    .await;
    let reply_id = s(&r["id"]).to_owned();
    assert_eq!(r["parent"]["id"], idea_id.as_str());
    // One level of replies: a reply to the reply is refused and writes nothing.
    let refused = contribute_reply(app, &w.gina, &problem_id, Some(&reply_id), "Yes.").await;
    assert_refused(
        &refused,
        "contributeIdea",
        "idea",
        "BAD_USER_INPUT",
        "a reply to a reply",
    );
    assert_eq!(idea(app, &w.gina, &idea_id).await["replyCount"], 1);
    assert_eq!(idea(app, &w.bob, &reply_id).await["replyCount"], 0);
    assert_eq!(problem(app, &w.bob, &problem_id).await["ideaCount"], 2);

    // ann (a third person) endorses; once only; gina may not endorse her own idea.
    let e = idea_change(app, &w.ann, "endorseIdea", &idea_id).await;
    assert_eq!(e["endorsementCount"], 1);
    assert_eq!(e["viewerEndorsed"], true);
    let again = idea_change_reply(app, &w.ann, "endorseIdea", &idea_id).await;
    assert_refused(&again, "endorseIdea", "idea", "CONFLICT", "endorsing twice");
    let own = idea_change_reply(app, &w.gina, "endorseIdea", &idea_id).await;
    let codes = refusal(&own, "endorseIdea");
    assert!(
        codes == ["BAD_USER_INPUT"],
        "endorsing one's own idea is a user error: {:#}",
        own.body
    );
    let seen = idea(app, &w.gina, &idea_id).await;
    assert_eq!(seen["endorsementCount"], 1, "{seen:#}");
    assert_eq!(seen["viewerEndorsed"], false);
    let reply = app
        .graphql(
            Some(&w.gina.token),
            "query($id: ID!) { node(id: $id) { ... on Idea { endorsements(first: 10) { totalCount nodes { person { displayName email } organization { name } } } } } }",
            json!({ "id": idea_id }),
        )
        .await;
    reply.assert_ok();
    assert_eq!(
        reply.data("/node/endorsements"),
        &json!({ "totalCount": 1, "nodes": [{ "person": { "displayName": "Ann Acme", "email": null }, "organization": { "name": "acme Inc." } }] })
    );

    // Only the author edits; the history keeps every version.
    let other = edit_idea_reply(app, &w.bob, &idea_id, "Mine now.").await;
    assert_refused(
        &other,
        "editIdea",
        "idea",
        "FORBIDDEN",
        "editing another's idea",
    );
    let edited = edit_idea_reply(app, &w.gina, &idea_id, EDITED_BODY).await;
    let edited = crate::federation_journey::done(&edited, "editIdea")["idea"].clone();
    assert_eq!(edited["revision"], 2);
    assert_eq!(edited["body"], EDITED_BODY);
    assert!(!edited["editedAt"].is_null());
    assert_eq!(
        edited["history"],
        json!([{ "number": 1, "body": IDEA_BODY }, { "number": 2, "body": EDITED_BODY }])
    );

    // bob, the problem's author, accepts the idea.
    let solved = accept_solution(app, &w.bob, &problem_id, &[&idea_id]).await;
    assert_eq!(solved["state"], "SOLVED");
    assert!(!solved["solvedAt"].is_null(), "{solved:#}");
    let seconds = solved["timeToSolutionSeconds"].as_i64().expect("recorded");
    assert!(seconds >= 0, "{solved:#}");
    assert_eq!(solved["solution"], json!([{ "id": idea_id }]));
    let accepted = idea(app, &w.ann, &idea_id).await;
    assert_eq!(accepted["accepted"], true);
    assert!(!accepted["acceptedAt"].is_null());
    assert_eq!(accepted["problem"]["state"], "SOLVED");
    assert_eq!(idea(app, &w.ann, &reply_id).await["accepted"], false);
    // Each organization sees the other's author, public profile only.
    assert_attributed(&accepted, &w.gina, "globex Inc.", false);
    let seen = problem(app, &w.gina, &problem_id).await;
    assert_eq!(seen["state"], "SOLVED");
    assert_eq!(seen["solution"], json!([{ "id": idea_id }]));
    assert_attributed(&seen, &w.bob, "acme Inc.", false);

    // Two more problems for the search steps.
    let docs = post_problem(
        app,
        &w.ann,
        &w.guild_id,
        "Cache invalidation on the docs site",
        "Stale pages after deploys.",
        &["docs"],
        "LOW",
    )
    .await;
    let circle = post_problem(
        app,
        &w.ann,
        &w.circle_id,
        "Cache warmers for the platform",
        "Warm the caches before traffic arrives.",
        &["ci"],
        "NORMAL",
    )
    .await;
    Written {
        problem: problem_id,
        idea: idea_id,
        reply: reply_id,
        docs: s(&docs["id"]).to_owned(),
        circle: s(&circle["id"]).to_owned(),
    }
}

async fn knowledge_journey(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let w = World::new(&app).await;
    let written = solve_across_organizations(&w).await;
    search::stemmed_and_highlighted(&w, &written).await;
    search::filters_narrow(&w, &written).await;
    assert_no_findings();
}
db_test!(knowledge_journey, knowledge_journey);
