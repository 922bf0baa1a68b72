//! Subscriptions and webhooks against the oracle, written from docs/REALTIME.md ("Who hears
//! of it", "What an organization receives"):
//!
//! - `communityActivity` of each community for each enabled person and the operator:
//!   NOT_FOUND when the viewer does not see the community, FORBIDDEN when it is not live for
//!   the viewer or the viewer is neither an ACTIVE member nor an admin of its host, else
//!   accepted; then one event per community is committed, and each accepted subscription
//!   receives exactly its community's event, nothing else;
//! - webhooks: a paused endpoint per organization collects a delivery of a community's event
//!   exactly when the community is live for the organization, and of an admin event exactly
//!   when the organization is among its organizations.

use super::model::{Viewer, World};
use crate::realtime::client::Subscriber;
use api::events::outbox::{record, NewEvent};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use chrono::Utc;
use entity::{
    domain_event,
    enums::{DomainEventType, WebhookStatus},
    webhook_delivery, webhook_endpoint,
};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};
use uuid::Uuid;

const ACTIVITY: &str = "subscription($id: ID!, $after: Int) { \
    communityActivity(communityId: $id, after: $after) { type data community { id } } }";

fn raw(global: &str) -> Uuid {
    let text = String::from_utf8(URL_SAFE_NO_PAD.decode(global).unwrap()).unwrap();
    text.split_once(':').unwrap().1.parse().unwrap()
}

impl World<'_> {
    /// Whether the viewer follows `c`'s activity (page: "who may subscribe").
    fn listens(&self, viewer: Viewer, c: usize) -> bool {
        match viewer {
            Viewer::Operator => true,
            Viewer::Person(v) => {
                let p = &self.people[v];
                self.live(v, c)
                    && (self.active_member(v, c) || (p.admin && self.communities[c].host == p.org))
            }
        }
    }

    pub(super) async fn check_realtime(&self) -> Result<usize, String> {
        let addr = self.app.addr.to_string();
        let mut checks = 0;
        let viewers: Vec<Viewer> = [Viewer::Operator]
            .into_iter()
            .chain(
                (0..self.people.len())
                    .filter(|&v| self.enabled(v))
                    .map(Viewer::Person),
            )
            .collect();
        // Subscriptions resume after the position numbered now: what is committed below
        // reaches them even if a subscription is still being set up when it is numbered.
        let after = api::events::sequencer::last_position(&self.app.db)
            .await
            .map_err(|e| e.to_string())?;
        let mut sockets = Vec::new();
        for &viewer in &viewers {
            let mut ws = Subscriber::connect(&addr, self.token(viewer)).await;
            let mut expected_errors = BTreeMap::new();
            for (c, community) in self.communities.iter().enumerate() {
                let id = format!("c{c}");
                ws.subscribe(&id, ACTIVITY, json!({ "id": community.id, "after": after }))
                    .await;
                if !self.sees_community(viewer, c) {
                    expected_errors.insert(id, "NOT_FOUND");
                } else if !self.listens(viewer, c) {
                    expected_errors.insert(id, "FORBIDDEN");
                }
            }
            // The refusals come first (events come only once committed, below).
            for _ in 0..expected_errors.len() {
                let (id, codes) = ws.next_error().await;
                let wanted = expected_errors.get(&id).copied();
                if wanted.is_none() || codes != [wanted.unwrap_or_default()] {
                    return Err(format!(
                        "communityActivity of {id} for {}: {codes:?}, expected {}",
                        self.name(viewer),
                        wanted.unwrap_or("to be accepted")
                    ));
                }
                checks += 1;
            }
            sockets.push((viewer, ws));
        }

        // A paused endpoint per organization collects deliveries without sending them.
        let now = Utc::now();
        let mut endpoints = Vec::new();
        for org in &self.orgs {
            let endpoint = webhook_endpoint::ActiveModel {
                id: Set(Uuid::now_v7()),
                organization_id: Set(raw(&org.id)),
                url: Set("https://receiver.invalid/hook".into()),
                description: Set(None),
                event_types: Set(json!(["PROBLEM_POSTED", "PARTNERSHIP_PROPOSED"])),
                secret: Set("whsec_isolation".into()),
                status: Set(WebhookStatus::Paused),
                failing_since: Set(None),
                disabled_at: Set(None),
                disabled_reason: Set(None),
                created_by_person_id: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&self.app.db)
            .await
            .map_err(|e| e.to_string())?;
            endpoints.push(endpoint.id);
        }

        // One event per community, and admin events for pairs of organizations.
        let operator = api::auth::Viewer::Operator(api::auth::OperatorViewer {
            subject: "isolation".into(),
        });
        let mut events: Vec<NewEvent> = self
            .communities
            .iter()
            .enumerate()
            .map(|(c, community)| {
                NewEvent::community(
                    DomainEventType::ProblemPosted,
                    raw(&community.id),
                    "Problem",
                    Uuid::now_v7(),
                )
                .data(json!({ "c": c }))
            })
            .collect();
        let pairs: Vec<(usize, usize)> = (0..self.orgs.len())
            .map(|o| (o, (o + 1) % self.orgs.len()))
            .collect();
        for &(a, b) in &pairs {
            events.push(
                NewEvent::admins(
                    DomainEventType::PartnershipProposed,
                    vec![raw(&self.orgs[a].id), raw(&self.orgs[b].id)],
                    "Partnership",
                    None,
                )
                .data(json!({ "pair": [a, b] })),
            );
        }
        let before: BTreeSet<Uuid> = domain_event::Entity::find()
            .all(&self.app.db)
            .await
            .map_err(|e| e.to_string())?
            .into_iter()
            .map(|e| e.id)
            .collect();
        record(&self.app.db, &operator, events)
            .await
            .map_err(|e| e.to_string())?;

        // Each accepted subscription receives exactly its community's event.
        for (viewer, ws) in &mut sockets {
            let listening: BTreeSet<usize> = (0..self.communities.len())
                .filter(|&c| self.sees_community(*viewer, c) && self.listens(*viewer, c))
                .collect();
            let mut heard = BTreeSet::new();
            while heard.len() < listening.len() {
                let Ok((id, data)) =
                    tokio::time::timeout(std::time::Duration::from_secs(15), ws.next_any()).await
                else {
                    let rest = ws.drain(std::time::Duration::from_secs(2)).await;
                    return Err(format!(
                        "{} heard {heard:?} of {listening:?} and nothing more within 15 s; then {rest:?}",
                        self.name(*viewer)
                    ));
                };
                let event = &data["communityActivity"];
                let Some(c) = event["data"]["c"].as_u64().map(|c| c as usize) else {
                    // An event of the world's own making, numbered late: it must concern a
                    // community the viewer listens to, on that community's subscription.
                    let community = event["community"]["id"].as_str().unwrap_or_default();
                    let c = self.communities.iter().position(|x| x.id == community);
                    if c.is_none_or(|c| !listening.contains(&c) || id != format!("c{c}")) {
                        return Err(format!("{} heard {data} on {id}", self.name(*viewer)));
                    }
                    continue;
                };
                if id != format!("c{c}") || !heard.insert(c) {
                    return Err(format!("{} heard {data} on {id}", self.name(*viewer)));
                }
            }
            if heard != listening {
                return Err(format!(
                    "{} heard {heard:?}, expected {listening:?}",
                    self.name(*viewer)
                ));
            }
            checks += 1;
        }
        let subscription_checks = checks;
        drop(sockets);

        // Deliveries, once the sequencer has numbered the new events.
        let new_events = loop {
            let all: Vec<domain_event::Model> = domain_event::Entity::find()
                .all(&self.app.db)
                .await
                .map_err(|e| e.to_string())?
                .into_iter()
                .filter(|e| !before.contains(&e.id))
                .collect();
            if all.iter().all(|e| e.position.is_some()) {
                break all;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        };
        for (o, endpoint) in endpoints.iter().enumerate() {
            let delivered: BTreeSet<Uuid> = webhook_delivery::Entity::find()
                .filter(webhook_delivery::Column::EndpointId.eq(*endpoint))
                .all(&self.app.db)
                .await
                .map_err(|e| e.to_string())?
                .into_iter()
                .map(|d| d.event_id)
                .collect();
            for event in &new_events {
                let expected = if let Some(c) = event.data["c"].as_u64() {
                    self.live_for_org(o, c as usize)
                } else {
                    let pair = &event.data["pair"];
                    pair[0].as_u64() == Some(o as u64) || pair[1].as_u64() == Some(o as u64)
                };
                if delivered.contains(&event.id) != expected {
                    return Err(format!(
                        "webhook of {}: delivery of {} is {}, expected {expected}",
                        self.orgs[o].slug,
                        event.data,
                        delivered.contains(&event.id)
                    ));
                }
                checks += 1;
            }
        }
        webhook_endpoint::Entity::delete_many()
            .filter(webhook_endpoint::Column::Id.is_in(endpoints))
            .exec(&self.app.db)
            .await
            .map_err(|e| e.to_string())?;
        eprintln!(
            "federation isolation: realtime: {} viewers, {subscription_checks} subscription checks, {} webhook delivery checks",
            viewers.len(),
            checks - subscription_checks
        );
        Ok(checks)
    }
}
