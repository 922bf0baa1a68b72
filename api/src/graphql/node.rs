//! Relay's `Node`: opaque global ids (`base64url("Type:uuid")`) and `node`/`nodes` lookups.
//! An id that is malformed, unknown, or outside the viewer's reach is NOT_FOUND alike.

use super::{
    application::Application,
    article::KnowledgeArticle,
    audit::AuditEvent,
    community::Community,
    context,
    error::{coded, ErrorCode, GqlResult},
    event::{Event, EventRsvp, EventSeries},
    event_loaders,
    idea::Idea,
    loaders::Loaders,
    membership::{Membership, MembershipApproval},
    organization::Organization,
    participation::Participation,
    partnership::Partnership,
    person::Person,
    problem::Problem,
    webhook::{WebhookDelivery, WebhookEndpoint},
};
use async_graphql::{Context, Interface, Object, ServerError, ID};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use uuid::Uuid;

/// Most ids `nodes` accepts at once.
pub const MAX_NODES: usize = 100;

/// The kinds of object a global id can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Organization,
    Person,
    Partnership,
    Community,
    Participation,
    Membership,
    MembershipApproval,
    AuditEvent,
    Problem,
    Idea,
    KnowledgeArticle,
    Application,
    Event,
    EventSeries,
    EventRsvp,
    WebhookEndpoint,
    WebhookDelivery,
}

/// Every kind, for round trips of the names.
const KINDS: [NodeKind; 17] = [
    NodeKind::Organization,
    NodeKind::Person,
    NodeKind::Partnership,
    NodeKind::Community,
    NodeKind::Participation,
    NodeKind::Membership,
    NodeKind::MembershipApproval,
    NodeKind::AuditEvent,
    NodeKind::Problem,
    NodeKind::Idea,
    NodeKind::KnowledgeArticle,
    NodeKind::Application,
    NodeKind::Event,
    NodeKind::EventSeries,
    NodeKind::EventRsvp,
    NodeKind::WebhookEndpoint,
    NodeKind::WebhookDelivery,
];

impl NodeKind {
    fn name(self) -> &'static str {
        match self {
            Self::Organization => "Organization",
            Self::Person => "Person",
            Self::Partnership => "Partnership",
            Self::Community => "Community",
            Self::Participation => "Participation",
            Self::Membership => "Membership",
            Self::MembershipApproval => "MembershipApproval",
            Self::AuditEvent => "AuditEvent",
            Self::Problem => "Problem",
            Self::Idea => "Idea",
            Self::KnowledgeArticle => "KnowledgeArticle",
            Self::Application => "Application",
            Self::Event => "Event",
            Self::EventSeries => "EventSeries",
            Self::EventRsvp => "EventRsvp",
            Self::WebhookEndpoint => "WebhookEndpoint",
            Self::WebhookDelivery => "WebhookDelivery",
        }
    }

    fn from_name(name: &str) -> Option<Self> {
        KINDS.into_iter().find(|kind| kind.name() == name)
    }
}

pub fn global_id(kind: NodeKind, id: Uuid) -> ID {
    ID(URL_SAFE_NO_PAD.encode(format!("{}:{id}", kind.name())))
}

pub fn parse_global_id(id: &ID) -> Option<(NodeKind, Uuid)> {
    let text = String::from_utf8(URL_SAFE_NO_PAD.decode(id.as_str()).ok()?).ok()?;
    let (kind, uuid) = text.split_once(':')?;
    Some((NodeKind::from_name(kind)?, Uuid::parse_str(uuid).ok()?))
}

/// The global id of an expected kind, or NOT_FOUND (for mutation inputs).
pub fn expect_global_id(id: &ID, kind: NodeKind) -> async_graphql::Result<Uuid> {
    match parse_global_id(id) {
        Some((found, uuid)) if found == kind => Ok(uuid),
        _ => Err(not_found(id)),
    }
}

fn not_found(id: &ID) -> async_graphql::Error {
    coded(
        ErrorCode::NotFound,
        format!(
            "could not resolve to a node with the global id {:?}",
            id.as_str()
        ),
    )
}

/// An object with a global id, fetchable with `node(id:)`.
#[derive(Interface)]
#[graphql(field(name = "id", ty = "ID", desc = "Globally unique, opaque identifier."))]
pub enum Node {
    Organization(Organization),
    Person(Person),
    Partnership(Partnership),
    Community(Community),
    Participation(Participation),
    Membership(Membership),
    MembershipApproval(MembershipApproval),
    AuditEvent(AuditEvent),
    Problem(Problem),
    Idea(Idea),
    KnowledgeArticle(KnowledgeArticle),
    Application(Application),
    Event(Event),
    EventSeries(EventSeries),
    EventRsvp(EventRsvp),
    WebhookEndpoint(WebhookEndpoint),
    WebhookDelivery(WebhookDelivery),
}

#[derive(Default)]
pub struct NodeQuery;

/// The node a global id names, when the viewer may see it.
pub async fn resolve_node(ctx: &Context<'_>, id: &ID) -> async_graphql::Result<Option<Node>> {
    let loaders = ctx.data::<Loaders>()?;
    let Some((kind, uuid)) = parse_global_id(id) else {
        return Ok(None);
    };
    Ok(match kind {
        NodeKind::Organization => loaders
            .organization(uuid)
            .await
            .gql()?
            .map(|o| Node::Organization(Organization(o))),
        NodeKind::Person => loaders
            .person(uuid)
            .await
            .gql()?
            .map(|p| Node::Person(Person(p))),
        NodeKind::Partnership => loaders
            .partnership(uuid)
            .await
            .gql()?
            .map(|p| Node::Partnership(Partnership(p))),
        NodeKind::Community => loaders
            .community(uuid)
            .await
            .gql()?
            .map(|c| Node::Community(Community(c))),
        NodeKind::Participation => loaders
            .participation(uuid)
            .await
            .gql()?
            .map(|p| Node::Participation(Participation(p))),
        NodeKind::Membership => loaders
            .membership(uuid)
            .await
            .gql()?
            .map(|m| Node::Membership(Membership(m))),
        NodeKind::MembershipApproval => loaders
            .approval(uuid)
            .await
            .gql()?
            .map(|a| Node::MembershipApproval(MembershipApproval(a))),
        NodeKind::AuditEvent => loaders
            .audit_event(uuid)
            .await
            .gql()?
            .map(|e| Node::AuditEvent(AuditEvent(e))),
        NodeKind::Problem => loaders
            .problem(uuid)
            .await
            .gql()?
            .map(|p| Node::Problem(Problem(p))),
        NodeKind::Idea => loaders.idea(uuid).await.gql()?.map(|i| Node::Idea(Idea(i))),
        NodeKind::KnowledgeArticle => loaders
            .article(uuid)
            .await
            .gql()?
            .map(|a| Node::KnowledgeArticle(KnowledgeArticle(a))),
        NodeKind::Application => loaders
            .application(uuid)
            .await
            .gql()?
            .map(|a| Node::Application(Application(a))),
        NodeKind::Event => event_loaders::of(ctx)?
            .event(uuid)
            .await
            .gql()?
            .map(|e| Node::Event(Event(e))),
        NodeKind::EventSeries => event_loaders::of(ctx)?
            .series(uuid)
            .await
            .gql()?
            .map(|s| Node::EventSeries(EventSeries(s))),
        NodeKind::EventRsvp => event_loaders::of(ctx)?
            .rsvp(uuid)
            .await
            .gql()?
            .map(|r| Node::EventRsvp(EventRsvp(r))),
        NodeKind::WebhookEndpoint | NodeKind::WebhookDelivery => {
            let (db, viewer) = context::request(ctx)?;
            if kind == NodeKind::WebhookEndpoint {
                crate::service::webhook::find_visible_endpoints(db, viewer, &[uuid])
                    .await
                    .gql()?
                    .remove(&uuid)
                    .map(|e| Node::WebhookEndpoint(WebhookEndpoint(e)))
            } else {
                crate::service::webhook::find_visible_deliveries(db, viewer, &[uuid])
                    .await
                    .gql()?
                    .remove(&uuid)
                    .map(|d| Node::WebhookDelivery(WebhookDelivery::new(d)))
            }
        }
    })
}

#[Object]
impl NodeQuery {
    /// Fetches any object by its global id. NOT_FOUND when it does not exist or the viewer may
    /// not see it.
    async fn node(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Option<Node>> {
        let (_, viewer) = context::request(ctx)?;
        crate::access::require_signed_in(viewer).gql()?;
        match resolve_node(ctx, &id).await? {
            Some(node) => Ok(Some(node)),
            None => Err(not_found(&id)),
        }
    }

    /// Fetches up to 100 objects by global id, in the order asked. An entry the viewer may not
    /// see is null, with a NOT_FOUND error at its index.
    async fn nodes(
        &self,
        ctx: &Context<'_>,
        ids: Vec<ID>,
    ) -> async_graphql::Result<Vec<Option<Node>>> {
        let (_, viewer) = context::request(ctx)?;
        crate::access::require_signed_in(viewer).gql()?;
        if ids.len() > MAX_NODES {
            return Err(coded(
                ErrorCode::BadUserInput,
                format!("ids: at most {MAX_NODES} per request"),
            ));
        }
        let resolved =
            futures_util::future::try_join_all(ids.iter().map(|id| resolve_node(ctx, id))).await?;
        for (index, (id, node)) in ids.iter().zip(&resolved).enumerate() {
            if node.is_none() {
                let mut error: ServerError = not_found(id).into_server_error(ctx.item.pos);
                error.path = vec![
                    async_graphql::PathSegment::Field("nodes".to_owned()),
                    async_graphql::PathSegment::Index(index),
                ];
                ctx.add_error(error);
            }
        }
        Ok(resolved)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn global_ids_round_trip_and_reject_garbage() {
        let uuid = Uuid::now_v7();
        let id = global_id(NodeKind::Person, uuid);
        assert_eq!(parse_global_id(&id), Some((NodeKind::Person, uuid)));
        assert!(expect_global_id(&id, NodeKind::Organization).is_err());
        assert!(parse_global_id(&ID("bm9wZQ".into())).is_none());
        assert!(parse_global_id(&ID(URL_SAFE_NO_PAD.encode("Secret:1"))).is_none());
    }
}
