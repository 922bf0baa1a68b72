//! Business rules per capability. Services take a viewer, a connection or transaction and
//! typed input, ask [`crate::access`], and return a [`crate::error::ServiceResult`]. They know
//! nothing of GraphQL.

pub mod application;
pub mod article;
pub mod audit;
pub mod business_unit;
pub mod calendar;
pub mod community;
pub mod content;
pub mod event;
pub mod idea;
pub mod identity;
pub mod membership;
pub mod oidc_login;
pub mod organization;
pub mod page;
pub mod participation;
pub mod partnership;
pub mod persisted_operation;
pub mod person;
pub mod problem;
pub mod rate_limit;
pub mod report;
pub mod search;
pub mod search_index;
pub mod siblings;
pub mod slug;
pub mod webhook;
