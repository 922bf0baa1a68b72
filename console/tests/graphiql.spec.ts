import { expect, test } from "@playwright/test";
import { gql, praxis } from "./praxis";
import { organization } from "./world";

// The browser of these tests resolves no host name (only the loopback address the server
// listens on is reachable) and runs no service worker.
test.use({
  serviceWorkers: "block",
  launchOptions: {
    executablePath: praxis.chromium,
    args: ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
  },
});

test("GraphiQL loads everything from the server itself", async ({ page }) => {
  const elsewhere: string[] = [];
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== praxis.url && url.protocol !== "data:" && url.protocol !== "blob:") {
      elsewhere.push(url.toString());
      return route.abort("internetdisconnected");
    }
    return route.continue();
  });
  await page.goto("/graphql");
  await expect(page.getByLabel("Token")).toBeVisible();
  await expect(page.locator(".graphiql-container")).toBeVisible();
  expect(elsewhere).toEqual([]);
});

// Everything the page needs comes from the server: every request to anywhere else is aborted,
// every host name fails to resolve, and WebSockets to anywhere else are closed. Within that, a pasted token runs a
// query, and a subscription over the server's WebSocket receives an event.
test.describe("GraphiQL with the network cut off", () => {
  test("a pasted token runs a query and a subscription", async ({ page }) => {
    const org = await organization("giql", "Offline Works", "Olga Offline");
    const origin = new URL(praxis.url);
    const elsewhere: string[] = [];
    await page.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== praxis.url && url.protocol !== "data:" && url.protocol !== "blob:") {
        elsewhere.push(url.toString());
        return route.abort("internetdisconnected");
      }
      return route.continue();
    });
    await page.routeWebSocket(
      (url) => url.host !== origin.host,
      (ws) => {
        elsewhere.push(ws.url());
        return ws.close();
      },
    );
    const sockets: string[] = [];
    page.on("websocket", (ws) => sockets.push(ws.url()));

    // Something outside really is unreachable from this browser.
    const outside = await page.evaluate(() =>
      fetch("https://example.com/").then(
        () => "reached",
        () => "unreachable",
      ),
    );
    expect(outside).toBe("unreachable");
    elsewhere.length = 0;

    // A query from ?query=, run with the pasted token.
    const query = "query Who { viewer { isAdmin person { displayName } organization { slug } } }";
    await page.goto(`/graphql?query=${encodeURIComponent(query)}`);
    await page.getByLabel("Token").fill(org.admin.token);
    const run = page.getByRole("button", { name: "Execute query (Ctrl-Enter)" });
    const result = page.locator(".graphiql-response");
    // GraphiQL shows its buttons before its editors (loaded on demand) are ready, and ignores
    // a run until they are: wait for the query in the editor, then run until a result shows.
    await expect(page.locator(".graphiql-query-editor")).toContainText("query Who");
    await expect(async () => {
      await run.click();
      await expect(result).toContainText('"displayName"', { timeout: 3_000 });
    }).toPass({ timeout: 20_000 });
    await expect(result).toContainText('"displayName": "Olga Offline"');
    await expect(result).toContainText(`"slug": "${org.slug}"`);
    await expect(result).toContainText('"isAdmin": true');

    // A subscription from ?query= and ?variables= (the token stays for the tab): the
    // organization's admin feed, then an audited change made through the API.
    const subscription =
      "subscription Feed($org: ID!) { organizationFeed(organizationId: $org) { type organizations { slug } } }";
    const variables = JSON.stringify({ org: org.id });
    await page.goto(
      `/graphql?query=${encodeURIComponent(subscription)}&variables=${encodeURIComponent(variables)}`,
    );
    await expect(page.getByLabel("Token")).toHaveValue(org.admin.token);
    const subscribed = page.waitForEvent("websocket").then(
      (ws) =>
        new Promise<void>((resolve) => {
          ws.on("framesent", (frame) => {
            if (String(frame.payload).includes('"subscribe"')) resolve();
          });
        }),
    );
    await expect(page.locator(".graphiql-query-editor")).toContainText("organizationFeed");
    // Run until GraphiQL has started it (its button turns into Stop): see the query above.
    await expect(async () => {
      await page.getByRole("button", { name: "Execute query (Ctrl-Enter)" }).click();
      await expect(page.getByRole("button", { name: "Stop query (Ctrl-Enter)" })).toBeVisible({
        timeout: 3_000,
      });
    }).toPass({ timeout: 20_000 });
    await subscribed;

    // The server starts listening once it has the subscribe message: a change made before
    // that would not be heard, so one is made every two seconds until an event shows.
    let changes = 0;
    await expect(async () => {
      changes += 1;
      const set = await gql(
        org.admin.token,
        `mutation($input: SetOidcLoginInput!) {
          setOidcLogin(input: $input) { userErrors { code message } }
        }`,
        {
          input: {
            organizationId: org.id,
            issuer: `urn:praxis:org:${org.slug}`,
            clientId: "praxis",
            authorizationEndpoint: "https://login.offline.test/authorize",
            tokenEndpoint: "https://login.offline.test/token",
            scopes: `openid change-${changes}`,
          },
        },
      );
      expect(set.setOidcLogin.userErrors).toEqual([]);
      await expect(result).toContainText('"type": "OIDC_LOGIN_SET"', { timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await expect(result).toContainText(`"slug": "${org.slug}"`);

    expect(sockets.length).toBeGreaterThan(0);
    for (const socket of sockets) expect(new URL(socket).host).toBe(origin.host);
    expect(elsewhere).toEqual([]);
  });
});
