//! Search over what the journey wrote: stemmed words, highlighted and escaped snippets, titles
//! weighing more than bodies, and each filter narrowing the hits. Visibility is part of it:
//! platform-circle is HOST_ONLY, so globex's people never find its problem.

use super::journey::Written;
use super::lists::{hit_ids, hit_set, search, sorted};
use super::World;
use crate::federation_journey::{record_finding, s};
use serde_json::{json, Value};

fn hit<'a>(hits: &'a [Value], id: &str) -> &'a Value {
    hits.iter()
        .find(|h| h["item"]["id"] == id)
        .unwrap_or_else(|| panic!("no hit for {id} in {hits:#?}"))
}

/// Every match range of a highlighted text covers a word that stems like "cache".
#[track_caller]
fn assert_matches_cache(highlighted: &Value) {
    let text: Vec<char> = s(&highlighted["text"]).chars().collect();
    let matches = highlighted["matches"].as_array().unwrap();
    assert!(!matches.is_empty(), "no match marked: {highlighted:#}");
    for m in matches {
        let (start, end) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert!(start < end && end <= text.len(), "{highlighted:#}");
        let word: String = text[start..end].iter().collect::<String>().to_lowercase();
        assert!(
            word.starts_with("cach"),
            "{word:?} marked in {highlighted:#}"
        );
    }
    let html = s(&highlighted["html"]);
    assert_eq!(
        html.matches("<mark>").count(),
        matches.len(),
        "one <mark> per match: {highlighted:#}"
    );
}

/// "cache" finds "caching" and "caches"; snippets mark the matches and escape the HTML the
/// body holds; an edit reaches the index; visibility holds.
pub(super) async fn stemmed_and_highlighted(w: &World<'_>, written: &Written) {
    let app = w.app;
    let hits = search(app, &w.gina, "cache", json!(null)).await;
    assert_eq!(
        hit_set(&hits),
        sorted(&[&written.problem, &written.idea, &written.docs]),
        "globex finds build-guild's problems and idea, not platform-circle's: {hits:#?}"
    );
    let p = hit(&hits, &written.problem);
    assert_eq!(p["kind"], "PROBLEM");
    assert_eq!(p["item"]["__typename"], "Problem");
    assert_eq!(p["item"]["author"]["displayName"], "Bob Acme");
    assert!(p["item"]["author"]["email"].is_null(), "{p:#}");
    assert_eq!(p["item"]["authorOrganization"]["name"], "acme Inc.");
    assert_eq!(s(&p["title"]["text"]), "Build caching keeps missing");
    assert_matches_cache(&p["title"]);
    assert!(
        s(&p["title"]["html"]).contains("<mark>caching</mark>"),
        "{p:#}"
    );
    assert_matches_cache(&p["snippet"]);
    let html = s(&p["snippet"]["html"]);
    assert!(html.contains("<mark>"), "{p:#}");
    assert!(!html.contains("<script"), "nothing unescaped: {html}");
    // The snippet is an excerpt of the body as written (docs/KNOWLEDGE.md "Search"): the
    // `<script>` it holds shows, escaped. A finding rather than a panic, so the rest of the
    // journey still runs.
    if !(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        && s(&p["snippet"]["text"]).contains("<script>alert(1)</script>"))
    {
        record_finding(format!(
            "{:?}: search \"cache\": the snippet of a body holding \"<script>alert(1)</script>\" \
             lost the tag text: text {:?}, html {:?}",
            app.backend, p["snippet"]["text"], html
        ));
    }
    let i = hit(&hits, &written.idea);
    assert_eq!(i["kind"], "IDEA");
    assert_eq!(i["item"]["__typename"], "Idea");
    assert_eq!(i["item"]["author"]["displayName"], "Gina Globex");
    assert_eq!(i["title"]["text"], "", "ideas have no title");
    assert_matches_cache(&i["snippet"]);

    // acme also finds its HOST_ONLY community's problem.
    let hits = search(app, &w.ann, "cache", json!(null)).await;
    assert_eq!(
        hit_set(&hits),
        sorted(&[
            &written.problem,
            &written.idea,
            &written.docs,
            &written.circle
        ])
    );
    assert_eq!(
        hit(&hits, &written.idea)["item"]["author"]["email"],
        json!(null)
    );
    let scores: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(
        scores.windows(2).all(|pair| pair[0] >= pair[1]),
        "best match first: {scores:?}"
    );
    let rank = |id: &str| hit_ids(&hits).iter().position(|h| h == id).unwrap();
    assert!(
        rank(&written.docs) < rank(&written.idea),
        "a match in a title weighs more than one in a body: {hits:#?}"
    );

    // Every word must match; only the last may be a prefix; all are stemmed.
    for (query, expected) in [
        ("cached builds", vec![written.problem.as_str()]),
        ("CACHES Build", vec![written.problem.as_str()]),
        ("prewarm", vec![written.idea.as_str()]),
        (
            "lockfile",
            vec![written.idea.as_str(), written.reply.as_str()],
        ),
        ("cache nonexistentword", vec![]),
    ] {
        let hits = search(app, &w.gina, query, json!(null)).await;
        assert_eq!(
            hit_set(&hits),
            sorted(&expected),
            "search {query:?}: {hits:#?}"
        );
    }
    // A word of the idea's first version is gone from the index once it was edited.
    let hits = search(app, &w.gina, "checksum", json!(null)).await;
    assert!(hits.is_empty(), "{hits:#?}");
    // Query syntax is not syntax: quotes and operators are plain words.
    let hits = search(app, &w.gina, "\"cache\" docs", json!(null)).await;
    assert_eq!(hit_set(&hits), sorted(&[&written.docs]));
}

/// Each filter narrows the hits for "cache" (as ann, who sees all four) to what it names.
pub(super) async fn filters_narrow(w: &World<'_>, written: &Written) {
    let app = w.app;
    let (p, i, d, c) = (
        written.problem.as_str(),
        written.idea.as_str(),
        written.docs.as_str(),
        written.circle.as_str(),
    );
    let cases: Vec<(Value, Vec<&str>)> = vec![
        (json!({ "kinds": ["PROBLEM"] }), vec![p, d, c]),
        (json!({ "kinds": ["IDEA"] }), vec![i]),
        (json!({ "kinds": ["ARTICLE"] }), vec![]),
        (json!({ "kinds": ["PROBLEM", "IDEA"] }), vec![p, i, d, c]),
        (json!({ "tags": ["ci"] }), vec![p, i, c]),
        (json!({ "tags": ["ci", "caching"] }), vec![p, i]),
        (json!({ "tags": ["docs"] }), vec![d]),
        (json!({ "tags": ["docs", "ci"] }), vec![]),
        (json!({ "problemStates": ["SOLVED"] }), vec![p, i]),
        (json!({ "problemStates": ["OPEN"] }), vec![d, c]),
        (json!({ "problemStates": ["CLOSED"] }), vec![]),
        (json!({ "authorOrganizationId": w.globex_id }), vec![i]),
        (json!({ "authorOrganizationId": w.acme_id }), vec![p, d, c]),
        (json!({ "communityIds": [w.circle_id] }), vec![c]),
        (json!({ "communityIds": [w.guild_id] }), vec![p, i, d]),
        (
            json!({ "communityIds": [w.guild_id, w.circle_id] }),
            vec![p, i, d, c],
        ),
        (
            json!({ "kinds": ["PROBLEM"], "communityIds": [w.guild_id], "problemStates": ["OPEN"] }),
            vec![d],
        ),
        (
            json!({ "kinds": ["IDEA"], "tags": ["caching"], "authorOrganizationId": w.globex_id }),
            vec![i],
        ),
    ];
    for (filter, expected) in cases {
        let hits = search(app, &w.ann, "cache", filter.clone()).await;
        assert_eq!(
            hit_set(&hits),
            sorted(&expected),
            "filter {filter}: {hits:#?}"
        );
        for h in &hits {
            if let Some(kinds) = filter["kinds"].as_array() {
                assert!(kinds.contains(&h["kind"]), "{filter}: {h:#}");
            }
        }
    }
    // A community the viewer may not see filters everything out.
    let hits = search(
        app,
        &w.gina,
        "cache",
        json!({ "communityIds": [w.circle_id] }),
    )
    .await;
    assert!(hits.is_empty(), "{hits:#?}");
}
