//! Reports as CSV downloads over HTTP (`docs/CULTURE.md`, "CSV"): the same services and
//! report structs as GraphQL, the same bearer token, and errors as a JSON body with a code.

use crate::{
    auth::{self, Viewer},
    error::{ServiceError, ServiceResult},
    graphql::{
        error::ErrorCode,
        node::{parse_global_id, NodeKind},
    },
    server::{authorization, AppState},
    service::{
        self,
        report::{csv as report_csv, csv::Names, leadership::DEFAULT_THRESHOLD, Period},
    },
};
use actix_web::{http::header, web, HttpRequest, HttpResponse};
use async_graphql::ID;
use chrono::NaiveDate;
use sea_orm::DatabaseConnection;
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

type Params = web::Query<HashMap<String, String>>;

/// Registers the CSV routes.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/reports/communities/{id}/rhythm.csv",
        web::get().to(community_rhythm),
    )
    .route(
        "/reports/communities/{id}/leadership.csv",
        web::get().to(community_leadership),
    )
    .route(
        "/reports/communities/{id}/value.csv",
        web::get().to(community_value),
    )
    .route(
        "/reports/communities/{id}/health.csv",
        web::get().to(community_health),
    )
    .route(
        "/reports/organizations/{id}/leadership.csv",
        web::get().to(organization_leadership),
    )
    .route(
        "/reports/organizations/{id}/value.csv",
        web::get().to(organization_value),
    )
    .route(
        "/reports/organizations/{id}/business-units/{unit}/value.csv",
        web::get().to(business_unit_value),
    );
}

fn error_response(err: &ServiceError) -> HttpResponse {
    let (mut response, code, message) = match err {
        ServiceError::Unauthenticated(reason) => {
            let mut r = HttpResponse::Unauthorized();
            r.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
            (r, ErrorCode::Unauthenticated, reason.to_string())
        }
        ServiceError::Forbidden(message) => (
            HttpResponse::Forbidden(),
            ErrorCode::Forbidden,
            (*message).to_owned(),
        ),
        ServiceError::NotFound => (
            HttpResponse::NotFound(),
            ErrorCode::NotFound,
            "not found".to_owned(),
        ),
        ServiceError::Invalid { field, message } => (
            HttpResponse::BadRequest(),
            ErrorCode::BadUserInput,
            format!("{}: {message}", field.join(".")),
        ),
        ServiceError::Conflict { message, .. } => (
            HttpResponse::Conflict(),
            ErrorCode::Conflict,
            message.clone(),
        ),
        ServiceError::Internal(inner) => {
            tracing::error!(error = format!("{inner:#}"), "internal error");
            (
                HttpResponse::InternalServerError(),
                ErrorCode::Internal,
                "internal error".to_owned(),
            )
        }
    };
    response.json(json!({ "code": code.as_str(), "message": message }))
}

fn csv_response(filename: &str, body: ServiceResult<String>) -> HttpResponse {
    match body {
        Ok(body) => HttpResponse::Ok()
            .content_type("text/csv; charset=utf-8")
            .insert_header((
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ))
            .body(body),
        Err(err) => error_response(&err),
    }
}

async fn viewer(state: &AppState, req: &HttpRequest) -> ServiceResult<Viewer> {
    let viewer = auth::authenticate(&state.db, &state.verifier, authorization(req)).await?;
    crate::access::require_signed_in(&viewer)?;
    Ok(viewer)
}

/// A global id of `kind`; any other string names nothing: NOT_FOUND.
fn id_of(text: &str, kind: NodeKind) -> ServiceResult<Uuid> {
    match parse_global_id(&ID::from(text)) {
        Some((k, id)) if k == kind => Ok(id),
        _ => Err(ServiceError::NotFound),
    }
}

fn period(params: &HashMap<String, String>) -> ServiceResult<Period> {
    let day = |name: &str| -> ServiceResult<NaiveDate> {
        let text = params
            .get(name)
            .ok_or_else(|| ServiceError::invalid(name, "is required (YYYY-MM-DD)"))?;
        text.parse()
            .map_err(|_| ServiceError::invalid(name, "must be a date: YYYY-MM-DD"))
    };
    Period::new(day("from")?, day("to")?)
}

fn threshold(params: &HashMap<String, String>) -> ServiceResult<i32> {
    match params.get("threshold") {
        None => Ok(DEFAULT_THRESHOLD),
        Some(text) => text
            .parse()
            .map_err(|_| ServiceError::invalid("threshold", "must be a whole number")),
    }
}

async fn names(
    db: &DatabaseConnection,
    viewer: &Viewer,
    ids: impl IntoIterator<Item = Uuid>,
) -> ServiceResult<Names> {
    let ids: Vec<Uuid> = ids.into_iter().collect();
    Ok(service::organization::find_visible(db, viewer, &ids)
        .await?
        .into_iter()
        .map(|(id, org)| (id, org.name))
        .collect())
}

fn value_organizations(report: &service::report::value::ValueReport) -> Vec<Uuid> {
    let members = report.figures.active_members.keys().map(|(o, _)| *o);
    let stories = report.stories.iter().map(|s| s.organization_id);
    members.chain(stories).collect()
}

async fn community_rhythm(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
    params: Params,
) -> HttpResponse {
    let body = async {
        let viewer = viewer(&state, &req).await?;
        let id = id_of(&path, NodeKind::Community)?;
        let period = period(&params)?;
        let report = service::report::rhythm::rhythm(&state.db, &viewer, id, period).await?;
        report_csv::rhythm(&report)
    };
    csv_response("rhythm.csv", body.await)
}

async fn community_leadership(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
    params: Params,
) -> HttpResponse {
    let body = async {
        let viewer = viewer(&state, &req).await?;
        let id = id_of(&path, NodeKind::Community)?;
        let threshold = threshold(&params)?;
        let leadership = service::report::leadership::community_leadership;
        let report = leadership(&state.db, &viewer, id, threshold).await?;
        let ids = report.by_organization.iter().map(|o| o.organization_id);
        let names = names(&state.db, &viewer, ids).await?;
        report_csv::community_leadership(&report, &names)
    };
    csv_response("leadership.csv", body.await)
}

async fn community_value(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
    params: Params,
) -> HttpResponse {
    let body = async {
        let viewer = viewer(&state, &req).await?;
        let id = id_of(&path, NodeKind::Community)?;
        let period = period(&params)?;
        let community = service::report::report_community(&state.db, &viewer, id).await?;
        let value = service::report::value::community_value;
        let report = value(&state.db, &viewer, id, period).await?;
        let names = names(&state.db, &viewer, value_organizations(&report)).await?;
        report_csv::value(&report, &community.name, &names)
    };
    csv_response("value.csv", body.await)
}

async fn community_health(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
) -> HttpResponse {
    let body = async {
        let viewer = viewer(&state, &req).await?;
        let id = id_of(&path, NodeKind::Community)?;
        let dormant_after = state.settings.dormant_after;
        let report = service::report::health::health(&state.db, &viewer, id, dormant_after).await?;
        report_csv::health(&report)
    };
    csv_response("health.csv", body.await)
}

async fn organization_leadership(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
    params: Params,
) -> HttpResponse {
    let body = async {
        let viewer = viewer(&state, &req).await?;
        let id = id_of(&path, NodeKind::Organization)?;
        let threshold = threshold(&params)?;
        let leadership = service::report::leadership::organization_leadership;
        let report = leadership(&state.db, &viewer, id, threshold).await?;
        report_csv::organization_leadership(&report)
    };
    csv_response("leadership.csv", body.await)
}

async fn organization_value(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
    params: Params,
) -> HttpResponse {
    let body = async {
        let viewer = viewer(&state, &req).await?;
        let id = id_of(&path, NodeKind::Organization)?;
        let period = period(&params)?;
        let value = service::report::value::organization_value;
        let report = value(&state.db, &viewer, id, period).await?;
        let ids = value_organizations(&report.report).into_iter().chain([id]);
        let names = names(&state.db, &viewer, ids).await?;
        report_csv::organization_value(&report, &names)
    };
    csv_response("value.csv", body.await)
}

async fn business_unit_value(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    params: Params,
) -> HttpResponse {
    let body = async {
        let viewer = viewer(&state, &req).await?;
        let (id, unit) = (id_of(&path.0, NodeKind::Organization)?, path.1.trim());
        let period = period(&params)?;
        let value = service::report::value::business_unit_value;
        let report = value(&state.db, &viewer, id, unit, period).await?;
        let names = names(&state.db, &viewer, value_organizations(&report)).await?;
        report_csv::value(&report, unit, &names)
    };
    csv_response("business-unit-value.csv", body.await)
}
