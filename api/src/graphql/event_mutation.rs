//! The mutations of events: create (single or recurring), change, cancel, answer, check in.

use super::{
    context,
    error::{patch, user_errors, UserError},
    event::{Event, EventFormat, EventKind, EventRsvp, EventSeries, RsvpResponse},
    node::{expect_global_id, NodeKind},
};
use crate::{
    error::ServiceResult,
    service::{
        self,
        event::{EventPatch, NewEvent, SeriesPatch},
    },
};
use async_graphql::{Context, InputObject, MaybeUndefined, Object, SimpleObject, ID};
use entity::{event, event_rsvp, event_series};

/// Input of `createEvent`. Times are local date-times (`2027-03-02T09:00`) in `timeZone`.
#[derive(InputObject)]
pub struct CreateEventInput {
    /// Global id of the community.
    pub community_id: ID,
    /// Title (3-200 characters, one line).
    pub title: String,
    /// Markdown.
    #[graphql(default)]
    pub description: String,
    /// FAMILIAR or EXCITING.
    pub kind: EventKind,
    /// ONLINE, IN_PERSON or HYBRID.
    pub format: EventFormat,
    /// `https://` URL; required for ONLINE and HYBRID.
    pub join_url: Option<String>,
    /// Plain text; required for IN_PERSON and HYBRID.
    pub place: Option<String>,
    /// Local start, `YYYY-MM-DDTHH:MM`.
    pub start: String,
    /// Local end, at most 14 days after the start.
    pub end: String,
    /// IANA time zone, e.g. `Europe/Berlin`.
    pub time_zone: String,
    /// Seats (1-100,000); left out, no limit.
    pub capacity: Option<i32>,
    /// An RFC 5545 RRULE value without DTSTART (FREQ DAILY, WEEKLY, MONTHLY or YEARLY; at
    /// most 500 occurrences): makes a recurring series.
    pub recurrence: Option<String>,
}

/// Input of `updateEvent`: a field left out is unchanged; null clears an optional one.
#[derive(InputObject)]
pub struct UpdateEventInput {
    /// Global id of the event.
    pub event_id: ID,
    /// New title (3-200 characters, one line).
    pub title: Option<String>,
    /// New Markdown description.
    pub description: Option<String>,
    /// New kind.
    pub kind: Option<EventKind>,
    /// New format.
    pub format: Option<EventFormat>,
    /// New join URL; null clears it.
    pub join_url: MaybeUndefined<String>,
    /// New place; null clears it.
    pub place: MaybeUndefined<String>,
    /// New capacity; null removes the limit. Raising it promotes from the waitlist.
    pub capacity: MaybeUndefined<i32>,
    /// New local start.
    pub start: Option<String>,
    /// New local end.
    pub end: Option<String>,
    /// New IANA time zone.
    pub time_zone: Option<String>,
}

/// Input of `updateEventSeries`: applies to the series and its future occurrences that are
/// neither detached nor cancelled.
#[derive(InputObject)]
pub struct UpdateEventSeriesInput {
    /// Global id of the series.
    pub series_id: ID,
    /// New title (3-200 characters, one line).
    pub title: Option<String>,
    /// New Markdown description.
    pub description: Option<String>,
    /// New kind.
    pub kind: Option<EventKind>,
    /// New format.
    pub format: Option<EventFormat>,
    /// New join URL; null clears it.
    pub join_url: MaybeUndefined<String>,
    /// New place; null clears it.
    pub place: MaybeUndefined<String>,
    /// New capacity; null removes the limit. Raising it promotes from the waitlist.
    pub capacity: MaybeUndefined<i32>,
}

/// Input of `cancelEvent`.
#[derive(InputObject)]
pub struct CancelEventInput {
    /// Global id of the event.
    pub event_id: ID,
    /// Why (shown with the event).
    pub reason: Option<String>,
}

/// Input of `cancelEventSeries`.
#[derive(InputObject)]
pub struct CancelEventSeriesInput {
    /// Global id of the series.
    pub series_id: ID,
    /// Why (shown with each cancelled occurrence).
    pub reason: Option<String>,
}

/// Input of `rsvpEvent`.
#[derive(InputObject)]
pub struct RsvpEventInput {
    /// Global id of the event.
    pub event_id: ID,
    /// The answer.
    pub response: RsvpResponse,
}

/// Input of `checkInAttendee`.
#[derive(InputObject)]
pub struct CheckInAttendeeInput {
    /// Global id of the event.
    pub event_id: ID,
    /// Global id of the person (a member of the community).
    pub person_id: ID,
}

/// Input of `undoCheckIn`.
#[derive(InputObject)]
pub struct UndoCheckInInput {
    /// Global id of the event.
    pub event_id: ID,
    /// Global id of the person.
    pub person_id: ID,
}

/// Result of a change to an event.
#[derive(SimpleObject)]
pub struct EventPayload {
    /// The event after the change (for a new series, its first occurrence).
    pub event: Option<Event>,
    /// The series, when the event is an occurrence of one created here.
    pub series: Option<EventSeries>,
    /// Why the change was not made.
    pub user_errors: Vec<UserError>,
}

impl EventPayload {
    fn from_result(
        result: ServiceResult<(event::Model, Option<event_series::Model>)>,
    ) -> async_graphql::Result<Self> {
        Ok(match user_errors(result)? {
            Ok((event, series)) => Self {
                event: Some(Event(event)),
                series: series.map(EventSeries),
                user_errors: vec![],
            },
            Err(errors) => Self {
                event: None,
                series: None,
                user_errors: errors,
            },
        })
    }
}

super::error::payload!(
    /// Result of a change to a series.
    EventSeriesPayload { series: EventSeries }
);

/// Result of an answer or a check-in.
#[derive(SimpleObject)]
pub struct RsvpPayload {
    /// The answer after the change; null when `userErrors` says why it was not made.
    pub rsvp: Option<EventRsvp>,
    /// The event with its counters after the change.
    pub event: Option<Event>,
    /// Why the change was not made.
    pub user_errors: Vec<UserError>,
}

impl RsvpPayload {
    fn from_result(
        result: ServiceResult<(event_rsvp::Model, event::Model)>,
    ) -> async_graphql::Result<Self> {
        Ok(match user_errors(result)? {
            Ok((rsvp, event)) => Self {
                rsvp: Some(EventRsvp(rsvp)),
                event: Some(Event(event)),
                user_errors: vec![],
            },
            Err(errors) => Self {
                rsvp: None,
                event: None,
                user_errors: errors,
            },
        })
    }
}

#[derive(Default)]
pub struct EventMutation;

#[Object]
impl EventMutation {
    /// Creates an event, or with `recurrence` a series and its occurrences. Hosts: coordinators
    /// of the host and of CO_HOST organizations, the host's admins.
    async fn create_event(
        &self,
        ctx: &Context<'_>,
        input: CreateEventInput,
    ) -> async_graphql::Result<EventPayload> {
        let (db, viewer) = context::request(ctx)?;
        let new = NewEvent {
            community_id: expect_global_id(&input.community_id, NodeKind::Community)?,
            title: input.title,
            description: input.description,
            kind: input.kind.into(),
            format: input.format.into(),
            join_url: input.join_url,
            place: input.place,
            start: input.start,
            end: input.end,
            time_zone: input.time_zone,
            capacity: input.capacity,
            recurrence: input.recurrence,
        };
        EventPayload::from_result(service::event::create(db, viewer, new).await)
    }

    /// Changes one event or occurrence (hosts). A changed occurrence is detached from series
    /// edits; a moved one keeps its `originalStartsAt`.
    async fn update_event(
        &self,
        ctx: &Context<'_>,
        input: UpdateEventInput,
    ) -> async_graphql::Result<EventPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.event_id, NodeKind::Event)?;
        let change = EventPatch {
            title: input.title,
            description: input.description,
            kind: input.kind.map(Into::into),
            format: input.format.map(Into::into),
            join_url: patch(input.join_url),
            place: patch(input.place),
            capacity: patch(input.capacity),
            start: input.start,
            end: input.end,
            time_zone: input.time_zone,
        };
        EventPayload::from_result(
            service::event::update(db, viewer, id, change)
                .await
                .map(|e| (e, None)),
        )
    }

    /// Changes a series and its future occurrences that are not detached or cancelled (hosts).
    async fn update_event_series(
        &self,
        ctx: &Context<'_>,
        input: UpdateEventSeriesInput,
    ) -> async_graphql::Result<EventSeriesPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.series_id, NodeKind::EventSeries)?;
        let change = SeriesPatch {
            title: input.title,
            description: input.description,
            kind: input.kind.map(Into::into),
            format: input.format.map(Into::into),
            join_url: patch(input.join_url),
            place: patch(input.place),
            capacity: patch(input.capacity),
        };
        EventSeriesPayload::from_result(
            service::event::update_series(db, viewer, id, change).await,
            EventSeries,
        )
    }

    /// Cancels one event or occurrence (hosts); it stays readable as CANCELLED.
    async fn cancel_event(
        &self,
        ctx: &Context<'_>,
        input: CancelEventInput,
    ) -> async_graphql::Result<EventPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.event_id, NodeKind::Event)?;
        EventPayload::from_result(
            service::event::cancel(db, viewer, id, input.reason)
                .await
                .map(|e| (e, None)),
        )
    }

    /// Cancels every occurrence that has not started and stops the series (hosts).
    async fn cancel_event_series(
        &self,
        ctx: &Context<'_>,
        input: CancelEventSeriesInput,
    ) -> async_graphql::Result<EventSeriesPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.series_id, NodeKind::EventSeries)?;
        EventSeriesPayload::from_result(
            service::event::cancel_series(db, viewer, id, input.reason).await,
            EventSeries,
        )
    }

    /// Answers an event (ACTIVE members; scheduled events that have not ended). GOING on a
    /// full event joins the waitlist.
    async fn rsvp_event(
        &self,
        ctx: &Context<'_>,
        input: RsvpEventInput,
    ) -> async_graphql::Result<RsvpPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.event_id, NodeKind::Event)?;
        RsvpPayload::from_result(service::event::rsvp(db, viewer, id, input.response.into()).await)
    }

    /// Checks a member in (hosts; from an hour before the start to 7 days after the end).
    async fn check_in_attendee(
        &self,
        ctx: &Context<'_>,
        input: CheckInAttendeeInput,
    ) -> async_graphql::Result<RsvpPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.event_id, NodeKind::Event)?;
        let person = expect_global_id(&input.person_id, NodeKind::Person)?;
        RsvpPayload::from_result(service::event::check_in(db, viewer, id, person).await)
    }

    /// Takes a check-in back (hosts, in the same window).
    async fn undo_check_in(
        &self,
        ctx: &Context<'_>,
        input: UndoCheckInInput,
    ) -> async_graphql::Result<RsvpPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.event_id, NodeKind::Event)?;
        let person = expect_global_id(&input.person_id, NodeKind::Person)?;
        RsvpPayload::from_result(service::event::undo_check_in(db, viewer, id, person).await)
    }
}
