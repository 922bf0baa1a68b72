//! A webhook receiver on loopback: answers 200 at once and notes what arrived when.

use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use serde_json::Value;
use std::{collections::HashMap, net::SocketAddr, sync::Arc, time::Instant};
use tokio::sync::Mutex;

#[derive(Default)]
struct Seen {
    /// Per delivery id: how many times it arrived.
    deliveries: HashMap<String, usize>,
    /// Per problem global id: when each endpoint's delivery arrived.
    arrivals: HashMap<String, Vec<Instant>>,
}

pub struct Receiver {
    pub addr: SocketAddr,
    seen: Arc<Mutex<Seen>>,
}

async fn hook(
    seen: web::Data<Arc<Mutex<Seen>>>,
    req: HttpRequest,
    body: web::Json<Value>,
) -> HttpResponse {
    let at = Instant::now();
    let delivery = req
        .headers()
        .get("praxis-delivery")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let subject = body["event"]["subject"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let mut seen = seen.lock().await;
    *seen.deliveries.entry(delivery).or_default() += 1;
    seen.arrivals.entry(subject).or_default().push(at);
    HttpResponse::Ok().finish()
}

impl Receiver {
    pub async fn start() -> anyhow::Result<Receiver> {
        let seen: Arc<Mutex<Seen>> = Arc::default();
        let data = web::Data::new(seen.clone());
        let server = HttpServer::new(move || {
            App::new()
                .app_data(data.clone())
                .route("/hooks/{n}", web::post().to(hook))
        })
        .workers(1)
        .bind("127.0.0.1:0")?;
        let addr = server
            .addrs()
            .first()
            .copied()
            .ok_or_else(|| anyhow::anyhow!("receiver bound to nothing"))?;
        tokio::spawn(server.run());
        Ok(Receiver { addr, seen })
    }

    /// Distinct deliveries received.
    pub async fn count(&self) -> usize {
        self.seen.lock().await.deliveries.len()
    }

    /// Deliveries that arrived more than once.
    pub async fn duplicates(&self) -> usize {
        self.seen
            .lock()
            .await
            .deliveries
            .values()
            .filter(|n| **n > 1)
            .count()
    }

    /// Milliseconds from each mutation's answer to each arrival of its event.
    pub async fn latencies(&self, posted: &HashMap<String, Instant>) -> Vec<f64> {
        let seen = self.seen.lock().await;
        posted
            .iter()
            .flat_map(|(subject, done)| {
                seen.arrivals
                    .get(subject)
                    .into_iter()
                    .flatten()
                    .map(move |at| at.saturating_duration_since(*done).as_secs_f64() * 1000.0)
            })
            .collect()
    }
}
