import { defineConfig, devices } from "@playwright/test";
import { praxis } from "./tests/praxis";

// Browser tests against a real `praxis serve` (the debug binary cargo builds, or PRAXIS_BIN),
// on a fresh SQLite file (or PRAXIS_E2E_DATABASE_URL), driven by Debian's Chromium
// (CHROMIUM_PATH, default /usr/bin/chromium): Playwright downloads no browser.
export default defineConfig({
  testDir: "tests",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  globalSetup: "./tests/global-setup.ts",
  use: {
    baseURL: praxis.url,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    viewport: { width: 1366, height: 768 },
    launchOptions: { executablePath: praxis.chromium },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 768 } } }],
  webServer: {
    command: praxis.serveCommand,
    url: `${praxis.url}/readyz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    env: praxis.env,
  },
});
