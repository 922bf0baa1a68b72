//! How many SQL statements a portal query of a community's problems runs, with 2 problems
//! and with 8 (like `api_conventions::portal_statements_bounded`): the loaders batch authors,
//! organizations, solutions, follows and endorsements across the page, and the nested
//! `ideas` connections of every problem are read in one statement (the sibling loader), so
//! nothing grows with the number of problems.

use super::client::{accept_solution, contribute, idea_change, post_problem};
use super::World;
use crate::common::*;
use crate::federation_journey::{accept_invitation, create_community, invite, join, s};
use serde_json::{json, Value};

const WITH_IDEAS: &str = "query($s: String!) { community(host: \"acme\", slug: $s) { problems(first: 10) { nodes { author { displayName } authorOrganization { name } ideas(first: 5) { nodes { author { displayName } endorsementCount viewerEndorsed } } solution { id } viewerFollows } } } }";
const WITHOUT_IDEAS: &str = "query($s: String!) { community(host: \"acme\", slug: $s) { problems(first: 10) { nodes { author { displayName } authorOrganization { name } solution { id } viewerFollows } } } }";

/// A loader batch can split in two when some keys arrive after its window (1 ms), so counts
/// may differ by a statement or two between runs.
const SLACK: usize = 2;

/// `n` problems in a community, alternately by bob (acme) and gina (globex), each with two
/// ideas by the other organization's people, the first endorsed by ann; every other one
/// solved.
async fn fill(w: &World<'_>, community: &str, n: usize) {
    let app = w.app;
    for k in 0..n {
        let (author, helpers) = if k % 2 == 0 {
            (&w.bob, [&w.gina, &w.gus])
        } else {
            (&w.gina, [&w.bob, &w.dan])
        };
        let p = post_problem(
            app,
            author,
            community,
            &format!("Problem {k}"),
            "Body.",
            &[],
            "LOW",
        )
        .await;
        let p_id = s(&p["id"]);
        let mut ideas = Vec::new();
        for helper in helpers {
            let i = contribute(app, helper, p_id, None, &format!("Idea on {k}.")).await;
            ideas.push(s(&i["id"]).to_owned());
        }
        idea_change(app, &w.ann, "endorseIdea", &ideas[0]).await;
        if k % 2 == 0 {
            accept_solution(app, author, p_id, &[&ideas[0]]).await;
        }
    }
}

/// Runs `query` on a community as ann and counts its statements, after checking the reply.
async fn counted(w: &World<'_>, query: &str, slug: &str, problems: usize) -> usize {
    let app = w.app;
    // Warm up sign-in (its last-seen write is not part of the query).
    app.graphql(Some(&w.ann.token), "{ viewer { isAdmin } }", json!({}))
        .await
        .assert_ok();
    let (reply, statements) = app
        .graphql_counted(Some(&w.ann.token), query, json!({ "s": slug }))
        .await;
    reply.assert_ok();
    let nodes = reply.data("/community/problems/nodes").as_array().unwrap();
    assert_eq!(nodes.len(), problems, "{:#}", reply.body);
    for (k, node) in nodes.iter().rev().enumerate() {
        assert!(node["author"]["displayName"].is_string(), "{node:#}");
        assert!(node["authorOrganization"]["name"].is_string(), "{node:#}");
        assert_eq!(
            node["solution"].as_array().unwrap().len(),
            usize::from(k % 2 == 0),
            "{node:#}"
        );
        if let Some(ideas) = node["ideas"]["nodes"].as_array() {
            let endorsed: Vec<&Value> = ideas.iter().map(|i| &i["viewerEndorsed"]).collect();
            assert_eq!(endorsed, [&json!(true), &json!(false)], "{node:#}");
            assert_eq!(ideas[0]["endorsementCount"], 1);
            assert!(ideas[1]["author"]["displayName"].is_string());
        }
    }
    statements
}

async fn knowledge_statements(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let w = World::new(&app).await;
    // deploy-guild: like build-guild, federated to globex, bob and gina members.
    let c = create_community(
        &app,
        &w.ann,
        json!({ "slug": "deploy-guild", "name": "Deploy Guild" }),
    )
    .await;
    let deploy_id = s(&c["id"]).to_owned();
    let p = invite(&app, &w.ann, &deploy_id, &w.globex_id, "PARTICIPATE").await;
    accept_invitation(&app, &w.gail, s(&p["id"]), &w.gina.id).await;
    for who in [&w.bob, &w.dan, &w.gina, &w.gus] {
        join(&app, who, &deploy_id).await;
    }
    fill(&w, &w.guild_id, 2).await;
    fill(&w, &deploy_id, 8).await;

    let with_ideas = [
        counted(&w, WITH_IDEAS, "build-guild", 2).await,
        counted(&w, WITH_IDEAS, "deploy-guild", 8).await,
    ];
    let without_ideas = [
        counted(&w, WITHOUT_IDEAS, "build-guild", 2).await,
        counted(&w, WITHOUT_IDEAS, "deploy-guild", 8).await,
    ];
    eprintln!(
        "problems portal statements ({:?}) with 2 and 8 problems: with ideas {with_ideas:?}, \
         without {without_ideas:?}",
        app.backend
    );
    // One statement per problem would add six.
    for counts in [with_ideas, without_ideas] {
        assert!(
            counts[1] <= counts[0] + SLACK,
            "statements grew with the number of problems: with ideas {with_ideas:?}, \
             without {without_ideas:?}"
        );
    }
}
db_test!(knowledge_statements, knowledge_statements);
