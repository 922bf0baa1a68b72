import { expect, test } from "@playwright/test";
import { gql } from "./praxis";
import { community, federate, join, organization, partnership, person, signIn } from "./world";

// Globex's admin sees which of Globex's people are in Initech's communities, and offboards
// one of them from every community hosted elsewhere.
test("offboarding removes a person from every community hosted elsewhere", async ({ page }) => {
  const host = await organization("ppl-host", "Initech", "Ivy Host");
  const guest = await organization("ppl-guest", "Globex", "Gwen Admin");
  await partnership(host, guest);
  const security = await community(host, "Security Champions");
  const testing = await community(host, "Test Automation");
  await federate(security.id, host, guest);
  await federate(testing.id, host, guest);
  const maya = await person(guest.slug, "Maya Leaving");
  const noor = await person(guest.slug, "Noor Staying");
  expect((await join(maya, security.id)).status).toBe("ACTIVE");
  expect((await join(maya, testing.id)).status).toBe("ACTIVE");
  expect((await join(noor, security.id)).status).toBe("ACTIVE");
  await gql(
    guest.admin.token,
    `mutation($input: SetPersonBusinessUnitInput!) {
      setPersonBusinessUnit(input: $input) { person { id } userErrors { code message } }
    }`,
    { input: { personId: maya.id, businessUnit: "Payments" } },
  );

  await signIn(page, guest.admin.token, "/console/people");
  await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
  const table = page.getByRole("table", { name: "Memberships in communities hosted elsewhere" });
  await expect(table).toContainText("Maya Leaving");
  await expect(table).toContainText("Payments");
  await expect(table).toContainText("Security Champions");
  await expect(table).toContainText("Test Automation");
  await expect(table).toContainText("Initech");

  // The name filter narrows the list to one person.
  await page.getByLabel("Person name").fill("noor");
  await expect(table).toContainText("Noor Staying");
  await expect(table).not.toContainText("Maya Leaving");
  await page.getByLabel("Person name").fill("");

  // Offboarding asks first; cancelling changes nothing.
  await page.getByRole("button", { name: "Offboard Maya Leaving" }).click();
  await expect(page.getByRole("heading", { name: "Offboard Maya Leaving?" })).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { name: "Offboard Maya Leaving?" })).toHaveCount(0);

  await page.getByRole("button", { name: "Offboard Maya Leaving" }).click();
  await page.getByRole("button", { name: "Confirm offboarding Maya Leaving" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Offboarded Maya Leaving: 2 memberships ended" }),
  ).toBeVisible();
  await expect(table).not.toContainText("Maya Leaving");
  await expect(table).toContainText("Noor Staying");

  // What the API says: Maya has no current membership left; she shows as REMOVED.
  const after = await gql(
    guest.admin.token,
    `query($slug: String!, $personId: ID!) {
      organization(slug: $slug) {
        active: externalMemberships(personId: $personId, status: ACTIVE) { totalCount }
        removed: externalMemberships(personId: $personId, status: REMOVED) {
          nodes { status community { name } }
        }
      }
    }`,
    { slug: guest.slug, personId: maya.id },
  );
  expect(after.organization.active.totalCount).toBe(0);
  expect(
    after.organization.removed.nodes.map((n: { community: { name: string } }) => n.community.name).sort(),
  ).toEqual(["Security Champions", "Test Automation"]);

  // The ended memberships stay readable under their status.
  await page.getByLabel("Status").selectOption("REMOVED");
  await expect(table).toContainText("Maya Leaving");
  await expect(table.getByText("REMOVED").first()).toBeVisible();
});
