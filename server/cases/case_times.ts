import { CaseActivity, CaseActivityChange } from '../../common/case_types';
import { CaseTimes } from '../../common/case_template_types';
import { CaseAttributes } from './types';

/**
 * Time to acknowledge and to close (docs/cases.md "Time to acknowledge / to close").
 * Acknowledged = the first time the case left `open` or got an assignee; a case created with
 * assignees is acknowledged at creation. Time to close = closedAt − createdAt of the current close
 * (a reopened case has none until it is closed again). Stored on the case (mapped fields) at every
 * write, so the list reads them with the summary fields.
 */
export type TimeFields = Pick<CaseAttributes, 'acknowledgedAt' | 'timeToAcknowledgeMs' | 'timeToCloseMs'>;

const acknowledges = (c: CaseActivityChange): boolean =>
  (c.action === 'status_changed' && c.from === 'open') || (c.action === 'assignees_changed' && c.added.length > 0);

function between(from: string, to: string | null): number | null {
  if (!to) return null;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) ? Math.max(0, ms) : null;
}

function timesFor(a: Pick<CaseAttributes, 'createdAt' | 'status' | 'closedAt'>, acknowledgedAt: string | null): TimeFields {
  return {
    acknowledgedAt,
    timeToAcknowledgeMs: between(a.createdAt, acknowledgedAt),
    timeToCloseMs: a.status === 'closed' ? between(a.createdAt, a.closedAt) : null,
  };
}

/** The times after a write that made `changes` at `at`. */
export function recordCaseTimes(next: CaseAttributes, changes: readonly CaseActivityChange[], at: string): CaseAttributes {
  const acknowledgedAt = next.acknowledgedAt ?? (changes.some(acknowledges) ? at : null);
  return { ...next, ...timesFor(next, acknowledgedAt) };
}

/** At creation: acknowledged at once when created with assignees. */
export function initialCaseTimes(a: Pick<CaseAttributes, 'createdAt' | 'status' | 'closedAt' | 'assignees'>): TimeFields {
  return timesFor(a, a.assignees.length ? a.createdAt : null);
}

/**
 * For a case stored before the times existed (or imported without them): derived from its activity
 * log. Assignees with no `assignees_changed` entry adding them, or a first entry removing some, were
 * there at creation.
 */
export function deriveCaseTimes(a: Pick<CaseAttributes, 'createdAt' | 'status' | 'closedAt' | 'assignees'>, activity: readonly CaseActivity[]): TimeFields {
  const firstAssign = activity.find((e) => e.action === 'assignees_changed');
  const createdAssigned =
    (firstAssign?.action === 'assignees_changed' && firstAssign.removed.length > 0) ||
    (!firstAssign && a.assignees.length > 0);
  const first = createdAssigned ? a.createdAt : activity.find(acknowledges)?.at ?? null;
  return timesFor(a, first);
}

export function toCaseTimes(a: TimeFields): CaseTimes {
  return {
    ...(a.acknowledgedAt ? { acknowledgedAt: a.acknowledgedAt } : {}),
    ...(a.timeToAcknowledgeMs !== null ? { timeToAcknowledgeMs: a.timeToAcknowledgeMs } : {}),
    ...(a.timeToCloseMs !== null ? { timeToCloseMs: a.timeToCloseMs } : {}),
  };
}
