//! Breaking links: partnerships suspended or ended, organizations removed, withdrawn or
//! disabled, some restored; and outsiders trying to change settings.

use super::model::{Viewer, World};
use super::vocabulary::{
    Act, Expect, JoinRule, PStatus, PartBase, Tier, Visibility, MEMBERSHIP_SEL,
};

impl World<'_> {
    pub(super) fn protected_partnership(&self) -> Option<usize> {
        let p = &self.participations[self.protected?];
        self.pship(p.org, self.communities[p.community].host)
    }

    pub(super) fn partnerships_where(&self, statuses: &[PStatus]) -> Vec<usize> {
        let protected = self.protected_partnership();
        (0..self.partnerships.len())
            .filter(|&k| {
                let p = &self.partnerships[k];
                Some(k) != protected
                    && statuses.contains(&p.status)
                    && !self.orgs[p.sides[0]].disabled
                    && !self.orgs[p.sides[1]].disabled
            })
            .collect()
    }

    pub(super) fn linked(&self, k: usize) -> bool {
        let [a, b] = self.partnerships[k].sides;
        self.participations.iter().any(|p| {
            p.base == PartBase::Accepted
                && p.tier != Tier::Host
                && ((p.org == a && self.communities[p.community].host == b)
                    || (p.org == b && self.communities[p.community].host == a))
        })
    }

    pub(super) async fn suspend_or_end(&mut self, act: Act) {
        let statuses: &[PStatus] = if act == Act::Suspend {
            &[PStatus::Active]
        } else {
            &[PStatus::Proposed, PStatus::Active, PStatus::Suspended]
        };
        let mut candidates = self.partnerships_where(statuses);
        let linked: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&k| self.linked(k))
            .collect();
        if !linked.is_empty() && self.rng.chance(85) {
            candidates = linked;
        }
        if let Some(k) = self.rng.pick(&candidates) {
            let side = self.partnerships[k].sides[self.rng.below(2)];
            let by = self.random_admin(side);
            self.partnership_act(k, by, act).await;
        }
    }

    pub(super) async fn resume_one(&mut self) {
        let candidates = self.partnerships_where(&[PStatus::Suspended]);
        if let Some(k) = self.rng.pick(&candidates) {
            let by_side = self.partnerships[k].suspended_by.unwrap();
            let other = self.partnerships[k].sides[self.side(k, by_side) ^ 1];
            if self.rng.chance(40) {
                // Refused: only the suspending side resumes.
                let x = self.random_admin(other);
                self.partnership_act(k, x, Act::Resume).await;
            }
            let by = self.random_admin(by_side);
            self.partnership_act(k, by, Act::Resume).await;
        }
    }

    pub(super) async fn break_links(&mut self) {
        let live: Vec<usize> = (0..self.participations.len())
            .filter(|&k| {
                self.participations[k].tier != Tier::Host && self.part_status(k).clean("ACTIVE")
            })
            .collect();
        self.protected = self.rng.pick(&live);
        for _ in 0..self.rng.range(2, 5) {
            match self.rng.below(8) {
                0 | 1 => self.suspend_or_end(Act::Suspend).await,
                2 => self.suspend_or_end(Act::End).await,
                3 | 4 => {
                    // The host removes, or the partner withdraws, an organization with members.
                    let remove = self.rng.chance(50);
                    let candidates: Vec<usize> = (0..self.participations.len())
                        .filter(|&k| {
                            self.participations[k].tier != Tier::Host
                                && self.part_status(k).clean("ACTIVE")
                                && Some(k) != self.protected
                        })
                        .collect();
                    if let Some(k) = self.rng.pick(&candidates) {
                        if remove {
                            let coordinators =
                                self.host_coordinators(self.participations[k].community);
                            let by = self.rng.pick(&coordinators).unwrap();
                            self.participation_act(k, by, "removeOrganization").await;
                        } else {
                            let by = self.random_admin(self.participations[k].org);
                            self.participation_act(k, by, "withdrawOrganization").await;
                        }
                    }
                }
                5 => self.resume_one().await,
                6 => {
                    // Proposed again after it ended or was declined, and accepted: suspended
                    // participations come back by themselves.
                    let candidates = self.partnerships_where(&[PStatus::Ended, PStatus::Declined]);
                    if let Some(k) = self.rng.pick(&candidates) {
                        let s = self.rng.below(2);
                        let [from, to] = [
                            self.partnerships[k].sides[s],
                            self.partnerships[k].sides[s ^ 1],
                        ];
                        let by = self.random_admin(from);
                        self.propose(by, to).await;
                        let by = self.random_admin(to);
                        self.partnership_act(k, by, Act::Accept).await;
                        self.partnerships[k].policy_unknown = true;
                    }
                }
                _ => {
                    // Invited again after removal or withdrawal, and accepted: memberships
                    // come back to what they were.
                    let candidates: Vec<usize> = (0..self.participations.len())
                        .filter(|&k| {
                            let p = &self.participations[k];
                            let c = &self.communities[p.community];
                            matches!(p.base, PartBase::Removed | PartBase::Left)
                                && c.visibility == Visibility::Federated
                                && self.pship_active(c.host, p.org)
                                && !self.orgs[c.host].disabled
                                && !self.orgs[p.org].disabled
                        })
                        .collect();
                    if let Some(k) = self.rng.pick(&candidates) {
                        let (c, o, tier) = {
                            let p = &self.participations[k];
                            (p.community, p.org, p.tier)
                        };
                        let by = self.random_admin(self.communities[c].host);
                        self.invite(c, o, tier, by).await;
                        let admin = self.random_admin(o);
                        self.participation_act(k, admin, "acceptInvitation").await;
                    }
                }
            }
        }
        let spared: Vec<usize> = match self.protected {
            Some(k) => {
                let p = &self.participations[k];
                vec![p.org, self.communities[p.community].host]
            }
            None => vec![],
        };
        let disable: Vec<usize> = (0..self.orgs.len())
            .filter(|o| !spared.contains(o))
            .collect();
        if let (true, Some(o)) = (self.rng.chance(50), self.rng.pick(&disable)) {
            self.set_disabled(o, true).await;
            if self.rng.chance(50) {
                // Its people's tokens are refused.
                let people = self.people_of(o);
                let v = self.rng.pick(&people).unwrap();
                let input = format!("communityId: \"{}\"", self.communities[0].id);
                self.run(
                    Some(v),
                    "joinCommunity",
                    input,
                    MEMBERSHIP_SEL,
                    Expect::Fail(&["UNAUTHENTICATED"]),
                )
                .await;
            }
            if self.rng.chance(70) {
                // The other side of a partnership with it acts meanwhile.
                let candidates: Vec<usize> = (0..self.partnerships.len())
                    .filter(|&k| self.partnerships[k].sides.contains(&o))
                    .collect();
                if let Some(k) = self.rng.pick(&candidates) {
                    let other = self.partnerships[k].sides[self.side(k, o) ^ 1];
                    let by = self.random_admin(other);
                    let act = match self.partnerships[k].status {
                        PStatus::Active => Act::Suspend,
                        PStatus::Suspended if self.partnerships[k].suspended_by == Some(other) => {
                            Act::Resume
                        }
                        PStatus::Proposed | PStatus::Suspended => Act::End,
                        _ => Act::End, // refused: already over
                    };
                    self.partnership_act(k, by, act).await;
                }
            }
            if self.rng.chance(40) {
                self.set_disabled(o, false).await;
            }
        }
    }

    /// Changing a community's settings is for host coordinators only: a CO_HOST coordinator
    /// or a host person who does not coordinate is refused.
    pub(super) async fn outsiders_change_settings(&mut self) {
        // An admin may not change another organization's defaults (FORBIDDEN when visible).
        let pairs: Vec<(usize, usize)> = (0..self.people.len())
            .filter(|&v| self.people[v].admin && self.enabled(v))
            .flat_map(|v| (0..self.orgs.len()).map(move |o| (v, o)))
            .filter(|&(v, o)| self.people[v].org != o && !self.orgs[o].disabled)
            .collect();
        if let Some((v, o)) = self.rng.pick(&pairs) {
            let (i, out) = (self.orgs[o].default_in, self.orgs[o].default_out);
            self.set_defaults(o, v, i, out).await;
        }
        for c in 0..self.communities.len() {
            if !self.rng.chance(50) {
                continue;
            }
            let outsiders: Vec<usize> = (0..self.people.len())
                .filter(|&v| {
                    self.enabled(v)
                        && self.sees_community(Viewer::Person(v), c)
                        && !self.host_coordinates(v, c)
                })
                .collect();
            let coordinating: Vec<usize> = outsiders
                .iter()
                .copied()
                .filter(|&v| self.coordinates(v, c))
                .collect();
            let pick = if coordinating.is_empty() {
                self.rng.pick(&outsiders)
            } else {
                self.rng.pick(&coordinating)
            };
            if let Some(v) = pick {
                self.update_community(c, v, None, Some(JoinRule::Open))
                    .await;
            }
        }
    }
}
