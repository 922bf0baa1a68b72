//! The knowledge cycle as a viewer reads it, against `knowledge_oracle.rs`: `nodes` over
//! every problem and idea of the world (with author, organization, ideas, replies,
//! endorsements and counts), each visible community's problems, and the viewer's followed
//! problems, articles (in `article_checks.rs`) and applications.

use super::checks::Expected;
use super::model::{text, Viewer, World};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::fmt::Write as _;

const NODES: &str = "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Problem { author { id } authorOrganization { id } community { id } state followerCount viewerFollows ideaCount ideas(first: 100) { totalCount nodes { id } } } ... on Idea { author { id } authorOrganization { id } problem { id } parent { id } accepted endorsementCount viewerEndorsed replyCount replies(first: 100) { totalCount nodes { id } } endorsements(first: 100) { totalCount nodes { person { id } organization { id } } } } } }";

impl World<'_> {
    /// Reads of the knowledge cycle by `viewer`; the number of checks made.
    pub(super) async fn check_knowledge(&self, viewer: Viewer) -> Result<usize, String> {
        let (nodes, articles, lists) = futures_util::join!(
            self.check_content_nodes(viewer),
            self.check_article_nodes(viewer),
            self.check_problem_lists(viewer)
        );
        Ok(nodes? + articles? + lists?)
    }

    fn person_id(&self, q: usize) -> Option<String> {
        Some(self.people[q].id.clone())
    }

    fn org_of(&self, q: usize) -> Option<String> {
        Some(self.orgs[self.people[q].org].id.clone())
    }

    /// The ids a nested connection lists, failing on duplicates or a wrong totalCount.
    fn ids_of(&self, ctx: &str, conn: &Value, want: &BTreeSet<String>) -> Result<(), String> {
        let mut expected = Expected::new();
        for id in want {
            expected.insert(id.clone(), vec![]);
        }
        self.compare(ctx, conn, &expected)
    }

    /// The fields of a visible problem or idea node against the model.
    fn content_fields(&self, viewer: Viewer, id: &str, node: &Value) -> Result<usize, String> {
        let ctx = format!("{} reading {}", self.name(viewer), self.describe(id));
        let mut refs: Vec<(&str, Option<String>)> = Vec::new();
        let mut values: Vec<(&str, Value)> = Vec::new();
        if let Some(p) = self.problems.iter().position(|p| p.id == id) {
            let pp = &self.problems[p];
            refs.push(("author", self.person_id(pp.author)));
            refs.push(("authorOrganization", self.org_of(pp.author)));
            refs.push(("community", Some(self.communities[pp.community].id.clone())));
            values.push(("state", json!(pp.state.gql())));
            // The count is public; who follows is not.
            values.push(("followerCount", json!(pp.followers.len())));
            if let Viewer::Person(v) = viewer {
                values.push(("viewerFollows", json!(pp.followers.contains(&v))));
            }
            let all = self.ideas.iter().filter(|i| i.problem == p).count();
            values.push(("ideaCount", json!(all)));
            let top: BTreeSet<String> = self
                .ideas
                .iter()
                .filter(|i| i.problem == p && i.parent.is_none())
                .map(|i| i.id.clone())
                .collect();
            self.ids_of(&format!("{ctx}: ideas"), &node["ideas"], &top)?;
        } else {
            let i = self.ideas.iter().position(|i| i.id == id).unwrap();
            let idea = &self.ideas[i];
            refs.push(("author", self.person_id(idea.author)));
            refs.push(("authorOrganization", self.org_of(idea.author)));
            refs.push(("problem", Some(self.problems[idea.problem].id.clone())));
            refs.push(("parent", idea.parent.map(|k| self.ideas[k].id.clone())));
            values.push(("accepted", json!(idea.accepted)));
            values.push(("endorsementCount", json!(idea.endorsers.len())));
            if let Viewer::Person(v) = viewer {
                values.push(("viewerEndorsed", json!(idea.endorsers.contains(&v))));
            }
            let replies: BTreeSet<String> = self
                .ideas
                .iter()
                .filter(|r| r.parent == Some(i))
                .map(|r| r.id.clone())
                .collect();
            values.push(("replyCount", json!(replies.len())));
            self.ids_of(&format!("{ctx}: replies"), &node["replies"], &replies)?;
            // Who endorsed it: each endorser with their organization, once.
            let mut want: Vec<(String, String)> = idea
                .endorsers
                .iter()
                .map(|&q| (self.people[q].id.clone(), self.org_of(q).unwrap()))
                .collect();
            let mut got: Vec<(String, String)> = node["endorsements"]["nodes"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .iter()
                .map(|e| (text(&e["person"]["id"]), text(&e["organization"]["id"])))
                .collect();
            want.sort();
            got.sort();
            if want != got || node["endorsements"]["totalCount"] != want.len() {
                return Err(format!(
                    "{ctx}: endorsements {} but expected {:?}",
                    node["endorsements"],
                    idea.endorsers
                        .iter()
                        .map(|&q| self.who(q))
                        .collect::<Vec<_>>()
                ));
            }
        }
        for (field, want) in &refs[..2] {
            let q = want
                .as_deref()
                .and_then(|id| self.people.iter().position(|p| p.id == id));
            let o = want
                .as_deref()
                .and_then(|id| self.orgs.iter().position(|o| o.id == id));
            if !(q.is_some_and(|q| self.sees_person(viewer, q))
                || o.is_some_and(|o| self.sees_org(viewer, o)))
            {
                return Err(format!("{ctx}: the oracle hides its {field}"));
            }
        }
        for (field, want) in &refs {
            // The author and their organization show whenever the item is visible; the
            // oracle of people and organizations must agree (KNOWLEDGE.md).
            let got = node[*field]["id"].as_str();
            if got != want.as_deref() {
                return Err(format!(
                    "{ctx}: {field} is {}, expected {}",
                    got.map_or("null".to_owned(), |g| self.describe(g)),
                    want.as_deref()
                        .map_or("null".to_owned(), |w| self.describe(w))
                ));
            }
        }
        for (field, want) in &values {
            if node[*field] != *want {
                return Err(format!(
                    "{ctx}: {field} is {}, expected {want}",
                    node[*field]
                ));
            }
        }
        Ok(1 + refs.len() + values.len())
    }

    /// `nodes` over every problem and idea id: exactly the visible ones non-null, the others
    /// null with a NOT_FOUND error at their index.
    async fn check_content_nodes(&self, viewer: Viewer) -> Result<usize, String> {
        let ids: Vec<(String, bool)> = (0..self.problems.len())
            .map(|p| (self.problems[p].id.clone(), self.sees_problem(viewer, p)))
            .chain(
                (0..self.ideas.len())
                    .map(|i| (self.ideas[i].id.clone(), self.sees_idea(viewer, i))),
            )
            .collect();
        let mut checks = 0;
        for chunk in ids.chunks(100) {
            let list: Vec<&str> = chunk.iter().map(|(id, _)| id.as_str()).collect();
            let reply = self
                .app
                .graphql(Some(self.token(viewer)), NODES, json!({ "ids": list }))
                .await;
            let ctx = format!(
                "{} reading nodes(ids:) of problems and ideas",
                self.name(viewer)
            );
            let got = reply.data("/nodes").as_array().cloned().unwrap_or_default();
            if got.len() != chunk.len() {
                return Err(format!("{ctx}: {:#}", reply.body));
            }
            let mut hidden = BTreeSet::new();
            for (index, ((id, visible), node)) in chunk.iter().zip(&got).enumerate() {
                if *visible == node.is_null() {
                    return Err(format!(
                        "{ctx}: {} should be {}",
                        self.describe(id),
                        if *visible {
                            "visible"
                        } else {
                            "NOT_FOUND (null)"
                        }
                    ));
                }
                if *visible {
                    if node["id"] != id.as_str() {
                        return Err(format!("{ctx}: {id} came back as {node}"));
                    }
                    checks += self.content_fields(viewer, id, node)?;
                } else {
                    hidden.insert(index);
                    checks += 1;
                }
            }
            let mut at = BTreeSet::new();
            for error in reply.errors() {
                let path = &error["path"];
                let index = path[1].as_u64().map(|i| i as usize);
                if error["extensions"]["code"] != "NOT_FOUND" || path[0] != "nodes" {
                    return Err(format!("{ctx}: unexpected error {error}"));
                }
                at.extend(index);
            }
            if at != hidden || reply.errors().len() != hidden.len() {
                return Err(format!(
                    "{ctx}: NOT_FOUND expected at {hidden:?}, errors {:#}",
                    reply.body["errors"]
                ));
            }
        }
        Ok(checks)
    }

    /// Each visible community's problems, and the viewer's followed problems.
    async fn check_problem_lists(&self, viewer: Viewer) -> Result<usize, String> {
        let mut query = String::from("{");
        let visible: Vec<usize> = (0..self.communities.len())
            .filter(|&c| self.sees_community(viewer, c))
            .collect();
        for &c in &visible {
            let _ = write!(
                query,
                " c{c}: node(id: \"{}\") {{ ... on Community {{ problems(first: 100) {{ totalCount nodes {{ id state }} }} articles(first: 100) {{ totalCount nodes {{ id state }} }} applications(first: 100) {{ totalCount nodes {{ id }} }} }} }}",
                self.communities[c].id
            );
        }
        if let Viewer::Person(_) = viewer {
            query.push_str(
                " viewer { followedProblems(first: 100) { totalCount nodes { id state } } }",
            );
        }
        query.push('}');
        if query == "{}" {
            return Ok(0);
        }
        let ctx = format!("{} reading problems", self.name(viewer));
        let reply = self
            .app
            .graphql(Some(self.token(viewer)), &query, json!({}))
            .await;
        if reply.status != reqwest::StatusCode::OK || !reply.errors().is_empty() {
            return Err(format!("{ctx}: {:#}", reply.body));
        }
        let fields = |p: usize| {
            vec![(
                "state",
                super::vocabulary::St::is(self.problems[p].state.gql()),
            )]
        };
        let mut checks = 0;
        for &c in &visible {
            // A community seen but not live (an admin's view of a cut-off participation)
            // lists no problems.
            let expected: Expected = (0..self.problems.len())
                .filter(|&p| self.problems[p].community == c && self.sees_problem(viewer, p))
                .map(|p| (self.problems[p].id.clone(), fields(p)))
                .collect();
            self.compare(
                &format!("{ctx}: problems of {}", self.community_name(c)),
                reply.data(&format!("/c{c}/problems")),
                &expected,
            )?;
            // Its articles: PUBLISHED ones, and DRAFT and IN_REVIEW ones of the viewer's or
            // that the viewer coordinates; its applications when live.
            let expected: Expected = (0..self.articles.len())
                .filter(|&a| self.articles[a].community == c && self.sees_article(viewer, a))
                .map(|a| {
                    (
                        self.articles[a].id.clone(),
                        vec![(
                            "state",
                            super::vocabulary::St::is(self.articles[a].state.gql()),
                        )],
                    )
                })
                .collect();
            self.compare(
                &format!("{ctx}: articles of {}", self.community_name(c)),
                reply.data(&format!("/c{c}/articles")),
                &expected,
            )?;
            let expected: Expected = (0..self.applications.len())
                .filter(|&k| self.application_community(k) == c && self.sees_application(viewer, k))
                .map(|k| (self.applications[k].id.clone(), vec![]))
                .collect();
            self.compare(
                &format!("{ctx}: applications of {}", self.community_name(c)),
                reply.data(&format!("/c{c}/applications")),
                &expected,
            )?;
            checks += 3;
        }
        if let Viewer::Person(v) = viewer {
            let expected: Expected = (0..self.problems.len())
                .filter(|&p| {
                    self.problems[p].followers.contains(&v) && self.sees_problem(viewer, p)
                })
                .map(|p| (self.problems[p].id.clone(), fields(p)))
                .collect();
            self.compare(
                &format!("{ctx}: viewer.followedProblems"),
                reply.data("/viewer/followedProblems"),
                &expected,
            )?;
            checks += 1;
        }
        Ok(checks)
    }
}
