//! Health of a community seeded relative to now (the indicators look back from now).

use super::world::{gid, Seed};
use crate::common::*;
use chrono::{Duration, Utc};
use entity::enums::{CommunityVisibility, EventKind, EventState, MemberRole, RsvpStatus};
use serde_json::json;

const HEALTH: &str = "query($id: ID!) { node(id: $id) { ... on Community { health {
    activeMembers joinedLast90Days growthRate coreShare peripheralShare unansweredProblems
    daysSinceLastActivity rhythmGaps { days } dormant suggestedStage } } } }";

/// Five members (two joined in the last 90 days), five contributions in the last 90 days
/// (two of them the coordinator's), three events, the newest activity 3 days ago.
/// `short_dormancy`: the server runs with `--dormant-after 2days`.
pub async fn living(app: &TestApp, short_dormancy: bool) {
    let acme = app.create_org("acme").await;
    let seed = Seed { db: &app.db };
    let now = Utc::now();
    let ago = |days: i64| now - Duration::days(days);
    let mut people = Vec::new();
    for name in ["alice", "bob", "carol", "dan", "erin"] {
        people.push((seed.person(&acme, name).await, acme.id));
    }
    let [alice, bob, carol, dan, erin] = people[..] else {
        unreachable!()
    };
    let c = seed
        .community(
            &acme,
            alice.0,
            "Night Shift",
            CommunityVisibility::HostOnly,
            ago(200),
        )
        .await;
    for (who, role, joined) in [
        (alice, MemberRole::Coordinator, 200),
        (bob, MemberRole::Core, 200),
        (carol, MemberRole::Active, 150),
        (dan, MemberRole::Active, 30),
        (erin, MemberRole::Active, 10),
    ] {
        seed.member(c, who, role, None, ago(joined)).await;
    }
    let old = seed.problem(c, bob, ago(100), None, 1).await;
    seed.idea(c, old, alice, ago(25), None).await;
    seed.problem(c, carol, ago(30), None, 0).await;
    seed.problem(c, dan, ago(3), None, 0).await;
    for days in [150, 60] {
        seed.event(
            c,
            acme.id,
            alice.0,
            EventKind::Familiar,
            ago(days),
            EventState::Scheduled,
        )
        .await;
    }
    let last = ago(20);
    let e = seed
        .event(
            c,
            acme.id,
            alice.0,
            EventKind::Familiar,
            last,
            EventState::Scheduled,
        )
        .await;
    for who in [alice, erin] {
        seed.rsvp(c, (e, last), who, RsvpStatus::Going, true).await;
    }

    let token = acme.admin_token("alice");
    let id = gid("Community", c);
    let reply = app.graphql(Some(&token), HEALTH, json!({ "id": id })).await;
    reply.assert_ok();
    let h = &reply.body["data"]["node"]["health"];
    assert_eq!(h["activeMembers"], 5);
    assert_eq!(h["joinedLast90Days"], 2);
    // Members 90 days ago: alice, bob, carol.
    assert!((h["growthRate"].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-9);
    // carol's and dan's problems, alice's idea, alice's and erin's check-ins: alice's two
    // of five are the core's.
    assert!((h["coreShare"].as_f64().unwrap() - 0.4).abs() < 1e-9);
    assert!((h["peripheralShare"].as_f64().unwrap() - 0.6).abs() < 1e-9);
    // carol's problem is 30 days old without an idea; dan's is 3 days old.
    assert_eq!(h["unansweredProblems"], 1);
    assert_eq!(h["daysSinceLastActivity"], 3);
    // Intervals 90 and 40 days: usual 65, no stretch longer than 97.5 days.
    assert_eq!(h["rhythmGaps"], json!([]));
    if short_dormancy {
        // Quiet for 3 days, dormant after 2.
        assert_eq!(h["dormant"], true);
        assert_eq!(h["suggestedStage"], "TRANSFORMATION");
    } else {
        // Five members, contributions, 200 days old, three events, growth 67% > 10%.
        assert_eq!(h["dormant"], false);
        assert_eq!(h["suggestedStage"], "MATURING");
        let set = "mutation($input: SetCommunityRhythmInput!) {
            setCommunityRhythm(input: $input) { userErrors { code } } }";
        let input = json!({ "input": { "communityId": id, "intervalDays": 14 } });
        app.graphql(Some(&token), set, input).await.assert_ok();
        let reply = app.graphql(Some(&token), HEALTH, json!({ "id": id })).await;
        let gaps = &reply.body["data"]["node"]["health"]["rhythmGaps"];
        // Longer than 21 days: from 180 days ago (midnight) to the first event (30 days and
        // the hours since midnight), then 90 and 40 days; the last 20 days are not.
        assert_eq!(gaps.as_array().unwrap().len(), 3, "{gaps}");
        assert!(gaps[0]["days"].as_f64().unwrap() >= 30.0);
        assert_eq!(gaps[1]["days"], 90.0);
        assert_eq!(gaps[2]["days"], 40.0);
    }
    let response = app
        .http
        .get(app.url(&format!("/reports/communities/{id}/health.csv")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    let body = response.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let stage = reader
        .records()
        .map(Result::unwrap)
        .find(|r| &r[2] == "suggestedStage")
        .unwrap();
    assert_eq!(&stage[3], h["suggestedStage"].as_str().unwrap());
}
