//! Runs the reports through the in-process GraphQL schema, as `POST /graphql` runs a request
//! (the viewer and per-request DataLoaders in the request's data), timing each one and
//! counting its SQL statements; every answer is checked against the oracle.

use crate::{
    oracle::{Oracle, Period, Target},
    queries::Report,
    viewers::BenchViewer,
};
use api::{
    error::ServiceError,
    graphql::{loaders::Loaders, PraxisSchema},
};
use async_graphql::{Request, Variables};
use sea_orm::DatabaseConnection;
use std::{
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc,
    },
    time::Instant,
};

/// How a report was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    GraphQl,
    Csv,
}

/// One timed report.
pub struct Sample {
    pub report: Report,
    pub via: Via,
    pub viewer: usize,
    pub ms: f64,
    pub statements: usize,
}

pub struct Runner<'a> {
    pub schema: &'a PraxisSchema,
    pub db: &'a DatabaseConnection,
    pub statements: Arc<AtomicUsize>,
    pub oracle: &'a Oracle<'a>,
    pub period: Period,
    /// The same period, as the services take it.
    pub service_period: api::service::report::Period,
}

/// The answer to one request: its data and the codes of its errors.
pub struct Answer {
    pub data: serde_json::Value,
    pub errors: Vec<String>,
    pub ms: f64,
    pub statements: usize,
}

impl Runner<'_> {
    fn variables(&self, report: Report, target: &Target) -> serde_json::Value {
        let world = self.oracle.world;
        let mut variables = serde_json::Map::new();
        match target {
            Target::Community(c) => {
                let community = &world.communities[*c];
                variables.insert(
                    "host".into(),
                    world.organizations[community.host].slug.clone().into(),
                );
                variables.insert("slug".into(), community.slug.clone().into());
            }
            Target::Organization(o) => {
                variables.insert("slug".into(), world.organizations[*o].slug.clone().into());
            }
            Target::BusinessUnit(o, unit) => {
                variables.insert("slug".into(), world.organizations[*o].slug.clone().into());
                variables.insert("unit".into(), unit.clone().into());
            }
        }
        if report.has_period() {
            variables.insert("period".into(), self.period.json());
        }
        serde_json::Value::Object(variables)
    }

    pub async fn ask(&self, viewer: &BenchViewer, report: Report, target: &Target) -> Answer {
        let request = Request::new(report.document())
            .variables(Variables::from_json(self.variables(report, target)))
            .data(viewer.viewer.clone())
            .data(Loaders::new(self.db, &viewer.viewer));
        let before = self.statements.load(Ordering::SeqCst);
        let started = Instant::now();
        let response = self.schema.execute(request).await;
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        let statements = self.statements.load(Ordering::SeqCst) - before;
        let errors = response
            .errors
            .iter()
            .map(|e| {
                let code = e
                    .extensions
                    .as_ref()
                    .and_then(|x| x.get("code"))
                    .map(|c| c.to_string().trim_matches('"').to_owned())
                    .unwrap_or_default();
                format!("{code}: {}", e.message)
            })
            .collect();
        Answer {
            data: response.data.into_json().unwrap_or_default(),
            errors,
            ms,
            statements,
        }
    }

    /// One request of `report` about `target`, checked: its time and statements, or `None`
    /// (and a violation) when the answer is wrong.
    async fn checked(
        &self,
        viewer: &BenchViewer,
        report: Report,
        target: &Target,
        via: Via,
        violations: &mut Vec<String>,
    ) -> Option<(f64, usize)> {
        match via {
            Via::GraphQl => {
                let answer = self.ask(viewer, report, target).await;
                let [scope, field] = report.path();
                let object = &answer.data[scope][field];
                if !answer.errors.is_empty() || object.is_null() {
                    violations.push(format!(
                        "{} of {target:?} as {}: {:?}",
                        report.label(),
                        viewer.label,
                        answer.errors
                    ));
                    return None;
                }
                violations.extend(self.oracle.mismatches(report, target, object));
                Some((answer.ms, answer.statements))
            }
            Via::Csv => {
                let (body, ms, statements) = self.download(viewer, report, target).await;
                match body {
                    Ok(body) if body.starts_with("section,subject,metric,value") => {
                        Some((ms, statements))
                    }
                    other => {
                        violations.push(format!(
                            "{} CSV of {target:?} as {}: {:?}",
                            report.label(),
                            viewer.label,
                            other.map(|b| b.chars().take(80).collect::<String>())
                        ));
                        None
                    }
                }
            }
        }
    }

    /// `warmup` then `runs` requests of `report` through `via` for each viewer that may ask
    /// for it, the targets taking turns; wrong answers go to `violations`.
    pub async fn measure(
        &self,
        viewers: &[BenchViewer],
        report: Report,
        via: Via,
        (warmup, runs): (usize, usize),
        samples: &mut Vec<Sample>,
        violations: &mut Vec<String>,
    ) {
        for (v, viewer) in viewers.iter().enumerate() {
            let targets = viewer.targets(report);
            if targets.is_empty() {
                continue;
            }
            for run in 0..warmup + runs {
                let target = &targets[run % targets.len()];
                let Some((ms, statements)) =
                    self.checked(viewer, report, target, via, violations).await
                else {
                    continue;
                };
                if run >= warmup {
                    samples.push(Sample {
                        report,
                        via,
                        viewer: v,
                        ms,
                        statements,
                    });
                }
            }
        }
    }

    /// The CSV download of `report`: its body (or error), time and statements.
    pub async fn download(
        &self,
        viewer: &BenchViewer,
        report: Report,
        target: &Target,
    ) -> (api::error::ServiceResult<String>, f64, usize) {
        let before = self.statements.load(Ordering::SeqCst);
        let started = Instant::now();
        let body = crate::csv_path::download(
            self.db,
            self.oracle.world,
            &viewer.viewer,
            report,
            target,
            self.service_period,
        )
        .await;
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        (body, ms, self.statements.load(Ordering::SeqCst) - before)
    }

    /// Reports a viewer may not read are refused, with no data: NOT_FOUND, or FORBIDDEN
    /// when the viewer sees the organization but may not read its reports (as
    /// `access::culture::require_organization_reader` decides).
    pub async fn check_denied(&self, viewers: &[BenchViewer], violations: &mut Vec<String>) {
        for viewer in viewers {
            for (report, target) in &viewer.denied {
                let answer = self.ask(viewer, *report, target).await;
                let [scope, field] = report.path();
                let refused = answer
                    .errors
                    .iter()
                    .any(|e| e.starts_with("NOT_FOUND") || e.starts_with("FORBIDDEN"));
                if !refused || !answer.data[scope][field].is_null() {
                    violations.push(format!(
                        "{} of {target:?} as {}: expected a refusal, got {:?}",
                        report.label(),
                        viewer.label,
                        answer.errors
                    ));
                }
                let (body, _, _) = self.download(viewer, *report, target).await;
                if !matches!(
                    body,
                    Err(ServiceError::NotFound | ServiceError::Forbidden(_))
                ) {
                    violations.push(format!(
                        "{} CSV of {target:?} as {}: expected a refusal",
                        report.label(),
                        viewer.label,
                    ));
                }
            }
        }
    }
}
