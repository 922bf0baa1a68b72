//! What events, series and RSVPs are told as in the outbox (docs/REALTIME.md, "What each
//! event carries"): the subject's public fields, never a join URL.

use crate::{
    error::{ServiceError, ServiceResult},
    events::outbox::{global_id, NewEvent},
};
use entity::{
    enums::{DomainEventType, RsvpStatus},
    event, event_rsvp, event_series,
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{json, Value};
use uuid::Uuid;

/// What an event about an event carries: its public fields now. Never its join URL, which
/// only members may read (docs/CULTURE.md).
fn event_data(event: &event::Model) -> Value {
    json!({
        "id": global_id("Event", event.id),
        "seriesId": event.series_id.map(|id| global_id("EventSeries", id)),
        "title": event.title,
        "kind": event.kind.as_str(),
        "format": event.format.as_str(),
        "startsAt": event.starts_at,
        "endsAt": event.ends_at,
        "timeZone": event.time_zone,
        "state": event.state.as_str(),
        "capacity": event.capacity,
        "goingCount": event.going_count,
        "waitlistCount": event.waitlist_count,
        "sequence": event.sequence,
    })
}

/// What an event about a series carries: its public fields now (never its join URL).
fn series_data(series: &event_series::Model) -> Value {
    json!({
        "id": global_id("EventSeries", series.id),
        "title": series.title,
        "kind": series.kind.as_str(),
        "format": series.format.as_str(),
        "rule": series.rule,
        "timeZone": series.time_zone,
        "capacity": series.capacity,
        "state": series.state.as_str(),
        "occurrenceCount": series.occurrence_count,
    })
}

/// What an event about an RSVP carries: whose answer to which event, where it put them, and
/// the event's counters after it.
fn rsvp_data(
    rsvp: &event_rsvp::Model,
    event: &event::Model,
    waitlist_position: Option<usize>,
) -> Value {
    json!({
        "id": global_id("EventRsvp", rsvp.id),
        "eventId": global_id("Event", rsvp.event_id),
        "personId": global_id("Person", rsvp.person_id),
        "organizationId": global_id("Organization", rsvp.organization_id),
        "status": rsvp.status.as_str(),
        "waitlistPosition": waitlist_position,
        "checkedInAt": rsvp.checked_in_at,
        "goingCount": event.going_count,
        "waitlistCount": event.waitlist_count,
    })
}

/// A community event about an event, carrying [`event_data`].
pub(super) fn event_event(event_type: DomainEventType, event: &event::Model) -> NewEvent {
    NewEvent::community(event_type, event.community_id, "Event", event.id).data(event_data(event))
}

/// A community event about a series, carrying [`series_data`].
pub(super) fn series_event(event_type: DomainEventType, series: &event_series::Model) -> NewEvent {
    NewEvent::community(event_type, series.community_id, "EventSeries", series.id)
        .data(series_data(series))
}

/// A community event about an RSVP, carrying [`rsvp_data`] as things stand in `db`.
pub(super) async fn rsvp_event(
    db: &impl ConnectionTrait,
    event_type: DomainEventType,
    rsvp: &event_rsvp::Model,
    event: &event::Model,
) -> ServiceResult<NewEvent> {
    let position = if rsvp.status == RsvpStatus::Waitlisted {
        event_rsvp::Entity::find()
            .filter(event_rsvp::Column::EventId.eq(rsvp.event_id))
            .filter(event_rsvp::Column::Status.eq(RsvpStatus::Waitlisted))
            .order_by_asc(event_rsvp::Column::WaitlistedAt)
            .order_by_asc(event_rsvp::Column::Id)
            .all(db)
            .await?
            .iter()
            .position(|r| r.id == rsvp.id)
            .map(|index| index + 1)
    } else {
        None
    };
    Ok(
        NewEvent::community(event_type, rsvp.community_id, "EventRsvp", rsvp.id)
            .data(rsvp_data(rsvp, event, position)),
    )
}

/// `RSVP_CHANGED` of each person promoted from the waitlist, with the event as it now is.
pub(super) async fn promotions_told(
    db: &impl ConnectionTrait,
    promoted: &[event_rsvp::Model],
    event_id: Uuid,
) -> ServiceResult<Vec<NewEvent>> {
    if promoted.is_empty() {
        return Ok(Vec::new());
    }
    let event = event::Entity::find_by_id(event_id)
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let mut told = Vec::with_capacity(promoted.len());
    for rsvp in promoted {
        told.push(rsvp_event(db, DomainEventType::RsvpChanged, rsvp, &event).await?);
    }
    Ok(told)
}
