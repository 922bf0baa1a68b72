//! The culture side's domain events: events, series (one event per series change, not one
//! per occurrence), RSVPs with waitlist promotions, check-ins. Never a join URL.

use super::world::{named, recipients, World};
use crate::common::*;
use crate::federation_journey::{s, Actor};
use serde_json::{json, Value};

const EVENT: &str = "event { id } series { id }";
const RSVP: &str = "rsvp { id status } event { id }";

/// The local wall time `minutes` from now in UTC, as `YYYY-MM-DDTHH:MM`.
fn utc_local(minutes: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::minutes(minutes))
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

/// An ONLINE event of the guild created by alice: `input` merged over the defaults.
async fn create(w: &World<'_>, input: Value) -> Value {
    let mut base = json!({ "communityId": w.community_id, "title": "Weekly call",
        "description": "Bring questions", "kind": "FAMILIAR", "format": "ONLINE",
        "joinUrl": "https://meet.example/guild", "start": "2030-01-07T09:00",
        "end": "2030-01-07T10:00", "timeZone": "Europe/Berlin" });
    for (k, v) in input.as_object().unwrap() {
        base[k] = v.clone();
    }
    w.ok(&w.alice, "createEvent", base, EVENT).await
}

async fn answer(w: &World<'_>, who: &Actor, event: &str, response: &str) -> String {
    let input = json!({ "eventId": event, "response": response });
    let r = w.ok(who, "rsvpEvent", input, RSVP).await;
    s(&r["rsvp"]["id"]).to_owned()
}

async fn events_and_rsvps_are_told(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let w = World::new(&app).await;
    let (alice, bob, erin) = (&w.alice, &w.bob, &w.erin);

    // Scheduled: the public fields, never the join URL or the description.
    let e = create(&w, json!({ "capacity": 1 })).await;
    let event = s(&e["event"]["id"]).to_owned();
    assert_eq!(e["series"], json!(null));
    let told = w.told("EVENT_SCHEDULED", "Event", &event, alice).await;
    assert_eq!(told.data["title"], "Weekly call");
    assert_eq!(told.data["kind"], "FAMILIAR");
    assert_eq!(told.data["format"], "ONLINE");
    assert_eq!(told.data["startsAt"], "2030-01-07T08:00:00Z");
    assert_eq!(told.data["endsAt"], "2030-01-07T09:00:00Z");
    assert_eq!(told.data["state"], "SCHEDULED");
    assert_eq!(told.data["capacity"], 1);
    assert_eq!(told.data["goingCount"], 0);
    assert_eq!(told.data["waitlistCount"], 0);
    assert_eq!(told.data["seriesId"], json!(null));
    assert_eq!(recipients(&told), named(&[]));

    // RSVPs: GOING takes the seat, the next waits; answering as before is not told.
    let bobs = answer(&w, bob, &event, "GOING").await;
    let told = w.told("RSVP_CHANGED", "EventRsvp", &bobs, bob).await;
    assert_eq!(told.data["eventId"], event.as_str());
    assert_eq!(told.data["personId"], bob.id.as_str());
    assert_eq!(told.data["status"], "GOING");
    assert_eq!(told.data["waitlistPosition"], json!(null));
    assert_eq!(told.data["goingCount"], 1);
    let erins = answer(&w, erin, &event, "GOING").await;
    let told = w.told("RSVP_CHANGED", "EventRsvp", &erins, erin).await;
    assert_eq!(told.data["status"], "WAITLISTED");
    assert_eq!(told.data["waitlistPosition"], 1);
    assert_eq!(told.data["waitlistCount"], 1);
    w.untold(
        erin,
        "rsvpEvent",
        json!({ "eventId": event, "response": "GOING" }),
        RSVP,
    )
    .await;

    // Bob declines: his change, and erin's promotion, both by bob.
    answer(&w, bob, &event, "DECLINED").await;
    let mine = w.about("RSVP_CHANGED", &bobs).await;
    assert_eq!(mine.len(), 2);
    assert_eq!(mine[1].data["status"], "DECLINED");
    let promoted = w.about("RSVP_CHANGED", &erins).await;
    assert_eq!(promoted.len(), 2, "{promoted:#?}");
    assert_eq!(promoted[1].data["status"], "GOING");
    assert_eq!(promoted[1].data["waitlistPosition"], json!(null));
    assert_eq!(promoted[1].data["goingCount"], 1);
    assert_eq!(promoted[1].data["waitlistCount"], 0);
    assert_eq!(
        promoted[1].actor_person_id, mine[1].actor_person_id,
        "the promotion is told as bob's doing"
    );

    // Updated, then cancelled. Members may not change it, and writing nothing is told.
    let input = json!({ "eventId": event, "title": "Weekly sync", "capacity": 5 });
    w.ok(alice, "updateEvent", input, EVENT).await;
    let told = w.told("EVENT_UPDATED", "Event", &event, alice).await;
    assert_eq!(told.data["title"], "Weekly sync");
    assert_eq!(told.data["capacity"], 5);
    let codes = w
        .refused(
            bob,
            "updateEvent",
            json!({ "eventId": event, "title": "Mine" }),
            EVENT,
        )
        .await;
    assert_eq!(codes, ["FORBIDDEN"]);
    let input = json!({ "eventId": event, "reason": "Holiday" });
    w.ok(alice, "cancelEvent", input, "event { id }").await;
    let told = w.told("EVENT_CANCELLED", "Event", &event, alice).await;
    assert_eq!(told.data["state"], "CANCELLED");
    let codes = w
        .refused(
            bob,
            "rsvpEvent",
            json!({ "eventId": event, "response": "GOING" }),
            RSVP,
        )
        .await;
    assert_eq!(
        codes,
        ["BAD_USER_INPUT"],
        "a cancelled event takes no answers"
    );

    // Raising the capacity promotes the waitlist: one RSVP_CHANGED per promoted person.
    let e = create(&w, json!({ "capacity": 1, "title": "Small room" })).await;
    let small = s(&e["event"]["id"]).to_owned();
    answer(&w, bob, &small, "GOING").await;
    let erins = answer(&w, erin, &small, "GOING").await;
    let guss = answer(&w, &w.gus, &small, "GOING").await;
    let told = w.told("RSVP_CHANGED", "EventRsvp", &guss, &w.gus).await;
    assert_eq!(told.data["waitlistPosition"], 2);
    let input = json!({ "eventId": small, "capacity": 3 });
    w.ok(alice, "updateEvent", input, EVENT).await;
    for rsvp in [&erins, &guss] {
        let all = w.about("RSVP_CHANGED", rsvp).await;
        assert_eq!(all.len(), 2, "{all:#?}");
        assert_eq!(all[1].data["status"], "GOING");
        assert_eq!(
            all[1].actor_person_id,
            Some(super::world::uuid_of(&alice.id))
        );
    }

    // Check-in (open from an hour before the start): told once.
    let e = create(
        &w,
        json!({ "timeZone": "UTC", "start": utc_local(30), "end": utc_local(90) }),
    )
    .await;
    let now = s(&e["event"]["id"]).to_owned();
    let input = json!({ "eventId": now, "personId": erin.id });
    let r = w.ok(alice, "checkInAttendee", input.clone(), RSVP).await;
    let rsvp = s(&r["rsvp"]["id"]).to_owned();
    let told = w
        .told("ATTENDEE_CHECKED_IN", "EventRsvp", &rsvp, alice)
        .await;
    assert_eq!(told.data["personId"], erin.id.as_str());
    assert_eq!(told.data["status"], "GOING");
    assert!(told.data["checkedInAt"].is_string(), "{:#}", told.data);
    assert_eq!(told.data["goingCount"], 1);
    w.untold(alice, "checkInAttendee", input.clone(), RSVP)
        .await;
    w.untold(alice, "undoCheckIn", input, RSVP).await;
}
db_test!(events_and_rsvps, events_and_rsvps_are_told);

async fn a_series_is_told_once_per_change(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let w = World::new(&app).await;
    let alice = &w.alice;
    let before = w.count().await;
    let e = create(&w, json!({ "recurrence": "FREQ=WEEKLY;COUNT=4" })).await;
    let series = s(&e["series"]["id"]).to_owned();
    let first = s(&e["event"]["id"]).to_owned();
    assert_eq!(
        w.count().await,
        before + 1,
        "one event for the whole series"
    );
    let told = w
        .told("EVENT_SERIES_SCHEDULED", "EventSeries", &series, alice)
        .await;
    assert_eq!(told.data["title"], "Weekly call");
    assert!(
        s(&told.data["rule"]).starts_with("FREQ=WEEKLY;COUNT=4"),
        "{:#}",
        told.data
    );
    assert_eq!(told.data["occurrenceCount"], 4);
    assert_eq!(told.data["state"], "SCHEDULED");
    assert_eq!(told.data["firstOccurrenceId"], first.as_str());

    let input = json!({ "seriesId": series, "title": "Weekly sync",
        "joinUrl": "https://meet.example/other" });
    w.ok(alice, "updateEventSeries", input, "series { id }")
        .await;
    assert_eq!(w.count().await, before + 2);
    let told = w
        .told("EVENT_SERIES_UPDATED", "EventSeries", &series, alice)
        .await;
    assert_eq!(told.data["title"], "Weekly sync");

    let input = json!({ "seriesId": series });
    w.ok(alice, "cancelEventSeries", input.clone(), "series { id }")
        .await;
    assert_eq!(w.count().await, before + 3);
    let told = w
        .told("EVENT_SERIES_CANCELLED", "EventSeries", &series, alice)
        .await;
    assert_eq!(told.data["state"], "CANCELLED");
    assert!(w.about("EVENT_CANCELLED", &first).await.is_empty());
    let codes = w
        .refused(alice, "cancelEventSeries", input, "series { id }")
        .await;
    assert_eq!(codes, ["BAD_USER_INPUT"], "cancelled already");
}
db_test!(series, a_series_is_told_once_per_change);
