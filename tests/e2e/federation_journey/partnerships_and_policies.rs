//! Steps 1 and 2 of the journey: acme partners with globex and initech (umbrella declines and
//! is asked again); then each side's partner policies, defaults and per-partner overrides.

use super::audit::{assert_transition, check_event, instant, state};
use super::client::{mutate, node_reply, s, ALLOWED, APPROVAL, BLOCKED};
use super::findings::assert_refused;
use super::partnership_requests::{
    assert_policy, partnership, partnership_change, partnership_change_reply, partnerships,
    propose, set_defaults, set_policy,
};
use super::World;
use serde_json::json;

/// acme proposes to globex, which accepts: who may propose, list and accept, and the
/// events both sides see.
pub(super) async fn acme_and_globex_partner(w: &mut World<'_>) {
    let app = w.app;
    w.step1_since = instant().await;
    let reply = mutate(
        app,
        Some(&w.ann.token),
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

    let ag = propose(app, &w.ada, "globex", "Shall we share our guilds?").await;
    w.ag_id = s(&ag["id"]).to_owned();
    assert_eq!(ag["status"], "PROPOSED");
    assert_eq!(ag["message"], "Shall we share our guilds?");
    assert_eq!(ag["proposer"]["slug"], "acme");
    assert_eq!(ag["recipient"]["slug"], "globex");
    assert_eq!(ag["partner"]["slug"], "globex");
    assert!(ag["acceptedAt"].is_null());

    let reply = partnerships(app, &w.gail, "globex").await;
    reply.assert_ok();
    let listed = reply
        .data("/organization/partnerships/nodes")
        .as_array()
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["id"], w.ag_id.as_str());
    assert_eq!(listed[0]["status"], "PROPOSED");
    assert_eq!(
        listed[0]["partner"]["slug"], "acme",
        "partner is the other side"
    );
    assert_eq!(listed[0]["message"], "Shall we share our guilds?");
    let reply = partnerships(app, &w.gina, "globex").await;
    assert_eq!(reply.codes(), ["FORBIDDEN"], "partnerships are for admins");
    let reply = node_reply(app, &w.ike.token, &w.ag_id, "Partnership", "id").await;
    assert_eq!(reply.codes(), ["NOT_FOUND"], "a third organization's admin");

    let reply = partnership_change_reply(app, &w.ada, "acceptPartnership", &w.ag_id).await;
    assert_refused(
        &reply,
        "acceptPartnership",
        &["FORBIDDEN"],
        "the proposer accepts its own proposal",
    );
    let accepted = partnership_change(app, &w.gail, "acceptPartnership", &w.ag_id).await;
    assert_eq!(accepted["status"], "ACTIVE");
    assert!(!accepted["acceptedAt"].is_null());
    assert_eq!(accepted["partner"]["slug"], "acme");
    for (who, partner) in [(&w.ada, "globex"), (&w.gail, "acme")] {
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
    let fresh = w.audit.step(app).await;
    for slug in ["acme", "globex"] {
        fresh.assert_actions(slug, &["PARTNERSHIP_PROPOSED", "PARTNERSHIP_ACCEPTED"], &[]);
    }
    fresh.assert_none("initech");
    let e = fresh.shared("PARTNERSHIP_PROPOSED", None, &["acme", "globex"]);
    check_event(&e, &w.ada, &["acme", "globex"], None, Some(&w.ag_id));
    assert_transition(&e, "status", None, "PROPOSED");
    let e = fresh.shared("PARTNERSHIP_ACCEPTED", None, &["acme", "globex"]);
    check_event(&e, &w.gail, &["acme", "globex"], None, Some(&w.ag_id));
    assert_transition(&e, "status", Some("PROPOSED"), "ACTIVE");
    w.step1_acme_globex = fresh
        .of("acme")
        .iter()
        .map(|e| s(&e["id"]).to_owned())
        .collect();
}

/// acme proposes to initech, which accepts.
pub(super) async fn acme_and_initech_partner(w: &mut World<'_>) {
    let app = w.app;
    let ai = propose(app, &w.ada, "initech", "Guilds together?").await;
    w.ai_id = s(&ai["id"]).to_owned();
    let accepted = partnership_change(app, &w.ike, "acceptPartnership", &w.ai_id).await;
    assert_eq!(accepted["status"], "ACTIVE");
    let fresh = w.audit.step(app).await;
    for slug in ["acme", "initech"] {
        fresh.assert_actions(slug, &["PARTNERSHIP_PROPOSED", "PARTNERSHIP_ACCEPTED"], &[]);
    }
    fresh.assert_none("globex");
    let e = fresh.shared("PARTNERSHIP_ACCEPTED", None, &["acme", "initech"]);
    check_event(&e, &w.ike, &["acme", "initech"], None, Some(&w.ai_id));
}

/// acme–umbrella: declined, then proposed again (the same partnership), left PROPOSED.
pub(super) async fn umbrella_declines_and_is_asked_again(w: &mut World<'_>) {
    let app = w.app;
    let au = propose(app, &w.ada, "umbrella", "Hello?").await;
    let au_id = s(&au["id"]).to_owned();
    let declined = partnership_change(app, &w.uma, "declinePartnership", &au_id).await;
    assert_eq!(declined["status"], "DECLINED");
    let again = propose(app, &w.ada, "umbrella", "Hello again?").await;
    assert_eq!(
        again["id"],
        au_id.as_str(),
        "proposing after a decline reuses the partnership"
    );
    assert_eq!(again["status"], "PROPOSED");
    let fresh = w.audit.step(app).await;
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
    check_event(&e, &w.uma, &["acme", "umbrella"], None, Some(&au_id));
    assert_transition(&e, "status", Some("PROPOSED"), "DECLINED");
    fresh.assert_none("globex");
    fresh.assert_none("initech");
    w.step1_until = instant().await;
}

/// Policy defaults and per-partner overrides: each side sets and sees only its own; an
/// override wins over the default, null returns to it; refusals change nothing.
pub(super) async fn set_policies(w: &mut World<'_>) {
    let app = w.app;
    let defaults_query = "query($s: String!) { organization(slug: $s) { partnerPolicyDefaults { inbound outbound } } }";
    let reply = app
        .graphql(Some(&w.ada.token), defaults_query, json!({ "s": "acme" }))
        .await;
    reply.assert_ok();
    assert_eq!(
        reply.data("/organization/partnerPolicyDefaults"),
        &json!({ "inbound": ALLOWED, "outbound": ALLOWED }),
        "defaults are ALLOWED both ways"
    );
    let reply = app
        .graphql(Some(&w.ann.token), defaults_query, json!({ "s": "acme" }))
        .await;
    assert_eq!(
        reply.codes(),
        ["FORBIDDEN"],
        "policy defaults are for admins"
    );
    assert_policy(
        &partnership(app, &w.ada, &w.ag_id).await,
        ALLOWED,
        ALLOWED,
        None,
        None,
        "acme side, initially",
    );
    assert_policy(
        &partnership(app, &w.gail, &w.ag_id).await,
        ALLOWED,
        ALLOWED,
        None,
        None,
        "globex side, initially",
    );

    let p = set_policy(app, &w.ada, &w.ag_id, json!({ "inbound": APPROVAL })).await;
    assert_policy(
        &p,
        APPROVAL,
        ALLOWED,
        Some(APPROVAL),
        None,
        "acme requires approval of globex people",
    );
    assert_policy(
        &partnership(app, &w.gail, &w.ag_id).await,
        ALLOWED,
        ALLOWED,
        None,
        None,
        "globex sees only its own side",
    );
    let p = set_policy(app, &w.ada, &w.ag_id, json!({ "outbound": BLOCKED })).await;
    assert_policy(
        &p,
        APPROVAL,
        BLOCKED,
        Some(APPROVAL),
        Some(BLOCKED),
        "a field left out is unchanged",
    );
    let p = set_policy(app, &w.ada, &w.ag_id, json!({ "inbound": null })).await;
    assert_policy(
        &p,
        ALLOWED,
        BLOCKED,
        None,
        Some(BLOCKED),
        "explicit null returns inbound to the default",
    );
    let p = set_policy(app, &w.ada, &w.ag_id, json!({ "outbound": null })).await;
    assert_policy(
        &p,
        ALLOWED,
        ALLOWED,
        None,
        None,
        "explicit null returns outbound to the default",
    );

    let p = set_policy(app, &w.ada, &w.ai_id, json!({ "inbound": ALLOWED })).await;
    assert_policy(
        &p,
        ALLOWED,
        ALLOWED,
        Some(ALLOWED),
        None,
        "an explicit ALLOWED override",
    );
    let d = set_defaults(app, &w.ada, &w.acme_id, json!({ "inbound": BLOCKED })).await;
    assert_eq!(d, json!({ "inbound": BLOCKED, "outbound": ALLOWED }));
    assert_policy(
        &partnership(app, &w.ada, &w.ag_id).await,
        BLOCKED,
        ALLOWED,
        None,
        None,
        "follows the default",
    );
    assert_policy(
        &partnership(app, &w.ada, &w.ai_id).await,
        ALLOWED,
        ALLOWED,
        Some(ALLOWED),
        None,
        "the override wins",
    );
    assert_policy(
        &partnership(app, &w.gail, &w.ag_id).await,
        ALLOWED,
        ALLOWED,
        None,
        None,
        "globex side unaffected",
    );
    let p = set_policy(app, &w.ada, &w.ai_id, json!({ "inbound": null })).await;
    assert_policy(&p, BLOCKED, ALLOWED, None, None, "back to the default");
    let d = set_defaults(app, &w.ada, &w.acme_id, json!({ "inbound": ALLOWED })).await;
    assert_eq!(d, json!({ "inbound": ALLOWED, "outbound": ALLOWED }));

    for (who, what) in [
        (&w.ann, "a non-admin"),
        (&w.ike, "a third organization's admin"),
    ] {
        let reply = mutate(
            app,
            Some(&who.token),
            "setPartnerPolicy",
            json!({ "partnershipId": w.ag_id, "inbound": BLOCKED }),
            "partnership { id }",
        )
        .await;
        assert_refused(&reply, "setPartnerPolicy", &["NOT_FOUND"], what);
    }
    assert_policy(
        &partnership(app, &w.ada, &w.ag_id).await,
        ALLOWED,
        ALLOWED,
        None,
        None,
        "refusals changed nothing",
    );

    let fresh = w.audit.step(app).await;
    let mut expected = vec!["PARTNER_POLICY_CHANGED"; 6];
    expected.extend(["POLICY_DEFAULTS_CHANGED"; 2]);
    fresh.assert_actions("acme", &expected, &[]);
    for e in fresh.find("acme", "PARTNER_POLICY_CHANGED", None) {
        assert_eq!(e["actorName"], "Ada Acme");
        assert_eq!(e["organization"]["slug"], "acme", "{e:#}");
    }
    let first = fresh.find("acme", "PARTNER_POLICY_CHANGED", None)[0].clone();
    assert_eq!(first["targetId"], w.ag_id.as_str());
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
        check_event(&e, &w.ada, &["acme"], None, None);
    }
    let e = fresh.find("acme", "POLICY_DEFAULTS_CHANGED", None)[0].clone();
    assert_transition(&e, "inbound", Some(ALLOWED), BLOCKED);
    // acme's policy is acme's business: globex and initech see at most the change of their own
    // partnership, never the defaults or the other partnership.
    for (slug, own) in [("globex", &w.ag_id), ("initech", &w.ai_id)] {
        for e in fresh.of(slug) {
            assert_eq!(e["action"], "PARTNER_POLICY_CHANGED", "{slug}: {e:#}");
            assert_eq!(e["targetId"], own.as_str(), "{slug}: {e:#}");
        }
    }
}
