//! The slowest SQL statements of the measured run (through sea-orm's metric callback), with
//! the database's plan for each: where the time of a slow search goes.

use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, Statement};
use std::{
    sync::{
        atomic::{AtomicBool, Ordering},
        Mutex,
    },
    time::Duration,
};

pub struct Slowest {
    keep: usize,
    recording: AtomicBool,
    statements: Mutex<Vec<(Duration, Statement)>>,
}

impl Slowest {
    pub fn new(keep: usize) -> Self {
        Self {
            keep,
            recording: AtomicBool::new(false),
            statements: Mutex::new(Vec::new()),
        }
    }

    pub fn start(&self) {
        self.recording.store(true, Ordering::SeqCst);
    }

    pub fn stop(&self) {
        self.recording.store(false, Ordering::SeqCst);
    }

    pub fn record(&self, info: &sea_orm::metric::Info<'_>) {
        if !self.recording.load(Ordering::SeqCst) || self.keep == 0 {
            return;
        }
        if let Ok(mut statements) = self.statements.lock() {
            let fastest_kept = statements.last().map(|(d, _)| *d).unwrap_or_default();
            if statements.len() < self.keep || info.elapsed > fastest_kept {
                statements.push((info.elapsed, info.statement.clone()));
                statements.sort_by_key(|(elapsed, _)| std::cmp::Reverse(*elapsed));
                statements.truncate(self.keep);
            }
        }
    }

    /// Prints the kept statements, slowest first, each with its plan (EXPLAIN QUERY PLAN on
    /// SQLite; EXPLAIN ANALYZE on PostgreSQL, which runs it again).
    pub async fn print(&self, db: &DatabaseConnection) -> anyhow::Result<()> {
        let statements = match self.statements.lock() {
            Ok(statements) => statements.clone(),
            Err(_) => return Ok(()),
        };
        for (rank, (elapsed, statement)) in statements.iter().enumerate() {
            println!(
                "#{} {:.1} ms  values: {:?}",
                rank + 1,
                elapsed.as_secs_f64() * 1000.0,
                statement.values.as_ref().map(|v| &v.0)
            );
            if rank == 0 {
                println!("{}", statement.sql);
            }
            let (prefix, column) = match statement.db_backend {
                DatabaseBackend::Sqlite => ("EXPLAIN QUERY PLAN ", "detail"),
                _ => ("EXPLAIN (ANALYZE, BUFFERS) ", "QUERY PLAN"),
            };
            let explain = Statement {
                sql: format!("{prefix}{}", statement.sql),
                ..statement.clone()
            };
            match db.query_all_raw(explain).await {
                Ok(rows) => {
                    for row in rows {
                        let line: String = row.try_get("", column).unwrap_or_default();
                        println!("    {line}");
                    }
                }
                Err(error) => println!("    (no plan: {error})"),
            }
        }
        Ok(())
    }
}
