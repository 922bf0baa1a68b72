//! Building a world: ordinary life phase by phase, then the links break and life goes on.

use super::model::{text, Org, Person, World};
use super::rng::Rng;
use super::vocabulary::{Act, JoinRule, PStatus, Policy, Tier, Visibility};
use serde_json::json;
use std::fmt::Write as _;

impl World<'_> {
    /// Ordinary life: organizations, people, partnerships, communities, invitations,
    /// requests, approvals, roles, the knowledge cycle, departures.
    pub(super) async fn build(&mut self) {
        self.people_phase().await;
        self.defaults_phase().await;
        self.partnerships_phase().await;
        self.policies_phase().await;
        self.communities_phase().await;
        self.invitations_phase().await;
        self.settings_phase().await;
        self.joins(55).await;
        self.add_members(25).await;
        self.decisions(60).await;
        self.role_changes(40).await;
        self.joins(25).await;
        self.decisions(40).await;
        self.knowledge_life(false).await;
        self.culture_life(false).await;
        self.departures().await;
        self.joins(20).await;
        self.add_members(15).await;
    }

    /// Then the links break (partnerships suspended or ended, organizations removed,
    /// withdrawn or disabled; some restored), and life goes on where it still can (the
    /// knowledge cycle included).
    pub(super) async fn break_and_go_on(&mut self) {
        self.break_links().await;
        self.joins(15).await;
        self.add_members(10).await;
        self.decisions(40).await;
        self.role_changes(20).await;
        self.outsiders_change_settings().await;
        self.knowledge_life(true).await;
        self.culture_life(true).await;
    }

    pub(super) async fn people_phase(&mut self) {
        let orgs = self.rng.range(3, 4);
        for k in 0..orgs {
            let slug = format!("w{}o{k}", self.number);
            let fx = self.app.create_org(&slug).await;
            self.orgs.push(Org {
                slug,
                id: String::new(),
                fx,
                disabled: false,
                default_in: Policy::Allowed,
                default_out: Policy::Allowed,
            });
        }
        let mut query = String::from("{");
        for (k, o) in self.orgs.iter().enumerate() {
            let _ = write!(query, " o{k}: organization(slug: \"{}\") {{ id }}", o.slug);
        }
        query.push('}');
        let reply = self
            .app
            .graphql(Some(&self.operator), &query, json!({}))
            .await;
        reply.assert_ok();
        for k in 0..orgs {
            self.orgs[k].id = text(reply.data(&format!("/o{k}/id")));
        }
        for k in 0..orgs {
            for j in 0..self.rng.range(2, 4) {
                let admin = j == 0 || self.rng.chance(25);
                let slug = self.orgs[k].slug.clone();
                let sub = format!("{slug}p{j}");
                let mut claims = json!({
                    "name": format!("Person {sub}"),
                    "email": format!("{sub}@{slug}.test"),
                });
                if admin {
                    claims["roles"] = json!(["admin"]);
                }
                let token = self.orgs[k].fx.token(&sub, claims);
                let reply = self
                    .app
                    .graphql(Some(&token), "{ viewer { person { id } } }", json!({}))
                    .await;
                reply.assert_ok();
                self.people.push(Person {
                    org: k,
                    sub,
                    token,
                    id: text(reply.data("/viewer/person/id")),
                    admin,
                });
            }
        }
    }

    pub(super) async fn defaults_phase(&mut self) {
        for o in 0..self.orgs.len() {
            if self.rng.chance(15) {
                if let Some(x) = self.random_non_admin(o) {
                    self.set_defaults(o, x, Policy::Blocked, Policy::Blocked)
                        .await;
                }
            }
            if !self.rng.chance(45) {
                continue;
            }
            let by = self.random_admin(o);
            let inbound = Policy::random(&mut self.rng);
            let outbound = Policy::random(&mut self.rng);
            self.set_defaults(o, by, inbound, outbound).await;
        }
    }

    pub(super) async fn partnerships_phase(&mut self) {
        let n = self.orgs.len();
        let mut pairs: Vec<(usize, usize)> = (0..n)
            .flat_map(|a| ((a + 1)..n).map(move |b| (a, b)))
            .collect();
        self.rng.shuffle(&mut pairs);
        for (a, b) in pairs {
            let (from, to) = if self.rng.chance(50) { (a, b) } else { (b, a) };
            let target = self.rng.below(11);
            if target == 0 {
                continue;
            }
            let by = self.random_admin(from);
            if self.rng.chance(10) {
                if let Some(x) = self.random_non_admin(from) {
                    self.propose(x, to).await;
                }
            }
            self.propose(by, to).await;
            let k = self.pship(from, to).unwrap();
            // Attempts the rules refuse.
            if self.rng.chance(25) {
                let x = self.random_admin(from);
                self.partnership_act(k, x, Act::Accept).await;
            }
            if self.rng.chance(20) {
                if let Some(x) = self.random_non_admin(to) {
                    self.partnership_act(k, x, Act::Accept).await;
                }
            }
            if self.rng.chance(15) {
                let x = self.random_admin(to);
                self.propose(x, from).await;
            }
            let accept = |w: &mut Self| w.random_admin(to);
            match target {
                1 => {}
                2..=5 => {
                    let x = accept(self);
                    self.partnership_act(k, x, Act::Accept).await;
                    if self.rng.chance(20) {
                        let x = accept(self);
                        self.partnership_act(k, x, Act::Accept).await;
                    }
                }
                6 => {
                    let x = accept(self);
                    self.partnership_act(k, x, Act::Decline).await;
                }
                7 => {
                    let x = accept(self);
                    self.partnership_act(k, x, Act::Accept).await;
                    let side = if self.rng.chance(50) { from } else { to };
                    let x = self.random_admin(side);
                    self.partnership_act(k, x, Act::Suspend).await;
                }
                8 => {
                    if self.rng.chance(60) {
                        let x = accept(self);
                        self.partnership_act(k, x, Act::Accept).await;
                        if self.rng.chance(40) {
                            let x = self.random_admin(from);
                            self.partnership_act(k, x, Act::Suspend).await;
                        }
                    }
                    let side = if self.rng.chance(50) { from } else { to };
                    let x = self.random_admin(side);
                    self.partnership_act(k, x, Act::End).await;
                }
                _ => {
                    // Declined or ended, then proposed again (the same partnership) and accepted.
                    let x = accept(self);
                    if target == 9 {
                        self.partnership_act(k, x, Act::Decline).await;
                    } else {
                        self.partnership_act(k, x, Act::Accept).await;
                        self.partnership_act(k, x, Act::End).await;
                    }
                    let (again, other) = if self.rng.chance(50) {
                        (from, to)
                    } else {
                        (to, from)
                    };
                    let x = self.random_admin(again);
                    self.propose(x, other).await;
                    let x = self.random_admin(other);
                    self.partnership_act(k, x, Act::Accept).await;
                }
            }
        }
    }

    pub(super) async fn policies_phase(&mut self) {
        for k in 0..self.partnerships.len() {
            if !matches!(
                self.partnerships[k].status,
                PStatus::Proposed | PStatus::Active | PStatus::Suspended
            ) {
                continue;
            }
            for s in 0..2 {
                let o = self.partnerships[k].sides[s];
                if self.rng.chance(8) {
                    if let Some(x) = self.random_non_admin(o) {
                        self.set_policy(k, x, Some(Some(Policy::Allowed)), None)
                            .await;
                    }
                }
                if !self.rng.chance(50) {
                    continue;
                }
                let by = self.random_admin(o);
                let value = |rng: &mut Rng| match rng.below(5) {
                    0 => None,
                    1 => Some(None),
                    _ => Some(Some(Policy::random(rng))),
                };
                let inbound = value(&mut self.rng);
                let outbound = value(&mut self.rng).or(Some(Some(Policy::ApprovalRequired)));
                self.set_policy(k, by, inbound, outbound).await;
                if self.rng.chance(15) {
                    // Back to the default.
                    self.set_policy(k, by, Some(None), None).await;
                }
            }
        }
    }

    pub(super) async fn communities_phase(&mut self) {
        let linked: Vec<usize> = (0..self.orgs.len())
            .filter(|&o| (0..self.orgs.len()).any(|p| self.pship_active(o, p)))
            .collect();
        for j in 0..self.rng.range(2, 4) {
            let host = match self.rng.pick(&linked) {
                Some(o) if self.rng.chance(85) => o,
                _ => self.rng.below(self.orgs.len()),
            };
            let people = self.people_of(host);
            let by = self.rng.pick(&people).unwrap();
            let visibility = if self.rng.chance(80) {
                Visibility::Federated
            } else {
                Visibility::HostOnly
            };
            let rule = if self.rng.chance(35) {
                JoinRule::ApprovalRequired
            } else {
                JoinRule::Open
            };
            self.create_community(by, format!("c{j}"), visibility, rule)
                .await;
        }
        if self.rng.chance(30) {
            // A taken slug.
            let c = self.rng.below(self.communities.len());
            let people = self.people_of(self.communities[c].host);
            let by = self.rng.pick(&people).unwrap();
            let slug = self.communities[c].slug.clone();
            self.create_community(by, slug, Visibility::Federated, JoinRule::Open)
                .await;
        }
    }

    pub(super) async fn invitations_phase(&mut self) {
        for c in 0..self.communities.len() {
            if self.communities[c].visibility != Visibility::Federated {
                continue;
            }
            let host = self.communities[c].host;
            let partners: Vec<usize> = (0..self.orgs.len())
                .filter(|&o| o != host && self.pship_active(host, o))
                .collect();
            for o in partners {
                if !self.rng.chance(85) {
                    continue;
                }
                if self.rng.chance(15) {
                    let outsiders: Vec<usize> = self
                        .people_of(host)
                        .into_iter()
                        .filter(|&v| !self.coordinates(v, c))
                        .collect();
                    if let Some(x) = self.rng.pick(&outsiders) {
                        self.invite(c, o, Tier::Participate, x).await;
                    }
                }
                let coordinators = self.host_coordinators(c);
                let by = self.rng.pick(&coordinators).unwrap();
                let tier = if self.rng.chance(40) {
                    Tier::CoHost
                } else {
                    Tier::Participate
                };
                self.invite(c, o, tier, by).await;
                let k = self.participation(c, o).unwrap();
                if self.rng.chance(10) {
                    if let Some(x) = self.random_non_admin(o) {
                        self.participation_act(k, x, "acceptInvitation").await;
                    }
                }
                let admin = self.random_admin(o);
                match self.rng.below(20) {
                    0..=1 => {}
                    2..=12 => {
                        self.participation_act(k, admin, "acceptInvitation").await;
                    }
                    13..=14 => {
                        self.participation_act(k, admin, "declineInvitation").await;
                    }
                    15 => {
                        self.participation_act(k, by, "removeOrganization").await;
                    }
                    16 => {
                        self.participation_act(k, admin, "acceptInvitation").await;
                        self.participation_act(k, admin, "withdrawOrganization")
                            .await;
                    }
                    17 => {
                        self.participation_act(k, admin, "acceptInvitation").await;
                        self.participation_act(k, by, "removeOrganization").await;
                    }
                    _ => {
                        self.participation_act(k, admin, "declineInvitation").await;
                        self.invite(c, o, tier, by).await;
                        self.participation_act(k, admin, "acceptInvitation").await;
                    }
                }
                if self.rng.chance(10) {
                    self.invite(c, o, tier, by).await;
                }
            }
        }
    }

    pub(super) async fn settings_phase(&mut self) {
        for c in 0..self.communities.len() {
            let coordinators = self.host_coordinators(c);
            let by = self.rng.pick(&coordinators).unwrap();
            match self.communities[c].visibility {
                Visibility::Federated if !self.partner_places_open(c) => {
                    if self.rng.chance(40) {
                        self.update_community(c, by, Some(Visibility::HostOnly), None)
                            .await;
                    }
                }
                Visibility::Federated => {
                    if self.rng.chance(25) {
                        self.update_community(c, by, Some(Visibility::HostOnly), None)
                            .await;
                    }
                }
                Visibility::HostOnly => {
                    if self.rng.chance(20) {
                        self.update_community(c, by, Some(Visibility::Federated), None)
                            .await;
                    }
                }
            }
            if self.rng.chance(15) {
                let rule = match self.communities[c].join_rule {
                    JoinRule::Open => JoinRule::ApprovalRequired,
                    JoinRule::ApprovalRequired => JoinRule::Open,
                };
                self.update_community(c, by, None, Some(rule)).await;
            }
        }
    }
}
