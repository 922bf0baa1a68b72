//! Who the reports are run as, and what each of them asks about.

use crate::{oracle::Target, queries::Report, world::World};
use entity::enums::{MemberRole, MembershipStatus};
use rand::{rngs::StdRng, seq::SliceRandom};

pub struct BenchViewer {
    pub label: &'static str,
    pub viewer: api::auth::Viewer,
    /// Communities whose reports it asks for (all live for it), the largest first.
    pub communities: Vec<usize>,
    /// The organization and business unit whose reports it asks for, if it may.
    pub organization: Option<usize>,
    pub unit: Option<String>,
    /// Reports it must not get (NOT_FOUND), checked once each.
    pub denied: Vec<(Report, Target)>,
}

impl BenchViewer {
    /// The targets of `report` for this viewer, in the order runs take turns over them.
    pub fn targets(&self, report: Report) -> Vec<Target> {
        use crate::queries::Scope;
        match (report.scope(), self.organization, &self.unit) {
            (Scope::Community, _, _) => self
                .communities
                .iter()
                .map(|c| Target::Community(*c))
                .collect(),
            (Scope::Organization, Some(o), _) if self.is_admin_like() => {
                vec![Target::Organization(o)]
            }
            (Scope::BusinessUnit, Some(o), Some(unit)) => {
                vec![Target::BusinessUnit(o, unit.clone())]
            }
            _ => Vec::new(),
        }
    }

    fn is_admin_like(&self) -> bool {
        match &self.viewer {
            api::auth::Viewer::Operator(_) => true,
            api::auth::Viewer::Person(p) => p.is_admin,
            api::auth::Viewer::Anonymous => false,
        }
    }
}

fn person_viewer(world: &World, person: usize, is_admin: bool) -> api::auth::Viewer {
    let p = &world.people[person];
    api::auth::Viewer::Person(api::auth::PersonViewer {
        person_id: p.id,
        organization_id: world.organizations[p.organization].id,
        is_admin,
    })
}

/// Up to `count` communities of `pool`, the one with the most members first, then a random
/// sample.
fn sample(world: &World, pool: &[usize], count: usize, rng: &mut StdRng) -> Vec<usize> {
    let mut pool = pool.to_vec();
    pool.shuffle(rng);
    if let Some(largest) = (0..pool.len()).max_by_key(|i| world.communities[pool[*i]].members.len())
    {
        pool.swap(0, largest);
    }
    pool.truncate(count);
    pool
}

/// The organization that sees the most communities, its admin, its most involved
/// coordinator, a division leader of its largest unit, and the operator.
pub fn choose(world: &World, per_viewer: usize, rng: &mut StdRng) -> Vec<BenchViewer> {
    let orgs = world.organizations.len();
    let focus = (0..orgs)
        .max_by_key(|o| world.live_communities(*o).len())
        .unwrap_or(0);
    let live = world.live_communities(focus);
    let org = &world.organizations[focus];
    let coordinates = |p: usize| {
        world
            .communities
            .iter()
            .filter(|c| {
                c.members.iter().any(|m| {
                    m.person == p
                        && m.role == MemberRole::Coordinator
                        && m.status == MembershipStatus::Active
                })
            })
            .count()
    };
    let coordinator = org.people[1..]
        .iter()
        .copied()
        .max_by_key(|p| coordinates(*p))
        .unwrap_or(org.people[0]);
    let people_in = |unit: usize| {
        org.people
            .iter()
            .filter(|p| world.people[**p].unit == Some(unit))
            .count()
    };
    let leader = world
        .division_leaders
        .iter()
        .filter(|d| d.organization == focus)
        .max_by_key(|d| people_in(d.unit));
    let largest_unit = (0..org.units.len())
        .max_by_key(|u| people_in(*u))
        .unwrap_or(0);
    let unit_name = |u: usize| org.units[u].clone();
    let all: Vec<usize> = (0..world.communities.len()).collect();
    let mut viewers = vec![
        BenchViewer {
            label: "host coordinator",
            viewer: person_viewer(world, coordinator, false),
            communities: sample(world, &live, per_viewer, rng),
            organization: None,
            unit: None,
            denied: vec![
                (Report::OrganizationValue, Target::Organization(focus)),
                (
                    Report::BusinessUnitValue,
                    Target::BusinessUnit(focus, unit_name(largest_unit)),
                ),
            ],
        },
        BenchViewer {
            label: "org admin",
            viewer: person_viewer(world, org.people[0], true),
            communities: sample(world, &live, per_viewer, rng),
            organization: Some(focus),
            unit: Some(unit_name(largest_unit)),
            denied: Vec::new(),
        },
    ];
    if let Some(leader) = leader {
        let other = (0..org.units.len()).find(|u| *u != leader.unit);
        viewers.push(BenchViewer {
            label: "division leader",
            viewer: person_viewer(world, leader.person, false),
            communities: sample(world, &live, per_viewer, rng),
            organization: Some(focus),
            unit: Some(unit_name(leader.unit)),
            denied: std::iter::once((Report::OrganizationValue, Target::Organization(focus)))
                .chain(other.map(|u| {
                    (
                        Report::BusinessUnitValue,
                        Target::BusinessUnit(focus, unit_name(u)),
                    )
                }))
                .collect(),
        });
    }
    viewers.push(BenchViewer {
        label: "operator",
        viewer: api::auth::Viewer::Operator(api::auth::OperatorViewer {
            subject: "bench-operator".to_owned(),
        }),
        communities: sample(world, &all, per_viewer, rng),
        organization: Some(focus),
        unit: Some(unit_name(largest_unit)),
        denied: Vec::new(),
    });
    viewers
}
