//! The journey's requests on communities and on the organizations taking part in them:
//! creating and updating communities, invitations, participants.

use super::client::{done, mutate, s, Actor, COMMUNITY, PARTICIPATION};
use crate::common::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;

pub(crate) async fn create_community(app: &TestApp, who: &Actor, input: Value) -> Value {
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

pub(super) async fn update_community_reply(
    app: &TestApp,
    who: &Actor,
    id: &str,
    fields: Value,
) -> Reply {
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

pub(super) async fn update_community(app: &TestApp, who: &Actor, id: &str, fields: Value) -> Value {
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

pub(crate) async fn invite_reply(app: &TestApp, who: &Actor, input: Value) -> Reply {
    mutate(
        app,
        Some(&who.token),
        "inviteOrganization",
        input,
        &format!("participation {{ {PARTICIPATION} }}"),
    )
    .await
}

pub(crate) async fn invite(
    app: &TestApp,
    who: &Actor,
    community: &str,
    org: &str,
    tier: &str,
) -> Value {
    let reply = invite_reply(
        app,
        who,
        json!({ "communityId": community, "organizationId": org, "tier": tier }),
    )
    .await;
    done(&reply, "inviteOrganization")["participation"].clone()
}

pub(crate) async fn accept_invitation_reply(
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

pub(crate) async fn accept_invitation(
    app: &TestApp,
    who: &Actor,
    participation: &str,
    sponsor: &str,
) -> Value {
    let reply = accept_invitation_reply(app, who, participation, sponsor).await;
    done(&reply, "acceptInvitation")["participation"].clone()
}

pub(super) async fn decline_invitation(app: &TestApp, who: &Actor, participation: &str) -> Value {
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
pub(super) async fn invitations(app: &TestApp, who: &Actor, slug: &str, direction: &str) -> Reply {
    app.graphql(
        Some(&who.token),
        &format!("query($s: String!, $d: InvitationDirection!) {{ organization(slug: $s) {{ invitations(direction: $d, first: 50) {{ totalCount nodes {{ {PARTICIPATION} }} }} }} }}"),
        json!({ "s": slug, "d": direction }),
    )
    .await
}

/// Participations of an acme community as a viewer sees them: organization slug → (tier, status).
pub(super) async fn participants(
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
