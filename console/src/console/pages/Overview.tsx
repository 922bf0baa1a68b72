// The signed-in admin's organization at a glance: partnerships by status (proposals waiting
// for our answer first), communities hosted and joined, approvals and invitations waiting
// for us, and the latest audit entries. One request; counts come from `totalCount` with
// `first: 0`, lists are short pages.
import { Link } from "react-router-dom";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import { Busy, RequestError } from "../ui/feedback";
import { useViewer } from "../viewer";
import { enumWords, formatDate, formatDateTime, plural } from "../reports/format";
import "../reports/reports.css";
import "./federation.css";

const OverviewQuery = graphql(`
  query Overview($slug: String!) {
    viewer {
      pendingApprovals(first: 0) {
        totalCount
      }
    }
    organization(slug: $slug) {
      id
      proposed: partnerships(status: PROPOSED, first: 20) {
        totalCount
        nodes {
          id
          createdAt
          proposer {
            id
          }
          partner {
            id
            name
          }
        }
      }
      active: partnerships(status: ACTIVE, first: 0) {
        totalCount
      }
      suspended: partnerships(status: SUSPENDED, first: 0) {
        totalCount
      }
      declined: partnerships(status: DECLINED, first: 0) {
        totalCount
      }
      ended: partnerships(status: ENDED, first: 0) {
        totalCount
      }
      hostedCommunities(first: 0) {
        totalCount
      }
      joined: invitations(direction: INCOMING, status: ACTIVE, first: 0) {
        totalCount
      }
      joinedSuspended: invitations(direction: INCOMING, status: SUSPENDED, first: 0) {
        totalCount
      }
      partnersInvited: invitations(direction: OUTGOING, status: INVITED, first: 0) {
        totalCount
      }
      waiting: invitations(direction: INCOMING, status: INVITED, first: 10) {
        totalCount
        nodes {
          id
          tier
          expiresAt
          community {
            id
            name
            host {
              id
              name
            }
          }
        }
      }
      auditEvents(first: 8) {
        nodes {
          id
          action
          occurredAt
          actorName
          actorOrganization {
            id
            name
          }
          otherOrganization {
            id
            name
          }
          organization {
            id
            name
          }
          community {
            id
            name
          }
        }
      }
    }
  }
`);

export function Overview() {
  const { organization } = useViewer();
  const [{ data, fetching, error }] = useQuery({
    query: OverviewQuery,
    variables: { slug: organization.slug },
  });
  const org = data?.organization;
  const proposals = org?.proposed.nodes ?? [];
  const toAnswer = proposals.filter((p) => p.proposer?.id !== organization.id);
  const sent = proposals.filter((p) => p.proposer?.id === organization.id);
  // The first page may hold only some proposals; the rest are counted, not sorted by side.
  const unsortedProposals = (org?.proposed.totalCount ?? 0) - proposals.length;
  const approvals = data?.viewer.pendingApprovals.totalCount ?? 0;

  return (
    <>
      <h1>Overview</h1>
      <p className="muted">{organization.name} at a glance.</p>
      <RequestError error={error} />
      {fetching && <Busy label="Loading the overview" />}
      {org && (
        <>
          <div className="cards">
            <section aria-labelledby="ov-partnerships">
              <h2 id="ov-partnerships">Partnerships</h2>
              {toAnswer.length > 0 && (
                <div className="attention-box" role="note">
                  <p className="attention">
                    {plural(toAnswer.length, "proposal waits", "proposals wait")} for our answer:
                  </p>
                  <ul className="plain">
                    {toAnswer.map((p) => (
                      <li key={p.id}>
                        {p.partner?.name ?? "An organization"}{" "}
                        <span className="muted small">proposed {formatDate(p.createdAt)}</span>
                      </li>
                    ))}
                  </ul>
                  <Link to="/partnerships">Answer on the Partnerships page</Link>
                </div>
              )}
              <dl className="figures-list" aria-label="Partnerships by status">
                <div>
                  <dt>Active</dt>
                  <dd>{org.active.totalCount}</dd>
                </div>
                <div>
                  <dt>Proposed to us</dt>
                  <dd>{toAnswer.length}</dd>
                </div>
                <div>
                  <dt>Proposed by us</dt>
                  <dd>{sent.length}</dd>
                </div>
                <div>
                  <dt>Suspended</dt>
                  <dd>{org.suspended.totalCount}</dd>
                </div>
                <div>
                  <dt>Declined</dt>
                  <dd>{org.declined.totalCount}</dd>
                </div>
                <div>
                  <dt>Ended</dt>
                  <dd>{org.ended.totalCount}</dd>
                </div>
              </dl>
              {unsortedProposals > 0 && (
                <p className="muted small">
                  And {plural(unsortedProposals, "more proposal")} on the Partnerships page.
                </p>
              )}
              <p>
                <Link to="/partnerships">All partnerships</Link>
              </p>
            </section>

            <section aria-labelledby="ov-waiting">
              <h2 id="ov-waiting">Waiting for us</h2>
              <p>
                <span className="big">{approvals}</span>{" "}
                <Link to="/approvals">
                  {approvals === 1 ? "membership request waits" : "membership requests wait"} for
                  our approval
                </Link>
              </p>
              <p>
                <span className="big">{org.waiting.totalCount}</span>{" "}
                <Link to="/communities">
                  {org.waiting.totalCount === 1 ? "invitation waits" : "invitations wait"} for our
                  answer
                </Link>
              </p>
              {org.waiting.nodes.length > 0 && (
                <ul className="plain" aria-label="Invitations waiting for our answer">
                  {org.waiting.nodes.map((p) => (
                    <li key={p.id}>
                      {p.community?.name ?? "A community"}{" "}
                      <span className="muted small">
                        hosted by {p.community?.host?.name ?? "—"}, {p.tier}, answer by{" "}
                        {formatDate(p.expiresAt)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>

            <section aria-labelledby="ov-communities">
              <h2 id="ov-communities">Communities</h2>
              <dl className="figures-list" aria-label="Communities">
                <div>
                  <dt>We host</dt>
                  <dd>{org.hostedCommunities.totalCount}</dd>
                </div>
                <div>
                  <dt>We take part in</dt>
                  <dd>{org.joined.totalCount}</dd>
                </div>
                <div>
                  <dt>Suspended</dt>
                  <dd>{org.joinedSuspended.totalCount}</dd>
                </div>
                <div>
                  <dt>Partners invited</dt>
                  <dd>{org.partnersInvited.totalCount}</dd>
                </div>
              </dl>
              <p>
                <Link to="/communities">Communities and invitations</Link>
              </p>
            </section>
          </div>

          <section className="panel" aria-labelledby="ov-audit">
            <h2 id="ov-audit">Recent audit entries</h2>
            {org.auditEvents.nodes.length === 0 ? (
              <p className="empty">Nothing recorded yet.</p>
            ) : (
              <table aria-label="Recent audit entries">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">What</th>
                    <th scope="col">Who</th>
                    <th scope="col">Concerning</th>
                  </tr>
                </thead>
                <tbody>
                  {org.auditEvents.nodes.map((event) => {
                    const others = [event.organization, event.otherOrganization]
                      .filter((o): o is { id: string; name: string } => !!o && o.id !== organization.id)
                      .map((o) => o.name);
                    return (
                      <tr key={event.id}>
                        <td className="nowrap">
                          <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
                        </td>
                        <td>
                          <code>{event.action}</code>
                          <div className="muted small">{enumWords(event.action)}</div>
                        </td>
                        <td>
                          {event.actorName}
                          {event.actorOrganization && (
                            <span className="muted small"> ({event.actorOrganization.name})</span>
                          )}
                        </td>
                        <td>
                          {[event.community?.name, ...others].filter(Boolean).join(" · ") || "—"}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
            <p>
              <Link to="/audit">The whole audit log</Link>
            </p>
          </section>
        </>
      )}
    </>
  );
}
