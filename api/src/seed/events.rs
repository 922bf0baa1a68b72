//! Events in every community over a span of days: most keep a weekly or monthly FAMILIAR
//! series (computed in the series' time zone, as the service materializes occurrences; a few
//! cancelled or moved), the others meet irregularly; EXCITING events now and then. RSVPs answer each event
//! (a waitlist where a capacity is full), and ended events have their check-ins.

use super::generate::uuid_at;
use super::{
    knowledge::{around, between, member_at},
    world::World,
};
use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use entity::enums::{EventFormat, EventKind, EventState, RsvpStatus};
use rand::{rngs::StdRng, Rng};
use uuid::Uuid;

const TIME_ZONES: &[&str] = &[
    "Europe/Berlin",
    "Europe/Paris",
    "Europe/London",
    "America/New_York",
    "America/Chicago",
    "Asia/Tokyo",
];

pub struct Series {
    pub id: Uuid,
    pub community: usize,
    pub host_organization: usize,
    pub creator: usize,
    pub rule: String,
    pub title: String,
    pub time_zone: &'static str,
    pub local_start: String,
    pub duration: Duration,
    pub format: EventFormat,
    pub occurrences: usize,
    pub last_start: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
}

pub struct Rsvp {
    pub id: Uuid,
    pub person: usize,
    pub status: RsvpStatus,
    pub responded_at: DateTime<Utc>,
    pub waitlisted_at: Option<DateTime<Utc>>,
    pub checked_in_at: Option<DateTime<Utc>>,
}

pub struct Event {
    pub id: Uuid,
    pub community: usize,
    pub series: Option<usize>,
    pub host_organization: usize,
    pub creator: usize,
    pub title: String,
    pub kind: EventKind,
    pub format: EventFormat,
    pub time_zone: &'static str,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub original_starts_at: Option<DateTime<Utc>>,
    pub moved: bool,
    pub state: EventState,
    pub capacity: Option<i32>,
    pub created_at: DateTime<Utc>,
    pub rsvps: Vec<Rsvp>,
}

impl Event {
    pub fn count(&self, status: RsvpStatus) -> i32 {
        self.rsvps.iter().filter(|r| r.status == status).count() as i32
    }

    pub fn checked_in(&self) -> i32 {
        self.rsvps
            .iter()
            .filter(|r| r.checked_in_at.is_some())
            .count() as i32
    }
}

#[derive(Default)]
pub struct Events {
    pub series: Vec<Series>,
    pub events: Vec<Event>,
}

/// The instant of a local date and time in `tz`; the earlier one when a DST change repeats
/// it, the next hour when it skips it.
fn instant(tz: Tz, day: NaiveDate, hour: u32) -> Option<DateTime<Utc>> {
    let local = day.and_hms_opt(hour, 0, 0)?;
    tz.from_local_datetime(&local)
        .earliest()
        .or_else(|| {
            tz.from_local_datetime(&(local + Duration::hours(1)))
                .earliest()
        })
        .map(|t| t.with_timezone(&Utc))
}

fn format_of(rng: &mut StdRng) -> EventFormat {
    match rng.random_range(0..10) {
        0..=5 => EventFormat::Online,
        6..=7 => EventFormat::InPerson,
        _ => EventFormat::Hybrid,
    }
}

/// The days events fall on, and how communities meet.
pub struct Calendar {
    /// The first events start after this (or after the community was created).
    pub since: DateTime<Utc>,
    /// The last ones start before this; events ending by `world.end` have their check-ins.
    pub until: DateTime<Utc>,
    /// Of the communities with a series, the share meeting weekly (the others monthly).
    pub weekly_share: f64,
}

/// Local dates of a weekly series from `first` up to one occurrence at or past `until`.
fn weekly_days(first: NaiveDate, tz: Tz, hour: u32, until: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    let mut starts = Vec::new();
    let mut day = first;
    while let Some(start) = instant(tz, day, hour) {
        starts.push(start);
        if start >= until {
            break;
        }
        day += Duration::days(7);
    }
    starts
}

impl Events {
    pub fn generate(rng: &mut StdRng, world: &World, calendar: &Calendar) -> Self {
        let mut events = Events::default();
        for c in 0..world.communities.len() {
            events.add_community(rng, world, calendar, c);
        }
        events
    }

    /// The person who creates the community's events (a coordinator of the host, else its
    /// admin) and the organization hosting them.
    fn host_of(world: &World, c: usize) -> (usize, usize) {
        let community = &world.communities[c];
        let coordinator = community.members.iter().find(|m| {
            m.role == entity::enums::MemberRole::Coordinator
                && m.left_at.is_none()
                && world.people[m.person].organization == community.host
        });
        match coordinator {
            Some(m) => (m.person, community.host),
            None => (
                world.organizations[community.host].people[0],
                community.host,
            ),
        }
    }

    fn add_community(&mut self, rng: &mut StdRng, world: &World, calendar: &Calendar, c: usize) {
        let community = &world.communities[c];
        let (creator, host) = Self::host_of(world, c);
        let tz_name = TIME_ZONES[rng.random_range(0..TIME_ZONES.len())];
        let tz: Tz = tz_name.parse().unwrap_or(Tz::UTC);
        let from = community.created_at.max(calendar.since);
        let hour = rng.random_range(8..17);
        let duration = Duration::minutes([60, 60, 90][rng.random_range(0..3)]);
        if rng.random_bool(0.8) {
            let series = self.series.len();
            let first_day = from.date_naive() + Duration::days(1);
            let (starts, rule, title) = if rng.random_bool(calendar.weekly_share) {
                let first = first_day + Duration::days(rng.random_range(0..7));
                let starts = weekly_days(first, tz, hour, calendar.until);
                let rule = format!("FREQ=WEEKLY;COUNT={}", starts.len());
                (starts, rule, format!("{} weekly call", community.name))
            } else {
                let day = rng.random_range(1..=28);
                let mut starts = Vec::new();
                let (mut year, mut month) = (first_day.year(), first_day.month());
                // Monthly until one occurrence past the calendar's end.
                while let Some(start) =
                    NaiveDate::from_ymd_opt(year, month, day).and_then(|d| instant(tz, d, hour))
                {
                    if start > from {
                        starts.push(start);
                    }
                    if start >= calendar.until {
                        break;
                    }
                    (year, month) = if month == 12 {
                        (year + 1, 1)
                    } else {
                        (year, month + 1)
                    };
                }
                let rule = format!("FREQ=MONTHLY;BYMONTHDAY={day};COUNT={}", starts.len());
                (starts, rule, format!("{} monthly call", community.name))
            };
            let Some(last_start) = starts.last().copied() else {
                return;
            };
            let format = format_of(rng);
            self.series.push(Series {
                id: uuid_at(rng, from),
                community: c,
                host_organization: host,
                creator,
                rule,
                title: title.clone(),
                time_zone: tz_name,
                local_start: format!(
                    "{}T{hour:02}:00:00",
                    starts[0].with_timezone(&tz).date_naive()
                ),
                duration,
                format,
                occurrences: starts.len(),
                last_start,
                created_at: from,
            });
            for start in starts {
                let (starts_at, moved) = if rng.random_bool(0.03) {
                    (start + Duration::days(1), true)
                } else {
                    (start, false)
                };
                let cancelled = rng.random_bool(0.05);
                let event = Event {
                    id: uuid_at(rng, from),
                    community: c,
                    series: Some(series),
                    host_organization: host,
                    creator,
                    title: title.clone(),
                    kind: EventKind::Familiar,
                    format,
                    time_zone: tz_name,
                    starts_at,
                    ends_at: starts_at + duration,
                    original_starts_at: Some(start),
                    moved,
                    state: if cancelled {
                        EventState::Cancelled
                    } else {
                        EventState::Scheduled
                    },
                    capacity: None,
                    created_at: from,
                    rsvps: Vec::new(),
                };
                self.push(rng, world, event);
            }
        } else {
            // Irregular meetings, with the gaps that go with them.
            let mut day = from + Duration::days(rng.random_range(5..40));
            while day < calendar.until {
                let Some(starts_at) = instant(tz, day.date_naive(), hour) else {
                    break;
                };
                self.single(
                    rng,
                    world,
                    c,
                    (creator, host),
                    EventKind::Familiar,
                    tz_name,
                    starts_at,
                    duration,
                );
                day += Duration::days(rng.random_range(14..90));
            }
        }
        for _ in 0..around(rng, 3.0 * community.activity) {
            let day = between(rng, from, calendar.until);
            let Some(starts_at) = instant(tz, day.date_naive(), rng.random_range(9..15)) else {
                continue;
            };
            let hours = Duration::hours(rng.random_range(2..7));
            self.single(
                rng,
                world,
                c,
                (creator, host),
                EventKind::Exciting,
                tz_name,
                starts_at,
                hours,
            );
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn single(
        &mut self,
        rng: &mut StdRng,
        world: &World,
        c: usize,
        (creator, host): (usize, usize),
        kind: EventKind,
        time_zone: &'static str,
        starts_at: DateTime<Utc>,
        duration: Duration,
    ) {
        let created_at = starts_at - Duration::days(rng.random_range(7..40));
        let exciting = kind == EventKind::Exciting;
        let event = Event {
            id: uuid_at(rng, created_at),
            community: c,
            series: None,
            host_organization: host,
            creator,
            title: if exciting {
                format!("{} workshop", world.communities[c].name)
            } else {
                format!("{} meetup", world.communities[c].name)
            },
            kind,
            format: format_of(rng),
            time_zone,
            starts_at,
            ends_at: starts_at + duration,
            original_starts_at: None,
            moved: false,
            state: if rng.random_bool(if exciting { 0.1 } else { 0.04 }) {
                EventState::Cancelled
            } else {
                EventState::Scheduled
            },
            capacity: (exciting && rng.random_bool(0.3)).then(|| rng.random_range(8..=30)),
            created_at,
            rsvps: Vec::new(),
        };
        self.push(rng, world, event);
    }

    /// Adds the event with its answers and, once it has ended, its check-ins.
    fn push(&mut self, rng: &mut StdRng, world: &World, mut event: Event) {
        let community = &world.communities[event.community];
        let asked = ((community.members.len() as f64) * rng.random_range(0.2..0.6)) as usize;
        let mut answers: Vec<(usize, DateTime<Utc>)> = Vec::new();
        for _ in 0..asked.min(60) {
            let at = event.starts_at - Duration::minutes(rng.random_range(30..14 * 24 * 60));
            if let Some(person) = member_at(rng, community, at) {
                if answers.iter().all(|(p, _)| *p != person) {
                    answers.push((person, at));
                }
            }
        }
        answers.sort_by_key(|(_, at)| *at);
        let ended = event.ends_at <= world.end && event.state == EventState::Scheduled;
        let mut going = 0;
        for (person, responded_at) in answers {
            let mut status = match rng.random_range(0..100) {
                0..=64 => RsvpStatus::Going,
                65..=84 => RsvpStatus::Maybe,
                _ => RsvpStatus::Declined,
            };
            if status == RsvpStatus::Going {
                if event.capacity.is_some_and(|c| going >= c) {
                    status = RsvpStatus::Waitlisted;
                } else {
                    going += 1;
                }
            }
            let checked_in_at = (ended && status == RsvpStatus::Going && rng.random_bool(0.75))
                .then(|| event.starts_at + Duration::minutes(rng.random_range(-10..20)));
            event.rsvps.push(Rsvp {
                id: uuid_at(rng, responded_at),
                person,
                status,
                responded_at,
                waitlisted_at: (status == RsvpStatus::Waitlisted).then_some(responded_at),
                checked_in_at,
            });
        }
        // Walk-ins: checked in without an answer, counted GOING over capacity if need be.
        if ended && rng.random_bool(0.2) {
            let at = event.starts_at + Duration::minutes(5);
            if let Some(person) = member_at(rng, community, at) {
                if event.rsvps.iter().all(|r| r.person != person) {
                    event.rsvps.push(Rsvp {
                        id: uuid_at(rng, at),
                        person,
                        status: RsvpStatus::Going,
                        responded_at: at,
                        waitlisted_at: None,
                        checked_in_at: Some(at),
                    });
                }
            }
        }
        self.events.push(event);
    }
}
