//! The audit log of every organization: read, and compared with the events the model
//! recorded.

use super::model::{text, LogEvent, World};
use super::vocabulary::{
    COMMUNITY_ACTIONS, COUNTED_ACTIONS, MEMBER_ACTIONS, PARTICIPATION_ACTIONS, PARTNERSHIP_ACTIONS,
};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

impl World<'_> {
    pub(super) async fn fetch_log(
        &self,
        token: &str,
        slug: &str,
    ) -> Result<Option<Vec<LogEvent>>, String> {
        let query = "query($slug: String!, $after: String) { organization(slug: $slug) { auditEvents(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id action targetId organization { id } otherOrganization { id } actor { id } actorOrganization { id } community { id } } } } }";
        let mut after = Value::Null;
        let mut out = Vec::new();
        loop {
            let reply = self
                .app
                .graphql(Some(token), query, json!({ "slug": slug, "after": after }))
                .await;
            if out.is_empty() && reply.codes() == ["FORBIDDEN"] {
                return Ok(None);
            }
            if !reply.errors().is_empty() {
                return Err(format!("reading the audit log of {slug}: {:#}", reply.body));
            }
            let conn = reply.data("/organization/auditEvents");
            for n in conn["nodes"].as_array().cloned().unwrap_or_default() {
                out.push(LogEvent {
                    id: text(&n["id"]),
                    action: text(&n["action"]),
                    target: n["targetId"].as_str().map(str::to_owned),
                    org: n["organization"]["id"].as_str().map(str::to_owned),
                    other: n["otherOrganization"]["id"].as_str().map(str::to_owned),
                    actor: n["actor"]["id"].as_str().map(str::to_owned),
                    actor_org: n["actorOrganization"]["id"].as_str().map(str::to_owned),
                    community: n["community"]["id"].as_str().map(str::to_owned),
                });
            }
            if conn["totalCount"] != out.len() && conn["pageInfo"]["hasNextPage"] != true {
                return Err(format!(
                    "audit log of {slug}: totalCount {} but {} events listed",
                    conn["totalCount"],
                    out.len()
                ));
            }
            if conn["pageInfo"]["hasNextPage"] != true {
                return Ok(Some(out));
            }
            after = conn["pageInfo"]["endCursor"].clone();
        }
    }

    /// Each organization's log, read by the operator (who sees every reference in it), or
    /// by one of its admins if the operator may not (the page does not say).
    pub(super) async fn fetch_logs(
        &self,
    ) -> Result<(BTreeMap<usize, Vec<LogEvent>>, usize), String> {
        let mut logs = BTreeMap::new();
        let mut checks = 0;
        for o in 0..self.orgs.len() {
            let slug = &self.orgs[o].slug;
            let mut log = self.fetch_log(&self.operator, slug).await.ok().flatten();
            if log.is_none() && !self.orgs[o].disabled {
                let admin = &self.people[self.admins_of(o)[0]];
                log = self.fetch_log(&admin.token, slug).await?;
            }
            match log {
                Some(log) => {
                    logs.insert(o, log);
                    checks += 1;
                }
                None if self.orgs[o].disabled => {}
                None => {
                    return Err(format!(
                        "an admin of {} may not read its audit log",
                        self.orgs[o].slug
                    ))
                }
            }
        }
        Ok((logs, checks))
    }

    pub(super) fn check_logs(
        &self,
        logs: &BTreeMap<usize, Vec<LogEvent>>,
    ) -> Result<usize, String> {
        let exact: Vec<&str> = PARTNERSHIP_ACTIONS
            .iter()
            .chain(&PARTICIPATION_ACTIONS)
            .chain(&COMMUNITY_ACTIONS)
            .copied()
            .collect();
        let mut checks = 0;
        for (&o, log) in logs {
            let slug = &self.orgs[o].slug;
            let oid = &self.orgs[o].id;
            // Ids a membership event of this organization may target.
            let mut related: BTreeSet<&str> = BTreeSet::new();
            for mm in &self.memberships {
                if self.communities[mm.community].host == o || self.people[mm.person].org == o {
                    related.insert(mm.id.as_str());
                    related.extend(mm.approvals.iter().map(|&a| self.approvals[a].id.as_str()));
                    related.insert(self.people[mm.person].id.as_str());
                }
            }
            for e in log {
                if e.org.as_ref() != Some(oid) && e.other.as_ref() != Some(oid) {
                    return Err(format!(
                        "audit log of {slug}: event {} {} does not concern {slug}",
                        e.action, e.id
                    ));
                }
                let action = e.action.as_str();
                if MEMBER_ACTIONS.contains(&action) {
                    let target = e.target.as_deref().unwrap_or("null");
                    if !related.contains(target) {
                        return Err(format!(
                            "audit log of {slug}: {action} targets {}, which does not concern {slug}",
                            self.describe(target)
                        ));
                    }
                } else if !exact.contains(&action) && !COUNTED_ACTIONS.contains(&action) {
                    return Err(format!("audit log of {slug}: unknown action {action}"));
                }
                checks += 1;
            }
            let mut want: BTreeMap<(&str, String), usize> = BTreeMap::new();
            for ev in &self.events {
                if exact.contains(&ev.action) && ev.orgs.contains(&o) {
                    *want.entry((ev.action, ev.target.clone())).or_default() += 1;
                }
            }
            let mut got: BTreeMap<(&str, String), usize> = BTreeMap::new();
            for e in log {
                if exact.contains(&e.action.as_str()) {
                    let target = e.target.clone().unwrap_or_default();
                    *got.entry((e.action.as_str(), target)).or_default() += 1;
                }
            }
            if want != got {
                let show = |m: &BTreeMap<(&str, String), usize>,
                            other: &BTreeMap<(&str, String), usize>| {
                    m.iter()
                        .filter(|(k, n)| other.get(*k) != Some(n))
                        .map(|((a, t), n)| format!("{a} {} x{n}", self.describe(t)))
                        .collect::<Vec<_>>()
                };
                return Err(format!(
                    "audit log of {slug}: expected but not found {:?}; found but not expected {:?}",
                    show(&want, &got),
                    show(&got, &want)
                ));
            }
            for action in COUNTED_ACTIONS {
                let want = self
                    .events
                    .iter()
                    .filter(|e| e.action == action && e.orgs.contains(&o))
                    .count();
                let got = log.iter().filter(|e| e.action == action).count();
                if want != got {
                    return Err(format!(
                        "audit log of {slug}: {got} {action} events, {want} expected"
                    ));
                }
            }
            checks += 1;
        }
        // Every membership change is in the log of its host or of the member's organization.
        for &(action, m) in &self.member_events {
            let mm = &self.memberships[m];
            let host = self.communities[mm.community].host;
            let org = self.people[mm.person].org;
            let pool: Vec<&LogEvent> = [logs.get(&host), logs.get(&org)]
                .into_iter()
                .flatten()
                .flatten()
                .collect();
            if pool.is_empty() {
                continue;
            }
            let mut targets: BTreeSet<&str> = mm
                .approvals
                .iter()
                .map(|&a| self.approvals[a].id.as_str())
                .collect();
            targets.insert(mm.id.as_str());
            targets.insert(self.people[mm.person].id.as_str());
            if !pool.iter().any(|e| {
                e.action == action && e.target.as_deref().is_some_and(|t| targets.contains(t))
            }) {
                return Err(format!(
                    "no {action} event for the {} in the logs of {} or {}",
                    self.describe(&mm.id),
                    self.orgs[host].slug,
                    self.orgs[org].slug
                ));
            }
            checks += 1;
        }
        Ok(checks)
    }
}
