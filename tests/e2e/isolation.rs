//! Tenant isolation: a token of one organization never sees another organization's rows
//! through `viewer`, `organization`, `organizations`, `node`, `nodes` or counts. What each
//! viewer gets is compared with an oracle written from the rules, not from the code:
//! people see their own organization and its people; the operator sees everything.

use crate::common::*;
use serde_json::{json, Value};
use std::collections::{BTreeSet, HashMap};

struct WorldPerson {
    org: usize,
    subject: String,
    token: String,
    id: String,
    admin: bool,
}

async fn isolation(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let slugs = ["acme", "globex", "initech"];
    let mut orgs = Vec::new();
    for slug in slugs {
        orgs.push(app.create_org(slug).await);
    }
    // People per organization: 3, 2, 1; the first of each is an admin.
    let mut people = Vec::new();
    for (index, org) in orgs.iter().enumerate() {
        for n in 0..(3 - index) {
            let subject = format!("{}-person-{n}", org.slug);
            let admin = n == 0;
            let token = if admin {
                org.admin_token(&subject)
            } else {
                org.token(&subject, json!({}))
            };
            let reply = app
                .graphql(Some(&token), "{ viewer { person { id } } }", json!({}))
                .await;
            let id = reply
                .assert_ok()
                .data("/viewer/person/id")
                .as_str()
                .unwrap()
                .to_owned();
            people.push(WorldPerson {
                org: index,
                subject,
                token,
                id,
                admin,
            });
        }
    }
    let operator = app.operator_token();
    let all_orgs = app
        .graphql(
            Some(&operator),
            "{ organizations(first: 100) { totalCount nodes { id slug } } }",
            json!({}),
        )
        .await;
    all_orgs.assert_ok();
    assert_eq!(all_orgs.data("/organizations/totalCount"), 3);
    let org_ids: HashMap<String, String> = all_orgs
        .data("/organizations/nodes")
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["slug"].as_str().unwrap().to_owned(),
                o["id"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let all_ids: Vec<String> = org_ids
        .values()
        .cloned()
        .chain(people.iter().map(|p| p.id.clone()))
        .collect();
    let mut checked = 0usize;

    // Each person's view, against the oracle.
    for me in &people {
        let my_slug = slugs[me.org];
        let visible_orgs: BTreeSet<&str> = [my_slug].into();
        let visible_people: BTreeSet<&str> = people
            .iter()
            .filter(|p| p.org == me.org)
            .map(|p| p.id.as_str())
            .collect();
        // The oracle: a person sees their own organization and its people, nothing else.
        let oracle_sees = |id: &str| {
            visible_people.contains(id)
                || org_ids
                    .iter()
                    .any(|(slug, oid)| oid == id && visible_orgs.contains(slug.as_str()))
        };

        // viewer
        let reply = app
            .graphql(
                Some(&me.token),
                "{ viewer { isAdmin person { id } organization { slug } } }",
                json!({}),
            )
            .await;
        reply.assert_ok();
        assert_eq!(reply.data("/viewer/person/id"), me.id.as_str());
        assert_eq!(reply.data("/viewer/organization/slug"), my_slug);
        assert_eq!(reply.data("/viewer/isAdmin"), me.admin);

        // organization(slug:) for every slug, and one that does not exist: identical answers
        // for invisible and nonexistent.
        for slug in slugs.iter().copied().chain(["no-such-org"]) {
            let reply = app.graphql(Some(&me.token), "query($s: String!) { organization(slug: $s) { slug people(first: 100) { totalCount nodes { id } } } }", json!({ "s": slug })).await;
            checked += 1;
            if visible_orgs.contains(slug) {
                reply.assert_ok();
                let seen: BTreeSet<&str> = reply
                    .data("/organization/people/nodes")
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| p["id"].as_str().unwrap())
                    .collect();
                assert_eq!(seen, visible_people, "{} sees people of {slug}", me.subject);
                assert_eq!(
                    reply.data("/organization/people/totalCount"),
                    visible_people.len()
                );
            } else {
                assert_eq!(
                    reply.codes(),
                    ["NOT_FOUND"],
                    "{} reading {slug}: {:#}",
                    me.subject,
                    reply.body
                );
                assert_eq!(reply.errors()[0]["message"], "not found");
                assert!(reply.data("/organization").is_null());
            }
        }

        // organizations: only what the oracle allows, and the count agrees.
        let reply = app
            .graphql(
                Some(&me.token),
                "{ organizations(first: 100) { totalCount nodes { slug } } }",
                json!({}),
            )
            .await;
        reply.assert_ok();
        let seen: BTreeSet<&str> = reply
            .data("/organizations/nodes")
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["slug"].as_str().unwrap())
            .collect();
        assert_eq!(seen, visible_orgs);
        assert_eq!(reply.data("/organizations/totalCount"), visible_orgs.len());
        checked += 1;

        // node(id:) for every id in the world.
        for id in &all_ids {
            let reply = app.graphql(Some(&me.token), "query($id: ID!) { node(id: $id) { id ... on Person { organization { slug } } ... on Organization { slug } } }", json!({ "id": id })).await;
            checked += 1;
            let expected = oracle_sees(id);
            if expected {
                reply.assert_ok();
                assert_eq!(reply.data("/node/id"), id.as_str());
            } else {
                assert_eq!(
                    reply.codes(),
                    ["NOT_FOUND"],
                    "{} reading node {id}",
                    me.subject
                );
                assert!(reply.data("/node").is_null());
            }
        }

        // nodes(ids:) for all ids at once: nulls exactly where the oracle says, an error each.
        let reply = app
            .graphql(
                Some(&me.token),
                "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
                json!({ "ids": all_ids }),
            )
            .await;
        assert_eq!(reply.status, reqwest::StatusCode::OK);
        let got = reply.data("/nodes").as_array().unwrap().clone();
        let mut hidden = 0;
        for (index, id) in all_ids.iter().enumerate() {
            let expected = oracle_sees(id);
            if expected {
                assert_eq!(got[index]["id"], id.as_str());
            } else {
                hidden += 1;
                assert_eq!(got[index], Value::Null);
            }
        }
        assert_eq!(reply.codes().len(), hidden);
        assert!(reply.codes().iter().all(|c| c == "NOT_FOUND"));
        checked += 1;

        // Identity settings: own organization's admins only.
        let reply = app.graphql(Some(&me.token), "query($s: String!) { organization(slug: $s) { identity { issuers { issuer keys { kid } } } } }", json!({ "s": my_slug })).await;
        checked += 1;
        if me.admin {
            reply.assert_ok();
            assert_eq!(
                reply.data("/organization/identity/issuers/0/keys/0/kid"),
                format!("{my_slug}-k1").as_str()
            );
        } else {
            assert_eq!(reply.codes(), ["FORBIDDEN"]);
        }
    }

    // The operator sees everything.
    let reply = app
        .graphql(
            Some(&operator),
            "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
            json!({ "ids": all_ids }),
        )
        .await;
    reply.assert_ok();
    assert_eq!(
        reply.data("/nodes").as_array().unwrap().len(),
        all_ids.len()
    );
    eprintln!(
        "isolation ({:?}): {} viewers, {checked} lookups checked",
        app.backend,
        people.len()
    );
}
db_test!(tokens_see_only_their_own_organization, isolation);
