//! Latency figures: percentiles per query class and per viewer, throughput, memory, size.

use crate::{
    workload::{Class, Sample},
    world::BenchViewer,
};
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, Statement};

/// Nearest-rank percentile of sorted values.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

struct Latency {
    p50: f64,
    p95: f64,
    p99: f64,
    max: f64,
}

fn latency(values: impl Iterator<Item = f64>) -> Latency {
    let mut sorted: Vec<f64> = values.collect();
    sorted.sort_by(f64::total_cmp);
    Latency {
        p50: percentile(&sorted, 50.0),
        p95: percentile(&sorted, 95.0),
        p99: percentile(&sorted, 99.0),
        max: sorted.last().copied().unwrap_or(0.0),
    }
}

fn cells(l: &Latency) -> String {
    format!(
        "{:>7.1} {:>7.1} {:>7.1} {:>7.1}",
        l.p50, l.p95, l.p99, l.max
    )
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 {
        0.0
    } else {
        sum / n as f64
    }
}

/// The table of latencies (ms) per query class: the page of 20 hits, then `totalCount`.
pub fn print_classes(samples: &[Sample]) {
    println!(
        "{:<28} {:>4} | {:^31} | {:^31} | {:>10} {:>6}",
        "query class", "n", "search first:20 (ms)", "totalCount (ms)", "mean total", "mean"
    );
    println!(
        "{:<28} {:>4} | {:>7} {:>7} {:>7} {:>7} | {:>7} {:>7} {:>7} {:>7} | {:>10} {:>6}",
        "", "", "p50", "p95", "p99", "max", "p50", "p95", "p99", "max", "hits", "page"
    );
    let mut classes: Vec<Class> = samples.iter().map(|s| s.class).collect();
    classes.sort();
    classes.dedup();
    for class in classes {
        let of: Vec<&Sample> = samples.iter().filter(|s| s.class == class).collect();
        let search = latency(of.iter().map(|s| s.search_ms));
        let counts: Vec<f64> = of.iter().filter_map(|s| s.count_ms).collect();
        let count_cells = if counts.is_empty() {
            format!("{:>31}", "-")
        } else {
            cells(&latency(counts.into_iter()))
        };
        let totals: Vec<f64> = of
            .iter()
            .filter_map(|s| s.total)
            .map(|t| t as f64)
            .collect();
        let total = if totals.is_empty() {
            "-".to_owned()
        } else {
            format!("{:.0}", mean(totals.into_iter()))
        };
        println!(
            "{:<28} {:>4} | {} | {} | {:>10} {:>6.1}",
            class.label(),
            of.len(),
            cells(&search),
            count_cells,
            total,
            mean(of.iter().map(|s| s.hits as f64)),
        );
    }
}

/// Latency of a whole first-page request (page + `totalCount`) per viewer.
pub fn print_viewers(samples: &[Sample], viewers: &[BenchViewer], visible: &[usize]) {
    println!(
        "{:<16} {:>13} {:>5} | {:^31} | {:>10}",
        "viewer", "visible items", "n", "page + totalCount (ms)", "mean total"
    );
    for (v, viewer) in viewers.iter().enumerate() {
        let of: Vec<&Sample> = samples
            .iter()
            .filter(|s| s.viewer == v && s.count_ms.is_some())
            .collect();
        let request = latency(of.iter().map(|s| s.search_ms + s.count_ms.unwrap_or(0.0)));
        println!(
            "{:<16} {:>13} {:>5} | {} | {:>10.0}",
            viewer.label,
            visible.get(v).copied().unwrap_or(0),
            of.len(),
            cells(&request),
            mean(of.iter().filter_map(|s| s.total).map(|t| t as f64)),
        );
    }
}

/// The process's peak resident set (`VmHWM`) in MiB.
pub fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

async fn scalar(db: &DatabaseConnection, sql: &str) -> Option<i64> {
    let backend = db.get_database_backend();
    let row = db
        .query_one_raw(Statement::from_string(backend, sql.to_owned()))
        .await
        .ok()??;
    row.try_get_by_index::<i64>(0).ok()
}

fn mib(bytes: i64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

/// The database's size on disk, and how much of it is the search index.
pub async fn database_size(db: &DatabaseConnection) -> String {
    match db.get_database_backend() {
        DatabaseBackend::Sqlite => {
            let _ = db
                .execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
                .await;
            let total = scalar(
                db,
                "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
            )
            .await;
            let fts = scalar(
                db,
                "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'search_fts%'",
            )
            .await;
            let documents = scalar(
                db,
                "SELECT SUM(pgsize) FROM dbstat WHERE name = 'search_document'",
            )
            .await;
            format!(
                "{} file; search_document {}, FTS5 index {}",
                total.map(mib).unwrap_or_else(|| "?".into()),
                documents.map(mib).unwrap_or_else(|| "?".into()),
                fts.map(mib).unwrap_or_else(|| "? (no dbstat)".into()),
            )
        }
        _ => {
            let total = scalar(db, "SELECT pg_database_size(current_database())").await;
            let documents = scalar(db, "SELECT pg_total_relation_size('search_document')").await;
            let gin = scalar(db, "SELECT pg_relation_size('search_document_vector_idx')").await;
            format!(
                "{} database; search_document with indexes and TOAST {}, of which GIN {}",
                total.map(mib).unwrap_or_else(|| "?".into()),
                documents.map(mib).unwrap_or_else(|| "?".into()),
                gin.map(mib).unwrap_or_else(|| "?".into()),
            )
        }
    }
}
