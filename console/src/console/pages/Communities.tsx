// Communities we host, with the partner organizations taking part (Organization.invitations
// OUTGOING), and communities hosted elsewhere that we were invited to or take part in
// (INCOMING). Hosts invite a partner (tier, days to answer) and remove organizations; the
// invited organization accepts naming its local sponsor, declines, or later withdraws.
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import type { ParticipationStatus, ParticipationTier } from "../../gql/graphql";
import { ActionOutcome, Confirm, useAction } from "../action";
import { Busy, RequestError } from "../ui/feedback";
import { useViewer } from "../viewer";
import { enumWords, formatDate, personName, plural } from "../reports/format";
import "../reports/reports.css";
import "./federation.css";

const CommunitiesQuery = graphql(`
  query Communities($slug: String!) {
    organization(slug: $slug) {
      id
      hostedCommunities(first: 50) {
        totalCount
        nodes {
          id
          name
          slug
          visibility
          joinRule
          stage
        }
      }
      outgoing: invitations(direction: OUTGOING, first: 100) {
        totalCount
        nodes {
          ...ParticipationFields
        }
      }
      incoming: invitations(direction: INCOMING, first: 100) {
        totalCount
        nodes {
          ...ParticipationFields
        }
      }
      partnerships(status: ACTIVE, first: 100) {
        nodes {
          id
          partner {
            id
            name
            slug
          }
        }
      }
      people(first: 100) {
        nodes {
          id
          displayName
          email
        }
      }
    }
  }
`);

graphql(`
  fragment ParticipationFields on Participation {
    id
    tier
    status
    invitedAt
    expiresAt
    acceptedAt
    endedAt
    organization {
      id
      name
      slug
    }
    sponsor {
      id
      displayName
    }
    community {
      id
      name
      slug
      host {
        id
        name
      }
    }
  }
`);

const InviteOrganizationMutation = graphql(`
  mutation InviteOrganization($input: InviteOrganizationInput!) {
    inviteOrganization(input: $input) {
      participation {
        ...ParticipationFields
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      participation {
        ...ParticipationFields
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

const DeclineInvitationMutation = graphql(`
  mutation DeclineInvitation($input: ParticipationRefInput!) {
    declineInvitation(input: $input) {
      participation {
        ...ParticipationFields
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

const RemoveOrganizationMutation = graphql(`
  mutation RemoveOrganization($input: ParticipationRefInput!) {
    removeOrganization(input: $input) {
      participation {
        ...ParticipationFields
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

const WithdrawOrganizationMutation = graphql(`
  mutation WithdrawOrganization($input: ParticipationRefInput!) {
    withdrawOrganization(input: $input) {
      participation {
        ...ParticipationFields
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

const TIERS: ParticipationTier[] = ["PARTICIPATE", "CO_HOST"];
const TIER_HELP: Record<string, string> = {
  PARTICIPATE: "their people may join and post",
  CO_HOST: "their people may also coordinate",
};
/** Participations that still hold a place: what the host may remove. */
const REMOVABLE: ReadonlySet<ParticipationStatus> = new Set(["INVITED", "ACTIVE", "SUSPENDED"]);
const WITHDRAWABLE: ReadonlySet<ParticipationStatus> = new Set(["ACTIVE", "SUSPENDED"]);

interface Participation {
  id: string;
  tier: ParticipationTier;
  status: ParticipationStatus;
  invitedAt: string;
  expiresAt?: string | null;
  acceptedAt?: string | null;
  endedAt?: string | null;
  organization?: { id: string; name: string; slug: string } | null;
  sponsor?: { id: string; displayName?: string | null } | null;
  community?: { id: string; name: string; slug: string; host?: { id: string; name: string } | null } | null;
}

interface InviteDraft {
  organizationId: string;
  tier: ParticipationTier;
  days: string;
}

const NEW_INVITE: InviteDraft = { organizationId: "", tier: "PARTICIPATE", days: "14" };

function since(p: Participation): string {
  switch (p.status) {
    case "INVITED":
      return `invited ${formatDate(p.invitedAt)}, answer by ${formatDate(p.expiresAt)}`;
    case "EXPIRED":
      return `expired ${formatDate(p.expiresAt)}`;
    case "ACTIVE":
    case "SUSPENDED":
      return `since ${formatDate(p.acceptedAt ?? p.invitedAt)}`;
    default:
      return formatDate(p.endedAt ?? p.invitedAt);
  }
}

function StatusBadge({ status }: { status: ParticipationStatus }) {
  return <span className={`badge status-${status.toLowerCase()}`}>{status}</span>;
}

export function Communities() {
  const viewer = useViewer();
  const { organization } = viewer;
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CommunitiesQuery,
    variables: { slug: organization.slug },
  });
  const action = useAction();
  const [, invite] = useMutation(InviteOrganizationMutation);
  const [, acceptInvitation] = useMutation(AcceptInvitationMutation);
  const [, declineInvitation] = useMutation(DeclineInvitationMutation);
  const [, removeOrganization] = useMutation(RemoveOrganizationMutation);
  const [, withdrawOrganization] = useMutation(WithdrawOrganizationMutation);
  const [inviteDrafts, setInviteDrafts] = useState<Record<string, InviteDraft>>({});
  const [sponsors, setSponsors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState<string | null>(null);

  const org = data?.organization;
  const hosted = org?.hostedCommunities.nodes ?? [];
  const outgoing = (org?.outgoing.nodes ?? []) as Participation[];
  const incoming = (org?.incoming.nodes ?? []) as Participation[];
  const partners = (org?.partnerships.nodes ?? [])
    .map((p) => p.partner)
    .filter((p): p is { id: string; name: string; slug: string } => !!p)
    .sort((a, b) => a.name.localeCompare(b.name));
  const people = [...(org?.people.nodes ?? [])].sort((a, b) => personName(a).localeCompare(personName(b)));
  const invitations = incoming.filter((p) => p.status === "INVITED");
  const elsewhere = incoming.filter((p) => p.status !== "INVITED");
  const busy = action.busy;
  const refresh = () => reexecute({ requestPolicy: "network-only" });

  const communityName = (p: Participation) => p.community?.name ?? "a community";
  const orgName = (p: Participation) => p.organization?.name ?? "the organization";

  async function sendInvite(communityId: string, name: string) {
    const key = `invite:${communityId}`;
    const draft = inviteDrafts[communityId] ?? NEW_INVITE;
    if (!draft.organizationId) {
      action.refuse(key, "organizationId", "Choose the partner organization to invite.");
      return;
    }
    const days = Number(draft.days);
    if (!Number.isInteger(days)) {
      action.refuse(key, "expiresInDays", "Days to answer must be a whole number (1–90).");
      return;
    }
    const payload = await action.run(
      key,
      () =>
        invite({
          input: { communityId, organizationId: draft.organizationId, tier: draft.tier, expiresInDays: days },
        }),
      (d) => d.inviteOrganization,
      (p) =>
        `Invited ${p.participation?.organization?.name ?? "the organization"} to ${name} as ${p.participation?.tier ?? draft.tier}; they have until ${formatDate(p.participation?.expiresAt)} to answer.`,
    );
    if (payload) setInviteDrafts((current) => ({ ...current, [communityId]: NEW_INVITE }));
    refresh();
  }

  async function accept(p: Participation) {
    const key = `part:${p.id}`;
    const sponsorId = sponsors[p.id] ?? "";
    if (!sponsorId) {
      action.refuse(key, "sponsorId", `Choose our sponsor for ${communityName(p)}: one of our people.`);
      return;
    }
    const sponsor = people.find((person) => person.id === sponsorId);
    await action.run(
      key,
      () => acceptInvitation({ input: { participationId: p.id, sponsorId } }),
      (d) => d.acceptInvitation,
      () => `Accepted the invitation to ${communityName(p)}, with ${personName(sponsor)} as our sponsor.`,
    );
    refresh();
  }

  async function decline(p: Participation) {
    await action.run(
      `part:${p.id}`,
      () => declineInvitation({ input: { participationId: p.id } }),
      (d) => d.declineInvitation,
      () => `Declined the invitation to ${communityName(p)}.`,
    );
    refresh();
  }

  async function remove(p: Participation) {
    const invited = p.status === "INVITED";
    await action.run(
      `part:${p.id}`,
      () => removeOrganization({ input: { participationId: p.id } }),
      (d) => d.removeOrganization,
      () =>
        invited
          ? `Withdrew ${orgName(p)}'s invitation to ${communityName(p)}.`
          : `Removed ${orgName(p)} from ${communityName(p)}.`,
    );
    setConfirming(null);
    refresh();
  }

  async function withdraw(p: Participation) {
    await action.run(
      `part:${p.id}`,
      () => withdrawOrganization({ input: { participationId: p.id } }),
      (d) => d.withdrawOrganization,
      () => `Withdrew ${organization.name} from ${communityName(p)}.`,
    );
    setConfirming(null);
    refresh();
  }

  function askFirst(id: string) {
    action.reset();
    setConfirming(id);
  }

  return (
    <>
      <h1>Communities</h1>
      <p className="muted">
        Communities {organization.name} hosts, with the partner organizations taking part, and
        communities hosted elsewhere that we were invited to or take part in.
      </p>
      <RequestError error={error} />
      {fetching && <Busy label="Loading communities" />}

      {org && (
        <>
          <h2 id="invitations-heading">Invitations waiting for our answer</h2>
          {invitations.length === 0 ? (
            <p className="empty">No invitation waits for our answer.</p>
          ) : (
            <table aria-labelledby="invitations-heading">
              <thead>
                <tr>
                  <th scope="col">Community</th>
                  <th scope="col">Host</th>
                  <th scope="col">Tier</th>
                  <th scope="col">Answer by</th>
                  <th scope="col">Answer</th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((p) => {
                  const name = communityName(p);
                  return (
                    <tr key={p.id} className="needs-answer">
                      <th scope="row">
                        <div className="name">{name}</div>
                      </th>
                      <td>{p.community?.host?.name ?? "—"}</td>
                      <td>
                        <code>{p.tier}</code>
                        <div className="muted small">{TIER_HELP[p.tier] ?? ""}</div>
                      </td>
                      <td>{formatDate(p.expiresAt)}</td>
                      <td>
                        <form
                          aria-label={`Answer the invitation to ${name}`}
                          onSubmit={(e) => {
                            e.preventDefault();
                            void accept(p);
                          }}
                        >
                          <div className="field">
                            <label htmlFor={`sponsor-${p.id}`}>Our sponsor for {name}</label>
                            <select
                              id={`sponsor-${p.id}`}
                              value={sponsors[p.id] ?? ""}
                              onChange={(e) => setSponsors((s) => ({ ...s, [p.id]: e.target.value }))}
                            >
                              <option value="">Choose one of our people</option>
                              {people.map((person) => (
                                <option key={person.id} value={person.id}>
                                  {personName(person)}
                                  {person.id === viewer.person?.id ? " (you)" : ""}
                                </option>
                              ))}
                            </select>
                          </div>
                          <button type="submit" disabled={busy}>
                            Accept invitation to {name}
                          </button>
                          <button type="button" className="danger" disabled={busy} onClick={() => decline(p)}>
                            Decline invitation to {name}
                          </button>
                        </form>
                        <ActionOutcome action={action} forKey={`part:${p.id}`} busyLabel="Answering" />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}

          <h2>Communities we host</h2>
          {hosted.length === 0 && (
            <p className="empty">We host no community yet (a person of ours creates one through the API).</p>
          )}
          {hosted.map((community) => {
            const headingId = `community-${community.id}`;
            const participants = outgoing.filter((p) => p.community?.id === community.id);
            const draft = inviteDrafts[community.id] ?? NEW_INVITE;
            const setDraft = (patch: Partial<InviteDraft>) =>
              setInviteDrafts((current) => ({ ...current, [community.id]: { ...draft, ...patch } }));
            const federated = community.visibility === "FEDERATED";
            return (
              <section key={community.id} className="community" aria-labelledby={headingId}>
                <h3 id={headingId}>{community.name}</h3>
                <p className="facts small muted">
                  <span>
                    <code>{community.slug}</code>
                  </span>
                  <span>Visibility {community.visibility}</span>
                  <span>Join rule {community.joinRule}</span>
                  <span>Stage {enumWords(community.stage)}</span>
                </p>
                {participants.length === 0 ? (
                  <p className="empty">No partner organization has been invited.</p>
                ) : (
                  <table aria-label={`Organizations in ${community.name}`}>
                    <thead>
                      <tr>
                        <th scope="col">Organization</th>
                        <th scope="col">Tier</th>
                        <th scope="col">Status</th>
                        <th scope="col">Their sponsor</th>
                        <th scope="col">Actions</th>
                      </tr>
                    </thead>
                    <tbody>
                      {participants.map((p) => {
                        const who = orgName(p);
                        const confirmKey = `remove:${p.id}`;
                        const invited = p.status === "INVITED";
                        return (
                          <tr key={p.id}>
                            <th scope="row">
                              <div className="name">{who}</div>
                            </th>
                            <td>
                              <code>{p.tier}</code>
                            </td>
                            <td>
                              <StatusBadge status={p.status} />
                              <div className="muted small">{since(p)}</div>
                            </td>
                            <td>{p.sponsor ? personName(p.sponsor) : "—"}</td>
                            <td>
                              {REMOVABLE.has(p.status) && (
                                <button
                                  type="button"
                                  className="danger small"
                                  disabled={busy}
                                  onClick={() => askFirst(confirmKey)}
                                >
                                  {invited ? `Withdraw invitation of ${who}` : `Remove ${who}`}
                                </button>
                              )}
                              {confirming === confirmKey && (
                                <Confirm
                                  id={confirmKey.replace(":", "-")}
                                  question={
                                    invited
                                      ? `Withdraw ${who}'s invitation to ${community.name}?`
                                      : `Remove ${who} from ${community.name}?`
                                  }
                                  detail={
                                    invited
                                      ? "They can be invited again later."
                                      : `${who}'s people lose access at once; what they wrote stays. They can be invited again later.`
                                  }
                                  confirmLabel={invited ? `Confirm withdrawing ${who}'s invitation` : `Confirm removing ${who}`}
                                  busy={busy}
                                  onConfirm={() => remove(p)}
                                  onCancel={() => setConfirming(null)}
                                />
                              )}
                              <ActionOutcome action={action} forKey={`part:${p.id}`} busyLabel="Removing" />
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                )}
                {federated ? (
                  <form
                    aria-label={`Invite an organization to ${community.name}`}
                    noValidate
                    onSubmit={(e) => {
                      e.preventDefault();
                      void sendInvite(community.id, community.name);
                    }}
                  >
                    <div className="field">
                      <label htmlFor={`invite-org-${community.id}`}>Partner to invite</label>
                      <select
                        id={`invite-org-${community.id}`}
                        value={draft.organizationId}
                        onChange={(e) => setDraft({ organizationId: e.target.value })}
                      >
                        <option value="">
                          {partners.length ? "Choose an active partner" : "No active partner yet"}
                        </option>
                        {partners.map((partner) => (
                          <option key={partner.id} value={partner.id}>
                            {partner.name} ({partner.slug})
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="field">
                      <label htmlFor={`invite-tier-${community.id}`}>Tier</label>
                      <select
                        id={`invite-tier-${community.id}`}
                        value={draft.tier}
                        onChange={(e) => setDraft({ tier: e.target.value as ParticipationTier })}
                      >
                        {TIERS.map((tier) => (
                          <option key={tier} value={tier}>
                            {tier} ({TIER_HELP[tier]})
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="field">
                      <label htmlFor={`invite-days-${community.id}`}>Days to answer</label>
                      <input
                        id={`invite-days-${community.id}`}
                        type="number"
                        min={1}
                        max={90}
                        value={draft.days}
                        onChange={(e) => setDraft({ days: e.target.value })}
                      />
                    </div>
                    <button type="submit" disabled={busy}>
                      Invite to {community.name}
                    </button>
                  </form>
                ) : (
                  <p className="muted small">HOST_ONLY: no other organization can be invited.</p>
                )}
                <ActionOutcome action={action} forKey={`invite:${community.id}`} busyLabel="Inviting" />
              </section>
            );
          })}
          {org.hostedCommunities.totalCount > hosted.length && (
            <p className="muted small">
              Showing {hosted.length} of {plural(org.hostedCommunities.totalCount, "hosted community", "hosted communities")}.
            </p>
          )}

          <h2 id="elsewhere-heading">Communities hosted elsewhere</h2>
          {elsewhere.length === 0 ? (
            <p className="empty">We take part in no community hosted by another organization.</p>
          ) : (
            <table aria-labelledby="elsewhere-heading">
              <thead>
                <tr>
                  <th scope="col">Community</th>
                  <th scope="col">Host</th>
                  <th scope="col">Tier</th>
                  <th scope="col">Status</th>
                  <th scope="col">Our sponsor</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {elsewhere.map((p) => {
                  const name = communityName(p);
                  const confirmKey = `withdraw:${p.id}`;
                  return (
                    <tr key={p.id}>
                      <th scope="row">
                        <div className="name">{name}</div>
                      </th>
                      <td>{p.community?.host?.name ?? "—"}</td>
                      <td>
                        <code>{p.tier}</code>
                      </td>
                      <td>
                        <StatusBadge status={p.status} />
                        <div className="muted small">{since(p)}</div>
                      </td>
                      <td>{p.sponsor ? personName(p.sponsor) : "—"}</td>
                      <td>
                        {WITHDRAWABLE.has(p.status) && (
                          <button
                            type="button"
                            className="danger small"
                            disabled={busy}
                            onClick={() => askFirst(confirmKey)}
                          >
                            Withdraw from {name}
                          </button>
                        )}
                        {confirming === confirmKey && (
                          <Confirm
                            id={confirmKey.replace(":", "-")}
                            question={`Withdraw ${organization.name} from ${name}?`}
                            detail="Our people there lose access at once; what they wrote stays with the host. The host may invite us again."
                            confirmLabel={`Confirm withdrawing from ${name}`}
                            busy={busy}
                            onConfirm={() => withdraw(p)}
                            onCancel={() => setConfirming(null)}
                          />
                        )}
                        <ActionOutcome action={action} forKey={`part:${p.id}`} busyLabel="Withdrawing" />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {(org.incoming.totalCount > incoming.length || org.outgoing.totalCount > outgoing.length) && (
            <p className="muted small">
              Showing the first 100 participations each way ({org.incoming.totalCount} received,{" "}
              {org.outgoing.totalCount} sent).
            </p>
          )}
        </>
      )}
    </>
  );
}
