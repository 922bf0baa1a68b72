//! A rejected mutation changes nothing: for every kind of refusal (FORBIDDEN, NOT_FOUND,
//! CONFLICT and other user errors, a bulk decision with one bad approval), every row of every
//! table but `person` is the same before and after, and no audit event is written. One
//! accepted mutation shows that the snapshot does see changes.

use crate::common::*;
use crate::federation_journey::{
    actor, assert_no_findings, done, expect_refused, mutate, node, org_id, record_finding, refusal,
    s, Actor, COMMUNITY, MEMBERSHIP, PARTICIPATION, PARTNERSHIP,
};
use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// Every table's rows, each column as text, in a fixed order.
type Snapshot = BTreeMap<String, Vec<Vec<String>>>;

/// The tables the snapshot covers: all but the migrations' own and `person` (whose
/// `last_seen_at` moves with requests).
async fn tables(app: &TestApp) -> Vec<String> {
    let sql = match app.backend {
        Backend::Sqlite => {
            "SELECT name AS name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        }
        Backend::Postgres => {
            "SELECT CAST(table_name AS TEXT) AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1"
        }
    };
    let rows = app
        .db
        .query_all_raw(Statement::from_string(app.db.get_database_backend(), sql))
        .await
        .unwrap();
    rows.iter()
        .map(|r| r.try_get::<String>("", "name").unwrap())
        .filter(|t| t != "seaql_migrations" && t != "person")
        .collect()
}

async fn columns(app: &TestApp, table: &str) -> Vec<String> {
    let backend = app.db.get_database_backend();
    let statement = match backend {
        DatabaseBackend::Sqlite => Statement::from_sql_and_values(
            backend,
            "SELECT name AS name FROM pragma_table_info(?) ORDER BY cid",
            [table.into()],
        ),
        _ => Statement::from_sql_and_values(
            backend,
            "SELECT CAST(column_name AS TEXT) AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
            [table.into()],
        ),
    };
    let rows = app.db.query_all_raw(statement).await.unwrap();
    rows.iter()
        .map(|r| r.try_get::<String>("", "name").unwrap())
        // An event's position is given by the sequencer after the commit, whenever it runs:
        // the rows themselves (an event written, or not) are what a refusal must not change.
        .filter(|c| !(table == "domain_event" && c == "position"))
        .collect()
}

async fn snapshot(app: &TestApp) -> Snapshot {
    let mut out = Snapshot::new();
    for table in tables(app).await {
        let columns = columns(app, &table).await;
        assert!(!columns.is_empty(), "columns of {table}");
        let select: Vec<String> = columns
            .iter()
            .enumerate()
            .map(|(i, c)| match app.backend {
                // quote() renders every value (blobs too) as an SQL literal.
                Backend::Sqlite => format!("quote(\"{c}\") AS c{i}"),
                Backend::Postgres => format!("COALESCE(CAST(\"{c}\" AS TEXT), '<null>') AS c{i}"),
            })
            .collect();
        let order: Vec<String> = (1..=columns.len()).map(|i| i.to_string()).collect();
        let sql = format!(
            "SELECT {} FROM \"{table}\" ORDER BY {}",
            select.join(", "),
            order.join(", ")
        );
        let rows = app
            .db
            .query_all_raw(Statement::from_string(app.db.get_database_backend(), sql))
            .await
            .unwrap();
        let rows = rows
            .iter()
            .map(|r| {
                (0..columns.len())
                    .map(|i| r.try_get::<String>("", &format!("c{i}")).unwrap())
                    .collect()
            })
            .collect();
        out.insert(table, rows);
    }
    out
}

fn audit_rows(snapshot: &Snapshot) -> usize {
    snapshot.get("audit_event").map_or(0, Vec::len)
}

/// The tables whose rows differ.
fn changed(before: &Snapshot, after: &Snapshot) -> Vec<String> {
    before
        .keys()
        .chain(after.keys())
        .filter(|t| before.get(*t) != after.get(*t))
        .cloned()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// The rows that differ between two snapshots, per table: removed (-) and added (+).
fn row_changes(before: &Snapshot, after: &Snapshot) -> String {
    let mut out = String::new();
    for table in changed(before, after) {
        let old = before.get(&table).cloned().unwrap_or_default();
        let new = after.get(&table).cloned().unwrap_or_default();
        for row in old.iter().filter(|r| !new.contains(r)) {
            out.push_str(&format!("\n  {table} - {}", row.join(" | ")));
        }
        for row in new.iter().filter(|r| !old.contains(r)) {
            out.push_str(&format!("\n  {table} + {}", row.join(" | ")));
        }
    }
    out
}

/// One mutation a rule refuses.
struct Case {
    what: &'static str,
    token: Option<String>,
    field: &'static str,
    input: Value,
    selection: &'static str,
    /// The codes the rules allow (top-level error or user error); empty: any refusal.
    codes: &'static [&'static str],
}

fn case(
    what: &'static str,
    who: &Actor,
    field: &'static str,
    input: Value,
    selection: &'static str,
    codes: &'static [&'static str],
) -> Case {
    Case {
        what,
        token: Some(who.token.clone()),
        field,
        input,
        selection,
        codes,
    }
}

async fn rejected_mutations_change_nothing(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let app = &app;
    let acme = app.create_org("acme").await;
    let globex = app.create_org("globex").await;
    let initech = app.create_org("initech").await;
    let umbrella = app.create_org("umbrella").await;
    let ada = actor(app, &acme, "ada", "Ada Acme", true).await;
    let ann = actor(app, &acme, "ann", "Ann Acme", false).await;
    let bob = actor(app, &acme, "bob", "Bob Acme", false).await;
    let gail = actor(app, &globex, "gail", "Gail Globex", true).await;
    let gus = actor(app, &globex, "gus", "Gus Globex", false).await;
    let gwen = actor(app, &globex, "gwen", "Gwen Globex", false).await;
    let ike = actor(app, &initech, "ike", "Ike Initech", true).await;
    let uma = actor(app, &umbrella, "uma", "Uma Umbrella", true).await;
    let ulf = actor(app, &umbrella, "ulf", "Ulf Umbrella", false).await;
    let acme_id = org_id(app, "acme").await;
    let globex_id = org_id(app, "globex").await;
    let initech_id = org_id(app, "initech").await;
    let umbrella_id = org_id(app, "umbrella").await;

    // A small world: acme–globex ACTIVE, acme–initech SUSPENDED by acme.
    let run = |who: &Actor, field: &'static str, input: Value, selection: String| {
        let token = who.token.clone();
        async move {
            let reply = mutate(app, Some(&token), field, input, &selection).await;
            done(&reply, field)
        }
    };
    let partnership = |p: &Value| s(&p["partnership"]["id"]).to_owned();
    let sel_partnership = format!("partnership {{ {PARTNERSHIP} }}");
    let ag = partnership(
        &run(
            &ada,
            "proposePartnership",
            json!({ "partnerSlug": "globex" }),
            sel_partnership.clone(),
        )
        .await,
    );
    run(
        &gail,
        "acceptPartnership",
        json!({ "partnershipId": ag }),
        sel_partnership.clone(),
    )
    .await;
    let ai = partnership(
        &run(
            &ada,
            "proposePartnership",
            json!({ "partnerSlug": "initech" }),
            sel_partnership.clone(),
        )
        .await,
    );
    run(
        &ike,
        "acceptPartnership",
        json!({ "partnershipId": ai }),
        sel_partnership.clone(),
    )
    .await;
    let suspended = run(
        &ada,
        "suspendPartnership",
        json!({ "partnershipId": ai }),
        sel_partnership.clone(),
    )
    .await;
    assert_eq!(suspended["partnership"]["status"], "SUSPENDED");

    // guild: OPEN, globex ACTIVE, gus a member. circle: APPROVAL_REQUIRED, globex's outbound
    // policy requires approval: gwen and bob PENDING. expiring: globex invited for a day.
    // invited: globex invited, not answered.
    let sel_community = format!("community {{ {COMMUNITY} }}");
    let sel_participation = format!("participation {{ {PARTICIPATION} }}");
    let sel_membership = format!("membership {{ {MEMBERSHIP} }}");
    let mut communities = BTreeMap::new();
    for (slug, rule) in [
        ("guild", "OPEN"),
        ("circle", "APPROVAL_REQUIRED"),
        ("expiring", "OPEN"),
        ("invited", "OPEN"),
    ] {
        let c = run(
            &ann,
            "createCommunity",
            json!({ "slug": slug, "name": slug, "joinRule": rule }),
            sel_community.clone(),
        )
        .await;
        communities.insert(slug, c["community"].clone());
    }
    let cid = |slug: &str| s(&communities[slug]["id"]).to_owned();
    let ann_guild = s(&communities["guild"]["viewerMembership"]["id"]).to_owned();
    let mut participations = BTreeMap::new();
    for (slug, days) in [
        ("guild", 14),
        ("circle", 14),
        ("expiring", 1),
        ("invited", 14),
    ] {
        let p = run(
            &ann,
            "inviteOrganization",
            json!({ "communityId": cid(slug), "organizationId": globex_id, "expiresInDays": days }),
            sel_participation.clone(),
        )
        .await;
        participations.insert(slug, s(&p["participation"]["id"]).to_owned());
    }
    for slug in ["guild", "circle"] {
        run(
            &gail,
            "acceptInvitation",
            json!({ "participationId": participations[slug], "sponsorId": gus.id }),
            sel_participation.clone(),
        )
        .await;
    }
    let gus_guild = run(
        &gus,
        "joinCommunity",
        json!({ "communityId": cid("guild") }),
        sel_membership.clone(),
    )
    .await;
    let gus_guild = s(&gus_guild["membership"]["id"]).to_owned();
    run(
        &gail,
        "setPartnerPolicy",
        json!({ "partnershipId": ag, "outbound": "APPROVAL_REQUIRED" }),
        sel_partnership.clone(),
    )
    .await;
    let gwen_circle = run(
        &gwen,
        "joinCommunity",
        json!({ "communityId": cid("circle") }),
        sel_membership.clone(),
    )
    .await;
    let gwen_circle = gwen_circle["membership"].clone();
    assert_eq!(gwen_circle["status"], "PENDING");
    let bob_circle = run(
        &bob,
        "joinCommunity",
        json!({ "communityId": cid("circle") }),
        sel_membership.clone(),
    )
    .await;
    let bob_circle = bob_circle["membership"].clone();
    assert_eq!(bob_circle["status"], "PENDING");
    let approval_of = |m: &Value, kind: &str| {
        m["approvals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["kind"] == kind)
            .map(|a| s(&a["id"]).to_owned())
            .unwrap_or_else(|| panic!("a {kind} approval in {m:#}"))
    };
    let bob_coordinator = approval_of(&bob_circle, "COORDINATOR");
    let gwen_coordinator = approval_of(&gwen_circle, "COORDINATOR");
    let gwen_member_org = approval_of(&gwen_circle, "MEMBER_ORGANIZATION_ADMIN");
    run(
        &ada,
        "setPartnerPolicy",
        json!({ "partnershipId": ag, "inbound": "BLOCKED" }),
        sel_partnership.clone(),
    )
    .await;

    // The expiring invitation's expiry moves into the past.
    let expired_at = chrono::Utc::now() - chrono::Duration::days(2);
    let backend = app.db.get_database_backend();
    let sql = match backend {
        DatabaseBackend::Sqlite => "UPDATE participation SET expires_at = ? WHERE community_id = (SELECT id FROM community WHERE slug = 'expiring') AND expires_at IS NOT NULL",
        _ => "UPDATE participation SET expires_at = $1 WHERE community_id = (SELECT id FROM community WHERE slug = 'expiring') AND expires_at IS NOT NULL",
    };
    let result = app
        .db
        .execute_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [expired_at.into()],
        ))
        .await
        .unwrap();
    assert_eq!(result.rows_affected(), 1, "the expiring invitation");
    let expiring = node(
        app,
        &gail.token,
        &participations["expiring"],
        "Participation",
        "status",
    )
    .await;
    assert_eq!(
        expiring["status"], "EXPIRED",
        "an invitation past its expiry reads EXPIRED"
    );

    let garbage = "not-an-id".to_owned();
    let cases = vec![
        case(
            "accept an already ACTIVE partnership",
            &gail,
            "acceptPartnership",
            json!({ "partnershipId": ag }),
            "partnership { id }",
            &["CONFLICT"],
        ),
        case(
            "decline an already ACTIVE partnership",
            &gail,
            "declinePartnership",
            json!({ "partnershipId": ag }),
            "partnership { id }",
            &["CONFLICT"],
        ),
        case(
            "resume by the side that did not suspend",
            &ike,
            "resumePartnership",
            json!({ "partnershipId": ai }),
            "partnership { id }",
            &["FORBIDDEN"],
        ),
        case(
            "propose while ACTIVE",
            &ada,
            "proposePartnership",
            json!({ "partnerSlug": "globex" }),
            "partnership { id }",
            &["CONFLICT"],
        ),
        case(
            "a non-admin proposes",
            &ann,
            "proposePartnership",
            json!({ "partnerSlug": "umbrella" }),
            "partnership { id }",
            &["FORBIDDEN"],
        ),
        case(
            "a non-admin sets a policy",
            &ann,
            "setPartnerPolicy",
            json!({ "partnershipId": ag, "inbound": "ALLOWED" }),
            "partnership { id }",
            &["NOT_FOUND"],
        ),
        case(
            "a third organization sets a policy",
            &uma,
            "setPartnerPolicy",
            json!({ "partnershipId": ag, "inbound": "ALLOWED" }),
            "partnership { id }",
            &["NOT_FOUND"],
        ),
        case(
            "another organization's policy defaults",
            &gail,
            "setPartnerPolicyDefaults",
            json!({ "organizationId": acme_id, "inbound": "BLOCKED" }),
            "defaults { inbound }",
            &["FORBIDDEN"],
        ),
        case(
            "invite without an ACTIVE partnership",
            &ada,
            "inviteOrganization",
            json!({ "communityId": cid("guild"), "organizationId": initech_id }),
            "participation { id }",
            &["CONFLICT"],
        ),
        case(
            "invite an organization with no partnership",
            &ada,
            "inviteOrganization",
            json!({ "communityId": cid("guild"), "organizationId": umbrella_id }),
            "participation { id }",
            &["NOT_FOUND"],
        ),
        case(
            "invite for 91 days",
            &ann,
            "inviteOrganization",
            json!({ "communityId": cid("expiring"), "organizationId": globex_id, "expiresInDays": 91 }),
            "participation { id }",
            &["BAD_USER_INPUT"],
        ),
        case(
            "accept an expired invitation",
            &gail,
            "acceptInvitation",
            json!({ "participationId": participations["expiring"], "sponsorId": gus.id }),
            "participation { id }",
            &["CONFLICT"],
        ),
        case(
            "accept naming a sponsor of another organization",
            &gail,
            "acceptInvitation",
            json!({ "participationId": participations["invited"], "sponsorId": bob.id }),
            "participation { id }",
            &[],
        ),
        case(
            "a non-admin accepts an invitation",
            &gus,
            "acceptInvitation",
            json!({ "participationId": participations["invited"], "sponsorId": gus.id }),
            "participation { id }",
            &["FORBIDDEN", "NOT_FOUND"],
        ),
        case(
            "join blocked by the host's inbound policy",
            &gwen,
            "joinCommunity",
            json!({ "communityId": cid("guild") }),
            "membership { id }",
            &["FORBIDDEN"],
        ),
        case(
            "join a community of no partner",
            &ulf,
            "joinCommunity",
            json!({ "communityId": cid("guild") }),
            "membership { id }",
            &["NOT_FOUND"],
        ),
        case(
            "demote the last coordinator",
            &ann,
            "changeMemberRole",
            json!({ "membershipId": ann_guild, "role": "CORE" }),
            "membership { id }",
            &["CONFLICT"],
        ),
        case(
            "the last coordinator leaves",
            &ann,
            "leaveCommunity",
            json!({ "communityId": cid("guild") }),
            "membership { id }",
            &["CONFLICT"],
        ),
        case(
            "remove the last coordinator",
            &ann,
            "removeMember",
            json!({ "membershipId": ann_guild }),
            "membership { id }",
            &["CONFLICT"],
        ),
        case(
            "a PARTICIPATE organization's person as COORDINATOR",
            &ann,
            "changeMemberRole",
            json!({ "membershipId": gus_guild, "role": "COORDINATOR" }),
            "membership { id }",
            &[],
        ),
        case(
            "decide one valid and one foreign approval",
            &ann,
            "decideApprovals",
            json!({ "approvalIds": [bob_coordinator, gwen_member_org], "approve": true }),
            "approvals { id }",
            &["FORBIDDEN"],
        ),
        case(
            "reject one valid and one foreign approval",
            &ann,
            "decideApprovals",
            json!({ "approvalIds": [gwen_coordinator, gwen_member_org], "approve": false }),
            "approvals { id }",
            &["FORBIDDEN"],
        ),
        case(
            "decide one valid approval and a community id",
            &ann,
            "decideApprovals",
            json!({ "approvalIds": [bob_coordinator, cid("guild")], "approve": true }),
            "approvals { id }",
            &["NOT_FOUND", "BAD_USER_INPUT"],
        ),
        case(
            "decide one valid approval and a malformed id",
            &ann,
            "decideApprovals",
            json!({ "approvalIds": [bob_coordinator, garbage], "approve": true }),
            "approvals { id }",
            &["NOT_FOUND", "BAD_USER_INPUT"],
        ),
        case(
            "the member decides their own approval",
            &bob,
            "decideApprovals",
            json!({ "approvalIds": [bob_coordinator], "approve": true }),
            "approvals { id }",
            &["FORBIDDEN"],
        ),
        case(
            "add a person of another organization",
            &ann,
            "addMember",
            json!({ "communityId": cid("guild"), "personId": gwen.id }),
            "membership { id }",
            &[],
        ),
        case(
            "create a community with a taken slug",
            &ann,
            "createCommunity",
            json!({ "slug": "guild", "name": "Guild again" }),
            "community { id }",
            &["CONFLICT"],
        ),
        case(
            "HOST_ONLY with active partners",
            &ann,
            "updateCommunity",
            json!({ "communityId": cid("guild"), "visibility": "HOST_ONLY" }),
            "community { id }",
            &["CONFLICT"],
        ),
        case(
            "a non-coordinator updates a community",
            &bob,
            "updateCommunity",
            json!({ "communityId": cid("guild"), "name": "Mine" }),
            "community { id }",
            &["FORBIDDEN"],
        ),
        case(
            "offboard another organization's person",
            &ada,
            "offboardPerson",
            json!({ "personId": gus.id }),
            "memberships { id }",
            &["FORBIDDEN"],
        ),
        case(
            "a non-admin offboards",
            &gwen,
            "offboardPerson",
            json!({ "personId": gus.id }),
            "memberships { id }",
            &["FORBIDDEN"],
        ),
        Case {
            what: "an anonymous caller joins",
            token: None,
            field: "joinCommunity",
            input: json!({ "communityId": cid("guild") }),
            selection: "membership { id }",
            codes: &["UNAUTHENTICATED"],
        },
    ];

    let mut before = snapshot(app).await;
    assert!(audit_rows(&before) > 0, "the setup wrote audit events");
    for table in [
        "partnership",
        "community",
        "participation",
        "membership",
        "membership_approval",
        "audit_event",
    ] {
        assert!(
            before.contains_key(table),
            "the snapshot covers {table}: {:?}",
            before.keys()
        );
    }
    // Every refusal is checked; a disagreement is recorded and the next case starts from the
    // world as it is, so that one run reports them all.
    for case in &cases {
        let reply = mutate(
            app,
            case.token.as_deref(),
            case.field,
            case.input.clone(),
            case.selection,
        )
        .await;
        let codes = refusal(&reply, case.field);
        if case.codes.is_empty() {
            if codes.is_empty() {
                record_finding(format!(
                    "{}: must be refused, was let through: {}",
                    case.what, reply.body
                ));
            }
        } else {
            expect_refused(&reply, case.field, case.codes, case.what);
        }
        let after = snapshot(app).await;
        let written = audit_rows(&after) as i64 - audit_rows(&before) as i64;
        let tables = changed(&before, &after);
        if !tables.is_empty() {
            record_finding(format!(
                "{} (refused with {codes:?}) changed {tables:?} ({written} audit events written): {}",
                case.what,
                row_changes(&before, &after)
            ));
        }
        before = after;
    }
    // Nothing moved: the valid approvals of the bulk decisions are still pending.
    for (m, who) in [(&bob_circle, &bob), (&gwen_circle, &gwen)] {
        let now = node(
            app,
            &who.token,
            s(&m["id"]),
            "Membership",
            "status approvals { kind status }",
        )
        .await;
        assert_eq!(now["status"], "PENDING", "{now:#}");
        for a in now["approvals"].as_array().unwrap() {
            assert_eq!(a["status"], "PENDING", "{now:#}");
        }
    }

    // The check can fail: an accepted mutation changes the snapshot and writes one event.
    let reply = mutate(
        app,
        Some(&ann.token),
        "updateCommunity",
        json!({ "communityId": cid("guild"), "name": "Guild renamed" }),
        "community { name }",
    )
    .await;
    assert_eq!(
        done(&reply, "updateCommunity")["community"]["name"],
        "Guild renamed"
    );
    let after = snapshot(app).await;
    assert_eq!(audit_rows(&after), audit_rows(&before) + 1);
    // The audited change is also told: a domain event in the same transaction.
    assert_eq!(
        changed(&before, &after),
        ["audit_event", "community", "domain_event"]
    );
    let before = after;
    // And so does an accepted bulk decision, entirely.
    let reply = mutate(
        app,
        Some(&ann.token),
        "decideApprovals",
        json!({ "approvalIds": [bob_coordinator, gwen_coordinator], "approve": true }),
        "approvals { status }",
    )
    .await;
    let decided = done(&reply, "decideApprovals")["approvals"].clone();
    assert_eq!(
        decided,
        json!([{ "status": "APPROVED" }, { "status": "APPROVED" }])
    );
    let after = snapshot(app).await;
    assert!(
        audit_rows(&after) >= audit_rows(&before) + 2,
        "an event per approval"
    );
    assert!(changed(&before, &after).contains(&"membership_approval".to_owned()));
    assert_no_findings();
    eprintln!(
        "atomicity ({:?}): {} refused mutations checked",
        app.backend,
        cases.len()
    );
}
db_test!(
    rejected_mutations_change_nothing,
    rejected_mutations_change_nothing
);
