//! Checking event input: texts, kind and format with their join URL and place, local times
//! in an IANA time zone, capacity.

use crate::{
    error::{ServiceError, ServiceResult},
    service::content::{parse_text, parse_title, MAX_BODY},
};
use chrono::{DateTime, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use entity::enums::EventFormat;

/// Longest span of one event.
pub const MAX_DURATION_DAYS: i64 = 14;
/// Largest capacity.
pub const MAX_CAPACITY: i32 = 100_000;
/// Longest join URL and place.
pub const MAX_URL: usize = 2_000;
pub const MAX_PLACE: usize = 500;

pub fn title(value: &str) -> ServiceResult<String> {
    parse_title("title", value)
}

/// A Markdown description, possibly empty.
pub fn description(value: &str) -> ServiceResult<String> {
    parse_text("description", value, 0, MAX_BODY)
}

/// An IANA time zone name.
pub fn zone(field: &str, value: &str) -> ServiceResult<Tz> {
    value
        .trim()
        .parse::<Tz>()
        .map_err(|_| ServiceError::invalid(field, "not a time zone of the IANA database"))
}

/// A local date-time `YYYY-MM-DDTHH:MM` (seconds optional).
pub fn local(field: &str, value: &str) -> ServiceResult<NaiveDateTime> {
    let value = value.trim();
    NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| ServiceError::invalid(field, "a local date-time is YYYY-MM-DDTHH:MM"))
}

/// The instant of a local time in a zone: a skipped time is refused, a repeated one takes
/// the earlier instant.
pub fn instant(field: &str, zone: Tz, local: NaiveDateTime) -> ServiceResult<DateTime<Utc>> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(earlier, later) => Ok(earlier.min(later).with_timezone(&Utc)),
        LocalResult::None => Err(ServiceError::invalid(
            field,
            format!(
                "{local} does not exist in {} (skipped by a daylight saving change)",
                zone.name()
            ),
        )),
    }
}

/// The local wall time of an instant in a zone, as the API shows it.
pub fn local_text(zone: &str, at: DateTime<Utc>) -> String {
    match zone.parse::<Tz>() {
        Ok(tz) => at
            .with_timezone(&tz)
            .format("%Y-%m-%dT%H:%M:%S")
            .to_string(),
        Err(_) => at.format("%Y-%m-%dT%H:%M:%S").to_string(),
    }
}

/// Start and end in a zone: the start not after the end, at most 14 days apart.
pub fn span(
    zone: Tz,
    start: NaiveDateTime,
    end: NaiveDateTime,
) -> ServiceResult<(DateTime<Utc>, DateTime<Utc>)> {
    let starts_at = instant("start", zone, start)?;
    let ends_at = instant("end", zone, end)?;
    if starts_at > ends_at {
        return Err(ServiceError::invalid(
            "end",
            "the end must not be before the start",
        ));
    }
    if ends_at - starts_at > chrono::Duration::days(MAX_DURATION_DAYS) {
        return Err(ServiceError::invalid(
            "end",
            format!("an event lasts at most {MAX_DURATION_DAYS} days"),
        ));
    }
    Ok((starts_at, ends_at))
}

/// An `https://` or `http://` URL; blank means none.
pub fn join_url(value: Option<&str>) -> ServiceResult<Option<String>> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if value.chars().count() > MAX_URL {
        return Err(ServiceError::invalid(
            "joinUrl",
            format!("must be at most {MAX_URL} characters"),
        ));
    }
    match url::Url::parse(value) {
        Ok(url) if matches!(url.scheme(), "https" | "http") && url.host().is_some() => {
            Ok(Some(value.to_owned()))
        }
        _ => Err(ServiceError::invalid(
            "joinUrl",
            "must be an https:// (or http://) URL",
        )),
    }
}

/// A place in plain text, one line; blank means none.
pub fn place(value: Option<&str>) -> ServiceResult<Option<String>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(value) => {
            let place = parse_text("place", value, 1, MAX_PLACE)?;
            if place.contains(['\n', '\r']) {
                return Err(ServiceError::invalid("place", "must be one line"));
            }
            Ok(Some(place))
        }
    }
}

pub fn capacity(value: Option<i32>) -> ServiceResult<Option<i32>> {
    match value {
        Some(n) if !(1..=MAX_CAPACITY).contains(&n) => Err(ServiceError::invalid(
            "capacity",
            format!("must be between 1 and {MAX_CAPACITY}"),
        )),
        other => Ok(other),
    }
}

/// ONLINE needs a join URL, IN_PERSON a place, HYBRID both.
pub fn format_fits(
    format: EventFormat,
    join_url: Option<&str>,
    place: Option<&str>,
) -> ServiceResult<()> {
    let needs_url = matches!(format, EventFormat::Online | EventFormat::Hybrid);
    let needs_place = matches!(format, EventFormat::InPerson | EventFormat::Hybrid);
    if needs_url && join_url.is_none() {
        return Err(ServiceError::invalid(
            "joinUrl",
            "an ONLINE or HYBRID event needs a join URL",
        ));
    }
    if needs_place && place.is_none() {
        return Err(ServiceError::invalid(
            "place",
            "an IN_PERSON or HYBRID event needs a place",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_follow_the_zone() {
        let berlin: Tz = "Europe/Berlin".parse().unwrap_or(Tz::UTC);
        let gap = local("start", "2027-03-28T02:30").unwrap_or_default();
        assert!(instant("start", berlin, gap).is_err());
        let repeated = local("start", "2027-10-31T02:30").unwrap_or_default();
        let at = instant("start", berlin, repeated).ok();
        assert_eq!(
            at.map(|t| t.to_rfc3339()),
            Some("2027-10-31T00:30:00+00:00".into())
        );
        assert!(zone("timeZone", "Mars/Olympus").is_err());
        assert!(join_url(Some("ftp://x.example")).is_err());
        assert!(capacity(Some(0)).is_err());
        assert!(capacity(Some(100_001)).is_err());
    }
}
