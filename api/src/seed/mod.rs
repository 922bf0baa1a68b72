//! Generated worlds written straight into the tables: `praxis seed --scale N` and the
//! benchmarks (bench/) share them. Every row is what the services would have written
//! (search documents, counters, denormalised columns), so every API path works on a seeded
//! world; the in-memory world is the oracle tests and benchmarks check answers against.

pub mod bulk;
pub mod events;
pub mod generate;
pub mod knowledge;
pub mod scale;
pub mod vocabulary;
pub mod world;
pub mod write_activity;
pub mod write_world;
