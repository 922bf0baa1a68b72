//! Talking to the API as one of the journey's people: the selections each type is read
//! with, signing in, running a mutation and reading its payload or why it was refused, reading
//! one node or community. The other federation tests use these too.

use crate::common::*;
use serde_json::{json, Value};
use std::collections::BTreeSet;

pub(crate) const PARTNERSHIP: &str = "id status message inboundPolicy outboundPolicy \
    inboundOverride outboundOverride proposer { slug } recipient { slug } partner { slug } \
    suspendedBy { slug } acceptedAt endedAt";
pub(crate) const COMMUNITY: &str = "id slug name visibility joinRule stage host { slug } \
    viewerCoordinates viewerMembership { id role leadership status }";
pub(crate) const PARTICIPATION: &str = "id tier status invitedAt expiresAt acceptedAt endedAt \
    organization { slug } community { id slug } sponsor { id }";
pub(crate) const MEMBERSHIP: &str = "id role leadership status joinedAt person { id } \
    organization { slug } community { slug } approvals { id kind status }";

/// The partner policies.
pub(super) const ALLOWED: &str = "ALLOWED";
pub(super) const APPROVAL: &str = "APPROVAL_REQUIRED";
pub(super) const BLOCKED: &str = "BLOCKED";

/// A signed-in person: their token, global id, display name and organization slug.
#[derive(Clone)]
pub(crate) struct Actor {
    pub token: String,
    pub id: String,
    pub name: String,
    pub org: String,
}

/// Signs a person in (people are created on their first request) with a display name.
pub(crate) async fn actor(
    app: &TestApp,
    org: &OrgFixture,
    sub: &str,
    name: &str,
    admin: bool,
) -> Actor {
    let mut extra = json!({ "name": name });
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

/// A string JSON value.
pub(crate) fn s(value: &Value) -> &str {
    value
        .as_str()
        .unwrap_or_else(|| panic!("not a string: {value}"))
}

/// The global id of an organization (read as the operator).
pub(crate) async fn org_id(app: &TestApp, slug: &str) -> String {
    let reply = app
        .graphql(
            Some(&app.operator_token()),
            "query($s: String!) { organization(slug: $s) { id } }",
            json!({ "s": slug }),
        )
        .await;
    s(reply.assert_ok().data("/organization/id")).to_owned()
}

/// The GraphQL input type of a mutation (schema.graphql).
pub(crate) fn input_type(field: &str) -> String {
    match field {
        "acceptPartnership" | "declinePartnership" | "suspendPartnership" | "resumePartnership"
        | "endPartnership" => "PartnershipRefInput".to_owned(),
        "declineInvitation" | "removeOrganization" | "withdrawOrganization" => {
            "ParticipationRefInput".to_owned()
        }
        "joinCommunity" | "leaveCommunity" => "CommunityRefInput".to_owned(),
        "removeMember" => "MembershipRefInput".to_owned(),
        "disableOrganization" | "enableOrganization" => "OrganizationRefInput".to_owned(),
        "closeProblem" | "reopenProblem" | "followProblem" | "unfollowProblem" => {
            "ProblemRefInput".to_owned()
        }
        "endorseIdea" | "withdrawEndorsement" => "IdeaRefInput".to_owned(),
        _ => {
            let mut chars = field.chars();
            let first = chars.next().unwrap().to_ascii_uppercase();
            format!("{first}{}Input", chars.as_str())
        }
    }
}

/// Runs mutation `field` with `input`, selecting `selection` and `userErrors`.
pub(crate) async fn mutate(
    app: &TestApp,
    token: Option<&str>,
    field: &str,
    input: Value,
    selection: &str,
) -> Reply {
    let query = format!(
        "mutation($input: {}!) {{ {field}(input: $input) {{ {selection} userErrors {{ field code message }} }} }}",
        input_type(field)
    );
    app.graphql(token, &query, json!({ "input": input })).await
}

/// The payload of a mutation that must have succeeded.
pub(crate) fn done(reply: &Reply, field: &str) -> Value {
    assert!(
        reply.errors().is_empty(),
        "{field}: unexpected errors: {:#}",
        reply.body
    );
    let payload = reply.data(&format!("/{field}"));
    assert_eq!(
        payload["userErrors"],
        json!([]),
        "{field}: unexpected userErrors: {:#}",
        reply.body
    );
    payload.clone()
}

/// Why a mutation was refused: the top-level error codes, then the `userErrors` codes.
pub(crate) fn refusal(reply: &Reply, field: &str) -> Vec<String> {
    let mut codes = reply.codes();
    if let Some(errors) = reply.data(&format!("/{field}/userErrors")).as_array() {
        codes.extend(
            errors
                .iter()
                .map(|e| e["code"].as_str().unwrap_or("<none>").to_owned()),
        );
    }
    codes
}

/// `node(id:)` as one type; the reply, to check errors.
pub(crate) async fn node_reply(
    app: &TestApp,
    token: &str,
    id: &str,
    typename: &str,
    fields: &str,
) -> Reply {
    app.graphql(
        Some(token),
        &format!("query($id: ID!) {{ node(id: $id) {{ ... on {typename} {{ {fields} }} }} }}"),
        json!({ "id": id }),
    )
    .await
}

/// `node(id:)` as one type, which must be visible.
pub(crate) async fn node(
    app: &TestApp,
    token: &str,
    id: &str,
    typename: &str,
    fields: &str,
) -> Value {
    let reply = node_reply(app, token, id, typename, fields).await;
    reply.assert_ok();
    reply.data("/node").clone()
}

/// `community(host:, slug:)`; the reply, to check errors.
pub(crate) async fn community(app: &TestApp, token: &str, host: &str, slug: &str) -> Reply {
    app.graphql(
        Some(token),
        &format!(
            "query($h: String!, $s: String!) {{ community(host: $h, slug: $s) {{ {COMMUNITY} }} }}"
        ),
        json!({ "h": host, "s": slug }),
    )
    .await
}

/// The ids of a list of nodes.
pub(crate) fn ids(nodes: &Value) -> BTreeSet<String> {
    nodes
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {nodes}"))
        .iter()
        .map(|n| s(&n["id"]).to_owned())
        .collect()
}

/// The id of a node.
pub(super) fn id(node: &Value) -> String {
    s(&node["id"]).to_owned()
}

/// A set of strings.
pub(super) fn set<S: AsRef<str>>(items: &[S]) -> BTreeSet<String> {
    items.iter().map(|i| i.as_ref().to_owned()).collect()
}
