//! A graphql-transport-ws client for the tests: connects, acknowledges, subscribes and reads
//! the payloads of one operation at a time.

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use std::{collections::HashMap, time::Duration};
use tokio_tungstenite::tungstenite::{client::IntoClientRequest, Message};

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

pub(crate) struct Subscriber {
    socket: Socket,
    /// Messages read for operations other than the one asked for.
    pending: HashMap<String, Vec<Value>>,
}

impl Subscriber {
    /// Connects to `addr` (host:port) and completes `connection_init` with `token`.
    pub async fn connect(addr: &str, token: &str) -> Subscriber {
        let mut request = format!("ws://{addr}/graphql")
            .into_client_request()
            .unwrap();
        request.headers_mut().insert(
            "Sec-WebSocket-Protocol",
            "graphql-transport-ws".parse().unwrap(),
        );
        let (socket, _) = tokio_tungstenite::connect_async(request).await.unwrap();
        let mut subscriber = Subscriber {
            socket,
            pending: HashMap::new(),
        };
        subscriber
            .send(json!({ "type": "connection_init", "payload": { "Authorization": format!("Bearer {token}") } }))
            .await;
        let ack = subscriber.read().await.expect("connection_ack");
        assert_eq!(ack["type"], "connection_ack", "{ack:#}");
        subscriber
    }

    async fn send(&mut self, value: Value) {
        self.socket
            .send(Message::Text(value.to_string().into()))
            .await
            .unwrap();
    }

    /// The next protocol message (pings answered), None when the socket closed.
    async fn read(&mut self) -> Option<Value> {
        loop {
            let message = tokio::time::timeout(Duration::from_secs(20), self.socket.next())
                .await
                .expect("no message within 20 s")?
                .ok()?;
            match message {
                Message::Text(text) => {
                    let value: Value = serde_json::from_str(&text).unwrap();
                    if value["type"] == "ping" {
                        self.send(json!({ "type": "pong" })).await;
                        continue;
                    }
                    return Some(value);
                }
                Message::Close(frame) => panic!("socket closed: {frame:?}"),
                _ => continue,
            }
        }
    }

    /// Every message that arrives within `wait` (for failure reports).
    pub async fn drain(&mut self, wait: Duration) -> Vec<Value> {
        let mut all: Vec<Value> = self.pending.drain().flat_map(|(_, v)| v).collect();
        while let Ok(Some(Ok(Message::Text(text)))) =
            tokio::time::timeout(wait, self.socket.next()).await
        {
            all.push(serde_json::from_str(&text).unwrap_or_default());
        }
        all
    }

    /// Starts operation `id`.
    pub async fn subscribe(&mut self, id: &str, query: &str, variables: Value) {
        self.start(id, json!({ "query": query, "variables": variables }))
            .await;
    }

    /// Starts operation `id` with a payload of any shape (`extensions` alone, say).
    pub async fn start(&mut self, id: &str, payload: Value) {
        self.send(json!({ "id": id, "type": "subscribe", "payload": payload }))
            .await;
    }

    /// Runs a query or mutation: its `next` payload (then checks its `complete`), or the
    /// payload of its `error`.
    pub async fn run(&mut self, id: &str, payload: Value) -> Result<Value, Value> {
        self.start(id, payload).await;
        let first = self.message(id).await;
        match first["type"].as_str() {
            Some("next") => {
                let complete = self.message(id).await;
                assert_eq!(complete["type"], "complete", "{complete:#}");
                Ok(first["payload"].clone())
            }
            Some("error") => Err(first["payload"].clone()),
            _ => panic!("unexpected message {first:#}"),
        }
    }

    /// The next message of operation `id` (`next`, `error` or `complete`).
    pub async fn message(&mut self, id: &str) -> Value {
        if let Some(queue) = self.pending.get_mut(id) {
            if !queue.is_empty() {
                return queue.remove(0);
            }
        }
        loop {
            let message = self.read().await.expect("socket ended");
            if message["id"] == id {
                return message;
            }
            let other = message["id"].as_str().unwrap_or_default().to_owned();
            self.pending.entry(other).or_default().push(message);
        }
    }

    /// The data of the next `next` of operation `id` (panics on anything else).
    pub async fn next_data(&mut self, id: &str) -> Value {
        let message = self.message(id).await;
        assert_eq!(message["type"], "next", "{message:#}");
        assert!(
            message["payload"]["errors"].is_null(),
            "errors in {message:#}"
        );
        message["payload"]["data"].clone()
    }

    /// The next `error` (or `next` with errors) of any operation: its id and codes.
    pub async fn next_error(&mut self) -> (String, Vec<String>) {
        loop {
            let message = self.read().await.expect("socket ended");
            let errors = match message["type"].as_str() {
                Some("error") => message["payload"].clone(),
                Some("next") if !message["payload"]["errors"].is_null() => {
                    message["payload"]["errors"].clone()
                }
                Some("complete") => continue,
                _ => panic!("expected an error: {message:#}"),
            };
            let codes = errors
                .as_array()
                .into_iter()
                .flatten()
                .map(|e| {
                    e["extensions"]["code"]
                        .as_str()
                        .unwrap_or_default()
                        .to_owned()
                })
                .collect();
            return (message["id"].as_str().unwrap_or_default().to_owned(), codes);
        }
    }

    /// The next `next` of any operation: its id and data (completions of refused operations
    /// are skipped; an error is a failure here).
    pub async fn next_any(&mut self) -> (String, Value) {
        let mut message = self.read().await.expect("socket ended");
        while message["type"] == "complete" {
            message = self.read().await.expect("socket ended");
        }
        assert_eq!(message["type"], "next", "{message:#}");
        assert!(message["payload"]["errors"].is_null(), "{message:#}");
        (
            message["id"].as_str().unwrap_or_default().to_owned(),
            message["payload"]["data"].clone(),
        )
    }

    /// The error codes the operation `id` ended with.
    pub async fn error_codes(&mut self, id: &str) -> Vec<String> {
        let message = self.message(id).await;
        let errors = match message["type"].as_str() {
            Some("error") => message["payload"].clone(),
            Some("next") => message["payload"]["errors"].clone(),
            _ => panic!("expected an error: {message:#}"),
        };
        errors
            .as_array()
            .unwrap_or_else(|| panic!("no errors in {message:#}"))
            .iter()
            .map(|e| {
                e["extensions"]["code"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect()
    }
}

/// A community-activity subscription's selection.
pub(crate) const ACTIVITY: &str = "subscription($id: ID!, $types: [DomainEventType!]) { \
    communityActivity(communityId: $id, types: $types) { id type position actorName \
    community { slug } subjectType subjectId data \
    subject { id ... on Problem { title } ... on Idea { body } } } }";

pub(crate) const NOTIFICATIONS: &str = "subscription { notifications { reason event { \
    type actorName subjectId subject { id ... on Idea { body } ... on Membership { status } } } } }";

pub(crate) const FEED: &str =
    "subscription($id: ID!, $after: Int) { organizationFeed(organizationId: $id, after: $after) { \
    type position actorName subjectType organizations { slug } data } }";
