//! The model of a world: its organizations, people, partnerships, communities,
//! participations, memberships and approvals, as indices into the world, and what their
//! statuses read after the documented cascades (a broken link suspends participations, and
//! with them memberships); and the knowledge cycle's problems and ideas (`knowledge.rs`),
//! articles and applications (`articles.rs`).

use super::articles::{Application, Article};
use super::knowledge::{Idea, Poison, Problem};
use super::rng::Rng;
use super::vocabulary::{
    Decision, JoinRule, Kind, MemBase, PStatus, PartBase, Policy, Role, St, Tier, Visibility,
};
use crate::common::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

pub(super) struct Org {
    pub(super) slug: String,
    pub(super) id: String,
    pub(super) fx: OrgFixture,
    pub(super) disabled: bool,
    pub(super) default_in: Policy,
    pub(super) default_out: Policy,
}

pub(super) struct Person {
    pub(super) org: usize,
    pub(super) sub: String,
    pub(super) token: String,
    pub(super) id: String,
    pub(super) admin: bool,
}

pub(super) struct Partnership {
    pub(super) id: String,
    /// The two organizations, smaller index first; `overrides` follows this order.
    pub(super) sides: [usize; 2],
    pub(super) proposer: usize,
    pub(super) status: PStatus,
    pub(super) suspended_by: Option<usize>,
    /// Per side: (inbound, outbound) override, None = the organization's default.
    pub(super) overrides: [(Option<Policy>, Option<Policy>); 2],
    /// Proposed again after it ended: whether the overrides survive is not on the page.
    pub(super) policy_unknown: bool,
}

pub(super) struct Community {
    pub(super) id: String,
    pub(super) host: usize,
    pub(super) slug: String,
    pub(super) visibility: Visibility,
    pub(super) join_rule: JoinRule,
}

pub(super) struct Participation {
    pub(super) id: String,
    pub(super) community: usize,
    pub(super) org: usize,
    pub(super) tier: Tier,
    pub(super) base: PartBase,
    pub(super) sponsor: Option<usize>,
}

pub(super) struct Membership {
    pub(super) id: String,
    pub(super) community: usize,
    pub(super) person: usize,
    pub(super) role: Role,
    pub(super) base: MemBase,
    pub(super) approvals: Vec<usize>,
    pub(super) had_approvals: bool,
}

pub(super) struct Approval {
    pub(super) id: String,
    pub(super) membership: usize,
    pub(super) kind: Kind,
    pub(super) decision: Decision,
    pub(super) decided_by: Option<usize>,
}

/// An audited change whose target and organizations the page pins.
pub(super) struct Event {
    pub(super) action: &'static str,
    pub(super) target: String,
    pub(super) orgs: Vec<usize>,
}

pub(super) struct LogEvent {
    pub(super) id: String,
    pub(super) action: String,
    pub(super) target: Option<String>,
    pub(super) org: Option<String>,
    pub(super) other: Option<String>,
    pub(super) actor: Option<String>,
    pub(super) actor_org: Option<String>,
    pub(super) community: Option<String>,
}

/// An audit event as the operator read it: the organizations it concerns and what it
/// refers to (indices into the world).
pub(super) struct Seen {
    pub(super) id: String,
    pub(super) orgs: BTreeSet<usize>,
    pub(super) refs: Vec<(&'static str, Obj)>,
}

#[derive(Clone, Copy, Debug)]
pub(super) enum Viewer {
    Operator,
    Person(usize),
}

#[derive(Clone, Copy, Debug)]
pub(super) enum Obj {
    Org(usize),
    Person(usize),
    Partnership(usize),
    Community(usize),
    Participation(usize),
    Membership(usize),
    Approval(usize),
    Event(usize),
}

pub(super) struct World<'a> {
    pub(super) app: &'a TestApp,
    pub(super) seed: u64,
    pub(super) number: usize,
    pub(super) rng: Rng,
    pub(super) operator: String,
    pub(super) orgs: Vec<Org>,
    pub(super) people: Vec<Person>,
    pub(super) partnerships: Vec<Partnership>,
    pub(super) communities: Vec<Community>,
    pub(super) participations: Vec<Participation>,
    pub(super) memberships: Vec<Membership>,
    pub(super) approvals: Vec<Approval>,
    pub(super) problems: Vec<Problem>,
    pub(super) ideas: Vec<Idea>,
    pub(super) articles: Vec<Article>,
    pub(super) applications: Vec<Application>,
    pub(super) events: Vec<Event>,
    /// Events of communities (docs/CULTURE.md); `events` above are audit events.
    pub(super) gatherings: Vec<super::culture::Gathering>,
    /// Division leader grants: (person, business unit key).
    pub(super) divisions: BTreeSet<(usize, String)>,
    /// People's calendar feed URLs.
    pub(super) feeds: BTreeMap<usize, String>,
    pub(super) member_events: Vec<(&'static str, usize)>,
    pub(super) history: Vec<String>,
    pub(super) mutations: usize,
    /// For the self-test: this viewer's expectation for community 0 is deliberately wrong.
    pub(super) poison: Option<usize>,
    /// For the self-test: this viewer's expectation for problem 0 is deliberately wrong.
    pub(super) poison_content: Option<(usize, Poison)>,
    /// A partner participation the break phase leaves alone, so that live federation is
    /// still there to be seen at the end.
    pub(super) protected: Option<usize>,
}

pub(super) fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}

impl<'a> World<'a> {
    pub(super) fn new(app: &'a TestApp, seed: u64, number: usize) -> Self {
        Self {
            app,
            seed,
            number,
            rng: Rng(seed),
            operator: app.operator_token(),
            orgs: Vec::new(),
            people: Vec::new(),
            partnerships: Vec::new(),
            communities: Vec::new(),
            participations: Vec::new(),
            memberships: Vec::new(),
            approvals: Vec::new(),
            problems: Vec::new(),
            ideas: Vec::new(),
            articles: Vec::new(),
            applications: Vec::new(),
            events: Vec::new(),
            gatherings: Vec::new(),
            divisions: BTreeSet::new(),
            feeds: BTreeMap::new(),
            member_events: Vec::new(),
            history: Vec::new(),
            mutations: 0,
            poison: None,
            poison_content: None,
            protected: None,
        }
    }

    pub(super) fn who(&self, v: usize) -> String {
        let p = &self.people[v];
        format!("{}{}", p.sub, if p.admin { "(admin)" } else { "" })
    }

    pub(super) fn enabled(&self, v: usize) -> bool {
        !self.orgs[self.people[v].org].disabled
    }

    pub(super) fn people_of(&self, o: usize) -> Vec<usize> {
        (0..self.people.len())
            .filter(|&p| self.people[p].org == o)
            .collect()
    }

    pub(super) fn admins_of(&self, o: usize) -> Vec<usize> {
        (0..self.people.len())
            .filter(|&p| self.people[p].org == o && self.people[p].admin)
            .collect()
    }

    pub(super) fn non_admins_of(&self, o: usize) -> Vec<usize> {
        (0..self.people.len())
            .filter(|&p| self.people[p].org == o && !self.people[p].admin)
            .collect()
    }

    pub(super) fn random_admin(&mut self, o: usize) -> usize {
        let admins = self.admins_of(o);
        self.rng.pick(&admins).unwrap()
    }

    pub(super) fn random_non_admin(&mut self, o: usize) -> Option<usize> {
        let people = self.non_admins_of(o);
        self.rng.pick(&people)
    }

    pub(super) fn pship(&self, a: usize, b: usize) -> Option<usize> {
        if a == b {
            return None;
        }
        self.partnerships
            .iter()
            .position(|p| p.sides.contains(&a) && p.sides.contains(&b))
    }

    pub(super) fn pship_active(&self, a: usize, b: usize) -> bool {
        self.pship(a, b)
            .is_some_and(|k| self.partnerships[k].status == PStatus::Active)
    }

    pub(super) fn side(&self, k: usize, org: usize) -> usize {
        usize::from(self.partnerships[k].sides[0] != org)
    }

    /// The effective policy of `org` towards `partner`: the per-partner value, else the default.
    pub(super) fn policy(&self, org: usize, partner: usize, inbound: bool) -> Policy {
        let default = if inbound {
            self.orgs[org].default_in
        } else {
            self.orgs[org].default_out
        };
        match self.pship(org, partner) {
            Some(k) => {
                let o = self.partnerships[k].overrides[self.side(k, org)];
                if inbound { o.0 } else { o.1 }.unwrap_or(default)
            }
            None => default,
        }
    }

    pub(super) fn participation(&self, c: usize, org: usize) -> Option<usize> {
        self.participations
            .iter()
            .position(|p| p.community == c && p.org == org)
    }

    /// A participation's status: `SUSPENDED` while the link is broken (the partnership is
    /// not `ACTIVE`, or either organization is disabled).
    pub(super) fn part_status(&self, k: usize) -> St {
        let p = &self.participations[k];
        let host = self.communities[p.community].host;
        let disabled = self.orgs[host].disabled || self.orgs[p.org].disabled;
        if p.tier == Tier::Host {
            // Either: the page does not say whether the host's own place is suspended while
            // the host is disabled (only the operator can tell).
            return if disabled {
                St::either("ACTIVE", "SUSPENDED")
            } else {
                St::is("ACTIVE")
            };
        }
        let broken = disabled || !self.pship_active(host, p.org);
        match p.base {
            // Either: the page does not say whether a pending invitation is suspended too.
            PartBase::Invited if broken => St::either("INVITED", "SUSPENDED"),
            PartBase::Invited => St::is("INVITED"),
            PartBase::Declined => St::is("DECLINED"),
            PartBase::Removed => St::is("REMOVED"),
            PartBase::Left => St::is("LEFT"),
            PartBase::Accepted if broken => St::is("SUSPENDED"),
            PartBase::Accepted => St::is("ACTIVE"),
        }
    }

    pub(super) fn part_clean_active(&self, c: usize, org: usize) -> bool {
        self.participation(c, org)
            .is_some_and(|k| self.part_status(k).clean("ACTIVE"))
    }

    /// A membership's status: `PENDING`/`ACTIVE` read `SUSPENDED` while the person's
    /// organization's participation is not `ACTIVE`, and come back when it is.
    pub(super) fn mem_status(&self, m: usize) -> St {
        let mm = &self.memberships[m];
        let base = mm.base.gql();
        match mm.base {
            MemBase::Pending | MemBase::Active => {
                let org = self.people[mm.person].org;
                let k = self.participation(mm.community, org).unwrap();
                let ps = self.part_status(k);
                if ps.primary != "ACTIVE" {
                    St::is("SUSPENDED")
                } else if ps.alt.is_some() {
                    St::either(base, "SUSPENDED")
                } else {
                    St::is(base)
                }
            }
            _ => St::is(base),
        }
    }

    pub(super) fn membership_of(&self, v: usize, c: usize) -> Option<usize> {
        self.memberships
            .iter()
            .position(|m| m.person == v && m.community == c)
    }

    pub(super) fn active_member(&self, v: usize, c: usize) -> bool {
        self.membership_of(v, c)
            .is_some_and(|m| self.mem_status(m).primary == "ACTIVE")
    }

    /// Who coordinates: active members with role COORDINATOR, and the host's admins.
    pub(super) fn coordinates(&self, v: usize, c: usize) -> bool {
        let p = &self.people[v];
        (p.admin && self.communities[c].host == p.org)
            || self.membership_of(v, c).is_some_and(|m| {
                self.memberships[m].role == Role::Coordinator
                    && self.mem_status(m).primary == "ACTIVE"
            })
    }

    pub(super) fn host_coordinates(&self, v: usize, c: usize) -> bool {
        self.people[v].org == self.communities[c].host && self.coordinates(v, c)
    }

    pub(super) fn host_coordinators(&self, c: usize) -> Vec<usize> {
        (0..self.people.len())
            .filter(|&v| self.enabled(v) && self.host_coordinates(v, c))
            .collect()
    }

    pub(super) fn active_coordinators(&self, c: usize) -> usize {
        (0..self.memberships.len())
            .filter(|&m| {
                self.memberships[m].community == c
                    && self.memberships[m].role == Role::Coordinator
                    && self.mem_status(m).primary == "ACTIVE"
            })
            .count()
    }

    /// COORDINATOR is for people of the host or of a CO_HOST organization.
    pub(super) fn may_hold_coordinator(&self, person: usize, c: usize) -> bool {
        let org = self.people[person].org;
        org == self.communities[c].host
            || self
                .participation(c, org)
                .is_some_and(|k| self.participations[k].tier == Tier::CoHost)
    }
}
