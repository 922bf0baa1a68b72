//! An organization's OpenID Connect login for the admin console: the browser runs the
//! authorization code flow with PKCE against the organization's identity provider and sends
//! the token it gets back as its bearer. The server never talks to the provider for this; it
//! keeps what the browser needs and checks that the token it will get is one it accepts (an
//! issuer the organization trusts; for an ID token, the service's audience as client id).

use super::audit::{self, AuditEntry};
use crate::{
    access,
    auth::Viewer,
    error::{ServiceError, ServiceResult},
};
use chrono::Utc;
use entity::{
    enums::{AuditAction, OidcBearerToken},
    identity_issuer, oidc_login, organization,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel, QueryFilter, Set,
};
use serde_json::{json, Value};
use uuid::Uuid;

/// Scopes asked for when an admin names none.
pub const DEFAULT_SCOPES: &str = "openid profile email";
const MAX_URL_CHARS: usize = 2048;
const MAX_CLIENT_ID_CHARS: usize = 255;
const MAX_SCOPES_CHARS: usize = 500;

/// Input of [`set_login`].
#[derive(Debug, Clone)]
pub struct NewOidcLogin {
    pub organization_id: Uuid,
    pub issuer: String,
    pub client_id: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    /// Space-separated; `None` (or blank): [`DEFAULT_SCOPES`].
    pub scopes: Option<String>,
    pub bearer_token: OidcBearerToken,
}

/// What the checks need from configuration.
#[derive(Debug, Clone, Copy)]
pub struct LoginRules<'a> {
    /// The `aud` every token must carry (`--audience`).
    pub audience: &'a str,
    /// Whether `http://` endpoints on loopback hosts are accepted (`--allow-loopback-jwks`).
    pub allow_loopback_http: bool,
}

/// The login of the organization with this slug, for anyone (the sign-in page asks before
/// anyone is signed in). `None` for an unknown or disabled organization and for one without
/// a login alike, so the answer tells no more than a sign-in page would.
pub async fn public_login(
    db: &impl ConnectionTrait,
    slug: &str,
) -> ServiceResult<Option<oidc_login::Model>> {
    let Some(org) = organization::Entity::find()
        .filter(organization::Column::Slug.eq(slug.trim()))
        .filter(organization::Column::DisabledAt.is_null())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(oidc_login::Entity::find_by_id(org.id).one(db).await?)
}

/// The organization's login, for its admins and the operator.
pub async fn login_of(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    organization_id: Uuid,
) -> ServiceResult<Option<oidc_login::Model>> {
    access::require_organization_admin(db, viewer, organization_id).await?;
    Ok(oidc_login::Entity::find_by_id(organization_id)
        .one(db)
        .await?)
}

/// Sets (creates or replaces) the organization's login; audited in the same transaction.
pub async fn set_login(
    db: &DatabaseConnection,
    viewer: &Viewer,
    input: NewOidcLogin,
    rules: LoginRules<'_>,
) -> ServiceResult<oidc_login::Model> {
    access::require_organization_admin(db, viewer, input.organization_id).await?;
    let client_id = checked_client_id(&input.client_id)?;
    let authorization_endpoint = checked_endpoint(
        "authorizationEndpoint",
        &input.authorization_endpoint,
        rules.allow_loopback_http,
    )?;
    let token_endpoint = checked_endpoint(
        "tokenEndpoint",
        &input.token_endpoint,
        rules.allow_loopback_http,
    )?;
    let scopes = checked_scopes(input.scopes.as_deref())?;
    if input.bearer_token == OidcBearerToken::IdToken && client_id != rules.audience {
        return Err(ServiceError::invalid(
            "clientId",
            format!(
                "an ID token's audience is the client id, and Praxis accepts only tokens for \
                 the audience {:?}: register the client as {:?}, or use ACCESS_TOKEN with a \
                 provider that issues JWT access tokens for that audience",
                rules.audience, rules.audience
            ),
        ));
    }
    let issuer = input.issuer.trim();
    let txn = crate::db::begin_write(db).await?;
    let trusted = identity_issuer::Entity::find()
        .filter(identity_issuer::Column::OrganizationId.eq(input.organization_id))
        .filter(identity_issuer::Column::Issuer.eq(issuer))
        .one(&txn)
        .await?;
    if trusted.is_none() {
        return Err(ServiceError::invalid(
            "issuer",
            "is not an issuer this organization trusts: its tokens would be refused \
             (trust it first, with its JWKS URL)",
        ));
    }
    let before = oidc_login::Entity::find_by_id(input.organization_id)
        .one(&txn)
        .await?;
    let now = Utc::now();
    let saved = match &before {
        Some(existing) => {
            let mut row = existing.clone().into_active_model();
            row.issuer = Set(issuer.to_owned());
            row.client_id = Set(client_id);
            row.authorization_endpoint = Set(authorization_endpoint);
            row.token_endpoint = Set(token_endpoint);
            row.scopes = Set(scopes);
            row.bearer_token = Set(input.bearer_token);
            row.updated_at = Set(now);
            row.update(&txn).await?
        }
        None => {
            oidc_login::ActiveModel {
                organization_id: Set(input.organization_id),
                issuer: Set(issuer.to_owned()),
                client_id: Set(client_id),
                authorization_endpoint: Set(authorization_endpoint),
                token_endpoint: Set(token_endpoint),
                scopes: Set(scopes),
                bearer_token: Set(input.bearer_token),
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
            AuditAction::OidcLoginSet,
            saved.organization_id,
            "Organization",
        )
        .target(saved.organization_id)
        .change(before.as_ref().map(audited), Some(audited(&saved)))],
    )
    .await?;
    txn.commit().await?;
    tracing::info!(organization = %saved.organization_id, issuer = %saved.issuer, "OIDC login set");
    Ok(saved)
}

/// Removes the organization's login; `false` when it had none (nothing changes, nothing is
/// audited).
pub async fn remove_login(
    db: &DatabaseConnection,
    viewer: &Viewer,
    organization_id: Uuid,
) -> ServiceResult<bool> {
    access::require_organization_admin(db, viewer, organization_id).await?;
    let txn = crate::db::begin_write(db).await?;
    let Some(existing) = oidc_login::Entity::find_by_id(organization_id)
        .one(&txn)
        .await?
    else {
        return Ok(false);
    };
    oidc_login::Entity::delete_by_id(organization_id)
        .exec(&txn)
        .await?;
    audit::record(
        &txn,
        viewer,
        vec![AuditEntry::new(
            AuditAction::OidcLoginRemoved,
            organization_id,
            "Organization",
        )
        .target(organization_id)
        .change(Some(audited(&existing)), None)],
    )
    .await?;
    txn.commit().await?;
    tracing::info!(organization = %organization_id, "OIDC login removed");
    Ok(true)
}

/// The settings as the audit log keeps them (nothing secret: a public client has none).
fn audited(login: &oidc_login::Model) -> Value {
    json!({
        "issuer": login.issuer,
        "clientId": login.client_id,
        "authorizationEndpoint": login.authorization_endpoint,
        "tokenEndpoint": login.token_endpoint,
        "scopes": login.scopes,
        "bearerToken": login.bearer_token.as_str(),
    })
}

fn checked_client_id(client_id: &str) -> ServiceResult<String> {
    let client_id = client_id.trim();
    if client_id.is_empty() || client_id.chars().count() > MAX_CLIENT_ID_CHARS {
        return Err(ServiceError::invalid(
            "clientId",
            format!("must be 1-{MAX_CLIENT_ID_CHARS} characters"),
        ));
    }
    Ok(client_id.to_owned())
}

/// An endpoint the browser is sent to or posts to: https, or http on a loopback host when
/// allowed (a provider on the admin's own machine). No credentials, no fragment.
fn checked_endpoint(field: &str, text: &str, allow_loopback_http: bool) -> ServiceResult<String> {
    let text = text.trim();
    if text.chars().count() > MAX_URL_CHARS {
        return Err(ServiceError::invalid(
            field,
            format!("must be at most {MAX_URL_CHARS} characters"),
        ));
    }
    let url = url::Url::parse(text)
        .map_err(|err| ServiceError::invalid(field, format!("not an absolute URL ({err})")))?;
    match url.scheme() {
        "https" => {}
        "http" if allow_loopback_http && is_loopback(&url) => {}
        "http" => return Err(ServiceError::invalid(field, "must use https")),
        other => {
            return Err(ServiceError::invalid(
                field,
                format!("unsupported scheme {other:?}: use https"),
            ))
        }
    }
    if url.host().is_none() {
        return Err(ServiceError::invalid(field, "must name a host"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(ServiceError::invalid(
            field,
            "must not carry a user name or password",
        ));
    }
    if url.fragment().is_some() {
        return Err(ServiceError::invalid(field, "must not have a fragment"));
    }
    Ok(url.to_string())
}

fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(domain)) => domain == "localhost",
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// Space-separated scope tokens (RFC 6749 §3.3), `openid` among them; normalised to single
/// spaces, each once.
fn checked_scopes(scopes: Option<&str>) -> ServiceResult<String> {
    let scopes = scopes.map(str::trim).filter(|s| !s.is_empty());
    let Some(scopes) = scopes else {
        return Ok(DEFAULT_SCOPES.to_owned());
    };
    if scopes.chars().count() > MAX_SCOPES_CHARS {
        return Err(ServiceError::invalid(
            "scopes",
            format!("must be at most {MAX_SCOPES_CHARS} characters"),
        ));
    }
    let mut tokens: Vec<&str> = Vec::new();
    for token in scopes.split_whitespace() {
        if !token
            .bytes()
            .all(|b| b == 0x21 || (0x23..=0x5b).contains(&b) || (0x5d..=0x7e).contains(&b))
        {
            return Err(ServiceError::invalid(
                "scopes",
                format!("{token:?} is not a scope token"),
            ));
        }
        if !tokens.contains(&token) {
            tokens.push(token);
        }
    }
    if !tokens.contains(&"openid") {
        return Err(ServiceError::invalid(
            "scopes",
            "must include openid (an OpenID Connect login)",
        ));
    }
    Ok(tokens.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_are_https_or_allowed_loopback() {
        assert!(checked_endpoint("f", "https://idp.example/authorize", false).is_ok());
        assert!(checked_endpoint("f", "http://idp.example/authorize", true).is_err());
        assert!(checked_endpoint("f", "http://127.0.0.1:9/authorize", false).is_err());
        assert!(checked_endpoint("f", "http://127.0.0.1:9/authorize", true).is_ok());
        assert!(checked_endpoint("f", "http://localhost/authorize", true).is_ok());
        assert!(checked_endpoint("f", "javascript:alert(1)", true).is_err());
        assert!(checked_endpoint("f", "https://u:p@idp.example/", false).is_err());
        assert!(checked_endpoint("f", "https://idp.example/#x", false).is_err());
        assert!(checked_endpoint("f", "/authorize", false).is_err());
    }

    #[test]
    fn scopes_need_openid_and_are_normalised() {
        assert_eq!(checked_scopes(None).ok().as_deref(), Some(DEFAULT_SCOPES));
        assert_eq!(
            checked_scopes(Some("  ")).ok().as_deref(),
            Some(DEFAULT_SCOPES)
        );
        assert_eq!(
            checked_scopes(Some(" openid  email openid "))
                .ok()
                .as_deref(),
            Some("openid email")
        );
        assert!(checked_scopes(Some("profile email")).is_err());
        assert!(checked_scopes(Some("openid \"x\"")).is_err());
    }
}
