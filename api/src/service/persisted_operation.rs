//! Registered (persisted) operations: documents an organization's admins (or the operator)
//! register, named by the SHA-256 of their exact text, and the organization's switch that
//! accepts only those from its people (README, "Persisted queries"). Whether a document
//! parses and validates against the schema is checked by the caller, which has the schema.

use super::{
    audit::{self, AuditEntry},
    page::Listing,
};
use crate::{
    access,
    auth::Viewer,
    error::{is_unique_violation, ServiceError, ServiceResult},
};
use chrono::Utc;
use entity::{enums::AuditAction, organization, persisted_operation, persisted_operation_policy};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, Set,
};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// Longest document that may be registered, in characters.
pub const MAX_DOCUMENT_CHARS: usize = 100_000;
/// Longest name of a registration, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Most registrations one organization may hold.
pub const MAX_PER_ORGANIZATION: u64 = 1_000;

/// Input of [`register`]: a document already checked against the schema.
#[derive(Debug, Clone)]
pub struct NewPersistedOperation {
    pub organization_id: Uuid,
    pub document: String,
    /// `None` (or blank): the document's operation name, if it has one.
    pub name: Option<String>,
    pub operation_name: Option<String>,
}

/// The lowercase hex SHA-256 of a document's text, as clients compute it.
pub fn document_hash(document: &str) -> String {
    hex::encode(Sha256::digest(document.as_bytes()))
}

/// A hash as clients send it (64 hex digits, any case), lowercased; `None` if it is not one.
pub fn parse_hash(text: &str) -> Option<String> {
    (text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| text.to_ascii_lowercase())
}

/// The checks of a document that need no schema: not blank, not too long.
pub fn check_document(document: &str) -> ServiceResult<()> {
    if document.trim().is_empty() {
        return Err(ServiceError::invalid("document", "must not be blank"));
    }
    if document.chars().count() > MAX_DOCUMENT_CHARS {
        return Err(ServiceError::invalid(
            "document",
            format!("must be at most {MAX_DOCUMENT_CHARS} characters"),
        ));
    }
    Ok(())
}

fn checked_name(name: Option<String>, fallback: Option<String>) -> ServiceResult<Option<String>> {
    match name.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()) {
        Some(name) => super::content::parse_text("name", &name, 1, MAX_NAME_CHARS).map(Some),
        None => Ok(fallback.map(|n| n.chars().take(MAX_NAME_CHARS).collect())),
    }
}

fn audited(operation: &persisted_operation::Model) -> Value {
    json!({ "sha256Hash": operation.sha256, "name": operation.name })
}

async fn require_organization(
    db: &impl ConnectionTrait,
    organization_id: Uuid,
) -> ServiceResult<()> {
    match organization::Entity::find_by_id(organization_id)
        .one(db)
        .await?
    {
        Some(_) => Ok(()),
        None => Err(ServiceError::NotFound),
    }
}

/// An organization's registrations, oldest first: its admins and the operator (FORBIDDEN for
/// its other people, NOT_FOUND for everyone else).
pub fn operations_of(
    viewer: &Viewer,
    organization_id: Uuid,
) -> ServiceResult<Listing<persisted_operation::Entity>> {
    access::require_persisted_operations_admin(viewer, organization_id)?;
    Ok(Listing::oldest_first(
        persisted_operation::Entity::find()
            .filter(persisted_operation::Column::OrganizationId.eq(organization_id))
            .filter(access::visible_persisted_operations(viewer)),
        persisted_operation::Column::Id,
    ))
}

/// Registers a document for an organization; audited in the same transaction. Registering
/// a document the organization already has returns that registration unchanged.
pub async fn register(
    db: &DatabaseConnection,
    viewer: &Viewer,
    input: NewPersistedOperation,
) -> ServiceResult<persisted_operation::Model> {
    access::require_persisted_operations_admin(viewer, input.organization_id)?;
    check_document(&input.document)?;
    let name = checked_name(input.name, input.operation_name)?;
    let sha256 = document_hash(&input.document);
    let txn = crate::db::begin_write(db).await?;
    require_organization(&txn, input.organization_id).await?;
    let existing = persisted_operation::Entity::find()
        .filter(persisted_operation::Column::OrganizationId.eq(input.organization_id))
        .filter(persisted_operation::Column::Sha256.eq(&sha256))
        .one(&txn)
        .await?;
    if let Some(existing) = existing {
        return Ok(existing);
    }
    let held = persisted_operation::Entity::find()
        .filter(persisted_operation::Column::OrganizationId.eq(input.organization_id))
        .count(&txn)
        .await?;
    if held >= MAX_PER_ORGANIZATION {
        return Err(ServiceError::invalid(
            "organizationId",
            format!("an organization has at most {MAX_PER_ORGANIZATION} persisted operations"),
        ));
    }
    let inserted = persisted_operation::ActiveModel {
        id: Set(Uuid::now_v7()),
        organization_id: Set(input.organization_id),
        sha256: Set(sha256.clone()),
        name: Set(name),
        document: Set(input.document),
        created_by_person_id: Set(viewer.person().map(|p| p.person_id)),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await;
    let saved = match inserted {
        Ok(saved) => saved,
        Err(err) if is_unique_violation(&err) => {
            // Registered at the same moment by another request: that registration stands.
            drop(txn);
            return persisted_operation::Entity::find()
                .filter(persisted_operation::Column::OrganizationId.eq(input.organization_id))
                .filter(persisted_operation::Column::Sha256.eq(&sha256))
                .one(db)
                .await?
                .ok_or_else(|| ServiceError::conflict("document", "registered concurrently"));
        }
        Err(err) => return Err(err.into()),
    };
    audit::record(
        &txn,
        viewer,
        vec![AuditEntry::new(
            AuditAction::PersistedOperationRegistered,
            saved.organization_id,
            "PersistedOperation",
        )
        .target(saved.id)
        .change(None, Some(audited(&saved)))],
    )
    .await?;
    txn.commit().await?;
    tracing::info!(organization = %saved.organization_id, sha256 = %saved.sha256, "persisted operation registered");
    Ok(saved)
}

/// Removes a registration by its hash; audited. NOT_FOUND when the organization has none
/// with that hash or the viewer is not of the organization.
pub async fn remove(
    db: &DatabaseConnection,
    viewer: &Viewer,
    organization_id: Uuid,
    sha256: &str,
) -> ServiceResult<persisted_operation::Model> {
    access::require_persisted_operations_admin(viewer, organization_id)?;
    let sha256 = parse_hash(sha256).ok_or(ServiceError::NotFound)?;
    let txn = crate::db::begin_write(db).await?;
    let existing = persisted_operation::Entity::find()
        .filter(persisted_operation::Column::OrganizationId.eq(organization_id))
        .filter(persisted_operation::Column::Sha256.eq(&sha256))
        .filter(access::visible_persisted_operations(viewer))
        .one(&txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    persisted_operation::Entity::delete_by_id(existing.id)
        .exec(&txn)
        .await?;
    audit::record(
        &txn,
        viewer,
        vec![AuditEntry::new(
            AuditAction::PersistedOperationRemoved,
            organization_id,
            "PersistedOperation",
        )
        .target(existing.id)
        .change(Some(audited(&existing)), None)],
    )
    .await?;
    txn.commit().await?;
    tracing::info!(organization = %organization_id, sha256 = %existing.sha256, "persisted operation removed");
    Ok(existing)
}

/// Switches persisted-operations-only on or off for an organization; audited when it
/// changes. Returns the organization.
pub async fn set_persisted_only(
    db: &DatabaseConnection,
    viewer: &Viewer,
    organization_id: Uuid,
    enabled: bool,
) -> ServiceResult<organization::Model> {
    access::require_persisted_operations_admin(viewer, organization_id)?;
    let txn = crate::db::begin_write(db).await?;
    let organization = organization::Entity::find_by_id(organization_id)
        .one(&txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let before = persisted_operation_policy::Entity::find_by_id(organization_id)
        .one(&txn)
        .await?;
    let was = before.as_ref().is_some_and(|p| p.persisted_only);
    if was == enabled {
        return Ok(organization);
    }
    let row = persisted_operation_policy::ActiveModel {
        organization_id: Set(organization_id),
        persisted_only: Set(enabled),
        updated_at: Set(Utc::now()),
    };
    if before.is_some() {
        row.update(&txn).await?;
    } else {
        row.insert(&txn).await?;
    }
    audit::record(
        &txn,
        viewer,
        vec![AuditEntry::new(
            AuditAction::PersistedOperationsOnlyChanged,
            organization_id,
            "Organization",
        )
        .target(organization_id)
        .change(
            Some(json!({ "persistedOperationsOnly": was })),
            Some(json!({ "persistedOperationsOnly": enabled })),
        )],
    )
    .await?;
    txn.commit().await?;
    tracing::info!(organization = %organization_id, enabled, "persisted-operations-only changed");
    Ok(organization)
}

/// The organization's switch as its people and the operator see it; `None` for anyone else.
pub async fn persisted_only_for(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    organization_id: Uuid,
) -> ServiceResult<Option<bool>> {
    let sees = match viewer {
        Viewer::Operator(_) => true,
        Viewer::Person(me) => me.organization_id == organization_id,
        Viewer::Anonymous => false,
    };
    if !sees {
        return Ok(None);
    }
    Ok(Some(persisted_only(db, organization_id).await?))
}

/// Whether the organization accepts only registered operations from its people (no viewer:
/// the transport asks before a request runs).
pub async fn persisted_only(
    db: &impl ConnectionTrait,
    organization_id: Uuid,
) -> ServiceResult<bool> {
    Ok(
        persisted_operation_policy::Entity::find_by_id(organization_id)
            .one(db)
            .await?
            .is_some_and(|p| p.persisted_only),
    )
}

/// The document an organization registered under this hash, for running it.
pub async fn registered_document(
    db: &impl ConnectionTrait,
    organization_id: Uuid,
    sha256: &str,
) -> ServiceResult<Option<String>> {
    Ok(persisted_operation::Entity::find()
        .filter(persisted_operation::Column::OrganizationId.eq(organization_id))
        .filter(persisted_operation::Column::Sha256.eq(sha256))
        .one(db)
        .await?
        .map(|op| op.document))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn hashes_as_clients_do() {
        assert_eq!(
            document_hash("{ __typename }"),
            "7f56e67dd21ab3f30d1ff8b7bed08893f0a0db86449836189b361dd1e56ddb4b"
        );
        let upper = "7F56E67DD21AB3F30D1FF8B7BED08893F0A0DB86449836189B361DD1E56DDB4B";
        assert_eq!(parse_hash(upper).unwrap(), document_hash("{ __typename }"));
        assert!(parse_hash("abc").is_none());
        assert!(parse_hash(&"g".repeat(64)).is_none());
    }

    #[test]
    fn documents_are_bounded() {
        assert!(check_document("  ").is_err());
        assert!(check_document(&"a".repeat(MAX_DOCUMENT_CHARS + 1)).is_err());
        assert!(check_document("{ viewer { isAdmin } }").is_ok());
    }
}
