//! The federation's enumerations as the API shows them, mirrored one-to-one from the stored
//! ones in `entity::enums`.

use async_graphql::Enum;

/// What an organization lets a partner's people do in its communities (inbound), or its own
/// people do in the partner's communities (outbound).
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "entity::enums::PartnerPolicy")]
pub enum PartnerPolicy {
    /// Joining needs no approval from this organization.
    Allowed,
    /// One of this organization's admins approves each request.
    ApprovalRequired,
    /// Requests are refused.
    Blocked,
}

/// Where a partnership stands.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "entity::enums::PartnershipStatus")]
pub enum PartnershipStatus {
    /// Proposed by one organization, waiting for the other's answer.
    Proposed,
    /// Both organizations agreed; their communities may federate.
    Active,
    /// The other organization declined the proposal.
    Declined,
    /// One side suspended it: the partner's people lose access until it resumes.
    Suspended,
    /// One side ended it. It can be proposed again.
    Ended,
}

/// Who may see a community.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "entity::enums::CommunityVisibility")]
pub enum CommunityVisibility {
    /// Only the host organization's people.
    HostOnly,
    /// Also the people of partner organizations that take part.
    Federated,
}

/// The stages of a community of practice's life.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "entity::enums::LifecycleStage")]
pub enum LifecycleStage {
    /// People with a shared problem find each other.
    Potential,
    /// The community forms and sets its rhythm.
    Coalescing,
    /// It sets its focus and grows its knowledge base.
    Maturing,
    /// It keeps its practice relevant and its knowledge current.
    Stewardship,
    /// It changes purpose, merges, or closes.
    Transformation,
}

/// Whether joining a community needs a coordinator's approval.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "entity::enums::JoinRule")]
pub enum JoinRule {
    /// Anyone who may see the community joins (subject to organization policies).
    Open,
    /// A coordinator approves each request.
    ApprovalRequired,
}

/// An organization's place in a community.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "entity::enums::ParticipationTier")]
pub enum ParticipationTier {
    /// The host organization.
    Host,
    /// Its people may join and post.
    Participate,
    /// Its people may also coordinate: add colleagues, run events.
    CoHost,
}

/// Where an organization's participation in a community stands.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "entity::enums::ParticipationStatus")]
pub enum ParticipationStatus {
    /// Invited, waiting for the organization's admin.
    Invited,
    /// The invitation passed its expiry unanswered.
    Expired,
    /// The organization's admin declined.
    Declined,
    /// The organization takes part.
    Active,
    /// Interrupted from outside the community (partnership not active, an organization
    /// disabled); restored when the cause goes away.
    Suspended,
    /// The host removed the organization (or withdrew the invitation).
    Removed,
    /// The organization withdrew.
    Left,
}

/// Which invitations to list: received by the organization or sent for its communities.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvitationDirection {
    /// Invitations the organization received.
    Incoming,
    /// Invitations to communities the organization hosts.
    Outgoing,
}

/// A member's role in a community.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "entity::enums::MemberRole")]
pub enum MemberRole {
    /// Backs the community with resources and standing.
    Sponsor,
    /// Runs the community: members, roles, events.
    Coordinator,
    /// Takes part regularly and carries the community's work.
    Core,
    /// Takes part now and then.
    Active,
    /// Follows from the edge.
    Peripheral,
}

/// The kind of leadership a member holds.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "entity::enums::Leadership")]
pub enum Leadership {
    /// Appointed.
    Formal,
    /// Recognised by the community without an appointment.
    Informal,
}

/// Where a membership stands.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "entity::enums::MembershipStatus")]
pub enum MembershipStatus {
    /// Waiting for approvals.
    Pending,
    /// A member.
    Active,
    /// The person's organization's participation is interrupted; restored with it.
    Suspended,
    /// An approval was refused.
    Rejected,
    /// The person left.
    Left,
    /// A coordinator or the person's organization removed them.
    Removed,
}

/// Who must approve a membership request.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "entity::enums::ApprovalKind")]
pub enum ApprovalKind {
    /// A coordinator of the community (the community's join rule).
    Coordinator,
    /// An admin of the host organization (its inbound policy).
    HostAdmin,
    /// An admin of the person's own organization (its outbound policy).
    MemberOrganizationAdmin,
}

/// Where one approval stands.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "entity::enums::ApprovalStatus")]
pub enum ApprovalStatus {
    /// Not decided yet.
    Pending,
    /// Given.
    Approved,
    /// Refused.
    Rejected,
}

/// What an audit event records.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "entity::enums::AuditAction")]
pub enum AuditAction {
    /// A partnership was proposed.
    PartnershipProposed,
    /// A partnership was accepted.
    PartnershipAccepted,
    /// A partnership proposal was declined.
    PartnershipDeclined,
    /// A partnership was suspended.
    PartnershipSuspended,
    /// A suspended partnership was resumed.
    PartnershipResumed,
    /// A partnership was ended.
    PartnershipEnded,
    /// An organization changed its policy for one partner.
    PartnerPolicyChanged,
    /// An organization changed its default partner policies.
    PolicyDefaultsChanged,
    /// A community was created.
    CommunityCreated,
    /// A community's settings changed.
    CommunityUpdated,
    /// An organization was invited to a community.
    OrganizationInvited,
    /// An invitation was accepted.
    InvitationAccepted,
    /// An invitation was declined.
    InvitationDeclined,
    /// The host removed an organization (or withdrew its invitation).
    OrganizationRemoved,
    /// An organization withdrew from a community.
    OrganizationWithdrew,
    /// A person asked to join a community.
    MembershipRequested,
    /// An approval of a membership was given or refused.
    MembershipApprovalDecided,
    /// A coordinator added a member.
    MemberAdded,
    /// A member's role or leadership changed.
    MemberRoleChanged,
    /// A member left.
    MemberLeft,
    /// A member was removed.
    MemberRemoved,
    /// An organization removed one of its people from a community hosted elsewhere.
    MemberOffboarded,
    /// The platform operator disabled an organization.
    OrganizationDisabled,
    /// The platform operator enabled an organization.
    OrganizationEnabled,
    /// An organization's admin set its OpenID Connect console login.
    OidcLoginSet,
    /// An organization's admin removed its OpenID Connect console login.
    OidcLoginRemoved,
    /// An organization's admin or the operator registered a persisted operation.
    PersistedOperationRegistered,
    /// An organization's admin or the operator removed a persisted operation.
    PersistedOperationRemoved,
    /// An organization's admin or the operator switched persisted-operations-only on or off.
    PersistedOperationsOnlyChanged,
    /// The platform operator set an organization's cost budgets (rate limits).
    OrganizationRateLimitSet,
}
