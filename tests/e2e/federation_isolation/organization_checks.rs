//! Every organization with its people and hosted communities, the admin views of one's own
//! organization, and FORBIDDEN for the admin-only views elsewhere.

use super::checks::Expected;
use super::model::{LogEvent, Viewer, World};
use super::vocabulary::{St, Tier};
use serde_json::json;
use std::collections::BTreeMap;
use std::fmt::Write as _;

impl World<'_> {
    pub(super) async fn check_orgs(
        &self,
        viewer: Viewer,
        logs: &BTreeMap<usize, Vec<LogEvent>>,
    ) -> Result<usize, String> {
        let me = match viewer {
            Viewer::Person(v) => Some(&self.people[v]),
            Viewer::Operator => None,
        };
        let mut query = String::from("{");
        for (k, o) in self.orgs.iter().enumerate() {
            let _ = write!(
                query,
                " o{k}: organization(slug: \"{}\") {{ id people(first: 100) {{ totalCount nodes {{ id }} }} hostedCommunities(first: 100) {{ totalCount nodes {{ id }} }} }}",
                o.slug
            );
            if me.is_none() {
                let _ = write!(
                    query,
                    " p{k}: organization(slug: \"{}\") {{ partnerships(first: 100) {{ totalCount nodes {{ id status }} }} }}",
                    o.slug
                );
            }
        }
        if let Some(me) = me.filter(|p| p.admin) {
            let _ = write!(
                query,
                " mine: organization(slug: \"{}\") {{ partnerPolicyDefaults {{ inbound outbound }} partnerships(first: 100) {{ totalCount nodes {{ id status inboundPolicy outboundPolicy }} }} incoming: invitations(direction: INCOMING, first: 100) {{ totalCount nodes {{ id status tier }} }} outgoing: invitations(direction: OUTGOING, first: 100) {{ totalCount nodes {{ id status tier }} }} externalMemberships(first: 100) {{ totalCount nodes {{ id status role }} }} auditEvents(first: 1) {{ totalCount }} }}",
                self.orgs[me.org].slug
            );
        }
        query.push('}');
        let ctx = format!("{} reading organizations", self.name(viewer));
        let reply = self
            .app
            .graphql(Some(self.token(viewer)), &query, json!({}))
            .await;
        let missing = Self::not_found_aliases(&ctx, &reply)?;
        let mut checks = 0;
        for (k, o) in self.orgs.iter().enumerate() {
            let alias = format!("o{k}");
            let visible = self.sees_org(viewer, k);
            if visible == missing.contains(&alias) {
                return Err(format!(
                    "{ctx}: organization {} should be {}",
                    o.slug,
                    if visible { "visible" } else { "NOT_FOUND" }
                ));
            }
            if visible {
                if reply.data(&format!("/{alias}/id")) != o.id.as_str() {
                    return Err(format!("{ctx}: {:#}", reply.body));
                }
                let people: Expected = (0..self.people.len())
                    .filter(|&q| self.people[q].org == k && self.sees_person(viewer, q))
                    .map(|q| (self.people[q].id.clone(), vec![]))
                    .collect();
                self.compare(
                    &format!("{ctx}: people of {}", o.slug),
                    reply.data(&format!("/{alias}/people")),
                    &people,
                )?;
                let hosted: Expected = (0..self.communities.len())
                    .filter(|&c| self.communities[c].host == k && self.sees_community(viewer, c))
                    .map(|c| (self.communities[c].id.clone(), vec![]))
                    .collect();
                self.compare(
                    &format!("{ctx}: hostedCommunities of {}", o.slug),
                    reply.data(&format!("/{alias}/hostedCommunities")),
                    &hosted,
                )?;
                checks += 2;
            }
            checks += 1;
            if me.is_none() {
                let expected: Expected = (0..self.partnerships.len())
                    .filter(|&p| self.partnerships[p].sides.contains(&k))
                    .map(|p| {
                        let pp = &self.partnerships[p];
                        (pp.id.clone(), vec![("status", St::is(pp.status.gql()))])
                    })
                    .collect();
                self.compare(
                    &format!("{ctx}: partnerships of {}", o.slug),
                    reply.data(&format!("/p{k}/partnerships")),
                    &expected,
                )?;
                checks += 1;
            }
        }
        if missing.len()
            != (0..self.orgs.len())
                .filter(|&o| !self.sees_org(viewer, o))
                .count()
        {
            return Err(format!("{ctx}: unexpected errors {:#}", reply.body));
        }
        let Some(me) = me else {
            return Ok(checks);
        };
        let o = me.org;
        if me.admin {
            let mine = reply.data("/mine");
            let defaults = &mine["partnerPolicyDefaults"];
            if defaults["inbound"] != self.orgs[o].default_in.gql()
                || defaults["outbound"] != self.orgs[o].default_out.gql()
            {
                return Err(format!("{ctx}: partnerPolicyDefaults {defaults}"));
            }
            let partnerships: Expected = (0..self.partnerships.len())
                .filter(|&k| self.partnerships[k].sides.contains(&o))
                .map(|k| {
                    let p = &self.partnerships[k];
                    let mut fields = vec![("status", St::is(p.status.gql()))];
                    if !p.policy_unknown {
                        let partner = p.sides[self.side(k, o) ^ 1];
                        fields.push(("inboundPolicy", St::is(self.policy(o, partner, true).gql())));
                        fields.push((
                            "outboundPolicy",
                            St::is(self.policy(o, partner, false).gql()),
                        ));
                    }
                    (p.id.clone(), fields)
                })
                .collect();
            self.compare(
                &format!("{ctx}: own partnerships"),
                &mine["partnerships"],
                &partnerships,
            )?;
            let incoming: Expected = (0..self.participations.len())
                .filter(|&k| {
                    self.participations[k].org == o
                        && self.participations[k].tier != Tier::Host
                        && self.sees_participation(viewer, k)
                })
                .map(|k| {
                    (
                        self.participations[k].id.clone(),
                        self.participation_fields(k),
                    )
                })
                .collect();
            self.compare(
                &format!("{ctx}: invitations INCOMING"),
                &mine["incoming"],
                &incoming,
            )?;
            let outgoing: Expected = (0..self.participations.len())
                .filter(|&k| {
                    let p = &self.participations[k];
                    p.org != o
                        && self.communities[p.community].host == o
                        && self.sees_participation(viewer, k)
                })
                .map(|k| {
                    (
                        self.participations[k].id.clone(),
                        self.participation_fields(k),
                    )
                })
                .collect();
            self.compare(
                &format!("{ctx}: invitations OUTGOING"),
                &mine["outgoing"],
                &outgoing,
            )?;
            let external: Expected = (0..self.memberships.len())
                .filter(|&m| {
                    let mm = &self.memberships[m];
                    self.people[mm.person].org == o
                        && self.communities[mm.community].host != o
                        && self.sees_membership(viewer, m)
                })
                .map(|m| (self.memberships[m].id.clone(), self.membership_fields(m)))
                .collect();
            self.compare(
                &format!("{ctx}: externalMemberships"),
                &mine["externalMemberships"],
                &external,
            )?;
            if let Some(log) = logs.get(&o) {
                if mine["auditEvents"]["totalCount"] != log.len() {
                    return Err(format!(
                        "{ctx}: auditEvents totalCount {} but the log holds {}",
                        mine["auditEvents"]["totalCount"],
                        log.len()
                    ));
                }
            }
            checks += 6;
        }
        // Admin-only views: FORBIDDEN to non-admins, and to admins of another organization.
        let target = if me.admin {
            (0..self.orgs.len()).find(|&k| k != o && self.sees_org(viewer, k))
        } else {
            Some(o)
        };
        if let Some(t) = target {
            let slug = &self.orgs[t].slug;
            let query = format!(
                "{{ a: organization(slug: \"{slug}\") {{ partnerships(first: 1) {{ totalCount }} }} b: organization(slug: \"{slug}\") {{ invitations(direction: INCOMING, first: 1) {{ totalCount }} }} c: organization(slug: \"{slug}\") {{ externalMemberships(first: 1) {{ totalCount }} }} d: organization(slug: \"{slug}\") {{ auditEvents(first: 1) {{ totalCount }} }} e: organization(slug: \"{slug}\") {{ partnerPolicyDefaults {{ inbound }} }} }}"
            );
            let reply = self
                .app
                .graphql(Some(self.token(viewer)), &query, json!({}))
                .await;
            let codes = reply.codes();
            if codes.len() != 5 || codes.iter().any(|c| c != "FORBIDDEN") {
                return Err(format!(
                    "{} reading admin-only views of {slug}: expected 5 FORBIDDEN, got {:#}",
                    self.name(viewer),
                    reply.body
                ));
            }
            checks += 1;
        }
        Ok(checks)
    }
}
