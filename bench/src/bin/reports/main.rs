//! Reports benchmark: seeds a fresh database with a generated year of activity in 1,000
//! communities of 20 organizations (problems, ideas, articles, applications, events, RSVPs
//! and check-ins), then asks for every report through the in-process GraphQL schema as
//! several viewers, printing latency percentiles, SQL statements per report, peak memory and
//! database size. Figures the generator can count on its own are checked; a mismatch fails
//! the run.
//!
//! `cargo run --release -p praxis-bench --bin reports -- --help`

#![recursion_limit = "256"]

mod csv_path;
mod measure;
mod oracle;
mod output;
mod queries;
mod viewers;

use anyhow::bail;
use api::graphql::{context::ServiceSettings, SchemaLimits};
use api::seed::{
    events, knowledge as activity, vocabulary::Vocabulary, world, write_activity as seed_activity,
    write_world as seed_world,
};
use chrono::{Duration, Utc};
use clap::Parser;
use praxis_bench::{database, slowest::Slowest};
use rand::{rngs::StdRng, SeedableRng};
use sea_orm::{ConnectionTrait, DatabaseBackend};
use std::{
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc,
    },
    time::Instant,
};

/// Measures the culture and value reports over a generated year on SQLite or PostgreSQL.
#[derive(Debug, Parser)]
#[command(name = "reports")]
struct Args {
    /// Database to seed: `sqlite://FILE` or `postgres://USER@HOST/DB`; it must be empty.
    /// Default: a new SQLite file in a temporary directory, removed afterwards.
    #[arg(long)]
    database_url: Option<String>,
    #[arg(long, default_value_t = 20)]
    organizations: usize,
    /// People in all, shared evenly by the organizations.
    #[arg(long, default_value_t = 20_000)]
    people: usize,
    #[arg(long, default_value_t = 1000)]
    communities: usize,
    /// Measured requests per report and viewer (the organization reports take seconds each
    /// on SQLite: 10 keeps a run near 4 minutes).
    #[arg(long, default_value_t = 10)]
    runs: usize,
    /// Requests per report and viewer before measuring.
    #[arg(long, default_value_t = 2)]
    warmup: usize,
    /// Communities each viewer takes turns over for the community reports.
    #[arg(long, default_value_t = 30)]
    communities_per_viewer: usize,
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// How many of the slowest SQL statements of the measured run to print, with their plans.
    #[arg(long, default_value_t = 5)]
    slowest: usize,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if args.organizations < 3 || args.communities == 0 || args.people < 2 * args.organizations {
        bail!("need at least 3 organizations, 1 community and 2 people per organization");
    }
    let opened = database::open_empty(args.database_url.as_deref()).await?;
    let mut db = opened.db.clone();
    let backend = db.get_database_backend();
    println!("praxis reports benchmark");
    println!(
        "database: {backend:?} {}  organizations: {}  people: {}  communities: {}  seed: {}",
        api::db::redact(&opened.url),
        args.organizations,
        args.people,
        args.communities,
        args.seed
    );

    let mut rng = StdRng::seed_from_u64(args.seed);
    let started = Instant::now();
    let end = Utc::now()
        .date_naive()
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc())
        .unwrap_or_else(Utc::now);
    let world = world::World::generate(
        &mut rng,
        &world::Shape {
            organizations: args.organizations,
            people: args.people,
            communities: args.communities,
        },
        end,
    );
    let vocabulary = Vocabulary::generate(&mut rng, 3000, 1.0);
    let knowledge = activity::Knowledge::generate(&mut rng, &world, &vocabulary, 1.0);
    let events = events::Events::generate(
        &mut rng,
        &world,
        &events::Calendar {
            since: world.start - Duration::days(90),
            until: world.end + Duration::days(30),
            weekly_share: 0.0,
        },
    );
    println!(
        "generated in memory: {:.1} s (year {} .. {})",
        started.elapsed().as_secs_f64(),
        world.start.date_naive(),
        (world.end - Duration::days(1)).date_naive()
    );
    let started = Instant::now();
    let mut counts = seed_world::insert_world(&db, &world, &mut rng).await?;
    seed_activity::insert_knowledge(&db, &world, &knowledge, &mut rng, &mut counts).await?;
    seed_activity::insert_events(&db, &world, &events, &mut counts).await?;
    let seeded = started.elapsed().as_secs_f64();
    let started = Instant::now();
    if backend == DatabaseBackend::Postgres {
        // What autovacuum would do shortly after a bulk load.
        db.execute_unprepared("ANALYZE").await?;
    }
    let rows: usize = counts.iter().map(|(_, n)| n).sum();
    println!(
        "seeded {rows} rows in {seeded:.1} s ({:.0} rows/s){}",
        rows as f64 / seeded,
        if backend == DatabaseBackend::Postgres {
            format!("; ANALYZE {:.1} s", started.elapsed().as_secs_f64())
        } else {
            String::new()
        }
    );
    output::print_counts(&counts);
    output::print_size(&db).await;

    let statements = Arc::new(AtomicUsize::new(0));
    let slowest = Arc::new(Slowest::new(args.slowest));
    let (counter, recorder) = (statements.clone(), slowest.clone());
    db.set_metric_callback(move |info| {
        counter.fetch_add(1, Ordering::SeqCst);
        recorder.record(info);
    });
    // The schema gets the connection with the callback, as the server's does.
    let schema = api::graphql::build_schema(
        db.clone(),
        ServiceSettings::default(),
        api::events::EventHub::new(
            db.clone(),
            api::events::RealtimeSettings::default(),
            Arc::new(api::metrics::Metrics::new(
                api::metrics::DEFAULT_MAX_OPERATION_NAMES,
            )?),
        ),
        &SchemaLimits::default(),
    );
    let period = oracle::Period::of(&world);
    let oracle = oracle::Oracle {
        world: &world,
        knowledge: &knowledge,
        events: &events,
        period,
    };
    let viewers = viewers::choose(&world, args.communities_per_viewer, &mut rng);
    output::print_viewers(&world, &viewers);
    let runner = measure::Runner {
        schema: &schema,
        db: &db,
        statements,
        oracle: &oracle,
        period,
        service_period: api::service::report::Period::new(period.from, period.to)?,
    };
    let mut samples = Vec::new();
    let mut violations = Vec::new();
    slowest.start();
    let started = Instant::now();
    for report in queries::Report::ALL {
        let began = Instant::now();
        runner
            .measure(
                &viewers,
                report,
                measure::Via::GraphQl,
                (args.warmup, args.runs),
                &mut samples,
                &mut violations,
            )
            .await;
        let graphql = began.elapsed().as_secs_f64();
        runner
            .measure(
                &viewers,
                report,
                measure::Via::Csv,
                (args.warmup, args.runs),
                &mut samples,
                &mut violations,
            )
            .await;
        eprintln!(
            "measured {}: GraphQL {graphql:.1} s, CSV {:.1} s",
            report.label(),
            began.elapsed().as_secs_f64() - graphql
        );
    }
    let elapsed = started.elapsed().as_secs_f64();
    slowest.stop();
    runner.check_denied(&viewers, &mut violations).await;

    println!();
    output::print_reports(&samples, &viewers);
    println!();
    println!(
        "{} measured requests in {elapsed:.1} s (warm-up and checks included), one at a time",
        samples.len()
    );
    match database::peak_rss_mib() {
        Some(mib) => println!("peak RSS: {mib:.0} MiB (includes the generated world in memory)"),
        None => println!("peak RSS: unknown (no /proc/self/status)"),
    }
    if args.slowest > 0 {
        println!();
        println!("slowest statements of the measured run:");
        slowest.print(&db).await?;
    }
    if !violations.is_empty() {
        for violation in violations.iter().take(30) {
            eprintln!("VIOLATION: {violation}");
        }
        bail!("{} wrong answers", violations.len());
    }
    println!("checks: every answer agreed with the generated world");
    db.close().await?;
    drop(opened);
    Ok(())
}
