//! Realtime and integrations (docs/REALTIME.md): the domain events every change writes (the
//! outbox, read straight from the database), subscriptions, several instances, webhooks.

pub(crate) mod client;
mod instances;
mod outbox;
mod outbox_culture;
mod subscriptions;
pub(crate) mod webhooks;
mod world;
