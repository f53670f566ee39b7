import { CASE_LIMITS, CaseActivity, CaseActivityChange } from '../../../common/case_types';
import { badRequest } from '../../lib/errors';
import { recordCaseTimes } from '../case_times';
import { Actor, CaseAttributes } from '../types';
import { CasesClientArgs } from './types';

/**
 * Every change to a case goes through here: the new attributes, one activity entry per change with
 * the author and time decided by the server, and `updatedAt`/`updatedBy`.
 */
export function recordChanges(current: CaseAttributes, next: Partial<CaseAttributes>, changes: CaseActivityChange[], actor: Actor): CaseAttributes {
  if (current.activity.length + changes.length > CASE_LIMITS.activity) {
    throw badRequest(`The case's activity log is full (limit ${CASE_LIMITS.activity} entries); open a new case to continue the investigation`);
  }
  const entries: CaseActivity[] = changes.map((change) => ({ at: actor.at, by: actor.by, ...change }));
  return recordCaseTimes({ ...current, ...next, activity: [...current.activity, ...entries], updatedAt: actor.at, updatedBy: actor.by }, changes, actor.at);
}

export async function actorOf(args: CasesClientArgs): Promise<Actor> {
  return { by: await args.currentUser(), at: args.now() };
}
