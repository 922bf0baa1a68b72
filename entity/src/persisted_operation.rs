//! A registered (persisted) operation of an organization: a GraphQL document its people may
//! run by naming the SHA-256 of its text.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "persisted_operation")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    /// Lowercase hex SHA-256 of `document` (its bytes as registered); unique per organization.
    pub sha256: String,
    /// A label for people; by default the document's operation name.
    pub name: Option<String>,
    pub document: String,
    pub created_by_person_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
