//! The figures of a value report and its scope: which communities, whose rows, and the
//! conditions that pick a period's applications and events.

use super::Period;
use crate::{access, auth::Viewer};
use entity::{
    application,
    enums::{EventState, MemberRole},
    event, person,
};
use sea_orm::{
    sea_query::{Expr, ExprTrait, Func, Query, SelectStatement, SimpleExpr},
    ColumnTrait, Condition,
};
use std::collections::{BTreeMap, BTreeSet};
use uuid::Uuid;

/// Whose rows a report counts.
#[derive(Debug, Clone)]
pub(super) enum Who {
    /// Everyone's: a community report.
    Anyone,
    /// An organization's people's.
    Organization(Uuid),
    /// The people of one business unit of an organization (`key`: trimmed, lowercased).
    Unit { organization_id: Uuid, key: String },
}

impl Who {
    fn unit_people(organization_id: Uuid, key: &str) -> SelectStatement {
        Query::select()
            .column(person::Column::Id)
            .from(person::Entity)
            .and_where(person::Column::OrganizationId.eq(organization_id))
            .and_where(person::Column::BusinessUnitKey.eq(key))
            .to_owned()
    }

    /// Rows whose person (of organization `org`) is one of whom the report counts.
    pub(super) fn people(&self, person: impl ColumnTrait, org: impl ColumnTrait) -> Condition {
        match self {
            Who::Anyone => Condition::all(),
            Who::Organization(o) => Condition::all().add(org.eq(*o)),
            Who::Unit {
                organization_id,
                key,
            } => Condition::all()
                .add(org.eq(*organization_id))
                .add(person.in_subquery(Self::unit_people(*organization_id, key))),
        }
    }
}

/// The communities a report covers and whose rows it counts.
#[derive(Debug, Clone)]
pub(super) struct Scope {
    /// Ids of the communities.
    pub communities: SelectStatement,
    pub who: Who,
}

/// What one community (or a whole report) adds up to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    /// ACTIVE memberships by organization and role.
    pub active_members: BTreeMap<(Uuid, MemberRole), i64>,
    pub contributors: BTreeSet<Uuid>,
    pub problems_posted: i64,
    pub problems_solved: i64,
    /// `timeToSolutionSeconds` of the problems solved.
    pub solution_seconds: Vec<i64>,
    pub articles_published: i64,
    pub article_revisions: i64,
    pub applications_reported: i64,
    pub applications_confirmed: i64,
    pub hours_saved_centis: i64,
    /// Money saved in minor units, per currency.
    pub money: BTreeMap<String, i64>,
    pub familiar_events: i64,
    pub exciting_events: i64,
    pub attendances: i64,
}

impl Figures {
    pub fn events_held(&self) -> i64 {
        self.familiar_events + self.exciting_events
    }

    /// The median time to solution in whole seconds (the lower of two middles' mean).
    pub fn median_time_to_solution_seconds(&self) -> Option<i64> {
        let mut sorted = self.solution_seconds.clone();
        sorted.sort_unstable();
        let n = sorted.len();
        match n {
            0 => None,
            _ if n % 2 == 1 => Some(sorted[n / 2]),
            _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2),
        }
    }

    pub fn merge(&mut self, other: &Figures) {
        for (key, n) in &other.active_members {
            *self.active_members.entry(*key).or_default() += n;
        }
        self.contributors.extend(other.contributors.iter().copied());
        self.problems_posted += other.problems_posted;
        self.problems_solved += other.problems_solved;
        self.solution_seconds
            .extend(other.solution_seconds.iter().copied());
        self.articles_published += other.articles_published;
        self.article_revisions += other.article_revisions;
        self.applications_reported += other.applications_reported;
        self.applications_confirmed += other.applications_confirmed;
        self.hours_saved_centis += other.hours_saved_centis;
        for (currency, minor) in &other.money {
            *self.money.entry(currency.clone()).or_default() += minor;
        }
        self.familiar_events += other.familiar_events;
        self.exciting_events += other.exciting_events;
        self.attendances += other.attendances;
    }
}

pub(super) fn in_period(column: impl ColumnTrait, period: &Period) -> Condition {
    Condition::all()
        .add(column.gte(period.start()))
        .add(column.lt(period.end()))
}

/// Applications whose `appliedOn` is in the period, within the scope. A business unit's
/// report also counts the applications of its organization that name the unit.
pub(super) fn applications_of(viewer: &Viewer, scope: &Scope, period: &Period) -> Condition {
    let who = match &scope.who {
        Who::Unit {
            organization_id,
            key,
        } => Condition::any()
            .add(scope.who.people(
                application::Column::PersonId,
                application::Column::OrganizationId,
            ))
            .add(
                Condition::all()
                    .add(application::Column::OrganizationId.eq(*organization_id))
                    .add(
                        SimpleExpr::from(Func::lower(Expr::col((
                            application::Entity,
                            application::Column::BusinessUnit,
                        ))))
                        .eq(key.as_str()),
                    ),
            ),
        other => other.people(
            application::Column::PersonId,
            application::Column::OrganizationId,
        ),
    };
    Condition::all()
        .add(access::visible_applications(viewer))
        .add(application::Column::CommunityId.in_subquery(scope.communities.clone()))
        .add(application::Column::AppliedOn.gte(period.from))
        .add(application::Column::AppliedOn.lte(period.to))
        .add(who)
}

/// SCHEDULED events of the scope starting in the period: hosted by the organization, or
/// created by the unit's people.
pub(super) fn events_of(viewer: &Viewer, scope: &Scope, period: &Period) -> Condition {
    let who = match &scope.who {
        Who::Anyone => Condition::all(),
        Who::Organization(o) => Condition::all().add(event::Column::HostOrganizationId.eq(*o)),
        unit => unit.people(
            event::Column::CreatedByPersonId,
            event::Column::HostOrganizationId,
        ),
    };
    Condition::all()
        .add(access::visible_events(viewer))
        .add(event::Column::CommunityId.in_subquery(scope.communities.clone()))
        .add(event::Column::State.eq(EventState::Scheduled))
        .add(in_period(event::Column::StartsAt, period))
        .add(who)
}
