//! Webhooks: endpoints, the delivery log and its attempts, and the mutations that register,
//! change, re-key, delete and redeliver (docs/REALTIME.md, "Webhooks").

use super::{
    connection::{connection, page_request, wants_total_count, PraxisConnection},
    context,
    error::{patch, payload, user_errors, GqlResult, UserError},
    node::{expect_global_id, global_id, NodeKind},
    organization::Organization,
    realtime::DomainEventType,
};
use crate::{
    events::{outbox, EventHub},
    service::{
        self,
        page::PageRequest,
        webhook::{EndpointPatch, NewEndpoint},
    },
};
use async_graphql::{Context, Enum, InputObject, MaybeUndefined, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use entity::{
    enums::DeliveryStatus as StoredDeliveryStatus, webhook_attempt, webhook_delivery,
    webhook_endpoint,
};
use std::collections::HashMap;

/// Whether an endpoint receives deliveries.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "entity::enums::WebhookStatus")]
pub enum WebhookStatus {
    /// Deliveries are sent.
    Active,
    /// Paused by an admin: deliveries wait.
    Paused,
    /// Disabled by Praxis after failing for `--webhook-disable-after`: deliveries wait until
    /// an admin sets it ACTIVE again.
    Disabled,
}

/// Where a delivery stands.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "entity::enums::DeliveryStatus")]
pub enum DeliveryStatus {
    /// Waiting for its (next) attempt.
    Pending,
    /// A 2xx answer was received.
    Delivered,
    /// Every attempt failed; redeliverable.
    Failed,
}

/// The hub of this server (its settings, its webhook worker).
fn hub<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a EventHub> {
    ctx.data::<EventHub>()
}

/// A webhook endpoint row, as the API shows it (never its secret).
pub struct WebhookEndpoint(pub webhook_endpoint::Model);

/// Where an organization's events are POSTed, signed with a secret. Its organization's
/// admins and the operator see it; no one else.
#[Object]
impl WebhookEndpoint {
    /// Globally unique, opaque identifier (the `Praxis-Webhook-Id` header).
    pub async fn id(&self) -> ID {
        global_id(NodeKind::WebhookEndpoint, self.0.id)
    }

    /// The URL deliveries are POSTed to.
    async fn url(&self) -> &str {
        &self.0.url
    }

    /// What it is for.
    async fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }

    /// The event types it receives.
    async fn event_types(&self) -> Vec<DomainEventType> {
        service::webhook::event_types(&self.0)
            .into_iter()
            .map(Into::into)
            .collect()
    }

    /// ACTIVE, PAUSED or DISABLED.
    async fn status(&self) -> WebhookStatus {
        self.0.status.into()
    }

    /// Since when every attempt has failed; null after a success.
    async fn failing_since(&self) -> Option<DateTime<Utc>> {
        self.0.failing_since
    }

    /// When Praxis disabled it.
    async fn disabled_at(&self) -> Option<DateTime<Utc>> {
        self.0.disabled_at
    }

    /// Why Praxis disabled it.
    async fn disabled_reason(&self) -> Option<&str> {
        self.0.disabled_reason.as_deref()
    }

    /// When it was registered.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// When it was last changed.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }

    /// The organization whose events it receives.
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        Organization::load(ctx, self.0.organization_id).await
    }

    /// The delivery log, newest first.
    #[graphql(complexity = "PageRequest::size_hint(first, last) * child_complexity")]
    async fn deliveries(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only deliveries with this status.")] status: Option<DeliveryStatus>,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Returns items before this cursor.")] before: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<WebhookDelivery>> {
        let (db, viewer) = context::request(ctx)?;
        let request = page_request(first, after, last, before)?;
        let status = status.map(StoredDeliveryStatus::from);
        let listing = service::webhook::deliveries_of(db, viewer, self.0.id, status)
            .await
            .gql()?;
        let page = listing.page(db, &request).await.gql()?;
        let total = if wants_total_count(ctx) {
            listing.count(db).await.gql()?
        } else {
            0
        };
        // The attempts of the whole page in one statement, when they are asked for.
        let look = ctx.look_ahead();
        let wants_attempts = look.field("nodes").field("attempts").exists()
            || look.field("edges").field("node").field("attempts").exists();
        let attempts = if wants_attempts {
            let ids: Vec<_> = page.items.iter().map(|d| d.id).collect();
            service::webhook::attempts_of(db, viewer, &ids)
                .await
                .gql()?
        } else {
            HashMap::new()
        };
        Ok(connection(
            page,
            total,
            |row| listing.cursor_of(row, row.id),
            |row| WebhookDelivery {
                attempts: wants_attempts
                    .then(|| attempts.get(&row.id).cloned().unwrap_or_default()),
                row,
            },
        ))
    }
}

/// A delivery row, with its attempts when they were read with its page.
pub struct WebhookDelivery {
    pub row: webhook_delivery::Model,
    pub attempts: Option<Vec<webhook_attempt::Model>>,
}

impl WebhookDelivery {
    pub fn new(row: webhook_delivery::Model) -> Self {
        Self {
            row,
            attempts: None,
        }
    }
}

/// One event to deliver to one endpoint, and how its attempts went.
#[Object]
impl WebhookDelivery {
    /// Globally unique, opaque identifier.
    pub async fn id(&self) -> ID {
        global_id(NodeKind::WebhookDelivery, self.row.id)
    }

    /// The delivery id sent as `Praxis-Delivery` and `deliveryId` in the body: the same on
    /// every attempt and on redelivery, for receivers to de-duplicate by.
    async fn delivery_id(&self) -> String {
        self.row.id.to_string()
    }

    /// The endpoint it goes to.
    async fn endpoint(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<WebhookEndpoint>> {
        let (db, viewer) = context::request(ctx)?;
        let found = service::webhook::find_visible_endpoints(db, viewer, &[self.row.endpoint_id])
            .await
            .gql()?;
        Ok(found.into_values().next().map(WebhookEndpoint))
    }

    /// The event's type (the `Praxis-Event` header).
    async fn event_type(&self) -> DomainEventType {
        self.row.event_type.into()
    }

    /// The global id of the domain event (`event.id` in the body).
    async fn event_id(&self) -> ID {
        ID(outbox::global_id("DomainEvent", self.row.event_id))
    }

    /// The event's position.
    async fn event_position(&self) -> i64 {
        self.row.event_position
    }

    /// PENDING, DELIVERED or FAILED.
    async fn status(&self) -> DeliveryStatus {
        self.row.status.into()
    }

    /// Attempts so far, redeliveries included.
    async fn attempt_count(&self) -> i32 {
        self.row.attempt_count
    }

    /// How many times an admin asked for it again.
    async fn redelivery_count(&self) -> i32 {
        self.row.redelivery_count
    }

    /// When it is attempted next (PENDING only; an attempt may wait for earlier deliveries of
    /// its endpoint, or for the endpoint to be ACTIVE).
    async fn next_attempt_at(&self) -> Option<DateTime<Utc>> {
        (self.row.status == StoredDeliveryStatus::Pending).then_some(self.row.next_attempt_at)
    }

    /// When it was last attempted.
    async fn last_attempt_at(&self) -> Option<DateTime<Utc>> {
        self.row.last_attempt_at
    }

    /// The HTTP status of the last attempt, when the receiver answered.
    async fn last_status_code(&self) -> Option<i32> {
        self.row.last_status_code
    }

    /// Why the last attempt failed (with at most 1 KiB of the receiver's answer).
    async fn last_error(&self) -> Option<&str> {
        self.row.last_error.as_deref()
    }

    /// How long the last attempt took, in milliseconds.
    async fn latency_ms(&self) -> Option<i32> {
        self.row.last_duration_ms
    }

    /// When a 2xx answer was received.
    async fn delivered_at(&self) -> Option<DateTime<Utc>> {
        self.row.delivered_at
    }

    /// When the event was sequenced for this endpoint.
    async fn created_at(&self) -> DateTime<Utc> {
        self.row.created_at
    }

    /// Every attempt, first first.
    async fn attempts(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<WebhookAttempt>> {
        let attempts = match &self.attempts {
            Some(attempts) => attempts.clone(),
            None => {
                let (db, viewer) = context::request(ctx)?;
                service::webhook::attempts_of(db, viewer, &[self.row.id])
                    .await
                    .gql()?
                    .remove(&self.row.id)
                    .unwrap_or_default()
            }
        };
        Ok(attempts.into_iter().map(WebhookAttempt::from).collect())
    }
}

/// One HTTP attempt of a delivery.
#[derive(SimpleObject)]
pub struct WebhookAttempt {
    /// 1 for the first attempt of the delivery (redeliveries keep counting).
    pub attempt: i32,
    /// When it started.
    pub started_at: DateTime<Utc>,
    /// How long it took, in milliseconds.
    pub duration_ms: i32,
    /// The receiver's HTTP status, when it answered.
    pub status_code: Option<i32>,
    /// Why it failed: timeout, connection refused, refused address, or the status with at
    /// most 1 KiB of the answer.
    pub error: Option<String>,
    /// Whether the answer was a 2xx.
    pub succeeded: bool,
}

impl From<webhook_attempt::Model> for WebhookAttempt {
    fn from(row: webhook_attempt::Model) -> Self {
        Self {
            attempt: row.attempt,
            started_at: row.started_at,
            duration_ms: row.duration_ms,
            status_code: row.status_code,
            error: row.error,
            succeeded: row.succeeded,
        }
    }
}

/// Input of `createWebhookEndpoint`.
#[derive(InputObject)]
pub struct CreateWebhookEndpointInput {
    /// Global id of the organization whose events it receives.
    pub organization_id: ID,
    /// `https://` URL on a public host, at most 2,048 characters.
    pub url: String,
    /// What it is for (at most 500 characters).
    pub description: Option<String>,
    /// The event types it receives (at least one, each once).
    pub event_types: Vec<DomainEventType>,
}

/// Input of `updateWebhookEndpoint`: a field left out is unchanged.
#[derive(InputObject)]
pub struct UpdateWebhookEndpointInput {
    /// Global id of the endpoint.
    pub endpoint_id: ID,
    /// New URL.
    pub url: Option<String>,
    /// New description; null clears it.
    pub description: MaybeUndefined<String>,
    /// New event types.
    pub event_types: Option<Vec<DomainEventType>>,
    /// ACTIVE (also re-enables a DISABLED endpoint and sends what waited) or PAUSED.
    pub status: Option<WebhookStatus>,
}

/// Input of `rotateWebhookSecret` and `deleteWebhookEndpoint`.
#[derive(InputObject)]
pub struct WebhookEndpointRefInput {
    /// Global id of the endpoint.
    pub endpoint_id: ID,
}

/// Input of `redeliverWebhookDelivery`.
#[derive(InputObject)]
pub struct RedeliverWebhookDeliveryInput {
    /// Global id of the delivery (`WebhookDelivery.id`).
    pub delivery_id: ID,
}

/// Result of `createWebhookEndpoint` and `rotateWebhookSecret`.
#[derive(SimpleObject)]
pub struct WebhookSecretPayload {
    /// The endpoint; null when `userErrors` says why the change was not made.
    pub endpoint: Option<WebhookEndpoint>,
    /// The signing secret: shown this once, never readable later.
    pub secret: Option<String>,
    /// Why the change was not made.
    pub user_errors: Vec<UserError>,
}

impl WebhookSecretPayload {
    fn from_result(
        result: crate::error::ServiceResult<(webhook_endpoint::Model, String)>,
    ) -> async_graphql::Result<Self> {
        Ok(match user_errors(result)? {
            Ok((endpoint, secret)) => Self {
                endpoint: Some(WebhookEndpoint(endpoint)),
                secret: Some(secret),
                user_errors: vec![],
            },
            Err(errors) => Self {
                endpoint: None,
                secret: None,
                user_errors: errors,
            },
        })
    }
}

payload!(
    /// Result of `updateWebhookEndpoint`.
    WebhookEndpointPayload { endpoint: WebhookEndpoint }
);

payload!(
    /// Result of `redeliverWebhookDelivery`.
    WebhookDeliveryPayload { delivery: WebhookDelivery }
);

payload!(
    /// Result of `deleteWebhookEndpoint`.
    DeleteWebhookEndpointPayload { deleted_id: ID }
);

#[derive(Default)]
pub struct WebhookMutation;

#[Object]
impl WebhookMutation {
    /// Registers a webhook endpoint of an organization (its admins and the operator). Returns
    /// its signing secret, shown this once.
    async fn create_webhook_endpoint(
        &self,
        ctx: &Context<'_>,
        input: CreateWebhookEndpointInput,
    ) -> async_graphql::Result<WebhookSecretPayload> {
        let (db, viewer) = context::request(ctx)?;
        let allow = hub(ctx)?.settings().webhook_allow_private_networks;
        let new = NewEndpoint {
            organization_id: expect_global_id(&input.organization_id, NodeKind::Organization)?,
            url: input.url,
            description: input.description,
            event_types: input.event_types.into_iter().map(Into::into).collect(),
        };
        WebhookSecretPayload::from_result(service::webhook::create(db, viewer, new, allow).await)
    }

    /// Changes an endpoint: URL, description, event types, ACTIVE or PAUSED.
    async fn update_webhook_endpoint(
        &self,
        ctx: &Context<'_>,
        input: UpdateWebhookEndpointInput,
    ) -> async_graphql::Result<WebhookEndpointPayload> {
        let (db, viewer) = context::request(ctx)?;
        let hub = hub(ctx)?;
        let id = expect_global_id(&input.endpoint_id, NodeKind::WebhookEndpoint)?;
        let change = EndpointPatch {
            url: input.url,
            description: patch(input.description),
            event_types: input
                .event_types
                .map(|types| types.into_iter().map(Into::into).collect()),
            status: input.status.map(Into::into),
        };
        let allow = hub.settings().webhook_allow_private_networks;
        let result = service::webhook::update(db, viewer, id, change, allow).await;
        hub.wake_deliveries();
        WebhookEndpointPayload::from_result(result, WebhookEndpoint)
    }

    /// Gives an endpoint a new signing secret, shown this once; the old one stops at once.
    async fn rotate_webhook_secret(
        &self,
        ctx: &Context<'_>,
        input: WebhookEndpointRefInput,
    ) -> async_graphql::Result<WebhookSecretPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.endpoint_id, NodeKind::WebhookEndpoint)?;
        WebhookSecretPayload::from_result(service::webhook::rotate_secret(db, viewer, id).await)
    }

    /// Deletes an endpoint and its delivery log.
    async fn delete_webhook_endpoint(
        &self,
        ctx: &Context<'_>,
        input: WebhookEndpointRefInput,
    ) -> async_graphql::Result<DeleteWebhookEndpointPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.endpoint_id, NodeKind::WebhookEndpoint)?;
        DeleteWebhookEndpointPayload::from_result(
            service::webhook::delete(db, viewer, id).await,
            |id| global_id(NodeKind::WebhookEndpoint, id),
        )
    }

    /// Sends a DELIVERED or FAILED delivery again, with the same delivery id and body and a
    /// new round of retries. A PENDING delivery is a CONFLICT (it is on its way).
    async fn redeliver_webhook_delivery(
        &self,
        ctx: &Context<'_>,
        input: RedeliverWebhookDeliveryInput,
    ) -> async_graphql::Result<WebhookDeliveryPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.delivery_id, NodeKind::WebhookDelivery)?;
        let result = service::webhook::redeliver(db, viewer, id).await;
        hub(ctx)?.wake_deliveries();
        WebhookDeliveryPayload::from_result(result, WebhookDelivery::new)
    }
}
