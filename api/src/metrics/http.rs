//! `GET /metrics` and the labels of HTTP requests.

use crate::{graphql::error::ErrorCode, server::AppState};
use actix_web::{dev::ServiceResponse, http::header, web, HttpRequest, HttpResponse};
use sha2::{Digest, Sha256};

/// The label of a request's route: the pattern it matched (never the raw path, which may
/// hold secrets such as calendar tokens), or `unmatched`.
pub fn route_label<B>(response: &ServiceResponse<B>) -> String {
    response
        .request()
        .match_pattern()
        .unwrap_or_else(|| "unmatched".to_owned())
}

/// The label of a request's method: the standard ones by name, anything else `other`.
pub fn method_label(method: &actix_web::http::Method) -> &'static str {
    use actix_web::http::Method;
    match *method {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::HEAD => "HEAD",
        Method::OPTIONS => "OPTIONS",
        Method::PATCH => "PATCH",
        _ => "other",
    }
}

/// Whether the request carries the metrics bearer token (compared as digests, so the time
/// taken does not tell how much of it matched).
fn authorized(req: &HttpRequest, token: &str) -> bool {
    let given = crate::server::authorization(req)
        .and_then(|value| value.strip_prefix("Bearer "))
        .unwrap_or_default();
    Sha256::digest(given.as_bytes()) == Sha256::digest(token.as_bytes())
}

/// GET /metrics: every metric in the Prometheus text format; 401 without the bearer token
/// when `--metrics-token` is set.
pub(crate) async fn metrics(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    if let Some(token) = &state.metrics_token {
        if !authorized(&req, token) {
            return HttpResponse::Unauthorized()
                .insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"metrics\""))
                .json(crate::server::error_body(
                    ErrorCode::Unauthenticated,
                    "metrics need the bearer token set by --metrics-token",
                    None,
                ));
        }
    }
    let body = state.metrics.render(&state.db, &state.hub).await;
    HttpResponse::Ok()
        .content_type(prometheus::TEXT_FORMAT)
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body)
}
