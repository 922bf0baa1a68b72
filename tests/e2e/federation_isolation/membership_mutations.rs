//! Joins, added members, approval decisions, role changes, departures and offboarding,
//! each outcome predicted and the model updated.

use super::model::{text, Approval, Membership, Viewer, World};
use super::vocabulary::{
    Decision, Expect, Kind, MemBase, Role, CONFLICT, FORBIDDEN, MEMBERSHIP_SEL, NOT_FOUND,
};
use serde_json::Value;
use std::collections::BTreeSet;

impl World<'_> {
    /// Records the membership a join or addMember returned, checking its status, role and
    /// approvals against the prediction.
    pub(super) fn record_membership(
        &mut self,
        existing: Option<usize>,
        (person, c): (usize, usize),
        value: &Value,
        kinds: &[Kind],
        role: Role,
        by_coordinator: bool,
    ) {
        let id = text(&value["id"]);
        if let Some(m) = existing {
            if self.memberships[m].id != id {
                self.fail("asking again did not reuse the membership");
            }
        }
        let status = if kinds.is_empty() {
            "ACTIVE"
        } else {
            "PENDING"
        };
        self.same(&value["status"], status, "new membership status");
        self.same(&value["role"], role.gql(), "new membership role");
        let mut pending = Vec::new();
        let mut rows = Vec::new();
        for a in value["approvals"].as_array().cloned().unwrap_or_default() {
            let kind = Kind::parse(a["kind"].as_str().unwrap_or_default());
            let Some(kind) = kind else {
                self.fail(&format!("unknown approval kind in {value}"));
            };
            match a["status"].as_str() {
                Some("PENDING") => {
                    pending.push(kind);
                    rows.push((text(&a["id"]), kind, Decision::Pending));
                }
                // The coordinator's approval "counts as given" for addMember.
                Some("APPROVED") if by_coordinator && kind == Kind::Coordinator => {
                    rows.push((text(&a["id"]), kind, Decision::Approved));
                }
                _ => self.fail(&format!("unexpected approval {a} in {value}")),
            }
        }
        pending.sort();
        let mut want = kinds.to_vec();
        want.sort();
        if pending != want {
            self.fail(&format!(
                "membership approvals: expected {want:?} pending, got {value}"
            ));
        }
        let m = match existing {
            Some(m) => m,
            None => {
                self.memberships.push(Membership {
                    id,
                    community: c,
                    person,
                    role,
                    base: MemBase::Pending,
                    approvals: Vec::new(),
                    had_approvals: false,
                });
                self.memberships.len() - 1
            }
        };
        let mut ids = Vec::new();
        for (id, kind, decision) in rows {
            self.approvals.push(Approval {
                id,
                membership: m,
                kind,
                decision,
                // "Counts as given": by the coordinator who added them, if anyone.
                decided_by: None,
            });
            ids.push(self.approvals.len() - 1);
        }
        let mm = &mut self.memberships[m];
        mm.had_approvals |= !ids.is_empty();
        mm.approvals = ids;
        mm.role = role;
        mm.base = if kinds.is_empty() {
            MemBase::Active
        } else {
            MemBase::Pending
        };
    }

    pub(super) async fn join(&mut self, v: usize, c: usize) {
        let existing = self.membership_of(v, c);
        let o = self.people[v].org;
        let mut kinds = Vec::new();
        let expect = if !self.sees_community(Viewer::Person(v), c) {
            NOT_FOUND
        } else if existing.is_some_and(|m| {
            matches!(
                self.mem_status(m).primary,
                "ACTIVE" | "PENDING" | "SUSPENDED"
            )
        }) {
            CONFLICT
        } else if !self.part_clean_active(c, o) {
            Expect::Fail(&["FORBIDDEN", "CONFLICT"])
        } else {
            match self.requirements(v, c, false) {
                None => FORBIDDEN,
                Some(k) => {
                    kinds = k;
                    Expect::Ok
                }
            }
        };
        let input = format!("communityId: \"{}\"", self.communities[c].id);
        let Some(r) = self
            .run(Some(v), "joinCommunity", input, MEMBERSHIP_SEL, expect)
            .await
        else {
            return;
        };
        self.record_membership(
            existing,
            (v, c),
            &r["membership"],
            &kinds,
            Role::Peripheral,
            false,
        );
        let m = self.membership_of(v, c).unwrap();
        self.member_events.push(("MEMBERSHIP_REQUESTED", m));
    }

    pub(super) async fn add_member(&mut self, by: usize, q: usize, c: usize, role: Role) {
        let existing = self.membership_of(q, c);
        let mut kinds = Vec::new();
        let expect = if !self.sees_community(Viewer::Person(by), c) {
            NOT_FOUND
        } else if !self.coordinates(by, c) {
            FORBIDDEN
        } else if existing.is_some_and(|m| {
            matches!(
                self.mem_status(m).primary,
                "ACTIVE" | "PENDING" | "SUSPENDED"
            )
        }) {
            CONFLICT
        } else if role == Role::Coordinator && !self.may_hold_coordinator(q, c) {
            Expect::Fail(&["CONFLICT", "BAD_USER_INPUT", "FORBIDDEN"])
        } else {
            match self.requirements(q, c, true) {
                None => FORBIDDEN,
                Some(k) => {
                    kinds = k;
                    Expect::Ok
                }
            }
        };
        let input = format!(
            "communityId: \"{}\", personId: \"{}\", role: {}",
            self.communities[c].id,
            self.people[q].id,
            role.gql()
        );
        let Some(r) = self
            .run(Some(by), "addMember", input, MEMBERSHIP_SEL, expect)
            .await
        else {
            return;
        };
        self.record_membership(existing, (q, c), &r["membership"], &kinds, role, true);
        let m = self.membership_of(q, c).unwrap();
        self.member_events.push(("MEMBER_ADDED", m));
    }

    pub(super) async fn decide(&mut self, by: usize, batch: Vec<usize>, approve: bool) {
        let viewer = Viewer::Person(by);
        let invisible = batch.iter().any(|&a| !self.sees_approval(viewer, a));
        let forbidden = batch.iter().any(|&a| !self.may_decide(by, a));
        let expect = if invisible {
            Expect::Fail(&["NOT_FOUND", "FORBIDDEN"])
        } else if forbidden {
            FORBIDDEN
        } else {
            Expect::Ok
        };
        let ids: Vec<String> = batch
            .iter()
            .map(|&a| format!("\"{}\"", self.approvals[a].id))
            .collect();
        let input = format!("approvalIds: [{}], approve: {approve}", ids.join(", "));
        let Some(r) = self
            .run(
                Some(by),
                "decideApprovals",
                input,
                "approvals { id status }",
                expect,
            )
            .await
        else {
            return;
        };
        let status = if approve { "APPROVED" } else { "REJECTED" };
        let got = r["approvals"].as_array().cloned().unwrap_or_default();
        if got.len() != batch.len() || got.iter().any(|a| a["status"] != status) {
            self.fail(&format!("decideApprovals returned {r}"));
        }
        for &a in &batch {
            self.approvals[a].decided_by = Some(by);
            self.approvals[a].decision = if approve {
                Decision::Approved
            } else {
                Decision::Rejected
            };
            let m = self.approvals[a].membership;
            self.member_events.push(("MEMBERSHIP_APPROVAL_DECIDED", m));
            if !approve {
                self.memberships[m].base = MemBase::Rejected;
            } else if self.memberships[m]
                .approvals
                .iter()
                .all(|&x| self.approvals[x].decision == Decision::Approved)
            {
                self.memberships[m].base = MemBase::Active;
            }
        }
    }

    pub(super) async fn change_role(&mut self, by: usize, m: usize, role: Role) {
        let c = self.memberships[m].community;
        let expect = if !self.sees_membership(Viewer::Person(by), m) {
            NOT_FOUND
        } else if !self.coordinates(by, c) {
            FORBIDDEN
        } else if role == Role::Coordinator
            && !self.may_hold_coordinator(self.memberships[m].person, c)
        {
            Expect::Fail(&["CONFLICT", "BAD_USER_INPUT", "FORBIDDEN"])
        } else if self.memberships[m].role == Role::Coordinator
            && role != Role::Coordinator
            && self.active_coordinators(c) == 1
        {
            CONFLICT
        } else {
            Expect::Ok
        };
        let input = format!(
            "membershipId: \"{}\", role: {}",
            self.memberships[m].id,
            role.gql()
        );
        let Some(r) = self
            .run(Some(by), "changeMemberRole", input, MEMBERSHIP_SEL, expect)
            .await
        else {
            return;
        };
        self.same(&r["membership"]["role"], role.gql(), "changed role");
        self.same(
            &r["membership"]["status"],
            "ACTIVE",
            "status after role change",
        );
        self.memberships[m].role = role;
        self.member_events.push(("MEMBER_ROLE_CHANGED", m));
    }

    pub(super) fn last_coordinator(&self, m: usize) -> bool {
        self.memberships[m].role == Role::Coordinator
            && self.active_coordinators(self.memberships[m].community) == 1
    }

    pub(super) async fn leave(&mut self, m: usize) {
        let (v, c) = (self.memberships[m].person, self.memberships[m].community);
        let expect = if self.last_coordinator(m) {
            CONFLICT
        } else {
            Expect::Ok
        };
        let input = format!("communityId: \"{}\"", self.communities[c].id);
        let Some(r) = self
            .run(Some(v), "leaveCommunity", input, MEMBERSHIP_SEL, expect)
            .await
        else {
            return;
        };
        self.same(&r["membership"]["status"], "LEFT", "after leaving");
        self.memberships[m].base = MemBase::Left;
        self.member_events.push(("MEMBER_LEFT", m));
    }

    pub(super) async fn remove_member(&mut self, by: usize, m: usize) {
        let person = self.memberships[m].person;
        let c = self.memberships[m].community;
        let me = &self.people[by];
        let org_admin = me.admin && me.org == self.people[person].org;
        let expect = if !self.sees_membership(Viewer::Person(by), m) {
            NOT_FOUND
        } else if org_admin {
            // "An organization admin may always remove their own people."
            Expect::Ok
        } else if !self.coordinates(by, c) {
            FORBIDDEN
        } else if self.last_coordinator(m) {
            CONFLICT
        } else {
            Expect::Ok
        };
        let input = format!("membershipId: \"{}\"", self.memberships[m].id);
        let Some(r) = self
            .run(Some(by), "removeMember", input, MEMBERSHIP_SEL, expect)
            .await
        else {
            return;
        };
        self.same(&r["membership"]["status"], "REMOVED", "after removal");
        self.memberships[m].base = MemBase::Removed;
        self.member_events.push(("MEMBER_REMOVED", m));
    }

    pub(super) async fn offboard(&mut self, by: usize, q: usize) {
        let me = &self.people[by];
        let org = self.people[q].org;
        let expect = if !self.sees_person(Viewer::Person(by), q) {
            NOT_FOUND
        } else if !(me.admin && me.org == org) {
            FORBIDDEN
        } else {
            Expect::Ok
        };
        let targets: Vec<usize> = (0..self.memberships.len())
            .filter(|&m| {
                let mm = &self.memberships[m];
                mm.person == q
                    && self.communities[mm.community].host != org
                    && matches!(mm.base, MemBase::Pending | MemBase::Active)
            })
            .collect();
        let input = format!("personId: \"{}\"", self.people[q].id);
        let Some(r) = self
            .run(
                Some(by),
                "offboardPerson",
                input,
                "memberships { id status }",
                expect,
            )
            .await
        else {
            return;
        };
        let got: BTreeSet<String> = r["memberships"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|m| text(&m["id"]))
            .collect();
        let want: BTreeSet<String> = targets
            .iter()
            .map(|&m| self.memberships[m].id.clone())
            .collect();
        if got != want
            || r["memberships"]
                .as_array()
                .is_some_and(|ms| ms.iter().any(|m| m["status"] != "REMOVED"))
        {
            self.fail(&format!(
                "offboardPerson returned {r}, expected {:?}",
                targets
                    .iter()
                    .map(|&m| self.describe(&self.memberships[m].id))
                    .collect::<Vec<_>>()
            ));
        }
        for m in targets {
            self.memberships[m].base = MemBase::Removed;
            self.member_events.push(("MEMBER_OFFBOARDED", m));
        }
    }
}
