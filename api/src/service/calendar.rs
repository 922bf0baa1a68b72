//! Calendar feeds (iCalendar, RFC 5545): a secret token per person (only its SHA-256 is
//! stored), the person's feed and each community's feed, built for the token's person as a
//! viewer. The rules are in `docs/CULTURE.md` ("Calendars").

use crate::{
    access,
    auth::{PersonViewer, Viewer},
    error::{ServiceError, ServiceResult},
};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use chrono::{DateTime, Duration, Utc};
use entity::{
    calendar_feed, community,
    enums::{EventState, MembershipStatus, RsvpStatus},
    event, event_rsvp, membership, organization,
};
use icalendar::{Calendar, Component, EventStatus};
use rand::RngCore;
use sea_orm::{
    sea_query::Query, ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait,
    DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use uuid::Uuid;

/// Prefix of every feed token.
pub const TOKEN_PREFIX: &str = "pxc_";
/// How far back feeds reach.
pub const LOOKBACK_DAYS: i64 = 90;
/// Most events one feed lists.
pub const MAX_FEED_EVENTS: u64 = 2_000;

/// Lowercase hex SHA-256 of a token.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!("{TOKEN_PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// The viewer's feed, if they have one.
pub async fn feed_of(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
) -> ServiceResult<Option<calendar_feed::Model>> {
    let Some(me) = viewer.person() else {
        return Ok(None);
    };
    Ok(calendar_feed::Entity::find()
        .filter(calendar_feed::Column::PersonId.eq(me.person_id))
        .one(db)
        .await?)
}

/// Gives the viewer a new secret token, replacing any old one. The token is returned once.
pub async fn rotate(
    db: &DatabaseConnection,
    viewer: &Viewer,
) -> ServiceResult<(String, calendar_feed::Model)> {
    let me = access::require_person(viewer)?;
    let token = new_token();
    let txn = crate::db::begin_write(db).await?;
    calendar_feed::Entity::delete_many()
        .filter(calendar_feed::Column::PersonId.eq(me.person_id))
        .exec(&txn)
        .await?;
    let feed = calendar_feed::ActiveModel {
        id: Set(Uuid::now_v7()),
        person_id: Set(me.person_id),
        organization_id: Set(me.organization_id),
        token_hash: Set(token_hash(&token)),
        created_at: Set(Utc::now()),
        last_used_at: Set(None),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok((token, feed))
}

/// Removes the viewer's token; the removed feed, if there was one.
pub async fn revoke(
    db: &DatabaseConnection,
    viewer: &Viewer,
) -> ServiceResult<Option<calendar_feed::Model>> {
    let me = access::require_person(viewer)?;
    let existing = feed_of(db, viewer).await?;
    calendar_feed::Entity::delete_many()
        .filter(calendar_feed::Column::PersonId.eq(me.person_id))
        .exec(db)
        .await?;
    Ok(existing)
}

/// The person a token reads as (NOT_FOUND for an unknown token or a disabled organization).
/// Marks the feed used, at most once an hour.
pub async fn authenticate(db: &DatabaseConnection, token: &str) -> ServiceResult<Viewer> {
    if !token.starts_with(TOKEN_PREFIX) || token.len() > 200 {
        return Err(ServiceError::NotFound);
    }
    let feed = calendar_feed::Entity::find()
        .filter(calendar_feed::Column::TokenHash.eq(token_hash(token)))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let org = organization::Entity::find_by_id(feed.organization_id)
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if org.disabled_at.is_some() {
        return Err(ServiceError::NotFound);
    }
    let now = Utc::now();
    if feed
        .last_used_at
        .is_none_or(|t| now - t >= Duration::hours(1))
    {
        calendar_feed::Entity::update_many()
            .col_expr(
                calendar_feed::Column::LastUsedAt,
                sea_orm::sea_query::Expr::value(now),
            )
            .filter(calendar_feed::Column::Id.eq(feed.id))
            .exec(db)
            .await?;
    }
    Ok(Viewer::Person(PersonViewer {
        person_id: feed.person_id,
        organization_id: feed.organization_id,
        is_admin: false,
    }))
}

/// The person's feed: events from 90 days ago on of communities live for them where they are
/// an ACTIVE member, and events they answered GOING, MAYBE or WAITLISTED that they still see.
pub async fn personal_feed(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    now: DateTime<Utc>,
) -> ServiceResult<String> {
    let me = access::require_person(viewer)?;
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
    let events = event::Entity::find()
        .filter(access::visible_events(viewer))
        .filter(event::Column::StartsAt.gte(now - Duration::days(LOOKBACK_DAYS)))
        .filter(
            Condition::any()
                .add(event::Column::CommunityId.in_subquery(member_of))
                .add(event::Column::Id.in_subquery(answered)),
        )
        .order_by_asc(event::Column::StartsAt)
        .order_by_asc(event::Column::Id)
        .limit(MAX_FEED_EVENTS)
        .all(db)
        .await?;
    render(db, viewer, "Praxis events", &events).await
}

/// A community's feed, if the community is live for the viewer (else NOT_FOUND).
pub async fn community_feed(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    community_id: Uuid,
    now: DateTime<Utc>,
) -> ServiceResult<String> {
    let community = community::Entity::find_by_id(community_id)
        .filter(access::visible_communities(viewer))
        .filter(access::viewer_live_communities(viewer))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let events = event::Entity::find()
        .filter(access::visible_events(viewer))
        .filter(event::Column::CommunityId.eq(community.id))
        .filter(event::Column::StartsAt.gte(now - Duration::days(LOOKBACK_DAYS)))
        .order_by_asc(event::Column::StartsAt)
        .order_by_asc(event::Column::Id)
        .limit(MAX_FEED_EVENTS)
        .all(db)
        .await?;
    render(db, viewer, &format!("{} (Praxis)", community.name), &events).await
}

/// The communities among `ids` whose join URLs the viewer reads.
async fn join_url_readers(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    ids: &HashSet<Uuid>,
) -> ServiceResult<HashSet<Uuid>> {
    let communities = community::Entity::find()
        .filter(community::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let mut readers = HashSet::new();
    for community in communities {
        if access::sees_join_url(db, viewer, &community).await? {
            readers.insert(community.id);
        }
    }
    Ok(readers)
}

/// The event's GraphQL global id (`base64url("Event:<uuid>")`, as `graphql::node` makes it):
/// the feed's UIDs are `<eventId>@praxis` with the id clients know.
fn event_global_id(id: Uuid) -> String {
    URL_SAFE_NO_PAD.encode(format!("Event:{id}"))
}

/// An iCalendar date-time in UTC (`YYYYMMDDTHHMMSSZ`).
fn utc(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// One VEVENT per event, occurrences one by one (with RECURRENCE-ID).
async fn render(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    name: &str,
    events: &[event::Model],
) -> ServiceResult<String> {
    let communities: HashSet<Uuid> = events.iter().map(|e| e.community_id).collect();
    let readers = join_url_readers(db, viewer, &communities).await?;
    let stamp = Utc::now();
    let mut calendar = Calendar::new();
    calendar.name(name);
    for e in events {
        let mut v = icalendar::Event::new();
        v.uid(&format!("{}@praxis", event_global_id(e.id)))
            .timestamp(stamp)
            .add_property("DTSTART", utc(e.starts_at))
            .add_property("DTEND", utc(e.ends_at))
            .sequence(u32::try_from(e.sequence).unwrap_or(0))
            .status(if e.state == EventState::Cancelled {
                EventStatus::Cancelled
            } else {
                EventStatus::Confirmed
            })
            .summary(&e.title)
            .add_property("CATEGORIES", e.kind.as_str());
        if !e.description.is_empty() {
            v.description(&e.description);
        }
        let join_url = e
            .join_url
            .as_deref()
            .filter(|_| readers.contains(&e.community_id));
        if let Some(place) = e.place.as_deref().or(join_url) {
            v.add_property("LOCATION", place);
        }
        if let Some(url) = join_url {
            v.url(url);
        }
        if let (Some(_), Some(original)) = (e.series_id, e.original_starts_at) {
            v.add_property("RECURRENCE-ID", utc(original));
        }
        calendar.push(v.done());
    }
    Ok(calendar.done().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uids_use_the_graphql_id_and_tokens_hash_to_hex() {
        let id = Uuid::now_v7();
        let gid = crate::graphql::node::global_id(crate::graphql::node::NodeKind::Event, id);
        assert_eq!(event_global_id(id), gid.as_str());
        let token = new_token();
        assert!(token.starts_with(TOKEN_PREFIX));
        assert_eq!(token.len(), TOKEN_PREFIX.len() + 43);
        let hash = token_hash(&token);
        assert_eq!(hash.len(), 64);
        assert!(hash
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    }
}
