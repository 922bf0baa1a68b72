//! Events, series and RSVPs as the API shows them. The mutations are in `event_mutation`.

use super::{
    community::Community,
    connection::{
        connection, listing_connection, page_request, wants_total_count, PageArgs, PraxisConnection,
    },
    context,
    error::GqlResult,
    event_loaders,
    loaders::Loaders,
    node::{global_id, NodeKind},
    organization::Organization,
    person::Person,
};
use crate::{
    access,
    service::{
        self,
        event::{input::local_text, EventFilter, EventListing, EventScope},
        page::PageRequest,
    },
};
use async_graphql::{Context, Enum, Object, ID};
use chrono::{DateTime, Utc};
use entity::{event, event_rsvp, event_series};

/// FAMILIAR events make a community's regular rhythm; EXCITING ones break it.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "entity::enums::EventKind")]
pub enum EventKind {
    /// The monthly call, the weekly clinic.
    Familiar,
    /// A workshop, a hackathon, a guest speaker, a site visit.
    Exciting,
}

/// Where an event happens.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "entity::enums::EventFormat")]
pub enum EventFormat {
    /// Online, at its join URL.
    Online,
    /// In person, at its place.
    InPerson,
    /// Both.
    Hybrid,
}

/// Whether an event or series still takes place.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "entity::enums::EventState")]
pub enum EventState {
    /// It takes place.
    Scheduled,
    /// It was cancelled; still readable.
    Cancelled,
}

/// Where a person's answer put them.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
#[graphql(remote = "entity::enums::RsvpStatus")]
pub enum RsvpStatus {
    /// Has a seat.
    Going,
    /// Might come.
    Maybe,
    /// Won't come.
    Declined,
    /// Answered GOING on a full event: waits for a seat.
    Waitlisted,
}

/// A person's answer to an event.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum RsvpResponse {
    /// Will come (or join the waitlist when the event is full).
    Going,
    /// Might come.
    Maybe,
    /// Won't come.
    Declined,
}

impl From<RsvpResponse> for service::event::RsvpResponse {
    fn from(r: RsvpResponse) -> Self {
        match r {
            RsvpResponse::Going => Self::Going,
            RsvpResponse::Maybe => Self::Maybe,
            RsvpResponse::Declined => Self::Declined,
        }
    }
}

/// An event row, as the API shows it.
pub struct Event(pub event::Model);

/// An event of a community: a single one, or one occurrence of a recurring series.
#[Object]
impl Event {
    /// Globally unique, opaque identifier.
    pub async fn id(&self) -> ID {
        global_id(NodeKind::Event, self.0.id)
    }

    /// The community it belongs to.
    async fn community(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Community>> {
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders
            .community(self.0.community_id)
            .await
            .gql()?
            .map(Community))
    }

    /// The series it is an occurrence of.
    async fn series(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<EventSeries>> {
        let Some(id) = self.0.series_id else {
            return Ok(None);
        };
        Ok(event_loaders::of(ctx)?
            .series(id)
            .await
            .gql()?
            .map(EventSeries))
    }

    /// One line.
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// Markdown, as written.
    async fn description(&self) -> &str {
        &self.0.description
    }

    /// FAMILIAR or EXCITING.
    async fn kind(&self) -> EventKind {
        self.0.kind.into()
    }

    /// ONLINE, IN_PERSON or HYBRID.
    async fn format(&self) -> EventFormat {
        self.0.format.into()
    }

    /// Where to join online: for ACTIVE members of the community, its coordinators and the
    /// operator; null for everyone else.
    async fn join_url(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        match &self.0.join_url {
            Some(url) if sees_join_url(ctx, self.0.community_id).await? => Ok(Some(url.clone())),
            _ => Ok(None),
        }
    }

    /// Where it happens in person.
    async fn place(&self) -> Option<&str> {
        self.0.place.as_deref()
    }

    /// The IANA time zone it is planned in.
    async fn time_zone(&self) -> &str {
        &self.0.time_zone
    }

    /// The start, as an instant.
    async fn starts_at(&self) -> DateTime<Utc> {
        self.0.starts_at
    }

    /// The end, as an instant.
    async fn ends_at(&self) -> DateTime<Utc> {
        self.0.ends_at
    }

    /// The start as a local date-time in `timeZone`.
    async fn local_start(&self) -> String {
        local_text(&self.0.time_zone, self.0.starts_at)
    }

    /// The end as a local date-time in `timeZone`.
    async fn local_end(&self) -> String {
        local_text(&self.0.time_zone, self.0.ends_at)
    }

    /// For an occurrence: the start its series' rule gave it (RECURRENCE-ID).
    async fn original_starts_at(&self) -> Option<DateTime<Utc>> {
        self.0.original_starts_at
    }

    /// An occurrence moved away from its original start.
    async fn moved(&self) -> bool {
        self.0.moved
    }

    /// SCHEDULED or CANCELLED.
    async fn state(&self) -> EventState {
        self.0.state.into()
    }

    /// Why it was cancelled, if a host said.
    async fn cancel_reason(&self) -> Option<&str> {
        self.0.cancel_reason.as_deref()
    }

    /// Seats; null for no limit.
    async fn capacity(&self) -> Option<i32> {
        self.0.capacity
    }

    /// RSVPs with status GOING.
    async fn going_count(&self) -> i32 {
        self.0.going_count
    }

    /// RSVPs on the waitlist.
    async fn waitlist_count(&self) -> i32 {
        self.0.waitlist_count
    }

    /// People checked in.
    async fn checked_in_count(&self) -> i32 {
        self.0.checked_in_count
    }

    /// The iCalendar SEQUENCE: raised by every change.
    async fn sequence(&self) -> i32 {
        self.0.sequence
    }

    /// The organization that hosts it.
    async fn host_organization(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<Organization>> {
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders
            .organization(self.0.host_organization_id)
            .await
            .gql()?
            .map(Organization))
    }

    /// Who created it.
    async fn created_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Person>> {
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders
            .person(self.0.created_by_person_id)
            .await
            .gql()?
            .map(Person))
    }

    /// When it was created.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// Whether the viewer hosts this community's events (may change, cancel, check in).
    async fn viewer_is_host(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        event_loaders::of(ctx)?
            .hosts(self.0.community_id)
            .await
            .gql()
    }

    /// The viewer's own answer, if any.
    async fn viewer_rsvp(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<EventRsvp>> {
        Ok(event_loaders::of(ctx)?
            .viewer_rsvp(self.0.id)
            .await
            .gql()?
            .map(EventRsvp))
    }

    /// Answers and check-ins, in the order they were first made.
    #[graphql(complexity = "PageRequest::size_hint(first, last) * child_complexity")]
    #[allow(clippy::too_many_arguments)]
    async fn rsvps(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only answers in these statuses.")] statuses: Option<Vec<RsvpStatus>>,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Returns items before this cursor.")] before: Option<String>,
    ) -> async_graphql::Result<PraxisConnection<EventRsvp>> {
        let (_, viewer) = context::request(ctx)?;
        let statuses: Option<Vec<entity::enums::RsvpStatus>> =
            statuses.map(|s| s.into_iter().map(Into::into).collect());
        let listing = service::event::rsvps_of(viewer, self.0.id, statuses.as_deref());
        let args = PageArgs {
            first,
            after,
            last,
            before,
        };
        listing_connection(ctx, listing, args, |r| r.id, EventRsvp).await
    }
}

/// A series row, as the API shows it.
pub struct EventSeries(pub event_series::Model);

/// A recurring series: an RFC 5545 rule in a time zone, and its occurrences (each an event).
#[Object]
impl EventSeries {
    /// Globally unique, opaque identifier.
    pub async fn id(&self) -> ID {
        global_id(NodeKind::EventSeries, self.0.id)
    }

    /// The community it belongs to.
    async fn community(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Community>> {
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders
            .community(self.0.community_id)
            .await
            .gql()?
            .map(Community))
    }

    /// The `RRULE` value (without DTSTART).
    async fn rule(&self) -> &str {
        &self.0.rule
    }

    /// The IANA time zone of the rule and of every occurrence.
    async fn time_zone(&self) -> &str {
        &self.0.time_zone
    }

    /// The first occurrence's local start.
    async fn local_start(&self) -> &str {
        &self.0.local_start
    }

    /// The title of its occurrences.
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// Markdown, as written.
    async fn description(&self) -> &str {
        &self.0.description
    }

    /// FAMILIAR or EXCITING.
    async fn kind(&self) -> EventKind {
        self.0.kind.into()
    }

    /// ONLINE, IN_PERSON or HYBRID.
    async fn format(&self) -> EventFormat {
        self.0.format.into()
    }

    /// For ACTIVE members, coordinators and the operator; null for everyone else.
    async fn join_url(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        match &self.0.join_url {
            Some(url) if sees_join_url(ctx, self.0.community_id).await? => Ok(Some(url.clone())),
            _ => Ok(None),
        }
    }

    /// Where its occurrences happen in person.
    async fn place(&self) -> Option<&str> {
        self.0.place.as_deref()
    }

    /// Seats of each occurrence; null for no limit.
    async fn capacity(&self) -> Option<i32> {
        self.0.capacity
    }

    /// SCHEDULED, or CANCELLED when the series was stopped.
    async fn state(&self) -> EventState {
        self.0.state.into()
    }

    /// Occurrences materialized so far.
    async fn occurrence_count(&self) -> i32 {
        self.0.occurrence_count
    }

    /// Its occurrences by start.
    #[graphql(complexity = "PageRequest::size_hint(first, None) * child_complexity")]
    async fn occurrences(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Returns items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Only occurrences starting at or after this instant.")] from: Option<
            DateTime<Utc>,
        >,
    ) -> async_graphql::Result<PraxisConnection<Event>> {
        let filter = EventFilter {
            from,
            ..EventFilter::default()
        };
        event_connection(
            ctx,
            EventScope::Series(self.0.id),
            &filter,
            PageArgs {
                first,
                after,
                last: None,
                before: None,
            },
        )
        .await
    }
}

/// An RSVP row, as the API shows it.
pub struct EventRsvp(pub event_rsvp::Model);

/// A person's answer to an event, and their check-in.
#[Object]
impl EventRsvp {
    /// Globally unique, opaque identifier.
    pub async fn id(&self) -> ID {
        global_id(NodeKind::EventRsvp, self.0.id)
    }

    /// The event answered.
    async fn event(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Event>> {
        Ok(event_loaders::of(ctx)?
            .event(self.0.event_id)
            .await
            .gql()?
            .map(Event))
    }

    /// Who answered (public profile).
    async fn person(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Person>> {
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders.person(self.0.person_id).await.gql()?.map(Person))
    }

    /// Their organization.
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        let loaders = ctx.data::<Loaders>()?;
        Ok(loaders
            .organization(self.0.organization_id)
            .await
            .gql()?
            .map(Organization))
    }

    /// Where the answer put them.
    async fn status(&self) -> RsvpStatus {
        self.0.status.into()
    }

    /// On the waitlist: the place in line, 1 first.
    async fn waitlist_position(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<i32>> {
        if self.0.status != entity::enums::RsvpStatus::Waitlisted {
            return Ok(None);
        }
        let line = event_loaders::of(ctx)?
            .waitlist(self.0.event_id)
            .await
            .gql()?;
        Ok(line
            .iter()
            .position(|id| *id == self.0.id)
            .and_then(|i| i32::try_from(i + 1).ok()))
    }

    /// When they last answered.
    async fn responded_at(&self) -> DateTime<Utc> {
        self.0.responded_at
    }

    /// When a host checked them in; null if not.
    async fn checked_in_at(&self) -> Option<DateTime<Utc>> {
        self.0.checked_in_at
    }
}

/// Whether the viewer reads the join URLs of a community's events (ACTIVE members,
/// coordinators, the operator), through the request's loaders: no statement per event.
async fn sees_join_url(ctx: &Context<'_>, community_id: uuid::Uuid) -> async_graphql::Result<bool> {
    let (_, viewer) = context::request(ctx)?;
    if viewer.is_operator() {
        return Ok(true);
    }
    let loaders = ctx.data::<Loaders>()?;
    let Some(community) = loaders.community(community_id).await.gql()? else {
        return Ok(false);
    };
    let own = loaders.viewer_membership(community_id).await.gql()?;
    let active = own
        .as_ref()
        .is_some_and(|m| m.status == entity::enums::MembershipStatus::Active);
    Ok(active || access::coordinates_with(viewer, &community, own.as_ref()))
}

/// A connection of events by (startsAt, id).
pub async fn event_connection(
    ctx: &Context<'_>,
    scope: EventScope,
    filter: &EventFilter,
    args: PageArgs,
) -> async_graphql::Result<PraxisConnection<Event>> {
    let (db, viewer) = context::request(ctx)?;
    let request = page_request(args.first, args.after, args.last, args.before)?;
    let listing = service::event::listing(viewer, scope, filter).gql()?;
    let page = listing.page(db, &request).await.gql()?;
    let total = if wants_total_count(ctx) {
        listing.count(db).await.gql()?
    } else {
        0
    };
    Ok(connection(page, total, EventListing::cursor_of, Event))
}
