//! Step 4 of the journey: globex people join rust-guild under every combination of the two
//! sides' policies; approvals are asked of the right admins, rejected and given; a join that
//! needs three approvals.

use super::audit::{assert_transition, check_event, state};
use super::client::{actor, community, done, id, s, set, Actor, ALLOWED, APPROVAL, BLOCKED};
use super::community_requests::update_community;
use super::findings::assert_refused;
use super::membership_requests::{
    approval, decide, decide_reply, join, join_reply, membership, pending_approvals, pending_kinds,
};
use super::partnership_requests::{assert_policy, partnership, set_defaults, set_policy};
use super::World;
use serde_json::{json, Value};
use std::collections::{BTreeSet, HashMap};

/// Every combination of acme's inbound policy for globex and globex's outbound policy for
/// acme, each tried by a globex person (gina is the one with both ALLOWED).
pub(super) async fn join_under_every_policy(w: &mut World<'_>) {
    let app = w.app;
    let policies = [ALLOWED, APPROVAL, BLOCKED];
    // The overrides each side has set (None: following the default, ALLOWED).
    let mut overrides: (Option<&str>, Option<&str>) = (None, None);
    let mut joined: HashMap<(&str, &str), (Actor, Value)> = HashMap::new();
    for inbound in policies {
        for outbound in policies {
            if overrides.0.unwrap_or(ALLOWED) != inbound {
                set_policy(app, &w.ada, &w.ag_id, json!({ "inbound": inbound })).await;
                overrides.0 = Some(inbound);
            }
            if overrides.1.unwrap_or(ALLOWED) != outbound {
                set_policy(app, &w.gail, &w.ag_id, json!({ "outbound": outbound })).await;
                overrides.1 = Some(outbound);
            }
            let mine = partnership(app, &w.ada, &w.ag_id).await;
            assert_policy(&mine, inbound, ALLOWED, overrides.0, None, "acme side");
            let theirs = partnership(app, &w.gail, &w.ag_id).await;
            assert_policy(&theirs, ALLOWED, outbound, None, overrides.1, "globex side");

            let person = if (inbound, outbound) == (ALLOWED, ALLOWED) {
                w.gina.clone()
            } else {
                let sub = format!("g-{inbound}-{outbound}").to_lowercase();
                actor(
                    app,
                    &w.globex,
                    &sub,
                    &format!("G {inbound}/{outbound}"),
                    false,
                )
                .await
            };
            let what = format!("inbound {inbound} × outbound {outbound}");
            let reply = join_reply(app, &person, &w.guild_id).await;
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
    let p = set_policy(app, &w.ada, &w.ag_id, json!({ "inbound": null })).await;
    assert_policy(&p, ALLOWED, ALLOWED, None, None, "acme back to defaults");
    let p = set_policy(app, &w.gail, &w.ag_id, json!({ "outbound": null })).await;
    assert_policy(&p, ALLOWED, ALLOWED, None, None, "globex back to defaults");
    let fresh = w.audit.step(app).await;
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
    let (_, gina_m) = joined.remove(&(ALLOWED, ALLOWED)).unwrap();
    w.gina_membership = s(&gina_m["id"]).to_owned();
    let e = fresh.shared(
        "MEMBERSHIP_REQUESTED",
        Some(&w.gina_membership),
        &["acme", "globex"],
    );
    check_event(
        &e,
        &w.gina,
        &["acme", "globex"],
        Some("rust-guild"),
        Some(&w.gina_membership),
    );
    assert_transition(&e, "status", None, "ACTIVE");
    let (p_ar_ar, m_ar_ar) = &joined[&(APPROVAL, APPROVAL)];
    let e = fresh.shared(
        "MEMBERSHIP_REQUESTED",
        Some(s(&m_ar_ar["id"])),
        &["acme", "globex"],
    );
    check_event(&e, p_ar_ar, &["acme", "globex"], Some("rust-guild"), None);
    assert_transition(&e, "status", None, "PENDING");
    w.joined = joined;
}

/// Who is asked for what; one rejection, every approval given; the rejected person asks again.
pub(super) async fn decide_approvals(w: &mut World<'_>) {
    let app = w.app;
    let (p_a_ar, m_a_ar) = &w.joined[&(ALLOWED, APPROVAL)];
    let (p_ar_a, m_ar_a) = &w.joined[&(APPROVAL, ALLOWED)];
    let (p_ar_ar, m_ar_ar) = &w.joined[&(APPROVAL, APPROVAL)];
    // Who is asked for what.
    assert_eq!(
        pending_approvals(app, &w.ada).await,
        BTreeSet::from([pair(m_ar_a, "HOST_ADMIN"), pair(m_ar_ar, "HOST_ADMIN")]),
        "acme's admin decides acme's inbound approvals"
    );
    assert_eq!(
        pending_approvals(app, &w.gail).await,
        BTreeSet::from([
            pair(m_a_ar, "MEMBER_ORGANIZATION_ADMIN"),
            pair(m_ar_ar, "MEMBER_ORGANIZATION_ADMIN")
        ]),
        "globex's admin decides globex's outbound approvals"
    );
    for who in [&w.ann, &w.ike, p_ar_a, &w.gina] {
        assert!(
            pending_approvals(app, who).await.is_empty(),
            "{} decides nothing",
            who.name
        );
    }

    // One rejection: REJECTED.
    let a = approval(m_a_ar, "MEMBER_ORGANIZATION_ADMIN");
    let decided = decide(app, &w.gail, &[&a], false).await;
    assert_eq!(decided[0]["status"], "REJECTED");
    assert_eq!(decided[0]["decidedBy"]["id"], w.gail.id.as_str());
    let m = membership(app, &w.gail, &id(m_a_ar)).await;
    assert_eq!(m["status"], "REJECTED");
    // Every approval given: ACTIVE.
    let decided = decide(app, &w.ada, &[&approval(m_ar_ar, "HOST_ADMIN")], true).await;
    assert_eq!(decided[0]["status"], "APPROVED");
    let m = membership(app, &w.ada, &id(m_ar_ar)).await;
    assert_eq!(m["status"], "PENDING", "one approval of two given");
    assert_eq!(pending_kinds(&m), set(&["MEMBER_ORGANIZATION_ADMIN"]));
    decide(
        app,
        &w.gail,
        &[&approval(m_ar_ar, "MEMBER_ORGANIZATION_ADMIN")],
        true,
    )
    .await;
    let m = membership(app, p_ar_ar, &id(m_ar_ar)).await;
    assert_eq!(m["status"], "ACTIVE", "every approval given");
    assert!(!m["joinedAt"].is_null());
    assert!(pending_kinds(&m).is_empty());
    // The rejected person asks again: the same membership, ACTIVE under the defaults.
    let again = join(app, p_a_ar, &w.guild_id).await;
    assert_eq!(
        again["id"],
        id(m_a_ar).as_str(),
        "a rejected membership is reused"
    );
    assert_eq!(again["status"], "ACTIVE");
    let fresh = w.audit.step(app).await;
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
    check_event(&e, &w.gail, &["acme", "globex"], Some("rust-guild"), None);
    assert!(
        e["targetId"] == a.as_str() || e["targetId"] == id(m_a_ar).as_str(),
        "the approval (or its membership) is the target: {e:#}"
    );
    assert_eq!(
        state(&e["after"], "status").as_deref(),
        Some("REJECTED"),
        "{e:#}"
    );
}

/// Three approvals: acme's inbound, initech's outbound, the community's join rule.
pub(super) async fn require_three_approvals(w: &mut World<'_>) {
    let app = w.app;
    let m_ar_a = &w.joined[&(APPROVAL, ALLOWED)].1;
    let c = update_community(app, &w.ann, &w.guild_id, json!({ "joinRule": APPROVAL })).await;
    assert_eq!(c["joinRule"], APPROVAL);
    assert_eq!(c["name"], "Rust Guild", "fields left out are unchanged");
    set_defaults(app, &w.ada, &w.acme_id, json!({ "inbound": APPROVAL })).await;
    set_defaults(app, &w.ike, &w.initech_id, json!({ "outbound": APPROVAL })).await;
    assert_policy(
        &partnership(app, &w.ada, &w.ai_id).await,
        APPROVAL,
        ALLOWED,
        None,
        None,
        "acme's new default",
    );
    assert_policy(
        &partnership(app, &w.ike, &w.ai_id).await,
        ALLOWED,
        APPROVAL,
        None,
        None,
        "initech's new default",
    );
    let iris_m = join(app, &w.iris, &w.guild_id).await;
    w.iris_membership = id(&iris_m);
    assert_eq!(iris_m["status"], "PENDING");
    assert_eq!(
        pending_kinds(&iris_m),
        set(&["HOST_ADMIN", "MEMBER_ORGANIZATION_ADMIN", "COORDINATOR"]),
        "three approvals listed"
    );
    assert_eq!(
        pending_approvals(app, &w.ada).await,
        BTreeSet::from([
            pair(&iris_m, "HOST_ADMIN"),
            pair(&iris_m, "COORDINATOR"),
            pair(m_ar_a, "HOST_ADMIN")
        ]),
        "acme's admin is the host's admin and coordinates"
    );
    assert_eq!(
        pending_approvals(app, &w.ann).await,
        BTreeSet::from([pair(&iris_m, "COORDINATOR")])
    );
    assert_eq!(
        pending_approvals(app, &w.ike).await,
        BTreeSet::from([pair(&iris_m, "MEMBER_ORGANIZATION_ADMIN")])
    );
    assert!(pending_approvals(app, &w.gail).await.is_empty());
    let reply = decide_reply(app, &w.ann, &[&approval(&iris_m, "HOST_ADMIN")], true).await;
    assert_refused(
        &reply,
        "decideApprovals",
        &["FORBIDDEN"],
        "a coordinator deciding the host admin's approval",
    );
    decide(app, &w.ada, &[&approval(&iris_m, "HOST_ADMIN")], true).await;
    decide(
        app,
        &w.ike,
        &[&approval(&iris_m, "MEMBER_ORGANIZATION_ADMIN")],
        true,
    )
    .await;
    assert_eq!(
        membership(app, &w.iris, &w.iris_membership).await["status"],
        "PENDING"
    );
    decide(app, &w.ann, &[&approval(&iris_m, "COORDINATOR")], true).await;
    let m = membership(app, &w.iris, &w.iris_membership).await;
    assert_eq!(m["status"], "ACTIVE", "all three approvals given");
    let fresh = w.audit.step(app).await;
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
    check_event(&e, &w.ann, &["acme"], Some("rust-guild"), Some(&w.guild_id));
    assert_transition(&e, "joinRule", Some("OPEN"), APPROVAL);
    let e = fresh.shared("MEMBERSHIP_REQUESTED", None, &["acme", "initech"]);
    check_event(
        &e,
        &w.iris,
        &["acme", "initech"],
        Some("rust-guild"),
        Some(&w.iris_membership),
    );
}

/// A pending approval as `pending_approvals` lists it: (membership id, kind).
fn pair(m: &Value, kind: &str) -> (String, String) {
    (id(m), kind.to_owned())
}
