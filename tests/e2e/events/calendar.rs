//! Calendar feeds over HTTP, read back with two independent parsers (`ical` and
//! `icalendar`'s): one VEVENT per event, UIDs, UTC starts, cancelled and moved occurrences,
//! join URLs only for members, rotation and revocation, and communities not live for the
//! token's person.

use super::world::{World, EVENT};
use crate::common::*;
use crate::federation_journey::{s, Actor};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

/// A VEVENT as a map of property name to value (the first of each).
type VEvent = BTreeMap<String, String>;

fn ical_date(rfc3339: &str) -> String {
    let at: chrono::DateTime<chrono::Utc> = rfc3339.parse().unwrap();
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Fetches a feed: status, and the body.
async fn fetch(app: &TestApp, url: &str) -> (reqwest::StatusCode, String, String) {
    let response = app.http.get(url).send().await.unwrap();
    let status = response.status();
    let kind = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, kind, response.text().await.unwrap())
}

/// Parses a feed with `ical` (and checks `icalendar` agrees on the VEVENT count).
fn parse(body: &str) -> (String, Vec<VEvent>) {
    let mut calendars = ical::IcalParser::new(std::io::BufReader::new(body.as_bytes()));
    let calendar = calendars.next().expect("one calendar").expect("parses");
    assert!(calendars.next().is_none());
    let name = calendar
        .properties
        .iter()
        .find(|p| p.name == "X-WR-CALNAME")
        .and_then(|p| p.value.clone())
        .unwrap_or_default();
    let events: Vec<VEvent> = calendar
        .events
        .iter()
        .map(|e| {
            let mut map = VEvent::new();
            for p in &e.properties {
                map.entry(p.name.clone())
                    .or_insert_with(|| p.value.clone().unwrap_or_default());
            }
            map
        })
        .collect();
    let unfolded = icalendar::parser::unfold(body);
    let other = icalendar::parser::read_calendar(&unfolded).expect("icalendar parses it");
    let vevents: usize = other
        .components
        .iter()
        .flat_map(|c| std::iter::once(c).chain(c.components.iter()))
        .filter(|c| c.name == "VEVENT")
        .count();
    assert_eq!(vevents, events.len(), "both parsers see the same events");
    for component in other
        .components
        .iter()
        .flat_map(|c| std::iter::once(c).chain(c.components.iter()))
    {
        if component.name == "VEVENT" {
            assert!(component.properties.iter().any(|p| p.name == "DTSTAMP"));
        }
    }
    (name, events)
}

async fn rotate_call(app: &TestApp, who: &Actor, field: &str) -> Value {
    let query = format!("mutation {{ {field} {{ calendarFeed {{ createdAt lastUsedAt }} personalFeedUrl communityFeedUrls {{ community {{ id }} url }} userErrors {{ code }} }} }}");
    let reply = app.graphql(Some(&who.token), &query, json!({})).await;
    reply.assert_ok();
    reply.data(&format!("/{field}")).clone()
}

async fn feeds_round_trip(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let w = World::new(&app).await;
    let day = |d: i64| {
        (chrono::Utc::now() + chrono::Duration::days(d))
            .format("%Y-%m-%d")
            .to_string()
    };
    let created = w
        .create(
            json!({ "start": format!("{}T09:00", day(3)), "end": format!("{}T10:00", day(3)),
            "recurrence": "FREQ=WEEKLY;COUNT=3" }),
        )
        .await;
    let series = s(&created["series"]["id"]).to_owned();
    let workshop = w
        .create(json!({ "title": "Workshop", "kind": "EXCITING", "format": "IN_PERSON", "joinUrl": null,
            "place": "Room 4.2", "start": format!("{}T13:00", day(5)), "end": format!("{}T17:00", day(5)) }))
        .await;
    let occurrences = w.occurrences(&series).await;
    let moved = w
        .ok(&w.alice, "updateEvent",
            json!({ "eventId": occurrences[1]["id"], "start": format!("{}T11:00", day(10)), "end": format!("{}T12:00", day(10)) }),
            &format!("event {{ {EVENT} }}"))
        .await["event"]
        .clone();
    let cancelled = w
        .ok(
            &w.alice,
            "cancelEvent",
            json!({ "eventId": occurrences[2]["id"] }),
            &format!("event {{ {EVENT} }}"),
        )
        .await["event"]
        .clone();
    let mut expected: BTreeMap<String, Value> = BTreeMap::new();
    for e in [
        occurrences[0].clone(),
        moved.clone(),
        cancelled.clone(),
        workshop["event"].clone(),
    ] {
        expected.insert(format!("{}@praxis", s(&e["id"])), e);
    }

    // erin, a globex member: her feed and the guild's.
    let feed = rotate_call(&app, &w.erin, "rotateCalendarFeed").await;
    let personal = s(&feed["personalFeedUrl"]).to_owned();
    assert!(
        personal.starts_with(&format!("http://{}/calendar/pxc_", app.addr)),
        "{personal}"
    );
    assert!(personal.ends_with(".ics"));
    let community_urls = feed["communityFeedUrls"].as_array().unwrap();
    assert_eq!(community_urls.len(), 1, "{feed:#}");
    assert_eq!(
        community_urls[0]["community"]["id"],
        w.community_id.as_str()
    );
    let community_url = s(&community_urls[0]["url"]).to_owned();
    for url in [&personal, &community_url] {
        let (status, kind, body) = fetch(&app, url).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(kind, "text/calendar; charset=utf-8");
        let (name, events) = parse(&body);
        assert!(!name.is_empty());
        let uids: BTreeSet<String> = events.iter().map(|e| e["UID"].clone()).collect();
        assert_eq!(
            uids,
            expected.keys().cloned().collect::<BTreeSet<_>>(),
            "{body}"
        );
        for e in &events {
            let x = &expected[&e["UID"]];
            assert_eq!(e["DTSTART"], ical_date(s(&x["startsAt"])), "{e:?}");
            assert_eq!(e["DTEND"], ical_date(s(&x["endsAt"])));
            assert_eq!(e["SEQUENCE"], x["sequence"].to_string());
            assert_eq!(e["SUMMARY"], s(&x["title"]));
            assert_eq!(e["CATEGORIES"], s(&x["kind"]));
            let status = if x["state"] == "CANCELLED" {
                "CANCELLED"
            } else {
                "CONFIRMED"
            };
            assert_eq!(e["STATUS"], status);
            match x["originalStartsAt"].as_str() {
                Some(original) => assert_eq!(e["RECURRENCE-ID"], ical_date(original)),
                None => assert!(!e.contains_key("RECURRENCE-ID")),
            }
            match x["joinUrl"].as_str() {
                Some(url) => {
                    assert_eq!(e["URL"], url, "a member's feed carries the join URL");
                    assert_eq!(e["LOCATION"], url);
                }
                None => {
                    assert!(!e.contains_key("URL"));
                    assert_eq!(e["LOCATION"], "Room 4.2");
                }
            }
        }
        let moved_uid = format!("{}@praxis", s(&moved["id"]));
        let m = events.iter().find(|e| e["UID"] == moved_uid).unwrap();
        assert_ne!(
            m["RECURRENCE-ID"], m["DTSTART"],
            "the moved occurrence keeps its original"
        );
    }
    let v = w
        .read(
            &w.erin,
            "{ viewer { calendarFeed { lastUsedAt } } }",
            json!({}),
        )
        .await;
    assert!(
        v["viewer"]["calendarFeed"]["lastUsedAt"].is_string(),
        "{v:#}"
    );

    // nina (globex, not a member): nothing in her own feed; the guild's without join URLs.
    let feed = rotate_call(&app, &w.nina, "rotateCalendarFeed").await;
    assert!(feed["communityFeedUrls"].as_array().unwrap().is_empty());
    let (status, _, body) = fetch(&app, s(&feed["personalFeedUrl"])).await;
    assert_eq!(status, 200);
    assert!(parse(&body).1.is_empty(), "{body}");
    let nina_token = s(&feed["personalFeedUrl"])
        .rsplit('/')
        .next()
        .unwrap()
        .trim_end_matches(".ics")
        .to_owned();
    let url = app.url(&format!(
        "/calendar/{nina_token}/communities/{}.ics",
        w.community_id
    ));
    let (status, _, body) = fetch(&app, &url).await;
    assert_eq!(status, 200, "{body}");
    let (_, events) = parse(&body);
    assert_eq!(events.len(), 4);
    assert!(
        events.iter().all(|e| !e.contains_key("URL")),
        "no join URL for non-members: {body}"
    );
    assert!(!body.contains("meet.example"), "{body}");

    // ivan (initech): the guild is not live for him: 404 like an unknown community.
    let feed = rotate_call(&app, &w.ivan, "rotateCalendarFeed").await;
    let ivan_token = s(&feed["personalFeedUrl"])
        .rsplit('/')
        .next()
        .unwrap()
        .trim_end_matches(".ics")
        .to_owned();
    for community in [
        w.community_id.as_str(),
        "Q29tbXVuaXR5OjAxOTAwMDAwLTAwMDAtNzAwMC04MDAwLTAwMDAwMDAwMDAwMA",
        "garbage",
    ] {
        let url = app.url(&format!(
            "/calendar/{ivan_token}/communities/{community}.ics"
        ));
        let response = app.http.get(&url).send().await.unwrap();
        assert_eq!(response.status(), 404, "{community}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["errors"][0]["extensions"]["code"], "NOT_FOUND");
    }

    // Rotation makes the old URL fail at once; revocation the new one.
    let again = rotate_call(&app, &w.erin, "rotateCalendarFeed").await;
    assert_eq!(fetch(&app, &personal).await.0, 404);
    assert_eq!(fetch(&app, &community_url).await.0, 404);
    let fresh = s(&again["personalFeedUrl"]).to_owned();
    assert_ne!(fresh, personal);
    assert_eq!(fetch(&app, &fresh).await.0, 200);
    let revoked = rotate_call(&app, &w.erin, "revokeCalendarFeed").await;
    assert!(revoked["calendarFeed"].is_object());
    assert_eq!(fetch(&app, &fresh).await.0, 404);
    assert_eq!(
        fetch(&app, &app.url("/calendar/pxc_unknown.ics")).await.0,
        404
    );
    let v = w
        .read(
            &w.erin,
            "{ viewer { calendarFeed { createdAt } } }",
            json!({}),
        )
        .await;
    assert!(v["viewer"]["calendarFeed"].is_null());
}
db_test!(feeds_round_trip, feeds_round_trip);

/// Feed URLs use `--public-url` when it is set.
async fn feed_urls_use_the_public_url(backend: Backend) {
    let Some(app) = spawn_app_with(backend, &["--public-url", "https://praxis.example/base"]).await
    else {
        return;
    };
    let w = World::new(&app).await;
    let feed = rotate_call(&app, &w.erin, "rotateCalendarFeed").await;
    let url = s(&feed["personalFeedUrl"]);
    assert!(
        url.starts_with("https://praxis.example/base/calendar/pxc_"),
        "{url}"
    );
    let path = url.trim_start_matches("https://praxis.example/base");
    assert_eq!(fetch(&app, &app.url(path)).await.0, 200);
}
db_test!(feed_urls_use_the_public_url, feed_urls_use_the_public_url);
