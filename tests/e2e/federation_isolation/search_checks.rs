//! `search` as a viewer reads it, against `knowledge_oracle.rs`: for a handful of words of
//! the vocabulary (rotating between viewers) and every community's marker, all pages of hits are exactly the visible items
//! holding the word, `totalCount` agrees on every page, each hit's kind is right, and its
//! title and snippet hold only words of that (visible) item — never a marker of a community
//! the viewer may not see. Two-word queries need both words. Filtered by a community the
//! viewer may not see, nothing; by a live one, its items only; by a tag, the items carrying
//! it (an idea carries its problem's). Articles are hits like problems (DRAFT and IN_REVIEW
//! ones only for their authors and coordinators); `kinds: [ARTICLE]`, alone and with
//! `articleStates`, narrows to the articles in those states.

use super::articles::AState;
use super::knowledge::{MARKERS, TAGS, WORDS};
use super::model::{text, Viewer, World};
use futures_util::StreamExt;
use serde_json::{json, Value};
use std::collections::BTreeSet;

const SEARCH: &str = "query($q: String!, $f: SearchFilter, $after: String) { search(query: $q, filter: $f, first: 50, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { kind item { __typename ... on Problem { id } ... on Idea { id } ... on KnowledgeArticle { id } } title { text } snippet { text } } } } }";

impl World<'_> {
    /// The searches of one viewer; the number of searches checked.
    pub(super) async fn check_search(&self, viewer: Viewer) -> Result<usize, String> {
        type Search<'w> = (
            Vec<&'w str>,
            Option<usize>,
            Option<&'w str>,
            Option<Option<&'w [AState]>>,
        );
        let mut searches: Vec<Search> = Vec::new();
        // A handful of words per viewer, rotating so that the viewers of a stage cover the
        // whole vocabulary and every tag; every community's marker for everyone.
        let n = WORDS.len();
        let r = match viewer {
            Viewer::Person(v) => v,
            Viewer::Operator => self.people.len(),
        };
        for k in 0..4 {
            searches.push((vec![WORDS[(4 * r + k) % n]], None, None, None));
        }
        for marker in &MARKERS[..self.communities.len()] {
            searches.push((vec![marker], None, None, None));
        }
        searches.push((
            vec![WORDS[(r + 1) % n], WORDS[(r + 4) % n]],
            None,
            None,
            None,
        ));
        for c in 0..self.communities.len() {
            searches.push((vec![WORDS[(r + c) % n]], Some(c), None, None));
        }
        searches.push((
            vec![WORDS[(r + 2) % n]],
            None,
            Some(TAGS[r % TAGS.len()]),
            None,
        ));
        // Articles only: a community's marker, and a word in a rotating choice of states.
        const STATES: [&[AState]; 3] = [
            &[AState::Published],
            &[AState::Draft, AState::InReview],
            &[AState::Draft],
        ];
        let m = self.communities.len();
        if m > 0 {
            searches.push((vec![MARKERS[r % m]], None, None, Some(None)));
        }
        searches.push((
            vec![WORDS[(r + 3) % n]],
            None,
            None,
            Some(Some(STATES[r % STATES.len()])),
        ));
        // A few at a time (reads only).
        let results: Vec<Result<(), String>> = futures_util::stream::iter(&searches)
            .map(|(words, community, tag, articles)| {
                self.one_search(viewer, words, *community, *tag, *articles)
            })
            .buffered(3)
            .collect()
            .await;
        for result in results {
            result?;
        }
        Ok(searches.len())
    }

    /// One search, paged through to the end, against the oracle.
    async fn one_search(
        &self,
        viewer: Viewer,
        words: &[&str],
        community: Option<usize>,
        tag: Option<&str>,
        articles: Option<Option<&[AState]>>,
    ) -> Result<(), String> {
        let expected = self.search_expected(viewer, words, community, tag, articles);
        let query = words.join(" ");
        let mut filter = json!({});
        if let Some(c) = community {
            filter["communityIds"] = json!([self.communities[c].id]);
        }
        if let Some(t) = tag {
            filter["tags"] = json!([t]);
        }
        if let Some(states) = articles {
            filter["kinds"] = json!(["ARTICLE"]);
            if let Some(states) = states {
                let states: Vec<&str> = states.iter().map(|s| s.gql()).collect();
                filter["articleStates"] = json!(states);
            }
        }
        let ctx = format!(
            "{} searching \"{query}\"{}{}{}",
            self.name(viewer),
            articles.map_or(String::new(), |states| format!(
                " among articles{}",
                states.map_or(String::new(), |s| format!(" in {s:?}"))
            )),
            tag.map_or(String::new(), |t| format!(" tagged {t}")),
            community.map_or(String::new(), |c| format!(
                " in {} (content {})",
                self.community_name(c),
                if self.sees_content(viewer, c) {
                    "visible"
                } else {
                    "not visible"
                }
            ))
        );
        // Markers of communities whose content the viewer may not see.
        let foreign: BTreeSet<&str> = (0..self.communities.len())
            .filter(|&c| !self.sees_content(viewer, c))
            .map(|c| MARKERS[c])
            .collect();
        let mut found = BTreeSet::new();
        let mut after = Value::Null;
        for page in 0.. {
            if page > 20 {
                return Err(format!("{ctx}: more than 20 pages"));
            }
            let reply = self
                .app
                .graphql(
                    Some(self.token(viewer)),
                    SEARCH,
                    json!({ "q": query, "f": filter, "after": after }),
                )
                .await;
            if reply.status != reqwest::StatusCode::OK || !reply.errors().is_empty() {
                return Err(format!("{ctx}: {:#}", reply.body));
            }
            let result = reply.data("/search");
            if result["totalCount"] != expected.len() {
                return Err(format!(
                    "{ctx}: totalCount {} on page {page}, expected {} ({})",
                    result["totalCount"],
                    expected.len(),
                    self.describe_all(&expected)
                ));
            }
            for edge in result["edges"].as_array().cloned().unwrap_or_default() {
                let hit = &edge["node"];
                let id = text(&hit["item"]["id"]);
                if !expected.contains(&id) {
                    return Err(format!(
                        "{ctx}: unexpected hit {} ({hit})",
                        self.describe(&id)
                    ));
                }
                if !found.insert(id.clone()) {
                    return Err(format!("{ctx}: {} found twice", self.describe(&id)));
                }
                let problem = self.problems.iter().any(|p| p.id == id);
                let article = self.articles.iter().any(|a| a.id == id);
                let (kind, typename) = if problem {
                    ("PROBLEM", "Problem")
                } else if article {
                    ("ARTICLE", "KnowledgeArticle")
                } else {
                    ("IDEA", "Idea")
                };
                if hit["kind"] != kind || hit["item"]["__typename"] != typename {
                    return Err(format!("{ctx}: {} as {hit}", self.describe(&id)));
                }
                let (own, _) = self.item_words(&id).unwrap();
                for part in ["title", "snippet"] {
                    let shown = hit[part]["text"].as_str().unwrap_or_default();
                    let stray: Vec<&str> = shown
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty() && !own.contains(*w))
                        .collect();
                    let leaked: Vec<&str> = shown
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| foreign.contains(w))
                        .collect();
                    if !stray.is_empty() || !leaked.is_empty() {
                        return Err(format!(
                            "{ctx}: {part} of {} shows {shown:?}: words not its own {stray:?}, markers of invisible communities {leaked:?}",
                            self.describe(&id)
                        ));
                    }
                    if part == "title" && !problem && !article && !shown.is_empty() {
                        return Err(format!("{ctx}: an idea's title is {shown:?}"));
                    }
                }
            }
            if result["pageInfo"]["hasNextPage"] != true {
                break;
            }
            after = result["pageInfo"]["endCursor"].clone();
        }
        if found != expected {
            let missing: BTreeSet<String> = expected.difference(&found).cloned().collect();
            return Err(format!("{ctx}: missing {}", self.describe_all(&missing)));
        }
        Ok(())
    }

    fn describe_all(&self, ids: &BTreeSet<String>) -> String {
        let all: Vec<String> = ids.iter().map(|id| self.describe(id)).collect();
        format!("[{}]", all.join("; "))
    }
}
