/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * Implement the DateTime<Utc> scalar
   *
   * The input/output is a string in RFC3339 format.
   */
  DateTime: { input: string; output: string; }
  /** A scalar that can represent any JSON value. */
  JSON: { input: unknown; output: unknown; }
  /**
   * ISO 8601 calendar date without timezone.
   * Format: %Y-%m-%d
   *
   * # Examples
   *
   * * `1994-11-13`
   * * `2000-02-24`
   */
  NaiveDate: { input: string; output: string; }
};

/** Input of `acceptInvitation`. */
export type AcceptInvitationInput = {
  /** Global id of the participation (the invitation). */
  participationId: Scalars['ID']['input'];
  /** Global id of the organization's local sponsor: one of its people. */
  sponsorId: Scalars['ID']['input'];
};

/** Ideas to accept as a problem's solution. */
export type AcceptSolutionInput = {
  /** Ideas (or replies) of that problem, 1 to 20. */
  ideaIds: Array<Scalars['ID']['input']>;
  /** The problem. */
  problemId: Scalars['ID']['input'];
};

/** Input of `addMember`. */
export type AddMemberInput = {
  /** Global id of the community. */
  communityId: Scalars['ID']['input'];
  /** Their leadership; left out, it follows the role (FORMAL for SPONSOR and COORDINATOR). */
  leadership?: InputMaybe<Leadership>;
  /** Global id of a person of the coordinator's own organization. */
  personId: Scalars['ID']['input'];
  /** Their role. */
  role?: MemberRole;
};

/** A member's report of applying an article, or a solved problem's solution, at work. */
export type Application = Node & {
  __typename?: 'Application';
  /** The day it was applied. */
  appliedOn: Scalars['NaiveDate']['output'];
  /** The article applied; null when a problem's solution was applied. */
  article?: Maybe<KnowledgeArticle>;
  /** The business unit where it was applied. */
  businessUnit: Scalars['String']['output'];
  /** The community. */
  community?: Maybe<Community>;
  /** How many others confirmed they applied it too. */
  confirmationCount: Scalars['Int']['output'];
  /** Confirmations by others, oldest first. */
  confirmations: ApplicationConfirmationConnection;
  /** Money saved. */
  costSaved?: Maybe<Money>;
  /** When it was reported. */
  createdAt: Scalars['DateTime']['output'];
  /** Hours saved, to the hundredth. */
  hoursSaved?: Maybe<Scalars['Float']['output']>;
  /** Globally unique, opaque identifier. */
  id: Scalars['ID']['output'];
  /** The reporter's organization. */
  organization?: Maybe<Organization>;
  /** How it turned out. */
  outcome: Scalars['String']['output'];
  /** Who reported it. */
  person?: Maybe<Person>;
  /** The solved problem whose solution was applied (when it was not an article). */
  problem?: Maybe<Problem>;
  /** Effect on quality. */
  qualityNote?: Maybe<Scalars['String']['output']>;
  /** Risks seen. */
  riskNote?: Maybe<Scalars['String']['output']>;
  /** Whether the viewer confirmed it. */
  viewerConfirmed: Scalars['Boolean']['output'];
  /** What was done. */
  whatWasDone: Scalars['String']['output'];
};


/** A member's report of applying an article, or a solved problem's solution, at work. */
export type ApplicationConfirmationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** Another member confirming they applied the same knowledge too. */
export type ApplicationConfirmation = {
  __typename?: 'ApplicationConfirmation';
  /** The business unit where they applied it, if they said. */
  businessUnit?: Maybe<Scalars['String']['output']>;
  /** When they confirmed. */
  createdAt: Scalars['DateTime']['output'];
  /** What they add. */
  note?: Maybe<Scalars['String']['output']>;
  /** Their organization. */
  organization?: Maybe<Organization>;
  /** Who confirmed. */
  person?: Maybe<Person>;
};

export type ApplicationConfirmationConnection = {
  __typename?: 'ApplicationConfirmationConnection';
  /** A list of edges. */
  edges: Array<ApplicationConfirmationEdge>;
  /** A list of nodes. */
  nodes: Array<ApplicationConfirmation>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items the whole list holds (all pages), counting only what the viewer may see. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type ApplicationConfirmationEdge = {
  __typename?: 'ApplicationConfirmationEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: ApplicationConfirmation;
};

export type ApplicationConnection = {
  __typename?: 'ApplicationConnection';
  /** A list of edges. */
  edges: Array<ApplicationEdge>;
  /** A list of nodes. */
  nodes: Array<Application>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items the whole list holds (all pages), counting only what the viewer may see. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type ApplicationEdge = {
  __typename?: 'ApplicationEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Application;
};

/** Result of reporting or confirming an application. */
export type ApplicationPayload = {
  __typename?: 'ApplicationPayload';
  /** The object after the change; null when `userErrors` says why it was not made. */
  application?: Maybe<Application>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** How often, where and to what effect an article was applied. */
export type ApplicationSummary = {
  __typename?: 'ApplicationSummary';
  /** Reported applications. */
  applicationCount: Scalars['Int']['output'];
  /** Applications and confirmations per organization and business unit, most first. */
  byBusinessUnit: Array<BusinessUnitApplications>;
  /** Confirmations of those applications. */
  confirmationCount: Scalars['Int']['output'];
  /** Total money saved, per currency. */
  costSaved: Array<Money>;
  /** Total hours saved, to the hundredth. */
  hoursSaved: Scalars['Float']['output'];
  /** Organizations that reported or confirmed an application. */
  organizationCount: Scalars['Int']['output'];
};

/** Who must approve a membership request. */
export type ApprovalKind =
  /** A coordinator of the community (the community's join rule). */
  | 'COORDINATOR'
  /** An admin of the host organization (its inbound policy). */
  | 'HOST_ADMIN'
  /** An admin of the person's own organization (its outbound policy). */
  | 'MEMBER_ORGANIZATION_ADMIN';

/** Where one approval stands. */
export type ApprovalStatus =
  /** Given. */
  | 'APPROVED'
  /** Not decided yet. */
  | 'PENDING'
  /** Refused. */
  | 'REJECTED';

/** An author of an article, from any organization taking part in the community. */
export type ArticleAuthor = {
  __typename?: 'ArticleAuthor';
  /** When they became an author. */
  addedAt: Scalars['DateTime']['output'];
  /** The author's organization. */
  organization?: Maybe<Organization>;
  /** The author. */
  person?: Maybe<Person>;
};

/** Input of `addArticleAuthor` and `removeArticleAuthor`. */
export type ArticleAuthorInput = {
  /** Global id of the article. */
  articleId: Scalars['ID']['input'];
  /** Global id of the person. */
  personId: Scalars['ID']['input'];
};

/** Filters of a community's `articles`. */
export type ArticleFilter = {
  /** Only articles with an author of this organization. */
  authorOrganizationId?: InputMaybe<Scalars['ID']['input']>;
  /** Only articles written from this problem. */
  sourceProblemId?: InputMaybe<Scalars['ID']['input']>;
  /** Only articles in one of these states (all the viewer may see when left out). */
  states?: InputMaybe<Array<ArticleState>>;
  /** Only articles with all of these tags. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** How a list of articles is ordered. */
export type ArticleOrder =
  /** Most applications first, then newest. */
  | 'MOST_APPLIED'
  /** Newest first. */
  | 'NEWEST'
  /** Oldest first. */
  | 'OLDEST';

/** Result of a change to an article. */
export type ArticlePayload = {
  __typename?: 'ArticlePayload';
  /** The object after the change; null when `userErrors` says why it was not made. */
  article?: Maybe<KnowledgeArticle>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** One numbered revision of an article: the whole text as it was then, who wrote it and why. */
export type ArticleRevision = {
  __typename?: 'ArticleRevision';
  /** Who made it. */
  author?: Maybe<Person>;
  /** The organization of who made it. */
  authorOrganization?: Maybe<Organization>;
  /** The Markdown text then. */
  body: Scalars['String']['output'];
  /** When it was made. */
  createdAt: Scalars['DateTime']['output'];
  /**
   * A unified diff of title, tags and text from revision `against` to this one; empty when
   * they read the same, or for revision 1 without `against`.
   */
  diff: Scalars['String']['output'];
  /** The editor's summary of the change ("created", "state: DRAFT → IN_REVIEW", ...). */
  note: Scalars['String']['output'];
  /** Its number: 1 at creation, one more for every change of text or state. */
  number: Scalars['Int']['output'];
  /** The article's state right after this revision. */
  state: ArticleState;
  /** The tags then. */
  tags: Array<Scalars['String']['output']>;
  /** The title then. */
  title: Scalars['String']['output'];
};


/** One numbered revision of an article: the whole text as it was then, who wrote it and why. */
export type ArticleRevisionDiffArgs = {
  against?: InputMaybe<Scalars['Int']['input']>;
};

export type ArticleRevisionConnection = {
  __typename?: 'ArticleRevisionConnection';
  /** A list of edges. */
  edges: Array<ArticleRevisionEdge>;
  /** A list of nodes. */
  nodes: Array<ArticleRevision>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items the whole list holds (all pages), counting only what the viewer may see. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type ArticleRevisionEdge = {
  __typename?: 'ArticleRevisionEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: ArticleRevision;
};

/** Where a knowledge article stands. */
export type ArticleState =
  /** Kept for reference, no longer current. */
  | 'ARCHIVED'
  /** Being written; only its authors and the community's coordinators see it. */
  | 'DRAFT'
  /** Waiting for a coordinator's review; only its authors and coordinators see it. */
  | 'IN_REVIEW'
  /** Part of the community's knowledge base. */
  | 'PUBLISHED';

/** What an audit event records. */
export type AuditAction =
  /** A community was created. */
  | 'COMMUNITY_CREATED'
  /** A community's settings changed. */
  | 'COMMUNITY_UPDATED'
  /** An invitation was accepted. */
  | 'INVITATION_ACCEPTED'
  /** An invitation was declined. */
  | 'INVITATION_DECLINED'
  /** An approval of a membership was given or refused. */
  | 'MEMBERSHIP_APPROVAL_DECIDED'
  /** A person asked to join a community. */
  | 'MEMBERSHIP_REQUESTED'
  /** A coordinator added a member. */
  | 'MEMBER_ADDED'
  /** A member left. */
  | 'MEMBER_LEFT'
  /** An organization removed one of its people from a community hosted elsewhere. */
  | 'MEMBER_OFFBOARDED'
  /** A member was removed. */
  | 'MEMBER_REMOVED'
  /** A member's role or leadership changed. */
  | 'MEMBER_ROLE_CHANGED'
  /** An organization's admin removed its OpenID Connect console login. */
  | 'OIDC_LOGIN_REMOVED'
  /** An organization's admin set its OpenID Connect console login. */
  | 'OIDC_LOGIN_SET'
  /** The platform operator disabled an organization. */
  | 'ORGANIZATION_DISABLED'
  /** The platform operator enabled an organization. */
  | 'ORGANIZATION_ENABLED'
  /** An organization was invited to a community. */
  | 'ORGANIZATION_INVITED'
  /** The platform operator set an organization's cost budgets (rate limits). */
  | 'ORGANIZATION_RATE_LIMIT_SET'
  /** The host removed an organization (or withdrew its invitation). */
  | 'ORGANIZATION_REMOVED'
  /** An organization withdrew from a community. */
  | 'ORGANIZATION_WITHDREW'
  /** A partnership was accepted. */
  | 'PARTNERSHIP_ACCEPTED'
  /** A partnership proposal was declined. */
  | 'PARTNERSHIP_DECLINED'
  /** A partnership was ended. */
  | 'PARTNERSHIP_ENDED'
  /** A partnership was proposed. */
  | 'PARTNERSHIP_PROPOSED'
  /** A suspended partnership was resumed. */
  | 'PARTNERSHIP_RESUMED'
  /** A partnership was suspended. */
  | 'PARTNERSHIP_SUSPENDED'
  /** An organization changed its policy for one partner. */
  | 'PARTNER_POLICY_CHANGED'
  /** An organization's admin or the operator switched persisted-operations-only on or off. */
  | 'PERSISTED_OPERATIONS_ONLY_CHANGED'
  /** An organization's admin or the operator registered a persisted operation. */
  | 'PERSISTED_OPERATION_REGISTERED'
  /** An organization's admin or the operator removed a persisted operation. */
  | 'PERSISTED_OPERATION_REMOVED'
  /** An organization changed its default partner policies. */
  | 'POLICY_DEFAULTS_CHANGED';

/** A recorded change: who did what, to which object, for which organizations. */
export type AuditEvent = Node & {
  __typename?: 'AuditEvent';
  /** What happened. */
  action: AuditAction;
  /** Who did it, when the viewer may see them. */
  actor?: Maybe<Person>;
  /** The actor's name when it happened (`operator:SUBJECT` for the platform operator). */
  actorName: Scalars['String']['output'];
  /** The actor's organization. */
  actorOrganization?: Maybe<Organization>;
  /** The object's state after the change, with what it changed elsewhere (JSON). */
  after?: Maybe<Scalars['JSON']['output']>;
  /** The object's state before the change (JSON; null for a creation). */
  before?: Maybe<Scalars['JSON']['output']>;
  /** The community it concerns, when the viewer may see it. */
  community?: Maybe<Community>;
  /** Globally unique, opaque identifier. */
  id: Scalars['ID']['output'];
  /** When it happened. */
  occurredAt: Scalars['DateTime']['output'];
  /**
   * The organization the change concerns first (the host of a community, the proposer of
   * a partnership, ...).
   */
  organization?: Maybe<Organization>;
  /** The other organization it concerns, if any. */
  otherOrganization?: Maybe<Organization>;
  /** Global id of the changed object. */
  targetId?: Maybe<Scalars['ID']['output']>;
};

export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  /** A list of edges. */
  edges: Array<AuditEventEdge>;
  /** A list of nodes. */
  nodes: Array<AuditEvent>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items the whole list holds (all pages), counting only what the viewer may see. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type AuditEventEdge = {
  __typename?: 'AuditEventEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: AuditEvent;
};

/** Filters of `auditEvents`. */
export type AuditEventFilter = {
  /** Only these actions. */
  actions?: InputMaybe<Array<AuditAction>>;
  /** Only events of this community. */
  communityId?: InputMaybe<Scalars['ID']['input']>;
  /** Only events that concern this partner organization too. */
  partnerId?: InputMaybe<Scalars['ID']['input']>;
  /** Only events at or after this time. */
  since?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only events before this time. */
  until?: InputMaybe<Scalars['DateTime']['input']>;
};

/** How often one business unit of an organization applied an article. */
export type BusinessUnitApplications = {
  __typename?: 'BusinessUnitApplications';
  /** The business unit; null for confirmations that named none. */
  businessUnit?: Maybe<Scalars['String']['output']>;
  /** Applications and confirmations counted. */
  count: Scalars['Int']['output'];
  /** The organization. */
  organization?: Maybe<Organization>;
};

/** A person's calendar feed (its URLs are shown once, by `rotateCalendarFeed`). */
export type CalendarFeed = {
  __typename?: 'CalendarFeed';
  /** When its token was made. */
  createdAt: Scalars['DateTime']['output'];
  /** When a calendar app last read it (to the hour). */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** Result of `rotateCalendarFeed` and `revokeCalendarFeed`. */
export type CalendarFeedPayload = {
  __typename?: 'CalendarFeedPayload';
  /** The feed (after `revokeCalendarFeed`: the one removed, if any). */
  calendarFeed?: Maybe<CalendarFeed>;
  /** One URL per community live for the viewer where they are an ACTIVE member. */
  communityFeedUrls: Array<CommunityFeedUrl>;
  /** `.../calendar/<token>.ics`: shown once. */
  personalFeedUrl?: Maybe<Scalars['String']['output']>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** Input of `cancelEvent`. */
export type CancelEventInput = {
  /** Global id of the event. */
  eventId: Scalars['ID']['input'];
  /** Why (shown with the event). */
  reason?: InputMaybe<Scalars['String']['input']>;
};

/** Input of `cancelEventSeries`. */
export type CancelEventSeriesInput = {
  /** Why (shown with each cancelled occurrence). */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** Global id of the series. */
  seriesId: Scalars['ID']['input'];
};

/** Input of `changeMemberRole`. */
export type ChangeMemberRoleInput = {
  /** The leadership; left out, it follows the role; null: not a leader. */
  leadership?: InputMaybe<Leadership>;
  /** Global id of the membership. */
  membershipId: Scalars['ID']['input'];
  /** The new role. */
  role: MemberRole;
};

/** Input of `checkInAttendee`. */
export type CheckInAttendeeInput = {
  /** Global id of the event. */
  eventId: Scalars['ID']['input'];
  /** Global id of the person (a member of the community). */
  personId: Scalars['ID']['input'];
};

/** A community of practice: hosted by one organization, federated to partners. */
export type Community = Node & {
  __typename?: 'Community';
  /** Reported applications of the community's knowledge, newest first. */
  applications: ApplicationConnection;
  /**
   * Knowledge articles the viewer may see (drafts and reviews only for their authors and
   * coordinators).
   */
  articles: KnowledgeArticleConnection;
  /** The charter: domain, practices, norms (Markdown). */
  charter: Scalars['String']['output'];
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Recurring series of the community, oldest first. */
  eventSeries: EventSeriesConnection;
  /** Events of the community (and occurrences of its series), by start. */
  events: EventConnection;
  /** Health indicators over the last 90 days and the stage they suggest. */
  health: CommunityHealth;
  /** The host organization. */
  host?: Maybe<Organization>;
  /** Globally unique, opaque identifier. */
  id: Scalars['ID']['output'];
  /** Whether joining needs a coordinator's approval. */
  joinRule: JoinRule;
  /** Who leads the community, and which organizations lack a leader there. */
  leadership: CommunityLeadership;
  /**
   * Members the viewer may see, in the order they first asked to join. Members see the
   * ACTIVE ones; coordinators see every status.
   */
  members: MembershipConnection;
  /** Display name. */
  name: Scalars['String']['output'];
  /**
   * The organizations taking part (the host included), oldest first. Members see the
   * ACTIVE ones; coordinators see all.
   */
  participants: ParticipationConnection;
  /** Problems posted here, as the viewer may see them. */
  problems: ProblemConnection;
  /** What the community is for. */
  purpose: Scalars['String']['output'];
  /** How often the community meets, who comes, and where it went quiet, over a period. */
  rhythm: RhythmReport;
  /**
   * The usual number of days between events, when a host coordinator declared one
   * (`setCommunityRhythm`); the rhythm report otherwise uses the median gap.
   */
  rhythmIntervalDays?: Maybe<Scalars['Int']['output']>;
  /** Short name, unique within the host. */
  slug: Scalars['String']['output'];
  /** Where it is in its life. */
  stage: LifecycleStage;
  /** Topics, as slugs. */
  tags: Array<Scalars['String']['output']>;
  /** When its settings last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** What the community added up to over a period. */
  valueReport: ValueReport;
  /**
   * Whether the viewer coordinates this community (an active coordinator, or an admin of
   * the host).
   */
  viewerCoordinates: Scalars['Boolean']['output'];
  /** The viewer's own membership, whatever its status; null if they never asked to join. */
  viewerMembership?: Maybe<Membership>;
  /** Who may see it. */
  visibility: CommunityVisibility;
};


/** A community of practice: hosted by one organization, federated to partners. */
export type CommunityApplicationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A community of practice: hosted by one organization, federated to partners. */
export type CommunityArticlesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ArticleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: ArticleOrder;
};


/** A community of practice: hosted by one organization, federated to partners. */
export type CommunityEventSeriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A community of practice: hosted by one organization, federated to partners. */
export type CommunityEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  includeCancelled?: Scalars['Boolean']['input'];
  kinds?: InputMaybe<Array<EventKind>>;
  last?: InputMaybe<Scalars['Int']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


/** A community of practice: hosted by one organization, federated to partners. */
export type CommunityLeadershipArgs = {
  threshold?: Scalars['Int']['input'];
};


/** A community of practice: hosted by one organization, federated to partners. */
export type CommunityMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  role?: InputMaybe<MemberRole>;
  status?: InputMaybe<MembershipStatus>;
};


/** A community of practice: hosted by one organization, federated to partners. */
export type CommunityParticipantsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<ParticipationStatus>;
};


/** A community of practice: hosted by one organization, federated to partners. */
export type CommunityProblemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProblemFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: ProblemOrder;
};


/** A community of practice: hosted by one organization, federated to partners. */
export type CommunityRhythmArgs = {
  period: PeriodInput;
};


/** A community of practice: hosted by one organization, federated to partners. */
export type CommunityValueReportArgs = {
  period: PeriodInput;
};

export type CommunityConnection = {
  __typename?: 'CommunityConnection';
  /** A list of edges. */
  edges: Array<CommunityEdge>;
  /** A list of nodes. */
  nodes: Array<Community>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items the whole list holds (all pages), counting only what the viewer may see. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type CommunityEdge = {
  __typename?: 'CommunityEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Community;
};

/** One community's feed URL. */
export type CommunityFeedUrl = {
  __typename?: 'CommunityFeedUrl';
  /** The community. */
  community: Community;
  /** Its feed URL (secret: it carries the token). */
  url: Scalars['String']['output'];
};

/** Filters of `communities`. */
export type CommunityFilter = {
  /** Only communities hosted by this organization. */
  hostId?: InputMaybe<Scalars['ID']['input']>;
  /** Only those the viewer is an active member of (true), or is not (false). */
  joined?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only communities at this stage. */
  stage?: InputMaybe<LifecycleStage>;
  /** Only communities with this tag. */
  tag?: InputMaybe<Scalars['String']['input']>;
};

/** The health of a community as of now (`docs/CULTURE.md`, "Health"). */
export type CommunityHealth = {
  __typename?: 'CommunityHealth';
  /** ACTIVE members. */
  activeMembers: Scalars['Int']['output'];
  /** When the indicators were computed. */
  asOf: Scalars['DateTime']['output'];
  /**
   * Share of the last 90 days' contributions by sponsors, coordinators and core members;
   * null without contributions.
   */
  coreShare?: Maybe<Scalars['Float']['output']>;
  /** Days since the newest contribution or event start; null when there is none. */
  daysSinceLastActivity?: Maybe<Scalars['Int']['output']>;
  /** No activity for the server's `--dormant-after` (default 60 days). */
  dormant: Scalars['Boolean']['output'];
  /** Joined in the last 90 days ÷ members 90 days ago; null when there were none. */
  growthRate?: Maybe<Scalars['Float']['output']>;
  /** ACTIVE members who joined in the last 90 days. */
  joinedLast90Days: Scalars['Int']['output'];
  /** The rest of the contributions; null without contributions. */
  peripheralShare?: Maybe<Scalars['Float']['output']>;
  /** Gaps of the rhythm over the last 180 days. */
  rhythmGaps: Array<RhythmGap>;
  /** The stage the indicators suggest; the stored `stage` stays the coordinators' call. */
  suggestedStage: LifecycleStage;
  /** OPEN problems older than 7 days with no idea. */
  unansweredProblems: Scalars['Int']['output'];
};

/** An organization's members and leaders in one community. */
export type CommunityLeaders = {
  __typename?: 'CommunityLeaders';
  /** The community. */
  community: Community;
  /** At least `threshold` members and no leader. */
  lacksLeader: Scalars['Boolean']['output'];
  /** Its leaders there, by role and kind. */
  leaders: Array<LeadersByRole>;
  /** The organization's ACTIVE members there. */
  members: Scalars['Int']['output'];
};

/** Who leads a community, and which participating organizations lack a leader there. */
export type CommunityLeadership = {
  __typename?: 'CommunityLeadership';
  /** The host and each organization with an ACTIVE participation. */
  byOrganization: Array<OrganizationLeaders>;
  /** ACTIVE coordinators. */
  coordinators: Array<Membership>;
  /** ACTIVE core members. */
  coreMembers: Array<Membership>;
  /** ACTIVE FORMAL leaders (sponsors and coordinators unless marked otherwise). */
  formalLeaders: Array<Membership>;
  /** ACTIVE INFORMAL leaders. */
  informalLeaders: Array<Membership>;
  /** ACTIVE sponsors. */
  sponsors: Array<Membership>;
  /** Members from this many on, an organization should have a leader. */
  threshold: Scalars['Int']['output'];
};

/** Result of a change to a community. */
export type CommunityPayload = {
  __typename?: 'CommunityPayload';
  /** The object after the change; null when `userErrors` says why it was not made. */
  community?: Maybe<Community>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** Input naming one community. */
export type CommunityRefInput = {
  /** Global id of the community. */
  communityId: Scalars['ID']['input'];
};

/** An organization's figures in one community. */
export type CommunityValue = {
  __typename?: 'CommunityValue';
  /** The community. */
  community: Community;
  /** The organization's figures there. */
  figures: ValueFigures;
};

/** Who may see a community. */
export type CommunityVisibility =
  /** Also the people of partner organizations that take part. */
  | 'FEDERATED'
  /** Only the host organization's people. */
  | 'HOST_ONLY';

/** Input of `confirmApplication`. */
export type ConfirmApplicationInput = {
  /** Global id of the application. */
  applicationId: Scalars['ID']['input'];
  /** The business unit where the viewer applied it too. */
  businessUnit?: InputMaybe<Scalars['String']['input']>;
  /** What the viewer adds. */
  note?: InputMaybe<Scalars['String']['input']>;
};

/** A new idea, or a reply to one. */
export type ContributeIdeaInput = {
  /** The idea in Markdown (at most 50,000 characters). */
  body: Scalars['String']['input'];
  /** The top-level idea it replies to, if it is a reply. */
  parentIdeaId?: InputMaybe<Scalars['ID']['input']>;
  /** The problem it answers. */
  problemId: Scalars['ID']['input'];
};

/**
 * Input of `createArticle`: a blank page (title and body required) or one written from a
 * SOLVED problem (whose title, text with its accepted solution, and tags fill what is left
 * out).
 */
export type CreateArticleInput = {
  /** Markdown text (at most 50,000 characters). */
  body?: InputMaybe<Scalars['String']['input']>;
  /** Global ids of co-authors: ACTIVE members of the community, at most 10. */
  coAuthorIds?: Array<Scalars['ID']['input']>;
  /** Global id of the community; may be left out when `fromProblemId` is given. */
  communityId?: InputMaybe<Scalars['ID']['input']>;
  /** Global id of a SOLVED problem to write the article from. */
  fromProblemId?: InputMaybe<Scalars['ID']['input']>;
  /** Topics (at most 20 slugs); left out, the problem's. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Title (3-200 characters, one line). */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Input of `createCommunity`. */
export type CreateCommunityInput = {
  /** The charter (Markdown, at most 20,000 characters). */
  charter?: Scalars['String']['input'];
  /** Whether joining needs a coordinator's approval. */
  joinRule?: JoinRule;
  /** Display name (at most 120 characters). */
  name: Scalars['String']['input'];
  /** What the community is for (at most 2,000 characters). */
  purpose?: Scalars['String']['input'];
  /** Short name, unique within the host: 2-40 lowercase letters, digits or single hyphens. */
  slug: Scalars['String']['input'];
  /** Where it is in its life. */
  stage?: LifecycleStage;
  /** Topics (at most 20 slugs). */
  tags?: Array<Scalars['String']['input']>;
  /** Who may see it. */
  visibility?: CommunityVisibility;
};

/** Input of `createEvent`. Times are local date-times (`2027-03-02T09:00`) in `timeZone`. */
export type CreateEventInput = {
  /** Seats (1-100,000); left out, no limit. */
  capacity?: InputMaybe<Scalars['Int']['input']>;
  /** Global id of the community. */
  communityId: Scalars['ID']['input'];
  /** Markdown. */
  description?: Scalars['String']['input'];
  /** Local end, at most 14 days after the start. */
  end: Scalars['String']['input'];
  /** ONLINE, IN_PERSON or HYBRID. */
  format: EventFormat;
  /** `https://` URL; required for ONLINE and HYBRID. */
  joinUrl?: InputMaybe<Scalars['String']['input']>;
  /** FAMILIAR or EXCITING. */
  kind: EventKind;
  /** Plain text; required for IN_PERSON and HYBRID. */
  place?: InputMaybe<Scalars['String']['input']>;
  /**
   * An RFC 5545 RRULE value without DTSTART (FREQ DAILY, WEEKLY, MONTHLY or YEARLY; at
   * most 500 occurrences): makes a recurring series.
   */
  recurrence?: InputMaybe<Scalars['String']['input']>;
  /** Local start, `YYYY-MM-DDTHH:MM`. */
  start: Scalars['String']['input'];
  /** IANA time zone, e.g. `Europe/Berlin`. */
  timeZone: Scalars['String']['input'];
  /** Title (3-200 characters, one line). */
  title: Scalars['String']['input'];
};

/** Input of `createOrganization`. */
export type CreateOrganizationInput = {
  /** Claim that marks admins. Default: `roles`. */
  adminClaim?: InputMaybe<Scalars['String']['input']>;
  /** Value the admin claim must hold or contain. Default: `admin`. */
  adminClaimValue?: InputMaybe<Scalars['String']['input']>;
  /** Also create an HS256 development key, returned once in the payload. */
  createDevelopmentKey?: Scalars['Boolean']['input'];
  /** The `iss` of the organization's tokens. Default: `urn:praxis:org:SLUG`. */
  issuer?: InputMaybe<Scalars['String']['input']>;
  /** JWKS URL of that issuer (https). */
  jwksUrl?: InputMaybe<Scalars['String']['input']>;
  /** Display name. */
  name: Scalars['String']['input'];
  /** Short unique name: 2-40 lowercase letters, digits or single hyphens. */
  slug: Scalars['String']['input'];
};

/** Result of `createOrganization`. */
export type CreateOrganizationPayload = {
  __typename?: 'CreateOrganizationPayload';
  /** The development key, when one was asked for. */
  developmentKey?: Maybe<DevelopmentKey>;
  /** The new organization, unless `userErrors` says why not. */
  organization?: Maybe<Organization>;
  /** Why the organization was not created. */
  userErrors: Array<UserError>;
};

/** Input of `createWebhookEndpoint`. */
export type CreateWebhookEndpointInput = {
  /** What it is for (at most 500 characters). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The event types it receives (at least one, each once). */
  eventTypes: Array<DomainEventType>;
  /** Global id of the organization whose events it receives. */
  organizationId: Scalars['ID']['input'];
  /** `https://` URL on a public host, at most 2,048 characters. */
  url: Scalars['String']['input'];
};

/** Input of `decideApprovals`. */
export type DecideApprovalsInput = {
  /** Global ids of the approvals (1-100); all are decided or none. */
  approvalIds: Array<Scalars['ID']['input']>;
  /** Give (true) or refuse (false) them. */
  approve: Scalars['Boolean']['input'];
};

/** Result of `decideApprovals`. */
export type DecideApprovalsPayload = {
  __typename?: 'DecideApprovalsPayload';
  /** The object after the change; null when `userErrors` says why it was not made. */
  approvals?: Maybe<Array<MembershipApproval>>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** Result of `deleteWebhookEndpoint`. */
export type DeleteWebhookEndpointPayload = {
  __typename?: 'DeleteWebhookEndpointPayload';
  /** The object after the change; null when `userErrors` says why it was not made. */
  deletedId?: Maybe<Scalars['ID']['output']>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** Where a delivery stands. */
export type DeliveryStatus =
  /** A 2xx answer was received. */
  | 'DELIVERED'
  /** Every attempt failed; redeliverable. */
  | 'FAILED'
  /** Waiting for its (next) attempt. */
  | 'PENDING';

/** A generated HS256 development key, shown only in the payload that created it. */
export type DevelopmentKey = {
  __typename?: 'DevelopmentKey';
  /** The issuer tokens signed with it must name. */
  issuer: Scalars['String']['output'];
  /** The `kid` tokens signed with it must carry. */
  kid?: Maybe<Scalars['String']['output']>;
  /** The shared secret. Store it now: it is never shown again. */
  secret: Scalars['String']['output'];
};

/** A person who leads a business unit of their organization and reads its value report. */
export type DivisionLeader = {
  __typename?: 'DivisionLeader';
  /** The unit, as the admin who granted it wrote it. */
  businessUnit: Scalars['String']['output'];
  /** When the role was granted. */
  grantedAt: Scalars['DateTime']['output'];
  /** The leader. */
  person?: Maybe<Person>;
};

/** Input of `grantDivisionLeader` and `revokeDivisionLeader`. */
export type DivisionLeaderInput = {
  /** The unit, compared trimmed and case-insensitively. */
  businessUnit: Scalars['String']['input'];
  /** Global id of a person of an organization the viewer administers. */
  personId: Scalars['ID']['input'];
};

/** Result of a change to a division leader grant. */
export type DivisionLeaderPayload = {
  __typename?: 'DivisionLeaderPayload';
  /** The object after the change; null when `userErrors` says why it was not made. */
  divisionLeader?: Maybe<DivisionLeader>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** One change worth telling, as a subscriber receives it. */
export type DomainEvent = {
  __typename?: 'DomainEvent';
  /** The person who made the change, when the viewer may see them. */
  actor?: Maybe<Person>;
  /** The actor's name when the change was made (`operator:<subject>` for the operator). */
  actorName: Scalars['String']['output'];
  /** Who hears of it. */
  audience: EventAudience;
  /** The community the change happened in, when the viewer may see it. */
  community?: Maybe<Community>;
  /** A snapshot of what changed, as webhooks send it. */
  data: Scalars['JSON']['output'];
  /** The event's id (the same in webhook bodies). */
  id: Scalars['ID']['output'];
  /** When the change was made. */
  occurredAt: Scalars['DateTime']['output'];
  /** The organizations an admin event concerns (those the viewer may see). */
  organizations: Array<Organization>;
  /** Its place in the order of all events (increasing, in commit order). */
  position?: Maybe<Scalars['Int']['output']>;
  /** The changed object as it is now, when the viewer may see it. */
  subject?: Maybe<Node>;
  /** The global id of the changed object. */
  subjectId?: Maybe<Scalars['ID']['output']>;
  /** The API type of the changed object. */
  subjectType: Scalars['String']['output'];
  /** What happened. */
  type: DomainEventType;
};

/** What a domain event tells. */
export type DomainEventType =
  /** An application was confirmed by someone else. */
  | 'APPLICATION_CONFIRMED'
  /** An application of a solution or article at work was reported. */
  | 'APPLICATION_REPORTED'
  /** An article was archived. */
  | 'ARTICLE_ARCHIVED'
  /** A knowledge article was published. */
  | 'ARTICLE_PUBLISHED'
  /** A published article was revised. */
  | 'ARTICLE_UPDATED'
  /** An attendee was checked in. */
  | 'ATTENDEE_CHECKED_IN'
  /** A community was created. */
  | 'COMMUNITY_CREATED'
  /** A community's settings changed. */
  | 'COMMUNITY_UPDATED'
  /** An event (or one occurrence) was cancelled. */
  | 'EVENT_CANCELLED'
  /** An event was scheduled. */
  | 'EVENT_SCHEDULED'
  /** A recurring series was cancelled. */
  | 'EVENT_SERIES_CANCELLED'
  /** A recurring series was scheduled. */
  | 'EVENT_SERIES_SCHEDULED'
  /** A recurring series changed. */
  | 'EVENT_SERIES_UPDATED'
  /** An event (or one occurrence) changed. */
  | 'EVENT_UPDATED'
  /** An idea was contributed to a problem. */
  | 'IDEA_CONTRIBUTED'
  /** An idea or reply was edited. */
  | 'IDEA_EDITED'
  /** An idea was endorsed. */
  | 'IDEA_ENDORSED'
  /** A reply was posted to an idea. */
  | 'IDEA_REPLIED'
  /** An invited organization accepted. */
  | 'INVITATION_ACCEPTED'
  /** An invited organization declined. */
  | 'INVITATION_DECLINED'
  /** An approval of a membership request was given or refused. */
  | 'MEMBERSHIP_APPROVAL_DECIDED'
  /** A person asked to join a community (ACTIVE at once, or PENDING approvals). */
  | 'MEMBERSHIP_REQUESTED'
  /** A coordinator added a member. */
  | 'MEMBER_ADDED'
  /** A member left a community. */
  | 'MEMBER_LEFT'
  /** A person was offboarded from every community hosted elsewhere. */
  | 'MEMBER_OFFBOARDED'
  /** A member was removed from a community. */
  | 'MEMBER_REMOVED'
  /** A member's role or leadership changed. */
  | 'MEMBER_ROLE_CHANGED'
  /** An organization's admin removed its OpenID Connect console login. */
  | 'OIDC_LOGIN_REMOVED'
  /** An organization's admin set its OpenID Connect console login. */
  | 'OIDC_LOGIN_SET'
  /** The operator disabled an organization. */
  | 'ORGANIZATION_DISABLED'
  /** The operator enabled an organization again. */
  | 'ORGANIZATION_ENABLED'
  /** A host invited an organization to a community. */
  | 'ORGANIZATION_INVITED'
  /** The platform operator set an organization's cost budgets (rate limits). */
  | 'ORGANIZATION_RATE_LIMIT_SET'
  /** A host removed an organization from a community. */
  | 'ORGANIZATION_REMOVED'
  /** An organization withdrew from a community. */
  | 'ORGANIZATION_WITHDREW'
  /** The other organization accepted a proposed partnership. */
  | 'PARTNERSHIP_ACCEPTED'
  /** The other organization declined a proposed partnership. */
  | 'PARTNERSHIP_DECLINED'
  /** One side ended a partnership. */
  | 'PARTNERSHIP_ENDED'
  /** An organization proposed a partnership. */
  | 'PARTNERSHIP_PROPOSED'
  /** The suspending side resumed a partnership. */
  | 'PARTNERSHIP_RESUMED'
  /** One side suspended a partnership. */
  | 'PARTNERSHIP_SUSPENDED'
  /** An organization changed its policy for one partner (told to that organization only). */
  | 'PARTNER_POLICY_CHANGED'
  /** An organization's admin or the operator switched persisted-operations-only on or off. */
  | 'PERSISTED_OPERATIONS_ONLY_CHANGED'
  /** An organization's admin or the operator registered a persisted operation. */
  | 'PERSISTED_OPERATION_REGISTERED'
  /** An organization's admin or the operator removed a persisted operation. */
  | 'PERSISTED_OPERATION_REMOVED'
  /** An organization changed its default partner policies. */
  | 'POLICY_DEFAULTS_CHANGED'
  /** A problem was closed. */
  | 'PROBLEM_CLOSED'
  /** A problem was posted. */
  | 'PROBLEM_POSTED'
  /** A problem was reopened. */
  | 'PROBLEM_REOPENED'
  /** A solution was accepted for a problem. */
  | 'PROBLEM_SOLVED'
  /** A problem was edited. */
  | 'PROBLEM_UPDATED'
  /** A person's RSVP changed (including a promotion from the waitlist). */
  | 'RSVP_CHANGED'
  /** A webhook endpoint was disabled after failing for too long. */
  | 'WEBHOOK_ENDPOINT_DISABLED';

/** A new text for an idea. */
export type EditIdeaInput = {
  /** Its new text in Markdown. */
  body: Scalars['String']['input'];
  /** The idea. */
  id: Scalars['ID']['input'];
};

/** A person's endorsement of an idea. */
export type Endorsement = {
  __typename?: 'Endorsement';
  /** When. */
  createdAt: Scalars['DateTime']['output'];
  /** Their organization. */
  organization?: Maybe<Organization>;
  /** Who endorsed it. */
  person?: Maybe<Person>;
};

export type EndorsementConnection = {
  __typename?: 'EndorsementConnection';
  /** A list of edges. */
  edges: Array<EndorsementEdge>;
  /** A list of nodes. */
  nodes: Array<Endorsement>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items the whole list holds (all pages), counting only what the viewer may see. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type EndorsementEdge = {
  __typename?: 'EndorsementEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Endorsement;
};

/** An event of a community: a single one, or one occurrence of a recurring series. */
export type Event = Node & {
  __typename?: 'Event';
  /** Why it was cancelled, if a host said. */
  cancelReason?: Maybe<Scalars['String']['output']>;
  /** Seats; null for no limit. */
  capacity?: Maybe<Scalars['Int']['output']>;
  /** People checked in. */
  checkedInCount: Scalars['Int']['output'];
  /** The community it belongs to. */
  community?: Maybe<Community>;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Who created it. */
  createdBy?: Maybe<Person>;
  /** Markdown, as written. */
  description: Scalars['String']['output'];
  /** The end, as an instant. */
  endsAt: Scalars['DateTime']['output'];
  /** ONLINE, IN_PERSON or HYBRID. */
  format: EventFormat;
  /** RSVPs with status GOING. */
  goingCount: Scalars['Int']['output'];
  /** The organization that hosts it. */
  hostOrganization?: Maybe<Organization>;
  /** Globally unique, opaque identifier. */
  id: Scalars['ID']['output'];
  /**
   * Where to join online: for ACTIVE members of the community, its coordinators and the
   * operator; null for everyone else.
   */
  joinUrl?: Maybe<Scalars['String']['output']>;
  /** FAMILIAR or EXCITING. */
  kind: EventKind;
  /** The end as a local date-time in `timeZone`. */
  localEnd: Scalars['String']['output'];
  /** The start as a local date-time in `timeZone`. */
  localStart: Scalars['String']['output'];
  /** An occurrence moved away from its original start. */
  moved: Scalars['Boolean']['output'];
  /** For an occurrence: the start its series' rule gave it (RECURRENCE-ID). */
  originalStartsAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where it happens in person. */
  place?: Maybe<Scalars['String']['output']>;
  /** Answers and check-ins, in the order they were first made. */
  rsvps: EventRsvpConnection;
  /** The iCalendar SEQUENCE: raised by every change. */
  sequence: Scalars['Int']['output'];
  /** The series it is an occurrence of. */
  series?: Maybe<EventSeries>;
  /** The start, as an instant. */
  startsAt: Scalars['DateTime']['output'];
  /** SCHEDULED or CANCELLED. */
  state: EventState;
  /** The IANA time zone it is planned in. */
  timeZone: Scalars['String']['output'];
  /** One line. */
  title: Scalars['String']['output'];
  /** Whether the viewer hosts this community's events (may change, cancel, check in). */
  viewerIsHost: Scalars['Boolean']['output'];
  /** The viewer's own answer, if any. */
  viewerRsvp?: Maybe<EventRsvp>;
  /** RSVPs on the waitlist. */
  waitlistCount: Scalars['Int']['output'];
};


/** An event of a community: a single one, or one occurrence of a recurring series. */
export type EventRsvpsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  statuses?: InputMaybe<Array<RsvpStatus>>;
};

/** Who hears of a domain event. */
export type EventAudience =
  /** The admins of the organizations the event concerns. */
  | 'ADMINS'
  /** Every viewer for whom the event's community is live. */
  | 'COMMUNITY';

export type EventConnection = {
  __typename?: 'EventConnection';
  /** A list of edges. */
  edges: Array<EventEdge>;
  /** A list of nodes. */
  nodes: Array<Event>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items the whole list holds (all pages), counting only what the viewer may see. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type EventEdge = {
  __typename?: 'EventEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Event;
};

/** Where an event happens. */
export type EventFormat =
  /** Both. */
  | 'HYBRID'
  /** In person, at its place. */
  | 'IN_PERSON'
  /** Online, at its join URL. */
  | 'ONLINE';

/** FAMILIAR events make a community's regular rhythm; EXCITING ones break it. */
export type EventKind =
  /** A workshop, a hackathon, a guest speaker, a site visit. */
  | 'EXCITING'
  /** The monthly call, the weekly clinic. */
  | 'FAMILIAR';

/** Result of a change to an event. */
export type EventPayload = {
  __typename?: 'EventPayload';
  /** The event after the change (for a new series, its first occurrence). */
  event?: Maybe<Event>;
  /** The series, when the event is an occurrence of one created here. */
  series?: Maybe<EventSeries>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** A person's answer to an event, and their check-in. */
export type EventRsvp = Node & {
  __typename?: 'EventRsvp';
  /** When a host checked them in; null if not. */
  checkedInAt?: Maybe<Scalars['DateTime']['output']>;
  /** The event answered. */
  event?: Maybe<Event>;
  /** Globally unique, opaque identifier. */
  id: Scalars['ID']['output'];
  /** Their organization. */
  organization?: Maybe<Organization>;
  /** Who answered (public profile). */
  person?: Maybe<Person>;
  /** When they last answered. */
  respondedAt: Scalars['DateTime']['output'];
  /** Where the answer put them. */
  status: RsvpStatus;
  /** On the waitlist: the place in line, 1 first. */
  waitlistPosition?: Maybe<Scalars['Int']['output']>;
};

export type EventRsvpConnection = {
  __typename?: 'EventRsvpConnection';
  /** A list of edges. */
  edges: Array<EventRsvpEdge>;
  /** A list of nodes. */
  nodes: Array<EventRsvp>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items the whole list holds (all pages), counting only what the viewer may see. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type EventRsvpEdge = {
  __typename?: 'EventRsvpEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: EventRsvp;
};

/** A recurring series: an RFC 5545 rule in a time zone, and its occurrences (each an event). */
export type EventSeries = Node & {
  __typename?: 'EventSeries';
  /** Seats of each occurrence; null for no limit. */
  capacity?: Maybe<Scalars['Int']['output']>;
  /** The community it belongs to. */
  community?: Maybe<Community>;
  /** Markdown, as written. */
  description: Scalars['String']['output'];
  /** ONLINE, IN_PERSON or HYBRID. */
  format: EventFormat;
  /** Globally unique, opaque identifier. */
  id: Scalars['ID']['output'];
  /** For ACTIVE members, coordinators and the operator; null for everyone else. */
  joinUrl?: Maybe<Scalars['String']['output']>;
  /** FAMILIAR or EXCITING. */
  kind: EventKind;
  /** The first occurrence's local start. */
  localStart: Scalars['String']['output'];
  /** Occurrences materialized so far. */
  occurrenceCount: Scalars['Int']['output'];
  /** Its occurrences by start. */
  occurrences: EventConnection;
  /** Where its occurrences happen in person. */
  place?: Maybe<Scalars['String']['output']>;
  /** The `RRULE` value (without DTSTART). */
  rule: Scalars['String']['output'];
  /** SCHEDULED, or CANCELLED when the series was stopped. */
  state: EventState;
  /** The IANA time zone of the rule and of every occurrence. */
  timeZone: Scalars['String']['output'];
  /** The title of its occurrences. */
  title: Scalars['String']['output'];
};


/** A recurring series: an RFC 5545 rule in a time zone, and its occurrences (each an event). */
export type EventSeriesOccurrencesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
};

export type EventSeriesConnection = {
  __typename?: 'EventSeriesConnection';
  /** A list of edges. */
  edges: Array<EventSeriesEdge>;
  /** A list of nodes. */
  nodes: Array<EventSeries>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items the whole list holds (all pages), counting only what the viewer may see. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type EventSeriesEdge = {
  __typename?: 'EventSeriesEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: EventSeries;
};

/** Result of a change to a series. */
export type EventSeriesPayload = {
  __typename?: 'EventSeriesPayload';
  /** The object after the change; null when `userErrors` says why it was not made. */
  series?: Maybe<EventSeries>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** Whether an event or series still takes place. */
export type EventState =
  /** It was cancelled; still readable. */
  | 'CANCELLED'
  /** It takes place. */
  | 'SCHEDULED';

/** Contributions of an organization's people to communities hosted by others. */
export type Gave = {
  __typename?: 'Gave';
  /** Articles its people co-authored, first published in the period. */
  articlesCoAuthored: Scalars['Int']['output'];
  /** Confirmations its people gave to other organizations' applications. */
  confirmationsGiven: Scalars['Int']['output'];
  /** SCHEDULED events it hosted. */
  eventsHosted: Scalars['Int']['output'];
  /** Ideas by its people accepted as solutions to other organizations' problems. */
  ideasAccepted: Scalars['Int']['output'];
};

/** Benefits an organization's people drew from communities hosted by others. */
export type Got = {
  __typename?: 'Got';
  /** Applications its people reported. */
  applicationsReported: Scalars['Int']['output'];
  /** Hours those applications saved, to the hundredth. */
  hoursSaved: Scalars['Float']['output'];
  /** Money those applications saved, per currency. */
  moneySaved: Array<Money>;
  /** Its people's problems solved by other organizations' ideas. */
  problemsSolved: Scalars['Int']['output'];
};

/** Text with the words that matched the query marked. */
export type Highlighted = {
  __typename?: 'Highlighted';
  /** The text as HTML: escaped, with each match in `<mark>`; safe to insert as HTML. */
  html: Scalars['String']['output'];
  /** Where the matches are in `text`, in characters (Unicode scalar values). */
  matches: Array<TextRange>;
  /** The plain text (an excerpt for bodies, with "…" where text was left out). */
  text: Scalars['String']['output'];
};

/** An idea on a problem, or a reply to one. */
export type Idea = Node & {
  __typename?: 'Idea';
  /** Whether it is an accepted solution of its problem. */
  accepted: Scalars['Boolean']['output'];
  /** When it was accepted as a solution. */
  acceptedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who contributed it (their public profile outside their organization). */
  author?: Maybe<Person>;
  /** The author's organization. */
  authorOrganization?: Maybe<Organization>;
  /** The idea in Markdown, as written (render it safely: see the README). */
  body: Scalars['String']['output'];
  /** When it was contributed. */
  createdAt: Scalars['DateTime']['output'];
  /** Until when its author may edit it. */
  editableUntil: Scalars['DateTime']['output'];
  /** When its author last edited it. */
  editedAt?: Maybe<Scalars['DateTime']['output']>;
  /** How many people endorsed it. */
  endorsementCount: Scalars['Int']['output'];
  /** Who endorsed it, most recent first. */
  endorsements: EndorsementConnection;
  /** Every version of its text, the first first. */
  history: Array<IdeaRevision>;
  /** Globally unique, opaque identifier. */
  id: Scalars['ID']['output'];
  /** The idea this replies to; null for a top-level idea. */
  parent?: Maybe<Idea>;
  /** The problem it answers. */
  problem?: Maybe<Problem>;
  /** Its replies (only top-level ideas have any). */
  replies: IdeaConnection;
  /** How many replies it has. */
  replyCount: Scalars['Int']['output'];
  /** The number of its current text (1 until first edited). */
  revision: Scalars['Int']['output'];
  /** Whether the viewer endorsed it. */
  viewerEndorsed: Scalars['Boolean']['output'];
};


/** An idea on a problem, or a reply to one. */
export type IdeaEndorsementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** An idea on a problem, or a reply to one. */
export type IdeaRepliesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: IdeaOrder;
};

export type IdeaConnection = {
  __typename?: 'IdeaConnection';
  /** A list of edges. */
  edges: Array<IdeaEdge>;
  /** A list of nodes. */
  nodes: Array<Idea>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items the whole list holds (all pages), counting only what the viewer may see. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type IdeaEdge = {
  __typename?: 'IdeaEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Idea;
};

/** How a list of ideas is ordered. */
export type IdeaOrder =
  /** Most endorsements first; newest first among equals. */
  | 'MOST_ENDORSED'
  /** Most recently contributed first. */
  | 'NEWEST'
  /** In the order they were contributed (a conversation). */
  | 'OLDEST';

/** The result of a change to an idea. */
export type IdeaPayload = {
  __typename?: 'IdeaPayload';
  /** The object after the change; null when `userErrors` says why it was not made. */
  idea?: Maybe<Idea>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** Names an idea. */
export type IdeaRefInput = {
  /** The idea. */
  id: Scalars['ID']['input'];
};

/** One version of an idea's text. */
export type IdeaRevision = {
  __typename?: 'IdeaRevision';
  /** The text of this version (Markdown). */
  body: Scalars['String']['output'];
  /** When this version was written. */
  createdAt: Scalars['DateTime']['output'];
  /** 1 as first posted, then one more per edit. */
  number: Scalars['Int']['output'];
};

/** A token issuer an organization trusts. */
export type IdentityIssuer = {
  __typename?: 'IdentityIssuer';
  /** When it was added. */
  createdAt: Scalars['DateTime']['output'];
  /** The `iss` value of its tokens. */
  issuer: Scalars['String']['output'];
  /** Where its public keys are published, if it publishes them. */
  jwksUrl?: Maybe<Scalars['String']['output']>;
  /** Keys stored for it (JWKS keys are fetched, not listed here). */
  keys: Array<IdentityKey>;
};

/** A stored verification key (its material is never shown). */
export type IdentityKey = {
  __typename?: 'IdentityKey';
  /** JWS algorithm the key pins. */
  algorithm: Scalars['String']['output'];
  /** When it was added. */
  createdAt: Scalars['DateTime']['output'];
  /** The `kid` of tokens it signs, if any. */
  kid?: Maybe<Scalars['String']['output']>;
  /** When it was retired; a retired key verifies nothing. */
  retiredAt?: Maybe<Scalars['DateTime']['output']>;
};

/** How an organization's tokens are recognised. */
export type IdentitySettings = {
  __typename?: 'IdentitySettings';
  /** Claim that marks an organization admin (a string, a list, or space-separated words). */
  adminClaim: Scalars['String']['output'];
  /** Value the admin claim must hold or contain. */
  adminClaimValue: Scalars['String']['output'];
  /** Issuers whose tokens name people of this organization. */
  issuers: Array<IdentityIssuer>;
  /** The OpenID Connect login of the admin console, if the organization configured one. */
  oidcLogin?: Maybe<OidcLogin>;
};

/** Which invitations to list: received by the organization or sent for its communities. */
export type InvitationDirection =
  /** Invitations the organization received. */
  | 'INCOMING'
  /** Invitations to communities the organization hosts. */
  | 'OUTGOING';

/** Input of `inviteOrganization`. */
export type InviteOrganizationInput = {
  /** Global id of the community. */
  communityId: Scalars['ID']['input'];
  /** Days the invitation stays open (1-90). */
  expiresInDays?: Scalars['Int']['input'];
  /** Global id of the partner organization (an ACTIVE partnership is required). */
  organizationId: Scalars['ID']['input'];
  /** What its people may do. */
  tier?: ParticipationTier;
};

/** Whether joining a community needs a coordinator's approval. */
export type JoinRule =
  /** A coordinator approves each request. */
  | 'APPROVAL_REQUIRED'
  /** Anyone who may see the community joins (subject to organization policies). */
  | 'OPEN';

/**
 * A knowledge article of a community: written by members (often from a solved problem),
 * reviewed and published by coordinators, kept as numbered revisions.
 */
export type KnowledgeArticle = Node & {
  __typename?: 'KnowledgeArticle';
  /** How many applications of it were reported. */
  applicationCount: Scalars['Int']['output'];
  /** How often, where and to what effect it was applied. */
  applicationSummary: ApplicationSummary;
  /** Reported applications of this article, newest first. */
  applications: ApplicationConnection;
  /** Its authors, in the order they were added (the creator first). */
  authors: Array<ArticleAuthor>;
  /** The text, in Markdown as written (render it safely: see the README). */
  body: Scalars['String']['output'];
  /** The community it belongs to. */
  community?: Maybe<Community>;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Globally unique, opaque identifier. */
  id: Scalars['ID']['output'];
  /** When it was first published. */
  publishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The number of the current revision: pass it as `expectedRevision` to `updateArticle`. */
  revision: Scalars['Int']['output'];
  /** One revision by its number; null when there is no such revision. */
  revisionAt?: Maybe<ArticleRevision>;
  /** Every revision, oldest (number 1) first. */
  revisions: ArticleRevisionConnection;
  /** The solved problem it was written from, if any. */
  sourceProblem?: Maybe<Problem>;
  /** Where it stands. */
  state: ArticleState;
  /** Topics, as slugs. */
  tags: Array<Scalars['String']['output']>;
  /** Title (one line). */
  title: Scalars['String']['output'];
  /** When its text or state last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Whether the viewer is one of its authors. */
  viewerIsAuthor: Scalars['Boolean']['output'];
  /**
   * Whether the viewer may change its text and authors now (an author who is still a
   * member, or a coordinator; never while ARCHIVED).
   */
  viewerMayEdit: Scalars['Boolean']['output'];
};


/**
 * A knowledge article of a community: written by members (often from a solved problem),
 * reviewed and published by coordinators, kept as numbered revisions.
 */
export type KnowledgeArticleApplicationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A knowledge article of a community: written by members (often from a solved problem),
 * reviewed and published by coordinators, kept as numbered revisions.
 */
export type KnowledgeArticleRevisionAtArgs = {
  number: Scalars['Int']['input'];
};


/**
 * A knowledge article of a community: written by members (often from a solved problem),
 * reviewed and published by coordinators, kept as numbered revisions.
 */
export type KnowledgeArticleRevisionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type KnowledgeArticleConnection = {
  __typename?: 'KnowledgeArticleConnection';
  /** A list of edges. */
  edges: Array<KnowledgeArticleEdge>;
  /** A list of nodes. */
  nodes: Array<KnowledgeArticle>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items the whole list holds (all pages), counting only what the viewer may see. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type KnowledgeArticleEdge = {
  __typename?: 'KnowledgeArticleEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: KnowledgeArticle;
};

/** Leaders of one role and kind. */
export type LeadersByRole = {
  __typename?: 'LeadersByRole';
  /** How many. */
  count: Scalars['Int']['output'];
  /** The leadership kind. */
  leadership: Leadership;
  /** The role. */
  role: MemberRole;
};

/** The kind of leadership a member holds. */
export type Leadership =
  /** Appointed. */
  | 'FORMAL'
  /** Recognised by the community without an appointment. */
  | 'INFORMAL';

/** The stages of a community of practice's life. */
export type LifecycleStage =
  /** The community forms and sets its rhythm. */
  | 'COALESCING'
  /** It sets its focus and grows its knowledge base. */
  | 'MATURING'
  /** People with a shared problem find each other. */
  | 'POTENTIAL'
  /** It keeps its practice relevant and its knowledge current. */
  | 'STEWARDSHIP'
  /** It changes purpose, merges, or closes. */
  | 'TRANSFORMATION';

/** ACTIVE memberships, joined before the period's end, of one organization and role. */
export type MemberCount = {
  __typename?: 'MemberCount';
  /** How many. */
  count: Scalars['Int']['output'];
  /** The organization. */
  organization?: Maybe<Organization>;
  /** The role. */
  role: MemberRole;
};

/** A member's role in a community. */
export type MemberRole =
  /** Takes part now and then. */
  | 'ACTIVE'
  /** Runs the community: members, roles, events. */
  | 'COORDINATOR'
  /** Takes part regularly and carries the community's work. */
  | 'CORE'
  /** Follows from the edge. */
  | 'PERIPHERAL'
  /** Backs the community with resources and standing. */
  | 'SPONSOR';

/** A person's membership of a community. */
export type Membership = Node & {
  __typename?: 'Membership';
  /** The approvals of the latest request, in the order they were asked for. */
  approvals: Array<MembershipApproval>;
  /** The community. */
  community?: Maybe<Community>;
  /** Globally unique, opaque identifier. */
  id: Scalars['ID']['output'];
  /** When the membership (last) became active. */
  joinedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The kind of leadership the member holds; null when not a leader. */
  leadership?: Maybe<Leadership>;
  /** The member's organization. */
  organization?: Maybe<Organization>;
  /** The member. */
  person?: Maybe<Person>;
  /** When the person (last) asked to join or was added. */
  requestedAt: Scalars['DateTime']['output'];
  /** The member's role. */
  role: MemberRole;
  /** Where the membership stands. */
  status: MembershipStatus;
  /** When it last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** One approval a membership request needs. */
export type MembershipApproval = Node & {
  __typename?: 'MembershipApproval';
  /** When it was decided. */
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who decided it. */
  decidedBy?: Maybe<Person>;
  /** Globally unique, opaque identifier. */
  id: Scalars['ID']['output'];
  /** Who must give it. */
  kind: ApprovalKind;
  /** The membership it is for. */
  membership?: Maybe<Membership>;
  /** Where it stands. */
  status: ApprovalStatus;
};

export type MembershipApprovalConnection = {
  __typename?: 'MembershipApprovalConnection';
  /** A list of edges. */
  edges: Array<MembershipApprovalEdge>;
  /** A list of nodes. */
  nodes: Array<MembershipApproval>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items the whole list holds (all pages), counting only what the viewer may see. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type MembershipApprovalEdge = {
  __typename?: 'MembershipApprovalEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: MembershipApproval;
};

export type MembershipConnection = {
  __typename?: 'MembershipConnection';
  /** A list of edges. */
  edges: Array<MembershipEdge>;
  /** A list of nodes. */
  nodes: Array<Membership>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items the whole list holds (all pages), counting only what the viewer may see. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type MembershipEdge = {
  __typename?: 'MembershipEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Membership;
};

/** Result of a change to a membership. */
export type MembershipPayload = {
  __typename?: 'MembershipPayload';
  /** The object after the change; null when `userErrors` says why it was not made. */
  membership?: Maybe<Membership>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** Input naming one membership. */
export type MembershipRefInput = {
  /** Global id of the membership. */
  membershipId: Scalars['ID']['input'];
};

/** Where a membership stands. */
export type MembershipStatus =
  /** A member. */
  | 'ACTIVE'
  /** The person left. */
  | 'LEFT'
  /** Waiting for approvals. */
  | 'PENDING'
  /** An approval was refused. */
  | 'REJECTED'
  /** A coordinator or the person's organization removed them. */
  | 'REMOVED'
  /** The person's organization's participation is interrupted; restored with it. */
  | 'SUSPENDED';

/** An amount of money. */
export type Money = {
  __typename?: 'Money';
  /** A plain decimal with two decimals, like "1250.50". */
  amount: Scalars['String']['output'];
  /** ISO 4217 currency code, like "EUR". */
  currency: Scalars['String']['output'];
};

/** Money as input. */
export type MoneyInput = {
  /** A plain decimal: more than 0, at most two decimals, at most 1000000000000. */
  amount: Scalars['String']['input'];
  /** ISO 4217 currency code: three uppercase letters. */
  currency: Scalars['String']['input'];
};

/** SCHEDULED events starting in one UTC month. */
export type MonthlyEvents = {
  __typename?: 'MonthlyEvents';
  /** EXCITING events. */
  exciting: Scalars['Int']['output'];
  /** FAMILIAR events. */
  familiar: Scalars['Int']['output'];
  /** The month's first day. */
  month: Scalars['NaiveDate']['output'];
};

/** All mutations. */
export type MutationRoot = {
  __typename?: 'MutationRoot';
  /** Accepts an invitation, naming the organization's local sponsor. Its admins only. */
  acceptInvitation: ParticipationPayload;
  /** Accepts a proposal made to the viewer's organization. Admins only. */
  acceptPartnership: PartnershipPayload;
  /**
   * Accepts ideas as the problem's solution: it becomes SOLVED (its author or a
   * coordinator).
   */
  acceptSolution: ProblemPayload;
  /** Adds a co-author: an ACTIVE member of the community. Its authors and coordinators. */
  addArticleAuthor: ArticlePayload;
  /** Adds a colleague of the coordinator's own organization; policy approvals still apply. */
  addMember: MembershipPayload;
  /** Cancels one event or occurrence (hosts); it stays readable as CANCELLED. */
  cancelEvent: EventPayload;
  /** Cancels every occurrence that has not started and stops the series (hosts). */
  cancelEventSeries: EventSeriesPayload;
  /** Changes a member's role and leadership. Coordinators. */
  changeMemberRole: MembershipPayload;
  /** Checks a member in (hosts; from an hour before the start to 7 days after the end). */
  checkInAttendee: RsvpPayload;
  /** Closes a problem without (further) solution (its author or a coordinator). */
  closeProblem: ProblemPayload;
  /** Confirms the viewer applied it too. ACTIVE members other than the reporter, once. */
  confirmApplication: ApplicationPayload;
  /** Contributes an idea to a problem, or a reply to one of its ideas (active members). */
  contributeIdea: IdeaPayload;
  /** Creates a DRAFT article; the viewer becomes its first author. ACTIVE members. */
  createArticle: ArticlePayload;
  /**
   * Creates a community hosted by the viewer's organization; the viewer becomes its
   * coordinator.
   */
  createCommunity: CommunityPayload;
  /**
   * Creates an event, or with `recurrence` a series and its occurrences. Hosts: coordinators
   * of the host and of CO_HOST organizations, the host's admins.
   */
  createEvent: EventPayload;
  /** Creates an organization with an issuer. Platform operator only. */
  createOrganization: CreateOrganizationPayload;
  /**
   * Registers a webhook endpoint of an organization (its admins and the operator). Returns
   * its signing secret, shown this once.
   */
  createWebhookEndpoint: WebhookSecretPayload;
  /** Gives or refuses approvals in bulk: all of them, or none if any cannot be decided. */
  decideApprovals: DecideApprovalsPayload;
  /** Declines an invitation. The invited organization's admins only. */
  declineInvitation: ParticipationPayload;
  /** Declines a proposal made to the viewer's organization. Admins only. */
  declinePartnership: PartnershipPayload;
  /** Deletes an endpoint and its delivery log. */
  deleteWebhookEndpoint: DeleteWebhookEndpointPayload;
  /**
   * Disables an organization: its people's tokens are refused until it is enabled.
   * Platform operator only.
   */
  disableOrganization: OrganizationPayload;
  /** Edits the viewer's own idea within its edit window; the old text stays in `history`. */
  editIdea: IdeaPayload;
  /** Enables a disabled organization. Platform operator only. */
  enableOrganization: OrganizationPayload;
  /** Ends a partnership (or withdraws a proposal). Admins of either side. */
  endPartnership: PartnershipPayload;
  /** Endorses an idea (once per person; not one's own). */
  endorseIdea: IdeaPayload;
  /** Follows a problem. */
  followProblem: ProblemPayload;
  /**
   * Makes a person a division leader of a unit of their organization; granting again
   * returns the existing grant. Admins of that organization.
   */
  grantDivisionLeader: DivisionLeaderPayload;
  /** Invites a partner organization to a community. Host coordinators and host admins. */
  inviteOrganization: ParticipationPayload;
  /**
   * Asks to join a community: ACTIVE at once, or PENDING with the approvals it needs.
   * FORBIDDEN when a policy blocks it.
   */
  joinCommunity: MembershipPayload;
  /** Leaves a community (or withdraws a pending request). */
  leaveCommunity: MembershipPayload;
  /** Removes one of the admin's people from every community hosted by other organizations. */
  offboardPerson: OffboardPersonPayload;
  /** Posts a problem in a community; the author follows it. */
  postProblem: ProblemPayload;
  /** Proposes a partnership to another organization. Admins only. */
  proposePartnership: PartnershipPayload;
  /**
   * Sends a DELIVERED or FAILED delivery again, with the same delivery id and body and a
   * new round of retries. A PENDING delivery is a CONFLICT (it is on its way).
   */
  redeliverWebhookDelivery: WebhookDeliveryPayload;
  /**
   * Registers a GraphQL document for an organization's people, after checking that it
   * parses and validates against the schema; returns it with its `sha256Hash`.
   * Registering a document again returns the existing registration. The organization's
   * admins and the operator; audited.
   */
  registerPersistedOperation: RegisterPersistedOperationPayload;
  /** Removes an author; the last one stays. Its authors and coordinators. */
  removeArticleAuthor: ArticlePayload;
  /** Removes a member. Coordinators, and admins of the member's organization. */
  removeMember: MembershipPayload;
  /**
   * Removes an organization's OpenID Connect console login (tokens pasted, or minted
   * elsewhere, still work). Its admins and the operator. Audited.
   */
  removeOidcLogin: RemoveOidcLoginPayload;
  /**
   * Removes an organization from a community (or withdraws its invitation); its people's
   * memberships are suspended. Host coordinators and host admins.
   */
  removeOrganization: ParticipationPayload;
  /**
   * Removes a registered operation: requests naming its hash are no longer accepted from
   * an organization that accepts only registered operations. The organization's admins
   * and the operator (NOT_FOUND for anyone of another organization); audited.
   */
  removePersistedOperation: RemovePersistedOperationPayload;
  /** Reopens a SOLVED or CLOSED problem; its accepted ideas are no longer accepted. */
  reopenProblem: ProblemPayload;
  /** Reports applying a PUBLISHED article or a SOLVED problem's solution. ACTIVE members. */
  reportApplication: ApplicationPayload;
  /** Resumes a partnership the viewer's organization suspended; access is restored. */
  resumePartnership: PartnershipPayload;
  /** Removes the viewer's calendar feed token: its URLs stop working. */
  revokeCalendarFeed: CalendarFeedPayload;
  /**
   * Ends a person's division leadership of a unit and returns the removed grant; NOT_FOUND
   * when there is none. Admins of the person's organization.
   */
  revokeDivisionLeader: DivisionLeaderPayload;
  /**
   * Gives the viewer a new secret calendar feed token (the old one stops working at once)
   * and returns the feed URLs: shown this once.
   */
  rotateCalendarFeed: CalendarFeedPayload;
  /** Gives an endpoint a new signing secret, shown this once; the old one stops at once. */
  rotateWebhookSecret: WebhookSecretPayload;
  /**
   * Answers an event (ACTIVE members; scheduled events that have not ended). GOING on a
   * full event joins the waitlist.
   */
  rsvpEvent: RsvpPayload;
  /**
   * Moves an article through DRAFT, IN_REVIEW, PUBLISHED and ARCHIVED (see the
   * knowledge guide for who may make which move).
   */
  setArticleState: ArticlePayload;
  /**
   * Declares how often a community means to meet; the rhythm report measures gaps
   * against it. Host coordinators.
   */
  setCommunityRhythm: CommunityPayload;
  /**
   * Sets (or replaces) an organization's OpenID Connect console login. Its admins and the
   * operator. Audited.
   */
  setOidcLogin: SetOidcLoginPayload;
  /**
   * Sets an organization's cost budgets per rate-limit window (null restores a default).
   * Platform operator only. Audited. An instance applies new budgets at once if it set
   * them, others within 10 seconds; a bucket starts full at its new size.
   */
  setOrganizationRateLimit: SetOrganizationRateLimitPayload;
  /** Sets the viewer's organization's policy for one partner. Admins only. */
  setPartnerPolicy: PartnershipPayload;
  /** Sets an organization's default partner policies. Its admins only. */
  setPartnerPolicyDefaults: PartnerPolicyDefaultsPayload;
  /**
   * Switches persisted-operations-only on or off: when on, the organization's people
   * (not its admins, not the operator) may send only its registered operations, by hash;
   * anything else is refused with PERSISTED_QUERY_REQUIRED. The organization's admins and
   * the operator; audited.
   */
  setPersistedOperationsOnly: SetPersistedOperationsOnlyPayload;
  /** Sets a person's business unit. Admins of the person's organization. */
  setPersonBusinessUnit: PersonPayload;
  /**
   * Suspends an active partnership: the partner's people lose access to shared
   * communities at once. Admins of either side.
   */
  suspendPartnership: PartnershipPayload;
  /** Takes a check-in back (hosts, in the same window). */
  undoCheckIn: RsvpPayload;
  /** Stops following a problem. */
  unfollowProblem: ProblemPayload;
  /**
   * Changes an article's text as a new revision. Its authors (members still) and
   * coordinators; not while ARCHIVED. A stale `expectedRevision` writes nothing and
   * returns CONFLICT with `currentRevision`.
   */
  updateArticle: UpdateArticlePayload;
  /** Changes a community's settings. Host coordinators and host admins. */
  updateCommunity: CommunityPayload;
  /**
   * Changes one event or occurrence (hosts). A changed occurrence is detached from series
   * edits; a moved one keeps its `originalStartsAt`.
   */
  updateEvent: EventPayload;
  /** Changes a series and its future occurrences that are not detached or cancelled (hosts). */
  updateEventSeries: EventSeriesPayload;
  /** Changes a problem's summary, body, tags or urgency (its author or a coordinator). */
  updateProblem: ProblemPayload;
  /** Changes an endpoint: URL, description, event types, ACTIVE or PAUSED. */
  updateWebhookEndpoint: WebhookEndpointPayload;
  /** Withdraws the viewer's endorsement of an idea. */
  withdrawEndorsement: IdeaPayload;
  /**
   * Withdraws the viewer's organization from a community; its people's memberships are
   * suspended. Its admins only.
   */
  withdrawOrganization: ParticipationPayload;
};


/** All mutations. */
export type MutationRootAcceptInvitationArgs = {
  input: AcceptInvitationInput;
};


/** All mutations. */
export type MutationRootAcceptPartnershipArgs = {
  input: PartnershipRefInput;
};


/** All mutations. */
export type MutationRootAcceptSolutionArgs = {
  input: AcceptSolutionInput;
};


/** All mutations. */
export type MutationRootAddArticleAuthorArgs = {
  input: ArticleAuthorInput;
};


/** All mutations. */
export type MutationRootAddMemberArgs = {
  input: AddMemberInput;
};


/** All mutations. */
export type MutationRootCancelEventArgs = {
  input: CancelEventInput;
};


/** All mutations. */
export type MutationRootCancelEventSeriesArgs = {
  input: CancelEventSeriesInput;
};


/** All mutations. */
export type MutationRootChangeMemberRoleArgs = {
  input: ChangeMemberRoleInput;
};


/** All mutations. */
export type MutationRootCheckInAttendeeArgs = {
  input: CheckInAttendeeInput;
};


/** All mutations. */
export type MutationRootCloseProblemArgs = {
  input: ProblemRefInput;
};


/** All mutations. */
export type MutationRootConfirmApplicationArgs = {
  input: ConfirmApplicationInput;
};


/** All mutations. */
export type MutationRootContributeIdeaArgs = {
  input: ContributeIdeaInput;
};


/** All mutations. */
export type MutationRootCreateArticleArgs = {
  input: CreateArticleInput;
};


/** All mutations. */
export type MutationRootCreateCommunityArgs = {
  input: CreateCommunityInput;
};


/** All mutations. */
export type MutationRootCreateEventArgs = {
  input: CreateEventInput;
};


/** All mutations. */
export type MutationRootCreateOrganizationArgs = {
  input: CreateOrganizationInput;
};


/** All mutations. */
export type MutationRootCreateWebhookEndpointArgs = {
  input: CreateWebhookEndpointInput;
};


/** All mutations. */
export type MutationRootDecideApprovalsArgs = {
  input: DecideApprovalsInput;
};


/** All mutations. */
export type MutationRootDeclineInvitationArgs = {
  input: ParticipationRefInput;
};


/** All mutations. */
export type MutationRootDeclinePartnershipArgs = {
  input: PartnershipRefInput;
};


/** All mutations. */
export type MutationRootDeleteWebhookEndpointArgs = {
  input: WebhookEndpointRefInput;
};


/** All mutations. */
export type MutationRootDisableOrganizationArgs = {
  input: OrganizationRefInput;
};


/** All mutations. */
export type MutationRootEditIdeaArgs = {
  input: EditIdeaInput;
};


/** All mutations. */
export type MutationRootEnableOrganizationArgs = {
  input: OrganizationRefInput;
};


/** All mutations. */
export type MutationRootEndPartnershipArgs = {
  input: PartnershipRefInput;
};


/** All mutations. */
export type MutationRootEndorseIdeaArgs = {
  input: IdeaRefInput;
};


/** All mutations. */
export type MutationRootFollowProblemArgs = {
  input: ProblemRefInput;
};


/** All mutations. */
export type MutationRootGrantDivisionLeaderArgs = {
  input: DivisionLeaderInput;
};


/** All mutations. */
export type MutationRootInviteOrganizationArgs = {
  input: InviteOrganizationInput;
};


/** All mutations. */
export type MutationRootJoinCommunityArgs = {
  input: CommunityRefInput;
};


/** All mutations. */
export type MutationRootLeaveCommunityArgs = {
  input: CommunityRefInput;
};


/** All mutations. */
export type MutationRootOffboardPersonArgs = {
  input: OffboardPersonInput;
};


/** All mutations. */
export type MutationRootPostProblemArgs = {
  input: PostProblemInput;
};


/** All mutations. */
export type MutationRootProposePartnershipArgs = {
  input: ProposePartnershipInput;
};


/** All mutations. */
export type MutationRootRedeliverWebhookDeliveryArgs = {
  input: RedeliverWebhookDeliveryInput;
};


/** All mutations. */
export type MutationRootRegisterPersistedOperationArgs = {
  input: RegisterPersistedOperationInput;
};


/** All mutations. */
export type MutationRootRemoveArticleAuthorArgs = {
  input: ArticleAuthorInput;
};


/** All mutations. */
export type MutationRootRemoveMemberArgs = {
  input: MembershipRefInput;
};


/** All mutations. */
export type MutationRootRemoveOidcLoginArgs = {
  input: RemoveOidcLoginInput;
};


/** All mutations. */
export type MutationRootRemoveOrganizationArgs = {
  input: ParticipationRefInput;
};


/** All mutations. */
export type MutationRootRemovePersistedOperationArgs = {
  input: RemovePersistedOperationInput;
};


/** All mutations. */
export type MutationRootReopenProblemArgs = {
  input: ProblemRefInput;
};


/** All mutations. */
export type MutationRootReportApplicationArgs = {
  input: ReportApplicationInput;
};


/** All mutations. */
export type MutationRootResumePartnershipArgs = {
  input: PartnershipRefInput;
};


/** All mutations. */
export type MutationRootRevokeDivisionLeaderArgs = {
  input: DivisionLeaderInput;
};


/** All mutations. */
export type MutationRootRotateWebhookSecretArgs = {
  input: WebhookEndpointRefInput;
};


/** All mutations. */
export type MutationRootRsvpEventArgs = {
  input: RsvpEventInput;
};


/** All mutations. */
export type MutationRootSetArticleStateArgs = {
  input: SetArticleStateInput;
};


/** All mutations. */
export type MutationRootSetCommunityRhythmArgs = {
  input: SetCommunityRhythmInput;
};


/** All mutations. */
export type MutationRootSetOidcLoginArgs = {
  input: SetOidcLoginInput;
};


/** All mutations. */
export type MutationRootSetOrganizationRateLimitArgs = {
  input: SetOrganizationRateLimitInput;
};


/** All mutations. */
export type MutationRootSetPartnerPolicyArgs = {
  input: SetPartnerPolicyInput;
};


/** All mutations. */
export type MutationRootSetPartnerPolicyDefaultsArgs = {
  input: SetPartnerPolicyDefaultsInput;
};


/** All mutations. */
export type MutationRootSetPersistedOperationsOnlyArgs = {
  input: SetPersistedOperationsOnlyInput;
};


/** All mutations. */
export type MutationRootSetPersonBusinessUnitArgs = {
  input: SetPersonBusinessUnitInput;
};


/** All mutations. */
export type MutationRootSuspendPartnershipArgs = {
  input: PartnershipRefInput;
};


/** All mutations. */
export type MutationRootUndoCheckInArgs = {
  input: UndoCheckInInput;
};


/** All mutations. */
export type MutationRootUnfollowProblemArgs = {
  input: ProblemRefInput;
};


/** All mutations. */
export type MutationRootUpdateArticleArgs = {
  input: UpdateArticleInput;
};


/** All mutations. */
export type MutationRootUpdateCommunityArgs = {
  input: UpdateCommunityInput;
};


/** All mutations. */
export type MutationRootUpdateEventArgs = {
  input: UpdateEventInput;
};


/** All mutations. */
export type MutationRootUpdateEventSeriesArgs = {
  input: UpdateEventSeriesInput;
};


/** All mutations. */
export type MutationRootUpdateProblemArgs = {
  input: UpdateProblemInput;
};


/** All mutations. */
export type MutationRootUpdateWebhookEndpointArgs = {
  input: UpdateWebhookEndpointInput;
};


/** All mutations. */
export type MutationRootWithdrawEndorsementArgs = {
  input: IdeaRefInput;
};


/** All mutations. */
export type MutationRootWithdrawOrganizationArgs = {
  input: ParticipationRefInput;
};

/** An object with a global id, fetchable with `node(id:)`. */
export type Node = {
  /** Globally unique, opaque identifier. */
  id: Scalars['ID']['output'];
};

/** An event the viewer is told of personally. */
export type Notification = {
  __typename?: 'Notification';
  /** What happened. */
  event: DomainEvent;
  /** Why the viewer is told. */
  reason: NotificationReason;
};

/** Why a notification reached the viewer. */
export type NotificationReason =
  /** A membership request waits for an approval the viewer may give. */
  | 'APPROVAL_WAITING'
  /** The viewer was mentioned as `<@PersonGlobalId>`. */
  | 'MENTION'
  /** An idea on the viewer's problem (or one they follow), or a reply to their idea. */
  | 'REPLY';

/** Input of `offboardPerson`. */
export type OffboardPersonInput = {
  /** Global id of a person of the admin's organization. */
  personId: Scalars['ID']['input'];
};

/** Result of `offboardPerson`: the memberships it removed. */
export type OffboardPersonPayload = {
  __typename?: 'OffboardPersonPayload';
  /** The object after the change; null when `userErrors` says why it was not made. */
  memberships?: Maybe<Array<Membership>>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** Which token of the identity provider's token response the console sends as its bearer. */
export type OidcBearerToken =
  /** The access token: the provider must issue it as a JWT for the service's audience. */
  | 'ACCESS_TOKEN'
  /**
   * The ID token: its audience is the client id, so the client id must be the service's
   * audience (`--audience`, default `praxis`).
   */
  | 'ID_TOKEN';

/**
 * An organization's OpenID Connect login for the admin console: authorization code with
 * PKCE (S256), run by the browser against the organization's identity provider, as a public
 * client. Nothing here is secret.
 */
export type OidcLogin = {
  __typename?: 'OidcLogin';
  /** Where the browser is sent to sign in. */
  authorizationEndpoint: Scalars['String']['output'];
  /** Which token the console sends as its bearer. */
  bearerToken: OidcBearerToken;
  /** The console's client id at the provider. */
  clientId: Scalars['String']['output'];
  /** The provider's issuer (`iss` of its tokens), one the organization trusts. */
  issuer: Scalars['String']['output'];
  /** Space-separated scopes asked for, `openid` among them. */
  scopes: Scalars['String']['output'];
  /**
   * Where the browser exchanges the code for tokens (the provider must allow the
   * console's origin by CORS).
   */
  tokenEndpoint: Scalars['String']['output'];
  /** When it was last set. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A partner organization: a tenant of Praxis with its own identity provider. */
export type Organization = Node & {
  __typename?: 'Organization';
  /** Audit events that concern the organization, newest first. Its admins only. */
  auditEvents: AuditEventConnection;
  /** What one business unit added up to. Admins, the unit's division leaders, the operator. */
  businessUnitReport: ValueReport;
  /** When the organization was created. */
  createdAt: Scalars['DateTime']['output'];
  /** When the organization was disabled; its tokens are refused while it is. */
  disabledAt?: Maybe<Scalars['DateTime']['output']>;
  /** Division leaders of its business units. Admins see all; a person only their own. */
  divisionLeaders: Array<DivisionLeader>;
  /**
   * The organization's people's memberships of communities hosted elsewhere, oldest first.
   * Its admins only.
   */
  externalMemberships: MembershipConnection;
  /** Communities this organization hosts that the viewer may see, oldest first. */
  hostedCommunities: CommunityConnection;
  /** Globally unique, opaque identifier. */
  id: Scalars['ID']['output'];
  /**
   * Identity provider settings: issuers, keys (never their material) and the admin claim.
   * For the organization's admins and the platform operator; FORBIDDEN for others.
   */
  identity: IdentitySettings;
  /**
   * Invitations to communities: received by the organization (INCOMING) or sent for the
   * communities it hosts (OUTGOING), oldest first. Its admins only.
   */
  invitations: ParticipationConnection;
  /** Where its people lead, across the communities live for it. Admins and the operator. */
  leadership: OrganizationLeadership;
  /** Display name. */
  name: Scalars['String']['output'];
  /**
   * The organization's default policies for partners. Its admins only (FORBIDDEN for
   * others).
   */
  partnerPolicyDefaults: PartnerPolicyDefaults;
  /** The organization's partnerships, oldest first. Its admins only. */
  partnerships: PartnershipConnection;
  /** The organization's people the viewer may see, in the order they first signed in. */
  people: PersonConnection;
  /**
   * Operations registered for its people, oldest first. Its admins and the operator
   * (FORBIDDEN for its other people; NOT_FOUND for anyone of another organization).
   */
  persistedOperations: PersistedOperationConnection;
  /**
   * Whether its people (not its admins, not the operator) may send only its registered
   * operations. For its people and the operator; null for anyone else.
   */
  persistedOperationsOnly?: Maybe<Scalars['Boolean']['output']>;
  /** Short unique name used in URLs and commands. */
  slug: Scalars['String']['output'];
  /**
   * What its people added up to across the communities live for it, with what it gave
   * and got. Admins and the operator.
   */
  valueReport: OrganizationValueReport;
  /** Whether the viewer is an admin of this organization. */
  viewerIsAdmin: Scalars['Boolean']['output'];
  /** Its webhook endpoints, oldest first. Its admins and the operator; FORBIDDEN for others. */
  webhookEndpoints: WebhookEndpointConnection;
};


/** A partner organization: a tenant of Praxis with its own identity provider. */
export type OrganizationAuditEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditEventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A partner organization: a tenant of Praxis with its own identity provider. */
export type OrganizationBusinessUnitReportArgs = {
  businessUnit: Scalars['String']['input'];
  period: PeriodInput;
};


/** A partner organization: a tenant of Praxis with its own identity provider. */
export type OrganizationExternalMembershipsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  personId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<MembershipStatus>;
};


/** A partner organization: a tenant of Praxis with its own identity provider. */
export type OrganizationHostedCommunitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A partner organization: a tenant of Praxis with its own identity provider. */
export type OrganizationInvitationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  direction: InvitationDirection;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<ParticipationStatus>;
};


/** A partner organization: a tenant of Praxis with its own identity provider. */
export type OrganizationLeadershipArgs = {
  threshold?: Scalars['Int']['input'];
};


/** A partner organization: a tenant of Praxis with its own identity provider. */
export type OrganizationPartnershipsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<PartnershipStatus>;
};


/** A partner organization: a tenant of Praxis with its own identity provider. */
export type OrganizationPeopleArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A partner organization: a tenant of Praxis with its own identity provider. */
export type OrganizationPersistedOperationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A partner organization: a tenant of Praxis with its own identity provider. */
export type OrganizationValueReportArgs = {
  period: PeriodInput;
};


/** A partner organization: a tenant of Praxis with its own identity provider. */
export type OrganizationWebhookEndpointsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type OrganizationConnection = {
  __typename?: 'OrganizationConnection';
  /** A list of edges. */
  edges: Array<OrganizationEdge>;
  /** A list of nodes. */
  nodes: Array<Organization>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items the whole list holds (all pages), counting only what the viewer may see. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type OrganizationEdge = {
  __typename?: 'OrganizationEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Organization;
};

/** One organization's members and leaders in a community. */
export type OrganizationLeaders = {
  __typename?: 'OrganizationLeaders';
  /** At least `threshold` members and no leader. */
  lacksLeader: Scalars['Boolean']['output'];
  /** Its ACTIVE leaders. */
  leaders: Scalars['Int']['output'];
  /** Its ACTIVE members. */
  members: Scalars['Int']['output'];
  /** The organization. */
  organization?: Maybe<Organization>;
};

/** Where an organization's people lead, and where they lack a leader of their own. */
export type OrganizationLeadership = {
  __typename?: 'OrganizationLeadership';
  /** Each community live for the organization where its people are ACTIVE members, by name. */
  communities: Array<CommunityLeaders>;
  /** The communities where it lacks a leader. */
  communitiesWithoutOwnLeader: Array<CommunityLeaders>;
  /** Members from this many on, the organization should have a leader. */
  threshold: Scalars['Int']['output'];
};

/** Result of a mutation on one organization. */
export type OrganizationPayload = {
  __typename?: 'OrganizationPayload';
  /** The organization after the change. */
  organization?: Maybe<Organization>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/**
 * An organization's own cost budgets per rate-limit window; a null budget is the server's
 * default.
 */
export type OrganizationRateLimit = {
  __typename?: 'OrganizationRateLimit';
  /** The organization these budgets are for. */
  organization?: Maybe<Organization>;
  /**
   * Cost points all people of the organization may spend per window; null: the server's
   * default (`--rate-limit-organization`).
   */
  organizationPoints?: Maybe<Scalars['Int']['output']>;
  /**
   * Cost points each person of the organization may spend per window; null: the server's
   * default (`--rate-limit-person`).
   */
  personPoints?: Maybe<Scalars['Int']['output']>;
  /** When the budgets were last set. */
  updatedAt: Scalars['DateTime']['output'];
};

/** Input naming one organization. */
export type OrganizationRefInput = {
  /** Global id of the organization. */
  organizationId: Scalars['ID']['input'];
};

/**
 * An organization's value report: its people's figures across the communities live for
 * it, what it gave and got, and the figures per community.
 */
export type OrganizationValueReport = {
  __typename?: 'OrganizationValueReport';
  /** ACTIVE memberships that joined before the period's end, by organization and role. */
  activeMembers: Array<MemberCount>;
  /** Confirmations created in the period. */
  applicationsConfirmed: Scalars['Int']['output'];
  /** Applications whose `appliedOn` is in the period. */
  applicationsReported: Scalars['Int']['output'];
  /** Article revisions created in the period. */
  articleRevisions: Scalars['Int']['output'];
  /** Visible articles first published in the period. */
  articlesPublished: Scalars['Int']['output'];
  /** Check-ins to the events held. */
  attendances: Scalars['Int']['output'];
  /** Its figures per community, by community name. */
  byCommunity: Array<CommunityValue>;
  /**
   * Distinct people who posted a problem, an idea, an article revision, an application
   * or a confirmation in the period.
   */
  contributors: Scalars['Int']['output'];
  /** SCHEDULED events starting in the period. */
  eventsHeld: Scalars['Int']['output'];
  /** EXCITING events held. */
  excitingEvents: Scalars['Int']['output'];
  /** FAMILIAR events held. */
  familiarEvents: Scalars['Int']['output'];
  /** What it gave to communities hosted elsewhere. */
  gave: Gave;
  /** What it got from communities hosted elsewhere. */
  got: Got;
  /** Hours saved by the applications reported, to the hundredth. */
  hoursSaved: Scalars['Float']['output'];
  /** Median `timeToSolutionSeconds` of the problems solved in the period. */
  medianTimeToSolutionSeconds?: Maybe<Scalars['Int']['output']>;
  /** Money saved by the applications reported, per currency. */
  moneySaved: Array<Money>;
  /** The period. */
  period: ReportPeriod;
  /** Problems created in the period. */
  problemsPosted: Scalars['Int']['output'];
  /** Problems solved in the period. */
  problemsSolved: Scalars['Int']['output'];
  /** Applications of the period with their outcomes, newest first (at most 50). */
  stories: Array<Application>;
  /** All applications of the period. */
  storyCount: Scalars['Int']['output'];
};

/** Information about pagination in a connection */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** When paginating forwards, the cursor to continue. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** When paginating forwards, are there more items? */
  hasNextPage: Scalars['Boolean']['output'];
  /** When paginating backwards, are there more items? */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** When paginating backwards, the cursor to continue. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** An organization's place in a community, from invitation to departure. */
export type Participation = Node & {
  __typename?: 'Participation';
  /** When the organization accepted. */
  acceptedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The community. */
  community?: Maybe<Community>;
  /** When it declined, left or was removed. */
  endedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the invitation expires (null for the host). */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Globally unique, opaque identifier. */
  id: Scalars['ID']['output'];
  /** When the organization was (last) invited. */
  invitedAt: Scalars['DateTime']['output'];
  /** The organization taking part. */
  organization?: Maybe<Organization>;
  /** The organization's local sponsor, named when it accepted. */
  sponsor?: Maybe<Person>;
  /** Where the participation stands (an unanswered invitation past its expiry is EXPIRED). */
  status: ParticipationStatus;
  /** What the organization's people may do there. */
  tier: ParticipationTier;
};

export type ParticipationConnection = {
  __typename?: 'ParticipationConnection';
  /** A list of edges. */
  edges: Array<ParticipationEdge>;
  /** A list of nodes. */
  nodes: Array<Participation>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items the whole list holds (all pages), counting only what the viewer may see. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type ParticipationEdge = {
  __typename?: 'ParticipationEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Participation;
};

/** Result of a change to a participation. */
export type ParticipationPayload = {
  __typename?: 'ParticipationPayload';
  /** The object after the change; null when `userErrors` says why it was not made. */
  participation?: Maybe<Participation>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** Input naming one participation. */
export type ParticipationRefInput = {
  /** Global id of the participation. */
  participationId: Scalars['ID']['input'];
};

/** Where an organization's participation in a community stands. */
export type ParticipationStatus =
  /** The organization takes part. */
  | 'ACTIVE'
  /** The organization's admin declined. */
  | 'DECLINED'
  /** The invitation passed its expiry unanswered. */
  | 'EXPIRED'
  /** Invited, waiting for the organization's admin. */
  | 'INVITED'
  /** The organization withdrew. */
  | 'LEFT'
  /** The host removed the organization (or withdrew the invitation). */
  | 'REMOVED'
  /**
   * Interrupted from outside the community (partnership not active, an organization
   * disabled); restored when the cause goes away.
   */
  | 'SUSPENDED';

/** An organization's place in a community. */
export type ParticipationTier =
  /** Its people may also coordinate: add colleagues, run events. */
  | 'CO_HOST'
  /** The host organization. */
  | 'HOST'
  /** Its people may join and post. */
  | 'PARTICIPATE';

/**
 * What an organization lets a partner's people do in its communities (inbound), or its own
 * people do in the partner's communities (outbound).
 */
export type PartnerPolicy =
  /** Joining needs no approval from this organization. */
  | 'ALLOWED'
  /** One of this organization's admins approves each request. */
  | 'APPROVAL_REQUIRED'
  /** Requests are refused. */
  | 'BLOCKED';

/** An organization's default policies for partners without an override. */
export type PartnerPolicyDefaults = {
  __typename?: 'PartnerPolicyDefaults';
  /** May partners' people join our communities. */
  inbound: PartnerPolicy;
  /** May our people join partners' communities. */
  outbound: PartnerPolicy;
};

/** Result of `setPartnerPolicyDefaults`. */
export type PartnerPolicyDefaultsPayload = {
  __typename?: 'PartnerPolicyDefaultsPayload';
  /** The object after the change; null when `userErrors` says why it was not made. */
  defaults?: Maybe<PartnerPolicyDefaults>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** Two organizations' agreement to share communities, with each side's policy for the other. */
export type Partnership = Node & {
  __typename?: 'Partnership';
  /** When it was last accepted. */
  acceptedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When it was first proposed. */
  createdAt: Scalars['DateTime']['output'];
  /** When it was declined or ended. */
  endedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Globally unique, opaque identifier. */
  id: Scalars['ID']['output'];
  /** The viewer's organization's inbound override; null when it follows the default. */
  inboundOverride?: Maybe<PartnerPolicy>;
  /**
   * The viewer's organization's inbound policy for the partner, in effect (override or
   * default). For the operator: the proposer's.
   */
  inboundPolicy: PartnerPolicy;
  /** The proposer's message. */
  message?: Maybe<Scalars['String']['output']>;
  /** The viewer's organization's outbound override; null when it follows the default. */
  outboundOverride?: Maybe<PartnerPolicy>;
  /** The viewer's organization's outbound policy for the partner, in effect. */
  outboundPolicy: PartnerPolicy;
  /** The side that is not the viewer's organization (for the operator: the recipient). */
  partner?: Maybe<Organization>;
  /** The organization that proposed it. */
  proposer?: Maybe<Organization>;
  /** The organization it was proposed to. */
  recipient?: Maybe<Organization>;
  /** Where the partnership stands. */
  status: PartnershipStatus;
  /** The organization that suspended it, while it is suspended. */
  suspendedBy?: Maybe<Organization>;
  /** When it last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

export type PartnershipConnection = {
  __typename?: 'PartnershipConnection';
  /** A list of edges. */
  edges: Array<PartnershipEdge>;
  /** A list of nodes. */
  nodes: Array<Partnership>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items the whole list holds (all pages), counting only what the viewer may see. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type PartnershipEdge = {
  __typename?: 'PartnershipEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Partnership;
};

/** Result of a change to a partnership. */
export type PartnershipPayload = {
  __typename?: 'PartnershipPayload';
  /** The object after the change; null when `userErrors` says why it was not made. */
  partnership?: Maybe<Partnership>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** Input naming one partnership. */
export type PartnershipRefInput = {
  /** Global id of the partnership. */
  partnershipId: Scalars['ID']['input'];
};

/** Where a partnership stands. */
export type PartnershipStatus =
  /** Both organizations agreed; their communities may federate. */
  | 'ACTIVE'
  /** The other organization declined the proposal. */
  | 'DECLINED'
  /** One side ended it. It can be proposed again. */
  | 'ENDED'
  /** Proposed by one organization, waiting for the other's answer. */
  | 'PROPOSED'
  /** One side suspended it: the partner's people lose access until it resumes. */
  | 'SUSPENDED';

/** Whole UTC days, both included: at most 1,100 days, `from` not after `to`. */
export type PeriodInput = {
  /** The first day. */
  from: Scalars['NaiveDate']['input'];
  /** The last day (included). */
  to: Scalars['NaiveDate']['input'];
};

/**
 * A GraphQL document an organization registered: its people run it by naming its hash
 * (`extensions.persistedQuery.sha256Hash`, or `documentId`), and when the organization accepts
 * only registered operations, nothing else.
 */
export type PersistedOperation = {
  __typename?: 'PersistedOperation';
  /** When it was registered. */
  createdAt: Scalars['DateTime']['output'];
  /** The document, exactly as registered. */
  document: Scalars['String']['output'];
  /** The same hash as a `documentId` (`sha256:<hash>`). */
  documentId: Scalars['String']['output'];
  /** A label: the one given when registering, else the document's operation name. */
  name?: Maybe<Scalars['String']['output']>;
  /**
   * Lowercase hex SHA-256 of the document's exact text: what clients send as
   * `extensions.persistedQuery.sha256Hash`.
   */
  sha256Hash: Scalars['String']['output'];
};

export type PersistedOperationConnection = {
  __typename?: 'PersistedOperationConnection';
  /** A list of edges. */
  edges: Array<PersistedOperationEdge>;
  /** A list of nodes. */
  nodes: Array<PersistedOperation>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items the whole list holds (all pages), counting only what the viewer may see. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type PersistedOperationEdge = {
  __typename?: 'PersistedOperationEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: PersistedOperation;
};

/** A person of an organization, known to Praxis since their first signed-in request. */
export type Person = Node & {
  __typename?: 'Person';
  /**
   * The person's business unit. Admins of their organization, the person, the operator;
   * null for others.
   */
  businessUnit?: Maybe<Scalars['String']['output']>;
  /** When Praxis first saw the person. */
  createdAt: Scalars['DateTime']['output'];
  /** Name from the person's identity provider, if it sends one. */
  displayName?: Maybe<Scalars['String']['output']>;
  /**
   * Email from the person's identity provider, if it sends one. Private: null for
   * viewers of other organizations.
   */
  email?: Maybe<Scalars['String']['output']>;
  /** Globally unique, opaque identifier. */
  id: Scalars['ID']['output'];
  /**
   * When the person last made a request (to within five minutes). Private: null for
   * viewers of other organizations.
   */
  lastSeenAt?: Maybe<Scalars['DateTime']['output']>;
  /** The organization the person belongs to. */
  organization?: Maybe<Organization>;
};

export type PersonConnection = {
  __typename?: 'PersonConnection';
  /** A list of edges. */
  edges: Array<PersonEdge>;
  /** A list of nodes. */
  nodes: Array<Person>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items the whole list holds (all pages), counting only what the viewer may see. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type PersonEdge = {
  __typename?: 'PersonEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Person;
};

/** Result of a change to a person. */
export type PersonPayload = {
  __typename?: 'PersonPayload';
  /** The object after the change; null when `userErrors` says why it was not made. */
  person?: Maybe<Person>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** A new problem. */
export type PostProblemInput = {
  /** The problem in Markdown (at most 50,000 characters). */
  body: Scalars['String']['input'];
  /** The community to post it in (the viewer must be an active member). */
  communityId: Scalars['ID']['input'];
  /** Topics, as slugs (at most 20). */
  tags?: Array<Scalars['String']['input']>;
  /** One-line summary (3-200 characters). */
  title: Scalars['String']['input'];
  /** How pressing it is. */
  urgency?: Urgency;
};

/** A problem a member posted for the community to solve. */
export type Problem = Node & {
  __typename?: 'Problem';
  /** Reports of its solution applied at work, newest first. */
  applications: ApplicationConnection;
  /** The knowledge articles written from it. */
  articles: KnowledgeArticleConnection;
  /** Who posted it (their public profile outside their organization). */
  author?: Maybe<Person>;
  /** The author's organization. */
  authorOrganization?: Maybe<Organization>;
  /** The problem in Markdown, as written (render it safely: see the README). */
  body: Scalars['String']['output'];
  /** When it was closed. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The community it was posted in. */
  community?: Maybe<Community>;
  /** When it was posted. */
  createdAt: Scalars['DateTime']['output'];
  /** How many people follow it. */
  followerCount: Scalars['Int']['output'];
  /** Globally unique, opaque identifier. */
  id: Scalars['ID']['output'];
  /** How many ideas and replies it has. */
  ideaCount: Scalars['Int']['output'];
  /** Its top-level ideas (replies hang under each idea). */
  ideas: IdeaConnection;
  /** The ideas accepted as its solution, in the order they were contributed. */
  solution: Array<Idea>;
  /** When its solution was accepted (while SOLVED, or CLOSED after being solved). */
  solvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where it stands. */
  state: ProblemState;
  /** Topics, as slugs. */
  tags: Array<Scalars['String']['output']>;
  /** Seconds from posting to the accepted solution. */
  timeToSolutionSeconds?: Maybe<Scalars['Int']['output']>;
  /** One-line summary. */
  title: Scalars['String']['output'];
  /** When it, or its ideas, last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** How pressing it is. */
  urgency: Urgency;
  /** Whether the viewer follows it. */
  viewerFollows: Scalars['Boolean']['output'];
};


/** A problem a member posted for the community to solve. */
export type ProblemApplicationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A problem a member posted for the community to solve. */
export type ProblemArticlesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A problem a member posted for the community to solve. */
export type ProblemIdeasArgs = {
  accepted?: InputMaybe<Scalars['Boolean']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: IdeaOrder;
};

export type ProblemConnection = {
  __typename?: 'ProblemConnection';
  /** A list of edges. */
  edges: Array<ProblemEdge>;
  /** A list of nodes. */
  nodes: Array<Problem>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items the whole list holds (all pages), counting only what the viewer may see. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type ProblemEdge = {
  __typename?: 'ProblemEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Problem;
};

/** Which problems to list. */
export type ProblemFilter = {
  /** Only problems posted by people of this organization. */
  authorOrganizationId?: InputMaybe<Scalars['ID']['input']>;
  /** Only problems the viewer follows. */
  followed?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only problems in these states. */
  states?: InputMaybe<Array<ProblemState>>;
  /** Only problems carrying every one of these tags. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only problems of these urgencies. */
  urgencies?: InputMaybe<Array<Urgency>>;
};

/** How a list of problems is ordered. */
export type ProblemOrder =
  /** Most recently posted first. */
  | 'NEWEST'
  /** First posted first. */
  | 'OLDEST'
  /** OPEN first, then SOLVED, then CLOSED; newest first within each. */
  | 'UNSOLVED_FIRST';

/** The result of a change to a problem. */
export type ProblemPayload = {
  __typename?: 'ProblemPayload';
  /** The object after the change; null when `userErrors` says why it was not made. */
  problem?: Maybe<Problem>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** Names a problem. */
export type ProblemRefInput = {
  /** The problem. */
  id: Scalars['ID']['input'];
};

/** Where a problem stands. */
export type ProblemState =
  /** Closed without (further) solution: a duplicate, gone away, won't fix. */
  | 'CLOSED'
  /** Waiting for a solution. */
  | 'OPEN'
  /** One or more ideas were accepted as its solution. */
  | 'SOLVED';

/** Input of `proposePartnership`. */
export type ProposePartnershipInput = {
  /** A note to the partner's admins (at most 2,000 characters). */
  message?: InputMaybe<Scalars['String']['input']>;
  /** Slug of the organization to partner with. */
  partnerSlug: Scalars['String']['input'];
};

/** All queries. */
export type QueryRoot = {
  __typename?: 'QueryRoot';
  /** Communities the viewer may see (to discover and to join), oldest first. */
  communities: CommunityConnection;
  /** A community by its host's slug and its own. NOT_FOUND when the viewer may not see it. */
  community: Community;
  /**
   * Fetches any object by its global id. NOT_FOUND when it does not exist or the viewer may
   * not see it.
   */
  node?: Maybe<Node>;
  /**
   * Fetches up to 100 objects by global id, in the order asked. An entry the viewer may not
   * see is null, with a NOT_FOUND error at its index.
   */
  nodes: Array<Maybe<Node>>;
  /**
   * The OpenID Connect login of the organization with this slug, for the console's
   * sign-in page; no token needed. Null alike for an unknown or disabled organization and
   * for one without a login: it tells no more than the organization's sign-in page would.
   */
  oidcLogin?: Maybe<OidcLogin>;
  /** An organization by slug. NOT_FOUND when it does not exist or the viewer may not see it. */
  organization: Organization;
  /** Organizations the viewer may see (all of them, for the platform operator), oldest first. */
  organizations: OrganizationConnection;
  /**
   * Searches the problems, ideas and articles of the communities the viewer may see, best
   * match first. The query is plain words: every word must match (stemmed; the last one
   * may be a prefix on SQLite and PostgreSQL alike).
   */
  search: SearchHitConnection;
  /** The bearer of this request's token. UNAUTHENTICATED without one. */
  viewer: Viewer;
};


/** All queries. */
export type QueryRootCommunitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CommunityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** All queries. */
export type QueryRootCommunityArgs = {
  host: Scalars['String']['input'];
  slug: Scalars['String']['input'];
};


/** All queries. */
export type QueryRootNodeArgs = {
  id: Scalars['ID']['input'];
};


/** All queries. */
export type QueryRootNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** All queries. */
export type QueryRootOidcLoginArgs = {
  organization: Scalars['String']['input'];
};


/** All queries. */
export type QueryRootOrganizationArgs = {
  slug: Scalars['String']['input'];
};


/** All queries. */
export type QueryRootOrganizationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** All queries. */
export type QueryRootSearchArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SearchFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
};

/** Input of `redeliverWebhookDelivery`. */
export type RedeliverWebhookDeliveryInput = {
  /** Global id of the delivery (`WebhookDelivery.id`). */
  deliveryId: Scalars['ID']['input'];
};

/** Input of `registerPersistedOperation`. */
export type RegisterPersistedOperationInput = {
  /** The GraphQL document, exactly as clients will hash it (at most 100,000 characters). */
  document: Scalars['String']['input'];
  /** A label (at most 200 characters). Default: the document's operation name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Global id of the organization whose people may run it. */
  organizationId: Scalars['ID']['input'];
};

/** Result of `registerPersistedOperation`. */
export type RegisterPersistedOperationPayload = {
  __typename?: 'RegisterPersistedOperationPayload';
  /** The object after the change; null when `userErrors` says why it was not made. */
  persistedOperation?: Maybe<PersistedOperation>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** Input of `removeOidcLogin`. */
export type RemoveOidcLoginInput = {
  /** Global id of the organization. */
  organizationId: Scalars['ID']['input'];
};

/** Result of `removeOidcLogin`. */
export type RemoveOidcLoginPayload = {
  __typename?: 'RemoveOidcLoginPayload';
  /** The organization; null when `userErrors` says why the change was not made. */
  organization?: Maybe<Organization>;
  /** Whether a login was removed (false: there was none). */
  removed: Scalars['Boolean']['output'];
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** Input of `removePersistedOperation`. */
export type RemovePersistedOperationInput = {
  /** Global id of the organization that registered it. */
  organizationId: Scalars['ID']['input'];
  /** Its `sha256Hash`. */
  sha256Hash: Scalars['String']['input'];
};

/** Result of `removePersistedOperation`. */
export type RemovePersistedOperationPayload = {
  __typename?: 'RemovePersistedOperationPayload';
  /** The object after the change; null when `userErrors` says why it was not made. */
  persistedOperation?: Maybe<PersistedOperation>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** Input of `reportApplication`: name exactly one of `articleId` and `problemId`. */
export type ReportApplicationInput = {
  /** The day it was applied; left out, today (UTC). Not in the future. */
  appliedOn?: InputMaybe<Scalars['NaiveDate']['input']>;
  /** Global id of a PUBLISHED article. */
  articleId?: InputMaybe<Scalars['ID']['input']>;
  /** The business unit where it was applied (one line, at most 200 characters). */
  businessUnit: Scalars['String']['input'];
  /** Money saved. */
  costSaved?: InputMaybe<MoneyInput>;
  /** Hours saved: more than 0, at most 100000 (kept to the hundredth). */
  hoursSaved?: InputMaybe<Scalars['Float']['input']>;
  /** How it turned out (at most 2,000 characters). */
  outcome: Scalars['String']['input'];
  /** Global id of a SOLVED problem whose solution was applied. */
  problemId?: InputMaybe<Scalars['ID']['input']>;
  /** Effect on quality. */
  qualityNote?: InputMaybe<Scalars['String']['input']>;
  /** Risks seen. */
  riskNote?: InputMaybe<Scalars['String']['input']>;
  /** What was done (Markdown). */
  whatWasDone: Scalars['String']['input'];
};

/** A report's period. */
export type ReportPeriod = {
  __typename?: 'ReportPeriod';
  /** The first day. */
  from: Scalars['NaiveDate']['output'];
  /** The last day (included). */
  to: Scalars['NaiveDate']['output'];
};

/** A stretch with no SCHEDULED event longer than 1.5 times the usual interval. */
export type RhythmGap = {
  __typename?: 'RhythmGap';
  /** Its length in days, to the hundredth. */
  days: Scalars['Float']['output'];
  /** Start of the stretch: the period's start or an event's start. */
  from: Scalars['DateTime']['output'];
  /** End of the stretch: an event's start, the period's end, or now. */
  to: Scalars['DateTime']['output'];
};

/** The rhythm of a community over a period (`docs/CULTURE.md`, "Rhythm"). */
export type RhythmReport = {
  __typename?: 'RhythmReport';
  /**
   * Over events of the period that have ended: check-ins ÷ RSVPs that were GOING or
   * checked in; null when there are none.
   */
  attendanceRate?: Maybe<Scalars['Float']['output']>;
  /** People checked in to at least one event of the period. */
  attendees: Scalars['Int']['output'];
  /** SCHEDULED events starting in the period per UTC month, months without events included. */
  eventsPerMonth: Array<MonthlyEvents>;
  /** EXCITING events of the period. */
  excitingCount: Scalars['Int']['output'];
  /** EXCITING events ÷ all events; null when there are none. */
  excitingShare?: Maybe<Scalars['Float']['output']>;
  /** FAMILIAR events of the period. */
  familiarCount: Scalars['Int']['output'];
  /** Stretches with no SCHEDULED event longer than 1.5 × the usual interval. */
  gaps: Array<RhythmGap>;
  /** Whether `usualIntervalDays` is the interval host coordinators declared. */
  intervalDeclared: Scalars['Boolean']['output'];
  /** Attendees whose first check-in in this community is in the period. */
  newcomers: Scalars['Int']['output'];
  /** The period. */
  period: ReportPeriod;
  /** Attendees checked in to 3 or more events of the period. */
  regulars: Scalars['Int']['output'];
  /**
   * The declared interval, else the median days between consecutive SCHEDULED events
   * over the 365 days before the period's end; null with fewer than 3 such events.
   */
  usualIntervalDays?: Maybe<Scalars['Float']['output']>;
};

/** Input of `rsvpEvent`. */
export type RsvpEventInput = {
  /** Global id of the event. */
  eventId: Scalars['ID']['input'];
  /** The answer. */
  response: RsvpResponse;
};

/** Result of an answer or a check-in. */
export type RsvpPayload = {
  __typename?: 'RsvpPayload';
  /** The event with its counters after the change. */
  event?: Maybe<Event>;
  /** The answer after the change; null when `userErrors` says why it was not made. */
  rsvp?: Maybe<EventRsvp>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** A person's answer to an event. */
export type RsvpResponse =
  /** Won't come. */
  | 'DECLINED'
  /** Will come (or join the waitlist when the event is full). */
  | 'GOING'
  /** Might come. */
  | 'MAYBE';

/** Where a person's answer put them. */
export type RsvpStatus =
  /** Won't come. */
  | 'DECLINED'
  /** Has a seat. */
  | 'GOING'
  /** Might come. */
  | 'MAYBE'
  /** Answered GOING on a full event: waits for a seat. */
  | 'WAITLISTED';

/** Narrows a search. */
export type SearchFilter = {
  /** Only articles in these states. */
  articleStates?: InputMaybe<Array<ArticleState>>;
  /** Only items written by people of this organization. */
  authorOrganizationId?: InputMaybe<Scalars['ID']['input']>;
  /** Only items of these communities. */
  communityIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Only these kinds of item. */
  kinds?: InputMaybe<Array<SearchKind>>;
  /** Only problems (and ideas of problems) in these states. */
  problemStates?: InputMaybe<Array<ProblemState>>;
  /** Only items carrying every one of these tags (ideas carry their problem's). */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** One ranked search hit. */
export type SearchHit = {
  __typename?: 'SearchHit';
  /** The problem, idea or article. */
  item?: Maybe<SearchItem>;
  /** What kind of item it is. */
  kind: SearchKind;
  /** Relevance: higher is better; comparable within one search only. */
  score: Scalars['Float']['output'];
  /** An excerpt of the body around the matches. */
  snippet: Highlighted;
  /** The title with matches marked (empty for ideas, which have none). */
  title: Highlighted;
};

export type SearchHitConnection = {
  __typename?: 'SearchHitConnection';
  /** A list of edges. */
  edges: Array<SearchHitEdge>;
  /** A list of nodes. */
  nodes: Array<SearchHit>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items the whole list holds (all pages), counting only what the viewer may see. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type SearchHitEdge = {
  __typename?: 'SearchHitEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: SearchHit;
};

/** What a search hit found. */
export type SearchItem = Idea | KnowledgeArticle | Problem;

/** What a search hit is. */
export type SearchKind =
  /** A knowledge article. */
  | 'ARTICLE'
  /** An idea or a reply. */
  | 'IDEA'
  /** A problem. */
  | 'PROBLEM';

/** Input of `setArticleState`. */
export type SetArticleStateInput = {
  /** Global id of the article. */
  articleId: Scalars['ID']['input'];
  /** The state to move it to. */
  state: ArticleState;
};

/** Input of `setCommunityRhythm`. */
export type SetCommunityRhythmInput = {
  /** Global id of the community. */
  communityId: Scalars['ID']['input'];
  /** Days between familiar events, 1 to 365; null clears it. */
  intervalDays?: InputMaybe<Scalars['Int']['input']>;
};

/** Input of `setOidcLogin`. */
export type SetOidcLoginInput = {
  /** `https://` URL of the provider's authorization endpoint. */
  authorizationEndpoint: Scalars['String']['input'];
  /** Which token the console uses as its bearer; default ID_TOKEN. */
  bearerToken?: OidcBearerToken;
  /** The console's client id at the provider (a public client: no secret). */
  clientId: Scalars['String']['input'];
  /** The provider's issuer: one of the organization's trusted issuers. */
  issuer: Scalars['String']['input'];
  /** Global id of the organization. */
  organizationId: Scalars['ID']['input'];
  /** Space-separated scopes, `openid` among them; default `openid profile email`. */
  scopes?: InputMaybe<Scalars['String']['input']>;
  /** `https://` URL of the provider's token endpoint. */
  tokenEndpoint: Scalars['String']['input'];
};

/** Result of `setOidcLogin`. */
export type SetOidcLoginPayload = {
  __typename?: 'SetOidcLoginPayload';
  /** The object after the change; null when `userErrors` says why it was not made. */
  oidcLogin?: Maybe<OidcLogin>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** Input of `setOrganizationRateLimit`. */
export type SetOrganizationRateLimitInput = {
  /** Global id of the organization. */
  organizationId: Scalars['ID']['input'];
  /**
   * Cost points all its people may spend per window (1 to 1,000,000,000); null: the
   * server's default.
   */
  organizationPoints?: InputMaybe<Scalars['Int']['input']>;
  /**
   * Cost points each of its people may spend per window (1 to 1,000,000,000); null: the
   * server's default.
   */
  personPoints?: InputMaybe<Scalars['Int']['input']>;
};

/** Result of `setOrganizationRateLimit`. */
export type SetOrganizationRateLimitPayload = {
  __typename?: 'SetOrganizationRateLimitPayload';
  /** The object after the change; null when `userErrors` says why it was not made. */
  rateLimit?: Maybe<OrganizationRateLimit>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** Input of `setPartnerPolicyDefaults`: a field left out is unchanged. */
export type SetPartnerPolicyDefaultsInput = {
  /** Default inbound policy. */
  inbound?: InputMaybe<PartnerPolicy>;
  /** Global id of the organization (the viewer's own). */
  organizationId: Scalars['ID']['input'];
  /** Default outbound policy. */
  outbound?: InputMaybe<PartnerPolicy>;
};

/**
 * Input of `setPartnerPolicy`: a field left out is unchanged, an explicit null returns it to
 * the organization's default.
 */
export type SetPartnerPolicyInput = {
  /** Our inbound policy for this partner. */
  inbound?: InputMaybe<PartnerPolicy>;
  /** Our outbound policy for this partner. */
  outbound?: InputMaybe<PartnerPolicy>;
  /** Global id of the partnership. */
  partnershipId: Scalars['ID']['input'];
};

/** Input of `setPersistedOperationsOnly`. */
export type SetPersistedOperationsOnlyInput = {
  /** Whether its people (not its admins) may send only its registered operations. */
  enabled: Scalars['Boolean']['input'];
  /** Global id of the organization. */
  organizationId: Scalars['ID']['input'];
};

/** Result of `setPersistedOperationsOnly`. */
export type SetPersistedOperationsOnlyPayload = {
  __typename?: 'SetPersistedOperationsOnlyPayload';
  /** The object after the change; null when `userErrors` says why it was not made. */
  organization?: Maybe<Organization>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** Input of `setPersonBusinessUnit`. */
export type SetPersonBusinessUnitInput = {
  /** The unit (one line, at most 200 characters, trimmed); null or blank clears it. */
  businessUnit?: InputMaybe<Scalars['String']['input']>;
  /** Global id of a person of an organization the viewer administers. */
  personId: Scalars['ID']['input'];
};

/**
 * Changes as they happen, over graphql-transport-ws (docs/REALTIME.md). Every event is
 * checked against the viewer when it is delivered.
 */
export type SubscriptionRoot = {
  __typename?: 'SubscriptionRoot';
  /**
   * The activity of a community (problems, ideas, articles, applications, events, RSVPs),
   * for its ACTIVE members and its host's admins. Each event is checked when delivered: a
   * member removed from the community hears nothing more from that moment. `types`
   * narrows the event types (all when omitted); `after` resumes after a reconnect.
   */
  communityActivity: DomainEvent;
  /**
   * What concerns the viewer personally: approvals waiting for them, replies to their
   * problems and ideas, mentions. Checked when delivered.
   */
  notifications: Notification;
  /**
   * An organization's admin feed: partnership, federation and membership changes that
   * concern it, and its webhook endpoints being disabled. For its admins and the operator.
   */
  organizationFeed: DomainEvent;
};


/**
 * Changes as they happen, over graphql-transport-ws (docs/REALTIME.md). Every event is
 * checked against the viewer when it is delivered.
 */
export type SubscriptionRootCommunityActivityArgs = {
  after?: InputMaybe<Scalars['Int']['input']>;
  communityId: Scalars['ID']['input'];
  types?: InputMaybe<Array<DomainEventType>>;
};


/**
 * Changes as they happen, over graphql-transport-ws (docs/REALTIME.md). Every event is
 * checked against the viewer when it is delivered.
 */
export type SubscriptionRootNotificationsArgs = {
  after?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Changes as they happen, over graphql-transport-ws (docs/REALTIME.md). Every event is
 * checked against the viewer when it is delivered.
 */
export type SubscriptionRootOrganizationFeedArgs = {
  after?: InputMaybe<Scalars['Int']['input']>;
  organizationId: Scalars['ID']['input'];
  types?: InputMaybe<Array<DomainEventType>>;
};

/** A range of characters. */
export type TextRange = {
  __typename?: 'TextRange';
  /** Index one past the last character. */
  end: Scalars['Int']['output'];
  /** Index of the first character. */
  start: Scalars['Int']['output'];
};

/** Input of `undoCheckIn`. */
export type UndoCheckInInput = {
  /** Global id of the event. */
  eventId: Scalars['ID']['input'];
  /** Global id of the person. */
  personId: Scalars['ID']['input'];
};

/** Input of `updateArticle`: a field left out is unchanged. */
export type UpdateArticleInput = {
  /** Global id of the article. */
  articleId: Scalars['ID']['input'];
  /** New Markdown text. */
  body?: InputMaybe<Scalars['String']['input']>;
  /** The revision the editor read (`KnowledgeArticle.revision`). */
  expectedRevision: Scalars['Int']['input'];
  /** A summary of the change, kept with the revision. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** New topics (replaces the list). */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** New title. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Result of `updateArticle`. */
export type UpdateArticlePayload = {
  __typename?: 'UpdateArticlePayload';
  /** The article after the change; null when `userErrors` says why it was not made. */
  article?: Maybe<KnowledgeArticle>;
  /**
   * On a CONFLICT (the article moved on from `expectedRevision`): the revision that won,
   * to merge with before retrying.
   */
  currentRevision?: Maybe<ArticleRevision>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** Input of `updateCommunity`: a field left out is unchanged. */
export type UpdateCommunityInput = {
  /** The charter. */
  charter?: InputMaybe<Scalars['String']['input']>;
  /** Global id of the community. */
  communityId: Scalars['ID']['input'];
  /** Whether joining needs a coordinator's approval. */
  joinRule?: InputMaybe<JoinRule>;
  /** Display name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** What the community is for. */
  purpose?: InputMaybe<Scalars['String']['input']>;
  /** Where it is in its life. */
  stage?: InputMaybe<LifecycleStage>;
  /** Topics (replaces the list). */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Who may see it. HOST_ONLY only without partner organizations. */
  visibility?: InputMaybe<CommunityVisibility>;
};

/** Input of `updateEvent`: a field left out is unchanged; null clears an optional one. */
export type UpdateEventInput = {
  /** New capacity; null removes the limit. Raising it promotes from the waitlist. */
  capacity?: InputMaybe<Scalars['Int']['input']>;
  /** New Markdown description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** New local end. */
  end?: InputMaybe<Scalars['String']['input']>;
  /** Global id of the event. */
  eventId: Scalars['ID']['input'];
  /** New format. */
  format?: InputMaybe<EventFormat>;
  /** New join URL; null clears it. */
  joinUrl?: InputMaybe<Scalars['String']['input']>;
  /** New kind. */
  kind?: InputMaybe<EventKind>;
  /** New place; null clears it. */
  place?: InputMaybe<Scalars['String']['input']>;
  /** New local start. */
  start?: InputMaybe<Scalars['String']['input']>;
  /** New IANA time zone. */
  timeZone?: InputMaybe<Scalars['String']['input']>;
  /** New title (3-200 characters, one line). */
  title?: InputMaybe<Scalars['String']['input']>;
};

/**
 * Input of `updateEventSeries`: applies to the series and its future occurrences that are
 * neither detached nor cancelled.
 */
export type UpdateEventSeriesInput = {
  /** New capacity; null removes the limit. Raising it promotes from the waitlist. */
  capacity?: InputMaybe<Scalars['Int']['input']>;
  /** New Markdown description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** New format. */
  format?: InputMaybe<EventFormat>;
  /** New join URL; null clears it. */
  joinUrl?: InputMaybe<Scalars['String']['input']>;
  /** New kind. */
  kind?: InputMaybe<EventKind>;
  /** New place; null clears it. */
  place?: InputMaybe<Scalars['String']['input']>;
  /** Global id of the series. */
  seriesId: Scalars['ID']['input'];
  /** New title (3-200 characters, one line). */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to a problem; fields left out keep their value. */
export type UpdateProblemInput = {
  /** New Markdown body. */
  body?: InputMaybe<Scalars['String']['input']>;
  /** The problem. */
  id: Scalars['ID']['input'];
  /** New tags (replacing the old ones). */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** New summary. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** New urgency. */
  urgency?: InputMaybe<Urgency>;
};

/** Input of `updateWebhookEndpoint`: a field left out is unchanged. */
export type UpdateWebhookEndpointInput = {
  /** New description; null clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Global id of the endpoint. */
  endpointId: Scalars['ID']['input'];
  /** New event types. */
  eventTypes?: InputMaybe<Array<DomainEventType>>;
  /** ACTIVE (also re-enables a DISABLED endpoint and sends what waited) or PAUSED. */
  status?: InputMaybe<WebhookStatus>;
  /** New URL. */
  url?: InputMaybe<Scalars['String']['input']>;
};

/** How pressing a problem is. */
export type Urgency =
  /** Work is stopped by it. */
  | 'CRITICAL'
  /** Work is slowed down by it. */
  | 'HIGH'
  /** Whenever someone has time. */
  | 'LOW'
  /** The usual. */
  | 'NORMAL';

/** A business-rule failure of a mutation, for the user to fix. */
export type UserError = {
  __typename?: 'UserError';
  /** What kind of mistake it is. */
  code: UserErrorCode;
  /** Path to the input field at fault, e.g. `["input", "slug"]`. */
  field: Array<Scalars['String']['output']>;
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** What kind of mistake a user error reports. */
export type UserErrorCode =
  /** The value breaks a rule; the message says which. */
  | 'BAD_USER_INPUT'
  /** The value collides with existing data (for example a taken slug). */
  | 'CONFLICT';

/** What a scope added up to over a period (`docs/CULTURE.md`, "Value"). */
export type ValueFigures = {
  __typename?: 'ValueFigures';
  /** ACTIVE memberships that joined before the period's end, by organization and role. */
  activeMembers: Array<MemberCount>;
  /** Confirmations created in the period. */
  applicationsConfirmed: Scalars['Int']['output'];
  /** Applications whose `appliedOn` is in the period. */
  applicationsReported: Scalars['Int']['output'];
  /** Article revisions created in the period. */
  articleRevisions: Scalars['Int']['output'];
  /** Visible articles first published in the period. */
  articlesPublished: Scalars['Int']['output'];
  /** Check-ins to the events held. */
  attendances: Scalars['Int']['output'];
  /**
   * Distinct people who posted a problem, an idea, an article revision, an application
   * or a confirmation in the period.
   */
  contributors: Scalars['Int']['output'];
  /** SCHEDULED events starting in the period. */
  eventsHeld: Scalars['Int']['output'];
  /** EXCITING events held. */
  excitingEvents: Scalars['Int']['output'];
  /** FAMILIAR events held. */
  familiarEvents: Scalars['Int']['output'];
  /** Hours saved by the applications reported, to the hundredth. */
  hoursSaved: Scalars['Float']['output'];
  /** Median `timeToSolutionSeconds` of the problems solved in the period. */
  medianTimeToSolutionSeconds?: Maybe<Scalars['Int']['output']>;
  /** Money saved by the applications reported, per currency. */
  moneySaved: Array<Money>;
  /** Problems created in the period. */
  problemsPosted: Scalars['Int']['output'];
  /** Problems solved in the period. */
  problemsSolved: Scalars['Int']['output'];
};

/**
 * A value report: the figures of a community or a business unit over a period, and the
 * stories behind them.
 */
export type ValueReport = {
  __typename?: 'ValueReport';
  /** ACTIVE memberships that joined before the period's end, by organization and role. */
  activeMembers: Array<MemberCount>;
  /** Confirmations created in the period. */
  applicationsConfirmed: Scalars['Int']['output'];
  /** Applications whose `appliedOn` is in the period. */
  applicationsReported: Scalars['Int']['output'];
  /** Article revisions created in the period. */
  articleRevisions: Scalars['Int']['output'];
  /** Visible articles first published in the period. */
  articlesPublished: Scalars['Int']['output'];
  /** Check-ins to the events held. */
  attendances: Scalars['Int']['output'];
  /**
   * Distinct people who posted a problem, an idea, an article revision, an application
   * or a confirmation in the period.
   */
  contributors: Scalars['Int']['output'];
  /** SCHEDULED events starting in the period. */
  eventsHeld: Scalars['Int']['output'];
  /** EXCITING events held. */
  excitingEvents: Scalars['Int']['output'];
  /** FAMILIAR events held. */
  familiarEvents: Scalars['Int']['output'];
  /** Hours saved by the applications reported, to the hundredth. */
  hoursSaved: Scalars['Float']['output'];
  /** Median `timeToSolutionSeconds` of the problems solved in the period. */
  medianTimeToSolutionSeconds?: Maybe<Scalars['Int']['output']>;
  /** Money saved by the applications reported, per currency. */
  moneySaved: Array<Money>;
  /** The period. */
  period: ReportPeriod;
  /** Problems created in the period. */
  problemsPosted: Scalars['Int']['output'];
  /** Problems solved in the period. */
  problemsSolved: Scalars['Int']['output'];
  /** Applications of the period with their outcomes, newest first (at most 50). */
  stories: Array<Application>;
  /** All applications of the period. */
  storyCount: Scalars['Int']['output'];
};

/** The bearer of the request's token. */
export type Viewer = {
  __typename?: 'Viewer';
  /**
   * The viewer's calendar feed, if they have one (its URLs are shown only by
   * `rotateCalendarFeed`).
   */
  calendarFeed?: Maybe<CalendarFeed>;
  /** The business units the viewer leads. */
  divisions: Array<DivisionLeader>;
  /** Problems the viewer follows, in every community they may see. */
  followedProblems: ProblemConnection;
  /** Whether the token carries its organization's admin claim. */
  isAdmin: Scalars['Boolean']['output'];
  /** Whether the bearer is the platform operator. */
  isOperator: Scalars['Boolean']['output'];
  /** The viewer's own memberships (their communities, with role and status), oldest first. */
  memberships: MembershipConnection;
  /** The person's organization; null for the platform operator. */
  organization?: Maybe<Organization>;
  /**
   * Approvals waiting for the viewer: as a coordinator, a host admin or an admin of the
   * member's organization. Oldest first.
   */
  pendingApprovals: MembershipApprovalConnection;
  /** The signed-in person; null for the platform operator. */
  person?: Maybe<Person>;
  /**
   * Events that have not ended, of communities the viewer is an ACTIVE member of or that
   * they answered GOING, MAYBE or WAITLISTED; by start.
   */
  upcomingEvents: EventConnection;
};


/** The bearer of the request's token. */
export type ViewerFollowedProblemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProblemFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: ProblemOrder;
};


/** The bearer of the request's token. */
export type ViewerMembershipsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<MembershipStatus>;
};


/** The bearer of the request's token. */
export type ViewerPendingApprovalsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** The bearer of the request's token. */
export type ViewerUpcomingEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One HTTP attempt of a delivery. */
export type WebhookAttempt = {
  __typename?: 'WebhookAttempt';
  /** 1 for the first attempt of the delivery (redeliveries keep counting). */
  attempt: Scalars['Int']['output'];
  /** How long it took, in milliseconds. */
  durationMs: Scalars['Int']['output'];
  /**
   * Why it failed: timeout, connection refused, refused address, or the status with at
   * most 1 KiB of the answer.
   */
  error?: Maybe<Scalars['String']['output']>;
  /** When it started. */
  startedAt: Scalars['DateTime']['output'];
  /** The receiver's HTTP status, when it answered. */
  statusCode?: Maybe<Scalars['Int']['output']>;
  /** Whether the answer was a 2xx. */
  succeeded: Scalars['Boolean']['output'];
};

/** One event to deliver to one endpoint, and how its attempts went. */
export type WebhookDelivery = Node & {
  __typename?: 'WebhookDelivery';
  /** Attempts so far, redeliveries included. */
  attemptCount: Scalars['Int']['output'];
  /** Every attempt, first first. */
  attempts: Array<WebhookAttempt>;
  /** When the event was sequenced for this endpoint. */
  createdAt: Scalars['DateTime']['output'];
  /** When a 2xx answer was received. */
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  /**
   * The delivery id sent as `Praxis-Delivery` and `deliveryId` in the body: the same on
   * every attempt and on redelivery, for receivers to de-duplicate by.
   */
  deliveryId: Scalars['String']['output'];
  /** The endpoint it goes to. */
  endpoint?: Maybe<WebhookEndpoint>;
  /** The global id of the domain event (`event.id` in the body). */
  eventId: Scalars['ID']['output'];
  /** The event's position. */
  eventPosition: Scalars['Int']['output'];
  /** The event's type (the `Praxis-Event` header). */
  eventType: DomainEventType;
  /** Globally unique, opaque identifier. */
  id: Scalars['ID']['output'];
  /** When it was last attempted. */
  lastAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why the last attempt failed (with at most 1 KiB of the receiver's answer). */
  lastError?: Maybe<Scalars['String']['output']>;
  /** The HTTP status of the last attempt, when the receiver answered. */
  lastStatusCode?: Maybe<Scalars['Int']['output']>;
  /** How long the last attempt took, in milliseconds. */
  latencyMs?: Maybe<Scalars['Int']['output']>;
  /**
   * When it is attempted next (PENDING only; an attempt may wait for earlier deliveries of
   * its endpoint, or for the endpoint to be ACTIVE).
   */
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** How many times an admin asked for it again. */
  redeliveryCount: Scalars['Int']['output'];
  /** PENDING, DELIVERED or FAILED. */
  status: DeliveryStatus;
};

export type WebhookDeliveryConnection = {
  __typename?: 'WebhookDeliveryConnection';
  /** A list of edges. */
  edges: Array<WebhookDeliveryEdge>;
  /** A list of nodes. */
  nodes: Array<WebhookDelivery>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items the whole list holds (all pages), counting only what the viewer may see. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type WebhookDeliveryEdge = {
  __typename?: 'WebhookDeliveryEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: WebhookDelivery;
};

/** Result of `redeliverWebhookDelivery`. */
export type WebhookDeliveryPayload = {
  __typename?: 'WebhookDeliveryPayload';
  /** The object after the change; null when `userErrors` says why it was not made. */
  delivery?: Maybe<WebhookDelivery>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/**
 * Where an organization's events are POSTed, signed with a secret. Its organization's
 * admins and the operator see it; no one else.
 */
export type WebhookEndpoint = Node & {
  __typename?: 'WebhookEndpoint';
  /** When it was registered. */
  createdAt: Scalars['DateTime']['output'];
  /** The delivery log, newest first. */
  deliveries: WebhookDeliveryConnection;
  /** What it is for. */
  description?: Maybe<Scalars['String']['output']>;
  /** When Praxis disabled it. */
  disabledAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why Praxis disabled it. */
  disabledReason?: Maybe<Scalars['String']['output']>;
  /** The event types it receives. */
  eventTypes: Array<DomainEventType>;
  /** Since when every attempt has failed; null after a success. */
  failingSince?: Maybe<Scalars['DateTime']['output']>;
  /** Globally unique, opaque identifier (the `Praxis-Webhook-Id` header). */
  id: Scalars['ID']['output'];
  /** The organization whose events it receives. */
  organization?: Maybe<Organization>;
  /** ACTIVE, PAUSED or DISABLED. */
  status: WebhookStatus;
  /** When it was last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** The URL deliveries are POSTed to. */
  url: Scalars['String']['output'];
};


/**
 * Where an organization's events are POSTed, signed with a secret. Its organization's
 * admins and the operator see it; no one else.
 */
export type WebhookEndpointDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<DeliveryStatus>;
};

export type WebhookEndpointConnection = {
  __typename?: 'WebhookEndpointConnection';
  /** A list of edges. */
  edges: Array<WebhookEndpointEdge>;
  /** A list of nodes. */
  nodes: Array<WebhookEndpoint>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items the whole list holds (all pages), counting only what the viewer may see. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type WebhookEndpointEdge = {
  __typename?: 'WebhookEndpointEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: WebhookEndpoint;
};

/** Result of `updateWebhookEndpoint`. */
export type WebhookEndpointPayload = {
  __typename?: 'WebhookEndpointPayload';
  /** The object after the change; null when `userErrors` says why it was not made. */
  endpoint?: Maybe<WebhookEndpoint>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** Input of `rotateWebhookSecret` and `deleteWebhookEndpoint`. */
export type WebhookEndpointRefInput = {
  /** Global id of the endpoint. */
  endpointId: Scalars['ID']['input'];
};

/** Result of `createWebhookEndpoint` and `rotateWebhookSecret`. */
export type WebhookSecretPayload = {
  __typename?: 'WebhookSecretPayload';
  /** The endpoint; null when `userErrors` says why the change was not made. */
  endpoint?: Maybe<WebhookEndpoint>;
  /** The signing secret: shown this once, never readable later. */
  secret?: Maybe<Scalars['String']['output']>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** Whether an endpoint receives deliveries. */
export type WebhookStatus =
  /** Deliveries are sent. */
  | 'ACTIVE'
  /**
   * Disabled by Praxis after failing for `--webhook-disable-after`: deliveries wait until
   * an admin sets it ACTIVE again.
   */
  | 'DISABLED'
  /** Paused by an admin: deliveries wait. */
  | 'PAUSED';

export type ConsoleViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleViewerQuery = { __typename?: 'QueryRoot', viewer: { __typename?: 'Viewer', isAdmin: boolean, isOperator: boolean, person?: { __typename?: 'Person', id: string, displayName?: string | null } | null, organization?: { __typename?: 'Organization', id: string, slug: string, name: string } | null } };

export type OidcLoginQueryVariables = Exact<{
  organization: Scalars['String']['input'];
}>;


export type OidcLoginQuery = { __typename?: 'QueryRoot', oidcLogin?: { __typename?: 'OidcLogin', issuer: string, clientId: string, authorizationEndpoint: string, tokenEndpoint: string, scopes: string, bearerToken: OidcBearerToken } | null };

export type PendingApprovalsQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type PendingApprovalsQuery = { __typename?: 'QueryRoot', viewer: { __typename?: 'Viewer', pendingApprovals: { __typename?: 'MembershipApprovalConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'MembershipApproval', id: string, kind: ApprovalKind, membership?: { __typename?: 'Membership', id: string, requestedAt: string, person?: { __typename?: 'Person', id: string, displayName?: string | null } | null, organization?: { __typename?: 'Organization', id: string, name: string, slug: string } | null, community?: { __typename?: 'Community', id: string, name: string, slug: string, host?: { __typename?: 'Organization', id: string, name: string } | null } | null } | null }> } } };

export type DecideApprovalsMutationVariables = Exact<{
  input: DecideApprovalsInput;
}>;


export type DecideApprovalsMutation = { __typename?: 'MutationRoot', decideApprovals: { __typename?: 'DecideApprovalsPayload', approvals?: Array<{ __typename?: 'MembershipApproval', id: string, status: ApprovalStatus }> | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field: Array<string> }> } };

export type AuditEventsQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  filter?: InputMaybe<AuditEventFilter>;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AuditEventsQuery = { __typename?: 'QueryRoot', organization: { __typename?: 'Organization', id: string, auditEvents: { __typename?: 'AuditEventConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'AuditEvent', id: string, action: AuditAction, occurredAt: string, actorName: string, targetId?: string | null, before?: unknown | null, after?: unknown | null, actor?: { __typename?: 'Person', id: string, displayName?: string | null } | null, actorOrganization?: { __typename?: 'Organization', id: string, name: string } | null, organization?: { __typename?: 'Organization', id: string, name: string } | null, otherOrganization?: { __typename?: 'Organization', id: string, name: string } | null, community?: { __typename?: 'Community', id: string, name: string } | null }> } } };

export type AuditCommunitiesQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditCommunitiesQuery = { __typename?: 'QueryRoot', communities: { __typename?: 'CommunityConnection', nodes: Array<{ __typename?: 'Community', id: string, name: string, host?: { __typename?: 'Organization', id: string, name: string } | null }> } };

export type PartnerBySlugQueryVariables = Exact<{
  slug: Scalars['String']['input'];
}>;


export type PartnerBySlugQuery = { __typename?: 'QueryRoot', organization: { __typename?: 'Organization', id: string, name: string } };

export type CommunitiesQueryVariables = Exact<{
  slug: Scalars['String']['input'];
}>;


export type CommunitiesQuery = { __typename?: 'QueryRoot', organization: { __typename?: 'Organization', id: string, hostedCommunities: { __typename?: 'CommunityConnection', totalCount: number, nodes: Array<{ __typename?: 'Community', id: string, name: string, slug: string, visibility: CommunityVisibility, joinRule: JoinRule, stage: LifecycleStage }> }, outgoing: { __typename?: 'ParticipationConnection', totalCount: number, nodes: Array<{ __typename?: 'Participation', id: string, tier: ParticipationTier, status: ParticipationStatus, invitedAt: string, expiresAt?: string | null, acceptedAt?: string | null, endedAt?: string | null, organization?: { __typename?: 'Organization', id: string, name: string, slug: string } | null, sponsor?: { __typename?: 'Person', id: string, displayName?: string | null } | null, community?: { __typename?: 'Community', id: string, name: string, slug: string, host?: { __typename?: 'Organization', id: string, name: string } | null } | null }> }, incoming: { __typename?: 'ParticipationConnection', totalCount: number, nodes: Array<{ __typename?: 'Participation', id: string, tier: ParticipationTier, status: ParticipationStatus, invitedAt: string, expiresAt?: string | null, acceptedAt?: string | null, endedAt?: string | null, organization?: { __typename?: 'Organization', id: string, name: string, slug: string } | null, sponsor?: { __typename?: 'Person', id: string, displayName?: string | null } | null, community?: { __typename?: 'Community', id: string, name: string, slug: string, host?: { __typename?: 'Organization', id: string, name: string } | null } | null }> }, partnerships: { __typename?: 'PartnershipConnection', nodes: Array<{ __typename?: 'Partnership', id: string, partner?: { __typename?: 'Organization', id: string, name: string, slug: string } | null }> }, people: { __typename?: 'PersonConnection', nodes: Array<{ __typename?: 'Person', id: string, displayName?: string | null, email?: string | null }> } } };

export type ParticipationFieldsFragment = { __typename?: 'Participation', id: string, tier: ParticipationTier, status: ParticipationStatus, invitedAt: string, expiresAt?: string | null, acceptedAt?: string | null, endedAt?: string | null, organization?: { __typename?: 'Organization', id: string, name: string, slug: string } | null, sponsor?: { __typename?: 'Person', id: string, displayName?: string | null } | null, community?: { __typename?: 'Community', id: string, name: string, slug: string, host?: { __typename?: 'Organization', id: string, name: string } | null } | null };

export type InviteOrganizationMutationVariables = Exact<{
  input: InviteOrganizationInput;
}>;


export type InviteOrganizationMutation = { __typename?: 'MutationRoot', inviteOrganization: { __typename?: 'ParticipationPayload', participation?: { __typename?: 'Participation', id: string, tier: ParticipationTier, status: ParticipationStatus, invitedAt: string, expiresAt?: string | null, acceptedAt?: string | null, endedAt?: string | null, organization?: { __typename?: 'Organization', id: string, name: string, slug: string } | null, sponsor?: { __typename?: 'Person', id: string, displayName?: string | null } | null, community?: { __typename?: 'Community', id: string, name: string, slug: string, host?: { __typename?: 'Organization', id: string, name: string } | null } | null } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field: Array<string> }> } };

export type AcceptInvitationMutationVariables = Exact<{
  input: AcceptInvitationInput;
}>;


export type AcceptInvitationMutation = { __typename?: 'MutationRoot', acceptInvitation: { __typename?: 'ParticipationPayload', participation?: { __typename?: 'Participation', id: string, tier: ParticipationTier, status: ParticipationStatus, invitedAt: string, expiresAt?: string | null, acceptedAt?: string | null, endedAt?: string | null, organization?: { __typename?: 'Organization', id: string, name: string, slug: string } | null, sponsor?: { __typename?: 'Person', id: string, displayName?: string | null } | null, community?: { __typename?: 'Community', id: string, name: string, slug: string, host?: { __typename?: 'Organization', id: string, name: string } | null } | null } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field: Array<string> }> } };

export type DeclineInvitationMutationVariables = Exact<{
  input: ParticipationRefInput;
}>;


export type DeclineInvitationMutation = { __typename?: 'MutationRoot', declineInvitation: { __typename?: 'ParticipationPayload', participation?: { __typename?: 'Participation', id: string, tier: ParticipationTier, status: ParticipationStatus, invitedAt: string, expiresAt?: string | null, acceptedAt?: string | null, endedAt?: string | null, organization?: { __typename?: 'Organization', id: string, name: string, slug: string } | null, sponsor?: { __typename?: 'Person', id: string, displayName?: string | null } | null, community?: { __typename?: 'Community', id: string, name: string, slug: string, host?: { __typename?: 'Organization', id: string, name: string } | null } | null } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field: Array<string> }> } };

export type RemoveOrganizationMutationVariables = Exact<{
  input: ParticipationRefInput;
}>;


export type RemoveOrganizationMutation = { __typename?: 'MutationRoot', removeOrganization: { __typename?: 'ParticipationPayload', participation?: { __typename?: 'Participation', id: string, tier: ParticipationTier, status: ParticipationStatus, invitedAt: string, expiresAt?: string | null, acceptedAt?: string | null, endedAt?: string | null, organization?: { __typename?: 'Organization', id: string, name: string, slug: string } | null, sponsor?: { __typename?: 'Person', id: string, displayName?: string | null } | null, community?: { __typename?: 'Community', id: string, name: string, slug: string, host?: { __typename?: 'Organization', id: string, name: string } | null } | null } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field: Array<string> }> } };

export type WithdrawOrganizationMutationVariables = Exact<{
  input: ParticipationRefInput;
}>;


export type WithdrawOrganizationMutation = { __typename?: 'MutationRoot', withdrawOrganization: { __typename?: 'ParticipationPayload', participation?: { __typename?: 'Participation', id: string, tier: ParticipationTier, status: ParticipationStatus, invitedAt: string, expiresAt?: string | null, acceptedAt?: string | null, endedAt?: string | null, organization?: { __typename?: 'Organization', id: string, name: string, slug: string } | null, sponsor?: { __typename?: 'Person', id: string, displayName?: string | null } | null, community?: { __typename?: 'Community', id: string, name: string, slug: string, host?: { __typename?: 'Organization', id: string, name: string } | null } | null } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field: Array<string> }> } };

export type OverviewQueryVariables = Exact<{
  slug: Scalars['String']['input'];
}>;


export type OverviewQuery = { __typename?: 'QueryRoot', viewer: { __typename?: 'Viewer', pendingApprovals: { __typename?: 'MembershipApprovalConnection', totalCount: number } }, organization: { __typename?: 'Organization', id: string, proposed: { __typename?: 'PartnershipConnection', totalCount: number, nodes: Array<{ __typename?: 'Partnership', id: string, createdAt: string, proposer?: { __typename?: 'Organization', id: string } | null, partner?: { __typename?: 'Organization', id: string, name: string } | null }> }, active: { __typename?: 'PartnershipConnection', totalCount: number }, suspended: { __typename?: 'PartnershipConnection', totalCount: number }, declined: { __typename?: 'PartnershipConnection', totalCount: number }, ended: { __typename?: 'PartnershipConnection', totalCount: number }, hostedCommunities: { __typename?: 'CommunityConnection', totalCount: number }, joined: { __typename?: 'ParticipationConnection', totalCount: number }, joinedSuspended: { __typename?: 'ParticipationConnection', totalCount: number }, partnersInvited: { __typename?: 'ParticipationConnection', totalCount: number }, waiting: { __typename?: 'ParticipationConnection', totalCount: number, nodes: Array<{ __typename?: 'Participation', id: string, tier: ParticipationTier, expiresAt?: string | null, community?: { __typename?: 'Community', id: string, name: string, host?: { __typename?: 'Organization', id: string, name: string } | null } | null }> }, auditEvents: { __typename?: 'AuditEventConnection', nodes: Array<{ __typename?: 'AuditEvent', id: string, action: AuditAction, occurredAt: string, actorName: string, actorOrganization?: { __typename?: 'Organization', id: string, name: string } | null, otherOrganization?: { __typename?: 'Organization', id: string, name: string } | null, organization?: { __typename?: 'Organization', id: string, name: string } | null, community?: { __typename?: 'Community', id: string, name: string } | null }> } } };

export type PartnershipsQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  status?: InputMaybe<PartnershipStatus>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type PartnershipsQuery = { __typename?: 'QueryRoot', organization: { __typename?: 'Organization', id: string, partnerPolicyDefaults: { __typename?: 'PartnerPolicyDefaults', inbound: PartnerPolicy, outbound: PartnerPolicy }, partnerships: { __typename?: 'PartnershipConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'Partnership', id: string, status: PartnershipStatus, message?: string | null, createdAt: string, updatedAt: string, acceptedAt?: string | null, endedAt?: string | null, inboundPolicy: PartnerPolicy, outboundPolicy: PartnerPolicy, inboundOverride?: PartnerPolicy | null, outboundOverride?: PartnerPolicy | null, proposer?: { __typename?: 'Organization', id: string, name: string } | null, partner?: { __typename?: 'Organization', id: string, name: string, slug: string } | null, suspendedBy?: { __typename?: 'Organization', id: string, name: string } | null }> } } };

export type PartnershipRowFragment = { __typename?: 'Partnership', id: string, status: PartnershipStatus, message?: string | null, createdAt: string, updatedAt: string, acceptedAt?: string | null, endedAt?: string | null, inboundPolicy: PartnerPolicy, outboundPolicy: PartnerPolicy, inboundOverride?: PartnerPolicy | null, outboundOverride?: PartnerPolicy | null, proposer?: { __typename?: 'Organization', id: string, name: string } | null, partner?: { __typename?: 'Organization', id: string, name: string, slug: string } | null, suspendedBy?: { __typename?: 'Organization', id: string, name: string } | null };

export type ProposePartnershipMutationVariables = Exact<{
  input: ProposePartnershipInput;
}>;


export type ProposePartnershipMutation = { __typename?: 'MutationRoot', proposePartnership: { __typename?: 'PartnershipPayload', partnership?: { __typename?: 'Partnership', id: string, status: PartnershipStatus, message?: string | null, createdAt: string, updatedAt: string, acceptedAt?: string | null, endedAt?: string | null, inboundPolicy: PartnerPolicy, outboundPolicy: PartnerPolicy, inboundOverride?: PartnerPolicy | null, outboundOverride?: PartnerPolicy | null, proposer?: { __typename?: 'Organization', id: string, name: string } | null, partner?: { __typename?: 'Organization', id: string, name: string, slug: string } | null, suspendedBy?: { __typename?: 'Organization', id: string, name: string } | null } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field: Array<string> }> } };

export type AcceptPartnershipMutationVariables = Exact<{
  input: PartnershipRefInput;
}>;


export type AcceptPartnershipMutation = { __typename?: 'MutationRoot', acceptPartnership: { __typename?: 'PartnershipPayload', partnership?: { __typename?: 'Partnership', id: string, status: PartnershipStatus, message?: string | null, createdAt: string, updatedAt: string, acceptedAt?: string | null, endedAt?: string | null, inboundPolicy: PartnerPolicy, outboundPolicy: PartnerPolicy, inboundOverride?: PartnerPolicy | null, outboundOverride?: PartnerPolicy | null, proposer?: { __typename?: 'Organization', id: string, name: string } | null, partner?: { __typename?: 'Organization', id: string, name: string, slug: string } | null, suspendedBy?: { __typename?: 'Organization', id: string, name: string } | null } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field: Array<string> }> } };

export type DeclinePartnershipMutationVariables = Exact<{
  input: PartnershipRefInput;
}>;


export type DeclinePartnershipMutation = { __typename?: 'MutationRoot', declinePartnership: { __typename?: 'PartnershipPayload', partnership?: { __typename?: 'Partnership', id: string, status: PartnershipStatus, message?: string | null, createdAt: string, updatedAt: string, acceptedAt?: string | null, endedAt?: string | null, inboundPolicy: PartnerPolicy, outboundPolicy: PartnerPolicy, inboundOverride?: PartnerPolicy | null, outboundOverride?: PartnerPolicy | null, proposer?: { __typename?: 'Organization', id: string, name: string } | null, partner?: { __typename?: 'Organization', id: string, name: string, slug: string } | null, suspendedBy?: { __typename?: 'Organization', id: string, name: string } | null } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field: Array<string> }> } };

export type SuspendPartnershipMutationVariables = Exact<{
  input: PartnershipRefInput;
}>;


export type SuspendPartnershipMutation = { __typename?: 'MutationRoot', suspendPartnership: { __typename?: 'PartnershipPayload', partnership?: { __typename?: 'Partnership', id: string, status: PartnershipStatus, message?: string | null, createdAt: string, updatedAt: string, acceptedAt?: string | null, endedAt?: string | null, inboundPolicy: PartnerPolicy, outboundPolicy: PartnerPolicy, inboundOverride?: PartnerPolicy | null, outboundOverride?: PartnerPolicy | null, proposer?: { __typename?: 'Organization', id: string, name: string } | null, partner?: { __typename?: 'Organization', id: string, name: string, slug: string } | null, suspendedBy?: { __typename?: 'Organization', id: string, name: string } | null } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field: Array<string> }> } };

export type ResumePartnershipMutationVariables = Exact<{
  input: PartnershipRefInput;
}>;


export type ResumePartnershipMutation = { __typename?: 'MutationRoot', resumePartnership: { __typename?: 'PartnershipPayload', partnership?: { __typename?: 'Partnership', id: string, status: PartnershipStatus, message?: string | null, createdAt: string, updatedAt: string, acceptedAt?: string | null, endedAt?: string | null, inboundPolicy: PartnerPolicy, outboundPolicy: PartnerPolicy, inboundOverride?: PartnerPolicy | null, outboundOverride?: PartnerPolicy | null, proposer?: { __typename?: 'Organization', id: string, name: string } | null, partner?: { __typename?: 'Organization', id: string, name: string, slug: string } | null, suspendedBy?: { __typename?: 'Organization', id: string, name: string } | null } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field: Array<string> }> } };

export type EndPartnershipMutationVariables = Exact<{
  input: PartnershipRefInput;
}>;


export type EndPartnershipMutation = { __typename?: 'MutationRoot', endPartnership: { __typename?: 'PartnershipPayload', partnership?: { __typename?: 'Partnership', id: string, status: PartnershipStatus, message?: string | null, createdAt: string, updatedAt: string, acceptedAt?: string | null, endedAt?: string | null, inboundPolicy: PartnerPolicy, outboundPolicy: PartnerPolicy, inboundOverride?: PartnerPolicy | null, outboundOverride?: PartnerPolicy | null, proposer?: { __typename?: 'Organization', id: string, name: string } | null, partner?: { __typename?: 'Organization', id: string, name: string, slug: string } | null, suspendedBy?: { __typename?: 'Organization', id: string, name: string } | null } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field: Array<string> }> } };

export type SetPartnerPolicyMutationVariables = Exact<{
  input: SetPartnerPolicyInput;
}>;


export type SetPartnerPolicyMutation = { __typename?: 'MutationRoot', setPartnerPolicy: { __typename?: 'PartnershipPayload', partnership?: { __typename?: 'Partnership', id: string, status: PartnershipStatus, message?: string | null, createdAt: string, updatedAt: string, acceptedAt?: string | null, endedAt?: string | null, inboundPolicy: PartnerPolicy, outboundPolicy: PartnerPolicy, inboundOverride?: PartnerPolicy | null, outboundOverride?: PartnerPolicy | null, proposer?: { __typename?: 'Organization', id: string, name: string } | null, partner?: { __typename?: 'Organization', id: string, name: string, slug: string } | null, suspendedBy?: { __typename?: 'Organization', id: string, name: string } | null } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field: Array<string> }> } };

export type SetPartnerPolicyDefaultsMutationVariables = Exact<{
  input: SetPartnerPolicyDefaultsInput;
}>;


export type SetPartnerPolicyDefaultsMutation = { __typename?: 'MutationRoot', setPartnerPolicyDefaults: { __typename?: 'PartnerPolicyDefaultsPayload', defaults?: { __typename?: 'PartnerPolicyDefaults', inbound: PartnerPolicy, outbound: PartnerPolicy } | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field: Array<string> }> } };

export type ExternalMembershipsQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  status?: InputMaybe<MembershipStatus>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ExternalMembershipsQuery = { __typename?: 'QueryRoot', organization: { __typename?: 'Organization', id: string, externalMemberships: { __typename?: 'MembershipConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'Membership', id: string, role: MemberRole, leadership?: Leadership | null, status: MembershipStatus, requestedAt: string, joinedAt?: string | null, person?: { __typename?: 'Person', id: string, displayName?: string | null, email?: string | null, businessUnit?: string | null } | null, community?: { __typename?: 'Community', id: string, name: string, slug: string, host?: { __typename?: 'Organization', id: string, name: string, slug: string } | null } | null }> } } };

export type OffboardPersonMutationVariables = Exact<{
  input: OffboardPersonInput;
}>;


export type OffboardPersonMutation = { __typename?: 'MutationRoot', offboardPerson: { __typename?: 'OffboardPersonPayload', memberships?: Array<{ __typename?: 'Membership', id: string, status: MembershipStatus, community?: { __typename?: 'Community', id: string, name: string } | null }> | null, userErrors: Array<{ __typename?: 'UserError', code: UserErrorCode, message: string, field: Array<string> }> } };

export type OrganizationValueQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  period: PeriodInput;
}>;


export type OrganizationValueQuery = { __typename?: 'QueryRoot', organization: { __typename?: 'Organization', id: string, name: string, valueReport: { __typename?: 'OrganizationValueReport', contributors: number, problemsPosted: number, problemsSolved: number, medianTimeToSolutionSeconds?: number | null, articlesPublished: number, applicationsReported: number, applicationsConfirmed: number, hoursSaved: number, eventsHeld: number, attendances: number, period: { __typename?: 'ReportPeriod', from: string, to: string }, moneySaved: Array<{ __typename?: 'Money', amount: string, currency: string }>, gave: { __typename?: 'Gave', ideasAccepted: number, articlesCoAuthored: number, eventsHosted: number, confirmationsGiven: number }, got: { __typename?: 'Got', problemsSolved: number, applicationsReported: number, hoursSaved: number, moneySaved: Array<{ __typename?: 'Money', amount: string, currency: string }> }, byCommunity: Array<{ __typename?: 'CommunityValue', community: { __typename?: 'Community', id: string, name: string, host?: { __typename?: 'Organization', id: string, name: string } | null, valueReport: { __typename?: 'ValueReport', problemsSolved: number } }, figures: { __typename?: 'ValueFigures', problemsSolved: number } }> }, hostedCommunities: { __typename?: 'CommunityConnection', nodes: Array<{ __typename?: 'Community', id: string, name: string, valueReport: { __typename?: 'ValueReport', activeMembers: Array<{ __typename?: 'MemberCount', role: MemberRole, count: number, organization?: { __typename?: 'Organization', id: string, name: string } | null }> } }> } } };

export type ValueMonthQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  period: PeriodInput;
}>;


export type ValueMonthQuery = { __typename?: 'QueryRoot', organization: { __typename?: 'Organization', id: string, valueReport: { __typename?: 'OrganizationValueReport', applicationsReported: number, hoursSaved: number, moneySaved: Array<{ __typename?: 'Money', amount: string, currency: string }> } } };

export const ParticipationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ParticipationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Participation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"invitedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sponsor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ParticipationFieldsFragment, unknown>;
export const PartnershipRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnershipRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Partnership"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"proposer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"suspendedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inboundPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"outboundPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"inboundOverride"}},{"kind":"Field","name":{"kind":"Name","value":"outboundOverride"}}]}}]} as unknown as DocumentNode<PartnershipRowFragment, unknown>;
export const ConsoleViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isAdmin"}},{"kind":"Field","name":{"kind":"Name","value":"isOperator"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleViewerQuery, ConsoleViewerQueryVariables>;
export const OidcLoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OidcLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organization"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"oidcLogin"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organization"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organization"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issuer"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"authorizationEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"tokenEndpoint"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"bearerToken"}}]}}]}}]} as unknown as DocumentNode<OidcLoginQuery, OidcLoginQueryVariables>;
export const PendingApprovalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PendingApprovals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pendingApprovals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"membership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PendingApprovalsQuery, PendingApprovalsQueryVariables>;
export const DecideApprovalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DecideApprovals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecideApprovalsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decideApprovals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approvals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<DecideApprovalsMutation, DecideApprovalsMutationVariables>;
export const AuditEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEventFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actorOrganization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"otherOrganization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetId"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditEventsQuery, AuditEventsQueryVariables>;
export const AuditCommunitiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditCommunities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"communities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditCommunitiesQuery, AuditCommunitiesQueryVariables>;
export const PartnerBySlugDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerBySlug"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PartnerBySlugQuery, PartnerBySlugQueryVariables>;
export const CommunitiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Communities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hostedCommunities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"joinRule"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"outgoing"},"name":{"kind":"Name","value":"invitations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"OUTGOING"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipationFields"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"incoming"},"name":{"kind":"Name","value":"invitations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"INCOMING"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipationFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnerships"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ACTIVE"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"people"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ParticipationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Participation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"invitedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sponsor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CommunitiesQuery, CommunitiesQueryVariables>;
export const InviteOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InviteOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteOrganizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipationFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ParticipationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Participation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"invitedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sponsor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<InviteOrganizationMutation, InviteOrganizationMutationVariables>;
export const AcceptInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcceptInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipationFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ParticipationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Participation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"invitedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sponsor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const DeclineInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeclineInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ParticipationRefInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declineInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipationFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ParticipationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Participation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"invitedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sponsor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<DeclineInvitationMutation, DeclineInvitationMutationVariables>;
export const RemoveOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ParticipationRefInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipationFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ParticipationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Participation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"invitedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sponsor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<RemoveOrganizationMutation, RemoveOrganizationMutationVariables>;
export const WithdrawOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ParticipationRefInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ParticipationFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ParticipationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Participation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"invitedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sponsor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<WithdrawOrganizationMutation, WithdrawOrganizationMutationVariables>;
export const OverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Overview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pendingApprovals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","alias":{"kind":"Name","value":"proposed"},"name":{"kind":"Name","value":"partnerships"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"PROPOSED"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"proposer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"active"},"name":{"kind":"Name","value":"partnerships"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ACTIVE"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"suspended"},"name":{"kind":"Name","value":"partnerships"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"SUSPENDED"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"declined"},"name":{"kind":"Name","value":"partnerships"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"DECLINED"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"ended"},"name":{"kind":"Name","value":"partnerships"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ENDED"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hostedCommunities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"joined"},"name":{"kind":"Name","value":"invitations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"INCOMING"}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ACTIVE"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"joinedSuspended"},"name":{"kind":"Name","value":"invitations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"INCOMING"}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"SUSPENDED"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"partnersInvited"},"name":{"kind":"Name","value":"invitations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"OUTGOING"}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"INVITED"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"waiting"},"name":{"kind":"Name","value":"invitations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"INCOMING"}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"INVITED"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"8"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"actorOrganization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"otherOrganization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OverviewQuery, OverviewQueryVariables>;
export const PartnershipsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Partnerships"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PartnershipStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"partnerPolicyDefaults"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inbound"}},{"kind":"Field","name":{"kind":"Name","value":"outbound"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnerships"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnershipRow"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnershipRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Partnership"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"proposer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"suspendedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inboundPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"outboundPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"inboundOverride"}},{"kind":"Field","name":{"kind":"Name","value":"outboundOverride"}}]}}]} as unknown as DocumentNode<PartnershipsQuery, PartnershipsQueryVariables>;
export const ProposePartnershipDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProposePartnership"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProposePartnershipInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposePartnership"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnershipRow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnershipRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Partnership"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"proposer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"suspendedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inboundPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"outboundPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"inboundOverride"}},{"kind":"Field","name":{"kind":"Name","value":"outboundOverride"}}]}}]} as unknown as DocumentNode<ProposePartnershipMutation, ProposePartnershipMutationVariables>;
export const AcceptPartnershipDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptPartnership"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PartnershipRefInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptPartnership"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnershipRow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnershipRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Partnership"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"proposer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"suspendedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inboundPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"outboundPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"inboundOverride"}},{"kind":"Field","name":{"kind":"Name","value":"outboundOverride"}}]}}]} as unknown as DocumentNode<AcceptPartnershipMutation, AcceptPartnershipMutationVariables>;
export const DeclinePartnershipDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeclinePartnership"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PartnershipRefInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declinePartnership"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnershipRow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnershipRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Partnership"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"proposer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"suspendedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inboundPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"outboundPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"inboundOverride"}},{"kind":"Field","name":{"kind":"Name","value":"outboundOverride"}}]}}]} as unknown as DocumentNode<DeclinePartnershipMutation, DeclinePartnershipMutationVariables>;
export const SuspendPartnershipDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SuspendPartnership"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PartnershipRefInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suspendPartnership"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnershipRow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnershipRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Partnership"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"proposer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"suspendedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inboundPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"outboundPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"inboundOverride"}},{"kind":"Field","name":{"kind":"Name","value":"outboundOverride"}}]}}]} as unknown as DocumentNode<SuspendPartnershipMutation, SuspendPartnershipMutationVariables>;
export const ResumePartnershipDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResumePartnership"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PartnershipRefInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resumePartnership"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnershipRow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnershipRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Partnership"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"proposer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"suspendedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inboundPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"outboundPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"inboundOverride"}},{"kind":"Field","name":{"kind":"Name","value":"outboundOverride"}}]}}]} as unknown as DocumentNode<ResumePartnershipMutation, ResumePartnershipMutationVariables>;
export const EndPartnershipDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EndPartnership"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PartnershipRefInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endPartnership"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnershipRow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnershipRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Partnership"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"proposer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"suspendedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inboundPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"outboundPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"inboundOverride"}},{"kind":"Field","name":{"kind":"Name","value":"outboundOverride"}}]}}]} as unknown as DocumentNode<EndPartnershipMutation, EndPartnershipMutationVariables>;
export const SetPartnerPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetPartnerPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetPartnerPolicyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setPartnerPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnershipRow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnershipRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Partnership"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"proposer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"suspendedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inboundPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"outboundPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"inboundOverride"}},{"kind":"Field","name":{"kind":"Name","value":"outboundOverride"}}]}}]} as unknown as DocumentNode<SetPartnerPolicyMutation, SetPartnerPolicyMutationVariables>;
export const SetPartnerPolicyDefaultsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetPartnerPolicyDefaults"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetPartnerPolicyDefaultsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setPartnerPolicyDefaults"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"defaults"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inbound"}},{"kind":"Field","name":{"kind":"Name","value":"outbound"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<SetPartnerPolicyDefaultsMutation, SetPartnerPolicyDefaultsMutationVariables>;
export const ExternalMembershipsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExternalMemberships"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MembershipStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalMemberships"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"leadership"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"businessUnit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExternalMembershipsQuery, ExternalMembershipsQueryVariables>;
export const OffboardPersonDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OffboardPerson"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OffboardPersonInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offboardPerson"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<OffboardPersonMutation, OffboardPersonMutationVariables>;
export const OrganizationValueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizationValue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PeriodInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"valueReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contributors"}},{"kind":"Field","name":{"kind":"Name","value":"problemsPosted"}},{"kind":"Field","name":{"kind":"Name","value":"problemsSolved"}},{"kind":"Field","name":{"kind":"Name","value":"medianTimeToSolutionSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"articlesPublished"}},{"kind":"Field","name":{"kind":"Name","value":"applicationsReported"}},{"kind":"Field","name":{"kind":"Name","value":"applicationsConfirmed"}},{"kind":"Field","name":{"kind":"Name","value":"hoursSaved"}},{"kind":"Field","name":{"kind":"Name","value":"moneySaved"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"eventsHeld"}},{"kind":"Field","name":{"kind":"Name","value":"attendances"}},{"kind":"Field","name":{"kind":"Name","value":"gave"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ideasAccepted"}},{"kind":"Field","name":{"kind":"Name","value":"articlesCoAuthored"}},{"kind":"Field","name":{"kind":"Name","value":"eventsHosted"}},{"kind":"Field","name":{"kind":"Name","value":"confirmationsGiven"}}]}},{"kind":"Field","name":{"kind":"Name","value":"got"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problemsSolved"}},{"kind":"Field","name":{"kind":"Name","value":"applicationsReported"}},{"kind":"Field","name":{"kind":"Name","value":"hoursSaved"}},{"kind":"Field","name":{"kind":"Name","value":"moneySaved"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"byCommunity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"host"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"valueReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problemsSolved"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problemsSolved"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"hostedCommunities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"valueReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activeMembers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationValueQuery, OrganizationValueQueryVariables>;
export const ValueMonthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ValueMonth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PeriodInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"valueReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationsReported"}},{"kind":"Field","name":{"kind":"Name","value":"hoursSaved"}},{"kind":"Field","name":{"kind":"Name","value":"moneySaved"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ValueMonthQuery, ValueMonthQueryVariables>;