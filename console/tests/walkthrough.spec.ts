import { expect, test } from "@playwright/test";
import { gql } from "./praxis";
import { community, join, organization, person, signIn, signOut } from "./world";

// Issue 7's acceptance flow, through the console wherever it has a page for the step.
// Set-up through the API (the console has no page for these): the two organizations and
// their admins (CLI), the community A hosts with its join rule APPROVAL_REQUIRED, and the
// person of B asking to join (a member's own request, not an admin's).
test("A proposes, B accepts, A invites B, B accepts naming a sponsor, a join is approved and audited", async ({
  page,
}) => {
  const a = await organization("walk-a", "Northwind", "Nora North");
  const b = await organization("walk-b", "Contoso", "Carl Contoso");
  const sponsor = await person(b.slug, "Sara Sponsor");

  // 1. A's admin proposes a partnership to B — by keyboard alone.
  await signIn(page, a.admin.token, "/console/");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Partnerships" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Partnerships" })).toBeVisible();
  await page.getByLabel("Partner organization slug").focus();
  await page.keyboard.type(b.slug);
  await page.keyboard.press("Tab");
  await page.keyboard.type("Northwind and Contoso: one practice.");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Propose partnership" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Proposed a partnership to Contoso" })).toBeVisible();

  // 2. B's admin sees it waiting on the overview and accepts it.
  await signOut(page);
  await signIn(page, b.admin.token, "/console/");
  await expect(page.getByRole("note")).toContainText("Northwind");
  await page.getByRole("link", { name: "Answer on the Partnerships page" }).click();
  await page.getByRole("button", { name: "Accept Northwind" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Accepted the partnership with Northwind." })).toBeVisible();

  // Set-up: A hosts a community whose join rule asks a coordinator to approve each request.
  const circle = await community(a, "Supply Chain Practice", { joinRule: "APPROVAL_REQUIRED" });

  // 3. A's admin invites B to it.
  await signOut(page);
  await signIn(page, a.admin.token, "/console/communities");
  const section = page.getByRole("region", { name: "Supply Chain Practice" });
  await section.getByLabel("Partner to invite").selectOption({ label: `Contoso (${b.slug})` });
  await section.getByRole("button", { name: "Invite to Supply Chain Practice" }).click();
  await expect(section.getByRole("status").filter({ hasText: "Invited Contoso to Supply Chain Practice" })).toBeVisible();

  // 4. B's admin accepts, naming Sara as sponsor — by keyboard alone: the overview's link,
  // then the sponsor choice and the accept button.
  await signOut(page);
  await signIn(page, b.admin.token, "/console/");
  await expect(page.getByRole("list", { name: "Invitations waiting for our answer" })).toContainText(
    "Supply Chain Practice",
  );
  const toCommunities = page.getByRole("link", { name: "invitation waits for our answer" });
  await toCommunities.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Communities" })).toBeVisible();
  const sponsorChoice = page.getByLabel("Our sponsor for Supply Chain Practice");
  await sponsorChoice.focus();
  // "Choose one of our people", "Carl Contoso (you)", "Sara Sponsor".
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(sponsorChoice).toHaveValue(sponsor.id);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Accept invitation to Supply Chain Practice" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("status").filter({ hasText: "with Sara Sponsor as our sponsor" }),
  ).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Communities hosted elsewhere" }).getByRole("row").filter({ hasText: "Supply Chain Practice" }),
  ).toContainText("ACTIVE");

  // Set-up: a person of B asks to join; the join rule holds the request for approval.
  const tomas = await person(b.slug, "Tomas Joiner");
  const membership = await join(tomas, circle.id);
  expect(membership.status).toBe("PENDING");
  expect(membership.approvals.map((x) => x.kind)).toEqual(["COORDINATOR"]);

  // 5. A's admin (the community's coordinator) approves it on the Approvals page.
  await signOut(page);
  await signIn(page, a.admin.token, "/console/");
  await expect(page.getByRole("link", { name: "membership request waits for our approval" })).toBeVisible();
  await page.getByRole("link", { name: "membership request waits for our approval" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Approvals" })).toBeVisible();
  await page.getByRole("button", { name: "Approve Tomas Joiner for Supply Chain Practice" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Approved 1 request." })).toBeVisible();
  const after = await gql(
    tomas.token,
    `query($id: ID!) { node(id: $id) { ... on Membership { status } } }`,
    { id: membership.id },
  );
  expect(after.node.status).toBe("ACTIVE");

  // 6. The audit log shows the decision, and the steps before it.
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Audit log" }).click();
  const table = page.getByRole("table", { name: "Audit entries" });
  const decided = table.getByRole("row").filter({ hasText: "MEMBERSHIP_APPROVAL_DECIDED" });
  await expect(decided).toHaveCount(1);
  await expect(decided).toContainText("Nora North");
  await expect(decided).toContainText("Supply Chain Practice");
  for (const action of ["PARTNERSHIP_PROPOSED", "PARTNERSHIP_ACCEPTED", "ORGANIZATION_INVITED", "INVITATION_ACCEPTED"]) {
    await expect(table.locator("code", { hasText: action })).toHaveCount(1);
  }
  // The overview's recent entries start with it.
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Overview" }).click();
  await expect(
    page.getByRole("table", { name: "Recent audit entries" }).getByRole("row").nth(1),
  ).toContainText("MEMBERSHIP_APPROVAL_DECIDED");
});
