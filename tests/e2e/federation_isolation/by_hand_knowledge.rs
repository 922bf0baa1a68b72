//! The knowledge cycle by hand: an idea by a globex person in an acme community outlives
//! globex's removal from it, attributed to its author and organization for acme's people, and
//! becomes invisible to globex's people (by id, in search, for writing). The same for an
//! article co-authored by a globex person: as a DRAFT only its authors and acme's
//! coordinators see it, published every member does, and after globex's removal acme's people
//! still see it with its globex co-author (and the globex confirmer of an application).

use super::by_hand::{node, ok, person_id};
use super::model::text;
use crate::common::*;
use serde_json::json;

async fn search_count(app: &TestApp, token: &str, words: &str) -> i64 {
    let reply = app
        .graphql(
            Some(token),
            "query($q: String!) { search(query: $q) { totalCount edges { node { snippet { text } } } } }",
            json!({ "q": words }),
        )
        .await;
    reply.assert_ok();
    reply.data("/search/totalCount").as_i64().unwrap()
}

async fn codes(app: &TestApp, token: &str, mutation: &str) -> Vec<String> {
    let reply = app.graphql(Some(token), mutation, json!({})).await;
    let mut codes = reply.codes();
    for e in reply
        .data("/r/userErrors")
        .as_array()
        .cloned()
        .unwrap_or_default()
    {
        codes.push(text(&e["code"]));
    }
    codes
}

pub(super) async fn knowledge_by_hand(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (acme, globex, initech) = (
        app.create_org("acme").await,
        app.create_org("globex").await,
        app.create_org("initech").await,
    );
    let email = |sub: &str| json!({ "email": format!("{sub}@example.test") });
    let acme_admin = acme.admin_token("acme-admin");
    let acme_lead = acme.token("acme-lead", email("acme-lead"));
    let acme_reader = acme.token("acme-reader", email("acme-reader"));
    let globex_admin = globex.admin_token("globex-admin");
    let globex_dev = globex.token("globex-dev", email("globex-dev"));
    let initech_dev = initech.token("initech-dev", email("initech-dev"));
    for token in [&acme_admin, &acme_reader, &globex_admin, &initech_dev] {
        person_id(&app, token).await;
    }
    let lead_id = person_id(&app, &acme_lead).await;
    let dev_id = person_id(&app, &globex_dev).await;
    let reply = app
        .graphql(
            Some(&app.operator_token()),
            "{ organization(slug: \"globex\") { id } }",
            json!({}),
        )
        .await;
    let globex_id = text(reply.assert_ok().data("/organization/id"));

    let mutation = |field: &str, input: String, sel: &str| {
        format!("mutation {{ r: {field}(input: {{ {input} }}) {{ {sel} userErrors {{ code }} }} }}")
    };
    let p = ok(
        &app,
        &acme_admin,
        &mutation(
            "proposePartnership",
            "partnerSlug: \"globex\"".into(),
            "partnership { id }",
        ),
        "r",
    )
    .await;
    let pid = text(&p["partnership"]["id"]);
    ok(
        &app,
        &globex_admin,
        &mutation(
            "acceptPartnership",
            format!("partnershipId: \"{pid}\""),
            "partnership { id }",
        ),
        "r",
    )
    .await;
    let c = ok(
        &app,
        &acme_lead,
        &mutation(
            "createCommunity",
            "slug: \"ops\", name: \"Ops\", visibility: FEDERATED".into(),
            "community { id }",
        ),
        "r",
    )
    .await;
    let cid = text(&c["community"]["id"]);
    let inv = ok(
        &app,
        &acme_lead,
        &mutation(
            "inviteOrganization",
            format!("communityId: \"{cid}\", organizationId: \"{globex_id}\""),
            "participation { id }",
        ),
        "r",
    )
    .await;
    let inv = text(&inv["participation"]["id"]);
    // globex's admin names themselves sponsor, so globex-dev is visible only through content.
    let admin_id = person_id(&app, &globex_admin).await;
    ok(
        &app,
        &globex_admin,
        &mutation(
            "acceptInvitation",
            format!("participationId: \"{inv}\", sponsorId: \"{admin_id}\""),
            "participation { id }",
        ),
        "r",
    )
    .await;
    ok(
        &app,
        &globex_dev,
        &mutation(
            "joinCommunity",
            format!("communityId: \"{cid}\""),
            "membership { id }",
        ),
        "r",
    )
    .await;

    let problem = ok(
        &app,
        &acme_lead,
        &mutation(
            "postProblem",
            format!(
                "communityId: \"{cid}\", title: \"flaky zorblax\", body: \"the quennix fails\""
            ),
            "problem { id }",
        ),
        "r",
    )
    .await;
    let prid = text(&problem["problem"]["id"]);
    let idea = ok(
        &app,
        &globex_dev,
        &mutation(
            "contributeIdea",
            format!("problemId: \"{prid}\", body: \"try the handvramtuk\""),
            "idea { id }",
        ),
        "r",
    )
    .await;
    let iid = text(&idea["idea"]["id"]);
    let lead_idea = ok(
        &app,
        &acme_lead,
        &mutation(
            "contributeIdea",
            format!("problemId: \"{prid}\", body: \"or the handplindok\""),
            "idea { id }",
        ),
        "r",
    )
    .await;
    let lid = text(&lead_idea["idea"]["id"]);
    ok(
        &app,
        &globex_dev,
        &mutation("endorseIdea", format!("id: \"{lid}\""), "idea { id }"),
        "r",
    )
    .await;
    // Not one's own idea.
    let refused = codes(
        &app,
        &globex_dev,
        &mutation("endorseIdea", format!("id: \"{iid}\""), "idea { id }"),
    )
    .await;
    assert_eq!(refused, ["BAD_USER_INPUT"]);

    // An article by acme-writer with globex-dev as co-author: a DRAFT, seen by its authors
    // and acme's coordinators (acme-lead, a COORDINATOR member; acme-admin, the host's
    // admin), not by another member (acme-member), globex's admin or initech.
    let acme_writer = acme.token("acme-writer", email("acme-writer"));
    let acme_member = acme.token("acme-member", email("acme-member"));
    let writer_id = person_id(&app, &acme_writer).await;
    let member_id = person_id(&app, &acme_member).await;
    for token in [&acme_writer, &acme_member] {
        ok(
            &app,
            token,
            &mutation(
                "joinCommunity",
                format!("communityId: \"{cid}\""),
                "membership { id }",
            ),
            "r",
        )
        .await;
    }
    let article = ok(
        &app,
        &acme_writer,
        &mutation(
            "createArticle",
            format!(
                "communityId: \"{cid}\", title: \"the handgavlok way\", body: \"druxom fentrip\", coAuthorIds: [\"{dev_id}\"]"
            ),
            "article { id state }",
        ),
        "r",
    )
    .await;
    assert_eq!(article["article"]["state"], "DRAFT");
    let aid = text(&article["article"]["id"]);
    for token in [&acme_writer, &globex_dev, &acme_lead, &acme_admin] {
        let seen = node(&app, token, &aid).await.unwrap();
        assert_eq!(seen["state"], "DRAFT");
        assert_eq!(
            seen["authors"][1]["person"]["id"],
            dev_id.as_str(),
            "{seen}"
        );
        assert_eq!(search_count(&app, token, "handgavlok").await, 1);
    }
    for token in [&acme_member, &globex_admin, &initech_dev] {
        assert!(node(&app, token, &aid).await.is_none());
        assert_eq!(search_count(&app, token, "handgavlok").await, 0);
    }
    // Another member may not report applying a DRAFT they cannot see; a co-author may not
    // publish (coordinators only) but may send it to review; the coordinator publishes.
    let report = mutation(
        "reportApplication",
        format!(
            "articleId: \"{aid}\", whatWasDone: \"rolled out\", businessUnit: \"ops\", outcome: \"fine\""
        ),
        "application { id }",
    );
    assert_eq!(codes(&app, &acme_member, &report).await, ["NOT_FOUND"]);
    let publish = mutation(
        "setArticleState",
        format!("articleId: \"{aid}\", state: PUBLISHED"),
        "article { state }",
    );
    assert_eq!(codes(&app, &globex_dev, &publish).await, ["FORBIDDEN"]);
    ok(
        &app,
        &globex_dev,
        &mutation(
            "setArticleState",
            format!("articleId: \"{aid}\", state: IN_REVIEW"),
            "article { state }",
        ),
        "r",
    )
    .await;
    assert!(node(&app, &acme_member, &aid).await.is_none());
    ok(&app, &acme_lead, &publish, "r").await;
    // Published: every member sees it, globex's admin too (the community is live for
    // globex); initech still nothing.
    for token in [&acme_member, &acme_reader, &globex_admin] {
        let seen = node(&app, token, &aid).await.unwrap();
        assert_eq!(seen["state"], "PUBLISHED", "{seen}");
        assert_eq!(search_count(&app, token, "handgavlok").await, 1);
    }
    assert!(node(&app, &initech_dev, &aid).await.is_none());
    assert_eq!(search_count(&app, &initech_dev, "handgavlok").await, 0);
    let application = ok(&app, &acme_member, &report, "r").await;
    let apid = text(&application["application"]["id"]);
    ok(
        &app,
        &globex_dev,
        &mutation(
            "confirmApplication",
            format!("applicationId: \"{apid}\""),
            "application { id }",
        ),
        "r",
    )
    .await;
    // Not one's own report, and not twice.
    let confirm = mutation(
        "confirmApplication",
        format!("applicationId: \"{apid}\""),
        "application { id }",
    );
    let own = codes(&app, &acme_member, &confirm).await;
    assert!(
        matches!(own.as_slice(), [c] if c == "FORBIDDEN" || c == "BAD_USER_INPUT"),
        "{own:?}"
    );
    assert_eq!(codes(&app, &globex_dev, &confirm).await, ["CONFLICT"]);

    // Before: acme and globex see it all; initech nothing.
    for token in [&acme_reader, &globex_dev] {
        let seen = node(&app, token, &iid).await.unwrap();
        assert_eq!(seen["author"]["id"], dev_id.as_str());
        assert_eq!(seen["authorOrganization"]["id"], globex_id.as_str());
        assert_eq!(search_count(&app, token, "handvramtuk").await, 1);
    }
    for id in [&iid, &prid, &lid, &dev_id] {
        assert!(node(&app, &initech_dev, id).await.is_none());
    }
    assert_eq!(search_count(&app, &initech_dev, "handvramtuk").await, 0);
    assert_eq!(search_count(&app, &initech_dev, "zorblax").await, 0);

    // acme removes globex from the community.
    ok(
        &app,
        &acme_lead,
        &mutation(
            "removeOrganization",
            format!("participationId: \"{inv}\""),
            "participation { id }",
        ),
        "r",
    )
    .await;

    // acme's people still see globex-dev's idea and endorsement, attributed; and globex-dev
    // (visible to acme-reader only as an author: not a sponsor, membership SUSPENDED).
    let seen = node(&app, &acme_reader, &iid).await.unwrap();
    assert_eq!(seen["author"]["id"], dev_id.as_str(), "{seen}");
    assert_eq!(
        seen["authorOrganization"]["id"],
        globex_id.as_str(),
        "{seen}"
    );
    let endorsed = node(&app, &acme_reader, &lid).await.unwrap();
    assert_eq!(endorsed["endorsements"]["totalCount"], 1, "{endorsed}");
    assert_eq!(
        endorsed["endorsements"]["nodes"][0]["person"]["id"],
        dev_id.as_str()
    );
    assert_eq!(
        endorsed["endorsements"]["nodes"][0]["organization"]["id"],
        globex_id.as_str()
    );
    assert!(node(&app, &acme_reader, &dev_id).await.is_some());
    assert_eq!(search_count(&app, &acme_reader, "handvramtuk").await, 1);
    assert_eq!(
        node(&app, &acme_reader, &prid).await.unwrap()["author"]["id"],
        lead_id.as_str()
    );

    // globex's people see none of it, by id or in search, and may not write there: the
    // developer no longer sees the community (NOT_FOUND); globex's admin still sees the
    // community but not its content, and may not post (FORBIDDEN: not an ACTIVE member).
    for token in [&globex_dev, &globex_admin] {
        for id in [&iid, &prid, &lid] {
            assert!(node(&app, token, id).await.is_none());
        }
        assert_eq!(search_count(&app, token, "handvramtuk").await, 0);
        assert_eq!(search_count(&app, token, "handplindok").await, 0);
    }
    let post = mutation(
        "postProblem",
        format!("communityId: \"{cid}\", title: \"still zorblax\", body: \"x\""),
        "problem { id }",
    );
    assert_eq!(codes(&app, &globex_dev, &post).await, ["NOT_FOUND"]);
    assert_eq!(codes(&app, &globex_admin, &post).await, ["FORBIDDEN"]);
    let reply = codes(
        &app,
        &globex_dev,
        &mutation(
            "contributeIdea",
            format!("problemId: \"{prid}\", body: \"again\""),
            "idea { id }",
        ),
    )
    .await;
    assert_eq!(reply, ["NOT_FOUND"]);
    let reply = codes(
        &app,
        &globex_dev,
        &mutation(
            "editIdea",
            format!("id: \"{iid}\", body: \"changed\""),
            "idea { id }",
        ),
    )
    .await;
    assert_eq!(reply, ["NOT_FOUND"]);
    // The article and its application: gone for globex's people, still there for acme's
    // with the globex co-author, revision editor and confirmer, attributed.
    for token in [&globex_dev, &globex_admin] {
        assert!(node(&app, token, &aid).await.is_none());
        assert!(node(&app, token, &apid).await.is_none());
        assert_eq!(search_count(&app, token, "handgavlok").await, 0);
    }
    assert_eq!(codes(&app, &globex_dev, &report).await, ["NOT_FOUND"]);
    for token in [&acme_member, &acme_reader] {
        let seen = node(&app, token, &aid).await.unwrap();
        assert_eq!(seen["state"], "PUBLISHED", "{seen}");
        let authors: Vec<(String, String)> = seen["authors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| (text(&x["person"]["id"]), text(&x["organization"]["id"])))
            .collect();
        assert_eq!(authors.len(), 2, "{seen}");
        assert_eq!(authors[0].0, writer_id);
        assert_eq!(authors[1], (dev_id.clone(), globex_id.clone()), "{seen}");
        let editors: Vec<String> = seen["revisions"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| text(&r["author"]["id"]))
            .collect();
        assert_eq!(
            editors,
            [writer_id.clone(), dev_id.clone(), lead_id.clone()],
            "{seen}"
        );
        assert_eq!(search_count(&app, token, "handgavlok").await, 1);
        let applied = node(&app, token, &apid).await.unwrap();
        assert_eq!(applied["person"]["id"], member_id.as_str(), "{applied}");
        assert_eq!(
            applied["confirmations"]["nodes"][0]["person"]["id"],
            dev_id.as_str(),
            "{applied}"
        );
        assert_eq!(
            applied["confirmations"]["nodes"][0]["organization"]["id"],
            globex_id.as_str(),
            "{applied}"
        );
    }
    // Still nothing for initech.
    assert!(node(&app, &initech_dev, &iid).await.is_none());
    assert!(node(&app, &initech_dev, &dev_id).await.is_none());
    assert!(node(&app, &initech_dev, &aid).await.is_none());
    assert!(node(&app, &initech_dev, &apid).await.is_none());
}
