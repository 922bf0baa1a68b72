//! Communities, their settings, invitations and participations, each outcome predicted and
//! the model updated.

use super::model::{text, Community, Membership, Participation, Viewer, World};
use super::vocabulary::{
    Expect, JoinRule, MemBase, PartBase, Role, Tier, Visibility, CONFLICT, FORBIDDEN, NOT_FOUND,
    PARTICIPATION_SEL,
};
use std::fmt::Write as _;

impl World<'_> {
    pub(super) async fn create_community(
        &mut self,
        by: usize,
        slug: String,
        visibility: Visibility,
        rule: JoinRule,
    ) {
        let host = self.people[by].org;
        let taken = self
            .communities
            .iter()
            .any(|c| c.host == host && c.slug == slug);
        let expect = if taken { CONFLICT } else { Expect::Ok };
        let input = format!(
            "slug: \"{slug}\", name: \"Community {slug}\", purpose: \"practice\", visibility: {}, joinRule: {}",
            visibility.gql(),
            rule.gql()
        );
        let selection = "community { id viewerMembership { id status role } participants(first: 10) { totalCount nodes { id tier status } } }";
        let Some(r) = self
            .run(Some(by), "createCommunity", input, selection, expect)
            .await
        else {
            return;
        };
        let community = &r["community"];
        let id = text(&community["id"]);
        self.same(
            &community["viewerMembership"]["role"],
            "COORDINATOR",
            "creator's role",
        );
        self.same(
            &community["viewerMembership"]["status"],
            "ACTIVE",
            "creator's membership",
        );
        if community["participants"]["totalCount"] != 1 {
            self.fail(&format!("a new community has one participant: {r}"));
        }
        let host_place = &community["participants"]["nodes"][0];
        self.same(&host_place["tier"], "HOST", "host participation tier");
        self.same(&host_place["status"], "ACTIVE", "host participation status");
        let c = self.communities.len();
        self.communities.push(Community {
            id: id.clone(),
            host,
            slug,
            visibility,
            join_rule: rule,
        });
        self.participations.push(Participation {
            id: text(&host_place["id"]),
            community: c,
            org: host,
            tier: Tier::Host,
            base: PartBase::Accepted,
            sponsor: None,
        });
        self.memberships.push(Membership {
            id: text(&community["viewerMembership"]["id"]),
            community: c,
            person: by,
            role: Role::Coordinator,
            base: MemBase::Active,
            approvals: Vec::new(),
            had_approvals: false,
        });
        self.event("COMMUNITY_CREATED", &id, vec![host]);
    }

    pub(super) fn partner_places_open(&self, c: usize) -> bool {
        self.participations.iter().any(|p| {
            p.community == c
                && p.tier != Tier::Host
                && matches!(p.base, PartBase::Invited | PartBase::Accepted)
        })
    }

    pub(super) async fn update_community(
        &mut self,
        c: usize,
        by: usize,
        visibility: Option<Visibility>,
        rule: Option<JoinRule>,
    ) {
        let expect = if !self.sees_community(Viewer::Person(by), c) {
            NOT_FOUND
        } else if !self.host_coordinates(by, c) {
            FORBIDDEN
        } else if visibility == Some(Visibility::HostOnly) && self.partner_places_open(c) {
            CONFLICT
        } else {
            Expect::Ok
        };
        let mut input = format!("communityId: \"{}\"", self.communities[c].id);
        if let Some(v) = visibility {
            let _ = write!(input, ", visibility: {}", v.gql());
        }
        if let Some(r) = rule {
            let _ = write!(input, ", joinRule: {}", r.gql());
        }
        let Some(r) = self
            .run(
                Some(by),
                "updateCommunity",
                input,
                "community { id visibility joinRule }",
                expect,
            )
            .await
        else {
            return;
        };
        if let Some(v) = visibility {
            self.communities[c].visibility = v;
        }
        if let Some(rule) = rule {
            self.communities[c].join_rule = rule;
        }
        let cc = &self.communities[c];
        let (v, j) = (cc.visibility.gql(), cc.join_rule.gql());
        self.same(&r["community"]["visibility"], v, "visibility");
        self.same(&r["community"]["joinRule"], j, "join rule");
        let (id, host) = (cc.id.clone(), cc.host);
        self.event("COMMUNITY_UPDATED", &id, vec![host]);
    }

    pub(super) async fn invite(&mut self, c: usize, o: usize, tier: Tier, by: usize) -> bool {
        let existing = self.participation(c, o);
        let expect = if !self.sees_community(Viewer::Person(by), c) {
            NOT_FOUND
        } else if !self.host_coordinates(by, c) {
            FORBIDDEN
        } else if existing.is_some_and(|k| {
            matches!(
                self.participations[k].base,
                PartBase::Invited | PartBase::Accepted
            )
        }) {
            CONFLICT
        } else {
            Expect::Ok
        };
        let input = format!(
            "communityId: \"{}\", organizationId: \"{}\", tier: {}",
            self.communities[c].id,
            self.orgs[o].id,
            tier.gql()
        );
        let Some(r) = self
            .run(
                Some(by),
                "inviteOrganization",
                input,
                PARTICIPATION_SEL,
                expect,
            )
            .await
        else {
            return false;
        };
        let id = text(&r["participation"]["id"]);
        self.same(
            &r["participation"]["status"],
            "INVITED",
            "invitation status",
        );
        self.same(&r["participation"]["tier"], tier.gql(), "invitation tier");
        match existing {
            Some(k) => {
                if self.participations[k].id != id {
                    self.fail("inviting again did not reuse the participation");
                }
                let p = &mut self.participations[k];
                p.base = PartBase::Invited;
                p.tier = tier;
                p.sponsor = None;
            }
            None => self.participations.push(Participation {
                id: id.clone(),
                community: c,
                org: o,
                tier,
                base: PartBase::Invited,
                sponsor: None,
            }),
        }
        let host = self.communities[c].host;
        self.event("ORGANIZATION_INVITED", &id, vec![host, o]);
        true
    }

    /// accept (with a sponsor), decline, withdraw (by the partner's admin) or remove (by a
    /// host coordinator) a participation.
    pub(super) async fn participation_act(
        &mut self,
        k: usize,
        by: usize,
        field: &'static str,
    ) -> bool {
        let p = &self.participations[k];
        let c = p.community;
        let host = self.communities[c].host;
        let me = &self.people[by];
        let partner_admin = me.admin && me.org == p.org;
        let (allowed, from, to, status, action): (bool, &[PartBase], PartBase, &str, &str) =
            match field {
                "acceptInvitation" => (
                    partner_admin,
                    &[PartBase::Invited],
                    PartBase::Accepted,
                    "ACTIVE",
                    "INVITATION_ACCEPTED",
                ),
                "declineInvitation" => (
                    partner_admin,
                    &[PartBase::Invited],
                    PartBase::Declined,
                    "DECLINED",
                    "INVITATION_DECLINED",
                ),
                "withdrawOrganization" => (
                    partner_admin,
                    &[PartBase::Accepted],
                    PartBase::Left,
                    "LEFT",
                    "ORGANIZATION_WITHDREW",
                ),
                _ => (
                    self.host_coordinates(by, c),
                    &[PartBase::Invited, PartBase::Accepted],
                    PartBase::Removed,
                    "REMOVED",
                    "ORGANIZATION_REMOVED",
                ),
            };
        let expect = if !self.sees_participation(Viewer::Person(by), k) {
            NOT_FOUND
        } else if !allowed {
            FORBIDDEN
        } else if !from.contains(&p.base) {
            CONFLICT
        } else {
            Expect::Ok
        };
        let (id, org) = (p.id.clone(), p.org);
        let mut input = format!("participationId: \"{id}\"");
        let mut sponsor = None;
        if field == "acceptInvitation" {
            let people = self.people_of(org);
            let s = self.rng.pick(&people).unwrap();
            let _ = write!(input, ", sponsorId: \"{}\"", self.people[s].id);
            sponsor = Some(s);
        }
        let Some(r) = self
            .run(Some(by), field, input, PARTICIPATION_SEL, expect)
            .await
        else {
            return false;
        };
        self.same(&r["participation"]["status"], status, field);
        let p = &mut self.participations[k];
        p.base = to;
        if sponsor.is_some() {
            p.sponsor = sponsor;
        }
        self.event(action, &id, vec![host, org]);
        true
    }
}
