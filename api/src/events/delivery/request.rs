//! One webhook request: the body (built once from the domain event, then the same bytes on
//! every attempt), the signature, and an HTTP client that never follows redirects and never
//! connects to an inward address (docs/REALTIME.md, "Webhooks").

use crate::{
    error::ServiceResult, events::outbox::global_id, service::webhook::address::is_public,
};
use chrono::SecondsFormat;
use entity::{community, domain_event, webhook_delivery, webhook_endpoint};
use hmac::{Hmac, Mac};
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use sea_orm::{ConnectionTrait, EntityTrait};
use serde::Serialize;
use serde_json::Value;
use sha2::Sha256;
use std::{net::SocketAddr, sync::Arc, time::Duration};

/// The most of a receiver's answer that is read (the rest is not waited for).
pub const MAX_RESPONSE_BYTES: usize = 64 * 1024;
/// The most of a receiver's answer kept in `lastError` and the attempt's error.
pub const MAX_ERROR_BYTES: usize = 1024;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Body<'a> {
    delivery_id: String,
    organization_id: String,
    event: EventBody<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EventBody<'a> {
    id: String,
    r#type: &'a str,
    position: i64,
    occurred_at: String,
    actor: Option<Actor<'a>>,
    actor_organization_id: Option<String>,
    community: Option<CommunityRef>,
    subject: Subject<'a>,
    organization_ids: Vec<String>,
    data: &'a Value,
}

#[derive(Serialize)]
struct Actor<'a> {
    id: String,
    name: &'a str,
}

#[derive(Serialize)]
struct CommunityRef {
    id: String,
    slug: String,
    name: String,
}

#[derive(Serialize)]
struct Subject<'a> {
    r#type: &'a str,
    id: Option<String>,
}

/// The JSON body of a delivery (its fields always in this order).
pub async fn build_payload(
    db: &impl ConnectionTrait,
    delivery: &webhook_delivery::Model,
    event: &domain_event::Model,
) -> ServiceResult<String> {
    let community = match event.community_id {
        Some(id) => community::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    let body = Body {
        delivery_id: delivery.id.to_string(),
        organization_id: global_id("Organization", delivery.organization_id),
        event: EventBody {
            id: global_id("DomainEvent", event.id),
            r#type: event.event_type.as_str(),
            position: event.position.unwrap_or(delivery.event_position),
            occurred_at: event
                .occurred_at
                .to_rfc3339_opts(SecondsFormat::Micros, true),
            actor: event.actor_person_id.map(|id| Actor {
                id: global_id("Person", id),
                name: &event.actor_name,
            }),
            actor_organization_id: event
                .actor_organization_id
                .map(|id| global_id("Organization", id)),
            community: community.map(|c| CommunityRef {
                id: global_id("Community", c.id),
                slug: c.slug,
                name: c.name,
            }),
            subject: Subject {
                r#type: &event.subject_type,
                id: event
                    .subject_id
                    .map(|id| global_id(&event.subject_type, id)),
            },
            organization_ids: super::super::outbox::organizations(event)
                .into_iter()
                .map(|id| global_id("Organization", id))
                .collect(),
            data: &event.data,
        },
    };
    serde_json::to_string(&body)
        .map_err(|err| crate::error::ServiceError::Internal(anyhow::Error::new(err)))
}

/// `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with the whole secret>`.
pub fn signature(secret: &str, timestamp: i64, body: &str) -> String {
    format!("t={timestamp},v1={}", sign(secret, timestamp, body))
}

fn sign(secret: &str, timestamp: i64, body: &str) -> String {
    // HMAC takes a key of any length: this cannot fail.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.as_bytes()) else {
        return String::new();
    };
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// Resolves names like the system does, then keeps only public addresses: a webhook host
/// that resolves inward (DNS rebinding included) cannot be reached.
struct PublicAddressesOnly;

impl Resolve for PublicAddressesOnly {
    fn resolve(&self, name: Name) -> Resolving {
        Box::pin(async move {
            let host = name.as_str().to_owned();
            let found: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let public: Vec<SocketAddr> = found.into_iter().filter(|a| is_public(a.ip())).collect();
            if public.is_empty() {
                return Err(format!("{host} resolves to no public address (refused)").into());
            }
            let addrs: Addrs = Box::new(public.into_iter());
            Ok(addrs)
        })
    }
}

/// The client every attempt uses: a total timeout, no redirects, no proxy, and unless
/// private networks are allowed, public addresses only.
pub fn client(timeout: Duration, allow_private_networks: bool) -> reqwest::Result<reqwest::Client> {
    let mut builder = reqwest::Client::builder()
        .timeout(timeout)
        .connect_timeout(timeout)
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .user_agent(concat!("Praxis-Hookshot/", env!("CARGO_PKG_VERSION")));
    if !allow_private_networks {
        builder = builder.dns_resolver(Arc::new(PublicAddressesOnly));
    }
    builder.build()
}

/// What one attempt came to.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub status_code: Option<u16>,
    pub error: Option<String>,
    pub succeeded: bool,
}

/// The text of an error and its causes, on one line.
fn error_chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let message = cause.to_string();
        if !text.contains(&message) {
            text.push_str(": ");
            text.push_str(&message);
        }
        source = cause.source();
    }
    text
}

/// At most `MAX_ERROR_BYTES` of a text, cut at a character boundary.
pub fn clip(text: &str) -> String {
    if text.len() <= MAX_ERROR_BYTES {
        return text.to_owned();
    }
    let mut end = MAX_ERROR_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_owned()
}

/// Sends one attempt. Never fails: every problem is the attempt's outcome.
pub async fn send(
    client: &reqwest::Client,
    endpoint: &webhook_endpoint::Model,
    delivery: &webhook_delivery::Model,
    attempt: i32,
    body: &str,
    allow_private_networks: bool,
) -> Outcome {
    let failed = |error: String| Outcome {
        status_code: None,
        error: Some(clip(&error)),
        succeeded: false,
    };
    let url = match url::Url::parse(&endpoint.url) {
        Ok(url) => url,
        Err(err) => return failed(format!("invalid URL: {err}")),
    };
    // reqwest does not ask the resolver about IP literals: they are checked here.
    if !allow_private_networks {
        let literal = match url.host() {
            Some(url::Host::Ipv4(ip)) => Some(std::net::IpAddr::V4(ip)),
            Some(url::Host::Ipv6(ip)) => Some(std::net::IpAddr::V6(ip)),
            _ => None,
        };
        if literal.is_some_and(|ip| !is_public(ip)) || url.scheme() != "https" {
            return failed("refused: not an https URL on a public address".to_owned());
        }
    }
    let timestamp = chrono::Utc::now().timestamp();
    let request = client
        .post(url)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header("Praxis-Event", delivery.event_type.as_str())
        .header("Praxis-Delivery", delivery.id.to_string())
        .header("Praxis-Delivery-Attempt", attempt.to_string())
        .header(
            "Praxis-Webhook-Id",
            global_id("WebhookEndpoint", endpoint.id),
        )
        .header(
            "Praxis-Signature",
            signature(&endpoint.secret, timestamp, body),
        )
        .body(body.to_owned());
    let mut response = match request.send().await {
        Ok(response) => response,
        Err(err) if err.is_timeout() => return failed("timed out".to_owned()),
        Err(err) => return failed(error_chain(&err)),
    };
    let status = response.status();
    let mut read = Vec::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                let room = MAX_RESPONSE_BYTES - read.len();
                read.extend_from_slice(&chunk[..chunk.len().min(room)]);
                if read.len() >= MAX_RESPONSE_BYTES {
                    break;
                }
            }
            Ok(None) => break,
            // The status decides; a broken or slow body after a 2xx still counts as answered.
            Err(err) if status.is_success() => {
                tracing::debug!(err = %error_chain(&err), "reading a webhook answer failed");
                break;
            }
            Err(err) if err.is_timeout() => return failed("timed out reading the answer".into()),
            Err(err) => return failed(error_chain(&err)),
        }
    }
    if status.is_success() {
        return Outcome {
            status_code: Some(status.as_u16()),
            error: None,
            succeeded: true,
        };
    }
    let answer = String::from_utf8_lossy(&read);
    let answer = answer.trim();
    let error = if status.is_redirection() {
        let location = response
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|l| l.to_str().ok())
            .unwrap_or("");
        format!("HTTP {status}: redirects are not followed (Location: {location})")
    } else if answer.is_empty() {
        format!("HTTP {status}")
    } else {
        format!("HTTP {status}: {answer}")
    };
    Outcome {
        status_code: Some(status.as_u16()),
        error: Some(clip(&error)),
        succeeded: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_are_hmac_sha256_of_timestamp_dot_body() {
        // Computed independently: printf '1700000000.{}' | openssl dgst -sha256 -hmac whsec_test
        assert_eq!(
            signature("whsec_test", 1_700_000_000, "{}"),
            "t=1700000000,v1=35495024f4ef3f94e5a93e22221544c4b75e9a42300cd965ab81cb85cd994e91"
        );
        assert_ne!(
            signature("whsec_test", 1_700_000_000, "{}"),
            signature("whsec_other", 1_700_000_000, "{}")
        );
    }

    #[test]
    fn clipped_errors_stay_utf8() {
        let long = "é".repeat(2000);
        let clipped = clip(&long);
        assert!(clipped.len() <= MAX_ERROR_BYTES);
        assert!(clipped.chars().all(|c| c == 'é'));
    }
}
