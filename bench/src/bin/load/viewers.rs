//! The people the load runs as, with a token each and what they may read and write: their
//! live memberships, the open problems and upcoming events of those communities (from the
//! generated world, not from the API).

use anyhow::Context;
use api::{
    auth::{OperatorViewer, Viewer},
    seed::scale::Generated,
    service::identity::{mint_dev_token, DevTokenClaims},
};
use chrono::{DateTime, Utc};
use entity::enums::{EventState, ProblemState};
use rand::{rngs::StdRng, seq::SliceRandom};
use sea_orm::{DatabaseConnection, EntityTrait};
use std::{
    collections::{hash_map::Entry, HashMap},
    time::Duration,
};
use uuid::Uuid;

pub struct LoadViewer {
    pub token: String,
    pub is_admin: bool,
    pub communities: Vec<Uuid>,
    pub open_problems: Vec<Uuid>,
    pub upcoming_events: Vec<Uuid>,
}

/// Up to `count` people spread over the organizations: a tenth of them admins (of
/// organizations spread evenly, for the organization value report), the others members with
/// at least one live membership, taken in turns from every organization.
pub async fn pick(
    db: &DatabaseConnection,
    generated: &Generated,
    count: usize,
    now: DateTime<Utc>,
    rng: &mut StdRng,
) -> anyhow::Result<Vec<LoadViewer>> {
    let world = &generated.world;
    let mut live: HashMap<usize, Vec<usize>> = HashMap::new();
    for (c, community) in world.communities.iter().enumerate() {
        for m in community.members.iter().filter(|m| m.left_at.is_none()) {
            if world.live(world.people[m.person].organization, c) {
                live.entry(m.person).or_default().push(c);
            }
        }
    }
    let mut open: HashMap<usize, Vec<Uuid>> = HashMap::new();
    for p in &generated.knowledge.problems {
        if p.state == ProblemState::Open {
            open.entry(p.community).or_default().push(p.id);
        }
    }
    let mut upcoming: HashMap<usize, Vec<Uuid>> = HashMap::new();
    for e in &generated.events.events {
        if e.state == EventState::Scheduled && e.starts_at > now {
            upcoming.entry(e.community).or_default().push(e.id);
        }
    }
    let orgs = world.organizations.len();
    let admins = (count / 10).clamp(1, orgs);
    let mut chosen: Vec<(usize, bool)> = (0..admins)
        .filter_map(|i| world.organizations[i * orgs / admins].people.first())
        .map(|admin| (*admin, true))
        .collect();
    // Members in turns over the organizations, each organization's in a shuffled order.
    let mut queues: Vec<Vec<usize>> = world
        .organizations
        .iter()
        .map(|o| {
            let mut people: Vec<usize> = o.people[1..]
                .iter()
                .copied()
                .filter(|p| live.contains_key(p))
                .collect();
            people.shuffle(rng);
            people
        })
        .collect();
    while chosen.len() < count && queues.iter().any(|q| !q.is_empty()) {
        for queue in &mut queues {
            if chosen.len() == count {
                break;
            }
            if let Some(person) = queue.pop() {
                chosen.push((person, false));
            }
        }
    }
    let operator = Viewer::Operator(OperatorViewer {
        subject: "praxis-load".to_owned(),
    });
    let mut organizations = HashMap::new();
    let mut viewers = Vec::new();
    for (person, is_admin) in chosen {
        let p = &world.people[person];
        let org_id = world.organizations[p.organization].id;
        if let Entry::Vacant(entry) = organizations.entry(org_id) {
            let found = entity::organization::Entity::find_by_id(org_id)
                .one(db)
                .await?
                .context("a seeded organization is missing")?;
            entry.insert(found);
        }
        let claims = DevTokenClaims {
            subject: p.subject.clone(),
            name: None,
            email: None,
            admin: is_admin,
            ttl: Duration::from_secs(4 * 3600),
        };
        let token = mint_dev_token(db, &operator, &organizations[&org_id], "praxis", &claims)
            .await
            .map_err(|e| anyhow::anyhow!("minting a token for {}: {e}", p.subject))?;
        let communities = live.get(&person).cloned().unwrap_or_default();
        viewers.push(LoadViewer {
            token,
            is_admin,
            open_problems: communities
                .iter()
                .flat_map(|c| open.get(c).into_iter().flatten().copied())
                .collect(),
            upcoming_events: communities
                .iter()
                .flat_map(|c| upcoming.get(c).into_iter().flatten().copied())
                .collect(),
            communities: communities
                .iter()
                .map(|c| world.communities[*c].id)
                .collect(),
        });
    }
    Ok(viewers)
}
