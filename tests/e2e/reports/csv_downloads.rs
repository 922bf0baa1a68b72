//! The CSV downloads: the same figures as GraphQL, read back with the csv crate, and the
//! HTTP refusals.

use super::{
    q1,
    world::{gid, World},
};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::collections::HashMap;

/// `(section, subject, metric)` → value, and the story rows in order.
struct Csv {
    figures: HashMap<(String, String, String), String>,
    stories: Vec<(String, String, String)>,
}

impl Csv {
    fn get(&self, section: &str, subject: &str, metric: &str) -> &str {
        let key = (section.to_owned(), subject.to_owned(), metric.to_owned());
        self.figures
            .get(&key)
            .unwrap_or_else(|| panic!("no row {key:?} in {:#?}", self.figures))
    }

    fn number(&self, section: &str, subject: &str, metric: &str) -> f64 {
        self.get(section, subject, metric).parse().unwrap()
    }
}

async fn download(w: &World<'_>, who: Option<&str>, path: &str) -> reqwest::Response {
    let mut request = w.app.http.get(w.app.url(path));
    if let Some(who) = who {
        request = request.bearer_auth(w.token(who));
    }
    request.send().await.unwrap()
}

async fn csv(w: &World<'_>, who: &str, path: &str, filename: &str) -> Csv {
    let response = download(w, Some(who), path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    let headers = response.headers().clone();
    assert_eq!(headers["content-type"], "text/csv; charset=utf-8");
    assert_eq!(
        headers["content-disposition"],
        format!("attachment; filename=\"{filename}\"").as_str()
    );
    let body = response.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec!["section", "subject", "metric", "value"]
    );
    let mut out = Csv {
        figures: HashMap::new(),
        stories: vec![],
    };
    for record in reader.records() {
        let r = record.unwrap();
        let (section, subject, metric, value) = (&r[0], &r[1], &r[2], &r[3]);
        if section == "story" {
            out.stories
                .push((subject.to_owned(), metric.to_owned(), value.to_owned()));
        }
        let previous = out.figures.insert(
            (section.to_owned(), subject.to_owned(), metric.to_owned()),
            value.to_owned(),
        );
        assert!(
            previous.is_none(),
            "one row per figure: {section},{subject},{metric}"
        );
    }
    out
}

fn period() -> String {
    format!(
        "from={}&to={}",
        q1()["from"].as_str().unwrap(),
        q1()["to"].as_str().unwrap()
    )
}

pub async fn downloads(w: &World<'_>) {
    let guild = gid("Community", w.guild);
    let q = format!("query($id: ID!, $period: PeriodInput!) {{ node(id: $id) {{ ... on Community {{
        valueReport(period: $period) {{ {} storyCount stories {{ outcome }} }}
        rhythm(period: $period) {{ attendanceRate excitingShare attendees usualIntervalDays gaps {{ days }} }} }} }} }}",
        super::value::FIGURES);
    let g = w
        .data("alice", &q, json!({ "id": guild, "period": q1() }))
        .await;
    let (value, rhythm) = (&g["node"]["valueReport"], &g["node"]["rhythm"]);

    let c = csv(
        w,
        "alice",
        &format!("/reports/communities/{guild}/value.csv?{}", period()),
        "value.csv",
    )
    .await;
    let s = "Reliability Guild";
    for metric in [
        "contributors",
        "problemsPosted",
        "problemsSolved",
        "medianTimeToSolutionSeconds",
        "articlesPublished",
        "articleRevisions",
        "applicationsReported",
        "applicationsConfirmed",
        "hoursSaved",
        "eventsHeld",
        "familiarEvents",
        "excitingEvents",
        "attendances",
    ] {
        assert_eq!(
            c.number("value", s, metric),
            value[metric].as_f64().unwrap(),
            "{metric}"
        );
    }
    assert_eq!(c.get("value", s, "hoursSaved"), "24.50");
    assert_eq!(c.get("members", "globex Inc. / ACTIVE", "count"), "3");
    assert_eq!(c.get("members", "acme Inc. / CORE", "count"), "1");
    assert_eq!(c.get("benefits", "EUR", "money"), "2000.00");
    assert_eq!(c.get("benefits", "USD", "money"), "500.00");
    assert_eq!(
        c.number("stories", "all", "storyCount"),
        value["storyCount"].as_f64().unwrap()
    );
    let csv_outcomes: Vec<&str> = c
        .stories
        .iter()
        .filter(|(_, metric, _)| metric == "outcome")
        .map(|(_, _, v)| v.as_str())
        .collect();
    let gql_outcomes: Vec<&str> = value["stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(csv_outcomes, gql_outcomes);

    let c = csv(
        w,
        "alice",
        &format!("/reports/communities/{guild}/rhythm.csv?{}", period()),
        "rhythm.csv",
    )
    .await;
    for metric in [
        "attendanceRate",
        "excitingShare",
        "attendees",
        "usualIntervalDays",
    ] {
        assert_eq!(
            c.number("rhythm", s, metric),
            rhythm[metric].as_f64().unwrap(),
            "{metric}"
        );
    }
    assert_eq!(c.get("events", "2026-01", "familiar"), "3");
    assert_eq!(c.get("events", "2026-01", "exciting"), "1");
    assert_eq!(
        c.number(
            "gap",
            "2026-02-03T09:00:00+00:00/2026-03-10T09:00:00+00:00",
            "days"
        ),
        rhythm["gaps"][0]["days"].as_f64().unwrap()
    );

    let c = csv(
        w,
        "alice",
        &format!("/reports/communities/{guild}/leadership.csv"),
        "leadership.csv",
    )
    .await;
    assert_eq!(c.get("organization", "globex Inc.", "lacksLeader"), "true");
    assert_eq!(c.get("organization", "acme Inc.", "leaders"), "2");
    let c = csv(
        w,
        "alice",
        &format!("/reports/communities/{guild}/leadership.csv?threshold=6"),
        "leadership.csv",
    )
    .await;
    assert_eq!(c.get("organization", "globex Inc.", "lacksLeader"), "false");

    let globex = gid("Organization", w.globex.id);
    let c = csv(
        w,
        "gina",
        &format!("/reports/organizations/{globex}/value.csv?{}", period()),
        "value.csv",
    )
    .await;
    let org = "globex Inc.";
    assert_eq!(c.get("value", org, "hoursSaved"), "8.00");
    assert_eq!(c.get("value", org, "contributors"), "3");
    assert_eq!(c.get("gave", org, "ideasAccepted"), "2");
    assert_eq!(c.get("gave", org, "confirmationsGiven"), "1");
    assert_eq!(c.get("got", org, "problemsSolved"), "1");
    assert_eq!(c.get("got", "USD", "money"), "500.00");
    assert_eq!(c.get("community", "Quality Circle", "problemsPosted"), "1");
    assert_eq!(c.get("community", "Reliability Guild", "attendances"), "4");
    let c = csv(
        w,
        "gina",
        &format!("/reports/organizations/{globex}/leadership.csv"),
        "leadership.csv",
    )
    .await;
    assert_eq!(
        c.get("community", "Reliability Guild", "lacksLeader"),
        "true"
    );
    assert_eq!(
        c.get("leaders", "Quality Circle / COORDINATOR / FORMAL", "count"),
        "1"
    );

    let acme = gid("Organization", w.acme.id);
    let path = format!(
        "/reports/organizations/{acme}/business-units/Plant%20Lyon/value.csv?{}",
        period()
    );
    let c = csv(w, "alice", &path, "business-unit-value.csv").await;
    assert_eq!(c.get("value", "Plant Lyon", "applicationsReported"), "2");
    assert_eq!(
        c.get("value", "Plant Lyon", "medianTimeToSolutionSeconds"),
        "1080000"
    );
    assert_eq!(c.get("benefits", "EUR", "money"), "200.00");
    let path = format!(
        "/reports/organizations/{acme}/business-units/treasury/value.csv?{}",
        period()
    );
    let c = csv(w, "dan", &path, "business-unit-value.csv").await;
    assert_eq!(c.get("value", "treasury", "hoursSaved"), "13.50");

    let c = csv(
        w,
        "alice",
        &format!("/reports/communities/{guild}/health.csv"),
        "health.csv",
    )
    .await;
    assert_eq!(c.get("health", s, "activeMembers"), "9");
}

async fn refused(response: reqwest::Response, status: StatusCode, code: &str) {
    assert_eq!(response.status(), status);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["code"], code, "{body}");
}

pub async fn refusals(w: &World<'_>) {
    let guild = gid("Community", w.guild);
    let path = format!("/reports/communities/{guild}/value.csv?{}", period());
    refused(
        download(w, None, &path).await,
        StatusCode::UNAUTHORIZED,
        "UNAUTHENTICATED",
    )
    .await;
    refused(
        download(w, Some("nia"), &path).await,
        StatusCode::NOT_FOUND,
        "NOT_FOUND",
    )
    .await;
    let garbled = "/reports/communities/not-an-id/health.csv";
    refused(
        download(w, Some("alice"), garbled).await,
        StatusCode::NOT_FOUND,
        "NOT_FOUND",
    )
    .await;
    for query in [
        "from=2026-03-01&to=2026-02-01",
        "from=2026-01-01&to=2029-01-05",
        "from=yesterday&to=2026-01-01",
        "to=2026-01-01",
    ] {
        let path = format!("/reports/communities/{guild}/rhythm.csv?{query}");
        refused(
            download(w, Some("alice"), &path).await,
            StatusCode::BAD_REQUEST,
            "BAD_USER_INPUT",
        )
        .await;
    }
    let acme = gid("Organization", w.acme.id);
    let path = format!(
        "/reports/organizations/{acme}/business-units/Plant%20Lyon/value.csv?{}",
        period()
    );
    refused(
        download(w, Some("dan"), &path).await,
        StatusCode::FORBIDDEN,
        "FORBIDDEN",
    )
    .await;
    let path = format!("/reports/organizations/{acme}/leadership.csv");
    refused(
        download(w, Some("dan"), &path).await,
        StatusCode::FORBIDDEN,
        "FORBIDDEN",
    )
    .await;
}
