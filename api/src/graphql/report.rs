//! Community reports: rhythm and health, the period they take, and `setCommunityRhythm`.
//! Value and leadership reports live in `report_value.rs` and `report_leadership.rs`.

use super::{
    community::{Community, CommunityPayload},
    context,
    enums::LifecycleStage,
    node::{expect_global_id, NodeKind},
};
use crate::service::report::{
    health::CommunityHealth as HealthReport,
    rhythm::{Gap, MonthEvents, RhythmReport as Rhythm},
    Period,
};
use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, NaiveDate, Utc};

/// Whole UTC days, both included: at most 1,100 days, `from` not after `to`.
#[derive(InputObject, Clone, Copy)]
pub struct PeriodInput {
    /// The first day.
    pub from: NaiveDate,
    /// The last day (included).
    pub to: NaiveDate,
}

impl PeriodInput {
    /// The validated period; a bad one is BAD_USER_INPUT.
    pub fn period(self) -> crate::error::ServiceResult<Period> {
        Period::new(self.from, self.to)
    }
}

/// A report's period.
#[derive(SimpleObject)]
pub struct ReportPeriod {
    /// The first day.
    pub from: NaiveDate,
    /// The last day (included).
    pub to: NaiveDate,
}

impl From<Period> for ReportPeriod {
    fn from(p: Period) -> Self {
        Self {
            from: p.from,
            to: p.to,
        }
    }
}

/// SCHEDULED events starting in one UTC month.
#[derive(SimpleObject)]
pub struct MonthlyEvents {
    /// The month's first day.
    pub month: NaiveDate,
    /// FAMILIAR events.
    pub familiar: i64,
    /// EXCITING events.
    pub exciting: i64,
}

impl From<&MonthEvents> for MonthlyEvents {
    fn from(m: &MonthEvents) -> Self {
        Self {
            month: m.month,
            familiar: m.familiar,
            exciting: m.exciting,
        }
    }
}

/// A stretch with no SCHEDULED event longer than 1.5 times the usual interval.
#[derive(SimpleObject)]
pub struct RhythmGap {
    /// Start of the stretch: the period's start or an event's start.
    pub from: DateTime<Utc>,
    /// End of the stretch: an event's start, the period's end, or now.
    pub to: DateTime<Utc>,
    /// Its length in days, to the hundredth.
    pub days: f64,
}

impl From<&Gap> for RhythmGap {
    fn from(g: &Gap) -> Self {
        Self {
            from: g.from,
            to: g.to,
            days: g.days,
        }
    }
}

/// How often a community meets over a period, who comes, and where it went quiet.
pub struct RhythmReport(pub Rhythm);

/// The rhythm of a community over a period (`docs/CULTURE.md`, "Rhythm").
#[Object]
impl RhythmReport {
    /// The period.
    async fn period(&self) -> ReportPeriod {
        self.0.period.into()
    }

    /// SCHEDULED events starting in the period per UTC month, months without events included.
    async fn events_per_month(&self) -> Vec<MonthlyEvents> {
        self.0.events_per_month.iter().map(Into::into).collect()
    }

    /// FAMILIAR events of the period.
    async fn familiar_count(&self) -> i64 {
        self.0.familiar_count
    }

    /// EXCITING events of the period.
    async fn exciting_count(&self) -> i64 {
        self.0.exciting_count
    }

    /// EXCITING events ÷ all events; null when there are none.
    async fn exciting_share(&self) -> Option<f64> {
        self.0.exciting_share
    }

    /// Over events of the period that have ended: check-ins ÷ RSVPs that were GOING or
    /// checked in; null when there are none.
    async fn attendance_rate(&self) -> Option<f64> {
        self.0.attendance_rate
    }

    /// People checked in to at least one event of the period.
    async fn attendees(&self) -> i64 {
        self.0.attendees
    }

    /// Attendees checked in to 3 or more events of the period.
    async fn regulars(&self) -> i64 {
        self.0.regulars
    }

    /// Attendees whose first check-in in this community is in the period.
    async fn newcomers(&self) -> i64 {
        self.0.newcomers
    }

    /// The declared interval, else the median days between consecutive SCHEDULED events
    /// over the 365 days before the period's end; null with fewer than 3 such events.
    async fn usual_interval_days(&self) -> Option<f64> {
        self.0.usual_interval_days
    }

    /// Whether `usualIntervalDays` is the interval host coordinators declared.
    async fn interval_declared(&self) -> bool {
        self.0.interval_declared
    }

    /// Stretches with no SCHEDULED event longer than 1.5 × the usual interval.
    async fn gaps(&self) -> Vec<RhythmGap> {
        self.0.gaps.iter().map(Into::into).collect()
    }
}

/// Health indicators of a community over the last 90 days.
pub struct CommunityHealth(pub HealthReport);

/// The health of a community as of now (`docs/CULTURE.md`, "Health").
#[Object]
impl CommunityHealth {
    /// When the indicators were computed.
    async fn as_of(&self) -> DateTime<Utc> {
        self.0.as_of
    }

    /// ACTIVE members.
    async fn active_members(&self) -> i64 {
        self.0.active_members
    }

    /// ACTIVE members who joined in the last 90 days.
    async fn joined_last90_days(&self) -> i64 {
        self.0.joined_last_90_days
    }

    /// Joined in the last 90 days ÷ members 90 days ago; null when there were none.
    async fn growth_rate(&self) -> Option<f64> {
        self.0.growth_rate
    }

    /// Share of the last 90 days' contributions by sponsors, coordinators and core members;
    /// null without contributions.
    async fn core_share(&self) -> Option<f64> {
        self.0.core_share
    }

    /// The rest of the contributions; null without contributions.
    async fn peripheral_share(&self) -> Option<f64> {
        self.0.peripheral_share
    }

    /// OPEN problems older than 7 days with no idea.
    async fn unanswered_problems(&self) -> i64 {
        self.0.unanswered_problems
    }

    /// Days since the newest contribution or event start; null when there is none.
    async fn days_since_last_activity(&self) -> Option<i64> {
        self.0.days_since_last_activity
    }

    /// Gaps of the rhythm over the last 180 days.
    async fn rhythm_gaps(&self) -> Vec<RhythmGap> {
        self.0.rhythm_gaps.iter().map(Into::into).collect()
    }

    /// No activity for the server's `--dormant-after` (default 60 days).
    async fn dormant(&self) -> bool {
        self.0.dormant
    }

    /// The stage the indicators suggest; the stored `stage` stays the coordinators' call.
    async fn suggested_stage(&self) -> LifecycleStage {
        self.0.suggested_stage.into()
    }
}

/// Input of `setCommunityRhythm`.
#[derive(InputObject)]
pub struct SetCommunityRhythmInput {
    /// Global id of the community.
    pub community_id: ID,
    /// Days between familiar events, 1 to 365; null clears it.
    pub interval_days: Option<i32>,
}

#[derive(Default)]
pub struct ReportMutation;

#[Object]
impl ReportMutation {
    /// Declares how often a community means to meet; the rhythm report measures gaps
    /// against it. Host coordinators.
    async fn set_community_rhythm(
        &self,
        ctx: &Context<'_>,
        input: SetCommunityRhythmInput,
    ) -> async_graphql::Result<CommunityPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.community_id, NodeKind::Community)?;
        CommunityPayload::from_result(
            crate::service::report::rhythm::set_rhythm_interval(
                db,
                viewer,
                id,
                input.interval_days,
            )
            .await,
            Community,
        )
    }
}
