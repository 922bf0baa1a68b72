//! Problems, ideas, replies, edits, endorsements, follows and solutions, each outcome
//! predicted from docs/KNOWLEDGE.md ("Who may write") and the model updated.
//!
//! A row V may not see is NOT_FOUND (a problem or idea of a community not live for V); a
//! visible row V may not change is FORBIDDEN (no ACTIVE membership, not the author or a
//! coordinator); a state that does not allow it is either BAD_USER_INPUT or CONFLICT; a
//! duplicate (following or endorsing twice) is CONFLICT.

use super::knowledge::{Idea, PState, Problem};
use super::knowledge_oracle::{outcome, STATE};
use super::model::{text, Viewer, World};
use super::vocabulary::{Expect, CONFLICT, FORBIDDEN, NOT_FOUND};
use serde_json::Value;
use std::collections::BTreeSet;

const PROBLEM_SEL: &str = "problem { id state followerCount viewerFollows author { id } authorOrganization { id } community { id } }";
const IDEA_SEL: &str = "idea { id revision endorsementCount viewerEndorsed author { id } authorOrganization { id } problem { id } parent { id } }";
const FORBIDDEN_CODES: &[&str] = &["FORBIDDEN"];
/// One's own idea: a BAD_USER_INPUT user error (KNOWLEDGE.md, "Who may write").
const OWN_IDEA: &[&str] = &["BAD_USER_INPUT"];
/// Unfollowing a problem one does not follow: bad input or a state conflict; either.
const NOT_FOLLOWING: &[&str] = &["BAD_USER_INPUT", "CONFLICT"];

impl World<'_> {
    fn check_authored(&self, got: &Value, v: usize, what: &str) {
        self.same(
            &got["author"]["id"],
            &self.people[v].id,
            &format!("{what} author"),
        );
        let org = &self.orgs[self.people[v].org].id;
        self.same(
            &got["authorOrganization"]["id"],
            org,
            &format!("{what} authorOrganization"),
        );
    }

    fn check_problem_reply(&self, p: usize, got: &Value, what: &str) {
        let pp = &self.problems[p];
        self.same(&got["id"], &pp.id, what);
        self.same(&got["state"], pp.state.gql(), &format!("{what} state"));
        if got["followerCount"] != pp.followers.len() {
            self.fail(&format!(
                "{what}: followerCount {} but {} follow",
                got["followerCount"],
                pp.followers.len()
            ));
        }
    }

    pub(super) async fn post_problem(&mut self, v: usize, c: usize) {
        let expect = if !self.sees_community(Viewer::Person(v), c) {
            NOT_FOUND
        } else if !self.active_member(v, c) {
            FORBIDDEN
        } else {
            Expect::Ok
        };
        let (title, body, tags) = self.problem_text(c);
        let tag_list: Vec<String> = tags.iter().map(|t| format!("\"{t}\"")).collect();
        let input = format!(
            "communityId: \"{}\", title: \"{title}\", body: \"{body}\", tags: [{}]",
            self.communities[c].id,
            tag_list.join(", ")
        );
        let Some(r) = self
            .run(Some(v), "postProblem", input, PROBLEM_SEL, expect)
            .await
        else {
            return;
        };
        let got = &r["problem"];
        self.problems.push(Problem {
            id: text(&got["id"]),
            community: c,
            author: v,
            title,
            body,
            tags,
            state: PState::Open,
            // The author follows their own problem.
            followers: BTreeSet::from([v]),
        });
        let p = self.problems.len() - 1;
        self.check_problem_reply(p, got, "postProblem");
        self.check_authored(got, v, "postProblem");
        self.same(
            &got["community"]["id"],
            &self.communities[c].id,
            "community",
        );
        if got["viewerFollows"] != true {
            self.fail(&format!("the author does not follow their problem: {got}"));
        }
    }

    /// An idea (or, with `parent`, a reply) on problem `p`.
    pub(super) async fn contribute(&mut self, v: usize, p: usize, parent: Option<usize>) {
        let c = self.problems[p].community;
        let expect = if !self.sees_problem(Viewer::Person(v), p) {
            NOT_FOUND
        } else {
            let mut refusals = Vec::new();
            if !self.active_member(v, c) {
                refusals.push(FORBIDDEN_CODES);
            }
            if self.problems[p].state == PState::Closed {
                refusals.push(STATE);
            }
            if parent.is_some_and(|i| self.ideas[i].parent.is_some()) {
                // A reply to a reply.
                refusals.push(STATE);
            }
            outcome(&refusals)
        };
        let body = self.marked_text(c, 2, 6);
        let mut input = format!("problemId: \"{}\", body: \"{body}\"", self.problems[p].id);
        if let Some(i) = parent {
            input.push_str(&format!(", parentIdeaId: \"{}\"", self.ideas[i].id));
        }
        let Some(r) = self
            .run(Some(v), "contributeIdea", input, IDEA_SEL, expect)
            .await
        else {
            return;
        };
        let got = &r["idea"];
        self.check_authored(got, v, "contributeIdea");
        self.same(&got["problem"]["id"], &self.problems[p].id, "idea problem");
        let want_parent = parent.map(|i| self.ideas[i].id.clone());
        if got["parent"]["id"].as_str() != want_parent.as_deref() {
            self.fail(&format!("contributeIdea parent: {got}"));
        }
        self.ideas.push(Idea {
            id: text(&got["id"]),
            problem: p,
            parent,
            author: v,
            body,
            endorsers: Vec::new(),
            accepted: false,
            edits: 0,
        });
    }

    pub(super) async fn edit_idea(&mut self, v: usize, i: usize) {
        let c = self.idea_community(i);
        let expect = if !self.sees_idea(Viewer::Person(v), i) {
            NOT_FOUND
        } else if self.ideas[i].author != v || !self.active_member(v, c) {
            FORBIDDEN
        } else {
            Expect::Ok
        };
        let mut body = self.marked_text(c, 2, 6);
        while body == self.ideas[i].body {
            body = self.marked_text(c, 2, 6);
        }
        let input = format!("id: \"{}\", body: \"{body}\"", self.ideas[i].id);
        let Some(r) = self.run(Some(v), "editIdea", input, IDEA_SEL, expect).await else {
            return;
        };
        let idea = &mut self.ideas[i];
        idea.body = body;
        idea.edits += 1;
        let revision = idea.edits + 1;
        if r["idea"]["revision"] != revision {
            self.fail(&format!("editIdea: expected revision {revision}: {r}"));
        }
    }

    pub(super) async fn endorse(&mut self, v: usize, i: usize) {
        let c = self.idea_community(i);
        let expect = if !self.sees_idea(Viewer::Person(v), i) {
            NOT_FOUND
        } else {
            let mut refusals = Vec::new();
            if !self.active_member(v, c) {
                refusals.push(FORBIDDEN_CODES);
            }
            if self.ideas[i].author == v {
                refusals.push(OWN_IDEA);
            }
            if self.ideas[i].endorsers.contains(&v) {
                refusals.push(&["CONFLICT"]);
            }
            outcome(&refusals)
        };
        let input = format!("id: \"{}\"", self.ideas[i].id);
        let Some(r) = self
            .run(Some(v), "endorseIdea", input, IDEA_SEL, expect)
            .await
        else {
            return;
        };
        self.ideas[i].endorsers.push(v);
        let got = &r["idea"];
        if got["endorsementCount"] != self.ideas[i].endorsers.len() || got["viewerEndorsed"] != true
        {
            self.fail(&format!("endorseIdea returned {got}"));
        }
    }

    /// Follows problem `p`, or stops following it.
    pub(super) async fn follow(&mut self, v: usize, p: usize, follow: bool) {
        let follows = self.problems[p].followers.contains(&v);
        let expect = if !self.sees_problem(Viewer::Person(v), p) {
            NOT_FOUND
        } else if follow && follows {
            CONFLICT
        } else if !follow && !follows {
            Expect::Fail(NOT_FOLLOWING)
        } else {
            Expect::Ok
        };
        let field = if follow {
            "followProblem"
        } else {
            "unfollowProblem"
        };
        let input = format!("id: \"{}\"", self.problems[p].id);
        let Some(r) = self.run(Some(v), field, input, PROBLEM_SEL, expect).await else {
            return;
        };
        if follow {
            self.problems[p].followers.insert(v);
        } else {
            self.problems[p].followers.remove(&v);
        }
        self.check_problem_reply(p, &r["problem"], field);
        if r["problem"]["viewerFollows"] != follow {
            self.fail(&format!("{field}: viewerFollows in {r}"));
        }
    }

    /// `acceptSolution` (to SOLVED), `closeProblem` (to CLOSED) or `reopenProblem` (to OPEN).
    pub(super) async fn move_problem(&mut self, v: usize, p: usize, to: PState, ideas: &[usize]) {
        let expect = if !self.sees_problem(Viewer::Person(v), p) {
            NOT_FOUND
        } else {
            let mut refusals = Vec::new();
            if !self.manages(v, p) {
                refusals.push(FORBIDDEN_CODES);
            }
            refusals.extend(self.state_refusal(p, to));
            outcome(&refusals)
        };
        let id = &self.problems[p].id;
        let (field, input) = match to {
            PState::Solved => {
                let ids: Vec<String> = ideas
                    .iter()
                    .map(|&i| format!("\"{}\"", self.ideas[i].id))
                    .collect();
                (
                    "acceptSolution",
                    format!("problemId: \"{id}\", ideaIds: [{}]", ids.join(", ")),
                )
            }
            PState::Closed => ("closeProblem", format!("id: \"{id}\"")),
            PState::Open => ("reopenProblem", format!("id: \"{id}\"")),
        };
        let Some(r) = self.run(Some(v), field, input, PROBLEM_SEL, expect).await else {
            return;
        };
        self.problems[p].state = to;
        match to {
            PState::Solved => ideas.iter().for_each(|&i| self.ideas[i].accepted = true),
            // The solution did not hold: its ideas are no longer accepted.
            PState::Open => self
                .ideas
                .iter_mut()
                .filter(|i| i.problem == p)
                .for_each(|i| i.accepted = false),
            // Closing keeps accepted ideas as they are.
            PState::Closed => {}
        }
        self.check_problem_reply(p, &r["problem"], field);
    }
}
