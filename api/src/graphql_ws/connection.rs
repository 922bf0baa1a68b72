//! One graphql-transport-ws connection: its phase (waiting for `connection_init`,
//! authenticating, acknowledged), the operations it runs and its timers, in one task.

use super::protocol::{self, ClientMessage, Close, ServerMessage};
use crate::{
    auth::Viewer,
    cost::limiter::ClientAddress,
    error::ServiceError,
    graphql::{
        calendar::RequestOrigin,
        error::{coded, to_graphql, ErrorCode},
        realtime::SubscriptionStarted,
    },
    metrics::OperationKind,
    server::{self, AppState},
};
use actix_web::{web, HttpRequest};
use actix_ws::{AggregatedMessage, AggregatedMessageStream, CloseReason, ProtocolError, Session};
use async_graphql::{Response, ServerError};
use futures_util::{
    future::{self, LocalBoxFuture},
    stream::{self, BoxStream},
    StreamExt,
};
use std::{future::Future, io, time::Duration};
use tokio::time::{Instant, Interval};
use tokio_stream::StreamMap;

/// How long the connection waits for a subscription to start listening before it reads the
/// next message anyway (its access check reads the database).
const SUBSCRIPTION_START_LIMIT: Duration = Duration::from_secs(10);

/// What an operation's stream yields, in the protocol's terms.
enum Event {
    Next(Response),
    Error(Vec<ServerError>),
    Complete,
}

enum Phase {
    AwaitingInit,
    Authenticating(LocalBoxFuture<'static, Result<Viewer, ServiceError>>),
    Acknowledged(Viewer),
}

/// How a connection ends.
enum End {
    /// The server closes the socket with this code.
    Close(Close),
    /// The client closed the socket; its close frame is answered with the same code.
    Echo(Option<CloseReason>),
    /// The client is gone (or stopped reading): nothing more can be said.
    Gone,
}

impl From<Close> for End {
    fn from(close: Close) -> Self {
        Self::Close(close)
    }
}

pub(super) struct Connection {
    state: web::Data<AppState>,
    origin: RequestOrigin,
    client: ClientAddress,
    header_token: Option<String>,
    session: Session,
    phase: Phase,
    /// Running operations by id; each stream ends with [`Event::Complete`].
    operations: StreamMap<String, BoxStream<'static, Event>>,
}

impl Connection {
    pub(super) fn new(state: web::Data<AppState>, req: &HttpRequest, session: Session) -> Self {
        Self {
            origin: server::request_origin(req),
            client: server::client_address(req),
            header_token: server::authorization(req).map(str::to_owned),
            state,
            session,
            phase: Phase::AwaitingInit,
            operations: StreamMap::new(),
        }
    }

    /// Closes the socket before anything was said.
    pub(super) async fn refuse(self, close: Close) {
        tracing::debug!(code = close.code, reason = %close.reason, "websocket refused");
        let _ = self.session.close(Some(close_reason(close))).await;
    }

    /// Serves the connection until it ends, then drops its operations (which cancels them)
    /// and closes the socket.
    pub(super) async fn run(mut self, mut messages: AggregatedMessageStream) {
        let end = self.serve(&mut messages).await;
        let Self {
            session,
            operations,
            ..
        } = self;
        drop(operations);
        let reply = match end {
            End::Close(close) => {
                tracing::debug!(code = close.code, reason = %close.reason, "websocket closed by the server");
                Some(close_reason(close))
            }
            End::Echo(reason) => {
                tracing::debug!(?reason, "websocket closed by the client");
                reason
            }
            End::Gone => {
                tracing::debug!("websocket client gone");
                return;
            }
        };
        let _ = session.close(reply).await;
    }

    async fn serve(&mut self, messages: &mut AggregatedMessageStream) -> End {
        let settings = self.state.ws.clone();
        let init_deadline =
            (!settings.init_timeout.is_zero()).then(|| Instant::now() + settings.init_timeout);
        let mut keepalive = (!settings.keepalive.is_zero()).then(|| {
            tokio::time::interval_at(Instant::now() + settings.keepalive, settings.keepalive)
        });
        let mut heard_since_ping = true;
        let mut shutdown = self.state.shutdown.subscribe();
        loop {
            let awaiting_init = matches!(self.phase, Phase::AwaitingInit);
            let step = tokio::select! {
                _ = shutdown.wait_for(|stopping| *stopping) => Err(Close::going_away().into()),
                () = sleep_until(init_deadline), if awaiting_init => {
                    Err(Close::initialisation_timeout().into())
                }
                frame = messages.next() => {
                    heard_since_ping = true;
                    self.on_frame(frame, settings.max_message_bytes).await
                }
                result = authenticated(&mut self.phase) => self.on_authenticated(result).await,
                Some((id, event)) = self.operations.next(), if !self.operations.is_empty() => {
                    self.on_event(id, event).await
                }
                () = tick(&mut keepalive) => {
                    if heard_since_ping {
                        heard_since_ping = false;
                        within(settings.keepalive, self.session.ping(b"")).await
                    } else {
                        Err(End::Gone)
                    }
                }
            };
            if let Err(end) = step {
                return end;
            }
        }
    }

    async fn on_frame(
        &mut self,
        frame: Option<Result<AggregatedMessage, ProtocolError>>,
        max_message_bytes: usize,
    ) -> Result<(), End> {
        match frame {
            None => Err(End::Gone),
            Some(Ok(AggregatedMessage::Text(text))) => self.on_message(&text).await,
            Some(Ok(AggregatedMessage::Binary(_))) => Err(Close::bad_request(
                "Binary messages are not supported; send JSON as text",
            )
            .into()),
            Some(Ok(AggregatedMessage::Ping(bytes))) => {
                within(self.state.ws.keepalive, self.session.pong(&bytes)).await
            }
            Some(Ok(AggregatedMessage::Pong(_))) => Ok(()),
            Some(Ok(AggregatedMessage::Close(reason))) => Err(End::Echo(reason)),
            Some(Err(ProtocolError::Overflow)) => {
                Err(Close::message_too_big(max_message_bytes).into())
            }
            Some(Err(ProtocolError::Io(err))) if err.kind() == io::ErrorKind::InvalidData => {
                Err(Close::invalid_payload().into())
            }
            // The aggregating stream reports a message of too many continuation frames as an
            // I/O error of this kind; a real I/O error means the client is gone, and the
            // close frame sent in vain then does no harm.
            Some(Err(ProtocolError::Io(err))) if err.kind() == io::ErrorKind::Other => {
                Err(Close::message_too_big(max_message_bytes).into())
            }
            Some(Err(err)) => Err(Close::protocol_error(err.to_string()).into()),
        }
    }

    async fn on_message(&mut self, text: &str) -> Result<(), End> {
        let message = protocol::parse(text).map_err(Close::bad_request)?;
        match message {
            ClientMessage::ConnectionInit { payload } => {
                if !matches!(self.phase, Phase::AwaitingInit) {
                    return Err(Close::too_many_initialisation_requests().into());
                }
                let state = self.state.clone();
                let header_token = self.header_token.clone();
                self.phase = Phase::Authenticating(Box::pin(async move {
                    server::authenticate_connection(&state, &payload, header_token.as_deref()).await
                }));
                Ok(())
            }
            ClientMessage::Ping { payload } => {
                self.send(&ServerMessage::Pong {
                    payload: payload.as_ref(),
                })
                .await
            }
            ClientMessage::Pong => Ok(()),
            ClientMessage::Subscribe { id, request } => self.subscribe(id, *request).await,
            // Unknown ids are ignored: the operation may have ended while the message was
            // on its way.
            ClientMessage::Complete { id } => {
                self.operations.remove(&id);
                Ok(())
            }
        }
    }

    async fn on_authenticated(&mut self, result: Result<Viewer, ServiceError>) -> Result<(), End> {
        match result {
            Ok(viewer) => {
                self.phase = Phase::Acknowledged(viewer);
                self.send(&ServerMessage::ConnectionAck).await
            }
            Err(ServiceError::Unauthenticated(reason)) => {
                Err(Close::forbidden(format!("{}: {reason}", reason.code())).into())
            }
            Err(other) => {
                let _ = to_graphql(&other);
                Err(Close::internal_error().into())
            }
        }
    }

    async fn subscribe(
        &mut self,
        id: String,
        mut request: async_graphql::Request,
    ) -> Result<(), End> {
        let Phase::Acknowledged(viewer) = &self.phase else {
            return Err(Close::unauthorized().into());
        };
        if self.operations.contains_key(&id) {
            return Err(Close::subscriber_exists(&id).into());
        }
        let limit = self.state.ws.max_operations;
        if self.operations.len() >= limit {
            let (name, kind) = crate::metrics::graphql::operation_labels(&mut request);
            self.state.metrics.graphql_operation(
                name.as_deref(),
                kind,
                crate::metrics::Outcome::RateLimited,
                None,
            );
            let error = coded(
                ErrorCode::RateLimited,
                format!("at most {limit} operations may run at once on one connection"),
            )
            .into_server_error(Default::default());
            return self
                .send(&ServerMessage::Error {
                    id: &id,
                    payload: &[error],
                })
                .await;
        }
        if let Err(refused) = self.state.persisted().resolve(viewer, &mut request).await {
            let (name, kind) = crate::metrics::graphql::operation_labels(&mut request);
            self.state.metrics.graphql_operation(
                name.as_deref(),
                kind,
                crate::metrics::Outcome::RequestError,
                None,
            );
            return self
                .send(&ServerMessage::Error {
                    id: &id,
                    payload: &[refused.into_server_error()],
                })
                .await;
        }
        let (_, kind) = crate::metrics::graphql::operation_labels(&mut request);
        let started = (kind == OperationKind::Subscription).then(|| {
            let (signal, started) = SubscriptionStarted::new();
            request.data.insert(signal);
            started
        });
        server::attach_context(
            &mut request,
            &self.state,
            viewer,
            &self.origin,
            self.client,
            server::LoaderCache::Uncached,
        );
        let mut results = events(self.state.schema.execute_stream(request));
        let Some(started) = started else {
            self.operations.insert(id, results);
            return Ok(());
        };
        // Operations start in the order they are sent: a subscription listens before the
        // next message is read, so that an answer to a later operation on this connection
        // tells the client that its subscription hears what is committed from then on. Its
        // first result (a refusal, say) may come before it listens.
        let first = tokio::time::timeout(SUBSCRIPTION_START_LIMIT, async {
            tokio::select! {
                biased;
                _ = started => None,
                event = results.next() => event,
            }
        })
        .await;
        self.operations.insert(id.clone(), results);
        match first {
            Ok(Some(event)) => self.on_event(id, event).await,
            Ok(None) => Ok(()),
            Err(_) => {
                tracing::warn!(
                    limit = ?SUBSCRIPTION_START_LIMIT,
                    "a subscription did not start in time; reading on"
                );
                Ok(())
            }
        }
    }

    async fn on_event(&mut self, id: String, event: Event) -> Result<(), End> {
        match event {
            Event::Next(response) => {
                self.send(&ServerMessage::Next {
                    id: &id,
                    payload: &response,
                })
                .await
            }
            Event::Error(errors) => {
                self.operations.remove(&id);
                self.send(&ServerMessage::Error {
                    id: &id,
                    payload: &errors,
                })
                .await
            }
            Event::Complete => {
                self.operations.remove(&id);
                // What a mutation committed is numbered and fanned out now rather than at the
                // next poll (as after a POST).
                self.state.hub.poke();
                self.send(&ServerMessage::Complete { id: &id }).await
            }
        }
    }

    /// Sends one message.
    async fn send(&mut self, message: &ServerMessage<'_>) -> Result<(), End> {
        let text = message.to_text().map_err(|err| {
            tracing::error!(%err, "cannot encode a websocket message");
            End::Close(Close::internal_error())
        })?;
        let limit = self.state.ws.keepalive;
        within(limit, self.session.text(text)).await
    }
}

/// Waits for a frame to be handed to the socket. A client that has not taken it within a
/// keepalive interval (zero: no limit) is treated as gone, so that a client that stopped
/// reading cannot hold the connection's task forever.
async fn within(
    limit: Duration,
    sending: impl Future<Output = Result<(), actix_ws::Closed>>,
) -> Result<(), End> {
    if limit.is_zero() {
        return sending.await.map_err(|_| End::Gone);
    }
    match tokio::time::timeout(limit, sending).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(_)) | Err(_) => Err(End::Gone),
    }
}

/// The protocol's view of an operation's results: request errors (the first and only
/// result, without data, whose errors have no path) are its `error` message; everything
/// else is `next`, and the end of the stream is `complete`. Every error gets a code.
fn events(results: BoxStream<'static, Response>) -> BoxStream<'static, Event> {
    results
        .enumerate()
        .map(|(index, mut response)| {
            server::ensure_error_codes(&mut response);
            if index == 0 && protocol::is_request_error(&response) {
                Event::Error(response.errors)
            } else {
                Event::Next(response)
            }
        })
        .chain(stream::once(future::ready(Event::Complete)))
        .boxed()
}

fn close_reason(close: Close) -> CloseReason {
    CloseReason {
        code: close.code.into(),
        description: Some(close.reason),
    }
}

async fn sleep_until(deadline: Option<Instant>) {
    match deadline {
        Some(deadline) => tokio::time::sleep_until(deadline).await,
        None => future::pending().await,
    }
}

async fn tick(interval: &mut Option<Interval>) {
    match interval {
        Some(interval) => {
            interval.tick().await;
        }
        None => future::pending().await,
    }
}

async fn authenticated(phase: &mut Phase) -> Result<Viewer, ServiceError> {
    match phase {
        Phase::Authenticating(authentication) => authentication.as_mut().await,
        _ => future::pending().await,
    }
}
