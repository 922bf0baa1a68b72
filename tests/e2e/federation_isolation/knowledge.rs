//! The knowledge cycle in the model (docs/KNOWLEDGE.md): problems with their state and
//! followers, ideas and replies with their endorsers; and the words their texts are made of.
//!
//! Texts are made only of made-up words that neither Porter (SQLite) nor the English
//! Snowball stemmer (PostgreSQL) change, none a prefix of another (the last query word
//! matches as a prefix), so which items a search finds is exact: those whose title or body
//! holds the word. Every item also carries its community's marker word, so a marker found in
//! a snippet tells where the text came from.

use super::model::World;
use std::collections::BTreeSet;

/// Words of titles and bodies.
pub(super) const WORDS: [&str; 8] = [
    "zorblax", "quennix", "vramtuk", "plindok", "druxom", "fentrip", "gavlok", "hobrix",
];
/// One marker word per community (by index), in every item of that community.
pub(super) const MARKERS: [&str; 6] = ["jubak", "jubek", "jubik", "jubok", "jubuk", "jubyk"];
/// Tags of problems.
pub(super) const TAGS: [&str; 3] = ["kn-red", "kn-green", "kn-blue"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum PState {
    Open,
    Solved,
    Closed,
}

impl PState {
    pub(super) fn gql(self) -> &'static str {
        match self {
            Self::Open => "OPEN",
            Self::Solved => "SOLVED",
            Self::Closed => "CLOSED",
        }
    }
}

pub(super) struct Problem {
    pub(super) id: String,
    pub(super) community: usize,
    pub(super) author: usize,
    pub(super) title: String,
    pub(super) body: String,
    pub(super) tags: Vec<&'static str>,
    pub(super) state: PState,
    pub(super) followers: BTreeSet<usize>,
}

pub(super) struct Idea {
    pub(super) id: String,
    pub(super) problem: usize,
    /// The top-level idea a reply answers.
    pub(super) parent: Option<usize>,
    pub(super) author: usize,
    pub(super) body: String,
    /// Who endorsed it, in order.
    pub(super) endorsers: Vec<usize>,
    pub(super) accepted: bool,
    /// How often its author edited it.
    pub(super) edits: usize,
}

/// For the self-test: a deliberately wrong expectation about problem 0 for one viewer,
/// everywhere (`Problem`) or only in search (`Search`); or about article 0 (`Article`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Poison {
    Problem,
    Search,
    /// Article 0, everywhere.
    Article,
    /// The community of event 0: its events, RSVPs, reports and feeds (docs/CULTURE.md).
    Gathering,
}

/// Whether `text` holds `word` (texts are words separated by spaces).
pub(super) fn holds(text: &str, word: &str) -> bool {
    text.split_whitespace().any(|w| w == word)
}

impl World<'_> {
    pub(super) fn some_words(&mut self, lo: usize, hi: usize) -> Vec<&'static str> {
        let n = self.rng.range(lo, hi);
        (0..n).map(|_| WORDS[self.rng.below(WORDS.len())]).collect()
    }

    /// Random words with the community's marker somewhere among them.
    pub(super) fn marked_text(&mut self, c: usize, lo: usize, hi: usize) -> String {
        let mut words = self.some_words(lo, hi);
        let at = self.rng.below(words.len() + 1);
        words.insert(at, MARKERS[c]);
        words.join(" ")
    }

    /// A title, body and tags for a new problem in `c`; the marker is in the title or body.
    pub(super) fn problem_text(&mut self, c: usize) -> (String, String, Vec<&'static str>) {
        let (title, body) = if self.rng.chance(30) {
            (self.marked_text(c, 1, 3), self.some_words(2, 7).join(" "))
        } else {
            (self.some_words(2, 3).join(" "), self.marked_text(c, 2, 7))
        };
        let tags = TAGS
            .iter()
            .copied()
            .filter(|_| self.rng.chance(35))
            .collect();
        (title, body, tags)
    }

    pub(super) fn idea_community(&self, i: usize) -> usize {
        self.problems[self.ideas[i].problem].community
    }

    /// The words of an item (problem, idea or article) by id: what its title and body hold.
    pub(super) fn item_words(&self, id: &str) -> Option<(BTreeSet<String>, usize)> {
        let words = |texts: &[&str]| -> BTreeSet<String> {
            texts
                .iter()
                .flat_map(|t| t.split_whitespace().map(str::to_owned))
                .collect()
        };
        if let Some(p) = self.problems.iter().position(|p| p.id == id) {
            let pp = &self.problems[p];
            return Some((words(&[&pp.title, &pp.body]), pp.community));
        }
        if let Some(a) = self.articles.iter().position(|a| a.id == id) {
            let aa = &self.articles[a];
            return Some((words(&[&aa.title, &aa.body]), aa.community));
        }
        let i = self.ideas.iter().position(|i| i.id == id)?;
        Some((words(&[&self.ideas[i].body]), self.idea_community(i)))
    }
}
