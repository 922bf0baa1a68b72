//! An event of a community: a single one, or one occurrence of a series.

use crate::enums::{EventFormat, EventKind, EventState};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "event")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub community_id: Uuid,
    pub series_id: Option<Uuid>,
    /// The organization of the host who created it.
    pub host_organization_id: Uuid,
    pub title: String,
    pub description: String,
    pub kind: EventKind,
    pub format: EventFormat,
    pub join_url: Option<String>,
    pub place: Option<String>,
    /// IANA time zone the event is planned in.
    pub time_zone: String,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    /// For an occurrence: the start its series' rule gave it (the iCalendar RECURRENCE-ID).
    pub original_starts_at: Option<DateTimeUtc>,
    /// An occurrence moved away from `original_starts_at`.
    pub moved: bool,
    /// An occurrence changed on its own: series edits pass it by.
    pub detached: bool,
    pub capacity: Option<i32>,
    pub state: EventState,
    pub cancel_reason: Option<String>,
    /// RSVPs with status GOING.
    pub going_count: i32,
    /// RSVPs with status WAITLISTED.
    pub waitlist_count: i32,
    /// RSVPs checked in.
    pub checked_in_count: i32,
    /// The iCalendar SEQUENCE: raised by every change.
    pub sequence: i32,
    pub created_by_person_id: Uuid,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
