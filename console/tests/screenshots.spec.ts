// Screenshots of the console and GraphiQL for docs/screenshots/, over a small believable world
// built through the public API: three organizations, partnerships (one still a proposal),
// communities hosted by two of them with members from both sides, a request waiting for
// approval, a problem solved across organizations and applications with their benefits.
import { expect, test, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gql } from "./praxis";
import {
  application,
  community,
  federate,
  join,
  organization,
  partnership,
  person,
  signIn,
  solvedProblem,
} from "./world";

const here = dirname(fileURLToPath(import.meta.url));
// PRAXIS_SCREENSHOTS=docs rewrites the README's pictures in docs/screenshots; otherwise (CI, a
// plain test run) the same pages are shot into test-results/, so the tree stays as committed.
const shots =
  process.env.PRAXIS_SCREENSHOTS === "docs"
    ? resolve(here, "..", "..", "docs", "screenshots")
    : resolve(here, "..", "test-results", "screenshots");

test.use({ viewport: { width: 1366, height: 768 } });

async function shoot(page: Page, name: string, heading: string): Promise<void> {
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  // Every wait over: no progress indicator left on the page.
  await expect(page.locator(".busy")).toHaveCount(0);
  await page.screenshot({ path: resolve(shots, `${name}.png`), fullPage: true });
}

/** The first day of the month `back` months ago, plus `day - 1` days (UTC), YYYY-MM-DD. */
function daysIntoMonth(back: number, day: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, day))
    .toISOString()
    .slice(0, 10);
}

test("screenshots of every console page and of GraphiQL", async ({ page }) => {
  test.setTimeout(180_000);
  mkdirSync(shots, { recursive: true });

  const initech = await organization("initech", "Initech", "Priya Patel");
  const globex = await organization("globex", "Globex", "Marcus Chen");
  const umbrella = await organization("umbrella", "Umbrella Health", "Lena Vogel");
  await partnership(initech, globex);
  await partnership(umbrella, initech);
  // A proposal Initech has not answered yet.
  const hooli = await organization("hooli", "Hooli", "Gavin Belson");
  await gql(
    hooli.admin.token,
    `mutation($input: ProposePartnershipInput!) {
      proposePartnership(input: $input) { partnership { id } userErrors { code message } }
    }`,
    { input: { partnerSlug: initech.slug, message: "Shall our platform teams share practice?" } },
  );

  const sre = await community(initech, "Site Reliability Practice", {
    purpose: "Running services that stay up: on-call, incidents, capacity.",
  });
  const privacy = await community(initech, "Data Privacy Guild", {
    joinRule: "APPROVAL_REQUIRED",
    purpose: "Privacy by design in every product team.",
  });
  await federate(sre.id, initech, globex);
  await federate(sre.id, initech, umbrella);
  await federate(privacy.id, initech, globex);
  const a11y = await community(globex, "Accessibility Circle", {
    purpose: "Products everyone can use.",
  });
  await federate(a11y.id, globex, initech);

  const sam = await person(initech.slug, "Sam Rivera");
  const jo = await person(initech.slug, "Jo Nakamura");
  const gia = await person(globex.slug, "Gia Romano");
  const ken = await person(globex.slug, "Ken Adeyemi");
  const ula = await person(umbrella.slug, "Ula Berg");
  const nia = await person(globex.slug, "Nia Okafor");
  for (const member of [sam, jo, gia, ken, ula]) await join(member, sre.id);
  await join(sam, a11y.id);
  await join(jo, a11y.id);
  await gql(
    initech.admin.token,
    `mutation($input: SetPersonBusinessUnitInput!) {
      setPersonBusinessUnit(input: $input) { person { id } userErrors { code message } }
    }`,
    { input: { personId: sam.id, businessUnit: "Payments Platform" } },
  );
  // Waits for Initech's coordinator.
  expect((await join(nia, privacy.id)).status).toBe("PENDING");

  const pager = await solvedProblem(sre.id, sam, gia, "Pager fatigue on the payments on-call");
  await application(sam, pager, {
    hours: 14.5,
    amount: "2400.00",
    currency: "EUR",
    businessUnit: "Payments Platform",
  });
  const flaky = await solvedProblem(sre.id, jo, ken, "Flaky canary deployments");
  await application(jo, flaky, { hours: 6, amount: "800.00", currency: "EUR" });
  // Earlier months too, for the benefits over time.
  await application(jo, pager, {
    hours: 9.25,
    amount: "1100.00",
    currency: "EUR",
    appliedOn: daysIntoMonth(2, 12),
  });
  await application(sam, flaky, {
    hours: 4,
    amount: "350.00",
    currency: "USD",
    appliedOn: daysIntoMonth(1, 20),
  });
  await solvedProblem(sre.id, gia, sam, "Alert thresholds drift after every release");
  // In Globex's community: Globex solves one of ours, we solve one of theirs.
  await join(gia, a11y.id);
  const contrast = await solvedProblem(a11y.id, sam, gia, "Charts fail colour-contrast checks");
  await application(sam, contrast, { hours: 3.5, amount: "420.00", currency: "EUR" });
  await solvedProblem(a11y.id, gia, jo, "Screen readers skip our data tables");

  // The sign-in page, then every page of the console as Initech's admin.
  await page.goto("/console/");
  await expect(page.getByRole("heading", { level: 1, name: "Praxis admin console" })).toBeVisible();
  await page.screenshot({ path: resolve(shots, "sign-in.png"), fullPage: true });
  await signIn(page, initech.admin.token);

  const pages: [string, string, string][] = [
    ["/console/", "overview", "Overview"],
    ["/console/partnerships", "partnerships", "Partnerships"],
    ["/console/communities", "communities", "Communities"],
    ["/console/people", "people", "People"],
    ["/console/approvals", "approvals", "Approvals"],
    ["/console/audit", "audit", "Audit log"],
    ["/console/value", "value", "Value report"],
  ];
  for (const [path, name, heading] of pages) {
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: heading }).click();
    await expect(page).toHaveURL(new RegExp(`${path.replace(/\/$/, "")}/?$`));
    if (name === "overview") {
      await expect(page.getByRole("note")).toContainText("Hooli");
      await expect(page.getByRole("table", { name: "Recent audit entries" })).toBeVisible();
    }
    if (name === "partnerships") {
      await expect(page.getByRole("table", { name: "Partnerships" })).toContainText("Umbrella Health");
    }
    if (name === "communities") {
      await expect(
        page.getByRole("table", { name: "Organizations in Site Reliability Practice" }),
      ).toContainText("Globex");
    }
    if (name === "people") {
      await expect(page.getByRole("table", { name: "Memberships in communities hosted elsewhere" })).toContainText(
        "Sam Rivera",
      );
    }
    if (name === "approvals") {
      await expect(page.getByRole("table", { name: "Pending approvals" })).toContainText("Nia Okafor");
    }
    if (name === "audit") {
      await expect(page.getByRole("table", { name: "Audit entries" })).toBeVisible();
    }
    if (name === "value") {
      await expect(page.locator("canvas")).toHaveCount(4);
    }
    await shoot(page, name, heading);
  }

  // GraphiQL with a query run and its result.
  await page.addInitScript(() => {
    localStorage.setItem(
      "graphiql:query",
      [
        "query MyOrganization {",
        "  viewer {",
        "    organization {",
        "      name",
        "      partnerships(status: ACTIVE) {",
        "        nodes {",
        "          status",
        "          partner { name slug }",
        "        }",
        "      }",
        "    }",
        "  }",
        "}",
      ].join("\n"),
    );
  });
  await page.goto("/graphql");
  await page.getByLabel("Token").fill(initech.admin.token);
  await expect(page.locator(".graphiql-container")).toBeVisible();
  // GraphiQL ignores a run until its editors (loaded on demand) are ready: run until it shows.
  await expect(page.locator(".graphiql-query-editor")).toContainText("partnerships");
  await expect(async () => {
    await page.getByRole("button", { name: /Execute query/ }).click();
    await expect(page.locator(".graphiql-response")).toContainText('"name": "Initech"', {
      timeout: 3_000,
    });
  }).toPass({ timeout: 20_000 });
  await page.screenshot({ path: resolve(shots, "graphiql.png"), fullPage: true });
});
