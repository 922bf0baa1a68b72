//! Comparing what viewers read with the oracle: the viewers, the comparison of a connection,
//! and the lists of a person.

use super::model::{text, LogEvent, Obj, Seen, Viewer, World};
use super::vocabulary::St;
use crate::common::*;
use futures_util::StreamExt;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

pub(super) type Expected = BTreeMap<String, Vec<(&'static str, St)>>;

impl World<'_> {
    /// Compares what viewers read with the oracle: every person (or, unless `everyone`, the
    /// first admin and the first other person of each organization) and the operator.
    /// Returns how many viewers, checks and (among the checks) searches.
    pub(super) async fn check(&self, everyone: bool) -> Result<(usize, usize, usize), String> {
        let (logs, mut checks) = self.fetch_logs().await?;
        checks += self.check_logs(&logs)?;
        // Every audit event seen, with the organizations whose log holds it.
        let org_index = |id: &Option<String>| {
            id.as_ref()
                .and_then(|id| self.orgs.iter().position(|x| &x.id == id))
        };
        let mut seen: BTreeMap<String, Seen> = BTreeMap::new();
        for (&o, log) in &logs {
            for e in log {
                let entry = seen.entry(e.id.clone()).or_insert_with(|| {
                    let mut refs = Vec::new();
                    if let Some(a) = e.actor.as_ref() {
                        let p = self.people.iter().position(|p| &p.id == a);
                        refs.push(("actor", Obj::Person(p.unwrap_or(usize::MAX))));
                    }
                    for (field, id) in [
                        ("actorOrganization", &e.actor_org),
                        ("organization", &e.org),
                        ("otherOrganization", &e.other),
                    ] {
                        if id.is_some() {
                            refs.push((field, Obj::Org(org_index(id).unwrap_or(usize::MAX))));
                        }
                    }
                    if let Some(c) = e.community.as_ref() {
                        let c = self.communities.iter().position(|x| &x.id == c);
                        refs.push(("community", Obj::Community(c.unwrap_or(usize::MAX))));
                    }
                    Seen {
                        id: e.id.clone(),
                        orgs: BTreeSet::new(),
                        refs,
                    }
                });
                entry.orgs.insert(o);
                entry.orgs.extend(org_index(&e.org));
                entry.orgs.extend(org_index(&e.other));
            }
        }
        let seen: Vec<Seen> = seen.into_values().collect();
        if let Some(e) = seen
            .iter()
            .find(|e| e.refs.iter().any(|(_, obj)| self.object_id(*obj).is_none()))
        {
            return Err(format!("audit event {} refers to an unknown object", e.id));
        }
        let mut ids: Vec<(String, Obj)> = Vec::new();
        ids.extend(
            self.orgs
                .iter()
                .enumerate()
                .map(|(k, x)| (x.id.clone(), Obj::Org(k))),
        );
        ids.extend(
            self.people
                .iter()
                .enumerate()
                .map(|(k, x)| (x.id.clone(), Obj::Person(k))),
        );
        ids.extend(
            self.partnerships
                .iter()
                .enumerate()
                .map(|(k, x)| (x.id.clone(), Obj::Partnership(k))),
        );
        ids.extend(
            self.communities
                .iter()
                .enumerate()
                .map(|(k, x)| (x.id.clone(), Obj::Community(k))),
        );
        ids.extend(
            self.participations
                .iter()
                .enumerate()
                .map(|(k, x)| (x.id.clone(), Obj::Participation(k))),
        );
        ids.extend(
            self.memberships
                .iter()
                .enumerate()
                .map(|(k, x)| (x.id.clone(), Obj::Membership(k))),
        );
        ids.extend(
            self.approvals
                .iter()
                .enumerate()
                .map(|(k, x)| (x.id.clone(), Obj::Approval(k))),
        );
        ids.extend(
            seen.iter()
                .enumerate()
                .map(|(k, x)| (x.id.clone(), Obj::Event(k))),
        );

        // Viewers are checked a few at a time (reads only).
        let sample = |v: usize| {
            let p = &self.people[v];
            everyone
                || (0..v).all(|w| self.people[w].org != p.org || self.people[w].admin != p.admin)
        };
        let viewers: Vec<Viewer> = (0..self.people.len())
            .filter(|&v| sample(v))
            .map(Viewer::Person)
            .chain([Viewer::Operator])
            .collect();
        let results: Vec<Result<(usize, usize), String>> =
            futures_util::stream::iter(viewers.iter())
                .map(|&viewer| self.check_one(viewer, &ids, &seen, &logs))
                .buffered(4)
                .collect()
                .await;
        let mut searches = 0;
        for result in results {
            let (c, s) = result?;
            checks += c + s;
            searches += s;
        }
        checks += self.check_realtime().await?;
        let viewers = viewers.len();
        Ok((viewers, checks, searches))
    }

    pub(super) async fn check_one(
        &self,
        viewer: Viewer,
        ids: &[(String, Obj)],
        seen: &[Seen],
        logs: &BTreeMap<usize, Vec<LogEvent>>,
    ) -> Result<(usize, usize), String> {
        match viewer {
            Viewer::Person(v) if !self.enabled(v) => {
                // A disabled organization's people are refused.
                let reply = self
                    .app
                    .graphql(
                        Some(&self.people[v].token),
                        "{ viewer { person { id } } }",
                        json!({}),
                    )
                    .await;
                if reply.status != reqwest::StatusCode::UNAUTHORIZED
                    || reply.codes() != ["UNAUTHENTICATED"]
                {
                    return Err(format!(
                        "{} of a disabled organization: {:#}",
                        self.who(v),
                        reply.body
                    ));
                }
                Ok((1, 0))
            }
            _ => self.check_viewer(viewer, ids, seen, logs).await,
        }
    }

    pub(super) fn token(&self, viewer: Viewer) -> &str {
        match viewer {
            Viewer::Operator => &self.operator,
            Viewer::Person(v) => &self.people[v].token,
        }
    }

    pub(super) fn name(&self, viewer: Viewer) -> String {
        match viewer {
            Viewer::Operator => "operator".to_owned(),
            Viewer::Person(v) => self.who(v),
        }
    }

    /// Compares a connection (`totalCount`, `nodes`) with the expected ids and fields.
    pub(super) fn compare(
        &self,
        ctx: &str,
        conn: &Value,
        expected: &Expected,
    ) -> Result<(), String> {
        let Some(nodes) = conn["nodes"].as_array() else {
            return Err(format!("{ctx}: no connection in {conn}"));
        };
        let mut seen = BTreeSet::new();
        for node in nodes {
            let id = text(&node["id"]);
            let Some(fields) = expected.get(&id) else {
                return Err(format!("{ctx}: unexpected {}", self.describe(&id)));
            };
            for (field, st) in fields {
                let got = node[*field].as_str().unwrap_or("null");
                if !st.allows(got) {
                    return Err(format!(
                        "{ctx}: {} has {field} {got}, expected {st}",
                        self.describe(&id)
                    ));
                }
            }
            if !seen.insert(id.clone()) {
                return Err(format!("{ctx}: {} listed twice", self.describe(&id)));
            }
        }
        if let Some(missing) = expected.keys().find(|id| !seen.contains(*id)) {
            return Err(format!("{ctx}: {} is missing", self.describe(missing)));
        }
        if conn["totalCount"] != expected.len() {
            return Err(format!(
                "{ctx}: totalCount {} but {} expected",
                conn["totalCount"],
                expected.len()
            ));
        }
        Ok(())
    }

    /// The aliases that failed with NOT_FOUND; any other error is a failure.
    pub(super) fn not_found_aliases(ctx: &str, reply: &Reply) -> Result<BTreeSet<String>, String> {
        let mut out = BTreeSet::new();
        for error in reply.errors() {
            let code = error["extensions"]["code"].as_str().unwrap_or("<none>");
            let alias = error["path"][0].as_str().unwrap_or("<none>").to_owned();
            if code != "NOT_FOUND" || error["path"].as_array().map(Vec::len) != Some(1) {
                return Err(format!("{ctx}: unexpected error {error}"));
            }
            out.insert(alias);
        }
        Ok(out)
    }

    pub(super) async fn check_viewer(
        &self,
        viewer: Viewer,
        ids: &[(String, Obj)],
        seen: &[Seen],
        logs: &BTreeMap<usize, Vec<LogEvent>>,
    ) -> Result<(usize, usize), String> {
        let mut checks = 0;
        if let Viewer::Person(v) = viewer {
            checks += self.check_lists(v).await?;
        }
        checks += self.check_communities(viewer).await?;
        checks += self.check_orgs(viewer, logs).await?;
        checks += self.check_nodes(viewer, ids, seen).await?;
        checks += self.check_knowledge(viewer).await?;
        checks += self.check_culture(viewer).await?;
        let searches = self.check_search(viewer).await?;
        Ok((checks, searches))
    }

    pub(super) fn membership_fields(&self, m: usize) -> Vec<(&'static str, St)> {
        vec![
            ("status", self.mem_status(m)),
            ("role", St::is(self.memberships[m].role.gql())),
        ]
    }

    pub(super) fn participation_fields(&self, k: usize) -> Vec<(&'static str, St)> {
        vec![
            ("status", self.part_status(k)),
            ("tier", St::is(self.participations[k].tier.gql())),
        ]
    }

    pub(super) async fn check_lists(&self, v: usize) -> Result<usize, String> {
        let viewer = Viewer::Person(v);
        let query = "{ organizations(first: 100) { totalCount nodes { id } } communities(first: 100) { totalCount nodes { id } } viewer { memberships(first: 100) { totalCount nodes { id status role } } pendingApprovals(first: 100) { totalCount nodes { id } } } }";
        let ctx = format!("{} reading {query}", self.who(v));
        let reply = self
            .app
            .graphql(Some(self.token(viewer)), query, json!({}))
            .await;
        if reply.status != reqwest::StatusCode::OK || !reply.errors().is_empty() {
            return Err(format!("{ctx}: {:#}", reply.body));
        }
        let communities: Expected = (0..self.communities.len())
            .filter(|&c| self.sees_community(viewer, c))
            .map(|c| (self.communities[c].id.clone(), vec![]))
            .collect();
        self.compare(
            &format!("{ctx}: communities"),
            reply.data("/communities"),
            &communities,
        )?;
        let organizations: Expected = (0..self.orgs.len())
            .filter(|&o| self.sees_org(viewer, o))
            .map(|o| (self.orgs[o].id.clone(), vec![]))
            .collect();
        self.compare(
            &format!("{ctx}: organizations"),
            reply.data("/organizations"),
            &organizations,
        )?;
        let memberships: Expected = (0..self.memberships.len())
            .filter(|&m| {
                self.memberships[m].person == v
                    && self.sees_community(viewer, self.memberships[m].community)
            })
            .map(|m| (self.memberships[m].id.clone(), self.membership_fields(m)))
            .collect();
        self.compare(
            &format!("{ctx}: viewer.memberships"),
            reply.data("/viewer/memberships"),
            &memberships,
        )?;
        let pending: Expected = (0..self.approvals.len())
            .filter(|&a| self.may_decide(v, a))
            .map(|a| (self.approvals[a].id.clone(), vec![]))
            .collect();
        self.compare(
            &format!("{ctx}: viewer.pendingApprovals"),
            reply.data("/viewer/pendingApprovals"),
            &pending,
        )?;
        Ok(4)
    }
}
