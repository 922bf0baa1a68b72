import { praxis } from "./praxis";

// The server is started by Playwright's webServer (playwright.config.ts) on a fresh database;
// this only checks it answers GraphQL before any test runs.
export default async function globalSetup(): Promise<void> {
  const response = await fetch(`${praxis.url}/graphql`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ query: "{ __typename }" }),
  });
  if (!response.ok) {
    throw new Error(`praxis at ${praxis.url} answered ${response.status}`);
  }
}
