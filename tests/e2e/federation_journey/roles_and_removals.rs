//! Step 5 of the journey: member roles and the last coordinator, members added by a
//! coordinator, leaving, the member filters; removal, and asking again after it.

use super::audit::{assert_transition, check_event};
use super::client::{community, done, id, mutate, refusal, set, ALLOWED, APPROVAL, MEMBERSHIP};
use super::findings::assert_refused;
use super::membership_requests::{
    add_member, approval, change_role, change_role_reply, decide, join, member_ids, members,
    membership, pending_kinds,
};
use super::partnership_requests::set_defaults;
use super::World;
use serde_json::json;

/// Role changes, the last coordinator who may not go, members added by coordinators, a
/// coordinator who leaves, and the member list filtered by organization, role and status.
pub(super) async fn change_roles(w: &mut World<'_>) {
    let app = w.app;
    let m = change_role(
        app,
        &w.ann,
        &w.gina_membership,
        json!({ "role": "CORE", "leadership": "INFORMAL" }),
    )
    .await;
    assert_eq!(m["role"], "CORE");
    assert_eq!(m["leadership"], "INFORMAL");
    let reply = change_role_reply(
        app,
        &w.ann,
        &w.gina_membership,
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
        membership(app, &w.ann, &w.gina_membership).await["role"],
        "CORE"
    );
    let reply = change_role_reply(app, &w.ann, &w.ann_membership, json!({ "role": "CORE" })).await;
    assert_refused(
        &reply,
        "changeMemberRole",
        &["CONFLICT"],
        "demoting the last coordinator",
    );
    let reply = mutate(
        app,
        Some(&w.ann.token),
        "leaveCommunity",
        json!({ "communityId": w.guild_id }),
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
        Some(&w.ann.token),
        "removeMember",
        json!({ "membershipId": w.ann_membership }),
        "membership { id status }",
    )
    .await;
    assert_refused(
        &reply,
        "removeMember",
        &["CONFLICT"],
        "removing the last coordinator",
    );
    let m = membership(app, &w.ann, &w.ann_membership).await;
    assert_eq!(
        (m["role"].clone(), m["status"].clone()),
        (json!("COORDINATOR"), json!("ACTIVE"))
    );

    let m = change_role(
        app,
        &w.ann,
        &w.iris_membership,
        json!({ "role": "COORDINATOR" }),
    )
    .await;
    assert_eq!(m["role"], "COORDINATOR", "CO_HOST people may coordinate");
    assert_eq!(m["leadership"], "FORMAL", "COORDINATOR defaults to FORMAL");
    let reply = community(app, &w.iris.token, "acme", "rust-guild").await;
    assert_eq!(reply.data("/community/viewerCoordinates"), true);
    let m = change_role(app, &w.ann, &w.ann_membership, json!({ "role": "CORE" })).await;
    assert_eq!(m["role"], "CORE", "no longer the last coordinator");
    let m = change_role(
        app,
        &w.ada,
        &w.ann_membership,
        json!({ "role": "COORDINATOR" }),
    )
    .await;
    assert_eq!(m["role"], "COORDINATOR", "the host admin coordinates");

    let reply = add_member(
        app,
        &w.ann,
        json!({ "communityId": w.guild_id, "personId": w.bob.id }),
    )
    .await;
    let bob_m = done(&reply, "addMember")["membership"].clone();
    w.bob_membership = id(&bob_m);
    assert_eq!(
        bob_m["status"], "ACTIVE",
        "a colleague added by a coordinator"
    );
    assert_eq!(bob_m["role"], "PERIPHERAL");
    assert!(pending_kinds(&bob_m).is_empty());
    for (who, what) in [(&w.ian, "an initech person"), (&w.gail, "a globex person")] {
        let reply = add_member(
            app,
            &w.ann,
            json!({ "communityId": w.guild_id, "personId": who.id }),
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
        &w.iris,
        json!({ "communityId": w.guild_id, "personId": w.ian.id, "role": "ACTIVE" }),
    )
    .await;
    let ian_m = done(&reply, "addMember")["membership"].clone();
    w.ian_membership = id(&ian_m);
    assert_eq!(
        ian_m["status"], "PENDING",
        "the policy approvals still apply"
    );
    assert_eq!(
        pending_kinds(&ian_m),
        set(&["HOST_ADMIN", "MEMBER_ORGANIZATION_ADMIN"])
    );
    decide(app, &w.ada, &[&approval(&ian_m, "HOST_ADMIN")], true).await;
    decide(
        app,
        &w.ike,
        &[&approval(&ian_m, "MEMBER_ORGANIZATION_ADMIN")],
        true,
    )
    .await;
    let m = membership(app, &w.ian, &w.ian_membership).await;
    assert_eq!(
        (m["status"].clone(), m["role"].clone()),
        (json!("ACTIVE"), json!("ACTIVE"))
    );

    change_role(
        app,
        &w.ann,
        &w.bob_membership,
        json!({ "role": "COORDINATOR" }),
    )
    .await;
    let reply = mutate(
        app,
        Some(&w.bob.token),
        "leaveCommunity",
        json!({ "communityId": w.guild_id }),
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
        &w.ann,
        "rust-guild",
        Some(&w.globex_id),
        Some("CORE"),
        None,
    )
    .await;
    assert_eq!(member_ids(&core), set(&[&w.gina_membership]));
    let coordinators = members(
        app,
        &w.ann,
        "rust-guild",
        None,
        Some("COORDINATOR"),
        Some("ACTIVE"),
    )
    .await;
    assert_eq!(
        member_ids(&coordinators),
        set(&[&w.ann_membership, &w.iris_membership])
    );
    let coordinators = members(
        app,
        &w.ann,
        "rust-guild",
        Some(&w.initech_id),
        Some("COORDINATOR"),
        None,
    )
    .await;
    assert_eq!(member_ids(&coordinators), set(&[&w.iris_membership]));
    let initech_members = members(app, &w.ann, "rust-guild", Some(&w.initech_id), None, None).await;
    assert_eq!(
        member_ids(&initech_members),
        set(&[&w.iris_membership, &w.ian_membership])
    );
    let acme_members = members(app, &w.ann, "rust-guild", Some(&w.acme_id), None, None).await;
    assert_eq!(
        member_ids(&acme_members),
        set(&[&w.ann_membership, &w.bob_membership])
    );
    let left = members(app, &w.ann, "rust-guild", None, None, Some("LEFT")).await;
    assert_eq!(member_ids(&left), set(&[&w.bob_membership]));

    set_defaults(app, &w.ada, &w.acme_id, json!({ "inbound": ALLOWED })).await;
    set_defaults(app, &w.ike, &w.initech_id, json!({ "outbound": ALLOWED })).await;
    let fresh = w.audit.step(app).await;
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
        Some(&w.gina_membership),
        &["acme", "globex"],
    );
    check_event(
        &e,
        &w.ann,
        &["acme", "globex"],
        Some("rust-guild"),
        Some(&w.gina_membership),
    );
    assert_transition(&e, "role", Some("PERIPHERAL"), "CORE");
    assert_transition(&e, "leadership", None, "INFORMAL");
    let e = fresh.shared(
        "MEMBER_ROLE_CHANGED",
        Some(&w.iris_membership),
        &["acme", "initech"],
    );
    assert_transition(&e, "role", Some("PERIPHERAL"), "COORDINATOR");
    let e = fresh.shared(
        "MEMBER_ADDED",
        Some(&w.ian_membership),
        &["acme", "initech"],
    );
    check_event(
        &e,
        &w.iris,
        &["acme", "initech"],
        Some("rust-guild"),
        Some(&w.ian_membership),
    );
    let e = fresh.shared("MEMBER_LEFT", None, &["acme"]);
    check_event(
        &e,
        &w.bob,
        &["acme"],
        Some("rust-guild"),
        Some(&w.bob_membership),
    );
    assert_transition(&e, "status", Some("ACTIVE"), "LEFT");
}

/// Iris also joins the second acme community and her own organization's.
pub(super) async fn iris_joins_more_communities(w: &mut World<'_>) {
    let app = w.app;
    assert_eq!(join(app, &w.iris, &w.circle_id).await["status"], "ACTIVE");
    let iris_ops = join(app, &w.iris, &w.ops_id).await;
    assert_eq!(iris_ops["status"], "ACTIVE");
    w.iris_ops_id = id(&iris_ops);
    let fresh = w.audit.step(app).await;
    fresh.assert_actions("acme", &["MEMBERSHIP_REQUESTED"], &[]);
    fresh.assert_actions(
        "initech",
        &["MEMBERSHIP_REQUESTED", "MEMBERSHIP_REQUESTED"],
        &[],
    );
    fresh.assert_none("globex");
}

/// Removal by a coordinator; asking again after being removed or leaving reuses the
/// membership, as a new request (default role, the join rule's approval).
pub(super) async fn remove_and_ask_again(w: &mut World<'_>) {
    let app = w.app;
    let (p_a_ar, m_a_ar) = &w.joined[&(ALLOWED, APPROVAL)];
    let reply = mutate(
        app,
        Some(&w.ann.token),
        "removeMember",
        json!({ "membershipId": id(m_a_ar) }),
        &format!("membership {{ {MEMBERSHIP} }}"),
    )
    .await;
    assert_eq!(
        done(&reply, "removeMember")["membership"]["status"],
        "REMOVED"
    );
    let again = join(app, p_a_ar, &w.guild_id).await;
    assert_eq!(
        again["id"],
        id(m_a_ar).as_str(),
        "a removed membership is reused"
    );
    assert_eq!(again["status"], "PENDING");
    assert_eq!(
        pending_kinds(&again),
        set(&["COORDINATOR"]),
        "only the join rule now"
    );
    let again = join(app, &w.bob, &w.guild_id).await;
    assert_eq!(
        again["id"],
        w.bob_membership.as_str(),
        "a membership that was left is reused"
    );
    assert_eq!(again["status"], "PENDING");
    assert_eq!(
        again["role"], "PERIPHERAL",
        "a new request starts with the default role"
    );
    assert_eq!(pending_kinds(&again), set(&["COORDINATOR"]));
    decide(app, &w.ann, &[&approval(&again, "COORDINATOR")], true).await;
    assert_eq!(
        membership(app, &w.bob, &w.bob_membership).await["status"],
        "ACTIVE"
    );
    let fresh = w.audit.step(app).await;
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
        &w.ann,
        &["acme", "globex"],
        Some("rust-guild"),
        Some(&id(m_a_ar)),
    );
    assert_transition(&e, "status", Some("ACTIVE"), "REMOVED");
}
