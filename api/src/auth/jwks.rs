//! JWKS documents fetched from identity providers, cached per URL, refetched when the cache
//! is old or when a token names a `kid` the cached set lacks (a provider rotated its keys).

use super::AuthFailure;
use jsonwebtoken::{
    jwk::{AlgorithmParameters, EllipticCurve, Jwk, JwkSet, PublicKeyUse},
    Algorithm, DecodingKey,
};
use std::{
    collections::HashMap,
    str::FromStr,
    sync::Arc,
    time::{Duration, Instant},
};
use tokio::sync::Mutex;

/// A verification key taken from a JWKS.
#[derive(Clone)]
pub struct JwksKey {
    pub kid: Option<String>,
    pub algorithm: Algorithm,
    pub key: DecodingKey,
}

struct CachedSet {
    keys: Arc<Vec<JwksKey>>,
    fetched_at: Instant,
}

/// Shared by every request of a process.
pub struct JwksCache {
    client: reqwest::Client,
    ttl: Duration,
    min_refresh: Duration,
    allow_loopback_http: bool,
    sets: Mutex<HashMap<String, CachedSet>>,
}

impl JwksCache {
    pub fn new(ttl: Duration, min_refresh: Duration, allow_loopback_http: bool) -> Self {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .connect_timeout(Duration::from_secs(3))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_default();
        Self {
            client,
            ttl,
            min_refresh,
            allow_loopback_http,
            sets: Mutex::new(HashMap::new()),
        }
    }

    /// Whether a JWKS URL is acceptable: https, or http on a loopback host when allowed.
    pub fn check_url(url: &str, allow_loopback_http: bool) -> Result<(), String> {
        let parsed = url::Url::parse(url).map_err(|e| format!("not a URL: {e}"))?;
        match parsed.scheme() {
            "https" => Ok(()),
            "http" if allow_loopback_http && is_loopback(&parsed) => Ok(()),
            "http" => Err("a JWKS URL must use https".to_owned()),
            other => Err(format!("unsupported JWKS URL scheme {other:?}")),
        }
    }

    /// The keys published at `url` that may have signed a token with header `kid`.
    pub async fn keys(&self, url: &str, kid: Option<&str>) -> Result<Vec<JwksKey>, AuthFailure> {
        if Self::check_url(url, self.allow_loopback_http).is_err() {
            tracing::warn!(url, "refusing JWKS URL");
            return Err(AuthFailure::KeysUnavailable);
        }
        // One lock for all URLs: fetches are rare, and it keeps a burst of requests with a new
        // kid from fetching the same document many times.
        let mut sets = self.sets.lock().await;
        let now = Instant::now();
        let refetch = match sets.get(url) {
            None => true,
            Some(set) => {
                let age = now.duration_since(set.fetched_at);
                let kid_missing =
                    kid.is_some_and(|kid| !set.keys.iter().any(|k| k.kid.as_deref() == Some(kid)));
                age >= self.ttl || (kid_missing && age >= self.min_refresh)
            }
        };
        if refetch {
            match self.fetch(url).await {
                Ok(keys) => {
                    sets.insert(
                        url.to_owned(),
                        CachedSet {
                            keys: Arc::new(keys),
                            fetched_at: now,
                        },
                    );
                }
                Err(reason) => {
                    tracing::warn!(url, %reason, "fetching JWKS failed");
                    // A stale set is better than none while the provider is unreachable.
                    if !sets.contains_key(url) {
                        return Err(AuthFailure::KeysUnavailable);
                    }
                }
            }
        }
        let Some(set) = sets.get(url) else {
            return Err(AuthFailure::KeysUnavailable);
        };
        Ok(set
            .keys
            .iter()
            .filter(|k| kid.is_none() || k.kid.as_deref() == kid)
            .cloned()
            .collect())
    }

    async fn fetch(&self, url: &str) -> Result<Vec<JwksKey>, String> {
        let response = self
            .client
            .get(url)
            .send()
            .await
            .map_err(|e| e.to_string())?
            .error_for_status()
            .map_err(|e| e.to_string())?;
        let set: JwkSet = response.json().await.map_err(|e| e.to_string())?;
        Ok(set.keys.iter().filter_map(usable_key).collect())
    }
}

fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(domain)) => domain == "localhost",
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// A JWK usable for signature verification, with the algorithm it pins: the `alg` it
/// declares, or the one its key type implies.
fn usable_key(jwk: &Jwk) -> Option<JwksKey> {
    if matches!(jwk.common.public_key_use, Some(PublicKeyUse::Encryption)) {
        return None;
    }
    let algorithm = match jwk.common.key_algorithm {
        Some(alg) => Algorithm::from_str(&alg.to_string()).ok()?,
        None => match &jwk.algorithm {
            AlgorithmParameters::RSA(_) => Algorithm::RS256,
            AlgorithmParameters::EllipticCurve(ec) => match ec.curve {
                EllipticCurve::P256 => Algorithm::ES256,
                EllipticCurve::P384 => Algorithm::ES384,
                _ => return None,
            },
            AlgorithmParameters::OctetKeyPair(_) => Algorithm::EdDSA,
            // Shared secrets never come from a public document.
            _ => return None,
        },
    };
    if matches!(
        algorithm,
        Algorithm::HS256 | Algorithm::HS384 | Algorithm::HS512
    ) {
        return None;
    }
    let key = DecodingKey::from_jwk(jwk).ok()?;
    Some(JwksKey {
        kid: jwk.common.key_id.clone(),
        algorithm,
        key,
    })
}
