//! The knowledge journey's requests: the selections problems and ideas are read with, their
//! mutations, problem and idea lists followed page by page, and search.

use crate::common::*;
use crate::federation_journey::{done, mutate, node, node_reply, refusal, s, Actor};
use serde_json::{json, Value};

pub(crate) const PROBLEM: &str = "id title body tags urgency state createdAt solvedAt \
    timeToSolutionSeconds closedAt ideaCount followerCount viewerFollows community { id } \
    author { id displayName email } authorOrganization { id name } solution { id }";
pub(crate) const IDEA: &str = "id body revision editedAt createdAt editableUntil \
    endorsementCount viewerEndorsed accepted acceptedAt replyCount parent { id } \
    problem { id state } author { id displayName email } authorOrganization { id name } \
    history { number body }";

/// Signs a person in (created on the first request) with a name and an email claim.
pub(crate) async fn person(
    app: &TestApp,
    org: &OrgFixture,
    sub: &str,
    name: &str,
    admin: bool,
) -> Actor {
    let mut extra = json!({ "name": name, "email": format!("{sub}@{}.example", org.slug) });
    if admin {
        extra["roles"] = json!(["admin"]);
    }
    let token = org.token(sub, extra);
    let reply = app
        .graphql(Some(&token), "{ viewer { person { id } } }", json!({}))
        .await;
    let id = s(reply.assert_ok().data("/viewer/person/id")).to_owned();
    Actor {
        token,
        id,
        name: name.to_owned(),
        org: org.slug.clone(),
    }
}

/// The email `person` gave someone (their sub is the first word of their name, lowercased).
pub(crate) fn email_of(who: &Actor) -> String {
    let sub = who.name.split(' ').next().unwrap().to_lowercase();
    format!("{sub}@{}.example", who.org)
}

/// Asserts a mutation was refused with exactly `code` (top-level or a user error) and
/// returned no object.
#[track_caller]
pub(crate) fn assert_refused(reply: &Reply, field: &str, object: &str, code: &str, what: &str) {
    assert_eq!(
        refusal(reply, field),
        [code],
        "{what}: {field} must be refused with {code}: {:#}",
        reply.body
    );
    assert!(
        reply.data(&format!("/{field}/{object}")).is_null(),
        "{what}: a refused {field} returns no {object}: {:#}",
        reply.body
    );
}

pub(crate) async fn post_problem_reply(app: &TestApp, who: &Actor, input: Value) -> Reply {
    mutate(
        app,
        Some(&who.token),
        "postProblem",
        input,
        &format!("problem {{ {PROBLEM} }}"),
    )
    .await
}

/// Posts a problem, which must succeed.
pub(crate) async fn post_problem(
    app: &TestApp,
    who: &Actor,
    community: &str,
    title: &str,
    body: &str,
    tags: &[&str],
    urgency: &str,
) -> Value {
    let reply = post_problem_reply(
        app,
        who,
        json!({ "communityId": community, "title": title, "body": body, "tags": tags, "urgency": urgency }),
    )
    .await;
    done(&reply, "postProblem")["problem"].clone()
}

/// `closeProblem`, `reopenProblem`, `followProblem`, `unfollowProblem` or `updateProblem`
/// (with `fields`) on one problem.
pub(crate) async fn problem_change_reply(
    app: &TestApp,
    who: &Actor,
    field: &str,
    id: &str,
    fields: Value,
) -> Reply {
    let mut input = json!({ "id": id });
    if let Value::Object(fields) = fields {
        for (key, value) in fields {
            input[key] = value;
        }
    }
    mutate(
        app,
        Some(&who.token),
        field,
        input,
        &format!("problem {{ {PROBLEM} }}"),
    )
    .await
}

/// A change to a problem that must succeed.
pub(crate) async fn problem_change(
    app: &TestApp,
    who: &Actor,
    field: &str,
    id: &str,
    fields: Value,
) -> Value {
    let reply = problem_change_reply(app, who, field, id, fields).await;
    done(&reply, field)["problem"].clone()
}

pub(crate) async fn accept_solution_reply(
    app: &TestApp,
    who: &Actor,
    problem: &str,
    ideas: &[&str],
) -> Reply {
    mutate(
        app,
        Some(&who.token),
        "acceptSolution",
        json!({ "problemId": problem, "ideaIds": ideas }),
        &format!("problem {{ {PROBLEM} }}"),
    )
    .await
}

pub(crate) async fn accept_solution(
    app: &TestApp,
    who: &Actor,
    problem: &str,
    ideas: &[&str],
) -> Value {
    let reply = accept_solution_reply(app, who, problem, ideas).await;
    done(&reply, "acceptSolution")["problem"].clone()
}

pub(crate) async fn contribute_reply(
    app: &TestApp,
    who: &Actor,
    problem: &str,
    parent: Option<&str>,
    body: &str,
) -> Reply {
    mutate(
        app,
        Some(&who.token),
        "contributeIdea",
        json!({ "problemId": problem, "parentIdeaId": parent, "body": body }),
        &format!("idea {{ {IDEA} }}"),
    )
    .await
}

/// Contributes an idea (or a reply), which must succeed.
pub(crate) async fn contribute(
    app: &TestApp,
    who: &Actor,
    problem: &str,
    parent: Option<&str>,
    body: &str,
) -> Value {
    let reply = contribute_reply(app, who, problem, parent, body).await;
    done(&reply, "contributeIdea")["idea"].clone()
}

/// `endorseIdea` or `withdrawEndorsement`.
pub(crate) async fn idea_change_reply(app: &TestApp, who: &Actor, field: &str, id: &str) -> Reply {
    mutate(
        app,
        Some(&who.token),
        field,
        json!({ "id": id }),
        &format!("idea {{ {IDEA} }}"),
    )
    .await
}

pub(crate) async fn idea_change(app: &TestApp, who: &Actor, field: &str, id: &str) -> Value {
    let reply = idea_change_reply(app, who, field, id).await;
    done(&reply, field)["idea"].clone()
}

pub(crate) async fn edit_idea_reply(app: &TestApp, who: &Actor, id: &str, body: &str) -> Reply {
    mutate(
        app,
        Some(&who.token),
        "editIdea",
        json!({ "id": id, "body": body }),
        &format!("idea {{ {IDEA} }}"),
    )
    .await
}

/// A problem the viewer must see.
pub(crate) async fn problem(app: &TestApp, who: &Actor, id: &str) -> Value {
    node(app, &who.token, id, "Problem", PROBLEM).await
}

/// An idea the viewer must see.
pub(crate) async fn idea(app: &TestApp, who: &Actor, id: &str) -> Value {
    node(app, &who.token, id, "Idea", IDEA).await
}

/// Asserts the viewer may not see a node: NOT_FOUND, and nothing of it in `data`.
#[track_caller]
pub(crate) fn assert_not_found(reply: &Reply, what: &str) {
    assert_eq!(reply.codes(), ["NOT_FOUND"], "{what}: {:#}", reply.body);
    assert!(reply.data("/node").is_null(), "{what}: {:#}", reply.body);
}

pub(crate) async fn node_of(app: &TestApp, who: &Actor, id: &str, typename: &str) -> Reply {
    node_reply(app, &who.token, id, typename, "id").await
}
