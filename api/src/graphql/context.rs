//! What every resolver needs from a request: the database and the viewer.

use super::error::{coded, ErrorCode};
use crate::auth::Viewer;
use async_graphql::Context;
use sea_orm::DatabaseConnection;

/// Settings services need that come from configuration, not from the request.
#[derive(Debug, Clone)]
pub struct ServiceSettings {
    pub allow_loopback_jwks: bool,
    /// The `aud` every token must carry (`--audience`).
    pub audience: String,
    /// How long after posting an idea its author may edit it.
    pub idea_edit_window: std::time::Duration,
    /// A community quiet for this long is DORMANT.
    pub dormant_after: std::time::Duration,
    /// Base of the links the service hands out; `None`: the request's own scheme and host.
    pub public_url: Option<url::Url>,
}

impl Default for ServiceSettings {
    fn default() -> Self {
        Self {
            allow_loopback_jwks: false,
            audience: "praxis".to_owned(),
            idea_edit_window: std::time::Duration::from_secs(30 * 60),
            dormant_after: std::time::Duration::from_secs(60 * 24 * 3600),
            public_url: None,
        }
    }
}

/// The database and the viewer of this request. Missing context data is a wiring bug of the
/// server, reported as INTERNAL rather than a panic.
pub fn request<'a>(
    ctx: &Context<'a>,
) -> async_graphql::Result<(&'a DatabaseConnection, &'a Viewer)> {
    let missing = |_| {
        tracing::error!("request context is missing its database or viewer");
        coded(ErrorCode::Internal, "internal error")
    };
    let db = ctx.data::<DatabaseConnection>().map_err(missing)?;
    let viewer = ctx.data::<Viewer>().map_err(missing)?;
    Ok((db, viewer))
}
