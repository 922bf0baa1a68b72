//! The batched nested connections answer exactly what each parent's list answers on its own.
//! Gina (globex) reads her memberships with every community's problems, their ideas and
//! replies, events, articles and members, all nested; each page is compared with the same
//! connection read alone through `node(id:)`, its `endCursor` is followed with `after` for the
//! second page (read per parent), and both pages together are compared with the lists the
//! test wrote (newest or oldest first, as each list is ordered). What she must not see —
//! deploy-guild, which globex withdrew from; platform-circle, acme's HOST_ONLY community; bob's
//! draft — never appears.

use super::{create_article, create_event, ok};
use crate::common::*;
use crate::federation_journey::{accept_invitation, create_community, invite, join, mutate, s};
use crate::knowledge_journey::client::{contribute, post_problem};
use crate::knowledge_journey::World;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

const PAGE: &str = "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }";
const FROM: &str = "2029-01-01T00:00:00Z";

fn replies() -> String {
    format!("replies(first: 1) {{ {PAGE} nodes {{ id body }} }}")
}
fn ideas(nested: bool) -> String {
    let inner = if nested { replies() } else { String::new() };
    format!("ideas(first: 2) {{ {PAGE} nodes {{ id body {inner} }} }}")
}
fn problems(nested: bool) -> String {
    let inner = if nested { ideas(true) } else { String::new() };
    format!("problems(first: 2) {{ {PAGE} nodes {{ id title {inner} }} }}")
}
fn events() -> String {
    format!("events(first: 2, from: $from) {{ {PAGE} nodes {{ id title }} }}")
}
fn articles() -> String {
    format!("articles(first: 2) {{ {PAGE} nodes {{ id title state }} }}")
}
fn members() -> String {
    format!("members(first: 2) {{ {PAGE} nodes {{ id status }} }}")
}
fn participants() -> String {
    format!("participants(first: 1) {{ {PAGE} nodes {{ id status }} }}")
}
fn applications() -> String {
    format!("applications(first: 2) {{ {PAGE} nodes {{ id }} }}")
}

/// What the test wrote: each list in the order it is listed.
#[derive(Default)]
struct Written {
    /// Community -> problems, newest first.
    problems: BTreeMap<String, Vec<String>>,
    /// Problem -> top-level ideas, oldest first.
    ideas: BTreeMap<String, Vec<String>>,
    /// Idea -> replies, oldest first.
    replies: BTreeMap<String, Vec<String>>,
    /// Community -> events from FROM, by start.
    events: BTreeMap<String, Vec<String>>,
    /// Community -> articles gina may read, newest first.
    articles: BTreeMap<String, Vec<String>>,
    /// Ids gina must never see.
    hidden: BTreeSet<String>,
}

/// Three problems in `community`, by `authors` in turn, each with three ideas, the first with
/// two replies.
async fn fill(
    app: &TestApp,
    w: &mut Written,
    community: &str,
    authors: &[&crate::federation_journey::Actor],
) {
    let mut problems = Vec::new();
    for k in 0..3 {
        let who = authors[k % authors.len()];
        let p = post_problem(
            app,
            who,
            community,
            &format!("Problem {k} of {community}"),
            "Body.",
            &[],
            "LOW",
        )
        .await;
        let p_id = s(&p["id"]).to_owned();
        let mut ideas = Vec::new();
        for i in 0..3 {
            let who = authors[(k + i + 1) % authors.len()];
            let idea = contribute(app, who, &p_id, None, &format!("Idea {i} on {k}.")).await;
            ideas.push(s(&idea["id"]).to_owned());
        }
        let mut replies = Vec::new();
        for r in 0..2 {
            let who = authors[r % authors.len()];
            let reply = contribute(app, who, &p_id, Some(&ideas[0]), &format!("Reply {r}.")).await;
            replies.push(s(&reply["id"]).to_owned());
        }
        for idea in &ideas[1..] {
            w.replies.insert(idea.clone(), Vec::new());
        }
        w.replies.insert(ideas[0].clone(), replies);
        w.ideas.insert(p_id.clone(), ideas);
        problems.insert(0, p_id);
    }
    w.problems.insert(community.to_owned(), problems);
}

/// Every `id` in a reply.
fn ids_in(value: &Value, into: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match v {
                    Value::String(id) if key == "id" => {
                        into.insert(id.clone());
                    }
                    _ => ids_in(v, into),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| ids_in(v, into)),
        _ => {}
    }
}

/// A connection with its nested field `field` of every node removed.
fn without(connection: &Value, field: &str) -> Value {
    let mut connection = connection.clone();
    if let Some(nodes) = connection["nodes"].as_array_mut() {
        for node in nodes {
            node.as_object_mut().unwrap().remove(field);
        }
    }
    connection
}

fn node_ids(connection: &Value) -> Vec<String> {
    connection["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| s(&n["id"]).to_owned())
        .collect()
}

/// The connection `field(first: n, after: cursor)` of node `id`, read alone.
async fn alone(
    app: &TestApp,
    token: &str,
    id: &str,
    on: &str,
    field: &str,
    selection: &str,
) -> Value {
    let from = if selection.contains("$from") {
        ", $from: DateTime!"
    } else {
        ""
    };
    let query =
        format!("query($id: ID!{from}) {{ node(id: $id) {{ ... on {on} {{ {selection} }} }} }}");
    let reply = app
        .graphql(Some(token), &query, json!({ "id": id, "from": FROM }))
        .await;
    reply.assert_ok();
    reply.body["data"]["node"][field].clone()
}

/// Checks a first page read nested against the same page read alone and against `expected`
/// (the whole list): the first page, then the second one read after its `endCursor`.
async fn check_pages(
    app: &TestApp,
    token: &str,
    parent: (&str, &str),
    field: &str,
    selection: &str,
    nested: &Value,
    expected: &[String],
) {
    let (id, on) = parent;
    let read_alone = alone(app, token, id, on, field, selection).await;
    assert_eq!(
        nested, &read_alone,
        "{on} {id} {field}: nested and alone differ"
    );
    let size = if field == "replies" { 1 } else { 2 };
    assert_eq!(
        nested["totalCount"],
        json!(expected.len()),
        "{on} {id} {field}"
    );
    let first = node_ids(nested);
    assert_eq!(
        first,
        expected[..expected.len().min(size)],
        "{on} {id} {field}"
    );
    assert_eq!(
        nested["pageInfo"]["hasNextPage"],
        json!(expected.len() > size)
    );
    assert_eq!(nested["pageInfo"]["hasPreviousPage"], json!(false));
    if expected.len() > size {
        let cursor = s(&nested["pageInfo"]["endCursor"]);
        let after = selection.replacen("(first: ", &format!("(after: \"{cursor}\", first: "), 1);
        let second = alone(app, token, id, on, field, &after).await;
        assert_eq!(second["pageInfo"]["hasPreviousPage"], json!(true));
        let mut both = first.clone();
        both.extend(node_ids(&second));
        let upto = expected.len().min(2 * size);
        assert_eq!(both, expected[..upto], "{on} {id} {field}: the second page");
    }
}

async fn nested_equivalence(backend: Backend) {
    let Some(app) = spawn_app_with(backend, &["--max-complexity", "1000000"]).await else {
        return;
    };
    let w = World::new(&app).await;
    let mut written = Written::default();
    let guild = w.guild_id.clone();

    // ops-guild: acme's, federated to globex, gina a member. deploy-guild: the same until
    // globex withdraws. lounge: globex's own, gina its coordinator.
    let mut communities = Vec::new();
    for slug in ["ops-guild", "deploy-guild"] {
        let c = create_community(&app, &w.ann, json!({ "slug": slug, "name": slug })).await;
        let id = s(&c["id"]).to_owned();
        let p = invite(&app, &w.ann, &id, &w.globex_id, "PARTICIPATE").await;
        accept_invitation(&app, &w.gail, s(&p["id"]), &w.gina.id).await;
        for who in [&w.bob, &w.gina] {
            join(&app, who, &id).await;
        }
        communities.push((id, s(&p["id"]).to_owned()));
    }
    let (ops, _) = communities[0].clone();
    let (deploy, deploy_participation) = communities[1].clone();
    let c = create_community(&app, &w.gina, json!({ "slug": "lounge", "name": "Lounge" })).await;
    let lounge = s(&c["id"]).to_owned();

    fill(&app, &mut written, &guild, &[&w.bob, &w.gina, &w.gus]).await;
    fill(&app, &mut written, &ops, &[&w.gina, &w.bob]).await;
    fill(&app, &mut written, &lounge, &[&w.gina]).await;
    fill(&app, &mut written, &deploy, &[&w.bob, &w.gina]).await;
    fill(&app, &mut written, &w.circle_id, &[&w.ann]).await;

    // Events of build-guild from FROM by start (one before it), one in ops-guild.
    let mut starts = Vec::new();
    for (title, day) in [
        ("March", "2029-03-01"),
        ("February", "2029-02-01"),
        ("April", "2029-04-01"),
    ] {
        starts.push((day, create_event(&app, &w.ann, &guild, title, day).await));
    }
    create_event(&app, &w.ann, &guild, "Before", "2028-06-01").await;
    starts.sort();
    written.events.insert(
        guild.clone(),
        starts.into_iter().map(|(_, id)| id).collect(),
    );
    let ops_event = create_event(&app, &w.ann, &ops, "Ops call", "2029-05-01").await;
    written.events.insert(ops.clone(), vec![ops_event]);
    written.events.insert(lounge.clone(), Vec::new());

    // Articles of build-guild: two published by ann, bob's draft (hidden), gina's draft.
    let a1 = create_article(&app, &w.ann, &guild, "First notes").await;
    let bob_draft = create_article(&app, &w.bob, &guild, "Bob's notes").await;
    let gina_draft = create_article(&app, &w.gina, &guild, "Gina's notes").await;
    let a2 = create_article(&app, &w.ann, &guild, "Second notes").await;
    for article in [&a1, &a2] {
        let input = json!({ "articleId": article, "state": "PUBLISHED" });
        ok(&app, &w.ann, "setArticleState", input, "article { id }").await;
    }
    written
        .articles
        .insert(guild.clone(), vec![a2, gina_draft, a1]);
    written.articles.insert(ops.clone(), Vec::new());
    written.articles.insert(lounge.clone(), Vec::new());
    written.hidden.insert(bob_draft);

    // globex leaves deploy-guild: its content is no longer live for gina.
    let reply = mutate(
        &app,
        Some(&w.gail.token),
        "withdrawOrganization",
        json!({ "participationId": deploy_participation }),
        "participation { status }",
    )
    .await;
    assert_eq!(
        reply
            .assert_ok()
            .data("/withdrawOrganization/participation/status"),
        "LEFT"
    );
    for hidden_community in [&deploy, &w.circle_id] {
        let problems = written.problems.remove(hidden_community.as_str()).unwrap();
        for p in problems {
            for i in written.ideas.remove(&p).unwrap() {
                written.hidden.extend(written.replies.remove(&i).unwrap());
                written.hidden.insert(i);
            }
            written.hidden.insert(p);
        }
    }

    let query = format!(
        "query($from: DateTime!) {{ viewer {{ memberships(first: 50) {{ nodes {{ status community {{ id {} }} }} }} }} }}",
        [
            problems(true),
            events(),
            articles(),
            members(),
            participants(),
            applications(),
        ]
        .join(" ")
    );
    let reply = app
        .graphql(Some(&w.gina.token), &query, json!({ "from": FROM }))
        .await;
    reply.assert_ok();
    let mut seen = BTreeSet::new();
    ids_in(&reply.body, &mut seen);
    let leaked: Vec<&String> = seen.intersection(&written.hidden).collect();
    assert!(leaked.is_empty(), "gina sees rows she may not: {leaked:?}");

    let token = w.gina.token.clone();
    let mut checked = BTreeSet::new();
    for membership in reply.data("/viewer/memberships/nodes").as_array().unwrap() {
        let community = &membership["community"];
        if community.is_null() {
            continue;
        }
        let c_id = s(&community["id"]).to_owned();
        let parent = (c_id.as_str(), "Community");
        let expected_problems = written.problems.get(&c_id).cloned().unwrap_or_default();
        let first_problems = without(&community["problems"], "ideas");
        let selection = problems(false);
        check_pages(
            &app,
            &token,
            parent,
            "problems",
            &selection,
            &first_problems,
            &expected_problems,
        )
        .await;
        for (field, selection, expected) in [
            ("events", events(), &written.events),
            ("articles", articles(), &written.articles),
        ] {
            let list = expected.get(&c_id).cloned().unwrap_or_default();
            check_pages(
                &app,
                &token,
                parent,
                field,
                &selection,
                &community[field],
                &list,
            )
            .await;
        }
        for (field, selection) in [
            ("members", members()),
            ("participants", participants()),
            ("applications", applications()),
        ] {
            let read_alone = alone(&app, &token, &c_id, "Community", field, &selection).await;
            assert_eq!(community[field], read_alone, "{field} of {c_id}");
        }
        for problem in community["problems"]["nodes"].as_array().unwrap() {
            let p_id = s(&problem["id"]).to_owned();
            let ideas_alone = without(&problem["ideas"], "replies");
            let expected = written.ideas[&p_id].clone();
            check_pages(
                &app,
                &token,
                (&p_id, "Problem"),
                "ideas",
                &ideas(false),
                &ideas_alone,
                &expected,
            )
            .await;
            for idea in problem["ideas"]["nodes"].as_array().unwrap() {
                let i_id = s(&idea["id"]).to_owned();
                let expected = written.replies[&i_id].clone();
                check_pages(
                    &app,
                    &token,
                    (&i_id, "Idea"),
                    "replies",
                    &replies(),
                    &idea["replies"],
                    &expected,
                )
                .await;
            }
        }
        checked.insert(c_id);
    }
    // Every community live for gina was read (deploy-guild, if she still sees it, with none
    // of its content: its expected lists are empty).
    let live: BTreeSet<String> = [guild, ops, lounge].into_iter().collect();
    assert!(live.is_subset(&checked), "{checked:?}");
    checked.remove(&deploy);
    assert_eq!(checked, live);
}
db_test!(
    nested_connections_equal_their_parents_lists,
    nested_equivalence
);
