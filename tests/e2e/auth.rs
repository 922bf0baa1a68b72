//! Every way a token can be refused gets UNAUTHENTICATED with its reason code, and no key
//! material in the answer; every kind of good token is accepted.

use crate::common::*;
use jsonwebtoken::{jwk::Jwk, Algorithm, EncodingKey, Header};
use reqwest::StatusCode;
use serde_json::{json, Value};
use wiremock::{matchers::method, Mock, MockServer, ResponseTemplate};

const WHOAMI: &str =
    "{ viewer { isAdmin isOperator person { subject: displayName } organization { slug } } }";

/// Asserts the request was refused with `reason`, and that nothing secret leaked.
fn assert_refused(reply: &Reply, reason: &str, secrets: &[&str]) {
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{:#}", reply.body);
    let error = &reply.errors()[0];
    assert_eq!(
        error["extensions"]["code"], "UNAUTHENTICATED",
        "{:#}",
        reply.body
    );
    assert_eq!(error["extensions"]["reason"], reason, "{:#}", reply.body);
    assert!(
        reply.body.get("data").is_none(),
        "no data on a refused token"
    );
    let text = reply.body.to_string();
    for secret in secrets {
        assert!(
            !text.contains(secret),
            "response leaks key material: {text}"
        );
    }
}

fn hs256(org: &OrgFixture, kid: Option<&str>, claims: Value) -> String {
    let mut header = Header::new(Algorithm::HS256);
    header.kid = kid.map(str::to_owned);
    sign(
        header,
        claims,
        &EncodingKey::from_secret(org.secret.as_bytes()),
    )
}

async fn token_rejections(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let globex = app.create_org("globex").await;
    let secrets = [acme.secret.as_str(), globex.secret.as_str()];

    // No token where one is needed: the field fails, the request itself is fine.
    let reply = app.graphql(None, WHOAMI, json!({})).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.codes(), ["UNAUTHENTICATED"]);
    assert_eq!(reply.errors()[0]["extensions"]["reason"], "TOKEN_MISSING");

    // The good token, as the baseline every rejection below departs from.
    let reply = app
        .graphql(Some(&acme.token("alice", json!({}))), WHOAMI, json!({}))
        .await;
    reply.assert_ok();
    assert_eq!(reply.data("/viewer/organization/slug"), "acme");

    let cases: Vec<(&str, String, &str)> = vec![
        ("garbage", "not.a.jwt".to_owned(), "TOKEN_MALFORMED"),
        ("two segments", "abc.def".to_owned(), "TOKEN_MALFORMED"),
        (
            "alg none",
            {
                use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
                let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
                let body =
                    URL_SAFE_NO_PAD.encode(claims(&acme.issuer, "alice", json!({})).to_string());
                format!("{header}.{body}.")
            },
            "ALGORITHM_NOT_ALLOWED",
        ),
        (
            "wrong signature",
            {
                let mut header = Header::new(Algorithm::HS256);
                header.kid = Some(acme.kid.clone());
                sign(
                    header,
                    claims(&acme.issuer, "alice", json!({})),
                    &EncodingKey::from_secret(b"another-secret-of-enough-length-0123456789"),
                )
            },
            "SIGNATURE_INVALID",
        ),
        (
            "expired beyond leeway",
            acme.token("alice", json!({ "exp": now() - 120 })),
            "TOKEN_EXPIRED",
        ),
        (
            "not yet valid",
            acme.token("alice", json!({ "nbf": now() + 120 })),
            "TOKEN_NOT_YET_VALID",
        ),
        (
            "wrong audience",
            acme.token("alice", json!({ "aud": "someone-else" })),
            "AUDIENCE_INVALID",
        ),
        (
            "unknown issuer",
            hs256(
                &acme,
                Some(&acme.kid),
                claims("https://evil.test", "alice", json!({})),
            ),
            "ISSUER_UNKNOWN",
        ),
        (
            "unknown kid",
            hs256(
                &acme,
                Some("no-such-kid"),
                claims(&acme.issuer, "alice", json!({})),
            ),
            "KEY_UNKNOWN",
        ),
        (
            "missing sub",
            acme.token("alice", json!({ "sub": null })),
            "CLAIM_MISSING",
        ),
        (
            "missing exp",
            acme.token("alice", json!({ "exp": null })),
            "CLAIM_MISSING",
        ),
        (
            "missing aud",
            acme.token("alice", json!({ "aud": null })),
            "CLAIM_MISSING",
        ),
        (
            "missing iss",
            acme.token("alice", json!({ "iss": null })),
            "CLAIM_MISSING",
        ),
        // Org A's token claiming to act in org B, three ways.
        (
            "org claim of another organization",
            acme.token("alice", json!({ "org": "globex" })),
            "ORGANIZATION_MISMATCH",
        ),
        (
            "other org's issuer, own key by kid",
            hs256(
                &acme,
                Some(&acme.kid),
                claims(&globex.issuer, "alice", json!({})),
            ),
            "KEY_UNKNOWN",
        ),
        (
            "other org's issuer, own key without kid",
            hs256(&acme, None, claims(&globex.issuer, "alice", json!({}))),
            "SIGNATURE_INVALID",
        ),
    ];
    for (name, token, reason) in cases {
        let reply = app.graphql(Some(&token), WHOAMI, json!({})).await;
        assert_eq!(
            reply.status,
            StatusCode::UNAUTHORIZED,
            "{name}: {:#}",
            reply.body
        );
        assert_eq!(
            reply.errors()[0]["extensions"]["reason"],
            reason,
            "{name}: {:#}",
            reply.body
        );
        assert_refused(&reply, reason, &secrets);
    }

    // Within the leeway (30 s) an expired token still passes.
    let reply = app
        .graphql(
            Some(&acme.token("alice", json!({ "exp": now() - 10 }))),
            WHOAMI,
            json!({}),
        )
        .await;
    reply.assert_ok();

    // A non-bearer scheme is refused too.
    let response = app
        .http
        .post(app.url("/graphql"))
        .header(
            "Authorization",
            format!("Basic {}", acme.token("alice", json!({}))),
        )
        .json(&json!({ "query": WHOAMI }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}
db_test!(
    rejected_tokens_get_unauthenticated_with_a_reason,
    token_rejections
);

async fn algorithm_confusion(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let umbrella = app.create_org("umbrella").await;
    let operator = app.operator_token();
    // Give the organization an RS256 key; then an attacker signs an HS256 token with the
    // public key's bytes as the HMAC secret.
    let public_pem = fixture("rsa_public.pem");
    let reply = add_public_key(&app, &umbrella, "rsa-1", "RS256", &public_pem).await;
    assert!(reply.is_ok(), "{reply:?}");
    let _ = operator;
    for kid in [Some("rsa-1"), None] {
        let mut header = Header::new(Algorithm::HS256);
        header.kid = kid.map(str::to_owned);
        let forged = sign(
            header,
            claims(&umbrella.issuer, "mallory", json!({})),
            &EncodingKey::from_secret(public_pem.as_bytes()),
        );
        let reply = app.graphql(Some(&forged), WHOAMI, json!({})).await;
        if kid.is_some() {
            assert_refused(&reply, "ALGORITHM_NOT_ALLOWED", &[&umbrella.secret]);
        } else {
            // Without a kid the HS256 key of the organization is tried, and fails.
            assert_refused(&reply, "SIGNATURE_INVALID", &[&umbrella.secret]);
        }
    }
    // The genuine RS256 token is accepted.
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some("rsa-1".into());
    let genuine = sign(
        header,
        claims(&umbrella.issuer, "alice", json!({})),
        &EncodingKey::from_rsa_pem(fixture("rsa_private.pem").as_bytes()).unwrap(),
    );
    app.graphql(Some(&genuine), WHOAMI, json!({}))
        .await
        .assert_ok();
}
db_test!(
    hs256_signed_with_a_public_key_is_refused,
    algorithm_confusion
);

async fn add_public_key(
    app: &TestApp,
    org: &OrgFixture,
    kid: &str,
    algorithm: &str,
    pem: &str,
) -> Result<(), String> {
    use api::{
        auth::{OperatorViewer, Viewer},
        service::identity::{add_key, KeyMaterial, NewKey},
    };
    let operator = Viewer::Operator(OperatorViewer {
        subject: "t".into(),
    });
    add_key(
        &app.db,
        &operator,
        org.id,
        None,
        NewKey {
            kid: Some(kid.into()),
            material: KeyMaterial::PublicPem {
                algorithm: algorithm.into(),
                pem: pem.into(),
            },
        },
        false,
    )
    .await
    .map(|_| ())
    .map_err(|e| e.to_string())
}

async fn asymmetric_keys(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let org = app.create_org("wayne").await;
    for (kid, alg, public, private) in [
        ("rs", Algorithm::RS256, "rsa_public.pem", "rsa_private.pem"),
        ("es", Algorithm::ES256, "ec_public.pem", "ec_private.pem"),
        ("ed", Algorithm::EdDSA, "ed_public.pem", "ed_private.pem"),
    ] {
        add_public_key(&app, &org, kid, &format!("{alg:?}"), &fixture(public))
            .await
            .unwrap();
        let pem = fixture(private);
        let key = match alg {
            Algorithm::RS256 => EncodingKey::from_rsa_pem(pem.as_bytes()),
            Algorithm::ES256 => EncodingKey::from_ec_pem(pem.as_bytes()),
            _ => EncodingKey::from_ed_pem(pem.as_bytes()),
        }
        .unwrap();
        let mut header = Header::new(alg);
        header.kid = Some(kid.into());
        let token = sign(header.clone(), claims(&org.issuer, kid, json!({})), &key);
        let reply = app.graphql(Some(&token), WHOAMI, json!({})).await;
        reply.assert_ok();
        assert_eq!(reply.data("/viewer/organization/slug"), "wayne", "{alg:?}");
        // Header algorithm changed to another of the same family: refused.
        if alg == Algorithm::RS256 {
            header.alg = Algorithm::RS384;
            let token = sign(header, claims(&org.issuer, kid, json!({})), &key);
            let reply = app.graphql(Some(&token), WHOAMI, json!({})).await;
            assert_refused(&reply, "ALGORITHM_NOT_ALLOWED", &[]);
        }
    }
    // A key that does not parse is refused when added.
    let err = add_public_key(
        &app,
        &org,
        "bad",
        "RS256",
        "-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----\n",
    )
    .await;
    assert!(err.is_err());
}
db_test!(rs256_es256_and_eddsa_keys_verify, asymmetric_keys);

async fn rotation_and_disabling(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let old_token = acme.token("alice", json!({}));
    app.graphql(Some(&old_token), WHOAMI, json!({}))
        .await
        .assert_ok();

    // Rotate: a new key, the old one retired in the same step.
    use api::{
        auth::{OperatorViewer, Viewer},
        service::identity::{add_key, KeyMaterial, NewKey},
    };
    let operator = Viewer::Operator(OperatorViewer {
        subject: "t".into(),
    });
    let new_secret = "acme-rotated-secret-0123456789-abcdefghij".to_owned();
    add_key(
        &app.db,
        &operator,
        acme.id,
        None,
        NewKey {
            kid: Some("acme-k2".into()),
            material: KeyMaterial::Hs256(new_secret.clone()),
        },
        true,
    )
    .await
    .unwrap();
    let reply = app.graphql(Some(&old_token), WHOAMI, json!({})).await;
    assert_refused(&reply, "KEY_UNKNOWN", &[&acme.secret, &new_secret]);
    let rotated = OrgFixture {
        secret: new_secret,
        kid: "acme-k2".into(),
        ..acme.clone()
    };
    app.graphql(Some(&rotated.token("alice", json!({}))), WHOAMI, json!({}))
        .await
        .assert_ok();

    // The operator disables the organization through GraphQL: its tokens stop working at once.
    let org_id = app
        .graphql(
            Some(&rotated.token("alice", json!({}))),
            "{ viewer { organization { id } } }",
            json!({}),
        )
        .await
        .data("/viewer/organization/id")
        .clone();
    let disable = "mutation($id: ID!) { disableOrganization(input: { organizationId: $id }) { organization { slug disabledAt } userErrors { code } } }";
    let reply = app
        .graphql(
            Some(&app.operator_token()),
            disable,
            json!({ "id": org_id }),
        )
        .await;
    reply.assert_ok();
    assert!(reply
        .data("/disableOrganization/organization/disabledAt")
        .is_string());
    let reply = app
        .graphql(Some(&rotated.token("alice", json!({}))), WHOAMI, json!({}))
        .await;
    assert_refused(&reply, "ORGANIZATION_DISABLED", &[]);

    // A person may not disable or enable organizations.
    let enable = "mutation($id: ID!) { enableOrganization(input: { organizationId: $id }) { organization { slug disabledAt } } }";
    let globex = app.create_org("globex").await;
    let reply = app
        .graphql(
            Some(&globex.admin_token("dana")),
            enable,
            json!({ "id": org_id }),
        )
        .await;
    assert_eq!(reply.codes(), ["FORBIDDEN"]);

    let reply = app
        .graphql(Some(&app.operator_token()), enable, json!({ "id": org_id }))
        .await;
    reply.assert_ok();
    assert!(reply
        .data("/enableOrganization/organization/disabledAt")
        .is_null());
    app.graphql(Some(&rotated.token("alice", json!({}))), WHOAMI, json!({}))
        .await
        .assert_ok();
}
db_test!(
    rotated_out_keys_and_disabled_organizations_are_refused,
    rotation_and_disabling
);

fn rsa_jwk(private_pem: &str, kid: &str) -> Value {
    let key = EncodingKey::from_rsa_pem(private_pem.as_bytes()).unwrap();
    let mut jwk = Jwk::from_encoding_key(&key, Algorithm::RS256).unwrap();
    jwk.common.key_id = Some(kid.to_owned());
    serde_json::to_value(jwk).unwrap()
}

async fn jwks(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let idp = MockServer::start().await;
    let jwks_url = format!("{}/.well-known/jwks.json", idp.uri());
    let operator = app.operator_token();
    let create = "mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { slug } userErrors { field code message } } }";
    let reply = app
        .graphql(
            Some(&operator),
            create,
            json!({ "input": { "slug": "hooli", "name": "Hooli", "issuer": "https://login.hooli.test", "jwksUrl": jwks_url, "adminClaim": "groups", "adminClaimValue": "praxis-admins" } }),
        )
        .await;
    reply.assert_ok();
    assert_eq!(reply.data("/createOrganization/userErrors"), &json!([]));

    let first = fixture("rsa_private.pem");
    let second = fixture("rsa2_private.pem");
    let set_keys = |keys: Vec<Value>| {
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({ "keys": keys })))
    };
    idp.reset().await;
    set_keys(vec![rsa_jwk(&first, "2026-01")]).mount(&idp).await;

    let token = |pem: &str, kid: &str, extra: Value| {
        let mut header = Header::new(Algorithm::RS256);
        header.kid = Some(kid.to_owned());
        sign(
            header,
            claims("https://login.hooli.test", "gavin", extra),
            &EncodingKey::from_rsa_pem(pem.as_bytes()).unwrap(),
        )
    };
    let reply = app
        .graphql(
            Some(&token(
                &first,
                "2026-01",
                json!({ "groups": ["staff", "praxis-admins"] }),
            )),
            WHOAMI,
            json!({}),
        )
        .await;
    reply.assert_ok();
    assert_eq!(
        reply.data("/viewer/isAdmin"),
        true,
        "the organization's own admin claim counts"
    );

    // The provider rotates: a token with the new kid makes the server refetch the JWKS.
    idp.reset().await;
    set_keys(vec![rsa_jwk(&second, "2026-02")])
        .mount(&idp)
        .await;
    let reply = app
        .graphql(
            Some(&token(&second, "2026-02", json!({}))),
            WHOAMI,
            json!({}),
        )
        .await;
    reply.assert_ok();
    assert_eq!(reply.data("/viewer/isAdmin"), false);
    // The old key is gone from the provider's set.
    let reply = app
        .graphql(
            Some(&token(&first, "2026-01", json!({}))),
            WHOAMI,
            json!({}),
        )
        .await;
    assert_refused(&reply, "KEY_UNKNOWN", &[]);
    // A kid that is in the set but a signature by another key.
    let reply = app
        .graphql(
            Some(&token(&first, "2026-02", json!({}))),
            WHOAMI,
            json!({}),
        )
        .await;
    assert_refused(&reply, "SIGNATURE_INVALID", &[]);
    assert!(idp.received_requests().await.unwrap().len() >= 2);
}
db_test!(
    jwks_keys_are_fetched_cached_and_refreshed_on_unknown_kid,
    jwks
);

async fn people_are_created_on_first_sight(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let query = "{ viewer { person { id displayName email } } }";
    let token = acme.token(
        "alice",
        json!({ "name": "Alice", "email": "alice@acme.test" }),
    );
    let first = app.graphql(Some(&token), query, json!({})).await;
    first.assert_ok();
    let second = app.graphql(Some(&token), query, json!({})).await;
    assert_eq!(
        first.data("/viewer/person/id"),
        second.data("/viewer/person/id")
    );
    assert_eq!(first.data("/viewer/person/displayName"), "Alice");
    // The name claim changes at the provider: Praxis follows.
    let renamed = acme.token("alice", json!({ "name": "Alice A." }));
    let third = app.graphql(Some(&renamed), query, json!({})).await;
    assert_eq!(
        third.data("/viewer/person/id"),
        first.data("/viewer/person/id")
    );
    assert_eq!(third.data("/viewer/person/displayName"), "Alice A.");
    // The same subject at another organization is another person.
    let globex = app.create_org("globex").await;
    let other = app
        .graphql(Some(&globex.token("alice", json!({}))), query, json!({}))
        .await;
    assert_ne!(
        other.data("/viewer/person/id"),
        first.data("/viewer/person/id")
    );

    // Concurrent first requests of one new person create exactly one row.
    let token = acme.token("newcomer", json!({}));
    let replies =
        futures_util::future::join_all((0..8).map(|_| app.graphql(Some(&token), query, json!({}))))
            .await;
    let ids: std::collections::HashSet<String> = replies
        .iter()
        .map(|r| {
            r.assert_ok()
                .data("/viewer/person/id")
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(ids.len(), 1);
}
db_test!(
    people_are_created_on_first_sight_once,
    people_are_created_on_first_sight
);
