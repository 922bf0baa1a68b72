//! sea-orm models of Praxis, one module per table. No GraphQL here: the API maps these
//! rows to its own types so that a column never becomes a field by accident.

pub mod audit_event;
pub mod community;
pub mod enums;
pub mod identity_issuer;
pub mod identity_key;
pub mod membership;
pub mod membership_approval;
pub mod organization;
pub mod participation;
pub mod partnership;
pub mod person;
