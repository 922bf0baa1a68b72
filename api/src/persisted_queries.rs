//! Documents named by hash, over HTTP (POST and GET) and WebSocket alike (README, "Persisted
//! queries"):
//!
//! - **Automatic persisted queries** (Apollo's protocol): `extensions.persistedQuery =
//!   {version: 1, sha256Hash}`. With the query, its hash is checked and the pair cached; with
//!   the hash alone, the cached (or registered) query runs, or the answer is
//!   `PERSISTED_QUERY_NOT_FOUND` (message `PersistedQueryNotFound`) and the client resends
//!   the query. The cache is an LRU of this instance, bounded in entries and bytes: a miss
//!   costs one round trip and is always correct, so instances share nothing.
//! - **Registered operations** of the viewer's organization (stored, audited) are found by
//!   the same hash, or by a top-level `documentId: "sha256:<hash>"`. When the organization
//!   accepts only those, its people (not its admins, not the operator) get
//!   `PERSISTED_QUERY_REQUIRED` for anything else.
//!
//! This runs at the transport, before the schema: a GET must know its document to refuse a
//! mutation, and the registered operations depend on the viewer. async-graphql's
//! `ApolloPersistedQueries` extension runs inside the schema (after both) and its errors
//! carry no `extensions.code`, so only its building blocks (`lru`, `sha2`) are used here.

use crate::{
    access,
    auth::Viewer,
    error::ServiceError,
    graphql::error::{coded, to_graphql, ErrorCode},
    metrics::Metrics,
    service::persisted_operation::{
        document_hash, parse_hash, persisted_only, registered_document,
    },
};
use async_graphql::{Request, ServerError};
use lru::LruCache;
use sea_orm::DatabaseConnection;
use std::sync::{Arc, Mutex};

/// Most queries one instance caches.
pub const CACHE_ENTRIES: usize = 2_000;
/// Most bytes of query text one instance caches.
pub const CACHE_BYTES: usize = 16 * 1024 * 1024;
/// The key under which a request's top-level `documentId` travels in its extensions (the
/// request parsers of HTTP and WebSocket put it there).
pub const DOCUMENT_ID: &str = "documentId";
/// The only `documentId` form: `sha256:` and 64 hex digits.
const DOCUMENT_ID_PREFIX: &str = "sha256:";

/// This instance's cache of automatic persisted queries: hash -> query text.
pub struct QueryCache {
    inner: Mutex<Cached>,
}

struct Cached {
    entries: LruCache<String, Arc<str>>,
    bytes: usize,
    max_bytes: usize,
}

impl Default for QueryCache {
    fn default() -> Self {
        Self::new(CACHE_ENTRIES, CACHE_BYTES)
    }
}

impl QueryCache {
    /// At most `max_entries` queries of `max_bytes` in all (the least recently used go first).
    pub fn new(max_entries: usize, max_bytes: usize) -> Self {
        let capacity =
            std::num::NonZeroUsize::new(max_entries).unwrap_or(std::num::NonZeroUsize::MIN);
        Self {
            inner: Mutex::new(Cached {
                entries: LruCache::new(capacity),
                bytes: 0,
                max_bytes,
            }),
        }
    }

    fn get(&self, hash: &str) -> Option<Arc<str>> {
        self.inner.lock().ok()?.entries.get(hash).cloned()
    }

    fn put(&self, hash: String, query: &str) {
        let Ok(mut cached) = self.inner.lock() else {
            return;
        };
        if query.len() > cached.max_bytes {
            return;
        }
        if let Some((_, pushed_out)) = cached.entries.push(hash, Arc::from(query)) {
            cached.bytes -= pushed_out.len();
        }
        cached.bytes += query.len();
        while cached.bytes > cached.max_bytes {
            match cached.entries.pop_lru() {
                Some((_, dropped)) => cached.bytes -= dropped.len(),
                None => break,
            }
        }
    }
}

/// Why a request naming a document by hash (or not naming one) is refused.
#[derive(Debug)]
pub enum Refusal {
    /// The hash is neither cached nor registered, and no query came with it.
    NotFound,
    /// The organization accepts only its registered operations.
    Required,
    /// The extension or `documentId` is malformed, of another version, or not the query's.
    BadInput(String),
    /// The database failed.
    Internal(ServiceError),
}

impl Refusal {
    /// The error a client sees (a request error: no path, no data).
    pub fn into_server_error(self) -> ServerError {
        let error = match self {
            Self::NotFound => coded(ErrorCode::PersistedQueryNotFound, "PersistedQueryNotFound"),
            Self::Required => coded(
                ErrorCode::PersistedQueryRequired,
                "this organization accepts only its registered operations: send the \
                 sha256Hash of one in extensions.persistedQuery (or its documentId)",
            ),
            Self::BadInput(message) => coded(ErrorCode::BadUserInput, message),
            Self::Internal(err) => to_graphql(&err),
        };
        error.into_server_error(Default::default())
    }
}

impl From<ServiceError> for Refusal {
    fn from(err: ServiceError) -> Self {
        Self::Internal(err)
    }
}

/// A document a request names by hash.
struct Named {
    hash: String,
    /// Named by `extensions.persistedQuery` (so a query sent with it is cached).
    automatic: bool,
}

fn bad(message: impl Into<String>) -> Refusal {
    Refusal::BadInput(message.into())
}

/// Takes `extensions.persistedQuery` and `documentId` off the request.
fn named_document(request: &mut Request) -> Result<Option<Named>, Refusal> {
    let persisted = request.extensions.0.remove("persistedQuery");
    let document_id = request.extensions.0.remove(DOCUMENT_ID);
    match (persisted, document_id) {
        (None, None) => Ok(None),
        (Some(_), Some(_)) => Err(bad(
            "send either extensions.persistedQuery or documentId, not both",
        )),
        (Some(persisted), None) => {
            let persisted = persisted.into_json().ok();
            let member = |name: &str| persisted.as_ref().and_then(|p| p.get(name)).cloned();
            match member("version").and_then(|v| v.as_i64()) {
                Some(1) => {}
                Some(_) => {
                    return Err(bad(
                        "Unsupported persisted query version: only version 1 of \
                         extensions.persistedQuery is supported",
                    ))
                }
                None => {
                    return Err(bad(
                        "extensions.persistedQuery must be an object {version: 1, sha256Hash}",
                    ))
                }
            }
            let hash = member("sha256Hash")
                .and_then(|h| h.as_str().and_then(parse_hash))
                .ok_or_else(|| {
                    bad("extensions.persistedQuery.sha256Hash must be 64 hexadecimal digits")
                })?;
            Ok(Some(Named {
                hash,
                automatic: true,
            }))
        }
        (None, Some(id)) => {
            let hash = match &id {
                async_graphql::Value::String(id) => {
                    id.strip_prefix(DOCUMENT_ID_PREFIX).and_then(parse_hash)
                }
                _ => None,
            }
            .ok_or_else(|| bad("documentId must be \"sha256:\" and 64 hexadecimal digits"))?;
            Ok(Some(Named {
                hash,
                automatic: false,
            }))
        }
    }
}

/// What resolving needs of the server.
pub struct Resolver<'a> {
    pub db: &'a DatabaseConnection,
    pub cache: &'a QueryCache,
    pub metrics: &'a Metrics,
}

impl Resolver<'_> {
    /// Fills in the query of a request that names its document by hash, and refuses what
    /// the viewer's organization does not accept. A request without a hash is left as it is.
    pub async fn resolve(&self, viewer: &Viewer, request: &mut Request) -> Result<(), Refusal> {
        let result = self.resolve_inner(viewer, request).await;
        match &result {
            Err(Refusal::NotFound) => self.metrics.persisted_query("miss"),
            Err(Refusal::Required | Refusal::BadInput(_)) => {
                self.metrics.persisted_query("refused")
            }
            Ok(()) | Err(Refusal::Internal(_)) => {}
        }
        result
    }

    async fn resolve_inner(&self, viewer: &Viewer, request: &mut Request) -> Result<(), Refusal> {
        let named = named_document(request)?;
        let bound = match access::bound_by_persisted_only(viewer) {
            Some(organization) if persisted_only(self.db, organization).await? => {
                Some(organization)
            }
            _ => None,
        };
        let Some(named) = named else {
            return match bound {
                Some(_) => Err(Refusal::Required),
                None => Ok(()),
            };
        };
        let has_query = !request.query.is_empty();
        if has_query && document_hash(&request.query) != named.hash {
            return Err(bad(
                "provided sha does not match query: the sha256Hash (or documentId) is not the \
                 SHA-256 of the query sent with it",
            ));
        }
        if let Some(organization) = bound {
            let document = registered_document(self.db, organization, &named.hash).await?;
            let Some(document) = document else {
                return Err(Refusal::Required);
            };
            if !has_query {
                request.query = document;
            }
            self.metrics.persisted_query("hit");
            return Ok(());
        }
        if has_query {
            if named.automatic {
                self.cache
                    .put(cache_key(viewer, &named.hash), &request.query);
                self.metrics.persisted_query("stored");
            }
            return Ok(());
        }
        if let Some(query) = self.cache.get(&cache_key(viewer, &named.hash)) {
            request.query = query.to_string();
            self.metrics.persisted_query("hit");
            return Ok(());
        }
        if let Some(me) = viewer.person() {
            if let Some(document) =
                registered_document(self.db, me.organization_id, &named.hash).await?
            {
                request.query = document;
                self.metrics.persisted_query("hit");
                return Ok(());
            }
        }
        Err(Refusal::NotFound)
    }
}

/// Cached queries are kept per organization (the operator and anonymous callers have one
/// space each): a query's text may hold another tenant's literals, and a hash that answers
/// would tell that someone sent that very text.
fn cache_key(viewer: &Viewer, hash: &str) -> String {
    match viewer {
        Viewer::Person(me) => format!("{}:{hash}", me.organization_id),
        Viewer::Operator(_) => format!("operator:{hash}"),
        Viewer::Anonymous => format!("anonymous:{hash}"),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_is_bounded_in_entries_and_bytes() {
        let cache = QueryCache::new(2, 10);
        cache.put("a".into(), "12345");
        cache.put("b".into(), "12345");
        assert!(cache.get("a").is_some());
        // Over the byte budget: the least recently used (b) goes.
        cache.put("c".into(), "123");
        assert!(cache.get("b").is_none());
        assert_eq!(cache.get("c").as_deref(), Some("123"));
        // Over the entry budget.
        cache.put("d".into(), "1");
        assert!(cache.get("a").is_none());
        // Larger than the whole budget: not cached at all.
        cache.put("e".into(), "12345678901");
        assert!(cache.get("e").is_none());
        let cached = cache.inner.lock().unwrap();
        assert_eq!(cached.bytes, 4);
    }

    fn request(extensions: serde_json::Value) -> Request {
        let mut request = Request::new("");
        request.extensions = serde_json::from_value(extensions).unwrap();
        request
    }

    #[test]
    fn reads_the_extension_and_document_ids() {
        let hash = "a".repeat(64);
        let named = named_document(&mut request(
            serde_json::json!({"persistedQuery": {"version": 1, "sha256Hash": hash.to_uppercase()}}),
        ))
        .unwrap()
        .unwrap();
        assert_eq!(named.hash, hash);
        assert!(named.automatic);
        let named = named_document(&mut request(
            serde_json::json!({ DOCUMENT_ID: format!("sha256:{hash}") }),
        ))
        .unwrap()
        .unwrap();
        assert!(!named.automatic);
        for wrong in [
            serde_json::json!({"persistedQuery": {"version": 2, "sha256Hash": hash}}),
            serde_json::json!({"persistedQuery": {"sha256Hash": hash}}),
            serde_json::json!({"persistedQuery": {"version": 1, "sha256Hash": "abc"}}),
            serde_json::json!({"persistedQuery": "x"}),
            serde_json::json!({ DOCUMENT_ID: hash }),
        ] {
            assert!(matches!(
                named_document(&mut request(wrong)),
                Err(Refusal::BadInput(_))
            ));
        }
        assert!(named_document(&mut request(serde_json::json!({})))
            .unwrap()
            .is_none());
    }
}
