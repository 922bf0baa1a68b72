//! Who is asking: bearer tokens verified against the keys of the organization whose issuer
//! they name, turned into a [`Viewer`] once at the edge of every request.

mod failure;
mod jwks;
mod keys;
mod verifier;
mod viewer;

pub use failure::AuthFailure;
pub use jwks::JwksCache;
pub use keys::{decoding_key, parse_algorithm, HMAC_MIN_SECRET_BYTES};
pub use verifier::{Identity, MemberIdentity, TokenVerifier};
pub use viewer::{OperatorViewer, PersonViewer, Viewer};

use crate::{error::ServiceResult, service};
use sea_orm::DatabaseConnection;

/// Turns the value of an `Authorization` header (or a `connection_init` payload's token) into
/// a viewer: no credentials is an anonymous viewer, bad credentials are an error.
pub async fn authenticate(
    db: &DatabaseConnection,
    verifier: &TokenVerifier,
    authorization: Option<&str>,
) -> ServiceResult<Viewer> {
    let Some(value) = authorization.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(Viewer::Anonymous);
    };
    let token = match value.split_once(' ') {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") => token.trim(),
        // A bare token (as sent in some `connection_init` payloads) is accepted as well.
        None => value,
        Some(_) => {
            return Err(crate::error::ServiceError::Unauthenticated(
                AuthFailure::TokenMalformed,
            ))
        }
    };
    match verifier.verify(db, token).await? {
        Identity::Operator { subject } => Ok(Viewer::Operator(OperatorViewer { subject })),
        Identity::Member(member) => {
            Ok(Viewer::Person(service::person::sign_in(db, &member).await?))
        }
    }
}
