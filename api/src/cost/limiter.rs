//! Budgets of cost points per window, kept in memory by this instance with `governor`'s keyed
//! GCRA buckets: a bucket holds a whole window's budget and refills evenly over the window.
//! One keyed limiter per budget size, so that organizations with budgets of their own share
//! limiters with every other organization of the same budget.

use crate::{auth::Viewer, config::RateLimitArgs};
use governor::{
    clock::{Clock, DefaultClock},
    middleware::StateInformationMiddleware,
    state::keyed::HashMapStateStore,
    Quota, RateLimiter,
};
use sea_orm::DatabaseConnection;
use std::{
    collections::HashMap,
    net::IpAddr,
    num::NonZeroU32,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc, Mutex,
    },
    time::{Duration, Instant},
};
use uuid::Uuid;

/// How long an organization's budgets, read from the database, are trusted by an instance
/// (the instance that sets them forgets its copy at once).
pub const BUDGET_CACHE_TTL: Duration = Duration::from_secs(10);

/// After this many checks, buckets that are full again are dropped from memory.
const CLEANUP_EVERY: u64 = 4096;

/// Whose bucket pays for an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BucketKey {
    Organization(Uuid),
    Person(Uuid),
    /// Requests without a token, by client IP address.
    Client(IpAddr),
}

impl BucketKey {
    /// The scope as the API names it (`extensions.cost.budget.scope`, error `scope`).
    pub fn scope(self) -> &'static str {
        match self {
            Self::Organization(_) => "ORGANIZATION",
            Self::Person(_) => "PERSON",
            Self::Client(_) => "CLIENT",
        }
    }
}

/// The client address of a request, for the buckets of requests without a token.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddress(pub Option<IpAddr>);

/// Server-wide budgets (points per window; `None`: unlimited).
#[derive(Debug, Clone, Copy)]
pub struct Budgets {
    pub organization: Option<NonZeroU32>,
    pub person: Option<NonZeroU32>,
    pub anonymous: Option<NonZeroU32>,
}

/// Cost settings: the window, the default budgets and the mutation surcharge.
#[derive(Debug, Clone)]
pub struct CostSettings {
    pub window: Duration,
    pub defaults: Budgets,
    /// Points each mutation field at the root of an operation adds.
    pub mutation_cost: u32,
    /// The most one operation may cost (`--max-complexity`).
    pub max_cost: usize,
}

impl Budgets {
    /// The budgets of the command line (`0`: unlimited).
    pub fn from_args(args: &RateLimitArgs) -> Self {
        Self {
            organization: NonZeroU32::new(args.rate_limit_organization),
            person: NonZeroU32::new(args.rate_limit_person),
            anonymous: NonZeroU32::new(args.rate_limit_anonymous),
        }
    }

    /// No limits at all (tools that run the schema in process).
    pub fn unlimited() -> Self {
        Self {
            organization: None,
            person: None,
            anonymous: None,
        }
    }
}

/// A bucket's state after an operation was let through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BudgetStatus {
    pub key: BucketKey,
    pub limit: u32,
    pub remaining: u32,
    /// Seconds until the bucket is full again.
    pub reset_seconds: u64,
}

/// Why an operation was not let through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The bucket holds too little now; it will hold enough after `retry_after`.
    Exhausted {
        key: BucketKey,
        limit: u32,
        retry_after: Duration,
    },
    /// The cost is more than the bucket ever holds.
    OverBudget { key: BucketKey, limit: u32 },
}

type Bucket =
    RateLimiter<BucketKey, HashMapStateStore<BucketKey>, DefaultClock, StateInformationMiddleware>;

/// The buckets of this instance.
pub struct RateLimits {
    settings: CostSettings,
    buckets: Mutex<HashMap<u32, Arc<Bucket>>>,
    organization_budgets: Mutex<HashMap<Uuid, (Instant, OrganizationBudgets)>>,
    checks: AtomicU64,
}

/// An organization's budgets (its own or the defaults).
#[derive(Debug, Clone, Copy)]
struct OrganizationBudgets {
    organization: Option<NonZeroU32>,
    person: Option<NonZeroU32>,
}

impl std::fmt::Debug for RateLimits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RateLimits")
            .field("settings", &self.settings)
            .finish()
    }
}

fn stored_budget(points: Option<i64>, default: Option<NonZeroU32>) -> Option<NonZeroU32> {
    match points {
        Some(points) => u32::try_from(points).ok().and_then(NonZeroU32::new),
        None => default,
    }
}

impl RateLimits {
    pub fn new(settings: CostSettings) -> Self {
        Self {
            settings,
            buckets: Mutex::new(HashMap::new()),
            organization_budgets: Mutex::new(HashMap::new()),
            checks: AtomicU64::new(0),
        }
    }

    pub fn settings(&self) -> &CostSettings {
        &self.settings
    }

    /// Forgets this instance's copy of an organization's budgets (after they were set).
    pub fn forget_organization(&self, organization_id: Uuid) {
        if let Ok(mut cached) = self.organization_budgets.lock() {
            cached.remove(&organization_id);
        }
    }

    /// Takes `cost` points from every bucket that pays for the viewer's operation: the
    /// person's, then the organization's (for a person), the client address's (without a
    /// token). The operator is not limited. `Ok` holds the status of the bucket with the
    /// least left (`None`: unlimited).
    pub async fn charge(
        &self,
        db: &DatabaseConnection,
        viewer: &Viewer,
        client: Option<IpAddr>,
        cost: u32,
    ) -> Result<Option<BudgetStatus>, Refusal> {
        let cost = NonZeroU32::new(cost).unwrap_or(NonZeroU32::MIN);
        let charges: Vec<(BucketKey, Option<NonZeroU32>)> = match viewer {
            Viewer::Operator(_) => vec![],
            Viewer::Person(person) => {
                let budgets = self.organization_budgets(db, person.organization_id).await;
                vec![
                    (BucketKey::Person(person.person_id), budgets.person),
                    (
                        BucketKey::Organization(person.organization_id),
                        budgets.organization,
                    ),
                ]
            }
            Viewer::Anonymous => match client {
                Some(ip) => vec![(BucketKey::Client(ip), self.settings.defaults.anonymous)],
                None => vec![],
            },
        };
        self.housekeeping();
        let mut tightest: Option<BudgetStatus> = None;
        for (key, budget) in charges {
            let Some(budget) = budget else { continue };
            let status = self.take(key, budget, cost)?;
            if tightest.is_none_or(|seen| status.remaining < seen.remaining) {
                tightest = Some(status);
            }
        }
        Ok(tightest)
    }

    fn take(
        &self,
        key: BucketKey,
        budget: NonZeroU32,
        cost: NonZeroU32,
    ) -> Result<BudgetStatus, Refusal> {
        let limit = budget.get();
        let bucket = self.bucket(budget);
        match bucket.check_key_n(&key, cost) {
            Ok(Ok(snapshot)) => {
                let remaining = snapshot.remaining_burst_capacity().min(limit);
                let refill = self.settings.window.as_secs_f64() / f64::from(limit);
                let reset_seconds = (f64::from(limit - remaining) * refill).ceil() as u64;
                Ok(BudgetStatus {
                    key,
                    limit,
                    remaining,
                    reset_seconds,
                })
            }
            Ok(Err(not_until)) => Err(Refusal::Exhausted {
                key,
                limit,
                retry_after: not_until.wait_time_from(bucket.clock().now()),
            }),
            Err(_) => Err(Refusal::OverBudget { key, limit }),
        }
    }

    /// The keyed limiter of buckets of this size.
    fn bucket(&self, budget: NonZeroU32) -> Arc<Bucket> {
        let new = || {
            let per_point = (self.settings.window / budget.get()).max(Duration::from_nanos(1));
            let quota = Quota::with_period(per_point)
                .unwrap_or_else(|| Quota::per_second(budget))
                .allow_burst(budget);
            Arc::new(RateLimiter::hashmap(quota).with_middleware::<StateInformationMiddleware>())
        };
        match self.buckets.lock() {
            Ok(mut buckets) => buckets.entry(budget.get()).or_insert_with(new).clone(),
            // A poisoned map still holds valid limiters.
            Err(poisoned) => poisoned
                .into_inner()
                .entry(budget.get())
                .or_insert_with(new)
                .clone(),
        }
    }

    /// The organization's budgets: its own if the operator set any, else the defaults. A
    /// database failure is logged and the defaults apply.
    async fn organization_budgets(
        &self,
        db: &DatabaseConnection,
        organization_id: Uuid,
    ) -> OrganizationBudgets {
        if let Ok(cached) = self.organization_budgets.lock() {
            if let Some((read_at, budgets)) = cached.get(&organization_id) {
                if read_at.elapsed() < BUDGET_CACHE_TTL {
                    return *budgets;
                }
            }
        }
        let defaults = self.settings.defaults;
        let budgets = match crate::service::rate_limit::budgets(db, organization_id).await {
            Ok(own) => OrganizationBudgets {
                organization: stored_budget(
                    own.as_ref().and_then(|own| own.organization_points),
                    defaults.organization,
                ),
                person: stored_budget(
                    own.as_ref().and_then(|own| own.person_points),
                    defaults.person,
                ),
            },
            Err(err) => {
                tracing::warn!(%err, "reading an organization's budgets failed; defaults apply");
                return OrganizationBudgets {
                    organization: defaults.organization,
                    person: defaults.person,
                };
            }
        };
        if let Ok(mut cached) = self.organization_budgets.lock() {
            cached.insert(organization_id, (Instant::now(), budgets));
        }
        budgets
    }

    /// Now and then, drops buckets that are full again (they are the same as no bucket) and
    /// cached budgets that are stale, so memory follows the active callers, not all callers.
    fn housekeeping(&self) {
        if self.checks.fetch_add(1, Ordering::Relaxed) % CLEANUP_EVERY != CLEANUP_EVERY - 1 {
            return;
        }
        let buckets: Vec<Arc<Bucket>> = match self.buckets.lock() {
            Ok(buckets) => buckets.values().cloned().collect(),
            Err(_) => return,
        };
        for bucket in buckets {
            bucket.retain_recent();
            bucket.shrink_to_fit();
        }
        if let Ok(mut cached) = self.organization_budgets.lock() {
            cached.retain(|_, (read_at, _)| read_at.elapsed() < BUDGET_CACHE_TTL);
        }
    }
}
