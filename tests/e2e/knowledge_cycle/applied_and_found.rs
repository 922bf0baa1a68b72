//! Steps 8 and 9 of the cycle: applications of the published article and their summary, then
//! search, as a participant and as a partner that does not take part.

use super::world::{hit_ids, set, World, APPLICATION, SUMMARY};
use super::ARTICLE_TITLE;
use crate::federation_journey::s;
use serde_json::{json, Value};

/// Step 8: bob and erin report applying the article, gus confirms bob's; the summary.
pub(super) async fn apply(w: &World<'_>, article: &str) {
    let (bob, erin, gus) = (&w.bob, &w.erin, &w.gus);
    let selection = format!("application {{ {APPLICATION} }}");
    let input = json!({ "articleId": article, "whatWasDone": "Moved the payment services' CI to sccache",
        "businessUnit": "Payments Platform", "outcome": "Builds take 9 minutes instead of 40",
        "hoursSaved": 12.5, "costSaved": { "amount": "1800.00", "currency": "EUR" },
        "qualityNote": "Fewer flaky builds" });
    let b = w.ok(bob, "reportApplication", input, &selection).await["application"].clone();
    let bobs = s(&b["id"]).to_owned();
    assert_eq!(b["article"]["id"], article, "{b:#}");
    assert_eq!(b["businessUnit"], "Payments Platform");
    assert_eq!(b["hoursSaved"].as_f64(), Some(12.5));
    assert_eq!(
        b["costSaved"],
        json!({ "amount": "1800.00", "currency": "EUR" })
    );
    assert_eq!(b["qualityNote"], "Fewer flaky builds");
    assert_eq!(b["person"]["id"], bob.id.as_str());
    assert_eq!(b["organization"]["slug"], "acme");
    let input = json!({ "articleId": article, "whatWasDone": "Shared the cache between warehouse apps",
        "businessUnit": "Logistics IT", "outcome": "Nightly builds fit the window",
        "hoursSaved": 4, "costSaved": { "amount": "250", "currency": "USD" },
        "riskNote": "The bucket is a single point of failure" });
    let e = &w.ok(erin, "reportApplication", input, &selection).await["application"];
    assert_eq!(
        e["costSaved"],
        json!({ "amount": "250.00", "currency": "USD" }),
        "{e:#}"
    );
    assert_eq!(e["riskNote"], "The bucket is a single point of failure");
    assert_eq!(e["organization"]["slug"], "globex");

    let confirm =
        json!({ "applicationId": bobs, "businessUnit": "Logistics IT", "note": "Same here" });
    let c = &w
        .ok(gus, "confirmApplication", confirm.clone(), &selection)
        .await["application"];
    assert_eq!(c["confirmationCount"], 1, "{c:#}");
    let field = "confirmApplication";
    w.expect_refused(
        gus,
        field,
        confirm,
        &selection,
        &["CONFLICT"],
        "once per person",
    )
    .await;
    let own = json!({ "applicationId": bobs });
    w.expect_refused(
        bob,
        field,
        own,
        &selection,
        &["BAD_USER_INPUT"],
        "not the reporter",
    )
    .await;
    let b = w
        .node(&w.gwen, &bobs, "Application", "confirmationCount")
        .await;
    assert_eq!(
        b.assert_ok().data("/node/confirmationCount"),
        1,
        "refusals wrote nothing"
    );

    let fields = format!("applicationCount applicationSummary {{ {SUMMARY} }}");
    let reply = w.node(&w.gwen, article, "KnowledgeArticle", &fields).await;
    let a = reply.assert_ok().data("/node");
    assert_eq!(a["applicationCount"], 2, "{a:#}");
    let summary = &a["applicationSummary"];
    assert_eq!(summary["applicationCount"], 2, "{summary:#}");
    assert_eq!(summary["confirmationCount"], 1, "{summary:#}");
    assert_eq!(summary["organizationCount"], 2, "{summary:#}");
    assert_eq!(summary["hoursSaved"].as_f64(), Some(16.5), "{summary:#}");
    let mut money = summary["costSaved"].as_array().unwrap().clone();
    money.sort_by_key(|m| m["currency"].to_string());
    let expected = json!([{ "amount": "1800.00", "currency": "EUR" }, { "amount": "250.00", "currency": "USD" }]);
    assert_eq!(json!(money), expected, "{summary:#}");
    // erin's application and gus's confirmation under globex/Logistics IT, bob's under acme.
    let expected = json!([
        { "organization": { "slug": "globex" }, "businessUnit": "Logistics IT", "count": 2 },
        { "organization": { "slug": "acme" }, "businessUnit": "Payments Platform", "count": 1 },
    ]);
    assert_eq!(
        summary["byBusinessUnit"], expected,
        "most first: {summary:#}"
    );

    // A newer published article without applications: NEWEST lists it first, MOST_APPLIED last.
    let input = json!({ "communityId": w.community_id, "title": "Onboarding checklist",
        "body": "Grant repository access and explain the review rules." });
    let o = w
        .ok(&w.alice, "createArticle", input, "article { id }")
        .await;
    let other = s(&o["article"]["id"]).to_owned();
    let input = json!({ "articleId": other, "state": "PUBLISHED" });
    w.ok(&w.alice, "setArticleState", input, "article { state }")
        .await;
    assert_eq!(
        w.community_articles(&w.gwen, "NEWEST").await,
        [other.as_str(), article]
    );
    assert_eq!(
        w.community_articles(&w.gwen, "MOST_APPLIED").await,
        [article, &other]
    );
}

/// Step 9: gwen finds the article, the problem and the idea; ivan (initech: acme's partner,
/// not a participant) finds nothing and cannot read the article.
pub(super) async fn search(w: &World<'_>, problem: &str, erin_idea: &str, article: &str) {
    let (gwen, ivan) = (&w.gwen, &w.ivan);
    let published = json!({ "kinds": ["ARTICLE"], "articleStates": ["PUBLISHED"] });
    let drafts = json!({ "kinds": ["ARTICLE"], "articleStates": ["DRAFT"] });
    let found = w.search(gwen, "turbocharging", Value::Null).await;
    assert_eq!(hit_ids(&found), set(&[article]), "{found:#}");
    let hit = &found["nodes"][0];
    assert_eq!(hit["kind"], "ARTICLE", "{hit:#}");
    assert_eq!(hit["item"]["__typename"], "KnowledgeArticle");
    let html = s(&hit["title"]["html"]);
    assert!(html.contains("<mark>"), "title highlighted: {hit:#}");
    assert_eq!(hit["title"]["text"], ARTICLE_TITLE);
    let found = w.search(gwen, "turbocharging", published.clone()).await;
    assert_eq!(hit_ids(&found), set(&[article]), "{found:#}");
    let found = w.search(gwen, "turbocharging", drafts.clone()).await;
    assert_eq!(found["totalCount"], 0, "not a draft any more: {found:#}");

    let found = w.search(gwen, "recompute", Value::Null).await;
    assert_eq!(hit_ids(&found), set(&[problem]), "{found:#}");
    assert_eq!(found["nodes"][0]["kind"], "PROBLEM");
    let found = w.search(gwen, "lockfile", Value::Null).await;
    assert_eq!(hit_ids(&found), set(&[erin_idea, article]), "{found:#}");
    let found = w
        .search(gwen, "lockfile", json!({ "kinds": ["IDEA"] }))
        .await;
    assert_eq!(hit_ids(&found), set(&[erin_idea]), "{found:#}");
    assert_eq!(found["nodes"][0]["kind"], "IDEA");
    assert!(
        s(&found["nodes"][0]["snippet"]["html"]).contains("<mark>"),
        "{found:#}"
    );

    for (query, filter) in [
        ("turbocharging", Value::Null),
        ("turbocharging", published),
        ("turbocharging", drafts),
        ("recompute", Value::Null),
        ("lockfile", Value::Null),
        ("lockfile", json!({ "kinds": ["IDEA"] })),
    ] {
        let found = w.search(ivan, query, filter.clone()).await;
        assert_eq!(found["totalCount"], 0, "ivan: {query} {filter}: {found:#}");
    }
    let reply = w.node(ivan, article, "KnowledgeArticle", "id title").await;
    assert_eq!(reply.codes(), ["NOT_FOUND"], "{:#}", reply.body);
    assert!(reply.data("/node").is_null());
}
