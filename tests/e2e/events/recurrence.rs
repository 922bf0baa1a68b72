//! Recurring series: local wall time across DST changes (Europe/Berlin, America/New_York),
//! COUNT and UNTIL, the 400-day horizon of an unbounded rule and its idempotent extension,
//! moving and cancelling single occurrences, series edits passing detached ones by, and bad
//! input refused with nothing written.

use super::world::{World, EVENT};
use crate::common::*;
use crate::federation_journey::s;
use serde_json::{json, Value};

fn starts(occurrences: &[Value]) -> Vec<String> {
    occurrences
        .iter()
        .map(|o| s(&o["startsAt"]).to_owned())
        .collect()
}

async fn series_follow_local_time_across_dst(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let w = World::new(&app).await;

    // Weekly 09:00 in Berlin over the change of 31 March 2030: 08:00Z, then 07:00Z.
    let created = w
        .create(
            json!({ "start": "2030-03-18T09:00", "end": "2030-03-18T10:00",
            "recurrence": "FREQ=WEEKLY;COUNT=4" }),
        )
        .await;
    let series = s(&created["series"]["id"]).to_owned();
    assert_eq!(created["series"]["occurrenceCount"], 4, "{created:#}");
    assert_eq!(created["event"]["startsAt"], "2030-03-18T08:00:00+00:00");
    let berlin = w.occurrences(&series).await;
    assert_eq!(
        starts(&berlin),
        [
            "2030-03-18T08:00:00+00:00",
            "2030-03-25T08:00:00+00:00",
            "2030-04-01T07:00:00+00:00",
            "2030-04-08T07:00:00+00:00",
        ]
    );
    for o in &berlin {
        assert!(s(&o["localStart"]).ends_with("T09:00:00"), "{o:#}");
        assert_eq!(o["originalStartsAt"], o["startsAt"]);
        assert_eq!(o["moved"], false);
        assert_eq!(o["sequence"], 0);
        assert_eq!(o["series"]["id"], series.as_str());
        assert_eq!(o["hostOrganization"]["slug"], "acme");
    }

    // Weekly 09:00 in New York with UNTIL, over the change of 10 March 2030.
    let created = w
        .create(
            json!({ "start": "2030-03-04T09:00", "end": "2030-03-04T09:30",
            "timeZone": "America/New_York", "recurrence": "FREQ=WEEKLY;UNTIL=20300318T235959Z" }),
        )
        .await;
    let ny = w.occurrences(s(&created["series"]["id"])).await;
    assert_eq!(
        starts(&ny),
        [
            "2030-03-04T14:00:00+00:00",
            "2030-03-11T13:00:00+00:00",
            "2030-03-18T13:00:00+00:00",
        ]
    );
    assert_eq!(ny[1]["endsAt"], "2030-03-11T13:30:00+00:00");

    // An ambiguous local time (the repeated hour of 27 October 2030) takes the earlier instant.
    let created = w
        .create(json!({ "start": "2030-10-27T02:30", "end": "2030-10-27T03:30" }))
        .await;
    assert_eq!(created["event"]["startsAt"], "2030-10-27T00:30:00+00:00");

    // Move the second Berlin occurrence, cancel the third.
    let second = s(&berlin[1]["id"]).to_owned();
    let moved = w
        .ok(
            &w.alice,
            "updateEvent",
            json!({ "eventId": second, "start": "2030-03-26T10:00", "end": "2030-03-26T11:00" }),
            &format!("event {{ {EVENT} }}"),
        )
        .await;
    let m = &moved["event"];
    assert_eq!(m["startsAt"], "2030-03-26T09:00:00+00:00", "{m:#}");
    assert_eq!(m["originalStartsAt"], "2030-03-25T08:00:00+00:00");
    assert_eq!(m["moved"], true);
    assert_eq!(m["sequence"], 1);
    let third = s(&berlin[2]["id"]).to_owned();
    let cancelled = w
        .ok(
            &w.alice,
            "cancelEvent",
            json!({ "eventId": third, "reason": "Holiday" }),
            &format!("event {{ {EVENT} }}"),
        )
        .await;
    assert_eq!(cancelled["event"]["state"], "CANCELLED");
    assert_eq!(cancelled["event"]["cancelReason"], "Holiday");
    assert_eq!(cancelled["event"]["sequence"], 1);

    // A series edit changes the first and fourth, not the detached or the cancelled one.
    let edited = w
        .ok(
            &w.alice,
            "updateEventSeries",
            json!({ "seriesId": series, "title": "Weekly call (new)", "capacity": 30 }),
            "series { id title capacity }",
        )
        .await;
    assert_eq!(edited["series"]["title"], "Weekly call (new)");
    let after = w.occurrences(&series).await;
    let by_id = |id: &str| after.iter().find(|o| o["id"] == id).unwrap().clone();
    for (id, title, sequence) in [
        (s(&berlin[0]["id"]), "Weekly call (new)", 1),
        (second.as_str(), "Weekly call", 1),
        (third.as_str(), "Weekly call", 1),
        (s(&berlin[3]["id"]), "Weekly call (new)", 1),
    ] {
        let o = by_id(id);
        assert_eq!(o["title"], title, "{o:#}");
        assert_eq!(o["sequence"], sequence, "{o:#}");
    }
    assert_eq!(by_id(s(&berlin[3]["id"]))["capacity"], 30);
    assert_eq!(by_id(&third)["state"], "CANCELLED");

    // Cancelling the series cancels what has not started.
    let c = w
        .ok(
            &w.alice,
            "cancelEventSeries",
            json!({ "seriesId": series }),
            "series { state }",
        )
        .await;
    assert_eq!(c["series"]["state"], "CANCELLED");
    let after = w.occurrences(&series).await;
    assert!(
        after.iter().all(|o| o["state"] == "CANCELLED"),
        "{after:#?}"
    );
}
db_test!(
    series_follow_local_time_across_dst,
    series_follow_local_time_across_dst
);

async fn unbounded_series_roll_forward(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let w = World::new(&app).await;
    let start = (chrono::Utc::now() + chrono::Duration::days(1))
        .format("%Y-%m-%d")
        .to_string();
    let created = w
        .create(
            json!({ "start": format!("{start}T09:00"), "end": format!("{start}T10:00"),
            "timeZone": "UTC", "recurrence": "FREQ=WEEKLY" }),
        )
        .await;
    let series = s(&created["series"]["id"]).to_owned();
    let horizon = chrono::Utc::now() + chrono::Duration::days(400);
    let first = w.occurrences(&series).await;
    // 400 days hold 57 or 58 weekly starts from tomorrow on.
    assert!((57..=58).contains(&first.len()), "{}", first.len());
    let last: chrono::DateTime<chrono::Utc> =
        s(&first.last().unwrap()["startsAt"]).parse().unwrap();
    assert!(
        last <= horizon && last > horizon - chrono::Duration::days(7),
        "{last}"
    );
    assert_eq!(created["series"]["occurrenceCount"], first.len());

    // The hourly job, 70 days later: ten more weeks; running it again adds nothing.
    let later = chrono::Utc::now() + chrono::Duration::days(70);
    let added = api::service::event::extend_open_series(&app.db, later)
        .await
        .unwrap();
    assert!((9..=11).contains(&added), "{added}");
    let again = api::service::event::extend_open_series(&app.db, later)
        .await
        .unwrap();
    assert_eq!(again, 0);
    let total = w.event_count().await;
    assert_eq!(total as usize, first.len() + added as usize);
    let data = w
        .read(
            &w.alice,
            "query($id: ID!) { node(id: $id) { ... on EventSeries { occurrenceCount } } }",
            json!({ "id": series }),
        )
        .await;
    assert_eq!(data["node"]["occurrenceCount"], total);
}
db_test!(unbounded_series_roll_forward, unbounded_series_roll_forward);

async fn bad_rules_zones_and_times_write_nothing(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let w = World::new(&app).await;
    let base = json!({ "communityId": w.community_id, "title": "Weekly call", "kind": "FAMILIAR",
        "format": "ONLINE", "joinUrl": "https://meet.example/guild", "start": "2030-01-07T09:00",
        "end": "2030-01-07T10:00", "timeZone": "Europe/Berlin" });
    let cases: Vec<(&str, Value)> = vec![
        ("hourly", json!({ "recurrence": "FREQ=HOURLY;COUNT=3" })),
        ("too many", json!({ "recurrence": "FREQ=DAILY;COUNT=501" })),
        ("garbage", json!({ "recurrence": "EVERY TUESDAY" })),
        (
            "dtstart",
            json!({ "recurrence": "DTSTART:20300107T090000Z\nRRULE:FREQ=DAILY" }),
        ),
        ("zone", json!({ "timeZone": "Mars/Olympus_Mons" })),
        (
            "gap",
            json!({ "start": "2030-03-31T02:30", "end": "2030-03-31T03:30" }),
        ),
        ("reversed", json!({ "end": "2030-01-07T08:00" })),
        ("too long", json!({ "end": "2030-01-22T10:00" })),
        ("capacity", json!({ "capacity": 0 })),
        ("no url", json!({ "joinUrl": null })),
        ("ftp", json!({ "joinUrl": "ftp://files.example" })),
        ("no place", json!({ "format": "IN_PERSON" })),
        ("bad time", json!({ "start": "next monday" })),
    ];
    for (what, change) in cases {
        let mut input = base.clone();
        for (k, v) in change.as_object().unwrap() {
            input[k] = v.clone();
        }
        let codes = w
            .refused(&w.alice, "createEvent", input, "event { id }")
            .await;
        assert_eq!(codes, ["BAD_USER_INPUT"], "{what}");
    }
    assert_eq!(w.event_count().await, 0, "nothing written");
    let series = w
        .read(
            &w.alice,
            "query($id: ID!) { node(id: $id) { ... on Community { eventSeries { totalCount } } } }",
            json!({ "id": w.community_id }),
        )
        .await;
    assert_eq!(series["node"]["eventSeries"]["totalCount"], 0);
}
db_test!(
    bad_rules_zones_and_times_write_nothing,
    bad_rules_zones_and_times_write_nothing
);

/// A page of 20 events with the viewer's RSVP, host organization and creator runs as many
/// statements as a page of 5.
async fn event_pages_batch_their_lookups(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let w = World::new(&app).await;
    w.create(json!({ "recurrence": "FREQ=DAILY;COUNT=20" }))
        .await;
    let query = "query($id: ID!, $n: Int!) { node(id: $id) { ... on Community { events(first: $n) { nodes { id joinUrl viewerIsHost viewerRsvp { status } hostOrganization { slug } createdBy { id } community { id } series { id } } } } } }";
    let mut counts = vec![];
    for n in [5, 20] {
        let (reply, statements) = app
            .graphql_counted(
                Some(&w.erin.token),
                query,
                json!({ "id": w.community_id, "n": n }),
            )
            .await;
        reply.assert_ok();
        let nodes = reply.data("/node/events/nodes").as_array().unwrap().clone();
        assert_eq!(nodes.len(), n as usize);
        assert!(nodes
            .iter()
            .all(|e| e["joinUrl"] == "https://meet.example/guild"));
        counts.push(statements);
    }
    assert_eq!(
        counts[0], counts[1],
        "statements per page must not grow with its size"
    );
}
db_test!(
    event_pages_batch_their_lookups,
    event_pages_batch_their_lookups
);
