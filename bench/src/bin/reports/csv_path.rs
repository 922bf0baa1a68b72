//! The CSV downloads, as `api::report_csv`'s handlers compute them (the same report service
//! and `service::report::csv` writer, with the organization names the CSV shows), without
//! the HTTP layer around them.

use crate::{oracle::Target, queries::Report, world::World};
use api::{
    auth::Viewer,
    error::ServiceResult,
    service::{
        organization::find_visible,
        report::{
            self, csv, csv::Names, leadership::DEFAULT_THRESHOLD, value::ValueReport, Period,
        },
    },
};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

async fn names(
    db: &DatabaseConnection,
    viewer: &Viewer,
    ids: impl IntoIterator<Item = Uuid>,
) -> ServiceResult<Names> {
    let ids: Vec<Uuid> = ids.into_iter().collect();
    Ok(find_visible(db, viewer, &ids)
        .await?
        .into_iter()
        .map(|(id, org)| (id, org.name))
        .collect())
}

fn value_organizations(report: &ValueReport) -> Vec<Uuid> {
    let members = report.figures.active_members.keys().map(|(o, _)| *o);
    let stories = report.stories.iter().map(|s| s.organization_id);
    members.chain(stories).collect()
}

/// The CSV body of `report` about `target`.
pub async fn download(
    db: &DatabaseConnection,
    world: &World,
    viewer: &Viewer,
    report: Report,
    target: &Target,
    period: Period,
) -> ServiceResult<String> {
    let dormant_after = api::graphql::context::ServiceSettings::default().dormant_after;
    match (report, target) {
        (Report::CommunityRhythm, Target::Community(c)) => {
            let id = world.communities[*c].id;
            csv::rhythm(&report::rhythm::rhythm(db, viewer, id, period).await?)
        }
        (Report::CommunityLeadership, Target::Community(c)) => {
            let id = world.communities[*c].id;
            let leadership =
                report::leadership::community_leadership(db, viewer, id, DEFAULT_THRESHOLD).await?;
            let ids = leadership.by_organization.iter().map(|o| o.organization_id);
            let names = names(db, viewer, ids).await?;
            csv::community_leadership(&leadership, &names)
        }
        (Report::CommunityValue, Target::Community(c)) => {
            let id = world.communities[*c].id;
            let community = report::report_community(db, viewer, id).await?;
            let value = report::value::community_value(db, viewer, id, period).await?;
            let names = names(db, viewer, value_organizations(&value)).await?;
            csv::value(&value, &community.name, &names)
        }
        (Report::CommunityHealth, Target::Community(c)) => {
            let id = world.communities[*c].id;
            csv::health(&report::health::health(db, viewer, id, dormant_after).await?)
        }
        (Report::OrganizationLeadership, Target::Organization(o)) => {
            let id = world.organizations[*o].id;
            let leadership =
                report::leadership::organization_leadership(db, viewer, id, DEFAULT_THRESHOLD)
                    .await?;
            csv::organization_leadership(&leadership)
        }
        (Report::OrganizationValue, Target::Organization(o)) => {
            let id = world.organizations[*o].id;
            let value = report::value::organization_value(db, viewer, id, period).await?;
            let ids = value_organizations(&value.report).into_iter().chain([id]);
            let names = names(db, viewer, ids).await?;
            csv::organization_value(&value, &names)
        }
        (Report::BusinessUnitValue, Target::BusinessUnit(o, unit)) => {
            let id = world.organizations[*o].id;
            let value = report::value::business_unit_value(db, viewer, id, unit, period).await?;
            let names = names(db, viewer, value_organizations(&value)).await?;
            csv::value(&value, unit, &names)
        }
        _ => Err(api::error::ServiceError::NotFound),
    }
}
