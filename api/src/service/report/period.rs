//! The period of a report: whole UTC days, both ends included.

use crate::error::{ServiceError, ServiceResult};
use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};

/// The longest period a report covers, in days.
pub const MAX_PERIOD_DAYS: i64 = 1_100;

/// `[from 00:00Z, to+1 00:00Z)`, validated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// A period from `from` to `to`, both included. `from` after `to`, or more than
    /// [`MAX_PERIOD_DAYS`] days, is invalid.
    pub fn new(from: NaiveDate, to: NaiveDate) -> ServiceResult<Self> {
        if from > to {
            return Err(ServiceError::invalid("period", "from must not be after to"));
        }
        let days = (to - from).num_days() + 1;
        if days > MAX_PERIOD_DAYS {
            return Err(ServiceError::invalid(
                "period",
                format!("a period covers at most {MAX_PERIOD_DAYS} days"),
            ));
        }
        if to.checked_add_days(Days::new(1)).is_none() {
            return Err(ServiceError::invalid("period", "to is out of range"));
        }
        Ok(Self { from, to })
    }

    /// The first instant of the period.
    pub fn start(&self) -> DateTime<Utc> {
        self.from.and_time(chrono::NaiveTime::MIN).and_utc()
    }

    /// The first instant after the period.
    pub fn end(&self) -> DateTime<Utc> {
        // Checked in `new`: `to + 1` exists.
        let next = self.to.checked_add_days(Days::new(1)).unwrap_or(self.to);
        next.and_time(chrono::NaiveTime::MIN).and_utc()
    }

    /// The first day of every UTC month the period touches, in order.
    pub fn months(&self) -> Vec<NaiveDate> {
        let mut months = Vec::new();
        let mut month = self.from.with_day(1);
        while let Some(first) = month {
            if first > self.to {
                break;
            }
            months.push(first);
            month = first.checked_add_months(chrono::Months::new(1));
        }
        months
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn both_days_are_included() {
        let p = Period::new(day("2026-01-01"), day("2026-01-31")).unwrap();
        assert_eq!(p.start().to_rfc3339(), "2026-01-01T00:00:00+00:00");
        assert_eq!(p.end().to_rfc3339(), "2026-02-01T00:00:00+00:00");
        assert_eq!(p.months(), vec![day("2026-01-01")]);
    }

    #[test]
    fn reversed_and_overlong_periods_are_refused() {
        assert!(Period::new(day("2026-02-01"), day("2026-01-31")).is_err());
        assert!(Period::new(day("2026-01-01"), day("2029-01-04")).is_ok());
        assert!(Period::new(day("2026-01-01"), day("2029-01-05")).is_err());
    }

    #[test]
    fn months_span_the_period() {
        let p = Period::new(day("2026-01-15"), day("2026-03-01")).unwrap();
        assert_eq!(
            p.months(),
            vec![day("2026-01-01"), day("2026-02-01"), day("2026-03-01")]
        );
    }
}
