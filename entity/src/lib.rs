//! sea-orm models of Praxis, one module per table. No GraphQL here: the API maps these
//! rows to its own types so that a column never becomes a field by accident.

pub mod application;
pub mod application_confirmation;
pub mod article_author;
pub mod article_revision;
pub mod audit_event;
pub mod calendar_feed;
pub mod community;
pub mod division_leader;
pub mod domain_event;
pub mod enums;
pub mod event;
pub mod event_rsvp;
pub mod event_series;
pub mod idea;
pub mod idea_endorsement;
pub mod idea_revision;
pub mod identity_issuer;
pub mod identity_key;
pub mod knowledge_article;
pub mod membership;
pub mod membership_approval;
pub mod oidc_login;
pub mod organization;
pub mod organization_rate_limit;
pub mod participation;
pub mod partnership;
pub mod persisted_operation;
pub mod persisted_operation_policy;
pub mod person;
pub mod problem;
pub mod problem_follow;
pub mod search_document;
pub mod webhook_attempt;
pub mod webhook_delivery;
pub mod webhook_endpoint;

/// The strings of a JSON array of tags (anything else reads as no tags).
pub fn tag_list(tags: &sea_orm::JsonValue) -> Vec<String> {
    tags.as_array()
        .map(|tags| {
            tags.iter()
                .filter_map(|t| t.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}
