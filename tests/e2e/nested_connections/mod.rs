//! Nested connections read through the request's sibling loader: one statement per field and
//! depth however many parents and rows (`statements`), and the same nodes, order, counts,
//! page info and cursors as each parent's list read on its own, never a row the viewer may
//! not see (`equivalence`).

mod equivalence;
mod statements;

use crate::common::TestApp;
use crate::federation_journey::{done, mutate, s, Actor};
use serde_json::{json, Value};

/// Runs mutation `field` as `who`, which must succeed; the selected payload.
pub(crate) async fn ok(
    app: &TestApp,
    who: &Actor,
    field: &str,
    input: Value,
    selection: &str,
) -> Value {
    done(
        &mutate(app, Some(&who.token), field, input, selection).await,
        field,
    )
}

/// Creates a one-hour ONLINE event in `community` starting on `day` (`YYYY-MM-DD`); its id.
pub(crate) async fn create_event(
    app: &TestApp,
    who: &Actor,
    community: &str,
    title: &str,
    day: &str,
) -> String {
    let input = json!({ "communityId": community, "title": title, "kind": "FAMILIAR",
        "format": "ONLINE", "joinUrl": "https://meet.example/call",
        "start": format!("{day}T09:00"), "end": format!("{day}T10:00"), "timeZone": "UTC" });
    let event = ok(app, who, "createEvent", input, "event { id }").await;
    s(&event["event"]["id"]).to_owned()
}

/// Creates a DRAFT article in `community`; its id.
pub(crate) async fn create_article(
    app: &TestApp,
    who: &Actor,
    community: &str,
    title: &str,
) -> String {
    let input = json!({ "communityId": community, "title": title, "body": "What we learned." });
    let article = ok(app, who, "createArticle", input, "article { id }").await;
    s(&article["article"]["id"]).to_owned()
}
