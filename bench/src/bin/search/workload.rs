//! The query mix, run through `api::service::search` as the service runs it for GraphQL
//! (`first: 20` plus `totalCount`, and the next page through the cursor), with every hit
//! checked against the world's own visibility rules and the query's filters.

use crate::world::{BenchViewer, World};
use api::seed::vocabulary::{Vocabulary, TAGS};
use api::service::search::{self, SearchHit, SearchQuery};
use entity::enums::{ProblemState, SearchKind};
use rand::{rngs::StdRng, Rng};
use sea_orm::DatabaseConnection;
use std::{
    collections::{HashMap, HashSet},
    time::Instant,
};

pub const PAGE: u64 = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    CommonWord,
    RareWord,
    TwoWords,
    ThreeWordsPrefix,
    Filtered,
    SecondPage,
}

impl Class {
    pub const FIRST_PAGE: [Class; 5] = [
        Class::CommonWord,
        Class::RareWord,
        Class::TwoWords,
        Class::ThreeWordsPrefix,
        Class::Filtered,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Class::CommonWord => "one common word",
            Class::RareWord => "one rare word",
            Class::TwoWords => "two words",
            Class::ThreeWordsPrefix => "three words, last a prefix",
            Class::Filtered => "common word + filters",
            Class::SecondPage => "second page (cursor)",
        }
    }
}

pub struct Planned {
    pub class: Class,
    pub viewer: usize,
    pub query: SearchQuery,
}

/// One timed request.
pub struct Sample {
    pub class: Class,
    pub viewer: usize,
    pub search_ms: f64,
    /// `totalCount`, asked for first pages only.
    pub count_ms: Option<f64>,
    pub total: Option<u64>,
    pub hits: usize,
}

/// The words of the vocabulary with their frequency rank.
fn ranks(vocabulary: &Vocabulary) -> HashMap<&str, usize> {
    vocabulary
        .words
        .iter()
        .enumerate()
        .map(|(rank, word)| (word.as_str(), rank))
        .collect()
}

/// Distinct content words of an item the viewer sees, ranked between `from` and `to`.
fn words_of_visible_item(
    world: &World,
    viewer: &BenchViewer,
    ranks: &HashMap<&str, usize>,
    rng: &mut StdRng,
    (from, to): (usize, usize),
) -> Vec<String> {
    for _ in 0..100 {
        let index = rng.random_range(0..world.items.len());
        if !world.visible(viewer, index) {
            continue;
        }
        let item = &world.items[index];
        let mut seen = HashSet::new();
        let words: Vec<String> = item
            .title
            .split(|c: char| !c.is_alphanumeric())
            .chain(item.body.split(|c: char| !c.is_alphanumeric()))
            .map(str::to_lowercase)
            .filter(|w| {
                ranks
                    .get(w.as_str())
                    .is_some_and(|r| (from..to).contains(r))
            })
            .filter(|w| seen.insert(w.clone()))
            .collect();
        if words.len() >= 3 {
            return words;
        }
    }
    Vec::new()
}

fn pick(words: &[String], rng: &mut StdRng, count: usize) -> Vec<String> {
    let mut picked: Vec<String> = Vec::new();
    while picked.len() < count.min(words.len()) {
        let word = &words[rng.random_range(0..words.len())];
        if !picked.contains(word) {
            picked.push(word.clone());
        }
    }
    picked
}

/// `count` queries, the classes and viewers taking turns.
pub fn plan(
    world: &World,
    vocabulary: &Vocabulary,
    viewers: &[BenchViewer],
    rng: &mut StdRng,
    count: usize,
) -> Vec<Planned> {
    let ranks = ranks(vocabulary);
    let size = vocabulary.words.len();
    let rare_from = (size / 2).min(size.saturating_sub(1));
    let mut planned = Vec::with_capacity(count);
    for i in 0..count {
        let class = Class::FIRST_PAGE[i % Class::FIRST_PAGE.len()];
        let viewer = (i / Class::FIRST_PAGE.len()) % viewers.len();
        let me = &viewers[viewer];
        let common = |rng: &mut StdRng| vocabulary.words[rng.random_range(0..50.min(size))].clone();
        let mut query = SearchQuery::default();
        let text = match class {
            Class::CommonWord => common(rng),
            Class::RareWord => vocabulary.words[rng.random_range(rare_from..size)].clone(),
            Class::TwoWords => {
                let words = words_of_visible_item(world, me, &ranks, rng, (5, 1500));
                pick(&words, rng, 2).join(" ")
            }
            Class::ThreeWordsPrefix => {
                let words = words_of_visible_item(world, me, &ranks, rng, (5, 1500));
                let mut words = pick(&words, rng, 3);
                if let Some(last) = words.last_mut() {
                    let keep = rng.random_range(3..=6).min(last.len());
                    last.truncate(keep);
                }
                words.join(" ")
            }
            Class::Filtered | Class::SecondPage => {
                let live = world.live_communities(me.organization);
                match rng.random_range(0..6) {
                    0 => query.kinds = vec![SearchKind::Problem],
                    1 => query.kinds = vec![SearchKind::Article],
                    2 => query.problem_states = vec![ProblemState::Open],
                    3 => query.tags = vec![TAGS[rng.random_range(0..8)].to_owned()],
                    4 if !live.is_empty() => {
                        let community = live[rng.random_range(0..live.len())];
                        query.community_ids = vec![world.communities[community].id];
                    }
                    _ => {
                        query.kinds = vec![SearchKind::Idea];
                        query.problem_states = vec![ProblemState::Solved];
                        query.tags = vec![TAGS[rng.random_range(0..4)].to_owned()];
                    }
                }
                vocabulary.words[rng.random_range(0..100.min(size))].clone()
            }
        };
        query.text = if text.is_empty() { common(rng) } else { text };
        planned.push(Planned {
            class,
            viewer,
            query,
        });
    }
    planned
}

/// Checks hits against the oracle and the filters; what is wrong goes to `violations`.
fn check_hits(
    world: &World,
    viewer: &BenchViewer,
    query: &SearchQuery,
    hits: &[SearchHit],
    violations: &mut Vec<String>,
) {
    let what = format!("{:?} as {}", query.text, viewer.label);
    for hit in hits {
        let Some(&index) = world.index_of_item.get(&hit.item_id) else {
            violations.push(format!("{what}: unknown item {}", hit.item_id));
            continue;
        };
        let item = &world.items[index];
        if !world.visible(viewer, index) {
            violations.push(format!(
                "{what}: {:?} {} of community {} is not visible to the viewer",
                item.kind, item.id, world.communities[item.community].slug
            ));
        }
        if hit.kind != item.kind || hit.community_id != world.communities[item.community].id {
            violations.push(format!("{what}: hit {} misreports its item", hit.item_id));
        }
        if !query.kinds.is_empty() && !query.kinds.contains(&item.kind) {
            violations.push(format!("{what}: {:?} outside the kinds filter", item.kind));
        }
        if !query.community_ids.is_empty()
            && !query
                .community_ids
                .contains(&world.communities[item.community].id)
        {
            violations.push(format!("{what}: item outside the community filter"));
        }
        if !query.tags.iter().all(|t| item.tags.contains(t)) {
            violations.push(format!("{what}: item without every filter tag"));
        }
        if !query.problem_states.is_empty()
            && item.kind != SearchKind::Article
            && !item
                .problem_state
                .is_some_and(|s| query.problem_states.contains(&s))
        {
            violations.push(format!("{what}: item outside the problem-state filter"));
        }
    }
    if hits.windows(2).any(|w| w[0].score < w[1].score) {
        violations.push(format!("{what}: hits not in descending score order"));
    }
}

fn millis(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

/// Runs the planned queries one after another on one connection at a time.
pub async fn run(
    db: &DatabaseConnection,
    world: &World,
    viewers: &[BenchViewer],
    planned: &[Planned],
    samples: &mut Vec<Sample>,
    violations: &mut Vec<String>,
) -> anyhow::Result<()> {
    for p in planned {
        let me = &viewers[p.viewer];
        let viewer = me.api();
        let started = Instant::now();
        let page = search::search(db, &viewer, &p.query, PAGE, None).await?;
        let search_ms = millis(started);
        let started = Instant::now();
        let total = search::count(db, &viewer, &p.query).await?;
        let count_ms = millis(started);
        check_hits(world, me, &p.query, &page.hits, violations);
        let shown = page.hits.len() as u64;
        if total < shown || (!page.has_next_page && total != shown) {
            violations.push(format!(
                "{:?} as {}: totalCount {total} disagrees with a page of {shown} (more: {})",
                p.query.text, me.label, page.has_next_page
            ));
        }
        samples.push(Sample {
            class: p.class,
            viewer: p.viewer,
            search_ms,
            count_ms: Some(count_ms),
            total: Some(total),
            hits: page.hits.len(),
        });
        let Some(last) = page.hits.last().filter(|_| page.has_next_page) else {
            continue;
        };
        let started = Instant::now();
        let next = search::search(db, &viewer, &p.query, PAGE, Some(last.cursor())).await?;
        let search_ms = millis(started);
        check_hits(world, me, &p.query, &next.hits, violations);
        let first: HashSet<_> = page.hits.iter().map(|h| h.item_id).collect();
        if next.hits.iter().any(|h| first.contains(&h.item_id))
            || next.hits.first().is_some_and(|h| h.score > last.score)
        {
            violations.push(format!(
                "{:?} as {}: the second page overlaps or outranks the first",
                p.query.text, me.label
            ));
        }
        samples.push(Sample {
            class: Class::SecondPage,
            viewer: p.viewer,
            search_ms,
            count_ms: None,
            total: None,
            hits: next.hits.len(),
        });
    }
    Ok(())
}

/// A filter on a community that is not live for the viewer finds nothing, in hits and count.
pub async fn check_foreign_community(
    db: &DatabaseConnection,
    world: &World,
    viewers: &[BenchViewer],
    vocabulary: &Vocabulary,
    violations: &mut Vec<String>,
) -> anyhow::Result<()> {
    for me in viewers {
        let Some(foreign) = (0..world.communities.len()).find(|c| !world.live(me.organization, *c))
        else {
            continue;
        };
        for word in vocabulary.words.iter().take(5) {
            let query = SearchQuery {
                text: word.clone(),
                community_ids: vec![world.communities[foreign].id],
                ..SearchQuery::default()
            };
            let page = search::search(db, &me.api(), &query, PAGE, None).await?;
            let total = search::count(db, &me.api(), &query).await?;
            if !page.hits.is_empty() || total != 0 {
                violations.push(format!(
                    "{word:?} in {} as {}: {total} hits in a community that is not live",
                    world.communities[foreign].slug, me.label
                ));
            }
        }
    }
    Ok(())
}
