// The organization's value report (Organization.valueReport) over a period, with charts:
// members by organization in the communities we host, problems solved (ours and others'),
// and benefits (hours and money saved) month by month. Each chart has its figures as a table.
import { useEffect, useMemo, useState } from "react";
import { useClient, useQuery, type CombinedError } from "urql";
import { graphql } from "../../gql";
import { Busy, RequestError } from "../ui/feedback";
import { useViewer } from "../viewer";
import { ChartFigure, FiguresTable } from "../reports/charts";
import "../reports/reports.css";
import {
  enumWords,
  formatDate,
  formatNumber,
  monthStartUtc,
  monthsOf,
  todayUtc,
} from "../reports/format";

const OrganizationValueQuery = graphql(`
  query OrganizationValue($slug: String!, $period: PeriodInput!) {
    organization(slug: $slug) {
      id
      name
      valueReport(period: $period) {
        period {
          from
          to
        }
        contributors
        problemsPosted
        problemsSolved
        medianTimeToSolutionSeconds
        articlesPublished
        applicationsReported
        applicationsConfirmed
        hoursSaved
        moneySaved {
          amount
          currency
        }
        eventsHeld
        attendances
        gave {
          ideasAccepted
          articlesCoAuthored
          eventsHosted
          confirmationsGiven
        }
        got {
          problemsSolved
          applicationsReported
          hoursSaved
          moneySaved {
            amount
            currency
          }
        }
        byCommunity {
          community {
            id
            name
            host {
              id
              name
            }
            valueReport(period: $period) {
              problemsSolved
            }
          }
          figures {
            problemsSolved
          }
        }
      }
      hostedCommunities(first: 100) {
        nodes {
          id
          name
          valueReport(period: $period) {
            activeMembers {
              organization {
                id
                name
              }
              role
              count
            }
          }
        }
      }
    }
  }
`);

const ValueMonthQuery = graphql(`
  query ValueMonth($slug: String!, $period: PeriodInput!) {
    organization(slug: $slug) {
      id
      valueReport(period: $period) {
        applicationsReported
        hoursSaved
        moneySaved {
          amount
          currency
        }
      }
    }
  }
`);

/** Most months the monthly chart asks for (one report per month). */
const MAX_MONTHS = 24;

interface Month {
  label: string;
  applications: number;
  hours: number;
  money: Record<string, number>;
}

function moneyText(money: readonly { amount: string; currency: string }[]): string {
  if (money.length === 0) return "none";
  return money
    .map((m) => `${Number(m.amount).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${m.currency}`)
    .join(", ");
}

function durationText(seconds: number | null | undefined): string {
  if (seconds == null) return "—";
  const days = seconds / 86_400;
  if (days >= 1) return `${formatNumber(Math.round(days * 10) / 10)} days`;
  const hours = seconds / 3_600;
  if (hours >= 1) return `${formatNumber(Math.round(hours * 10) / 10)} hours`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) return "under a minute";
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

export function ValueReport() {
  const { organization } = useViewer();
  const [form, setForm] = useState({ from: monthStartUtc(11), to: todayUtc() });
  const [period, setPeriod] = useState(form);
  const [formError, setFormError] = useState<string | null>(null);

  const [{ data, fetching, error }] = useQuery({
    query: OrganizationValueQuery,
    variables: { slug: organization.slug, period },
  });

  const monthly = useMonthly(organization.slug, period);
  const report = data?.organization.valueReport;

  const members = useMemo(() => {
    const communities = data?.organization.hostedCommunities.nodes ?? [];
    const roles = new Set<string>();
    const byOrg = new Map<string, { name: string; byRole: Map<string, number>; total: number }>();
    for (const community of communities) {
      for (const count of community.valueReport.activeMembers) {
        const key = count.organization?.id ?? "unknown";
        const name = count.organization?.name ?? "Organization not visible";
        let row = byOrg.get(key);
        if (!row) {
          row = { name, byRole: new Map(), total: 0 };
          byOrg.set(key, row);
        }
        roles.add(count.role);
        row.byRole.set(count.role, (row.byRole.get(count.role) ?? 0) + count.count);
        row.total += count.count;
      }
    }
    const rows = [...byOrg.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
    const order = ["SPONSOR", "COORDINATOR", "CORE", "ACTIVE", "PERIPHERAL"].filter((r) => roles.has(r));
    return {
      communityCount: communities.length,
      labels: rows.map((r) => r.name),
      series: order.map((role) => ({
        label: enumWords(role),
        values: rows.map((r) => r.byRole.get(role) ?? 0),
      })),
    };
  }, [data]);

  const problems = useMemo(() => {
    const rows = (report?.byCommunity ?? []).filter(
      (c) => c.community.valueReport.problemsSolved > 0 || c.figures.problemsSolved > 0,
    );
    return {
      labels: rows.map((c) => c.community.name),
      series: [
        { label: "Posted by our people", values: rows.map((c) => c.figures.problemsSolved) },
        {
          label: "Posted by other organizations' people",
          values: rows.map((c) =>
            Math.max(0, c.community.valueReport.problemsSolved - c.figures.problemsSolved),
          ),
        },
      ],
    };
  }, [report]);

  function apply(e: React.FormEvent) {
    e.preventDefault();
    if (!form.from || !form.to) {
      setFormError("Give both “From” and “To”.");
      return;
    }
    if (form.from > form.to) {
      setFormError("“From” must be on or before “To”.");
      return;
    }
    setFormError(null);
    setPeriod({ ...form });
  }

  const currencies = monthly.currencies;

  return (
    <div className="value-report">
      <h1>Value report</h1>
      <p className="muted">
        What {organization.name}'s people added up to across the communities live for it, what
        it gave to and got from communities hosted elsewhere, and the communities it hosts.
      </p>
      <form className="filters" onSubmit={apply} aria-label="Report period">
        <div className="field">
          <label htmlFor="value-from">From</label>
          <input
            id="value-from"
            type="date"
            value={form.from}
            onChange={(e) => setForm({ ...form, from: e.target.value })}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="value-to">To</label>
          <input
            id="value-to"
            type="date"
            value={form.to}
            onChange={(e) => setForm({ ...form, to: e.target.value })}
            required
          />
        </div>
        <button type="submit" disabled={fetching}>
          Show the report
        </button>
      </form>
      {formError && (
        <p className="error" role="alert">
          {formError}
        </p>
      )}
      <RequestError error={error} />
      {fetching && <Busy label="Loading the value report" />}
      {report && (
        <>
          <p className="muted">
            From {formatDate(report.period.from)} to {formatDate(report.period.to)} (both
            included).
          </p>
          <section aria-labelledby="value-summary-heading">
            <h2 id="value-summary-heading">In short</h2>
            <dl className="figures-list">
              <div>
                <dt>Contributors</dt>
                <dd>{report.contributors}</dd>
              </div>
              <div>
                <dt>Problems posted</dt>
                <dd>{report.problemsPosted}</dd>
              </div>
              <div>
                <dt>Problems solved</dt>
                <dd>{report.problemsSolved}</dd>
              </div>
              <div>
                <dt>Median time to a solution</dt>
                <dd>{durationText(report.medianTimeToSolutionSeconds)}</dd>
              </div>
              <div>
                <dt>Applications reported</dt>
                <dd>{report.applicationsReported}</dd>
              </div>
              <div>
                <dt>Hours saved</dt>
                <dd>{formatNumber(report.hoursSaved)}</dd>
              </div>
              <div>
                <dt>Money saved</dt>
                <dd>{moneyText(report.moneySaved)}</dd>
              </div>
              <div>
                <dt>Articles published</dt>
                <dd>{report.articlesPublished}</dd>
              </div>
              <div>
                <dt>Events held</dt>
                <dd>{report.eventsHeld}</dd>
              </div>
            </dl>
          </section>

          <div className="grid charts">
            <section aria-labelledby="members-heading">
              <h2 id="members-heading">Members by organization</h2>
              {members.labels.length === 0 ? (
                <p className="empty">
                  {members.communityCount === 0
                    ? `${organization.name} hosts no community.`
                    : "The communities we host had no active members by the end of the period."}
                </p>
              ) : (
                <ChartFigure
                  headingId="members-heading"
                  title="Active members by organization and role"
                  kind="stacked-bar"
                  yTitle="Active members"
                  rowHeader="Organization"
                  labels={members.labels}
                  series={members.series}
                  caption={`Active memberships at the period's end in the ${members.communityCount === 1 ? "community" : `${members.communityCount} communities`} ${organization.name} hosts, by the member's organization and role (someone in two of them counts twice).`}
                />
              )}
            </section>

            <section aria-labelledby="problems-heading">
              <h2 id="problems-heading">Problems solved</h2>
              {problems.labels.length === 0 ? (
                <p className="empty">No problem was solved in the period.</p>
              ) : (
                <ChartFigure
                  headingId="problems-heading"
                  title="Problems solved per community"
                  kind="stacked-bar"
                  yTitle="Problems solved"
                  rowHeader="Community"
                  labels={problems.labels}
                  series={problems.series}
                  caption="Per community live for us: problems our people posted that were solved, and the others solved there (the community's total less ours)."
                />
              )}
              <FiguresTable
                title="Between us and other organizations, in communities hosted elsewhere"
                rowHeader="Figure"
                labels={[
                  "Our people's problems solved by other organizations' ideas",
                  "Other organizations' problems solved by our people's ideas",
                ]}
                series={[
                  {
                    label: "Problems",
                    values: [report.got.problemsSolved, report.gave.ideasAccepted],
                  },
                ]}
              />
            </section>
          </div>

          <section aria-labelledby="benefits-heading">
            <h2 id="benefits-heading">Benefits over time</h2>
            <RequestError error={monthly.error} />
            {monthly.tooLong && (
              <p className="muted">
                The monthly chart covers at most {MAX_MONTHS} months: choose a shorter period to
                see it.
              </p>
            )}
            {monthly.loading && <Busy label="Loading the months" />}
            {monthly.months && (
              <div className="grid">
                <ChartFigure
                  headingId="benefits-heading"
                  title="Hours saved per month"
                  kind="bar"
                  yTitle="Hours saved"
                  rowHeader="Month"
                  labels={monthly.months.map((m) => m.label)}
                  series={[{ label: "Hours saved", values: monthly.months.map((m) => m.hours) }]}
                  caption={`Hours saved by the applications our people reported, by the month they were applied in (${monthly.months.reduce((sum, m) => sum + m.applications, 0)} applications in the period).`}
                />
                {currencies.length === 0 ? (
                  <p className="empty">No application in the period reported money saved.</p>
                ) : (
                  <ChartFigure
                    headingId="benefits-heading"
                    title="Money saved per month"
                    kind="line"
                    yTitle="Money saved"
                    rowHeader="Month"
                    labels={monthly.months.map((m) => m.label)}
                    series={currencies.map((currency) => ({
                      label: currency,
                      values: monthly.months!.map((m) => m.money[currency] ?? 0),
                    }))}
                    format={(value, index) =>
                      `${value.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currencies[index]}`
                    }
                    caption="Money the applications of each month saved, one line per currency."
                  />
                )}
              </div>
            )}
          </section>

          <section aria-labelledby="gave-got-heading">
            <h2 id="gave-got-heading">Gave and got</h2>
            <div className="grid">
              <FiguresTable
                title="What we gave to communities hosted elsewhere"
                rowHeader="Figure"
                labels={[
                  "Ideas accepted as solutions",
                  "Articles co-authored",
                  "Events hosted",
                  "Confirmations given",
                ]}
                series={[
                  {
                    label: "Count",
                    values: [
                      report.gave.ideasAccepted,
                      report.gave.articlesCoAuthored,
                      report.gave.eventsHosted,
                      report.gave.confirmationsGiven,
                    ],
                  },
                ]}
              />
              <table>
                <caption>What we got from communities hosted elsewhere</caption>
                <thead>
                  <tr>
                    <th scope="col">Figure</th>
                    <th scope="col">Value</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">Problems solved for us</th>
                    <td className="number">{report.got.problemsSolved}</td>
                  </tr>
                  <tr>
                    <th scope="row">Applications reported</th>
                    <td className="number">{report.got.applicationsReported}</td>
                  </tr>
                  <tr>
                    <th scope="row">Hours saved</th>
                    <td className="number">{formatNumber(report.got.hoursSaved)}</td>
                  </tr>
                  <tr>
                    <th scope="row">Money saved</th>
                    <td className="number">{moneyText(report.got.moneySaved)}</td>
                  </tr>
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  );
}

/** One report per month of the period (at most MAX_MONTHS), for the benefits over time. */
function useMonthly(slug: string, period: { from: string; to: string }) {
  const client = useClient();
  const [state, setState] = useState<{
    months: Month[] | null;
    loading: boolean;
    error?: CombinedError;
    tooLong: boolean;
  }>({ months: null, loading: false, tooLong: false });

  useEffect(() => {
    const ranges = monthsOf(period.from, period.to);
    if (ranges.length > MAX_MONTHS) {
      setState({ months: null, loading: false, tooLong: true });
      return;
    }
    let cancelled = false;
    setState((s) => ({ ...s, loading: true, error: undefined, tooLong: false }));
    Promise.all(
      ranges.map((range) =>
        client
          .query(
            ValueMonthQuery,
            { slug, period: { from: range.from, to: range.to } },
            { requestPolicy: "network-only" },
          )
          .toPromise()
          .then((result) => ({ range, result })),
      ),
    ).then((results) => {
      if (cancelled) return;
      const failed = results.find((r) => r.result.error);
      if (failed) {
        setState({ months: null, loading: false, error: failed.result.error, tooLong: false });
        return;
      }
      const months = results.map(({ range, result }) => {
        const r = result.data?.organization.valueReport;
        const money: Record<string, number> = {};
        for (const m of r?.moneySaved ?? []) money[m.currency] = Number(m.amount);
        return {
          label: range.label,
          applications: r?.applicationsReported ?? 0,
          hours: r?.hoursSaved ?? 0,
          money,
        };
      });
      setState({ months, loading: false, tooLong: false });
    });
    return () => {
      cancelled = true;
    };
  }, [client, slug, period.from, period.to]);

  const currencies = useMemo(() => {
    const set = new Set<string>();
    for (const m of state.months ?? []) for (const c of Object.keys(m.money)) set.add(c);
    return [...set].sort();
  }, [state.months]);

  return { ...state, currencies };
}
