//! Business units and division leaders, set through the API.

use super::world::World;
use serde_json::json;

const SET_UNIT: &str = "mutation($input: SetPersonBusinessUnitInput!) {
    setPersonBusinessUnit(input: $input) { person { id businessUnit } userErrors { code field } } }";
const GRANT: &str = "mutation($input: DivisionLeaderInput!) {
    grantDivisionLeader(input: $input) { divisionLeader { businessUnit grantedAt person { id } } userErrors { code } } }";
const REVOKE: &str = "mutation($input: DivisionLeaderInput!) {
    revokeDivisionLeader(input: $input) { divisionLeader { businessUnit } userErrors { code } } }";

/// alice and bob work at "Plant Lyon", carol and dan at "Treasury"; dan leads Treasury.
pub async fn assign(w: &World<'_>) {
    for (name, unit) in [
        ("alice", "Plant Lyon"),
        ("bob", "  Plant Lyon "),
        ("carol", "Treasury"),
        ("dan", "Treasury"),
    ] {
        let input = json!({ "personId": w.person_gid(name), "businessUnit": unit });
        let d = w.data("alice", SET_UNIT, json!({ "input": input })).await;
        assert_eq!(
            d["setPersonBusinessUnit"]["person"]["businessUnit"],
            unit.trim(),
            "trimmed: {d}"
        );
    }
    // Only admins of the person's organization set units.
    let input = json!({ "personId": w.person_gid("carol"), "businessUnit": "Sales" });
    assert_eq!(
        w.codes("bob", SET_UNIT, json!({ "input": input })).await,
        ["FORBIDDEN"]
    );
    let blank = json!({ "personId": w.person_gid("carol"), "businessUnit": "x".repeat(201) });
    let d = w.data("alice", SET_UNIT, json!({ "input": blank })).await;
    assert_eq!(
        d["setPersonBusinessUnit"]["userErrors"][0]["code"],
        "BAD_USER_INPUT"
    );

    // A person's unit is for their organization's admins and themself.
    let unit_of = |viewer: &'static str, whom: &'static str| async move {
        let q = "query($id: ID!) { node(id: $id) { ... on Person { businessUnit } } }";
        w.data(viewer, q, json!({ "id": w.person_gid(whom) })).await["node"]["businessUnit"].clone()
    };
    assert_eq!(unit_of("carol", "carol").await, "Treasury");
    assert_eq!(unit_of("alice", "carol").await, "Treasury");
    assert!(unit_of("bob", "carol").await.is_null());

    let grant = json!({ "personId": w.person_gid("dan"), "businessUnit": "Treasury" });
    let first = w.data("alice", GRANT, json!({ "input": grant })).await;
    let again = json!({ "personId": w.person_gid("dan"), "businessUnit": " treasury " });
    let second = w.data("alice", GRANT, json!({ "input": again })).await;
    assert_eq!(
        first["grantDivisionLeader"]["divisionLeader"],
        second["grantDivisionLeader"]["divisionLeader"],
        "granting again returns the same grant"
    );
    assert_eq!(
        w.codes("bob", GRANT, json!({ "input": grant })).await,
        ["FORBIDDEN"]
    );

    let d = w
        .data(
            "dan",
            "{ viewer { divisions { businessUnit person { id } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        d["viewer"]["divisions"],
        json!([{ "businessUnit": "Treasury", "person": { "id": w.person_gid("dan") } }])
    );
    let q = "query($id: ID!) { node(id: $id) { ... on Organization { divisionLeaders { businessUnit } } } }";
    let acme = super::world::gid("Organization", w.acme.id);
    let d = w.data("alice", q, json!({ "id": acme })).await;
    assert_eq!(
        d["node"]["divisionLeaders"],
        json!([{ "businessUnit": "Treasury" }])
    );
    let d = w.data("bob", q, json!({ "id": acme })).await;
    assert_eq!(d["node"]["divisionLeaders"], json!([]), "not bob's to see");
}

/// Revoking ends dan's access to the Treasury report at once.
pub async fn revoke(w: &World<'_>) {
    let input = json!({ "personId": w.person_gid("dan"), "businessUnit": "TREASURY" });
    let d = w.data("alice", REVOKE, json!({ "input": input })).await;
    assert_eq!(
        d["revokeDivisionLeader"]["divisionLeader"]["businessUnit"],
        "Treasury"
    );
    assert_eq!(
        w.codes("alice", REVOKE, json!({ "input": input })).await,
        ["NOT_FOUND"]
    );
    let q = "query($id: ID!, $period: PeriodInput!) { node(id: $id) { ... on Organization {
        businessUnitReport(businessUnit: \"Treasury\", period: $period) { storyCount } } } }";
    let vars = json!({ "id": super::world::gid("Organization", w.acme.id), "period": super::q1() });
    assert_eq!(w.codes("dan", q, vars).await, ["FORBIDDEN"]);
}
