//! Verification keys as stored: an algorithm name and the material (HS* secret or public PEM).

use jsonwebtoken::{Algorithm, AlgorithmFamily, DecodingKey};
use std::str::FromStr;

/// Shortest HMAC secret accepted (RFC 7518 §3.2: at least the hash size).
pub const HMAC_MIN_SECRET_BYTES: usize = 32;

/// Parses a JWS algorithm name; `none` and unknown names are refused.
pub fn parse_algorithm(name: &str) -> Result<Algorithm, String> {
    Algorithm::from_str(name).map_err(|_| {
        format!(
            "unsupported algorithm {name:?}: use HS256, HS384, HS512, RS256, RS384, RS512, \
             PS256, PS384, PS512, ES256, ES384 or EdDSA"
        )
    })
}

/// Builds the key that verifies tokens of `algorithm` from stored material.
pub fn decoding_key(algorithm: Algorithm, material: &str) -> Result<DecodingKey, String> {
    let pem = material.as_bytes();
    let key = match algorithm.family() {
        AlgorithmFamily::Hmac => {
            if material.len() < HMAC_MIN_SECRET_BYTES {
                return Err(format!(
                    "an HMAC secret must be at least {HMAC_MIN_SECRET_BYTES} bytes"
                ));
            }
            Ok(DecodingKey::from_secret(pem))
        }
        AlgorithmFamily::Rsa => DecodingKey::from_rsa_pem(pem),
        AlgorithmFamily::Ec => DecodingKey::from_ec_pem(pem),
        AlgorithmFamily::Ed => DecodingKey::from_ed_pem(pem),
    };
    key.map_err(|_| format!("the key is not a valid {algorithm:?} public key in PEM form"))
}
