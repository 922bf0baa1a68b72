import { expect, test } from "@playwright/test";
import { gql } from "./praxis";
import { community, federate, join, organization, partnership, person, signIn } from "./world";

// The host's admin coordinates a community whose join rule asks a coordinator to approve
// each request: three of the partner's people ask; two are approved in bulk, one rejected.
test("approve two requests in bulk, reject one, and see a stale decision refused", async ({ page }) => {
  const host = await organization("appr-host", "Initech", "Hana Host");
  const guest = await organization("appr-guest", "Globex", "Gus Guest");
  await partnership(host, guest);
  const circle = await community(host, "Release Engineering", { joinRule: "APPROVAL_REQUIRED" });
  await federate(circle.id, host, guest);
  const ada = await person(guest.slug, "Ada Lovelace");
  const bob = await person(guest.slug, "Bob Babbage");
  const cy = await person(guest.slug, "Cy Reject");
  const requests = [];
  for (const member of [ada, bob, cy]) {
    const membership = await join(member, circle.id);
    expect(membership.status).toBe("PENDING");
    expect(membership.approvals.map((a) => a.kind)).toEqual(["COORDINATOR"]);
    requests.push(membership);
  }

  await signIn(page, host.admin.token, "/console/approvals");
  await expect(page.getByRole("heading", { level: 1, name: "Approvals" })).toBeVisible();
  const table = page.getByRole("table", { name: "Pending approvals" });
  await expect(table.getByRole("row")).toHaveCount(4); // header + 3
  await expect(table).toContainText("Globex");
  await expect(table).toContainText("COORDINATOR");

  await page.getByLabel("Select Ada Lovelace for Release Engineering").check();
  await page.getByLabel("Select Bob Babbage for Release Engineering").check();
  await page.getByRole("button", { name: "Approve selected" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Approved 2 requests." })).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(page.getByLabel("Select Ada Lovelace for Release Engineering")).toHaveCount(0);

  await page.getByRole("button", { name: "Reject Cy Reject for Release Engineering" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Rejected 1 request." })).toBeVisible();
  await expect(page.getByText("Nothing waits for your approval.")).toBeVisible();

  // What the API now says about each membership.
  const statuses = await gql(
    host.admin.token,
    `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Membership { id status } } }`,
    { ids: requests.map((r) => r.id) },
  );
  expect(statuses.nodes.map((n: { status: string }) => n.status)).toEqual([
    "ACTIVE",
    "ACTIVE",
    "REJECTED",
  ]);

  // A request decided elsewhere while the page still shows it: the console says why not.
  const dee = await person(guest.slug, "Dee Stale");
  const stale = await join(dee, circle.id);
  await page.reload();
  await expect(page.getByRole("table", { name: "Pending approvals" })).toContainText("Dee Stale");
  const decided = await gql(
    host.admin.token,
    `mutation($input: DecideApprovalsInput!) {
      decideApprovals(input: $input) { approvals { id status } userErrors { code message } }
    }`,
    { input: { approvalIds: [stale.approvals[0].id], approve: true } },
  );
  expect(decided.decideApprovals.userErrors).toEqual([]);
  await page.getByRole("button", { name: "Approve Dee Stale for Release Engineering" }).click();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("CONFLICT");
  await expect(alert).toContainText("already APPROVED");
  await expect(page.getByText("Nothing waits for your approval.")).toBeVisible();
});

test("select all picks every row", async ({ page }) => {
  const host = await organization("appr-all-host", "Umbrella", "Una Host");
  const guest = await organization("appr-all-guest", "Hooli", "Hal Guest");
  await partnership(host, guest);
  const circle = await community(host, "Data Stewardship", { joinRule: "APPROVAL_REQUIRED" });
  await federate(circle.id, host, guest);
  for (const name of ["Eve One", "Fay Two", "Gil Three"]) {
    await join(await person(guest.slug, name), circle.id);
  }
  await signIn(page, host.admin.token, "/console/approvals");
  // By keyboard alone: Space ticks "Select all", Shift+Tab reaches "Approve selected".
  const selectAll = page.getByLabel("Select all", { exact: true });
  await selectAll.focus();
  await page.keyboard.press("Space");
  await expect(selectAll).toBeChecked();
  await expect(page.getByText("3 of 3 requests selected")).toBeVisible();
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByRole("button", { name: "Reject selected" })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByRole("button", { name: "Approve selected" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Approved 3 requests." })).toBeVisible();
  // The rows are gone; focus is back on the page's heading, above the notice.
  await expect(page.getByRole("heading", { level: 1, name: "Approvals" })).toBeFocused();
  await expect(page.getByText("Nothing waits for your approval.")).toBeVisible();
});
