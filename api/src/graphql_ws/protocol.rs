//! The messages of graphql-transport-ws and the close codes it defines
//! (<https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md>).
//!
//! Client messages are checked as strictly as the reference server checks them: anything of
//! another shape is an invalid message, which closes the socket with 4400 and says why.

use async_graphql::{Request, Response, ServerError, Variables};
use serde::Serialize;
use serde_json::{Map, Value};

/// Why the server closes a socket: a close code and its reason text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Close {
    pub code: u16,
    pub reason: String,
}

impl Close {
    fn new(code: u16, reason: impl Into<String>) -> Self {
        Self {
            code,
            reason: reason.into(),
        }
    }

    /// 4400: the message is not one the protocol defines, or not of its shape.
    pub fn bad_request(reason: impl Into<String>) -> Self {
        Self::new(4400, reason)
    }

    /// 4401: an operation before the connection was acknowledged.
    pub fn unauthorized() -> Self {
        Self::new(4401, "Unauthorized")
    }

    /// 4403: the connection was refused (its token); the reason says why.
    pub fn forbidden(reason: impl Into<String>) -> Self {
        Self::new(4403, reason)
    }

    /// 4406: the client did not ask for `graphql-transport-ws`.
    pub fn subprotocol_not_acceptable() -> Self {
        Self::new(4406, "Subprotocol not acceptable")
    }

    /// 4408: no `connection_init` within the wait time.
    pub fn initialisation_timeout() -> Self {
        Self::new(4408, "Connection initialisation timeout")
    }

    /// 4409: an operation with this id is still running.
    pub fn subscriber_exists(id: &str) -> Self {
        Self::new(4409, format!("Subscriber for {id} already exists"))
    }

    /// 4429: a second `connection_init`.
    pub fn too_many_initialisation_requests() -> Self {
        Self::new(4429, "Too many initialisation requests")
    }

    /// 4500: the server failed (logged); nothing more is said.
    pub fn internal_error() -> Self {
        Self::new(4500, "Internal server error")
    }

    /// 1001: the server is shutting down.
    pub fn going_away() -> Self {
        Self::new(1001, "Going away")
    }

    /// 1002: a frame that breaks the WebSocket protocol itself.
    pub fn protocol_error(reason: impl Into<String>) -> Self {
        Self::new(1002, reason)
    }

    /// 1007: a text frame that is not UTF-8.
    pub fn invalid_payload() -> Self {
        Self::new(1007, "Text messages must be UTF-8")
    }

    /// 1009: a message larger than the server's limit.
    pub fn message_too_big(limit: usize) -> Self {
        Self::new(1009, format!("Messages may be at most {limit} bytes"))
    }
}

/// A message from the client.
#[derive(Debug)]
pub enum ClientMessage {
    ConnectionInit { payload: Map<String, Value> },
    Ping { payload: Option<Map<String, Value>> },
    Pong,
    Subscribe { id: String, request: Box<Request> },
    Complete { id: String },
}

/// Reads one text message; `Err` carries the reason of a 4400 close.
pub fn parse(text: &str) -> Result<ClientMessage, String> {
    let value: Value =
        serde_json::from_str(text).map_err(|_| "Invalid message received: not JSON".to_owned())?;
    let Value::Object(mut message) = value else {
        return Err("Invalid message received: not a JSON object".to_owned());
    };
    let kind = match message.get("type") {
        Some(Value::String(kind)) => kind.clone(),
        _ => return Err("Invalid message received: 'type' must be a string".to_owned()),
    };
    match kind.as_str() {
        "connection_init" => Ok(ClientMessage::ConnectionInit {
            payload: optional_object(&mut message, &kind, "payload")?.unwrap_or_default(),
        }),
        "ping" => Ok(ClientMessage::Ping {
            payload: optional_object(&mut message, &kind, "payload")?,
        }),
        "pong" => {
            optional_object(&mut message, &kind, "payload")?;
            Ok(ClientMessage::Pong)
        }
        "subscribe" => {
            let id = operation_id(&message, &kind)?;
            let Some(Value::Object(payload)) = message.remove("payload") else {
                return Err(format!("'{kind}' needs an object 'payload'"));
            };
            let request = operation_request(payload)?;
            Ok(ClientMessage::Subscribe {
                id,
                request: Box::new(request),
            })
        }
        "complete" => Ok(ClientMessage::Complete {
            id: operation_id(&message, &kind)?,
        }),
        "connection_ack" | "next" | "error" => {
            Err(format!("Unexpected message of type '{kind}' from a client"))
        }
        _ => Err(format!("Unknown message type '{}'", shorten(&kind))),
    }
}

/// A type name as quoted in a close reason, which has room for 123 bytes only.
fn shorten(text: &str) -> &str {
    match text.char_indices().nth(40) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

fn operation_id(message: &Map<String, Value>, kind: &str) -> Result<String, String> {
    match message.get("id") {
        Some(Value::String(id)) if !id.is_empty() => Ok(id.clone()),
        _ => Err(format!("'{kind}' needs a non-empty string 'id'")),
    }
}

/// A field that may be absent or null, or else must be an object.
fn optional_object(
    message: &mut Map<String, Value>,
    kind: &str,
    field: &str,
) -> Result<Option<Map<String, Value>>, String> {
    match message.remove(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(object)) => Ok(Some(object)),
        Some(_) => Err(format!("'{kind}' {field} must be an object")),
    }
}

/// The GraphQL request of a `subscribe` payload:
/// `{query, operationName?, variables?, extensions?, documentId?}`. Without `query`, the
/// operation must name its document by hash (`extensions.persistedQuery` or `documentId`,
/// which travels on in the extensions; see [`crate::persisted_queries`]).
fn operation_request(mut payload: Map<String, Value>) -> Result<Request, String> {
    let query = match payload.remove("query") {
        Some(Value::String(query)) => Some(query),
        None | Some(Value::Null) => None,
        Some(_) => return Err("'subscribe' payload needs a string 'query'".to_owned()),
    };
    let document_id = match payload.remove("documentId") {
        None | Some(Value::Null) => None,
        Some(Value::String(id)) => Some(id),
        Some(_) => return Err("'subscribe' documentId must be a string".to_owned()),
    };
    let names_by_hash = document_id.is_some()
        || payload
            .get("extensions")
            .and_then(|extensions| extensions.get("persistedQuery"))
            .is_some_and(|persisted| !persisted.is_null());
    let Some(query) = query.or_else(|| names_by_hash.then(String::new)) else {
        return Err("'subscribe' payload needs a string 'query'".to_owned());
    };
    let mut request = Request::new(query);
    match payload.remove("operationName") {
        None | Some(Value::Null) => {}
        Some(Value::String(name)) => request = request.operation_name(name),
        Some(_) => return Err("'subscribe' operationName must be a string".to_owned()),
    }
    if let Some(variables) = optional_object(&mut payload, "subscribe", "variables")? {
        request = request.variables(Variables::from_json(Value::Object(variables)));
    }
    if let Some(extensions) = optional_object(&mut payload, "subscribe", "extensions")? {
        request.extensions = serde_json::from_value(Value::Object(extensions))
            .map_err(|_| "'subscribe' extensions are not readable".to_owned())?;
    }
    if let Some(id) = document_id {
        request.extensions.0.insert(
            crate::persisted_queries::DOCUMENT_ID.to_owned(),
            async_graphql::Value::String(id),
        );
    }
    Ok(request)
}

/// A message from the server.
#[derive(Debug, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerMessage<'a> {
    ConnectionAck,
    Pong {
        #[serde(skip_serializing_if = "Option::is_none")]
        payload: Option<&'a Map<String, Value>>,
    },
    Next {
        id: &'a str,
        payload: &'a Response,
    },
    Error {
        id: &'a str,
        payload: &'a [ServerError],
    },
    Complete {
        id: &'a str,
    },
}

impl ServerMessage<'_> {
    /// The message as the text frame that carries it.
    pub fn to_text(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string(self)
    }
}

/// Errors raised before execution (syntax, validation, limits) have no path and leave no
/// data: they are the `error` message of the protocol, not a `next` result.
pub fn is_request_error(response: &Response) -> bool {
    response.data == async_graphql::Value::Null
        && !response.errors.is_empty()
        && response.errors.iter().all(|error| error.path.is_empty())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    fn reason(text: &str) -> String {
        parse(text).unwrap_err()
    }

    #[test]
    fn reads_every_client_message() {
        assert!(matches!(
            parse(r#"{"type":"connection_init"}"#),
            Ok(ClientMessage::ConnectionInit { payload }) if payload.is_empty()
        ));
        assert!(matches!(
            parse(r#"{"type":"connection_init","payload":{"token":"t"}}"#),
            Ok(ClientMessage::ConnectionInit { payload }) if payload["token"] == "t"
        ));
        assert!(matches!(
            parse(r#"{"type":"ping","payload":{"n":1}}"#),
            Ok(ClientMessage::Ping { payload: Some(p) }) if p["n"] == 1
        ));
        assert!(matches!(
            parse(r#"{"type":"pong","payload":null}"#),
            Ok(ClientMessage::Pong)
        ));
        assert!(matches!(
            parse(r#"{"type":"complete","id":"7"}"#),
            Ok(ClientMessage::Complete { id }) if id == "7"
        ));
        let Ok(ClientMessage::Subscribe { id, request }) = parse(
            r#"{"type":"subscribe","id":"1","payload":{"query":"{ a }","operationName":"A","variables":{"x":1},"extensions":null}}"#,
        ) else {
            panic!("subscribe not read");
        };
        assert_eq!(id, "1");
        assert_eq!(request.query, "{ a }");
        assert_eq!(request.operation_name.as_deref(), Some("A"));
        assert_eq!(
            request.variables.into_value().into_json().unwrap(),
            json!({"x": 1})
        );
    }

    #[test]
    fn refuses_what_the_protocol_does_not_define() {
        assert!(reason("{").contains("not JSON"));
        assert!(reason("[]").contains("not a JSON object"));
        assert!(reason(r#"{"id":"1"}"#).contains("'type'"));
        assert!(reason(r#"{"type":"start","id":"1"}"#).contains("Unknown message type 'start'"));
        assert!(reason(r#"{"type":"next","id":"1"}"#).contains("Unexpected"));
        assert!(reason(r#"{"type":"subscribe","payload":{"query":"{a}"}}"#).contains("'id'"));
        assert!(
            reason(r#"{"type":"subscribe","id":"","payload":{"query":"{a}"}}"#).contains("'id'")
        );
        assert!(reason(r#"{"type":"subscribe","id":"1"}"#).contains("payload"));
        assert!(reason(r#"{"type":"subscribe","id":"1","payload":{}}"#).contains("'query'"));
        assert!(reason(
            r#"{"type":"subscribe","id":"1","payload":{"query":"{a}","variables":[]}}"#
        )
        .contains("variables"));
        assert!(reason(
            r#"{"type":"subscribe","id":"1","payload":{"query":"{a}","operationName":1}}"#
        )
        .contains("operationName"));
        assert!(reason(r#"{"type":"connection_init","payload":"x"}"#).contains("payload"));
        assert!(reason(r#"{"type":"complete"}"#).contains("'id'"));
        let long = format!(r#"{{"type":"{}"}}"#, "x".repeat(500));
        assert!(reason(&long).len() < 123);
    }

    #[test]
    fn writes_server_messages() {
        let response = Response::new(async_graphql::Value::Null);
        assert_eq!(
            ServerMessage::ConnectionAck.to_text().unwrap(),
            r#"{"type":"connection_ack"}"#
        );
        assert_eq!(
            ServerMessage::Pong { payload: None }.to_text().unwrap(),
            r#"{"type":"pong"}"#
        );
        assert_eq!(
            ServerMessage::Complete { id: "1" }.to_text().unwrap(),
            r#"{"type":"complete","id":"1"}"#
        );
        let next: Value = serde_json::from_str(
            &ServerMessage::Next {
                id: "1",
                payload: &response,
            }
            .to_text()
            .unwrap(),
        )
        .unwrap();
        assert_eq!(
            next,
            json!({"type": "next", "id": "1", "payload": {"data": null}})
        );
    }
}
