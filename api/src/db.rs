//! Opening the database: SQLite (WAL, foreign keys on, created on first start) or PostgreSQL,
//! with short timeouts so that a wrong URL fails in seconds, not after sqlx's 30 s default.

use crate::config::DatabaseArgs;
use anyhow::{bail, Context};
use migration::{Migrator, MigratorTrait};
use sea_orm::{
    sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous},
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection,
};
use std::time::Duration;

/// Which engine a URL names, judged by its scheme before anything connects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

pub fn engine_of(url: &str) -> anyhow::Result<Engine> {
    let scheme = url.split_once(':').map(|(s, _)| s).unwrap_or_default();
    match scheme {
        "sqlite" => Ok(Engine::Sqlite),
        "postgres" | "postgresql" => Ok(Engine::Postgres),
        "" => bail!("database URL {url:?} has no scheme: use sqlite://FILE or postgres://USER@HOST/DB"),
        other => bail!(
            "unsupported database URL scheme {other:?}: use sqlite://FILE or postgres://USER@HOST/DB"
        ),
    }
}

/// Connects and checks the connection works, failing within `args.database_timeout`.
pub async fn connect(args: &DatabaseArgs) -> anyhow::Result<DatabaseConnection> {
    let engine = engine_of(&args.database_url)?;
    let mut options = ConnectOptions::new(args.database_url.clone());
    options
        .connect_timeout(args.database_timeout)
        .acquire_timeout(args.database_timeout)
        .max_connections(args.database_max_connections)
        .min_connections(0)
        .sqlx_logging(false)
        // Statement spans (exported traces) carry the SQL: values are bound, never in it.
        .record_stmt_in_spans(true);
    if engine == Engine::Sqlite {
        let busy = args.database_timeout.max(Duration::from_secs(1));
        options.map_sqlx_sqlite_opts(move |opts| {
            opts.create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(busy)
        });
    }
    let connect = Database::connect(options);
    let db = tokio::time::timeout(args.database_timeout + Duration::from_secs(1), connect)
        .await
        .map_err(|_| {
            anyhow::anyhow!(
                "database did not answer within {}",
                humantime::format_duration(args.database_timeout)
            )
        })?
        .with_context(|| format!("cannot open database {}", redact(&args.database_url)))?;
    ping(&db)
        .await
        .with_context(|| format!("cannot reach database {}", redact(&args.database_url)))?;
    Ok(db)
}

/// Connects and applies pending migrations: what `serve` and every other command start with.
pub async fn connect_and_migrate(args: &DatabaseArgs) -> anyhow::Result<DatabaseConnection> {
    let db = connect(args).await?;
    Migrator::up(&db, None)
        .await
        .context("applying migrations")?;
    Ok(db)
}

/// A trivial statement: answers whether the database is reachable right now.
pub async fn ping(db: &DatabaseConnection) -> Result<(), sea_orm::DbErr> {
    db.execute_unprepared("SELECT 1").await.map(|_| ())
}

/// The URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_owned(),
    }
}

/// Starts a transaction that will write. On SQLite it takes the write lock at BEGIN
/// (`BEGIN IMMEDIATE`): a deferred transaction that reads and then writes cannot wait for a
/// concurrent writer and fails with "database is locked" at once, whereas an immediate one
/// waits up to the busy timeout. PostgreSQL ignores the mode.
pub async fn begin_write(
    db: &sea_orm::DatabaseConnection,
) -> Result<sea_orm::DatabaseTransaction, sea_orm::DbErr> {
    use sea_orm::{SqliteTransactionMode, TransactionOptions, TransactionTrait};
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..TransactionOptions::default()
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_is_judged_by_scheme() {
        assert_eq!(engine_of("sqlite://x.db").ok(), Some(Engine::Sqlite));
        assert_eq!(engine_of("postgres://u@h/d").ok(), Some(Engine::Postgres));
        assert_eq!(engine_of("postgresql://u@h/d").ok(), Some(Engine::Postgres));
        let err = engine_of("mysql://u@h/d").err().map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains("unsupported database URL scheme \"mysql\"")));
        assert!(engine_of("praxis.db").is_err());
    }

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(
            redact("postgres://u:secret@h/d"),
            "postgres://u:***@h/d".to_owned()
        );
        assert_eq!(redact("sqlite://x.db"), "sqlite://x.db");
    }
}
