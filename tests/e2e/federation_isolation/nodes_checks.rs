//! `nodes` over every id of the world (audit events included), with the objects each node
//! refers to, and emails.

use super::model::{Obj, Seen, Viewer, World};
use serde_json::json;

impl World<'_> {
    pub(super) fn sees(&self, viewer: Viewer, obj: Obj, seen: &[Seen]) -> bool {
        match obj {
            Obj::Org(k) => self.sees_org(viewer, k),
            Obj::Person(k) => self.sees_person(viewer, k),
            Obj::Partnership(k) => self.sees_partnership(viewer, k),
            Obj::Community(k) => self.sees_community(viewer, k),
            Obj::Participation(k) => self.sees_participation(viewer, k),
            Obj::Membership(k) => self.sees_membership(viewer, k),
            Obj::Approval(k) => self.sees_approval(viewer, k),
            Obj::Event(k) => match viewer {
                Viewer::Operator => true,
                Viewer::Person(v) => {
                    self.people[v].admin && seen[k].orgs.contains(&self.people[v].org)
                }
            },
        }
    }

    /// The objects a visible node refers to: each shows when the viewer may see it, else null.
    pub(super) fn references(
        &self,
        viewer: Viewer,
        obj: Obj,
        seen: &[Seen],
    ) -> Vec<(&'static str, Option<String>)> {
        let org = |o: usize| self.sees_org(viewer, o).then(|| self.orgs[o].id.clone());
        let person = |q: usize| {
            self.sees_person(viewer, q)
                .then(|| self.people[q].id.clone())
        };
        let community = |c: usize| {
            self.sees_community(viewer, c)
                .then(|| self.communities[c].id.clone())
        };
        match obj {
            Obj::Person(q) => vec![("organization", org(self.people[q].org))],
            Obj::Participation(k) => {
                let p = &self.participations[k];
                vec![
                    ("sponsor", p.sponsor.and_then(person)),
                    ("organization", org(p.org)),
                    ("community", community(p.community)),
                ]
            }
            Obj::Membership(m) => {
                let mm = &self.memberships[m];
                vec![
                    ("person", person(mm.person)),
                    ("organization", org(self.people[mm.person].org)),
                    ("community", community(mm.community)),
                ]
            }
            Obj::Approval(a) => {
                let ap = &self.approvals[a];
                vec![
                    ("decidedBy", ap.decided_by.and_then(person)),
                    (
                        "membership",
                        self.sees_membership(viewer, ap.membership)
                            .then(|| self.memberships[ap.membership].id.clone()),
                    ),
                ]
            }
            Obj::Partnership(k) => {
                let p = &self.partnerships[k];
                let recipient = p.sides[self.side(k, p.proposer) ^ 1];
                let partner = match viewer {
                    Viewer::Person(v) if p.sides.contains(&self.people[v].org) => {
                        p.sides[self.side(k, self.people[v].org) ^ 1]
                    }
                    _ => recipient,
                };
                vec![
                    ("proposer", org(p.proposer)),
                    ("recipient", org(recipient)),
                    ("partner", org(partner)),
                    ("suspendedBy", p.suspended_by.and_then(org)),
                ]
            }
            Obj::Community(c) => vec![("host", org(self.communities[c].host))],
            Obj::Event(k) => seen[k]
                .refs
                .iter()
                .map(|&(field, target)| {
                    let id = self.object_id(target).unwrap_or_default();
                    (field, self.sees(viewer, target, seen).then_some(id))
                })
                .collect(),
            Obj::Org(_) => vec![],
        }
    }

    pub(super) fn object_id(&self, obj: Obj) -> Option<String> {
        match obj {
            Obj::Org(k) => self.orgs.get(k).map(|x| x.id.clone()),
            Obj::Person(k) => self.people.get(k).map(|x| x.id.clone()),
            Obj::Community(k) => self.communities.get(k).map(|x| x.id.clone()),
            _ => None,
        }
    }

    pub(super) async fn check_nodes(
        &self,
        viewer: Viewer,
        ids: &[(String, Obj)],
        seen: &[Seen],
    ) -> Result<usize, String> {
        let mut checks = 0;
        let query = "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Person { email organization { id } } ... on Participation { sponsor { id } organization { id } community { id } } ... on Membership { person { id } organization { id } community { id } } ... on MembershipApproval { decidedBy { id } membership { id } } ... on Partnership { proposer { id } recipient { id } partner { id } suspendedBy { id } } ... on Community { host { id } } ... on AuditEvent { actor { id } actorOrganization { id } organization { id } otherOrganization { id } community { id } } } }";
        for chunk in ids.chunks(100) {
            let list: Vec<&str> = chunk.iter().map(|(id, _)| id.as_str()).collect();
            let reply = self
                .app
                .graphql(Some(self.token(viewer)), query, json!({ "ids": list }))
                .await;
            let ctx = format!("{} reading nodes(ids:)", self.name(viewer));
            let got = reply.data("/nodes").as_array().cloned().unwrap_or_default();
            if got.len() != chunk.len() {
                return Err(format!("{ctx}: {:#}", reply.body));
            }
            let mut hidden = 0;
            for ((id, obj), node) in chunk.iter().zip(&got) {
                let expected = self.sees(viewer, *obj, seen);
                if !expected {
                    hidden += 1;
                }
                if expected == node.is_null() {
                    let what = match obj {
                        Obj::Event(k) => format!("audit event {id} concerning {:?}", seen[*k].orgs),
                        _ => self.describe(id),
                    };
                    return Err(format!(
                        "{ctx}: {what} should be {}",
                        if expected {
                            "visible"
                        } else {
                            "NOT_FOUND (null)"
                        }
                    ));
                }
                if expected && node["id"] != id.as_str() {
                    return Err(format!("{ctx}: {id} came back as {node}"));
                }
                if expected {
                    for (field, want) in self.references(viewer, *obj, seen) {
                        let got = node[field]["id"].as_str();
                        if got != want.as_deref() {
                            return Err(format!(
                                "{ctx}: {}.{field} is {}, expected {}",
                                self.describe(id),
                                got.map_or("null".to_owned(), |g| self.describe(g)),
                                want.as_deref()
                                    .map_or("null".to_owned(), |w| self.describe(w))
                            ));
                        }
                        checks += 1;
                    }
                }
                if let (Obj::Person(q), Viewer::Person(v)) = (obj, viewer) {
                    if expected {
                        let colleague = self.people[*q].org == self.people[v].org;
                        if colleague == node["email"].is_null() {
                            return Err(format!(
                                "{ctx}: email of {} is {} (a colleague's shows, another organization's is null)",
                                self.who(*q),
                                node["email"]
                            ));
                        }
                    }
                }
                checks += 1;
            }
            let codes = reply.codes();
            if codes.len() != hidden || codes.iter().any(|c| c != "NOT_FOUND") {
                return Err(format!(
                    "{ctx}: {hidden} hidden but errors {codes:?}: {:#}",
                    reply.body
                ));
            }
        }
        Ok(checks)
    }
}
