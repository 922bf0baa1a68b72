//! The bench's world: a server on port 0, one organization, a community and its members.

use super::receiver::Receiver;
use anyhow::{bail, Context};
use api::{
    auth::{OperatorViewer, Viewer},
    config::{Cli, Command},
    server::{bind, AppState},
    service::{
        identity::{mint_dev_token, DevTokenClaims},
        organization::{create_organization, NewOrganization},
    },
};
use chrono::Utc;
use clap::Parser;
use entity::enums::WebhookStatus;
use praxis_bench::database::BenchDatabase;
use sea_orm::{ActiveModelTrait, Set};
use serde_json::{json, Value};
use std::{collections::HashMap, net::SocketAddr, time::Duration, time::Instant};
use uuid::Uuid;

pub struct World {
    pub addr: SocketAddr,
    pub db: sea_orm::DatabaseConnection,
    pub organization_id: Uuid,
    pub community_id: String,
    pub admin_token: String,
    pub member_tokens: Vec<String>,
    http: reqwest::Client,
}

impl World {
    pub async fn start(bench: &BenchDatabase, members: usize) -> anyhow::Result<World> {
        let cli = Cli::try_parse_from([
            "praxis",
            "--database-url",
            &bench.url,
            "serve",
            "--bind",
            "127.0.0.1:0",
            "--workers",
            "2",
            "--webhook-allow-private-networks",
        ])?;
        let Command::Serve(args) = &cli.command else {
            bail!("not a serve command");
        };
        let state = AppState::new(bench.db.clone(), args)?;
        let (server, addr) = bind(state, args)?;
        tokio::spawn(server);
        let operator = Viewer::Operator(OperatorViewer {
            subject: "bench".into(),
        });
        let created = create_organization(
            &bench.db,
            &operator,
            NewOrganization {
                slug: "acme".into(),
                name: "Acme".into(),
                issuer: None,
                jwks_url: None,
                dev_key: true,
                admin_claim: None,
                admin_claim_value: None,
            },
            true,
        )
        .await?;
        let token = |sub: String, admin: bool| {
            let (db, operator, org, audience) = (
                bench.db.clone(),
                operator.clone(),
                created.organization.clone(),
                args.auth.audience.clone(),
            );
            async move {
                let claims = DevTokenClaims {
                    subject: sub.clone(),
                    name: Some(sub),
                    email: None,
                    admin,
                    ttl: Duration::from_secs(4 * 3600),
                };
                mint_dev_token(&db, &operator, &org, &audience, &claims).await
            }
        };
        let admin_token = token("alice".into(), true).await?;
        let mut world = World {
            addr,
            db: bench.db.clone(),
            organization_id: created.organization.id,
            community_id: String::new(),
            admin_token: admin_token.clone(),
            member_tokens: Vec::new(),
            http: reqwest::Client::new(),
        };
        let created = world
            .graphql(
                &admin_token,
                "mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { community { id } userErrors { code message } } }",
                json!({ "input": { "slug": "guild", "name": "The Guild" } }),
            )
            .await?;
        world.community_id = created["createCommunity"]["community"]["id"]
            .as_str()
            .context("createCommunity failed")?
            .to_owned();
        for n in 0..members {
            let member = token(format!("member{n}"), false).await?;
            let joined = world
                .graphql(
                    &member,
                    "mutation($input: CommunityRefInput!) { joinCommunity(input: $input) { membership { status } } }",
                    json!({ "input": { "communityId": world.community_id } }),
                )
                .await?;
            if joined["joinCommunity"]["membership"]["status"] != "ACTIVE" {
                bail!("member{n} could not join: {joined}");
            }
            world.member_tokens.push(member);
        }
        Ok(world)
    }

    pub async fn graphql(
        &self,
        token: &str,
        query: &str,
        variables: Value,
    ) -> anyhow::Result<Value> {
        let body: Value = self
            .http
            .post(format!("http://{}/graphql", self.addr))
            .bearer_auth(token)
            .json(&json!({ "query": query, "variables": variables }))
            .send()
            .await?
            .json()
            .await?;
        if body.get("errors").is_some() {
            bail!("GraphQL errors: {body}");
        }
        Ok(body["data"].clone())
    }

    /// Posts `count` problems from `writers` concurrent writers; when each was answered, by
    /// problem global id.
    pub async fn post_problems(
        &self,
        count: usize,
        writers: usize,
        label: &str,
    ) -> anyhow::Result<HashMap<String, Instant>> {
        let mut tasks = Vec::new();
        for w in 0..writers.max(1) {
            let share = count / writers.max(1) + usize::from(w < count % writers.max(1));
            let (http, addr, token, community, label) = (
                self.http.clone(),
                self.addr,
                self.admin_token.clone(),
                self.community_id.clone(),
                label.to_owned(),
            );
            tasks.push(tokio::spawn(async move {
                let mut done = Vec::with_capacity(share);
                for n in 0..share {
                    let body: Value = http
                        .post(format!("http://{addr}/graphql"))
                        .bearer_auth(&token)
                        .json(&json!({
                            "query": "mutation($input: PostProblemInput!) { postProblem(input: $input) { problem { id } userErrors { code message } } }",
                            "variables": { "input": { "communityId": community,
                                "title": format!("{label} problem {w}-{n}"), "body": "Bench event" } }
                        }))
                        .send()
                        .await?
                        .json()
                        .await?;
                    let id = body["data"]["postProblem"]["problem"]["id"]
                        .as_str()
                        .with_context(|| format!("postProblem failed: {body}"))?
                        .to_owned();
                    done.push((id, Instant::now()));
                }
                anyhow::Ok(done)
            }));
        }
        let mut all = HashMap::new();
        for task in tasks {
            all.extend(task.await??);
        }
        Ok(all)
    }

    /// Registers `count` endpoints of the organization, each asking for PROBLEM_POSTED, at
    /// the receiver (written as rows: the bench measures delivery, not registration).
    pub async fn add_endpoints(&self, receiver: &Receiver, count: usize) -> anyhow::Result<()> {
        let now = Utc::now();
        for n in 0..count {
            entity::webhook_endpoint::ActiveModel {
                id: Set(Uuid::now_v7()),
                organization_id: Set(self.organization_id),
                url: Set(format!("http://{}/hooks/{n}", receiver.addr)),
                description: Set(Some(format!("bench endpoint {n}"))),
                event_types: Set(json!(["PROBLEM_POSTED"])),
                secret: Set(format!("whsec_bench_{n}")),
                status: Set(WebhookStatus::Active),
                failing_since: Set(None),
                disabled_at: Set(None),
                disabled_reason: Set(None),
                created_by_person_id: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&self.db)
            .await?;
        }
        Ok(())
    }
}
