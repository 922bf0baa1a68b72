//! THE visibility policy: what a viewer may see and do. Every service asks here; nothing else
//! decides. Lists get a sea-orm `Condition`, single rows a check. A row outside the viewer's
//! reach is NOT_FOUND, never FORBIDDEN, so that its existence is not confirmed.
//!
//! The rules today (tenancy only; federation widens the first two):
//! - an organization is visible to its own people and to the platform operator;
//! - a person is visible to the people of their organization and to the operator;
//! - an organization's identity settings are for its admins and the operator;
//! - creating, disabling and enabling organizations is for the operator.

use crate::{
    auth::{AuthFailure, OperatorViewer, PersonViewer, Viewer},
    error::{ServiceError, ServiceResult},
};
use entity::{organization, person};
use sea_orm::{ColumnTrait, Condition};
use uuid::Uuid;

/// Refuses an anonymous viewer: every query of Praxis needs a signed-in viewer.
pub fn require_signed_in(viewer: &Viewer) -> ServiceResult<()> {
    match viewer {
        Viewer::Anonymous => Err(ServiceError::Unauthenticated(AuthFailure::TokenMissing)),
        Viewer::Person(_) | Viewer::Operator(_) => Ok(()),
    }
}

/// The viewer as a person of an organization.
pub fn require_person(viewer: &Viewer) -> ServiceResult<&PersonViewer> {
    match viewer {
        Viewer::Anonymous => Err(ServiceError::Unauthenticated(AuthFailure::TokenMissing)),
        Viewer::Operator(_) => Err(ServiceError::Forbidden(
            "this operation is for people of an organization",
        )),
        Viewer::Person(person) => Ok(person),
    }
}

/// The viewer as the platform operator.
pub fn require_operator(viewer: &Viewer) -> ServiceResult<&OperatorViewer> {
    match viewer {
        Viewer::Anonymous => Err(ServiceError::Unauthenticated(AuthFailure::TokenMissing)),
        Viewer::Person(_) => Err(ServiceError::Forbidden(
            "only the platform operator may do this",
        )),
        Viewer::Operator(operator) => Ok(operator),
    }
}

/// Organizations the viewer may see.
pub fn visible_organizations(viewer: &Viewer) -> Condition {
    match viewer {
        Viewer::Anonymous => Condition::all().add(organization::Column::Id.is_null()),
        Viewer::Operator(_) => Condition::all(),
        Viewer::Person(person) => {
            Condition::all().add(organization::Column::Id.eq(person.organization_id))
        }
    }
}

/// Whether the viewer may see one organization.
pub fn may_see_organization(viewer: &Viewer, organization_id: Uuid) -> bool {
    match viewer {
        Viewer::Anonymous => false,
        Viewer::Operator(_) => true,
        Viewer::Person(person) => person.organization_id == organization_id,
    }
}

/// People the viewer may see.
pub fn visible_people(viewer: &Viewer) -> Condition {
    match viewer {
        Viewer::Anonymous => Condition::all().add(person::Column::Id.is_null()),
        Viewer::Operator(_) => Condition::all(),
        Viewer::Person(me) => {
            Condition::all().add(person::Column::OrganizationId.eq(me.organization_id))
        }
    }
}

/// Whether the viewer may administer an organization: read and change its identity settings.
/// NOT_FOUND when the organization is invisible, FORBIDDEN when visible but not theirs to run.
pub fn require_organization_admin(viewer: &Viewer, organization_id: Uuid) -> ServiceResult<()> {
    require_signed_in(viewer)?;
    if !may_see_organization(viewer, organization_id) {
        return Err(ServiceError::NotFound);
    }
    match viewer {
        Viewer::Operator(_) => Ok(()),
        Viewer::Person(person) if person.is_admin => Ok(()),
        Viewer::Person(_) | Viewer::Anonymous => Err(ServiceError::Forbidden(
            "only an admin of this organization may do this",
        )),
    }
}

/// Whether the viewer is an admin of the given organization (no error, for `viewerIsAdmin`).
pub fn is_organization_admin(viewer: &Viewer, organization_id: Uuid) -> bool {
    matches!(viewer, Viewer::Person(p) if p.is_admin && p.organization_id == organization_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(org: Uuid, is_admin: bool) -> Viewer {
        Viewer::Person(PersonViewer {
            person_id: Uuid::now_v7(),
            organization_id: org,
            is_admin,
        })
    }

    #[test]
    fn admin_rights_stop_at_the_organization_boundary() {
        let (acme, globex) = (Uuid::now_v7(), Uuid::now_v7());
        assert!(require_organization_admin(&person(acme, true), acme).is_ok());
        assert!(matches!(
            require_organization_admin(&person(acme, false), acme),
            Err(ServiceError::Forbidden(_))
        ));
        assert!(matches!(
            require_organization_admin(&person(acme, true), globex),
            Err(ServiceError::NotFound)
        ));
        assert!(matches!(
            require_organization_admin(&Viewer::Anonymous, acme),
            Err(ServiceError::Unauthenticated(AuthFailure::TokenMissing))
        ));
        let operator = Viewer::Operator(OperatorViewer {
            subject: "ops".into(),
        });
        assert!(require_organization_admin(&operator, globex).is_ok());
    }
}
