//! The knowledge cycle's domain events: every change writes its event in the transaction of
//! the change, with what docs/REALTIME.md ("What each event carries") says; refused changes,
//! no-ops and drafts write none. Also: federation changes tell both organizations' admins,
//! and committed events are numbered by the running server without waiting for its poll.

use super::world::{mention, named, recipients, uuid_of, World};
use crate::common::*;
use crate::federation_journey::s;
use entity::{domain_event, enums::EventAudience};
use sea_orm::{EntityTrait, TransactionTrait};
use serde_json::json;
use std::time::{Duration, Instant};

const PROBLEM: &str = "problem { id state }";
const IDEA: &str = "idea { id }";
const ARTICLE: &str = "article { id revision state }";

async fn problems_and_ideas_are_told(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let w = World::new(&app).await;
    let (alice, bob, erin, gus) = (&w.alice, &w.bob, &w.erin, &w.gus);

    // Posted: the people mentioned hear of it, the author does not (their own action).
    let body = format!(
        "Builds fail at random; {} {} any idea?",
        mention(erin),
        mention(bob)
    );
    let input = json!({ "communityId": w.community_id, "title": "Flaky builds",
        "body": body, "tags": ["ci", "build"], "urgency": "HIGH" });
    let p = w.ok(bob, "postProblem", input, PROBLEM).await;
    let problem = s(&p["problem"]["id"]).to_owned();
    let e = w.told("PROBLEM_POSTED", "Problem", &problem, bob).await;
    assert_eq!(recipients(&e), named(&[(erin, "MENTION")]));
    assert_eq!(e.data["title"], "Flaky builds");
    assert_eq!(e.data["state"], "OPEN");
    assert_eq!(e.data["urgency"], "HIGH");
    assert_eq!(e.data["tags"], json!(["build", "ci"]));
    assert_eq!(e.data["authorId"], bob.id.as_str());

    // Updated: only the people newly mentioned; a change that changes nothing is not told.
    let input = json!({ "id": problem, "body": format!("{body} Also {}.", mention(gus)) });
    w.ok(bob, "updateProblem", input, PROBLEM).await;
    let e = w.told("PROBLEM_UPDATED", "Problem", &problem, bob).await;
    assert_eq!(recipients(&e), named(&[(gus, "MENTION")]));
    let input = json!({ "id": problem, "title": "Flaky builds" });
    w.untold(bob, "updateProblem", input, PROBLEM).await;

    // Following is not told; a follower hears of ideas.
    w.untold(gus, "followProblem", json!({ "id": problem }), PROBLEM)
        .await;

    // An idea: the problem's author and its followers (REPLY), the people mentioned
    // (MENTION); not its own author.
    let long = format!("{} pin the toolchain. {}", mention(alice), "y".repeat(400));
    let input = json!({ "problemId": problem, "body": long });
    let i = w.ok(erin, "contributeIdea", input, IDEA).await;
    let idea = s(&i["idea"]["id"]).to_owned();
    let e = w.told("IDEA_CONTRIBUTED", "Idea", &idea, erin).await;
    assert_eq!(
        recipients(&e),
        named(&[(bob, "REPLY"), (gus, "REPLY"), (alice, "MENTION")])
    );
    assert_eq!(e.data["problemId"], problem.as_str());
    assert_eq!(e.data["parentId"], json!(null));
    assert_eq!(e.data["authorId"], erin.id.as_str());
    let excerpt = s(&e.data["excerpt"]);
    assert_eq!(excerpt.chars().count(), 280);
    assert!(long.starts_with(excerpt));

    // A reply: the parent idea's author and the problem's author.
    let input = json!({ "problemId": problem, "parentIdeaId": idea, "body": "Which version?" });
    let r = w.ok(gus, "contributeIdea", input, IDEA).await;
    let reply = s(&r["idea"]["id"]).to_owned();
    let e = w.told("IDEA_REPLIED", "Idea", &reply, gus).await;
    assert_eq!(recipients(&e), named(&[(erin, "REPLY"), (bob, "REPLY")]));
    assert_eq!(e.data["parentId"], idea.as_str());
    assert_eq!(e.data["excerpt"], "Which version?");
    assert!(w.about("IDEA_CONTRIBUTED", &reply).await.is_empty());

    // Edited: the people newly mentioned; mentioning oneself names no one.
    let edited = format!("{long} cc {} {}", mention(bob), mention(erin));
    let input = json!({ "id": idea, "body": edited });
    w.ok(erin, "editIdea", input, IDEA).await;
    let e = w.told("IDEA_EDITED", "Idea", &idea, erin).await;
    assert_eq!(recipients(&e), named(&[(bob, "MENTION")]));
    assert_eq!(e.data["revision"], 2);

    // Endorsed once; endorsing again (CONFLICT) and withdrawing are not told.
    w.ok(bob, "endorseIdea", json!({ "id": idea }), IDEA).await;
    let e = w.told("IDEA_ENDORSED", "Idea", &idea, bob).await;
    assert_eq!(recipients(&e), named(&[]));
    assert_eq!(e.data["endorsementCount"], 1);
    let codes = w
        .refused(bob, "endorseIdea", json!({ "id": idea }), IDEA)
        .await;
    assert_eq!(codes, ["CONFLICT"]);
    w.untold(bob, "withdrawEndorsement", json!({ "id": idea }), IDEA)
        .await;

    // Refused changes write nothing: a non-member, bad input, someone else's idea.
    let codes = w
        .refused(
            &w.nina,
            "contributeIdea",
            json!({ "problemId": problem, "body": "Me too" }),
            IDEA,
        )
        .await;
    assert_eq!(codes, ["FORBIDDEN"]);
    let codes = w
        .refused(
            erin,
            "contributeIdea",
            json!({ "problemId": problem, "body": "   " }),
            IDEA,
        )
        .await;
    assert_eq!(codes, ["BAD_USER_INPUT"]);
    let codes = w
        .refused(
            gus,
            "editIdea",
            json!({ "id": idea, "body": "mine now" }),
            IDEA,
        )
        .await;
    assert_eq!(codes, ["FORBIDDEN"]);

    // Solved: the data names the accepted ideas; naming them again changes nothing.
    let input = json!({ "problemId": problem, "ideaIds": [idea] });
    w.ok(bob, "acceptSolution", input.clone(), PROBLEM).await;
    let e = w.told("PROBLEM_SOLVED", "Problem", &problem, bob).await;
    assert_eq!(e.data["state"], "SOLVED");
    assert_eq!(e.data["acceptedIdeaIds"], json!([idea]));
    assert_eq!(e.data["newlyAcceptedIdeaIds"], json!([idea]));
    assert_eq!(recipients(&e), named(&[]));
    w.untold(bob, "acceptSolution", input, PROBLEM).await;

    // Applications of the solution.
    let input = json!({ "problemId": problem, "whatWasDone": "Pinned rustc",
        "businessUnit": "Plant Lyon", "outcome": "No flaky build in a month", "hoursSaved": 12.5,
        "costSaved": { "amount": "1250.50", "currency": "EUR" }, "qualityNote": "fewer reruns" });
    let a = w
        .ok(gus, "reportApplication", input, "application { id }")
        .await;
    let application = s(&a["application"]["id"]).to_owned();
    let e = w
        .told("APPLICATION_REPORTED", "Application", &application, gus)
        .await;
    assert_eq!(e.data["problemId"], problem.as_str());
    assert_eq!(e.data["articleId"], json!(null));
    assert_eq!(e.data["personId"], gus.id.as_str());
    assert_eq!(e.data["businessUnit"], "Plant Lyon");
    assert_eq!(e.data["outcome"], "No flaky build in a month");
    assert_eq!(e.data["hoursSaved"], 12.5);
    assert_eq!(
        e.data["costSaved"],
        json!({ "amount": "1250.50", "currency": "EUR" })
    );
    assert_eq!(e.data["confirmationCount"], 0);
    let input = json!({ "applicationId": application, "businessUnit": "Treasury" });
    w.ok(
        erin,
        "confirmApplication",
        input.clone(),
        "application { id }",
    )
    .await;
    let e = w
        .told("APPLICATION_CONFIRMED", "Application", &application, erin)
        .await;
    assert_eq!(e.data["confirmationCount"], 1);
    let codes = w
        .refused(erin, "confirmApplication", input, "application { id }")
        .await;
    assert_eq!(codes, ["CONFLICT"]);

    // Closed and reopened.
    w.ok(bob, "closeProblem", json!({ "id": problem }), PROBLEM)
        .await;
    let e = w.told("PROBLEM_CLOSED", "Problem", &problem, bob).await;
    assert_eq!(e.data["state"], "CLOSED");
    w.ok(alice, "reopenProblem", json!({ "id": problem }), PROBLEM)
        .await;
    let e = w.told("PROBLEM_REOPENED", "Problem", &problem, alice).await;
    assert_eq!(e.data["state"], "OPEN");
    let codes = w
        .refused(alice, "reopenProblem", json!({ "id": problem }), PROBLEM)
        .await;
    assert_eq!(
        codes,
        ["BAD_USER_INPUT"],
        "an OPEN problem cannot be reopened"
    );
    let codes = w
        .refused(
            erin,
            "contributeIdea",
            json!({ "problemId": uuid_free_problem(), "body": "lost" }),
            IDEA,
        )
        .await;
    assert_eq!(codes, ["NOT_FOUND"]);
}
db_test!(problems_and_ideas, problems_and_ideas_are_told);

/// A well-formed problem id no row has.
fn uuid_free_problem() -> String {
    use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
    URL_SAFE_NO_PAD.encode(format!("Problem:{}", uuid::Uuid::now_v7()))
}

async fn articles_are_told_once_the_community_may_read_them(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let w = World::new(&app).await;
    let (alice, bob, erin, gus) = (&w.alice, &w.bob, &w.erin, &w.gus);

    // A draft, its edits and its review are not told.
    let body = format!("Pin the toolchain. Thanks {}", mention(gus));
    let input = json!({ "communityId": w.community_id, "title": "Pinning rustc",
        "body": body, "tags": ["ci"] });
    let a = w.untold(bob, "createArticle", input, ARTICLE).await;
    let article = s(&a["article"]["id"]).to_owned();
    let input = json!({ "articleId": article, "expectedRevision": 1, "title": "Pinning Rust" });
    w.untold(bob, "updateArticle", input, ARTICLE).await;
    let input = json!({ "articleId": article, "state": "IN_REVIEW" });
    w.untold(bob, "setArticleState", input, ARTICLE).await;
    let codes = w
        .refused(
            bob,
            "setArticleState",
            json!({ "articleId": article, "state": "PUBLISHED" }),
            ARTICLE,
        )
        .await;
    assert_eq!(codes, ["FORBIDDEN"], "only coordinators publish");

    // Published: the people mentioned in it.
    let input = json!({ "articleId": article, "state": "PUBLISHED" });
    w.ok(alice, "setArticleState", input, ARTICLE).await;
    let e = w
        .told("ARTICLE_PUBLISHED", "KnowledgeArticle", &article, alice)
        .await;
    assert_eq!(recipients(&e), named(&[(gus, "MENTION")]));
    assert_eq!(e.data["title"], "Pinning Rust");
    assert_eq!(e.data["state"], "PUBLISHED");
    assert_eq!(e.data["revision"], 4);
    assert_eq!(e.data["tags"], json!(["ci"]));
    assert!(e.data["publishedAt"].is_string(), "{:#}", e.data);

    // Updated while PUBLISHED: the people newly mentioned. A stale revision writes nothing.
    let input = json!({ "articleId": article, "expectedRevision": 4,
        "body": format!("{body} and {}", mention(erin)), "note": "credit" });
    w.ok(bob, "updateArticle", input, ARTICLE).await;
    let e = w
        .told("ARTICLE_UPDATED", "KnowledgeArticle", &article, bob)
        .await;
    assert_eq!(recipients(&e), named(&[(erin, "MENTION")]));
    assert_eq!(e.data["revision"], 5);
    let input = json!({ "articleId": article, "expectedRevision": 4, "title": "Stale" });
    let codes = w
        .refused(bob, "updateArticle", input, "currentRevision { number }")
        .await;
    assert_eq!(codes, ["CONFLICT"], "a stale revision");

    // Applied, then archived.
    let input = json!({ "articleId": article, "whatWasDone": "Pinned it",
        "businessUnit": "Treasury", "outcome": "Green builds" });
    let r = w
        .ok(erin, "reportApplication", input, "application { id }")
        .await;
    let application = s(&r["application"]["id"]).to_owned();
    let e = w
        .told("APPLICATION_REPORTED", "Application", &application, erin)
        .await;
    assert_eq!(e.data["articleId"], article.as_str());
    assert_eq!(e.data["hoursSaved"], json!(null));
    let input = json!({ "articleId": article, "state": "ARCHIVED" });
    w.ok(alice, "setArticleState", input, ARTICLE).await;
    let e = w
        .told("ARTICLE_ARCHIVED", "KnowledgeArticle", &article, alice)
        .await;
    assert_eq!(e.data["state"], "ARCHIVED");
    assert_eq!(recipients(&e), named(&[]));
}
db_test!(articles, articles_are_told_once_the_community_may_read_them);

async fn federation_changes_are_told_to_both_organizations_admins(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let w = World::new(&app).await;
    let proposed: Vec<domain_event::Model> = w
        .all()
        .await
        .into_iter()
        .filter(|e| e.event_type.as_str() == "PARTNERSHIP_PROPOSED")
        .collect();
    assert_eq!(proposed.len(), 1, "{proposed:#?}");
    let e = &proposed[0];
    assert_eq!(e.audience, EventAudience::Admins);
    assert_eq!(e.community_id, None);
    assert_eq!(e.subject_type, "Partnership");
    assert_eq!(e.actor_person_id, Some(uuid_of(&w.alice.id)));
    let mut organizations: Vec<String> =
        serde_json::from_value(e.organization_ids.clone()).unwrap();
    organizations.sort();
    let mut expected = vec![w.acme.to_string(), w.globex.to_string()];
    expected.sort();
    assert_eq!(organizations, expected);
}
db_test!(
    federation_changes,
    federation_changes_are_told_to_both_organizations_admins
);

/// Polls until every domain event has a position (at most 10 s); the events.
async fn all_numbered(app: &TestApp) -> Vec<domain_event::Model> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let all = domain_event::Entity::find().all(&app.db).await.unwrap();
        if all.iter().all(|e| e.position.is_some()) {
            return all;
        }
        assert!(
            Instant::now() < deadline,
            "events left unnumbered: {:#?}",
            all.iter()
                .filter(|e| e.position.is_none())
                .collect::<Vec<_>>()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn committed_events_are_numbered_without_waiting_for_the_poll(backend: Backend) {
    // The poll would take an hour: only the wake-ups can number the events in time.
    let Some(app) = spawn_app_with(backend, &["--outbox-poll-interval", "1h"]).await else {
        return;
    };
    let w = World::new(&app).await;
    let input = json!({ "communityId": w.community_id, "title": "Slow tests",
        "body": "They take an hour." });
    let p = w.ok(&w.bob, "postProblem", input, PROBLEM).await;
    let input = json!({ "problemId": p["problem"]["id"], "body": "Run them in parallel." });
    w.ok(&w.erin, "contributeIdea", input, IDEA).await;
    let all = all_numbered(&app).await;
    let mut positions: Vec<i64> = all.iter().filter_map(|e| e.position).collect();
    positions.sort_unstable();
    let expected: Vec<i64> = (1..=all.len() as i64).collect();
    assert_eq!(positions, expected, "positions are gap-free from 1");
    assert!(all
        .iter()
        .any(|e| e.event_type.as_str() == "IDEA_CONTRIBUTED"));

    // An event rolls back with its transaction, and one committed outside any request is
    // numbered too: on PostgreSQL the commit's NOTIFY wakes the sequencer; on SQLite the
    // next mutation does.
    let operator = api::auth::Viewer::Operator(api::auth::OperatorViewer {
        subject: "test".into(),
    });
    let event = || {
        api::events::outbox::NewEvent::admins(
            entity::enums::DomainEventType::OrganizationEnabled,
            vec![w.acme],
            "Organization",
            Some(w.acme),
        )
    };
    let before = w.count().await;
    let txn = app.db.begin().await.unwrap();
    api::events::outbox::record(&txn, &operator, vec![event()])
        .await
        .unwrap();
    txn.rollback().await.unwrap();
    assert_eq!(w.count().await, before, "a rolled back event stays");
    let txn = app.db.begin().await.unwrap();
    api::events::outbox::record(&txn, &operator, vec![event()])
        .await
        .unwrap();
    txn.commit().await.unwrap();
    assert_eq!(w.count().await, before + 1);
    if backend == Backend::Sqlite {
        // A mutation (a query does not) wakes the sequencer when it is answered.
        app.graphql(Some(&w.bob.token), "mutation { __typename }", json!({}))
            .await
            .assert_ok();
    }
    let all = all_numbered(&app).await;
    assert_eq!(all.len() as u64, before + 1);
}
db_test!(
    numbered,
    committed_events_are_numbered_without_waiting_for_the_poll
);
