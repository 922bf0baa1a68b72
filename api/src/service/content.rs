//! What every piece of community content is checked against: titles, Markdown bodies, short
//! notes and tags. Markdown is stored as written; clients render it (see the README on doing
//! that safely). Control characters other than tab and newlines are refused, so stored text
//! never carries markers of its own into search snippets.

use super::slug::Slug;
use crate::error::{ServiceError, ServiceResult};
use sea_orm::{
    sea_query::{Alias, Expr, ExprTrait, Func},
    Condition, EntityTrait, IntoSimpleExpr,
};
use serde_json::json;
use std::collections::BTreeSet;

/// Longest title of a problem or article.
pub const MAX_TITLE: usize = 200;
/// Longest Markdown body of a problem, idea or article.
pub const MAX_BODY: usize = 50_000;
/// Longest short text (business unit, outcome note, change note).
pub const MAX_NOTE: usize = 2_000;
/// Most tags on one item.
pub const MAX_TAGS: usize = 20;

pub(crate) fn check_characters(field: &str, value: &str) -> ServiceResult<()> {
    if value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(ServiceError::invalid(
            field,
            "must not contain control characters",
        ));
    }
    Ok(())
}

/// Trimmed text of `min..=max` characters.
pub fn parse_text(field: &str, value: &str, min: usize, max: usize) -> ServiceResult<String> {
    let value = value.trim();
    check_characters(field, value)?;
    let length = value.chars().count();
    if length < min {
        return Err(ServiceError::invalid(
            field,
            if min == 1 {
                "must not be blank".to_owned()
            } else {
                format!("must be at least {min} characters")
            },
        ));
    }
    if length > max {
        return Err(ServiceError::invalid(
            field,
            format!("must be at most {max} characters"),
        ));
    }
    Ok(value.to_owned())
}

/// A one-line title: 3 to 200 characters, no line breaks.
pub fn parse_title(field: &str, value: &str) -> ServiceResult<String> {
    let title = parse_text(field, value, 3, MAX_TITLE)?;
    if title.contains(['\n', '\r']) {
        return Err(ServiceError::invalid(field, "must be one line"));
    }
    Ok(title)
}

/// A Markdown body: 1 to 50,000 characters.
pub fn parse_body(field: &str, value: &str) -> ServiceResult<String> {
    parse_text(field, value, 1, MAX_BODY)
}

/// An optional short note: blank means none.
pub fn parse_note(field: &str, value: Option<&str>) -> ServiceResult<Option<String>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(value) => parse_text(field, value, 1, MAX_NOTE).map(Some),
    }
}

/// Tags: at most 20, each a slug (lowercase letters, digits, single hyphens), deduplicated
/// and sorted; stored as a JSON array.
pub fn parse_tags(tags: &[String]) -> ServiceResult<serde_json::Value> {
    if tags.len() > MAX_TAGS {
        return Err(ServiceError::invalid(
            "tags",
            format!("at most {MAX_TAGS} tags"),
        ));
    }
    let mut parsed = BTreeSet::new();
    for (index, tag) in tags.iter().enumerate() {
        let tag = Slug::parse("tags", tag).map_err(|_| ServiceError::Invalid {
            field: vec!["tags".to_owned(), index.to_string()],
            message: "a tag is 2-40 lowercase letters, digits or single hyphens".to_owned(),
        })?;
        parsed.insert(tag.as_str().to_owned());
    }
    Ok(json!(parsed.into_iter().collect::<Vec<_>>()))
}

/// Rows whose JSON tag array (`column`) holds every one of `tags`.
pub fn has_tags<E: EntityTrait>(
    column: E::Column,
    field: &str,
    tags: &[String],
) -> ServiceResult<Condition> {
    if tags.len() > MAX_TAGS {
        return Err(ServiceError::invalid(
            field,
            format!("at most {MAX_TAGS} tags"),
        ));
    }
    let mut condition = Condition::all();
    for tag in tags {
        // Tags are slugs (no quotes, `%` or `_`), so the quoted tag is an exact match.
        let tag = Slug::parse(field, tag)?;
        condition = condition.add(
            Expr::expr(Func::cast_as(column.into_simple_expr(), Alias::new("TEXT")))
                .like(format!("%\"{}\"%", tag.as_str())),
        );
    }
    Ok(condition)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_text_is_checked() {
        assert_eq!(
            parse_title("title", "  Flaky builds ").ok().as_deref(),
            Some("Flaky builds")
        );
        assert!(parse_title("title", "ab").is_err());
        assert!(parse_title("title", "two\nlines").is_err());
        assert!(parse_body("body", "   ").is_err());
        assert!(parse_body("body", "has a \u{2} marker").is_err());
        assert!(parse_body("body", "# Heading\n\n- tab\there").is_ok());
        assert!(parse_body("body", &"x".repeat(MAX_BODY + 1)).is_err());
        assert_eq!(parse_note("note", Some("  ")).ok(), Some(None));
        assert_eq!(
            parse_tags(&["rust".into(), "ci".into(), "rust".into()]).ok(),
            Some(json!(["ci", "rust"]))
        );
        assert!(parse_tags(&["Not A Slug".into()]).is_err());
    }
}
