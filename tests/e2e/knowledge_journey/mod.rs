//! The knowledge cycle end to end through GraphQL, across two organizations: acme hosts
//! build-guild and federates it to globex; people of both post problems, contribute ideas and
//! replies, endorse, edit, accept solutions, follow, and search. Every expectation comes from
//! docs/KNOWLEDGE.md (and docs/FEDERATION.md for who is live where), not from the code.
//!
//! Each file is one test (a `db_test!`, so SQLite and PostgreSQL) built on the same `World`:
//! - `journey`: a problem solved across the two organizations, with attribution, and `search`
//!   (stemming, snippets, filters) on what it left;
//! - `rules` (with `bad_input`): refusals (non-members, CLOSED problems, other people's
//!   problems, malformed input) and reopening; `edit_window`: editing ideas in time only;
//! - `orders`: problem and idea orders, cursor paging, filters, following;
//! - `link_ends`: what globex's people see when the partnership is suspended or globex is
//!   removed from the community, and after it comes back;
//! - `statements`: how many SQL statements a portal query runs as the community grows.

mod bad_input;
pub(crate) mod client;
mod edit_window;
mod journey;
mod link_ends;
mod lists;
mod orders;
mod rules;
mod search;
mod statements;

use crate::common::*;
use crate::federation_journey::{
    accept_invitation, create_community, invite, join, partnership_change, propose, s, Actor,
};
use client::person;
use serde_json::json;

/// Two organizations, their people, a partnership, and two acme communities: build-guild
/// (FEDERATED, globex takes part) and platform-circle (HOST_ONLY).
pub(crate) struct World<'a> {
    pub app: &'a TestApp,
    pub acme_id: String,
    pub globex_id: String,
    /// acme's admin (coordinates acme's communities without being a member).
    pub ada: Actor,
    /// acme; created both communities and coordinates them.
    pub ann: Actor,
    /// acme members of build-guild.
    pub bob: Actor,
    pub dan: Actor,
    /// acme, has not joined any community.
    pub carl: Actor,
    /// globex's admin, not a member.
    pub gail: Actor,
    /// globex members of build-guild.
    pub gina: Actor,
    pub gus: Actor,
    /// The acme–globex partnership.
    pub partnership_id: String,
    pub guild_id: String,
    /// globex's participation in build-guild.
    pub globex_participation_id: String,
    pub circle_id: String,
}

impl<'a> World<'a> {
    /// Sets the world up through the API: partnership proposed and accepted, build-guild
    /// created, globex invited and accepting, everyone but carl joining.
    pub async fn new(app: &'a TestApp) -> World<'a> {
        let acme = app.create_org("acme").await;
        let globex = app.create_org("globex").await;
        let ada = person(app, &acme, "ada", "Ada Acme", true).await;
        let ann = person(app, &acme, "ann", "Ann Acme", false).await;
        let bob = person(app, &acme, "bob", "Bob Acme", false).await;
        let dan = person(app, &acme, "dan", "Dan Acme", false).await;
        let carl = person(app, &acme, "carl", "Carl Acme", false).await;
        let gail = person(app, &globex, "gail", "Gail Globex", true).await;
        let gina = person(app, &globex, "gina", "Gina Globex", false).await;
        let gus = person(app, &globex, "gus", "Gus Globex", false).await;
        let acme_id = crate::federation_journey::org_id(app, "acme").await;
        let globex_id = crate::federation_journey::org_id(app, "globex").await;

        let p = propose(app, &ada, "globex", "Let us share what we learn").await;
        let partnership_id = s(&p["id"]).to_owned();
        let p = partnership_change(app, &gail, "acceptPartnership", &partnership_id).await;
        assert_eq!(p["status"], "ACTIVE");

        let c = create_community(
            app,
            &ann,
            json!({ "slug": "build-guild", "name": "Build Guild", "purpose": "Faster builds" }),
        )
        .await;
        assert_eq!(c["visibility"], "FEDERATED");
        let guild_id = s(&c["id"]).to_owned();
        let invited = invite(app, &ann, &guild_id, &globex_id, "PARTICIPATE").await;
        let globex_participation_id = s(&invited["id"]).to_owned();
        let accepted = accept_invitation(app, &gail, &globex_participation_id, &gina.id).await;
        assert_eq!(accepted["status"], "ACTIVE");
        for who in [&bob, &dan, &gina, &gus] {
            let m = join(app, who, &guild_id).await;
            assert_eq!(
                m["status"], "ACTIVE",
                "{} joins build-guild: {m:#}",
                who.name
            );
        }

        let c = create_community(
            app,
            &ann,
            json!({ "slug": "platform-circle", "name": "Platform Circle", "visibility": "HOST_ONLY" }),
        )
        .await;
        let circle_id = s(&c["id"]).to_owned();

        World {
            app,
            acme_id,
            globex_id,
            ada,
            ann,
            bob,
            dan,
            carl,
            gail,
            gina,
            gus,
            partnership_id,
            guild_id,
            globex_participation_id,
            circle_id,
        }
    }
}
