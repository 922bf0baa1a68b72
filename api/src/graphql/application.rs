//! Applications of knowledge at work as the API shows them, with their confirmations and
//! summaries, and the mutations that report and confirm them.

use super::{
    article::KnowledgeArticle,
    community::Community,
    connection::{listing_connection, PageArgs, PraxisConnection},
    context,
    error::{payload, GqlResult},
    loaders::Loaders,
    node::{expect_global_id, global_id, NodeKind},
    organization::Organization,
    person::Person,
    problem::Problem,
};
use crate::service::{
    self,
    application::{format_minor, BusinessUnitCount, NewApplication},
    page::PageRequest,
};
use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, NaiveDate, Utc};
use entity::{application, application_confirmation};

/// An amount of money.
#[derive(SimpleObject, Debug, Clone)]
pub struct Money {
    /// A plain decimal with two decimals, like "1250.50".
    pub amount: String,
    /// ISO 4217 currency code, like "EUR".
    pub currency: String,
}

impl Money {
    pub fn new(minor: i64, currency: &str) -> Self {
        Self {
            amount: format_minor(minor),
            currency: currency.to_owned(),
        }
    }
}

/// An application row, as the API shows it.
pub struct Application(pub application::Model);

async fn load_person(ctx: &Context<'_>, id: uuid::Uuid) -> async_graphql::Result<Option<Person>> {
    Person::load(ctx, id).await
}

async fn load_organization(
    ctx: &Context<'_>,
    id: uuid::Uuid,
) -> async_graphql::Result<Option<Organization>> {
    Organization::load(ctx, id).await
}

/// A member's report of applying an article, or a solved problem's solution, at work.
#[Object]
impl Application {
    /// Globally unique, opaque identifier.
    pub async fn id(&self) -> ID {
        global_id(NodeKind::Application, self.0.id)
    }

    /// The community.
    async fn community(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Community>> {
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders
            .community(self.0.community_id)
            .await
            .gql()?
            .map(Community))
    }

    /// The solved problem whose solution was applied (when it was not an article).
    async fn problem(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Problem>> {
        let loaders = ctx.data::<Loaders>()?;
        match self.0.problem_id {
            Some(id) => Ok(loaders.problem(id).await.gql()?.map(Problem)),
            None => Ok(None),
        }
    }

    /// The article applied; null when a problem's solution was applied.
    async fn article(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<KnowledgeArticle>> {
        let Some(id) = self.0.article_id else {
            return Ok(None);
        };
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders.article(id).await.gql()?.map(KnowledgeArticle))
    }

    /// What was done.
    async fn what_was_done(&self) -> &str {
        &self.0.what_was_done
    }

    /// The business unit where it was applied.
    async fn business_unit(&self) -> &str {
        &self.0.business_unit
    }

    /// How it turned out.
    async fn outcome(&self) -> &str {
        &self.0.outcome
    }

    /// The day it was applied.
    async fn applied_on(&self) -> NaiveDate {
        self.0.applied_on
    }

    /// Hours saved, to the hundredth.
    async fn hours_saved(&self) -> Option<f64> {
        self.0.hours_saved_centis.map(|c| c as f64 / 100.0)
    }

    /// Money saved.
    async fn cost_saved(&self) -> Option<Money> {
        match (self.0.cost_saved_minor, &self.0.cost_currency) {
            (Some(minor), Some(currency)) => Some(Money::new(minor, currency)),
            _ => None,
        }
    }

    /// Effect on quality.
    async fn quality_note(&self) -> Option<&str> {
        self.0.quality_note.as_deref()
    }

    /// Risks seen.
    async fn risk_note(&self) -> Option<&str> {
        self.0.risk_note.as_deref()
    }

    /// Who reported it.
    async fn person(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Person>> {
        load_person(ctx, self.0.person_id).await
    }

    /// The reporter's organization.
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        load_organization(ctx, self.0.organization_id).await
    }

    /// When it was reported.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// How many others confirmed they applied it too.
    async fn confirmation_count(&self) -> i32 {
        self.0.confirmation_count
    }

    /// Confirmations by others, oldest first.
    #[graphql(complexity = "PageRequest::size_hint(first, last) * child_complexity")]
    async fn confirmations(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Returns items before this cursor.")] before: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<ApplicationConfirmation>> {
        let (_, viewer) = context::request(ctx)?;
        let listing = service::application::confirmations(viewer, self.0.id);
        let args = PageArgs {
            first,
            after,
            last,
            before,
        };
        listing_connection(ctx, listing, args, |c| c.id, ApplicationConfirmation).await
    }

    /// Whether the viewer confirmed it.
    async fn viewer_confirmed(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders
            .viewer_confirmation(self.0.id)
            .await
            .gql()?
            .is_some())
    }
}

/// A confirmation row, as the API shows it.
pub struct ApplicationConfirmation(pub application_confirmation::Model);

/// Another member confirming they applied the same knowledge too.
#[Object]
impl ApplicationConfirmation {
    /// Who confirmed.
    async fn person(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Person>> {
        load_person(ctx, self.0.person_id).await
    }

    /// Their organization.
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        load_organization(ctx, self.0.organization_id).await
    }

    /// The business unit where they applied it, if they said.
    async fn business_unit(&self) -> Option<&str> {
        self.0.business_unit.as_deref()
    }

    /// What they add.
    async fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }

    /// When they confirmed.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

/// What an article's applications add up to, over those the viewer may see.
pub struct ApplicationSummary(pub service::application::ApplicationSummary);

/// How often, where and to what effect an article was applied.
#[Object]
impl ApplicationSummary {
    /// Reported applications.
    async fn application_count(&self) -> i64 {
        self.0.applications
    }

    /// Confirmations of those applications.
    async fn confirmation_count(&self) -> i64 {
        self.0.confirmations
    }

    /// Organizations that reported or confirmed an application.
    async fn organization_count(&self) -> i64 {
        self.0.organization_count
    }

    /// Applications and confirmations per organization and business unit, most first.
    async fn by_business_unit(&self) -> Vec<BusinessUnitApplications> {
        self.0
            .by_business_unit
            .iter()
            .cloned()
            .map(BusinessUnitApplications)
            .collect()
    }

    /// Total hours saved, to the hundredth.
    async fn hours_saved(&self) -> f64 {
        self.0.hours_saved_centis as f64 / 100.0
    }

    /// Total money saved, per currency.
    async fn cost_saved(&self) -> Vec<Money> {
        self.0
            .money
            .iter()
            .map(|m| Money::new(m.minor, &m.currency))
            .collect()
    }
}

/// Applications (and confirmations) of one organization's business unit.
pub struct BusinessUnitApplications(BusinessUnitCount);

/// How often one business unit of an organization applied an article.
#[Object]
impl BusinessUnitApplications {
    /// The organization.
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        load_organization(ctx, self.0.organization_id).await
    }

    /// The business unit; null for confirmations that named none.
    async fn business_unit(&self) -> Option<&str> {
        self.0.business_unit.as_deref()
    }

    /// Applications and confirmations counted.
    async fn count(&self) -> i64 {
        self.0.count
    }
}

/// Money as input.
#[derive(InputObject)]
pub struct MoneyInput {
    /// A plain decimal: more than 0, at most two decimals, at most 1000000000000.
    pub amount: String,
    /// ISO 4217 currency code: three uppercase letters.
    pub currency: String,
}

/// Input of `reportApplication`: name exactly one of `articleId` and `problemId`.
#[derive(InputObject)]
pub struct ReportApplicationInput {
    /// Global id of a PUBLISHED article.
    pub article_id: Option<ID>,
    /// Global id of a SOLVED problem whose solution was applied.
    pub problem_id: Option<ID>,
    /// What was done (Markdown).
    pub what_was_done: String,
    /// The business unit where it was applied (one line, at most 200 characters).
    pub business_unit: String,
    /// How it turned out (at most 2,000 characters).
    pub outcome: String,
    /// The day it was applied; left out, today (UTC). Not in the future.
    pub applied_on: Option<NaiveDate>,
    /// Hours saved: more than 0, at most 100000 (kept to the hundredth).
    pub hours_saved: Option<f64>,
    /// Money saved.
    pub cost_saved: Option<MoneyInput>,
    /// Effect on quality.
    pub quality_note: Option<String>,
    /// Risks seen.
    pub risk_note: Option<String>,
}

/// Input of `confirmApplication`.
#[derive(InputObject)]
pub struct ConfirmApplicationInput {
    /// Global id of the application.
    pub application_id: ID,
    /// The business unit where the viewer applied it too.
    pub business_unit: Option<String>,
    /// What the viewer adds.
    pub note: Option<String>,
}

payload!(
    /// Result of reporting or confirming an application.
    ApplicationPayload { application: Application }
);

#[derive(Default)]
pub struct ApplicationMutation;

#[Object]
impl ApplicationMutation {
    /// Reports applying a PUBLISHED article or a SOLVED problem's solution. ACTIVE members.
    async fn report_application(
        &self,
        ctx: &Context<'_>,
        input: ReportApplicationInput,
    ) -> async_graphql::Result<ApplicationPayload> {
        let (db, viewer) = context::request(ctx)?;
        let new = NewApplication {
            article_id: input
                .article_id
                .map(|id| expect_global_id(&id, NodeKind::KnowledgeArticle))
                .transpose()?,
            problem_id: input
                .problem_id
                .map(|id| expect_global_id(&id, NodeKind::Problem))
                .transpose()?,
            what_was_done: input.what_was_done,
            business_unit: input.business_unit,
            outcome: input.outcome,
            applied_on: input.applied_on,
            hours_saved: input.hours_saved,
            cost_saved: input.cost_saved.map(|m| (m.amount, m.currency)),
            quality_note: input.quality_note,
            risk_note: input.risk_note,
        };
        ApplicationPayload::from_result(
            service::application::report(db, viewer, new).await,
            Application,
        )
    }

    /// Confirms the viewer applied it too. ACTIVE members other than the reporter, once.
    async fn confirm_application(
        &self,
        ctx: &Context<'_>,
        input: ConfirmApplicationInput,
    ) -> async_graphql::Result<ApplicationPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.application_id, NodeKind::Application)?;
        ApplicationPayload::from_result(
            service::application::confirm(db, viewer, id, input.business_unit, input.note).await,
            Application,
        )
    }
}
