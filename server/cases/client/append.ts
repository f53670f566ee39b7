import { conflict } from '../../lib/errors';
import { isConflict } from '../service';
import { Actor, CaseAttributes, StoredCase } from '../types';
import { CasesClientArgs } from './types';

/**
 * Attempts of one append before giving up with a 409; each retry waits a little longer, at random.
 * Measured against OpenSearch 3.8: 40 appends to one case at the same moment needed 7–10 attempts at most.
 */
export const APPEND_MAX_ATTEMPTS = 30;
const BACKOFF_BASE_MS = 10;
const BACKOFF_MAX_MS = 500;

/**
 * Read → modify → write with the version just read, again on a version conflict. Two analysts
 * commenting at once both keep their comment: the one who loses the race re-reads the case (now
 * with the other comment) and appends to that. `append` returns `null` to leave the case as it is.
 */
export async function appendWithRetry(
  args: CasesClientArgs,
  id: string,
  append: (current: CaseAttributes, actor: Actor) => CaseAttributes | null
): Promise<StoredCase> {
  const by = await args.currentUser();
  for (let attempt = 1; ; attempt++) {
    const current = await args.service.get(id);
    // A fresh time per attempt keeps the activity log in write order.
    const next = append(current.attributes, { by, at: args.now() });
    if (!next) return current;
    try {
      const saved = await args.service.update(id, next, current.version);
      if (attempt > 1) args.logger.debug(`case ${id}: append written on attempt ${attempt}`);
      return saved;
    } catch (e) {
      if (!isConflict(e)) throw e;
      if (attempt >= APPEND_MAX_ATTEMPTS) {
        throw conflict(`Case ${id} is being changed by others too often; the change was not saved after ${attempt} attempts, try again`);
      }
      await sleep(backoff(attempt));
    }
  }
}

/** Full jitter: spreads the writers that lost a race so they do not collide again. */
export function backoff(attempt: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
