import { expect, test, type Page } from "@playwright/test";
import { gql } from "./praxis";
import { organization, signIn, signOut, type Org } from "./world";

/** The partnership between `org` and the organization with `partnerSlug`, as `org`'s admin sees it. */
async function partnershipOf(org: Org, partnerSlug: string) {
  const data = await gql(
    org.admin.token,
    `query($slug: String!) {
      organization(slug: $slug) {
        partnerships(first: 100) {
          nodes {
            id status inboundPolicy outboundPolicy inboundOverride outboundOverride
            proposer { slug } partner { slug } suspendedBy { slug }
          }
        }
      }
    }`,
    { slug: org.slug },
  );
  const found = data.organization.partnerships.nodes.filter(
    (p: { partner: { slug: string } }) => p.partner.slug === partnerSlug,
  );
  expect(found).toHaveLength(1);
  return found[0];
}

async function transition(org: Org, mutation: string, partnershipId: string): Promise<void> {
  const data = await gql(
    org.admin.token,
    `mutation($input: PartnershipRefInput!) {
      ${mutation}(input: $input) { partnership { id status } userErrors { code message } }
    }`,
    { input: { partnershipId } },
  );
  expect(data[mutation].userErrors).toEqual([]);
}

function rowOf(page: Page, partnerName: string) {
  return page.getByRole("table", { name: "Partnerships" }).getByRole("row").filter({ hasText: partnerName });
}

test("propose, accept as the partner, set and reset a policy, suspend, resume, end", async ({ page }) => {
  const acme = await organization("ps-acme", "Acme", "Ada Acme");
  const globex = await organization("ps-globex", "Globex", "Gil Globex");

  await signIn(page, acme.admin.token, "/console/partnerships");
  await expect(page.getByRole("heading", { level: 1, name: "Partnerships" })).toBeVisible();
  await expect(page.getByText("No partnerships yet: propose one above.")).toBeVisible();
  await page.getByLabel("Partner organization slug").fill(globex.slug);
  await page.getByLabel("Message to their admins (optional)").fill("Let's share our SRE practice.");
  await page.getByRole("button", { name: "Propose partnership" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Proposed a partnership to Globex; it waits for their answer." }),
  ).toBeVisible();
  await expect(rowOf(page, "Globex")).toContainText("PROPOSED");
  await expect(rowOf(page, "Globex")).toContainText("Waits for Globex");
  // Only the recipient answers: no Accept here.
  await expect(page.getByRole("button", { name: "Accept Globex" })).toHaveCount(0);
  const proposed = await partnershipOf(acme, globex.slug);
  expect(proposed.status).toBe("PROPOSED");
  expect(proposed.proposer.slug).toBe(acme.slug);

  // Globex's admin sees the proposal highlighted, with Acme's message, and accepts it.
  await signOut(page);
  await signIn(page, globex.admin.token, "/console/partnerships");
  const row = rowOf(page, "Acme");
  await expect(row).toContainText("Waits for our answer");
  await expect(row).toContainText("Let's share our SRE practice.");
  await expect(row).toHaveClass(/needs-answer/);
  await page.getByRole("button", { name: "Accept Acme" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Accepted the partnership with Acme." })).toBeVisible();
  await expect(row).toContainText("ACTIVE");
  await expect(row).not.toContainText("Waits for our answer");
  expect((await partnershipOf(globex, acme.slug)).status).toBe("ACTIVE");

  // Our policy for Acme: set both ways, then back to the default (an explicit null).
  await page.getByLabel("Inbound policy for Acme").selectOption("APPROVAL_REQUIRED");
  await page.getByLabel("Outbound policy for Acme").selectOption("BLOCKED");
  await page.getByRole("button", { name: "Save policy for Acme" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Saved our policy for Acme: inbound APPROVAL_REQUIRED, outbound BLOCKED." }),
  ).toBeVisible();
  let policy = await partnershipOf(globex, acme.slug);
  expect([policy.inboundOverride, policy.outboundOverride]).toEqual(["APPROVAL_REQUIRED", "BLOCKED"]);
  // Acme's own policy is untouched: each side has its own.
  const acmeSide = await partnershipOf(acme, globex.slug);
  expect([acmeSide.inboundOverride, acmeSide.outboundOverride]).toEqual([null, null]);

  await page.getByLabel("Inbound policy for Acme").selectOption("DEFAULT");
  await page.getByLabel("Outbound policy for Acme").selectOption("DEFAULT");
  await page.getByRole("button", { name: "Save policy for Acme" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Saved our policy for Acme: inbound ALLOWED, outbound ALLOWED." }),
  ).toBeVisible();
  policy = await partnershipOf(globex, acme.slug);
  expect([policy.inboundOverride, policy.outboundOverride]).toEqual([null, null]);
  expect([policy.inboundPolicy, policy.outboundPolicy]).toEqual(["ALLOWED", "ALLOWED"]);

  // Suspending asks first; cancelling changes nothing and gives focus back.
  const suspend = page.getByRole("button", { name: "Suspend Acme" });
  await suspend.click();
  await expect(page.getByText("Suspend the partnership with Acme?")).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirm suspending Acme" })).toBeFocused();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByText("Suspend the partnership with Acme?")).toHaveCount(0);
  await expect(suspend).toBeFocused();
  expect((await partnershipOf(globex, acme.slug)).status).toBe("ACTIVE");

  await suspend.click();
  await page.getByRole("button", { name: "Confirm suspending Acme" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Suspended the partnership with Acme." })).toBeVisible();
  await expect(row).toContainText("SUSPENDED");
  await expect(row).toContainText("by us");
  const suspended = await partnershipOf(globex, acme.slug);
  expect(suspended.status).toBe("SUSPENDED");
  expect(suspended.suspendedBy.slug).toBe(globex.slug);

  await page.getByRole("button", { name: "Resume Acme" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Resumed the partnership with Acme." })).toBeVisible();
  await expect(row).toContainText("ACTIVE");
  expect((await partnershipOf(globex, acme.slug)).status).toBe("ACTIVE");

  // Suspended again by us, then — while this page still shows it — resumed by us and
  // suspended by Acme elsewhere: resuming now is Acme's call, and the page says so.
  await suspend.click();
  await page.getByRole("button", { name: "Confirm suspending Acme" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Suspended the partnership with Acme." })).toBeVisible();
  // The page re-reads the partnership after its action; the changes below must come after
  // that read (else the page shows them, not the stale state this step is about).
  await expect(row).toContainText("by us");
  await expect(page.locator(".busy")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Resume Acme" })).toBeVisible();
  await transition(globex, "resumePartnership", suspended.id);
  await transition(acme, "suspendPartnership", suspended.id);
  await page.getByRole("button", { name: "Resume Acme" }).click();
  const refused = row.getByRole("alert");
  await expect(refused).toContainText("FORBIDDEN");
  await expect(refused).toContainText("only the organization that suspended a partnership may resume it");
  await expect(row).toContainText("Only Acme, who suspended it, may resume it.");
  await expect(page.getByRole("button", { name: "Resume Acme" })).toHaveCount(0);
  expect((await partnershipOf(globex, acme.slug)).suspendedBy.slug).toBe(acme.slug);

  // Either side may end it, from SUSPENDED too.
  await page.getByRole("button", { name: "End Acme" }).click();
  await expect(page.getByText("End the partnership with Acme?")).toBeVisible();
  await page.getByRole("button", { name: "Confirm ending Acme" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ended the partnership with Acme." })).toBeVisible();
  await expect(row).toContainText("ENDED");
  await expect(page.getByRole("button", { name: "Propose again to Acme" })).toBeVisible();
  expect((await partnershipOf(globex, acme.slug)).status).toBe("ENDED");

  // The status filter narrows the list.
  await page.getByLabel("Status").selectOption("ACTIVE");
  await expect(page.getByText("No partnership is ACTIVE.")).toBeVisible();
  await page.getByLabel("Status").selectOption("ENDED");
  await expect(rowOf(page, "Acme")).toContainText("ENDED");
});

test("errors for a bad slug, ourselves and a second proposal; the partner declines", async ({ page }) => {
  const initech = await organization("ps-initech", "Initech", "Ian Initech");
  const hooli = await organization("ps-hooli", "Hooli", "Hal Hooli");

  await signIn(page, initech.admin.token, "/console/partnerships");
  const slug = page.getByLabel("Partner organization slug");
  const propose = page.getByRole("button", { name: "Propose partnership" });
  const form = page.getByRole("region", { name: "Propose a partnership" });

  await propose.click();
  await expect(form.getByRole("alert")).toContainText("Enter the slug of the organization to partner with.");

  await slug.fill("no-such-organization");
  await propose.click();
  await expect(form.getByRole("alert")).toContainText("NOT_FOUND");

  await slug.fill(initech.slug);
  await propose.click();
  await expect(form.getByRole("alert")).toContainText("BAD_USER_INPUT");
  await expect(form.getByRole("alert")).toContainText("an organization cannot partner with itself");
  await expect(form.getByRole("alert")).toContainText("input.partnerSlug");
  await expect(page.getByRole("table", { name: "Partnerships" })).toHaveCount(0);

  // By keyboard alone: type the slug, Tab to the message, Enter submits.
  await slug.fill("");
  await slug.focus();
  await page.keyboard.type(hooli.slug);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Message to their admins (optional)")).toBeFocused();
  await page.keyboard.type("Platform teams, meet.");
  await page.keyboard.press("Enter");
  const done = page.getByRole("status").filter({ hasText: "Proposed a partnership to Hooli" });
  await expect(done).toBeVisible();
  // Focus moved to the outcome, which says what happened.
  await expect(form.locator(".outcome")).toBeFocused();
  await expect(slug).toHaveValue("");

  await slug.fill(hooli.slug);
  await propose.click();
  await expect(form.getByRole("alert")).toContainText("CONFLICT");
  await expect(form.getByRole("alert")).toContainText("already PROPOSED");

  // Hooli's overview points at the proposal waiting for its answer.
  await signOut(page);
  await signIn(page, hooli.admin.token, "/console/");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByRole("note")).toContainText("1 proposal waits for our answer");
  await expect(page.getByRole("note")).toContainText("Initech");
  await page.getByRole("link", { name: "Answer on the Partnerships page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Partnerships" })).toBeVisible();

  await page.getByRole("button", { name: "Decline Initech" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Declined the partnership with Initech." })).toBeVisible();
  await expect(rowOf(page, "Initech")).toContainText("DECLINED");
  expect((await partnershipOf(hooli, initech.slug)).status).toBe("DECLINED");
  expect((await partnershipOf(initech, hooli.slug)).status).toBe("DECLINED");
});

test("our default policies", async ({ page }) => {
  const umbrella = await organization("ps-umbrella", "Umbrella", "Uma Umbrella");
  await signIn(page, umbrella.admin.token, "/console/partnerships");
  await expect(page.getByLabel("Default inbound policy")).toHaveValue("ALLOWED");
  await page.getByLabel("Default inbound policy").selectOption("APPROVAL_REQUIRED");
  await page.getByRole("button", { name: "Save defaults" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Saved our defaults: inbound APPROVAL_REQUIRED, outbound ALLOWED." }),
  ).toBeVisible();
  const data = await gql(
    umbrella.admin.token,
    `query($slug: String!) { organization(slug: $slug) { partnerPolicyDefaults { inbound outbound } } }`,
    { slug: umbrella.slug },
  );
  expect(data.organization.partnerPolicyDefaults).toEqual({ inbound: "APPROVAL_REQUIRED", outbound: "ALLOWED" });
});
