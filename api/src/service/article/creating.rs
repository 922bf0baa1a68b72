//! Creating articles: a blank page, or one written from a solved problem (its title, its
//! text followed by the accepted solution, its tags). The creator is the first author; the
//! text is revision 1; the search index follows in the same transaction.

use super::{active_membership, index, revision_row, writer};
use crate::{
    access,
    auth::Viewer,
    error::{ServiceError, ServiceResult},
    service::{
        content::{parse_body, parse_tags, parse_title},
        participation::visible_community,
    },
};
use chrono::Utc;
use entity::{
    article_author,
    enums::{ArticleState, ProblemState},
    idea, knowledge_article, problem,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use std::collections::HashSet;
use uuid::Uuid;

/// Most co-authors named when creating an article.
pub const MAX_CO_AUTHORS: usize = 10;

/// What a new article starts from.
#[derive(Debug, Clone, Default)]
pub struct NewArticle {
    /// Required unless `from_problem_id` is given (then it must be the problem's, if given).
    pub community_id: Option<Uuid>,
    /// A SOLVED problem whose title, text, accepted solution and tags fill what is left out.
    pub from_problem_id: Option<Uuid>,
    pub title: Option<String>,
    pub body: Option<String>,
    /// Left out: the problem's tags (none for a blank page).
    pub tags: Option<Vec<String>>,
    pub co_author_ids: Vec<Uuid>,
}

/// The problem's text followed by its accepted solution.
fn body_from_problem(problem: &problem::Model, accepted: &[idea::Model]) -> String {
    let mut body = problem.body.trim_end().to_owned();
    body.push_str("\n\n## Solution\n");
    for idea in accepted {
        body.push('\n');
        body.push_str(idea.body.trim_end());
        body.push('\n');
    }
    body
}

/// The SOLVED problem an article is written from, with its accepted ideas.
async fn solved_problem(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    id: Uuid,
) -> ServiceResult<(problem::Model, Vec<idea::Model>)> {
    let problem = problem::Entity::find_by_id(id)
        .filter(access::visible_problems(viewer))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if problem.state != ProblemState::Solved {
        return Err(ServiceError::invalid(
            "fromProblemId",
            "only a SOLVED problem becomes an article",
        ));
    }
    let accepted = idea::Entity::find()
        .filter(idea::Column::ProblemId.eq(problem.id))
        .filter(idea::Column::AcceptedAt.is_not_null())
        .order_by_asc(idea::Column::AcceptedAt)
        .order_by_asc(idea::Column::Id)
        .all(db)
        .await?;
    Ok((problem, accepted))
}

/// Creates a DRAFT article (revision 1); the viewer is its first author, `co_author_ids` the
/// others. Members of the community only.
pub async fn create(
    db: &DatabaseConnection,
    viewer: &Viewer,
    input: NewArticle,
) -> ServiceResult<knowledge_article::Model> {
    let me = writer(viewer)?;
    if input.co_author_ids.len() > MAX_CO_AUTHORS {
        return Err(ServiceError::invalid(
            "coAuthorIds",
            format!("at most {MAX_CO_AUTHORS} co-authors"),
        ));
    }
    let given_tags = input.tags.as_deref().map(parse_tags).transpose()?;
    let txn = crate::db::begin_write(db).await?;
    let source = match input.from_problem_id {
        Some(id) => Some(solved_problem(&txn, viewer, id).await?),
        None => None,
    };
    let community_id = match (&source, input.community_id) {
        (Some((problem, _)), Some(id)) if problem.community_id != id => {
            return Err(ServiceError::invalid(
                "fromProblemId",
                "the problem belongs to another community",
            ))
        }
        (Some((problem, _)), _) => problem.community_id,
        (None, Some(id)) => id,
        (None, None) => {
            return Err(ServiceError::invalid(
                "communityId",
                "name the community, or the problem the article is written from",
            ))
        }
    };
    let community = visible_community(&txn, viewer, community_id).await?;
    access::require_active_member(&txn, viewer, &community).await?;
    let (title, body, tags) = match &source {
        Some((problem, accepted)) => (
            parse_title("title", input.title.as_deref().unwrap_or(&problem.title))?,
            match input.body.as_deref() {
                Some(body) => parse_body("body", body)?,
                None => parse_body("body", &body_from_problem(problem, accepted))?,
            },
            given_tags.unwrap_or_else(|| problem.tags.clone()),
        ),
        None => (
            parse_title("title", input.title.as_deref().unwrap_or_default())?,
            parse_body("body", input.body.as_deref().unwrap_or_default())?,
            given_tags.unwrap_or_else(|| serde_json::json!([])),
        ),
    };
    let mut co_authors = Vec::new();
    let mut seen = HashSet::from([me.person_id]);
    for (index, person_id) in input.co_author_ids.iter().copied().enumerate() {
        if !seen.insert(person_id) {
            continue;
        }
        let membership = active_membership(&txn, community.id, person_id)
            .await?
            .ok_or_else(|| ServiceError::Invalid {
                field: vec!["coAuthorIds".to_owned(), index.to_string()],
                message: "co-authors must be active members of the community".to_owned(),
            })?;
        co_authors.push(membership);
    }
    let now = Utc::now();
    let article = knowledge_article::ActiveModel {
        id: Set(Uuid::now_v7()),
        community_id: Set(community.id),
        source_problem_id: Set(source.as_ref().map(|(p, _)| p.id)),
        title: Set(title),
        body: Set(body),
        tags: Set(tags),
        state: Set(ArticleState::Draft),
        revision: Set(1),
        application_count: Set(0),
        created_by_person_id: Set(me.person_id),
        created_by_organization_id: Set(me.organization_id),
        created_at: Set(now),
        updated_at: Set(now),
        published_at: Set(None),
    }
    .insert(&txn)
    .await?;
    let note = if source.is_some() {
        "created from a solved problem"
    } else {
        "created"
    };
    revision_row(&article, 1, me, note.to_owned(), now)
        .insert(&txn)
        .await?;
    let authors = std::iter::once((me.person_id, me.organization_id))
        .chain(co_authors.iter().map(|m| (m.person_id, m.organization_id)));
    for (person_id, organization_id) in authors {
        article_author::ActiveModel {
            id: Set(Uuid::now_v7()),
            article_id: Set(article.id),
            person_id: Set(person_id),
            organization_id: Set(organization_id),
            added_by_person_id: Set(me.person_id),
            created_at: Set(now),
        }
        .insert(&txn)
        .await?;
    }
    index(&txn, &article).await?;
    txn.commit().await?;
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_from_a_problem_carries_its_solution() {
        let now = Utc::now();
        let problem = problem::Model {
            id: Uuid::now_v7(),
            community_id: Uuid::now_v7(),
            author_person_id: Uuid::now_v7(),
            author_organization_id: Uuid::now_v7(),
            title: "Flaky builds".into(),
            body: "Builds fail at random.\n".into(),
            tags: serde_json::json!(["ci"]),
            urgency: entity::enums::Urgency::Normal,
            state: ProblemState::Solved,
            state_rank: 1,
            idea_count: 2,
            follower_count: 1,
            created_at: now,
            updated_at: now,
            solved_at: Some(now),
            time_to_solution_seconds: Some(60),
            closed_at: None,
        };
        let idea = |body: &str| idea::Model {
            id: Uuid::now_v7(),
            problem_id: problem.id,
            community_id: problem.community_id,
            parent_idea_id: None,
            author_person_id: Uuid::now_v7(),
            author_organization_id: Uuid::now_v7(),
            body: body.into(),
            endorsement_count: 0,
            reply_count: 0,
            revision: 1,
            accepted_at: Some(now),
            accepted_by_person_id: None,
            created_at: now,
            edited_at: None,
        };
        let body = body_from_problem(&problem, &[idea("Pin the toolchain."), idea("Retry once.")]);
        assert_eq!(
            body,
            "Builds fail at random.\n\n## Solution\n\nPin the toolchain.\n\nRetry once.\n"
        );
    }
}
