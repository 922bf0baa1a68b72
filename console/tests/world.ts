// Builds the federation a test needs through the public GraphQL API (organizations and tokens
// through the binary's CLI): partnerships, communities, invitations, memberships, problems
// and applications. Each call checks the mutation's userErrors, so a broken set-up fails loudly.
import { expect, type Page } from "@playwright/test";
import { createOrganization, gql, token, uniqueSlug } from "./praxis";

export interface Org {
  slug: string;
  name: string;
  id: string;
  /** An admin of the organization. */
  admin: Member;
}

export interface Member {
  token: string;
  id: string;
  name: string;
}

interface Payload {
  userErrors: { code: string; message: string; field: string[] }[];
}

function ok<T extends Payload>(payload: T, what: string): T {
  if (payload.userErrors.length) {
    throw new Error(`${what}: ${JSON.stringify(payload.userErrors)}`);
  }
  return payload;
}

/** A person of an organization, known to Praxis after their first request. */
export async function person(
  orgSlug: string,
  name: string,
  options: { admin?: boolean } = {},
): Promise<Member> {
  const sub = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${Math.random().toString(36).slice(2, 8)}`;
  const bearer = token(orgSlug, sub, { name, admin: options.admin });
  const data = await gql<{ viewer: { person: { id: string } } }>(
    bearer,
    "query { viewer { person { id } } }",
  );
  return { token: bearer, id: data.viewer.person.id, name };
}

/** A new organization with an admin named `adminName`. */
export async function organization(prefix: string, name: string, adminName: string): Promise<Org> {
  const slug = uniqueSlug(prefix);
  createOrganization(slug, name);
  const admin = await person(slug, adminName, { admin: true });
  const data = await gql<{ viewer: { organization: { id: string } } }>(
    admin.token,
    "query { viewer { organization { id } } }",
  );
  return { slug, name, id: data.viewer.organization.id, admin };
}

/** An ACTIVE partnership: `a` proposes, `b` accepts. */
export async function partnership(a: Org, b: Org): Promise<string> {
  const proposed = await gql(
    a.admin.token,
    `mutation($input: ProposePartnershipInput!) {
      proposePartnership(input: $input) { partnership { id } userErrors { code message field } }
    }`,
    { input: { partnerSlug: b.slug, message: `${a.name} and ${b.name} share practice.` } },
  );
  const id = ok(proposed.proposePartnership, "proposePartnership").partnership.id as string;
  const accepted = await gql(
    b.admin.token,
    `mutation($input: PartnershipRefInput!) {
      acceptPartnership(input: $input) { partnership { id status } userErrors { code message field } }
    }`,
    { input: { partnershipId: id } },
  );
  ok(accepted.acceptPartnership, "acceptPartnership");
  return id;
}

/** A FEDERATED community hosted by `host`, its admin the coordinator. */
export async function community(
  host: Org,
  name: string,
  options: { joinRule?: "OPEN" | "APPROVAL_REQUIRED"; purpose?: string } = {},
): Promise<{ id: string; name: string }> {
  const slug = uniqueSlug(name.toLowerCase().replace(/[^a-z0-9]+/g, "-").slice(0, 20)).slice(0, 40);
  const created = await gql(
    host.admin.token,
    `mutation($input: CreateCommunityInput!) {
      createCommunity(input: $input) { community { id name } userErrors { code message field } }
    }`,
    {
      input: {
        slug,
        name,
        purpose: options.purpose ?? `People who practise ${name.toLowerCase()} across organizations.`,
        joinRule: options.joinRule ?? "OPEN",
        visibility: "FEDERATED",
      },
    },
  );
  return ok(created.createCommunity, "createCommunity").community;
}

/** The host invites `guest` and the guest's admin accepts, naming themselves sponsor. */
export async function federate(communityId: string, host: Org, guest: Org): Promise<string> {
  const invited = await gql(
    host.admin.token,
    `mutation($input: InviteOrganizationInput!) {
      inviteOrganization(input: $input) { participation { id } userErrors { code message field } }
    }`,
    { input: { communityId, organizationId: guest.id } },
  );
  const participationId = ok(invited.inviteOrganization, "inviteOrganization").participation
    .id as string;
  const accepted = await gql(
    guest.admin.token,
    `mutation($input: AcceptInvitationInput!) {
      acceptInvitation(input: $input) { participation { id status } userErrors { code message field } }
    }`,
    { input: { participationId, sponsorId: guest.admin.id } },
  );
  ok(accepted.acceptInvitation, "acceptInvitation");
  return participationId;
}

export interface JoinResult {
  id: string;
  status: string;
  approvals: { id: string; kind: string; status: string }[];
}

/** `member` asks to join the community. */
export async function join(member: Member, communityId: string): Promise<JoinResult> {
  const joined = await gql(
    member.token,
    `mutation($input: CommunityRefInput!) {
      joinCommunity(input: $input) {
        membership { id status approvals { id kind status } }
        userErrors { code message field }
      }
    }`,
    { input: { communityId } },
  );
  return ok(joined.joinCommunity, "joinCommunity").membership;
}

/** A problem posted by `author`, solved by `solver`'s idea (accepted by `author`). */
export async function solvedProblem(
  communityId: string,
  author: Member,
  solver: Member,
  title: string,
): Promise<string> {
  const posted = await gql(
    author.token,
    `mutation($input: PostProblemInput!) {
      postProblem(input: $input) { problem { id } userErrors { code message field } }
    }`,
    {
      input: {
        communityId,
        title,
        body: `${title}: what we tried so far, and what we need.`,
      },
    },
  );
  const problemId = ok(posted.postProblem, "postProblem").problem.id as string;
  const idea = await gql(
    solver.token,
    `mutation($input: ContributeIdeaInput!) {
      contributeIdea(input: $input) { idea { id } userErrors { code message field } }
    }`,
    { input: { problemId, body: "We solved the same thing with a shared checklist; here it is." } },
  );
  const ideaId = ok(idea.contributeIdea, "contributeIdea").idea.id as string;
  const accepted = await gql(
    author.token,
    `mutation($input: AcceptSolutionInput!) {
      acceptSolution(input: $input) { problem { id state } userErrors { code message field } }
    }`,
    { input: { problemId, ideaIds: [ideaId] } },
  );
  ok(accepted.acceptSolution, "acceptSolution");
  return problemId;
}

/** `reporter` reports applying a solved problem's solution, with hours and money saved. */
export async function application(
  reporter: Member,
  problemId: string,
  benefits: {
    hours: number;
    amount: string;
    currency: string;
    businessUnit?: string;
    appliedOn?: string;
  },
): Promise<string> {
  const reported = await gql(
    reporter.token,
    `mutation($input: ReportApplicationInput!) {
      reportApplication(input: $input) { application { id } userErrors { code message field } }
    }`,
    {
      input: {
        problemId,
        whatWasDone: "Applied the checklist to our release process.",
        businessUnit: benefits.businessUnit ?? "Operations",
        outcome: "Fewer failed releases.",
        hoursSaved: benefits.hours,
        costSaved: { amount: benefits.amount, currency: benefits.currency },
        appliedOn: benefits.appliedOn,
      },
    },
  );
  return ok(reported.reportApplication, "reportApplication").application.id as string;
}

/** Signs in to the console with a bearer token and waits for the frame. */
export async function signIn(page: Page, bearer: string, path = "/console/"): Promise<void> {
  await page.goto(path);
  await page.getByLabel("Bearer token").fill(bearer);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Console" })).toBeVisible();
}

/** Signs out of the console (to sign in as someone else). */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByLabel("Bearer token")).toBeVisible();
}
