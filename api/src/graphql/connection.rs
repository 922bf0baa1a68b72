//! Relay connections over service pages: opaque cursors, `pageInfo`, lazy `totalCount`.

use super::error::{coded, ErrorCode};
use super::{context, error::GqlResult};
use crate::service::page::{Cursor, Listing, Page, PageRequest};
use async_graphql::{
    connection::{Connection, Edge, EmptyFields},
    Context, SimpleObject,
};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use uuid::Uuid;

const CURSOR_PREFIX: &str = "k1:";
const RANKED_CURSOR_PREFIX: &str = "k2:";

/// Fields every connection carries besides `edges`, `nodes` and `pageInfo`.
#[derive(Debug, Clone, SimpleObject)]
pub struct ConnectionTotals {
    /// How many items the whole list holds (all pages), counting only what the viewer may see.
    pub total_count: u64,
}

/// A connection of `N` nodes with `totalCount`.
pub type PraxisConnection<N> = Connection<String, N, ConnectionTotals, EmptyFields>;

pub fn encode_cursor(cursor: Cursor) -> String {
    let text = match cursor.rank {
        None => format!("{CURSOR_PREFIX}{}", cursor.id),
        Some(rank) => format!("{RANKED_CURSOR_PREFIX}{rank}:{}", cursor.id),
    };
    URL_SAFE_NO_PAD.encode(text)
}

fn parse_cursor(text: &str) -> Option<Cursor> {
    if let Some(id) = text.strip_prefix(CURSOR_PREFIX) {
        return Some(Uuid::parse_str(id).ok()?.into());
    }
    let (rank, id) = text.strip_prefix(RANKED_CURSOR_PREFIX)?.split_once(':')?;
    Some(Cursor {
        rank: Some(rank.parse().ok()?),
        id: Uuid::parse_str(id).ok()?,
    })
}

fn decode_cursor(field: &str, cursor: &str) -> async_graphql::Result<Cursor> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| parse_cursor(&text))
        .ok_or_else(|| {
            coded(
                ErrorCode::BadUserInput,
                format!("{field}: not a valid cursor"),
            )
        })
}

/// Turns Relay arguments into a service page request.
pub fn page_request(
    first: Option<i32>,
    after: Option<String>,
    last: Option<i32>,
    before: Option<String>,
) -> async_graphql::Result<PageRequest> {
    Ok(PageRequest {
        first,
        after: after.map(|c| decode_cursor("after", &c)).transpose()?,
        last,
        before: before.map(|c| decode_cursor("before", &c)).transpose()?,
    })
}

/// Whether the client selected `totalCount`, so a COUNT runs only when it is read.
pub fn wants_total_count(ctx: &Context<'_>) -> bool {
    ctx.look_ahead().field("totalCount").exists()
}

/// Builds a connection from a page.
pub fn connection<M, N>(
    page: Page<M>,
    total_count: u64,
    cursor: impl Fn(&M) -> Cursor,
    node: impl Fn(M) -> N,
) -> PraxisConnection<N>
where
    N: async_graphql::OutputType,
{
    let mut conn = Connection::with_additional_fields(
        page.has_previous_page,
        page.has_next_page,
        ConnectionTotals { total_count },
    );
    conn.edges.extend(
        page.items
            .into_iter()
            .map(|item| Edge::new(encode_cursor(cursor(&item)), node(item))),
    );
    conn
}

/// Relay's paging arguments of a connection field.
pub struct PageArgs {
    pub first: Option<i32>,
    pub after: Option<String>,
    pub last: Option<i32>,
    pub before: Option<String>,
}

/// Resolves a connection over a service listing: one page, and a COUNT only when
/// `totalCount` is selected.
pub async fn listing_connection<E, N>(
    ctx: &Context<'_>,
    listing: crate::error::ServiceResult<Listing<E>>,
    args: PageArgs,
    key: impl Fn(&E::Model) -> Uuid,
    node: impl Fn(E::Model) -> N,
) -> async_graphql::Result<PraxisConnection<N>>
where
    E: sea_orm::EntityTrait,
    E::Model: Sync,
    N: async_graphql::OutputType,
{
    let (db, _) = context::request(ctx)?;
    let request = page_request(args.first, args.after, args.last, args.before)?;
    let listing = listing.gql()?;
    let page = listing.page(db, &request).await.gql()?;
    let total = if wants_total_count(ctx) {
        listing.count(db).await.gql()?
    } else {
        0
    };
    Ok(connection(
        page,
        total,
        |row| listing.cursor_of(row, key(row)),
        node,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_garbage_is_refused() {
        let key = Cursor::from(Uuid::now_v7());
        assert_eq!(decode_cursor("after", &encode_cursor(key)).ok(), Some(key));
        let ranked = Cursor {
            rank: Some(-3),
            id: Uuid::now_v7(),
        };
        assert_eq!(
            decode_cursor("before", &encode_cursor(ranked)).ok(),
            Some(ranked)
        );
        assert!(decode_cursor("after", "garbage!").is_err());
        assert!(decode_cursor("after", &URL_SAFE_NO_PAD.encode("k1:nope")).is_err());
    }
}
