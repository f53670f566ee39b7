import { LIMITS } from '../../common/constants';
import { InvestigationWindow } from '../../common/types';
import { badRequest } from '../lib/errors';

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90m`, `24h`, `7d` → milliseconds; anything else is a 400. */
export function parseDuration(value: string, name: string): number {
  const m = /^(\d{1,5})([mhd])$/.exec(value);
  if (!m) throw badRequest(`${name} must be a duration such as "30m", "24h" or "7d", got "${value.slice(0, 40)}"`);
  return Number(m[1]) * UNIT_MS[m[2]];
}

/**
 * The time window of an investigation: from `before` ahead of the finding's first activity to
 * `after` past its last. A finding active for months is cut to the most recent span the limit allows.
 */
export function investigationWindow(
  firstSeen: string,
  lastSeen: string,
  opts: { before?: string; after?: string } = {}
): InvestigationWindow {
  const before = parseDuration(opts.before ?? LIMITS.defaultWindowBefore, 'window.before');
  const after = parseDuration(opts.after ?? LIMITS.defaultWindowAfter, 'window.after');
  if (before + after > LIMITS.maxWindowMs) {
    throw badRequest(`window.before + window.after may span at most ${LIMITS.maxWindowMs / 86_400_000} days`);
  }
  const start = Date.parse(firstSeen);
  const end = Date.parse(lastSeen);
  if (Number.isNaN(start) || Number.isNaN(end)) throw badRequest('The finding has no usable first/last seen time');
  const to = Math.max(start, end) + after;
  const from = Math.max(Math.min(start, end) - before, to - LIMITS.maxWindowMs);
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}
