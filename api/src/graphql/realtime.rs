//! Subscriptions: a community's activity, a viewer's notifications, an organization's admin
//! feed (docs/REALTIME.md). Each event is checked against the viewer when it is delivered.

use super::{
    community::Community,
    context,
    error::{coded, to_graphql, ErrorCode, GqlResult},
    loaders::Loaders,
    node::{expect_global_id, parse_global_id, resolve_node, Node, NodeKind},
    organization::Organization,
    person::Person,
};
use crate::{
    access::{self, NotificationReason as Reason},
    error::ServiceResult,
    events::{outbox, sequencer, EventHub},
};
use async_graphql::{Context, Enum, Json, Object, Subscription, ID};
use chrono::{DateTime, Utc};
use entity::domain_event;
use futures_util::{stream, Stream};
use sea_orm::DatabaseConnection;
use std::{collections::VecDeque, future::Future, pin::Pin, sync::Arc, time::Duration};
use tokio::sync::broadcast::{self, error::RecvError};
use uuid::Uuid;

/// What a domain event tells.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "entity::enums::DomainEventType")]
pub enum DomainEventType {
    /// An organization proposed a partnership.
    PartnershipProposed,
    /// The other organization accepted a proposed partnership.
    PartnershipAccepted,
    /// The other organization declined a proposed partnership.
    PartnershipDeclined,
    /// One side suspended a partnership.
    PartnershipSuspended,
    /// The suspending side resumed a partnership.
    PartnershipResumed,
    /// One side ended a partnership.
    PartnershipEnded,
    /// An organization changed its policy for one partner (told to that organization only).
    PartnerPolicyChanged,
    /// An organization changed its default partner policies.
    PolicyDefaultsChanged,
    /// A community was created.
    CommunityCreated,
    /// A community's settings changed.
    CommunityUpdated,
    /// A host invited an organization to a community.
    OrganizationInvited,
    /// An invited organization accepted.
    InvitationAccepted,
    /// An invited organization declined.
    InvitationDeclined,
    /// A host removed an organization from a community.
    OrganizationRemoved,
    /// An organization withdrew from a community.
    OrganizationWithdrew,
    /// A person asked to join a community (ACTIVE at once, or PENDING approvals).
    MembershipRequested,
    /// An approval of a membership request was given or refused.
    MembershipApprovalDecided,
    /// A coordinator added a member.
    MemberAdded,
    /// A member's role or leadership changed.
    MemberRoleChanged,
    /// A member left a community.
    MemberLeft,
    /// A member was removed from a community.
    MemberRemoved,
    /// A person was offboarded from every community hosted elsewhere.
    MemberOffboarded,
    /// The operator disabled an organization.
    OrganizationDisabled,
    /// The operator enabled an organization again.
    OrganizationEnabled,
    /// A problem was posted.
    ProblemPosted,
    /// A problem was edited.
    ProblemUpdated,
    /// A problem was closed.
    ProblemClosed,
    /// A problem was reopened.
    ProblemReopened,
    /// A solution was accepted for a problem.
    ProblemSolved,
    /// An idea was contributed to a problem.
    IdeaContributed,
    /// A reply was posted to an idea.
    IdeaReplied,
    /// An idea or reply was edited.
    IdeaEdited,
    /// An idea was endorsed.
    IdeaEndorsed,
    /// A knowledge article was published.
    ArticlePublished,
    /// A published article was revised.
    ArticleUpdated,
    /// An article was archived.
    ArticleArchived,
    /// An application of a solution or article at work was reported.
    ApplicationReported,
    /// An application was confirmed by someone else.
    ApplicationConfirmed,
    /// An event was scheduled.
    EventScheduled,
    /// An event (or one occurrence) changed.
    EventUpdated,
    /// An event (or one occurrence) was cancelled.
    EventCancelled,
    /// A recurring series was scheduled.
    EventSeriesScheduled,
    /// A recurring series changed.
    EventSeriesUpdated,
    /// A recurring series was cancelled.
    EventSeriesCancelled,
    /// A person's RSVP changed (including a promotion from the waitlist).
    RsvpChanged,
    /// An attendee was checked in.
    AttendeeCheckedIn,
    /// A webhook endpoint was disabled after failing for too long.
    WebhookEndpointDisabled,
    /// An organization's admin set its OpenID Connect console login.
    OidcLoginSet,
    /// An organization's admin removed its OpenID Connect console login.
    OidcLoginRemoved,
    /// An organization's admin or the operator registered a persisted operation.
    PersistedOperationRegistered,
    /// An organization's admin or the operator removed a persisted operation.
    PersistedOperationRemoved,
    /// An organization's admin or the operator switched persisted-operations-only on or off.
    PersistedOperationsOnlyChanged,
    /// The platform operator set an organization's cost budgets (rate limits).
    OrganizationRateLimitSet,
}

/// Who hears of a domain event.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "entity::enums::EventAudience")]
pub enum EventAudience {
    /// Every viewer for whom the event's community is live.
    Community,
    /// The admins of the organizations the event concerns.
    Admins,
}

/// Why a notification reached the viewer.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotificationReason {
    /// A membership request waits for an approval the viewer may give.
    ApprovalWaiting,
    /// An idea on the viewer's problem (or one they follow), or a reply to their idea.
    Reply,
    /// The viewer was mentioned as `<@PersonGlobalId>`.
    Mention,
}

impl From<Reason> for NotificationReason {
    fn from(reason: Reason) -> Self {
        match reason {
            Reason::ApprovalWaiting => Self::ApprovalWaiting,
            Reason::Reply => Self::Reply,
            Reason::Mention => Self::Mention,
        }
    }
}

pub struct DomainEvent(pub Arc<domain_event::Model>);

/// One change worth telling, as a subscriber receives it.
#[Object]
impl DomainEvent {
    /// The event's id (the same in webhook bodies).
    async fn id(&self) -> ID {
        ID(outbox::global_id("DomainEvent", self.0.id))
    }

    /// What happened.
    async fn r#type(&self) -> DomainEventType {
        self.0.event_type.into()
    }

    /// Who hears of it.
    async fn audience(&self) -> EventAudience {
        self.0.audience.into()
    }

    /// Its place in the order of all events (increasing, in commit order).
    async fn position(&self) -> Option<i64> {
        self.0.position
    }

    /// When the change was made.
    async fn occurred_at(&self) -> DateTime<Utc> {
        self.0.occurred_at
    }

    /// The person who made the change, when the viewer may see them.
    async fn actor(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Person>> {
        let Some(id) = self.0.actor_person_id else {
            return Ok(None);
        };
        Ok(ctx.data::<Loaders>()?.person(id).await.gql()?.map(Person))
    }

    /// The actor's name when the change was made (`operator:<subject>` for the operator).
    async fn actor_name(&self) -> &str {
        &self.0.actor_name
    }

    /// The community the change happened in, when the viewer may see it.
    async fn community(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Community>> {
        let Some(id) = self.0.community_id else {
            return Ok(None);
        };
        Ok(ctx
            .data::<Loaders>()?
            .community(id)
            .await
            .gql()?
            .map(Community))
    }

    /// The organizations an admin event concerns (those the viewer may see).
    async fn organizations(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Organization>> {
        let loaders = ctx.data::<Loaders>()?;
        let mut found = Vec::new();
        for id in outbox::organizations(&self.0) {
            if let Some(organization) = loaders.organization(id).await.gql()? {
                found.push(Organization(organization));
            }
        }
        Ok(found)
    }

    /// The API type of the changed object.
    async fn subject_type(&self) -> &str {
        &self.0.subject_type
    }

    /// The global id of the changed object.
    async fn subject_id(&self) -> Option<ID> {
        self.0
            .subject_id
            .map(|id| ID(outbox::global_id(&self.0.subject_type, id)))
    }

    /// The changed object as it is now, when the viewer may see it.
    async fn subject(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Node>> {
        let Some(id) = self.0.subject_id else {
            return Ok(None);
        };
        let id = ID(outbox::global_id(&self.0.subject_type, id));
        if parse_global_id(&id).is_none() {
            return Ok(None);
        }
        resolve_node(ctx, &id).await
    }

    /// A snapshot of what changed, as webhooks send it.
    async fn data(&self) -> Json<serde_json::Value> {
        Json(self.0.data.clone())
    }
}

pub struct Notification {
    reason: NotificationReason,
    event: DomainEvent,
}

/// An event the viewer is told of personally.
#[Object]
impl Notification {
    /// Why the viewer is told.
    async fn reason(&self) -> NotificationReason {
        self.reason
    }

    /// What happened.
    async fn event(&self) -> &DomainEvent {
        &self.event
    }
}

type Check<T> = Arc<
    dyn Fn(
            Arc<domain_event::Model>,
        ) -> Pin<Box<dyn Future<Output = ServiceResult<Option<T>>> + Send>>
        + Send
        + Sync,
>;

struct Listener<T> {
    db: DatabaseConnection,
    receiver: broadcast::Receiver<Arc<domain_event::Model>>,
    /// The last position handled: events at or before it are skipped.
    position: i64,
    /// Events read back from the outbox after the bus overflowed.
    backlog: VecDeque<Arc<domain_event::Model>>,
    catching_up: bool,
    check: Check<T>,
}

impl<T> Listener<T> {
    async fn next_event(&mut self) -> Option<Arc<domain_event::Model>> {
        loop {
            if let Some(event) = self.backlog.pop_front() {
                return Some(event);
            }
            if self.catching_up {
                match sequencer::events_after(&self.db, self.position, sequencer::BATCH).await {
                    Ok(events) if !events.is_empty() => {
                        self.backlog.extend(events.into_iter().map(Arc::new));
                        continue;
                    }
                    Ok(_) => self.catching_up = false,
                    Err(err) => {
                        tracing::warn!(%err, "subscription catch-up failed; retrying");
                        tokio::time::sleep(Duration::from_millis(200)).await;
                        continue;
                    }
                }
            }
            match self.receiver.recv().await {
                Ok(event) => return Some(event),
                Err(RecvError::Lagged(missed)) => {
                    tracing::info!(missed, "subscriber fell behind; reading from the outbox");
                    self.catching_up = true;
                }
                Err(RecvError::Closed) => return None,
            }
        }
    }
}

/// Put in a WebSocket subscription's request data: the resolver fires it once the
/// subscription listens (its access checked, its place on the bus taken), so that the
/// connection starts the operations it is sent in order (docs/REALTIME.md).
pub struct SubscriptionStarted(std::sync::Mutex<Option<tokio::sync::oneshot::Sender<()>>>);

impl SubscriptionStarted {
    pub fn new() -> (Self, tokio::sync::oneshot::Receiver<()>) {
        let (sender, receiver) = tokio::sync::oneshot::channel();
        (Self(std::sync::Mutex::new(Some(sender))), receiver)
    }

    fn fire(ctx: &Context<'_>) {
        let Some(started) = ctx.data_opt::<SubscriptionStarted>() else {
            return;
        };
        let sender = started
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .take();
        if let Some(sender) = sender {
            // The connection may have stopped waiting: nothing to tell then.
            let _ = sender.send(());
        }
    }
}

/// The events of the bus that pass `check` (evaluated for each event when it is delivered),
/// from the moment of subscribing, none lost when the subscriber falls behind.
fn listen<T: Send + 'static>(
    hub: &EventHub,
    after: Option<i64>,
    check: Check<T>,
) -> impl Stream<Item = T> + Send + 'static {
    let (receiver, now) = hub.subscribe();
    let db = hub.db().clone();
    let listener = Listener {
        db,
        receiver,
        position: after.unwrap_or(now),
        backlog: VecDeque::new(),
        // Resuming: what was numbered after `after` is read from the outbox first.
        catching_up: after.is_some(),
        check,
    };
    stream::unfold(listener, |mut listener| async move {
        loop {
            let event = listener.next_event().await?;
            let Some(position) = event.position else {
                continue;
            };
            if position <= listener.position {
                continue;
            }
            let checked = listener.check_until_answered(event, position).await;
            listener.position = position;
            if let Some(item) = checked {
                return Some((item, listener));
            }
        }
    })
}

impl<T> Listener<T> {
    /// Checks an event for the subscriber, again and again (waiting longer each time, up to
    /// 5 s) while the check fails — the database unreachable, say: the subscription is
    /// delayed, and its events stay in order, none skipped.
    async fn check_until_answered(
        &self,
        event: Arc<domain_event::Model>,
        position: i64,
    ) -> Option<T> {
        let mut wait = Duration::from_millis(100);
        loop {
            match (self.check)(event.clone()).await {
                Ok(checked) => return checked,
                Err(err) => {
                    tracing::warn!(%err, position, "checking an event for a subscriber failed; retrying");
                    tokio::time::sleep(wait).await;
                    wait = (wait * 2).min(Duration::from_secs(5));
                }
            }
        }
    }
}

/// A resume position: events numbered after it are replayed (each checked as if delivered
/// now) before live ones. Omitted: from now on.
fn resume(after: Option<i64>) -> async_graphql::Result<Option<i64>> {
    match after {
        Some(position) if position < 0 => Err(coded(
            ErrorCode::BadUserInput,
            "after must be a position (0 or more)",
        )),
        other => Ok(other),
    }
}

fn type_filter(types: Option<Vec<DomainEventType>>) -> Arc<Vec<entity::enums::DomainEventType>> {
    Arc::new(
        types
            .unwrap_or_default()
            .into_iter()
            .map(Into::into)
            .collect(),
    )
}

fn wanted(types: &[entity::enums::DomainEventType], event: &domain_event::Model) -> bool {
    types.is_empty() || types.contains(&event.event_type)
}

#[derive(Default)]
pub struct SubscriptionRoot;

/// Changes as they happen, over graphql-transport-ws (docs/REALTIME.md). Every event is
/// checked against the viewer when it is delivered.
#[Subscription]
impl SubscriptionRoot {
    /// The activity of a community (problems, ideas, articles, applications, events, RSVPs),
    /// for its ACTIVE members and its host's admins. Each event is checked when delivered: a
    /// member removed from the community hears nothing more from that moment. `types`
    /// narrows the event types (all when omitted); `after` resumes after a reconnect.
    async fn community_activity(
        &self,
        ctx: &Context<'_>,
        community_id: ID,
        types: Option<Vec<DomainEventType>>,
        #[graphql(
            desc = "Resume: first replay the events numbered after this position (the last one \
                    received), each checked as if delivered now; omitted: from now on."
        )]
        after: Option<i64>,
    ) -> async_graphql::Result<impl Stream<Item = DomainEvent>> {
        let (db, viewer) = context::request(ctx)?;
        let hub = ctx.data::<EventHub>()?;
        let id = expect_global_id(&community_id, NodeKind::Community)?;
        access::require_community_listener(db, viewer, id)
            .await
            .map_err(|e| to_graphql(&e))?;
        let types = type_filter(types);
        let (listening, checked) = (hub.clone(), viewer.clone());
        let check: Check<DomainEvent> = Arc::new(move |event| {
            let (hub, viewer, types) = (listening.clone(), checked.clone(), types.clone());
            Box::pin(async move {
                if !wanted(&types, &event) || event.community_id != Some(id) {
                    return Ok(None);
                }
                let listeners = hub.community_listeners(&event).await?;
                if !access::hears_community_event(&viewer, id, &event, listeners.as_deref()) {
                    return Ok(None);
                }
                Ok(Some(DomainEvent(event)))
            })
        });
        let events = listen(hub, resume(after)?, check);
        SubscriptionStarted::fire(ctx);
        Ok(events)
    }

    /// What concerns the viewer personally: approvals waiting for them, replies to their
    /// problems and ideas, mentions. Checked when delivered.
    async fn notifications(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Resume: first replay the events numbered after this position (the last one \
                    received), each checked as if delivered now; omitted: from now on."
        )]
        after: Option<i64>,
    ) -> async_graphql::Result<impl Stream<Item = Notification>> {
        let (db, viewer) = context::request(ctx)?;
        access::require_person(viewer).map_err(|e| to_graphql(&e))?;
        let hub = ctx.data::<EventHub>()?;
        let (db, checked) = (db.clone(), viewer.clone());
        let check: Check<Notification> = Arc::new(move |event| {
            let (db, viewer) = (db.clone(), checked.clone());
            Box::pin(async move {
                Ok(access::notification_reason(&db, &viewer, &event)
                    .await?
                    .map(|reason| Notification {
                        reason: reason.into(),
                        event: DomainEvent(event),
                    }))
            })
        });
        let events = listen(hub, resume(after)?, check);
        SubscriptionStarted::fire(ctx);
        Ok(events)
    }

    /// An organization's admin feed: partnership, federation and membership changes that
    /// concern it, and its webhook endpoints being disabled. For its admins and the operator.
    async fn organization_feed(
        &self,
        ctx: &Context<'_>,
        organization_id: ID,
        types: Option<Vec<DomainEventType>>,
        #[graphql(
            desc = "Resume: first replay the events numbered after this position (the last one \
                    received), each checked as if delivered now; omitted: from now on."
        )]
        after: Option<i64>,
    ) -> async_graphql::Result<impl Stream<Item = DomainEvent>> {
        let (db, viewer) = context::request(ctx)?;
        let hub = ctx.data::<EventHub>()?;
        let id: Uuid = expect_global_id(&organization_id, NodeKind::Organization)?;
        access::require_feed_reader(db, viewer, id)
            .await
            .map_err(|e| to_graphql(&e))?;
        let types = type_filter(types);
        let (db, checked) = (db.clone(), viewer.clone());
        let check: Check<DomainEvent> = Arc::new(move |event| {
            let (db, viewer, types) = (db.clone(), checked.clone(), types.clone());
            Box::pin(async move {
                if !wanted(&types, &event)
                    || !access::hears_admin_event(&db, &viewer, id, &event).await?
                {
                    return Ok(None);
                }
                Ok(Some(DomainEvent(event)))
            })
        });
        let events = listen(hub, resume(after)?, check);
        SubscriptionStarted::fire(ctx);
        Ok(events)
    }
}
