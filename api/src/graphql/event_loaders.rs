//! Per-request DataLoaders of events, series, RSVPs and the viewer's standing towards them:
//! one statement per kind and depth, whatever the page size. Each carries the viewer, so a
//! batch only returns what the viewer may see.

use crate::{auth::Viewer, error::ServiceError, service};
use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use entity::{event, event_rsvp, event_series};
use sea_orm::DatabaseConnection;
use std::{collections::HashMap, sync::Arc};
use uuid::Uuid;

type LoadResult<V> = Result<Option<V>, Arc<ServiceError>>;

macro_rules! event_loader {
    ($name:ident, $value:ty, $find:path) => {
        pub struct $name {
            db: DatabaseConnection,
            viewer: Viewer,
        }

        impl Loader<Uuid> for $name {
            type Value = $value;
            type Error = Arc<ServiceError>;

            async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
                $find(&self.db, &self.viewer, keys).await.map_err(Arc::new)
            }
        }
    };
}

event_loader!(EventLoader, event::Model, service::event::find_visible);
event_loader!(
    SeriesLoader,
    event_series::Model,
    service::event::find_visible_series
);
event_loader!(
    RsvpLoader,
    event_rsvp::Model,
    service::event::find_visible_rsvps
);
// Keyed by event id: the viewer's own RSVP.
event_loader!(
    ViewerRsvpLoader,
    event_rsvp::Model,
    service::event::viewer_rsvps
);
// Keyed by event id: its waitlist, first in line first.
event_loader!(WaitlistLoader, Vec<Uuid>, service::event::waitlists_of);
// Keyed by community id: whether the viewer hosts its events.
event_loader!(HostLoader, bool, service::event::host_of);

fn loader<L: Loader<Uuid>>(make: L) -> DataLoader<L, HashMapCache> {
    DataLoader::with_cache(make, tokio::spawn, HashMapCache::default())
}

/// The event loaders of one request.
pub struct EventLoaders {
    events: DataLoader<EventLoader, HashMapCache>,
    series: DataLoader<SeriesLoader, HashMapCache>,
    rsvps: DataLoader<RsvpLoader, HashMapCache>,
    viewer_rsvps: DataLoader<ViewerRsvpLoader, HashMapCache>,
    waitlists: DataLoader<WaitlistLoader, HashMapCache>,
    hosts: DataLoader<HostLoader, HashMapCache>,
}

macro_rules! make {
    ($ty:ident, $db:expr, $viewer:expr) => {
        loader($ty {
            db: $db.clone(),
            viewer: $viewer.clone(),
        })
    };
}

impl EventLoaders {
    /// Stops caching (see `Loaders::disable_cache`).
    pub fn disable_cache(&self) {
        self.events.enable_all_cache(false);
        self.series.enable_all_cache(false);
        self.rsvps.enable_all_cache(false);
        self.viewer_rsvps.enable_all_cache(false);
        self.waitlists.enable_all_cache(false);
        self.hosts.enable_all_cache(false);
    }

    pub fn new(db: &DatabaseConnection, viewer: &Viewer) -> Self {
        Self {
            events: make!(EventLoader, db, viewer),
            series: make!(SeriesLoader, db, viewer),
            rsvps: make!(RsvpLoader, db, viewer),
            viewer_rsvps: make!(ViewerRsvpLoader, db, viewer),
            waitlists: make!(WaitlistLoader, db, viewer),
            hosts: make!(HostLoader, db, viewer),
        }
    }

    pub async fn event(&self, id: Uuid) -> LoadResult<event::Model> {
        self.events.load_one(id).await
    }

    pub async fn series(&self, id: Uuid) -> LoadResult<event_series::Model> {
        self.series.load_one(id).await
    }

    pub async fn rsvp(&self, id: Uuid) -> LoadResult<event_rsvp::Model> {
        self.rsvps.load_one(id).await
    }

    /// The viewer's own RSVP to an event.
    pub async fn viewer_rsvp(&self, event_id: Uuid) -> LoadResult<event_rsvp::Model> {
        self.viewer_rsvps.load_one(event_id).await
    }

    /// The waitlisted RSVP ids of an event, first in line first.
    pub async fn waitlist(&self, event_id: Uuid) -> Result<Vec<Uuid>, Arc<ServiceError>> {
        Ok(self.waitlists.load_one(event_id).await?.unwrap_or_default())
    }

    /// Whether the viewer hosts a community's events.
    pub async fn hosts(&self, community_id: Uuid) -> Result<bool, Arc<ServiceError>> {
        Ok(self.hosts.load_one(community_id).await?.unwrap_or(false))
    }
}

/// The event loaders of this request, made on first use if the server did not add them.
pub fn of<'a>(ctx: &async_graphql::Context<'a>) -> async_graphql::Result<&'a EventLoaders> {
    ctx.data::<EventLoaders>()
}
