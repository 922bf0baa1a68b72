//! The knowledge cycle end to end, across two organizations: acme hosts the FEDERATED
//! ci-guild and globex takes part. A problem is posted, ideas are contributed, endorsed and
//! accepted; an article is written from the solution by authors of both organizations, edited
//! concurrently, reviewed and published; its applications are reported and confirmed; search
//! finds it all — and a partner that does not take part sees none of it. Every expectation
//! comes from docs/KNOWLEDGE.md.

mod applied_and_found;
mod world;

use crate::common::*;
use crate::federation_journey::{s, Actor};
use serde_json::{json, Value};
use world::{hit_ids, id_list, set, World, ARTICLE, IDEA, PROBLEM, REVISION};

const PROBLEM_TITLE: &str = "CI builds recompute every dependency";
const PROBLEM_BODY: &str = "Our **CI** pipeline rebuilds every crate on each push:\n\n\
    - a build takes 40 minutes\n- cache keys never match between runners";
const ERIN_IDEA: &str = "Key the build cache on the *lockfile* hash and share one remote \
    compilation cache across all runners.";
const ARTICLE_TITLE: &str = "Turbocharging CI with a shared remote cache";
const S3_LINE: &str = "Use sccache with an S3 bucket.";
const GCS_LINE: &str = "Use sccache with a GCS bucket shared by all runners.";

async fn knowledge_cycle_across_two_organizations(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let w = &World::new(&app).await;
    let (problem, erin_idea) = discuss_and_solve(w).await;
    let article = write_article(w, &problem, &erin_idea).await;
    edit_concurrently(w, &article).await;
    review_and_publish(w, &article).await;
    applied_and_found::apply(w, &article).await;
    applied_and_found::search(w, &problem, &erin_idea, &article).await;
    w.assert_no_findings();
}
db_test!(
    knowledge_cycle_across_two_organizations,
    knowledge_cycle_across_two_organizations
);

/// Steps 1-4: bob posts, erin and gus contribute, alice replies, endorsements, bob accepts
/// erin's idea. The problem's and erin's idea's ids.
async fn discuss_and_solve(w: &World<'_>) -> (String, String) {
    let (alice, bob, erin, gus) = (&w.alice, &w.bob, &w.erin, &w.gus);
    let input = json!({ "communityId": w.community_id, "title": PROBLEM_TITLE, "body": PROBLEM_BODY,
        "tags": ["ci", "caching"], "urgency": "HIGH" });
    let p = &w
        .ok(
            bob,
            "postProblem",
            input,
            &format!("problem {{ {PROBLEM} }}"),
        )
        .await["problem"];
    let problem = s(&p["id"]).to_owned();
    assert_eq!(p["title"], PROBLEM_TITLE);
    assert_eq!(p["body"], PROBLEM_BODY, "Markdown kept as written");
    assert_eq!(tags(p), set(&["ci", "caching"]), "{p:#}");
    assert_eq!(p["urgency"], "HIGH");
    assert_eq!(p["state"], "OPEN");
    assert_eq!(p["author"]["id"], bob.id.as_str());
    assert_eq!(p["authorOrganization"]["slug"], "acme");

    let idea = |who, body: &str, parent: Option<&str>| {
        let input = json!({ "problemId": problem, "body": body, "parentIdeaId": parent });
        async move {
            w.ok(who, "contributeIdea", input, &format!("idea {{ {IDEA} }}"))
                .await["idea"]
                .clone()
        }
    };
    let e = idea(erin, ERIN_IDEA, None).await;
    let erin_idea = s(&e["id"]).to_owned();
    assert_eq!(e["authorOrganization"]["slug"], "globex", "{e:#}");
    assert!(e["parent"].is_null(), "a top-level idea: {e:#}");
    let r = idea(
        alice,
        "We tried this at Acme: add restore keys for partial hits.",
        Some(&erin_idea),
    )
    .await;
    assert_eq!(r["parent"]["id"], erin_idea.as_str(), "a reply: {r:#}");
    assert_eq!(r["authorOrganization"]["slug"], "acme");
    let g = idea(
        gus,
        "Split the workspace into smaller pipelines per team.",
        None,
    )
    .await;
    let gus_idea = s(&g["id"]).to_owned();

    // 3. bob and gus endorse erin's idea, alice endorses gus's (contributed later).
    for (who, id, count) in [
        (bob, &erin_idea, 1),
        (gus, &erin_idea, 2),
        (alice, &gus_idea, 1),
    ] {
        let i = &w
            .ok(
                who,
                "endorseIdea",
                json!({ "id": id }),
                "idea { id endorsementCount }",
            )
            .await["idea"];
        assert_eq!(i["endorsementCount"], count, "{}: {i:#}", who.name);
    }
    let own = json!({ "id": erin_idea });
    let what = "not one's own idea";
    w.expect_refused(
        erin,
        "endorseIdea",
        own,
        "idea { id }",
        &["BAD_USER_INPUT"],
        what,
    )
    .await;
    let data = w
        .read(
            gus,
            "query($id: ID!) { node(id: $id) { ... on Problem { ideaCount newest: ideas(orderBy: NEWEST) { nodes { id } } \
             ideas(orderBy: MOST_ENDORSED) { nodes { id endorsementCount replyCount } } } } }",
            json!({ "id": problem }),
        )
        .await;
    let p = &data["node"];
    assert_eq!(p["ideaCount"], 3, "two ideas and a reply: {p:#}");
    assert_eq!(
        id_list(&p["newest"]["nodes"]),
        [gus_idea.as_str(), &erin_idea],
        "{p:#}"
    );
    assert_eq!(
        id_list(&p["ideas"]["nodes"]),
        [erin_idea.as_str(), &gus_idea],
        "most endorsed first: {p:#}"
    );
    assert_eq!(p["ideas"]["nodes"][0]["endorsementCount"], 2);
    assert_eq!(p["ideas"]["nodes"][0]["replyCount"], 1);

    // 4. bob accepts erin's idea.
    let input = json!({ "problemId": problem, "ideaIds": [erin_idea] });
    let p = &w
        .ok(
            bob,
            "acceptSolution",
            input,
            &format!("problem {{ {PROBLEM} }}"),
        )
        .await["problem"];
    assert_eq!(p["state"], "SOLVED", "{p:#}");
    assert!(p["solvedAt"].is_string(), "{p:#}");
    assert!(
        p["timeToSolutionSeconds"].as_i64().is_some_and(|t| t >= 0),
        "{p:#}"
    );
    assert_eq!(id_list(&p["solution"]), [erin_idea.as_str()]);
    let i = w.node(gus, &erin_idea, "Idea", IDEA).await;
    assert_eq!(i.assert_ok().data("/node/accepted"), true, "{:#}", i.body);
    (problem, erin_idea)
}

/// Step 5: erin writes an article from the solved problem with bob, then adds gus.
async fn write_article(w: &World<'_>, problem: &str, erin_idea: &str) -> String {
    let (bob, erin, gus) = (&w.bob, &w.erin, &w.gus);
    let input = json!({ "fromProblemId": problem, "coAuthorIds": [bob.id] });
    let a = &w
        .ok(
            erin,
            "createArticle",
            input,
            &format!("article {{ {ARTICLE} }}"),
        )
        .await["article"];
    let article = s(&a["id"]).to_owned();
    assert_eq!(a["state"], "DRAFT", "{a:#}");
    assert_eq!(a["revision"], 1);
    assert_eq!(a["title"], PROBLEM_TITLE, "the problem's title by default");
    assert_eq!(
        tags(a),
        set(&["ci", "caching"]),
        "the problem's tags by default"
    );
    assert_eq!(a["sourceProblem"]["id"], problem);
    assert_eq!(
        authors(a),
        [(erin.id.as_str(), "globex"), (bob.id.as_str(), "acme")]
    );
    let body = s(&a["body"]);
    let solution = body
        .find("## Solution")
        .unwrap_or_else(|| panic!("no solution: {body}"));
    assert!(
        body.starts_with(PROBLEM_BODY.trim_end()),
        "the problem's text first: {body}"
    );
    assert!(
        body[solution..].contains(ERIN_IDEA),
        "the accepted idea: {body}"
    );
    assert!(
        !body.contains("Split the workspace"),
        "gus's idea was not accepted: {body}"
    );

    let input = json!({ "articleId": article, "personId": gus.id });
    let a = &w
        .ok(
            erin,
            "addArticleAuthor",
            input,
            &format!("article {{ {ARTICLE} }}"),
        )
        .await["article"];
    assert_eq!(
        authors(a),
        [
            (erin.id.as_str(), "globex"),
            (bob.id.as_str(), "acme"),
            (gus.id.as_str(), "globex")
        ]
    );
    assert_eq!(a["revision"], 1, "changing authors is not a revision");
    let i = w.node(erin, erin_idea, "Idea", "accepted").await;
    assert_eq!(i.data("/node/accepted"), true);
    article
}

/// Tags as a set (their order is not part of the contract).
fn tags(item: &Value) -> std::collections::BTreeSet<String> {
    let list = item["tags"].as_array().unwrap();
    list.iter().map(|t| s(t).to_owned()).collect()
}

/// An article's authors: (person id, organization slug).
fn authors(article: &Value) -> Vec<(&str, &str)> {
    let list = article["authors"].as_array().unwrap();
    list.iter()
        .map(|a| (s(&a["person"]["id"]), s(&a["organization"]["slug"])))
        .collect()
}

/// Step 6: erin and bob both edit revision 1; bob's edit is refused with the winning revision,
/// then merged and retried.
async fn edit_concurrently(w: &World<'_>, article: &str) {
    let (bob, erin) = (&w.bob, &w.erin);
    let read_by_erin = w.article(erin, article).await;
    let read_by_bob = w.article(bob, article).await;
    assert_eq!(read_by_erin["revision"], 1);
    assert_eq!(read_by_bob["revision"], 1);
    let body1 = s(&read_by_bob["body"]).to_owned();
    let body2 = format!(
        "{}\n\n## Setup\n\n{S3_LINE}\nSet the key to the lockfile hash.",
        body1.trim_end()
    );
    let update = |body: &str, expected: i64| json!({ "articleId": article, "expectedRevision": expected, "body": body, "note": "setup" });
    let mut input = update(&body2, 1);
    input["title"] = json!(ARTICLE_TITLE);
    let selection = format!("article {{ {ARTICLE} }} currentRevision {{ {REVISION} }}");
    let a = &w.ok(erin, "updateArticle", input, &selection).await["article"];
    assert_eq!(a["revision"], 2, "{a:#}");
    assert_eq!(a["title"], ARTICLE_TITLE);
    assert_eq!(a["body"], body2.as_str());

    let bobs = format!(
        "{}\n\n## Caveats\n\nRunners need network access.",
        body1.trim_end()
    );
    let stale = update(&bobs, 1);
    let reply = w
        .expect_refused(
            bob,
            "updateArticle",
            stale,
            &selection,
            &["CONFLICT"],
            "stale",
        )
        .await;
    let payload = reply.data("/updateArticle");
    assert_eq!(
        payload["userErrors"][0]["field"],
        json!(["input", "expectedRevision"])
    );
    assert!(payload["article"].is_null(), "{payload:#}");
    let won = &payload["currentRevision"];
    assert_eq!(won["number"], 2, "the revision that won: {payload:#}");
    assert_eq!(won["body"], body2.as_str());
    assert_eq!(won["title"], ARTICLE_TITLE);
    assert_eq!(won["author"]["id"], erin.id.as_str());
    let now = w.article(bob, article).await;
    assert_eq!(now["revision"], 2, "nothing written: {now:#}");
    assert_eq!(
        now["body"],
        body2.as_str(),
        "erin's text is not overwritten"
    );

    let body3 = body2.replace(S3_LINE, GCS_LINE);
    let a = &w
        .ok(bob, "updateArticle", update(&body3, 2), &selection)
        .await["article"];
    assert_eq!(a["revision"], 3, "{a:#}");
    assert_eq!(a["body"], body3.as_str());
    assert_eq!(a["title"], ARTICLE_TITLE, "a field left out is unchanged");

    let revisions = revisions(w, bob, article).await;
    let numbers: Vec<_> = revisions.iter().map(|r| r["number"].clone()).collect();
    assert_eq!(numbers, [1, 2, 3]);
    let editors: Vec<_> = revisions.iter().map(|r| s(&r["author"]["id"])).collect();
    assert_eq!(editors, [&erin.id, &erin.id, &bob.id]);
    assert_eq!(
        revisions[0]["body"],
        body1.as_str(),
        "revision 1 kept as it was"
    );
    assert_eq!(revisions[1]["authorOrganization"]["slug"], "globex");
    assert_eq!(revisions[2]["authorOrganization"]["slug"], "acme");
    let diff = s(&revisions[2]["diff"]);
    let lines: Vec<&str> = diff.lines().collect();
    assert!(
        lines.contains(&format!("-{S3_LINE}").as_str()),
        "diff of revision 3: {diff}"
    );
    assert!(
        lines.contains(&format!("+{GCS_LINE}").as_str()),
        "diff of revision 3: {diff}"
    );
    assert!(!diff.contains("+Set the key"), "only bob's change: {diff}");
    let title_change = format!("+# {ARTICLE_TITLE}");
    assert!(
        s(&revisions[1]["diff"]).contains(&title_change),
        "{:#}",
        revisions[1]
    );
}

/// Every revision of an article, as `who` lists them.
async fn revisions(w: &World<'_>, who: &Actor, article: &str) -> Vec<Value> {
    let query = format!(
        "query($id: ID!) {{ node(id: $id) {{ ... on KnowledgeArticle {{ revisions(first: 50) {{ totalCount nodes {{ {REVISION} }} }} }} }} }}"
    );
    let data = w.read(who, &query, json!({ "id": article })).await;
    let list = &data["node"]["revisions"];
    let nodes = list["nodes"].as_array().unwrap().clone();
    assert_eq!(list["totalCount"], nodes.len(), "{list:#}");
    nodes
}

/// Step 7: the draft is hidden from gwen (neither author nor coordinator); erin asks for
/// review, alice publishes, and everyone sees it.
async fn review_and_publish(w: &World<'_>, article: &str) {
    let (alice, erin, gwen) = (&w.alice, &w.erin, &w.gwen);
    let hidden = |state: &'static str| async move {
        let reply = w.node(gwen, article, "KnowledgeArticle", "id title").await;
        assert_eq!(
            reply.codes(),
            ["NOT_FOUND"],
            "{state} for gwen: {:#}",
            reply.body
        );
        let listed = w.community_articles(gwen, "NEWEST").await;
        assert!(
            !listed.contains(&article.to_owned()),
            "{state} listed for gwen"
        );
        let found = w.search(gwen, "turbocharging", Value::Null).await;
        assert_eq!(found["totalCount"], 0, "{state} found by gwen: {found:#}");
    };
    hidden("DRAFT").await;
    assert_eq!(
        w.community_articles(alice, "NEWEST").await,
        [article],
        "coordinators see drafts"
    );
    let drafts = json!({ "kinds": ["ARTICLE"], "articleStates": ["DRAFT"] });
    let found = w.search(erin, "turbocharging", drafts).await;
    assert_eq!(
        hit_ids(&found),
        set(&[article]),
        "an author finds the draft: {found:#}"
    );

    let selection = format!("article {{ {ARTICLE} }}");
    let state = |to: &str| json!({ "articleId": article, "state": to });
    let a = &w
        .ok(erin, "setArticleState", state("IN_REVIEW"), &selection)
        .await["article"];
    assert_eq!(a["state"], "IN_REVIEW", "{a:#}");
    assert_eq!(a["revision"], 4, "a change of state is a revision");
    hidden("IN_REVIEW").await;
    let what = "only coordinators publish";
    w.expect_refused(
        erin,
        "setArticleState",
        state("PUBLISHED"),
        &selection,
        &["FORBIDDEN"],
        what,
    )
    .await;
    let a = &w
        .ok(alice, "setArticleState", state("PUBLISHED"), &selection)
        .await["article"];
    assert_eq!(a["state"], "PUBLISHED", "{a:#}");
    assert_eq!(a["revision"], 5);
    assert!(a["publishedAt"].is_string(), "publishedAt set: {a:#}");

    for who in [&w.alice, &w.bob, &w.erin, &w.gus, &w.gwen] {
        let a = w.article(who, article).await;
        assert_eq!(a["state"], "PUBLISHED", "{}: {a:#}", who.name);
        assert_eq!(
            w.community_articles(who, "NEWEST").await,
            [article],
            "{}",
            who.name
        );
    }
    let revisions = revisions(w, gwen, article).await;
    let notes: Vec<_> = revisions.iter().map(|r| s(&r["note"])).collect();
    // KNOWLEDGE.md names the note "created"; from a problem it reads "created from a solved problem".
    assert!(notes[0].starts_with("created"), "{notes:?}");
    assert_eq!(notes[1], "setup", "the editor's note");
    assert_eq!(
        notes[3..],
        ["state: DRAFT → IN_REVIEW", "state: IN_REVIEW → PUBLISHED"]
    );
    let editors: Vec<_> = revisions.iter().map(|r| s(&r["author"]["id"])).collect();
    assert_eq!(
        editors,
        [&erin.id, &erin.id, &w.bob.id, &erin.id, &alice.id],
        "gwen sees who edited"
    );
    assert_eq!(revisions[4]["state"], "PUBLISHED");
    assert_eq!(revisions[4]["diff"], "", "a state change is an empty diff");
}
