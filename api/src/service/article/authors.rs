//! An article's authors: added and removed by its authors and the community's coordinators.
//! Co-authors come from any participating organization but must be ACTIVE members; the last
//! author stays.

use super::{active_membership, writer, Writable};
use crate::{
    auth::Viewer,
    error::{is_unique_violation, ServiceError, ServiceResult},
};
use chrono::Utc;
use entity::{article_author, knowledge_article};
use sea_orm::{ActiveModelTrait, DatabaseConnection, ModelTrait, Set};
use uuid::Uuid;

/// Adds a co-author (an ACTIVE member of the article's community).
pub async fn add_author(
    db: &DatabaseConnection,
    viewer: &Viewer,
    article_id: Uuid,
    person_id: Uuid,
) -> ServiceResult<knowledge_article::Model> {
    let me = writer(viewer)?;
    let txn = crate::db::begin_write(db).await?;
    let current = Writable::load(&txn, viewer, article_id).await?;
    current.require_editor(viewer)?;
    if current.authors.iter().any(|a| a.person_id == person_id) {
        return Err(ServiceError::conflict("personId", "is already an author"));
    }
    let membership = active_membership(&txn, current.community.id, person_id)
        .await?
        .ok_or_else(|| {
            ServiceError::invalid(
                "personId",
                "co-authors must be active members of the community",
            )
        })?;
    article_author::ActiveModel {
        id: Set(Uuid::now_v7()),
        article_id: Set(article_id),
        person_id: Set(person_id),
        organization_id: Set(membership.organization_id),
        added_by_person_id: Set(me.person_id),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            ServiceError::conflict("personId", "is already an author")
        } else {
            e.into()
        }
    })?;
    txn.commit().await?;
    Ok(current.article)
}

/// Removes an author; the last one stays.
pub async fn remove_author(
    db: &DatabaseConnection,
    viewer: &Viewer,
    article_id: Uuid,
    person_id: Uuid,
) -> ServiceResult<knowledge_article::Model> {
    writer(viewer)?;
    let txn = crate::db::begin_write(db).await?;
    let current = Writable::load(&txn, viewer, article_id).await?;
    current.require_editor(viewer)?;
    let Some(author) = current
        .authors
        .iter()
        .find(|a| a.person_id == person_id)
        .cloned()
    else {
        return Err(ServiceError::invalid("personId", "is not an author"));
    };
    if current.authors.len() == 1 {
        return Err(ServiceError::invalid(
            "personId",
            "the last author of an article stays",
        ));
    }
    author.delete(&txn).await?;
    txn.commit().await?;
    Ok(current.article)
}
