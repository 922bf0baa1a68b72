//! A year of knowledge work in every community: problems (some solved by an accepted idea,
//! some closed), ideas and replies, articles with co-authors and revisions, applications with
//! hours and money saved and their confirmations. Every counter a row carries is derived
//! from the rows generated here.

use super::generate::uuid_at;
use super::{
    vocabulary::{self, Vocabulary},
    world::{Community, World},
};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use entity::enums::{ArticleState, ProblemState};
use rand::{rngs::StdRng, Rng};
use uuid::Uuid;

pub struct Problem {
    pub id: Uuid,
    pub title: String,
    pub body: String,
    pub tags: Vec<String>,
    pub community: usize,
    pub author: usize,
    pub created_at: DateTime<Utc>,
    pub state: ProblemState,
    pub solved_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub idea_count: i32,
}

pub struct Idea {
    pub id: Uuid,
    pub body: String,
    /// People who endorsed it, with when.
    pub endorsements: Vec<(usize, DateTime<Utc>)>,
    pub problem: usize,
    pub author: usize,
    pub parent: Option<usize>,
    pub created_at: DateTime<Utc>,
    pub accepted_at: Option<DateTime<Utc>>,
    pub reply_count: i32,
}

pub struct Revision {
    pub author: usize,
    pub state: ArticleState,
    pub created_at: DateTime<Utc>,
}

pub struct Article {
    pub id: Uuid,
    pub title: String,
    pub body: String,
    pub tags: Vec<String>,
    pub community: usize,
    /// The creator first.
    pub authors: Vec<usize>,
    pub revisions: Vec<Revision>,
    pub published_at: Option<DateTime<Utc>>,
    pub application_count: i32,
}

impl Article {
    pub fn state(&self) -> ArticleState {
        self.revisions
            .last()
            .map_or(ArticleState::Draft, |r| r.state)
    }
}

pub struct Confirmation {
    pub person: usize,
    pub created_at: DateTime<Utc>,
}

pub struct Application {
    pub id: Uuid,
    pub community: usize,
    pub article: Option<usize>,
    pub problem: Option<usize>,
    pub reporter: usize,
    pub business_unit: String,
    pub hours_saved_centis: Option<i64>,
    pub money: Option<(i64, &'static str)>,
    pub applied_on: NaiveDate,
    pub created_at: DateTime<Utc>,
    pub confirmations: Vec<Confirmation>,
}

#[derive(Default)]
pub struct Knowledge {
    pub problems: Vec<Problem>,
    pub ideas: Vec<Idea>,
    pub articles: Vec<Article>,
    pub applications: Vec<Application>,
}

/// A member of the community who could act at `at`, if one is found quickly.
pub fn member_at(rng: &mut StdRng, community: &Community, at: DateTime<Utc>) -> Option<usize> {
    if community.members.is_empty() {
        return None;
    }
    for _ in 0..30 {
        let member = &community.members[rng.random_range(0..community.members.len())];
        if member.active_at(at) {
            return Some(member.person);
        }
    }
    None
}

/// A moment between `from` and `to` (exclusive), or `from` when the span is empty.
pub fn between(rng: &mut StdRng, from: DateTime<Utc>, to: DateTime<Utc>) -> DateTime<Utc> {
    let span = (to - from).num_seconds();
    if span <= 1 {
        return from;
    }
    from + Duration::seconds(rng.random_range(0..span))
}

/// A count around `mean` (uniform from half to one and a half times it).
pub fn around(rng: &mut StdRng, mean: f64) -> usize {
    (mean * rng.random_range(0.5..1.5)).round() as usize
}

/// Problems, ideas and articles a community of activity 1.0 writes at intensity 1.0: 25
/// problems with 2 ideas each on average, and 4 articles.
pub const ITEMS_PER_ACTIVITY: f64 = 25.0 * 3.0 + 4.0;

impl Knowledge {
    /// The communities' knowledge work; `intensity` multiplies how much each writes.
    pub fn generate(
        rng: &mut StdRng,
        world: &World,
        vocabulary: &Vocabulary,
        intensity: f64,
    ) -> Self {
        let mut knowledge = Knowledge::default();
        for (c, community) in world.communities.iter().enumerate() {
            // Some of the activity falls before the year, so that "in the period" matters.
            let from = community.created_at.max(world.start - Duration::days(60));
            let first_problem = knowledge.problems.len();
            let first_article = knowledge.articles.len();
            knowledge.add_problems(rng, world, vocabulary, c, from, intensity);
            knowledge.add_articles(rng, world, vocabulary, c, from, intensity);
            knowledge.add_applications(rng, world, (first_problem, first_article), c, from);
        }
        knowledge
    }

    fn add_problems(
        &mut self,
        rng: &mut StdRng,
        world: &World,
        vocabulary: &Vocabulary,
        c: usize,
        from: DateTime<Utc>,
        intensity: f64,
    ) {
        let community = &world.communities[c];
        for _ in 0..around(rng, 25.0 * community.activity * intensity) {
            let created_at = between(rng, from, world.end);
            let Some(author) = member_at(rng, community, created_at) else {
                continue;
            };
            let problem = self.problems.len();
            self.problems.push(Problem {
                id: uuid_at(rng, created_at),
                title: vocabulary.title(rng, 4, 10),
                body: vocabulary.body(rng, 20, 80),
                tags: vocabulary::tags(rng, 3),
                community: c,
                author,
                created_at,
                state: ProblemState::Open,
                solved_at: None,
                closed_at: None,
                idea_count: 0,
            });
            let wanted = [0, 0, 1, 1, 2, 2, 3, 4, 5][rng.random_range(0..9)];
            let mut top = Vec::new();
            for _ in 0..wanted {
                let at = created_at + Duration::minutes(rng.random_range(10..30 * 24 * 60));
                if at >= world.end {
                    continue;
                }
                let Some(author) = member_at(rng, community, at) else {
                    continue;
                };
                let parent = (!top.is_empty() && rng.random_bool(0.2))
                    .then(|| top[rng.random_range(0..top.len())]);
                let idea = self.ideas.len();
                let mut endorsements: Vec<(usize, DateTime<Utc>)> = Vec::new();
                for _ in 0..[0, 0, 0, 1, 1, 2, 3, 5][rng.random_range(0..8)] {
                    let when = at + Duration::hours(rng.random_range(1..24 * 10));
                    if when >= world.end {
                        continue;
                    }
                    if let Some(person) = member_at(rng, community, when) {
                        if person != author && endorsements.iter().all(|(p, _)| *p != person) {
                            endorsements.push((person, when));
                        }
                    }
                }
                self.ideas.push(Idea {
                    id: uuid_at(rng, at),
                    body: vocabulary.body(rng, 10, 60),
                    endorsements,
                    problem,
                    author,
                    parent,
                    created_at: at,
                    accepted_at: None,
                    reply_count: 0,
                });
                match parent {
                    Some(parent) => self.ideas[parent].reply_count += 1,
                    None => top.push(idea),
                }
                self.problems[problem].idea_count += 1;
            }
            if !top.is_empty() && rng.random_bool(0.45) {
                let accepted = top[rng.random_range(0..top.len())];
                let solved_at =
                    self.ideas[accepted].created_at + Duration::hours(rng.random_range(1..400));
                if solved_at < world.end {
                    self.ideas[accepted].accepted_at = Some(solved_at);
                    let p = &mut self.problems[problem];
                    p.state = ProblemState::Solved;
                    p.solved_at = Some(solved_at);
                    continue;
                }
            }
            let closed_at = created_at + Duration::days(rng.random_range(20..90));
            if rng.random_bool(0.1) && closed_at < world.end {
                let p = &mut self.problems[problem];
                p.state = ProblemState::Closed;
                p.closed_at = Some(closed_at);
            }
        }
    }

    fn add_articles(
        &mut self,
        rng: &mut StdRng,
        world: &World,
        vocabulary: &Vocabulary,
        c: usize,
        from: DateTime<Utc>,
        intensity: f64,
    ) {
        let community = &world.communities[c];
        for _ in 0..around(rng, 4.0 * community.activity * intensity) {
            let created_at = between(rng, from, world.end);
            let Some(creator) = member_at(rng, community, created_at) else {
                continue;
            };
            let mut authors = vec![creator];
            for _ in 0..rng.random_range(0..=2) {
                if let Some(other) = member_at(rng, community, created_at) {
                    if !authors.contains(&other) {
                        authors.push(other);
                    }
                }
            }
            let target = match rng.random_range(0..100) {
                0..=74 => ArticleState::Published,
                75..=86 => ArticleState::Draft,
                87..=94 => ArticleState::InReview,
                _ => ArticleState::Archived,
            };
            let mut revisions = vec![Revision {
                author: creator,
                state: ArticleState::Draft,
                created_at,
            }];
            let path: &[ArticleState] = match target {
                ArticleState::Draft => &[ArticleState::Draft],
                ArticleState::InReview => &[ArticleState::InReview],
                ArticleState::Published => &[ArticleState::InReview, ArticleState::Published],
                ArticleState::Archived => &[
                    ArticleState::InReview,
                    ArticleState::Published,
                    ArticleState::Archived,
                ],
            };
            let mut at = created_at;
            let mut published_at = None;
            for state in path {
                at += Duration::hours(rng.random_range(2..24 * 20));
                if at >= world.end {
                    break;
                }
                if *state == ArticleState::Published && published_at.is_none() {
                    published_at = Some(at);
                }
                revisions.push(Revision {
                    author: authors[rng.random_range(0..authors.len())],
                    state: *state,
                    created_at: at,
                });
            }
            self.articles.push(Article {
                id: uuid_at(rng, created_at),
                title: vocabulary.title(rng, 4, 10),
                body: vocabulary.body(rng, 40, 120),
                tags: vocabulary::tags(rng, 3),
                community: c,
                authors,
                revisions,
                published_at,
                application_count: 0,
            });
        }
    }

    /// Applications of the community's published articles and solved problems, which are
    /// those from `first_problem` and `first_article` on.
    fn add_applications(
        &mut self,
        rng: &mut StdRng,
        world: &World,
        (first_problem, first_article): (usize, usize),
        c: usize,
        from: DateTime<Utc>,
    ) {
        let community = &world.communities[c];
        let articles: Vec<usize> = (first_article..self.articles.len())
            .filter(|a| self.articles[*a].published_at.is_some())
            .collect();
        let problems: Vec<usize> = (first_problem..self.problems.len())
            .filter(|p| self.problems[*p].solved_at.is_some())
            .collect();
        for _ in 0..around(rng, 8.0 * community.activity) {
            let created_at = between(rng, from, world.end);
            let (article, problem) = if rng.random_bool(0.6) {
                let Some(a) = articles.iter().copied().find(|a| {
                    self.articles[*a]
                        .published_at
                        .is_some_and(|p| p < created_at)
                        && rng.random_bool(0.3)
                }) else {
                    continue;
                };
                (Some(a), None)
            } else {
                let Some(p) = problems.iter().copied().find(|p| {
                    self.problems[*p].solved_at.is_some_and(|s| s < created_at)
                        && rng.random_bool(0.2)
                }) else {
                    continue;
                };
                (None, Some(p))
            };
            let Some(reporter) = member_at(rng, community, created_at) else {
                continue;
            };
            let person = &world.people[reporter];
            let organization = &world.organizations[person.organization];
            // People name their own unit; people without one name some unit of their
            // organization (a business unit report counts those too).
            let unit = match person.unit {
                Some(unit) => unit,
                None => rng.random_range(0..organization.units.len()),
            };
            let currency = if rng.random_bool(0.8) {
                organization.currency
            } else {
                super::world::CURRENCIES[rng.random_range(0..super::world::CURRENCIES.len())]
            };
            let mut confirmations: Vec<Confirmation> = Vec::new();
            for _ in 0..rng.random_range(0..=3) {
                let at = created_at + Duration::hours(rng.random_range(1..24 * 30));
                if at >= world.end {
                    continue;
                }
                if let Some(person) = member_at(rng, community, at) {
                    if person != reporter && confirmations.iter().all(|c| c.person != person) {
                        confirmations.push(Confirmation {
                            person,
                            created_at: at,
                        });
                    }
                }
            }
            if let Some(a) = article {
                self.articles[a].application_count += 1;
            }
            self.applications.push(Application {
                id: uuid_at(rng, created_at),
                community: c,
                article,
                problem,
                reporter,
                business_unit: organization.units[unit].clone(),
                hours_saved_centis: rng.random_bool(0.75).then(|| rng.random_range(50..8_000)),
                money: rng
                    .random_bool(0.5)
                    .then(|| (rng.random_range(1_000..500_000), currency)),
                applied_on: (created_at - Duration::days(rng.random_range(0..5))).date_naive(),
                created_at,
                confirmations,
            });
        }
    }
}
