//! People: created the first time a verified token names them, seen by their colleagues.

use super::page::Listing;
use crate::{
    access,
    auth::{MemberIdentity as Member, PersonViewer, Viewer},
    error::{ServiceError, ServiceResult},
};
use chrono::{Duration, Utc};
use entity::person;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use std::collections::HashMap;
use uuid::Uuid;

/// How stale `last_seen_at` may get before a request refreshes it (saves a write per request).
const LAST_SEEN_RESOLUTION: Duration = Duration::minutes(5);

/// The person a verified token names, created on first sight and kept in step with the
/// token's name and email claims.
pub async fn sign_in(db: &impl ConnectionTrait, member: &Member) -> ServiceResult<PersonViewer> {
    let existing = person::Entity::find()
        .filter(person::Column::OrganizationId.eq(member.organization_id))
        .filter(person::Column::Subject.eq(member.subject.as_str()))
        .one(db)
        .await?;
    let now = Utc::now();
    let found = match existing {
        Some(found) => found,
        None => {
            let row = person::ActiveModel {
                id: Set(Uuid::now_v7()),
                organization_id: Set(member.organization_id),
                subject: Set(member.subject.clone()),
                display_name: Set(member.name.clone()),
                email: Set(member.email.clone()),
                created_at: Set(now),
                last_seen_at: Set(now),
                business_unit: Set(None),
                business_unit_key: Set(None),
            };
            // Two first requests of one person may race: the loser reads the winner's row.
            person::Entity::insert(row)
                .on_conflict_do_nothing_on([
                    person::Column::OrganizationId,
                    person::Column::Subject,
                ])
                .exec_without_returning(db)
                .await?;
            person::Entity::find()
                .filter(person::Column::OrganizationId.eq(member.organization_id))
                .filter(person::Column::Subject.eq(member.subject.as_str()))
                .one(db)
                .await?
                .ok_or_else(|| {
                    ServiceError::Internal(anyhow::anyhow!("person vanished after insert"))
                })?
        }
    };
    let claims_changed = (member.name.is_some() && member.name != found.display_name)
        || (member.email.is_some() && member.email != found.email);
    let stale = now - found.last_seen_at > LAST_SEEN_RESOLUTION;
    let id = found.id;
    if claims_changed || stale {
        let mut active: person::ActiveModel = found.into();
        if let Some(name) = &member.name {
            active.display_name = Set(Some(name.clone()));
        }
        if let Some(email) = &member.email {
            active.email = Set(Some(email.clone()));
        }
        active.last_seen_at = Set(now);
        active.update(db).await?;
    }
    Ok(PersonViewer {
        person_id: id,
        organization_id: member.organization_id,
        is_admin: member.is_admin,
    })
}

/// The people among `ids` the viewer may see, by id.
pub async fn find_visible(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, person::Model>> {
    access::require_signed_in(viewer)?;
    Ok(person::Entity::find()
        .filter(access::visible_people(viewer))
        .filter(person::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect())
}

/// An organization's people the viewer may see, in the order they first signed in.
pub fn in_organization(
    viewer: &Viewer,
    organization_id: Uuid,
) -> ServiceResult<Listing<person::Entity>> {
    access::require_signed_in(viewer)?;
    Ok(Listing::oldest_first(
        person::Entity::find()
            .filter(access::visible_people(viewer))
            .filter(person::Column::OrganizationId.eq(organization_id)),
        person::Column::Id,
    ))
}
