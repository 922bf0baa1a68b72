//! Sibling lists: the same list (same viewer, filter and order) under many parent rows — the
//! problems of every community of a page, the ideas of every problem. Their first pages are
//! read in one statement (rows numbered per parent by `ROW_NUMBER() OVER (PARTITION BY …)`,
//! cut at the page size) and their sizes in one grouped COUNT, so a nested connection costs
//! one statement per field and depth whatever the number of parents.
//!
//! The rows are those of the listing the service built for one parent, with the parent's
//! condition (`community_id = X`) replaced by `community_id IN (…)`: the visibility
//! conditions are the listing's own.

use super::page::{Cursor, Page};
use crate::error::{ServiceError, ServiceResult};
use sea_orm::{
    sea_query::{
        Alias, Asterisk, Expr, ExprTrait, Func, PostgresQueryBuilder, Query, SelectStatement,
        ValueType, WindowStatement,
    },
    ColumnTrait, ConnectionTrait, EntityTrait, IdenStatic, ModelTrait, Order, QueryFilter,
    QueryOrder, QuerySelect, QueryTrait, Select,
};
use std::{collections::HashMap, fmt::Write};
use uuid::Uuid;

type Column<L> = <<L as Ordered>::Entity as EntityTrait>::Column;
type Model<L> = <<L as Ordered>::Entity as EntityTrait>::Model;

/// A list paged by keyset on a fixed order.
pub trait Ordered: Send + Sync + 'static {
    type Entity: EntityTrait;

    /// Every row of the list, unordered.
    fn select(&self) -> &Select<Self::Entity>;

    /// The columns the list is ordered by, each `true` when ascending as the list is read
    /// forward; the last one is unique.
    fn order(&self) -> Vec<(Column<Self>, bool)>;

    /// The cursor of a row of the list (`id` is its key).
    fn cursor(&self, row: &Model<Self>, id: Uuid) -> Cursor;
}

/// One list per parent row: the rows of `listing` whose `parent` column names the parent.
#[derive(Debug)]
pub struct Siblings<L: Ordered> {
    listing: L,
    parent: Column<L>,
    fingerprint: String,
}

const ROW_NUMBER: &str = "sibling_row";
const KEY: &str = "sibling_key";
const ROWS: &str = "sibling_rows";
const COUNT: &str = "sibling_count";

impl<L: Ordered> Siblings<L> {
    /// Splits `listing` (built without any condition on `parent`) by its `parent` column.
    pub fn new(listing: L, parent: Column<L>) -> Self {
        // Two sibling lists are the same list when they run the same statement: the SQL of
        // the listing with its values, the parent column and the order.
        let mut fingerprint = listing.select().as_query().to_string(PostgresQueryBuilder);
        let _ = write!(fingerprint, " | by {} |", parent.as_str());
        for (column, ascending) in listing.order() {
            let _ = write!(fingerprint, " {} {ascending}", column.as_str());
        }
        Self {
            listing,
            parent,
            fingerprint,
        }
    }

    /// The list of one parent.
    pub fn listing(&self) -> &L {
        &self.listing
    }

    /// Equal for sibling lists whose pages can be read together.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    fn of_parents(&self, parents: &[Uuid]) -> Select<L::Entity> {
        self.listing
            .select()
            .clone()
            .filter(self.parent.is_in(parents.iter().copied()))
    }

    fn parent_of(&self, row: &Model<L>) -> ServiceResult<Uuid> {
        <Uuid as ValueType>::try_from(row.get(self.parent)).map_err(|_| {
            ServiceError::Internal(anyhow::anyhow!(
                "sibling row without a parent in {}",
                self.parent.as_str()
            ))
        })
    }

    /// The first page (`size` rows, the last ones when `backward`) of each parent's list,
    /// as `Listing::page` reads it without a cursor. Every parent gets a page, empty or not.
    pub async fn first_pages(
        &self,
        db: &impl ConnectionTrait,
        parents: &[Uuid],
        size: u64,
        backward: bool,
    ) -> ServiceResult<HashMap<Uuid, Page<Model<L>>>> {
        let direction = |ascending: bool| {
            if ascending != backward {
                Order::Asc
            } else {
                Order::Desc
            }
        };
        let rows: Vec<Model<L>> = match parents {
            [] => Vec::new(),
            // One parent: a plain LIMIT, which reads no more of the index than the page.
            [parent] => {
                let mut select = self
                    .listing
                    .select()
                    .clone()
                    .filter(self.parent.eq(*parent));
                for (column, ascending) in self.listing.order() {
                    select = select.order_by(column, direction(ascending));
                }
                select.limit(size + 1).all(db).await?
            }
            _ => {
                // The rows are numbered per parent over their keys alone (an index range per
                // parent, no row read), then the pages' rows are read by key: numbering whole
                // rows read every row of every parent, 3-5 times slower on SQLite for 50
                // communities of ~250 problems.
                let entity = L::Entity::default();
                let order = self.listing.order();
                let Some((key, _)) = order.last().copied() else {
                    return Err(ServiceError::Internal(anyhow::anyhow!(
                        "sibling list without an order"
                    )));
                };
                let mut window = WindowStatement::partition_by((entity, self.parent));
                for (column, ascending) in &order {
                    window.order_by((entity, *column), direction(*ascending));
                }
                let mut numbered = self.of_parents(parents).into_query();
                numbered
                    .clear_selects()
                    .expr_as(Expr::col((entity, key)), Alias::new(KEY))
                    .expr_window_as(Func::cust(Alias::new("ROW_NUMBER")), window, ROW_NUMBER);
                let keys = Query::select()
                    .column(Alias::new(KEY))
                    .from_subquery(numbered, Alias::new(ROWS))
                    .and_where(Expr::col(Alias::new(ROW_NUMBER)).lte(size + 1))
                    .to_owned();
                let mut select =
                    L::Entity::find().filter(Expr::col((entity, key)).in_subquery(keys));
                // One order for all parents is each parent's order too.
                for (column, ascending) in order {
                    select = select.order_by(column, direction(ascending));
                }
                select.all(db).await?
            }
        };
        let mut pages: HashMap<Uuid, Vec<Model<L>>> =
            parents.iter().map(|p| (*p, Vec::new())).collect();
        for row in rows {
            let parent = self.parent_of(&row)?;
            pages.entry(parent).or_default().push(row);
        }
        Ok(pages
            .into_iter()
            .map(|(parent, mut items)| {
                let more = items.len() as u64 > size;
                items.truncate(size as usize);
                if backward {
                    items.reverse();
                }
                let page = Page {
                    items,
                    has_previous_page: backward && more,
                    has_next_page: !backward && more,
                };
                (parent, page)
            })
            .collect())
    }

    /// How many rows each parent's whole list holds (0 for those with none).
    pub async fn counts(
        &self,
        db: &impl ConnectionTrait,
        parents: &[Uuid],
    ) -> ServiceResult<HashMap<Uuid, u64>> {
        let mut counts: HashMap<Uuid, u64> = parents.iter().map(|p| (*p, 0)).collect();
        if parents.is_empty() {
            return Ok(counts);
        }
        let rows: SelectStatement = self.of_parents(parents).into_query();
        let grouped = Query::select()
            .column(self.parent)
            .expr_as(Expr::col(Asterisk).count(), Alias::new(COUNT))
            .from_subquery(rows, Alias::new(ROWS))
            .group_by_col(self.parent)
            .to_owned();
        for row in db.query_all(&grouped).await? {
            let parent: Uuid = row.try_get("", self.parent.as_str())?;
            let count: i64 = row.try_get("", COUNT)?;
            counts.insert(parent, <u64 as TryFrom<i64>>::try_from(count).unwrap_or(0));
        }
        Ok(counts)
    }
}
