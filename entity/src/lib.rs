//! sea-orm models of Praxis, one module per table. No GraphQL here: the API maps these
//! rows to its own types so that a column never becomes a field by accident.

pub mod identity_issuer;
pub mod identity_key;
pub mod organization;
pub mod person;
