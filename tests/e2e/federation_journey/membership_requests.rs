//! The journey's requests on memberships: joining, adding, roles, approvals, and the member
//! lists a coordinator or an organization's admin reads.

use super::client::{done, ids, mutate, node, s, Actor, MEMBERSHIP};
use crate::common::*;
use serde_json::{json, Value};
use std::collections::BTreeSet;

pub(crate) async fn join_reply(app: &TestApp, who: &Actor, community: &str) -> Reply {
    mutate(
        app,
        Some(&who.token),
        "joinCommunity",
        json!({ "communityId": community }),
        &format!("membership {{ {MEMBERSHIP} }}"),
    )
    .await
}

pub(crate) async fn join(app: &TestApp, who: &Actor, community: &str) -> Value {
    let reply = join_reply(app, who, community).await;
    done(&reply, "joinCommunity")["membership"].clone()
}

pub(super) async fn add_member(app: &TestApp, who: &Actor, input: Value) -> Reply {
    mutate(
        app,
        Some(&who.token),
        "addMember",
        input,
        &format!("membership {{ {MEMBERSHIP} }}"),
    )
    .await
}

pub(super) async fn change_role_reply(
    app: &TestApp,
    who: &Actor,
    membership: &str,
    role: Value,
) -> Reply {
    let mut input = json!({ "membershipId": membership });
    for (key, value) in role.as_object().unwrap() {
        input[key] = value.clone();
    }
    mutate(
        app,
        Some(&who.token),
        "changeMemberRole",
        input,
        &format!("membership {{ {MEMBERSHIP} }}"),
    )
    .await
}

pub(super) async fn change_role(
    app: &TestApp,
    who: &Actor,
    membership: &str,
    role: Value,
) -> Value {
    let reply = change_role_reply(app, who, membership, role).await;
    done(&reply, "changeMemberRole")["membership"].clone()
}

pub(super) async fn decide_reply(
    app: &TestApp,
    who: &Actor,
    approvals: &[&str],
    approve: bool,
) -> Reply {
    mutate(
        app,
        Some(&who.token),
        "decideApprovals",
        json!({ "approvalIds": approvals, "approve": approve }),
        "approvals { id kind status decidedBy { id } membership { id status } }",
    )
    .await
}

pub(super) async fn decide(app: &TestApp, who: &Actor, approvals: &[&str], approve: bool) -> Value {
    let reply = decide_reply(app, who, approvals, approve).await;
    done(&reply, "decideApprovals")["approvals"].clone()
}

pub(super) async fn membership(app: &TestApp, who: &Actor, id: &str) -> Value {
    node(app, &who.token, id, "Membership", MEMBERSHIP).await
}

/// The viewer's pending approvals as (membership id, kind).
pub(super) async fn pending_approvals(app: &TestApp, who: &Actor) -> BTreeSet<(String, String)> {
    let reply = app
        .graphql(
            Some(&who.token),
            "{ viewer { pendingApprovals(first: 100) { totalCount nodes { id kind status membership { id status } } } } }",
            json!({}),
        )
        .await;
    reply.assert_ok();
    let nodes = reply
        .data("/viewer/pendingApprovals/nodes")
        .as_array()
        .unwrap();
    assert_eq!(
        reply.data("/viewer/pendingApprovals/totalCount"),
        nodes.len()
    );
    nodes
        .iter()
        .map(|a| {
            assert_eq!(a["status"], "PENDING", "{a:#}");
            assert_eq!(a["membership"]["status"], "PENDING", "{a:#}");
            (
                s(&a["membership"]["id"]).to_owned(),
                s(&a["kind"]).to_owned(),
            )
        })
        .collect()
}

/// The id of a membership's approval of `kind`.
pub(super) fn approval(m: &Value, kind: &str) -> String {
    let found: Vec<&Value> = m["approvals"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == kind)
        .collect();
    assert_eq!(found.len(), 1, "one {kind} approval in {m:#}");
    s(&found[0]["id"]).to_owned()
}

/// The kinds of a membership's approvals that are still pending.
pub(super) fn pending_kinds(m: &Value) -> BTreeSet<String> {
    m["approvals"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["status"] == "PENDING")
        .map(|a| s(&a["kind"]).to_owned())
        .collect()
}

/// Members of a community as a viewer sees them, filtered.
pub(super) async fn members(
    app: &TestApp,
    who: &Actor,
    slug: &str,
    organization: Option<&str>,
    role: Option<&str>,
    status: Option<&str>,
) -> Vec<Value> {
    let reply = app
        .graphql(
            Some(&who.token),
            &format!("query($s: String!, $o: ID, $r: MemberRole, $st: MembershipStatus) {{ community(host: \"acme\", slug: $s) {{ members(organizationId: $o, role: $r, status: $st, first: 100) {{ totalCount nodes {{ {MEMBERSHIP} }} }} }} }}"),
            json!({ "s": slug, "o": organization, "r": role, "st": status }),
        )
        .await;
    reply.assert_ok();
    let nodes = reply
        .data("/community/members/nodes")
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(reply.data("/community/members/totalCount"), nodes.len());
    for m in &nodes {
        if let Some(role) = role {
            assert_eq!(m["role"], role, "role filter: {m:#}");
        }
        if let Some(status) = status {
            assert_eq!(m["status"], status, "status filter: {m:#}");
        }
    }
    nodes
}

pub(super) fn member_ids(nodes: &[Value]) -> BTreeSet<String> {
    nodes.iter().map(|m| s(&m["id"]).to_owned()).collect()
}

/// An organization admin's `externalMemberships`, filtered by status: ids.
pub(super) async fn external_memberships(
    app: &TestApp,
    who: &Actor,
    status: &str,
) -> BTreeSet<String> {
    let reply = app
        .graphql(
            Some(&who.token),
            "query($s: String!, $st: MembershipStatus) { organization(slug: $s) { externalMemberships(status: $st, first: 100) { totalCount nodes { id status } } } }",
            json!({ "s": who.org, "st": status }),
        )
        .await;
    reply.assert_ok();
    let nodes = reply.data("/organization/externalMemberships/nodes");
    for m in nodes.as_array().unwrap() {
        assert_eq!(m["status"], status, "{m:#}");
    }
    ids(nodes)
}
