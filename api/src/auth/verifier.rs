//! Token verification: the issuer picks the organization, the key (by `kid` where present)
//! pins the algorithm, and `exp`, `nbf`, `iss`, `aud` and `sub` are checked with a small leeway.

use super::{
    jwks::{JwksCache, JwksKey},
    keys::{decoding_key, parse_algorithm},
    AuthFailure,
};
use crate::{
    config::AuthArgs,
    error::{ServiceError, ServiceResult},
};
use anyhow::Context;
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use entity::{identity_issuer, identity_key, organization};
use jsonwebtoken::{errors::ErrorKind, Algorithm, DecodingKey, Validation};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde_json::Value;
use uuid::Uuid;

/// What a verified token says about its bearer, before the person row is looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Identity {
    Operator { subject: String },
    Member(MemberIdentity),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberIdentity {
    pub organization_id: Uuid,
    pub subject: String,
    pub name: Option<String>,
    pub email: Option<String>,
    pub is_admin: bool,
}

struct OperatorKey {
    issuer: String,
    algorithm: Algorithm,
    key: DecodingKey,
}

/// Verifies bearer tokens; one per process.
pub struct TokenVerifier {
    audience: String,
    leeway_seconds: u64,
    operator: Option<OperatorKey>,
    jwks: JwksCache,
}

impl TokenVerifier {
    pub fn from_args(args: &AuthArgs) -> anyhow::Result<Self> {
        let operator = if let Some(secret) = &args.operator_secret {
            Some(OperatorKey {
                issuer: args.operator_issuer.clone(),
                algorithm: Algorithm::HS256,
                key: decoding_key(Algorithm::HS256, secret)
                    .map_err(anyhow::Error::msg)
                    .context("PRAXIS_OPERATOR_SECRET")?,
            })
        } else if let Some(path) = &args.operator_public_key {
            let algorithm =
                parse_algorithm(&args.operator_algorithm).map_err(anyhow::Error::msg)?;
            let pem = std::fs::read_to_string(path)
                .with_context(|| format!("reading operator public key {}", path.display()))?;
            Some(OperatorKey {
                issuer: args.operator_issuer.clone(),
                algorithm,
                key: decoding_key(algorithm, &pem)
                    .map_err(anyhow::Error::msg)
                    .context("PRAXIS_OPERATOR_PUBLIC_KEY")?,
            })
        } else {
            None
        };
        Ok(Self {
            audience: args.audience.clone(),
            leeway_seconds: args.jwt_leeway.as_secs().min(30),
            operator,
            jwks: JwksCache::new(
                args.jwks_cache_ttl,
                args.jwks_min_refresh,
                args.allow_loopback_jwks,
            ),
        })
    }

    pub fn audience(&self) -> &str {
        &self.audience
    }

    /// Verifies `token` and says who it belongs to.
    pub async fn verify(&self, db: &DatabaseConnection, token: &str) -> ServiceResult<Identity> {
        let reject = |failure| ServiceError::Unauthenticated(failure);
        let header_alg = unverified_header_alg(token).ok_or(reject(AuthFailure::TokenMalformed))?;
        if header_alg.eq_ignore_ascii_case("none") {
            return Err(reject(AuthFailure::AlgorithmNotAllowed));
        }
        let header =
            jsonwebtoken::decode_header(token).map_err(|_| reject(AuthFailure::TokenMalformed))?;
        let issuer = unverified_issuer(token)?;

        if let Some(operator) = self.operator.as_ref().filter(|o| o.issuer == issuer) {
            if header.alg != operator.algorithm {
                return Err(reject(AuthFailure::AlgorithmNotAllowed));
            }
            let claims = self.decode(token, &issuer, operator.algorithm, &operator.key)?;
            return Ok(Identity::Operator {
                subject: subject_of(&claims)?,
            });
        }

        let Some((trusted, Some(org))) = identity_issuer::Entity::find()
            .filter(identity_issuer::Column::Issuer.eq(issuer.as_str()))
            .find_also_related(organization::Entity)
            .one(db)
            .await?
        else {
            return Err(reject(AuthFailure::IssuerUnknown));
        };

        let candidates = self
            .candidate_keys(db, &trusted, header.kid.as_deref())
            .await?;
        if candidates.is_empty() {
            return Err(reject(AuthFailure::KeyUnknown));
        }
        let mut matching = candidates
            .iter()
            .filter(|k| k.algorithm == header.alg)
            .peekable();
        if matching.peek().is_none() {
            return Err(reject(AuthFailure::AlgorithmNotAllowed));
        }
        let mut claims = None;
        for candidate in matching {
            match self.decode(token, &issuer, candidate.algorithm, &candidate.key) {
                Ok(verified) => {
                    claims = Some(verified);
                    break;
                }
                Err(ServiceError::Unauthenticated(AuthFailure::SignatureInvalid)) => continue,
                Err(other) => return Err(other),
            }
        }
        let claims = claims.ok_or(reject(AuthFailure::SignatureInvalid))?;

        // Only a bearer with a valid signature learns that the organization is disabled.
        if org.disabled_at.is_some() {
            return Err(reject(AuthFailure::OrganizationDisabled));
        }
        if let Some(named) = claims.get("org") {
            if named.as_str() != Some(org.slug.as_str()) {
                return Err(reject(AuthFailure::OrganizationMismatch));
            }
        }
        Ok(Identity::Member(MemberIdentity {
            organization_id: org.id,
            subject: subject_of(&claims)?,
            name: string_claim(&claims, "name"),
            email: string_claim(&claims, "email"),
            is_admin: claim_contains(claims.get(&org.admin_claim), &org.admin_claim_value),
        }))
    }

    async fn candidate_keys(
        &self,
        db: &DatabaseConnection,
        trusted: &identity_issuer::Model,
        kid: Option<&str>,
    ) -> ServiceResult<Vec<JwksKey>> {
        let mut query = identity_key::Entity::find()
            .filter(identity_key::Column::IssuerId.eq(trusted.id))
            .filter(identity_key::Column::RetiredAt.is_null());
        if let Some(kid) = kid {
            query = query.filter(identity_key::Column::Kid.eq(kid));
        }
        let mut keys = Vec::new();
        for stored in query.all(db).await? {
            let parsed = parse_algorithm(&stored.algorithm).and_then(|alg| {
                decoding_key(alg, &stored.material).map(|key| JwksKey {
                    kid: stored.kid.clone(),
                    algorithm: alg,
                    key,
                })
            });
            match parsed {
                Ok(key) => keys.push(key),
                Err(reason) => tracing::error!(key_id = %stored.id, %reason, "unusable stored key"),
            }
        }
        if let Some(url) = &trusted.jwks_url {
            if keys.is_empty() {
                keys = self
                    .jwks
                    .keys(url, kid)
                    .await
                    .map_err(ServiceError::Unauthenticated)?;
            }
        }
        Ok(keys)
    }

    fn decode(
        &self,
        token: &str,
        issuer: &str,
        algorithm: Algorithm,
        key: &DecodingKey,
    ) -> ServiceResult<serde_json::Map<String, Value>> {
        let mut validation = Validation::new(algorithm);
        validation.set_audience(&[&self.audience]);
        validation.set_issuer(&[issuer]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.validate_nbf = true;
        validation.leeway = self.leeway_seconds;
        jsonwebtoken::decode::<serde_json::Map<String, Value>>(token, key, &validation)
            .map(|data| data.claims)
            .map_err(|err| {
                ServiceError::Unauthenticated(match err.kind() {
                    ErrorKind::InvalidSignature => AuthFailure::SignatureInvalid,
                    ErrorKind::ExpiredSignature => AuthFailure::TokenExpired,
                    ErrorKind::ImmatureSignature => AuthFailure::TokenNotYetValid,
                    ErrorKind::InvalidAudience => AuthFailure::AudienceInvalid,
                    ErrorKind::InvalidIssuer => AuthFailure::IssuerUnknown,
                    ErrorKind::MissingRequiredClaim(_) => AuthFailure::ClaimMissing,
                    ErrorKind::InvalidAlgorithm | ErrorKind::MissingAlgorithm => {
                        AuthFailure::AlgorithmNotAllowed
                    }
                    _ => AuthFailure::TokenMalformed,
                })
            })
    }
}

fn segment_json(token: &str, index: usize) -> Option<Value> {
    let segment = token.split('.').nth(index)?;
    let bytes = URL_SAFE_NO_PAD.decode(segment.trim_end_matches('=')).ok()?;
    serde_json::from_slice(&bytes).ok()
}

fn unverified_header_alg(token: &str) -> Option<String> {
    if token.split('.').count() != 3 {
        return None;
    }
    segment_json(token, 0)?
        .get("alg")?
        .as_str()
        .map(str::to_owned)
}

/// The `iss` claim, read before verification only to choose the keys that verify it.
fn unverified_issuer(token: &str) -> ServiceResult<String> {
    let claims =
        segment_json(token, 1).ok_or(ServiceError::Unauthenticated(AuthFailure::TokenMalformed))?;
    claims
        .get("iss")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or(ServiceError::Unauthenticated(AuthFailure::ClaimMissing))
}

fn subject_of(claims: &serde_json::Map<String, Value>) -> ServiceResult<String> {
    claims
        .get("sub")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty() && s.len() <= 255)
        .map(str::to_owned)
        .ok_or(ServiceError::Unauthenticated(AuthFailure::ClaimMissing))
}

fn string_claim(claims: &serde_json::Map<String, Value>, name: &str) -> Option<String> {
    claims
        .get(name)
        .and_then(Value::as_str)
        .map(|s| s.chars().take(200).collect())
}

/// Whether a claim is `value`, contains it (a list), or names it among space-separated words.
fn claim_contains(claim: Option<&Value>, value: &str) -> bool {
    match claim {
        Some(Value::String(s)) => s.split_whitespace().any(|word| word == value),
        Some(Value::Array(items)) => items.iter().any(|item| item.as_str() == Some(value)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn admin_claim_matches_strings_lists_and_scopes() {
        assert!(claim_contains(Some(&json!("admin")), "admin"));
        assert!(claim_contains(Some(&json!("read admin")), "admin"));
        assert!(claim_contains(Some(&json!(["member", "admin"])), "admin"));
        assert!(!claim_contains(Some(&json!("administrator")), "admin"));
        assert!(!claim_contains(Some(&json!(["member"])), "admin"));
        assert!(!claim_contains(Some(&json!(true)), "admin"));
        assert!(!claim_contains(None, "admin"));
    }

    #[test]
    fn header_and_issuer_are_read_without_trusting_them() {
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none"}"#);
        let payload = URL_SAFE_NO_PAD.encode(br#"{"iss":"x"}"#);
        let token = format!("{header}.{payload}.");
        assert_eq!(unverified_header_alg(&token).as_deref(), Some("none"));
        assert_eq!(unverified_issuer(&token).ok().as_deref(), Some("x"));
        assert!(unverified_header_alg("not-a-jwt").is_none());
    }
}
