//! Orders, cursor paging and filters of problem and idea lists, and following.

use super::client::{
    accept_solution, assert_refused, contribute, idea_change, idea_change_reply, post_problem,
    problem, problem_change, problem_change_reply,
};
use super::lists::{all_pages, followed_page, ideas_page, problems_page};
use super::World;
use crate::common::*;
use crate::federation_journey::{s, Actor};
use serde_json::{json, Value};

/// Every id of build-guild's problems as gina (globex) reads them, `first` at a time.
async fn problem_ids(w: &World<'_>, filter: Value, order: &str, first: i32) -> Vec<String> {
    all_pages(first as usize, |after| {
        let filter = filter.clone();
        async move {
            problems_page(
                w.app,
                &w.gina,
                "build-guild",
                filter,
                order,
                first,
                after.as_deref(),
            )
            .await
        }
    })
    .await
}

async fn idea_ids(w: &World<'_>, problem: &str, order: &str, first: i32) -> Vec<String> {
    all_pages(first as usize, |after| async move {
        ideas_page(w.app, &w.gina, problem, order, first, after.as_deref()).await
    })
    .await
}

fn ids(list: &[&String]) -> Vec<String> {
    list.iter().map(|i| (*i).clone()).collect()
}

/// Six problems in every state; each order and filter, in pages of 1, 2 and 10.
async fn problem_orders(w: &World<'_>) -> Vec<String> {
    let app = w.app;
    let mut p = Vec::new();
    for (who, title, tags, urgency) in [
        (&w.bob, "One: cache misses", &["ci"][..], "LOW"),
        (&w.gina, "Two: docs build", &["ci", "docs"][..], "HIGH"),
        (&w.dan, "Three: old wiki", &["docs"][..], "NORMAL"),
        (&w.ann, "Four: runner disk full", &["ci"][..], "CRITICAL"),
        (&w.gus, "Five: slow checkout", &[][..], "HIGH"),
        (&w.bob, "Six: broken links", &["docs"][..], "LOW"),
    ] {
        let made = post_problem(app, who, &w.guild_id, title, "Details.", tags, urgency).await;
        p.push(s(&made["id"]).to_owned());
    }
    let [p1, p2, p3, p4, p5, p6] = [&p[0], &p[1], &p[2], &p[3], &p[4], &p[5]];
    let i1 = contribute(app, &w.gina, p1, None, "Key on the lockfile.").await;
    accept_solution(app, &w.bob, p1, &[s(&i1["id"])]).await;
    let i5 = contribute(app, &w.ann, p5, None, "Shallow clones.").await;
    accept_solution(app, &w.gus, p5, &[s(&i5["id"])]).await;
    let closed = problem_change(app, &w.dan, "closeProblem", p3, json!({})).await;
    assert_eq!(closed["state"], "CLOSED");

    let newest = ids(&[p6, p5, p4, p3, p2, p1]);
    let mut oldest = newest.clone();
    oldest.reverse();
    let unsolved_first = ids(&[p6, p4, p2, p5, p1, p3]);
    for first in [1, 2, 10] {
        assert_eq!(problem_ids(w, json!(null), "NEWEST", first).await, newest);
        assert_eq!(problem_ids(w, json!(null), "OLDEST", first).await, oldest);
        assert_eq!(
            problem_ids(w, json!(null), "UNSOLVED_FIRST", first).await,
            unsolved_first,
            "OPEN, then SOLVED, then CLOSED, newest first within (pages of {first})"
        );
    }
    for (filter, order, expected) in [
        (json!({ "states": ["OPEN"] }), "NEWEST", ids(&[p6, p4, p2])),
        (
            json!({ "states": ["SOLVED", "CLOSED"] }),
            "NEWEST",
            ids(&[p5, p3, p1]),
        ),
        (json!({ "states": ["CLOSED"] }), "OLDEST", ids(&[p3])),
        (json!({ "tags": ["ci"] }), "NEWEST", ids(&[p4, p2, p1])),
        (json!({ "tags": ["ci", "docs"] }), "NEWEST", ids(&[p2])),
        (
            json!({ "tags": ["docs"] }),
            "UNSOLVED_FIRST",
            ids(&[p6, p2, p3]),
        ),
        (json!({ "tags": ["nothing"] }), "NEWEST", vec![]),
        (json!({ "urgencies": ["HIGH"] }), "NEWEST", ids(&[p5, p2])),
        (
            json!({ "urgencies": ["LOW", "CRITICAL"] }),
            "OLDEST",
            ids(&[p1, p4, p6]),
        ),
        (
            json!({ "authorOrganizationId": w.globex_id }),
            "NEWEST",
            ids(&[p5, p2]),
        ),
        (
            json!({ "states": ["OPEN"], "tags": ["ci"] }),
            "OLDEST",
            ids(&[p2, p4]),
        ),
        (
            json!({ "tags": ["ci"], "urgencies": ["LOW", "HIGH", "CRITICAL"] }),
            "UNSOLVED_FIRST",
            ids(&[p4, p2, p1]),
        ),
    ] {
        for first in [1, 10] {
            assert_eq!(
                problem_ids(w, filter.clone(), order, first).await,
                expected,
                "{filter} {order} in pages of {first}"
            );
        }
    }
    p
}

/// Five ideas with 3, 2, 1, 1 and 0 endorsements (and a reply with more than any): "most
/// endorsed" pages through each idea once, in order, and follows a withdrawal.
async fn most_endorsed(w: &World<'_>, problem_id: &str) {
    let app = w.app;
    let mut made = Vec::new();
    for (who, body) in [
        (&w.bob, "a: retry"),
        (&w.dan, "b: cache"),
        (&w.ann, "c: rewrite"),
        (&w.gus, "d: split"),
        (&w.bob, "e: pin"),
    ] {
        made.push(s(&contribute(app, who, problem_id, None, body).await["id"]).to_owned());
    }
    let [a, b, c, d, e] = [&made[0], &made[1], &made[2], &made[3], &made[4]];
    let reply = contribute(app, &w.gina, problem_id, Some(a), "a reply").await;
    let reply_id = s(&reply["id"]).to_owned();
    let endorsements: [(&String, &[&Actor]); 5] = [
        (a, &[&w.ann]),
        (b, &[&w.ann, &w.bob, &w.gina]),
        (d, &[&w.gina]),
        (e, &[&w.ann, &w.dan]),
        (&reply_id, &[&w.ann, &w.bob, &w.dan, &w.gus]),
    ];
    for (idea, people) in endorsements {
        for who in people {
            idea_change(app, who, "endorseIdea", idea).await;
        }
    }
    let counts = |idea: Value| {
        (
            idea["endorsementCount"].clone(),
            idea["viewerEndorsed"].clone(),
        )
    };
    let seen = super::client::idea(app, &w.gina, b).await;
    assert_eq!(counts(seen), (json!(3), json!(true)));
    let seen = super::client::idea(app, &w.gus, b).await;
    assert_eq!(counts(seen), (json!(3), json!(false)));

    assert_eq!(
        idea_ids(w, problem_id, "OLDEST", 2).await,
        ids(&[a, b, c, d, e])
    );
    assert_eq!(
        idea_ids(w, problem_id, "NEWEST", 2).await,
        ids(&[e, d, c, b, a])
    );
    // Equal counts: newest first (d before a). The reply is not a top-level idea.
    for first in [1, 2, 5] {
        assert_eq!(
            idea_ids(w, problem_id, "MOST_ENDORSED", first).await,
            ids(&[b, e, d, a, c]),
            "pages of {first}"
        );
    }
    let after = idea_change(app, &w.bob, "withdrawEndorsement", b).await;
    assert_eq!(counts(after), (json!(2), json!(false)));
    let again = idea_change_reply(app, &w.bob, "withdrawEndorsement", b).await;
    assert_refused(
        &again,
        "withdrawEndorsement",
        "idea",
        "BAD_USER_INPUT",
        "twice",
    );
    for first in [1, 3] {
        assert_eq!(
            idea_ids(w, problem_id, "MOST_ENDORSED", first).await,
            ids(&[e, b, d, a, c]),
            "after the withdrawal, pages of {first}"
        );
    }
    let p = problem(app, &w.gina, problem_id).await;
    assert_eq!(p["ideaCount"], 6, "ideas and the reply: {p:#}");
}

/// Every problem `who` follows (one page holds them all).
async fn followed_ids(w: &World<'_>, who: &Actor) -> Vec<String> {
    let page = followed_page(w.app, who, 50).await;
    assert!(!page.has_next);
    assert_eq!(page.total, page.ids.len() as u64);
    page.ids
}

/// Authors follow their problems; anyone who sees a problem follows and unfollows it.
async fn following(w: &World<'_>, p: &[String]) {
    let app = w.app;
    let [p1, p2, _, p4, p5, p6] = [&p[0], &p[1], &p[2], &p[3], &p[4], &p[5]];
    assert_eq!(followed_ids(w, &w.bob).await, ids(&[p6, p1]));
    assert_eq!(followed_ids(w, &w.gus).await, ids(&[p5]));
    assert!(followed_ids(w, &w.carl).await.is_empty());
    // carl has not joined build-guild, but sees it, so he may follow.
    let f = problem_change(app, &w.carl, "followProblem", p2, json!({})).await;
    assert_eq!(f["followerCount"], 2, "gina (author) and carl: {f:#}");
    assert_eq!(f["viewerFollows"], true);
    let again = problem_change_reply(app, &w.carl, "followProblem", p2, json!({})).await;
    assert_refused(
        &again,
        "followProblem",
        "problem",
        "CONFLICT",
        "following twice",
    );
    assert_eq!(problem(app, &w.gina, p2).await["followerCount"], 2);
    assert_eq!(problem(app, &w.gina, p2).await["viewerFollows"], true);
    assert_eq!(followed_ids(w, &w.carl).await, ids(&[p2]));
    problem_change(app, &w.bob, "followProblem", p4, json!({})).await;
    problem_change(app, &w.bob, "followProblem", p2, json!({})).await;
    assert_eq!(problem(app, &w.ann, p2).await["followerCount"], 3);
    assert_eq!(followed_ids(w, &w.bob).await, ids(&[p6, p4, p2, p1]));
    let followed = all_pages(1, |after| async move {
        problems_page(
            app,
            &w.bob,
            "build-guild",
            json!({ "followed": true, "states": ["OPEN"] }),
            "OLDEST",
            1,
            after.as_deref(),
        )
        .await
    })
    .await;
    assert_eq!(followed, ids(&[p2, p4, p6]));

    let u = problem_change(app, &w.carl, "unfollowProblem", p2, json!({})).await;
    assert_eq!(u["followerCount"], 2);
    assert_eq!(u["viewerFollows"], false);
    let again = problem_change_reply(app, &w.carl, "unfollowProblem", p2, json!({})).await;
    assert_refused(
        &again,
        "unfollowProblem",
        "problem",
        "BAD_USER_INPUT",
        "not following",
    );
    assert!(followed_ids(w, &w.carl).await.is_empty());
    assert_eq!(problem(app, &w.gina, p2).await["followerCount"], 2);
}

async fn knowledge_orders(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let w = World::new(&app).await;
    let p = problem_orders(&w).await;
    most_endorsed(&w, &p[1]).await;
    following(&w, &p).await;
}
db_test!(knowledge_orders_and_following, knowledge_orders);
