//! Load benchmark: seeds a database with `praxis seed --scale N`'s world (or reuses one it
//! seeded before), starts the release `praxis serve` on a loopback port against it, mints
//! tokens for people across the organizations (their admins among them), and drives a
//! portal mix of reads (home page, community page, search, value report) with about 10%
//! writes (post a problem, contribute an idea, RSVP) from C concurrent clients, bounded in
//! count and time. Every response is checked (HTTP 200, no `errors`, no `userErrors`); a run
//! with failures exits non-zero. Prints requests/s and latency percentiles per class, the
//! server's peak memory, the database size and the seed time.
//!
//! `cargo build --release -p praxis -p praxis-bench && target/release/load --help`

mod drive;
mod mix;
mod seeded;
mod server;
mod viewers;

use anyhow::{bail, Context};
use api::{config::DatabaseArgs, seed::scale::Scale};
use clap::Parser;
use praxis_bench::{database, stats};
use rand::{rngs::StdRng, SeedableRng};
use std::{path::PathBuf, sync::Arc, time::Duration};

/// Drives a portal request mix against `praxis serve` over a seeded world.
#[derive(Debug, Parser)]
#[command(name = "load")]
struct Args {
    /// Database: `sqlite://FILE` or `postgres://USER@HOST/DB`, empty (it is seeded) or seeded
    /// by this benchmark before at the same scale and seed (it is reused). Default: a SQLite
    /// file `scale-N.db` in the work directory.
    #[arg(long)]
    database_url: Option<String>,
    /// Work directory: the default database, `seeded.json` and the server's log.
    #[arg(long, default_value = "target/load")]
    dir: PathBuf,
    /// World size, as `praxis seed --scale N`.
    #[arg(long, default_value = "1")]
    scale: String,
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Concurrent clients.
    #[arg(long, short = 'c', default_value_t = 8)]
    concurrency: usize,
    /// Measured requests, at most.
    #[arg(long, default_value_t = 5_000)]
    requests: usize,
    /// Measured seconds, at most.
    #[arg(long, default_value_t = 120)]
    seconds: u64,
    /// Requests before measuring (not counted).
    #[arg(long, default_value_t = 300)]
    warmup: usize,
    /// People to run as (their organizations' admins among them).
    #[arg(long, default_value_t = 200)]
    viewers: usize,
    /// Share of writes in the mix.
    #[arg(long, default_value_t = 0.1)]
    write_share: f64,
    /// The `praxis` binary. Default: the one next to this binary.
    #[arg(long)]
    praxis: Option<PathBuf>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let scale = Scale::parse(&args.scale).map_err(|m| anyhow::anyhow!(m))?;
    if !(0.0..=0.5).contains(&args.write_share) || args.concurrency == 0 || args.viewers == 0 {
        bail!("--write-share must be 0 to 0.5, --concurrency and --viewers above 0");
    }
    std::fs::create_dir_all(&args.dir)
        .with_context(|| format!("creating {}", args.dir.display()))?;
    let url = match &args.database_url {
        Some(url) => url.clone(),
        None => format!(
            "sqlite://{}",
            args.dir
                .join(format!("scale-{}.db", scale.value()))
                .display()
        ),
    };
    let binary = match &args.praxis {
        Some(path) => path.clone(),
        None => server::default_binary()?,
    };
    let db = api::db::connect_and_migrate(&DatabaseArgs {
        database_url: url.clone(),
        database_timeout: Duration::from_secs(60),
        database_max_connections: 4,
    })
    .await?;
    let backend = sea_orm::ConnectionTrait::get_database_backend(&db);
    let version = match backend {
        sea_orm::DatabaseBackend::Sqlite => "SELECT sqlite_version()",
        _ => "SELECT current_setting('server_version')",
    };
    let version = sea_orm::ConnectionTrait::query_one_raw(
        &db,
        sea_orm::Statement::from_string(backend, version.to_owned()),
    )
    .await?
    .and_then(|row| row.try_get_by_index::<String>(0).ok())
    .unwrap_or_default();
    println!("praxis load benchmark");
    println!(
        "database: {backend:?} {version} {}  scale: {}  seed: {}",
        api::db::redact(&url),
        scale.value(),
        args.seed
    );
    let world =
        seeded::seed_or_reuse(&db, &url, scale, args.seed, &args.dir.join("seeded.json")).await?;
    let generated = &world.generated;
    println!(
        "world: {} organizations, {} people, {} communities, {} items, {} events ({} {:.1} s{})",
        generated.world.organizations.len(),
        generated.world.people.len(),
        generated.world.communities.len(),
        generated.items(),
        generated.events.events.len(),
        if world.reused {
            "seeded before in"
        } else {
            "seeded in"
        },
        world.record.seconds,
        if world.reused { ", reused" } else { "" },
    );
    if sea_orm::ConnectionTrait::get_database_backend(&db) == sea_orm::DatabaseBackend::Postgres
        && !world.reused
    {
        // What autovacuum would do shortly after a bulk load.
        sea_orm::ConnectionTrait::execute_unprepared(&db, "ANALYZE").await?;
    }
    let mut rng = StdRng::seed_from_u64(args.seed);
    let viewers = viewers::pick(&db, generated, args.viewers, chrono::Utc::now(), &mut rng).await?;
    let admins = viewers.iter().filter(|v| v.is_admin).count();
    println!("viewers: {} ({admins} admins)", viewers.len());
    let size_before = database::total_bytes(&db).await;
    drop(db);

    let mut server = server::Server::start(&binary, &url, &args.dir.join("server.log")).await?;
    let viewers = Arc::new(viewers);
    let vocabulary = Arc::new(world.generated.vocabulary);
    let mut plan = drive::Plan {
        url: server.url.clone(),
        concurrency: args.concurrency,
        requests: args.warmup,
        duration: Duration::from_secs(args.seconds),
        write_share: args.write_share,
        seed: args.seed,
        today: world.record.today,
    };
    let warmup = drive::run(&plan, viewers.clone(), vocabulary.clone()).await?;
    println!(
        "warm-up: {} requests in {:.1} s, {} failed",
        args.warmup,
        warmup.elapsed.as_secs_f64(),
        warmup.total_errors()
    );
    plan.requests = args.requests;
    plan.seed = args.seed.wrapping_add(1000);
    let outcome = drive::run(&plan, viewers, vocabulary).await?;
    let peak = server.peak_rss_mib();
    server.stop();

    let seconds = outcome.elapsed.as_secs_f64();
    println!(
        "measured: {seconds:.1} s, {} clients, load average {}",
        args.concurrency,
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    println!(
        "{:<16} {:>8} {:>7} {:>8} {:>8} {:>8} {:>8} {:>8}",
        "class", "requests", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms"
    );
    let row = |name: &str, requests: usize, errors: usize, latencies: &[f64]| {
        let l = stats::latency(latencies.iter().copied());
        println!(
            "{name:<16} {requests:>8} {errors:>7} {:>8.1} {:>8.1} {:>8.1} {:>8.1} {:>8.1}",
            requests as f64 / seconds,
            l.p50,
            l.p95,
            l.p99,
            l.max
        );
    };
    let mut all = Vec::new();
    for class in mix::Class::ALL {
        let latencies = outcome.latencies.get(&class).cloned().unwrap_or_default();
        let errors = outcome.errors.get(&class).copied().unwrap_or(0);
        row(class.name(), outcome.requests(class), errors, &latencies);
        all.extend(latencies);
    }
    let total: usize = mix::Class::ALL.iter().map(|c| outcome.requests(*c)).sum();
    row("all", total, outcome.total_errors(), &all);
    println!(
        "server peak RSS: {}  database: {}  seed: {:.1} s",
        peak.map_or("unknown".to_owned(), |m| format!("{m:.0} MiB")),
        size_before.map_or("unknown".to_owned(), database::mib),
        world.record.seconds
    );
    for sample in warmup.samples.iter().chain(&outcome.samples) {
        println!("failure: {sample}");
    }
    if warmup.total_errors() + outcome.total_errors() > 0 {
        bail!(
            "{} of {} requests failed",
            warmup.total_errors() + outcome.total_errors(),
            total + args.warmup
        );
    }
    Ok(())
}
