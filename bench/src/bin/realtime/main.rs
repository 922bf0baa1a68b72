//! Events per second through the outbox: to 100 graphql-transport-ws subscribers of one
//! community, and to 10 webhook endpoints on a loopback receiver. A real server (in this
//! process, on port 0) on SQLite or PostgreSQL; events are made by `postProblem` mutations
//! over HTTP, so each figure is end to end: mutation committed → outbox → sequencer → bus →
//! per-subscriber visibility check → WebSocket frame (or → delivery row → signed POST).
//!
//! `cargo run --release -p praxis-bench --bin realtime -- [--database-url URL]`

mod receiver;
mod world;

use anyhow::Context;
use clap::Parser;
use futures_util::{SinkExt, StreamExt};
use praxis_bench::{database, stats};
use serde_json::{json, Value};
use std::{
    collections::HashMap,
    sync::Arc,
    time::{Duration, Instant},
};
use tokio::sync::Mutex;
use tokio_tungstenite::tungstenite::{client::IntoClientRequest, Message};

#[derive(Parser, Debug)]
struct Args {
    /// Database to run on (default: a new SQLite file). Must be empty.
    #[arg(long)]
    database_url: Option<String>,
    /// WebSocket subscribers of the community's activity.
    #[arg(long, default_value_t = 100)]
    subscribers: usize,
    /// Webhook endpoints (each receives every event).
    #[arg(long, default_value_t = 10)]
    endpoints: usize,
    /// Events (problems posted) per phase.
    #[arg(long, default_value_t = 1000)]
    events: usize,
    /// Concurrent writers posting problems.
    #[arg(long, default_value_t = 4)]
    writers: usize,
    /// Give up a phase after this many seconds.
    #[arg(long, default_value_t = 300)]
    deadline_secs: u64,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let bench_db = database::open_empty(args.database_url.as_deref()).await?;
    let backend = format!("{:?}", bench_db.db.get_database_backend());
    println!(
        "realtime bench: {backend}, {} subscribers, {} endpoints, {} events per phase, {} writers",
        args.subscribers, args.endpoints, args.events, args.writers
    );
    let world = world::World::start(&bench_db, args.subscribers).await?;
    let deadline = Duration::from_secs(args.deadline_secs);

    // Phase 1: subscribers.
    let received: Arc<Mutex<HashMap<String, Vec<Instant>>>> = Arc::default();
    let mut sockets = Vec::new();
    for token in &world.member_tokens {
        sockets.push(subscribe(&world, token).await?);
    }
    let mut readers = Vec::new();
    for mut socket in sockets {
        let received = received.clone();
        let expected = args.events;
        readers.push(tokio::spawn(async move {
            let mut count = 0;
            while count < expected {
                let Some(Ok(message)) = socket.next().await else {
                    break;
                };
                let Message::Text(text) = message else {
                    continue;
                };
                let Ok(value) = serde_json::from_str::<Value>(&text) else {
                    continue;
                };
                if value["type"] == "ping" {
                    let _ = socket
                        .send(Message::Text(json!({ "type": "pong" }).to_string().into()))
                        .await;
                    continue;
                }
                if value["id"] != "activity" || value["type"] != "next" {
                    continue;
                }
                let subject = value["payload"]["data"]["communityActivity"]["subjectId"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned();
                received
                    .lock()
                    .await
                    .entry(subject)
                    .or_default()
                    .push(Instant::now());
                count += 1;
            }
            count
        }));
    }
    let start = Instant::now();
    let posted = world
        .post_problems(args.events, args.writers, "sub")
        .await?;
    let posting = start.elapsed();
    let mut delivered = 0;
    for reader in readers {
        match tokio::time::timeout(deadline.saturating_sub(start.elapsed()), reader).await {
            Ok(Ok(count)) => delivered += count,
            _ => println!("  a subscriber did not receive every event before the deadline"),
        }
    }
    let elapsed = start.elapsed();
    let latencies = {
        let received = received.lock().await;
        posted
            .iter()
            .flat_map(|(subject, done)| {
                received
                    .get(subject)
                    .into_iter()
                    .flatten()
                    .map(move |at| at.saturating_duration_since(*done).as_secs_f64() * 1000.0)
            })
            .collect::<Vec<_>>()
    };
    report(
        "subscribers",
        args.events,
        args.subscribers,
        delivered,
        posting,
        elapsed,
        latencies,
    );

    // Phase 2: webhooks (the subscribers are gone).
    let receiver = receiver::Receiver::start().await?;
    world.add_endpoints(&receiver, args.endpoints).await?;
    let start = Instant::now();
    let posted = world
        .post_problems(args.events, args.writers, "hook")
        .await?;
    let posting = start.elapsed();
    let expected = args.events * args.endpoints;
    while receiver.count().await < expected && start.elapsed() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let elapsed = start.elapsed();
    let delivered = receiver.count().await;
    let latencies = receiver.latencies(&posted).await;
    report(
        "webhooks",
        args.events,
        args.endpoints,
        delivered,
        posting,
        elapsed,
        latencies,
    );
    let duplicates = receiver.duplicates().await;
    println!("  deliveries received twice (same Praxis-Delivery): {duplicates}");
    if let Some(rss) = database::peak_rss_mib() {
        println!("peak RSS of the bench process (server included): {rss:.0} MiB");
    }
    Ok(())
}

async fn subscribe(
    world: &world::World,
    token: &str,
) -> anyhow::Result<
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>,
> {
    let mut request = format!("ws://{}/graphql", world.addr).into_client_request()?;
    request.headers_mut().insert(
        "Sec-WebSocket-Protocol",
        "graphql-transport-ws".parse().context("header")?,
    );
    let (mut socket, _) = tokio_tungstenite::connect_async(request).await?;
    let send = |v: Value| Message::Text(v.to_string().into());
    socket
        .send(send(json!({ "type": "connection_init", "payload": { "Authorization": format!("Bearer {token}") } })))
        .await?;
    socket.next().await.context("no ack")??;
    socket
        .send(send(json!({ "id": "activity", "type": "subscribe", "payload": {
            "query": "subscription($id: ID!) { communityActivity(communityId: $id) { id type position subjectId } }",
            "variables": { "id": world.community_id } } })))
        .await?;
    // A query after it: its answer means the subscription is registered.
    socket
        .send(send(json!({ "id": "ready", "type": "subscribe", "payload": { "query": "{ viewer { person { id } } }" } })))
        .await?;
    loop {
        let message = socket.next().await.context("socket ended")??;
        if let Message::Text(text) = message {
            let value: Value = serde_json::from_str(&text)?;
            if value["id"] == "ready" && value["type"] == "complete" {
                break;
            }
            if value["id"] == "activity" && value["type"] != "next" {
                anyhow::bail!("subscription refused: {value}");
            }
        }
    }
    Ok(socket)
}

fn report(
    phase: &str,
    events: usize,
    fan_out: usize,
    delivered: usize,
    posting: Duration,
    elapsed: Duration,
    latencies: Vec<f64>,
) {
    let secs = elapsed.as_secs_f64();
    let latency = stats::latency(latencies.into_iter());
    println!(
        "{phase}: {events} events × {fan_out} = {} expected, {delivered} delivered",
        events * fan_out
    );
    println!(
        "  mutations: {:.0} events/s committed ({:.1} s)",
        events as f64 / posting.as_secs_f64(),
        posting.as_secs_f64()
    );
    println!(
        "  through the outbox: {:.0} events/s, {:.0} deliveries/s ({secs:.1} s until the last delivery)",
        events as f64 / secs,
        delivered as f64 / secs
    );
    println!(
        "  latency mutation answered → delivered: p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        latency.p50, latency.p95, latency.p99, latency.max
    );
}
