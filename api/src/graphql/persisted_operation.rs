//! Registered (persisted) operations: the type, `Organization.persistedOperations` and
//! `persistedOperationsOnly`, and the mutations of an organization's admins and the operator.
//! A document is checked against the schema (parse, validation, depth and complexity limits)
//! before it is stored, by a copy of the schema that never executes anything.

use super::{
    context,
    error::{payload, GqlResult},
    node::{expect_global_id, NodeKind},
    organization::Organization,
    PraxisSchema,
};
use crate::service::{self, persisted_operation::NewPersistedOperation};
use async_graphql::{
    extensions::{Extension, ExtensionContext, ExtensionFactory, NextExecute},
    parser::types::DocumentOperations,
    Context, InputObject, Object, Request, Response, ID,
};
use chrono::{DateTime, Utc};
use entity::persisted_operation;
use std::sync::Arc;

/// A registered row, as the API shows it.
pub struct PersistedOperation(pub persisted_operation::Model);

/// A GraphQL document an organization registered: its people run it by naming its hash
/// (`extensions.persistedQuery.sha256Hash`, or `documentId`), and when the organization accepts
/// only registered operations, nothing else.
#[Object]
impl PersistedOperation {
    /// Lowercase hex SHA-256 of the document's exact text: what clients send as
    /// `extensions.persistedQuery.sha256Hash`.
    async fn sha256_hash(&self) -> &str {
        &self.0.sha256
    }

    /// The same hash as a `documentId` (`sha256:<hash>`).
    async fn document_id(&self) -> String {
        format!("sha256:{}", self.0.sha256)
    }

    /// A label: the one given when registering, else the document's operation name.
    async fn name(&self) -> Option<&str> {
        self.0.name.as_deref()
    }

    /// The document, exactly as registered.
    async fn document(&self) -> &str {
        &self.0.document
    }

    /// When it was registered.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

/// Input of `registerPersistedOperation`.
#[derive(InputObject)]
pub struct RegisterPersistedOperationInput {
    /// Global id of the organization whose people may run it.
    pub organization_id: ID,
    /// The GraphQL document, exactly as clients will hash it (at most 100,000 characters).
    pub document: String,
    /// A label (at most 200 characters). Default: the document's operation name.
    pub name: Option<String>,
}

/// Input of `removePersistedOperation`.
#[derive(InputObject)]
pub struct RemovePersistedOperationInput {
    /// Global id of the organization that registered it.
    pub organization_id: ID,
    /// Its `sha256Hash`.
    pub sha256_hash: String,
}

/// Input of `setPersistedOperationsOnly`.
#[derive(InputObject)]
pub struct SetPersistedOperationsOnlyInput {
    /// Global id of the organization.
    pub organization_id: ID,
    /// Whether its people (not its admins) may send only its registered operations.
    pub enabled: bool,
}

payload!(
    /// Result of `registerPersistedOperation`.
    RegisterPersistedOperationPayload {
        persisted_operation: PersistedOperation
    }
);

payload!(
    /// Result of `removePersistedOperation`.
    RemovePersistedOperationPayload {
        persisted_operation: PersistedOperation
    }
);

payload!(
    /// Result of `setPersistedOperationsOnly`.
    SetPersistedOperationsOnlyPayload {
        organization: Organization
    }
);

#[derive(Default)]
pub struct PersistedOperationMutation;

#[Object]
impl PersistedOperationMutation {
    /// Registers a GraphQL document for an organization's people, after checking that it
    /// parses and validates against the schema; returns it with its `sha256Hash`.
    /// Registering a document again returns the existing registration. The organization's
    /// admins and the operator; audited.
    async fn register_persisted_operation(
        &self,
        ctx: &Context<'_>,
        input: RegisterPersistedOperationInput,
    ) -> async_graphql::Result<RegisterPersistedOperationPayload> {
        let (db, viewer) = context::request(ctx)?;
        let organization_id = expect_global_id(&input.organization_id, NodeKind::Organization)?;
        crate::access::require_persisted_operations_admin(viewer, organization_id).gql()?;
        let checked = match service::persisted_operation::check_document(&input.document) {
            Ok(()) => {
                ctx.data::<DocumentValidator>()?
                    .check(&input.document)
                    .await
            }
            Err(err) => Err(err),
        };
        let registered = match checked {
            Ok(operation_name) => {
                let new = NewPersistedOperation {
                    organization_id,
                    document: input.document,
                    name: input.name,
                    operation_name,
                };
                service::persisted_operation::register(db, viewer, new).await
            }
            Err(err) => Err(err),
        };
        RegisterPersistedOperationPayload::from_result(registered, PersistedOperation)
    }

    /// Removes a registered operation: requests naming its hash are no longer accepted from
    /// an organization that accepts only registered operations. The organization's admins
    /// and the operator (NOT_FOUND for anyone of another organization); audited.
    async fn remove_persisted_operation(
        &self,
        ctx: &Context<'_>,
        input: RemovePersistedOperationInput,
    ) -> async_graphql::Result<RemovePersistedOperationPayload> {
        let (db, viewer) = context::request(ctx)?;
        let organization_id = expect_global_id(&input.organization_id, NodeKind::Organization)?;
        let removed =
            service::persisted_operation::remove(db, viewer, organization_id, &input.sha256_hash)
                .await;
        RemovePersistedOperationPayload::from_result(removed, PersistedOperation)
    }

    /// Switches persisted-operations-only on or off: when on, the organization's people
    /// (not its admins, not the operator) may send only its registered operations, by hash;
    /// anything else is refused with PERSISTED_QUERY_REQUIRED. The organization's admins and
    /// the operator; audited.
    async fn set_persisted_operations_only(
        &self,
        ctx: &Context<'_>,
        input: SetPersistedOperationsOnlyInput,
    ) -> async_graphql::Result<SetPersistedOperationsOnlyPayload> {
        let (db, viewer) = context::request(ctx)?;
        let organization_id = expect_global_id(&input.organization_id, NodeKind::Organization)?;
        let changed = service::persisted_operation::set_persisted_only(
            db,
            viewer,
            organization_id,
            input.enabled,
        )
        .await;
        SetPersistedOperationsOnlyPayload::from_result(changed, Organization)
    }
}

/// Stops every operation after validation: the [`DocumentValidator`]'s schema runs nothing.
struct ValidateOnly;

impl ExtensionFactory for ValidateOnly {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(ValidateOnly)
    }
}

#[async_graphql::async_trait::async_trait]
impl Extension for ValidateOnly {
    async fn execute(
        &self,
        _ctx: &ExtensionContext<'_>,
        _operation_name: Option<&str>,
        _next: NextExecute<'_>,
    ) -> Response {
        Response::new(async_graphql::Value::Null)
    }
}

/// Checks documents against the schema as a request would be checked (parse, validation,
/// depth and complexity limits), without running them.
#[derive(Clone)]
pub struct DocumentValidator(PraxisSchema);

impl DocumentValidator {
    /// A validator with the server's limits.
    pub fn new(limits: &super::SchemaLimits) -> Self {
        let mut builder = async_graphql::Schema::build(
            super::QueryRoot::default(),
            super::MutationRoot::default(),
            super::realtime::SubscriptionRoot,
        )
        .extension(ValidateOnly)
        .limit_depth(limits.max_depth)
        .limit_complexity(limits.max_complexity);
        if !limits.introspection {
            builder = builder.disable_introspection();
        }
        Self(builder.finish())
    }

    /// The document's operation name when it has exactly one named operation, or why it
    /// does not parse or validate (a `document` input error).
    pub async fn check(
        &self,
        document: &str,
    ) -> Result<Option<String>, crate::error::ServiceError> {
        let invalid = |message: String| crate::error::ServiceError::invalid("document", message);
        let parsed = async_graphql::parser::parse_query(document)
            .map_err(|err| invalid(format!("does not parse: {err}")))?;
        let names: Vec<Option<String>> = match &parsed.operations {
            DocumentOperations::Single(_) => vec![None],
            DocumentOperations::Multiple(operations) => operations
                .keys()
                .map(|name| Some(name.to_string()))
                .collect(),
        };
        for name in &names {
            let mut request = Request::new(document);
            if let Some(name) = name {
                request = request.operation_name(name.clone());
            }
            let response = self.0.execute(request).await;
            // The cost of a connection depends on its `first`/`last` variables, which only
            // the requests running the document will have: the complexity pass reports them
            // as missing here, and the limit is checked when the document runs.
            let messages: Vec<String> = response
                .errors
                .into_iter()
                .map(|e| e.message)
                .filter(|m| !(m.starts_with("Variable ") && m.ends_with(" is not defined.")))
                .collect();
            if !messages.is_empty() {
                return Err(invalid(format!(
                    "does not validate: {}",
                    messages.join("; ")
                )));
            }
        }
        Ok(match names.as_slice() {
            [Some(name)] => Some(name.clone()),
            _ => None,
        })
    }
}

/// `Organization.persistedOperations`.
pub async fn operations_of(
    ctx: &Context<'_>,
    organization_id: uuid::Uuid,
    args: super::connection::PageArgs,
) -> async_graphql::Result<super::connection::PraxisConnection<PersistedOperation>> {
    let (_, viewer) = context::request(ctx)?;
    let listing = service::persisted_operation::operations_of(viewer, organization_id);
    super::connection::listing_connection(ctx, listing, args, |o| o.id, PersistedOperation).await
}

/// `Organization.persistedOperationsOnly`.
pub async fn persisted_only(
    ctx: &Context<'_>,
    organization_id: uuid::Uuid,
) -> async_graphql::Result<Option<bool>> {
    let (db, viewer) = context::request(ctx)?;
    service::persisted_operation::persisted_only_for(db, viewer, organization_id)
        .await
        .gql()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn validates_without_running() {
        let validator = DocumentValidator::new(&super::super::SchemaLimits::default());
        // Variables need no values to validate; a named operation gives its name.
        let name = validator
            .check("query People($n: Int!) { organization(slug: \"acme\") { people(first: $n) { totalCount } } }")
            .await
            .unwrap();
        assert_eq!(name.as_deref(), Some("People"));
        assert_eq!(
            validator.check("{ viewer { isAdmin } }").await.unwrap(),
            None
        );
        // Subscriptions and mutations validate too, and nothing runs (no database here).
        validator
            .check("subscription { notifications { __typename } }")
            .await
            .unwrap_or_else(|err| panic!("{err}"));
        validator
            .check("mutation { __typename }")
            .await
            .unwrap_or_else(|err| panic!("{err}"));
        for bad in [
            "{ viewer {",
            "{ nope }",
            "query A { viewer { isAdmin } } query B { nope }",
        ] {
            assert!(validator.check(bad).await.is_err(), "{bad}");
        }
    }
}
