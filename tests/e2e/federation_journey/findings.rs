//! Refusals and error codes checked against the rules: a refusal that was expected but came
//! with another code is a finding, reported when the test ends rather than at once.

use super::client::refusal;
use crate::common::*;

thread_local! {
    /// Refusals with a code other than the rules give, collected so that one wrong code does
    /// not hide the rest of a test; `assert_no_findings` fails the test at its end.
    static FINDINGS: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Asserts a mutation was refused with exactly one of `allowed` codes. A mutation that was not
/// refused fails at once; one refused with another code is a finding (the state is the same
/// either way), reported by `assert_no_findings`.
#[track_caller]
pub(crate) fn assert_refused(reply: &Reply, field: &str, allowed: &[&str], what: &str) {
    let codes = refusal(reply, field);
    assert!(
        !codes.is_empty(),
        "{what}: must be refused (expected {allowed:?}): {:#}",
        reply.body
    );
    if !(codes.len() == 1 && allowed.contains(&codes[0].as_str())) {
        let finding = format!(
            "{}: {what}: {field} expected one of {allowed:?}, got {codes:?} ({})",
            std::panic::Location::caller(),
            reply.errors().first().map_or_else(
                || reply
                    .data(&format!("/{field}/userErrors/0/message"))
                    .to_string(),
                |e| e["message"].to_string()
            )
        );
        eprintln!("FINDING {finding}");
        FINDINGS.with(|f| f.borrow_mut().push(finding));
    }
}

/// Records a finding unless a query failed with exactly `expected` codes.
#[track_caller]
pub(crate) fn expect_codes(reply: &Reply, expected: &[&str], what: &str) {
    if reply.codes() != expected {
        let finding = format!(
            "{}: {what}: expected {expected:?}, got {:?}: {}",
            std::panic::Location::caller(),
            reply.codes(),
            reply.body
        );
        eprintln!("FINDING {finding}");
        FINDINGS.with(|f| f.borrow_mut().push(finding));
    }
}

/// Like `assert_refused`, but a mutation let through is a finding too (for the last checks of
/// a test, after which a changed world no longer matters).
#[track_caller]
pub(crate) fn expect_refused(reply: &Reply, field: &str, allowed: &[&str], what: &str) {
    if refusal(reply, field).is_empty() {
        let finding = format!(
            "{}: {what}: {field} expected one of {allowed:?}, was let through: {}",
            std::panic::Location::caller(),
            reply.body
        );
        eprintln!("FINDING {finding}");
        FINDINGS.with(|f| f.borrow_mut().push(finding));
    } else {
        assert_refused(reply, field, allowed, what);
    }
}

/// Records a disagreement with the rules, reported by `assert_no_findings`.
pub(crate) fn record_finding(finding: String) {
    eprintln!("FINDING {finding}");
    FINDINGS.with(|f| f.borrow_mut().push(finding));
}

/// Fails when `assert_refused` collected findings (the test body runs on the test's thread).
pub(crate) fn assert_no_findings() {
    let findings = FINDINGS.with(|f| std::mem::take(&mut *f.borrow_mut()));
    assert!(
        findings.is_empty(),
        "disagreements with the documented rules (docs/FEDERATION.md, docs/KNOWLEDGE.md):\n{}",
        findings.join("\n")
    );
}
