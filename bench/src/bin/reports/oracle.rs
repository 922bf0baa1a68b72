//! Expected figures computed from the generated world, not from the service: what
//! `docs/CULTURE.md` says a report counts, over the rows the generator made. A report that
//! disagrees fails the run.

use crate::{
    activity::Knowledge,
    events::Events,
    queries::{figure, Report},
    world::World,
};
use chrono::{DateTime, NaiveDate, Utc};
use entity::enums::{EventKind, EventState};

/// The reported period: `[start, end)`, days `from` to `to` included.
#[derive(Debug, Clone, Copy)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Period {
    pub fn of(world: &World) -> Self {
        Period {
            from: world.start.date_naive(),
            to: (world.end - chrono::Duration::days(1)).date_naive(),
            start: world.start,
            end: world.end,
        }
    }

    fn holds(&self, at: DateTime<Utc>) -> bool {
        self.start <= at && at < self.end
    }

    fn holds_day(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::json!({ "from": self.from.to_string(), "to": self.to.to_string() })
    }
}

/// What a report is asked about.
#[derive(Debug, Clone)]
pub enum Target {
    Community(usize),
    Organization(usize),
    BusinessUnit(usize, String),
}

pub struct Oracle<'a> {
    pub world: &'a World,
    pub knowledge: &'a Knowledge,
    pub events: &'a Events,
    pub period: Period,
}

impl Oracle<'_> {
    /// The figures this oracle knows for `report` about `target`.
    pub fn expected(&self, report: Report, target: &Target) -> Vec<(&'static str, f64)> {
        match (report, target) {
            (Report::CommunityValue, Target::Community(c)) => self.community_value(*c),
            (Report::CommunityRhythm, Target::Community(c)) => self.community_rhythm(*c),
            (Report::OrganizationValue, Target::Organization(o)) => {
                self.applications(|a| self.reported_by(a, *o))
            }
            (Report::BusinessUnitValue, Target::BusinessUnit(o, unit)) => {
                let key = World::unit_key(unit);
                self.applications(|a| {
                    self.reported_by(a, *o)
                        && World::unit_key(&self.knowledge.applications[a].business_unit) == key
                })
            }
            _ => Vec::new(),
        }
    }

    fn community_value(&self, c: usize) -> Vec<(&'static str, f64)> {
        let problems = self.knowledge.problems.iter().filter(|p| p.community == c);
        let posted = problems
            .clone()
            .filter(|p| self.period.holds(p.created_at))
            .count();
        let solved = problems
            .filter(|p| p.solved_at.is_some_and(|s| self.period.holds(s)))
            .count();
        vec![
            ("problemsPosted", posted as f64),
            ("problemsSolved", solved as f64),
        ]
    }

    fn community_rhythm(&self, c: usize) -> Vec<(&'static str, f64)> {
        let held = |kind: EventKind| {
            self.events
                .events
                .iter()
                .filter(|e| {
                    e.community == c
                        && e.kind == kind
                        && e.state == EventState::Scheduled
                        && self.period.holds(e.starts_at)
                })
                .count() as f64
        };
        vec![
            ("familiarCount", held(EventKind::Familiar)),
            ("excitingCount", held(EventKind::Exciting)),
        ]
    }

    /// Whether application `a` is one of organization `o`'s, in a community live for it.
    fn reported_by(&self, a: usize, o: usize) -> bool {
        let application = &self.knowledge.applications[a];
        self.world.people[application.reporter].organization == o
            && self.world.live(o, application.community)
    }

    fn applications(&self, counted: impl Fn(usize) -> bool) -> Vec<(&'static str, f64)> {
        let (mut count, mut centis) = (0usize, 0i64);
        for (a, application) in self.knowledge.applications.iter().enumerate() {
            if self.period.holds_day(application.applied_on) && counted(a) {
                count += 1;
                centis += application.hours_saved_centis.unwrap_or(0);
            }
        }
        vec![
            ("applicationsReported", count as f64),
            ("hoursSaved", centis as f64 / 100.0),
        ]
    }

    /// The figures of `report` (the report object of a response) that differ from the
    /// oracle's.
    pub fn mismatches(
        &self,
        report: Report,
        target: &Target,
        object: &serde_json::Value,
    ) -> Vec<String> {
        self.expected(report, target)
            .into_iter()
            .filter_map(|(name, expected)| match figure(object, name) {
                Some(got) if (got - expected).abs() < 0.005 => None,
                got => Some(format!(
                    "{} of {target:?}: {name} is {got:?}, the generated world has {expected}",
                    report.label()
                )),
            })
            .collect()
    }
}
