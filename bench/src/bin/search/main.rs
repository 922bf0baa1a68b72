//! Full-text search benchmark: seeds a fresh database with a generated world (organizations,
//! people, federated communities, 100,000 problems, ideas and articles), then runs a mix of
//! queries through `api::service::search` as several viewers, printing latency percentiles,
//! throughput, peak memory and database size. Every hit is checked against an independent
//! visibility oracle; a violation makes the run fail.
//!
//! `cargo run --release -p praxis-bench --bin search -- --help`

mod report;
mod seed;
mod workload;
mod world;

use anyhow::bail;
use api::seed::vocabulary;
use clap::Parser;
use rand::{rngs::StdRng, SeedableRng};
use sea_orm::{ConnectionTrait, DatabaseBackend};
use std::time::Instant;

/// Measures full-text search over generated items on SQLite or PostgreSQL.
#[derive(Debug, Parser)]
#[command(name = "search")]
struct Args {
    /// Database to seed: `sqlite://FILE` or `postgres://USER@HOST/DB`; it must be empty.
    /// Default: a new SQLite file in a temporary directory, removed afterwards.
    #[arg(long)]
    database_url: Option<String>,
    /// Problems, ideas and articles to generate (about 30% / 55% / 15%).
    #[arg(long, default_value_t = 100_000)]
    items: usize,
    /// Measured queries (each a page of 20 plus totalCount, and the second page when there
    /// is one).
    #[arg(long, default_value_t = 500)]
    queries: usize,
    /// Queries run before measuring.
    #[arg(long, default_value_t = 50)]
    warmup: usize,
    #[arg(long, default_value_t = 20)]
    organizations: usize,
    #[arg(long, default_value_t = 200)]
    communities: usize,
    /// Distinct words of the generated text (about 1,000 real words, the rest code names).
    #[arg(long, default_value_t = 3000)]
    vocabulary: usize,
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// How many of the slowest SQL statements of the measured run to print, with their plans.
    #[arg(long, default_value_t = 5)]
    slowest: usize,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if args.organizations < 3 || args.communities == 0 || args.items == 0 {
        bail!("need at least 3 organizations, 1 community and 1 item");
    }
    let opened = praxis_bench::database::open_empty(args.database_url.as_deref()).await?;
    let url = opened.url.clone();
    let mut db = opened.db.clone();
    let backend = db.get_database_backend();
    println!("praxis search benchmark");
    println!(
        "database: {:?} {}  items: {}  organizations: {}  communities: {}  seed: {}",
        backend,
        api::db::redact(&url),
        args.items,
        args.organizations,
        args.communities,
        args.seed
    );

    let mut rng = StdRng::seed_from_u64(args.seed);
    let started = Instant::now();
    let vocabulary = vocabulary::Vocabulary::generate(&mut rng, args.vocabulary, 1.0);
    let world = world::World::generate(
        &mut rng,
        &world::Shape {
            organizations: args.organizations,
            communities: args.communities,
            items: args.items,
        },
        &vocabulary,
    );
    let generated = started.elapsed();
    let started = Instant::now();
    seed::insert_people_and_communities(&db, &world, &mut rng).await?;
    let people = started.elapsed();
    let started = Instant::now();
    seed::insert_items(&db, &world, &mut rng).await?;
    let items = started.elapsed();
    let started = Instant::now();
    if backend == DatabaseBackend::Postgres {
        // What autovacuum would do shortly after a bulk load; without statistics the
        // planner guesses row counts of an empty table.
        db.execute_unprepared("ANALYZE").await?;
    }
    let analyzed = started.elapsed();
    let memberships: usize = world.communities.iter().map(|c| c.members.len()).sum();
    println!(
        "generated in memory: {:.1} s ({} words, {} people, {} memberships)",
        generated.as_secs_f64(),
        vocabulary.words.len(),
        world.people.len(),
        memberships
    );
    println!(
        "seeded: organizations/people/communities {:.2} s; {} items with search documents {:.1} s ({:.0} items/s){}",
        people.as_secs_f64(),
        world.items.len(),
        items.as_secs_f64(),
        world.items.len() as f64 / items.as_secs_f64(),
        if backend == DatabaseBackend::Postgres {
            format!("; ANALYZE {:.1} s", analyzed.as_secs_f64())
        } else {
            String::new()
        }
    );
    println!("size: {}", report::database_size(&db).await);

    let viewers = world.viewers();
    let visible: Vec<usize> = viewers
        .iter()
        .map(|v| {
            (0..world.items.len())
                .filter(|i| world.visible(v, *i))
                .count()
        })
        .collect();
    for (viewer, visible) in viewers.iter().zip(&visible) {
        println!(
            "viewer {:<15} {}: {} of {} communities live, {} items visible",
            viewer.label,
            world.organizations[viewer.organization].slug,
            world.live_communities(viewer.organization).len(),
            world.communities.len(),
            visible
        );
    }

    let slowest = std::sync::Arc::new(praxis_bench::slowest::Slowest::new(args.slowest));
    let recorder = slowest.clone();
    db.set_metric_callback(move |info| recorder.record(info));
    let mut violations = Vec::new();
    let warmup = workload::plan(&world, &vocabulary, &viewers, &mut rng, args.warmup);
    workload::run(
        &db,
        &world,
        &viewers,
        &warmup,
        &mut Vec::new(),
        &mut violations,
    )
    .await?;
    let planned = workload::plan(&world, &vocabulary, &viewers, &mut rng, args.queries);
    let mut samples = Vec::new();
    slowest.start();
    let started = Instant::now();
    workload::run(
        &db,
        &world,
        &viewers,
        &planned,
        &mut samples,
        &mut violations,
    )
    .await?;
    let elapsed = started.elapsed().as_secs_f64();
    slowest.stop();
    workload::check_foreign_community(&db, &world, &viewers, &vocabulary, &mut violations).await?;

    println!();
    report::print_classes(&samples);
    println!();
    report::print_viewers(&samples, &viewers, &visible);
    println!();
    let first_pages = samples.iter().filter(|s| s.count_ms.is_some()).count();
    let calls = samples.len() + first_pages;
    println!(
        "{first_pages} first pages with totalCount and {} second pages in {elapsed:.1} s, one \
         at a time: {:.1} requests/s (a request: page + totalCount, or a second page), \
         {:.1} service calls/s",
        samples.len() - first_pages,
        samples.len() as f64 / elapsed,
        calls as f64 / elapsed,
    );
    match praxis_bench::database::peak_rss_mib() {
        Some(mib) => println!("peak RSS: {mib:.0} MiB (includes the generated world in memory)"),
        None => println!("peak RSS: unknown (no /proc/self/status)"),
    }
    let checked: usize = samples.iter().map(|s| s.hits).sum();
    if !violations.is_empty() {
        for violation in violations.iter().take(20) {
            eprintln!("VIOLATION: {violation}");
        }
        bail!("{} visibility or filter violations", violations.len());
    }
    println!("visibility: {checked} hits checked against the oracle, no violation");
    if args.slowest > 0 {
        println!();
        println!("slowest statements of the measured run:");
        slowest.print(&db).await?;
    }
    db.close().await?;
    drop(opened);
    Ok(())
}
