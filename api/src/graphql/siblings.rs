//! Nested connections batched across their parents: when the communities of a page each
//! resolve `problems(first: 5)`, the request's sibling loader reads every first page in one
//! statement and every `totalCount` in one more (see `service::siblings`). A page after or
//! before a cursor belongs to one parent and is read on its own.

use super::{
    connection::{connection, page_request, wants_total_count, PageArgs, PraxisConnection},
    error::GqlResult,
    loaders::Loaders,
};
use crate::{
    error::{ServiceError, ServiceResult},
    service::{
        page::Page,
        siblings::{Ordered, Siblings},
    },
};
use async_graphql::{dataloader::Loader, Context};
use sea_orm::{DatabaseConnection, EntityTrait};
use std::{
    collections::HashMap,
    hash::{Hash, Hasher},
    sync::Arc,
};
use uuid::Uuid;

type Model<L> = <<L as Ordered>::Entity as EntityTrait>::Model;

/// The first page of one parent's list: `size` rows from the start (or the end).
pub struct PageKey<L: Ordered> {
    parent: Uuid,
    size: u64,
    backward: bool,
    siblings: Arc<Siblings<L>>,
}

/// The size of one parent's list.
pub struct CountKey<L: Ordered> {
    parent: Uuid,
    siblings: Arc<Siblings<L>>,
}

impl<L: Ordered> Clone for PageKey<L> {
    fn clone(&self) -> Self {
        Self {
            parent: self.parent,
            size: self.size,
            backward: self.backward,
            siblings: self.siblings.clone(),
        }
    }
}

impl<L: Ordered> PartialEq for PageKey<L> {
    fn eq(&self, other: &Self) -> bool {
        self.parent == other.parent
            && self.size == other.size
            && self.backward == other.backward
            && self.siblings.fingerprint() == other.siblings.fingerprint()
    }
}

impl<L: Ordered> Eq for PageKey<L> {}

impl<L: Ordered> Hash for PageKey<L> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.parent.hash(state);
        self.size.hash(state);
        self.backward.hash(state);
        self.siblings.fingerprint().hash(state);
    }
}

impl<L: Ordered> Clone for CountKey<L> {
    fn clone(&self) -> Self {
        Self {
            parent: self.parent,
            siblings: self.siblings.clone(),
        }
    }
}

impl<L: Ordered> PartialEq for CountKey<L> {
    fn eq(&self, other: &Self) -> bool {
        self.parent == other.parent && self.siblings.fingerprint() == other.siblings.fingerprint()
    }
}

impl<L: Ordered> Eq for CountKey<L> {}

impl<L: Ordered> Hash for CountKey<L> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.parent.hash(state);
        self.siblings.fingerprint().hash(state);
    }
}

/// Reads the first pages and sizes of sibling lists, one statement per batch of keys that
/// share a list (the same fingerprint, page size and direction).
pub struct SiblingLoader {
    pub db: DatabaseConnection,
}

/// Groups keys by the list they read: (a representative key, the parents asking).
fn grouped<'k, K, G: Eq + Hash>(
    keys: &'k [K],
    group: impl Fn(&'k K) -> G,
    parent: impl Fn(&K) -> Uuid,
) -> Vec<(&'k K, Vec<Uuid>)> {
    let mut groups: HashMap<G, (&'k K, Vec<Uuid>)> = HashMap::new();
    for key in keys {
        groups
            .entry(group(key))
            .or_insert_with(|| (key, Vec::new()))
            .1
            .push(parent(key));
    }
    groups.into_values().collect()
}

impl<L> Loader<PageKey<L>> for SiblingLoader
where
    L: Ordered,
    Model<L>: Clone + Send + Sync,
{
    type Value = Page<Model<L>>;
    type Error = Arc<ServiceError>;

    async fn load(
        &self,
        keys: &[PageKey<L>],
    ) -> Result<HashMap<PageKey<L>, Self::Value>, Self::Error> {
        let mut loaded = HashMap::new();
        let groups = grouped(
            keys,
            |k| (k.siblings.fingerprint(), k.size, k.backward),
            |k| k.parent,
        );
        for (first, parents) in groups {
            let mut pages = first
                .siblings
                .first_pages(&self.db, &parents, first.size, first.backward)
                .await
                .map_err(Arc::new)?;
            for parent in parents {
                if let Some(page) = pages.remove(&parent) {
                    let key = PageKey {
                        parent,
                        ..first.clone()
                    };
                    loaded.insert(key, page);
                }
            }
        }
        Ok(loaded)
    }
}

impl<L> Loader<CountKey<L>> for SiblingLoader
where
    L: Ordered,
    Model<L>: Clone + Send + Sync,
{
    type Value = u64;
    type Error = Arc<ServiceError>;

    async fn load(
        &self,
        keys: &[CountKey<L>],
    ) -> Result<HashMap<CountKey<L>, Self::Value>, Self::Error> {
        let mut loaded = HashMap::new();
        for (first, parents) in grouped(keys, |k| k.siblings.fingerprint(), |k| k.parent) {
            let counts = first
                .siblings
                .counts(&self.db, &parents)
                .await
                .map_err(Arc::new)?;
            for (parent, count) in counts {
                let key = CountKey {
                    parent,
                    siblings: first.siblings.clone(),
                };
                loaded.insert(key, count);
            }
        }
        Ok(loaded)
    }
}

/// Resolves a connection nested under a list: the first page of `parent`'s list (and its
/// `totalCount` when selected) read together with its siblings'; after or before a cursor,
/// `one_parent` resolves it alone.
pub async fn sibling_connection<L, N, One>(
    ctx: &Context<'_>,
    siblings: ServiceResult<Siblings<L>>,
    parent: Uuid,
    args: PageArgs,
    key: impl Fn(&Model<L>) -> Uuid,
    node: impl Fn(Model<L>) -> N,
    one_parent: impl FnOnce(PageArgs) -> One,
) -> async_graphql::Result<PraxisConnection<N>>
where
    L: Ordered,
    Model<L>: Clone + Send + Sync,
    N: async_graphql::OutputType,
    One: std::future::Future<Output = async_graphql::Result<PraxisConnection<N>>>,
{
    if args.after.is_some() || args.before.is_some() {
        return one_parent(args).await;
    }
    let request = page_request(args.first, None, args.last, None)?;
    let siblings = Arc::new(siblings.gql()?);
    let (size, backward) = request.size_and_direction().gql()?;
    let loaders = ctx.data::<Loaders>()?;
    let page = loaders.sibling_page(PageKey {
        parent,
        size,
        backward,
        siblings: siblings.clone(),
    });
    let total = async {
        if wants_total_count(ctx) {
            let key = CountKey {
                parent,
                siblings: siblings.clone(),
            };
            loaders.sibling_count(key).await
        } else {
            Ok(Some(0))
        }
    };
    let (page, total) = futures_util::future::join(page, total).await;
    let page = page.gql()?.unwrap_or(Page {
        items: Vec::new(),
        has_previous_page: false,
        has_next_page: false,
    });
    let total = total.gql()?.unwrap_or(0);
    let listing = siblings.listing();
    Ok(connection(
        page,
        total,
        |row| listing.cursor(row, key(row)),
        node,
    ))
}
