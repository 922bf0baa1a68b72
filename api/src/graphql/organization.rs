//! Organizations (tenants): the type, `organization(slug:)`, `organizations`, and the
//! operator's mutations.

use super::{
    connection::{connection, page_request, wants_total_count, PraxisConnection},
    context::{self, ServiceSettings},
    error::{user_errors, GqlResult, UserError},
    identity::IdentitySettings,
    node::{expect_global_id, global_id, NodeKind},
    person::Person,
};
use crate::{
    access,
    service::{self, organization::NewOrganization, page::PageRequest},
};
use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use entity::organization;

/// An organization row, as the API shows it.
pub struct Organization(pub organization::Model);

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
        let (db, viewer) = context::request(ctx)?;
        let request = page_request(first, after, last, before)?;
        let page = service::person::list_in_organization(db, viewer, self.0.id, &request)
            .await
            .gql()?;
        let total = if wants_total_count(ctx) {
            service::person::count_in_organization(db, viewer, self.0.id)
                .await
                .gql()?
        } else {
            0
        };
        Ok(connection(page, total, |p| p.id, Person))
    }

    /// Identity provider settings: issuers, keys (never their material) and the admin claim.
    /// For the organization's admins and the platform operator; FORBIDDEN for others.
    async fn identity(&self, ctx: &Context<'_>) -> async_graphql::Result<IdentitySettings> {
        let (db, viewer) = context::request(ctx)?;
        let issuers = service::identity::list_issuers(db, viewer, self.0.id)
            .await
            .gql()?;
        Ok(IdentitySettings {
            admin_claim: self.0.admin_claim.clone(),
            admin_claim_value: self.0.admin_claim_value.clone(),
            issuers,
        })
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
        let (db, viewer) = context::request(ctx)?;
        let request = page_request(first, after, last, before)?;
        let page = service::organization::list_visible(db, viewer, &request)
            .await
            .gql()?;
        let total = if wants_total_count(ctx) {
            service::organization::count_visible(db, viewer)
                .await
                .gql()?
        } else {
            0
        };
        Ok(connection(page, total, |o| o.id, Organization))
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
