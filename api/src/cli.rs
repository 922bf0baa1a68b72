//! The `praxis` command line: serve, migrate, schema, org, token, seed. Errors end in one
//! line on stderr and a non-zero exit.

use crate::{
    auth::{OperatorViewer, Viewer},
    config::{
        Cli, Command, IssuerCommand, KeyCommand, KeySpec, MigrateAction, OrgCommand, SeedArgs,
        TokenArgs,
    },
    db, demo,
    error::ServiceError,
    graphql, seed, server,
    service::{
        self,
        identity::{DevTokenClaims, KeyMaterial, NewKey},
        organization::NewOrganization,
        page::PageRequest,
    },
    telemetry,
};
use anyhow::Context;
use clap::Parser;
use migration::{Migrator, MigratorTrait};
use sea_orm::DatabaseConnection;
use std::process::ExitCode;

/// Entry point of the `praxis` binary.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let telemetry = match telemetry::init(&cli.log) {
        Ok(telemetry) => telemetry,
        Err(err) => {
            eprintln!("error: {err:#}");
            return ExitCode::FAILURE;
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("error: cannot start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    let outcome = runtime.block_on(run(cli));
    // The runtime goes first: the exporter's blocking client may not be dropped inside it.
    drop(runtime);
    telemetry.shutdown();
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {}", one_line(&err));
            ExitCode::FAILURE
        }
    }
}

fn one_line(err: &anyhow::Error) -> String {
    format!("{err:#}").replace('\n', " ")
}

/// The CLI acts as the platform operator: whoever can run it can read the database anyway.
fn cli_operator() -> Viewer {
    Viewer::Operator(OperatorViewer {
        subject: "praxis-cli".to_owned(),
    })
}

/// Service errors as one-line CLI messages.
fn explain(err: ServiceError) -> anyhow::Error {
    match err {
        ServiceError::Invalid { field, message } | ServiceError::Conflict { field, message } => {
            anyhow::anyhow!("{}: {message}", field.join("."))
        }
        ServiceError::NotFound => anyhow::anyhow!("no such organization"),
        other => anyhow::anyhow!("{other}"),
    }
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Schema => {
            print!("{}", graphql::sdl());
            Ok(())
        }
        Command::Migrate { action } => {
            migrate(&cli.database, action.unwrap_or(MigrateAction::Up)).await
        }
        Command::Serve(args) => {
            crate::auth::TokenVerifier::from_args(&args.auth)?;
            let db = db::connect_and_migrate(&cli.database).await?;
            if args.demo {
                demo::load(&db).await.map_err(explain)?;
                eprintln!("{}", demo::instructions(Some(&args.bind.to_string())));
            }
            server::serve(db, &args).await
        }
        Command::Seed(SeedArgs {
            scale: Some(scale),
            seed,
            ..
        }) => {
            let scale = seed::scale::Scale::parse(&scale).map_err(|m| anyhow::anyhow!(m))?;
            seed_scale(&cli.database, scale, seed).await
        }
        Command::Seed(_) => {
            let db = db::connect_and_migrate(&cli.database).await?;
            let report = demo::load(&db).await.map_err(explain)?;
            if !report.existing.is_empty() {
                eprintln!(
                    "already present, left as they were: {}",
                    report.existing.join(", ")
                );
            }
            println!("{}", demo::instructions(None));
            Ok(())
        }
        Command::Token(args) => token(&cli.database, args).await,
        Command::Org { command } => {
            let db = db::connect_and_migrate(&cli.database).await?;
            org(&db, command).await
        }
    }
}

async fn seed_scale(
    database: &crate::config::DatabaseArgs,
    scale: seed::scale::Scale,
    rng_seed: u64,
) -> anyhow::Result<()> {
    let db = db::connect_and_migrate(database).await?;
    let sizes = scale.sizes();
    println!(
        "seeding scale {}: {} organizations, {} people, {} communities, ~{} items (seed {rng_seed})",
        scale.value(),
        sizes.organizations,
        sizes.people,
        sizes.communities,
        sizes.items
    );
    let seeded = seed::scale::seed(
        &db,
        &database.database_url,
        scale,
        rng_seed,
        seed::scale::today(),
    )
    .await?;
    for (table, rows) in &seeded.counts {
        println!("{table:<26} {rows:>10}");
    }
    println!(
        "generated in {:.1} s, written in {:.1} s",
        seeded.generate_seconds, seeded.write_seconds
    );
    let world = &seeded.generated.world;
    if let Some((_, slug, subject)) = seeded.generated.sample_person() {
        println!("a busy member:  praxis token --org {slug} --sub {subject}");
    }
    if let Some(org) = world.organizations.first() {
        if let Some(admin) = org.people.first() {
            println!(
                "an admin:       praxis token --org {} --sub {} --admin",
                org.slug, world.people[*admin].subject
            );
        }
    }
    Ok(())
}

async fn migrate(args: &crate::config::DatabaseArgs, action: MigrateAction) -> anyhow::Result<()> {
    let db = db::connect(args).await?;
    match action {
        MigrateAction::Up => {
            let pending = Migrator::get_pending_migrations(&db).await?.len();
            Migrator::up(&db, None)
                .await
                .context("applying migrations")?;
            println!("applied {pending} migration(s)");
        }
        MigrateAction::Down { steps } => {
            Migrator::down(&db, Some(steps))
                .await
                .context("reverting migrations")?;
            println!("reverted up to {steps} migration(s)");
        }
        MigrateAction::Status => {
            for migration in Migrator::get_migration_with_status(&db).await? {
                println!("{:<8} {}", migration.status(), migration.name());
            }
        }
    }
    Ok(())
}

async fn token(database: &crate::config::DatabaseArgs, args: TokenArgs) -> anyhow::Result<()> {
    let claims = DevTokenClaims {
        subject: args.sub.clone(),
        name: args.name.clone(),
        email: args.email.clone(),
        admin: args.admin,
        ttl: args.ttl,
    };
    if args.operator {
        let secret = args.auth.operator_secret.as_deref().ok_or_else(|| {
            anyhow::anyhow!("--operator needs PRAXIS_OPERATOR_SECRET (or --operator-secret)")
        })?;
        service::identity::check_hs256_secret(secret).map_err(explain)?;
        let mut payload = serde_json::json!({
            "iss": args.auth.operator_issuer,
            "aud": args.auth.audience,
            "sub": claims.subject,
        });
        let token = service::identity::sign_hs256(&mut payload, None, secret, claims.ttl)
            .map_err(explain)?;
        println!("{token}");
        return Ok(());
    }
    let slug = args
        .org
        .as_deref()
        .ok_or_else(|| anyhow::anyhow!("--org is required (or --operator)"))?;
    let db = db::connect_and_migrate(database).await?;
    let operator = cli_operator();
    let org = find_org(&db, slug).await?;
    let token =
        service::identity::mint_dev_token(&db, &operator, &org, &args.auth.audience, &claims)
            .await
            .map_err(explain)?;
    println!("{token}");
    Ok(())
}

async fn find_org(
    db: &DatabaseConnection,
    slug: &str,
) -> anyhow::Result<entity::organization::Model> {
    service::organization::find_by_slug(db, &cli_operator(), slug)
        .await
        .map_err(|e| match e {
            ServiceError::NotFound => anyhow::anyhow!("no organization with slug {slug:?}"),
            other => explain(other),
        })
}

fn key_material(spec: &KeySpec) -> anyhow::Result<KeyMaterial> {
    if let Some(secret) = &spec.hs256_secret {
        return Ok(KeyMaterial::Hs256(secret.clone()));
    }
    if spec.generate_hs256 {
        return Ok(KeyMaterial::GenerateHs256);
    }
    if let Some(path) = &spec.public_key_pem {
        let pem =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let algorithm = spec.algorithm.clone().ok_or_else(|| {
            anyhow::anyhow!("--public-key-pem needs --algorithm (RS256, ES256, EdDSA, ...)")
        })?;
        return Ok(KeyMaterial::PublicPem { algorithm, pem });
    }
    anyhow::bail!("give one of --hs256-secret, --generate-hs256 or --public-key-pem")
}

async fn add_key(
    db: &DatabaseConnection,
    spec: KeySpec,
    retire_others: bool,
) -> anyhow::Result<()> {
    let org = find_org(db, &spec.org).await?;
    let new = NewKey {
        kid: spec.kid.clone(),
        material: key_material(&spec)?,
    };
    let added = service::identity::add_key(
        db,
        &cli_operator(),
        org.id,
        spec.issuer.as_deref(),
        new,
        retire_others,
    )
    .await
    .map_err(explain)?;
    println!(
        "added {} key{} to {}{}",
        added.key.algorithm,
        added
            .key
            .kid
            .as_deref()
            .map(|k| format!(" kid={k}"))
            .unwrap_or_default(),
        org.slug,
        if retire_others {
            "; retired the issuer's other keys"
        } else {
            ""
        }
    );
    if let Some(secret) = added.generated_secret {
        println!("secret (shown once): {secret}");
    }
    Ok(())
}

async fn org(db: &DatabaseConnection, command: OrgCommand) -> anyhow::Result<()> {
    let operator = cli_operator();
    match command {
        OrgCommand::Create {
            slug,
            name,
            issuer,
            jwks_url,
            no_dev_key,
            admin_claim,
            admin_claim_value,
        } => {
            let new = NewOrganization {
                slug,
                name,
                issuer,
                jwks_url,
                dev_key: !no_dev_key,
                admin_claim: Some(admin_claim),
                admin_claim_value: Some(admin_claim_value),
            };
            let created = service::organization::create_organization(db, &operator, new, true)
                .await
                .map_err(explain)?;
            println!(
                "created organization {} ({}) trusting issuer {}",
                created.organization.slug, created.organization.name, created.issuer.issuer
            );
            if let Some(key) = created.dev_key {
                println!(
                    "development HS256 key kid={} (mint tokens with `praxis token --org {} --sub SUBJECT`)",
                    key.key.kid.unwrap_or_default(),
                    created.organization.slug
                );
            }
        }
        OrgCommand::List => {
            let mut after = None;
            loop {
                let request = PageRequest {
                    first: Some(100),
                    after: after.map(Into::into),
                    ..PageRequest::default()
                };
                let page = service::organization::visible(&operator)
                    .map_err(explain)?
                    .page(db, &request)
                    .await
                    .map_err(explain)?;
                for org in &page.items {
                    println!(
                        "{:<24} {:<40} {}",
                        org.slug,
                        org.name,
                        if org.disabled_at.is_some() {
                            "disabled"
                        } else {
                            "active"
                        }
                    );
                }
                match (page.has_next_page, page.items.last()) {
                    (true, Some(last)) => after = Some(last.id),
                    _ => break,
                }
            }
        }
        OrgCommand::Show { slug } => {
            let org = find_org(db, &slug).await?;
            println!("slug:        {}", org.slug);
            println!("name:        {}", org.name);
            println!(
                "state:       {}",
                if org.disabled_at.is_some() {
                    "disabled"
                } else {
                    "active"
                }
            );
            println!(
                "admin claim: {} contains {:?}",
                org.admin_claim, org.admin_claim_value
            );
            for entry in service::identity::list_issuers(db, &operator, org.id)
                .await
                .map_err(explain)?
            {
                println!(
                    "issuer:      {}{}",
                    entry.issuer.issuer,
                    entry
                        .issuer
                        .jwks_url
                        .as_deref()
                        .map(|u| format!(" (JWKS {u})"))
                        .unwrap_or_default()
                );
                for key in entry.keys {
                    println!(
                        "  key        {} kid={} {}",
                        key.algorithm,
                        key.kid.as_deref().unwrap_or("-"),
                        if key.retired_at.is_some() {
                            "retired"
                        } else {
                            "active"
                        }
                    );
                }
            }
        }
        OrgCommand::Disable { slug } => {
            let org = find_org(db, &slug).await?;
            service::organization::set_disabled(db, &operator, org.id, true)
                .await
                .map_err(explain)?;
            println!("disabled {slug}: its tokens are refused from now on");
        }
        OrgCommand::Enable { slug } => {
            let org = find_org(db, &slug).await?;
            service::organization::set_disabled(db, &operator, org.id, false)
                .await
                .map_err(explain)?;
            println!("enabled {slug}");
        }
        OrgCommand::Issuer { command } => match command {
            IssuerCommand::Add {
                org,
                issuer,
                jwks_url,
            } => {
                let found = find_org(db, &org).await?;
                service::identity::add_issuer(db, &operator, found.id, &issuer, jwks_url, true)
                    .await
                    .map_err(explain)?;
                println!("{org} now trusts issuer {issuer}");
            }
            IssuerCommand::Remove { org, issuer } => {
                let found = find_org(db, &org).await?;
                service::identity::remove_issuer(db, &operator, found.id, &issuer)
                    .await
                    .map_err(explain)?;
                println!("{org} no longer trusts issuer {issuer}");
            }
        },
        OrgCommand::Key { command } => match command {
            KeyCommand::Add(spec) => add_key(db, spec, false).await?,
            KeyCommand::Rotate(spec) => add_key(db, spec, true).await?,
            KeyCommand::Retire { org, kid } => {
                let found = find_org(db, &org).await?;
                service::identity::retire_key(db, &operator, found.id, &kid)
                    .await
                    .map_err(explain)?;
                println!("retired key kid={kid} of {org}: tokens signed with it are refused");
            }
        },
    }
    Ok(())
}
