//! Business units and division leaders: the type and the admins' mutations.

use super::{
    context,
    error::payload,
    node::{expect_global_id, NodeKind},
    person::Person,
};
use crate::service;
use async_graphql::{Context, InputObject, Object, ID};
use chrono::{DateTime, Utc};
use entity::division_leader;

/// A division leader grant.
pub struct DivisionLeader(pub division_leader::Model);

/// A person who leads a business unit of their organization and reads its value report.
#[Object]
impl DivisionLeader {
    /// The leader.
    async fn person(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Person>> {
        Person::load(ctx, self.0.person_id).await
    }

    /// The unit, as the admin who granted it wrote it.
    async fn business_unit(&self) -> &str {
        &self.0.business_unit
    }

    /// When the role was granted.
    async fn granted_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

/// Input of `setPersonBusinessUnit`.
#[derive(InputObject)]
pub struct SetPersonBusinessUnitInput {
    /// Global id of a person of an organization the viewer administers.
    pub person_id: ID,
    /// The unit (one line, at most 200 characters, trimmed); null or blank clears it.
    pub business_unit: Option<String>,
}

/// Input of `grantDivisionLeader` and `revokeDivisionLeader`.
#[derive(InputObject)]
pub struct DivisionLeaderInput {
    /// Global id of a person of an organization the viewer administers.
    pub person_id: ID,
    /// The unit, compared trimmed and case-insensitively.
    pub business_unit: String,
}

payload!(
    /// Result of a change to a person.
    PersonPayload { person: Person }
);

payload!(
    /// Result of a change to a division leader grant.
    DivisionLeaderPayload { division_leader: DivisionLeader }
);

#[derive(Default)]
pub struct BusinessUnitMutation;

#[Object]
impl BusinessUnitMutation {
    /// Sets a person's business unit. Admins of the person's organization.
    async fn set_person_business_unit(
        &self,
        ctx: &Context<'_>,
        input: SetPersonBusinessUnitInput,
    ) -> async_graphql::Result<PersonPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.person_id, NodeKind::Person)?;
        let result = service::business_unit::set_person_business_unit(
            db,
            viewer,
            id,
            input.business_unit.as_deref(),
        )
        .await;
        PersonPayload::from_result(result, Person)
    }

    /// Makes a person a division leader of a unit of their organization; granting again
    /// returns the existing grant. Admins of that organization.
    async fn grant_division_leader(
        &self,
        ctx: &Context<'_>,
        input: DivisionLeaderInput,
    ) -> async_graphql::Result<DivisionLeaderPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.person_id, NodeKind::Person)?;
        let result =
            service::business_unit::grant_division_leader(db, viewer, id, &input.business_unit)
                .await;
        DivisionLeaderPayload::from_result(result, DivisionLeader)
    }

    /// Ends a person's division leadership of a unit and returns the removed grant; NOT_FOUND
    /// when there is none. Admins of the person's organization.
    async fn revoke_division_leader(
        &self,
        ctx: &Context<'_>,
        input: DivisionLeaderInput,
    ) -> async_graphql::Result<DivisionLeaderPayload> {
        let (db, viewer) = context::request(ctx)?;
        let id = expect_global_id(&input.person_id, NodeKind::Person)?;
        let result =
            service::business_unit::revoke_division_leader(db, viewer, id, &input.business_unit)
                .await;
        DivisionLeaderPayload::from_result(result, DivisionLeader)
    }
}
