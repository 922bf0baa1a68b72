//! The vocabulary of docs/FEDERATION.md: policies, statuses, tiers, roles, approval kinds,
//! predicted outcomes, and the audit actions the log is checked for.

use super::rng::Rng;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Policy {
    Allowed,
    ApprovalRequired,
    Blocked,
}

impl Policy {
    pub(super) fn gql(self) -> &'static str {
        match self {
            Self::Allowed => "ALLOWED",
            Self::ApprovalRequired => "APPROVAL_REQUIRED",
            Self::Blocked => "BLOCKED",
        }
    }

    pub(super) fn random(rng: &mut Rng) -> Self {
        match rng.below(20) {
            0..=8 => Self::Allowed,
            9..=16 => Self::ApprovalRequired,
            _ => Self::Blocked,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum PStatus {
    Proposed,
    Active,
    Declined,
    Suspended,
    Ended,
}

impl PStatus {
    pub(super) fn gql(self) -> &'static str {
        match self {
            Self::Proposed => "PROPOSED",
            Self::Active => "ACTIVE",
            Self::Declined => "DECLINED",
            Self::Suspended => "SUSPENDED",
            Self::Ended => "ENDED",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Visibility {
    HostOnly,
    Federated,
}

impl Visibility {
    pub(super) fn gql(self) -> &'static str {
        match self {
            Self::HostOnly => "HOST_ONLY",
            Self::Federated => "FEDERATED",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum JoinRule {
    Open,
    ApprovalRequired,
}

impl JoinRule {
    pub(super) fn gql(self) -> &'static str {
        match self {
            Self::Open => "OPEN",
            Self::ApprovalRequired => "APPROVAL_REQUIRED",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tier {
    Host,
    Participate,
    CoHost,
}

impl Tier {
    pub(super) fn gql(self) -> &'static str {
        match self {
            Self::Host => "HOST",
            Self::Participate => "PARTICIPATE",
            Self::CoHost => "CO_HOST",
        }
    }
}

/// What happened to a participation; its reported status also depends on the links
/// (see [`World::part_status`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum PartBase {
    Invited,
    Declined,
    Accepted,
    Removed,
    Left,
}

/// What happened to a membership; `Pending` and `Active` read `SUSPENDED` while the
/// organization's participation is not `ACTIVE` (see [`World::mem_status`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum MemBase {
    Pending,
    Active,
    Rejected,
    Left,
    Removed,
}

impl MemBase {
    pub(super) fn gql(self) -> &'static str {
        match self {
            Self::Pending => "PENDING",
            Self::Active => "ACTIVE",
            Self::Rejected => "REJECTED",
            Self::Left => "LEFT",
            Self::Removed => "REMOVED",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    Sponsor,
    Coordinator,
    Core,
    Active,
    Peripheral,
}

impl Role {
    pub(super) fn gql(self) -> &'static str {
        match self {
            Self::Sponsor => "SPONSOR",
            Self::Coordinator => "COORDINATOR",
            Self::Core => "CORE",
            Self::Active => "ACTIVE",
            Self::Peripheral => "PERIPHERAL",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Kind {
    Coordinator,
    HostAdmin,
    MemberOrgAdmin,
}

impl Kind {
    pub(super) fn gql(self) -> &'static str {
        match self {
            Self::Coordinator => "COORDINATOR",
            Self::HostAdmin => "HOST_ADMIN",
            Self::MemberOrgAdmin => "MEMBER_ORGANIZATION_ADMIN",
        }
    }

    pub(super) fn parse(text: &str) -> Option<Self> {
        [Self::Coordinator, Self::HostAdmin, Self::MemberOrgAdmin]
            .into_iter()
            .find(|k| k.gql() == text)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Decision {
    Pending,
    Approved,
    Rejected,
}

/// An expected status: one value, or either of two where the page allows both readings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct St {
    pub(super) primary: &'static str,
    pub(super) alt: Option<&'static str>,
}

impl St {
    pub(super) fn is(primary: &'static str) -> Self {
        Self { primary, alt: None }
    }

    pub(super) fn either(primary: &'static str, alt: &'static str) -> Self {
        Self {
            primary,
            alt: Some(alt),
        }
    }

    pub(super) fn allows(self, got: &str) -> bool {
        got == self.primary || self.alt == Some(got)
    }

    /// Exactly `status`, with no doubt.
    pub(super) fn clean(self, status: &str) -> bool {
        self.primary == status && self.alt.is_none()
    }
}

impl std::fmt::Display for St {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.alt {
            Some(alt) => write!(f, "{} or {alt}", self.primary),
            None => write!(f, "{}", self.primary),
        }
    }
}

/// A mutation's predicted outcome: success, or failure with one of these codes.
#[derive(Clone, Copy, Debug)]
pub(super) enum Expect {
    Ok,
    Fail(&'static [&'static str]),
}

pub(super) const NOT_FOUND: Expect = Expect::Fail(&["NOT_FOUND"]);
pub(super) const FORBIDDEN: Expect = Expect::Fail(&["FORBIDDEN"]);
pub(super) const CONFLICT: Expect = Expect::Fail(&["CONFLICT"]);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Act {
    Accept,
    Decline,
    Suspend,
    Resume,
    End,
}

pub(super) const PARTNERSHIP_ACTIONS: [&str; 6] = [
    "PARTNERSHIP_PROPOSED",
    "PARTNERSHIP_ACCEPTED",
    "PARTNERSHIP_DECLINED",
    "PARTNERSHIP_SUSPENDED",
    "PARTNERSHIP_RESUMED",
    "PARTNERSHIP_ENDED",
];
pub(super) const PARTICIPATION_ACTIONS: [&str; 5] = [
    "ORGANIZATION_INVITED",
    "INVITATION_ACCEPTED",
    "INVITATION_DECLINED",
    "ORGANIZATION_REMOVED",
    "ORGANIZATION_WITHDREW",
];
pub(super) const COMMUNITY_ACTIONS: [&str; 2] = ["COMMUNITY_CREATED", "COMMUNITY_UPDATED"];
/// Audited once per change, counted per action (their target id is not pinned by the page).
pub(super) const COUNTED_ACTIONS: [&str; 4] = [
    "PARTNER_POLICY_CHANGED",
    "POLICY_DEFAULTS_CHANGED",
    "ORGANIZATION_DISABLED",
    "ORGANIZATION_ENABLED",
];
pub(super) const MEMBER_ACTIONS: [&str; 7] = [
    "MEMBERSHIP_REQUESTED",
    "MEMBERSHIP_APPROVAL_DECIDED",
    "MEMBER_ADDED",
    "MEMBER_ROLE_CHANGED",
    "MEMBER_LEFT",
    "MEMBER_REMOVED",
    "MEMBER_OFFBOARDED",
];

pub(super) const MEMBERSHIP_SEL: &str =
    "membership { id status role approvals { id kind status } }";
pub(super) const PARTICIPATION_SEL: &str = "participation { id status tier }";
