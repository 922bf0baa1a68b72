import { expect, test } from "@playwright/test";
import { praxis } from "./praxis";

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
