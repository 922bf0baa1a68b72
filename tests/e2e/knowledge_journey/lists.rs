//! Reading lists as the journey's people: problem and idea lists and followed problems page
//! by page, and search hits.

use crate::common::*;
use crate::federation_journey::{s, Actor};
use serde_json::{json, Value};

/// One page of a connection: its node ids, end cursor, whether there is more, totalCount.
pub(crate) struct Page {
    pub ids: Vec<String>,
    pub end_cursor: Option<String>,
    pub has_next: bool,
    pub total: u64,
}

fn page_of(connection: &Value, what: &str) -> Page {
    let edges = connection["edges"]
        .as_array()
        .unwrap_or_else(|| panic!("{what}: no edges in {connection:#}"));
    Page {
        ids: edges
            .iter()
            .map(|e| s(&e["node"]["id"]).to_owned())
            .collect(),
        end_cursor: edges.last().map(|e| s(&e["cursor"]).to_owned()),
        has_next: connection["pageInfo"]["hasNextPage"]
            .as_bool()
            .unwrap_or_else(|| panic!("{what}: no pageInfo in {connection:#}")),
        total: connection["totalCount"]
            .as_u64()
            .unwrap_or_else(|| panic!("{what}: no totalCount in {connection:#}")),
    }
}

const CONNECTION: &str =
    "totalCount pageInfo { hasNextPage hasPreviousPage } edges { cursor node { id } }";

/// A page of `community(host: "acme", slug:).problems`.
pub(crate) async fn problems_page(
    app: &TestApp,
    who: &Actor,
    slug: &str,
    filter: Value,
    order: &str,
    first: i32,
    after: Option<&str>,
) -> Page {
    let reply = app
        .graphql(
            Some(&who.token),
            &format!("query($s: String!, $f: ProblemFilter, $o: ProblemOrder!, $n: Int, $a: String) {{ community(host: \"acme\", slug: $s) {{ problems(filter: $f, orderBy: $o, first: $n, after: $a) {{ {CONNECTION} }} }} }}"),
            json!({ "s": slug, "f": filter, "o": order, "n": first, "a": after }),
        )
        .await;
    reply.assert_ok();
    page_of(reply.data("/community/problems"), "problems")
}

/// A page of `viewer.followedProblems`.
pub(crate) async fn followed_page(app: &TestApp, who: &Actor, first: i32) -> Page {
    let reply = app
        .graphql(
            Some(&who.token),
            &format!(
                "query($n: Int) {{ viewer {{ followedProblems(first: $n) {{ {CONNECTION} }} }} }}"
            ),
            json!({ "n": first }),
        )
        .await;
    reply.assert_ok();
    page_of(reply.data("/viewer/followedProblems"), "followedProblems")
}

/// A page of a problem's top-level ideas.
pub(crate) async fn ideas_page(
    app: &TestApp,
    who: &Actor,
    problem: &str,
    order: &str,
    first: i32,
    after: Option<&str>,
) -> Page {
    let reply = app
        .graphql(
            Some(&who.token),
            &format!("query($id: ID!, $o: IdeaOrder!, $n: Int, $a: String) {{ node(id: $id) {{ ... on Problem {{ ideas(orderBy: $o, first: $n, after: $a) {{ {CONNECTION} }} }} }} }}"),
            json!({ "id": problem, "o": order, "n": first, "a": after }),
        )
        .await;
    reply.assert_ok();
    page_of(reply.data("/node/ideas"), "ideas")
}

/// Follows a list page by page (`fetch(after)`), checking each page's size and totalCount;
/// every id in order.
pub(crate) async fn all_pages<F, Fut>(first: usize, mut fetch: F) -> Vec<String>
where
    F: FnMut(Option<String>) -> Fut,
    Fut: std::future::Future<Output = Page>,
{
    let mut ids = Vec::new();
    let mut after = None;
    let mut total = None;
    loop {
        let page = fetch(after.clone()).await;
        assert!(page.ids.len() <= first, "a page holds at most {first}");
        assert_eq!(
            *total.get_or_insert(page.total),
            page.total,
            "totalCount is the same on every page"
        );
        ids.extend(page.ids);
        if !page.has_next {
            break;
        }
        after = Some(
            page.end_cursor
                .expect("a page with a next page has a cursor"),
        );
        assert!(ids.len() < 1000, "paging does not end");
    }
    assert_eq!(ids.len() as u64, total.unwrap(), "totalCount is every item");
    ids
}

/// Search as `who`: the hits, after checking that totalCount is their number.
pub(crate) async fn search(app: &TestApp, who: &Actor, query: &str, filter: Value) -> Vec<Value> {
    let reply = app
        .graphql(
            Some(&who.token),
            "query($q: String!, $f: SearchFilter) { search(query: $q, filter: $f, first: 50) { totalCount pageInfo { hasNextPage } nodes { kind score title { text html matches { start end } } snippet { text html matches { start end } } item { __typename ... on Problem { id author { displayName email } authorOrganization { name } } ... on Idea { id author { displayName email } authorOrganization { name } } } } } }",
            json!({ "q": query, "f": filter }),
        )
        .await;
    reply.assert_ok();
    let hits = reply.data("/search/nodes").as_array().unwrap().clone();
    assert_eq!(
        reply.data("/search/totalCount"),
        &json!(hits.len()),
        "search {query:?} {filter}: totalCount is the number of hits: {:#}",
        reply.body
    );
    assert_eq!(reply.data("/search/pageInfo/hasNextPage"), false);
    hits
}

/// The item ids of search hits, in rank order.
pub(crate) fn hit_ids(hits: &[Value]) -> Vec<String> {
    hits.iter()
        .map(|h| s(&h["item"]["id"]).to_owned())
        .collect()
}

/// The ids of some nodes, sorted (for comparing sets).
pub(crate) fn sorted(ids: &[&str]) -> Vec<String> {
    let mut ids: Vec<String> = ids.iter().map(|i| (*i).to_owned()).collect();
    ids.sort();
    ids
}

/// `hit_ids`, sorted.
pub(crate) fn hit_set(hits: &[Value]) -> Vec<String> {
    let mut ids = hit_ids(hits);
    ids.sort();
    ids
}
