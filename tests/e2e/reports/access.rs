//! Who reads which report (docs/CULTURE.md, "Who sees what").

use super::{
    q1,
    value::UNIT_REPORT,
    world::{gid, World},
};
use serde_json::json;

pub async fn readers(w: &World<'_>) {
    let acme = gid("Organization", w.acme.id);
    let unit = |unit: &str| json!({ "id": acme, "unit": unit, "period": q1() });
    // dan leads Treasury, not Plant Lyon; he reads neither acme's organization reports.
    assert_eq!(
        w.codes("dan", UNIT_REPORT, unit("Treasury")).await,
        Vec::<String>::new()
    );
    assert_eq!(
        w.codes("dan", UNIT_REPORT, unit("Plant Lyon")).await,
        ["FORBIDDEN"]
    );
    let org_value = "query($id: ID!, $period: PeriodInput!) { node(id: $id) { ... on Organization {
        valueReport(period: $period) { contributors } } } }";
    let org_leadership = "query($id: ID!) { node(id: $id) { ... on Organization {
        leadership { threshold } } } }";
    let vars = json!({ "id": acme, "period": q1() });
    assert_eq!(w.codes("dan", org_value, vars.clone()).await, ["FORBIDDEN"]);
    assert_eq!(
        w.codes("dan", org_leadership, vars.clone()).await,
        ["FORBIDDEN"]
    );
    // Another organization's admin: gina sees acme (a participation links them) but does
    // not administer it.
    assert_eq!(
        w.codes("gina", org_value, vars.clone()).await,
        ["FORBIDDEN"]
    );
    assert_eq!(
        w.codes("gina", UNIT_REPORT, unit("Treasury")).await,
        ["FORBIDDEN"]
    );
    // The operator reads every report.
    let reply = w
        .app
        .graphql(Some(&w.app.operator_token()), UNIT_REPORT, unit("Treasury"))
        .await;
    reply.assert_ok();

    // initech's admin: the Guild is not live for initech, so it is NOT_FOUND, reports and
    // all.
    let q = "query($id: ID!, $period: PeriodInput!) { node(id: $id) { ... on Community {
        rhythm(period: $period) { attendees } } } }";
    let vars = json!({ "id": gid("Community", w.guild), "period": q1() });
    let reply = w.app.graphql(Some(&w.token("nia")), q, vars).await;
    assert!(
        reply.body["data"]["node"].is_null() && reply.codes().iter().all(|c| c == "NOT_FOUND"),
        "{:#}",
        reply.body
    );
    // Data Circle is live for initech only: globex's gina does not see it, and omar's
    // figures count ivy's application there; contributors: omar (a revision on 01-02) and
    // ivy (a problem and the application).
    let q = "query($id: ID!, $period: PeriodInput!) { node(id: $id) { ... on Community {
        valueReport(period: $period) { applicationsReported hoursSaved contributors } } } }";
    let vars = json!({ "id": gid("Community", w.data_circle), "period": q1() });
    let reply = w.app.graphql(Some(&w.token("gina")), q, vars.clone()).await;
    assert!(reply.body["data"]["node"].is_null(), "{:#}", reply.body);
    let v = w.data("omar", q, vars).await;
    assert_eq!(
        v["node"]["valueReport"],
        json!({ "applicationsReported": 1, "hoursSaved": 50.0, "contributors": 2 })
    );

    // Quality Circle has been quiet since February 2026 (more than 60 days): dormant.
    let q = "query($id: ID!) { node(id: $id) { ... on Community { health {
        activeMembers dormant suggestedStage } } } }";
    let v = w
        .data("gus", q, json!({ "id": gid("Community", w.circle) }))
        .await;
    assert_eq!(
        v["node"]["health"],
        json!({ "activeMembers": 2, "dormant": true, "suggestedStage": "TRANSFORMATION" })
    );
}
