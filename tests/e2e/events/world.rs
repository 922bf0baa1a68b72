//! The events world: acme hosts "guild" (FEDERATED), globex takes part, initech does not.

use crate::common::*;
use crate::federation_journey::{actor, done, mutate, org_id, refusal, s, Actor};
use serde_json::{json, Value};

pub(super) const EVENT: &str = "id title kind format joinUrl place timeZone startsAt endsAt \
    localStart localEnd originalStartsAt moved state cancelReason capacity goingCount \
    waitlistCount checkedInCount sequence series { id } hostOrganization { slug }";

pub(super) struct World<'a> {
    pub app: &'a TestApp,
    /// acme's admin, creator (and so coordinator) of the guild.
    pub alice: Actor,
    pub bob: Actor,
    /// globex members.
    pub erin: Actor,
    pub gus: Actor,
    /// globex, not a member of the guild (which is live for globex).
    pub nina: Actor,
    /// initech: the guild is not live for it.
    pub ivan: Actor,
    pub community_id: String,
    pub acme: OrgFixture,
}

impl<'a> World<'a> {
    pub async fn new(app: &'a TestApp) -> World<'a> {
        let (acme, globex, initech) = (
            app.create_org("acme").await,
            app.create_org("globex").await,
            app.create_org("initech").await,
        );
        let alice = actor(app, &acme, "alice", "Alice Acme", true).await;
        let bob = actor(app, &acme, "bob", "Bob Acme", false).await;
        let gail = actor(app, &globex, "gail", "Gail Globex", true).await;
        let erin = actor(app, &globex, "erin", "Erin Globex", false).await;
        let gus = actor(app, &globex, "gus", "Gus Globex", false).await;
        let nina = actor(app, &globex, "nina", "Nina Globex", false).await;
        let ike = actor(app, &initech, "ike", "Ike Initech", true).await;
        let ivan = actor(app, &initech, "ivan", "Ivan Initech", false).await;
        let partnership = "partnership { id status }";
        for (partner, admin) in [("globex", &gail), ("initech", &ike)] {
            let p = ok(
                app,
                &alice,
                "proposePartnership",
                json!({ "partnerSlug": partner }),
                partnership,
            )
            .await;
            let input = json!({ "partnershipId": p["partnership"]["id"] });
            ok(app, admin, "acceptPartnership", input, partnership).await;
        }
        let input = json!({ "slug": "guild", "name": "The Guild", "visibility": "FEDERATED" });
        let c = ok(app, &alice, "createCommunity", input, "community { id }").await;
        let community_id = s(&c["community"]["id"]).to_owned();
        let selection = "participation { id status }";
        let input =
            json!({ "communityId": community_id, "organizationId": org_id(app, "globex").await });
        let p = ok(app, &alice, "inviteOrganization", input, selection).await;
        let input = json!({ "participationId": p["participation"]["id"], "sponsorId": gail.id });
        ok(app, &gail, "acceptInvitation", input, selection).await;
        let world = World {
            app,
            alice,
            bob,
            erin,
            gus,
            nina,
            ivan,
            community_id,
            acme,
        };
        for who in [&world.bob, &world.erin, &world.gus] {
            world.join(who).await;
        }
        world
    }

    pub async fn join(&self, who: &Actor) {
        let m = ok(
            self.app,
            who,
            "joinCommunity",
            json!({ "communityId": self.community_id }),
            "membership { status }",
        )
        .await;
        assert_eq!(m["membership"]["status"], "ACTIVE", "{}: {m:#}", who.name);
    }

    /// Runs mutation `field` as `who`, which must succeed; its payload.
    pub async fn ok(&self, who: &Actor, field: &str, input: Value, selection: &str) -> Value {
        ok(self.app, who, field, input, selection).await
    }

    /// Runs mutation `field` as `who`, which must be refused: the codes (top-level and user
    /// errors).
    pub async fn refused(
        &self,
        who: &Actor,
        field: &str,
        input: Value,
        selection: &str,
    ) -> Vec<String> {
        let reply = mutate(self.app, Some(&who.token), field, input, selection).await;
        let codes = refusal(&reply, field);
        assert!(
            !codes.is_empty(),
            "{field} must be refused: {:#}",
            reply.body
        );
        codes
    }

    /// A query as `who`, which must succeed; its `data`.
    pub async fn read(&self, who: &Actor, query: &str, variables: Value) -> Value {
        let reply = self.app.graphql(Some(&who.token), query, variables).await;
        reply.assert_ok();
        reply.body["data"].clone()
    }

    /// Creates an event as alice with `input` merged over a one-hour ONLINE FAMILIAR event.
    pub async fn create(&self, input: Value) -> Value {
        let mut base = json!({ "communityId": self.community_id, "title": "Weekly call",
            "kind": "FAMILIAR", "format": "ONLINE", "joinUrl": "https://meet.example/guild",
            "start": "2030-01-07T09:00", "end": "2030-01-07T10:00", "timeZone": "Europe/Berlin" });
        for (k, v) in input.as_object().unwrap() {
            base[k] = v.clone();
        }
        self.ok(
            &self.alice,
            "createEvent",
            base,
            &format!("event {{ {EVENT} }} series {{ id rule occurrenceCount }}"),
        )
        .await
    }

    /// An event as `who` sees it (the reply, for NOT_FOUND checks).
    pub async fn event(&self, who: &Actor, id: &str) -> Reply {
        self.app
            .graphql(
                Some(&who.token),
                &format!("query($id: ID!) {{ node(id: $id) {{ ... on Event {{ {EVENT} viewerRsvp {{ status waitlistPosition }} }} }} }}"),
                json!({ "id": id }),
            )
            .await
    }

    /// The occurrences of a series (first 100), as alice sees them.
    pub async fn occurrences(&self, series: &str) -> Vec<Value> {
        let data = self
            .read(
                &self.alice,
                &format!("query($id: ID!) {{ node(id: $id) {{ ... on EventSeries {{ occurrences(first: 100) {{ nodes {{ {EVENT} }} }} }} }} }}"),
                json!({ "id": series }),
            )
            .await;
        data["node"]["occurrences"]["nodes"]
            .as_array()
            .unwrap()
            .clone()
    }

    /// How many events the guild has (including cancelled).
    pub async fn event_count(&self) -> u64 {
        let data = self
            .read(
                &self.alice,
                "query($id: ID!) { node(id: $id) { ... on Community { events { totalCount } } } }",
                json!({ "id": self.community_id }),
            )
            .await;
        data["node"]["events"]["totalCount"].as_u64().unwrap()
    }
}

pub(super) async fn ok(
    app: &TestApp,
    who: &Actor,
    field: &str,
    input: Value,
    selection: &str,
) -> Value {
    done(
        &mutate(app, Some(&who.token), field, input, selection).await,
        field,
    )
}

/// The local wall time `minutes` from now in UTC, as `YYYY-MM-DDTHH:MM`.
pub(super) fn utc_local(minutes: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::minutes(minutes))
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}
