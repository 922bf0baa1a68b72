//! The cycle's world and how its people talk to the API: acme hosts ci-guild (FEDERATED),
//! globex takes part (ACTIVE), initech is acme's partner but not a participant.

use crate::common::*;
use crate::federation_journey::{actor, done, org_id, refusal, s, Actor};
use serde_json::{json, Value};
use std::{cell::RefCell, collections::BTreeSet};

pub(super) const PROBLEM: &str = "id title body tags urgency state solvedAt \
    timeToSolutionSeconds ideaCount author { id } authorOrganization { slug } solution { id }";
pub(super) const IDEA: &str = "id body endorsementCount accepted replyCount parent { id } \
    author { id } authorOrganization { slug }";
pub(super) const ARTICLE: &str = "id title body tags state revision publishedAt \
    applicationCount sourceProblem { id } authors { person { id } organization { slug } }";
pub(super) const REVISION: &str =
    "number title body state note author { id } authorOrganization { slug } diff";
pub(super) const APPLICATION: &str = "id businessUnit outcome hoursSaved \
    costSaved { amount currency } qualityNote riskNote confirmationCount person { id } \
    organization { slug } article { id }";
pub(super) const SUMMARY: &str = "applicationCount confirmationCount organizationCount \
    hoursSaved costSaved { amount currency } byBusinessUnit { organization { slug } businessUnit count }";

pub(super) struct World<'a> {
    pub app: &'a TestApp,
    /// acme's admin, creator (and so coordinator) of ci-guild.
    pub alice: Actor,
    pub bob: Actor,
    pub erin: Actor,
    pub gus: Actor,
    /// A globex member who writes nothing: neither author nor coordinator.
    pub gwen: Actor,
    /// initech, acme's partner, does not take part in ci-guild.
    pub ivan: Actor,
    pub community_id: String,
    /// Refusals that came with another code than docs/KNOWLEDGE.md gives: reported when the
    /// test ends, so that one wrong code does not hide the rest of the cycle.
    findings: RefCell<Vec<String>>,
}

impl<'a> World<'a> {
    pub async fn new(app: &'a TestApp) -> World<'a> {
        let (acme, globex, initech) = (
            app.create_org("acme").await,
            app.create_org("globex").await,
            app.create_org("initech").await,
        );
        let alice = actor(app, &acme, "alice", "Alice Acme", true).await;
        let bob = actor(app, &acme, "bob", "Bob Acme", false).await;
        let gail = actor(app, &globex, "gail", "Gail Globex", true).await;
        let erin = actor(app, &globex, "erin", "Erin Globex", false).await;
        let gus = actor(app, &globex, "gus", "Gus Globex", false).await;
        let gwen = actor(app, &globex, "gwen", "Gwen Globex", false).await;
        let ike = actor(app, &initech, "ike", "Ike Initech", true).await;
        let ivan = actor(app, &initech, "ivan", "Ivan Initech", false).await;
        let partnership = "partnership { id status }";
        for (partner, admin) in [("globex", &gail), ("initech", &ike)] {
            let input = json!({ "partnerSlug": partner });
            let p = ok(app, &alice, "proposePartnership", input, partnership).await;
            let input = json!({ "partnershipId": p["partnership"]["id"] });
            let p = ok(app, admin, "acceptPartnership", input, partnership).await;
            assert_eq!(p["partnership"]["status"], "ACTIVE", "{p:#}");
        }
        let input = json!({ "slug": "ci-guild", "name": "CI Guild", "visibility": "FEDERATED" });
        let selection =
            "community { id visibility viewerCoordinates viewerMembership { role status } }";
        let c = ok(app, &alice, "createCommunity", input, selection).await;
        assert_eq!(c["community"]["visibility"], "FEDERATED");
        assert_eq!(c["community"]["viewerCoordinates"], true, "{c:#}");
        assert_eq!(c["community"]["viewerMembership"]["role"], "COORDINATOR");
        let community_id = s(&c["community"]["id"]).to_owned();
        let selection = "participation { id status organization { slug } }";
        let input =
            json!({ "communityId": community_id, "organizationId": org_id(app, "globex").await });
        let p = ok(app, &alice, "inviteOrganization", input, selection).await;
        let input = json!({ "participationId": p["participation"]["id"], "sponsorId": gail.id });
        let p = ok(app, &gail, "acceptInvitation", input, selection).await;
        assert_eq!(p["participation"]["status"], "ACTIVE", "{p:#}");
        for who in [&bob, &erin, &gus, &gwen] {
            let input = json!({ "communityId": community_id });
            let m = ok(
                app,
                who,
                "joinCommunity",
                input,
                "membership { role status }",
            )
            .await;
            assert_eq!(m["membership"]["status"], "ACTIVE", "{}: {m:#}", who.name);
        }
        World {
            app,
            alice,
            bob,
            erin,
            gus,
            gwen,
            ivan,
            community_id,
            findings: RefCell::default(),
        }
    }

    /// Runs mutation `field` as `who`, which must be refused, with `expected` codes (another
    /// code is a finding); the reply.
    #[track_caller]
    pub fn expect_refused<'f>(
        &'f self,
        who: &'f Actor,
        field: &'f str,
        input: Value,
        selection: &'f str,
        expected: &'f [&'f str],
        what: &'f str,
    ) -> impl std::future::Future<Output = Reply> + 'f {
        let caller = std::panic::Location::caller();
        async move {
            let reply = call(self.app, who, field, input, selection).await;
            let codes = refusal(&reply, field);
            assert!(
                !codes.is_empty(),
                "{what}: must be refused: {:#}",
                reply.body
            );
            if codes != expected {
                let finding = format!(
                    "{caller}: {what}: {field} expected {expected:?}, got {codes:?}: {}",
                    reply.body
                );
                eprintln!("FINDING {finding}");
                self.findings.borrow_mut().push(finding);
            }
            reply
        }
    }

    /// Fails when refusals came with other codes than the rules give.
    pub fn assert_no_findings(&self) {
        let findings = self.findings.borrow();
        assert!(
            findings.is_empty(),
            "disagreements with docs/KNOWLEDGE.md:\n{}",
            findings.join("\n")
        );
    }

    /// Runs mutation `field` as `who`, which must succeed; its payload.
    pub async fn ok(&self, who: &Actor, field: &str, input: Value, selection: &str) -> Value {
        ok(self.app, who, field, input, selection).await
    }

    /// A query as `who`, which must succeed; its `data`.
    pub async fn read(&self, who: &Actor, query: &str, variables: Value) -> Value {
        let reply = self.app.graphql(Some(&who.token), query, variables).await;
        reply.assert_ok();
        reply.body["data"].clone()
    }

    /// `node(id:)` as `typename`, selecting `fields`; the reply.
    pub async fn node(&self, who: &Actor, id: &str, typename: &str, fields: &str) -> Reply {
        let query =
            format!("query($id: ID!) {{ node(id: $id) {{ ... on {typename} {{ {fields} }} }} }}");
        self.app
            .graphql(Some(&who.token), &query, json!({ "id": id }))
            .await
    }

    /// An article as `who` sees it, which must be visible.
    pub async fn article(&self, who: &Actor, id: &str) -> Value {
        let reply = self.node(who, id, "KnowledgeArticle", ARTICLE).await;
        reply.assert_ok();
        assert_eq!(reply.data("/node/id"), id, "{}: {:#}", who.name, reply.body);
        reply.data("/node").clone()
    }

    /// The ids of ci-guild's articles as `who` lists them, in `order`.
    pub async fn community_articles(&self, who: &Actor, order: &str) -> Vec<String> {
        let data = self
            .read(
                who,
                "query($id: ID!, $o: ArticleOrder!) { node(id: $id) { ... on Community { articles(orderBy: $o, first: 50) { totalCount nodes { id } } } } }",
                json!({ "id": self.community_id, "o": order }),
            )
            .await;
        let articles = &data["node"]["articles"];
        let ids = id_list(&articles["nodes"]);
        assert_eq!(articles["totalCount"], ids.len(), "{articles:#}");
        ids
    }

    /// `search(query:, filter:)` as `who`: the connection with each hit's kind, title and item.
    pub async fn search(&self, who: &Actor, query: &str, filter: Value) -> Value {
        let data = self
            .read(
                who,
                "query($q: String!, $f: SearchFilter) { search(query: $q, filter: $f, first: 50) { totalCount nodes { kind title { text html } snippet { html } item { __typename ... on Problem { id } ... on Idea { id } ... on KnowledgeArticle { id } } } } }",
                json!({ "q": query, "f": filter }),
            )
            .await;
        let search = data["search"].clone();
        let hits = search["nodes"].as_array().unwrap().len();
        assert_eq!(search["totalCount"], hits, "{search:#}");
        search
    }
}

/// The GraphQL input type of a mutation (schema.graphql).
fn input_type(field: &str) -> String {
    match field {
        "acceptPartnership" => "PartnershipRefInput".to_owned(),
        "joinCommunity" => "CommunityRefInput".to_owned(),
        "endorseIdea" => "IdeaRefInput".to_owned(),
        "addArticleAuthor" => "ArticleAuthorInput".to_owned(),
        _ => {
            let mut chars = field.chars();
            let first = chars.next().unwrap().to_ascii_uppercase();
            format!("{first}{}Input", chars.as_str())
        }
    }
}

async fn call(app: &TestApp, who: &Actor, field: &str, input: Value, selection: &str) -> Reply {
    let query = format!(
        "mutation($input: {}!) {{ {field}(input: $input) {{ {selection} userErrors {{ field code message }} }} }}",
        input_type(field)
    );
    app.graphql(Some(&who.token), &query, json!({ "input": input }))
        .await
}

async fn ok(app: &TestApp, who: &Actor, field: &str, input: Value, selection: &str) -> Value {
    done(&call(app, who, field, input, selection).await, field)
}

/// The ids of a list of nodes, in order.
pub(super) fn id_list(nodes: &Value) -> Vec<String> {
    nodes
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {nodes}"))
        .iter()
        .map(|n| s(&n["id"]).to_owned())
        .collect()
}

/// The ids of the items of search hits.
pub(super) fn hit_ids(search: &Value) -> BTreeSet<String> {
    search["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| s(&h["item"]["id"]).to_owned())
        .collect()
}

/// A set of ids.
pub(super) fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|i| (*i).to_owned()).collect()
}
