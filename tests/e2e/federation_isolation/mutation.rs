//! Running one mutation whose outcome the model predicted, and recording the audit events
//! the page pins.

use super::model::{Event, World};
use super::vocabulary::Expect;
use serde_json::{json, Value};

impl World<'_> {
    /// Runs `field(input: {input}) { selection userErrors }` as `actor` (None: the operator)
    /// and fails the test unless the outcome is the predicted one.
    pub(super) async fn run(
        &mut self,
        actor: Option<usize>,
        field: &str,
        input: String,
        selection: &str,
        expect: Expect,
    ) -> Option<Value> {
        let (who, token) = match actor {
            Some(v) => (self.who(v), self.people[v].token.clone()),
            None => ("operator".to_owned(), self.operator.clone()),
        };
        let line = format!("{who}: {field}({input}) expecting {expect:?}");
        self.history.push(line.clone());
        self.mutations += 1;
        let query = format!(
            "mutation {{ r: {field}(input: {{ {input} }}) {{ {selection} userErrors {{ code field message }} }} }}"
        );
        let reply = self.app.graphql(Some(&token), &query, json!({})).await;
        let top = reply.codes();
        let user: Vec<String> = reply
            .data("/r/userErrors")
            .as_array()
            .map(|errors| {
                errors
                    .iter()
                    .map(|e| e["code"].as_str().unwrap_or("<none>").to_owned())
                    .collect()
            })
            .unwrap_or_default();
        match expect {
            Expect::Ok => {
                if reply.status != reqwest::StatusCode::OK || !top.is_empty() || !user.is_empty() {
                    self.fail(&format!(
                        "{line}: expected success, got HTTP {} {:#}",
                        reply.status, reply.body
                    ));
                }
                Some(reply.data("/r").clone())
            }
            Expect::Fail(codes) => {
                let refused = !top.is_empty() || !user.is_empty();
                let known = top.iter().chain(&user).all(|c| codes.contains(&c.as_str()));
                // A state conflict is a user error; an invisible row a top-level error.
                let placed =
                    !top.iter().any(|c| c == "CONFLICT") && !user.iter().any(|c| c == "NOT_FOUND");
                if !(refused && known && placed) {
                    self.fail(&format!(
                        "{line}: got HTTP {}, errors {top:?}, userErrors {user:?}: {:#}",
                        reply.status, reply.body
                    ));
                }
                None
            }
        }
    }

    pub(super) fn same(&self, got: &Value, want: &str, what: &str) {
        if got.as_str() != Some(want) {
            self.fail(&format!("{what}: expected {want}, got {got}"));
        }
    }

    pub(super) fn event(&mut self, action: &'static str, target: &str, orgs: Vec<usize>) {
        self.events.push(Event {
            action,
            target: target.to_owned(),
            orgs,
        });
    }
}
