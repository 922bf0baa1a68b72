//! Writes the year's activity: problems (with their authors' follows), ideas (with their
//! first revision and endorsements), articles (co-authors, revisions), the search documents
//! of all three (as `search_index::upsert` writes them), applications and confirmations,
//! event series, events and RSVPs. One transaction per table, multi-row inserts.

use super::{
    bulk::{insert_all, set_all},
    events::Events,
    generate::uuid_at,
    knowledge::Knowledge,
    world::World,
    write_world::Counts,
};
use crate::db::begin_write;
use entity::{
    application, application_confirmation, article_author, article_revision,
    enums::{SearchKind, Urgency},
    event, event_rsvp, event_series, idea, idea_endorsement, idea_revision, knowledge_article,
    problem, problem_follow, search_document,
};
use rand::rngs::StdRng;
use sea_orm::{ActiveModelTrait, DatabaseConnection, NotSet, Set};

async fn insert_table<A: ActiveModelTrait>(
    db: &DatabaseConnection,
    counts: &mut Counts,
    table: &'static str,
    rows: Vec<A>,
) -> anyhow::Result<()> {
    counts.push((table, rows.len()));
    let txn = begin_write(db).await?;
    insert_all(&txn, rows).await?;
    txn.commit().await?;
    Ok(())
}

pub async fn insert_knowledge(
    db: &DatabaseConnection,
    world: &World,
    knowledge: &Knowledge,
    rng: &mut StdRng,
    counts: &mut Counts,
) -> anyhow::Result<()> {
    let person = |p: usize| &world.people[p];
    let org_id = |p: usize| world.organizations[world.people[p].organization].id;
    let community_id = |c: usize| world.communities[c].id;
    let problems = knowledge.problems.iter().map(|p| {
        set_all(problem::Model {
            id: p.id,
            community_id: community_id(p.community),
            author_person_id: person(p.author).id,
            author_organization_id: org_id(p.author),
            title: p.title.clone(),
            body: p.body.clone(),
            tags: serde_json::Value::from(p.tags.clone()),
            urgency: Urgency::Normal,
            state: p.state,
            state_rank: p.state.rank(),
            idea_count: p.idea_count,
            follower_count: 1,
            created_at: p.created_at,
            updated_at: p.solved_at.or(p.closed_at).unwrap_or(p.created_at),
            solved_at: p.solved_at,
            time_to_solution_seconds: p.solved_at.map(|s| (s - p.created_at).num_seconds()),
            closed_at: p.closed_at,
        })
    });
    insert_table(
        db,
        counts,
        "problem",
        problems.collect::<Vec<problem::ActiveModel>>(),
    )
    .await?;
    let follows: Vec<problem_follow::ActiveModel> = knowledge
        .problems
        .iter()
        .map(|p| {
            set_all(problem_follow::Model {
                id: uuid_at(rng, p.created_at),
                problem_id: p.id,
                person_id: person(p.author).id,
                created_at: p.created_at,
            })
        })
        .collect();
    insert_table(db, counts, "problem_follow", follows).await?;
    let ideas: Vec<idea::ActiveModel> = knowledge
        .ideas
        .iter()
        .map(|i| {
            let problem = &knowledge.problems[i.problem];
            set_all(idea::Model {
                id: i.id,
                problem_id: problem.id,
                community_id: community_id(problem.community),
                parent_idea_id: i.parent.map(|p| knowledge.ideas[p].id),
                author_person_id: person(i.author).id,
                author_organization_id: org_id(i.author),
                body: i.body.clone(),
                endorsement_count: i.endorsements.len() as i32,
                reply_count: i.reply_count,
                revision: 1,
                accepted_at: i.accepted_at,
                accepted_by_person_id: i.accepted_at.map(|_| person(problem.author).id),
                created_at: i.created_at,
                edited_at: None,
            })
        })
        .collect();
    insert_table(db, counts, "idea", ideas).await?;
    let revisions: Vec<idea_revision::ActiveModel> = knowledge
        .ideas
        .iter()
        .map(|i| {
            set_all(idea_revision::Model {
                id: uuid_at(rng, i.created_at),
                idea_id: i.id,
                number: 1,
                body: i.body.clone(),
                created_at: i.created_at,
            })
        })
        .collect();
    insert_table(db, counts, "idea_revision", revisions).await?;
    let mut endorsements: Vec<idea_endorsement::ActiveModel> = Vec::new();
    for i in &knowledge.ideas {
        for (p, at) in &i.endorsements {
            endorsements.push(set_all(idea_endorsement::Model {
                id: uuid_at(rng, *at),
                idea_id: i.id,
                person_id: person(*p).id,
                organization_id: org_id(*p),
                created_at: *at,
            }));
        }
    }
    insert_table(db, counts, "idea_endorsement", endorsements).await?;

    let articles = knowledge.articles.iter().map(|a| {
        let created = &a.revisions[0];
        let last = a.revisions.last().unwrap_or(created);
        set_all(knowledge_article::Model {
            id: a.id,
            community_id: community_id(a.community),
            source_problem_id: None,
            title: a.title.clone(),
            body: a.body.clone(),
            tags: serde_json::Value::from(a.tags.clone()),
            state: a.state(),
            revision: a.revisions.len() as i32,
            application_count: a.application_count,
            created_by_person_id: person(a.authors[0]).id,
            created_by_organization_id: org_id(a.authors[0]),
            created_at: created.created_at,
            updated_at: last.created_at,
            published_at: a.published_at,
        })
    });
    insert_table(
        db,
        counts,
        "knowledge_article",
        articles.collect::<Vec<knowledge_article::ActiveModel>>(),
    )
    .await?;
    let mut authors = Vec::new();
    let mut article_revisions = Vec::new();
    for a in &knowledge.articles {
        let at = a.revisions[0].created_at;
        for p in &a.authors {
            authors.push(set_all::<_, article_author::ActiveModel>(
                article_author::Model {
                    id: uuid_at(rng, at),
                    article_id: a.id,
                    person_id: person(*p).id,
                    organization_id: org_id(*p),
                    added_by_person_id: person(a.authors[0]).id,
                    created_at: at,
                },
            ));
        }
        for (n, r) in a.revisions.iter().enumerate() {
            article_revisions.push(set_all::<_, article_revision::ActiveModel>(
                article_revision::Model {
                    id: uuid_at(rng, r.created_at),
                    article_id: a.id,
                    number: n as i32 + 1,
                    title: a.title.clone(),
                    body: a.body.clone(),
                    tags: serde_json::Value::from(a.tags.clone()),
                    state: r.state,
                    author_person_id: person(r.author).id,
                    author_organization_id: org_id(r.author),
                    note: String::new(),
                    created_at: r.created_at,
                },
            ));
        }
    }
    insert_table(db, counts, "article_author", authors).await?;
    insert_table(db, counts, "article_revision", article_revisions).await?;
    insert_search_documents(db, world, knowledge, counts).await?;

    let mut applications = Vec::new();
    let mut confirmations = Vec::new();
    for a in &knowledge.applications {
        applications.push(set_all::<_, application::ActiveModel>(application::Model {
            id: a.id,
            community_id: community_id(a.community),
            article_id: a.article.map(|i| knowledge.articles[i].id),
            problem_id: a.problem.map(|i| knowledge.problems[i].id),
            person_id: person(a.reporter).id,
            organization_id: org_id(a.reporter),
            business_unit: a.business_unit.clone(),
            what_was_done: "Rolled the playbook out on line 3.".to_owned(),
            outcome: "Fewer stoppages.".to_owned(),
            hours_saved_centis: a.hours_saved_centis,
            cost_saved_minor: a.money.map(|(minor, _)| minor),
            cost_currency: a.money.map(|(_, currency)| currency.to_owned()),
            quality_note: None,
            risk_note: None,
            applied_on: a.applied_on,
            confirmation_count: a.confirmations.len() as i32,
            created_at: a.created_at,
        }));
        for c in &a.confirmations {
            let confirmer = person(c.person);
            confirmations.push(set_all::<_, application_confirmation::ActiveModel>(
                application_confirmation::Model {
                    id: uuid_at(rng, c.created_at),
                    application_id: a.id,
                    person_id: confirmer.id,
                    organization_id: org_id(c.person),
                    business_unit: confirmer
                        .unit
                        .map(|u| world.organizations[confirmer.organization].units[u].clone()),
                    note: None,
                    created_at: c.created_at,
                },
            ));
        }
    }
    insert_table(db, counts, "application", applications).await?;
    insert_table(db, counts, "application_confirmation", confirmations).await?;
    Ok(())
}

pub async fn insert_events(
    db: &DatabaseConnection,
    world: &World,
    events: &Events,
    counts: &mut Counts,
) -> anyhow::Result<()> {
    let person_id = |p: usize| world.people[p].id;
    let org_id = |o: usize| world.organizations[o].id;
    let community_id = |c: usize| world.communities[c].id;
    let join_url = |format: entity::enums::EventFormat, c: usize| {
        (format != entity::enums::EventFormat::InPerson)
            .then(|| format!("https://meet.example.com/{}", world.communities[c].slug))
    };
    let place = |format: entity::enums::EventFormat| {
        (format != entity::enums::EventFormat::Online).then(|| "Main site, room 2".to_owned())
    };
    let series = events.series.iter().map(|s| {
        set_all(event_series::Model {
            id: s.id,
            community_id: community_id(s.community),
            host_organization_id: org_id(s.host_organization),
            rule: s.rule.clone(),
            time_zone: s.time_zone.to_owned(),
            local_start: s.local_start.clone(),
            duration_seconds: s.duration.num_seconds(),
            title: s.title.clone(),
            description: "Open floor: what worked, what did not.".to_owned(),
            kind: entity::enums::EventKind::Familiar,
            format: s.format,
            join_url: join_url(s.format, s.community),
            place: place(s.format),
            capacity: None,
            state: entity::enums::EventState::Scheduled,
            occurrence_count: s.occurrences as i32,
            materialized_until: Some(s.last_start),
            complete: true,
            created_by_person_id: person_id(s.creator),
            created_at: s.created_at,
            updated_at: s.created_at,
        })
    });
    insert_table(
        db,
        counts,
        "event_series",
        series.collect::<Vec<event_series::ActiveModel>>(),
    )
    .await?;
    let rows = events.events.iter().map(|e| {
        let cancelled = e.state == entity::enums::EventState::Cancelled;
        set_all(event::Model {
            id: e.id,
            community_id: community_id(e.community),
            series_id: e.series.map(|s| events.series[s].id),
            host_organization_id: org_id(e.host_organization),
            title: e.title.clone(),
            description: "Agenda in the notes.".to_owned(),
            kind: e.kind,
            format: e.format,
            join_url: join_url(e.format, e.community),
            place: place(e.format),
            time_zone: e.time_zone.to_owned(),
            starts_at: e.starts_at,
            ends_at: e.ends_at,
            original_starts_at: e.original_starts_at,
            moved: e.moved,
            detached: e.moved,
            capacity: e.capacity,
            state: e.state,
            cancel_reason: cancelled.then(|| "Too few could make it".to_owned()),
            going_count: e.count(entity::enums::RsvpStatus::Going),
            waitlist_count: e.count(entity::enums::RsvpStatus::Waitlisted),
            checked_in_count: e.checked_in(),
            sequence: i32::from(e.moved) + i32::from(cancelled),
            created_by_person_id: person_id(e.creator),
            created_at: e.created_at,
            updated_at: e.created_at,
        })
    });
    insert_table(
        db,
        counts,
        "event",
        rows.collect::<Vec<event::ActiveModel>>(),
    )
    .await?;
    let mut rsvps: Vec<event_rsvp::ActiveModel> = Vec::new();
    for e in &events.events {
        for r in &e.rsvps {
            let person = &world.people[r.person];
            rsvps.push(set_all(event_rsvp::Model {
                id: r.id,
                event_id: e.id,
                community_id: community_id(e.community),
                person_id: person.id,
                organization_id: org_id(person.organization),
                status: r.status,
                waitlisted_at: r.waitlisted_at,
                responded_at: r.responded_at,
                checked_in_at: r.checked_in_at,
                checked_in_by_person_id: r.checked_in_at.map(|_| person_id(e.creator)),
                created_at: r.responded_at,
                updated_at: r.checked_in_at.unwrap_or(r.responded_at),
            }));
        }
    }
    insert_table(db, counts, "event_rsvp", rsvps).await?;
    Ok(())
}

/// The search documents of every problem, idea and article, as `search_index::upsert`
/// writes them (ideas: no title, their problem's state and tags).
async fn insert_search_documents(
    db: &DatabaseConnection,
    world: &World,
    knowledge: &Knowledge,
    counts: &mut Counts,
) -> anyhow::Result<()> {
    let org_id = |p: usize| world.organizations[world.people[p].organization].id;
    let community_id = |c: usize| world.communities[c].id;
    let row = |item_id, kind, community: usize, author: usize, tags: &[String], state: &str| {
        search_document::ActiveModel {
            seq: NotSet,
            item_id: Set(item_id),
            kind: Set(kind),
            community_id: Set(community_id(community)),
            author_organization_id: Set(org_id(author)),
            tags: Set(serde_json::Value::from(tags.to_vec())),
            state: Set(state.to_owned()),
            title: NotSet,
            body: NotSet,
            created_at: NotSet,
        }
    };
    let mut documents = Vec::with_capacity(
        knowledge.problems.len() + knowledge.ideas.len() + knowledge.articles.len(),
    );
    for p in &knowledge.problems {
        let mut document = row(
            p.id,
            SearchKind::Problem,
            p.community,
            p.author,
            &p.tags,
            p.state.as_str(),
        );
        document.title = Set(p.title.clone());
        document.body = Set(p.body.clone());
        document.created_at = Set(p.created_at);
        documents.push(document);
    }
    for i in &knowledge.ideas {
        let problem = &knowledge.problems[i.problem];
        let mut document = row(
            i.id,
            SearchKind::Idea,
            problem.community,
            i.author,
            &problem.tags,
            problem.state.as_str(),
        );
        document.title = Set(String::new());
        document.body = Set(i.body.clone());
        document.created_at = Set(i.created_at);
        documents.push(document);
    }
    for a in &knowledge.articles {
        let mut document = row(
            a.id,
            SearchKind::Article,
            a.community,
            a.authors[0],
            &a.tags,
            a.state().as_str(),
        );
        document.title = Set(a.title.clone());
        document.body = Set(a.body.clone());
        document.created_at = Set(a.revisions[0].created_at);
        documents.push(document);
    }
    insert_table(db, counts, "search_document", documents).await
}
