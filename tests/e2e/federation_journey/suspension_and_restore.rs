//! Step 6 of the journey: acme–globex suspended and resumed, ended and formed again, and
//! initech disabled and enabled: what is cut off meanwhile, and restored after.

use super::audit::{assert_transition, check_event};
use super::client::{community, done, id, mutate, node_reply, s, set, Actor, ALLOWED, APPROVAL};
use super::community_requests::participants;
use super::findings::assert_refused;
use super::membership_requests::{
    approval, decide, external_memberships, member_ids, members, membership, pending_approvals,
};
use super::partnership_requests::{
    partnership, partnership_change, partnership_change_reply, propose,
};
use super::World;
use crate::common::*;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

/// acme suspends acme–globex and resumes it; globex ends it, proposes again and acme
/// accepts. While it is not ACTIVE globex is cut off; once it is, everything is as it was.
pub(super) async fn suspend_end_and_reform(w: &mut World<'_>) {
    let app = w.app;
    let (_, m_a_ar) = &w.joined[&(ALLOWED, APPROVAL)];
    let (_, m_ar_a) = &w.joined[&(APPROVAL, ALLOWED)];
    let (_, m_ar_ar) = &w.joined[&(APPROVAL, APPROVAL)];
    let pending_host = id(m_ar_a);
    let before = globex_statuses(app, &w.ann, &w.globex_id).await;
    let expected_before: BTreeMap<String, String> = [
        (w.gina_membership.clone(), "ACTIVE".to_owned()),
        (id(m_a_ar), "PENDING".to_owned()),
        (id(m_ar_a), "PENDING".to_owned()),
        (id(m_ar_ar), "ACTIVE".to_owned()),
    ]
    .into();
    assert_eq!(
        before, expected_before,
        "globex memberships before the suspension"
    );

    let p = partnership_change(app, &w.ada, "suspendPartnership", &w.ag_id).await;
    assert_eq!(p["status"], "SUSPENDED");
    assert_eq!(p["suspendedBy"]["slug"], "acme");
    assert_globex_cut_off(app, w, &before, &pending_host, "suspended").await;
    let reply = partnership_change_reply(app, &w.gail, "resumePartnership", &w.ag_id).await;
    assert_refused(
        &reply,
        "resumePartnership",
        &["FORBIDDEN"],
        "resume by the side that did not suspend",
    );
    assert_eq!(
        partnership(app, &w.gail, &w.ag_id).await["status"],
        "SUSPENDED"
    );
    let fresh = w.audit.step(app).await;
    let e = fresh.shared("PARTNERSHIP_SUSPENDED", None, &["acme", "globex"]);
    check_event(&e, &w.ada, &["acme", "globex"], None, Some(&w.ag_id));
    assert_transition(&e, "status", Some("ACTIVE"), "SUSPENDED");
    fresh.assert_none("initech");

    let p = partnership_change(app, &w.ada, "resumePartnership", &w.ag_id).await;
    assert_eq!(p["status"], "ACTIVE");
    assert!(p["suspendedBy"].is_null());
    assert_globex_restored(app, w, &before, &pending_host, "resumed").await;
    let fresh = w.audit.step(app).await;
    let e = fresh.shared("PARTNERSHIP_RESUMED", None, &["acme", "globex"]);
    check_event(&e, &w.ada, &["acme", "globex"], None, Some(&w.ag_id));
    assert_transition(&e, "status", Some("SUSPENDED"), "ACTIVE");
    fresh.assert_none("initech");

    let p = partnership_change(app, &w.gail, "endPartnership", &w.ag_id).await;
    assert_eq!(p["status"], "ENDED");
    assert!(!p["endedAt"].is_null());
    assert_globex_cut_off(app, w, &before, &pending_host, "ended").await;
    let fresh = w.audit.step(app).await;
    let e = fresh.shared("PARTNERSHIP_ENDED", None, &["acme", "globex"]);
    check_event(&e, &w.gail, &["acme", "globex"], None, Some(&w.ag_id));
    assert_transition(&e, "status", Some("ACTIVE"), "ENDED");
    fresh.assert_none("initech");

    let p = propose(app, &w.gail, "acme", "Let us try again").await;
    assert_eq!(
        p["id"],
        w.ag_id.as_str(),
        "proposing after an end reuses the partnership"
    );
    assert_eq!(p["status"], "PROPOSED");
    assert_globex_cut_off(app, w, &before, &pending_host, "proposed again").await;
    let p = partnership_change(app, &w.ada, "acceptPartnership", &w.ag_id).await;
    assert_eq!(p["status"], "ACTIVE");
    assert_globex_restored(app, w, &before, &pending_host, "accepted again").await;
    let fresh = w.audit.step(app).await;
    let e = fresh.shared("PARTNERSHIP_PROPOSED", None, &["acme", "globex"]);
    check_event(&e, &w.gail, &["acme", "globex"], None, Some(&w.ag_id));
    assert_transition(&e, "status", Some("ENDED"), "PROPOSED");
    let e = fresh.shared("PARTNERSHIP_ACCEPTED", None, &["acme", "globex"]);
    check_event(&e, &w.ada, &["acme", "globex"], None, Some(&w.ag_id));
    fresh.assert_none("initech");
}

/// The approvals left pending are decided once the partnership is ACTIVE again; an
/// organization's admin removes one of its people.
pub(super) async fn decide_after_reforming(w: &mut World<'_>) {
    let app = w.app;
    let (p_a_ar, m_a_ar) = &w.joined[&(ALLOWED, APPROVAL)];
    let (p_ar_a, m_ar_a) = &w.joined[&(APPROVAL, ALLOWED)];
    decide(app, &w.ada, &[&approval(m_ar_a, "HOST_ADMIN")], true).await;
    assert_eq!(
        membership(app, p_ar_a, &id(m_ar_a)).await["status"],
        "ACTIVE"
    );
    let m = membership(app, p_a_ar, &id(m_a_ar)).await;
    decide(app, &w.ann, &[&approval(&m, "COORDINATOR")], true).await;
    assert_eq!(
        membership(app, p_a_ar, &id(m_a_ar)).await["status"],
        "ACTIVE"
    );
    // An organization's admin removes one of its people.
    let reply = mutate(
        app,
        Some(&w.gail.token),
        "removeMember",
        json!({ "membershipId": id(m_ar_a) }),
        "membership { id status }",
    )
    .await;
    assert_eq!(
        done(&reply, "removeMember")["membership"]["status"],
        "REMOVED"
    );
    let fresh = w.audit.step(app).await;
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
        Some(&id(m_ar_a)),
    );
    fresh.assert_none("initech");
}

/// A disabled organization: its participations and memberships are SUSPENDED until enabled.
pub(super) async fn disable_initech(w: &mut World<'_>) {
    let app = w.app;
    let operator = app.operator_token();
    let toggle = |field: &'static str| {
        let operator = operator.clone();
        let initech_id = w.initech_id.clone();
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
        Some(&w.initech_id),
        None,
        Some("SUSPENDED"),
    )
    .await;
    assert_eq!(
        member_ids(&suspended),
        set(&[&w.iris_membership, &w.ian_membership])
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
        Some(&w.initech_id),
        None,
        Some("ACTIVE"),
    )
    .await;
    assert_eq!(
        member_ids(&active),
        set(&[&w.iris_membership, &w.ian_membership])
    );
    assert_eq!(
        membership(app, &w.iris, &w.iris_membership).await["role"],
        "COORDINATOR",
        "role kept"
    );
    let fresh = w.audit.step(app).await;
    for action in ["ORGANIZATION_DISABLED", "ORGANIZATION_ENABLED"] {
        let found = fresh.find("initech", action, None);
        assert_eq!(
            found.len(),
            1,
            "initech sees {action}: {:#?}",
            fresh.of("initech")
        );
        assert_eq!(found[0]["organization"]["slug"], "initech");
        assert_eq!(found[0]["targetId"], w.initech_id.as_str());
    }
    fresh.assert_none("globex");
}

/// Memberships of globex people in rust-guild as acme's coordinator sees them: id → status.
pub(super) async fn globex_statuses(
    app: &TestApp,
    ann: &Actor,
    globex_id: &str,
) -> BTreeMap<String, String> {
    members(app, ann, "rust-guild", Some(globex_id), None, None)
        .await
        .iter()
        .map(|m| (s(&m["id"]).to_owned(), s(&m["status"]).to_owned()))
        .collect()
}

/// While acme–globex is not ACTIVE: globex people lose the community, their memberships and
/// the participation are SUSPENDED, pending approvals are no longer pending.
pub(super) async fn assert_globex_cut_off(
    app: &TestApp,
    w: &World<'_>,
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
pub(super) async fn assert_globex_restored(
    app: &TestApp,
    w: &World<'_>,
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
