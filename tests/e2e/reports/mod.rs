//! Reports end to end (docs/CULTURE.md, "Reports"): a fixed world seeded at known dates,
//! every figure checked against values worked out by hand, the access rules, and the CSV
//! downloads read back with the csv crate.

mod access;
mod csv_downloads;
mod health;
mod rhythm_and_leadership;
mod rows;
mod seed;
mod units;
mod value;
mod world;

use crate::common::*;
use serde_json::{json, Value};
use world::World;

impl World<'_> {
    /// Runs a query as `name` and returns its data; fails on any error.
    pub async fn data(&self, name: &str, query: &str, variables: Value) -> Value {
        let reply = self
            .app
            .graphql(Some(&self.token(name)), query, variables)
            .await;
        reply.assert_ok();
        reply.body["data"].clone()
    }

    /// Runs a query as `name` and returns the codes of its errors.
    pub async fn codes(&self, name: &str, query: &str, variables: Value) -> Vec<String> {
        let reply = self
            .app
            .graphql(Some(&self.token(name)), query, variables)
            .await;
        reply.codes()
    }
}

pub fn q1() -> Value {
    json!({ "from": seed::Q1.0, "to": seed::Q1.1 })
}

async fn reports_over_a_fixed_world(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let w = seed::build(&app).await;
    units::assign(&w).await;
    rhythm_and_leadership::rhythm(&w).await;
    rhythm_and_leadership::declared_rhythm(&w).await;
    rhythm_and_leadership::leadership(&w).await;
    value::community(&w).await;
    value::organization(&w).await;
    value::business_units(&w).await;
    access::readers(&w).await;
    csv_downloads::downloads(&w).await;
    csv_downloads::refusals(&w).await;
    units::revoke(&w).await;
}
db_test!(reports_over_a_fixed_world, reports_over_a_fixed_world);

async fn health_of_a_living_community(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    health::living(&app, false).await;
}
db_test!(health_of_a_living_community, health_of_a_living_community);

async fn health_with_a_short_dormant_after(backend: Backend) {
    let Some(app) = spawn_app_with(backend, &["--dormant-after", "2days"]).await else {
        return;
    };
    health::living(&app, true).await;
}
db_test!(
    health_with_a_short_dormant_after,
    health_with_a_short_dormant_after
);
