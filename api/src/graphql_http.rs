//! GraphQL over HTTP (<https://graphql.github.io/graphql-over-http/draft/>) at `/graphql`:
//! media type negotiation, the shape of a well-formed request (POST JSON bodies and GET URL
//! parameters) and the status code each kind of answer gets.
//!
//! - `Accept` picks `application/json` or `application/graphql-response+json` (406 when it
//!   allows neither). `*/*` gets `application/json`, which every client understands; a request
//!   without `Accept` gets `application/graphql-response+json`, as the specification asks of
//!   servers since its legacy watershed (2025-01-01).
//! - A request that is not well-formed (body not JSON, `query` missing or not a string,
//!   `variables`/`extensions` not objects, `operationName` not a string) is a 400 in both.
//! - A GraphQL response is 200 under `application/json`. Under
//!   `application/graphql-response+json` a request error (the document does not parse or
//!   validate, the operation cannot be chosen, variables do not coerce) is a 400 and the body
//!   has no `data`; anything that executed is a 200, field errors included.

use crate::{
    auth,
    graphql::error::ErrorCode,
    server::{
        attach_context, auth_error_response, authorization, ensure_error_codes, error_body,
        is_mutation, request_origin, AppState, LoaderCache, MAX_BATCH,
    },
};
use actix_web::{
    http::{header, StatusCode},
    web, HttpMessage, HttpRequest, HttpResponse,
};
use async_graphql::{BatchRequest, BatchResponse, Request, Response};
use futures_util::StreamExt;
use serde_json::{Map, Value};

const GRAPHQL_RESPONSE_JSON: &str = "application/graphql-response+json; charset=utf-8";
const JSON: &str = "application/json; charset=utf-8";

/// What a response may be encoded as, in the server's order of preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MediaType {
    /// `application/json`: every GraphQL response is a 200.
    Json,
    /// `application/graphql-response+json`: request errors are 400s.
    GraphQLResponse,
    /// `text/html`: the GraphiQL page (GET only).
    Html,
}

impl MediaType {
    fn essence(self) -> (&'static str, &'static str) {
        match self {
            Self::Json => ("application", "json"),
            Self::GraphQLResponse => ("application", "graphql-response+json"),
            Self::Html => ("text", "html"),
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            Self::GraphQLResponse => GRAPHQL_RESPONSE_JSON,
            Self::Json | Self::Html => JSON,
        }
    }
}

/// One media range of an `Accept` header.
struct MediaRange {
    kind: String,
    subtype: String,
    quality: f32,
}

impl MediaRange {
    /// How closely the range names `offer`: 2 exactly, 1 by `type/*`, 0 by `*/*`.
    fn specificity(&self, offer: MediaType) -> Option<u8> {
        let (kind, subtype) = offer.essence();
        if self.kind == "*" && self.subtype == "*" {
            Some(0)
        } else if self.kind == kind && self.subtype == "*" {
            Some(1)
        } else if self.kind == kind && self.subtype == subtype {
            Some(2)
        } else {
            None
        }
    }
}

/// The media ranges of the request's `Accept` headers; `None` when there is none, an empty
/// list when what is there cannot be read.
fn accept_ranges(req: &HttpRequest) -> Option<Vec<MediaRange>> {
    let mut values = req.headers().get_all(header::ACCEPT).peekable();
    values.peek()?;
    let mut ranges = Vec::new();
    for value in values {
        let Ok(value) = value.to_str() else {
            continue;
        };
        for item in value.split(',') {
            let mut parts = item.split(';');
            let essence = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
            let Some((kind, subtype)) = essence.split_once('/') else {
                continue;
            };
            let mut quality = 1.0;
            for parameter in parts {
                if let Some((name, value)) = parameter.split_once('=') {
                    if name.trim().eq_ignore_ascii_case("q") {
                        quality = value.trim().parse::<f32>().unwrap_or(0.0).clamp(0.0, 1.0);
                    }
                }
            }
            ranges.push(MediaRange {
                kind: kind.trim().to_owned(),
                subtype: subtype.trim().to_owned(),
                quality,
            });
        }
    }
    Some(ranges)
}

/// The offer the client prefers: highest quality, then the most specific range naming it,
/// then the range the client listed first, then the server's order of `offers`.
fn negotiate(ranges: &[MediaRange], offers: &[MediaType]) -> Option<MediaType> {
    let mut best: Option<(MediaType, f32, u8, usize)> = None;
    for &offer in offers {
        let matched = ranges
            .iter()
            .enumerate()
            .filter_map(|(position, range)| {
                range
                    .specificity(offer)
                    .map(|specificity| (range.quality, specificity, position))
            })
            .max_by_key(|&(_, specificity, _)| specificity);
        let Some((quality, specificity, position)) = matched else {
            continue;
        };
        if quality <= 0.0 {
            continue;
        }
        let better = match best {
            None => true,
            Some((_, best_quality, best_specificity, best_position)) => {
                quality > best_quality
                    || (quality == best_quality
                        && (specificity > best_specificity
                            || (specificity == best_specificity && position < best_position)))
            }
        };
        if better {
            best = Some((offer, quality, specificity, position));
        }
    }
    best.map(|(offer, ..)| offer)
}

/// The media type of the answer to a GraphQL request, or `None` when the client accepts
/// neither JSON type (406).
fn response_media_type(req: &HttpRequest) -> Option<MediaType> {
    match accept_ranges(req) {
        None => Some(MediaType::GraphQLResponse),
        Some(ranges) => negotiate(&ranges, &[MediaType::Json, MediaType::GraphQLResponse]),
    }
}

/// An answer that is not a GraphQL response (the request was refused before execution):
/// our error shape, in the negotiated media type.
fn refusal(media: MediaType, status: StatusCode, message: &str) -> HttpResponse {
    HttpResponse::build(status)
        .content_type(media.content_type())
        .insert_header((header::VARY, "Accept"))
        .body(error_body(ErrorCode::BadUserInput, message, None).to_string())
}

fn not_acceptable() -> HttpResponse {
    refusal(
        MediaType::Json,
        StatusCode::NOT_ACCEPTABLE,
        "this endpoint answers application/graphql-response+json or application/json; the \
         Accept header allows neither",
    )
}

/// Any method but GET and POST on `/graphql`.
pub(crate) async fn method_not_allowed() -> HttpResponse {
    let mut response = refusal(
        MediaType::Json,
        StatusCode::METHOD_NOT_ALLOWED,
        "use POST for GraphQL requests (GET for queries only)",
    );
    response
        .headers_mut()
        .insert(header::ALLOW, header::HeaderValue::from_static("GET, POST"));
    response
}

/// Why a request is not a well-formed GraphQL-over-HTTP request.
struct Malformed {
    status: StatusCode,
    message: String,
}

impl Malformed {
    fn bad_request(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// One GraphQL request from its parameters: `query` a string, `operationName` a string or
/// null, `variables` and `extensions` objects or null. Other members are ignored.
fn graphql_request(value: Value) -> Result<Request, String> {
    let Value::Object(mut parameters) = value else {
        return Err(format!(
            "a GraphQL request is a JSON object, not {}",
            json_kind(&value)
        ));
    };
    let mut request = Map::new();
    match parameters.remove("query") {
        Some(Value::String(query)) => {
            request.insert("query".into(), Value::String(query));
        }
        None | Some(Value::Null) => return Err("the request has no `query`".into()),
        Some(other) => {
            return Err(format!(
                "`query` must be a string, not {}",
                json_kind(&other)
            ))
        }
    }
    match parameters.remove("operationName") {
        None | Some(Value::Null) => {}
        Some(Value::String(name)) => {
            request.insert("operationName".into(), Value::String(name));
        }
        Some(other) => {
            return Err(format!(
                "`operationName` must be a string or null, not {}",
                json_kind(&other)
            ))
        }
    }
    for name in ["variables", "extensions"] {
        match parameters.remove(name) {
            None | Some(Value::Null) => {}
            Some(Value::Object(map)) => {
                request.insert(name.into(), Value::Object(map));
            }
            Some(other) => {
                return Err(format!(
                    "`{name}` must be an object or null, not {}",
                    json_kind(&other)
                ))
            }
        }
    }
    serde_json::from_value(Value::Object(request))
        .map_err(|err| format!("the request cannot be read: {err}"))
}

/// The GraphQL request(s) of a POST body: one object, or an array of up to [`MAX_BATCH`].
fn batch_request(body: &[u8]) -> Result<BatchRequest, Malformed> {
    if body.is_empty() {
        return Err(Malformed::bad_request(
            "the request body is empty; send a JSON object with a `query`",
        ));
    }
    let value: Value = serde_json::from_slice(body)
        .map_err(|_| Malformed::bad_request("the request body is not JSON (in UTF-8)"))?;
    match value {
        Value::Array(items) => {
            if items.is_empty() {
                return Err(Malformed::bad_request(
                    "a batch holds at least one operation",
                ));
            }
            if items.len() > MAX_BATCH {
                return Err(Malformed::bad_request(format!(
                    "a batch may hold at most {MAX_BATCH} operations"
                )));
            }
            let requests = items
                .into_iter()
                .enumerate()
                .map(|(index, item)| {
                    graphql_request(item)
                        .map_err(|err| Malformed::bad_request(format!("operation {index}: {err}")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok(BatchRequest::Batch(requests))
        }
        single => graphql_request(single)
            .map(BatchRequest::Single)
            .map_err(Malformed::bad_request),
    }
}

/// POST bodies must be JSON (`application/json`), in UTF-8, the only charset JSON has.
fn check_content_type(req: &HttpRequest) -> Result<(), Malformed> {
    let unsupported = |message: &str| Malformed {
        status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
        message: message.to_owned(),
    };
    let mime =
        match req.mime_type() {
            Ok(Some(mime)) => mime,
            Ok(None) | Err(_) => return Err(unsupported(
                "send GraphQL requests as application/json (Content-Type is missing or unreadable)",
            )),
        };
    // `+json` types (e.g. `application/graphql+json` of earlier drafts) were accepted before
    // the specification settled on `application/json`; they stay accepted.
    let json = mime.subtype() == "json" || mime.suffix().is_some_and(|suffix| suffix == "json");
    if mime.type_() != "application" || !json {
        return Err(unsupported("send GraphQL requests as application/json"));
    }
    if mime.get_param("charset").is_some_and(|charset| {
        !["utf-8", "utf8"]
            .iter()
            .any(|utf8| charset.as_str().eq_ignore_ascii_case(utf8))
    }) {
        return Err(unsupported("GraphQL requests are read as UTF-8 only"));
    }
    Ok(())
}

/// The body, or 413 once it passes `limit` bytes (by its Content-Length, before reading).
async fn read_body(
    req: &HttpRequest,
    mut payload: web::Payload,
    limit: usize,
) -> Result<web::Bytes, Malformed> {
    let too_large = || Malformed {
        status: StatusCode::PAYLOAD_TOO_LARGE,
        message: format!("request body is larger than the limit of {limit} bytes"),
    };
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|length| length > limit) {
        return Err(too_large());
    }
    let mut body = web::BytesMut::with_capacity(declared.unwrap_or(0));
    while let Some(chunk) = payload.next().await {
        let chunk =
            chunk.map_err(|_| Malformed::bad_request("the request body could not be read"))?;
        if body.len() + chunk.len() > limit {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

/// A response raised before execution began: a request error, whose answer has no `data`.
fn is_request_error(response: &Response) -> bool {
    response.data == async_graphql::Value::Null
        && !response.errors.is_empty()
        && response.errors.iter().all(|error| error.path.is_empty())
}

fn response_json(mut response: Response) -> Result<Value, serde_json::Error> {
    ensure_error_codes(&mut response);
    let request_error = is_request_error(&response);
    let mut json = serde_json::to_value(response)?;
    if request_error {
        if let Value::Object(members) = &mut json {
            members.remove("data");
        }
    }
    Ok(json)
}

/// The HTTP response for executed request(s), with the status the media type asks for.
fn graphql_response(media: MediaType, response: BatchResponse) -> HttpResponse {
    let (all_request_errors, body) = match response {
        BatchResponse::Single(single) => (is_request_error(&single), response_json(single)),
        BatchResponse::Batch(all) => (
            all.iter().all(is_request_error),
            all.into_iter()
                .map(response_json)
                .collect::<Result<Vec<_>, _>>()
                .map(Value::Array),
        ),
    };
    let body = match body {
        Ok(body) => body,
        Err(err) => {
            tracing::error!(%err, "a GraphQL response could not be serialized");
            return HttpResponse::InternalServerError()
                .content_type(media.content_type())
                .body(error_body(ErrorCode::Internal, "internal error", None).to_string());
        }
    };
    let status = if media == MediaType::GraphQLResponse && all_request_errors {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    HttpResponse::build(status)
        .content_type(media.content_type())
        .insert_header((header::VARY, "Accept"))
        .body(body.to_string())
}

/// Authenticates, attaches each operation's context, executes and answers.
async fn execute(
    state: &AppState,
    req: &HttpRequest,
    media: MediaType,
    mut batch: BatchRequest,
) -> HttpResponse {
    let viewer = match auth::authenticate(&state.db, &state.verifier, authorization(req)).await {
        Ok(viewer) => viewer,
        Err(err) => {
            let mut response = auth_error_response(&err);
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                header::HeaderValue::from_static(media.content_type()),
            );
            return response;
        }
    };
    let origin = request_origin(req);
    let mut writes = false;
    for request in batch.iter_mut() {
        writes |= is_mutation(request);
        attach_context(request, state, &viewer, &origin, LoaderCache::Cached);
    }
    let response = state.schema.execute_batch(batch).await;
    if writes {
        // Whatever it committed is numbered and fanned out now rather than at the next poll.
        state.hub.poke();
    }
    graphql_response(media, response)
}

/// POST /graphql: a JSON object, or an array of up to [`MAX_BATCH`] (a batch).
pub(crate) async fn graphql_post(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> HttpResponse {
    let Some(media) = response_media_type(&req) else {
        return not_acceptable();
    };
    let batch = match check_content_type(&req) {
        Ok(()) => match read_body(&req, payload, state.max_body_bytes).await {
            Ok(body) => batch_request(&body),
            Err(err) => Err(err),
        },
        Err(err) => Err(err),
    };
    match batch {
        Ok(batch) => execute(&state, &req, media, batch).await,
        Err(err) => refusal(media, err.status, &err.message),
    }
}

/// The GraphQL parameters of a GET's URL, `variables` and `extensions` as JSON text; `None`
/// when the URL has no `query` (a browser opening GraphiQL).
fn url_request(query_string: &str) -> Option<Result<Request, Malformed>> {
    let mut parameters = Map::new();
    let mut has_query = false;
    for (name, value) in url::form_urlencoded::parse(query_string.as_bytes()) {
        let name = name.into_owned();
        has_query |= name == "query";
        let value = match name.as_str() {
            "variables" | "extensions" => match serde_json::from_str::<Value>(&value) {
                Ok(value) => value,
                Err(_) => {
                    return Some(Err(Malformed::bad_request(format!(
                        "`{name}` must be a URL-encoded JSON object"
                    ))))
                }
            },
            _ => Value::String(value.into_owned()),
        };
        if parameters.insert(name.clone(), value).is_some() {
            return Some(Err(Malformed::bad_request(format!(
                "`{name}` is given more than once"
            ))));
        }
    }
    if !has_query {
        return None;
    }
    Some(graphql_request(Value::Object(parameters)).map_err(Malformed::bad_request))
}

/// GET /graphql: a query in the URL's parameters; without one, GraphiQL for a client that
/// accepts HTML.
pub(crate) async fn graphql_get(state: &AppState, req: &HttpRequest) -> HttpResponse {
    let ranges = accept_ranges(req);
    let Some(request) = url_request(req.query_string()) else {
        let wants_page = ranges
            .as_deref()
            .is_some_and(|ranges| negotiate(ranges, &[MediaType::Html]).is_some());
        if !wants_page {
            let Some(media) = response_media_type(req) else {
                return not_acceptable();
            };
            return refusal(
                media,
                StatusCode::BAD_REQUEST,
                "the request has no `query` parameter",
            );
        }
        if !state.graphiql {
            return HttpResponse::NotFound().json(error_body(
                ErrorCode::NotFound,
                "GraphiQL is switched off; POST queries to /graphql",
                None,
            ));
        }
        return crate::console::graphiql(req);
    };
    let mut offers = vec![MediaType::Json, MediaType::GraphQLResponse];
    if state.graphiql {
        offers.push(MediaType::Html);
    }
    let media = match &ranges {
        None => Some(MediaType::GraphQLResponse),
        Some(ranges) => negotiate(ranges, &offers),
    };
    let media = match media {
        Some(MediaType::Html) => return crate::console::graphiql(req),
        Some(media) => media,
        None => return not_acceptable(),
    };
    let mut request = match request {
        Ok(request) => request,
        Err(err) => return refusal(media, err.status, &err.message),
    };
    if is_mutation(&mut request) {
        let mut response = refusal(
            media,
            StatusCode::METHOD_NOT_ALLOWED,
            "mutations cannot be sent with GET; use POST",
        );
        response
            .headers_mut()
            .insert(header::ALLOW, header::HeaderValue::from_static("POST"));
        return response;
    }
    execute(state, req, media, BatchRequest::Single(request)).await
}
