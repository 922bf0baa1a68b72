//! The federation journey, end to end through GraphQL: acme hosts, globex and initech are its
//! partners. Partnerships, policies (defaults, per-partner overrides, every inbound × outbound
//! combination), a federated community, invitations, joins, approvals, role changes,
//! suspension, ending and re-forming a partnership, a disabled organization, offboarding — and
//! after each step the audit log of every organization. Every expectation comes from
//! docs/FEDERATION.md, not from the code.

use crate::common::*;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::Duration;

pub(crate) const PARTNERSHIP: &str = "id status message inboundPolicy outboundPolicy \
    inboundOverride outboundOverride proposer { slug } recipient { slug } partner { slug } \
    suspendedBy { slug } acceptedAt endedAt";
pub(crate) const COMMUNITY: &str = "id slug name visibility joinRule stage host { slug } \
    viewerCoordinates viewerMembership { id role leadership status }";
pub(crate) const PARTICIPATION: &str = "id tier status invitedAt expiresAt acceptedAt endedAt \
    organization { slug } community { id slug } sponsor { id }";
pub(crate) const MEMBERSHIP: &str = "id role leadership status joinedAt person { id } \
    organization { slug } community { slug } approvals { id kind status }";
const AUDIT: &str = "id action occurredAt actorName actor { id } actorOrganization { slug } \
    organization { slug } otherOrganization { slug } community { slug } targetId before after";

const ALLOWED: &str = "ALLOWED";
const APPROVAL: &str = "APPROVAL_REQUIRED";
const BLOCKED: &str = "BLOCKED";

/// A signed-in person: their token, global id, display name and organization slug.
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

thread_local! {
    /// Refusals with a code other than the rules give, collected so that one wrong code does
    /// not hide the rest of a test; `assert_no_findings` fails the test at its end.
    static FINDINGS: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Asserts a mutation was refused with exactly one of `allowed` codes. A mutation that was not
/// refused fails at once; one refused with another code is a finding (the state is the same
/// either way), reported by `assert_no_findings`.
#[track_caller]
pub(crate) fn assert_refused(reply: &Reply, field: &str, allowed: &[&str], what: &str) {
    let codes = refusal(reply, field);
    assert!(
        !codes.is_empty(),
        "{what}: must be refused (expected {allowed:?}): {:#}",
        reply.body
    );
    if !(codes.len() == 1 && allowed.contains(&codes[0].as_str())) {
        let finding = format!(
            "{}: {what}: {field} expected one of {allowed:?}, got {codes:?} ({})",
            std::panic::Location::caller(),
            reply.errors().first().map_or_else(
                || reply
                    .data(&format!("/{field}/userErrors/0/message"))
                    .to_string(),
                |e| e["message"].to_string()
            )
        );
        eprintln!("FINDING {finding}");
        FINDINGS.with(|f| f.borrow_mut().push(finding));
    }
}

/// Records a finding unless a query failed with exactly `expected` codes.
#[track_caller]
pub(crate) fn expect_codes(reply: &Reply, expected: &[&str], what: &str) {
    if reply.codes() != expected {
        let finding = format!(
            "{}: {what}: expected {expected:?}, got {:?}: {}",
            std::panic::Location::caller(),
            reply.codes(),
            reply.body
        );
        eprintln!("FINDING {finding}");
        FINDINGS.with(|f| f.borrow_mut().push(finding));
    }
}

/// Like `assert_refused`, but a mutation let through is a finding too (for the last checks of
/// a test, after which a changed world no longer matters).
#[track_caller]
pub(crate) fn expect_refused(reply: &Reply, field: &str, allowed: &[&str], what: &str) {
    if refusal(reply, field).is_empty() {
        let finding = format!(
            "{}: {what}: {field} expected one of {allowed:?}, was let through: {}",
            std::panic::Location::caller(),
            reply.body
        );
        eprintln!("FINDING {finding}");
        FINDINGS.with(|f| f.borrow_mut().push(finding));
    } else {
        assert_refused(reply, field, allowed, what);
    }
}

/// Records a disagreement with the rules, reported by `assert_no_findings`.
pub(crate) fn record_finding(finding: String) {
    eprintln!("FINDING {finding}");
    FINDINGS.with(|f| f.borrow_mut().push(finding));
}

/// Fails when `assert_refused` collected findings (the test body runs on the test's thread).
pub(crate) fn assert_no_findings() {
    let findings = FINDINGS.with(|f| std::mem::take(&mut *f.borrow_mut()));
    assert!(
        findings.is_empty(),
        "disagreements with docs/FEDERATION.md:\n{}",
        findings.join("\n")
    );
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

fn set<S: AsRef<str>>(items: &[S]) -> BTreeSet<String> {
    items.iter().map(|i| i.as_ref().to_owned()).collect()
}

fn sorted(items: &[&str]) -> Vec<String> {
    let mut items: Vec<String> = items.iter().map(|i| (*i).to_owned()).collect();
    items.sort();
    items
}

/// A moment between two steps, well apart from the events of either.
async fn instant() -> String {
    tokio::time::sleep(Duration::from_millis(50)).await;
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
    tokio::time::sleep(Duration::from_millis(50)).await;
    now
}

// ---------------------------------------------------------------- the mutations of the journey

async fn propose(app: &TestApp, who: &Actor, partner: &str, message: &str) -> Value {
    let reply = mutate(
        app,
        Some(&who.token),
        "proposePartnership",
        json!({ "partnerSlug": partner, "message": message }),
        &format!("partnership {{ {PARTNERSHIP} }}"),
    )
    .await;
    done(&reply, "proposePartnership")["partnership"].clone()
}

/// `acceptPartnership`, `suspendPartnership`, ... on one partnership, which must succeed.
async fn partnership_change(app: &TestApp, who: &Actor, field: &str, id: &str) -> Value {
    let reply = partnership_change_reply(app, who, field, id).await;
    done(&reply, field)["partnership"].clone()
}

async fn partnership_change_reply(app: &TestApp, who: &Actor, field: &str, id: &str) -> Reply {
    mutate(
        app,
        Some(&who.token),
        field,
        json!({ "partnershipId": id }),
        &format!("partnership {{ {PARTNERSHIP} }}"),
    )
    .await
}

async fn partnership(app: &TestApp, who: &Actor, id: &str) -> Value {
    node(app, &who.token, id, "Partnership", PARTNERSHIP).await
}

/// Partnerships listed by an organization's admin.
async fn partnerships(app: &TestApp, who: &Actor, slug: &str) -> Reply {
    app.graphql(
        Some(&who.token),
        &format!("query($s: String!) {{ organization(slug: $s) {{ partnerships(first: 50) {{ totalCount nodes {{ {PARTNERSHIP} }} }} }} }}"),
        json!({ "s": slug }),
    )
    .await
}

async fn set_policy(app: &TestApp, who: &Actor, id: &str, fields: Value) -> Value {
    let mut input = json!({ "partnershipId": id });
    for (key, value) in fields.as_object().unwrap() {
        input[key] = value.clone();
    }
    let reply = mutate(
        app,
        Some(&who.token),
        "setPartnerPolicy",
        input,
        &format!("partnership {{ {PARTNERSHIP} }}"),
    )
    .await;
    done(&reply, "setPartnerPolicy")["partnership"].clone()
}

async fn set_defaults(app: &TestApp, who: &Actor, organization_id: &str, fields: Value) -> Value {
    let mut input = json!({ "organizationId": organization_id });
    for (key, value) in fields.as_object().unwrap() {
        input[key] = value.clone();
    }
    let reply = mutate(
        app,
        Some(&who.token),
        "setPartnerPolicyDefaults",
        input,
        "defaults { inbound outbound }",
    )
    .await;
    done(&reply, "setPartnerPolicyDefaults")["defaults"].clone()
}

/// The viewer's side of a partnership: effective policies and overrides.
#[track_caller]
fn assert_policy(
    p: &Value,
    inbound: &str,
    outbound: &str,
    inbound_override: Option<&str>,
    outbound_override: Option<&str>,
    what: &str,
) {
    assert_eq!(
        p["inboundPolicy"], inbound,
        "{what}: inboundPolicy of {p:#}"
    );
    assert_eq!(
        p["outboundPolicy"], outbound,
        "{what}: outboundPolicy of {p:#}"
    );
    assert_eq!(
        p["inboundOverride"],
        inbound_override.map_or(Value::Null, Value::from),
        "{what}: inboundOverride of {p:#}"
    );
    assert_eq!(
        p["outboundOverride"],
        outbound_override.map_or(Value::Null, Value::from),
        "{what}: outboundOverride of {p:#}"
    );
}

async fn create_community(app: &TestApp, who: &Actor, input: Value) -> Value {
    let reply = mutate(
        app,
        Some(&who.token),
        "createCommunity",
        input,
        &format!("community {{ {COMMUNITY} }}"),
    )
    .await;
    done(&reply, "createCommunity")["community"].clone()
}

async fn update_community_reply(app: &TestApp, who: &Actor, id: &str, fields: Value) -> Reply {
    let mut input = json!({ "communityId": id });
    for (key, value) in fields.as_object().unwrap() {
        input[key] = value.clone();
    }
    mutate(
        app,
        Some(&who.token),
        "updateCommunity",
        input,
        &format!("community {{ {COMMUNITY} }}"),
    )
    .await
}

async fn update_community(app: &TestApp, who: &Actor, id: &str, fields: Value) -> Value {
    let mut input = json!({ "communityId": id });
    for (key, value) in fields.as_object().unwrap() {
        input[key] = value.clone();
    }
    let reply = mutate(
        app,
        Some(&who.token),
        "updateCommunity",
        input,
        &format!("community {{ {COMMUNITY} }}"),
    )
    .await;
    done(&reply, "updateCommunity")["community"].clone()
}

async fn invite_reply(app: &TestApp, who: &Actor, input: Value) -> Reply {
    mutate(
        app,
        Some(&who.token),
        "inviteOrganization",
        input,
        &format!("participation {{ {PARTICIPATION} }}"),
    )
    .await
}

async fn invite(app: &TestApp, who: &Actor, community: &str, org: &str, tier: &str) -> Value {
    let reply = invite_reply(
        app,
        who,
        json!({ "communityId": community, "organizationId": org, "tier": tier }),
    )
    .await;
    done(&reply, "inviteOrganization")["participation"].clone()
}

async fn accept_invitation_reply(
    app: &TestApp,
    who: &Actor,
    participation: &str,
    sponsor: &str,
) -> Reply {
    mutate(
        app,
        Some(&who.token),
        "acceptInvitation",
        json!({ "participationId": participation, "sponsorId": sponsor }),
        &format!("participation {{ {PARTICIPATION} }}"),
    )
    .await
}

async fn accept_invitation(
    app: &TestApp,
    who: &Actor,
    participation: &str,
    sponsor: &str,
) -> Value {
    let reply = accept_invitation_reply(app, who, participation, sponsor).await;
    done(&reply, "acceptInvitation")["participation"].clone()
}

async fn decline_invitation(app: &TestApp, who: &Actor, participation: &str) -> Value {
    let reply = mutate(
        app,
        Some(&who.token),
        "declineInvitation",
        json!({ "participationId": participation }),
        &format!("participation {{ {PARTICIPATION} }}"),
    )
    .await;
    done(&reply, "declineInvitation")["participation"].clone()
}

/// Invitations of an organization, as its admin sees them.
async fn invitations(app: &TestApp, who: &Actor, slug: &str, direction: &str) -> Reply {
    app.graphql(
        Some(&who.token),
        &format!("query($s: String!, $d: InvitationDirection!) {{ organization(slug: $s) {{ invitations(direction: $d, first: 50) {{ totalCount nodes {{ {PARTICIPATION} }} }} }} }}"),
        json!({ "s": slug, "d": direction }),
    )
    .await
}

async fn join_reply(app: &TestApp, who: &Actor, community: &str) -> Reply {
    mutate(
        app,
        Some(&who.token),
        "joinCommunity",
        json!({ "communityId": community }),
        &format!("membership {{ {MEMBERSHIP} }}"),
    )
    .await
}

async fn join(app: &TestApp, who: &Actor, community: &str) -> Value {
    let reply = join_reply(app, who, community).await;
    done(&reply, "joinCommunity")["membership"].clone()
}

async fn add_member(app: &TestApp, who: &Actor, input: Value) -> Reply {
    mutate(
        app,
        Some(&who.token),
        "addMember",
        input,
        &format!("membership {{ {MEMBERSHIP} }}"),
    )
    .await
}

async fn change_role_reply(app: &TestApp, who: &Actor, membership: &str, role: Value) -> Reply {
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

async fn change_role(app: &TestApp, who: &Actor, membership: &str, role: Value) -> Value {
    let reply = change_role_reply(app, who, membership, role).await;
    done(&reply, "changeMemberRole")["membership"].clone()
}

async fn decide_reply(app: &TestApp, who: &Actor, approvals: &[&str], approve: bool) -> Reply {
    mutate(
        app,
        Some(&who.token),
        "decideApprovals",
        json!({ "approvalIds": approvals, "approve": approve }),
        "approvals { id kind status decidedBy { id } membership { id status } }",
    )
    .await
}

async fn decide(app: &TestApp, who: &Actor, approvals: &[&str], approve: bool) -> Value {
    let reply = decide_reply(app, who, approvals, approve).await;
    done(&reply, "decideApprovals")["approvals"].clone()
}

async fn membership(app: &TestApp, who: &Actor, id: &str) -> Value {
    node(app, &who.token, id, "Membership", MEMBERSHIP).await
}

/// The viewer's pending approvals as (membership id, kind).
async fn pending_approvals(app: &TestApp, who: &Actor) -> BTreeSet<(String, String)> {
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
fn approval(m: &Value, kind: &str) -> String {
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
fn pending_kinds(m: &Value) -> BTreeSet<String> {
    m["approvals"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["status"] == "PENDING")
        .map(|a| s(&a["kind"]).to_owned())
        .collect()
}

/// Members of a community as a viewer sees them, filtered.
async fn members(
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

fn member_ids(nodes: &[Value]) -> BTreeSet<String> {
    nodes.iter().map(|m| s(&m["id"]).to_owned()).collect()
}

/// Participations of an acme community as a viewer sees them: organization slug → (tier, status).
async fn participants(
    app: &TestApp,
    who: &Actor,
    slug: &str,
) -> BTreeMap<String, (String, String)> {
    let reply = app
        .graphql(
            Some(&who.token),
            &format!("query($s: String!) {{ community(host: \"acme\", slug: $s) {{ participants(first: 50) {{ totalCount nodes {{ {PARTICIPATION} }} }} }} }}"),
            json!({ "s": slug }),
        )
        .await;
    reply.assert_ok();
    reply
        .data("/community/participants/nodes")
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                s(&p["organization"]["slug"]).to_owned(),
                (s(&p["tier"]).to_owned(), s(&p["status"]).to_owned()),
            )
        })
        .collect()
}

/// An organization admin's `externalMemberships`, filtered by status: ids.
async fn external_memberships(app: &TestApp, who: &Actor, status: &str) -> BTreeSet<String> {
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

// ---------------------------------------------------------------------------- the audit log

/// A JSON field that may arrive as JSON text.
fn json_value(v: &Value) -> Value {
    match v.as_str() {
        Some(text) => serde_json::from_str(text).unwrap_or_else(|_| v.clone()),
        None => v.clone(),
    }
}

/// `key` of a before/after state, upper-cased (`status`, `role`, `inbound`, ...).
fn state(v: &Value, key: &str) -> Option<String> {
    let v = json_value(v);
    let snake: String = key
        .chars()
        .flat_map(|c| {
            if c.is_ascii_uppercase() {
                vec!['_', c.to_ascii_lowercase()]
            } else {
                vec![c]
            }
        })
        .collect();
    [key.to_owned(), snake]
        .iter()
        .find_map(|k| v.get(k))
        .and_then(|x| x.as_str())
        .map(str::to_ascii_uppercase)
}

#[track_caller]
fn assert_transition(e: &Value, key: &str, before: Option<&str>, after: &str) {
    if let Some(before) = before {
        assert_eq!(
            state(&e["before"], key).as_deref(),
            Some(before),
            "before.{key} of {e:#}"
        );
    }
    assert_eq!(
        state(&e["after"], key).as_deref(),
        Some(after),
        "after.{key} of {e:#}"
    );
}

/// Checks an event's actor, the organizations it concerns, its community and target.
#[track_caller]
fn check_event(
    e: &Value,
    actor: &Actor,
    orgs: &[&str],
    community: Option<&str>,
    target: Option<&str>,
) {
    assert_eq!(e["actorName"], actor.name.as_str(), "actorName of {e:#}");
    if !e["actor"].is_null() {
        assert_eq!(e["actor"]["id"], actor.id.as_str(), "actor of {e:#}");
    }
    assert_eq!(
        e["actorOrganization"]["slug"],
        actor.org.as_str(),
        "actorOrganization of {e:#}"
    );
    let mut concerned = BTreeSet::new();
    for key in ["organization", "otherOrganization"] {
        if let Some(slug) = e[key]["slug"].as_str() {
            concerned.insert(slug.to_owned());
        }
    }
    assert_eq!(concerned, set(orgs), "organizations of {e:#}");
    match community {
        Some(slug) => assert_eq!(e["community"]["slug"], slug, "community of {e:#}"),
        None => assert!(e["community"].is_null(), "community of {e:#}"),
    }
    if let Some(target) = target {
        assert_eq!(e["targetId"], target, "targetId of {e:#}");
    }
}

/// Reads every organization admin's audit log and hands out what is new since the last read.
struct Audit {
    viewers: Vec<(String, String)>,
    /// Per organization: every event seen so far (immutable fields), by id.
    seen: HashMap<String, HashMap<String, Value>>,
}

/// The fields of an event that must never change once written.
fn frozen(e: &Value) -> Value {
    json!([
        e["action"],
        e["occurredAt"],
        e["actorName"],
        e["targetId"],
        json_value(&e["before"]),
        json_value(&e["after"])
    ])
}

impl Audit {
    fn new(viewers: &[&Actor]) -> Self {
        Self {
            viewers: viewers
                .iter()
                .map(|a| (a.org.clone(), a.token.clone()))
                .collect(),
            seen: HashMap::new(),
        }
    }

    /// An organization's whole audit log (all pages), newest first, as `token` sees it.
    async fn all(app: &TestApp, token: &str, slug: &str, filter: Value) -> Vec<Value> {
        let mut out: Vec<Value> = Vec::new();
        let mut after: Option<String> = None;
        loop {
            let reply = app
                .graphql(
                    Some(token),
                    &format!("query($s: String!, $f: AuditEventFilter, $after: String) {{ organization(slug: $s) {{ auditEvents(filter: $f, first: 100, after: $after) {{ totalCount pageInfo {{ hasNextPage endCursor }} nodes {{ {AUDIT} }} }} }} }}"),
                    json!({ "s": slug, "f": filter, "after": after }),
                )
                .await;
            reply.assert_ok();
            let connection = reply.data("/organization/auditEvents");
            out.extend(connection["nodes"].as_array().unwrap().iter().cloned());
            if connection["pageInfo"]["hasNextPage"] != true {
                assert_eq!(
                    connection["totalCount"],
                    out.len(),
                    "totalCount of {slug}'s audit log"
                );
                break;
            }
            after = connection["pageInfo"]["endCursor"]
                .as_str()
                .map(str::to_owned);
        }
        let mut previous: Option<chrono::DateTime<chrono::FixedOffset>> = None;
        for e in &out {
            // An organization's admins read the events that concern it, and only those.
            assert!(
                e["organization"]["slug"] == slug || e["otherOrganization"]["slug"] == slug,
                "{slug}'s audit log holds an event that does not concern it: {e:#}"
            );
            let at = chrono::DateTime::parse_from_rfc3339(s(&e["occurredAt"])).unwrap();
            if let Some(previous) = previous {
                assert!(at <= previous, "audit events newest first: {e:#}");
            }
            previous = Some(at);
        }
        out
    }

    /// What each organization's admins see that is new since the last step, oldest first.
    async fn step(&mut self, app: &TestApp) -> Fresh {
        let mut fresh = HashMap::new();
        for (slug, token) in &self.viewers {
            let all = Self::all(app, token, slug, Value::Null).await;
            let seen = self.seen.entry(slug.clone()).or_default();
            let now: HashMap<String, Value> = all
                .iter()
                .map(|e| (s(&e["id"]).to_owned(), frozen(e)))
                .collect();
            for (id, old) in seen.iter() {
                assert_eq!(
                    now.get(id),
                    Some(old),
                    "{slug}: an audit event changed or disappeared"
                );
            }
            let mut new: Vec<Value> = all
                .iter()
                .filter(|e| !seen.contains_key(s(&e["id"])))
                .cloned()
                .collect();
            new.reverse();
            *seen = now;
            fresh.insert(slug.clone(), new);
        }
        Fresh(fresh)
    }
}

/// The events new to each organization in one step, oldest first.
struct Fresh(HashMap<String, Vec<Value>>);

impl Fresh {
    fn of(&self, slug: &str) -> &[Value] {
        &self.0[slug]
    }

    /// The actions new to an organization, sorted, leaving out those in `ignored`.
    fn actions(&self, slug: &str, ignored: &[&str]) -> Vec<String> {
        let mut actions: Vec<String> = self
            .of(slug)
            .iter()
            .map(|e| s(&e["action"]).to_owned())
            .filter(|a| !ignored.contains(&a.as_str()))
            .collect();
        actions.sort();
        actions
    }

    #[track_caller]
    fn assert_actions(&self, slug: &str, expected: &[&str], ignored: &[&str]) {
        assert_eq!(
            self.actions(slug, ignored),
            sorted(expected),
            "new audit events of {slug}: {:#?}",
            self.of(slug)
        );
    }

    #[track_caller]
    fn assert_none(&self, slug: &str) {
        assert!(
            self.of(slug).is_empty(),
            "{slug} must not see these events: {:#?}",
            self.of(slug)
        );
    }

    /// The events of `action` (with `target`, if given) new to an organization.
    fn find(&self, slug: &str, action: &str, target: Option<&str>) -> Vec<Value> {
        self.of(slug)
            .iter()
            .filter(|e| e["action"] == action && target.is_none_or(|t| e["targetId"] == t))
            .cloned()
            .collect()
    }

    /// The one event of `action` (and `target`) that every one of `slugs` sees: the same event.
    #[track_caller]
    fn shared(&self, action: &str, target: Option<&str>, slugs: &[&str]) -> Value {
        let mut event: Option<Value> = None;
        for slug in slugs {
            let found = self.find(slug, action, target);
            assert_eq!(
                found.len(),
                1,
                "{slug} sees one new {action} (target {target:?}): {:#?}",
                self.of(slug)
            );
            if let Some(e) = &event {
                assert_eq!(
                    e["id"], found[0]["id"],
                    "{action}: the same event for {slugs:?}"
                );
            }
            event = Some(found[0].clone());
        }
        event.unwrap()
    }
}

// ---------------------------------------------------------------------------- the journey

/// Memberships of globex people in rust-guild as acme's coordinator sees them: id → status.
async fn globex_statuses(app: &TestApp, ann: &Actor, globex_id: &str) -> BTreeMap<String, String> {
    members(app, ann, "rust-guild", Some(globex_id), None, None)
        .await
        .iter()
        .map(|m| (s(&m["id"]).to_owned(), s(&m["status"]).to_owned()))
        .collect()
}

/// While acme–globex is not ACTIVE: globex people lose the community, their memberships and
/// the participation are SUSPENDED, pending approvals are no longer pending.
async fn assert_globex_cut_off(
    app: &TestApp,
    w: &World,
    before: &BTreeMap<String, String>,
    pending_host_approval: &str,
    when: &str,
) {
    let reply = community(app, &w.gina.token, "acme", "rust-guild").await;
    assert_eq!(
        reply.codes(),
        ["NOT_FOUND"],
        "{when}: gina reads rust-guild: {:#}",
        reply.body
    );
    let reply = node_reply(app, &w.gina.token, &w.guild_id, "Community", "id").await;
    assert_eq!(
        reply.codes(),
        ["NOT_FOUND"],
        "{when}: gina reads rust-guild by id"
    );
    let live: BTreeSet<String> = before
        .iter()
        .filter(|(_, status)| *status == "ACTIVE" || *status == "PENDING")
        .map(|(id, _)| id.clone())
        .collect();
    let suspended = members(
        app,
        &w.ann,
        "rust-guild",
        Some(&w.globex_id),
        None,
        Some("SUSPENDED"),
    )
    .await;
    assert_eq!(
        member_ids(&suspended),
        live,
        "{when}: globex memberships SUSPENDED (coordinator's view)"
    );
    let suspended = members(app, &w.ann, "rust-guild", None, None, Some("SUSPENDED")).await;
    assert_eq!(
        member_ids(&suspended),
        live,
        "{when}: only globex memberships are SUSPENDED"
    );
    assert_eq!(
        external_memberships(app, &w.gail, "SUSPENDED").await,
        live,
        "{when}: globex admin's externalMemberships(status: SUSPENDED)"
    );
    let seen = participants(app, &w.ann, "rust-guild").await;
    assert_eq!(
        seen["globex"],
        ("PARTICIPATE".to_owned(), "SUSPENDED".to_owned()),
        "{when}"
    );
    assert_eq!(
        seen["initech"],
        ("CO_HOST".to_owned(), "ACTIVE".to_owned()),
        "{when}"
    );
    let pending = pending_approvals(app, &w.ada).await;
    assert!(
        !pending.contains(&(pending_host_approval.to_owned(), "HOST_ADMIN".to_owned())),
        "{when}: a SUSPENDED membership has no pending approvals: {pending:?}"
    );
}

/// After acme–globex is ACTIVE again: everything is as it was.
async fn assert_globex_restored(
    app: &TestApp,
    w: &World,
    before: &BTreeMap<String, String>,
    pending_host_approval: &str,
    when: &str,
) {
    assert_eq!(
        &globex_statuses(app, &w.ann, &w.globex_id).await,
        before,
        "{when}: memberships restored"
    );
    let reply = community(app, &w.gina.token, "acme", "rust-guild").await;
    reply.assert_ok();
    assert_eq!(
        reply.data("/community/viewerMembership/status"),
        "ACTIVE",
        "{when}"
    );
    assert_eq!(
        reply.data("/community/viewerMembership/role"),
        "CORE",
        "{when}: role kept"
    );
    let seen = participants(app, &w.ann, "rust-guild").await;
    assert_eq!(
        seen["globex"],
        ("PARTICIPATE".to_owned(), "ACTIVE".to_owned()),
        "{when}"
    );
    assert!(
        members(app, &w.ann, "rust-guild", None, None, Some("SUSPENDED"))
            .await
            .is_empty(),
        "{when}: nothing SUSPENDED"
    );
    assert!(
        external_memberships(app, &w.gail, "SUSPENDED")
            .await
            .is_empty(),
        "{when}"
    );
    assert!(
        pending_approvals(app, &w.ada)
            .await
            .contains(&(pending_host_approval.to_owned(), "HOST_ADMIN".to_owned())),
        "{when}: the PENDING membership's approval is pending again"
    );
}

struct World {
    ada: Actor,
    ann: Actor,
    gail: Actor,
    gina: Actor,
    globex_id: String,
    guild_id: String,
}

async fn federation_journey(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let app = &app;
    let acme = app.create_org("acme").await;
    let globex = app.create_org("globex").await;
    let initech = app.create_org("initech").await;
    let umbrella = app.create_org("umbrella").await;
    let ada = actor(app, &acme, "ada", "Ada Acme", true).await;
    let ann = actor(app, &acme, "ann", "Ann Acme", false).await;
    let bob = actor(app, &acme, "bob", "Bob Acme", false).await;
    let gail = actor(app, &globex, "gail", "Gail Globex", true).await;
    let gina = actor(app, &globex, "gina", "Gina Globex", false).await;
    let ike = actor(app, &initech, "ike", "Ike Initech", true).await;
    let ivan = actor(app, &initech, "ivan", "Ivan Initech", false).await;
    let iris = actor(app, &initech, "iris", "Iris Initech", false).await;
    let ian = actor(app, &initech, "ian", "Ian Initech", false).await;
    let uma = actor(app, &umbrella, "uma", "Uma Umbrella", true).await;
    let acme_id = org_id(app, "acme").await;
    let globex_id = org_id(app, "globex").await;
    let initech_id = org_id(app, "initech").await;
    let umbrella_id = org_id(app, "umbrella").await;
    let mut audit = Audit::new(&[&ada, &gail, &ike]);
    let fresh = audit.step(app).await;
    for slug in ["acme", "globex", "initech"] {
        fresh.assert_none(slug);
    }

    // ------------------------------------------------------------ 1. partnerships
    let step1_since = instant().await;
    let reply = mutate(
        app,
        Some(&ann.token),
        "proposePartnership",
        json!({ "partnerSlug": "globex" }),
        "partnership { id }",
    )
    .await;
    assert_refused(
        &reply,
        "proposePartnership",
        &["FORBIDDEN"],
        "a non-admin proposes",
    );

    let ag = propose(app, &ada, "globex", "Shall we share our guilds?").await;
    let ag_id = s(&ag["id"]).to_owned();
    assert_eq!(ag["status"], "PROPOSED");
    assert_eq!(ag["message"], "Shall we share our guilds?");
    assert_eq!(ag["proposer"]["slug"], "acme");
    assert_eq!(ag["recipient"]["slug"], "globex");
    assert_eq!(ag["partner"]["slug"], "globex");
    assert!(ag["acceptedAt"].is_null());

    let reply = partnerships(app, &gail, "globex").await;
    reply.assert_ok();
    let listed = reply
        .data("/organization/partnerships/nodes")
        .as_array()
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["id"], ag_id.as_str());
    assert_eq!(listed[0]["status"], "PROPOSED");
    assert_eq!(
        listed[0]["partner"]["slug"], "acme",
        "partner is the other side"
    );
    assert_eq!(listed[0]["message"], "Shall we share our guilds?");
    let reply = partnerships(app, &gina, "globex").await;
    assert_eq!(reply.codes(), ["FORBIDDEN"], "partnerships are for admins");
    let reply = node_reply(app, &ike.token, &ag_id, "Partnership", "id").await;
    assert_eq!(reply.codes(), ["NOT_FOUND"], "a third organization's admin");

    let reply = partnership_change_reply(app, &ada, "acceptPartnership", &ag_id).await;
    assert_refused(
        &reply,
        "acceptPartnership",
        &["FORBIDDEN"],
        "the proposer accepts its own proposal",
    );
    let accepted = partnership_change(app, &gail, "acceptPartnership", &ag_id).await;
    assert_eq!(accepted["status"], "ACTIVE");
    assert!(!accepted["acceptedAt"].is_null());
    assert_eq!(accepted["partner"]["slug"], "acme");
    for (who, partner) in [(&ada, "globex"), (&gail, "acme")] {
        let reply = mutate(
            app,
            Some(&who.token),
            "proposePartnership",
            json!({ "partnerSlug": partner }),
            "partnership { id }",
        )
        .await;
        assert_refused(
            &reply,
            "proposePartnership",
            &["CONFLICT"],
            "proposing again while ACTIVE",
        );
    }
    let fresh = audit.step(app).await;
    for slug in ["acme", "globex"] {
        fresh.assert_actions(slug, &["PARTNERSHIP_PROPOSED", "PARTNERSHIP_ACCEPTED"], &[]);
    }
    fresh.assert_none("initech");
    let e = fresh.shared("PARTNERSHIP_PROPOSED", None, &["acme", "globex"]);
    check_event(&e, &ada, &["acme", "globex"], None, Some(&ag_id));
    assert_transition(&e, "status", None, "PROPOSED");
    let e = fresh.shared("PARTNERSHIP_ACCEPTED", None, &["acme", "globex"]);
    check_event(&e, &gail, &["acme", "globex"], None, Some(&ag_id));
    assert_transition(&e, "status", Some("PROPOSED"), "ACTIVE");
    let step1_acme_globex: BTreeSet<String> = fresh
        .of("acme")
        .iter()
        .map(|e| s(&e["id"]).to_owned())
        .collect();

    let ai = propose(app, &ada, "initech", "Guilds together?").await;
    let ai_id = s(&ai["id"]).to_owned();
    let accepted = partnership_change(app, &ike, "acceptPartnership", &ai_id).await;
    assert_eq!(accepted["status"], "ACTIVE");
    let fresh = audit.step(app).await;
    for slug in ["acme", "initech"] {
        fresh.assert_actions(slug, &["PARTNERSHIP_PROPOSED", "PARTNERSHIP_ACCEPTED"], &[]);
    }
    fresh.assert_none("globex");
    let e = fresh.shared("PARTNERSHIP_ACCEPTED", None, &["acme", "initech"]);
    check_event(&e, &ike, &["acme", "initech"], None, Some(&ai_id));

    // acme–umbrella: declined, then proposed again (the same partnership), left PROPOSED.
    let au = propose(app, &ada, "umbrella", "Hello?").await;
    let au_id = s(&au["id"]).to_owned();
    let declined = partnership_change(app, &uma, "declinePartnership", &au_id).await;
    assert_eq!(declined["status"], "DECLINED");
    let again = propose(app, &ada, "umbrella", "Hello again?").await;
    assert_eq!(
        again["id"],
        au_id.as_str(),
        "proposing after a decline reuses the partnership"
    );
    assert_eq!(again["status"], "PROPOSED");
    let fresh = audit.step(app).await;
    fresh.assert_actions(
        "acme",
        &[
            "PARTNERSHIP_PROPOSED",
            "PARTNERSHIP_DECLINED",
            "PARTNERSHIP_PROPOSED",
        ],
        &[],
    );
    let e = fresh.find("acme", "PARTNERSHIP_DECLINED", None)[0].clone();
    check_event(&e, &uma, &["acme", "umbrella"], None, Some(&au_id));
    assert_transition(&e, "status", Some("PROPOSED"), "DECLINED");
    fresh.assert_none("globex");
    fresh.assert_none("initech");
    let step1_until = instant().await;

    // ------------------------------------------------------------ 2. policies
    let defaults_query = "query($s: String!) { organization(slug: $s) { partnerPolicyDefaults { inbound outbound } } }";
    let reply = app
        .graphql(Some(&ada.token), defaults_query, json!({ "s": "acme" }))
        .await;
    reply.assert_ok();
    assert_eq!(
        reply.data("/organization/partnerPolicyDefaults"),
        &json!({ "inbound": ALLOWED, "outbound": ALLOWED }),
        "defaults are ALLOWED both ways"
    );
    let reply = app
        .graphql(Some(&ann.token), defaults_query, json!({ "s": "acme" }))
        .await;
    assert_eq!(
        reply.codes(),
        ["FORBIDDEN"],
        "policy defaults are for admins"
    );
    assert_policy(
        &partnership(app, &ada, &ag_id).await,
        ALLOWED,
        ALLOWED,
        None,
        None,
        "acme side, initially",
    );
    assert_policy(
        &partnership(app, &gail, &ag_id).await,
        ALLOWED,
        ALLOWED,
        None,
        None,
        "globex side, initially",
    );

    let p = set_policy(app, &ada, &ag_id, json!({ "inbound": APPROVAL })).await;
    assert_policy(
        &p,
        APPROVAL,
        ALLOWED,
        Some(APPROVAL),
        None,
        "acme requires approval of globex people",
    );
    assert_policy(
        &partnership(app, &gail, &ag_id).await,
        ALLOWED,
        ALLOWED,
        None,
        None,
        "globex sees only its own side",
    );
    let p = set_policy(app, &ada, &ag_id, json!({ "outbound": BLOCKED })).await;
    assert_policy(
        &p,
        APPROVAL,
        BLOCKED,
        Some(APPROVAL),
        Some(BLOCKED),
        "a field left out is unchanged",
    );
    let p = set_policy(app, &ada, &ag_id, json!({ "inbound": null })).await;
    assert_policy(
        &p,
        ALLOWED,
        BLOCKED,
        None,
        Some(BLOCKED),
        "explicit null returns inbound to the default",
    );
    let p = set_policy(app, &ada, &ag_id, json!({ "outbound": null })).await;
    assert_policy(
        &p,
        ALLOWED,
        ALLOWED,
        None,
        None,
        "explicit null returns outbound to the default",
    );

    let p = set_policy(app, &ada, &ai_id, json!({ "inbound": ALLOWED })).await;
    assert_policy(
        &p,
        ALLOWED,
        ALLOWED,
        Some(ALLOWED),
        None,
        "an explicit ALLOWED override",
    );
    let d = set_defaults(app, &ada, &acme_id, json!({ "inbound": BLOCKED })).await;
    assert_eq!(d, json!({ "inbound": BLOCKED, "outbound": ALLOWED }));
    assert_policy(
        &partnership(app, &ada, &ag_id).await,
        BLOCKED,
        ALLOWED,
        None,
        None,
        "follows the default",
    );
    assert_policy(
        &partnership(app, &ada, &ai_id).await,
        ALLOWED,
        ALLOWED,
        Some(ALLOWED),
        None,
        "the override wins",
    );
    assert_policy(
        &partnership(app, &gail, &ag_id).await,
        ALLOWED,
        ALLOWED,
        None,
        None,
        "globex side unaffected",
    );
    let p = set_policy(app, &ada, &ai_id, json!({ "inbound": null })).await;
    assert_policy(&p, BLOCKED, ALLOWED, None, None, "back to the default");
    let d = set_defaults(app, &ada, &acme_id, json!({ "inbound": ALLOWED })).await;
    assert_eq!(d, json!({ "inbound": ALLOWED, "outbound": ALLOWED }));

    for (who, what) in [
        (&ann, "a non-admin"),
        (&ike, "a third organization's admin"),
    ] {
        let reply = mutate(
            app,
            Some(&who.token),
            "setPartnerPolicy",
            json!({ "partnershipId": ag_id, "inbound": BLOCKED }),
            "partnership { id }",
        )
        .await;
        assert_refused(&reply, "setPartnerPolicy", &["NOT_FOUND"], what);
    }
    assert_policy(
        &partnership(app, &ada, &ag_id).await,
        ALLOWED,
        ALLOWED,
        None,
        None,
        "refusals changed nothing",
    );

    let fresh = audit.step(app).await;
    let mut expected = vec!["PARTNER_POLICY_CHANGED"; 6];
    expected.extend(["POLICY_DEFAULTS_CHANGED"; 2]);
    fresh.assert_actions("acme", &expected, &[]);
    for e in fresh.find("acme", "PARTNER_POLICY_CHANGED", None) {
        assert_eq!(e["actorName"], "Ada Acme");
        assert_eq!(e["organization"]["slug"], "acme", "{e:#}");
    }
    let first = fresh.find("acme", "PARTNER_POLICY_CHANGED", None)[0].clone();
    assert_eq!(first["targetId"], ag_id.as_str());
    // The state is the override (null: following the default) or the effective value.
    assert!(
        matches!(
            state(&first["before"], "inbound").as_deref(),
            None | Some(ALLOWED)
        ),
        "{first:#}"
    );
    assert_transition(&first, "inbound", None, APPROVAL);
    for e in fresh.find("acme", "POLICY_DEFAULTS_CHANGED", None) {
        check_event(&e, &ada, &["acme"], None, None);
    }
    let e = fresh.find("acme", "POLICY_DEFAULTS_CHANGED", None)[0].clone();
    assert_transition(&e, "inbound", Some(ALLOWED), BLOCKED);
    // acme's policy is acme's business: globex and initech see at most the change of their own
    // partnership, never the defaults or the other partnership.
    for (slug, own) in [("globex", &ag_id), ("initech", &ai_id)] {
        for e in fresh.of(slug) {
            assert_eq!(e["action"], "PARTNER_POLICY_CHANGED", "{slug}: {e:#}");
            assert_eq!(e["targetId"], own.as_str(), "{slug}: {e:#}");
        }
    }

    // ------------------------------------------------------------ 3. communities, invitations
    let c = create_community(
        app,
        &ann,
        json!({ "slug": "rust-guild", "name": "Rust Guild", "purpose": "Share Rust practice", "tags": ["rust", "backend"] }),
    )
    .await;
    let guild_id = s(&c["id"]).to_owned();
    assert_eq!(c["visibility"], "FEDERATED", "the default visibility");
    assert_eq!(c["stage"], "POTENTIAL");
    assert_eq!(c["joinRule"], "OPEN");
    assert_eq!(c["host"]["slug"], "acme");
    assert_eq!(c["viewerCoordinates"], true, "the creator coordinates");
    assert_eq!(c["viewerMembership"]["role"], "COORDINATOR");
    assert_eq!(c["viewerMembership"]["leadership"], "FORMAL");
    assert_eq!(c["viewerMembership"]["status"], "ACTIVE");
    let ann_membership = s(&c["viewerMembership"]["id"]).to_owned();
    let reply = community(app, &bob.token, "acme", "rust-guild").await;
    reply.assert_ok();
    assert_eq!(reply.data("/community/viewerCoordinates"), false);
    assert!(reply.data("/community/viewerMembership").is_null());
    let reply = community(app, &ada.token, "acme", "rust-guild").await;
    assert_eq!(
        reply.data("/community/viewerCoordinates"),
        true,
        "host admins coordinate"
    );
    let reply = community(app, &gina.token, "acme", "rust-guild").await;
    assert_eq!(
        reply.codes(),
        ["NOT_FOUND"],
        "globex does not participate yet"
    );
    let fresh = audit.step(app).await;
    fresh.assert_actions(
        "acme",
        &["COMMUNITY_CREATED"],
        &["MEMBER_ADDED", "MEMBERSHIP_REQUESTED"],
    );
    let e = fresh.shared("COMMUNITY_CREATED", None, &["acme"]);
    check_event(&e, &ann, &["acme"], Some("rust-guild"), Some(&guild_id));
    assert!(
        json_value(&e["before"]).is_null(),
        "nothing before a creation: {e:#}"
    );
    fresh.assert_none("globex");
    fresh.assert_none("initech");

    for days in [0, 91] {
        let reply = invite_reply(
            app,
            &ann,
            json!({ "communityId": guild_id, "organizationId": globex_id, "expiresInDays": days }),
        )
        .await;
        assert_refused(
            &reply,
            "inviteOrganization",
            &["BAD_USER_INPUT"],
            "expiresInDays out of 1-90",
        );
    }
    let pg = invite(app, &ann, &guild_id, &globex_id, "PARTICIPATE").await;
    let pg_id = s(&pg["id"]).to_owned();
    assert_eq!(pg["status"], "INVITED");
    assert_eq!(pg["tier"], "PARTICIPATE");
    let invited_at = chrono::DateTime::parse_from_rfc3339(s(&pg["invitedAt"])).unwrap();
    let expires_at = chrono::DateTime::parse_from_rfc3339(s(&pg["expiresAt"])).unwrap();
    let days = (expires_at - invited_at).num_minutes() as f64 / (24.0 * 60.0);
    assert!(
        (days - 14.0).abs() < 0.01,
        "expires after 14 days by default: {pg:#}"
    );

    let reply = invitations(app, &gail, "globex", "INCOMING").await;
    reply.assert_ok();
    let incoming = reply
        .data("/organization/invitations/nodes")
        .as_array()
        .unwrap();
    assert_eq!(
        ids(reply.data("/organization/invitations/nodes")),
        set(&[&pg_id])
    );
    assert_eq!(incoming[0]["status"], "INVITED");
    assert_eq!(incoming[0]["community"]["slug"], "rust-guild");
    let reply = invitations(app, &ada, "acme", "OUTGOING").await;
    reply.assert_ok();
    assert_eq!(
        ids(reply.data("/organization/invitations/nodes")),
        set(&[&pg_id])
    );
    let reply = invitations(app, &gail, "globex", "OUTGOING").await;
    reply.assert_ok();
    assert_eq!(reply.data("/organization/invitations/totalCount"), 0);
    let reply = invitations(app, &gina, "globex", "INCOMING").await;
    assert_eq!(reply.codes(), ["FORBIDDEN"], "invitations are for admins");
    let reply = community(app, &gail.token, "acme", "rust-guild").await;
    reply.assert_ok();
    let reply = community(app, &gina.token, "acme", "rust-guild").await;
    assert_eq!(
        reply.codes(),
        ["NOT_FOUND"],
        "an INVITED participation does not make it live"
    );

    let reply = invite_reply(
        app,
        &ada,
        json!({ "communityId": guild_id, "organizationId": umbrella_id }),
    )
    .await;
    assert_refused(
        &reply,
        "inviteOrganization",
        &["CONFLICT"],
        "a partnership that is only PROPOSED",
    );

    let pi = invite(app, &ann, &guild_id, &initech_id, "PARTICIPATE").await;
    let pi_id = s(&pi["id"]).to_owned();
    let declined = decline_invitation(app, &ike, &pi_id).await;
    assert_eq!(declined["status"], "DECLINED");
    let pi = invite(app, &ann, &guild_id, &initech_id, "CO_HOST").await;
    assert_eq!(
        pi["id"],
        pi_id.as_str(),
        "a declined organization's participation is reused"
    );
    assert_eq!(pi["status"], "INVITED");
    assert_eq!(pi["tier"], "CO_HOST");
    let accepted = accept_invitation(app, &ike, &pi_id, &ivan.id).await;
    assert_eq!(accepted["status"], "ACTIVE");
    assert_eq!(accepted["sponsor"]["id"], ivan.id.as_str());
    assert!(!accepted["acceptedAt"].is_null());

    let reply = accept_invitation_reply(app, &gail, &pg_id, &ann.id).await;
    assert!(
        !refusal(&reply, "acceptInvitation").is_empty(),
        "the sponsor must be one of globex's people: {:#}",
        reply.body
    );
    let reply = invitations(app, &gail, "globex", "INCOMING").await;
    assert_eq!(
        reply.data("/organization/invitations/nodes/0/status"),
        "INVITED"
    );
    let accepted = accept_invitation(app, &gail, &pg_id, &gina.id).await;
    assert_eq!(accepted["status"], "ACTIVE");
    assert_eq!(accepted["sponsor"]["id"], gina.id.as_str());
    let reply = community(app, &gina.token, "acme", "rust-guild").await;
    reply.assert_ok();
    assert_eq!(reply.data("/community/viewerCoordinates"), false);
    let seen = participants(app, &gina, "rust-guild").await;
    assert_eq!(
        seen.keys().map(String::as_str).collect::<Vec<_>>(),
        ["acme", "globex", "initech"]
    );
    assert_eq!(seen["acme"].0, "HOST");
    assert_eq!(seen["initech"], ("CO_HOST".to_owned(), "ACTIVE".to_owned()));

    let fresh = audit.step(app).await;
    fresh.assert_actions(
        "acme",
        &[
            "ORGANIZATION_INVITED",
            "ORGANIZATION_INVITED",
            "ORGANIZATION_INVITED",
            "INVITATION_DECLINED",
            "INVITATION_ACCEPTED",
            "INVITATION_ACCEPTED",
        ],
        &[],
    );
    fresh.assert_actions(
        "globex",
        &["ORGANIZATION_INVITED", "INVITATION_ACCEPTED"],
        &[],
    );
    fresh.assert_actions(
        "initech",
        &[
            "ORGANIZATION_INVITED",
            "ORGANIZATION_INVITED",
            "INVITATION_DECLINED",
            "INVITATION_ACCEPTED",
        ],
        &[],
    );
    let e = fresh.shared("ORGANIZATION_INVITED", Some(&pg_id), &["acme", "globex"]);
    check_event(
        &e,
        &ann,
        &["acme", "globex"],
        Some("rust-guild"),
        Some(&pg_id),
    );
    assert_transition(&e, "status", None, "INVITED");
    let e = fresh.shared("INVITATION_ACCEPTED", Some(&pg_id), &["acme", "globex"]);
    check_event(
        &e,
        &gail,
        &["acme", "globex"],
        Some("rust-guild"),
        Some(&pg_id),
    );
    assert_transition(&e, "status", Some("INVITED"), "ACTIVE");
    let e = fresh.shared("INVITATION_DECLINED", Some(&pi_id), &["acme", "initech"]);
    check_event(
        &e,
        &ike,
        &["acme", "initech"],
        Some("rust-guild"),
        Some(&pi_id),
    );
    assert_transition(&e, "status", Some("INVITED"), "DECLINED");

    // A second acme community, with initech; and one initech hosts.
    let circle = create_community(
        app,
        &ann,
        json!({ "slug": "data-circle", "name": "Data Circle" }),
    )
    .await;
    let circle_id = s(&circle["id"]).to_owned();
    let pc = invite(app, &ann, &circle_id, &initech_id, "PARTICIPATE").await;
    accept_invitation(app, &ike, s(&pc["id"]), &ivan.id).await;
    let ops = create_community(
        app,
        &ivan,
        json!({ "slug": "initech-ops", "name": "Initech Ops", "visibility": "HOST_ONLY" }),
    )
    .await;
    let ops_id = s(&ops["id"]).to_owned();
    assert_eq!(ops["visibility"], "HOST_ONLY");
    assert_eq!(ops["host"]["slug"], "initech");
    let reply = community(app, &ada.token, "initech", "initech-ops").await;
    assert_eq!(
        reply.codes(),
        ["NOT_FOUND"],
        "HOST_ONLY communities stay home"
    );
    let fresh = audit.step(app).await;
    fresh.assert_actions(
        "acme",
        &[
            "COMMUNITY_CREATED",
            "ORGANIZATION_INVITED",
            "INVITATION_ACCEPTED",
        ],
        &["MEMBER_ADDED", "MEMBERSHIP_REQUESTED"],
    );
    fresh.assert_actions(
        "initech",
        &[
            "COMMUNITY_CREATED",
            "ORGANIZATION_INVITED",
            "INVITATION_ACCEPTED",
        ],
        &["MEMBER_ADDED", "MEMBERSHIP_REQUESTED"],
    );
    let e = fresh.shared("COMMUNITY_CREATED", None, &["initech"]);
    check_event(&e, &ivan, &["initech"], Some("initech-ops"), Some(&ops_id));
    fresh.assert_none("globex");

    // ------------------------------------------------------------ 4. joins and approvals
    // Every combination of acme's inbound policy for globex and globex's outbound policy for
    // acme, each tried by a globex person (gina is the one with both ALLOWED).
    let policies = [ALLOWED, APPROVAL, BLOCKED];
    // The overrides each side has set (None: following the default, ALLOWED).
    let mut overrides: (Option<&str>, Option<&str>) = (None, None);
    let mut joined: HashMap<(&str, &str), (Actor, Value)> = HashMap::new();
    let mut gina_slot = Some(gina);
    for inbound in policies {
        for outbound in policies {
            if overrides.0.unwrap_or(ALLOWED) != inbound {
                set_policy(app, &ada, &ag_id, json!({ "inbound": inbound })).await;
                overrides.0 = Some(inbound);
            }
            if overrides.1.unwrap_or(ALLOWED) != outbound {
                set_policy(app, &gail, &ag_id, json!({ "outbound": outbound })).await;
                overrides.1 = Some(outbound);
            }
            let mine = partnership(app, &ada, &ag_id).await;
            assert_policy(&mine, inbound, ALLOWED, overrides.0, None, "acme side");
            let theirs = partnership(app, &gail, &ag_id).await;
            assert_policy(&theirs, ALLOWED, outbound, None, overrides.1, "globex side");

            let person = if (inbound, outbound) == (ALLOWED, ALLOWED) {
                gina_slot.take().unwrap()
            } else {
                let sub = format!("g-{inbound}-{outbound}").to_lowercase();
                actor(
                    app,
                    &globex,
                    &sub,
                    &format!("G {inbound}/{outbound}"),
                    false,
                )
                .await
            };
            let what = format!("inbound {inbound} × outbound {outbound}");
            let reply = join_reply(app, &person, &guild_id).await;
            if inbound == BLOCKED || outbound == BLOCKED {
                assert_refused(&reply, "joinCommunity", &["FORBIDDEN"], &what);
                let reply = community(app, &person.token, "acme", "rust-guild").await;
                assert!(
                    reply.data("/community/viewerMembership").is_null(),
                    "{what}: no membership"
                );
                continue;
            }
            let m = done(&reply, "joinCommunity")["membership"].clone();
            let mut kinds = BTreeSet::new();
            if inbound == APPROVAL {
                kinds.insert("HOST_ADMIN".to_owned());
            }
            if outbound == APPROVAL {
                kinds.insert("MEMBER_ORGANIZATION_ADMIN".to_owned());
            }
            let status = if kinds.is_empty() {
                "ACTIVE"
            } else {
                "PENDING"
            };
            assert_eq!(m["status"], status, "{what}: {m:#}");
            assert_eq!(pending_kinds(&m), kinds, "{what}: approvals of {m:#}");
            assert_eq!(
                m["approvals"].as_array().unwrap().len(),
                kinds.len(),
                "{what}"
            );
            assert_eq!(m["role"], "PERIPHERAL", "{what}: the default role");
            assert!(m["leadership"].is_null(), "{what}");
            assert_eq!(m["person"]["id"], person.id.as_str());
            assert_eq!(m["organization"]["slug"], "globex");
            joined.insert((inbound, outbound), (person, m));
        }
    }
    let p = set_policy(app, &ada, &ag_id, json!({ "inbound": null })).await;
    assert_policy(&p, ALLOWED, ALLOWED, None, None, "acme back to defaults");
    let p = set_policy(app, &gail, &ag_id, json!({ "outbound": null })).await;
    assert_policy(&p, ALLOWED, ALLOWED, None, None, "globex back to defaults");
    let fresh = audit.step(app).await;
    fresh.assert_actions(
        "acme",
        &["MEMBERSHIP_REQUESTED"; 4],
        &["PARTNER_POLICY_CHANGED"],
    );
    fresh.assert_actions(
        "globex",
        &["MEMBERSHIP_REQUESTED"; 4],
        &["PARTNER_POLICY_CHANGED"],
    );
    assert_eq!(
        fresh
            .find("acme", "PARTNER_POLICY_CHANGED", None)
            .iter()
            .filter(|e| e["actorName"] == "Ada Acme")
            .count(),
        3,
        "acme's own policy changes: AR, BLOCKED, back to default"
    );
    assert_eq!(
        fresh
            .find("globex", "PARTNER_POLICY_CHANGED", None)
            .iter()
            .filter(|e| e["actorName"] == "Gail Globex")
            .count(),
        9,
        "globex's own policy changes"
    );
    fresh.assert_none("initech");
    let (gina, gina_m) = joined.remove(&(ALLOWED, ALLOWED)).unwrap();
    let gina_membership = s(&gina_m["id"]).to_owned();
    let e = fresh.shared(
        "MEMBERSHIP_REQUESTED",
        Some(&gina_membership),
        &["acme", "globex"],
    );
    check_event(
        &e,
        &gina,
        &["acme", "globex"],
        Some("rust-guild"),
        Some(&gina_membership),
    );
    assert_transition(&e, "status", None, "ACTIVE");
    let (p_a_ar, m_a_ar) = joined.remove(&(ALLOWED, APPROVAL)).unwrap();
    let (p_ar_a, m_ar_a) = joined.remove(&(APPROVAL, ALLOWED)).unwrap();
    let (p_ar_ar, m_ar_ar) = joined.remove(&(APPROVAL, APPROVAL)).unwrap();
    let e = fresh.shared(
        "MEMBERSHIP_REQUESTED",
        Some(s(&m_ar_ar["id"])),
        &["acme", "globex"],
    );
    check_event(&e, &p_ar_ar, &["acme", "globex"], Some("rust-guild"), None);
    assert_transition(&e, "status", None, "PENDING");
    let id = |m: &Value| s(&m["id"]).to_owned();
    let pair = |m: &Value, kind: &str| (id(m), kind.to_owned());

    // Who is asked for what.
    assert_eq!(
        pending_approvals(app, &ada).await,
        BTreeSet::from([pair(&m_ar_a, "HOST_ADMIN"), pair(&m_ar_ar, "HOST_ADMIN")]),
        "acme's admin decides acme's inbound approvals"
    );
    assert_eq!(
        pending_approvals(app, &gail).await,
        BTreeSet::from([
            pair(&m_a_ar, "MEMBER_ORGANIZATION_ADMIN"),
            pair(&m_ar_ar, "MEMBER_ORGANIZATION_ADMIN")
        ]),
        "globex's admin decides globex's outbound approvals"
    );
    for who in [&ann, &ike, &p_ar_a, &gina] {
        assert!(
            pending_approvals(app, who).await.is_empty(),
            "{} decides nothing",
            who.name
        );
    }

    // One rejection: REJECTED.
    let a = approval(&m_a_ar, "MEMBER_ORGANIZATION_ADMIN");
    let decided = decide(app, &gail, &[&a], false).await;
    assert_eq!(decided[0]["status"], "REJECTED");
    assert_eq!(decided[0]["decidedBy"]["id"], gail.id.as_str());
    let m = membership(app, &gail, &id(&m_a_ar)).await;
    assert_eq!(m["status"], "REJECTED");
    // Every approval given: ACTIVE.
    let decided = decide(app, &ada, &[&approval(&m_ar_ar, "HOST_ADMIN")], true).await;
    assert_eq!(decided[0]["status"], "APPROVED");
    let m = membership(app, &ada, &id(&m_ar_ar)).await;
    assert_eq!(m["status"], "PENDING", "one approval of two given");
    assert_eq!(pending_kinds(&m), set(&["MEMBER_ORGANIZATION_ADMIN"]));
    decide(
        app,
        &gail,
        &[&approval(&m_ar_ar, "MEMBER_ORGANIZATION_ADMIN")],
        true,
    )
    .await;
    let m = membership(app, &p_ar_ar, &id(&m_ar_ar)).await;
    assert_eq!(m["status"], "ACTIVE", "every approval given");
    assert!(!m["joinedAt"].is_null());
    assert!(pending_kinds(&m).is_empty());
    // The rejected person asks again: the same membership, ACTIVE under the defaults.
    let again = join(app, &p_a_ar, &guild_id).await;
    assert_eq!(
        again["id"],
        id(&m_a_ar).as_str(),
        "a rejected membership is reused"
    );
    assert_eq!(again["status"], "ACTIVE");
    let fresh = audit.step(app).await;
    for slug in ["acme", "globex"] {
        fresh.assert_actions(
            slug,
            &[
                "MEMBERSHIP_APPROVAL_DECIDED",
                "MEMBERSHIP_APPROVAL_DECIDED",
                "MEMBERSHIP_APPROVAL_DECIDED",
                "MEMBERSHIP_REQUESTED",
            ],
            &[],
        );
    }
    fresh.assert_none("initech");
    let e = fresh.find("globex", "MEMBERSHIP_APPROVAL_DECIDED", None)[0].clone();
    check_event(&e, &gail, &["acme", "globex"], Some("rust-guild"), None);
    assert!(
        e["targetId"] == a.as_str() || e["targetId"] == id(&m_a_ar).as_str(),
        "the approval (or its membership) is the target: {e:#}"
    );
    assert_eq!(
        state(&e["after"], "status").as_deref(),
        Some("REJECTED"),
        "{e:#}"
    );

    // Three approvals: acme's inbound, initech's outbound, the community's join rule.
    let c = update_community(app, &ann, &guild_id, json!({ "joinRule": APPROVAL })).await;
    assert_eq!(c["joinRule"], APPROVAL);
    assert_eq!(c["name"], "Rust Guild", "fields left out are unchanged");
    set_defaults(app, &ada, &acme_id, json!({ "inbound": APPROVAL })).await;
    set_defaults(app, &ike, &initech_id, json!({ "outbound": APPROVAL })).await;
    assert_policy(
        &partnership(app, &ada, &ai_id).await,
        APPROVAL,
        ALLOWED,
        None,
        None,
        "acme's new default",
    );
    assert_policy(
        &partnership(app, &ike, &ai_id).await,
        ALLOWED,
        APPROVAL,
        None,
        None,
        "initech's new default",
    );
    let iris_m = join(app, &iris, &guild_id).await;
    let iris_membership = id(&iris_m);
    assert_eq!(iris_m["status"], "PENDING");
    assert_eq!(
        pending_kinds(&iris_m),
        set(&["HOST_ADMIN", "MEMBER_ORGANIZATION_ADMIN", "COORDINATOR"]),
        "three approvals listed"
    );
    assert_eq!(
        pending_approvals(app, &ada).await,
        BTreeSet::from([
            pair(&iris_m, "HOST_ADMIN"),
            pair(&iris_m, "COORDINATOR"),
            pair(&m_ar_a, "HOST_ADMIN")
        ]),
        "acme's admin is the host's admin and coordinates"
    );
    assert_eq!(
        pending_approvals(app, &ann).await,
        BTreeSet::from([pair(&iris_m, "COORDINATOR")])
    );
    assert_eq!(
        pending_approvals(app, &ike).await,
        BTreeSet::from([pair(&iris_m, "MEMBER_ORGANIZATION_ADMIN")])
    );
    assert!(pending_approvals(app, &gail).await.is_empty());
    let reply = decide_reply(app, &ann, &[&approval(&iris_m, "HOST_ADMIN")], true).await;
    assert_refused(
        &reply,
        "decideApprovals",
        &["FORBIDDEN"],
        "a coordinator deciding the host admin's approval",
    );
    decide(app, &ada, &[&approval(&iris_m, "HOST_ADMIN")], true).await;
    decide(
        app,
        &ike,
        &[&approval(&iris_m, "MEMBER_ORGANIZATION_ADMIN")],
        true,
    )
    .await;
    assert_eq!(
        membership(app, &iris, &iris_membership).await["status"],
        "PENDING"
    );
    decide(app, &ann, &[&approval(&iris_m, "COORDINATOR")], true).await;
    let m = membership(app, &iris, &iris_membership).await;
    assert_eq!(m["status"], "ACTIVE", "all three approvals given");
    let fresh = audit.step(app).await;
    fresh.assert_actions(
        "acme",
        &[
            "COMMUNITY_UPDATED",
            "POLICY_DEFAULTS_CHANGED",
            "MEMBERSHIP_REQUESTED",
            "MEMBERSHIP_APPROVAL_DECIDED",
            "MEMBERSHIP_APPROVAL_DECIDED",
            "MEMBERSHIP_APPROVAL_DECIDED",
        ],
        &[],
    );
    fresh.assert_actions(
        "initech",
        &[
            "POLICY_DEFAULTS_CHANGED",
            "MEMBERSHIP_REQUESTED",
            "MEMBERSHIP_APPROVAL_DECIDED",
            "MEMBERSHIP_APPROVAL_DECIDED",
            "MEMBERSHIP_APPROVAL_DECIDED",
        ],
        &["COMMUNITY_UPDATED"],
    );
    fresh.assert_actions("globex", &[], &["COMMUNITY_UPDATED"]);
    let e = fresh.shared("COMMUNITY_UPDATED", None, &["acme"]);
    check_event(&e, &ann, &["acme"], Some("rust-guild"), Some(&guild_id));
    assert_transition(&e, "joinRule", Some("OPEN"), APPROVAL);
    let e = fresh.shared("MEMBERSHIP_REQUESTED", None, &["acme", "initech"]);
    check_event(
        &e,
        &iris,
        &["acme", "initech"],
        Some("rust-guild"),
        Some(&iris_membership),
    );

    // ------------------------------------------------------------ 5. roles
    let m = change_role(
        app,
        &ann,
        &gina_membership,
        json!({ "role": "CORE", "leadership": "INFORMAL" }),
    )
    .await;
    assert_eq!(m["role"], "CORE");
    assert_eq!(m["leadership"], "INFORMAL");
    let reply = change_role_reply(
        app,
        &ann,
        &gina_membership,
        json!({ "role": "COORDINATOR" }),
    )
    .await;
    let codes = refusal(&reply, "changeMemberRole");
    assert!(
        reply.errors().is_empty() && !codes.is_empty(),
        "COORDINATOR is not for a PARTICIPATE organization's people: a userError: {:#}",
        reply.body
    );
    assert_eq!(
        membership(app, &ann, &gina_membership).await["role"],
        "CORE"
    );
    let reply = change_role_reply(app, &ann, &ann_membership, json!({ "role": "CORE" })).await;
    assert_refused(
        &reply,
        "changeMemberRole",
        &["CONFLICT"],
        "demoting the last coordinator",
    );
    let reply = mutate(
        app,
        Some(&ann.token),
        "leaveCommunity",
        json!({ "communityId": guild_id }),
        "membership { id status }",
    )
    .await;
    assert_refused(
        &reply,
        "leaveCommunity",
        &["CONFLICT"],
        "the last coordinator leaving",
    );
    let reply = mutate(
        app,
        Some(&ann.token),
        "removeMember",
        json!({ "membershipId": ann_membership }),
        "membership { id status }",
    )
    .await;
    assert_refused(
        &reply,
        "removeMember",
        &["CONFLICT"],
        "removing the last coordinator",
    );
    let m = membership(app, &ann, &ann_membership).await;
    assert_eq!(
        (m["role"].clone(), m["status"].clone()),
        (json!("COORDINATOR"), json!("ACTIVE"))
    );

    let m = change_role(
        app,
        &ann,
        &iris_membership,
        json!({ "role": "COORDINATOR" }),
    )
    .await;
    assert_eq!(m["role"], "COORDINATOR", "CO_HOST people may coordinate");
    assert_eq!(m["leadership"], "FORMAL", "COORDINATOR defaults to FORMAL");
    let reply = community(app, &iris.token, "acme", "rust-guild").await;
    assert_eq!(reply.data("/community/viewerCoordinates"), true);
    let m = change_role(app, &ann, &ann_membership, json!({ "role": "CORE" })).await;
    assert_eq!(m["role"], "CORE", "no longer the last coordinator");
    let m = change_role(app, &ada, &ann_membership, json!({ "role": "COORDINATOR" })).await;
    assert_eq!(m["role"], "COORDINATOR", "the host admin coordinates");

    let reply = add_member(
        app,
        &ann,
        json!({ "communityId": guild_id, "personId": bob.id }),
    )
    .await;
    let bob_m = done(&reply, "addMember")["membership"].clone();
    let bob_membership = id(&bob_m);
    assert_eq!(
        bob_m["status"], "ACTIVE",
        "a colleague added by a coordinator"
    );
    assert_eq!(bob_m["role"], "PERIPHERAL");
    assert!(pending_kinds(&bob_m).is_empty());
    for (who, what) in [(&ian, "an initech person"), (&gail, "a globex person")] {
        let reply = add_member(
            app,
            &ann,
            json!({ "communityId": guild_id, "personId": who.id }),
        )
        .await;
        assert!(
            !refusal(&reply, "addMember").is_empty(),
            "ann adds {what}: {:#}",
            reply.body
        );
    }
    let reply = add_member(
        app,
        &iris,
        json!({ "communityId": guild_id, "personId": ian.id, "role": "ACTIVE" }),
    )
    .await;
    let ian_m = done(&reply, "addMember")["membership"].clone();
    let ian_membership = id(&ian_m);
    assert_eq!(
        ian_m["status"], "PENDING",
        "the policy approvals still apply"
    );
    assert_eq!(
        pending_kinds(&ian_m),
        set(&["HOST_ADMIN", "MEMBER_ORGANIZATION_ADMIN"])
    );
    decide(app, &ada, &[&approval(&ian_m, "HOST_ADMIN")], true).await;
    decide(
        app,
        &ike,
        &[&approval(&ian_m, "MEMBER_ORGANIZATION_ADMIN")],
        true,
    )
    .await;
    let m = membership(app, &ian, &ian_membership).await;
    assert_eq!(
        (m["status"].clone(), m["role"].clone()),
        (json!("ACTIVE"), json!("ACTIVE"))
    );

    change_role(app, &ann, &bob_membership, json!({ "role": "COORDINATOR" })).await;
    let reply = mutate(
        app,
        Some(&bob.token),
        "leaveCommunity",
        json!({ "communityId": guild_id }),
        "membership { id status }",
    )
    .await;
    let left = done(&reply, "leaveCommunity")["membership"].clone();
    assert_eq!(
        left["status"], "LEFT",
        "a coordinator who is not the last may leave"
    );

    let core = members(
        app,
        &ann,
        "rust-guild",
        Some(&globex_id),
        Some("CORE"),
        None,
    )
    .await;
    assert_eq!(member_ids(&core), set(&[&gina_membership]));
    let coordinators = members(
        app,
        &ann,
        "rust-guild",
        None,
        Some("COORDINATOR"),
        Some("ACTIVE"),
    )
    .await;
    assert_eq!(
        member_ids(&coordinators),
        set(&[&ann_membership, &iris_membership])
    );
    let coordinators = members(
        app,
        &ann,
        "rust-guild",
        Some(&initech_id),
        Some("COORDINATOR"),
        None,
    )
    .await;
    assert_eq!(member_ids(&coordinators), set(&[&iris_membership]));
    let initech_members = members(app, &ann, "rust-guild", Some(&initech_id), None, None).await;
    assert_eq!(
        member_ids(&initech_members),
        set(&[&iris_membership, &ian_membership])
    );
    let acme_members = members(app, &ann, "rust-guild", Some(&acme_id), None, None).await;
    assert_eq!(
        member_ids(&acme_members),
        set(&[&ann_membership, &bob_membership])
    );
    let left = members(app, &ann, "rust-guild", None, None, Some("LEFT")).await;
    assert_eq!(member_ids(&left), set(&[&bob_membership]));

    set_defaults(app, &ada, &acme_id, json!({ "inbound": ALLOWED })).await;
    set_defaults(app, &ike, &initech_id, json!({ "outbound": ALLOWED })).await;
    let fresh = audit.step(app).await;
    let mut expected = vec!["MEMBER_ROLE_CHANGED"; 5];
    expected.extend([
        "MEMBER_ADDED",
        "MEMBER_ADDED",
        "MEMBERSHIP_APPROVAL_DECIDED",
        "MEMBERSHIP_APPROVAL_DECIDED",
        "MEMBER_LEFT",
        "POLICY_DEFAULTS_CHANGED",
    ]);
    fresh.assert_actions("acme", &expected, &[]);
    fresh.assert_actions("globex", &["MEMBER_ROLE_CHANGED"], &[]);
    fresh.assert_actions(
        "initech",
        &[
            "MEMBER_ROLE_CHANGED",
            "MEMBER_ADDED",
            "MEMBERSHIP_APPROVAL_DECIDED",
            "MEMBERSHIP_APPROVAL_DECIDED",
            "POLICY_DEFAULTS_CHANGED",
        ],
        &[],
    );
    let e = fresh.shared(
        "MEMBER_ROLE_CHANGED",
        Some(&gina_membership),
        &["acme", "globex"],
    );
    check_event(
        &e,
        &ann,
        &["acme", "globex"],
        Some("rust-guild"),
        Some(&gina_membership),
    );
    assert_transition(&e, "role", Some("PERIPHERAL"), "CORE");
    assert_transition(&e, "leadership", None, "INFORMAL");
    let e = fresh.shared(
        "MEMBER_ROLE_CHANGED",
        Some(&iris_membership),
        &["acme", "initech"],
    );
    assert_transition(&e, "role", Some("PERIPHERAL"), "COORDINATOR");
    let e = fresh.shared("MEMBER_ADDED", Some(&ian_membership), &["acme", "initech"]);
    check_event(
        &e,
        &iris,
        &["acme", "initech"],
        Some("rust-guild"),
        Some(&ian_membership),
    );
    let e = fresh.shared("MEMBER_LEFT", None, &["acme"]);
    check_event(
        &e,
        &bob,
        &["acme"],
        Some("rust-guild"),
        Some(&bob_membership),
    );
    assert_transition(&e, "status", Some("ACTIVE"), "LEFT");

    // Iris also joins the second acme community and her own organization's.
    assert_eq!(join(app, &iris, &circle_id).await["status"], "ACTIVE");
    let iris_ops = join(app, &iris, &ops_id).await;
    assert_eq!(iris_ops["status"], "ACTIVE");
    let fresh = audit.step(app).await;
    fresh.assert_actions("acme", &["MEMBERSHIP_REQUESTED"], &[]);
    fresh.assert_actions(
        "initech",
        &["MEMBERSHIP_REQUESTED", "MEMBERSHIP_REQUESTED"],
        &[],
    );
    fresh.assert_none("globex");

    // Removal by a coordinator; asking again after being removed or leaving reuses the
    // membership, as a new request (default role, the join rule's approval).
    let reply = mutate(
        app,
        Some(&ann.token),
        "removeMember",
        json!({ "membershipId": id(&m_a_ar) }),
        &format!("membership {{ {MEMBERSHIP} }}"),
    )
    .await;
    assert_eq!(
        done(&reply, "removeMember")["membership"]["status"],
        "REMOVED"
    );
    let again = join(app, &p_a_ar, &guild_id).await;
    assert_eq!(
        again["id"],
        id(&m_a_ar).as_str(),
        "a removed membership is reused"
    );
    assert_eq!(again["status"], "PENDING");
    assert_eq!(
        pending_kinds(&again),
        set(&["COORDINATOR"]),
        "only the join rule now"
    );
    let again = join(app, &bob, &guild_id).await;
    assert_eq!(
        again["id"],
        bob_membership.as_str(),
        "a membership that was left is reused"
    );
    assert_eq!(again["status"], "PENDING");
    assert_eq!(
        again["role"], "PERIPHERAL",
        "a new request starts with the default role"
    );
    assert_eq!(pending_kinds(&again), set(&["COORDINATOR"]));
    decide(app, &ann, &[&approval(&again, "COORDINATOR")], true).await;
    assert_eq!(
        membership(app, &bob, &bob_membership).await["status"],
        "ACTIVE"
    );
    let fresh = audit.step(app).await;
    fresh.assert_actions(
        "acme",
        &[
            "MEMBER_REMOVED",
            "MEMBERSHIP_REQUESTED",
            "MEMBERSHIP_REQUESTED",
            "MEMBERSHIP_APPROVAL_DECIDED",
        ],
        &[],
    );
    fresh.assert_actions("globex", &["MEMBER_REMOVED", "MEMBERSHIP_REQUESTED"], &[]);
    fresh.assert_none("initech");
    let e = fresh.shared("MEMBER_REMOVED", None, &["acme", "globex"]);
    check_event(
        &e,
        &ann,
        &["acme", "globex"],
        Some("rust-guild"),
        Some(&id(&m_a_ar)),
    );
    assert_transition(&e, "status", Some("ACTIVE"), "REMOVED");

    // ------------------------------------------------------------ 6. suspension and ending
    let w = World {
        ada,
        ann,
        gail,
        gina,
        globex_id: globex_id.clone(),
        guild_id: guild_id.clone(),
    };
    let pending_host = id(&m_ar_a);
    let before = globex_statuses(app, &w.ann, &globex_id).await;
    let expected_before: BTreeMap<String, String> = [
        (gina_membership.clone(), "ACTIVE".to_owned()),
        (id(&m_a_ar), "PENDING".to_owned()),
        (id(&m_ar_a), "PENDING".to_owned()),
        (id(&m_ar_ar), "ACTIVE".to_owned()),
    ]
    .into();
    assert_eq!(
        before, expected_before,
        "globex memberships before the suspension"
    );

    let p = partnership_change(app, &w.ada, "suspendPartnership", &ag_id).await;
    assert_eq!(p["status"], "SUSPENDED");
    assert_eq!(p["suspendedBy"]["slug"], "acme");
    assert_globex_cut_off(app, &w, &before, &pending_host, "suspended").await;
    let reply = partnership_change_reply(app, &w.gail, "resumePartnership", &ag_id).await;
    assert_refused(
        &reply,
        "resumePartnership",
        &["FORBIDDEN"],
        "resume by the side that did not suspend",
    );
    assert_eq!(
        partnership(app, &w.gail, &ag_id).await["status"],
        "SUSPENDED"
    );
    let fresh = audit.step(app).await;
    let e = fresh.shared("PARTNERSHIP_SUSPENDED", None, &["acme", "globex"]);
    check_event(&e, &w.ada, &["acme", "globex"], None, Some(&ag_id));
    assert_transition(&e, "status", Some("ACTIVE"), "SUSPENDED");
    fresh.assert_none("initech");

    let p = partnership_change(app, &w.ada, "resumePartnership", &ag_id).await;
    assert_eq!(p["status"], "ACTIVE");
    assert!(p["suspendedBy"].is_null());
    assert_globex_restored(app, &w, &before, &pending_host, "resumed").await;
    let fresh = audit.step(app).await;
    let e = fresh.shared("PARTNERSHIP_RESUMED", None, &["acme", "globex"]);
    check_event(&e, &w.ada, &["acme", "globex"], None, Some(&ag_id));
    assert_transition(&e, "status", Some("SUSPENDED"), "ACTIVE");
    fresh.assert_none("initech");

    let p = partnership_change(app, &w.gail, "endPartnership", &ag_id).await;
    assert_eq!(p["status"], "ENDED");
    assert!(!p["endedAt"].is_null());
    assert_globex_cut_off(app, &w, &before, &pending_host, "ended").await;
    let fresh = audit.step(app).await;
    let e = fresh.shared("PARTNERSHIP_ENDED", None, &["acme", "globex"]);
    check_event(&e, &w.gail, &["acme", "globex"], None, Some(&ag_id));
    assert_transition(&e, "status", Some("ACTIVE"), "ENDED");
    fresh.assert_none("initech");

    let p = propose(app, &w.gail, "acme", "Let us try again").await;
    assert_eq!(
        p["id"],
        ag_id.as_str(),
        "proposing after an end reuses the partnership"
    );
    assert_eq!(p["status"], "PROPOSED");
    assert_globex_cut_off(app, &w, &before, &pending_host, "proposed again").await;
    let p = partnership_change(app, &w.ada, "acceptPartnership", &ag_id).await;
    assert_eq!(p["status"], "ACTIVE");
    assert_globex_restored(app, &w, &before, &pending_host, "accepted again").await;
    let fresh = audit.step(app).await;
    let e = fresh.shared("PARTNERSHIP_PROPOSED", None, &["acme", "globex"]);
    check_event(&e, &w.gail, &["acme", "globex"], None, Some(&ag_id));
    assert_transition(&e, "status", Some("ENDED"), "PROPOSED");
    let e = fresh.shared("PARTNERSHIP_ACCEPTED", None, &["acme", "globex"]);
    check_event(&e, &w.ada, &["acme", "globex"], None, Some(&ag_id));
    fresh.assert_none("initech");

    decide(app, &w.ada, &[&approval(&m_ar_a, "HOST_ADMIN")], true).await;
    assert_eq!(
        membership(app, &p_ar_a, &id(&m_ar_a)).await["status"],
        "ACTIVE"
    );
    let m = membership(app, &p_a_ar, &id(&m_a_ar)).await;
    decide(app, &w.ann, &[&approval(&m, "COORDINATOR")], true).await;
    assert_eq!(
        membership(app, &p_a_ar, &id(&m_a_ar)).await["status"],
        "ACTIVE"
    );
    // An organization's admin removes one of its people.
    let reply = mutate(
        app,
        Some(&w.gail.token),
        "removeMember",
        json!({ "membershipId": id(&m_ar_a) }),
        "membership { id status }",
    )
    .await;
    assert_eq!(
        done(&reply, "removeMember")["membership"]["status"],
        "REMOVED"
    );
    let fresh = audit.step(app).await;
    for slug in ["acme", "globex"] {
        fresh.assert_actions(
            slug,
            &[
                "MEMBERSHIP_APPROVAL_DECIDED",
                "MEMBERSHIP_APPROVAL_DECIDED",
                "MEMBER_REMOVED",
            ],
            &[],
        );
    }
    let e = fresh.shared("MEMBER_REMOVED", None, &["acme", "globex"]);
    check_event(
        &e,
        &w.gail,
        &["acme", "globex"],
        Some("rust-guild"),
        Some(&id(&m_ar_a)),
    );
    fresh.assert_none("initech");

    // A disabled organization: its participations and memberships are SUSPENDED until enabled.
    let operator = app.operator_token();
    let toggle = |field: &'static str| {
        let operator = operator.clone();
        let initech_id = initech_id.clone();
        async move {
            let reply = app
                .graphql(
                    Some(&operator),
                    &format!("mutation($id: ID!) {{ {field}(input: {{ organizationId: $id }}) {{ organization {{ slug }} userErrors {{ code }} }} }}"),
                    json!({ "id": initech_id }),
                )
                .await;
            done(&reply, field);
        }
    };
    toggle("disableOrganization").await;
    let seen = participants(app, &w.ann, "rust-guild").await;
    assert_eq!(
        seen["initech"],
        ("CO_HOST".to_owned(), "SUSPENDED".to_owned()),
        "initech is disabled"
    );
    let suspended = members(
        app,
        &w.ann,
        "rust-guild",
        Some(&initech_id),
        None,
        Some("SUSPENDED"),
    )
    .await;
    assert_eq!(
        member_ids(&suspended),
        set(&[&iris_membership, &ian_membership])
    );
    toggle("enableOrganization").await;
    let seen = participants(app, &w.ann, "rust-guild").await;
    assert_eq!(
        seen["initech"],
        ("CO_HOST".to_owned(), "ACTIVE".to_owned()),
        "initech is enabled"
    );
    let active = members(
        app,
        &w.ann,
        "rust-guild",
        Some(&initech_id),
        None,
        Some("ACTIVE"),
    )
    .await;
    assert_eq!(
        member_ids(&active),
        set(&[&iris_membership, &ian_membership])
    );
    assert_eq!(
        membership(app, &iris, &iris_membership).await["role"],
        "COORDINATOR",
        "role kept"
    );
    let fresh = audit.step(app).await;
    for action in ["ORGANIZATION_DISABLED", "ORGANIZATION_ENABLED"] {
        let found = fresh.find("initech", action, None);
        assert_eq!(
            found.len(),
            1,
            "initech sees {action}: {:#?}",
            fresh.of("initech")
        );
        assert_eq!(found[0]["organization"]["slug"], "initech");
        assert_eq!(found[0]["targetId"], initech_id.as_str());
    }
    fresh.assert_none("globex");

    // ------------------------------------------------------------ 7. offboarding
    // (Another organization's admin offboarding is checked at the very end.)
    let reply = mutate(
        app,
        Some(&ivan.token),
        "offboardPerson",
        json!({ "personId": iris.id }),
        "memberships { id status }",
    )
    .await;
    assert_refused(
        &reply,
        "offboardPerson",
        &["FORBIDDEN"],
        "a non-admin offboards",
    );
    let reply = mutate(
        app,
        Some(&ike.token),
        "offboardPerson",
        json!({ "personId": iris.id }),
        "memberships { id status community { slug } }",
    )
    .await;
    let offboarded = done(&reply, "offboardPerson")["memberships"].clone();
    let communities: BTreeSet<String> = offboarded
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            assert_eq!(m["status"], "REMOVED", "{m:#}");
            s(&m["community"]["slug"]).to_owned()
        })
        .collect();
    assert_eq!(
        communities,
        set(&["rust-guild", "data-circle"]),
        "every community hosted elsewhere"
    );
    let m = membership(app, &iris, s(&iris_ops["id"])).await;
    assert_eq!(
        m["status"], "ACTIVE",
        "her own organization's community is untouched"
    );
    let removed = members(
        app,
        &w.ann,
        "rust-guild",
        Some(&initech_id),
        None,
        Some("REMOVED"),
    )
    .await;
    assert_eq!(member_ids(&removed), set(&[&iris_membership]));
    let coordinators = members(
        app,
        &w.ann,
        "rust-guild",
        None,
        Some("COORDINATOR"),
        Some("ACTIVE"),
    )
    .await;
    assert_eq!(member_ids(&coordinators), set(&[&ann_membership]));
    let fresh = audit.step(app).await;
    for slug in ["acme", "initech"] {
        fresh.assert_actions(slug, &["MEMBER_OFFBOARDED", "MEMBER_OFFBOARDED"], &[]);
        for e in fresh.of(slug) {
            check_event(
                e,
                &ike,
                &["acme", "initech"],
                e["community"]["slug"].as_str(),
                None,
            );
            assert_transition(e, "status", Some("ACTIVE"), "REMOVED");
        }
    }
    fresh.assert_none("globex");

    // ------------------------------------------------------------ 7b. organizations leave
    // initech withdraws from data-circle (its people's memberships are SUSPENDED), is invited
    // again (the same participation) and accepts (restored), then acme removes it.
    let ian_circle = join(app, &ian, &circle_id).await;
    let ian_circle = id(&ian_circle);
    let pc_id = s(&pc["id"]).to_owned();
    let reply = mutate(
        app,
        Some(&ivan.token),
        "withdrawOrganization",
        json!({ "participationId": pc_id }),
        "participation { id status }",
    )
    .await;
    assert_refused(
        &reply,
        "withdrawOrganization",
        &["FORBIDDEN", "NOT_FOUND"],
        "a non-admin withdraws",
    );
    let reply = mutate(
        app,
        Some(&ike.token),
        "withdrawOrganization",
        json!({ "participationId": pc_id }),
        &format!("participation {{ {PARTICIPATION} }}"),
    )
    .await;
    let left = done(&reply, "withdrawOrganization")["participation"].clone();
    assert_eq!(left["status"], "LEFT");
    assert!(!left["endedAt"].is_null());
    let circle_members = |status: &'static str| {
        let ann = &w.ann;
        let org = initech_id.as_str();
        async move { member_ids(&members(app, ann, "data-circle", Some(org), None, Some(status)).await) }
    };
    assert_eq!(
        circle_members("SUSPENDED").await,
        set(&[&ian_circle]),
        "withdrawn: SUSPENDED"
    );
    let reply = community(app, &ian.token, "acme", "data-circle").await;
    assert_eq!(
        reply.codes(),
        ["NOT_FOUND"],
        "no longer live for initech's people"
    );
    let again = invite(app, &w.ann, &circle_id, &initech_id, "PARTICIPATE").await;
    assert_eq!(
        again["id"],
        pc_id.as_str(),
        "a withdrawn organization's participation is reused"
    );
    assert_eq!(again["status"], "INVITED");
    accept_invitation(app, &ike, &pc_id, &ivan.id).await;
    assert_eq!(
        circle_members("ACTIVE").await,
        set(&[&ian_circle]),
        "restored"
    );
    let reply = mutate(
        app,
        Some(&ike.token),
        "removeOrganization",
        json!({ "participationId": pc_id }),
        "participation { id status }",
    )
    .await;
    assert_refused(
        &reply,
        "removeOrganization",
        &["FORBIDDEN"],
        "the partner removes itself (it withdraws)",
    );
    let reply = update_community_reply(
        app,
        &w.ann,
        &circle_id,
        json!({ "visibility": "HOST_ONLY" }),
    )
    .await;
    assert_refused(
        &reply,
        "updateCommunity",
        &["CONFLICT"],
        "HOST_ONLY with an ACTIVE partner",
    );
    let reply = mutate(
        app,
        Some(&w.ann.token),
        "removeOrganization",
        json!({ "participationId": pc_id }),
        &format!("participation {{ {PARTICIPATION} }}"),
    )
    .await;
    let removed = done(&reply, "removeOrganization")["participation"].clone();
    assert_eq!(removed["status"], "REMOVED");
    assert_eq!(
        circle_members("SUSPENDED").await,
        set(&[&ian_circle]),
        "removed: SUSPENDED"
    );
    let c = update_community(
        app,
        &w.ann,
        &circle_id,
        json!({ "visibility": "HOST_ONLY" }),
    )
    .await;
    assert_eq!(
        c["visibility"], "HOST_ONLY",
        "no partner INVITED, ACTIVE or SUSPENDED"
    );
    let fresh = audit.step(app).await;
    fresh.assert_actions(
        "acme",
        &[
            "MEMBERSHIP_REQUESTED",
            "ORGANIZATION_WITHDREW",
            "ORGANIZATION_INVITED",
            "INVITATION_ACCEPTED",
            "ORGANIZATION_REMOVED",
            "COMMUNITY_UPDATED",
        ],
        &[],
    );
    fresh.assert_actions(
        "initech",
        &[
            "MEMBERSHIP_REQUESTED",
            "ORGANIZATION_WITHDREW",
            "ORGANIZATION_INVITED",
            "INVITATION_ACCEPTED",
            "ORGANIZATION_REMOVED",
        ],
        &["COMMUNITY_UPDATED"],
    );
    fresh.assert_none("globex");
    let e = fresh.shared("ORGANIZATION_WITHDREW", None, &["acme", "initech"]);
    check_event(
        &e,
        &ike,
        &["acme", "initech"],
        Some("data-circle"),
        Some(&pc_id),
    );
    assert_transition(&e, "status", Some("ACTIVE"), "LEFT");
    let e = fresh.shared("ORGANIZATION_REMOVED", None, &["acme", "initech"]);
    check_event(
        &e,
        &w.ann,
        &["acme", "initech"],
        Some("data-circle"),
        Some(&pc_id),
    );
    assert_transition(&e, "status", Some("ACTIVE"), "REMOVED");

    // ------------------------------------------------------------ 8. audit filters
    let all = Audit::all(app, &w.ada.token, "acme", Value::Null).await;
    let filtered = |keep: &dyn Fn(&Value) -> bool| -> BTreeSet<String> {
        all.iter()
            .filter(|e| keep(e))
            .map(|e| s(&e["id"]).to_owned())
            .collect()
    };
    let by = |filter: Value| {
        let token = w.ada.token.clone();
        async move { Audit::all(app, &token, "acme", filter).await }
    };
    let got = by(json!({ "actions": ["PARTNERSHIP_PROPOSED", "PARTNERSHIP_ENDED"] })).await;
    let expected = filtered(&|e: &Value| {
        e["action"] == "PARTNERSHIP_PROPOSED" || e["action"] == "PARTNERSHIP_ENDED"
    });
    assert_eq!(expected.len(), 6);
    assert_eq!(ids(&json!(got)), expected, "filter by actions");
    let got = by(json!({ "communityId": guild_id })).await;
    let expected = filtered(&|e: &Value| e["community"]["slug"] == "rust-guild");
    assert!(expected.len() > 20);
    assert_eq!(ids(&json!(got)), expected, "filter by community");
    let got = by(json!({ "partnerId": globex_id })).await;
    let expected = filtered(&|e: &Value| {
        e["organization"]["slug"] == "globex" || e["otherOrganization"]["slug"] == "globex"
    });
    assert!(expected.len() > 20);
    assert_eq!(ids(&json!(got)), expected, "filter by partner");
    let got = by(json!({ "partnerId": globex_id, "actions": ["PARTNERSHIP_ACCEPTED"] })).await;
    assert_eq!(got.len(), 2, "filters combine: {got:#?}");
    let got = by(json!({ "since": step1_since, "until": step1_until })).await;
    let step1 = filtered(&|e: &Value| {
        let at = s(&e["occurredAt"]);
        let at = chrono::DateTime::parse_from_rfc3339(at).unwrap();
        at >= chrono::DateTime::parse_from_rfc3339(&step1_since).unwrap()
            && at <= chrono::DateTime::parse_from_rfc3339(&step1_until).unwrap()
    });
    assert_eq!(
        step1.len(),
        7,
        "step 1: three partnerships proposed, two accepted, one declined, one proposed again"
    );
    assert!(step1.is_superset(&step1_acme_globex));
    assert_eq!(ids(&json!(got)), step1, "filter by time range");
    let got = by(json!({ "since": step1_until })).await;
    assert_eq!(got.len(), all.len() - step1.len(), "since alone");
    let got = by(json!({ "until": step1_since })).await;
    assert!(got.is_empty(), "nothing before the first step");

    // Admin-only views of a visible organization: FORBIDDEN to anyone but its own admins.
    let views = [
        "auditEvents(first: 5) { totalCount }",
        "partnerPolicyDefaults { inbound }",
        "partnerships(first: 5) { totalCount }",
        "invitations(direction: OUTGOING, first: 5) { totalCount }",
        "externalMemberships(first: 5) { totalCount }",
        "identity { adminClaim }",
    ];
    for view in views {
        for (who, slug, what) in [
            (&w.ann, "acme", "acme's non-admin"),
            (&w.gina, "acme", "a partner's non-admin"),
            (&ike, "acme", "a partner's admin"),
            (&w.gail, "acme", "a partner's admin"),
            // globex is visible to initech (both take part in rust-guild).
            (
                &ike,
                "globex",
                "an admin of an organization without a partnership",
            ),
        ] {
            let reply = app
                .graphql(
                    Some(&who.token),
                    &format!("query($s: String!) {{ organization(slug: $s) {{ {view} }} }}"),
                    json!({ "s": slug }),
                )
                .await;
            expect_codes(
                &reply,
                &["FORBIDDEN"],
                &format!("{what} ({}) reads {slug}'s {view}", who.name),
            );
        }
    }

    // The actor's name as it was.
    let renamed = acme.token("ada", json!({ "name": "Ada Renamed", "roles": ["admin"] }));
    let reply = app
        .graphql(
            Some(&renamed),
            "{ viewer { person { displayName } } }",
            json!({}),
        )
        .await;
    assert_eq!(reply.data("/viewer/person/displayName"), "Ada Renamed");
    let renamed = Actor {
        token: renamed,
        id: w.ada.id.clone(),
        name: "Ada Renamed".into(),
        org: "acme".into(),
    };
    set_defaults(app, &renamed, &acme_id, json!({ "outbound": APPROVAL })).await;
    let fresh = audit.step(app).await;
    let e = fresh.shared("POLICY_DEFAULTS_CHANGED", None, &["acme"]);
    check_event(&e, &renamed, &["acme"], None, None);
    let all = Audit::all(
        app,
        &renamed.token,
        "acme",
        json!({ "actions": ["PARTNERSHIP_PROPOSED"] }),
    )
    .await;
    let first = all.last().unwrap();
    assert_eq!(
        first["actorName"], "Ada Acme",
        "the name the actor had: {first:#}"
    );
    // Last, as they would change the world if let through: changes by another
    // organization's admin.
    let reply = mutate(
        app,
        Some(&w.gail.token),
        "setPartnerPolicyDefaults",
        json!({ "organizationId": acme_id, "inbound": BLOCKED }),
        "defaults { inbound }",
    )
    .await;
    expect_refused(
        &reply,
        "setPartnerPolicyDefaults",
        &["FORBIDDEN"],
        "globex's admin sets acme's policy defaults",
    );
    let reply = mutate(
        app,
        Some(&w.ada.token),
        "offboardPerson",
        json!({ "personId": w.gina.id }),
        "memberships { id status }",
    )
    .await;
    expect_refused(
        &reply,
        "offboardPerson",
        &["FORBIDDEN"],
        "acme's admin offboards a globex person",
    );
    assert_no_findings();
    eprintln!(
        "federation journey ({:?}): {} audit events for acme",
        app.backend,
        Audit::all(app, &renamed.token, "acme", Value::Null)
            .await
            .len()
    );
}
db_test!(federation_journey, federation_journey);
