//! The demo world tells the whole story a new user should find: a problem solved across two
//! organizations, an article applied with measured benefits, a rhythm of events, and a
//! division leader who reads her business unit's value (and nothing more).

use crate::common::*;
use api::{
    auth::{MemberIdentity, OperatorViewer, Viewer},
    demo,
    error::ServiceError,
    service::{self, report::period::Period},
};
use chrono::{Duration, Utc};

async fn person(app: &TestApp, slug: &str, subject: &str, is_admin: bool) -> Viewer {
    let operator = Viewer::Operator(OperatorViewer {
        subject: "test".to_owned(),
    });
    let org = service::organization::find_by_slug(&app.db, &operator, slug)
        .await
        .unwrap();
    let member = MemberIdentity {
        organization_id: org.id,
        subject: subject.to_owned(),
        name: None,
        email: None,
        is_admin,
    };
    Viewer::Person(service::person::sign_in(&app.db, &member).await.unwrap())
}

async fn demo_world_tells_its_story(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    demo::load(&app.db).await.unwrap();
    let acme = service::organization::find_by_slug(
        &app.db,
        &Viewer::Operator(OperatorViewer {
            subject: "test".to_owned(),
        }),
        "acme",
    )
    .await
    .unwrap();
    let today = Utc::now().date_naive();
    let period = || Period::new(today - Duration::days(30), today).unwrap();
    let carol = person(&app, "acme", "carol", false).await;
    // Carol leads "Payments Platform": Bob's application of the article names it (12.5 h,
    // EUR 1800.00), and Bob and Carol are its people.
    let report = service::report::value::business_unit_value(
        &app.db,
        &carol,
        acme.id,
        " payments platform",
        period(),
    )
    .await
    .unwrap();
    assert_eq!(report.figures.applications_reported, 1);
    assert_eq!(report.figures.hours_saved_centis, 1250);
    assert_eq!(report.figures.money.get("EUR"), Some(&180_000));
    assert_eq!(report.story_count, 1);
    // Not another unit, nor the organization's report.
    let other =
        service::report::value::business_unit_value(&app.db, &carol, acme.id, "Treasury", period())
            .await;
    assert!(
        matches!(other, Err(ServiceError::Forbidden(_))),
        "{other:?}"
    );
    let org = service::report::value::organization_value(&app.db, &carol, acme.id, period()).await;
    assert!(matches!(org, Err(ServiceError::Forbidden(_))), "{org:?}");
    // The community declares a 30-day rhythm and holds events.
    let alice = person(&app, "acme", "alice", true).await;
    let community =
        service::community::find_by_slug(&app.db, &alice, "acme", "platform-engineering")
            .await
            .unwrap();
    assert_eq!(community.rhythm_interval_days, Some(30));
    let value = service::report::value::community_value(&app.db, &alice, community.id, period())
        .await
        .unwrap();
    assert!(value.figures.events_held() >= 1, "{value:?}");
    assert_eq!(value.figures.problems_solved, 1);
}
db_test!(demo_world_tells_its_story, demo_world_tells_its_story);
