//! A token issuer an organization trusts. The `iss` claim of a token picks its row, and so
//! the organization the bearer belongs to.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "identity_issuer")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    #[sea_orm(unique)]
    pub issuer: String,
    /// Where the issuer publishes its public keys, fetched and cached by the server.
    pub jwks_url: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::organization::Entity",
        from = "Column::OrganizationId",
        to = "super::organization::Column::Id",
        on_delete = "Cascade"
    )]
    Organization,
    #[sea_orm(has_many = "super::identity_key::Entity")]
    IdentityKey,
}

impl Related<super::organization::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Organization.def()
    }
}

impl Related<super::identity_key::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::IdentityKey.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
