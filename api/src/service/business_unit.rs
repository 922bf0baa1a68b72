//! Business units and division leaders. A business unit is a name inside an organization,
//! compared trimmed and case-insensitively; its admins set people's units and grant the
//! division leader role, which lets a person read their unit's value report.

use crate::{
    access,
    auth::Viewer,
    error::{is_unique_violation, ServiceError, ServiceResult},
};
use chrono::Utc;
use entity::{division_leader, person};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ModelTrait, QueryFilter,
    QueryOrder, Set,
};
use uuid::Uuid;

/// Longest business unit name, in characters.
pub const MAX_UNIT_CHARS: usize = 200;

/// The key a unit is compared by: trimmed and lowercased; `None` when blank.
pub fn unit_key(name: &str) -> Option<String> {
    let trimmed = name.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_lowercase())
}

fn unit_name(field: &str, name: &str) -> ServiceResult<(String, String)> {
    let trimmed = name.trim();
    if trimmed.chars().count() > MAX_UNIT_CHARS {
        return Err(ServiceError::invalid(
            field,
            format!("must be at most {MAX_UNIT_CHARS} characters"),
        ));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(ServiceError::invalid(field, "must be one line of text"));
    }
    let key = unit_key(trimmed).ok_or_else(|| ServiceError::invalid(field, "must not be empty"))?;
    Ok((trimmed.to_owned(), key))
}

/// A person the viewer sees, who must belong to an organization the viewer administers.
async fn administered_person(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    person_id: Uuid,
) -> ServiceResult<person::Model> {
    access::require_signed_in(viewer)?;
    let person = person::Entity::find_by_id(person_id)
        .filter(access::visible_people(viewer))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !access::administers(viewer, person.organization_id) {
        return Err(ServiceError::Forbidden(
            "only admins of the person's organization may do this",
        ));
    }
    Ok(person)
}

/// Sets a person's business unit (trimmed); blank or `None` clears it. Admins of the
/// person's organization.
pub async fn set_person_business_unit(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    person_id: Uuid,
    business_unit: Option<&str>,
) -> ServiceResult<person::Model> {
    let person = administered_person(db, viewer, person_id).await?;
    let unit = match business_unit.map(str::trim).filter(|u| !u.is_empty()) {
        Some(name) => Some(unit_name("businessUnit", name)?),
        None => None,
    };
    let mut active: person::ActiveModel = person.into();
    active.business_unit = Set(unit.as_ref().map(|(name, _)| name.clone()));
    active.business_unit_key = Set(unit.map(|(_, key)| key));
    Ok(active.update(db).await?)
}

async fn find_grant(
    db: &impl ConnectionTrait,
    person: &person::Model,
    key: &str,
) -> ServiceResult<Option<division_leader::Model>> {
    Ok(division_leader::Entity::find()
        .filter(division_leader::Column::OrganizationId.eq(person.organization_id))
        .filter(division_leader::Column::PersonId.eq(person.id))
        .filter(division_leader::Column::BusinessUnitKey.eq(key))
        .one(db)
        .await?)
}

/// Makes a person a division leader of a unit of their organization. Admins of that
/// organization. Granting again is harmless: the existing grant is returned.
pub async fn grant_division_leader(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    person_id: Uuid,
    business_unit: &str,
) -> ServiceResult<division_leader::Model> {
    let person = administered_person(db, viewer, person_id).await?;
    let (name, key) = unit_name("businessUnit", business_unit)?;
    if let Some(existing) = find_grant(db, &person, &key).await? {
        return Ok(existing);
    }
    let granted_by = match viewer {
        Viewer::Person(me) => me.person_id,
        // The operator is no person; the grant is recorded as the person's own.
        _ => person.id,
    };
    let grant = division_leader::ActiveModel {
        id: Set(Uuid::now_v7()),
        organization_id: Set(person.organization_id),
        person_id: Set(person.id),
        business_unit: Set(name),
        business_unit_key: Set(key.clone()),
        granted_by_person_id: Set(granted_by),
        created_at: Set(Utc::now()),
    };
    match grant.insert(db).await {
        Ok(grant) => Ok(grant),
        // A concurrent grant of the same unit won the race: the outcome is the same.
        Err(err) if is_unique_violation(&err) => find_grant(db, &person, &key)
            .await?
            .ok_or(ServiceError::Internal(anyhow::anyhow!("grant vanished"))),
        Err(err) => Err(err.into()),
    }
}

/// Ends a person's division leadership of a unit and returns the removed grant. NOT_FOUND
/// when there is none.
pub async fn revoke_division_leader(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    person_id: Uuid,
    business_unit: &str,
) -> ServiceResult<division_leader::Model> {
    let person = administered_person(db, viewer, person_id).await?;
    let key = unit_key(business_unit)
        .ok_or_else(|| ServiceError::invalid("businessUnit", "must not be empty"))?;
    let grant = find_grant(db, &person, &key)
        .await?
        .ok_or(ServiceError::NotFound)?;
    grant.clone().delete(db).await?;
    Ok(grant)
}

/// An organization's division leaders the viewer sees, by unit and grant.
pub async fn division_leaders(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    organization_id: Uuid,
) -> ServiceResult<Vec<division_leader::Model>> {
    access::require_signed_in(viewer)?;
    Ok(division_leader::Entity::find()
        .filter(access::visible_division_leaders(viewer))
        .filter(division_leader::Column::OrganizationId.eq(organization_id))
        .order_by_asc(division_leader::Column::BusinessUnitKey)
        .order_by_asc(division_leader::Column::Id)
        .all(db)
        .await?)
}

/// The units the viewer leads.
pub async fn viewer_divisions(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
) -> ServiceResult<Vec<division_leader::Model>> {
    let Viewer::Person(me) = viewer else {
        access::require_signed_in(viewer)?;
        return Ok(vec![]);
    };
    Ok(division_leader::Entity::find()
        .filter(division_leader::Column::PersonId.eq(me.person_id))
        .order_by_asc(division_leader::Column::BusinessUnitKey)
        .all(db)
        .await?)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn units_compare_trimmed_and_case_insensitively() {
        assert_eq!(unit_key("  Plant Lyon "), Some("plant lyon".into()));
        assert_eq!(unit_key("   "), None);
        assert!(unit_name("f", &"x".repeat(201)).is_err());
        assert_eq!(
            unit_name("f", " Treasury ").unwrap(),
            ("Treasury".into(), "treasury".into())
        );
    }
}
