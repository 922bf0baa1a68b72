//! Webhook endpoints, their deliveries and attempts belong to their organization's admins and
//! the operator; anyone else does not see them at all (docs/REALTIME.md, "Webhooks").

use super::nothing;
use crate::auth::Viewer;
use entity::{webhook_delivery, webhook_endpoint};
use sea_orm::{ColumnTrait, Condition};

/// Endpoints the viewer may see: for O's admins, O's; everything for the operator.
pub fn visible_webhook_endpoints(viewer: &Viewer) -> Condition {
    match viewer {
        Viewer::Operator(_) => Condition::all(),
        Viewer::Person(me) if me.is_admin => {
            Condition::all().add(webhook_endpoint::Column::OrganizationId.eq(me.organization_id))
        }
        Viewer::Person(_) | Viewer::Anonymous => nothing(webhook_endpoint::Column::Id),
    }
}

/// Deliveries the viewer may see: those of the endpoints they see.
pub fn visible_webhook_deliveries(viewer: &Viewer) -> Condition {
    match viewer {
        Viewer::Operator(_) => Condition::all(),
        Viewer::Person(me) if me.is_admin => {
            Condition::all().add(webhook_delivery::Column::OrganizationId.eq(me.organization_id))
        }
        Viewer::Person(_) | Viewer::Anonymous => nothing(webhook_delivery::Column::Id),
    }
}
