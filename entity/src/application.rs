//! A member's report of applying an article or a problem's solution in their work.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "application")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub community_id: Uuid,
    /// What was applied: an article, or a solved problem's solution (exactly one is set).
    pub article_id: Option<Uuid>,
    pub problem_id: Option<Uuid>,
    pub person_id: Uuid,
    pub organization_id: Uuid,
    pub business_unit: String,
    pub what_was_done: String,
    pub outcome: String,
    /// Hours saved, in hundredths of an hour.
    pub hours_saved_centis: Option<i64>,
    /// Money saved, in hundredths of `cost_currency`.
    pub cost_saved_minor: Option<i64>,
    /// ISO 4217 code of `cost_saved_minor`.
    pub cost_currency: Option<String>,
    pub quality_note: Option<String>,
    pub risk_note: Option<String>,
    pub applied_on: Date,
    pub confirmation_count: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
