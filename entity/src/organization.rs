//! A tenant: a partner organization with its own identity provider.

use crate::enums::PartnerPolicy;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organization")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub slug: String,
    pub name: String,
    /// Name of the token claim that marks an organization admin (a string or a list of strings).
    pub admin_claim: String,
    /// Value that claim must hold (or contain) for the bearer to be an admin.
    pub admin_claim_value: String,
    pub disabled_at: Option<DateTimeUtc>,
    /// Policy for partners' people joining our communities, unless a partnership overrides it.
    pub default_inbound_policy: PartnerPolicy,
    /// Policy for our people joining partners' communities, unless a partnership overrides it.
    pub default_outbound_policy: PartnerPolicy,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::identity_issuer::Entity")]
    IdentityIssuer,
    #[sea_orm(has_many = "super::person::Entity")]
    Person,
}

impl Related<super::identity_issuer::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::IdentityIssuer.def()
    }
}

impl Related<super::person::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Person.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
