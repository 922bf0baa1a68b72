import { expect, test } from "@playwright/test";
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

test("the value report charts its figures and lists them in tables", async ({ page }) => {
  const host = await organization("value-host", "Initech", "Rita Report");
  const guest = await organization("value-guest", "Globex", "Gabe Admin");
  await partnership(host, guest);
  const circle = await community(host, "Cloud Cost Practice");
  await federate(circle.id, host, guest);
  const sam = await person(host.slug, "Sam Solver");
  const gia = await person(guest.slug, "Gia Guest");
  await join(sam, circle.id);
  await join(gia, circle.id);
  // Sam's problem, solved by Globex's idea; Sam applied the solution.
  const problem = await solvedProblem(circle.id, sam, gia, "Idle test clusters cost too much");
  await application(sam, problem, { hours: 12.5, amount: "300.00", currency: "EUR" });

  await signIn(page, host.admin.token, "/console/value");
  await expect(page.getByRole("heading", { level: 1, name: "Value report" })).toBeVisible();
  await expect(page.getByLabel("From", { exact: true })).toHaveValue(/^\d{4}-\d{2}-01$/);

  // Members by organization: Initech's admin and Sam, Globex's Gia.
  const members = page.locator("section", { has: page.getByRole("heading", { name: "Members by organization" }) });
  await expect(members.locator("canvas")).toBeVisible();
  await members.getByText("Show the figures").click();
  const membersTable = members.getByRole("table", { name: "Active members by organization and role" });
  await expect(membersTable.getByRole("row", { name: /Initech/ })).toContainText("1");
  await expect(membersTable.getByRole("row", { name: /Globex/ })).toContainText("1");

  // Problems solved: one, posted by our people, solved by another organization's idea.
  const problems = page.locator("section", { has: page.getByRole("heading", { name: "Problems solved" }) });
  await expect(problems.locator("canvas")).toBeVisible();
  await problems.getByText("Show the figures").click();
  await expect(
    problems.getByRole("table", { name: "Problems solved per community" }).getByRole("row", {
      name: /Cloud Cost Practice/,
    }),
  ).toContainText("1");
  // Sam's problem was in a community we host: "got" counts only communities hosted elsewhere.
  await expect(
    problems
      .getByRole("table", { name: /Between us and other organizations/ })
      .getByRole("row", { name: /Our people's problems solved by other organizations' ideas/ }),
  ).toContainText("0");

  // Benefits over time: this month's hours and money.
  const month = new Date().toISOString().slice(0, 7);
  const benefits = page.locator("section", { has: page.getByRole("heading", { name: "Benefits over time" }) });
  await expect(benefits.locator("canvas")).toHaveCount(2);
  for (const summary of await benefits.getByText("Show the figures").all()) await summary.click();
  await expect(
    benefits.getByRole("table", { name: "Hours saved per month" }).getByRole("row", { name: month }),
  ).toContainText("12.5");
  await expect(
    benefits.getByRole("table", { name: "Money saved per month" }).getByRole("row", { name: month }),
  ).toContainText("300.00 EUR");

  // The summary agrees.
  await expect(page.getByText("Hours saved", { exact: true }).first()).toBeVisible();
  await expect(page.locator("dl.figures-list")).toContainText("300.00 EUR");
});
