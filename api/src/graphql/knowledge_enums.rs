//! The knowledge cycle's enumerations as the API shows them, mirrored from `entity::enums`,
//! and the orders its lists offer.

use async_graphql::Enum;

/// How pressing a problem is.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "entity::enums::Urgency")]
pub enum Urgency {
    /// Whenever someone has time.
    Low,
    /// The usual.
    Normal,
    /// Work is slowed down by it.
    High,
    /// Work is stopped by it.
    Critical,
}

/// Where a problem stands.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "entity::enums::ProblemState")]
pub enum ProblemState {
    /// Waiting for a solution.
    Open,
    /// One or more ideas were accepted as its solution.
    Solved,
    /// Closed without (further) solution: a duplicate, gone away, won't fix.
    Closed,
}

/// Where a knowledge article stands.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "entity::enums::ArticleState")]
pub enum ArticleState {
    /// Being written; only its authors and the community's coordinators see it.
    Draft,
    /// Waiting for a coordinator's review; only its authors and coordinators see it.
    InReview,
    /// Part of the community's knowledge base.
    Published,
    /// Kept for reference, no longer current.
    Archived,
}

/// What a search hit is.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "entity::enums::SearchKind")]
pub enum SearchKind {
    /// A problem.
    Problem,
    /// An idea or a reply.
    Idea,
    /// A knowledge article.
    Article,
}

/// How a list of problems is ordered.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "crate::service::problem::ProblemOrder")]
pub enum ProblemOrder {
    /// Most recently posted first.
    Newest,
    /// First posted first.
    Oldest,
    /// OPEN first, then SOLVED, then CLOSED; newest first within each.
    UnsolvedFirst,
}

/// How a list of ideas is ordered.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "crate::service::idea::IdeaOrder")]
pub enum IdeaOrder {
    /// Most recently contributed first.
    Newest,
    /// In the order they were contributed (a conversation).
    Oldest,
    /// Most endorsements first; newest first among equals.
    MostEndorsed,
}

/// How a list of articles is ordered.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "crate::service::article::ArticleOrder")]
pub enum ArticleOrder {
    /// Newest first.
    Newest,
    /// Oldest first.
    Oldest,
    /// Most applications first, then newest.
    MostApplied,
}
