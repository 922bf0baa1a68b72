//! The rhythm of a community: how often it meets, who comes, and where it went quiet.

use super::{count, median, report_community, seconds_as_days, Period};
use crate::{access, auth::Viewer, error::ServiceResult};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use entity::{
    community,
    enums::{EventKind, EventState, RsvpStatus},
    event, event_rsvp,
};
use sea_orm::{
    sea_query::{Query, SelectStatement},
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::BTreeMap;
use uuid::Uuid;

/// People checked in to at least this many events of the period are regulars.
pub const REGULAR_CHECK_INS: i64 = 3;

/// A declared interval may not be shorter than a day nor longer than a year.
pub const MAX_INTERVAL_DAYS: i32 = 365;

/// SCHEDULED events of one UTC month, by kind.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthEvents {
    pub month: NaiveDate,
    pub familiar: i64,
    pub exciting: i64,
}

/// A stretch with no SCHEDULED event.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// Length in days, to the hundredth.
    pub days: f64,
}

/// Rhythm of one community over a period.
#[derive(Debug, Clone)]
pub struct RhythmReport {
    pub community: community::Model,
    pub period: Period,
    pub events_per_month: Vec<MonthEvents>,
    pub familiar_count: i64,
    pub exciting_count: i64,
    pub exciting_share: Option<f64>,
    pub attendance_rate: Option<f64>,
    pub attendees: i64,
    pub regulars: i64,
    pub newcomers: i64,
    pub usual_interval_days: Option<f64>,
    /// Whether `usual_interval_days` is the coordinators' declared interval.
    pub interval_declared: bool,
    pub gaps: Vec<Gap>,
}

/// The rhythm report of a community live for the viewer.
pub async fn rhythm(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    community_id: Uuid,
    period: Period,
) -> ServiceResult<RhythmReport> {
    let community = report_community(db, viewer, community_id).await?;
    rhythm_of(db, viewer, community, period, Utc::now()).await
}

fn scheduled_events(viewer: &Viewer, community_id: Uuid) -> Condition {
    Condition::all()
        .add(access::visible_events(viewer))
        .add(event::Column::CommunityId.eq(community_id))
        .add(event::Column::State.eq(EventState::Scheduled))
}

fn starting_in(from: DateTime<Utc>, to: DateTime<Utc>) -> Condition {
    Condition::all()
        .add(event::Column::StartsAt.gte(from))
        .add(event::Column::StartsAt.lt(to))
}

fn event_ids(condition: Condition) -> SelectStatement {
    Query::select()
        .column(event::Column::Id)
        .from(event::Entity)
        .cond_where(condition)
        .to_owned()
}

pub(super) async fn rhythm_of(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    community: community::Model,
    period: Period,
    now: DateTime<Utc>,
) -> ServiceResult<RhythmReport> {
    let (start, end) = (period.start(), period.end());
    let of_period = || scheduled_events(viewer, community.id).add(starting_in(start, end));
    let events: Vec<(DateTime<Utc>, EventKind)> = event::Entity::find()
        .filter(of_period())
        .select_only()
        .column(event::Column::StartsAt)
        .column(event::Column::Kind)
        .order_by_asc(event::Column::StartsAt)
        .into_tuple()
        .all(db)
        .await?;

    let mut months: BTreeMap<NaiveDate, MonthEvents> = period
        .months()
        .into_iter()
        .map(|month| {
            let empty = MonthEvents {
                month,
                familiar: 0,
                exciting: 0,
            };
            (month, empty)
        })
        .collect();
    for (starts_at, kind) in &events {
        let month = starts_at.date_naive().with_day(1).unwrap_or(period.from);
        if let Some(m) = months.get_mut(&month) {
            match kind {
                EventKind::Familiar => m.familiar += 1,
                EventKind::Exciting => m.exciting += 1,
            }
        }
    }
    let familiar_count = months.values().map(|m| m.familiar).sum::<i64>();
    let exciting_count = months.values().map(|m| m.exciting).sum::<i64>();
    let all = familiar_count + exciting_count;
    let exciting_share = (all > 0).then(|| exciting_count as f64 / all as f64);

    let ended = event_ids(of_period().add(event::Column::EndsAt.lte(now)));
    let rsvps_of_ended = || {
        event_rsvp::Entity::find()
            .filter(access::visible_rsvps(viewer))
            .filter(event_rsvp::Column::EventId.in_subquery(ended.clone()))
    };
    let expected = rsvps_of_ended()
        .filter(
            Condition::any()
                .add(event_rsvp::Column::Status.eq(RsvpStatus::Going))
                .add(event_rsvp::Column::CheckedInAt.is_not_null()),
        )
        .count(db)
        .await?;
    let came = rsvps_of_ended()
        .filter(event_rsvp::Column::CheckedInAt.is_not_null())
        .count(db)
        .await?;
    let attendance_rate = (expected > 0).then(|| came as f64 / expected as f64);

    let check_ins: Vec<(Uuid, i64)> = event_rsvp::Entity::find()
        .filter(access::visible_rsvps(viewer))
        .filter(event_rsvp::Column::EventId.in_subquery(event_ids(of_period())))
        .filter(event_rsvp::Column::CheckedInAt.is_not_null())
        .select_only()
        .column(event_rsvp::Column::PersonId)
        .column_as(super::count_rows(), "check_ins")
        .group_by(event_rsvp::Column::PersonId)
        .into_tuple()
        .all(db)
        .await?;
    let attendees = count(check_ins.len());
    let regulars = count(
        check_ins
            .iter()
            .filter(|(_, n)| *n >= REGULAR_CHECK_INS)
            .count(),
    );
    let newcomers = if check_ins.is_empty() {
        0
    } else {
        let earlier: Vec<Uuid> = event_rsvp::Entity::find()
            .filter(access::visible_rsvps(viewer))
            .filter(event_rsvp::Column::CommunityId.eq(community.id))
            .filter(event_rsvp::Column::CheckedInAt.lt(start))
            .select_only()
            .column(event_rsvp::Column::PersonId)
            .distinct()
            .into_tuple()
            .all(db)
            .await?;
        count(
            check_ins
                .iter()
                .filter(|(person, _)| !earlier.contains(person))
                .count(),
        )
    };

    let (usual_interval_days, interval_declared) =
        usual_interval(db, viewer, &community, end).await?;
    let starts: Vec<DateTime<Utc>> = events.iter().map(|(s, _)| *s).collect();
    let gaps = usual_interval_days
        .map(|usual| find_gaps(&starts, start, end.min(now), usual))
        .unwrap_or_default();
    Ok(RhythmReport {
        community,
        period,
        events_per_month: months.into_values().collect(),
        familiar_count,
        exciting_count,
        exciting_share,
        attendance_rate,
        attendees,
        regulars,
        newcomers,
        usual_interval_days,
        interval_declared,
        gaps,
    })
}

/// The declared interval, else the median days between consecutive SCHEDULED events'
/// starts over the 365 days before `until` (none with fewer than 3 events).
async fn usual_interval(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    community: &community::Model,
    until: DateTime<Utc>,
) -> ServiceResult<(Option<f64>, bool)> {
    if let Some(days) = community.rhythm_interval_days {
        return Ok((Some(f64::from(days)), true));
    }
    let starts: Vec<DateTime<Utc>> = event::Entity::find()
        .filter(scheduled_events(viewer, community.id))
        .filter(starting_in(until - Duration::days(365), until))
        .select_only()
        .column(event::Column::StartsAt)
        .order_by_asc(event::Column::StartsAt)
        .into_tuple()
        .all(db)
        .await?;
    if starts.len() < 3 {
        return Ok((None, false));
    }
    let mut intervals: Vec<f64> = starts
        .windows(2)
        .map(|w| (w[1] - w[0]).num_seconds() as f64 / 86_400.0)
        .collect();
    intervals.sort_by(f64::total_cmp);
    Ok((
        median(&intervals).map(|d| (d * 100.0).round() / 100.0),
        false,
    ))
}

/// Stretches longer than 1.5 × `usual_days` with no event start: from `from` to the first
/// start, between consecutive starts, from the last start to `until`.
pub fn find_gaps(
    starts: &[DateTime<Utc>],
    from: DateTime<Utc>,
    until: DateTime<Utc>,
    usual_days: f64,
) -> Vec<Gap> {
    let limit_seconds = usual_days * 1.5 * 86_400.0;
    let mut bounds = Vec::with_capacity(starts.len() + 2);
    bounds.push(from);
    bounds.extend(starts.iter().copied().filter(|s| *s >= from && *s < until));
    if until > from {
        bounds.push(until);
    }
    bounds
        .windows(2)
        .filter(|w| (w[1] - w[0]).num_seconds() as f64 > limit_seconds)
        .map(|w| Gap {
            from: w[0],
            to: w[1],
            days: seconds_as_days((w[1] - w[0]).num_seconds()),
        })
        .collect()
}

/// Sets (or with `None` clears) the interval a community means to meet at. Host
/// coordinators; 1 to 365 days.
pub async fn set_rhythm_interval(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    community_id: Uuid,
    interval_days: Option<i32>,
) -> ServiceResult<community::Model> {
    access::require_signed_in(viewer)?;
    let community = community::Entity::find_by_id(community_id)
        .filter(access::visible_communities(viewer))
        .one(db)
        .await?
        .ok_or(crate::error::ServiceError::NotFound)?;
    access::require_host_coordinator(db, viewer, &community).await?;
    if let Some(days) = interval_days {
        if !(1..=MAX_INTERVAL_DAYS).contains(&days) {
            return Err(crate::error::ServiceError::invalid(
                "intervalDays",
                format!("must be between 1 and {MAX_INTERVAL_DAYS} days"),
            ));
        }
    }
    let mut active: community::ActiveModel = community.into();
    active.rhythm_interval_days = Set(interval_days);
    active.updated_at = Set(Utc::now());
    Ok(active.update(db).await?)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn gaps_count_the_edges_of_the_period() {
        let starts = [at("2026-01-10T00:00:00Z"), at("2026-01-12T00:00:00Z")];
        let gaps = find_gaps(
            &starts,
            at("2026-01-01T00:00:00Z"),
            at("2026-01-20T00:00:00Z"),
            4.0,
        );
        // 9 days before the first start and 8 after the last exceed 6; 2 between do not.
        assert_eq!(gaps.len(), 2);
        assert_eq!(gaps[0].days, 9.0);
        assert_eq!(gaps[1].days, 8.0);
    }

    #[test]
    fn a_period_without_events_is_one_gap() {
        let gaps = find_gaps(
            &[],
            at("2026-01-01T00:00:00Z"),
            at("2026-01-31T00:00:00Z"),
            7.0,
        );
        assert_eq!(gaps.len(), 1);
        assert_eq!(gaps[0].days, 30.0);
    }
}
