//! The request mix: portal reads (home page, community page, search, value report) and
//! writes (post a problem, contribute an idea or reply, RSVP), as GraphQL documents with
//! their variables.

use crate::viewers::LoadViewer;
use api::{
    graphql::node::{global_id, NodeKind},
    seed::vocabulary::Vocabulary,
};
use chrono::{DateTime, Duration, Utc};
use rand::{rngs::StdRng, Rng};
use serde_json::{json, Value};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    Home,
    Community,
    Search,
    ValueReport,
    PostProblem,
    PostIdea,
    Rsvp,
}

impl Class {
    pub const ALL: [Class; 7] = [
        Class::Home,
        Class::Community,
        Class::Search,
        Class::ValueReport,
        Class::PostProblem,
        Class::PostIdea,
        Class::Rsvp,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Class::Home => "home page",
            Class::Community => "community page",
            Class::Search => "search",
            Class::ValueReport => "value report",
            Class::PostProblem => "post problem",
            Class::PostIdea => "post idea",
            Class::Rsvp => "rsvp",
        }
    }

    /// The mutation field whose `userErrors` must come back empty.
    fn mutation(self) -> Option<&'static str> {
        match self {
            Class::PostProblem => Some("postProblem"),
            Class::PostIdea => Some("contributeIdea"),
            Class::Rsvp => Some("rsvpEvent"),
            _ => None,
        }
    }
}

const HOME: &str = "query Home($now: DateTime!) { viewer { person { id displayName }
  memberships(status: ACTIVE, first: 10) { totalCount nodes { role community { id name
    problems(first: 3) { totalCount nodes { id title state ideaCount createdAt } }
    events(from: $now, first: 2) { totalCount nodes { id title startsAt goingCount } } } } }
  upcomingEvents(first: 5) { nodes { id title startsAt } } } }";

const COMMUNITY: &str = "query Community($id: ID!, $now: DateTime!) { node(id: $id) {
  ... on Community { id name purpose viewerCoordinates
    problems(first: 20) { totalCount nodes { id title state ideaCount followerCount createdAt
      author { displayName } } }
    articles(first: 10, filter: { states: [PUBLISHED] }) { totalCount nodes { id title publishedAt } }
    events(from: $now, first: 5) { totalCount nodes { id title startsAt goingCount } }
    members(first: 1) { totalCount } } } }";

const SEARCH: &str = "query Search($q: String!) { search(query: $q, first: 20) { totalCount
  nodes { kind score title { text } snippet { text } } } }";

const FIGURES: &str = "contributors problemsPosted problemsSolved medianTimeToSolutionSeconds
  articlesPublished applicationsReported applicationsConfirmed hoursSaved
  moneySaved { amount currency } eventsHeld attendances storyCount";

const POST_PROBLEM: &str = "mutation Post($input: PostProblemInput!) { postProblem(input: $input) {
  problem { id } userErrors { field code message } } }";

const POST_IDEA: &str = "mutation Idea($input: ContributeIdeaInput!) {
  contributeIdea(input: $input) { idea { id } userErrors { field code message } } }";

const RSVP: &str = "mutation Rsvp($input: RsvpEventInput!) { rsvpEvent(input: $input) {
  rsvp { status } userErrors { field code message } } }";

/// Draws the class of the next request: `write_share` writes, the rest reads.
pub fn draw(rng: &mut StdRng, write_share: f64) -> Class {
    if rng.random_bool(write_share) {
        match rng.random_range(0..10) {
            0..=2 => Class::PostProblem,
            3..=6 => Class::PostIdea,
            _ => Class::Rsvp,
        }
    } else {
        match rng.random_range(0..100) {
            0..=34 => Class::Home,
            35..=64 => Class::Community,
            65..=89 => Class::Search,
            _ => Class::ValueReport,
        }
    }
}

fn pick(rng: &mut StdRng, ids: &[Uuid]) -> Option<Uuid> {
    (!ids.is_empty()).then(|| ids[rng.random_range(0..ids.len())])
}

/// The request body of `class` for `viewer`, or None when the viewer has nothing to do it
/// with (no community, no open problem, no upcoming event).
pub fn body(
    class: Class,
    viewer: &LoadViewer,
    vocabulary: &Vocabulary,
    today: DateTime<Utc>,
    rng: &mut StdRng,
) -> Option<Value> {
    let now = Utc::now().to_rfc3339();
    let id = |kind, id| global_id(kind, id).0;
    Some(match class {
        Class::Home => json!({ "query": HOME, "variables": { "now": now } }),
        Class::Community => {
            let community = pick(rng, &viewer.communities)?;
            json!({ "query": COMMUNITY,
                    "variables": { "id": id(NodeKind::Community, community), "now": now } })
        }
        Class::Search => {
            let words = if rng.random_bool(0.3) {
                format!("{} {}", vocabulary.word(rng), vocabulary.word(rng))
            } else {
                vocabulary.word(rng).to_owned()
            };
            json!({ "query": SEARCH, "variables": { "q": words } })
        }
        Class::ValueReport => {
            // The last quarter: an admin reads the organization's, a member a community's.
            let period = json!({
                "from": (today - Duration::days(90)).date_naive().to_string(),
                "to": (today - Duration::days(1)).date_naive().to_string(),
            });
            if viewer.is_admin {
                let query = format!(
                    "query OrgValue($period: PeriodInput!) {{ viewer {{ organization {{
                       valueReport(period: $period) {{ {FIGURES} }} }} }} }}"
                );
                json!({ "query": query, "variables": { "period": period } })
            } else {
                let community = pick(rng, &viewer.communities)?;
                let query = format!(
                    "query CommunityValue($id: ID!, $period: PeriodInput!) {{ node(id: $id) {{
                       ... on Community {{ valueReport(period: $period) {{ {FIGURES} }} }} }} }}"
                );
                json!({ "query": query, "variables": {
                    "id": id(NodeKind::Community, community), "period": period } })
            }
        }
        Class::PostProblem => {
            let community = pick(rng, &viewer.communities)?;
            json!({ "query": POST_PROBLEM, "variables": { "input": {
                "communityId": id(NodeKind::Community, community),
                "title": vocabulary.title(rng, 4, 8),
                "body": vocabulary.body(rng, 20, 60),
            } } })
        }
        Class::PostIdea => {
            let problem = pick(rng, &viewer.open_problems)?;
            json!({ "query": POST_IDEA, "variables": { "input": {
                "problemId": id(NodeKind::Problem, problem),
                "body": vocabulary.body(rng, 10, 40),
            } } })
        }
        Class::Rsvp => {
            let event = pick(rng, &viewer.upcoming_events)?;
            let response = ["GOING", "GOING", "MAYBE", "DECLINED"][rng.random_range(0..4)];
            json!({ "query": RSVP, "variables": { "input": {
                "eventId": id(NodeKind::Event, event), "response": response } } })
        }
    })
}

/// Why a response failed, if it did: no `errors`, `data` present, no `userErrors`.
pub fn failure(class: Class, response: &Value) -> Option<String> {
    if let Some(errors) = response.get("errors") {
        return Some(format!("errors: {errors}"));
    }
    let data = match response.get("data") {
        None | Some(Value::Null) => return Some("no data".to_owned()),
        Some(data) => data,
    };
    let field = class.mutation()?;
    match data.get(field).and_then(|f| f.get("userErrors")) {
        Some(Value::Array(errors)) if errors.is_empty() => None,
        Some(errors) => Some(format!("{field} userErrors: {errors}")),
        None => Some(format!("{field} missing")),
    }
}
