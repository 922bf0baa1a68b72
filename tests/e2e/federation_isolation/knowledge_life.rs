//! The knowledge cycle in a built world: members post problems, contribute ideas and replies,
//! edit, endorse, follow, accept solutions, close and reopen, before and after the links
//! break; outsiders, people of cut-off organizations and the wrong people try too.

use super::knowledge::PState;
use super::model::{Viewer, World};
use super::vocabulary::MemBase;

impl World<'_> {
    /// One round of knowledge work; `after_break` adds the attempts of people whose
    /// organization's link broke.
    pub(super) async fn knowledge_life(&mut self, after_break: bool) {
        let (lo, hi) = if after_break { (1, 2) } else { (2, 3) };
        for c in 0..self.communities.len() {
            for _ in 0..self.rng.range(lo, hi) {
                if let Some(v) = self.actor_for(c) {
                    self.post_problem(v, c).await;
                }
            }
        }
        if self.problems.is_empty() {
            return;
        }
        let n = self.problems.len() * if after_break { 1 } else { 2 };
        self.contributions(n + n / 2).await;
        self.edits().await;
        self.endorsements(n).await;
        self.follows(self.problems.len()).await;
        self.solutions().await;
        if after_break {
            self.cut_off_attempts().await;
        }
        self.article_life(after_break).await;
    }

    /// Mostly an ACTIVE member of `c` (often of a partner organization); sometimes someone who sees it without being one, or
    /// anyone at all (enabled organizations only).
    pub(super) fn actor_for(&mut self, c: usize) -> Option<usize> {
        let enabled: Vec<usize> = (0..self.people.len())
            .filter(|&v| self.enabled(v))
            .collect();
        let members: Vec<usize> = enabled
            .iter()
            .copied()
            .filter(|&v| self.active_member(v, c))
            .collect();
        let onlookers: Vec<usize> = enabled
            .iter()
            .copied()
            .filter(|&v| self.sees_community(Viewer::Person(v), c) && !self.active_member(v, c))
            .collect();
        // Members from partner organizations first: their content is what a break cuts off.
        let partners: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&v| self.people[v].org != self.communities[c].host)
            .collect();
        match self.rng.below(100) {
            0..=39 if !partners.is_empty() => self.rng.pick(&partners),
            0..=74 if !members.is_empty() => self.rng.pick(&members),
            75..=89 if !onlookers.is_empty() => self.rng.pick(&onlookers),
            _ => self.rng.pick(&enabled),
        }
    }

    fn ideas_of(&self, p: usize, replies: bool) -> Vec<usize> {
        (0..self.ideas.len())
            .filter(|&i| self.ideas[i].problem == p && self.ideas[i].parent.is_some() == replies)
            .collect()
    }

    async fn contributions(&mut self, n: usize) {
        for _ in 0..n {
            let p = self.rng.below(self.problems.len());
            let Some(v) = self.actor_for(self.problems[p].community) else {
                continue;
            };
            let parent = match self.rng.below(100) {
                0..=59 => None,
                // Refused: replies are threaded one level.
                60..=64 => self.rng.pick(&self.ideas_of(p, true)),
                _ => self.rng.pick(&self.ideas_of(p, false)),
            };
            self.contribute(v, p, parent).await;
        }
    }

    async fn edits(&mut self) {
        for i in 0..self.ideas.len() {
            if self.rng.chance(15) && self.enabled(self.ideas[i].author) {
                let author = self.ideas[i].author;
                self.edit_idea(author, i).await;
            } else if self.rng.chance(4) {
                // Someone else: refused.
                if let Some(v) = self.actor_for(self.idea_community(i)) {
                    self.edit_idea(v, i).await;
                }
            }
        }
    }

    async fn endorsements(&mut self, n: usize) {
        for _ in 0..n {
            if self.ideas.is_empty() {
                return;
            }
            let i = self.rng.below(self.ideas.len());
            let v = match self.rng.below(100) {
                0..=79 => self.actor_for(self.idea_community(i)),
                // Refused: one's own idea, or twice.
                80..=89 => Some(self.ideas[i].author),
                _ => self.rng.pick(&self.ideas[i].endorsers.clone()),
            };
            if let Some(v) = v.filter(|&v| self.enabled(v)) {
                self.endorse(v, i).await;
            }
        }
    }

    async fn follows(&mut self, n: usize) {
        for _ in 0..n {
            let p = self.rng.below(self.problems.len());
            let Some(v) = self.actor_for(self.problems[p].community) else {
                continue;
            };
            let follows = self.problems[p].followers.contains(&v);
            // Mostly the sensible move; sometimes following twice or unfollowing a stranger.
            let follow = if self.rng.chance(85) {
                !follows || self.rng.chance(30)
            } else {
                follows
            };
            self.follow(v, p, follow).await;
        }
    }

    async fn solutions(&mut self) {
        for p in 0..self.problems.len() {
            if !self.rng.chance(45) {
                continue;
            }
            let c = self.problems[p].community;
            let managers: Vec<usize> = (0..self.people.len())
                .filter(|&v| self.enabled(v) && self.manages(v, p))
                .collect();
            let v = match self.rng.pick(&managers) {
                Some(v) if self.rng.chance(80) => Some(v),
                _ => self.actor_for(c),
            };
            let Some(v) = v else { continue };
            let all = self.ideas_of(p, false);
            let mut chosen: Vec<usize> = all.into_iter().filter(|_| self.rng.chance(40)).collect();
            if chosen.is_empty() {
                chosen.extend(self.rng.pick(&self.ideas_of(p, true)));
            }
            let to = match (self.problems[p].state, self.rng.below(10)) {
                (PState::Open, 0..=6) if !chosen.is_empty() => PState::Solved,
                (PState::Open, 0..=7) => PState::Closed,
                // Refused: reopening an OPEN problem.
                (PState::Open, _) => PState::Open,
                (PState::Solved, 0..=3) => PState::Closed,
                (PState::Solved, 4..=7) => PState::Open,
                // Accepting more ideas of a SOLVED problem adds to them.
                (PState::Solved, _) if !chosen.is_empty() => PState::Solved,
                (PState::Solved, _) => PState::Open,
                (PState::Closed, 0..=6) => PState::Open,
                // Refused: solving or closing a CLOSED problem.
                (PState::Closed, _) if !chosen.is_empty() => PState::Solved,
                (PState::Closed, _) => PState::Closed,
            };
            self.move_problem(v, p, to, &chosen).await;
        }
    }

    /// People whose membership the break suspended try to write where they wrote before:
    /// NOT_FOUND where the community is no longer visible to them at all, FORBIDDEN where it
    /// still is (their organization's admins see it) but their membership is not ACTIVE.
    async fn cut_off_attempts(&mut self) {
        for m in 0..self.memberships.len() {
            let (v, c) = (self.memberships[m].person, self.memberships[m].community);
            if !self.enabled(v)
                || !matches!(self.memberships[m].base, MemBase::Active)
                || !self.mem_status(m).clean("SUSPENDED")
                || !self.rng.chance(60)
            {
                continue;
            }
            self.post_problem(v, c).await;
            let problems: Vec<usize> = (0..self.problems.len())
                .filter(|&p| self.problems[p].community == c)
                .collect();
            if let Some(p) = self.rng.pick(&problems) {
                self.contribute(v, p, None).await;
                self.follow(v, p, true).await;
            }
            let ideas: Vec<usize> = (0..self.ideas.len())
                .filter(|&i| self.idea_community(i) == c && self.ideas[i].author != v)
                .collect();
            if let Some(i) = self.rng.pick(&ideas) {
                self.endorse(v, i).await;
            }
            let own: Vec<usize> = (0..self.ideas.len())
                .filter(|&i| self.ideas[i].author == v && self.idea_community(i) == c)
                .collect();
            if let Some(i) = self.rng.pick(&own) {
                self.edit_idea(v, i).await;
            }
        }
    }
}
