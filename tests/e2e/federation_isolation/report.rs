//! The world described for failure messages, and the tally of end states a run covered.

use super::model::World;
use super::vocabulary::{Decision, Role, Tier};
use std::collections::BTreeMap;
use std::fmt::Write as _;

impl World<'_> {
    pub(super) fn describe(&self, id: &str) -> String {
        if let Some(o) = self.orgs.iter().position(|o| o.id == id) {
            return format!("organization {}", self.orgs[o].slug);
        }
        if let Some(p) = self.people.iter().position(|p| p.id == id) {
            return format!("person {}", self.who(p));
        }
        if let Some(k) = self.partnerships.iter().position(|p| p.id == id) {
            let p = &self.partnerships[k];
            return format!(
                "partnership {}-{} {}",
                self.orgs[p.sides[0]].slug,
                self.orgs[p.sides[1]].slug,
                p.status.gql()
            );
        }
        if let Some(c) = self.communities.iter().position(|c| c.id == id) {
            return format!("community {}", self.community_name(c));
        }
        if let Some(k) = self.participations.iter().position(|p| p.id == id) {
            let p = &self.participations[k];
            return format!(
                "participation of {} in {} ({}, {})",
                self.orgs[p.org].slug,
                self.community_name(p.community),
                p.tier.gql(),
                self.part_status(k)
            );
        }
        if let Some(m) = self.memberships.iter().position(|m| m.id == id) {
            let mm = &self.memberships[m];
            return format!(
                "membership of {} in {} ({}, {})",
                self.who(mm.person),
                self.community_name(mm.community),
                self.mem_status(m),
                mm.role.gql()
            );
        }
        if let Some(a) = self.approvals.iter().position(|a| a.id == id) {
            let ap = &self.approvals[a];
            return format!(
                "{} approval ({:?}) of the {}",
                ap.kind.gql(),
                ap.decision,
                self.describe(&self.memberships[ap.membership].id)
            );
        }
        if let Some(g) = self.gatherings.iter().position(|g| g.id == id) {
            let gg = &self.gatherings[g];
            return format!(
                "event {g} by {} in {} (capacity {:?}, going {:?}, waitlist {:?}{})",
                self.who(gg.creator),
                self.community_name(gg.community),
                gg.capacity,
                gg.going.iter().map(|&q| self.who(q)).collect::<Vec<_>>(),
                gg.waitlist.iter().map(|&q| self.who(q)).collect::<Vec<_>>(),
                if gg.cancelled { ", cancelled" } else { "" }
            );
        }
        if let Some(p) = self.problems.iter().position(|p| p.id == id) {
            let pp = &self.problems[p];
            return format!(
                "problem {p} \"{}\" / \"{}\" by {} in {} ({})",
                pp.title,
                pp.body,
                self.who(pp.author),
                self.community_name(pp.community),
                pp.state.gql()
            );
        }
        if let Some(i) = self.ideas.iter().position(|i| i.id == id) {
            let idea = &self.ideas[i];
            return format!(
                "{} {i} \"{}\" by {} on problem {} in {}",
                if idea.parent.is_some() {
                    "reply"
                } else {
                    "idea"
                },
                idea.body,
                self.who(idea.author),
                idea.problem,
                self.community_name(self.idea_community(i))
            );
        }
        if let Some(a) = self.articles.iter().position(|a| a.id == id) {
            let aa = &self.articles[a];
            return format!(
                "article {a} \"{}\" / \"{}\" by {:?} in {} ({}, revisions by {:?})",
                aa.title,
                aa.body,
                aa.authors.iter().map(|&q| self.who(q)).collect::<Vec<_>>(),
                self.community_name(aa.community),
                aa.state.gql(),
                aa.editors.iter().map(|&q| self.who(q)).collect::<Vec<_>>()
            );
        }
        if let Some(k) = self.applications.iter().position(|k| k.id == id) {
            let ap = &self.applications[k];
            return format!(
                "application {k} of article {} by {} (confirmed by {:?})",
                ap.article,
                self.who(ap.reporter),
                ap.confirmers
                    .iter()
                    .map(|&q| self.who(q))
                    .collect::<Vec<_>>()
            );
        }
        format!("id {id}")
    }

    pub(super) fn community_name(&self, c: usize) -> String {
        let cc = &self.communities[c];
        format!(
            "{}/{} ({}, {})",
            self.orgs[cc.host].slug,
            cc.slug,
            cc.visibility.gql(),
            cc.join_rule.gql()
        )
    }

    /// How often each end state occurs in this world (to show what the run covered).
    pub(super) fn tally(&self, into: &mut BTreeMap<String, usize>) {
        let mut add = |key: String| *into.entry(key).or_default() += 1;
        let n = self.orgs.len();
        for _ in self.partnerships.len()..n * (n - 1) / 2 {
            add("partnership none".into());
        }
        for p in &self.partnerships {
            add(format!("partnership {}", p.status.gql()));
        }
        for k in 0..self.participations.len() {
            if self.participations[k].tier != Tier::Host {
                add(format!("participation {}", self.part_status(k).primary));
            }
        }
        for m in 0..self.memberships.len() {
            add(format!("membership {}", self.mem_status(m).primary));
            let mm = &self.memberships[m];
            if mm.role == Role::Coordinator
                && self.people[mm.person].org != self.communities[mm.community].host
            {
                add("co-host coordinator".into());
            }
        }
        for a in 0..self.approvals.len() {
            if self.approvals[a].decision == Decision::Pending
                && self.mem_status(self.approvals[a].membership).primary == "PENDING"
            {
                add(format!("pending {} approval", self.approvals[a].kind.gql()));
            }
        }
        for o in &self.orgs {
            if o.disabled {
                add("disabled organization".into());
            }
        }
        for p in &self.problems {
            add(format!("problem {}", p.state.gql()));
        }
        // Content whose author's organization no longer sees it (written before a break).
        for p in 0..self.problems.len() {
            let author = self.problems[p].author;
            if !self.live(author, self.problems[p].community) {
                add("problem hidden from its author".into());
            }
        }
        for i in 0..self.ideas.len() {
            if !self.live(self.ideas[i].author, self.idea_community(i)) {
                add("idea hidden from its author".into());
            }
        }
        for a in &self.articles {
            add(format!("article {}", a.state.gql()));
            let orgs: std::collections::BTreeSet<usize> =
                a.authors.iter().map(|&q| self.people[q].org).collect();
            if orgs.len() > 1 {
                add("article co-authored across organizations".into());
            }
            if a.authors.iter().any(|&q| !self.live(q, a.community)) {
                add("article hidden from an author".into());
            }
        }
        for k in 0..self.applications.len() {
            add("application".into());
            if !self.live(self.applications[k].reporter, self.application_community(k)) {
                add("application hidden from its reporter".into());
            }
            for _ in &self.applications[k].confirmers {
                add("confirmation".into());
            }
        }
        for i in &self.ideas {
            add(if i.parent.is_some() { "reply" } else { "idea" }.into());
            if i.accepted {
                add("accepted idea".into());
            }
            for _ in &i.endorsers {
                add("endorsement".into());
            }
        }
    }

    /// The world in a few lines, for failure messages.
    pub(super) fn summary(&self) -> String {
        let mut out = String::new();
        for o in &self.orgs {
            let _ = writeln!(
                out,
                "  org {} defaults in {} out {}{}",
                o.slug,
                o.default_in.gql(),
                o.default_out.gql(),
                if o.disabled { " DISABLED" } else { "" }
            );
        }
        for p in &self.partnerships {
            let _ = writeln!(
                out,
                "  partnership {}-{} {} proposer {} suspended_by {:?} overrides {:?}",
                self.orgs[p.sides[0]].slug,
                self.orgs[p.sides[1]].slug,
                p.status.gql(),
                self.orgs[p.proposer].slug,
                p.suspended_by.map(|o| &self.orgs[o].slug),
                p.overrides
            );
        }
        for c in 0..self.communities.len() {
            let _ = writeln!(out, "  community {}", self.community_name(c));
        }
        for k in 0..self.participations.len() {
            let _ = writeln!(out, "  {}", self.describe(&self.participations[k].id));
        }
        for m in 0..self.memberships.len() {
            let _ = writeln!(out, "  {}", self.describe(&self.memberships[m].id));
        }
        for p in &self.problems {
            let _ = writeln!(
                out,
                "  {} followed by {:?}",
                self.describe(&p.id),
                p.followers.iter().map(|&v| self.who(v)).collect::<Vec<_>>()
            );
        }
        for i in &self.ideas {
            let _ = writeln!(
                out,
                "  {} endorsed by {:?}",
                self.describe(&i.id),
                i.endorsers.iter().map(|&v| self.who(v)).collect::<Vec<_>>()
            );
        }
        for a in &self.articles {
            let _ = writeln!(out, "  {}", self.describe(&a.id));
        }
        for k in &self.applications {
            let _ = writeln!(out, "  {}", self.describe(&k.id));
        }
        out
    }

    pub(super) fn fail(&self, msg: &str) -> ! {
        let start = self.history.len().saturating_sub(40);
        panic!(
            "federation isolation: seed {} (world {}) on {:?}: {msg}\nlast mutations:\n  {}\nworld:\n{}",
            self.seed,
            self.number,
            self.app.backend,
            self.history[start..].join("\n  "),
            self.summary()
        );
    }
}
