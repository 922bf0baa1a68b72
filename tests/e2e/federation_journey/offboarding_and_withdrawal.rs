//! Step 7 of the journey: initech's admin offboards one of its people, and initech leaves
//! data-circle, first of its own accord, then removed by acme.

use super::audit::{assert_transition, check_event};
use super::client::{community, done, id, mutate, s, set, PARTICIPATION};
use super::community_requests::{
    accept_invitation, invite, update_community, update_community_reply,
};
use super::findings::assert_refused;
use super::membership_requests::{join, member_ids, members, membership};
use super::World;
use serde_json::json;
use std::collections::BTreeSet;

/// initech's admin offboards iris from every community hosted elsewhere.
pub(super) async fn offboard_iris(w: &mut World<'_>) {
    let app = w.app;
    // (Another organization's admin offboarding is checked at the very end.)
    let reply = mutate(
        app,
        Some(&w.ivan.token),
        "offboardPerson",
        json!({ "personId": w.iris.id }),
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
        Some(&w.ike.token),
        "offboardPerson",
        json!({ "personId": w.iris.id }),
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
    let m = membership(app, &w.iris, &w.iris_ops_id).await;
    assert_eq!(
        m["status"], "ACTIVE",
        "her own organization's community is untouched"
    );
    let removed = members(
        app,
        &w.ann,
        "rust-guild",
        Some(&w.initech_id),
        None,
        Some("REMOVED"),
    )
    .await;
    assert_eq!(member_ids(&removed), set(&[&w.iris_membership]));
    let coordinators = members(
        app,
        &w.ann,
        "rust-guild",
        None,
        Some("COORDINATOR"),
        Some("ACTIVE"),
    )
    .await;
    assert_eq!(member_ids(&coordinators), set(&[&w.ann_membership]));
    let fresh = w.audit.step(app).await;
    for slug in ["acme", "initech"] {
        fresh.assert_actions(slug, &["MEMBER_OFFBOARDED", "MEMBER_OFFBOARDED"], &[]);
        for e in fresh.of(slug) {
            check_event(
                e,
                &w.ike,
                &["acme", "initech"],
                e["community"]["slug"].as_str(),
                None,
            );
            assert_transition(e, "status", Some("ACTIVE"), "REMOVED");
        }
    }
    fresh.assert_none("globex");
}

/// initech withdraws from data-circle (its people's memberships are SUSPENDED), is invited
/// again (the same participation) and accepts (restored), then acme removes it.
pub(super) async fn initech_leaves_data_circle(w: &mut World<'_>) {
    let app = w.app;
    let ian_circle = join(app, &w.ian, &w.circle_id).await;
    let ian_circle = id(&ian_circle);
    let reply = mutate(
        app,
        Some(&w.ivan.token),
        "withdrawOrganization",
        json!({ "participationId": w.pc_id }),
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
        Some(&w.ike.token),
        "withdrawOrganization",
        json!({ "participationId": w.pc_id }),
        &format!("participation {{ {PARTICIPATION} }}"),
    )
    .await;
    let left = done(&reply, "withdrawOrganization")["participation"].clone();
    assert_eq!(left["status"], "LEFT");
    assert!(!left["endedAt"].is_null());
    let circle_members = |status: &'static str| {
        let ann = &w.ann;
        let org = w.initech_id.as_str();
        async move { member_ids(&members(app, ann, "data-circle", Some(org), None, Some(status)).await) }
    };
    assert_eq!(
        circle_members("SUSPENDED").await,
        set(&[&ian_circle]),
        "withdrawn: SUSPENDED"
    );
    let reply = community(app, &w.ian.token, "acme", "data-circle").await;
    assert_eq!(
        reply.codes(),
        ["NOT_FOUND"],
        "no longer live for initech's people"
    );
    let again = invite(app, &w.ann, &w.circle_id, &w.initech_id, "PARTICIPATE").await;
    assert_eq!(
        again["id"],
        w.pc_id.as_str(),
        "a withdrawn organization's participation is reused"
    );
    assert_eq!(again["status"], "INVITED");
    accept_invitation(app, &w.ike, &w.pc_id, &w.ivan.id).await;
    assert_eq!(
        circle_members("ACTIVE").await,
        set(&[&ian_circle]),
        "restored"
    );
    let reply = mutate(
        app,
        Some(&w.ike.token),
        "removeOrganization",
        json!({ "participationId": w.pc_id }),
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
        &w.circle_id,
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
        json!({ "participationId": w.pc_id }),
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
        &w.circle_id,
        json!({ "visibility": "HOST_ONLY" }),
    )
    .await;
    assert_eq!(
        c["visibility"], "HOST_ONLY",
        "no partner INVITED, ACTIVE or SUSPENDED"
    );
    let fresh = w.audit.step(app).await;
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
    // data-circle is HOST_ONLY now: initech, a former partner, still reads the events that
    // concern it, but no longer sees the community they name (docs/FEDERATION.md).
    for action in ["ORGANIZATION_WITHDREW", "ORGANIZATION_REMOVED"] {
        let seen_by_initech = fresh.find("initech", action, None);
        assert_eq!(seen_by_initech.len(), 1, "{action}");
        assert!(
            seen_by_initech[0]["community"].is_null(),
            "{action}: a HOST_ONLY community is hidden from a former partner: {:#}",
            seen_by_initech[0]
        );
    }
    let e = fresh.shared("ORGANIZATION_WITHDREW", None, &["initech", "acme"]);
    check_event(
        &e,
        &w.ike,
        &["acme", "initech"],
        Some("data-circle"),
        Some(&w.pc_id),
    );
    assert_transition(&e, "status", Some("ACTIVE"), "LEFT");
    let e = fresh.shared("ORGANIZATION_REMOVED", None, &["initech", "acme"]);
    check_event(
        &e,
        &w.ann,
        &["acme", "initech"],
        Some("data-circle"),
        Some(&w.pc_id),
    );
    assert_transition(&e, "status", Some("ACTIVE"), "REMOVED");
}
