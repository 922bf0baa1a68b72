//! Builds the fixed world of `world.rs`. Every figure the tests expect is derived by hand
//! from the rows below, in comments next to the asserts.

use super::world::{at, Seed, World};
use crate::common::*;
use entity::enums::{
    ArticleState, CommunityVisibility, EventKind, EventState, Leadership, MemberRole,
    ParticipationTier, RsvpStatus,
};
use std::collections::HashMap;

/// The period most reports are asked for: the first quarter of 2026.
pub const Q1: (&str, &str) = ("2026-01-01", "2026-03-31");

pub async fn build(app: &TestApp) -> World<'_> {
    let (acme, globex, initech) = (
        app.create_org("acme").await,
        app.create_org("globex").await,
        app.create_org("initech").await,
    );
    let seed = Seed { db: &app.db };
    let mut people = HashMap::new();
    for name in ["alice", "bob", "carol", "dan"] {
        people.insert(name, (seed.person(&acme, name).await, acme.id));
    }
    for name in ["gina", "gus", "hal", "ivy", "jo", "kim", "lee"] {
        people.insert(name, (seed.person(&globex, name).await, globex.id));
    }
    for name in ["nia", "omar"] {
        people.insert(name, (seed.person(&initech, name).await, initech.id));
    }
    let p = |name: &str| people[name];
    let since = at("2025-06-01T00:00:00Z");

    // Reliability Guild: acme hosts, globex takes part.
    let guild = seed
        .community(
            &acme,
            p("alice").0,
            "Reliability Guild",
            CommunityVisibility::Federated,
            since,
        )
        .await;
    seed.participation(guild, &globex, ParticipationTier::Participate, since)
        .await;
    let joined = at("2025-12-01T00:00:00Z");
    for (name, role, kind) in [
        ("alice", MemberRole::Coordinator, None),
        ("bob", MemberRole::Core, Some(Leadership::Informal)),
        ("carol", MemberRole::Active, None),
        ("dan", MemberRole::Peripheral, None),
        ("hal", MemberRole::Active, None),
        ("ivy", MemberRole::Active, None),
        ("jo", MemberRole::Peripheral, None),
        ("kim", MemberRole::Active, None),
    ] {
        seed.member(guild, p(name), role, kind, joined).await;
    }
    // lee joined after the first quarter: a member now, not in Q1's figures.
    seed.member(
        guild,
        p("lee"),
        MemberRole::Active,
        None,
        at("2026-04-10T00:00:00Z"),
    )
    .await;

    // Quality Circle: globex's own.
    let circle = seed
        .community(
            &globex,
            p("gus").0,
            "Quality Circle",
            CommunityVisibility::HostOnly,
            since,
        )
        .await;
    let earlier = at("2025-11-01T00:00:00Z");
    seed.member(circle, p("gus"), MemberRole::Coordinator, None, earlier)
        .await;
    seed.member(circle, p("hal"), MemberRole::Active, None, earlier)
        .await;

    // Data Circle: initech's own, with ivy's stale membership and application.
    let data_circle = seed
        .community(
            &initech,
            p("omar").0,
            "Data Circle",
            CommunityVisibility::HostOnly,
            since,
        )
        .await;
    seed.member(
        data_circle,
        p("omar"),
        MemberRole::Coordinator,
        None,
        earlier,
    )
    .await;
    seed.member(data_circle, p("ivy"), MemberRole::Active, None, earlier)
        .await;

    knowledge(&seed, guild, circle, data_circle, &p).await;
    events(&seed, guild, circle, &acme, &globex, &p).await;
    World {
        app,
        acme,
        globex,
        initech,
        people,
        guild,
        circle,
        data_circle,
    }
}

type People<'a> = dyn Fn(&str) -> (uuid::Uuid, uuid::Uuid) + 'a;

async fn knowledge(
    seed: &Seed<'_>,
    guild: uuid::Uuid,
    circle: uuid::Uuid,
    data_circle: uuid::Uuid,
    p: &People<'_>,
) {
    let t = at;
    // P1 bob: 2 days to hal's idea. P2 hal: 10 days to bob's idea. P3 carol: 4 days to
    // dan's idea. P4 ivy: open. P5 bob (posted in 2025): 23 days to ivy's idea.
    let p1 = seed
        .problem(
            guild,
            p("bob"),
            t("2026-01-05T10:00:00Z"),
            Some(t("2026-01-07T10:00:00Z")),
            1,
        )
        .await;
    let p2 = seed
        .problem(
            guild,
            p("hal"),
            t("2026-01-10T00:00:00Z"),
            Some(t("2026-01-20T00:00:00Z")),
            2,
        )
        .await;
    let p3 = seed
        .problem(
            guild,
            p("carol"),
            t("2026-02-01T00:00:00Z"),
            Some(t("2026-02-05T00:00:00Z")),
            1,
        )
        .await;
    seed.problem(guild, p("ivy"), t("2026-03-01T00:00:00Z"), None, 0)
        .await;
    let p5 = seed
        .problem(
            guild,
            p("bob"),
            t("2025-12-10T00:00:00Z"),
            Some(t("2026-01-02T00:00:00Z")),
            1,
        )
        .await;
    seed.idea(
        guild,
        p1,
        p("hal"),
        t("2026-01-06T00:00:00Z"),
        Some(t("2026-01-07T10:00:00Z")),
    )
    .await;
    seed.idea(
        guild,
        p2,
        p("bob"),
        t("2026-01-12T00:00:00Z"),
        Some(t("2026-01-20T00:00:00Z")),
    )
    .await;
    seed.idea(
        guild,
        p3,
        p("dan"),
        t("2026-02-02T00:00:00Z"),
        Some(t("2026-02-05T00:00:00Z")),
    )
    .await;
    seed.idea(
        guild,
        p5,
        p("ivy"),
        t("2025-12-20T00:00:00Z"),
        Some(t("2026-01-02T00:00:00Z")),
    )
    .await;
    seed.idea(guild, p2, p("kim"), t("2026-01-15T00:00:00Z"), None)
        .await;

    // A1 published in Q1 by bob and hal; A2 carol's draft; A3 published in 2025.
    let a1 = seed
        .article(
            guild,
            ArticleState::Published,
            Some(t("2026-02-10T00:00:00Z")),
            &[p("bob"), p("hal")],
            &[
                (p("bob"), t("2026-02-08T00:00:00Z")),
                (p("hal"), t("2026-02-09T00:00:00Z")),
            ],
        )
        .await;
    seed.article(
        guild,
        ArticleState::Draft,
        None,
        &[p("carol")],
        &[(p("carol"), t("2026-03-05T00:00:00Z"))],
    )
    .await;
    seed.article(
        guild,
        ArticleState::Published,
        Some(t("2025-11-01T00:00:00Z")),
        &[p("alice")],
        &[(p("alice"), t("2025-10-30T00:00:00Z"))],
    )
    .await;

    let ap1 = seed
        .application(
            guild,
            a1,
            p("carol"),
            "Treasury",
            "2026-02-15",
            1250,
            Some((180_000, "EUR")),
            "Month-end close two days faster",
        )
        .await;
    let ap2 = seed
        .application(
            guild,
            a1,
            p("hal"),
            "Ops",
            "2026-03-01",
            800,
            Some((50_000, "USD")),
            "Fewer night pages",
        )
        .await;
    seed.application(
        guild,
        a1,
        p("alice"),
        "Plant Lyon",
        "2026-03-20",
        300,
        Some((20_000, "EUR")),
        "Line restarts halved",
    )
    .await;
    seed.application(
        guild,
        a1,
        p("carol"),
        "plant lyon",
        "2026-03-25",
        100,
        None,
        "Shared with the plant",
    )
    .await;
    seed.application(
        guild,
        a1,
        p("hal"),
        "Ops",
        "2025-12-15",
        900,
        None,
        "Before the quarter",
    )
    .await;
    seed.confirmation(ap1, p("hal"), "2026-02-20T00:00:00Z")
        .await;
    seed.confirmation(ap2, p("bob"), "2026-03-05T00:00:00Z")
        .await;
    seed.confirmation(ap2, p("kim"), "2026-03-06T00:00:00Z")
        .await;

    // Quality Circle: one problem of hal in Q1.
    seed.problem(circle, p("hal"), t("2026-02-11T00:00:00Z"), None, 0)
        .await;

    // Data Circle: ivy's application, 50 hours, must never count for globex.
    let d1 = seed
        .article(
            data_circle,
            ArticleState::Published,
            Some(t("2026-01-03T00:00:00Z")),
            &[p("omar")],
            &[(p("omar"), t("2026-01-02T00:00:00Z"))],
        )
        .await;
    seed.application(
        data_circle,
        d1,
        p("ivy"),
        "Ops",
        "2026-02-01",
        5000,
        Some((99_900, "USD")),
        "Hidden from globex",
    )
    .await;
    seed.problem(data_circle, p("ivy"), t("2026-02-02T00:00:00Z"), None, 0)
        .await;
}

async fn events(
    seed: &Seed<'_>,
    guild: uuid::Uuid,
    circle: uuid::Uuid,
    acme: &OrgFixture,
    globex: &OrgFixture,
    p: &People<'_>,
) {
    use EventKind::{Exciting, Familiar};
    use RsvpStatus::{Declined, Going, Maybe};
    let alice = p("alice").0;
    let scheduled = EventState::Scheduled;
    let mut at_guild = Vec::new();
    for (starts, kind, host, by, state) in [
        ("2025-12-30T09:00:00Z", Familiar, acme.id, alice, scheduled),
        ("2026-01-06T09:00:00Z", Familiar, acme.id, alice, scheduled),
        ("2026-01-13T09:00:00Z", Familiar, acme.id, alice, scheduled),
        ("2026-01-20T09:00:00Z", Familiar, acme.id, alice, scheduled),
        (
            "2026-01-24T09:00:00Z",
            Exciting,
            globex.id,
            p("hal").0,
            scheduled,
        ),
        ("2026-02-03T09:00:00Z", Familiar, acme.id, alice, scheduled),
        (
            "2026-02-17T09:00:00Z",
            Familiar,
            acme.id,
            alice,
            EventState::Cancelled,
        ),
        ("2026-03-10T09:00:00Z", Familiar, acme.id, alice, scheduled),
        ("2026-03-17T09:00:00Z", Familiar, acme.id, alice, scheduled),
    ] {
        let starts = at(starts);
        let id = seed.event(guild, host, by, kind, starts, state).await;
        at_guild.push((id, starts));
    }
    let [e0, e1, e2, e3, e4, e5, _e7, e6, e8] = at_guild[..] else {
        unreachable!()
    };
    for (event, name, status, came) in [
        (e0, "bob", Going, true),
        (e0, "carol", Going, true),
        (e1, "alice", Going, true),
        (e1, "bob", Going, true),
        (e1, "hal", Going, false),
        (e1, "ivy", Maybe, false),
        (e2, "alice", Going, true),
        (e2, "bob", Going, true),
        (e2, "kim", Going, true),
        (e3, "alice", Going, true),
        (e3, "hal", Going, true),
        (e4, "hal", Going, true),
        (e4, "ivy", Going, true),
        (e4, "jo", Going, false),
        (e5, "alice", Going, true),
        (e5, "bob", Declined, false),
        (e6, "carol", Going, true),
        (e8, "alice", Going, false),
    ] {
        seed.rsvp(guild, event, p(name), status, came).await;
    }
    let starts = at("2026-02-10T09:00:00Z");
    let g1 = seed
        .event(circle, globex.id, p("gus").0, Familiar, starts, scheduled)
        .await;
    seed.rsvp(circle, (g1, starts), p("hal"), Going, true).await;
}
