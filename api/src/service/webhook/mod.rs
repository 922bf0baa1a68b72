//! Webhooks: an organization's endpoints (registered, changed, paused, deleted by its admins),
//! their signing secrets, and the delivery log (docs/REALTIME.md, "Webhooks"). The worker that
//! sends deliveries is `events::delivery`.

pub mod address;
mod deliveries;
mod endpoints;

pub use deliveries::*;
pub use endpoints::*;

use entity::{enums::DomainEventType, webhook_endpoint};
use sea_orm::Iterable;

/// Prefix of every signing secret.
pub const SECRET_PREFIX: &str = "whsec_";
/// Most endpoints one organization may have.
pub const MAX_ENDPOINTS_PER_ORGANIZATION: u64 = 20;
/// Longest description.
pub const MAX_DESCRIPTION_CHARS: usize = 500;

/// The event types an endpoint receives, in the order they were given.
pub fn event_types(endpoint: &webhook_endpoint::Model) -> Vec<DomainEventType> {
    endpoint
        .event_types
        .as_array()
        .map(|all| {
            all.iter()
                .filter_map(|t| {
                    let name = t.as_str()?;
                    DomainEventType::iter().find(|known| known.as_str() == name)
                })
                .collect()
        })
        .unwrap_or_default()
}
