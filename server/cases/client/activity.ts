import { CASE_LIMITS, CaseActivity, CaseActivityChange } from '../../../common/case_types';
import { badRequest } from '../../lib/errors';
import { recordCaseTimes } from '../case_times';
import { NewItem, sortKeyOf } from '../service';
import { withSortKeys } from '../sort_keys';
import { Actor, CaseAttributes } from '../types';
import { CasesClientArgs } from './types';

/**
 * Every change to a case's fields goes through here: the new attributes (sort keys kept in step,
 * the activity counter advanced, `updatedAt`/`updatedBy`), and one activity entry per change with
 * the author and time decided by the server. The entries are written as items after the case.
 */
export function recordChanges(
  current: CaseAttributes,
  next: Partial<CaseAttributes>,
  changes: CaseActivityChange[],
  actor: Actor
): { attributes: CaseAttributes; entries: CaseActivity[] } {
  assertActivityRoom(current, changes.length);
  const entries: CaseActivity[] = changes.map((change) => ({ at: actor.at, by: actor.by, ...change }));
  const attributes = withSortKeys(
    recordCaseTimes(
      { ...current, ...next, activityCount: current.activityCount + entries.length, updatedAt: actor.at, updatedBy: actor.by },
      changes,
      actor.at
    )
  );
  return { attributes, entries };
}

export function assertActivityRoom(current: Pick<CaseAttributes, 'activityCount'>, adding: number): void {
  if (current.activityCount + adding > CASE_LIMITS.activity) {
    throw badRequest(`The case's activity log is full (limit ${CASE_LIMITS.activity} entries); open a new case to continue the investigation`);
  }
}

/** Activity entries as items of the case (fresh ids; `sortKey` keeps the entries of one change in order). */
export function activityItems(args: Pick<CasesClientArgs, 'newId'>, caseId: string, entries: CaseActivity[], ids?: string[]): NewItem[] {
  return entries.map((e, i) => {
    const id = ids?.[i] ?? args.newId();
    return { id: `${caseId}.e.${id}`, kind: 'activity', sortKey: sortKeyOf(e.at, `${i}.${id}`), at: e.at, by: e.by, data: e };
  });
}

export async function actorOf(args: CasesClientArgs): Promise<Actor> {
  return { by: await args.currentUser(), at: args.now() };
}
