//! Rhythm and leadership of the Reliability Guild, worked out by hand from `seed.rs`.

use super::{
    q1,
    world::{gid, World},
};
use serde_json::json;

const RHYTHM: &str = "query($id: ID!, $period: PeriodInput!) { node(id: $id) { ... on Community {
    rhythm(period: $period) { period { from to } eventsPerMonth { month familiar exciting }
      familiarCount excitingCount excitingShare attendanceRate attendees regulars newcomers
      usualIntervalDays intervalDeclared gaps { from to days } } } } }";

pub async fn rhythm(w: &World<'_>) {
    let vars = json!({ "id": gid("Community", w.guild), "period": q1() });
    let d = w.data("alice", RHYTHM, vars).await;
    let r = &d["node"]["rhythm"];
    // Jan: E1, E2, E3 familiar and E4 exciting; Feb: E5 (E7 cancelled); Mar: E6, E8.
    assert_eq!(
        r["eventsPerMonth"],
        json!([
            { "month": "2026-01-01", "familiar": 3, "exciting": 1 },
            { "month": "2026-02-01", "familiar": 1, "exciting": 0 },
            { "month": "2026-03-01", "familiar": 2, "exciting": 0 },
        ])
    );
    assert_eq!(r["familiarCount"], 6);
    assert_eq!(r["excitingCount"], 1);
    assert!((r["excitingShare"].as_f64().unwrap() - 1.0 / 7.0).abs() < 1e-9);
    // GOING or checked in: E1 alice bob hal (ivy MAYBE) 3, E2 3, E3 2, E4 hal ivy jo 3,
    // E5 alice 1 (bob DECLINED), E6 carol 1, E8 alice 1 = 14; checked in: 2+3+2+2+1+1+0 = 11.
    assert!((r["attendanceRate"].as_f64().unwrap() - 11.0 / 14.0).abs() < 1e-9);
    // alice 4 check-ins, bob 2, hal 2, kim 1, ivy 1, carol 1: six attendees, one regular;
    // bob and carol checked in on 2025-12-30 already, so four newcomers.
    assert_eq!(r["attendees"], 6);
    assert_eq!(r["regulars"], 1);
    assert_eq!(r["newcomers"], 4);
    // Starts from 2025-04-01 on: 12-30, 01-06, 01-13, 01-20, 01-24, 02-03, 03-10, 03-17:
    // intervals 7 7 7 4 10 35 7, median 7.
    assert_eq!(r["usualIntervalDays"], 7.0);
    assert_eq!(r["intervalDeclared"], false);
    // Longer than 10.5 days: 02-03 09:00 to 03-10 09:00 (35 days), and 03-17 09:00 to the
    // period's end 04-01 00:00 (14.625 days). 01-01 to 01-06 09:00 is 5.4 days; 01-24 to
    // 02-03 is 10 days.
    assert_eq!(
        r["gaps"],
        json!([
            { "from": "2026-02-03T09:00:00+00:00", "to": "2026-03-10T09:00:00+00:00", "days": 35.0 },
            { "from": "2026-03-17T09:00:00+00:00", "to": "2026-04-01T00:00:00+00:00", "days": 14.63 },
        ])
    );
    // Bad periods are BAD_USER_INPUT: reversed, and longer than 1,100 days.
    for (from, to) in [("2026-03-01", "2026-02-01"), ("2026-01-01", "2029-01-05")] {
        let vars = json!({ "id": gid("Community", w.guild), "period": { "from": from, "to": to } });
        assert_eq!(w.codes("alice", RHYTHM, vars).await, ["BAD_USER_INPUT"]);
    }
}

const SET_RHYTHM: &str = "mutation($input: SetCommunityRhythmInput!) {
    setCommunityRhythm(input: $input) { community { id } userErrors { code field } } }";

/// A declared interval replaces the median; gaps follow it.
pub async fn declared_rhythm(w: &World<'_>) {
    let community = gid("Community", w.guild);
    let set = |days: serde_json::Value| json!({ "input": { "communityId": community, "intervalDays": days } });
    for bad in [0, 366] {
        let d = w.data("alice", SET_RHYTHM, set(json!(bad))).await;
        assert_eq!(
            d["setCommunityRhythm"]["userErrors"][0]["code"],
            "BAD_USER_INPUT"
        );
    }
    // bob is a core member, not a coordinator; hal is of a participating organization.
    assert_eq!(
        w.codes("bob", SET_RHYTHM, set(json!(14))).await,
        ["FORBIDDEN"]
    );
    assert_eq!(
        w.codes("hal", SET_RHYTHM, set(json!(14))).await,
        ["FORBIDDEN"]
    );
    w.data("alice", SET_RHYTHM, set(json!(30))).await;
    let vars = json!({ "id": community, "period": q1() });
    let r = w.data("hal", RHYTHM, vars.clone()).await["node"]["rhythm"].clone();
    assert_eq!(r["usualIntervalDays"], 30.0);
    assert_eq!(r["intervalDeclared"], true);
    // Longer than 45 days: none (the longest stretch is 35 days).
    assert_eq!(r["gaps"], json!([]));
    w.data("alice", SET_RHYTHM, set(json!(null))).await;
    let r = w.data("hal", RHYTHM, vars).await["node"]["rhythm"].clone();
    assert_eq!(r["usualIntervalDays"], 7.0, "cleared: the median again");
}

pub async fn leadership(w: &World<'_>) {
    let q = "query($id: ID!) { node(id: $id) { ... on Community { leadership {
        threshold coordinators { person { id } } sponsors { id } coreMembers { person { id } }
        formalLeaders { person { id } } informalLeaders { person { id } }
        byOrganization { organization { slug } members leaders lacksLeader } } } } }";
    let d = w
        .data("alice", q, json!({ "id": gid("Community", w.guild) }))
        .await;
    let l = &d["node"]["leadership"];
    let person = |name: &str| json!([{ "person": { "id": w.person_gid(name) } }]);
    assert_eq!(l["threshold"], 5);
    assert_eq!(l["coordinators"], person("alice"));
    assert_eq!(l["sponsors"], json!([]));
    assert_eq!(l["coreMembers"], person("bob"));
    // A coordinator without a kind is FORMAL; bob was marked INFORMAL.
    assert_eq!(l["formalLeaders"], person("alice"));
    assert_eq!(l["informalLeaders"], person("bob"));
    // acme: alice bob carol dan, two leaders. globex: hal ivy jo kim lee, no leader: five
    // members reach the threshold of 5.
    assert_eq!(
        l["byOrganization"],
        json!([
            { "organization": { "slug": "acme" }, "members": 4, "leaders": 2, "lacksLeader": false },
            { "organization": { "slug": "globex" }, "members": 5, "leaders": 0, "lacksLeader": true },
        ])
    );

    let q = "query($id: ID!, $t: Int!) { node(id: $id) { ... on Organization { leadership(threshold: $t) {
        communities { community { name } members leaders { role leadership count } lacksLeader }
        communitiesWithoutOwnLeader { community { name } } } } } }";
    let globex = gid("Organization", w.globex.id);
    let d = w.data("gina", q, json!({ "id": globex, "t": 5 })).await;
    let l = &d["node"]["leadership"];
    // Live for globex with globex members: Quality Circle (gus coordinator, hal) and the
    // Guild (five, no leader). ivy's stale Data Circle membership is not live for globex.
    assert_eq!(
        l["communities"],
        json!([
            { "community": { "name": "Quality Circle" }, "members": 2,
              "leaders": [{ "role": "COORDINATOR", "leadership": "FORMAL", "count": 1 }], "lacksLeader": false },
            { "community": { "name": "Reliability Guild" }, "members": 5, "leaders": [], "lacksLeader": true },
        ])
    );
    assert_eq!(
        l["communitiesWithoutOwnLeader"],
        json!([{ "community": { "name": "Reliability Guild" } }])
    );
    let d = w.data("gina", q, json!({ "id": globex, "t": 6 })).await;
    assert_eq!(
        d["node"]["leadership"]["communitiesWithoutOwnLeader"],
        json!([])
    );
}
