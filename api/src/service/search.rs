//! Full-text search over the problems, ideas and articles a viewer may see: FTS5 with BM25 on
//! SQLite, a weighted `tsvector` (GIN index) with `ts_rank_cd` on PostgreSQL. The visibility
//! condition of `access` is part of the query, so nothing the viewer may not see reaches a
//! rank, a count or a snippet.

use super::content::has_tags;
use crate::{
    access,
    auth::Viewer,
    error::{ServiceError, ServiceResult},
};
use entity::{
    enums::{ArticleState, ProblemState, SearchKind},
    search_document,
};
use sea_orm::{
    sea_query::{
        Alias, Expr, ExprTrait, Func, JoinType, Order, Query, SelectStatement, SimpleExpr,
    },
    ColumnTrait, Condition, ConnectionTrait, DatabaseBackend, QueryResult,
};
use std::collections::HashMap;
use uuid::Uuid;

/// Most words of a query that count.
pub const MAX_QUERY_WORDS: usize = 16;
/// Longest query text.
pub const MAX_QUERY_LENGTH: usize = 500;
/// Largest page of hits.
pub const MAX_HITS: u64 = 50;

const MARK_START: char = '\u{2}';
const MARK_END: char = '\u{3}';
/// Stand-ins for `<` and `>` while PostgreSQL builds a headline.
const LT_STAND_IN: char = '\u{F8F0}';
const GT_STAND_IN: char = '\u{F8F1}';

/// What to search for and where.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    pub text: String,
    pub kinds: Vec<SearchKind>,
    pub community_ids: Vec<Uuid>,
    /// Items carrying every one of these tags (ideas carry their problem's).
    pub tags: Vec<String>,
    /// States of problems (and of the problems of ideas).
    pub problem_states: Vec<ProblemState>,
    pub article_states: Vec<ArticleState>,
    pub author_organization_id: Option<Uuid>,
}

/// Where the next page of hits starts: after this score and sequence number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SearchCursor {
    pub score: f64,
    pub seq: i64,
}

/// Highlighted text: the plain text and the character ranges that matched.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    /// `(start, end)` in characters of `text`, end exclusive.
    pub ranges: Vec<(usize, usize)>,
}

impl Snippet {
    /// Parses text with the database's start/end markers around matches.
    fn from_marked(marked: &str) -> Self {
        let mut snippet = Snippet::default();
        let mut length = 0;
        let mut start = None;
        for c in marked.chars() {
            match c {
                MARK_START => start = Some(length),
                MARK_END => {
                    if let Some(begin) = start.take() {
                        snippet.ranges.push((begin, length));
                    }
                }
                c => {
                    snippet.text.push(match c {
                        LT_STAND_IN => '<',
                        GT_STAND_IN => '>',
                        c => c,
                    });
                    length += 1;
                }
            }
        }
        snippet
    }

    /// The snippet as HTML: the text escaped, each match in `<mark>`.
    pub fn html(&self) -> String {
        let mut html = String::with_capacity(self.text.len() + 16);
        let mut ranges = self.ranges.iter().peekable();
        let mut open = false;
        for (index, c) in self.text.chars().enumerate() {
            if !open && ranges.peek().is_some_and(|(start, _)| *start == index) {
                html.push_str("<mark>");
                open = true;
            }
            match c {
                '&' => html.push_str("&amp;"),
                '<' => html.push_str("&lt;"),
                '>' => html.push_str("&gt;"),
                '"' => html.push_str("&quot;"),
                '\'' => html.push_str("&#39;"),
                c => html.push(c),
            }
            if open && ranges.peek().is_some_and(|(_, end)| *end == index + 1) {
                html.push_str("</mark>");
                open = false;
                ranges.next();
            }
        }
        if open {
            html.push_str("</mark>");
        }
        html
    }
}

/// One ranked hit.
#[derive(Debug, Clone)]
pub struct SearchHit {
    pub item_id: Uuid,
    pub kind: SearchKind,
    pub community_id: Uuid,
    pub score: f64,
    pub seq: i64,
    pub title: Snippet,
    pub snippet: Snippet,
}

impl SearchHit {
    pub fn cursor(&self) -> SearchCursor {
        SearchCursor {
            score: self.score,
            seq: self.seq,
        }
    }
}

/// One page of hits, best first.
#[derive(Debug, Clone)]
pub struct SearchPage {
    pub hits: Vec<SearchHit>,
    pub has_next_page: bool,
    pub has_previous_page: bool,
}

/// The words of a query: letters and digits, lowercased, at most 16.
fn words(text: &str) -> ServiceResult<Vec<String>> {
    if text.chars().count() > MAX_QUERY_LENGTH {
        return Err(ServiceError::invalid(
            "query",
            format!("must be at most {MAX_QUERY_LENGTH} characters"),
        ));
    }
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(MAX_QUERY_WORDS)
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        return Err(ServiceError::invalid(
            "query",
            "give at least one word to search for",
        ));
    }
    Ok(words)
}

/// The full-text parts of the query on one backend: the match condition, the score, and the
/// query value they bind.
struct FullText {
    backend: DatabaseBackend,
    query: String,
}

impl FullText {
    fn new(backend: DatabaseBackend, words: &[String]) -> ServiceResult<Self> {
        let last = words.len() - 1;
        let query = match backend {
            // Each word quoted (no FTS5 syntax gets through), the last one as a prefix.
            DatabaseBackend::Sqlite => words
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    if i == last {
                        format!("\"{w}\"*")
                    } else {
                        format!("\"{w}\"")
                    }
                })
                .collect::<Vec<_>>()
                .join(" "),
            // Words are letters and digits only, so they are plain tsquery lexemes.
            DatabaseBackend::Postgres => words
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    if i == last {
                        format!("{w}:*")
                    } else {
                        w.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join(" & "),
            _ => {
                return Err(ServiceError::Internal(anyhow::anyhow!(
                    "search runs on SQLite or PostgreSQL"
                )))
            }
        };
        Ok(Self { backend, query })
    }

    fn matches(&self) -> SimpleExpr {
        match self.backend {
            DatabaseBackend::Sqlite => {
                Expr::cust_with_values("search_fts MATCH ?", [self.query.clone()])
            }
            _ => Expr::cust_with_values(
                "search_document.search_vector @@ to_tsquery('english', $1)",
                [self.query.clone()],
            ),
        }
    }

    fn score(&self) -> SimpleExpr {
        match self.backend {
            // BM25 is lower-is-better; titles weigh ten times the body.
            DatabaseBackend::Sqlite => Expr::cust("-bm25(search_fts, 10.0, 1.0)"),
            _ => Expr::cust_with_values(
                "ts_rank_cd(search_document.search_vector, to_tsquery('english', $1))::float8",
                [self.query.clone()],
            ),
        }
    }

    /// Matching documents the viewer may see, with their score.
    fn candidates(&self, condition: Condition) -> SelectStatement {
        let mut select = Query::select();
        select
            .columns([
                (search_document::Entity, search_document::Column::Seq),
                (search_document::Entity, search_document::Column::ItemId),
                (search_document::Entity, search_document::Column::Kind),
                (
                    search_document::Entity,
                    search_document::Column::CommunityId,
                ),
            ])
            .expr_as(self.score(), Alias::new("score"));
        if self.backend == DatabaseBackend::Sqlite {
            // The full-text match drives the join: SQLite never reorders the left table of a
            // CROSS JOIN. Left to itself, with a community filter it may walk the community's
            // rows and re-run the whole match once per row (seconds on 100k items; see
            // bench/README.md).
            // (sea-query writes no ON for a CROSS JOIN: the join condition is in WHERE.)
            select
                .from(Alias::new("search_fts"))
                .join(
                    JoinType::CrossJoin,
                    search_document::Entity,
                    Condition::all(),
                )
                .and_where(
                    Expr::col((search_document::Entity, search_document::Column::Seq))
                        .equals((Alias::new("search_fts"), Alias::new("rowid"))),
                );
        } else {
            select.from(search_document::Entity);
        }
        select
            .and_where(self.matches())
            .cond_where(condition)
            .to_owned()
    }

    /// Highlighted title and body of the documents `seqs`.
    fn snippets(&self, seqs: &[i64]) -> SelectStatement {
        let mut select = Query::select();
        let marks = format!("StartSel=\"{MARK_START}\", StopSel=\"{MARK_END}\"");
        match self.backend {
            DatabaseBackend::Sqlite => {
                select
                    .expr_as(Expr::cust("search_fts.rowid"), Alias::new("seq"))
                    .expr_as(
                        Expr::cust("snippet(search_fts, 0, char(2), char(3), '…', 32)"),
                        Alias::new("title"),
                    )
                    .expr_as(
                        Expr::cust("snippet(search_fts, 1, char(2), char(3), '…', 24)"),
                        Alias::new("body"),
                    )
                    .from(Alias::new("search_fts"))
                    .and_where(self.matches())
                    .and_where(
                        Expr::col((Alias::new("search_fts"), Alias::new("rowid")))
                            .is_in(seqs.iter().copied()),
                    );
            }
            _ => {
                // ts_headline's parser drops anything tag-like (`<div>`, `<script>…`), so
                // angle brackets go in as private-use stand-ins and come back in `unmask`.
                let headline = |column: &str, options: &str| {
                    Expr::cust_with_values(
                        format!(
                            "ts_headline('english', translate(search_document.{column}, '<>', \
                             $3), to_tsquery('english', $1), $2)"
                        ),
                        [
                            self.query.clone(),
                            options.to_owned(),
                            format!("{LT_STAND_IN}{GT_STAND_IN}"),
                        ],
                    )
                };
                let title_options = format!("{marks}, HighlightAll=true");
                let body_options = format!(
                    "{marks}, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=\" … \""
                );
                select
                    .column(search_document::Column::Seq)
                    .expr_as(headline("title", &title_options), Alias::new("title"))
                    .expr_as(headline("body", &body_options), Alias::new("body"))
                    .from(search_document::Entity)
                    .and_where(search_document::Column::Seq.is_in(seqs.iter().copied()));
            }
        }
        select.to_owned()
    }
}

/// The filter part of the query, visibility first.
fn condition(viewer: &Viewer, query: &SearchQuery) -> ServiceResult<Condition> {
    let mut condition = Condition::all().add(access::visible_search_documents(viewer));
    if !query.kinds.is_empty() {
        condition = condition.add(search_document::Column::Kind.is_in(query.kinds.iter().copied()));
    }
    if !query.community_ids.is_empty() {
        condition = condition
            .add(search_document::Column::CommunityId.is_in(query.community_ids.iter().copied()));
    }
    if !query.tags.is_empty() {
        condition = condition.add(has_tags::<search_document::Entity>(
            search_document::Column::Tags,
            "tags",
            &query.tags,
        )?);
    }
    if let Some(organization) = query.author_organization_id {
        condition = condition.add(search_document::Column::AuthorOrganizationId.eq(organization));
    }
    if !query.problem_states.is_empty() || !query.article_states.is_empty() {
        let states = |kinds: Vec<SearchKind>, states: Vec<&'static str>| {
            let mut part = Condition::all().add(search_document::Column::Kind.is_in(kinds));
            if !states.is_empty() {
                part = part.add(search_document::Column::State.is_in(states));
            }
            part
        };
        condition = condition.add(
            Condition::any()
                .add(states(
                    vec![SearchKind::Problem, SearchKind::Idea],
                    query.problem_states.iter().map(|s| s.as_str()).collect(),
                ))
                .add(states(
                    vec![SearchKind::Article],
                    query.article_states.iter().map(|s| s.as_str()).collect(),
                )),
        );
    }
    Ok(condition)
}

fn read<T: sea_orm::TryGetable>(row: &QueryResult, column: &str) -> ServiceResult<T> {
    row.try_get("", column).map_err(ServiceError::from)
}

/// One page of the best hits for the viewer, after `after`.
pub async fn search(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    query: &SearchQuery,
    first: u64,
    after: Option<SearchCursor>,
) -> ServiceResult<SearchPage> {
    access::require_signed_in(viewer)?;
    if first > MAX_HITS {
        return Err(ServiceError::invalid(
            "first",
            format!("must be at most {MAX_HITS}"),
        ));
    }
    let backend = db.get_database_backend();
    let full_text = FullText::new(backend, &words(&query.text)?)?;
    let candidates = full_text.candidates(condition(viewer, query)?);
    let hits = Alias::new("hits");
    let score = || Expr::col((hits.clone(), Alias::new("score")));
    let seq = || Expr::col((hits.clone(), Alias::new("seq")));
    let mut page = Query::select();
    page.column(sea_orm::sea_query::Asterisk)
        .from_subquery(candidates, hits.clone())
        .order_by_expr(score(), Order::Desc)
        .order_by_expr(seq(), Order::Asc)
        .limit(first + 1);
    if let Some(after) = after {
        page.cond_where(
            Condition::any().add(score().lt(after.score)).add(
                Condition::all()
                    .add(score().eq(after.score))
                    .add(seq().gt(after.seq)),
            ),
        );
    }
    let rows = db.query_all(&page).await?;
    let has_next_page = rows.len() as u64 > first;
    let mut hits = Vec::with_capacity(rows.len());
    for row in rows.iter().take(first as usize) {
        hits.push(SearchHit {
            seq: read(row, "seq")?,
            item_id: read(row, "item_id")?,
            kind: read(row, "kind")?,
            community_id: read(row, "community_id")?,
            score: read(row, "score")?,
            title: Snippet::default(),
            snippet: Snippet::default(),
        });
    }
    if !hits.is_empty() {
        let seqs: Vec<i64> = hits.iter().map(|h| h.seq).collect();
        let rows = db.query_all(&full_text.snippets(&seqs)).await?;
        let mut marked: HashMap<i64, (String, String)> = HashMap::new();
        for row in &rows {
            marked.insert(
                read(row, "seq")?,
                (
                    read::<Option<String>>(row, "title")?.unwrap_or_default(),
                    read::<Option<String>>(row, "body")?.unwrap_or_default(),
                ),
            );
        }
        for hit in &mut hits {
            if let Some((title, body)) = marked.get(&hit.seq) {
                hit.title = Snippet::from_marked(title);
                hit.snippet = Snippet::from_marked(body);
            }
        }
    }
    Ok(SearchPage {
        hits,
        has_next_page,
        has_previous_page: after.is_some(),
    })
}

/// How many documents match, counting only what the viewer may see.
pub async fn count(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    query: &SearchQuery,
) -> ServiceResult<u64> {
    access::require_signed_in(viewer)?;
    let backend = db.get_database_backend();
    let full_text = FullText::new(backend, &words(&query.text)?)?;
    let mut select = Query::select();
    select
        .expr_as(
            Func::count(Expr::col(Alias::new("seq"))),
            Alias::new("total"),
        )
        .from_subquery(
            full_text.candidates(condition(viewer, query)?),
            Alias::new("hits"),
        );
    let row = db.query_one(&select).await?;
    let total: i64 = match row {
        Some(row) => read(&row, "total")?,
        None => 0,
    };
    Ok(u64::try_from(total).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_become_plain_words() {
        assert_eq!(
            words("Flaky \"builds\" OR NEAR(ci*)").ok(),
            Some(vec![
                "flaky".to_owned(),
                "builds".to_owned(),
                "or".to_owned(),
                "near".to_owned(),
                "ci".to_owned()
            ])
        );
        assert!(words("  -- ** ").is_err());
        let sqlite = FullText::new(DatabaseBackend::Sqlite, &["a".into(), "b".into()]);
        assert_eq!(
            sqlite.map(|f| f.query).ok().as_deref(),
            Some("\"a\" \"b\"*")
        );
        let pg = FullText::new(DatabaseBackend::Postgres, &["a".into(), "b".into()]);
        assert_eq!(pg.map(|f| f.query).ok().as_deref(), Some("a & b:*"));
    }

    #[test]
    fn sqlite_drives_the_join_from_the_full_text_match() {
        let full_text = FullText::new(DatabaseBackend::Sqlite, &["cache".into()]);
        let Ok(full_text) = full_text else {
            panic!("SQLite is supported");
        };
        let sql = DatabaseBackend::Sqlite
            .build(&full_text.candidates(Condition::all()))
            .to_string();
        assert!(
            sql.contains(r#"FROM "search_fts" CROSS JOIN "search_document" WHERE"#),
            "{sql}"
        );
        assert!(
            sql.contains(r#""search_document"."seq" = "search_fts"."rowid""#),
            "{sql}"
        );
    }

    #[test]
    fn snippets_are_escaped_and_marked() {
        let snippet = Snippet::from_marked("use \u{F8F0}b> \u{2}cache\u{3} & \u{2}retry\u{3}");
        assert_eq!(snippet.text, "use <b> cache & retry");
        assert_eq!(snippet.ranges, vec![(8, 13), (16, 21)]);
        assert_eq!(
            snippet.html(),
            "use &lt;b&gt; <mark>cache</mark> &amp; <mark>retry</mark>"
        );
    }
}
