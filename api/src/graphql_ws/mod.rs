//! GraphQL over WebSocket, the `graphql-transport-ws` protocol of graphql-ws
//! (<https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md>), on actix-ws.
//!
//! One task per socket reads the client's messages and runs that connection's operations
//! (queries, mutations and subscriptions alike, through `execute_stream`) side by side.
//! Every refusal closes the socket with the code the protocol names for it; the decisions
//! the protocol leaves open are written down in docs/REALTIME.md.

mod connection;
pub mod protocol;

use crate::{config::ServeArgs, server::AppState};
use actix_web::{web, HttpRequest, HttpResponse};
use std::time::Duration;
use tracing::Instrument;

/// The one subprotocol spoken; the legacy `graphql-ws` of subscriptions-transport-ws is not.
pub const SUBPROTOCOL: &str = "graphql-transport-ws";

/// Limits and timers of WebSocket connections.
#[derive(Debug, Clone)]
pub struct WsSettings {
    /// How long a socket may stay open without `connection_init` (4408); zero waits forever.
    pub init_timeout: Duration,
    /// How often the server pings the client; one that has not answered by the next ping
    /// is dropped. Zero sends no pings.
    pub keepalive: Duration,
    /// Most operations one connection may run at once.
    pub max_operations: usize,
    /// Largest message accepted, in bytes (1009 beyond it).
    pub max_message_bytes: usize,
}

impl WsSettings {
    pub fn from_args(args: &ServeArgs) -> Self {
        Self {
            init_timeout: args.ws_init_timeout,
            keepalive: args.ws_keepalive,
            max_operations: usize::from(args.ws_max_operations),
            max_message_bytes: args.max_body_bytes,
        }
    }
}

/// Accepts the upgrade and runs the connection on this worker. A client that did not offer
/// `graphql-transport-ws` is accepted and closed at once with 4406, as the reference server
/// does, so that it learns why.
pub fn upgrade(
    state: web::Data<AppState>,
    req: &HttpRequest,
    payload: web::Payload,
) -> actix_web::Result<HttpResponse> {
    let (response, session, messages) =
        actix_ws::handle_with_protocols(req, payload, &[SUBPROTOCOL])?;
    let agreed = response
        .headers()
        .get(actix_web::http::header::SEC_WEBSOCKET_PROTOCOL)
        .is_some();
    let messages = messages
        .max_frame_size(state.ws.max_message_bytes)
        .aggregate_continuations()
        .max_continuation_size(state.ws.max_message_bytes);
    let connection = connection::Connection::new(state, req, session);
    // The upgrade request's span (and request id) stays on every log line of the connection.
    let span = tracing::Span::current();
    actix_web::rt::spawn(
        async move {
            if agreed {
                connection.run(messages).await;
            } else {
                connection
                    .refuse(protocol::Close::subprotocol_not_acceptable())
                    .await;
            }
        }
        .instrument(span),
    );
    Ok(response)
}
