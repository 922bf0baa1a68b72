//! Schema migrations of Praxis. One module per change; a landed migration is never edited.
//! The same steps run on SQLite and PostgreSQL.

pub use sea_orm_migration::prelude::*;

mod m20261127_000001_tenancy;
mod m20261127_000002_federation;
mod m20261127_000003_knowledge;
mod m20261127_000004_culture;
mod m20261127_000005_realtime;
mod m20261127_000006_webhook_delivery_log;
mod m20261205_000007_oidc_login;
mod m20261205_000008_organization_rate_limit;
mod m20261205_000009_persisted_operations;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261127_000001_tenancy::Migration),
            Box::new(m20261127_000002_federation::Migration),
            Box::new(m20261127_000003_knowledge::Migration),
            Box::new(m20261127_000004_culture::Migration),
            Box::new(m20261127_000005_realtime::Migration),
            Box::new(m20261127_000006_webhook_delivery_log::Migration),
            Box::new(m20261205_000007_oidc_login::Migration),
            Box::new(m20261205_000008_organization_rate_limit::Migration),
            Box::new(m20261205_000009_persisted_operations::Migration),
        ]
    }
}
