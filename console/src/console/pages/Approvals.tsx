// Approvals waiting for the signed-in admin (viewer.pendingApprovals): as a coordinator, as
// an admin of a community's host (inbound policy) or of the member's own organization
// (outbound policy). Decided in bulk with decideApprovals: all of them, or none.
import { useRef, useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import { Busy, Done, RequestError, UserErrors, type UserErrorLike } from "../ui/feedback";
import { enumWords, formatDateTime, personName, plural } from "../reports/format";
import "../reports/reports.css";

const PendingApprovalsQuery = graphql(`
  query PendingApprovals($after: String) {
    viewer {
      pendingApprovals(first: 100, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          kind
          membership {
            id
            requestedAt
            person {
              id
              displayName
            }
            organization {
              id
              name
              slug
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
        }
      }
    }
  }
`);

const DecideApprovalsMutation = graphql(`
  mutation DecideApprovals($input: DecideApprovalsInput!) {
    decideApprovals(input: $input) {
      approvals {
        id
        status
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

const KIND_HELP: Record<string, string> = {
  COORDINATOR: "as a coordinator (the community's join rule)",
  HOST_ADMIN: "as an admin of the host (our inbound policy)",
  MEMBER_ORGANIZATION_ADMIN: "as an admin of the person's organization (our outbound policy)",
};

export function Approvals() {
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: PendingApprovalsQuery,
    variables: { after },
  });
  const [decision, decide] = useMutation(DecideApprovalsMutation);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [done, setDone] = useState<string | null>(null);
  const [userErrors, setUserErrors] = useState<readonly UserErrorLike[]>([]);
  // After a decision the decided rows (and maybe the focused button) are gone: focus goes
  // back to the page's heading, just above the notice that says what happened.
  const headingRef = useRef<HTMLHeadingElement>(null);

  const connection = data?.viewer.pendingApprovals;
  const approvals = connection?.nodes ?? [];
  const visibleIds = approvals.map((a) => a.id);
  const selectedHere = visibleIds.filter((id) => selected.has(id));
  const allSelected = visibleIds.length > 0 && selectedHere.length === visibleIds.length;

  const labelOf = (approval: (typeof approvals)[number]) =>
    `${personName(approval.membership?.person)} for ${approval.membership?.community?.name ?? "a community"}`;

  async function run(ids: string[], approve: boolean) {
    if (ids.length === 0) return;
    setDone(null);
    setUserErrors([]);
    const result = await decide({ input: { approvalIds: ids, approve } });
    const payload = result.data?.decideApprovals;
    if (payload && payload.userErrors.length === 0 && payload.approvals) {
      const count = payload.approvals.length;
      setDone(`${approve ? "Approved" : "Rejected"} ${plural(count, "request")}.`);
      setSelected((current) => {
        const next = new Set(current);
        for (const id of ids) next.delete(id);
        return next;
      });
      headingRef.current?.focus();
    } else if (payload) {
      setUserErrors(payload.userErrors);
    }
    reexecute({ requestPolicy: "network-only" });
  }

  function toggle(id: string, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function toggleAll(on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      for (const id of visibleIds) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }

  const busy = decision.fetching;

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        Approvals
      </h1>
      <p className="muted">
        Membership requests that wait for you: as a coordinator of a community, as an admin of
        the community's host, or as an admin of the person's own organization. A bulk decision
        is all or nothing.
      </p>
      {done && <Done>{done}</Done>}
      <UserErrors errors={userErrors} />
      <RequestError error={decision.error} />
      <RequestError error={error} />
      {busy && <Busy label="Deciding" />}
      {fetching && !data && <Busy label="Loading approvals" />}
      {connection && approvals.length === 0 && (
        <p className="empty">Nothing waits for your approval.</p>
      )}
      {approvals.length > 0 && (
        <section aria-label="Bulk decision">
          <div className="actions bulk">
            <button
              type="button"
              disabled={busy || selectedHere.length === 0}
              onClick={() => run(selectedHere, true)}
            >
              Approve selected
            </button>
            <button
              type="button"
              className="danger"
              disabled={busy || selectedHere.length === 0}
              onClick={() => run(selectedHere, false)}
            >
              Reject selected
            </button>
            <span className="muted" aria-live="polite">
              {selectedHere.length} of {plural(approvals.length, "request")} selected
              {connection && connection.totalCount > approvals.length
                ? ` (${connection.totalCount} wait in all)`
                : ""}
            </span>
          </div>
          <table aria-label="Pending approvals">
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    id="select-all-approvals"
                    aria-label="Select all"
                    checked={allSelected}
                    onChange={(e) => toggleAll(e.target.checked)}
                    disabled={busy}
                  />
                </th>
                <th scope="col">Person</th>
                <th scope="col">Their organization</th>
                <th scope="col">Community (host)</th>
                <th scope="col">Approval</th>
                <th scope="col">Asked</th>
                <th scope="col">Decide</th>
              </tr>
            </thead>
            <tbody>
              {approvals.map((approval) => {
                const membership = approval.membership;
                const label = labelOf(approval);
                return (
                  <tr key={approval.id}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Select ${label}`}
                        checked={selected.has(approval.id)}
                        onChange={(e) => toggle(approval.id, e.target.checked)}
                        disabled={busy}
                      />
                    </td>
                    <td>{personName(membership?.person)}</td>
                    <td>{membership?.organization?.name ?? "—"}</td>
                    <td>
                      {membership?.community?.name ?? "—"}
                      {membership?.community?.host && (
                        <span className="muted"> ({membership.community.host.name})</span>
                      )}
                    </td>
                    <td>
                      <code>{approval.kind}</code>
                      <div className="muted small">{KIND_HELP[approval.kind] ?? enumWords(approval.kind)}</div>
                    </td>
                    <td>
                      {membership ? (
                        <time dateTime={membership.requestedAt}>
                          {formatDateTime(membership.requestedAt)}
                        </time>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td>
                      <div className="actions">
                        <button
                          type="button"
                          className="secondary"
                          aria-label={`Approve ${label}`}
                          disabled={busy}
                          onClick={() => run([approval.id], true)}
                        >
                          Approve
                        </button>
                        <button
                          type="button"
                          className="danger"
                          aria-label={`Reject ${label}`}
                          disabled={busy}
                          onClick={() => run([approval.id], false)}
                        >
                          Reject
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {(after || connection?.pageInfo.hasNextPage) && (
            <div className="actions pager">
              {after && (
                <button type="button" className="secondary" onClick={() => setAfter(null)}>
                  First approvals
                </button>
              )}
              {connection?.pageInfo.hasNextPage && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setAfter(connection.pageInfo.endCursor ?? null)}
                >
                  Later approvals
                </button>
              )}
            </div>
          )}
        </section>
      )}
    </>
  );
}
