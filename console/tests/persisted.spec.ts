import { expect, test } from "@playwright/test";
import { gql, praxis } from "./praxis";
import { community, organization, person, signIn } from "./world";

// An organization that accepts only registered operations from its people still has a
// working console: its admins are exempt (README, "Persisted queries").
test("the console works for an organization that accepts only registered operations", async ({ page }) => {
  const acme = await organization("persisted-acme", "Acme Persisted", "Ada Admin");
  const bea = await person(acme.slug, "Bea Member");
  await community(acme, "Platform Guild");
  await gql(
    acme.admin.token,
    `mutation($input: SetPersistedOperationsOnlyInput!) {
      setPersistedOperationsOnly(input: $input) { userErrors { code } }
    }`,
    { input: { organizationId: acme.id, enabled: true } },
  );

  // Bea (not an admin) may no longer send an ad-hoc query.
  const refused = await fetch(`${praxis.url}/graphql`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/json",
      Authorization: `Bearer ${bea.token}`,
    },
    body: JSON.stringify({ query: "{ viewer { isAdmin } }" }),
  });
  const body = (await refused.json()) as { errors: { extensions: { code: string } }[] };
  expect(body.errors[0].extensions.code).toBe("PERSISTED_QUERY_REQUIRED");

  // Ada's console still loads its pages.
  await signIn(page, acme.admin.token, "/console/audit");
  const table = page.getByRole("table", { name: "Audit entries" });
  await expect(table.locator("code", { hasText: "PERSISTED_OPERATIONS_ONLY_CHANGED" })).toHaveCount(1);
  await expect(table.locator("code", { hasText: "COMMUNITY_CREATED" })).toHaveCount(1);
  await page.goto("/console/communities");
  await expect(page.getByText("Platform Guild").first()).toBeVisible();
});
