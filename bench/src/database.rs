//! A fresh, migrated database to seed, and what it and the process weigh afterwards.

use anyhow::{bail, Context};
use api::config::DatabaseArgs;
use sea_orm::{
    ConnectionTrait, DatabaseBackend, DatabaseConnection, EntityTrait, PaginatorTrait, Statement,
};
use std::time::Duration;
use tempfile::TempDir;

/// A migrated database, and the temporary directory holding it when none was given (removed
/// when this is dropped).
pub struct BenchDatabase {
    pub db: DatabaseConnection,
    pub url: String,
    _temp: Option<TempDir>,
}

/// Connects to `url` (default: a new SQLite file in a temporary directory) and migrates it.
/// The database must hold no organization yet: figures over a reused database mean nothing.
pub async fn open_empty(url: Option<&str>) -> anyhow::Result<BenchDatabase> {
    let (url, temp) = match url {
        Some(url) => (url.to_owned(), None),
        None => {
            let temp = tempfile::tempdir().context("creating a temporary directory")?;
            let url = format!("sqlite://{}", temp.path().join("bench.db").display());
            (url, Some(temp))
        }
    };
    let db = api::db::connect_and_migrate(&DatabaseArgs {
        database_url: url.clone(),
        database_timeout: Duration::from_secs(30),
        database_max_connections: 4,
    })
    .await?;
    if entity::organization::Entity::find().count(&db).await? > 0 {
        bail!(
            "{} already holds data: give an empty database",
            api::db::redact(&url)
        );
    }
    Ok(BenchDatabase {
        db,
        url,
        _temp: temp,
    })
}

/// The process's peak resident set (`VmHWM`) in MiB.
pub fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// The first column of the first row of `sql`, if it is an integer.
pub async fn scalar(db: &DatabaseConnection, sql: &str) -> Option<i64> {
    let backend = db.get_database_backend();
    let row = db
        .query_one_raw(Statement::from_string(backend, sql.to_owned()))
        .await
        .ok()??;
    row.try_get_by_index::<i64>(0).ok()
}

pub fn mib(bytes: i64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

/// Bytes of the whole database (SQLite: the file after a WAL checkpoint).
pub async fn total_bytes(db: &DatabaseConnection) -> Option<i64> {
    match db.get_database_backend() {
        DatabaseBackend::Sqlite => {
            let _ = db
                .execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
                .await;
            scalar(
                db,
                "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
            )
            .await
        }
        _ => scalar(db, "SELECT pg_database_size(current_database())").await,
    }
}

/// Bytes of one table with its indexes (SQLite: through `dbstat`, when compiled in).
pub async fn table_bytes(db: &DatabaseConnection, table: &str) -> Option<i64> {
    match db.get_database_backend() {
        DatabaseBackend::Sqlite => {
            scalar(
                db,
                &format!(
                    "SELECT SUM(pgsize) FROM dbstat WHERE name = '{table}' OR name IN \
                     (SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table}')"
                ),
            )
            .await
        }
        _ => scalar(db, &format!("SELECT pg_total_relation_size('{table}')")).await,
    }
}
