//! What the benchmarks share: opening a fresh database, bulk inserts, seeded generation
//! helpers, latency statistics, memory and size figures, and the slowest statements.

pub mod database;
pub mod slowest;
pub mod stats;

/// The bulk inserts and seeded generation helpers live with the seeder in the api crate.
pub use api::seed::{bulk, generate};
