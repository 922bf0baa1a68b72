//! Creating an event, or a recurring series with its first occurrences.

use super::{
    input, recurrence,
    told::{event_event, series_event},
};
use crate::{
    access, auth::Viewer, error::ServiceResult, events::outbox,
    service::participation::visible_community,
};
use chrono::Utc;
use entity::{
    enums::{DomainEventType, EventFormat, EventKind, EventState},
    event, event_series,
};
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};
use uuid::Uuid;

/// What `createEvent` takes.
#[derive(Debug, Clone)]
pub struct NewEvent {
    pub community_id: Uuid,
    pub title: String,
    pub description: String,
    pub kind: EventKind,
    pub format: EventFormat,
    pub join_url: Option<String>,
    pub place: Option<String>,
    /// Local start, `YYYY-MM-DDTHH:MM`.
    pub start: String,
    pub end: String,
    pub time_zone: String,
    pub capacity: Option<i32>,
    /// An `RRULE` value: makes a series.
    pub recurrence: Option<String>,
}

/// Creates an event (hosts only). With a recurrence: a series and its occurrences; the event
/// returned is the first occurrence.
pub async fn create(
    db: &DatabaseConnection,
    viewer: &Viewer,
    new: NewEvent,
) -> ServiceResult<(event::Model, Option<event_series::Model>)> {
    let me = access::require_person(viewer)?;
    let title = input::title(&new.title)?;
    let description = input::description(&new.description)?;
    let join_url = input::join_url(new.join_url.as_deref())?;
    let place = input::place(new.place.as_deref())?;
    input::format_fits(new.format, join_url.as_deref(), place.as_deref())?;
    let capacity = input::capacity(new.capacity)?;
    let zone = input::zone("timeZone", &new.time_zone)?;
    let start = input::local("start", &new.start)?;
    let end = input::local("end", &new.end)?;
    let (starts_at, ends_at) = input::span(zone, start, end)?;
    let rule = new
        .recurrence
        .as_deref()
        .filter(|r| !r.trim().is_empty())
        .map(|r| recurrence::parse(r, zone, start))
        .transpose()?;
    let txn = crate::db::begin_write(db).await?;
    let community = visible_community(&txn, viewer, new.community_id).await?;
    access::require_event_host(&txn, viewer, &community).await?;
    let now = Utc::now();
    let Some(rule) = rule else {
        let event = event::ActiveModel {
            id: Set(Uuid::now_v7()),
            community_id: Set(community.id),
            series_id: Set(None),
            host_organization_id: Set(me.organization_id),
            title: Set(title),
            description: Set(description),
            kind: Set(new.kind),
            format: Set(new.format),
            join_url: Set(join_url),
            place: Set(place),
            time_zone: Set(zone.name().to_owned()),
            starts_at: Set(starts_at),
            ends_at: Set(ends_at),
            original_starts_at: Set(None),
            moved: Set(false),
            detached: Set(false),
            capacity: Set(capacity),
            state: Set(EventState::Scheduled),
            cancel_reason: Set(None),
            going_count: Set(0),
            waitlist_count: Set(0),
            checked_in_count: Set(0),
            sequence: Set(0),
            created_by_person_id: Set(me.person_id),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(&txn)
        .await?;
        let told = event_event(DomainEventType::EventScheduled, &event);
        outbox::record(&txn, viewer, vec![told]).await?;
        txn.commit().await?;
        return Ok((event, None));
    };
    let (starts, complete) = rule.materialize(now);
    if starts.is_empty() {
        return Err(crate::error::ServiceError::invalid(
            "recurrence",
            "the rule gives no occurrence in the next 400 days",
        ));
    }
    let series = event_series::ActiveModel {
        id: Set(Uuid::now_v7()),
        community_id: Set(community.id),
        host_organization_id: Set(me.organization_id),
        rule: Set(rule.text.clone()),
        time_zone: Set(zone.name().to_owned()),
        local_start: Set(start.format("%Y-%m-%dT%H:%M:%S").to_string()),
        duration_seconds: Set((ends_at - starts_at).num_seconds()),
        title: Set(title),
        description: Set(description),
        kind: Set(new.kind),
        format: Set(new.format),
        join_url: Set(join_url),
        place: Set(place),
        capacity: Set(capacity),
        state: Set(EventState::Scheduled),
        occurrence_count: Set(i32::try_from(starts.len()).unwrap_or(i32::MAX)),
        materialized_until: Set(starts.last().copied()),
        complete: Set(complete),
        created_by_person_id: Set(me.person_id),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    let mut first = None;
    for (index, at) in starts.iter().enumerate() {
        let row = recurrence::occurrence_row(&series, *at, now)
            .insert(&txn)
            .await?;
        if index == 0 {
            first = Some(row);
        }
    }
    let mut told = series_event(DomainEventType::EventSeriesScheduled, &series);
    told.data["firstOccurrenceId"] = first
        .as_ref()
        .map(|event| serde_json::json!(outbox::global_id("Event", event.id)))
        .unwrap_or_default();
    outbox::record(&txn, viewer, vec![told]).await?;
    txn.commit().await?;
    let first = first.ok_or_else(|| {
        crate::error::ServiceError::invalid("recurrence", "the rule gives no occurrence")
    })?;
    Ok((first, Some(series)))
}
