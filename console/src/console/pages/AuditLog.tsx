// The organization's audit log (Organization.auditEvents), newest first, with the filters
// the API has: actions, a community, a partner organization, a time range.
import { useState } from "react";
import { useClient, useQuery } from "urql";
import { graphql } from "../../gql";
import type { AuditAction, AuditEventFilter } from "../../gql/graphql";
import { Busy, RequestError } from "../ui/feedback";
import { useViewer } from "../viewer";
import { formatDateTime, personName } from "../reports/format";
import "../reports/reports.css";
import type { CombinedError } from "urql";

// Every action, in the order the filter lists them: a Record so that the build fails when the
// schema gains an action this list lacks.
const ACTION_SET: Record<AuditAction, true> = {
  PARTNERSHIP_PROPOSED: true,
  PARTNERSHIP_ACCEPTED: true,
  PARTNERSHIP_DECLINED: true,
  PARTNERSHIP_SUSPENDED: true,
  PARTNERSHIP_RESUMED: true,
  PARTNERSHIP_ENDED: true,
  PARTNER_POLICY_CHANGED: true,
  POLICY_DEFAULTS_CHANGED: true,
  COMMUNITY_CREATED: true,
  COMMUNITY_UPDATED: true,
  ORGANIZATION_INVITED: true,
  INVITATION_ACCEPTED: true,
  INVITATION_DECLINED: true,
  ORGANIZATION_REMOVED: true,
  ORGANIZATION_WITHDREW: true,
  MEMBERSHIP_REQUESTED: true,
  MEMBERSHIP_APPROVAL_DECIDED: true,
  MEMBER_ADDED: true,
  MEMBER_ROLE_CHANGED: true,
  MEMBER_LEFT: true,
  MEMBER_REMOVED: true,
  MEMBER_OFFBOARDED: true,
  ORGANIZATION_DISABLED: true,
  ORGANIZATION_ENABLED: true,
  OIDC_LOGIN_SET: true,
  OIDC_LOGIN_REMOVED: true,
  ORGANIZATION_RATE_LIMIT_SET: true,
  PERSISTED_OPERATION_REGISTERED: true,
  PERSISTED_OPERATION_REMOVED: true,
  PERSISTED_OPERATIONS_ONLY_CHANGED: true,
};
const AUDIT_ACTIONS = Object.keys(ACTION_SET) as AuditAction[];

const PAGE_SIZE = 25;

const AuditEventsQuery = graphql(`
  query AuditEvents($slug: String!, $filter: AuditEventFilter, $first: Int!, $after: String) {
    organization(slug: $slug) {
      id
      auditEvents(filter: $filter, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          action
          occurredAt
          actorName
          actor {
            id
            displayName
          }
          actorOrganization {
            id
            name
          }
          organization {
            id
            name
          }
          otherOrganization {
            id
            name
          }
          community {
            id
            name
          }
          targetId
          before
          after
        }
      }
    }
  }
`);

const AuditCommunitiesQuery = graphql(`
  query AuditCommunities {
    communities(first: 100) {
      nodes {
        id
        name
        host {
          id
          name
        }
      }
    }
  }
`);

const PartnerBySlugQuery = graphql(`
  query PartnerBySlug($slug: String!) {
    organization(slug: $slug) {
      id
      name
    }
  }
`);

interface FilterForm {
  action: AuditAction | "";
  communityId: string;
  partner: string;
  from: string;
  to: string;
}

const EMPTY: FilterForm = { action: "", communityId: "", partner: "", from: "", to: "" };

/** The day after a YYYY-MM-DD date, at midnight UTC: "To" includes its whole day. */
function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

export function AuditLog() {
  const { organization } = useViewer();
  const client = useClient();
  const [form, setForm] = useState<FilterForm>(EMPTY);
  const [filter, setFilter] = useState<AuditEventFilter | null>(null);
  const [applied, setApplied] = useState<string[]>([]);
  // Cursors of the pages before the current one: "Newer entries" pops one.
  const [cursors, setCursors] = useState<(string | null)[]>([]);
  const [after, setAfter] = useState<string | null>(null);
  const [resolving, setResolving] = useState(false);
  const [filterError, setFilterError] = useState<CombinedError | undefined>();
  const [rangeError, setRangeError] = useState<string | null>(null);

  const [{ data, fetching, error }] = useQuery({
    query: AuditEventsQuery,
    variables: { slug: organization.slug, filter, first: PAGE_SIZE, after },
  });
  const [communities] = useQuery({ query: AuditCommunitiesQuery });

  async function apply(e: React.FormEvent) {
    e.preventDefault();
    setFilterError(undefined);
    setRangeError(null);
    if (form.from && form.to && form.from > form.to) {
      setRangeError("“From” must be on or before “To”.");
      return;
    }
    const next: AuditEventFilter = {};
    const words: string[] = [];
    if (form.action) {
      next.actions = [form.action];
      words.push(`action ${form.action}`);
    }
    if (form.communityId) {
      next.communityId = form.communityId;
      const community = communities.data?.communities.nodes.find((c) => c.id === form.communityId);
      words.push(`community ${community?.name ?? form.communityId}`);
    }
    if (form.partner.trim()) {
      setResolving(true);
      const result = await client
        .query(PartnerBySlugQuery, { slug: form.partner.trim() }, { requestPolicy: "network-only" })
        .toPromise();
      setResolving(false);
      if (result.error || !result.data) {
        setFilterError(result.error);
        return;
      }
      next.partnerId = result.data.organization.id;
      words.push(`organization ${result.data.organization.name}`);
    }
    if (form.from) {
      next.since = `${form.from}T00:00:00Z`;
      words.push(`from ${form.from}`);
    }
    if (form.to) {
      next.until = dayAfter(form.to);
      words.push(`to ${form.to}`);
    }
    setFilter(Object.keys(next).length ? next : null);
    setApplied(words);
    setCursors([]);
    setAfter(null);
  }

  function clear() {
    setForm(EMPTY);
    setFilter(null);
    setApplied([]);
    setCursors([]);
    setAfter(null);
    setFilterError(undefined);
    setRangeError(null);
  }

  const connection = data?.organization.auditEvents;
  const events = connection?.nodes ?? [];

  return (
    <>
      <h1>Audit log</h1>
      <p className="muted">
        Every change that concerns {organization.name}: partnerships, policies, communities,
        invitations, memberships and approvals. Newest first.
      </p>
      <form className="filters" onSubmit={apply} aria-label="Filter audit entries">
        <div className="field">
          <label htmlFor="audit-action">Action</label>
          <select
            id="audit-action"
            value={form.action}
            onChange={(e) => setForm({ ...form, action: e.target.value as AuditAction | "" })}
          >
            <option value="">Any action</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-community">Community</label>
          <select
            id="audit-community"
            value={form.communityId}
            onChange={(e) => setForm({ ...form, communityId: e.target.value })}
          >
            <option value="">Any community</option>
            {communities.data?.communities.nodes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
                {c.host ? ` (${c.host.name})` : ""}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-organization">Organization</label>
          <input
            id="audit-organization"
            type="text"
            value={form.partner}
            onChange={(e) => setForm({ ...form, partner: e.target.value })}
            placeholder="partner slug"
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-from">From</label>
          <input
            id="audit-from"
            type="date"
            value={form.from}
            onChange={(e) => setForm({ ...form, from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-to">To</label>
          <input
            id="audit-to"
            type="date"
            value={form.to}
            onChange={(e) => setForm({ ...form, to: e.target.value })}
          />
        </div>
        <button type="submit" disabled={resolving}>
          Apply filters
        </button>
        <button type="button" className="secondary" onClick={clear}>
          Clear filters
        </button>
      </form>
      {rangeError && (
        <p className="error" role="alert">
          {rangeError}
        </p>
      )}
      <RequestError error={filterError} />
      <RequestError error={error} />
      <RequestError error={communities.error} />
      {resolving && <Busy label="Finding the organization" />}
      {fetching && <Busy label="Loading audit entries" />}
      {connection && (
        <p className="muted" aria-live="polite">
          {connection.totalCount} {connection.totalCount === 1 ? "entry" : "entries"}
          {applied.length ? ` with ${applied.join(", ")}` : ""}.
        </p>
      )}
      {connection && events.length === 0 && <p className="empty">No audit entries match.</p>}
      {events.length > 0 && (
        <table aria-label="Audit entries">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Action</th>
              <th scope="col">Actor</th>
              <th scope="col">Subject</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td className="nowrap">
                  <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
                </td>
                <td>
                  <code>{event.action}</code>
                </td>
                <td>
                  {event.actor ? personName(event.actor) : event.actorName}
                  {event.actorOrganization && (
                    <div className="muted small">{event.actorOrganization.name}</div>
                  )}
                </td>
                <td>
                  <Subject event={event} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(cursors.length > 0 || connection?.pageInfo.hasNextPage) && (
        <div className="actions pager">
          {cursors.length > 0 && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setAfter(cursors[cursors.length - 1]);
                setCursors(cursors.slice(0, -1));
              }}
            >
              Newer entries
            </button>
          )}
          {connection?.pageInfo.hasNextPage && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setCursors([...cursors, after]);
                setAfter(connection.pageInfo.endCursor ?? null);
              }}
            >
              Older entries
            </button>
          )}
        </div>
      )}
    </>
  );
}

interface SubjectEvent {
  id: string;
  community?: { name: string } | null;
  organization?: { name: string } | null;
  otherOrganization?: { name: string } | null;
  before?: unknown;
  after?: unknown;
}

function Subject({ event }: { event: SubjectEvent }) {
  const parts: string[] = [];
  if (event.community) parts.push(`Community ${event.community.name}`);
  if (event.organization && event.otherOrganization) {
    parts.push(`${event.organization.name} → ${event.otherOrganization.name}`);
  } else if (event.organization) {
    parts.push(event.organization.name);
  }
  const hasChange = event.before != null || event.after != null;
  const change = changeLine(event.before, event.after);
  return (
    <>
      <span>{parts.join(" · ") || "—"}</span>
      {change && <div className="muted small">{change}</div>}
      {hasChange && (
        <details>
          <summary>Show the change</summary>
          <div className="change">
            {event.before != null && (
              <div>
                <span className="muted small">Before</span>
                <pre>{JSON.stringify(event.before, null, 2)}</pre>
              </div>
            )}
            {event.after != null && (
              <div>
                <span className="muted small">After</span>
                <pre>{JSON.stringify(event.after, null, 2)}</pre>
              </div>
            )}
          </div>
        </details>
      )}
    </>
  );
}

function field(value: unknown, key: string): unknown {
  return value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
}

/** The gist of a change: a decided approval, and the status before and after. */
function changeLine(before: unknown, after: unknown): string | null {
  const words: string[] = [];
  const approval = field(after, "approval");
  const kind = field(approval, "kind");
  const decided = field(approval, "status");
  if (typeof kind === "string" && typeof decided === "string") {
    words.push(`${kind} approval ${decided}`);
  }
  const from = field(before, "status");
  const to = field(after, "status");
  if (typeof from === "string" && typeof to === "string" && from !== to) {
    words.push(`status ${from} → ${to}`);
  } else if (typeof to === "string" && from === undefined) {
    words.push(`status ${to}`);
  }
  return words.length ? words.join("; ") : null;
}
