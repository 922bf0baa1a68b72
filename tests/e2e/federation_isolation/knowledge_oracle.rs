//! Who sees and who may write the knowledge cycle: the rules of docs/KNOWLEDGE.md ("Who sees
//! what", "Who may write"), written from the page (not from `api/src`).
//!
//! - Problems, ideas, replies and endorsements of a community C are visible to V when C is
//!   live for V (the operator sees everything).
//! - The author of a visible problem or idea, and whoever endorsed a visible idea, is visible
//!   (public profile), and so is their organization (see `oracle.rs`).
//! - Who follows a problem: only V's own follows; `followerCount` is public.
//! - Articles in PUBLISHED or ARCHIVED (with their revisions and authors) are visible to V
//!   when C is live for V; in DRAFT or IN_REVIEW only when V is also one of its authors or
//!   coordinates C. Applications and their confirmations: when C is live for V.
//! - Co-authors and revision editors of a visible article, reporters and confirmers of a
//!   visible application are visible too, with their organizations.
//! - Search: exactly the visible problems, ideas and articles that hold every word.
//! - Writing needs an ACTIVE membership. Closing, reopening and accepting a solution are for
//!   the author (a member still) and coordinators (ACTIVE COORDINATOR members, and the
//!   host's admins, who need no membership: the page names them among coordinators).

use super::articles::AState;
use super::knowledge::{holds, PState, Poison};
use super::model::{Viewer, World};
use super::vocabulary::{Expect, FORBIDDEN, NOT_FOUND};
use std::collections::BTreeSet;

/// A state that does not allow the change (solving or contributing to a CLOSED problem,
/// closing a CLOSED one, reopening an OPEN one, replying to a reply): the page calls it bad
/// input in one place and a state conflict in another; either.
pub(super) const STATE: &[&str] = &["BAD_USER_INPUT", "CONFLICT"];

/// The predicted outcome from the refusals that apply: success when none does; when several
/// do, the page does not say which is reported first, so any of them.
pub(super) fn outcome(refusals: &[&[&'static str]]) -> Expect {
    let mut codes: Vec<&'static str> = Vec::new();
    for set in refusals {
        for &c in *set {
            if !codes.contains(&c) {
                codes.push(c);
            }
        }
    }
    match codes.as_slice() {
        [] => Expect::Ok,
        ["FORBIDDEN"] => FORBIDDEN,
        ["NOT_FOUND"] => NOT_FOUND,
        // A handful of combinations per world: leaking them keeps `Expect` Copy.
        _ => Expect::Fail(Box::leak(codes.into_boxed_slice())),
    }
}

impl World<'_> {
    /// Content of community `c`: visible when `c` is live for the viewer.
    pub(super) fn sees_content(&self, viewer: Viewer, c: usize) -> bool {
        match viewer {
            Viewer::Operator => true,
            Viewer::Person(v) => self.live(v, c),
        }
    }

    pub(super) fn sees_problem(&self, viewer: Viewer, p: usize) -> bool {
        let real = self.sees_content(viewer, self.problems[p].community);
        match (viewer, self.poison_content) {
            (Viewer::Person(v), Some((w, Poison::Problem))) if v == w && p == 0 => !real,
            _ => real,
        }
    }

    /// Ideas, replies and their endorsements.
    pub(super) fn sees_idea(&self, viewer: Viewer, i: usize) -> bool {
        self.sees_content(viewer, self.idea_community(i))
    }

    /// Articles: PUBLISHED and ARCHIVED ones when the community is live for the viewer;
    /// DRAFT and IN_REVIEW ones only for their authors and the community's coordinators.
    pub(super) fn sees_article(&self, viewer: Viewer, a: usize) -> bool {
        let aa = &self.articles[a];
        let real = self.sees_content(viewer, aa.community)
            && match viewer {
                Viewer::Operator => true,
                Viewer::Person(v) => {
                    aa.state.public()
                        || aa.authors.contains(&v)
                        || self.coordinates(v, aa.community)
                }
            };
        match (viewer, self.poison_content) {
            (Viewer::Person(v), Some((w, Poison::Article))) if v == w && a == 0 => !real,
            _ => real,
        }
    }

    /// Applications and their confirmations: when the community is live for the viewer.
    pub(super) fn sees_application(&self, viewer: Viewer, k: usize) -> bool {
        self.sees_content(viewer, self.application_community(k))
    }

    /// Whether the viewer sees `q` as the author of a problem or idea, or the endorser of an
    /// idea, a co-author or revision editor of an article, the reporter or a confirmer of an
    /// application, that the viewer sees.
    pub(super) fn sees_as_author(&self, viewer: Viewer, q: usize) -> bool {
        (0..self.problems.len())
            .any(|p| self.problems[p].author == q && self.sees_problem(viewer, p))
            || (0..self.ideas.len()).any(|i| {
                (self.ideas[i].author == q || self.ideas[i].endorsers.contains(&q))
                    && self.sees_idea(viewer, i)
            })
            || (0..self.articles.len()).any(|a| {
                (self.articles[a].authors.contains(&q) || self.articles[a].editors.contains(&q))
                    && self.sees_article(viewer, a)
            })
            || (0..self.applications.len()).any(|k| {
                (self.applications[k].reporter == q || self.applications[k].confirmers.contains(&q))
                    && self.sees_application(viewer, k)
            })
            // CULTURE.md: the person of a visible RSVP; the creator of a visible event.
            || self.sees_as_attendee(viewer, q)
    }

    /// Whether the viewer sees someone of organization `o` as an author or endorser.
    pub(super) fn sees_as_authors_org(&self, viewer: Viewer, o: usize) -> bool {
        (0..self.people.len()).any(|q| self.people[q].org == o && self.sees_as_author(viewer, q))
    }

    /// Close, reopen, accept a solution: the author (an ACTIVE member still) or a coordinator.
    pub(super) fn manages(&self, v: usize, p: usize) -> bool {
        let c = self.problems[p].community;
        self.coordinates(v, c) || (self.problems[p].author == v && self.active_member(v, c))
    }

    /// The refusal of a problem state change, if any.
    pub(super) fn state_refusal(&self, p: usize, to: PState) -> Option<&'static [&'static str]> {
        let from = self.problems[p].state;
        let allowed = match to {
            PState::Closed => from != PState::Closed,
            PState::Open => from != PState::Open,
            PState::Solved => from != PState::Closed,
        };
        (!allowed).then_some(STATE)
    }

    /// What `search` should find for the viewer: the visible problems, ideas and articles
    /// holding every word (in `community` only, if given).
    /// With `tag`, only items carrying it (ideas carry their problem's; articles carry none).
    /// With `articles`, only articles (`kinds: [ARTICLE]`), in the given states if any.
    pub(super) fn search_expected(
        &self,
        viewer: Viewer,
        words: &[&str],
        community: Option<usize>,
        tag: Option<&str>,
        articles: Option<Option<&[AState]>>,
    ) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for (a, aa) in self.articles.iter().enumerate() {
            if self.sees_article(viewer, a)
                && community.is_none_or(|k| k == aa.community)
                && tag.is_none()
                && articles
                    .flatten()
                    .is_none_or(|states| states.contains(&aa.state))
                && words
                    .iter()
                    .all(|w| holds(&aa.title, w) || holds(&aa.body, w))
            {
                out.insert(aa.id.clone());
            }
        }
        if articles.is_some() {
            return out;
        }
        let wanted = |p: usize, texts: &[&str]| {
            community.is_none_or(|k| k == self.problems[p].community)
                && tag.is_none_or(|t| self.problems[p].tags.contains(&t))
                && words.iter().all(|w| texts.iter().any(|t| holds(t, w)))
        };
        for (p, pp) in self.problems.iter().enumerate() {
            let mut sees = self.sees_problem(viewer, p);
            if let (Viewer::Person(v), Some((w, Poison::Search))) = (viewer, self.poison_content) {
                if v == w && p == 0 {
                    sees = !sees;
                }
            }
            if sees && wanted(p, &[&pp.title, &pp.body]) {
                out.insert(pp.id.clone());
            }
        }
        for (i, idea) in self.ideas.iter().enumerate() {
            if self.sees_idea(viewer, i) && wanted(idea.problem, &[&idea.body]) {
                out.insert(idea.id.clone());
            }
        }
        out
    }
}
