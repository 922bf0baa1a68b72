//! Every community by id and by slug, with its participants and members (all, and ACTIVE
//! only), as a viewer reads them.

use super::checks::Expected;
use super::model::{Viewer, World};
use serde_json::json;
use std::fmt::Write as _;

impl World<'_> {
    pub(super) async fn check_communities(&self, viewer: Viewer) -> Result<usize, String> {
        let mut query = String::from("{");
        let mine = match viewer {
            Viewer::Person(_) => "viewerCoordinates viewerMembership { id status }",
            Viewer::Operator => "",
        };
        for (k, c) in self.communities.iter().enumerate() {
            let _ = write!(
                query,
                " c{k}: node(id: \"{}\") {{ id ... on Community {{ {mine} participants(first: 100) {{ totalCount nodes {{ id status tier }} }} members(first: 100) {{ totalCount nodes {{ id status role }} }} activeParticipants: participants(status: ACTIVE, first: 100) {{ totalCount nodes {{ id }} }} activeMembers: members(status: ACTIVE, first: 100) {{ totalCount nodes {{ id }} }} }} }} k{k}: community(host: \"{}\", slug: \"{}\") {{ id }}",
                c.id, self.orgs[c.host].slug, c.slug
            );
        }
        query.push('}');
        let ctx = format!(
            "{} reading communities by id and by slug",
            self.name(viewer)
        );
        let reply = self
            .app
            .graphql(Some(self.token(viewer)), &query, json!({}))
            .await;
        let missing = Self::not_found_aliases(&ctx, &reply)?;
        let mut checks = 0;
        for (c, community) in self.communities.iter().enumerate() {
            let name = self.community_name(c);
            let (node, by_slug) = (format!("c{c}"), format!("k{c}"));
            if !self.sees_community(viewer, c) {
                if !missing.contains(&node) || !missing.contains(&by_slug) {
                    return Err(format!(
                        "{ctx}: {name} should be NOT_FOUND: {}",
                        reply.data(&format!("/{node}"))
                    ));
                }
                checks += 2;
                continue;
            }
            if missing.contains(&node) || missing.contains(&by_slug) {
                return Err(format!("{ctx}: {name} should be visible, got NOT_FOUND"));
            }
            if reply.data(&format!("/{node}/id")) != community.id.as_str()
                || reply.data(&format!("/{by_slug}/id")) != community.id.as_str()
            {
                return Err(format!("{ctx}: {name}: {:#}", reply.body));
            }
            let participants: Expected = (0..self.participations.len())
                .filter(|&k| {
                    self.participations[k].community == c && self.sees_participation(viewer, k)
                })
                .map(|k| {
                    (
                        self.participations[k].id.clone(),
                        self.participation_fields(k),
                    )
                })
                .collect();
            self.compare(
                &format!("{ctx}: participants of {name}"),
                reply.data(&format!("/{node}/participants")),
                &participants,
            )?;
            let members: Expected = (0..self.memberships.len())
                .filter(|&m| self.memberships[m].community == c && self.sees_membership(viewer, m))
                .map(|m| (self.memberships[m].id.clone(), self.membership_fields(m)))
                .collect();
            self.compare(
                &format!("{ctx}: members of {name}"),
                reply.data(&format!("/{node}/members")),
                &members,
            )?;
            // Filtered by status: the same visible rows, only those ACTIVE (unless in doubt).
            let active = |expected: &Expected| -> Option<Expected> {
                let mut out = Expected::new();
                for (id, fields) in expected {
                    let st = fields[0].1;
                    if st.alt.is_some() {
                        return None;
                    }
                    if st.primary == "ACTIVE" {
                        out.insert(id.clone(), vec![]);
                    }
                }
                Some(out)
            };
            if let Some(expected) = active(&participants) {
                self.compare(
                    &format!("{ctx}: participants(status: ACTIVE) of {name}"),
                    reply.data(&format!("/{node}/activeParticipants")),
                    &expected,
                )?;
                checks += 1;
            }
            if let Some(expected) = active(&members) {
                self.compare(
                    &format!("{ctx}: members(status: ACTIVE) of {name}"),
                    reply.data(&format!("/{node}/activeMembers")),
                    &expected,
                )?;
                checks += 1;
            }
            if let Viewer::Person(v) = viewer {
                let coordinates = reply.data(&format!("/{node}/viewerCoordinates"));
                if *coordinates != self.coordinates(v, c) {
                    return Err(format!(
                        "{ctx}: viewerCoordinates of {name} is {coordinates}"
                    ));
                }
                let own = reply.data(&format!("/{node}/viewerMembership"));
                match self.membership_of(v, c) {
                    None if own.is_null() => {}
                    Some(m)
                        if own["id"] == self.memberships[m].id.as_str()
                            && self
                                .mem_status(m)
                                .allows(own["status"].as_str().unwrap_or("")) => {}
                    _ => return Err(format!("{ctx}: viewerMembership of {name} is {own}")),
                }
                checks += 2;
            }
            checks += 4;
        }
        if missing.len()
            != 2 * (0..self.communities.len())
                .filter(|&c| !self.sees_community(viewer, c))
                .count()
        {
            return Err(format!("{ctx}: unexpected errors {:#}", reply.body));
        }
        Ok(checks)
    }
}
