//! Structured logs and traces: `tracing` to stderr, as text or JSON lines, filtered by `--log`;
//! and, when `--otlp-endpoint` is set, spans exported over OTLP/HTTP — each HTTP request, the
//! GraphQL operations it runs and the SQL statements they issue, joined to the caller's trace
//! through the W3C `traceparent` header.

pub mod graphql;

use crate::config::{LogArgs, LogFormat};
use opentelemetry::trace::TracerProvider as _;
use opentelemetry_otlp::{Protocol, WithExportConfig};
use opentelemetry_sdk::{
    propagation::TraceContextPropagator,
    trace::{Sampler, SdkTracerProvider},
    Resource,
};
use tracing::{Level, Subscriber};
use tracing_subscriber::{
    filter::dynamic_filter_fn, fmt, fmt::format::FmtSpan, layer::SubscriberExt,
    registry::LookupSpan, util::SubscriberInitExt, EnvFilter, Layer, Registry,
};

/// Target of the spans made only for trace export (one per GraphQL operation): the log lines
/// leave them out.
pub const TRACE_TARGET: &str = "praxis::trace";

/// What the log lines never show, whatever `--log` says: the export-only spans and the
/// SQL statement spans (sea-orm opens one per statement).
const QUIET_IN_LOGS: &str = "praxis::trace=off,sea_orm::database=warn";

/// Crates whose events must not become spans of ours: the exporter's own HTTP client would
/// feed back into what it exports.
const NEVER_EXPORTED: &[&str] = &["h2", "hyper", "hyper_util", "reqwest", "opentelemetry"];

/// The trace exporter, if one was configured; [`Telemetry::shutdown`] sends what is queued.
#[must_use = "call shutdown() before exiting, or queued spans are lost"]
pub struct Telemetry {
    provider: Option<SdkTracerProvider>,
}

impl Telemetry {
    /// Exports the spans still queued and stops the exporter (waits at most the exporter's
    /// timeout). Errors are reported on stderr: the logger may be gone.
    pub fn shutdown(self) {
        if let Some(provider) = self.provider {
            if let Err(err) = provider.shutdown() {
                eprintln!("warning: exporting the last traces failed: {err}");
            }
        }
    }
}

type BoxedLayer = Box<dyn Layer<Registry> + Send + Sync>;

/// Installs the global subscriber. Logs go to stderr so that stdout stays clean for the
/// commands that print results (`schema`, `token`, `org`). Must run outside the async runtime:
/// the exporter's blocking HTTP client makes its own.
pub fn init(args: &LogArgs) -> anyhow::Result<Telemetry> {
    EnvFilter::try_new(&args.log)
        .map_err(|e| anyhow::anyhow!("invalid --log filter {:?}: {e}", args.log))?;
    let log_filter = EnvFilter::try_new(format!("{},{QUIET_IN_LOGS}", args.log))
        .map_err(|e| anyhow::anyhow!("invalid --log filter {:?}: {e}", args.log))?;
    // A closed request span is the access log line: method, route, status, latency, request id.
    let logs: BoxedLayer = match args.log_format {
        LogFormat::Text => fmt::layer()
            .with_span_events(FmtSpan::CLOSE)
            .with_writer(std::io::stderr)
            .with_filter(log_filter)
            .boxed(),
        LogFormat::Json => fmt::layer()
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_events(FmtSpan::CLOSE)
            .with_writer(std::io::stderr)
            .with_filter(log_filter)
            .boxed(),
    };
    let mut layers = vec![logs];
    let provider = match &args.otlp_endpoint {
        None => None,
        Some(endpoint) => {
            let provider = tracer_provider(endpoint, args)?;
            opentelemetry::global::set_text_map_propagator(TraceContextPropagator::new());
            let tracer = provider.tracer("praxis");
            layers.push(
                tracing_opentelemetry::layer()
                    .with_tracer(tracer)
                    .with_filter(dynamic_filter_fn(exported))
                    .boxed(),
            );
            Some(provider)
        }
    };
    tracing_subscriber::registry()
        .with(layers)
        .try_init()
        .map_err(|e| anyhow::anyhow!("cannot install the logger: {e}"))?;
    Ok(Telemetry { provider })
}

fn tracer_provider(endpoint: &url::Url, args: &LogArgs) -> anyhow::Result<SdkTracerProvider> {
    let exporter = opentelemetry_otlp::SpanExporter::builder()
        .with_http()
        .with_protocol(Protocol::HttpBinary)
        .with_endpoint(endpoint.as_str())
        .build()
        .map_err(|e| anyhow::anyhow!("--otlp-endpoint {endpoint}: {e}"))?;
    Ok(SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .with_sampler(Sampler::ParentBased(Box::new(Sampler::TraceIdRatioBased(
            args.otlp_sample_ratio,
        ))))
        .with_resource(
            Resource::builder()
                .with_service_name(args.otlp_service_name.clone())
                .build(),
        )
        .build())
}

/// What becomes a span (or a span's event) in the exported traces: INFO and above, except
/// the exporter's own HTTP stack; SQL statement spans only inside another span (a request),
/// so the background loops' polling does not make a trace a second.
fn exported<S>(meta: &tracing::Metadata<'_>, cx: &tracing_subscriber::layer::Context<'_, S>) -> bool
where
    S: Subscriber + for<'a> LookupSpan<'a>,
{
    let target = meta.target();
    let crate_name = target.split("::").next().unwrap_or(target);
    if NEVER_EXPORTED.contains(&crate_name) || *meta.level() > Level::INFO {
        return false;
    }
    if crate_name == "sea_orm" {
        return meta.is_span() && cx.lookup_current().is_some();
    }
    true
}
