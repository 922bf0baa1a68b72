//! Reports over a community's life: rhythm, leadership, value and health, and their CSV form.
//! The figures are defined in `docs/CULTURE.md`; every one is an aggregate over rows the
//! viewer may see, computed in SQL where the number of rows grows with the organization.

pub mod csv;
pub mod health;
pub mod leadership;
pub mod period;
pub mod rhythm;
pub mod value;
mod value_figures;
mod value_queries;

pub use period::Period;

use crate::{
    access,
    auth::Viewer,
    error::{ServiceError, ServiceResult},
};
use entity::community;
use sea_orm::{
    sea_query::{Alias, Expr, Func, SimpleExpr},
    ConnectionTrait, EntityTrait, QueryFilter,
};
use uuid::Uuid;

/// A community whose reports the viewer reads (live for them); NOT_FOUND otherwise.
pub async fn report_community(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    community_id: Uuid,
) -> ServiceResult<community::Model> {
    access::require_signed_in(viewer)?;
    community::Entity::find_by_id(community_id)
        .filter(access::viewer_live_communities(viewer))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)
}

/// The median of a sorted list; the mean of the two middle values for an even count.
pub fn median(sorted: &[f64]) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    Some(if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    })
}

/// `COUNT(*)` as a BIGINT on every backend.
fn count_rows() -> SimpleExpr {
    Func::cast_as(Func::count(Expr::val(1)), Alias::new("BIGINT")).into()
}

/// `SUM(column)` as a BIGINT (PostgreSQL sums BIGINTs to NUMERIC otherwise).
fn sum(column: impl sea_orm::IntoSimpleExpr) -> SimpleExpr {
    Func::cast_as(Func::sum(column.into_simple_expr()), Alias::new("BIGINT")).into()
}

/// Whole seconds as days, to the hundredth.
fn seconds_as_days(seconds: i64) -> f64 {
    (seconds as f64 / 864.0).round() / 100.0
}

/// Counts from the database as `i64`, never negative.
fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_lists() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[3.0]), Some(3.0));
        assert_eq!(median(&[1.0, 2.0, 10.0]), Some(2.0));
        assert_eq!(median(&[1.0, 2.0, 4.0, 10.0]), Some(3.0));
    }

    #[test]
    fn days_to_the_hundredth() {
        assert_eq!(seconds_as_days(86_400 * 3), 3.0);
        assert_eq!(seconds_as_days(86_400 + 43_200), 1.5);
    }
}
