//! Well-formed GraphQL-over-HTTP requests: POST bodies and GET URL parameters, with the
//! status and message that refuse each malformed one.

use crate::{persisted_queries::DOCUMENT_ID, server::MAX_BATCH};
use actix_web::{
    http::{header, StatusCode},
    web, HttpMessage, HttpRequest,
};
use async_graphql::{BatchRequest, Request};
use futures_util::StreamExt;
use serde_json::{Map, Value};

/// Why a request is not a well-formed GraphQL-over-HTTP request.
pub(super) struct Malformed {
    pub(super) status: StatusCode,
    pub(super) message: String,
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
/// null, `variables` and `extensions` objects or null, `documentId` a string or null. Without
/// `query`, the request must name its document by hash (`extensions.persistedQuery` or
/// `documentId`, which travels on in the extensions; see [`crate::persisted_queries`]).
/// Other members are ignored.
fn graphql_request(value: Value) -> Result<Request, String> {
    let Value::Object(mut parameters) = value else {
        return Err(format!(
            "a GraphQL request is a JSON object, not {}",
            json_kind(&value)
        ));
    };
    let mut request = Map::new();
    let has_query = match parameters.remove("query") {
        Some(Value::String(query)) => {
            request.insert("query".into(), Value::String(query));
            true
        }
        None | Some(Value::Null) => false,
        Some(other) => {
            return Err(format!(
                "`query` must be a string, not {}",
                json_kind(&other)
            ))
        }
    };
    let document_id = match parameters.remove("documentId") {
        None | Some(Value::Null) => None,
        Some(Value::String(id)) => Some(id),
        Some(other) => {
            return Err(format!(
                "`documentId` must be a string or null, not {}",
                json_kind(&other)
            ))
        }
    };
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
    let names_by_hash = document_id.is_some()
        || request
            .get("extensions")
            .and_then(|extensions| extensions.get("persistedQuery"))
            .is_some_and(|persisted| !persisted.is_null());
    if !has_query && !names_by_hash {
        return Err("the request has no `query`".into());
    }
    if let Some(id) = document_id {
        if let Value::Object(extensions) = request
            .entry("extensions")
            .or_insert_with(|| Value::Object(Map::new()))
        {
            extensions.insert(DOCUMENT_ID.into(), Value::String(id));
        }
    }
    serde_json::from_value(Value::Object(request))
        .map_err(|err| format!("the request cannot be read: {err}"))
}

/// The GraphQL request(s) of a POST body: one object, or an array of up to [`MAX_BATCH`].
pub(super) fn batch_request(body: &[u8]) -> Result<BatchRequest, Malformed> {
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
pub(super) fn check_content_type(req: &HttpRequest) -> Result<(), Malformed> {
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
pub(super) async fn read_body(
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

/// The GraphQL parameters of a GET's URL, `variables` and `extensions` as JSON text; `None`
/// when the URL has no `query`, `documentId` or `extensions` (a browser opening GraphiQL).
pub(super) fn url_request(query_string: &str) -> Option<Result<Request, Malformed>> {
    let mut parameters = Map::new();
    let mut has_query = false;
    for (name, value) in url::form_urlencoded::parse(query_string.as_bytes()) {
        let name = name.into_owned();
        // A query named by hash has no `query` parameter.
        has_query |= matches!(name.as_str(), "query" | "documentId" | "extensions");
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
