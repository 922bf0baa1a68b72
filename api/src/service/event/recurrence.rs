//! Recurring series: an RFC 5545 `RRULE` value expanded from the first occurrence's local
//! start in the event's time zone, so local wall time holds across DST changes. Occurrences
//! are materialized as `event` rows: all of a bounded rule (at most 500), the next 400 days of
//! an unbounded one, rolled forward by [`extend_open_series`].

use super::input;
use crate::error::{ServiceError, ServiceResult};
use chrono::{DateTime, Duration, NaiveDateTime, TimeZone, Utc};
use entity::{enums::EventState, event, event_series};
use rrule::{Frequency, RRule, RRuleSet, Unvalidated};
use sea_orm::{
    sea_query::OnConflict, ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait,
    QueryFilter, Set,
};
use uuid::Uuid;

/// Most occurrences of one series.
pub const MAX_OCCURRENCES: usize = 500;
/// How far ahead an unbounded rule is materialized.
pub const HORIZON_DAYS: i64 = 400;

/// A checked rule, ready to expand.
#[derive(Debug, Clone)]
pub struct Rule {
    /// The rule as stored (normalized, without `DTSTART`).
    pub text: String,
    set: RRuleSet,
    /// Whether it ends by itself (COUNT or UNTIL).
    pub bounded: bool,
}

fn bad(message: impl Into<String>) -> ServiceError {
    ServiceError::invalid("recurrence", message)
}

/// Parses and checks an `RRULE` value for a series starting at `local_start` in `zone`.
pub fn parse(value: &str, zone: chrono_tz::Tz, local_start: NaiveDateTime) -> ServiceResult<Rule> {
    let value = value.trim();
    let value = value
        .strip_prefix("RRULE:")
        .or_else(|| value.strip_prefix("rrule:"))
        .unwrap_or(value);
    if value.is_empty() || value.len() > 500 || value.contains(['\n', '\r']) {
        return Err(bad(
            "give one RRULE value, e.g. FREQ=WEEKLY;BYDAY=TU;COUNT=10",
        ));
    }
    if value.to_ascii_uppercase().contains("DTSTART") {
        return Err(bad(
            "leave DTSTART out: the event's start is the series' start",
        ));
    }
    let mut rule: RRule<Unvalidated> = value
        .parse()
        .map_err(|e: rrule::RRuleError| bad(format!("not a valid RRULE: {e}")))?;
    if !matches!(
        rule.get_freq(),
        Frequency::Daily | Frequency::Weekly | Frequency::Monthly | Frequency::Yearly
    ) {
        return Err(bad("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY"));
    }
    if rule
        .get_count()
        .is_some_and(|c| c as usize > MAX_OCCURRENCES)
    {
        return Err(bad(format!(
            "a series has at most {MAX_OCCURRENCES} occurrences"
        )));
    }
    let tz = rrule::Tz::Tz(zone);
    // An UNTIL without `Z` is a local time of the event's zone.
    if let Some(until) = rule.get_until().copied() {
        if until.timezone().is_local() {
            let at = input::instant("recurrence", zone, until.naive_local())?;
            rule = rule.until(at.with_timezone(&rrule::Tz::UTC));
        }
    }
    let bounded = rule.get_count().is_some() || rule.get_until().is_some();
    let dt_start = tz
        .from_local_datetime(&local_start)
        .earliest()
        .ok_or_else(|| ServiceError::invalid("start", "this local time does not exist"))?;
    let validated = rule
        .validate(dt_start)
        .map_err(|e| bad(format!("not a valid RRULE: {e}")))?;
    let text = validated.to_string();
    let set = RRuleSet::new(dt_start).rrule(validated);
    let parsed = Rule { text, set, bounded };
    if bounded && parsed.starts(None).len() > MAX_OCCURRENCES {
        return Err(bad(format!(
            "a series has at most {MAX_OCCURRENCES} occurrences"
        )));
    }
    if parsed.starts(None).is_empty() {
        return Err(bad("the rule gives no occurrence"));
    }
    Ok(parsed)
}

impl Rule {
    /// The starts the rule gives, in order, at most 501 (one more than allowed, to tell an
    /// overlong rule), and none after `until`.
    pub fn starts(&self, until: Option<DateTime<Utc>>) -> Vec<DateTime<Utc>> {
        self.set
            .clone()
            .into_iter()
            .map(|t| t.with_timezone(&Utc))
            .take(MAX_OCCURRENCES + 1)
            .take_while(|t| until.is_none_or(|u| *t <= u))
            .collect()
    }

    /// The starts to materialize as of `now`: all of a bounded rule, the next 400 days of an
    /// unbounded one; at most 500. Also whether the series is then complete.
    pub fn materialize(&self, now: DateTime<Utc>) -> (Vec<DateTime<Utc>>, bool) {
        if self.bounded {
            let mut starts = self.starts(None);
            starts.truncate(MAX_OCCURRENCES);
            return (starts, true);
        }
        let mut starts = self.starts(Some(now + Duration::days(HORIZON_DAYS)));
        let capped = starts.len() >= MAX_OCCURRENCES;
        starts.truncate(MAX_OCCURRENCES);
        (starts, capped)
    }
}

/// The rule of a stored series.
pub fn of_series(series: &event_series::Model) -> ServiceResult<Rule> {
    let zone = input::zone("timeZone", &series.time_zone)?;
    let local = input::local("start", &series.local_start)?;
    parse(&series.rule, zone, local)
}

/// The row of one occurrence of a series.
pub fn occurrence_row(
    series: &event_series::Model,
    starts_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> event::ActiveModel {
    event::ActiveModel {
        id: Set(Uuid::now_v7()),
        community_id: Set(series.community_id),
        series_id: Set(Some(series.id)),
        host_organization_id: Set(series.host_organization_id),
        title: Set(series.title.clone()),
        description: Set(series.description.clone()),
        kind: Set(series.kind),
        format: Set(series.format),
        join_url: Set(series.join_url.clone()),
        place: Set(series.place.clone()),
        time_zone: Set(series.time_zone.clone()),
        starts_at: Set(starts_at),
        ends_at: Set(starts_at + Duration::seconds(series.duration_seconds)),
        original_starts_at: Set(Some(starts_at)),
        moved: Set(false),
        detached: Set(false),
        capacity: Set(series.capacity),
        state: Set(EventState::Scheduled),
        cancel_reason: Set(None),
        going_count: Set(0),
        waitlist_count: Set(0),
        checked_in_count: Set(0),
        sequence: Set(0),
        created_by_person_id: Set(series.created_by_person_id),
        created_at: Set(now),
        updated_at: Set(now),
    }
}

/// Inserts the occurrences of `starts` that are not there yet (by series and original
/// start); how many were new.
pub async fn insert_occurrences(
    db: &impl ConnectionTrait,
    series: &event_series::Model,
    starts: &[DateTime<Utc>],
    now: DateTime<Utc>,
) -> ServiceResult<u64> {
    let mut inserted = 0;
    for start in starts {
        inserted += event::Entity::insert(occurrence_row(series, *start, now))
            .on_conflict(
                OnConflict::columns([event::Column::SeriesId, event::Column::OriginalStartsAt])
                    .do_nothing()
                    .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    Ok(inserted)
}

/// Materializes every open series (not complete, not cancelled) up to `now` + 400 days.
/// Running it again changes nothing. How many occurrences were added.
pub async fn extend_open_series(
    db: &sea_orm::DatabaseConnection,
    now: DateTime<Utc>,
) -> ServiceResult<u64> {
    let open = event_series::Entity::find()
        .filter(event_series::Column::Complete.eq(false))
        .filter(event_series::Column::State.eq(EventState::Scheduled))
        .all(db)
        .await?;
    let mut added = 0;
    for series in open {
        let rule = match of_series(&series) {
            Ok(rule) => rule,
            Err(err) => {
                tracing::warn!(series = %series.id, %err, "series rule no longer parses");
                continue;
            }
        };
        let (starts, complete) = rule.materialize(now);
        let fresh: Vec<_> = starts
            .iter()
            .copied()
            .filter(|t| series.materialized_until.is_none_or(|m| *t > m))
            .collect();
        if fresh.is_empty() && !complete {
            continue;
        }
        let txn = crate::db::begin_write(db).await?;
        added += insert_occurrences(&txn, &series, &fresh, now).await?;
        let mut row: event_series::ActiveModel = series.clone().into();
        row.occurrence_count = Set(i32::try_from(starts.len()).unwrap_or(i32::MAX));
        row.materialized_until = Set(starts.last().copied().or(series.materialized_until));
        row.complete = Set(complete);
        row.updated_at = Set(now);
        row.update(&txn).await?;
        txn.commit().await?;
    }
    Ok(added)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn berlin() -> chrono_tz::Tz {
        chrono_tz::Tz::Europe__Berlin
    }

    fn at(text: &str) -> NaiveDateTime {
        input::local("start", text).unwrap_or_default()
    }

    #[test]
    fn rules_are_checked() {
        let start = at("2030-01-07T09:00");
        assert!(parse("FREQ=WEEKLY;COUNT=3", berlin(), start).is_ok());
        assert!(parse("RRULE:FREQ=MONTHLY;COUNT=3", berlin(), start).is_ok());
        assert!(parse("FREQ=HOURLY;COUNT=3", berlin(), start).is_err());
        assert!(parse("FREQ=DAILY;COUNT=501", berlin(), start).is_err());
        assert!(parse("FREQ=DAILY;UNTIL=20320101T000000Z", berlin(), start).is_err());
        assert!(parse("nonsense", berlin(), start).is_err());
        let open = parse("FREQ=WEEKLY", berlin(), start).ok();
        assert_eq!(open.map(|r| r.bounded), Some(false));
    }

    #[test]
    fn a_daily_rule_through_a_dst_gap_does_not_fail() {
        let rule = parse("FREQ=DAILY;COUNT=3", berlin(), at("2030-03-30T02:30")).ok();
        let starts = rule.map(|r| r.starts(None)).unwrap_or_default();
        assert!((2..=3).contains(&starts.len()), "{starts:?}");
    }

    #[test]
    fn a_local_until_is_read_in_the_zone() {
        let rule = parse(
            "FREQ=DAILY;UNTIL=20300109T090000",
            berlin(),
            at("2030-01-07T09:00"),
        )
        .ok();
        assert_eq!(rule.map(|r| r.starts(None).len()), Some(3));
    }
}
