//! Reports as long-form CSV: `section,subject,metric,value`, one figure per row, built from
//! the same report structs the GraphQL API shows.

use super::{
    health::CommunityHealth,
    leadership::{CommunityLeadership, OrganizationLeadership},
    rhythm::{Gap, RhythmReport},
    value::{OrganizationValueReport, ValueFigures, ValueReport},
};
use crate::{
    error::{ServiceError, ServiceResult},
    service::application::format_minor,
};
use std::collections::HashMap;
use uuid::Uuid;

/// Organization names by id, for subjects like `Globex / CORE`.
pub type Names = HashMap<Uuid, String>;

/// Rows of a CSV report, in order.
#[derive(Default)]
struct Rows(Vec<[String; 4]>);

impl Rows {
    fn add(&mut self, section: &str, subject: &str, metric: &str, value: impl ToString) {
        self.0.push([
            section.to_owned(),
            subject.to_owned(),
            metric.to_owned(),
            value.to_string(),
        ]);
    }

    fn optional<T: ToString>(&mut self, section: &str, subject: &str, metric: &str, v: Option<T>) {
        self.add(
            section,
            subject,
            metric,
            v.map(|v| v.to_string()).unwrap_or_default(),
        );
    }

    fn gaps(&mut self, gaps: &[Gap]) {
        for gap in gaps {
            let subject = format!("{}/{}", gap.from.to_rfc3339(), gap.to.to_rfc3339());
            self.add("gap", &subject, "days", gap.days);
        }
    }

    fn into_csv(self) -> ServiceResult<String> {
        let mut writer = ::csv::Writer::from_writer(Vec::new());
        let failed = |e: ::csv::Error| ServiceError::Internal(anyhow::Error::new(e).context("csv"));
        writer
            .write_record(["section", "subject", "metric", "value"])
            .map_err(failed)?;
        for row in &self.0 {
            writer.write_record(row).map_err(failed)?;
        }
        let bytes = writer
            .into_inner()
            .map_err(|e| ServiceError::Internal(anyhow::anyhow!("csv: {e}")))?;
        String::from_utf8(bytes).map_err(|e| ServiceError::Internal(anyhow::Error::new(e)))
    }
}

fn name(names: &Names, id: Uuid) -> String {
    names.get(&id).cloned().unwrap_or_else(|| id.to_string())
}

fn hours(centis: i64) -> String {
    format_minor(centis)
}

/// The rhythm report.
pub fn rhythm(report: &RhythmReport) -> ServiceResult<String> {
    let mut rows = Rows::default();
    for m in &report.events_per_month {
        let month = m.month.format("%Y-%m").to_string();
        rows.add("events", &month, "familiar", m.familiar);
        rows.add("events", &month, "exciting", m.exciting);
    }
    let c = &report.community.name;
    rows.add("rhythm", c, "familiarCount", report.familiar_count);
    rows.add("rhythm", c, "excitingCount", report.exciting_count);
    rows.optional("rhythm", c, "excitingShare", report.exciting_share);
    rows.optional("rhythm", c, "attendanceRate", report.attendance_rate);
    rows.add("rhythm", c, "attendees", report.attendees);
    rows.add("rhythm", c, "regulars", report.regulars);
    rows.add("rhythm", c, "newcomers", report.newcomers);
    rows.optional("rhythm", c, "usualIntervalDays", report.usual_interval_days);
    rows.gaps(&report.gaps);
    rows.into_csv()
}

/// A community's leadership.
pub fn community_leadership(report: &CommunityLeadership, names: &Names) -> ServiceResult<String> {
    let mut rows = Rows::default();
    let c = &report.community.name;
    rows.add("leadership", c, "coordinators", report.coordinators.len());
    rows.add("leadership", c, "sponsors", report.sponsors.len());
    rows.add("leadership", c, "coreMembers", report.core_members.len());
    rows.add(
        "leadership",
        c,
        "formalLeaders",
        report.formal_leaders.len(),
    );
    rows.add(
        "leadership",
        c,
        "informalLeaders",
        report.informal_leaders.len(),
    );
    for o in &report.by_organization {
        let org = name(names, o.organization_id);
        rows.add("organization", &org, "members", o.members);
        rows.add("organization", &org, "leaders", o.leaders);
        rows.add("organization", &org, "lacksLeader", o.lacks_leader);
    }
    rows.into_csv()
}

/// An organization's leadership.
pub fn organization_leadership(report: &OrganizationLeadership) -> ServiceResult<String> {
    let mut rows = Rows::default();
    for c in &report.communities {
        let community = &c.community.name;
        rows.add("community", community, "members", c.members);
        for l in &c.leaders {
            let subject = format!(
                "{community} / {} / {}",
                l.role.as_str(),
                l.leadership.as_str()
            );
            rows.add("leaders", &subject, "count", l.count);
        }
        rows.add("community", community, "lacksLeader", c.lacks_leader);
    }
    rows.into_csv()
}

fn figures(rows: &mut Rows, section: &str, subject: &str, f: &ValueFigures, names: &Names) {
    if section == "value" {
        for ((organization, role), n) in &f.active_members {
            let subject = format!("{} / {}", name(names, *organization), role.as_str());
            rows.add("members", &subject, "count", n);
        }
    }
    rows.add(section, subject, "contributors", f.contributors.len());
    rows.add(section, subject, "problemsPosted", f.problems_posted);
    rows.add(section, subject, "problemsSolved", f.problems_solved);
    rows.optional(
        section,
        subject,
        "medianTimeToSolutionSeconds",
        f.median_time_to_solution_seconds(),
    );
    rows.add(section, subject, "articlesPublished", f.articles_published);
    rows.add(section, subject, "articleRevisions", f.article_revisions);
    rows.add(
        section,
        subject,
        "applicationsReported",
        f.applications_reported,
    );
    rows.add(
        section,
        subject,
        "applicationsConfirmed",
        f.applications_confirmed,
    );
    rows.add(section, subject, "hoursSaved", hours(f.hours_saved_centis));
    rows.add(section, subject, "eventsHeld", f.events_held());
    rows.add(section, subject, "familiarEvents", f.familiar_events);
    rows.add(section, subject, "excitingEvents", f.exciting_events);
    rows.add(section, subject, "attendances", f.attendances);
    if section == "value" {
        for (currency, minor) in &f.money {
            rows.add("benefits", currency, "money", format_minor(*minor));
        }
    }
}

fn stories(rows: &mut Rows, report: &ValueReport, names: &Names) {
    rows.add("stories", "all", "storyCount", report.story_count);
    for (n, story) in report.stories.iter().enumerate() {
        let subject = format!("{}", n + 1);
        rows.add("story", &subject, "appliedOn", story.applied_on);
        rows.add(
            "story",
            &subject,
            "organization",
            name(names, story.organization_id),
        );
        rows.add("story", &subject, "businessUnit", &story.business_unit);
        rows.add("story", &subject, "outcome", &story.outcome);
        rows.optional(
            "story",
            &subject,
            "hoursSaved",
            story.hours_saved_centis.map(hours),
        );
        if let (Some(minor), Some(currency)) = (story.cost_saved_minor, &story.cost_currency) {
            rows.add(
                "story",
                &subject,
                "money",
                format!("{} {currency}", format_minor(minor)),
            );
        }
    }
}

/// A community's or a business unit's value report; `subject` names the scope.
pub fn value(report: &ValueReport, subject: &str, names: &Names) -> ServiceResult<String> {
    let mut rows = Rows::default();
    figures(&mut rows, "value", subject, &report.figures, names);
    stories(&mut rows, report, names);
    rows.into_csv()
}

/// An organization's value report, with what it gave and got and the figures per community.
pub fn organization_value(
    report: &OrganizationValueReport,
    names: &Names,
) -> ServiceResult<String> {
    let mut rows = Rows::default();
    let org = name(names, report.organization_id);
    figures(&mut rows, "value", &org, &report.report.figures, names);
    let (gave, got) = (&report.gave, &report.got);
    rows.add("gave", &org, "ideasAccepted", gave.ideas_accepted);
    rows.add(
        "gave",
        &org,
        "articlesCoAuthored",
        gave.articles_co_authored,
    );
    rows.add("gave", &org, "eventsHosted", gave.events_hosted);
    rows.add("gave", &org, "confirmationsGiven", gave.confirmations_given);
    rows.add("got", &org, "problemsSolved", got.problems_solved);
    rows.add(
        "got",
        &org,
        "applicationsReported",
        got.applications_reported,
    );
    rows.add("got", &org, "hoursSaved", hours(got.hours_saved_centis));
    for (currency, minor) in &got.money {
        rows.add("got", currency, "money", format_minor(*minor));
    }
    for (community, f) in &report.by_community {
        figures(&mut rows, "community", &community.name, f, names);
    }
    stories(&mut rows, &report.report, names);
    rows.into_csv()
}

/// A community's health.
pub fn health(report: &CommunityHealth) -> ServiceResult<String> {
    let mut rows = Rows::default();
    let c = &report.community.name;
    rows.add("health", c, "asOf", report.as_of.to_rfc3339());
    rows.add("health", c, "activeMembers", report.active_members);
    rows.add("health", c, "joinedLast90Days", report.joined_last_90_days);
    rows.optional("health", c, "growthRate", report.growth_rate);
    rows.optional("health", c, "coreShare", report.core_share);
    rows.optional("health", c, "peripheralShare", report.peripheral_share);
    rows.add(
        "health",
        c,
        "unansweredProblems",
        report.unanswered_problems,
    );
    rows.optional(
        "health",
        c,
        "daysSinceLastActivity",
        report.days_since_last_activity,
    );
    rows.add("health", c, "dormant", report.dormant);
    rows.add(
        "health",
        c,
        "suggestedStage",
        report.suggested_stage.as_str(),
    );
    rows.gaps(&report.rhythm_gaps);
    rows.into_csv()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn quoting_follows_rfc_4180() {
        let mut rows = Rows::default();
        rows.add("story", "1", "outcome", "fast, \"really\"\nfast");
        let text = rows.into_csv().unwrap();
        assert_eq!(
            text,
            "section,subject,metric,value\nstory,1,outcome,\"fast, \"\"really\"\"\nfast\"\n"
        );
    }
}
