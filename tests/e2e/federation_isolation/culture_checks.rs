//! Events, RSVPs, reports, division leaders and calendar feeds as a viewer reads them, against
//! an oracle written from docs/CULTURE.md ("Who sees what", "Reports", "Calendars"):
//!
//! - `nodes` over every event, series and RSVP id: exactly those of communities live for the
//!   viewer non-null, NOT_FOUND at the others; each visible event's state, counts, RSVPs (with
//!   statuses and waitlist positions), the viewer's own RSVP, and `joinUrl` only for ACTIVE
//!   members, coordinators and the operator;
//! - each visible community's `events`, and its value and rhythm reports over a period around
//!   today (figures counted from the model), NOT_FOUND when the community is not live;
//! - each visible organization's value report (its admins and the operator; FORBIDDEN for
//!   others) and business unit reports (also the unit's division leaders), and the viewer's
//!   own division leader grants;
//! - calendar feeds: the person's feed holds exactly the events the page lists, a community
//!   feed is 404 unless the community is live for the feed's person.

use super::culture::{ids_of, rsvp_ids};
use super::knowledge::Poison;
use super::model::{text, Viewer, World};
use super::vocabulary::Visibility;
use chrono::{Duration, Utc};
use serde_json::{json, Value};
use std::collections::BTreeSet;

const NODES: &str = "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Event { state goingCount waitlistCount checkedInCount joinUrl community { id } createdBy { id } viewerRsvp { status waitlistPosition } rsvps(first: 100) { totalCount nodes { id status waitlistPosition person { id } } } } ... on EventSeries { community { id } } ... on EventRsvp { status event { id } person { id } } } }";

/// Where a node id comes from.
#[derive(Clone, Copy)]
enum What {
    Gathering(usize),
    Series(usize),
    Rsvp(usize, usize),
}

fn period() -> Value {
    let today = Utc::now().date_naive();
    json!({
        "from": (today - Duration::days(1)).to_string(),
        "to": (today + Duration::days(3)).to_string(),
    })
}

impl World<'_> {
    /// Whether the viewer reads events of `c` (its RSVPs and reports too): `c` is live.
    pub(super) fn sees_gatherings(&self, viewer: Viewer, c: usize) -> bool {
        let real = self.sees_content(viewer, c);
        match (viewer, self.poison_content) {
            (Viewer::Person(v), Some((w, Poison::Gathering)))
                if v == w && self.gatherings.first().is_some_and(|g| g.community == c) =>
            {
                !real
            }
            _ => real,
        }
    }

    /// Whether `q` is named on an event or RSVP the viewer sees (as its creator or as the
    /// person who answered).
    pub(super) fn sees_as_attendee(&self, viewer: Viewer, q: usize) -> bool {
        self.gatherings.iter().any(|g| {
            (g.creator == q || g.answers.contains_key(&q))
                && self.sees_gatherings(viewer, g.community)
        })
    }

    fn sees_join_url(&self, viewer: Viewer, c: usize) -> bool {
        match viewer {
            Viewer::Operator => true,
            Viewer::Person(v) => self.active_member(v, c) || self.coordinates(v, c),
        }
    }

    /// Whether a community is live for an organization (its people).
    pub(super) fn live_for_org(&self, o: usize, c: usize) -> bool {
        let cc = &self.communities[c];
        cc.host == o
            || (cc.visibility == Visibility::Federated
                && self
                    .participation(c, o)
                    .is_some_and(|k| self.part_status(k).primary == "ACTIVE"))
    }

    fn gathering_fields(&self, viewer: Viewer, g: usize, node: &Value) -> Result<usize, String> {
        let gg = &self.gatherings[g];
        let ctx = format!("{} reading {}", self.name(viewer), self.describe(&gg.id));
        let checked: usize = gg.checked_in.len();
        let want_rsvps: BTreeSet<(String, String, Option<usize>)> = rsvp_ids(gg)
            .map(|(q, _)| {
                (
                    self.people[q].id.clone(),
                    gg.status(q).unwrap_or_default().to_owned(),
                    gg.waitlist_position(q),
                )
            })
            .collect();
        let got_rsvps: BTreeSet<(String, String, Option<usize>)> = node["rsvps"]["nodes"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|r| {
                (
                    text(&r["person"]["id"]),
                    text(&r["status"]),
                    r["waitlistPosition"].as_u64().map(|p| p as usize),
                )
            })
            .collect();
        let own = match viewer {
            Viewer::Person(v) => gg.status(v),
            Viewer::Operator => None,
        };
        let wrong = if node["state"]
            != if gg.cancelled {
                "CANCELLED"
            } else {
                "SCHEDULED"
            } {
            Some("state")
        } else if node["community"]["id"] != self.communities[gg.community].id.as_str()
            || node["createdBy"]["id"] != self.people[gg.creator].id.as_str()
        {
            Some("community or creator")
        } else if node["goingCount"] != gg.going.len()
            || node["waitlistCount"] != gg.waitlist.len()
            || node["checkedInCount"] != checked
        {
            Some("counts")
        } else if node["joinUrl"].is_null() == self.sees_join_url(viewer, gg.community) {
            Some("joinUrl")
        } else if node["viewerRsvp"]["status"].as_str() != own {
            Some("viewerRsvp")
        } else if got_rsvps != want_rsvps || node["rsvps"]["totalCount"] != want_rsvps.len() {
            Some("rsvps")
        } else {
            None
        };
        if let Some(field) = wrong {
            return Err(format!(
                "{ctx}: {field} wrong in {node}; expected going {:?}, waitlist {:?}, {checked} checked in, cancelled {}",
                gg.going.iter().map(|&q| self.who(q)).collect::<Vec<_>>(),
                gg.waitlist.iter().map(|&q| self.who(q)).collect::<Vec<_>>(),
                gg.cancelled
            ));
        }
        for &q in gg.answers.keys().chain([&gg.creator]) {
            if !self.sees_person(viewer, q) || !self.sees_org(viewer, self.people[q].org) {
                return Err(format!(
                    "{ctx}: the oracle hides {} or their organization",
                    self.who(q)
                ));
            }
        }
        Ok(6)
    }

    /// `nodes` over every event, series and RSVP id of the world.
    async fn check_gathering_nodes(&self, viewer: Viewer) -> Result<usize, String> {
        let mut ids: Vec<(String, bool, What)> = Vec::new();
        let mut series = BTreeSet::new();
        for (g, gg) in self.gatherings.iter().enumerate() {
            let visible = self.sees_gatherings(viewer, gg.community);
            ids.push((gg.id.clone(), visible, What::Gathering(g)));
            if let Some(s) = gg.series.as_ref().filter(|s| series.insert((*s).clone())) {
                ids.push((s.clone(), visible, What::Series(g)));
            }
            for (q, id) in rsvp_ids(gg) {
                ids.push((id.clone(), visible, What::Rsvp(g, q)));
            }
        }
        let ctx = format!("{} reading nodes(ids:) of events", self.name(viewer));
        let mut checks = 0;
        for chunk in ids.chunks(100) {
            let list: Vec<&str> = chunk.iter().map(|(id, _, _)| id.as_str()).collect();
            let reply = self
                .app
                .graphql(Some(self.token(viewer)), NODES, json!({ "ids": list }))
                .await;
            let got = reply.data("/nodes").as_array().cloned().unwrap_or_default();
            if got.len() != chunk.len() {
                return Err(format!("{ctx}: {:#}", reply.body));
            }
            let mut hidden = BTreeSet::new();
            for (index, ((id, visible, what), node)) in chunk.iter().zip(&got).enumerate() {
                if *visible == node.is_null() {
                    return Err(format!(
                        "{ctx}: {id} ({}) should be {}",
                        self.describe(id),
                        if *visible { "visible" } else { "NOT_FOUND" }
                    ));
                }
                checks += 1;
                if !*visible {
                    hidden.insert(index);
                    continue;
                }
                match *what {
                    What::Gathering(g) => checks += self.gathering_fields(viewer, g, node)?,
                    What::Series(g) => {
                        let c = self.gatherings[g].community;
                        if node["community"]["id"] != self.communities[c].id.as_str() {
                            return Err(format!("{ctx}: series {id} read as {node}"));
                        }
                    }
                    What::Rsvp(g, q) => {
                        let gg = &self.gatherings[g];
                        if node["event"]["id"] != gg.id.as_str()
                            || node["person"]["id"] != self.people[q].id.as_str()
                            || node["status"].as_str() != gg.status(q)
                        {
                            return Err(format!("{ctx}: RSVP {id} read as {node}"));
                        }
                    }
                }
            }
            let at: BTreeSet<usize> = reply
                .errors()
                .iter()
                .filter(|e| e["extensions"]["code"] == "NOT_FOUND" && e["path"][0] == "nodes")
                .filter_map(|e| e["path"][1].as_u64().map(|i| i as usize))
                .collect();
            if at != hidden || reply.errors().len() != hidden.len() {
                return Err(format!(
                    "{ctx}: NOT_FOUND expected at {hidden:?}, errors {:#}",
                    reply.body["errors"]
                ));
            }
        }
        Ok(checks)
    }

    /// Runs `query` as the viewer; `Ok(data)` without errors, `Err(codes)` otherwise.
    async fn read(&self, viewer: Viewer, query: &str, vars: Value) -> Result<Value, Vec<String>> {
        let reply = self
            .app
            .graphql(Some(self.token(viewer)), query, vars)
            .await;
        let codes = reply.codes();
        if codes.is_empty() && reply.status == reqwest::StatusCode::OK {
            Ok(reply.body["data"].clone())
        } else {
            Err(codes)
        }
    }

    /// Each community the viewer sees: its events, and its value and rhythm reports.
    async fn check_community_culture(&self, viewer: Viewer) -> Result<usize, String> {
        let events = "query($id: ID!) { node(id: $id) { ... on Community { events(first: 100) { totalCount nodes { id } } } } }";
        let reports = "query($id: ID!, $period: PeriodInput!) { node(id: $id) { ... on Community { valueReport(period: $period) { problemsPosted articlesPublished applicationsReported applicationsConfirmed eventsHeld attendances } rhythm(period: $period) { familiarCount excitingCount } } } }";
        let mut checks = 0;
        for c in 0..self.communities.len() {
            if !self.sees_community(viewer, c) {
                continue;
            }
            let id = self.communities[c].id.clone();
            let ctx = format!(
                "{} reading the events and reports of {}",
                self.name(viewer),
                self.describe(&id)
            );
            let live = self.sees_gatherings(viewer, c);
            let visible: BTreeSet<String> = self
                .gatherings
                .iter()
                .filter(|g| g.community == c && live)
                .map(|g| g.id.clone())
                .collect();
            let data = self
                .read(viewer, events, json!({ "id": id }))
                .await
                .map_err(|codes| format!("{ctx}: {codes:?}"))?;
            let got = &data["node"]["events"];
            if ids_of(got) != visible || got["totalCount"] != visible.len() {
                return Err(format!("{ctx}: events {got}, expected {visible:?}"));
            }
            let read = self
                .read(viewer, reports, json!({ "id": id, "period": period() }))
                .await;
            checks += 2;
            if !live {
                // Reports of a community that is not live: NOT_FOUND, and nothing else.
                match read {
                    Err(codes) if !codes.is_empty() && codes.iter().all(|c| c == "NOT_FOUND") => {
                        continue
                    }
                    other => return Err(format!("{ctx}: expected NOT_FOUND, got {other:?}")),
                }
            }
            let data = read.map_err(|codes| format!("{ctx}: {codes:?}"))?;
            let held: Vec<_> = self
                .gatherings
                .iter()
                .filter(|g| g.community == c && !g.cancelled)
                .collect();
            let exciting = held.iter().filter(|g| g.exciting).count();
            let of_c: Vec<usize> = (0..self.applications.len())
                .filter(|&k| self.application_community(k) == c)
                .collect();
            let want = json!({
                "problemsPosted": self.problems.iter().filter(|p| p.community == c).count(),
                "articlesPublished": self.articles.iter().filter(|a| a.community == c && a.state.public()).count(),
                "applicationsReported": of_c.len(),
                "applicationsConfirmed": of_c.iter().map(|&k| self.applications[k].confirmers.len()).sum::<usize>(),
                "eventsHeld": held.len(),
                "attendances": held.iter().map(|g| g.checked_in.len()).sum::<usize>(),
            });
            let rhythm =
                json!({ "familiarCount": held.len() - exciting, "excitingCount": exciting });
            if data["node"]["valueReport"] != want || data["node"]["rhythm"] != rhythm {
                return Err(format!(
                    "{ctx}: value {} rhythm {}, expected {want} {rhythm}",
                    data["node"]["valueReport"], data["node"]["rhythm"]
                ));
            }
        }
        Ok(checks)
    }

    /// Each organization the viewer sees: its value report and two business units' reports
    /// (the first named with other case and spacing: units compare trimmed and caseless).
    async fn check_organization_reports(&self, viewer: Viewer) -> Result<usize, String> {
        let value = "query($slug: String!, $period: PeriodInput!) { organization(slug: $slug) { valueReport(period: $period) { problemsPosted applicationsReported } } }";
        let unit = "query($slug: String!, $unit: String!, $period: PeriodInput!) { organization(slug: $slug) { businessUnitReport(businessUnit: $unit, period: $period) { problemsPosted } } }";
        let mut checks = 0;
        for o in 0..self.orgs.len() {
            if !self.sees_org(viewer, o) {
                continue;
            }
            let slug = self.orgs[o].slug.clone();
            let ctx = format!("{} reading the reports of {slug}", self.name(viewer));
            let (admin, me) = match viewer {
                Viewer::Operator => (true, None),
                Viewer::Person(v) => (
                    self.people[v].admin && self.people[v].org == o,
                    Some(v).filter(|&v| self.people[v].org == o),
                ),
            };
            let expect = |allowed: bool, got: &Result<Value, Vec<String>>| match (allowed, got) {
                (true, Ok(_)) => Ok(()),
                (false, Err(codes)) if codes.iter().all(|c| c == "FORBIDDEN") => Ok(()),
                _ => Err(format!(
                    "{ctx}: {} expected, got {got:?}",
                    if allowed { "a report" } else { "FORBIDDEN" }
                )),
            };
            let got = self
                .read(viewer, value, json!({ "slug": slug, "period": period() }))
                .await;
            expect(admin, &got)?;
            if let Ok(data) = got {
                let posted = self
                    .problems
                    .iter()
                    .filter(|p| self.people[p.author].org == o && self.live_for_org(o, p.community))
                    .count();
                let reported = (0..self.applications.len())
                    .filter(|&k| {
                        self.people[self.applications[k].reporter].org == o
                            && self.live_for_org(o, self.application_community(k))
                    })
                    .count();
                let want = json!({ "problemsPosted": posted, "applicationsReported": reported });
                if data["organization"]["valueReport"] != want {
                    return Err(format!(
                        "{ctx}: value {}, expected {want}",
                        data["organization"]["valueReport"]
                    ));
                }
            }
            for (asked, key) in [("Unit 0 ", "unit 0"), ("unit 1", "unit 1")] {
                let leads =
                    admin || me.is_some_and(|v| self.divisions.contains(&(v, key.to_owned())));
                let got = self
                    .read(
                        viewer,
                        unit,
                        json!({ "slug": slug, "unit": asked, "period": period() }),
                    )
                    .await;
                expect(leads, &got)?;
            }
            checks += 3;
        }
        if let Viewer::Person(v) = viewer {
            let data = self
                .read(
                    viewer,
                    "{ viewer { divisions { businessUnit } } }",
                    json!({}),
                )
                .await
                .map_err(|codes| format!("{}: viewer.divisions {codes:?}", self.who(v)))?;
            let mine: BTreeSet<String> = self
                .divisions
                .iter()
                .filter(|(q, _)| *q == v)
                .map(|(_, unit)| unit.clone())
                .collect();
            let got: BTreeSet<String> = data["viewer"]["divisions"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .iter()
                .map(|d| text(&d["businessUnit"]))
                .collect();
            if got != mine {
                return Err(format!(
                    "{}: viewer.divisions {got:?}, expected {mine:?}",
                    self.who(v)
                ));
            }
            checks += 1;
        }
        Ok(checks)
    }

    /// A person's calendar feeds: their own, and every community's.
    async fn check_feeds(&self, v: usize) -> Result<usize, String> {
        let Some(url) = self.feeds.get(&v) else {
            return Ok(0);
        };
        let viewer = Viewer::Person(v);
        let ctx = format!("{}'s calendar feed", self.who(v));
        let mine: BTreeSet<String> = self
            .gatherings
            .iter()
            .filter(|g| {
                self.sees_gatherings(viewer, g.community)
                    && (self.active_member(v, g.community)
                        || matches!(g.status(v), Some("GOING" | "MAYBE" | "WAITLISTED")))
            })
            .map(|g| g.id.clone())
            .collect();
        let got = self.feed_uids(url).await;
        if got.as_ref() != Some(&mine) {
            return Err(format!("{ctx}: {got:?}, expected {mine:?}"));
        }
        let mut checks = 1;
        let base = url.trim_end_matches(".ics");
        for c in 0..self.communities.len() {
            let url = format!("{base}/communities/{}.ics", self.communities[c].id);
            let want: Option<BTreeSet<String>> = self.sees_gatherings(viewer, c).then(|| {
                self.gatherings
                    .iter()
                    .filter(|g| g.community == c)
                    .map(|g| g.id.clone())
                    .collect()
            });
            let got = self.feed_uids(&url).await;
            if got != want {
                return Err(format!(
                    "{ctx} of {}: {got:?}, expected {want:?}",
                    self.describe(&self.communities[c].id)
                ));
            }
            checks += 1;
        }
        Ok(checks)
    }

    /// The event ids of a feed's UIDs (`<id>@praxis`), or None when it is 404.
    async fn feed_uids(&self, url: &str) -> Option<BTreeSet<String>> {
        let response = self.app.http.get(url).send().await.ok()?;
        if response.status() == reqwest::StatusCode::NOT_FOUND {
            return None;
        }
        let body = response.text().await.unwrap_or_default();
        Some(
            body.lines()
                .filter_map(|l| l.strip_prefix("UID:"))
                .map(|uid| uid.trim().trim_end_matches("@praxis").to_owned())
                .collect(),
        )
    }

    /// Everything of this page a viewer reads; the number of checks made.
    pub(super) async fn check_culture(&self, viewer: Viewer) -> Result<usize, String> {
        let mut checks = self.check_gathering_nodes(viewer).await?;
        checks += self.check_community_culture(viewer).await?;
        checks += self.check_organization_reports(viewer).await?;
        if let Viewer::Person(v) = viewer {
            checks += self.check_feeds(v).await?;
        }
        Ok(checks)
    }
}
