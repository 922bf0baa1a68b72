//! Organizations' own cost budgets (README, "Cost and rate limits"), set by the operator.

use super::{
    context,
    error::payload,
    node::{expect_global_id, NodeKind},
    organization::Organization,
};
use crate::{
    cost::limiter::RateLimits,
    service::{self, rate_limit::NewBudgets},
};
use async_graphql::{Context, InputObject, Object, ID};
use chrono::{DateTime, Utc};
use entity::organization_rate_limit;
use std::sync::Arc;

/// An organization's own cost budgets per rate-limit window; a null budget is the server's
/// default.
pub struct OrganizationRateLimit(pub organization_rate_limit::Model);

fn points(value: Option<i64>) -> Option<i32> {
    value.and_then(|value| i32::try_from(value).ok())
}

/// An organization's own cost budgets per rate-limit window; a null budget is the server's
/// default.
#[Object]
impl OrganizationRateLimit {
    /// The organization these budgets are for.
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        Organization::load(ctx, self.0.organization_id).await
    }

    /// Cost points all people of the organization may spend per window; null: the server's
    /// default (`--rate-limit-organization`).
    async fn organization_points(&self) -> Option<i32> {
        points(self.0.organization_points)
    }

    /// Cost points each person of the organization may spend per window; null: the server's
    /// default (`--rate-limit-person`).
    async fn person_points(&self) -> Option<i32> {
        points(self.0.person_points)
    }

    /// When the budgets were last set.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// Input of `setOrganizationRateLimit`.
#[derive(InputObject)]
pub struct SetOrganizationRateLimitInput {
    /// Global id of the organization.
    pub organization_id: ID,
    /// Cost points all its people may spend per window (1 to 1,000,000,000); null: the
    /// server's default.
    pub organization_points: Option<i32>,
    /// Cost points each of its people may spend per window (1 to 1,000,000,000); null: the
    /// server's default.
    pub person_points: Option<i32>,
}

payload!(
    /// Result of `setOrganizationRateLimit`.
    SetOrganizationRateLimitPayload { rate_limit: OrganizationRateLimit }
);

#[derive(Default)]
pub struct RateLimitMutation;

#[Object]
impl RateLimitMutation {
    /// Sets an organization's cost budgets per rate-limit window (null restores a default).
    /// Platform operator only. Audited. An instance applies new budgets at once if it set
    /// them, others within 10 seconds; a bucket starts full at its new size.
    async fn set_organization_rate_limit(
        &self,
        ctx: &Context<'_>,
        input: SetOrganizationRateLimitInput,
    ) -> async_graphql::Result<SetOrganizationRateLimitPayload> {
        let (db, viewer) = context::request(ctx)?;
        let organization_id = expect_global_id(&input.organization_id, NodeKind::Organization)?;
        // A negative budget becomes 0, which the service refuses with the field named.
        let budget = |points: Option<i32>| points.map(|points| u32::try_from(points).unwrap_or(0));
        let new = NewBudgets {
            organization_id,
            organization_points: budget(input.organization_points),
            person_points: budget(input.person_points),
        };
        let result = service::rate_limit::set_budgets(db, viewer, new).await;
        if result.is_ok() {
            if let Ok(limits) = ctx.data::<Arc<RateLimits>>() {
                limits.forget_organization(organization_id);
            }
        }
        SetOrganizationRateLimitPayload::from_result(result, OrganizationRateLimit)
    }
}
