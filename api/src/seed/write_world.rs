//! Writes organizations, people with business units, partnerships, communities,
//! participations, memberships and division leaders straight into the tables, in one
//! transaction.

use super::{
    bulk::{insert_all, set_all},
    generate::uuid_at,
    world::World,
};
use crate::db::begin_write;
use entity::{
    community, division_leader,
    enums::{
        CommunityVisibility, JoinRule, LifecycleStage, MembershipStatus, ParticipationStatus,
        PartnerPolicy, PartnershipStatus,
    },
    identity_issuer, identity_key, membership, organization, participation, partnership, person,
};
use rand::rngs::StdRng;
use sea_orm::DatabaseConnection;
use std::collections::BTreeMap;

/// Rows written per table, for the printout.
pub type Counts = Vec<(&'static str, usize)>;

pub async fn insert_world(
    db: &DatabaseConnection,
    world: &World,
    rng: &mut StdRng,
) -> anyhow::Result<Counts> {
    let at = world.epoch();
    let org_id = |o: usize| world.organizations[o].id;
    let txn = begin_write(db).await?;
    let organizations: Vec<organization::ActiveModel> = world
        .organizations
        .iter()
        .map(|o| {
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
        })
        .collect();
    let mut counts = vec![("organization", organizations.len())];
    insert_all(&txn, organizations).await?;
    // Each organization trusts its default issuer with a development HS256 key (its secret
    // from the system's generator, not the seeded one), so `praxis token` works at once.
    let mut issuers = Vec::new();
    let mut keys = Vec::new();
    for o in &world.organizations {
        let issuer_id = uuid_at(rng, at);
        issuers.push(set_all::<_, identity_issuer::ActiveModel>(
            identity_issuer::Model {
                id: issuer_id,
                organization_id: o.id,
                issuer: crate::service::organization::default_issuer(&o.slug),
                jwks_url: None,
                created_at: at,
            },
        ));
        keys.push(set_all::<_, identity_key::ActiveModel>(
            identity_key::Model {
                id: uuid_at(rng, at),
                issuer_id,
                kid: Some(format!("{}-dev-1", o.slug)),
                algorithm: "HS256".to_owned(),
                material: crate::service::identity::generate_secret(),
                created_at: at,
                retired_at: None,
            },
        ));
    }
    counts.push(("identity_issuer", issuers.len()));
    insert_all(&txn, issuers).await?;
    insert_all(&txn, keys).await?;
    let people: Vec<person::ActiveModel> = world
        .people
        .iter()
        .map(|p| {
            let unit = p
                .unit
                .map(|u| world.organizations[p.organization].units[u].clone());
            set_all(person::Model {
                id: p.id,
                organization_id: org_id(p.organization),
                subject: p.subject.clone(),
                display_name: Some(p.subject.replace('-', " ")),
                email: Some(format!("{}@example.com", p.subject)),
                created_at: at,
                last_seen_at: at,
                business_unit_key: unit.as_deref().map(World::unit_key),
                business_unit: unit,
            })
        })
        .collect();
    counts.push(("person", people.len()));
    insert_all(&txn, people).await?;

    // One ACTIVE partnership per pair of organizations that share a community.
    let mut pairs = BTreeMap::new();
    for c in &world.communities {
        for p in c.participations.iter().filter(|p| p.organization != c.host) {
            let (host, partner) = (org_id(c.host), org_id(p.organization));
            pairs
                .entry((host.min(partner), host.max(partner)))
                .or_insert(host);
        }
    }
    let partnerships: Vec<partnership::ActiveModel> = pairs
        .into_iter()
        .map(|((low, high), proposer)| {
            set_all(partnership::Model {
                id: uuid_at(rng, at),
                low_organization_id: low,
                high_organization_id: high,
                proposer_organization_id: proposer,
                status: PartnershipStatus::Active,
                message: None,
                low_inbound: None,
                low_outbound: None,
                high_inbound: None,
                high_outbound: None,
                suspended_by_organization_id: None,
                accepted_at: Some(at),
                ended_at: None,
                created_at: at,
                updated_at: at,
            })
        })
        .collect();
    counts.push(("partnership", partnerships.len()));
    insert_all(&txn, partnerships).await?;

    let mut communities = Vec::new();
    let mut participations = Vec::new();
    let mut memberships = Vec::new();
    for c in &world.communities {
        let creator = world.people[world.organizations[c.host].people[0]].id;
        communities.push(set_all::<_, community::ActiveModel>(community::Model {
            id: c.id,
            host_organization_id: org_id(c.host),
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
            created_at: c.created_at,
            updated_at: c.created_at,
            rhythm_interval_days: None,
        }));
        for p in &c.participations {
            participations.push(set_all::<_, participation::ActiveModel>(
                participation::Model {
                    id: uuid_at(rng, c.created_at),
                    community_id: c.id,
                    organization_id: org_id(p.organization),
                    tier: p.tier,
                    status: p.status,
                    sponsor_person_id: p.sponsor.map(|s| world.people[s].id),
                    invited_by_person_id: Some(creator),
                    invited_at: c.created_at,
                    expires_at: None,
                    accepted_at: (p.status != ParticipationStatus::Invited).then_some(c.created_at),
                    ended_at: p.left_at.filter(|_| p.status == ParticipationStatus::Left),
                    updated_at: p.left_at.unwrap_or(c.created_at),
                },
            ));
        }
        for m in &c.members {
            let person = &world.people[m.person];
            memberships.push(set_all::<_, membership::ActiveModel>(membership::Model {
                id: uuid_at(rng, m.joined_at),
                community_id: c.id,
                person_id: person.id,
                organization_id: org_id(person.organization),
                role: m.role,
                leadership: m.leadership,
                status: m.status,
                suspended_from: (m.status == MembershipStatus::Suspended)
                    .then_some(MembershipStatus::Active),
                requested_at: m.joined_at,
                joined_at: Some(m.joined_at),
                updated_at: m.left_at.unwrap_or(m.joined_at),
            }));
        }
    }
    counts.push(("community", communities.len()));
    counts.push(("participation", participations.len()));
    counts.push(("membership", memberships.len()));
    insert_all(&txn, communities).await?;
    insert_all(&txn, participations).await?;
    insert_all(&txn, memberships).await?;

    let leaders: Vec<division_leader::ActiveModel> = world
        .division_leaders
        .iter()
        .map(|d| {
            let unit = world.organizations[d.organization].units[d.unit].clone();
            set_all(division_leader::Model {
                id: uuid_at(rng, world.start),
                organization_id: org_id(d.organization),
                person_id: world.people[d.person].id,
                business_unit_key: World::unit_key(&unit),
                business_unit: unit,
                granted_by_person_id: world.people[world.organizations[d.organization].people[0]]
                    .id,
                created_at: world.start,
            })
        })
        .collect();
    counts.push(("division_leader", leaders.len()));
    insert_all(&txn, leaders).await?;
    txn.commit().await?;
    Ok(counts)
}
