//! Step 3 of the journey: acme hosts rust-guild and invites its partners (initech declines,
//! is invited again and accepts); a second acme community, and one initech hosts.

use super::audit::{assert_transition, check_event, json_value};
use super::client::{community, ids, refusal, s, set};
use super::community_requests::{
    accept_invitation, accept_invitation_reply, create_community, decline_invitation, invitations,
    invite, invite_reply, participants,
};
use super::findings::assert_refused;
use super::World;
use serde_json::json;

/// ann creates rust-guild and coordinates it; globex does not see it yet.
pub(super) async fn create_rust_guild(w: &mut World<'_>) {
    let app = w.app;
    let c = create_community(
        app,
        &w.ann,
        json!({ "slug": "rust-guild", "name": "Rust Guild", "purpose": "Share Rust practice", "tags": ["rust", "backend"] }),
    )
    .await;
    w.guild_id = s(&c["id"]).to_owned();
    assert_eq!(c["visibility"], "FEDERATED", "the default visibility");
    assert_eq!(c["stage"], "POTENTIAL");
    assert_eq!(c["joinRule"], "OPEN");
    assert_eq!(c["host"]["slug"], "acme");
    assert_eq!(c["viewerCoordinates"], true, "the creator coordinates");
    assert_eq!(c["viewerMembership"]["role"], "COORDINATOR");
    assert_eq!(c["viewerMembership"]["leadership"], "FORMAL");
    assert_eq!(c["viewerMembership"]["status"], "ACTIVE");
    w.ann_membership = s(&c["viewerMembership"]["id"]).to_owned();
    let reply = community(app, &w.bob.token, "acme", "rust-guild").await;
    reply.assert_ok();
    assert_eq!(reply.data("/community/viewerCoordinates"), false);
    assert!(reply.data("/community/viewerMembership").is_null());
    let reply = community(app, &w.ada.token, "acme", "rust-guild").await;
    assert_eq!(
        reply.data("/community/viewerCoordinates"),
        true,
        "host admins coordinate"
    );
    let reply = community(app, &w.gina.token, "acme", "rust-guild").await;
    assert_eq!(
        reply.codes(),
        ["NOT_FOUND"],
        "globex does not participate yet"
    );
    let fresh = w.audit.step(app).await;
    fresh.assert_actions(
        "acme",
        &["COMMUNITY_CREATED"],
        &["MEMBER_ADDED", "MEMBERSHIP_REQUESTED"],
    );
    let e = fresh.shared("COMMUNITY_CREATED", None, &["acme"]);
    check_event(&e, &w.ann, &["acme"], Some("rust-guild"), Some(&w.guild_id));
    assert!(
        json_value(&e["before"]).is_null(),
        "nothing before a creation: {e:#}"
    );
    fresh.assert_none("globex");
    fresh.assert_none("initech");
}

/// globex is invited and accepts; initech declines, is invited again as CO_HOST and
/// accepts; umbrella, whose partnership is only PROPOSED, cannot be invited.
pub(super) async fn invite_globex_and_initech(w: &mut World<'_>) {
    let app = w.app;
    for days in [0, 91] {
        let reply = invite_reply(
            app,
            &w.ann,
            json!({ "communityId": w.guild_id, "organizationId": w.globex_id, "expiresInDays": days }),
        )
        .await;
        assert_refused(
            &reply,
            "inviteOrganization",
            &["BAD_USER_INPUT"],
            "expiresInDays out of 1-90",
        );
    }
    let pg = invite(app, &w.ann, &w.guild_id, &w.globex_id, "PARTICIPATE").await;
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

    let reply = invitations(app, &w.gail, "globex", "INCOMING").await;
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
    let reply = invitations(app, &w.ada, "acme", "OUTGOING").await;
    reply.assert_ok();
    assert_eq!(
        ids(reply.data("/organization/invitations/nodes")),
        set(&[&pg_id])
    );
    let reply = invitations(app, &w.gail, "globex", "OUTGOING").await;
    reply.assert_ok();
    assert_eq!(reply.data("/organization/invitations/totalCount"), 0);
    let reply = invitations(app, &w.gina, "globex", "INCOMING").await;
    assert_eq!(reply.codes(), ["FORBIDDEN"], "invitations are for admins");
    let reply = community(app, &w.gail.token, "acme", "rust-guild").await;
    reply.assert_ok();
    let reply = community(app, &w.gina.token, "acme", "rust-guild").await;
    assert_eq!(
        reply.codes(),
        ["NOT_FOUND"],
        "an INVITED participation does not make it live"
    );

    let reply = invite_reply(
        app,
        &w.ada,
        json!({ "communityId": w.guild_id, "organizationId": w.umbrella_id }),
    )
    .await;
    assert_refused(
        &reply,
        "inviteOrganization",
        &["CONFLICT"],
        "a partnership that is only PROPOSED",
    );

    let pi = invite(app, &w.ann, &w.guild_id, &w.initech_id, "PARTICIPATE").await;
    let pi_id = s(&pi["id"]).to_owned();
    let declined = decline_invitation(app, &w.ike, &pi_id).await;
    assert_eq!(declined["status"], "DECLINED");
    let pi = invite(app, &w.ann, &w.guild_id, &w.initech_id, "CO_HOST").await;
    assert_eq!(
        pi["id"],
        pi_id.as_str(),
        "a declined organization's participation is reused"
    );
    assert_eq!(pi["status"], "INVITED");
    assert_eq!(pi["tier"], "CO_HOST");
    let accepted = accept_invitation(app, &w.ike, &pi_id, &w.ivan.id).await;
    assert_eq!(accepted["status"], "ACTIVE");
    assert_eq!(accepted["sponsor"]["id"], w.ivan.id.as_str());
    assert!(!accepted["acceptedAt"].is_null());

    let reply = accept_invitation_reply(app, &w.gail, &pg_id, &w.ann.id).await;
    assert!(
        !refusal(&reply, "acceptInvitation").is_empty(),
        "the sponsor must be one of globex's people: {:#}",
        reply.body
    );
    let reply = invitations(app, &w.gail, "globex", "INCOMING").await;
    assert_eq!(
        reply.data("/organization/invitations/nodes/0/status"),
        "INVITED"
    );
    let accepted = accept_invitation(app, &w.gail, &pg_id, &w.gina.id).await;
    assert_eq!(accepted["status"], "ACTIVE");
    assert_eq!(accepted["sponsor"]["id"], w.gina.id.as_str());
    let reply = community(app, &w.gina.token, "acme", "rust-guild").await;
    reply.assert_ok();
    assert_eq!(reply.data("/community/viewerCoordinates"), false);
    let seen = participants(app, &w.gina, "rust-guild").await;
    assert_eq!(
        seen.keys().map(String::as_str).collect::<Vec<_>>(),
        ["acme", "globex", "initech"]
    );
    assert_eq!(seen["acme"].0, "HOST");
    assert_eq!(seen["initech"], ("CO_HOST".to_owned(), "ACTIVE".to_owned()));

    let fresh = w.audit.step(app).await;
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
        &w.ann,
        &["acme", "globex"],
        Some("rust-guild"),
        Some(&pg_id),
    );
    assert_transition(&e, "status", None, "INVITED");
    let e = fresh.shared("INVITATION_ACCEPTED", Some(&pg_id), &["acme", "globex"]);
    check_event(
        &e,
        &w.gail,
        &["acme", "globex"],
        Some("rust-guild"),
        Some(&pg_id),
    );
    assert_transition(&e, "status", Some("INVITED"), "ACTIVE");
    let e = fresh.shared("INVITATION_DECLINED", Some(&pi_id), &["acme", "initech"]);
    check_event(
        &e,
        &w.ike,
        &["acme", "initech"],
        Some("rust-guild"),
        Some(&pi_id),
    );
    assert_transition(&e, "status", Some("INVITED"), "DECLINED");
}

/// A second acme community, with initech; and one initech hosts.
pub(super) async fn create_data_circle_and_initech_ops(w: &mut World<'_>) {
    let app = w.app;
    let circle = create_community(
        app,
        &w.ann,
        json!({ "slug": "data-circle", "name": "Data Circle" }),
    )
    .await;
    w.circle_id = s(&circle["id"]).to_owned();
    let pc = invite(app, &w.ann, &w.circle_id, &w.initech_id, "PARTICIPATE").await;
    w.pc_id = s(&pc["id"]).to_owned();
    accept_invitation(app, &w.ike, &w.pc_id, &w.ivan.id).await;
    let ops = create_community(
        app,
        &w.ivan,
        json!({ "slug": "initech-ops", "name": "Initech Ops", "visibility": "HOST_ONLY" }),
    )
    .await;
    w.ops_id = s(&ops["id"]).to_owned();
    assert_eq!(ops["visibility"], "HOST_ONLY");
    assert_eq!(ops["host"]["slug"], "initech");
    let reply = community(app, &w.ada.token, "initech", "initech-ops").await;
    assert_eq!(
        reply.codes(),
        ["NOT_FOUND"],
        "HOST_ONLY communities stay home"
    );
    let fresh = w.audit.step(app).await;
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
    check_event(
        &e,
        &w.ivan,
        &["initech"],
        Some("initech-ops"),
        Some(&w.ops_id),
    );
    fresh.assert_none("globex");
}
