//! A webhook receiver on loopback for the tests: records every request (headers and body)
//! and answers as its policy says — by how many times it has seen the delivery id.

use hmac::{Hmac, Mac};
use serde_json::Value;
use sha2::Sha256;
use std::{
    collections::{BTreeMap, HashMap},
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};
use wiremock::{matchers::method, Mock, MockServer, Request, Respond, ResponseTemplate};

/// One request the receiver got.
#[derive(Debug, Clone)]
pub(crate) struct Received {
    pub delivery: String,
    pub attempt: String,
    pub event: String,
    pub webhook_id: String,
    pub signature: String,
    pub user_agent: String,
    pub content_type: String,
    pub body: String,
    /// The status it answered with (None: it never answered).
    pub answered: Option<u16>,
}

impl Received {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap()
    }

    pub fn succeeded(&self) -> bool {
        self.answered.is_some_and(|s| (200..300).contains(&s))
    }
}

/// How the receiver answers.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Answer {
    /// Always this status.
    Status(u16),
    /// 500 for the first `n` requests of each delivery id, then 200.
    FailFirst(usize),
    /// Never (holds the request open).
    Hang,
}

#[derive(Default)]
struct State {
    answer: Option<Answer>,
    received: Vec<Received>,
    seen: HashMap<String, usize>,
}

struct Recorder(Arc<Mutex<State>>);

fn header(request: &Request, name: &str) -> String {
    request
        .headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

impl Respond for Recorder {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let mut state = self.0.lock().unwrap();
        let delivery = header(request, "praxis-delivery");
        let seen = {
            let count = state.seen.entry(delivery.clone()).or_default();
            *count += 1;
            *count
        };
        let status = match state.answer.unwrap_or(Answer::Status(200)) {
            Answer::Status(status) => Some(status),
            Answer::FailFirst(n) if seen <= n => Some(500),
            Answer::FailFirst(_) => Some(200),
            Answer::Hang => None,
        };
        state.received.push(Received {
            delivery,
            attempt: header(request, "praxis-delivery-attempt"),
            event: header(request, "praxis-event"),
            webhook_id: header(request, "praxis-webhook-id"),
            signature: header(request, "praxis-signature"),
            user_agent: header(request, "user-agent"),
            content_type: header(request, "content-type"),
            body: String::from_utf8(request.body.clone()).unwrap(),
            answered: status,
        });
        match status {
            Some(status) => ResponseTemplate::new(status).set_body_string("receiver says hi"),
            None => ResponseTemplate::new(200).set_delay(Duration::from_secs(3600)),
        }
    }
}

pub(crate) struct Receiver {
    server: MockServer,
    state: Arc<Mutex<State>>,
}

impl Receiver {
    pub async fn start(answer: Answer) -> Receiver {
        let server = MockServer::start().await;
        let state = Arc::new(Mutex::new(State {
            answer: Some(answer),
            ..State::default()
        }));
        Mock::given(method("POST"))
            .respond_with(Recorder(state.clone()))
            .mount(&server)
            .await;
        Receiver { server, state }
    }

    /// The URL to register.
    pub fn url(&self) -> String {
        format!("{}/hook", self.server.uri())
    }

    pub fn answer(&self, answer: Answer) {
        self.state.lock().unwrap().answer = Some(answer);
    }

    /// Every request so far, in arrival order.
    pub fn received(&self) -> Vec<Received> {
        self.state.lock().unwrap().received.clone()
    }

    /// The requests by delivery id.
    pub fn by_delivery(&self) -> BTreeMap<String, Vec<Received>> {
        let mut grouped: BTreeMap<String, Vec<Received>> = BTreeMap::new();
        for r in self.received() {
            grouped.entry(r.delivery.clone()).or_default().push(r);
        }
        grouped
    }

    /// Delivery ids answered with a 2xx, in the order of their successful request.
    pub fn delivered(&self) -> Vec<Received> {
        self.received()
            .into_iter()
            .filter(|r| r.succeeded())
            .collect()
    }

    /// Waits until `done(requests)` holds (polling; fails after `limit`).
    pub async fn wait_for(&self, what: &str, limit: Duration, done: impl Fn(&[Received]) -> bool) {
        let started = Instant::now();
        loop {
            if done(&self.received()) {
                return;
            }
            assert!(
                started.elapsed() < limit,
                "receiver: {what} not within {limit:?}; got {:#?}",
                self.received()
                    .iter()
                    .map(|r| (&r.event, &r.delivery, &r.attempt, r.answered))
                    .collect::<Vec<_>>()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// Checks a `Praxis-Signature` independently of the server's code.
pub(crate) fn signature_verifies(secret: &str, header: &str, body: &str) -> bool {
    let mut t = None;
    let mut v1 = None;
    for part in header.split(',') {
        match part.split_once('=') {
            Some(("t", value)) => t = Some(value),
            Some(("v1", value)) => v1 = Some(value),
            _ => {}
        }
    }
    let (Some(t), Some(v1)) = (t, v1) else {
        return false;
    };
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{t}.{body}").as_bytes());
    let Ok(expected) = hex::decode(v1) else {
        return false;
    };
    mac.verify_slice(&expected).is_ok()
}
