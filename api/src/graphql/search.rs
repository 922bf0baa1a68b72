//! Full-text search over the problems, ideas and articles the viewer may see.

use super::{
    article::KnowledgeArticle,
    connection::{wants_total_count, ConnectionTotals, PraxisConnection},
    context,
    error::{coded, ErrorCode, GqlResult},
    idea::Idea,
    knowledge_enums::{ArticleState, ProblemState, SearchKind},
    loaders::Loaders,
    node::{expect_global_id, NodeKind},
    problem::Problem,
};
use crate::service::{
    self,
    search::{SearchCursor, SearchHit as Hit, SearchQuery, Snippet},
};
use async_graphql::{
    connection::{Connection, Edge},
    Context, InputObject, Object, SimpleObject, Union, ID,
};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};

const CURSOR_PREFIX: &str = "s1:";

fn encode_cursor(cursor: SearchCursor) -> String {
    URL_SAFE_NO_PAD.encode(format!(
        "{CURSOR_PREFIX}{:x}:{}",
        cursor.score.to_bits(),
        cursor.seq
    ))
}

fn decode_cursor(cursor: &str) -> async_graphql::Result<SearchCursor> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| {
            let (score, seq) = text.strip_prefix(CURSOR_PREFIX)?.split_once(':')?;
            Some(SearchCursor {
                score: f64::from_bits(u64::from_str_radix(score, 16).ok()?),
                seq: seq.parse().ok()?,
            })
        })
        .ok_or_else(|| coded(ErrorCode::BadUserInput, "after: not a valid cursor"))
}

/// What a search hit found.
#[derive(Union)]
pub enum SearchItem {
    Problem(Problem),
    Idea(Idea),
    KnowledgeArticle(KnowledgeArticle),
}

/// Text with the words that matched the query marked.
#[derive(SimpleObject)]
pub struct Highlighted {
    /// The plain text (an excerpt for bodies, with "…" where text was left out).
    pub text: String,
    /// The text as HTML: escaped, with each match in `<mark>`; safe to insert as HTML.
    pub html: String,
    /// Where the matches are in `text`, in characters (Unicode scalar values).
    pub matches: Vec<TextRange>,
}

/// A range of characters.
#[derive(SimpleObject)]
pub struct TextRange {
    /// Index of the first character.
    pub start: u32,
    /// Index one past the last character.
    pub end: u32,
}

impl From<&Snippet> for Highlighted {
    fn from(snippet: &Snippet) -> Self {
        Self {
            html: snippet.html(),
            matches: snippet
                .ranges
                .iter()
                .map(|(start, end)| TextRange {
                    start: u32::try_from(*start).unwrap_or(u32::MAX),
                    end: u32::try_from(*end).unwrap_or(u32::MAX),
                })
                .collect(),
            text: snippet.text.clone(),
        }
    }
}

/// One ranked search hit.
pub struct SearchHit(Hit);

/// One ranked search hit.
#[Object]
impl SearchHit {
    /// What kind of item it is.
    async fn kind(&self) -> SearchKind {
        self.0.kind.into()
    }

    /// The problem, idea or article.
    async fn item(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<SearchItem>> {
        let loaders = ctx.data::<Loaders>()?;
        Ok(match self.0.kind {
            entity::enums::SearchKind::Problem => loaders
                .problem(self.0.item_id)
                .await
                .gql()?
                .map(|p| SearchItem::Problem(Problem(p))),
            entity::enums::SearchKind::Idea => loaders
                .idea(self.0.item_id)
                .await
                .gql()?
                .map(|i| SearchItem::Idea(Idea(i))),
            entity::enums::SearchKind::Article => loaders
                .article(self.0.item_id)
                .await
                .gql()?
                .map(|a| SearchItem::KnowledgeArticle(KnowledgeArticle(a))),
        })
    }

    /// Relevance: higher is better; comparable within one search only.
    async fn score(&self) -> f64 {
        self.0.score
    }

    /// The title with matches marked (empty for ideas, which have none).
    async fn title(&self) -> Highlighted {
        (&self.0.title).into()
    }

    /// An excerpt of the body around the matches.
    async fn snippet(&self) -> Highlighted {
        (&self.0.snippet).into()
    }
}

/// Narrows a search.
#[derive(InputObject, Default)]
pub struct SearchFilter {
    /// Only these kinds of item.
    pub kinds: Option<Vec<SearchKind>>,
    /// Only items of these communities.
    pub community_ids: Option<Vec<ID>>,
    /// Only items carrying every one of these tags (ideas carry their problem's).
    pub tags: Option<Vec<String>>,
    /// Only problems (and ideas of problems) in these states.
    pub problem_states: Option<Vec<ProblemState>>,
    /// Only articles in these states.
    pub article_states: Option<Vec<ArticleState>>,
    /// Only items written by people of this organization.
    pub author_organization_id: Option<ID>,
}

/// The stored enums of an optional list of API enums.
fn all<A, S: From<A>>(values: Option<Vec<A>>) -> Vec<S> {
    values
        .unwrap_or_default()
        .into_iter()
        .map(Into::into)
        .collect()
}

fn into_query(text: String, filter: SearchFilter) -> async_graphql::Result<SearchQuery> {
    Ok(SearchQuery {
        text,
        kinds: all(filter.kinds),
        community_ids: filter
            .community_ids
            .unwrap_or_default()
            .iter()
            .map(|id| expect_global_id(id, NodeKind::Community))
            .collect::<async_graphql::Result<_>>()?,
        tags: filter.tags.unwrap_or_default(),
        problem_states: all(filter.problem_states),
        article_states: all(filter.article_states),
        author_organization_id: filter
            .author_organization_id
            .map(|id| expect_global_id(&id, NodeKind::Organization))
            .transpose()?,
    })
}

#[derive(Default)]
pub struct SearchQueryRoot;

#[Object]
impl SearchQueryRoot {
    /// Searches the problems, ideas and articles of the communities the viewer may see, best
    /// match first. The query is plain words: every word must match (stemmed; the last one
    /// may be a prefix on SQLite and PostgreSQL alike).
    #[graphql(complexity = "first.unwrap_or(20).clamp(0, 50) as usize * child_complexity")]
    async fn search(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Words to look for (at most 500 characters; 16 words count).")]
        query: String,
        #[graphql(desc = "Narrows the search.")] filter: Option<SearchFilter>,
        #[graphql(desc = "Returns the first n hits (at most 50).")] first: Option<i32>,
        #[graphql(desc = "Returns hits after this cursor.")] after: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<SearchHit>> {
        let (db, viewer) = context::request(ctx)?;
        let first = match first {
            None => 20,
            Some(n) => u64::try_from(n)
                .map_err(|_| coded(ErrorCode::BadUserInput, "first: must not be negative"))?,
        };
        let after = after.as_deref().map(decode_cursor).transpose()?;
        let query = into_query(query, filter.unwrap_or_default())?;
        let page = service::search::search(db, viewer, &query, first, after)
            .await
            .gql()?;
        let total_count = if wants_total_count(ctx) {
            service::search::count(db, viewer, &query).await.gql()?
        } else {
            0
        };
        let mut connection = Connection::with_additional_fields(
            page.has_previous_page,
            page.has_next_page,
            ConnectionTotals { total_count },
        );
        connection.edges.extend(
            page.hits
                .into_iter()
                .map(|hit| Edge::new(encode_cursor(hit.cursor()), SearchHit(hit))),
        );
        Ok(connection)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_cursors_round_trip() {
        let cursor = SearchCursor {
            score: -3.25e-7,
            seq: 42,
        };
        assert_eq!(decode_cursor(&encode_cursor(cursor)).ok(), Some(cursor));
        assert!(decode_cursor("nope").is_err());
    }
}
