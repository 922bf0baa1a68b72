//! `praxis seed --scale`'s world, read back through the GraphQL API and checked against what
//! the generator says it wrote: a person's memberships and their communities' problem
//! counts, NOT_FOUND for people whose organization's participation is SUSPENDED or LEFT,
//! search finding a seeded title, and an organization's value report counting the seeded
//! applications.

use crate::common::*;
use api::{
    auth::{OperatorViewer, Viewer},
    graphql::node::{global_id, NodeKind},
    seed::scale::{self, Generated, Scale},
    service::identity::{mint_dev_token, DevTokenClaims},
};
use chrono::Duration;
use entity::enums::{MembershipStatus, ParticipationStatus};
use rand::{rngs::StdRng, SeedableRng};
use sea_orm::EntityTrait;
use serde_json::json;
use std::collections::HashSet;

const SCALE: &str = "0.01";

/// The first seed whose small world holds a SUSPENDED and a LEFT participation (the
/// generator decides those by chance), so that the test always has both to check.
fn seed_with_held_back_partners(today: chrono::DateTime<chrono::Utc>) -> u64 {
    let scale = Scale::parse(SCALE).unwrap();
    (1..200)
        .find(|seed| {
            let generated = Generated::new(scale, today, &mut StdRng::seed_from_u64(*seed));
            let statuses: HashSet<_> = generated
                .world
                .communities
                .iter()
                .flat_map(|c| c.participations.iter().map(|p| p.status))
                .collect();
            statuses.contains(&ParticipationStatus::Suspended)
                && statuses.contains(&ParticipationStatus::Left)
        })
        .expect("a seed with held-back partners")
}

async fn token(app: &TestApp, generated: &Generated, person: usize, admin: bool) -> String {
    let world = &generated.world;
    let p = &world.people[person];
    let found = entity::organization::Entity::find_by_id(world.organizations[p.organization].id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let claims = DevTokenClaims {
        subject: p.subject.clone(),
        name: None,
        email: None,
        admin,
        ttl: std::time::Duration::from_secs(600),
    };
    let operator = Viewer::Operator(OperatorViewer {
        subject: "test".to_owned(),
    });
    mint_dev_token(&app.db, &operator, &found, AUDIENCE, &claims)
        .await
        .unwrap()
}

async fn seeded_world_reads_back_through_the_api(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let today = scale::today();
    let seed = seed_with_held_back_partners(today);
    let scale = Scale::parse(SCALE).unwrap();
    let seeded = scale::seed(&app.db, &app.database_url, scale, seed, today)
        .await
        .unwrap();
    let generated = &seeded.generated;
    let world = &generated.world;
    let knowledge = &generated.knowledge;
    let written = |table: &str| {
        seeded
            .counts
            .iter()
            .find(|(t, _)| *t == table)
            .map_or(0, |(_, n)| *n)
    };
    assert_eq!(written("organization"), scale.sizes().organizations);
    assert_eq!(written("search_document"), generated.items());

    // A busy person: their ACTIVE memberships, and each community's problem count.
    let (person, _, _) = generated.sample_person().unwrap();
    let expected: Vec<(String, usize)> = world
        .communities
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.members
                .iter()
                .any(|m| m.person == person && m.status == MembershipStatus::Active)
        })
        .map(|(i, c)| {
            let problems = knowledge
                .problems
                .iter()
                .filter(|p| p.community == i)
                .count();
            (global_id(NodeKind::Community, c.id).0, problems)
        })
        .collect();
    assert!(!expected.is_empty());
    let member = token(&app, generated, person, false).await;
    let reply = app
        .graphql(
            Some(&member),
            "{ viewer { memberships(status: ACTIVE, first: 100) { totalCount
                 nodes { community { id problems(first: 1) { totalCount } } } } } }",
            json!({}),
        )
        .await;
    reply.assert_ok();
    assert_eq!(
        reply.data("/viewer/memberships/totalCount"),
        &json!(expected.len())
    );
    let mut got: Vec<(String, usize)> = reply
        .data("/viewer/memberships/nodes")
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["community"]["id"].as_str().unwrap().to_owned(),
                n["community"]["problems"]["totalCount"].as_u64().unwrap() as usize,
            )
        })
        .collect();
    got.sort();
    let mut expected = expected;
    expected.sort();
    assert_eq!(got, expected);

    // People of an organization whose participation is SUSPENDED or LEFT (and which does not
    // host the community) do not see it, nor its problems.
    let mut checked = HashSet::new();
    for (c, community) in world.communities.iter().enumerate() {
        for p in &community.participations {
            if !matches!(
                p.status,
                ParticipationStatus::Suspended | ParticipationStatus::Left
            ) || world.live(p.organization, c)
            {
                continue;
            }
            let outsider = world.organizations[p.organization].people[1];
            let outsider = token(&app, generated, outsider, false).await;
            let reply = app
                .graphql(
                    Some(&outsider),
                    "query($id: ID!) { node(id: $id) { id } }",
                    json!({ "id": global_id(NodeKind::Community, community.id).0 }),
                )
                .await;
            assert_eq!(reply.codes(), vec!["NOT_FOUND"], "{:#}", reply.body);
            if let Some(problem) = knowledge.problems.iter().find(|x| x.community == c) {
                let reply = app
                    .graphql(
                        Some(&outsider),
                        "query($id: ID!) { node(id: $id) { id } }",
                        json!({ "id": global_id(NodeKind::Problem, problem.id).0 }),
                    )
                    .await;
                assert_eq!(reply.codes(), vec!["NOT_FOUND"], "{:#}", reply.body);
            }
            checked.insert(p.status);
        }
    }
    assert_eq!(checked.len(), 2, "both SUSPENDED and LEFT were checked");

    // Search finds a seeded problem by its title.
    let c = first_membership(world, person);
    let problem = knowledge
        .problems
        .iter()
        .find(|p| p.community == c)
        .unwrap();
    let reply = app
        .graphql(
            Some(&member),
            "query($q: String!) { search(query: $q, first: 50) {
                 nodes { item { ... on Problem { id title } } } } }",
            json!({ "q": problem.title }),
        )
        .await;
    reply.assert_ok();
    let hits = reply.data("/search/nodes").as_array().unwrap();
    assert!(
        hits.iter()
            .any(|h| h["item"]["id"] == json!(global_id(NodeKind::Problem, problem.id).0)),
        "{:#}",
        reply.body
    );

    // The organization value report of the year counts the seeded applications of its
    // people in the communities live for it.
    let (o, organization) = world
        .organizations
        .iter()
        .enumerate()
        .max_by_key(|(o, _)| {
            knowledge
                .applications
                .iter()
                .filter(|a| world.people[a.reporter].organization == *o)
                .count()
        })
        .unwrap();
    let from = world.start.date_naive();
    let to = (world.end - Duration::days(1)).date_naive();
    let (mut count, mut centis) = (0usize, 0i64);
    for a in &knowledge.applications {
        if world.people[a.reporter].organization == o
            && world.live(o, a.community)
            && from <= a.applied_on
            && a.applied_on <= to
        {
            count += 1;
            centis += a.hours_saved_centis.unwrap_or(0);
        }
    }
    assert!(count > 0, "the seeded world has applications to report");
    let admin = token(&app, generated, organization.people[0], true).await;
    let reply = app
        .graphql(
            Some(&admin),
            "query($period: PeriodInput!) { viewer { organization {
                 valueReport(period: $period) { applicationsReported hoursSaved } } } }",
            json!({ "period": { "from": from.to_string(), "to": to.to_string() } }),
        )
        .await;
    reply.assert_ok();
    assert_eq!(
        reply.data("/viewer/organization/valueReport/applicationsReported"),
        &json!(count)
    );
    let hours = reply
        .data("/viewer/organization/valueReport/hoursSaved")
        .as_f64()
        .unwrap();
    assert!(
        (hours - centis as f64 / 100.0).abs() < 0.005,
        "{hours} vs {centis}"
    );
}
db_test!(
    seed_scale_world_answers_through_the_api,
    seeded_world_reads_back_through_the_api
);

/// The first community `person` is an ACTIVE member of.
fn first_membership(world: &api::seed::world::World, person: usize) -> usize {
    world
        .communities
        .iter()
        .position(|c| {
            c.members
                .iter()
                .any(|m| m.person == person && m.status == MembershipStatus::Active)
        })
        .unwrap()
}
