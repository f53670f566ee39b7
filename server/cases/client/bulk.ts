import { BulkCaseAction, BulkCaseResult, BulkCasesRequest, BulkCasesResponse } from '../../../common/case_template_types';
import { toHttpError } from '../../lib/errors';
import { changeWithRetry } from './change';
import { deleteCase } from './delete';
import { applyChanges, CaseChanges } from './update';
import { CasesClientArgs } from './types';

/** Cases changed at once by one bulk request (each write waits for the index refresh, so they overlap). */
export const BULK_CONCURRENCY = 25;

/** The edit a bulk action makes to one case, given its current lists. */
function changesFor(action: Exclude<BulkCaseAction, { type: 'delete' }>, current: { tags: string[]; assignees: string[] }): CaseChanges {
  switch (action.type) {
    case 'status':
      return { status: action.status, ...(action.closeReason ? { closeReason: action.closeReason } : {}) };
    case 'severity':
      return { severity: action.severity };
    case 'tag':
      return { tags: [...current.tags.filter((t) => !action.remove.includes(t)), ...action.add.filter((t) => !current.tags.includes(t))] };
    case 'assignee':
      return { assignees: [...current.assignees.filter((t) => !action.remove.includes(t)), ...action.add.filter((t) => !current.assignees.includes(t))] };
  }
}

/**
 * One action on up to CASE_TEMPLATE_LIMITS.bulkCases cases. Each case is changed on its own, by
 * the same rules as a single edit (status moves, required close fields, limits), on its current
 * version (read → change → write, retried on a conflict): a bulk action applies to the cases as
 * they are, not as the list showed them. A case that fails gets its own result (status and
 * message); the others are still changed.
 */
export async function bulk(args: CasesClientArgs, request: BulkCasesRequest): Promise<BulkCasesResponse> {
  const { action } = request;
  const one = async (id: string): Promise<BulkCaseResult> => {
    try {
      if (action.type === 'delete') {
        await deleteCase(args, id);
        return { id, ok: true };
      }
      const saved = await changeWithRetry(args, id, (current, actor) => applyChanges(current, changesFor(action, current), actor));
      // A merged case's id changes the case it was merged into (as GET follows it): the result names it.
      return { id, ok: true, version: saved.version, ...(saved.redirectedFrom ? { redirectedTo: saved.id } : {}) };
    } catch (e) {
      const err = toHttpError(e);
      if (err.statusCode >= 500) args.logger.error(`bulk ${action.type} of case ${id}: ${err.message}`);
      const missing = err.attributes?.missingFields;
      return { id, ok: false, statusCode: err.statusCode, message: err.message, ...(Array.isArray(missing) ? { missingFields: missing as string[] } : {}) };
    }
  };
  const results: BulkCaseResult[] = new Array(request.ids.length);
  let next = 0;
  const worker = async () => {
    while (next < request.ids.length) {
      const i = next++;
      results[i] = await one(request.ids[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(BULK_CONCURRENCY, request.ids.length) }, worker));
  const succeeded = results.filter((r) => r.ok).length;
  return { results, succeeded, failed: results.length - succeeded };
}
