//! GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/): the server audits
//! of graphql-http 1.23.1 (`src/audits/server.ts`), each named by its id and text, plus what
//! the audits do not reach (406, 415, 405, a request without `Accept`, our error shape).

use crate::common::{spawn_app, Backend, TestApp};
use reqwest::{header, Method, StatusCode};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const GQL: &str = "application/graphql-response+json";
const JSON: &str = "application/json";

/// What came back: status, Content-Type, the raw body and its JSON (Null if not JSON).
#[derive(Debug)]
struct Answer {
    status: StatusCode,
    content_type: String,
    headers: header::HeaderMap,
    text: String,
    body: Value,
}

impl Answer {
    fn has(&self, member: &str) -> bool {
        self.body.get(member).is_some()
    }

    /// Our error shape: every error has a message and `extensions.code`.
    fn assert_coded_errors(&self, id: &str) {
        let errors = self.body["errors"]
            .as_array()
            .unwrap_or_else(|| panic!("{id}: no errors in {}", self.text));
        assert!(!errors.is_empty(), "{id}: {}", self.text);
        for error in errors {
            assert!(error["message"].is_string(), "{id}: {}", self.text);
            assert!(
                error["extensions"]["code"].is_string(),
                "{id}: {}",
                self.text
            );
        }
    }
}

async fn answer(response: reqwest::Response) -> Answer {
    let status = response.status();
    let headers = response.headers().clone();
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let bytes = response.bytes().await.unwrap();
    let text = String::from_utf8(bytes.to_vec()).expect("the body is UTF-8");
    let body = serde_json::from_str(&text).unwrap_or(Value::Null);
    Answer {
        status,
        content_type,
        headers,
        text,
        body,
    }
}

/// A POST with `accept` (reqwest's default `*/*` when `None`) and an `application/json` body.
async fn post(app: &TestApp, accept: Option<&str>, body: &str) -> Answer {
    post_as(app, accept, Some(JSON), body).await
}

async fn post_as(
    app: &TestApp,
    accept: Option<&str>,
    content_type: Option<&str>,
    body: &str,
) -> Answer {
    let mut request = app.http.post(app.url("/graphql")).body(body.to_owned());
    if let Some(accept) = accept {
        request = request.header(header::ACCEPT, accept);
    }
    if let Some(content_type) = content_type {
        request = request.header(header::CONTENT_TYPE, content_type);
    }
    answer(request.send().await.unwrap()).await
}

async fn get(app: &TestApp, accept: Option<&str>, parameters: &[(&str, &str)]) -> Answer {
    let mut request = app.http.get(app.url("/graphql")).query(parameters);
    if let Some(accept) = accept {
        request = request.header(header::ACCEPT, accept);
    }
    answer(request.send().await.unwrap()).await
}

/// A request with no `Accept` header at all (reqwest always sends one): raw HTTP/1.1.
async fn without_accept(app: &TestApp, head: &str, body: &str) -> (u16, String, String) {
    let mut stream = tokio::net::TcpStream::connect(app.addr).await.unwrap();
    let request = format!(
        "{head}\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{body}",
        app.addr,
        body.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.unwrap();
    let raw = String::from_utf8(raw).unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    let content_type = head
        .lines()
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("content-type")
                .then(|| value.trim().to_owned())
        })
        .unwrap_or_default();
    (status, content_type, body.to_owned())
}

fn typename() -> String {
    json!({ "query": "{ __typename }" }).to_string()
}

/// A response body without `extensions.cost`, which every response carries (README, "Cost
/// and rate limits"; tested in `cost_limits.rs`).
fn without_cost(body: &Value) -> Value {
    let mut body = body.clone();
    if let Some(members) = body.as_object_mut() {
        let cost = members
            .get_mut("extensions")
            .and_then(Value::as_object_mut)
            .and_then(|extensions| extensions.remove("cost"));
        assert!(cost.is_some(), "no extensions.cost: {body:#}");
        if members["extensions"]
            .as_object()
            .is_some_and(|e| e.is_empty())
        {
            members.remove("extensions");
        }
    }
    body
}

async fn media_types(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let a = post(&app, Some(GQL), &typename()).await;
    assert_eq!(a.status, 200, "22EB: {}", a.text);
    assert!(a.content_type.contains(GQL), "22EB: {}", a.content_type);
    assert_eq!(
        without_cost(&a.body),
        json!({ "data": { "__typename": "QueryRoot" } })
    );

    let a = post(&app, Some(JSON), &typename()).await;
    assert_eq!(a.status, 200, "4655: {}", a.text);
    assert!(a.content_type.contains(JSON), "4655: {}", a.content_type);

    let a = post(&app, Some("*/*"), &typename()).await;
    assert_eq!(a.status, 200, "47DE: {}", a.text);
    assert!(a.content_type.contains(JSON), "47DE: {}", a.content_type);

    // 80D8 (fetch, as the audit sends it, adds `Accept: */*`).
    let a = post(&app, None, &typename()).await;
    assert_eq!(a.status, 200, "80D8: {}", a.text);
    assert!(a.content_type.contains(JSON), "80D8: {}", a.content_type);

    // 82A3 MUST use utf-8 encoding when responding (`answer` decodes the body as UTF-8),
    // and says so (SHOULD indicate the encoding).
    let a = post(
        &app,
        Some(GQL),
        &json!({ "query": "{ __type(name: \"QueryRoot\") { description } }" }).to_string(),
    )
    .await;
    assert_eq!(a.status, 200, "82A3: {}", a.text);
    assert_eq!(
        a.content_type,
        "application/graphql-response+json; charset=utf-8"
    );
    let a = post(&app, Some(JSON), &typename()).await;
    assert_eq!(a.content_type, "application/json; charset=utf-8");

    let a = post_as(
        &app,
        None,
        Some("application/json; charset=utf-8"),
        &typename(),
    )
    .await;
    assert_eq!(
        a.status, 200,
        "BF61 MUST accept utf-8 encoded request: {}",
        a.text
    );
    // Non-ASCII text in a request is read as UTF-8.
    let a = post(
        &app,
        Some(JSON),
        &json!({ "query": "query($s: String) { __type(name: $s) { name } }", "variables": { "s": "Ünïcødé ✓" } }).to_string(),
    )
    .await;
    assert_eq!(
        a.status, 200,
        "78D5 MUST assume utf-8 in request: {}",
        a.text
    );
    assert_eq!(without_cost(&a.body), json!({ "data": { "__type": null } }));

    // Accept negotiation beyond the audits: the client's preference wins, by quality, then
    // by the order it lists equally good types.
    let a = post(
        &app,
        Some("application/json;q=0.5, application/graphql-response+json"),
        &typename(),
    )
    .await;
    assert!(a.content_type.contains(GQL), "{}", a.content_type);
    let a = post(
        &app,
        Some("application/graphql-response+json;q=0.4, application/*;q=0.9"),
        &typename(),
    )
    .await;
    assert!(a.content_type.starts_with(JSON), "{}", a.content_type);
    let a = post(&app, Some("application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed"), &typename()).await;
    assert!(
        a.content_type.contains(GQL),
        "urql's Accept: {}",
        a.content_type
    );
    let a = post(&app, Some("application/json, multipart/mixed"), &typename()).await;
    assert!(
        a.content_type.starts_with(JSON),
        "GraphiQL's Accept: {}",
        a.content_type
    );
    // Neither JSON type acceptable: 406 (RECOMMENDED), in our error shape.
    for accept in [
        "text/html",
        "application/xml",
        "application/json;q=0",
        "image/*",
    ] {
        let a = post(&app, Some(accept), &typename()).await;
        assert_eq!(a.status, 406, "Accept {accept}: {}", a.text);
        a.assert_coded_errors("406");
    }
    // No Accept at all: since the legacy watershed (2025-01-01) the server SHOULD treat it
    // as `Accept: application/graphql-response+json`.
    let (status, content_type, body) = without_accept(
        &app,
        "POST /graphql HTTP/1.1\r\nContent-Type: application/json",
        &typename(),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert!(content_type.contains(GQL), "{content_type}");
    let (status, content_type, body) = without_accept(
        &app,
        "POST /graphql HTTP/1.1\r\nContent-Type: application/json",
        r#"{"query": "{"}"#,
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert!(content_type.contains(GQL), "{content_type}");
}
db_test!(accept_negotiation_and_utf8, media_types);

async fn requests(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let a = post(&app, None, &typename()).await;
    assert_eq!(a.status, 200, "2C94 MUST accept POST requests: {}", a.text);
    assert_eq!(
        a.status, 200,
        "03D4 MUST accept application/json POST requests"
    );

    // GET: queries in the URL.
    let a = get(&app, None, &[("query", "{ __typename }")]).await;
    assert_eq!(a.status, 200, "5A70: {}", a.text);
    assert!(a.content_type.contains(JSON), "5A70: {}", a.content_type);
    assert_eq!(
        without_cost(&a.body),
        json!({ "data": { "__typename": "QueryRoot" } })
    );
    let a = get(&app, Some(GQL), &[("query", "mutation { __typename }")]).await;
    assert_eq!(
        a.status, 405,
        "9C48 MAY NOT allow executing mutations on GET: {}",
        a.text
    );
    assert_eq!(a.headers[header::ALLOW], "POST", "9C48");
    a.assert_coded_errors("9C48");
    // A real mutation by GET is refused before it runs, whatever `operationName` picks.
    let a = get(
        &app,
        Some(JSON),
        &[
            ("query", "query Q { __typename } mutation M { createOrganization(input: { slug: \"x\", name: \"X\" }) { organization { slug } } }"),
            ("operationName", "M"),
        ],
    )
    .await;
    assert_eq!(a.status, 405, "{}", a.text);
    let a = get(
        &app,
        Some(JSON),
        &[
            ("query", "query Q { __typename } mutation M { __typename }"),
            ("operationName", "Q"),
        ],
    )
    .await;
    assert_eq!(a.status, 200, "{}", a.text);
    assert_eq!(
        without_cost(&a.body),
        json!({ "data": { "__typename": "QueryRoot" } })
    );
    // GET parameters: `operationName`, `variables` and `extensions` (URL-encoded JSON).
    let named = "query Type($name: String!) { __type(name: $name) { name } }";
    let a = get(
        &app,
        Some(GQL),
        &[("query", named), ("variables", r#"{"name":"sometype"}"#)],
    )
    .await;
    assert_eq!(a.status, 200, "D6D5: {}", a.text);
    let a = get(
        &app,
        Some(JSON),
        &[
            ("query", named),
            ("variables", r#"{"name":"QueryRoot"}"#),
            ("operationName", "Type"),
            ("extensions", r#"{"some":"value"}"#),
        ],
    )
    .await;
    assert_eq!(a.status, 200, "6A70: {}", a.text);
    assert!(!a.has("errors"), "6A70: {}", a.text);
    assert_eq!(a.body["data"]["__type"]["name"], "QueryRoot");
    for (name, value) in [
        ("variables", "{nope"),
        ("variables", "[1]"),
        ("extensions", "\"s\""),
        ("operationName", ""),
    ] {
        let mut parameters = vec![("query", named), (name, value)];
        if name == "operationName" {
            parameters.push(("operationName", "Type"));
        }
        let a = get(&app, Some(JSON), &parameters).await;
        assert_eq!(a.status, 400, "GET {name}={value}: {}", a.text);
        a.assert_coded_errors("GET parameters");
    }
    // A GET without `query`: GraphiQL for a browser, 400 for a GraphQL client.
    let a = get(
        &app,
        Some("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
        &[],
    )
    .await;
    assert_eq!(a.status, 200);
    assert_eq!(a.headers[header::VARY], "Accept");
    assert!(
        a.content_type.starts_with("text/html"),
        "{}",
        a.content_type
    );
    let a = get(
        &app,
        Some("text/html,application/xhtml+xml,*/*;q=0.8"),
        &[("query", "{ __typename }")],
    )
    .await;
    assert!(
        a.content_type.starts_with("text/html"),
        "a browser's GET gets the page: {}",
        a.content_type
    );
    let a = get(&app, Some(JSON), &[]).await;
    assert_eq!(a.status, 400, "{}", a.text);
    a.assert_coded_errors("GET without query");
    let a = get(&app, Some(GQL), &[("operationName", "Q")]).await;
    assert_eq!(a.status, 400, "{}", a.text);
    assert!(a.content_type.contains(GQL));

    // POST bodies.
    let a = post_as(&app, None, None, &typename()).await;
    assert!(a.status.is_client_error(), "9ABE: {}", a.status);
    assert_eq!(a.status, 415, "9ABE");
    a.assert_coded_errors("9ABE");
    for content_type in [
        "text/plain",
        "application/x-www-form-urlencoded",
        "application/json; charset=latin1",
    ] {
        let a = post_as(&app, Some(JSON), Some(content_type), &typename()).await;
        assert_eq!(a.status, 415, "Content-Type {content_type}: {}", a.text);
        a.assert_coded_errors("415");
        assert!(a.content_type.starts_with(JSON));
    }
    for content_type in [
        "application/json; charset=UTF-8",
        "application/graphql+json",
    ] {
        let a = post_as(&app, Some(JSON), Some(content_type), &typename()).await;
        assert_eq!(a.status, 200, "Content-Type {content_type}: {}", a.text);
    }
    let a = post(&app, None, "").await;
    assert_eq!(a.status, 400, "A5BF: {}", a.text);
    a.assert_coded_errors("A5BF");

    // Other methods.
    for method in [Method::PUT, Method::DELETE, Method::PATCH] {
        let response = app
            .http
            .request(method.clone(), app.url("/graphql"))
            .header(header::CONTENT_TYPE, JSON)
            .body(typename())
            .send()
            .await
            .unwrap();
        let a = answer(response).await;
        assert_eq!(a.status, 405, "{method}: {}", a.text);
        assert_eq!(a.headers[header::ALLOW], "GET, POST");
        a.assert_coded_errors("405");
    }
}
db_test!(post_and_get_requests, requests);

async fn parameters(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let a = post(&app, Some(GQL), r#"{"notquery": "{ __typename }"}"#).await;
    assert_eq!(a.status, 400, "423L: {}", a.text);
    a.assert_coded_errors("423L");
    let invalid = [
        json!({ "obj": "ect" }),
        json!(0),
        json!(false),
        json!(["array"]),
    ];
    for (index, value) in invalid.iter().enumerate() {
        let a = post(&app, Some(GQL), &json!({ "query": value }).to_string()).await;
        assert_eq!(a.status, 400, "LKJ{index}: {}", a.text);
        a.assert_coded_errors("LKJ");
        let a = post(&app, Some(JSON), &json!({ "query": value }).to_string()).await;
        assert_eq!(a.status, 400, "LKJ{index} (application/json): {}", a.text);
        assert!(a.body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("`query` must be a string"));
    }
    let a = post(&app, Some(GQL), &typename()).await;
    assert_eq!(a.status, 200, "34A2: {}", a.text);
    let a = post(&app, Some(JSON), &typename()).await;
    assert_eq!(a.status, 200, "13EE: {}", a.text);
    assert!(!a.has("errors"), "13EE: {}", a.text);
    for (index, value) in invalid.iter().enumerate() {
        let body = json!({ "operationName": value, "query": "{ __typename }" }).to_string();
        let a = post(&app, Some(GQL), &body).await;
        assert_eq!(a.status, 400, "6C0{index}: {}", a.text);
        assert!(a.body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("operationName"));
    }
    let named =
        json!({ "operationName": "Query", "query": "query Query { __typename }" }).to_string();
    let a = post(&app, Some(GQL), &named).await;
    assert_eq!(a.status, 200, "8161: {}", a.text);
    let a = post(&app, Some(JSON), &named).await;
    assert_eq!(a.status, 200, "B8B3: {}", a.text);
    assert!(!a.has("errors"), "B8B3: {}", a.text);
    for (index, parameter) in ["variables", "operationName", "extensions"]
        .iter()
        .enumerate()
    {
        let body = json!({ "query": "{ __typename }", *parameter: null }).to_string();
        let a = post(&app, Some(GQL), &body).await;
        assert_eq!(a.status, 200, "94B{index}: {}", a.text);
        assert!(!a.has("errors"), "94B{index}: {}", a.text);
        let a = post(&app, Some(JSON), &body).await;
        assert_eq!(a.status, 200, "022{index}: {}", a.text);
        assert!(!a.has("errors"), "022{index}: {}", a.text);
    }
    let invalid_maps = [json!("string"), json!(0), json!(false), json!(["array"])];
    for (index, value) in invalid_maps.iter().enumerate() {
        for (parameter, id) in [("variables", "476"), ("extensions", "58B")] {
            let body = json!({ "query": "{ __typename }", parameter: value }).to_string();
            for accept in [GQL, JSON] {
                let a = post(&app, Some(accept), &body).await;
                assert_eq!(a.status, 400, "{id}{index} ({accept}): {}", a.text);
                a.assert_coded_errors(id);
                assert!(a.body["errors"][0]["message"]
                    .as_str()
                    .unwrap()
                    .contains(parameter));
            }
        }
    }
    let typed = json!({ "query": "query Type($name: String!) { __type(name: $name) { name } }", "variables": { "name": "sometype" } }).to_string();
    let a = post(&app, Some(GQL), &typed).await;
    assert_eq!(a.status, 200, "2EA1: {}", a.text);
    let a = post(&app, Some(JSON), &typed).await;
    assert_eq!(a.status, 200, "28B9: {}", a.text);
    assert!(!a.has("errors"), "28B9: {}", a.text);
    let extended =
        json!({ "query": "{ __typename }", "extensions": { "some": "value" } }).to_string();
    let a = post(&app, Some(GQL), &extended).await;
    assert_eq!(a.status, 200, "428F: {}", a.text);
    let a = post(&app, Some(JSON), &extended).await;
    assert_eq!(a.status, 200, "1B7A: {}", a.text);
    assert!(!a.has("errors"), "1B7A: {}", a.text);
}
db_test!(request_parameters_are_typed, parameters);

async fn status_codes(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let a = post(&app, Some(JSON), r#"{ "not a JSON"#).await;
    assert!(a.status.is_client_error(), "B6DC: {}", a.status);
    assert_eq!(a.status, 400, "BCF8: {}", a.text);
    a.assert_coded_errors("BCF8");
    let a = post(&app, Some(GQL), r#"{ "not a JSON"#).await;
    assert_eq!(a.status, 400, "B7N8: {}", a.text);
    assert!(a.content_type.contains(GQL), "B7N8: {}", a.content_type);
    let a = post(&app, Some(JSON), "[\"\u{fffd}\"").await;
    assert_eq!(a.status, 400, "unterminated JSON: {}", a.text);
    let a = post(&app, None, r#"{"qeury": "{ __typename }"}"#).await;
    assert_eq!(a.status, 400, "8764 / 3E3A: {}", a.text);

    // application/json: a GraphQL response is always a 200.
    let a = post(&app, Some(JSON), r#"{"query": "{"}"#).await;
    assert_eq!(a.status, 200, "572B: {}", a.text);
    assert_eq!(a.body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    assert!(!a.has("data"), "no data before execution: {}", a.text);
    let unknown = json!({ "query": "{ 8f31403dfe404bccbb0e835f2629c6a7 }" }).to_string();
    let a = post(&app, Some(JSON), &unknown).await;
    assert_eq!(a.status, 200, "FDE2: {}", a.text);
    a.assert_coded_errors("FDE2");
    let coercion = json!({ "query": "query CoerceFailure($id: ID!){ __typename }", "variables": { "id": null } }).to_string();
    let a = post(&app, Some(JSON), &coercion).await;
    assert_eq!(a.status, 200, "7B9B: {}", a.text);
    a.assert_coded_errors("7B9B");

    // application/graphql-response+json: request errors are 400s without `data`.
    let a = post(&app, Some(GQL), r#"{"query": "{"}"#).await;
    assert!(a.status.is_client_error(), "865D: {}", a.status);
    assert_eq!(a.status, 400, "556A: {}", a.text);
    assert!(!a.has("data"), "D586: {}", a.text);
    a.assert_coded_errors("556A");
    let a = post(&app, Some(GQL), &unknown).await;
    assert!(a.status.is_client_error(), "51FE: {}", a.status);
    assert_eq!(a.status, 400, "74FF: {}", a.text);
    assert!(!a.has("data"), "5E5B: {}", a.text);
    let a = post(&app, Some(GQL), &coercion).await;
    assert_eq!(a.status, 400, "86EE: {}", a.text);
    // The operation cannot be determined: a request error too.
    let two = json!({ "query": "query A { __typename } query B { __typename }" }).to_string();
    let a = post(&app, Some(GQL), &two).await;
    assert_eq!(a.status, 400, "{}", a.text);
    let a = post(&app, Some(JSON), &two).await;
    assert_eq!(a.status, 200, "{}", a.text);

    // Field errors: the operation ran, so 200 with `data` under both media types.
    let missing =
        json!({ "query": "{ node(id: \"bm9wZQ\") { id } viewer { isAdmin } }" }).to_string();
    for accept in [GQL, JSON] {
        let a = post(&app, Some(accept), &missing).await;
        assert_eq!(a.status, 200, "{accept}: {}", a.text);
        assert!(a.has("data"), "{}", a.text);
    }
    // A field error that nulls the whole of `data` (a non-null root field not found): the
    // operation ran, so still a 200 (RECOMMENDED), with `data: null`.
    let a = post(
        &app,
        Some(GQL),
        &json!({ "query": "{ organization(slug: \"nope\") { slug } }" }).to_string(),
    )
    .await;
    assert_eq!(a.status, 200, "{}", a.text);
    assert_eq!(a.body["data"], Value::Null, "{}", a.text);
    assert!(a.has("data"), "{}", a.text);
    assert_eq!(
        a.body["errors"][0]["path"],
        json!(["organization"]),
        "{}",
        a.text
    );
    let acme = app.create_org("acme").await;

    // A refused token is a 401 in either media type (the request is not permitted).
    let expired = acme.token("alice", json!({ "exp": crate::common::now() - 3600 }));
    for accept in [GQL, JSON] {
        let response = app
            .http
            .post(app.url("/graphql"))
            .header(header::ACCEPT, accept)
            .bearer_auth(&expired)
            .json(&json!({ "query": "{ __typename }" }))
            .send()
            .await
            .unwrap();
        let a = answer(response).await;
        assert_eq!(a.status, 401, "{}", a.text);
        assert!(a.content_type.starts_with(accept), "{}", a.content_type);
        assert_eq!(a.body["errors"][0]["extensions"]["code"], "UNAUTHENTICATED");
    }

    // Batches: 200 while any operation ran; each answer stands on its own.
    let batch = json!([{ "query": "{ __typename }" }, { "query": "{" }]).to_string();
    let a = post(&app, Some(GQL), &batch).await;
    assert_eq!(a.status, 200, "{}", a.text);
    assert_eq!(a.body[0]["data"]["__typename"], "QueryRoot");
    assert!(a.body[1].get("data").is_none(), "{}", a.text);
    a.body[1]["errors"][0]["extensions"]["code"]
        .as_str()
        .expect("coded");
    let a = post(&app, Some(GQL), &json!([{ "query": "{" }]).to_string()).await;
    assert_eq!(a.status, 400, "{}", a.text);
    let a = post(&app, Some(JSON), "[]").await;
    assert_eq!(a.status, 400, "{}", a.text);
    let a = post(
        &app,
        Some(JSON),
        &json!([{ "query": "{ __typename }" }, { "query": 1 }]).to_string(),
    )
    .await;
    assert_eq!(a.status, 400, "{}", a.text);
    assert!(a.body["errors"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("operation 1:"));
    let a = post(&app, Some(JSON), "\"just a string\"").await;
    assert_eq!(a.status, 400, "{}", a.text);
}
db_test!(status_codes_follow_the_media_type, status_codes);
