//! Articles and applications as a viewer reads them, against `knowledge_oracle.rs`: `nodes`
//! over every article and application id of the world (exactly the visible ones non-null,
//! NOT_FOUND at exactly the hidden indexes), with each visible article's state, community,
//! authors (with their organizations, in order), revisions (each editor with their
//! organization), `applicationCount` and applications, and each visible application's
//! article, reporter, organization and confirmations. (Each visible community's `articles`
//! and `applications` are read with its problems, in `knowledge_checks.rs`.)

use super::model::{text, Viewer, World};
use serde_json::{json, Value};
use std::collections::BTreeSet;

const NODES: &str = "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on KnowledgeArticle { state revision community { id } applicationCount authors { person { id } organization { id } } revisions(first: 100) { totalCount nodes { number author { id } authorOrganization { id } } } applications(first: 100) { totalCount nodes { id } } } ... on Application { article { id } community { id } person { id } organization { id } confirmationCount confirmations(first: 100) { totalCount nodes { person { id } organization { id } } } } } }";

fn pairs(list: &Value, person: &str, org: &str) -> Vec<(String, String)> {
    list.as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|x| (text(&x[person]["id"]), text(&x[org]["id"])))
        .collect()
}

impl World<'_> {
    /// (person id, organization id) of each of `people`, in order.
    fn with_orgs(&self, people: &[usize]) -> Vec<(String, String)> {
        people
            .iter()
            .map(|&q| {
                (
                    self.people[q].id.clone(),
                    self.orgs[self.people[q].org].id.clone(),
                )
            })
            .collect()
    }

    /// Everyone named on a visible item must be visible to the people/organization oracle.
    fn named_visible(&self, viewer: Viewer, ctx: &str, people: &[usize]) -> Result<(), String> {
        for &q in people {
            if !self.sees_person(viewer, q) || !self.sees_org(viewer, self.people[q].org) {
                return Err(format!(
                    "{ctx}: the oracle hides {} or their organization",
                    self.who(q)
                ));
            }
        }
        Ok(())
    }

    fn article_fields(&self, viewer: Viewer, a: usize, node: &Value) -> Result<usize, String> {
        let aa = &self.articles[a];
        let ctx = format!("{} reading {}", self.name(viewer), self.describe(&aa.id));
        let apps: BTreeSet<String> = self
            .applications
            .iter()
            .filter(|k| k.article == a)
            .map(|k| k.id.clone())
            .collect();
        let got_apps: BTreeSet<String> = node["applications"]["nodes"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|x| text(&x["id"]))
            .collect();
        let editors: Vec<(String, String)> = self.with_orgs(&aa.editors);
        let revisions = pairs(&node["revisions"]["nodes"], "author", "authorOrganization");
        let numbers: Vec<usize> = (1..=aa.editors.len()).collect();
        let got_numbers: Vec<usize> = node["revisions"]["nodes"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|r| r["number"].as_u64().unwrap_or(0) as usize)
            .collect();
        let wrong = if node["state"] != aa.state.gql() {
            Some("state")
        } else if node["community"]["id"] != self.communities[aa.community].id.as_str() {
            Some("community")
        } else if node["revision"] != aa.editors.len() {
            Some("revision")
        } else if pairs(&node["authors"], "person", "organization") != self.with_orgs(&aa.authors) {
            Some("authors")
        } else if revisions != editors
            || got_numbers != numbers
            || node["revisions"]["totalCount"] != aa.editors.len()
        {
            Some("revisions")
        } else if node["applicationCount"] != apps.len()
            || node["applications"]["totalCount"] != apps.len()
            || got_apps != apps
        {
            Some("applications")
        } else {
            None
        };
        if let Some(field) = wrong {
            return Err(format!(
                "{ctx}: {field} wrong in {node}; expected authors {:?}, revisions by {:?}, {} applications",
                aa.authors.iter().map(|&q| self.who(q)).collect::<Vec<_>>(),
                aa.editors.iter().map(|&q| self.who(q)).collect::<Vec<_>>(),
                apps.len()
            ));
        }
        self.named_visible(viewer, &ctx, &aa.authors)?;
        self.named_visible(viewer, &ctx, &aa.editors)?;
        Ok(6)
    }

    fn application_fields(&self, viewer: Viewer, k: usize, node: &Value) -> Result<usize, String> {
        let ap = &self.applications[k];
        let ctx = format!("{} reading {}", self.name(viewer), self.describe(&ap.id));
        let mut want = self.with_orgs(&ap.confirmers);
        let mut got = pairs(&node["confirmations"]["nodes"], "person", "organization");
        want.sort();
        got.sort();
        let c = self.application_community(k);
        if node["article"]["id"] != self.articles[ap.article].id.as_str()
            || node["community"]["id"] != self.communities[c].id.as_str()
            || node["person"]["id"] != self.people[ap.reporter].id.as_str()
            || node["organization"]["id"] != self.orgs[self.people[ap.reporter].org].id.as_str()
            || node["confirmationCount"] != ap.confirmers.len()
            || node["confirmations"]["totalCount"] != ap.confirmers.len()
            || want != got
        {
            return Err(format!(
                "{ctx}: got {node}; expected reporter {}, confirmers {:?}",
                self.who(ap.reporter),
                ap.confirmers
                    .iter()
                    .map(|&q| self.who(q))
                    .collect::<Vec<_>>()
            ));
        }
        self.named_visible(viewer, &ctx, &[ap.reporter])?;
        self.named_visible(viewer, &ctx, &ap.confirmers)?;
        Ok(5)
    }

    /// `nodes` over every article and application id: exactly the visible ones non-null
    /// (their fields as the model says), the others null with a NOT_FOUND error at their
    /// index. The number of checks made.
    pub(super) async fn check_article_nodes(&self, viewer: Viewer) -> Result<usize, String> {
        // (id, visible, Ok(article) or Err(application))
        let ids: Vec<(String, bool, Result<usize, usize>)> = (0..self.articles.len())
            .map(|a| {
                (
                    self.articles[a].id.clone(),
                    self.sees_article(viewer, a),
                    Ok(a),
                )
            })
            .chain((0..self.applications.len()).map(|k| {
                (
                    self.applications[k].id.clone(),
                    self.sees_application(viewer, k),
                    Err(k),
                )
            }))
            .collect();
        let mut checks = 0;
        let ctx = format!(
            "{} reading nodes(ids:) of articles and applications",
            self.name(viewer)
        );
        for chunk in ids.chunks(100) {
            let list: Vec<&str> = chunk.iter().map(|(id, _, _)| id.as_str()).collect();
            let reply = self
                .app
                .graphql(Some(self.token(viewer)), NODES, json!({ "ids": list }))
                .await;
            let got = reply.data("/nodes").as_array().cloned().unwrap_or_default();
            if got.len() != chunk.len() {
                return Err(format!("{ctx}: {:#}", reply.body));
            }
            let mut hidden = BTreeSet::new();
            for (index, ((id, visible, what), node)) in chunk.iter().zip(&got).enumerate() {
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
                if !*visible {
                    hidden.insert(index);
                    checks += 1;
                    continue;
                }
                if node["id"] != id.as_str() {
                    return Err(format!("{ctx}: {id} came back as {node}"));
                }
                checks += match *what {
                    Ok(a) => self.article_fields(viewer, a, node)?,
                    Err(k) => self.application_fields(viewer, k, node)?,
                };
            }
            let mut at = BTreeSet::new();
            for error in reply.errors() {
                let path = &error["path"];
                if error["extensions"]["code"] != "NOT_FOUND" || path[0] != "nodes" {
                    return Err(format!("{ctx}: unexpected error {error}"));
                }
                at.extend(path[1].as_u64().map(|i| i as usize));
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
}
