//! A webhook endpoint of an organization: where its events are POSTed, signed with a secret.

use super::enums::WebhookStatus;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "webhook_endpoint")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub url: String,
    pub description: Option<String>,
    /// JSON array of the event type names the endpoint receives.
    pub event_types: Json,
    /// The signing secret (`whsec_...`), shown once when created or rotated.
    pub secret: String,
    pub status: WebhookStatus,
    /// Start of the current run of failed attempts; NULL after a success.
    pub failing_since: Option<DateTimeUtc>,
    pub disabled_at: Option<DateTimeUtc>,
    pub disabled_reason: Option<String>,
    pub created_by_person_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
