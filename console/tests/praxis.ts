// Where the server under test is and how to reach it: shared by the Playwright config, the
// global set-up and the tests. Everything is created through the binary's own command line
// (`praxis org create`, `praxis token`) and the public GraphQL API.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

const root = resolve(here, "..", "..");
const port = Number(process.env.PRAXIS_E2E_PORT ?? 18_480);
const stateDir = resolve(here, "..", ".e2e");
mkdirSync(stateDir, { recursive: true });

// One run, one fresh database: the first process to load this (Playwright's runner) names the
// run; its test workers inherit the name through the environment.
if (!process.env.PRAXIS_E2E_RUN) {
  process.env.PRAXIS_E2E_RUN = `${Date.now()}-${process.pid}`;
  for (const file of readdirSync(stateDir)) {
    if (file.startsWith("praxis-e2e-")) rmSync(resolve(stateDir, file), { force: true });
  }
}
const databaseUrl =
  process.env.PRAXIS_E2E_DATABASE_URL ??
  `sqlite://${resolve(stateDir, `praxis-e2e-${process.env.PRAXIS_E2E_RUN}.db`)}`;
const bin = process.env.PRAXIS_BIN ?? resolve(root, "target", "debug", "praxis");
const operatorSecret = "console-e2e-operator-secret-0123456789abcdef";

const env: Record<string, string> = {
  PRAXIS_DATABASE_URL: databaseUrl,
  PRAXIS_OPERATOR_SECRET: operatorSecret,
  PRAXIS_LOG: process.env.PRAXIS_LOG ?? "warn",
  // The mock identity provider of oidc.spec.ts publishes its keys on http://127.0.0.1.
  PRAXIS_ALLOW_LOOPBACK_JWKS: "true",
};

export const praxis = {
  url: `http://127.0.0.1:${port}`,
  bin,
  databaseUrl,
  stateDir,
  chromium: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  env,
  serveCommand: `"${bin}" serve --bind 127.0.0.1:${port}`,
};

function cli(args: string[]): string {
  if (!existsSync(bin)) {
    throw new Error(`${bin} does not exist: run \`cargo build\` first (or set PRAXIS_BIN)`);
  }
  return execFileSync(bin, args, {
    env: { ...process.env, ...env },
    encoding: "utf8",
  }).trim();
}

/** A slug no other test uses: every test makes its own organizations on the shared server. */
export function uniqueSlug(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

/**
 * Creates an organization (`praxis org create`): with an HS256 development key, or trusting
 * another issuer and its JWKS.
 */
export function createOrganization(
  slug: string,
  name: string,
  options: { issuer?: string; jwksUrl?: string; devKey?: boolean } = {},
): void {
  const args = ["org", "create", "--slug", slug, "--name", name];
  if (options.issuer) args.push("--issuer", options.issuer);
  if (options.jwksUrl) args.push("--jwks-url", options.jwksUrl);
  if (options.devKey === false) args.push("--no-dev-key");
  cli(args);
}

/** A token for a person of an organization (`praxis token`). */
export function token(
  org: string,
  sub: string,
  options: { name?: string; admin?: boolean } = {},
): string {
  const args = ["token", "--org", org, "--sub", sub];
  if (options.name) args.push("--name", options.name);
  if (options.admin) args.push("--admin");
  return lastLine(cli(args));
}

/** A platform-operator token. */
export function operatorToken(): string {
  return lastLine(cli(["token", "--operator", "--sub", "console-e2e"]));
}

function lastLine(output: string): string {
  const lines = output.split("\n").filter((line) => line.trim() !== "");
  return lines[lines.length - 1].trim();
}

/** Runs a GraphQL operation against the server; throws on errors. */
export async function gql<T = any>(
  bearer: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${praxis.url}/graphql`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length) {
    throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  }
  return body.data as T;
}
