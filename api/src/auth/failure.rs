//! Why a token was refused. Each reason has a stable code for clients; none of them says
//! anything about key material.

/// The reason a request is UNAUTHENTICATED, sent as `extensions.reason`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AuthFailure {
    #[error("this operation needs a bearer token")]
    TokenMissing,
    #[error("the token is not a well-formed JWT")]
    TokenMalformed,
    #[error("the token's algorithm is not allowed for its key")]
    AlgorithmNotAllowed,
    #[error("the token's signature does not verify")]
    SignatureInvalid,
    #[error("the token has expired")]
    TokenExpired,
    #[error("the token is not valid yet")]
    TokenNotYetValid,
    #[error("the token was issued for another audience")]
    AudienceInvalid,
    #[error("the token's issuer is not trusted")]
    IssuerUnknown,
    #[error("the token's key id is not known for its issuer")]
    KeyUnknown,
    #[error("the token lacks a required claim (exp, iss, aud, sub)")]
    ClaimMissing,
    #[error("the token names an organization other than its issuer's")]
    OrganizationMismatch,
    #[error("the token's organization is disabled")]
    OrganizationDisabled,
    #[error("the issuer's keys cannot be fetched right now")]
    KeysUnavailable,
}

impl AuthFailure {
    /// The stable reason code.
    pub fn code(self) -> &'static str {
        match self {
            Self::TokenMissing => "TOKEN_MISSING",
            Self::TokenMalformed => "TOKEN_MALFORMED",
            Self::AlgorithmNotAllowed => "ALGORITHM_NOT_ALLOWED",
            Self::SignatureInvalid => "SIGNATURE_INVALID",
            Self::TokenExpired => "TOKEN_EXPIRED",
            Self::TokenNotYetValid => "TOKEN_NOT_YET_VALID",
            Self::AudienceInvalid => "AUDIENCE_INVALID",
            Self::IssuerUnknown => "ISSUER_UNKNOWN",
            Self::KeyUnknown => "KEY_UNKNOWN",
            Self::ClaimMissing => "CLAIM_MISSING",
            Self::OrganizationMismatch => "ORGANIZATION_MISMATCH",
            Self::OrganizationDisabled => "ORGANIZATION_DISABLED",
            Self::KeysUnavailable => "KEYS_UNAVAILABLE",
        }
    }
}
