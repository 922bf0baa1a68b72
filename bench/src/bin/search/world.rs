//! The generated world, kept in memory: organizations and people, communities with their
//! participations and memberships, and the items to search. It is also the independent
//! visibility oracle the results are checked against (written from `docs/KNOWLEDGE.md`, not
//! from `api::access`).

use api::seed::vocabulary::{self, Vocabulary};
use chrono::{DateTime, Duration, TimeZone, Utc};
use entity::enums::{
    ArticleState, MemberRole, MembershipStatus, ParticipationStatus, ParticipationTier,
    ProblemState, SearchKind,
};
use praxis_bench::generate::{skewed, uuid_at, COMPANY_WORDS};
use rand::{rngs::StdRng, seq::SliceRandom, Rng};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

pub struct Organization {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    /// Person indexes; the first is the organization's admin.
    pub people: Vec<usize>,
}

pub struct Person {
    pub id: Uuid,
    pub organization: usize,
    pub subject: String,
}

pub struct Participation {
    pub organization: usize,
    pub tier: ParticipationTier,
    pub status: ParticipationStatus,
}

pub struct Member {
    pub person: usize,
    pub role: MemberRole,
    pub status: MembershipStatus,
}

pub struct Community {
    pub id: Uuid,
    pub host: usize,
    pub federated: bool,
    pub slug: String,
    pub name: String,
    /// The host's own participation first.
    pub participations: Vec<Participation>,
    pub members: Vec<Member>,
}

pub struct Item {
    pub id: Uuid,
    pub kind: SearchKind,
    pub community: usize,
    pub author: usize,
    /// Ideas: the item index of their problem, and of the idea they reply to.
    pub problem: Option<usize>,
    pub parent: Option<usize>,
    pub problem_state: Option<ProblemState>,
    pub article_state: Option<ArticleState>,
    /// Articles: person indexes of the authors, the creator first.
    pub authors: Vec<usize>,
    pub title: String,
    pub body: String,
    pub tags: Vec<String>,
    pub created_at: DateTime<Utc>,
}

impl Item {
    /// The state as `search_document.state` holds it (ideas: their problem's).
    pub fn state(&self) -> &'static str {
        match (self.problem_state, self.article_state) {
            (Some(state), _) => state.as_str(),
            (None, Some(state)) => state.as_str(),
            (None, None) => "",
        }
    }
}

pub struct World {
    pub organizations: Vec<Organization>,
    pub people: Vec<Person>,
    pub communities: Vec<Community>,
    pub items: Vec<Item>,
    pub index_of_item: HashMap<Uuid, usize>,
    pub start: DateTime<Utc>,
}

/// How big a world to make.
pub struct Shape {
    pub organizations: usize,
    pub communities: usize,
    pub items: usize,
}

impl World {
    pub fn generate(rng: &mut StdRng, shape: &Shape, vocabulary: &Vocabulary) -> Self {
        let start = Utc
            .with_ymd_and_hms(2024, 11, 27, 8, 0, 0)
            .single()
            .unwrap_or_else(Utc::now);
        let mut world = World {
            organizations: Vec::new(),
            people: Vec::new(),
            communities: Vec::new(),
            items: Vec::with_capacity(shape.items),
            index_of_item: HashMap::with_capacity(shape.items),
            start,
        };
        world.add_organizations(rng, shape.organizations);
        world.add_communities(rng, shape.communities, vocabulary);
        world.add_items(rng, shape.items, vocabulary);
        world
    }

    fn add_organizations(&mut self, rng: &mut StdRng, count: usize) {
        for o in 0..count {
            let word = COMPANY_WORDS[o % COMPANY_WORDS.len()];
            let mut org = Organization {
                id: uuid_at(rng, self.start),
                slug: format!("{}-{o:02}", word.to_lowercase()),
                name: format!("{word} {o:02}"),
                people: Vec::new(),
            };
            for p in 0..rng.random_range(20..=60) {
                org.people.push(self.people.len());
                self.people.push(Person {
                    id: uuid_at(rng, self.start),
                    organization: o,
                    subject: format!("{}-person-{p:03}", org.slug),
                });
            }
            self.organizations.push(org);
        }
    }

    fn add_communities(&mut self, rng: &mut StdRng, count: usize, vocabulary: &Vocabulary) {
        let orgs = self.organizations.len();
        for c in 0..count {
            let host = skewed(rng, orgs, 0.8);
            let federated = orgs > 1 && rng.random_bool(0.75);
            let mut participations = vec![Participation {
                organization: host,
                tier: ParticipationTier::Host,
                status: ParticipationStatus::Active,
            }];
            if federated {
                let partners = rng.random_range(1..=6.min(orgs - 1));
                while participations.len() <= partners {
                    let organization = skewed(rng, orgs, 0.5);
                    if participations
                        .iter()
                        .any(|p| p.organization == organization)
                    {
                        continue;
                    }
                    let (tier, status) = match rng.random_range(0..100) {
                        0..=79 => (ParticipationTier::Participate, ParticipationStatus::Active),
                        80..=84 => (ParticipationTier::CoHost, ParticipationStatus::Active),
                        85..=92 => (ParticipationTier::Participate, ParticipationStatus::Invited),
                        93..=96 => (
                            ParticipationTier::Participate,
                            ParticipationStatus::Suspended,
                        ),
                        _ => (ParticipationTier::Participate, ParticipationStatus::Left),
                    };
                    participations.push(Participation {
                        organization,
                        tier,
                        status,
                    });
                }
            }
            let mut members = Vec::new();
            for participation in &participations {
                let (range, status) = match participation.status {
                    ParticipationStatus::Active
                        if participation.tier == ParticipationTier::Host =>
                    {
                        (5..=25, MembershipStatus::Active)
                    }
                    ParticipationStatus::Active => (2..=12, MembershipStatus::Active),
                    ParticipationStatus::Suspended => (2..=5, MembershipStatus::Suspended),
                    ParticipationStatus::Left => (1..=3, MembershipStatus::Left),
                    _ => continue,
                };
                let mut people = self.organizations[participation.organization]
                    .people
                    .clone();
                people.shuffle(rng);
                let wanted = rng.random_range(range).min(people.len());
                for (i, person) in people.into_iter().take(wanted).enumerate() {
                    let leads = i == 0 && participation.tier != ParticipationTier::Participate;
                    let role = if leads {
                        MemberRole::Coordinator
                    } else {
                        [MemberRole::Core, MemberRole::Active, MemberRole::Peripheral]
                            [rng.random_range(0..3)]
                    };
                    members.push(Member {
                        person,
                        role,
                        status,
                    });
                }
            }
            let name = vocabulary.title(rng, 2, 3);
            self.communities.push(Community {
                id: uuid_at(rng, self.start),
                host,
                federated,
                slug: format!("community-{c:03}"),
                name,
                participations,
                members,
            });
        }
    }

    fn add_items(&mut self, rng: &mut StdRng, count: usize, vocabulary: &Vocabulary) {
        let communities = self.communities.len();
        // Community sizes vary: a few large ones, a long tail of small ones.
        let mut by_size: Vec<usize> = (0..communities).collect();
        by_size.shuffle(rng);
        let active: Vec<Vec<usize>> = self
            .communities
            .iter()
            .map(|c| {
                c.members
                    .iter()
                    .filter(|m| m.status == MembershipStatus::Active)
                    .map(|m| m.person)
                    .collect()
            })
            .collect();
        let mut problems: Vec<Vec<usize>> = vec![Vec::new(); communities];
        let mut top_ideas: HashMap<usize, Vec<usize>> = HashMap::new();
        let span = Duration::days(730).num_seconds() as f64;
        for i in 0..count {
            let community = by_size[skewed(rng, communities, 0.9)];
            let created_at =
                self.start + Duration::seconds((span * i as f64 / count as f64) as i64);
            let mut kind = match rng.random_range(0..100) {
                0..=29 => SearchKind::Problem,
                30..=84 => SearchKind::Idea,
                _ => SearchKind::Article,
            };
            if kind == SearchKind::Idea && problems[community].is_empty() {
                kind = SearchKind::Problem;
            }
            let author = active[community][rng.random_range(0..active[community].len())];
            let mut item = Item {
                id: uuid_at(rng, created_at),
                kind,
                community,
                author,
                problem: None,
                parent: None,
                problem_state: None,
                article_state: None,
                authors: Vec::new(),
                title: String::new(),
                body: vocabulary.body(rng, 30, 200),
                tags: Vec::new(),
                created_at,
            };
            match kind {
                SearchKind::Problem => {
                    item.title = vocabulary.title(rng, 4, 10);
                    item.tags = vocabulary::tags(rng, 4);
                    item.problem_state = Some(match rng.random_range(0..100) {
                        0..=59 => ProblemState::Open,
                        60..=89 => ProblemState::Solved,
                        _ => ProblemState::Closed,
                    });
                    problems[community].push(i);
                }
                SearchKind::Idea => {
                    let list = &problems[community];
                    // Recent problems draw most of the ideas.
                    let back = skewed(rng, list.len(), 1.0);
                    let problem = list[list.len() - 1 - back];
                    item.problem = Some(problem);
                    item.problem_state = self.items[problem].problem_state;
                    item.tags = self.items[problem].tags.clone();
                    let siblings = top_ideas.entry(problem).or_default();
                    if !siblings.is_empty() && rng.random_bool(0.2) {
                        item.parent = Some(siblings[rng.random_range(0..siblings.len())]);
                    } else {
                        siblings.push(i);
                    }
                }
                SearchKind::Article => {
                    item.title = vocabulary.title(rng, 4, 10);
                    item.tags = vocabulary::tags(rng, 4);
                    item.article_state = Some(match rng.random_range(0..100) {
                        0..=74 => ArticleState::Published,
                        75..=86 => ArticleState::Draft,
                        87..=94 => ArticleState::InReview,
                        _ => ArticleState::Archived,
                    });
                    item.authors.push(author);
                    for _ in 0..rng.random_range(0..=2) {
                        let other = active[community][rng.random_range(0..active[community].len())];
                        if !item.authors.contains(&other) {
                            item.authors.push(other);
                        }
                    }
                }
            }
            self.index_of_item.insert(item.id, i);
            self.items.push(item);
        }
    }

    /// Whether `community` is live for the people of `organization`: hosted by it, or
    /// FEDERATED with an ACTIVE participation of it.
    pub fn live(&self, organization: usize, community: usize) -> bool {
        let c = &self.communities[community];
        c.host == organization
            || (c.federated
                && c.participations.iter().any(|p| {
                    p.organization == organization && p.status == ParticipationStatus::Active
                }))
    }

    /// Whether the viewer coordinates `community`: an ACTIVE COORDINATOR member, or an admin
    /// of its host.
    pub fn coordinates(&self, viewer: &BenchViewer, community: usize) -> bool {
        let c = &self.communities[community];
        (viewer.is_admin && c.host == viewer.organization)
            || c.members.iter().any(|m| {
                m.person == viewer.person
                    && m.role == MemberRole::Coordinator
                    && m.status == MembershipStatus::Active
            })
    }

    /// Whether search may show item `index` to the viewer.
    pub fn visible(&self, viewer: &BenchViewer, index: usize) -> bool {
        let item = &self.items[index];
        if !self.live(viewer.organization, item.community) {
            return false;
        }
        match item.article_state {
            None | Some(ArticleState::Published) | Some(ArticleState::Archived) => true,
            Some(ArticleState::Draft) | Some(ArticleState::InReview) => {
                item.authors.contains(&viewer.person) || self.coordinates(viewer, item.community)
            }
        }
    }

    pub fn live_communities(&self, organization: usize) -> Vec<usize> {
        (0..self.communities.len())
            .filter(|c| self.live(organization, *c))
            .collect()
    }

    /// The three viewers the workload runs as: an admin of the largest host, a person of the
    /// organization with the most partner participations, and a person of the organization
    /// that sees the fewest communities.
    pub fn viewers(&self) -> Vec<BenchViewer> {
        let orgs = self.organizations.len();
        let hosted = |o: usize| self.communities.iter().filter(|c| c.host == o).count();
        let partnering = |o: usize| {
            (0..self.communities.len())
                .filter(|c| self.communities[*c].host != o && self.live(o, *c))
                .count()
        };
        let host = (0..orgs).max_by_key(|o| hosted(*o)).unwrap_or(0);
        let partner = (0..orgs)
            .filter(|o| *o != host)
            .max_by_key(|o| (partnering(*o), std::cmp::Reverse(hosted(*o))))
            .unwrap_or(0);
        let little = (0..orgs)
            .filter(|o| *o != host && *o != partner)
            .min_by_key(|o| self.live_communities(*o).len())
            .unwrap_or(0);
        let busiest_member = |o: usize| {
            let people = &self.organizations[o].people;
            people
                .iter()
                .skip(1)
                .max_by_key(|p| {
                    self.communities
                        .iter()
                        .filter(|c| c.members.iter().any(|m| m.person == **p))
                        .count()
                })
                .or(people.first())
                .copied()
                .unwrap_or(0)
        };
        let mut seen = HashSet::new();
        [
            ("host admin", host, self.organizations[host].people[0], true),
            ("partner member", partner, busiest_member(partner), false),
            ("outsider", little, busiest_member(little), false),
        ]
        .into_iter()
        .filter(|(_, o, _, _)| seen.insert(*o))
        .map(|(label, organization, person, is_admin)| BenchViewer {
            label,
            organization,
            person,
            is_admin,
            person_id: self.people[person].id,
            organization_id: self.organizations[organization].id,
        })
        .collect()
    }
}

/// A viewer of the workload, with what the oracle needs to know of it.
#[derive(Debug, Clone)]
pub struct BenchViewer {
    pub label: &'static str,
    pub organization: usize,
    pub person: usize,
    pub is_admin: bool,
    pub person_id: Uuid,
    pub organization_id: Uuid,
}

impl BenchViewer {
    pub fn api(&self) -> api::auth::Viewer {
        api::auth::Viewer::Person(api::auth::PersonViewer {
            person_id: self.person_id,
            organization_id: self.organization_id,
            is_admin: self.is_admin,
        })
    }
}
