import { expect, test, type Page } from "@playwright/test";
import { startMockIdp, type MockIdp } from "./mock-idp";
import { createOrganization, gql, operatorToken, uniqueSlug } from "./praxis";

// Sign-in through an organization's identity provider: authorization code with PKCE against a
// mock provider on a loopback port, whose ID tokens the organization trusts (its issuer and
// JWKS), with the console's OIDC login set through the API.

let idp: MockIdp;

test.beforeEach(async () => {
  idp = await startMockIdp();
});

test.afterEach(async () => {
  await idp.close();
});

/** An organization trusting the mock provider, with its OIDC login set; returns its slug. */
async function organizationWithOidcLogin(name: string): Promise<string> {
  const slug = uniqueSlug("oidc");
  createOrganization(slug, name, { issuer: idp.issuer, jwksUrl: idp.jwksUrl, devKey: false });
  const operator = operatorToken();
  const found = await gql<{ organization: { id: string } }>(
    operator,
    "query($slug: String!) { organization(slug: $slug) { id } }",
    { slug },
  );
  const set = await gql(
    operator,
    `mutation($input: SetOidcLoginInput!) {
      setOidcLogin(input: $input) { oidcLogin { issuer scopes } userErrors { code message field } }
    }`,
    {
      input: {
        organizationId: found.organization.id,
        issuer: idp.issuer,
        clientId: "praxis",
        authorizationEndpoint: idp.authorizationEndpoint,
        tokenEndpoint: idp.tokenEndpoint,
      },
    },
  );
  expect(set.setOidcLogin.userErrors).toEqual([]);
  expect(set.setOidcLogin.oidcLogin).toEqual({ issuer: idp.issuer, scopes: "openid profile email" });
  return slug;
}

async function lookUp(page: Page, slug: string): Promise<void> {
  await page.goto("/console/");
  await page.getByRole("textbox", { name: "Organization" }).fill(slug);
  await page.getByRole("button", { name: "Continue" }).click();
}

test("an admin signs in through the organization's identity provider", async ({ page }) => {
  const slug = await organizationWithOidcLogin("Umbrella Labs");
  idp.person = { sub: "olivia", name: "Olivia Okafor", email: "olivia@umbrella.test", admin: true };

  await lookUp(page, slug);
  await page.getByRole("button", { name: `Sign in with ${idp.issuer}` }).click();

  // Back from the provider: signed in as that person, on the Overview.
  await expect(page.getByRole("navigation", { name: "Console" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page).toHaveURL(/\/console\/?$/);
  const header = page.locator("header.top");
  await expect(header).toContainText("Olivia Okafor");
  await expect(header).toContainText("Umbrella Labs");

  // The provider saw an authorization code request with PKCE S256, a state and a nonce, and
  // the code was exchanged once, with a verifier that matched the challenge.
  expect(idp.authorizeRequests).toHaveLength(1);
  const asked = idp.authorizeRequests[0];
  expect(asked.get("response_type")).toBe("code");
  expect(asked.get("client_id")).toBe("praxis");
  expect(asked.get("scope")).toBe("openid profile email");
  expect(asked.get("redirect_uri")).toBe(new URL("/console/oidc/callback", page.url()).toString());
  expect(asked.get("code_challenge_method")).toBe("S256");
  expect(asked.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(asked.get("state")).toBeTruthy();
  expect(asked.get("nonce")).toBeTruthy();
  expect(idp.tokenRequests.map((r) => r.status)).toEqual([200]);
  expect(idp.tokenRequests[0].form.get("code_verifier")).toMatch(/^[A-Za-z0-9_-]{43}$/);

  // The ID token is the bearer the console keeps: the API knows who it names.
  const kept = await page.evaluate(() => sessionStorage.getItem("praxis.console.token"));
  expect(kept).toBeTruthy();
  const viewer = await gql<{ viewer: { isAdmin: boolean; person: { displayName: string } } }>(
    kept!,
    "query { viewer { isAdmin person { displayName } } }",
  );
  expect(viewer.viewer).toEqual({ isAdmin: true, person: { displayName: "Olivia Okafor" } });

  // A reload keeps the tab signed in; signing out returns to the sign-in page.
  await page.reload();
  await expect(header).toContainText("Olivia Okafor");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in through your organization" })).toBeVisible();
});

test("a refusal by the provider is shown, with a way back", async ({ page }) => {
  const slug = await organizationWithOidcLogin("Umbrella Refusals");
  idp.answer = "access_denied";

  // By keyboard: type the organization, Enter, then Tab to the provider's button and Enter.
  await page.goto("/console/");
  await page.getByRole("textbox", { name: "Organization" }).focus();
  await page.keyboard.type(slug);
  await page.keyboard.press("Enter");
  const go = page.getByRole("button", { name: `Sign in with ${idp.issuer}` });
  await expect(go).toBeVisible();
  await go.focus();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1, name: "Sign-in failed" })).toBeFocused();
  await expect(page.getByRole("alert")).toContainText("access_denied");
  await expect(page.getByRole("alert")).toContainText("The user declined the sign-in");
  expect(idp.tokenRequests).toHaveLength(0);
  expect(await page.evaluate(() => sessionStorage.getItem("praxis.console.token"))).toBeNull();

  await page.getByRole("link", { name: "Back to sign-in" }).click();
  await expect(page.getByRole("heading", { name: "Sign in through your organization" })).toBeVisible();
  // The organization is remembered for the next attempt.
  await expect(page.getByRole("textbox", { name: "Organization" })).toHaveValue(slug);
});

test("an answer with another state is refused and its code never exchanged", async ({ page }) => {
  const slug = await organizationWithOidcLogin("Umbrella Forgeries");
  idp.person = { sub: "mallory", name: "Mallory", admin: true };
  idp.answer = "wrong_state";

  await lookUp(page, slug);
  await page.getByRole("button", { name: `Sign in with ${idp.issuer}` }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Sign-in failed" })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("state mismatch");
  expect(idp.authorizeRequests).toHaveLength(1);
  expect(idp.tokenRequests).toHaveLength(0);
  expect(await page.evaluate(() => sessionStorage.getItem("praxis.console.token"))).toBeNull();

  // Replaying the callback later finds no pending sign-in in the tab.
  await page.reload();
  await expect(page.getByRole("alert")).toContainText("No sign-in was started in this tab");
});

test("an organization without an OIDC login says so", async ({ page }) => {
  await lookUp(page, uniqueSlug("nobody"));
  await expect(page.getByRole("alert")).toContainText("has no sign-in through an identity provider");
  await expect(page.getByRole("button", { name: /^Sign in with/ })).toHaveCount(0);
});
