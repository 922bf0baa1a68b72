//! Organizations' own cost budgets per rate-limit window (README, "Cost and rate limits"):
//! the platform operator sets them; the rate limiter reads them.

use super::audit::{self, AuditEntry};
use crate::{
    access,
    auth::Viewer,
    error::{ServiceError, ServiceResult},
};
use chrono::Utc;
use entity::{enums::AuditAction, organization, organization_rate_limit};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel, Set,
};
use serde_json::{json, Value};
use uuid::Uuid;

/// The largest budget that may be set (points per window).
pub const MAX_BUDGET: u32 = 1_000_000_000;

/// Input of [`set_budgets`]; `None` keeps (or restores) the server's default.
#[derive(Debug, Clone)]
pub struct NewBudgets {
    pub organization_id: Uuid,
    pub organization_points: Option<u32>,
    pub person_points: Option<u32>,
}

/// The organization's own budgets, if the operator set any.
pub async fn budgets(
    db: &impl ConnectionTrait,
    organization_id: Uuid,
) -> ServiceResult<Option<organization_rate_limit::Model>> {
    Ok(organization_rate_limit::Entity::find_by_id(organization_id)
        .one(db)
        .await?)
}

/// Sets an organization's budgets, audited. Platform operator only.
pub async fn set_budgets(
    db: &DatabaseConnection,
    viewer: &Viewer,
    input: NewBudgets,
) -> ServiceResult<organization_rate_limit::Model> {
    access::require_operator(viewer)?;
    for (field, points) in [
        ("organizationPoints", input.organization_points),
        ("personPoints", input.person_points),
    ] {
        if points.is_some_and(|points| points == 0 || points > MAX_BUDGET) {
            return Err(ServiceError::invalid(
                field,
                format!("must be between 1 and {MAX_BUDGET} points, or null for the default"),
            ));
        }
    }
    let txn = crate::db::begin_write(db).await?;
    organization::Entity::find_by_id(input.organization_id)
        .one(&txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let before = budgets(&txn, input.organization_id).await?;
    let now = Utc::now();
    let organization_points = input.organization_points.map(i64::from);
    let person_points = input.person_points.map(i64::from);
    let saved = match &before {
        Some(existing) => {
            let mut row = existing.clone().into_active_model();
            row.organization_points = Set(organization_points);
            row.person_points = Set(person_points);
            row.updated_at = Set(now);
            row.update(&txn).await?
        }
        None => {
            organization_rate_limit::ActiveModel {
                organization_id: Set(input.organization_id),
                organization_points: Set(organization_points),
                person_points: Set(person_points),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await?
        }
    };
    audit::record(
        &txn,
        viewer,
        vec![AuditEntry::new(
            AuditAction::OrganizationRateLimitSet,
            saved.organization_id,
            "Organization",
        )
        .target(saved.organization_id)
        .change(
            Some(before.as_ref().map_or_else(defaults, audited)),
            Some(audited(&saved)),
        )],
    )
    .await?;
    txn.commit().await?;
    tracing::info!(
        organization = %saved.organization_id,
        organization_points = ?saved.organization_points,
        person_points = ?saved.person_points,
        "organization budgets set"
    );
    Ok(saved)
}

fn audited(budgets: &organization_rate_limit::Model) -> Value {
    json!({
        "organizationPoints": budgets.organization_points,
        "personPoints": budgets.person_points,
    })
}

fn defaults() -> Value {
    json!({ "organizationPoints": null, "personPoints": null })
}
