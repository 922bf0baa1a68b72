//! A verification key of an issuer. The key pins the algorithm a token must use; several
//! keys live side by side during a rotation, and a retired key verifies nothing.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "identity_key")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub issuer_id: Uuid,
    /// The `kid` header value tokens signed with this key carry, when the issuer sets one.
    pub kid: Option<String>,
    /// JWS algorithm name: HS256, HS384, HS512, RS256, RS384, RS512, PS256, PS384, PS512,
    /// ES256, ES384 or EdDSA.
    pub algorithm: String,
    /// The HS* shared secret, or the public key in PEM form.
    pub material: String,
    pub created_at: DateTimeUtc,
    pub retired_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::identity_issuer::Entity",
        from = "Column::IssuerId",
        to = "super::identity_issuer::Column::Id",
        on_delete = "Cascade"
    )]
    IdentityIssuer,
}

impl Related<super::identity_issuer::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::IdentityIssuer.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
