//! Events (single and recurring), RSVPs with a waitlist, check-ins, division leaders and
//! calendar feeds in the model, and how a world's people make them, each outcome predicted
//! from docs/CULTURE.md ("Events", "Attendance", "Business units and division leaders").
//!
//! Events start half an hour after they are created and last an hour, so RSVPs are open and
//! check-ins allowed (from the start minus one hour) while a world is built; a daily series'
//! second occurrence starts a day later. People who were checked in answer no more (the page
//! leaves open what a later answer does to a check-in).

use super::knowledge_oracle::{outcome, STATE};
use super::model::{text, Viewer, World};
use super::vocabulary::{Role, Tier, NOT_FOUND};
use chrono::{Duration, Utc};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

pub(super) struct Gathering {
    pub(super) id: String,
    pub(super) community: usize,
    pub(super) creator: usize,
    pub(super) capacity: Option<usize>,
    pub(super) cancelled: bool,
    pub(super) exciting: bool,
    /// The series it is an occurrence of (an id), if any.
    pub(super) series: Option<String>,
    /// Whether it starts within the hour (check-ins open).
    pub(super) soon: bool,
    pub(super) going: Vec<usize>,
    /// In order: the first is promoted first.
    pub(super) waitlist: Vec<usize>,
    /// Everyone who answered: their RSVP's id and their last answer.
    pub(super) answers: BTreeMap<usize, (String, Answer)>,
    pub(super) checked_in: BTreeSet<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Answer {
    Going,
    Maybe,
    Declined,
}

impl Answer {
    fn gql(self) -> &'static str {
        match self {
            Self::Going => "GOING",
            Self::Maybe => "MAYBE",
            Self::Declined => "DECLINED",
        }
    }
}

impl Gathering {
    /// The status the page gives person `q`'s RSVP (None: no RSVP).
    pub(super) fn status(&self, q: usize) -> Option<&'static str> {
        if self.going.contains(&q) {
            Some("GOING")
        } else if self.waitlist.contains(&q) {
            Some("WAITLISTED")
        } else {
            self.answers.get(&q).map(|(_, a)| a.gql())
        }
    }

    pub(super) fn waitlist_position(&self, q: usize) -> Option<usize> {
        self.waitlist.iter().position(|&w| w == q).map(|p| p + 1)
    }

    /// Promotes from the waitlist while there are free seats.
    fn promote(&mut self) {
        while !self.waitlist.is_empty() && self.capacity.is_none_or(|c| self.going.len() < c) {
            let first = self.waitlist.remove(0);
            self.going.push(first);
        }
    }
}

const EVENT_SEL: &str = "event { id state capacity goingCount waitlistCount community { id } } series { id occurrences(first: 10) { nodes { id } } }";
const RSVP_SEL: &str =
    "rsvp { id status waitlistPosition person { id } } event { id goingCount waitlistCount }";
const FORBIDDEN_CODES: &[&str] = &["FORBIDDEN"];

impl World<'_> {
    /// Hosts of `c`'s events: ACTIVE COORDINATOR members of the host or of an organization
    /// with an ACTIVE CO_HOST participation, and the host's admins.
    pub(super) fn hosts_events(&self, v: usize, c: usize) -> bool {
        let p = &self.people[v];
        let host = self.communities[c].host;
        if p.admin && p.org == host {
            return true;
        }
        let coordinator = self.membership_of(v, c).is_some_and(|m| {
            self.memberships[m].role == Role::Coordinator && self.mem_status(m).primary == "ACTIVE"
        });
        coordinator
            && (p.org == host
                || self.participation(c, p.org).is_some_and(|k| {
                    self.participations[k].tier == Tier::CoHost
                        && self.part_status(k).primary == "ACTIVE"
                }))
    }

    fn event_hosts(&self, c: usize) -> Vec<usize> {
        (0..self.people.len())
            .filter(|&v| self.enabled(v) && self.hosts_events(v, c))
            .collect()
    }

    /// `createEvent` in `c` by `v`: sometimes a daily series of two occurrences.
    async fn create_gathering(&mut self, v: usize, c: usize) {
        let expect = if !self.sees_community(Viewer::Person(v), c) {
            NOT_FOUND
        } else if !self.hosts_events(v, c) {
            super::vocabulary::FORBIDDEN
        } else {
            outcome(&[])
        };
        let capacity = match self.rng.below(100) {
            0..=39 => Some(self.rng.range(1, 3)),
            _ => None,
        };
        let series = self.rng.chance(30);
        let start = Utc::now() + Duration::minutes(30);
        let end = start + Duration::hours(1);
        let kind = if self.rng.chance(70) {
            "FAMILIAR"
        } else {
            "EXCITING"
        };
        let mut input = format!(
            "communityId: \"{}\", title: \"gathering {}\", description: \"\", kind: {kind}, format: ONLINE, joinUrl: \"https://meet.example/{c}\", start: \"{}\", end: \"{}\", timeZone: \"UTC\"",
            self.communities[c].id,
            self.gatherings.len(),
            start.format("%Y-%m-%dT%H:%M"),
            end.format("%Y-%m-%dT%H:%M"),
        );
        if let Some(n) = capacity {
            input.push_str(&format!(", capacity: {n}"));
        }
        if series {
            input.push_str(", recurrence: \"FREQ=DAILY;COUNT=2\"");
        }
        let Some(r) = self
            .run(Some(v), "createEvent", input, EVENT_SEL, expect)
            .await
        else {
            return;
        };
        let first = text(&r["event"]["id"]);
        let mut ids = vec![first.clone()];
        let series_id = series.then(|| text(&r["series"]["id"]));
        if series {
            let occurrences: Vec<String> = r["series"]["occurrences"]["nodes"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .iter()
                .map(|n| text(&n["id"]))
                .collect();
            if occurrences.len() != 2 || occurrences[0] != first {
                self.fail(&format!("createEvent with COUNT=2 returned {r}"));
            }
            ids = occurrences;
        }
        self.same(
            &r["event"]["community"]["id"],
            &self.communities[c].id.clone(),
            "createEvent community",
        );
        for (k, id) in ids.into_iter().enumerate() {
            self.gatherings.push(Gathering {
                id,
                community: c,
                creator: v,
                capacity,
                cancelled: false,
                exciting: kind == "EXCITING",
                series: series_id.clone(),
                soon: k == 0,
                going: Vec::new(),
                waitlist: Vec::new(),
                answers: BTreeMap::new(),
                checked_in: BTreeSet::new(),
            });
        }
    }

    /// `rsvpEvent` of gathering `g` by `v`.
    async fn answer(&mut self, v: usize, g: usize, answer: Answer) {
        let c = self.gatherings[g].community;
        let expect = if !self.sees_content(Viewer::Person(v), c) {
            NOT_FOUND
        } else {
            let mut refusals = Vec::new();
            if !self.active_member(v, c) {
                refusals.push(FORBIDDEN_CODES);
            }
            if self.gatherings[g].cancelled {
                refusals.push(STATE);
            }
            outcome(&refusals)
        };
        let input = format!(
            "eventId: \"{}\", response: {}",
            self.gatherings[g].id,
            answer.gql()
        );
        let Some(r) = self
            .run(Some(v), "rsvpEvent", input, RSVP_SEL, expect)
            .await
        else {
            return;
        };
        let gg = &mut self.gatherings[g];
        let was_listed = gg.going.contains(&v) || gg.waitlist.contains(&v);
        match answer {
            Answer::Going if was_listed => {}
            Answer::Going => {
                if gg.capacity.is_none_or(|n| gg.going.len() < n) {
                    gg.going.push(v);
                } else {
                    gg.waitlist.push(v);
                }
            }
            Answer::Maybe | Answer::Declined => {
                gg.going.retain(|&q| q != v);
                gg.waitlist.retain(|&q| q != v);
                gg.promote();
            }
        }
        gg.answers.insert(v, (text(&r["rsvp"]["id"]), answer));
        let (status, position) = (gg.status(v), gg.waitlist_position(v));
        let (going, waiting) = (gg.going.len(), gg.waitlist.len());
        let got = &r["rsvp"];
        if got["status"].as_str() != status
            || got["waitlistPosition"].as_u64().map(|p| p as usize) != position
            || r["event"]["goingCount"] != going
            || r["event"]["waitlistCount"] != waiting
        {
            self.fail(&format!(
                "rsvpEvent {answer:?}: got {r}, expected {status:?} at {position:?}, {going} going, {waiting} waiting"
            ));
        }
    }

    /// `cancelEvent` of gathering `g` by `v`.
    async fn cancel_gathering(&mut self, v: usize, g: usize) {
        let c = self.gatherings[g].community;
        let expect = if !self.sees_content(Viewer::Person(v), c) {
            NOT_FOUND
        } else if !self.hosts_events(v, c) {
            super::vocabulary::FORBIDDEN
        } else {
            outcome(&[])
        };
        let input = format!(
            "eventId: \"{}\", reason: \"weather\"",
            self.gatherings[g].id
        );
        if let Some(r) = self
            .run(Some(v), "cancelEvent", input, "event { id state }", expect)
            .await
        {
            self.same(&r["event"]["state"], "CANCELLED", "cancelEvent state");
            self.gatherings[g].cancelled = true;
        }
    }

    /// `checkInAttendee` of `q` (GOING) to gathering `g` by `v`.
    async fn check_in(&mut self, v: usize, g: usize, q: usize) {
        let c = self.gatherings[g].community;
        let expect = if !self.sees_content(Viewer::Person(v), c) {
            NOT_FOUND
        } else if !self.hosts_events(v, c) {
            super::vocabulary::FORBIDDEN
        } else {
            outcome(&[])
        };
        let input = format!(
            "eventId: \"{}\", personId: \"{}\"",
            self.gatherings[g].id, self.people[q].id
        );
        if let Some(r) = self
            .run(
                Some(v),
                "checkInAttendee",
                input,
                "rsvp { id status checkedInAt person { id } }",
                expect,
            )
            .await
        {
            if r["rsvp"]["checkedInAt"].is_null() || r["rsvp"]["status"] != "GOING" {
                self.fail(&format!("checkInAttendee returned {r}"));
            }
            self.gatherings[g].checked_in.insert(q);
        }
    }

    /// `grantDivisionLeader` of `unit` to `q` by `v`: admins of `q`'s organization only.
    async fn grant_division(&mut self, v: usize, q: usize, unit: String) {
        let expect = if !self.sees_person(Viewer::Person(v), q) {
            NOT_FOUND
        } else if !(self.people[v].admin && self.people[v].org == self.people[q].org) {
            super::vocabulary::FORBIDDEN
        } else {
            outcome(&[])
        };
        let input = format!(
            "personId: \"{}\", businessUnit: \"{unit}\"",
            self.people[q].id
        );
        if self
            .run(
                Some(v),
                "grantDivisionLeader",
                input,
                "divisionLeader { businessUnit person { id } }",
                expect,
            )
            .await
            .is_some()
        {
            self.divisions.insert((q, unit));
        }
    }

    /// `rotateCalendarFeed` by `v`: the feed URL is kept for the checks.
    async fn rotate_feed(&mut self, v: usize) {
        let reply = self
            .app
            .graphql(
                Some(&self.people[v].token.clone()),
                "mutation { rotateCalendarFeed { personalFeedUrl userErrors { code } } }",
                json!({}),
            )
            .await;
        self.mutations += 1;
        let url = reply.data("/rotateCalendarFeed/personalFeedUrl");
        match url.as_str() {
            Some(url) if reply.errors().is_empty() => {
                self.feeds.insert(v, url.to_owned());
            }
            _ => self.fail(&format!(
                "{}: rotateCalendarFeed {:#}",
                self.who(v),
                reply.body
            )),
        }
    }

    /// One round of culture: events (by hosts, and by people who may not host), answers
    /// (filling events, waitlisting and promoting), cancellations, check-ins, division
    /// leaders granted by admins and by people who may not, calendar feeds.
    pub(super) async fn culture_life(&mut self, after_break: bool) {
        for c in 0..self.communities.len() {
            let tries = if after_break {
                usize::from(self.rng.chance(60))
            } else {
                self.rng.range(1, 2)
            };
            for _ in 0..tries {
                let hosts = self.event_hosts(c);
                let v = match self.rng.below(100) {
                    0..=59 if !hosts.is_empty() => self.rng.pick(&hosts),
                    _ => self.actor_for(c),
                };
                if let Some(v) = v {
                    self.create_gathering(v, c).await;
                }
            }
        }
        for g in 0..self.gatherings.len() {
            let c = self.gatherings[g].community;
            for _ in 0..self.rng.range(1, 4) {
                let Some(v) = self.actor_for(c) else { continue };
                if self.gatherings[g].checked_in.contains(&v) {
                    continue;
                }
                let answer = match self.rng.below(100) {
                    0..=64 => Answer::Going,
                    65..=84 => Answer::Maybe,
                    _ => Answer::Declined,
                };
                self.answer(v, g, answer).await;
            }
        }
        for g in 0..self.gatherings.len() {
            if self.gatherings[g].cancelled || !self.rng.chance(12) {
                continue;
            }
            let c = self.gatherings[g].community;
            let hosts = self.event_hosts(c);
            let v = if self.rng.chance(75) {
                self.rng.pick(&hosts)
            } else {
                self.actor_for(c)
            };
            if let Some(v) = v {
                self.cancel_gathering(v, g).await;
            }
        }
        for g in 0..self.gatherings.len() {
            let gg = &self.gatherings[g];
            if gg.cancelled || !gg.soon {
                continue;
            }
            let c = gg.community;
            let waiting: Vec<usize> = gg
                .going
                .iter()
                .copied()
                .filter(|q| !gg.checked_in.contains(q))
                .collect();
            for q in waiting {
                if !self.rng.chance(50) {
                    continue;
                }
                let hosts = self.event_hosts(c);
                let v = if self.rng.chance(80) {
                    self.rng.pick(&hosts)
                } else {
                    self.actor_for(c)
                };
                if let Some(v) = v {
                    self.check_in(v, g, q).await;
                }
            }
        }
        for o in 0..self.orgs.len() {
            if self.orgs[o].disabled || !self.rng.chance(70) {
                continue;
            }
            let Some(q) = self.rng.pick(&self.people_of(o)) else {
                continue;
            };
            let everyone: Vec<usize> = (0..self.people.len())
                .filter(|&v| self.enabled(v))
                .collect();
            let v = if self.rng.chance(60) {
                self.rng.pick(&self.admins_of(o))
            } else {
                self.rng.pick(&everyone)
            };
            let unit = format!("unit {}", self.rng.below(2));
            if let Some(v) = v.filter(|_| !self.divisions.contains(&(q, unit.clone()))) {
                self.grant_division(v, q, unit).await;
            }
        }
        for v in 0..self.people.len() {
            if self.enabled(v) && !self.feeds.contains_key(&v) && self.rng.chance(40) {
                self.rotate_feed(v).await;
            }
        }
    }
}

/// The RSVP ids of a gathering's answers, for `nodes`.
pub(super) fn rsvp_ids(g: &Gathering) -> impl Iterator<Item = (usize, &String)> {
    g.answers.iter().map(|(&q, (id, _))| (q, id))
}

/// A reply's `nodes` as ids.
pub(super) fn ids_of(conn: &Value) -> BTreeSet<String> {
    conn["nodes"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|n| text(&n["id"]))
        .collect()
}
