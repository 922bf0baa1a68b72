import { expect, test } from "@playwright/test";
import { gql } from "./praxis";
import { community, federate, join, organization, partnership, person, signIn } from "./world";

test("an action filter narrows the audit entries", async ({ page }) => {
  const acme = await organization("audit-acme", "Acme", "Ana Admin");
  const partner = await organization("audit-partner", "Vandelay", "Vic Admin");
  await partnership(acme, partner);
  await community(acme, "Platform Guild");
  await community(acme, "Design Systems");

  await signIn(page, acme.admin.token, "/console/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const table = page.getByRole("table", { name: "Audit entries" });
  await expect(table.locator("code", { hasText: "PARTNERSHIP_PROPOSED" })).toHaveCount(1);
  await expect(table.locator("code", { hasText: "PARTNERSHIP_ACCEPTED" })).toHaveCount(1);
  await expect(table.locator("code", { hasText: "COMMUNITY_CREATED" })).toHaveCount(2);
  await expect(table.getByRole("row")).toHaveCount(5); // header + 4
  await expect(table).toContainText("Ana Admin");

  await page.getByLabel("Action", { exact: true }).selectOption("COMMUNITY_CREATED");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(table.getByRole("row")).toHaveCount(3); // header + 2
  await expect(table.locator("code", { hasText: "PARTNERSHIP_PROPOSED" })).toHaveCount(0);
  await expect(table).toContainText("Platform Guild");
  await expect(table).toContainText("Design Systems");
  await expect(page.getByText("2 entries with action COMMUNITY_CREATED")).toBeVisible();

  // The partner filter: only what concerns Vandelay too.
  await page.getByLabel("Action", { exact: true }).selectOption("");
  await page.getByRole("textbox", { name: "Organization" }).fill(partner.slug);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table.locator("code", { hasText: "COMMUNITY_CREATED" })).toHaveCount(0);

  // An unknown organization is said so, with its code.
  await page.getByRole("textbox", { name: "Organization" }).fill("no-such-organization");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("alert")).toContainText("NOT_FOUND");

  // A date range in the past has nothing.
  await page.getByRole("button", { name: "Clear filters" }).click();
  await page.getByLabel("From", { exact: true }).fill("2001-01-01");
  await page.getByLabel("To", { exact: true }).fill("2001-12-31");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No audit entries match.")).toBeVisible();
});

test("older entries page back through the log", async ({ page }) => {
  const acme = await organization("audit-pages", "Acme Pages", "Pat Pager");
  // 27 entries: a page of 25 and an older page of 2.
  for (let i = 1; i <= 27; i++) await community(acme, `Circle ${String(i).padStart(2, "0")}`);

  await signIn(page, acme.admin.token, "/console/audit");
  const table = page.getByRole("table", { name: "Audit entries" });
  await expect(page.getByText("27 entries.")).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(26);
  await expect(table).toContainText("Circle 27");
  await expect(table).not.toContainText("Circle 01");

  await page.getByRole("button", { name: "Older entries" }).click();
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table).toContainText("Circle 01");
  await expect(table).toContainText("Circle 02");
  await expect(page.getByRole("button", { name: "Older entries" })).toHaveCount(0);

  await page.getByRole("button", { name: "Newer entries" }).click();
  await expect(table.getByRole("row")).toHaveCount(26);
  await expect(table).toContainText("Circle 27");
});

test("an approval decided in the console shows in the log with its outcome", async ({ page }) => {
  const host = await organization("audit-appr-host", "Initrode", "Olga Owner");
  const guest = await organization("audit-appr-guest", "Soylent", "Sid Admin");
  await partnership(host, guest);
  const circle = await community(host, "Incident Review", { joinRule: "APPROVAL_REQUIRED" });
  await federate(circle.id, host, guest);
  const tess = await person(guest.slug, "Tess Asking");
  const membership = await join(tess, circle.id);

  await signIn(page, host.admin.token, "/console/approvals");
  await page.getByRole("button", { name: "Approve Tess Asking for Incident Review" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Approved 1 request." })).toBeVisible();

  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Audit log" }).click();
  await page.getByLabel("Action", { exact: true }).selectOption("MEMBERSHIP_APPROVAL_DECIDED");
  await page.getByRole("button", { name: "Apply filters" }).click();
  const table = page.getByRole("table", { name: "Audit entries" });
  await expect(table.getByRole("row")).toHaveCount(2);
  const entry = table.getByRole("row").nth(1);
  await expect(entry.locator("code")).toHaveText("MEMBERSHIP_APPROVAL_DECIDED");
  await expect(entry).toContainText("Olga Owner");
  await expect(entry).toContainText("Community Incident Review");
  await expect(entry).toContainText("COORDINATOR approval APPROVED");
  await expect(entry).toContainText("status PENDING → ACTIVE");

  // The API agrees: the membership is ACTIVE.
  const data = await gql(host.admin.token, `query($id: ID!) { node(id: $id) { ... on Membership { status } } }`, {
    id: membership.id,
  });
  expect(data.node.status).toBe("ACTIVE");
});
