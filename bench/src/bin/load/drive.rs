//! C concurrent clients over one keep-alive HTTP client, each drawing requests from the mix
//! until the count or the duration runs out; every response is checked.

use crate::{
    mix::{self, Class},
    viewers::LoadViewer,
};
use api::seed::vocabulary::Vocabulary;
use chrono::{DateTime, Utc};
use rand::{rngs::StdRng, Rng, SeedableRng};
use std::{
    collections::BTreeMap,
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc,
    },
    time::{Duration, Instant},
};

pub struct Plan {
    pub url: String,
    pub concurrency: usize,
    pub requests: usize,
    pub duration: Duration,
    pub write_share: f64,
    pub seed: u64,
    pub today: DateTime<Utc>,
}

#[derive(Default)]
pub struct Outcome {
    /// Latencies in ms per class, of the requests that succeeded.
    pub latencies: BTreeMap<Class, Vec<f64>>,
    pub errors: BTreeMap<Class, usize>,
    /// A few failure messages, to print.
    pub samples: Vec<String>,
    pub elapsed: Duration,
}

impl Outcome {
    pub fn requests(&self, class: Class) -> usize {
        self.latencies.get(&class).map_or(0, Vec::len)
            + self.errors.get(&class).copied().unwrap_or(0)
    }

    pub fn total_errors(&self) -> usize {
        self.errors.values().sum()
    }
}

pub async fn run(
    plan: &Plan,
    viewers: Arc<Vec<LoadViewer>>,
    vocabulary: Arc<Vocabulary>,
) -> anyhow::Result<Outcome> {
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(plan.concurrency)
        .timeout(Duration::from_secs(120))
        .build()?;
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let deadline = started + plan.duration;
    let mut tasks = Vec::new();
    for worker in 0..plan.concurrency {
        let client = client.clone();
        let viewers = viewers.clone();
        let vocabulary = vocabulary.clone();
        let next = next.clone();
        let url = format!("{}/graphql", plan.url);
        let (requests, write_share, today) = (plan.requests, plan.write_share, plan.today);
        let mut rng = StdRng::seed_from_u64(plan.seed.wrapping_add(worker as u64));
        tasks.push(tokio::spawn(async move {
            let mut outcome = Outcome::default();
            while next.fetch_add(1, Ordering::SeqCst) < requests && Instant::now() < deadline {
                let viewer = &viewers[rng.random_range(0..viewers.len())];
                let mut class = mix::draw(&mut rng, write_share);
                let mut body = mix::body(class, viewer, &vocabulary, today, &mut rng);
                if body.is_none() {
                    class = Class::Home;
                    body = mix::body(class, viewer, &vocabulary, today, &mut rng);
                }
                let Some(body) = body else { continue };
                let sent = Instant::now();
                let answer = async {
                    let response = client
                        .post(&url)
                        .bearer_auth(&viewer.token)
                        .json(&body)
                        .send()
                        .await
                        .map_err(|e| format!("request: {e}"))?;
                    let status = response.status();
                    let text = response.text().await.map_err(|e| format!("body: {e}"))?;
                    if !status.is_success() {
                        return Err(format!(
                            "HTTP {status}: {}",
                            text.chars().take(300).collect::<String>()
                        ));
                    }
                    let value: serde_json::Value =
                        serde_json::from_str(&text).map_err(|e| format!("JSON: {e}"))?;
                    match mix::failure(class, &value) {
                        Some(failure) => Err(failure.chars().take(300).collect()),
                        None => Ok(()),
                    }
                }
                .await;
                let ms = sent.elapsed().as_secs_f64() * 1000.0;
                match answer {
                    Ok(()) => outcome.latencies.entry(class).or_default().push(ms),
                    Err(message) => {
                        *outcome.errors.entry(class).or_default() += 1;
                        if outcome.samples.len() < 5 {
                            outcome.samples.push(format!("{}: {message}", class.name()));
                        }
                    }
                }
            }
            outcome
        }));
    }
    let mut total = Outcome::default();
    for task in tasks {
        let outcome = task.await?;
        for (class, mut values) in outcome.latencies {
            total
                .latencies
                .entry(class)
                .or_default()
                .append(&mut values);
        }
        for (class, n) in outcome.errors {
            *total.errors.entry(class).or_default() += n;
        }
        total.samples.extend(outcome.samples);
    }
    total.samples.truncate(10);
    total.elapsed = started.elapsed();
    Ok(total)
}
