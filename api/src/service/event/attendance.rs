//! RSVPs, the waitlist and check-ins. Seats are taken with a guarded update, so concurrent
//! answers never overfill an event; counters on the event row stay exact.

use super::{
    load,
    told::{promotions_told, rsvp_event},
};
use crate::{
    access,
    auth::Viewer,
    error::{is_unique_violation, ServiceError, ServiceResult},
    events::outbox,
};
use chrono::{DateTime, Duration, Utc};
use entity::{
    enums::{DomainEventType, EventState, MembershipStatus, RsvpStatus},
    event, event_rsvp, membership,
};
use sea_orm::{
    sea_query::{Expr, ExprTrait},
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

/// A person's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RsvpResponse {
    Going,
    Maybe,
    Declined,
}

/// A second first answer of the same person, racing the first: the unique (event, person)
/// index refuses it, and the whole transaction (its seat included) is undone.
fn answered_concurrently(err: sea_orm::DbErr) -> ServiceError {
    if is_unique_violation(&err) {
        ServiceError::conflict(
            "eventId",
            "answered at the same time by another request; try again",
        )
    } else {
        err.into()
    }
}

/// Adds `by` to a counter of an event.
async fn bump(
    db: &impl ConnectionTrait,
    id: Uuid,
    column: event::Column,
    by: i32,
) -> ServiceResult<()> {
    event::Entity::update_many()
        .col_expr(column, Expr::col(column).add(by))
        .filter(event::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Takes a seat if one is free: `going_count < capacity`, in one statement.
async fn take_seat(db: &impl ConnectionTrait, id: Uuid) -> ServiceResult<bool> {
    let taken = event::Entity::update_many()
        .col_expr(
            event::Column::GoingCount,
            Expr::col(event::Column::GoingCount).add(1),
        )
        .filter(event::Column::Id.eq(id))
        .filter(
            Condition::any()
                .add(event::Column::Capacity.is_null())
                .add(Expr::col(event::Column::GoingCount).lt(Expr::col(event::Column::Capacity))),
        )
        .exec(db)
        .await?;
    Ok(taken.rows_affected == 1)
}

/// Promotes the first of the waitlist while seats are free; the RSVPs promoted, first in line
/// first.
pub(super) async fn promote(
    db: &impl ConnectionTrait,
    event_id: Uuid,
) -> ServiceResult<Vec<event_rsvp::Model>> {
    let mut promoted = Vec::new();
    loop {
        let Some(first) = event_rsvp::Entity::find()
            .filter(event_rsvp::Column::EventId.eq(event_id))
            .filter(event_rsvp::Column::Status.eq(RsvpStatus::Waitlisted))
            .order_by_asc(event_rsvp::Column::WaitlistedAt)
            .order_by_asc(event_rsvp::Column::Id)
            .one(db)
            .await?
        else {
            return Ok(promoted);
        };
        if !take_seat(db, event_id).await? {
            return Ok(promoted);
        }
        bump(db, event_id, event::Column::WaitlistCount, -1).await?;
        let mut row: event_rsvp::ActiveModel = first.into();
        row.status = Set(RsvpStatus::Going);
        row.waitlisted_at = Set(None);
        row.updated_at = Set(Utc::now());
        promoted.push(row.update(db).await?);
    }
}

async fn own_rsvp(
    db: &impl ConnectionTrait,
    event_id: Uuid,
    person_id: Uuid,
) -> ServiceResult<Option<event_rsvp::Model>> {
    Ok(event_rsvp::Entity::find()
        .filter(event_rsvp::Column::EventId.eq(event_id))
        .filter(event_rsvp::Column::PersonId.eq(person_id))
        .one(db)
        .await?)
}

async fn reload(
    db: &impl ConnectionTrait,
    rsvp: Uuid,
    event: Uuid,
) -> ServiceResult<(event_rsvp::Model, event::Model)> {
    let rsvp = event_rsvp::Entity::find_by_id(rsvp)
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let event = event::Entity::find_by_id(event)
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    Ok((rsvp, event))
}

/// Answers an event (ACTIVE members; SCHEDULED events that have not ended). GOING on a full
/// event puts the person on the waitlist; leaving GOING frees a seat for the first waiting.
pub async fn rsvp(
    db: &DatabaseConnection,
    viewer: &Viewer,
    event_id: Uuid,
    response: RsvpResponse,
) -> ServiceResult<(event_rsvp::Model, event::Model)> {
    let me = access::require_person(viewer)?;
    let txn = crate::db::begin_write(db).await?;
    let (event, community) = load(&txn, viewer, event_id).await?;
    access::require_active_member(&txn, viewer, &community).await?;
    let now = Utc::now();
    if event.state != EventState::Scheduled {
        return Err(ServiceError::invalid("eventId", "the event is cancelled"));
    }
    if event.ends_at <= now {
        return Err(ServiceError::invalid("eventId", "the event has ended"));
    }
    let existing = own_rsvp(&txn, event.id, me.person_id).await?;
    let old = existing.as_ref().map(|r| r.status);
    let (status, waitlisted_at) = match response {
        RsvpResponse::Going => match (old, existing.as_ref()) {
            (Some(RsvpStatus::Going), _) => (RsvpStatus::Going, None),
            (Some(RsvpStatus::Waitlisted), Some(r)) => (RsvpStatus::Waitlisted, r.waitlisted_at),
            _ => {
                if take_seat(&txn, event.id).await? {
                    (RsvpStatus::Going, None)
                } else {
                    bump(&txn, event.id, event::Column::WaitlistCount, 1).await?;
                    (RsvpStatus::Waitlisted, Some(now))
                }
            }
        },
        RsvpResponse::Maybe | RsvpResponse::Declined => {
            match old {
                Some(RsvpStatus::Going) => {
                    bump(&txn, event.id, event::Column::GoingCount, -1).await?;
                }
                Some(RsvpStatus::Waitlisted) => {
                    bump(&txn, event.id, event::Column::WaitlistCount, -1).await?;
                }
                _ => {}
            }
            let status = if response == RsvpResponse::Maybe {
                RsvpStatus::Maybe
            } else {
                RsvpStatus::Declined
            };
            (status, None)
        }
    };
    let id = match existing {
        Some(existing) => {
            let id = existing.id;
            let mut row: event_rsvp::ActiveModel = existing.into();
            row.status = Set(status);
            row.waitlisted_at = Set(waitlisted_at);
            row.responded_at = Set(now);
            row.updated_at = Set(now);
            row.update(&txn).await?;
            id
        }
        None => {
            event_rsvp::ActiveModel {
                id: Set(Uuid::now_v7()),
                event_id: Set(event.id),
                community_id: Set(event.community_id),
                person_id: Set(me.person_id),
                organization_id: Set(me.organization_id),
                status: Set(status),
                waitlisted_at: Set(waitlisted_at),
                responded_at: Set(now),
                checked_in_at: Set(None),
                checked_in_by_person_id: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await
            .map_err(answered_concurrently)?
            .id
        }
    };
    let promoted = if old == Some(RsvpStatus::Going) && status != RsvpStatus::Going {
        promote(&txn, event.id).await?
    } else {
        Vec::new()
    };
    let result = reload(&txn, id, event.id).await?;
    // Answering as before changes nothing worth telling.
    if old != Some(status) {
        let mut told =
            vec![rsvp_event(&txn, DomainEventType::RsvpChanged, &result.0, &result.1).await?];
        told.extend(promotions_told(&txn, &promoted, event.id).await?);
        outbox::record(&txn, viewer, told).await?;
    }
    txn.commit().await?;
    Ok(result)
}

/// Check-in opens an hour before the start and closes 7 days after the end.
fn check_in_open(event: &event::Model, now: DateTime<Utc>) -> ServiceResult<()> {
    if event.state != EventState::Scheduled {
        return Err(ServiceError::invalid("eventId", "the event is cancelled"));
    }
    if now < event.starts_at - Duration::hours(1) || now > event.ends_at + Duration::days(7) {
        return Err(ServiceError::invalid(
            "eventId",
            "check-in is open from one hour before the start until 7 days after the end",
        ));
    }
    Ok(())
}

/// Checks a member in (hosts). Without an RSVP they get one (GOING, counted even over
/// capacity: attendance is a fact).
pub async fn check_in(
    db: &DatabaseConnection,
    viewer: &Viewer,
    event_id: Uuid,
    person_id: Uuid,
) -> ServiceResult<(event_rsvp::Model, event::Model)> {
    let host = access::require_person(viewer).ok().map(|p| p.person_id);
    let txn = crate::db::begin_write(db).await?;
    let (event, community) = load(&txn, viewer, event_id).await?;
    access::require_event_host(&txn, viewer, &community).await?;
    let now = Utc::now();
    check_in_open(&event, now)?;
    let member = membership::Entity::find()
        .filter(membership::Column::CommunityId.eq(community.id))
        .filter(membership::Column::PersonId.eq(person_id))
        .filter(
            membership::Column::Status
                .is_not_in([MembershipStatus::Pending, MembershipStatus::Rejected]),
        )
        .one(&txn)
        .await?
        .ok_or_else(|| {
            ServiceError::invalid(
                "personId",
                "only members of the community can be checked in",
            )
        })?;
    let existing = own_rsvp(&txn, event.id, person_id).await?;
    if let Some(rsvp) = existing.as_ref().filter(|r| r.checked_in_at.is_some()) {
        let result = reload(&txn, rsvp.id, event.id).await?;
        txn.commit().await?;
        return Ok(result);
    }
    let id = match existing {
        Some(existing) => {
            let id = existing.id;
            match existing.status {
                RsvpStatus::Going => {}
                RsvpStatus::Waitlisted => {
                    bump(&txn, event.id, event::Column::WaitlistCount, -1).await?;
                    bump(&txn, event.id, event::Column::GoingCount, 1).await?;
                }
                RsvpStatus::Maybe | RsvpStatus::Declined => {
                    bump(&txn, event.id, event::Column::GoingCount, 1).await?;
                }
            }
            let mut row: event_rsvp::ActiveModel = existing.into();
            row.status = Set(RsvpStatus::Going);
            row.waitlisted_at = Set(None);
            row.checked_in_at = Set(Some(now));
            row.checked_in_by_person_id = Set(host);
            row.updated_at = Set(now);
            row.update(&txn).await?;
            id
        }
        None => {
            bump(&txn, event.id, event::Column::GoingCount, 1).await?;
            event_rsvp::ActiveModel {
                id: Set(Uuid::now_v7()),
                event_id: Set(event.id),
                community_id: Set(event.community_id),
                person_id: Set(person_id),
                organization_id: Set(member.organization_id),
                status: Set(RsvpStatus::Going),
                waitlisted_at: Set(None),
                responded_at: Set(now),
                checked_in_at: Set(Some(now)),
                checked_in_by_person_id: Set(host),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await
            .map_err(answered_concurrently)?
            .id
        }
    };
    bump(&txn, event.id, event::Column::CheckedInCount, 1).await?;
    let result = reload(&txn, id, event.id).await?;
    let told = rsvp_event(
        &txn,
        DomainEventType::AttendeeCheckedIn,
        &result.0,
        &result.1,
    )
    .await?;
    outbox::record(&txn, viewer, vec![told]).await?;
    txn.commit().await?;
    Ok(result)
}

/// Takes a check-in back (hosts, in the same window).
pub async fn undo_check_in(
    db: &DatabaseConnection,
    viewer: &Viewer,
    event_id: Uuid,
    person_id: Uuid,
) -> ServiceResult<(event_rsvp::Model, event::Model)> {
    let txn = crate::db::begin_write(db).await?;
    let (event, community) = load(&txn, viewer, event_id).await?;
    access::require_event_host(&txn, viewer, &community).await?;
    check_in_open(&event, Utc::now())?;
    let rsvp = own_rsvp(&txn, event.id, person_id)
        .await?
        .filter(|r| r.checked_in_at.is_some())
        .ok_or_else(|| ServiceError::invalid("personId", "this person is not checked in"))?;
    let id = rsvp.id;
    let mut row: event_rsvp::ActiveModel = rsvp.into();
    row.checked_in_at = Set(None);
    row.checked_in_by_person_id = Set(None);
    row.updated_at = Set(Utc::now());
    row.update(&txn).await?;
    bump(&txn, event.id, event::Column::CheckedInCount, -1).await?;
    let result = reload(&txn, id, event.id).await?;
    txn.commit().await?;
    Ok(result)
}
