//! Organizations (tenants): the type, `organization(slug:)`, `organizations`, and the
//! operator's mutations.

use super::{
    audit::{AuditEvent, AuditEventFilter},
    business_unit::DivisionLeader,
    community::Community,
    connection::{listing_connection, PageArgs, PraxisConnection},
    context::{self, ServiceSettings},
    enums::{InvitationDirection, MembershipStatus, ParticipationStatus, PartnershipStatus},
    error::{user_errors, GqlResult, UserError},
    identity::IdentitySettings,
    membership::Membership,
    node::{expect_global_id, global_id, NodeKind},
    participation::Participation,
    partnership::{PartnerPolicyDefaults, Partnership},
    persisted_operation::PersistedOperation,
    person::Person,
    report::PeriodInput,
    report_leadership::OrganizationLeadership,
    report_value::{OrganizationValueReport, ValueReport},
    webhook::WebhookEndpoint,
};
use crate::{
    access,
    service::{
        self,
        audit::AuditFilter,
        community::CommunityFilter,
        membership::{MembershipFilter, MembershipScope},
        organization::NewOrganization,
        page::PageRequest,
        participation::ParticipationScope,
    },
};
use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use entity::organization;

/// An organization row, as the API shows it.
pub struct Organization(pub organization::Model);

impl Organization {
    /// An organization by id through the request's loader; null when the viewer may not see
    /// it.
    pub async fn load(ctx: &Context<'_>, id: uuid::Uuid) -> async_graphql::Result<Option<Self>> {
        let loaders = ctx.data::<super::loaders::Loaders>()?;
        Ok(loaders.organization(id).await.gql()?.map(Self))
    }
}

/// A partner organization: a tenant of Praxis with its own identity provider.
#[Object]
impl Organization {
    /// Globally unique, opaque identifier.
    pub async fn id(&self) -> ID {
        global_id(NodeKind::Organization, self.0.id)
    }

    /// Short unique name used in URLs and commands.
    async fn slug(&self) -> &str {
        &self.0.slug
    }

    /// Display name.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// When the organization was disabled; its tokens are refused while it is.
    async fn disabled_at(&self) -> Option<DateTime<Utc>> {
        self.0.disabled_at
    }

    /// When the organization was created.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// Whether the viewer is an admin of this organization.
    async fn viewer_is_admin(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let (_, viewer) = context::request(ctx)?;
        Ok(access::is_organization_admin(viewer, self.0.id))
    }

    /// The organization's people the viewer may see, in the order they first signed in.
    #[graphql(complexity = "PageRequest::size_hint(first, last) * child_complexity")]
    async fn people(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Returns items before this cursor.")] before: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<Person>> {
        let (_, viewer) = context::request(ctx)?;
        let listing = service::person::in_organization(viewer, self.0.id);
        listing_connection(
            ctx,
            listing,
            PageArgs {
                first,
                after,
                last,
                before,
            },
            |p| p.id,
            Person,
        )
        .await
    }

    /// The organization's default policies for partners. Its admins only (FORBIDDEN for
    /// others).
    async fn partner_policy_defaults(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<PartnerPolicyDefaults> {
        let (db, viewer) = context::request(ctx)?;
        access::require_organization_admin(db, viewer, self.0.id)
            .await
            .gql()?;
        Ok(PartnerPolicyDefaults::from(&self.0))
    }

    /// The organization's partnerships, oldest first. Its admins only.
    #[graphql(complexity = "PageRequest::size_hint(first, last) * child_complexity")]
    async fn partnerships(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only partnerships in this status.")] status: Option<PartnershipStatus>,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Returns items before this cursor.")] before: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<Partnership>> {
        let (db, viewer) = context::request(ctx)?;
        let status = status.map(Into::into);
        let listing = service::partnership::for_organization(db, viewer, self.0.id, status).await;
        listing_connection(
            ctx,
            listing,
            PageArgs {
                first,
                after,
                last,
                before,
            },
            |p| p.id,
            Partnership,
        )
        .await
    }

    /// Invitations to communities: received by the organization (INCOMING) or sent for the
    /// communities it hosts (OUTGOING), oldest first. Its admins only.
    #[graphql(complexity = "PageRequest::size_hint(first, last) * child_complexity")]
    #[allow(clippy::too_many_arguments)]
    async fn invitations(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Received or sent.")] direction: InvitationDirection,
        #[graphql(desc = "Only invitations in this status.")] status: Option<ParticipationStatus>,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Returns items before this cursor.")] before: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<Participation>> {
        let (db, viewer) = context::request(ctx)?;
        let scope = match direction {
            InvitationDirection::Incoming => ParticipationScope::Incoming(self.0.id),
            InvitationDirection::Outgoing => ParticipationScope::Outgoing(self.0.id),
        };
        let status = status.map(Into::into);
        let listing = service::participation::listing(db, viewer, scope, status).await;
        listing_connection(
            ctx,
            listing,
            PageArgs {
                first,
                after,
                last,
                before,
            },
            |p| p.id,
            Participation,
        )
        .await
    }

    /// The organization's people's memberships of communities hosted elsewhere, oldest first.
    /// Its admins only.
    #[graphql(complexity = "PageRequest::size_hint(first, last) * child_complexity")]
    #[allow(clippy::too_many_arguments)]
    async fn external_memberships(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only this person's.")] person_id: Option<ID>,
        #[graphql(desc = "Only memberships in this status.")] status: Option<MembershipStatus>,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Returns items before this cursor.")] before: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<Membership>> {
        let (db, viewer) = context::request(ctx)?;
        let filter = MembershipFilter {
            person_id: person_id
                .map(|id| expect_global_id(&id, NodeKind::Person))
                .transpose()?,
            status: status.map(Into::into),
            ..MembershipFilter::default()
        };
        let scope = MembershipScope::External(self.0.id);
        let listing = service::membership::listing(db, viewer, scope, &filter).await;
        listing_connection(
            ctx,
            listing,
            PageArgs {
                first,
                after,
                last,
                before,
            },
            |m| m.id,
            Membership,
        )
        .await
    }

    /// Audit events that concern the organization, newest first. Its admins only.
    #[graphql(complexity = "PageRequest::size_hint(first, last) * child_complexity")]
    async fn audit_events(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Narrows the list.")] filter: Option<AuditEventFilter>,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Returns items before this cursor.")] before: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<AuditEvent>> {
        let (db, viewer) = context::request(ctx)?;
        let filter = filter.unwrap_or_default();
        let filter = AuditFilter {
            actions: filter
                .actions
                .map(|actions| actions.into_iter().map(Into::into).collect()),
            community_id: filter
                .community_id
                .map(|id| expect_global_id(&id, NodeKind::Community))
                .transpose()?,
            partner_id: filter
                .partner_id
                .map(|id| expect_global_id(&id, NodeKind::Organization))
                .transpose()?,
            since: filter.since,
            until: filter.until,
        };
        let listing = service::audit::for_organization(db, viewer, self.0.id, &filter).await;
        listing_connection(
            ctx,
            listing,
            PageArgs {
                first,
                after,
                last,
                before,
            },
            |e| e.id,
            AuditEvent,
        )
        .await
    }

    /// Communities this organization hosts that the viewer may see, oldest first.
    #[graphql(complexity = "PageRequest::size_hint(first, last) * child_complexity")]
    async fn hosted_communities(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Returns items before this cursor.")] before: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<Community>> {
        let (_, viewer) = context::request(ctx)?;
        let filter = CommunityFilter {
            host_id: Some(self.0.id),
            ..CommunityFilter::default()
        };
        let listing = service::community::visible(viewer, &filter);
        listing_connection(
            ctx,
            listing,
            PageArgs {
                first,
                after,
                last,
                before,
            },
            |c| c.id,
            Community,
        )
        .await
    }

    /// Its webhook endpoints, oldest first. Its admins and the operator; FORBIDDEN for others.
    #[graphql(complexity = "PageRequest::size_hint(first, last) * child_complexity")]
    async fn webhook_endpoints(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Returns items before this cursor.")] before: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<WebhookEndpoint>> {
        let (db, viewer) = context::request(ctx)?;
        let listing = service::webhook::endpoints_of(db, viewer, self.0.id).await;
        let args = PageArgs {
            first,
            after,
            last,
            before,
        };
        listing_connection(ctx, listing, args, |e| e.id, WebhookEndpoint).await
    }

    /// Operations registered for its people, oldest first. Its admins and the operator
    /// (FORBIDDEN for its other people; NOT_FOUND for anyone of another organization).
    #[graphql(complexity = "PageRequest::size_hint(first, last) * child_complexity")]
    async fn persisted_operations(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Returns items before this cursor.")] before: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<PersistedOperation>> {
        let args = PageArgs {
            first,
            after,
            last,
            before,
        };
        super::persisted_operation::operations_of(ctx, self.0.id, args).await
    }

    /// Whether its people (not its admins, not the operator) may send only its registered
    /// operations. For its people and the operator; null for anyone else.
    async fn persisted_operations_only(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<bool>> {
        super::persisted_operation::persisted_only(ctx, self.0.id).await
    }

    /// Identity provider settings: issuers, keys (never their material) and the admin claim.
    /// For the organization's admins and the platform operator; FORBIDDEN for others.
    async fn identity(&self, ctx: &Context<'_>) -> async_graphql::Result<IdentitySettings> {
        let (db, viewer) = context::request(ctx)?;
        let issuers = service::identity::list_issuers(db, viewer, self.0.id)
            .await
            .gql()?;
        Ok(IdentitySettings {
            organization_id: self.0.id,
            admin_claim: self.0.admin_claim.clone(),
            admin_claim_value: self.0.admin_claim_value.clone(),
            issuers,
        })
    }

    /// Division leaders of its business units. Admins see all; a person only their own.
    async fn division_leaders(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<DivisionLeader>> {
        let (db, viewer) = context::request(ctx)?;
        let leaders = service::business_unit::division_leaders(db, viewer, self.0.id).await;
        Ok(leaders.gql()?.into_iter().map(DivisionLeader).collect())
    }

    /// Where its people lead, across the communities live for it. Admins and the operator.
    async fn leadership(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            default = 5,
            desc = "Members from which the organization should have a leader."
        )]
        threshold: i32,
    ) -> async_graphql::Result<OrganizationLeadership> {
        let (db, viewer) = context::request(ctx)?;
        let leadership = service::report::leadership::organization_leadership;
        let report = leadership(db, viewer, self.0.id, threshold).await;
        report.map(OrganizationLeadership).gql()
    }

    /// What its people added up to across the communities live for it, with what it gave
    /// and got. Admins and the operator.
    async fn value_report(
        &self,
        ctx: &Context<'_>,
        period: PeriodInput,
    ) -> async_graphql::Result<OrganizationValueReport> {
        let (db, viewer) = context::request(ctx)?;
        let period = period.period().gql()?;
        let value = service::report::value::organization_value;
        let report = value(db, viewer, self.0.id, period).await;
        report.map(OrganizationValueReport::from).gql()
    }

    /// What one business unit added up to. Admins, the unit's division leaders, the operator.
    async fn business_unit_report(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The unit, compared trimmed and case-insensitively.")]
        business_unit: String,
        period: PeriodInput,
    ) -> async_graphql::Result<ValueReport> {
        let (db, viewer) = context::request(ctx)?;
        let period = period.period().gql()?;
        let value = service::report::value::business_unit_value;
        let report = value(db, viewer, self.0.id, &business_unit, period).await;
        report.map(ValueReport::from).gql()
    }
}

#[derive(Default)]
pub struct OrganizationQuery;

#[Object]
impl OrganizationQuery {
    /// An organization by slug. NOT_FOUND when it does not exist or the viewer may not see it.
    async fn organization(
        &self,
        ctx: &Context<'_>,
        slug: String,
    ) -> async_graphql::Result<Organization> {
        let (db, viewer) = context::request(ctx)?;
        service::organization::find_by_slug(db, viewer, &slug)
            .await
            .map(Organization)
            .gql()
    }

    /// Organizations the viewer may see (all of them, for the platform operator), oldest first.
    #[graphql(complexity = "PageRequest::size_hint(first, last) * child_complexity")]
    async fn organizations(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Returns items before this cursor.")] before: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<Organization>> {
        let (_, viewer) = context::request(ctx)?;
        let listing = service::organization::visible(viewer);
        listing_connection(
            ctx,
            listing,
            PageArgs {
                first,
                after,
                last,
                before,
            },
            |o| o.id,
            Organization,
        )
        .await
    }
}

/// Input of `createOrganization`.
#[derive(InputObject)]
pub struct CreateOrganizationInput {
    /// Short unique name: 2-40 lowercase letters, digits or single hyphens.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// The `iss` of the organization's tokens. Default: `urn:praxis:org:SLUG`.
    pub issuer: Option<String>,
    /// JWKS URL of that issuer (https).
    pub jwks_url: Option<String>,
    /// Claim that marks admins. Default: `roles`.
    pub admin_claim: Option<String>,
    /// Value the admin claim must hold or contain. Default: `admin`.
    pub admin_claim_value: Option<String>,
    /// Also create an HS256 development key, returned once in the payload.
    #[graphql(default = false)]
    pub create_development_key: bool,
}

/// A generated HS256 development key, shown only in the payload that created it.
#[derive(SimpleObject)]
pub struct DevelopmentKey {
    /// The `kid` tokens signed with it must carry.
    pub kid: Option<String>,
    /// The issuer tokens signed with it must name.
    pub issuer: String,
    /// The shared secret. Store it now: it is never shown again.
    pub secret: String,
}

/// Result of `createOrganization`.
#[derive(SimpleObject)]
pub struct CreateOrganizationPayload {
    /// The new organization, unless `userErrors` says why not.
    pub organization: Option<Organization>,
    /// The development key, when one was asked for.
    pub development_key: Option<DevelopmentKey>,
    /// Why the organization was not created.
    pub user_errors: Vec<UserError>,
}

/// Input naming one organization.
#[derive(InputObject)]
pub struct OrganizationRefInput {
    /// Global id of the organization.
    pub organization_id: ID,
}

/// Result of a mutation on one organization.
#[derive(SimpleObject)]
pub struct OrganizationPayload {
    /// The organization after the change.
    pub organization: Option<Organization>,
    /// Why the change was not made.
    pub user_errors: Vec<UserError>,
}

#[derive(Default)]
pub struct OrganizationMutation;

#[Object]
impl OrganizationMutation {
    /// Creates an organization with an issuer. Platform operator only.
    async fn create_organization(
        &self,
        ctx: &Context<'_>,
        input: CreateOrganizationInput,
    ) -> async_graphql::Result<CreateOrganizationPayload> {
        let (db, viewer) = context::request(ctx)?;
        let settings = ctx.data::<ServiceSettings>()?;
        let new = NewOrganization {
            slug: input.slug,
            name: input.name,
            issuer: input.issuer,
            jwks_url: input.jwks_url,
            dev_key: input.create_development_key,
            admin_claim: input.admin_claim,
            admin_claim_value: input.admin_claim_value,
        };
        let created = service::organization::create_organization(
            db,
            viewer,
            new,
            settings.allow_loopback_jwks,
        )
        .await;
        Ok(match user_errors(created)? {
            Ok(created) => CreateOrganizationPayload {
                development_key: created.dev_key.and_then(|added| {
                    added.generated_secret.map(|secret| DevelopmentKey {
                        kid: added.key.kid,
                        issuer: created.issuer.issuer.clone(),
                        secret,
                    })
                }),
                organization: Some(Organization(created.organization)),
                user_errors: vec![],
            },
            Err(errors) => CreateOrganizationPayload {
                organization: None,
                development_key: None,
                user_errors: errors,
            },
        })
    }

    /// Disables an organization: its people's tokens are refused until it is enabled.
    /// Platform operator only.
    async fn disable_organization(
        &self,
        ctx: &Context<'_>,
        input: OrganizationRefInput,
    ) -> async_graphql::Result<OrganizationPayload> {
        set_disabled(ctx, input, true).await
    }

    /// Enables a disabled organization. Platform operator only.
    async fn enable_organization(
        &self,
        ctx: &Context<'_>,
        input: OrganizationRefInput,
    ) -> async_graphql::Result<OrganizationPayload> {
        set_disabled(ctx, input, false).await
    }
}

async fn set_disabled(
    ctx: &Context<'_>,
    input: OrganizationRefInput,
    disabled: bool,
) -> async_graphql::Result<OrganizationPayload> {
    let (db, viewer) = context::request(ctx)?;
    access::require_operator(viewer).gql()?;
    let id = expect_global_id(&input.organization_id, NodeKind::Organization)?;
    let changed = service::organization::set_disabled(db, viewer, id, disabled).await;
    Ok(match user_errors(changed)? {
        Ok(org) => OrganizationPayload {
            organization: Some(Organization(org)),
            user_errors: vec![],
        },
        Err(errors) => OrganizationPayload {
            organization: None,
            user_errors: errors,
        },
    })
}
