//! Policy defaults, partnerships, per-partner policies and disabling an organization, each
//! outcome predicted and the model updated.

use super::model::{text, Partnership, Viewer, World};
use super::vocabulary::{Act, Expect, PStatus, Policy, CONFLICT, FORBIDDEN, NOT_FOUND};
use std::fmt::Write as _;

impl World<'_> {
    pub(super) async fn set_defaults(
        &mut self,
        o: usize,
        by: usize,
        inbound: Policy,
        outbound: Policy,
    ) {
        let expect = if !self.sees_org(Viewer::Person(by), o) {
            NOT_FOUND
        } else if self.people[by].org != o || !self.people[by].admin {
            FORBIDDEN
        } else {
            Expect::Ok
        };
        let input = format!(
            "organizationId: \"{}\", inbound: {}, outbound: {}",
            self.orgs[o].id,
            inbound.gql(),
            outbound.gql()
        );
        let Some(r) = self
            .run(
                Some(by),
                "setPartnerPolicyDefaults",
                input,
                "defaults { inbound outbound }",
                expect,
            )
            .await
        else {
            return;
        };
        self.same(&r["defaults"]["inbound"], inbound.gql(), "defaults inbound");
        self.same(
            &r["defaults"]["outbound"],
            outbound.gql(),
            "defaults outbound",
        );
        self.orgs[o].default_in = inbound;
        self.orgs[o].default_out = outbound;
        self.event("POLICY_DEFAULTS_CHANGED", "", vec![o]);
    }

    pub(super) async fn propose(&mut self, by: usize, to: usize) -> bool {
        let from = self.people[by].org;
        let existing = self.pship(from, to);
        let expect = if !self.people[by].admin {
            Expect::Fail(&["FORBIDDEN", "NOT_FOUND"])
        } else if existing.is_some_and(|k| {
            matches!(
                self.partnerships[k].status,
                PStatus::Proposed | PStatus::Active | PStatus::Suspended
            )
        }) {
            CONFLICT
        } else {
            Expect::Ok
        };
        let input = format!("partnerSlug: \"{}\"", self.orgs[to].slug);
        let Some(r) = self
            .run(
                Some(by),
                "proposePartnership",
                input,
                "partnership { id status }",
                expect,
            )
            .await
        else {
            return false;
        };
        let id = text(&r["partnership"]["id"]);
        self.same(
            &r["partnership"]["status"],
            "PROPOSED",
            "proposed partnership",
        );
        match existing {
            Some(k) => {
                if self.partnerships[k].id != id {
                    self.fail("proposing again did not reuse the partnership");
                }
                let p = &mut self.partnerships[k];
                p.status = PStatus::Proposed;
                p.proposer = from;
                p.suspended_by = None;
            }
            None => self.partnerships.push(Partnership {
                id: id.clone(),
                sides: [from.min(to), from.max(to)],
                proposer: from,
                status: PStatus::Proposed,
                suspended_by: None,
                overrides: [(None, None); 2],
                policy_unknown: false,
            }),
        }
        self.event("PARTNERSHIP_PROPOSED", &id, vec![from, to]);
        true
    }

    pub(super) async fn partnership_act(&mut self, k: usize, by: usize, act: Act) -> bool {
        let me = self.people[by].org;
        let p = &self.partnerships[k];
        let expect = if !p.sides.contains(&me) || !self.people[by].admin {
            NOT_FOUND
        } else {
            match act {
                Act::Accept | Act::Decline => {
                    if me == p.proposer {
                        // Either: the page says only "the other organization's admin".
                        Expect::Fail(&["FORBIDDEN", "CONFLICT"])
                    } else if p.status != PStatus::Proposed {
                        CONFLICT
                    } else {
                        Expect::Ok
                    }
                }
                Act::Suspend if p.status != PStatus::Active => CONFLICT,
                Act::Suspend => Expect::Ok,
                Act::Resume if p.status != PStatus::Suspended => CONFLICT,
                Act::Resume if p.suspended_by != Some(me) => FORBIDDEN,
                Act::Resume => Expect::Ok,
                Act::End if matches!(p.status, PStatus::Declined | PStatus::Ended) => CONFLICT,
                Act::End => Expect::Ok,
            }
        };
        let (field, status, action) = match act {
            Act::Accept => ("acceptPartnership", PStatus::Active, "PARTNERSHIP_ACCEPTED"),
            Act::Decline => (
                "declinePartnership",
                PStatus::Declined,
                "PARTNERSHIP_DECLINED",
            ),
            Act::Suspend => (
                "suspendPartnership",
                PStatus::Suspended,
                "PARTNERSHIP_SUSPENDED",
            ),
            Act::Resume => ("resumePartnership", PStatus::Active, "PARTNERSHIP_RESUMED"),
            Act::End => ("endPartnership", PStatus::Ended, "PARTNERSHIP_ENDED"),
        };
        let id = p.id.clone();
        let sides = p.sides.to_vec();
        let input = format!("partnershipId: \"{id}\"");
        let Some(r) = self
            .run(Some(by), field, input, "partnership { id status }", expect)
            .await
        else {
            return false;
        };
        self.same(&r["partnership"]["status"], status.gql(), field);
        let p = &mut self.partnerships[k];
        p.status = status;
        p.suspended_by = (act == Act::Suspend).then_some(me);
        self.event(action, &id, sides);
        true
    }

    /// `None`: the field is left out; `Some(None)`: explicit null (back to the default).
    pub(super) async fn set_policy(
        &mut self,
        k: usize,
        by: usize,
        inbound: Option<Option<Policy>>,
        outbound: Option<Option<Policy>>,
    ) {
        let me = self.people[by].org;
        let expect = if !self.partnerships[k].sides.contains(&me) || !self.people[by].admin {
            NOT_FOUND
        } else {
            Expect::Ok
        };
        let mut input = format!("partnershipId: \"{}\"", self.partnerships[k].id);
        for (name, value) in [("inbound", inbound), ("outbound", outbound)] {
            if let Some(value) = value {
                let _ = write!(input, ", {name}: {}", value.map_or("null", Policy::gql));
            }
        }
        let Some(r) = self
            .run(
                Some(by),
                "setPartnerPolicy",
                input,
                "partnership { id inboundPolicy outboundPolicy }",
                expect,
            )
            .await
        else {
            return;
        };
        let side = self.side(k, me);
        if let Some(value) = inbound {
            self.partnerships[k].overrides[side].0 = value;
        }
        if let Some(value) = outbound {
            self.partnerships[k].overrides[side].1 = value;
        }
        let partner = self.partnerships[k].sides[1 - side];
        let (i, o) = (
            self.policy(me, partner, true),
            self.policy(me, partner, false),
        );
        self.same(
            &r["partnership"]["inboundPolicy"],
            i.gql(),
            "effective inbound policy",
        );
        self.same(
            &r["partnership"]["outboundPolicy"],
            o.gql(),
            "effective outbound policy",
        );
        self.event("PARTNER_POLICY_CHANGED", "", vec![me]);
    }

    pub(super) async fn set_disabled(&mut self, o: usize, disabled: bool) {
        let field = if disabled {
            "disableOrganization"
        } else {
            "enableOrganization"
        };
        let input = format!("organizationId: \"{}\"", self.orgs[o].id);
        self.run(None, field, input, "organization { id }", Expect::Ok)
            .await;
        self.orgs[o].disabled = disabled;
        let action = if disabled {
            "ORGANIZATION_DISABLED"
        } else {
            "ORGANIZATION_ENABLED"
        };
        self.event(action, "", vec![o]);
    }
}
