//! Life in a built world: random joins, additions, decisions, role changes and departures.

use super::model::{Viewer, World};
use super::vocabulary::{Decision, Role};

impl World<'_> {
    pub(super) async fn joins(&mut self, percent: u64) {
        let mut candidates: Vec<(usize, usize)> = (0..self.people.len())
            .flat_map(|v| (0..self.communities.len()).map(move |c| (v, c)))
            .filter(|&(v, c)| self.can_request(v, c))
            .collect();
        self.rng.shuffle(&mut candidates);
        for (v, c) in candidates {
            if self.can_request(v, c) && self.rng.chance(percent) {
                self.join(v, c).await;
            }
        }
        if self.rng.chance(40) {
            let hidden: Vec<(usize, usize)> = (0..self.people.len())
                .flat_map(|v| (0..self.communities.len()).map(move |c| (v, c)))
                .filter(|&(v, c)| self.enabled(v) && !self.sees_community(Viewer::Person(v), c))
                .collect();
            if let Some((v, c)) = self.rng.pick(&hidden) {
                self.join(v, c).await;
            }
        }
        if self.rng.chance(30) {
            let members: Vec<(usize, usize)> = (0..self.memberships.len())
                .filter(|&m| {
                    let st = self.mem_status(m);
                    self.enabled(self.memberships[m].person)
                        && (st.clean("ACTIVE") || st.clean("PENDING"))
                })
                .map(|m| (self.memberships[m].person, self.memberships[m].community))
                .collect();
            if let Some((v, c)) = self.rng.pick(&members) {
                self.join(v, c).await;
            }
        }
    }

    pub(super) async fn add_members(&mut self, percent: u64) {
        let mut candidates = Vec::new();
        for c in 0..self.communities.len() {
            for by in 0..self.people.len() {
                if !self.enabled(by) || !self.coordinates(by, c) {
                    continue;
                }
                for q in self.people_of(self.people[by].org) {
                    if q != by && self.can_request(q, c) {
                        candidates.push((by, q, c));
                    }
                }
            }
        }
        self.rng.shuffle(&mut candidates);
        for (by, q, c) in candidates {
            if !(self.rng.chance(percent) && self.coordinates(by, c) && self.can_request(q, c)) {
                continue;
            }
            let roll = self.rng.below(10);
            let role = if roll <= 2 && self.may_hold_coordinator(q, c) {
                Role::Coordinator
            } else {
                match roll {
                    0 => Role::Coordinator, // refused: not a host or CO_HOST person
                    1 => Role::Sponsor,
                    2..=4 => Role::Core,
                    5 => Role::Active,
                    _ => Role::Peripheral,
                }
            };
            self.add_member(by, q, c, role).await;
        }
    }

    pub(super) async fn decisions(&mut self, percent: u64) {
        let mut pending: Vec<usize> = (0..self.approvals.len())
            .filter(|&a| self.approvals[a].decision == Decision::Pending)
            .collect();
        self.rng.shuffle(&mut pending);
        for a in pending {
            let m = self.approvals[a].membership;
            if self.approvals[a].decision != Decision::Pending
                || !self.mem_status(m).clean("PENDING")
                || !self.rng.chance(percent)
            {
                continue;
            }
            let deciders: Vec<usize> = (0..self.people.len())
                .filter(|&v| self.enabled(v) && self.may_decide(v, a))
                .collect();
            let Some(by) = self.rng.pick(&deciders) else {
                continue;
            };
            let approve = self.rng.chance(75);
            let mut batch = vec![a];
            if self.rng.chance(40) {
                // Bulk: more of what this viewer may decide (one per membership if rejecting).
                let more: Vec<usize> = (0..self.approvals.len())
                    .filter(|&x| {
                        x != a
                            && self.may_decide(by, x)
                            && self
                                .mem_status(self.approvals[x].membership)
                                .clean("PENDING")
                            && (approve || self.approvals[x].membership != m)
                    })
                    .collect();
                for x in more.into_iter().take(2) {
                    if approve
                        || batch
                            .iter()
                            .all(|&y| self.approvals[y].membership != self.approvals[x].membership)
                    {
                        batch.push(x);
                    }
                }
            }
            if self.rng.chance(12) {
                // All or nothing: one approval this viewer may not decide spoils the batch.
                let foreign: Vec<usize> = (0..self.approvals.len())
                    .filter(|&x| {
                        self.approvals[x].decision == Decision::Pending
                            && self
                                .mem_status(self.approvals[x].membership)
                                .clean("PENDING")
                            && !self.may_decide(by, x)
                    })
                    .collect();
                if let Some(x) = self.rng.pick(&foreign) {
                    batch.push(x);
                }
            }
            self.decide(by, batch, approve).await;
        }
    }

    pub(super) fn pick_role(&mut self, m: usize) -> Option<Role> {
        let c = self.memberships[m].community;
        let mut options = vec![Role::Sponsor, Role::Core, Role::Active, Role::Peripheral];
        if self.may_hold_coordinator(self.memberships[m].person, c) {
            options.extend([Role::Coordinator, Role::Coordinator]);
        }
        let current = self.memberships[m].role;
        options.retain(|&r| r != current);
        if self.active_coordinators(c) == 0 {
            options.retain(|&r| r == Role::Coordinator);
        }
        self.rng.pick(&options)
    }

    pub(super) async fn role_changes(&mut self, percent: u64) {
        let mut members: Vec<usize> = (0..self.memberships.len())
            .filter(|&m| self.mem_status(m).clean("ACTIVE"))
            .collect();
        self.rng.shuffle(&mut members);
        for m in members {
            if !self.mem_status(m).clean("ACTIVE") || !self.rng.chance(percent) {
                continue;
            }
            let c = self.memberships[m].community;
            let person = self.memberships[m].person;
            if self.rng.chance(10) {
                // Someone who does not coordinate.
                let others: Vec<usize> = (0..self.people.len())
                    .filter(|&v| self.enabled(v) && !self.coordinates(v, c))
                    .collect();
                if let Some(x) = self.rng.pick(&others) {
                    self.change_role(x, m, Role::Core).await;
                }
            }
            let coordinators: Vec<usize> = (0..self.people.len())
                .filter(|&v| self.enabled(v) && self.coordinates(v, c))
                .collect();
            let Some(by) = self.rng.pick(&coordinators) else {
                continue;
            };
            if self.rng.chance(8)
                && !self.may_hold_coordinator(person, c)
                && self.memberships[m].role != Role::Coordinator
            {
                // Refused: COORDINATOR is for host and CO_HOST people.
                self.change_role(by, m, Role::Coordinator).await;
                continue;
            }
            if let Some(role) = self.pick_role(m) {
                self.change_role(by, m, role).await;
            }
        }
    }

    pub(super) async fn departures(&mut self) {
        let mut members: Vec<usize> = (0..self.memberships.len())
            .filter(|&m| self.mem_status(m).clean("ACTIVE"))
            .collect();
        self.rng.shuffle(&mut members);
        for m in members {
            if !self.mem_status(m).clean("ACTIVE") {
                continue;
            }
            let person = self.memberships[m].person;
            let c = self.memberships[m].community;
            match self.rng.below(100) {
                0..=9 => self.leave(m).await,
                10..=19 => {
                    let removers: Vec<usize> = (0..self.people.len())
                        .filter(|&v| {
                            v != person
                                && self.enabled(v)
                                && (self.coordinates(v, c)
                                    || (self.people[v].admin
                                        && self.people[v].org == self.people[person].org))
                        })
                        .collect();
                    if let Some(by) = self.rng.pick(&removers) {
                        self.remove_member(by, m).await;
                    }
                }
                20..=22 => {
                    // Neither a coordinator nor the person's admin.
                    let others: Vec<usize> = (0..self.people.len())
                        .filter(|&v| {
                            v != person
                                && self.enabled(v)
                                && !self.coordinates(v, c)
                                && !(self.people[v].admin
                                    && self.people[v].org == self.people[person].org)
                        })
                        .collect();
                    if let Some(by) = self.rng.pick(&others) {
                        self.remove_member(by, m).await;
                    }
                }
                _ => {}
            }
        }
        if self.rng.chance(40) {
            let o = self.rng.below(self.orgs.len());
            let people = self.people_of(o);
            let q = self.rng.pick(&people).unwrap();
            if self.rng.chance(30) {
                if let Some(x) = self.random_non_admin(o) {
                    self.offboard(x, q).await;
                }
            }
            let by = self.random_admin(o);
            self.offboard(by, q).await;
        }
    }
}
