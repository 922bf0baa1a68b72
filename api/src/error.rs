//! The service layer's error: what went wrong in terms a caller can act on. The GraphQL layer
//! maps each variant to exactly one `extensions.code` (see `graphql::error`).

use crate::auth::AuthFailure;
use sea_orm::DbErr;

/// The outcome of every service call.
pub type ServiceResult<T> = Result<T, ServiceError>;

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The bearer's token is missing or was rejected.
    #[error("authentication failed: {0}")]
    Unauthenticated(AuthFailure),
    /// The viewer may see the row but not do this to it.
    #[error("{0}")]
    Forbidden(&'static str),
    /// The row does not exist, or the viewer may not know that it does.
    #[error("not found")]
    NotFound,
    /// Input that breaks a rule the caller can fix: a field and a message.
    #[error("{message}")]
    Invalid { field: Vec<String>, message: String },
    /// Input that collides with the current state (a taken slug, a stale revision).
    #[error("{message}")]
    Conflict { field: Vec<String>, message: String },
    /// Anything else. Logged with the request id; the client sees only INTERNAL.
    #[error("internal error: {0:#}")]
    Internal(anyhow::Error),
}

impl ServiceError {
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Self::Invalid {
            field: vec![field.to_owned()],
            message: message.into(),
        }
    }

    pub fn conflict(field: &str, message: impl Into<String>) -> Self {
        Self::Conflict {
            field: vec![field.to_owned()],
            message: message.into(),
        }
    }
}

impl From<DbErr> for ServiceError {
    fn from(err: DbErr) -> Self {
        Self::Internal(anyhow::Error::new(err).context("database"))
    }
}

/// Whether a database error is a unique-constraint violation, for mapping a race on a unique
/// column to a `Conflict` on the field the caller sent.
pub fn is_unique_violation(err: &DbErr) -> bool {
    matches!(
        err.sql_err(),
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
    )
}
