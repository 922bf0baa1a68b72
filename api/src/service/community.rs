//! Communities: created by a person of the host organization (its first coordinator),
//! changed by host coordinators, discovered by the people who may see them.

use super::{
    audit::{self, AuditEntry},
    content::{self, parse_tags},
    page::{visible_by_id, Listing},
    participation::visible_community,
    slug::{parse_name, Slug},
};
use crate::{
    access,
    auth::Viewer,
    error::{is_unique_violation, ServiceError, ServiceResult},
};
use chrono::Utc;
use entity::{
    community,
    enums::{
        AuditAction, CommunityVisibility, JoinRule, Leadership, LifecycleStage, MemberRole,
        MembershipStatus, ParticipationStatus, ParticipationTier,
    },
    membership, organization, participation,
};
use sea_orm::{
    sea_query::Query, ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait,
    DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, Set,
};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

const MAX_PURPOSE: usize = 2_000;
const MAX_CHARTER: usize = 20_000;

/// What a new community starts with.
#[derive(Debug, Clone)]
pub struct NewCommunity {
    pub slug: String,
    pub name: String,
    pub purpose: String,
    pub tags: Vec<String>,
    pub visibility: CommunityVisibility,
    pub stage: LifecycleStage,
    pub charter: String,
    pub join_rule: JoinRule,
}

/// Changes to a community; `None` keeps a field.
#[derive(Debug, Clone, Default)]
pub struct CommunityPatch {
    pub name: Option<String>,
    pub purpose: Option<String>,
    pub tags: Option<Vec<String>>,
    pub visibility: Option<CommunityVisibility>,
    pub stage: Option<LifecycleStage>,
    pub charter: Option<String>,
    pub join_rule: Option<JoinRule>,
}

fn parse_text(field: &str, value: &str, max: usize) -> ServiceResult<String> {
    let value = value.trim();
    super::content::check_characters(field, value)?;
    if value.chars().count() > max {
        return Err(ServiceError::invalid(
            field,
            format!("must be at most {max} characters"),
        ));
    }
    Ok(value.to_owned())
}

fn snapshot(c: &community::Model) -> serde_json::Value {
    json!({
        "name": c.name,
        "purpose": c.purpose,
        "tags": c.tags,
        "visibility": c.visibility.as_str(),
        "stage": c.stage.as_str(),
        "joinRule": c.join_rule.as_str(),
        "charterLength": c.charter.chars().count(),
    })
}

/// Creates a community hosted by the viewer's organization; the viewer is its first
/// coordinator.
pub async fn create(
    db: &DatabaseConnection,
    viewer: &Viewer,
    input: NewCommunity,
) -> ServiceResult<community::Model> {
    let me = access::require_person(viewer)?;
    let slug = Slug::parse("slug", &input.slug)?;
    let name = parse_name("name", &input.name, 120)?;
    let purpose = parse_text("purpose", &input.purpose, MAX_PURPOSE)?;
    let charter = parse_text("charter", &input.charter, MAX_CHARTER)?;
    let tags = parse_tags(&input.tags)?;
    let txn = crate::db::begin_write(db).await?;
    let taken = community::Entity::find()
        .filter(community::Column::HostOrganizationId.eq(me.organization_id))
        .filter(community::Column::Slug.eq(slug.as_str()))
        .count(&txn)
        .await?
        > 0;
    if taken {
        return Err(ServiceError::conflict("slug", "is already taken"));
    }
    let now = Utc::now();
    let created = community::ActiveModel {
        id: Set(Uuid::now_v7()),
        host_organization_id: Set(me.organization_id),
        slug: Set(slug.to_string()),
        name: Set(name),
        purpose: Set(purpose),
        tags: Set(tags),
        visibility: Set(input.visibility),
        stage: Set(input.stage),
        charter: Set(charter),
        join_rule: Set(input.join_rule),
        created_by_person_id: Set(me.person_id),
        created_at: Set(now),
        updated_at: Set(now),
        rhythm_interval_days: Set(None),
    }
    .insert(&txn)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            ServiceError::conflict("slug", "is already taken")
        } else {
            e.into()
        }
    })?;
    participation::ActiveModel {
        id: Set(Uuid::now_v7()),
        community_id: Set(created.id),
        organization_id: Set(me.organization_id),
        tier: Set(ParticipationTier::Host),
        status: Set(ParticipationStatus::Active),
        sponsor_person_id: Set(None),
        invited_by_person_id: Set(Some(me.person_id)),
        invited_at: Set(now),
        expires_at: Set(None),
        accepted_at: Set(Some(now)),
        ended_at: Set(None),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    membership::ActiveModel {
        id: Set(Uuid::now_v7()),
        community_id: Set(created.id),
        person_id: Set(me.person_id),
        organization_id: Set(me.organization_id),
        role: Set(MemberRole::Coordinator),
        leadership: Set(Some(Leadership::Formal)),
        status: Set(MembershipStatus::Active),
        suspended_from: Set(None),
        requested_at: Set(now),
        joined_at: Set(Some(now)),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        viewer,
        vec![AuditEntry::new(
            AuditAction::CommunityCreated,
            me.organization_id,
            "Community",
        )
        .community(created.id)
        .target(created.id)
        .change(None, Some(snapshot(&created)))],
    )
    .await?;
    txn.commit().await?;
    Ok(created)
}

/// Changes a community's settings (host coordinators).
pub async fn update(
    db: &DatabaseConnection,
    viewer: &Viewer,
    id: Uuid,
    patch: CommunityPatch,
) -> ServiceResult<community::Model> {
    access::require_signed_in(viewer)?;
    let name = patch
        .name
        .as_deref()
        .map(|n| parse_name("name", n, 120))
        .transpose()?;
    let purpose = patch
        .purpose
        .as_deref()
        .map(|p| parse_text("purpose", p, MAX_PURPOSE))
        .transpose()?;
    let charter = patch
        .charter
        .as_deref()
        .map(|c| parse_text("charter", c, MAX_CHARTER))
        .transpose()?;
    let tags = patch.tags.as_deref().map(parse_tags).transpose()?;
    let txn = crate::db::begin_write(db).await?;
    let current = visible_community(&txn, viewer, id).await?;
    access::require_host_coordinator(&txn, viewer, &current).await?;
    if patch.visibility == Some(CommunityVisibility::HostOnly)
        && current.visibility == CommunityVisibility::Federated
    {
        let now = Utc::now();
        let partners = participation::Entity::find()
            .filter(participation::Column::CommunityId.eq(current.id))
            .filter(participation::Column::Tier.ne(ParticipationTier::Host))
            .all(&txn)
            .await?;
        let engaged = partners.iter().any(|p| {
            matches!(
                p.effective_status(now),
                ParticipationStatus::Invited
                    | ParticipationStatus::Active
                    | ParticipationStatus::Suspended
            )
        });
        if engaged {
            return Err(ServiceError::conflict(
                "visibility",
                "remove the partner organizations (and open invitations) first",
            ));
        }
    }
    let before = snapshot(&current);
    let mut active: community::ActiveModel = current.into();
    if let Some(name) = name {
        active.name = Set(name);
    }
    if let Some(purpose) = purpose {
        active.purpose = Set(purpose);
    }
    if let Some(charter) = charter {
        active.charter = Set(charter);
    }
    if let Some(tags) = tags {
        active.tags = Set(tags);
    }
    if let Some(visibility) = patch.visibility {
        active.visibility = Set(visibility);
    }
    if let Some(stage) = patch.stage {
        active.stage = Set(stage);
    }
    if let Some(join_rule) = patch.join_rule {
        active.join_rule = Set(join_rule);
    }
    active.updated_at = Set(Utc::now());
    let updated = active.update(&txn).await?;
    audit::record(
        &txn,
        viewer,
        vec![AuditEntry::new(
            AuditAction::CommunityUpdated,
            updated.host_organization_id,
            "Community",
        )
        .community(updated.id)
        .target(updated.id)
        .change(Some(before), Some(snapshot(&updated)))],
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}

/// A community by its host's slug and its own slug.
pub async fn find_by_slug(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    host_slug: &str,
    slug: &str,
) -> ServiceResult<community::Model> {
    access::require_signed_in(viewer)?;
    let host = organization::Entity::find()
        .filter(organization::Column::Slug.eq(host_slug))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    community::Entity::find()
        .filter(access::visible_communities(viewer))
        .filter(community::Column::HostOrganizationId.eq(host.id))
        .filter(community::Column::Slug.eq(slug))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)
}

/// Which visible communities to list.
#[derive(Debug, Clone, Default)]
pub struct CommunityFilter {
    pub host_id: Option<Uuid>,
    pub stage: Option<LifecycleStage>,
    pub tag: Option<String>,
    /// Only those the viewer is an ACTIVE member of (true) or is not (false).
    pub joined: Option<bool>,
}

fn filtered(viewer: &Viewer, filter: &CommunityFilter) -> ServiceResult<Condition> {
    let mut condition = Condition::all().add(access::visible_communities(viewer));
    if let Some(host) = filter.host_id {
        condition = condition.add(community::Column::HostOrganizationId.eq(host));
    }
    if let Some(stage) = filter.stage {
        condition = condition.add(community::Column::Stage.eq(stage));
    }
    if let Some(tag) = &filter.tag {
        condition = condition.add(content::has_tags::<community::Entity>(
            community::Column::Tags,
            "tag",
            std::slice::from_ref(tag),
        )?);
    }
    if let Some(joined) = filter.joined {
        let mine = Query::select()
            .column(membership::Column::CommunityId)
            .from(membership::Entity)
            .and_where(
                membership::Column::PersonId
                    .eq(viewer.person().map(|me| me.person_id).unwrap_or_default()),
            )
            .and_where(membership::Column::Status.eq(MembershipStatus::Active))
            .to_owned();
        condition = condition.add(if joined {
            community::Column::Id.in_subquery(mine)
        } else {
            community::Column::Id.not_in_subquery(mine)
        });
    }
    Ok(condition)
}

/// The communities the viewer may see, oldest first.
pub fn visible(
    viewer: &Viewer,
    filter: &CommunityFilter,
) -> ServiceResult<Listing<community::Entity>> {
    access::require_signed_in(viewer)?;
    Ok(Listing::oldest_first(
        community::Entity::find().filter(filtered(viewer, filter)?),
        community::Column::Id,
    ))
}

/// The communities among `ids` the viewer may see.
pub async fn find_visible(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, community::Model>> {
    access::require_signed_in(viewer)?;
    visible_by_id::<community::Entity, _>(
        db,
        access::visible_communities(viewer),
        community::Column::Id,
        ids,
        |c| c.id,
    )
    .await
}
