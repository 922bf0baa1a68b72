//! The reports a client asks for, as GraphQL documents selecting every figure (so the
//! measured time includes every resolver of the report), and the figures the checks read.

/// A kind of report, measured on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Report {
    CommunityRhythm,
    CommunityLeadership,
    CommunityValue,
    CommunityHealth,
    OrganizationLeadership,
    OrganizationValue,
    BusinessUnitValue,
}

/// What a report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Community,
    Organization,
    BusinessUnit,
}

impl Report {
    pub const ALL: [Report; 7] = [
        Report::CommunityRhythm,
        Report::CommunityLeadership,
        Report::CommunityValue,
        Report::CommunityHealth,
        Report::OrganizationLeadership,
        Report::OrganizationValue,
        Report::BusinessUnitValue,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Report::CommunityRhythm => "Community.rhythm",
            Report::CommunityLeadership => "Community.leadership",
            Report::CommunityValue => "Community.valueReport",
            Report::CommunityHealth => "Community.health",
            Report::OrganizationLeadership => "Organization.leadership",
            Report::OrganizationValue => "Organization.valueReport",
            Report::BusinessUnitValue => "Organization.businessUnitReport",
        }
    }

    pub fn scope(self) -> Scope {
        match self {
            Report::CommunityRhythm
            | Report::CommunityLeadership
            | Report::CommunityValue
            | Report::CommunityHealth => Scope::Community,
            Report::OrganizationLeadership | Report::OrganizationValue => Scope::Organization,
            Report::BusinessUnitValue => Scope::BusinessUnit,
        }
    }

    /// Whether the report takes a period.
    pub fn has_period(self) -> bool {
        matches!(
            self,
            Report::CommunityRhythm
                | Report::CommunityValue
                | Report::OrganizationValue
                | Report::BusinessUnitValue
        )
    }

    pub fn document(self) -> String {
        match self {
            Report::CommunityRhythm => community("rhythm(period: $period)", RHYTHM),
            Report::CommunityLeadership => community("leadership", COMMUNITY_LEADERSHIP),
            Report::CommunityValue => community("valueReport(period: $period)", VALUE),
            Report::CommunityHealth => community("health", HEALTH),
            Report::OrganizationLeadership => organization("leadership", ORGANIZATION_LEADERSHIP),
            Report::OrganizationValue => organization(
                "valueReport(period: $period)",
                &format!("{VALUE} {ORGANIZATION_VALUE}"),
            ),
            Report::BusinessUnitValue => organization(
                "businessUnitReport(businessUnit: $unit, period: $period)",
                VALUE,
            ),
        }
    }

    /// The JSON path of the report object in the response's data.
    pub fn path(self) -> [&'static str; 2] {
        let field = match self {
            Report::CommunityRhythm => "rhythm",
            Report::CommunityLeadership | Report::OrganizationLeadership => "leadership",
            Report::CommunityValue | Report::OrganizationValue => "valueReport",
            Report::CommunityHealth => "health",
            Report::BusinessUnitValue => "businessUnitReport",
        };
        match self.scope() {
            Scope::Community => ["community", field],
            Scope::Organization | Scope::BusinessUnit => ["organization", field],
        }
    }
}

/// The variables a field uses, declared (an unused one is a validation error).
fn declared(field: &str) -> String {
    let mut declared = String::new();
    if field.contains("$period") {
        declared.push_str(", $period: PeriodInput!");
    }
    if field.contains("$unit") {
        declared.push_str(", $unit: String!");
    }
    declared
}

fn community(field: &str, selection: &str) -> String {
    format!(
        "query Report($host: String!, $slug: String!{}) {{ \
         community(host: $host, slug: $slug) {{ id {field} {{ {selection} }} }} }}",
        declared(field)
    )
}

fn organization(field: &str, selection: &str) -> String {
    format!(
        "query Report($slug: String!{}) {{ \
         organization(slug: $slug) {{ id {field} {{ {selection} }} }} }}",
        declared(field)
    )
}

const RHYTHM: &str = "period { from to } eventsPerMonth { month familiar exciting } familiarCount \
    excitingCount excitingShare attendanceRate attendees regulars newcomers \
    usualIntervalDays intervalDeclared gaps { from to days }";

const COMMUNITY_LEADERSHIP: &str = "threshold coordinators { id role } sponsors { id role } \
    coreMembers { id role } formalLeaders { id role } informalLeaders { id role } \
    byOrganization { organization { id name } members leaders lacksLeader }";

const VALUE: &str = "period { from to } activeMembers { organization { id name } role count } \
    contributors problemsPosted problemsSolved medianTimeToSolutionSeconds articlesPublished \
    articleRevisions applicationsReported applicationsConfirmed hoursSaved \
    moneySaved { currency amount } eventsHeld familiarEvents excitingEvents attendances \
    storyCount stories { id outcome appliedOn businessUnit hoursSaved \
    costSaved { amount currency } organization { id name } }";

const ORGANIZATION_VALUE: &str =
    "gave { ideasAccepted articlesCoAuthored eventsHosted confirmationsGiven } \
    got { problemsSolved applicationsReported hoursSaved moneySaved { currency amount } } \
    byCommunity { community { id name } figures { problemsPosted problemsSolved \
    applicationsReported hoursSaved moneySaved { currency amount } eventsHeld attendances } }";

const HEALTH: &str = "asOf activeMembers joinedLast90Days growthRate coreShare peripheralShare \
    unansweredProblems daysSinceLastActivity rhythmGaps { from to days } dormant \
    suggestedStage";

const ORGANIZATION_LEADERSHIP: &str = "threshold communities { community { id name } members \
    leaders { role leadership count } lacksLeader } \
    communitiesWithoutOwnLeader { community { id name } }";

/// A figure of the report object, as a number (Decimal-like strings included).
pub fn figure(report: &serde_json::Value, name: &str) -> Option<f64> {
    match report.get(name)? {
        serde_json::Value::Number(n) => n.as_f64(),
        serde_json::Value::String(s) => s.parse().ok(),
        _ => None,
    }
}
