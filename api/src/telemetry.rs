//! Structured logs: `tracing` to stderr, as text or JSON lines, filtered by `--log`.

use crate::config::{LogArgs, LogFormat};
use tracing_subscriber::{fmt, fmt::format::FmtSpan, EnvFilter};

/// Installs the global subscriber. Logs go to stderr so that stdout stays clean for the
/// commands that print results (`schema`, `token`, `org`).
pub fn init(args: &LogArgs) -> anyhow::Result<()> {
    let filter = EnvFilter::try_new(&args.log)
        .map_err(|e| anyhow::anyhow!("invalid --log filter {:?}: {e}", args.log))?;
    // A closed request span is the access log line: method, route, status, latency, request id.
    let builder = fmt()
        .with_env_filter(filter)
        .with_span_events(FmtSpan::CLOSE)
        .with_writer(std::io::stderr);
    let installed = match args.log_format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .try_init(),
    };
    installed.map_err(|e| anyhow::anyhow!("cannot install the logger: {e}"))
}
