//! One event to deliver to one endpoint; its id is the delivery id receivers de-duplicate by.

use super::enums::{DeliveryStatus, DomainEventType};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "webhook_delivery")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub endpoint_id: Uuid,
    pub organization_id: Uuid,
    pub event_id: Uuid,
    pub event_position: i64,
    pub event_type: DomainEventType,
    pub status: DeliveryStatus,
    pub attempt_count: i32,
    pub redelivery_count: i32,
    pub next_attempt_at: DateTimeUtc,
    /// While set and in the future, a worker is attempting the delivery.
    pub lease_until: Option<DateTimeUtc>,
    pub last_attempt_at: Option<DateTimeUtc>,
    pub last_status_code: Option<i32>,
    pub last_error: Option<String>,
    pub delivered_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    /// The request body, fixed at the first attempt (the same bytes on every attempt).
    pub payload: Option<String>,
    /// Attempts since the delivery was created or last redelivered (the retry budget).
    pub round_attempt_count: i32,
    /// How long the last attempt took.
    pub last_duration_ms: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
