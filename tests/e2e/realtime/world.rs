//! The outbox tests' world: acme hosts "guild" (FEDERATED), globex takes part. alice (acme's
//! admin) coordinates it; bob, erin and gus are members; nina (globex) is not. And how the
//! tests read the `domain_event` rows the mutations wrote.

use crate::common::*;
use crate::federation_journey::{actor, done, mutate, org_id, refusal, s, Actor};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use entity::{domain_event, enums::EventAudience};
use sea_orm::{EntityTrait, PaginatorTrait, QueryOrder};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use uuid::Uuid;

pub(super) struct World<'a> {
    pub app: &'a TestApp,
    pub alice: Actor,
    pub bob: Actor,
    pub erin: Actor,
    pub gus: Actor,
    /// globex, not a member of the guild (which is live for globex).
    pub nina: Actor,
    pub acme: Uuid,
    pub globex: Uuid,
    pub community_id: String,
}

impl<'a> World<'a> {
    pub async fn new(app: &'a TestApp) -> World<'a> {
        let (acme, globex) = (app.create_org("acme").await, app.create_org("globex").await);
        let alice = actor(app, &acme, "alice", "Alice Acme", true).await;
        let bob = actor(app, &acme, "bob", "Bob Acme", false).await;
        let gail = actor(app, &globex, "gail", "Gail Globex", true).await;
        let erin = actor(app, &globex, "erin", "Erin Globex", false).await;
        let gus = actor(app, &globex, "gus", "Gus Globex", false).await;
        let nina = actor(app, &globex, "nina", "Nina Globex", false).await;
        let partnership = "partnership { id status }";
        let p = ok(
            app,
            &alice,
            "proposePartnership",
            json!({ "partnerSlug": "globex" }),
            partnership,
        )
        .await;
        let input = json!({ "partnershipId": p["partnership"]["id"] });
        ok(app, &gail, "acceptPartnership", input, partnership).await;
        let input = json!({ "slug": "guild", "name": "The Guild", "visibility": "FEDERATED" });
        let c = ok(app, &alice, "createCommunity", input, "community { id }").await;
        let community_id = s(&c["community"]["id"]).to_owned();
        let selection = "participation { id status }";
        let input =
            json!({ "communityId": community_id, "organizationId": org_id(app, "globex").await });
        let p = ok(app, &alice, "inviteOrganization", input, selection).await;
        let input = json!({ "participationId": p["participation"]["id"], "sponsorId": gail.id });
        ok(app, &gail, "acceptInvitation", input, selection).await;
        for who in [&bob, &erin, &gus] {
            let input = json!({ "communityId": community_id });
            let m = ok(app, who, "joinCommunity", input, "membership { status }").await;
            assert_eq!(m["membership"]["status"], "ACTIVE", "{}: {m:#}", who.name);
        }
        World {
            app,
            alice,
            bob,
            erin,
            gus,
            nina,
            acme: acme.id,
            globex: globex.id,
            community_id,
        }
    }

    /// Runs mutation `field` as `who`, which must succeed; its payload.
    pub async fn ok(&self, who: &Actor, field: &str, input: Value, selection: &str) -> Value {
        ok(self.app, who, field, input, selection).await
    }

    /// Runs mutation `field` as `who`, which must be refused, and checks it wrote no event;
    /// the codes it was refused with.
    pub async fn refused(
        &self,
        who: &Actor,
        field: &str,
        input: Value,
        selection: &str,
    ) -> Vec<String> {
        let before = self.count().await;
        let reply = mutate(self.app, Some(&who.token), field, input, selection).await;
        let codes = refusal(&reply, field);
        assert!(
            !codes.is_empty(),
            "{field} must be refused: {:#}",
            reply.body
        );
        assert_eq!(
            self.count().await,
            before,
            "a refused {field} wrote an event"
        );
        codes
    }

    /// Runs mutation `field` as `who`, which must succeed without writing any event.
    pub async fn untold(&self, who: &Actor, field: &str, input: Value, selection: &str) -> Value {
        let before = self.count().await;
        let payload = self.ok(who, field, input, selection).await;
        assert_eq!(
            self.count().await,
            before,
            "{field} must write no event: {:#}",
            self.all()
                .await
                .last()
                .map(|e| e.data.clone())
                .unwrap_or_default()
        );
        payload
    }

    /// How many domain events there are.
    pub async fn count(&self) -> u64 {
        domain_event::Entity::find()
            .count(&self.app.db)
            .await
            .unwrap()
    }

    /// Every domain event, oldest first.
    pub async fn all(&self) -> Vec<domain_event::Model> {
        domain_event::Entity::find()
            .order_by_asc(domain_event::Column::OccurredAt)
            .order_by_asc(domain_event::Column::Id)
            .all(&self.app.db)
            .await
            .unwrap()
    }

    /// The events of `event_type` about the subject with global id `subject`.
    pub async fn about(&self, event_type: &str, subject: &str) -> Vec<domain_event::Model> {
        let id = uuid_of(subject);
        self.all()
            .await
            .into_iter()
            .filter(|e| e.event_type.as_str() == event_type && e.subject_id == Some(id))
            .collect()
    }

    /// The one event of `event_type` about `subject`, written by `by` in the guild: checked
    /// for what every community event holds (audience, community, subject, actor, no private
    /// field in `data`).
    pub async fn told(
        &self,
        event_type: &str,
        subject_type: &str,
        subject: &str,
        by: &Actor,
    ) -> domain_event::Model {
        let found = self.about(event_type, subject).await;
        assert_eq!(
            found.len(),
            1,
            "one {event_type} about {subject}: {found:#?}"
        );
        let event = found.into_iter().next().unwrap();
        assert_eq!(event.audience, EventAudience::Community, "{event:#?}");
        assert_eq!(event.community_id, Some(uuid_of(&self.community_id)));
        assert_eq!(event.subject_type, subject_type);
        assert_eq!(event.actor_person_id, Some(uuid_of(&by.id)), "{event:#?}");
        assert_eq!(event.actor_name, by.name);
        assert_eq!(event.organization_ids, json!([]));
        assert_eq!(event.data["id"], subject, "{:#}", event.data);
        assert_public(&event.data);
        event
    }
}

async fn ok(app: &TestApp, who: &Actor, field: &str, input: Value, selection: &str) -> Value {
    done(
        &mutate(app, Some(&who.token), field, input, selection).await,
        field,
    )
}

/// The uuid inside a global id.
pub(super) fn uuid_of(global_id: &str) -> Uuid {
    let text = String::from_utf8(URL_SAFE_NO_PAD.decode(global_id).unwrap()).unwrap();
    text.split_once(':').unwrap().1.parse().unwrap()
}

/// The people an event names, as (person global id, reason).
pub(super) fn recipients(event: &domain_event::Model) -> BTreeSet<(String, String)> {
    event
        .recipients
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let person: Uuid = s(&r["person"]).parse().unwrap();
            (
                URL_SAFE_NO_PAD.encode(format!("Person:{person}")),
                s(&r["reason"]).to_owned(),
            )
        })
        .collect()
}

/// `(person, reason)` pairs, for comparing with [`recipients`].
pub(super) fn named(people: &[(&Actor, &str)]) -> BTreeSet<(String, String)> {
    people
        .iter()
        .map(|(who, reason)| (who.id.clone(), (*reason).to_owned()))
        .collect()
}

/// `<@PersonGlobalId>`: how a body mentions someone.
pub(super) fn mention(who: &Actor) -> String {
    format!("<@{}>", who.id)
}

/// No key of `data` (at any depth) is one only some readers may see, and no value is a join
/// URL or an email address.
pub(super) fn assert_public(data: &Value) {
    match data {
        Value::Object(fields) => {
            for (key, value) in fields {
                let key = key.to_ascii_lowercase();
                assert!(
                    !["joinurl", "email", "token", "secret", "description"].contains(&key.as_str()),
                    "{key} in event data: {data:#}"
                );
                assert_public(value);
            }
        }
        Value::Array(items) => items.iter().for_each(assert_public),
        Value::String(text) => {
            assert!(
                !text.contains("meet.example") && !text.contains("https://"),
                "a join URL in event data: {text}"
            );
            assert!(!text.contains("@example"), "an email in event data: {text}");
        }
        _ => {}
    }
}
