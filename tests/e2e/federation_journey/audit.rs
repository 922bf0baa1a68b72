//! The audit log as each organization's admin reads it: what is new since the last step of
//! the journey, and checks of one event's actor, organizations, community, target and change.

use super::client::{s, set, Actor};
use crate::common::*;
use serde_json::{json, Value};
use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

const AUDIT: &str = "id action occurredAt actorName actor { id } actorOrganization { slug } \
    organization { slug } otherOrganization { slug } community { slug } targetId before after";

fn sorted(items: &[&str]) -> Vec<String> {
    let mut items: Vec<String> = items.iter().map(|i| (*i).to_owned()).collect();
    items.sort();
    items
}

/// A moment between two steps, well apart from the events of either.
pub(super) async fn instant() -> String {
    tokio::time::sleep(Duration::from_millis(50)).await;
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
    tokio::time::sleep(Duration::from_millis(50)).await;
    now
}

/// A JSON field that may arrive as JSON text.
pub(super) fn json_value(v: &Value) -> Value {
    match v.as_str() {
        Some(text) => serde_json::from_str(text).unwrap_or_else(|_| v.clone()),
        None => v.clone(),
    }
}

/// `key` of a before/after state, upper-cased (`status`, `role`, `inbound`, ...).
pub(super) fn state(v: &Value, key: &str) -> Option<String> {
    let v = json_value(v);
    let snake: String = key
        .chars()
        .flat_map(|c| {
            if c.is_ascii_uppercase() {
                vec!['_', c.to_ascii_lowercase()]
            } else {
                vec![c]
            }
        })
        .collect();
    [key.to_owned(), snake]
        .iter()
        .find_map(|k| v.get(k))
        .and_then(|x| x.as_str())
        .map(str::to_ascii_uppercase)
}

#[track_caller]
pub(super) fn assert_transition(e: &Value, key: &str, before: Option<&str>, after: &str) {
    if let Some(before) = before {
        assert_eq!(
            state(&e["before"], key).as_deref(),
            Some(before),
            "before.{key} of {e:#}"
        );
    }
    assert_eq!(
        state(&e["after"], key).as_deref(),
        Some(after),
        "after.{key} of {e:#}"
    );
}

/// Checks an event's actor, the organizations it concerns, its community and target.
#[track_caller]
pub(super) fn check_event(
    e: &Value,
    actor: &Actor,
    orgs: &[&str],
    community: Option<&str>,
    target: Option<&str>,
) {
    assert_eq!(e["actorName"], actor.name.as_str(), "actorName of {e:#}");
    if !e["actor"].is_null() {
        assert_eq!(e["actor"]["id"], actor.id.as_str(), "actor of {e:#}");
    }
    assert_eq!(
        e["actorOrganization"]["slug"],
        actor.org.as_str(),
        "actorOrganization of {e:#}"
    );
    let mut concerned = BTreeSet::new();
    for key in ["organization", "otherOrganization"] {
        if let Some(slug) = e[key]["slug"].as_str() {
            concerned.insert(slug.to_owned());
        }
    }
    assert_eq!(concerned, set(orgs), "organizations of {e:#}");
    match community {
        Some(slug) => assert_eq!(e["community"]["slug"], slug, "community of {e:#}"),
        None => assert!(e["community"].is_null(), "community of {e:#}"),
    }
    if let Some(target) = target {
        assert_eq!(e["targetId"], target, "targetId of {e:#}");
    }
}

/// Reads every organization admin's audit log and hands out what is new since the last read.
pub(super) struct Audit {
    viewers: Vec<(String, String)>,
    /// Per organization: every event seen so far (immutable fields), by id.
    seen: HashMap<String, HashMap<String, Value>>,
}

/// The fields of an event that must never change once written.
fn frozen(e: &Value) -> Value {
    json!([
        e["action"],
        e["occurredAt"],
        e["actorName"],
        e["targetId"],
        json_value(&e["before"]),
        json_value(&e["after"])
    ])
}

impl Audit {
    pub(super) fn new(viewers: &[&Actor]) -> Self {
        Self {
            viewers: viewers
                .iter()
                .map(|a| (a.org.clone(), a.token.clone()))
                .collect(),
            seen: HashMap::new(),
        }
    }

    /// An organization's whole audit log (all pages), newest first, as `token` sees it.
    pub(super) async fn all(app: &TestApp, token: &str, slug: &str, filter: Value) -> Vec<Value> {
        let mut out: Vec<Value> = Vec::new();
        let mut after: Option<String> = None;
        loop {
            let reply = app
                .graphql(
                    Some(token),
                    &format!("query($s: String!, $f: AuditEventFilter, $after: String) {{ organization(slug: $s) {{ auditEvents(filter: $f, first: 100, after: $after) {{ totalCount pageInfo {{ hasNextPage endCursor }} nodes {{ {AUDIT} }} }} }} }}"),
                    json!({ "s": slug, "f": filter, "after": after }),
                )
                .await;
            reply.assert_ok();
            let connection = reply.data("/organization/auditEvents");
            out.extend(connection["nodes"].as_array().unwrap().iter().cloned());
            if connection["pageInfo"]["hasNextPage"] != true {
                assert_eq!(
                    connection["totalCount"],
                    out.len(),
                    "totalCount of {slug}'s audit log"
                );
                break;
            }
            after = connection["pageInfo"]["endCursor"]
                .as_str()
                .map(str::to_owned);
        }
        let mut previous: Option<chrono::DateTime<chrono::FixedOffset>> = None;
        for e in &out {
            // An organization's admins read the events that concern it, and only those.
            assert!(
                e["organization"]["slug"] == slug || e["otherOrganization"]["slug"] == slug,
                "{slug}'s audit log holds an event that does not concern it: {e:#}"
            );
            let at = chrono::DateTime::parse_from_rfc3339(s(&e["occurredAt"])).unwrap();
            if let Some(previous) = previous {
                assert!(at <= previous, "audit events newest first: {e:#}");
            }
            previous = Some(at);
        }
        out
    }

    /// What each organization's admins see that is new since the last step, oldest first.
    pub(super) async fn step(&mut self, app: &TestApp) -> Fresh {
        let mut fresh = HashMap::new();
        for (slug, token) in &self.viewers {
            let all = Self::all(app, token, slug, Value::Null).await;
            let seen = self.seen.entry(slug.clone()).or_default();
            let now: HashMap<String, Value> = all
                .iter()
                .map(|e| (s(&e["id"]).to_owned(), frozen(e)))
                .collect();
            for (id, old) in seen.iter() {
                assert_eq!(
                    now.get(id),
                    Some(old),
                    "{slug}: an audit event changed or disappeared"
                );
            }
            let mut new: Vec<Value> = all
                .iter()
                .filter(|e| !seen.contains_key(s(&e["id"])))
                .cloned()
                .collect();
            new.reverse();
            *seen = now;
            fresh.insert(slug.clone(), new);
        }
        Fresh(fresh)
    }
}

/// The events new to each organization in one step, oldest first.
pub(super) struct Fresh(HashMap<String, Vec<Value>>);

impl Fresh {
    pub(super) fn of(&self, slug: &str) -> &[Value] {
        &self.0[slug]
    }

    /// The actions new to an organization, sorted, leaving out those in `ignored`.
    pub(super) fn actions(&self, slug: &str, ignored: &[&str]) -> Vec<String> {
        let mut actions: Vec<String> = self
            .of(slug)
            .iter()
            .map(|e| s(&e["action"]).to_owned())
            .filter(|a| !ignored.contains(&a.as_str()))
            .collect();
        actions.sort();
        actions
    }

    #[track_caller]
    pub(super) fn assert_actions(&self, slug: &str, expected: &[&str], ignored: &[&str]) {
        assert_eq!(
            self.actions(slug, ignored),
            sorted(expected),
            "new audit events of {slug}: {:#?}",
            self.of(slug)
        );
    }

    #[track_caller]
    pub(super) fn assert_none(&self, slug: &str) {
        assert!(
            self.of(slug).is_empty(),
            "{slug} must not see these events: {:#?}",
            self.of(slug)
        );
    }

    /// The events of `action` (with `target`, if given) new to an organization.
    pub(super) fn find(&self, slug: &str, action: &str, target: Option<&str>) -> Vec<Value> {
        self.of(slug)
            .iter()
            .filter(|e| e["action"] == action && target.is_none_or(|t| e["targetId"] == t))
            .cloned()
            .collect()
    }

    /// The one event of `action` (and `target`) that every one of `slugs` sees: the same event.
    #[track_caller]
    pub(super) fn shared(&self, action: &str, target: Option<&str>, slugs: &[&str]) -> Value {
        let mut event: Option<Value> = None;
        for slug in slugs {
            let found = self.find(slug, action, target);
            assert_eq!(
                found.len(),
                1,
                "{slug} sees one new {action} (target {target:?}): {:#?}",
                self.of(slug)
            );
            if let Some(e) = &event {
                assert_eq!(
                    e["id"], found[0]["id"],
                    "{action}: the same event for {slugs:?}"
                );
            }
            event = Some(found[0].clone());
        }
        event.unwrap()
    }
}
