//! Knowledge articles (with co-authors and revisions) and their applications (with
//! confirmations) in the model, and how a world's members write them, each outcome predicted
//! from docs/KNOWLEDGE.md ("Who may write", "Knowledge articles", "Applications").
//!
//! A row V may not see is NOT_FOUND (an article of a community not live for V, or a DRAFT or
//! IN_REVIEW one V neither wrote nor coordinates); a visible row V may not change is
//! FORBIDDEN; a move the state machine does not have is BAD_USER_INPUT; reporting an
//! application of an article that is not PUBLISHED is bad input or a state conflict (either);
//! confirming twice is CONFLICT.
//!
//! Article texts are made like problems' (`knowledge.rs`): made-up words and the community's
//! marker, no tags; application texts hold none of the searched words.

use super::knowledge_oracle::{outcome, STATE};
use super::model::{text, Viewer, World};
use super::vocabulary::NOT_FOUND;
use serde_json::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum AState {
    Draft,
    InReview,
    Published,
    Archived,
}

impl AState {
    pub(super) fn gql(self) -> &'static str {
        match self {
            Self::Draft => "DRAFT",
            Self::InReview => "IN_REVIEW",
            Self::Published => "PUBLISHED",
            Self::Archived => "ARCHIVED",
        }
    }

    /// Whether everyone for whom the community is live sees it.
    pub(super) fn public(self) -> bool {
        matches!(self, Self::Published | Self::Archived)
    }
}

pub(super) struct Article {
    pub(super) id: String,
    pub(super) community: usize,
    /// Its authors, the creator first.
    pub(super) authors: Vec<usize>,
    pub(super) title: String,
    pub(super) body: String,
    pub(super) state: AState,
    /// Who made each revision, in order (revision 1 is the creator's).
    pub(super) editors: Vec<usize>,
}

pub(super) struct Application {
    pub(super) id: String,
    pub(super) article: usize,
    pub(super) reporter: usize,
    /// Who confirmed it, in order.
    pub(super) confirmers: Vec<usize>,
}

const ARTICLE_SEL: &str =
    "article { id state revision community { id } authors { person { id } organization { id } } }";
const APPLICATION_SEL: &str = "application { id confirmationCount viewerConfirmed article { id } person { id } organization { id } }";
const FORBIDDEN_CODES: &[&str] = &["FORBIDDEN"];
const BAD: &[&str] = &["BAD_USER_INPUT"];
/// A co-author who is not an ACTIVE member: BAD_USER_INPUT on `coAuthorIds.N`; when the
/// creator may not even see that person, NOT_FOUND would also be a reading (either).
const BAD_UNSEEN_CO_AUTHOR: &[&str] = &["BAD_USER_INPUT", "NOT_FOUND"];
/// Confirming one's own report: a visible row one may not confirm, or bad input; either.
const OWN_REPORT: &[&str] = &["FORBIDDEN", "BAD_USER_INPUT"];

impl World<'_> {
    pub(super) fn application_community(&self, k: usize) -> usize {
        self.articles[self.applications[k].article].community
    }

    fn check_article_reply(&self, a: usize, got: &Value, what: &str) {
        let aa = &self.articles[a];
        self.same(&got["id"], &aa.id, what);
        self.same(&got["state"], aa.state.gql(), &format!("{what} state"));
        self.same(
            &got["community"]["id"],
            &self.communities[aa.community].id,
            &format!("{what} community"),
        );
        if got["revision"] != aa.editors.len() {
            self.fail(&format!(
                "{what}: revision {} but {} revisions expected",
                got["revision"],
                aa.editors.len()
            ));
        }
        let want: Vec<(String, String)> = aa
            .authors
            .iter()
            .map(|&q| {
                (
                    self.people[q].id.clone(),
                    self.orgs[self.people[q].org].id.clone(),
                )
            })
            .collect();
        let have: Vec<(String, String)> = got["authors"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|x| (text(&x["person"]["id"]), text(&x["organization"]["id"])))
            .collect();
        if want != have {
            self.fail(&format!("{what}: authors {}", got["authors"]));
        }
    }

    /// A blank-page article in `c` by `v`, with `co` as co-author if given.
    pub(super) async fn create_article(&mut self, v: usize, c: usize, co: Option<usize>) {
        let expect = if !self.sees_community(Viewer::Person(v), c) {
            NOT_FOUND
        } else {
            let mut refusals = Vec::new();
            if !self.active_member(v, c) {
                refusals.push(FORBIDDEN_CODES);
            }
            if let Some(q) = co.filter(|&q| !self.active_member(q, c)) {
                refusals.push(if self.sees_person(Viewer::Person(v), q) {
                    BAD
                } else {
                    BAD_UNSEEN_CO_AUTHOR
                });
            }
            outcome(&refusals)
        };
        let (title, body, _) = self.problem_text(c);
        let mut input = format!(
            "communityId: \"{}\", title: \"{title}\", body: \"{body}\"",
            self.communities[c].id
        );
        if let Some(q) = co {
            input.push_str(&format!(", coAuthorIds: [\"{}\"]", self.people[q].id));
        }
        let Some(r) = self
            .run(Some(v), "createArticle", input, ARTICLE_SEL, expect)
            .await
        else {
            return;
        };
        let mut authors = vec![v];
        authors.extend(co);
        self.articles.push(Article {
            id: text(&r["article"]["id"]),
            community: c,
            authors,
            title,
            body,
            state: AState::Draft,
            editors: vec![v],
        });
        self.check_article_reply(self.articles.len() - 1, &r["article"], "createArticle");
    }

    /// `setArticleState` of article `a` to `to` by `v`.
    pub(super) async fn move_article(&mut self, v: usize, a: usize, to: AState) {
        use AState::*;
        let c = self.articles[a].community;
        let expect = if !self.sees_article(Viewer::Person(v), a) {
            NOT_FOUND
        } else {
            let from = self.articles[a].state;
            let valid = matches!(
                (from, to),
                (Draft, InReview)
                    | (InReview, Draft)
                    | (InReview, Published)
                    | (Draft, Published)
                    | (Published, Archived)
                    | (Archived, Published)
            );
            let author = self.articles[a].authors.contains(&v) && self.active_member(v, c);
            let coordinator = self.coordinates(v, c);
            let mut refusals = Vec::new();
            if !valid {
                // Any other move is bad input; by someone with no say at all, either.
                refusals.push(BAD);
                if !author && !coordinator {
                    refusals.push(FORBIDDEN_CODES);
                }
            } else if !(coordinator || (author && matches!(to, Draft | InReview))) {
                refusals.push(FORBIDDEN_CODES);
            }
            outcome(&refusals)
        };
        let input = format!(
            "articleId: \"{}\", state: {}",
            self.articles[a].id,
            to.gql()
        );
        let Some(r) = self
            .run(Some(v), "setArticleState", input, ARTICLE_SEL, expect)
            .await
        else {
            return;
        };
        self.articles[a].state = to;
        // A change of state is a revision.
        self.articles[a].editors.push(v);
        self.check_article_reply(a, &r["article"], "setArticleState");
    }

    /// `reportApplication` of article `a` by `v`.
    pub(super) async fn report_application(&mut self, v: usize, a: usize) {
        let c = self.articles[a].community;
        let expect = if !self.sees_article(Viewer::Person(v), a) {
            NOT_FOUND
        } else {
            let mut refusals = Vec::new();
            if !self.active_member(v, c) {
                refusals.push(FORBIDDEN_CODES);
            }
            if self.articles[a].state != AState::Published {
                refusals.push(STATE);
            }
            outcome(&refusals)
        };
        let input = format!(
            "articleId: \"{}\", whatWasDone: \"rolled it out\", businessUnit: \"unit {v}\", outcome: \"went well\", hoursSaved: 2.5",
            self.articles[a].id
        );
        let Some(r) = self
            .run(Some(v), "reportApplication", input, APPLICATION_SEL, expect)
            .await
        else {
            return;
        };
        let got = &r["application"];
        self.same(
            &got["article"]["id"],
            &self.articles[a].id,
            "application article",
        );
        self.same(
            &got["person"]["id"],
            &self.people[v].id,
            "application person",
        );
        self.same(
            &got["organization"]["id"],
            &self.orgs[self.people[v].org].id,
            "application organization",
        );
        self.applications.push(Application {
            id: text(&got["id"]),
            article: a,
            reporter: v,
            confirmers: Vec::new(),
        });
    }

    /// `confirmApplication` of application `k` by `v`.
    pub(super) async fn confirm_application(&mut self, v: usize, k: usize) {
        let c = self.application_community(k);
        let expect = if !self.sees_application(Viewer::Person(v), k) {
            NOT_FOUND
        } else {
            let mut refusals = Vec::new();
            if !self.active_member(v, c) {
                refusals.push(FORBIDDEN_CODES);
            }
            if self.applications[k].reporter == v {
                refusals.push(OWN_REPORT);
            }
            if self.applications[k].confirmers.contains(&v) {
                refusals.push(&["CONFLICT"]);
            }
            outcome(&refusals)
        };
        let input = format!(
            "applicationId: \"{}\", businessUnit: \"unit {v}\"",
            self.applications[k].id
        );
        let Some(r) = self
            .run(
                Some(v),
                "confirmApplication",
                input,
                APPLICATION_SEL,
                expect,
            )
            .await
        else {
            return;
        };
        self.applications[k].confirmers.push(v);
        let got = &r["application"];
        if got["confirmationCount"] != self.applications[k].confirmers.len()
            || got["viewerConfirmed"] != true
        {
            self.fail(&format!("confirmApplication returned {got}"));
        }
    }

    /// One round of article work: a few articles (some co-authored, often across
    /// organizations), moved through review and publication by authors, coordinators and the
    /// wrong people; applications of them reported and confirmed.
    pub(super) async fn article_life(&mut self, after_break: bool) {
        let mut attempts = Vec::new();
        for c in 0..self.communities.len() {
            let n = if after_break {
                usize::from(self.rng.chance(50))
            } else {
                self.rng.range(1, 2)
            };
            attempts.extend(std::iter::repeat_n(c, n));
        }
        for c in attempts {
            let Some(v) = self.actor_for(c) else { continue };
            let others: Vec<usize> = (0..self.people.len())
                .filter(|&q| q != v && self.enabled(q))
                .collect();
            let members: Vec<usize> = others
                .iter()
                .copied()
                .filter(|&q| self.active_member(q, c))
                .collect();
            // Members of another organization first: their authorship is what a break cuts.
            let foreign: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&q| self.people[q].org != self.people[v].org)
                .collect();
            let co = match self.rng.below(100) {
                0..=29 if !foreign.is_empty() => self.rng.pick(&foreign),
                0..=49 => self.rng.pick(&members),
                // Sometimes anyone: refused unless an ACTIVE member.
                50..=59 => self.rng.pick(&others),
                _ => None,
            };
            self.create_article(v, c, co).await;
        }
        for a in 0..self.articles.len() {
            let (c, state) = (self.articles[a].community, self.articles[a].state);
            if state.public() || !self.rng.chance(60) {
                continue;
            }
            let authors: Vec<usize> = self.articles[a]
                .authors
                .iter()
                .copied()
                .filter(|&q| self.enabled(q))
                .collect();
            let coordinators = self.host_coordinators(c);
            let (v, to) = match self.rng.below(100) {
                0..=44 => (
                    self.rng.pick(&authors),
                    match state {
                        AState::Draft if self.rng.chance(85) => AState::InReview,
                        AState::InReview if self.rng.chance(30) => AState::Draft,
                        // Refused unless the author coordinates.
                        _ => AState::Published,
                    },
                ),
                45..=79 => (
                    self.rng.pick(&coordinators),
                    if self.rng.chance(85) {
                        AState::Published
                    } else {
                        // Refused: not a move of the state machine.
                        AState::Archived
                    },
                ),
                _ => (self.actor_for(c), AState::Published),
            };
            if let Some(v) = v {
                self.move_article(v, a, to).await;
            }
        }
        for a in 0..self.articles.len() {
            let c = self.articles[a].community;
            let tries = if self.articles[a].state == AState::Published {
                self.rng.range(0, 2)
            } else {
                usize::from(self.rng.chance(15))
            };
            for _ in 0..tries {
                if let Some(v) = self.actor_for(c) {
                    self.report_application(v, a).await;
                }
            }
        }
        for k in 0..self.applications.len() {
            if !self.rng.chance(60) {
                continue;
            }
            let c = self.application_community(k);
            let v = match self.rng.below(100) {
                0..=79 => self.actor_for(c),
                // Refused: one's own report, or confirming twice.
                80..=89 => Some(self.applications[k].reporter),
                _ => self.rng.pick(&self.applications[k].confirmers.clone()),
            };
            if let Some(v) = v.filter(|&v| self.enabled(v)) {
                self.confirm_application(v, k).await;
            }
        }
        if after_break {
            // Authors and reporters cut off by the break try again: NOT_FOUND.
            for a in 0..self.articles.len() {
                let c = self.articles[a].community;
                let cut: Vec<usize> = self.articles[a]
                    .authors
                    .iter()
                    .copied()
                    .filter(|&q| self.enabled(q) && !self.live(q, c))
                    .collect();
                if let Some(v) = self.rng.pick(&cut) {
                    self.report_application(v, a).await;
                    self.move_article(v, a, AState::InReview).await;
                }
            }
        }
    }
}
