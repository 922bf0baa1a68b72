//! Ideas on problems and replies to them (threaded one level), their edit history and
//! endorsements. The rules are in `docs/KNOWLEDGE.md`; visibility in `access::knowledge`.

mod reading;
mod writing;

pub use reading::*;
pub use writing::*;

use crate::{
    access,
    auth::Viewer,
    error::{ServiceError, ServiceResult},
};
use entity::idea;
use sea_orm::{ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

/// An idea the viewer may see, or NOT_FOUND.
pub(crate) async fn visible_idea(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    id: Uuid,
) -> ServiceResult<idea::Model> {
    access::require_signed_in(viewer)?;
    idea::Entity::find_by_id(id)
        .filter(access::visible_ideas(viewer))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)
}
