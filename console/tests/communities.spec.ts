import { expect, test, type Page } from "@playwright/test";
import { gql } from "./praxis";
import { community, organization, partnership, person, signIn, signOut, type Org } from "./world";

interface ParticipationState {
  id: string;
  status: string;
  tier: string;
  expiresAt: string | null;
  sponsor: { id: string } | null;
  community: { id: string };
}

/** The participation of `guest` in the community, as the guest's admin sees it. */
async function participationOf(guest: Org, communityId: string): Promise<ParticipationState> {
  const data = await gql(
    guest.admin.token,
    `query($slug: String!) {
      organization(slug: $slug) {
        invitations(direction: INCOMING, first: 100) {
          nodes { id status tier expiresAt sponsor { id } community { id } }
        }
      }
    }`,
    { slug: guest.slug },
  );
  const found = data.organization.invitations.nodes.filter(
    (p: ParticipationState) => p.community.id === communityId,
  );
  expect(found).toHaveLength(1);
  return found[0];
}

function hosted(page: Page, name: string) {
  return page.getByRole("region", { name });
}

test("invite a partner, accept naming a sponsor, withdraw, invite again and take the invitation back", async ({
  page,
}) => {
  const host = await organization("cm-host", "Initech", "Hana Host");
  const guest = await organization("cm-guest", "Globex", "Gus Guest");
  await partnership(host, guest);
  const sol = await person(guest.slug, "Sol Sponsor");
  const circle = await community(host, "Incident Review");

  await signIn(page, host.admin.token, "/console/communities");
  await expect(page.getByRole("heading", { level: 1, name: "Communities" })).toBeVisible();
  const section = hosted(page, "Incident Review");
  await expect(section).toContainText("No partner organization has been invited.");
  await section.getByLabel("Partner to invite").selectOption({ label: `Globex (${guest.slug})` });
  await section.getByLabel("Tier").selectOption("CO_HOST");
  await section.getByLabel("Days to answer").fill("7");
  await section.getByRole("button", { name: "Invite to Incident Review" }).click();
  await expect(
    section.getByRole("status").filter({ hasText: "Invited Globex to Incident Review as CO_HOST" }),
  ).toBeVisible();
  const organizations = section.getByRole("table", { name: "Organizations in Incident Review" });
  await expect(organizations).toContainText("Globex");
  await expect(organizations).toContainText("INVITED");
  let state = await participationOf(guest, circle.id);
  expect([state.status, state.tier]).toEqual(["INVITED", "CO_HOST"]);
  const days = (Date.parse(state.expiresAt!) - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(6.9);
  expect(days).toBeLessThan(7.1);

  // Globex's admin answers: a sponsor is required, then named.
  await signOut(page);
  await signIn(page, guest.admin.token, "/console/communities");
  const invitations = page.getByRole("table", { name: "Invitations waiting for our answer" });
  await expect(invitations).toContainText("Incident Review");
  await expect(invitations).toContainText("Initech");
  await page.getByRole("button", { name: "Accept invitation to Incident Review" }).click();
  await expect(invitations.getByRole("alert")).toContainText("Choose our sponsor for Incident Review");
  expect((await participationOf(guest, circle.id)).status).toBe("INVITED");

  await page.getByLabel("Our sponsor for Incident Review").selectOption({ label: "Sol Sponsor" });
  await page.getByRole("button", { name: "Accept invitation to Incident Review" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Accepted the invitation to Incident Review, with Sol Sponsor as our sponsor." }),
  ).toBeVisible();
  await expect(page.getByText("No invitation waits for our answer.")).toBeVisible();
  const elsewhere = page.getByRole("table", { name: "Communities hosted elsewhere" });
  const row = elsewhere.getByRole("row").filter({ hasText: "Incident Review" });
  await expect(row).toContainText("ACTIVE");
  await expect(row).toContainText("CO_HOST");
  await expect(row).toContainText("Sol Sponsor");
  state = await participationOf(guest, circle.id);
  expect(state.status).toBe("ACTIVE");
  expect(state.sponsor?.id).toBe(sol.id);

  // Withdrawing asks first.
  await page.getByRole("button", { name: "Withdraw from Incident Review" }).click();
  await expect(page.getByText("Withdraw Globex from Incident Review?")).toBeVisible();
  await page.getByRole("button", { name: "Confirm withdrawing from Incident Review" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Withdrew Globex from Incident Review." })).toBeVisible();
  await expect(row).toContainText("LEFT");
  await expect(page.getByRole("button", { name: "Withdraw from Incident Review" })).toHaveCount(0);
  expect((await participationOf(guest, circle.id)).status).toBe("LEFT");

  // The host invites again (the same participation), then takes the invitation back.
  await signOut(page);
  await signIn(page, host.admin.token, "/console/communities");
  await expect(organizations).toContainText("LEFT");
  await section.getByLabel("Partner to invite").selectOption({ label: `Globex (${guest.slug})` });
  await section.getByRole("button", { name: "Invite to Incident Review" }).click();
  await expect(section.getByRole("status").filter({ hasText: "Invited Globex to Incident Review as PARTICIPATE" })).toBeVisible();
  await expect(organizations).toContainText("INVITED");
  expect((await participationOf(guest, circle.id)).id).toBe(state.id);

  await section.getByRole("button", { name: "Withdraw invitation of Globex" }).click();
  await section.getByRole("button", { name: "Confirm withdrawing Globex's invitation" }).click();
  await expect(
    section.getByRole("status").filter({ hasText: "Withdrew Globex's invitation to Incident Review." }),
  ).toBeVisible();
  await expect(organizations).toContainText("REMOVED");
  expect((await participationOf(guest, circle.id)).status).toBe("REMOVED");
});

test("decline, remove an active organization, and the errors of an invitation", async ({ page }) => {
  const host = await organization("cm-host2", "Umbrella", "Uma Host");
  const guest = await organization("cm-guest2", "Hooli", "Hal Guest");
  const partnershipId = await partnership(host, guest);
  const circle = await community(host, "Data Privacy");

  await signIn(page, host.admin.token, "/console/communities");
  const section = hosted(page, "Data Privacy");
  const invite = section.getByRole("button", { name: "Invite to Data Privacy" });

  // Nothing chosen: said before anything is sent.
  await invite.click();
  await expect(section.getByRole("alert")).toContainText("Choose the partner organization to invite.");

  // Out of range: the API's rule, with its code and field.
  await section.getByLabel("Partner to invite").selectOption({ label: `Hooli (${guest.slug})` });
  await section.getByLabel("Days to answer").fill("120");
  await invite.click();
  await expect(section.getByRole("alert")).toContainText("BAD_USER_INPUT");
  await expect(section.getByRole("alert")).toContainText("must be between 1 and 90");
  await expect(section.getByRole("alert")).toContainText("input.expiresInDays");
  await expect(section).toContainText("No partner organization has been invited.");

  await section.getByLabel("Days to answer").fill("14");
  await invite.click();
  await expect(section.getByRole("status").filter({ hasText: "Invited Hooli to Data Privacy" })).toBeVisible();

  // Hooli declines.
  await signOut(page);
  await signIn(page, guest.admin.token, "/console/communities");
  await page.getByRole("button", { name: "Decline invitation to Data Privacy" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Declined the invitation to Data Privacy." })).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Communities hosted elsewhere" }).getByRole("row").filter({ hasText: "Data Privacy" }),
  ).toContainText("DECLINED");
  expect((await participationOf(guest, circle.id)).status).toBe("DECLINED");

  // Invited again and accepted through the API; the host removes Hooli.
  const again = await gql(
    host.admin.token,
    `mutation($input: InviteOrganizationInput!) {
      inviteOrganization(input: $input) { participation { id } userErrors { code message } }
    }`,
    { input: { communityId: circle.id, organizationId: guest.id } },
  );
  expect(again.inviteOrganization.userErrors).toEqual([]);
  const accepted = await gql(
    guest.admin.token,
    `mutation($input: AcceptInvitationInput!) {
      acceptInvitation(input: $input) { participation { id status } userErrors { code message } }
    }`,
    { input: { participationId: again.inviteOrganization.participation.id, sponsorId: guest.admin.id } },
  );
  expect(accepted.acceptInvitation.participation.status).toBe("ACTIVE");

  await signOut(page);
  await signIn(page, host.admin.token, "/console/communities");
  const organizations = section.getByRole("table", { name: "Organizations in Data Privacy" });
  await expect(organizations).toContainText("ACTIVE");
  await expect(organizations).toContainText("Hal Guest");
  await section.getByRole("button", { name: "Remove Hooli" }).click();
  await expect(section.getByText("Remove Hooli from Data Privacy?")).toBeVisible();
  await section.getByRole("button", { name: "Cancel" }).click();
  expect((await participationOf(guest, circle.id)).status).toBe("ACTIVE");
  await section.getByRole("button", { name: "Remove Hooli" }).click();
  await section.getByRole("button", { name: "Confirm removing Hooli" }).click();
  await expect(section.getByRole("status").filter({ hasText: "Removed Hooli from Data Privacy." })).toBeVisible();
  await expect(organizations).toContainText("REMOVED");
  expect((await participationOf(guest, circle.id)).status).toBe("REMOVED");

  // The partnership ends while the page still offers Hooli: the API refuses, and says why.
  const ended = await gql(
    host.admin.token,
    `mutation($input: PartnershipRefInput!) {
      endPartnership(input: $input) { partnership { status } userErrors { code message } }
    }`,
    { input: { partnershipId } },
  );
  expect(ended.endPartnership.partnership.status).toBe("ENDED");
  await section.getByLabel("Partner to invite").selectOption({ label: `Hooli (${guest.slug})` });
  await invite.click();
  await expect(section.getByRole("alert")).toContainText("CONFLICT");
  await expect(section.getByRole("alert")).toContainText("an ACTIVE partnership with this organization is required");
  expect((await participationOf(guest, circle.id)).status).toBe("REMOVED");
  // Hooli is no longer offered.
  await expect(section.getByLabel("Partner to invite").locator("option", { hasText: "Hooli" })).toHaveCount(0);
});
