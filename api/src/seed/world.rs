//! The generated organizations, people (with business units), federated communities,
//! participations, memberships and division leaders, kept in memory: the seeder writes them
//! and the checks compute expected figures from them (written from `docs/CULTURE.md` and
//! `docs/FEDERATION.md`, not from `api::access`).

use super::generate::{skewed, uuid_at, COMPANY_WORDS};
use chrono::{DateTime, Duration, Utc};
use entity::enums::{
    Leadership, MemberRole, MembershipStatus, ParticipationStatus, ParticipationTier,
};
use rand::{rngs::StdRng, seq::SliceRandom, Rng};
use uuid::Uuid;

pub const UNITS: &[&str] = &[
    "Plant Lyon",
    "Plant Ohio",
    "Treasury",
    "Logistics",
    "Quality",
    "Research & Development",
    "Procurement",
    "Maintenance",
    "IT Operations",
    "Customer Service",
    "Finance",
    "Field Sales",
];

pub const CURRENCIES: &[&str] = &["EUR", "USD", "GBP"];

pub struct Organization {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    /// Person indexes; the first is the organization's admin.
    pub people: Vec<usize>,
    /// Names of its business units.
    pub units: Vec<String>,
    /// The currency its people report savings in, mostly.
    pub currency: &'static str,
}

pub struct Person {
    pub id: Uuid,
    pub organization: usize,
    pub subject: String,
    /// An index into the organization's units.
    pub unit: Option<usize>,
}

pub struct Participation {
    pub organization: usize,
    pub tier: ParticipationTier,
    pub status: ParticipationStatus,
    pub sponsor: Option<usize>,
    pub left_at: Option<DateTime<Utc>>,
}

pub struct Member {
    pub person: usize,
    pub role: MemberRole,
    pub leadership: Option<Leadership>,
    pub status: MembershipStatus,
    pub joined_at: DateTime<Utc>,
    pub left_at: Option<DateTime<Utc>>,
}

impl Member {
    /// Whether the member could act in the community at `at`.
    pub fn active_at(&self, at: DateTime<Utc>) -> bool {
        self.joined_at <= at && self.left_at.is_none_or(|left| at < left)
    }
}

pub struct Community {
    pub id: Uuid,
    pub host: usize,
    pub federated: bool,
    pub slug: String,
    pub name: String,
    pub created_at: DateTime<Utc>,
    /// How busy it is (1.0 is typical).
    pub activity: f64,
    /// The host's own participation first.
    pub participations: Vec<Participation>,
    pub members: Vec<Member>,
}

pub struct DivisionLeader {
    pub organization: usize,
    pub person: usize,
    pub unit: usize,
}

/// How big a world to make.
pub struct Shape {
    pub organizations: usize,
    pub people: usize,
    pub communities: usize,
}

pub struct World {
    pub organizations: Vec<Organization>,
    pub people: Vec<Person>,
    pub communities: Vec<Community>,
    pub division_leaders: Vec<DivisionLeader>,
    /// The reported year: `[start, end)`, `end` today at 00:00 UTC.
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl World {
    pub fn generate(rng: &mut StdRng, shape: &Shape, end: DateTime<Utc>) -> Self {
        let mut world = World {
            organizations: Vec::new(),
            people: Vec::new(),
            communities: Vec::new(),
            division_leaders: Vec::new(),
            start: end - Duration::days(365),
            end,
        };
        world.add_organizations(rng, shape);
        world.add_communities(rng, shape.communities);
        world
    }

    /// Before the reported year: when organizations and people were created.
    pub fn epoch(&self) -> DateTime<Utc> {
        self.start - Duration::days(1100)
    }

    fn add_organizations(&mut self, rng: &mut StdRng, shape: &Shape) {
        let at = self.epoch();
        let per_organization = (shape.people / shape.organizations).max(2);
        for o in 0..shape.organizations {
            let word = COMPANY_WORDS[o % COMPANY_WORDS.len()];
            let slug = format!("{}-{o:02}", word.to_lowercase());
            let mut units: Vec<String> = UNITS.iter().map(|u| (*u).to_owned()).collect();
            units.shuffle(rng);
            units.truncate(rng.random_range(6..=10));
            let mut org = Organization {
                id: uuid_at(rng, at),
                name: format!("{word} {o:02}"),
                people: Vec::new(),
                currency: CURRENCIES[o % CURRENCIES.len()],
                slug,
                units,
            };
            for p in 0..per_organization {
                org.people.push(self.people.len());
                // Units are skewed too: a large plant, small staff functions.
                let unit = rng
                    .random_bool(0.9)
                    .then(|| skewed(rng, org.units.len(), 0.7));
                self.people.push(Person {
                    id: uuid_at(rng, at),
                    organization: o,
                    subject: format!("{}-person-{p:04}", org.slug),
                    unit,
                });
            }
            for unit in 0..org.units.len() {
                if rng.random_bool(0.6) {
                    let person = org.people[rng.random_range(1..org.people.len())];
                    self.division_leaders.push(DivisionLeader {
                        organization: o,
                        person,
                        unit,
                    });
                }
            }
            self.organizations.push(org);
        }
    }

    fn add_communities(&mut self, rng: &mut StdRng, count: usize) {
        let orgs = self.organizations.len();
        for c in 0..count {
            let host = skewed(rng, orgs, 0.8);
            let federated = orgs > 1 && rng.random_bool(0.85);
            let created_at = if rng.random_bool(0.85) {
                self.start - Duration::days(rng.random_range(30..900))
            } else {
                self.start + Duration::days(rng.random_range(0..330))
            };
            let activity = 0.2 + 2.8 * rng.random::<f64>().powi(2);
            let mut participations = vec![Participation {
                organization: host,
                tier: ParticipationTier::Host,
                status: ParticipationStatus::Active,
                sponsor: None,
                left_at: None,
            }];
            if federated {
                let partners = rng.random_range(1..=5.min(orgs - 1));
                while participations.len() <= partners {
                    let organization = skewed(rng, orgs, 0.5);
                    if participations
                        .iter()
                        .any(|p| p.organization == organization)
                    {
                        continue;
                    }
                    let tier = if rng.random_bool(0.15) {
                        ParticipationTier::CoHost
                    } else {
                        ParticipationTier::Participate
                    };
                    // A few organizations left during the year: what their people did
                    // before stays in the community but counts in none of their reports.
                    let left = rng.random_bool(0.07);
                    participations.push(Participation {
                        organization,
                        tier,
                        status: if left {
                            ParticipationStatus::Left
                        } else {
                            ParticipationStatus::Active
                        },
                        sponsor: None,
                        left_at: left.then(|| {
                            self.start.max(created_at) + Duration::days(rng.random_range(60..200))
                        }),
                    });
                }
            }
            let mut members = Vec::new();
            for participation in &mut participations {
                let scale = if participation.tier == ParticipationTier::Host {
                    (6.0 + 30.0 * activity) as usize
                } else {
                    (2.0 + 8.0 * activity) as usize
                };
                let mut people = self.organizations[participation.organization]
                    .people
                    .clone();
                people.shuffle(rng);
                let wanted = rng.random_range(scale / 2..=scale).clamp(1, people.len());
                // Some partner organizations take part without a leader of their own.
                let leaderless =
                    participation.tier == ParticipationTier::Participate && rng.random_bool(0.3);
                for (i, person) in people.into_iter().take(wanted).enumerate() {
                    let role = match i {
                        0 if !leaderless => MemberRole::Sponsor,
                        1 if !leaderless
                            && (participation.tier != ParticipationTier::Participate
                                || rng.random_bool(0.5)) =>
                        {
                            MemberRole::Coordinator
                        }
                        _ => match rng.random_range(0..100) {
                            0..=19 => MemberRole::Core,
                            20..=64 => MemberRole::Active,
                            _ => MemberRole::Peripheral,
                        },
                    };
                    if role == MemberRole::Sponsor {
                        participation.sponsor = Some(person);
                    }
                    let leadership = match (role, rng.random_range(0..100)) {
                        (MemberRole::Sponsor | MemberRole::Coordinator, _) => {
                            Some(Leadership::Formal)
                        }
                        (MemberRole::Core, 0..=14) => Some(Leadership::Informal),
                        (MemberRole::Core, 15..=19) => Some(Leadership::Formal),
                        (MemberRole::Active, 0..=2) => Some(Leadership::Informal),
                        _ => None,
                    };
                    let joined_at = if rng.random_bool(0.8) || created_at >= self.start {
                        let span = (self.start.max(created_at + Duration::days(1)) - created_at)
                            .num_seconds()
                            .max(1);
                        created_at + Duration::seconds(rng.random_range(0..span))
                    } else {
                        self.start + Duration::days(rng.random_range(0..360))
                    };
                    let (status, left_at) = match participation.left_at {
                        Some(left) => (MembershipStatus::Left, Some(left.max(joined_at))),
                        None if rng.random_bool(0.03) => (
                            MembershipStatus::Left,
                            Some(joined_at + Duration::days(rng.random_range(10..200))),
                        ),
                        None => (MembershipStatus::Active, None),
                    };
                    members.push(Member {
                        person,
                        role,
                        leadership,
                        status,
                        joined_at,
                        left_at,
                    });
                }
            }
            self.communities.push(Community {
                id: uuid_at(rng, created_at),
                host,
                federated,
                slug: format!("community-{c:04}"),
                name: format!("Practice {c:04}"),
                created_at,
                activity,
                participations,
                members,
            });
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

    pub fn live_communities(&self, organization: usize) -> Vec<usize> {
        (0..self.communities.len())
            .filter(|c| self.live(organization, *c))
            .collect()
    }

    /// Turns some partner participations into pending invitations (no members yet) and
    /// suspends others (their members SUSPENDED since a recent day): the people of those
    /// organizations must not see the community. `share` of the partner participations each.
    pub fn hold_back(&mut self, rng: &mut StdRng, share: f64) {
        let end = self.end;
        for community in &mut self.communities {
            let created_at = community.created_at;
            for p in 1..community.participations.len() {
                let participation = &mut community.participations[p];
                if participation.status != ParticipationStatus::Active
                    || participation.tier != ParticipationTier::Participate
                {
                    continue;
                }
                let organization = participation.organization;
                let draw: f64 = rng.random();
                if draw < share {
                    participation.status = ParticipationStatus::Invited;
                    participation.sponsor = None;
                    community
                        .members
                        .retain(|m| self.people[m.person].organization != organization);
                } else if draw < 2.0 * share {
                    participation.status = ParticipationStatus::Suspended;
                    let since = (end - Duration::days(rng.random_range(5..60))).max(created_at);
                    participation.left_at = Some(since);
                    for member in &mut community.members {
                        if self.people[member.person].organization == organization
                            && member.left_at.is_none()
                        {
                            member.status = MembershipStatus::Suspended;
                            member.left_at = Some(since.max(member.joined_at));
                        }
                    }
                }
            }
        }
    }

    /// The trimmed, lowercased name units are compared by.
    pub fn unit_key(name: &str) -> String {
        name.trim().to_lowercase()
    }
}
