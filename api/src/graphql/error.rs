//! Errors as clients see them: a fixed set of `extensions.code` values, every service error
//! variant mapped explicitly, internal details logged and never sent.

use crate::error::ServiceError;
use async_graphql::{Enum, ErrorExtensions, SimpleObject};

/// Every `extensions.code` Praxis sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    Unauthenticated,
    Forbidden,
    NotFound,
    BadUserInput,
    Conflict,
    RateLimited,
    Internal,
    /// An automatic persisted query's hash is not known (Apollo's code: the client resends
    /// the query with its hash).
    PersistedQueryNotFound,
    /// The viewer's organization accepts only its registered operations.
    PersistedQueryRequired,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unauthenticated => "UNAUTHENTICATED",
            Self::Forbidden => "FORBIDDEN",
            Self::NotFound => "NOT_FOUND",
            Self::BadUserInput => "BAD_USER_INPUT",
            Self::Conflict => "CONFLICT",
            Self::RateLimited => "RATE_LIMITED",
            Self::Internal => "INTERNAL",
            Self::PersistedQueryNotFound => "PERSISTED_QUERY_NOT_FOUND",
            Self::PersistedQueryRequired => "PERSISTED_QUERY_REQUIRED",
        }
    }
}

/// A GraphQL error with `extensions.code`.
pub fn coded(code: ErrorCode, message: impl Into<String>) -> async_graphql::Error {
    async_graphql::Error::new(message).extend_with(|_, e| e.set("code", code.as_str()))
}

/// Maps a service error to the error a client sees. Internal errors are logged here, inside
/// the request's span (which carries the request id), and reach the client without detail.
pub fn to_graphql(err: &ServiceError) -> async_graphql::Error {
    match err {
        ServiceError::Unauthenticated(reason) => {
            let reason = *reason;
            async_graphql::Error::new(reason.to_string()).extend_with(move |_, e| {
                e.set("code", ErrorCode::Unauthenticated.as_str());
                e.set("reason", reason.code());
            })
        }
        ServiceError::Forbidden(message) => coded(ErrorCode::Forbidden, *message),
        ServiceError::NotFound => coded(ErrorCode::NotFound, "not found"),
        ServiceError::Invalid { field, message } => {
            let field = field.clone();
            async_graphql::Error::new(format!("{}: {message}", field.join("."))).extend_with(
                move |_, e| {
                    e.set("code", ErrorCode::BadUserInput.as_str());
                    e.set("field", field.clone());
                },
            )
        }
        ServiceError::Conflict { field, message } => {
            let field = field.clone();
            async_graphql::Error::new(format!("{}: {message}", field.join("."))).extend_with(
                move |_, e| {
                    e.set("code", ErrorCode::Conflict.as_str());
                    e.set("field", field.clone());
                },
            )
        }
        ServiceError::Internal(inner) => {
            tracing::error!(error = format!("{inner:#}"), "internal error");
            coded(ErrorCode::Internal, "internal error")
        }
    }
}

/// `?` for service results in resolvers.
pub trait GqlResult<T> {
    fn gql(self) -> async_graphql::Result<T>;
}

impl<T> GqlResult<T> for Result<T, ServiceError> {
    fn gql(self) -> async_graphql::Result<T> {
        self.map_err(|e| to_graphql(&e))
    }
}

impl<T> GqlResult<T> for Result<T, std::sync::Arc<ServiceError>> {
    fn gql(self) -> async_graphql::Result<T> {
        self.map_err(|e| to_graphql(&e))
    }
}

/// What kind of mistake a user error reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum UserErrorCode {
    /// The value breaks a rule; the message says which.
    BadUserInput,
    /// The value collides with existing data (for example a taken slug).
    Conflict,
}

/// A business-rule failure of a mutation, for the user to fix.
#[derive(Debug, Clone, SimpleObject)]
pub struct UserError {
    /// Path to the input field at fault, e.g. `["input", "slug"]`.
    pub field: Vec<String>,
    /// What kind of mistake it is.
    pub code: UserErrorCode,
    /// Human-readable explanation.
    pub message: String,
}

/// Splits a mutation's service result: rule failures become `userErrors`, anything else
/// (authentication, visibility, internal) stays a top-level error.
pub fn user_errors<T>(
    result: Result<T, ServiceError>,
) -> async_graphql::Result<Result<T, Vec<UserError>>> {
    let user_error = |code, field: Vec<String>, message: String| UserError {
        field: std::iter::once("input".to_owned()).chain(field).collect(),
        code,
        message,
    };
    match result {
        Ok(value) => Ok(Ok(value)),
        Err(ServiceError::Invalid { field, message }) => Ok(Err(vec![user_error(
            UserErrorCode::BadUserInput,
            field,
            message,
        )])),
        Err(ServiceError::Conflict { field, message }) => Ok(Err(vec![user_error(
            UserErrorCode::Conflict,
            field,
            message,
        )])),
        Err(other) => Err(to_graphql(&other)),
    }
}

/// Defines a mutation payload: the changed object (absent when `userErrors` says why not).
macro_rules! payload {
    ($(#[$doc:meta])* $name:ident { $field:ident : $ty:ty }) => {
        $(#[$doc])*
        #[derive(async_graphql::SimpleObject)]
        pub struct $name {
            /// The object after the change; null when `userErrors` says why it was not made.
            pub $field: Option<$ty>,
            /// Why the change was not made.
            pub user_errors: Vec<$crate::graphql::error::UserError>,
        }

        impl $name {
            /// Rule failures become `userErrors`; other errors stay top-level.
            pub fn from_result<T>(
                result: $crate::error::ServiceResult<T>,
                wrap: impl FnOnce(T) -> $ty,
            ) -> async_graphql::Result<Self> {
                Ok(match $crate::graphql::error::user_errors(result)? {
                    Ok(value) => Self {
                        $field: Some(wrap(value)),
                        user_errors: vec![],
                    },
                    Err(errors) => Self {
                        $field: None,
                        user_errors: errors,
                    },
                })
            }
        }
    };
}
pub(crate) use payload;

/// An optional input field as a service patch: left out keeps the value (`None`), an explicit
/// null clears it (`Some(None)`).
pub fn patch<T, U: From<T>>(value: async_graphql::MaybeUndefined<T>) -> Option<Option<U>> {
    match value {
        async_graphql::MaybeUndefined::Undefined => None,
        async_graphql::MaybeUndefined::Null => Some(None),
        async_graphql::MaybeUndefined::Value(v) => Some(Some(v.into())),
    }
}
