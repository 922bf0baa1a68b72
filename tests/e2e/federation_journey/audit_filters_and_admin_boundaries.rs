//! Step 8 of the journey: acme's audit log filtered, admin-only views refused to everyone
//! but the organization's own admins, an actor's name as it was, and changes by another
//! organization's admin.

use super::audit::{check_event, Audit};
use super::client::{ids, mutate, s, Actor, APPROVAL, BLOCKED};
use super::findings::{expect_codes, expect_refused};
use super::partnership_requests::set_defaults;
use super::World;
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// acme's audit log filtered by actions, community, partner and time: the events the
/// whole log holds that match.
pub(super) async fn filter_audit_log(w: &World<'_>) {
    let app = w.app;
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
    let got = by(json!({ "communityId": w.guild_id })).await;
    let expected = filtered(&|e: &Value| e["community"]["slug"] == "rust-guild");
    assert!(expected.len() > 20);
    assert_eq!(ids(&json!(got)), expected, "filter by community");
    let got = by(json!({ "partnerId": w.globex_id })).await;
    let expected = filtered(&|e: &Value| {
        e["organization"]["slug"] == "globex" || e["otherOrganization"]["slug"] == "globex"
    });
    assert!(expected.len() > 20);
    assert_eq!(ids(&json!(got)), expected, "filter by partner");
    let got = by(json!({ "partnerId": w.globex_id, "actions": ["PARTNERSHIP_ACCEPTED"] })).await;
    assert_eq!(got.len(), 2, "filters combine: {got:#?}");
    let got = by(json!({ "since": w.step1_since, "until": w.step1_until })).await;
    let step1 = filtered(&|e: &Value| {
        let at = s(&e["occurredAt"]);
        let at = chrono::DateTime::parse_from_rfc3339(at).unwrap();
        at >= chrono::DateTime::parse_from_rfc3339(&w.step1_since).unwrap()
            && at <= chrono::DateTime::parse_from_rfc3339(&w.step1_until).unwrap()
    });
    assert_eq!(
        step1.len(),
        7,
        "step 1: three partnerships proposed, two accepted, one declined, one proposed again"
    );
    assert!(step1.is_superset(&w.step1_acme_globex));
    assert_eq!(ids(&json!(got)), step1, "filter by time range");
    let got = by(json!({ "since": w.step1_until })).await;
    assert_eq!(got.len(), all.len() - step1.len(), "since alone");
    let got = by(json!({ "until": w.step1_since })).await;
    assert!(got.is_empty(), "nothing before the first step");
}

/// Admin-only views of a visible organization: FORBIDDEN to anyone but its own admins.
pub(super) async fn admin_only_views_forbidden(w: &World<'_>) {
    let app = w.app;
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
            (&w.ike, "acme", "a partner's admin"),
            (&w.gail, "acme", "a partner's admin"),
            // globex is visible to initech (both take part in rust-guild).
            (
                &w.ike,
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
}

/// The actor's name as it was: ada renamed changes a policy; older events keep her old
/// name. Returns ada as renamed.
pub(super) async fn actor_name_as_it_was(w: &mut World<'_>) -> Actor {
    let app = w.app;
    let renamed = w
        .acme
        .token("ada", json!({ "name": "Ada Renamed", "roles": ["admin"] }));
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
    set_defaults(app, &renamed, &w.acme_id, json!({ "outbound": APPROVAL })).await;
    let fresh = w.audit.step(app).await;
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
    renamed
}

/// Last, as they would change the world if let through: changes by another
/// organization's admin.
pub(super) async fn other_admins_refused(w: &World<'_>) {
    let app = w.app;
    let reply = mutate(
        app,
        Some(&w.gail.token),
        "setPartnerPolicyDefaults",
        json!({ "organizationId": w.acme_id, "inbound": BLOCKED }),
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
}
