//! Malformed input, refused with BAD_USER_INPUT and writing nothing (part of `rules`).

use super::client::{assert_refused, edit_idea_reply, idea, post_problem_reply, problem};
use super::client::{contribute_reply, problem_change_reply};
use super::lists::search;
use super::rules::guild_problem_count;
use super::World;
use crate::federation_journey::done;
use serde_json::{json, Value};

/// Malformed input is a BAD_USER_INPUT user error, and nothing is written.
pub(super) async fn bad_input(w: &World<'_>, p_id: &str, i_id: &str) {
    let app = w.app;
    let before = guild_problem_count(w).await;
    let too_many_tags: Vec<String> = (0..21).map(|n| format!("tag-{n}")).collect();
    let long = "x".repeat(50_001);
    let cases: Vec<(&str, Value)> = vec![
        (
            "blank title",
            json!({ "title": "   ", "body": "Zebra body." }),
        ),
        (
            "2-character title",
            json!({ "title": "ab", "body": "Zebra body." }),
        ),
        (
            "two-line title",
            json!({ "title": "Zebra\nstripes", "body": "Zebra body." }),
        ),
        (
            "blank body",
            json!({ "title": "Zebra title", "body": " \n " }),
        ),
        (
            "50,001-character body",
            json!({ "title": "Zebra title", "body": long }),
        ),
        (
            "bad tag",
            json!({ "title": "Zebra title", "body": "Zebra.", "tags": ["Not A Slug"] }),
        ),
        (
            "21 tags",
            json!({ "title": "Zebra title", "body": "Zebra.", "tags": too_many_tags }),
        ),
        (
            "control character in body",
            json!({ "title": "Zebra title", "body": "Zebra \u{7} bell" }),
        ),
        (
            "control character in title",
            json!({ "title": "Zebra \u{1b} title", "body": "Zebra." }),
        ),
    ];
    for (what, mut input) in cases {
        input["communityId"] = json!(w.guild_id);
        let reply = post_problem_reply(app, &w.bob, input).await;
        assert_refused(&reply, "postProblem", "problem", "BAD_USER_INPUT", what);
    }
    assert_eq!(guild_problem_count(w).await, before, "nothing was posted");
    assert!(search(app, &w.bob, "zebra", json!(null)).await.is_empty());
    // The limits themselves are fine: a 3-character title, a 50,000-character body.
    let reply = post_problem_reply(
        app,
        &w.bob,
        json!({ "communityId": w.guild_id, "title": "Abc", "body": "y".repeat(50_000) }),
    )
    .await;
    done(&reply, "postProblem");
    assert_eq!(guild_problem_count(w).await, before + 1);

    let ideas_before = problem(app, &w.bob, p_id).await["ideaCount"].clone();
    for (what, body) in [
        ("blank", "   ".to_owned()),
        ("too long", "z".repeat(50_001)),
        ("control character", "nul \u{0} here".to_owned()),
    ] {
        let reply = contribute_reply(app, &w.gina, p_id, None, &body).await;
        assert_refused(&reply, "contributeIdea", "idea", "BAD_USER_INPUT", what);
        let reply = edit_idea_reply(app, &w.gus, i_id, &body).await;
        assert_refused(&reply, "editIdea", "idea", "BAD_USER_INPUT", what);
    }
    assert_eq!(problem(app, &w.bob, p_id).await["ideaCount"], ideas_before);
    assert_eq!(idea(app, &w.gus, i_id).await["revision"], 1);
    for (what, fields) in [
        ("2-character title", json!({ "title": "ab" })),
        ("bad tag", json!({ "tags": ["UPPER"] })),
        ("control character", json!({ "body": "a \u{8} b" })),
        ("nothing to change", json!({})),
    ] {
        let reply = problem_change_reply(app, &w.bob, "updateProblem", p_id, fields).await;
        assert_refused(&reply, "updateProblem", "problem", "BAD_USER_INPUT", what);
    }
    let p = problem(app, &w.bob, p_id).await;
    assert_eq!(p["title"], "Flaky integration tests");
    assert_eq!(p["body"], "The queue tests time out on Mondays.");
}
