//! Rows of the report tests' worlds, inserted straight into the database: the API cannot
//! set past timestamps.

use super::world::{at, day};
use crate::common::*;
use chrono::{DateTime, Duration, Utc};
use entity::{
    application, application_confirmation, article_author, article_revision, community,
    enums::{
        ArticleState, CommunityVisibility, EventFormat, EventKind, EventState, JoinRule,
        Leadership, LifecycleStage, MemberRole, MembershipStatus, ParticipationStatus,
        ParticipationTier, ProblemState, RsvpStatus, Urgency,
    },
    event, event_rsvp, idea, knowledge_article, membership, participation, person, problem,
};
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};
use serde_json::json;
use uuid::Uuid;

/// Inserts rows; every row gets a fresh id.
pub struct Seed<'a> {
    pub db: &'a DatabaseConnection,
}

impl Seed<'_> {
    pub async fn person(&self, org: &OrgFixture, subject: &str) -> Uuid {
        let id = Uuid::now_v7();
        person::ActiveModel {
            id: Set(id),
            organization_id: Set(org.id),
            subject: Set(subject.to_owned()),
            display_name: Set(Some(subject.to_owned())),
            email: Set(None),
            created_at: Set(at("2025-01-01T00:00:00Z")),
            last_seen_at: Set(at("2025-01-01T00:00:00Z")),
            business_unit: Set(None),
            business_unit_key: Set(None),
        }
        .insert(self.db)
        .await
        .unwrap();
        id
    }

    pub async fn community(
        &self,
        host: &OrgFixture,
        by: Uuid,
        name: &str,
        visibility: CommunityVisibility,
        created_at: DateTime<Utc>,
    ) -> Uuid {
        let id = Uuid::now_v7();
        community::ActiveModel {
            id: Set(id),
            host_organization_id: Set(host.id),
            slug: Set(name.to_lowercase().replace(' ', "-")),
            name: Set(name.to_owned()),
            purpose: Set(String::new()),
            tags: Set(json!([])),
            visibility: Set(visibility),
            stage: Set(LifecycleStage::Coalescing),
            charter: Set(String::new()),
            join_rule: Set(JoinRule::Open),
            created_by_person_id: Set(by),
            created_at: Set(created_at),
            updated_at: Set(created_at),
            rhythm_interval_days: Set(None),
        }
        .insert(self.db)
        .await
        .unwrap();
        self.participation(id, host, ParticipationTier::Host, created_at)
            .await;
        id
    }

    pub async fn participation(
        &self,
        community: Uuid,
        org: &OrgFixture,
        tier: ParticipationTier,
        since: DateTime<Utc>,
    ) {
        participation::ActiveModel {
            id: Set(Uuid::now_v7()),
            community_id: Set(community),
            organization_id: Set(org.id),
            tier: Set(tier),
            status: Set(ParticipationStatus::Active),
            sponsor_person_id: Set(None),
            invited_by_person_id: Set(None),
            invited_at: Set(since),
            expires_at: Set(None),
            accepted_at: Set(Some(since)),
            ended_at: Set(None),
            updated_at: Set(since),
        }
        .insert(self.db)
        .await
        .unwrap();
    }

    pub async fn member(
        &self,
        community: Uuid,
        who: (Uuid, Uuid),
        role: MemberRole,
        leadership: Option<Leadership>,
        joined: DateTime<Utc>,
    ) {
        membership::ActiveModel {
            id: Set(Uuid::now_v7()),
            community_id: Set(community),
            person_id: Set(who.0),
            organization_id: Set(who.1),
            role: Set(role),
            leadership: Set(leadership),
            status: Set(MembershipStatus::Active),
            suspended_from: Set(None),
            requested_at: Set(joined),
            joined_at: Set(Some(joined)),
            updated_at: Set(joined),
        }
        .insert(self.db)
        .await
        .unwrap();
    }

    /// A problem; `solved` is when it was solved (its time to solution follows).
    pub async fn problem(
        &self,
        community: Uuid,
        by: (Uuid, Uuid),
        created: DateTime<Utc>,
        solved: Option<DateTime<Utc>>,
        idea_count: i32,
    ) -> Uuid {
        let id = Uuid::now_v7();
        let state = if solved.is_some() {
            ProblemState::Solved
        } else {
            ProblemState::Open
        };
        problem::ActiveModel {
            id: Set(id),
            community_id: Set(community),
            author_person_id: Set(by.0),
            author_organization_id: Set(by.1),
            title: Set(format!("problem {id}")),
            body: Set(String::new()),
            tags: Set(json!([])),
            urgency: Set(Urgency::Normal),
            state: Set(state),
            state_rank: Set(state.rank()),
            idea_count: Set(idea_count),
            follower_count: Set(0),
            created_at: Set(created),
            updated_at: Set(solved.unwrap_or(created)),
            solved_at: Set(solved),
            time_to_solution_seconds: Set(solved.map(|s| (s - created).num_seconds())),
            closed_at: Set(None),
        }
        .insert(self.db)
        .await
        .unwrap();
        id
    }

    pub async fn idea(
        &self,
        community: Uuid,
        problem: Uuid,
        by: (Uuid, Uuid),
        created: DateTime<Utc>,
        accepted: Option<DateTime<Utc>>,
    ) {
        idea::ActiveModel {
            id: Set(Uuid::now_v7()),
            problem_id: Set(problem),
            community_id: Set(community),
            parent_idea_id: Set(None),
            author_person_id: Set(by.0),
            author_organization_id: Set(by.1),
            body: Set("an idea".into()),
            endorsement_count: Set(0),
            reply_count: Set(0),
            revision: Set(1),
            accepted_at: Set(accepted),
            accepted_by_person_id: Set(accepted.map(|_| by.0)),
            created_at: Set(created),
            edited_at: Set(None),
        }
        .insert(self.db)
        .await
        .unwrap();
    }

    /// An article with its co-authors and one revision per `(author, created)`.
    pub async fn article(
        &self,
        community: Uuid,
        state: ArticleState,
        published: Option<DateTime<Utc>>,
        authors: &[(Uuid, Uuid)],
        revisions: &[((Uuid, Uuid), DateTime<Utc>)],
    ) -> Uuid {
        let id = Uuid::now_v7();
        let creator = authors[0];
        let created = revisions[0].1;
        knowledge_article::ActiveModel {
            id: Set(id),
            community_id: Set(community),
            source_problem_id: Set(None),
            title: Set(format!("article {id}")),
            body: Set(String::new()),
            tags: Set(json!([])),
            state: Set(state),
            revision: Set(i32::try_from(revisions.len()).unwrap()),
            application_count: Set(0),
            created_by_person_id: Set(creator.0),
            created_by_organization_id: Set(creator.1),
            created_at: Set(created),
            updated_at: Set(created),
            published_at: Set(published),
        }
        .insert(self.db)
        .await
        .unwrap();
        for author in authors {
            article_author::ActiveModel {
                id: Set(Uuid::now_v7()),
                article_id: Set(id),
                person_id: Set(author.0),
                organization_id: Set(author.1),
                added_by_person_id: Set(creator.0),
                created_at: Set(created),
            }
            .insert(self.db)
            .await
            .unwrap();
        }
        for (number, (author, created)) in revisions.iter().enumerate() {
            article_revision::ActiveModel {
                id: Set(Uuid::now_v7()),
                article_id: Set(id),
                number: Set(i32::try_from(number).unwrap() + 1),
                title: Set(format!("article {id}")),
                body: Set(String::new()),
                tags: Set(json!([])),
                state: Set(state),
                author_person_id: Set(author.0),
                author_organization_id: Set(author.1),
                note: Set(String::new()),
                created_at: Set(*created),
            }
            .insert(self.db)
            .await
            .unwrap();
        }
        id
    }

    /// An application reported the day it names, at noon; money in minor units.
    #[allow(clippy::too_many_arguments)]
    pub async fn application(
        &self,
        community: Uuid,
        article: Uuid,
        by: (Uuid, Uuid),
        unit: &str,
        applied_on: &str,
        hours_centis: i64,
        money: Option<(i64, &str)>,
        outcome: &str,
    ) -> Uuid {
        let id = Uuid::now_v7();
        let applied_on = day(applied_on);
        application::ActiveModel {
            id: Set(id),
            community_id: Set(community),
            article_id: Set(Some(article)),
            problem_id: Set(None),
            person_id: Set(by.0),
            organization_id: Set(by.1),
            business_unit: Set(unit.to_owned()),
            what_was_done: Set("applied it".into()),
            outcome: Set(outcome.to_owned()),
            hours_saved_centis: Set(Some(hours_centis)),
            cost_saved_minor: Set(money.map(|m| m.0)),
            cost_currency: Set(money.map(|m| m.1.to_owned())),
            quality_note: Set(None),
            risk_note: Set(None),
            applied_on: Set(applied_on),
            confirmation_count: Set(0),
            created_at: Set(applied_on.and_hms_opt(12, 0, 0).unwrap().and_utc()),
        }
        .insert(self.db)
        .await
        .unwrap();
        id
    }

    pub async fn confirmation(&self, application: Uuid, by: (Uuid, Uuid), created: &str) {
        application_confirmation::ActiveModel {
            id: Set(Uuid::now_v7()),
            application_id: Set(application),
            person_id: Set(by.0),
            organization_id: Set(by.1),
            business_unit: Set(None),
            note: Set(None),
            created_at: Set(at(created)),
        }
        .insert(self.db)
        .await
        .unwrap();
    }

    /// An event of one hour from `starts`.
    pub async fn event(
        &self,
        community: Uuid,
        host: Uuid,
        by: Uuid,
        kind: EventKind,
        starts: DateTime<Utc>,
        state: EventState,
    ) -> Uuid {
        let id = Uuid::now_v7();
        event::ActiveModel {
            id: Set(id),
            community_id: Set(community),
            series_id: Set(None),
            host_organization_id: Set(host),
            title: Set(format!("event {starts}")),
            description: Set(String::new()),
            kind: Set(kind),
            format: Set(EventFormat::Online),
            join_url: Set(Some("https://meet.example/x".into())),
            place: Set(None),
            time_zone: Set("UTC".into()),
            starts_at: Set(starts),
            ends_at: Set(starts + Duration::hours(1)),
            original_starts_at: Set(None),
            moved: Set(false),
            detached: Set(false),
            capacity: Set(None),
            state: Set(state),
            cancel_reason: Set(None),
            going_count: Set(0),
            waitlist_count: Set(0),
            checked_in_count: Set(0),
            sequence: Set(0),
            created_by_person_id: Set(by),
            created_at: Set(starts - Duration::days(7)),
            updated_at: Set(starts - Duration::days(7)),
        }
        .insert(self.db)
        .await
        .unwrap();
        id
    }

    /// An RSVP; `checked_in` puts the check-in five minutes after the start.
    pub async fn rsvp(
        &self,
        community: Uuid,
        event: (Uuid, DateTime<Utc>),
        who: (Uuid, Uuid),
        status: RsvpStatus,
        checked_in: bool,
    ) {
        event_rsvp::ActiveModel {
            id: Set(Uuid::now_v7()),
            event_id: Set(event.0),
            community_id: Set(community),
            person_id: Set(who.0),
            organization_id: Set(who.1),
            status: Set(status),
            waitlisted_at: Set(None),
            responded_at: Set(event.1 - Duration::days(1)),
            checked_in_at: Set(checked_in.then(|| event.1 + Duration::minutes(5))),
            checked_in_by_person_id: Set(None),
            created_at: Set(event.1 - Duration::days(1)),
            updated_at: Set(event.1),
        }
        .insert(self.db)
        .await
        .unwrap();
    }
}
