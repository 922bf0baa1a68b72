//! Registering, changing, re-keying and deleting endpoints.

use super::{address, MAX_DESCRIPTION_CHARS, MAX_ENDPOINTS_PER_ORGANIZATION, SECRET_PREFIX};
use crate::{
    access,
    auth::Viewer,
    error::{ServiceError, ServiceResult},
    service::page::{visible_by_id, Listing},
};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use chrono::Utc;
use entity::{
    enums::{DeliveryStatus, DomainEventType, WebhookStatus},
    webhook_delivery, webhook_endpoint,
};
use rand::RngCore;
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, Set,
};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

/// Input of [`create`].
#[derive(Debug, Clone)]
pub struct NewEndpoint {
    pub organization_id: Uuid,
    pub url: String,
    pub description: Option<String>,
    pub event_types: Vec<DomainEventType>,
}

/// Input of [`update`]: `None` keeps a value; `description: Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct EndpointPatch {
    pub url: Option<String>,
    pub description: Option<Option<String>>,
    pub event_types: Option<Vec<DomainEventType>>,
    /// ACTIVE or PAUSED; ACTIVE also re-enables a DISABLED endpoint.
    pub status: Option<WebhookStatus>,
}

/// A new signing secret: `whsec_` and 32 random bytes, base64url.
fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!("{SECRET_PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes))
}

fn checked_url(url: &str, allow_private_networks: bool) -> ServiceResult<String> {
    address::check_url(url, allow_private_networks)
        .map(|url| url.to_string())
        .map_err(|message| ServiceError::invalid("url", message))
}

fn checked_description(description: Option<String>) -> ServiceResult<Option<String>> {
    let description = description
        .map(|d| d.trim().to_owned())
        .filter(|d| !d.is_empty());
    if description
        .as_ref()
        .is_some_and(|d| d.chars().count() > MAX_DESCRIPTION_CHARS)
    {
        return Err(ServiceError::invalid(
            "description",
            format!("must be at most {MAX_DESCRIPTION_CHARS} characters"),
        ));
    }
    if let Some(d) = &description {
        crate::service::content::check_characters("description", d)?;
    }
    Ok(description)
}

fn checked_event_types(types: &[DomainEventType]) -> ServiceResult<serde_json::Value> {
    if types.is_empty() {
        return Err(ServiceError::invalid(
            "eventTypes",
            "name at least one event type",
        ));
    }
    let mut seen = Vec::with_capacity(types.len());
    for t in types {
        if seen.contains(t) {
            return Err(ServiceError::invalid(
                "eventTypes",
                format!("{} is named twice", t.as_str()),
            ));
        }
        seen.push(*t);
    }
    Ok(json!(types.iter().map(|t| t.as_str()).collect::<Vec<_>>()))
}

/// The endpoint, if the viewer may see it (NOT_FOUND otherwise).
pub async fn find(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    endpoint_id: Uuid,
) -> ServiceResult<webhook_endpoint::Model> {
    access::require_signed_in(viewer)?;
    webhook_endpoint::Entity::find_by_id(endpoint_id)
        .filter(access::visible_webhook_endpoints(viewer))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)
}

/// The endpoints among `ids` the viewer may see.
pub async fn find_visible_endpoints(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, webhook_endpoint::Model>> {
    access::require_signed_in(viewer)?;
    visible_by_id::<webhook_endpoint::Entity, _>(
        db,
        access::visible_webhook_endpoints(viewer),
        webhook_endpoint::Column::Id,
        ids,
        |e| e.id,
    )
    .await
}

/// An organization's endpoints, oldest first: its admins and the operator (NOT_FOUND for an
/// organization the viewer does not see, FORBIDDEN for anyone else).
pub async fn endpoints_of(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    organization_id: Uuid,
) -> ServiceResult<Listing<webhook_endpoint::Entity>> {
    access::require_organization_admin(db, viewer, organization_id).await?;
    Ok(Listing::oldest_first(
        webhook_endpoint::Entity::find()
            .filter(webhook_endpoint::Column::OrganizationId.eq(organization_id))
            .filter(access::visible_webhook_endpoints(viewer)),
        webhook_endpoint::Column::Id,
    ))
}

/// Registers an endpoint; returns it with its secret (shown this once).
pub async fn create(
    db: &DatabaseConnection,
    viewer: &Viewer,
    input: NewEndpoint,
    allow_private_networks: bool,
) -> ServiceResult<(webhook_endpoint::Model, String)> {
    access::require_organization_admin(db, viewer, input.organization_id).await?;
    let url = checked_url(&input.url, allow_private_networks)?;
    let description = checked_description(input.description)?;
    let event_types = checked_event_types(&input.event_types)?;
    let txn = crate::db::begin_write(db).await?;
    let existing = webhook_endpoint::Entity::find()
        .filter(webhook_endpoint::Column::OrganizationId.eq(input.organization_id))
        .count(&txn)
        .await?;
    if existing >= MAX_ENDPOINTS_PER_ORGANIZATION {
        return Err(ServiceError::invalid(
            "organizationId",
            format!(
                "an organization has at most {MAX_ENDPOINTS_PER_ORGANIZATION} webhook endpoints"
            ),
        ));
    }
    let secret = new_secret();
    let now = Utc::now();
    let endpoint = webhook_endpoint::ActiveModel {
        id: Set(Uuid::now_v7()),
        organization_id: Set(input.organization_id),
        url: Set(url),
        description: Set(description),
        event_types: Set(event_types),
        secret: Set(secret.clone()),
        status: Set(WebhookStatus::Active),
        failing_since: Set(None),
        disabled_at: Set(None),
        disabled_reason: Set(None),
        created_by_person_id: Set(viewer.person().map(|p| p.person_id)),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    tracing::info!(endpoint = %endpoint.id, organization = %endpoint.organization_id, "webhook endpoint registered");
    Ok((endpoint, secret))
}

/// The endpoint, if the viewer may change it: NOT_FOUND when they may not see it.
async fn changeable(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    endpoint_id: Uuid,
) -> ServiceResult<webhook_endpoint::Model> {
    let endpoint = find(db, viewer, endpoint_id).await?;
    access::require_organization_admin(db, viewer, endpoint.organization_id).await?;
    Ok(endpoint)
}

/// Changes an endpoint. Setting ACTIVE re-enables a DISABLED one and sends what waited now.
pub async fn update(
    db: &DatabaseConnection,
    viewer: &Viewer,
    endpoint_id: Uuid,
    patch: EndpointPatch,
    allow_private_networks: bool,
) -> ServiceResult<webhook_endpoint::Model> {
    let endpoint = changeable(db, viewer, endpoint_id).await?;
    let was = endpoint.status;
    let mut row = endpoint.into_active_model();
    if let Some(url) = patch.url {
        row.url = Set(checked_url(&url, allow_private_networks)?);
    }
    if let Some(description) = patch.description {
        row.description = Set(checked_description(description)?);
    }
    if let Some(types) = patch.event_types {
        row.event_types = Set(checked_event_types(&types)?);
    }
    let now = Utc::now();
    let activated = match patch.status {
        None => false,
        Some(WebhookStatus::Disabled) => {
            return Err(ServiceError::invalid(
                "status",
                "set ACTIVE or PAUSED; Praxis disables failing endpoints itself",
            ))
        }
        Some(status) => {
            row.status = Set(status);
            if status != was {
                row.disabled_at = Set(None);
                row.disabled_reason = Set(None);
                row.failing_since = Set(None);
            }
            status == WebhookStatus::Active && was != WebhookStatus::Active
        }
    };
    row.updated_at = Set(now);
    let txn = crate::db::begin_write(db).await?;
    let endpoint = row.update(&txn).await?;
    if activated {
        // What waited (for a retry, or while paused or disabled) goes out now, in order.
        webhook_delivery::Entity::update_many()
            .col_expr(webhook_delivery::Column::NextAttemptAt, Expr::value(now))
            .filter(webhook_delivery::Column::EndpointId.eq(endpoint.id))
            .filter(webhook_delivery::Column::Status.eq(DeliveryStatus::Pending))
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(endpoint)
}

/// Gives an endpoint a new secret (the old one stops signing at once); returned this once.
pub async fn rotate_secret(
    db: &DatabaseConnection,
    viewer: &Viewer,
    endpoint_id: Uuid,
) -> ServiceResult<(webhook_endpoint::Model, String)> {
    let endpoint = changeable(db, viewer, endpoint_id).await?;
    let secret = new_secret();
    let mut row = endpoint.into_active_model();
    row.secret = Set(secret.clone());
    row.updated_at = Set(Utc::now());
    let endpoint = row.update(db).await?;
    Ok((endpoint, secret))
}

/// Deletes an endpoint with its deliveries and their attempts; returns its id.
pub async fn delete(
    db: &DatabaseConnection,
    viewer: &Viewer,
    endpoint_id: Uuid,
) -> ServiceResult<Uuid> {
    let endpoint = changeable(db, viewer, endpoint_id).await?;
    let txn = crate::db::begin_write(db).await?;
    // The foreign keys cascade; deleting explicitly does not depend on SQLite's pragma.
    entity::webhook_attempt::Entity::delete_many()
        .filter(entity::webhook_attempt::Column::EndpointId.eq(endpoint.id))
        .exec(&txn)
        .await?;
    webhook_delivery::Entity::delete_many()
        .filter(webhook_delivery::Column::EndpointId.eq(endpoint.id))
        .exec(&txn)
        .await?;
    webhook_endpoint::Entity::delete_by_id(endpoint.id)
        .exec(&txn)
        .await?;
    txn.commit().await?;
    tracing::info!(endpoint = %endpoint.id, organization = %endpoint.organization_id, "webhook endpoint deleted");
    Ok(endpoint.id)
}
