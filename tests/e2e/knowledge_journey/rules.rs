//! The rules of docs/KNOWLEDGE.md "Who may write" and "Problems": who is refused what, and
//! that a refused mutation writes nothing; solving, reopening and closing; the edit window.

use super::client::{
    accept_solution, accept_solution_reply, assert_refused, contribute, contribute_reply, idea,
    idea_change_reply, post_problem, post_problem_reply, problem, problem_change,
    problem_change_reply,
};
use super::lists::{problems_page, search};
use super::World;
use crate::common::*;
use crate::federation_journey::{s, Actor};
use serde_json::{json, Value};

/// How many problems build-guild lists for ann.
pub(super) async fn guild_problem_count(w: &World<'_>) -> u64 {
    problems_page(w.app, &w.ann, "build-guild", json!(null), "NEWEST", 1, None)
        .await
        .total
}

/// People of a participating organization who have not joined read, but do not write.
async fn non_members_read_only(w: &World<'_>) -> (String, String) {
    let app = w.app;
    let p = post_problem(
        app,
        &w.bob,
        &w.guild_id,
        "Flaky integration tests",
        "The queue tests time out on Mondays.",
        &["testing"],
        "NORMAL",
    )
    .await;
    let p_id = s(&p["id"]).to_owned();
    let i = contribute(app, &w.gus, &p_id, None, "Give the queue a longer timeout.").await;
    let i_id = s(&i["id"]).to_owned();
    for who in [&w.carl, &w.gail] {
        let reply = post_problem_reply(
            app,
            who,
            json!({ "communityId": w.guild_id, "title": "Not a member", "body": "Let me post." }),
        )
        .await;
        assert_refused(&reply, "postProblem", "problem", "FORBIDDEN", &who.name);
        let reply = contribute_reply(app, who, &p_id, None, "Let me help.").await;
        assert_refused(&reply, "contributeIdea", "idea", "FORBIDDEN", &who.name);
        let reply = idea_change_reply(app, who, "endorseIdea", &i_id).await;
        assert_refused(&reply, "endorseIdea", "idea", "FORBIDDEN", &who.name);
        // ... but they read: the problem, its ideas, the list and search.
        assert_eq!(problem(app, who, &p_id).await["ideaCount"], 1);
        assert_eq!(idea(app, who, &i_id).await["endorsementCount"], 0);
        let page = problems_page(app, who, "build-guild", json!(null), "NEWEST", 10, None).await;
        assert_eq!(page.ids, std::slice::from_ref(&p_id), "{}", who.name);
        let hits = search(app, who, "flaky", json!(null)).await;
        assert_eq!(hits.len(), 1, "{}: {hits:#?}", who.name);
    }
    assert_eq!(guild_problem_count(w).await, 1, "nothing was posted");
    assert_eq!(problem(app, &w.bob, &p_id).await["ideaCount"], 1);
    (p_id, i_id)
}

#[track_caller]
fn assert_unsolved(p: &Value, state: &str) {
    assert_eq!(p["state"], state, "{p:#}");
    assert_eq!(p["solution"], json!([]), "{p:#}");
    assert!(p["solvedAt"].is_null(), "{p:#}");
    assert!(p["timeToSolutionSeconds"].is_null(), "{p:#}");
}

/// Only the author and coordinators change, solve, close and reopen a problem; reopening
/// drops the solution, closing keeps it; nothing is contributed to a CLOSED problem.
async fn problem_lifecycle(w: &World<'_>, p_id: &str, i_id: &str) {
    let app = w.app;
    let outsiders: [&Actor; 2] = [&w.gina, &w.carl];
    let refuse_all = |state: &'static str| async move {
        for who in outsiders {
            for (field, fields) in [
                ("updateProblem", json!({ "title": "Taken over" })),
                ("closeProblem", json!({})),
                ("reopenProblem", json!({})),
            ] {
                let reply = problem_change_reply(app, who, field, p_id, fields).await;
                assert_refused(&reply, field, "problem", "FORBIDDEN", &who.name);
            }
            let reply = accept_solution_reply(app, who, p_id, &[i_id]).await;
            assert_refused(&reply, "acceptSolution", "problem", "FORBIDDEN", &who.name);
        }
        let p = problem(app, &w.bob, p_id).await;
        assert_eq!(p["state"], state, "{p:#}");
        assert_eq!(p["title"], "Flaky integration tests", "{p:#}");
    };
    refuse_all("OPEN").await;

    // A coordinator (ann) updates bob's problem.
    let p = problem_change(
        app,
        &w.ann,
        "updateProblem",
        p_id,
        json!({ "urgency": "CRITICAL", "tags": ["testing", "queue"] }),
    )
    .await;
    assert_eq!(p["urgency"], "CRITICAL");
    assert_eq!(p["title"], "Flaky integration tests", "left out, kept");

    let solved = accept_solution(app, &w.bob, p_id, &[i_id]).await;
    assert_eq!(solved["state"], "SOLVED");
    let first_solved_at = solved["solvedAt"].clone();
    assert!(!first_solved_at.is_null());
    refuse_all("SOLVED").await;

    // Reopening: the solution did not hold.
    let p = problem_change(app, &w.bob, "reopenProblem", p_id, json!({})).await;
    assert_unsolved(&p, "OPEN");
    let i = idea(app, &w.bob, i_id).await;
    assert_eq!(i["accepted"], false, "{i:#}");
    assert!(i["acceptedAt"].is_null(), "{i:#}");
    let reply = accept_solution_reply(app, &w.bob, p_id, &[]).await;
    assert_refused(
        &reply,
        "acceptSolution",
        "problem",
        "BAD_USER_INPUT",
        "no ideas",
    );

    // A host admin coordinates without being a member: accepts again, anew.
    let solved = accept_solution(app, &w.ada, p_id, &[i_id]).await;
    assert_eq!(solved["state"], "SOLVED");
    assert!(solved["timeToSolutionSeconds"].as_i64().unwrap() >= 0);
    // Closing keeps the accepted ideas (and when it was solved).
    let closed = problem_change(app, &w.bob, "closeProblem", p_id, json!({})).await;
    assert_eq!(closed["state"], "CLOSED");
    assert!(!closed["closedAt"].is_null());
    assert_eq!(closed["solution"], json!([{ "id": i_id }]));
    assert!(!closed["solvedAt"].is_null(), "{closed:#}");
    assert_eq!(idea(app, &w.bob, i_id).await["accepted"], true);
    refuse_all("CLOSED").await;

    // Nothing is contributed to a CLOSED problem, not even a reply; it is not solved again
    // nor closed twice.
    let reply = contribute_reply(app, &w.gina, p_id, None, "One more idea.").await;
    assert_refused(&reply, "contributeIdea", "idea", "BAD_USER_INPUT", "CLOSED");
    let reply = contribute_reply(app, &w.gina, p_id, Some(i_id), "A reply.").await;
    assert_refused(&reply, "contributeIdea", "idea", "BAD_USER_INPUT", "CLOSED");
    let reply = problem_change_reply(app, &w.bob, "closeProblem", p_id, json!({})).await;
    assert_refused(&reply, "closeProblem", "problem", "BAD_USER_INPUT", "twice");
    let reply = accept_solution_reply(app, &w.bob, p_id, &[i_id]).await;
    assert_refused(
        &reply,
        "acceptSolution",
        "problem",
        "BAD_USER_INPUT",
        "CLOSED",
    );
    let p = problem(app, &w.bob, p_id).await;
    assert_eq!(p["ideaCount"], 1, "{p:#}");
    assert_eq!(p["state"], "CLOSED");

    // Reopened by a coordinator: OPEN, no solution, and contributions are welcome again.
    let p = problem_change(app, &w.ann, "reopenProblem", p_id, json!({})).await;
    assert_unsolved(&p, "OPEN");
    assert!(p["closedAt"].is_null(), "{p:#}");
    assert_eq!(idea(app, &w.gina, i_id).await["accepted"], false);
    let reply = problem_change_reply(app, &w.bob, "reopenProblem", p_id, json!({})).await;
    assert_refused(&reply, "reopenProblem", "problem", "BAD_USER_INPUT", "OPEN");
    contribute(app, &w.gina, p_id, None, "Now it is open again.").await;
    // An idea of another problem is not part of this one's solution.
    let other = post_problem(
        app,
        &w.dan,
        &w.guild_id,
        "Slow linker",
        "ld takes ages.",
        &[],
        "LOW",
    )
    .await;
    let other_id = s(&other["id"]).to_owned();
    let stray = contribute(app, &w.gus, &other_id, None, "Use mold.").await;
    let reply = accept_solution_reply(app, &w.bob, p_id, &[s(&stray["id"])]).await;
    assert_refused(
        &reply,
        "acceptSolution",
        "problem",
        "BAD_USER_INPUT",
        "stray",
    );
    assert_unsolved(&problem(app, &w.bob, p_id).await, "OPEN");
    assert_unsolved(&problem(app, &w.dan, &other_id).await, "OPEN");
}

async fn knowledge_rules(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let w = World::new(&app).await;
    let (p_id, i_id) = non_members_read_only(&w).await;
    problem_lifecycle(&w, &p_id, &i_id).await;
    super::bad_input::bad_input(&w, &p_id, &i_id).await;
}
db_test!(knowledge_rules, knowledge_rules);
