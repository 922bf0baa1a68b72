//! End-to-end tests: a real server on port 0 with a fresh database per test, spoken to over
//! HTTP. Every database test runs on SQLite and, with `PRAXIS_TEST_POSTGRES_URL`, on
//! PostgreSQL (each on a database of its own).

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[macro_use]
mod common;

mod api_conventions;
mod auth;
mod cli;
mod console_assets;
mod cost_limits;
mod demo;
mod events;
mod federation_atomicity;
mod federation_isolation;
mod federation_journey;
mod federation_races;
mod graphql_over_http;
mod isolation;
mod knowledge_cycle;
mod knowledge_journey;
mod metrics;
mod nested_connections;
mod oidc_login;
mod persisted_queries;
mod realtime;
mod reports;
mod robustness;
mod seed_scale;
mod telemetry;
mod websocket;
