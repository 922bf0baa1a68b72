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
//!   has no `data`; anything that executed is a 200, field errors included. An operation
//!   refused because a cost budget is spent is a 429 there (200 under `application/json`),
//!   with `Retry-After` under both.

mod accept;
mod request;

use crate::metrics::{
    graphql::{is_rate_limited, operation_labels},
    Outcome,
};
use crate::{
    auth,
    graphql::error::ErrorCode,
    server::{
        attach_context, auth_error_response, authorization, client_address, ensure_error_codes,
        error_body, is_mutation, request_origin, AppState, LoaderCache,
    },
};
use accept::{accept_ranges, negotiate, response_media_type, MediaType};
use actix_web::{
    http::{header, StatusCode},
    web, HttpRequest, HttpResponse,
};
use async_graphql::{BatchRequest, BatchResponse, Response};
use request::{batch_request, check_content_type, read_body, url_request};
use serde_json::Value;

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

/// A response raised before execution began: a request error, whose answer has no `data`.
pub(crate) fn is_request_error(response: &Response) -> bool {
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

/// Seconds a refused operation must wait (its error's `retryAfter`), if a budget refused it.
fn retry_after(response: &Response) -> Option<u64> {
    if !is_rate_limited(response) {
        return None;
    }
    response
        .errors
        .iter()
        .filter_map(|error| error.extensions.as_ref()?.get("retryAfter"))
        .filter_map(|value| match value {
            async_graphql::Value::Number(number) => number.as_u64(),
            _ => None,
        })
        .max()
}

/// The HTTP response for executed request(s), with the status the media type asks for. An
/// answer refused by a spent budget carries `Retry-After` (the longest wait of a batch) under
/// both media types; under `application/graphql-response+json` it is a 429 when nothing ran.
fn graphql_response(media: MediaType, response: BatchResponse) -> HttpResponse {
    let (all_request_errors, retry, body) = match response {
        BatchResponse::Single(single) => (
            is_request_error(&single),
            retry_after(&single),
            response_json(single),
        ),
        BatchResponse::Batch(all) => (
            all.iter().all(is_request_error),
            all.iter().filter_map(retry_after).max(),
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
    let status = match (media, all_request_errors, retry) {
        (MediaType::GraphQLResponse, true, Some(_)) => StatusCode::TOO_MANY_REQUESTS,
        (MediaType::GraphQLResponse, true, None) => StatusCode::BAD_REQUEST,
        _ => StatusCode::OK,
    };
    let mut answer = HttpResponse::build(status);
    answer
        .content_type(media.content_type())
        .insert_header((header::VARY, "Accept"));
    if let Some(seconds) = retry {
        answer.insert_header((header::RETRY_AFTER, seconds.to_string()));
    }
    answer.body(body.to_string())
}

/// The 405 a mutation sent with GET gets.
fn mutation_over_get(media: MediaType) -> HttpResponse {
    let mut response = refusal(
        media,
        StatusCode::METHOD_NOT_ALLOWED,
        "mutations cannot be sent with GET; use POST",
    );
    response
        .headers_mut()
        .insert(header::ALLOW, header::HeaderValue::from_static("POST"));
    response
}

/// Which methods may run what.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Method {
    Post,
    /// GET: queries only (a mutation is 405).
    Get,
}

/// Authenticates, finds documents named by hash, attaches each operation's context, executes
/// and answers.
async fn execute(
    state: &AppState,
    req: &HttpRequest,
    media: MediaType,
    mut batch: BatchRequest,
    method: Method,
) -> HttpResponse {
    let started = std::time::Instant::now();
    let viewer = match auth::authenticate(&state.db, &state.verifier, authorization(req)).await {
        Ok(viewer) => viewer,
        Err(err) => {
            let outcome = match err {
                crate::error::ServiceError::Unauthenticated(_) => Outcome::Unauthenticated,
                // The credentials could not be checked (503): a failure on our side.
                _ => Outcome::Errors,
            };
            for request in batch.iter_mut() {
                let (name, kind) = operation_labels(request);
                state.metrics.graphql_operation(
                    name.as_deref(),
                    kind,
                    outcome,
                    Some(started.elapsed()),
                );
            }
            let mut response = auth_error_response(&err);
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                header::HeaderValue::from_static(media.content_type()),
            );
            return response;
        }
    };
    let origin = request_origin(req);
    let client = client_address(req);
    let (requests, single) = match batch {
        BatchRequest::Single(request) => (vec![request], true),
        BatchRequest::Batch(requests) => (requests, false),
    };
    let mut responses = Vec::with_capacity(requests.len());
    let mut writes = false;
    // One after the other, as `execute_batch` runs them.
    for mut request in requests {
        if let Err(refused) = state.persisted().resolve(&viewer, &mut request).await {
            let (name, kind) = operation_labels(&mut request);
            state.metrics.graphql_operation(
                name.as_deref(),
                kind,
                Outcome::RequestError,
                Some(started.elapsed()),
            );
            responses.push(Response::from_errors(vec![refused.into_server_error()]));
            continue;
        }
        let mutation = is_mutation(&mut request);
        if mutation && method == Method::Get {
            // Only a query named by hash gets here: GET checks the query text it was sent
            // before anything else.
            return mutation_over_get(media);
        }
        writes |= mutation;
        attach_context(
            &mut request,
            state,
            &viewer,
            &origin,
            client,
            LoaderCache::Cached,
        );
        responses.push(state.schema.execute(request).await);
    }
    if writes {
        // Whatever it committed is numbered and fanned out now rather than at the next poll.
        state.hub.poke();
    }
    let response = match (single, responses.pop()) {
        (true, Some(response)) => BatchResponse::Single(response),
        (_, last) => {
            responses.extend(last);
            BatchResponse::Batch(responses)
        }
    };
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
        Ok(batch) => execute(&state, &req, media, batch, Method::Post).await,
        Err(err) => refusal(media, err.status, &err.message),
    }
}

/// The GraphiQL page, which shares its URL with JSON answers chosen by `Accept`.
fn graphiql(req: &HttpRequest) -> HttpResponse {
    let mut response = crate::console::graphiql(req);
    response
        .headers_mut()
        .insert(header::VARY, header::HeaderValue::from_static("Accept"));
    response
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
        return graphiql(req);
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
        Some(MediaType::Html) => return graphiql(req),
        Some(media) => media,
        None => return not_acceptable(),
    };
    let mut request = match request {
        Ok(request) => request,
        Err(err) => return refusal(media, err.status, &err.message),
    };
    if is_mutation(&mut request) {
        return mutation_over_get(media);
    }
    execute(
        state,
        req,
        media,
        BatchRequest::Single(request),
        Method::Get,
    )
    .await
}
