//! The typed identity every service call receives.

use uuid::Uuid;

/// Who is making a request, decided once per request by [`super::authenticate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Viewer {
    /// No credentials were sent.
    Anonymous,
    /// A person of a (not disabled) organization.
    Person(PersonViewer),
    /// The platform operator, who creates and disables organizations.
    Operator(OperatorViewer),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonViewer {
    pub person_id: Uuid,
    pub organization_id: Uuid,
    /// Whether this token carries the organization's admin claim.
    pub is_admin: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperatorViewer {
    pub subject: String,
}

impl Viewer {
    pub fn person(&self) -> Option<&PersonViewer> {
        match self {
            Self::Person(person) => Some(person),
            Self::Anonymous | Self::Operator(_) => None,
        }
    }

    pub fn is_operator(&self) -> bool {
        matches!(self, Self::Operator(_))
    }
}
