// Our organization's partnerships (Organization.partnerships): with whom, where each stands,
// who proposed it and our policy for the partner's people (inbound) and ours (outbound).
// Propose by slug; accept or decline a proposal made to us; suspend, resume, end; set a
// per-partner policy or send it back to our default; change the defaults.
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import type { PartnerPolicy, PartnershipStatus } from "../../gql/graphql";
import { ActionOutcome, Confirm, useAction } from "../action";
import { Busy, RequestError } from "../ui/feedback";
import { useViewer } from "../viewer";
import { formatDate, plural } from "../reports/format";
import "../reports/reports.css";
import "./federation.css";

const PartnershipsQuery = graphql(`
  query Partnerships($slug: String!, $status: PartnershipStatus, $after: String) {
    organization(slug: $slug) {
      id
      partnerPolicyDefaults {
        inbound
        outbound
      }
      partnerships(status: $status, first: 50, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...PartnershipRow
        }
      }
    }
  }
`);

const PartnershipRowFragment = graphql(`
  fragment PartnershipRow on Partnership {
    id
    status
    message
    createdAt
    updatedAt
    acceptedAt
    endedAt
    proposer {
      id
      name
    }
    partner {
      id
      name
      slug
    }
    suspendedBy {
      id
      name
    }
    inboundPolicy
    outboundPolicy
    inboundOverride
    outboundOverride
  }
`);

const ProposePartnershipMutation = graphql(`
  mutation ProposePartnership($input: ProposePartnershipInput!) {
    proposePartnership(input: $input) {
      partnership {
        ...PartnershipRow
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

const AcceptPartnershipMutation = graphql(`
  mutation AcceptPartnership($input: PartnershipRefInput!) {
    acceptPartnership(input: $input) {
      partnership {
        ...PartnershipRow
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

const DeclinePartnershipMutation = graphql(`
  mutation DeclinePartnership($input: PartnershipRefInput!) {
    declinePartnership(input: $input) {
      partnership {
        ...PartnershipRow
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

const SuspendPartnershipMutation = graphql(`
  mutation SuspendPartnership($input: PartnershipRefInput!) {
    suspendPartnership(input: $input) {
      partnership {
        ...PartnershipRow
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

const ResumePartnershipMutation = graphql(`
  mutation ResumePartnership($input: PartnershipRefInput!) {
    resumePartnership(input: $input) {
      partnership {
        ...PartnershipRow
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

const EndPartnershipMutation = graphql(`
  mutation EndPartnership($input: PartnershipRefInput!) {
    endPartnership(input: $input) {
      partnership {
        ...PartnershipRow
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

const SetPartnerPolicyMutation = graphql(`
  mutation SetPartnerPolicy($input: SetPartnerPolicyInput!) {
    setPartnerPolicy(input: $input) {
      partnership {
        ...PartnershipRow
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

const SetPartnerPolicyDefaultsMutation = graphql(`
  mutation SetPartnerPolicyDefaults($input: SetPartnerPolicyDefaultsInput!) {
    setPartnerPolicyDefaults(input: $input) {
      defaults {
        inbound
        outbound
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

const POLICIES: PartnerPolicy[] = ["ALLOWED", "APPROVAL_REQUIRED", "BLOCKED"];
const STATUSES: PartnershipStatus[] = ["PROPOSED", "ACTIVE", "SUSPENDED", "DECLINED", "ENDED"];

/** "DEFAULT" stands for an explicit null: the organization's default applies. */
type PolicyChoice = PartnerPolicy | "DEFAULT";

interface Row {
  id: string;
  status: PartnershipStatus;
  message?: string | null;
  createdAt: string;
  updatedAt: string;
  acceptedAt?: string | null;
  endedAt?: string | null;
  proposer?: { id: string; name: string } | null;
  partner?: { id: string; name: string; slug: string } | null;
  suspendedBy?: { id: string; name: string } | null;
  inboundPolicy: PartnerPolicy;
  outboundPolicy: PartnerPolicy;
  inboundOverride?: PartnerPolicy | null;
  outboundOverride?: PartnerPolicy | null;
}

type Destructive = { id: string; kind: "suspend" | "end" };

export function Partnerships() {
  const { organization } = useViewer();
  const [status, setStatus] = useState<PartnershipStatus | "">("");
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: PartnershipsQuery,
    variables: { slug: organization.slug, status: status || null, after },
  });
  const action = useAction();
  const [, propose] = useMutation(ProposePartnershipMutation);
  const [, accept] = useMutation(AcceptPartnershipMutation);
  const [, decline] = useMutation(DeclinePartnershipMutation);
  const [, suspend] = useMutation(SuspendPartnershipMutation);
  const [, resume] = useMutation(ResumePartnershipMutation);
  const [, end] = useMutation(EndPartnershipMutation);
  const [, setPolicy] = useMutation(SetPartnerPolicyMutation);
  const [, setDefaults] = useMutation(SetPartnerPolicyDefaultsMutation);

  const [partnerSlug, setPartnerSlug] = useState("");
  const [message, setMessage] = useState("");
  const [confirming, setConfirming] = useState<Destructive | null>(null);
  const [policyDrafts, setPolicyDrafts] = useState<
    Record<string, { inbound: PolicyChoice; outbound: PolicyChoice }>
  >({});
  const [defaultsDraft, setDefaultsDraft] = useState<{ inbound: PartnerPolicy; outbound: PartnerPolicy } | null>(
    null,
  );

  const defaults = data?.organization.partnerPolicyDefaults;
  const connection = data?.organization.partnerships;
  const rows = (connection?.nodes ?? []) as Row[];
  const busy = action.busy;
  const refresh = () => reexecute({ requestPolicy: "network-only" });

  const partnerName = (row: Row) => row.partner?.name ?? "the partner";
  const weProposed = (row: Row) => row.proposer?.id === organization.id;

  async function proposeTo(slug: string, note: string | null, key: string) {
    const trimmed = slug.trim();
    if (!trimmed) {
      action.refuse(key, "partnerSlug", "Enter the slug of the organization to partner with.");
      return;
    }
    const payload = await action.run(
      key,
      () => propose({ input: { partnerSlug: trimmed, message: note?.trim() || null } }),
      (d) => d.proposePartnership,
      (p) => `Proposed a partnership to ${p.partnership?.partner?.name ?? trimmed}; it waits for their answer.`,
    );
    if (payload && key === "propose") {
      setPartnerSlug("");
      setMessage("");
    }
    refresh();
  }

  async function transition(row: Row, kind: "accept" | "decline" | "suspend" | "resume" | "end") {
    const input = { input: { partnershipId: row.id } };
    const name = partnerName(row);
    const key = `row:${row.id}`;
    switch (kind) {
      case "accept":
        await action.run(key, () => accept(input), (d) => d.acceptPartnership, () => `Accepted the partnership with ${name}.`);
        break;
      case "decline":
        await action.run(key, () => decline(input), (d) => d.declinePartnership, () => `Declined the partnership with ${name}.`);
        break;
      case "suspend":
        await action.run(key, () => suspend(input), (d) => d.suspendPartnership, () => `Suspended the partnership with ${name}.`);
        break;
      case "resume":
        await action.run(key, () => resume(input), (d) => d.resumePartnership, () => `Resumed the partnership with ${name}.`);
        break;
      case "end":
        await action.run(key, () => end(input), (d) => d.endPartnership, () => `Ended the partnership with ${name}.`);
        break;
    }
    setConfirming(null);
    refresh();
  }

  function draftOf(row: Row) {
    return (
      policyDrafts[row.id] ?? {
        inbound: row.inboundOverride ?? "DEFAULT",
        outbound: row.outboundOverride ?? "DEFAULT",
      }
    );
  }

  async function savePolicy(row: Row) {
    const draft = draftOf(row);
    const toInput = (choice: PolicyChoice) => (choice === "DEFAULT" ? null : choice);
    const payload = await action.run(
      `policy:${row.id}`,
      () =>
        setPolicy({
          input: { partnershipId: row.id, inbound: toInput(draft.inbound), outbound: toInput(draft.outbound) },
        }),
      (d) => d.setPartnerPolicy,
      (p) =>
        `Saved our policy for ${partnerName(row)}: inbound ${p.partnership?.inboundPolicy ?? "?"}, outbound ${p.partnership?.outboundPolicy ?? "?"}.`,
    );
    if (payload) {
      setPolicyDrafts((current) => {
        const next = { ...current };
        delete next[row.id];
        return next;
      });
    }
    refresh();
  }

  async function saveDefaults() {
    if (!defaultsDraft) return;
    const payload = await action.run(
      "defaults",
      // Named fields only: urql adds __typename to what it read, which an input refuses.
      () =>
        setDefaults({
          input: { organizationId: organization.id, inbound: defaultsDraft.inbound, outbound: defaultsDraft.outbound },
        }),
      (d) => d.setPartnerPolicyDefaults,
      (p) => `Saved our defaults: inbound ${p.defaults?.inbound ?? "?"}, outbound ${p.defaults?.outbound ?? "?"}.`,
    );
    if (payload) setDefaultsDraft(null);
    refresh();
  }

  const defaultsShown = defaultsDraft ?? defaults ?? null;
  const policyLabel = (choice: PolicyChoice, effective: PartnerPolicy) =>
    choice === "DEFAULT" ? `Default (${effective})` : choice;

  return (
    <>
      <h1>Partnerships</h1>
      <p className="muted">
        {organization.name}'s partnerships with other organizations. A partnership must be
        ACTIVE for communities to federate; each side sets its own policy for the other's people.
      </p>

      <div className="grid">
        <section className="panel" aria-labelledby="propose-heading">
          <h2 id="propose-heading">Propose a partnership</h2>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void proposeTo(partnerSlug, message, "propose");
            }}
          >
            <div className="field">
              <label htmlFor="propose-slug">Partner organization slug</label>
              <input
                id="propose-slug"
                value={partnerSlug}
                onChange={(e) => setPartnerSlug(e.target.value)}
                autoComplete="off"
                spellCheck={false}
                placeholder="e.g. globex"
              />
            </div>
            <div className="field wide">
              <label htmlFor="propose-message">Message to their admins (optional)</label>
              <input
                id="propose-message"
                value={message}
                maxLength={2000}
                onChange={(e) => setMessage(e.target.value)}
              />
            </div>
            <button type="submit" disabled={busy}>
              Propose partnership
            </button>
          </form>
          <ActionOutcome action={action} forKey="propose" busyLabel="Proposing" />
        </section>

        <section className="panel" aria-labelledby="defaults-heading">
          <h2 id="defaults-heading">Our default policies</h2>
          <p className="small muted">
            Apply to every partner without a policy of its own. Inbound: may partners' people
            join our communities. Outbound: may our people join partners' communities.
          </p>
          {!defaultsShown && fetching && <Busy label="Loading defaults" />}
          {defaultsShown && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void saveDefaults();
              }}
            >
              <div className="field">
                <label htmlFor="default-inbound">Default inbound policy</label>
                <select
                  id="default-inbound"
                  value={defaultsShown.inbound}
                  onChange={(e) =>
                    setDefaultsDraft({ ...defaultsShown, inbound: e.target.value as PartnerPolicy })
                  }
                >
                  {POLICIES.map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="default-outbound">Default outbound policy</label>
                <select
                  id="default-outbound"
                  value={defaultsShown.outbound}
                  onChange={(e) =>
                    setDefaultsDraft({ ...defaultsShown, outbound: e.target.value as PartnerPolicy })
                  }
                >
                  {POLICIES.map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="secondary" disabled={busy || !defaultsDraft}>
                Save defaults
              </button>
            </form>
          )}
          <ActionOutcome action={action} forKey="defaults" />
        </section>
      </div>

      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter partnerships">
        <div className="field">
          <label htmlFor="partnerships-status">Status</label>
          <select
            id="partnerships-status"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as PartnershipStatus | "");
              setAfter(null);
            }}
          >
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        {connection && (
          <p className="muted small" aria-live="polite">
            {plural(connection.totalCount, "partnership")}
          </p>
        )}
      </form>

      <RequestError error={error} />
      {fetching && <Busy label="Loading partnerships" />}
      {connection && rows.length === 0 && (
        <p className="empty">
          {status ? `No partnership is ${status}.` : "No partnerships yet: propose one above."}
        </p>
      )}
      {rows.length > 0 && (
        <table aria-label="Partnerships" className="partnerships">
          <thead>
            <tr>
              <th scope="col">Partner</th>
              <th scope="col">Status</th>
              <th scope="col">Proposed by</th>
              <th scope="col">Our policy for them</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const name = partnerName(row);
              const ours = weProposed(row);
              const needsAnswer = row.status === "PROPOSED" && !ours;
              const draft = draftOf(row);
              const policyChanged =
                draft.inbound !== (row.inboundOverride ?? "DEFAULT") ||
                draft.outbound !== (row.outboundOverride ?? "DEFAULT");
              const confirmingHere = confirming?.id === row.id ? confirming.kind : null;
              const setDraft = (patch: Partial<{ inbound: PolicyChoice; outbound: PolicyChoice }>) =>
                setPolicyDrafts((current) => ({ ...current, [row.id]: { ...draft, ...patch } }));
              return (
                <tr key={row.id} className={needsAnswer ? "needs-answer" : undefined}>
                  <th scope="row">
                    <div className="name">{name}</div>
                    {row.partner && <code>{row.partner.slug}</code>}
                    {row.message && <div className="muted small message">“{row.message}”</div>}
                  </th>
                  <td>
                    <span className={`badge status-${row.status.toLowerCase()}`}>{row.status}</span>
                    {needsAnswer && <div className="attention small">Waits for our answer</div>}
                    {row.status === "PROPOSED" && ours && (
                      <div className="muted small">Waits for {name}</div>
                    )}
                    {row.status === "SUSPENDED" && row.suspendedBy && (
                      <div className="muted small">
                        by {row.suspendedBy.id === organization.id ? "us" : row.suspendedBy.name}
                      </div>
                    )}
                    <div className="muted small">
                      {row.acceptedAt && row.status === "ACTIVE"
                        ? `since ${formatDate(row.acceptedAt)}`
                        : `updated ${formatDate(row.updatedAt)}`}
                    </div>
                  </td>
                  <td>
                    {ours ? "Us" : (row.proposer?.name ?? "—")}
                    <div className="muted small">{formatDate(row.createdAt)}</div>
                  </td>
                  <td>
                    <form
                      className="policy"
                      aria-label={`Policy for ${name}`}
                      onSubmit={(e) => {
                        e.preventDefault();
                        void savePolicy(row);
                      }}
                    >
                      <div className="field">
                        <label htmlFor={`inbound-${row.id}`}>Inbound</label>
                        <select
                          id={`inbound-${row.id}`}
                          aria-label={`Inbound policy for ${name}`}
                          value={draft.inbound}
                          onChange={(e) => setDraft({ inbound: e.target.value as PolicyChoice })}
                        >
                          <option value="DEFAULT">
                            {policyLabel("DEFAULT", defaults?.inbound ?? row.inboundPolicy)}
                          </option>
                          {POLICIES.map((p) => (
                            <option key={p} value={p}>
                              {p}
                            </option>
                          ))}
                        </select>
                      </div>
                      <div className="field">
                        <label htmlFor={`outbound-${row.id}`}>Outbound</label>
                        <select
                          id={`outbound-${row.id}`}
                          aria-label={`Outbound policy for ${name}`}
                          value={draft.outbound}
                          onChange={(e) => setDraft({ outbound: e.target.value as PolicyChoice })}
                        >
                          <option value="DEFAULT">
                            {policyLabel("DEFAULT", defaults?.outbound ?? row.outboundPolicy)}
                          </option>
                          {POLICIES.map((p) => (
                            <option key={p} value={p}>
                              {p}
                            </option>
                          ))}
                        </select>
                      </div>
                      <button
                        type="submit"
                        className="secondary small"
                        disabled={busy || !policyChanged}
                        aria-label={`Save policy for ${name}`}
                      >
                        Save
                      </button>
                    </form>
                    <div className="muted small">
                      In effect: in {row.inboundPolicy}, out {row.outboundPolicy}
                    </div>
                    <ActionOutcome action={action} forKey={`policy:${row.id}`} />
                  </td>
                  <td>
                    <div className="actions">
                      {needsAnswer && (
                        <>
                          <button type="button" disabled={busy} onClick={() => transition(row, "accept")}>
                            Accept {name}
                          </button>
                          <button
                            type="button"
                            className="danger"
                            disabled={busy}
                            onClick={() => transition(row, "decline")}
                          >
                            Decline {name}
                          </button>
                        </>
                      )}
                      {row.status === "ACTIVE" && (
                        <button
                          type="button"
                          className="danger"
                          disabled={busy}
                          onClick={() => {
                            action.reset();
                            setConfirming({ id: row.id, kind: "suspend" });
                          }}
                        >
                          Suspend {name}
                        </button>
                      )}
                      {row.status === "SUSPENDED" && row.suspendedBy?.id === organization.id && (
                        <button type="button" disabled={busy} onClick={() => transition(row, "resume")}>
                          Resume {name}
                        </button>
                      )}
                      {(row.status === "ACTIVE" ||
                        row.status === "SUSPENDED" ||
                        (row.status === "PROPOSED" && ours)) && (
                        <button
                          type="button"
                          className="danger"
                          disabled={busy}
                          onClick={() => {
                            action.reset();
                            setConfirming({ id: row.id, kind: "end" });
                          }}
                        >
                          {row.status === "PROPOSED" ? `Withdraw proposal to ${name}` : `End ${name}`}
                        </button>
                      )}
                      {(row.status === "DECLINED" || row.status === "ENDED") && row.partner && (
                        <button
                          type="button"
                          className="secondary"
                          disabled={busy}
                          onClick={() => proposeTo(row.partner!.slug, null, `row:${row.id}`)}
                        >
                          Propose again to {name}
                        </button>
                      )}
                    </div>
                    {row.status === "SUSPENDED" && row.suspendedBy && row.suspendedBy.id !== organization.id && (
                      <p className="muted small">Only {row.suspendedBy.name}, who suspended it, may resume it.</p>
                    )}
                    {confirmingHere === "suspend" && (
                      <Confirm
                        id={`suspend-${row.id}`}
                        question={`Suspend the partnership with ${name}?`}
                        detail={`${name}'s people lose access to our communities, and ours to theirs, until we resume it.`}
                        confirmLabel={`Confirm suspending ${name}`}
                        busy={busy}
                        onConfirm={() => transition(row, "suspend")}
                        onCancel={() => setConfirming(null)}
                      />
                    )}
                    {confirmingHere === "end" && (
                      <Confirm
                        id={`end-${row.id}`}
                        question={
                          row.status === "PROPOSED"
                            ? `Withdraw the proposal to ${name}?`
                            : `End the partnership with ${name}?`
                        }
                        detail={
                          row.status === "PROPOSED"
                            ? "It can be proposed again later."
                            : `Both sides' people lose access to the other's communities at once; nothing they wrote is deleted. Either side may propose again later.`
                        }
                        confirmLabel={
                          row.status === "PROPOSED" ? `Confirm withdrawing the proposal to ${name}` : `Confirm ending ${name}`
                        }
                        busy={busy}
                        onConfirm={() => transition(row, "end")}
                        onCancel={() => setConfirming(null)}
                      />
                    )}
                    <ActionOutcome action={action} forKey={`row:${row.id}`} busyLabel="Working" />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {(after || connection?.pageInfo.hasNextPage) && (
        <div className="actions pager">
          {after && (
            <button type="button" className="secondary" onClick={() => setAfter(null)}>
              First partnerships
            </button>
          )}
          {connection?.pageInfo.hasNextPage && (
            <button
              type="button"
              className="secondary"
              onClick={() => setAfter(connection.pageInfo.endCursor ?? null)}
            >
              More partnerships
            </button>
          )}
        </div>
      )}
    </>
  );
}

// Keeps the fragment referenced (its fields are read through `Row`).
void PartnershipRowFragment;
