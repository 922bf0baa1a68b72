//! Enumerations stored as text columns, spelled as the API spells them.

use sea_orm::entity::prelude::*;

macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, EnumIter, DeriveActiveEnum)]
        #[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
        pub enum $name {
            $(
                #[sea_orm(string_value = $text)]
                $variant,
            )+
        }

        impl $name {
            /// The stored (and API) spelling.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text,)+
                }
            }
        }
    };
}

text_enum!(
    /// What one organization lets the people of a partner do (or its own people do there).
    PartnerPolicy {
        Allowed = "ALLOWED",
        ApprovalRequired = "APPROVAL_REQUIRED",
        Blocked = "BLOCKED",
    }
);

text_enum!(
    /// Where a partnership stands.
    PartnershipStatus {
        Proposed = "PROPOSED",
        Active = "ACTIVE",
        Declined = "DECLINED",
        Suspended = "SUSPENDED",
        Ended = "ENDED",
    }
);

text_enum!(
    /// Who may see a community.
    CommunityVisibility {
        HostOnly = "HOST_ONLY",
        Federated = "FEDERATED",
    }
);

text_enum!(
    /// Wenger's stages of a community of practice.
    LifecycleStage {
        Potential = "POTENTIAL",
        Coalescing = "COALESCING",
        Maturing = "MATURING",
        Stewardship = "STEWARDSHIP",
        Transformation = "TRANSFORMATION",
    }
);

text_enum!(
    /// Whether joining needs a coordinator's approval.
    JoinRule {
        Open = "OPEN",
        ApprovalRequired = "APPROVAL_REQUIRED",
    }
);

text_enum!(
    /// An organization's place in a community.
    ParticipationTier {
        Host = "HOST",
        Participate = "PARTICIPATE",
        CoHost = "CO_HOST",
    }
);

text_enum!(
    /// Where an organization's participation stands. `EXPIRED` is never stored: an
    /// `INVITED` row past its expiry reads as expired.
    ParticipationStatus {
        Invited = "INVITED",
        Expired = "EXPIRED",
        Declined = "DECLINED",
        Active = "ACTIVE",
        Suspended = "SUSPENDED",
        Removed = "REMOVED",
        Left = "LEFT",
    }
);

text_enum!(
    /// A member's role in a community.
    MemberRole {
        Sponsor = "SPONSOR",
        Coordinator = "COORDINATOR",
        Core = "CORE",
        Active = "ACTIVE",
        Peripheral = "PERIPHERAL",
    }
);

text_enum!(
    /// The kind of leadership a member holds.
    Leadership {
        Formal = "FORMAL",
        Informal = "INFORMAL",
    }
);

text_enum!(
    /// Where a membership stands.
    MembershipStatus {
        Pending = "PENDING",
        Active = "ACTIVE",
        Suspended = "SUSPENDED",
        Rejected = "REJECTED",
        Left = "LEFT",
        Removed = "REMOVED",
    }
);

text_enum!(
    /// Who must approve a membership request.
    ApprovalKind {
        Coordinator = "COORDINATOR",
        HostAdmin = "HOST_ADMIN",
        MemberOrganizationAdmin = "MEMBER_ORGANIZATION_ADMIN",
    }
);

text_enum!(
    /// Where one approval stands.
    ApprovalStatus {
        Pending = "PENDING",
        Approved = "APPROVED",
        Rejected = "REJECTED",
    }
);

text_enum!(
    /// What an audit event records.
    AuditAction {
        PartnershipProposed = "PARTNERSHIP_PROPOSED",
        PartnershipAccepted = "PARTNERSHIP_ACCEPTED",
        PartnershipDeclined = "PARTNERSHIP_DECLINED",
        PartnershipSuspended = "PARTNERSHIP_SUSPENDED",
        PartnershipResumed = "PARTNERSHIP_RESUMED",
        PartnershipEnded = "PARTNERSHIP_ENDED",
        PartnerPolicyChanged = "PARTNER_POLICY_CHANGED",
        PolicyDefaultsChanged = "POLICY_DEFAULTS_CHANGED",
        CommunityCreated = "COMMUNITY_CREATED",
        CommunityUpdated = "COMMUNITY_UPDATED",
        OrganizationInvited = "ORGANIZATION_INVITED",
        InvitationAccepted = "INVITATION_ACCEPTED",
        InvitationDeclined = "INVITATION_DECLINED",
        OrganizationRemoved = "ORGANIZATION_REMOVED",
        OrganizationWithdrew = "ORGANIZATION_WITHDREW",
        MembershipRequested = "MEMBERSHIP_REQUESTED",
        MembershipApprovalDecided = "MEMBERSHIP_APPROVAL_DECIDED",
        MemberAdded = "MEMBER_ADDED",
        MemberRoleChanged = "MEMBER_ROLE_CHANGED",
        MemberLeft = "MEMBER_LEFT",
        MemberRemoved = "MEMBER_REMOVED",
        MemberOffboarded = "MEMBER_OFFBOARDED",
        OrganizationDisabled = "ORGANIZATION_DISABLED",
        OrganizationEnabled = "ORGANIZATION_ENABLED",
        OidcLoginSet = "OIDC_LOGIN_SET",
        OidcLoginRemoved = "OIDC_LOGIN_REMOVED",
        PersistedOperationRegistered = "PERSISTED_OPERATION_REGISTERED",
        PersistedOperationRemoved = "PERSISTED_OPERATION_REMOVED",
        PersistedOperationsOnlyChanged = "PERSISTED_OPERATIONS_ONLY_CHANGED",
        OrganizationRateLimitSet = "ORGANIZATION_RATE_LIMIT_SET",
    }
);

text_enum!(
    /// Which token of an OpenID Connect token response the console uses as its bearer.
    OidcBearerToken {
        IdToken = "ID_TOKEN",
        AccessToken = "ACCESS_TOKEN",
    }
);

text_enum!(
    /// How pressing a problem is.
    Urgency {
        Low = "LOW",
        Normal = "NORMAL",
        High = "HIGH",
        Critical = "CRITICAL",
    }
);

text_enum!(
    /// Where a problem stands.
    ProblemState {
        Open = "OPEN",
        Solved = "SOLVED",
        Closed = "CLOSED",
    }
);

impl ProblemState {
    /// The order "unsolved first" lists problems in: open, then solved, then closed.
    pub fn rank(self) -> i32 {
        match self {
            Self::Open => 0,
            Self::Solved => 1,
            Self::Closed => 2,
        }
    }
}

text_enum!(
    /// Where a knowledge article stands.
    ArticleState {
        Draft = "DRAFT",
        InReview = "IN_REVIEW",
        Published = "PUBLISHED",
        Archived = "ARCHIVED",
    }
);

text_enum!(
    /// What a search document indexes.
    SearchKind {
        Problem = "PROBLEM",
        Idea = "IDEA",
        Article = "ARTICLE",
    }
);

text_enum!(
    /// FAMILIAR events make the regular rhythm; EXCITING ones break it.
    EventKind {
        Familiar = "FAMILIAR",
        Exciting = "EXCITING",
    }
);

text_enum!(
    /// Where an event happens.
    EventFormat {
        Online = "ONLINE",
        InPerson = "IN_PERSON",
        Hybrid = "HYBRID",
    }
);

text_enum!(
    /// Whether an event (or a series) still takes place.
    EventState {
        Scheduled = "SCHEDULED",
        Cancelled = "CANCELLED",
    }
);

text_enum!(
    /// A person's answer to an event, and where it put them.
    RsvpStatus {
        Going = "GOING",
        Maybe = "MAYBE",
        Declined = "DECLINED",
        Waitlisted = "WAITLISTED",
    }
);

text_enum!(
    /// What a domain event tells. The federation types are the audit actions of the same
    /// name; the others are told by the knowledge, culture and webhook services.
    DomainEventType {
        PartnershipProposed = "PARTNERSHIP_PROPOSED",
        PartnershipAccepted = "PARTNERSHIP_ACCEPTED",
        PartnershipDeclined = "PARTNERSHIP_DECLINED",
        PartnershipSuspended = "PARTNERSHIP_SUSPENDED",
        PartnershipResumed = "PARTNERSHIP_RESUMED",
        PartnershipEnded = "PARTNERSHIP_ENDED",
        PartnerPolicyChanged = "PARTNER_POLICY_CHANGED",
        PolicyDefaultsChanged = "POLICY_DEFAULTS_CHANGED",
        CommunityCreated = "COMMUNITY_CREATED",
        CommunityUpdated = "COMMUNITY_UPDATED",
        OrganizationInvited = "ORGANIZATION_INVITED",
        InvitationAccepted = "INVITATION_ACCEPTED",
        InvitationDeclined = "INVITATION_DECLINED",
        OrganizationRemoved = "ORGANIZATION_REMOVED",
        OrganizationWithdrew = "ORGANIZATION_WITHDREW",
        MembershipRequested = "MEMBERSHIP_REQUESTED",
        MembershipApprovalDecided = "MEMBERSHIP_APPROVAL_DECIDED",
        MemberAdded = "MEMBER_ADDED",
        MemberRoleChanged = "MEMBER_ROLE_CHANGED",
        MemberLeft = "MEMBER_LEFT",
        MemberRemoved = "MEMBER_REMOVED",
        MemberOffboarded = "MEMBER_OFFBOARDED",
        OrganizationDisabled = "ORGANIZATION_DISABLED",
        OrganizationEnabled = "ORGANIZATION_ENABLED",
        ProblemPosted = "PROBLEM_POSTED",
        ProblemUpdated = "PROBLEM_UPDATED",
        ProblemClosed = "PROBLEM_CLOSED",
        ProblemReopened = "PROBLEM_REOPENED",
        ProblemSolved = "PROBLEM_SOLVED",
        IdeaContributed = "IDEA_CONTRIBUTED",
        IdeaReplied = "IDEA_REPLIED",
        IdeaEdited = "IDEA_EDITED",
        IdeaEndorsed = "IDEA_ENDORSED",
        ArticlePublished = "ARTICLE_PUBLISHED",
        ArticleUpdated = "ARTICLE_UPDATED",
        ArticleArchived = "ARTICLE_ARCHIVED",
        ApplicationReported = "APPLICATION_REPORTED",
        ApplicationConfirmed = "APPLICATION_CONFIRMED",
        EventScheduled = "EVENT_SCHEDULED",
        EventUpdated = "EVENT_UPDATED",
        EventCancelled = "EVENT_CANCELLED",
        EventSeriesScheduled = "EVENT_SERIES_SCHEDULED",
        EventSeriesUpdated = "EVENT_SERIES_UPDATED",
        EventSeriesCancelled = "EVENT_SERIES_CANCELLED",
        RsvpChanged = "RSVP_CHANGED",
        AttendeeCheckedIn = "ATTENDEE_CHECKED_IN",
        WebhookEndpointDisabled = "WEBHOOK_ENDPOINT_DISABLED",
        OidcLoginSet = "OIDC_LOGIN_SET",
        OidcLoginRemoved = "OIDC_LOGIN_REMOVED",
        PersistedOperationRegistered = "PERSISTED_OPERATION_REGISTERED",
        PersistedOperationRemoved = "PERSISTED_OPERATION_REMOVED",
        PersistedOperationsOnlyChanged = "PERSISTED_OPERATIONS_ONLY_CHANGED",
        OrganizationRateLimitSet = "ORGANIZATION_RATE_LIMIT_SET",
    }
);

impl DomainEventType {
    /// The event type that tells an audited federation change.
    pub fn from_audit(action: AuditAction) -> Self {
        match action {
            AuditAction::PartnershipProposed => Self::PartnershipProposed,
            AuditAction::PartnershipAccepted => Self::PartnershipAccepted,
            AuditAction::PartnershipDeclined => Self::PartnershipDeclined,
            AuditAction::PartnershipSuspended => Self::PartnershipSuspended,
            AuditAction::PartnershipResumed => Self::PartnershipResumed,
            AuditAction::PartnershipEnded => Self::PartnershipEnded,
            AuditAction::PartnerPolicyChanged => Self::PartnerPolicyChanged,
            AuditAction::PolicyDefaultsChanged => Self::PolicyDefaultsChanged,
            AuditAction::CommunityCreated => Self::CommunityCreated,
            AuditAction::CommunityUpdated => Self::CommunityUpdated,
            AuditAction::OrganizationInvited => Self::OrganizationInvited,
            AuditAction::InvitationAccepted => Self::InvitationAccepted,
            AuditAction::InvitationDeclined => Self::InvitationDeclined,
            AuditAction::OrganizationRemoved => Self::OrganizationRemoved,
            AuditAction::OrganizationWithdrew => Self::OrganizationWithdrew,
            AuditAction::MembershipRequested => Self::MembershipRequested,
            AuditAction::MembershipApprovalDecided => Self::MembershipApprovalDecided,
            AuditAction::MemberAdded => Self::MemberAdded,
            AuditAction::MemberRoleChanged => Self::MemberRoleChanged,
            AuditAction::MemberLeft => Self::MemberLeft,
            AuditAction::MemberRemoved => Self::MemberRemoved,
            AuditAction::MemberOffboarded => Self::MemberOffboarded,
            AuditAction::OrganizationDisabled => Self::OrganizationDisabled,
            AuditAction::OrganizationEnabled => Self::OrganizationEnabled,
            AuditAction::OidcLoginSet => Self::OidcLoginSet,
            AuditAction::OidcLoginRemoved => Self::OidcLoginRemoved,
            AuditAction::PersistedOperationRegistered => Self::PersistedOperationRegistered,
            AuditAction::PersistedOperationRemoved => Self::PersistedOperationRemoved,
            AuditAction::PersistedOperationsOnlyChanged => Self::PersistedOperationsOnlyChanged,
            AuditAction::OrganizationRateLimitSet => Self::OrganizationRateLimitSet,
        }
    }
}

text_enum!(
    /// Who may hear of a domain event.
    EventAudience {
        Community = "COMMUNITY",
        Admins = "ADMINS",
    }
);

text_enum!(
    /// Whether a webhook endpoint receives deliveries.
    WebhookStatus {
        Active = "ACTIVE",
        Paused = "PAUSED",
        Disabled = "DISABLED",
    }
);

text_enum!(
    /// Where a webhook delivery stands.
    DeliveryStatus {
        Pending = "PENDING",
        Delivered = "DELIVERED",
        Failed = "FAILED",
    }
);
