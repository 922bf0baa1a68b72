//! Domain events: the outbox written in each change's transaction, the sequencer that numbers
//! committed events, the in-process bus subscriptions read from, PostgreSQL LISTEN/NOTIFY to
//! wake every instance, and webhook deliveries. The contract is docs/REALTIME.md.

pub mod delivery;
pub mod fanout;
pub mod outbox;
pub mod sequencer;

use crate::{
    access::CommunityListeners, config::RealtimeArgs, error::ServiceResult, metrics::Metrics,
};
use entity::domain_event;
use sea_orm::{DatabaseBackend, DatabaseConnection};
use std::{
    collections::VecDeque,
    sync::{
        atomic::{AtomicBool, AtomicI64, Ordering},
        Arc,
    },
    time::Duration,
};
use tokio::sync::{broadcast, Notify};

/// Events whose community listeners are remembered (every subscriber of an instance handles
/// an event within moments of the others).
const LISTENER_MEMO: usize = 256;

type Remembered = (i64, Option<Arc<CommunityListeners>>);

/// Settings of the realtime machinery, from `RealtimeArgs`.
#[derive(Debug, Clone)]
pub struct RealtimeSettings {
    pub poll_interval: Duration,
    /// Events the bus holds for a slow subscriber before it must catch up from the outbox.
    pub subscription_buffer: usize,
    pub webhook_max_attempts: u32,
    pub webhook_retry_base: Duration,
    pub webhook_retry_max: Duration,
    pub webhook_timeout: Duration,
    pub webhook_disable_after: Duration,
    pub webhook_concurrency: u32,
    pub webhook_allow_private_networks: bool,
}

impl From<&RealtimeArgs> for RealtimeSettings {
    fn from(args: &RealtimeArgs) -> Self {
        Self {
            poll_interval: args.outbox_poll_interval.max(Duration::from_millis(10)),
            subscription_buffer: args.subscription_buffer.max(1) as usize,
            webhook_max_attempts: args.webhook_max_attempts,
            webhook_retry_base: args.webhook_retry_base,
            webhook_retry_max: args.webhook_retry_max,
            webhook_timeout: args.webhook_timeout,
            webhook_disable_after: args.webhook_disable_after,
            webhook_concurrency: args.webhook_concurrency,
            webhook_allow_private_networks: args.webhook_allow_private_networks,
        }
    }
}

impl Default for RealtimeSettings {
    fn default() -> Self {
        Self {
            poll_interval: Duration::from_secs(1),
            subscription_buffer: 4096,
            webhook_max_attempts: 12,
            webhook_retry_base: Duration::from_secs(30),
            webhook_retry_max: Duration::from_secs(4 * 3600),
            webhook_timeout: Duration::from_secs(10),
            webhook_disable_after: Duration::from_secs(24 * 3600),
            webhook_concurrency: 16,
            webhook_allow_private_networks: false,
        }
    }
}

/// One instance's realtime hub: shared by the HTTP workers, the subscriptions and the
/// background loops. Cheap to clone.
#[derive(Clone)]
pub struct EventHub {
    inner: Arc<Inner>,
}

struct Inner {
    db: DatabaseConnection,
    settings: RealtimeSettings,
    metrics: Arc<Metrics>,
    bus: broadcast::Sender<Arc<domain_event::Model>>,
    /// Wakes the sequencer (events were written).
    sequence: Notify,
    /// Wakes the reader (events were numbered).
    read: Notify,
    /// Wakes the webhook workers (deliveries were created or became due).
    deliver: Notify,
    /// The last position this instance has put on its bus.
    read_position: AtomicI64,
    /// Held while an event is sent and `read_position` moved to it, and while a subscriber
    /// takes its receiver and that position: a new receiver gets exactly the events after
    /// the position it is given.
    sending: std::sync::Mutex<()>,
    started: AtomicBool,
    /// Per event position, the listeners of its community, read by the reader just before
    /// the event goes on the bus.
    listeners: std::sync::Mutex<VecDeque<Remembered>>,
}

impl std::fmt::Debug for EventHub {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventHub")
            .field("read_position", &self.read_position())
            .finish()
    }
}

impl EventHub {
    /// A hub that counts into the server's metrics.
    pub fn new(db: DatabaseConnection, settings: RealtimeSettings, metrics: Arc<Metrics>) -> Self {
        let (bus, _) = broadcast::channel(settings.subscription_buffer);
        Self {
            inner: Arc::new(Inner {
                db,
                settings,
                metrics,
                bus,
                sequence: Notify::new(),
                read: Notify::new(),
                deliver: Notify::new(),
                read_position: AtomicI64::new(-1),
                sending: std::sync::Mutex::new(()),
                started: AtomicBool::new(false),
                listeners: std::sync::Mutex::new(VecDeque::new()),
            }),
        }
    }

    pub fn db(&self) -> &DatabaseConnection {
        &self.inner.db
    }

    pub fn settings(&self) -> &RealtimeSettings {
        &self.inner.settings
    }

    pub fn metrics(&self) -> &Arc<Metrics> {
        &self.inner.metrics
    }

    /// Starts the background loops (once; later calls do nothing). Needs a tokio runtime.
    pub fn start(&self) {
        if self.inner.started.swap(true, Ordering::SeqCst) {
            return;
        }
        tokio::spawn(self.clone().sequence_forever());
        tokio::spawn(self.clone().read_forever());
        tokio::spawn(delivery::run(self.clone()));
        if self.inner.db.get_database_backend() == DatabaseBackend::Postgres {
            tokio::spawn(self.clone().listen_forever());
        }
    }

    /// Tells this instance that a request may have committed events.
    pub fn poke(&self) {
        self.inner.sequence.notify_one();
    }

    /// Wakes this instance's webhook workers.
    pub fn wake_deliveries(&self) {
        self.inner.deliver.notify_one();
    }

    /// Waits until deliveries may be due (woken, or the poll interval passed).
    pub async fn deliveries_wake(&self) {
        let _ = tokio::time::timeout(
            self.inner.settings.poll_interval,
            self.inner.deliver.notified(),
        )
        .await;
    }

    /// Who follows the activity of the event's community as the database is when the event
    /// is delivered. The reader reads them once per event, just before putting it on the bus,
    /// for all of this instance's subscribers; an event replayed from the outbox (or no
    /// longer remembered) reads them itself.
    pub async fn community_listeners(
        &self,
        event: &domain_event::Model,
    ) -> ServiceResult<Option<Arc<CommunityListeners>>> {
        let (Some(position), Some(community_id)) = (event.position, event.community_id) else {
            return Ok(None);
        };
        let remembered = self.inner.listeners.lock().ok().and_then(|memo| {
            memo.iter()
                .find(|(p, _)| *p == position)
                .map(|(_, l)| l.clone())
        });
        if let Some(listeners) = remembered {
            return Ok(listeners);
        }
        Ok(CommunityListeners::read(&self.inner.db, community_id)
            .await?
            .map(Arc::new))
    }

    /// Reads and remembers the listeners of a community event about to go on the bus.
    async fn remember_listeners(&self, event: &domain_event::Model) {
        let (Some(position), Some(community_id)) = (event.position, event.community_id) else {
            return;
        };
        if self.inner.bus.receiver_count() == 0 {
            return;
        }
        match CommunityListeners::read(&self.inner.db, community_id).await {
            Ok(listeners) => {
                if let Ok(mut memo) = self.inner.listeners.lock() {
                    memo.push_back((position, listeners.map(Arc::new)));
                    while memo.len() > LISTENER_MEMO {
                        memo.pop_front();
                    }
                }
            }
            // Each subscriber reads them itself.
            Err(err) => tracing::warn!(%err, "reading a community's listeners failed"),
        }
    }

    /// A receiver of every event this instance puts on its bus from now on, and the position
    /// of the last event put on it before (-1 before the reader's first read): the receiver
    /// gets exactly the events after that position.
    pub fn subscribe(&self) -> (broadcast::Receiver<Arc<domain_event::Model>>, i64) {
        let _sending = self
            .inner
            .sending
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        (self.inner.bus.subscribe(), self.read_position())
    }

    /// Puts an event on the bus and moves the read position to it, as one step for
    /// [`EventHub::subscribe`].
    fn send(&self, event: domain_event::Model) {
        let position = event.position;
        let _sending = self
            .inner
            .sending
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // No receiver is not an error: nobody is subscribed.
        let _ = self.inner.bus.send(Arc::new(event));
        if let Some(position) = position {
            self.inner.read_position.store(position, Ordering::SeqCst);
        }
    }

    /// The last position put on the bus (-1 before the reader's first read).
    pub fn read_position(&self) -> i64 {
        self.inner.read_position.load(Ordering::SeqCst)
    }

    async fn sequence_forever(self) {
        loop {
            match sequencer::sequence_all(&self.inner.db).await {
                Ok(0) => {}
                Ok(_) => {
                    self.inner.read.notify_one();
                    self.inner.deliver.notify_one();
                }
                Err(err) => tracing::warn!(%err, "sequencing domain events failed"),
            }
            let _ = tokio::time::timeout(
                self.inner.settings.poll_interval,
                self.inner.sequence.notified(),
            )
            .await;
        }
    }

    async fn read_forever(self) {
        // Subscribers hear of events numbered from now on.
        let mut cursor = loop {
            match sequencer::last_position(&self.inner.db).await {
                Ok(position) => break position,
                Err(err) => {
                    tracing::warn!(%err, "reading the outbox position failed; retrying");
                    tokio::time::sleep(self.inner.settings.poll_interval).await;
                }
            }
        };
        self.inner.read_position.store(cursor, Ordering::SeqCst);
        loop {
            loop {
                match sequencer::events_after(&self.inner.db, cursor, sequencer::BATCH).await {
                    Ok(events) => {
                        let full = events.len() as u64 == sequencer::BATCH;
                        for event in events {
                            cursor = event.position.unwrap_or(cursor);
                            self.remember_listeners(&event).await;
                            self.send(event);
                        }
                        if !full {
                            break;
                        }
                    }
                    Err(err) => {
                        tracing::warn!(%err, "reading domain events failed");
                        break;
                    }
                }
            }
            let _ = tokio::time::timeout(
                self.inner.settings.poll_interval,
                self.inner.read.notified(),
            )
            .await;
        }
    }

    /// LISTENs on the outbox and events channels; after a lost connection it wakes every
    /// loop so that they read what they missed.
    async fn listen_forever(self) {
        use sea_orm::sqlx::postgres::PgListener;
        let pool = self.inner.db.get_postgres_connection_pool().clone();
        loop {
            let mut listener = match PgListener::connect_with(&pool).await {
                Ok(listener) => listener,
                Err(err) => {
                    tracing::warn!(%err, "LISTEN connection failed; retrying");
                    tokio::time::sleep(self.inner.settings.poll_interval).await;
                    continue;
                }
            };
            if let Err(err) = listener
                .listen_all([outbox::OUTBOX_CHANNEL, sequencer::EVENTS_CHANNEL])
                .await
            {
                tracing::warn!(%err, "LISTEN failed; retrying");
                tokio::time::sleep(self.inner.settings.poll_interval).await;
                continue;
            }
            // Whatever was notified while not listening is read now.
            self.wake_all();
            loop {
                match listener.try_recv().await {
                    Ok(Some(notification)) => match notification.channel() {
                        outbox::OUTBOX_CHANNEL => self.inner.sequence.notify_one(),
                        _ => {
                            self.inner.read.notify_one();
                            self.inner.deliver.notify_one();
                        }
                    },
                    Ok(None) => {
                        tracing::info!("LISTEN connection lost; catching up");
                        self.wake_all();
                    }
                    Err(err) => {
                        tracing::warn!(%err, "LISTEN failed; reconnecting");
                        break;
                    }
                }
            }
        }
    }

    fn wake_all(&self) {
        self.inner.sequence.notify_one();
        self.inner.read.notify_one();
        self.inner.deliver.notify_one();
    }
}
