//! The Praxis service: command line, HTTP server, GraphQL schema, business services and the
//! one access policy they all ask.
//!
//! A request flows one way: HTTP -> [`auth`] (a [`auth::Viewer`]) -> [`graphql`] resolver ->
//! [`service`] function -> [`access`] policy -> `entity` rows.

pub mod access;
pub mod auth;
pub mod cli;
pub mod config;
pub mod console;
pub mod cost;
pub mod db;
pub mod demo;
pub mod error;
pub mod events;
pub mod graphql;
pub mod graphql_http;
pub mod graphql_ws;
pub mod metrics;
pub mod persisted_queries;
pub mod report_csv;
pub mod seed;
pub mod server;
pub mod service;
pub mod telemetry;
