//! The real release `praxis serve` as a child process on a loopback port, so that the peak
//! memory measured is the server's own.

use anyhow::{bail, Context};
use std::{
    net::TcpListener,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

pub struct Server {
    child: Child,
    pub url: String,
}

/// The `praxis` binary next to this one (both built by `cargo build --release`).
pub fn default_binary() -> anyhow::Result<PathBuf> {
    let me = std::env::current_exe().context("locating the load binary")?;
    Ok(me.with_file_name("praxis"))
}

fn free_port() -> anyhow::Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0").context("finding a free loopback port")?;
    Ok(listener.local_addr()?.port())
}

impl Server {
    /// Starts `praxis serve` against `database_url` with the rate limits and the cost limit
    /// raised (a load run is no abuse), its log in `log`, and waits until it answers.
    pub async fn start(binary: &Path, database_url: &str, log: &Path) -> anyhow::Result<Self> {
        let port = free_port()?;
        let log_file =
            std::fs::File::create(log).with_context(|| format!("creating {}", log.display()))?;
        let child = Command::new(binary)
            .args(["--database-url", database_url, "--log", "warn", "serve"])
            .args(["--bind", &format!("127.0.0.1:{port}")])
            .args(["--rate-limit-person", "0", "--rate-limit-organization", "0"])
            .args(["--max-complexity", "1000000"])
            .stdout(Stdio::null())
            .stderr(log_file)
            .spawn()
            .with_context(|| format!("starting {}", binary.display()))?;
        let mut server = Server {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        let client = reqwest::Client::new();
        let started = Instant::now();
        loop {
            if let Some(status) = server.child.try_wait()? {
                bail!("praxis serve exited with {status}; see {}", log.display());
            }
            let ready = client
                .get(format!("{}/readyz", server.url))
                .send()
                .await
                .is_ok_and(|r| r.status().is_success());
            if ready {
                return Ok(server);
            }
            if started.elapsed() > Duration::from_secs(120) {
                server.stop();
                bail!(
                    "praxis serve did not get ready in 120 s; see {}",
                    log.display()
                );
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// The server's peak resident set (`VmHWM`) in MiB.
    pub fn peak_rss_mib(&self) -> Option<f64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kib / 1024.0)
    }

    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}
