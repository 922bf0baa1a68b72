//! graphql-transport-ws on /graphql and /graphql/ws: the token comes in `connection_init`;
//! operations run as the viewer it names; every protocol violation closes the socket with
//! the code the protocol names for it (docs/REALTIME.md, "The WebSocket protocol").

use crate::common::*;
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use std::{collections::HashMap, time::Duration};
use tokio::time::Instant;
use tokio_tungstenite::tungstenite::{
    client::IntoClientRequest, handshake::client::Response, protocol::frame::coding::CloseCode,
    Message,
};

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// How long any one expected frame may take before the test fails.
const PATIENCE: Duration = Duration::from_secs(10);

async fn open(
    app: &TestApp,
    path: &str,
    protocol: Option<&str>,
    authorization: Option<&str>,
) -> Result<(Socket, Response), tokio_tungstenite::tungstenite::Error> {
    let mut request = format!("ws://{}{path}", app.addr)
        .into_client_request()
        .unwrap();
    if let Some(protocol) = protocol {
        request
            .headers_mut()
            .insert("Sec-WebSocket-Protocol", protocol.parse().unwrap());
    }
    if let Some(authorization) = authorization {
        request
            .headers_mut()
            .insert("Authorization", authorization.parse().unwrap());
    }
    tokio_tungstenite::connect_async(request).await
}

/// A socket speaking graphql-transport-ws (the server must echo the subprotocol).
async fn connect(app: &TestApp, path: &str) -> Socket {
    let (socket, response) = open(app, path, Some("graphql-transport-ws"), None)
        .await
        .unwrap();
    assert_eq!(
        response
            .headers()
            .get("sec-websocket-protocol")
            .map(|v| v.to_str().unwrap()),
        Some("graphql-transport-ws")
    );
    socket
}

/// A socket on `path` whose connection is acknowledged for `token`.
async fn connect_at(app: &TestApp, path: &str, token: &str) -> Socket {
    let mut socket = connect(app, path).await;
    send(
        &mut socket,
        json!({ "type": "connection_init", "payload": { "Authorization": format!("Bearer {token}") } }),
    )
    .await;
    assert_eq!(recv(&mut socket).await, json!({ "type": "connection_ack" }));
    socket
}

async fn connect_as(app: &TestApp, token: &str) -> Socket {
    connect_at(app, "/graphql", token).await
}

/// The next frame that is not a WebSocket-level ping or pong.
async fn next_frame(socket: &mut Socket) -> Message {
    loop {
        let message = tokio::time::timeout(PATIENCE, socket.next())
            .await
            .expect("no message within the patience")
            .expect("socket ended")
            .unwrap();
        if !matches!(message, Message::Ping(_) | Message::Pong(_)) {
            return message;
        }
    }
}

/// The next protocol message.
async fn recv(socket: &mut Socket) -> Value {
    match next_frame(socket).await {
        Message::Text(text) => serde_json::from_str(&text).unwrap(),
        other => panic!("expected a text message, got {other:?}"),
    }
}

/// The next protocol message, if one comes within `wait` (for polling, never an assertion).
async fn try_recv(socket: &mut Socket, wait: Duration) -> Option<Value> {
    match tokio::time::timeout(wait, next_frame(socket)).await {
        Ok(Message::Text(text)) => Some(serde_json::from_str(&text).unwrap()),
        Ok(other) => panic!("expected a text message, got {other:?}"),
        Err(_) => None,
    }
}

async fn send(socket: &mut Socket, value: Value) {
    socket
        .send(Message::Text(value.to_string().into()))
        .await
        .unwrap();
}

async fn send_text(socket: &mut Socket, text: &str) {
    socket.send(Message::Text(text.into())).await.unwrap();
}

/// Reads until the server's close frame, skipping the messages `skip` allows; its code and
/// reason.
async fn closed(socket: &mut Socket, skip: impl Fn(&Value) -> bool) -> (u16, String) {
    loop {
        match next_frame(socket).await {
            Message::Close(Some(frame)) => {
                return (u16::from(frame.code), frame.reason.to_string())
            }
            Message::Text(text) => {
                let message: Value = serde_json::from_str(&text).unwrap();
                assert!(skip(&message), "expected a close frame, got {message}");
            }
            other => panic!("expected a close frame, got {other:?}"),
        }
    }
}

async fn close_code(socket: &mut Socket) -> (u16, String) {
    closed(socket, |_| false).await
}

fn subscribe(id: &str, query: &str, variables: Value) -> Value {
    json!({ "id": id, "type": "subscribe", "payload": { "query": query, "variables": variables } })
}

const NOTIFICATIONS: &str = "subscription { notifications { reason } }";

async fn websocket(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let alice = acme.token("alice", json!({}));

    for path in ["/graphql", "/graphql/ws"] {
        let mut socket = connect_at(&app, path, &alice).await;
        send(
            &mut socket,
            subscribe("1", "{ viewer { organization { slug } } }", json!({})),
        )
        .await;
        let next = recv(&mut socket).await;
        assert_eq!(next["type"], "next", "{next:#}");
        assert_eq!(next["id"], "1");
        assert_eq!(
            next["payload"]["data"]["viewer"]["organization"]["slug"],
            "acme"
        );
        assert_eq!(
            recv(&mut socket).await,
            json!({ "id": "1", "type": "complete" })
        );
    }
    let mut socket = connect(&app, "/graphql/ws").await;
    send(
        &mut socket,
        json!({ "type": "connection_init", "payload": { "token": alice } }),
    )
    .await;
    assert_eq!(
        recv(&mut socket).await["type"],
        "connection_ack",
        "a bare token under `token`"
    );

    // Without a token in the payload, the upgrade request's Authorization header counts.
    let (mut socket, _) = open(
        &app,
        "/graphql",
        Some("graphql-transport-ws"),
        Some(&format!("Bearer {}", acme.token("bob", json!({})))),
    )
    .await
    .unwrap();
    send(&mut socket, json!({ "type": "connection_init" })).await;
    assert_eq!(recv(&mut socket).await["type"], "connection_ack");
    send(
        &mut socket,
        subscribe("me", "{ viewer { person { displayName } } }", json!({})),
    )
    .await;
    let next = recv(&mut socket).await;
    assert!(next["payload"]["errors"].is_null(), "{next:#}");

    // A refused token closes the connection with 4403 and no ack; so does a missing one.
    for (payload, reason) in [
        (
            json!({ "Authorization": "Bearer garbage" }),
            "TOKEN_MALFORMED",
        ),
        (json!({}), "TOKEN_MISSING"),
        (
            json!({ "Authorization": format!("Bearer {}", acme.token("eve", json!({ "exp": now() - 3600 }))) }),
            "TOKEN_EXPIRED",
        ),
    ] {
        let mut socket = connect(&app, "/graphql").await;
        send(
            &mut socket,
            json!({ "type": "connection_init", "payload": payload }),
        )
        .await;
        let (code, text) = close_code(&mut socket).await;
        assert_eq!(code, 4403, "{text}");
        assert!(text.starts_with(reason), "{text}");
        assert!(text.contains("token"), "{text}");
    }
}
db_test!(
    subscriptions_socket_authenticates_in_connection_init,
    websocket
);

async fn protocol_violations(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let alice = acme.token("alice", json!({}));

    // 4400: not JSON; a type the protocol does not know; a subscribe without an id; a
    // payload that is not an object; a binary frame. Before and after the ack alike.
    let mut socket = connect(&app, "/graphql").await;
    send_text(&mut socket, "{ not json").await;
    let (code, reason) = close_code(&mut socket).await;
    assert_eq!(
        (code, reason.as_str()),
        (4400, "Invalid message received: not JSON")
    );

    let mut socket = connect_as(&app, &alice).await;
    send(&mut socket, json!({ "type": "start", "id": "1" })).await;
    let (code, reason) = close_code(&mut socket).await;
    assert_eq!(code, 4400);
    assert!(reason.contains("'start'"), "{reason}");

    let mut socket = connect_as(&app, &alice).await;
    send(
        &mut socket,
        json!({ "type": "subscribe", "payload": { "query": "{ viewer { isAdmin } }" } }),
    )
    .await;
    let (code, reason) = close_code(&mut socket).await;
    assert_eq!(code, 4400);
    assert!(reason.contains("'id'"), "{reason}");

    let mut socket = connect(&app, "/graphql").await;
    send(
        &mut socket,
        json!({ "type": "connection_init", "payload": "token" }),
    )
    .await;
    assert_eq!(close_code(&mut socket).await.0, 4400);

    let mut socket = connect_as(&app, &alice).await;
    socket
        .send(Message::Binary(b"{\"type\":\"ping\"}".to_vec().into()))
        .await
        .unwrap();
    assert_eq!(close_code(&mut socket).await.0, 4400);

    // 4401: an operation before the connection is acknowledged.
    let mut socket = connect(&app, "/graphql").await;
    send(
        &mut socket,
        subscribe("1", "{ viewer { isAdmin } }", json!({})),
    )
    .await;
    assert_eq!(
        close_code(&mut socket).await,
        (4401, "Unauthorized".to_owned())
    );

    // 4429: a second connection_init, whether the first was acknowledged yet or not.
    let mut socket = connect(&app, "/graphql").await;
    let init = json!({ "type": "connection_init", "payload": { "token": alice } });
    send(&mut socket, init.clone()).await;
    send(&mut socket, init.clone()).await;
    assert_eq!(
        closed(&mut socket, |m| m["type"] == "connection_ack").await,
        (4429, "Too many initialisation requests".to_owned())
    );
    let mut socket = connect_as(&app, &alice).await;
    send(&mut socket, init).await;
    assert_eq!(close_code(&mut socket).await.0, 4429);

    // 4406: a client that asks for no subprotocol is accepted and told why it is closed; one
    // that asks only for another (the legacy `graphql-ws`) gets no subprotocol in the answer,
    // so its own handshake fails, as RFC 6455 wants.
    let (mut socket, response) = open(&app, "/graphql", None, None).await.unwrap();
    assert!(response.headers().get("sec-websocket-protocol").is_none());
    assert_eq!(
        close_code(&mut socket).await,
        (4406, "Subprotocol not acceptable".to_owned())
    );
    assert!(open(&app, "/graphql", Some("graphql-ws"), None)
        .await
        .is_err());

    // 1009: a message beyond --max-body-bytes (1 MiB).
    let mut socket = connect_as(&app, &alice).await;
    let query = format!("{{ viewer {{ isAdmin }} }} #{}", "x".repeat(1024 * 1024));
    send(&mut socket, subscribe("big", &query, json!({}))).await;
    let (code, reason) = close_code(&mut socket).await;
    assert_eq!(code, u16::from(CloseCode::Size), "{reason}");

    // A client's own close is answered with its code.
    let mut socket = connect_as(&app, &alice).await;
    socket.close(None).await.unwrap();
    loop {
        match tokio::time::timeout(PATIENCE, socket.next()).await.unwrap() {
            Some(Ok(Message::Close(frame))) => {
                assert!(
                    frame.as_ref().is_none_or(|f| f.code == CloseCode::Normal),
                    "{frame:?}"
                );
            }
            None | Some(Err(_)) => break,
            Some(Ok(other)) => panic!("unexpected {other:?}"),
        }
    }
}
db_test!(
    websocket_violations_close_with_the_protocols_codes,
    protocol_violations
);

async fn init_timeout(backend: Backend) {
    let Some(app) = spawn_app_with(backend, &["--ws-init-timeout", "200ms"]).await else {
        return;
    };
    let mut socket = connect(&app, "/graphql").await;
    // A ping is no connection_init: it is answered, and the clock keeps running.
    send(&mut socket, json!({ "type": "ping" })).await;
    assert_eq!(recv(&mut socket).await, json!({ "type": "pong" }));
    assert_eq!(
        close_code(&mut socket).await,
        (4408, "Connection initialisation timeout".to_owned())
    );
}
db_test!(websocket_without_connection_init_closes_4408, init_timeout);

async fn operations(backend: Backend) {
    let Some(app) = spawn_app_with(backend, &["--ws-max-operations", "3"]).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let alice = acme.admin_token("alice");
    let mut socket = connect_as(&app, &alice).await;

    // ping -> pong, echoing the payload.
    send(
        &mut socket,
        json!({ "type": "ping", "payload": { "n": 1 } }),
    )
    .await;
    assert_eq!(
        recv(&mut socket).await,
        json!({ "type": "pong", "payload": { "n": 1 } })
    );
    send(&mut socket, json!({ "type": "ping" })).await;
    assert_eq!(recv(&mut socket).await, json!({ "type": "pong" }));
    send(&mut socket, json!({ "type": "pong" })).await;

    // A mutation and a query: one `next` each, then `complete`; an id may be used again
    // once its operation is complete.
    send(
        &mut socket,
        subscribe(
            "m",
            "mutation($slug: String!) { createCommunity(input: {slug: $slug, name: \"Guild\"}) { community { id slug } userErrors { code } } }",
            json!({ "slug": "guild" }),
        ),
    )
    .await;
    let next = recv(&mut socket).await;
    assert_eq!(next["type"], "next", "{next:#}");
    assert_eq!(
        next["payload"]["data"]["createCommunity"]["community"]["slug"],
        "guild"
    );
    let community = next["payload"]["data"]["createCommunity"]["community"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        recv(&mut socket).await,
        json!({ "id": "m", "type": "complete" })
    );
    for _ in 0..2 {
        send(
            &mut socket,
            subscribe(
                "q",
                "query Q($id: ID!) { node(id: $id) { id } }",
                json!({ "id": community }),
            ),
        )
        .await;
        assert_eq!(
            recv(&mut socket).await["payload"]["data"]["node"]["id"],
            community.as_str()
        );
        assert_eq!(
            recv(&mut socket).await,
            json!({ "id": "q", "type": "complete" })
        );
    }

    // Parse and validation errors are one `error` message, coded, and no `complete`.
    for (query, message) in [
        ("{ viewer {", "expected selection"),
        ("{ viewer { nope } }", "nope"),
    ] {
        send(&mut socket, subscribe("bad", query, json!({}))).await;
        let error = recv(&mut socket).await;
        assert_eq!(error["type"], "error", "{error:#}");
        assert_eq!(error["id"], "bad");
        let errors = error["payload"].as_array().unwrap();
        assert!(!errors.is_empty());
        for e in errors {
            assert_eq!(e["extensions"]["code"], "BAD_USER_INPUT", "{e:#}");
        }
        assert!(
            error.to_string().to_lowercase().contains(message),
            "{error:#}"
        );
        send(&mut socket, json!({ "type": "ping" })).await;
        assert_eq!(
            recv(&mut socket).await,
            json!({ "type": "pong" }),
            "no complete after an error"
        );
    }
    // An error of execution is a `next` with coded errors, then `complete`.
    send(
        &mut socket,
        subscribe(
            "x",
            "subscription($id: ID!) { communityActivity(communityId: $id) { type } }",
            json!({ "id": "Q29tbXVuaXR5OjA" }),
        ),
    )
    .await;
    let next = recv(&mut socket).await;
    assert_eq!(next["type"], "next", "{next:#}");
    assert!(
        next["payload"]["errors"][0]["extensions"]["code"].is_string(),
        "{next:#}"
    );
    assert_eq!(
        recv(&mut socket).await,
        json!({ "id": "x", "type": "complete" })
    );

    // Subscriptions run side by side with each other and with queries. Alice is an admin of
    // Acme, so she reads its admin feed.
    send(
        &mut socket,
        subscribe("org", "{ viewer { organization { id } } }", json!({})),
    )
    .await;
    let organization = recv(&mut socket).await["payload"]["data"]["viewer"]["organization"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(recv(&mut socket).await["type"], "complete");
    let feed =
        "subscription($id: ID!) { organizationFeed(organizationId: $id) { type subjectId } }";
    send(
        &mut socket,
        subscribe("a1", feed, json!({ "id": organization })),
    )
    .await;
    send(
        &mut socket,
        subscribe("a2", feed, json!({ "id": organization })),
    )
    .await;
    // From here on, the feeds may deliver the community created above at any moment.
    let mut feeds = Feeds::default();
    send(
        &mut socket,
        subscribe("q", "{ viewer { isAdmin } }", json!({})),
    )
    .await;
    let next = feeds.recv(&mut socket).await;
    assert_eq!(
        next["payload"]["data"]["viewer"]["isAdmin"], true,
        "{next:#}"
    );
    assert_eq!(
        feeds.recv(&mut socket).await,
        json!({ "id": "q", "type": "complete" })
    );

    // 3 operations at most (--ws-max-operations 3): a fourth is refused with a coded
    // `error`, and the connection stays.
    send(&mut socket, subscribe("n", NOTIFICATIONS, json!({}))).await;
    send(
        &mut socket,
        subscribe("over", "{ viewer { isAdmin } }", json!({})),
    )
    .await;
    let error = feeds.recv(&mut socket).await;
    assert_eq!(error["type"], "error", "{error:#}");
    assert_eq!(error["id"], "over");
    assert_eq!(error["payload"][0]["extensions"]["code"], "RATE_LIMITED");

    // A subscription starts listening a moment after `subscribe`: create communities until
    // both feeds have heard one.
    let deadline = Instant::now() + PATIENCE;
    for n in 0.. {
        if feeds.heard("a1") && feeds.heard("a2") {
            break;
        }
        assert!(Instant::now() < deadline, "the feeds heard only {feeds:?}");
        app.graphql(
            Some(&alice),
            "mutation($slug: String!) { createCommunity(input: {slug: $slug, name: $slug}) { community { id } } }",
            json!({ "slug": format!("c{n}") }),
        )
        .await
        .assert_ok();
        while let Some(message) = try_recv(&mut socket, Duration::from_millis(300)).await {
            assert!(feeds.take(&message), "unexpected {message:#}");
        }
    }

    // The client completes a1: once the server has answered a later ping, nothing more comes
    // for it (and no complete is sent back), while a2 still hears a community created over
    // this socket.
    send(&mut socket, json!({ "id": "a1", "type": "complete" })).await;
    send(&mut socket, json!({ "type": "ping" })).await;
    assert_eq!(feeds.recv(&mut socket).await, json!({ "type": "pong" }));
    let a1_heard = feeds.subjects("a1").len();
    send(
        &mut socket,
        subscribe(
            "m",
            "mutation { createCommunity(input: {slug: \"last\", name: \"Last\"}) { community { id } } }",
            json!({}),
        ),
    )
    .await;
    let next = feeds.recv(&mut socket).await;
    assert_eq!(next["id"], "m", "{next:#}");
    let last = next["payload"]["data"]["createCommunity"]["community"]["id"].clone();
    assert_eq!(
        feeds.recv(&mut socket).await,
        json!({ "id": "m", "type": "complete" })
    );
    let deadline = Instant::now() + PATIENCE;
    while !feeds.subjects("a2").contains(&last) {
        assert!(Instant::now() < deadline, "a2 did not hear {last}");
        if let Some(message) = try_recv(&mut socket, Duration::from_millis(300)).await {
            assert!(feeds.take(&message), "unexpected {message:#}");
        }
    }
    send(&mut socket, json!({ "type": "ping" })).await;
    assert_eq!(feeds.recv(&mut socket).await, json!({ "type": "pong" }));
    assert_eq!(
        feeds.subjects("a1").len(),
        a1_heard,
        "nothing for a1 after its complete"
    );
    // A complete for an operation that is not running is ignored.
    send(&mut socket, json!({ "id": "a1", "type": "complete" })).await;

    // The completed id is free again; a running one is not: 4409.
    send(&mut socket, subscribe("a1", NOTIFICATIONS, json!({}))).await;
    send(&mut socket, subscribe("n", NOTIFICATIONS, json!({}))).await;
    assert_eq!(
        closed(&mut socket, |m| m["id"] == "a2").await,
        (4409, "Subscriber for n already exists".to_owned())
    );
}

/// The admin-feed events the subscriptions a1 and a2 heard, whenever they come.
#[derive(Debug, Default)]
struct Feeds(HashMap<String, Vec<Value>>);

impl Feeds {
    /// Records `message` if it is a feed event (always COMMUNITY_CREATED here).
    fn take(&mut self, message: &Value) -> bool {
        let id = message["id"].as_str().unwrap_or_default();
        if message["type"] != "next" || !["a1", "a2"].contains(&id) {
            return false;
        }
        let event = &message["payload"]["data"]["organizationFeed"];
        assert_eq!(event["type"], "COMMUNITY_CREATED", "{message:#}");
        self.0
            .entry(id.to_owned())
            .or_default()
            .push(event["subjectId"].clone());
        true
    }

    fn subjects(&self, id: &str) -> Vec<Value> {
        self.0.get(id).cloned().unwrap_or_default()
    }

    fn heard(&self, id: &str) -> bool {
        !self.subjects(id).is_empty()
    }

    /// The next message that is not a feed event.
    async fn recv(&mut self, socket: &mut Socket) -> Value {
        loop {
            let message = recv(socket).await;
            if !self.take(&message) {
                return message;
            }
        }
    }
}
db_test!(websocket_runs_operations_side_by_side, operations);

async fn graceful_shutdown(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let mut socket = connect_as(&app, &acme.token("alice", json!({}))).await;
    send(&mut socket, subscribe("n", NOTIFICATIONS, json!({}))).await;
    send(&mut socket, json!({ "type": "ping" })).await;
    assert_eq!(recv(&mut socket).await, json!({ "type": "pong" }));
    app.stop_gracefully();
    assert_eq!(close_code(&mut socket).await.0, 1001);
}
db_test!(websocket_closes_going_away_on_shutdown, graceful_shutdown);

async fn keepalive(backend: Backend) {
    let Some(app) = spawn_app_with(backend, &["--ws-keepalive", "50ms"]).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let mut socket = connect_as(&app, &acme.token("alice", json!({}))).await;
    // The server pings at the WebSocket level; the client's library answers each ping, and
    // the connection stays and serves.
    let mut pings = 0;
    while pings < 3 {
        match tokio::time::timeout(PATIENCE, socket.next()).await {
            Ok(Some(Ok(Message::Ping(_)))) => pings += 1,
            other => panic!("expected a ping, got {other:?}"),
        }
    }
    send(
        &mut socket,
        subscribe("q", "{ viewer { isAdmin } }", json!({})),
    )
    .await;
    assert_eq!(
        recv(&mut socket).await["payload"]["data"]["viewer"]["isAdmin"],
        false
    );
    assert_eq!(
        recv(&mut socket).await,
        json!({ "id": "q", "type": "complete" })
    );

    // A client that stops answering (it reads nothing, so its library sends no pong) is
    // dropped by the second unanswered ping, with its operations.
    send(&mut socket, subscribe("n", NOTIFICATIONS, json!({}))).await;
    let deadline = Instant::now() + PATIENCE;
    'silent: loop {
        assert!(Instant::now() < deadline, "a silent client was kept");
        tokio::time::sleep(Duration::from_millis(300)).await;
        loop {
            match tokio::time::timeout(Duration::from_millis(20), socket.next()).await {
                Ok(Some(Ok(Message::Ping(_)))) => {}
                Ok(None | Some(Err(_))) => break 'silent,
                Ok(Some(Ok(other))) => panic!("unexpected {other:?}"),
                Err(_) => break,
            }
        }
    }
}
db_test!(
    websocket_server_pings_and_keeps_answering_clients,
    keepalive
);
