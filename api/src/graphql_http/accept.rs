//! `Accept` negotiation: which media type a client prefers among those we offer.

use actix_web::{http::header, HttpRequest};

const GRAPHQL_RESPONSE_JSON: &str = "application/graphql-response+json; charset=utf-8";
const JSON: &str = "application/json; charset=utf-8";

/// What a response may be encoded as, in the server's order of preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MediaType {
    /// `application/json`: every GraphQL response is a 200.
    Json,
    /// `application/graphql-response+json`: request errors are 400s.
    GraphQLResponse,
    /// `text/html`: the GraphiQL page (GET only).
    Html,
}

impl MediaType {
    fn essence(self) -> (&'static str, &'static str) {
        match self {
            Self::Json => ("application", "json"),
            Self::GraphQLResponse => ("application", "graphql-response+json"),
            Self::Html => ("text", "html"),
        }
    }

    pub(super) fn content_type(self) -> &'static str {
        match self {
            Self::GraphQLResponse => GRAPHQL_RESPONSE_JSON,
            Self::Json | Self::Html => JSON,
        }
    }
}

/// One media range of an `Accept` header.
pub(super) struct MediaRange {
    kind: String,
    subtype: String,
    quality: f32,
}

impl MediaRange {
    /// How closely the range names `offer`: 2 exactly, 1 by `type/*`, 0 by `*/*`.
    fn specificity(&self, offer: MediaType) -> Option<u8> {
        let (kind, subtype) = offer.essence();
        if self.kind == "*" && self.subtype == "*" {
            Some(0)
        } else if self.kind == kind && self.subtype == "*" {
            Some(1)
        } else if self.kind == kind && self.subtype == subtype {
            Some(2)
        } else {
            None
        }
    }
}

/// The media ranges of the request's `Accept` headers; `None` when there is none, an empty
/// list when what is there cannot be read.
pub(super) fn accept_ranges(req: &HttpRequest) -> Option<Vec<MediaRange>> {
    let mut values = req.headers().get_all(header::ACCEPT).peekable();
    values.peek()?;
    let mut ranges = Vec::new();
    for value in values {
        let Ok(value) = value.to_str() else {
            continue;
        };
        for item in value.split(',') {
            let mut parts = item.split(';');
            let essence = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
            let Some((kind, subtype)) = essence.split_once('/') else {
                continue;
            };
            let mut quality = 1.0;
            for parameter in parts {
                if let Some((name, value)) = parameter.split_once('=') {
                    if name.trim().eq_ignore_ascii_case("q") {
                        quality = value.trim().parse::<f32>().unwrap_or(0.0).clamp(0.0, 1.0);
                    }
                }
            }
            ranges.push(MediaRange {
                kind: kind.trim().to_owned(),
                subtype: subtype.trim().to_owned(),
                quality,
            });
        }
    }
    Some(ranges)
}

/// The offer the client prefers: highest quality, then the most specific range naming it,
/// then the range the client listed first, then the server's order of `offers`.
pub(super) fn negotiate(ranges: &[MediaRange], offers: &[MediaType]) -> Option<MediaType> {
    let mut best: Option<(MediaType, f32, u8, usize)> = None;
    for &offer in offers {
        let matched = ranges
            .iter()
            .enumerate()
            .filter_map(|(position, range)| {
                range
                    .specificity(offer)
                    .map(|specificity| (range.quality, specificity, position))
            })
            .max_by_key(|&(_, specificity, _)| specificity);
        let Some((quality, specificity, position)) = matched else {
            continue;
        };
        if quality <= 0.0 {
            continue;
        }
        let better = match best {
            None => true,
            Some((_, best_quality, best_specificity, best_position)) => {
                quality > best_quality
                    || (quality == best_quality
                        && (specificity > best_specificity
                            || (specificity == best_specificity && position < best_position)))
            }
        };
        if better {
            best = Some((offer, quality, specificity, position));
        }
    }
    best.map(|(offer, ..)| offer)
}

/// The media type of the answer to a GraphQL request, or `None` when the client accepts
/// neither JSON type (406).
pub(super) fn response_media_type(req: &HttpRequest) -> Option<MediaType> {
    match accept_ranges(req) {
        None => Some(MediaType::GraphQLResponse),
        Some(ranges) => negotiate(&ranges, &[MediaType::Json, MediaType::GraphQLResponse]),
    }
}
