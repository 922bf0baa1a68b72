//! Calendar feeds: the viewer's feed state, and rotating or revoking its secret token.

use super::{
    community::Community,
    context::{self, ServiceSettings},
    error::{user_errors, GqlResult, UserError},
    node::global_id,
    node::NodeKind,
};
use crate::service;
use async_graphql::{Context, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::{calendar_feed, community, enums::MembershipStatus, membership};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

/// The scheme and host the request came to (`https://praxis.example`), for links when no
/// `--public-url` is set.
#[derive(Debug, Clone)]
pub struct RequestOrigin(pub String);

/// A calendar feed row, as the API shows it.
pub struct CalendarFeed(pub calendar_feed::Model);

/// A person's calendar feed (its URLs are shown once, by `rotateCalendarFeed`).
#[Object]
impl CalendarFeed {
    /// When its token was made.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// When a calendar app last read it (to the hour).
    async fn last_used_at(&self) -> Option<DateTime<Utc>> {
        self.0.last_used_at
    }
}

/// One community's feed URL.
#[derive(SimpleObject)]
pub struct CommunityFeedUrl {
    /// The community.
    pub community: Community,
    /// Its feed URL (secret: it carries the token).
    pub url: String,
}

/// Result of `rotateCalendarFeed` and `revokeCalendarFeed`.
#[derive(SimpleObject)]
pub struct CalendarFeedPayload {
    /// The feed (after `revokeCalendarFeed`: the one removed, if any).
    pub calendar_feed: Option<CalendarFeed>,
    /// `.../calendar/<token>.ics`: shown once.
    pub personal_feed_url: Option<String>,
    /// One URL per community live for the viewer where they are an ACTIVE member.
    pub community_feed_urls: Vec<CommunityFeedUrl>,
    /// Why the change was not made.
    pub user_errors: Vec<UserError>,
}

/// The base of links: `--public-url`, else the request's own scheme and host.
fn base_url(ctx: &Context<'_>) -> String {
    let configured = ctx
        .data::<ServiceSettings>()
        .ok()
        .and_then(|s| s.public_url.as_ref())
        .map(|u| u.as_str().trim_end_matches('/').to_owned());
    configured
        .or_else(|| {
            ctx.data::<RequestOrigin>()
                .ok()
                .map(|o| o.0.trim_end_matches('/').to_owned())
        })
        .unwrap_or_default()
}

#[derive(Default)]
pub struct CalendarMutation;

#[Object]
impl CalendarMutation {
    /// Gives the viewer a new secret calendar feed token (the old one stops working at once)
    /// and returns the feed URLs: shown this once.
    async fn rotate_calendar_feed(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<CalendarFeedPayload> {
        let (db, viewer) = context::request(ctx)?;
        let (token, feed) = match user_errors(service::calendar::rotate(db, viewer).await)? {
            Ok(done) => done,
            Err(errors) => {
                return Ok(CalendarFeedPayload {
                    calendar_feed: None,
                    personal_feed_url: None,
                    community_feed_urls: vec![],
                    user_errors: errors,
                })
            }
        };
        let base = base_url(ctx);
        let member_of = membership::Entity::find()
            .filter(membership::Column::PersonId.eq(feed.person_id))
            .filter(membership::Column::Status.eq(MembershipStatus::Active))
            .all(db)
            .await
            .map_err(crate::error::ServiceError::from)
            .gql()?;
        let communities = community::Entity::find()
            .filter(community::Column::Id.is_in(member_of.iter().map(|m| m.community_id)))
            .filter(crate::access::viewer_live_communities(viewer))
            .order_by_asc(community::Column::Id)
            .all(db)
            .await
            .map_err(crate::error::ServiceError::from)
            .gql()?;
        let community_feed_urls = communities
            .into_iter()
            .map(|c| CommunityFeedUrl {
                url: format!(
                    "{base}/calendar/{token}/communities/{}.ics",
                    global_id(NodeKind::Community, c.id).as_str()
                ),
                community: Community(c),
            })
            .collect();
        Ok(CalendarFeedPayload {
            calendar_feed: Some(CalendarFeed(feed)),
            personal_feed_url: Some(format!("{base}/calendar/{token}.ics")),
            community_feed_urls,
            user_errors: vec![],
        })
    }

    /// Removes the viewer's calendar feed token: its URLs stop working.
    async fn revoke_calendar_feed(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<CalendarFeedPayload> {
        let (db, viewer) = context::request(ctx)?;
        let removed = user_errors(service::calendar::revoke(db, viewer).await)?;
        Ok(match removed {
            Ok(feed) => CalendarFeedPayload {
                calendar_feed: feed.map(CalendarFeed),
                personal_feed_url: None,
                community_feed_urls: vec![],
                user_errors: vec![],
            },
            Err(errors) => CalendarFeedPayload {
                calendar_feed: None,
                personal_feed_url: None,
                community_feed_urls: vec![],
                user_errors: errors,
            },
        })
    }
}
