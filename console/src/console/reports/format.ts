// Formatting shared by the People, Approvals, Audit log and Value report pages.

/** A date-time as the reader's locale shows it, with the ISO value kept for machines. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(undefined, {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: iso.length === 10 ? "UTC" : undefined,
  });
}

/** A person's name, or a plain stand-in when their identity provider sends none. */
export function personName(person: { displayName?: string | null } | null | undefined): string {
  return person?.displayName?.trim() || "Unnamed person";
}

/** "1 request" / "3 requests". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Today's date (UTC) as YYYY-MM-DD. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The first day of the month `monthsBack` months before this one (UTC), YYYY-MM-DD. */
export function monthStartUtc(monthsBack: number): string {
  const now = new Date();
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 1));
  return date.toISOString().slice(0, 10);
}

/** The months a period touches: each with its first and last day, clipped to the period. */
export function monthsOf(from: string, to: string): { label: string; from: string; to: string }[] {
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  const months: { label: string; from: string; to: string }[] = [];
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || start > end) return months;
  let cursor = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
  while (cursor <= end) {
    const next = new Date(Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth() + 1, 1));
    const last = new Date(next.getTime() - 86_400_000);
    const monthFrom = cursor < start ? start : cursor;
    const monthTo = last > end ? end : last;
    months.push({
      label: cursor.toISOString().slice(0, 7),
      from: monthFrom.toISOString().slice(0, 10),
      to: monthTo.toISOString().slice(0, 10),
    });
    cursor = next;
  }
  return months;
}

/** A number with the reader's grouping, at most two decimals. */
export function formatNumber(value: number): string {
  return value.toLocaleString(undefined, { maximumFractionDigits: 2 });
}

/** Words of an enum value: MEMBER_ORGANIZATION_ADMIN → "member organization admin". */
export function enumWords(value: string): string {
  return value.toLowerCase().replace(/_/g, " ");
}
