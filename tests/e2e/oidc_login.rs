//! An organization's OpenID Connect console login: set, read (by its admins, and publicly by
//! slug for the sign-in page), replaced, removed, audited; refused input; who may change it.

use crate::common::*;
use serde_json::{json, Value};

const LOGIN: &str =
    "issuer clientId authorizationEndpoint tokenEndpoint scopes bearerToken updatedAt";

async fn org_global_id(app: &TestApp, token: &str, slug: &str) -> String {
    let reply = app
        .graphql(
            Some(token),
            "query($s: String!) { organization(slug: $s) { id } }",
            json!({ "s": slug }),
        )
        .await;
    reply.assert_ok();
    reply.data("/organization/id").as_str().unwrap().to_owned()
}

async fn set(app: &TestApp, token: &str, input: Value) -> Reply {
    app.graphql(
        Some(token),
        &format!(
            "mutation($input: SetOidcLoginInput!) {{ setOidcLogin(input: $input) {{ \
             oidcLogin {{ {LOGIN} }} userErrors {{ field code message }} }} }}"
        ),
        json!({ "input": input }),
    )
    .await
}

async fn remove(app: &TestApp, token: &str, organization_id: &str) -> Reply {
    app.graphql(
        Some(token),
        "mutation($input: RemoveOidcLoginInput!) { removeOidcLogin(input: $input) { \
         organization { slug } removed userErrors { field code message } } }",
        json!({ "input": { "organizationId": organization_id } }),
    )
    .await
}

async fn public(app: &TestApp, slug: &str) -> Reply {
    let reply = app
        .graphql(
            None,
            &format!("query($o: String!) {{ oidcLogin(organization: $o) {{ {LOGIN} }} }}"),
            json!({ "o": slug }),
        )
        .await;
    reply.assert_ok();
    reply
}

async fn admin_view(app: &TestApp, token: &str, slug: &str) -> Reply {
    app.graphql(
        Some(token),
        &format!(
            "query($s: String!) {{ organization(slug: $s) {{ identity {{ oidcLogin {{ {LOGIN} }} }} }} }}"
        ),
        json!({ "s": slug }),
    )
    .await
}

async fn audit_actions(app: &TestApp, token: &str, slug: &str) -> Vec<(String, Value, Value)> {
    let reply = app
        .graphql(
            Some(token),
            "query($s: String!) { organization(slug: $s) { auditEvents(first: 50, filter: \
             { actions: [OIDC_LOGIN_SET, OIDC_LOGIN_REMOVED] }) { nodes { action before after \
             actor { displayName } } } } }",
            json!({ "s": slug }),
        )
        .await;
    reply.assert_ok();
    reply
        .data("/organization/auditEvents/nodes")
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["action"].as_str().unwrap().to_owned(),
                n["before"].clone(),
                n["after"].clone(),
            )
        })
        .collect()
}

fn input(org: &str, issuer: &str) -> Value {
    json!({
        "organizationId": org,
        "issuer": issuer,
        "clientId": AUDIENCE,
        "authorizationEndpoint": "https://login.acme.test/oauth2/authorize",
        "tokenEndpoint": "https://login.acme.test/oauth2/token",
    })
}

async fn set_read_replace_remove(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let admin = acme.token(
        "alice",
        json!({ "roles": ["admin"], "name": "Alice Admin" }),
    );
    let id = org_global_id(&app, &admin, "acme").await;

    // None yet: null publicly and for the admin.
    assert_eq!(public(&app, "acme").await.data("/oidcLogin"), &Value::Null);
    let view = admin_view(&app, &admin, "acme").await;
    view.assert_ok();
    assert_eq!(view.data("/organization/identity/oidcLogin"), &Value::Null);

    // Set with the defaults: ID_TOKEN, "openid profile email".
    let reply = set(&app, &admin, input(&id, &acme.issuer)).await;
    reply.assert_ok();
    assert_eq!(reply.data("/setOidcLogin/userErrors"), &json!([]));
    let login = reply.data("/setOidcLogin/oidcLogin").clone();
    assert_eq!(login["issuer"], acme.issuer);
    assert_eq!(login["clientId"], AUDIENCE);
    assert_eq!(login["scopes"], "openid profile email");
    assert_eq!(login["bearerToken"], "ID_TOKEN");
    assert_eq!(
        login["authorizationEndpoint"],
        "https://login.acme.test/oauth2/authorize"
    );

    // Read back: publicly by slug (no token) and by the admin, the same.
    let read = public(&app, "acme").await;
    assert_eq!(read.data("/oidcLogin"), &login);
    let view = admin_view(&app, &admin, "acme").await;
    view.assert_ok();
    assert_eq!(view.data("/organization/identity/oidcLogin"), &login);

    // Replaced: one login per organization, scopes normalised, ACCESS_TOKEN with any client.
    let mut changed = input(&id, &acme.issuer);
    changed["clientId"] = json!("praxis-console");
    changed["scopes"] = json!("openid  email openid offline_access");
    changed["bearerToken"] = json!("ACCESS_TOKEN");
    changed["tokenEndpoint"] = json!("https://login.acme.test/oauth2/v2/token");
    let reply = set(&app, &admin, changed).await;
    reply.assert_ok();
    assert_eq!(reply.data("/setOidcLogin/userErrors"), &json!([]));
    let read = public(&app, "acme").await;
    assert_eq!(read.data("/oidcLogin/clientId"), "praxis-console");
    assert_eq!(
        read.data("/oidcLogin/scopes"),
        "openid email offline_access"
    );
    assert_eq!(read.data("/oidcLogin/bearerToken"), "ACCESS_TOKEN");
    assert_eq!(
        read.data("/oidcLogin/tokenEndpoint"),
        "https://login.acme.test/oauth2/v2/token"
    );

    // Removed: null again; removing again removes nothing and is no error.
    let reply = remove(&app, &admin, &id).await;
    reply.assert_ok();
    assert_eq!(reply.data("/removeOidcLogin/removed"), true);
    assert_eq!(reply.data("/removeOidcLogin/organization/slug"), "acme");
    assert_eq!(public(&app, "acme").await.data("/oidcLogin"), &Value::Null);
    let reply = remove(&app, &admin, &id).await;
    reply.assert_ok();
    assert_eq!(reply.data("/removeOidcLogin/removed"), false);
    assert_eq!(reply.data("/removeOidcLogin/userErrors"), &json!([]));

    // Audited, newest first: set, set (before = the first), removed (after = null). The
    // second removal changed nothing and wrote nothing.
    let actions = audit_actions(&app, &admin, "acme").await;
    let names: Vec<&str> = actions.iter().map(|(a, _, _)| a.as_str()).collect();
    assert_eq!(
        names,
        ["OIDC_LOGIN_REMOVED", "OIDC_LOGIN_SET", "OIDC_LOGIN_SET"]
    );
    assert_eq!(actions[0].1["clientId"], "praxis-console");
    assert_eq!(actions[0].2, Value::Null);
    assert_eq!(actions[1].1["clientId"], AUDIENCE);
    assert_eq!(actions[1].2["bearerToken"], "ACCESS_TOKEN");
    assert_eq!(actions[2].1, Value::Null);
    assert_eq!(actions[2].2["scopes"], "openid profile email");
}
db_test!(set_read_replace_remove_tests, set_read_replace_remove);

async fn refused_input(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let globex = app.create_org("globex").await;
    let admin = acme.admin_token("alice");
    let id = org_global_id(&app, &admin, "acme").await;

    let cases: Vec<(&str, Value, &str)> = vec![
        ("clientId", json!({ "clientId": "   " }), "1-255 characters"),
        (
            "authorizationEndpoint",
            json!({ "authorizationEndpoint": "not a url" }),
            "not an absolute URL",
        ),
        (
            "authorizationEndpoint",
            json!({ "authorizationEndpoint": "http://login.acme.test/authorize" }),
            "https",
        ),
        (
            "tokenEndpoint",
            json!({ "tokenEndpoint": "javascript:alert(1)" }),
            "scheme",
        ),
        (
            "tokenEndpoint",
            json!({ "tokenEndpoint": "https://user:pw@login.acme.test/token" }),
            "user name or password",
        ),
        ("scopes", json!({ "scopes": "profile email" }), "openid"),
        // Another organization's issuer, or one no one trusts: its tokens would be refused.
        ("issuer", json!({ "issuer": globex.issuer }), "trusts"),
        (
            "issuer",
            json!({ "issuer": "https://nobody.test" }),
            "trusts",
        ),
        // An ID token's audience is the client id: it must be the service's audience.
        (
            "clientId",
            json!({ "clientId": "acme-console" }),
            "audience",
        ),
    ];
    for (field, change, message) in cases {
        let mut body = input(&id, &acme.issuer);
        for (key, value) in change.as_object().unwrap() {
            body[key] = value.clone();
        }
        let reply = set(&app, &admin, body).await;
        reply.assert_ok();
        assert_eq!(
            reply.data("/setOidcLogin/oidcLogin"),
            &Value::Null,
            "{field}: {:#}",
            reply.body
        );
        let errors = reply.data("/setOidcLogin/userErrors");
        assert_eq!(errors[0]["code"], "BAD_USER_INPUT", "{errors:#}");
        assert_eq!(errors[0]["field"], json!(["input", field]), "{errors:#}");
        assert!(
            errors[0]["message"].as_str().unwrap().contains(message),
            "{field}: {errors:#}"
        );
    }
    // Nothing was stored, nothing audited.
    assert_eq!(public(&app, "acme").await.data("/oidcLogin"), &Value::Null);
    assert!(audit_actions(&app, &admin, "acme").await.is_empty());

    // An id that names no organization is a top-level NOT_FOUND, as for every mutation.
    let reply = set(&app, &admin, input("not-an-id", &acme.issuer)).await;
    assert_eq!(reply.codes(), ["NOT_FOUND"], "{:#}", reply.body);
}
db_test!(refused_input_tests, refused_input);

async fn who_may_change_it(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let acme = app.create_org("acme").await;
    let initech = app.create_org("initech").await;
    let admin = acme.admin_token("alice");
    let member = acme.token("bob", json!({}));
    let stranger = initech.admin_token("ivy");
    let id = org_global_id(&app, &admin, "acme").await;

    // A person of the organization who is not an admin: FORBIDDEN, to set, remove and read.
    let reply = set(&app, &member, input(&id, &acme.issuer)).await;
    assert_eq!(reply.codes(), ["FORBIDDEN"], "{:#}", reply.body);
    let reply = remove(&app, &member, &id).await;
    assert_eq!(reply.codes(), ["FORBIDDEN"], "{:#}", reply.body);
    let reply = admin_view(&app, &member, "acme").await;
    assert_eq!(reply.codes(), ["FORBIDDEN"], "{:#}", reply.body);

    // An admin of an organization that does not see Acme: NOT_FOUND, as for any unseen row.
    let reply = set(&app, &stranger, input(&id, &acme.issuer)).await;
    assert_eq!(reply.codes(), ["NOT_FOUND"], "{:#}", reply.body);
    let reply = remove(&app, &stranger, &id).await;
    assert_eq!(reply.codes(), ["NOT_FOUND"], "{:#}", reply.body);

    // Without a token: UNAUTHENTICATED.
    let reply = app
        .graphql(
            None,
            "mutation($input: RemoveOidcLoginInput!) { removeOidcLogin(input: $input) { removed } }",
            json!({ "input": { "organizationId": id } }),
        )
        .await;
    assert_eq!(reply.codes(), ["UNAUTHENTICATED"], "{:#}", reply.body);

    // The operator may set it; nothing above changed anything.
    assert_eq!(public(&app, "acme").await.data("/oidcLogin"), &Value::Null);
    let reply = set(&app, &app.operator_token(), input(&id, &acme.issuer)).await;
    reply.assert_ok();
    assert_eq!(reply.data("/setOidcLogin/userErrors"), &json!([]));
    assert_eq!(
        public(&app, "acme").await.data("/oidcLogin/issuer"),
        acme.issuer.as_str()
    );

    // The public query: null alike for an unknown slug, an organization without a login and
    // a disabled organization.
    assert_eq!(
        public(&app, "no-such-org").await.data("/oidcLogin"),
        &Value::Null
    );
    assert_eq!(
        public(&app, "initech").await.data("/oidcLogin"),
        &Value::Null
    );
    let reply = app
        .graphql(
            Some(&app.operator_token()),
            "mutation($input: OrganizationRefInput!) { disableOrganization(input: $input) { userErrors { code } } }",
            json!({ "input": { "organizationId": id } }),
        )
        .await;
    reply.assert_ok();
    assert_eq!(public(&app, "acme").await.data("/oidcLogin"), &Value::Null);
}
db_test!(who_may_change_it_tests, who_may_change_it);
