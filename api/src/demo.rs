//! The demo world: three organizations with people, loaded idempotently by `serve --demo` and
//! `seed`, so that a new user can try the API at once.

use crate::{
    auth::{MemberIdentity, OperatorViewer, Viewer},
    error::ServiceResult,
    service::{self, organization::NewOrganization},
};
use sea_orm::DatabaseConnection;

/// A demo person: subject, display name, whether an admin.
pub type DemoPerson = (&'static str, &'static str, bool);

/// Demo organizations: slug, name, and their people.
pub const DEMO_WORLD: &[(&str, &str, &[DemoPerson])] = &[
    (
        "acme",
        "Acme Corporation",
        &[
            ("alice", "Alice Archer", true),
            ("bob", "Bob Baker", false),
            ("carol", "Carol Chen", false),
        ],
    ),
    (
        "globex",
        "Globex",
        &[("dana", "Dana Diaz", true), ("erin", "Erin Evans", false)],
    ),
    (
        "initech",
        "Initech",
        &[
            ("frank", "Frank Foster", true),
            ("grace", "Grace Green", false),
        ],
    ),
];

/// What loading the demo did, for the message printed after it.
#[derive(Debug, Default)]
pub struct DemoReport {
    pub created: Vec<String>,
    pub existing: Vec<String>,
}

/// Loads the demo world; organizations that exist already are left as they are.
pub async fn load(db: &DatabaseConnection) -> ServiceResult<DemoReport> {
    let operator = Viewer::Operator(OperatorViewer {
        subject: "praxis-demo".to_owned(),
    });
    let mut report = DemoReport::default();
    let mut viewers = std::collections::HashMap::new();
    for (slug, name, people) in DEMO_WORLD {
        let org = match service::organization::find_by_slug(db, &operator, slug).await {
            Ok(org) => {
                report.existing.push((*slug).to_owned());
                org
            }
            Err(crate::error::ServiceError::NotFound) => {
                let new = NewOrganization {
                    slug: (*slug).to_owned(),
                    name: (*name).to_owned(),
                    issuer: None,
                    jwks_url: None,
                    dev_key: true,
                    admin_claim: None,
                    admin_claim_value: None,
                };
                report.created.push((*slug).to_owned());
                service::organization::create_organization(db, &operator, new, false)
                    .await?
                    .organization
            }
            Err(other) => return Err(other),
        };
        for (subject, display_name, is_admin) in *people {
            let member = MemberIdentity {
                organization_id: org.id,
                subject: (*subject).to_owned(),
                name: Some((*display_name).to_owned()),
                email: Some(format!("{subject}@{slug}.example")),
                is_admin: *is_admin,
            };
            let person = service::person::sign_in(db, &member).await?;
            viewers.insert(*subject, Viewer::Person(person));
        }
    }
    if report.existing.is_empty() {
        federate(db, &viewers).await?;
    }
    Ok(report)
}

/// The demo's federation, made through the services as its people would: acme and globex
/// are partners, acme proposed to initech; acme hosts "platform-engineering", federated to
/// globex (sponsor Dana), with Alice coordinating, Bob and Erin as members.
async fn federate(
    db: &DatabaseConnection,
    viewers: &std::collections::HashMap<&str, Viewer>,
) -> ServiceResult<()> {
    use crate::service::{
        community::NewCommunity, participation::PartnerDecision, partnership::Transition,
    };
    use entity::enums::{CommunityVisibility, JoinRule, LifecycleStage, ParticipationTier};
    let viewer = |subject: &str| {
        viewers.get(subject).ok_or_else(|| {
            crate::error::ServiceError::Internal(anyhow::anyhow!("demo person {subject} missing"))
        })
    };
    let (alice, dana, erin, bob) = (
        viewer("alice")?,
        viewer("dana")?,
        viewer("erin")?,
        viewer("bob")?,
    );
    let partnership = service::partnership::propose(
        db,
        alice,
        "globex",
        Some("Let's share what we learn about platform engineering.".to_owned()),
    )
    .await?;
    service::partnership::transition(db, dana, partnership.id, Transition::Accept).await?;
    service::partnership::propose(db, alice, "initech", None).await?;
    let community = service::community::create(
        db,
        alice,
        NewCommunity {
            slug: "platform-engineering".to_owned(),
            name: "Platform Engineering".to_owned(),
            purpose: "Internal developer platforms: golden paths, self-service, paved roads."
                .to_owned(),
            tags: vec!["platforms".to_owned(), "devex".to_owned()],
            visibility: CommunityVisibility::Federated,
            stage: LifecycleStage::Coalescing,
            charter: "We meet monthly, write down what works, and help each other ship.".to_owned(),
            join_rule: JoinRule::Open,
        },
    )
    .await?;
    let globex = dana.person().map(|p| p.organization_id).unwrap_or_default();
    let invitation = service::participation::invite(
        db,
        alice,
        community.id,
        globex,
        ParticipationTier::Participate,
        service::participation::DEFAULT_INVITATION_DAYS,
    )
    .await?;
    let sponsor_id = dana.person().map(|p| p.person_id).unwrap_or_default();
    service::participation::decide_invitation(
        db,
        dana,
        invitation.id,
        PartnerDecision::Accept { sponsor_id },
    )
    .await?;
    service::membership::join(db, bob, community.id).await?;
    service::membership::join(db, erin, community.id).await?;
    knowledge(db, community.id, bob, erin, alice).await?;
    events(db, community.id, alice, bob, erin).await
}

/// The community's rhythm: a monthly online call (a series in Europe/Berlin), an in-person
/// workshop with two seats (Alice waits for one), and last week's clinic with check-ins.
async fn events(
    db: &DatabaseConnection,
    community_id: uuid::Uuid,
    alice: &Viewer,
    bob: &Viewer,
    erin: &Viewer,
) -> ServiceResult<()> {
    use crate::service::event::{NewEvent, RsvpResponse};
    use entity::enums::{EventFormat, EventKind};
    let day =
        |offset: i64| (chrono::Utc::now() + chrono::Duration::days(offset)).format("%Y-%m-%d");
    let new = |title: &str, kind, format, start: String, end: String| NewEvent {
        community_id,
        title: title.to_owned(),
        description: String::new(),
        kind,
        format,
        join_url: None,
        place: None,
        start,
        end,
        time_zone: "Europe/Berlin".to_owned(),
        capacity: None,
        recurrence: None,
    };
    let mut call = new(
        "Monthly platform call",
        EventKind::Familiar,
        EventFormat::Online,
        format!("{}T16:00", day(7)),
        format!("{}T17:00", day(7)),
    );
    call.description = "Show and tell, then one problem from the board.".to_owned();
    call.join_url = Some("https://meet.example/platform-engineering".to_owned());
    call.recurrence = Some("FREQ=MONTHLY;COUNT=12".to_owned());
    service::event::create(db, alice, call).await?;
    let mut workshop = new(
        "Golden paths workshop",
        EventKind::Exciting,
        EventFormat::InPerson,
        format!("{}T09:30", day(21)),
        format!("{}T16:30", day(21)),
    );
    workshop.description = "A day of pairing on paved roads for new services.".to_owned();
    workshop.place = Some("Acme HQ, Room 4.2, Berlin".to_owned());
    workshop.capacity = Some(2);
    let (workshop, _) = service::event::create(db, alice, workshop).await?;
    for who in [bob, erin, alice] {
        service::event::rsvp(db, who, workshop.id, RsvpResponse::Going).await?;
    }
    let mut clinic = new(
        "CI clinic",
        EventKind::Familiar,
        EventFormat::Online,
        format!("{}T15:00", day(-2)),
        format!("{}T16:00", day(-2)),
    );
    clinic.join_url = Some("https://meet.example/ci-clinic".to_owned());
    let (clinic, _) = service::event::create(db, alice, clinic).await?;
    for who in [bob, erin] {
        if let Some(person) = who.person() {
            service::event::check_in(db, alice, clinic.id, person.person_id).await?;
        }
    }
    Ok(())
}

/// The knowledge cycle in the shared community: a problem, ideas across organizations, an
/// endorsement and an accepted solution.
async fn knowledge(
    db: &DatabaseConnection,
    community_id: uuid::Uuid,
    bob: &Viewer,
    erin: &Viewer,
    alice: &Viewer,
) -> ServiceResult<()> {
    use crate::service::{
        application::NewApplication, article::NewArticle, idea::NewIdea, problem::NewProblem,
    };
    use entity::enums::{ArticleState, Urgency};
    let problem = service::problem::post(
        db,
        bob,
        NewProblem {
            community_id,
            title: "Integration builds fail randomly after cache restores".to_owned(),
            body: concat!(
                "Since we moved CI to shared runners, about one build in ten fails while ",
                "restoring the dependency cache. Re-running usually passes.\n\n",
                "- happens on large monorepos\n- logs show truncated archives",
            )
            .to_owned(),
            tags: vec!["ci".to_owned(), "caching".to_owned()],
            urgency: Urgency::High,
        },
    )
    .await?;
    let idea = service::idea::contribute(
        db,
        erin,
        NewIdea {
            problem_id: problem.id,
            parent_idea_id: None,
            body: concat!(
                "Key the cache on the lockfile hash and verify the archive checksum before ",
                "extracting; on a mismatch, fall back to a clean install. That stopped our ",
                "flaky restores at Globex.",
            )
            .to_owned(),
        },
    )
    .await?;
    service::idea::contribute(
        db,
        alice,
        NewIdea {
            problem_id: problem.id,
            parent_idea_id: Some(idea.id),
            body: "We tried this on two pipelines: no failed restores in a week.".to_owned(),
        },
    )
    .await?;
    service::idea::endorse(db, alice, idea.id).await?;
    service::problem::accept_solution(db, bob, problem.id, &[idea.id]).await?;
    let article = service::article::create(
        db,
        erin,
        NewArticle {
            community_id: None,
            from_problem_id: Some(problem.id),
            title: Some("Reliable dependency cache restores in CI".to_owned()),
            body: None,
            tags: None,
            co_author_ids: bob.person().map(|p| vec![p.person_id]).unwrap_or_default(),
        },
    )
    .await?;
    service::article::set_state(db, alice, article.id, ArticleState::Published).await?;
    service::application::report(
        db,
        bob,
        NewApplication {
            article_id: Some(article.id),
            problem_id: None,
            what_was_done: "Checksum-verified cache restores on the payments monorepo.".to_owned(),
            business_unit: "Payments Platform".to_owned(),
            outcome: "No failed restores in three weeks; re-runs stopped.".to_owned(),
            applied_on: None,
            hours_saved: Some(12.5),
            cost_saved: Some(("1800.00".to_owned(), "EUR".to_owned())),
            quality_note: Some("Fewer red builds on main.".to_owned()),
            risk_note: None,
        },
    )
    .await?;
    Ok(())
}

/// How to get tokens for the demo world.
pub fn instructions(bind: Option<&str>) -> String {
    let mut text = String::from(
        "Demo world loaded: organizations acme, globex, initech; acme and globex are partners \
         and share the community acme/platform-engineering; acme proposed a partnership to initech.\n",
    );
    text.push_str("Mint a token (`praxis` is `cargo run -q --` in a checkout; admins: alice@acme, dana@globex, frank@initech):\n");
    for (slug, _, people) in DEMO_WORLD {
        for (subject, display_name, is_admin) in *people {
            text.push_str(&format!(
                "  praxis token --org {slug} --sub {subject} --name \"{display_name}\"{}\n",
                if *is_admin { " --admin" } else { "" }
            ));
        }
    }
    if let Some(bind) = bind {
        text.push_str(&format!(
            "Then open http://{bind}/graphql and set the header\n  {{\"Authorization\": \"Bearer <token>\"}}\n"
        ));
    }
    text
}
