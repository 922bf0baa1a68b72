//! Who sees what, and who may do what: the page's rules, written from docs/FEDERATION.md
//! (not from `api/src`); people and organizations also from docs/KNOWLEDGE.md (authors of
//! visible content, see `knowledge_oracle.rs`).

use super::model::{Viewer, World};
use super::vocabulary::{Decision, JoinRule, Kind, MemBase, PStatus, Policy, Role, Visibility};

impl World<'_> {
    /// Live: hosted by the viewer's organization, or FEDERATED with its ACTIVE participation.
    pub(super) fn live(&self, v: usize, c: usize) -> bool {
        let o = self.people[v].org;
        let cc = &self.communities[c];
        cc.host == o
            || (cc.visibility == Visibility::Federated
                && self
                    .participation(c, o)
                    .is_some_and(|k| self.part_status(k).primary == "ACTIVE"))
    }

    pub(super) fn sees_community(&self, viewer: Viewer, c: usize) -> bool {
        let Viewer::Person(v) = viewer else {
            return true;
        };
        let me = &self.people[v];
        // For O's admins also every FEDERATED community O has a participation in.
        let real = self.live(v, c)
            || (me.admin
                && self.communities[c].visibility == Visibility::Federated
                && self.participation(c, me.org).is_some());
        if self.poison == Some(v) && c == 0 {
            !real
        } else {
            real
        }
    }

    pub(super) fn sees_participation(&self, viewer: Viewer, k: usize) -> bool {
        let Viewer::Person(v) = viewer else {
            return true;
        };
        let p = &self.participations[k];
        let me = &self.people[v];
        (self.live(v, p.community)
            && (self.part_status(k).primary == "ACTIVE"
                || self.coordinates(v, p.community)
                || p.org == me.org))
            || (me.admin && p.org == me.org && self.sees_community(viewer, p.community))
    }

    pub(super) fn sees_membership(&self, viewer: Viewer, m: usize) -> bool {
        let Viewer::Person(v) = viewer else {
            return true;
        };
        let mm = &self.memberships[m];
        let me = &self.people[v];
        let c = mm.community;
        let their_org = self.people[mm.person].org;
        (mm.person == v && self.sees_community(viewer, c))
            || (me.admin && their_org == me.org)
            || self.coordinates(v, c)
            || (self.mem_status(m).primary == "ACTIVE"
                && (self.active_member(v, c) || (their_org == me.org && self.live(v, c))))
    }

    pub(super) fn sees_approval(&self, viewer: Viewer, a: usize) -> bool {
        self.sees_membership(viewer, self.approvals[a].membership)
    }

    pub(super) fn sees_person(&self, viewer: Viewer, q: usize) -> bool {
        let Viewer::Person(v) = viewer else {
            return true;
        };
        self.people[v].org == self.people[q].org
            || (0..self.memberships.len())
                .any(|m| self.memberships[m].person == q && self.sees_membership(viewer, m))
            || (0..self.participations.len()).any(|k| {
                let p = &self.participations[k];
                p.sponsor == Some(q)
                    && self.part_status(k).primary == "ACTIVE"
                    && self.live(v, p.community)
            })
            // KNOWLEDGE.md: the author of visible content (and an endorser of a visible idea).
            || self.sees_as_author(viewer, q)
    }

    pub(super) fn sees_org(&self, viewer: Viewer, o: usize) -> bool {
        let Viewer::Person(v) = viewer else {
            return true;
        };
        let me = &self.people[v];
        o == me.org
            || self
                .pship(o, me.org)
                .is_some_and(|k| self.partnerships[k].status == PStatus::Active || me.admin)
            || (0..self.participations.len())
                .any(|k| self.participations[k].org == o && self.sees_participation(viewer, k))
            // KNOWLEDGE.md: the organization of an author of visible content.
            || self.sees_as_authors_org(viewer, o)
    }

    pub(super) fn sees_partnership(&self, viewer: Viewer, k: usize) -> bool {
        let Viewer::Person(v) = viewer else {
            return true;
        };
        let me = &self.people[v];
        me.admin && self.partnerships[k].sides.contains(&me.org)
    }

    /// Pending approvals V may decide (the page's "Pending approvals of a viewer").
    pub(super) fn may_decide(&self, v: usize, a: usize) -> bool {
        let ap = &self.approvals[a];
        let mm = &self.memberships[ap.membership];
        let c = mm.community;
        let me = &self.people[v];
        ap.decision == Decision::Pending
            && self.mem_status(ap.membership).primary == "PENDING"
            && match ap.kind {
                Kind::Coordinator => self.coordinates(v, c),
                Kind::HostAdmin => me.admin && me.org == self.communities[c].host,
                Kind::MemberOrgAdmin => me.admin && me.org == self.people[mm.person].org,
            }
    }

    /// Approvals a request needs; None when a policy blocks it.
    pub(super) fn requirements(
        &self,
        person: usize,
        c: usize,
        by_coordinator: bool,
    ) -> Option<Vec<Kind>> {
        let o = self.people[person].org;
        let host = self.communities[c].host;
        let mut kinds = Vec::new();
        if o != host {
            match self.policy(host, o, true) {
                Policy::Blocked => return None,
                Policy::ApprovalRequired => kinds.push(Kind::HostAdmin),
                Policy::Allowed => {}
            }
            match self.policy(o, host, false) {
                Policy::Blocked => return None,
                Policy::ApprovalRequired => kinds.push(Kind::MemberOrgAdmin),
                Policy::Allowed => {}
            }
        }
        if !by_coordinator && self.communities[c].join_rule == JoinRule::ApprovalRequired {
            kinds.push(Kind::Coordinator);
        }
        Some(kinds)
    }

    /// Whether `person` can (re)ask to join `c` with an outcome the page pins.
    pub(super) fn can_request(&self, person: usize, c: usize) -> bool {
        let o = self.people[person].org;
        let host = self.communities[c].host;
        self.enabled(person)
            && self.part_clean_active(c, o)
            && self.live(person, c)
            && (o == host
                || self
                    .pship(o, host)
                    .is_some_and(|k| !self.partnerships[k].policy_unknown))
            && match self.membership_of(person, c) {
                None => true,
                // Reused: only memberships whose earlier life left no approvals and no role.
                Some(m) => {
                    let mm = &self.memberships[m];
                    matches!(mm.base, MemBase::Left | MemBase::Removed)
                        && !mm.had_approvals
                        && mm.role == Role::Peripheral
                }
            }
    }
}
