//! Keyset paging: pages are cut on an indexed, unique order (the UUID v7 primary key, which
//! is creation order, optionally after an integer ranking column), never by OFFSET, so a
//! page costs the same at any depth.

use crate::error::{ServiceError, ServiceResult};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, Order, QueryFilter, QueryOrder,
    QuerySelect, Select,
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
    pub after: Option<Cursor>,
    pub last: Option<i32>,
    pub before: Option<Cursor>,
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
    pub fn size_and_direction(&self) -> ServiceResult<(u64, bool)> {
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

/// Where a page starts or ends: the row's key and, for lists ordered by a ranking column
/// first (most endorsed, unsolved first), its value of that column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub rank: Option<i64>,
    pub id: Uuid,
}

impl From<Uuid> for Cursor {
    fn from(id: Uuid) -> Self {
        Self { rank: None, id }
    }
}

/// A list a viewer may read, checked and filtered but not yet run: the GraphQL layer reads
/// one page of it, and counts it only when the client asks for `totalCount`.
///
/// Rows are ordered by `key` (a unique UUID v7 column, i.e. creation order), optionally after
/// an integer ranking column; pages are cut by keyset on that order.
#[derive(Debug, Clone)]
pub struct Listing<E: EntityTrait> {
    select: Select<E>,
    key: E::Column,
    newest_first: bool,
    rank: Option<(E::Column, bool)>,
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
            rank: None,
        }
    }

    /// Rows of `select` ordered by `key`, newest first.
    pub fn newest_first(select: Select<E>, key: E::Column) -> Self {
        Self {
            select,
            key,
            newest_first: true,
            rank: None,
        }
    }

    /// Orders by an integer column first (highest first when `descending`), then as before;
    /// the column should lead an index with the list's filter columns.
    pub fn ranked_by(mut self, column: E::Column, descending: bool) -> Self {
        self.rank = Some((column, descending));
        self
    }

    /// The cursor of a row of this list.
    pub fn cursor_of(&self, row: &E::Model, id: Uuid) -> Cursor {
        use sea_orm::{ModelTrait, Value};
        let rank = self.rank.and_then(|(column, _)| match row.get(column) {
            Value::TinyInt(v) => v.map(i64::from),
            Value::SmallInt(v) => v.map(i64::from),
            Value::Int(v) => v.map(i64::from),
            Value::BigInt(v) => v,
            _ => None,
        });
        Cursor { rank, id }
    }

    /// "Further along the list than `cursor`" (or, with `reverse`, before it).
    fn beyond(&self, cursor: Cursor, reverse: bool, field: &str) -> ServiceResult<Condition> {
        let key_beyond = |forward: bool| {
            if forward {
                self.key.gt(cursor.id)
            } else {
                self.key.lt(cursor.id)
            }
        };
        let key_ascends = self.newest_first == reverse;
        match (self.rank, cursor.rank) {
            (None, None) => Ok(Condition::all().add(key_beyond(key_ascends))),
            (Some((column, descending)), Some(rank)) => {
                let rank_ascends = descending == reverse;
                Ok(Condition::any()
                    .add(if rank_ascends {
                        column.gt(rank)
                    } else {
                        column.lt(rank)
                    })
                    .add(
                        Condition::all()
                            .add(column.eq(rank))
                            .add(key_beyond(key_ascends)),
                    ))
            }
            _ => Err(ServiceError::invalid(
                field,
                "this cursor belongs to a list in another order",
            )),
        }
    }

    /// One page of the list.
    pub async fn page(
        &self,
        db: &impl ConnectionTrait,
        request: &PageRequest,
    ) -> ServiceResult<Page<E::Model>> {
        let (size, backward) = request.size_and_direction()?;
        let mut select = self.select.clone();
        if let Some(after) = request.after {
            select = select.filter(self.beyond(after, false, "after")?);
        }
        if let Some(before) = request.before {
            select = select.filter(self.beyond(before, true, "before")?);
        }
        let order = |ascending: bool| {
            if ascending != backward {
                Order::Asc
            } else {
                Order::Desc
            }
        };
        if let Some((column, descending)) = self.rank {
            select = select.order_by(column, order(!descending));
        }
        select = select.order_by(self.key, order(!self.newest_first));
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

    /// How many rows the whole list holds.
    pub async fn count(&self, db: &impl ConnectionTrait) -> ServiceResult<u64> {
        use sea_orm::PaginatorTrait;
        Ok(self.select.clone().count(db).await?)
    }
}

impl<E> super::siblings::Ordered for Listing<E>
where
    E: EntityTrait,
    E::Model: Sync,
{
    type Entity = E;

    fn select(&self) -> &Select<E> {
        &self.select
    }

    fn order(&self) -> Vec<(E::Column, bool)> {
        let mut order: Vec<(E::Column, bool)> = self
            .rank
            .map(|(column, descending)| (column, !descending))
            .into_iter()
            .collect();
        order.push((self.key, !self.newest_first));
        order
    }

    fn cursor(&self, row: &E::Model, id: Uuid) -> Cursor {
        self.cursor_of(row, id)
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
