//! Registered (persisted) operations belong to their organization: its admins and the
//! operator manage them, its people run them; to anyone outside it they do not exist.

use super::nothing;
use crate::{
    auth::{AuthFailure, Viewer},
    error::{ServiceError, ServiceResult},
};
use entity::persisted_operation;
use sea_orm::{ColumnTrait, Condition};
use uuid::Uuid;

/// Registrations the viewer may list and remove: O's for O's admins, all for the operator.
pub fn visible_persisted_operations(viewer: &Viewer) -> Condition {
    match viewer {
        Viewer::Operator(_) => Condition::all(),
        Viewer::Person(me) if me.is_admin => {
            Condition::all().add(persisted_operation::Column::OrganizationId.eq(me.organization_id))
        }
        Viewer::Person(_) | Viewer::Anonymous => nothing(persisted_operation::Column::Id),
    }
}

/// May the viewer manage the persisted operations (and the persisted-only switch) of this
/// organization: its admins and the operator. Its other people get FORBIDDEN; anyone of
/// another organization NOT_FOUND, so that not even the existence of the list is confirmed.
pub fn require_persisted_operations_admin(
    viewer: &Viewer,
    organization_id: Uuid,
) -> ServiceResult<()> {
    match viewer {
        Viewer::Anonymous => Err(ServiceError::Unauthenticated(AuthFailure::TokenMissing)),
        Viewer::Operator(_) => Ok(()),
        Viewer::Person(me) if me.organization_id != organization_id => Err(ServiceError::NotFound),
        Viewer::Person(me) if me.is_admin => Ok(()),
        Viewer::Person(_) => Err(ServiceError::Forbidden(
            "only an admin of this organization may do this",
        )),
    }
}

/// Whether the viewer's requests must name a registered operation when its organization has
/// switched persisted-operations-only on: people who are not admins. Admins (who register
/// the operations and use the admin console) and the operator are exempt.
pub fn bound_by_persisted_only(viewer: &Viewer) -> Option<Uuid> {
    match viewer {
        Viewer::Person(me) if !me.is_admin => Some(me.organization_id),
        Viewer::Person(_) | Viewer::Operator(_) | Viewer::Anonymous => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::{OperatorViewer, PersonViewer};

    fn person(organization_id: Uuid, is_admin: bool) -> Viewer {
        Viewer::Person(PersonViewer {
            person_id: Uuid::now_v7(),
            organization_id,
            is_admin,
        })
    }

    #[test]
    fn only_the_organizations_admins_and_the_operator_manage() {
        let org = Uuid::now_v7();
        let other = Uuid::now_v7();
        assert!(require_persisted_operations_admin(&person(org, true), org).is_ok());
        let operator = Viewer::Operator(OperatorViewer {
            subject: "ops".into(),
        });
        assert!(require_persisted_operations_admin(&operator, org).is_ok());
        assert!(matches!(
            require_persisted_operations_admin(&person(org, false), org),
            Err(ServiceError::Forbidden(_))
        ));
        assert!(matches!(
            require_persisted_operations_admin(&person(other, true), org),
            Err(ServiceError::NotFound)
        ));
        assert!(matches!(
            require_persisted_operations_admin(&Viewer::Anonymous, org),
            Err(ServiceError::Unauthenticated(_))
        ));
    }

    #[test]
    fn admins_and_the_operator_are_not_bound() {
        let org = Uuid::now_v7();
        assert_eq!(bound_by_persisted_only(&person(org, false)), Some(org));
        assert_eq!(bound_by_persisted_only(&person(org, true)), None);
        assert_eq!(bound_by_persisted_only(&Viewer::Anonymous), None);
    }
}
