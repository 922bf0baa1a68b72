//! A recurring series of events: an RFC 5545 rule in a time zone, and the template its
//! occurrences (rows of `event`) are made from.

use crate::enums::{EventFormat, EventKind, EventState};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "event_series")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub community_id: Uuid,
    pub host_organization_id: Uuid,
    /// The `RRULE` value, without `DTSTART`.
    pub rule: String,
    /// IANA time zone of `local_start` and of every occurrence.
    pub time_zone: String,
    /// The first occurrence's local start, `YYYY-MM-DDTHH:MM:SS`.
    pub local_start: String,
    pub duration_seconds: i64,
    pub title: String,
    pub description: String,
    pub kind: EventKind,
    pub format: EventFormat,
    pub join_url: Option<String>,
    pub place: Option<String>,
    pub capacity: Option<i32>,
    pub state: EventState,
    /// Occurrences materialized so far.
    pub occurrence_count: i32,
    /// Start of the last materialized occurrence.
    pub materialized_until: Option<DateTimeUtc>,
    /// The rule is exhausted (COUNT/UNTIL reached, or the 500-occurrence cap) or the series
    /// was cancelled: nothing more to materialize.
    pub complete: bool,
    pub created_by_person_id: Uuid,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
