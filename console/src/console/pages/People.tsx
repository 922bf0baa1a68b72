// Our people in communities hosted by other organizations (Organization.externalMemberships):
// who is where, with which role, status and leadership; offboarding one person from every
// community hosted elsewhere at once (offboardPerson).
import { useEffect, useMemo, useRef, useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import type { MembershipStatus } from "../../gql/graphql";
import { Busy, Done, RequestError, UserErrors, type UserErrorLike } from "../ui/feedback";
import { useViewer } from "../viewer";
import { enumWords, formatDate, personName, plural } from "../reports/format";
import "../reports/reports.css";

const ExternalMembershipsQuery = graphql(`
  query ExternalMemberships($slug: String!, $status: MembershipStatus, $after: String) {
    organization(slug: $slug) {
      id
      externalMemberships(status: $status, first: 100, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          role
          leadership
          status
          requestedAt
          joinedAt
          person {
            id
            displayName
            email
            businessUnit
          }
          community {
            id
            name
            slug
            host {
              id
              name
              slug
            }
          }
        }
      }
    }
  }
`);

const OffboardPersonMutation = graphql(`
  mutation OffboardPerson($input: OffboardPersonInput!) {
    offboardPerson(input: $input) {
      memberships {
        id
        status
        community {
          id
          name
        }
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

const STATUSES: MembershipStatus[] = ["PENDING", "ACTIVE", "SUSPENDED", "REJECTED", "LEFT", "REMOVED"];
/** Memberships that still hold a place: what offboarding ends. */
const CURRENT: ReadonlySet<string> = new Set(["PENDING", "ACTIVE", "SUSPENDED"]);

type StatusChoice = "CURRENT" | "ANY" | MembershipStatus;

export function People() {
  const { organization } = useViewer();
  const [status, setStatus] = useState<StatusChoice>("CURRENT");
  const [after, setAfter] = useState<string | null>(null);
  const [nameFilter, setNameFilter] = useState("");
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ExternalMembershipsQuery,
    variables: {
      slug: organization.slug,
      status: status === "CURRENT" || status === "ANY" ? null : status,
      after,
    },
  });
  const [offboarding, offboard] = useMutation(OffboardPersonMutation);
  const [confirming, setConfirming] = useState<{ id: string; name: string; count: number } | null>(
    null,
  );
  const [done, setDone] = useState<string | null>(null);
  const [userErrors, setUserErrors] = useState<readonly UserErrorLike[]>([]);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // After offboarding, the confirmation and the person's rows are gone: focus goes back to
  // the page's heading, just above the notice that says what happened.
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const connection = data?.organization.externalMemberships;
  const groups = useMemo(() => {
    const needle = nameFilter.trim().toLowerCase();
    const byPerson = new Map<
      string,
      { id: string; name: string; email?: string | null; businessUnit?: string | null; rows: NonNullable<typeof connection>["nodes"][number][] }
    >();
    for (const membership of connection?.nodes ?? []) {
      if (status === "CURRENT" && !CURRENT.has(membership.status)) continue;
      const person = membership.person;
      const id = person?.id ?? `unknown-${membership.id}`;
      const name = personName(person);
      if (needle && !name.toLowerCase().includes(needle)) continue;
      let group = byPerson.get(id);
      if (!group) {
        group = { id, name, email: person?.email, businessUnit: person?.businessUnit, rows: [] };
        byPerson.set(id, group);
      }
      group.rows.push(membership);
    }
    return [...byPerson.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [connection, nameFilter, status]);

  async function confirmOffboard() {
    if (!confirming) return;
    setDone(null);
    setUserErrors([]);
    const result = await offboard({ input: { personId: confirming.id } });
    const payload = result.data?.offboardPerson;
    if (payload && payload.userErrors.length === 0 && payload.memberships) {
      const ended = payload.memberships.length;
      const where = payload.memberships
        .map((m) => m.community?.name)
        .filter((name): name is string => !!name);
      setDone(
        `Offboarded ${confirming.name}: ${plural(ended, "membership")} ended` +
          (where.length ? ` (${where.join(", ")}).` : "."),
      );
      setConfirming(null);
      headingRef.current?.focus();
    } else if (payload) {
      setUserErrors(payload.userErrors);
    }
    reexecute({ requestPolicy: "network-only" });
  }

  const busy = offboarding.fetching;

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        People
      </h1>
      <p className="muted">
        {organization.name}'s people in communities hosted by other organizations. Offboarding
        a person removes them from every community hosted elsewhere at once.
      </p>
      <form
        className="filters"
        onSubmit={(e) => e.preventDefault()}
        aria-label="Filter memberships"
      >
        <div className="field">
          <label htmlFor="people-person-name">Person name</label>
          <input
            id="people-person-name"
            type="search"
            value={nameFilter}
            onChange={(e) => setNameFilter(e.target.value)}
            placeholder="Any person"
          />
        </div>
        <div className="field">
          <label htmlFor="people-status">Status</label>
          <select
            id="people-status"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as StatusChoice);
              setAfter(null);
            }}
          >
            <option value="CURRENT">Current (pending, active, suspended)</option>
            <option value="ANY">Any status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      </form>
      {done && <Done>{done}</Done>}
      <UserErrors errors={userErrors} />
      <RequestError error={offboarding.error} />
      <RequestError error={error} />
      {busy && <Busy label="Offboarding" />}
      {fetching && <Busy label="Loading memberships" />}
      {confirming && (
        <section className="confirm" role="group" aria-labelledby="offboard-confirm-heading">
          <h2 id="offboard-confirm-heading">Offboard {confirming.name}?</h2>
          <p>
            {confirming.name} will be removed from every community hosted by another
            organization ({plural(confirming.count, "current membership")} listed here). They
            may ask to join again later.
          </p>
          <div className="actions">
            <button
              type="button"
              className="danger"
              ref={confirmRef}
              disabled={busy}
              onClick={confirmOffboard}
            >
              Confirm offboarding {confirming.name}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => setConfirming(null)}
            >
              Cancel
            </button>
          </div>
        </section>
      )}
      {connection && groups.length === 0 && (
        <p className="empty">
          {nameFilter.trim()
            ? "No one by that name in a community hosted elsewhere."
            : "None of our people is in a community hosted by another organization."}
        </p>
      )}
      {groups.length > 0 && (
        <table aria-label="Memberships in communities hosted elsewhere">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Community</th>
              <th scope="col">Host</th>
              <th scope="col">Role</th>
              <th scope="col">Leadership</th>
              <th scope="col">Status</th>
              <th scope="col">Since</th>
            </tr>
          </thead>
          {groups.map((group) => {
            const current = group.rows.filter((m) => CURRENT.has(m.status)).length;
            return (
              <tbody key={group.id} className="person-group">
                {group.rows.map((membership, index) => (
                  <tr key={membership.id}>
                    {index === 0 && (
                      <th scope="rowgroup" rowSpan={group.rows.length} className="person">
                        <div className="name">{group.name}</div>
                        {group.businessUnit && (
                          <div className="muted small">{group.businessUnit}</div>
                        )}
                        {group.email && <div className="muted small">{group.email}</div>}
                        {current > 0 && !group.id.startsWith("unknown-") && (
                          <button
                            type="button"
                            className="danger small"
                            disabled={busy}
                            onClick={() => {
                              setDone(null);
                              setUserErrors([]);
                              setConfirming({ id: group.id, name: group.name, count: current });
                            }}
                          >
                            Offboard {group.name}
                          </button>
                        )}
                      </th>
                    )}
                    <td>{membership.community?.name ?? "—"}</td>
                    <td>{membership.community?.host?.name ?? "—"}</td>
                    <td>{enumWords(membership.role)}</td>
                    <td>{membership.leadership ? enumWords(membership.leadership) : "—"}</td>
                    <td>
                      <span className={`badge status-${membership.status.toLowerCase()}`}>
                        {membership.status}
                      </span>
                    </td>
                    <td>
                      <time dateTime={membership.joinedAt ?? membership.requestedAt}>
                        {formatDate(membership.joinedAt ?? membership.requestedAt)}
                      </time>
                    </td>
                  </tr>
                ))}
              </tbody>
            );
          })}
        </table>
      )}
      {(after || connection?.pageInfo.hasNextPage) && (
        <div className="actions pager">
          {after && (
            <button type="button" className="secondary" onClick={() => setAfter(null)}>
              First memberships
            </button>
          )}
          {connection?.pageInfo.hasNextPage && (
            <button
              type="button"
              className="secondary"
              onClick={() => setAfter(connection.pageInfo.endCursor ?? null)}
            >
              More memberships
            </button>
          )}
        </div>
      )}
    </>
  );
}
