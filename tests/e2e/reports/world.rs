//! The fixed world of the report tests, seeded straight into the database at fixed dates of
//! 2026 (the API cannot set past timestamps). acme hosts "Reliability Guild" (FEDERATED;
//! globex takes part), globex hosts "Quality Circle" (HOST_ONLY), initech hosts "Data Circle"
//! (HOST_ONLY) where a globex person still holds a stale membership and reported an
//! application: nothing of it may reach globex's figures.

use crate::common::*;
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

pub use super::rows::Seed;

pub fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

pub fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

pub fn gid(kind: &str, id: Uuid) -> String {
    URL_SAFE_NO_PAD.encode(format!("{kind}:{id}"))
}

/// The people, organizations and communities of the world, by name.
pub struct World<'a> {
    pub app: &'a TestApp,
    pub acme: OrgFixture,
    pub globex: OrgFixture,
    pub initech: OrgFixture,
    /// Person id and organization id by subject.
    pub people: HashMap<&'static str, (Uuid, Uuid)>,
    pub guild: Uuid,
    pub circle: Uuid,
    pub data_circle: Uuid,
}

impl World<'_> {
    pub fn who(&self, name: &str) -> (Uuid, Uuid) {
        self.people[name]
    }

    /// A token of a person of the world; admins carry the admin claim.
    pub fn token(&self, name: &str) -> String {
        let org = match self.who(name).1 {
            id if id == self.acme.id => &self.acme,
            id if id == self.globex.id => &self.globex,
            _ => &self.initech,
        };
        if ["alice", "gina", "nia"].contains(&name) {
            org.admin_token(name)
        } else {
            org.token(name, json!({}))
        }
    }

    pub fn person_gid(&self, name: &str) -> String {
        gid("Person", self.who(name).0)
    }
}
