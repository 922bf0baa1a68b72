//! Keyset paging: pages are cut on an indexed, unique order (the UUID v7 primary key, which
//! is creation order), never by OFFSET, so a page costs the same at any depth.

use crate::error::{ServiceError, ServiceResult};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};
use uuid::Uuid;

/// Largest page a connection returns.
pub const MAX_PAGE_SIZE: u64 = 100;
/// Page size when neither `first` nor `last` is given.
pub const DEFAULT_PAGE_SIZE: u64 = 20;

/// Relay's paging arguments, with cursors already decoded to the key they point at.
#[derive(Debug, Clone, Default)]
pub struct PageRequest {
    pub first: Option<i32>,
    pub after: Option<Uuid>,
    pub last: Option<i32>,
    pub before: Option<Uuid>,
}

/// One page of rows in ascending key order.
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub has_previous_page: bool,
    pub has_next_page: bool,
}

impl PageRequest {
    /// The page size and whether the page is read backwards from `before`/the end.
    fn size_and_direction(&self) -> ServiceResult<(u64, bool)> {
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
        match (self.first, self.last) {
            (Some(_), Some(_)) => Err(ServiceError::invalid(
                "last",
                "pass either first or last, not both",
            )),
            (Some(first), None) => Ok((check("first", first)?, false)),
            (None, Some(last)) => Ok((check("last", last)?, true)),
            (None, None) => Ok((
                DEFAULT_PAGE_SIZE,
                self.before.is_some() && self.after.is_none(),
            )),
        }
    }

    /// The page size this request asks for, for cost estimates.
    pub fn size_hint(first: Option<i32>, last: Option<i32>) -> usize {
        let asked = first.or(last).and_then(|n| usize::try_from(n).ok());
        asked
            .unwrap_or(DEFAULT_PAGE_SIZE as usize)
            .min(MAX_PAGE_SIZE as usize)
    }
}

/// Reads one page of `select`, ordered by `key` (a unique UUID v7 column), oldest first.
pub async fn page_by_key<E, C>(
    db: &C,
    select: Select<E>,
    key: E::Column,
    request: &PageRequest,
) -> ServiceResult<Page<E::Model>>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    page_in_order(db, select, key, request, false).await
}

/// Reads one page of `select`, ordered by `key` (a unique UUID v7 column), newest first.
pub async fn page_by_key_newest_first<E, C>(
    db: &C,
    select: Select<E>,
    key: E::Column,
    request: &PageRequest,
) -> ServiceResult<Page<E::Model>>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    page_in_order(db, select, key, request, true).await
}

async fn page_in_order<E, C>(
    db: &C,
    select: Select<E>,
    key: E::Column,
    request: &PageRequest,
    newest_first: bool,
) -> ServiceResult<Page<E::Model>>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    let (size, backward) = request.size_and_direction()?;
    let mut select = select;
    // "after" means further along the list's order, whichever way the list runs.
    if let Some(after) = request.after {
        select = select.filter(if newest_first {
            key.lt(after)
        } else {
            key.gt(after)
        });
    }
    if let Some(before) = request.before {
        select = select.filter(if newest_first {
            key.gt(before)
        } else {
            key.lt(before)
        });
    }
    select = if backward != newest_first {
        select.order_by_desc(key)
    } else {
        select.order_by_asc(key)
    };
    let mut items = select.limit(size + 1).all(db).await?;
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

/// A list a viewer may read, checked and filtered but not yet run: the GraphQL layer reads
/// one page of it, and counts it only when the client asks for `totalCount`.
#[derive(Debug, Clone)]
pub struct Listing<E: EntityTrait> {
    select: Select<E>,
    key: E::Column,
    newest_first: bool,
}

impl<E> Listing<E>
where
    E: EntityTrait,
    E::Model: Sync,
{
    /// Rows of `select` ordered by `key` (a unique UUID v7 column), oldest first.
    pub fn oldest_first(select: Select<E>, key: E::Column) -> Self {
        Self {
            select,
            key,
            newest_first: false,
        }
    }

    /// Rows of `select` ordered by `key`, newest first.
    pub fn newest_first(select: Select<E>, key: E::Column) -> Self {
        Self {
            select,
            key,
            newest_first: true,
        }
    }

    /// One page of the list.
    pub async fn page(
        &self,
        db: &impl ConnectionTrait,
        request: &PageRequest,
    ) -> ServiceResult<Page<E::Model>> {
        page_in_order(
            db,
            self.select.clone(),
            self.key,
            request,
            self.newest_first,
        )
        .await
    }

    /// How many rows the whole list holds.
    pub async fn count(&self, db: &impl ConnectionTrait) -> ServiceResult<u64> {
        use sea_orm::PaginatorTrait;
        Ok(self.select.clone().count(db).await?)
    }
}

/// The rows among `ids` that match `visible` (a condition from `access`), by id: what
/// DataLoaders and `nodes` fetch.
pub async fn visible_by_id<E, C>(
    db: &C,
    visible: sea_orm::Condition,
    id: E::Column,
    ids: &[Uuid],
    key: impl Fn(&E::Model) -> Uuid,
) -> ServiceResult<std::collections::HashMap<Uuid, E::Model>>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    Ok(E::find()
        .filter(visible)
        .filter(id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|row| (key(&row), row))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_sizes_are_bounded() {
        let req = |first, last| PageRequest {
            first,
            last,
            ..PageRequest::default()
        };
        assert_eq!(
            req(Some(5), None).size_and_direction().ok(),
            Some((5, false))
        );
        assert_eq!(
            req(None, Some(7)).size_and_direction().ok(),
            Some((7, true))
        );
        assert_eq!(
            req(None, None).size_and_direction().ok(),
            Some((DEFAULT_PAGE_SIZE, false))
        );
        assert!(req(Some(101), None).size_and_direction().is_err());
        assert!(req(Some(-1), None).size_and_direction().is_err());
        assert!(req(Some(1), Some(1)).size_and_direction().is_err());
        assert_eq!(PageRequest::size_hint(Some(1000), None), 100);
    }
}
