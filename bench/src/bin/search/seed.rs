//! Writes the generated world straight into the tables with multi-row inserts in large
//! transactions (not through the services: seeding 100,000 items one service call at a time
//! would measure the write path, not search). `search_document` rows are inserted like the
//! services' `search_index::upsert` would write them; the database's own full-text index
//! follows (FTS5 triggers on SQLite, the generated `tsvector` on PostgreSQL).

use crate::world::{Item, World};
use anyhow::Context;
use api::db::begin_write;
use chrono::{DateTime, Utc};
use entity::{
    article_author, community,
    enums::{
        CommunityVisibility, JoinRule, LifecycleStage, MembershipStatus, ParticipationStatus,
        PartnerPolicy, PartnershipStatus, SearchKind, Urgency,
    },
    idea, knowledge_article, membership, organization, participation, partnership, person, problem,
    search_document,
};
use praxis_bench::{
    bulk::{insert_all, set_all},
    generate::uuid_at,
};
use rand::{rngs::StdRng, Rng};
use sea_orm::{DatabaseConnection, NotSet, Set};
use std::collections::HashMap;

/// Items per transaction.
const ITEMS_PER_TRANSACTION: usize = 20_000;

/// Organizations, people, partnerships, communities, participations and memberships.
pub async fn insert_people_and_communities(
    db: &DatabaseConnection,
    world: &World,
    rng: &mut StdRng,
) -> anyhow::Result<()> {
    let at = world.start;
    let txn = begin_write(db).await?;
    let organizations = world.organizations.iter().map(|o| {
        set_all(organization::Model {
            id: o.id,
            slug: o.slug.clone(),
            name: o.name.clone(),
            admin_claim: "roles".to_owned(),
            admin_claim_value: "admin".to_owned(),
            disabled_at: None,
            default_inbound_policy: PartnerPolicy::Allowed,
            default_outbound_policy: PartnerPolicy::Allowed,
            created_at: at,
            updated_at: at,
        })
    });
    insert_all(
        &txn,
        organizations.collect::<Vec<organization::ActiveModel>>(),
    )
    .await?;
    let people = world.people.iter().map(|p| {
        set_all(person::Model {
            id: p.id,
            organization_id: world.organizations[p.organization].id,
            subject: p.subject.clone(),
            display_name: Some(p.subject.replace('-', " ")),
            email: Some(format!("{}@example.com", p.subject)),
            created_at: at,
            last_seen_at: at,
            business_unit: None,
            business_unit_key: None,
        })
    });
    insert_all(&txn, people.collect::<Vec<person::ActiveModel>>()).await?;

    // One partnership per pair of organizations that share a community, ACTIVE unless a
    // participation between them is SUSPENDED.
    let mut pairs: HashMap<(uuid::Uuid, uuid::Uuid), (uuid::Uuid, PartnershipStatus)> =
        HashMap::new();
    for c in &world.communities {
        let host = world.organizations[c.host].id;
        for p in c.participations.iter().filter(|p| p.organization != c.host) {
            let partner = world.organizations[p.organization].id;
            let key = (host.min(partner), host.max(partner));
            let entry = pairs
                .entry(key)
                .or_insert((host, PartnershipStatus::Active));
            if p.status == ParticipationStatus::Suspended {
                entry.1 = PartnershipStatus::Suspended;
            }
        }
    }
    let mut partnerships = Vec::new();
    for ((low, high), (proposer, status)) in pairs {
        partnerships.push(set_all(partnership::Model {
            id: uuid_at(rng, at),
            low_organization_id: low,
            high_organization_id: high,
            proposer_organization_id: proposer,
            status,
            message: None,
            low_inbound: None,
            low_outbound: None,
            high_inbound: None,
            high_outbound: None,
            suspended_by_organization_id: (status == PartnershipStatus::Suspended)
                .then_some(proposer),
            accepted_at: Some(at),
            ended_at: None,
            created_at: at,
            updated_at: at,
        }));
    }
    insert_all::<partnership::ActiveModel>(&txn, partnerships).await?;

    let mut communities = Vec::new();
    let mut participations = Vec::new();
    let mut memberships = Vec::new();
    for c in &world.communities {
        let host = &world.organizations[c.host];
        let creator = world.people[host.people[0]].id;
        communities.push(set_all(community::Model {
            id: c.id,
            host_organization_id: host.id,
            slug: c.slug.clone(),
            name: c.name.clone(),
            purpose: format!("Where practitioners share what works in {}", c.name),
            tags: serde_json::json!([]),
            visibility: if c.federated {
                CommunityVisibility::Federated
            } else {
                CommunityVisibility::HostOnly
            },
            stage: LifecycleStage::Maturing,
            charter: String::new(),
            join_rule: JoinRule::Open,
            created_by_person_id: creator,
            created_at: at,
            updated_at: at,
            rhythm_interval_days: None,
        }));
        for p in &c.participations {
            let accepted = p.status != ParticipationStatus::Invited;
            participations.push(set_all(participation::Model {
                id: uuid_at(rng, at),
                community_id: c.id,
                organization_id: world.organizations[p.organization].id,
                tier: p.tier,
                status: p.status,
                sponsor_person_id: None,
                invited_by_person_id: Some(creator),
                invited_at: at,
                expires_at: None,
                accepted_at: accepted.then_some(at),
                ended_at: (p.status == ParticipationStatus::Left).then_some(at),
                updated_at: at,
            }));
        }
        for m in &c.members {
            let person = &world.people[m.person];
            memberships.push(set_all(membership::Model {
                id: uuid_at(rng, at),
                community_id: c.id,
                person_id: person.id,
                organization_id: world.organizations[person.organization].id,
                role: m.role,
                leadership: None,
                status: m.status,
                suspended_from: (m.status == MembershipStatus::Suspended)
                    .then_some(MembershipStatus::Active),
                requested_at: at,
                joined_at: Some(at),
                updated_at: at,
            }));
        }
    }
    insert_all::<community::ActiveModel>(&txn, communities).await?;
    insert_all::<participation::ActiveModel>(&txn, participations).await?;
    insert_all::<membership::ActiveModel>(&txn, memberships).await?;
    txn.commit().await?;
    Ok(())
}

fn tags_json(item: &Item) -> serde_json::Value {
    serde_json::Value::from(item.tags.clone())
}

fn search_row(world: &World, item: &Item) -> search_document::ActiveModel {
    let author = &world.people[item.author];
    search_document::ActiveModel {
        seq: NotSet,
        item_id: Set(item.id),
        kind: Set(item.kind),
        community_id: Set(world.communities[item.community].id),
        author_organization_id: Set(world.organizations[author.organization].id),
        tags: Set(tags_json(item)),
        state: Set(item.state().to_owned()),
        title: Set(item.title.clone()),
        body: Set(item.body.clone()),
        created_at: Set(item.created_at),
    }
}

/// Problems, ideas and articles (with their authors) and their search documents, in
/// transactions of `ITEMS_PER_TRANSACTION` items.
pub async fn insert_items(
    db: &DatabaseConnection,
    world: &World,
    rng: &mut StdRng,
) -> anyhow::Result<()> {
    for (batch, items) in world.items.chunks(ITEMS_PER_TRANSACTION).enumerate() {
        let txn = begin_write(db)
            .await
            .context("starting an item transaction")?;
        let mut problems = Vec::new();
        let mut ideas = Vec::new();
        let mut articles = Vec::new();
        let mut authors = Vec::new();
        for item in items {
            let author = &world.people[item.author];
            let community_id = world.communities[item.community].id;
            let organization_id = world.organizations[author.organization].id;
            match item.kind {
                SearchKind::Problem => {
                    problems.push(problem_row(item, community_id, author.id, organization_id))
                }
                SearchKind::Idea => {
                    let problem = item.problem.map(|p| world.items[p].id).unwrap_or_default();
                    ideas.push(set_all(idea::Model {
                        id: item.id,
                        problem_id: problem,
                        community_id,
                        parent_idea_id: item.parent.map(|p| world.items[p].id),
                        author_person_id: author.id,
                        author_organization_id: organization_id,
                        body: item.body.clone(),
                        endorsement_count: rng.random_range(0..8),
                        reply_count: 0,
                        revision: 1,
                        accepted_at: None,
                        accepted_by_person_id: None,
                        created_at: item.created_at,
                        edited_at: None,
                    }));
                }
                SearchKind::Article => {
                    let state = item.article_state.context("an article without a state")?;
                    articles.push(set_all(knowledge_article::Model {
                        id: item.id,
                        community_id,
                        source_problem_id: None,
                        title: item.title.clone(),
                        body: item.body.clone(),
                        tags: tags_json(item),
                        state,
                        revision: 1,
                        application_count: 0,
                        created_by_person_id: author.id,
                        created_by_organization_id: organization_id,
                        created_at: item.created_at,
                        updated_at: item.created_at,
                        published_at: None,
                    }));
                    for co in &item.authors {
                        let co = &world.people[*co];
                        authors.push(set_all(article_author::Model {
                            id: uuid_at(rng, item.created_at),
                            article_id: item.id,
                            person_id: co.id,
                            organization_id: world.organizations[co.organization].id,
                            added_by_person_id: author.id,
                            created_at: item.created_at,
                        }));
                    }
                }
            }
        }
        insert_all::<problem::ActiveModel>(&txn, problems).await?;
        insert_all::<idea::ActiveModel>(&txn, ideas).await?;
        insert_all::<knowledge_article::ActiveModel>(&txn, articles).await?;
        insert_all::<article_author::ActiveModel>(&txn, authors).await?;
        insert_all(&txn, items.iter().map(|i| search_row(world, i)).collect()).await?;
        txn.commit()
            .await
            .with_context(|| format!("committing item batch {batch}"))?;
    }
    Ok(())
}

fn problem_row(
    item: &Item,
    community_id: uuid::Uuid,
    author_id: uuid::Uuid,
    organization_id: uuid::Uuid,
) -> problem::ActiveModel {
    let state = item
        .problem_state
        .unwrap_or(entity::enums::ProblemState::Open);
    let solved_at: Option<DateTime<Utc>> = (state == entity::enums::ProblemState::Solved)
        .then_some(item.created_at + chrono::Duration::days(3));
    set_all(problem::Model {
        id: item.id,
        community_id,
        author_person_id: author_id,
        author_organization_id: organization_id,
        title: item.title.clone(),
        body: item.body.clone(),
        tags: tags_json(item),
        urgency: Urgency::Normal,
        state,
        state_rank: state.rank(),
        idea_count: 0,
        follower_count: 1,
        created_at: item.created_at,
        updated_at: item.created_at,
        solved_at,
        time_to_solution_seconds: solved_at.map(|_| 3 * 86_400),
        closed_at: None,
    })
}
