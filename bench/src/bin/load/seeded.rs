//! The world behind a database: seeded now (through `api::seed::scale`, as `praxis seed
//! --scale` does), or regenerated in memory for a database this benchmark seeded before (a
//! record per database URL, in `seeded.json` of the work directory, keeps scale, seed and day).

use anyhow::{bail, Context};
use api::seed::scale::{self, Generated, Scale};
use chrono::{DateTime, Utc};
use rand::{rngs::StdRng, SeedableRng};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};
use serde::{Deserialize, Serialize};
use std::{collections::BTreeMap, path::Path, time::Instant};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Record {
    pub scale: f64,
    pub seed: u64,
    pub today: DateTime<Utc>,
    /// Seconds the seeding took (generation and writing).
    pub seconds: f64,
}

pub struct World {
    pub generated: Generated,
    pub record: Record,
    pub reused: bool,
}

fn read_records(path: &Path) -> anyhow::Result<BTreeMap<String, Record>> {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            serde_json::from_str(&text).with_context(|| format!("reading {}", path.display()))
        }
        Err(_) => Ok(BTreeMap::new()),
    }
}

pub async fn seed_or_reuse(
    db: &DatabaseConnection,
    url: &str,
    scale: Scale,
    seed: u64,
    records: &Path,
) -> anyhow::Result<World> {
    let mut all = read_records(records)?;
    let organizations = entity::organization::Entity::find().count(db).await?;
    if organizations > 0 {
        let Some(record) = all.get(url).cloned() else {
            bail!(
                "{} holds data this benchmark did not seed (no record in {}): give an empty database",
                api::db::redact(url),
                records.display()
            );
        };
        if record.scale != scale.value() || record.seed != seed {
            bail!(
                "{} was seeded at scale {} with seed {}, not scale {} seed {seed}",
                api::db::redact(url),
                record.scale,
                record.seed,
                scale.value()
            );
        }
        let mut rng = StdRng::seed_from_u64(seed);
        let generated = Generated::new(scale, record.today, &mut rng);
        return Ok(World {
            generated,
            record,
            reused: true,
        });
    }
    let today = scale::today();
    let started = Instant::now();
    let seeded = scale::seed(db, url, scale, seed, today).await?;
    for (table, rows) in &seeded.counts {
        println!("  {table:<26} {rows:>10}");
    }
    println!(
        "  generated in {:.1} s, written in {:.1} s",
        seeded.generate_seconds, seeded.write_seconds
    );
    let record = Record {
        scale: scale.value(),
        seed,
        today,
        seconds: started.elapsed().as_secs_f64(),
    };
    all.insert(url.to_owned(), record.clone());
    std::fs::write(records, serde_json::to_string_pretty(&all)?)
        .with_context(|| format!("writing {}", records.display()))?;
    Ok(World {
        generated: seeded.generated,
        record,
        reused: false,
    })
}
