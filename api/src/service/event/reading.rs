//! Reading events, series and RSVPs: lists paged by (startsAt, id), lookups by id for
//! DataLoaders. Everything goes through the visibility conditions of `access`.

use crate::{
    access,
    auth::Viewer,
    error::{ServiceError, ServiceResult},
    service::{
        page::{
            visible_by_id, Cursor, Listing, Page, PageRequest, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE,
        },
        siblings::{Ordered, Siblings},
    },
};
use chrono::{DateTime, TimeZone, Utc};
use entity::{
    community,
    enums::{EventKind, EventState, MembershipStatus, RsvpStatus},
    event, event_rsvp, event_series, membership,
};
use sea_orm::{
    sea_query::Query, ColumnTrait, Condition, ConnectionTrait, EntityTrait, Order, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Select,
};
use std::collections::HashMap;
use uuid::Uuid;

/// Narrows an event list.
#[derive(Debug, Clone)]
pub struct EventFilter {
    /// Events starting at or after this instant.
    pub from: Option<DateTime<Utc>>,
    /// Events starting before this instant.
    pub to: Option<DateTime<Utc>>,
    pub kinds: Option<Vec<EventKind>>,
    pub include_cancelled: bool,
}

impl Default for EventFilter {
    fn default() -> Self {
        Self {
            from: None,
            to: None,
            kinds: None,
            include_cancelled: true,
        }
    }
}

/// Whose events a list holds.
#[derive(Debug, Clone, Copy)]
pub enum EventScope {
    Community(Uuid),
    Series(Uuid),
    /// Not ended, of communities the viewer is an ACTIVE member of, or answered GOING, MAYBE
    /// or WAITLISTED.
    Upcoming(DateTime<Utc>),
}

/// A list of events ordered by (startsAt, id), cut by keyset.
#[derive(Debug, Clone)]
pub struct EventListing {
    select: Select<event::Entity>,
}

fn micros(at: DateTime<Utc>) -> i64 {
    at.timestamp_micros()
}

impl EventListing {
    pub fn cursor_of(row: &event::Model) -> Cursor {
        Cursor {
            rank: Some(micros(row.starts_at)),
            id: row.id,
        }
    }

    fn beyond(cursor: Cursor, forward: bool, field: &str) -> ServiceResult<Condition> {
        let rank = cursor
            .rank
            .ok_or_else(|| ServiceError::invalid(field, "this cursor belongs to another list"))?;
        let at = Utc
            .timestamp_micros(rank)
            .single()
            .ok_or_else(|| ServiceError::invalid(field, "not a valid cursor"))?;
        Ok(if forward {
            Condition::any().add(event::Column::StartsAt.gt(at)).add(
                Condition::all()
                    .add(event::Column::StartsAt.eq(at))
                    .add(event::Column::Id.gt(cursor.id)),
            )
        } else {
            Condition::any().add(event::Column::StartsAt.lt(at)).add(
                Condition::all()
                    .add(event::Column::StartsAt.eq(at))
                    .add(event::Column::Id.lt(cursor.id)),
            )
        })
    }

    pub async fn page(
        &self,
        db: &impl ConnectionTrait,
        request: &PageRequest,
    ) -> ServiceResult<Page<event::Model>> {
        let check = |field: &str, n: i32| -> ServiceResult<u64> {
            match u64::try_from(n) {
                Ok(n) if n <= MAX_PAGE_SIZE => Ok(n),
                Ok(_) => Err(ServiceError::invalid(
                    field,
                    format!("must be at most {MAX_PAGE_SIZE}"),
                )),
                Err(_) => Err(ServiceError::invalid(field, "must not be negative")),
            }
        };
        let (size, backward) = match (request.first, request.last) {
            (Some(_), Some(_)) => {
                return Err(ServiceError::invalid(
                    "last",
                    "pass either first or last, not both",
                ))
            }
            (Some(first), None) => (check("first", first)?, false),
            (None, Some(last)) => (check("last", last)?, true),
            (None, None) => (
                DEFAULT_PAGE_SIZE,
                request.before.is_some() && request.after.is_none(),
            ),
        };
        let mut select = self.select.clone();
        if let Some(after) = request.after {
            select = select.filter(Self::beyond(after, true, "after")?);
        }
        if let Some(before) = request.before {
            select = select.filter(Self::beyond(before, false, "before")?);
        }
        let order = if backward { Order::Desc } else { Order::Asc };
        let mut items = select
            .order_by(event::Column::StartsAt, order.clone())
            .order_by(event::Column::Id, order)
            .limit(size + 1)
            .all(db)
            .await?;
        let more = items.len() as u64 > size;
        items.truncate(size as usize);
        if backward {
            items.reverse();
        }
        Ok(Page {
            items,
            has_previous_page: if backward {
                more
            } else {
                request.after.is_some()
            },
            has_next_page: if backward {
                request.before.is_some()
            } else {
                more
            },
        })
    }

    pub async fn count(&self, db: &impl ConnectionTrait) -> ServiceResult<u64> {
        Ok(self.select.clone().count(db).await?)
    }
}

/// The events of a scope the viewer may see.
pub fn listing(
    viewer: &Viewer,
    scope: EventScope,
    filter: &EventFilter,
) -> ServiceResult<EventListing> {
    access::require_signed_in(viewer)?;
    let mut select = event::Entity::find().filter(access::visible_events(viewer));
    select = match scope {
        EventScope::Community(id) => select.filter(event::Column::CommunityId.eq(id)),
        EventScope::Series(id) => select.filter(event::Column::SeriesId.eq(id)),
        EventScope::Upcoming(now) => {
            let Some(me) = viewer.person() else {
                return Ok(EventListing {
                    select: select.filter(event::Column::Id.is_null()),
                });
            };
            let member_of = Query::select()
                .column(membership::Column::CommunityId)
                .from(membership::Entity)
                .and_where(membership::Column::PersonId.eq(me.person_id))
                .and_where(membership::Column::Status.eq(MembershipStatus::Active))
                .to_owned();
            let answered = Query::select()
                .column(event_rsvp::Column::EventId)
                .from(event_rsvp::Entity)
                .and_where(event_rsvp::Column::PersonId.eq(me.person_id))
                .and_where(event_rsvp::Column::Status.is_in([
                    RsvpStatus::Going,
                    RsvpStatus::Maybe,
                    RsvpStatus::Waitlisted,
                ]))
                .to_owned();
            select.filter(event::Column::EndsAt.gt(now)).filter(
                Condition::any()
                    .add(event::Column::CommunityId.in_subquery(member_of))
                    .add(event::Column::Id.in_subquery(answered)),
            )
        }
    };
    Ok(EventListing {
        select: narrowed(select, filter),
    })
}

/// The events of many communities, each community's as
/// `listing(viewer, EventScope::Community(id), filter)` lists them.
pub fn listing_by_community(
    viewer: &Viewer,
    filter: &EventFilter,
) -> ServiceResult<Siblings<EventListing>> {
    access::require_signed_in(viewer)?;
    let select = event::Entity::find().filter(access::visible_events(viewer));
    let listing = EventListing {
        select: narrowed(select, filter),
    };
    Ok(Siblings::new(listing, event::Column::CommunityId))
}

fn narrowed(mut select: Select<event::Entity>, filter: &EventFilter) -> Select<event::Entity> {
    if let Some(from) = filter.from {
        select = select.filter(event::Column::StartsAt.gte(from));
    }
    if let Some(to) = filter.to {
        select = select.filter(event::Column::StartsAt.lt(to));
    }
    if let Some(kinds) = &filter.kinds {
        select = select.filter(event::Column::Kind.is_in(kinds.iter().copied()));
    }
    if !filter.include_cancelled {
        select = select.filter(event::Column::State.eq(EventState::Scheduled));
    }
    select
}

impl Ordered for EventListing {
    type Entity = event::Entity;

    fn select(&self) -> &Select<event::Entity> {
        &self.select
    }

    fn order(&self) -> Vec<(event::Column, bool)> {
        vec![(event::Column::StartsAt, true), (event::Column::Id, true)]
    }

    fn cursor(&self, row: &event::Model, _id: Uuid) -> Cursor {
        Self::cursor_of(row)
    }
}

/// Events by id, those the viewer may see.
pub async fn find_visible(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, event::Model>> {
    access::require_signed_in(viewer)?;
    visible_by_id::<event::Entity, _>(
        db,
        access::visible_events(viewer),
        event::Column::Id,
        ids,
        |e| e.id,
    )
    .await
}

/// Series by id, those the viewer may see.
pub async fn find_visible_series(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, event_series::Model>> {
    access::require_signed_in(viewer)?;
    visible_by_id::<event_series::Entity, _>(
        db,
        access::visible_event_series(viewer),
        event_series::Column::Id,
        ids,
        |s| s.id,
    )
    .await
}

/// RSVPs by id, those the viewer may see.
pub async fn find_visible_rsvps(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, event_rsvp::Model>> {
    access::require_signed_in(viewer)?;
    visible_by_id::<event_rsvp::Entity, _>(
        db,
        access::visible_rsvps(viewer),
        event_rsvp::Column::Id,
        ids,
        |r| r.id,
    )
    .await
}

/// Keyed by event id: the viewer's own RSVP.
pub async fn viewer_rsvps(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    event_ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, event_rsvp::Model>> {
    let Some(me) = viewer.person() else {
        return Ok(HashMap::new());
    };
    Ok(event_rsvp::Entity::find()
        .filter(access::visible_rsvps(viewer))
        .filter(event_rsvp::Column::PersonId.eq(me.person_id))
        .filter(event_rsvp::Column::EventId.is_in(event_ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.event_id, r))
        .collect())
}

/// Keyed by event id: the ids of its waitlisted RSVPs, first in line first.
pub async fn waitlists_of(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    event_ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, Vec<Uuid>>> {
    let rows = event_rsvp::Entity::find()
        .filter(access::visible_rsvps(viewer))
        .filter(event_rsvp::Column::EventId.is_in(event_ids.iter().copied()))
        .filter(event_rsvp::Column::Status.eq(RsvpStatus::Waitlisted))
        .order_by_asc(event_rsvp::Column::WaitlistedAt)
        .order_by_asc(event_rsvp::Column::Id)
        .all(db)
        .await?;
    let mut lists: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for row in rows {
        lists.entry(row.event_id).or_default().push(row.id);
    }
    Ok(lists)
}

/// Keyed by community id: whether the viewer hosts its events.
pub async fn host_of(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    community_ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, bool>> {
    let communities = community::Entity::find()
        .filter(access::visible_communities(viewer))
        .filter(community::Column::Id.is_in(community_ids.iter().copied()))
        .all(db)
        .await?;
    let mut hosts = HashMap::new();
    for community in communities {
        let hosts_it = match access::require_event_host(db, viewer, &community).await {
            Ok(()) => true,
            Err(ServiceError::Forbidden(_)) | Err(ServiceError::Unauthenticated(_)) => false,
            Err(other) => return Err(other),
        };
        hosts.insert(community.id, hosts_it);
    }
    Ok(hosts)
}

/// The RSVPs of an event the viewer may see, in the order they were made.
pub fn rsvps_of(
    viewer: &Viewer,
    event_id: Uuid,
    statuses: Option<&[RsvpStatus]>,
) -> ServiceResult<Listing<event_rsvp::Entity>> {
    access::require_signed_in(viewer)?;
    let mut select = event_rsvp::Entity::find()
        .filter(access::visible_rsvps(viewer))
        .filter(event_rsvp::Column::EventId.eq(event_id));
    if let Some(statuses) = statuses {
        select = select.filter(event_rsvp::Column::Status.is_in(statuses.iter().copied()));
    }
    Ok(Listing::oldest_first(select, event_rsvp::Column::Id))
}

/// The series of a community the viewer may see, oldest first.
pub fn community_series(
    viewer: &Viewer,
    community_id: Uuid,
) -> ServiceResult<Listing<event_series::Entity>> {
    access::require_signed_in(viewer)?;
    let select = event_series::Entity::find()
        .filter(access::visible_event_series(viewer))
        .filter(event_series::Column::CommunityId.eq(community_id));
    Ok(Listing::oldest_first(select, event_series::Column::Id))
}
