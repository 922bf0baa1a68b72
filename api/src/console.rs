//! The admin console (`/console`) and GraphiQL (`GET /graphql`): the pages `console/` builds
//! (`npm run build` writes `console/dist`), embedded in the binary at compile time, so a
//! server on a network without internet access serves every script, style and font itself.

use crate::graphql::error::ErrorCode;
use actix_web::{
    http::header::{self, ContentType, EntityTag},
    web, HttpRequest, HttpResponse,
};
use rust_embed::Embed;

/// `console/dist`: `index.html` (the console), `graphiql.html` and `assets/` (content-hashed
/// names, so they may be cached for good).
#[derive(Embed)]
#[folder = "../console/dist"]
struct Assets;

/// What the pages may load and where they may connect: everything from this server, and
/// connections anywhere (an organization's identity provider for the console's sign-in).
/// No frames, no plug-ins, no inline scripts.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; \
     connect-src *; object-src 'none'; base-uri 'self'; form-action 'self'; \
     frame-ancestors 'none'";

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/console", web::get().to(redirect_to_console))
        .route("/console/{path:.*}", web::get().to(console_file));
}

async fn redirect_to_console() -> HttpResponse {
    HttpResponse::PermanentRedirect()
        .insert_header((header::LOCATION, "/console/"))
        .finish()
}

/// A file of the console, or its page for any path without an extension (the console's own
/// routes, such as `/console/partnerships`, load the same page).
async fn console_file(req: HttpRequest, path: web::Path<String>) -> HttpResponse {
    let path = path.into_inner();
    let last = path.rsplit('/').next().unwrap_or_default();
    if path.is_empty() || !last.contains('.') {
        return embedded(&req, "index.html");
    }
    embedded(&req, &path)
}

/// The GraphiQL page.
pub fn graphiql(req: &HttpRequest) -> HttpResponse {
    embedded(req, "graphiql.html")
}

fn embedded(req: &HttpRequest, path: &str) -> HttpResponse {
    let Some(file) = Assets::get(path) else {
        return HttpResponse::NotFound().json(crate::server::error_body(
            ErrorCode::NotFound,
            "no such file in the console",
            None,
        ));
    };
    let tag = EntityTag::new_strong(hex::encode(file.metadata.sha256_hash()));
    let cache = if path.starts_with("assets/") {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let unchanged = match req.headers().get(header::IF_NONE_MATCH) {
        Some(value) => value.to_str().ok().is_some_and(|value| {
            value.split(',').any(|candidate| {
                let candidate = candidate.trim();
                candidate == "*"
                    || candidate
                        .parse::<EntityTag>()
                        .is_ok_and(|candidate| candidate.weak_eq(&tag))
            })
        }),
        None => false,
    };
    let mut response = if unchanged {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    response
        .insert_header(header::ETag(tag))
        .insert_header((header::CACHE_CONTROL, cache))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"));
    let mime = file.metadata.mimetype();
    if mime.starts_with("text/html") {
        response
            .insert_header((header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY))
            .insert_header((header::REFERRER_POLICY, "no-referrer"));
    }
    if unchanged {
        return response.finish();
    }
    let content_type = match mime {
        "text/html" => ContentType(mime_with_charset("text/html")),
        "text/css" => ContentType(mime_with_charset("text/css")),
        "text/javascript" | "application/javascript" => {
            ContentType(mime_with_charset("text/javascript"))
        }
        other => ContentType(
            other
                .parse()
                .unwrap_or(actix_web::mime::APPLICATION_OCTET_STREAM),
        ),
    };
    response
        .insert_header(content_type)
        .body(file.data.into_owned())
}

fn mime_with_charset(essence: &str) -> actix_web::mime::Mime {
    format!("{essence}; charset=utf-8")
        .parse()
        .unwrap_or(actix_web::mime::TEXT_PLAIN_UTF_8)
}

#[cfg(test)]
mod tests {
    use super::Assets;

    #[test]
    fn the_build_is_embedded() {
        assert!(Assets::get("index.html").is_some());
        assert!(Assets::get("graphiql.html").is_some());
        assert!(Assets::iter().any(|name| name.starts_with("assets/")));
    }
}
