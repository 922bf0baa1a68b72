//! Reporting an application and confirming one: members of the community only; counters on
//! the article and the application move in the same transaction.

use super::{application_event, parse_hours, parse_money, Money};
use crate::{
    access,
    auth::Viewer,
    error::{is_unique_violation, ServiceError, ServiceResult},
    events::outbox,
    service::{
        content::{parse_body, parse_note, parse_text, MAX_NOTE},
        participation::visible_community,
    },
};
use chrono::{NaiveDate, Utc};
use entity::{
    application, application_confirmation,
    enums::{ArticleState, DomainEventType, ProblemState},
    knowledge_article, problem,
};
use sea_orm::{
    sea_query::{Expr, ExprTrait},
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
};
use uuid::Uuid;

/// Longest business unit name.
const MAX_BUSINESS_UNIT: usize = 200;

/// What a member reports having applied, and how it went.
#[derive(Debug, Clone, Default)]
pub struct NewApplication {
    /// Exactly one of `article_id` (a PUBLISHED article) and `problem_id` (a SOLVED problem).
    pub article_id: Option<Uuid>,
    pub problem_id: Option<Uuid>,
    pub what_was_done: String,
    pub business_unit: String,
    pub outcome: String,
    /// Left out: today (UTC). Never in the future.
    pub applied_on: Option<NaiveDate>,
    pub hours_saved: Option<f64>,
    /// Amount (a plain decimal string) and ISO 4217 currency.
    pub cost_saved: Option<(String, String)>,
    pub quality_note: Option<String>,
    pub risk_note: Option<String>,
}

/// What an application is of.
#[derive(Debug, Clone, Copy)]
enum Applied {
    Article(Uuid),
    Problem(Uuid),
}

fn parse_business_unit(field: &str, value: &str) -> ServiceResult<String> {
    let unit = parse_text(field, value, 1, MAX_BUSINESS_UNIT)?;
    if unit.contains(['\n', '\r']) {
        return Err(ServiceError::invalid(field, "must be one line"));
    }
    Ok(unit)
}

/// Reports applying an article or a solved problem's solution. ACTIVE members only.
pub async fn report(
    db: &DatabaseConnection,
    viewer: &Viewer,
    input: NewApplication,
) -> ServiceResult<application::Model> {
    let me = access::require_person(viewer)?;
    let target = match (input.article_id, input.problem_id) {
        (Some(id), None) => Applied::Article(id),
        (None, Some(id)) => Applied::Problem(id),
        _ => {
            return Err(ServiceError::invalid(
                "articleId",
                "name exactly one of articleId and problemId",
            ))
        }
    };
    let what_was_done = parse_body("whatWasDone", &input.what_was_done)?;
    let business_unit = parse_business_unit("businessUnit", &input.business_unit)?;
    let outcome = parse_text("outcome", &input.outcome, 1, MAX_NOTE)?;
    let quality_note = parse_note("qualityNote", input.quality_note.as_deref())?;
    let risk_note = parse_note("riskNote", input.risk_note.as_deref())?;
    let today = Utc::now().date_naive();
    let applied_on = input.applied_on.unwrap_or(today);
    if applied_on > today {
        return Err(ServiceError::invalid(
            "appliedOn",
            "must not be in the future",
        ));
    }
    let hours = input
        .hours_saved
        .map(|h| parse_hours("hoursSaved", h))
        .transpose()?;
    let money = input
        .cost_saved
        .as_ref()
        .map(|(amount, currency)| parse_money("costSaved", amount, currency))
        .transpose()?;
    let txn = crate::db::begin_write(db).await?;
    let community_id = match target {
        Applied::Article(id) => {
            let article = knowledge_article::Entity::find_by_id(id)
                .filter(access::visible_articles(viewer))
                .one(&txn)
                .await?
                .ok_or(ServiceError::NotFound)?;
            if article.state != ArticleState::Published {
                return Err(ServiceError::invalid(
                    "articleId",
                    "only a PUBLISHED article can be applied",
                ));
            }
            article.community_id
        }
        Applied::Problem(id) => {
            let problem = problem::Entity::find_by_id(id)
                .filter(access::visible_problems(viewer))
                .one(&txn)
                .await?
                .ok_or(ServiceError::NotFound)?;
            if problem.state != ProblemState::Solved {
                return Err(ServiceError::invalid(
                    "problemId",
                    "only a SOLVED problem's solution can be applied",
                ));
            }
            problem.community_id
        }
    };
    let community = visible_community(&txn, viewer, community_id).await?;
    access::require_active_member(&txn, viewer, &community).await?;
    let (cost_saved_minor, cost_currency) = match money {
        Some(Money { minor, currency }) => (Some(minor), Some(currency)),
        None => (None, None),
    };
    let created = application::ActiveModel {
        id: Set(Uuid::now_v7()),
        community_id: Set(community.id),
        article_id: Set(input.article_id),
        problem_id: Set(input.problem_id),
        person_id: Set(me.person_id),
        organization_id: Set(me.organization_id),
        business_unit: Set(business_unit),
        what_was_done: Set(what_was_done),
        outcome: Set(outcome),
        hours_saved_centis: Set(hours),
        cost_saved_minor: Set(cost_saved_minor),
        cost_currency: Set(cost_currency),
        quality_note: Set(quality_note),
        risk_note: Set(risk_note),
        applied_on: Set(applied_on),
        confirmation_count: Set(0),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    if let Applied::Article(article_id) = target {
        knowledge_article::Entity::update_many()
            .col_expr(
                knowledge_article::Column::ApplicationCount,
                Expr::col(knowledge_article::Column::ApplicationCount).add(1),
            )
            .filter(knowledge_article::Column::Id.eq(article_id))
            .exec(&txn)
            .await?;
    }
    let told = application_event(DomainEventType::ApplicationReported, &created);
    outbox::record(&txn, viewer, vec![told]).await?;
    txn.commit().await?;
    Ok(created)
}

/// Confirms that the viewer applied the same knowledge too: ACTIVE members other than the
/// reporter, once per person.
pub async fn confirm(
    db: &DatabaseConnection,
    viewer: &Viewer,
    application_id: Uuid,
    business_unit: Option<String>,
    note: Option<String>,
) -> ServiceResult<application::Model> {
    let me = access::require_person(viewer)?;
    let business_unit = match business_unit.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(unit) => Some(parse_business_unit("businessUnit", unit)?),
    };
    let note = parse_note("note", note.as_deref())?;
    let txn = crate::db::begin_write(db).await?;
    let mut applied = application::Entity::find_by_id(application_id)
        .filter(access::visible_applications(viewer))
        .one(&txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let community = visible_community(&txn, viewer, applied.community_id).await?;
    access::require_active_member(&txn, viewer, &community).await?;
    if applied.person_id == me.person_id {
        return Err(ServiceError::invalid(
            "applicationId",
            "the reporter cannot confirm their own application",
        ));
    }
    let already = || ServiceError::conflict("applicationId", "already confirmed");
    let exists = application_confirmation::Entity::find()
        .filter(application_confirmation::Column::ApplicationId.eq(application_id))
        .filter(application_confirmation::Column::PersonId.eq(me.person_id))
        .one(&txn)
        .await?
        .is_some();
    if exists {
        return Err(already());
    }
    application_confirmation::ActiveModel {
        id: Set(Uuid::now_v7()),
        application_id: Set(application_id),
        person_id: Set(me.person_id),
        organization_id: Set(me.organization_id),
        business_unit: Set(business_unit),
        note: Set(note),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            already()
        } else {
            e.into()
        }
    })?;
    application::Entity::update_many()
        .col_expr(
            application::Column::ConfirmationCount,
            Expr::col(application::Column::ConfirmationCount).add(1),
        )
        .filter(application::Column::Id.eq(application_id))
        .exec(&txn)
        .await?;
    applied.confirmation_count += 1;
    let told = application_event(DomainEventType::ApplicationConfirmed, &applied);
    outbox::record(&txn, viewer, vec![told]).await?;
    txn.commit().await?;
    Ok(applied)
}
