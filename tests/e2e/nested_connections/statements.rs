//! The portal query of the issue — my memberships, each community's problems with their
//! ideas, its upcoming events, articles and members — runs as many statements over 2
//! communities × 2 problems × 2 ideas read with pages of 2 as over 12 × 20 × 20 read with
//! pages of 20: each nested connection is one page statement (and one COUNT when
//! `totalCount` is selected) for all its parents.

use super::{create_article, create_event};
use crate::common::*;
use crate::federation_journey::{actor, create_community, s, Actor};
use crate::knowledge_journey::client::{contribute, post_problem};
use serde_json::{json, Value};

const PORTAL: &str = "query($n: Int!, $from: DateTime!) { viewer { memberships(first: 50) { nodes { community { id problems(first: $n) { totalCount nodes { id title ideas(first: $n) { totalCount nodes { body } } } } events(first: 3, from: $from) { nodes { title } } articles(first: 3) { nodes { title } } members(first: 5) { totalCount } } } } } }";

/// Grows alice's world to `communities` communities of `problems` problems of `ideas` ideas
/// each, one event and one article per community.
async fn grow(
    app: &TestApp,
    alice: &Actor,
    world: &mut Vec<(String, Vec<String>)>,
    (communities, problems, ideas): (usize, usize, usize),
) {
    while world.len() < communities {
        let k = world.len();
        let c = create_community(
            app,
            alice,
            json!({ "slug": format!("guild-{k}"), "name": format!("Guild {k}") }),
        )
        .await;
        let id = s(&c["id"]).to_owned();
        create_event(app, alice, &id, &format!("Call {k}"), "2030-01-07").await;
        create_article(app, alice, &id, &format!("Notes {k}")).await;
        world.push((id, Vec::new()));
    }
    for (community, posted) in world.iter_mut() {
        while posted.len() < problems {
            let title = format!("Problem {}", posted.len());
            let p = post_problem(app, alice, community, &title, "Body.", &[], "LOW").await;
            posted.push(s(&p["id"]).to_owned());
        }
    }
    // Ideas: every problem gets its missing ones.
    for (_, posted) in world.iter() {
        for problem in posted {
            for n in idea_count(app, alice, problem).await..ideas {
                contribute(app, alice, problem, None, &format!("Idea {n}.")).await;
            }
        }
    }
}

async fn idea_count(app: &TestApp, alice: &Actor, problem: &str) -> usize {
    let reply = app
        .graphql(
            Some(&alice.token),
            "query($id: ID!) { node(id: $id) { ... on Problem { ideas(first: 1) { totalCount } } } }",
            json!({ "id": problem }),
        )
        .await;
    reply
        .assert_ok()
        .data("/node/ideas/totalCount")
        .as_u64()
        .unwrap() as usize
}

async fn nested_statements(backend: Backend) {
    let Some(app) = spawn_app_with(backend, &["--max-complexity", "1000000"]).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let alice = actor(&app, &acme, "alice", "Alice", false).await;
    let mut world = Vec::new();
    let mut counts = Vec::new();
    for (shape, n) in [((2, 2, 2), 2), ((12, 20, 20), 20)] {
        grow(&app, &alice, &mut world, shape).await;
        // Warm up sign-in (its last-seen write is not part of the query).
        app.graphql(Some(&alice.token), "{ viewer { isAdmin } }", json!({}))
            .await
            .assert_ok();
        let variables = json!({ "n": n, "from": "2029-01-01T00:00:00Z" });
        let (reply, statements) = app
            .graphql_counted(Some(&alice.token), PORTAL, variables)
            .await;
        reply.assert_ok();
        let (communities, problems, ideas) = shape;
        let nodes = reply.data("/viewer/memberships/nodes").as_array().unwrap();
        assert_eq!(nodes.len(), communities, "{:#}", reply.body);
        for node in nodes {
            let c = &node["community"];
            assert_eq!(c["problems"]["totalCount"], json!(problems));
            let page: &Vec<Value> = c["problems"]["nodes"].as_array().unwrap();
            assert_eq!(page.len(), problems.min(n));
            for p in page {
                assert_eq!(p["ideas"]["totalCount"], json!(ideas));
                assert_eq!(p["ideas"]["nodes"].as_array().unwrap().len(), ideas.min(n));
            }
            assert_eq!(c["events"]["nodes"].as_array().unwrap().len(), 1);
            assert_eq!(c["articles"]["nodes"].as_array().unwrap().len(), 1);
            assert_eq!(c["members"]["totalCount"], json!(1));
        }
        counts.push(statements);
    }
    eprintln!(
        "nested portal statements ({:?}) with 2x2x2 (pages of 2) and 12x20x20 (pages of 20): \
         {counts:?}",
        app.backend
    );
    // The memberships page, one batch of communities, then one statement per nested page and
    // one per COUNT, whatever the number of parents. A loader batch splits in two when some of
    // its keys arrive after its 1 ms window (a busy machine), hence the slack of two; one
    // statement per parent would add hundreds (558 against 26 before nested connections were
    // batched, on SQLite).
    assert!(
        counts[1] <= counts[0] + 2,
        "statements grew with the number of parents: {counts:?}"
    );
}
db_test!(nested_statements_do_not_grow, nested_statements);
