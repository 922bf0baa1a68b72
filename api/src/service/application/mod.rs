//! Applications: a member reports applying a PUBLISHED article or a SOLVED problem's solution
//! at work, with measured benefits; other members confirm they applied it too.

mod reading;
mod reporting;

pub use reading::{
    confirmations, find_visible, summary, viewer_confirmations, visible, visible_by_community,
    visible_by_problem, ApplicationFilter, ApplicationSummary, BusinessUnitCount,
};
pub use reporting::{confirm, report, NewApplication};

use crate::{
    error::{ServiceError, ServiceResult},
    events::outbox::{global_id, NewEvent},
};
use entity::{application, enums::DomainEventType};
use rust_decimal::{prelude::ToPrimitive, Decimal};
use serde_json::{json, Value};
use std::str::FromStr;

/// Most hours one application may claim to have saved.
pub const MAX_HOURS_SAVED: f64 = 100_000.0;

/// Hours saved, in hundredths of an hour: more than 0, at most 100,000, rounded to the
/// hundredth.
pub fn parse_hours(field: &str, hours: f64) -> ServiceResult<i64> {
    if !hours.is_finite() || hours <= 0.0 || hours > MAX_HOURS_SAVED {
        return Err(ServiceError::invalid(
            field,
            format!("must be more than 0 and at most {MAX_HOURS_SAVED}"),
        ));
    }
    let centis = (hours * 100.0).round();
    if centis < 1.0 {
        return Err(ServiceError::invalid(
            field,
            "must be at least 0.01 hours once rounded",
        ));
    }
    // In range by the checks above: 1..=10,000,000.
    Ok(centis as i64)
}

/// A money amount in minor units (hundredths) and its ISO 4217 currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Money {
    pub minor: i64,
    pub currency: String,
}

/// The largest amount of money one application may claim, in major units.
const MAX_MONEY: i64 = 1_000_000_000_000;

/// Parses `amount` (a plain decimal: digits, at most two decimals, more than 0, at most 10^12)
/// and `currency` (three uppercase letters). Errors name `field.amount` / `field.currency`.
pub fn parse_money(field: &str, amount: &str, currency: &str) -> ServiceResult<Money> {
    let at = |part: &str, message: &str| ServiceError::Invalid {
        field: vec![field.to_owned(), part.to_owned()],
        message: message.to_owned(),
    };
    let text = amount.trim();
    let plain = !text.is_empty()
        && text.chars().all(|c| c.is_ascii_digit() || c == '.')
        && text.matches('.').count() <= 1
        && text.chars().next().is_some_and(|c| c.is_ascii_digit())
        && text.chars().last().is_some_and(|c| c.is_ascii_digit());
    if !plain {
        return Err(at("amount", "must be a plain decimal number, like 1250.50"));
    }
    let value = Decimal::from_str(text)
        .map_err(|_| at("amount", "must be a plain decimal number, like 1250.50"))?
        .normalize();
    if value.scale() > 2 {
        return Err(at("amount", "must have at most two decimals"));
    }
    if value <= Decimal::ZERO {
        return Err(at("amount", "must be more than 0"));
    }
    if value > Decimal::from(MAX_MONEY) {
        return Err(at("amount", "must be at most 1000000000000"));
    }
    let minor = (value * Decimal::from(100))
        .to_i64()
        .ok_or_else(|| at("amount", "must be at most 1000000000000"))?;
    let currency = currency.trim();
    if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(at(
            "currency",
            "must be an ISO 4217 code: three uppercase letters, like EUR",
        ));
    }
    Ok(Money {
        minor,
        currency: currency.to_owned(),
    })
}

/// An amount in minor units as a plain decimal with two decimals ("1250.50").
pub fn format_minor(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// What an event about an application carries: what was applied, by whom, how it went and
/// its measured benefits, as `Application` shows them to every reader.
pub(crate) fn application_data(applied: &application::Model) -> Value {
    let cost_saved = match (applied.cost_saved_minor, &applied.cost_currency) {
        (Some(minor), Some(currency)) => {
            json!({ "amount": format_minor(minor), "currency": currency })
        }
        _ => Value::Null,
    };
    json!({
        "id": global_id("Application", applied.id),
        "articleId": applied.article_id.map(|id| global_id("KnowledgeArticle", id)),
        "problemId": applied.problem_id.map(|id| global_id("Problem", id)),
        "personId": global_id("Person", applied.person_id),
        "organizationId": global_id("Organization", applied.organization_id),
        "businessUnit": applied.business_unit,
        "outcome": applied.outcome,
        "appliedOn": applied.applied_on,
        "hoursSaved": applied.hours_saved_centis.map(|centis| centis as f64 / 100.0),
        "costSaved": cost_saved,
        "confirmationCount": applied.confirmation_count,
    })
}

/// A community event about an application, carrying [`application_data`].
fn application_event(event_type: DomainEventType, applied: &application::Model) -> NewEvent {
    NewEvent::community(event_type, applied.community_id, "Application", applied.id)
        .data(application_data(applied))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_stored_in_hundredths() {
        assert_eq!(parse_hours("hoursSaved", 1.5).ok(), Some(150));
        assert_eq!(parse_hours("hoursSaved", 0.126).ok(), Some(13));
        assert_eq!(parse_hours("hoursSaved", 100_000.0).ok(), Some(10_000_000));
        for bad in [0.0, -1.0, 0.004, 100_000.01, f64::NAN, f64::INFINITY] {
            assert!(parse_hours("hoursSaved", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn money_is_a_plain_decimal_with_a_currency() {
        let ok = |amount: &str| {
            parse_money("costSaved", amount, "EUR")
                .ok()
                .map(|m| m.minor)
        };
        assert_eq!(ok("1250.50"), Some(125_050));
        assert_eq!(ok("1250.5"), Some(125_050));
        assert_eq!(ok(" 7 "), Some(700));
        assert_eq!(ok("0.01"), Some(1));
        assert_eq!(ok("2.500"), Some(250));
        assert_eq!(ok("1000000000000"), Some(100_000_000_000_000));
        for bad in [
            "",
            "0",
            "0.00",
            "-5",
            "+5",
            "1.234",
            "1e3",
            "1,000",
            "1_000",
            ".5",
            "5.",
            "1.2.3",
            "1000000000000.01",
            "abc",
        ] {
            assert!(parse_money("costSaved", bad, "EUR").is_err(), "{bad:?}");
        }
        for bad in ["eur", "EU", "EURO", "E1R", ""] {
            let err = parse_money("costSaved", "5", bad).err();
            assert!(
                matches!(&err, Some(ServiceError::Invalid { field, .. }) if field == &["costSaved", "currency"]),
                "{bad:?}"
            );
        }
        assert_eq!(format_minor(125_050), "1250.50");
        assert_eq!(format_minor(7), "0.07");
    }
}
