//! An organization's cost budgets per rate-limit window, set by the platform operator. `None`
//! keeps the server's default for that budget.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organization_rate_limit")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub organization_id: Uuid,
    /// Points all people of the organization may spend per window.
    pub organization_points: Option<i64>,
    /// Points each person of the organization may spend per window.
    pub person_points: Option<i64>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
