//! Events of a community: single ones and recurring series (materialized occurrences), RSVPs
//! with a waitlist, check-ins. The rules are in `docs/CULTURE.md`.

mod attendance;
mod creating;
mod editing;
pub mod input;
mod reading;
pub mod recurrence;
mod told;

pub use attendance::{check_in, rsvp, undo_check_in, RsvpResponse};
pub use creating::{create, NewEvent};
pub use editing::{cancel, cancel_series, update, update_series, EventPatch, SeriesPatch};
pub use reading::{
    community_series, find_visible, find_visible_rsvps, find_visible_series, host_of, listing,
    listing_by_community, rsvps_of, viewer_rsvps, waitlists_of, EventFilter, EventListing,
    EventScope,
};
pub use recurrence::extend_open_series;

use crate::{
    access,
    auth::Viewer,
    error::{ServiceError, ServiceResult},
    service::participation::visible_community,
};
use entity::{community, event, event_series};
use sea_orm::{ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

/// An event through the policy (NOT_FOUND when invisible), with its community.
async fn load(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    id: Uuid,
) -> ServiceResult<(event::Model, community::Model)> {
    let event = event::Entity::find_by_id(id)
        .filter(access::visible_events(viewer))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let community = visible_community(db, viewer, event.community_id).await?;
    Ok((event, community))
}

/// A series through the policy, with its community.
async fn load_series(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    id: Uuid,
) -> ServiceResult<(event_series::Model, community::Model)> {
    let series = event_series::Entity::find_by_id(id)
        .filter(access::visible_event_series(viewer))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let community = visible_community(db, viewer, series.community_id).await?;
    Ok((series, community))
}
