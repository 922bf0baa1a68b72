//! Trace export: `praxis serve --otlp-endpoint` sends its spans over OTLP/HTTP (protobuf) to a
//! collector — here a mock one that keeps what it receives, decoded with the OTLP protocol's
//! own message types. The exporter holds spans for a minute (`OTEL_BSP_SCHEDULE_DELAY`), so
//! everything the test reads was sent by the flush at graceful shutdown.

use crate::common::ServerProcess;
use opentelemetry_proto::tonic::{
    collector::trace::v1::ExportTraceServiceRequest,
    common::v1::{any_value::Value as AnyValue, KeyValue},
    trace::v1::{span::SpanKind, status::StatusCode, Span},
};
use prost::Message;
use serde_json::{json, Value};
use std::{collections::HashMap, process::Command};
use wiremock::{
    matchers::{method, path},
    Mock, MockServer, ResponseTemplate,
};

const TRACE_ID: &str = "4bf92f3577b34da6a3ce929d0e0e4736";
const CALLER_SPAN_ID: &str = "00f067aa0ba902b7";

fn attribute<'a>(attributes: &'a [KeyValue], key: &str) -> Option<&'a AnyValue> {
    attributes
        .iter()
        .find(|kv| kv.key == key)
        .and_then(|kv| kv.value.as_ref())
        .and_then(|value| value.value.as_ref())
}

fn string_attribute<'a>(attributes: &'a [KeyValue], key: &str) -> Option<&'a str> {
    match attribute(attributes, key) {
        Some(AnyValue::StringValue(value)) => Some(value),
        _ => None,
    }
}

fn praxis(database_url: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_praxis"))
        .env_remove("PRAXIS_DATABASE_URL")
        .env_remove("PRAXIS_OTLP_ENDPOINT")
        .env("PRAXIS_LOG", "warn")
        .arg("--database-url")
        .arg(database_url)
        .args(args)
        .output()
        .unwrap()
}

#[tokio::test]
async fn spans_reach_the_collector_joined_to_the_callers_trace() {
    let collector = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/traces"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&collector)
        .await;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("praxis.db").display());
    let seeded = praxis(&url, &["seed"]);
    assert!(seeded.status.success(), "{seeded:?}");
    let token = String::from_utf8(
        praxis(
            &url,
            &[
                "token", "--org", "acme", "--sub", "alice", "--name", "Alice",
            ],
        )
        .stdout,
    )
    .unwrap()
    .trim()
    .to_owned();
    assert!(token.len() > 20, "no token: {token:?}");

    let endpoint = format!("{}/v1/traces", collector.uri());
    let server = ServerProcess::start(
        &url,
        &[
            "--otlp-endpoint",
            &endpoint,
            "--otlp-service-name",
            "praxis-under-test",
        ],
        &[],
        &[("PRAXIS_LOG", "warn"), ("OTEL_BSP_SCHEDULE_DELAY", "60000")],
    )
    .await;
    let client = reqwest::Client::new();
    let base = server.base.clone();

    // A portal's query inside the caller's trace, then a failing one that starts a trace here.
    let home = "query Home { viewer { memberships(first: 5) { nodes { community { name } } } } }";
    let reply: Value = client
        .post(format!("{base}/graphql"))
        .bearer_auth(&token)
        .header("traceparent", format!("00-{TRACE_ID}-{CALLER_SPAN_ID}-01"))
        .json(&json!({ "query": home, "operationName": "Home" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(reply.get("errors").is_none(), "{reply:#}");
    let reply: Value = client
        .post(format!("{base}/graphql"))
        .bearer_auth(&token)
        .json(&json!({ "query": "query Missing { viewer { noSuchField } }" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(reply.get("errors").is_some(), "{reply:#}");

    // Graceful stop: the spans still queued are sent before the process exits.
    let (status, stderr) = server.stop().await;
    assert!(status.success(), "exit {status:?}: {stderr}");

    let bodies: Vec<Vec<u8>> = collector
        .received_requests()
        .await
        .unwrap()
        .into_iter()
        .map(|request| request.body)
        .collect();
    assert!(
        !bodies.is_empty(),
        "nothing exported; server said: {stderr}"
    );
    for body in &bodies {
        // Neither the bearer token nor the documents leave for the collector.
        let text = String::from_utf8_lossy(body);
        assert!(!text.contains(&token), "the token was exported");
        assert!(
            !text.contains("memberships(first: 5)"),
            "a document was exported"
        );
    }
    let mut spans: Vec<Span> = Vec::new();
    for body in &bodies {
        let export = ExportTraceServiceRequest::decode(body.as_slice()).unwrap();
        for resource in export.resource_spans {
            let attributes = resource.resource.map(|r| r.attributes).unwrap_or_default();
            assert_eq!(
                string_attribute(&attributes, "service.name"),
                Some("praxis-under-test")
            );
            for scope in resource.scope_spans {
                spans.extend(scope.spans);
            }
        }
    }
    let by_id: HashMap<Vec<u8>, &Span> = spans.iter().map(|s| (s.span_id.clone(), s)).collect();
    let names: Vec<&str> = spans.iter().map(|s| s.name.as_str()).collect();

    // The HTTP span continues the caller's trace; the operation's span sits under it.
    let trace_id = hex::decode(TRACE_ID).unwrap();
    let http = spans
        .iter()
        .find(|s| s.trace_id == trace_id && s.kind == SpanKind::Server as i32)
        .unwrap_or_else(|| panic!("no server span in the caller's trace: {names:?}"));
    assert_eq!(http.parent_span_id, hex::decode(CALLER_SPAN_ID).unwrap());
    assert_eq!(http.name, "POST /graphql");
    let operation = spans
        .iter()
        .find(|s| s.trace_id == trace_id && s.name == "query Home")
        .unwrap_or_else(|| panic!("no operation span: {names:?}"));
    assert_eq!(
        string_attribute(&operation.attributes, "graphql.operation.name"),
        Some("Home")
    );
    assert_eq!(
        string_attribute(&operation.attributes, "graphql.operation.type"),
        Some("query")
    );
    let descends_from = |span: &Span, ancestor: &Span| {
        let mut parent = span.parent_span_id.clone();
        while let Some(next) = by_id.get(&parent) {
            if next.span_id == ancestor.span_id {
                return true;
            }
            parent = next.parent_span_id.clone();
        }
        false
    };
    assert!(
        descends_from(operation, http),
        "operation not under the HTTP span"
    );
    // The SQL it ran, as client spans with the statement (values are bound, not in it).
    let statements: Vec<&Span> = spans
        .iter()
        .filter(|s| s.name.starts_with("sea_orm.") && descends_from(s, operation))
        .collect();
    assert!(
        !statements.is_empty(),
        "no statement spans under the operation: {names:?}"
    );
    for statement in &statements {
        assert_eq!(statement.kind, SpanKind::Client as i32);
        assert_eq!(
            string_attribute(&statement.attributes, "db.system"),
            Some("sqlite")
        );
        let sql = string_attribute(&statement.attributes, "db.statement").unwrap_or_default();
        assert!(sql.contains("SELECT"), "{sql}");
        assert!(!sql.contains("alice"), "a value in the statement: {sql}");
    }

    // The failing operation started a trace of its own and says it failed.
    let missing = spans
        .iter()
        .find(|s| s.name == "query Missing")
        .unwrap_or_else(|| panic!("no span for the failing operation: {names:?}"));
    assert_ne!(missing.trace_id, trace_id);
    assert_eq!(
        missing.status.as_ref().map(|s| s.code),
        Some(StatusCode::Error as i32)
    );
    // No trace is made of the server's own polling (statements outside a request).
    assert!(
        spans
            .iter()
            .filter(|s| s.name.starts_with("sea_orm."))
            .all(|s| !s.parent_span_id.is_empty()),
        "a statement span without a parent was exported"
    );
}

#[test]
fn a_bad_endpoint_or_ratio_is_refused_in_one_line() {
    for (flag, value, says) in [
        ("--otlp-endpoint", "collector:4318", "http:// or https://"),
        ("--otlp-endpoint", "not a url", "not a URL"),
        ("--otlp-sample-ratio", "1.5", "from 0 to 1"),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_praxis"))
            .env_remove("PRAXIS_OTLP_ENDPOINT")
            .args([flag, value, "schema"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{flag} {value} accepted");
        assert!(stderr.contains(says), "{flag} {value}: {stderr}");
    }
}
