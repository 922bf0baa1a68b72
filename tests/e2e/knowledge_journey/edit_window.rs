//! The edit window of ideas: `--idea-edit-window 2s`, an edit at once and one too late.

use super::client::{assert_refused, contribute, edit_idea_reply, idea, post_problem};
use super::World;
use crate::common::*;
use crate::federation_journey::{done, s};

/// With a 2-second edit window, an idea is editable at once and not after.
async fn knowledge_edit_window(backend: Backend) {
    let Some(app) = spawn_app_with(backend, &["--idea-edit-window", "2s"]).await else {
        return;
    };
    let w = World::new(&app).await;
    let p = post_problem(
        &app,
        &w.bob,
        &w.guild_id,
        "Slow tests",
        "Too slow.",
        &[],
        "LOW",
    )
    .await;
    let i = contribute(&app, &w.gina, s(&p["id"]), None, "Run them in parallel.").await;
    let i_id = s(&i["id"]);
    let created = chrono::DateTime::parse_from_rfc3339(s(&i["createdAt"])).unwrap();
    let until = chrono::DateTime::parse_from_rfc3339(s(&i["editableUntil"])).unwrap();
    assert_eq!((until - created).num_milliseconds(), 2_000, "{i:#}");
    let reply = edit_idea_reply(&app, &w.gina, i_id, "Run them in parallel, sharded.").await;
    assert_eq!(done(&reply, "editIdea")["idea"]["revision"], 2);
    tokio::time::sleep(std::time::Duration::from_millis(2_500)).await;
    let reply = edit_idea_reply(&app, &w.gina, i_id, "Too late.").await;
    assert_refused(
        &reply,
        "editIdea",
        "idea",
        "BAD_USER_INPUT",
        "after the window",
    );
    let i = idea(&app, &w.gina, i_id).await;
    assert_eq!(i["revision"], 2);
    assert_eq!(i["body"], "Run them in parallel, sharded.");
    assert_eq!(i["history"].as_array().unwrap().len(), 2);
}
db_test!(knowledge_edit_window, knowledge_edit_window);
