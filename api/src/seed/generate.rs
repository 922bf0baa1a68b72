//! Seeded generation: runs repeat with the same seed.

use chrono::{DateTime, Utc};
use rand::{rngs::StdRng, Rng};
use uuid::Uuid;

/// A UUID v7 for `at`, its random part from the seeded generator (so runs repeat).
pub fn uuid_at(rng: &mut StdRng, at: DateTime<Utc>) -> Uuid {
    let millis = u64::try_from(at.timestamp_millis()).unwrap_or(0);
    let random: [u8; 10] = rng.random();
    uuid::Builder::from_unix_timestamp_millis(millis, &random).into_uuid()
}

/// An index below `len` drawn with weight `1 / (i + 1)^exponent` (Zipf-like: a few
/// large, a long tail of small).
pub fn skewed(rng: &mut StdRng, len: usize, exponent: f64) -> usize {
    let total: f64 = (1..=len).map(|i| 1.0 / (i as f64).powf(exponent)).sum();
    let mut x = rng.random::<f64>() * total;
    for i in 0..len {
        x -= 1.0 / ((i + 1) as f64).powf(exponent);
        if x <= 0.0 {
            return i;
        }
    }
    len.saturating_sub(1)
}

pub const COMPANY_WORDS: &[&str] = &[
    "Northwind",
    "Contoso",
    "Fabrikam",
    "Tailspin",
    "Litware",
    "Adatum",
    "Proseware",
    "Wingtip",
    "Woodgrove",
    "Lucerne",
    "Alpine",
    "Humongous",
    "Coho",
    "Margie",
    "Trey",
    "Wide",
    "Blue",
    "Graphic",
    "Southridge",
    "Fourth",
    "Relecloud",
    "Consolidated",
];
