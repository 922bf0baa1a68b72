//! Value reports of the Guild, of globex, and of acme's business units, worked out by hand
//! from `seed.rs`.

use super::{
    q1,
    world::{gid, World},
};
use serde_json::{json, Value};

pub const FIGURES: &str = "activeMembers { organization { slug } role count } contributors
    problemsPosted problemsSolved medianTimeToSolutionSeconds articlesPublished articleRevisions
    applicationsReported applicationsConfirmed hoursSaved moneySaved { amount currency }
    eventsHeld familiarEvents excitingEvents attendances";

fn members(rows: &[(&str, &str, i64)]) -> Value {
    rows.iter()
        .map(|(slug, role, count)| json!({ "organization": { "slug": slug }, "role": role, "count": count }))
        .collect()
}

fn sorted_members(v: &Value) -> Value {
    let mut rows = v.as_array().unwrap().clone();
    rows.sort_by_key(|r| (r["organization"]["slug"].to_string(), r["role"].to_string()));
    Value::Array(rows)
}

fn outcomes(stories: &Value) -> Vec<&str> {
    stories
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["outcome"].as_str().unwrap())
        .collect()
}

pub async fn community(w: &World<'_>) {
    let q = format!("query($id: ID!, $period: PeriodInput!) {{ node(id: $id) {{ ... on Community {{
        valueReport(period: $period) {{ {FIGURES} period {{ from to }} storyCount stories {{ outcome }} }} }} }} }}");
    let vars = json!({ "id": gid("Community", w.guild), "period": q1() });
    let v = w.data("alice", &q, vars.clone()).await["node"]["valueReport"].clone();
    // lee joined in April: not counted.
    assert_eq!(
        sorted_members(&v["activeMembers"]),
        members(&[
            ("acme", "ACTIVE", 1),
            ("acme", "COORDINATOR", 1),
            ("acme", "CORE", 1),
            ("acme", "PERIPHERAL", 1),
            ("globex", "ACTIVE", 3),
            ("globex", "PERIPHERAL", 1)
        ])
    );
    // Problems bob hal carol ivy; ideas hal bob dan kim; revisions bob hal carol (alice, a
    // coordinator, sees carol's draft); applications carol hal alice; confirmations hal bob
    // kim: alice bob carol dan hal ivy kim.
    assert_eq!(v["contributors"], 7);
    assert_eq!(v["problemsPosted"], 4);
    // Solved in Q1: P1 2 days, P2 10, P3 4, P5 23: median (4 + 10) / 2 days = 604800 s.
    assert_eq!(v["problemsSolved"], 4);
    assert_eq!(v["medianTimeToSolutionSeconds"], 604_800);
    assert_eq!(v["articlesPublished"], 1);
    assert_eq!(v["articleRevisions"], 3);
    assert_eq!(v["applicationsReported"], 4);
    assert_eq!(v["applicationsConfirmed"], 3);
    // 12.50 + 8.00 + 3.00 + 1.00 hours; EUR 1800.00 + 200.00, USD 500.00.
    assert_eq!(v["hoursSaved"], 24.5);
    assert_eq!(
        v["moneySaved"],
        json!([{ "amount": "2000.00", "currency": "EUR" }, { "amount": "500.00", "currency": "USD" }])
    );
    assert_eq!(v["eventsHeld"], 7);
    assert_eq!(v["familiarEvents"], 6);
    assert_eq!(v["excitingEvents"], 1);
    assert_eq!(v["attendances"], 11);
    assert_eq!(
        v["period"],
        json!({ "from": "2026-01-01", "to": "2026-03-31" })
    );
    assert_eq!(v["storyCount"], 4);
    assert_eq!(
        outcomes(&v["stories"]),
        [
            "Shared with the plant",
            "Line restarts halved",
            "Fewer night pages",
            "Month-end close two days faster"
        ]
    );

    // hal, not a coordinator, does not see carol's draft nor its revision; as a member of
    // a participating organization he sees globex's memberships and the ACTIVE ones of the
    // community he is an ACTIVE member of: all of them.
    let v = w.data("hal", &q, vars).await["node"]["valueReport"].clone();
    assert_eq!(v["articleRevisions"], 2);
    assert_eq!(v["contributors"], 7, "carol contributed otherwise too");
}

pub async fn organization(w: &World<'_>) {
    let q = format!(
        "query($id: ID!, $period: PeriodInput!) {{ node(id: $id) {{ ... on Organization {{
        valueReport(period: $period) {{ {FIGURES} storyCount stories {{ outcome }}
          gave {{ ideasAccepted articlesCoAuthored eventsHosted confirmationsGiven }}
          got {{ problemsSolved applicationsReported hoursSaved moneySaved {{ amount currency }} }}
          byCommunity {{ community {{ name }} figures {{ {FIGURES} }} }} }} }} }} }}"
    );
    let vars = json!({ "id": gid("Organization", w.globex.id), "period": q1() });
    let v = w.data("gina", &q, vars.clone()).await["node"]["valueReport"].clone();
    // Guild: hal ivy kim ACTIVE, jo PERIPHERAL; Quality Circle: gus COORDINATOR, hal ACTIVE.
    assert_eq!(
        sorted_members(&v["activeMembers"]),
        members(&[
            ("globex", "ACTIVE", 4),
            ("globex", "COORDINATOR", 1),
            ("globex", "PERIPHERAL", 1)
        ])
    );
    // hal (P2, I1, r2, AP2, CF1, and Quality Circle's problem), ivy (P4), kim (I5, CF3).
    assert_eq!(v["contributors"], 3);
    // P2, P4 and Quality Circle's; solved: P2 in 10 days.
    assert_eq!(v["problemsPosted"], 3);
    assert_eq!(v["problemsSolved"], 1);
    assert_eq!(v["medianTimeToSolutionSeconds"], 864_000);
    assert_eq!(v["articlesPublished"], 1, "A1, co-authored by hal");
    assert_eq!(v["articleRevisions"], 1);
    // AP2 only: ivy's 50 hours in Data Circle (not live for globex) never count.
    assert_eq!(v["applicationsReported"], 1);
    assert_eq!(v["hoursSaved"], 8.0);
    assert_eq!(
        v["moneySaved"],
        json!([{ "amount": "500.00", "currency": "USD" }])
    );
    assert_eq!(v["applicationsConfirmed"], 2);
    // Hosted by globex: E4 (exciting) in the Guild, G1 (familiar) in Quality Circle.
    assert_eq!(v["eventsHeld"], 2);
    assert_eq!(v["familiarEvents"], 1);
    assert_eq!(v["excitingEvents"], 1);
    // kim at E2, hal at E3 and E4, ivy at E4, hal at G1.
    assert_eq!(v["attendances"], 5);
    assert_eq!(outcomes(&v["stories"]), ["Fewer night pages"]);
    // Gave to the Guild: I1 (P1 bob's) and I4 (P5 bob's) accepted in Q1, A1, E4, CF1 (kim's
    // CF3 confirmed a globex application).
    assert_eq!(
        v["gave"],
        json!({ "ideasAccepted": 2, "articlesCoAuthored": 1, "eventsHosted": 1, "confirmationsGiven": 1 })
    );
    // Got: P2 solved by bob's idea; AP2.
    assert_eq!(
        v["got"],
        json!({ "problemsSolved": 1, "applicationsReported": 1, "hoursSaved": 8.0,
            "moneySaved": [{ "amount": "500.00", "currency": "USD" }] })
    );
    let names: Vec<&str> = v["byCommunity"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["community"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Quality Circle", "Reliability Guild"]);
    let circle = &v["byCommunity"][0]["figures"];
    assert_eq!(circle["problemsPosted"], 1);
    assert_eq!(circle["contributors"], 1);
    assert_eq!(circle["eventsHeld"], 1);
    assert_eq!(circle["attendances"], 1);
    let guild = &v["byCommunity"][1]["figures"];
    assert_eq!(guild["problemsPosted"], 2);
    assert_eq!(guild["contributors"], 3);
    assert_eq!(guild["attendances"], 4);
    assert_eq!(guild["hoursSaved"], 8.0);

    // The operator reads it too, with the same figures (the scope is globex's live
    // communities, whoever reads).
    let reply = w.app.graphql(Some(&w.app.operator_token()), &q, vars).await;
    reply.assert_ok();
    assert_eq!(reply.body["data"]["node"]["valueReport"]["hoursSaved"], 8.0);
    assert_eq!(reply.body["data"]["node"]["valueReport"]["contributors"], 3);
}

pub const UNIT_REPORT: &str = "query($id: ID!, $unit: String!, $period: PeriodInput!) {
    node(id: $id) { ... on Organization { businessUnitReport(businessUnit: $unit, period: $period) {
      activeMembers { role count } contributors problemsPosted problemsSolved
      medianTimeToSolutionSeconds articlesPublished articleRevisions applicationsReported
      applicationsConfirmed hoursSaved moneySaved { amount currency } eventsHeld familiarEvents
      attendances storyCount stories { outcome } } } } }";

pub async fn business_units(w: &World<'_>) {
    let vars =
        |unit: &str| json!({ "id": gid("Organization", w.acme.id), "unit": unit, "period": q1() });
    let v = w.data("alice", UNIT_REPORT, vars("plant lyon")).await["node"]["businessUnitReport"]
        .clone();
    // alice (coordinator) and bob (core).
    assert_eq!(
        v["activeMembers"],
        json!([{ "role": "COORDINATOR", "count": 1 }, { "role": "CORE", "count": 1 }])
    );
    // bob (P1, I2, r1, CF2) and alice (AP3).
    assert_eq!(v["contributors"], 2);
    assert_eq!(v["problemsPosted"], 1);
    // P1 2 days and P5 23 days: (172800 + 1987200) / 2.
    assert_eq!(v["problemsSolved"], 2);
    assert_eq!(v["medianTimeToSolutionSeconds"], 1_080_000);
    assert_eq!(v["articlesPublished"], 1);
    assert_eq!(v["articleRevisions"], 1);
    // AP3 (alice's) and AP4 (carol's, naming "plant lyon"): 3.00 + 1.00 hours, EUR 200.00.
    assert_eq!(v["applicationsReported"], 2);
    assert_eq!(v["hoursSaved"], 4.0);
    assert_eq!(
        v["moneySaved"],
        json!([{ "amount": "200.00", "currency": "EUR" }])
    );
    assert_eq!(v["applicationsConfirmed"], 1);
    // alice created E1 E2 E3 E5 E6 E8; alice checked in 4 times, bob twice.
    assert_eq!(v["eventsHeld"], 6);
    assert_eq!(v["familiarEvents"], 6);
    assert_eq!(v["attendances"], 6);
    assert_eq!(
        outcomes(&v["stories"]),
        ["Shared with the plant", "Line restarts halved"]
    );

    // dan leads Treasury: carol (ACTIVE) and dan (PERIPHERAL).
    let v =
        w.data("dan", UNIT_REPORT, vars(" TREASURY")).await["node"]["businessUnitReport"].clone();
    assert_eq!(
        v["activeMembers"],
        json!([{ "role": "ACTIVE", "count": 1 }, { "role": "PERIPHERAL", "count": 1 }])
    );
    // carol (P3, AP1, AP4) and dan (I3); dan does not see carol's draft revision.
    assert_eq!(v["contributors"], 2);
    assert_eq!(v["problemsPosted"], 1);
    assert_eq!(v["problemsSolved"], 1);
    assert_eq!(v["medianTimeToSolutionSeconds"], 345_600);
    assert_eq!(v["articlesPublished"], 0);
    assert_eq!(v["articleRevisions"], 0);
    // AP1 and AP4 (carol is of Treasury): 12.50 + 1.00 hours, EUR 1800.00.
    assert_eq!(v["applicationsReported"], 2);
    assert_eq!(v["hoursSaved"], 13.5);
    assert_eq!(
        v["moneySaved"],
        json!([{ "amount": "1800.00", "currency": "EUR" }])
    );
    assert_eq!(v["eventsHeld"], 0);
    assert_eq!(v["attendances"], 1, "carol at E6");
    assert_eq!(
        outcomes(&v["stories"]),
        ["Shared with the plant", "Month-end close two days faster"]
    );
    // alice, a coordinator, sees carol's draft revision.
    let v =
        w.data("alice", UNIT_REPORT, vars("Treasury")).await["node"]["businessUnitReport"].clone();
    assert_eq!(v["articleRevisions"], 1);
}
