//! Changing and cancelling events and series. Every change raises the event's `sequence`.

use super::{
    attendance::promote,
    input, load, load_series,
    told::{event_event, promotions_told, series_event},
};
use crate::{
    access,
    auth::Viewer,
    error::{ServiceError, ServiceResult},
    events::outbox,
    service::content::parse_note,
};
use chrono::{DateTime, Utc};
use entity::{
    enums::{DomainEventType, EventFormat, EventKind, EventState},
    event, event_series,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use uuid::Uuid;

/// Changes to one event; `None` keeps a field, `Some(None)` clears an optional one.
#[derive(Debug, Clone, Default)]
pub struct EventPatch {
    pub title: Option<String>,
    pub description: Option<String>,
    pub kind: Option<EventKind>,
    pub format: Option<EventFormat>,
    pub join_url: Option<Option<String>>,
    pub place: Option<Option<String>>,
    pub capacity: Option<Option<i32>>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub time_zone: Option<String>,
}

/// Changes to a series and its future occurrences.
#[derive(Debug, Clone, Default)]
pub struct SeriesPatch {
    pub title: Option<String>,
    pub description: Option<String>,
    pub kind: Option<EventKind>,
    pub format: Option<EventFormat>,
    pub join_url: Option<Option<String>>,
    pub place: Option<Option<String>>,
    pub capacity: Option<Option<i32>>,
}

/// The template fields after a patch, checked.
struct Template {
    title: String,
    description: String,
    kind: EventKind,
    format: EventFormat,
    join_url: Option<String>,
    place: Option<String>,
    capacity: Option<i32>,
}

#[allow(clippy::too_many_arguments)]
fn merge(
    title: &str,
    description: &str,
    kind: EventKind,
    format: EventFormat,
    join_url: Option<&str>,
    place: Option<&str>,
    capacity: Option<i32>,
    patch: &SeriesPatch,
) -> ServiceResult<Template> {
    let title = match &patch.title {
        Some(t) => input::title(t)?,
        None => title.to_owned(),
    };
    let description = match &patch.description {
        Some(d) => input::description(d)?,
        None => description.to_owned(),
    };
    let join_url = match &patch.join_url {
        Some(u) => input::join_url(u.as_deref())?,
        None => join_url.map(str::to_owned),
    };
    let place = match &patch.place {
        Some(p) => input::place(p.as_deref())?,
        None => place.map(str::to_owned),
    };
    let capacity = match patch.capacity {
        Some(c) => input::capacity(c)?,
        None => capacity,
    };
    let format = patch.format.unwrap_or(format);
    input::format_fits(format, join_url.as_deref(), place.as_deref())?;
    Ok(Template {
        title,
        description,
        kind: patch.kind.unwrap_or(kind),
        format,
        join_url,
        place,
        capacity,
    })
}

/// Whether a capacity change frees seats (raised, or removed).
fn frees_seats(old: Option<i32>, new: Option<i32>) -> bool {
    match (old, new) {
        (Some(_), None) => true,
        (Some(a), Some(b)) => b > a,
        _ => false,
    }
}

fn apply(row: &mut event::ActiveModel, t: &Template) {
    row.title = Set(t.title.clone());
    row.description = Set(t.description.clone());
    row.kind = Set(t.kind);
    row.format = Set(t.format);
    row.join_url = Set(t.join_url.clone());
    row.place = Set(t.place.clone());
    row.capacity = Set(t.capacity);
}

fn not_cancelled(state: EventState, field: &str) -> ServiceResult<()> {
    if state == EventState::Cancelled {
        return Err(ServiceError::invalid(field, "it is cancelled"));
    }
    Ok(())
}

async fn reload(db: &impl ConnectionTrait, id: Uuid) -> ServiceResult<event::Model> {
    event::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)
}

/// Changes one event or occurrence (hosts). An occurrence changed on its own is detached from
/// later series edits; moving it keeps its original start and marks it moved.
pub async fn update(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    patch: EventPatch,
) -> ServiceResult<event::Model> {
    let txn = crate::db::begin_write(db).await?;
    let (event, community) = load(&txn, viewer, id).await?;
    access::require_event_host(&txn, viewer, &community).await?;
    not_cancelled(event.state, "eventId")?;
    let template = merge(
        &event.title,
        &event.description,
        event.kind,
        event.format,
        event.join_url.as_deref(),
        event.place.as_deref(),
        event.capacity,
        &SeriesPatch {
            title: patch.title.clone(),
            description: patch.description.clone(),
            kind: patch.kind,
            format: patch.format,
            join_url: patch.join_url.clone(),
            place: patch.place.clone(),
            capacity: patch.capacity,
        },
    )?;
    let mut row: event::ActiveModel = event.clone().into();
    if patch.start.is_some() || patch.end.is_some() || patch.time_zone.is_some() {
        let zone = input::zone(
            "timeZone",
            patch.time_zone.as_deref().unwrap_or(&event.time_zone),
        )?;
        let old_zone = input::zone("timeZone", &event.time_zone)?;
        let start = match &patch.start {
            Some(s) => input::local("start", s)?,
            None => event.starts_at.with_timezone(&old_zone).naive_local(),
        };
        let end = match &patch.end {
            Some(e) => input::local("end", e)?,
            None => event.ends_at.with_timezone(&old_zone).naive_local(),
        };
        let (starts_at, ends_at) = input::span(zone, start, end)?;
        row.time_zone = Set(zone.name().to_owned());
        row.starts_at = Set(starts_at);
        row.ends_at = Set(ends_at);
        if let Some(original) = event.original_starts_at {
            row.moved = Set(starts_at != original);
        }
    }
    apply(&mut row, &template);
    if event.series_id.is_some() {
        row.detached = Set(true);
    }
    row.sequence = Set(event.sequence + 1);
    row.updated_at = Set(Utc::now());
    row.update(&txn).await?;
    let promoted = if frees_seats(event.capacity, template.capacity) {
        promote(&txn, event.id).await?
    } else {
        Vec::new()
    };
    let event = reload(&txn, id).await?;
    let mut told = vec![event_event(DomainEventType::EventUpdated, &event)];
    told.extend(promotions_told(&txn, &promoted, event.id).await?);
    outbox::record(&txn, viewer, told).await?;
    txn.commit().await?;
    Ok(event)
}

/// Changes a series and its future occurrences that are neither detached nor cancelled.
pub async fn update_series(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    patch: SeriesPatch,
) -> ServiceResult<event_series::Model> {
    let txn = crate::db::begin_write(db).await?;
    let (series, community) = load_series(&txn, viewer, id).await?;
    access::require_event_host(&txn, viewer, &community).await?;
    not_cancelled(series.state, "seriesId")?;
    let template = merge(
        &series.title,
        &series.description,
        series.kind,
        series.format,
        series.join_url.as_deref(),
        series.place.as_deref(),
        series.capacity,
        &patch,
    )?;
    let now = Utc::now();
    let mut row: event_series::ActiveModel = series.clone().into();
    row.title = Set(template.title.clone());
    row.description = Set(template.description.clone());
    row.kind = Set(template.kind);
    row.format = Set(template.format);
    row.join_url = Set(template.join_url.clone());
    row.place = Set(template.place.clone());
    row.capacity = Set(template.capacity);
    row.updated_at = Set(now);
    let series = row.update(&txn).await?;
    let mut told = vec![series_event(DomainEventType::EventSeriesUpdated, &series)];
    for event in future_occurrences(&txn, series.id, now).await? {
        if event.detached {
            continue;
        }
        let frees = frees_seats(event.capacity, template.capacity);
        let mut row: event::ActiveModel = event.clone().into();
        apply(&mut row, &template);
        row.sequence = Set(event.sequence + 1);
        row.updated_at = Set(now);
        row.update(&txn).await?;
        if frees {
            let promoted = promote(&txn, event.id).await?;
            told.extend(promotions_told(&txn, &promoted, event.id).await?);
        }
    }
    outbox::record(&txn, viewer, told).await?;
    txn.commit().await?;
    Ok(series)
}

async fn future_occurrences(
    db: &impl ConnectionTrait,
    series_id: Uuid,
    now: DateTime<Utc>,
) -> ServiceResult<Vec<event::Model>> {
    Ok(event::Entity::find()
        .filter(event::Column::SeriesId.eq(series_id))
        .filter(event::Column::State.eq(EventState::Scheduled))
        .filter(event::Column::StartsAt.gt(now))
        .order_by_asc(event::Column::StartsAt)
        .all(db)
        .await?)
}

/// Cancels one event or occurrence (hosts); it stays readable as CANCELLED.
pub async fn cancel(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    reason: Option<String>,
) -> ServiceResult<event::Model> {
    let reason = parse_note("reason", reason.as_deref())?;
    let txn = crate::db::begin_write(db).await?;
    let (event, community) = load(&txn, viewer, id).await?;
    access::require_event_host(&txn, viewer, &community).await?;
    not_cancelled(event.state, "eventId")?;
    let mut row: event::ActiveModel = event.clone().into();
    row.state = Set(EventState::Cancelled);
    row.cancel_reason = Set(reason);
    row.sequence = Set(event.sequence + 1);
    row.updated_at = Set(Utc::now());
    let event = row.update(&txn).await?;
    let told = event_event(DomainEventType::EventCancelled, &event);
    outbox::record(&txn, viewer, vec![told]).await?;
    txn.commit().await?;
    Ok(event)
}

/// Cancels every occurrence that has not started and stops the series (hosts).
pub async fn cancel_series(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    reason: Option<String>,
) -> ServiceResult<event_series::Model> {
    let reason = parse_note("reason", reason.as_deref())?;
    let txn = crate::db::begin_write(db).await?;
    let (series, community) = load_series(&txn, viewer, id).await?;
    access::require_event_host(&txn, viewer, &community).await?;
    not_cancelled(series.state, "seriesId")?;
    let now = Utc::now();
    let mut row: event_series::ActiveModel = series.into();
    row.state = Set(EventState::Cancelled);
    row.complete = Set(true);
    row.updated_at = Set(now);
    let series = row.update(&txn).await?;
    for event in future_occurrences(&txn, series.id, now).await? {
        let sequence = event.sequence;
        let mut row: event::ActiveModel = event.into();
        row.state = Set(EventState::Cancelled);
        row.cancel_reason = Set(reason.clone());
        row.sequence = Set(sequence + 1);
        row.updated_at = Set(now);
        row.update(&txn).await?;
    }
    let told = series_event(DomainEventType::EventSeriesCancelled, &series);
    outbox::record(&txn, viewer, vec![told]).await?;
    txn.commit().await?;
    Ok(series)
}
