//! Slugs: the short, URL-safe names of organizations (and, later, communities).

use crate::error::ServiceError;
use std::fmt;

/// A validated slug: 2 to 40 characters of lowercase ASCII letters, digits and single
/// hyphens, starting with a letter and not ending with a hyphen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slug(String);

impl Slug {
    pub fn parse(field: &str, value: &str) -> Result<Self, ServiceError> {
        let value = value.trim();
        let valid_chars = value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        let ok = (2..=40).contains(&value.len())
            && valid_chars
            && value.starts_with(|c: char| c.is_ascii_lowercase())
            && !value.ends_with('-')
            && !value.contains("--");
        if ok {
            Ok(Self(value.to_owned()))
        } else {
            Err(ServiceError::invalid(
                field,
                "must be 2-40 lowercase letters, digits or single hyphens, starting with a letter",
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A trimmed, non-empty display name of at most `max` characters, without control characters
/// (PostgreSQL cannot store NUL; SQLite would store it silently).
pub fn parse_name(field: &str, value: &str, max: usize) -> Result<String, ServiceError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(ServiceError::invalid(field, "must not be blank"));
    }
    super::content::check_characters(field, value)?;
    if value.chars().count() > max {
        return Err(ServiceError::invalid(
            field,
            format!("must be at most {max} characters"),
        ));
    }
    Ok(value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_follow_the_rules() {
        for good in ["acme", "globex-corp", "a1", "initech-2"] {
            assert!(Slug::parse("slug", good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "a",
            "Acme",
            "1acme",
            "acme-",
            "ac--me",
            "acme corp",
            "ac_me",
            "émile",
        ] {
            assert!(Slug::parse("slug", bad).is_err(), "{bad}");
        }
        assert!(Slug::parse("slug", &"a".repeat(41)).is_err());
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(
            parse_name("name", "  Acme  ", 10).ok().as_deref(),
            Some("Acme")
        );
        assert!(parse_name("name", "   ", 10).is_err());
        assert!(parse_name("name", "abcdefghijk", 10).is_err());
    }
}
