//! An organization's identity provider settings: the issuers it trusts and their keys, and the
//! development tokens `praxis token` mints with an HS256 key.

use super::organization::unique_to_conflict;
use crate::{
    access,
    auth::{decoding_key, parse_algorithm, JwksCache, Viewer, HMAC_MIN_SECRET_BYTES},
    error::{ServiceError, ServiceResult},
};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use chrono::Utc;
use entity::{identity_issuer, identity_key, organization};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use rand::RngCore;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, ModelTrait,
    QueryFilter, QueryOrder, Set,
};
use serde_json::json;
use std::time::Duration;
use uuid::Uuid;

/// The material of a new key.
#[derive(Debug, Clone)]
pub enum KeyMaterial {
    Hs256(String),
    GenerateHs256,
    PublicPem { algorithm: String, pem: String },
}

#[derive(Debug, Clone)]
pub struct NewKey {
    pub kid: Option<String>,
    pub material: KeyMaterial,
}

/// A stored key; `generated_secret` holds a generated HS256 secret, shown this once.
#[derive(Debug, Clone)]
pub struct AddedKey {
    pub key: identity_key::Model,
    pub generated_secret: Option<String>,
}

/// An issuer with its keys, for admin views (key material is never returned).
#[derive(Debug, Clone)]
pub struct IssuerWithKeys {
    pub issuer: identity_issuer::Model,
    pub keys: Vec<identity_key::Model>,
}

pub fn check_jwks_url(url: &str, allow_loopback_http: bool) -> ServiceResult<()> {
    JwksCache::check_url(url, allow_loopback_http).map_err(|m| ServiceError::invalid("jwksUrl", m))
}

pub(crate) async fn insert_issuer(
    db: &impl ConnectionTrait,
    organization_id: Uuid,
    issuer: &str,
    jwks_url: Option<String>,
) -> ServiceResult<identity_issuer::Model> {
    let issuer = issuer.trim();
    if issuer.is_empty() || issuer.len() > 500 {
        return Err(ServiceError::invalid("issuer", "must be 1-500 characters"));
    }
    if identity_issuer::Entity::find()
        .filter(identity_issuer::Column::Issuer.eq(issuer))
        .one(db)
        .await?
        .is_some()
    {
        return Err(ServiceError::conflict(
            "issuer",
            "is already trusted by an organization",
        ));
    }
    identity_issuer::ActiveModel {
        id: Set(Uuid::now_v7()),
        organization_id: Set(organization_id),
        issuer: Set(issuer.to_owned()),
        jwks_url: Set(jwks_url),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await
    .map_err(|e| unique_to_conflict(e, "issuer"))
}

pub(crate) fn generate_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

pub(crate) async fn insert_key(
    db: &impl ConnectionTrait,
    issuer: &identity_issuer::Model,
    new: NewKey,
) -> ServiceResult<AddedKey> {
    let (algorithm, material, generated_secret) = match new.material {
        KeyMaterial::Hs256(secret) => (Algorithm::HS256, secret, None),
        KeyMaterial::GenerateHs256 => {
            let secret = generate_secret();
            (Algorithm::HS256, secret.clone(), Some(secret))
        }
        KeyMaterial::PublicPem { algorithm, pem } => {
            let algorithm =
                parse_algorithm(&algorithm).map_err(|m| ServiceError::invalid("algorithm", m))?;
            if matches!(
                algorithm,
                Algorithm::HS256 | Algorithm::HS384 | Algorithm::HS512
            ) {
                return Err(ServiceError::invalid(
                    "algorithm",
                    "a PEM public key needs an asymmetric algorithm (RS*, PS*, ES*, EdDSA)",
                ));
            }
            (algorithm, pem, None)
        }
    };
    decoding_key(algorithm, &material).map_err(|m| ServiceError::invalid("key", m))?;
    if let Some(kid) = &new.kid {
        if kid.trim().is_empty() || kid.len() > 200 {
            return Err(ServiceError::invalid("kid", "must be 1-200 characters"));
        }
        if identity_key::Entity::find()
            .filter(identity_key::Column::IssuerId.eq(issuer.id))
            .filter(identity_key::Column::Kid.eq(kid.as_str()))
            .one(db)
            .await?
            .is_some()
        {
            return Err(ServiceError::conflict(
                "kid",
                "is already used by a key of this issuer",
            ));
        }
    }
    let key = identity_key::ActiveModel {
        id: Set(Uuid::now_v7()),
        issuer_id: Set(issuer.id),
        kid: Set(new.kid),
        algorithm: Set(format!("{algorithm:?}")),
        material: Set(material),
        created_at: Set(Utc::now()),
        retired_at: Set(None),
    }
    .insert(db)
    .await
    .map_err(|e| unique_to_conflict(e, "kid"))?;
    Ok(AddedKey {
        key,
        generated_secret,
    })
}

/// The organization's issuers and their keys.
pub async fn list_issuers(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    organization_id: Uuid,
) -> ServiceResult<Vec<IssuerWithKeys>> {
    access::require_organization_admin(db, viewer, organization_id).await?;
    let issuers = identity_issuer::Entity::find()
        .filter(identity_issuer::Column::OrganizationId.eq(organization_id))
        .order_by_asc(identity_issuer::Column::Id)
        .find_with_related(identity_key::Entity)
        .all(db)
        .await?;
    Ok(issuers
        .into_iter()
        .map(|(issuer, keys)| IssuerWithKeys { issuer, keys })
        .collect())
}

/// Trusts one more issuer for the organization.
pub async fn add_issuer(
    db: &DatabaseConnection,
    viewer: &Viewer,
    organization_id: Uuid,
    issuer: &str,
    jwks_url: Option<String>,
    allow_loopback_jwks: bool,
) -> ServiceResult<identity_issuer::Model> {
    access::require_operator(viewer)?;
    if let Some(url) = &jwks_url {
        check_jwks_url(url, allow_loopback_jwks)?;
    }
    insert_issuer(db, organization_id, issuer, jwks_url).await
}

/// Stops trusting an issuer; its keys go with it.
pub async fn remove_issuer(
    db: &DatabaseConnection,
    viewer: &Viewer,
    organization_id: Uuid,
    issuer: &str,
) -> ServiceResult<()> {
    access::require_operator(viewer)?;
    let found = find_issuer(db, organization_id, Some(issuer)).await?;
    found.delete(db).await?;
    Ok(())
}

async fn find_issuer(
    db: &impl ConnectionTrait,
    organization_id: Uuid,
    issuer: Option<&str>,
) -> ServiceResult<identity_issuer::Model> {
    let mut query = identity_issuer::Entity::find()
        .filter(identity_issuer::Column::OrganizationId.eq(organization_id));
    if let Some(issuer) = issuer {
        query = query.filter(identity_issuer::Column::Issuer.eq(issuer));
    }
    let mut found = query.all(db).await?;
    match (found.len(), issuer) {
        (1, _) => Ok(found.remove(0)),
        (0, _) => Err(ServiceError::invalid(
            "issuer",
            "no such issuer for this organization",
        )),
        (_, _) => Err(ServiceError::invalid(
            "issuer",
            "the organization trusts several issuers: name one",
        )),
    }
}

/// Adds a key to an issuer; with `retire_others`, retires every other active key of that
/// issuer in the same transaction (a rotation in one step).
pub async fn add_key(
    db: &DatabaseConnection,
    viewer: &Viewer,
    organization_id: Uuid,
    issuer: Option<&str>,
    new: NewKey,
    retire_others: bool,
) -> ServiceResult<AddedKey> {
    access::require_operator(viewer)?;
    let txn = crate::db::begin_write(db).await?;
    let trusted = find_issuer(&txn, organization_id, issuer).await?;
    let added = insert_key(&txn, &trusted, new).await?;
    if retire_others {
        identity_key::Entity::update_many()
            .col_expr(
                identity_key::Column::RetiredAt,
                sea_orm::sea_query::Expr::value(Utc::now()),
            )
            .filter(identity_key::Column::IssuerId.eq(trusted.id))
            .filter(identity_key::Column::Id.ne(added.key.id))
            .filter(identity_key::Column::RetiredAt.is_null())
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(added)
}

/// Retires the key with `kid` among the organization's issuers.
pub async fn retire_key(
    db: &DatabaseConnection,
    viewer: &Viewer,
    organization_id: Uuid,
    kid: &str,
) -> ServiceResult<identity_key::Model> {
    access::require_operator(viewer)?;
    let issuer_ids: Vec<Uuid> = identity_issuer::Entity::find()
        .filter(identity_issuer::Column::OrganizationId.eq(organization_id))
        .all(db)
        .await?
        .into_iter()
        .map(|i| i.id)
        .collect();
    let key = identity_key::Entity::find()
        .filter(identity_key::Column::IssuerId.is_in(issuer_ids))
        .filter(identity_key::Column::Kid.eq(kid))
        .one(db)
        .await?
        .ok_or_else(|| ServiceError::invalid("kid", "no such key for this organization"))?;
    if key.retired_at.is_some() {
        return Ok(key);
    }
    let mut active: identity_key::ActiveModel = key.into();
    active.retired_at = Set(Some(Utc::now()));
    Ok(active.update(db).await?)
}

/// Claims of a development token.
#[derive(Debug, Clone)]
pub struct DevTokenClaims {
    pub subject: String,
    pub name: Option<String>,
    pub email: Option<String>,
    pub admin: bool,
    pub ttl: Duration,
}

/// Mints a token for a person of `org`, signed with its newest active HS256 key. Operator
/// only (the CLI acts as the operator): it is a development convenience.
pub async fn mint_dev_token(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    org: &organization::Model,
    audience: &str,
    claims: &DevTokenClaims,
) -> ServiceResult<String> {
    access::require_operator(viewer)?;
    let found = identity_issuer::Entity::find()
        .filter(identity_issuer::Column::OrganizationId.eq(org.id))
        .find_with_related(identity_key::Entity)
        .all(db)
        .await?;
    let signing = found
        .iter()
        .flat_map(|(issuer, keys)| keys.iter().map(move |key| (issuer, key)))
        .filter(|(_, key)| key.algorithm == "HS256" && key.retired_at.is_none())
        .max_by_key(|(_, key)| key.id);
    let Some((issuer, key)) = signing else {
        return Err(ServiceError::invalid(
            "org",
            "the organization has no active HS256 key: add one with `praxis org key add --generate-hs256`",
        ));
    };
    let mut payload = json!({
        "iss": issuer.issuer,
        "aud": audience,
        "sub": claims.subject,
    });
    if let Some(name) = &claims.name {
        payload["name"] = json!(name);
    }
    if let Some(email) = &claims.email {
        payload["email"] = json!(email);
    }
    if claims.admin {
        payload[org.admin_claim.as_str()] = json!([org.admin_claim_value]);
    }
    sign_hs256(&mut payload, key.kid.clone(), &key.material, claims.ttl)
}

/// Signs `payload` with an HS256 secret, adding `iat`, `nbf` and `exp`.
pub fn sign_hs256(
    payload: &mut serde_json::Value,
    kid: Option<String>,
    secret: &str,
    ttl: Duration,
) -> ServiceResult<String> {
    let now = Utc::now().timestamp();
    let ttl = i64::try_from(ttl.as_secs()).unwrap_or(i64::MAX / 2);
    payload["iat"] = json!(now);
    payload["nbf"] = json!(now);
    payload["exp"] = json!(now.saturating_add(ttl));
    let mut header = Header::new(Algorithm::HS256);
    header.kid = kid;
    jsonwebtoken::encode(
        &header,
        payload,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .map_err(|e| ServiceError::Internal(anyhow::Error::new(e).context("signing token")))
}

/// Checks that a secret is long enough to be an HS256 key.
pub fn check_hs256_secret(secret: &str) -> ServiceResult<()> {
    if secret.len() < HMAC_MIN_SECRET_BYTES {
        return Err(ServiceError::invalid(
            "hs256Secret",
            format!("must be at least {HMAC_MIN_SECRET_BYTES} bytes"),
        ));
    }
    Ok(())
}
