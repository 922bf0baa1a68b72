//! What the benchmarks share: opening a fresh database, bulk inserts, seeded generation
//! helpers, latency statistics, memory and size figures, and the slowest statements.

pub mod bulk;
pub mod database;
pub mod generate;
pub mod slowest;
pub mod stats;
