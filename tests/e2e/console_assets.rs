//! The admin console and GraphiQL as the binary serves them: every file of `console/dist`
//! embedded and served byte for byte, the console's own routes answered with its page, caching
//! (immutable hashed assets, revalidated pages, ETags), the content security policy, and
//! nothing a page loads from anywhere but the server itself.

use crate::common::*;
use reqwest::{header, redirect, StatusCode};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn dist() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("console/dist")
}

/// Every file under `dir`, as paths relative to it with `/` separators.
fn files(dir: &Path, prefix: &str, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if entry.file_type().unwrap().is_dir() {
            files(&entry.path(), &format!("{name}/"), out);
        } else {
            out.push(name);
        }
    }
}

/// The values of every `src="…"` and `href="…"` attribute of an HTML page.
fn references(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attribute in ["src=\"", "href=\""] {
        let mut rest = html;
        while let Some(start) = rest.find(attribute) {
            rest = &rest[start + attribute.len()..];
            let end = rest.find('"').unwrap();
            found.push(rest[..end].to_string());
            rest = &rest[end..];
        }
    }
    found
}

#[tokio::test]
async fn the_console_and_graphiql_are_served_from_the_binary() {
    let app = spawn_app(Backend::Sqlite).await.unwrap();
    let no_redirects = reqwest::Client::builder()
        .redirect(redirect::Policy::none())
        .build()
        .unwrap();

    // /console sends the browser to /console/.
    let response = no_redirects.get(app.url("/console")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::PERMANENT_REDIRECT);
    assert_eq!(response.headers()[header::LOCATION], "/console/");

    // The page: HTML, revalidated on every load, under the content security policy.
    let index = std::fs::read_to_string(dist().join("index.html")).unwrap();
    let response = app.http.get(app.url("/console/")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let headers = response.headers().clone();
    assert_eq!(headers[header::CONTENT_TYPE], "text/html; charset=utf-8");
    assert_eq!(headers[header::CACHE_CONTROL], "no-cache");
    assert_eq!(
        headers[header::CONTENT_SECURITY_POLICY],
        api::console::CONTENT_SECURITY_POLICY
    );
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(response.text().await.unwrap(), index);

    // The console's own routes (deep links, reloads) get the same page.
    for route in [
        "/console/partnerships",
        "/console/communities/abc",
        "/console/oidc/callback",
    ] {
        let response = app.http.get(app.url(route)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{route}");
        assert_eq!(response.text().await.unwrap(), index, "{route}");
    }

    // A file that does not exist is a 404 with the API's error body, not the page.
    let response = app
        .http
        .get(app.url("/console/assets/missing-0000.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["errors"][0]["extensions"]["code"], "NOT_FOUND");

    // GraphiQL on GET /graphql is the embedded page.
    let graphiql = std::fs::read_to_string(dist().join("graphiql.html")).unwrap();
    let response = app.http.get(app.url("/graphql")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[header::CONTENT_SECURITY_POLICY],
        api::console::CONTENT_SECURITY_POLICY
    );
    assert_eq!(response.text().await.unwrap(), graphiql);

    // Both pages load only what the server has: every reference is a path on it, and answers.
    for page in [&index, &graphiql] {
        let refs = references(page);
        assert!(refs.len() >= 3, "{refs:?}");
        for reference in refs {
            assert!(
                reference.starts_with("/console/"),
                "{reference} leaves the server"
            );
            let response = app.http.get(app.url(&reference)).send().await.unwrap();
            assert_eq!(response.status(), StatusCode::OK, "{reference}");
        }
    }

    // Every file of console/dist, byte for byte; hashed assets cached for good, and an ETag
    // that answers 304 when it still matches.
    let mut all = Vec::new();
    files(&dist(), "", &mut all);
    assert!(all.iter().filter(|f| f.starts_with("assets/")).count() > 10);
    for file in &all {
        let expected = std::fs::read(dist().join(file)).unwrap();
        let response = app
            .http
            .get(app.url(&format!("/console/{file}")))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{file}");
        let headers = response.headers().clone();
        let cache = headers[header::CACHE_CONTROL].to_str().unwrap().to_string();
        if file.starts_with("assets/") {
            assert_eq!(cache, "public, max-age=31536000, immutable", "{file}");
        } else {
            assert_eq!(cache, "no-cache", "{file}");
        }
        if file.ends_with(".js") {
            assert_eq!(
                headers[header::CONTENT_TYPE],
                "text/javascript; charset=utf-8",
                "{file}"
            );
        }
        assert_eq!(response.bytes().await.unwrap().as_ref(), expected, "{file}");
        let etag = headers[header::ETAG].clone();
        let again = app
            .http
            .get(app.url(&format!("/console/{file}")))
            .header(header::IF_NONE_MATCH, etag.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{file}");
        assert_eq!(again.headers()[header::ETAG], etag);
        assert!(again.bytes().await.unwrap().is_empty());
    }

    // A stale ETag gets the file again.
    let response = app
        .http
        .get(app.url("/console/index.html"))
        .header(header::IF_NONE_MATCH, "\"not-the-current-one\"")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.text().await.unwrap(), index);
}
