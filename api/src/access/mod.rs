//! THE visibility policy: what a viewer may see and do. Every service asks here; nothing else
//! decides. Lists get a sea-orm `Condition`, single rows a check. A row outside the viewer's
//! reach is NOT_FOUND, never FORBIDDEN, so that its existence is not confirmed.
//!
//! The rules are written out in `docs/FEDERATION.md` ("Who sees what"); each function below
//! names the rule it implements. In short, for a person V of organization O:
//! - live communities: hosted by O, or FEDERATED with an ACTIVE participation of O;
//! - communities: the live ones and, for O's admins, every FEDERATED one O has a
//!   participation in;
//! - coordinated communities: V's ACTIVE COORDINATOR memberships, and for admins O's hosted;
//! - participations, memberships, people and organizations: see each function;
//! - partnerships and audit events: O's admins, for those concerning O;
//! - identity settings: O's admins; organizations' lifecycle: the platform operator.
//!
//! Participation and membership statuses are kept in step with partnerships and disabled
//! organizations by `service::participation::sync_links` in the same transaction, so the
//! conditions here read stored statuses only.

mod culture;
mod knowledge;
mod persisted;
mod realtime;
mod webhook;

pub use culture::*;
pub use knowledge::*;
pub use persisted::*;
pub use realtime::*;
pub use webhook::*;

use crate::{
    auth::{AuthFailure, OperatorViewer, PersonViewer, Viewer},
    error::{ServiceError, ServiceResult},
};
use entity::{
    audit_event, community,
    enums::{
        ApprovalKind, ApprovalStatus, CommunityVisibility, MemberRole, MembershipStatus,
        ParticipationStatus, PartnershipStatus,
    },
    membership, membership_approval, organization, participation, partnership, person,
};
use sea_orm::{
    sea_query::{Query, SelectStatement},
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
};
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

/// Matches no row: for anonymous viewers and views a viewer has no part of.
fn nothing<C: ColumnTrait>(id: C) -> Condition {
    Condition::all().add(id.is_null())
}

/// Ids of the communities where `organization_id` has a participation with one of `statuses`
/// (any status when empty).
fn participating_communities(
    organization_id: Uuid,
    statuses: &[ParticipationStatus],
) -> SelectStatement {
    let mut select = Query::select()
        .column(participation::Column::CommunityId)
        .from(participation::Entity)
        .and_where(participation::Column::OrganizationId.eq(organization_id))
        .to_owned();
    if !statuses.is_empty() {
        select.and_where(participation::Column::Status.is_in(statuses.iter().copied()));
    }
    select
}

/// Live communities of V: hosted by O, or FEDERATED with an ACTIVE participation of O.
fn live_communities(me: &PersonViewer) -> Condition {
    communities_live_for(me.organization_id)
}

/// Communities live for an organization's people: hosted by it, or FEDERATED with an ACTIVE
/// participation of it.
fn communities_live_for(organization_id: Uuid) -> Condition {
    Condition::any()
        .add(community::Column::HostOrganizationId.eq(organization_id))
        .add(
            Condition::all()
                .add(community::Column::Visibility.eq(CommunityVisibility::Federated))
                .add(community::Column::Id.in_subquery(participating_communities(
                    organization_id,
                    &[ParticipationStatus::Active],
                ))),
        )
}

fn community_ids(condition: Condition) -> SelectStatement {
    Query::select()
        .column(community::Column::Id)
        .from(community::Entity)
        .cond_where(condition)
        .to_owned()
}

/// Communities V sees: the live ones, and for O's admins every FEDERATED one O has a
/// participation in, whatever its status.
fn person_communities(me: &PersonViewer) -> Condition {
    let mut condition = Condition::any().add(live_communities(me));
    if me.is_admin {
        condition = condition.add(
            Condition::all()
                .add(community::Column::Visibility.eq(CommunityVisibility::Federated))
                .add(
                    community::Column::Id
                        .in_subquery(participating_communities(me.organization_id, &[])),
                ),
        );
    }
    condition
}

/// Communities the viewer may see.
pub fn visible_communities(viewer: &Viewer) -> Condition {
    match viewer {
        Viewer::Anonymous => nothing(community::Column::Id),
        Viewer::Operator(_) => Condition::all(),
        Viewer::Person(me) => person_communities(me),
    }
}

/// Ids of the communities where V is an ACTIVE member (with `role`, when given).
fn member_of(me: &PersonViewer, role: Option<MemberRole>) -> SelectStatement {
    let mut select = Query::select()
        .column(membership::Column::CommunityId)
        .from(membership::Entity)
        .and_where(membership::Column::PersonId.eq(me.person_id))
        .and_where(membership::Column::Status.eq(MembershipStatus::Active))
        .to_owned();
    if let Some(role) = role {
        select.and_where(membership::Column::Role.eq(role));
    }
    select
}

/// `column` (a community id) names a community V coordinates: V is an ACTIVE COORDINATOR
/// there, or an admin of its host.
fn coordinated_by<C: ColumnTrait>(me: &PersonViewer, column: C) -> Condition {
    let mut condition =
        Condition::any().add(column.in_subquery(member_of(me, Some(MemberRole::Coordinator))));
    if me.is_admin {
        condition = condition.add(column.in_subquery(community_ids(
            Condition::all().add(community::Column::HostOrganizationId.eq(me.organization_id)),
        )));
    }
    condition
}

/// Participations the viewer may see: of a live community, the ACTIVE ones, all of them if V
/// coordinates it, and O's own; for O's admins, all of O's own in communities they see.
pub fn visible_participations(viewer: &Viewer) -> Condition {
    let me = match viewer {
        Viewer::Anonymous => return nothing(participation::Column::Id),
        Viewer::Operator(_) => return Condition::all(),
        Viewer::Person(me) => me,
    };
    let mut condition = Condition::any().add(
        Condition::all()
            .add(
                participation::Column::CommunityId.in_subquery(community_ids(live_communities(me))),
            )
            .add(
                Condition::any()
                    .add(participation::Column::Status.eq(ParticipationStatus::Active))
                    .add(participation::Column::OrganizationId.eq(me.organization_id))
                    .add(coordinated_by(me, participation::Column::CommunityId)),
            ),
    );
    if me.is_admin {
        condition = condition.add(
            Condition::all()
                .add(participation::Column::OrganizationId.eq(me.organization_id))
                .add(
                    participation::Column::CommunityId
                        .in_subquery(community_ids(person_communities(me))),
                ),
        );
    }
    condition
}

/// Memberships the viewer may see: V's own (of a visible community); for O's admins all of
/// O's people's; all of a community V coordinates; the ACTIVE ones of a community where V is
/// an ACTIVE member; the ACTIVE ones of O's people in a live community.
pub fn visible_memberships(viewer: &Viewer) -> Condition {
    let me = match viewer {
        Viewer::Anonymous => return nothing(membership::Column::Id),
        Viewer::Operator(_) => return Condition::all(),
        Viewer::Person(me) => me,
    };
    let mut condition = Condition::any()
        .add(
            Condition::all()
                .add(membership::Column::PersonId.eq(me.person_id))
                .add(
                    membership::Column::CommunityId
                        .in_subquery(community_ids(person_communities(me))),
                ),
        )
        .add(coordinated_by(me, membership::Column::CommunityId))
        .add(
            Condition::all()
                .add(membership::Column::Status.eq(MembershipStatus::Active))
                .add(membership::Column::CommunityId.in_subquery(member_of(me, None))),
        )
        .add(
            Condition::all()
                .add(membership::Column::Status.eq(MembershipStatus::Active))
                .add(membership::Column::OrganizationId.eq(me.organization_id))
                .add(
                    membership::Column::CommunityId
                        .in_subquery(community_ids(live_communities(me))),
                ),
        );
    if me.is_admin {
        condition = condition.add(membership::Column::OrganizationId.eq(me.organization_id));
    }
    condition
}

/// Approvals the viewer may see: those of a visible membership.
pub fn visible_approvals(viewer: &Viewer) -> Condition {
    Condition::all().add(
        membership_approval::Column::MembershipId.in_subquery(
            Query::select()
                .column(membership::Column::Id)
                .from(membership::Entity)
                .cond_where(visible_memberships(viewer))
                .to_owned(),
        ),
    )
}

/// Pending approvals the viewer may decide: COORDINATOR ones in a community V coordinates,
/// HOST_ADMIN ones when V is an admin of the host, MEMBER_ORGANIZATION_ADMIN ones when V is
/// an admin of the member's organization; only while the membership is PENDING.
pub fn decidable_approvals(viewer: &Viewer) -> Condition {
    let Viewer::Person(me) = viewer else {
        return nothing(membership_approval::Column::Id);
    };
    let pending_memberships = |condition: Condition| {
        membership_approval::Column::MembershipId.in_subquery(
            Query::select()
                .column(membership::Column::Id)
                .from(membership::Entity)
                .and_where(membership::Column::Status.eq(MembershipStatus::Pending))
                .cond_where(condition)
                .to_owned(),
        )
    };
    let mut kinds = Condition::any().add(
        Condition::all()
            .add(membership_approval::Column::Kind.eq(ApprovalKind::Coordinator))
            .add(pending_memberships(coordinated_by(
                me,
                membership::Column::CommunityId,
            ))),
    );
    if me.is_admin {
        kinds = kinds
            .add(
                Condition::all()
                    .add(membership_approval::Column::Kind.eq(ApprovalKind::HostAdmin))
                    .add(pending_memberships(Condition::all().add(
                        membership::Column::CommunityId.in_subquery(
                            community_ids(
                                Condition::all().add(
                                    community::Column::HostOrganizationId.eq(me.organization_id),
                                ),
                            ),
                        ),
                    ))),
            )
            .add(
                Condition::all()
                    .add(
                        membership_approval::Column::Kind.eq(ApprovalKind::MemberOrganizationAdmin),
                    )
                    .add(pending_memberships(Condition::all().add(
                        membership::Column::OrganizationId.eq(me.organization_id),
                    ))),
            );
    }
    Condition::all()
        .add(membership_approval::Column::Status.eq(ApprovalStatus::Pending))
        .add(kinds)
}

/// People the viewer may see: O's people; the people of visible memberships; the sponsors
/// named on ACTIVE participations of live communities; the authors of content V sees.
pub fn visible_people(viewer: &Viewer) -> Condition {
    let me = match viewer {
        Viewer::Anonymous => return nothing(person::Column::Id),
        Viewer::Operator(_) => return Condition::all(),
        Viewer::Person(me) => me,
    };
    Condition::any()
        .add(person::Column::OrganizationId.eq(me.organization_id))
        .add(knowledge::content_authors(viewer))
        .add(
            person::Column::Id.in_subquery(
                Query::select()
                    .column(membership::Column::PersonId)
                    .from(membership::Entity)
                    .cond_where(visible_memberships(viewer))
                    .to_owned(),
            ),
        )
        .add(
            person::Column::Id.in_subquery(
                Query::select()
                    .column(participation::Column::SponsorPersonId)
                    .from(participation::Entity)
                    .and_where(participation::Column::Status.eq(ParticipationStatus::Active))
                    .and_where(participation::Column::SponsorPersonId.is_not_null())
                    .and_where(
                        participation::Column::CommunityId
                            .in_subquery(community_ids(live_communities(me))),
                    )
                    .to_owned(),
            ),
        )
}

/// Whether the viewer sees a person's private profile fields (email, last seen): their own
/// organization's people, and everyone for the operator.
pub fn sees_private_profile(viewer: &Viewer, person_organization_id: Uuid) -> bool {
    match viewer {
        Viewer::Anonymous => false,
        Viewer::Operator(_) => true,
        Viewer::Person(me) => me.organization_id == person_organization_id,
    }
}

/// Ids of the organizations partnered with O: ACTIVE partnerships, or any status.
fn partners_of(organization_id: Uuid, any_status: bool) -> [SelectStatement; 2] {
    let side = |mine: partnership::Column, theirs: partnership::Column| {
        let mut select = Query::select()
            .column(theirs)
            .from(partnership::Entity)
            .and_where(mine.eq(organization_id))
            .to_owned();
        if !any_status {
            select.and_where(partnership::Column::Status.eq(PartnershipStatus::Active));
        }
        select
    };
    [
        side(
            partnership::Column::LowOrganizationId,
            partnership::Column::HighOrganizationId,
        ),
        side(
            partnership::Column::HighOrganizationId,
            partnership::Column::LowOrganizationId,
        ),
    ]
}

/// Organizations the viewer may see: O; those with an ACTIVE partnership with O; for O's
/// admins, those with a partnership with O in any status; those of visible participations;
/// those of the authors of content V sees.
pub fn visible_organizations(viewer: &Viewer) -> Condition {
    let me = match viewer {
        Viewer::Anonymous => return nothing(organization::Column::Id),
        Viewer::Operator(_) => return Condition::all(),
        Viewer::Person(me) => me,
    };
    let mut condition = Condition::any()
        .add(organization::Column::Id.eq(me.organization_id))
        .add(knowledge::content_organizations(viewer))
        .add(
            organization::Column::Id.in_subquery(
                Query::select()
                    .column(participation::Column::OrganizationId)
                    .from(participation::Entity)
                    .cond_where(visible_participations(viewer))
                    .to_owned(),
            ),
        );
    for partners in partners_of(me.organization_id, me.is_admin) {
        condition = condition.add(organization::Column::Id.in_subquery(partners));
    }
    condition
}

/// Whether the viewer may see one organization.
pub async fn may_see_organization(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    organization_id: Uuid,
) -> ServiceResult<bool> {
    Ok(match viewer {
        Viewer::Anonymous => false,
        Viewer::Operator(_) => true,
        Viewer::Person(me) if me.organization_id == organization_id => true,
        Viewer::Person(_) => {
            organization::Entity::find_by_id(organization_id)
                .filter(visible_organizations(viewer))
                .count(db)
                .await?
                > 0
        }
    })
}

/// Partnerships the viewer may see: for O's admins, those O is a side of.
pub fn visible_partnerships(viewer: &Viewer) -> Condition {
    match viewer {
        Viewer::Operator(_) => Condition::all(),
        Viewer::Person(me) if me.is_admin => Condition::any()
            .add(partnership::Column::LowOrganizationId.eq(me.organization_id))
            .add(partnership::Column::HighOrganizationId.eq(me.organization_id)),
        Viewer::Person(_) | Viewer::Anonymous => nothing(partnership::Column::Id),
    }
}

/// Audit events the viewer may read: for O's admins, those that concern O.
pub fn visible_audit_events(viewer: &Viewer) -> Condition {
    match viewer {
        Viewer::Operator(_) => Condition::all(),
        Viewer::Person(me) if me.is_admin => Condition::any()
            .add(audit_event::Column::OrganizationId.eq(me.organization_id))
            .add(audit_event::Column::OtherOrganizationId.eq(me.organization_id)),
        Viewer::Person(_) | Viewer::Anonymous => nothing(audit_event::Column::Id),
    }
}

/// Whether the viewer coordinates a community, given the viewer's own membership of it:
/// an ACTIVE COORDINATOR member, an admin of its host, or the operator.
pub fn coordinates_with(
    viewer: &Viewer,
    community: &community::Model,
    own_membership: Option<&membership::Model>,
) -> bool {
    match viewer {
        Viewer::Anonymous => false,
        Viewer::Operator(_) => true,
        Viewer::Person(me) => {
            (me.is_admin && me.organization_id == community.host_organization_id)
                || own_membership.is_some_and(|m| {
                    m.person_id == me.person_id
                        && m.community_id == community.id
                        && m.status == MembershipStatus::Active
                        && m.role == MemberRole::Coordinator
                })
        }
    }
}

/// Whether the viewer coordinates a community (reads the viewer's membership).
pub async fn coordinates(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    community: &community::Model,
) -> ServiceResult<bool> {
    let own = match viewer.person() {
        Some(me) => {
            membership::Entity::find()
                .filter(membership::Column::CommunityId.eq(community.id))
                .filter(membership::Column::PersonId.eq(me.person_id))
                .one(db)
                .await?
        }
        None => None,
    };
    Ok(coordinates_with(viewer, community, own.as_ref()))
}

/// Host coordinators change a community's settings and invite or remove organizations:
/// coordinators of the host organization, its admins, and the operator.
pub async fn require_host_coordinator(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    community: &community::Model,
) -> ServiceResult<()> {
    let of_host = match viewer {
        Viewer::Person(me) => me.organization_id == community.host_organization_id,
        Viewer::Operator(_) => true,
        Viewer::Anonymous => false,
    };
    if of_host && coordinates(db, viewer, community).await? {
        Ok(())
    } else {
        Err(ServiceError::Forbidden(
            "only a coordinator or admin of the host organization may do this",
        ))
    }
}

/// Any coordinator of the community (host or co-host), its host's admins, the operator.
pub async fn require_coordinator(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    community: &community::Model,
) -> ServiceResult<()> {
    if coordinates(db, viewer, community).await? {
        Ok(())
    } else {
        Err(ServiceError::Forbidden(
            "only a coordinator of this community may do this",
        ))
    }
}

/// Whether the viewer is an admin of `organization_id` (a person admin of it, or the operator).
pub fn administers(viewer: &Viewer, organization_id: Uuid) -> bool {
    match viewer {
        Viewer::Operator(_) => true,
        Viewer::Person(me) => me.is_admin && me.organization_id == organization_id,
        Viewer::Anonymous => false,
    }
}

/// Whether the viewer may administer an organization: read and change its identity settings.
/// NOT_FOUND when the organization is invisible, FORBIDDEN when visible but not theirs to run.
pub async fn require_organization_admin(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    organization_id: Uuid,
) -> ServiceResult<()> {
    require_signed_in(viewer)?;
    if !may_see_organization(db, viewer, organization_id).await? {
        return Err(ServiceError::NotFound);
    }
    match viewer {
        Viewer::Operator(_) => Ok(()),
        Viewer::Person(person) if person.is_admin && person.organization_id == organization_id => {
            Ok(())
        }
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
        assert!(administers(&person(acme, true), acme));
        assert!(!administers(&person(acme, false), acme));
        assert!(!administers(&person(acme, true), globex));
        assert!(!administers(&Viewer::Anonymous, acme));
        let operator = Viewer::Operator(OperatorViewer {
            subject: "ops".into(),
        });
        assert!(administers(&operator, globex));
        assert!(sees_private_profile(&person(acme, false), acme));
        assert!(!sees_private_profile(&person(acme, true), globex));
        assert!(matches!(
            require_signed_in(&Viewer::Anonymous),
            Err(ServiceError::Unauthenticated(AuthFailure::TokenMissing))
        ));
    }
}
