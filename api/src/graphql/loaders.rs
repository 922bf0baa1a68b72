//! Per-request DataLoaders: lookups by id made during one request are batched into one
//! statement per kind and depth. Each loader carries the viewer, so a batch only ever returns
//! rows the viewer may see.

use crate::{auth::Viewer, error::ServiceError, service};
use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use entity::{organization, person};
use sea_orm::DatabaseConnection;
use std::{collections::HashMap, sync::Arc};
use uuid::Uuid;

pub struct OrganizationLoader {
    db: DatabaseConnection,
    viewer: Viewer,
}

impl Loader<Uuid> for OrganizationLoader {
    type Value = organization::Model;
    type Error = Arc<ServiceError>;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        service::organization::find_visible(&self.db, &self.viewer, keys)
            .await
            .map_err(Arc::new)
    }
}

pub struct PersonLoader {
    db: DatabaseConnection,
    viewer: Viewer,
}

impl Loader<Uuid> for PersonLoader {
    type Value = person::Model;
    type Error = Arc<ServiceError>;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        service::person::find_visible(&self.db, &self.viewer, keys)
            .await
            .map_err(Arc::new)
    }
}

/// The loaders of one request.
/// Each caches what it loaded for the rest of the request (never longer: the viewer's rights
/// may change between requests).
pub struct Loaders {
    organizations: DataLoader<OrganizationLoader, HashMapCache>,
    people: DataLoader<PersonLoader, HashMapCache>,
}

impl Loaders {
    pub fn new(db: &DatabaseConnection, viewer: &Viewer) -> Self {
        Self {
            organizations: DataLoader::with_cache(
                OrganizationLoader {
                    db: db.clone(),
                    viewer: viewer.clone(),
                },
                tokio::spawn,
                HashMapCache::default(),
            ),
            people: DataLoader::with_cache(
                PersonLoader {
                    db: db.clone(),
                    viewer: viewer.clone(),
                },
                tokio::spawn,
                HashMapCache::default(),
            ),
        }
    }

    pub async fn organization(
        &self,
        id: Uuid,
    ) -> Result<Option<organization::Model>, Arc<ServiceError>> {
        self.organizations.load_one(id).await
    }

    pub async fn person(&self, id: Uuid) -> Result<Option<person::Model>, Arc<ServiceError>> {
        self.people.load_one(id).await
    }
}
