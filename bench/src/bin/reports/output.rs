//! The printout: rows seeded, database size, viewers, and latency per report.

use crate::{
    measure::{Sample, Via},
    queries::Report,
    seed_world::Counts,
    viewers::BenchViewer,
    world::World,
};
use praxis_bench::{
    database::{mib, table_bytes, total_bytes},
    stats::{latency, mean},
};
use sea_orm::DatabaseConnection;

pub fn print_counts(counts: &Counts) {
    let cells: Vec<String> = counts.iter().map(|(t, n)| format!("{t} {n}")).collect();
    println!("rows: {}", cells.join(", "));
}

pub async fn print_size(db: &DatabaseConnection) {
    let mut parts = vec![format!(
        "{} in all",
        total_bytes(db).await.map(mib).unwrap_or_else(|| "?".into())
    )];
    for table in [
        "event_rsvp",
        "event",
        "membership",
        "problem",
        "idea",
        "application",
    ] {
        if let Some(bytes) = table_bytes(db, table).await {
            parts.push(format!("{table} {}", mib(bytes)));
        }
    }
    println!("size (tables with their indexes): {}", parts.join(", "));
}

pub fn print_viewers(world: &World, viewers: &[BenchViewer]) {
    if let Some(o) = viewers.iter().find_map(|v| v.organization) {
        let live = world.live_communities(o);
        let memberships: usize = live
            .iter()
            .map(|c| {
                world.communities[*c]
                    .members
                    .iter()
                    .filter(|m| world.people[m.person].organization == o)
                    .count()
            })
            .sum();
        println!(
            "organization reports are about {}: {} of {} communities live for it ({} hosted), \
             {memberships} memberships of its people there",
            world.organizations[o].slug,
            live.len(),
            world.communities.len(),
            world.communities.iter().filter(|c| c.host == o).count(),
        );
    }
    for v in viewers {
        println!(
            "viewer {:<17} unit {:<24} communities asked about {}",
            v.label,
            v.unit.as_deref().unwrap_or("-"),
            v.communities.len()
        );
    }
}

/// Latency (ms) and statements per report and viewer, then per report over all viewers.
pub fn print_reports(samples: &[Sample], viewers: &[BenchViewer]) {
    println!(
        "{:<36} {:<17} {:>4} | {:>8} {:>8} {:>8} {:>8} | {:>10}",
        "report", "viewer", "n", "p50 ms", "p95 ms", "p99 ms", "max ms", "statements"
    );
    let row = |label: &str, who: &str, of: &[&Sample]| {
        if of.is_empty() {
            return;
        }
        let l = latency(of.iter().map(|s| s.ms));
        let fewest = of.iter().map(|s| s.statements).min().unwrap_or(0);
        let most = of.iter().map(|s| s.statements).max().unwrap_or(0);
        let statements = if fewest == most {
            format!("{most}")
        } else {
            format!(
                "{fewest}-{most} (mean {:.1})",
                mean(of.iter().map(|s| s.statements as f64))
            )
        };
        println!(
            "{label:<36} {who:<17} {:>4} | {:>8.1} {:>8.1} {:>8.1} {:>8.1} | {:>10}",
            of.len(),
            l.p50,
            l.p95,
            l.p99,
            l.max,
            statements
        );
    };
    for via in [Via::GraphQl, Via::Csv] {
        for report in Report::ALL {
            let label = match via {
                Via::GraphQl => report.label().to_owned(),
                Via::Csv => format!("{} CSV", report.label()),
            };
            let of = |s: &&Sample| s.report == report && s.via == via;
            for (v, viewer) in viewers.iter().enumerate() {
                let mine: Vec<&Sample> = samples
                    .iter()
                    .filter(of)
                    .filter(|s| s.viewer == v)
                    .collect();
                row(&label, viewer.label, &mine);
            }
            let all: Vec<&Sample> = samples.iter().filter(of).collect();
            row(&label, "(all viewers)", &all);
        }
    }
}
