//! Attendance: the waitlist in order, promotion when a seat frees or capacity rises,
//! concurrent answers never overfilling, check-in windows and walk-ins, and who may do and
//! see what.

use super::world::{utc_local, World, EVENT};
use crate::common::*;
use crate::federation_journey::{actor, s, Actor};
use serde_json::{json, Value};

const RSVP: &str = "rsvp { id status waitlistPosition checkedInAt person { id } } \
    event { goingCount waitlistCount checkedInCount capacity }";

async fn answer(w: &World<'_>, who: &Actor, event: &str, response: &str) -> Value {
    w.ok(
        who,
        "rsvpEvent",
        json!({ "eventId": event, "response": response }),
        RSVP,
    )
    .await
}

/// The RSVPs of an event as alice lists them: (person id, status, waitlist position).
async fn rsvps(w: &World<'_>, event: &str) -> Vec<(String, String, Value)> {
    let data = w
        .read(
            &w.alice,
            "query($id: ID!) { node(id: $id) { ... on Event { rsvps(first: 100) { totalCount nodes { person { id } status waitlistPosition } } } } }",
            json!({ "id": event }),
        )
        .await;
    data["node"]["rsvps"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                s(&r["person"]["id"]).to_owned(),
                s(&r["status"]).to_owned(),
                r["waitlistPosition"].clone(),
            )
        })
        .collect()
}

fn status_of<'a>(list: &'a [(String, String, Value)], who: &Actor) -> (&'a str, &'a Value) {
    let r = list.iter().find(|r| r.0 == who.id).unwrap();
    (r.1.as_str(), &r.2)
}

async fn waitlist_promotes_in_order(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let w = World::new(&app).await;
    let e = w
        .create(json!({ "capacity": 2, "start": "2030-05-06T18:00", "end": "2030-05-06T20:00" }))
        .await;
    let event = s(&e["event"]["id"]).to_owned();
    for (who, status, position) in [
        (&w.bob, "GOING", Value::Null),
        (&w.erin, "GOING", Value::Null),
        (&w.gus, "WAITLISTED", json!(1)),
        (&w.alice, "WAITLISTED", json!(2)),
    ] {
        let r = answer(&w, who, &event, "GOING").await;
        assert_eq!(r["rsvp"]["status"], status, "{}: {r:#}", who.name);
        assert_eq!(r["rsvp"]["waitlistPosition"], position, "{}", who.name);
    }
    let list = rsvps(&w, &event).await;
    assert_eq!(list.len(), 4);
    let reply = w.event(&w.alice, &event).await;
    reply.assert_ok();
    assert_eq!(reply.data("/node/goingCount"), 2);
    assert_eq!(reply.data("/node/waitlistCount"), 2);
    // Answering GOING again changes nothing.
    let r = answer(&w, &w.gus, &event, "GOING").await;
    assert_eq!(r["rsvp"]["waitlistPosition"], 1);

    // bob declines: gus (first in line) gets the seat, alice moves up.
    let r = answer(&w, &w.bob, &event, "DECLINED").await;
    assert_eq!(r["rsvp"]["status"], "DECLINED");
    assert_eq!(r["event"]["goingCount"], 2);
    assert_eq!(r["event"]["waitlistCount"], 1);
    let list = rsvps(&w, &event).await;
    assert_eq!(status_of(&list, &w.gus), ("GOING", &Value::Null));
    assert_eq!(status_of(&list, &w.alice), ("WAITLISTED", &json!(1)));
    // bob changes his mind: the end of the line.
    let r = answer(&w, &w.bob, &event, "GOING").await;
    assert_eq!(r["rsvp"]["waitlistPosition"], 2, "{r:#}");

    // Raising the capacity promotes as many as there are new seats.
    let u = w
        .ok(
            &w.alice,
            "updateEvent",
            json!({ "eventId": event, "capacity": 3 }),
            &format!("event {{ {EVENT} }}"),
        )
        .await;
    assert_eq!(u["event"]["goingCount"], 3, "{u:#}");
    assert_eq!(u["event"]["waitlistCount"], 1);
    let list = rsvps(&w, &event).await;
    assert_eq!(status_of(&list, &w.alice), ("GOING", &Value::Null));
    assert_eq!(status_of(&list, &w.bob), ("WAITLISTED", &json!(1)));
    let r = answer(&w, &w.bob, &event, "MAYBE").await;
    assert_eq!(r["event"]["waitlistCount"], 0);
    assert_eq!(r["event"]["goingCount"], 3);
    // Lowering the capacity below the number going moves nobody.
    let u = w
        .ok(
            &w.alice,
            "updateEvent",
            json!({ "eventId": event, "capacity": 1 }),
            &format!("event {{ {EVENT} }}"),
        )
        .await;
    assert_eq!(u["event"]["goingCount"], 3);
    let going = w
        .read(
            &w.alice,
            "query($id: ID!) { node(id: $id) { ... on Event { rsvps(statuses: [GOING]) { totalCount } } } }",
            json!({ "id": event }),
        )
        .await;
    assert_eq!(going["node"]["rsvps"]["totalCount"], 3);

    // Who sees and does what.
    let nina = w.event(&w.nina, &event).await;
    nina.assert_ok();
    assert_eq!(nina.data("/node/id"), event.as_str(), "live for globex");
    assert!(
        nina.data("/node/joinUrl").is_null(),
        "not a member: no join URL"
    );
    let erin = w.event(&w.erin, &event).await;
    assert_eq!(erin.data("/node/joinUrl"), "https://meet.example/guild");
    assert_eq!(erin.data("/node/viewerRsvp/status"), "GOING");
    let codes = w
        .refused(
            &w.nina,
            "rsvpEvent",
            json!({ "eventId": event, "response": "GOING" }),
            RSVP,
        )
        .await;
    assert_eq!(codes, ["FORBIDDEN"], "non-members do not answer");
    let ivan = w.event(&w.ivan, &event).await;
    assert_eq!(
        ivan.codes(),
        ["NOT_FOUND"],
        "not live for initech: {:#}",
        ivan.body
    );
    let codes = w
        .refused(
            &w.ivan,
            "rsvpEvent",
            json!({ "eventId": event, "response": "GOING" }),
            RSVP,
        )
        .await;
    assert_eq!(codes, ["NOT_FOUND"]);
    let codes = w
        .refused(
            &w.bob,
            "updateEvent",
            json!({ "eventId": event, "title": "Mine now" }),
            "event { id }",
        )
        .await;
    assert_eq!(codes, ["FORBIDDEN"], "members do not host");
    let codes = w
        .refused(
            &w.bob,
            "cancelEvent",
            json!({ "eventId": event }),
            "event { id }",
        )
        .await;
    assert_eq!(codes, ["FORBIDDEN"]);
    // Check-in opens an hour before the start.
    let codes = w
        .refused(
            &w.alice,
            "checkInAttendee",
            json!({ "eventId": event, "personId": w.erin.id }),
            RSVP,
        )
        .await;
    assert_eq!(codes, ["BAD_USER_INPUT"], "too early to check in");
    // A cancelled event takes no answers.
    w.ok(
        &w.alice,
        "cancelEvent",
        json!({ "eventId": event }),
        "event { id }",
    )
    .await;
    let codes = w
        .refused(
            &w.erin,
            "rsvpEvent",
            json!({ "eventId": event, "response": "MAYBE" }),
            RSVP,
        )
        .await;
    assert_eq!(codes, ["BAD_USER_INPUT"]);
}
db_test!(waitlist_promotes_in_order, waitlist_promotes_in_order);

async fn check_in_window_and_walk_ins(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let w = World::new(&app).await;
    // Starts in 30 minutes: check-in is open.
    let e = w
        .create(json!({ "capacity": 1, "timeZone": "UTC", "start": utc_local(30), "end": utc_local(90) }))
        .await;
    let event = s(&e["event"]["id"]).to_owned();
    answer(&w, &w.bob, &event, "GOING").await;
    let r = answer(&w, &w.gus, &event, "GOING").await;
    assert_eq!(r["rsvp"]["status"], "WAITLISTED");
    // bob checks in as planned; erin walks in without an RSVP (over capacity); gus from the
    // waitlist.
    for (who, going, waiting, checked) in [(&w.bob, 1, 1, 1), (&w.erin, 2, 1, 2), (&w.gus, 3, 0, 3)]
    {
        let r = w
            .ok(
                &w.alice,
                "checkInAttendee",
                json!({ "eventId": event, "personId": who.id }),
                RSVP,
            )
            .await;
        assert_eq!(r["rsvp"]["status"], "GOING", "{}: {r:#}", who.name);
        assert!(r["rsvp"]["checkedInAt"].is_string());
        assert_eq!(r["event"]["goingCount"], going, "{}", who.name);
        assert_eq!(r["event"]["waitlistCount"], waiting);
        assert_eq!(r["event"]["checkedInCount"], checked);
    }
    // Checking in twice counts once.
    let r = w
        .ok(
            &w.alice,
            "checkInAttendee",
            json!({ "eventId": event, "personId": w.erin.id }),
            RSVP,
        )
        .await;
    assert_eq!(r["event"]["checkedInCount"], 3);
    let r = w
        .ok(
            &w.alice,
            "undoCheckIn",
            json!({ "eventId": event, "personId": w.erin.id }),
            RSVP,
        )
        .await;
    assert!(r["rsvp"]["checkedInAt"].is_null());
    assert_eq!(r["event"]["checkedInCount"], 2);
    let codes = w
        .refused(
            &w.alice,
            "undoCheckIn",
            json!({ "eventId": event, "personId": w.erin.id }),
            RSVP,
        )
        .await;
    assert_eq!(codes, ["BAD_USER_INPUT"], "not checked in");
    // Only members are checked in; only hosts check in.
    let codes = w
        .refused(
            &w.alice,
            "checkInAttendee",
            json!({ "eventId": event, "personId": w.nina.id }),
            RSVP,
        )
        .await;
    assert_eq!(codes, ["BAD_USER_INPUT"], "never joined");
    let codes = w
        .refused(
            &w.bob,
            "checkInAttendee",
            json!({ "eventId": event, "personId": w.erin.id }),
            RSVP,
        )
        .await;
    assert_eq!(codes, ["FORBIDDEN"]);
    let list = rsvps(&w, &event).await;
    assert_eq!(list.len(), 3);

    // Upcoming: for members of the community and those who answered, not others.
    let upcoming = "{ viewer { upcomingEvents(first: 10) { totalCount nodes { id } } } }";
    for (who, expected) in [(&w.erin, 1), (&w.bob, 1), (&w.nina, 0), (&w.ivan, 0)] {
        let data = w.read(who, upcoming, json!({})).await;
        let list = &data["viewer"]["upcomingEvents"];
        assert_eq!(list["totalCount"], expected, "{}: {list:#}", who.name);
        if expected == 1 {
            assert_eq!(list["nodes"][0]["id"], event.as_str());
        }
    }
}
db_test!(check_in_window_and_walk_ins, check_in_window_and_walk_ins);

async fn concurrent_answers_never_overfill(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let w = World::new(&app).await;
    let mut people = vec![];
    for i in 0..10 {
        let who = actor(
            &app,
            &w.acme,
            &format!("fan{i}"),
            &format!("Fan {i}"),
            false,
        )
        .await;
        w.join(&who).await;
        people.push(who);
    }
    let e = w.create(json!({ "capacity": 3 })).await;
    let event = s(&e["event"]["id"]).to_owned();
    let query = format!(
        "mutation($input: RsvpEventInput!) {{ rsvpEvent(input: $input) {{ {RSVP} userErrors {{ code }} }} }}"
    );
    let replies = futures_util::future::join_all(people.iter().map(|who| {
        app.graphql(
            Some(&who.token),
            &query,
            json!({ "input": { "eventId": event, "response": "GOING" } }),
        )
    }))
    .await;
    let mut going = 0;
    let mut waiting = 0;
    for reply in &replies {
        reply.assert_ok();
        match reply.data("/rsvpEvent/rsvp/status").as_str() {
            Some("GOING") => going += 1,
            Some("WAITLISTED") => waiting += 1,
            other => panic!("unexpected {other:?}: {:#}", reply.body),
        }
    }
    assert_eq!((going, waiting), (3, 7));
    let reply = w.event(&w.alice, &event).await;
    assert_eq!(reply.data("/node/goingCount"), 3);
    assert_eq!(reply.data("/node/waitlistCount"), 7);
    let mut positions: Vec<i64> = rsvps(&w, &event)
        .await
        .iter()
        .filter_map(|r| r.2.as_i64())
        .collect();
    positions.sort_unstable();
    assert_eq!(positions, (1..=7).collect::<Vec<_>>());
}
db_test!(
    concurrent_answers_never_overfill,
    concurrent_answers_never_overfill
);
