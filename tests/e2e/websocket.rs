//! graphql-transport-ws on /graphql: the token comes in `connection_init`; operations run as
//! the viewer it names.

use crate::common::*;
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::{client::IntoClientRequest, Message};

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

async fn connect(app: &TestApp, path: &str) -> Socket {
    let mut request = format!("ws://{}{path}", app.addr)
        .into_client_request()
        .unwrap();
    request.headers_mut().insert(
        "Sec-WebSocket-Protocol",
        "graphql-transport-ws".parse().unwrap(),
    );
    let (socket, response) = tokio_tungstenite::connect_async(request).await.unwrap();
    assert_eq!(
        response
            .headers()
            .get("sec-websocket-protocol")
            .map(|v| v.to_str().unwrap()),
        Some("graphql-transport-ws")
    );
    socket
}

async fn next_message(socket: &mut Socket) -> Message {
    tokio::time::timeout(std::time::Duration::from_secs(10), socket.next())
        .await
        .expect("no message within 10 s")
        .expect("socket ended")
        .unwrap()
}

async fn send(socket: &mut Socket, value: Value) {
    socket
        .send(Message::Text(value.to_string().into()))
        .await
        .unwrap();
}

async fn websocket(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let acme = app.create_org("acme").await;

    for path in ["/graphql", "/graphql/ws"] {
        let mut socket = connect(&app, path).await;
        send(&mut socket, json!({ "type": "connection_init", "payload": { "Authorization": format!("Bearer {}", acme.token("alice", json!({}))) } })).await;
        let ack: Value =
            serde_json::from_str(next_message(&mut socket).await.to_text().unwrap()).unwrap();
        assert_eq!(ack["type"], "connection_ack");
        send(&mut socket, json!({ "id": "1", "type": "subscribe", "payload": { "query": "{ viewer { organization { slug } } }" } })).await;
        let next: Value =
            serde_json::from_str(next_message(&mut socket).await.to_text().unwrap()).unwrap();
        assert_eq!(next["type"], "next", "{next:#}");
        assert_eq!(
            next["payload"]["data"]["viewer"]["organization"]["slug"],
            "acme"
        );
        let complete: Value =
            serde_json::from_str(next_message(&mut socket).await.to_text().unwrap()).unwrap();
        assert_eq!(complete, json!({ "id": "1", "type": "complete" }));
    }

    // A refused token closes the connection without an ack; so does a missing one.
    for payload in [json!({ "Authorization": "Bearer garbage" }), json!({})] {
        let mut socket = connect(&app, "/graphql").await;
        send(
            &mut socket,
            json!({ "type": "connection_init", "payload": payload }),
        )
        .await;
        match next_message(&mut socket).await {
            Message::Close(Some(frame)) => {
                assert!(frame.reason.contains("token"), "{frame:?}");
            }
            other => panic!("expected a close frame, got {other:?}"),
        }
    }
}
db_test!(
    subscriptions_socket_authenticates_in_connection_init,
    websocket
);
