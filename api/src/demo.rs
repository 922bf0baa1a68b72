//! The demo world: three organizations with people, loaded idempotently by `serve --demo` and
//! `seed`, so that a new user can try the API at once.

use crate::{
    auth::{MemberIdentity, OperatorViewer, Viewer},
    error::ServiceResult,
    service::{self, organization::NewOrganization},
};
use sea_orm::DatabaseConnection;

/// A demo person: subject, display name, whether an admin.
pub type DemoPerson = (&'static str, &'static str, bool);

/// Demo organizations: slug, name, and their people.
pub const DEMO_WORLD: &[(&str, &str, &[DemoPerson])] = &[
    (
        "acme",
        "Acme Corporation",
        &[
            ("alice", "Alice Archer", true),
            ("bob", "Bob Baker", false),
            ("carol", "Carol Chen", false),
        ],
    ),
    (
        "globex",
        "Globex",
        &[("dana", "Dana Diaz", true), ("erin", "Erin Evans", false)],
    ),
    (
        "initech",
        "Initech",
        &[
            ("frank", "Frank Foster", true),
            ("grace", "Grace Green", false),
        ],
    ),
];

/// What loading the demo did, for the message printed after it.
#[derive(Debug, Default)]
pub struct DemoReport {
    pub created: Vec<String>,
    pub existing: Vec<String>,
}

/// Loads the demo world; organizations that exist already are left as they are.
pub async fn load(db: &DatabaseConnection) -> ServiceResult<DemoReport> {
    let operator = Viewer::Operator(OperatorViewer {
        subject: "praxis-demo".to_owned(),
    });
    let mut report = DemoReport::default();
    for (slug, name, people) in DEMO_WORLD {
        let org = match service::organization::find_by_slug(db, &operator, slug).await {
            Ok(org) => {
                report.existing.push((*slug).to_owned());
                org
            }
            Err(crate::error::ServiceError::NotFound) => {
                let new = NewOrganization {
                    slug: (*slug).to_owned(),
                    name: (*name).to_owned(),
                    issuer: None,
                    jwks_url: None,
                    dev_key: true,
                    admin_claim: None,
                    admin_claim_value: None,
                };
                report.created.push((*slug).to_owned());
                service::organization::create_organization(db, &operator, new, false)
                    .await?
                    .organization
            }
            Err(other) => return Err(other),
        };
        for (subject, display_name, is_admin) in *people {
            let member = MemberIdentity {
                organization_id: org.id,
                subject: (*subject).to_owned(),
                name: Some((*display_name).to_owned()),
                email: Some(format!("{subject}@{slug}.example")),
                is_admin: *is_admin,
            };
            service::person::sign_in(db, &member).await?;
        }
    }
    Ok(report)
}

/// How to get tokens for the demo world.
pub fn instructions(bind: Option<&str>) -> String {
    let mut text = String::from("Demo world loaded: organizations acme, globex, initech.\n");
    text.push_str("Mint a token (`praxis` is `cargo run -q --` in a checkout; admins: alice@acme, dana@globex, frank@initech):\n");
    for (slug, _, people) in DEMO_WORLD {
        for (subject, display_name, is_admin) in *people {
            text.push_str(&format!(
                "  praxis token --org {slug} --sub {subject} --name \"{display_name}\"{}\n",
                if *is_admin { " --admin" } else { "" }
            ));
        }
    }
    if let Some(bind) = bind {
        text.push_str(&format!(
            "Then open http://{bind}/graphql and set the header\n  {{\"Authorization\": \"Bearer <token>\"}}\n"
        ));
    }
    text
}
