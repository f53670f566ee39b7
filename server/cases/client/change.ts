import { CaseActivity } from '../../../common/case_types';
import { conflict } from '../../lib/errors';
import { isConflict } from '../service';
import { Actor, CaseAttributes, StoredCase } from '../types';
import { activityItems } from './activity';
import { keepRedirect } from './merge';
import { load, recount } from './view';
import { CasesClientArgs } from './types';

/** Attempts of one change to the case's own fields (tasks, bulk edits) before giving up with a 409. */
export const CHANGE_MAX_ATTEMPTS = 20;
const BACKOFF_BASE_MS = 10;
const BACKOFF_MAX_MS = 500;

/**
 * A change to the case document's own fields that must not be lost to a concurrent one (tasks,
 * bulk edits): read → change → write with the version just read, again on a version conflict; the
 * change says the state wanted, so a retry re-applies the same intent to the fresh case. Its
 * activity entries are then written as items (appends of comments and attachments never come
 * here: they are plain creates). `change` returns `null` to leave the case as it is.
 */
export async function changeWithRetry(
  args: CasesClientArgs,
  id: string,
  change: (current: CaseAttributes, actor: Actor) => { attributes: CaseAttributes; entries: CaseActivity[] } | null
): Promise<StoredCase> {
  const by = await args.currentUser();
  for (let attempt = 1; ; attempt++) {
    const current = await load(args, id);
    const next = change(current.attributes, { by, at: args.now() });
    if (!next) return current;
    try {
      await args.service.update(current.id, next.attributes, current.version);
    } catch (e) {
      if (!isConflict(e)) throw e;
      if (attempt >= CHANGE_MAX_ATTEMPTS) {
        throw conflict(`Case ${id} is being changed by others too often; the change was not saved after ${attempt} attempts, try again`);
      }
      await sleep(backoff(attempt));
      continue;
    }
    await args.service.createItems(current.id, activityItems(args, current.id, next.entries));
    // Through a merged case's id: the case it was merged into changed, and the answer says so.
    return keepRedirect(current, await recount(args, current.id, ['activity']));
  }
}

/** Full jitter: spreads the writers that lost a race so they do not collide again. */
export function backoff(attempt: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
