//! Value reports: a community's, an organization's (with what it gave and got), and a
//! business unit's.

use super::{
    application::{Application, Money},
    community::Community,
    enums::MemberRole,
    organization::Organization,
    report::ReportPeriod,
};
use crate::service::report::value::{
    Gave as GaveFigures, Got as GotFigures, OrganizationValueReport as OrganizationReport,
    ValueFigures as Figures, ValueReport as Report,
};
use async_graphql::{Context, MergedObject, Object};
use uuid::Uuid;

/// ACTIVE memberships of one organization and role.
pub struct MemberCount {
    organization_id: Uuid,
    role: entity::enums::MemberRole,
    count: i64,
}

/// ACTIVE memberships, joined before the period's end, of one organization and role.
#[Object]
impl MemberCount {
    /// The organization.
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        Organization::load(ctx, self.organization_id).await
    }

    /// The role.
    async fn role(&self) -> MemberRole {
        self.role.into()
    }

    /// How many.
    async fn count(&self) -> i64 {
        self.count
    }
}

fn money(money: &std::collections::BTreeMap<String, i64>) -> Vec<Money> {
    money
        .iter()
        .map(|(currency, minor)| Money::new(*minor, currency))
        .collect()
}

/// The figures of a value report.
pub struct ValueFigures(pub Figures);

/// What a scope added up to over a period (`docs/CULTURE.md`, "Value").
#[Object]
impl ValueFigures {
    /// ACTIVE memberships that joined before the period's end, by organization and role.
    async fn active_members(&self) -> Vec<MemberCount> {
        self.0
            .active_members
            .iter()
            .map(|((organization_id, role), count)| MemberCount {
                organization_id: *organization_id,
                role: *role,
                count: *count,
            })
            .collect()
    }

    /// Distinct people who posted a problem, an idea, an article revision, an application
    /// or a confirmation in the period.
    async fn contributors(&self) -> i64 {
        i64::try_from(self.0.contributors.len()).unwrap_or(i64::MAX)
    }

    /// Problems created in the period.
    async fn problems_posted(&self) -> i64 {
        self.0.problems_posted
    }

    /// Problems solved in the period.
    async fn problems_solved(&self) -> i64 {
        self.0.problems_solved
    }

    /// Median `timeToSolutionSeconds` of the problems solved in the period.
    async fn median_time_to_solution_seconds(&self) -> Option<i64> {
        self.0.median_time_to_solution_seconds()
    }

    /// Visible articles first published in the period.
    async fn articles_published(&self) -> i64 {
        self.0.articles_published
    }

    /// Article revisions created in the period.
    async fn article_revisions(&self) -> i64 {
        self.0.article_revisions
    }

    /// Applications whose `appliedOn` is in the period.
    async fn applications_reported(&self) -> i64 {
        self.0.applications_reported
    }

    /// Confirmations created in the period.
    async fn applications_confirmed(&self) -> i64 {
        self.0.applications_confirmed
    }

    /// Hours saved by the applications reported, to the hundredth.
    async fn hours_saved(&self) -> f64 {
        self.0.hours_saved_centis as f64 / 100.0
    }

    /// Money saved by the applications reported, per currency.
    async fn money_saved(&self) -> Vec<Money> {
        money(&self.0.money)
    }

    /// SCHEDULED events starting in the period.
    async fn events_held(&self) -> i64 {
        self.0.events_held()
    }

    /// FAMILIAR events held.
    async fn familiar_events(&self) -> i64 {
        self.0.familiar_events
    }

    /// EXCITING events held.
    async fn exciting_events(&self) -> i64 {
        self.0.exciting_events
    }

    /// Check-ins to the events held.
    async fn attendances(&self) -> i64 {
        self.0.attendances
    }
}

/// The applications behind a value report.
pub struct ValueStories {
    period: crate::service::report::Period,
    stories: Vec<entity::application::Model>,
    story_count: i64,
}

/// The period and its applications with their outcomes.
#[Object]
impl ValueStories {
    /// The period.
    async fn period(&self) -> ReportPeriod {
        self.period.into()
    }

    /// Applications of the period with their outcomes, newest first (at most 50).
    async fn stories(&self) -> Vec<Application> {
        self.stories.iter().cloned().map(Application).collect()
    }

    /// All applications of the period.
    async fn story_count(&self) -> i64 {
        self.story_count
    }
}

/// A value report: the figures of a community or a business unit over a period, and the
/// stories behind them.
#[derive(MergedObject)]
pub struct ValueReport(ValueFigures, ValueStories);

impl From<Report> for ValueReport {
    fn from(r: Report) -> Self {
        Self(
            ValueFigures(r.figures),
            ValueStories {
                period: r.period,
                stories: r.stories,
                story_count: r.story_count,
            },
        )
    }
}

/// What an organization gave to communities hosted elsewhere, over the period.
pub struct Gave(GaveFigures);

/// Contributions of an organization's people to communities hosted by others.
#[Object]
impl Gave {
    /// Ideas by its people accepted as solutions to other organizations' problems.
    async fn ideas_accepted(&self) -> i64 {
        self.0.ideas_accepted
    }

    /// Articles its people co-authored, first published in the period.
    async fn articles_co_authored(&self) -> i64 {
        self.0.articles_co_authored
    }

    /// SCHEDULED events it hosted.
    async fn events_hosted(&self) -> i64 {
        self.0.events_hosted
    }

    /// Confirmations its people gave to other organizations' applications.
    async fn confirmations_given(&self) -> i64 {
        self.0.confirmations_given
    }
}

/// What an organization got from communities hosted elsewhere, over the period.
pub struct Got(GotFigures);

/// Benefits an organization's people drew from communities hosted by others.
#[Object]
impl Got {
    /// Its people's problems solved by other organizations' ideas.
    async fn problems_solved(&self) -> i64 {
        self.0.problems_solved
    }

    /// Applications its people reported.
    async fn applications_reported(&self) -> i64 {
        self.0.applications_reported
    }

    /// Hours those applications saved, to the hundredth.
    async fn hours_saved(&self) -> f64 {
        self.0.hours_saved_centis as f64 / 100.0
    }

    /// Money those applications saved, per currency.
    async fn money_saved(&self) -> Vec<Money> {
        money(&self.0.money)
    }
}

/// The figures of one community in an organization's report.
pub struct CommunityValue(entity::community::Model, Figures);

/// An organization's figures in one community.
#[Object]
impl CommunityValue {
    /// The community.
    async fn community(&self) -> Community {
        Community(self.0.clone())
    }

    /// The organization's figures there.
    async fn figures(&self) -> ValueFigures {
        ValueFigures(self.1.clone())
    }
}

/// The parts only an organization's report has.
pub struct OrganizationValueParts {
    gave: GaveFigures,
    got: GotFigures,
    by_community: Vec<(entity::community::Model, Figures)>,
}

/// What an organization gave and got, and its figures per community.
#[Object]
impl OrganizationValueParts {
    /// What it gave to communities hosted elsewhere.
    async fn gave(&self) -> Gave {
        Gave(self.gave.clone())
    }

    /// What it got from communities hosted elsewhere.
    async fn got(&self) -> Got {
        Got(self.got.clone())
    }

    /// Its figures per community, by community name.
    async fn by_community(&self) -> Vec<CommunityValue> {
        self.by_community
            .iter()
            .map(|(c, f)| CommunityValue(c.clone(), f.clone()))
            .collect()
    }
}

/// An organization's value report: its people's figures across the communities live for
/// it, what it gave and got, and the figures per community.
#[derive(MergedObject)]
pub struct OrganizationValueReport(ValueFigures, ValueStories, OrganizationValueParts);

impl From<OrganizationReport> for OrganizationValueReport {
    fn from(r: OrganizationReport) -> Self {
        Self(
            ValueFigures(r.report.figures),
            ValueStories {
                period: r.report.period,
                stories: r.report.stories,
                story_count: r.report.story_count,
            },
            OrganizationValueParts {
                gave: r.gave,
                got: r.got,
                by_community: r.by_community,
            },
        )
    }
}
