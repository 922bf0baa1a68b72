//! Latency figures per query class and per viewer, and the database's size.

use crate::{
    workload::{Class, Sample},
    world::BenchViewer,
};
use praxis_bench::{
    database::{mib, scalar, total_bytes},
    stats::{latency, mean, Latency},
};
use sea_orm::{DatabaseBackend, DatabaseConnection};

fn cells(l: &Latency) -> String {
    format!(
        "{:>7.1} {:>7.1} {:>7.1} {:>7.1}",
        l.p50, l.p95, l.p99, l.max
    )
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

/// The database's size on disk, and how much of it is the search index.
pub async fn database_size(db: &DatabaseConnection) -> String {
    match db.get_database_backend() {
        DatabaseBackend::Sqlite => {
            let total = total_bytes(db).await;
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
            let total = total_bytes(db).await;
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
