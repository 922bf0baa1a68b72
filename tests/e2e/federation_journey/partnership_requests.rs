//! The journey's requests on partnerships and partner policies, and what a side of a
//! partnership reads of its policies.

use super::client::{done, mutate, node, Actor, PARTNERSHIP};
use crate::common::*;
use serde_json::{json, Value};

pub(crate) async fn propose(app: &TestApp, who: &Actor, partner: &str, message: &str) -> Value {
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
pub(crate) async fn partnership_change(app: &TestApp, who: &Actor, field: &str, id: &str) -> Value {
    let reply = partnership_change_reply(app, who, field, id).await;
    done(&reply, field)["partnership"].clone()
}

pub(crate) async fn partnership_change_reply(
    app: &TestApp,
    who: &Actor,
    field: &str,
    id: &str,
) -> Reply {
    mutate(
        app,
        Some(&who.token),
        field,
        json!({ "partnershipId": id }),
        &format!("partnership {{ {PARTNERSHIP} }}"),
    )
    .await
}

pub(super) async fn partnership(app: &TestApp, who: &Actor, id: &str) -> Value {
    node(app, &who.token, id, "Partnership", PARTNERSHIP).await
}

/// Partnerships listed by an organization's admin.
pub(super) async fn partnerships(app: &TestApp, who: &Actor, slug: &str) -> Reply {
    app.graphql(
        Some(&who.token),
        &format!("query($s: String!) {{ organization(slug: $s) {{ partnerships(first: 50) {{ totalCount nodes {{ {PARTNERSHIP} }} }} }} }}"),
        json!({ "s": slug }),
    )
    .await
}

pub(super) async fn set_policy(app: &TestApp, who: &Actor, id: &str, fields: Value) -> Value {
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

pub(super) async fn set_defaults(
    app: &TestApp,
    who: &Actor,
    organization_id: &str,
    fields: Value,
) -> Value {
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
pub(super) fn assert_policy(
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
