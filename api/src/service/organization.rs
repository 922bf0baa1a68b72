//! Organizations (tenants): created, disabled and enabled by the platform operator, seen by
//! their own people.

use super::{
    audit::{self, AuditEntry},
    identity::{self, KeyMaterial, NewKey},
    page::Listing,
    slug::{parse_name, Slug},
};
use crate::{
    access,
    auth::Viewer,
    error::{is_unique_violation, ServiceError, ServiceResult},
};
use chrono::Utc;
use entity::{
    enums::{AuditAction, PartnerPolicy},
    identity_issuer, organization,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

/// What a new organization starts with.
#[derive(Debug, Clone)]
pub struct NewOrganization {
    pub slug: String,
    pub name: String,
    /// The issuer its tokens name; `urn:praxis:org:SLUG` when absent.
    pub issuer: Option<String>,
    pub jwks_url: Option<String>,
    /// Create an HS256 development key (printed once) for `praxis token`.
    pub dev_key: bool,
    pub admin_claim: Option<String>,
    pub admin_claim_value: Option<String>,
}

/// A created organization with its issuer and, when asked for, its development secret.
#[derive(Debug, Clone)]
pub struct CreatedOrganization {
    pub organization: organization::Model,
    pub issuer: identity_issuer::Model,
    pub dev_key: Option<identity::AddedKey>,
}

/// The default issuer of an organization created without one.
pub fn default_issuer(slug: &str) -> String {
    format!("urn:praxis:org:{slug}")
}

pub async fn create_organization(
    db: &DatabaseConnection,
    viewer: &Viewer,
    input: NewOrganization,
    allow_loopback_jwks: bool,
) -> ServiceResult<CreatedOrganization> {
    access::require_operator(viewer)?;
    let slug = Slug::parse("slug", &input.slug)?;
    let name = parse_name("name", &input.name, 120)?;
    let issuer = match input.issuer.as_deref().map(str::trim) {
        Some("") => return Err(ServiceError::invalid("issuer", "must not be blank")),
        Some(issuer) => issuer.to_owned(),
        None => default_issuer(slug.as_str()),
    };
    let admin_claim = parse_name(
        "adminClaim",
        input.admin_claim.as_deref().unwrap_or("roles"),
        100,
    )?;
    let admin_claim_value = parse_name(
        "adminClaimValue",
        input.admin_claim_value.as_deref().unwrap_or("admin"),
        100,
    )?;
    if let Some(url) = &input.jwks_url {
        identity::check_jwks_url(url, allow_loopback_jwks)?;
    }

    let txn = crate::db::begin_write(db).await?;
    if organization::Entity::find()
        .filter(organization::Column::Slug.eq(slug.as_str()))
        .one(&txn)
        .await?
        .is_some()
    {
        return Err(ServiceError::conflict("slug", "is already taken"));
    }
    let now = Utc::now();
    let created = organization::ActiveModel {
        id: Set(Uuid::now_v7()),
        slug: Set(slug.to_string()),
        name: Set(name),
        admin_claim: Set(admin_claim),
        admin_claim_value: Set(admin_claim_value),
        disabled_at: Set(None),
        default_inbound_policy: Set(PartnerPolicy::Allowed),
        default_outbound_policy: Set(PartnerPolicy::Allowed),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await
    .map_err(|e| unique_to_conflict(e, "slug"))?;
    let trusted = identity::insert_issuer(&txn, created.id, &issuer, input.jwks_url).await?;
    let dev_key = if input.dev_key {
        let key = NewKey {
            kid: Some(format!("{}-dev-1", slug.as_str())),
            material: KeyMaterial::GenerateHs256,
        };
        Some(identity::insert_key(&txn, &trusted, key).await?)
    } else {
        None
    };
    txn.commit().await?;
    tracing::info!(organization = %created.slug, "organization created");
    Ok(CreatedOrganization {
        organization: created,
        issuer: trusted,
        dev_key,
    })
}

pub(crate) fn unique_to_conflict(err: sea_orm::DbErr, field: &str) -> ServiceError {
    if is_unique_violation(&err) {
        ServiceError::conflict(field, "is already taken")
    } else {
        err.into()
    }
}

/// An organization by slug, if the viewer may see it.
pub async fn find_by_slug(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    slug: &str,
) -> ServiceResult<organization::Model> {
    access::require_signed_in(viewer)?;
    organization::Entity::find()
        .filter(access::visible_organizations(viewer))
        .filter(organization::Column::Slug.eq(slug))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)
}

/// The organizations among `ids` the viewer may see, by id (for DataLoaders and `nodes`).
pub async fn find_visible(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, organization::Model>> {
    access::require_signed_in(viewer)?;
    Ok(organization::Entity::find()
        .filter(access::visible_organizations(viewer))
        .filter(organization::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|org| (org.id, org))
        .collect())
}

/// The organizations the viewer may see, oldest first.
pub fn visible(viewer: &Viewer) -> ServiceResult<Listing<organization::Entity>> {
    access::require_signed_in(viewer)?;
    Ok(Listing::oldest_first(
        organization::Entity::find().filter(access::visible_organizations(viewer)),
        organization::Column::Id,
    ))
}

/// Disables (refuses its tokens from now on) or enables an organization. Operator only.
/// Its participations (as host and as partner) are suspended or restored with it.
pub async fn set_disabled(
    db: &DatabaseConnection,
    viewer: &Viewer,
    organization_id: Uuid,
    disabled: bool,
) -> ServiceResult<organization::Model> {
    access::require_operator(viewer)?;
    let txn = crate::db::begin_write(db).await?;
    let org = organization::Entity::find_by_id(organization_id)
        .one(&txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if org.disabled_at.is_some() == disabled {
        return Ok(org);
    }
    let now = Utc::now();
    let mut active: organization::ActiveModel = org.into();
    active.disabled_at = Set(disabled.then_some(now));
    active.updated_at = Set(now);
    let updated = active.update(&txn).await?;
    let links = super::participation::sync_links(&txn, &[updated.id]).await?;
    let action = if disabled {
        AuditAction::OrganizationDisabled
    } else {
        AuditAction::OrganizationEnabled
    };
    audit::record(
        &txn,
        viewer,
        vec![AuditEntry::new(action, updated.id, "Organization")
            .target(updated.id)
            .change(
                Some(json!({ "disabled": !disabled })),
                Some(json!({
                    "disabled": disabled,
                    "participationsChanged": links.participations,
                    "membershipsChanged": links.memberships,
                })),
            )],
    )
    .await?;
    txn.commit().await?;
    tracing::info!(organization = %updated.slug, disabled, "organization state changed");
    Ok(updated)
}
