//! The federation journey, end to end through GraphQL: acme hosts, globex and initech are its
//! partners. Partnerships, policies (defaults, per-partner overrides, every inbound × outbound
//! combination), a federated community, invitations, joins, approvals, role changes,
//! suspension, ending and re-forming a partnership, a disabled organization, offboarding — and
//! after each step the audit log of every organization. Every expectation comes from
//! docs/FEDERATION.md, not from the code.
//!
//! The journey is one test, its steps the functions `federation_journey` calls in order: each
//! works on the `World` the steps before it left, and most end by checking what every
//! organization's audit log gained.

mod audit;
mod audit_filters_and_admin_boundaries;
mod client;
mod communities_and_invitations;
mod community_requests;
mod findings;
mod joins_and_approvals;
mod membership_requests;
mod offboarding_and_withdrawal;
mod partnership_requests;
mod partnerships_and_policies;
mod roles_and_removals;
mod suspension_and_restore;

pub(crate) use client::{
    actor, community, done, mutate, node, node_reply, org_id, refusal, s, Actor, COMMUNITY,
    MEMBERSHIP, PARTICIPATION, PARTNERSHIP,
};
pub(crate) use community_requests::{accept_invitation, create_community, invite};
pub(crate) use findings::{assert_no_findings, expect_refused, record_finding};
pub(crate) use membership_requests::join;
pub(crate) use partnership_requests::{partnership_change, propose};

use crate::common::*;
use audit::Audit;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};

/// What the steps of the journey share: the app, the organizations and their people, the audit
/// log as read so far, and what one step makes that later steps use (empty until made).
struct World<'a> {
    app: &'a TestApp,
    audit: Audit,
    acme: OrgFixture,
    globex: OrgFixture,
    acme_id: String,
    globex_id: String,
    initech_id: String,
    umbrella_id: String,
    /// acme's admin.
    ada: Actor,
    ann: Actor,
    bob: Actor,
    /// globex's admin.
    gail: Actor,
    gina: Actor,
    /// initech's admin.
    ike: Actor,
    ivan: Actor,
    iris: Actor,
    ian: Actor,
    /// umbrella's admin.
    uma: Actor,

    /// Moments just before and after step 1 (partnerships), for the audit time filter.
    step1_since: String,
    step1_until: String,
    /// acme's audit events of acme–globex being proposed and accepted.
    step1_acme_globex: BTreeSet<String>,
    /// The acme–globex partnership.
    ag_id: String,
    /// The acme–initech partnership.
    ai_id: String,

    /// rust-guild: hosted by acme, globex and initech take part.
    guild_id: String,
    /// ann's membership of rust-guild, its creator.
    ann_membership: String,
    /// data-circle: hosted by acme, initech takes part.
    circle_id: String,
    /// initech's participation in data-circle.
    pc_id: String,
    /// initech-ops: hosted by initech, HOST_ONLY.
    ops_id: String,

    gina_membership: String,
    /// The other globex people who joined rust-guild in step 4, by (acme's inbound, globex's
    /// outbound) policy when they did: the person, and their membership as it was then.
    joined: HashMap<(&'static str, &'static str), (Actor, Value)>,
    iris_membership: String,
    bob_membership: String,
    ian_membership: String,
    /// iris's membership of initech-ops.
    iris_ops_id: String,
}

impl<'a> World<'a> {
    /// Four organizations and their people; no audit event yet.
    async fn new(app: &'a TestApp) -> World<'a> {
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
        World {
            app,
            audit,
            acme,
            globex,
            acme_id,
            globex_id,
            initech_id,
            umbrella_id,
            ada,
            ann,
            bob,
            gail,
            gina,
            ike,
            ivan,
            iris,
            ian,
            uma,
            step1_since: String::new(),
            step1_until: String::new(),
            step1_acme_globex: BTreeSet::new(),
            ag_id: String::new(),
            ai_id: String::new(),
            guild_id: String::new(),
            ann_membership: String::new(),
            circle_id: String::new(),
            pc_id: String::new(),
            ops_id: String::new(),
            gina_membership: String::new(),
            joined: HashMap::new(),
            iris_membership: String::new(),
            bob_membership: String::new(),
            ian_membership: String::new(),
            iris_ops_id: String::new(),
        }
    }
}

async fn federation_journey(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let app = &app;
    let w = &mut World::new(app).await;

    // 1. partnerships
    partnerships_and_policies::acme_and_globex_partner(w).await;
    partnerships_and_policies::acme_and_initech_partner(w).await;
    partnerships_and_policies::umbrella_declines_and_is_asked_again(w).await;
    // 2. policies
    partnerships_and_policies::set_policies(w).await;
    // 3. communities, invitations
    communities_and_invitations::create_rust_guild(w).await;
    communities_and_invitations::invite_globex_and_initech(w).await;
    communities_and_invitations::create_data_circle_and_initech_ops(w).await;
    // 4. joins and approvals
    joins_and_approvals::join_under_every_policy(w).await;
    joins_and_approvals::decide_approvals(w).await;
    joins_and_approvals::require_three_approvals(w).await;
    // 5. roles
    roles_and_removals::change_roles(w).await;
    roles_and_removals::iris_joins_more_communities(w).await;
    roles_and_removals::remove_and_ask_again(w).await;
    // 6. suspension and ending
    suspension_and_restore::suspend_end_and_reform(w).await;
    suspension_and_restore::decide_after_reforming(w).await;
    suspension_and_restore::disable_initech(w).await;
    // 7. offboarding, and organizations leave
    offboarding_and_withdrawal::offboard_iris(w).await;
    offboarding_and_withdrawal::initech_leaves_data_circle(w).await;
    // 8. audit filters, admin-only views, the actor's name, other organizations' admins
    audit_filters_and_admin_boundaries::filter_audit_log(w).await;
    audit_filters_and_admin_boundaries::admin_only_views_forbidden(w).await;
    let renamed = audit_filters_and_admin_boundaries::actor_name_as_it_was(w).await;
    audit_filters_and_admin_boundaries::other_admins_refused(w).await;

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
