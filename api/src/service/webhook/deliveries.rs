//! The delivery log: deliveries of an endpoint, their attempts, and redelivery.

use crate::{
    access,
    auth::Viewer,
    error::{ServiceError, ServiceResult},
    service::page::{visible_by_id, Listing},
};
use chrono::Utc;
use entity::{enums::DeliveryStatus, webhook_attempt, webhook_delivery};
use sea_orm::{
    sea_query::{Expr, ExprTrait},
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
};
use std::collections::HashMap;
use uuid::Uuid;

/// The delivery, if the viewer may see it (NOT_FOUND otherwise).
pub async fn find_delivery(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    delivery_id: Uuid,
) -> ServiceResult<webhook_delivery::Model> {
    access::require_signed_in(viewer)?;
    webhook_delivery::Entity::find_by_id(delivery_id)
        .filter(access::visible_webhook_deliveries(viewer))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)
}

/// The deliveries among `ids` the viewer may see.
pub async fn find_visible_deliveries(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, webhook_delivery::Model>> {
    access::require_signed_in(viewer)?;
    visible_by_id::<webhook_delivery::Entity, _>(
        db,
        access::visible_webhook_deliveries(viewer),
        webhook_delivery::Column::Id,
        ids,
        |d| d.id,
    )
    .await
}

/// An endpoint's deliveries, newest first, optionally of one status.
pub async fn deliveries_of(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    endpoint_id: Uuid,
    status: Option<DeliveryStatus>,
) -> ServiceResult<Listing<webhook_delivery::Entity>> {
    let endpoint = super::find(db, viewer, endpoint_id).await?;
    let mut select = webhook_delivery::Entity::find()
        .filter(webhook_delivery::Column::EndpointId.eq(endpoint.id))
        .filter(access::visible_webhook_deliveries(viewer));
    if let Some(status) = status {
        select = select.filter(webhook_delivery::Column::Status.eq(status));
    }
    Ok(Listing::newest_first(select, webhook_delivery::Column::Id))
}

/// The attempts of deliveries the viewer may see, by delivery, first attempt first.
pub async fn attempts_of(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    delivery_ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, Vec<webhook_attempt::Model>>> {
    let visible = find_visible_deliveries(db, viewer, delivery_ids).await?;
    let mut attempts: HashMap<Uuid, Vec<webhook_attempt::Model>> = HashMap::new();
    if visible.is_empty() {
        return Ok(attempts);
    }
    for attempt in webhook_attempt::Entity::find()
        .filter(webhook_attempt::Column::DeliveryId.is_in(visible.keys().copied()))
        .order_by_asc(webhook_attempt::Column::Attempt)
        .order_by_asc(webhook_attempt::Column::Id)
        .all(db)
        .await?
    {
        attempts
            .entry(attempt.delivery_id)
            .or_default()
            .push(attempt);
    }
    Ok(attempts)
}

/// Sends a DELIVERED or FAILED delivery again: the same delivery id and body, a new round of
/// retries (its attempts keep counting). A PENDING one is already on its way: CONFLICT.
pub async fn redeliver(
    db: &DatabaseConnection,
    viewer: &Viewer,
    delivery_id: Uuid,
) -> ServiceResult<webhook_delivery::Model> {
    let delivery = find_delivery(db, viewer, delivery_id).await?;
    access::require_organization_admin(db, viewer, delivery.organization_id).await?;
    let now = Utc::now();
    let changed = webhook_delivery::Entity::update_many()
        .col_expr(
            webhook_delivery::Column::Status,
            Expr::value(DeliveryStatus::Pending.as_str()),
        )
        .col_expr(webhook_delivery::Column::NextAttemptAt, Expr::value(now))
        .col_expr(webhook_delivery::Column::RoundAttemptCount, Expr::value(0))
        .col_expr(
            webhook_delivery::Column::RedeliveryCount,
            Expr::col(webhook_delivery::Column::RedeliveryCount).add(1),
        )
        .filter(webhook_delivery::Column::Id.eq(delivery.id))
        .filter(
            webhook_delivery::Column::Status
                .is_in([DeliveryStatus::Delivered, DeliveryStatus::Failed]),
        )
        .exec(db)
        .await?
        .rows_affected;
    if changed == 0 {
        return Err(ServiceError::conflict(
            "deliveryId",
            "the delivery is pending: it will be attempted (again) without a redelivery",
        ));
    }
    find_delivery(db, viewer, delivery.id).await
}
