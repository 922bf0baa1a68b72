//! Reading articles, their revisions and authors; diffs between revisions. Everything goes
//! through the policy: a draft is seen by its authors and the community's coordinators only.

use crate::{
    access,
    auth::Viewer,
    error::{ServiceError, ServiceResult},
    service::{
        content::has_tags,
        page::{visible_by_id, Listing},
        siblings::Siblings,
    },
};
use entity::{article_author, article_revision, enums::ArticleState, knowledge_article};
use sea_orm::{
    sea_query::Query, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};
use std::collections::HashMap;
use uuid::Uuid;

/// The articles among `ids` the viewer may see.
pub async fn find_visible(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, knowledge_article::Model>> {
    access::require_signed_in(viewer)?;
    visible_by_id::<knowledge_article::Entity, _>(
        db,
        access::visible_articles(viewer),
        knowledge_article::Column::Id,
        ids,
        |a| a.id,
    )
    .await
}

/// Which visible articles to list.
#[derive(Debug, Clone, Default)]
pub struct ArticleFilter {
    pub community_id: Option<Uuid>,
    pub source_problem_id: Option<Uuid>,
    /// Any of these states (all when empty).
    pub states: Vec<ArticleState>,
    /// All of these tags.
    pub tags: Vec<String>,
    /// Only articles with an author of this organization.
    pub author_organization_id: Option<Uuid>,
}

/// The order of an article list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ArticleOrder {
    #[default]
    Newest,
    Oldest,
    /// Most applications first, then newest.
    MostApplied,
}

fn filtered(viewer: &Viewer, filter: &ArticleFilter) -> ServiceResult<Condition> {
    let mut condition = Condition::all().add(access::visible_articles(viewer));
    if let Some(community) = filter.community_id {
        condition = condition.add(knowledge_article::Column::CommunityId.eq(community));
    }
    if let Some(problem) = filter.source_problem_id {
        condition = condition.add(knowledge_article::Column::SourceProblemId.eq(problem));
    }
    if !filter.states.is_empty() {
        condition =
            condition.add(knowledge_article::Column::State.is_in(filter.states.iter().copied()));
    }
    if !filter.tags.is_empty() {
        condition = condition.add(has_tags::<knowledge_article::Entity>(
            knowledge_article::Column::Tags,
            "tags",
            &filter.tags,
        )?);
    }
    if let Some(organization) = filter.author_organization_id {
        condition = condition.add(
            knowledge_article::Column::Id.in_subquery(
                Query::select()
                    .column(article_author::Column::ArticleId)
                    .from(article_author::Entity)
                    .and_where(article_author::Column::OrganizationId.eq(organization))
                    .to_owned(),
            ),
        );
    }
    Ok(condition)
}

/// The articles the viewer may see, in `order`.
pub fn visible(
    viewer: &Viewer,
    filter: &ArticleFilter,
    order: ArticleOrder,
) -> ServiceResult<Listing<knowledge_article::Entity>> {
    access::require_signed_in(viewer)?;
    let select = knowledge_article::Entity::find().filter(filtered(viewer, filter)?);
    let key = knowledge_article::Column::Id;
    Ok(match order {
        ArticleOrder::Newest => Listing::newest_first(select, key),
        ArticleOrder::Oldest => Listing::oldest_first(select, key),
        ArticleOrder::MostApplied => Listing::newest_first(select, key)
            .ranked_by(knowledge_article::Column::ApplicationCount, true),
    })
}

/// The articles of many communities, each community's as `visible` lists them with
/// `filter.community_id` set to it.
pub fn visible_by_community(
    viewer: &Viewer,
    filter: &ArticleFilter,
    order: ArticleOrder,
) -> ServiceResult<Siblings<Listing<knowledge_article::Entity>>> {
    let filter = ArticleFilter {
        community_id: None,
        ..filter.clone()
    };
    let listing = visible(viewer, &filter, order)?;
    Ok(Siblings::new(
        listing,
        knowledge_article::Column::CommunityId,
    ))
}

/// The articles written from many problems, each problem's as `visible` lists them with
/// `filter.source_problem_id` set to it.
pub fn visible_by_source_problem(
    viewer: &Viewer,
    filter: &ArticleFilter,
    order: ArticleOrder,
) -> ServiceResult<Siblings<Listing<knowledge_article::Entity>>> {
    let filter = ArticleFilter {
        source_problem_id: None,
        ..filter.clone()
    };
    let listing = visible(viewer, &filter, order)?;
    Ok(Siblings::new(
        listing,
        knowledge_article::Column::SourceProblemId,
    ))
}

/// The revisions of an article the viewer may see, oldest (number 1) first.
pub fn revisions(
    viewer: &Viewer,
    article_id: Uuid,
) -> ServiceResult<Listing<article_revision::Entity>> {
    access::require_signed_in(viewer)?;
    Ok(Listing::oldest_first(
        article_revision::Entity::find()
            .filter(access::visible_article_revisions(viewer))
            .filter(article_revision::Column::ArticleId.eq(article_id)),
        article_revision::Column::Id,
    ))
}

/// Revision `number` of an article, if the viewer may see the article and it exists.
pub async fn revision(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    article_id: Uuid,
    number: i32,
) -> ServiceResult<Option<article_revision::Model>> {
    access::require_signed_in(viewer)?;
    Ok(article_revision::Entity::find()
        .filter(access::visible_article_revisions(viewer))
        .filter(article_revision::Column::ArticleId.eq(article_id))
        .filter(article_revision::Column::Number.eq(number))
        .one(db)
        .await?)
}

/// The authors of each of `article_ids` the viewer may see, in the order they were added.
pub async fn authors_of(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    article_ids: &[Uuid],
) -> ServiceResult<HashMap<Uuid, Vec<article_author::Model>>> {
    access::require_signed_in(viewer)?;
    let mut grouped: HashMap<Uuid, Vec<article_author::Model>> = HashMap::new();
    for author in article_author::Entity::find()
        .filter(access::visible_article_authors(viewer))
        .filter(article_author::Column::ArticleId.is_in(article_ids.iter().copied()))
        .order_by_asc(article_author::Column::Id)
        .all(db)
        .await?
    {
        grouped.entry(author.article_id).or_default().push(author);
    }
    Ok(grouped)
}

/// A revision as the text a diff compares: title, tags, then the body.
fn diffable(revision: &article_revision::Model) -> String {
    format!(
        "# {}\n\nTags: {}\n\n{}\n",
        revision.title,
        revision.tag_list().join(", "),
        revision.body.trim_end()
    )
}

/// A unified diff (3 lines of context) turning `old` into `new`; empty when they read the same.
pub fn unified_diff(old: &article_revision::Model, new: &article_revision::Model) -> String {
    let (old_text, new_text) = (diffable(old), diffable(new));
    similar::TextDiff::from_lines(&old_text, &new_text)
        .unified_diff()
        .context_radius(3)
        .header(
            &format!("revision {}", old.number),
            &format!("revision {}", new.number),
        )
        .to_string()
}

/// The diff from revision `against` (default: the one before) to `revision`. Empty for the
/// first revision when `against` is left out.
pub async fn diff(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    revision: &article_revision::Model,
    against: Option<i32>,
) -> ServiceResult<String> {
    let against = match against {
        Some(number) => number,
        None if revision.number <= 1 => return Ok(String::new()),
        None => revision.number - 1,
    };
    let old = self::revision(db, viewer, revision.article_id, against)
        .await?
        .ok_or_else(|| ServiceError::invalid("against", "no such revision of this article"))?;
    Ok(unified_diff(&old, revision))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    fn revision(number: i32, title: &str, body: &str, tags: &[&str]) -> article_revision::Model {
        article_revision::Model {
            id: Uuid::now_v7(),
            article_id: Uuid::nil(),
            number,
            title: title.into(),
            body: body.into(),
            tags: serde_json::json!(tags),
            state: ArticleState::Draft,
            author_person_id: Uuid::nil(),
            author_organization_id: Uuid::nil(),
            note: String::new(),
            created_at: Utc::now(),
        }
    }

    #[test]
    fn diffs_show_title_tags_and_body_changes() {
        let one = revision(1, "Flaky builds", "Pin it.\nRetry once.", &["ci"]);
        let two = revision(
            2,
            "Flaky CI builds",
            "Pin it.\nRetry twice.",
            &["ci", "rust"],
        );
        let diff = unified_diff(&one, &two);
        assert!(
            diff.starts_with("--- revision 1\n+++ revision 2\n@@ "),
            "{diff}"
        );
        for line in [
            "-# Flaky builds",
            "+# Flaky CI builds",
            "-Tags: ci",
            "+Tags: ci, rust",
            " Pin it.",
            "-Retry once.",
            "+Retry twice.",
        ] {
            assert!(
                diff.lines().any(|l| l == line),
                "{line:?} missing in\n{diff}"
            );
        }
        assert_eq!(
            unified_diff(
                &one,
                &revision(3, "Flaky builds", "Pin it.\nRetry once.\n", &["ci"])
            ),
            ""
        );
    }
}
